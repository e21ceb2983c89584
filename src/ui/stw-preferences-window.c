/* stw-preferences-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-preferences-window.h"
#include "stw-sla-page.h"
#include "stw-ui-util.h"
#include "core/stw-validate.h"

/*
 * What there is to set: the style, and the currency of new assets; with
 * a database open, also its service levels, on a page of their own.
 */

struct _StwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  StwDatabase          *db;

  AdwComboRow          *style_row;
  GtkWidget            *currency_row;
  GtkWidget            *currency_error;
};

G_DEFINE_FINAL_TYPE (StwPreferencesWindow, stw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const schemes[] = { "default", "light", "dark" };

static void
style_selected_cb (StwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (schemes))
    g_settings_set_string (self->settings, "color-scheme", schemes[selected]);
}

static void
currency_changed_cb (StwPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->currency_row));
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL)
    return;

  /* Saved as soon as it is a currency code; never saved while it is not. */
  if (text[0] == '\0' || !stw_validate_currency (text, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("Enter a currency code, such as EUR or USD."));
      stw_ui_set_row_error (self->currency_row, self->currency_error, error);
      return;
    }

  stw_ui_set_row_error (self->currency_row, self->currency_error, NULL);
  g_settings_set_string (self->settings, "default-currency", text);
}

static void
stw_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STW_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (stw_preferences_window_parent_class)->dispose (object);
}

static void
stw_preferences_window_finalize (GObject *object)
{
  StwPreferencesWindow *self = (StwPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_preferences_window_parent_class)->finalize (object);
}

static void
stw_preferences_window_class_init (StwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_preferences_window_dispose;
  object_class->finalize = stw_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StwPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, StwPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, StwPreferencesWindow, currency_error);
  gtk_widget_class_bind_template_callback (widget_class, style_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
}

static void
stw_preferences_window_init (StwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * stw_preferences_window_new:
 * @db: (nullable): the open database, whose own preferences are shown
 *   too
 */
StwPreferencesWindow *
stw_preferences_window_new (GSettings   *settings,
                            StwDatabase *db)
{
  StwPreferencesWindow *self;
  g_autofree char *scheme = NULL;
  g_autofree char *currency = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (db == NULL || STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_PREFERENCES_WINDOW, NULL);

  scheme = g_settings_get_string (settings, "color-scheme");
  currency = g_settings_get_string (settings, "default-currency");
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (scheme, schemes[i]))
      adw_combo_row_set_selected (self->style_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);

  /* Set last, so showing the current values writes nothing back. */
  self->settings = g_object_ref (settings);

  if (db != NULL)
    {
      self->db = g_object_ref (db);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (stw_sla_page_new (db)));
    }

  return self;
}

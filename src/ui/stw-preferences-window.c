/* stw-preferences-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-accounts-page.h"
#include "stw-preferences-window.h"
#include "stw-sla-page.h"
#include "stw-ui-util.h"
#include "core/stw-person.h"
#include "core/stw-validate.h"
#include "store/stw-person-repo.h"
#include "store/stw-preferences-repo.h"

/*
 * What there is to set: the style, and the currency of new assets; with
 * a database open, also who "I" am among its people and, on pages of
 * their own, its service levels and the servers it syncs with.
 */

struct _StwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  StwDatabase          *db;
  GListStore           *people;
  gboolean              loading;

  AdwComboRow          *style_row;
  GtkWidget            *currency_row;
  GtkWidget            *currency_error;
  GtkWidget            *you_group;
  AdwComboRow          *me_row;
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

static char *
person_label (StwPerson *person)
{
  return g_strdup (stw_person_get_name (person));
}

static gint64
selected_person_id (StwPreferencesWindow *self)
{
  g_autoptr(StwPerson) person = NULL;
  guint selected = adw_combo_row_get_selected (self->me_row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return 0;

  person = g_list_model_get_item (G_LIST_MODEL (self->people), selected);
  return person != NULL ? stw_person_get_id (person) : 0;
}

/* Lists “None” and the people, and selects the one who is “me”. */
static void
load_people (StwPreferencesWindow *self)
{
  g_autoptr(StwPerson) nobody = stw_person_new ();
  g_autoptr(GListModel) people = NULL;
  gint64 me = stw_preferences_repo_get_me (self->db);
  guint selected = 0;

  /* Translators: no one among the people is you */
  stw_person_set_name (nobody, _("None"));
  people = stw_person_repo_list_names (self->db, NULL);

  self->loading = TRUE;
  g_list_store_remove_all (self->people);
  g_list_store_append (self->people, nobody);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (people, i);

      if (me != 0 && stw_person_get_id (person) == me)
        selected = i + 1;
      g_list_store_append (self->people, person);
    }
  adw_combo_row_set_selected (self->me_row, selected);
  self->loading = FALSE;
}

static void
me_selected_cb (StwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->db == NULL || self->loading)
    return;

  id = selected_person_id (self);
  if (id == stw_preferences_repo_get_me (self->db))
    return;

  if (!stw_preferences_repo_set_me_sync (self->db, id, &error))
    {
      /* Gone in the meantime, say: show the list as it is now. */
      stw_ui_toast_error (GTK_WIDGET (self), error);
      load_people (self);
    }
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
  g_clear_object (&self->people);

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
  gtk_widget_class_bind_template_child (widget_class, StwPreferencesWindow, you_group);
  gtk_widget_class_bind_template_child (widget_class, StwPreferencesWindow, me_row);
  gtk_widget_class_bind_template_callback (widget_class, style_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, me_selected_cb);
}

static void
stw_preferences_window_init (StwPreferencesWindow *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = g_list_store_new (STW_TYPE_PERSON);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (person_label), NULL, NULL);
  adw_combo_row_set_expression (self->me_row, expression);
  gtk_expression_unref (expression);
  self->loading = TRUE;
  adw_combo_row_set_model (self->me_row, G_LIST_MODEL (self->people));
  self->loading = FALSE;
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
      load_people (self);
      gtk_widget_set_visible (self->you_group, TRUE);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (stw_sla_page_new (db)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (stw_accounts_page_new (db, settings)));
    }

  return self;
}

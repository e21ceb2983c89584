/* stw-ui-util.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ui-util"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-ui-util.h"
#include "stw-window.h"

/*
 * Shows @title in the toast overlay around @widget; with @action_name, the
 * toast has a button (such as “Undo”) that activates it.
 */
void
stw_ui_toast (GtkWidget  *widget,
              const char *title,
              const char *button_label,
              const char *action_name)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && STW_IS_WINDOW (gtk_widget_get_root (widget)))
    overlay = GTK_WIDGET (stw_window_get_toast_overlay (STW_WINDOW (gtk_widget_get_root (widget))));
  if (overlay == NULL)
    {
      /* Not in a window yet: the message must not be lost. */
      g_message ("%s", title);
      return;
    }

  toast = adw_toast_new (title);
  if (action_name != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
stw_ui_toast_error (GtkWidget    *widget,
                    const GError *error)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Toast titles are markup; messages may hold any character. */
  escaped = g_markup_escape_text (error->message, -1);
  stw_ui_toast (widget, escaped, NULL, NULL);
}

/**
 * stw_ui_set_row_error:
 * @error: (nullable): the problem with the row's value, or %NULL when fine
 *
 * Marks a row as invalid — red, with a warning icon whose tooltip and
 * accessible description say why — or clears the mark.
 */
void
stw_ui_set_row_error (GtkWidget    *row,
                      GtkWidget    *icon,
                      const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (icon, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (icon, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_visible (icon, error != NULL);
}

/**
 * stw_ui_entry_row_new:
 * @error_icon: (out): the hidden warning icon stw_ui_set_row_error() shows
 *
 * Returns: (transfer floating): an #AdwEntryRow titled @title
 */
GtkWidget *
stw_ui_entry_row_new (const char  *title,
                      GtkWidget  **error_icon)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "error");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  *error_icon = icon;

  return row;
}

/* Shows @dialog over the window that holds @widget. */
void
stw_ui_present_dialog (GtkWidget *widget,
                       GtkWindow *dialog)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/**
 * stw_ui_replace_items:
 *
 * Replaces everything in @store with the items of @items in one change.
 *
 * Returns: how many items @store has now
 */
guint
stw_ui_replace_items (GListStore *store,
                      GListModel *items)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
  return array->len;
}

/* ““Room 101” deleted”, with Undo. */
void
stw_ui_toast_deleted (GtkWidget  *widget,
                      const char *name)
{
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), name);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  stw_ui_toast (widget, escaped, _("_Undo"), "win.undo");
}

/*
 * For a widget's dispose: the template's top child has no id, so
 * gtk_widget_dispose_template() leaves it; unparent what remains.
 */
void
stw_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

typedef struct
{
  GtkWidget       *widget;
  StwDeleteFinish  finish;
  char            *name;
} DeleteCall;

static void
delete_record_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DeleteCall *call = user_data;
  g_autoptr(GError) error = NULL;

  if (call->finish (STW_DATABASE (object), result, &error))
    stw_ui_toast_deleted (call->widget, call->name);
  else
    stw_ui_toast_error (call->widget, error);

  g_object_unref (call->widget);
  g_free (call->name);
  g_free (call);
}

/**
 * stw_ui_delete_record:
 * @reassign_to: where the record's assets go (see the repositories)
 * @name: the record's name, for the toast
 *
 * Deletes a location or person and says so in a toast with Undo, or says
 * why not.
 */
void
stw_ui_delete_record (GtkWidget       *widget,
                      StwDatabase     *db,
                      StwDeleteStart   start,
                      StwDeleteFinish  finish,
                      gint64           id,
                      gint64           reassign_to,
                      const char      *name,
                      GCancellable    *cancellable)
{
  DeleteCall *call = g_new0 (DeleteCall, 1);

  call->widget = g_object_ref (widget);
  call->finish = finish;
  call->name = g_strdup (name);
  start (db, id, reassign_to, cancellable, delete_record_cb, call);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  StwUiReloadFunc reload;
  gboolean        stale;
} DeferredReload;

static void
deferred_map_cb (GtkWidget      *widget,
                 DeferredReload *deferred)
{
  if (deferred->stale)
    {
      deferred->stale = FALSE;
      deferred->reload (widget);
    }
}

/**
 * stw_ui_reload_when_shown:
 * @reload: fills @widget anew
 *
 * Runs @reload now if @widget is on screen, or else the next time it is.
 * A view the person is not looking at does not count a million assets
 * after every edit.
 */
void
stw_ui_reload_when_shown (GtkWidget       *widget,
                          StwUiReloadFunc  reload)
{
  DeferredReload *deferred = g_object_get_data (G_OBJECT (widget), "stw-deferred-reload");

  if (deferred == NULL)
    {
      deferred = g_new0 (DeferredReload, 1);
      deferred->reload = reload;
      g_object_set_data_full (G_OBJECT (widget), "stw-deferred-reload", deferred, g_free);
      g_signal_connect (widget, "map", G_CALLBACK (deferred_map_cb), deferred);
    }

  deferred->stale = !gtk_widget_get_mapped (widget);
  if (!deferred->stale)
    reload (widget);
}

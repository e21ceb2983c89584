/* stw-conflict-banner.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-conflict-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-conflict-banner.h"
#include "stw-conflicts-dialog.h"
#include "stw-sync-format.h"
#include "stw-ui-util.h"
#include "store/stw-sync-store.h"

/*
 * At the top of a ticket's or an asset's detail, when fields of the
 * record were changed both here and on the server: which ones, and the
 * way to choose. Hidden while there is nothing to choose.
 */

struct _StwConflictBanner
{
  AdwPreferencesGroup  parent_instance;

  StwDatabase         *db;
  char                *entity;
  gint64               local_id;

  GtkWidget           *row;
};

G_DEFINE_FINAL_TYPE (StwConflictBanner, stw_conflict_banner, ADW_TYPE_PREFERENCES_GROUP)

/* ------------------------------------------------------------------------ */

static void
refresh (StwConflictBanner *self)
{
  g_autoptr(GListModel) conflicts = NULL;
  g_autofree char *fields = NULL;

  if (self->db != NULL && self->entity != NULL && self->local_id != 0)
    conflicts = stw_sync_conflict_list (self->db, self->entity, self->local_id, NULL);

  if (conflicts == NULL || g_list_model_get_n_items (conflicts) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  fields = stw_sync_format_fields (conflicts);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->row), fields);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
database_changed_cb (StwConflictBanner *self,
                     StwEntity          entities)
{
  if (entities & STW_ENTITY_SYNC)
    refresh (self);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  StwConflictBanner *self = STW_CONFLICT_BANNER (widget);
  StwConflictsDialog *dialog;

  if (self->db == NULL)
    return;

  dialog = stw_conflicts_dialog_new (self->db, self->entity, self->local_id);
  stw_ui_present_dialog (widget, GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_conflict_banner_dispose (GObject *object)
{
  StwConflictBanner *self = (StwConflictBanner *)object;

  stw_conflict_banner_set_record (self, NULL, NULL, 0);

  G_OBJECT_CLASS (stw_conflict_banner_parent_class)->dispose (object);
}

static void
stw_conflict_banner_class_init (StwConflictBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_conflict_banner_dispose;

  gtk_widget_class_install_action (widget_class, "conflict-banner.resolve", NULL, resolve_action);
}

static void
stw_conflict_banner_init (StwConflictBanner *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Resolve…"));

  self->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row),
                                 _("Changed here and on the server"));
  gtk_widget_add_css_class (self->row, "conflict-banner");

  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->row), icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose between your values and the server’s"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflict-banner.resolve");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->row), button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->row);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
stw_conflict_banner_new (void)
{
  return g_object_new (STW_TYPE_CONFLICT_BANNER, NULL);
}

/**
 * stw_conflict_banner_set_record:
 * @db: (nullable): the store
 * @entity: (nullable): STW_SYNC_TICKET or STW_SYNC_ASSET
 * @local_id: the record, or 0 for none
 *
 * Shows the conflicts of this record, now and as they change.
 */
void
stw_conflict_banner_set_record (StwConflictBanner *self,
                                StwDatabase       *db,
                                const char        *entity,
                                gint64             local_id)
{
  g_return_if_fail (STW_IS_CONFLICT_BANNER (self));
  g_return_if_fail (db == NULL || STW_IS_DATABASE (db));

  if (self->db != db)
    {
      if (self->db != NULL)
        g_signal_handlers_disconnect_by_data (self->db, self);
      g_set_object (&self->db, db);
      if (db != NULL)
        g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  if (g_strcmp0 (self->entity, entity) != 0)
    {
      g_free (self->entity);
      self->entity = g_strdup (entity);
    }
  self->local_id = local_id;

  refresh (self);
}

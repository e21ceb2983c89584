/* stw-conflicts-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-conflicts-dialog.h"
#include "stw-sync-format.h"
#include "sync/stw-sync-labels.h"
#include "stw-ui-util.h"
#include "core/stw-account.h"
#include "store/stw-sync-store.h"

/*
 * The fields changed both here and on the server, each with the two
 * values and the one they both started from, grouped by record. A choice
 * (mine, theirs, or a value typed here) is one undoable edit of the
 * record; the conflict then goes from the list, and the next sync sends
 * the value chosen. Opened for one record from its detail, it lists that
 * record's conflicts only.
 */

struct _StwConflictsDialog
{
  AdwWindow        parent_instance;

  StwDatabase     *db;
  char            *entity;        /* NULL: every record */
  gint64           local_id;
  GPtrArray       *groups;
  GHashTable      *conflicts;     /* id → StwSyncConflict, as shown */
  GHashTable      *editors;       /* id → GtkEntry of its Edit… */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (StwConflictsDialog, stw_conflicts_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------------ */
/* Showing                                                                  */
/* ------------------------------------------------------------------------ */

static GtkWidget *
value_label_new (const char *text,
                 gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* “Yours:  Printer jams on tray 2”, as a row of the grid. */
static void
add_value (GtkGrid    *grid,
           int         line,
           const char *caption,
           const char *value,
           gboolean    dim)
{
  GtkWidget *caption_label = value_label_new (caption, TRUE);
  GtkWidget *value_label = value_label_new (value, dim);

  gtk_widget_set_hexpand (caption_label, FALSE);
  gtk_widget_set_valign (caption_label, GTK_ALIGN_START);
  gtk_grid_attach (grid, caption_label, 0, line, 1, 1);
  gtk_grid_attach (grid, value_label, 1, line, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption_label, NULL, -1);
}

static GtkWidget *
choice_button_new (const char *label,
                   const char *accessible_label,
                   const char *action,
                   gint64      id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

/* Enter in an edit uses the value typed. */
static void
entry_activate_cb (GtkEntry           *entry,
                   StwConflictsDialog *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (entry), "conflict-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "conflicts.use-value", "x", *id);
}

static GtkWidget *
conflict_row_new (StwConflictsDialog *self,
                  StwSyncConflict    *conflict)
{
  const char *entity = stw_sync_conflict_get_entity (conflict);
  const char *field = stw_sync_conflict_get_field (conflict);
  const char *label = stw_sync_field_label (entity, field);
  gint64 id = stw_sync_conflict_get_id (conflict);
  g_autofree char *mine = stw_sync_format_value (entity, field, stw_sync_conflict_get_mine (conflict));
  g_autofree char *theirs = stw_sync_format_value (entity, field,
                                                   stw_sync_conflict_get_theirs (conflict));
  g_autofree char *base = stw_sync_format_value (entity, field, stw_sync_conflict_get_base (conflict));
  g_autofree char *keep_label = g_strdup_printf (_("Keep your %s"), label);
  g_autofree char *take_label = g_strdup_printf (_("Take the server’s %s"), label);
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), label);
  g_autofree char *entry_label = g_strdup_printf (_("New value of %s"), label);
  g_autofree char *edit_text = stw_sync_format_edit_text (entity, field,
                                                          stw_sync_conflict_get_mine (conflict));
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_label_new (label);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *edit_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *edit;

  /* A preferences row, so the group lists it; a card whose buttons take
   * the focus, not the row. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_name (row, "conflict");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  add_value (GTK_GRID (grid), 0, _("Yours"), mine, FALSE);
  add_value (GTK_GRID (grid), 1, _("Server’s"), theirs, FALSE);
  /* Translators: the value both sides had at the last sync */
  add_value (GTK_GRID (grid), 2, _("Before"), base, TRUE);
  gtk_box_append (GTK_BOX (box), grid);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons),
                  choice_button_new (_("Keep _Mine"), keep_label, "conflicts.keep-mine", id));
  gtk_box_append (GTK_BOX (buttons),
                  choice_button_new (_("Take _Theirs"), take_label, "conflicts.take-theirs", id));
  edit = choice_button_new (_("_Edit…"), edit_label, "conflicts.edit", id);
  /* A record deleted on one side has no value to type. */
  gtk_widget_set_visible (edit, !g_str_equal (field, "*"));
  gtk_box_append (GTK_BOX (buttons), edit);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_editable_set_text (GTK_EDITABLE (entry), edit_text);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry_label, -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activate_cb), self, 0);
  gtk_box_append (GTK_BOX (edit_box), entry);
  gtk_box_append (GTK_BOX (edit_box),
                  choice_button_new (_("_Use This Value"), _("Use this value"), "conflicts.use-value",
                                     id));
  gtk_widget_add_css_class (gtk_widget_get_last_child (edit_box), "suggested-action");
  gtk_revealer_set_child (GTK_REVEALER (revealer), edit_box);
  gtk_box_append (GTK_BOX (box), revealer);

  g_object_set_data_full (G_OBJECT (entry), "conflict-id", g_memdup2 (&id, sizeof id), g_free);
  g_hash_table_insert (self->editors, g_memdup2 (&id, sizeof id), entry);
  g_hash_table_insert (self->conflicts, g_memdup2 (&id, sizeof id), g_object_ref (conflict));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static const char *
account_name (GPtrArray *accounts,
              gint64     id)
{
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    if (stw_account_get_id (g_ptr_array_index (accounts, i)) == id)
      return stw_account_get_name (g_ptr_array_index (accounts, i));

  return NULL;
}

static void
reload (StwConflictsDialog *self)
{
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  const char *group_entity = NULL;
  gint64 group_id = 0;
  guint n;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->editors);
  g_hash_table_remove_all (self->conflicts);

  conflicts = stw_sync_conflict_list (self->db, self->entity, self->local_id, &error);
  if (conflicts == NULL)
    {
      stw_ui_toast_error (GTK_WIDGET (self->toast_overlay), error);
      return;
    }

  /* Opened for one record: its name, as it is now. */
  if (self->entity != NULL && self->local_id != 0)
    {
      g_autofree char *record = stw_sync_format_record (self->db, self->entity, self->local_id);

      adw_window_title_set_subtitle (self->window_title, record);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, _("Changed here and on the server"));
    }

  accounts = stw_account_repo_list (self->db, NULL);
  n = g_list_model_get_n_items (conflicts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwSyncConflict) conflict = g_list_model_get_item (conflicts, i);
      const char *entity = stw_sync_conflict_get_entity (conflict);
      gint64 local_id = stw_sync_conflict_get_local_id (conflict);

      /* One group per record, its conflicts listed together. */
      if (group == NULL || g_strcmp0 (entity, group_entity) != 0 || local_id != group_id)
        {
          g_autofree char *record = stw_sync_format_record (self->db, entity, local_id);
          g_autofree char *title = g_markup_escape_text (record, -1);
          const char *name = account_name (accounts, stw_sync_conflict_get_account_id (conflict));

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          if (name != NULL)
            {
              /* Translators: %s is an account's name */
              g_autofree char *description = g_strdup_printf (_("On “%s”"), name);
              g_autofree char *escaped = g_markup_escape_text (description, -1);

              adw_preferences_group_set_description (group, escaped);
            }
          adw_preferences_page_add (self->page, group);
          g_ptr_array_add (self->groups, group);
          group_entity = entity;
          group_id = local_id;
        }

      adw_preferences_group_add (group, conflict_row_new (self, conflict));
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
database_changed_cb (StwConflictsDialog *self,
                     StwEntity           entities)
{
  /* The records' names may have changed too. */
  if (entities & (STW_ENTITY_SYNC | STW_ENTITY_TICKET | STW_ENTITY_ASSET))
    reload (self);
}

/* ------------------------------------------------------------------------ */
/* Choosing                                                                 */
/* ------------------------------------------------------------------------ */

static void
resolve (StwConflictsDialog *self,
         gint64              id,
         StwSyncResolution   resolution,
         const char         *value)
{
  StwSyncConflict *conflict = g_hash_table_lookup (self->conflicts, &id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  const char *label;

  if (conflict == NULL)
    return;

  label = stw_sync_field_label (stw_sync_conflict_get_entity (conflict),
                                 stw_sync_conflict_get_field (conflict));
  /* The list is made anew as the store says it changed: keep the label. */
  label = g_intern_string (label);

  if (!stw_sync_conflict_resolve_sync (self->db, id, resolution, value, &error))
    {
      stw_ui_toast_error (GTK_WIDGET (self->toast_overlay), error);
      return;
    }

  /* Translators: %s is a field, such as Title */
  title = g_strdup_printf (_("%s settled"), label);
  escaped = g_markup_escape_text (title, -1);
  stw_ui_toast (GTK_WIDGET (self->toast_overlay), escaped, _("_Undo"), "conflicts.undo");
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  resolve (STW_CONFLICTS_DIALOG (widget), g_variant_get_int64 (param), STW_SYNC_KEEP_MINE, NULL);
}

static void
take_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  resolve (STW_CONFLICTS_DIALOG (widget), g_variant_get_int64 (param), STW_SYNC_TAKE_THEIRS, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StwConflictsDialog *self = STW_CONFLICTS_DIALOG (widget);
  gint64 id = g_variant_get_int64 (param);
  GtkWidget *entry = g_hash_table_lookup (self->editors, &id);
  GtkWidget *revealer;

  if (entry == NULL)
    return;

  revealer = gtk_widget_get_ancestor (entry, GTK_TYPE_REVEALER);
  gtk_revealer_set_reveal_child (GTK_REVEALER (revealer),
                                 !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  if (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    gtk_widget_grab_focus (entry);
}

static void
use_value_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StwConflictsDialog *self = STW_CONFLICTS_DIALOG (widget);
  gint64 id = g_variant_get_int64 (param);
  GtkWidget *entry = g_hash_table_lookup (self->editors, &id);
  StwSyncConflict *conflict = g_hash_table_lookup (self->conflicts, &id);
  g_autofree char *json = NULL;

  if (entry == NULL || conflict == NULL)
    return;

  /* A number stays a number; nothing typed is no value. */
  json = stw_sync_format_json_text (stw_sync_conflict_get_entity (conflict),
                                    stw_sync_conflict_get_field (conflict),
                                    gtk_editable_get_text (GTK_EDITABLE (entry)),
                                    stw_sync_conflict_get_mine (conflict));
  resolve (self, id, STW_SYNC_USE_VALUE, json);
}

static void
undo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StwConflictsDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!stw_database_undo_finish (STW_DATABASE (object), result, &error))
    stw_ui_toast_error (GTK_WIDGET (self->toast_overlay), error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StwConflictsDialog *self = STW_CONFLICTS_DIALOG (widget);

  /* Undo gives the record its value back; the conflict itself is settled. */
  stw_database_undo_async (self->db, NULL, undo_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_conflicts_dialog_dispose (GObject *object)
{
  StwConflictsDialog *self = (StwConflictsDialog *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_hash_table_remove_all (self->editors);
  g_hash_table_remove_all (self->conflicts);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_CONFLICTS_DIALOG);

  G_OBJECT_CLASS (stw_conflicts_dialog_parent_class)->dispose (object);
}

static void
stw_conflicts_dialog_finalize (GObject *object)
{
  StwConflictsDialog *self = (StwConflictsDialog *)object;

  g_clear_object (&self->db);
  g_free (self->entity);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_hash_table_unref);

  G_OBJECT_CLASS (stw_conflicts_dialog_parent_class)->finalize (object);
}

static void
stw_conflicts_dialog_class_init (StwConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_conflicts_dialog_dispose;
  object_class->finalize = stw_conflicts_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StwConflictsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StwConflictsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StwConflictsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StwConflictsDialog, page);

  gtk_widget_class_install_action (widget_class, "conflicts.keep-mine", "x", keep_mine_action);
  gtk_widget_class_install_action (widget_class, "conflicts.take-theirs", "x", take_theirs_action);
  gtk_widget_class_install_action (widget_class, "conflicts.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "conflicts.use-value", "x", use_value_action);
  gtk_widget_class_install_action (widget_class, "conflicts.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stw_conflicts_dialog_init (StwConflictsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->editors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->conflicts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_conflicts_dialog_new:
 * @entity: (nullable): the kind of record whose conflicts to list, or
 *   %NULL for all
 * @local_id: the record, or 0 for every record of @entity
 */
StwConflictsDialog *
stw_conflicts_dialog_new (StwDatabase *db,
                          const char  *entity,
                          gint64       local_id)
{
  StwConflictsDialog *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_CONFLICTS_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->entity = g_strdup (entity);
  self->local_id = local_id;

  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

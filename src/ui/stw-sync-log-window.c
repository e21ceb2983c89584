/* stw-sync-log-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-log-window"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-sync-format.h"
#include "stw-sync-log-window.h"
#include "stw-ui-resources.h"
#include "core/stw-account.h"
#include "store/stw-sync-store.h"
#include "store/stw-ticket-repo.h"

/*
 * What the syncs did, newest first: when, on which account, what was
 * done (with an icon and in words), to which record, and what the server
 * or the engine said. A line about a ticket that is here opens it in the
 * main window. The lines can be narrowed to one account or one kind.
 *
 * The store keeps the last runs of each account; the window shows at
 * most MAX_LINES of them, so its list stays small whatever was synced.
 */

#define MAX_LINES 1000

struct _StwSyncLogWindow
{
  AdwWindow     parent_instance;

  StwDatabase  *db;
  GListStore   *lines;          /* StwSyncLogEntry, as shown */
  GArray       *account_ids;    /* gint64, as the account filter lists them */
  gboolean      loading;

  GtkDropDown  *account_filter;
  GtkDropDown  *action_filter;
  GtkStack     *stack;
  GtkListView  *list_view;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (StwSyncLogWindow, stw_sync_log_window, ADW_TYPE_WINDOW)

/* The kinds of line the action filter offers, after “All”. */
static const char * const filter_actions[] = {
  "pulled", "pushed", "created", "merged", "conflict", "deleted", "refused", "error",
};

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */
/* ------------------------------------------------------------------------ */

static const char *
account_name (StwSyncLogWindow *self,
              gint64            id)
{
  GListModel *names = gtk_drop_down_get_model (self->account_filter);

  for (guint i = 1; i < self->account_ids->len; i++)
    if (g_array_index (self->account_ids, gint64, i) == id)
      return gtk_string_list_get_string (GTK_STRING_LIST (names), i);

  return NULL;
}

/* Whether the line names a ticket that is here to be opened. */
static gboolean
names_local_ticket (StwSyncLogWindow *self,
                    StwSyncLogEntry  *entry)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "openable"));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          StwSyncLogWindow         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open the Ticket"));
  /* The target's type first, so the action is never asked with none. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", (gint64)0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "log.open-ticket");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), open);

  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "open", open);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         StwSyncLogWindow         *self)
{
  StwSyncLogEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *open = g_object_get_data (G_OBJECT (box), "open");
  const char *action = stw_sync_log_entry_get_action (entry);
  const char *record = g_object_get_data (G_OBJECT (entry), "record");
  const char *message = stw_sync_log_entry_get_message (entry);
  const char *account = account_name (self, stw_sync_log_entry_get_account_id (entry));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = stw_sync_format_time (stw_sync_log_entry_get_time (entry), now);
  g_autoptr(GString) title = g_string_new (stw_sync_format_action (action));
  g_autoptr(GString) detail = g_string_new (time);
  g_autofree char *open_label = NULL;

  if (record != NULL)
    /* Translators: between the parts of a sync log line, “Pulled · Ticket #12” */
    g_string_append_printf (title, _(" · %s"), record);
  if (account != NULL)
    g_string_append_printf (detail, _(" · %s"), account);
  if (message != NULL && message[0] != '\0')
    g_string_append_printf (detail, _(" · %s"), message);

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (box), "icon"),
                                stw_sync_format_action_icon (action));
  gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (box), "icon"), "error");
  gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (box), "icon"), "warning");
  if (g_strcmp0 (action, "error") == 0 || g_strcmp0 (action, "refused") == 0)
    gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "icon"), "error");
  else if (g_strcmp0 (action, "conflict") == 0)
    gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "icon"), "warning");

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "title"), title->str);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "detail"), detail->str);

  gtk_widget_set_visible (open, names_local_ticket (self, entry));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x",
                                    stw_sync_log_entry_get_local_id (entry));
  /* Translators: %s is “Ticket #12 · Printer jams” */
  open_label = g_strdup_printf (_("Open %s"), record != NULL ? record : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label,
                                  -1);
}

/* Names the record of each line, once per record. */
static void
describe_records (StwSyncLogWindow *self,
                  GPtrArray        *entries)
{
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      StwSyncLogEntry *entry = g_ptr_array_index (entries, i);
      const char *entity = stw_sync_log_entry_get_entity (entry);
      gint64 local_id = stw_sync_log_entry_get_local_id (entry);
      g_autofree char *key = NULL;
      const char *record;

      if (entity == NULL || local_id == 0)
        continue;

      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, local_id);
      record = g_hash_table_lookup (records, key);
      if (record == NULL)
        {
          char *label = stw_sync_format_record (self->db, entity, local_id);

          g_hash_table_insert (records, g_strdup (key), label);
          record = label;
        }

      g_object_set_data_full (G_OBJECT (entry), "record", g_strdup (record), g_free);
      if (g_str_equal (entity, STW_SYNC_TICKET))
        {
          g_autoptr(StwTicket) ticket = stw_ticket_repo_load (self->db, local_id, NULL);

          g_object_set_data (G_OBJECT (entry), "openable", GINT_TO_POINTER (ticket != NULL));
        }
    }
}

static void
reload (StwSyncLogWindow *self)
{
  guint account = gtk_drop_down_get_selected (self->account_filter);
  guint action = gtk_drop_down_get_selected (self->action_filter);
  gint64 account_id = account < self->account_ids->len
                      ? g_array_index (self->account_ids, gint64, account) : 0;
  const char *wanted = action > 0 && action <= G_N_ELEMENTS (filter_actions)
                       ? filter_actions[action - 1] : NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  lines = stw_sync_log_list (self->db, account_id, MAX_LINES, NULL);
  for (guint i = 0; lines != NULL && i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(StwSyncLogEntry) entry = g_list_model_get_item (lines, i);

      if (wanted == NULL || g_strcmp0 (stw_sync_log_entry_get_action (entry), wanted) == 0)
        g_ptr_array_add (shown, g_steal_pointer (&entry));
    }

  describe_records (self, shown);
  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       shown->pdata, shown->len);

  adw_status_page_set_title (self->empty_page,
                             account_id == 0 && wanted == NULL ? _("Nothing Synced Yet")
                                                               : _("No Matching Lines"));
  gtk_stack_set_visible_child_name (self->stack, shown->len > 0 ? "list" : "empty");
}

/* The accounts, for the filter; keeps the one chosen when it is still there. */
static void
load_accounts (StwSyncLogWindow *self)
{
  g_autoptr(GPtrArray) accounts = stw_account_repo_list (self->db, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->account_filter);
  gint64 chosen = selected < self->account_ids->len
                  ? g_array_index (self->account_ids, gint64, selected) : 0;
  gint64 all = 0;

  g_array_set_size (self->account_ids, 0);
  g_array_append_val (self->account_ids, all);
  gtk_string_list_append (names, _("All Accounts"));
  selected = 0;
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      StwAccount *account = g_ptr_array_index (accounts, i);
      gint64 id = stw_account_get_id (account);

      g_array_append_val (self->account_ids, id);
      gtk_string_list_append (names, stw_account_get_name (account));
      if (id == chosen)
        selected = i + 1;
    }

  self->loading = TRUE;
  gtk_drop_down_set_model (self->account_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->account_filter, selected);
  self->loading = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
filter_changed_cb (StwSyncLogWindow *self)
{
  if (self->db != NULL && !self->loading)
    reload (self);
}

static void
database_changed_cb (StwSyncLogWindow *self,
                     StwEntity         entities)
{
  if (entities & STW_ENTITY_SYNC)
    {
      load_accounts (self);
      reload (self);
    }
}

static void
open_ticket (StwSyncLogWindow *self,
             gint64            id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The main window shows the ticket; this one stays open beside it. */
  if (parent == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-ticket", "x", id);
  gtk_window_present (parent);
}

static void
list_activate_cb (StwSyncLogWindow *self,
                  guint             position)
{
  g_autoptr(StwSyncLogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->lines), position);

  if (entry != NULL && names_local_ticket (self, entry))
    open_ticket (self, stw_sync_log_entry_get_local_id (entry));
}

static void
open_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_ticket (STW_SYNC_LOG_WINDOW (widget), g_variant_get_int64 (param));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_sync_log_window_dispose (GObject *object)
{
  StwSyncLogWindow *self = (StwSyncLogWindow *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_SYNC_LOG_WINDOW);

  G_OBJECT_CLASS (stw_sync_log_window_parent_class)->dispose (object);
}

static void
stw_sync_log_window_finalize (GObject *object)
{
  StwSyncLogWindow *self = (StwSyncLogWindow *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->account_ids, g_array_unref);

  G_OBJECT_CLASS (stw_sync_log_window_parent_class)->finalize (object);
}

static void
stw_sync_log_window_class_init (StwSyncLogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_sync_log_window_dispose;
  object_class->finalize = stw_sync_log_window_finalize;

  /* Keeps the resources, which register themselves, in a program that
   * links nothing else of the interface. */
  (void)stw_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-sync-log-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StwSyncLogWindow, account_filter);
  gtk_widget_class_bind_template_child (widget_class, StwSyncLogWindow, action_filter);
  gtk_widget_class_bind_template_child (widget_class, StwSyncLogWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StwSyncLogWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, StwSyncLogWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "log.open-ticket", "x", open_ticket_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stw_sync_log_window_init (StwSyncLogWindow *self)
{
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lines = g_list_store_new (STW_TYPE_SYNC_LOG_ENTRY);
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (actions, _("All Lines"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_actions); i++)
    gtk_string_list_append (actions, stw_sync_format_action (filter_actions[i]));
  gtk_drop_down_set_model (self->action_filter, G_LIST_MODEL (actions));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->lines))));
  gtk_list_view_set_model (self->list_view, selection);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (selection);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

StwSyncLogWindow *
stw_sync_log_window_new (StwDatabase *db)
{
  StwSyncLogWindow *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_SYNC_LOG_WINDOW, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load_accounts (self);
  reload (self);
  return self;
}

/**
 * stw_sync_log_window_get_lines:
 *
 * Returns: (transfer none): the #StwSyncLogEntry lines shown, newest first
 */
GListModel *
stw_sync_log_window_get_lines (StwSyncLogWindow *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_WINDOW (self), NULL);
  return G_LIST_MODEL (self->lines);
}

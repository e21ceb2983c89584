/* stw-sync-status.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-status"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-conflicts-dialog.h"
#include "stw-sync-format.h"
#include "stw-sync-log-window.h"
#include "stw-sync-status.h"
#include "stw-ui-util.h"
#include "core/stw-account.h"
#include "store/stw-sync-store.h"

/*
 * The sync, at the foot of the sidebar: whether it is done, running (with
 * its progress), offline or failed, a button to sync now, the conflicts
 * waiting for a choice and the way to the log. With no account there is
 * nothing to say, and the indicator is hidden.
 */

#define AGO_REFRESH_SECONDS 30
#define PULSE_MS            150

struct _StwSyncStatus
{
  GtkWidget       parent_instance;

  StwDatabase    *db;
  StwSyncEngine  *engine;
  gboolean        has_accounts;
  gint64          stored_last_sync;   /* the newest of the accounts' */
  guint           n_conflicts;
  guint           ago_source;
  guint           pulse_source;

  GtkImage       *state_icon;
  GtkLabel       *state_label;
  GtkWidget      *sync_button;
  GtkProgressBar *progress_bar;
  GtkWidget      *conflicts_button;
  AdwButtonContent *conflicts_content;
};

G_DEFINE_FINAL_TYPE (StwSyncStatus, stw_sync_status, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static void update (StwSyncStatus *self);

static gboolean
ago_cb (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
pulse_cb (gpointer data)
{
  StwSyncStatus *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_state (StwSyncStatus *self,
           const char    *icon,
           const char    *style,
           const char    *text)
{
  gtk_image_set_from_icon_name (self->state_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), style);

  gtk_label_set_label (self->state_label, text);
  /* The label may be cut short; the tooltip has all of it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_label), text);
}

static void
show_conflicts (StwSyncStatus *self)
{
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (self->conflicts_button, self->n_conflicts > 0);
  if (self->n_conflicts == 0)
    return;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Conflict", "%u Conflicts",
                                        self->n_conflicts),
                           self->n_conflicts);
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Resolve %u conflict",
                                             "Resolve %u conflicts", self->n_conflicts),
                                self->n_conflicts);
  adw_button_content_set_label (self->conflicts_content, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->conflicts_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Shows what the engine says now. */
static void
update (StwSyncStatus *self)
{
  StwSyncState state;
  const char *message;
  double fraction;
  gint64 last_sync;
  gboolean running;

  gtk_widget_set_visible (GTK_WIDGET (self), self->engine != NULL && self->has_accounts);
  if (self->engine == NULL || !self->has_accounts)
    {
      g_clear_handle_id (&self->ago_source, g_source_remove);
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      return;
    }

  state = stw_sync_engine_get_state (self->engine);
  message = stw_sync_engine_get_message (self->engine);
  fraction = stw_sync_engine_get_fraction (self->engine);
  last_sync = MAX (stw_sync_engine_get_last_sync (self->engine), self->stored_last_sync);
  running = state == STW_SYNC_STATE_RUNNING;

  switch (state)
    {
    case STW_SYNC_STATE_RUNNING:
      set_state (self, "emblem-synchronizing-symbolic", NULL,
                 message != NULL && message[0] != '\0' ? message : _("Syncing…"));
      break;

    case STW_SYNC_STATE_OFFLINE:
      set_state (self, "network-offline-symbolic", "dim-label",
                 _("Offline — changes are kept and sent later"));
      break;

    case STW_SYNC_STATE_FAILED:
      {
        g_autofree char *text = NULL;

        /* Translators: %s says what went wrong */
        text = g_strdup_printf (_("Sync failed: %s"),
                                message != NULL && message[0] != '\0' ? message
                                                                       : _("unknown error"));
        set_state (self, "dialog-error-symbolic", "error", text);
      }
      break;

    case STW_SYNC_STATE_IDLE:
    default:
      if (last_sync > 0)
        {
          g_autofree char *ago = stw_sync_format_ago (last_sync, g_get_real_time ());
          /* Translators: %s is “3 minutes ago”, “just now” or “on 3 March 2026” */
          g_autofree char *text = g_strdup_printf (_("Synced %s"), ago);

          set_state (self, "object-select-symbolic", "dim-label", text);
        }
      else
        {
          set_state (self, "emblem-synchronizing-symbolic", "dim-label", _("Not synced yet"));
        }
      break;
    }

  gtk_widget_set_sensitive (self->sync_button, !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  if (running && fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
    }
  else if (running && self->pulse_source == 0)
    {
      self->pulse_source = g_timeout_add (PULSE_MS, pulse_cb, self);
    }
  else if (!running)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
    }

  /* “3 minutes ago” grows older by itself. */
  if (state == STW_SYNC_STATE_IDLE && last_sync > 0)
    {
      if (self->ago_source == 0)
        self->ago_source = g_timeout_add_seconds (AGO_REFRESH_SECONDS, ago_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->ago_source, g_source_remove);
    }

  show_conflicts (self);
}

/* What the store knows: whether there is an account, their last sync,
 * and the conflicts waiting. */
static void
load (StwSyncStatus *self)
{
  g_autoptr(GPtrArray) accounts = NULL;

  self->has_accounts = FALSE;
  self->stored_last_sync = 0;
  self->n_conflicts = 0;

  if (self->db != NULL)
    {
      accounts = stw_account_repo_list (self->db, NULL);
      for (guint i = 0; accounts != NULL && i < accounts->len; i++)
        self->stored_last_sync = MAX (self->stored_last_sync,
                                      stw_account_get_last_sync (g_ptr_array_index (accounts, i)));
      self->has_accounts = accounts != NULL && accounts->len > 0;
      self->n_conflicts = stw_sync_conflict_count (self->db);
    }

  update (self);
}

static void
database_changed_cb (StwSyncStatus *self,
                     StwEntity      entities)
{
  if (entities & STW_ENTITY_SYNC)
    load (self);
}

/* ------------------------------------------------------------------------ */
/* The window's actions                                                     */
/* ------------------------------------------------------------------------ */

static void
sync_now_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  StwSyncStatus *self = user_data;

  if (self->engine == NULL || !self->has_accounts)
    {
      stw_ui_toast (GTK_WIDGET (self),
                    _("Nothing to sync: add a server in Preferences, under Accounts"), NULL, NULL);
      return;
    }

  stw_sync_engine_sync_now (self->engine);
}

static void
show_conflicts_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  StwSyncStatus *self = user_data;

  if (self->db != NULL)
    stw_ui_present_dialog (GTK_WIDGET (self),
                           GTK_WINDOW (stw_conflicts_dialog_new (self->db, NULL, 0)));
}

static void
show_sync_log_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  StwSyncStatus *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GListModel) toplevels = NULL;

  if (self->db == NULL)
    return;

  /* One log beside the window is enough. */
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (STW_IS_SYNC_LOG_WINDOW (window) &&
          gtk_window_get_transient_for (window) == (GtkWindow *)root)
        {
          gtk_window_present (window);
          return;
        }
    }

  stw_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (stw_sync_log_window_new (self->db)));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_sync_status_dispose (GObject *object)
{
  StwSyncStatus *self = (StwSyncStatus *)object;

  g_clear_handle_id (&self->ago_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  stw_sync_status_set_engine (self, NULL);
  stw_sync_status_set_database (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_SYNC_STATUS);
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));

  G_OBJECT_CLASS (stw_sync_status_parent_class)->dispose (object);
}

static void
stw_sync_status_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StwSyncStatus *self = STW_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sync_status_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StwSyncStatus *self = STW_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      stw_sync_status_set_database (self, g_value_get_object (value));
      break;
    case PROP_ENGINE:
      stw_sync_status_set_engine (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sync_status_class_init (StwSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_sync_status_dispose;
  object_class->get_property = stw_sync_status_get_property;
  object_class->set_property = stw_sync_status_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, STW_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-sync-status.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "syncstatus");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, StwSyncStatus, state_icon);
  gtk_widget_class_bind_template_child (widget_class, StwSyncStatus, state_label);
  gtk_widget_class_bind_template_child (widget_class, StwSyncStatus, sync_button);
  gtk_widget_class_bind_template_child (widget_class, StwSyncStatus, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StwSyncStatus, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, StwSyncStatus, conflicts_content);
}

static void
stw_sync_status_init (StwSyncStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sync"), -1);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
stw_sync_status_new (void)
{
  return g_object_new (STW_TYPE_SYNC_STATUS, NULL);
}

StwDatabase *
stw_sync_status_get_database (StwSyncStatus *self)
{
  g_return_val_if_fail (STW_IS_SYNC_STATUS (self), NULL);
  return self->db;
}

void
stw_sync_status_set_database (StwSyncStatus *self,
                              StwDatabase   *db)
{
  g_return_if_fail (STW_IS_SYNC_STATUS (self));
  g_return_if_fail (db == NULL || STW_IS_DATABASE (db));

  if (self->db == db)
    return;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_set_object (&self->db, db);
  if (db != NULL)
    g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                             G_CONNECT_SWAPPED);

  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

StwSyncEngine *
stw_sync_status_get_engine (StwSyncStatus *self)
{
  g_return_val_if_fail (STW_IS_SYNC_STATUS (self), NULL);
  return self->engine;
}

/**
 * stw_sync_status_add_actions:
 * @map: the window's actions
 *
 * Adds sync-now, show-conflicts and show-sync-log, which work on this
 * indicator's database and engine, to @map.
 */
void
stw_sync_status_add_actions (StwSyncStatus *self,
                             GActionMap    *map)
{
  const GActionEntry entries[] = {
    { "sync-now", sync_now_action },
    { "show-conflicts", show_conflicts_action },
    { "show-sync-log", show_sync_log_action },
  };

  g_return_if_fail (STW_IS_SYNC_STATUS (self));
  g_return_if_fail (G_IS_ACTION_MAP (map));

  g_action_map_add_action_entries (map, entries, G_N_ELEMENTS (entries), self);
}

/**
 * stw_sync_status_set_engine:
 * @engine: (nullable): the engine whose state to show; %NULL hides the
 *   indicator
 */
void
stw_sync_status_set_engine (StwSyncStatus *self,
                            StwSyncEngine *engine)
{
  g_return_if_fail (STW_IS_SYNC_STATUS (self));
  g_return_if_fail (engine == NULL || STW_IS_SYNC_ENGINE (engine));

  if (self->engine == engine)
    return;

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);
  /* The engine notifies on the main thread. */
  if (engine != NULL)
    g_signal_connect_object (engine, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

/* stw-sync-engine.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/stw-sync-store.h"
#include "stw-sync-engine.h"

/* Runs the accounts' syncs in the background, one run at a time, on a
 * thread of its own: when asked, every interval, when the network comes
 * back, and a little while after a local edit. Everything it tells the
 * interface (properties, the finished signal) happens on the main thread.
 * Editing never waits for it: its writes are queued on the store's writer
 * like any other, one record at a time. */

/* A local edit is sent this long after the last one, when online. */
#define EDIT_DELAY_SECONDS 20

struct _StwSyncEngine
{
  GObject           parent_instance;

  StwDatabase      *db;
  GNetworkMonitor  *monitor;
  GCancellable     *cancellable;
  GMainContext     *main_context;

  StwSyncState      state;
  char             *message;
  double            fraction;
  gint64            last_sync;
  guint             conflicts;
  gboolean          has_accounts;

  guint             interval;        /* minutes; 0: off */
  guint             interval_source;
  guint             edit_source;
  gboolean          running;
  gboolean          again;           /* asked while running */
  gboolean          failed_offline;  /* the last run could not reach a server */

  StwSyncBackendFunc backend_func;
  gpointer           backend_data;
};

G_DEFINE_FINAL_TYPE (StwSyncEngine, stw_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_FRACTION,
  PROP_LAST_SYNC,
  PROP_CONFLICTS,
  PROP_INTERVAL,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

static void
set_state (StwSyncEngine *self,
           StwSyncState   state,
           const char    *message,
           double         fraction)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
refresh_accounts (StwSyncEngine *self)
{
  g_autoptr(GPtrArray) accounts = stw_account_repo_list (self->db, NULL);
  gint64 last = 0;
  guint conflicts;

  self->has_accounts = FALSE;
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      StwAccount *account = g_ptr_array_index (accounts, i);

      if (!stw_account_get_enabled (account))
        continue;
      self->has_accounts = TRUE;
      last = MAX (last, stw_account_get_last_sync (account));
    }

  if (last != self->last_sync)
    {
      self->last_sync = last;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
    }

  conflicts = stw_sync_conflict_count (self->db);
  if (conflicts != self->conflicts)
    {
      self->conflicts = conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
    }
}

static gboolean
network_available (StwSyncEngine *self)
{
  return self->monitor == NULL || g_network_monitor_get_network_available (self->monitor);
}

/* ------------------------------------------------------------------------ */
/* The thread                                                               */
/* ------------------------------------------------------------------------ */

typedef struct
{
  gint64    account_id;
  gboolean  ok;
  gboolean  transient;
  char     *message;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->message);
  g_free (outcome);
}

typedef struct
{
  StwSyncEngine *self;
  char          *message;
  double         fraction;
} Progress;

static gboolean
progress_in_main (gpointer data)
{
  Progress *progress = data;

  if (progress->self->running)
    set_state (progress->self, STW_SYNC_STATE_RUNNING, progress->message, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress->message);
  g_free (progress);
}

static void
progress_cb (const char *message,
             double      fraction,
             gpointer    user_data)
{
  StwSyncEngine *self = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (self);
  progress->message = g_strdup (message);
  progress->fraction = fraction;
  g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT, progress_in_main,
                              progress, progress_free);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  StwSyncEngine *self = source_object;
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (outcome_free);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = stw_account_repo_list (self->db, &error);
  if (accounts == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      StwAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(StwSyncBackend) backend = NULL;
      Outcome *outcome;

      if (!stw_account_get_enabled (account))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;

      outcome = g_new0 (Outcome, 1);
      outcome->account_id = stw_account_get_id (account);
      if (self->backend_func != NULL)
        backend = self->backend_func (account, self->backend_data, &error);
      else
        backend = stw_sync_backend_open (self->db, account, cancellable, &error);
      outcome->ok = backend != NULL &&
                    stw_sync_run (self->db, account, backend, progress_cb, self, NULL,
                                  cancellable, &error);
      if (!outcome->ok)
        {
          outcome->transient = stw_sync_error_is_transient (error);
          outcome->message = g_strdup_printf ("%s: %s", stw_account_get_name (account),
                                              error->message);
          g_clear_error (&error);
        }
      g_ptr_array_add (outcomes, outcome);
    }

  g_task_return_pointer (task, g_steal_pointer (&outcomes), (GDestroyNotify) g_ptr_array_unref);
}

static void start_run (StwSyncEngine *self);

static void
run_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  StwSyncEngine *self = STW_SYNC_ENGINE (object);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;
  gboolean all_transient = TRUE;

  self->running = FALSE;
  outcomes = g_task_propagate_pointer (G_TASK (result), &error);
  refresh_accounts (self);

  if (outcomes == NULL)
    failure = g_strdup (error->message);
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      Outcome *outcome = g_ptr_array_index (outcomes, i);

      if (!outcome->ok && failure == NULL)
        failure = g_strdup (outcome->message);
      if (!outcome->ok && !outcome->transient)
        all_transient = FALSE;
      g_signal_emit (self, signals[FINISHED], 0, outcome->account_id, outcome->ok,
                     outcome->message);
    }

  self->failed_offline = failure != NULL && all_transient && outcomes != NULL;
  if (failure == NULL)
    set_state (self, STW_SYNC_STATE_IDLE, _("Up to date"), -1);
  else if (!network_available (self))
    set_state (self, STW_SYNC_STATE_OFFLINE,
               _("Offline — your changes are kept and sent when the network is back"), -1);
  else
    set_state (self, STW_SYNC_STATE_FAILED, failure, -1);

  if (self->again && !g_cancellable_is_cancelled (self->cancellable))
    {
      self->again = FALSE;
      start_run (self);
    }
}

static void
start_run (StwSyncEngine *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  refresh_accounts (self);
  if (!self->has_accounts)
    return;

  if (!network_available (self))
    {
      set_state (self, STW_SYNC_STATE_OFFLINE,
                 _("Offline — your changes are kept and sent when the network is back"), -1);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  set_state (self, STW_SYNC_STATE_RUNNING, _("Syncing…"), -1);

  task = g_task_new (self, self->cancellable, run_done, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_run_in_thread (task, run_thread);
}

/* ------------------------------------------------------------------------ */
/* Triggers                                                                 */
/* ------------------------------------------------------------------------ */

static gboolean
interval_cb (gpointer user_data)
{
  start_run (STW_SYNC_ENGINE (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
edit_cb (gpointer user_data)
{
  StwSyncEngine *self = user_data;

  self->edit_source = 0;
  start_run (self);
  return G_SOURCE_REMOVE;
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    StwSyncEngine   *self)
{
  if (!available)
    {
      if (self->has_accounts && !self->running)
        set_state (self, STW_SYNC_STATE_OFFLINE,
                   _("Offline — your changes are kept and sent when the network is back"), -1);
      return;
    }

  /* Back online: send what waited. */
  if (self->state == STW_SYNC_STATE_OFFLINE || self->failed_offline)
    start_run (self);
}

static void
database_changed_cb (StwDatabase   *db,
                     StwEntity      entities,
                     StwSyncEngine *self)
{
  if (entities & STW_ENTITY_SYNC)
    refresh_accounts (self);

  /* Edits here go out soon, not only at the next interval; the run's own
   * writes come through here too, and are not edits to send. */
  if ((entities & (STW_ENTITY_TICKET | STW_ENTITY_ASSET)) && !self->running &&
      self->interval > 0 && self->has_accounts)
    {
      g_clear_handle_id (&self->edit_source, g_source_remove);
      self->edit_source = g_timeout_add_seconds (EDIT_DELAY_SECONDS, edit_cb, self);
    }
}

/* ------------------------------------------------------------------------ */

static void
stw_sync_engine_dispose (GObject *object)
{
  StwSyncEngine *self = STW_SYNC_ENGINE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->interval_source, g_source_remove);
  g_clear_handle_id (&self->edit_source, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (stw_sync_engine_parent_class)->dispose (object);
}

static void
stw_sync_engine_finalize (GObject *object)
{
  StwSyncEngine *self = STW_SYNC_ENGINE (object);

  g_free (self->message);
  g_main_context_unref (self->main_context);

  G_OBJECT_CLASS (stw_sync_engine_parent_class)->finalize (object);
}

static void
stw_sync_engine_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StwSyncEngine *self = STW_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sync_engine_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StwSyncEngine *self = STW_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      stw_sync_engine_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sync_engine_class_init (StwSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_sync_engine_dispose;
  object_class->finalize = stw_sync_engine_finalize;
  object_class->get_property = stw_sync_engine_get_property;
  object_class->set_property = stw_sync_engine_set_property;

  /* StwSyncState as an int: the enum is not registered. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, STW_SYNC_STATE_IDLE, STW_SYNC_STATE_FAILED,
                      STW_SYNC_STATE_IDLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, 24 * 60, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
stw_sync_engine_init (StwSyncEngine *self)
{
  self->fraction = -1;
  self->main_context = g_main_context_ref_thread_default ();
}

/* ------------------------------------------------------------------------ */

/**
 * stw_sync_engine_new:
 *
 * Main thread. The engine runs nothing until asked or until its interval
 * is set.
 */
StwSyncEngine *
stw_sync_engine_new (StwDatabase *db)
{
  StwSyncEngine *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_SYNC_ENGINE, NULL);
  self->db = g_object_ref (db);
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  g_signal_connect (self->db, "changed", G_CALLBACK (database_changed_cb), self);
  refresh_accounts (self);
  if (self->has_accounts)
    set_state (self, network_available (self) ? STW_SYNC_STATE_IDLE : STW_SYNC_STATE_OFFLINE,
               NULL, -1);
  return self;
}

void
stw_sync_engine_sync_now (StwSyncEngine *self)
{
  g_return_if_fail (STW_IS_SYNC_ENGINE (self));
  start_run (self);
}

void
stw_sync_engine_set_interval (StwSyncEngine *self,
                              guint          minutes)
{
  g_return_if_fail (STW_IS_SYNC_ENGINE (self));

  if (self->interval == minutes)
    return;
  self->interval = minutes;
  g_clear_handle_id (&self->interval_source, g_source_remove);
  if (minutes > 0)
    self->interval_source = g_timeout_add_seconds (minutes * 60, interval_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

guint
stw_sync_engine_get_interval (StwSyncEngine *self)
{
  g_return_val_if_fail (STW_IS_SYNC_ENGINE (self), 0);
  return self->interval;
}

StwSyncState
stw_sync_engine_get_state (StwSyncEngine *self)
{
  g_return_val_if_fail (STW_IS_SYNC_ENGINE (self), STW_SYNC_STATE_IDLE);
  return self->state;
}

const char *
stw_sync_engine_get_message (StwSyncEngine *self)
{
  g_return_val_if_fail (STW_IS_SYNC_ENGINE (self), NULL);
  return self->message;
}

double
stw_sync_engine_get_fraction (StwSyncEngine *self)
{
  g_return_val_if_fail (STW_IS_SYNC_ENGINE (self), -1);
  return self->fraction;
}

gint64
stw_sync_engine_get_last_sync (StwSyncEngine *self)
{
  g_return_val_if_fail (STW_IS_SYNC_ENGINE (self), 0);
  return self->last_sync;
}

guint
stw_sync_engine_get_conflicts (StwSyncEngine *self)
{
  g_return_val_if_fail (STW_IS_SYNC_ENGINE (self), 0);
  return self->conflicts;
}

gboolean
stw_sync_engine_has_accounts (StwSyncEngine *self)
{
  g_return_val_if_fail (STW_IS_SYNC_ENGINE (self), FALSE);
  return self->has_accounts;
}

void
stw_sync_engine_cancel (StwSyncEngine *self)
{
  g_return_if_fail (STW_IS_SYNC_ENGINE (self));
  self->again = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
stw_sync_engine_set_backend_func (StwSyncEngine      *self,
                                  StwSyncBackendFunc  func,
                                  gpointer            user_data)
{
  g_return_if_fail (STW_IS_SYNC_ENGINE (self));
  self->backend_func = func;
  self->backend_data = user_data;
}

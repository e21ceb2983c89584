/* stw-sync-engine.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-account.h"
#include "store/stw-database.h"
#include "sync/stw-sync-backend.h"

G_BEGIN_DECLS

/* What one run did. */
typedef struct
{
  guint pulled;      /* remote records read and applied here */
  guint pushed;      /* local changes sent (updates) */
  guint created;     /* records created on the server */
  guint merged;      /* records changed on both sides, merged */
  guint conflicts;   /* fields left for the user to choose */
  guint deleted;     /* deletions carried either way */
  guint refused;     /* local changes the server refused */
  guint requests;    /* HTTP requests made */
} StwSyncStats;

/* Called on the running thread, now and then: what the run is doing, for
 * a person, and how far it is (0–1, or -1 when unknown). */
typedef void (*StwSyncProgressFunc) (const char *message,
                                     double      fraction,
                                     gpointer    user_data);

/* One run for one account, blocking the calling thread (the command
 * line, tests, and the engine's own thread): pull every entity, merge,
 * push the local changes, carry deletions. Every record is stored with
 * its link and log line in one transaction, so a run killed at any point
 * resumes without loss or duplicates. @backend is the account's (see
 * stw_sync_backend_open()). A transient failure
 * (see stw_sync_error_is_transient()) stops the run and is returned; the
 * account's last_error is set either way. */
gboolean stw_sync_run (StwDatabase          *db,
                       StwAccount           *account,
                       StwSyncBackend       *backend,
                       StwSyncProgressFunc   progress,
                       gpointer              progress_data,
                       StwSyncStats         *stats,
                       GCancellable         *cancellable,
                       GError              **error);

typedef enum
{
  STW_SYNC_STATE_IDLE,      /* nothing to do, or no accounts */
  STW_SYNC_STATE_RUNNING,
  STW_SYNC_STATE_OFFLINE,   /* waiting for the network */
  STW_SYNC_STATE_FAILED,    /* the last run failed; see the message */
} StwSyncState;

#define STW_TYPE_SYNC_ENGINE (stw_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (StwSyncEngine, stw_sync_engine, STW, SYNC_ENGINE, GObject)

/* Runs stw_sync_run() for each enabled account on a thread of its own,
 * one run at a time: when asked (sync_now), every interval minutes, and
 * when the network comes back (GNetworkMonitor). Properties, notified on
 * the main thread: state, message (for a person), fraction (-1 when
 * unknown), last-sync (µs since 1970, 0 never), conflicts (the number of
 * open conflicts). Signal "finished" (gint64 account_id, gboolean ok,
 * const char *error_message) after each run. */
StwSyncEngine *stw_sync_engine_new           (StwDatabase   *db);
void           stw_sync_engine_sync_now      (StwSyncEngine *self);
/* 0 turns the periodic runs off. */
void           stw_sync_engine_set_interval  (StwSyncEngine *self,
                                              guint          minutes);
guint          stw_sync_engine_get_interval  (StwSyncEngine *self);
StwSyncState   stw_sync_engine_get_state     (StwSyncEngine *self);
const char    *stw_sync_engine_get_message   (StwSyncEngine *self);
double         stw_sync_engine_get_fraction  (StwSyncEngine *self);
gint64         stw_sync_engine_get_last_sync (StwSyncEngine *self);
guint          stw_sync_engine_get_conflicts (StwSyncEngine *self);
gboolean       stw_sync_engine_has_accounts  (StwSyncEngine *self);
/* For tests: how the thread gets an account's backend, instead of
 * stw_sync_backend_open(). Called on the engine's thread. */
typedef StwSyncBackend *(*StwSyncBackendFunc) (StwAccount    *account,
                                               gpointer       user_data,
                                               GError       **error);
void           stw_sync_engine_set_backend_func (StwSyncEngine      *self,
                                                 StwSyncBackendFunc  func,
                                                 gpointer            user_data);
/* Stops a run in progress (at the next record; nothing is lost). */
void           stw_sync_engine_cancel        (StwSyncEngine *self);

G_END_DECLS

/* stw-sync-run-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/stw-sync-store.h"
#include "stw-sync-engine.h"
#include "stw-sync-merge.h"

G_BEGIN_DECLS

/* Shared by stw-sync-run.c (the run, merging, pulling), stw-sync-sweep.c
 * (deletions made on the server) and stw-sync-push.c (sending what
 * changed here). */

typedef struct
{
  StwDatabase         *db;
  StwAccount          *account;
  gint64               account_id;
  StwSyncBackend      *backend;
  GCancellable        *cancellable;
  StwSyncStats        *stats;
  StwSyncProgressFunc  progress;
  gpointer             progress_data;
  char                *description;
  gint64               run;
} Run;

typedef gboolean (*RunFunc) (Run              *run,
                             StwWriteContext  *ctx,
                             gpointer          data,
                             GError          **error);

typedef struct
{
  const char *key;
  char       *value;
} State;

typedef struct
{
  const char *entity;
  GHashTable *linked;   /* remote id → local id */
} Linked;

typedef struct
{
  const char *entity;
  const char *remote_id;
} Gone;

gboolean  stw_sync_run_write             (Run              *run,
                                          RunFunc           func,
                                          gpointer          data,
                                          GError          **error);
void      stw_sync_run_report            (Run              *run,
                                          double            fraction,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (3, 4);
gboolean  stw_sync_run_log               (Run              *run,
                                          StwWriteContext  *ctx,
                                          const char       *action,
                                          const char       *entity,
                                          gint64            local_id,
                                          const char       *remote_id,
                                          const char       *message,
                                          GError          **error);
char     *stw_sync_run_describe          (const char       *entity,
                                          JsonObject       *local);
char     *stw_sync_run_labels            (Run              *run,
                                          const char       *entity,
                                          JsonObject       *fields,
                                          JsonObject       *local,
                                          gboolean          remote);
JsonObject *stw_sync_run_mine            (Run              *run,
                                          const char       *entity,
                                          JsonObject       *local,
                                          JsonObject       *base);
gboolean  stw_sync_run_merge             (Run              *run,
                                          const char       *entity,
                                          StwRemoteRecord  *record,
                                          gint64            local_id,
                                          JsonObject       *base,
                                          gint64           *result_id,
                                          GError          **error);
gboolean  stw_sync_run_get_state_func    (Run              *run,
                                          StwWriteContext  *ctx,
                                          gpointer          data,
                                          GError          **error);
gboolean  stw_sync_run_set_state_func    (Run              *run,
                                          StwWriteContext  *ctx,
                                          gpointer          data,
                                          GError          **error);
gboolean  stw_sync_run_linked_func       (Run              *run,
                                          StwWriteContext  *ctx,
                                          gpointer          data,
                                          GError          **error);
gboolean  stw_sync_run_gone_func         (Run              *run,
                                          StwWriteContext  *ctx,
                                          gpointer          data,
                                          GError          **error);
gboolean  stw_sync_run_sweep             (Run              *run,
                                          const char       *entity,
                                          GError          **error);
gboolean  stw_sync_run_settle            (Run              *run,
                                          GError          **error);
gboolean  stw_sync_run_push              (Run              *run,
                                          GError          **error);

G_END_DECLS

/* stw-sync-store.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-account.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

/* What the sync engine keeps in the store (see sql/0006-sync.sql):
 * accounts, links between local and remote records with their base
 * copies, conflicts, cursors and the sync log.
 *
 * The functions ending in _in run inside a write (on the writer thread,
 * in its transaction), so that a record, its link and its log line are
 * stored together or not at all; the engine composes them in one
 * StwWriteFunc. The others are for the main thread (the interface) or,
 * with the _sync suffix, for any thread that may wait for the writer. */

/* Entities the engine syncs, as stored in sync_links.entity. */
#define STW_SYNC_TICKET "ticket"
#define STW_SYNC_ASSET  "asset"
#define STW_SYNC_ENTRY  "entry"
#define STW_SYNC_QUEUE  "queue"

/* ---------------------------------------------------------------- accounts */

GPtrArray  *stw_account_repo_list          (StwDatabase      *db,
                                            GError          **error);
StwAccount *stw_account_repo_load          (StwDatabase      *db,
                                            gint64            id,
                                            GError          **error);
/* By name (case-insensitive) or, failing that, by id given as text. */
StwAccount *stw_account_repo_find          (StwDatabase      *db,
                                            const char       *name_or_id,
                                            GError          **error);
/* Inserts when the account's id is 0 (and sets it), else updates. */
gboolean    stw_account_repo_save_sync     (StwDatabase      *db,
                                            StwAccount       *account,
                                            GError          **error);
/* Records how the last run went: its time (µs) and the error, or NULL. */
gboolean    stw_account_repo_set_result_sync (StwDatabase    *db,
                                              gint64          id,
                                              gint64          last_sync,
                                              const char     *last_error,
                                              GError        **error);
/* Removes the account with its links, conflicts, state and log; the
 * local records stay. */
gboolean    stw_account_repo_delete_sync   (StwDatabase      *db,
                                            gint64            id,
                                            GError          **error);

/* ------------------------------------------------------------------- links */

typedef struct
{
  gint64  id;              /* the link's own row id */
  gint64  local_id;
  char   *remote_id;       /* NULL while a create's answer is unknown */
  char   *etag;
  char   *remote_updated;
  char   *base;            /* JSON object in the server's terms, or NULL */
  gint64  create_sent;     /* µs since 1970; 0 when none is pending, -1
                              when the person asked for it to be made */
  gboolean dirty;          /* to be sent again (a conflict resolved "mine") */
} StwSyncLink;

void         stw_sync_link_free            (StwSyncLink      *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwSyncLink, stw_sync_link_free)

/* NULL (and no error) when there is no such link. */
StwSyncLink *stw_sync_link_by_remote_in    (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            const char       *remote_id,
                                            GError          **error);
StwSyncLink *stw_sync_link_by_local_in     (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            gint64            local_id,
                                            GError          **error);
/* Inserts or replaces the link of (account, entity, local_id) — or of
 * (account, entity, remote_id) when local_id is 0. */
gboolean     stw_sync_link_put_in          (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            const StwSyncLink *link,
                                            GError          **error);
gboolean     stw_sync_link_delete_in       (StwWriteContext  *ctx,
                                            gint64            link_id,
                                            GError          **error);
/* Every link of an entity with a remote id, as remote id → local id
 * (gint64 packed in a pointer with GINT_TO_POINTER is not enough, so the
 * values are g_new'd gint64s). For the deletion sweep. */
GHashTable  *stw_sync_link_remote_ids_in   (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            GError          **error);
/* Links whose create was sent but never answered, or that are marked
 * to be sent again. */
GPtrArray   *stw_sync_link_pending_in      (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            GError          **error);

/* ------------------------------------------------------------ state, marks */

/* A small named value per account: pull cursors, the push mark. */
char        *stw_sync_state_get_in         (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *key,
                                            GError          **error);
gboolean     stw_sync_state_set_in         (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *key,
                                            const char       *value,
                                            GError          **error);

/* The journal's newest row id: the push mark's upper end for a run. */
gint64       stw_sync_journal_head_in      (StwWriteContext  *ctx,
                                            GError          **error);
/* Local records of @entity changed by anything but a sync between the
 * journal rows after @after_journal_id and up to @head, oldest change
 * first; a record deleted since is listed with *deleted set. Entries are
 * listed under STW_SYNC_ENTRY with their ticket's id as @parent_ids.
 * With @linked_only, only records linked to the account's. */
typedef struct
{
  gint64   local_id;
  char    *uuid;
  gboolean deleted;
  gint64   parent_id;      /* a ticket entry's ticket */
} StwSyncDirty;

void         stw_sync_dirty_free           (StwSyncDirty     *dirty);
GPtrArray   *stw_sync_dirty_in             (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            gint64            after_journal_id,
                                            gint64            head,
                                            gboolean          linked_only,
                                            GError          **error);

/* ------------------------------------------- local records in flat fields */

/* A local record as one flat JSON object in Steward's terms, the form the
 * merge compares and the backends translate:
 *
 *   ticket: title, description, type, status, priority (1–5), queue,
 *           assignee, requester (a person's email, else their name),
 *           due (ISO 8601 UTC or null); written only: created (ISO 8601
 *           UTC, for a new ticket: when it was opened on the server)
 *   asset:  name, tag, serial, category, manufacturer, model, status,
 *           person, notes, supplier, purchase_date, warranty_end
 *   entry:  ticket (the local id), kind (comment, internal, work), body,
 *           minutes, author, created (ISO 8601 UTC)
 *
 * NULL (and no error) when the record does not exist. */
char        *stw_sync_local_read_in        (StwWriteContext  *ctx,
                                            const char       *entity,
                                            gint64            local_id,
                                            GError          **error);
/* Writes the fields present in @fields_json (a JSON object, same keys)
 * to the local record, creating it when @local_id is 0; people named in
 * assignee, requester, person or author are found by email or name and
 * made when missing. A status the lifecycle would not allow as a step is
 * taken as it is: the server has decided it. Returns the local id. */
gint64       stw_sync_local_write_in       (StwWriteContext  *ctx,
                                            const char       *entity,
                                            gint64            local_id,
                                            const char       *fields_json,
                                            GError          **error);
gboolean     stw_sync_local_delete_in      (StwWriteContext  *ctx,
                                            const char       *entity,
                                            gint64            local_id,
                                            GError          **error);

/* -------------------------------------------------------------- conflicts */

#define STW_TYPE_SYNC_CONFLICT (stw_sync_conflict_get_type ())

G_DECLARE_FINAL_TYPE (StwSyncConflict, stw_sync_conflict, STW, SYNC_CONFLICT, GObject)

gint64       stw_sync_conflict_get_id         (StwSyncConflict *self);
gint64       stw_sync_conflict_get_account_id (StwSyncConflict *self);
const char  *stw_sync_conflict_get_entity     (StwSyncConflict *self);
gint64       stw_sync_conflict_get_local_id   (StwSyncConflict *self);
/* The field in Steward's terms, or "*" for a record deleted on one side
 * and changed on the other. */
const char  *stw_sync_conflict_get_field      (StwSyncConflict *self);
/* JSON values (a string in quotes, a number, null). */
const char  *stw_sync_conflict_get_base       (StwSyncConflict *self);
const char  *stw_sync_conflict_get_mine       (StwSyncConflict *self);
const char  *stw_sync_conflict_get_theirs     (StwSyncConflict *self);
GDateTime   *stw_sync_conflict_get_created    (StwSyncConflict *self);

gboolean     stw_sync_conflict_add_in      (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            gint64            local_id,
                                            const char       *field,
                                            const char       *base,
                                            const char       *mine,
                                            const char       *theirs,
                                            GError          **error);
/* The fields of a record in conflict, as a set of field names (strings
 * owned by the table). */
GHashTable  *stw_sync_conflict_fields_in   (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            const char       *entity,
                                            gint64            local_id,
                                            GError          **error);
/* For the interface: all open conflicts (entity NULL, local_id 0) or a
 * record's; StwSyncConflict items. */
GListModel  *stw_sync_conflict_list        (StwDatabase      *db,
                                            const char       *entity,
                                            gint64            local_id,
                                            GError          **error);
guint        stw_sync_conflict_count       (StwDatabase      *db);

typedef enum
{
  STW_SYNC_KEEP_MINE,     /* the local value wins and is pushed */
  STW_SYNC_TAKE_THEIRS,   /* the server's value is written here */
  STW_SYNC_USE_VALUE,     /* a third value, edited by the user */
} StwSyncResolution;

/* Resolves a conflict in one user write (journaled, undoable as far as
 * the record goes) and removes it. The merge set the field's base to the
 * server's value when it found the conflict, so what the next push sends
 * is whatever differs from it: nothing after "theirs" (written here), the
 * local value after "mine" or an edit (@value, a JSON value, used with
 * STW_SYNC_USE_VALUE only). For a record deleted on the server ("*"),
 * theirs deletes it here and mine sends it again as a new record. */
gboolean     stw_sync_conflict_resolve_sync (StwDatabase      *db,
                                             gint64            conflict_id,
                                             StwSyncResolution resolution,
                                             const char       *value,
                                             GError          **error);

/* -------------------------------------------------------------------- log */

/* Returns the run's number, to pass to later lines. */
gint64       stw_sync_log_start_in         (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            GError          **error);
gboolean     stw_sync_log_add_in           (StwWriteContext  *ctx,
                                            gint64            account_id,
                                            gint64            run,
                                            const char       *action,
                                            const char       *entity,
                                            gint64            local_id,
                                            const char       *remote_id,
                                            const char       *message,
                                            GError          **error);

#define STW_TYPE_SYNC_LOG_ENTRY (stw_sync_log_entry_get_type ())

G_DECLARE_FINAL_TYPE (StwSyncLogEntry, stw_sync_log_entry, STW, SYNC_LOG_ENTRY, GObject)

gint64       stw_sync_log_entry_get_account_id (StwSyncLogEntry *self);
gint64       stw_sync_log_entry_get_run        (StwSyncLogEntry *self);
GDateTime   *stw_sync_log_entry_get_time       (StwSyncLogEntry *self);
const char  *stw_sync_log_entry_get_action     (StwSyncLogEntry *self);
const char  *stw_sync_log_entry_get_entity     (StwSyncLogEntry *self);
gint64       stw_sync_log_entry_get_local_id   (StwSyncLogEntry *self);
const char  *stw_sync_log_entry_get_remote_id  (StwSyncLogEntry *self);
const char  *stw_sync_log_entry_get_message    (StwSyncLogEntry *self);

/* The newest @limit lines, newest first; StwSyncLogEntry items. The log
 * keeps the last 50 runs of each account. */
GListModel  *stw_sync_log_list             (StwDatabase      *db,
                                            gint64            account_id,
                                            guint             limit,
                                            GError          **error);

G_END_DECLS

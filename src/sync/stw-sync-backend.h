/* stw-sync-backend.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "core/stw-account.h"
#include "store/stw-database.h"
#include "sync/stw-http.h"
#include "sync/stw-sync-error.h"

G_BEGIN_DECLS

/* A record as the server has it, in the server's terms: a flat JSON
 * object of the fields the backend maps (e.g. RT's Subject, Status,
 * Owner…), with the values normalised so that two reads of the same
 * record compare equal (no _url, ids as strings, unset dates as null). */
typedef struct
{
  char       *remote_id;
  char       *etag;       /* the server's version, or NULL */
  char       *updated;    /* its last-updated time as the server says */
  char       *parent_id;  /* an entry's ticket, remote id */
  JsonObject *fields;     /* NULL when a search only gave id and updated */
} StwRemoteRecord;

StwRemoteRecord *stw_remote_record_new  (const char      *remote_id);
StwRemoteRecord *stw_remote_record_copy (const StwRemoteRecord *record);
void             stw_remote_record_free (StwRemoteRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwRemoteRecord, stw_remote_record_free)

#define STW_TYPE_SYNC_BACKEND (stw_sync_backend_get_type ())

G_DECLARE_INTERFACE (StwSyncBackend, stw_sync_backend, STW, SYNC_BACKEND, GObject)

/* One kind of server, seen by the engine (stw-sync-engine.c) through
 * these calls; every call that talks to the server blocks and runs on the
 * sync thread. Entities are STW_SYNC_TICKET, STW_SYNC_ASSET and
 * STW_SYNC_ENTRY (a ticket's comments, notes and work log: created on
 * either side, never edited, fetched as children of their ticket).
 *
 * Local records reach a backend as flat JSON objects in Steward's terms
 * (see stw_sync_local_read_in() in store/stw-sync-store.h); to_remote and
 * from_remote translate between the two sets of terms and are pure. */
struct _StwSyncBackendInterface
{
  GTypeInterface parent_iface;

  /* Checks the URL, the secret and that the server is of this kind;
   * sets a description of it ("Request Tracker 5.0.3"). */
  gboolean          (*check)          (StwSyncBackend   *self,
                                       char            **description,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* The entities pulled and pushed, in order; NULL-terminated. */
  const char *const *(*entities)      (StwSyncBackend   *self);
  /* One page of the records of @entity changed since @cursor (NULL: all),
   * in a stable order, with the cursor for the next page and whether
   * there may be more. A record listed without fields and version is
   * fetched by the engine when its link says it changed; one listed
   * whole (fields and version read no earlier than the version) is
   * merged as it is. */
  gboolean          (*pull_page)      (StwSyncBackend   *self,
                                       const char       *entity,
                                       const char       *cursor,
                                       GPtrArray       **records,
                                       char            **next_cursor,
                                       gboolean         *more,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* The whole record; STW_SYNC_ERROR_NOT_FOUND when it is gone
   * (deleted). */
  StwRemoteRecord  *(*fetch)          (StwSyncBackend   *self,
                                       const char       *entity,
                                       const char       *remote_id,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* Every entry of a ticket, oldest first. */
  GPtrArray        *(*fetch_entries)  (StwSyncBackend   *self,
                                       const char       *ticket_remote_id,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* The ids of every record of @entity the server still has, for
   * finding deletions. */
  GPtrArray        *(*list_ids)       (StwSyncBackend   *self,
                                       const char       *entity,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* Whether a local record that was never synced belongs on this server
   * (an RT ticket must be in one of its queues). With @local NULL:
   * whether any new local record of @entity could. */
  gboolean          (*accepts)        (StwSyncBackend   *self,
                                       const char       *entity,
                                       JsonObject       *local,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* Creates the record (an entry under @parent_id) and returns it as the
   * server now has it. */
  StwRemoteRecord  *(*create)         (StwSyncBackend   *self,
                                       const char       *entity,
                                       JsonObject       *fields,
                                       const char       *parent_id,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* After a create whose answer never came: the record it may have made
   * (sent after @sent_after, µs since 1970, and not among @linked, a set
   * of remote ids already linked), or NULL with no error. */
  StwRemoteRecord  *(*find_created)   (StwSyncBackend   *self,
                                       const char       *entity,
                                       JsonObject       *fields,
                                       const char       *parent_id,
                                       gint64            sent_after,
                                       GHashTable       *linked,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* Sends the changed fields with @etag as If-Match where the server
   * has it (STW_SYNC_ERROR_STALE when the server's record moved on), and
   * returns the record as the server now has it. */
  StwRemoteRecord  *(*update)         (StwSyncBackend   *self,
                                       const char       *entity,
                                       const char       *remote_id,
                                       const char       *etag,
                                       JsonObject       *changed,
                                       GCancellable     *cancellable,
                                       GError          **error);
  gboolean          (*remove)         (StwSyncBackend   *self,
                                       const char       *entity,
                                       const char       *remote_id,
                                       const char       *etag,
                                       GCancellable     *cancellable,
                                       GError          **error);
  /* Steward's terms → the server's: the fields the server keeps, with
   * the values it would store. */
  JsonObject       *(*to_remote)      (StwSyncBackend   *self,
                                       const char       *entity,
                                       JsonObject       *local);
  /* The server's terms → Steward's, for the fields present in @remote.
   * @local is the record as it is here (NULL for a new one), so that a
   * value that maps to several local ones keeps the local one when it
   * still fits (RT's "open" is Steward's assigned or in progress). */
  JsonObject       *(*from_remote)    (StwSyncBackend   *self,
                                       const char       *entity,
                                       JsonObject       *remote,
                                       JsonObject       *local);

  /* The HTTP client, for the request count and the certificate. */
  StwHttp          *(*get_http)       (StwSyncBackend   *self);
};

/* Makes the backend of the account's kind, with its secret; the HTTP
 * client is set up with the pinned certificate and the authorization. */
StwSyncBackend   *stw_sync_backend_new_for_account (StwAccount       *account,
                                                    const char       *secret,
                                                    GError          **error);

/* The same with the secret from the keyring (blocking); on failure the
 * account's last error says why. */
StwSyncBackend   *stw_sync_backend_open           (StwDatabase      *db,
                                                   StwAccount       *account,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

gboolean          stw_sync_backend_check          (StwSyncBackend   *self,
                                                   char            **description,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
const char *const *stw_sync_backend_entities      (StwSyncBackend   *self);
gboolean          stw_sync_backend_pull_page      (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   const char       *cursor,
                                                   GPtrArray       **records,
                                                   char            **next_cursor,
                                                   gboolean         *more,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
StwRemoteRecord  *stw_sync_backend_fetch          (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   const char       *remote_id,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
GPtrArray        *stw_sync_backend_fetch_entries  (StwSyncBackend   *self,
                                                   const char       *ticket_remote_id,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
GPtrArray        *stw_sync_backend_list_ids       (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
gboolean          stw_sync_backend_accepts        (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   JsonObject       *local,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
StwRemoteRecord  *stw_sync_backend_create         (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   JsonObject       *fields,
                                                   const char       *parent_id,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
StwRemoteRecord  *stw_sync_backend_find_created   (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   JsonObject       *fields,
                                                   const char       *parent_id,
                                                   gint64            sent_after,
                                                   GHashTable       *linked,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
StwRemoteRecord  *stw_sync_backend_update         (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   const char       *remote_id,
                                                   const char       *etag,
                                                   JsonObject       *changed,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
gboolean          stw_sync_backend_remove         (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   const char       *remote_id,
                                                   const char       *etag,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
JsonObject       *stw_sync_backend_to_remote      (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   JsonObject       *local);
JsonObject       *stw_sync_backend_from_remote    (StwSyncBackend   *self,
                                                   const char       *entity,
                                                   JsonObject       *remote,
                                                   JsonObject       *local);
StwHttp          *stw_sync_backend_get_http       (StwSyncBackend   *self);

G_END_DECLS

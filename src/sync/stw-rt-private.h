/* stw-rt-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sync/stw-rt-backend.h"

G_BEGIN_DECLS

/* What the RT backend's files share, and what its tests reach: the pure
 * half (stw-rt-map.c: dates, TicketSQL, the cursor, values;
 * stw-rt-fields.c: whole records between Steward's terms and RT's) and
 * the backend's own state (stw-rt-backend.c: listings; stw-rt-names.c:
 * names learnt from the server; stw-rt-records.c: reading;
 * stw-rt-write.c: writing).
 *
 * RT's terms, as fetch() gives them and to_remote() makes them:
 *
 *   ticket: Subject, Status, Priority (0–100, a number), Queue (a name),
 *           Owner, Requestor (a person: email, else user name; null for
 *           none), Due (ISO 8601 UTC or null), Content (the description:
 *           the ticket's first message, or its newest description
 *           comment), Created and TimeWorked (fetch only)
 *   asset:  id, Name, Description, Status, Catalog (a name), Owner,
 *           HeldBy, and one member for each custom field RT has that
 *           matches a Steward field: "Serial Number", "Manufacturer",
 *           "Model", "Asset Tag", "Category", "Supplier", "Purchase
 *           Date", "Warranty End"
 *   entry:  Type (Correspond or Comment), Content, TimeTaken (minutes),
 *           Creator, Created (the last two fetch only)
 */

/* A Comment with this subject carries a ticket's new description: RT
 * keeps a ticket's first message as it was sent. Not translated: it is
 * how the backend finds it again. */
#define STW_RT_DESCRIPTION_SUBJECT "[Steward] Description"

/* Rows per page RT gives at most. */
#define STW_RT_PAGE_SIZE 100

/* --------------------------------------------------------------- dates */

/* µs since 1970 from RT's JSON form ("2026-11-24T14:24:12Z"); 0 for an
 * unset date (1970-01-01T00:00:00Z) and -1 for text that is no date. */
gint64       stw_rt_parse_time            (const char   *text);
/* The canonical ISO form ("…Z", whole seconds), NULL for unset or bad. */
char        *stw_rt_normalize_time        (const char   *text);
/* "YYYY-MM-DD HH:MM:SS" in UTC: how RT stores a date sent to it. */
char        *stw_rt_format_sql_time       (gint64        usec);
/* The same wall-clock form shifted by @offset seconds, for TicketSQL,
 * which reads every date in the user's time zone. */
char        *stw_rt_format_query_time     (gint64        usec,
                                           int           offset);
/* Text with its line breaks as RT keeps them (LF). */
char        *stw_rt_normalize_text        (const char   *text);
/* A value quoted for TicketSQL: 'it\'s'. */
char        *stw_rt_quote                 (const char   *value);

/* -------------------------------------------------------------- cursor */

/* Where a pull stands. A run lists, in id order, every record changed
 * since @since (all of them when @since is 0) and with an id above
 * @after; @mark is the newest change the server had when the run began,
 * which is where the next run starts. */
typedef struct
{
  gint64 since;   /* µs since 1970, 0 for all */
  gint64 mark;    /* µs since 1970 */
  gint64 after;   /* the last id listed; 0 before the first page */
  gboolean done;  /* the run ended: the next call starts a new one */
} StwRtCursor;

char        *stw_rt_cursor_format         (const StwRtCursor *cursor);
gboolean     stw_rt_cursor_parse          (const char   *text,
                                           StwRtCursor  *cursor);

/* ------------------------------------------------------------- mapping */

int          stw_rt_priority_to_remote    (int           priority);
int          stw_rt_priority_from_remote  (gint64        rt_priority);
const char  *stw_rt_status_to_remote      (const char   *type,
                                           const char   *status);
const char  *stw_rt_status_from_remote    (const char   *type,
                                           const char   *rt_status,
                                           const char   *local_status);
const char  *stw_rt_asset_status_to_remote   (const char *status);
const char  *stw_rt_asset_status_from_remote (const char *rt_status,
                                              const char *local_status);
const char  *stw_rt_category_to_remote    (const char   *category);
const char  *stw_rt_category_from_remote  (const char   *value);

/* The canonical name of a custom field that matches a Steward field
 * ("serial number", "Serial" → "Serial Number"), or NULL. */
const char  *stw_rt_custom_field_key      (const char   *rt_name);
/* The Steward field a canonical custom field holds ("serial"). */
const char  *stw_rt_custom_field_field    (const char   *key);
/* Every canonical custom field name, NULL-terminated. */
const char *const *stw_rt_custom_field_keys (void);

/* stw-rt-fields.c. @custom_fields: the canonical names RT has, or NULL
 * for all. */
JsonObject  *stw_rt_map_to_remote         (const char   *entity,
                                           JsonObject   *local,
                                           GHashTable   *custom_fields);
JsonObject  *stw_rt_map_from_remote       (const char   *entity,
                                           JsonObject   *remote,
                                           JsonObject   *local);

/* stw-rt-fields.c: the text of an HTML part, for messages sent without
 * a plain one. */
char        *stw_rt_html_to_text          (const char   *html);

/* JSON helpers that take RT's mixed types (ids as strings or numbers). */
const char  *stw_rt_json_string           (JsonObject   *object,
                                           const char   *member);
char        *stw_rt_json_id               (JsonObject   *object,
                                           const char   *member);
gint64       stw_rt_json_int              (JsonObject   *object,
                                           const char   *member,
                                           gint64        fallback);

/* ------------------------------------------------- the backend's state */

struct _StwRtBackend
{
  GObject     parent_instance;

  StwHttp    *http;
  char       *asset_catalog;

  /* RT's names for things, learnt once per backend. */
  GHashTable *queues;          /* id → name */
  GHashTable *catalogs;        /* id → name */
  GHashTable *users;           /* user name → email, or name */
  GHashTable *user_names;      /* email (lower case) → user name */
  GHashTable *custom_fields;   /* canonical name → RT's name; NULL before asked */
  gboolean    queues_complete;
  gboolean    catalogs_complete;

  /* How far TicketSQL's dates are from UTC, in seconds, and whether
   * that has been measured. */
  int         query_offset;
  gboolean    query_offset_known;

  /* Entries read with a page of tickets: ticket id → StwRtPrefetched. */
  GHashTable *prefetched;

  /* The entries read with the ticket last fetched, for the
   * fetch_entries() that follows. */
  char       *entries_ticket;
  GPtrArray  *entries;
};

/* stw-rt-backend.c */
gboolean     stw_rt_bad_reply          (GError       **error,
                                        const char    *what);
StwHttpReply *stw_rt_get               (StwRtBackend  *self,
                                        const char    *path,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* A search: @collection "tickets", "assets", "transactions"…; @query
 * TicketSQL; @fields for fields=; the items of one page. */
JsonArray   *stw_rt_search             (StwRtBackend  *self,
                                        const char    *collection,
                                        const char    *query,
                                        const char    *fields,
                                        const char    *orderby,
                                        guint          per_page,
                                        GCancellable  *cancellable,
                                        GError       **error);
const char  *stw_rt_queue_name         (StwRtBackend  *self,
                                        const char    *id,
                                        GCancellable  *cancellable,
                                        GError       **error);
const char  *stw_rt_find_queue         (StwRtBackend  *self,
                                        const char    *queue,
                                        GCancellable  *cancellable,
                                        GError       **error);
const char  *stw_rt_catalog_name       (StwRtBackend  *self,
                                        const char    *id,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* A user as Steward names people: email, else user name. */
const char  *stw_rt_person             (StwRtBackend  *self,
                                        const char    *user_name,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* The user name RT knows a person by; NULL with an error when none. */
char        *stw_rt_user_name          (StwRtBackend  *self,
                                        const char    *person,
                                        GCancellable  *cancellable,
                                        GError       **error);
GHashTable  *stw_rt_custom_fields      (StwRtBackend  *self,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* stw-rt-records.c */
void         stw_rt_forget_entries     (StwRtBackend  *self);
StwRemoteRecord *stw_rt_fetch          (StwSyncBackend *backend,
                                        const char     *entity,
                                        const char     *remote_id,
                                        GCancellable   *cancellable,
                                        GError        **error);
GPtrArray   *stw_rt_fetch_entries      (StwSyncBackend *backend,
                                        const char     *ticket_remote_id,
                                        GCancellable   *cancellable,
                                        GError        **error);
/* Entries of a ticket by a TicketSQL condition on its transactions
 * (AND-ed to the ticket's own), oldest first. */
GPtrArray   *stw_rt_read_entries       (StwRtBackend  *self,
                                        const char    *ticket_id,
                                        const char    *condition,
                                        char         **description,
                                        GCancellable  *cancellable,
                                        GError       **error);

typedef struct
{
  char       *etag;         /* the ticket's newest transaction then */
  char       *description;
  GPtrArray  *entries;
} StwRtPrefetched;

void         stw_rt_prefetched_free    (StwRtPrefetched *prefetched);
/* Reads the entries of many tickets ahead of their fetches. */
gboolean     stw_rt_prefetch_entries   (StwRtBackend  *self,
                                        GPtrArray     *ticket_ids,
                                        GCancellable  *cancellable,
                                        GError       **error);

gboolean     stw_rt_fill_listed        (StwRtBackend     *self,
                                        StwRemoteRecord  *record,
                                        JsonObject       *item,
                                        GCancellable     *cancellable,
                                        GError          **error);

/* stw-rt-write.c */
StwRemoteRecord *stw_rt_create         (StwSyncBackend *backend,
                                        const char     *entity,
                                        JsonObject     *fields,
                                        const char     *parent_id,
                                        GCancellable   *cancellable,
                                        GError        **error);
StwRemoteRecord *stw_rt_find_created   (StwSyncBackend *backend,
                                        const char     *entity,
                                        JsonObject     *fields,
                                        const char     *parent_id,
                                        gint64          sent_after,
                                        GHashTable     *linked,
                                        GCancellable   *cancellable,
                                        GError        **error);
StwRemoteRecord *stw_rt_update         (StwSyncBackend *backend,
                                        const char     *entity,
                                        const char     *remote_id,
                                        const char     *etag,
                                        JsonObject     *changed,
                                        GCancellable   *cancellable,
                                        GError        **error);
gboolean     stw_rt_remove             (StwSyncBackend *backend,
                                        const char     *entity,
                                        const char     *remote_id,
                                        const char     *etag,
                                        GCancellable   *cancellable,
                                        GError        **error);

G_END_DECLS

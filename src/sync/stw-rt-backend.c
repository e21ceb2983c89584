/* stw-rt-backend.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-rt-backend"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/stw-sync-store.h"
#include "stw-rt-backend.h"
#include "stw-rt-private.h"

/*
 * Request Tracker 5 through REST2. This file holds the backend object,
 * what it learns from the server once (queue, catalog and user names,
 * custom fields, the time zone of TicketSQL), the check, and the
 * listings: pull_page() and list_ids(). Reading records is in
 * stw-rt-records.c, writing them in stw-rt-write.c, and the translation
 * between the two sets of terms in stw-rt-map.c.
 *
 * How a pull pages. TicketSQL reads every date in the user's time zone
 * (RT's $Timezone or the user's own), whatever the text says: "…Z",
 * "…+00:00" and "… UTC" are all taken as local time. So dates cannot be
 * compared to the second across runs, and the pull does not rely on
 * them to page: each run lists, in id order, the records changed since
 * the previous run began (less an hour for a change of summer time and
 * a minute for writes still in flight), paging on the id alone, so the
 * order is stable while records change. What changes during a run and
 * was passed already is listed by the next one, which starts from the
 * newest change the server had when this one began. Records listed
 * again unchanged cost the engine nothing: their updated time matches
 * its link. But RT's times are whole seconds and a search gives no
 * ETag, so a record changed again in the second the engine read it
 * would look unchanged: records changed since the previous run began
 * are listed without a time, which makes the engine read them. How far
 * TicketSQL's dates are from UTC is measured once per backend on a
 * record whose creation time is known.
 */

#define SINCE_MARGIN (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define SUMMER_TIME_MARGIN (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
/* Time zones lie within these offsets, at quarter hours. */
#define ZONE_STEP 900
#define ZONE_STEPS 56

static void stw_rt_backend_iface_init (StwSyncBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwRtBackend, stw_rt_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (STW_TYPE_SYNC_BACKEND,
                                                      stw_rt_backend_iface_init))

static const char *const entities[] = { STW_SYNC_ASSET, STW_SYNC_TICKET, NULL };

/* ------------------------------------------------------------------------ */
/* Requests                                                                 */
/* ------------------------------------------------------------------------ */

StwHttpReply *
stw_rt_get (StwRtBackend  *self,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  return stw_http_request (self->http, "GET", path, NULL, NULL, cancellable, error);
}

gboolean
stw_rt_bad_reply (GError     **error,
                  const char  *what)
{
  g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY,
               /* Translators: %s is what was asked for, e.g. "/REST/2.0/tickets" */
               _("Request Tracker answered %s with something Steward cannot read."), what);
  return FALSE;
}

/* Appends name=value, with the value escaped for a query string. */
static void
append_param (GString    *path,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

/* @orderby: "id" or "-LastUpdated,-id" (a minus for descending). */
JsonArray *
stw_rt_search (StwRtBackend  *self,
               const char    *collection,
               const char    *query,
               const char    *fields,
               const char    *orderby,
               guint          per_page,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GString) path = g_string_new ("/REST/2.0/");
  g_autoptr(StwHttpReply) reply = NULL;
  g_autofree char *count = g_strdup_printf ("%u", per_page);
  JsonObject *body;

  g_string_append (path, collection);
  if (query != NULL)
    append_param (path, "query", query);
  if (fields != NULL)
    append_param (path, "fields", fields);
  /* As fetch() reads it: the owner's address comes with the listing. */
  if (fields != NULL && strstr (fields, "Owner") != NULL)
    append_param (path, "fields[Owner]", "EmailAddress");
  if (orderby != NULL)
    {
      g_auto (GStrv) columns = g_strsplit (orderby, ",", -1);

      for (guint i = 0; columns[i] != NULL; i++)
        {
          gboolean down = columns[i][0] == '-';

          append_param (path, "orderby", columns[i] + (down ? 1 : 0));
          append_param (path, "order", down ? "DESC" : "ASC");
        }
    }
  append_param (path, "per_page", count);

  reply = stw_rt_get (self, path->str, cancellable, error);
  if (reply == NULL)
    return NULL;
  if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body))
    return stw_rt_bad_reply (error, collection), NULL;
  body = json_node_get_object (reply->body);
  if (!json_object_has_member (body, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "items")))
    return stw_rt_bad_reply (error, collection), NULL;
  return json_array_ref (json_object_get_array_member (body, "items"));
}

/* ------------------------------------------------------------------------ */
/* TicketSQL's time zone                                                    */
/* ------------------------------------------------------------------------ */

/* Whether RT reads "@created + @seconds" as a time after @id's creation,
 * that is, whether its time zone is less than @seconds ahead of UTC. */
static gboolean
zone_before (StwRtBackend  *self,
             const char    *collection,
             gint64         id,
             gint64         created,
             int            seconds,
             gboolean      *before,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *time = stw_rt_format_query_time (created, seconds);
  g_autofree char *query = g_strdup_printf ("id = %" G_GINT64_FORMAT " AND Created < '%s'",
                                            id, time);
  g_autoptr(JsonArray) items = stw_rt_search (self, collection, query, NULL, "id", 1,
                                              cancellable, error);

  if (items == NULL)
    return FALSE;
  *before = json_array_get_length (items) > 0;
  return TRUE;
}

static gboolean
measure_zone (StwRtBackend  *self,
              const char    *collection,
              JsonObject    *record,
              GCancellable  *cancellable,
              GError       **error)
{
  gint64 id = stw_rt_json_int (record, "id", 0);
  gint64 created = stw_rt_parse_time (stw_rt_json_string (record, "Created"));
  gboolean before = FALSE;
  int low = -ZONE_STEPS, high = ZONE_STEPS;

  if (self->query_offset_known)
    return TRUE;
  if (id <= 0 || created <= 0)
    return stw_rt_bad_reply (error, collection);

  /* Most servers keep UTC: two questions settle it. */
  if (!zone_before (self, collection, id, created, 1, &before, cancellable, error))
    return FALSE;
  if (before)
    {
      if (!zone_before (self, collection, id, created, 1 - ZONE_STEP, &before, cancellable, error))
        return FALSE;
      if (!before)
        low = high = 0;
      else
        high = -1;
    }
  else
    low = 1;

  /* The smallest step k with the zone at most k quarter hours ahead. */
  while (low < high)
    {
      int k = low + (high - low) / 2;

      if (!zone_before (self, collection, id, created, k * ZONE_STEP + 1, &before, cancellable,
                        error))
        return FALSE;
      if (before)
        high = k;
      else
        low = k + 1;
    }

  self->query_offset = low * ZONE_STEP;
  self->query_offset_known = TRUE;
  g_debug ("TicketSQL reads dates %d s ahead of UTC", self->query_offset);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Listings                                                                 */
/* ------------------------------------------------------------------------ */

static const char *
collection_of (const char  *entity,
               GError     **error)
{
  if (g_strcmp0 (entity, STW_SYNC_TICKET) == 0)
    return "tickets";
  if (g_strcmp0 (entity, STW_SYNC_ASSET) == 0)
    return "assets";
  g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNSUPPORTED,
               _("Request Tracker cannot list “%s” records."), entity);
  return NULL;
}

/* The tickets of a page again, now with every field the engine merges,
 * read after their entries (see stw_rt_fill_listed()): one request for
 * a page instead of one per ticket. */
static gboolean
fill_page (StwRtBackend  *self,
           const char    *query,
           GPtrArray     *page,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) items = NULL;
  g_autofree char *bounded = NULL;
  gint64 last = 0;

  for (guint i = 0; i < page->len; i++)
    {
      StwRemoteRecord *record = g_ptr_array_index (page, i);

      g_hash_table_insert (by_id, record->remote_id, record);
      last = MAX (last, g_ascii_strtoll (record->remote_id, NULL, 10));
    }

  bounded = g_strdup_printf ("%s AND id <= %" G_GINT64_FORMAT, query, last);
  items = stw_rt_search (self, "tickets", bounded,
                         "LastUpdated,Subject,Status,Priority,Queue,Owner,Requestor,Due,"
                         "Created,TimeWorked",
                         "id", STW_RT_PAGE_SIZE, cancellable, error);
  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *id = stw_rt_json_id (item, "id");
      StwRemoteRecord *record = id != NULL ? g_hash_table_lookup (by_id, id) : NULL;

      if (record != NULL && !stw_rt_fill_listed (self, record, item, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
stw_rt_backend_pull_page (StwSyncBackend  *backend,
                          const char      *entity,
                          const char      *cursor,
                          GPtrArray      **records,
                          char           **next_cursor,
                          gboolean        *more,
                          GCancellable    *cancellable,
                          GError         **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  const char *collection = collection_of (entity, error);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_remote_record_free);
  g_autoptr(JsonArray) items = NULL;
  g_autofree char *query = NULL;
  StwRtCursor at;
  gint64 unsure;
  guint n;

  if (collection == NULL)
    return FALSE;

  if (!stw_rt_cursor_parse (cursor, &at) || at.done)
    {
      /* A new run: from the previous run's start, or from the beginning. */
      g_autoptr(JsonArray) newest = NULL;
      JsonObject *record;
      gint64 since = at.done ? MAX (at.mark - SINCE_MARGIN - SUMMER_TIME_MARGIN, 1) : 0;

      newest = stw_rt_search (self, collection, "id > 0", "LastUpdated,Created",
                              "-LastUpdated,-id", 1, cancellable, error);
      if (newest == NULL)
        return FALSE;
      if (json_array_get_length (newest) == 0)
        {
          *records = g_steal_pointer (&page);
          *next_cursor = g_strdup (cursor);
          *more = FALSE;
          return TRUE;
        }
      record = json_array_get_object_element (newest, 0);
      if (since > 0 && !measure_zone (self, collection, record, cancellable, error))
        return FALSE;
      at.since = since;
      at.mark = stw_rt_parse_time (stw_rt_json_string (record, "LastUpdated"));
      at.after = 0;
      at.done = FALSE;
      if (at.mark <= 0)
        return stw_rt_bad_reply (error, collection);
    }

  if (at.since > 0)
    {
      g_autofree char *since = stw_rt_format_query_time (at.since, self->query_offset);

      query = g_strdup_printf ("LastUpdated >= '%s' AND id > %" G_GINT64_FORMAT, since, at.after);
    }
  else
    query = g_strdup_printf ("id > %" G_GINT64_FORMAT, at.after);

  items = stw_rt_search (self, collection, query, "LastUpdated", "id", STW_RT_PAGE_SIZE,
                         cancellable, error);
  if (items == NULL)
    return FALSE;
  /* Where the previous run began, less a second. */
  unsure = at.since + SINCE_MARGIN + SUMMER_TIME_MARGIN - G_USEC_PER_SEC;

  n = json_array_get_length (items);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *id = stw_rt_json_id (item, "id");
      StwRemoteRecord *record;

      if (id == NULL)
        return stw_rt_bad_reply (error, collection);
      record = stw_remote_record_new (id);
      /* RT's times are whole seconds, and a listing has no ETag: a record
       * changed in the second the previous run read it shows the time the
       * engine has. Such records go without a time, so they are read. */
      if (at.since == 0 ||
          stw_rt_parse_time (stw_rt_json_string (item, "LastUpdated")) < unsure)
        record->updated = stw_rt_normalize_time (stw_rt_json_string (item, "LastUpdated"));
      g_ptr_array_add (page, record);
      at.after = MAX (at.after, stw_rt_json_int (item, "id", 0));
    }

  /* Tickets the engine will read (all of them on a first pull, those
   * changed since the previous run else): their entries in one go. */
  if (g_str_equal (collection, "tickets"))
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      for (guint i = 0; i < page->len; i++)
        {
          StwRemoteRecord *record = g_ptr_array_index (page, i);

          if (at.since == 0 || record->updated == NULL)
            g_ptr_array_add (ids, record->remote_id);
        }
      if (!stw_rt_prefetch_entries (self, ids, cancellable, error))
        return FALSE;
      if (ids->len > 0 && !fill_page (self, query, page, cancellable, error))
        return FALSE;
    }

  *more = n == STW_RT_PAGE_SIZE;
  if (!*more)
    {
      at.since = 0;
      at.after = 0;
      at.done = TRUE;
    }
  *next_cursor = stw_rt_cursor_format (&at);
  *records = g_steal_pointer (&page);
  return TRUE;
}

static GPtrArray *
stw_rt_backend_list_ids (StwSyncBackend  *backend,
                         const char      *entity,
                         GCancellable    *cancellable,
                         GError         **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  const char *collection = collection_of (entity, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gint64 after = 0;

  if (collection == NULL)
    return NULL;

  /* Deleted tickets and assets never match a search. */
  for (;;)
    {
      g_autofree char *query = g_strdup_printf ("id > %" G_GINT64_FORMAT, after);
      g_autoptr(JsonArray) items = stw_rt_search (self, collection, query, "", "id",
                                                  STW_RT_PAGE_SIZE, cancellable, error);
      guint n;

      if (items == NULL)
        return NULL;
      n = json_array_get_length (items);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          char *id = stw_rt_json_id (item, "id");

          if (id == NULL)
            return stw_rt_bad_reply (error, collection), NULL;
          g_ptr_array_add (ids, id);
          after = MAX (after, stw_rt_json_int (item, "id", 0));
        }
      if (n < STW_RT_PAGE_SIZE)
        break;
    }
  return g_steal_pointer (&ids);
}

/* ------------------------------------------------------------------------ */
/* StwSyncBackend                                                           */
/* ------------------------------------------------------------------------ */

static gboolean
stw_rt_backend_check (StwSyncBackend  *backend,
                      char           **description,
                      GCancellable    *cancellable,
                      GError         **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *version = NULL;
  const char *text = NULL;

  reply = stw_rt_get (self, "/REST/2.0/rt", cancellable, &local_error);
  if (reply == NULL && (g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_BAD_REPLY) ||
                        g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND)))
    g_clear_error (&local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (reply != NULL && reply->body != NULL && JSON_NODE_HOLDS_OBJECT (reply->body))
    text = stw_rt_json_string (json_node_get_object (reply->body), "Version");
  if (text == NULL)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_SERVER,
                   _("%s does not look like a Request Tracker server."),
                   stw_http_get_base_url (self->http));
      return FALSE;
    }

  /* "5.0.3+dfsg-3~deb12u6": the packager's part is not RT's version. */
  version = g_strndup (text, strcspn (text, "+~ "));
  if (description != NULL)
    *description = g_strdup_printf ("Request Tracker %s", version);
  return TRUE;
}

static const char *const *
stw_rt_backend_entities (StwSyncBackend *backend)
{
  return entities;
}

static gboolean
stw_rt_backend_accepts (StwSyncBackend  *backend,
                        const char      *entity,
                        JsonObject      *local,
                        GCancellable    *cancellable,
                        GError         **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);

  if (g_strcmp0 (entity, STW_SYNC_ASSET) == 0)
    return self->asset_catalog != NULL;
  if (g_strcmp0 (entity, STW_SYNC_TICKET) != 0 || local == NULL)
    return TRUE;
  return stw_rt_find_queue (self, stw_rt_json_string (local, "queue"), cancellable, error) != NULL;
}

static JsonObject *
stw_rt_backend_to_remote (StwSyncBackend *backend,
                          const char     *entity,
                          JsonObject     *local)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);

  return stw_rt_map_to_remote (entity, local, self->custom_fields);
}

static JsonObject *
stw_rt_backend_from_remote (StwSyncBackend *backend,
                            const char     *entity,
                            JsonObject     *remote,
                            JsonObject     *local)
{
  return stw_rt_map_from_remote (entity, remote, local);
}

static StwHttp *
stw_rt_backend_get_http (StwSyncBackend *backend)
{
  return STW_RT_BACKEND (backend)->http;
}

static void
stw_rt_backend_iface_init (StwSyncBackendInterface *iface)
{
  iface->check = stw_rt_backend_check;
  iface->entities = stw_rt_backend_entities;
  iface->pull_page = stw_rt_backend_pull_page;
  iface->fetch = stw_rt_fetch;
  iface->fetch_entries = stw_rt_fetch_entries;
  iface->list_ids = stw_rt_backend_list_ids;
  iface->accepts = stw_rt_backend_accepts;
  iface->create = stw_rt_create;
  iface->find_created = stw_rt_find_created;
  iface->update = stw_rt_update;
  iface->remove = stw_rt_remove;
  iface->to_remote = stw_rt_backend_to_remote;
  iface->from_remote = stw_rt_backend_from_remote;
  iface->get_http = stw_rt_backend_get_http;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_rt_backend_dispose (GObject *object)
{
  StwRtBackend *self = STW_RT_BACKEND (object);

  g_clear_object (&self->http);
  stw_rt_forget_entries (self);
  g_clear_pointer (&self->prefetched, g_hash_table_unref);

  G_OBJECT_CLASS (stw_rt_backend_parent_class)->dispose (object);
}

static void
stw_rt_backend_finalize (GObject *object)
{
  StwRtBackend *self = STW_RT_BACKEND (object);

  g_free (self->asset_catalog);
  g_hash_table_unref (self->queues);
  g_hash_table_unref (self->catalogs);
  g_hash_table_unref (self->users);
  g_hash_table_unref (self->user_names);
  g_clear_pointer (&self->custom_fields, g_hash_table_unref);

  G_OBJECT_CLASS (stw_rt_backend_parent_class)->finalize (object);
}

static void
stw_rt_backend_class_init (StwRtBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_rt_backend_dispose;
  object_class->finalize = stw_rt_backend_finalize;
}

static void
stw_rt_backend_init (StwRtBackend *self)
{
  self->queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->user_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_rt_backend_new:
 * @http: the client, with the URL and the authorization
 * @asset_catalog: (nullable): where assets made here go
 *
 * Returns: (transfer full): the backend
 */
StwSyncBackend *
stw_rt_backend_new (StwHttp    *http,
                    const char *asset_catalog)
{
  StwRtBackend *self;

  g_return_val_if_fail (STW_IS_HTTP (http), NULL);

  self = g_object_new (STW_TYPE_RT_BACKEND, NULL);
  self->http = g_object_ref (http);
  self->asset_catalog = asset_catalog != NULL && *asset_catalog != '\0'
                          ? g_strdup (asset_catalog) : NULL;
  return STW_SYNC_BACKEND (self);
}

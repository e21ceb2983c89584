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
 * again unchanged cost the engine nothing: their updated time and etag
 * match its link. How far TicketSQL's dates are from UTC is measured
 * once per backend on a record whose creation time is known.
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
/* Names                                                                    */
/* ------------------------------------------------------------------------ */

/* Every queue or catalog the user can see, with its name. */
static gboolean
load_names (StwRtBackend  *self,
            const char    *collection,
            GHashTable    *names,
            GCancellable  *cancellable,
            GError       **error)
{
  for (guint page = 1;; page++)
    {
      g_autofree char *path = g_strdup_printf ("/REST/2.0/%s/all?fields=Name&per_page=%d&page=%u",
                                               collection, STW_RT_PAGE_SIZE, page);
      g_autoptr(StwHttpReply) reply = stw_rt_get (self, path, cancellable, error);
      JsonArray *items;

      if (reply == NULL)
        return FALSE;
      if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body) ||
          !json_object_has_member (json_node_get_object (reply->body), "items"))
        return stw_rt_bad_reply (error, collection);
      items = json_object_get_array_member (json_node_get_object (reply->body), "items");
      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          char *id = stw_rt_json_id (item, "id");
          const char *name = stw_rt_json_string (item, "Name");

          if (id != NULL && name != NULL)
            g_hash_table_replace (names, id, g_strdup (name));
          else
            g_free (id);
        }
      if (items == NULL || json_array_get_length (items) < STW_RT_PAGE_SIZE)
        return TRUE;
    }
}

/* A queue or catalog by id: from the list, or one by one for those the
 * list leaves out (disabled ones). */
static const char *
record_name (StwRtBackend  *self,
             const char    *kind,
             GHashTable    *names,
             gboolean      *complete,
             const char    *id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *collection = g_strconcat (kind, "s", NULL);
  g_autofree char *path = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  const char *name;

  if (id == NULL)
    return NULL;
  if ((name = g_hash_table_lookup (names, id)) != NULL)
    return name;
  if (!*complete)
    {
      if (!load_names (self, collection, names, cancellable, error))
        return NULL;
      *complete = TRUE;
      if ((name = g_hash_table_lookup (names, id)) != NULL)
        return name;
    }

  path = g_strdup_printf ("/REST/2.0/%s/%s", kind, id);
  reply = stw_rt_get (self, path, cancellable, error);
  if (reply == NULL)
    return NULL;
  if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body) ||
      (name = stw_rt_json_string (json_node_get_object (reply->body), "Name")) == NULL)
    return stw_rt_bad_reply (error, path), NULL;
  g_hash_table_replace (names, g_strdup (id), g_strdup (name));
  return g_hash_table_lookup (names, id);
}

const char *
stw_rt_queue_name (StwRtBackend  *self,
                   const char    *id,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return record_name (self, "queue", self->queues, &self->queues_complete, id, cancellable, error);
}

const char *
stw_rt_catalog_name (StwRtBackend  *self,
                     const char    *id,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return record_name (self, "catalog", self->catalogs, &self->catalogs_complete, id, cancellable,
                      error);
}

/* RT's name of a queue given in any case; NULL (and no error) when the
 * user can see no such queue. */
const char *
stw_rt_find_queue (StwRtBackend  *self,
                   const char    *queue,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *folded = NULL;
  GHashTableIter iter;
  gpointer name;

  if (queue == NULL || *queue == '\0')
    return NULL;
  if (!self->queues_complete)
    {
      if (!load_names (self, "queues", self->queues, cancellable, error))
        return NULL;
      self->queues_complete = TRUE;
    }

  folded = g_utf8_casefold (queue, -1);
  g_hash_table_iter_init (&iter, self->queues);
  while (g_hash_table_iter_next (&iter, NULL, &name))
    {
      g_autofree char *other = g_utf8_casefold (name, -1);

      if (g_str_equal (folded, other))
        return name;
    }
  return NULL;
}

static void
remember_user (StwRtBackend *self,
               const char   *name,
               const char   *email)
{
  const char *person = email != NULL && *email != '\0' ? email : name;

  g_hash_table_replace (self->users, g_strdup (name), g_strdup (person));
  if (email != NULL && *email != '\0')
    g_hash_table_replace (self->user_names, g_ascii_strdown (email, -1), g_strdup (name));
}

/* Users made from mail are named by their address already; the others
 * (staff, root) are looked up once. */
const char *
stw_rt_person (StwRtBackend  *self,
               const char    *user_name,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *person;

  if (user_name == NULL || *user_name == '\0' || g_str_equal (user_name, "Nobody"))
    return NULL;
  if ((person = g_hash_table_lookup (self->users, user_name)) != NULL)
    return person;
  if (strchr (user_name, '@') != NULL)
    {
      remember_user (self, user_name, user_name);
      return g_hash_table_lookup (self->users, user_name);
    }

  escaped = g_uri_escape_string (user_name, NULL, FALSE);
  path = g_strdup_printf ("/REST/2.0/user/%s", escaped);
  reply = stw_rt_get (self, path, cancellable, &local_error);
  if (reply == NULL && !g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A user the token may not see stays known by name. */
  remember_user (self, user_name,
                 reply != NULL && reply->body != NULL && JSON_NODE_HOLDS_OBJECT (reply->body)
                   ? stw_rt_json_string (json_node_get_object (reply->body), "EmailAddress")
                   : NULL);
  return g_hash_table_lookup (self->users, user_name);
}

char *
stw_rt_user_name (StwRtBackend  *self,
                  const char    *person,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autofree char *text = NULL;
  const char *name;

  if (person == NULL || strchr (person, '@') == NULL)
    return g_strdup (person);
  lower = g_ascii_strdown (person, -1);
  if ((name = g_hash_table_lookup (self->user_names, lower)) != NULL)
    return g_strdup (name);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, "EmailAddress");
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, person);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  text = json_to_string (node, FALSE);

  items = stw_rt_search (self, "users", text, "Name,EmailAddress", "id", 2, cancellable, error);
  if (items == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *email = stw_rt_json_string (item, "EmailAddress");

      if (email != NULL && g_ascii_strcasecmp (email, person) == 0 &&
          stw_rt_json_string (item, "Name") != NULL)
        {
          remember_user (self, stw_rt_json_string (item, "Name"), email);
          return g_strdup (stw_rt_json_string (item, "Name"));
        }
    }

  g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED,
               _("Request Tracker has no user with the address %s."), person);
  return NULL;
}

/* The asset custom fields RT has that hold a Steward field, canonical
 * name → RT's name. */
GHashTable *
stw_rt_custom_fields (StwRtBackend  *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(JsonArray) items = NULL;

  if (self->custom_fields != NULL)
    return self->custom_fields;

  items = stw_rt_search (self, "customfields",
                         "[{\"field\":\"LookupType\",\"value\":\"RT::Catalog-RT::Asset\"}]",
                         "Name", "id", STW_RT_PAGE_SIZE, cancellable, error);
  if (items == NULL)
    return NULL;

  self->custom_fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *name = stw_rt_json_string (json_array_get_object_element (items, i), "Name");
      const char *key = stw_rt_custom_field_key (name);

      if (key != NULL && !g_hash_table_contains (self->custom_fields, key))
        g_hash_table_insert (self->custom_fields, (gpointer) key, g_strdup (name));
    }
  return self->custom_fields;
}

void
stw_rt_forget_entries (StwRtBackend *self)
{
  g_clear_pointer (&self->entries_ticket, g_free);
  g_clear_pointer (&self->entries_etag, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
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

  n = json_array_get_length (items);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *id = stw_rt_json_id (item, "id");
      StwRemoteRecord *record;

      if (id == NULL)
        return stw_rt_bad_reply (error, collection);
      record = stw_remote_record_new (id);
      record->updated = stw_rt_normalize_time (stw_rt_json_string (item, "LastUpdated"));
      g_ptr_array_add (page, record);
      at.after = MAX (at.after, stw_rt_json_int (item, "id", 0));
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

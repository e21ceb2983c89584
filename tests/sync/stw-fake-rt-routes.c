/* stw-fake-rt-routes.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-fake-rt"

#include "config.h"

#include "stw-fake-rt-private.h"

#include <string.h>

/* What the fake RT answers, request by request (see stw-fake-rt.h):
 * the answer is built as a Reply, not sent, so that stw-fake-rt.c can
 * still break it the way a fault says. */

static const char *
params_get (Params     *params,
            const char *key)
{
  for (guint i = 0; i < params->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (params->keys, i), key))
      return g_ptr_array_index (params->values, i);

  return NULL;
}

static GPtrArray *
params_get_all (Params     *params,
                const char *key)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < params->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (params->keys, i), key))
      g_ptr_array_add (all, g_ptr_array_index (params->values, i));

  return all;
}

static void
reply_json (Reply    *reply,
            guint     status,
            JsonNode *node)
{
  reply->status = status;
  g_free (reply->body);
  reply->body = node != NULL ? json_to_string (node, FALSE) : NULL;
}

static void
reply_object (Reply      *reply,
              guint       status,
              JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  reply_json (reply, status, node);
}

static void
reply_strings (Reply      *reply,
               guint       status,
               JsonArray  *strings)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, strings);
  reply_json (reply, status, node);
}

static char *
api_base (StwFakeRt *self)
{
  return g_strconcat (stw_test_server_get_url (self->server), FAKE_RT_API, NULL);
}

static guint
parse_number (const char *text,
              guint       fallback)
{
  guint64 value;

  if (text == NULL || text[0] == '\0' || strspn (text, "0123456789") != strlen (text))
    return fallback;

  value = g_ascii_strtoull (text, NULL, 10);
  return value > G_MAXUINT ? fallback : (guint) value;
}

static JsonObject *
body_object (SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL)
      || json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

typedef struct
{
  StwFakeRt *self;
  GPtrArray *orderby;
  GPtrArray *order;
} SortContext;

static FakeTxn *
find_txn (StwFakeRt *self,
          guint      id)
{
  for (guint i = 0; i < self->txns->len; i++)
    {
      FakeTxn *txn = g_ptr_array_index (self->txns, i);

      if (txn->id == id)
        return txn;
    }

  return NULL;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const FakeRecord *x = *(FakeRecord *const *) a;
  const FakeRecord *y = *(FakeRecord *const *) b;
  SortContext *context = data;

  for (guint i = 0; i < context->orderby->len; i++)
    {
      const char *field = g_ptr_array_index (context->orderby, i);
      gboolean descending = i < context->order->len
                            && g_ascii_strcasecmp (g_ptr_array_index (context->order, i), "DESC") == 0;
      int order = 0;

      if (g_str_equal (field, "id"))
        order = x->id < y->id ? -1 : x->id > y->id;
      else if (g_str_equal (field, "LastUpdated"))
        order = x->updated < y->updated ? -1 : x->updated > y->updated;
      else if (g_str_equal (field, "Created"))
        order = x->created < y->created ? -1 : x->created > y->created;
      else
        {
          g_autofree char *p = fake_rt_field_text (context->self, (FakeRecord *) x, field);
          g_autofree char *q = fake_rt_field_text (context->self, (FakeRecord *) y, field);

          order = g_strcmp0 (p, q);
        }

      if (order != 0)
        return descending ? -order : order;
    }

  /* RT's own order is unspecified; this one is at least stable. */
  return context->orderby->len > 0 ? (x->id < y->id ? -1 : x->id > y->id) : (x->id > y->id ? -1 : x->id < y->id);
}

/* The paging envelope around @items (JsonObjects, all of the result). */
static void
reply_page (StwFakeRt          *self,
            SoupServerMessage  *msg,
            Params             *params,
            GPtrArray          *items,
            Reply              *reply)
{
  JsonObject *envelope = json_object_new ();
  JsonArray *page_items = json_array_new ();
  guint per_page = parse_number (params_get (params, "per_page"), 20);
  guint page = parse_number (params_get (params, "page"), 1);
  guint total = items->len;
  guint pages;
  const char *host = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Host");
  const char *scheme = g_uri_get_scheme (soup_server_message_get_uri (msg));
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));

  if (per_page == 0)
    per_page = 20;
  per_page = MIN (per_page, 100);
  if (page == 0)
    page = 1;
  pages = (total + per_page - 1) / per_page;

  for (guint i = (page - 1) * per_page; i < total && i < page * per_page; i++)
    json_array_add_object_element (page_items, json_object_ref (g_ptr_array_index (items, i)));

  json_object_set_int_member (envelope, "page", page);
  json_object_set_int_member (envelope, "per_page", per_page);
  json_object_set_int_member (envelope, "total", total);
  json_object_set_int_member (envelope, "count", json_array_get_length (page_items));
  if (pages == 0)
    json_object_set_double_member (envelope, "pages", 0.0);
  else
    json_object_set_int_member (envelope, "pages", pages);

  /* RT builds these from the Host header, and leaves "=" where the page
   * pair was. */
  for (guint other = 0; other < 2; other++)
    {
      guint target = other == 0 ? page + 1 : page - 1;
      g_auto(GStrv) pairs = g_strsplit (raw_query != NULL ? raw_query : "", "&", -1);
      g_autoptr(GString) url = NULL;

      if ((other == 0 && page >= pages) || (other == 1 && (page <= 1 || pages == 0)))
        continue;

      url = g_string_new (NULL);
      g_string_append_printf (url, "%s://%s%s?", scheme, host != NULL ? host : "127.0.0.1", path);
      for (guint i = 0; pairs[i] != NULL; i++)
        {
          if (pairs[i][0] == '\0')
            continue;
          g_string_append (url, g_str_has_prefix (pairs[i], "page=") ? "=" : pairs[i]);
          g_string_append_c (url, '&');
        }
      g_string_append_printf (url, "page=%u", target);
      json_object_set_string_member (envelope, other == 0 ? "next_page" : "prev_page", url->str);
    }

  json_object_set_array_member (envelope, "items", page_items);
  reply_object (reply, 200, envelope);
}

static void
search (StwFakeRt          *self,
        SoupServerMessage  *msg,
        FakeKind            kind,
        Params             *params,
        Reply              *reply)
{
  const char *text = params_get (params, "query");
  const char *fields_text = params_get (params, "fields");
  g_autoptr(FakeQuery) query = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) fields = g_strsplit (fields_text != NULL ? fields_text : "", ",", -1);
  g_autofree char *message = NULL;
  g_autofree char *base = api_base (self);
  SortContext context = { self, params_get_all (params, "orderby"), params_get_all (params, "order") };
  GHashTableIter iter;
  gpointer value;

  if (text != NULL && text[0] != '\0')
    {
      query = fake_query_parse (text, &message);
      if (query == NULL)
        {
          fake_reply_message (reply, 400, message);
          goto out;
        }

      g_hash_table_iter_init (&iter, kind == FAKE_TICKET ? self->tickets : self->assets);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          FakeRecord *record = value;

          /* RT adds Status != 'deleted' to every ticket search. */
          if (kind == FAKE_TICKET
              && g_str_equal (json_object_get_string_member (record->fields, "Status"), "deleted"))
            continue;
          if (fake_query_match (query, self, record))
            g_ptr_array_add (found, record);
        }
    }

  g_ptr_array_sort_with_data (found, compare_records, &context);

  for (guint i = 0; i < found->len; i++)
    {
      FakeRecord *record = g_ptr_array_index (found, i);
      JsonObject *item = json_object_new ();
      g_autofree char *id = g_strdup_printf ("%u", record->id);
      g_autofree char *url = g_strdup_printf ("%s/%s/%u", base, fake_rt_kind_name (kind), record->id);

      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "type", fake_rt_kind_name (kind));
      json_object_set_string_member (item, "_url", url);
      for (guint j = 0; fields[j] != NULL; j++)
        {
          JsonNode *node = fields[j][0] != '\0' ? fake_rt_render_field (self, record, fields[j], base) : NULL;

          if (node != NULL)
            json_object_set_member (item, fields[j], node);
        }
      g_ptr_array_add (items, item);
    }

  reply_page (self, msg, params, items, reply);

out:
  g_ptr_array_unref (context.orderby);
  g_ptr_array_unref (context.order);
}

static void
list_named (StwFakeRt          *self,
            SoupServerMessage  *msg,
            GPtrArray          *names,
            const char         *type,
            Params             *params,
            Reply              *reply)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *base = api_base (self);

  for (guint i = 0; i < names->len; i++)
    {
      JsonObject *item = json_object_new ();
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      g_autofree char *url = g_strdup_printf ("%s/%s/%u", base, type, i + 1);

      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "type", type);
      json_object_set_string_member (item, "_url", url);
      g_ptr_array_add (items, item);
    }

  reply_page (self, msg, params, items, reply);
}

static void
show_named (GPtrArray  *names,
            const char *name_or_id,
            const char *lifecycle,
            Reply      *reply)
{
  JsonObject *object;
  guint id = 0;

  for (guint i = 0; i < names->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (names, i), name_or_id) == 0)
      id = i + 1;
  if (id == 0)
    id = parse_number (name_or_id, 0);
  if (id == 0 || id > names->len)
    {
      fake_reply_message (reply, 404, "Not Found");
      return;
    }

  object = json_object_new ();
  json_object_set_int_member (object, "id", id);
  json_object_set_string_member (object, "Name", g_ptr_array_index (names, id - 1));
  json_object_set_string_member (object, "Description", "");
  json_object_set_string_member (object, "Lifecycle", lifecycle);
  json_object_set_string_member (object, "Disabled", "0");
  reply_object (reply, 200, object);
}

static void
show_user (const char *name,
           Reply      *reply)
{
  JsonObject *object = json_object_new ();
  g_autofree char *email = NULL;

  if (g_str_equal (name, "root"))
    email = g_strdup ("root@localhost");
  else if (strchr (name, '@') != NULL)
    email = g_strdup (name);
  else
    email = g_strdup ("");

  json_object_set_int_member (object, "id", g_str_equal (name, "Nobody") ? 6 : g_str_equal (name, "root") ? 14 : 40);
  json_object_set_string_member (object, "Name", name);
  json_object_set_string_member (object, "EmailAddress", email);
  json_object_set_string_member (object, "RealName", "");
  reply_object (reply, 200, object);
}

static void
history (StwFakeRt          *self,
         SoupServerMessage  *msg,
         FakeRecord         *record,
         Params             *params,
         Reply              *reply)
{
  const char *fields_text = params_get (params, "fields");
  g_auto(GStrv) fields = g_strsplit (fields_text != NULL ? fields_text : "", ",", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *base = api_base (self);

  for (guint i = 0; i < self->txns->len; i++)
    {
      FakeTxn *txn = g_ptr_array_index (self->txns, i);

      if (txn->kind == record->kind && txn->object_id == record->id)
        g_ptr_array_add (items, fake_rt_render_txn (txn, base, (const char *const *) fields));
    }

  reply_page (self, msg, params, items, reply);
}

static void
attachments (StwFakeRt          *self,
             SoupServerMessage  *msg,
             FakeTxn            *txn,
             Params             *params,
             Reply              *reply)
{
  const char *fields_text = params_get (params, "fields");
  g_auto(GStrv) fields = g_strsplit (fields_text != NULL ? fields_text : "", ",", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *base = api_base (self);

  if (txn->content != NULL)
    {
      JsonObject *item = json_object_new ();
      g_autofree char *id = g_strdup_printf ("%u", txn->id);
      g_autofree char *url = g_strdup_printf ("%s/attachment/%u", base, txn->id);
      g_autofree char *content = g_base64_encode ((const guchar *) txn->content, strlen (txn->content));

      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "type", "attachment");
      json_object_set_string_member (item, "_url", url);
      if (g_strv_contains ((const char *const *) fields, "Subject"))
        json_object_set_string_member (item, "Subject", txn->subject != NULL ? txn->subject : "");
      if (g_strv_contains ((const char *const *) fields, "ContentType"))
        json_object_set_string_member (item, "ContentType", txn->content_type);
      if (g_strv_contains ((const char *const *) fields, "Content"))
        json_object_set_string_member (item, "Content", content);
      g_ptr_array_add (items, item);
    }

  reply_page (self, msg, params, items, reply);
}

static void
add_entry_from_request (StwFakeRt          *self,
                        SoupServerMessage  *msg,
                        FakeRecord         *record,
                        const char         *type,
                        Reply              *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(JsonArray) said = json_array_new ();

  if (g_strcmp0 (content_type, "application/json") == 0)
    {
      g_autoptr(JsonObject) body = body_object (msg);

      if (body == NULL)
        {
          fake_reply_message (reply, 400, "JSON object required");
          return;
        }
      fake_rt_add_entry (self, record, type,
                         json_object_get_string_member_with_default (body, "Subject", NULL),
                         json_object_get_string_member_with_default (body, "Content", ""),
                         json_object_get_string_member_with_default (body, "ContentType", "text/plain"),
                         (guint) MAX (0, json_object_get_int_member_with_default (body, "TimeTaken", 0)));
    }
  else
    {
      fake_rt_add_entry (self, record, type, NULL, text, content_type, 0);
    }

  json_array_add_string_element (said, g_str_equal (type, "Comment") ? "Comments added" : "Correspondence added");
  reply_strings (reply, 201, g_steal_pointer (&said));
}

static void
record_request (StwFakeRt          *self,
                SoupServerMessage  *msg,
                const char         *method,
                FakeKind            kind,
                guint               id,
                Reply              *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  FakeRecord *record = fake_rt_lookup (self, kind, id);
  g_autofree char *etag = NULL;
  g_autofree char *base = api_base (self);

  if (record == NULL)
    {
      fake_reply_message (reply, 404, g_str_equal (method, "PUT")
                                      ? "Resource does not exist; use POST to create" : "Not Found");
      return;
    }

  etag = g_strdup_printf ("\"%u\"", record->etag);

  if (g_str_equal (method, "GET"))
    {
      const char *since = soup_message_headers_get_one (headers, "If-Modified-Since");

      if (since != NULL)
        {
          g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (since);

          /* RT 5.0.3's Last-Modified bug: a date in the past crashes it. */
          if (when != NULL && g_date_time_to_unix (when) < fake_rt_now (self))
            {
              fake_reply_message (reply, 500, "Internal Server Error");
              return;
            }
        }

      reply->etag = g_strdup (etag);
      reply->last_modified = fake_rt_format_time (record->updated);
      if (g_strcmp0 (soup_message_headers_get_one (headers, "If-None-Match"), etag) == 0)
        {
          reply->status = 304;
          return;
        }
      reply_object (reply, 200, fake_rt_render (self, record, base));
      return;
    }

  if (g_str_equal (method, "PUT"))
    {
      const char *if_match = soup_message_headers_get_one (headers, "If-Match");
      g_autoptr(JsonObject) body = body_object (msg);
      g_autofree char *message = NULL;
      JsonArray *said;

      if (if_match != NULL && !g_str_equal (if_match, etag))
        {
          fake_reply_message (reply, 412, "Precondition Failed");
          return;
        }
      if (body == NULL)
        {
          fake_reply_message (reply, 400, "JSON object required");
          return;
        }

      said = fake_rt_update (self, record, body, &message);
      reply_strings (reply, 200, said);
      return;
    }

  if (g_str_equal (method, "DELETE") && kind == FAKE_TICKET)
    {
      g_autoptr(JsonObject) body = json_object_new ();
      g_autofree char *message = NULL;

      json_object_set_string_member (body, "Status", "deleted");
      json_array_unref (fake_rt_update (self, record, body, &message));
      reply->status = 204;
      return;
    }

  fake_reply_message (reply, 405, "Method Not Allowed");
}

static void
create_request (StwFakeRt          *self,
                SoupServerMessage  *msg,
                FakeKind            kind,
                Reply              *reply)
{
  g_autoptr(JsonObject) body = body_object (msg);
  g_autofree char *message = NULL;
  g_autofree char *base = api_base (self);
  g_autofree char *id = NULL;
  g_autofree char *url = NULL;
  JsonObject *answer;
  FakeRecord *record;

  if (body == NULL)
    {
      fake_reply_message (reply, 400, "JSON object required");
      return;
    }

  record = fake_rt_create (self, kind, body, &message);
  if (record == NULL)
    {
      fake_reply_message (reply, 400, message);
      return;
    }

  id = g_strdup_printf ("%u", record->id);
  url = g_strdup_printf ("%s/%s/%u", base, fake_rt_kind_name (kind), record->id);
  answer = json_object_new ();
  json_object_set_string_member (answer, "id", id);
  json_object_set_string_member (answer, "type", fake_rt_kind_name (kind));
  json_object_set_string_member (answer, "_url", url);
  reply_object (reply, 201, answer);
  reply->location = g_strdup_printf (FAKE_RT_API "/%s/%u", fake_rt_kind_name (kind), record->id);
}

/* ------------------------------------------------------------------------ */

void
fake_params_parse (Params     *params,
                   const char *query)
{
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);

  params->keys = g_ptr_array_new_with_free_func (g_free);
  params->values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *raw_value = g_strdup (eq != NULL ? eq + 1 : "");
      char *key;
      char *value;

      if (eq != NULL)
        *eq = '\0';
      g_strdelimit (pairs[i], "+", ' ');
      g_strdelimit (raw_value, "+", ' ');
      key = g_uri_unescape_string (pairs[i], NULL);
      value = g_uri_unescape_string (raw_value, NULL);
      g_ptr_array_add (params->keys, key != NULL ? key : g_strdup (""));
      g_ptr_array_add (params->values, value != NULL ? value : g_strdup (""));
    }
}

void
fake_params_clear (Params *params)
{
  g_clear_pointer (&params->keys, g_ptr_array_unref);
  g_clear_pointer (&params->values, g_ptr_array_unref);
}

void
fake_reply_message (Reply      *reply,
                    guint       status,
                    const char *message)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "message", message);
  reply_object (reply, status, object);
}

void
fake_reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, g_free);
  g_clear_pointer (&reply->etag, g_free);
  g_clear_pointer (&reply->location, g_free);
  g_clear_pointer (&reply->last_modified, g_free);
}

void
fake_rt_route (StwFakeRt          *self,
               SoupServerMessage  *msg,
               const char         *method,
               const char         *path,
               Params             *params,
               Reply              *reply)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  FakeKind kind;
  guint id;

  if (!g_str_has_prefix (path, FAKE_RT_API "/"))
    {
      fake_reply_message (reply, 404, "Not Found");
      return;
    }
  parts = g_strsplit (path + strlen (FAKE_RT_API "/"), "/", -1);
  n_parts = g_strv_length (parts);
  kind = g_str_has_prefix (parts[0], "asset") ? FAKE_ASSET : FAKE_TICKET;
  id = n_parts >= 2 ? parse_number (parts[1], 0) : 0;

  if (n_parts == 1 && g_str_equal (parts[0], "rt") && get)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "Version", "5.0.3+fake");
      json_object_set_array_member (object, "Plugins", json_array_new ());
      reply_object (reply, 200, object);
    }
  else if (n_parts == 2 && g_str_equal (parts[1], "all") && get
           && (g_str_equal (parts[0], "queues") || g_str_equal (parts[0], "catalogs")))
    list_named (self, msg, parts[0][0] == 'q' ? self->queues : self->catalogs,
                parts[0][0] == 'q' ? "queue" : "catalog", params, reply);
  else if (n_parts == 2 && get && (g_str_equal (parts[0], "queue") || g_str_equal (parts[0], "catalog")))
    show_named (parts[0][0] == 'q' ? self->queues : self->catalogs, parts[1],
                parts[0][0] == 'q' ? "default" : "assets", reply);
  else if (n_parts == 2 && get && g_str_equal (parts[0], "user"))
    show_user (parts[1], reply);
  else if (n_parts == 1 && get && (g_str_equal (parts[0], "tickets") || g_str_equal (parts[0], "assets")))
    search (self, msg, kind, params, reply);
  else if (n_parts == 1 && post && (g_str_equal (parts[0], "ticket") || g_str_equal (parts[0], "asset")))
    create_request (self, msg, kind, reply);
  else if (n_parts == 2 && id > 0 && (g_str_equal (parts[0], "ticket") || g_str_equal (parts[0], "asset")))
    record_request (self, msg, method, kind, id, reply);
  else if (n_parts == 3 && id > 0 && get && g_str_equal (parts[2], "history")
           && (g_str_equal (parts[0], "ticket") || g_str_equal (parts[0], "asset")))
    {
      FakeRecord *record = fake_rt_lookup (self, kind, id);

      if (record != NULL)
        history (self, msg, record, params, reply);
      else
        fake_reply_message (reply, 404, "Not Found");
    }
  else if (n_parts == 3 && id > 0 && post && g_str_equal (parts[0], "ticket")
           && (g_str_equal (parts[2], "comment") || g_str_equal (parts[2], "correspond")))
    {
      FakeRecord *record = fake_rt_lookup (self, FAKE_TICKET, id);

      if (record != NULL)
        add_entry_from_request (self, msg, record,
                                g_str_equal (parts[2], "comment") ? "Comment" : "Correspond", reply);
      else
        fake_reply_message (reply, 404, "Not Found");
    }
  else if (n_parts >= 2 && get && g_str_equal (parts[0], "transaction"))
    {
      FakeTxn *txn = find_txn (self, id);
      g_autofree char *base = api_base (self);

      if (txn == NULL)
        fake_reply_message (reply, 404, "Not Found");
      else if (n_parts == 2)
        reply_object (reply, 200, fake_rt_render_txn (txn, base, NULL));
      else if (n_parts == 3 && g_str_equal (parts[2], "attachments"))
        attachments (self, msg, txn, params, reply);
      else
        fake_reply_message (reply, 404, "Not Found");
    }
  else
    fake_reply_message (reply, 404, "Not Found");
}

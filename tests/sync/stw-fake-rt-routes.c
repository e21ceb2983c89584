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

const char *
fake_params_get (Params     *params,
                 const char *key)
{
  for (guint i = 0; i < params->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (params->keys, i), key))
      return g_ptr_array_index (params->values, i);

  return NULL;
}

GPtrArray *
fake_params_get_all (Params     *params,
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

void
fake_reply_object (Reply      *reply,
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

char *
fake_rt_api_base (StwFakeRt *self)
{
  return g_strconcat (stw_test_server_get_url (self->server), FAKE_RT_API, NULL);
}

guint
fake_parse_number (const char *text,
                   guint       fallback)
{
  guint64 value;

  if (text == NULL || text[0] == '\0' || strspn (text, "0123456789") != strlen (text))
    return fallback;

  value = g_ascii_strtoull (text, NULL, 10);
  return value > G_MAXUINT ? fallback : (guint) value;
}

JsonNode *
fake_body_node (SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL)
      || json_parser_get_root (parser) == NULL)
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
body_object (SoupServerMessage *msg)
{
  g_autoptr(JsonNode) node = fake_body_node (msg);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_object_ref (json_node_get_object (node));
}

FakeTxn *
fake_rt_find_txn (StwFakeRt *self,
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
    id = fake_parse_number (name_or_id, 0);
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
  fake_reply_object (reply, 200, object);
}

static void
show_user (const char *name,
           Reply      *reply)
{
  JsonObject *object = json_object_new ();
  g_autofree char *email = fake_rt_user_email (name);

  json_object_set_int_member (object, "id", fake_rt_user_id (name));
  json_object_set_string_member (object, "Name", name);
  json_object_set_string_member (object, "EmailAddress", email);
  json_object_set_string_member (object, "RealName", "");
  fake_reply_object (reply, 200, object);
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
  guint txn;

  if (g_strcmp0 (content_type, "application/json") == 0)
    {
      g_autoptr(JsonObject) body = body_object (msg);

      if (body == NULL)
        {
          fake_reply_message (reply, 400, "JSON object required");
          return;
        }
      txn = fake_rt_add_entry (self, record, type,
                         json_object_get_string_member_with_default (body, "Subject", NULL),
                         json_object_get_string_member_with_default (body, "Content", ""),
                         json_object_get_string_member_with_default (body, "ContentType", "text/plain"),
                         (guint) MAX (0, json_object_get_int_member_with_default (body, "TimeTaken", 0)));
    }
  else
    {
      txn = fake_rt_add_entry (self, record, type, NULL, text, content_type, 0);
    }

  json_array_add_string_element (said, g_str_equal (type, "Comment") ? "Comments added" : "Correspondence added");
  reply_strings (reply, 201, g_steal_pointer (&said));
  reply->location = g_strdup_printf (FAKE_RT_API "/transaction/%u", txn);
}

static void
record_request (StwFakeRt          *self,
                SoupServerMessage  *msg,
                const char         *method,
                FakeKind            kind,
                guint               id,
                Params             *params,
                Reply              *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  FakeRecord *record = fake_rt_lookup (self, kind, id);
  const char *if_match = soup_message_headers_get_one (headers, "If-Match");
  g_autofree char *etag = NULL;
  g_autofree char *base = fake_rt_api_base (self);
  JsonObject *object;

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
      object = fake_rt_render (self, record, base);
      /* fields[Owner]=EmailAddress adds the owner's address to its link. */
      if (g_strcmp0 (fake_params_get (params, "fields[Owner]"), "EmailAddress") == 0
          && json_object_has_member (object, "Owner"))
        {
          JsonObject *owner = json_object_get_object_member (object, "Owner");
          g_autofree char *email = fake_rt_user_email (json_object_get_string_member (owner, "id"));

          json_object_set_string_member (owner, "EmailAddress", email);
        }
      fake_reply_object (reply, 200, object);
      return;
    }

  if (if_match != NULL && !g_str_equal (if_match, etag)
      && (g_str_equal (method, "PUT") || g_str_equal (method, "DELETE")))
    {
      fake_reply_message (reply, 412, "Precondition Failed");
      return;
    }

  if (g_str_equal (method, "PUT"))
    {
      g_autoptr(JsonObject) body = body_object (msg);
      g_autofree char *message = NULL;
      JsonArray *said;

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

  /* RT 5.0.3 answers DELETE /asset/N so. */
  if (g_str_equal (method, "DELETE"))
    {
      fake_reply_message (reply, 500, "Internal Server Error");
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
  g_autofree char *base = fake_rt_api_base (self);
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
  fake_reply_object (reply, 201, answer);
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
  fake_reply_object (reply, status, object);
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
  id = n_parts >= 2 ? fake_parse_number (parts[1], 0) : 0;

  if (fake_rt_route_collection (self, msg, method, (const char *const *) parts, params, reply))
    return;

  if (n_parts == 1 && g_str_equal (parts[0], "rt") && get)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "Version", "5.0.3+fake");
      json_object_set_array_member (object, "Plugins", json_array_new ());
      fake_reply_object (reply, 200, object);
    }
  else if (n_parts == 2 && get && (g_str_equal (parts[0], "queue") || g_str_equal (parts[0], "catalog")))
    show_named (parts[0][0] == 'q' ? self->queues : self->catalogs, parts[1],
                parts[0][0] == 'q' ? "default" : "assets", reply);
  else if (n_parts == 2 && get && g_str_equal (parts[0], "user"))
    show_user (parts[1], reply);
  else if (n_parts == 1 && post && (g_str_equal (parts[0], "ticket") || g_str_equal (parts[0], "asset")))
    create_request (self, msg, kind, reply);
  else if (n_parts == 2 && id > 0 && (g_str_equal (parts[0], "ticket") || g_str_equal (parts[0], "asset")))
    record_request (self, msg, method, kind, id, params, reply);
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
  else if (n_parts == 2 && get && g_str_equal (parts[0], "transaction"))
    {
      FakeTxn *txn = fake_rt_find_txn (self, id);
      g_autofree char *base = fake_rt_api_base (self);

      if (txn != NULL)
        fake_reply_object (reply, 200, fake_rt_render_txn (txn, base, NULL));
      else
        fake_reply_message (reply, 404, "Not Found");
    }
  else
    fake_reply_message (reply, 404, "Not Found");
}

/* stw-fake-rt-search.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-fake-rt"

#include "config.h"

#include "stw-fake-rt-private.h"

#include <string.h>

/* The fake RT's collections: searches of tickets, assets, transactions
 * (TicketSQL and TransactionSQL), attachments and users (JSON
 * conditions), the lists of queues and catalogs, a record's history,
 * and RT's paging envelope around all of them. */

typedef struct
{
  StwFakeRt *self;
  GPtrArray *orderby;
  GPtrArray *order;
} SortContext;

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
  if (context->orderby->len > 0)
    return x->id < y->id ? -1 : x->id > y->id;
  return x->id > y->id ? -1 : x->id < y->id;
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
  guint per_page = fake_parse_number (fake_params_get (params, "per_page"), 20);
  guint page = fake_parse_number (fake_params_get (params, "page"), 1);
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
  fake_reply_object (reply, 200, envelope);
}

static void
search (StwFakeRt          *self,
        SoupServerMessage  *msg,
        FakeKind            kind,
        Params             *params,
        Reply              *reply)
{
  const char *text = fake_params_get (params, "query");
  const char *fields_text = fake_params_get (params, "fields");
  g_autoptr(FakeQuery) query = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) fields = g_strsplit (fields_text != NULL ? fields_text : "", ",", -1);
  g_autofree char *message = NULL;
  g_autofree char *base = fake_rt_api_base (self);
  SortContext context = { self, fake_params_get_all (params, "orderby"), fake_params_get_all (params, "order") };
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
history (StwFakeRt          *self,
         SoupServerMessage  *msg,
         FakeRecord         *record,
         Params             *params,
         Reply              *reply)
{
  const char *fields_text = fake_params_get (params, "fields");
  g_auto(GStrv) fields = g_strsplit (fields_text != NULL ? fields_text : "", ",", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *base = fake_rt_api_base (self);

  for (guint i = 0; i < self->txns->len; i++)
    {
      FakeTxn *txn = g_ptr_array_index (self->txns, i);

      if (txn->kind == record->kind && txn->object_id == record->id)
        g_ptr_array_add (items, fake_rt_render_txn (txn, base, (const char *const *) fields));
    }

  reply_page (self, msg, params, items, reply);
}

static GStrv
fields_of (Params *params)
{
  const char *text = fake_params_get (params, "fields");

  return g_strsplit (text != NULL ? text : "", ",", -1);
}

static JsonObject *
new_item (const char *type,
          guint       id,
          const char *base)
{
  JsonObject *item = json_object_new ();
  g_autofree char *text = g_strdup_printf ("%u", id);
  g_autofree char *url = g_strdup_printf ("%s/%s/%u", base, type, id);

  json_object_set_string_member (item, "id", text);
  json_object_set_string_member (item, "type", type);
  json_object_set_string_member (item, "_url", url);
  return item;
}

static JsonNode *
link_to (const char *type,
         guint       id,
         const char *base)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, new_item (type, id, base));
  return node;
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
  g_autofree char *base = fake_rt_api_base (self);
  g_auto(GStrv) fields = fields_of (params);

  for (guint i = 0; i < names->len; i++)
    {
      JsonObject *item = new_item (type, i + 1, base);

      if (g_strv_contains ((const char *const *) fields, "Name"))
        json_object_set_string_member (item, "Name", g_ptr_array_index (names, i));
      g_ptr_array_add (items, item);
    }

  reply_page (self, msg, params, items, reply);
}

/* Whether @values (field → text) meets every condition of a JSON query,
 * [{"field": …, "operator": "=", "value": …}, …]; the value may be a
 * number, a string, or an array for IN. */
static gboolean
json_query_match (JsonArray  *conditions,
                  GHashTable *values)
{
  for (guint i = 0; i < json_array_get_length (conditions); i++)
    {
      JsonObject *condition = json_array_get_object_element (conditions, i);
      const char *field = json_object_get_string_member_with_default (condition, "field", "");
      const char *op = json_object_get_string_member_with_default (condition, "operator", "=");
      JsonNode *value = json_object_get_member (condition, "value");
      const char *have = g_hash_table_lookup (values, field);
      gboolean ok = FALSE;

      if (have == NULL || value == NULL)
        return FALSE;

      if (g_ascii_strcasecmp (op, "IN") == 0 && JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *options = json_node_get_array (value);

          for (guint j = 0; j < json_array_get_length (options) && !ok; j++)
            {
              JsonNode *option = json_array_get_element (options, j);
              g_autofree char *text = JSON_NODE_HOLDS_VALUE (option)
                                      && json_node_get_value_type (option) == G_TYPE_INT64
                                      ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (option))
                                      : g_strdup (json_node_get_string (option));

              ok = g_strcmp0 (text, have) == 0;
            }
        }
      else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          gint64 a = g_ascii_strtoll (have, NULL, 10);
          gint64 b = json_node_get_int (value);

          ok = (g_str_equal (op, "=") && a == b) || (g_str_equal (op, "!=") && a != b)
               || (g_str_equal (op, ">") && a > b) || (g_str_equal (op, ">=") && a >= b)
               || (g_str_equal (op, "<") && a < b) || (g_str_equal (op, "<=") && a <= b);
        }
      else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          int order = g_ascii_strcasecmp (have, json_node_get_string (value));

          ok = (g_str_equal (op, "=") && order == 0) || (g_str_equal (op, "!=") && order != 0)
               || (g_ascii_strcasecmp (op, "LIKE") == 0
                   && strstr (have, json_node_get_string (value)) != NULL);
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static JsonArray *
json_query (const char *text)
{
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_array_ref (json_node_get_array (node));
}

static void
transactions (StwFakeRt          *self,
              SoupServerMessage  *msg,
              Params             *params,
              Reply              *reply)
{
  const char *text = fake_params_get (params, "query");
  g_autoptr(FakeQuery) query = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *base = fake_rt_api_base (self);
  g_autofree char *message = NULL;
  g_auto(GStrv) fields = fields_of (params);
  GPtrArray *order = fake_params_get_all (params, "order");
  gboolean descending = order->len > 0 && g_ascii_strcasecmp (g_ptr_array_index (order, 0), "DESC") == 0;

  g_ptr_array_unref (order);
  if (text != NULL && text[0] != '\0')
    {
      query = fake_query_parse (text, &message);
      if (query == NULL)
        {
          fake_reply_message (reply, 400, message);
          return;
        }
      for (guint i = 0; i < self->txns->len; i++)
        {
          FakeTxn *txn = g_ptr_array_index (self->txns, descending ? self->txns->len - 1 - i : i);

          if (fake_query_match_txn (query, txn))
            g_ptr_array_add (items, fake_rt_render_txn (txn, base, (const char *const *) fields));
        }
    }

  reply_page (self, msg, params, items, reply);
}

static JsonObject *
attachment_item (FakeTxn            *txn,
                 const char         *base,
                 const char *const  *fields)
{
  JsonObject *item = new_item ("attachment", txn->id, base);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *name = fields[i];

      if (g_str_equal (name, "TransactionId"))
        json_object_set_member (item, name, link_to ("transaction", txn->id, base));
      else if (g_str_equal (name, "Subject"))
        json_object_set_string_member (item, name, txn->subject != NULL ? txn->subject : "");
      else if (g_str_equal (name, "ContentType"))
        json_object_set_string_member (item, name, txn->content_type);
      else if (g_str_equal (name, "Content"))
        json_object_set_string_member (item, name, txn->content);
      else if (g_str_equal (name, "Filename"))
        json_object_set_string_member (item, name, "");
    }

  return item;
}

/* One attachment per transaction with a message, with the
 * transaction's id. @conditions: a JSON query, or NULL for @only. */
static void
attachments (StwFakeRt          *self,
             SoupServerMessage  *msg,
             JsonArray          *conditions,
             FakeTxn            *only,
             Params             *params,
             Reply              *reply)
{
  g_auto(GStrv) fields = fields_of (params);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *base = fake_rt_api_base (self);

  for (guint i = 0; i < self->txns->len; i++)
    {
      FakeTxn *txn = g_ptr_array_index (self->txns, i);
      g_autoptr(GHashTable) values = NULL;
      g_autofree char *id = NULL;

      if (txn->content == NULL || (only != NULL && txn != only))
        continue;

      if (conditions != NULL)
        {
          id = g_strdup_printf ("%u", txn->id);
          values = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (values, (gpointer) "id", id);
          g_hash_table_insert (values, (gpointer) "TransactionId", id);
          g_hash_table_insert (values, (gpointer) "ContentType", txn->content_type);
          if (!json_query_match (conditions, values))
            continue;
        }

      g_ptr_array_add (items, attachment_item (txn, base, (const char *const *) fields));
    }

  reply_page (self, msg, params, items, reply);
}

static void
users (StwFakeRt          *self,
       SoupServerMessage  *msg,
       Params             *params,
       Reply              *reply)
{
  g_autoptr(JsonArray) conditions = json_query (fake_params_get (params, "query"));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = fake_rt_api_base (self);
  g_auto(GStrv) fields = fields_of (params);
  GHashTableIter iter;
  gpointer value;

  /* root, Nobody, and every requestor (RT makes a user of each). */
  g_ptr_array_add (names, g_strdup ("root"));
  g_ptr_array_add (names, g_strdup ("Nobody"));
  g_hash_table_iter_init (&iter, self->tickets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonArray *people = json_object_get_array_member (((FakeRecord *) value)->fields, "Requestor");

      for (guint i = 0; i < json_array_get_length (people); i++)
        {
          const char *person = json_array_get_string_element (people, i);

          if (!g_ptr_array_find_with_equal_func (names, person, g_str_equal, NULL))
            g_ptr_array_add (names, g_strdup (person));
        }
    }

  for (guint i = 0; i < names->len && conditions != NULL; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *email = fake_rt_user_email (name);
      JsonObject *item;

      g_hash_table_insert (values, (gpointer) "Name", (gpointer) name);
      g_hash_table_insert (values, (gpointer) "EmailAddress", email);
      if (!json_query_match (conditions, values))
        continue;

      item = new_item ("user", fake_rt_user_id (name), base);
      if (g_strv_contains ((const char *const *) fields, "Name"))
        json_object_set_string_member (item, "Name", name);
      if (g_strv_contains ((const char *const *) fields, "EmailAddress"))
        json_object_set_string_member (item, "EmailAddress", email);
      g_ptr_array_add (items, item);
    }

  reply_page (self, msg, params, items, reply);
}

/* ------------------------------------------------------------------------ */

gboolean
fake_rt_route_collection (StwFakeRt          *self,
                          SoupServerMessage  *msg,
                          const char         *method,
                          const char *const  *parts,
                          Params             *params,
                          Reply              *reply)
{
  guint n_parts = g_strv_length ((char **) parts);
  gboolean get = g_str_equal (method, "GET");
  guint id = n_parts >= 2 ? fake_parse_number (parts[1], 0) : 0;

  if (n_parts == 1 && get && (g_str_equal (parts[0], "tickets") || g_str_equal (parts[0], "assets")))
    search (self, msg, parts[0][0] == 't' ? FAKE_TICKET : FAKE_ASSET, params, reply);
  else if (n_parts == 2 && get && g_str_equal (parts[1], "all")
           && (g_str_equal (parts[0], "queues") || g_str_equal (parts[0], "catalogs")))
    list_named (self, msg, parts[0][0] == 'q' ? self->queues : self->catalogs,
                parts[0][0] == 'q' ? "queue" : "catalog", params, reply);
  else if (n_parts == 1 && get && g_str_equal (parts[0], "transactions"))
    transactions (self, msg, params, reply);
  else if (n_parts == 1 && get && g_str_equal (parts[0], "users"))
    users (self, msg, params, reply);
  else if (n_parts == 1 && get && g_str_equal (parts[0], "customfields"))
    {
      /* The fake has no custom fields. */
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      reply_page (self, msg, params, none, reply);
    }
  else if (n_parts == 1 && g_str_equal (method, "POST") && g_str_equal (parts[0], "attachments"))
    {
      g_autoptr(JsonNode) body = fake_body_node (msg);

      if (body == NULL || !JSON_NODE_HOLDS_ARRAY (body))
        fake_reply_message (reply, 400, "JSON array required");
      else
        attachments (self, msg, json_node_get_array (body), NULL, params, reply);
    }
  else if (n_parts == 3 && get && id > 0 && g_str_equal (parts[2], "history")
           && (g_str_equal (parts[0], "ticket") || g_str_equal (parts[0], "asset")))
    {
      FakeRecord *record = fake_rt_lookup (self, parts[0][0] == 't' ? FAKE_TICKET : FAKE_ASSET, id);

      if (record != NULL)
        history (self, msg, record, params, reply);
      else
        fake_reply_message (reply, 404, "Not Found");
    }
  else if (n_parts == 3 && get && g_str_equal (parts[0], "transaction") && g_str_equal (parts[2], "attachments"))
    {
      FakeTxn *txn = fake_rt_find_txn (self, id);

      if (txn != NULL)
        attachments (self, msg, NULL, txn, params, reply);
      else
        fake_reply_message (reply, 404, "Not Found");
    }
  else
    return FALSE;

  return TRUE;
}

/* stw-rt-records.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-rt-records"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/stw-sync-store.h"
#include "stw-rt-private.h"

/*
 * Reading RT's records: a ticket or an asset in RT's terms (see
 * stw-rt-private.h), and a ticket's comments and replies.
 *
 * A ticket's entries cost two requests: its Create, Comment and
 * Correspond transactions (TransactionSQL), then the text parts of all
 * of them at once (an attachment search on their ids). fetch() reads
 * them together with the ticket, because the ticket's description is
 * its first message (or its newest description comment), and keeps
 * them for the fetch_entries() the engine makes next. A page of tickets
 * that will all be read (a first pull, or records changed since the
 * previous run) has its entries read for all its tickets at once, with a
 * few requests (stw_rt_prefetch_entries()): each fetch then costs one.
 */

static gboolean
not_found (GError     **error,
           const char  *entity,
           const char  *remote_id)
{
  g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND,
               g_str_equal (entity, STW_SYNC_ASSET)
                 ? _("Asset %s is no longer in Request Tracker.")
                 : _("Ticket %s is no longer in Request Tracker."),
               remote_id);
  return FALSE;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A user field ({"id": "root", "EmailAddress": …}) as a person. */
static gboolean
set_person (StwRtBackend  *self,
            JsonObject    *fields,
            const char    *member,
            JsonNode      *node,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *person = NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    node = json_array_get_length (json_node_get_array (node)) > 0
             ? json_array_get_element (json_node_get_array (node), 0) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *user = json_node_get_object (node);
      g_autofree char *name = stw_rt_json_id (user, "id");
      const char *email = stw_rt_json_string (user, "EmailAddress");

      if (email != NULL && *email != '\0' && g_strcmp0 (name, "Nobody") != 0)
        person = email;
      else
        {
          person = stw_rt_person (self, name, cancellable, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  if (person != NULL)
    json_object_set_string_member (fields, member, person);
  else
    json_object_set_null_member (fields, member);
  return TRUE;
}

static void
set_time (JsonObject *fields,
          const char *member,
          const char *text)
{
  g_autofree char *time = stw_rt_normalize_time (text);

  if (time != NULL)
    json_object_set_string_member (fields, member, time);
  else
    json_object_set_null_member (fields, member);
}

/* ------------------------------------------------------------------------ */
/* Entries                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  char       *subject;
  char       *plain;
  char       *html;
} Message;

static void
message_free (gpointer data)
{
  Message *message = data;

  g_free (message->subject);
  g_free (message->plain);
  g_free (message->html);
  g_free (message);
}

/* The text of each transaction: its first plain part that is not a
 * file, else its first HTML part; and the subject of its top part. */
static GHashTable *
read_messages (StwRtBackend  *self,
               JsonArray     *transactions,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          message_free);
  gint64 after = 0;

  for (;;)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) query = NULL;
      g_autoptr(StwHttpReply) reply = NULL;
      g_autofree char *path = NULL;
      JsonArray *items;
      guint n;

      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, "TransactionId");
      json_builder_set_member_name (builder, "operator");
      json_builder_add_string_value (builder, "IN");
      json_builder_set_member_name (builder, "value");
      json_builder_begin_array (builder);
      for (guint i = 0; i < json_array_get_length (transactions); i++)
        json_builder_add_int_value (builder,
                                    stw_rt_json_int (json_array_get_object_element (transactions, i),
                                                     "id", 0));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, "id");
      json_builder_set_member_name (builder, "operator");
      json_builder_add_string_value (builder, ">");
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, after);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      query = json_builder_get_root (builder);

      path = g_strdup_printf ("/REST/2.0/attachments?fields=TransactionId,ContentType,Content,"
                              "Filename,Subject&orderby=id&order=ASC&per_page=%d",
                              STW_RT_PAGE_SIZE);
      reply = stw_http_request (self->http, "POST", path, query, NULL, cancellable, error);
      if (reply == NULL)
        return NULL;
      if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body) ||
          (items = json_object_get_array_member (json_node_get_object (reply->body),
                                                 "items")) == NULL)
        return stw_rt_bad_reply (error, "/REST/2.0/attachments"), NULL;

      n = json_array_get_length (items);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          g_autofree char *transaction = stw_rt_json_id (item, "TransactionId");
          const char *type = stw_rt_json_string (item, "ContentType");
          const char *content = stw_rt_json_string (item, "Content");
          const char *filename = stw_rt_json_string (item, "Filename");
          Message *message;

          after = MAX (after, stw_rt_json_int (item, "id", 0));
          if (transaction == NULL)
            continue;
          message = g_hash_table_lookup (messages, transaction);
          if (message == NULL)
            {
              message = g_new0 (Message, 1);
              message->subject = g_strdup (stw_rt_json_string (item, "Subject"));
              g_hash_table_insert (messages, g_strdup (transaction), message);
            }
          if (filename != NULL && *filename != '\0')
            continue;
          if (message->plain == NULL && g_strcmp0 (type, "text/plain") == 0)
            message->plain = g_strdup (content != NULL ? content : "");
          else if (message->html == NULL && g_strcmp0 (type, "text/html") == 0)
            message->html = g_strdup (content != NULL ? content : "");
        }
      if (n < STW_RT_PAGE_SIZE)
        break;
    }
  return g_steal_pointer (&messages);
}

static char *
message_text (Message *message)
{
  if (message == NULL)
    return NULL;
  if (message->plain != NULL)
    return g_strdup (message->plain);
  if (message->html != NULL)
    return stw_rt_html_to_text (message->html);
  return NULL;
}

/* A ticket's entries, oldest first, and its description, from its
 * Create, Comment and Correspond transactions (in id order) and their
 * texts. */
static GPtrArray *
collect_entries (StwRtBackend  *self,
                 const char    *ticket_id,
                 JsonArray     *transactions,
                 GHashTable    *messages,
                 char         **description,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_remote_record_free);
  g_autofree char *first = NULL;
  g_autofree char *latest = NULL;

  for (guint i = 0; i < json_array_get_length (transactions); i++)
    {
      JsonObject *item = json_array_get_object_element (transactions, i);
      g_autofree char *id = stw_rt_json_id (item, "id");
      const char *type = stw_rt_json_string (item, "Type");
      Message *message = id != NULL ? g_hash_table_lookup (messages, id) : NULL;
      g_autofree char *text = message_text (message);
      StwRemoteRecord *record;
      JsonObject *fields;

      if (id == NULL || type == NULL)
        return stw_rt_bad_reply (error, "/REST/2.0/transactions"), NULL;

      if (g_str_equal (type, "Create"))
        {
          g_free (first);
          first = g_steal_pointer (&text);
          continue;
        }
      if (g_str_equal (type, "Comment") && message != NULL &&
          g_strcmp0 (message->subject, STW_RT_DESCRIPTION_SUBJECT) == 0)
        {
          g_free (latest);
          latest = g_steal_pointer (&text);
          continue;
        }

      fields = json_object_new ();
      json_object_set_string_member (fields, "Type", type);
      json_object_set_string_member (fields, "Content", text != NULL ? text : "");
      if (!set_person (self, fields, "Creator", json_object_get_member (item, "Creator"),
                       cancellable, error))
        {
          json_object_unref (fields);
          return NULL;
        }
      set_time (fields, "Created", stw_rt_json_string (item, "Created"));
      json_object_set_int_member (fields, "TimeTaken", stw_rt_json_int (item, "TimeTaken", 0));

      record = stw_remote_record_new (id);
      record->parent_id = g_strdup (ticket_id);
      record->updated = stw_rt_normalize_time (stw_rt_json_string (item, "Created"));
      record->fields = fields;
      g_ptr_array_add (entries, record);
    }

  if (description != NULL)
    *description = latest != NULL ? g_steal_pointer (&latest) : g_steal_pointer (&first);
  return g_steal_pointer (&entries);
}

static gboolean
is_message (const char *type)
{
  return g_strcmp0 (type, "Create") == 0 || g_strcmp0 (type, "Comment") == 0 ||
         g_strcmp0 (type, "Correspond") == 0;
}

/* Every transaction TransactionSQL @condition finds, in id order. */
static JsonArray *
read_transactions (StwRtBackend  *self,
                   const char    *condition,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(JsonArray) transactions = json_array_new ();
  gint64 after = 0;

  for (;;)
    {
      g_autofree char *query = g_strdup_printf ("%s AND id > %" G_GINT64_FORMAT, condition, after);
      g_autoptr(JsonArray) items = NULL;
      guint n;

      items = stw_rt_search (self, "transactions", query, "Type,Creator,Created,TimeTaken,ObjectId",
                             "id", STW_RT_PAGE_SIZE, cancellable, error);
      if (items == NULL)
        return NULL;
      n = json_array_get_length (items);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (items, i);

          after = MAX (after, stw_rt_json_int (json_node_get_object (item), "id", 0));
          json_array_add_element (transactions, json_node_copy (item));
        }
      if (n < STW_RT_PAGE_SIZE)
        return g_steal_pointer (&transactions);
    }
}

GPtrArray *
stw_rt_read_entries (StwRtBackend  *self,
                     const char    *ticket_id,
                     const char    *condition,
                     char         **description,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(JsonArray) transactions = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autofree char *query = NULL;

  g_assert (valid_id (ticket_id));

  query = g_strdup_printf ("ObjectType = 'RT::Ticket' AND ObjectId = %s"
                           " AND (Type = 'Create' OR Type = 'Comment' OR Type = 'Correspond')"
                           "%s%s%s",
                           ticket_id,
                           condition != NULL ? " AND (" : "",
                           condition != NULL ? condition : "",
                           condition != NULL ? ")" : "");
  transactions = read_transactions (self, query, cancellable, error);
  if (transactions == NULL)
    return NULL;

  if (json_array_get_length (transactions) == 0)
    {
      if (description != NULL)
        *description = NULL;
      return g_ptr_array_new_with_free_func ((GDestroyNotify) stw_remote_record_free);
    }

  messages = read_messages (self, transactions, cancellable, error);
  if (messages == NULL)
    return NULL;
  return collect_entries (self, ticket_id, transactions, messages, description, cancellable,
                          error);
}

void
stw_rt_prefetched_free (StwRtPrefetched *prefetched)
{
  g_free (prefetched->etag);
  g_free (prefetched->description);
  g_clear_pointer (&prefetched->entries, g_ptr_array_unref);
  g_free (prefetched);
}

/* The entries of many tickets at once, for the fetches that follow a
 * page: all their transactions in one search (a few pages), the texts
 * in another. Each ticket's set is kept with its newest transaction,
 * which is the ETag RT gives the ticket: fetch() uses the set only
 * when the ticket has not changed since. */
gboolean
stw_rt_prefetch_entries (StwRtBackend  *self,
                         GPtrArray     *ticket_ids,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GString) condition = g_string_new ("ObjectType = 'RT::Ticket' AND (");
  g_autoptr(JsonArray) transactions = NULL;
  g_autoptr(JsonArray) wanted = json_array_new ();
  g_autoptr(GHashTable) messages = NULL;
  g_autoptr(GHashTable) by_ticket = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) json_array_unref);
  g_autoptr(GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_clear_pointer (&self->prefetched, g_hash_table_unref);
  if (ticket_ids->len == 0)
    return TRUE;

  for (guint i = 0; i < ticket_ids->len; i++)
    {
      g_assert (valid_id (g_ptr_array_index (ticket_ids, i)));
      g_string_append_printf (condition, "%sObjectId = %s", i > 0 ? " OR " : "",
                              (char *) g_ptr_array_index (ticket_ids, i));
      g_hash_table_insert (by_ticket, g_strdup (g_ptr_array_index (ticket_ids, i)),
                           json_array_new ());
    }
  g_string_append_c (condition, ')');

  transactions = read_transactions (self, condition->str, cancellable, error);
  if (transactions == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (transactions); i++)
    {
      JsonObject *item = json_array_get_object_element (transactions, i);
      g_autofree char *ticket = stw_rt_json_id (item, "ObjectId");
      JsonArray *list = ticket != NULL ? g_hash_table_lookup (by_ticket, ticket) : NULL;

      if (list == NULL)
        continue;
      g_hash_table_replace (newest, g_strdup (ticket),
                            GINT_TO_POINTER (i + 1));
      if (is_message (stw_rt_json_string (item, "Type")))
        {
          json_array_add_object_element (list, json_object_ref (item));
          json_array_add_object_element (wanted, json_object_ref (item));
        }
    }

  messages = json_array_get_length (wanted) > 0
               ? read_messages (self, wanted, cancellable, error)
               : g_hash_table_new (g_str_hash, g_str_equal);
  if (messages == NULL)
    return FALSE;

  self->prefetched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) stw_rt_prefetched_free);
  for (guint i = 0; i < ticket_ids->len; i++)
    {
      const char *ticket = g_ptr_array_index (ticket_ids, i);
      guint last = GPOINTER_TO_INT (g_hash_table_lookup (newest, ticket));
      StwRtPrefetched *prefetched;
      GPtrArray *entries;
      char *description = NULL;

      if (last == 0)
        continue;
      entries = collect_entries (self, ticket, g_hash_table_lookup (by_ticket, ticket), messages,
                                 &description, cancellable, error);
      if (entries == NULL)
        return FALSE;
      prefetched = g_new0 (StwRtPrefetched, 1);
      prefetched->etag = stw_rt_json_id (json_array_get_object_element (transactions, last - 1),
                                         "id");
      prefetched->description = description;
      prefetched->entries = entries;
      g_hash_table_replace (self->prefetched, g_strdup (ticket), prefetched);
    }
  return TRUE;
}

void
stw_rt_forget_entries (StwRtBackend *self)
{
  g_clear_pointer (&self->entries_ticket, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
}

GPtrArray *
stw_rt_fetch_entries (StwSyncBackend *backend,
                      const char     *ticket_remote_id,
                      GCancellable   *cancellable,
                      GError        **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);

  if (!valid_id (ticket_remote_id))
    return not_found (error, STW_SYNC_TICKET, ticket_remote_id), NULL;

  /* Read a moment ago with the ticket, so they match its version. */
  if (self->entries != NULL && g_strcmp0 (self->entries_ticket, ticket_remote_id) == 0)
    {
      GPtrArray *entries = g_steal_pointer (&self->entries);

      stw_rt_forget_entries (self);
      return entries;
    }

  /* Read with its page, the ticket taken from the page's listing. */
  if (self->prefetched != NULL)
    {
      StwRtPrefetched *prefetched = g_hash_table_lookup (self->prefetched, ticket_remote_id);

      if (prefetched != NULL && prefetched->entries != NULL)
        {
          GPtrArray *entries = g_steal_pointer (&prefetched->entries);

          g_hash_table_remove (self->prefetched, ticket_remote_id);
          return entries;
        }
    }

  return stw_rt_read_entries (self, ticket_remote_id, NULL, NULL, cancellable, error);
}

/* ------------------------------------------------------------------------ */
/* Tickets and assets                                                       */
/* ------------------------------------------------------------------------ */

static JsonObject *
ticket_fields (StwRtBackend  *self,
               JsonObject    *ticket,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *queue_id = stw_rt_json_id (ticket, "Queue");
  const char *queue;
  const char *subject = stw_rt_json_string (ticket, "Subject");
  g_autoptr(GError) local_error = NULL;

  queue = stw_rt_queue_name (self, queue_id, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  json_object_set_string_member (fields, "Subject", subject != NULL ? subject : "");
  json_object_set_string_member (fields, "Status", stw_rt_json_string (ticket, "Status"));
  json_object_set_int_member (fields, "Priority", stw_rt_json_int (ticket, "Priority", 0));
  if (queue != NULL)
    json_object_set_string_member (fields, "Queue", queue);
  else
    json_object_set_null_member (fields, "Queue");
  if (!set_person (self, fields, "Owner", json_object_get_member (ticket, "Owner"), cancellable,
                   error) ||
      !set_person (self, fields, "Requestor", json_object_get_member (ticket, "Requestor"),
                   cancellable, error))
    return NULL;
  set_time (fields, "Due", stw_rt_json_string (ticket, "Due"));
  set_time (fields, "Created", stw_rt_json_string (ticket, "Created"));
  json_object_set_int_member (fields, "TimeWorked", stw_rt_json_int (ticket, "TimeWorked", 0));
  return g_steal_pointer (&fields);
}

static JsonObject *
asset_fields (StwRtBackend  *self,
              JsonObject    *asset,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *catalog_id = stw_rt_json_id (asset, "Catalog");
  g_autofree char *id = stw_rt_json_id (asset, "id");
  g_autoptr(GError) local_error = NULL;
  JsonArray *custom = NULL;
  const char *catalog;

  catalog = stw_rt_catalog_name (self, catalog_id, cancellable, &local_error);
  if (local_error != NULL || stw_rt_custom_fields (self, cancellable, &local_error) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  json_object_set_string_member (fields, "id", id);
  json_object_set_string_member (fields, "Name", stw_rt_json_string (asset, "Name"));
  json_object_set_string_member (fields, "Description", stw_rt_json_string (asset, "Description"));
  if (json_object_get_string_member (fields, "Description") != NULL &&
      *json_object_get_string_member (fields, "Description") == '\0')
    json_object_set_null_member (fields, "Description");
  json_object_set_string_member (fields, "Status", stw_rt_json_string (asset, "Status"));
  json_object_set_string_member (fields, "Catalog", catalog);
  if (!set_person (self, fields, "Owner", json_object_get_member (asset, "Owner"), cancellable,
                   error) ||
      !set_person (self, fields, "HeldBy", json_object_get_member (asset, "HeldBy"), cancellable,
                   error))
    return NULL;

  /* [{"name": "Serial Number", "values": ["SN1"], …}, …] */
  if (json_object_has_member (asset, "CustomFields") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (asset, "CustomFields")))
    custom = json_object_get_array_member (asset, "CustomFields");
  for (guint i = 0; custom != NULL && i < json_array_get_length (custom); i++)
    {
      JsonObject *field = json_array_get_object_element (custom, i);
      const char *key = stw_rt_custom_field_key (stw_rt_json_string (field, "name"));
      JsonArray *values = NULL;
      const char *value = NULL;

      if (key == NULL || json_object_has_member (fields, key))
        continue;
      if (json_object_has_member (field, "values") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (field, "values")))
        values = json_object_get_array_member (field, "values");
      if (values != NULL && json_array_get_length (values) > 0 &&
          JSON_NODE_HOLDS_VALUE (json_array_get_element (values, 0)))
        value = json_array_get_string_element (values, 0);
      if (value != NULL && *value != '\0')
        json_object_set_string_member (fields, key, value);
      else
        json_object_set_null_member (fields, key);
    }
  return g_steal_pointer (&fields);
}

StwRemoteRecord *
stw_rt_fetch (StwSyncBackend *backend,
              const char     *entity,
              const char     *remote_id,
              GCancellable   *cancellable,
              GError        **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  gboolean ticket = g_strcmp0 (entity, STW_SYNC_TICKET) == 0;
  g_autoptr(StwRemoteRecord) record = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  JsonObject *object;
  const char *status;

  if (!ticket && g_strcmp0 (entity, STW_SYNC_ASSET) != 0)
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNSUPPORTED,
                   _("Request Tracker cannot read “%s” records one by one."), entity);
      return NULL;
    }
  if (!valid_id (remote_id))
    return not_found (error, entity, remote_id), NULL;

  /* The owner's address comes with the record; requestors and people
   * holding an asset are lists, which RT does not expand. */
  path = g_strdup_printf ("/REST/2.0/%s/%s?fields%%5BOwner%%5D=EmailAddress",
                          ticket ? "ticket" : "asset", remote_id);
  reply = stw_rt_get (self, path, cancellable, error);
  if (reply == NULL)
    return NULL;
  if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body))
    return stw_rt_bad_reply (error, path), NULL;
  object = json_node_get_object (reply->body);

  /* A deleted record stays readable, marked so; a search never finds it. */
  status = stw_rt_json_string (object, "Status");
  if (status == NULL)
    return stw_rt_bad_reply (error, path), NULL;
  if (g_str_equal (status, "deleted"))
    return not_found (error, entity, remote_id), NULL;

  record = stw_remote_record_new (remote_id);
  record->etag = g_strdup (reply->etag);
  record->updated = stw_rt_normalize_time (stw_rt_json_string (object, "LastUpdated"));
  record->fields = ticket ? ticket_fields (self, object, cancellable, error)
                          : asset_fields (self, object, cancellable, error);
  if (record->fields == NULL)
    return NULL;

  if (ticket)
    {
      StwRtPrefetched *prefetched = self->prefetched != NULL
                                      ? g_hash_table_lookup (self->prefetched, remote_id) : NULL;

      /* Read with its page, and it has not changed since: no request. */
      if (prefetched != NULL && g_strcmp0 (prefetched->etag, record->etag) == 0)
        {
          entries = g_steal_pointer (&prefetched->entries);
          description = g_steal_pointer (&prefetched->description);
        }
      else
        entries = stw_rt_read_entries (self, remote_id, NULL, &description, cancellable, error);
      if (self->prefetched != NULL)
        g_hash_table_remove (self->prefetched, remote_id);
      if (entries == NULL)
        return NULL;
      if (description != NULL && *description != '\0')
        json_object_set_string_member (record->fields, "Content", description);
      else
        json_object_set_null_member (record->fields, "Content");

      stw_rt_forget_entries (self);
      self->entries_ticket = g_strdup (remote_id);
      self->entries = g_steal_pointer (&entries);
    }

  return g_steal_pointer (&record);
}

/**
 * stw_rt_fill_listed:
 * @item: the ticket as a search listed it, with the fields fetch() reads
 *
 * Makes @record whole from a listing read after the page's entries, so
 * the engine need not fetch it: the fields, the description, and as its
 * version the newest transaction the entries' read saw. The listing came
 * after that read, so the version is never newer than the fields: at
 * worst a push is refused (412) and merged, never a change lost.
 * Returns %TRUE with @record unchanged when the page's read did not
 * cover the ticket.
 */
gboolean
stw_rt_fill_listed (StwRtBackend     *self,
                    StwRemoteRecord  *record,
                    JsonObject       *item,
                    GCancellable     *cancellable,
                    GError          **error)
{
  StwRtPrefetched *prefetched = self->prefetched != NULL
                                  ? g_hash_table_lookup (self->prefetched, record->remote_id)
                                  : NULL;
  const char *status = stw_rt_json_string (item, "Status");
  JsonObject *fields;

  if (prefetched == NULL || prefetched->entries == NULL || prefetched->etag == NULL ||
      status == NULL || g_str_equal (status, "deleted"))
    return TRUE;

  fields = ticket_fields (self, item, cancellable, error);
  if (fields == NULL)
    return FALSE;
  if (prefetched->description != NULL && *prefetched->description != '\0')
    json_object_set_string_member (fields, "Content", prefetched->description);
  else
    json_object_set_null_member (fields, "Content");

  g_clear_pointer (&record->fields, json_object_unref);
  record->fields = fields;
  g_free (record->etag);
  record->etag = g_strdup (prefetched->etag);
  g_free (record->updated);
  record->updated = stw_rt_normalize_time (stw_rt_json_string (item, "LastUpdated"));
  return TRUE;
}

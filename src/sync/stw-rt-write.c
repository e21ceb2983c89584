/* stw-rt-write.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-rt-write"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/stw-sync-store.h"
#include "stw-rt-private.h"

/*
 * Writing to RT: creating tickets, assets and entries, finding a create
 * whose answer was lost, updating with If-Match, and deleting.
 *
 * What RT does with a write, found against RT 5.0.3:
 *
 * - Dates are sent as "YYYY-MM-DD HH:MM:SS", which RT stores as UTC
 *   whatever the user's time zone. A PUT with "2026-12-02T13:00:00"
 *   reports the change and then stores no date at all.
 * - A PUT answers 200 with a list of messages even when a value was
 *   refused ("That user does not exist"); only reading the ticket again
 *   tells. update() compares what it sent with what RT then has.
 * - An Owner must be a user name: an address is "That user does not
 *   exist". Requestors may be addresses (RT makes the user).
 * - RT keeps a ticket's first message as it was sent. A description
 *   changed here goes as a comment with the subject
 *   STW_RT_DESCRIPTION_SUBJECT, which reads as the description from then
 *   on (see stw-rt-records.c).
 * - DELETE /ticket/N honours If-Match and marks the ticket deleted.
 *   DELETE /asset/N fails with 500: an asset is deleted by setting its
 *   status to "deleted".
 * - A comment or reply answers 201 with Location: /REST/2.0/transaction/N.
 */

/* How far back a lost create is looked for: the clocks of the two
 * machines may differ a little. */
#define CLOCK_SKEW (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
/* TicketSQL reads dates in the user's time zone; the search for a lost
 * create is wide enough for any zone and its results are checked here. */
#define ANY_ZONE (G_GINT64_CONSTANT (15 * 3600) * G_USEC_PER_SEC)

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED, message);
  return FALSE;
}

static gboolean
has (JsonObject *object,
     const char *member)
{
  return object != NULL && json_object_has_member (object, member);
}

/* Fields in Steward's terms, as an older engine may pass, become RT's. */
static JsonObject *
remote_fields (StwRtBackend *self,
               const char   *entity,
               JsonObject   *fields)
{
  if ((g_str_equal (entity, STW_SYNC_TICKET) && has (fields, "title")) ||
      (g_str_equal (entity, STW_SYNC_ASSET) && has (fields, "name")) ||
      (g_str_equal (entity, STW_SYNC_ENTRY) && has (fields, "kind")))
    return stw_rt_map_to_remote (entity, fields, self->custom_fields);
  return json_object_ref (fields);
}

/* The new record's id from a 201: {"id": "12", …}. */
static char *
created_id (StwHttpReply *reply)
{
  g_autofree char *id = NULL;

  if (reply->body != NULL && JSON_NODE_HOLDS_OBJECT (reply->body))
    id = stw_rt_json_id (json_node_get_object (reply->body), "id");
  if (id == NULL && reply->location != NULL && strrchr (reply->location, '/') != NULL)
    id = g_strdup (strrchr (reply->location, '/') + 1);
  if (id == NULL || *id == '\0' || strspn (id, "0123456789") != strlen (id))
    return NULL;
  return g_steal_pointer (&id);
}

static char *
sql_time (const char *iso)
{
  gint64 usec = stw_rt_parse_time (iso);

  return usec > 0 ? stw_rt_format_sql_time (usec) : NULL;
}

/* RT's spelling of a queue named here in any case. */
static char *
queue_name (StwRtBackend  *self,
            const char    *queue,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *name = stw_rt_find_queue (self, queue, cancellable, &local_error);

  if (name != NULL)
    return g_strdup (name);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED,
                 _("Request Tracker has no queue “%s”, or this account cannot use it."), queue);
  return NULL;
}

/* The body of a ticket's POST or PUT from fields in RT's terms. */
static JsonObject *
ticket_body (StwRtBackend  *self,
             JsonObject    *fields,
             gboolean       create,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (fields);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (fields, name);
      const char *text = JSON_NODE_HOLDS_VALUE (node) &&
                         json_node_get_value_type (node) == G_TYPE_STRING
                           ? json_node_get_string (node) : NULL;

      if (g_str_equal (name, "Subject") || g_str_equal (name, "Status"))
        {
          if (text != NULL)
            json_object_set_string_member (body, name, text);
        }
      else if (g_str_equal (name, "Priority"))
        json_object_set_int_member (body, name, stw_rt_json_int (fields, name, 0));
      else if (g_str_equal (name, "Queue") && text != NULL)
        {
          g_autofree char *queue = queue_name (self, text, cancellable, error);

          if (queue == NULL)
            return NULL;
          json_object_set_string_member (body, name, queue);
        }
      else if (g_str_equal (name, "Owner"))
        {
          g_autofree char *user = text != NULL ? stw_rt_user_name (self, text, cancellable, error)
                                                : g_strdup ("Nobody");

          if (user == NULL)
            return NULL;
          if (!create || text != NULL)
            json_object_set_string_member (body, name, user);
        }
      else if (g_str_equal (name, "Requestor"))
        {
          JsonArray *people = json_array_new ();

          if (text != NULL)
            json_array_add_string_element (people, text);
          json_object_set_array_member (body, name, people);
        }
      else if (g_str_equal (name, "Due"))
        {
          g_autofree char *due = sql_time (text);

          if (due != NULL || !create)
            json_object_set_string_member (body, name, due != NULL ? due : "");
        }
      else if (g_str_equal (name, "Content") && create && text != NULL)
        {
          json_object_set_string_member (body, "Content", text);
          json_object_set_string_member (body, "ContentType", "text/plain");
        }
    }
  return g_steal_pointer (&body);
}

static JsonObject *
asset_body (StwRtBackend  *self,
            JsonObject    *fields,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) custom = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (fields);
  GHashTable *rt_fields = stw_rt_custom_fields (self, cancellable, error);

  if (rt_fields == NULL)
    return NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (fields, name);
      const char *text = JSON_NODE_HOLDS_VALUE (node) &&
                         json_node_get_value_type (node) == G_TYPE_STRING
                           ? json_node_get_string (node) : NULL;
      const char *key = stw_rt_custom_field_key (name);

      if (g_str_equal (name, "Name") || g_str_equal (name, "Status"))
        {
          if (text != NULL)
            json_object_set_string_member (body, name, text);
        }
      else if (g_str_equal (name, "Description"))
        json_object_set_string_member (body, name, text != NULL ? text : "");
      else if (g_str_equal (name, "HeldBy"))
        {
          JsonArray *people = json_array_new ();

          if (text != NULL)
            json_array_add_string_element (people, text);
          json_object_set_array_member (body, name, people);
        }
      else if (key != NULL && g_str_equal (key, name) && g_hash_table_contains (rt_fields, key))
        {
          /* null clears a value; "" leaves an empty one behind. */
          if (text != NULL && *text != '\0')
            json_object_set_string_member (custom, g_hash_table_lookup (rt_fields, key), text);
          else
            json_object_set_null_member (custom, g_hash_table_lookup (rt_fields, key));
        }
    }
  if (json_object_get_size (custom) > 0)
    json_object_set_object_member (body, "CustomFields", g_steal_pointer (&custom));
  return g_steal_pointer (&body);
}

static JsonNode *
node_of (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return node;
}

/* ------------------------------------------------------------------------ */
/* Entries                                                                  */
/* ------------------------------------------------------------------------ */

/* Posts a comment or a reply; returns its transaction's id when RT says. */
static gboolean
post_message (StwRtBackend  *self,
              const char    *ticket_id,
              const char    *type,
              const char    *subject,
              const char    *content,
              gint64         minutes,
              char         **transaction,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%s/%s", ticket_id,
                                           g_str_equal (type, "Correspond") ? "correspond"
                                                                             : "comment");

  if (subject != NULL)
    json_object_set_string_member (body, "Subject", subject);
  json_object_set_string_member (body, "Content", content != NULL ? content : "");
  json_object_set_string_member (body, "ContentType", "text/plain");
  if (minutes > 0)
    json_object_set_int_member (body, "TimeTaken", minutes);
  node = node_of (g_steal_pointer (&body));

  stw_rt_forget_entries (self);
  reply = stw_http_request (self->http, "POST", path, node, NULL, cancellable, error);
  if (reply == NULL)
    return FALSE;
  if (transaction != NULL)
    *transaction = reply->location != NULL && strrchr (reply->location, '/') != NULL
                     ? g_strdup (strrchr (reply->location, '/') + 1) : NULL;
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));

  return g_str_equal (x, y);
}

/* The newest entry of @ticket_id like @fields, made after @after and
 * not among @linked (the oldest of them when @oldest). */
static StwRemoteRecord *
find_entry (StwRtBackend  *self,
            const char    *ticket_id,
            JsonObject    *fields,
            const char    *transaction,
            gint64         after,
            GHashTable    *linked,
            gboolean       oldest,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *type = stw_rt_json_string (fields, "Type");
  g_autofree char *condition = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  StwRemoteRecord *found = NULL;

  if (transaction != NULL && strspn (transaction, "0123456789") == strlen (transaction) &&
      *transaction != '\0')
    condition = g_strdup_printf ("id = %s", transaction);
  else
    condition = g_strdup_printf ("Type = '%s'",
                                 g_strcmp0 (type, "Correspond") == 0 ? "Correspond" : "Comment");

  entries = stw_rt_read_entries (self, ticket_id, condition, NULL, cancellable, error);
  if (entries == NULL)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      guint at = oldest ? i : entries->len - 1 - i;
      StwRemoteRecord *record = g_ptr_array_index (entries, at);

      if (transaction == NULL)
        {
          if (g_strcmp0 (stw_rt_json_string (record->fields, "Type"), type) != 0 ||
              !same_text (stw_rt_json_string (record->fields, "Content"),
                          stw_rt_json_string (fields, "Content")) ||
              stw_rt_json_int (record->fields, "TimeTaken", 0) !=
                stw_rt_json_int (fields, "TimeTaken", 0) ||
              stw_rt_parse_time (record->updated) < after ||
              (linked != NULL && g_hash_table_contains (linked, record->remote_id)))
            continue;
        }
      found = g_ptr_array_steal_index (entries, at);
      break;
    }
  return found;
}

static StwRemoteRecord *
create_entry (StwRtBackend  *self,
              JsonObject    *fields,
              const char    *ticket_id,
              GCancellable  *cancellable,
              GError       **error)
{
  const char *type = stw_rt_json_string (fields, "Type");
  g_autofree char *transaction = NULL;
  StwRemoteRecord *record;
  gint64 sent = g_get_real_time ();

  if (ticket_id == NULL || strspn (ticket_id, "0123456789") != strlen (ticket_id))
    return refuse (error, _("A comment needs a ticket that is in Request Tracker.")), NULL;
  if (!post_message (self, ticket_id, g_strcmp0 (type, "Correspond") == 0 ? "Correspond" : "Comment",
                     NULL, stw_rt_json_string (fields, "Content"),
                     stw_rt_json_int (fields, "TimeTaken", 0), &transaction, cancellable, error))
    return NULL;

  record = find_entry (self, ticket_id, fields, transaction, sent - CLOCK_SKEW, NULL, FALSE,
                       cancellable, error);
  if (record == NULL && (error == NULL || *error == NULL))
    stw_rt_bad_reply (error, "/REST/2.0/transactions");
  return record;
}

/* ------------------------------------------------------------------------ */
/* StwSyncBackend                                                           */
/* ------------------------------------------------------------------------ */

StwRemoteRecord *
stw_rt_create (StwSyncBackend *backend,
               const char     *entity,
               JsonObject     *fields,
               const char     *parent_id,
               GCancellable   *cancellable,
               GError        **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  g_autoptr(JsonObject) remote = remote_fields (self, entity, fields);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autofree char *id = NULL;
  g_autofree char *later = NULL;
  gboolean ticket = g_str_equal (entity, STW_SYNC_TICKET);

  if (g_str_equal (entity, STW_SYNC_ENTRY))
    return create_entry (self, remote, parent_id, cancellable, error);

  if (ticket)
    {
      if (stw_rt_json_string (remote, "Queue") == NULL)
        return refuse (error, _("A ticket needs a queue to go to Request Tracker.")), NULL;
      body = ticket_body (self, remote, TRUE, cancellable, error);
    }
  else if (g_str_equal (entity, STW_SYNC_ASSET))
    {
      if (self->asset_catalog == NULL)
        return refuse (error, _("This account has no asset catalog: assets made here stay here.")),
               NULL;
      body = asset_body (self, remote, cancellable, error);
      if (body != NULL)
        json_object_set_string_member (body, "Catalog", self->asset_catalog);
    }
  else
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNSUPPORTED,
                   _("Request Tracker cannot keep “%s” records."), entity);
      return NULL;
    }
  if (body == NULL)
    return NULL;

  /* RT makes tickets new, open or resolved only: any other status is
   * set right after. */
  later = ticket ? g_strdup (stw_rt_json_string (body, "Status")) : NULL;
  if (later != NULL && (g_str_equal (later, "new") || g_str_equal (later, "open") ||
                        g_str_equal (later, "resolved")))
    g_clear_pointer (&later, g_free);
  if (later != NULL)
    json_object_remove_member (body, "Status");

  node = node_of (g_steal_pointer (&body));
  reply = stw_http_request (self->http, "POST", ticket ? "/REST/2.0/ticket" : "/REST/2.0/asset",
                            node, NULL, cancellable, error);
  if (reply == NULL)
    return NULL;
  id = created_id (reply);
  if (id == NULL)
    return stw_rt_bad_reply (error, ticket ? "/REST/2.0/ticket" : "/REST/2.0/asset"), NULL;

  if (later != NULL)
    {
      g_autoptr(JsonObject) status = json_object_new ();
      g_autoptr(JsonNode) status_node = NULL;
      g_autoptr(StwHttpReply) set = NULL;
      g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%s", id);

      json_object_set_string_member (status, "Status", later);
      status_node = node_of (g_steal_pointer (&status));
      set = stw_http_request (self->http, "PUT", path, status_node, NULL, cancellable, error);
      if (set == NULL)
        return NULL;
    }

  return stw_rt_fetch (backend, entity, id, cancellable, error);
}

StwRemoteRecord *
stw_rt_find_created (StwSyncBackend *backend,
                     const char     *entity,
                     JsonObject     *fields,
                     const char     *parent_id,
                     gint64          sent_after,
                     GHashTable     *linked,
                     GCancellable   *cancellable,
                     GError        **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  g_autoptr(JsonObject) remote = remote_fields (self, entity, fields);
  gboolean ticket = g_str_equal (entity, STW_SYNC_TICKET);
  gint64 after = sent_after - CLOCK_SKEW;
  g_autofree char *since = stw_rt_format_query_time (MAX (after - ANY_ZONE, G_USEC_PER_SEC), 0);
  g_autofree char *name = NULL;
  g_autofree char *place = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonArray) items = NULL;
  const char *wanted;

  if (g_str_equal (entity, STW_SYNC_ENTRY))
    {
      StwRemoteRecord *record;
      g_autoptr(GError) local_error = NULL;

      if (parent_id == NULL)
        return NULL;
      record = find_entry (self, parent_id, remote, NULL, after, linked, TRUE, cancellable,
                           &local_error);
      if (local_error != NULL && !g_error_matches (local_error, STW_SYNC_ERROR,
                                                   STW_SYNC_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return record;
    }

  if (ticket)
    {
      wanted = stw_rt_json_string (remote, "Subject");
      if (stw_rt_json_string (remote, "Queue") == NULL)
        return NULL;
      place = stw_rt_quote (stw_rt_json_string (remote, "Queue"));
      name = stw_rt_quote (wanted);
      query = g_strdup_printf ("Subject = %s AND Queue = %s AND Created >= '%s'", name, place,
                               since);
    }
  else if (g_str_equal (entity, STW_SYNC_ASSET))
    {
      wanted = stw_rt_json_string (remote, "Name");
      if (self->asset_catalog == NULL || wanted == NULL)
        return NULL;
      place = stw_rt_quote (self->asset_catalog);
      name = stw_rt_quote (wanted);
      query = g_strdup_printf ("Name = %s AND Catalog = %s AND Created >= '%s'", name, place,
                               since);
    }
  else
    return NULL;

  items = stw_rt_search (self, ticket ? "tickets" : "assets", query,
                         ticket ? "Subject,Created" : "Name,Created", "id", STW_RT_PAGE_SIZE,
                         cancellable, error);
  if (items == NULL)
    return NULL;

  /* The oldest that is not linked yet: creates are retried in order. */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *id = stw_rt_json_id (item, "id");
      const char *text = stw_rt_json_string (item, ticket ? "Subject" : "Name");

      if (id == NULL || g_strcmp0 (text != NULL ? text : "", wanted != NULL ? wanted : "") != 0 ||
          stw_rt_parse_time (stw_rt_json_string (item, "Created")) < after ||
          (linked != NULL && g_hash_table_contains (linked, id)))
        continue;
      return stw_rt_fetch (backend, entity, id, cancellable, error);
    }
  return NULL;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_str_equal (x, y);
}

/* Whether RT now has what was sent; people named without an address are
 * taken on trust (RT shows them by address). */
static gboolean
check_applied (JsonObject  *sent,
               JsonObject  *now,
               GPtrArray   *refused)
{
  g_autoptr(GList) names = json_object_get_members (sent);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *a = json_object_get_member (sent, name);
      JsonNode *b = has (now, name) ? json_object_get_member (now, name) : NULL;
      const char *text = stw_rt_json_string (sent, name);

      if (b == NULL || g_str_equal (name, "Content"))
        continue;
      if ((g_str_equal (name, "Owner") || g_str_equal (name, "Requestor") ||
           g_str_equal (name, "HeldBy")) && text != NULL &&
          (strchr (text, '@') == NULL ||
           g_ascii_strcasecmp (text, stw_rt_json_string (now, name) != NULL
                                       ? stw_rt_json_string (now, name) : "") == 0))
        continue;
      if (JSON_NODE_HOLDS_NULL (a) && JSON_NODE_HOLDS_NULL (b))
        continue;
      if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b))
        {
          if (json_node_get_value_type (a) == G_TYPE_STRING &&
              json_node_get_value_type (b) == G_TYPE_STRING)
            {
              /* RT finds queues in any case, and spells them its way. */
              if (g_str_equal (json_node_get_string (a), json_node_get_string (b)) ||
                  (g_str_equal (name, "Queue") &&
                   same_name (json_node_get_string (a), json_node_get_string (b))))
                continue;
            }
          else if (stw_rt_json_int (sent, name, -1) == stw_rt_json_int (now, name, -2))
            continue;
        }
      g_ptr_array_add (refused, g_strdup (name));
    }
  return refused->len == 0;
}

static char *
messages_text (StwHttpReply *reply)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *messages;

  if (reply == NULL || reply->body == NULL || !JSON_NODE_HOLDS_ARRAY (reply->body))
    return NULL;
  messages = json_node_get_array (reply->body);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonNode *node = json_array_get_element (messages, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, json_node_get_string (node));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

StwRemoteRecord *
stw_rt_update (StwSyncBackend *backend,
               const char     *entity,
               const char     *remote_id,
               const char     *etag,
               JsonObject     *changed,
               GCancellable   *cancellable,
               GError        **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  g_autoptr(JsonObject) remote = remote_fields (self, entity, changed);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(StwRemoteRecord) record = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autofree char *said = NULL;
  gboolean ticket = g_str_equal (entity, STW_SYNC_TICKET);
  const char *description = stw_rt_json_string (remote, "Content");

  if (g_str_equal (entity, STW_SYNC_ENTRY))
    return refuse (error, _("Request Tracker keeps comments as they were written.")), NULL;
  if (!ticket && !g_str_equal (entity, STW_SYNC_ASSET))
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNSUPPORTED,
                   _("Request Tracker cannot keep “%s” records."), entity);
      return NULL;
    }
  if (strspn (remote_id, "0123456789") != strlen (remote_id) || *remote_id == '\0')
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND,
                   _("Ticket %s is no longer in Request Tracker."), remote_id);
      return NULL;
    }

  body = ticket ? ticket_body (self, remote, FALSE, cancellable, error)
                : asset_body (self, remote, cancellable, error);
  if (body == NULL)
    return NULL;
  path = g_strdup_printf ("/REST/2.0/%s/%s", ticket ? "ticket" : "asset", remote_id);

  if (json_object_get_size (body) > 0)
    {
      g_autoptr(JsonNode) node = node_of (g_steal_pointer (&body));

      reply = stw_http_request (self->http, "PUT", path, node, etag, cancellable, error);
      if (reply == NULL)
        return NULL;
      said = messages_text (reply);
    }
  else if (etag != NULL && ticket && has (remote, "Content"))
    {
      /* A comment takes no If-Match: ask whether the ticket moved on. */
      g_autoptr(StwHttpReply) now = stw_rt_get (self, path, cancellable, error);

      if (now == NULL)
        return NULL;
      if (g_strcmp0 (now->etag, etag) != 0)
        {
          g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE,
                       _("Ticket %s was changed in Request Tracker meanwhile."), remote_id);
          return NULL;
        }
    }

  if (ticket && has (remote, "Content"))
    {
      g_autofree char *now = NULL;
      g_autofree char *wanted = stw_rt_normalize_text (description != NULL ? description : "");
      g_autoptr(GPtrArray) entries = NULL;

      /* Only when RT has another: a comment is never taken back. */
      entries = stw_rt_read_entries (self, remote_id, "Type = 'Create' OR Type = 'Comment'", &now,
                                     cancellable, error);
      if (entries == NULL)
        return NULL;
      if (!g_str_equal (now != NULL ? now : "", wanted) &&
          !post_message (self, remote_id, "Comment", STW_RT_DESCRIPTION_SUBJECT, wanted, 0, NULL,
                         cancellable, error))
        return NULL;
    }

  record = stw_rt_fetch (backend, entity, remote_id, cancellable, error);
  if (record == NULL)
    return NULL;
  if (!check_applied (remote, record->fields, refused))
    {
      g_autofree char *fields = NULL;

      g_ptr_array_add (refused, NULL);
      fields = g_strjoinv (", ", (char **) refused->pdata);
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED,
                   /* Translators: the first %s lists fields, the second is the server's words */
                   _("Request Tracker did not take %s: %s"), fields,
                   said != NULL ? said : _("no reason given"));
      return NULL;
    }
  return g_steal_pointer (&record);
}

gboolean
stw_rt_remove (StwSyncBackend *backend,
               const char     *entity,
               const char     *remote_id,
               const char     *etag,
               GCancellable   *cancellable,
               GError        **error)
{
  StwRtBackend *self = STW_RT_BACKEND (backend);
  g_autoptr(StwHttpReply) reply = NULL;
  g_autofree char *path = NULL;

  if (g_str_equal (entity, STW_SYNC_ENTRY))
    return refuse (error, _("Request Tracker keeps every comment: it cannot delete one."));
  if (strspn (remote_id, "0123456789") != strlen (remote_id) || *remote_id == '\0')
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND,
                   _("Ticket %s is no longer in Request Tracker."), remote_id);
      return FALSE;
    }

  if (g_str_equal (entity, STW_SYNC_TICKET))
    {
      path = g_strdup_printf ("/REST/2.0/ticket/%s", remote_id);
      reply = stw_http_request (self->http, "DELETE", path, NULL, etag, cancellable, error);
    }
  else if (g_str_equal (entity, STW_SYNC_ASSET))
    {
      g_autoptr(JsonObject) body = json_object_new ();
      g_autoptr(JsonNode) node = NULL;

      json_object_set_string_member (body, "Status", "deleted");
      node = node_of (g_steal_pointer (&body));
      path = g_strdup_printf ("/REST/2.0/asset/%s", remote_id);
      reply = stw_http_request (self->http, "PUT", path, node, etag, cancellable, error);
    }
  else
    {
      g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNSUPPORTED,
                   _("Request Tracker cannot keep “%s” records."), entity);
      return FALSE;
    }
  return reply != NULL;
}

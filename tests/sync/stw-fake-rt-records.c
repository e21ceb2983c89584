/* stw-fake-rt-records.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-fake-rt"

#include "config.h"

#include "stw-fake-rt-private.h"

#include <string.h>

/* Tickets and assets, the transactions that change them, and how REST2
 * shows them (NOTES.md's samples): ids of records are numbers and ids
 * in links are strings, numbers are strings, unset dates are the epoch,
 * and queues, catalogs and users are {"id","type","_url"} links. */

static const char *const ticket_statuses[] = {
  "new", "open", "stalled", "resolved", "rejected", "deleted", NULL,
};

static const char *const asset_statuses[] = {
  "new", "allocated", "in-use", "recycled", "stolen", "deleted", NULL,
};

static const char *const people_fields[] = { "Requestor", "Cc", "AdminCc", "HeldBy", "Contact", NULL };

/* ------------------------------------------------------------------------ */

static char *
node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "1" : "0");
    default:
      return NULL;
    }
}

/* A person list from "a@x, b@y" or ["a@x", "b@y"]. */
static JsonArray *
people_from_node (JsonNode *node)
{
  JsonArray *people = json_array_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = node_text (json_array_get_element (array, i));

          if (text != NULL && text[0] != '\0')
            json_array_add_string_element (people, text);
        }
    }
  else
    {
      g_autofree char *text = node_text (node);
      g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            json_array_add_string_element (people, parts[i]);
        }
    }

  return people;
}

static char *
join_people (JsonArray *people)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, json_array_get_string_element (people, i));
    }

  return g_string_free (out, FALSE);
}

/* A queue or catalog by name or id, as its id; 0 when unknown. */
static guint
find_named (GPtrArray  *names,
            const char *name_or_id)
{
  if (name_or_id[0] != '\0' && strspn (name_or_id, "0123456789") == strlen (name_or_id))
    {
      guint64 id = g_ascii_strtoull (name_or_id, NULL, 10);

      return id >= 1 && id <= names->len ? (guint) id : 0;
    }

  for (guint i = 0; i < names->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (names, i), name_or_id) == 0)
      return i + 1;

  return 0;
}

static FakeTxn *
add_txn (StwFakeRt  *self,
         FakeRecord *record,
         const char *type,
         const char *field,
         const char *old_value,
         const char *new_value)
{
  FakeTxn *txn = g_new0 (FakeTxn, 1);

  txn->id = ++self->next_txn;
  txn->kind = record->kind;
  txn->object_id = record->id;
  txn->type = g_strdup (type);
  txn->field = g_strdup (field);
  txn->old_value = g_strdup (old_value);
  txn->new_value = g_strdup (new_value);
  txn->created = fake_rt_now (self);
  g_ptr_array_add (self->txns, txn);

  record->etag = txn->id;
  record->updated = txn->created;

  return txn;
}

/* Puts one value of a request into @fields in the stored form; FALSE
 * and a message when RT would refuse it. */
static gboolean
set_value (StwFakeRt   *self,
           FakeRecord  *record,
           JsonObject  *fields,
           const char  *name,
           JsonNode    *node,
           char       **message)
{
  g_autofree char *text = NULL;

  if (g_strv_contains (people_fields, name))
    {
      json_object_set_array_member (fields, name, people_from_node (node));
      return TRUE;
    }

  text = node_text (node);
  if (text == NULL)
    {
      *message = g_strdup_printf ("Invalid value for %s", name);
      return FALSE;
    }

  if (g_str_equal (name, "Queue") || g_str_equal (name, "Catalog"))
    {
      GPtrArray *names = g_str_equal (name, "Queue") ? self->queues : self->catalogs;
      guint id = find_named (names, text);

      if (id == 0)
        {
          *message = g_strdup_printf ("%s '%s' not found", name, text);
          return FALSE;
        }
      g_autofree char *id_text = g_strdup_printf ("%u", id);

      json_object_set_string_member (fields, name, id_text);
      return TRUE;
    }

  if (g_str_equal (name, "Status"))
    {
      const char *const *allowed = record->kind == FAKE_TICKET ? ticket_statuses : asset_statuses;

      if (!g_strv_contains (allowed, text))
        {
          *message = g_strdup_printf ("Status '%s' isn't a valid status for this %s.", text,
                                      fake_rt_kind_name (record->kind));
          return FALSE;
        }
    }

  if (g_str_equal (name, "Priority") || g_str_equal (name, "TimeWorked"))
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (text, NULL, 10));

      json_object_set_string_member (fields, name, number);
      return TRUE;
    }

  if (g_str_equal (name, "Due") || g_str_equal (name, "Starts") || g_str_equal (name, "Started"))
    {
      gint64 when = text[0] == '\0' ? 0 : fake_query_parse_time (text);
      g_autofree char *iso = NULL;

      if (when < 0)
        {
          *message = g_strdup_printf ("Invalid date for %s: %s", name, text);
          return FALSE;
        }
      iso = fake_rt_format_time (when);
      json_object_set_string_member (fields, name, iso);
      return TRUE;
    }

  json_object_set_string_member (fields, name, text);
  return TRUE;
}

static JsonNode *
link_node (const char *type,
           const char *id,
           const char *base)
{
  JsonObject *link = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *url = g_strdup_printf ("%s/%s/%s", base, type, id);

  json_object_set_string_member (link, "type", type);
  json_object_set_string_member (link, "id", id);
  json_object_set_string_member (link, "_url", url);
  json_node_take_object (node, link);

  return node;
}

/* ------------------------------------------------------------------------ */

gint64
fake_rt_now (StwFakeRt *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

char *
fake_rt_format_time (gint64 seconds)
{
  g_autoptr(GDateTime) date = NULL;

  if (seconds <= 0)
    return g_strdup (FAKE_RT_UNSET_DATE);

  date = g_date_time_new_from_unix_utc (seconds);
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
}

const char *
fake_rt_kind_name (FakeKind kind)
{
  return kind == FAKE_TICKET ? "ticket" : "asset";
}

FakeRecord *
fake_rt_lookup (StwFakeRt *self,
                FakeKind   kind,
                guint      id)
{
  return g_hash_table_lookup (kind == FAKE_TICKET ? self->tickets : self->assets, GUINT_TO_POINTER (id));
}

FakeRecord *
fake_rt_create (StwFakeRt   *self,
                FakeKind     kind,
                JsonObject  *body,
                char       **message)
{
  FakeRecord *record = g_new0 (FakeRecord, 1);
  g_autoptr(GList) members = json_object_get_members (body);
  const char *content = NULL;
  const char *content_type = "text/plain";
  FakeTxn *txn;

  record->kind = kind;
  record->fields = json_object_new ();
  json_object_set_string_member (record->fields, "Status", "new");
  json_object_set_string_member (record->fields, "Owner", "Nobody");
  if (kind == FAKE_TICKET)
    {
      json_object_set_string_member (record->fields, "Subject", "");
      json_object_set_string_member (record->fields, "Priority", "0");
      json_object_set_string_member (record->fields, "TimeWorked", "0");
      json_object_set_string_member (record->fields, "Due", FAKE_RT_UNSET_DATE);
      for (guint i = 0; i < 3; i++)
        json_object_set_array_member (record->fields, people_fields[i], json_array_new ());
    }
  else
    {
      json_object_set_string_member (record->fields, "Name", "");
      json_object_set_string_member (record->fields, "Description", "");
      json_object_set_string_member (record->fields, "Catalog", "1");
      json_object_set_array_member (record->fields, "HeldBy", json_array_new ());
      json_object_set_array_member (record->fields, "Contact", json_array_new ());
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (body, name);

      if (g_str_equal (name, "Content") && JSON_NODE_HOLDS_VALUE (node))
        content = json_node_get_string (node);
      else if (g_str_equal (name, "ContentType") && JSON_NODE_HOLDS_VALUE (node))
        content_type = json_node_get_string (node);
      else if (g_str_equal (name, "CustomFields") || g_str_equal (name, "id"))
        continue;
      else if (!set_value (self, record, record->fields, name, node, message))
        {
          fake_record_free (record);
          return NULL;
        }
    }

  if (kind == FAKE_TICKET && !json_object_has_member (body, "Queue"))
    {
      *message = g_strdup ("Could not create ticket. Queue not set");
      fake_record_free (record);
      return NULL;
    }

  record->id = kind == FAKE_TICKET ? ++self->next_ticket : ++self->next_asset;
  record->created = fake_rt_now (self);
  g_hash_table_insert (kind == FAKE_TICKET ? self->tickets : self->assets,
                       GUINT_TO_POINTER (record->id), record);

  txn = add_txn (self, record, "Create", NULL, NULL, NULL);
  txn->subject = g_strdup (json_object_get_string_member_with_default (record->fields, "Subject", NULL));
  txn->content = g_strdup (content);
  txn->content_type = g_strdup (content_type);

  /* RT mails the requestor an autoreply, and records it. */
  if (kind == FAKE_TICKET
      && json_array_get_length (json_object_get_array_member (record->fields, "Requestor")) > 0)
    add_txn (self, record, "EmailRecord", NULL, NULL, NULL);

  return record;
}

JsonArray *
fake_rt_update (StwFakeRt   *self,
                FakeRecord  *record,
                JsonObject  *body,
                char       **message)
{
  g_autoptr(JsonArray) messages = json_array_new ();
  g_autoptr(GList) members = json_object_get_members (body);
  const char *label = record->kind == FAKE_TICKET ? "Ticket" : "Asset";

  members = g_list_sort (members, (GCompareFunc) g_strcmp0);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autoptr(JsonObject) scratch = json_object_new ();
      g_autofree char *refusal = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *said = NULL;
      JsonNode *value;

      if (g_str_equal (name, "id") || g_str_equal (name, "CustomFields"))
        continue;

      /* RT answers 200 and says, change by change, what it refused. */
      if (!set_value (self, record, scratch, name, json_object_get_member (body, name), &refusal))
        {
          json_array_add_string_element (messages, refusal);
          continue;
        }

      old_text = fake_rt_field_text (self, record, name);
      value = json_object_dup_member (scratch, name);
      json_object_set_member (record->fields, name, value);
      new_text = fake_rt_field_text (self, record, name);

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      add_txn (self, record, g_str_equal (name, "Status") ? "Status" : "Set", name, old_text, new_text);
      said = g_strdup_printf ("%s %u: %s changed from '%s' to '%s'", label, record->id, name,
                              old_text ? old_text : "", new_text ? new_text : "");
      json_array_add_string_element (messages, said);
    }

  *message = NULL;
  return g_steal_pointer (&messages);
}

guint
fake_rt_add_entry (StwFakeRt  *self,
                   FakeRecord *record,
                   const char *type,
                   const char *subject,
                   const char *content,
                   const char *content_type,
                   guint       time_taken)
{
  FakeTxn *txn = add_txn (self, record, type, NULL, NULL, NULL);
  const char *status;

  txn->subject = g_strdup (subject);
  txn->content = g_strdup (content);
  txn->content_type = g_strdup (content_type != NULL ? content_type : "text/plain");
  txn->time_taken = time_taken;

  if (time_taken > 0)
    {
      gint64 worked = g_ascii_strtoll (json_object_get_string_member (record->fields, "TimeWorked"), NULL, 10);
      g_autofree char *new_text = g_strdup_printf ("%" G_GINT64_FORMAT, worked + time_taken);

      json_object_set_string_member (record->fields, "TimeWorked", new_text);
    }

  /* "On Correspond Open Inactive Tickets". */
  status = json_object_get_string_member (record->fields, "Status");
  if (g_str_equal (type, "Correspond")
      && (g_str_equal (status, "resolved") || g_str_equal (status, "rejected") || g_str_equal (status, "deleted")))
    {
      g_autofree char *old_status = g_strdup (status);

      json_object_set_string_member (record->fields, "Status", "open");
      add_txn (self, record, "Status", "Status", old_status, "open");
    }

  return txn->id;
}

JsonNode *
fake_rt_render_field (StwFakeRt  *self,
                      FakeRecord *record,
                      const char *field,
                      const char *base)
{
  JsonObject *fields = record->fields;

  if (g_str_equal (field, "Created") || g_str_equal (field, "LastUpdated"))
    {
      g_autofree char *iso = fake_rt_format_time (g_str_equal (field, "Created")
                                                  ? record->created : record->updated);

      return json_node_init_string (json_node_alloc (), iso);
    }

  if (g_str_equal (field, "Queue") || g_str_equal (field, "Catalog"))
    {
      if (!json_object_has_member (fields, field))
        return NULL;
      return link_node (g_str_equal (field, "Queue") ? "queue" : "catalog",
                        json_object_get_string_member (fields, field), base);
    }

  if (g_str_equal (field, "Owner") || g_str_equal (field, "Creator") || g_str_equal (field, "LastUpdatedBy"))
    {
      const char *name = g_str_equal (field, "Owner")
                         ? json_object_get_string_member_with_default (fields, "Owner", "Nobody") : "root";

      return link_node ("user", name, base);
    }

  if (g_strv_contains (people_fields, field))
    {
      JsonArray *people = json_object_has_member (fields, field)
                          ? json_object_get_array_member (fields, field) : NULL;
      JsonArray *links = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
        json_array_add_element (links, link_node ("user", json_array_get_string_element (people, i), base));
      json_node_take_array (node, links);
      return node;
    }

  if (json_object_has_member (fields, field))
    return json_object_dup_member (fields, field);

  return NULL;
}

JsonObject *
fake_rt_render (StwFakeRt  *self,
                FakeRecord *record,
                const char *base)
{
  static const char *const ticket_fields[] = {
    "Subject", "Status", "Priority", "Queue", "Owner", "Requestor", "Cc", "AdminCc", "Created",
    "LastUpdated", "Due", "TimeWorked", "Creator", "LastUpdatedBy", NULL,
  };
  static const char *const asset_fields[] = {
    "Name", "Description", "Status", "Catalog", "Owner", "HeldBy", "Contact", "Created",
    "LastUpdated", "Creator", NULL,
  };
  const char *const *names = record->kind == FAKE_TICKET ? ticket_fields : asset_fields;
  JsonObject *object = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (record->fields);
  g_autofree char *id = g_strdup_printf ("%u", record->id);

  json_object_set_int_member (object, "id", record->id);
  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *node = fake_rt_render_field (self, record, names[i], base);

      if (node != NULL)
        json_object_set_member (object, names[i], node);
    }

  /* Fields someone set that the lists above do not name. */
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data, json_object_dup_member (record->fields, l->data));

  json_object_set_array_member (object, "CustomFields", json_array_new ());
  if (record->kind == FAKE_TICKET)
    {
      json_object_set_string_member (object, "InitialPriority", "0");
      json_object_set_string_member (object, "FinalPriority", "0");
      json_object_set_string_member (object, "Started", FAKE_RT_UNSET_DATE);
      json_object_set_string_member (object, "Starts", FAKE_RT_UNSET_DATE);
      json_object_set_string_member (object, "Resolved", FAKE_RT_UNSET_DATE);
      json_object_set_string_member (object, "TimeLeft", "0");
      json_object_set_string_member (object, "TimeEstimated", "0");
      json_object_set_string_member (object, "Type", "ticket");
      json_object_set_member (object, "EffectiveId", link_node ("ticket", id, base));
    }

  return object;
}

JsonObject *
fake_rt_render_txn (FakeTxn            *txn,
                    const char         *base,
                    const char *const  *fields)
{
  static const char *const all[] = {
    "Type", "Field", "OldValue", "NewValue", "Created", "Creator", "TimeTaken", "Object", NULL,
  };
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%u", txn->id);
  g_autofree char *object_id = g_strdup_printf ("%u", txn->object_id);
  g_autofree char *created = fake_rt_format_time (txn->created);
  g_autofree char *time_taken = g_strdup_printf ("%u", txn->time_taken);

  if (fields == NULL)
    {
      json_object_set_int_member (object, "id", txn->id);
      fields = all;
    }
  else
    {
      json_object_set_string_member (object, "id", id);
      json_object_set_string_member (object, "type", "transaction");
      g_autofree char *url = g_strdup_printf ("%s/transaction/%s", base, id);

      json_object_set_string_member (object, "_url", url);
    }

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *name = fields[i];

      if (g_str_equal (name, "Type"))
        json_object_set_string_member (object, name, txn->type);
      else if (g_str_equal (name, "Field"))
        json_object_set_string_member (object, name, txn->field ? txn->field : "");
      else if (g_str_equal (name, "OldValue"))
        json_object_set_string_member (object, name, txn->old_value ? txn->old_value : "");
      else if (g_str_equal (name, "NewValue"))
        json_object_set_string_member (object, name, txn->new_value ? txn->new_value : "");
      else if (g_str_equal (name, "Created"))
        json_object_set_string_member (object, name, created);
      else if (g_str_equal (name, "Creator"))
        json_object_set_member (object, name, link_node ("user", "root", base));
      else if (g_str_equal (name, "TimeTaken"))
        json_object_set_string_member (object, name, time_taken);
      else if (g_str_equal (name, "Object"))
        json_object_set_member (object, name, link_node (fake_rt_kind_name (txn->kind), object_id, base));
    }

  return object;
}

char *
fake_rt_field_text (StwFakeRt  *self,
                    FakeRecord *record,
                    const char *field)
{
  JsonObject *fields = record->fields;

  if (g_str_equal (field, "Created"))
    return fake_rt_format_time (record->created);
  if (g_str_equal (field, "LastUpdated"))
    return fake_rt_format_time (record->updated);
  if (!json_object_has_member (fields, field))
    return NULL;

  if (g_str_equal (field, "Queue") || g_str_equal (field, "Catalog"))
    {
      GPtrArray *names = g_str_equal (field, "Queue") ? self->queues : self->catalogs;
      guint id = find_named (names, json_object_get_string_member (fields, field));

      return id > 0 ? g_strdup (g_ptr_array_index (names, id - 1)) : NULL;
    }

  if (g_strv_contains (people_fields, field))
    return join_people (json_object_get_array_member (fields, field));

  return node_text (json_object_get_member (fields, field));
}

char *
fake_rt_user_email (const char *name)
{
  if (g_strcmp0 (name, "root") == 0)
    return g_strdup ("root@localhost");
  if (name != NULL && strchr (name, '@') != NULL)
    return g_strdup (name);

  return g_strdup ("");
}

guint
fake_rt_user_id (const char *name)
{
  if (g_strcmp0 (name, "Nobody") == 0)
    return 6;
  if (g_strcmp0 (name, "root") == 0)
    return 14;

  /* Anyone else: a stable id above RT's own users. */
  return 100 + g_str_hash (name != NULL ? name : "") % 100000;
}

void
fake_txn_free (gpointer data)
{
  FakeTxn *txn = data;

  g_free (txn->type);
  g_free (txn->field);
  g_free (txn->old_value);
  g_free (txn->new_value);
  g_free (txn->subject);
  g_free (txn->content);
  g_free (txn->content_type);
  g_free (txn);
}

void
fake_record_free (gpointer data)
{
  FakeRecord *record = data;

  g_clear_pointer (&record->fields, json_object_unref);
  g_free (record);
}

/* stw-fake-backend.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store/stw-sync-store.h"
#include "stw-fake-backend.h"

#define PAGE_SIZE 2

typedef struct
{
  char       *id;
  guint       version;
  guint       clock;      /* the server's update counter when last changed */
  gint64      created;    /* µs */
  JsonObject *fields;
  GPtrArray  *entries;    /* StwRemoteRecord */
} Ticket;

struct _StwFakeBackend
{
  GObject       parent_instance;

  GHashTable   *tickets;  /* id → Ticket */
  guint         next_id;
  guint         clock;
  StwFakeFault  fault;
  guint         after;
  guint         fetches;
  guint         creates;
  guint         updates;
};

static void backend_iface_init (StwSyncBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwFakeBackend, stw_fake_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (STW_TYPE_SYNC_BACKEND, backend_iface_init))

static void
ticket_free (gpointer data)
{
  Ticket *ticket = data;

  g_free (ticket->id);
  json_object_unref (ticket->fields);
  g_ptr_array_unref (ticket->entries);
  g_free (ticket);
}

static gboolean
offline (StwFakeBackend  *self,
         GError         **error)
{
  if (self->fault != STW_FAKE_FAULT_OFFLINE)
    return FALSE;
  g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_CONNECTION_REFUSED,
                       "Could not connect to the fake server.");
  return TRUE;
}

static void
touch (StwFakeBackend *self,
       Ticket         *ticket)
{
  ticket->version++;
  ticket->clock = ++self->clock;
}

static StwRemoteRecord *
record_of (Ticket *ticket)
{
  StwRemoteRecord *record = stw_remote_record_new (ticket->id);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  json_node_set_object (node, ticket->fields);
  copy = json_node_copy (node);
  record->etag = g_strdup_printf ("%u", ticket->version);
  record->updated = g_strdup_printf ("%08u", ticket->clock);
  record->fields = json_node_dup_object (copy);
  return record;
}

static int
by_clock (gconstpointer a,
          gconstpointer b)
{
  const Ticket *x = *(Ticket **)a;
  const Ticket *y = *(Ticket **)b;

  return (x->clock > y->clock) - (x->clock < y->clock);
}

/* ------------------------------------------------------------------------ */

static gboolean
fake_check (StwSyncBackend  *backend,
            char           **description,
            GCancellable    *cancellable,
            GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);

  if (offline (self, error))
    return FALSE;
  if (description != NULL)
    *description = g_strdup ("Fake server");
  return TRUE;
}

static const char * const *
fake_entities (StwSyncBackend *backend)
{
  static const char * const entities[] = { STW_SYNC_TICKET, NULL };

  return entities;
}

static gboolean
fake_pull_page (StwSyncBackend  *backend,
                const char      *entity,
                const char      *cursor,
                GPtrArray      **records,
                char           **next_cursor,
                gboolean        *more,
                GCancellable    *cancellable,
                GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  guint after = cursor != NULL ? (guint)g_ascii_strtoull (cursor, NULL, 10) : 0;
  guint last = after;
  GHashTableIter iter;
  gpointer value;

  if (offline (self, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->tickets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Ticket *)value)->clock > after)
      g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, by_clock);

  *records = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_remote_record_free);
  for (guint i = 0; i < sorted->len && i < PAGE_SIZE; i++)
    {
      Ticket *ticket = g_ptr_array_index (sorted, i);
      StwRemoteRecord *listed = stw_remote_record_new (ticket->id);

      /* Like RT's search: id and last update, no fields. */
      listed->updated = g_strdup_printf ("%08u", ticket->clock);
      g_ptr_array_add (*records, listed);
      last = ticket->clock;
    }
  *next_cursor = g_strdup_printf ("%u", last);
  *more = sorted->len > PAGE_SIZE;
  return TRUE;
}

static StwRemoteRecord *
fake_fetch (StwSyncBackend  *backend,
            const char      *entity,
            const char      *remote_id,
            GCancellable    *cancellable,
            GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);
  Ticket *ticket;

  if (offline (self, error))
    return NULL;
  if (self->fault == STW_FAKE_FAULT_FAIL_AFTER && self->fetches++ >= self->after)
    {
      g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TIMED_OUT,
                           "The fake server did not answer in time.");
      return NULL;
    }
  ticket = g_hash_table_lookup (self->tickets, remote_id);
  if (ticket == NULL)
    {
      g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND, "Not Found");
      return NULL;
    }
  return record_of (ticket);
}

static GPtrArray *
fake_fetch_entries (StwSyncBackend  *backend,
                    const char      *ticket_remote_id,
                    GCancellable    *cancellable,
                    GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_remote_record_free);
  Ticket *ticket = g_hash_table_lookup (self->tickets, ticket_remote_id);

  if (offline (self, error))
    {
      g_ptr_array_unref (entries);
      return NULL;
    }
  for (guint i = 0; ticket != NULL && i < ticket->entries->len; i++)
    {
      StwRemoteRecord *entry = g_ptr_array_index (ticket->entries, i);
      StwRemoteRecord *copy = stw_remote_record_new (entry->remote_id);

      copy->parent_id = g_strdup (ticket->id);
      copy->fields = json_object_ref (entry->fields);
      g_ptr_array_add (entries, copy);
    }
  return entries;
}

static GPtrArray *
fake_list_ids (StwSyncBackend  *backend,
               const char      *entity,
               GCancellable    *cancellable,
               GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (offline (self, error))
    {
      g_ptr_array_unref (ids);
      return NULL;
    }
  g_hash_table_iter_init (&iter, self->tickets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  return ids;
}

static gboolean
fake_accepts (StwSyncBackend  *backend,
              const char      *entity,
              JsonObject      *local,
              GCancellable    *cancellable,
              GError         **error)
{
  if (local == NULL)
    return TRUE;
  return g_strcmp0 (json_object_get_string_member_with_default (local, "queue", NULL),
                    "General") == 0;
}

static Ticket *
add (StwFakeBackend *self,
     JsonObject     *fields)
{
  Ticket *ticket = g_new0 (Ticket, 1);

  ticket->id = g_strdup_printf ("%u", ++self->next_id);
  ticket->fields = fields;
  ticket->created = g_get_real_time ();
  ticket->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_remote_record_free);
  touch (self, ticket);
  g_hash_table_insert (self->tickets, g_strdup (ticket->id), ticket);
  return ticket;
}

static StwRemoteRecord *
fake_create (StwSyncBackend  *backend,
             const char      *entity,
             JsonObject      *fields,
             const char      *parent_id,
             GCancellable    *cancellable,
             GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);
  StwRemoteRecord *made;

  if (offline (self, error))
    return NULL;
  self->creates++;

  if (g_str_equal (entity, STW_SYNC_ENTRY))
    {
      Ticket *ticket = g_hash_table_lookup (self->tickets, parent_id);

      g_assert_nonnull (ticket);
      made = stw_remote_record_new (NULL);
      made->remote_id = g_strdup_printf ("e%u", ++self->next_id);
      made->fields = json_object_ref (fields);
      g_ptr_array_add (ticket->entries, made);
      touch (self, ticket);
      made = stw_remote_record_new (made->remote_id);
      made->fields = json_object_ref (fields);
    }
  else
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, fields);
      made = record_of (add (self, json_node_dup_object (node)));
    }

  if (self->fault == STW_FAKE_FAULT_LOSE_CREATE)
    {
      self->fault = STW_FAKE_FAULT_NONE;
      stw_remote_record_free (made);
      g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_TIMED_OUT,
                           "The fake server did not answer in time.");
      return NULL;
    }
  return made;
}

static StwRemoteRecord *
fake_find_created (StwSyncBackend  *backend,
                   const char      *entity,
                   JsonObject      *fields,
                   const char      *parent_id,
                   gint64           sent_after,
                   GHashTable      *linked,
                   GCancellable    *cancellable,
                   GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);
  const char *subject = json_object_get_string_member_with_default (fields, "Subject", NULL);
  GHashTableIter iter;
  gpointer value;

  if (offline (self, error))
    return NULL;
  g_assert_cmpstr (entity, ==, STW_SYNC_TICKET);

  g_hash_table_iter_init (&iter, self->tickets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Ticket *ticket = value;

      if (ticket->created >= sent_after - G_USEC_PER_SEC * 60 &&
          !g_hash_table_contains (linked, ticket->id) &&
          g_strcmp0 (json_object_get_string_member_with_default (ticket->fields, "Subject", NULL),
                     subject) == 0)
        return record_of (ticket);
    }
  return NULL;
}

static StwRemoteRecord *
fake_update (StwSyncBackend  *backend,
             const char      *entity,
             const char      *remote_id,
             const char      *etag,
             JsonObject      *changed,
             GCancellable    *cancellable,
             GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);
  Ticket *ticket = g_hash_table_lookup (self->tickets, remote_id);
  g_autoptr(GList) names = NULL;
  g_autofree char *version = NULL;

  if (offline (self, error))
    return NULL;
  if (ticket == NULL)
    {
      g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND, "Not Found");
      return NULL;
    }
  if (self->fault == STW_FAKE_FAULT_RACE_UPDATE)
    {
      self->fault = STW_FAKE_FAULT_NONE;
      json_object_set_string_member (ticket->fields, "Owner", "racer");
      touch (self, ticket);
    }

  version = g_strdup_printf ("%u", ticket->version);
  if (g_strcmp0 (etag, version) != 0)
    {
      g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE, "Precondition Failed");
      return NULL;
    }

  self->updates++;
  names = json_object_get_members (changed);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (ticket->fields, l->data,
                            json_node_copy (json_object_get_member (changed, l->data)));
  touch (self, ticket);
  return record_of (ticket);
}

static gboolean
fake_remove (StwSyncBackend  *backend,
             const char      *entity,
             const char      *remote_id,
             const char      *etag,
             GCancellable    *cancellable,
             GError         **error)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (backend);

  if (offline (self, error))
    return FALSE;
  if (!g_hash_table_remove (self->tickets, remote_id))
    {
      g_set_error_literal (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND, "Not Found");
      return FALSE;
    }
  return TRUE;
}

static void
copy_member (JsonObject *to,
             const char *to_name,
             JsonObject *from,
             const char *from_name)
{
  if (json_object_has_member (from, from_name))
    json_object_set_member (to, to_name, json_node_copy (json_object_get_member (from, from_name)));
}

static const char *
status_to_remote (const char *status)
{
  if (g_strcmp0 (status, "assigned") == 0 || g_strcmp0 (status, "in-progress") == 0)
    return "open";
  return status;
}

static JsonObject *
fake_to_remote (StwSyncBackend *backend,
                const char     *entity,
                JsonObject     *local)
{
  JsonObject *remote = json_object_new ();

  if (g_str_equal (entity, STW_SYNC_ENTRY))
    {
      json_object_set_string_member (remote, "Type",
                                     g_strcmp0 (json_object_get_string_member (local, "kind"),
                                                "comment") == 0 ? "Correspond" : "Comment");
      copy_member (remote, "Content", local, "body");
      return remote;
    }

  copy_member (remote, "Subject", local, "title");
  copy_member (remote, "Queue", local, "queue");
  copy_member (remote, "Owner", local, "assignee");
  copy_member (remote, "Due", local, "due");
  /* Lossy on purpose, as RT's is: 1–5 here, 0–100 there. */
  if (json_object_has_member (local, "priority"))
    json_object_set_int_member (remote, "Priority",
                                (5 - json_object_get_int_member (local, "priority")) * 25);
  if (json_object_has_member (local, "status"))
    json_object_set_string_member (remote, "Status",
                                   status_to_remote (json_object_get_string_member (local, "status")));
  return remote;
}

static JsonObject *
fake_from_remote (StwSyncBackend *backend,
                  const char     *entity,
                  JsonObject     *remote,
                  JsonObject     *local)
{
  JsonObject *fields = json_object_new ();

  if (g_str_equal (entity, STW_SYNC_ENTRY))
    {
      json_object_set_string_member (fields, "kind",
                                     g_strcmp0 (json_object_get_string_member (remote, "Type"),
                                                "Correspond") == 0 ? "comment" : "internal");
      copy_member (fields, "body", remote, "Content");
      return fields;
    }

  copy_member (fields, "title", remote, "Subject");
  copy_member (fields, "queue", remote, "Queue");
  copy_member (fields, "assignee", remote, "Owner");
  copy_member (fields, "due", remote, "Due");
  copy_member (fields, "created", remote, "Created");
  if (json_object_has_member (remote, "Priority"))
    json_object_set_int_member (fields, "priority",
                                5 - (json_object_get_int_member (remote, "Priority") + 12) / 25);
  if (json_object_has_member (remote, "Status"))
    {
      const char *status = json_object_get_string_member (remote, "Status");
      const char *mine = local != NULL
        ? json_object_get_string_member_with_default (local, "status", NULL) : NULL;

      /* "open" keeps a local status it stands for. */
      if (g_strcmp0 (status, "open") == 0)
        status = g_strcmp0 (status_to_remote (mine), "open") == 0 ? mine : "assigned";
      json_object_set_string_member (fields, "status", status);
    }
  return fields;
}

static void
backend_iface_init (StwSyncBackendInterface *iface)
{
  iface->check = fake_check;
  iface->entities = fake_entities;
  iface->pull_page = fake_pull_page;
  iface->fetch = fake_fetch;
  iface->fetch_entries = fake_fetch_entries;
  iface->list_ids = fake_list_ids;
  iface->accepts = fake_accepts;
  iface->create = fake_create;
  iface->find_created = fake_find_created;
  iface->update = fake_update;
  iface->remove = fake_remove;
  iface->to_remote = fake_to_remote;
  iface->from_remote = fake_from_remote;
}

/* ------------------------------------------------------------------------ */

static void
stw_fake_backend_finalize (GObject *object)
{
  StwFakeBackend *self = STW_FAKE_BACKEND (object);

  g_hash_table_unref (self->tickets);
  G_OBJECT_CLASS (stw_fake_backend_parent_class)->finalize (object);
}

static void
stw_fake_backend_class_init (StwFakeBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_fake_backend_finalize;
}

static void
stw_fake_backend_init (StwFakeBackend *self)
{
  self->tickets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ticket_free);
}

StwFakeBackend *
stw_fake_backend_new (void)
{
  return g_object_new (STW_TYPE_FAKE_BACKEND, NULL);
}

void
stw_fake_backend_set_fault (StwFakeBackend *self,
                            StwFakeFault    fault,
                            guint           after)
{
  self->fault = fault;
  self->after = after;
  self->fetches = 0;
}

char *
stw_fake_backend_add_ticket (StwFakeBackend *self,
                             const char     *subject,
                             const char     *status,
                             const char     *queue)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "Subject", subject);
  json_object_set_string_member (fields, "Status", status);
  json_object_set_string_member (fields, "Queue", queue);
  json_object_set_null_member (fields, "Owner");
  json_object_set_int_member (fields, "Priority", 50);
  return g_strdup (add (self, fields)->id);
}

void
stw_fake_backend_edit (StwFakeBackend *self,
                       const char     *id,
                       const char     *field,
                       const char     *value)
{
  Ticket *ticket = g_hash_table_lookup (self->tickets, id);

  g_assert_nonnull (ticket);
  json_object_set_string_member (ticket->fields, field, value);
  touch (self, ticket);
}

void
stw_fake_backend_edit_int (StwFakeBackend *self,
                           const char     *id,
                           const char     *field,
                           gint64          value)
{
  Ticket *ticket = g_hash_table_lookup (self->tickets, id);

  g_assert_nonnull (ticket);
  json_object_set_int_member (ticket->fields, field, value);
  touch (self, ticket);
}

gint64
stw_fake_backend_get_int (StwFakeBackend *self,
                          const char     *id,
                          const char     *field)
{
  Ticket *ticket = g_hash_table_lookup (self->tickets, id);

  g_assert_nonnull (ticket);
  return json_object_get_int_member_with_default (ticket->fields, field, -1);
}

void
stw_fake_backend_delete (StwFakeBackend *self,
                         const char     *id)
{
  g_assert_true (g_hash_table_remove (self->tickets, id));
}

void
stw_fake_backend_add_entry (StwFakeBackend *self,
                            const char     *ticket_id,
                            const char     *type,
                            const char     *content)
{
  Ticket *ticket = g_hash_table_lookup (self->tickets, ticket_id);
  StwRemoteRecord *entry;

  g_assert_nonnull (ticket);
  entry = stw_remote_record_new (NULL);
  entry->remote_id = g_strdup_printf ("e%u", ++self->next_id);
  entry->fields = json_object_new ();
  json_object_set_string_member (entry->fields, "Type", type);
  json_object_set_string_member (entry->fields, "Content", content);
  g_ptr_array_add (ticket->entries, entry);
  touch (self, ticket);
}

const char *
stw_fake_backend_get (StwFakeBackend *self,
                      const char     *id,
                      const char     *field)
{
  Ticket *ticket = g_hash_table_lookup (self->tickets, id);

  if (ticket == NULL)
    return NULL;
  return json_object_get_string_member_with_default (ticket->fields, field, NULL);
}

guint
stw_fake_backend_count (StwFakeBackend *self)
{
  return g_hash_table_size (self->tickets);
}

guint
stw_fake_backend_count_subject (StwFakeBackend *self,
                                const char     *subject)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->tickets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (json_object_get_string_member_with_default (((Ticket *)value)->fields,
                                                               "Subject", NULL), subject) == 0)
      n++;
  return n;
}

guint
stw_fake_backend_count_entries (StwFakeBackend *self,
                                const char     *ticket_id)
{
  Ticket *ticket = g_hash_table_lookup (self->tickets, ticket_id);

  return ticket != NULL ? ticket->entries->len : 0;
}

guint
stw_fake_backend_get_creates (StwFakeBackend *self)
{
  return self->creates;
}

guint
stw_fake_backend_get_updates (StwFakeBackend *self)
{
  return self->updates;
}

/* stw-sync-backend.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-backend"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-sync-backend.h"

G_DEFINE_INTERFACE (StwSyncBackend, stw_sync_backend, G_TYPE_OBJECT)

static void
stw_sync_backend_default_init (StwSyncBackendInterface *iface)
{
}

/* ------------------------------------------------------------------------ */

StwRemoteRecord *
stw_remote_record_new (const char *remote_id)
{
  StwRemoteRecord *record = g_new0 (StwRemoteRecord, 1);

  record->remote_id = g_strdup (remote_id);
  return record;
}

StwRemoteRecord *
stw_remote_record_copy (const StwRemoteRecord *record)
{
  StwRemoteRecord *copy = stw_remote_record_new (record->remote_id);

  copy->etag = g_strdup (record->etag);
  copy->updated = g_strdup (record->updated);
  copy->parent_id = g_strdup (record->parent_id);
  if (record->fields != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonNode) deep = NULL;

      json_node_set_object (node, record->fields);
      deep = json_node_copy (node);
      copy->fields = json_node_dup_object (deep);
    }
  return copy;
}

void
stw_remote_record_free (StwRemoteRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->remote_id);
  g_free (record->etag);
  g_free (record->updated);
  g_free (record->parent_id);
  g_clear_pointer (&record->fields, json_object_unref);
  g_free (record);
}

/* ------------------------------------------------------------------------ */

#define IFACE(self) STW_SYNC_BACKEND_GET_IFACE (self)

gboolean
stw_sync_backend_check (StwSyncBackend  *self,
                        char           **description,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), FALSE);
  return IFACE (self)->check (self, description, cancellable, error);
}

const char * const *
stw_sync_backend_entities (StwSyncBackend *self)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->entities (self);
}

gboolean
stw_sync_backend_pull_page (StwSyncBackend  *self,
                            const char      *entity,
                            const char      *cursor,
                            GPtrArray      **records,
                            char           **next_cursor,
                            gboolean        *more,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), FALSE);
  return IFACE (self)->pull_page (self, entity, cursor, records, next_cursor, more, cancellable,
                                  error);
}

StwRemoteRecord *
stw_sync_backend_fetch (StwSyncBackend  *self,
                        const char      *entity,
                        const char      *remote_id,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->fetch (self, entity, remote_id, cancellable, error);
}

GPtrArray *
stw_sync_backend_fetch_entries (StwSyncBackend  *self,
                                const char      *ticket_remote_id,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->fetch_entries (self, ticket_remote_id, cancellable, error);
}

GPtrArray *
stw_sync_backend_list_ids (StwSyncBackend  *self,
                           const char      *entity,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->list_ids (self, entity, cancellable, error);
}

gboolean
stw_sync_backend_accepts (StwSyncBackend  *self,
                          const char      *entity,
                          JsonObject      *local,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), FALSE);
  return IFACE (self)->accepts (self, entity, local, cancellable, error);
}

StwRemoteRecord *
stw_sync_backend_create (StwSyncBackend  *self,
                         const char      *entity,
                         JsonObject      *fields,
                         const char      *parent_id,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->create (self, entity, fields, parent_id, cancellable, error);
}

StwRemoteRecord *
stw_sync_backend_find_created (StwSyncBackend  *self,
                               const char      *entity,
                               JsonObject      *fields,
                               const char      *parent_id,
                               gint64           sent_after,
                               GHashTable      *linked,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->find_created (self, entity, fields, parent_id, sent_after, linked,
                                     cancellable, error);
}

StwRemoteRecord *
stw_sync_backend_update (StwSyncBackend  *self,
                         const char      *entity,
                         const char      *remote_id,
                         const char      *etag,
                         JsonObject      *changed,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->update (self, entity, remote_id, etag, changed, cancellable, error);
}

gboolean
stw_sync_backend_remove (StwSyncBackend  *self,
                         const char      *entity,
                         const char      *remote_id,
                         const char      *etag,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), FALSE);
  return IFACE (self)->remove (self, entity, remote_id, etag, cancellable, error);
}

JsonObject *
stw_sync_backend_to_remote (StwSyncBackend *self,
                            const char     *entity,
                            JsonObject     *local)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->to_remote (self, entity, local);
}

JsonObject *
stw_sync_backend_from_remote (StwSyncBackend *self,
                              const char     *entity,
                              JsonObject     *remote,
                              JsonObject     *local)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  return IFACE (self)->from_remote (self, entity, remote, local);
}

StwHttp *
stw_sync_backend_get_http (StwSyncBackend *self)
{
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (self), NULL);
  if (IFACE (self)->get_http == NULL)
    return NULL;
  return IFACE (self)->get_http (self);
}

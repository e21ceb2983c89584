/* stw-test-hook-backend.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-hook-backend.h"

struct _StwTestHookBackend
{
  GObject         parent_instance;
  StwSyncBackend *inner;
  StwTestRt      *rt;
  char           *path;      /* PUT this… */
  char           *json;      /* …before the first update */
  guint           stale;     /* updates RT refused with 412 */
};

static void stw_test_hook_backend_iface_init (StwSyncBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwTestHookBackend, stw_test_hook_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (STW_TYPE_SYNC_BACKEND,
                                                      stw_test_hook_backend_iface_init))

#define INNER(backend) (((StwTestHookBackend *) (backend))->inner)

static gboolean
hook_check (StwSyncBackend *b, char **d, GCancellable *c, GError **e)
{
  return stw_sync_backend_check (INNER (b), d, c, e);
}

static const char *const *
hook_entities (StwSyncBackend *b)
{
  return stw_sync_backend_entities (INNER (b));
}

static gboolean
hook_pull_page (StwSyncBackend *b, const char *entity, const char *cursor, GPtrArray **records,
                char **next, gboolean *more, GCancellable *c, GError **e)
{
  return stw_sync_backend_pull_page (INNER (b), entity, cursor, records, next, more, c, e);
}

static StwRemoteRecord *
hook_fetch (StwSyncBackend *b, const char *entity, const char *id, GCancellable *c, GError **e)
{
  return stw_sync_backend_fetch (INNER (b), entity, id, c, e);
}

static GPtrArray *
hook_fetch_entries (StwSyncBackend *b, const char *id, GCancellable *c, GError **e)
{
  return stw_sync_backend_fetch_entries (INNER (b), id, c, e);
}

static GPtrArray *
hook_list_ids (StwSyncBackend *b, const char *entity, GCancellable *c, GError **e)
{
  return stw_sync_backend_list_ids (INNER (b), entity, c, e);
}

static gboolean
hook_accepts (StwSyncBackend *b, const char *entity, JsonObject *local, GCancellable *c,
              GError **e)
{
  return stw_sync_backend_accepts (INNER (b), entity, local, c, e);
}

static StwRemoteRecord *
hook_create (StwSyncBackend *b, const char *entity, JsonObject *fields, const char *parent,
             GCancellable *c, GError **e)
{
  return stw_sync_backend_create (INNER (b), entity, fields, parent, c, e);
}

static StwRemoteRecord *
hook_find_created (StwSyncBackend *b, const char *entity, JsonObject *fields, const char *parent,
                   gint64 sent, GHashTable *linked, GCancellable *c, GError **e)
{
  return stw_sync_backend_find_created (INNER (b), entity, fields, parent, sent, linked, c, e);
}

static StwRemoteRecord *
hook_update (StwSyncBackend *b, const char *entity, const char *id, const char *etag,
             JsonObject *changed, GCancellable *c, GError **e)
{
  StwTestHookBackend *self = (StwTestHookBackend *) b;
  StwRemoteRecord *record;
  GError *local_error = NULL;

  if (self->path != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->path);
      g_autofree char *json = g_steal_pointer (&self->json);
      g_autoptr(JsonNode) reply = stw_test_rt_call (self->rt, "PUT", path, json);
    }
  record = stw_sync_backend_update (INNER (b), entity, id, etag, changed, c, &local_error);
  if (g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE))
    self->stale++;
  if (local_error != NULL)
    g_propagate_error (e, local_error);
  return record;
}

static gboolean
hook_remove (StwSyncBackend *b, const char *entity, const char *id, const char *etag,
             GCancellable *c, GError **e)
{
  return stw_sync_backend_remove (INNER (b), entity, id, etag, c, e);
}

static JsonObject *
hook_to_remote (StwSyncBackend *b, const char *entity, JsonObject *local)
{
  return stw_sync_backend_to_remote (INNER (b), entity, local);
}

static JsonObject *
hook_from_remote (StwSyncBackend *b, const char *entity, JsonObject *remote, JsonObject *local)
{
  return stw_sync_backend_from_remote (INNER (b), entity, remote, local);
}

static StwHttp *
hook_get_http (StwSyncBackend *b)
{
  return stw_sync_backend_get_http (INNER (b));
}

static void
stw_test_hook_backend_iface_init (StwSyncBackendInterface *iface)
{
  iface->check = hook_check;
  iface->entities = hook_entities;
  iface->pull_page = hook_pull_page;
  iface->fetch = hook_fetch;
  iface->fetch_entries = hook_fetch_entries;
  iface->list_ids = hook_list_ids;
  iface->accepts = hook_accepts;
  iface->create = hook_create;
  iface->find_created = hook_find_created;
  iface->update = hook_update;
  iface->remove = hook_remove;
  iface->to_remote = hook_to_remote;
  iface->from_remote = hook_from_remote;
  iface->get_http = hook_get_http;
}

static void
stw_test_hook_backend_finalize (GObject *object)
{
  StwTestHookBackend *self = (StwTestHookBackend *) object;

  g_clear_object (&self->inner);
  g_free (self->path);
  g_free (self->json);
  G_OBJECT_CLASS (stw_test_hook_backend_parent_class)->finalize (object);
}

static void
stw_test_hook_backend_class_init (StwTestHookBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_test_hook_backend_finalize;
}

static void
stw_test_hook_backend_init (StwTestHookBackend *self)
{
}

StwTestHookBackend *
stw_test_hook_backend_new (StwSyncBackend *inner,
                           StwTestRt      *rt,
                           const char     *path,
                           const char     *json)
{
  StwTestHookBackend *self = g_object_new (STW_TYPE_TEST_HOOK_BACKEND, NULL);

  self->inner = g_object_ref (inner);
  self->rt = rt;
  self->path = g_strdup (path);
  self->json = g_strdup (json);
  return self;
}

guint
stw_test_hook_backend_get_stale (StwTestHookBackend *self)
{
  return self->stale;
}

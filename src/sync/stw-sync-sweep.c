/* stw-sync-sweep.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-sweep"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-sync-run-private.h"

/* ------------------------------------------------------------------------ */
/* Deletions made on the server                                             */
/* ------------------------------------------------------------------------ */


gboolean
stw_sync_run_linked_func (Run              *run,
                          StwWriteContext  *ctx,
                          gpointer          data,
                          GError          **error)
{
  Linked *linked = data;

  linked->linked = stw_sync_link_remote_ids_in (ctx, run->account_id, linked->entity, error);
  return linked->linked != NULL;
}


gboolean
stw_sync_run_gone_func (Run              *run,
                        StwWriteContext  *ctx,
                        gpointer          data,
                        GError          **error)
{
  Gone *gone = data;
  g_autoptr(StwSyncLink) link = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) local = NULL;
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(JsonObject) out = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *name = NULL;

  link = stw_sync_link_by_remote_in (ctx, run->account_id, gone->entity, gone->remote_id,
                                     &local_error);
  if (link == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return local_error == NULL;
    }

  local_text = stw_sync_local_read_in (ctx, gone->entity, link->local_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!stw_sync_link_delete_in (ctx, link->id, error))
    return FALSE;
  if (local_text == NULL)
    return TRUE;

  local = stw_json_object_parse (local_text);
  base = stw_json_object_parse (link->base);
  mine = stw_sync_run_mine (run, gone->entity, local, base);
  out = stw_sync_merge_outgoing (base, mine, NULL);
  name = stw_sync_run_describe (gone->entity, local);

  if (base != NULL && json_object_get_size (out) == 0)
    {
      if (!stw_sync_local_delete_in (ctx, gone->entity, link->local_id, error))
        return FALSE;
      run->stats->deleted++;
      return stw_sync_run_log (run, ctx, "deleted", gone->entity, link->local_id, gone->remote_id, name,
                               error);
    }

  /* Changed here since: the person decides whether it goes. */
  if (!stw_sync_conflict_add_in (ctx, run->account_id, gone->entity, link->local_id, "*", NULL,
                                 local_text, "null", error))
    return FALSE;
  run->stats->conflicts++;
  {
    g_autofree char *message = g_strdup_printf (_("%s: deleted on the server, changed here"), name);

    return stw_sync_run_log (run, ctx, "conflict", gone->entity, link->local_id, gone->remote_id, message,
                             error);
  }
}

/**
 * stw_sync_run_sweep:
 *
 * Finds the records of @entity the server no longer has: ids it does not
 * list any more, each confirmed by asking for it. One untouched here is
 * deleted here too; one changed here since becomes a conflict.
 */
gboolean
stw_sync_run_sweep (Run          *run,
                    const char   *entity,
                    GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) present = NULL;
  g_autoptr(GError) local_error = NULL;
  Linked linked = { entity, NULL };
  GHashTableIter iter;
  gpointer key;

  ids = stw_sync_backend_list_ids (run->backend, entity, run->cancellable, &local_error);
  if (ids == NULL)
    {
      if (local_error == NULL)
        return TRUE;   /* the backend cannot list: nothing to compare */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  present = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (present, g_ptr_array_index (ids, i));

  if (!stw_sync_run_write (run, stw_sync_run_linked_func, &linked, error))
    return FALSE;

  g_hash_table_iter_init (&iter, linked.linked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(StwRemoteRecord) record = NULL;
      Gone gone = { entity, key };

      if (g_hash_table_contains (present, key))
        continue;

      /* Not listed: gone, or only hidden from searches. Ask. */
      record = stw_sync_backend_fetch (run->backend, entity, key, run->cancellable, &local_error);
      if (record != NULL)
        continue;
      if (!g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND))
        {
          g_hash_table_unref (linked.linked);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);

      if (!stw_sync_run_write (run, stw_sync_run_gone_func, &gone, error))
        {
          g_hash_table_unref (linked.linked);
          return FALSE;
        }
    }
  g_hash_table_unref (linked.linked);
  return TRUE;
}


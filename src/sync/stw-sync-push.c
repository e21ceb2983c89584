/* stw-sync-push.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-push"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-sync-run-private.h"

/* Sending what changed here since the push mark (see stw-sync-run.c):
 * updates against the version of their base, creates recorded as
 * pending before they are sent, deletions; fields in conflict wait. */

/* ------------------------------------------------------------------------ */
/* Pushing                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char  *entity;
  gint64       local_id;
  gint64       parent_id;
  /* Out */
  StwSyncLink *link;
  StwSyncLink *parent;
  char        *local;
  GHashTable  *conflicts;
} Local;

static void
local_clear (Local *local)
{
  g_clear_pointer (&local->link, stw_sync_link_free);
  g_clear_pointer (&local->parent, stw_sync_link_free);
  g_clear_pointer (&local->local, g_free);
  g_clear_pointer (&local->conflicts, g_hash_table_unref);
}

static gboolean
read_local_func (Run              *run,
                 StwWriteContext  *ctx,
                 gpointer          data,
                 GError          **error)
{
  Local *local = data;
  g_autoptr(GError) local_error = NULL;

  local->link = stw_sync_link_by_local_in (ctx, run->account_id, local->entity, local->local_id,
                                           &local_error);
  if (local_error == NULL)
    local->local = stw_sync_local_read_in (ctx, local->entity, local->local_id, &local_error);
  if (local_error == NULL && local->local != NULL && g_str_equal (local->entity, STW_SYNC_ENTRY))
    {
      g_autoptr(JsonObject) entry = stw_json_object_parse (local->local);

      local->parent_id = json_object_get_int_member_with_default (entry, "ticket", 0);
      local->parent = stw_sync_link_by_local_in (ctx, run->account_id, STW_SYNC_TICKET,
                                                 local->parent_id, &local_error);
    }
  if (local_error == NULL)
    local->conflicts = stw_sync_conflict_fields_in (ctx, run->account_id, local->entity,
                                                    local->local_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char  *entity;
  StwSyncLink *link;       /* to store */
  gboolean     remove;     /* delete the link instead */
  const char  *action;     /* a log line, or NULL */
  const char  *message;
} PutLink;

static gboolean
put_link_func (Run              *run,
               StwWriteContext  *ctx,
               gpointer          data,
               GError          **error)
{
  PutLink *put = data;

  if (put->remove)
    {
      if (!stw_sync_link_delete_in (ctx, put->link->id, error))
        return FALSE;
    }
  else if (!stw_sync_link_put_in (ctx, run->account_id, put->entity, put->link, error))
    return FALSE;

  if (put->action == NULL)
    return TRUE;
  return stw_sync_run_log (run, ctx, put->action, put->entity, put->link->local_id, put->link->remote_id,
                           put->message, error);
}

typedef struct
{
  const char *action;
  const char *entity;
  gint64      local_id;
  const char *remote_id;
  const char *message;
} Line;

static gboolean
line_func (Run              *run,
           StwWriteContext  *ctx,
           gpointer          data,
           GError          **error)
{
  Line *line = data;

  return stw_sync_run_log (run, ctx, line->action, line->entity, line->local_id, line->remote_id,
                           line->message, error);
}

/* The server said no to a change (a value it does not accept): the
 * change stays here, the log says why, and the run goes on. */
static gboolean
log_refused (Run          *run,
             const char   *entity,
             gint64        local_id,
             const char   *remote_id,
             const char   *name,
             const GError *refusal,
             GError      **error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", name, refusal->message);
  Line line = { "refused", entity, local_id, remote_id, message };

  run->stats->refused++;
  return stw_sync_run_write (run, line_func, &line, error);
}

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED);
}

/* The remote fields of @mine held back because a field they map to is in
 * conflict here. */
static GHashTable *
held_back (Run         *run,
           const char  *entity,
           JsonObject  *mine,
           JsonObject  *local,
           GHashTable  *conflicts)
{
  GHashTable *skip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) names = NULL;

  if (conflicts == NULL || g_hash_table_size (conflicts) == 0)
    return skip;

  names = json_object_get_members (mine);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autoptr(JsonObject) one = json_object_new ();
      g_autoptr(JsonObject) back = NULL;
      g_autoptr(GList) fields = NULL;

      json_object_set_member (one, l->data, json_node_copy (json_object_get_member (mine, l->data)));
      back = stw_sync_backend_from_remote (run->backend, entity, one, local);
      fields = json_object_get_members (back);
      for (GList *f = fields; f != NULL; f = f->next)
        if (g_hash_table_contains (conflicts, f->data))
          g_hash_table_add (skip, g_strdup (l->data));
    }
  return skip;
}

static gboolean push_update (Run          *run,
                             Local        *local,
                             guint         attempt,
                             GError      **error);

static gboolean
create_remote (Run          *run,
               Local        *local,
               JsonObject   *record,
               GError      **error)
{
  g_autoptr(JsonObject) fields = stw_sync_backend_to_remote (run->backend, local->entity, record);
  g_autoptr(StwRemoteRecord) created = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = stw_sync_run_describe (local->entity, record);
  StwSyncLink pending = { 0, local->local_id, NULL, NULL, NULL, NULL, g_get_real_time () };
  PutLink put = { local->entity, &pending, FALSE, NULL, NULL };
  const char *parent = local->parent != NULL ? local->parent->remote_id : NULL;

  /* Recorded before it is sent: if the answer is lost, the next run
   * looks for what the server made before sending it again. */
  if (local->link != NULL)
    pending.id = local->link->id;
  if (!stw_sync_run_write (run, put_link_func, &put, error))
    return FALSE;

  created = stw_sync_backend_create (run->backend, local->entity, fields, parent,
                                     run->cancellable, &local_error);
  if (created == NULL)
    {
      if (is_refusal (local_error))
        {
          Local gone = { local->entity, local->local_id, 0, NULL, NULL, NULL, NULL };

          if (!stw_sync_run_write (run, read_local_func, &gone, error))
            return FALSE;
          if (gone.link != NULL)
            {
              PutLink drop = { local->entity, gone.link, TRUE, NULL, NULL };

              if (!stw_sync_run_write (run, put_link_func, &drop, error))
                {
                  local_clear (&gone);
                  return FALSE;
                }
            }
          local_clear (&gone);
          return log_refused (run, local->entity, local->local_id, NULL, name, local_error, error);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  run->stats->created++;
  if (g_str_equal (local->entity, STW_SYNC_ENTRY) || created->fields == NULL)
    {
      StwSyncLink done = { 0, local->local_id, created->remote_id, created->etag,
                           created->updated, NULL, 0 };
      PutLink put_done = { local->entity, &done, FALSE, "created", name };

      return stw_sync_run_write (run, put_link_func, &put_done, error);
    }

  {
    /* Merged against what was sent, so a value the server stored
     * differently comes back here instead of being sent again. */
    Line line = { "created", local->entity, local->local_id, created->remote_id, name };

    if (!stw_sync_run_merge (run, local->entity, created, local->local_id, fields, NULL, error))
      return FALSE;
    return stw_sync_run_write (run, line_func, &line, error);
  }
}

/* A create sent in an earlier run whose answer never came. */
static gboolean
settle_pending (Run          *run,
                Local        *local,
                JsonObject   *record,
                GError      **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(StwRemoteRecord) found = NULL;
  g_autoptr(GError) local_error = NULL;
  Linked linked = { local->entity, NULL };
  const char *parent = local->parent != NULL ? local->parent->remote_id : NULL;

  /* Asked for by the person (a record deleted there, kept here). */
  if (local->link->create_sent < 0)
    return create_remote (run, local, record, error);

  fields = stw_sync_backend_to_remote (run->backend, local->entity, record);
  if (!stw_sync_run_write (run, stw_sync_run_linked_func, &linked, error))
    return FALSE;
  found = stw_sync_backend_find_created (run->backend, local->entity, fields, parent,
                                         local->link->create_sent, linked.linked,
                                         run->cancellable, &local_error);
  g_hash_table_unref (linked.linked);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (found == NULL)
    return create_remote (run, local, record, error);

  /* It was made: link it, then send what changed here since. */
  if (g_str_equal (local->entity, STW_SYNC_ENTRY) || found->fields == NULL)
    {
      g_autofree char *name = stw_sync_run_describe (local->entity, record);
      StwSyncLink done = { local->link->id, local->local_id, found->remote_id, found->etag,
                           found->updated, NULL, 0 };
      PutLink put = { local->entity, &done, FALSE, "created", name };

      run->stats->created++;
      return stw_sync_run_write (run, put_link_func, &put, error);
    }

  if (!stw_sync_run_merge (run, local->entity, found, local->local_id, fields, NULL, error))
    return FALSE;
  run->stats->created++;
  local_clear (local);
  if (!stw_sync_run_write (run, read_local_func, local, error))
    return FALSE;
  if (local->link == NULL || local->local == NULL)
    return TRUE;
  return push_update (run, local, 0, error);
}

static gboolean
push_update (Run          *run,
             Local        *local,
             guint         attempt,
             GError      **error)
{
  g_autoptr(JsonObject) record = stw_json_object_parse (local->local);
  g_autoptr(JsonObject) base = stw_json_object_parse (local->link->base);
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(JsonObject) out = NULL;
  g_autoptr(JsonObject) sent_base = NULL;
  g_autoptr(GHashTable) skip = NULL;
  g_autoptr(StwRemoteRecord) updated = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = stw_sync_run_describe (local->entity, record);

  if (record == NULL)
    return TRUE;
  mine = stw_sync_run_mine (run, local->entity, record, base);
  skip = held_back (run, local->entity, mine, record, local->conflicts);
  out = stw_sync_merge_outgoing (base, mine, skip);
  if (json_object_get_size (out) == 0)
    {
      PutLink clean = { local->entity, local->link, FALSE, NULL, NULL };

      if (!local->link->dirty)
        return TRUE;
      local->link->dirty = FALSE;
      return stw_sync_run_write (run, put_link_func, &clean, error);
    }

  updated = stw_sync_backend_update (run->backend, local->entity, local->link->remote_id,
                                     local->link->etag, out, run->cancellable, &local_error);
  if (updated == NULL)
    {
      if (g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE) && attempt < 2)
        {
          g_autoptr(StwRemoteRecord) theirs = NULL;

          /* Changed there since our base: merge theirs, then send ours
           * again on the new version. */
          g_clear_error (&local_error);
          theirs = stw_sync_backend_fetch (run->backend, local->entity, local->link->remote_id,
                                           run->cancellable, &local_error);
          if (theirs == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (!stw_sync_run_merge (run, local->entity, theirs, 0, NULL, NULL, error))
            return FALSE;
          local_clear (local);
          if (!stw_sync_run_write (run, read_local_func, local, error))
            return FALSE;
          if (local->link == NULL || local->local == NULL || local->link->remote_id == NULL)
            return TRUE;
          return push_update (run, local, attempt + 1, error);
        }
      if (g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND))
        {
          Gone gone = { local->entity, local->link->remote_id };

          return stw_sync_run_write (run, stw_sync_run_gone_func, &gone, error);
        }
      if (is_refusal (local_error))
        return log_refused (run, local->entity, local->local_id, local->link->remote_id, name,
                            local_error, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  run->stats->pushed++;
  sent_base = stw_json_object_overlay (base, out);
  if (!stw_sync_run_merge (run, local->entity, updated, 0, sent_base, NULL, error))
    return FALSE;
  {
    g_autofree char *fields = stw_sync_run_labels (run, local->entity, out, record, TRUE);
    /* TRANSLATORS: a record, then the fields sent to the server */
    g_autofree char *message = g_strdup_printf (_("%s — sent: %s"), name, fields);
    Line line = { "pushed", local->entity, local->local_id, updated->remote_id, message };

    return stw_sync_run_write (run, line_func, &line, error);
  }
}

static gboolean
push_delete (Run          *run,
             Local        *local,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  PutLink drop = { local->entity, local->link, TRUE, "deleted", NULL };

  if (local->link->remote_id == NULL)
    return stw_sync_run_write (run, put_link_func, &drop, error);

  if (!stw_sync_backend_remove (run->backend, local->entity, local->link->remote_id,
                                local->link->etag, run->cancellable, &local_error) &&
      !g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND))
    {
      if (g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE))
        {
          g_autoptr(StwRemoteRecord) theirs = NULL;

          /* Changed there since: it comes back here (see merge_func). */
          g_clear_error (&local_error);
          theirs = stw_sync_backend_fetch (run->backend, local->entity, local->link->remote_id,
                                           run->cancellable, &local_error);
          if (theirs == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return stw_sync_run_merge (run, local->entity, theirs, 0, NULL, NULL, error);
        }
      if (is_refusal (local_error))
        return log_refused (run, local->entity, local->local_id, local->link->remote_id, "",
                            local_error, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  run->stats->deleted++;
  return stw_sync_run_write (run, put_link_func, &drop, error);
}

/* Sends one record whose link, fields and conflicts @local holds. */
static gboolean
push_local (Run          *run,
            Local        *local,
            GError      **error)
{
  const char *entity = local->entity;
  g_autoptr(JsonObject) record = NULL;
  gboolean ok = TRUE;

  if (local->local == NULL)
    {
      if (local->link != NULL && !g_str_equal (entity, STW_SYNC_ENTRY))
        ok = push_delete (run, local, error);
      return ok;
    }

  record = stw_json_object_parse (local->local);
  if (local->conflicts != NULL && g_hash_table_contains (local->conflicts, "*"))
    ;   /* waits for the person */
  else if (local->link != NULL && local->link->remote_id == NULL)
    ok = settle_pending (run, local, record, error);
  else if (local->link == NULL)
    {
      if (g_str_equal (entity, STW_SYNC_ENTRY))
        {
          /* An entry goes with its ticket: only once that is there. */
          if (local->parent != NULL && local->parent->remote_id != NULL)
            ok = create_remote (run, local, record, error);
        }
      else
        {
          g_autoptr(GError) local_error = NULL;

          if (stw_sync_backend_accepts (run->backend, entity, record, run->cancellable,
                                        &local_error))
            ok = create_remote (run, local, record, error);
          else if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
        }
    }
  else if (!g_str_equal (entity, STW_SYNC_ENTRY))
    ok = push_update (run, local, 0, error);

  return ok;
}

static gboolean
push_one (Run          *run,
          const char   *entity,
          gint64        local_id,
          GError      **error)
{
  Local local = { entity, local_id, 0, NULL, NULL, NULL, NULL };
  gboolean ok;

  if (!stw_sync_run_write (run, read_local_func, &local, error))
    return FALSE;
  ok = push_local (run, &local, error);
  local_clear (&local);
  return ok;
}

typedef struct
{
  const char *entity;
  gint64      after;
  gint64      head;
  gboolean    linked_only;
  GPtrArray  *dirty;     /* StwSyncDirty */
} Outbox;

static gboolean
outbox_func (Run              *run,
             StwWriteContext  *ctx,
             gpointer          data,
             GError          **error)
{
  Outbox *outbox = data;

  outbox->dirty = stw_sync_dirty_in (ctx, run->account_id, outbox->entity, outbox->after,
                                     outbox->head, outbox->linked_only, error);
  return outbox->dirty != NULL;
}

typedef struct
{
  const char *entity;
  GPtrArray  *pending;
} Pending;

static gboolean
pending_func (Run              *run,
              StwWriteContext  *ctx,
              gpointer          data,
              GError          **error)
{
  Pending *pending = data;

  pending->pending = stw_sync_link_pending_in (ctx, run->account_id, pending->entity, error);
  return pending->pending != NULL;
}

static gboolean
settle_entity (Run          *run,
               const char   *entity,
               GError      **error)
{
  Pending pending = { entity, NULL };
  gboolean ok = TRUE;

  if (!stw_sync_run_write (run, pending_func, &pending, error))
    return FALSE;
  for (guint i = 0; ok && i < pending.pending->len; i++)
    {
      StwSyncLink *link = g_ptr_array_index (pending.pending, i);

      ok = !g_cancellable_set_error_if_cancelled (run->cancellable, error) &&
           push_one (run, entity, link->local_id, error);
    }
  g_ptr_array_unref (pending.pending);
  return ok;
}

/**
 * stw_sync_run_settle:
 *
 * Before anything is pulled: creates sent by an earlier run whose answer
 * never came are found on the server (or sent again), so that the pull
 * does not take what they made for new records of the server's.
 */
gboolean
stw_sync_run_settle (Run      *run,
                     GError  **error)
{
  const char * const *entities = stw_sync_backend_entities (run->backend);

  for (guint i = 0; entities[i] != NULL; i++)
    if (!settle_entity (run, entities[i], error))
      return FALSE;
  if (g_strv_contains (entities, STW_SYNC_TICKET) && !settle_entity (run, STW_SYNC_ENTRY, error))
    return FALSE;
  return TRUE;
}

static gboolean
head_func (Run              *run,
           StwWriteContext  *ctx,
           gpointer          data,
           GError          **error)
{
  gint64 *head = data;

  *head = stw_sync_journal_head_in (ctx, error);
  return *head >= 0;
}

typedef struct
{
  Local *locals;
  guint  n;
} Batch;

static gboolean
read_batch_func (Run              *run,
                 StwWriteContext  *ctx,
                 gpointer          data,
                 GError          **error)
{
  Batch *batch = data;

  for (guint i = 0; i < batch->n; i++)
    if (!read_local_func (run, ctx, &batch->locals[i], error))
      return FALSE;
  return TRUE;
}

/* Records are read this many at a time, in one write each: a first push
 * of a large inventory is mostly records that stay here. */
#define BATCH_SIZE 64

static gboolean
push_entity (Run          *run,
             const char   *entity,
             gint64        after,
             gint64        head,
             GError      **error)
{
  Outbox outbox = { entity, after, head, FALSE, NULL };
  g_autoptr(GError) local_error = NULL;
  Local locals[BATCH_SIZE];
  gboolean ok = TRUE;

  /* When no new local record of this kind can go to the server (RT
   * assets without a catalog), only linked ones are looked at. */
  if (!g_str_equal (entity, STW_SYNC_ENTRY))
    {
      outbox.linked_only = !stw_sync_backend_accepts (run->backend, entity, NULL,
                                                      run->cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!stw_sync_run_write (run, outbox_func, &outbox, error))
    return FALSE;

  for (guint start = 0; ok && start < outbox.dirty->len; start += BATCH_SIZE)
    {
      Batch batch = { locals, MIN (BATCH_SIZE, outbox.dirty->len - start) };

      memset (locals, 0, sizeof locals);
      for (guint i = 0; i < batch.n; i++)
        {
          locals[i].entity = entity;
          locals[i].local_id = ((StwSyncDirty *)g_ptr_array_index (outbox.dirty, start + i))->local_id;
        }

      stw_sync_run_report (run, (double)start / outbox.dirty->len,
                           _("Sending changes to %s… %u of %u"),
                           stw_account_get_name (run->account), start + 1, outbox.dirty->len);
      ok = !g_cancellable_set_error_if_cancelled (run->cancellable, error) &&
           stw_sync_run_write (run, read_batch_func, &batch, error);
      for (guint i = 0; ok && i < batch.n; i++)
        ok = !g_cancellable_set_error_if_cancelled (run->cancellable, error) &&
             push_local (run, &locals[i], error);
      for (guint i = 0; i < batch.n; i++)
        local_clear (&locals[i]);
    }

  g_ptr_array_unref (outbox.dirty);
  return ok;
}

gboolean
stw_sync_run_push (Run          *run,
                   GError      **error)
{
  const char * const *entities = stw_sync_backend_entities (run->backend);
  State state = { "pushed", NULL };
  g_autofree char *mark_text = NULL;
  gint64 mark = 0, head = 0;

  if (!stw_sync_run_write (run, stw_sync_run_get_state_func, &state, error))
    return FALSE;
  mark_text = g_steal_pointer (&state.value);
  if (mark_text != NULL)
    mark = g_ascii_strtoll (mark_text, NULL, 10);
  if (!stw_sync_run_write (run, head_func, &head, error))
    return FALSE;

  for (guint i = 0; entities[i] != NULL; i++)
    if (!push_entity (run, entities[i], mark, head, error))
      return FALSE;
  if (g_strv_contains (entities, STW_SYNC_TICKET) &&
      !push_entity (run, STW_SYNC_ENTRY, mark, head, error))
    return FALSE;

  /* Everything up to head has been sent, refused with a log line, or is
   * held as a conflict (which a resolution journals again). */
  {
    g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, head);

    state.value = value;
    return stw_sync_run_write (run, stw_sync_run_set_state_func, &state, error);
  }
}


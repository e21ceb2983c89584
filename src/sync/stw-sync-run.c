/* stw-sync-run.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-run"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/stw-error.h"
#include "stw-sync-labels.h"
#include "stw-sync-run-private.h"

/* One sync run for one account (DESIGN.md, "Sync"):
 *
 * 1. Pull each entity page by page from the cursor. Each record is merged
 *    three-way against its link's base copy inside one write that also
 *    stores the new link and the log line: a run killed at any point
 *    leaves every record either before or after its merge, never between.
 *    The cursor moves after its page.
 * 2. Carry deletions made on the server (ids it no longer lists).
 * 3. Push what changed here since the push mark, oldest first: updates
 *    with the version the base came from (a stale one is refused by the
 *    server, merged and tried again), creates and deletions. A create is
 *    recorded as pending before it is sent; a pending create whose answer
 *    never came is looked for on the server before it is sent again.
 *    Fields in conflict are not sent until the user has chosen.
 *
 * Everything here runs on the calling thread and waits for the writer. */



typedef struct
{
  Run      *run;
  RunFunc   func;
  gpointer  data;
} RunWrite;

static gboolean
run_write_func (StwWriteContext  *ctx,
                gpointer          user_data,
                GError          **error)
{
  RunWrite *write = user_data;

  return write->func (write->run, ctx, write->data, error);
}

/* One write, of origin "sync": never pushed back, never on the undo
 * stack of the person. */
gboolean
stw_sync_run_write (Run       *run,
                    RunFunc    func,
                    gpointer   data,
                    GError   **error)
{
  RunWrite write = { run, func, data };

  return stw_database_write_sync (run->db, STW_ORIGIN_SYNC, run->description, run_write_func,
                                  &write, NULL, error);
}

void
stw_sync_run_report (Run        *run,
                     double      fraction,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (run->progress == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  run->progress (message, fraction, run->progress_data);
}

gboolean
stw_sync_run_log (Run             *run,
                  StwWriteContext *ctx,
                  const char      *action,
                  const char      *entity,
                  gint64           local_id,
                  const char      *remote_id,
                  const char      *message,
                  GError         **error)
{
  return stw_sync_log_add_in (ctx, run->account_id, run->run, action, entity, local_id,
                              remote_id, message, error);
}

/* What a person calls a record in the log. */
char *
stw_sync_run_describe (const char *entity,
                       JsonObject *local)
{
  const char *name = NULL;

  if (local != NULL)
    {
      if (json_object_has_member (local, "title"))
        name = json_object_get_string_member_with_default (local, "title", NULL);
      else if (json_object_has_member (local, "name"))
        name = json_object_get_string_member_with_default (local, "name", NULL);
      else if (json_object_has_member (local, "body"))
        name = json_object_get_string_member_with_default (local, "body", NULL);
    }
  if (name == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (name, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (name, 0, 59);

      return g_strconcat (start, "…", NULL);
    }
  return g_strdup (name);
}

/**
 * stw_sync_run_labels:
 * @fields: an object whose members are the fields to name, in Steward's
 *   terms, or in the server's with @remote
 *
 * Returns: (transfer full): the fields' labels, as a person reads them,
 *   joined with commas ("Title, Status")
 */
char *
stw_sync_run_labels (Run         *run,
                     const char  *entity,
                     JsonObject  *fields,
                     JsonObject  *local,
                     gboolean     remote)
{
  g_autoptr(JsonObject) ours = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) names = NULL;

  ours = remote ? stw_sync_backend_from_remote (run->backend, entity, fields, local)
                : json_object_ref (fields);
  names = json_object_get_members (ours);
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, stw_sync_field_label (entity, l->data));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * stw_sync_run_mine:
 *
 * The local record in the server's terms, for comparing with the base.
 * A mapping may lose detail (RT's priority 42 is Steward's P3, which goes
 * back as 50): a field whose base value still reads as the local value
 * here has not changed here, and keeps the base's value, so that a sync
 * never rewrites on the server what nobody edited.
 *
 * Returns: (transfer full): the record in the server's terms
 */
JsonObject *
stw_sync_run_mine (Run         *run,
                   const char  *entity,
                   JsonObject  *local,
                   JsonObject  *base)
{
  JsonObject *mine = stw_sync_backend_to_remote (run->backend, entity, local);
  g_autoptr(GList) names = json_object_get_members (mine);

  for (GList *l = names; base != NULL && l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *b = stw_json_member (base, name);
      g_autoptr(JsonObject) one = NULL;
      g_autoptr(JsonObject) back = NULL;
      g_autoptr(GList) fields = NULL;
      gboolean same = TRUE;

      if (b == NULL || stw_json_same (b, json_object_get_member (mine, name)))
        continue;

      one = json_object_new ();
      json_object_set_member (one, name, json_node_copy (b));
      back = stw_sync_backend_from_remote (run->backend, entity, one, local);
      fields = json_object_get_members (back);
      for (GList *f = fields; f != NULL && same; f = f->next)
        same = stw_json_same (json_object_get_member (back, f->data),
                              stw_json_member (local, f->data));
      if (same && fields != NULL)
        json_object_set_member (mine, name, json_node_copy (b));
    }
  return mine;
}

/* ------------------------------------------------------------------------ */
/* Merging a remote record into the store                                   */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char      *entity;
  StwRemoteRecord *record;
  /* Link a record that has no link yet to this local one (a create). */
  gint64           local_id;
  /* The base to merge against instead of the link's (what a push just
   * sent over the old base). */
  JsonObject      *base;
  /* Out: the local id. */
  gint64           result_id;
} Merge;

static gboolean
record_conflicts (Run             *run,
                  StwWriteContext *ctx,
                  Merge           *merge,
                  gint64           local_id,
                  JsonObject      *base,
                  JsonObject      *local,
                  GPtrArray       *conflicts,
                  GError         **error)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      const char *name = g_ptr_array_index (conflicts, i);
      g_autoptr(JsonObject) theirs_remote = json_object_new ();
      g_autoptr(JsonObject) base_remote = json_object_new ();
      g_autoptr(JsonObject) theirs = NULL;
      g_autoptr(JsonObject) was = NULL;
      g_autoptr(GList) fields = NULL;
      JsonNode *b = stw_json_member (base, name);

      json_object_set_member (theirs_remote, name,
                              json_node_copy (json_object_get_member (merge->record->fields, name)));
      json_object_set_member (base_remote, name, b != NULL ? json_node_copy (b) : json_node_new (JSON_NODE_NULL));
      theirs = stw_sync_backend_from_remote (run->backend, merge->entity, theirs_remote, local);
      was = stw_sync_backend_from_remote (run->backend, merge->entity, base_remote, local);

      fields = json_object_get_members (theirs);
      for (GList *l = fields; l != NULL; l = l->next)
        {
          const char *field = l->data;
          g_autofree char *t = json_to_string (json_object_get_member (theirs, field), FALSE);
          g_autofree char *m = NULL;
          g_autofree char *o = NULL;
          JsonNode *mine = stw_json_member (local, field);
          JsonNode *old = stw_json_member (was, field);

          m = mine != NULL ? json_to_string (mine, FALSE) : g_strdup ("null");
          o = old != NULL ? json_to_string (old, FALSE) : g_strdup ("null");
          if (!stw_sync_conflict_add_in (ctx, run->account_id, merge->entity, local_id, field,
                                         o, m, t, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
merge_func (Run              *run,
            StwWriteContext  *ctx,
            gpointer          data,
            GError          **error)
{
  Merge *merge = data;
  StwRemoteRecord *record = merge->record;
  g_autoptr(StwSyncLink) link = NULL;
  g_autoptr(JsonObject) local = NULL;
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(JsonObject) take = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *name = NULL;
  StwSyncLink stored = { 0 };
  gboolean mine_changed = FALSE;
  gint64 local_id;

  link = stw_sync_link_by_remote_in (ctx, run->account_id, merge->entity, record->remote_id,
                                     &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  local_id = link != NULL ? link->local_id : merge->local_id;
  if (local_id != 0)
    {
      local_text = stw_sync_local_read_in (ctx, merge->entity, local_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  local = stw_json_object_parse (local_text);
  base = merge->base != NULL ? json_object_ref (merge->base)
                             : stw_json_object_parse (link != NULL ? link->base : NULL);

  if (local == NULL)
    {
      g_autoptr(JsonObject) fields = NULL;
      g_autofree char *fields_text = NULL;

      /* Deleted here and not yet pushed: the push deletes it there,
       * unless the server changed it since, in which case it comes back
       * here — a deletion never wins over an edit. */
      if (link != NULL && base != NULL)
        {
          g_autoptr(JsonObject) out = stw_sync_merge_outgoing (base, record->fields, NULL);

          if (json_object_get_size (out) == 0)
            {
              merge->result_id = 0;
              return TRUE;
            }
        }

      fields = stw_sync_backend_from_remote (run->backend, merge->entity, record->fields, NULL);
      fields_text = stw_json_object_to_text (fields);
      local_id = stw_sync_local_write_in (ctx, merge->entity, 0, fields_text, error);
      if (local_id == 0)
        return FALSE;

      name = stw_sync_run_describe (merge->entity, fields);
      if (!stw_sync_run_log (run, ctx, link != NULL ? "conflict" : "pulled", merge->entity, local_id,
                             record->remote_id,
                             link != NULL ? _("Deleted here but changed on the server: kept") : name,
                             error))
        return FALSE;
      run->stats->pulled++;
    }
  else
    {
      if (base == NULL)
        base = json_object_ref (record->fields);
      mine = stw_sync_run_mine (run, merge->entity, local, base);
      stw_sync_merge (base, mine, record->fields, &take, &conflicts, &mine_changed);

      if (json_object_get_size (take) > 0)
        {
          g_autoptr(JsonObject) changes = stw_sync_backend_from_remote (run->backend, merge->entity,
                                                                        take, local);
          g_autoptr(JsonObject) differ = stw_sync_merge_outgoing (local, changes, NULL);

          if (json_object_get_size (differ) > 0)
            {
              g_autofree char *differ_text = stw_json_object_to_text (differ);
              g_autofree char *fields = stw_sync_run_labels (run, merge->entity, differ, local,
                                                             FALSE);
              g_autofree char *message = NULL;

              if (stw_sync_local_write_in (ctx, merge->entity, local_id, differ_text, error) == 0)
                return FALSE;

              name = stw_sync_run_describe (merge->entity, local);
              /* TRANSLATORS: a record, then the fields the server changed */
              message = g_strdup_printf (_("%s — changed on the server: %s"), name, fields);
              if (!stw_sync_run_log (run, ctx, mine_changed ? "merged" : "pulled", merge->entity,
                                     local_id, record->remote_id, message, error))
                return FALSE;
              if (mine_changed)
                run->stats->merged++;
              else
                run->stats->pulled++;
            }
        }

      if (conflicts->len > 0)
        {
          g_autoptr(JsonObject) theirs = json_object_new ();
          g_autofree char *message = NULL;
          g_autofree char *fields = NULL;

          for (guint i = 0; i < conflicts->len; i++)
            {
              const char *field = g_ptr_array_index (conflicts, i);

              json_object_set_member (theirs, field,
                                      json_node_copy (json_object_get_member (record->fields, field)));
            }
          fields = stw_sync_run_labels (run, merge->entity, theirs, local, TRUE);
          if (!record_conflicts (run, ctx, merge, local_id, base, local, conflicts, error))
            return FALSE;
          g_clear_pointer (&name, g_free);
          name = stw_sync_run_describe (merge->entity, local);
          message = g_strdup_printf (_("%s: changed here and on the server (%s)"), name, fields);
          if (!stw_sync_run_log (run, ctx, "conflict", merge->entity, local_id, record->remote_id, message,
                                 error))
            return FALSE;
          run->stats->conflicts += conflicts->len;
        }
    }

  /* The base is now the server's record, conflicting fields included:
   * they are held back from pushes until the person has chosen. */
  base_text = stw_json_object_to_text (record->fields);
  stored.id = link != NULL ? link->id : 0;
  stored.local_id = local_id;
  stored.remote_id = record->remote_id;
  stored.etag = record->etag;
  stored.remote_updated = record->updated;
  stored.base = base_text;
  if (!stw_sync_link_put_in (ctx, run->account_id, merge->entity, &stored, error))
    return FALSE;

  merge->result_id = local_id;
  return TRUE;
}

gboolean
stw_sync_run_merge (Run              *run,
                    const char       *entity,
                    StwRemoteRecord  *record,
                    gint64            local_id,
                    JsonObject       *base,
                    gint64           *result_id,
                    GError          **error)
{
  Merge merge = { entity, record, local_id, base, 0 };

  if (!stw_sync_run_write (run, merge_func, &merge, error))
    return FALSE;
  if (result_id != NULL)
    *result_id = merge.result_id;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Pulling                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char  *entity;
  const char  *remote_id;
  StwSyncLink *link;
} LinkQuery;

static gboolean
read_link_func (Run              *run,
                StwWriteContext  *ctx,
                gpointer          data,
                GError          **error)
{
  LinkQuery *query = data;
  g_autoptr(GError) local_error = NULL;

  query->link = stw_sync_link_by_remote_in (ctx, run->account_id, query->entity,
                                            query->remote_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64      ticket_id;
  GPtrArray  *entries;    /* StwRemoteRecord */
} Entries;

static gboolean
entries_func (Run              *run,
              StwWriteContext  *ctx,
              gpointer          data,
              GError          **error)
{
  Entries *entries = data;

  for (guint i = 0; i < entries->entries->len; i++)
    {
      StwRemoteRecord *record = g_ptr_array_index (entries->entries, i);
      g_autoptr(StwSyncLink) link = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) fields = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      StwSyncLink stored = { 0 };
      gint64 id;

      link = stw_sync_link_by_remote_in (ctx, run->account_id, STW_SYNC_ENTRY, record->remote_id,
                                         &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (link != NULL || record->fields == NULL)
        continue;

      fields = stw_sync_backend_from_remote (run->backend, STW_SYNC_ENTRY, record->fields, NULL);
      json_object_set_int_member (fields, "ticket", entries->ticket_id);
      text = stw_json_object_to_text (fields);
      id = stw_sync_local_write_in (ctx, STW_SYNC_ENTRY, 0, text, error);
      if (id == 0)
        return FALSE;

      stored.local_id = id;
      stored.remote_id = record->remote_id;
      stored.etag = record->etag;
      stored.remote_updated = record->updated;
      if (!stw_sync_link_put_in (ctx, run->account_id, STW_SYNC_ENTRY, &stored, error))
        return FALSE;
      name = stw_sync_run_describe (STW_SYNC_ENTRY, fields);
      if (!stw_sync_run_log (run, ctx, "pulled", STW_SYNC_ENTRY, id, record->remote_id, name, error))
        return FALSE;
    }
  return TRUE;
}

/* One listed record of a page: what the server said about it, and what
 * the network part of the page fetched for it. */
typedef struct
{
  StwRemoteRecord *listed;    /* owned by the page's list */
  StwRemoteRecord *fetched;   /* NULL: unchanged here, or gone there */
  GPtrArray       *entries;   /* a ticket's entries, or NULL */
} Item;

typedef struct
{
  const char *entity;
  Item       *items;
  guint       n_items;
  State      *cursor;         /* stored with the page */
  guint       refused;
} Page;

static gboolean
page_links_func (Run              *run,
                 StwWriteContext  *ctx,
                 gpointer          data,
                 GError          **error)
{
  Page *page = data;

  for (guint i = 0; i < page->n_items; i++)
    {
      Item *item = &page->items[i];
      LinkQuery query = { page->entity, item->listed->remote_id, NULL };
      g_autoptr(StwSyncLink) link = NULL;

      if (!read_link_func (run, ctx, &query, error))
        return FALSE;
      link = query.link;

      /* Already merged at this version: a page of an interrupted run, or
       * the ">=" of the cursor. Nothing to fetch. */
      if (link != NULL && link->remote_updated != NULL && item->listed->updated != NULL &&
          g_str_equal (link->remote_updated, item->listed->updated) &&
          (item->listed->etag == NULL || g_strcmp0 (link->etag, item->listed->etag) == 0))
        item->listed = NULL;
    }
  return TRUE;
}

typedef struct
{
  Run  *run;
  Page *page;
  Item *item;
} Apply;

static gboolean
apply_item_func (StwWriteContext  *ctx,
                 gpointer          data,
                 GError          **error)
{
  Apply *apply = data;
  Item *item = apply->item;
  Merge merge = { apply->page->entity, item->fetched, 0, NULL, 0 };

  if (!merge_func (apply->run, ctx, &merge, error))
    return FALSE;
  if (item->entries != NULL && item->entries->len > 0 && merge.result_id != 0)
    {
      Entries entries = { merge.result_id, item->entries };

      return entries_func (apply->run, ctx, &entries, error);
    }
  return TRUE;
}

/* Everything a page brought, and the cursor after it, in one write. A
 * record Steward cannot store (a value it has no place for) is left out
 * with a log line; the others go in. */
static gboolean
page_apply_func (Run              *run,
                 StwWriteContext  *ctx,
                 gpointer          data,
                 GError          **error)
{
  Page *page = data;

  for (guint i = 0; i < page->n_items; i++)
    {
      Apply apply = { run, page, &page->items[i] };
      g_autoptr(GError) local_error = NULL;

      if (page->items[i].fetched == NULL)
        continue;
      if (stw_write_context_try (ctx, apply_item_func, &apply, &local_error))
        continue;
      if (local_error->domain != STW_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      page->refused++;
      if (!stw_sync_run_log (run, ctx, "refused", page->entity, 0,
                             page->items[i].fetched->remote_id, local_error->message, error))
        return FALSE;
    }

  if (page->cursor->value == NULL)
    return TRUE;
  return stw_sync_run_set_state_func (run, ctx, page->cursor, error);
}

/* The network part of a page: each changed record in full, and a
 * ticket's entries. No write waits on the network. */
static gboolean
fetch_page (Run          *run,
            Page         *page,
            GError      **error)
{
  for (guint i = 0; i < page->n_items; i++)
    {
      Item *item = &page->items[i];
      g_autoptr(GError) local_error = NULL;

      if (item->listed == NULL)
        continue;
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;

      /* Listed whole: nothing to ask for. */
      if (item->listed->fields != NULL && item->listed->etag != NULL)
        item->fetched = stw_remote_record_copy (item->listed);
      else
        item->fetched = stw_sync_backend_fetch (run->backend, page->entity,
                                                item->listed->remote_id, run->cancellable,
                                                &local_error);
      if (item->fetched == NULL)
        {
          /* Deleted between the listing and now: the sweep sees to it. */
          if (g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (g_str_equal (page->entity, STW_SYNC_TICKET))
        {
          item->entries = stw_sync_backend_fetch_entries (run->backend, item->fetched->remote_id,
                                                          run->cancellable, error);
          if (item->entries == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

static void
page_clear (Page *page)
{
  for (guint i = 0; i < page->n_items; i++)
    {
      g_clear_pointer (&page->items[i].fetched, stw_remote_record_free);
      g_clear_pointer (&page->items[i].entries, g_ptr_array_unref);
    }
  g_free (page->items);
  page->items = NULL;
}

gboolean
stw_sync_run_get_state_func (Run              *run,
                             StwWriteContext  *ctx,
                             gpointer          data,
                             GError          **error)
{
  State *state = data;
  g_autoptr(GError) local_error = NULL;

  state->value = stw_sync_state_get_in (ctx, run->account_id, state->key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
stw_sync_run_set_state_func (Run              *run,
                             StwWriteContext  *ctx,
                             gpointer          data,
                             GError          **error)
{
  State *state = data;

  return stw_sync_state_set_in (ctx, run->account_id, state->key, state->value, error);
}

static gboolean
pull_entity (Run          *run,
             const char   *entity,
             GError      **error)
{
  g_autofree char *key = g_strconcat ("cursor:", entity, NULL);
  State state = { key, NULL };
  g_autofree char *cursor = NULL;
  gboolean more = TRUE;
  guint done = 0;

  if (!stw_sync_run_write (run, stw_sync_run_get_state_func, &state, error))
    return FALSE;
  cursor = g_steal_pointer (&state.value);

  while (more)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *next = NULL;

      if (g_str_equal (entity, STW_SYNC_ASSET))
        stw_sync_run_report (run, -1, _("Reading assets from %s… %u so far"),
                             stw_account_get_name (run->account), done);
      else
        stw_sync_run_report (run, -1, _("Reading tickets from %s… %u so far"),
                             stw_account_get_name (run->account), done);

      if (!stw_sync_backend_pull_page (run->backend, entity, cursor, &records, &next, &more,
                                       run->cancellable, error))
        return FALSE;

      {
        Page page = { entity, g_new0 (Item, records->len), records->len, &state, 0 };
        gboolean ok;

        for (guint i = 0; i < records->len; i++)
          page.items[i].listed = g_ptr_array_index (records, i);
        state.value = next != NULL && g_strcmp0 (next, cursor) != 0 ? next : NULL;

        ok = stw_sync_run_write (run, page_links_func, &page, error) &&
             fetch_page (run, &page, error) &&
             stw_sync_run_write (run, page_apply_func, &page, error);
        run->stats->refused += page.refused;
        page_clear (&page);
        if (!ok)
          return FALSE;
        done += records->len;
      }

      if (state.value != NULL)
        {
          g_free (cursor);
          cursor = g_steal_pointer (&next);
        }
      else if (records->len == 0)
        break;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The run                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
start_func (Run              *run,
            StwWriteContext  *ctx,
            gpointer          data,
            GError          **error)
{
  run->run = stw_sync_log_start_in (ctx, run->account_id, error);
  return run->run != 0;
}

static gboolean
finish_func (Run              *run,
             StwWriteContext  *ctx,
             gpointer          data,
             GError          **error)
{
  const GError *failure = data;
  g_autofree char *summary = NULL;

  if (failure != NULL)
    return stw_sync_run_log (run, ctx, "error", NULL, 0, NULL, failure->message, error);

  summary = g_strdup_printf (_("%u read, %u sent, %u created, %u merged, %u conflicts, "
                               "%u deleted, %u refused; %u requests"),
                             run->stats->pulled, run->stats->pushed, run->stats->created,
                             run->stats->merged, run->stats->conflicts, run->stats->deleted,
                             run->stats->refused, run->stats->requests);
  return stw_sync_run_log (run, ctx, "done", NULL, 0, NULL, summary, error);
}

static gboolean
run_steps (Run      *run,
           GError  **error)
{
  const char * const *entities = stw_sync_backend_entities (run->backend);

  stw_sync_run_report (run, -1, _("Connecting to %s…"), stw_account_get_name (run->account));
  if (!stw_sync_backend_check (run->backend, NULL, run->cancellable, error) ||
      !stw_sync_run_settle (run, error))
    return FALSE;

  for (guint i = 0; entities[i] != NULL; i++)
    if (!pull_entity (run, entities[i], error) ||
        !stw_sync_run_sweep (run, entities[i], error))
      return FALSE;

  return stw_sync_run_push (run, error);
}

gboolean
stw_sync_run (StwDatabase          *db,
              StwAccount           *account,
              StwSyncBackend       *backend,
              StwSyncProgressFunc   progress,
              gpointer              progress_data,
              StwSyncStats         *stats,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  StwSyncStats own_stats = { 0 };
  Run run = { 0 };
  StwHttp *http;
  guint requests_before = 0;
  gboolean ok;

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (STW_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (STW_IS_SYNC_BACKEND (backend), FALSE);

  run.db = db;
  run.account = account;
  run.account_id = stw_account_get_id (account);
  run.backend = backend;
  run.cancellable = cancellable;
  run.stats = stats != NULL ? stats : &own_stats;
  run.progress = progress;
  run.progress_data = progress_data;
  run.description = g_strdup_printf (_("Sync with %s"), stw_account_get_name (account));
  memset (run.stats, 0, sizeof *run.stats);

  http = stw_sync_backend_get_http (backend);
  if (http != NULL)
    requests_before = stw_http_get_request_count (http);

  ok = stw_sync_run_write (&run, start_func, NULL, &local_error) && run_steps (&run, &local_error);

  if (http != NULL)
    run.stats->requests = stw_http_get_request_count (http) - requests_before;

  /* The end of the run goes to the log and the account, failed or not. */
  stw_sync_run_write (&run, finish_func, ok ? NULL : local_error, NULL);
  stw_account_repo_set_result_sync (db, run.account_id, ok ? g_get_real_time () : 0,
                                    ok ? NULL : local_error->message, NULL);
  if (ok)
    stw_sync_run_report (&run, 1, "%s", _("Up to date"));
  else
    stw_sync_run_report (&run, 1, "%s", local_error->message);

  g_free (run.description);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/* stw-ticket-timeline.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "core/stw-time.h"
#include "stw-database-private.h"
#include "stw-ticket-timeline.h"

/*
 * A ticket's timeline: what was written on it (comments, internal notes,
 * work log) and what happened to it (its history in the journal, assets
 * linked and unlinked), as one list, the oldest first, the way a
 * conversation reads.
 *
 * Entries are read from their table, so an undone comment is gone from
 * the timeline as it is from the ticket; changes come from the journal,
 * where an undo is a change of its own.
 */

struct _StwTimelineItem
{
  GObject          parent_instance;

  StwTimelineKind  kind;
  gint64           usec;
  guint            seq;      /* keeps the order of things at the same time */
  GDateTime       *time;
  char            *author;
  StwOrigin        origin;
  char            *text;
  int              minutes;
  gint64           id;
  StwChange       *change;
};

G_DEFINE_FINAL_TYPE (StwTimelineItem, stw_timeline_item, G_TYPE_OBJECT)

/* Columns that follow from others (the status sets the times a ticket
 * was answered, resolved and closed) or that only order the board: the
 * timeline shows the change that caused them. */
static const char * const quiet_columns[] = {
  "rank", "first_response", "resolved", "closed",
};

/* ------------------------------------------------------------------------ */

static gint64
usec_of (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static StwTimelineItem *
item_new (StwTimelineKind kind,
          gint64          usec,
          GPtrArray      *items)
{
  StwTimelineItem *item = g_object_new (STW_TYPE_TIMELINE_ITEM, NULL);

  item->kind = kind;
  item->usec = usec;
  item->time = stw_time_from_usec_local (usec);
  item->seq = items->len;
  item->origin = STW_ORIGIN_USER;
  g_ptr_array_add (items, item);

  return item;
}

static gboolean
is_quiet (StwChange *change)
{
  const char *column = stw_change_get_column (change);

  for (guint i = 0; column != NULL && i < G_N_ELEMENTS (quiet_columns); i++)
    if (g_strcmp0 (column, quiet_columns[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
read_entries (StwDatabase  *db,
              gint64        ticket_id,
              GPtrArray    *items,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* With no author chosen, the person who wrote it is the one whose
   * account made the change. */
  stmt = stw_database_prepare_read (db,
                                    "SELECT e.id, e.kind, e.body, e.minutes, e.created, "
                                    "coalesce (p.name, (SELECT b.author FROM journal j "
                                    "  JOIN batches b ON b.id = j.batch "
                                    "  WHERE j.entity = 'ticket-entry' AND j.entity_id = e.id "
                                    "  AND j.op = 'insert' ORDER BY j.id LIMIT 1)) "
                                    "FROM ticket_entries e "
                                    "LEFT JOIN people p ON p.id = e.author_id "
                                    "WHERE e.ticket_id = ? ORDER BY e.created, e.id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = stw_sql_column_text (stmt, 1);
      StwTimelineKind timeline_kind = STW_TIMELINE_COMMENT;
      StwTimelineItem *item;

      if (g_strcmp0 (kind, stw_ticket_entry_kind_to_key (STW_TICKET_ENTRY_INTERNAL)) == 0)
        timeline_kind = STW_TIMELINE_INTERNAL;
      else if (g_strcmp0 (kind, stw_ticket_entry_kind_to_key (STW_TICKET_ENTRY_WORK)) == 0)
        timeline_kind = STW_TIMELINE_WORK;

      item = item_new (timeline_kind, sqlite3_column_int64 (stmt, 4), items);
      item->id = sqlite3_column_int64 (stmt, 0);
      item->text = g_strdup (stw_sql_column_text (stmt, 2));
      item->minutes = sqlite3_column_int (stmt, 3);
      item->author = g_strdup (stw_sql_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return stw_sql_set_error (stw_database_get_reader (db), rc, error);

  return TRUE;
}

static gboolean
read_changes (StwDatabase  *db,
              gint64        ticket_id,
              GPtrArray    *items,
              GError      **error)
{
  g_autoptr(GListModel) changes = stw_journal_list_changes (db, STW_ENTITY_TICKET, ticket_id,
                                                            error);
  guint n;

  if (changes == NULL)
    return FALSE;

  /* The journal gives the newest first. */
  n = g_list_model_get_n_items (changes);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(StwChange) change = g_list_model_get_item (changes, i - 1);
      StwTimelineItem *item;

      if (is_quiet (change))
        continue;

      item = item_new (STW_TIMELINE_CHANGE, usec_of (stw_change_get_time (change)), items);
      item->author = g_strdup (stw_change_get_author (change));
      item->origin = stw_change_get_origin (change);
      item->change = g_steal_pointer (&change);
    }

  return TRUE;
}

static gboolean
read_links (StwDatabase  *db,
            gint64        ticket_id,
            GPtrArray    *items,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_database_prepare_read (db,
                                    "SELECT j.op, j.time, j.origin, b.author, "
                                    "json_extract (coalesce (j.new, j.old), '$.asset_id'), "
                                    "a.tag, a.name "
                                    "FROM journal j JOIN batches b ON b.id = j.batch "
                                    "LEFT JOIN assets a ON a.id = "
                                    "json_extract (coalesce (j.new, j.old), '$.asset_id') "
                                    "WHERE j.entity = 'ticket-asset' "
                                    "AND json_extract (coalesce (j.new, j.old), '$.ticket_id') = ? "
                                    "ORDER BY j.id",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *op = stw_sql_column_text (stmt, 0);
      const char *tag = stw_sql_column_text (stmt, 5);
      const char *name = stw_sql_column_text (stmt, 6);
      StwTimelineItem *item;

      if (g_strcmp0 (op, "insert") != 0 && g_strcmp0 (op, "delete") != 0)
        continue;

      item = item_new (g_strcmp0 (op, "insert") == 0 ? STW_TIMELINE_LINKED
                                                     : STW_TIMELINE_UNLINKED,
                       sqlite3_column_int64 (stmt, 1), items);
      item->origin = stw_origin_from_key (stw_sql_column_text (stmt, 2));
      item->author = g_strdup (stw_sql_column_text (stmt, 3));
      item->id = sqlite3_column_int64 (stmt, 4);
      if (tag == NULL && name == NULL)
        /* Translators: an asset in a ticket's history that was since deleted */
        item->text = g_strdup (_("(deleted asset)"));
      else if (tag == NULL || name == NULL)
        item->text = g_strdup (tag != NULL ? tag : name);
      else
        /* Translators: an asset's tag and name, as in “LT-0042 · Laptop Anna” */
        item->text = g_strdup_printf (_("%s · %s"), tag, name);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return stw_sql_set_error (stw_database_get_reader (db), rc, error);

  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const StwTimelineItem *x = *(StwTimelineItem * const *)a;
  const StwTimelineItem *y = *(StwTimelineItem * const *)b;

  if (x->usec != y->usec)
    return x->usec < y->usec ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_timeline_item_finalize (GObject *object)
{
  StwTimelineItem *self = (StwTimelineItem *)object;

  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_object (&self->change);
  g_free (self->author);
  g_free (self->text);

  G_OBJECT_CLASS (stw_timeline_item_parent_class)->finalize (object);
}

static void
stw_timeline_item_class_init (StwTimelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_timeline_item_finalize;
}

static void
stw_timeline_item_init (StwTimelineItem *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

StwTimelineKind
stw_timeline_item_get_kind (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), STW_TIMELINE_CHANGE);
  return self->kind;
}

/**
 * stw_timeline_item_get_time:
 *
 * Returns: (transfer none): when it happened, in local time
 */
GDateTime *
stw_timeline_item_get_time (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), NULL);
  return self->time;
}

/**
 * stw_timeline_item_get_author:
 *
 * Returns: (nullable): who wrote it or made the change
 */
const char *
stw_timeline_item_get_author (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), NULL);
  return self->author;
}

StwOrigin
stw_timeline_item_get_origin (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), STW_ORIGIN_USER);
  return self->origin;
}

/**
 * stw_timeline_item_get_text:
 *
 * Returns: (nullable): what was written, for comments, notes and work;
 *   the asset, for links; %NULL for changes (see the #StwChange)
 */
const char *
stw_timeline_item_get_text (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), NULL);
  return self->text;
}

/* The minutes spent, for work; 0 for anything else. */
int
stw_timeline_item_get_minutes (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), 0);
  return self->minutes;
}

/* The entry's id, for what was written; the asset's, for links. */
gint64
stw_timeline_item_get_id (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), 0);
  return self->id;
}

/**
 * stw_timeline_item_get_change:
 *
 * Returns: (transfer none) (nullable): the change, for
 *   %STW_TIMELINE_CHANGE
 */
StwChange *
stw_timeline_item_get_change (StwTimelineItem *self)
{
  g_return_val_if_fail (STW_IS_TIMELINE_ITEM (self), NULL);
  return self->change;
}

/**
 * stw_ticket_timeline_list:
 *
 * Everything that happened on the ticket, the oldest first. Changes of
 * times the status sets (first response, resolved, closed) and of the
 * order on the board are left out; the status change is there.
 *
 * Returns: (transfer full): the #StwTimelineItem list, or %NULL with
 *   @error set
 */
GListModel *
stw_ticket_timeline_list (StwDatabase  *db,
                          gint64        ticket_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  if (!read_changes (db, ticket_id, items, error) ||
      !read_entries (db, ticket_id, items, error) ||
      !read_links (db, ticket_id, items, error))
    return NULL;

  g_ptr_array_sort (items, compare_items);

  store = g_list_store_new (STW_TYPE_TIMELINE_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/**
 * stw_ticket_timeline_total_minutes:
 *
 * Returns: the time worked on the ticket, in minutes, from its work log
 */
gint64
stw_ticket_timeline_total_minutes (StwDatabase *db,
                                   gint64       ticket_id)
{
  sqlite3_stmt *stmt;
  gint64 total = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);

  stmt = stw_database_prepare_read (db, "SELECT coalesce (sum (minutes), 0) FROM ticket_entries "
                                        "WHERE ticket_id = ? AND kind = 'work'", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return total;
}

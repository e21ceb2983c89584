/* stw-ticket-query-model.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-query-model"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "stw-asset-query.h"
#include "stw-preferences-repo.h"
#include "stw-repo-private.h"
#include "stw-ticket-query-model.h"
#include "stw-ticket-repo.h"

/*
 * The tickets of a list or a board column, as the "Lists at scale" rules
 * want them (see DESIGN.md): the query (scope, filters, search, sort) runs
 * in SQL on a thread and its connection of its own, and gives the ordered
 * ids; a ticket is read only when get_item() asks, a page of 64 at a
 * time, and kept in a bounded cache.
 *
 * When the store changes, the query runs again and the model tells of the
 * one run of rows that differs (a card moved to another column is one
 * row removed from one model and one added to another), and the tickets
 * it holds take their stored values, notifying what changed.
 */

#define PAGE_SIZE   64
#define CACHE_LIMIT 1024

struct _StwTicketQueryModel
{
  GObject       parent_instance;

  StwDatabase  *db;
  sqlite3      *conn;        /* used by one query at a time */

  /* The query */
  char         *search;
  StwTicketScope scope;
  int           type;        /* -1: any */
  int           status;      /* -1: any */
  char         *queue;       /* NULL: any */
  int           priority;    /* 0: any */
  StwTicketSort sort;
  StwSortDirection direction;
  gint64        now;         /* 0: the time the query runs */

  GArray       *ids;
  GHashTable   *cache;       /* id → StwTicket */
  guint         run_source;
  gboolean      running;
  gboolean      again;       /* asked to run while running */
  gboolean      stale;       /* the cached tickets may differ from the store */
  gboolean      loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwTicketQueryModel, stw_ticket_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const scope_labels[] = {
  N_("Open"), N_("My Tickets"), N_("Unassigned"), N_("Breached or at Risk"), N_("All"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (scope_labels) == STW_N_TICKET_SCOPES);

const char *
stw_ticket_scope_label (StwTicketScope scope)
{
  g_return_val_if_fail (scope < STW_N_TICKET_SCOPES, NULL);
  return _(scope_labels[scope]);
}

/* ------------------------------------------------------------------------ */
/* The query, on a thread                                                   */
/* ------------------------------------------------------------------------ */

typedef struct
{
  StwTicketQueryModel *model;   /* held by the callback's data, not here */
  char   *sql;
  char   *match;
  gint64  me;
  char   *type;
  char   *status;
  char   *queue;
  int     priority;
  gint64  now;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->sql);
  g_free (query->match);
  g_free (query->type);
  g_free (query->status);
  g_free (query->queue);
  g_free (query);
}

/* The sort: the keys, then the id in the same direction, as the indexes
 * have them, so a sort is read from an index and not sorted again. */
static void
append_order (GString          *sql,
              StwTicketSort     sort,
              StwSortDirection  direction)
{
  const char *dir = direction == STW_SORT_DESCENDING ? " DESC" : " ASC";

  switch (sort)
    {
    case STW_TICKET_SORT_ID:
      g_string_append_printf (sql, "t.id%s", dir);
      break;
    case STW_TICKET_SORT_TITLE:
      g_string_append_printf (sql, "t.title COLLATE NOCASE%s, t.id%s", dir, dir);
      break;
    case STW_TICKET_SORT_PRIORITY:
      g_string_append_printf (sql, "t.priority%s, t.id%s", dir, dir);
      break;
    case STW_TICKET_SORT_STATUS:
      g_string_append_printf (sql, "t.status%s, t.id%s", dir, dir);
      break;
    case STW_TICKET_SORT_SLA:
      g_string_append_printf (sql, "t.sla_due IS NULL, t.sla_due%s, t.id%s", dir, dir);
      break;
    case STW_TICKET_SORT_ASSIGNEE:
      g_string_append_printf (sql, "a.name IS NULL, a.name COLLATE NOCASE%s, t.id%s", dir, dir);
      break;
    case STW_TICKET_SORT_QUEUE:
      g_string_append_printf (sql, "t.queue IS NULL, t.queue COLLATE NOCASE%s, t.id%s", dir,
                              dir);
      break;
    case STW_TICKET_SORT_RANK:
      g_string_append_printf (sql, "t.rank%s, t.id%s", dir, dir);
      break;
    case STW_TICKET_SORT_UPDATED:
    default:
      g_string_append_printf (sql, "t.updated%s, t.id%s", dir, dir);
      break;
    }
}

static Query *
build_query (StwTicketQueryModel *self)
{
  Query *query = g_new0 (Query, 1);
  g_autoptr(GString) sql = g_string_new ("SELECT t.id FROM tickets t ");

  if (self->sort == STW_TICKET_SORT_ASSIGNEE)
    g_string_append (sql, "LEFT JOIN people a ON a.id = t.assignee_id ");
  g_string_append (sql, "WHERE 1 ");

  if (self->scope != STW_TICKET_SCOPE_ALL)
    g_string_append (sql, "AND t." STW_TICKET_OPEN_SQL " ");

  switch (self->scope)
    {
    case STW_TICKET_SCOPE_MINE:
      query->me = stw_preferences_repo_get_me (self->db);
      g_string_append (sql, "AND t.assignee_id = ?2 ");
      break;

    case STW_TICKET_SCOPE_UNASSIGNED:
      g_string_append (sql, "AND t.assignee_id IS NULL ");
      break;

    case STW_TICKET_SCOPE_AT_RISK:
      g_string_append (sql, "AND t.sla_risk <= ?7 ");
      break;

    case STW_TICKET_SCOPE_OPEN:
    case STW_TICKET_SCOPE_ALL:
    default:
      break;
    }

  query->match = stw_asset_query_build_match (self->search);
  if (query->match != NULL)
    g_string_append (sql, "AND t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?1 "
                          "UNION SELECT e.ticket_id FROM ticket_entries e WHERE e.id IN "
                          "(SELECT rowid FROM ticket_entries_fts "
                          " WHERE ticket_entries_fts MATCH ?1)) ");
  if (self->type >= 0)
    {
      query->type = g_strdup (stw_ticket_type_to_key (self->type));
      g_string_append (sql, "AND t.type = ?3 ");
    }
  if (self->status >= 0)
    {
      query->status = g_strdup (stw_ticket_status_to_key (self->status));
      g_string_append (sql, "AND t.status = ?4 ");
    }
  if (self->queue != NULL)
    {
      query->queue = g_strdup (self->queue);
      g_string_append (sql, "AND t.queue = ?5 COLLATE NOCASE ");
    }
  if (self->priority > 0)
    {
      query->priority = self->priority;
      g_string_append (sql, "AND t.priority = ?6 ");
    }

  g_string_append (sql, "ORDER BY ");
  append_order (sql, self->sort, self->direction);
  query->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  query->now = self->now != 0 ? self->now : g_get_real_time ();
  return query;
}

static void
run_query_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Query *query = task_data;
  StwTicketQueryModel *self = query->model;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->conn, query->sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (self->conn, rc, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  stw_sql_bind_text (stmt, 1, query->match);
  sqlite3_bind_int64 (stmt, 2, query->me);
  stw_sql_bind_text (stmt, 3, query->type);
  stw_sql_bind_text (stmt, 4, query->status);
  stw_sql_bind_text (stmt, 5, query->queue);
  sqlite3_bind_int (stmt, 6, query->priority);
  sqlite3_bind_int64 (stmt, 7, query->now);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    stw_sql_set_error (self->conn, rc, &error);
  sqlite3_finalize (stmt);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
}

/* ------------------------------------------------------------------------ */
/* Applying a result                                                        */
/* ------------------------------------------------------------------------ */

static void
set_loading (StwTicketQueryModel *self,
             gboolean             loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The cached tickets take their stored values; those gone are dropped. */
static void
refresh_cache (StwTicketQueryModel *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);

  for (guint start = 0; start < ids->len; start += PAGE_SIZE)
    {
      guint n = MIN (PAGE_SIZE, ids->len - start);
      g_autoptr(GPtrArray) tickets = NULL;

      tickets = stw_ticket_repo_load_many (self->db, &g_array_index (ids, gint64, start), n,
                                           NULL);
      if (tickets == NULL)
        continue;

      for (guint i = 0; i < tickets->len; i++)
        {
          StwTicket *fresh = g_ptr_array_index (tickets, i);
          gint64 id = stw_ticket_get_value (fresh, STW_TICKET_VALUE_ID);
          StwTicket *cached = g_hash_table_lookup (self->cache, &id);

          if (cached != NULL)
            stw_ticket_update_from (cached, fresh);
        }

      for (guint i = 0; i < n; i++)
        {
          gint64 *id = &g_array_index (ids, gint64, start + i);
          gboolean seen = FALSE;

          for (guint j = 0; j < tickets->len && !seen; j++)
            seen = stw_ticket_get_value (g_ptr_array_index (tickets, j),
                                         STW_TICKET_VALUE_ID) == *id;
          if (!seen)
            g_hash_table_remove (self->cache, id);
        }
    }
}

static void
apply_ids (StwTicketQueryModel *self,
           GArray              *ids)
{
  guint old_n = self->ids->len;
  guint new_n = ids->len;
  guint prefix = 0, suffix = 0;
  const gint64 *old_ids = (const gint64 *) self->ids->data;
  const gint64 *new_ids = (const gint64 *) ids->data;

  while (prefix < old_n && prefix < new_n && old_ids[prefix] == new_ids[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         old_ids[old_n - 1 - suffix] == new_ids[new_n - 1 - suffix])
    suffix++;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  if (self->stale)
    {
      self->stale = FALSE;
      refresh_cache (self);
    }

  if (prefix + suffix < MAX (old_n, new_n))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                new_n - prefix - suffix);
}

static void schedule_run (StwTicketQueryModel *self);
static void start_run (StwTicketQueryModel *self);

/* The model is held by this callback's data, so its last reference goes
 * on the main thread, never with the task on a worker. */
static void
run_query_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StwTicketQueryModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  self->running = FALSE;
  ids = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->again)
    {
      self->again = FALSE;
      start_run (self);
      return;
    }

  if (ids == NULL)
    {
      /* A damaged index or a bad search: the list shows what it had. */
      g_warning ("The tickets cannot be listed: %s", error->message);
      set_loading (self, FALSE);
      return;
    }

  apply_ids (self, ids);
  set_loading (self, FALSE);
}

static void
start_run (StwTicketQueryModel *self)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  self->running = TRUE;
  set_loading (self, TRUE);
  query = build_query (self);
  query->model = self;
  task = g_task_new (NULL, NULL, run_query_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, query, query_free);
  g_task_run_in_thread (task, run_query_thread);
}

static gboolean
run_idle_cb (gpointer data)
{
  StwTicketQueryModel *self = data;

  self->run_source = 0;
  start_run (self);
  return G_SOURCE_REMOVE;
}

/* Settings often change together: the query runs once, when idle. */
static void
schedule_run (StwTicketQueryModel *self)
{
  set_loading (self, TRUE);
  if (self->run_source == 0)
    self->run_source = g_idle_add_full (G_PRIORITY_DEFAULT, run_idle_cb, self, NULL);
}

static void
database_changed_cb (StwTicketQueryModel *self,
                     StwEntity            entities,
                     StwDatabase         *db)
{
  if ((entities & (STW_ENTITY_TICKET | STW_ENTITY_PERSON)) == 0)
    return;

  self->stale = TRUE;
  schedule_run (self);
}

/* ------------------------------------------------------------------------ */
/* GListModel                                                               */
/* ------------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return STW_TYPE_TICKET;
}

static guint
get_n_items (GListModel *model)
{
  return STW_TICKET_QUERY_MODEL (model)->ids->len;
}

/* Lets go of the tickets only the cache holds. */
static void
trim_cache (StwTicketQueryModel *self)
{
  GHashTableIter iter;
  gpointer value;

  if (g_hash_table_size (self->cache) < CACHE_LIMIT)
    return;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (G_OBJECT (value)->ref_count == 1)
      g_hash_table_iter_remove (&iter);
}

static void
load_page (StwTicketQueryModel *self,
           guint                position)
{
  gint64 page[PAGE_SIZE];
  guint n = 0;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;

  trim_cache (self);

  for (guint i = position; i < self->ids->len && n < PAGE_SIZE; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->cache, &id))
        page[n++] = id;
    }

  tickets = stw_ticket_repo_load_many (self->db, page, n, &error);
  if (tickets == NULL)
    {
      g_warning ("Tickets cannot be read: %s", error->message);
      return;
    }

  for (guint i = 0; i < tickets->len; i++)
    {
      StwTicket *ticket = g_ptr_array_index (tickets, i);
      gint64 *key = g_new (gint64, 1);

      *key = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
      g_hash_table_replace (self->cache, key, g_object_ref (ticket));
    }
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StwTicketQueryModel *self = STW_TICKET_QUERY_MODEL (model);
  StwTicket *ticket;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  ticket = g_hash_table_lookup (self->cache, &id);
  if (ticket == NULL)
    {
      load_page (self, position);
      ticket = g_hash_table_lookup (self->cache, &id);
    }

  /* A ticket deleted since the query ran: a placeholder until the next
   * run drops it (very soon: the delete changed the store). */
  if (ticket == NULL)
    {
      ticket = stw_ticket_new (STW_TICKET_TYPE_INCIDENT);
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_ID, id);
      return ticket;
    }

  return g_object_ref (ticket);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_ticket_query_model_dispose (GObject *object)
{
  StwTicketQueryModel *self = (StwTicketQueryModel *)object;

  g_clear_handle_id (&self->run_source, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);

  G_OBJECT_CLASS (stw_ticket_query_model_parent_class)->dispose (object);
}

static void
stw_ticket_query_model_finalize (GObject *object)
{
  StwTicketQueryModel *self = (StwTicketQueryModel *)object;

  g_clear_pointer (&self->conn, sqlite3_close);
  g_clear_object (&self->db);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->search);
  g_free (self->queue);

  G_OBJECT_CLASS (stw_ticket_query_model_parent_class)->finalize (object);
}

static void
stw_ticket_query_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StwTicketQueryModel *self = STW_TICKET_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_ticket_query_model_class_init (StwTicketQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_ticket_query_model_dispose;
  object_class->finalize = stw_ticket_query_model_finalize;
  object_class->get_property = stw_ticket_query_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_ticket_query_model_init (StwTicketQueryModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->type = -1;
  self->status = -1;
  self->sort = STW_TICKET_SORT_UPDATED;
  self->direction = STW_SORT_DESCENDING;
}

/**
 * stw_ticket_query_model_new:
 *
 * Returns: (transfer full): the open tickets, the last updated first; the
 *   query runs when the main loop is next idle
 */
StwTicketQueryModel *
stw_ticket_query_model_new (StwDatabase *db)
{
  StwTicketQueryModel *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_TICKET_QUERY_MODEL, NULL);
  self->db = g_object_ref (db);
  self->conn = stw_database_open_reader (db, &error);
  if (self->conn == NULL)
    g_warning ("No connection for the ticket list: %s", error->message);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  schedule_run (self);
  return self;
}

StwDatabase *
stw_ticket_query_model_get_database (StwTicketQueryModel *self)
{
  g_return_val_if_fail (STW_IS_TICKET_QUERY_MODEL (self), NULL);
  return self->db;
}

void
stw_ticket_query_model_set_search (StwTicketQueryModel *self,
                                   const char          *search)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  schedule_run (self);
}

const char *
stw_ticket_query_model_get_search (StwTicketQueryModel *self)
{
  g_return_val_if_fail (STW_IS_TICKET_QUERY_MODEL (self), NULL);
  return self->search;
}

void
stw_ticket_query_model_set_scope (StwTicketQueryModel *self,
                                  StwTicketScope       scope)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));
  g_return_if_fail (scope < STW_N_TICKET_SCOPES);

  if (self->scope == scope)
    return;

  self->scope = scope;
  schedule_run (self);
}

/* Sets an int of the query and runs it again if it changed. */
static void
set_int (StwTicketQueryModel *self,
         int                 *field,
         int                  value)
{
  if (*field == value)
    return;

  *field = value;
  schedule_run (self);
}

void
stw_ticket_query_model_set_type (StwTicketQueryModel *self,
                                 int                  type)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));
  g_return_if_fail (type >= -1 && type < STW_N_TICKET_TYPES);

  set_int (self, &self->type, type);
}

void
stw_ticket_query_model_set_status (StwTicketQueryModel *self,
                                   int                  status)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));
  g_return_if_fail (status >= -1 && status < STW_N_TICKET_STATUSES);

  set_int (self, &self->status, status);
}

void
stw_ticket_query_model_set_priority (StwTicketQueryModel *self,
                                     int                  priority)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));
  g_return_if_fail (priority >= 0 && priority <= STW_PRIORITY_LOWEST);

  set_int (self, &self->priority, priority);
}

void
stw_ticket_query_model_set_queue (StwTicketQueryModel *self,
                                  const char          *queue)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));

  if (queue != NULL && queue[0] == '\0')
    queue = NULL;
  if (g_strcmp0 (self->queue, queue) == 0)
    return;

  g_free (self->queue);
  self->queue = g_strdup (queue);
  schedule_run (self);
}

void
stw_ticket_query_model_set_sort (StwTicketQueryModel *self,
                                 StwTicketSort        sort,
                                 StwSortDirection     direction)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));
  g_return_if_fail (sort < STW_N_TICKET_SORTS);

  if (self->sort == sort && self->direction == direction)
    return;

  self->sort = sort;
  self->direction = direction;
  schedule_run (self);
}

/**
 * stw_ticket_query_model_set_now:
 * @now: the time "at risk" is judged at, in µs since 1970 UTC; 0 for
 *   the time each query runs
 */
void
stw_ticket_query_model_set_now (StwTicketQueryModel *self,
                                gint64               now)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));

  self->now = now;
  schedule_run (self);
}

gboolean
stw_ticket_query_model_get_loading (StwTicketQueryModel *self)
{
  g_return_val_if_fail (STW_IS_TICKET_QUERY_MODEL (self), FALSE);
  return self->loading;
}

/**
 * stw_ticket_query_model_refresh:
 *
 * Runs the query again, and reads the tickets held again: for times
 * that pass (a ticket turns at risk with no change in the store).
 */
void
stw_ticket_query_model_refresh (StwTicketQueryModel *self)
{
  g_return_if_fail (STW_IS_TICKET_QUERY_MODEL (self));

  self->stale = TRUE;
  schedule_run (self);
}

gint64
stw_ticket_query_model_get_id (StwTicketQueryModel *self,
                               guint                position)
{
  g_return_val_if_fail (STW_IS_TICKET_QUERY_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * stw_ticket_query_model_find:
 *
 * Returns: the position of ticket @id, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) when the list does not have it
 */
guint
stw_ticket_query_model_find (StwTicketQueryModel *self,
                             gint64               id)
{
  g_return_val_if_fail (STW_IS_TICKET_QUERY_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

guint
stw_ticket_query_model_get_cache_size (StwTicketQueryModel *self)
{
  g_return_val_if_fail (STW_IS_TICKET_QUERY_MODEL (self), 0);
  return g_hash_table_size (self->cache);
}

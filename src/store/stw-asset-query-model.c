/* stw-asset-query-model.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-query-model"

#include "config.h"

#include "stw-asset-query-model.h"
#include "stw-asset-repo.h"
#include "stw-database-private.h"
#include "core/stw-core-enums.h"

/*
 * A GListModel of the assets that match a search, filters and a sort,
 * that stays light at any size (DESIGN.md, “Lists at scale”): a worker
 * thread runs the query and hands back only the ordered row ids (8 bytes
 * a row); asset objects are built when get_item() asks, a page at a time,
 * and only a bounded number are kept.
 */

#define PAGE_SIZE 100
/* Rows shown before the whole result is in: a window of them, and few
 * enough that the list makes only these rows' widgets for its first
 * frame. */
#define FIRST_PAGE 64
#define CACHE_LIMIT 600

/* What orders and filters a list before its search. */
typedef struct
{
  int               status_filter;
  int               category_filter;
  StwAssetField     sort_field;
  StwSortDirection  sort_direction;
} QueryKey;

struct _StwAssetQueryModel
{
  GObject           parent_instance;

  StwDatabase      *db;
  gulong            changed_handler;

  /* The query */
  char             *search;
  int               status_filter;
  int               category_filter;
  StwAssetField     sort_field;
  StwSortDirection  sort_direction;

  /* The result: row ids in order, and the objects built so far. */
  GArray           *ids;
  GHashTable       *cache;

  /* The ids of the query without its search, which a search keeps some
   * of; NULL when the store changed since, or for other filters. */
  GArray           *base_ids;
  QueryKey          base_key;

  GCancellable     *cancellable;
  /* One read connection for all the model's queries, its cache warm. */
  StwQueryConnection *connection;
  guint             serial;
  guint             refresh_source;
  gboolean          loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StwAssetQueryModel, stw_asset_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SEARCH,
  PROP_STATUS_FILTER,
  PROP_CATEGORY_FILTER,
  PROP_SORT_FIELD,
  PROP_SORT_DIRECTION,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Building the query                                                       */
/* ------------------------------------------------------------------------ */

typedef struct
{
  StwAssetQuery      *query;
  StwQueryConnection *connection;
  GArray             *base_ids;   /* nullable */
} QueryRun;

typedef struct
{
  GArray *ids;
  GArray *base_ids;
} QueryResult;

static void
query_run_free (QueryRun *run)
{
  stw_asset_query_free (run->query);
  stw_query_connection_unref (run->connection);
  g_clear_pointer (&run->base_ids, g_array_unref);
  g_free (run);
}

static void
query_result_free (QueryResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->base_ids, g_array_unref);
  g_free (result);
}

static void
run_query_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  QueryRun *run = task_data;
  g_autoptr(GArray) base_ids = run->base_ids != NULL ? g_array_ref (run->base_ids) : NULL;
  GError *error = NULL;
  QueryResult *result;
  GArray *ids;

  /* The sorted, filtered list first, once; a search then keeps what it
   * matches of it. */
  if (base_ids == NULL)
    {
      g_autoptr(StwAssetQuery) unsearched = stw_asset_query_copy (run->query);

      stw_asset_query_set_search (unsearched, NULL);
      base_ids = stw_asset_query_run_ids (unsearched, run->connection, cancellable, &error);
      if (base_ids == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  ids = stw_asset_query_filter_ids (run->query, base_ids, run->connection, cancellable, &error);
  if (ids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (QueryResult, 1);
  result->ids = ids;
  result->base_ids = g_steal_pointer (&base_ids);
  g_task_return_pointer (task, result, (GDestroyNotify)query_result_free);
}

/* ------------------------------------------------------------------------ */
/* Applying a result                                                        */
/* ------------------------------------------------------------------------ */

static void
set_loading (StwAssetQueryModel *self,
             gboolean            loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/*
 * Replaces the ids with @ids and tells the views only about the part that
 * differs, so a change to one row keeps the scroll position and the
 * selection elsewhere.
 */
static void
apply_ids (StwAssetQueryModel *self,
           GArray             *ids)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->ids);
  const gint64 *a = (const gint64 *)(gpointer)old->data;
  const gint64 *b = (const gint64 *)(gpointer)ids->data;
  guint prefix = 0, suffix = 0;
  guint max = MIN (old->len, ids->len);
  guint removed, added;

  while (prefix < max && a[prefix] == b[prefix])
    prefix++;
  while (suffix < max - prefix && a[old->len - 1 - suffix] == b[ids->len - 1 - suffix])
    suffix++;

  removed = old->len - prefix - suffix;
  added = ids->len - prefix - suffix;

  if (removed == 0 && added == 0)
    {
      self->ids = g_array_ref (ids);
      return;
    }

  self->ids = g_array_ref (ids);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);

  if (old->len != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  StwAssetQueryModel *self;
  guint               serial;
  QueryKey            key;
} QueryCall;

static QueryKey
current_key (StwAssetQueryModel *self)
{
  return (QueryKey) {
    self->status_filter, self->category_filter, self->sort_field, self->sort_direction
  };
}

static gboolean
key_equal (const QueryKey *a,
           const QueryKey *b)
{
  return a->status_filter == b->status_filter && a->category_filter == b->category_filter &&
         a->sort_field == b->sort_field && a->sort_direction == b->sort_direction;
}

static void
run_query_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  QueryCall *call = user_data;
  StwAssetQueryModel *self = call->self;
  QueryResult *ids;
  g_autoptr(GError) error = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  if (call->serial == self->serial)
    {
      /* The rows are in place by the time loading ends. */
      if (ids != NULL)
        {
          if (ids->base_ids != self->base_ids)
            {
              g_clear_pointer (&self->base_ids, g_array_unref);
              self->base_ids = g_array_ref (ids->base_ids);
              self->base_key = call->key;
            }
          apply_ids (self, ids->ids);
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list assets: %s", error->message);

      set_loading (self, FALSE);
    }

  g_clear_pointer (&ids, query_result_free);
  g_object_unref (self);
  g_free (call);
}

static void
run_first_page_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  GArray *ids;

  ids = stw_asset_query_run_first_ids (task_data, FIRST_PAGE, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify)g_array_unref);
}

static void
run_first_page_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  QueryCall *call = user_data;
  StwAssetQueryModel *self = call->self;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Only while the whole result is still on its way. */
  if (ids != NULL && call->serial == self->serial && self->loading && self->ids->len == 0)
    apply_ids (self, ids);

  g_object_unref (self);
  g_free (call);
}

/*
 * An empty list (at start) shows the first rows of its query while the
 * whole query runs: a sort read from an index gives them at once. The
 * whole result then adds the rest after them.
 */
static void
start_first_page (StwAssetQueryModel *self,
                  StwAssetQuery      *query)
{
  g_autoptr(GTask) task = NULL;
  QueryCall *call;

  call = g_new0 (QueryCall, 1);
  call->self = g_object_ref (self);
  call->serial = self->serial;

  task = g_task_new (NULL, self->cancellable, run_first_page_cb, call);
  g_task_set_source_tag (task, start_first_page);
  g_task_set_task_data (task, stw_asset_query_copy (query), (GDestroyNotify)stw_asset_query_free);
  g_task_run_in_thread (task, run_first_page_thread);
}

static void
start_query (StwAssetQueryModel *self)
{
  g_autoptr(GTask) task = NULL;
  QueryCall *call;
  QueryRun *query;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  call = g_new0 (QueryCall, 1);
  call->self = g_object_ref (self);
  call->serial = ++self->serial;
  call->key = current_key (self);

  query = g_new0 (QueryRun, 1);
  query->query = stw_asset_query_model_dup_query (self);
  query->connection = stw_query_connection_ref (self->connection);
  if (self->base_ids != NULL && key_equal (&self->base_key, &call->key))
    query->base_ids = g_array_ref (self->base_ids);

  /* The task has no source object: the worker thread drops its reference
   * to the task after the result is back, and may drop the last one, so
   * a model held by the task could be finalized on the worker thread.
   * The call holds the model instead, and lets go on the main thread. */
  task = g_task_new (NULL, self->cancellable, run_query_cb, call);
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, query, (GDestroyNotify)query_run_free);
  g_task_run_in_thread (task, run_query_thread);

  if (self->ids->len == 0 && !stw_asset_query_has_search (query->query))
    start_first_page (self, query->query);

  set_loading (self, TRUE);
}

static gboolean
refresh_cb (gpointer data)
{
  StwAssetQueryModel *self = data;

  self->refresh_source = 0;
  start_query (self);
  return G_SOURCE_REMOVE;
}

/* Many setters in a row (a search typed fast) run the query once. */
static void
queue_query (StwAssetQueryModel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, self, NULL);

  /* The rows shown are out of date from now until the query returns. */
  set_loading (self, TRUE);
}

/* ------------------------------------------------------------------------ */
/* The cache                                                                */
/* ------------------------------------------------------------------------ */

static gboolean
is_unused (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return G_OBJECT (value)->ref_count == 1;
}

/*
 * Objects a view still holds stay, so the same row is always the same
 * object; the rest can go.
 */
static void
trim_cache (StwAssetQueryModel *self)
{
  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_foreach_remove (self->cache, is_unused, NULL);
}

static void
load_page (StwAssetQueryModel *self,
           guint               position)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  /* From the row asked for on: a list asks for its rows in order. */
  guint start = position;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);

  trim_cache (self);

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->cache, &id))
        g_array_append_val (missing, id);
    }

  if (!stw_asset_repo_load_many (self->db, (const gint64 *)(gpointer)missing->data, missing->len,
                                 self->cache, &error))
    g_warning ("Could not load assets: %s", error->message);
}

static void
database_changed_cb (StwAssetQueryModel *self,
                     StwEntity           entities,
                     StwDatabase        *db)
{
  g_autoptr(GHashTable) fresh = NULL;
  g_autoptr(GArray) cached = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if ((entities & (STW_ENTITY_ASSET | STW_ENTITY_LOCATION | STW_ENTITY_PERSON)) == 0)
    return;

  /* Update the objects views hold in place, so rows redraw with the new
   * values without being rebuilt. Then find out what moved. */
  trim_cache (self);

  cached = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (cached, *(gint64 *)key);

  fresh = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  stw_asset_repo_load_many (self->db, (const gint64 *)(gpointer)cached->data, cached->len,
                            fresh, NULL);

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      StwAsset *now = g_hash_table_lookup (fresh, key);

      if (now != NULL)
        stw_asset_update_from (value, now);
    }

  g_clear_pointer (&self->base_ids, g_array_unref);
  start_query (self);
}

/* ------------------------------------------------------------------------ */
/* GListModel                                                               */
/* ------------------------------------------------------------------------ */

static GType
stw_asset_query_model_get_item_type (GListModel *model)
{
  return STW_TYPE_ASSET;
}

static guint
stw_asset_query_model_get_n_items (GListModel *model)
{
  return STW_ASSET_QUERY_MODEL (model)->ids->len;
}

static gpointer
stw_asset_query_model_get_item (GListModel *model,
                                guint       position)
{
  StwAssetQueryModel *self = STW_ASSET_QUERY_MODEL (model);
  StwAsset *asset;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  asset = g_hash_table_lookup (self->cache, &id);

  if (asset == NULL)
    {
      load_page (self, position);
      asset = g_hash_table_lookup (self->cache, &id);
    }

  if (asset == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      /* Deleted since the ids were read: a blank row until the next
       * result, which the same change has already asked for. */
      *key = id;
      asset = stw_asset_new ();
      stw_asset_set_id (asset, id);
      g_hash_table_insert (self->cache, key, asset);
    }

  return g_object_ref (asset);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = stw_asset_query_model_get_item_type;
  iface->get_n_items = stw_asset_query_model_get_n_items;
  iface->get_item = stw_asset_query_model_get_item;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_asset_query_model_dispose (GObject *object)
{
  StwAssetQueryModel *self = (StwAssetQueryModel *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->db);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_asset_query_model_parent_class)->dispose (object);
}

static void
stw_asset_query_model_finalize (GObject *object)
{
  StwAssetQueryModel *self = (StwAssetQueryModel *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->connection, stw_query_connection_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->search);

  G_OBJECT_CLASS (stw_asset_query_model_parent_class)->finalize (object);
}

static void
stw_asset_query_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StwAssetQueryModel *self = STW_ASSET_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;
    case PROP_CATEGORY_FILTER:
      g_value_set_int (value, self->category_filter);
      break;
    case PROP_SORT_FIELD:
      g_value_set_enum (value, self->sort_field);
      break;
    case PROP_SORT_DIRECTION:
      g_value_set_enum (value, self->sort_direction);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_asset_query_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StwAssetQueryModel *self = STW_ASSET_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      stw_asset_query_model_set_search (self, g_value_get_string (value));
      break;
    case PROP_STATUS_FILTER:
      stw_asset_query_model_set_status_filter (self, g_value_get_int (value));
      break;
    case PROP_CATEGORY_FILTER:
      stw_asset_query_model_set_category_filter (self, g_value_get_int (value));
      break;
    case PROP_SORT_FIELD:
      stw_asset_query_model_set_sort (self, g_value_get_enum (value), self->sort_direction);
      break;
    case PROP_SORT_DIRECTION:
      stw_asset_query_model_set_sort (self, self->sort_field, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_asset_query_model_constructed (GObject *object)
{
  StwAssetQueryModel *self = (StwAssetQueryModel *)object;

  G_OBJECT_CLASS (stw_asset_query_model_parent_class)->constructed (object);

  g_assert (STW_IS_DATABASE (self->db));

  self->connection = stw_query_connection_new (self->db);

  self->changed_handler = g_signal_connect_object (self->db, "changed",
                                                   G_CALLBACK (database_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  start_query (self);
}

static void
stw_asset_query_model_class_init (StwAssetQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = stw_asset_query_model_dispose;
  object_class->finalize = stw_asset_query_model_finalize;
  object_class->get_property = stw_asset_query_model_get_property;
  object_class->set_property = stw_asset_query_model_set_property;
  object_class->constructed = stw_asset_query_model_constructed;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, rw);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, STW_FILTER_ANY, STW_N_ASSET_STATUSES - 1,
                      STW_FILTER_ANY, rw);
  properties[PROP_CATEGORY_FILTER] =
    g_param_spec_int ("category-filter", NULL, NULL, STW_FILTER_ANY, STW_N_ASSET_CATEGORIES - 1,
                      STW_FILTER_ANY, rw);
  properties[PROP_SORT_FIELD] =
    g_param_spec_enum ("sort-field", NULL, NULL, STW_TYPE_ASSET_FIELD, STW_ASSET_FIELD_NAME, rw);
  properties[PROP_SORT_DIRECTION] =
    g_param_spec_enum ("sort-direction", NULL, NULL, STW_TYPE_SORT_DIRECTION,
                       STW_SORT_ASCENDING, rw);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_asset_query_model_init (StwAssetQueryModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->status_filter = STW_FILTER_ANY;
  self->category_filter = STW_FILTER_ANY;
  self->sort_field = STW_ASSET_FIELD_NAME;
  self->sort_direction = STW_SORT_ASCENDING;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

StwAssetQueryModel *
stw_asset_query_model_new (StwDatabase *db)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return g_object_new (STW_TYPE_ASSET_QUERY_MODEL, "database", db, NULL);
}

StwDatabase *
stw_asset_query_model_get_database (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), NULL);
  return self->db;
}

const char *
stw_asset_query_model_get_search (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), NULL);
  return self->search;
}

void
stw_asset_query_model_set_search (StwAssetQueryModel *self,
                                  const char         *search)
{
  g_return_if_fail (STW_IS_ASSET_QUERY_MODEL (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  queue_query (self);
}

int
stw_asset_query_model_get_status_filter (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), STW_FILTER_ANY);
  return self->status_filter;
}

/**
 * stw_asset_query_model_set_status_filter:
 * @status: a #StwAssetStatus, or %STW_FILTER_ANY
 */
void
stw_asset_query_model_set_status_filter (StwAssetQueryModel *self,
                                         int                 status)
{
  g_return_if_fail (STW_IS_ASSET_QUERY_MODEL (self));
  g_return_if_fail (status >= STW_FILTER_ANY && status < STW_N_ASSET_STATUSES);

  if (self->status_filter != status)
    {
      self->status_filter = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
      queue_query (self);
    }
}

int
stw_asset_query_model_get_category_filter (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), STW_FILTER_ANY);
  return self->category_filter;
}

/**
 * stw_asset_query_model_set_category_filter:
 * @category: a #StwAssetCategory, or %STW_FILTER_ANY
 */
void
stw_asset_query_model_set_category_filter (StwAssetQueryModel *self,
                                           int                 category)
{
  g_return_if_fail (STW_IS_ASSET_QUERY_MODEL (self));
  g_return_if_fail (category >= STW_FILTER_ANY && category < STW_N_ASSET_CATEGORIES);

  if (self->category_filter != category)
    {
      self->category_filter = category;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_FILTER]);
      queue_query (self);
    }
}

void
stw_asset_query_model_set_sort (StwAssetQueryModel *self,
                                StwAssetField       field,
                                StwSortDirection    direction)
{
  g_return_if_fail (STW_IS_ASSET_QUERY_MODEL (self));

  if (field == STW_ASSET_FIELD_NONE)
    field = STW_ASSET_FIELD_NAME;

  if (self->sort_field != field)
    {
      self->sort_field = field;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
      queue_query (self);
    }

  if (self->sort_direction != direction)
    {
      self->sort_direction = direction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DIRECTION]);
      queue_query (self);
    }
}

StwAssetField
stw_asset_query_model_get_sort_field (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), STW_ASSET_FIELD_NAME);
  return self->sort_field;
}

StwSortDirection
stw_asset_query_model_get_sort_direction (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), STW_SORT_ASCENDING);
  return self->sort_direction;
}

/**
 * stw_asset_query_model_get_loading:
 *
 * Whether a query is running; the rows shown are the previous result.
 */
gboolean
stw_asset_query_model_get_loading (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), FALSE);
  return self->loading;
}

void
stw_asset_query_model_refresh (StwAssetQueryModel *self)
{
  g_return_if_fail (STW_IS_ASSET_QUERY_MODEL (self));
  start_query (self);
}

/**
 * stw_asset_query_model_find:
 *
 * Returns: the position of asset @id, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) when it is not in the result
 */
guint
stw_asset_query_model_find (StwAssetQueryModel *self,
                            gint64              id)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

gint64
stw_asset_query_model_get_id (StwAssetQueryModel *self,
                              guint               position)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

guint
stw_asset_query_model_get_cache_size (StwAssetQueryModel *self)
{
  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), 0);
  return g_hash_table_size (self->cache);
}

/**
 * stw_asset_query_model_dup_query:
 *
 * Returns: (transfer full): the model's search, filters and sort, to run
 *   elsewhere (an export of what the list shows)
 */
StwAssetQuery *
stw_asset_query_model_dup_query (StwAssetQueryModel *self)
{
  StwAssetQuery *query;

  g_return_val_if_fail (STW_IS_ASSET_QUERY_MODEL (self), NULL);

  query = stw_asset_query_new (self->db);
  stw_asset_query_set_search (query, self->search);
  stw_asset_query_set_status (query, self->status_filter);
  stw_asset_query_set_category (query, self->category_filter);
  stw_asset_query_set_sort (query, self->sort_field, self->sort_direction);

  return query;
}

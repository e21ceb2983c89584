/* stw-asset-query.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-query"

#include "config.h"

#include "stw-asset-query.h"
#include "stw-database-private.h"

/*
 * The one place that turns a search, filters and a sort into SQL, for the
 * list (row ids) and for exports (whole rows), so both show the same
 * assets in the same order.
 */

struct _StwAssetQuery
{
  char             *path;
  char             *search;
  char             *match;
  char             *status;
  char             *category;
  StwAssetField     sort_field;
  StwSortDirection  sort_direction;
};

G_DEFINE_BOXED_TYPE (StwAssetQuery, stw_asset_query, stw_asset_query_copy, stw_asset_query_free)

/* Columns of an export row, in StwAssetField order; [16] the UUID. The
 * location is its whole path, so an export imports back to the same
 * place. */
#define SELECT_ROW \
  "SELECT NULL, a.name, a.tag, a.serial, a.category, a.manufacturer, a.model, a.status, " \
  "  CASE WHEN s.id IS NOT NULL THEN s.name || ' › ' || b.name || ' › ' || l.name " \
  "       WHEN b.id IS NOT NULL THEN b.name || ' › ' || l.name ELSE l.name END, " \
  "  p.name, a.purchase_date, a.purchase_cost, a.currency, a.warranty_end, a.supplier, " \
  "  a.notes, a.uuid " \
  "FROM assets a " \
  "LEFT JOIN locations l ON l.id = a.location_id " \
  "LEFT JOIN locations b ON b.id = l.parent_id " \
  "LEFT JOIN locations s ON s.id = b.parent_id " \
  "LEFT JOIN people p ON p.id = a.person_id "

/* ------------------------------------------------------------------------ */

/*
 * ORDER BY for a sort, as exports use it. Every order ends in the id, so
 * it is total; empty values come last in both directions. The list gets
 * the same order without sorting, from run_ids(). Column names come from
 * our own table, never from data.
 */
static void
append_order (const StwAssetQuery *self,
              GString             *sql)
{
  const char *dir = self->sort_direction == STW_SORT_DESCENDING ? " DESC" : "";
  StwAssetField field = self->sort_field;
  const char *column = stw_asset_field_to_column (field);

  g_string_append (sql, " ORDER BY ");

  switch (field)
    {
    case STW_ASSET_FIELD_CATEGORY:
    case STW_ASSET_FIELD_STATUS:
      g_string_append_printf (sql, "a.%s%s, a.id%s", column, dir, dir);
      break;

    case STW_ASSET_FIELD_LOCATION:
      /* Exports join the location as l, the person as p. */
      g_string_append_printf (sql, "l.name IS NULL, l.name COLLATE NOCASE%s, l.id%s, a.id%s",
                              dir, dir, dir);
      break;

    case STW_ASSET_FIELD_PERSON:
      g_string_append_printf (sql, "p.name IS NULL, p.name COLLATE NOCASE%s, p.id%s, a.id%s",
                              dir, dir, dir);
      break;

    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_PURCHASE_COST:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_CURRENCY:
      g_string_append_printf (sql, "a.%s IS NULL, a.%s%s, a.id%s", column, column, dir, dir);
      break;

    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_SUPPLIER:
    case STW_ASSET_FIELD_NOTES:
      g_string_append_printf (sql, "a.%s IS NULL, a.%s COLLATE NOCASE%s, a.id%s",
                              column, column, dir, dir);
      break;

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    default:
      g_string_append_printf (sql, "a.%s COLLATE NOCASE%s, a.id%s",
                              field == STW_ASSET_FIELD_TAG ? "tag" : "name", dir, dir);
      break;
    }
}

/**
 * stw_asset_query_build_match:
 *
 * Each word becomes a quoted FTS5 prefix phrase, so nothing a person
 * types is read as FTS5 syntax: `lt-00 anna` → `"lt-00"* "anna"*`.
 */
char *
stw_asset_query_build_match (const char *search)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (search == NULL)
    return NULL;

  words = g_strsplit_set (search, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_token = FALSE;

      /* Validate first: g_utf8_next_char() on a cut-off sequence steps
       * over the terminating NUL. */
      if (!g_utf8_validate (words[i], -1, NULL))
        continue;

      for (const char *p = words[i]; *p && !has_token; p = g_utf8_next_char (p))
        has_token = g_unichar_isalnum (g_utf8_get_char (p));

      if (!has_token)
        continue;

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

static void
append_where (const StwAssetQuery *self,
              GString             *sql)
{
  int index = 1;

  /* Only fixed fragments and parameter numbers go into the text; every
   * value is bound. */
  g_string_append (sql, " WHERE 1");
  if (self->match != NULL)
    g_string_append_printf (sql, " AND a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?%d)",
                            index++);
  if (self->status != NULL)
    g_string_append_printf (sql, " AND a.status = ?%d", index++);
  if (self->category != NULL)
    g_string_append_printf (sql, " AND a.category = ?%d", index++);
}


static void
bind_where (const StwAssetQuery *self,
            sqlite3_stmt        *stmt)
{
  int index = 1;

  if (self->match != NULL)
    sqlite3_bind_text (stmt, index++, self->match, -1, SQLITE_STATIC);
  if (self->status != NULL)
    sqlite3_bind_text (stmt, index++, self->status, -1, SQLITE_STATIC);
  if (self->category != NULL)
    sqlite3_bind_text (stmt, index++, self->category, -1, SQLITE_STATIC);
}

static sqlite3 *
open_connection (const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      /* Not mapped (see stw_sql_configure_connection()); a cache for the
       * indexes a list walks. */
      rc = sqlite3_exec (db, "PRAGMA mmap_size = 0; PRAGMA cache_size = -32768",
                         NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Prepares @head + the query's WHERE + @tail, ordered when @ordered. */
static sqlite3_stmt *
prepare_on (const StwAssetQuery  *self,
            sqlite3              *db,
            const char           *head,
            const char           *tail,
            gboolean              ordered,
            GError              **error)
{
  g_autoptr(GString) sql = g_string_new (head);
  sqlite3_stmt *stmt = NULL;
  int rc;

  append_where (self, sql);
  if (tail != NULL)
    g_string_append (sql, tail);
  if (ordered)
    append_order (self, sql);

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (db, rc, error);
      return NULL;
    }

  bind_where (self, stmt);
  return stmt;
}

/* Opens a read connection of its own and prepares on it. */
static sqlite3_stmt *
prepare (const StwAssetQuery  *self,
         const char           *head,
         gboolean              ordered,
         sqlite3             **db,
         GError              **error)
{
  sqlite3_stmt *stmt;

  *db = open_connection (self->path, error);
  if (*db == NULL)
    return NULL;

  stmt = prepare_on (self, *db, head, NULL, ordered, error);
  if (stmt == NULL)
    {
      sqlite3_close (*db);
      *db = NULL;
    }

  return stmt;
}

/* Runs @stmt and appends the ids it returns to @ids, until @ids holds
 * @limit (when not 0). */
static gboolean
collect_ids_up_to (sqlite3_stmt  *stmt,
                   GArray        *ids,
                   guint          limit,
                   GCancellable  *cancellable,
                   GError       **error)
{
  int rc;

  if (limit != 0 && ids->len >= limit)
    return TRUE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (limit != 0 && ids->len >= limit)
        return TRUE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (rc != SQLITE_DONE)
    return stw_sql_set_error (sqlite3_db_handle (stmt), rc, error);

  return TRUE;
}

static gboolean
collect_ids (sqlite3_stmt  *stmt,
             GArray        *ids,
             GCancellable  *cancellable,
             GError       **error)
{
  return collect_ids_up_to (stmt, ids, 0, cancellable, error);
}

struct _StwQueryConnection
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  char            *path;
  sqlite3         *db;
};

static void
interrupt_cb (GCancellable *cancellable,
              sqlite3      *db)
{
  sqlite3_interrupt (db);
}

/* ------------------------------------------------------------------------ */

StwAssetQuery *
stw_asset_query_new (StwDatabase *db)
{
  StwAssetQuery *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_new0 (StwAssetQuery, 1);
  self->path = g_strdup (stw_database_get_path (db));
  self->sort_field = STW_ASSET_FIELD_NAME;
  self->sort_direction = STW_SORT_ASCENDING;

  return self;
}

StwAssetQuery *
stw_asset_query_copy (const StwAssetQuery *self)
{
  StwAssetQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (StwAssetQuery, 1);
  copy->path = g_strdup (self->path);
  copy->search = g_strdup (self->search);
  copy->match = g_strdup (self->match);
  copy->status = g_strdup (self->status);
  copy->category = g_strdup (self->category);
  copy->sort_field = self->sort_field;
  copy->sort_direction = self->sort_direction;

  return copy;
}

void
stw_asset_query_free (StwAssetQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->search);
  g_free (self->match);
  g_free (self->status);
  g_free (self->category);
  g_free (self);
}

void
stw_asset_query_set_search (StwAssetQuery *self,
                            const char    *search)
{
  g_return_if_fail (self != NULL);

  g_free (self->search);
  g_free (self->match);
  self->search = g_strdup (search);
  self->match = stw_asset_query_build_match (search);
}

/**
 * stw_asset_query_set_status:
 * @status: a #StwAssetStatus, or %STW_FILTER_ANY
 */
void
stw_asset_query_set_status (StwAssetQuery *self,
                            int            status)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (status >= STW_FILTER_ANY && status < STW_N_ASSET_STATUSES);

  g_clear_pointer (&self->status, g_free);
  if (status != STW_FILTER_ANY)
    self->status = g_strdup (stw_asset_status_to_key (status));
}

/**
 * stw_asset_query_set_category:
 * @category: a #StwAssetCategory, or %STW_FILTER_ANY
 */
void
stw_asset_query_set_category (StwAssetQuery *self,
                              int            category)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (category >= STW_FILTER_ANY && category < STW_N_ASSET_CATEGORIES);

  g_clear_pointer (&self->category, g_free);
  if (category != STW_FILTER_ANY)
    self->category = g_strdup (stw_asset_category_to_key (category));
}

void
stw_asset_query_set_sort (StwAssetQuery    *self,
                          StwAssetField     field,
                          StwSortDirection  direction)
{
  g_return_if_fail (self != NULL);

  self->sort_field = field;
  self->sort_direction = direction;
}

/**
 * stw_query_connection_new:
 *
 * A read connection for running one query after another on worker
 * threads, with its cache kept warm between them. Queries on it run one
 * at a time; cancelling one interrupts it.
 */
StwQueryConnection *
stw_query_connection_new (StwDatabase *db)
{
  StwQueryConnection *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_new0 (StwQueryConnection, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->path = g_strdup (stw_database_get_path (db));

  return self;
}

StwQueryConnection *
stw_query_connection_ref (StwQueryConnection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
stw_query_connection_unref (StwQueryConnection *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->mutex);
  g_free (self->path);
  g_free (self);
}

static gboolean
is_text_field (StwAssetField field)
{
  return field == STW_ASSET_FIELD_SERIAL || field == STW_ASSET_FIELD_MANUFACTURER ||
         field == STW_ASSET_FIELD_MODEL || field == STW_ASSET_FIELD_SUPPLIER ||
         field == STW_ASSET_FIELD_NOTES;
}

/*
 * The ids in the order append_order() describes, without sorting the
 * table: every order is read from an index. A column that may be empty
 * is read in two parts, its values through the column's index and then
 * the empty ones by id; a sort by location or person walks them by name
 * and takes each one's assets through the asset index on them.
 */
static GArray *
run_ids (const StwAssetQuery  *self,
         sqlite3              *db,
         guint                 limit,
         GCancellable         *cancellable,
         GError              **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  StwAssetField field = self->sort_field;
  const char *dir = self->sort_direction == STW_SORT_DESCENDING ? " DESC" : "";
  const char *column = stw_asset_field_to_column (field);
  g_autofree char *valued_tail = NULL;
  g_autofree char *empty_tail = NULL;
  const char *valued_head = "SELECT a.id FROM assets a";
  sqlite3_stmt *valued = NULL;
  sqlite3_stmt *empty = NULL;
  gboolean ok;

  switch (field)
    {
    case STW_ASSET_FIELD_LOCATION:
    case STW_ASSET_FIELD_PERSON:
      valued_head = field == STW_ASSET_FIELD_LOCATION
                    ? "SELECT a.id FROM locations l CROSS JOIN assets a ON a.location_id = l.id"
                    : "SELECT a.id FROM people p CROSS JOIN assets a ON a.person_id = p.id";
      valued_tail = g_strdup_printf (" ORDER BY %s.name COLLATE NOCASE%s, %s.id%s, a.id%s",
                                     field == STW_ASSET_FIELD_LOCATION ? "l" : "p", dir,
                                     field == STW_ASSET_FIELD_LOCATION ? "l" : "p", dir, dir);
      empty_tail = g_strdup_printf (" AND a.%s IS NULL ORDER BY a.id%s", column, dir);
      break;

    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_SUPPLIER:
    case STW_ASSET_FIELD_NOTES:
    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_PURCHASE_COST:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_CURRENCY:
      valued_tail = g_strdup_printf (" AND a.%s IS NOT NULL ORDER BY a.%s%s%s, a.id%s",
                                     column, column, is_text_field (field) ? " COLLATE NOCASE" : "",
                                     dir, dir);
      empty_tail = g_strdup_printf (" AND a.%s IS NULL ORDER BY a.id%s", column, dir);
      break;

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_CATEGORY:
    case STW_ASSET_FIELD_STATUS:
    default:
      /* Never empty: one index walk. */
      valued = prepare_on (self, db, valued_head, NULL, TRUE, error);
      if (valued == NULL)
        return NULL;
      ok = collect_ids_up_to (valued, ids, limit, cancellable, error);
      sqlite3_finalize (valued);
      return ok ? g_steal_pointer (&ids) : NULL;
    }

  valued = prepare_on (self, db, valued_head, valued_tail, FALSE, error);
  empty = valued != NULL ? prepare_on (self, db, "SELECT a.id FROM assets a", empty_tail, FALSE, error)
                         : NULL;

  ok = valued != NULL && empty != NULL &&
       collect_ids_up_to (valued, ids, limit, cancellable, error) &&
       collect_ids_up_to (empty, ids, limit, cancellable, error);

  sqlite3_finalize (valued);
  sqlite3_finalize (empty);
  return ok ? g_steal_pointer (&ids) : NULL;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Keeps the ids of @base the search matches, in @base's order. */
static GArray *
run_filter (const StwAssetQuery  *self,
            sqlite3              *db,
            const GArray         *base,
            GCancellable         *cancellable,
            GError              **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *base_ids = (const gint64 *)(gconstpointer)base->data;
  const gint64 *match_ids;
  g_autofree guint8 *bits = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 max = 0;
  GArray *ids;
  int rc;
  gboolean ok;

  rc = sqlite3_prepare_v2 (db, "SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?1", -1, &stmt,
                           NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (db, rc, error);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, self->match, -1, SQLITE_STATIC);
  ok = collect_ids (stmt, matches, cancellable, error);
  sqlite3_finalize (stmt);
  if (!ok)
    return NULL;

  match_ids = (const gint64 *)(gconstpointer)matches->data;
  for (guint i = 0; i < matches->len; i++)
    max = MAX (max, match_ids[i]);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), matches->len);
  if (matches->len == 0)
    return ids;

  if (max < (G_GINT64_CONSTANT (1) << 27))
    {
      /* One bit per id up to the largest: at most 16 MB, and a test per
       * row of @base. */
      bits = g_malloc0 ((gsize)(max / 8 + 1));
      for (guint i = 0; i < matches->len; i++)
        if (match_ids[i] > 0)
          bits[match_ids[i] / 8] |= (guint8)(1u << (match_ids[i] % 8));

      for (guint i = 0; i < base->len; i++)
        {
          gint64 id = base_ids[i];

          if (id > 0 && id <= max && (bits[id / 8] & (1u << (id % 8))) != 0)
            g_array_append_val (ids, id);
        }
    }
  else
    {
      g_array_sort (matches, compare_ids);
      for (guint i = 0; i < base->len; i++)
        if (bsearch (&base_ids[i], matches->data, matches->len, sizeof (gint64),
                     compare_ids) != NULL)
          g_array_append_val (ids, base_ids[i]);
    }

  return ids;
}

/* Runs run_ids(), or run_filter() when @base is given, on @connection or
 * on a connection of its own. */
static GArray *
run_on (const StwAssetQuery  *self,
        StwQueryConnection   *connection,
        const GArray         *base,
        GCancellable         *cancellable,
        GError              **error)
{
  GArray *ids;
  sqlite3 *db;
  gulong handler = 0;

  if (connection == NULL)
    {
      db = open_connection (self->path, error);
      if (db == NULL)
        return NULL;
      ids = base != NULL ? run_filter (self, db, base, cancellable, error)
                         : run_ids (self, db, 0, cancellable, error);
      sqlite3_close (db);
      return ids;
    }

  g_mutex_lock (&connection->mutex);

  if (connection->db == NULL)
    connection->db = open_connection (connection->path, error);

  if (connection->db == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_mutex_unlock (&connection->mutex);
      return NULL;
    }

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb), connection->db, NULL);

  ids = base != NULL ? run_filter (self, connection->db, base, cancellable, error)
                     : run_ids (self, connection->db, 0, cancellable, error);

  g_cancellable_disconnect (cancellable, handler);
  g_mutex_unlock (&connection->mutex);

  return ids;
}

/**
 * stw_asset_query_run_ids:
 * @connection: (nullable): a connection to run on, or %NULL to open one
 *
 * Returns: (transfer full): the matching assets' ids, in order, or %NULL
 *   with @error set. 8 bytes a row.
 */
GArray *
stw_asset_query_run_ids (const StwAssetQuery  *self,
                         StwQueryConnection   *connection,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  return run_on (self, connection, NULL, cancellable, error);
}

/**
 * stw_asset_query_run_first_ids:
 * @limit: how many ids at most
 *
 * The first @limit ids of stw_asset_query_run_ids(), on a connection of
 * its own, reading no further: a list shows its first rows with these
 * while the whole query runs.
 *
 * Returns: (transfer full): the ids, or %NULL with @error set
 */
GArray *
stw_asset_query_run_first_ids (const StwAssetQuery  *self,
                               guint                 limit,
                               GCancellable         *cancellable,
                               GError              **error)
{
  sqlite3 *db;
  GArray *ids;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);
  g_return_val_if_fail (self->match == NULL, NULL);

  db = open_connection (self->path, error);
  if (db == NULL)
    return NULL;

  ids = run_ids (self, db, limit, cancellable, error);
  sqlite3_close (db);
  return ids;
}

/**
 * stw_asset_query_has_search:
 *
 * Returns: whether the query searches: a search of only spaces and
 *   punctuation does not.
 */
gboolean
stw_asset_query_has_search (const StwAssetQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->match != NULL;
}

/**
 * stw_asset_query_filter_ids:
 * @base: the ids of the same query without its search, in order
 * @connection: (nullable): a connection to run on, or %NULL to open one
 *
 * The search of a list that already has its sorted, filtered rows: the
 * full-text index gives the matching ids, and @base, already in order,
 * keeps those. Typing into the search does not sort again.
 *
 * Returns: (transfer full): the ids of @base the search matches, in
 *   @base's order, or %NULL with @error set
 */
GArray *
stw_asset_query_filter_ids (const StwAssetQuery  *self,
                            const GArray         *base,
                            StwQueryConnection   *connection,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (base != NULL, NULL);

  if (self->match == NULL)
    return g_array_ref ((GArray *)base);

  return run_on (self, connection, base, cancellable, error);
}

/**
 * stw_asset_query_count:
 *
 * Returns: how many assets match, or -1 with @error set
 */
gint64
stw_asset_query_count (const StwAssetQuery  *self,
                       GCancellable         *cancellable,
                       GError              **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (self != NULL, -1);

  stmt = prepare (self, "SELECT count(*) FROM assets a", FALSE, &db, error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    stw_sql_set_error (db, rc, error);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/**
 * stw_asset_query_foreach_row:
 * @func: called for each matching asset, in order; returning %FALSE stops
 *
 * Reads the matching assets as text, one at a time, for exports: the
 * memory used does not grow with the number of rows.
 */
gboolean
stw_asset_query_foreach_row (const StwAssetQuery  *self,
                             StwAssetRowFunc       func,
                             gpointer              user_data,
                             GCancellable         *cancellable,
                             GError              **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  guint n = 0;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare (self, SELECT_ROW, TRUE, &db, error);
  if (stmt == NULL)
    return FALSE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StwAssetRow row = { { NULL }, G_MININT64 };

      for (guint i = 1; i < G_N_ELEMENTS (row.values); i++)
        row.values[i] = (const char *)sqlite3_column_text (stmt, (int)i);
      if (sqlite3_column_type (stmt, STW_ASSET_FIELD_PURCHASE_COST) != SQLITE_NULL)
        row.purchase_cost = sqlite3_column_int64 (stmt, STW_ASSET_FIELD_PURCHASE_COST);

      ok = func (&row, user_data, error);

      if (ok && (++n & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
    }

  if (ok && rc != SQLITE_DONE)
    ok = stw_sql_set_error (db, rc, error);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

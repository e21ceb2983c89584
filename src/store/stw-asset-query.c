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

static const char *
sort_expression (StwAssetField field)
{
  switch (field)
    {
    case STW_ASSET_FIELD_TAG:
      return "a.tag COLLATE NOCASE";
    case STW_ASSET_FIELD_SERIAL:
      return "a.serial COLLATE NOCASE";
    case STW_ASSET_FIELD_CATEGORY:
      return "a.category";
    case STW_ASSET_FIELD_MANUFACTURER:
      return "a.manufacturer COLLATE NOCASE";
    case STW_ASSET_FIELD_MODEL:
      return "a.model COLLATE NOCASE";
    case STW_ASSET_FIELD_STATUS:
      return "a.status";
    case STW_ASSET_FIELD_LOCATION:
      return "(SELECT name FROM locations WHERE id = a.location_id) COLLATE NOCASE";
    case STW_ASSET_FIELD_PERSON:
      return "(SELECT name FROM people WHERE id = a.person_id) COLLATE NOCASE";
    case STW_ASSET_FIELD_PURCHASE_DATE:
      return "a.purchase_date";
    case STW_ASSET_FIELD_PURCHASE_COST:
      return "a.purchase_cost";
    case STW_ASSET_FIELD_CURRENCY:
      return "a.currency";
    case STW_ASSET_FIELD_WARRANTY_END:
      return "a.warranty_end";
    case STW_ASSET_FIELD_SUPPLIER:
      return "a.supplier COLLATE NOCASE";
    case STW_ASSET_FIELD_NOTES:
      return "a.notes COLLATE NOCASE";
    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    default:
      return "a.name COLLATE NOCASE";
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
append_order (const StwAssetQuery *self,
              GString             *sql)
{
  const char *direction = self->sort_direction == STW_SORT_DESCENDING ? "DESC" : "ASC";

  g_string_append_printf (sql, " ORDER BY %s %s NULLS LAST, a.id %s",
                          sort_expression (self->sort_field), direction, direction);
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

/* Opens a read connection and prepares @head + the query's WHERE (and
 * ORDER BY when @ordered). */
static sqlite3_stmt *
prepare (const StwAssetQuery  *self,
         const char           *head,
         gboolean              ordered,
         sqlite3             **db,
         GError              **error)
{
  g_autoptr(GString) sql = g_string_new (head);
  sqlite3_stmt *stmt = NULL;
  int rc;

  append_where (self, sql);
  if (ordered)
    append_order (self, sql);

  rc = sqlite3_open_v2 (self->path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (*db, 5000);
      rc = sqlite3_prepare_v2 (*db, sql->str, -1, &stmt, NULL);
    }

  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (*db, rc, error);
      sqlite3_close (*db);
      *db = NULL;
      return NULL;
    }

  bind_where (self, stmt);
  return stmt;
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
 * stw_asset_query_run_ids:
 *
 * Returns: (transfer full): the matching assets' ids, in order, or %NULL
 *   with @error set. 8 bytes a row.
 */
GArray *
stw_asset_query_run_ids (const StwAssetQuery  *self,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self, "SELECT a.id FROM assets a", TRUE, &db, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);

      if ((ids->len & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    stw_sql_set_error (db, rc, error);

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&ids);
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

/* stw-location-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-location-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-location-repo.h"
#include "stw-repo-private.h"
#include "core/stw-error.h"
#include "core/stw-validate.h"

/* Locations form a strict tree: sites at the top, buildings in sites,
 * rooms in buildings. A path reads “Berlin › Main Office › Room 101”.
 * The tree is listed by a key that joins the names with char (1), which
 * sorts before any character of a name: sorted by the path itself, the
 * site “Berlin Office” came between “Berlin” and “Berlin › HQ”, as a
 * space sorts before “›”. */
#define LOCATION_TREE \
  "WITH RECURSIVE tree (id, path, sort_key) AS (" \
  "  SELECT id, name, name FROM locations WHERE parent_id IS NULL" \
  "  UNION ALL" \
  "  SELECT l.id, tree.path || ' › ' || l.name, tree.sort_key || char (1) || l.name" \
  "  FROM locations l JOIN tree ON l.parent_id = tree.id)" \
  "SELECT l.id, l.uuid, l.name, l.kind, l.parent_id, t.path,"

#define SELECT_LOCATION \
  LOCATION_TREE \
  "  (SELECT count(*) FROM assets a WHERE a.location_id IN (" \
  "     SELECT l.id UNION ALL SELECT c.id FROM locations c WHERE c.parent_id = l.id" \
  "     UNION ALL SELECT g.id FROM locations c JOIN locations g ON g.parent_id = c.id" \
  "     WHERE c.parent_id = l.id)) " \
  "FROM locations l JOIN tree t ON t.id = l.id "

/* Counting reads an index entry per asset: pickers do without. */
#define SELECT_LOCATION_NAMES \
  LOCATION_TREE " 0 FROM locations l JOIN tree t ON t.id = l.id "

typedef struct
{
  gint64 id;
  gint64 reassign_to;
} DeleteData;

static char *
describe_in_use (const char *name,
                 guint       count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” still holds %u asset. Choose where it goes, then delete.",
                                       "“%s” still holds %u assets. Choose where they go, then delete.",
                                       count),
                          name, count);
}

static const StwDeleteQueries delete_queries = {
  "SELECT count(*) FROM assets WHERE location_id = ?1",
  "UPDATE assets SET location_id = ?1, updated = ?3 WHERE location_id = ?2",
  "DELETE FROM locations WHERE id = ?1",
  describe_in_use,
  N_("The location chosen for the assets no longer exists."),
};

/* ------------------------------------------------------------------------ */

static StwLocation *
location_from_row (sqlite3_stmt *stmt)
{
  StwLocation *location = stw_location_new ();
  StwLocationKind kind = STW_LOCATION_KIND_SITE;

  stw_location_set_id (location, sqlite3_column_int64 (stmt, 0));
  stw_location_set_uuid (location, stw_sql_column_text (stmt, 1));
  stw_location_set_name (location, stw_sql_column_text (stmt, 2));
  stw_location_kind_from_key (stw_sql_column_text (stmt, 3), &kind);
  stw_location_set_kind (location, kind);
  stw_location_set_parent_id (location, sqlite3_column_int64 (stmt, 4));
  stw_location_set_path (location, stw_sql_column_text (stmt, 5));
  stw_location_set_asset_count (location, (guint)sqlite3_column_int64 (stmt, 6));

  return location;
}

static GListModel *
list_query (StwDatabase  *db,
            const char   *sql,
            gint64        parent_id,
            GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STW_TYPE_LOCATION);
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_database_prepare_read (db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    {
      if (parent_id == 0)
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_int64 (stmt, 1, parent_id);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwLocation) location = location_from_row (stmt);

      g_list_store_append (store, location);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
kind_of (sqlite3         *db,
         gint64           id,
         StwLocationKind *kind)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT kind FROM locations WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = stw_location_kind_from_key (stw_sql_column_text (stmt, 0), kind);
  sqlite3_finalize (stmt);

  return found;
}

/*
 * The rules of the tree, checked against @db (the reader or the writer).
 */
static gboolean
validate (sqlite3      *db,
          StwLocation  *location,
          GError      **error)
{
  StwLocationKind kind = stw_location_get_kind (location);
  gint64 parent_id = stw_location_get_parent_id (location);
  StwLocationKind parent_kind;

  if (!stw_validate_line (stw_location_get_name (location), _("Name"), TRUE, error))
    return FALSE;

  if (kind == STW_LOCATION_KIND_SITE)
    {
      if (parent_id != 0)
        {
          g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                       _("A site is at the top of the tree and cannot be inside another location."));
          return FALSE;
        }
      return TRUE;
    }

  if (parent_id == 0 || !kind_of (db, parent_id, &parent_kind))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   kind == STW_LOCATION_KIND_BUILDING
                   ? _("Choose the site this building belongs to.")
                   : _("Choose the building this room is in."));
      return FALSE;
    }

  if ((kind == STW_LOCATION_KIND_BUILDING && parent_kind != STW_LOCATION_KIND_SITE) ||
      (kind == STW_LOCATION_KIND_ROOM && parent_kind != STW_LOCATION_KIND_BUILDING))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   kind == STW_LOCATION_KIND_BUILDING
                   ? _("A building must be inside a site.")
                   : _("A room must be inside a building."));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */

/**
 * stw_location_repo_insert:
 *
 * Inserts @location on the writer thread and sets its id and UUID.
 */
gboolean
stw_location_repo_insert (StwWriteContext  *ctx,
                          StwLocation      *location,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = stw_write_context_get_time (ctx);

  if (!validate (stw_write_context_get_db (ctx), location, error))
    return FALSE;

  if (stw_location_get_uuid (location) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      stw_location_set_uuid (location, uuid);
    }

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO locations (uuid, name, kind, parent_id, created, updated) "
                                    "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, stw_location_get_uuid (location), -1, SQLITE_TRANSIENT);
  stw_sql_bind_stripped (stmt, 2, stw_location_get_name (location));
  sqlite3_bind_text (stmt, 3, stw_location_kind_to_key (stw_location_get_kind (location)), -1, SQLITE_STATIC);
  if (stw_location_get_parent_id (location) == 0)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_int64 (stmt, 4, stw_location_get_parent_id (location));
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);

  if (!stw_sql_step (stmt, error))
    return FALSE;

  stw_location_set_id (location, sqlite3_last_insert_rowid (stw_write_context_get_db (ctx)));
  return TRUE;
}

static gboolean
save_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  StwLocation *location = user_data;
  sqlite3_stmt *stmt;
  StwLocationKind old_kind;

  if (stw_location_get_id (location) == 0)
    {
      if (!stw_location_repo_insert (ctx, location, error))
        return FALSE;
      stw_write_context_set_result (ctx, stw_location_get_id (location));
      return TRUE;
    }

  if (!validate (stw_write_context_get_db (ctx), location, error))
    return FALSE;

  if (!kind_of (stw_write_context_get_db (ctx), stw_location_get_id (location), &old_kind))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("This location no longer exists."));
      return FALSE;
    }

  stmt = stw_write_context_prepare (ctx, "SELECT count(*) FROM locations WHERE parent_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_location_get_id (location));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0 &&
      old_kind != stw_location_get_kind (location))
    {
      sqlite3_reset (stmt);
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” contains other locations, so its kind cannot change."),
                   stw_location_get_name (location));
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = stw_write_context_prepare (ctx,
                                    "UPDATE locations SET name = ?, kind = ?, parent_id = ?, updated = ? "
                                    "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  stw_sql_bind_stripped (stmt, 1, stw_location_get_name (location));
  sqlite3_bind_text (stmt, 2, stw_location_kind_to_key (stw_location_get_kind (location)), -1, SQLITE_STATIC);
  if (stw_location_get_parent_id (location) == 0)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int64 (stmt, 3, stw_location_get_parent_id (location));
  sqlite3_bind_int64 (stmt, 4, stw_write_context_get_time (ctx));
  sqlite3_bind_int64 (stmt, 5, stw_location_get_id (location));

  if (!stw_sql_step (stmt, error))
    return FALSE;

  stw_write_context_set_result (ctx, stw_location_get_id (location));
  return TRUE;
}

static StwLocation *
copy_location (StwLocation *location)
{
  return g_object_new (STW_TYPE_LOCATION,
                       "id", stw_location_get_id (location),
                       "uuid", stw_location_get_uuid (location),
                       "name", stw_location_get_name (location),
                       "kind", stw_location_get_kind (location),
                       "parent-id", stw_location_get_parent_id (location),
                       NULL);
}

static const char *
describe_save (StwLocation *location)
{
  /* Translators: undo steps */
  return stw_location_get_id (location) == 0 ? _("Add Location") : _("Edit Location");
}

void
stw_location_repo_save_async (StwDatabase         *db,
                              StwLocation         *location,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (STW_IS_DATABASE (db));
  g_return_if_fail (STW_IS_LOCATION (location));

  stw_database_write_async (db, STW_ORIGIN_USER, describe_save (location), save_func,
                            copy_location (location), g_object_unref,
                            cancellable, callback, user_data);
}

gint64
stw_location_repo_save_finish (StwDatabase   *db,
                               GAsyncResult  *result,
                               GError       **error)
{
  gint64 id = 0;

  return stw_database_write_finish (db, result, &id, error) ? id : 0;
}

gint64
stw_location_repo_save_sync (StwDatabase  *db,
                             StwLocation  *location,
                             GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);
  g_return_val_if_fail (STW_IS_LOCATION (location), 0);

  if (!stw_database_write_sync (db, STW_ORIGIN_USER, describe_save (location), save_func,
                                location, &id, error))
    return 0;

  return id;
}

static gboolean
delete_func (StwWriteContext  *ctx,
             gpointer          user_data,
             GError          **error)
{
  DeleteData *data = user_data;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 children = 0;

  stmt = stw_write_context_prepare (ctx, "SELECT name, (SELECT count(*) FROM locations c "
                                         "WHERE c.parent_id = l.id) FROM locations l WHERE id = ?",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      name = g_strdup (stw_sql_column_text (stmt, 0));
      children = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (name == NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("This location no longer exists."));
      return FALSE;
    }

  if (children > 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” contains %u other location. Delete or move it first.",
                                "“%s” contains %u other locations. Delete or move them first.",
                                children),
                   name, (guint)children);
      return FALSE;
    }

  return stw_repo_delete_reassigning (ctx, &delete_queries, data->id, data->reassign_to, name, error);
}

void
stw_location_repo_delete_async (StwDatabase         *db,
                                gint64               id,
                                gint64               reassign_to,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  DeleteData *data;

  g_return_if_fail (STW_IS_DATABASE (db));

  data = g_new0 (DeleteData, 1);
  data->id = id;
  data->reassign_to = reassign_to;

  stw_database_write_async (db, STW_ORIGIN_USER, _("Delete Location"), delete_func, data, g_free,
                            cancellable, callback, user_data);
}

gboolean
stw_location_repo_delete_finish (StwDatabase   *db,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return stw_database_write_finish (db, result, NULL, error);
}

/**
 * stw_location_repo_delete_sync:
 * @reassign_to: where the assets at @id go: another location's id,
 *   %STW_REASSIGN_CLEAR for nowhere, or 0 to refuse while any are there
 */
gboolean
stw_location_repo_delete_sync (StwDatabase  *db,
                               gint64        id,
                               gint64        reassign_to,
                               GError      **error)
{
  DeleteData data = { id, reassign_to };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Delete Location"), delete_func, &data,
                                  NULL, error);
}

/* ------------------------------------------------------------------------ */

/**
 * stw_location_repo_list:
 *
 * Returns: (transfer full): every location in tree order, with its path
 *   and asset count
 */
GListModel *
stw_location_repo_list (StwDatabase  *db,
                        GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return list_query (db, SELECT_LOCATION "ORDER BY t.sort_key COLLATE NOCASE, l.id", 0, error);
}

/**
 * stw_location_repo_list_names:
 *
 * Returns: (transfer full): every location in tree order, with its path
 *   and an asset count of 0: for pickers, without counting a million
 *   assets
 */
GListModel *
stw_location_repo_list_names (StwDatabase  *db,
                              GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return list_query (db, SELECT_LOCATION_NAMES "ORDER BY t.sort_key COLLATE NOCASE, l.id", 0, error);
}

/**
 * stw_location_repo_list_children:
 * @parent_id: the parent, or 0 for the sites
 *
 * Returns: (transfer full): the locations directly inside @parent_id
 */
GListModel *
stw_location_repo_list_children (StwDatabase  *db,
                                 gint64        parent_id,
                                 GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return list_query (db, SELECT_LOCATION "WHERE l.parent_id IS ?1 ORDER BY l.name COLLATE NOCASE, l.id",
                     parent_id, error);
}

StwLocation *
stw_location_repo_load (StwDatabase  *db,
                        gint64        id,
                        GError      **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  list = list_query (db, SELECT_LOCATION "WHERE l.id = ?1", id, error);
  if (list == NULL)
    return NULL;

  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("This location no longer exists."));
      return NULL;
    }

  return g_list_model_get_item (list, 0);
}

gboolean
stw_location_repo_validate (StwDatabase  *db,
                            StwLocation  *location,
                            GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  return validate (stw_database_get_reader (db), location, error);
}

guint
stw_location_repo_count_assets (StwDatabase *db,
                                gint64       id)
{
  return stw_repo_count (db, delete_queries.count_sql, id);
}

guint
stw_location_repo_count_children (StwDatabase *db,
                                  gint64       id)
{
  return stw_repo_count (db, "SELECT count(*) FROM locations WHERE parent_id = ?1", id);
}

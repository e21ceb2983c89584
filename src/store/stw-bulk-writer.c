/* stw-bulk-writer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-bulk-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-bulk-writer.h"
#include "stw-database-private.h"
#include "stw-location-repo.h"
#include "stw-person-repo.h"
#include "core/stw-error.h"

/*
 * Saves many assets inside one write (an import): an asset whose tag is
 * already in the store is updated, any other inserted; locations and
 * people named by text are matched, or created, and remembered, so a
 * million rows naming the same twenty rooms look each up once.
 *
 * The full-text index of the assets it touches is built in one statement
 * by stw_bulk_writer_finish() rather than row by row (see
 * sql/0002-deferred-fts.sql); the journal is written row by row as ever.
 */

struct _StwBulkWriter
{
  StwWriteContext *ctx;
  GHashTable      *locations;   /* folded path → id */
  GHashTable      *people;      /* folded name → id */

  /* What the row being saved added to the caches, to forget if the row
   * is rolled back. */
  GPtrArray       *row_locations;
  GPtrArray       *row_people;
};

static const char * const separators[] = { " › ", "›", " > ", " / ", NULL };

/* ------------------------------------------------------------------------ */

static gint64
lookup_id (StwWriteContext  *ctx,
           const char       *sql,
           const char       *text,
           gint64            parent_id,
           const char       *kind,
           GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    {
      if (parent_id == 0)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int64 (stmt, 2, parent_id);
    }
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    id = stw_sql_set_error (stw_write_context_get_db (ctx), rc, error) ? 0 : -1;
  sqlite3_reset (stmt);

  return id;
}

static char **
split_path (const char *path)
{
  g_autofree char *normal = g_strdup (path);
  g_auto(GStrv) parts = NULL;
  GPtrArray *kept = g_ptr_array_new ();

  /* Every separator becomes “›”, then split on that. */
  for (guint i = 0; separators[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (normal, separators[i], -1);

      g_free (normal);
      normal = g_strjoinv ("\x1f", pieces);
    }

  parts = g_strsplit (normal, "\x1f", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (part[0] != '\0')
        g_ptr_array_add (kept, g_strdup (part));
    }
  g_ptr_array_add (kept, NULL);

  return (char **)g_ptr_array_free (kept, FALSE);
}

static gint64
create_location (StwBulkWriter    *self,
                 const char       *name,
                 StwLocationKind   kind,
                 gint64            parent_id,
                 GError          **error)
{
  g_autoptr(StwLocation) location = stw_location_new ();

  stw_location_set_name (location, name);
  stw_location_set_kind (location, kind);
  stw_location_set_parent_id (location, parent_id);

  if (!stw_location_repo_insert (self->ctx, location, error))
    return -1;

  return stw_location_get_id (location);
}

/* ------------------------------------------------------------------------ */

static gboolean
note_touched (StwBulkWriter  *self,
              gint64          id,
              GError        **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (self->ctx,
                                                  "INSERT OR IGNORE INTO temp.bulk_touched (id) "
                                                  "VALUES (?)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return stw_sql_step (stmt, error);
}

static gboolean
exec_sql (StwWriteContext  *ctx,
          const char       *sql,
          GError          **error)
{
  sqlite3 *db = stw_write_context_get_db (ctx);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return stw_sql_set_error (db, rc, error);

  return TRUE;
}

/**
 * stw_bulk_writer_new:
 *
 * Starts bulk saving in the write @ctx. Call stw_bulk_writer_finish()
 * before the write returns; if the write fails instead, its rollback
 * undoes everything, the deferred index included.
 */
StwBulkWriter *
stw_bulk_writer_new (StwWriteContext  *ctx,
                     GError          **error)
{
  StwBulkWriter *self;

  if (!exec_sql (ctx, "UPDATE journal_state SET fts_deferred = 1 WHERE id = 1;"
                      "CREATE TEMP TABLE IF NOT EXISTS bulk_touched (id INTEGER PRIMARY KEY);"
                      "DELETE FROM temp.bulk_touched;", error))
    return NULL;

  self = g_new0 (StwBulkWriter, 1);
  self->ctx = ctx;
  self->locations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->row_locations = g_ptr_array_new_with_free_func (g_free);
  self->row_people = g_ptr_array_new_with_free_func (g_free);

  return self;
}

/**
 * stw_bulk_writer_begin_row:
 *
 * Starts one record of the bulk write: everything saved until
 * stw_bulk_writer_end_row() is kept or dropped together, so a record
 * refused half way leaves no location or person made for it.
 */
gboolean
stw_bulk_writer_begin_row (StwBulkWriter  *self,
                           GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_ptr_array_set_size (self->row_locations, 0);
  g_ptr_array_set_size (self->row_people, 0);
  return exec_sql (self->ctx, "SAVEPOINT stw_bulk_row", error);
}

/**
 * stw_bulk_writer_end_row:
 * @keep: %FALSE to drop what the record saved
 */
gboolean
stw_bulk_writer_end_row (StwBulkWriter  *self,
                         gboolean        keep,
                         GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (keep)
    return exec_sql (self->ctx, "RELEASE stw_bulk_row", error);

  for (guint i = 0; i < self->row_locations->len; i++)
    g_hash_table_remove (self->locations, self->row_locations->pdata[i]);
  for (guint i = 0; i < self->row_people->len; i++)
    g_hash_table_remove (self->people, self->row_people->pdata[i]);

  return exec_sql (self->ctx, "ROLLBACK TO stw_bulk_row; RELEASE stw_bulk_row", error);
}

/**
 * stw_bulk_writer_finish:
 *
 * Indexes every asset saved for full-text search, in one statement, and
 * ends bulk saving.
 */
gboolean
stw_bulk_writer_finish (StwBulkWriter  *self,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return exec_sql (self->ctx,
                   "DELETE FROM assets_fts WHERE rowid IN (SELECT id FROM temp.bulk_touched);"
                   "INSERT INTO assets_fts (rowid, name, tag, serial, model, manufacturer, notes, "
                   "                        person, location) "
                   "SELECT a.id, a.name, a.tag, a.serial, a.model, a.manufacturer, a.notes, "
                   "       p.name, l.name "
                   "FROM temp.bulk_touched t JOIN assets a ON a.id = t.id "
                   "LEFT JOIN people p ON p.id = a.person_id "
                   "LEFT JOIN locations l ON l.id = a.location_id;"
                   "DELETE FROM temp.bulk_touched;"
                   "UPDATE journal_state SET fts_deferred = 0 WHERE id = 1;",
                   error);
}

void
stw_bulk_writer_free (StwBulkWriter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->locations);
  g_hash_table_unref (self->people);
  g_ptr_array_unref (self->row_locations);
  g_ptr_array_unref (self->row_people);
  g_free (self);
}

/**
 * stw_bulk_writer_find_location:
 * @path: a location's name (“Server Room”) or path (“Berlin › HQ ›
 *   Server Room”, also with “>” or “/” between the parts)
 *
 * A lone name matches any location with that name, a room before a
 * building before a site; if there is none, it becomes a new site. A
 * path matches or creates each level: site, building, room.
 *
 * Returns: the location's id, or -1 with @error set
 */
gint64
stw_bulk_writer_find_location (StwBulkWriter  *self,
                               const char     *path,
                               GError        **error)
{
  static const StwLocationKind levels[] = {
    STW_LOCATION_KIND_SITE, STW_LOCATION_KIND_BUILDING, STW_LOCATION_KIND_ROOM
  };
  g_autofree char *key = g_utf8_casefold (path, -1);
  g_auto(GStrv) parts = NULL;
  gint64 *cached = g_hash_table_lookup (self->locations, key);
  gint64 id = 0;
  guint n_parts;

  if (cached != NULL)
    return *cached;

  parts = split_path (path);
  n_parts = g_strv_length (parts);

  if (n_parts == 0)
    return 0;

  if (n_parts > G_N_ELEMENTS (levels))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” has more than three levels; a location is a site, a building "
                     "in it and a room in that."), path);
      return -1;
    }

  if (n_parts == 1)
    {
      id = lookup_id (self->ctx,
                      "SELECT id FROM locations WHERE name = ?1 COLLATE NOCASE "
                      "ORDER BY CASE kind WHEN 'room' THEN 0 WHEN 'building' THEN 1 ELSE 2 END, id "
                      "LIMIT 1",
                      parts[0], 0, NULL, error);
      if (id == 0)
        id = create_location (self, parts[0], STW_LOCATION_KIND_SITE, 0, error);
    }
  else
    {
      for (guint i = 0; i < n_parts && id >= 0; i++)
        {
          gint64 parent = id;

          id = lookup_id (self->ctx,
                          "SELECT id FROM locations WHERE name = ?1 COLLATE NOCASE "
                          "AND parent_id IS ?2 AND kind = ?3 ORDER BY id LIMIT 1",
                          parts[i], parent, stw_location_kind_to_key (levels[i]), error);
          if (id == 0)
            id = create_location (self, parts[i], levels[i], parent, error);
        }
    }

  if (id > 0)
    {
      gint64 *value = g_new (gint64, 1);

      *value = id;
      g_ptr_array_add (self->row_locations, g_strdup (key));
      g_hash_table_insert (self->locations, g_steal_pointer (&key), value);
    }

  return id;
}

/**
 * stw_bulk_writer_find_person:
 *
 * Matches a person by name, whatever its case, or adds one.
 *
 * Returns: the person's id, or -1 with @error set
 */
gint64
stw_bulk_writer_find_person (StwBulkWriter  *self,
                             const char     *name,
                             GError        **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  gint64 *cached = g_hash_table_lookup (self->people, key);
  gint64 id;

  if (cached != NULL)
    return *cached;

  id = lookup_id (self->ctx, "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
                  name, 0, NULL, error);
  if (id == 0)
    {
      g_autoptr(StwPerson) person = stw_person_new ();

      stw_person_set_name (person, name);
      id = stw_person_repo_insert (self->ctx, person, error) ? stw_person_get_id (person) : -1;
    }

  if (id > 0)
    {
      gint64 *value = g_new (gint64, 1);

      *value = id;
      g_ptr_array_add (self->row_people, g_strdup (key));
      g_hash_table_insert (self->people, g_steal_pointer (&key), value);
    }

  return id;
}

/**
 * stw_bulk_writer_save_asset:
 * @fields: the fields the caller has values for
 * @updated: (out) (optional): whether an asset with the same tag existed
 *
 * Updates the asset with @asset's tag, or inserts @asset. A failure of
 * this one asset (a duplicate UUID, say) leaves the rest of the write
 * intact; see stw_bulk_writer_is_fatal().
 */
gboolean
stw_bulk_writer_save_asset (StwBulkWriter   *self,
                            StwAsset        *asset,
                            StwAssetFields   fields,
                            gboolean        *updated,
                            GError         **error)
{
  gint64 id;

  id = lookup_id (self->ctx, "SELECT id FROM assets WHERE tag = ?1", stw_asset_get_tag (asset),
                  0, NULL, error);
  if (id < 0)
    return FALSE;

  if (updated != NULL)
    *updated = id > 0;

  if (id > 0)
    {
      stw_asset_set_id (asset, id);
      if (!stw_asset_repo_update (self->ctx, asset, fields, error))
        return FALSE;
    }
  else if (!stw_asset_repo_insert (self->ctx, asset, error))
    {
      return FALSE;
    }

  return note_touched (self, stw_asset_get_id (asset), error);
}

/**
 * stw_bulk_writer_is_fatal:
 *
 * Whether @error ends the whole write (a full disk, a damaged file)
 * rather than only the record it came from.
 */
gboolean
stw_bulk_writer_is_fatal (const GError *error)
{
  if (error == NULL || error->domain != STW_ERROR)
    return TRUE;

  switch ((StwError)error->code)
    {
    case STW_ERROR_INVALID:
    case STW_ERROR_REQUIRED:
    case STW_ERROR_DUPLICATE:
    case STW_ERROR_NOT_FOUND:
    case STW_ERROR_IN_USE:
      return FALSE;

    case STW_ERROR_FAILED:
    case STW_ERROR_NOT_DATABASE:
    case STW_ERROR_FOREIGN_DATABASE:
    case STW_ERROR_NEWER_DATABASE:
    case STW_ERROR_DAMAGED:
    case STW_ERROR_READ_ONLY:
    case STW_ERROR_DISK_FULL:
    case STW_ERROR_NOTHING_TO_UNDO:
    default:
      return TRUE;
    }
}

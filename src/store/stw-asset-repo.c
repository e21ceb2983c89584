/* stw-asset-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-asset-query.h"
#include "stw-asset-repo.h"
#include "stw-database-private.h"
#include "core/stw-error.h"
#include "core/stw-validate.h"

#define SELECT_ASSET \
  "SELECT a.id, a.uuid, a.name, a.tag, a.serial, a.category, a.manufacturer, a.model, " \
  "a.status, a.location_id, l.name, a.person_id, p.name, a.purchase_date, a.purchase_cost, " \
  "a.currency, a.warranty_end, a.supplier, a.notes, a.created, a.updated " \
  "FROM assets a LEFT JOIN locations l ON l.id = a.location_id " \
  "LEFT JOIN people p ON p.id = a.person_id "

typedef struct
{
  StwAsset       *asset;
  StwAssetFields  fields;
} SaveData;

typedef struct
{
  gint64 *ids;
  guint   n_ids;
} DeleteData;

/* ------------------------------------------------------------------------ */

static StwAsset *
asset_from_row (sqlite3_stmt *stmt)
{
  StwAsset *asset = stw_asset_new ();
  StwAssetCategory category = STW_ASSET_CATEGORY_OTHER;
  StwAssetStatus status = STW_ASSET_STATUS_IN_STOCK;

  stw_asset_set_id (asset, sqlite3_column_int64 (stmt, 0));
  stw_asset_set_uuid (asset, stw_sql_column_text (stmt, 1));
  stw_asset_set_name (asset, stw_sql_column_text (stmt, 2));
  stw_asset_set_tag (asset, stw_sql_column_text (stmt, 3));
  stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, stw_sql_column_text (stmt, 4));
  stw_asset_category_from_key (stw_sql_column_text (stmt, 5), &category);
  stw_asset_set_category (asset, category);
  stw_asset_set_text (asset, STW_ASSET_FIELD_MANUFACTURER, stw_sql_column_text (stmt, 6));
  stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, stw_sql_column_text (stmt, 7));
  stw_asset_status_from_key (stw_sql_column_text (stmt, 8), &status);
  stw_asset_set_status (asset, status);
  stw_asset_set_location (asset, sqlite3_column_int64 (stmt, 9), stw_sql_column_text (stmt, 10));
  stw_asset_set_person (asset, sqlite3_column_int64 (stmt, 11), stw_sql_column_text (stmt, 12));
  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, stw_sql_column_text (stmt, 13));
  stw_asset_set_purchase_cost (asset, sqlite3_column_type (stmt, 14) == SQLITE_NULL
                                        ? STW_COST_UNSET : sqlite3_column_int64 (stmt, 14));
  stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, stw_sql_column_text (stmt, 15));
  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, stw_sql_column_text (stmt, 16));
  stw_asset_set_text (asset, STW_ASSET_FIELD_SUPPLIER, stw_sql_column_text (stmt, 17));
  stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, stw_sql_column_text (stmt, 18));
  stw_asset_set_times (asset, sqlite3_column_int64 (stmt, 19), sqlite3_column_int64 (stmt, 20));

  return asset;
}

/* Binds the value of @field to parameter @index. */
static void
bind_field (sqlite3_stmt  *stmt,
            int            index,
            StwAsset      *asset,
            StwAssetField  field)
{
  gint64 value;

  switch (field)
    {
    case STW_ASSET_FIELD_CATEGORY:
      sqlite3_bind_text (stmt, index, stw_asset_category_to_key (stw_asset_get_category (asset)),
                         -1, SQLITE_STATIC);
      break;

    case STW_ASSET_FIELD_STATUS:
      sqlite3_bind_text (stmt, index, stw_asset_status_to_key (stw_asset_get_status (asset)),
                         -1, SQLITE_STATIC);
      break;

    case STW_ASSET_FIELD_LOCATION:
    case STW_ASSET_FIELD_PERSON:
      value = field == STW_ASSET_FIELD_LOCATION ? stw_asset_get_location_id (asset)
                                                : stw_asset_get_person_id (asset);
      if (value == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, value);
      break;

    case STW_ASSET_FIELD_PURCHASE_COST:
      value = stw_asset_get_purchase_cost (asset);
      if (value == STW_COST_UNSET)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, value);
      break;

    case STW_ASSET_FIELD_NOTES:
      stw_sql_bind_text (stmt, index, stw_asset_get_text (asset, field));
      break;

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_CURRENCY:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_SUPPLIER:
    default:
      /* Single-line values are stored trimmed, as validation reads them:
       * “LT-1 ” is the tag “LT-1”, “ 2026-03-31” a date, “  ” nothing. */
      stw_sql_bind_stripped (stmt, index, stw_asset_get_text (asset, field));
      break;
    }
}

/* A unique-tag failure names the asset that has the tag. */
static void
explain_duplicate (sqlite3     *db,
                   StwAsset    *asset,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *other = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM assets WHERE tag = ? AND id <> ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      stw_sql_bind_stripped (stmt, 1, stw_asset_get_tag (asset));
      sqlite3_bind_int64 (stmt, 2, stw_asset_get_id (asset));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other = g_strdup (stw_sql_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  g_clear_error (error);
  if (other != NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_DUPLICATE,
                   _("The asset tag “%s” is already used by “%s”."),
                   stw_asset_get_tag (asset), other);
      return;
    }

  /* Not the tag: then the UUID, which an import may carry. */
  if (stw_asset_get_uuid (asset) != NULL &&
      sqlite3_prepare_v2 (db, "SELECT name FROM assets WHERE uuid = ? AND id <> ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, stw_asset_get_uuid (asset), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, stw_asset_get_id (asset));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other = g_strdup (stw_sql_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  if (other != NULL)
    g_set_error (error, STW_ERROR, STW_ERROR_DUPLICATE,
                 _("The UUID %s already belongs to “%s”, which has another asset tag."),
                 stw_asset_get_uuid (asset), other);
  else
    g_set_error (error, STW_ERROR, STW_ERROR_DUPLICATE,
                 _("The asset tag “%s” is already used."), stw_asset_get_tag (asset));
}

/* The location and person an asset names must exist; say which is gone. */
static void
explain_missing_reference (GError **error)
{
  g_clear_error (error);
  g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND,
               _("The chosen location or person no longer exists."));
}

static gboolean
finish_write_error (StwWriteContext  *ctx,
                    StwAsset         *asset,
                    GError          **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == STW_ERROR)
    {
      if ((*error)->code == STW_ERROR_DUPLICATE)
        explain_duplicate (stw_write_context_get_db (ctx), asset, error);
      else if ((*error)->code == STW_ERROR_IN_USE)
        explain_missing_reference (error);
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Writes (writer thread)                                                   */
/* ------------------------------------------------------------------------ */

/**
 * stw_asset_repo_insert:
 *
 * Inserts @asset, giving it a UUID when it has none, and sets its id.
 */
gboolean
stw_asset_repo_insert (StwWriteContext  *ctx,
                       StwAsset         *asset,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = stw_write_context_get_time (ctx);
  int index = 1;

  if (!stw_asset_validate (asset, NULL, error))
    return FALSE;

  if (stw_asset_get_uuid (asset) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      stw_asset_set_uuid (asset, uuid);
    }

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO assets (uuid, name, tag, serial, category, "
                                    "manufacturer, model, status, location_id, person_id, "
                                    "purchase_date, purchase_cost, currency, warranty_end, "
                                    "supplier, notes, created, updated) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, index++, stw_asset_get_uuid (asset), -1, SQLITE_TRANSIENT);
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    bind_field (stmt, index++, asset, field);
  sqlite3_bind_int64 (stmt, index++, now);
  sqlite3_bind_int64 (stmt, index++, now);

  if (!stw_sql_step (stmt, error))
    return finish_write_error (ctx, asset, error);

  stw_asset_set_id (asset, sqlite3_last_insert_rowid (stw_write_context_get_db (ctx)));
  stw_asset_set_times (asset, now, now);
  return TRUE;
}

/**
 * stw_asset_repo_update:
 * @fields: the fields to write; the others keep what the store has
 *
 * Updates an existing asset on the writer thread.
 */
gboolean
stw_asset_repo_update (StwWriteContext  *ctx,
                       StwAsset         *asset,
                       StwAssetFields    fields,
                       GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE assets SET updated = ?1");
  sqlite3_stmt *stmt;
  int index = 2;

  if (!stw_asset_validate (asset, NULL, error))
    return FALSE;

  /* Only the fields the person changed are written, so a change another
   * writer made meanwhile to a different field survives. The column
   * names come from our own table, never from data. */
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (fields & STW_ASSET_FIELD_BIT (field))
      g_string_append_printf (sql, ", %s = ?%d", stw_asset_field_to_column (field), index++);
  g_string_append_printf (sql, " WHERE id = ?%d", index);

  stmt = stw_write_context_prepare (ctx, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stw_write_context_get_time (ctx));
  index = 2;
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (fields & STW_ASSET_FIELD_BIT (field))
      bind_field (stmt, index++, asset, field);
  sqlite3_bind_int64 (stmt, index, stw_asset_get_id (asset));

  if (!stw_sql_step (stmt, error))
    return finish_write_error (ctx, asset, error);

  if (sqlite3_changes (stw_write_context_get_db (ctx)) == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                   _("This asset has been deleted, so the change was not saved."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  SaveData *data = user_data;
  gboolean ok;

  if (stw_asset_get_id (data->asset) == 0)
    ok = stw_asset_repo_insert (ctx, data->asset, error);
  else
    ok = stw_asset_repo_update (ctx, data->asset, data->fields, error);

  if (ok)
    stw_write_context_set_result (ctx, stw_asset_get_id (data->asset));

  return ok;
}

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_object_unref (save->asset);
  g_free (save);
}

static char *
describe_save (StwAsset       *asset,
               StwAssetFields  fields)
{
  if (stw_asset_get_id (asset) == 0)
    /* Translators: an undo step, “Undo Add Asset” */
    return g_strdup (_("Add Asset"));

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (fields == STW_ASSET_FIELD_BIT (field))
      /* Translators: an undo step; %s is a field such as “Serial Number” */
      return g_strdup_printf (_("Change %s"), stw_asset_field_label (field));

  return g_strdup (_("Edit Asset"));
}

/**
 * stw_asset_repo_save_async:
 * @asset: the asset; a copy is saved, so the caller may go on changing it
 * @fields: the fields to write when the asset exists; all of them are
 *   written for a new one (id 0)
 *
 * Inserts or updates an asset as one undo step.
 */
void
stw_asset_repo_save_async (StwDatabase         *db,
                           StwAsset            *asset,
                           StwAssetFields       fields,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *description = NULL;
  SaveData *data;

  g_return_if_fail (STW_IS_DATABASE (db));
  g_return_if_fail (STW_IS_ASSET (asset));

  data = g_new0 (SaveData, 1);
  data->asset = stw_asset_dup (asset);
  data->fields = fields;
  description = describe_save (asset, fields);

  stw_database_write_async (db, STW_ORIGIN_USER, description, save_func, data, save_data_free,
                            cancellable, callback, user_data);
}

/**
 * stw_asset_repo_save_finish:
 *
 * Returns: the asset's id, or 0 with @error set
 */
gint64
stw_asset_repo_save_finish (StwDatabase   *db,
                            GAsyncResult  *result,
                            GError       **error)
{
  gint64 id = 0;

  if (!stw_database_write_finish (db, result, &id, error))
    return 0;

  return id;
}

gint64
stw_asset_repo_save_sync (StwDatabase     *db,
                          StwAsset        *asset,
                          StwAssetFields   fields,
                          GError         **error)
{
  g_autofree char *description = describe_save (asset, fields);
  SaveData data = { asset, fields };
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);
  g_return_val_if_fail (STW_IS_ASSET (asset), 0);

  if (!stw_database_write_sync (db, STW_ORIGIN_USER, description, save_func, &data, &id, error))
    return 0;

  return id;
}

static gboolean
delete_func (StwWriteContext  *ctx,
             gpointer          user_data,
             GError          **error)
{
  DeleteData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx,
                                    "SELECT a.tag, count(l.id) FROM assets a "
                                    "JOIN ticket_assets l ON l.asset_id = a.id WHERE a.id = ?",
                                    error);
  if (stmt == NULL)
    return FALSE;

  /* Tickets keep the assets they are about. */
  for (guint i = 0; i < data->n_ids; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, data->ids[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 1) > 0)
        {
          guint n = (guint)sqlite3_column_int64 (stmt, 1);

          g_set_error (error, STW_ERROR, STW_ERROR_IN_USE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” is linked to %u ticket. Unlink it from the ticket "
                                    "first, or mark it retired.",
                                    "“%s” is linked to %u tickets. Unlink it from the tickets "
                                    "first, or mark it retired.", n),
                       stw_sql_column_text (stmt, 0), n);
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  stmt = stw_write_context_prepare (ctx, "DELETE FROM assets WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < data->n_ids; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, data->ids[i]);
      if (!stw_sql_step (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
delete_data_free (gpointer data)
{
  DeleteData *delete = data;

  g_free (delete->ids);
  g_free (delete);
}

static char *
describe_delete (guint n_ids)
{
  /* Translators: an undo step, “Undo Delete 3 Assets” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Asset", "Delete %u Assets",
                                       n_ids), n_ids);
}

void
stw_asset_repo_delete_async (StwDatabase         *db,
                             const gint64        *ids,
                             guint                n_ids,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *description = describe_delete (n_ids);
  DeleteData *data;

  g_return_if_fail (STW_IS_DATABASE (db));
  g_return_if_fail (ids != NULL || n_ids == 0);

  data = g_new0 (DeleteData, 1);
  data->ids = g_memdup2 (ids, sizeof (gint64) * n_ids);
  data->n_ids = n_ids;

  stw_database_write_async (db, STW_ORIGIN_USER, description, delete_func, data,
                            delete_data_free, cancellable, callback, user_data);
}

gboolean
stw_asset_repo_delete_finish (StwDatabase   *db,
                              GAsyncResult  *result,
                              GError       **error)
{
  return stw_database_write_finish (db, result, NULL, error);
}

gboolean
stw_asset_repo_delete_sync (StwDatabase   *db,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_autofree char *description = describe_delete (n_ids);
  DeleteData data = { (gint64 *)ids, n_ids };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, description, delete_func, &data, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* Reads (main thread)                                                      */
/* ------------------------------------------------------------------------ */

/**
 * stw_asset_repo_load:
 *
 * Returns: (transfer full) (nullable): the asset, or %NULL with @error set
 */
StwAsset *
stw_asset_repo_load (StwDatabase  *db,
                     gint64        id,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  StwAsset *asset = NULL;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  stmt = stw_database_prepare_read (db, SELECT_ASSET "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    asset = asset_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The asset no longer exists."));
  else
    stw_sql_set_error (stw_database_get_reader (db), rc, error);

  sqlite3_reset (stmt);
  return asset;
}

/**
 * stw_asset_repo_load_in:
 *
 * Like stw_asset_repo_load(), inside a write on the writer thread.
 *
 * Returns: (transfer full): the asset, or %NULL with @error set
 */
StwAsset *
stw_asset_repo_load_in (StwWriteContext  *ctx,
                        gint64            id,
                        GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx, SELECT_ASSET "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return asset_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The asset no longer exists."));
  else
    stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
  return NULL;
}

/**
 * stw_asset_repo_load_many:
 * @assets: (element-type gint64 StwAsset): receives each asset found,
 *   keyed by a pointer to its id (use g_int64_hash)
 *
 * Loads a page of assets in one query. Ids that no longer exist are
 * skipped.
 */
gboolean
stw_asset_repo_load_many (StwDatabase   *db,
                          const gint64  *ids,
                          guint          n_ids,
                          GHashTable    *assets,
                          GError       **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  if (n_ids == 0)
    return TRUE;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  stmt = stw_database_prepare_read (db, SELECT_ASSET "WHERE a.id IN (SELECT value FROM json_each (?))",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, json->str, (int)json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StwAsset *asset = asset_from_row (stmt);
      gint64 *key = g_new (gint64, 1);

      *key = stw_asset_get_id (asset);
      g_hash_table_replace (assets, key, asset);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return stw_sql_set_error (stw_database_get_reader (db), rc, error);

  return TRUE;
}

/**
 * stw_asset_repo_find_by_tag:
 *
 * Returns: the id of the asset with @tag (any case), or 0
 */
gint64
stw_asset_repo_find_by_tag (StwDatabase *db,
                            const char  *tag)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);

  if (tag == NULL)
    return 0;

  stmt = stw_database_prepare_read (db, "SELECT id FROM assets WHERE tag = ?", NULL);
  if (stmt == NULL)
    return 0;

  /* Tags are stored trimmed; the column compares without case. */
  stw_sql_bind_stripped (stmt, 1, tag);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * stw_asset_repo_check_tag:
 *
 * For inline validation while typing: fails when another asset than
 * @except_id already has @tag.
 */
gboolean
stw_asset_repo_check_tag (StwDatabase  *db,
                          const char   *tag,
                          gint64        except_id,
                          GError      **error)
{
  g_autoptr(StwAsset) other = NULL;
  gint64 id;

  id = stw_asset_repo_find_by_tag (db, tag);
  if (id == 0 || id == except_id)
    return TRUE;

  other = stw_asset_repo_load (db, id, NULL);
  g_set_error (error, STW_ERROR, STW_ERROR_DUPLICATE,
               _("The asset tag “%s” is already used by “%s”."),
               tag, other != NULL ? stw_asset_get_name (other) : "?");
  return FALSE;
}

gint64
stw_asset_repo_count (StwDatabase *db)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);

  stmt = stw_database_prepare_read (db, "SELECT count(*) FROM assets", NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/**
 * stw_asset_repo_is_empty:
 *
 * Whether the store has no asset at all: one index probe, where
 * stw_asset_repo_count() reads every row.
 */
gboolean
stw_asset_repo_is_empty (StwDatabase *db)
{
  sqlite3_stmt *stmt;
  gboolean empty = TRUE;

  g_return_val_if_fail (STW_IS_DATABASE (db), TRUE);

  stmt = stw_database_prepare_read (db, "SELECT EXISTS (SELECT 1 FROM assets)", NULL);
  if (stmt == NULL)
    return TRUE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);

  return empty;
}

/**
 * stw_asset_repo_find_ids:
 * @search: what a person typed: a tag, or words of a name, model…
 * @limit: the most ids to return
 *
 * A quick search for a picker: the asset whose tag is @search first,
 * then assets whose text matches every word as a prefix, in the order
 * of the search index, which stops at @limit instead of sorting every
 * match.
 *
 * Returns: (transfer full) (element-type gint64): the ids found, or
 *   %NULL with @error set
 */
GArray *
stw_asset_repo_find_ids (StwDatabase  *db,
                         const char   *search,
                         guint         limit,
                         GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = stw_asset_query_build_match (search);
  g_autofree char *tag = g_strstrip (g_strdup (search != NULL ? search : ""));
  gint64 tagged = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  if (tag[0] != '\0' && limit > 0)
    tagged = stw_asset_repo_find_by_tag (db, tag);
  if (tagged != 0)
    g_array_append_val (ids, tagged);

  if (match == NULL || ids->len >= limit)
    return g_steal_pointer (&ids);

  stmt = stw_database_prepare_read (db, "SELECT rowid FROM assets_fts WHERE assets_fts MATCH ? "
                                        "AND rowid <> ? LIMIT ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, tagged);
  sqlite3_bind_int64 (stmt, 3, limit - ids->len);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

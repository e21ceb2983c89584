/* stw-sync-store.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/stw-error.h"
#include "stw-database-private.h"
#include "stw-sync-store.h"

/* Accounts, links, cursors and the list of what changed here since the
 * last push. Conflicts and the log are in stw-sync-records.c, local
 * records in flat fields in stw-sync-local.c. */

/* ------------------------------------------------------------------------ */
/* Accounts                                                                 */
/* ------------------------------------------------------------------------ */

#define SELECT_ACCOUNT \
  "SELECT id, uuid, kind, name, url, user, pinned_cert, asset_catalog, enabled, " \
  "last_sync, last_error FROM accounts "

static StwAccount *
account_from_row (sqlite3_stmt *stmt)
{
  StwAccount *account = stw_account_new ();
  StwAccountKind kind = STW_ACCOUNT_RT;

  stw_account_set_id (account, sqlite3_column_int64 (stmt, 0));
  stw_account_set_uuid (account, stw_sql_column_text (stmt, 1));
  stw_account_kind_from_key (stw_sql_column_text (stmt, 2), &kind);
  stw_account_set_kind (account, kind);
  stw_account_set_name (account, stw_sql_column_text (stmt, 3));
  stw_account_set_url (account, stw_sql_column_text (stmt, 4));
  stw_account_set_user (account, stw_sql_column_text (stmt, 5));
  stw_account_set_pinned_cert (account, stw_sql_column_text (stmt, 6));
  stw_account_set_asset_catalog (account, stw_sql_column_text (stmt, 7));
  stw_account_set_enabled (account, sqlite3_column_int (stmt, 8) != 0);
  stw_account_set_last_sync (account, sqlite3_column_int64 (stmt, 9));
  stw_account_set_last_error (account, stw_sql_column_text (stmt, 10));
  return account;
}

/* Reads on the main thread's connection, or — from another thread — on a
 * connection of its own for the one query. */
static GPtrArray *
query_accounts (StwDatabase  *db,
                const char   *where,
                const char   *text,
                gint64        number,
                GError      **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strconcat (SELECT_ACCOUNT, where, NULL);
  sqlite3 *conn;
  sqlite3_stmt *stmt = NULL;
  int rc;

  conn = stw_database_open_reader (db, error);
  if (conn == NULL)
    return NULL;

  rc = sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (conn, rc, error);
      sqlite3_close (conn);
      return NULL;
    }
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else if (strstr (where, "?") != NULL)
    sqlite3_bind_int64 (stmt, 1, number);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt));
  if (rc != SQLITE_DONE)
    stw_sql_set_error (conn, rc, error);
  sqlite3_finalize (stmt);
  sqlite3_close (conn);

  return rc == SQLITE_DONE ? g_steal_pointer (&accounts) : NULL;
}

/**
 * stw_account_repo_list:
 *
 * Any thread. Returns: (transfer full) (element-type StwAccount): the
 *   accounts by name, or %NULL with @error set
 */
GPtrArray *
stw_account_repo_list (StwDatabase  *db,
                       GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return query_accounts (db, "ORDER BY name COLLATE NOCASE, id", NULL, 0, error);
}

StwAccount *
stw_account_repo_load (StwDatabase  *db,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  found = query_accounts (db, "WHERE id = ?", NULL, id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The account no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

StwAccount *
stw_account_repo_find (StwDatabase  *db,
                       const char   *name_or_id,
                       GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  found = query_accounts (db, "WHERE name = ? COLLATE NOCASE", name_or_id, 0, error);
  if (found == NULL)
    return NULL;
  if (found->len > 0)
    return g_object_ref (g_ptr_array_index (found, 0));

  if (g_ascii_string_to_signed (name_or_id, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_clear_pointer (&found, g_ptr_array_unref);
      found = query_accounts (db, "WHERE id = ?", NULL, id, error);
      if (found == NULL)
        return NULL;
      if (found->len > 0)
        return g_object_ref (g_ptr_array_index (found, 0));
    }

  g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("There is no account “%s”."), name_or_id);
  return NULL;
}

static gboolean
check_account (StwAccount  *account,
               GError     **error)
{
  const char *url = stw_account_get_url (account);

  if (stw_account_get_name (account) == NULL)
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_REQUIRED, _("An account needs a name."));
      return FALSE;
    }
  if (url == NULL ||
      !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) ||
      !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                           _("The server address must be a web address starting with "
                             "https:// (or http://)."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_account_func (StwWriteContext  *ctx,
                   gpointer          user_data,
                   GError          **error)
{
  StwAccount *account = user_data;
  gint64 now = stw_write_context_get_time (ctx);
  sqlite3_stmt *stmt;

  if (stw_account_get_id (account) == 0)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      if (stw_account_get_uuid (account) == NULL)
        stw_account_set_uuid (account, uuid);
      stmt = stw_write_context_prepare (ctx,
                                        "INSERT INTO accounts (uuid, kind, name, url, user, "
                                        "pinned_cert, asset_catalog, enabled, last_sync, "
                                        "last_error, created, updated) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                                        error);
    }
  else
    stmt = stw_write_context_prepare (ctx,
                                      "UPDATE accounts SET uuid = ?1, kind = ?2, name = ?3, "
                                      "url = ?4, user = ?5, pinned_cert = ?6, asset_catalog = ?7, "
                                      "enabled = ?8, last_sync = ?9, last_error = ?10, "
                                      "updated = ?11 WHERE id = ?12",
                                      error);
  if (stmt == NULL)
    return FALSE;

  stw_sql_bind_text (stmt, 1, stw_account_get_uuid (account));
  stw_sql_bind_text (stmt, 2, stw_account_kind_to_key (stw_account_get_kind (account)));
  stw_sql_bind_stripped (stmt, 3, stw_account_get_name (account));
  stw_sql_bind_stripped (stmt, 4, stw_account_get_url (account));
  stw_sql_bind_stripped (stmt, 5, stw_account_get_user (account));
  stw_sql_bind_text (stmt, 6, stw_account_get_pinned_cert (account));
  stw_sql_bind_stripped (stmt, 7, stw_account_get_asset_catalog (account));
  sqlite3_bind_int (stmt, 8, stw_account_get_enabled (account));
  if (stw_account_get_last_sync (account) != 0)
    sqlite3_bind_int64 (stmt, 9, stw_account_get_last_sync (account));
  else
    sqlite3_bind_null (stmt, 9);
  stw_sql_bind_text (stmt, 10, stw_account_get_last_error (account));
  sqlite3_bind_int64 (stmt, 11, now);
  if (stw_account_get_id (account) != 0)
    sqlite3_bind_int64 (stmt, 12, stw_account_get_id (account));
  if (!stw_sql_step (stmt, error))
    return FALSE;

  if (stw_account_get_id (account) == 0)
    stw_account_set_id (account, sqlite3_last_insert_rowid (stw_write_context_get_db (ctx)));
  stw_write_context_touch (ctx, STW_ENTITY_SYNC);
  return TRUE;
}

/**
 * stw_account_repo_save_sync:
 *
 * Any thread that may wait for the writer.
 */
gboolean
stw_account_repo_save_sync (StwDatabase  *db,
                            StwAccount   *account,
                            GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (STW_IS_ACCOUNT (account), FALSE);

  if (!check_account (account, error))
    return FALSE;
  return stw_database_write_sync (db, STW_ORIGIN_SYNC, NULL, save_account_func, account, NULL,
                                  error);
}

typedef struct
{
  gint64      id;
  gint64      last_sync;
  const char *last_error;
} Result;

static gboolean
set_result_func (StwWriteContext  *ctx,
                 gpointer          user_data,
                 GError          **error)
{
  Result *result = user_data;
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx,
                                    "UPDATE accounts SET last_sync = coalesce (?2, last_sync), "
                                    "last_error = ?3 WHERE id = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, result->id);
  if (result->last_sync != 0)
    sqlite3_bind_int64 (stmt, 2, result->last_sync);
  else
    sqlite3_bind_null (stmt, 2);
  stw_sql_bind_text (stmt, 3, result->last_error);
  if (!stw_sql_step (stmt, error))
    return FALSE;
  stw_write_context_touch (ctx, STW_ENTITY_SYNC);
  return TRUE;
}

/**
 * stw_account_repo_set_result_sync:
 * @last_sync: when the run finished well, or 0 to keep the last good time
 */
gboolean
stw_account_repo_set_result_sync (StwDatabase  *db,
                                  gint64        id,
                                  gint64        last_sync,
                                  const char   *last_error,
                                  GError      **error)
{
  Result result = { id, last_sync, last_error };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  return stw_database_write_sync (db, STW_ORIGIN_SYNC, NULL, set_result_func, &result, NULL,
                                  error);
}

static gboolean
delete_account_func (StwWriteContext  *ctx,
                     gpointer          user_data,
                     GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx, "DELETE FROM accounts WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *)user_data);
  if (!stw_sql_step (stmt, error))
    return FALSE;
  stw_write_context_touch (ctx, STW_ENTITY_SYNC);
  return TRUE;
}

gboolean
stw_account_repo_delete_sync (StwDatabase  *db,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  return stw_database_write_sync (db, STW_ORIGIN_SYNC, NULL, delete_account_func, &id, NULL,
                                  error);
}

/* ------------------------------------------------------------------------ */
/* Links                                                                    */
/* ------------------------------------------------------------------------ */

void
stw_sync_link_free (StwSyncLink *link)
{
  if (link == NULL)
    return;
  g_free (link->remote_id);
  g_free (link->etag);
  g_free (link->remote_updated);
  g_free (link->base);
  g_free (link);
}

#define SELECT_LINK \
  "SELECT id, local_id, remote_id, etag, remote_updated, base, create_sent, dirty " \
  "FROM sync_links "

static StwSyncLink *
link_from_row (sqlite3_stmt *stmt)
{
  StwSyncLink *link = g_new0 (StwSyncLink, 1);

  link->id = sqlite3_column_int64 (stmt, 0);
  link->local_id = sqlite3_column_int64 (stmt, 1);
  link->remote_id = g_strdup (stw_sql_column_text (stmt, 2));
  link->etag = g_strdup (stw_sql_column_text (stmt, 3));
  link->remote_updated = g_strdup (stw_sql_column_text (stmt, 4));
  link->base = g_strdup (stw_sql_column_text (stmt, 5));
  link->create_sent = sqlite3_column_int64 (stmt, 6);
  link->dirty = sqlite3_column_int (stmt, 7) != 0;
  return link;
}

static StwSyncLink *
one_link (StwWriteContext  *ctx,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  StwSyncLink *link = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    link = link_from_row (stmt);
  else if (rc != SQLITE_DONE)
    stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
  sqlite3_reset (stmt);
  return link;
}

StwSyncLink *
stw_sync_link_by_remote_in (StwWriteContext  *ctx,
                            gint64            account_id,
                            const char       *entity,
                            const char       *remote_id,
                            GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx,
                                                  SELECT_LINK "WHERE account_id = ? AND "
                                                  "entity = ? AND remote_id = ?",
                                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, remote_id, -1, SQLITE_TRANSIENT);
  return one_link (ctx, stmt, error);
}

StwSyncLink *
stw_sync_link_by_local_in (StwWriteContext  *ctx,
                           gint64            account_id,
                           const char       *entity,
                           gint64            local_id,
                           GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx,
                                                  SELECT_LINK "WHERE account_id = ? AND "
                                                  "entity = ? AND local_id = ?",
                                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, local_id);
  return one_link (ctx, stmt, error);
}

gboolean
stw_sync_link_put_in (StwWriteContext    *ctx,
                      gint64              account_id,
                      const char         *entity,
                      const StwSyncLink  *link,
                      GError            **error)
{
  sqlite3_stmt *stmt;

  /* One link per local record and one per remote record: a new link
   * replaces any that had either. */
  stmt = stw_write_context_prepare (ctx,
                                    "DELETE FROM sync_links WHERE account_id = ?1 AND "
                                    "entity = ?2 AND ((local_id = ?3 AND ?3 <> 0) OR "
                                    "(remote_id = ?4 AND ?4 IS NOT NULL) OR id = ?5)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, link->local_id);
  stw_sql_bind_text (stmt, 4, link->remote_id);
  sqlite3_bind_int64 (stmt, 5, link->id);
  if (!stw_sql_step (stmt, error))
    return FALSE;

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO sync_links (account_id, entity, local_id, "
                                    "remote_id, etag, remote_updated, base, create_sent, "
                                    "dirty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, link->local_id);
  stw_sql_bind_text (stmt, 4, link->remote_id);
  stw_sql_bind_text (stmt, 5, link->etag);
  stw_sql_bind_text (stmt, 6, link->remote_updated);
  stw_sql_bind_text (stmt, 7, link->base);
  if (link->create_sent != 0)
    sqlite3_bind_int64 (stmt, 8, link->create_sent);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_int (stmt, 9, link->dirty);
  return stw_sql_step (stmt, error);
}

gboolean
stw_sync_link_delete_in (StwWriteContext  *ctx,
                         gint64            link_id,
                         GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx, "DELETE FROM sync_links WHERE id = ?",
                                                  error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link_id);
  return stw_sql_step (stmt, error);
}

GHashTable *
stw_sync_link_remote_ids_in (StwWriteContext  *ctx,
                             gint64            account_id,
                             const char       *entity,
                             GError          **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx,
                                    "SELECT remote_id, local_id FROM sync_links WHERE "
                                    "account_id = ? AND entity = ? AND remote_id IS NOT NULL",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (ids, g_strdup (stw_sql_column_text (stmt, 0)),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
stw_sync_link_pending_in (StwWriteContext  *ctx,
                          gint64            account_id,
                          const char       *entity,
                          GError          **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_sync_link_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx,
                                    SELECT_LINK "WHERE account_id = ? AND entity = ? AND "
                                    "(remote_id IS NULL OR dirty) ORDER BY id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (links, link_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
      return NULL;
    }
  return g_steal_pointer (&links);
}

/* ------------------------------------------------------------------------ */
/* State and the journal                                                    */
/* ------------------------------------------------------------------------ */

char *
stw_sync_state_get_in (StwWriteContext  *ctx,
                       gint64            account_id,
                       const char       *key,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  stmt = stw_write_context_prepare (ctx,
                                    "SELECT value FROM sync_state WHERE account_id = ? AND key = ?",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup (stw_sql_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
  sqlite3_reset (stmt);
  return value;
}

gboolean
stw_sync_state_set_in (StwWriteContext  *ctx,
                       gint64            account_id,
                       const char       *key,
                       const char       *value,
                       GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT OR REPLACE INTO sync_state (account_id, key, value) "
                                    "VALUES (?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  stw_sql_bind_text (stmt, 3, value);
  return stw_sql_step (stmt, error);
}

gint64
stw_sync_journal_head_in (StwWriteContext  *ctx,
                          GError          **error)
{
  gint64 head = 0;

  if (!stw_sql_query_int (stw_write_context_get_db (ctx), "SELECT coalesce (max (id), 0) FROM journal",
                          &head, error))
    return -1;
  return head;
}

void
stw_sync_dirty_free (StwSyncDirty *dirty)
{
  if (dirty == NULL)
    return;
  g_free (dirty->uuid);
  g_free (dirty);
}

GPtrArray *
stw_sync_dirty_in (StwWriteContext  *ctx,
                   gint64            account_id,
                   const char       *entity,
                   gint64            after_journal_id,
                   gint64            head,
                   gboolean          linked_only,
                   GError          **error)
{
  g_autoptr(GPtrArray) dirty = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_sync_dirty_free);
  const char *journal_entity;
  const char *table;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (g_str_equal (entity, STW_SYNC_TICKET))
    journal_entity = "ticket", table = "tickets";
  else if (g_str_equal (entity, STW_SYNC_ASSET))
    journal_entity = "asset", table = "assets";
  else if (g_str_equal (entity, STW_SYNC_ENTRY))
    journal_entity = "ticket-entry", table = "ticket_entries";
  else
    g_return_val_if_reached (NULL);

  /* The parent of an entry comes from its row, or from the journal when
   * the entry is gone. The table name is ours, never data. */
  sql = g_strdup_printf ("SELECT j.entity_id, j.entity_uuid, min (j.id) AS first, "
                         "NOT EXISTS (SELECT 1 FROM %s x WHERE x.id = j.entity_id), "
                         "%s "
                         "FROM journal j WHERE j.id > ?1 AND j.id <= ?2 AND j.entity = ?3 "
                         "AND j.origin <> 'sync' AND (NOT ?4 OR EXISTS (SELECT 1 FROM "
                         "sync_links l WHERE l.account_id = ?5 AND l.entity = ?6 AND "
                         "l.local_id = j.entity_id)) GROUP BY j.entity_id ORDER BY first",
                         table,
                         g_str_equal (entity, STW_SYNC_ENTRY)
                           ? "coalesce ((SELECT ticket_id FROM ticket_entries WHERE id = j.entity_id), "
                             "json_extract (coalesce (j.new, j.old), '$.ticket_id'))"
                           : "0");
  stmt = stw_write_context_prepare (ctx, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_journal_id);
  sqlite3_bind_int64 (stmt, 2, head);
  sqlite3_bind_text (stmt, 3, journal_entity, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, linked_only);
  sqlite3_bind_int64 (stmt, 5, account_id);
  sqlite3_bind_text (stmt, 6, entity, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StwSyncDirty *item = g_new0 (StwSyncDirty, 1);

      item->local_id = sqlite3_column_int64 (stmt, 0);
      item->uuid = g_strdup (stw_sql_column_text (stmt, 1));
      item->deleted = sqlite3_column_int (stmt, 3) != 0;
      item->parent_id = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (dirty, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
      return NULL;
    }
  return g_steal_pointer (&dirty);
}

/* stw-sync-records.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/stw-error.h"
#include "core/stw-time.h"
#include "stw-database-private.h"
#include "stw-sync-store.h"

/* Conflicts waiting for a person, and the sync log. */

#define LOG_RUNS_KEPT 50

/* ------------------------------------------------------------------------ */
/* Conflicts                                                                */
/* ------------------------------------------------------------------------ */

struct _StwSyncConflict
{
  GObject  parent_instance;

  gint64   id;
  gint64   account_id;
  char    *entity;
  gint64   local_id;
  char    *field;
  char    *base;
  char    *mine;
  char    *theirs;
  gint64   created;
};

G_DEFINE_FINAL_TYPE (StwSyncConflict, stw_sync_conflict, G_TYPE_OBJECT)

static void
stw_sync_conflict_finalize (GObject *object)
{
  StwSyncConflict *self = (StwSyncConflict *)object;

  g_free (self->entity);
  g_free (self->field);
  g_free (self->base);
  g_free (self->mine);
  g_free (self->theirs);

  G_OBJECT_CLASS (stw_sync_conflict_parent_class)->finalize (object);
}

static void
stw_sync_conflict_class_init (StwSyncConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_sync_conflict_finalize;
}

static void
stw_sync_conflict_init (StwSyncConflict *self)
{
}

gint64
stw_sync_conflict_get_id (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), 0);
  return self->id;
}

gint64
stw_sync_conflict_get_account_id (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), 0);
  return self->account_id;
}

const char *
stw_sync_conflict_get_entity (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), NULL);
  return self->entity;
}

gint64
stw_sync_conflict_get_local_id (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), 0);
  return self->local_id;
}

const char *
stw_sync_conflict_get_field (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), NULL);
  return self->field;
}

const char *
stw_sync_conflict_get_base (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), NULL);
  return self->base;
}

const char *
stw_sync_conflict_get_mine (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), NULL);
  return self->mine;
}

const char *
stw_sync_conflict_get_theirs (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), NULL);
  return self->theirs;
}

/**
 * stw_sync_conflict_get_created:
 *
 * Returns: (transfer full): when the conflict was found
 */
GDateTime *
stw_sync_conflict_get_created (StwSyncConflict *self)
{
  g_return_val_if_fail (STW_IS_SYNC_CONFLICT (self), NULL);
  return stw_time_from_usec (self->created);
}

gboolean
stw_sync_conflict_add_in (StwWriteContext  *ctx,
                          gint64            account_id,
                          const char       *entity,
                          gint64            local_id,
                          const char       *field,
                          const char       *base,
                          const char       *mine,
                          const char       *theirs,
                          GError          **error)
{
  sqlite3_stmt *stmt;

  /* A field already in conflict keeps its base and takes the server's
   * newest value. */
  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO sync_conflicts (account_id, entity, local_id, "
                                    "field, base, mine, theirs, created) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (account_id, entity, local_id, field) DO UPDATE "
                                    "SET mine = excluded.mine, theirs = excluded.theirs",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, local_id);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_TRANSIENT);
  stw_sql_bind_text (stmt, 5, base);
  stw_sql_bind_text (stmt, 6, mine);
  stw_sql_bind_text (stmt, 7, theirs);
  sqlite3_bind_int64 (stmt, 8, stw_write_context_get_time (ctx));
  if (!stw_sql_step (stmt, error))
    return FALSE;
  stw_write_context_touch (ctx, STW_ENTITY_SYNC);
  return TRUE;
}

GHashTable *
stw_sync_conflict_fields_in (StwWriteContext  *ctx,
                             gint64            account_id,
                             const char       *entity,
                             gint64            local_id,
                             GError          **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx,
                                    "SELECT field FROM sync_conflicts WHERE account_id = ? AND "
                                    "entity = ? AND local_id = ?",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, local_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (fields, g_strdup (stw_sql_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
      return NULL;
    }
  return g_steal_pointer (&fields);
}

#define SELECT_CONFLICT \
  "SELECT id, account_id, entity, local_id, field, base, mine, theirs, created " \
  "FROM sync_conflicts "

static StwSyncConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  StwSyncConflict *conflict = g_object_new (STW_TYPE_SYNC_CONFLICT, NULL);

  conflict->id = sqlite3_column_int64 (stmt, 0);
  conflict->account_id = sqlite3_column_int64 (stmt, 1);
  conflict->entity = g_strdup (stw_sql_column_text (stmt, 2));
  conflict->local_id = sqlite3_column_int64 (stmt, 3);
  conflict->field = g_strdup (stw_sql_column_text (stmt, 4));
  conflict->base = g_strdup (stw_sql_column_text (stmt, 5));
  conflict->mine = g_strdup (stw_sql_column_text (stmt, 6));
  conflict->theirs = g_strdup (stw_sql_column_text (stmt, 7));
  conflict->created = sqlite3_column_int64 (stmt, 8);
  return conflict;
}

/**
 * stw_sync_conflict_list:
 *
 * Main thread. Returns: (transfer full): a list of #StwSyncConflict,
 *   oldest first, or %NULL with @error set
 */
GListModel *
stw_sync_conflict_list (StwDatabase  *db,
                        const char   *entity,
                        gint64        local_id,
                        GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STW_TYPE_SYNC_CONFLICT);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  stmt = stw_database_prepare_read (db,
                                    SELECT_CONFLICT "WHERE (?1 IS NULL OR entity = ?1) AND "
                                    "(?2 = 0 OR local_id = ?2) ORDER BY id",
                                    error);
  if (stmt == NULL)
    return NULL;
  stw_sql_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, local_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwSyncConflict) conflict = conflict_from_row (stmt);

      g_list_store_append (store, conflict);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

guint
stw_sync_conflict_count (StwDatabase *db)
{
  gint64 count = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);

  if (!stw_sql_query_int (stw_database_get_reader (db), "SELECT count(*) FROM sync_conflicts",
                          &count, NULL))
    return 0;
  return (guint)count;
}

typedef struct
{
  gint64             id;
  StwSyncResolution  resolution;
  char              *value;
} Resolve;

static gboolean
resolve_func (StwWriteContext  *ctx,
              gpointer          user_data,
              GError          **error)
{
  Resolve *resolve = user_data;
  g_autoptr(StwSyncConflict) conflict = NULL;
  const char *value = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx, SELECT_CONFLICT "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resolve->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    conflict = conflict_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                           _("The conflict has been resolved already."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);

  switch (resolve->resolution)
    {
    case STW_SYNC_KEEP_MINE:
      break;
    case STW_SYNC_TAKE_THEIRS:
      value = conflict->theirs;
      break;
    case STW_SYNC_USE_VALUE:
      value = resolve->value;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (g_str_equal (conflict->field, "*"))
    {
      /* Deleted on the server, changed here. Theirs: delete it here too.
       * Mine: the record is sent again as a new one. */
      if (resolve->resolution == STW_SYNC_TAKE_THEIRS)
        {
          if (!stw_sync_local_delete_in (ctx, conflict->entity, conflict->local_id, error))
            return FALSE;
        }
      else
        {
          StwSyncLink link = { 0, conflict->local_id, NULL, NULL, NULL, NULL, -1, FALSE };

          if (!stw_sync_link_put_in (ctx, conflict->account_id, conflict->entity, &link, error))
            return FALSE;
        }
    }
  else if (value != NULL)
    {
      g_autofree char *json = NULL;

      stmt = stw_write_context_prepare (ctx, "SELECT json_object (?, json (?))", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, conflict->field, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        json = g_strdup (stw_sql_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (json == NULL)
        {
          g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                               _("The value is not one Steward can store."));
          return FALSE;
        }
      if (stw_sync_local_write_in (ctx, conflict->entity, conflict->local_id, json, error) == 0)
        return FALSE;
    }

  /* Mine, or an edit that happens to be the local value already: no
   * journal row says the record changed, so the link says it. */
  if (resolve->resolution != STW_SYNC_TAKE_THEIRS && !g_str_equal (conflict->field, "*"))
    {
      stmt = stw_write_context_prepare (ctx,
                                        "UPDATE sync_links SET dirty = 1 WHERE account_id = ? "
                                        "AND entity = ? AND local_id = ?",
                                        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, conflict->account_id);
      sqlite3_bind_text (stmt, 2, conflict->entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, conflict->local_id);
      if (!stw_sql_step (stmt, error))
        return FALSE;
    }

  stmt = stw_write_context_prepare (ctx, "DELETE FROM sync_conflicts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resolve->id);
  if (!stw_sql_step (stmt, error))
    return FALSE;

  stw_write_context_touch (ctx, STW_ENTITY_SYNC);
  return TRUE;
}

/**
 * stw_sync_conflict_resolve_sync:
 *
 * The field's base already holds the server's value (the merge set it
 * when it found the conflict), so whatever differs from it here is what
 * the next push sends: nothing after "theirs", the local value after
 * "mine" or an edit.
 */
gboolean
stw_sync_conflict_resolve_sync (StwDatabase        *db,
                                gint64              conflict_id,
                                StwSyncResolution   resolution,
                                const char         *value,
                                GError            **error)
{
  Resolve resolve = { conflict_id, resolution, (char *)value };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (resolution != STW_SYNC_USE_VALUE || value != NULL, FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Resolve Conflict"), resolve_func,
                                  &resolve, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* The log                                                                  */
/* ------------------------------------------------------------------------ */

gint64
stw_sync_log_start_in (StwWriteContext  *ctx,
                       gint64            account_id,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 run = 0;

  if (!stw_sql_query_int (stw_write_context_get_db (ctx),
                          "SELECT coalesce (max (run), 0) + 1 FROM sync_log", &run, error))
    return 0;

  /* The log keeps the last runs of each account. */
  stmt = stw_write_context_prepare (ctx,
                                    "DELETE FROM sync_log WHERE account_id = ?1 AND run <= "
                                    "(SELECT run FROM (SELECT DISTINCT run FROM sync_log "
                                    "WHERE account_id = ?1 ORDER BY run DESC LIMIT 1 OFFSET ?2))",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, LOG_RUNS_KEPT - 1);
  if (!stw_sql_step (stmt, error))
    return 0;

  if (!stw_sync_log_add_in (ctx, account_id, run, "start", NULL, 0, NULL, NULL, error))
    return 0;
  return run;
}

gboolean
stw_sync_log_add_in (StwWriteContext  *ctx,
                     gint64            account_id,
                     gint64            run,
                     const char       *action,
                     const char       *entity,
                     gint64            local_id,
                     const char       *remote_id,
                     const char       *message,
                     GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO sync_log (account_id, run, time, action, entity, "
                                    "local_id, remote_id, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, run);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  stw_sql_bind_text (stmt, 5, entity);
  if (local_id != 0)
    sqlite3_bind_int64 (stmt, 6, local_id);
  else
    sqlite3_bind_null (stmt, 6);
  stw_sql_bind_text (stmt, 7, remote_id);
  stw_sql_bind_text (stmt, 8, message);
  if (!stw_sql_step (stmt, error))
    return FALSE;
  stw_write_context_touch (ctx, STW_ENTITY_SYNC);
  return TRUE;
}

struct _StwSyncLogEntry
{
  GObject  parent_instance;

  gint64   account_id;
  gint64   run;
  gint64   time;
  char    *action;
  char    *entity;
  gint64   local_id;
  char    *remote_id;
  char    *message;
};

G_DEFINE_FINAL_TYPE (StwSyncLogEntry, stw_sync_log_entry, G_TYPE_OBJECT)

static void
stw_sync_log_entry_finalize (GObject *object)
{
  StwSyncLogEntry *self = (StwSyncLogEntry *)object;

  g_free (self->action);
  g_free (self->entity);
  g_free (self->remote_id);
  g_free (self->message);

  G_OBJECT_CLASS (stw_sync_log_entry_parent_class)->finalize (object);
}

static void
stw_sync_log_entry_class_init (StwSyncLogEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_sync_log_entry_finalize;
}

static void
stw_sync_log_entry_init (StwSyncLogEntry *self)
{
}

gint64
stw_sync_log_entry_get_account_id (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), 0);
  return self->account_id;
}

gint64
stw_sync_log_entry_get_run (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), 0);
  return self->run;
}

/**
 * stw_sync_log_entry_get_time:
 *
 * Returns: (transfer full): when it happened
 */
GDateTime *
stw_sync_log_entry_get_time (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), NULL);
  return stw_time_from_usec (self->time);
}

const char *
stw_sync_log_entry_get_action (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), NULL);
  return self->action;
}

const char *
stw_sync_log_entry_get_entity (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), NULL);
  return self->entity;
}

gint64
stw_sync_log_entry_get_local_id (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), 0);
  return self->local_id;
}

const char *
stw_sync_log_entry_get_remote_id (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), NULL);
  return self->remote_id;
}

const char *
stw_sync_log_entry_get_message (StwSyncLogEntry *self)
{
  g_return_val_if_fail (STW_IS_SYNC_LOG_ENTRY (self), NULL);
  return self->message;
}

/**
 * stw_sync_log_list:
 * @account_id: an account, or 0 for all
 *
 * Main thread. Returns: (transfer full): a list of #StwSyncLogEntry,
 *   newest first, or %NULL with @error set
 */
GListModel *
stw_sync_log_list (StwDatabase  *db,
                   gint64        account_id,
                   guint         limit,
                   GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STW_TYPE_SYNC_LOG_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  stmt = stw_database_prepare_read (db,
                                    "SELECT account_id, run, time, action, entity, local_id, "
                                    "remote_id, message FROM sync_log "
                                    "WHERE ?1 = 0 OR account_id = ?1 ORDER BY id DESC LIMIT ?2",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwSyncLogEntry) entry = g_object_new (STW_TYPE_SYNC_LOG_ENTRY, NULL);

      entry->account_id = sqlite3_column_int64 (stmt, 0);
      entry->run = sqlite3_column_int64 (stmt, 1);
      entry->time = sqlite3_column_int64 (stmt, 2);
      entry->action = g_strdup (stw_sql_column_text (stmt, 3));
      entry->entity = g_strdup (stw_sql_column_text (stmt, 4));
      entry->local_id = sqlite3_column_int64 (stmt, 5);
      entry->remote_id = g_strdup (stw_sql_column_text (stmt, 6));
      entry->message = g_strdup (stw_sql_column_text (stmt, 7));
      g_list_store_append (store, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

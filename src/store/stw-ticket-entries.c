/* stw-ticket-entries.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-database-private.h"
#include "stw-repo-private.h"
#include "stw-ticket-repo.h"
#include "stw-ticket-repo-private.h"
#include "core/stw-error.h"

/*
 * What hangs off a ticket: the assets it is about, and its comments,
 * internal notes and work log. Each change is journaled with the ticket's
 * and undone as one step.
 */

static const char * const entry_kinds[] = { "comment", "internal", "work" };
G_STATIC_ASSERT (G_N_ELEMENTS (entry_kinds) == STW_N_TICKET_ENTRY_KINDS);

const char *
stw_ticket_entry_kind_to_key (StwTicketEntryKind kind)
{
  g_return_val_if_fail (kind < STW_N_TICKET_ENTRY_KINDS, NULL);
  return entry_kinds[kind];
}

/* ------------------------------------------------------------------------ */
/* Linked assets                                                            */
/* ------------------------------------------------------------------------ */

typedef struct
{
  gint64 ticket_id;
  gint64 asset_id;
} LinkData;

/**
 * stw_ticket_repo_link_asset_in:
 *
 * What stw_ticket_repo_link_asset_sync() does, inside a write of its own
 * caller's (the sample data).
 */
gboolean
stw_ticket_repo_link_asset_in (StwWriteContext  *ctx,
                               gint64            ticket_id,
                               gint64            asset_id,
                               GError          **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO ticket_assets "
                                    "(uuid, ticket_id, asset_id, created) "
                                    "VALUES (?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, ticket_id);
  sqlite3_bind_int64 (stmt, 3, asset_id);
  sqlite3_bind_int64 (stmt, 4, stw_write_context_get_time (ctx));
  if (!stw_sql_step (stmt, error))
    {
      if (g_error_matches (*error, STW_ERROR, STW_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error_literal (error, STW_ERROR, STW_ERROR_DUPLICATE,
                               _("The asset is already linked to this ticket."));
        }
      else if (g_error_matches (*error, STW_ERROR, STW_ERROR_IN_USE))
        {
          g_clear_error (error);
          g_set_error_literal (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                               _("The ticket or the asset no longer exists."));
        }
      return FALSE;
    }

  return TRUE;
}

static gboolean
link_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  LinkData *data = user_data;

  return stw_ticket_repo_link_asset_in (ctx, data->ticket_id, data->asset_id, error);
}

/**
 * stw_ticket_repo_link_asset_sync:
 *
 * Returns: %TRUE, or %FALSE with @error set: STW_ERROR_DUPLICATE when
 *   they are linked already, STW_ERROR_NOT_FOUND when either is gone
 */
gboolean
stw_ticket_repo_link_asset_sync (StwDatabase  *db,
                                 gint64        ticket_id,
                                 gint64        asset_id,
                                 GError      **error)
{
  LinkData data = { ticket_id, asset_id };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Link Asset"), link_func, &data, NULL,
                                  error);
}

typedef struct
{
  gint64        ticket_id;
  const gint64 *asset_ids;
  guint         n_ids;
} LinkManyData;

static gboolean
link_many_func (StwWriteContext  *ctx,
                gpointer          user_data,
                GError          **error)
{
  LinkManyData *data = user_data;
  gint64 now = stw_write_context_get_time (ctx);
  sqlite3_stmt *stmt;
  gint64 n_linked = 0;

  stmt = stw_write_context_prepare (ctx, "SELECT 1 FROM tickets WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->ticket_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                           _("The ticket no longer exists."));
      return FALSE;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < data->n_ids; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      /* Assets linked already, or deleted since the drag began, are
       * left out; the rest are linked. */
      stmt = stw_write_context_prepare (ctx,
                                        "INSERT INTO ticket_assets "
                                        "(uuid, ticket_id, asset_id, created) "
                                        "SELECT ?1, ?2, a.id, ?4 FROM assets a WHERE a.id = ?3 "
                                        "AND NOT EXISTS (SELECT 1 FROM ticket_assets l "
                                        "WHERE l.ticket_id = ?2 AND l.asset_id = a.id)",
                                        error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, data->ticket_id);
      sqlite3_bind_int64 (stmt, 3, data->asset_ids[i]);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!stw_sql_step (stmt, error))
        return FALSE;

      n_linked += sqlite3_changes (stw_write_context_get_db (ctx));
    }

  stw_write_context_set_result (ctx, n_linked);
  return TRUE;
}

/**
 * stw_ticket_repo_link_assets_sync:
 * @asset_ids: (array length=n_ids): the assets to link
 * @n_linked: (out) (optional): how many were linked
 *
 * Links several assets in one write, and so one undo step. Assets that
 * are linked already or no longer exist are left out, not refused.
 *
 * Returns: %TRUE, or %FALSE with @error set (STW_ERROR_NOT_FOUND when
 *   the ticket is gone)
 */
gboolean
stw_ticket_repo_link_assets_sync (StwDatabase   *db,
                                  gint64         ticket_id,
                                  const gint64  *asset_ids,
                                  guint          n_ids,
                                  guint         *n_linked,
                                  GError       **error)
{
  LinkManyData data = { ticket_id, asset_ids, n_ids };
  gint64 count = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (asset_ids != NULL || n_ids == 0, FALSE);

  if (n_linked != NULL)
    *n_linked = 0;

  if (!stw_database_write_sync (db, STW_ORIGIN_USER,
                                g_dngettext (GETTEXT_PACKAGE, "Link Asset", "Link Assets", n_ids),
                                link_many_func, &data, &count, error))
    return FALSE;

  if (n_linked != NULL)
    *n_linked = count;
  return TRUE;
}

static gboolean
unlink_func (StwWriteContext  *ctx,
             gpointer          user_data,
             GError          **error)
{
  LinkData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx,
                                    "DELETE FROM ticket_assets "
                                    "WHERE ticket_id = ? AND asset_id = ?",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->ticket_id);
  sqlite3_bind_int64 (stmt, 2, data->asset_id);
  if (!stw_sql_step (stmt, error))
    return FALSE;

  if (sqlite3_changes (stw_write_context_get_db (ctx)) == 0)
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                           _("The asset is not linked to this ticket."));
      return FALSE;
    }

  return TRUE;
}

gboolean
stw_ticket_repo_unlink_asset_sync (StwDatabase  *db,
                                   gint64        ticket_id,
                                   gint64        asset_id,
                                   GError      **error)
{
  LinkData data = { ticket_id, asset_id };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Unlink Asset"), unlink_func, &data,
                                  NULL, error);
}


/**
 * stw_ticket_repo_list_asset_ids:
 *
 * Returns: (transfer full): the ids of the assets linked to the ticket,
 *   by asset tag
 */
GArray *
stw_ticket_repo_list_asset_ids (StwDatabase  *db,
                                gint64        ticket_id,
                                GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return stw_ticket_read_ids (db, "SELECT a.id FROM ticket_assets l JOIN assets a ON a.id = l.asset_id "
                   "WHERE l.ticket_id = ? ORDER BY a.tag COLLATE NOCASE, a.id",
                   ticket_id, error);
}

/**
 * stw_ticket_repo_list_for_asset:
 *
 * Returns: (transfer full): the ids of the tickets linked to the asset,
 *   the newest first
 */
GArray *
stw_ticket_repo_list_for_asset (StwDatabase  *db,
                                gint64        asset_id,
                                GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return stw_ticket_read_ids (db, "SELECT ticket_id FROM ticket_assets WHERE asset_id = ? "
                   "ORDER BY ticket_id DESC",
                   asset_id, error);
}

/* ------------------------------------------------------------------------ */
/* Comments and work log                                                    */
/* ------------------------------------------------------------------------ */

typedef struct
{
  gint64              ticket_id;
  StwTicketEntryKind  kind;
  gint64              author_id;
  const char         *body;
  int                 minutes;
} EntryData;

static gboolean
check_entry (StwTicketEntryKind   kind,
             const char          *body,
             int                  minutes,
             GError             **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (body != NULL ? body : ""));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_REQUIRED, _("Write something first."));
      return FALSE;
    }

  if (kind == STW_TICKET_ENTRY_WORK && minutes <= 0)
    {
      g_set_error_literal (error, STW_ERROR, STW_ERROR_REQUIRED,
                           _("A work log entry needs the time spent, in minutes."));
      return FALSE;
    }

  return TRUE;
}

/**
 * stw_ticket_repo_add_entry_in:
 *
 * What stw_ticket_repo_add_entry_sync() does, inside a write of its own
 * caller's (the sample data).
 *
 * Returns: the entry's id, or 0 with @error set as that function says
 */
gint64
stw_ticket_repo_add_entry_in (StwWriteContext     *ctx,
                              gint64               ticket_id,
                              StwTicketEntryKind   kind,
                              gint64               author_id,
                              const char          *body,
                              int                  minutes,
                              GError             **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = stw_write_context_get_time (ctx);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (kind < STW_N_TICKET_ENTRY_KINDS, 0);

  if (!check_entry (kind, body, minutes, error))
    return 0;

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO ticket_entries (uuid, ticket_id, kind, author_id, "
                                    "body, minutes, created, updated) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, ticket_id);
  sqlite3_bind_text (stmt, 3, entry_kinds[kind], -1, SQLITE_STATIC);
  stw_ticket_bind_id (stmt, 4, author_id);
  stw_sql_bind_stripped (stmt, 5, body);
  if (kind == STW_TICKET_ENTRY_WORK)
    sqlite3_bind_int (stmt, 6, minutes);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!stw_sql_step (stmt, error))
    {
      if (g_error_matches (*error, STW_ERROR, STW_ERROR_IN_USE))
        {
          g_clear_error (error);
          g_set_error_literal (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                               _("The ticket or the author no longer exists."));
        }
      return 0;
    }

  id = sqlite3_last_insert_rowid (stw_write_context_get_db (ctx));

  /* A public answer is the ticket's first response, if it had none. */
  if (kind == STW_TICKET_ENTRY_COMMENT)
    {
      stmt = stw_write_context_prepare (ctx,
                                        "UPDATE tickets SET first_response = ?2 "
                                        "WHERE id = ?1 AND first_response IS NULL",
                                        error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      sqlite3_bind_int64 (stmt, 2, now);
      if (!stw_sql_step (stmt, error))
        return 0;

      if (sqlite3_changes (stw_write_context_get_db (ctx)) > 0 &&
          !stw_ticket_repo_refresh_sla_in (ctx, ticket_id, error))
        return 0;
    }

  return id;
}

static gboolean
add_entry_func (StwWriteContext  *ctx,
                gpointer          user_data,
                GError          **error)
{
  EntryData *data = user_data;
  gint64 id;

  id = stw_ticket_repo_add_entry_in (ctx, data->ticket_id, data->kind, data->author_id,
                                     data->body, data->minutes, error);
  if (id == 0)
    return FALSE;

  stw_write_context_set_result (ctx, id);
  return TRUE;
}

/**
 * stw_ticket_repo_add_entry_sync:
 * @author_id: the person who wrote it, or 0
 * @minutes: for %STW_TICKET_ENTRY_WORK, the time spent (more than 0)
 *
 * Returns: the entry's id, or 0 with @error set (STW_ERROR_REQUIRED for
 *   an empty text or no time spent on work, STW_ERROR_NOT_FOUND)
 */
gint64
stw_ticket_repo_add_entry_sync (StwDatabase         *db,
                                gint64               ticket_id,
                                StwTicketEntryKind   kind,
                                gint64               author_id,
                                const char          *body,
                                int                  minutes,
                                GError             **error)
{
  EntryData data = { ticket_id, kind, author_id, body, minutes };
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind < STW_N_TICKET_ENTRY_KINDS, 0);

  /* Checked before the write too: no batch is begun for nothing. */
  if (!check_entry (kind, body, minutes, error))
    return 0;

  if (!stw_database_write_sync (db, STW_ORIGIN_USER,
                                kind == STW_TICKET_ENTRY_WORK ? _("Log Work") : _("Add Comment"),
                                add_entry_func, &data, &id, error))
    return 0;

  return id;
}

guint
stw_ticket_repo_count_entries (StwDatabase *db,
                               gint64       ticket_id)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), 0);

  return stw_repo_count (db, "SELECT count(*) FROM ticket_entries WHERE ticket_id = ?",
                         ticket_id);
}

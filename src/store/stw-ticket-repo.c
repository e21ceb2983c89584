/* stw-ticket-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-repo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "stw-asset-query.h"
#include "stw-database-private.h"
#include "stw-repo-private.h"
#include "stw-ticket-repo.h"
#include "core/stw-error.h"

/*
 * Tickets in the store. A save checks the ticket (stw_ticket_validate())
 * and, for a stored ticket, the move from its stored status against its
 * lifecycle, inside the write, so two edits cannot slip a refused move
 * past each other. The times a ticket was first answered, resolved and
 * closed follow its status. Every write is one journal batch, and undone
 * as one.
 */

static const char * const entry_kinds[] = { "comment", "internal", "work" };
G_STATIC_ASSERT (G_N_ELEMENTS (entry_kinds) == STW_N_TICKET_ENTRY_KINDS);

#define SELECT_TICKET \
  "SELECT t.id, t.uuid, t.title, t.description, t.type, t.status, t.impact, t.urgency, " \
  "t.priority, t.priority_reason, t.category, t.requester_id, r.name, t.assignee_id, a.name, " \
  "t.queue, t.parent_id, t.problem_id, t.tags, t.rank, t.created, t.updated, " \
  "t.first_response, t.resolved, t.closed, t.due, t.sla_due, t.sla_risk " \
  "FROM tickets t LEFT JOIN people r ON r.id = t.requester_id " \
  "LEFT JOIN people a ON a.id = t.assignee_id "

const char *
stw_ticket_entry_kind_to_key (StwTicketEntryKind kind)
{
  g_return_val_if_fail (kind < STW_N_TICKET_ENTRY_KINDS, NULL);
  return entry_kinds[kind];
}

static gint64
column_or_zero (sqlite3_stmt *stmt,
                int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return 0;
  return sqlite3_column_int64 (stmt, column);
}

static StwTicket *
ticket_from_row (sqlite3_stmt *stmt)
{
  StwTicketType type = STW_TICKET_TYPE_INCIDENT;
  StwTicketStatus status = STW_TICKET_STATUS_NEW;
  StwLevel impact = STW_LEVEL_MEDIUM, urgency = STW_LEVEL_MEDIUM;
  StwTicket *ticket;

  stw_ticket_type_from_key (stw_sql_column_text (stmt, 4), &type);
  stw_ticket_status_from_key (stw_sql_column_text (stmt, 5), &status);
  stw_level_from_key (stw_sql_column_text (stmt, 6), &impact);
  stw_level_from_key (stw_sql_column_text (stmt, 7), &urgency);

  ticket = stw_ticket_new (type);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ID, sqlite3_column_int64 (stmt, 0));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_UUID, stw_sql_column_text (stmt, 1));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, stw_sql_column_text (stmt, 2));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, stw_sql_column_text (stmt, 3));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, status);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_IMPACT, impact);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_URGENCY, urgency);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PRIORITY, sqlite3_column_int64 (stmt, 8));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON, stw_sql_column_text (stmt, 9));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_CATEGORY, stw_sql_column_text (stmt, 10));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_REQUESTER_ID, column_or_zero (stmt, 11));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_REQUESTER_NAME, stw_sql_column_text (stmt, 12));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID, column_or_zero (stmt, 13));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_ASSIGNEE_NAME, stw_sql_column_text (stmt, 14));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, stw_sql_column_text (stmt, 15));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PARENT_ID, column_or_zero (stmt, 16));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PROBLEM_ID, column_or_zero (stmt, 17));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TAGS, stw_sql_column_text (stmt, 18));
  stw_ticket_set_rank (ticket, sqlite3_column_double (stmt, 19));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_CREATED, column_or_zero (stmt, 20));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_UPDATED, column_or_zero (stmt, 21));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_FIRST_RESPONSE, column_or_zero (stmt, 22));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_RESOLVED, column_or_zero (stmt, 23));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_CLOSED, column_or_zero (stmt, 24));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_DUE, column_or_zero (stmt, 25));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_SLA_DUE, column_or_zero (stmt, 26));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_SLA_RISK, column_or_zero (stmt, 27));

  return ticket;
}

/**
 * stw_ticket_repo_load:
 *
 * Returns: (transfer full): the ticket, or %NULL with @error set
 *   (STW_ERROR_NOT_FOUND when it is gone)
 */
StwTicket *
stw_ticket_repo_load (StwDatabase  *db,
                      gint64        id,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  StwTicket *ticket = NULL;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  stmt = stw_database_prepare_read (db, SELECT_TICKET "WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ticket = ticket_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The ticket no longer exists."));
  else
    stw_sql_set_error (stw_database_get_reader (db), rc, error);

  sqlite3_reset (stmt);
  return ticket;
}

#define LOAD_MANY_LIMIT 64

/**
 * stw_ticket_repo_load_many:
 * @ids: (array length=n_ids): up to 64 ticket ids
 *
 * Reads a page of tickets in one query, for the lists. Ids of tickets
 * that are gone are left out.
 *
 * Returns: (transfer full) (element-type StwTicket): the tickets, in no
 *   particular order, or %NULL with @error set
 */
GPtrArray *
stw_ticket_repo_load_many (StwDatabase   *db,
                           const gint64  *ids,
                           guint          n_ids,
                           GError       **error)
{
  static char *sql;
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (n_ids <= LOAD_MANY_LIMIT, NULL);

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new (SELECT_TICKET "WHERE t.id IN (?");

      for (guint i = 1; i < LOAD_MANY_LIMIT; i++)
        g_string_append (text, ", ?");
      g_string_append_c (text, ')');
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }

  stmt = stw_database_prepare_read (db, sql, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < LOAD_MANY_LIMIT; i++)
    {
      if (i < n_ids)
        sqlite3_bind_int64 (stmt, i + 1, ids[i]);
      else
        sqlite3_bind_null (stmt, i + 1);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tickets, ticket_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      return NULL;
    }

  return g_steal_pointer (&tickets);
}

gint64
stw_ticket_repo_count (StwDatabase *db)
{
  gint64 count = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);

  if (!stw_sql_query_int (stw_database_get_reader (db), "SELECT count(*) FROM tickets", &count,
                          NULL))
    return 0;
  return count;
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, id);
}

/* The columns a save writes, in this order, after the uuid. */
static void
bind_ticket (sqlite3_stmt *stmt,
             int           first,
             StwTicket    *ticket)
{
  int i = first;

#define TEXT(t) stw_ticket_get_text (ticket, STW_TICKET_TEXT_##t)
#define VALUE(v) stw_ticket_get_value (ticket, STW_TICKET_VALUE_##v)
  stw_sql_bind_stripped (stmt, i++, TEXT (TITLE));
  stw_sql_bind_text (stmt, i++, TEXT (DESCRIPTION));
  sqlite3_bind_text (stmt, i++, stw_ticket_type_to_key (VALUE (TYPE)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, stw_ticket_status_to_key (VALUE (STATUS)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, stw_level_to_key (VALUE (IMPACT)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, stw_level_to_key (VALUE (URGENCY)), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, i++, VALUE (PRIORITY));
  stw_sql_bind_stripped (stmt, i++, stw_ticket_priority_is_overridden (ticket)
                                    ? TEXT (PRIORITY_REASON) : NULL);
  stw_sql_bind_stripped (stmt, i++, TEXT (CATEGORY));
  bind_id (stmt, i++, VALUE (REQUESTER_ID));
  bind_id (stmt, i++, VALUE (ASSIGNEE_ID));
  stw_sql_bind_stripped (stmt, i++, TEXT (QUEUE));
  bind_id (stmt, i++, VALUE (PARENT_ID));
  bind_id (stmt, i++, VALUE (PROBLEM_ID));
  stw_sql_bind_stripped (stmt, i++, TEXT (TAGS));
  sqlite3_bind_double (stmt, i++, stw_ticket_get_rank (ticket));
  bind_id (stmt, i++, VALUE (FIRST_RESPONSE));
  bind_id (stmt, i++, VALUE (RESOLVED));
  bind_id (stmt, i++, VALUE (CLOSED));
  bind_id (stmt, i++, VALUE (DUE));
#undef TEXT
#undef VALUE
}

/* The status and times as stored, for an update. */
typedef struct
{
  StwTicketType   type;
  StwTicketStatus status;
  gint64          created;
} Stored;

static gboolean
read_stored (StwWriteContext  *ctx,
             gint64            id,
             Stored           *stored,
             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx, "SELECT type, status, created FROM tickets WHERE id = ?",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The ticket no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);

  stored->type = STW_TICKET_TYPE_INCIDENT;
  stored->status = STW_TICKET_STATUS_NEW;
  stw_ticket_type_from_key (stw_sql_column_text (stmt, 0), &stored->type);
  stw_ticket_status_from_key (stw_sql_column_text (stmt, 1), &stored->status);
  stored->created = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* The first answer, the resolution and the closing follow the status. */
static void
stamp_times (StwTicket       *ticket,
             StwTicketStatus  before,
             gint64           now)
{
  StwTicketType type = stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE);
  StwTicketStatus status = stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS);

  if (status == before)
    return;

  if (before == stw_ticket_type_initial_status (type) &&
      stw_ticket_get_value (ticket, STW_TICKET_VALUE_FIRST_RESPONSE) == 0)
    stw_ticket_set_value (ticket, STW_TICKET_VALUE_FIRST_RESPONSE, now);

  if (stw_ticket_status_is_done (type, status))
    {
      if (!stw_ticket_status_is_done (type, before))
        stw_ticket_set_value (ticket, STW_TICKET_VALUE_RESOLVED, now);
    }
  else
    {
      /* Reopened. */
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_RESOLVED, 0);
    }

  stw_ticket_set_value (ticket, STW_TICKET_VALUE_CLOSED,
                        status == STW_TICKET_STATUS_CLOSED ? now : 0);
}

/* One past the last rank of the ticket's board column. */
static gboolean
column_end_rank (StwWriteContext  *ctx,
                 StwTicket        *ticket,
                 double           *rank,
                 GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx, "SELECT max (rank) FROM tickets WHERE type = ? "
                                         "AND status = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, stw_ticket_type_to_key (stw_ticket_get_value (ticket,
                                                                           STW_TICKET_VALUE_TYPE)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2,
                     stw_ticket_status_to_key (stw_ticket_get_value (ticket,
                                                                     STW_TICKET_VALUE_STATUS)),
                     -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *rank = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
          ? floor (sqlite3_column_double (stmt, 0)) + 1 : 1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
  return TRUE;
}

/* The type of ticket @id, or FALSE with @error set when there is none. */
static gboolean
linked_type (StwWriteContext  *ctx,
             gint64            id,
             StwTicketType    *type,
             GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx, "SELECT type FROM tickets WHERE id = ?",
                                                  error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    stw_ticket_type_from_key (stw_sql_column_text (stmt, 0), type);
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                 /* Translators: %lld is a ticket's number */
                 _("There is no ticket #%lld."), (long long) id);
  return found;
}

/*
 * A ticket's problem is a problem ticket, and only incidents have one; a
 * parent exists and is not among the ticket's own children, however far
 * down.
 */
static gboolean
check_links (StwWriteContext  *ctx,
             StwTicket        *ticket,
             GError          **error)
{
  gint64 id = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
  gint64 problem = stw_ticket_get_value (ticket, STW_TICKET_VALUE_PROBLEM_ID);
  gint64 parent = stw_ticket_get_value (ticket, STW_TICKET_VALUE_PARENT_ID);
  StwTicketType type = STW_TICKET_TYPE_INCIDENT;

  if (problem != 0)
    {
      if (stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE) != STW_TICKET_TYPE_INCIDENT)
        {
          g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                               _("Only incidents are linked to a problem."));
          return FALSE;
        }
      if (!linked_type (ctx, problem, &type, error))
        return FALSE;
      if (type != STW_TICKET_TYPE_PROBLEM)
        {
          g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                       /* Translators: %lld is a ticket's number */
                       _("Ticket #%lld is not a problem; link the incident to a problem "
                         "ticket."), (long long) problem);
          return FALSE;
        }
    }

  if (parent != 0)
    {
      sqlite3_stmt *stmt;
      gint64 up = parent;
      guint steps = 0;

      if (!linked_type (ctx, parent, &type, error))
        return FALSE;

      stmt = stw_write_context_prepare (ctx, "SELECT parent_id FROM tickets WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;

      /* Up from the new parent: meeting the ticket would make a loop. */
      while (up != 0 && id != 0 && steps++ < 10000)
        {
          if (up == id)
            {
              g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                           /* Translators: %lld is a ticket's number */
                           _("Ticket #%lld is part of this ticket already; a ticket cannot be "
                             "under its own part."), (long long) parent);
              return FALSE;
            }

          sqlite3_bind_int64 (stmt, 1, up);
          up = sqlite3_step (stmt) == SQLITE_ROW ? column_or_zero (stmt, 0) : 0;
          sqlite3_reset (stmt);
        }
    }

  return TRUE;
}

/**
 * stw_ticket_repo_save_in:
 *
 * What stw_ticket_repo_save_sync() does, inside a write of its own
 * caller's (the sample data): @ticket then has its id, uuid and times.
 *
 * Returns: %TRUE, or %FALSE with @error set as that function says
 */
gboolean
stw_ticket_repo_save_in (StwWriteContext  *ctx,
                         StwTicket        *ticket,
                         GError          **error)
{
  gint64 id = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
  gint64 now = stw_write_context_get_time (ctx);
  sqlite3_stmt *stmt;
  double rank = 0;

  if (id == 0)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      stw_ticket_set_value (ticket, STW_TICKET_VALUE_CREATED, now);
      if (!stw_ticket_validate (ticket, error) || !check_links (ctx, ticket, error))
        return FALSE;

      /* A new card goes to the end of its board column. */
      if (stw_ticket_get_rank (ticket) == 0 && !column_end_rank (ctx, ticket, &rank, error))
        return FALSE;
      if (stw_ticket_get_rank (ticket) == 0)
        stw_ticket_set_rank (ticket, rank);

      stmt = stw_write_context_prepare (ctx,
                                        "INSERT INTO tickets (uuid, title, description, type, "
                                        "status, impact, urgency, priority, priority_reason, "
                                        "category, requester_id, assignee_id, queue, parent_id, "
                                        "problem_id, tags, rank, first_response, resolved, "
                                        "closed, due, created, updated) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?, ?, ?, ?, ?, ?)",
                                        error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      bind_ticket (stmt, 2, ticket);
      sqlite3_bind_int64 (stmt, 22, now);
      sqlite3_bind_int64 (stmt, 23, now);
      if (!stw_sql_step (stmt, error))
        return FALSE;

      id = sqlite3_last_insert_rowid (stw_write_context_get_db (ctx));
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_ID, id);
      stw_ticket_set_text (ticket, STW_TICKET_TEXT_UUID, uuid);
    }
  else
    {
      Stored stored;

      if (!read_stored (ctx, id, &stored, error))
        return FALSE;

      if (stored.type != stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE))
        {
          g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                               _("A ticket keeps its type; open a new ticket of the other type "
                                 "and link the two."));
          return FALSE;
        }

      stw_ticket_set_value (ticket, STW_TICKET_VALUE_CREATED, stored.created);
      if (!stw_ticket_check_transition (stored.type, stored.status,
                                        stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS),
                                        error) ||
          !stw_ticket_validate (ticket, error) || !check_links (ctx, ticket, error))
        return FALSE;

      stamp_times (ticket, stored.status, now);

      stmt = stw_write_context_prepare (ctx,
                                        "UPDATE tickets SET title = ?2, description = ?3, "
                                        "type = ?4, status = ?5, impact = ?6, urgency = ?7, "
                                        "priority = ?8, priority_reason = ?9, category = ?10, "
                                        "requester_id = ?11, assignee_id = ?12, queue = ?13, "
                                        "parent_id = ?14, problem_id = ?15, tags = ?16, "
                                        "rank = ?17, first_response = ?18, resolved = ?19, "
                                        "closed = ?20, due = ?21, updated = ?22 WHERE id = ?1",
                                        error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      bind_ticket (stmt, 2, ticket);
      sqlite3_bind_int64 (stmt, 22, now);
      if (!stw_sql_step (stmt, error))
        return FALSE;
    }

  if (!stw_ticket_repo_refresh_sla_in (ctx, id, error))
    return FALSE;

  stw_ticket_set_value (ticket, STW_TICKET_VALUE_UPDATED, now);
  return TRUE;
}

static gboolean
save_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  StwTicket *ticket = user_data;

  if (!stw_ticket_repo_save_in (ctx, ticket, error))
    return FALSE;

  stw_write_context_set_result (ctx, stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID));
  return TRUE;
}

/**
 * stw_ticket_repo_save_sync:
 *
 * Stores @ticket: a new one when its id is 0 (it then has its id, uuid
 * and times), else the stored one with its changes.
 *
 * Returns: the ticket's id, or 0 with @error set: the ticket is not
 *   valid, its move is refused, or the store failed; nothing is stored
 */
gint64
stw_ticket_repo_save_sync (StwDatabase  *db,
                           StwTicket    *ticket,
                           GError      **error)
{
  g_autofree char *description = NULL;
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);
  g_return_val_if_fail (STW_IS_TICKET (ticket), 0);

  description = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID) == 0
                ? g_strdup (_("New Ticket")) : g_strdup (_("Edit Ticket"));
  if (!stw_database_write_sync (db, STW_ORIGIN_USER, description, save_func, ticket, &id, error))
    return 0;

  return id;
}

typedef struct
{
  gint64          id;
  StwTicketStatus status;
  gint64          after_id;
  gint64          before_id;
} MoveData;

/* The rank of ticket @id, if it is in the same column as @ticket. */
static gboolean
neighbour_rank (StwWriteContext  *ctx,
                StwTicket        *ticket,
                gint64            id,
                double           *rank,
                GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (id == 0)
    return FALSE;

  stmt = stw_write_context_prepare (ctx, "SELECT rank FROM tickets WHERE id = ? AND type = ? "
                                         "AND status = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, stw_ticket_type_to_key (stw_ticket_get_value (ticket,
                                                                           STW_TICKET_VALUE_TYPE)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3,
                     stw_ticket_status_to_key (stw_ticket_get_value (ticket,
                                                                     STW_TICKET_VALUE_STATUS)),
                     -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    *rank = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  return found;
}

static gboolean
move_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  MoveData *move = user_data;
  g_autoptr(StwTicket) ticket = NULL;
  sqlite3_stmt *stmt;
  double after = 0, before = 0, rank;
  gboolean has_after, has_before;
  int rc;

  stmt = stw_write_context_prepare (ctx, SELECT_TICKET "WHERE t.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, move->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ticket = ticket_from_row (stmt);
  sqlite3_reset (stmt);
  if (ticket == NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The ticket no longer exists."));
      return FALSE;
    }

  stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, move->status);

  /* Between its new neighbours, or at the end of the column. */
  has_after = neighbour_rank (ctx, ticket, move->after_id, &after, error);
  has_before = neighbour_rank (ctx, ticket, move->before_id, &before, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  if (has_after && has_before)
    rank = (after + before) / 2;
  else if (has_after)
    rank = after + 1;
  else if (has_before)
    rank = before - 1;
  else if (!column_end_rank (ctx, ticket, &rank, error))
    return FALSE;

  stw_ticket_set_rank (ticket, rank);
  return save_func (ctx, ticket, error);
}

/**
 * stw_ticket_repo_move_sync:
 * @status: the board column the ticket goes to (its own to reorder)
 * @after_id: the ticket it goes after in that column, or 0
 * @before_id: the ticket it goes before in that column, or 0
 *
 * Moves a ticket on the board: its status (checked against its
 * lifecycle, as any save) and its place in the column, in one undo
 * step. With neither neighbour, it goes to the end of the column.
 *
 * Returns: %TRUE, or %FALSE with @error set saying why (a move its
 *   lifecycle does not allow); nothing changes then
 */
gboolean
stw_ticket_repo_move_sync (StwDatabase      *db,
                           gint64            ticket_id,
                           StwTicketStatus   status,
                           gint64            after_id,
                           gint64            before_id,
                           GError          **error)
{
  MoveData move = { ticket_id, status, after_id, before_id };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status < STW_N_TICKET_STATUSES, FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Move Ticket"), move_func, &move, NULL,
                                  error);
}

/* ------------------------------------------------------------------------ */
/* Deleting                                                                 */
/* ------------------------------------------------------------------------ */

static gboolean
delete_func (StwWriteContext  *ctx,
             gpointer          user_data,
             GError          **error)
{
  gint64 id = *(gint64 *)user_data;
  static const char * const statements[] = {
    /* What belongs to the ticket goes with it, journaled, so undo brings
     * it all back; tickets that point at it let go. */
    "DELETE FROM ticket_entries WHERE ticket_id = ?1",
    "DELETE FROM ticket_assets WHERE ticket_id = ?1",
    "UPDATE tickets SET parent_id = NULL WHERE parent_id = ?1",
    "UPDATE tickets SET problem_id = NULL WHERE problem_id = ?1",
    "DELETE FROM tickets WHERE id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = stw_write_context_prepare (ctx, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!stw_sql_step (stmt, error))
        return FALSE;
    }

  if (sqlite3_changes (stw_write_context_get_db (ctx)) == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The ticket no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
stw_ticket_repo_delete_sync (StwDatabase  *db,
                             gint64        id,
                             GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Delete Ticket"), delete_func, &id,
                                  NULL, error);
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

static GArray *
read_ids (StwDatabase  *db,
          const char   *sql,
          gint64        id,
          GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_database_prepare_read (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
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

  return read_ids (db, "SELECT a.id FROM ticket_assets l JOIN assets a ON a.id = l.asset_id "
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

  return read_ids (db, "SELECT ticket_id FROM ticket_assets WHERE asset_id = ? "
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
  bind_id (stmt, 4, author_id);
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

/* ------------------------------------------------------------------------ */
/* Search                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * stw_ticket_repo_search_ids:
 *
 * Searches what a person typed (every word a prefix, as for assets) in
 * the tickets' own text and in their comments and work log.
 *
 * Returns: (transfer full): the ids of the tickets found, the newest
 *   first, or %NULL with @error set
 */
GArray *
stw_ticket_repo_search_ids (StwDatabase  *db,
                            const char   *search,
                            GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = stw_asset_query_build_match (search);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  if (match == NULL)
    return g_steal_pointer (&ids);

  stmt = stw_database_prepare_read (db,
                                    "SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?1 "
                                    "UNION "
                                    "SELECT e.ticket_id FROM ticket_entries e "
                                    "WHERE e.id IN (SELECT rowid FROM ticket_entries_fts "
                                    "               WHERE ticket_entries_fts MATCH ?1) "
                                    "ORDER BY 1 DESC",
                                    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
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

/**
 * stw_ticket_repo_list_children:
 *
 * Returns: (transfer full) (element-type gint64): the tickets whose parent
 *   is ticket @id, oldest first, or %NULL with @error set
 */
GArray *
stw_ticket_repo_list_children (StwDatabase  *db,
                               gint64        id,
                               GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return read_ids (db, "SELECT id FROM tickets WHERE parent_id = ? ORDER BY id", id, error);
}

/**
 * stw_ticket_repo_list_incidents:
 *
 * Returns: (transfer full) (element-type gint64): the incidents linked to
 *   problem @id, oldest first, or %NULL with @error set
 */
GArray *
stw_ticket_repo_list_incidents (StwDatabase  *db,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return read_ids (db, "SELECT id FROM tickets WHERE problem_id = ? ORDER BY id", id, error);
}

/**
 * stw_ticket_repo_list_queues:
 *
 * Returns: (transfer full): the queues tickets are in, in alphabetical
 *   order, for the filters and pickers; empty on error
 */
GStrv
stw_ticket_repo_list_queues (StwDatabase *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  /* One step of the queue index per queue, not a scan of the tickets. */
  stmt = stw_database_prepare_read (db, "WITH RECURSIVE q (name) AS ("
                                        "  SELECT min (queue COLLATE NOCASE) FROM tickets "
                                        "  UNION ALL "
                                        "  SELECT (SELECT min (queue COLLATE NOCASE) FROM tickets "
                                        "          WHERE queue > q.name COLLATE NOCASE) "
                                        "  FROM q WHERE q.name IS NOT NULL) "
                                        "SELECT name FROM q WHERE name IS NOT NULL", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, stw_sql_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_strv_builder_end (builder);
}

/**
 * stw_ticket_repo_list_at_risk:
 * @assignee_id: the assignee, or 0 for tickets with any assignee
 * @now: the time to judge at, in µs since 1970 UTC
 *
 * The assigned tickets whose service level is at risk but not yet
 * breached at @now, the soonest due first: those a reminder can still
 * save. Read through the index on the risk time.
 *
 * Returns: (transfer full) (element-type gint64): their ids, or %NULL
 *   with @error set
 */
GArray *
stw_ticket_repo_list_at_risk (StwDatabase  *db,
                              gint64        assignee_id,
                              gint64        now,
                              GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  if (assignee_id != 0)
    sql = g_strdup_printf ("SELECT id FROM tickets WHERE sla_risk <= ?1 AND sla_due > ?1 "
                           "AND assignee_id = %" G_GINT64_FORMAT " ORDER BY sla_due, id",
                           assignee_id);
  else
    sql = g_strdup ("SELECT id FROM tickets WHERE sla_risk <= ?1 AND sla_due > ?1 "
                    "AND assignee_id IS NOT NULL ORDER BY sla_due, id");

  return read_ids (db, sql, now, error);
}

/* ------------------------------------------------------------------------ */
/* Waits                                                                    */
/* ------------------------------------------------------------------------ */

static GDateTime *
time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) second = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (second, usec % G_USEC_PER_SEC);
}

static void
clear_pause (gpointer data)
{
  StwSlaPause *pause = data;

  g_clear_pointer (&pause->start, g_date_time_unref);
  g_clear_pointer (&pause->end, g_date_time_unref);
}

#define PAUSES_SQL \
  "SELECT CASE op WHEN 'insert' THEN NULL ELSE old END, " \
  "CASE op WHEN 'insert' THEN json_extract (new, '$.status') " \
  "        WHEN 'delete' THEN NULL ELSE new END, time " \
  "FROM journal WHERE entity = 'ticket' AND entity_id = ? " \
  "AND (field = 'status' OR op IN ('insert', 'delete')) " \
  "ORDER BY id"

/* Reads the waits with @stmt, PAUSES_SQL prepared on @conn. */
static GArray *
read_pauses (sqlite3       *conn,
             sqlite3_stmt  *stmt,
             gint64         ticket_id,
             GError       **error)
{
  g_autoptr(GArray) pauses = g_array_new (FALSE, TRUE, sizeof (StwSlaPause));
  int rc;

  g_array_set_clear_func (pauses, clear_pause);

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *old = stw_sql_column_text (stmt, 0);
      const char *new = stw_sql_column_text (stmt, 1);
      gint64 time = sqlite3_column_int64 (stmt, 2);
      StwSlaPause *open = pauses->len > 0 ? &g_array_index (pauses, StwSlaPause, pauses->len - 1)
                                          : NULL;

      if (open != NULL && open->end == NULL && g_strcmp0 (old, "pending") == 0 &&
          g_strcmp0 (new, "pending") != 0)
        open->end = time_from_usec (time);

      if (g_strcmp0 (new, "pending") == 0 && g_strcmp0 (old, "pending") != 0 &&
          (open == NULL || open->end != NULL))
        {
          StwSlaPause pause = { time_from_usec (time), NULL };

          g_array_append_val (pauses, pause);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (conn, rc, error);
      return NULL;
    }

  return g_steal_pointer (&pauses);
}

/**
 * stw_ticket_repo_list_pauses:
 *
 * The times the ticket waited (was pending), read from its history: the
 * SLA clock stops for them. The last one has no end while it still
 * waits. Undone moves count as the moves back they are.
 *
 * Returns: (transfer full) (element-type StwSlaPause): the waits in
 *   order, or %NULL with @error set
 */
GArray *
stw_ticket_repo_list_pauses (StwDatabase  *db,
                             gint64        ticket_id,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  stmt = stw_database_prepare_read (db, PAUSES_SQL, error);
  if (stmt == NULL)
    return NULL;

  return read_pauses (stw_database_get_reader (db), stmt, ticket_id, error);
}

/* ------------------------------------------------------------------------ */
/* Service level times                                                      */
/* ------------------------------------------------------------------------ */

/* The earlier of two times, 0 meaning none. */
static gint64
earliest (gint64 a,
          gint64 b)
{
  if (a == 0)
    return b;
  if (b == 0)
    return a;
  return MIN (a, b);
}

static gint64
usec_of (GDateTime *time)
{
  if (time == NULL)
    return 0;
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* Adds one clock's due and risk times, if it runs. */
static void
add_clock (StwSlaCalendar *calendar,
           GDateTime      *start,
           gint64          target,
           GArray         *pauses,
           gint64         *due,
           gint64         *risk)
{
  g_autoptr(GDateTime) clock_due = NULL;
  g_autoptr(GDateTime) clock_risk = NULL;
  const StwSlaPause *list = (const StwSlaPause *) pauses->data;

  if (target <= 0)
    return;

  clock_due = stw_sla_due (calendar, start, target, list, pauses->len);
  clock_risk = stw_sla_due (calendar, start, target - target / 4, list, pauses->len);
  *due = earliest (*due, usec_of (clock_due));
  *risk = earliest (*risk, usec_of (clock_risk));
}

typedef struct
{
  StwSlaCalendar *calendar;
  StwSlaPolicy    policy;
  sqlite3_stmt   *pauses;
  sqlite3_stmt   *update;
} Measure;

static gboolean
measure_row (StwWriteContext  *ctx,
             Measure          *m,
             sqlite3_stmt     *row,
             GError          **error)
{
  gint64 id = sqlite3_column_int64 (row, 0);
  StwTicketType type = STW_TICKET_TYPE_INCIDENT;
  StwTicketStatus status = STW_TICKET_STATUS_NEW;
  int priority = CLAMP (sqlite3_column_int (row, 3), STW_PRIORITY_HIGHEST, STW_PRIORITY_LOWEST);
  gint64 created = sqlite3_column_int64 (row, 4);
  gint64 first_response = column_or_zero (row, 5);
  gint64 resolved = column_or_zero (row, 6);
  gint64 manual_due = column_or_zero (row, 7);
  gint64 due = 0, risk = 0;

  stw_ticket_type_from_key (stw_sql_column_text (row, 1), &type);
  stw_ticket_status_from_key (stw_sql_column_text (row, 2), &status);

  if (!stw_ticket_status_is_done (type, status))
    {
      g_autoptr(GArray) pauses = NULL;
      g_autoptr(GDateTime) start = time_from_usec (created);

      pauses = read_pauses (stw_write_context_get_db (ctx), m->pauses, id, error);
      if (pauses == NULL)
        return FALSE;

      if (first_response == 0)
        add_clock (m->calendar, start, m->policy.response[priority], pauses, &due, &risk);
      if (resolved == 0)
        add_clock (m->calendar, start, m->policy.resolution[priority], pauses, &due, &risk);

      /* A due time set by hand is a deadline too. */
      due = earliest (due, manual_due);
      risk = earliest (risk, due);
    }

  sqlite3_bind_int64 (m->update, 1, id);
  bind_id (m->update, 2, due);
  bind_id (m->update, 3, risk);
  return stw_sql_step (m->update, error);
}

/*
 * stw_ticket_repo_refresh_sla_in:
 * @ticket_id: the ticket, or 0 for every open one
 *
 * Works out the due and risk times of the ticket's running SLA clocks
 * (see 0005-sla-times.sql) from the stored settings, its priority and
 * its waits. Every write that changes what they depend on calls it.
 */
gboolean
stw_ticket_repo_refresh_sla_in (StwWriteContext  *ctx,
                                gint64            ticket_id,
                                GError          **error)
{
  Measure m = { 0, };
  sqlite3_stmt *rows;
  gboolean ok = TRUE;
  int rc;

  m.calendar = stw_preferences_load_sla_in (ctx, &m.policy);
  m.pauses = stw_write_context_prepare (ctx, PAUSES_SQL, error);
  m.update = stw_write_context_prepare (ctx, "UPDATE tickets SET sla_due = ?2, sla_risk = ?3 "
                                             "WHERE id = ?1", error);
  rows = stw_write_context_prepare (ctx, ticket_id != 0
                                    ? "SELECT id, type, status, priority, created, "
                                      "first_response, resolved, due FROM tickets WHERE id = ?"
                                    : "SELECT id, type, status, priority, created, "
                                      "first_response, resolved, due FROM tickets "
                                      "WHERE sla_due IS NOT NULL OR " STW_TICKET_OPEN_SQL,
                                    error);
  if (m.pauses == NULL || m.update == NULL || rows == NULL)
    {
      stw_sla_calendar_unref (m.calendar);
      return FALSE;
    }

  if (ticket_id != 0)
    sqlite3_bind_int64 (rows, 1, ticket_id);

  while (ok && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    ok = measure_row (ctx, &m, rows, error);
  if (ok && rc != SQLITE_DONE)
    ok = stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);

  sqlite3_reset (rows);
  stw_sla_calendar_unref (m.calendar);
  return ok;
}

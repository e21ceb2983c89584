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
#include "stw-ticket-repo-private.h"
#include "core/stw-error.h"

/*
 * Tickets in the store. A save checks the ticket (stw_ticket_validate())
 * and, for a stored ticket, the move from its stored status against its
 * lifecycle, inside the write, so two edits cannot slip a refused move
 * past each other. The times a ticket was first answered, resolved and
 * closed follow its status. Every write is one journal batch, and undone
 * as one.
 */


#define SELECT_TICKET \
  "SELECT t.id, t.uuid, t.title, t.description, t.type, t.status, t.impact, t.urgency, " \
  "t.priority, t.priority_reason, t.category, t.requester_id, r.name, t.assignee_id, a.name, " \
  "t.queue, t.parent_id, t.problem_id, t.tags, t.rank, t.created, t.updated, " \
  "t.first_response, t.resolved, t.closed, t.due, t.sla_due, t.sla_risk " \
  "FROM tickets t LEFT JOIN people r ON r.id = t.requester_id " \
  "LEFT JOIN people a ON a.id = t.assignee_id "

gint64
stw_ticket_column_or_zero (sqlite3_stmt *stmt,
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
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_REQUESTER_ID, stw_ticket_column_or_zero (stmt, 11));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_REQUESTER_NAME, stw_sql_column_text (stmt, 12));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID, stw_ticket_column_or_zero (stmt, 13));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_ASSIGNEE_NAME, stw_sql_column_text (stmt, 14));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, stw_sql_column_text (stmt, 15));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PARENT_ID, stw_ticket_column_or_zero (stmt, 16));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_PROBLEM_ID, stw_ticket_column_or_zero (stmt, 17));
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TAGS, stw_sql_column_text (stmt, 18));
  stw_ticket_set_rank (ticket, sqlite3_column_double (stmt, 19));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_CREATED, stw_ticket_column_or_zero (stmt, 20));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_UPDATED, stw_ticket_column_or_zero (stmt, 21));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_FIRST_RESPONSE, stw_ticket_column_or_zero (stmt, 22));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_RESOLVED, stw_ticket_column_or_zero (stmt, 23));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_CLOSED, stw_ticket_column_or_zero (stmt, 24));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_DUE, stw_ticket_column_or_zero (stmt, 25));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_SLA_DUE, stw_ticket_column_or_zero (stmt, 26));
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_SLA_RISK, stw_ticket_column_or_zero (stmt, 27));

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

/**
 * stw_ticket_repo_load_in:
 *
 * Like stw_ticket_repo_load(), inside a write on the writer thread.
 *
 * Returns: (transfer full): the ticket, or %NULL with @error set
 */
StwTicket *
stw_ticket_repo_load_in (StwWriteContext  *ctx,
                         gint64            id,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx, SELECT_TICKET "WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ticket_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("The ticket no longer exists."));
  else
    stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
  return NULL;
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

void
stw_ticket_bind_id (sqlite3_stmt *stmt,
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
  stw_ticket_bind_id (stmt, i++, VALUE (REQUESTER_ID));
  stw_ticket_bind_id (stmt, i++, VALUE (ASSIGNEE_ID));
  stw_sql_bind_stripped (stmt, i++, TEXT (QUEUE));
  stw_ticket_bind_id (stmt, i++, VALUE (PARENT_ID));
  stw_ticket_bind_id (stmt, i++, VALUE (PROBLEM_ID));
  stw_sql_bind_stripped (stmt, i++, TEXT (TAGS));
  sqlite3_bind_double (stmt, i++, stw_ticket_get_rank (ticket));
  stw_ticket_bind_id (stmt, i++, VALUE (FIRST_RESPONSE));
  stw_ticket_bind_id (stmt, i++, VALUE (RESOLVED));
  stw_ticket_bind_id (stmt, i++, VALUE (CLOSED));
  stw_ticket_bind_id (stmt, i++, VALUE (DUE));
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
          up = sqlite3_step (stmt) == SQLITE_ROW ? stw_ticket_column_or_zero (stmt, 0) : 0;
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
      gint64 created = stw_ticket_get_value (ticket, STW_TICKET_VALUE_CREATED);

      /* A ticket from a server keeps the time it was opened there (its
       * SLA clocks and due time count from it); any other opens now. */
      if (stw_write_context_get_origin (ctx) != STW_ORIGIN_SYNC || created <= 0 || created > now)
        created = now;
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_CREATED, created);
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
      sqlite3_bind_int64 (stmt, 22, created);
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
      /* A status the server sends has been decided there, whatever step
       * it takes in our lifecycle. */
      if ((stw_write_context_get_origin (ctx) != STW_ORIGIN_SYNC &&
           !stw_ticket_check_transition (stored.type, stored.status,
                                         stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS),
                                         error)) ||
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

/**
 * stw_ticket_repo_delete_in:
 *
 * Deletes a ticket with its entries and asset links, inside a write.
 */
gboolean
stw_ticket_repo_delete_in (StwWriteContext  *ctx,
                           gint64            id,
                           GError          **error)
{
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

static gboolean
delete_func (StwWriteContext  *ctx,
             gpointer          user_data,
             GError          **error)
{
  return stw_ticket_repo_delete_in (ctx, *(gint64 *)user_data, error);
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
/* Lists                                                                    */
/* ------------------------------------------------------------------------ */

/* The ids a query with one bound id gives, in its order. */
GArray *
stw_ticket_read_ids (StwDatabase  *db,
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

  return stw_ticket_read_ids (db, "SELECT id FROM tickets WHERE parent_id = ? ORDER BY id", id, error);
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

  return stw_ticket_read_ids (db, "SELECT id FROM tickets WHERE problem_id = ? ORDER BY id", id, error);
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

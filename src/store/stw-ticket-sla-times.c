/* stw-ticket-sla-times.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "core/stw-time.h"
#include "stw-database-private.h"
#include "stw-repo-private.h"
#include "stw-ticket-repo.h"
#include "stw-ticket-repo-private.h"
#include "core/stw-error.h"

/*
 * A ticket's service level in the store: its waits, read from its status
 * history, and the due and risk times of its running clocks, kept in the
 * ticket's row (see 0005-sla-times.sql) so that "breached or at risk" is
 * one indexed comparison.
 */

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

  return stw_ticket_read_ids (db, sql, now, error);
}

/* ------------------------------------------------------------------------ */
/* Waits                                                                    */
/* ------------------------------------------------------------------------ */

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
        open->end = stw_time_from_usec (time);

      if (g_strcmp0 (new, "pending") == 0 && g_strcmp0 (old, "pending") != 0 &&
          (open == NULL || open->end != NULL))
        {
          StwSlaPause pause = { stw_time_from_usec (time), NULL };

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
  gint64 first_response = stw_ticket_column_or_zero (row, 5);
  gint64 resolved = stw_ticket_column_or_zero (row, 6);
  gint64 manual_due = stw_ticket_column_or_zero (row, 7);
  gint64 due = 0, risk = 0;

  stw_ticket_type_from_key (stw_sql_column_text (row, 1), &type);
  stw_ticket_status_from_key (stw_sql_column_text (row, 2), &status);

  if (!stw_ticket_status_is_done (type, status))
    {
      g_autoptr(GArray) pauses = NULL;
      g_autoptr(GDateTime) start = stw_time_from_usec (created);

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
  stw_ticket_bind_id (m->update, 2, due);
  stw_ticket_bind_id (m->update, 3, risk);
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

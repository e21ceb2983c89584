/* stw-preferences-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The preferences that belong with the data rather than with the desktop
 * session: the SLA calendar and policy the tickets are measured by, and
 * who "I" am among the people. They live in the database's preferences
 * table as text (see stw_sla_calendar_to_string() and
 * stw_sla_policy_to_string()). A value that cannot be read falls back to
 * the default, with a warning: a damaged preference never stops the
 * tickets from opening.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "core/stw-error.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-repo-private.h"

#define KEY_CALENDAR "sla-calendar"
#define KEY_POLICY   "sla-policy"
#define KEY_ME       "me"

#define GET_SQL "SELECT value FROM preferences WHERE key = ?"

static char *
dup_value (sqlite3_stmt *stmt,
           const char   *key)
{
  char *value = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/* Reads the calendar and policy with @stmt (GET_SQL on some connection). */
static StwSlaCalendar *
load_sla (sqlite3_stmt *stmt,
          StwSlaPolicy *policy)
{
  g_autofree char *calendar_text = dup_value (stmt, KEY_CALENDAR);
  g_autofree char *policy_text = dup_value (stmt, KEY_POLICY);
  g_autoptr(GError) error = NULL;
  StwSlaCalendar *calendar = NULL;

  stw_sla_policy_init_default (policy);
  if (policy_text != NULL && !stw_sla_policy_parse (policy, policy_text, &error))
    {
      g_warning ("The stored SLA policy cannot be read (%s); using the default one.",
                 error->message);
      g_clear_error (&error);
      stw_sla_policy_init_default (policy);
    }

  if (calendar_text != NULL)
    {
      calendar = stw_sla_calendar_new_from_string (calendar_text, &error);
      if (calendar == NULL)
        g_warning ("The stored SLA calendar cannot be read (%s); using office hours.",
                   error->message);
    }

  return calendar != NULL ? calendar : stw_sla_calendar_new_default ();
}

/**
 * stw_preferences_repo_load_sla:
 * @policy: (out caller-allocates): the response and resolution targets
 *
 * Returns: (transfer full): the working-hours calendar the tickets are
 *   measured by; office hours when none was set
 */
StwSlaCalendar *
stw_preferences_repo_load_sla (StwDatabase  *db,
                               StwSlaPolicy *policy)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  return load_sla (stw_database_prepare_read (db, GET_SQL, NULL), policy);
}

/*
 * The same, inside a write: the settings the write itself may have
 * just changed.
 */
StwSlaCalendar *
stw_preferences_load_sla_in (StwWriteContext *ctx,
                             StwSlaPolicy    *policy)
{
  return load_sla (stw_write_context_prepare (ctx, GET_SQL, NULL), policy);
}

static gboolean
put (StwWriteContext  *ctx,
     const char       *key,
     const char       *value,
     GError          **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = stw_write_context_prepare (ctx, "DELETE FROM preferences WHERE key = ?1", error);
  else
    stmt = stw_write_context_prepare (ctx, "INSERT INTO preferences (key, value) VALUES (?1, ?2) "
                                           "ON CONFLICT (key) DO UPDATE SET value = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return stw_sql_step (stmt, error);
}

typedef struct
{
  char *calendar;
  char *policy;
} SlaData;

static void
sla_data_free (gpointer data)
{
  SlaData *sla = data;

  g_free (sla->calendar);
  g_free (sla->policy);
  g_free (sla);
}

static gboolean
save_sla_func (StwWriteContext  *ctx,
               gpointer          user_data,
               GError          **error)
{
  SlaData *sla = user_data;

  if (!put (ctx, KEY_CALENDAR, sla->calendar, error) ||
      !put (ctx, KEY_POLICY, sla->policy, error))
    return FALSE;

  /* Every open ticket is measured again by the new rules. */
  if (!stw_ticket_repo_refresh_sla_in (ctx, 0, error))
    return FALSE;

  stw_write_context_touch (ctx, STW_ENTITY_TICKET);
  return TRUE;
}

static SlaData *
sla_data_new (StwSlaCalendar      *calendar,
              const StwSlaPolicy  *policy,
              GError             **error)
{
  SlaData *sla;

  if (!stw_sla_calendar_validate (calendar, error))
    return NULL;

  sla = g_new0 (SlaData, 1);
  sla->calendar = stw_sla_calendar_to_string (calendar);
  sla->policy = stw_sla_policy_to_string (policy);
  return sla;
}

/**
 * stw_preferences_repo_save_sla_sync:
 *
 * Stores the calendar and policy and measures every open ticket again
 * by them. A calendar with no working time is refused, and nothing
 * changes.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
stw_preferences_repo_save_sla_sync (StwDatabase         *db,
                                    StwSlaCalendar      *calendar,
                                    const StwSlaPolicy  *policy,
                                    GError             **error)
{
  SlaData *sla;
  gboolean ok;

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (calendar != NULL && policy != NULL, FALSE);

  sla = sla_data_new (calendar, policy, error);
  if (sla == NULL)
    return FALSE;

  ok = stw_database_write_sync (db, STW_ORIGIN_USER, _("Change Service Levels"), save_sla_func,
                                sla, NULL, error);
  sla_data_free (sla);
  return ok;
}

/**
 * stw_preferences_repo_save_sla_async:
 *
 * As stw_preferences_repo_save_sla_sync(), on the writer thread: with
 * many tickets, measuring them all again takes a while.
 */
void
stw_preferences_repo_save_sla_async (StwDatabase         *db,
                                     StwSlaCalendar      *calendar,
                                     const StwSlaPolicy  *policy,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  SlaData *sla;

  g_return_if_fail (STW_IS_DATABASE (db));
  g_return_if_fail (calendar != NULL && policy != NULL);

  sla = sla_data_new (calendar, policy, &error);
  if (sla == NULL)
    {
      g_task_report_error (db, callback, user_data, stw_preferences_repo_save_sla_async,
                           g_steal_pointer (&error));
      return;
    }

  stw_database_write_async (db, STW_ORIGIN_USER, _("Change Service Levels"), save_sla_func, sla,
                            sla_data_free, cancellable, callback, user_data);
}

gboolean
stw_preferences_repo_save_sla_finish (StwDatabase   *db,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  if (g_async_result_is_tagged (result, stw_preferences_repo_save_sla_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  return stw_database_write_finish (db, result, NULL, error);
}

/**
 * stw_preferences_repo_get_me:
 *
 * Returns: the id of the person whose tickets are "mine", or 0 when none
 *   was chosen (or that person is gone)
 */
gint64
stw_preferences_repo_get_me (StwDatabase *db)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);

  stmt = stw_database_prepare_read (db, "SELECT p.id FROM preferences f "
                                        "JOIN people p ON p.uuid = f.value WHERE f.key = ?", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, KEY_ME, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
set_me_func (StwWriteContext  *ctx,
             gpointer          user_data,
             GError          **error)
{
  gint64 person_id = *(gint64 *) user_data;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  if (person_id != 0)
    {
      stmt = stw_write_context_prepare (ctx, "SELECT uuid FROM people WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);

      if (uuid == NULL)
        {
          g_set_error_literal (error, STW_ERROR, STW_ERROR_NOT_FOUND,
                               _("That person no longer exists."));
          return FALSE;
        }
    }

  if (!put (ctx, KEY_ME, uuid, error))
    return FALSE;

  stw_write_context_touch (ctx, STW_ENTITY_PERSON);
  return TRUE;
}

/**
 * stw_preferences_repo_set_me_sync:
 * @person_id: the person whose tickets are "mine", or 0 for none
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
stw_preferences_repo_set_me_sync (StwDatabase  *db,
                                  gint64        person_id,
                                  GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Choose Who You Are"), set_me_func,
                                  &person_id, NULL, error);
}

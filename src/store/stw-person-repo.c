/* stw-person-repo.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-person-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-person-repo.h"
#include "stw-repo-private.h"
#include "core/stw-error.h"
#include "core/stw-validate.h"

#define SELECT_PERSON \
  "SELECT p.id, p.uuid, p.name, p.email, p.department, " \
  "  (SELECT count(*) FROM assets a WHERE a.person_id = p.id) " \
  "FROM people p "

/* Counting reads an index entry per asset: pickers do without. */
#define SELECT_PERSON_NAME \
  "SELECT p.id, p.uuid, p.name, p.email, p.department, 0 FROM people p "

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
                                       "%s still has %u asset. Choose who gets it, then delete.",
                                       "%s still has %u assets. Choose who gets them, then delete.",
                                       count),
                          name, count);
}

static const StwDeleteQueries delete_queries = {
  "SELECT count(*) FROM assets WHERE person_id = ?1",
  "UPDATE assets SET person_id = ?1, updated = ?3 WHERE person_id = ?2",
  "DELETE FROM people WHERE id = ?1",
  describe_in_use,
  N_("The person chosen for the assets no longer exists."),
};

/* ------------------------------------------------------------------------ */

static StwPerson *
person_from_row (sqlite3_stmt *stmt)
{
  StwPerson *person = stw_person_new ();

  stw_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  stw_person_set_uuid (person, stw_sql_column_text (stmt, 1));
  stw_person_set_name (person, stw_sql_column_text (stmt, 2));
  stw_person_set_email (person, stw_sql_column_text (stmt, 3));
  stw_person_set_department (person, stw_sql_column_text (stmt, 4));
  stw_person_set_asset_count (person, (guint)sqlite3_column_int64 (stmt, 5));

  return person;
}

static void
bind_person (sqlite3_stmt *stmt,
             StwPerson    *person)
{
  stw_sql_bind_stripped (stmt, 1, stw_person_get_name (person));
  stw_sql_bind_text (stmt, 2, stw_person_get_email (person));
  stw_sql_bind_text (stmt, 3, stw_person_get_department (person));
}

/* ------------------------------------------------------------------------ */

gboolean
stw_person_repo_validate (StwPerson  *person,
                          GError    **error)
{
  g_return_val_if_fail (STW_IS_PERSON (person), FALSE);

  return stw_validate_line (stw_person_get_name (person), _("Name"), TRUE, error) &&
         stw_validate_email (stw_person_get_email (person), error) &&
         stw_validate_line (stw_person_get_department (person), _("Department"), FALSE, error);
}

/**
 * stw_person_repo_insert:
 *
 * Inserts @person on the writer thread and sets its id and UUID.
 */
gboolean
stw_person_repo_insert (StwWriteContext  *ctx,
                        StwPerson        *person,
                        GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = stw_write_context_get_time (ctx);

  if (!stw_person_repo_validate (person, error))
    return FALSE;

  if (stw_person_get_uuid (person) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      stw_person_set_uuid (person, uuid);
    }

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO people (name, email, department, uuid, created, updated) "
                                    "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, person);
  sqlite3_bind_text (stmt, 4, stw_person_get_uuid (person), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);

  if (!stw_sql_step (stmt, error))
    return FALSE;

  stw_person_set_id (person, sqlite3_last_insert_rowid (stw_write_context_get_db (ctx)));
  return TRUE;
}

static gboolean
save_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  StwPerson *person = user_data;
  sqlite3_stmt *stmt;

  if (stw_person_get_id (person) == 0)
    {
      if (!stw_person_repo_insert (ctx, person, error))
        return FALSE;
      stw_write_context_set_result (ctx, stw_person_get_id (person));
      return TRUE;
    }

  if (!stw_person_repo_validate (person, error))
    return FALSE;

  stmt = stw_write_context_prepare (ctx,
                                    "UPDATE people SET name = ?, email = ?, department = ?, updated = ? "
                                    "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 4, stw_write_context_get_time (ctx));
  sqlite3_bind_int64 (stmt, 5, stw_person_get_id (person));
  if (!stw_sql_step (stmt, error))
    return FALSE;

  if (sqlite3_changes (stw_write_context_get_db (ctx)) == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("This person no longer exists."));
      return FALSE;
    }

  stw_write_context_set_result (ctx, stw_person_get_id (person));
  return TRUE;
}

static StwPerson *
copy_person (StwPerson *person)
{
  return g_object_new (STW_TYPE_PERSON,
                       "id", stw_person_get_id (person),
                       "uuid", stw_person_get_uuid (person),
                       "name", stw_person_get_name (person),
                       "email", stw_person_get_email (person),
                       "department", stw_person_get_department (person),
                       NULL);
}

static const char *
describe_save (StwPerson *person)
{
  /* Translators: undo steps */
  return stw_person_get_id (person) == 0 ? _("Add Person") : _("Edit Person");
}

void
stw_person_repo_save_async (StwDatabase         *db,
                            StwPerson           *person,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (STW_IS_DATABASE (db));
  g_return_if_fail (STW_IS_PERSON (person));

  stw_database_write_async (db, STW_ORIGIN_USER, describe_save (person), save_func,
                            copy_person (person), g_object_unref,
                            cancellable, callback, user_data);
}

gint64
stw_person_repo_save_finish (StwDatabase   *db,
                             GAsyncResult  *result,
                             GError       **error)
{
  gint64 id = 0;

  return stw_database_write_finish (db, result, &id, error) ? id : 0;
}

gint64
stw_person_repo_save_sync (StwDatabase  *db,
                           StwPerson    *person,
                           GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_DATABASE (db), 0);
  g_return_val_if_fail (STW_IS_PERSON (person), 0);

  if (!stw_database_write_sync (db, STW_ORIGIN_USER, describe_save (person), save_func,
                                person, &id, error))
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

  stmt = stw_write_context_prepare (ctx, "SELECT name FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (stw_sql_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (name == NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("This person no longer exists."));
      return FALSE;
    }

  /* Tickets keep who asked, who worked on them and who wrote what. */
  stmt = stw_write_context_prepare (ctx,
                                    "SELECT count(*) FROM ("
                                    "  SELECT id FROM tickets WHERE requester_id = ?1"
                                    "  UNION SELECT id FROM tickets WHERE assignee_id = ?1"
                                    "  UNION SELECT ticket_id FROM ticket_entries WHERE author_id = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    {
      guint n = (guint)sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      g_set_error (error, STW_ERROR, STW_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s is named on %u ticket, which keeps its history. Hand the "
                                "ticket to someone else first.",
                                "%s is named on %u tickets, which keep their history. Hand the "
                                "tickets to someone else first.", n),
                   name, n);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return stw_repo_delete_reassigning (ctx, &delete_queries, data->id, data->reassign_to, name, error);
}

void
stw_person_repo_delete_async (StwDatabase         *db,
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

  stw_database_write_async (db, STW_ORIGIN_USER, _("Delete Person"), delete_func, data, g_free,
                            cancellable, callback, user_data);
}

gboolean
stw_person_repo_delete_finish (StwDatabase   *db,
                               GAsyncResult  *result,
                               GError       **error)
{
  return stw_database_write_finish (db, result, NULL, error);
}

/**
 * stw_person_repo_delete_sync:
 * @reassign_to: who gets the assets of @id: another person's id,
 *   %STW_REASSIGN_CLEAR for nobody, or 0 to refuse while any are assigned
 */
gboolean
stw_person_repo_delete_sync (StwDatabase  *db,
                             gint64        id,
                             gint64        reassign_to,
                             GError      **error)
{
  DeleteData data = { id, reassign_to };

  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_USER, _("Delete Person"), delete_func, &data,
                                  NULL, error);
}

/* ------------------------------------------------------------------------ */

static GListModel *
list_people (StwDatabase  *db,
             const char   *sql,
             GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STW_TYPE_PERSON);
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_database_prepare_read (db, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwPerson) person = person_from_row (stmt);

      g_list_store_append (store, person);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * stw_person_repo_list:
 *
 * Returns: (transfer full): everyone, by name, with their asset counts
 */
GListModel *
stw_person_repo_list (StwDatabase  *db,
                      GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return list_people (db, SELECT_PERSON "ORDER BY p.name COLLATE NOCASE, p.id", error);
}

/**
 * stw_person_repo_list_names:
 *
 * Returns: (transfer full): everyone, by name, with an asset count of 0:
 *   for pickers, without counting a million assets
 */
GListModel *
stw_person_repo_list_names (StwDatabase  *db,
                            GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return list_people (db, SELECT_PERSON_NAME "ORDER BY p.name COLLATE NOCASE, p.id", error);
}

StwPerson *
stw_person_repo_load (StwDatabase  *db,
                      gint64        id,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  StwPerson *person = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  stmt = stw_database_prepare_read (db, SELECT_PERSON "WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person = person_from_row (stmt);
  else
    g_set_error (error, STW_ERROR, STW_ERROR_NOT_FOUND, _("This person no longer exists."));
  sqlite3_reset (stmt);

  return person;
}

guint
stw_person_repo_count_assets (StwDatabase *db,
                              gint64       id)
{
  return stw_repo_count (db, delete_queries.count_sql, id);
}

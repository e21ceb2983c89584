/* stw-journal.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "core/stw-time.h"
#include "stw-journal.h"
#include "stw-journal-private.h"
#include "stw-repo-private.h"
#include "core/stw-error.h"
#include "core/stw-ticket-rules.h"
#include "core/stw-validate.h"

/*
 * The journal is written by triggers (see sql/0001-initial.sql). This
 * file reads it back: to undo and redo a batch, and to show a record's
 * history.
 */

typedef struct
{
  const char         *entity;
  const char         *table;
  const char * const *columns;
} EntityInfo;

static const char * const asset_columns[] = {
  "id", "uuid", "name", "tag", "serial", "category", "manufacturer", "model", "status",
  "location_id", "person_id", "purchase_date", "purchase_cost", "currency", "warranty_end",
  "supplier", "notes", "created", "updated", NULL
};

static const char * const location_columns[] = {
  "id", "uuid", "name", "kind", "parent_id", "created", "updated", NULL
};

static const char * const person_columns[] = {
  "id", "uuid", "name", "email", "department", "created", "updated", NULL
};

static const char * const ticket_columns[] = {
  "id", "uuid", "title", "description", "type", "status", "impact", "urgency", "priority",
  "priority_reason", "category", "requester_id", "assignee_id", "queue", "parent_id",
  "problem_id", "tags", "rank", "created", "updated", "first_response", "resolved", "closed",
  "due", NULL
};

static const char * const ticket_asset_columns[] = {
  "id", "uuid", "ticket_id", "asset_id", "created", NULL
};

static const char * const ticket_entry_columns[] = {
  "id", "uuid", "ticket_id", "kind", "author_id", "body", "minutes", "created", "updated", NULL
};

static const EntityInfo entities[] = {
  { "asset",        "assets",         asset_columns },
  { "location",     "locations",      location_columns },
  { "person",       "people",         person_columns },
  { "ticket",       "tickets",        ticket_columns },
  { "ticket-asset", "ticket_assets",  ticket_asset_columns },
  { "ticket-entry", "ticket_entries", ticket_entry_columns },
};

struct _StwChange
{
  GObject        parent_instance;

  StwChangeKind  kind;
  GDateTime     *time;
  StwOrigin      origin;
  char          *author;
  char          *column;
  char          *field;
  char          *old_value;
  char          *new_value;
};

G_DEFINE_FINAL_TYPE (StwChange, stw_change, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */

static const EntityInfo *
find_entity (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].entity, key) == 0)
      return &entities[i];

  return NULL;
}

static const char *
find_column (const EntityInfo *info,
             const char       *name)
{
  /* Journal rows are data; only a column named in our own table may reach
   * the SQL text. */
  for (guint i = 0; info->columns[i] != NULL; i++)
    if (g_strcmp0 (info->columns[i], name) == 0)
      return info->columns[i];

  return NULL;
}

static char *
build_insert_sql (const EntityInfo *info)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_string_append (sql, info->table);
  g_string_append (sql, " (");
  for (guint i = 0; info->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", info->columns[i]);
  g_string_append (sql, ") SELECT ");
  for (guint i = 0; info->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%sjson_extract (?1, '$.%s')", i ? ", " : "", info->columns[i]);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
run_sql (sqlite3       *db,
         const char    *sql,
         gint64         id,
         sqlite3_value *value,
         gint64         time,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return stw_sql_set_error (db, rc, error);

  if (value != NULL)
    sqlite3_bind_value (stmt, 1, value);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, time);

  ok = stw_sql_step (stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

/*
 * Applies one journal row forwards (redo) or backwards (undo).
 */
static gboolean
apply_row (StwWriteContext  *ctx,
           sqlite3_stmt     *row,
           gboolean          backwards,
           GError          **error)
{
  sqlite3 *db = stw_write_context_get_db (ctx);
  const EntityInfo *info = find_entity (stw_sql_column_text (row, 0));
  gint64 id = sqlite3_column_int64 (row, 1);
  const char *op = stw_sql_column_text (row, 2);
  const char *field = stw_sql_column_text (row, 3);
  sqlite3_value *old_value = sqlite3_column_value (row, 4);
  sqlite3_value *new_value = sqlite3_column_value (row, 5);
  g_autofree char *sql = NULL;
  gboolean is_insert = g_strcmp0 (op, "insert") == 0;
  gboolean is_delete = g_strcmp0 (op, "delete") == 0;

  if (info == NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_FAILED,
                   _("The change history names an unknown kind of record."));
      return FALSE;
    }

  if ((is_insert && backwards) || (is_delete && !backwards))
    {
      sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?2", info->table);
      return run_sql (db, sql, id, NULL, 0, error);
    }

  if (is_insert || is_delete)
    {
      sql = build_insert_sql (info);
      return run_sql (db, sql, 0, is_insert ? new_value : old_value, 0, error);
    }

  field = find_column (info, field);
  if (field == NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_FAILED,
                   _("The change history names an unknown field."));
      return FALSE;
    }

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1, updated = ?3 WHERE id = ?2", info->table, field);
  return run_sql (db, sql, id, backwards ? old_value : new_value,
                  stw_write_context_get_time (ctx), error);
}

/*
 * The SLA times of the tickets the batch touched follow their restored
 * status and history.
 */
static gboolean
refresh_tickets (StwWriteContext  *ctx,
                 gint64            target,
                 GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx, "SELECT DISTINCT j.entity_id FROM journal j "
                                         "JOIN tickets t ON t.id = j.entity_id "
                                         "WHERE j.batch = ? AND j.entity = 'ticket'", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, target);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    if (!stw_ticket_repo_refresh_sla_in (ctx, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
apply_batch (StwWriteContext  *ctx,
             gint64            target,
             gboolean          backwards,
             GError          **error)
{
  sqlite3 *db = stw_write_context_get_db (ctx);
  sqlite3_stmt *rows = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (db, backwards
                           ? "SELECT entity, entity_id, op, field, old, new FROM journal "
                             "WHERE batch = ? ORDER BY id DESC"
                           : "SELECT entity, entity_id, op, field, old, new FROM journal "
                             "WHERE batch = ? ORDER BY id ASC",
                           -1, &rows, NULL);
  if (rc != SQLITE_OK)
    return stw_sql_set_error (db, rc, error);

  sqlite3_bind_int64 (rows, 1, target);
  while (ok && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    ok = apply_row (ctx, rows, backwards, error);

  if (ok && rc != SQLITE_DONE)
    ok = stw_sql_set_error (db, rc, error);

  sqlite3_finalize (rows);
  return ok && refresh_tickets (ctx, target, error);
}

static gboolean
mark_batches (StwWriteContext  *ctx,
              gint64            target,
              const char       *state,
              const char       *description,
              GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = stw_write_context_prepare (ctx, "UPDATE batches SET state = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, target);
  if (!stw_sql_step (stmt, error))
    return FALSE;

  stmt = stw_write_context_prepare (ctx, "UPDATE batches SET undoes = ?, description = ? "
                                         "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target);
  stw_sql_bind_text (stmt, 2, description);
  sqlite3_bind_int64 (stmt, 3, stw_write_context_get_batch (ctx));
  return stw_sql_step (stmt, error);
}

#define UNDO_TARGET_SQL \
  "SELECT id, description FROM batches " \
  "WHERE state = 'done' AND origin IN ('user', 'import', 'sample') " \
  "ORDER BY id DESC LIMIT 1"

/* The batch undone most recently, if nothing new came after it. */
#define REDO_TARGET_SQL \
  "SELECT t.id, t.description FROM batches u JOIN batches t ON t.id = u.undoes " \
  "WHERE u.origin = 'undo' AND t.state = 'undone' " \
  "ORDER BY u.id DESC LIMIT 1"

static gboolean
find_target (StwWriteContext  *ctx,
             const char       *sql,
             gint64           *target,
             char            **description,
             GError          **error)
{
  sqlite3_stmt *stmt = stw_write_context_prepare (ctx, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *target = sqlite3_column_int64 (stmt, 0);
      *description = g_strdup (stw_sql_column_text (stmt, 1));
      sqlite3_reset (stmt);
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    return stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);

  *target = 0;
  return TRUE;
}

/* ------------------------------------------------------------------------ */

gboolean
stw_journal_undo (StwWriteContext  *ctx,
                  GError          **error)
{
  g_autofree char *description = NULL;
  gint64 target = 0;

  if (!find_target (ctx, UNDO_TARGET_SQL, &target, &description, error))
    return FALSE;

  if (target == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOTHING_TO_UNDO, _("There is nothing to undo."));
      return FALSE;
    }

  return apply_batch (ctx, target, TRUE, error) &&
         mark_batches (ctx, target, "undone", description, error);
}

gboolean
stw_journal_redo (StwWriteContext  *ctx,
                  GError          **error)
{
  g_autofree char *description = NULL;
  gint64 target = 0;

  if (!find_target (ctx, REDO_TARGET_SQL, &target, &description, error))
    return FALSE;

  if (target == 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_NOTHING_TO_UNDO, _("There is nothing to redo."));
      return FALSE;
    }

  return apply_batch (ctx, target, FALSE, error) &&
         mark_batches (ctx, target, "done", description, error);
}

static char *
describe (StwDatabase *self,
          const char  *sql)
{
  sqlite3_stmt *stmt = stw_database_prepare_read (self, sql, NULL);
  char *description = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      description = g_strdup (stw_sql_column_text (stmt, 1));
      if (description == NULL)
        description = g_strdup (_("Last Change"));
    }

  if (stmt != NULL)
    sqlite3_reset (stmt);

  return description;
}

void
stw_journal_describe_undo_redo (StwDatabase  *self,
                                char        **undo,
                                char        **redo)
{
  *undo = describe (self, UNDO_TARGET_SQL);
  *redo = describe (self, REDO_TARGET_SQL);
}

/* ------------------------------------------------------------------------ */
/* History                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_change_finalize (GObject *object)
{
  StwChange *self = (StwChange *)object;

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->author);
  g_free (self->column);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);

  G_OBJECT_CLASS (stw_change_parent_class)->finalize (object);
}

static void
stw_change_class_init (StwChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_change_finalize;
}

static void
stw_change_init (StwChange *self)
{
}

StwChangeKind
stw_change_get_kind (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), STW_CHANGE_UPDATED);
  return self->kind;
}

GDateTime *
stw_change_get_time (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), NULL);
  return self->time;
}

StwOrigin
stw_change_get_origin (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), STW_ORIGIN_USER);
  return self->origin;
}

const char *
stw_change_get_author (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), NULL);
  return self->author;
}

/**
 * stw_change_get_column:
 *
 * Returns: (nullable): the changed column as the store names it, never
 *   translated; %NULL when the record was created or deleted
 */
const char *
stw_change_get_column (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), NULL);
  return self->column;
}

/**
 * stw_change_get_field:
 *
 * Returns: (nullable): the changed field's label, translated; %NULL when
 *   the record was created or deleted
 */
const char *
stw_change_get_field (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), NULL);
  return self->field;
}

const char *
stw_change_get_old_value (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), NULL);
  return self->old_value;
}

const char *
stw_change_get_new_value (StwChange *self)
{
  g_return_val_if_fail (STW_IS_CHANGE (self), NULL);
  return self->new_value;
}

static char *
lookup_name (StwDatabase *db,
             const char  *sql,
             gint64       id)
{
  sqlite3_stmt *stmt = stw_database_prepare_read (db, sql, NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (stw_sql_column_text (stmt, 0));
  else
    /* Translators: a value in the history that pointed at a record since deleted */
    name = g_strdup (_("(deleted)"));
  sqlite3_reset (stmt);

  return name;
}

static const char *
ticket_field_label (const char *column)
{
  static const struct
  {
    const char *column;
    const char *label;
  } labels[] = {
    { "title",           N_("Title") },
    { "description",     N_("Description") },
    { "type",            N_("Type") },
    { "status",          N_("Status") },
    { "impact",          N_("Impact") },
    { "urgency",         N_("Urgency") },
    { "priority",        N_("Priority") },
    { "priority_reason", N_("Priority Reason") },
    { "category",        N_("Category") },
    { "requester_id",    N_("Requester") },
    { "assignee_id",     N_("Assignee") },
    { "queue",           N_("Queue") },
    { "parent_id",       N_("Parent Ticket") },
    { "problem_id",      N_("Problem") },
    { "tags",            N_("Tags") },
    { "rank",            N_("Order on the Board") },
    { "first_response",  N_("First Response") },
    { "resolved",        N_("Resolved") },
    { "closed",          N_("Closed") },
    { "due",             N_("Due") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].column, column) == 0)
      return _(labels[i].label);

  return column;
}

static const char *
field_label (StwEntity   entity,
             const char *column)
{
  if (entity == STW_ENTITY_TICKET)
    return ticket_field_label (column);

  if (entity == STW_ENTITY_ASSET)
    {
      StwAssetField field = stw_asset_field_from_column (column);

      return field != STW_ASSET_FIELD_NONE ? stw_asset_field_label (field) : column;
    }

  if (g_strcmp0 (column, "name") == 0)
    return _("Name");
  if (g_strcmp0 (column, "kind") == 0)
    return _("Kind");
  if (g_strcmp0 (column, "parent_id") == 0)
    return _("Inside");
  if (g_strcmp0 (column, "email") == 0)
    return _("Email");
  if (g_strcmp0 (column, "department") == 0)
    return _("Department");

  return column;
}

/* A ticket's value as a person reads it. */
static char *
display_ticket_value (StwDatabase   *db,
                      const char    *column,
                      sqlite3_value *value)
{
  const char *text = (const char *)sqlite3_value_text (value);

  if (g_strcmp0 (column, "requester_id") == 0 || g_strcmp0 (column, "assignee_id") == 0)
    return lookup_name (db, "SELECT name FROM people WHERE id = ?", sqlite3_value_int64 (value));

  if (g_strcmp0 (column, "parent_id") == 0 || g_strcmp0 (column, "problem_id") == 0)
    return lookup_name (db, "SELECT title FROM tickets WHERE id = ?",
                        sqlite3_value_int64 (value));

  if (g_strcmp0 (column, "priority") == 0)
    {
      gint64 priority = sqlite3_value_int64 (value);

      if (priority >= STW_PRIORITY_HIGHEST && priority <= STW_PRIORITY_LOWEST)
        return stw_ticket_priority_describe (priority);
    }

  if (g_strcmp0 (column, "due") == 0 || g_strcmp0 (column, "first_response") == 0 ||
      g_strcmp0 (column, "resolved") == 0 || g_strcmp0 (column, "closed") == 0)
    return stw_format_time (sqlite3_value_int64 (value));

  if (g_strcmp0 (column, "type") == 0)
    {
      StwTicketType type;

      if (stw_ticket_type_from_key (text, &type))
        return g_strdup (stw_ticket_type_label (type));
    }

  if (g_strcmp0 (column, "status") == 0)
    {
      StwTicketStatus status;

      if (stw_ticket_status_from_key (text, &status))
        return g_strdup (stw_ticket_status_label (status));
    }

  if (g_strcmp0 (column, "impact") == 0 || g_strcmp0 (column, "urgency") == 0)
    {
      StwLevel level;

      if (stw_level_from_key (text, &level))
        return g_strdup (stw_level_label (level));
    }

  return g_strdup (text);
}

/* The value as a person reads it: names for references, labels for keys. */
static char *
display_value (StwDatabase   *db,
               StwEntity      entity,
               const char    *column,
               sqlite3_value *value)
{
  const char *text;

  if (sqlite3_value_type (value) == SQLITE_NULL)
    return NULL;

  if (entity == STW_ENTITY_TICKET)
    return display_ticket_value (db, column, value);

  text = (const char *)sqlite3_value_text (value);

  if (g_strcmp0 (column, "location_id") == 0 || g_strcmp0 (column, "parent_id") == 0)
    return lookup_name (db, "SELECT name FROM locations WHERE id = ?", sqlite3_value_int64 (value));

  if (g_strcmp0 (column, "person_id") == 0)
    return lookup_name (db, "SELECT name FROM people WHERE id = ?", sqlite3_value_int64 (value));

  if (g_strcmp0 (column, "purchase_cost") == 0)
    return stw_format_cost (sqlite3_value_int64 (value));

  if (g_strcmp0 (column, "category") == 0)
    {
      StwAssetCategory category;

      if (stw_asset_category_from_key (text, &category))
        return g_strdup (stw_asset_category_label (category));
    }

  if (g_strcmp0 (column, "status") == 0)
    {
      StwAssetStatus status;

      if (stw_asset_status_from_key (text, &status))
        return g_strdup (stw_asset_status_label (status));
    }

  if (g_strcmp0 (column, "kind") == 0)
    {
      StwLocationKind kind;

      if (stw_location_kind_from_key (text, &kind))
        return g_strdup (stw_location_kind_label (kind));
    }

  return g_strdup (text);
}

/**
 * stw_journal_list_changes:
 *
 * Returns: (transfer full): the #StwChange list of one record, newest
 *   first, or %NULL with @error set
 */
GListModel *
stw_journal_list_changes (StwDatabase  *db,
                          StwEntity     entity,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STW_TYPE_CHANGE);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  stmt = stw_database_prepare_read (db,
                                    "SELECT j.op, j.field, j.old, j.new, j.time, j.origin, b.author "
                                    "FROM journal j JOIN batches b ON b.id = j.batch "
                                    "WHERE j.entity = ? AND j.entity_id = ? "
                                    "ORDER BY j.id DESC",
                                    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, stw_entity_to_key (entity), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwChange) change = g_object_new (STW_TYPE_CHANGE, NULL);
      const char *op = stw_sql_column_text (stmt, 0);
      const char *column = stw_sql_column_text (stmt, 1);

      if (g_strcmp0 (op, "insert") == 0)
        change->kind = STW_CHANGE_CREATED;
      else if (g_strcmp0 (op, "delete") == 0)
        change->kind = STW_CHANGE_DELETED;
      else
        change->kind = STW_CHANGE_UPDATED;

      if (change->kind == STW_CHANGE_UPDATED)
        {
          change->column = g_strdup (column);
          change->field = g_strdup (field_label (entity, column));
          change->old_value = display_value (db, entity, column, sqlite3_column_value (stmt, 2));
          change->new_value = display_value (db, entity, column, sqlite3_column_value (stmt, 3));
        }

      change->time = stw_time_from_usec_local (sqlite3_column_int64 (stmt, 4));
      change->origin = stw_origin_from_key (stw_sql_column_text (stmt, 5));
      change->author = g_strdup (stw_sql_column_text (stmt, 6));

      g_list_store_append (store, change);
    }

  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_database_get_reader (db), rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

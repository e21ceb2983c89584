/* stw-sync-local.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-local"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/stw-error.h"
#include "stw-asset-repo.h"
#include "stw-database-private.h"
#include "stw-sync-store.h"
#include "stw-ticket-repo.h"

/* Local records as flat JSON objects in Steward's terms (see
 * stw-sync-store.h), read with SQLite's json_object() and written through
 * the repositories, so that a record the sync writes is checked, stamped
 * and journaled like one a person edits. */

#define ISO_TIME(column) \
  "CASE WHEN " column " IS NULL THEN NULL " \
  "ELSE strftime ('%Y-%m-%dT%H:%M:%SZ', " column " / 1000000, 'unixepoch') END"

static const char *
read_sql (const char *entity)
{
  if (g_str_equal (entity, STW_SYNC_TICKET))
    return "SELECT json_object ('title', t.title, 'description', t.description, "
           "'type', t.type, 'status', t.status, 'priority', t.priority, 'queue', t.queue, "
           "'assignee', coalesce (a.email, a.name), 'requester', coalesce (r.email, r.name), "
           "'due', " ISO_TIME ("t.due") ") "
           "FROM tickets t LEFT JOIN people a ON a.id = t.assignee_id "
           "LEFT JOIN people r ON r.id = t.requester_id WHERE t.id = ?";
  if (g_str_equal (entity, STW_SYNC_ASSET))
    return "SELECT json_object ('name', a.name, 'tag', a.tag, 'serial', a.serial, "
           "'category', a.category, 'manufacturer', a.manufacturer, 'model', a.model, "
           "'status', a.status, 'person', coalesce (p.email, p.name), 'notes', a.notes, "
           "'supplier', a.supplier, 'purchase_date', a.purchase_date, "
           "'warranty_end', a.warranty_end) "
           "FROM assets a LEFT JOIN people p ON p.id = a.person_id WHERE a.id = ?";
  if (g_str_equal (entity, STW_SYNC_ENTRY))
    return "SELECT json_object ('ticket', e.ticket_id, 'kind', e.kind, 'body', e.body, "
           "'minutes', e.minutes, 'author', coalesce (p.email, p.name), "
           "'created', " ISO_TIME ("e.created") ") "
           "FROM ticket_entries e LEFT JOIN people p ON p.id = e.author_id WHERE e.id = ?";
  return NULL;
}

/**
 * stw_sync_local_read_in:
 *
 * Returns: (transfer full) (nullable): the record as a JSON object, or
 *   %NULL when it does not exist (@error unset) or on failure
 */
char *
stw_sync_local_read_in (StwWriteContext  *ctx,
                        const char       *entity,
                        gint64            local_id,
                        GError          **error)
{
  const char *sql = read_sql (entity);
  sqlite3_stmt *stmt;
  char *json = NULL;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  stmt = stw_write_context_prepare (ctx, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, local_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = g_strdup (stw_sql_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
  sqlite3_reset (stmt);
  return json;
}

/* ------------------------------------------------------------------------ */

/* The person an email or a name stands for, made when nobody has it. */
static gboolean
find_person (StwWriteContext  *ctx,
             const char       *who,
             gint64           *id,
             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  if (who == NULL || *who == '\0')
    return TRUE;

  stmt = stw_write_context_prepare (ctx,
                                    "SELECT id FROM people WHERE email = ?1 COLLATE NOCASE "
                                    "OR name = ?1 COLLATE NOCASE "
                                    "ORDER BY email = ?1 COLLATE NOCASE DESC, id LIMIT 1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, who, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
  if (*id != 0)
    return TRUE;

  stmt = stw_write_context_prepare (ctx,
                                    "INSERT INTO people (uuid, name, email, created, updated) "
                                    "VALUES (?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autofree char *uuid = g_uuid_string_random ();
    gint64 now = stw_write_context_get_time (ctx);

    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, who, -1, SQLITE_TRANSIENT);
    if (strchr (who, '@') != NULL)
      sqlite3_bind_text (stmt, 3, who, -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_null (stmt, 3);
    sqlite3_bind_int64 (stmt, 4, now);
    sqlite3_bind_int64 (stmt, 5, now);
  }
  if (!stw_sql_step (stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (stw_write_context_get_db (ctx));
  return TRUE;
}

/* µs since 1970 from ISO 8601; 0 for null or something unreadable. */
static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL)
    return 0;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
}

typedef struct
{
  const char *key;
  const char *text;     /* NULL for a JSON null */
  gint64      number;
} Field;

/* The fields of a flat JSON object, with SQLite doing the parsing. */
static GArray *
read_fields (StwWriteContext  *ctx,
             const char       *json,
             GStringChunk     *chunk,
             GError          **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (Field));
  sqlite3_stmt *stmt;
  int rc;

  stmt = stw_write_context_prepare (ctx, "SELECT key, value, type FROM json_each (?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Field field = { 0 };
      const char *type = stw_sql_column_text (stmt, 2);

      field.key = g_string_chunk_insert_const (chunk, stw_sql_column_text (stmt, 0));
      if (g_strcmp0 (type, "null") != 0)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, 1);

          field.text = g_string_chunk_insert (chunk, text != NULL ? text : "");
          field.number = sqlite3_column_int64 (stmt, 1);
        }
      g_array_append_val (fields, field);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      stw_sql_set_error (stw_write_context_get_db (ctx), rc, error);
      return NULL;
    }
  return g_steal_pointer (&fields);
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *value)
{
  g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
               _("The server sent “%s” for %s, which Steward cannot store."),
               value != NULL ? value : "null", field);
  return FALSE;
}

static gint64
write_ticket (StwWriteContext  *ctx,
              gint64            local_id,
              GArray           *fields,
              GError          **error)
{
  g_autoptr(StwTicket) ticket = NULL;
  gboolean priority_set = FALSE;

  if (local_id != 0)
    {
      ticket = stw_ticket_repo_load_in (ctx, local_id, error);
      if (ticket == NULL)
        return 0;
    }
  else
    {
      StwTicketType type = STW_TICKET_TYPE_INCIDENT;

      for (guint i = 0; i < fields->len; i++)
        {
          Field *f = &g_array_index (fields, Field, i);

          if (g_str_equal (f->key, "type") && !stw_ticket_type_from_key (f->text, &type))
            return invalid (error, "type", f->text);
        }
      ticket = stw_ticket_new (type);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      Field *f = &g_array_index (fields, Field, i);

      if (g_str_equal (f->key, "title"))
        stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, f->text);
      else if (g_str_equal (f->key, "description"))
        stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, f->text);
      else if (g_str_equal (f->key, "queue"))
        stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, f->text);
      else if (g_str_equal (f->key, "status"))
        {
          StwTicketStatus status;

          if (!stw_ticket_status_from_key (f->text, &status))
            return invalid (error, "status", f->text);
          stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, status);
        }
      else if (g_str_equal (f->key, "priority"))
        {
          if (f->text == NULL)
            continue;
          stw_ticket_set_value (ticket, STW_TICKET_VALUE_PRIORITY, f->number);
          priority_set = TRUE;
        }
      else if (g_str_equal (f->key, "assignee") || g_str_equal (f->key, "requester"))
        {
          gint64 person = 0;

          if (!find_person (ctx, f->text, &person, error))
            return 0;
          stw_ticket_set_value (ticket,
                                g_str_equal (f->key, "assignee") ? STW_TICKET_VALUE_ASSIGNEE_ID
                                                                 : STW_TICKET_VALUE_REQUESTER_ID,
                                person);
        }
      else if (g_str_equal (f->key, "due"))
        stw_ticket_set_value (ticket, STW_TICKET_VALUE_DUE, parse_time (f->text));
      else if (g_str_equal (f->key, "created") && local_id == 0)
        stw_ticket_set_value (ticket, STW_TICKET_VALUE_CREATED, parse_time (f->text));
    }

  /* A priority set on the server need not be the one impact and urgency
   * give here: it keeps a reason, as one set by hand does. */
  if (priority_set &&
      stw_ticket_get_value (ticket, STW_TICKET_VALUE_PRIORITY) !=
        stw_ticket_priority (stw_ticket_get_value (ticket, STW_TICKET_VALUE_IMPACT),
                                  stw_ticket_get_value (ticket, STW_TICKET_VALUE_URGENCY)) &&
      stw_ticket_get_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON) == NULL)
    stw_ticket_set_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON, _("Set on the server"));

  if (!stw_ticket_repo_save_in (ctx, ticket, error))
    return 0;
  return stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
}

static const struct
{
  const char    *key;
  StwAssetField  field;
} asset_text_fields[] = {
  { "name", STW_ASSET_FIELD_NAME },
  { "tag", STW_ASSET_FIELD_TAG },
  { "serial", STW_ASSET_FIELD_SERIAL },
  { "manufacturer", STW_ASSET_FIELD_MANUFACTURER },
  { "model", STW_ASSET_FIELD_MODEL },
  { "notes", STW_ASSET_FIELD_NOTES },
  { "supplier", STW_ASSET_FIELD_SUPPLIER },
  { "purchase_date", STW_ASSET_FIELD_PURCHASE_DATE },
  { "warranty_end", STW_ASSET_FIELD_WARRANTY_END },
};

static gint64
write_asset (StwWriteContext  *ctx,
             gint64            local_id,
             GArray           *fields,
             GError          **error)
{
  g_autoptr(StwAsset) asset = NULL;
  StwAssetFields changed = 0;

  if (local_id != 0)
    {
      asset = stw_asset_repo_load_in (ctx, local_id, error);
      if (asset == NULL)
        return 0;
    }
  else
    {
      asset = stw_asset_new ();
      stw_asset_set_category (asset, STW_ASSET_CATEGORY_OTHER);
      stw_asset_set_status (asset, STW_ASSET_STATUS_IN_STOCK);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      Field *f = &g_array_index (fields, Field, i);
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (asset_text_fields); j++)
        if (g_str_equal (f->key, asset_text_fields[j].key))
          {
            stw_asset_set_text (asset, asset_text_fields[j].field, f->text);
            changed |= STW_ASSET_FIELD_BIT (asset_text_fields[j].field);
            known = TRUE;
          }
      if (known)
        continue;

      if (g_str_equal (f->key, "category"))
        {
          StwAssetCategory category;

          if (!stw_asset_category_from_key (f->text, &category))
            return invalid (error, "category", f->text);
          stw_asset_set_category (asset, category);
          changed |= STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_CATEGORY);
        }
      else if (g_str_equal (f->key, "status"))
        {
          StwAssetStatus status;

          if (!stw_asset_status_from_key (f->text, &status))
            return invalid (error, "status", f->text);
          stw_asset_set_status (asset, status);
          changed |= STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_STATUS);
        }
      else if (g_str_equal (f->key, "person"))
        {
          gint64 person = 0;

          if (!find_person (ctx, f->text, &person, error))
            return 0;
          stw_asset_set_person (asset, person, f->text);
          changed |= STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_PERSON);
        }
    }

  if (local_id == 0)
    {
      if (!stw_asset_repo_insert (ctx, asset, error))
        return 0;
      return stw_asset_get_id (asset);
    }

  if (changed != 0 && !stw_asset_repo_update (ctx, asset, changed, error))
    return 0;
  return local_id;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gint64
write_entry (StwWriteContext  *ctx,
             gint64            local_id,
             GArray           *fields,
             GError          **error)
{
  StwTicketEntryKind kind = STW_TICKET_ENTRY_COMMENT;
  gint64 ticket_id = 0, author = 0, created = 0, id;
  const char *body = NULL;
  int minutes = 0;

  /* Entries are never edited once shared: only new ones are written. */
  if (local_id != 0)
    return local_id;

  for (guint i = 0; i < fields->len; i++)
    {
      Field *f = &g_array_index (fields, Field, i);

      if (g_str_equal (f->key, "ticket"))
        ticket_id = f->number;
      else if (g_str_equal (f->key, "kind"))
        {
          if (g_strcmp0 (f->text, "internal") == 0)
            kind = STW_TICKET_ENTRY_INTERNAL;
          else if (g_strcmp0 (f->text, "work") == 0)
            kind = STW_TICKET_ENTRY_WORK;
          else if (g_strcmp0 (f->text, "comment") != 0)
            return invalid (error, "kind", f->text);
        }
      else if (g_str_equal (f->key, "body"))
        body = f->text;
      else if (g_str_equal (f->key, "minutes"))
        minutes = (int)f->number;
      else if (g_str_equal (f->key, "author"))
        {
          if (!find_person (ctx, f->text, &author, error))
            return 0;
        }
      else if (g_str_equal (f->key, "created"))
        created = parse_time (f->text);
    }

  if (kind == STW_TICKET_ENTRY_WORK && minutes <= 0)
    kind = STW_TICKET_ENTRY_INTERNAL;
  if (kind != STW_TICKET_ENTRY_WORK)
    minutes = 0;
  if (is_blank (body))
    body = kind == STW_TICKET_ENTRY_WORK ? _("(time worked)") : _("(no text)");

  id = stw_ticket_repo_add_entry_in (ctx, ticket_id, kind, author, body, minutes, error);
  if (id == 0)
    return 0;

  /* The entry keeps the time it was written on the server, so the
   * timeline reads in the right order. */
  if (created != 0)
    {
      sqlite3_stmt *stmt = stw_write_context_prepare (ctx,
                                                      "UPDATE ticket_entries SET created = ?2 "
                                                      "WHERE id = ?1",
                                                      error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, created);
      if (!stw_sql_step (stmt, error))
        return 0;
    }
  return id;
}

/**
 * stw_sync_local_write_in:
 *
 * Returns: the local id, or 0 with @error set
 */
gint64
stw_sync_local_write_in (StwWriteContext  *ctx,
                         const char       *entity,
                         gint64            local_id,
                         const char       *fields_json,
                         GError          **error)
{
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (256);
  g_autoptr(GArray) fields = read_fields (ctx, fields_json, chunk, error);

  if (fields == NULL)
    return 0;

  if (g_str_equal (entity, STW_SYNC_TICKET))
    return write_ticket (ctx, local_id, fields, error);
  if (g_str_equal (entity, STW_SYNC_ASSET))
    return write_asset (ctx, local_id, fields, error);
  if (g_str_equal (entity, STW_SYNC_ENTRY))
    return write_entry (ctx, local_id, fields, error);

  g_return_val_if_reached (0);
}

gboolean
stw_sync_local_delete_in (StwWriteContext  *ctx,
                          const char       *entity,
                          gint64            local_id,
                          GError          **error)
{
  static const char * const asset_statements[] = {
    "DELETE FROM ticket_assets WHERE asset_id = ?1",
    "DELETE FROM assets WHERE id = ?1",
  };
  static const char * const entry_statements[] = {
    "DELETE FROM ticket_entries WHERE id = ?1",
  };
  const char * const *statements;
  guint n;

  if (g_str_equal (entity, STW_SYNC_TICKET))
    return stw_ticket_repo_delete_in (ctx, local_id, error);
  if (g_str_equal (entity, STW_SYNC_ASSET))
    statements = asset_statements, n = G_N_ELEMENTS (asset_statements);
  else if (g_str_equal (entity, STW_SYNC_ENTRY))
    statements = entry_statements, n = G_N_ELEMENTS (entry_statements);
  else
    g_return_val_if_reached (FALSE);

  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = stw_write_context_prepare (ctx, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, local_id);
      if (!stw_sql_step (stmt, error))
        return FALSE;
    }
  return TRUE;
}

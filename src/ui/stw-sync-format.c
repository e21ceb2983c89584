/* stw-sync-format.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-format"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "stw-sync-format.h"
#include "sync/stw-sync-labels.h"
#include "core/stw-asset.h"
#include "core/stw-enums.h"
#include "core/stw-ticket.h"
#include "core/stw-ticket-rules.h"
#include "store/stw-asset-repo.h"
#include "store/stw-sync-store.h"
#include "store/stw-ticket-repo.h"

/*
 * The sync keeps records, fields and values in Steward's own terms
 * (store/stw-sync-store.h): "ticket", "status", "\"in_progress\"". A
 * person reads them as the rest of the interface says them: “Ticket #12
 * · Printer jams”, “Status”, “In Progress”.
 */

/* The @i-th stored key of a field that holds one of a fixed set
 * (a ticket's status), and its label; FALSE past the last, or for a
 * field of free text. */
static gboolean
keyed_value (const char  *entity,
             const char  *field,
             guint        i,
             const char **key,
             const char **label)
{
  if (g_strcmp0 (entity, STW_SYNC_TICKET) == 0 && g_strcmp0 (field, "status") == 0)
    {
      if (i >= STW_N_TICKET_STATUSES)
        return FALSE;
      *key = stw_ticket_status_to_key (i);
      *label = stw_ticket_status_label (i);
      return TRUE;
    }

  if (g_strcmp0 (entity, STW_SYNC_TICKET) == 0 && g_strcmp0 (field, "type") == 0)
    {
      if (i >= STW_N_TICKET_TYPES)
        return FALSE;
      *key = stw_ticket_type_to_key (i);
      *label = stw_ticket_type_label (i);
      return TRUE;
    }

  if (g_strcmp0 (entity, STW_SYNC_ASSET) == 0 && g_strcmp0 (field, "status") == 0)
    {
      if (i >= STW_N_ASSET_STATUSES)
        return FALSE;
      *key = stw_asset_status_to_key (i);
      *label = stw_asset_status_label (i);
      return TRUE;
    }

  if (g_strcmp0 (entity, STW_SYNC_ASSET) == 0 && g_strcmp0 (field, "category") == 0)
    {
      if (i >= STW_N_ASSET_CATEGORIES)
        return FALSE;
      *key = stw_asset_category_to_key (i);
      *label = stw_asset_category_label (i);
      return TRUE;
    }

  return FALSE;
}

/* A stored key (“in-progress”) as its label (“In Progress”), or NULL. */
static const char *
key_label (const char *entity,
           const char *field,
           const char *key)
{
  const char *k, *label;

  for (guint i = 0; keyed_value (entity, field, i, &k, &label); i++)
    if (g_strcmp0 (k, key) == 0)
      return label;

  return NULL;
}

/* A label typed (“in progress”, any case) as its stored key, or NULL. */
static const char *
label_key (const char *entity,
           const char *field,
           const char *text)
{
  g_autofree char *typed = g_utf8_casefold (text, -1);
  const char *key, *label;

  for (guint i = 0; keyed_value (entity, field, i, &key, &label); i++)
    {
      g_autofree char *folded = g_utf8_casefold (label, -1);

      if (g_str_equal (folded, typed) || g_str_equal (key, text))
        return key;
    }

  return NULL;
}

static char *
format_string (const char *entity,
               const char *field,
               const char *text)
{
  const char *label;

  if (text == NULL || text[0] == '\0')
    return g_strdup (_("(empty)"));

  label = key_label (entity, field, text);
  if (label != NULL)
    return g_strdup (label);

  /* A due time is an ISO 8601 time in UTC; people read their own. */
  if (g_strcmp0 (entity, STW_SYNC_TICKET) == 0 && g_strcmp0 (field, "due") == 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (text, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

      if (local != NULL)
        /* Translators: a due time; see g_date_time_format() */
        return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }

  return g_strdup (text);
}

/**
 * stw_sync_format_value:
 * @json: (nullable): a JSON value, as the sync keeps it
 *
 * Returns: the value as a person reads it: a string without its quotes,
 *   a stored key as its label, nothing (null, "") as “(empty)”
 */
char *
stw_sync_format_value (const char *entity,
                       const char *field,
                       const char *json)
{
  g_autoptr(JsonNode) node = NULL;

  if (json == NULL || json[0] == '\0')
    return g_strdup (_("(empty)"));

  node = json_from_string (json, NULL);
  if (node == NULL)
    return g_strdup (json);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return g_strdup (_("(empty)"));

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return format_string (entity, field, json_node_get_string (node));

        case G_TYPE_INT64:
          if (g_strcmp0 (entity, STW_SYNC_TICKET) == 0 && g_strcmp0 (field, "priority") == 0)
            return stw_ticket_priority_label ((int)json_node_get_int (node));
          return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

        case G_TYPE_DOUBLE:
          return g_strdup_printf ("%g", json_node_get_double (node));

        case G_TYPE_BOOLEAN:
          return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));

        default:
          break;
        }
      break;

    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
    default:
      break;
    }

  return json_to_string (node, FALSE);
}

/**
 * stw_sync_format_edit_text:
 * @json: (nullable): a JSON value of @entity's @field
 *
 * Returns: the value to start an edit from: a string's own text (a
 *   stored key's label), a number's digits, nothing for null
 */
char *
stw_sync_format_edit_text (const char *entity,
                           const char *field,
                           const char *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *label = key_label (entity, field, json_node_get_string (node));

      return g_strdup (label != NULL ? label : json_node_get_string (node));
    }

  return json_to_string (node, FALSE);
}

/**
 * stw_sync_format_json_text:
 * @text: what a person typed as @entity's @field
 * @like: (nullable): a JSON value of the same field
 *
 * Returns: @text as a JSON value: a number where the field holds
 *   numbers, null when nothing was typed, a stored key for its label,
 *   else a string
 */
char *
stw_sync_format_json_text (const char *entity,
                           const char *field,
                           const char *text,
                           const char *like)
{
  g_autoptr(JsonNode) like_node = like != NULL ? json_from_string (like, NULL) : NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *key;

  if (stripped[0] == '\0')
    return g_strdup ("null");

  if (like_node != NULL && JSON_NODE_HOLDS_VALUE (like_node))
    {
      GType type = json_node_get_value_type (like_node);
      gint64 integer;
      char *end = NULL;
      double number;

      if (type == G_TYPE_INT64 && g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64,
                                                            &integer, NULL))
        return g_strdup_printf ("%" G_GINT64_FORMAT, integer);

      number = g_ascii_strtod (stripped, &end);
      if (type == G_TYPE_DOUBLE && end != NULL && *end == '\0')
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, number));
        }
    }

  key = label_key (entity, field, stripped);
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, key != NULL ? key : text);
  return json_to_string (node, FALSE);
}

/**
 * stw_sync_format_fields:
 * @conflicts: #StwSyncConflict items
 *
 * Returns: the labels of the fields in conflict, each once, in order:
 *   “Title, Status”
 */
char *
stw_sync_format_fields (GListModel *conflicts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(StwSyncConflict) conflict = g_list_model_get_item (conflicts, i);
      const char *label = stw_sync_field_label (stw_sync_conflict_get_entity (conflict),
                                                 stw_sync_conflict_get_field (conflict));

      if (g_ptr_array_find_with_equal_func (seen, label, g_str_equal, NULL))
        continue;

      g_ptr_array_add (seen, (gpointer)label);
      if (text->len > 0)
        /* Translators: between the fields of a list, “Title, Status” */
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * stw_sync_format_record:
 *
 * Returns: the record as the lists name it, “Ticket #12 · Printer jams”
 *   or “Asset LT-0042 · ThinkPad”, or by its number when it is gone
 */
char *
stw_sync_format_record (StwDatabase *db,
                        const char  *entity,
                        gint64       local_id)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  if (g_strcmp0 (entity, STW_SYNC_TICKET) == 0)
    {
      g_autoptr(StwTicket) ticket = local_id > 0 ? stw_ticket_repo_load (db, local_id, NULL)
                                                  : NULL;

      if (ticket != NULL)
        /* Translators: a ticket's number and title */
        return g_strdup_printf (_("Ticket #%lld · %s"), (long long)local_id,
                                stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE));
      return g_strdup_printf (_("Ticket #%lld"), (long long)local_id);
    }

  if (g_strcmp0 (entity, STW_SYNC_ASSET) == 0)
    {
      g_autoptr(StwAsset) asset = local_id > 0 ? stw_asset_repo_load (db, local_id, NULL) : NULL;
      const char *tag = asset != NULL ? stw_asset_get_tag (asset) : NULL;

      if (asset != NULL && tag != NULL && tag[0] != '\0')
        /* Translators: an asset's tag and name */
        return g_strdup_printf (_("Asset %s · %s"), tag, stw_asset_get_name (asset));
      if (asset != NULL)
        return g_strdup_printf (_("Asset · %s"), stw_asset_get_name (asset));
      return g_strdup_printf (_("Asset %lld"), (long long)local_id);
    }

  if (g_strcmp0 (entity, STW_SYNC_ENTRY) == 0)
    /* Translators: a ticket's comment, note or work log entry, by number */
    return g_strdup_printf (_("Ticket entry %lld"), (long long)local_id);

  if (g_strcmp0 (entity, STW_SYNC_QUEUE) == 0)
    return g_strdup (_("Queue"));

  return g_strdup_printf ("%s %" G_GINT64_FORMAT, entity != NULL ? entity : "", local_id);
}

typedef struct
{
  const char *action;
  const char *label;
  const char *icon;
} ActionInfo;

static const ActionInfo actions[] = {
  { "start",    N_("Started"),    "media-playback-start-symbolic" },
  { "pulled",   N_("Pulled"),     "go-down-symbolic" },
  { "pushed",   N_("Pushed"),     "go-up-symbolic" },
  { "created",  N_("Created"),    "list-add-symbolic" },
  { "merged",   N_("Merged"),     "emblem-synchronizing-symbolic" },
  { "conflict", N_("Conflict"),   "dialog-warning-symbolic" },
  { "deleted",  N_("Deleted"),    "user-trash-symbolic" },
  { "refused",  N_("Refused"),    "action-unavailable-symbolic" },
  { "error",    N_("Error"),      "dialog-error-symbolic" },
  { "done",     N_("Finished"),   "object-select-symbolic" },
};

static const ActionInfo *
find_action (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].action, action) == 0)
      return &actions[i];

  return NULL;
}

/* “Pulled”, “Conflict”: what a log line says was done. */
const char *
stw_sync_format_action (const char *action)
{
  const ActionInfo *info = find_action (action);

  return info != NULL ? _(info->label) : action;
}

const char *
stw_sync_format_action_icon (const char *action)
{
  const ActionInfo *info = find_action (action);

  return info != NULL ? info->icon : "emblem-synchronizing-symbolic";
}

/**
 * stw_sync_format_ago:
 * @time: µs since 1970
 * @now: µs since 1970
 *
 * Returns: how long ago @time was: “just now”, “3 minutes ago”, “2 hours
 *   ago”, or its date
 */
char *
stw_sync_format_ago (gint64 time,
                     gint64 now)
{
  gint64 seconds = (now - time) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (seconds < 60)
    return g_strdup (_("just now"));

  if (seconds < 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         seconds / 60),
                            (int)(seconds / 60));

  if (seconds < 24 * 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago",
                                         seconds / 3600),
                            (int)(seconds / 3600));

  when = g_date_time_new_from_unix_utc (time / G_USEC_PER_SEC);
  local = when != NULL ? g_date_time_to_local (when) : NULL;
  if (local == NULL)
    return g_strdup ("?");

  /* Translators: when something last happened, more than a day ago; see
   * g_date_time_format() */
  return g_date_time_format (local, _("on %-d %B %Y"));
}

/* A log line's time: the time of day today, with the date before. */
char *
stw_sync_format_time (GDateTime *time,
                      GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: a time today in the sync log; see g_date_time_format() */
    return g_date_time_format (local, _("%H:%M:%S"));

  /* Translators: a time before today in the sync log; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/* stw-rt-map.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-rt-map"

#include "config.h"

#include <string.h>

#include "core/stw-enums.h"
#include "core/stw-ticket-rules.h"
#include "store/stw-sync-store.h"
#include "stw-rt-private.h"

/*
 * The pure half of the RT backend, value by value: RT's dates and
 * TicketSQL, the pull cursor, priorities, statuses, categories and the
 * custom fields that hold Steward's. Whole records are translated in
 * stw-rt-fields.c. Nothing here talks to the server.
 *
 * The translations are built so that a value sent and read back comes
 * back unchanged: from_remote (to_remote (x), x) == x for every local
 * value, and, where RT has a value Steward can name, to_remote
 * (from_remote (y)) == y as well (RT's own priorities, statuses and
 * categories), so that a pull followed by a push sends nothing.
 */

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */
/* ------------------------------------------------------------------------ */

const char *
stw_rt_json_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* RT writes ids as "1" in lists and as 1 in records; objects such as
 * {"id": "root", "type": "user"} stand for their id. */
char *
stw_rt_json_id (JsonObject *object,
                const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return stw_rt_json_id (json_node_get_object (node), "id");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%.0f", json_node_get_double (node));
  return NULL;
}

gint64
stw_rt_json_int (JsonObject *object,
                 const char *member,
                 gint64      fallback)
{
  g_autofree char *text = stw_rt_json_id (object, member);
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return fallback;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return fallback;
  return value;
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */
/* ------------------------------------------------------------------------ */

gint64
stw_rt_parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  gint64 usec;

  if (text == NULL || *text == '\0')
    return -1;

  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL)
    {
      /* "2026-11-24 14:24:12", as RT stores it. */
      g_autofree char *iso = g_strdup (text);

      if (strlen (iso) >= 11 && iso[10] == ' ')
        iso[10] = 'T';
      time = g_date_time_new_from_iso8601 (iso, utc);
    }
  if (time == NULL)
    return -1;

  usec = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return usec <= 0 ? 0 : usec;
}

char *
stw_rt_normalize_time (const char *text)
{
  gint64 usec = stw_rt_parse_time (text);
  g_autoptr(GDateTime) time = NULL;

  if (usec <= 0)
    return NULL;
  time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

char *
stw_rt_format_query_time (gint64 usec,
                          int    offset)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC + offset);

  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
}

char *
stw_rt_format_sql_time (gint64 usec)
{
  return stw_rt_format_query_time (usec, 0);
}

char *
stw_rt_normalize_text (const char *text)
{
  GString *normal;

  if (text == NULL)
    return NULL;
  normal = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (normal, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (normal, *p);
    }
  return g_string_free (normal, FALSE);
}

char *
stw_rt_quote (const char *value)
{
  GString *quoted = g_string_new ("'");

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');
  return g_string_free (quoted, FALSE);
}

/* ------------------------------------------------------------------------ */
/* The cursor                                                               */
/* ------------------------------------------------------------------------ */

char *
stw_rt_cursor_format (const StwRtCursor *cursor)
{
  return g_strdup_printf ("rt1:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                          cursor->since / G_USEC_PER_SEC, cursor->mark / G_USEC_PER_SEC,
                          cursor->after, cursor->done ? 1 : 0);
}

gboolean
stw_rt_cursor_parse (const char  *text,
                     StwRtCursor *cursor)
{
  g_auto (GStrv) parts = NULL;
  gint64 values[4];

  memset (cursor, 0, sizeof *cursor);
  if (text == NULL || !g_str_has_prefix (text, "rt1:"))
    return FALSE;

  parts = g_strsplit (text + 4, ":", -1);
  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      values[i] = g_ascii_strtoll (parts[i], &end, 10);
      if (end == parts[i] || *end != '\0' || values[i] < 0)
        return FALSE;
    }

  cursor->since = values[0] * G_USEC_PER_SEC;
  cursor->mark = values[1] * G_USEC_PER_SEC;
  cursor->after = values[2];
  cursor->done = values[3] != 0;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Priority                                                                 */
/* ------------------------------------------------------------------------ */

/* RT's priorities are numbers from 0 to 100; its default names are Low
 * (0), Medium (50) and High (100). Steward's P1 to P5 land on quarters
 * of that range, so RT's three named values come back unchanged, and
 * any other number goes to the nearest level. */
static const int rt_priorities[] = { 100, 75, 50, 25, 0 };

int
stw_rt_priority_to_remote (int priority)
{
  priority = CLAMP (priority, STW_PRIORITY_HIGHEST, STW_PRIORITY_LOWEST);
  return rt_priorities[priority - STW_PRIORITY_HIGHEST];
}

int
stw_rt_priority_from_remote (gint64 rt_priority)
{
  /* Halfway between two levels rounds to the more urgent one. */
  if (rt_priority >= 88)
    return 1;
  if (rt_priority >= 63)
    return 2;
  if (rt_priority >= 38)
    return 3;
  if (rt_priority >= 13)
    return 4;
  return 5;
}

/* ------------------------------------------------------------------------ */
/* Ticket statuses                                                          */
/* ------------------------------------------------------------------------ */

/* RT's default lifecycle: new, open, stalled, resolved, rejected (and
 * deleted, which is no record at all). Each Steward status has one RT
 * status; each RT status has one Steward status per lifecycle, the
 * first one of those that map to it. A change's "requested" is its
 * "new", and a scheduled change waits as RT's stalled tickets do. */
static const struct
{
  const char *status;
  const char *rt;
} status_to_rt[] = {
  { "new",         "new" },
  { "requested",   "new" },
  { "assigned",    "open" },
  { "in-progress", "open" },
  { "known-error", "open" },
  { "assessed",    "open" },
  { "approved",    "open" },
  { "pending",     "stalled" },
  { "scheduled",   "stalled" },
  { "resolved",    "resolved" },
  { "implemented", "resolved" },
  { "reviewed",    "resolved" },
  { "closed",      "resolved" },
  { "rejected",    "rejected" },
};

static const struct
{
  const char *rt;
  const char *service;   /* incidents, service requests and problems */
  const char *change;
} status_from_rt[] = {
  { "new",      "new",         "requested" },
  { "open",     "in-progress", "assessed" },
  { "stalled",  "pending",     "scheduled" },
  { "resolved", "resolved",    "implemented" },
  /* Incidents have no "rejected": a rejected one is over. */
  { "rejected", "closed",      "rejected" },
};

static StwTicketType
ticket_type (const char *type)
{
  StwTicketType value = STW_TICKET_TYPE_INCIDENT;

  if (type == NULL || !stw_ticket_type_from_key (type, &value))
    return STW_TICKET_TYPE_INCIDENT;
  return value;
}

const char *
stw_rt_status_to_remote (const char *type,
                         const char *status)
{
  if (status == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (status_to_rt); i++)
    if (g_str_equal (status_to_rt[i].status, status))
      return status_to_rt[i].rt;
  return "open";
}

const char *
stw_rt_status_from_remote (const char *type,
                           const char *rt_status,
                           const char *local_status)
{
  StwTicketType value = ticket_type (type);
  StwTicketStatus local;

  if (rt_status == NULL)
    return NULL;

  /* RT's "open" is Steward's assigned or in progress: whichever the
   * ticket is in here stays. */
  if (local_status != NULL && stw_ticket_status_from_key (local_status, &local) &&
      stw_ticket_type_has_status (value, local) &&
      g_strcmp0 (stw_rt_status_to_remote (type, local_status), rt_status) == 0)
    return local_status;

  for (guint i = 0; i < G_N_ELEMENTS (status_from_rt); i++)
    if (g_ascii_strcasecmp (status_from_rt[i].rt, rt_status) == 0)
      return value == STW_TICKET_TYPE_CHANGE ? status_from_rt[i].change
                                             : status_from_rt[i].service;

  /* A status of a lifecycle of the server's own: keep what is here. */
  if (local_status != NULL && stw_ticket_status_from_key (local_status, &local) &&
      stw_ticket_type_has_status (value, local))
    return local_status;
  return stw_ticket_status_to_key (stw_ticket_type_initial_status (value));
}

/* ------------------------------------------------------------------------ */
/* Assets                                                                   */
/* ------------------------------------------------------------------------ */

/* RT's asset lifecycle: new, allocated, in-use, recycled, stolen (and
 * deleted). RT has no "in repair": such an asset is in use there. */
static const struct
{
  const char *status;
  const char *rt;
} asset_status_to_rt[] = {
  { "in-stock",  "new" },
  { "deployed",  "in-use" },
  { "in-repair", "in-use" },
  { "retired",   "recycled" },
  { "lost",      "stolen" },
};

static const struct
{
  const char *rt;
  const char *status;
} asset_status_from_rt[] = {
  { "new",       "in-stock" },
  { "allocated", "deployed" },
  { "in-use",    "deployed" },
  { "recycled",  "retired" },
  { "stolen",    "lost" },
};

const char *
stw_rt_asset_status_to_remote (const char *status)
{
  if (status == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (asset_status_to_rt); i++)
    if (g_str_equal (asset_status_to_rt[i].status, status))
      return asset_status_to_rt[i].rt;
  return "new";
}

const char *
stw_rt_asset_status_from_remote (const char *rt_status,
                                 const char *local_status)
{
  if (rt_status == NULL)
    return NULL;
  if (local_status != NULL &&
      g_strcmp0 (stw_rt_asset_status_to_remote (local_status), rt_status) == 0)
    return local_status;
  for (guint i = 0; i < G_N_ELEMENTS (asset_status_from_rt); i++)
    if (g_ascii_strcasecmp (asset_status_from_rt[i].rt, rt_status) == 0)
      return asset_status_from_rt[i].status;
  return local_status != NULL ? local_status : "in-stock";
}

/* What people call each category in a free-text field, lower case; the
 * first name is the one sent. */
static const struct
{
  const char *category;
  const char *names[6];
} categories[] = {
  { "laptop",     { "Laptop", "notebook", "laptops", NULL } },
  { "desktop",    { "Desktop", "workstation", "pc", "desktops", NULL } },
  { "server",     { "Server", "servers", NULL } },
  { "network",    { "Network", "switch", "router", "firewall", "access point", NULL } },
  { "monitor",    { "Monitor", "display", "screen", "monitors", NULL } },
  { "phone",      { "Phone", "mobile", "smartphone", "mobile phone", "phones", NULL } },
  { "printer",    { "Printer", "printers", "scanner", NULL } },
  { "peripheral", { "Peripheral", "keyboard", "mouse", "dock", "headset", "peripherals" } },
  { "other",      { "Other", NULL } },
};

const char *
stw_rt_category_to_remote (const char *category)
{
  if (category == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].category, category))
      return categories[i].names[0];
  return "Other";
}

const char *
stw_rt_category_from_remote (const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return NULL;
  text = g_strstrip (g_strdup (value));
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      if (g_ascii_strcasecmp (categories[i].category, text) == 0)
        return categories[i].category;
      for (guint j = 0; j < G_N_ELEMENTS (categories[i].names) && categories[i].names[j]; j++)
        if (g_ascii_strcasecmp (categories[i].names[j], text) == 0)
          return categories[i].category;
    }
  return "other";
}

/* Custom fields that hold a Steward field, and the Steward field. */
static const struct
{
  const char *key;
  const char *field;
  const char *aliases[4];
} custom_fields[] = {
  { "Serial Number", "serial",        { "serial", "serial no", "serialnumber", NULL } },
  { "Manufacturer",  "manufacturer",  { "make", "brand", NULL } },
  { "Model",         "model",         { NULL } },
  { "Asset Tag",     "tag",           { "tag", "inventory number", NULL } },
  { "Category",      "category",      { "asset type", NULL } },
  { "Supplier",      "supplier",      { "vendor", NULL } },
  { "Purchase Date", "purchase_date", { "purchased", "date purchased", NULL } },
  { "Warranty End",  "warranty_end",  { "warranty expires", "warranty until", "warranty", NULL } },
};

const char *
stw_rt_custom_field_key (const char *rt_name)
{
  g_autofree char *name = NULL;

  if (rt_name == NULL)
    return NULL;
  name = g_strstrip (g_strdup (rt_name));
  for (guint i = 0; i < G_N_ELEMENTS (custom_fields); i++)
    {
      if (g_ascii_strcasecmp (custom_fields[i].key, name) == 0)
        return custom_fields[i].key;
      for (guint j = 0; j < G_N_ELEMENTS (custom_fields[i].aliases); j++)
        if (custom_fields[i].aliases[j] != NULL &&
            g_ascii_strcasecmp (custom_fields[i].aliases[j], name) == 0)
          return custom_fields[i].key;
    }
  return NULL;
}

const char *
stw_rt_custom_field_field (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (custom_fields); i++)
    if (g_strcmp0 (custom_fields[i].key, key) == 0)
      return custom_fields[i].field;
  return NULL;
}

const char *const *
stw_rt_custom_field_keys (void)
{
  static const char *keys[G_N_ELEMENTS (custom_fields) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (custom_fields); i++)
      keys[i] = custom_fields[i].key;
  return keys;
}

/* stw-rt-fields.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-rt-fields"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "store/stw-sync-store.h"
#include "stw-rt-private.h"

/*
 * Whole records between Steward's terms and RT's (see stw-rt-private.h
 * for RT's), built from the values of stw-rt-map.c. Pure: nothing here
 * talks to the server.
 *
 * from_remote (to_remote (x), x) == x for every local record; and where
 * RT has a value Steward can name, to_remote (from_remote (y)) == y, so a
 * pull followed by a push sends nothing back. from_remote maps only the
 * members @remote has: the engine asks for one field at a time too.
 */

/* ------------------------------------------------------------------------ */
/* Records                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
has (JsonObject *object,
     const char *member)
{
  return object != NULL && json_object_has_member (object, member);
}

static gboolean
is_null (JsonObject *object,
         const char *member)
{
  return !has (object, member) || JSON_NODE_HOLDS_NULL (json_object_get_member (object, member));
}

/* A text member, or null when it is empty or absent. */
static void
set_text (JsonObject *object,
          const char *member,
          const char *value)
{
  if (value == NULL || *value == '\0')
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

static void
copy_text (JsonObject *to,
           const char *to_member,
           JsonObject *from,
           const char *from_member)
{
  if (has (from, from_member))
    set_text (to, to_member, stw_rt_json_string (from, from_member));
}

/* A message as RT keeps it: RT turns CR LF into LF, and what is sent
 * must read back the same, or it would be sent again. */
static void
copy_message (JsonObject *remote,
              JsonObject *local,
              const char *member)
{
  g_autofree char *text = NULL;

  if (!has (local, member))
    return;
  text = stw_rt_normalize_text (stw_rt_json_string (local, member));
  set_text (remote, "Content", text);
}

/* A date the way Steward keeps purchase and warranty dates: "2025-01-31"
 * from that form (with a time or not) or any other GDate reads. */
static char *
plain_date (const char *text)
{
  g_autoptr(GDate) date = NULL;
  int year, month, day;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3)
    {
      if (!g_date_valid_dmy (day, month, year))
        return NULL;
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }
  date = g_date_new ();
  g_date_set_parse (date, text);
  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* RT allows a ticket without a subject; Steward's need a title. */
static const char *
no_subject (void)
{
  return _("(no subject)");
}

static JsonObject *
ticket_to_remote (JsonObject *local)
{
  JsonObject *remote = json_object_new ();
  const char *type = stw_rt_json_string (local, "type");

  if (has (local, "title"))
    {
      const char *title = stw_rt_json_string (local, "title");

      json_object_set_string_member (remote, "Subject",
                                     title == NULL || g_str_equal (title, no_subject ())
                                       ? "" : title);
    }
  if (has (local, "status"))
    set_text (remote, "Status",
              stw_rt_status_to_remote (type, stw_rt_json_string (local, "status")));
  if (has (local, "priority") && !is_null (local, "priority"))
    json_object_set_int_member (remote, "Priority",
                                stw_rt_priority_to_remote (stw_rt_json_int (local, "priority", 3)));
  copy_text (remote, "Queue", local, "queue");
  copy_text (remote, "Owner", local, "assignee");
  copy_text (remote, "Requestor", local, "requester");
  if (has (local, "due"))
    {
      g_autofree char *due = stw_rt_normalize_time (stw_rt_json_string (local, "due"));

      set_text (remote, "Due", due);
    }
  copy_message (remote, local, "description");
  return remote;
}

static JsonObject *
ticket_from_remote (JsonObject *remote,
                    JsonObject *local)
{
  JsonObject *fields = json_object_new ();
  const char *type = local != NULL ? stw_rt_json_string (local, "type") : NULL;

  if (local == NULL)
    json_object_set_string_member (fields, "type", "incident");

  if (has (remote, "Subject"))
    {
      const char *subject = stw_rt_json_string (remote, "Subject");

      json_object_set_string_member (fields, "title",
                                     subject != NULL && *subject != '\0' ? subject : no_subject ());
    }
  if (has (remote, "Status"))
    set_text (fields, "status",
              stw_rt_status_from_remote (type, stw_rt_json_string (remote, "Status"),
                                         stw_rt_json_string (local, "status")));
  if (has (remote, "Priority"))
    json_object_set_int_member (fields, "priority",
                                stw_rt_priority_from_remote (stw_rt_json_int (remote, "Priority", 0)));
  copy_text (fields, "queue", remote, "Queue");
  copy_text (fields, "assignee", remote, "Owner");
  copy_text (fields, "requester", remote, "Requestor");
  if (has (remote, "Due"))
    {
      g_autofree char *due = stw_rt_normalize_time (stw_rt_json_string (remote, "Due"));

      set_text (fields, "due", due);
    }
  copy_text (fields, "description", remote, "Content");
  /* When it was opened there, for a ticket new here (a ticket's due
   * time may not be before it was opened). */
  if (local == NULL && has (remote, "Created"))
    {
      g_autofree char *created = stw_rt_normalize_time (stw_rt_json_string (remote, "Created"));

      set_text (fields, "created", created);
    }
  return fields;
}

static JsonObject *
asset_to_remote (JsonObject *local,
                 GHashTable *rt_fields)
{
  JsonObject *remote = json_object_new ();

  copy_text (remote, "Name", local, "name");
  copy_text (remote, "Description", local, "notes");
  if (has (local, "status"))
    set_text (remote, "Status", stw_rt_asset_status_to_remote (stw_rt_json_string (local, "status")));
  copy_text (remote, "HeldBy", local, "person");

  for (const char *const *k = stw_rt_custom_field_keys (); *k != NULL; k++)
    {
      const char *key = *k;
      const char *field = stw_rt_custom_field_field (key);

      if (!has (local, field) || (rt_fields != NULL && !g_hash_table_contains (rt_fields, key)))
        continue;
      if (g_str_equal (field, "category"))
        set_text (remote, key, stw_rt_category_to_remote (stw_rt_json_string (local, field)));
      else
        copy_text (remote, key, local, field);
    }
  return remote;
}

static JsonObject *
asset_from_remote (JsonObject *remote,
                   JsonObject *local)
{
  JsonObject *fields = json_object_new ();
  const char *local_tag = stw_rt_json_string (local, "tag");
  const char *tag = stw_rt_json_string (remote, "Asset Tag");
  g_autofree char *id = stw_rt_json_id (remote, "id");

  copy_text (fields, "name", remote, "Name");
  copy_text (fields, "notes", remote, "Description");
  if (has (remote, "Status"))
    set_text (fields, "status",
              stw_rt_asset_status_from_remote (stw_rt_json_string (remote, "Status"),
                                               stw_rt_json_string (local, "status")));
  copy_text (fields, "person", remote, "HeldBy");

  for (const char *const *k = stw_rt_custom_field_keys (); *k != NULL; k++)
    {
      const char *key = *k;
      const char *field = stw_rt_custom_field_field (key);
      const char *value = stw_rt_json_string (remote, key);

      if (!has (remote, key) || g_str_equal (field, "tag"))
        continue;
      /* Every asset here has a category: an empty one is "other", or
       * the one it has here. */
      if (g_str_equal (field, "category") && (value == NULL || *value == '\0'))
        {
          if (local == NULL)
            json_object_set_string_member (fields, field, "other");
        }
      else if (g_str_equal (field, "category"))
        set_text (fields, field, stw_rt_category_from_remote (value));
      else if (g_str_equal (field, "purchase_date") || g_str_equal (field, "warranty_end"))
        {
          g_autofree char *date = plain_date (value);

          set_text (fields, field, date);
        }
      else
        set_text (fields, field, value);
    }

  /* A Steward asset needs a tag of its own: RT's when it has one, else
   * the one it has here, else one made from RT's id. */
  if (tag != NULL && *tag != '\0')
    json_object_set_string_member (fields, "tag", tag);
  else if ((has (remote, "Asset Tag") || local == NULL) && local_tag == NULL && id != NULL)
    {
      g_autofree char *made = g_strdup_printf ("RT-%s", id);

      json_object_set_string_member (fields, "tag", made);
    }
  else if (has (remote, "Asset Tag") && local_tag != NULL)
    json_object_set_string_member (fields, "tag", local_tag);

  if (local == NULL && !has (fields, "category"))
    json_object_set_string_member (fields, "category", "other");
  return fields;
}

/* RT has replies (Correspond) and comments; a comment with time taken is
 * a piece of work. */
static JsonObject *
entry_to_remote (JsonObject *local)
{
  JsonObject *remote = json_object_new ();
  const char *kind = stw_rt_json_string (local, "kind");

  if (kind != NULL)
    json_object_set_string_member (remote, "Type",
                                   g_str_equal (kind, "comment") ? "Correspond" : "Comment");
  copy_message (remote, local, "body");
  if (has (local, "kind") || has (local, "minutes"))
    json_object_set_int_member (remote, "TimeTaken",
                                g_strcmp0 (kind, "work") == 0
                                  ? MAX (stw_rt_json_int (local, "minutes", 0), 0) : 0);
  return remote;
}

static JsonObject *
entry_from_remote (JsonObject *remote,
                   JsonObject *local)
{
  JsonObject *fields = json_object_new ();
  gint64 minutes = stw_rt_json_int (remote, "TimeTaken", 0);

  if (has (remote, "Type"))
    {
      const char *type = stw_rt_json_string (remote, "Type");
      const char *kind;

      if (g_strcmp0 (type, "Correspond") == 0)
        kind = "comment";
      else if (minutes > 0)
        kind = "work";
      else if (!has (remote, "TimeTaken") && g_strcmp0 (stw_rt_json_string (local, "kind"), "work") == 0)
        kind = "work";
      else
        kind = "internal";
      json_object_set_string_member (fields, "kind", kind);
    }
  if (has (remote, "Content"))
    {
      const char *body = stw_rt_json_string (remote, "Content");

      json_object_set_string_member (fields, "body", body != NULL ? body : "");
    }
  if (has (remote, "TimeTaken"))
    json_object_set_int_member (fields, "minutes", MAX (minutes, 0));
  copy_text (fields, "author", remote, "Creator");
  if (has (remote, "Created"))
    {
      g_autofree char *created = stw_rt_normalize_time (stw_rt_json_string (remote, "Created"));

      set_text (fields, "created", created);
    }
  return fields;
}

JsonObject *
stw_rt_map_to_remote (const char *entity,
                      JsonObject *local,
                      GHashTable *rt_fields)
{
  g_return_val_if_fail (entity != NULL, NULL);

  if (g_str_equal (entity, STW_SYNC_TICKET))
    return ticket_to_remote (local);
  if (g_str_equal (entity, STW_SYNC_ASSET))
    return asset_to_remote (local, rt_fields);
  if (g_str_equal (entity, STW_SYNC_ENTRY))
    return entry_to_remote (local);
  return json_object_new ();
}

JsonObject *
stw_rt_map_from_remote (const char *entity,
                        JsonObject *remote,
                        JsonObject *local)
{
  g_return_val_if_fail (entity != NULL, NULL);

  if (g_str_equal (entity, STW_SYNC_TICKET))
    return ticket_from_remote (remote, local);
  if (g_str_equal (entity, STW_SYNC_ASSET))
    return asset_from_remote (remote, local);
  if (g_str_equal (entity, STW_SYNC_ENTRY))
    return entry_from_remote (remote, local);
  return json_object_new ();
}

/* ------------------------------------------------------------------------ */
/* HTML                                                                     */
/* ------------------------------------------------------------------------ */

static const struct
{
  const char *entity;
  const char *text;
} html_entities[] = {
  { "&lt;", "<" }, { "&gt;", ">" }, { "&amp;", "&" }, { "&quot;", "\"" },
  { "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " },
};

/* Enough for the mail RT keeps when a message had no plain part: tags go,
 * line breaks and paragraphs become new lines, entities their text. */
char *
stw_rt_html_to_text (const char *html)
{
  GString *text = g_string_new (NULL);
  g_autofree char *result = NULL;

  for (const char *p = html != NULL ? html : ""; *p != '\0';)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *tag = NULL;

          if (end == NULL)
            break;
          tag = g_ascii_strdown (p + 1, end - p - 1);
          if (g_str_has_prefix (tag, "br") || g_str_has_prefix (tag, "/p") ||
              g_str_has_prefix (tag, "/div") || g_str_has_prefix (tag, "/li") ||
              g_str_has_prefix (tag, "/h") || g_str_has_prefix (tag, "/tr"))
            g_string_append_c (text, '\n');
          p = end + 1;
          continue;
        }
      if (*p == '&')
        {
          gboolean found = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (html_entities); i++)
            if (g_str_has_prefix (p, html_entities[i].entity))
              {
                g_string_append (text, html_entities[i].text);
                p += strlen (html_entities[i].entity);
                found = TRUE;
                break;
              }
          if (found)
            continue;
        }
      g_string_append_c (text, *p++);
    }

  result = g_string_free (text, FALSE);
  g_strstrip (result);
  return g_steal_pointer (&result);
}

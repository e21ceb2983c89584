/* stw-rt-names.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-rt-names"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-rt-private.h"

/*
 * What the RT backend learns from the server once and keeps: the names
 * of queues and catalogs (records name them by id), people's addresses
 * (RT names its users), and the asset custom fields that hold Steward
 * fields.
 */

/* Every queue or catalog the user can see, with its name. */
static gboolean
load_names (StwRtBackend  *self,
            const char    *collection,
            GHashTable    *names,
            GCancellable  *cancellable,
            GError       **error)
{
  for (guint page = 1;; page++)
    {
      g_autofree char *path = g_strdup_printf ("/REST/2.0/%s/all?fields=Name&per_page=%d&page=%u",
                                               collection, STW_RT_PAGE_SIZE, page);
      g_autoptr(StwHttpReply) reply = stw_rt_get (self, path, cancellable, error);
      JsonArray *items;

      if (reply == NULL)
        return FALSE;
      if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body) ||
          !json_object_has_member (json_node_get_object (reply->body), "items"))
        return stw_rt_bad_reply (error, collection);
      items = json_object_get_array_member (json_node_get_object (reply->body), "items");
      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          char *id = stw_rt_json_id (item, "id");
          const char *name = stw_rt_json_string (item, "Name");

          if (id != NULL && name != NULL)
            g_hash_table_replace (names, id, g_strdup (name));
          else
            g_free (id);
        }
      if (items == NULL || json_array_get_length (items) < STW_RT_PAGE_SIZE)
        return TRUE;
    }
}

/* A queue or catalog by id: from the list, or one by one for those the
 * list leaves out (disabled ones). */
static const char *
record_name (StwRtBackend  *self,
             const char    *kind,
             GHashTable    *names,
             gboolean      *complete,
             const char    *id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *collection = g_strconcat (kind, "s", NULL);
  g_autofree char *path = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  const char *name;

  if (id == NULL)
    return NULL;
  if ((name = g_hash_table_lookup (names, id)) != NULL)
    return name;
  if (!*complete)
    {
      if (!load_names (self, collection, names, cancellable, error))
        return NULL;
      *complete = TRUE;
      if ((name = g_hash_table_lookup (names, id)) != NULL)
        return name;
    }

  path = g_strdup_printf ("/REST/2.0/%s/%s", kind, id);
  reply = stw_rt_get (self, path, cancellable, error);
  if (reply == NULL)
    return NULL;
  if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body) ||
      (name = stw_rt_json_string (json_node_get_object (reply->body), "Name")) == NULL)
    return stw_rt_bad_reply (error, path), NULL;
  g_hash_table_replace (names, g_strdup (id), g_strdup (name));
  return g_hash_table_lookup (names, id);
}

const char *
stw_rt_queue_name (StwRtBackend  *self,
                   const char    *id,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return record_name (self, "queue", self->queues, &self->queues_complete, id, cancellable, error);
}

const char *
stw_rt_catalog_name (StwRtBackend  *self,
                     const char    *id,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return record_name (self, "catalog", self->catalogs, &self->catalogs_complete, id, cancellable,
                      error);
}

/* RT's name of a queue given in any case; NULL (and no error) when the
 * user can see no such queue. */
const char *
stw_rt_find_queue (StwRtBackend  *self,
                   const char    *queue,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *folded = NULL;
  GHashTableIter iter;
  gpointer name;

  if (queue == NULL || *queue == '\0')
    return NULL;
  if (!self->queues_complete)
    {
      if (!load_names (self, "queues", self->queues, cancellable, error))
        return NULL;
      self->queues_complete = TRUE;
    }

  folded = g_utf8_casefold (queue, -1);
  g_hash_table_iter_init (&iter, self->queues);
  while (g_hash_table_iter_next (&iter, NULL, &name))
    {
      g_autofree char *other = g_utf8_casefold (name, -1);

      if (g_str_equal (folded, other))
        return name;
    }
  return NULL;
}

static void
remember_user (StwRtBackend *self,
               const char   *name,
               const char   *email)
{
  const char *person = email != NULL && *email != '\0' ? email : name;

  g_hash_table_replace (self->users, g_strdup (name), g_strdup (person));
  if (email != NULL && *email != '\0')
    g_hash_table_replace (self->user_names, g_ascii_strdown (email, -1), g_strdup (name));
}

/* Users made from mail are named by their address already; the others
 * (staff, root) are looked up once. */
const char *
stw_rt_person (StwRtBackend  *self,
               const char    *user_name,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(StwHttpReply) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *person;

  if (user_name == NULL || *user_name == '\0' || g_str_equal (user_name, "Nobody"))
    return NULL;
  if ((person = g_hash_table_lookup (self->users, user_name)) != NULL)
    return person;
  if (strchr (user_name, '@') != NULL)
    {
      remember_user (self, user_name, user_name);
      return g_hash_table_lookup (self->users, user_name);
    }

  escaped = g_uri_escape_string (user_name, NULL, FALSE);
  path = g_strdup_printf ("/REST/2.0/user/%s", escaped);
  reply = stw_rt_get (self, path, cancellable, &local_error);
  if (reply == NULL && !g_error_matches (local_error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A user the token may not see stays known by name. */
  remember_user (self, user_name,
                 reply != NULL && reply->body != NULL && JSON_NODE_HOLDS_OBJECT (reply->body)
                   ? stw_rt_json_string (json_node_get_object (reply->body), "EmailAddress")
                   : NULL);
  return g_hash_table_lookup (self->users, user_name);
}

char *
stw_rt_user_name (StwRtBackend  *self,
                  const char    *person,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autofree char *text = NULL;
  const char *name;

  if (person == NULL || strchr (person, '@') == NULL)
    return g_strdup (person);
  lower = g_ascii_strdown (person, -1);
  if ((name = g_hash_table_lookup (self->user_names, lower)) != NULL)
    return g_strdup (name);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, "EmailAddress");
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, person);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  text = json_to_string (node, FALSE);

  items = stw_rt_search (self, "users", text, "Name,EmailAddress", "id", 2, cancellable, error);
  if (items == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *email = stw_rt_json_string (item, "EmailAddress");

      if (email != NULL && g_ascii_strcasecmp (email, person) == 0 &&
          stw_rt_json_string (item, "Name") != NULL)
        {
          remember_user (self, stw_rt_json_string (item, "Name"), email);
          return g_strdup (stw_rt_json_string (item, "Name"));
        }
    }

  g_set_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED,
               _("Request Tracker has no user with the address %s."), person);
  return NULL;
}

/* The asset custom fields RT has that hold a Steward field, canonical
 * name → RT's name. */
GHashTable *
stw_rt_custom_fields (StwRtBackend  *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(JsonArray) items = NULL;

  if (self->custom_fields != NULL)
    return self->custom_fields;

  items = stw_rt_search (self, "customfields",
                         "[{\"field\":\"LookupType\",\"value\":\"RT::Catalog-RT::Asset\"}]",
                         "Name", "id", STW_RT_PAGE_SIZE, cancellable, error);
  if (items == NULL)
    return NULL;

  self->custom_fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *name = stw_rt_json_string (json_array_get_object_element (items, i), "Name");
      const char *key = stw_rt_custom_field_key (name);

      if (key != NULL && !g_hash_table_contains (self->custom_fields, key))
        g_hash_table_insert (self->custom_fields, (gpointer) key, g_strdup (name));
    }
  return self->custom_fields;
}

/* stw-sync-merge.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-merge"

#include "config.h"

#include "stw-sync-merge.h"

gboolean
stw_json_same (JsonNode *a,
               JsonNode *b)
{
  gboolean a_null = a == NULL || JSON_NODE_HOLDS_NULL (a);
  gboolean b_null = b == NULL || JSON_NODE_HOLDS_NULL (b);

  if (a_null || b_null)
    return a_null == b_null;

  /* 5 and 5.0 are the same number whichever way a server writes it. */
  if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b) &&
      json_node_get_value_type (a) != G_TYPE_STRING &&
      json_node_get_value_type (b) != G_TYPE_STRING &&
      json_node_get_value_type (a) != G_TYPE_BOOLEAN &&
      json_node_get_value_type (b) != G_TYPE_BOOLEAN)
    return json_node_get_double (a) == json_node_get_double (b);

  return json_node_equal (a, b);
}

JsonObject *
stw_json_object_parse (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return NULL;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_dup_object (node);
}

char *
stw_json_object_to_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

JsonNode *
stw_json_member (JsonObject *object,
                 const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  return json_object_get_member (object, name);
}

void
stw_sync_merge (JsonObject  *base,
                JsonObject  *mine,
                JsonObject  *theirs,
                JsonObject **take,
                GPtrArray  **conflicts,
                gboolean    *mine_changed)
{
  g_autoptr(GList) names = json_object_get_members (theirs);

  *take = json_object_new ();
  *conflicts = g_ptr_array_new_with_free_func (g_free);
  *mine_changed = FALSE;

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *b = stw_json_member (base, name);
      JsonNode *t = stw_json_member (theirs, name);
      JsonNode *m = json_object_has_member (mine, name) ? stw_json_member (mine, name) : b;

      if (!stw_json_same (m, b))
        *mine_changed = TRUE;

      if (stw_json_same (t, b))
        continue;
      if (stw_json_same (m, b) || stw_json_same (m, t))
        json_object_set_member (*take, name, json_node_copy (t));
      else
        g_ptr_array_add (*conflicts, g_strdup (name));
    }
}

JsonObject *
stw_sync_merge_outgoing (JsonObject *base,
                         JsonObject *mine,
                         GHashTable *skip)
{
  g_autoptr(GList) names = json_object_get_members (mine);
  JsonObject *changed = json_object_new ();

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *m = json_object_get_member (mine, name);

      if (skip != NULL && g_hash_table_contains (skip, name))
        continue;
      if (!stw_json_same (m, stw_json_member (base, name)))
        json_object_set_member (changed, name, json_node_copy (m));
    }
  return changed;
}

JsonObject *
stw_json_object_overlay (JsonObject *base,
                         JsonObject *changes)
{
  JsonObject *result = json_object_new ();
  g_autoptr(GList) names = NULL;

  if (base != NULL)
    {
      names = json_object_get_members (base);
      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (result, l->data,
                                json_node_copy (json_object_get_member (base, l->data)));
      g_clear_pointer (&names, g_list_free);
    }
  if (changes != NULL)
    {
      names = json_object_get_members (changes);
      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (result, l->data,
                                json_node_copy (json_object_get_member (changes, l->data)));
    }
  return result;
}

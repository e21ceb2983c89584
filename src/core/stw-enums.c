/* stw-enums.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-enum-private.h"
#include "stw-enums.h"

static const StwEnumInfo categories[] = {
  { "laptop",     N_("Laptop") },
  { "desktop",    N_("Desktop") },
  { "server",     N_("Server") },
  { "network",    N_("Network Device") },
  { "monitor",    N_("Monitor") },
  { "phone",      N_("Phone") },
  { "printer",    N_("Printer") },
  { "peripheral", N_("Peripheral") },
  { "other",      N_("Other") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (categories) == STW_N_ASSET_CATEGORIES);

static const StwEnumInfo statuses[] = {
  { "in-stock",  N_("In Stock") },
  { "deployed",  N_("Deployed") },
  { "in-repair", N_("In Repair") },
  { "retired",   N_("Retired") },
  { "lost",      N_("Lost") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == STW_N_ASSET_STATUSES);

static const StwEnumInfo location_kinds[] = {
  { "site",     N_("Site") },
  { "building", N_("Building") },
  { "room",     N_("Room") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (location_kinds) == STW_N_LOCATION_KINDS);

gboolean
stw_enum_info_lookup (const StwEnumInfo *infos,
                      guint              n_infos,
                      const char        *key,
                      guint             *value)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < n_infos; i++)
    {
      if (g_strcmp0 (infos[i].key, key) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */

STW_DEFINE_ENUM_KEYS (StwAssetCategory, stw_asset_category, categories)

STW_DEFINE_ENUM_KEYS (StwAssetStatus, stw_asset_status, statuses)

STW_DEFINE_ENUM_KEYS (StwLocationKind, stw_location_kind, location_kinds)

static const StwEnumInfo asset_fields[] = {
  { NULL,            NULL },
  { "name",          N_("Name") },
  { "tag",           N_("Asset Tag") },
  { "serial",        N_("Serial Number") },
  { "category",      N_("Category") },
  { "manufacturer",  N_("Manufacturer") },
  { "model",         N_("Model") },
  { "status",        N_("Status") },
  { "location_id",   N_("Location") },
  { "person_id",     N_("Assigned To") },
  { "purchase_date", N_("Purchase Date") },
  { "purchase_cost", N_("Purchase Cost") },
  { "currency",      N_("Currency") },
  { "warranty_end",  N_("Warranty End") },
  { "supplier",      N_("Supplier") },
  { "notes",         N_("Notes") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (asset_fields) == STW_N_ASSET_FIELDS);

const char *
stw_asset_field_to_column (StwAssetField field)
{
  g_return_val_if_fail (field < STW_N_ASSET_FIELDS, NULL);
  return asset_fields[field].key;
}

StwAssetField
stw_asset_field_from_column (const char *column)
{
  guint value;

  if (column == NULL ||
      !stw_enum_info_lookup (asset_fields + 1, G_N_ELEMENTS (asset_fields) - 1, column, &value))
    return STW_ASSET_FIELD_NONE;

  return value + 1;
}

const char *
stw_asset_field_label (StwAssetField field)
{
  g_return_val_if_fail (field > STW_ASSET_FIELD_NONE && field < STW_N_ASSET_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, asset_fields[field].label);
}

static const char * const origins[] = {
  "user", "import", "sync", "sample", "undo", "redo",
};
G_STATIC_ASSERT (G_N_ELEMENTS (origins) == STW_N_ORIGINS);

const char *
stw_origin_to_key (StwOrigin origin)
{
  g_return_val_if_fail (origin < STW_N_ORIGINS, NULL);
  return origins[origin];
}

StwOrigin
stw_origin_from_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    if (g_strcmp0 (origins[i], key) == 0)
      return i;

  return STW_ORIGIN_USER;
}

const char *
stw_entity_to_key (StwEntity entity)
{
  switch (entity)
    {
    case STW_ENTITY_ASSET:
      return "asset";
    case STW_ENTITY_LOCATION:
      return "location";
    case STW_ENTITY_PERSON:
      return "person";
    case STW_ENTITY_TICKET:
      return "ticket";
    case STW_ENTITY_SYNC:
      return "sync";
    case STW_ENTITY_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

StwEntity
stw_entity_from_key (const char *key)
{
  if (g_strcmp0 (key, "asset") == 0)
    return STW_ENTITY_ASSET;
  if (g_strcmp0 (key, "location") == 0)
    return STW_ENTITY_LOCATION;
  if (g_strcmp0 (key, "person") == 0)
    return STW_ENTITY_PERSON;
  if (g_strcmp0 (key, "ticket") == 0 || g_strcmp0 (key, "ticket-asset") == 0 ||
      g_strcmp0 (key, "ticket-entry") == 0)
    return STW_ENTITY_TICKET;
  return STW_ENTITY_NONE;
}

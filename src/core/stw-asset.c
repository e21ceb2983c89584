/* stw-asset.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset"

#include "config.h"

#include "stw-asset.h"
#include "stw-core-enums.h"

struct _StwAsset
{
  GObject           parent_instance;

  gint64            id;
  char             *uuid;
  gint64            created;
  gint64            updated;

  /* Indexed by StwAssetField; only the text fields are used. */
  char             *text[STW_N_ASSET_FIELDS];

  StwAssetCategory  category;
  StwAssetStatus    status;
  gint64            location_id;
  char             *location_name;
  gint64            person_id;
  char             *person_name;
  gint64            purchase_cost;
};

G_DEFINE_FINAL_TYPE (StwAsset, stw_asset, G_TYPE_OBJECT)

/* Property ids: the fields come first, numbered as StwAssetField, so a
 * field's pspec is properties[field]. */
enum {
  PROP_0,
  PROP_FIRST_FIELD = STW_ASSET_FIELD_NAME,
  PROP_LAST_FIELD = STW_N_ASSET_FIELDS - 1,
  PROP_ID,
  PROP_UUID,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_LOCATION_NAME,
  PROP_PERSON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_property_names[STW_N_ASSET_FIELDS] = {
  NULL, "name", "tag", "serial", "category", "manufacturer", "model", "status",
  "location-id", "person-id", "purchase-date", "purchase-cost", "currency",
  "warranty-end", "supplier", "notes",
};

/* ------------------------------------------------------------------------ */

gboolean
stw_asset_field_is_text (StwAssetField field)
{
  switch (field)
    {
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_CURRENCY:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_SUPPLIER:
    case STW_ASSET_FIELD_NOTES:
      return TRUE;

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_CATEGORY:
    case STW_ASSET_FIELD_STATUS:
    case STW_ASSET_FIELD_LOCATION:
    case STW_ASSET_FIELD_PERSON:
    case STW_ASSET_FIELD_PURCHASE_COST:
    default:
      return FALSE;
    }
}

static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* ------------------------------------------------------------------------ */

static void
stw_asset_finalize (GObject *object)
{
  StwAsset *self = (StwAsset *)object;

  g_free (self->uuid);
  for (guint i = 0; i < STW_N_ASSET_FIELDS; i++)
    g_free (self->text[i]);
  g_free (self->location_name);
  g_free (self->person_name);

  G_OBJECT_CLASS (stw_asset_parent_class)->finalize (object);
}

static void
stw_asset_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  StwAsset *self = STW_ASSET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;

    case PROP_LOCATION_NAME:
      g_value_set_string (value, self->location_name);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case STW_ASSET_FIELD_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case STW_ASSET_FIELD_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case STW_ASSET_FIELD_LOCATION:
      g_value_set_int64 (value, self->location_id);
      break;

    case STW_ASSET_FIELD_PERSON:
      g_value_set_int64 (value, self->person_id);
      break;

    case STW_ASSET_FIELD_PURCHASE_COST:
      g_value_set_int64 (value, self->purchase_cost);
      break;

    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD &&
          stw_asset_field_is_text (prop_id))
        g_value_set_string (value, self->text[prop_id]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_asset_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  StwAsset *self = STW_ASSET (object);

  switch (prop_id)
    {
    case PROP_ID:
      stw_asset_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      stw_asset_set_uuid (self, g_value_get_string (value));
      break;

    case STW_ASSET_FIELD_CATEGORY:
      stw_asset_set_category (self, g_value_get_enum (value));
      break;

    case STW_ASSET_FIELD_STATUS:
      stw_asset_set_status (self, g_value_get_enum (value));
      break;

    case STW_ASSET_FIELD_PURCHASE_COST:
      stw_asset_set_purchase_cost (self, g_value_get_int64 (value));
      break;

    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD &&
          stw_asset_field_is_text (prop_id))
        stw_asset_set_text (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_asset_class_init (StwAssetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_asset_finalize;
  object_class->get_property = stw_asset_get_property;
  object_class->set_property = stw_asset_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED] = g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LOCATION_NAME] = g_param_spec_string ("location-name", NULL, NULL, NULL, ro);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, NULL, ro);

  for (guint field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    {
      const char *name = field_property_names[field];

      if (stw_asset_field_is_text (field))
        properties[field] = g_param_spec_string (name, NULL, NULL, NULL, rw);
    }

  properties[STW_ASSET_FIELD_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       STW_TYPE_ASSET_CATEGORY, STW_ASSET_CATEGORY_OTHER, rw);
  properties[STW_ASSET_FIELD_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       STW_TYPE_ASSET_STATUS, STW_ASSET_STATUS_IN_STOCK, rw);
  /* Location and person change together with their names, through
   * stw_asset_set_location() and stw_asset_set_person(). */
  properties[STW_ASSET_FIELD_LOCATION] =
    g_param_spec_int64 ("location-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[STW_ASSET_FIELD_PERSON] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[STW_ASSET_FIELD_PURCHASE_COST] =
    g_param_spec_int64 ("purchase-cost", NULL, NULL,
                        G_MININT64, G_MAXINT64, STW_COST_UNSET, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_asset_init (StwAsset *self)
{
  self->category = STW_ASSET_CATEGORY_OTHER;
  self->status = STW_ASSET_STATUS_IN_STOCK;
  self->purchase_cost = STW_COST_UNSET;
}

/* ------------------------------------------------------------------------ */

StwAsset *
stw_asset_new (void)
{
  return g_object_new (STW_TYPE_ASSET, NULL);
}

/**
 * stw_asset_dup:
 *
 * Returns: (transfer full): a new asset with the same values, id included.
 */
StwAsset *
stw_asset_dup (StwAsset *self)
{
  StwAsset *copy;

  g_return_val_if_fail (STW_IS_ASSET (self), NULL);

  copy = stw_asset_new ();
  stw_asset_update_from (copy, self);
  return copy;
}

/**
 * stw_asset_update_from:
 *
 * Copies every value of @other into @self, notifying only the properties
 * whose value changes, so views bound to @self redraw only what moved.
 */
void
stw_asset_update_from (StwAsset *self,
                       StwAsset *other)
{
  g_return_if_fail (STW_IS_ASSET (self));
  g_return_if_fail (STW_IS_ASSET (other));

  g_object_freeze_notify (G_OBJECT (self));

  stw_asset_set_id (self, other->id);
  stw_asset_set_uuid (self, other->uuid);
  stw_asset_set_times (self, other->created, other->updated);
  for (guint field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (stw_asset_field_is_text (field))
      stw_asset_set_text (self, field, other->text[field]);
  stw_asset_set_category (self, other->category);
  stw_asset_set_status (self, other->status);
  stw_asset_set_location (self, other->location_id, other->location_name);
  stw_asset_set_person (self, other->person_id, other->person_name);
  stw_asset_set_purchase_cost (self, other->purchase_cost);

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
stw_asset_field_equal (StwAsset      *self,
                       StwAsset      *other,
                       StwAssetField  field)
{
  g_return_val_if_fail (STW_IS_ASSET (self), FALSE);
  g_return_val_if_fail (STW_IS_ASSET (other), FALSE);

  switch (field)
    {
    case STW_ASSET_FIELD_CATEGORY:
      return self->category == other->category;
    case STW_ASSET_FIELD_STATUS:
      return self->status == other->status;
    case STW_ASSET_FIELD_LOCATION:
      return self->location_id == other->location_id;
    case STW_ASSET_FIELD_PERSON:
      return self->person_id == other->person_id;
    case STW_ASSET_FIELD_PURCHASE_COST:
      return self->purchase_cost == other->purchase_cost;
    case STW_ASSET_FIELD_NONE:
      return TRUE;
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_CURRENCY:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_SUPPLIER:
    case STW_ASSET_FIELD_NOTES:
    default:
      return g_strcmp0 (self->text[field], other->text[field]) == 0;
    }
}

gint64
stw_asset_get_id (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), 0);
  return self->id;
}

void
stw_asset_set_id (StwAsset *self,
                  gint64    id)
{
  g_return_if_fail (STW_IS_ASSET (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
stw_asset_get_uuid (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), NULL);
  return self->uuid;
}

void
stw_asset_set_uuid (StwAsset   *self,
                    const char *uuid)
{
  g_return_if_fail (STW_IS_ASSET (self));

  if (set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
stw_asset_get_created (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), 0);
  return self->created;
}

gint64
stw_asset_get_updated (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), 0);
  return self->updated;
}

void
stw_asset_set_times (StwAsset *self,
                     gint64    created,
                     gint64    updated)
{
  g_return_if_fail (STW_IS_ASSET (self));

  if (self->created != created)
    {
      self->created = created;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
  if (self->updated != updated)
    {
      self->updated = updated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
    }
}

const char *
stw_asset_get_text (StwAsset      *self,
                    StwAssetField  field)
{
  g_return_val_if_fail (STW_IS_ASSET (self), NULL);
  g_return_val_if_fail (stw_asset_field_is_text (field), NULL);

  return self->text[field];
}

void
stw_asset_set_text (StwAsset      *self,
                    StwAssetField  field,
                    const char    *text)
{
  g_return_if_fail (STW_IS_ASSET (self));
  g_return_if_fail (stw_asset_field_is_text (field));

  if (set_string (&self->text[field], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field]);
}

const char *
stw_asset_get_name (StwAsset *self)
{
  return stw_asset_get_text (self, STW_ASSET_FIELD_NAME);
}

void
stw_asset_set_name (StwAsset   *self,
                    const char *name)
{
  stw_asset_set_text (self, STW_ASSET_FIELD_NAME, name);
}

const char *
stw_asset_get_tag (StwAsset *self)
{
  return stw_asset_get_text (self, STW_ASSET_FIELD_TAG);
}

void
stw_asset_set_tag (StwAsset   *self,
                   const char *tag)
{
  stw_asset_set_text (self, STW_ASSET_FIELD_TAG, tag);
}

StwAssetCategory
stw_asset_get_category (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), STW_ASSET_CATEGORY_OTHER);
  return self->category;
}

void
stw_asset_set_category (StwAsset         *self,
                        StwAssetCategory  category)
{
  g_return_if_fail (STW_IS_ASSET (self));
  g_return_if_fail (category < STW_N_ASSET_CATEGORIES);

  if (self->category != category)
    {
      self->category = category;
      g_object_notify_by_pspec (G_OBJECT (self), properties[STW_ASSET_FIELD_CATEGORY]);
    }
}

StwAssetStatus
stw_asset_get_status (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), STW_ASSET_STATUS_IN_STOCK);
  return self->status;
}

void
stw_asset_set_status (StwAsset       *self,
                      StwAssetStatus  status)
{
  g_return_if_fail (STW_IS_ASSET (self));
  g_return_if_fail (status < STW_N_ASSET_STATUSES);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[STW_ASSET_FIELD_STATUS]);
    }
}

gint64
stw_asset_get_location_id (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), 0);
  return self->location_id;
}

const char *
stw_asset_get_location_name (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), NULL);
  return self->location_name;
}

void
stw_asset_set_location (StwAsset   *self,
                        gint64      location_id,
                        const char *location_name)
{
  g_return_if_fail (STW_IS_ASSET (self));

  if (self->location_id != location_id)
    {
      self->location_id = location_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[STW_ASSET_FIELD_LOCATION]);
    }
  if (set_string (&self->location_name, location_id != 0 ? location_name : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION_NAME]);
}

gint64
stw_asset_get_person_id (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), 0);
  return self->person_id;
}

const char *
stw_asset_get_person_name (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), NULL);
  return self->person_name;
}

void
stw_asset_set_person (StwAsset   *self,
                      gint64      person_id,
                      const char *person_name)
{
  g_return_if_fail (STW_IS_ASSET (self));

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[STW_ASSET_FIELD_PERSON]);
    }
  if (set_string (&self->person_name, person_id != 0 ? person_name : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
}

gint64
stw_asset_get_purchase_cost (StwAsset *self)
{
  g_return_val_if_fail (STW_IS_ASSET (self), STW_COST_UNSET);
  return self->purchase_cost;
}

void
stw_asset_set_purchase_cost (StwAsset *self,
                             gint64    cost)
{
  g_return_if_fail (STW_IS_ASSET (self));

  if (self->purchase_cost != cost)
    {
      self->purchase_cost = cost;
      g_object_notify_by_pspec (G_OBJECT (self), properties[STW_ASSET_FIELD_PURCHASE_COST]);
    }
}

/* stw-location.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-location"

#include "config.h"

#include "stw-location.h"
#include "stw-core-enums.h"

struct _StwLocation
{
  GObject          parent_instance;

  gint64           id;
  char            *uuid;
  char            *name;
  StwLocationKind  kind;
  gint64           parent_id;
  guint            asset_count;
  char            *path;
};

G_DEFINE_FINAL_TYPE (StwLocation, stw_location, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_ASSET_COUNT,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static void
stw_location_finalize (GObject *object)
{
  StwLocation *self = (StwLocation *)object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->path);

  G_OBJECT_CLASS (stw_location_parent_class)->finalize (object);
}

static void
stw_location_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StwLocation *self = STW_LOCATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_ASSET_COUNT:
      g_value_set_uint (value, self->asset_count);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_location_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StwLocation *self = STW_LOCATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      stw_location_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      stw_location_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      stw_location_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      stw_location_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PARENT_ID:
      stw_location_set_parent_id (self, g_value_get_int64 (value));
      break;
    case PROP_ASSET_COUNT:
      stw_location_set_asset_count (self, g_value_get_uint (value));
      break;
    case PROP_PATH:
      stw_location_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_location_class_init (StwLocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_location_finalize;
  object_class->get_property = stw_location_get_property;
  object_class->set_property = stw_location_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, STW_TYPE_LOCATION_KIND,
                                             STW_LOCATION_KIND_SITE, rw);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ASSET_COUNT] = g_param_spec_uint ("asset-count", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_location_init (StwLocation *self)
{
}

/* ------------------------------------------------------------------------ */

StwLocation *
stw_location_new (void)
{
  return g_object_new (STW_TYPE_LOCATION, NULL);
}

static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

gint64
stw_location_get_id (StwLocation *self)
{
  g_return_val_if_fail (STW_IS_LOCATION (self), 0);
  return self->id;
}

void
stw_location_set_id (StwLocation *self,
                     gint64       id)
{
  g_return_if_fail (STW_IS_LOCATION (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
stw_location_get_uuid (StwLocation *self)
{
  g_return_val_if_fail (STW_IS_LOCATION (self), NULL);
  return self->uuid;
}

void
stw_location_set_uuid (StwLocation *self,
                       const char  *uuid)
{
  g_return_if_fail (STW_IS_LOCATION (self));

  if (set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
stw_location_get_name (StwLocation *self)
{
  g_return_val_if_fail (STW_IS_LOCATION (self), NULL);
  return self->name;
}

void
stw_location_set_name (StwLocation *self,
                       const char  *name)
{
  g_return_if_fail (STW_IS_LOCATION (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

StwLocationKind
stw_location_get_kind (StwLocation *self)
{
  g_return_val_if_fail (STW_IS_LOCATION (self), STW_LOCATION_KIND_SITE);
  return self->kind;
}

void
stw_location_set_kind (StwLocation     *self,
                       StwLocationKind  kind)
{
  g_return_if_fail (STW_IS_LOCATION (self));
  g_return_if_fail (kind < STW_N_LOCATION_KINDS);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

gint64
stw_location_get_parent_id (StwLocation *self)
{
  g_return_val_if_fail (STW_IS_LOCATION (self), 0);
  return self->parent_id;
}

void
stw_location_set_parent_id (StwLocation *self,
                            gint64       parent_id)
{
  g_return_if_fail (STW_IS_LOCATION (self));

  if (self->parent_id != parent_id)
    {
      self->parent_id = parent_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
    }
}

guint
stw_location_get_asset_count (StwLocation *self)
{
  g_return_val_if_fail (STW_IS_LOCATION (self), 0);
  return self->asset_count;
}

void
stw_location_set_asset_count (StwLocation *self,
                              guint        count)
{
  g_return_if_fail (STW_IS_LOCATION (self));

  if (self->asset_count != count)
    {
      self->asset_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET_COUNT]);
    }
}

const char *
stw_location_get_path (StwLocation *self)
{
  g_return_val_if_fail (STW_IS_LOCATION (self), NULL);
  return self->path != NULL ? self->path : self->name;
}

void
stw_location_set_path (StwLocation *self,
                       const char  *path)
{
  g_return_if_fail (STW_IS_LOCATION (self));

  if (set_string (&self->path, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

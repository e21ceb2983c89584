/* stw-person.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-person"

#include "config.h"

#include "stw-person.h"

struct _StwPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  char    *email;
  char    *department;
  guint    asset_count;
};

G_DEFINE_FINAL_TYPE (StwPerson, stw_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_DEPARTMENT,
  PROP_ASSET_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

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
stw_person_finalize (GObject *object)
{
  StwPerson *self = (StwPerson *)object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->email);
  g_free (self->department);

  G_OBJECT_CLASS (stw_person_parent_class)->finalize (object);
}

static void
stw_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StwPerson *self = STW_PERSON (object);

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
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_ASSET_COUNT:
      g_value_set_uint (value, self->asset_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_person_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StwPerson *self = STW_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      stw_person_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      stw_person_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      stw_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      stw_person_set_email (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENT:
      stw_person_set_department (self, g_value_get_string (value));
      break;
    case PROP_ASSET_COUNT:
      stw_person_set_asset_count (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_person_class_init (StwPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_person_finalize;
  object_class->get_property = stw_person_get_property;
  object_class->set_property = stw_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, rw);
  properties[PROP_ASSET_COUNT] = g_param_spec_uint ("asset-count", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_person_init (StwPerson *self)
{
}

/* ------------------------------------------------------------------------ */

StwPerson *
stw_person_new (void)
{
  return g_object_new (STW_TYPE_PERSON, NULL);
}

gint64
stw_person_get_id (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), 0);
  return self->id;
}

void
stw_person_set_id (StwPerson *self,
                   gint64     id)
{
  g_return_if_fail (STW_IS_PERSON (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
stw_person_get_uuid (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), NULL);
  return self->uuid;
}

void
stw_person_set_uuid (StwPerson  *self,
                     const char *uuid)
{
  g_return_if_fail (STW_IS_PERSON (self));

  if (set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
stw_person_get_name (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), NULL);
  return self->name;
}

void
stw_person_set_name (StwPerson  *self,
                     const char *name)
{
  g_return_if_fail (STW_IS_PERSON (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
stw_person_get_email (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), NULL);
  return self->email;
}

void
stw_person_set_email (StwPerson  *self,
                      const char *email)
{
  g_return_if_fail (STW_IS_PERSON (self));

  if (set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
stw_person_get_department (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), NULL);
  return self->department;
}

void
stw_person_set_department (StwPerson  *self,
                           const char *department)
{
  g_return_if_fail (STW_IS_PERSON (self));

  if (set_string (&self->department, department))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

guint
stw_person_get_asset_count (StwPerson *self)
{
  g_return_val_if_fail (STW_IS_PERSON (self), 0);
  return self->asset_count;
}

void
stw_person_set_asset_count (StwPerson *self,
                            guint      count)
{
  g_return_if_fail (STW_IS_PERSON (self));

  if (self->asset_count != count)
    {
      self->asset_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET_COUNT]);
    }
}

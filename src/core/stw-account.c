/* stw-account.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-account"

#include "config.h"

#include "stw-account.h"

struct _StwAccount
{
  GObject         parent_instance;

  gint64          id;
  char           *uuid;
  StwAccountKind  kind;
  char           *name;
  char           *url;
  char           *user;
  char           *pinned_cert;
  char           *asset_catalog;
  gboolean        enabled;
  gint64          last_sync;
  char           *last_error;
};

G_DEFINE_FINAL_TYPE (StwAccount, stw_account, G_TYPE_OBJECT)

static void
set_string (char       **slot,
            const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
stw_account_finalize (GObject *object)
{
  StwAccount *self = (StwAccount *)object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->url);
  g_free (self->user);
  g_free (self->pinned_cert);
  g_free (self->asset_catalog);
  g_free (self->last_error);

  G_OBJECT_CLASS (stw_account_parent_class)->finalize (object);
}

static void
stw_account_class_init (StwAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stw_account_finalize;
}

static void
stw_account_init (StwAccount *self)
{
  self->enabled = TRUE;
}

StwAccount *
stw_account_new (void)
{
  return g_object_new (STW_TYPE_ACCOUNT, NULL);
}

StwAccount *
stw_account_copy (StwAccount *self)
{
  StwAccount *copy;

  g_return_val_if_fail (STW_IS_ACCOUNT (self), NULL);

  copy = stw_account_new ();
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->kind = self->kind;
  copy->name = g_strdup (self->name);
  copy->url = g_strdup (self->url);
  copy->user = g_strdup (self->user);
  copy->pinned_cert = g_strdup (self->pinned_cert);
  copy->asset_catalog = g_strdup (self->asset_catalog);
  copy->enabled = self->enabled;
  copy->last_sync = self->last_sync;
  copy->last_error = g_strdup (self->last_error);
  return copy;
}

#define STRING_ACCESSORS(field)                                              \
  const char *                                                               \
  stw_account_get_##field (StwAccount *self)                                 \
  {                                                                          \
    g_return_val_if_fail (STW_IS_ACCOUNT (self), NULL);                      \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  stw_account_set_##field (StwAccount *self, const char *value)              \
  {                                                                          \
    g_return_if_fail (STW_IS_ACCOUNT (self));                                \
    set_string (&self->field, value);                                        \
  }

STRING_ACCESSORS (uuid)
STRING_ACCESSORS (name)
STRING_ACCESSORS (url)
STRING_ACCESSORS (user)
STRING_ACCESSORS (asset_catalog)
STRING_ACCESSORS (pinned_cert)
STRING_ACCESSORS (last_error)

gint64
stw_account_get_id (StwAccount *self)
{
  g_return_val_if_fail (STW_IS_ACCOUNT (self), 0);
  return self->id;
}

void
stw_account_set_id (StwAccount *self,
                    gint64      id)
{
  g_return_if_fail (STW_IS_ACCOUNT (self));
  self->id = id;
}

StwAccountKind
stw_account_get_kind (StwAccount *self)
{
  g_return_val_if_fail (STW_IS_ACCOUNT (self), STW_ACCOUNT_RT);
  return self->kind;
}

void
stw_account_set_kind (StwAccount     *self,
                      StwAccountKind  kind)
{
  g_return_if_fail (STW_IS_ACCOUNT (self));
  self->kind = kind;
}

gboolean
stw_account_get_enabled (StwAccount *self)
{
  g_return_val_if_fail (STW_IS_ACCOUNT (self), FALSE);
  return self->enabled;
}

void
stw_account_set_enabled (StwAccount *self,
                         gboolean    enabled)
{
  g_return_if_fail (STW_IS_ACCOUNT (self));
  self->enabled = !!enabled;
}

gint64
stw_account_get_last_sync (StwAccount *self)
{
  g_return_val_if_fail (STW_IS_ACCOUNT (self), 0);
  return self->last_sync;
}

void
stw_account_set_last_sync (StwAccount *self,
                           gint64      time)
{
  g_return_if_fail (STW_IS_ACCOUNT (self));
  self->last_sync = time;
}

const char *
stw_account_kind_to_key (StwAccountKind kind)
{
  switch (kind)
    {
    case STW_ACCOUNT_RT:
      return "rt";
    case STW_ACCOUNT_REDMINE:
      return "redmine";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
stw_account_kind_from_key (const char     *key,
                           StwAccountKind *kind)
{
  if (g_strcmp0 (key, "rt") == 0)
    *kind = STW_ACCOUNT_RT;
  else if (g_strcmp0 (key, "redmine") == 0)
    *kind = STW_ACCOUNT_REDMINE;
  else
    return FALSE;
  return TRUE;
}

const char *
stw_account_kind_label (StwAccountKind kind)
{
  switch (kind)
    {
    case STW_ACCOUNT_RT:
      return "Request Tracker";
    case STW_ACCOUNT_REDMINE:
      return "Redmine";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* stw-enum-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The stored key and the label of one value of an enumeration whose
 * values index a table of these. */
typedef struct
{
  const char *key;
  const char *label;
} StwEnumInfo;

gboolean stw_enum_info_lookup (const StwEnumInfo *infos,
                               guint              n_infos,
                               const char        *key,
                               guint             *value);

/* Defines prefix_to_key(), prefix_from_key() and prefix_label() for Type
 * over @infos. */
#define STW_DEFINE_ENUM_KEYS(Type, prefix, infos)                          \
  const char *                                                             \
  prefix##_to_key (Type value)                                             \
  {                                                                        \
    g_return_val_if_fail ((guint)value < G_N_ELEMENTS (infos), NULL);      \
    return infos[value].key;                                               \
  }                                                                        \
                                                                           \
  gboolean                                                                 \
  prefix##_from_key (const char *key,                                      \
                     Type       *value)                                    \
  {                                                                        \
    guint found;                                                           \
                                                                           \
    g_return_val_if_fail (value != NULL, FALSE);                           \
                                                                           \
    if (!stw_enum_info_lookup (infos, G_N_ELEMENTS (infos), key, &found))  \
      return FALSE;                                                        \
                                                                           \
    *value = (Type)found;                                                  \
    return TRUE;                                                           \
  }                                                                        \
                                                                           \
  const char *                                                             \
  prefix##_label (Type value)                                              \
  {                                                                        \
    g_return_val_if_fail ((guint)value < G_N_ELEMENTS (infos), NULL);      \
    return g_dgettext (GETTEXT_PACKAGE, infos[value].label);               \
  }

G_END_DECLS

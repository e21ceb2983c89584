/* stw-error.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STW_ERROR (stw_error_quark ())

/* Every error Steward shows a person carries one of these codes and a
 * message written for that person, translated. */
typedef enum
{
  STW_ERROR_FAILED,
  STW_ERROR_INVALID,          /* a value is not acceptable for its field */
  STW_ERROR_REQUIRED,         /* a required field is empty */
  STW_ERROR_DUPLICATE,        /* a unique value is already taken */
  STW_ERROR_NOT_FOUND,        /* the record no longer exists */
  STW_ERROR_IN_USE,           /* other records still refer to it */
  STW_ERROR_NOT_DATABASE,     /* the file is not an SQLite database */
  STW_ERROR_FOREIGN_DATABASE, /* an SQLite database, but not Steward's */
  STW_ERROR_NEWER_DATABASE,   /* written by a newer Steward */
  STW_ERROR_DAMAGED,          /* the database file is corrupt */
  STW_ERROR_READ_ONLY,        /* the database cannot be written */
  STW_ERROR_DISK_FULL,        /* no space left to write */
  STW_ERROR_NOTHING_TO_UNDO,
} StwError;

GQuark stw_error_quark (void);

G_END_DECLS

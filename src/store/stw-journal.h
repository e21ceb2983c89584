/* stw-journal.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

typedef enum
{
  STW_CHANGE_CREATED,
  STW_CHANGE_UPDATED,
  STW_CHANGE_DELETED,
} StwChangeKind;

#define STW_TYPE_CHANGE (stw_change_get_type ())

G_DECLARE_FINAL_TYPE (StwChange, stw_change, STW, CHANGE, GObject)

/* One line of a record's history, ready to show: the old and new values
 * are the text a person reads (a location's name, not its id). */
StwChangeKind  stw_change_get_kind      (StwChange   *self);
GDateTime     *stw_change_get_time      (StwChange   *self);
StwOrigin      stw_change_get_origin    (StwChange   *self);
const char    *stw_change_get_author    (StwChange   *self);
const char    *stw_change_get_column    (StwChange   *self);
const char    *stw_change_get_field     (StwChange   *self);
const char    *stw_change_get_old_value (StwChange   *self);
const char    *stw_change_get_new_value (StwChange   *self);

GListModel    *stw_journal_list_changes (StwDatabase *db,
                                         StwEntity    entity,
                                         gint64       id,
                                         GError     **error);

G_END_DECLS

/* stw-people-view.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_PEOPLE_VIEW (stw_people_view_get_type ())

G_DECLARE_FINAL_TYPE (StwPeopleView, stw_people_view, STW, PEOPLE_VIEW, GtkWidget)

StwPeopleView *stw_people_view_new       (StwDatabase   *db);
GListModel    *stw_people_view_get_model (StwPeopleView *self);

G_END_DECLS

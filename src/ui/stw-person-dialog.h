/* stw-person-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/stw-person.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_PERSON_DIALOG (stw_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StwPersonDialog, stw_person_dialog, STW, PERSON_DIALOG, AdwMessageDialog)

StwPersonDialog *stw_person_dialog_new        (StwDatabase     *db,
                                               StwPerson       *person);
GtkEditable     *stw_person_dialog_get_field  (StwPersonDialog *self,
                                               const char      *name);
const char      *stw_person_dialog_get_error  (StwPersonDialog *self);

G_END_DECLS

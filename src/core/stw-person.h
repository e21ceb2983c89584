/* stw-person.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STW_TYPE_PERSON (stw_person_get_type ())

G_DECLARE_FINAL_TYPE (StwPerson, stw_person, STW, PERSON, GObject)

StwPerson  *stw_person_new              (void);
gint64      stw_person_get_id           (StwPerson  *self);
void        stw_person_set_id           (StwPerson  *self,
                                         gint64      id);
const char *stw_person_get_uuid         (StwPerson  *self);
void        stw_person_set_uuid         (StwPerson  *self,
                                         const char *uuid);
const char *stw_person_get_name         (StwPerson  *self);
void        stw_person_set_name         (StwPerson  *self,
                                         const char *name);
const char *stw_person_get_email        (StwPerson  *self);
void        stw_person_set_email        (StwPerson  *self,
                                         const char *email);
const char *stw_person_get_department   (StwPerson  *self);
void        stw_person_set_department   (StwPerson  *self,
                                         const char *department);
guint       stw_person_get_asset_count  (StwPerson  *self);
void        stw_person_set_asset_count  (StwPerson  *self,
                                         guint       count);

G_END_DECLS

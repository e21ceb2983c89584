/* stw-fake-backend.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/stw-sync-backend.h"

G_BEGIN_DECLS

/* A server in memory behind the StwSyncBackend interface, for testing
 * the engine's logic without HTTP: tickets in RT-like terms (Subject,
 * Status, Queue, Owner) with a version each and a clock of updates,
 * their entries (Correspond, Comment), and faults on demand. Its status
 * and priority mappings are lossy on purpose, as RT's are: "open" stands
 * for Steward's assigned and in-progress, and 0–100 for 1–5. */

#define STW_TYPE_FAKE_BACKEND (stw_fake_backend_get_type ())

G_DECLARE_FINAL_TYPE (StwFakeBackend, stw_fake_backend, STW, FAKE_BACKEND, GObject)

typedef enum
{
  STW_FAKE_FAULT_NONE,
  STW_FAKE_FAULT_OFFLINE,         /* every call fails as with no network */
  STW_FAKE_FAULT_LOSE_CREATE,     /* the next create happens, its answer is lost */
  STW_FAKE_FAULT_RACE_UPDATE,     /* someone edits the record just before the next update */
  STW_FAKE_FAULT_FAIL_AFTER,      /* fetches fail after a number of them */
} StwFakeFault;

StwFakeBackend *stw_fake_backend_new           (void);
void            stw_fake_backend_set_fault     (StwFakeBackend *self,
                                                StwFakeFault    fault,
                                                guint           after);
/* Server-side edits, as another user would make them. Returns the id. */
char           *stw_fake_backend_add_ticket    (StwFakeBackend *self,
                                                const char     *subject,
                                                const char     *status,
                                                const char     *queue);
void            stw_fake_backend_edit          (StwFakeBackend *self,
                                                const char     *id,
                                                const char     *field,
                                                const char     *value);
void            stw_fake_backend_edit_int      (StwFakeBackend *self,
                                                const char     *id,
                                                const char     *field,
                                                gint64          value);
gint64          stw_fake_backend_get_int       (StwFakeBackend *self,
                                                const char     *id,
                                                const char     *field);
void            stw_fake_backend_delete        (StwFakeBackend *self,
                                                const char     *id);
void            stw_fake_backend_add_entry     (StwFakeBackend *self,
                                                const char     *ticket_id,
                                                const char     *type,
                                                const char     *content);
/* NULL when there is no such ticket. */
const char     *stw_fake_backend_get           (StwFakeBackend *self,
                                                const char     *id,
                                                const char     *field);
guint           stw_fake_backend_count         (StwFakeBackend *self);
/* The tickets whose Subject is @subject. */
guint           stw_fake_backend_count_subject (StwFakeBackend *self,
                                                const char     *subject);
guint           stw_fake_backend_count_entries (StwFakeBackend *self,
                                                const char     *ticket_id);
guint           stw_fake_backend_get_creates   (StwFakeBackend *self);
guint           stw_fake_backend_get_updates   (StwFakeBackend *self);

G_END_DECLS

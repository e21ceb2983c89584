/* stw-account.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STW_ACCOUNT_RT,        /* Request Tracker 5, REST2 */
  STW_ACCOUNT_REDMINE,   /* Redmine 5, JSON REST API */
} StwAccountKind;

#define STW_TYPE_ACCOUNT (stw_account_get_type ())

G_DECLARE_FINAL_TYPE (StwAccount, stw_account, STW, ACCOUNT, GObject)

/* A server Steward syncs with. The secret (token or password) is not
 * part of it: it lives in the Secret Service (see sync/stw-secret.h). */
StwAccount     *stw_account_new               (void);
StwAccount     *stw_account_copy              (StwAccount     *self);
gint64          stw_account_get_id            (StwAccount     *self);
void            stw_account_set_id            (StwAccount     *self,
                                               gint64          id);
const char     *stw_account_get_uuid          (StwAccount     *self);
void            stw_account_set_uuid          (StwAccount     *self,
                                               const char     *uuid);
StwAccountKind  stw_account_get_kind          (StwAccount     *self);
void            stw_account_set_kind          (StwAccount     *self,
                                               StwAccountKind  kind);
const char     *stw_account_get_name          (StwAccount     *self);
void            stw_account_set_name          (StwAccount     *self,
                                               const char     *name);
/* The server's base URL, without the API path (https://rt.example.org). */
const char     *stw_account_get_url           (StwAccount     *self);
void            stw_account_set_url           (StwAccount     *self,
                                               const char     *url);
/* The login that goes with a password; NULL when the secret is a token. */
const char     *stw_account_get_user          (StwAccount     *self);
void            stw_account_set_user          (StwAccount     *self,
                                               const char     *user);
/* The SHA-256 fingerprint (lower-case hex, no colons) of a certificate
 * trusted for this account only; NULL when only authorities are. */
const char     *stw_account_get_pinned_cert   (StwAccount     *self);
void            stw_account_set_pinned_cert   (StwAccount     *self,
                                               const char     *fingerprint);
const char     *stw_account_get_asset_catalog (StwAccount     *self);
void            stw_account_set_asset_catalog (StwAccount     *self,
                                               const char     *catalog);
gboolean        stw_account_get_enabled       (StwAccount     *self);
void            stw_account_set_enabled       (StwAccount     *self,
                                               gboolean        enabled);
/* µs since 1970 of the last run that finished; 0 when none has. */
gint64          stw_account_get_last_sync     (StwAccount     *self);
void            stw_account_set_last_sync     (StwAccount     *self,
                                               gint64          time);
/* What went wrong in the last run, for a person; NULL when it went well. */
const char     *stw_account_get_last_error    (StwAccount     *self);
void            stw_account_set_last_error    (StwAccount     *self,
                                               const char     *message);

const char     *stw_account_kind_to_key       (StwAccountKind  kind);
gboolean        stw_account_kind_from_key     (const char     *key,
                                               StwAccountKind *kind);
/* "Request Tracker", "Redmine": product names, not translated. */
const char     *stw_account_kind_label        (StwAccountKind  kind);

G_END_DECLS

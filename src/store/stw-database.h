/* stw-database.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-enums.h"

G_BEGIN_DECLS

#define STW_TYPE_DATABASE (stw_database_get_type ())

G_DECLARE_FINAL_TYPE (StwDatabase, stw_database, STW, DATABASE, GObject)

/* The environment variable that names the database file, for scripts and
 * tests; --database on the command line wins over it. */
#define STW_DATABASE_ENV "STEWARD_DATABASE"

typedef struct _StwWriteContext StwWriteContext;

/**
 * StwWriteFunc:
 * @ctx: the write in progress; see stw-database-private.h
 *
 * Runs on the writer thread inside one transaction and one journal batch.
 * Returning %FALSE rolls everything back.
 */
typedef gboolean (*StwWriteFunc) (StwWriteContext  *ctx,
                                  gpointer          user_data,
                                  GError          **error);

char        *stw_database_default_path         (void);
int          stw_database_schema_version       (void);
StwDatabase *stw_database_open                 (const char           *path,
                                                GError              **error);
const char  *stw_database_get_path             (StwDatabase          *self);
void         stw_database_write_async          (StwDatabase          *self,
                                                StwOrigin             origin,
                                                const char           *description,
                                                StwWriteFunc          func,
                                                gpointer              func_data,
                                                GDestroyNotify        func_data_destroy,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     stw_database_write_finish         (StwDatabase          *self,
                                                GAsyncResult         *result,
                                                gint64               *result_id,
                                                GError              **error);
gboolean     stw_database_write_sync           (StwDatabase          *self,
                                                StwOrigin             origin,
                                                const char           *description,
                                                StwWriteFunc          func,
                                                gpointer              func_data,
                                                gint64               *result_id,
                                                GError              **error);
gboolean     stw_database_get_can_undo         (StwDatabase          *self);
gboolean     stw_database_get_can_redo         (StwDatabase          *self);
const char  *stw_database_get_undo_description (StwDatabase          *self);
const char  *stw_database_get_redo_description (StwDatabase          *self);
void         stw_database_undo_async           (StwDatabase          *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void         stw_database_redo_async           (StwDatabase          *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     stw_database_undo_finish          (StwDatabase          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
gboolean     stw_database_undo_sync            (StwDatabase          *self,
                                                GError              **error);
gboolean     stw_database_redo_sync            (StwDatabase          *self,
                                                GError              **error);
gboolean     stw_database_check_integrity      (StwDatabase          *self,
                                                GError              **error);

/* A write function checks this now and then in a long write. */
GCancellable *stw_write_context_get_cancellable (StwWriteContext     *ctx);
gboolean      stw_write_context_try             (StwWriteContext     *ctx,
                                                 StwWriteFunc         func,
                                                 gpointer             user_data,
                                                 GError             **error);

G_END_DECLS

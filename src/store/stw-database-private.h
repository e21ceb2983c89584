/* stw-database-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

/* Store-internal: the repositories, the journal, the query models and the
 * store's tests use these. Nothing above the store includes this file. */

sqlite3       *stw_database_get_reader          (StwDatabase      *self);
sqlite3_stmt  *stw_database_prepare_read        (StwDatabase      *self,
                                                 const char       *sql,
                                                 GError          **error);
sqlite3       *stw_database_open_reader         (StwDatabase      *self,
                                                 GError          **error);
void           stw_database_emit_changed        (StwDatabase      *self,
                                                 StwEntity         entities);
gboolean       stw_database_exec_on_writer      (StwDatabase      *self,
                                                 const char       *sql,
                                                 GError          **error);
gboolean       stw_database_create_at_version   (const char       *path,
                                                 int               version,
                                                 GError          **error);

sqlite3       *stw_write_context_get_db         (StwWriteContext  *ctx);
gint64         stw_write_context_get_batch      (StwWriteContext  *ctx);
gint64         stw_write_context_get_time       (StwWriteContext  *ctx);
gboolean       stw_write_context_set_time       (StwWriteContext  *ctx,
                                                 gint64            time,
                                                 GError          **error);
void           stw_write_context_touch          (StwWriteContext  *ctx,
                                                 StwEntity         entities);
StwOrigin      stw_write_context_get_origin     (StwWriteContext  *ctx);
sqlite3_stmt  *stw_write_context_prepare        (StwWriteContext  *ctx,
                                                 const char       *sql,
                                                 GError          **error);
void           stw_write_context_set_result     (StwWriteContext  *ctx,
                                                 gint64            id);

gboolean       stw_sql_set_error                (sqlite3          *db,
                                                 int               rc,
                                                 GError          **error);
gboolean       stw_sql_step                     (sqlite3_stmt     *stmt,
                                                 GError          **error);
void           stw_sql_bind_text                (sqlite3_stmt     *stmt,
                                                 int               column,
                                                 const char       *text);
void           stw_sql_bind_stripped            (sqlite3_stmt     *stmt,
                                                 int               column,
                                                 const char       *text);
const char    *stw_sql_column_text              (sqlite3_stmt     *stmt,
                                                 int               column);

/* stw-sql.c */
gboolean       stw_sql_exec                     (sqlite3          *db,
                                                 const char       *sql,
                                                 GError          **error);
sqlite3_stmt  *stw_sql_prepare_cached           (sqlite3          *db,
                                                 GHashTable       *cache,
                                                 const char       *sql,
                                                 GError          **error);
GHashTable    *stw_sql_statement_cache_new      (void);
gboolean       stw_sql_configure_connection     (sqlite3          *db,
                                                 gboolean          writer,
                                                 GError          **error);

/* stw-database-file.c */
gboolean       stw_sql_query_int                (sqlite3          *db,
                                                 const char       *sql,
                                                 gint64           *value,
                                                 GError          **error);
gboolean       stw_database_check_file          (const char       *path,
                                                 GError          **error);
gboolean       stw_database_migrate             (sqlite3          *db,
                                                 int               target,
                                                 GError          **error);

G_END_DECLS

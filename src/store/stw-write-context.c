/* stw-write-context.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-database"

#include "config.h"

#include "stw-database-internal.h"

/*
 * What a write function sees of its write (see stw_database_write_sync()):
 * the writer connection and its prepared statements, the batch and its
 * time, what it touched, and where its result goes. It lives on the
 * writer thread for the length of one job.
 */

sqlite3 *
stw_write_context_get_db (StwWriteContext *ctx)
{
  return ctx->self->writer;
}

gint64
stw_write_context_get_batch (StwWriteContext *ctx)
{
  return ctx->batch;
}

gint64
stw_write_context_get_time (StwWriteContext *ctx)
{
  return ctx->time;
}

/*
 * stw_write_context_set_time:
 *
 * Stamps what the write does from now on with @time, in the records (it
 * is what stw_write_context_get_time() gives) and in their journal rows;
 * the batch keeps the time it began. For the sample data only, which
 * plays each made-up ticket's past at the times it happened, so that its
 * times, its history and the SLA clocks read from it agree.
 */
gboolean
stw_write_context_set_time (StwWriteContext  *ctx,
                            gint64            time,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_assert (ctx->batch != 0);

  stmt = stw_write_context_prepare (ctx, "UPDATE journal_state SET time = ? WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, time);
  if (!stw_sql_step (stmt, error))
    return FALSE;

  ctx->time = time;
  return TRUE;
}

/*
 * stw_write_context_touch:
 *
 * Says the write changed @entities in a way the journal does not record
 * (derived columns, preferences): the views hear of them all the same,
 * but there is no undo step for it.
 */
void
stw_write_context_touch (StwWriteContext *ctx,
                         StwEntity        entities)
{
  ctx->touched |= entities;
}

StwOrigin
stw_write_context_get_origin (StwWriteContext *ctx)
{
  return ctx->job->origin;
}

GCancellable *
stw_write_context_get_cancellable (StwWriteContext *ctx)
{
  return ctx->job->cancellable;
}

/**
 * stw_write_context_try:
 *
 * Runs @func inside a savepoint of the write: when it fails, what it did
 * is undone and the rest of the write goes on (the error is returned).
 * For writes of many independent records, where one bad record must not
 * take the others with it.
 */
gboolean
stw_write_context_try (StwWriteContext  *ctx,
                       StwWriteFunc      func,
                       gpointer          user_data,
                       GError          **error)
{
  sqlite3 *db = ctx->self->writer;

  if (!stw_sql_exec (db, "SAVEPOINT stw_try", error))
    return FALSE;
  if (func (ctx, user_data, error))
    return stw_sql_exec (db, "RELEASE stw_try", error);

  sqlite3_exec (db, "ROLLBACK TO stw_try", NULL, NULL, NULL);
  sqlite3_exec (db, "RELEASE stw_try", NULL, NULL, NULL);
  return FALSE;
}

/**
 * stw_write_context_prepare:
 *
 * Returns: (transfer none): a cached, reset statement on the writer
 *   connection. @sql must be a constant.
 */
sqlite3_stmt *
stw_write_context_prepare (StwWriteContext  *ctx,
                           const char       *sql,
                           GError          **error)
{
  return stw_sql_prepare_cached (ctx->self->writer, ctx->self->writer_statements, sql, error);
}

void
stw_write_context_set_result (StwWriteContext *ctx,
                              gint64           id)
{
  ctx->job->result_id = id;
}

/* stw-database.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-database"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-database-internal.h"
#include "stw-database-private.h"
#include "stw-journal-private.h"
#include "stw-store-resources.h"
#include "core/stw-core-enums.h"
#include "core/stw-error.h"

G_DEFINE_FINAL_TYPE (StwDatabase, stw_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_DESCRIPTION,
  PROP_REDO_DESCRIPTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* The writer thread                                                        */
/* ------------------------------------------------------------------------ */

static void
job_free (Job *job)
{
  if (job->func_data_destroy != NULL)
    job->func_data_destroy (job->func_data);
  g_clear_error (&job->error);
  g_clear_object (&job->cancellable);
  g_free (job->description);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

/*
 * A statement stepped to a row and not reset keeps its read open past
 * the commit, on a snapshot that a write by another connection (a
 * second Steward, the command line) makes stale; the next write would
 * then fail as busy at once. A write lets go of every read it made.
 */
static void
reset_statements (StwDatabase *self)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, self->writer_statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_reset (stmt);
}

static gboolean
origin_is_undoable (StwOrigin origin)
{
  return origin == STW_ORIGIN_USER || origin == STW_ORIGIN_IMPORT || origin == STW_ORIGIN_SAMPLE;
}

static StwEntity
entities_of_batch (StwWriteContext *ctx)
{
  sqlite3_stmt *stmt;
  StwEntity entities = STW_ENTITY_NONE;

  stmt = stw_write_context_prepare (ctx, "SELECT DISTINCT entity FROM journal WHERE batch = ?", NULL);
  if (stmt == NULL)
    return STW_ENTITY_NONE;

  sqlite3_bind_int64 (stmt, 1, ctx->batch);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    entities |= stw_entity_from_key (stw_sql_column_text (stmt, 0));

  return entities;
}

static gboolean
run_job (StwDatabase  *self,
         Job          *job,
         GError      **error)
{
  StwWriteContext ctx = { self, job, 0, g_get_real_time (), STW_ENTITY_NONE };
  sqlite3_stmt *stmt;
  int rc;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;

  if (job->raw)
    return job->func (&ctx, job->func_data, error);

  if (!stw_sql_exec (self->writer, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = stw_write_context_prepare (&ctx, "INSERT INTO batches (time, origin, author, description) "
                                          "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, ctx.time);
  sqlite3_bind_text (stmt, 2, stw_origin_to_key (job->origin), -1, SQLITE_STATIC);
  stw_sql_bind_text (stmt, 3, g_get_real_name ());
  stw_sql_bind_text (stmt, 4, job->description);
  if (!stw_sql_step (stmt, error))
    goto failed;
  ctx.batch = sqlite3_last_insert_rowid (self->writer);

  stmt = stw_write_context_prepare (&ctx, "UPDATE journal_state SET batch = ?, time = ?, origin = ? "
                                          "WHERE id = 1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, ctx.batch);
  sqlite3_bind_int64 (stmt, 2, ctx.time);
  sqlite3_bind_text (stmt, 3, stw_origin_to_key (job->origin), -1, SQLITE_STATIC);
  if (!stw_sql_step (stmt, error))
    goto failed;

  if (!job->func (&ctx, job->func_data, error))
    goto failed;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    goto failed;

  job->changed = entities_of_batch (&ctx);

  if (job->changed == STW_ENTITY_NONE)
    {
      /* Nothing changed: no empty step on the undo stack. */
      stmt = stw_write_context_prepare (&ctx, "DELETE FROM batches WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, ctx.batch);
      if (!stw_sql_step (stmt, error))
        goto failed;
    }
  else if (origin_is_undoable (job->origin))
    {
      /* A new edit ends what could be redone. */
      if (!stw_sql_exec (self->writer,
                         "UPDATE batches SET state = 'final' WHERE state = 'undone'", error))
        goto failed;
    }

  job->changed |= ctx.touched;

  if (!stw_sql_exec (self->writer, "UPDATE journal_state SET batch = NULL, time = NULL, origin = NULL "
                           "WHERE id = 1", error))
    goto failed;

  reset_statements (self);
  rc = sqlite3_exec (self->writer, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (self->writer, rc, error);
      goto failed;
    }

  return TRUE;

failed:
  reset_statements (self);
  if (!sqlite3_get_autocommit (self->writer))
    sqlite3_exec (self->writer, "ROLLBACK", NULL, NULL, NULL);
  job->changed = STW_ENTITY_NONE;
  job->result_id = 0;
  return FALSE;
}

static void
refresh_undo_state (StwDatabase *self)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  gboolean could_undo = self->undo_description != NULL;
  gboolean could_redo = self->redo_description != NULL;

  stw_journal_describe_undo_redo (self, &undo, &redo);

  if (g_strcmp0 (undo, self->undo_description) != 0)
    {
      g_free (self->undo_description);
      self->undo_description = g_steal_pointer (&undo);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_DESCRIPTION]);
      if (could_undo != (self->undo_description != NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  if (g_strcmp0 (redo, self->redo_description) != 0)
    {
      g_free (self->redo_description);
      self->redo_description = g_steal_pointer (&redo);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_DESCRIPTION]);
      if (could_redo != (self->redo_description != NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

static void
finish_in_main (StwDatabase *self,
                Job         *job)
{
  if (job->ok)
    {
      refresh_undo_state (self);
      if (job->changed != STW_ENTITY_NONE)
        stw_database_emit_changed (self, job->changed);
    }
}

static gboolean
complete_async_job (gpointer data)
{
  Job *job = data;
  GTask *task = g_steal_pointer (&job->task);

  finish_in_main (job->self, job);

  if (job->ok)
    {
      gint64 *result = g_new (gint64, 1);

      *result = job->result_id;
      g_task_return_pointer (task, result, g_free);
    }
  else
    {
      g_task_return_error (task, g_steal_pointer (&job->error));
    }

  g_object_unref (task);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static gpointer
writer_thread (gpointer data)
{
  StwDatabase *self = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->queue);

      if (job->func == NULL)
        {
          job_free (job);
          break;
        }

      job->ok = run_job (self, job, &job->error);

      if (job->task != NULL)
        {
          /* Always through a source: g_main_context_invoke() runs the
           * function right here, on the writer thread, when the context
           * is the default one and no thread is iterating it. */
          GSource *source = g_idle_source_new ();

          g_source_set_priority (source, G_PRIORITY_DEFAULT);
          g_source_set_callback (source, complete_async_job, job, NULL);
          g_source_set_static_name (source, "[stw] finish write");
          g_source_attach (source, self->main_context);
          g_source_unref (source);
        }
      else
        {
          g_mutex_lock (&job->mutex);
          job->done = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->mutex);
        }
    }

  return NULL;
}

static Job *
job_new (StwDatabase    *self,
         StwOrigin       origin,
         const char     *description,
         StwWriteFunc    func,
         gpointer        func_data,
         GDestroyNotify  func_data_destroy,
         GCancellable   *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->self = self;
  job->origin = origin;
  job->description = g_strdup (description);
  job->func = func;
  job->func_data = func_data;
  job->func_data_destroy = func_data_destroy;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);

  return job;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_database_finalize (GObject *object)
{
  StwDatabase *self = (StwDatabase *)object;

  if (self->thread != NULL)
    {
      g_async_queue_push (self->queue, job_new (self, 0, NULL, NULL, NULL, NULL, NULL));
      g_thread_join (self->thread);
      self->thread = NULL;
    }

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->writer_statements, g_hash_table_unref);
  g_clear_pointer (&self->reader_statements, g_hash_table_unref);
  /* The writer closes last: the last connection to close checkpoints the
   * WAL into the file and removes it, which a read-only one cannot. */
  g_clear_pointer (&self->reader, sqlite3_close);
  g_clear_pointer (&self->writer, sqlite3_close);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_free (self->path);
  g_free (self->undo_description);
  g_free (self->redo_description);

  G_OBJECT_CLASS (stw_database_parent_class)->finalize (object);
}

static void
stw_database_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StwDatabase *self = STW_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, stw_database_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, stw_database_get_can_redo (self));
      break;
    case PROP_UNDO_DESCRIPTION:
      g_value_set_string (value, self->undo_description);
      break;
    case PROP_REDO_DESCRIPTION:
      g_value_set_string (value, self->redo_description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_database_class_init (StwDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_database_finalize;
  object_class->get_property = stw_database_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_DESCRIPTION] = g_param_spec_string ("undo-description", NULL, NULL, NULL, ro);
  properties[PROP_REDO_DESCRIPTION] = g_param_spec_string ("redo-description", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StwDatabase::changed:
   * @entities: the #StwEntity kinds a committed write touched
   *
   * Emitted on the main context after every committed write, whoever
   * made it, so every open view can follow.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STW_TYPE_ENTITY);
}

static void
stw_database_init (StwDatabase *self)
{
  self->writer_statements = stw_sql_statement_cache_new ();
  self->reader_statements = stw_sql_statement_cache_new ();
  self->queue = g_async_queue_new ();
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_database_default_path:
 *
 * Returns: (transfer full): the database to open when none is given:
 *   $STEWARD_DATABASE, or steward.db in the user data folder.
 */
char *
stw_database_default_path (void)
{
  const char *env = g_getenv (STW_DATABASE_ENV);

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "steward", "steward.db", NULL);
}

/**
 * stw_database_open:
 *
 * Opens the database at @path, creating it if there is no file, and
 * brings its schema up to date. A file that is not a Steward database,
 * is damaged or comes from a newer Steward is refused untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set.
 */
StwDatabase *
stw_database_open (const char  *path,
                   GError     **error)
{
  g_autoptr(StwDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* Referenced so the linker keeps the migrations, which register
   * themselves, from the static library. */
  (void)stw_store_get_resource ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!stw_database_check_file (path, error))
        return NULL;
    }
  else
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, STW_ERROR, STW_ERROR_READ_ONLY,
                       _("The folder “%s” cannot be created: %s."), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (STW_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->main_context = g_main_context_ref_thread_default ();

  rc = sqlite3_open_v2 (path, &self->writer,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (self->writer, rc, error);
      return NULL;
    }

  if (!stw_sql_configure_connection (self->writer, TRUE, error) ||
      !stw_database_migrate (self->writer, stw_database_schema_version (), error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->reader, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (self->reader, rc, error);
      return NULL;
    }
  if (!stw_sql_configure_connection (self->reader, FALSE, error))
    return NULL;

  self->thread = g_thread_new ("stw-writer", writer_thread, self);

  refresh_undo_state (self);

  return g_steal_pointer (&self);
}

const char *
stw_database_get_path (StwDatabase *self)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), NULL);
  return self->path;
}

/**
 * stw_database_write_async:
 * @origin: where the change comes from, recorded in the journal
 * @description: (nullable): what the change does, in words a person reads
 *   in “Undo …”; translated
 * @func: runs on the writer thread in one transaction and one batch
 *
 * Queues a write. Writes run one after another in the order queued.
 */
void
stw_database_write_async (StwDatabase         *self,
                          StwOrigin            origin,
                          const char          *description,
                          StwWriteFunc         func,
                          gpointer             func_data,
                          GDestroyNotify       func_data_destroy,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (STW_IS_DATABASE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  job = job_new (self, origin, description, func, func_data, func_data_destroy, cancellable);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, stw_database_write_async);
  /* The main context may differ from the one the database was opened on
   * in tests; the job completes on the one it was queued from. */
  g_async_queue_push (self->queue, job);
}

/**
 * stw_database_write_finish:
 * @result_id: (out) (optional): what the write function reported with
 *   stw_write_context_set_result(), such as the id of a new record
 */
gboolean
stw_database_write_finish (StwDatabase   *self,
                           GAsyncResult  *result,
                           gint64        *result_id,
                           GError       **error)
{
  g_autofree gint64 *value = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;

  if (result_id != NULL)
    *result_id = *value;

  return TRUE;
}

typedef struct
{
  StwDatabase *self;
  StwEntity    changed;
} Finished;

static void
finished_free (gpointer data)
{
  Finished *finished = data;

  g_object_unref (finished->self);
  g_free (finished);
}

static gboolean
finish_later (gpointer data)
{
  Finished *finished = data;

  refresh_undo_state (finished->self);
  if (finished->changed != STW_ENTITY_NONE)
    stw_database_emit_changed (finished->self, finished->changed);
  return G_SOURCE_REMOVE;
}

/* Queues @job, waits for the writer to finish it, and frees it. */
static gboolean
run_job_sync (StwDatabase  *self,
              Job          *job,
              gint64       *result_id,
              GError      **error)
{
  gboolean ok;

  g_mutex_lock (&job->mutex);
  g_async_queue_push (self->queue, job);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  /* The changed signal and the undo state belong to the main context: a
   * write from another thread (the sync engine's) hands them over to it
   * when a main loop runs there. */
  if (g_main_context_acquire (self->main_context))
    {
      finish_in_main (self, job);
      g_main_context_release (self->main_context);
    }
  else if (job->ok)
    {
      Finished *finished = g_new0 (Finished, 1);

      finished->self = g_object_ref (self);
      finished->changed = job->changed;
      g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT, finish_later,
                                  finished, finished_free);
    }

  ok = job->ok;
  if (ok && result_id != NULL)
    *result_id = job->result_id;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&job->error));

  job_free (job);
  return ok;
}

/**
 * stw_database_write_sync:
 *
 * Like stw_database_write_async() but waits; for the command line,
 * tests and the sync thread, never for the interface's own thread. Emits #StwDatabase::changed before it
 * returns.
 */
gboolean
stw_database_write_sync (StwDatabase   *self,
                         StwOrigin      origin,
                         const char    *description,
                         StwWriteFunc   func,
                         gpointer       func_data,
                         gint64        *result_id,
                         GError       **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return run_job_sync (self, job_new (self, origin, description, func, func_data, NULL, NULL),
                       result_id, error);
}

gboolean
stw_database_get_can_undo (StwDatabase *self)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), FALSE);
  return self->undo_description != NULL;
}

gboolean
stw_database_get_can_redo (StwDatabase *self)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), FALSE);
  return self->redo_description != NULL;
}

/**
 * stw_database_get_undo_description:
 *
 * Returns: (nullable): what Undo would revert, or %NULL when nothing
 */
const char *
stw_database_get_undo_description (StwDatabase *self)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), NULL);
  return self->undo_description;
}

const char *
stw_database_get_redo_description (StwDatabase *self)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), NULL);
  return self->redo_description;
}

static gboolean
undo_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  return stw_journal_undo (ctx, error);
}

static gboolean
redo_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  return stw_journal_redo (ctx, error);
}

void
stw_database_undo_async (StwDatabase         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (STW_IS_DATABASE (self));

  stw_database_write_async (self, STW_ORIGIN_UNDO, NULL, undo_func, NULL, NULL,
                            cancellable, callback, user_data);
}

void
stw_database_redo_async (StwDatabase         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (STW_IS_DATABASE (self));

  stw_database_write_async (self, STW_ORIGIN_REDO, NULL, redo_func, NULL, NULL,
                            cancellable, callback, user_data);
}

/**
 * stw_database_undo_finish:
 *
 * Finishes stw_database_undo_async() and stw_database_redo_async().
 */
gboolean
stw_database_undo_finish (StwDatabase   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return stw_database_write_finish (self, result, NULL, error);
}

gboolean
stw_database_undo_sync (StwDatabase  *self,
                        GError      **error)
{
  return stw_database_write_sync (self, STW_ORIGIN_UNDO, NULL, undo_func, NULL, NULL, error);
}

gboolean
stw_database_redo_sync (StwDatabase  *self,
                        GError      **error)
{
  return stw_database_write_sync (self, STW_ORIGIN_REDO, NULL, redo_func, NULL, NULL, error);
}

/**
 * stw_database_check_integrity:
 *
 * Runs SQLite's full integrity check and the foreign key check on the
 * read connection. For `steward-cli check`; it reads every page.
 */
gboolean
stw_database_check_integrity (StwDatabase  *self,
                              GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (self), FALSE);

  /* Each loop tests the prepare once: the rows that follow the first one
   * step with rc == SQLITE_ROW, not SQLITE_OK. */
  rc = sqlite3_prepare_v2 (self->reader, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *line = stw_sql_column_text (stmt, 0);

        if (g_strcmp0 (line, "ok") != 0)
          g_string_append_printf (problems, "%s\n", line);
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return stw_sql_set_error (self->reader, rc, error);

  rc = sqlite3_prepare_v2 (self->reader, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_string_append_printf (problems, _("Row %lld of %s refers to a missing record in %s.\n"),
                              (long long)sqlite3_column_int64 (stmt, 1),
                              stw_sql_column_text (stmt, 0), stw_sql_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return stw_sql_set_error (self->reader, rc, error);

  if (problems->len > 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_DAMAGED,
                   _("The database has problems:\n%s"), problems->str);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Store-internal API                                                       */
/* ------------------------------------------------------------------------ */

sqlite3 *
stw_database_get_reader (StwDatabase *self)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), NULL);
  return self->reader;
}

/**
 * stw_database_prepare_read:
 *
 * Returns: (transfer none): a cached, reset statement on the main
 *   thread's read connection. @sql must be a constant.
 */
sqlite3_stmt *
stw_database_prepare_read (StwDatabase  *self,
                           const char   *sql,
                           GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (self), NULL);
  return stw_sql_prepare_cached (self->reader, self->reader_statements, sql, error);
}

/**
 * stw_database_open_reader:
 *
 * Returns: (transfer full): a new read-only connection for a worker
 *   thread; close it with sqlite3_close().
 */
sqlite3 *
stw_database_open_reader (StwDatabase  *self,
                          GError      **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (STW_IS_DATABASE (self), NULL);

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK || !stw_sql_configure_connection (db, FALSE, error))
    {
      if (rc != SQLITE_OK)
        stw_sql_set_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

void
stw_database_emit_changed (StwDatabase *self,
                           StwEntity    entities)
{
  g_return_if_fail (STW_IS_DATABASE (self));
  g_signal_emit (self, signals[CHANGED], 0, entities);
}

static gboolean
exec_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  return stw_sql_exec (ctx->self->writer, user_data, error);
}

/**
 * stw_database_exec_on_writer:
 *
 * Runs @sql on the writer connection, outside any transaction and batch,
 * in turn with the queued writes. For tests that need a connection
 * setting, such as a page limit that makes the disk “full” or
 * `PRAGMA query_only`; a setting that forbids writes would otherwise
 * fail the very batch that sets it.
 */
gboolean
stw_database_exec_on_writer (StwDatabase  *self,
                             const char   *sql,
                             GError      **error)
{
  Job *job;

  g_return_val_if_fail (STW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  job = job_new (self, STW_ORIGIN_USER, NULL, exec_func, (gpointer)sql, NULL, NULL);
  job->raw = TRUE;
  return run_job_sync (self, job, NULL, error);
}

/**
 * stw_database_create_at_version:
 * @version: 0 for an empty SQLite file, up to stw_database_schema_version()
 *
 * Creates a database at @path as a Steward of schema @version would have
 * left it, so tests can check every migration path. Not for the program.
 */
gboolean
stw_database_create_at_version (const char  *path,
                                int          version,
                                GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version >= 0 && version <= stw_database_schema_version (), FALSE);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      stw_sql_set_error (db, rc, error);
      sqlite3_close (db);
      return FALSE;
    }

  /* Setting WAL writes the header, so even version 0 is a real,
   * empty SQLite file. */
  ok = stw_sql_configure_connection (db, TRUE, error) && (version == 0 || stw_database_migrate (db, version, error));
  sqlite3_close (db);

  return ok;
}

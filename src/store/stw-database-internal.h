/* stw-database-internal.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "stw-database-private.h"

G_BEGIN_DECLS

/* The database's insides, for stw-database.c and stw-write-context.c
 * only; the rest of the store goes through stw-database-private.h. */

typedef struct
{
  StwDatabase    *self;
  StwOrigin       origin;
  char           *description;
  StwWriteFunc    func;
  gpointer        func_data;
  GDestroyNotify  func_data_destroy;
  GCancellable   *cancellable;

  /* Exactly one of these: an async write returns through the task, a
   * sync one through the condition. A NULL func means “stop the thread”. */
  GTask          *task;
  GMutex          mutex;
  GCond           cond;
  gboolean        done;

  /* Runs func on the writer connection outside any transaction and
   * batch: for connection settings such as PRAGMAs. */
  gboolean        raw;

  /* Results, written by the writer thread before it hands the job back. */
  gboolean        ok;
  GError         *error;
  gint64          result_id;
  StwEntity       changed;
} Job;

struct _StwWriteContext
{
  StwDatabase  *self;
  Job          *job;
  gint64        batch;
  gint64        time;
  StwEntity     touched;   /* changed without a journal row */
};

struct _StwDatabase
{
  GObject       parent_instance;

  char         *path;
  GMainContext *main_context;

  /* Owned by the writer thread once it runs. */
  sqlite3      *writer;
  GHashTable   *writer_statements;
  GThread      *thread;
  GAsyncQueue  *queue;

  /* Owned by the main thread: small keyed reads. */
  sqlite3      *reader;
  GHashTable   *reader_statements;

  char         *undo_description;
  char         *redo_description;
};

G_END_DECLS

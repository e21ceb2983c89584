/* stw-io-progress.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-io-progress.h"

/* Progress of work on a worker thread, handed to the main context. */

typedef struct
{
  GObject           *object;
  StwProgressSetter  setter;
  double             progress;
} Update;

static gboolean
update_cb (gpointer data)
{
  Update *update = data;

  update->setter (update->object, update->progress);
  return G_SOURCE_REMOVE;
}

static void
update_free (gpointer data)
{
  Update *update = data;

  g_object_unref (update->object);
  g_free (update);
}

/**
 * stw_io_post_progress:
 * @setter: stores @progress in @object and notifies, on @context
 *
 * Always through a source: g_main_context_invoke() would run @setter
 * right here, on the worker thread, whenever no thread is iterating
 * @context at that moment (a caller waiting in a _sync function, or
 * between two iterations of the interface's main loop).
 */
void
stw_io_post_progress (GMainContext      *context,
                      GObject           *object,
                      StwProgressSetter  setter,
                      double             progress)
{
  Update *update = g_new0 (Update, 1);
  GSource *source = g_idle_source_new ();

  update->object = g_object_ref (object);
  update->setter = setter;
  update->progress = progress;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, update_cb, update, update_free);
  g_source_set_static_name (source, "[stw] progress");
  g_source_attach (source, context);
  g_source_unref (source);
}

/* stw-asset-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-export"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "stw-asset-csv.h"
#include "stw-asset-export.h"
#include "stw-io-progress.h"
#include "core/stw-validate.h"

/*
 * Writes the assets a query selects — what the list shows, in its order
 * — as CSV (with the headers Steward's import reads back, so an export
 * imports losslessly) or as a JSON array of objects with the same keys.
 * Rows are written as they are read; a file is replaced only when the
 * whole export succeeded.
 */

struct _StwAssetExport
{
  GObject          parent_instance;

  StwAssetQuery   *query;
  StwExportFormat  format;
  double           progress;
};

G_DEFINE_FINAL_TYPE (StwAssetExport, stw_asset_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns, in the order written: tag first, as a person reads them. */
static const int export_columns[] = {
  STW_ASSET_FIELD_TAG, STW_ASSET_FIELD_NAME, STW_ASSET_FIELD_SERIAL, STW_ASSET_FIELD_CATEGORY,
  STW_ASSET_FIELD_STATUS, STW_ASSET_FIELD_MANUFACTURER, STW_ASSET_FIELD_MODEL,
  STW_ASSET_FIELD_LOCATION, STW_ASSET_FIELD_PERSON, STW_ASSET_FIELD_PURCHASE_DATE,
  STW_ASSET_FIELD_PURCHASE_COST, STW_ASSET_FIELD_CURRENCY, STW_ASSET_FIELD_WARRANTY_END,
  STW_ASSET_FIELD_SUPPLIER, STW_ASSET_FIELD_NOTES, STW_IMPORT_UUID,
};

typedef struct
{
  StwAssetExport *self;
  GMainContext   *context;
  GOutputStream  *stream;
  GCancellable   *cancellable;
  GString        *buffer;
  JsonGenerator  *generator;
  gint64          n_rows;
  gint64          total;
  gint64          last_progress;
} Writer;

/* ------------------------------------------------------------------------ */

static void
set_progress (GObject *object,
              double   progress)
{
  StwAssetExport *self = (StwAssetExport *)object;

  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (object, properties[PROP_PROGRESS]);
    }
}

static void
report_progress (Writer   *writer,
                 gboolean  force)
{
  gint64 now = g_get_monotonic_time ();

  if (writer->context == NULL ||
      (!force && now - writer->last_progress < STW_PROGRESS_INTERVAL_USEC))
    return;

  writer->last_progress = now;
  stw_io_post_progress (writer->context, G_OBJECT (writer->self), set_progress,
                        writer->total > 0 ? MIN (1.0, (double)writer->n_rows / writer->total) : 1.0);
}

static void
append_csv_field (GString    *line,
                  const char *value)
{
  gboolean quote;

  if (value == NULL)
    return;

  /* Quoted when it must be, with quotes doubled (RFC 4180). */
  quote = strpbrk (value, ",;\t\"\r\n") != NULL || value[0] == ' ' ||
          (value[0] != '\0' && value[strlen (value) - 1] == ' ');

  if (!quote)
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static gboolean
flush (Writer   *writer,
       gboolean  force,
       GError  **error)
{
  gsize written;

  if (!force && writer->buffer->len < 256 * 1024)
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  &written, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static gboolean
write_row_cb (const StwAssetRow  *row,
              gpointer            user_data,
              GError            **error)
{
  Writer *writer = user_data;
  g_autofree char *cost = stw_format_cost (row->purchase_cost);

  if (writer->generator == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
        {
          int column = export_columns[i];

          if (i > 0)
            g_string_append_c (writer->buffer, ',');
          append_csv_field (writer->buffer,
                            column == STW_ASSET_FIELD_PURCHASE_COST ? cost : row->values[column]);
        }
      g_string_append (writer->buffer, "\r\n");
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
        {
          int column = export_columns[i];

          json_builder_set_member_name (builder, stw_asset_csv_target_header (column));
          if (column == STW_ASSET_FIELD_PURCHASE_COST && row->purchase_cost != G_MININT64)
            json_builder_add_string_value (builder, cost);
          else if (column != STW_ASSET_FIELD_PURCHASE_COST && row->values[column] != NULL)
            json_builder_add_string_value (builder, row->values[column]);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);

      node = json_builder_get_root (builder);
      json_generator_set_root (writer->generator, node);
      text = json_generator_to_data (writer->generator, NULL);
      g_string_append (writer->buffer, writer->n_rows == 0 ? "\n  " : ",\n  ");
      g_string_append (writer->buffer, text);
    }

  writer->n_rows++;
  report_progress (writer, FALSE);
  return flush (writer, FALSE, error);
}

static gint64
export_to (StwAssetExport  *self,
           GMainContext    *context,
           GOutputStream   *stream,
           GCancellable    *cancellable,
           GError         **error)
{
  Writer writer = { self, context, stream, cancellable, g_string_new (NULL), NULL, 0, 0, 0 };
  gint64 result = -1;

  writer.total = stw_asset_query_count (self->query, cancellable, error);
  if (writer.total < 0)
    goto out;

  if (self->format == STW_EXPORT_JSON)
    {
      writer.generator = json_generator_new ();
      g_string_append_c (writer.buffer, '[');
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
        g_string_append_printf (writer.buffer, "%s%s", i > 0 ? "," : "",
                                stw_asset_csv_target_header (export_columns[i]));
      g_string_append (writer.buffer, "\r\n");
    }

  if (!stw_asset_query_foreach_row (self->query, write_row_cb, &writer, cancellable, error))
    goto out;

  if (self->format == STW_EXPORT_JSON)
    g_string_append (writer.buffer, writer.n_rows > 0 ? "\n]\n" : "]\n");

  if (!flush (&writer, TRUE, error))
    goto out;

  report_progress (&writer, TRUE);
  result = writer.n_rows;

out:
  g_string_free (writer.buffer, TRUE);
  g_clear_object (&writer.generator);
  return result;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  StwAssetExport *self = source_object;
  GFile *file = task_data;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GMainContext) context = g_main_context_ref (g_task_get_context (task));
  GError *error = NULL;
  gint64 n_rows;

  /* Written to a temporary file beside the target, which replaces it only
   * when closed after a complete export. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  n_rows = export_to (self, context, G_OUTPUT_STREAM (stream), cancellable, &error);
  if (n_rows < 0)
    {
      /* Closing after a cancel leaves the old file as it was. */
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      g_task_return_error (task, error);
      return;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, n_rows);
}

/* ------------------------------------------------------------------------ */

static void
stw_asset_export_finalize (GObject *object)
{
  StwAssetExport *self = (StwAssetExport *)object;

  g_clear_pointer (&self->query, stw_asset_query_free);

  G_OBJECT_CLASS (stw_asset_export_parent_class)->finalize (object);
}

static void
stw_asset_export_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StwAssetExport *self = STW_ASSET_EXPORT (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_asset_export_class_init (StwAssetExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_asset_export_finalize;
  object_class->get_property = stw_asset_export_get_property;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_asset_export_init (StwAssetExport *self)
{
}

/* ------------------------------------------------------------------------ */

StwAssetExport *
stw_asset_export_new (const StwAssetQuery *query,
                      StwExportFormat      format)
{
  StwAssetExport *self;

  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (STW_TYPE_ASSET_EXPORT, NULL);
  self->query = stw_asset_query_copy (query);
  self->format = format;
  return self;
}

double
stw_asset_export_get_progress (StwAssetExport *self)
{
  g_return_val_if_fail (STW_IS_ASSET_EXPORT (self), 0.0);
  return self->progress;
}

/**
 * stw_asset_export_run_async:
 *
 * Exports on a worker thread into @file, which is replaced only when
 * the export completes.
 */
void
stw_asset_export_run_async (StwAssetExport      *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STW_IS_ASSET_EXPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  self->progress = 0.0;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_asset_export_run_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, run_thread);
}

/**
 * stw_asset_export_run_finish:
 *
 * Returns: how many assets were written, or -1 with @error set
 */
gint64
stw_asset_export_run_finish (StwAssetExport  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return g_task_propagate_int (G_TASK (result), error);
}

/**
 * stw_asset_export_to_stream:
 *
 * Exports into @stream, waiting; for the command line.
 *
 * Returns: how many assets were written, or -1 with @error set
 */
gint64
stw_asset_export_to_stream (StwAssetExport  *self,
                            GOutputStream   *stream,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_return_val_if_fail (STW_IS_ASSET_EXPORT (self), -1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), -1);

  return export_to (self, NULL, stream, cancellable, error);
}

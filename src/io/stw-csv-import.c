/* stw-csv-import.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-csv-import"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-csv-import.h"
#include "stw-io-progress.h"
#include "core/stw-error.h"
#include "store/stw-bulk-writer.h"

/*
 * Importing assets from a CSV file, in three steps: load (guess the
 * format and the meaning of the columns, and show the first rows), check
 * (read every row and list those that cannot be imported, with their
 * line and why), and run (import the good rows in one write: one
 * transaction and one undo step). Both check and run stream the file, so
 * a file larger than memory imports; a cancelled or failed run leaves the
 * store as it was.
 */

struct _StwCsvImport
{
  GObject             parent_instance;

  GFile              *file;
  guint64             file_size;
  StwCsvFormat        format;
  GPtrArray          *header;
  GPtrArray          *preview;      /* of GPtrArray records */
  StwAssetCsvMapping  mapping;
  double              progress;
};

G_DEFINE_FINAL_TYPE (StwCsvImport, stw_csv_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One read of the whole file, to check it or to import it. Shared by
 * the caller's task and the write, so it is reference counted. */
typedef struct
{
  StwCsvImport       *self;
  GMainContext       *context;
  GFile              *file;
  guint64             file_size;
  StwCsvFormat        format;
  StwAssetCsvMapping  mapping;
  guint               n_columns;
  StwImportReport    *report;
  GHashTable         *tags;         /* folded tag → first line */
  gint64              last_progress;
} Pass;

/* ------------------------------------------------------------------------ */

void
stw_import_report_free (StwImportReport *report)
{
  if (report == NULL)
    return;

  for (guint i = 0; i < report->problems->len; i++)
    g_free (g_array_index (report->problems, StwImportProblem, i).message);
  g_array_unref (report->problems);
  g_free (report);
}

static StwImportReport *
report_new (void)
{
  StwImportReport *report = g_new0 (StwImportReport, 1);

  report->problems = g_array_new (FALSE, FALSE, sizeof (StwImportProblem));
  return report;
}

static void
add_problem (StwImportReport *report,
             guint            line,
             const char      *message)
{
  report->n_problems++;

  if (report->problems->len < STW_IMPORT_MAX_PROBLEMS)
    {
      StwImportProblem problem = { line, g_strdup (message) };

      g_array_append_val (report->problems, problem);
    }
}

static void
pass_free (Pass *pass)
{
  g_clear_object (&pass->self);
  g_clear_object (&pass->file);
  g_clear_pointer (&pass->context, g_main_context_unref);
  g_clear_pointer (&pass->report, stw_import_report_free);
  g_clear_pointer (&pass->tags, g_hash_table_unref);
}

static Pass *
pass_new (StwCsvImport *self)
{
  Pass *pass = g_rc_box_new0 (Pass);

  pass->self = g_object_ref (self);
  pass->context = g_main_context_ref_thread_default ();
  pass->file = g_object_ref (self->file);
  pass->file_size = self->file_size;
  pass->format = self->format;
  pass->mapping = self->mapping;
  pass->n_columns = self->header != NULL ? self->header->len : 0;
  pass->report = report_new ();
  pass->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return pass;
}

static void
pass_unref (gpointer pass)
{
  g_rc_box_release_full (pass, (GDestroyNotify)pass_free);
}

static void
set_progress (GObject *object,
              double   progress)
{
  StwCsvImport *self = (StwCsvImport *)object;

  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (object, properties[PROP_PROGRESS]);
    }
}

static void
report_progress (Pass    *pass,
                 guint64  position,
                 gboolean force)
{
  gint64 now = g_get_monotonic_time ();

  if (!force && now - pass->last_progress < STW_PROGRESS_INTERVAL_USEC)
    return;

  pass->last_progress = now;
  stw_io_post_progress (pass->context, G_OBJECT (pass->self), set_progress,
                        pass->file_size > 0 ? MIN (1.0, (double)position / pass->file_size) : 1.0);
}

/* Saves one converted row on the writer thread. */
static gboolean
save_row (StwBulkWriter   *writer,
          StwAssetCsvRow  *row,
          StwImportReport *report,
          GError         **error)
{
  gboolean updated = FALSE;
  gint64 id;

  if (row->location_path != NULL)
    {
      id = stw_bulk_writer_find_location (writer, row->location_path, error);
      if (id < 0)
        return FALSE;
      stw_asset_set_location (row->asset, id, NULL);
    }

  if (row->person_name != NULL)
    {
      id = stw_bulk_writer_find_person (writer, row->person_name, error);
      if (id < 0)
        return FALSE;
      stw_asset_set_person (row->asset, id, NULL);
    }

  if (!stw_bulk_writer_save_asset (writer, row->asset, row->fields, &updated, error))
    return FALSE;

  if (updated)
    report->n_updated++;
  else
    report->n_created++;

  return TRUE;
}

/*
 * Reads the whole file. Without @ctx it only checks; with it, it saves
 * every good row. Problems with single rows go into the report; the
 * return value says whether the whole pass succeeded.
 */
static gboolean
run_pass (Pass             *pass,
          StwWriteContext  *ctx,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(StwCsvReader) reader = NULL;
  g_autoptr(StwBulkWriter) writer = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GError) local_error = NULL;
  StwImportReport *report = pass->report;
  GPtrArray *record = NULL;
  guint line = 0;

  stream = g_file_read (pass->file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  reader = stw_csv_reader_new (G_INPUT_STREAM (stream), &pass->format);
  if (ctx != NULL && (writer = stw_bulk_writer_new (ctx, error)) == NULL)
    return FALSE;

  if (!stw_csv_reader_next (reader, &header, &line, cancellable, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_EMPTY, _("The file is empty."));
      return FALSE;
    }

  while (stw_csv_reader_next (reader, &record, &line, cancellable, &local_error))
    {
      g_autoptr(GPtrArray) owned = record;
      g_autoptr(GError) row_error = NULL;
      StwAssetCsvRow row;
      g_autofree char *key = NULL;
      guint first_line;

      report->n_rows++;

      if ((report->n_rows & 0xff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          report_progress (pass, stw_csv_reader_get_position (reader), FALSE);
        }

      if (!stw_asset_csv_convert (&pass->mapping, owned, pass->n_columns, &row, &row_error))
        {
          g_autofree char *message = g_strdup_printf (_("Line %u: %s"), line, row_error->message);

          add_problem (report, line, message);
          continue;
        }

      /* Tags are unique whatever their case, within the file as in the store. */
      key = g_ascii_strdown (stw_asset_get_tag (row.asset), -1);
      first_line = GPOINTER_TO_UINT (g_hash_table_lookup (pass->tags, key));
      if (first_line != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("Line %u: the asset tag “%s” is already on line %u of this file."),
                             line, stw_asset_get_tag (row.asset), first_line);

          add_problem (report, line, message);
          stw_asset_csv_row_clear (&row);
          continue;
        }
      g_hash_table_insert (pass->tags, g_steal_pointer (&key), GUINT_TO_POINTER (line));

      /* A row refused half way keeps nothing: not even the location or
       * person it named. */
      if (writer != NULL &&
          (!stw_bulk_writer_begin_row (writer, error)))
        {
          stw_asset_csv_row_clear (&row);
          return FALSE;
        }

      if (writer != NULL && !save_row (writer, &row, report, &row_error))
        {
          g_autofree char *message = NULL;

          stw_asset_csv_row_clear (&row);
          if (stw_bulk_writer_is_fatal (row_error))
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              return FALSE;
            }
          if (!stw_bulk_writer_end_row (writer, FALSE, error))
            return FALSE;

          message = g_strdup_printf (_("Line %u: %s"), line, row_error->message);
          add_problem (report, line, message);
          continue;
        }

      if (writer != NULL && !stw_bulk_writer_end_row (writer, TRUE, error))
        {
          stw_asset_csv_row_clear (&row);
          return FALSE;
        }

      report->n_good++;
      stw_asset_csv_row_clear (&row);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (report->n_rows == 0)
    {
      g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_NO_ROWS,
                   _("The file has a header but no rows to import."));
      return FALSE;
    }

  if (writer != NULL && !stw_bulk_writer_finish (writer, error))
    return FALSE;

  report_progress (pass, pass->file_size, TRUE);
  return TRUE;
}

static gboolean
run_func (StwWriteContext  *ctx,
          gpointer          user_data,
          GError          **error)
{
  Pass *pass = user_data;

  return run_pass (pass, ctx, stw_write_context_get_cancellable (ctx), error);
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Pass *pass = task_data;
  GError *error = NULL;

  if (!run_pass (pass, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&pass->report),
                           (GDestroyNotify)stw_import_report_free);
}

/* ------------------------------------------------------------------------ */

static void
clear_preview (StwCsvImport *self)
{
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_ptr_array_set_size (self->preview, 0);
}

/* Reads the header and the first rows with the current format. */
static gboolean
read_preview (StwCsvImport  *self,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(StwCsvReader) reader = NULL;
  GPtrArray *record = NULL;
  g_autoptr(GError) local_error = NULL;

  clear_preview (self);

  stream = g_file_read (self->file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  reader = stw_csv_reader_new (G_INPUT_STREAM (stream), &self->format);
  if (!stw_csv_reader_next (reader, &self->header, NULL, cancellable, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_EMPTY, _("The file is empty."));
      return FALSE;
    }

  if (self->header->len == 1 && self->header->pdata[0] == NULL)
    {
      g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_QUOTE,
                   _("The first line, the header, has a quote in the wrong place."));
      clear_preview (self);
      return FALSE;
    }

  /* A file that breaks off within its first rows shows what it has; the
   * check finds the break again and says where. */
  while (self->preview->len < STW_IMPORT_PREVIEW_ROWS &&
         stw_csv_reader_next (reader, &record, NULL, cancellable, &local_error))
    g_ptr_array_add (self->preview, record);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->preview->len == 0 && local_error == NULL)
    {
      g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_NO_ROWS,
                   _("The file has a header but no rows to import."));
      return FALSE;
    }

  stw_asset_csv_mapping_guess (&self->mapping, self->header,
                               (GPtrArray **)self->preview->pdata, self->preview->len);
  return TRUE;
}

/* ------------------------------------------------------------------------ */

static void
stw_csv_import_finalize (GObject *object)
{
  StwCsvImport *self = (StwCsvImport *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);

  G_OBJECT_CLASS (stw_csv_import_parent_class)->finalize (object);
}

static void
stw_csv_import_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StwCsvImport *self = STW_CSV_IMPORT (object);

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
stw_csv_import_class_init (StwCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_csv_import_finalize;
  object_class->get_property = stw_csv_import_get_property;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_csv_import_init (StwCsvImport *self)
{
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint t = 0; t < STW_N_IMPORT_TARGETS; t++)
    self->mapping.columns[t] = -1;
}

/* ------------------------------------------------------------------------ */

StwCsvImport *
stw_csv_import_new (GFile *file)
{
  StwCsvImport *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (STW_TYPE_CSV_IMPORT, NULL);
  self->file = g_object_ref (file);
  return self;
}

GFile *
stw_csv_import_get_file (StwCsvImport *self)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), NULL);
  return self->file;
}

/**
 * stw_csv_import_load:
 *
 * Guesses the file's encoding and delimiter from its start, reads the
 * header and the first rows, and guesses what each column holds. Reads
 * at most a few blocks, whatever the file's size.
 */
gboolean
stw_csv_import_load (StwCsvImport  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *sample = g_malloc (64 * 1024);
  gsize n_read = 0;

  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), FALSE);

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, cancellable, error);
  if (info == NULL)
    return FALSE;
  self->file_size = g_file_info_get_size (info);

  stream = g_file_read (self->file, cancellable, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), sample, 64 * 1024, &n_read,
                                cancellable, error) ||
      !stw_csv_format_sniff (sample, n_read, &self->format, error))
    return FALSE;

  return read_preview (self, cancellable, error);
}

const StwCsvFormat *
stw_csv_import_get_format (StwCsvImport *self)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), NULL);
  return &self->format;
}

/**
 * stw_csv_import_set_format:
 *
 * Reads the preview again with another delimiter or encoding; the column
 * meanings are guessed again from the new header.
 */
gboolean
stw_csv_import_set_format (StwCsvImport        *self,
                           const StwCsvFormat  *format,
                           GError             **error)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), FALSE);

  self->format = *format;
  return read_preview (self, NULL, error);
}

/**
 * stw_csv_import_get_header:
 *
 * Returns: (transfer none) (nullable): the header's fields
 */
GPtrArray *
stw_csv_import_get_header (StwCsvImport *self)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), NULL);
  return self->header;
}

guint
stw_csv_import_get_n_preview (StwCsvImport *self)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), 0);
  return self->preview->len;
}

/**
 * stw_csv_import_get_preview:
 *
 * Returns: (transfer none): the fields of preview row @row
 */
GPtrArray *
stw_csv_import_get_preview (StwCsvImport *self,
                            guint         row)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->preview->len, NULL);
  return self->preview->pdata[row];
}

const StwAssetCsvMapping *
stw_csv_import_get_mapping (StwCsvImport *self)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), NULL);
  return &self->mapping;
}

/**
 * stw_csv_import_set_target:
 * @target: an #StwAssetField, %STW_IMPORT_UUID, or %STW_ASSET_FIELD_NONE
 *   to ignore the column
 *
 * Says what file column @column holds. A field comes from one column
 * only: the column that held it before is ignored from now on.
 */
void
stw_csv_import_set_target (StwCsvImport *self,
                           guint         column,
                           int           target)
{
  g_return_if_fail (STW_IS_CSV_IMPORT (self));
  g_return_if_fail (target >= STW_ASSET_FIELD_NONE && target < STW_N_IMPORT_TARGETS);

  for (guint t = 1; t < STW_N_IMPORT_TARGETS; t++)
    if (self->mapping.columns[t] == (int)column)
      self->mapping.columns[t] = -1;

  if (target != STW_ASSET_FIELD_NONE)
    self->mapping.columns[target] = (int)column;
}

int
stw_csv_import_get_target (StwCsvImport *self,
                           guint         column)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), STW_ASSET_FIELD_NONE);

  for (guint t = 1; t < STW_N_IMPORT_TARGETS; t++)
    if (self->mapping.columns[t] == (int)column)
      return (int)t;

  return STW_ASSET_FIELD_NONE;
}

void
stw_csv_import_set_date_format (StwCsvImport  *self,
                                StwDateFormat  format)
{
  g_return_if_fail (STW_IS_CSV_IMPORT (self));
  self->mapping.date_format = format;
}

/**
 * stw_csv_import_check_mapping:
 *
 * An import needs at least the asset tag, which says which asset a row
 * is.
 */
gboolean
stw_csv_import_check_mapping (StwCsvImport  *self,
                              GError       **error)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), FALSE);

  if (self->mapping.columns[STW_ASSET_FIELD_TAG] < 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("Choose the column that holds the asset tag: it says which asset each "
                     "row is."));
      return FALSE;
    }

  return TRUE;
}

double
stw_csv_import_get_progress (StwCsvImport *self)
{
  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), 0.0);
  return self->progress;
}

/**
 * stw_csv_import_validate_async:
 *
 * Reads every row on a worker thread and lists the rows that could not
 * be imported, with their line and why. Nothing is written.
 */
void
stw_csv_import_validate_async (StwCsvImport        *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STW_IS_CSV_IMPORT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_csv_import_validate_async);

  if (!stw_csv_import_check_mapping (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->progress = 0.0;
  g_task_set_task_data (task, pass_new (self), pass_unref);
  g_task_run_in_thread (task, validate_thread);
}

/**
 * stw_csv_import_validate_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set when
 *   the file cannot be read at all
 */
StwImportReport *
stw_csv_import_validate_finish (StwCsvImport  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

StwImportReport *
stw_csv_import_validate_sync (StwCsvImport  *self,
                              GCancellable  *cancellable,
                              GError       **error)
{
  Pass *pass;
  StwImportReport *report = NULL;

  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), NULL);

  if (!stw_csv_import_check_mapping (self, error))
    return NULL;

  pass = pass_new (self);
  if (run_pass (pass, NULL, cancellable, error))
    report = g_steal_pointer (&pass->report);
  pass_unref (pass);

  return report;
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Pass *pass = g_task_get_task_data (task);
  GError *error = NULL;

  if (!stw_database_write_finish (STW_DATABASE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&pass->report),
                           (GDestroyNotify)stw_import_report_free);
}

static char *
describe_run (StwCsvImport *self)
{
  g_autofree char *name = g_file_get_basename (self->file);

  /* Translators: an undo step, “Undo Import “assets.csv”” */
  return g_strdup_printf (_("Import “%s”"), name);
}

/**
 * stw_csv_import_run_async:
 *
 * Imports every good row in one write, which is one undo step. Rows whose
 * tag the store has already update that asset.
 */
void
stw_csv_import_run_async (StwCsvImport        *self,
                          StwDatabase         *db,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GTask *task;
  Pass *pass;

  g_return_if_fail (STW_IS_CSV_IMPORT (self));
  g_return_if_fail (STW_IS_DATABASE (db));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_csv_import_run_async);

  if (!stw_csv_import_check_mapping (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  self->progress = 0.0;
  pass = pass_new (self);
  g_task_set_task_data (task, g_rc_box_acquire (pass), pass_unref);
  description = describe_run (self);
  stw_database_write_async (db, STW_ORIGIN_IMPORT, description, run_func, pass, pass_unref,
                            cancellable, run_cb, task);
}

StwImportReport *
stw_csv_import_run_finish (StwCsvImport  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

StwImportReport *
stw_csv_import_run_sync (StwCsvImport  *self,
                         StwDatabase   *db,
                         GError       **error)
{
  g_autofree char *description = NULL;
  StwImportReport *report = NULL;
  Pass *pass;

  g_return_val_if_fail (STW_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  if (!stw_csv_import_check_mapping (self, error))
    return NULL;

  pass = pass_new (self);
  description = describe_run (self);
  if (stw_database_write_sync (db, STW_ORIGIN_IMPORT, description, run_func, pass, NULL, error))
    report = g_steal_pointer (&pass->report);
  pass_unref (pass);

  return report;
}

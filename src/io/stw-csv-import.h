/* stw-csv-import.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "io/stw-asset-csv.h"
#include "io/stw-csv-reader.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

/* The problems listed one by one; past this only counted. */
#define STW_IMPORT_MAX_PROBLEMS 1000
#define STW_IMPORT_PREVIEW_ROWS 20

typedef struct
{
  guint  line;
  char  *message;
} StwImportProblem;

typedef struct
{
  guint64  n_rows;       /* rows after the header */
  guint64  n_good;       /* rows that can be (or were) imported */
  guint64  n_created;    /* after a run: new assets */
  guint64  n_updated;    /* after a run: assets whose tag existed */
  guint64  n_problems;   /* rows refused, listed or not */
  GArray  *problems;     /* StwImportProblem, at most STW_IMPORT_MAX_PROBLEMS */
} StwImportReport;

void stw_import_report_free (StwImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwImportReport, stw_import_report_free)

#define STW_TYPE_CSV_IMPORT (stw_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (StwCsvImport, stw_csv_import, STW, CSV_IMPORT, GObject)

StwCsvImport       *stw_csv_import_new             (GFile               *file);
GFile              *stw_csv_import_get_file        (StwCsvImport        *self);
gboolean            stw_csv_import_load            (StwCsvImport        *self,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
const StwCsvFormat *stw_csv_import_get_format      (StwCsvImport        *self);
gboolean            stw_csv_import_set_format      (StwCsvImport        *self,
                                                    const StwCsvFormat  *format,
                                                    GError             **error);
GPtrArray          *stw_csv_import_get_header      (StwCsvImport        *self);
guint               stw_csv_import_get_n_preview   (StwCsvImport        *self);
GPtrArray          *stw_csv_import_get_preview     (StwCsvImport        *self,
                                                    guint                row);
const StwAssetCsvMapping *stw_csv_import_get_mapping (StwCsvImport      *self);
void                stw_csv_import_set_target      (StwCsvImport        *self,
                                                    guint                column,
                                                    int                  target);
int                 stw_csv_import_get_target      (StwCsvImport        *self,
                                                    guint                column);
void                stw_csv_import_set_date_format (StwCsvImport        *self,
                                                    StwDateFormat        format);
gboolean            stw_csv_import_check_mapping   (StwCsvImport        *self,
                                                    GError             **error);
double              stw_csv_import_get_progress    (StwCsvImport        *self);

void                stw_csv_import_validate_async  (StwCsvImport        *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
StwImportReport    *stw_csv_import_validate_finish (StwCsvImport        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void                stw_csv_import_run_async       (StwCsvImport        *self,
                                                    StwDatabase         *db,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
StwImportReport    *stw_csv_import_run_finish      (StwCsvImport        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* For the command line: the same, waiting. */
StwImportReport    *stw_csv_import_validate_sync   (StwCsvImport        *self,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
StwImportReport    *stw_csv_import_run_sync        (StwCsvImport        *self,
                                                    StwDatabase         *db,
                                                    GError             **error);

G_END_DECLS

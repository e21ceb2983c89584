/* stw-csv-reader.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STW_CSV_ERROR (stw_csv_error_quark ())

typedef enum
{
  STW_CSV_ERROR_EMPTY,           /* no bytes at all */
  STW_CSV_ERROR_BINARY,          /* not text */
  STW_CSV_ERROR_UNTERMINATED,    /* a quoted field never ends */
  STW_CSV_ERROR_NO_ROWS,         /* a header and nothing else */
  STW_CSV_ERROR_ENCODING,        /* text that is not in the chosen encoding */
  STW_CSV_ERROR_QUOTE,           /* a quote where none may be */
} StwCsvError;

typedef enum
{
  STW_CSV_ENCODING_UTF8,
  STW_CSV_ENCODING_WINDOWS_1252,
} StwCsvEncoding;

typedef struct
{
  char            delimiter;     /* ',', ';' or '\t' */
  StwCsvEncoding  encoding;
  gboolean        has_bom;
} StwCsvFormat;

typedef struct _StwCsvReader StwCsvReader;

GQuark        stw_csv_error_quark         (void);
gboolean      stw_csv_format_sniff        (const char      *data,
                                           gsize            length,
                                           StwCsvFormat    *format,
                                           GError         **error);
const char   *stw_csv_encoding_to_string  (StwCsvEncoding   encoding);

StwCsvReader *stw_csv_reader_new          (GInputStream    *stream,
                                           const StwCsvFormat *format);
void          stw_csv_reader_free         (StwCsvReader    *self);
gboolean      stw_csv_reader_next         (StwCsvReader    *self,
                                           GPtrArray      **record,
                                           guint           *line,
                                           GCancellable    *cancellable,
                                           GError         **error);
guint64       stw_csv_reader_get_position (StwCsvReader    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwCsvReader, stw_csv_reader_free)

G_END_DECLS

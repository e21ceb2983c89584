/* stw-csv-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-csv-reader"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "stw-csv-reader.h"

/*
 * Reads CSV records from a stream, one at a time, with the line each
 * starts on. Parsing is libcsv's (quoting with embedded delimiters, quotes
 * and newlines); this file adds streaming, text encodings, a byte order
 * mark, and line numbers for messages. The file is never held in memory:
 * a buffer of READ_SIZE and the record being read are.
 */

#define READ_SIZE (64 * 1024)

typedef struct
{
  guint      line;
  GPtrArray *fields;
} Record;

struct _StwCsvReader
{
  GInputStream       *stream;
  StwCsvFormat        format;
  struct csv_parser   parser;
  GIConv              iconv;

  char               *buffer;
  gsize               buffer_start;
  gsize               buffer_end;
  gboolean            eof;
  gboolean            finished;
  gboolean            skipped_bom;
  guint64             position;

  guint               line;          /* the physical line being fed */
  guint               record_line;   /* where the current record began */
  gboolean            record_begun;  /* the parser is inside a record */
  GPtrArray          *fields;
  GQueue              records;
};

G_DEFINE_QUARK (stw-csv-error-quark, stw_csv_error)

/* ------------------------------------------------------------------------ */

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->fields);
  g_free (record);
}

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  StwCsvReader *self = user_data;

  g_ptr_array_add (self->fields, g_strndup (data != NULL ? data : "", length));
}

static void
record_cb (int   terminator,
           void *user_data)
{
  StwCsvReader *self = user_data;
  Record *record;

  /* libcsv does not report blank lines; a record has at least one field. */
  if (self->fields->len == 0)
    return;

  record = g_new0 (Record, 1);
  record->line = self->record_line;
  record->fields = g_steal_pointer (&self->fields);
  g_queue_push_tail (&self->records, record);

  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->record_begun = FALSE;
}

static void
reset_parser (StwCsvReader *self)
{
  csv_free (&self->parser);
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_delim (&self->parser, (unsigned char)self->format.delimiter);

  g_ptr_array_set_size (self->fields, 0);
  self->record_begun = FALSE;
}

/* Whether libcsv skips @data as it skips the space between records:
 * spaces, tabs (unless they delimit) and line ends. */
static gboolean
is_blank (const char *data,
          gsize       length,
          char        delimiter)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != '\r' && data[i] != '\n' && (data[i] != ' ' || delimiter == ' ') &&
        (data[i] != '\t' || delimiter == '\t'))
      return FALSE;

  return TRUE;
}

/* How many bytes at the end of @data start a UTF-8 character that the
 * next read completes. */
static gsize
cut_character_length (const char *data,
                      gsize       length)
{
  for (gsize back = 1; back <= MIN (length, 4); back++)
    {
      guchar c = data[length - back];
      gsize needed;

      if ((c & 0xC0) == 0x80)
        continue;

      if (c >= 0xF0)
        needed = 4;
      else if (c >= 0xE0)
        needed = 3;
      else if (c >= 0xC0)
        needed = 2;
      else
        needed = 1;

      return needed > back ? back : 0;
    }

  return 0;
}

/* Where the line that starts @data ends: after “\n”, “\r\n” or a lone
 * “\r” (as old Mac spreadsheets write). Returns 0 when the line goes on
 * past what is in the buffer. */
static gsize
find_line_end (const char *data,
               gsize       length,
               gboolean    eof)
{
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\n')
        return i + 1;

      if (data[i] == '\r')
        {
          if (i + 1 < length)
            return data[i + 1] == '\n' ? i + 2 : i + 1;
          return eof ? i + 1 : 0;
        }
    }

  return 0;
}

/* Feeds one physical line (with its newline) to the parser. */
static gboolean
feed_line (StwCsvReader  *self,
           const char    *data,
           gsize          length,
           GError       **error)
{
  g_autofree char *converted = NULL;
  gsize parsed;

  if (self->format.encoding == STW_CSV_ENCODING_WINDOWS_1252)
    {
      gsize written = 0;

      converted = g_convert_with_iconv (data, length, self->iconv, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_ENCODING,
                       _("Line %u has bytes that are not Windows-1252 text."), self->line);
          return FALSE;
        }
      data = converted;
      length = written;
    }
  else if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text. Choose the file’s encoding "
                     "(for example Windows-1252) and try again."),
                   self->line);
      return FALSE;
    }

  /* A record starts on the first line that is not blank outside one:
   * its first field may well span lines. */
  if (!self->record_begun && !is_blank (data, length, self->format.delimiter))
    {
      self->record_begun = TRUE;
      self->record_line = self->line;
    }

  parsed = csv_parse (&self->parser, data, length, field_cb, record_cb, self);
  if (parsed != length)
    {
      /* A quote where strict CSV allows none: drop this record, say
       * where, and go on with the next line. */
      guint line = self->record_line;
      GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
      Record *record = g_new0 (Record, 1);

      reset_parser (self);
      record->line = line;
      record->fields = fields;
      g_ptr_array_add (fields, NULL); /* marks a record that could not be read */
      g_queue_push_tail (&self->records, record);
    }

  return TRUE;
}

static gboolean
fill (StwCsvReader  *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n_read;

  /* A memory stream, say, does not look at the cancellable itself. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->buffer_start > 0)
    {
      memmove (self->buffer, self->buffer + self->buffer_start,
               self->buffer_end - self->buffer_start);
      self->buffer_end -= self->buffer_start;
      self->buffer_start = 0;
    }

  n_read = g_input_stream_read (self->stream, self->buffer + self->buffer_end,
                                READ_SIZE - self->buffer_end, cancellable, error);
  if (n_read < 0)
    return FALSE;

  if (n_read == 0)
    self->eof = TRUE;

  self->buffer_end += n_read;

  if (!self->skipped_bom && self->buffer_end >= 3)
    {
      self->skipped_bom = TRUE;
      if (memcmp (self->buffer, "\xEF\xBB\xBF", 3) == 0)
        {
          self->buffer_start = 3;
          self->position += 3;
        }
    }

  return TRUE;
}

/* Feeds complete lines until a record is ready or the input ends. */
static gboolean
advance (StwCsvReader  *self,
         GCancellable  *cancellable,
         GError       **error)
{
  while (g_queue_is_empty (&self->records) && !self->finished)
    {
      const char *start = self->buffer + self->buffer_start;
      gsize available = self->buffer_end - self->buffer_start;
      gsize length = find_line_end (start, available, self->eof);
      gboolean whole_line = length > 0;

      if (!whole_line && !self->eof && available < READ_SIZE)
        {
          if (!fill (self, cancellable, error))
            return FALSE;
          continue;
        }

      if (!whole_line)
        {
          /* The last line, or part of a line longer than the buffer: the
           * part ends between characters, not inside one. */
          length = available;
          if (!self->eof && self->format.encoding == STW_CSV_ENCODING_UTF8)
            length -= cut_character_length (start, available);
        }

      if (length > 0)
        {
          if (!feed_line (self, start, length, error))
            return FALSE;
          self->buffer_start += length;
          self->position += length;
          if (whole_line)
            self->line++;
        }

      if (self->eof && self->buffer_start == self->buffer_end)
        {
          self->finished = TRUE;
          if (csv_fini (&self->parser, field_cb, record_cb, self) != 0)
            {
              g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_UNTERMINATED,
                           _("The quoted field that starts on line %u is never closed."),
                           self->record_line);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Whether @data, @length bytes to the end of a sample, is the start of a
 * UTF-8 character that the sample cut off. */
static gboolean
is_cut_character (const char *data,
                  gsize       length)
{
  guchar lead = data[0];
  gsize needed;

  if (lead >= 0xC2 && lead <= 0xDF)
    needed = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    needed = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    needed = 4;
  else
    return FALSE;

  if (length >= needed)
    return FALSE;

  for (gsize i = 1; i < length; i++)
    if (((guchar)data[i] & 0xC0) != 0x80)
      return FALSE;

  return TRUE;
}

/* UTF-16 without a byte order mark: text in it has a zero byte in every
 * other place, and binary files do not. */
static gboolean
looks_like_utf16 (const char *data,
                  gsize       length)
{
  gsize zeros[2] = { 0, 0 };
  gsize n = MIN (length, 1024) & ~(gsize)1;

  if (n < 4)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (data[i] == '\0')
      zeros[i % 2]++;

  return (zeros[0] == 0 && zeros[1] * 10 >= n / 2 * 9) ||
         (zeros[1] == 0 && zeros[0] * 10 >= n / 2 * 9);
}

/* ------------------------------------------------------------------------ */

/**
 * stw_csv_format_sniff:
 * @data: the start of the file, at least its first lines
 *
 * Guesses the encoding (UTF-8, with or without a byte order mark, or else
 * Windows-1252, which covers Latin-1) and the delimiter (the one of
 * comma, semicolon and tab that splits the first lines most evenly, and
 * into the most fields).
 */
gboolean
stw_csv_format_sniff (const char    *data,
                      gsize          length,
                      StwCsvFormat  *format,
                      GError       **error)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint best_score = 0, best_count = 0;
  const char *end;

  g_return_val_if_fail (format != NULL, FALSE);

  format->delimiter = ',';
  format->encoding = STW_CSV_ENCODING_UTF8;
  format->has_bom = FALSE;

  if (length == 0)
    {
      g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_EMPTY, _("The file is empty."));
      return FALSE;
    }

  if ((length >= 2 && ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE) &&
       ((guchar)data[1] == 0xFE || (guchar)data[1] == 0xFF)) ||
      looks_like_utf16 (data, length))
    {
      g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_ENCODING,
                   _("The file is saved as UTF-16. Save it as CSV in UTF-8 and try again."));
      return FALSE;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, STW_CSV_ERROR, STW_CSV_ERROR_BINARY,
                   _("The file is not a CSV text file: it contains binary data."));
      return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    format->has_bom = TRUE;

  /* A sample may end in the middle of a character; any other byte that
   * is not UTF-8 means the file is not. */
  if (!g_utf8_validate_len (data, length, &end) && !is_cut_character (end, length - (end - data)))
    format->encoding = STW_CSV_ENCODING_WINDOWS_1252;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint counts[20] = { 0 };
      guint n_lines = 0, score = 0;
      gboolean quoted = FALSE;

      for (gsize i = 0; i < length && n_lines < G_N_ELEMENTS (counts); i++)
        {
          if (data[i] == '"')
            quoted = !quoted;
          else if (!quoted && data[i] == candidates[c])
            counts[n_lines]++;
          else if (!quoted && (data[i] == '\n' ||
                               (data[i] == '\r' && (i + 1 == length || data[i + 1] != '\n'))))
            n_lines++;
        }

      /* Lines split like the header score; a delimiter absent from the
       * header scores nothing. */
      for (guint l = 0; l < MIN (n_lines + 1, G_N_ELEMENTS (counts)); l++)
        if (counts[0] > 0 && counts[l] == counts[0])
          score++;

      /* Between two that split every line alike, the one that splits
       * it into more fields: “tag;name, model;notes” is three fields. */
      if (score > best_score || (score == best_score && score > 0 && counts[0] > best_count))
        {
          best_score = score;
          best_count = counts[0];
          format->delimiter = candidates[c];
        }
    }

  return TRUE;
}

const char *
stw_csv_encoding_to_string (StwCsvEncoding encoding)
{
  return encoding == STW_CSV_ENCODING_WINDOWS_1252 ? "WINDOWS-1252" : "UTF-8";
}

/**
 * stw_csv_reader_new:
 * @stream: the file, from its first byte
 */
StwCsvReader *
stw_csv_reader_new (GInputStream       *stream,
                    const StwCsvFormat *format)
{
  StwCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  self = g_new0 (StwCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->format = *format;
  self->buffer = g_malloc (READ_SIZE);
  self->line = 1;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->iconv = (GIConv)-1;
  g_queue_init (&self->records);

  if (format->encoding == STW_CSV_ENCODING_WINDOWS_1252)
    self->iconv = g_iconv_open ("UTF-8", "WINDOWS-1252");

  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_delim (&self->parser, (unsigned char)format->delimiter);

  return self;
}

void
stw_csv_reader_free (StwCsvReader *self)
{
  if (self == NULL)
    return;

  csv_free (&self->parser);
  if (self->iconv != (GIConv)-1)
    g_iconv_close (self->iconv);
  g_queue_clear_full (&self->records, (GDestroyNotify)record_free);
  g_ptr_array_unref (self->fields);
  g_object_unref (self->stream);
  g_free (self->buffer);
  g_free (self);
}

/**
 * stw_csv_reader_next:
 * @record: (out) (transfer full): the fields, as UTF-8 strings. A record
 *   that could not be read (a stray quote) has one NULL field.
 * @line: (out): the line the record starts on, from 1
 *
 * Returns: %TRUE with a record; %FALSE at the end (no error) or on an
 *   error that stops reading
 */
gboolean
stw_csv_reader_next (StwCsvReader  *self,
                     GPtrArray    **record,
                     guint         *line,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Record *next;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  *record = NULL;

  if (!advance (self, cancellable, error))
    return FALSE;

  next = g_queue_pop_head (&self->records);
  if (next == NULL)
    return FALSE;

  *record = g_steal_pointer (&next->fields);
  if (line != NULL)
    *line = next->line;
  g_free (next);

  return TRUE;
}

/* How many bytes of the file have been read, for progress. */
guint64
stw_csv_reader_get_position (StwCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->position;
}

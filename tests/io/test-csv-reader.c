/* test-csv-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-io-util.h"

/* What the import reads before it guesses a file's format. */
#define SNIFF_SIZE (64 * 1024)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static StwCsvFormat
sniff (const char *data,
       gssize      length)
{
  g_autoptr(GError) error = NULL;
  StwCsvFormat format;
  gsize n = length < 0 ? strlen (data) : (gsize)length;

  g_assert_true (stw_csv_format_sniff (data, MIN (n, SNIFF_SIZE), &format, &error));
  g_assert_no_error (error);
  return format;
}

/* Reads every record of @data with @format, as the import does, into
 * "line: [field][field]" lines; a record that could not be read shows as
 * "line: unreadable". Stops at the first error, which goes to @error. */
static char *
read_records (const char         *data,
              gssize              length,
              const StwCsvFormat *format,
              GError            **error)
{
  gsize n = length < 0 ? strlen (data) : (gsize)length;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, n, NULL);
  g_autoptr(StwCsvReader) reader = stw_csv_reader_new (stream, format);
  GString *out = g_string_new (NULL);
  GPtrArray *record = NULL;
  guint line = 0;

  while (stw_csv_reader_next (reader, &record, &line, NULL, error))
    {
      g_autoptr(GPtrArray) owned = record;

      g_string_append_printf (out, "%u:", line);
      if (owned->len == 1 && owned->pdata[0] == NULL)
        g_string_append (out, " unreadable");
      else
        for (guint i = 0; i < owned->len; i++)
          g_string_append_printf (out, " [%s]", (char *)owned->pdata[i]);
      g_string_append_c (out, '\n');
    }

  /* The end of the input is only reached once. */
  if (error == NULL || *error == NULL)
    {
      g_assert_false (stw_csv_reader_next (reader, &record, &line, NULL, NULL));
      g_assert_null (record);
      g_assert_cmpuint (stw_csv_reader_get_position (reader), ==, n);
    }

  return g_string_free (out, FALSE);
}

/* Sniffs @data, then reads it all; the test fails on any error. */
static char *
sniff_and_read (const char *data,
                gssize      length)
{
  g_autoptr(GError) error = NULL;
  StwCsvFormat format = sniff (data, length);
  char *records = read_records (data, length, &format, &error);

  g_assert_no_error (error);
  return records;
}

/* ------------------------------------------------------------------------ */
/* Sniffing                                                                 */
/* ------------------------------------------------------------------------ */

static void
test_sniff_comma (void)
{
  const char *data = "tag,name,cost\nLT-1,Laptop,1299.50\nLT-2,\"Dock; USB-C\",99\n";
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (format.delimiter, ==, ',');
  g_assert_cmpint (format.encoding, ==, STW_CSV_ENCODING_UTF8);
  g_assert_false (format.has_bom);

  records = sniff_and_read (data, -1);
  g_assert_cmpstr (records, ==,
                   "1: [tag] [name] [cost]\n"
                   "2: [LT-1] [Laptop] [1299.50]\n"
                   "3: [LT-2] [Dock; USB-C] [99]\n");
}

static void
test_sniff_semicolon (void)
{
  /* As a German spreadsheet writes it: decimal commas everywhere. */
  const char *data = "Inventarnummer;Name;Preis\nLT-1;Laptop;1299,50\nLT-2;Dock, USB-C;99,00\n";
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (format.delimiter, ==, ';');

  records = sniff_and_read (data, -1);
  g_assert_cmpstr (records, ==,
                   "1: [Inventarnummer] [Name] [Preis]\n"
                   "2: [LT-1] [Laptop] [1299,50]\n"
                   "3: [LT-2] [Dock, USB-C] [99,00]\n");
}

static void
test_sniff_tab (void)
{
  const char *data = "tag\tname\tnotes\nLT-1\tLaptop\tfast, light; new\nLT-2\tDock\t\n";
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (format.delimiter, ==, '\t');

  records = sniff_and_read (data, -1);
  g_assert_cmpstr (records, ==,
                   "1: [tag] [name] [notes]\n"
                   "2: [LT-1] [Laptop] [fast, light; new]\n"
                   "3: [LT-2] [Dock] []\n");
}

static void
test_sniff_tie (void)
{
  /* Every line has one comma and two semicolons: both split it evenly,
   * semicolons into more fields. */
  const char *data = "tag;name, model;notes\nA1;X1, Lenovo;new\nA2;T14, Lenovo;old\n";
  StwCsvFormat format = sniff (data, -1);

  g_assert_cmpint (format.delimiter, ==, ';');
}

static void
test_sniff_quoted_delimiters (void)
{
  /* More commas inside quotes than semicolons outside them. */
  const char *data = "tag;notes\nA1;\"a, b, c, d\"\nA2;\"e, f, g\"\n";
  StwCsvFormat format = sniff (data, -1);

  g_assert_cmpint (format.delimiter, ==, ';');
}

/* ------------------------------------------------------------------------ */
/* Quoting and lines                                                        */
/* ------------------------------------------------------------------------ */

static void
test_quoting (void)
{
  const char *data =
    "tag,notes,cost\n"
    "A1,\"one, two\",1\n"
    "A2,\"say \"\"hi\"\"\",2\n"
    "A3,\"first line\n"
    "second line\n"
    "third line\",3\n"
    "A4,plain,4\n";
  g_autofree char *records = sniff_and_read (data, -1);

  /* A record's line is where it starts; the lines inside a quoted field
   * still count. */
  g_assert_cmpstr (records, ==,
                   "1: [tag] [notes] [cost]\n"
                   "2: [A1] [one, two] [1]\n"
                   "3: [A2] [say \"hi\"] [2]\n"
                   "4: [A3] [first line\nsecond line\nthird line] [3]\n"
                   "7: [A4] [plain] [4]\n");
}

static void
test_multiline_first_field (void)
{
  /* The first field of a record spans lines: the record still starts on
   * the line of its opening quote. */
  const char *data =
    "notes,tag\n"
    "\"one\n"
    "two\",A1\n"
    "\"three\",A2\n";
  g_autofree char *records = sniff_and_read (data, -1);

  g_assert_cmpstr (records, ==,
                   "1: [notes] [tag]\n"
                   "2: [one\ntwo] [A1]\n"
                   "4: [three] [A2]\n");
}

static void
test_crlf (void)
{
  const char *data = "tag,notes\r\nA1,x\r\nA2,\"multi\r\nline\"\r\nA3,y\r\n";
  g_autofree char *records = sniff_and_read (data, -1);

  g_assert_cmpstr (records, ==,
                   "1: [tag] [notes]\n"
                   "2: [A1] [x]\n"
                   "3: [A2] [multi\r\nline]\n"
                   "5: [A3] [y]\n");
}

static void
test_cr_only (void)
{
  /* As “CSV (Macintosh)” from an old Excel: lines end in a lone CR. */
  const char *data = "tag;name\rA1;x, y\r\rA2;\"two\rlines\"\rA3;z\r";
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (format.delimiter, ==, ';');
  records = sniff_and_read (data, -1);
  g_assert_cmpstr (records, ==,
                   "1: [tag] [name]\n"
                   "2: [A1] [x, y]\n"
                   "4: [A2] [two\rlines]\n"
                   "6: [A3] [z]\n");
}

static void
test_no_final_newline (void)
{
  g_autofree char *records = sniff_and_read ("tag,name\nA1,last", -1);

  g_assert_cmpstr (records, ==, "1: [tag] [name]\n2: [A1] [last]\n");
}

static void
test_blank_lines (void)
{
  const char *data = "tag,name\n\n\nA1,x\r\n\r\n  \nA2,y\n\n";
  g_autofree char *records = sniff_and_read (data, -1);

  g_assert_cmpstr (records, ==, "1: [tag] [name]\n4: [A1] [x]\n7: [A2] [y]\n");
}

static void
test_bom (void)
{
  const char *data = "\xEF\xBB\xBFtag,name\nA1,Caf\xC3\xA9\n";
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = NULL;

  g_assert_true (format.has_bom);
  g_assert_cmpint (format.encoding, ==, STW_CSV_ENCODING_UTF8);
  g_assert_cmpint (format.delimiter, ==, ',');

  /* The mark is not part of the first header. */
  records = sniff_and_read (data, -1);
  g_assert_cmpstr (records, ==, "1: [tag] [name]\n2: [A1] [Café]\n");
}

/* ------------------------------------------------------------------------ */
/* Encodings and files that are not CSV                                     */
/* ------------------------------------------------------------------------ */

static void
test_windows_1252 (void)
{
  /* é, €, ü and “ ” as Windows-1252 bytes. */
  const char *data = "tag,name,notes\nA1,Caf\xE9,\x80 12\nA2,M\xFCller,\x93quoted\x94\n";
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (format.encoding, ==, STW_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (stw_csv_encoding_to_string (format.encoding), ==, "WINDOWS-1252");

  records = sniff_and_read (data, -1);
  g_assert_true (g_utf8_validate (records, -1, NULL));
  g_assert_cmpstr (records, ==,
                   "1: [tag] [name] [notes]\n"
                   "2: [A1] [Café] [€ 12]\n"
                   "3: [A2] [Müller] [“quoted”]\n");
}

static void
test_windows_1252_at_end (void)
{
  /* The only byte that is not UTF-8 is near the end of a short file:
   * it is not a character cut off by the end of a sample. */
  const char *data = "tag,name\nA1,Caf\xE9\n";
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = NULL;

  g_assert_cmpint (format.encoding, ==, STW_CSV_ENCODING_WINDOWS_1252);
  records = sniff_and_read (data, -1);
  g_assert_cmpstr (records, ==, "1: [tag] [name]\n2: [A1] [Café]\n");
}

static void
test_sample_cut_in_character (void)
{
  g_autoptr(GString) data = g_string_new ("tag,name\n");
  StwCsvFormat format;

  /* A UTF-8 file whose sample ends inside “é” is still UTF-8. */
  while (data->len < SNIFF_SIZE - 1)
    g_string_append (data, "A1,Caf\xC3\xA9\n");
  g_string_truncate (data, SNIFF_SIZE);
  g_assert_cmpint ((guchar)data->str[SNIFF_SIZE - 1], ==, 0xC3);

  format = sniff (data->str, data->len);
  g_assert_cmpint (format.encoding, ==, STW_CSV_ENCODING_UTF8);
}

static void
test_invalid_utf8_later (void)
{
  g_autoptr(GString) data = g_string_new ("tag,name\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *records = NULL;
  StwCsvFormat format;
  guint bad_line;

  /* Plain ASCII well past what the sniffer reads, then a Latin-1 row. */
  for (guint i = 0; data->len < 2 * SNIFF_SIZE; i++)
    g_string_append_printf (data, "T-%05u,Laptop %u\n", i, i);
  bad_line = 0;
  for (const char *p = data->str; *p; p++)
    bad_line += *p == '\n';
  bad_line++;
  g_string_append (data, "T-99999,Caf\xE9\nT-99998,after\n");

  format = sniff (data->str, data->len);
  g_assert_cmpint (format.encoding, ==, STW_CSV_ENCODING_UTF8);

  records = read_records (data->str, data->len, &format, &error);
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_ENCODING);
  {
    g_autofree char *expected = g_strdup_printf ("Line %u ", bad_line);

    g_assert_nonnull (strstr (error->message, expected));
    g_assert_nonnull (strstr (error->message, "Windows-1252"));
  }
  /* Every line before it was read. */
  {
    g_autofree char *last = g_strdup_printf ("%u: [T-%05u] [Laptop %u]\n",
                                             bad_line - 1, bad_line - 3, bad_line - 3);

    g_assert_true (g_str_has_suffix (records, last));
  }
}

static void
test_binary (void)
{
  static const char zip[] = "PK\x03\x04\x14\0\0\0\x08\0tag,name\n";
  g_autoptr(GError) error = NULL;
  StwCsvFormat format;

  g_assert_false (stw_csv_format_sniff (zip, sizeof zip - 1, &format, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "binary"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  StwCsvFormat format;

  g_assert_false (stw_csv_format_sniff ("", 0, &format, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_EMPTY);
}

static void
test_utf16 (void)
{
  /* “tag,name\n” as Windows' “Unicode text” writes it, then big-endian. */
  static const char le[] = "\xFF\xFEt\0a\0g\0,\0n\0a\0m\0e\0\n\0";
  static const char be[] = "\xFE\xFF\0t\0a\0g\0,\0n\0a\0m\0e\0\n";
  g_autoptr(GError) error = NULL;
  StwCsvFormat format;

  g_assert_false (stw_csv_format_sniff (le, sizeof le - 1, &format, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  g_assert_false (stw_csv_format_sniff (be, sizeof be - 1, &format, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  /* Without a byte order mark, the zero bytes give it away. */
  g_assert_false (stw_csv_format_sniff (le + 2, sizeof le - 3, &format, &error));
  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

/* ------------------------------------------------------------------------ */
/* Broken quoting                                                           */
/* ------------------------------------------------------------------------ */

static void
test_unterminated (void)
{
  const char *data = "tag,notes\nA1,fine\nA2,\"never closed\nmore\nand more\n";
  g_autoptr(GError) error = NULL;
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = read_records (data, -1, &format, &error);

  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_UNTERMINATED);
  g_assert_nonnull (strstr (error->message, "line 3 "));
  g_assert_cmpstr (records, ==, "1: [tag] [notes]\n2: [A1] [fine]\n");
}

static void
test_unterminated_first_field (void)
{
  const char *data = "notes,tag\nfine,A1\n\n\"never closed,A2\nmore\n";
  g_autoptr(GError) error = NULL;
  StwCsvFormat format = sniff (data, -1);
  g_autofree char *records = read_records (data, -1, &format, &error);

  g_assert_error (error, STW_CSV_ERROR, STW_CSV_ERROR_UNTERMINATED);
  g_assert_nonnull (strstr (error->message, "line 4 "));
  g_assert_cmpstr (records, ==, "1: [notes] [tag]\n2: [fine] [A1]\n");
}

static void
test_stray_quote (void)
{
  const char *data =
    "tag,notes\n"
    "A1,a 15\" screen\n"
    "A2,fine\n"
    "\"A3\"x,after a closing quote\n"
    "A4,\"multi\n"
    "line\" oops\n"
    "A5,last\n";
  g_autofree char *records = sniff_and_read (data, -1);

  /* Each broken record is one unreadable record at the line it starts
   * on, and reading goes on with the next line. */
  g_assert_cmpstr (records, ==,
                   "1: [tag] [notes]\n"
                   "2: unreadable\n"
                   "3: [A2] [fine]\n"
                   "4: unreadable\n"
                   "5: unreadable\n"
                   "7: [A5] [last]\n");
}

/* ------------------------------------------------------------------------ */
/* Size                                                                     */
/* ------------------------------------------------------------------------ */

static void
test_long_line (void)
{
  g_autoptr(GString) data = g_string_new ("tag,notes\nA1,");
  g_autofree char *records = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *notes = NULL;
  gsize notes_start;

  /* 200 KiB on one line, in two-byte characters, so that buffer edges
   * fall inside characters. */
  notes_start = data->len;
  while (data->len - notes_start < 200 * 1024)
    g_string_append (data, "\xC3\xA9");
  notes = g_strndup (data->str + notes_start, data->len - notes_start);
  g_string_append (data, "\nA2,after\n");

  records = sniff_and_read (data->str, data->len);
  expected = g_strdup_printf ("1: [tag] [notes]\n2: [A1] [%s]\n3: [A2] [after]\n", notes);
  g_assert_true (g_str_equal (records, expected));

  /* And the same line, odd-aligned and quoted. */
  g_string_insert_c (data, notes_start, '"');
  g_string_insert (data, data->len - strlen ("\nA2,after\n"), "x\"");
  g_clear_pointer (&records, g_free);
  records = sniff_and_read (data->str, data->len);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("1: [tag] [notes]\n2: [A1] [%sx]\n3: [A2] [after]\n", notes);
  g_assert_true (g_str_equal (records, expected));
}

static void
test_cancel (void)
{
  const char *data = "tag,name\nA1,x\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, -1, NULL);
  StwCsvFormat format = sniff (data, -1);
  g_autoptr(StwCsvReader) reader = stw_csv_reader_new (stream, &format);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *record = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (stw_csv_reader_next (reader, &record, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (record);
}

static void
test_bounded_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steward-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(StwCsvReader) reader = NULL;
  g_autoptr(GString) block = g_string_new (NULL);
  StwCsvFormat format;
  GPtrArray *record = NULL;
  FILE *out;
  gsize written = 0, before, peak = 0;
  guint64 n_records = 0, expected_records = 0;
  guint line = 0;

  g_assert_no_error (error);

  /* 50 MB of rows, each with a quoted field of several lines. */
  out = fopen (path, "wb");
  g_assert_nonnull (out);
  fputs ("tag,name,notes\n", out);
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (block, "T-%03u,Laptop %u,\"first, line\nsecond \"\"line\"\"\"\n", i, i);
  while (written < 50 * 1000 * 1000)
    {
      g_assert_cmpuint (fwrite (block->str, 1, block->len, out), ==, block->len);
      written += block->len;
      expected_records += 100;
    }
  fclose (out);

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  format = (StwCsvFormat) { ',', STW_CSV_ENCODING_UTF8, FALSE };
  reader = stw_csv_reader_new (G_INPUT_STREAM (stream), &format);

  before = resident_bytes ();
  while (stw_csv_reader_next (reader, &record, &line, NULL, &error))
    {
      g_autoptr(GPtrArray) owned = record;
      goffset read_so_far = g_seekable_tell (G_SEEKABLE (stream));

      g_assert_cmpuint (owned->len, ==, 3);
      n_records++;

      /* The reader is never more than its buffer ahead of the records
       * it has handed out. */
      g_assert_cmpint (read_so_far - (goffset)stw_csv_reader_get_position (reader), <=, 64 * 1024);

      if ((n_records & 0x3fff) == 0)
        peak = MAX (peak, resident_bytes ());
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, ==, expected_records + 1);
  g_assert_cmpuint (line, ==, 2 * expected_records);
  g_assert_cmpuint (stw_csv_reader_get_position (reader), ==,
                    written + strlen ("tag,name,notes\n"));

#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer keeps freed memory in quarantine: the resident set
   * says nothing here. The read-ahead check above still holds. */
  (void)before;
  (void)peak;
#else
  g_test_message ("Resident before %zu, peak while reading %zu", before, peak);
  g_assert_cmpuint (peak, <, before + 8 * 1024 * 1024);
#endif

  g_clear_object (&stream);
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/io/csv-reader/sniff-comma", test_sniff_comma);
  g_test_add_func ("/steward/io/csv-reader/sniff-semicolon", test_sniff_semicolon);
  g_test_add_func ("/steward/io/csv-reader/sniff-tab", test_sniff_tab);
  g_test_add_func ("/steward/io/csv-reader/sniff-tie", test_sniff_tie);
  g_test_add_func ("/steward/io/csv-reader/sniff-quoted-delimiters", test_sniff_quoted_delimiters);
  g_test_add_func ("/steward/io/csv-reader/quoting", test_quoting);
  g_test_add_func ("/steward/io/csv-reader/multiline-first-field", test_multiline_first_field);
  g_test_add_func ("/steward/io/csv-reader/crlf", test_crlf);
  g_test_add_func ("/steward/io/csv-reader/cr-only", test_cr_only);
  g_test_add_func ("/steward/io/csv-reader/no-final-newline", test_no_final_newline);
  g_test_add_func ("/steward/io/csv-reader/blank-lines", test_blank_lines);
  g_test_add_func ("/steward/io/csv-reader/bom", test_bom);
  g_test_add_func ("/steward/io/csv-reader/windows-1252", test_windows_1252);
  g_test_add_func ("/steward/io/csv-reader/windows-1252-at-end", test_windows_1252_at_end);
  g_test_add_func ("/steward/io/csv-reader/sample-cut-in-character", test_sample_cut_in_character);
  g_test_add_func ("/steward/io/csv-reader/invalid-utf8-later", test_invalid_utf8_later);
  g_test_add_func ("/steward/io/csv-reader/binary", test_binary);
  g_test_add_func ("/steward/io/csv-reader/empty", test_empty);
  g_test_add_func ("/steward/io/csv-reader/utf16", test_utf16);
  g_test_add_func ("/steward/io/csv-reader/unterminated", test_unterminated);
  g_test_add_func ("/steward/io/csv-reader/unterminated-first-field",
                   test_unterminated_first_field);
  g_test_add_func ("/steward/io/csv-reader/stray-quote", test_stray_quote);
  g_test_add_func ("/steward/io/csv-reader/long-line", test_long_line);
  g_test_add_func ("/steward/io/csv-reader/cancel", test_cancel);
  g_test_add_func ("/steward/io/csv-reader/bounded-memory", test_bounded_memory);

  return g_test_run ();
}

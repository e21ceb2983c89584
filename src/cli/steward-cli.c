/* steward-cli.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/stw-error.h"
#include "io/stw-asset-export.h"
#include "io/stw-csv-import.h"
#include "store/stw-database.h"
#include "store/stw-sample-data.h"
#include "store/stw-stats.h"
#include "stw-cli-private.h"

/*
 * Steward without a display, for scripts, cron jobs, tests and
 * benchmarks, over the same libraries as the application.
 *
 * Exit codes: 0 done; 1 failed, nothing changed; 2 wrong usage;
 * 3 imported, but some rows were refused (they are listed); for sync:
 * synced, but some changes were refused or are in conflict.
 */

static char *database_path;

const GOptionEntry global_options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
    N_("The database to use (default: $STEWARD_DATABASE, or steward.db in your data folder)"),
    N_("PATH") },
  { NULL }
};

/* ------------------------------------------------------------------------ */

int
fail (const char *what,
      GError     *error)
{
  g_printerr ("steward-cli: %s: %s\n", what, error->message);
  return EXIT_FAILED;
}

int
usage (GOptionContext *context,
       const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  if (message != NULL)
    g_printerr ("steward-cli: %s\n\n", message);
  g_printerr ("%s", help);
  return EXIT_USAGE;
}

StwDatabase *
open_database (GError **error)
{
  g_autofree char *path = database_path != NULL ? g_strdup (database_path)
                                                : stw_database_default_path ();

  return stw_database_open (path, error);
}

/* For the commands that only read: a mistyped path must not leave a new,
 * empty database behind that then checks as healthy. */
static StwDatabase *
open_existing_database (GError **error)
{
  g_autofree char *path = database_path != NULL ? g_strdup (database_path)
                                                : stw_database_default_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no database at “%s”."), path);
      return NULL;
    }

  return stw_database_open (path, error);
}

static gboolean
parse_choice (const char  *text,
              const char  *name,
              const char **choices,
              int         *value,
              GError     **error)
{
  for (int i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, choices[i]) == 0)
      {
        *value = i;
        return TRUE;
      }

  {
    g_autofree char *list = g_strjoinv (", ", (char **)choices);

    /* Translators: “Unknown encoding “utf-16”; use one of: utf-8, windows-1252.” */
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("Unknown %s “%s”; use one of: %s."), name, text, list);
  }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* import                                                                   */
/* ------------------------------------------------------------------------ */

static int
import_command (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — import assets from CSV"));
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(StwCsvImport) import = NULL;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *date_format = NULL;
  gboolean dry_run = FALSE;
  StwCsvFormat format;
  const GOptionEntry options[] = {
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      N_("The delimiter: comma, semicolon or tab (default: guessed)"), N_("DELIMITER") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("utf-8 or windows-1252 (default: guessed)"), N_("ENCODING") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &date_format,
      N_("iso (2026-12-31), dmy (31/12/2026) or mdy (12/31/2026) (default: guessed)"),
      N_("FORMAT") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only check the file and list the rows that would be refused"), NULL },
    { NULL }
  };
  static const char *delimiters[] = { "comma", "semicolon", "tab", NULL };
  static const char delimiter_chars[] = { ',', ';', '\t' };
  static const char *encodings[] = { "utf-8", "windows-1252", NULL };
  static const char *date_formats[] = { "iso", "dmy", "mdy", NULL };
  int delimiter_value = 0, encoding_value = 0, date_format_value = 0;

  g_option_context_add_main_entries (context, global_options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (context, error->message);
  if (argc != 2)
    return usage (context, _("Name one CSV file to import."));

  /* Wrong usage is said before any file is read. */
  if ((delimiter != NULL &&
       !parse_choice (delimiter, _("delimiter"), delimiters, &delimiter_value, &error)) ||
      (encoding != NULL &&
       !parse_choice (encoding, _("encoding"), encodings, &encoding_value, &error)) ||
      (date_format != NULL &&
       !parse_choice (date_format, _("date format"), date_formats, &date_format_value, &error)))
    return usage (context, error->message);

  file = g_file_new_for_commandline_arg (argv[1]);
  import = stw_csv_import_new (file);
  if (!stw_csv_import_load (import, NULL, &error))
    return fail (argv[1], error);

  format = *stw_csv_import_get_format (import);
  if (delimiter != NULL)
    format.delimiter = delimiter_chars[delimiter_value];
  if (encoding != NULL)
    format.encoding = encoding_value;
  if ((delimiter != NULL || encoding != NULL) &&
      !stw_csv_import_set_format (import, &format, &error))
    return fail (argv[1], error);
  if (date_format != NULL)
    stw_csv_import_set_date_format (import, date_format_value);

  if (dry_run)
    {
      report = stw_csv_import_validate_sync (import, NULL, &error);
    }
  else
    {
      db = open_database (&error);
      if (db == NULL)
        return fail (_("cannot open the database"), error);
      report = stw_csv_import_run_sync (import, db, &error);
    }

  if (report == NULL)
    return fail (argv[1], error);

  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("%s\n", g_array_index (report->problems, StwImportProblem, i).message);
  if (report->n_problems > report->problems->len)
    g_printerr (_("… and %llu more rows refused.\n"),
                (unsigned long long)(report->n_problems - report->problems->len));

  if (dry_run)
    g_print (_("%llu rows, %llu can be imported, %llu refused.\n"),
             (unsigned long long)report->n_rows, (unsigned long long)report->n_good,
             (unsigned long long)report->n_problems);
  else
    g_print (_("%llu assets added, %llu updated, %llu rows refused.\n"),
             (unsigned long long)report->n_created, (unsigned long long)report->n_updated,
             (unsigned long long)report->n_problems);

  /* Every row refused: nothing changed, which is a failure. */
  if (report->n_problems > 0 && report->n_good == 0)
    return EXIT_FAILED;

  return report->n_problems > 0 ? EXIT_PARTIAL : EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* export                                                                   */
/* ------------------------------------------------------------------------ */

static int
export_command (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— export assets as CSV or JSON"));
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(StwAssetQuery) query = NULL;
  g_autoptr(StwAssetExport) export = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *search = NULL;
  g_autofree char *status = NULL;
  g_autofree char *category = NULL;
  g_autofree char *sort = NULL;
  gboolean descending = FALSE;
  const GOptionEntry options[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("csv or json (default: csv)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE, replacing it only when done (default: standard output)"), N_("FILE") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Only assets matching TEXT"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only assets with this status (in-stock, deployed, in-repair, retired, lost)"),
      N_("STATUS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Only assets of this category (laptop, desktop, server, network, …)"), N_("CATEGORY") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort,
      N_("Sort by this column (name, tag, serial, purchase_date, …; default: name)"),
      N_("COLUMN") },
    { "descending", 0, 0, G_OPTION_ARG_NONE, &descending, N_("Sort from last to first"), NULL },
    { NULL }
  };
  static const char *formats[] = { "csv", "json", NULL };
  int format = STW_EXPORT_CSV;
  StwAssetStatus status_value = STW_ASSET_STATUS_IN_STOCK;
  StwAssetCategory category_value = STW_ASSET_CATEGORY_OTHER;
  StwAssetField sort_field = STW_ASSET_FIELD_NAME;
  gint64 n_rows;

  g_option_context_add_main_entries (context, global_options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (context, error->message);
  if (argc != 1)
    return usage (context, _("export takes no file name; use --output."));
  if (format_name != NULL && !parse_choice (format_name, _("format"), formats, &format, &error))
    return usage (context, error->message);

  if (status != NULL && !stw_asset_status_from_key (status, &status_value))
    return usage (context,
                  _("Unknown status; use in-stock, deployed, in-repair, retired or lost."));
  if (category != NULL && !stw_asset_category_from_key (category, &category_value))
    return usage (context, _("Unknown category; use laptop, desktop, server, network, monitor, "
                             "phone, printer, peripheral or other."));
  if (sort != NULL)
    {
      sort_field = stw_asset_field_from_column (sort);
      if (sort_field == STW_ASSET_FIELD_NONE && g_str_equal (sort, "location"))
        sort_field = STW_ASSET_FIELD_LOCATION;
      else if (sort_field == STW_ASSET_FIELD_NONE && g_str_equal (sort, "person"))
        sort_field = STW_ASSET_FIELD_PERSON;
      if (sort_field == STW_ASSET_FIELD_NONE)
        return usage (context, _("Unknown sort column."));
    }

  db = open_existing_database (&error);
  if (db == NULL)
    return fail (_("cannot open the database"), error);

  query = stw_asset_query_new (db);
  stw_asset_query_set_search (query, search);
  if (status != NULL)
    stw_asset_query_set_status (query, status_value);
  if (category != NULL)
    stw_asset_query_set_category (query, category_value);
  stw_asset_query_set_sort (query, sort_field,
                            descending ? STW_SORT_DESCENDING : STW_SORT_ASCENDING);

  export = stw_asset_export_new (query, format);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE,
                                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error));
      if (stream == NULL)
        return fail (output, error);
    }
  else
    {
      stream = g_unix_output_stream_new (1, FALSE);
    }

  n_rows = stw_asset_export_to_stream (export, stream, NULL, &error);
  if (n_rows < 0)
    {
      if (output != NULL)
        {
          /* Leave an existing file as it was. */
          g_autoptr(GCancellable) cancelled = g_cancellable_new ();

          g_cancellable_cancel (cancelled);
          g_output_stream_close (stream, cancelled, NULL);
        }
      return fail (_("export failed"), error);
    }

  if (!g_output_stream_close (stream, NULL, &error))
    return fail (output != NULL ? output : _("standard output"), error);

  if (output != NULL)
    g_print (_("%lld assets written to %s.\n"), (long long)n_rows, output);

  return EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* stats, check                                                             */
/* ------------------------------------------------------------------------ */

/*
 * The start of a command that takes no arguments: its options, then the
 * database (one that must exist already when @existing).
 *
 * Returns: the exit code to stop with, or -1 to go on with *@db
 */
static int
begin_command (int           argc,
               char        **argv,
               const char   *summary,
               const char   *no_arguments,
               gboolean      existing,
               StwDatabase **db)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, global_options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (context, error->message);
  if (argc != 1)
    return usage (context, no_arguments);

  *db = existing ? open_existing_database (&error) : open_database (&error);
  if (*db == NULL)
    return fail (_("cannot open the database"), error);

  return -1;
}

static int
stats_command (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autofree char *size = NULL;
  StwStats stats;
  int status;

  status = begin_command (argc, argv, _("— count what the database holds"),
                          _("stats takes no arguments."), TRUE, &db);
  if (status >= 0)
    return status;

  if (!stw_stats_read (db, &stats, &error))
    return fail (_("cannot read the database"), error);

  size = g_format_size (stats.file_size);
  g_print ("%s\n", stw_database_get_path (db));
  g_print (_("Assets:     %lld\n"), (long long)stats.n_assets);
  for (guint i = 0; i < STW_N_ASSET_STATUSES; i++)
    g_print ("  %-16s%lld\n", stw_asset_status_to_key (i), (long long)stats.by_status[i]);
  for (guint i = 0; i < STW_N_ASSET_CATEGORIES; i++)
    g_print ("  %-16s%lld\n", stw_asset_category_to_key (i), (long long)stats.by_category[i]);
  g_print (_("Locations:  %lld\n"), (long long)stats.n_locations);
  g_print (_("People:     %lld\n"), (long long)stats.n_people);
  g_print (_("Changes:    %lld in %lld steps\n"),
           (long long)stats.n_changes, (long long)stats.n_batches);
  g_print (_("Size:       %s\n"), size);

  return EXIT_OK;
}

static int
check_command (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  int status;

  status = begin_command (argc, argv, _("— check the database for damage"),
                          _("check takes no arguments."), TRUE, &db);
  if (status >= 0)
    return status;

  if (!stw_database_check_integrity (db, &error))
    return fail (stw_database_get_path (db), error);

  g_print (_("%s: no problems found.\n"), stw_database_get_path (db));
  return EXIT_OK;
}

static int
sample_command (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  int status;

  status = begin_command (argc, argv, _("— load the sample inventory"),
                          _("sample takes no arguments."), FALSE, &db);
  if (status >= 0)
    return status;

  if (!stw_sample_data_load_sync (db, &error))
    return fail (_("cannot load the sample inventory"), error);

  g_print (_("Loaded the sample inventory into %s.\n"), stw_database_get_path (db));
  return EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static const struct
{
  const char *name;
  int       (*run) (int, char **);
  const char *summary;
} commands[] = {
  { "import", import_command, N_("Import assets from a CSV file") },
  { "export", export_command, N_("Export assets as CSV or JSON") },
  { "stats",  stats_command,  N_("Count what the database holds") },
  { "check",  check_command,  N_("Check the database for damage") },
  { "sample", sample_command, N_("Load the sample inventory of a made-up company") },
  { "sync",   sync_command,   N_("Sync with the servers of your accounts") },
  { "account", account_command, N_("Add, list or remove the servers Steward syncs with") },
};

static int
main_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: steward-cli COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("“steward-cli COMMAND --help” describes a command’s options."));
  return out == stdout ? EXIT_OK : EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("steward-cli");

  if (argc < 2)
    return main_usage (stderr);

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return main_usage (stdout);

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("steward-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        int status = commands[i].run (argc - 1, argv + 1);

        g_free (database_path);
        return status;
      }

  g_printerr (_("steward-cli: “%s” is not a command.\n\n"), argv[1]);
  return main_usage (stderr);
}

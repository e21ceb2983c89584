/* test-validate.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/stw-error.h"
#include "core/stw-validate.h"

static void
test_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_assert_true (stw_parse_date (" 2026-03-31 ", &iso, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, "2026-03-31");
  g_clear_pointer (&iso, g_free);

  g_assert_true (stw_parse_date ("", &iso, &error));
  g_assert_null (iso);

  g_assert_false (stw_parse_date ("2026-02-30", &iso, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_null (iso);
  g_clear_error (&error);

  g_assert_false (stw_parse_date ("31.03.2026", NULL, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (stw_parse_date ("2026-3-31", NULL, &error));
  g_clear_error (&error);
  g_assert_false (stw_parse_date ("1969-12-31", NULL, &error));
  g_clear_error (&error);
  g_assert_true (stw_parse_date ("2024-02-29", NULL, NULL));
}

static void
test_cost (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 cost;

  g_assert_true (stw_parse_cost ("1299", &cost, &error));
  g_assert_cmpint (cost, ==, 129900);
  g_assert_true (stw_parse_cost ("1 299,5", &cost, &error));
  g_assert_cmpint (cost, ==, 129950);
  g_assert_true (stw_parse_cost ("0.07", &cost, &error));
  g_assert_cmpint (cost, ==, 7);
  g_assert_true (stw_parse_cost ("  ", &cost, &error));
  g_assert_cmpint (cost, ==, STW_COST_UNSET);
  g_assert_no_error (error);

  g_assert_false (stw_parse_cost ("-5", &cost, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);

  g_assert_false (stw_parse_cost ("12.345", &cost, &error));
  g_clear_error (&error);
  g_assert_false (stw_parse_cost ("12a", &cost, &error));
  g_clear_error (&error);
  g_assert_false (stw_parse_cost ("1.2.3", &cost, &error));
  g_clear_error (&error);
  g_assert_false (stw_parse_cost ("99999999999999999999", &cost, &error));
  g_clear_error (&error);

  text = stw_format_cost (129905);
  g_assert_cmpstr (text, ==, "1299.05");
  g_assert_true (stw_parse_cost (text, &cost, NULL));
  g_assert_cmpint (cost, ==, 129905);
  g_clear_pointer (&text, g_free);
  text = stw_format_cost (STW_COST_UNSET);
  g_assert_cmpstr (text, ==, "");
}

static void
test_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);

  g_assert_true (stw_validate_line ("Łódź — 東京 🖥️", "Name", TRUE, &error));
  g_assert_no_error (error);

  g_assert_false (stw_validate_line ("   ", "Name", TRUE, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);
  g_assert_true (stw_validate_line (NULL, "Serial", FALSE, &error));

  g_assert_false (stw_validate_line ("two\nlines", "Name", TRUE, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (stw_validate_line ("bad \xff utf8", "Name", TRUE, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);

  /* The limit counts characters, not bytes. */
  for (guint i = 0; i < STW_MAX_LINE_LENGTH; i++)
    g_string_append (long_text, "é");
  g_assert_true (stw_validate_line (long_text->str, "Name", TRUE, NULL));
  g_string_append_c (long_text, 'x');
  g_assert_false (stw_validate_line (long_text->str, "Name", TRUE, &error));
  g_clear_error (&error);

  g_assert_true (stw_validate_notes ("Line one\nLine two\twith tab", NULL));
  g_assert_false (stw_validate_notes ("bell \a", &error));
  g_clear_error (&error);

  g_assert_true (stw_validate_currency ("EUR", NULL));
  g_assert_false (stw_validate_currency ("eur", NULL));
  g_assert_false (stw_validate_currency ("EURO", NULL));
  g_assert_true (stw_validate_email ("anna.schmidt@example.org", NULL));
  g_assert_false (stw_validate_email ("anna at example", NULL));
}

static void
test_asset (void)
{
  g_autoptr(StwAsset) asset = stw_asset_new ();
  g_autoptr(GError) error = NULL;
  StwAssetField field;

  g_assert_false (stw_asset_validate (asset, &field, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_REQUIRED);
  g_assert_cmpint (field, ==, STW_ASSET_FIELD_NAME);
  g_clear_error (&error);

  stw_asset_set_name (asset, "ThinkPad");
  g_assert_false (stw_asset_validate (asset, &field, &error));
  g_assert_cmpint (field, ==, STW_ASSET_FIELD_TAG);
  g_clear_error (&error);

  stw_asset_set_tag (asset, "LT-1");
  g_assert_true (stw_asset_validate (asset, &field, &error));
  g_assert_cmpint (field, ==, STW_ASSET_FIELD_NONE);

  stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, "2026-05-01");
  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, "2025-05-01");
  g_assert_false (stw_asset_validate (asset, &field, &error));
  g_assert_cmpint (field, ==, STW_ASSET_FIELD_WARRANTY_END);
  g_clear_error (&error);

  stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, "2029-05-01");
  stw_asset_set_purchase_cost (asset, -1);
  g_assert_false (stw_asset_validate (asset, &field, &error));
  g_assert_cmpint (field, ==, STW_ASSET_FIELD_PURCHASE_COST);
  g_clear_error (&error);

  stw_asset_set_purchase_cost (asset, 0);
  stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, "12");
  g_assert_false (stw_asset_validate (asset, &field, &error));
  g_assert_cmpint (field, ==, STW_ASSET_FIELD_CURRENCY);
}

static void
test_cost_edges (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    gint64      cost;
  } cases[] = {
    { "1\u00a0299,50", TRUE, 129950 },   /* no-break space groups digits */
    { "5.", TRUE, 500 },
    { ",5", TRUE, 50 },
    { "0", TRUE, 0 },
    { "00012.30", TRUE, 1230 },
    { "92233720368547758", TRUE, G_GINT64_CONSTANT (9223372036854775800) },
    { "92233720368547758.07", TRUE, G_MAXINT64 },
    { "92233720368547758.08", FALSE, 0 },
    { "922337203685477580", FALSE, 0 },
    { ".", FALSE, 0 },                     /* a separator is not an amount */
    { ",", FALSE, 0 },
    { " . ", FALSE, 0 },
    { "1.299,50", FALSE, 0 },
    { "1e3", FALSE, 0 },
    { "+5", FALSE, 0 },
    { "5-", FALSE, 0 },
    { "€5", FALSE, 0 },
    { "٥", FALSE, 0 },                     /* digits of another script */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cost = 1;
      gboolean ok = stw_parse_cost (cases[i].text, &cost, &error);

      g_test_message ("Cost “%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_autofree char *text = stw_format_cost (cost);
          gint64 again = 0;

          g_assert_no_error (error);
          g_assert_cmpint (cost, ==, cases[i].cost);
          /* What is shown reads back as the same amount. */
          g_assert_true (stw_parse_cost (text, &again, NULL));
          g_assert_cmpint (again, ==, cost);
        }
      else
        {
          g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
          g_assert_cmpint (cost, ==, STW_COST_UNSET);
        }
    }
}

static void
test_date_edges (void)
{
  static const struct {
    const char *text;
    const char *iso;
  } valid[] = {
    { "2024-02-29", "2024-02-29" },
    { "1970-01-01", "1970-01-01" },
    { "2199-12-31", "2199-12-31" },
    { "\t2026-03-31\n", "2026-03-31" },
  };
  static const char * const invalid[] = {
    "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2200-01-01",
    "2024-1-010", "2024/01/01", "20240101", "2024-01-01T10:00", "2024-01-01 10:00",
    "-024-01-01", "2024-+1-01", "2024-01-+1", "２０２４-01-01", "x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_assert_true (stw_parse_date (valid[i].text, &iso, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, valid[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_test_message ("Date “%s”", invalid[i]);
      g_assert_false (stw_parse_date (invalid[i], &iso, &error));
      g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
      g_assert_null (iso);
    }
}

static void
test_notes_limit (void)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* Characters, not bytes: four bytes each. */
  for (guint i = 0; i < STW_MAX_NOTES_LENGTH; i++)
    g_string_append (notes, i % 100 == 99 ? "\n" : "🖥");
  g_assert_true (stw_validate_notes (notes->str, &error));
  g_assert_no_error (error);

  g_string_append (notes, "x");
  g_assert_false (stw_validate_notes (notes->str, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (stw_validate_notes (NULL, NULL));
  g_assert_true (stw_validate_notes ("", NULL));
  g_assert_false (stw_validate_notes ("bad \xc3\x28 utf8", &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (stw_validate_email ("anna schmidt@example.org", NULL));
  g_assert_false (stw_validate_email ("@example.org", NULL));
  g_assert_false (stw_validate_email ("anna@", NULL));
  g_assert_true (stw_validate_email ("", NULL));
  g_assert_true (stw_validate_email (NULL, NULL));
}

static void
test_time (void)
{
  g_autoptr(GDateTime) expected = g_date_time_new_local (2026, 3, 14, 17, 5, 0);
  g_autoptr(GDateTime) end_of_day = g_date_time_new_local (2026, 3, 14, 23, 59, 0);
  static const char * const bad[] = {
    "2026-03-14 17", "2026-03-14 25:00", "2026-03-14 17:60", "2026-02-30 10:00",
    "14.03.2026", "2026-03-14 17:05x", "2026-03-14  17:05", "tomorrow",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *entry = NULL;
  gint64 usec = -1;

  g_assert_true (stw_parse_time ("  2026-03-14 17:05 ", &usec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (usec, ==, g_date_time_to_unix (expected) * G_USEC_PER_SEC);
  g_assert_true (stw_parse_time ("2026-03-14T17:05", &usec, NULL));
  g_assert_cmpint (usec, ==, g_date_time_to_unix (expected) * G_USEC_PER_SEC);

  /* A date alone is due by the end of that day. */
  g_assert_true (stw_parse_time ("2026-03-14", &usec, NULL));
  g_assert_cmpint (usec, ==, g_date_time_to_unix (end_of_day) * G_USEC_PER_SEC);

  g_assert_true (stw_parse_time ("", &usec, NULL));
  g_assert_cmpint (usec, ==, 0);
  g_assert_true (stw_parse_time (NULL, &usec, NULL));
  g_assert_cmpint (usec, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (stw_parse_time (bad[i], &usec, &error));
      g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2026-03-31 17:00"));
      g_clear_error (&error);
    }

  /* What is shown reads back as the same minute. */
  usec = g_date_time_to_unix (expected) * G_USEC_PER_SEC + 123;
  entry = stw_format_time_entry (usec);
  g_assert_cmpstr (entry, ==, "2026-03-14 17:05");
  formatted = stw_format_time (usec);
  g_assert_cmpstr (formatted, ==, "14 Mar 2026, 17:05");
  g_assert_null (stw_format_time (0));
  g_free (entry);
  entry = stw_format_time_entry (0);
  g_assert_cmpstr (entry, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/core/validate/date", test_date);
  g_test_add_func ("/steward/core/validate/cost", test_cost);
  g_test_add_func ("/steward/core/validate/line", test_line);
  g_test_add_func ("/steward/core/validate/asset", test_asset);
  g_test_add_func ("/steward/core/validate/cost-edges", test_cost_edges);
  g_test_add_func ("/steward/core/validate/date-edges", test_date_edges);
  g_test_add_func ("/steward/core/validate/notes-limit", test_notes_limit);
  g_test_add_func ("/steward/core/validate/time", test_time);

  return g_test_run ();
}

/* test-asset-csv.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-io-util.h"
#include "io/stw-asset-csv.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* A record from a NULL-terminated list of fields. */
static GPtrArray *
make_record (const char *first,
             ...)
{
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    g_ptr_array_add (record, g_strdup (field));
  va_end (args);

  return record;
}

/* A mapping for a file whose header is @header (comma separated), as
 * the import guesses it from the header and @n_rows sample rows. */
static StwAssetCsvMapping
guess_mapping (const char  *header,
               GPtrArray  **rows,
               guint        n_rows)
{
  g_auto(GStrv) names = g_strsplit (header, ",", -1);
  g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
  StwAssetCsvMapping mapping;

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (record, g_strdup (names[i]));

  stw_asset_csv_mapping_guess (&mapping, record, rows, n_rows);
  return mapping;
}

/* Converts one row of a file with @header; returns whether it worked. */
static gboolean
convert (const char      *header,
         GPtrArray       *record,
         StwDateFormat    date_format,
         StwAssetCsvRow  *row,
         GError         **error)
{
  StwAssetCsvMapping mapping = guess_mapping (header, NULL, 0);
  g_auto(GStrv) names = g_strsplit (header, ",", -1);

  mapping.date_format = date_format;
  return stw_asset_csv_convert (&mapping, record, g_strv_length (names), row, error);
}

/* The cost a “tag,purchase_cost” row with @text gets, or fails. */
static gint64
convert_cost (const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) record = make_record ("A1", text, NULL);
  StwAssetCsvRow row;
  gint64 cost;

  if (!convert ("tag,purchase_cost", record, STW_DATE_FORMAT_ISO, &row, error))
    return G_MININT64 + 1;

  cost = stw_asset_get_purchase_cost (row.asset);
  stw_asset_csv_row_clear (&row);
  return cost;
}

/* The warranty end a “tag,purchase date,warranty” row gets. */
static char *
convert_warranty (const char  *purchase,
                  const char  *warranty,
                  GError     **error)
{
  g_autoptr(GPtrArray) record = make_record ("A1", purchase, warranty, NULL);
  StwAssetCsvRow row;
  char *end;

  if (!convert ("Asset Tag,Purchase Date,Warranty", record, STW_DATE_FORMAT_DMY, &row, error))
    return NULL;

  end = g_strdup (stw_asset_get_text (row.asset, STW_ASSET_FIELD_WARRANTY_END));
  stw_asset_csv_row_clear (&row);
  return end;
}

/* ------------------------------------------------------------------------ */
/* Headers                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_own_headers (void)
{
  /* What Steward writes, it reads back to the same field. */
  for (int target = STW_ASSET_FIELD_NAME; target < STW_N_IMPORT_TARGETS; target++)
    {
      const char *header = stw_asset_csv_target_header (target);

      g_assert_nonnull (header);
      g_assert_cmpint (stw_asset_csv_guess_target (header), ==, target);
    }

  g_assert_cmpstr (stw_asset_csv_target_header (STW_ASSET_FIELD_PURCHASE_DATE), ==,
                   "purchase_date");
  g_assert_cmpstr (stw_asset_csv_target_header (STW_IMPORT_UUID), ==, "uuid");
}

static void
test_snipe_it_headers (void)
{
  static const struct { const char *header; int target; } cases[] = {
    { "Asset Tag", STW_ASSET_FIELD_TAG },
    { "Serial", STW_ASSET_FIELD_SERIAL },
    { "Model", STW_ASSET_FIELD_MODEL },
    { "Category", STW_ASSET_FIELD_CATEGORY },
    { "Manufacturer", STW_ASSET_FIELD_MANUFACTURER },
    { "Status", STW_ASSET_FIELD_STATUS },
    { "Location", STW_ASSET_FIELD_LOCATION },
    { "Checked Out To", STW_ASSET_FIELD_PERSON },
    { "Purchase Date", STW_ASSET_FIELD_PURCHASE_DATE },
    { "Purchase Cost", STW_ASSET_FIELD_PURCHASE_COST },
    { "Warranty", STW_ASSET_FIELD_WARRANTY_END },
    { "Notes", STW_ASSET_FIELD_NOTES },
    { "Name", STW_ASSET_FIELD_NAME },
    { "Supplier", STW_ASSET_FIELD_SUPPLIER },
    /* Case, spaces and punctuation do not matter. */
    { "  ASSET-TAG ", STW_ASSET_FIELD_TAG },
    { "Serial Number", STW_ASSET_FIELD_SERIAL },
    { "Asset Name", STW_ASSET_FIELD_NAME },
    { "Company", STW_ASSET_FIELD_NONE },
    { "", STW_ASSET_FIELD_NONE },
  };
  const char *header = "ID,Company,Name,Asset Tag,Model,Model No.,Category,Manufacturer,Serial,"
                       "Purchased,Purchase Cost,EOL,Order Number,Supplier,Location,"
                       "Default Location,Status,Checked Out To,Warranty,Notes";
  StwAssetCsvMapping mapping;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (stw_asset_csv_guess_target (cases[i].header) != cases[i].target)
        g_error ("“%s” maps to %d, not %d", cases[i].header,
                 stw_asset_csv_guess_target (cases[i].header), cases[i].target);
    }

  /* A whole Snipe-IT export: the first column for a field wins. */
  mapping = guess_mapping (header, NULL, 0);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_NAME], ==, 2);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_TAG], ==, 3);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_MODEL], ==, 4);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_CATEGORY], ==, 6);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_MANUFACTURER], ==, 7);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_SERIAL], ==, 8);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_PURCHASE_DATE], ==, 9);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_PURCHASE_COST], ==, 10);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_SUPPLIER], ==, 13);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_LOCATION], ==, 14);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_STATUS], ==, 16);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_PERSON], ==, 17);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_WARRANTY_END], ==, 18);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_NOTES], ==, 19);
  g_assert_cmpint (mapping.columns[STW_ASSET_FIELD_CURRENCY], ==, -1);
  g_assert_cmpint (mapping.columns[STW_IMPORT_UUID], ==, -1);
  g_assert_cmpint (mapping.date_format, ==, STW_DATE_FORMAT_ISO);
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */
/* ------------------------------------------------------------------------ */

static StwDateFormat
guess_date_format (const char *first,
                   ...)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  va_list args;

  va_start (args, first);
  for (const char *date = first; date != NULL; date = va_arg (args, const char *))
    g_ptr_array_add (rows, make_record ("A1", date, NULL));
  va_end (args);

  return stw_asset_csv_guess_date_format ((GPtrArray **)rows->pdata, rows->len, 1);
}

static void
test_guess_date_format (void)
{
  g_assert_cmpint (guess_date_format ("31/12/2026", NULL), ==, STW_DATE_FORMAT_DMY);
  g_assert_cmpint (guess_date_format ("12/31/2026", NULL), ==, STW_DATE_FORMAT_MDY);
  g_assert_cmpint (guess_date_format ("31.12.2026", NULL), ==, STW_DATE_FORMAT_DMY);
  g_assert_cmpint (guess_date_format ("2026-12-31", NULL), ==, STW_DATE_FORMAT_ISO);
  g_assert_cmpint (guess_date_format ("2026-12-31 00:00:00", NULL), ==, STW_DATE_FORMAT_ISO);
  g_assert_cmpint (guess_date_format ("", NULL), ==, STW_DATE_FORMAT_ISO);

  /* One telling date among ambiguous ones decides; dots are European. */
  g_assert_cmpint (guess_date_format ("01/02/2026", "03/04/2026", "05/30/2026", NULL), ==,
                   STW_DATE_FORMAT_MDY);
  g_assert_cmpint (guess_date_format ("01/02/2026", "30/04/2026", NULL), ==, STW_DATE_FORMAT_DMY);
  g_assert_cmpint (guess_date_format ("01.02.2026", NULL), ==, STW_DATE_FORMAT_DMY);
  /* Nothing telling: day first, as most of the world writes it. */
  g_assert_cmpint (guess_date_format ("01/02/2026", NULL), ==, STW_DATE_FORMAT_DMY);

  /* The mapping guesses from the purchase date column of the sample. */
  {
    g_autoptr(GPtrArray) row = make_record ("A1", "12/31/2026", NULL);
    GPtrArray *rows[] = { row };
    StwAssetCsvMapping mapping = guess_mapping ("tag,purchase date", rows, 1);

    g_assert_cmpint (mapping.date_format, ==, STW_DATE_FORMAT_MDY);
  }
}

static void
test_parse_date (void)
{
  static const struct { const char *text; StwDateFormat format; const char *iso; } cases[] = {
    { "31/12/2026", STW_DATE_FORMAT_DMY, "2026-12-31" },
    { "12/31/2026", STW_DATE_FORMAT_MDY, "2026-12-31" },
    { "31.12.2026", STW_DATE_FORMAT_DMY, "2026-12-31" },
    { "1.2.2026", STW_DATE_FORMAT_DMY, "2026-02-01" },
    { "1/2/2026", STW_DATE_FORMAT_MDY, "2026-01-02" },
    { "31-12-2026", STW_DATE_FORMAT_DMY, "2026-12-31" },
    { "2026-12-31", STW_DATE_FORMAT_DMY, "2026-12-31" },
    { "2026-12-31", STW_DATE_FORMAT_MDY, "2026-12-31" },
    { " 2026-03-31 00:00:00 ", STW_DATE_FORMAT_ISO, "2026-03-31" },
    { "2026-03-31T09:30:00Z", STW_DATE_FORMAT_ISO, "2026-03-31" },
    { "", STW_DATE_FORMAT_DMY, NULL },
  };
  static const struct { const char *text; StwDateFormat format; } bad[] = {
    { "12/31/2026", STW_DATE_FORMAT_DMY },   /* no 31st month */
    { "31/12/2026", STW_DATE_FORMAT_MDY },
    { "29/02/2025", STW_DATE_FORMAT_DMY },   /* not a leap year */
    { "2026-02-30", STW_DATE_FORMAT_ISO },
    { "31/12/26", STW_DATE_FORMAT_DMY },     /* which century? */
    { "31/12.2026", STW_DATE_FORMAT_DMY },
    { "yesterday", STW_DATE_FORMAT_ISO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_assert_true (stw_asset_csv_parse_date (cases[i].text, cases[i].format, &iso, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_assert_false (stw_asset_csv_parse_date (bad[i].text, bad[i].format, &iso, &error));
      g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
      g_assert_null (iso);
    }
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_categories (void)
{
  static const struct { const char *text; StwAssetCategory category; } cases[] = {
    { "laptop", STW_ASSET_CATEGORY_LAPTOP },
    { "Laptop", STW_ASSET_CATEGORY_LAPTOP },
    { "Laptops", STW_ASSET_CATEGORY_LAPTOP },
    { "Notebooks", STW_ASSET_CATEGORY_LAPTOP },
    { "Desktops", STW_ASSET_CATEGORY_DESKTOP },
    { "Servers", STW_ASSET_CATEGORY_SERVER },
    { "Switches", STW_ASSET_CATEGORY_NETWORK },
    { "Routers", STW_ASSET_CATEGORY_NETWORK },
    { "Monitors", STW_ASSET_CATEGORY_MONITOR },
    { "Mobile Phones", STW_ASSET_CATEGORY_PHONE },
    { "Printers", STW_ASSET_CATEGORY_PRINTER },
    { "Keyboards", STW_ASSET_CATEGORY_PERIPHERAL },
    { "network", STW_ASSET_CATEGORY_NETWORK },
    { "Conference Tables", STW_ASSET_CATEGORY_OTHER },
    { "", STW_ASSET_CATEGORY_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StwAssetCategory category = STW_N_ASSET_CATEGORIES;

      g_assert_true (stw_asset_csv_parse_category (cases[i].text, &category));
      if (category != cases[i].category)
        g_error ("“%s” is category %d, not %d", cases[i].text, category, cases[i].category);
    }
}

static void
test_statuses (void)
{
  static const struct { const char *text; StwAssetStatus status; } cases[] = {
    { "in-stock", STW_ASSET_STATUS_IN_STOCK },
    { "deployed", STW_ASSET_STATUS_DEPLOYED },
    { "Ready to Deploy", STW_ASSET_STATUS_IN_STOCK },
    { "Pending", STW_ASSET_STATUS_IN_STOCK },
    { "Deployed", STW_ASSET_STATUS_DEPLOYED },
    { "Archived", STW_ASSET_STATUS_RETIRED },
    { "Lost/Stolen", STW_ASSET_STATUS_LOST },
    { "Out for Repair", STW_ASSET_STATUS_IN_REPAIR },
    { "Out for Diagnostics", STW_ASSET_STATUS_IN_REPAIR },
    { "Broken - Not Fixable", STW_ASSET_STATUS_IN_REPAIR },
    { "RETIRED", STW_ASSET_STATUS_RETIRED },
  };
  StwAssetStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      status = STW_N_ASSET_STATUSES;

      if (!stw_asset_csv_parse_status (cases[i].text, &status) || status != cases[i].status)
        g_error ("“%s” is status %d, not %d", cases[i].text, status, cases[i].status);
    }

  g_assert_false (stw_asset_csv_parse_status ("Frobnicated", &status));
  g_assert_false (stw_asset_csv_parse_status ("", &status));
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */
/* ------------------------------------------------------------------------ */

static void
test_convert_snipe_it_row (void)
{
  const char *header = "Name,Asset Tag,Serial,Model,Category,Manufacturer,Status,Location,"
                       "Checked Out To,Purchase Date,Purchase Cost,Warranty,Notes,Supplier";
  g_autoptr(GPtrArray) record = make_record ("Anna's laptop", " LT-0042 ", "C02XK1",
                                             "MacBook Pro 14", "Laptops", "Apple",
                                             "Ready to Deploy", "Berlin › HQ › Room 101",
                                             "Anna Schmidt",
                                             "15/01/2024", "2499.00", "36 months",
                                             "Second line\nof notes", "Gravis", NULL);
  g_autoptr(GError) error = NULL;
  StwAssetCsvRow row;

  g_assert_true (convert (header, record, STW_DATE_FORMAT_DMY, &row, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (stw_asset_get_name (row.asset), ==, "Anna's laptop");
  g_assert_cmpstr (stw_asset_get_tag (row.asset), ==, "LT-0042");
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_SERIAL), ==, "C02XK1");
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_MODEL), ==, "MacBook Pro 14");
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_MANUFACTURER), ==, "Apple");
  g_assert_cmpint (stw_asset_get_category (row.asset), ==, STW_ASSET_CATEGORY_LAPTOP);
  g_assert_cmpint (stw_asset_get_status (row.asset), ==, STW_ASSET_STATUS_IN_STOCK);
  g_assert_cmpstr (row.location_path, ==, "Berlin › HQ › Room 101");
  g_assert_cmpstr (row.person_name, ==, "Anna Schmidt");
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_PURCHASE_DATE), ==, "2024-01-15");
  g_assert_cmpint (stw_asset_get_purchase_cost (row.asset), ==, 249900);
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_WARRANTY_END), ==, "2027-01-15");
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_NOTES), ==,
                   "Second line\nof notes");
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_SUPPLIER), ==, "Gravis");
  g_assert_null (stw_asset_get_uuid (row.asset));

  /* Every mapped field is one the row sets. */
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    g_assert_true ((row.fields & (1u << field)) != 0 || field == STW_ASSET_FIELD_CURRENCY);
  g_assert_false (row.fields & (1u << STW_ASSET_FIELD_CURRENCY));

  stw_asset_csv_row_clear (&row);
  g_assert_null (row.asset);
  g_assert_null (row.location_path);
  g_assert_null (row.person_name);
}

static void
test_warranty_length (void)
{
  static const struct { const char *purchase, *warranty, *end; } cases[] = {
    { "15/01/2024", "36 months", "2027-01-15" },
    { "15/01/2024", "36", "2027-01-15" },
    { "15/01/2024", "3 years", "2027-01-15" },
    { "15/01/2024", "1 Year", "2025-01-15" },
    { "15/01/2024", "12 Months", "2025-01-15" },
    { "31/01/2024", "1 month", "2024-02-29" },
    /* A date is a date. */
    { "15/01/2024", "14/01/2027", "2027-01-14" },
    { "15/01/2024", "2027-01-14", "2027-01-14" },
    { "15/01/2024", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *end = convert_warranty (cases[i].purchase, cases[i].warranty, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (end, ==, cases[i].end);
    }

  /* Months need a date to count from. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *end = convert_warranty ("", "36 months", &error);

    g_assert_null (end);
    g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "36 months"));
    g_assert_nonnull (strstr (error->message, "purchase date"));
  }

  /* Neither a length nor a date. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *end = convert_warranty ("15/01/2024", "lifetime", &error);

    g_assert_null (end);
    g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "lifetime"));
  }
}

static void
test_costs (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (convert_cost ("1299.00", &error), ==, 129900);
  g_assert_cmpint (convert_cost ("1299", &error), ==, 129900);
  g_assert_cmpint (convert_cost ("1 299,50", &error), ==, 129950);
  g_assert_cmpint (convert_cost ("$1299", &error), ==, 129900);
  g_assert_cmpint (convert_cost ("1299.99 €", &error), ==, 129999);
  g_assert_cmpint (convert_cost ("£ 0.5", &error), ==, 50);
  g_assert_cmpint (convert_cost ("", &error), ==, STW_COST_UNSET);
  g_assert_no_error (error);

  /* Digit grouping as spreadsheets write it: with both separators the
   * last is the decimal one; one followed by exactly three digits, or
   * one that repeats, groups. */
  g_assert_cmpint (convert_cost ("1,299.00", &error), ==, 129900);
  g_assert_cmpint (convert_cost ("1.299,00 €", &error), ==, 129900);
  g_assert_cmpint (convert_cost ("$ 12,500", &error), ==, 1250000);
  g_assert_cmpint (convert_cost ("1,299", &error), ==, 129900);
  g_assert_cmpint (convert_cost ("1.234.567", &error), ==, 123456700);
  g_assert_cmpint (convert_cost ("1 234 567,89", &error), ==, 123456789);
  g_assert_cmpint (convert_cost ("12,50", &error), ==, 1250);
  g_assert_cmpint (convert_cost ("12.5", &error), ==, 1250);
  g_assert_no_error (error);

  /* More than two decimals is not an amount of money. */
  g_assert_cmpint (convert_cost ("12.5012", &error), ==, G_MININT64 + 1);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (convert_cost ("-5.00", &error), ==, G_MININT64 + 1);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "negative"));
  /* The message says which field. */
  g_assert_true (g_str_has_prefix (error->message,
                                   stw_asset_field_label (STW_ASSET_FIELD_PURCHASE_COST)));
  g_clear_error (&error);

  /* Words are not “no cost”: the row is listed with what it says. */
  g_assert_cmpint (convert_cost ("twelve", &error), ==, G_MININT64 + 1);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "twelve"));
  g_clear_error (&error);
  g_assert_cmpint (convert_cost ("n/a", &error), ==, G_MININT64 + 1);
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
}

static void
test_ragged (void)
{
  g_autoptr(GPtrArray) short_record = make_record ("A1", "Laptop", NULL);
  g_autoptr(GPtrArray) long_record = make_record ("A1", "Laptop", "x", "y", NULL);
  g_autoptr(GError) error = NULL;
  StwAssetCsvRow row;

  g_assert_false (convert ("tag,name,serial", short_record, STW_DATE_FORMAT_ISO, &row, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 fields"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_null (row.asset);
  g_clear_error (&error);

  g_assert_false (convert ("tag,name,serial", long_record, STW_DATE_FORMAT_ISO, &row, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 fields"));
}

static void
test_unreadable (void)
{
  g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  StwAssetCsvRow row;

  g_ptr_array_add (record, NULL);
  g_assert_false (convert ("tag", record, STW_DATE_FORMAT_ISO, &row, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "quote"));
}

static void
test_required_and_invalid (void)
{
  static const struct {
    const char *header;
    const char *values[4];
    const char *message;
  } cases[] = {
    { "tag,name", { "", "Laptop" }, "empty" },
    { "tag,name", { "   ", "Laptop" }, "empty" },
    { "tag,status", { "A1", "Frobnicated" }, "Frobnicated" },
    { "tag,purchase_date", { "A1", "31/31/2026" }, "31/31/2026" },
    { "tag,currency", { "A1", "euro" }, "EURO" },
    { "tag,uuid", { "A1", "not-a-uuid" }, "not-a-uuid" },
    { "tag,location", { "A1", "Room\x01" }, NULL },
    { "tag,purchase_date,warranty_end", { "A1", "2026-01-01", "2025-01-01" }, "2025-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      StwAssetCsvRow row;

      for (guint v = 0; v < G_N_ELEMENTS (cases[i].values) && cases[i].values[v] != NULL; v++)
        g_ptr_array_add (record, g_strdup (cases[i].values[v]));

      if (convert (cases[i].header, record, STW_DATE_FORMAT_DMY, &row, &error))
        g_error ("Row %u was accepted", i);
      g_assert_nonnull (error);
      g_assert_true (error->domain == STW_ERROR);
      if (cases[i].message != NULL && strstr (error->message, cases[i].message) == NULL)
        g_error ("Row %u: “%s” does not name “%s”", i, error->message, cases[i].message);
      g_assert_null (row.asset);
    }
}

static void
test_defaults (void)
{
  g_autoptr(GPtrArray) record = make_record ("A1", "ThinkPad T14", "eur", "", "", NULL);
  g_autoptr(GPtrArray) tag_only = make_record ("B2", "", "", "", "", NULL);
  g_autoptr(GError) error = NULL;
  StwAssetCsvRow row;

  /* Without a name, an asset is named after its model, else its tag. */
  g_assert_true (convert ("tag,model,currency,status,category", record, STW_DATE_FORMAT_ISO,
                          &row, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stw_asset_get_name (row.asset), ==, "ThinkPad T14");
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_CURRENCY), ==, "EUR");
  g_assert_cmpint (stw_asset_get_status (row.asset), ==, STW_ASSET_STATUS_IN_STOCK);
  g_assert_cmpint (stw_asset_get_category (row.asset), ==, STW_ASSET_CATEGORY_OTHER);
  /* A name made up here, or an empty status or category, is not a value
   * the file gives: an asset the row updates keeps its own. */
  g_assert_false (row.fields & (1u << STW_ASSET_FIELD_NAME));
  g_assert_false (row.fields & (1u << STW_ASSET_FIELD_STATUS));
  g_assert_false (row.fields & (1u << STW_ASSET_FIELD_CATEGORY));
  g_assert_true (row.fields & (1u << STW_ASSET_FIELD_TAG));
  g_assert_true (row.fields & (1u << STW_ASSET_FIELD_MODEL));
  stw_asset_csv_row_clear (&row);

  g_assert_true (convert ("tag,model,currency,status,category", tag_only, STW_DATE_FORMAT_ISO,
                          &row, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stw_asset_get_name (row.asset), ==, "B2");
  stw_asset_csv_row_clear (&row);
}

static void
test_uuid (void)
{
  g_autoptr(GPtrArray) record = make_record ("A1", "Laptop", "7d444840-9dc0-11d1-b245-5ffdce74fad2",
                                             NULL);
  g_autoptr(GError) error = NULL;
  StwAssetCsvRow row;

  g_assert_true (convert ("tag,name,uuid", record, STW_DATE_FORMAT_ISO, &row, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stw_asset_get_uuid (row.asset), ==, "7d444840-9dc0-11d1-b245-5ffdce74fad2");
  stw_asset_csv_row_clear (&row);
}

static void
test_notes (void)
{
  g_autoptr(GPtrArray) record = make_record ("A1", "  Windows\r\nline breaks\rand Mac ones\n",
                                             NULL);
  g_autoptr(GError) error = NULL;
  StwAssetCsvRow row;

  /* Notes keep their spaces; their line breaks become Steward's. */
  g_assert_true (convert ("tag,notes", record, STW_DATE_FORMAT_ISO, &row, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stw_asset_get_text (row.asset, STW_ASSET_FIELD_NOTES), ==,
                   "  Windows\nline breaks\nand Mac ones\n");
  stw_asset_csv_row_clear (&row);
}

static void
test_labels (void)
{
  /* Every choice a person sees in the mapping has words. */
  for (int target = STW_ASSET_FIELD_NONE; target < STW_N_IMPORT_TARGETS; target++)
    g_assert_nonnull (stw_asset_csv_target_label (target));
  for (int format = 0; format < STW_N_DATE_FORMATS; format++)
    g_assert_nonnull (strstr (stw_date_format_label (format), "2026"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/io/asset-csv/own-headers", test_own_headers);
  g_test_add_func ("/steward/io/asset-csv/snipe-it-headers", test_snipe_it_headers);
  g_test_add_func ("/steward/io/asset-csv/guess-date-format", test_guess_date_format);
  g_test_add_func ("/steward/io/asset-csv/parse-date", test_parse_date);
  g_test_add_func ("/steward/io/asset-csv/categories", test_categories);
  g_test_add_func ("/steward/io/asset-csv/statuses", test_statuses);
  g_test_add_func ("/steward/io/asset-csv/convert-snipe-it-row", test_convert_snipe_it_row);
  g_test_add_func ("/steward/io/asset-csv/warranty-length", test_warranty_length);
  g_test_add_func ("/steward/io/asset-csv/costs", test_costs);
  g_test_add_func ("/steward/io/asset-csv/ragged", test_ragged);
  g_test_add_func ("/steward/io/asset-csv/unreadable", test_unreadable);
  g_test_add_func ("/steward/io/asset-csv/required-and-invalid", test_required_and_invalid);
  g_test_add_func ("/steward/io/asset-csv/defaults", test_defaults);
  g_test_add_func ("/steward/io/asset-csv/uuid", test_uuid);
  g_test_add_func ("/steward/io/asset-csv/notes", test_notes);
  g_test_add_func ("/steward/io/asset-csv/labels", test_labels);

  return g_test_run ();
}

/* stw-asset-csv.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stw-asset-csv.h"
#include "core/stw-error.h"
#include "core/stw-validate.h"

/*
 * What the columns of an asset file mean: guessed from their headers
 * (Steward's own export, Snipe-IT's asset export, and common names), and
 * how each value becomes a field.
 */

typedef struct
{
  const char *key;      /* a header, lower case, letters and digits only */
  int         target;
} HeaderGuess;

static const HeaderGuess header_guesses[] = {
  { "name", STW_ASSET_FIELD_NAME },
  { "assetname", STW_ASSET_FIELD_NAME },
  { "hostname", STW_ASSET_FIELD_NAME },
  { "devicename", STW_ASSET_FIELD_NAME },
  { "tag", STW_ASSET_FIELD_TAG },
  { "assettag", STW_ASSET_FIELD_TAG },
  { "inventorynumber", STW_ASSET_FIELD_TAG },
  { "assetnumber", STW_ASSET_FIELD_TAG },
  { "serial", STW_ASSET_FIELD_SERIAL },
  { "serialnumber", STW_ASSET_FIELD_SERIAL },
  { "servicetag", STW_ASSET_FIELD_SERIAL },
  { "category", STW_ASSET_FIELD_CATEGORY },
  { "assettype", STW_ASSET_FIELD_CATEGORY },
  { "devicetype", STW_ASSET_FIELD_CATEGORY },
  { "type", STW_ASSET_FIELD_CATEGORY },
  { "manufacturer", STW_ASSET_FIELD_MANUFACTURER },
  { "make", STW_ASSET_FIELD_MANUFACTURER },
  { "brand", STW_ASSET_FIELD_MANUFACTURER },
  { "vendor", STW_ASSET_FIELD_MANUFACTURER },
  { "model", STW_ASSET_FIELD_MODEL },
  { "modelname", STW_ASSET_FIELD_MODEL },
  { "modelno", STW_ASSET_FIELD_MODEL },
  { "modelnumber", STW_ASSET_FIELD_MODEL },
  { "status", STW_ASSET_FIELD_STATUS },
  { "statuslabel", STW_ASSET_FIELD_STATUS },
  { "state", STW_ASSET_FIELD_STATUS },
  { "location", STW_ASSET_FIELD_LOCATION },
  { "defaultlocation", STW_ASSET_FIELD_LOCATION },
  { "room", STW_ASSET_FIELD_LOCATION },
  { "person", STW_ASSET_FIELD_PERSON },
  { "checkedoutto", STW_ASSET_FIELD_PERSON },
  { "assignedto", STW_ASSET_FIELD_PERSON },
  { "user", STW_ASSET_FIELD_PERSON },
  { "owner", STW_ASSET_FIELD_PERSON },
  { "employee", STW_ASSET_FIELD_PERSON },
  { "purchasedate", STW_ASSET_FIELD_PURCHASE_DATE },
  { "purchased", STW_ASSET_FIELD_PURCHASE_DATE },
  { "dateofpurchase", STW_ASSET_FIELD_PURCHASE_DATE },
  { "purchasecost", STW_ASSET_FIELD_PURCHASE_COST },
  { "cost", STW_ASSET_FIELD_PURCHASE_COST },
  { "price", STW_ASSET_FIELD_PURCHASE_COST },
  { "purchaseprice", STW_ASSET_FIELD_PURCHASE_COST },
  { "currency", STW_ASSET_FIELD_CURRENCY },
  { "warrantyend", STW_ASSET_FIELD_WARRANTY_END },
  { "warranty", STW_ASSET_FIELD_WARRANTY_END },
  { "warrantyexpires", STW_ASSET_FIELD_WARRANTY_END },
  { "warrantyexpiration", STW_ASSET_FIELD_WARRANTY_END },
  { "warrantymonths", STW_ASSET_FIELD_WARRANTY_END },
  { "supplier", STW_ASSET_FIELD_SUPPLIER },
  { "notes", STW_ASSET_FIELD_NOTES },
  { "note", STW_ASSET_FIELD_NOTES },
  { "comments", STW_ASSET_FIELD_NOTES },
  { "uuid", STW_IMPORT_UUID },
};

/* The headers Steward writes: stable, never translated, read back by
 * stw_asset_csv_guess_target(). */
static const char * const target_headers[STW_N_IMPORT_TARGETS] = {
  NULL, "name", "tag", "serial", "category", "manufacturer", "model", "status",
  "location", "person", "purchase_date", "purchase_cost", "currency", "warranty_end",
  "supplier", "notes", "uuid",
};

/* ------------------------------------------------------------------------ */

static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, *p);

  return g_string_free (key, FALSE);
}

static gboolean
contains_word (const char *folded,
               const char *word)
{
  return strstr (folded, word) != NULL;
}

static const char *
strip (char *text)
{
  return text != NULL ? g_strstrip (text) : NULL;
}

/* ------------------------------------------------------------------------ */

/**
 * stw_asset_csv_guess_target:
 *
 * Returns: the #StwAssetField (or %STW_IMPORT_UUID) a column with this
 *   header most likely holds, or %STW_ASSET_FIELD_NONE
 */
int
stw_asset_csv_guess_target (const char *header)
{
  g_autofree char *key = normalize (header);

  for (guint i = 0; i < G_N_ELEMENTS (header_guesses); i++)
    if (g_str_equal (key, header_guesses[i].key))
      return header_guesses[i].target;

  return STW_ASSET_FIELD_NONE;
}

const char *
stw_asset_csv_target_header (int target)
{
  g_return_val_if_fail (target > STW_ASSET_FIELD_NONE && target < STW_N_IMPORT_TARGETS, NULL);
  return target_headers[target];
}

const char *
stw_asset_csv_target_label (int target)
{
  if (target == STW_IMPORT_UUID)
    return _("UUID");
  if (target == STW_ASSET_FIELD_NONE)
    /* Translators: a file column that is not imported */
    return _("Ignore");
  return stw_asset_field_label (target);
}

const char *
stw_date_format_label (StwDateFormat format)
{
  switch (format)
    {
    case STW_DATE_FORMAT_DMY:
      return _("Day/Month/Year (31/12/2026)");
    case STW_DATE_FORMAT_MDY:
      return _("Month/Day/Year (12/31/2026)");
    case STW_DATE_FORMAT_ISO:
    default:
      return _("Year-Month-Day (2026-12-31)");
    }
}

/**
 * stw_asset_csv_guess_date_format:
 *
 * Looks at the dates in @column of the sample rows: a first number
 * above 12 means day first, a second number above 12 month first, dots
 * mean day first.
 */
StwDateFormat
stw_asset_csv_guess_date_format (GPtrArray **rows,
                                 guint       n_rows,
                                 int         column)
{
  gboolean day_first = FALSE, month_first = FALSE, slashed = FALSE;

  if (column < 0)
    return STW_DATE_FORMAT_ISO;

  for (guint i = 0; i < n_rows; i++)
    {
      const char *text;
      guint a, b, c;
      char s1, s2;

      if (rows[i] == NULL || (guint)column >= rows[i]->len || rows[i]->pdata[column] == NULL)
        continue;

      text = rows[i]->pdata[column];
      if (sscanf (text, "%u%c%u%c%u", &a, &s1, &b, &s2, &c) != 5 || a > 31)
        continue;

      slashed = TRUE;
      if (s1 == '.' || a > 12)
        day_first = TRUE;
      else if (b > 12)
        month_first = TRUE;
    }

  if (!slashed)
    return STW_DATE_FORMAT_ISO;

  return month_first && !day_first ? STW_DATE_FORMAT_MDY : STW_DATE_FORMAT_DMY;
}

void
stw_asset_csv_mapping_guess (StwAssetCsvMapping  *mapping,
                             GPtrArray           *header,
                             GPtrArray          **sample_rows,
                             guint                n_sample_rows)
{
  int date_column;

  g_return_if_fail (mapping != NULL);

  for (guint t = 0; t < STW_N_IMPORT_TARGETS; t++)
    mapping->columns[t] = -1;

  for (guint c = 0; header != NULL && c < header->len; c++)
    {
      int target = stw_asset_csv_guess_target (header->pdata[c]);

      /* The first column with a header wins. */
      if (target != STW_ASSET_FIELD_NONE && mapping->columns[target] < 0)
        mapping->columns[target] = (int)c;
    }

  date_column = mapping->columns[STW_ASSET_FIELD_PURCHASE_DATE];
  if (date_column < 0)
    date_column = mapping->columns[STW_ASSET_FIELD_WARRANTY_END];
  mapping->date_format = stw_asset_csv_guess_date_format (sample_rows, n_sample_rows, date_column);
}

/**
 * stw_asset_csv_parse_category:
 *
 * Understands Steward's keys and labels and the usual words of other
 * tools (“Laptops”, “Switches”, “Mobile Phones”…). Anything else is
 * “other”.
 */
gboolean
stw_asset_csv_parse_category (const char       *text,
                              StwAssetCategory *category)
{
  g_autofree char *folded = NULL;

  if (stw_asset_category_from_key (text, category))
    return TRUE;

  folded = g_utf8_casefold (text != NULL ? text : "", -1);
  for (guint i = 0; i < STW_N_ASSET_CATEGORIES; i++)
    {
      g_autofree char *label = g_utf8_casefold (stw_asset_category_label (i), -1);

      if (g_str_equal (folded, label))
        {
          *category = i;
          return TRUE;
        }
    }

  if (contains_word (folded, "laptop") || contains_word (folded, "notebook"))
    *category = STW_ASSET_CATEGORY_LAPTOP;
  else if (contains_word (folded, "desktop") || contains_word (folded, "workstation"))
    *category = STW_ASSET_CATEGORY_DESKTOP;
  else if (contains_word (folded, "server"))
    *category = STW_ASSET_CATEGORY_SERVER;
  else if (contains_word (folded, "switch") || contains_word (folded, "router") ||
           contains_word (folded, "firewall") || contains_word (folded, "access point") ||
           contains_word (folded, "network"))
    *category = STW_ASSET_CATEGORY_NETWORK;
  else if (contains_word (folded, "monitor") || contains_word (folded, "display") ||
           contains_word (folded, "screen"))
    *category = STW_ASSET_CATEGORY_MONITOR;
  else if (contains_word (folded, "phone") || contains_word (folded, "mobile"))
    *category = STW_ASSET_CATEGORY_PHONE;
  else if (contains_word (folded, "printer") || contains_word (folded, "scanner"))
    *category = STW_ASSET_CATEGORY_PRINTER;
  else if (contains_word (folded, "keyboard") || contains_word (folded, "mouse") ||
           contains_word (folded, "headset") || contains_word (folded, "dock") ||
           contains_word (folded, "webcam") || contains_word (folded, "peripheral"))
    *category = STW_ASSET_CATEGORY_PERIPHERAL;
  else
    *category = STW_ASSET_CATEGORY_OTHER;

  return TRUE;
}

/**
 * stw_asset_csv_parse_status:
 *
 * Understands Steward's keys and labels and Snipe-IT's status labels
 * (“Ready to Deploy”, “Pending”, “Archived”, “Out for Repair”…).
 *
 * Returns: %FALSE for a status it cannot place
 */
gboolean
stw_asset_csv_parse_status (const char     *text,
                            StwAssetStatus *status)
{
  static const struct { const char *word; StwAssetStatus status; } words[] = {
    { "ready", STW_ASSET_STATUS_IN_STOCK },
    { "stock", STW_ASSET_STATUS_IN_STOCK },
    { "available", STW_ASSET_STATUS_IN_STOCK },
    { "pending", STW_ASSET_STATUS_IN_STOCK },
    { "spare", STW_ASSET_STATUS_IN_STOCK },
    { "deployed", STW_ASSET_STATUS_DEPLOYED },
    { "in use", STW_ASSET_STATUS_DEPLOYED },
    { "assigned", STW_ASSET_STATUS_DEPLOYED },
    { "checked out", STW_ASSET_STATUS_DEPLOYED },
    { "active", STW_ASSET_STATUS_DEPLOYED },
    { "repair", STW_ASSET_STATUS_IN_REPAIR },
    { "broken", STW_ASSET_STATUS_IN_REPAIR },
    { "maintenance", STW_ASSET_STATUS_IN_REPAIR },
    { "defective", STW_ASSET_STATUS_IN_REPAIR },
    { "diagnos", STW_ASSET_STATUS_IN_REPAIR },
    { "archived", STW_ASSET_STATUS_RETIRED },
    { "retired", STW_ASSET_STATUS_RETIRED },
    { "disposed", STW_ASSET_STATUS_RETIRED },
    { "decommissioned", STW_ASSET_STATUS_RETIRED },
    { "sold", STW_ASSET_STATUS_RETIRED },
    { "lost", STW_ASSET_STATUS_LOST },
    { "stolen", STW_ASSET_STATUS_LOST },
    { "missing", STW_ASSET_STATUS_LOST },
  };
  g_autofree char *folded = NULL;

  if (stw_asset_status_from_key (text, status))
    return TRUE;

  folded = g_utf8_casefold (text != NULL ? text : "", -1);
  for (guint i = 0; i < STW_N_ASSET_STATUSES; i++)
    {
      g_autofree char *label = g_utf8_casefold (stw_asset_status_label (i), -1);

      if (g_str_equal (folded, label))
        {
          *status = i;
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (contains_word (folded, words[i].word))
      {
        *status = words[i].status;
        return TRUE;
      }

  return FALSE;
}

/**
 * stw_asset_csv_parse_date:
 *
 * Reads a date written as @format; a time after it (“2026-03-31 00:00:00”,
 * as Snipe-IT writes) is ignored. ISO dates are read whatever @format.
 */
gboolean
stw_asset_csv_parse_date (const char     *text,
                          StwDateFormat   format,
                          char          **iso_date,
                          GError        **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *iso = NULL;
  char *space;
  guint a, b, c;
  char s1, s2;

  *iso_date = NULL;

  if (copy[0] == '\0')
    return TRUE;

  if ((space = strpbrk (copy, " T")) != NULL && space - copy >= 8)
    *space = '\0';

  if (strlen (copy) == 10 && copy[4] == '-' && copy[7] == '-')
    return stw_parse_date (copy, iso_date, error);

  if (sscanf (copy, "%u%c%u%c%u", &a, &s1, &b, &s2, &c) == 5 && s1 == s2 &&
      (s1 == '/' || s1 == '.' || s1 == '-') && c >= 1000)
    {
      guint day = format == STW_DATE_FORMAT_MDY ? b : a;
      guint month = format == STW_DATE_FORMAT_MDY ? a : b;

      /* The message quotes the date as the file writes it, not as the
       * ISO date made of it (“2026-31-12”), which the person never saw. */
      iso = g_strdup_printf ("%04u-%02u-%02u", c, month, day);
      if (!stw_parse_date (iso, iso_date, NULL))
        {
          g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                       _("“%s” is not a day in the calendar."), copy);
          return FALSE;
        }
      return TRUE;
    }

  g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
               _("“%s” is not a date in the chosen format (%s)."),
               copy, stw_date_format_label (format));
  return FALSE;
}

/* “36”, “36 months”, “3 years” after the purchase date. */
static gboolean
parse_warranty_length (const char *text,
                       guint      *months)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  char *end = NULL;
  guint64 value = g_ascii_strtoull (folded, &end, 10);

  if (end == folded || value == 0 || value > 600)
    return FALSE;

  while (*end == ' ')
    end++;

  if (*end == '\0' || g_str_has_prefix (end, "month"))
    *months = (guint)value;
  else if (g_str_has_prefix (end, "year"))
    *months = (guint)value * 12;
  else
    return FALSE;

  return TRUE;
}

/*
 * Spreadsheets write amounts with currency signs and digit grouping:
 * “1,899.00”, “1.899,00 €”, “$ 12,500”. Keeps the digits and one decimal
 * separator: with both kinds the last one is decimal; a separator that
 * repeats, or is followed by exactly three digits, groups.
 */
static char *
normalize_amount (const char *text)
{
  GString *amount = g_string_new (NULL);
  const char *last_dot, *last_comma;
  char grouping = '\0';

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) || c == '.' || c == ',' || c == '-')
        g_string_append_unichar (amount, c);
    }

  last_dot = strrchr (amount->str, '.');
  last_comma = strrchr (amount->str, ',');

  if (last_dot != NULL && last_comma != NULL)
    grouping = last_dot > last_comma ? ',' : '.';
  else if (last_dot != NULL || last_comma != NULL)
    {
      const char *last = last_dot != NULL ? last_dot : last_comma;
      char separator = *last;

      if (strchr (amount->str, separator) != last || strlen (last + 1) == 3)
        grouping = separator;
    }

  if (grouping != '\0')
    {
      char *out = amount->str;

      for (const char *p = amount->str; *p; p++)
        if (*p != grouping)
          *out++ = *p;
      *out = '\0';
      amount->len = out - amount->str;
    }

  return g_string_free (amount, FALSE);
}

/* Notes written on Windows break lines with “\r\n”, old Macs with “\r”;
 * Steward's notes break them with “\n” alone. */
static char *
normalize_line_breaks (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static const char *
column_text (const StwAssetCsvMapping *mapping,
             GPtrArray                *record,
             int                       target)
{
  int column = mapping->columns[target];

  if (column < 0 || (guint)column >= record->len)
    return NULL;

  /* Spreadsheets pad cells with spaces. Notes keep theirs, and their
   * line breaks at either end, as the store keeps them: an export
   * imports back the same. */
  if (target == STW_ASSET_FIELD_NOTES)
    return record->pdata[column];

  return strip (record->pdata[column]);
}

static gboolean
convert_text (StwAssetCsvRow  *row,
              StwAssetField    field,
              const char      *text,
              StwDateFormat    date_format,
              GError         **error)
{
  g_autofree char *iso = NULL;
  StwAssetCategory category;
  StwAssetStatus status;
  gint64 cost;

  switch (field)
    {
    case STW_ASSET_FIELD_CATEGORY:
      stw_asset_csv_parse_category (text, &category);
      stw_asset_set_category (row->asset, category);
      return TRUE;

    case STW_ASSET_FIELD_STATUS:
      if (text[0] == '\0')
        return TRUE;
      if (!stw_asset_csv_parse_status (text, &status))
        {
          g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                       _("“%s” is not a status Steward knows (in stock, deployed, "
                         "in repair, retired, lost)."), text);
          return FALSE;
        }
      stw_asset_set_status (row->asset, status);
      return TRUE;

    case STW_ASSET_FIELD_LOCATION:
      row->location_path = text[0] != '\0' ? g_strdup (text) : NULL;
      return stw_validate_line (text, stw_asset_field_label (field), FALSE, error);

    case STW_ASSET_FIELD_PERSON:
      row->person_name = text[0] != '\0' ? g_strdup (text) : NULL;
      return stw_validate_line (text, stw_asset_field_label (field), FALSE, error);

    case STW_ASSET_FIELD_PURCHASE_COST:
      {
        g_autofree char *amount = normalize_amount (text);

        /* Words without a digit (“twelve”, “n/a”) are not no cost. */
        if (amount[0] == '\0' && text[0] != '\0')
          {
            g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                         _("“%s” is not a cost. Enter an amount such as 1299.00."), text);
            return FALSE;
          }
        if (!stw_parse_cost (amount, &cost, error))
          return FALSE;
        stw_asset_set_purchase_cost (row->asset, cost);
        return TRUE;
      }

    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_WARRANTY_END:
      {
        guint months;

        if (field == STW_ASSET_FIELD_WARRANTY_END && parse_warranty_length (text, &months))
          {
            const char *purchase = stw_asset_get_text (row->asset, STW_ASSET_FIELD_PURCHASE_DATE);
            g_autoptr(GDate) date = NULL;
            char buffer[16];

            if (purchase == NULL)
              {
                g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                             _("A warranty of %u months needs a purchase date to count from."),
                             months);
                return FALSE;
              }
            /* The purchase date is already a checked YYYY-MM-DD. */
            date = g_date_new_dmy ((GDateDay)atoi (purchase + 8), (GDateMonth)atoi (purchase + 5),
                                   (GDateYear)atoi (purchase));
            g_date_add_months (date, months);
            g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
            iso = g_strdup (buffer);
          }
        else if (!stw_asset_csv_parse_date (text, date_format, &iso, error))
          {
            return FALSE;
          }
        stw_asset_set_text (row->asset, field, iso);
        return TRUE;
      }

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_CURRENCY:
    case STW_ASSET_FIELD_SUPPLIER:
    case STW_ASSET_FIELD_NOTES:
    default:
      if (field == STW_ASSET_FIELD_CURRENCY)
        {
          g_autofree char *upper = g_ascii_strup (text, -1);

          stw_asset_set_text (row->asset, field, upper);
        }
      else if (field == STW_ASSET_FIELD_NOTES && strchr (text, '\r') != NULL)
        {
          g_autofree char *notes = normalize_line_breaks (text);

          stw_asset_set_text (row->asset, field, notes);
        }
      else
        {
          stw_asset_set_text (row->asset, field, text);
        }
      return TRUE;
    }
}

/**
 * stw_asset_csv_convert:
 * @n_columns: how many columns the header has; a row with another count
 *   is refused, since its values would land in the wrong fields
 * @row: (out caller-allocates): filled on success; clear it with
 *   stw_asset_csv_row_clear()
 *
 * Turns one record of a file into an asset and checks it as the detail
 * pane would. The message of @error says what is wrong in words a person
 * can act on; the caller adds the line number.
 */
gboolean
stw_asset_csv_convert (const StwAssetCsvMapping  *mapping,
                       GPtrArray                 *record,
                       guint                      n_columns,
                       StwAssetCsvRow            *row,
                       GError                   **error)
{
  const char *uuid;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  memset (row, 0, sizeof *row);

  if (record->len == 1 && record->pdata[0] == NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("A quote is in the wrong place. Quote the whole field, and double "
                     "any quote inside it."));
      return FALSE;
    }

  if (record->len != n_columns)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("The row has %u fields, but the header has %u."), record->len, n_columns);
      return FALSE;
    }

  row->asset = stw_asset_new ();

  /* The purchase date first: a warranty in months counts from it. */
  static const StwAssetField order[] = {
    STW_ASSET_FIELD_PURCHASE_DATE, STW_ASSET_FIELD_NAME, STW_ASSET_FIELD_TAG,
    STW_ASSET_FIELD_SERIAL, STW_ASSET_FIELD_CATEGORY, STW_ASSET_FIELD_MANUFACTURER,
    STW_ASSET_FIELD_MODEL, STW_ASSET_FIELD_STATUS, STW_ASSET_FIELD_LOCATION,
    STW_ASSET_FIELD_PERSON, STW_ASSET_FIELD_PURCHASE_COST, STW_ASSET_FIELD_CURRENCY,
    STW_ASSET_FIELD_WARRANTY_END, STW_ASSET_FIELD_SUPPLIER, STW_ASSET_FIELD_NOTES,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (order) == STW_N_ASSET_FIELDS - 1);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      StwAssetField field = order[i];
      const char *text = column_text (mapping, record, field);

      if (mapping->columns[field] < 0)
        continue;

      /* Status and category cannot be empty: an empty cell gives a new
       * asset the default and leaves an updated one as it was. */
      if ((field == STW_ASSET_FIELD_STATUS || field == STW_ASSET_FIELD_CATEGORY) &&
          (text == NULL || text[0] == '\0'))
        continue;

      row->fields |= 1u << field;
      if (!convert_text (row, field, text != NULL ? text : "", mapping->date_format, error))
        {
          g_prefix_error (error, "%s: ", stw_asset_field_label (field));
          goto failed;
        }
    }

  /* The tag says which asset the row is: without it, nothing else
   * matters (nor the name made of it below). */
  if (!stw_validate_line (stw_asset_get_tag (row->asset),
                          stw_asset_field_label (STW_ASSET_FIELD_TAG), TRUE, error))
    goto failed;

  /* A new asset without a name is named after its model or tag. That
   * name is not the file's: an asset the row updates keeps its own. */
  if (stw_asset_get_name (row->asset) == NULL || stw_asset_get_name (row->asset)[0] == '\0')
    {
      const char *model = stw_asset_get_text (row->asset, STW_ASSET_FIELD_MODEL);

      stw_asset_set_name (row->asset, model != NULL ? model : stw_asset_get_tag (row->asset));
      row->fields &= ~(1u << STW_ASSET_FIELD_NAME);
    }

  uuid = column_text (mapping, record, STW_IMPORT_UUID);
  if (uuid != NULL && uuid[0] != '\0')
    {
      if (!g_uuid_string_is_valid (uuid))
        {
          g_set_error (error, STW_ERROR, STW_ERROR_INVALID, _("“%s” is not a UUID."), uuid);
          goto failed;
        }
      stw_asset_set_uuid (row->asset, uuid);
    }

  if (!stw_asset_validate (row->asset, NULL, error))
    goto failed;

  return TRUE;

failed:
  stw_asset_csv_row_clear (row);
  return FALSE;
}

void
stw_asset_csv_row_clear (StwAssetCsvRow *row)
{
  g_clear_object (&row->asset);
  g_clear_pointer (&row->location_path, g_free);
  g_clear_pointer (&row->person_name, g_free);
  row->fields = 0;
}

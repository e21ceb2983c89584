/* stw-validate.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "stw-validate.h"
#include "stw-error.h"

/* ------------------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
has_control_characters (const char *text,
                        gboolean    allow_newlines)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (allow_newlines && (c == '\n' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */

/**
 * stw_validate_line:
 * @label: the field's name as the person sees it, for the message
 *
 * A single-line value: valid UTF-8, no control characters, at most
 * %STW_MAX_LINE_LENGTH characters, and not blank when @required.
 */
gboolean
stw_validate_line (const char  *text,
                   const char  *label,
                   gboolean     required,
                   GError     **error)
{
  g_return_val_if_fail (label != NULL, FALSE);

  if (text == NULL || is_blank (text))
    {
      if (!required)
        return TRUE;

      g_set_error (error, STW_ERROR, STW_ERROR_REQUIRED,
                   /* Translators: %s is a field, like “Asset Tag” */
                   _("%s cannot be empty."), label);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("%s contains text that is not valid UTF-8."), label);
      return FALSE;
    }

  if (has_control_characters (text, FALSE))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("%s must be a single line without control characters."), label);
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > STW_MAX_LINE_LENGTH)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("%s is longer than %d characters."), label, STW_MAX_LINE_LENGTH);
      return FALSE;
    }

  return TRUE;
}

gboolean
stw_validate_notes (const char  *text,
                    GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("The notes contain text that is not valid UTF-8."));
      return FALSE;
    }

  if (has_control_characters (text, TRUE))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("The notes contain control characters."));
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > STW_MAX_NOTES_LENGTH)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("The notes are longer than %d characters."), STW_MAX_NOTES_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * stw_parse_date:
 * @text: what the person typed; empty means no date
 * @iso_date: (out) (optional): the date as YYYY-MM-DD, or %NULL when empty
 *
 * Dates are entered and stored as ISO 8601 calendar dates, the one form
 * that reads the same in every locale.
 */
gboolean
stw_parse_date (const char  *text,
                char       **iso_date,
                GError     **error)
{
  g_autofree char *copy = NULL;
  guint year, month, day;
  char tail;

  if (iso_date != NULL)
    *iso_date = NULL;

  if (text == NULL)
    return TRUE;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return TRUE;

  if (strlen (copy) != 10 ||
      sscanf (copy, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      copy[4] != '-' || copy[7] != '-' ||
      !g_ascii_isdigit (copy[0]) || !g_ascii_isdigit (copy[5]) || !g_ascii_isdigit (copy[8]))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” is not a date. Enter it as year-month-day, for example 2026-03-31."),
                   copy);
      return FALSE;
    }

  if (year < 1970 || year > 2199 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” is not a day in the calendar."), copy);
      return FALSE;
    }

  if (iso_date != NULL)
    *iso_date = g_steal_pointer (&copy);

  return TRUE;
}

/**
 * stw_parse_cost:
 * @cost: (out): the cost in minor units, or %STW_COST_UNSET when empty
 *
 * Accepts “1299”, “1299.5”, “1299,50” and “1 299.50”; at most two
 * decimals; never negative.
 */
gboolean
stw_parse_cost (const char  *text,
                gint64      *cost,
                GError     **error)
{
  g_autoptr(GString) digits = NULL;
  gboolean seen_separator = FALSE;
  gboolean seen_digit = FALSE;
  guint decimals = 0;
  gint64 value = 0;

  g_return_val_if_fail (cost != NULL, FALSE);

  *cost = STW_COST_UNSET;

  if (text == NULL)
    return TRUE;

  digits = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || (guchar)*p == 0xC2 || (guchar)*p == 0xA0)
        continue; /* spaces, including the no-break space some locales group with */
      g_string_append_c (digits, *p);
    }

  if (digits->len == 0)
    return TRUE;

  if (digits->str[0] == '-')
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID, _("A cost cannot be negative."));
      return FALSE;
    }

  for (const char *p = digits->str; *p; p++)
    {
      if ((*p == '.' || *p == ',') && !seen_separator)
        {
          seen_separator = TRUE;
          continue;
        }

      if (!g_ascii_isdigit (*p) || (seen_separator && decimals == 2))
        goto not_a_cost;

      /* Exactly the amounts whose minor units fit, so every cost
       * stw_format_cost() shows reads back. */
      if (value > (G_MAXINT64 - (*p - '0')) / 10)
        goto too_large;

      value = value * 10 + (*p - '0');
      seen_digit = TRUE;
      if (seen_separator)
        decimals++;
    }

  /* “.” alone is not an amount. */
  if (!seen_digit)
    goto not_a_cost;

  for (; decimals < 2; decimals++)
    {
      if (value > G_MAXINT64 / 10)
        goto too_large;
      value *= 10;
    }

  *cost = value;
  return TRUE;

not_a_cost:
  g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
               _("“%s” is not a cost. Enter an amount such as 1299.00."), text);
  return FALSE;

too_large:
  g_set_error (error, STW_ERROR, STW_ERROR_INVALID, _("The cost is too large."));
  return FALSE;
}

/**
 * stw_format_cost:
 *
 * Returns: (transfer full): the cost with two decimals, or an empty string
 *   when unset; the form stw_parse_cost() reads back.
 */
char *
stw_format_cost (gint64 cost)
{
  if (cost == STW_COST_UNSET)
    return g_strdup ("");

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cost / 100, (int)(ABS (cost) % 100));
}

/**
 * stw_format_time:
 * @usec: a time in µs since 1970 UTC, or 0 for none
 *
 * Returns: (transfer full) (nullable): the local time as a person reads
 *   it, “14 Mar 2026, 17:00”, or %NULL for none
 */
char *
stw_format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec == 0)
    return NULL;

  time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  if (time == NULL)
    return NULL;

  return g_strstrip (g_date_time_format (time, "%e %b %Y, %H:%M"));
}

/**
 * stw_format_time_entry:
 * @usec: a time in µs since 1970 UTC, or 0 for none
 *
 * Returns: (transfer full): the local time in the form stw_parse_time()
 *   reads, “2026-03-14 17:00”, or an empty string for none
 */
char *
stw_format_time_entry (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec == 0)
    return g_strdup ("");

  time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/**
 * stw_parse_time:
 * @text: what the person typed; empty means no time
 * @usec: (out): the time in µs since 1970 UTC, or 0 when empty
 *
 * Reads a local date and time as year-month-day hours:minutes. A date
 * alone means the end of that day, 23:59: “due on the 14th” is met by
 * anything done on the 14th.
 */
gboolean
stw_parse_time (const char  *text,
                gint64      *usec,
                GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) time = NULL;
  guint year, month, day, hour = 23, minute = 59;
  const char *clock;
  char tail;

  g_return_val_if_fail (usec != NULL, FALSE);

  *usec = 0;
  if (text == NULL)
    return TRUE;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return TRUE;

  /* The date part as for every other date, then an optional time. */
  date = g_strndup (copy, MIN (strlen (copy), 10));
  clock = copy + strlen (date);
  if (!stw_parse_date (date, NULL, NULL) ||
      (clock[0] != '\0' &&
       ((clock[0] != ' ' && clock[0] != 'T') ||
        strlen (clock + 1) != 5 || clock[3] != ':' ||
        !g_ascii_isdigit (clock[1]) || !g_ascii_isdigit (clock[4]) ||
        sscanf (clock + 1, "%2u:%2u%c", &hour, &minute, &tail) != 2 ||
        hour > 23 || minute > 59)))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” is not a time. Enter it as year-month-day and hours:minutes, for "
                     "example 2026-03-31 17:00."),
                   copy);
      return FALSE;
    }

  sscanf (date, "%4u-%2u-%2u", &year, &month, &day);
  time = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (time == NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” is not a time on the calendar."), copy);
      return FALSE;
    }

  *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return TRUE;
}

gboolean
stw_validate_currency (const char  *text,
                       GError     **error)
{
  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (strlen (text) != 3 ||
      !g_ascii_isupper (text[0]) || !g_ascii_isupper (text[1]) || !g_ascii_isupper (text[2]))
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” is not a currency code. Use three capital letters, such as EUR or USD."),
                   text);
      return FALSE;
    }

  return TRUE;
}

gboolean
stw_validate_email (const char  *text,
                    GError     **error)
{
  const char *at;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (!stw_validate_line (text, _("Email"), FALSE, error))
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
      strchr (text, ' ') != NULL)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("“%s” is not an email address."), text);
      return FALSE;
    }

  return TRUE;
}

/**
 * stw_asset_validate:
 * @bad_field: (out) (optional): the first field that is not acceptable
 *
 * Checks every field an asset can have on its own; uniqueness of the tag
 * needs the store and is checked there.
 */
gboolean
stw_asset_validate (StwAsset       *asset,
                    StwAssetField  *bad_field,
                    GError        **error)
{
  StwAssetField field = STW_ASSET_FIELD_NONE;
  const char *purchase;
  const char *warranty;

  g_return_val_if_fail (STW_IS_ASSET (asset), FALSE);

  for (field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    {
      const char *text;

      if (!stw_asset_field_is_text (field))
        continue;

      text = stw_asset_get_text (asset, field);

      switch (field)
        {
        case STW_ASSET_FIELD_NAME:
        case STW_ASSET_FIELD_TAG:
          if (!stw_validate_line (text, stw_asset_field_label (field), TRUE, error))
            goto failed;
          break;

        case STW_ASSET_FIELD_NOTES:
          if (!stw_validate_notes (text, error))
            goto failed;
          break;

        case STW_ASSET_FIELD_PURCHASE_DATE:
        case STW_ASSET_FIELD_WARRANTY_END:
          if (!stw_parse_date (text, NULL, error))
            goto failed;
          break;

        case STW_ASSET_FIELD_CURRENCY:
          if (!stw_validate_currency (text, error))
            goto failed;
          break;

        case STW_ASSET_FIELD_NONE:
        case STW_ASSET_FIELD_SERIAL:
        case STW_ASSET_FIELD_CATEGORY:
        case STW_ASSET_FIELD_MANUFACTURER:
        case STW_ASSET_FIELD_MODEL:
        case STW_ASSET_FIELD_STATUS:
        case STW_ASSET_FIELD_LOCATION:
        case STW_ASSET_FIELD_PERSON:
        case STW_ASSET_FIELD_PURCHASE_COST:
        case STW_ASSET_FIELD_SUPPLIER:
        default:
          if (!stw_validate_line (text, stw_asset_field_label (field), FALSE, error))
            goto failed;
          break;
        }
    }

  field = STW_ASSET_FIELD_PURCHASE_COST;
  if (stw_asset_get_purchase_cost (asset) != STW_COST_UNSET &&
      stw_asset_get_purchase_cost (asset) < 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID, _("A cost cannot be negative."));
      goto failed;
    }

  /* ISO dates compare as text. */
  field = STW_ASSET_FIELD_WARRANTY_END;
  purchase = stw_asset_get_text (asset, STW_ASSET_FIELD_PURCHASE_DATE);
  warranty = stw_asset_get_text (asset, STW_ASSET_FIELD_WARRANTY_END);
  if (purchase != NULL && warranty != NULL && strcmp (warranty, purchase) < 0)
    {
      g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
                   _("The warranty cannot end (%s) before the purchase date (%s)."),
                   warranty, purchase);
      goto failed;
    }

  if (bad_field != NULL)
    *bad_field = STW_ASSET_FIELD_NONE;
  return TRUE;

failed:
  if (bad_field != NULL)
    *bad_field = field;
  return FALSE;
}

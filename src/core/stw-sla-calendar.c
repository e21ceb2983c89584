/* stw-sla-calendar.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sla-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stw-error.h"
#include "stw-sla-calendar.h"

/*
 * SLA targets count working time: “respond within 4 hours” means four
 * hours of the team's working day, so a ticket opened on Friday evening
 * is due on Monday. Working hours are local wall-clock times in the
 * calendar's time zone; a day whose clocks change has its hours as the
 * clock shows them (a 08:00–17:00 day is still 08:00 to 17:00, one hour
 * shorter or longer if the change falls inside it). Holidays have no
 * working time. An “always” calendar (24×7) counts every second.
 */

/* No search looks further than this for working time. */
#define MAX_DAYS 3660

struct _StwSlaCalendar
{
  gatomicrefcount  ref_count;
  GTimeZone       *tz;
  gboolean         always;
  /* Indexed by GDateWeekday (1 = Monday … 7 = Sunday); start == end is a
   * day off. */
  int              start[8];
  int              end[8];
  GHashTable      *holidays;   /* Julian day numbers */
};

G_DEFINE_BOXED_TYPE (StwSlaCalendar, stw_sla_calendar, stw_sla_calendar_ref, stw_sla_calendar_unref)

static const char * const day_keys[8] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/**
 * stw_sla_calendar_new:
 * @tz: (nullable): the time zone of the working hours, or %NULL for the
 *   local one
 *
 * Returns: (transfer full): a calendar with no working hours yet
 */
StwSlaCalendar *
stw_sla_calendar_new (GTimeZone *tz)
{
  StwSlaCalendar *self = g_new0 (StwSlaCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  self->holidays = g_hash_table_new (NULL, NULL);

  return self;
}

/**
 * stw_sla_calendar_new_always:
 *
 * Returns: (transfer full): a calendar in which every second is working
 *   time (24×7)
 */
StwSlaCalendar *
stw_sla_calendar_new_always (void)
{
  StwSlaCalendar *self = stw_sla_calendar_new (NULL);

  self->always = TRUE;
  return self;
}

/**
 * stw_sla_calendar_new_default:
 *
 * Returns: (transfer full): office hours in the local time zone, Monday
 *   to Friday from 09:00 to 17:00, no holidays
 */
StwSlaCalendar *
stw_sla_calendar_new_default (void)
{
  StwSlaCalendar *self = stw_sla_calendar_new (NULL);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_FRIDAY; day++)
    stw_sla_calendar_set_hours (self, day, 9 * 60, 17 * 60);
  return self;
}

/**
 * stw_sla_calendar_get_timezone:
 *
 * Returns: (transfer none): the time zone its hours are in
 */
GTimeZone *
stw_sla_calendar_get_timezone (StwSlaCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tz;
}

StwSlaCalendar *
stw_sla_calendar_ref (StwSlaCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
stw_sla_calendar_unref (StwSlaCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_time_zone_unref (self->tz);
  g_hash_table_unref (self->holidays);
  g_free (self);
}

gboolean
stw_sla_calendar_is_always (StwSlaCalendar *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->always;
}

/**
 * stw_sla_calendar_set_hours:
 * @start_minute: minutes after midnight the working day starts
 * @end_minute: minutes after midnight it ends, up to 1440; equal to
 *   @start_minute for a day off
 */
void
stw_sla_calendar_set_hours (StwSlaCalendar *self,
                            GDateWeekday    day,
                            int             start_minute,
                            int             end_minute)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_weekday (day));
  g_return_if_fail (start_minute >= 0 && start_minute <= end_minute && end_minute <= 24 * 60);

  self->start[day] = start_minute;
  self->end[day] = end_minute;
}

/**
 * stw_sla_calendar_get_hours:
 *
 * Returns: whether @day has working hours
 */
gboolean
stw_sla_calendar_get_hours (StwSlaCalendar *self,
                            GDateWeekday    day,
                            int            *start_minute,
                            int            *end_minute)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_date_valid_weekday (day), FALSE);

  if (start_minute != NULL)
    *start_minute = self->start[day];
  if (end_minute != NULL)
    *end_minute = self->end[day];
  return self->end[day] > self->start[day];
}

void
stw_sla_calendar_add_holiday (StwSlaCalendar *self,
                              GDate          *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid (date));

  g_hash_table_add (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

void
stw_sla_calendar_remove_holiday (StwSlaCalendar *self,
                                 GDate          *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_hash_table_remove (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
stw_sla_calendar_is_holiday (StwSlaCalendar *self,
                             GDate          *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  return g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

/**
 * stw_sla_calendar_validate:
 *
 * Returns: %TRUE if SLA clocks can run in the calendar, or %FALSE with
 *   @error set (STW_ERROR_INVALID) when it has no working time at all
 */
gboolean
stw_sla_calendar_validate (StwSlaCalendar  *self,
                           GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->always)
    return TRUE;

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    if (self->end[day] > self->start[day])
      return TRUE;

  g_set_error_literal (error, STW_ERROR, STW_ERROR_INVALID,
                       _("The working hours have no working time on any day, so no SLA could "
                         "ever be met. Set hours for at least one day, or count around the "
                         "clock."));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Working time                                                             */
/* ------------------------------------------------------------------------ */

/* @date's working hours as instants, or FALSE on a day off. */
static gboolean
day_interval (StwSlaCalendar  *self,
              GDate           *date,
              GDateTime      **start,
              GDateTime      **end)
{
  GDateWeekday day = g_date_get_weekday (date);
  int year = g_date_get_year (date), month = g_date_get_month (date), mday = g_date_get_day (date);

  if (self->end[day] <= self->start[day] || stw_sla_calendar_is_holiday (self, date))
    return FALSE;

  *start = g_date_time_new (self->tz, year, month, mday, self->start[day] / 60,
                            self->start[day] % 60, 0);
  if (self->end[day] == 24 * 60)
    {
      g_autoptr(GDateTime) midnight = g_date_time_new (self->tz, year, month, mday, 0, 0, 0);

      *end = g_date_time_add_days (midnight, 1);
    }
  else
    {
      *end = g_date_time_new (self->tz, year, month, mday, self->end[day] / 60,
                              self->end[day] % 60, 0);
    }

  return *start != NULL && *end != NULL;
}

/* The local date of @time in the calendar's zone. */
static void
local_date (StwSlaCalendar *self,
            GDateTime      *time,
            GDate          *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, self->tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static GDateTime *
later (GDateTime *a,
       GDateTime *b)
{
  return g_date_time_compare (a, b) >= 0 ? a : b;
}

static GDateTime *
earlier (GDateTime *a,
         GDateTime *b)
{
  return g_date_time_compare (a, b) <= 0 ? a : b;
}

static gint64
seconds_between (GDateTime *from,
                 GDateTime *to)
{
  return g_date_time_difference (to, from) / G_TIME_SPAN_SECOND;
}

/**
 * stw_sla_calendar_working_seconds:
 *
 * Returns: the working seconds from @from to @to; 0 if @to is not later
 */
gint64
stw_sla_calendar_working_seconds (StwSlaCalendar *self,
                                  GDateTime      *from,
                                  GDateTime      *to)
{
  GDate date, last;
  gint64 total = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  if (g_date_time_compare (to, from) <= 0)
    return 0;

  if (self->always)
    return seconds_between (from, to);

  local_date (self, from, &date);
  local_date (self, to, &last);

  for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      GDateTime *a, *b;

      if (!day_interval (self, &date, &start, &end))
        continue;

      a = later (start, from);
      b = earlier (end, to);
      if (g_date_time_compare (b, a) > 0)
        total += seconds_between (a, b);
    }

  return total;
}

/**
 * stw_sla_calendar_add_working:
 *
 * Returns: (transfer full) (nullable): the instant at which @seconds of
 *   working time after @from have passed, or %NULL if the calendar has
 *   none within ten years
 */
GDateTime *
stw_sla_calendar_add_working (StwSlaCalendar *self,
                              GDateTime      *from,
                              gint64          seconds)
{
  GDate date;
  gint64 remaining = seconds;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);

  if (seconds <= 0)
    return g_date_time_ref (from);

  if (self->always)
    return g_date_time_add_seconds (from, (double)seconds);

  local_date (self, from, &date);

  for (guint i = 0; i < MAX_DAYS; i++, g_date_add_days (&date, 1))
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      GDateTime *begin;
      gint64 available;

      if (!day_interval (self, &date, &start, &end) || g_date_time_compare (end, from) <= 0)
        continue;

      begin = later (start, from);
      available = seconds_between (begin, end);
      if (available >= remaining)
        return g_date_time_add_seconds (begin, (double)remaining);
      remaining -= available;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* A ticket's clock                                                         */
/* ------------------------------------------------------------------------ */

static int
compare_pauses (gconstpointer a,
                gconstpointer b)
{
  return g_date_time_compare (((const StwSlaPause *)a)->start, ((const StwSlaPause *)b)->start);
}

/**
 * stw_sla_elapsed:
 * @start: when the clock started (the ticket was opened)
 * @pauses: (array length=n_pauses): the times the ticket waited, not
 *   overlapping
 * @now: when to read the clock
 *
 * Returns: the working seconds from @start to @now, less those the
 *   ticket spent waiting
 */
gint64
stw_sla_elapsed (StwSlaCalendar    *calendar,
                 GDateTime         *start,
                 const StwSlaPause *pauses,
                 guint              n_pauses,
                 GDateTime         *now)
{
  gint64 elapsed;

  g_return_val_if_fail (calendar != NULL, 0);
  g_return_val_if_fail (start != NULL && now != NULL, 0);

  elapsed = stw_sla_calendar_working_seconds (calendar, start, now);

  for (guint i = 0; i < n_pauses; i++)
    {
      GDateTime *from = later (pauses[i].start, start);
      GDateTime *to = pauses[i].end != NULL ? earlier (pauses[i].end, now) : now;

      elapsed -= stw_sla_calendar_working_seconds (calendar, from, to);
    }

  return MAX (elapsed, 0);
}

/**
 * stw_sla_due:
 * @start: when the clock started
 * @target: the working seconds the target allows
 * @pauses: (array length=n_pauses): the times the ticket waited, not
 *   overlapping
 *
 * The due time moves later by the working time spent waiting.
 *
 * Returns: (transfer full) (nullable): when the target is due, or %NULL
 *   while the ticket waits with time left (the clock is stopped) or when
 *   the calendar has no working time
 */
GDateTime *
stw_sla_due (StwSlaCalendar    *calendar,
             GDateTime         *start,
             gint64             target,
             const StwSlaPause *pauses,
             guint              n_pauses)
{
  g_autofree StwSlaPause *sorted = NULL;
  g_autoptr(GDateTime) cursor = NULL;
  gint64 remaining = target;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  sorted = g_memdup2 (pauses, sizeof (StwSlaPause) * n_pauses);
  if (n_pauses > 0)
    qsort (sorted, n_pauses, sizeof (StwSlaPause), compare_pauses);

  cursor = g_date_time_ref (start);
  for (guint i = 0; i < n_pauses; i++)
    {
      GDateTime *pause_start;
      gint64 work;

      if (sorted[i].end != NULL && g_date_time_compare (sorted[i].end, cursor) <= 0)
        continue;

      pause_start = later (sorted[i].start, cursor);
      work = stw_sla_calendar_working_seconds (calendar, cursor, pause_start);
      if (work >= remaining)
        return stw_sla_calendar_add_working (calendar, cursor, remaining);

      remaining -= work;
      if (sorted[i].end == NULL)
        return NULL;

      g_date_time_unref (cursor);
      cursor = g_date_time_ref (sorted[i].end);
    }

  return stw_sla_calendar_add_working (calendar, cursor, remaining);
}

/* ------------------------------------------------------------------------ */
/* As text                                                                  */
/* ------------------------------------------------------------------------ */

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

/* The holidays as sorted Julian day numbers. */
static GArray *
list_julian_days (StwSlaCalendar *self)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 julian = GPOINTER_TO_UINT (key);

      g_array_append_val (days, julian);
    }
  g_array_sort (days, compare_julian);
  return days;
}

/**
 * stw_sla_calendar_list_holidays:
 *
 * Returns: (transfer full) (element-type GDate): the holidays, earliest
 *   first
 */
GArray *
stw_sla_calendar_list_holidays (StwSlaCalendar *self)
{
  g_autoptr(GArray) days = NULL;
  GArray *dates;

  g_return_val_if_fail (self != NULL, NULL);

  days = list_julian_days (self);
  dates = g_array_sized_new (FALSE, TRUE, sizeof (GDate), days->len);
  for (guint i = 0; i < days->len; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (days, guint32, i));
      g_array_append_val (dates, date);
    }
  return dates;
}

/**
 * stw_sla_calendar_to_string:
 *
 * Returns: (transfer full): the calendar as one line for the settings:
 *   `always`, or `tz=Europe/Berlin;mon=08:00-17:00;…;holidays=2026-12-25,…`
 */
char *
stw_sla_calendar_to_string (StwSlaCalendar *self)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) days = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->always)
    return g_strdup ("always");

  text = g_string_new (NULL);
  g_string_append_printf (text, "tz=%s", g_time_zone_get_identifier (self->tz));
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    if (self->end[day] > self->start[day])
      g_string_append_printf (text, ";%s=%02d:%02d-%02d:%02d", day_keys[day],
                              self->start[day] / 60, self->start[day] % 60,
                              self->end[day] / 60, self->end[day] % 60);

  days = list_julian_days (self);

  if (days->len > 0)
    {
      g_string_append (text, ";holidays=");
      for (guint i = 0; i < days->len; i++)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, g_array_index (days, guint32, i));
          g_string_append_printf (text, "%s%04d-%02d-%02d", i > 0 ? "," : "",
                                  g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
parse_minute (const char *text,
              int        *minute)
{
  unsigned hours, minutes;
  char rest;

  if (sscanf (text, "%2u:%2u%c", &hours, &minutes, &rest) != 2 || minutes > 59 ||
      hours * 60 + minutes > 24 * 60)
    return FALSE;

  *minute = (int)(hours * 60 + minutes);
  return TRUE;
}

/**
 * stw_sla_calendar_new_from_string:
 *
 * Reads what stw_sla_calendar_to_string() writes.
 *
 * Returns: (transfer full) (nullable): the calendar, or %NULL with
 *   @error set (STW_ERROR_INVALID)
 */
StwSlaCalendar *
stw_sla_calendar_new_from_string (const char  *text,
                                  GError     **error)
{
  g_autoptr(StwSlaCalendar) self = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (g_str_equal (text, "always"))
    return stw_sla_calendar_new_always ();

  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *value = strchr (parts[i], '=');
      g_autofree char *key = value != NULL ? g_strndup (parts[i], value - parts[i]) : NULL;
      gboolean ok = FALSE;

      if (key == NULL)
        goto invalid;
      value++;

      if (g_str_equal (key, "tz") && self == NULL)
        {
          g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (value);

          if (tz == NULL)
            goto invalid;
          self = stw_sla_calendar_new (tz);
          continue;
        }

      if (self == NULL)
        goto invalid;

      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
        if (g_str_equal (key, day_keys[day]))
          {
            g_auto(GStrv) times = g_strsplit (value, "-", -1);
            int start, end;

            if (g_strv_length (times) != 2 || !parse_minute (times[0], &start) ||
                !parse_minute (times[1], &end) || end < start)
              goto invalid;
            stw_sla_calendar_set_hours (self, day, start, end);
            ok = TRUE;
          }

      if (g_str_equal (key, "holidays"))
        {
          g_auto(GStrv) dates = g_strsplit (value, ",", -1);

          for (guint d = 0; dates[d] != NULL; d++)
            {
              unsigned year, month, mday;
              char rest;
              GDate date;

              if (sscanf (dates[d], "%4u-%2u-%2u%c", &year, &month, &mday, &rest) != 3 ||
                  !g_date_valid_dmy (mday, month, year))
                goto invalid;
              g_date_clear (&date, 1);
              g_date_set_dmy (&date, mday, month, year);
              stw_sla_calendar_add_holiday (self, &date);
            }
          ok = TRUE;
        }

      if (!ok)
        goto invalid;
    }

  if (self == NULL)
    goto invalid;

  return g_steal_pointer (&self);

invalid:
  g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
               _("The working hours “%s” cannot be read."), text);
  return NULL;
}

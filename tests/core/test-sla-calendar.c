/* test-sla-calendar.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/stw-error.h"
#include "core/stw-sla-calendar.h"

#define HOUR 3600

static GTimeZone *
berlin (void)
{
  return g_time_zone_new_identifier ("Europe/Berlin");
}

/* Monday to Friday, 08:00 to 17:00, in Berlin. */
static StwSlaCalendar *
office_calendar (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  StwSlaCalendar *calendar = stw_sla_calendar_new (tz);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_FRIDAY; day++)
    stw_sla_calendar_set_hours (calendar, day, 8 * 60, 17 * 60);

  return calendar;
}

static GDateTime *
at (int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = berlin ();

  return g_date_time_new (tz, 2026, month, day, hour, minute, 0);
}

/* Checks that @time is @month-@day @hour:@minute in Berlin. */
static void
assert_at (GDateTime *time,
           int        month,
           int        day,
           int        hour,
           int        minute)
{
  g_autoptr(GDateTime) expected = at (month, day, hour, minute);

  g_assert_nonnull (time);
  if (!g_date_time_equal (time, expected))
    {
      g_autofree char *got = g_date_time_format_iso8601 (time);
      g_autofree char *want = g_date_time_format_iso8601 (expected);

      g_error ("got %s, expected %s", got, want);
    }
}

static gboolean
have_tzdata (void)
{
  g_autoptr(GTimeZone) tz = berlin ();

  if (tz == NULL)
    {
      g_test_skip ("No time zone data for Europe/Berlin");
      return FALSE;
    }
  return TRUE;
}

/* 2026-11-20 is a Friday, 2026-11-23 a Monday. */
static void
test_add_working (void)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GDateTime) monday_9 = NULL;
  g_autoptr(GDateTime) monday_15 = NULL;
  g_autoptr(GDateTime) monday_6 = NULL;
  g_autoptr(GDateTime) friday_16 = NULL;
  g_autoptr(GDateTime) saturday = NULL;
  g_autoptr(GDateTime) due = NULL;

  if (!have_tzdata ())
    return;

  calendar = office_calendar ();
  monday_9 = at (11, 23, 9, 0);
  monday_15 = at (11, 23, 15, 0);
  monday_6 = at (11, 23, 6, 0);
  friday_16 = at (11, 20, 16, 0);
  saturday = at (11, 21, 10, 0);

  /* Within a day. */
  due = stw_sla_calendar_add_working (calendar, monday_9, 4 * HOUR);
  assert_at (due, 11, 23, 13, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* Over the night: two hours on Monday, two on Tuesday. */
  due = stw_sla_calendar_add_working (calendar, monday_15, 4 * HOUR);
  assert_at (due, 11, 24, 10, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* Over the weekend. */
  due = stw_sla_calendar_add_working (calendar, friday_16, 4 * HOUR);
  assert_at (due, 11, 23, 11, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* Opened on Saturday: the clock starts on Monday morning. */
  due = stw_sla_calendar_add_working (calendar, saturday, HOUR);
  assert_at (due, 11, 23, 9, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* Before the day starts. */
  due = stw_sla_calendar_add_working (calendar, monday_6, HOUR);
  assert_at (due, 11, 23, 9, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* A whole day's hours end exactly at its end. */
  due = stw_sla_calendar_add_working (calendar, at (11, 23, 8, 0), 9 * HOUR);
  assert_at (due, 11, 23, 17, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* Nothing to add. */
  due = stw_sla_calendar_add_working (calendar, saturday, 0);
  g_assert_true (g_date_time_equal (due, saturday));
}

static void
test_working_seconds (void)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GDateTime) friday_16 = NULL;
  g_autoptr(GDateTime) monday_11 = NULL;
  g_autoptr(GDateTime) saturday = NULL;
  g_autoptr(GDateTime) sunday = NULL;

  if (!have_tzdata ())
    return;

  calendar = office_calendar ();
  friday_16 = at (11, 20, 16, 0);
  monday_11 = at (11, 23, 11, 0);
  saturday = at (11, 21, 10, 0);
  sunday = at (11, 22, 10, 0);

  g_assert_cmpint (stw_sla_calendar_working_seconds (calendar, friday_16, monday_11), ==, 4 * HOUR);
  g_assert_cmpint (stw_sla_calendar_working_seconds (calendar, saturday, sunday), ==, 0);
  g_assert_cmpint (stw_sla_calendar_working_seconds (calendar, monday_11, friday_16), ==, 0);
  g_assert_cmpint (stw_sla_calendar_working_seconds (calendar, monday_11, monday_11), ==, 0);

  /* A week: five days of nine hours. */
  {
    g_autoptr(GDateTime) start = at (11, 23, 0, 0);
    g_autoptr(GDateTime) end = at (11, 30, 0, 0);

    g_assert_cmpint (stw_sla_calendar_working_seconds (calendar, start, end), ==, 45 * HOUR);
  }
}

static void
test_holidays (void)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GDateTime) friday_16 = NULL;
  g_autoptr(GDateTime) due = NULL;
  GDate monday;

  if (!have_tzdata ())
    return;

  calendar = office_calendar ();
  friday_16 = at (11, 20, 16, 0);
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 23, G_DATE_NOVEMBER, 2026);
  stw_sla_calendar_add_holiday (calendar, &monday);
  g_assert_true (stw_sla_calendar_is_holiday (calendar, &monday));

  /* Monday is off: Friday's hour, then Tuesday. */
  due = stw_sla_calendar_add_working (calendar, friday_16, 4 * HOUR);
  assert_at (due, 11, 24, 11, 0);
}

/* In 2026 Berlin's clocks go forward on 29 March at 02:00 and back on
 * 25 October at 03:00. */
static void
test_daylight_saving (void)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(StwSlaCalendar) night = NULL;
  g_autoptr(StwSlaCalendar) office = NULL;
  g_autoptr(StwSlaCalendar) always = stw_sla_calendar_new_always ();
  g_autoptr(GDateTime) due = NULL;

  if (!have_tzdata ())
    return;

  tz = berlin ();
  night = stw_sla_calendar_new (tz);
  stw_sla_calendar_set_hours (night, G_DATE_SUNDAY, 1 * 60, 5 * 60);

  /* 01:00–05:00 by the clock: three hours in March, five in October. */
  {
    g_autoptr(GDateTime) march_start = at (3, 29, 0, 0);
    g_autoptr(GDateTime) march_end = at (3, 30, 0, 0);
    g_autoptr(GDateTime) october_start = at (10, 25, 0, 0);
    g_autoptr(GDateTime) october_end = at (10, 26, 0, 0);

    g_assert_cmpint (stw_sla_calendar_working_seconds (night, march_start, march_end), ==, 3 * HOUR);
    g_assert_cmpint (stw_sla_calendar_working_seconds (night, october_start, october_end), ==,
                     5 * HOUR);
    /* Around the clock counts real time: 23 and 25 hours. */
    g_assert_cmpint (stw_sla_calendar_working_seconds (always, march_start, march_end), ==,
                     23 * HOUR);
    g_assert_cmpint (stw_sla_calendar_working_seconds (always, october_start, october_end), ==,
                     25 * HOUR);
  }

  /* Office hours over the weekend the clocks change: Monday starts at
   * 08:00 summer time, 06:00 UTC. */
  office = office_calendar ();
  {
    g_autoptr(GDateTime) friday_16 = at (3, 27, 16, 0);
    g_autoptr(GDateTime) utc = NULL;

    due = stw_sla_calendar_add_working (office, friday_16, 2 * HOUR);
    assert_at (due, 3, 30, 9, 0);
    utc = g_date_time_to_utc (due);
    g_assert_cmpint (g_date_time_get_hour (utc), ==, 7);
  }
}

static void
test_pauses (void)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) pause_start = NULL;
  g_autoptr(GDateTime) pause_end = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) now = NULL;
  StwSlaPause pauses[2];

  if (!have_tzdata ())
    return;

  calendar = office_calendar ();
  start = at (11, 23, 9, 0);
  pause_start = at (11, 23, 11, 0);
  pause_end = at (11, 23, 14, 0);
  before = at (11, 20, 10, 0);
  now = at (11, 23, 16, 0);

  /* Eight hours without a pause: Monday 17:00. */
  due = stw_sla_due (calendar, start, 8 * HOUR, NULL, 0);
  assert_at (due, 11, 23, 17, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* Waiting three hours moves it three working hours on: Tuesday 11:00.
   * A pause from before the ticket changes nothing. */
  pauses[0] = (StwSlaPause) { pause_start, pause_end };
  pauses[1] = (StwSlaPause) { before, before };
  due = stw_sla_due (calendar, start, 8 * HOUR, pauses, 2);
  assert_at (due, 11, 24, 11, 0);
  g_clear_pointer (&due, g_date_time_unref);

  /* Seven hours since the start, three of them waiting. */
  g_assert_cmpint (stw_sla_elapsed (calendar, start, pauses, 1, now), ==, 4 * HOUR);
  g_assert_cmpint (stw_sla_elapsed (calendar, start, NULL, 0, now), ==, 7 * HOUR);

  /* Still waiting, with time left: the clock is stopped, nothing is due,
   * and the time elapsed stays where the wait began. */
  pauses[0] = (StwSlaPause) { pause_start, NULL };
  g_assert_null (stw_sla_due (calendar, start, 8 * HOUR, pauses, 1));
  g_assert_cmpint (stw_sla_elapsed (calendar, start, pauses, 1, now), ==, 2 * HOUR);

  /* A wait after the target was due does not move it. */
  pauses[0] = (StwSlaPause) { now, NULL };
  due = stw_sla_due (calendar, start, HOUR, pauses, 1);
  assert_at (due, 11, 23, 10, 0);
}

static void
test_validate (void)
{
  g_autoptr(StwSlaCalendar) empty = stw_sla_calendar_new (NULL);
  g_autoptr(StwSlaCalendar) always = stw_sla_calendar_new_always ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int start, end;

  g_assert_false (stw_sla_calendar_validate (empty, &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no working time"));
  g_clear_error (&error);

  /* With no working time nothing is ever due. */
  g_assert_null (stw_sla_calendar_add_working (empty, now, HOUR));

  g_assert_true (stw_sla_calendar_validate (always, &error));
  g_assert_no_error (error);

  stw_sla_calendar_set_hours (empty, G_DATE_SATURDAY, 10 * 60, 12 * 60);
  g_assert_true (stw_sla_calendar_validate (empty, &error));
  g_assert_true (stw_sla_calendar_get_hours (empty, G_DATE_SATURDAY, &start, &end));
  g_assert_cmpint (start, ==, 600);
  g_assert_cmpint (end, ==, 720);
  g_assert_false (stw_sla_calendar_get_hours (empty, G_DATE_MONDAY, &start, &end));
}

static void
test_text (void)
{
  static const char * const bad[] = {
    "", "tz=Nowhere/Else", "mon=08:00-17:00", "tz=UTC;mon=8-17", "tz=UTC;mon=17:00-08:00",
    "tz=UTC;mon=08:00-25:00", "tz=UTC;holidays=2026-02-30", "tz=UTC;someday=08:00-09:00",
    "tz=UTC;mon", "tz=UTC;mon=08:00-17:00x",
  };
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(StwSlaCalendar) back = NULL;
  g_autoptr(StwSlaCalendar) always = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  GDate date;

  if (!have_tzdata ())
    return;

  calendar = office_calendar ();
  stw_sla_calendar_set_hours (calendar, G_DATE_SATURDAY, 9 * 60 + 30, 24 * 60);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_DECEMBER, 2026);
  stw_sla_calendar_add_holiday (calendar, &date);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  stw_sla_calendar_add_holiday (calendar, &date);

  text = stw_sla_calendar_to_string (calendar);
  g_assert_cmpstr (text, ==,
                   "tz=Europe/Berlin;mon=08:00-17:00;tue=08:00-17:00;wed=08:00-17:00;"
                   "thu=08:00-17:00;fri=08:00-17:00;sat=09:30-24:00;"
                   "holidays=2026-01-01,2026-12-25");

  back = stw_sla_calendar_new_from_string (text, &error);
  g_assert_no_error (error);
  again = stw_sla_calendar_to_string (back);
  g_assert_cmpstr (again, ==, text);
  g_assert_true (stw_sla_calendar_is_holiday (back, &date));

  always = stw_sla_calendar_new_from_string ("always", &error);
  g_assert_no_error (error);
  g_assert_true (stw_sla_calendar_is_always (always));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(StwSlaCalendar) none = stw_sla_calendar_new_from_string (bad[i], &error);

      if (none != NULL)
        g_error ("“%s” was read", bad[i]);
      g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_default_and_holiday_list (void)
{
  g_autoptr(StwSlaCalendar) calendar = stw_sla_calendar_new_default ();
  g_autoptr(GArray) dates = NULL;
  GDate christmas, new_year;
  int start, end;

  g_assert_false (stw_sla_calendar_is_always (calendar));
  g_assert_nonnull (stw_sla_calendar_get_timezone (calendar));
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_FRIDAY; day++)
    {
      g_assert_true (stw_sla_calendar_get_hours (calendar, day, &start, &end));
      g_assert_cmpint (start, ==, 9 * 60);
      g_assert_cmpint (end, ==, 17 * 60);
    }
  g_assert_false (stw_sla_calendar_get_hours (calendar, G_DATE_SATURDAY, NULL, NULL));

  /* Listed earliest first, whatever the order they were added in. */
  g_date_set_dmy (&new_year, 1, G_DATE_JANUARY, 2027);
  g_date_set_dmy (&christmas, 25, G_DATE_DECEMBER, 2026);
  stw_sla_calendar_add_holiday (calendar, &new_year);
  stw_sla_calendar_add_holiday (calendar, &christmas);
  dates = stw_sla_calendar_list_holidays (calendar);
  g_assert_cmpuint (dates->len, ==, 2);
  g_assert_cmpint (g_date_compare (&g_array_index (dates, GDate, 0), &christmas), ==, 0);
  g_assert_cmpint (g_date_compare (&g_array_index (dates, GDate, 1), &new_year), ==, 0);
  g_clear_pointer (&dates, g_array_unref);

  stw_sla_calendar_remove_holiday (calendar, &christmas);
  g_assert_false (stw_sla_calendar_is_holiday (calendar, &christmas));
  dates = stw_sla_calendar_list_holidays (calendar);
  g_assert_cmpuint (dates->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/core/sla-calendar/add-working", test_add_working);
  g_test_add_func ("/steward/core/sla-calendar/working-seconds", test_working_seconds);
  g_test_add_func ("/steward/core/sla-calendar/holidays", test_holidays);
  g_test_add_func ("/steward/core/sla-calendar/daylight-saving", test_daylight_saving);
  g_test_add_func ("/steward/core/sla-calendar/pauses", test_pauses);
  g_test_add_func ("/steward/core/sla-calendar/validate", test_validate);
  g_test_add_func ("/steward/core/sla-calendar/text", test_text);
  g_test_add_func ("/steward/core/sla-calendar/default-and-holiday-list",
                   test_default_and_holiday_list);

  return g_test_run ();
}

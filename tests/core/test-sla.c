/* test-sla.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/stw-error.h"
#include "core/stw-sla.h"

#define HOUR 3600

static void
test_policy (void)
{
  static const char * const bad[] = {
    "", "p1=30/240", "p1=30/240;p2=60/480;p3=240/1440;p4=480/2400;p5=960/4800;p5=1/1",
    "p0=30/240;p2=60/480;p3=240/1440;p4=480/2400;p5=960/4800",
    "p1=0/240;p2=60/480;p3=240/1440;p4=480/2400;p5=960/4800",
    "p1=300/240;p2=60/480;p3=240/1440;p4=480/2400;p5=960/4800",
    "p1=30/240;p2=60/480;p3=240/1440;p4=480/2400;p5=960/4800x",
    "p1=-30/240;p2=60/480;p3=240/1440;p4=480/2400;p5=960/4800",
  };
  StwSlaPolicy policy, parsed;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  stw_sla_policy_init_default (&policy);
  g_assert_cmpint (policy.response[1], ==, HOUR / 2);
  g_assert_cmpint (policy.resolution[1], ==, 4 * HOUR);
  for (int p = 1; p < 5; p++)
    {
      g_assert_cmpint (policy.response[p], <=, policy.response[p + 1]);
      g_assert_cmpint (policy.resolution[p], <=, policy.resolution[p + 1]);
    }

  text = stw_sla_policy_to_string (&policy);
  g_assert_cmpstr (text, ==, "p1=30/240;p2=60/480;p3=240/1440;p4=480/2400;p5=960/4800");

  memset (&parsed, 0, sizeof parsed);
  g_assert_true (stw_sla_policy_parse (&parsed, "p5=1/2;p4=3/4;p3=5/6;p2=7/8;p1=9/10", &error));
  g_assert_no_error (error);
  g_assert_cmpint (parsed.response[1], ==, 9 * 60);
  g_assert_cmpint (parsed.resolution[5], ==, 2 * 60);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      StwSlaPolicy untouched = policy;

      if (stw_sla_policy_parse (&untouched, bad[i], &error))
        g_error ("“%s” was read", bad[i]);
      g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpmem (&untouched, sizeof untouched, &policy, sizeof policy);
    }
}

static GDateTime *
utc (int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (2026, 11, day, hour, minute, 0);
}

/* Around the clock, so the arithmetic is plain: opened on the 23rd at
 * 09:00 with four hours to go. */
static void
test_clock (void)
{
  g_autoptr(StwSlaCalendar) always = stw_sla_calendar_new_always ();
  g_autoptr(GDateTime) start = utc (23, 9, 0);
  g_autoptr(GDateTime) at_10 = utc (23, 10, 0);
  g_autoptr(GDateTime) at_12 = utc (23, 12, 0);
  g_autoptr(GDateTime) at_14 = utc (23, 14, 0);
  g_autoptr(GDateTime) at_16 = utc (23, 16, 0);
  g_autoptr(GDateTime) due = utc (23, 13, 0);
  StwSlaClock clock;
  StwSlaPause pause;

  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, NULL, 0, NULL, at_10);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_RUNNING);
  g_assert_cmpint (clock.elapsed, ==, HOUR);
  g_assert_cmpint (clock.left, ==, 3 * HOUR);
  g_assert_true (g_date_time_equal (clock.due, due));
  stw_sla_clock_clear (&clock);

  /* An hour left of four: at risk. */
  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, NULL, 0, NULL, at_12);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_AT_RISK);
  stw_sla_clock_clear (&clock);

  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, NULL, 0, NULL, at_14);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_BREACHED);
  g_assert_cmpint (clock.left, ==, -HOUR);
  stw_sla_clock_clear (&clock);

  /* Waiting since 10:00: stopped with three hours left, nothing due. */
  pause = (StwSlaPause) { at_10, NULL };
  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, &pause, 1, NULL, at_16);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_PAUSED);
  g_assert_cmpint (clock.left, ==, 3 * HOUR);
  g_assert_null (clock.due);
  stw_sla_clock_clear (&clock);

  /* Waited from 10:00 to 12:00: due at 15:00. */
  pause = (StwSlaPause) { at_10, at_12 };
  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, &pause, 1, NULL, at_14);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_AT_RISK);
  {
    g_autoptr(GDateTime) later = utc (23, 15, 0);

    g_assert_true (g_date_time_equal (clock.due, later));
  }
  stw_sla_clock_clear (&clock);

  /* Met at 12:00, in time; met at 14:00, late. */
  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, NULL, 0, at_12, at_16);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_MET);
  g_assert_cmpint (clock.left, ==, HOUR);
  g_assert_null (clock.due);
  stw_sla_clock_clear (&clock);
  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, NULL, 0, at_14, at_16);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_MISSED);
  stw_sla_clock_clear (&clock);

  /* A breached ticket that waits is still breached. */
  pause = (StwSlaPause) { at_14, NULL };
  stw_sla_clock_compute (&clock, always, 4 * HOUR, start, &pause, 1, NULL, at_16);
  g_assert_cmpint (clock.state, ==, STW_SLA_STATE_BREACHED);
  stw_sla_clock_clear (&clock);
}

static void
test_labels (void)
{
  g_autofree char *minutes = stw_sla_format_duration (45 * 60 + 30);
  g_autofree char *hours = stw_sla_format_duration (-(27 * HOUR + 5 * 60));

  g_assert_cmpstr (minutes, ==, "45 min");
  g_assert_cmpstr (hours, ==, "27 h 05 min");

  /* Every state has words and an icon, not a colour alone. */
  for (StwSlaState state = STW_SLA_STATE_RUNNING; state <= STW_SLA_STATE_MISSED; state++)
    {
      g_assert_nonnull (stw_sla_state_label (state));
      g_assert_nonnull (stw_sla_state_icon_name (state));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/core/sla/policy", test_policy);
  g_test_add_func ("/steward/core/sla/clock", test_clock);
  g_test_add_func ("/steward/core/sla/labels", test_labels);

  return g_test_run ();
}

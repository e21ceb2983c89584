/* stw-sla.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sla"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "stw-error.h"
#include "stw-sla.h"
#include "stw-ticket-rules.h"

/*
 * SLA policies and clocks. A policy gives, per priority, how much
 * working time a ticket has for its first response and for its
 * resolution. A clock says where a ticket stands against one target:
 * time left, at risk (a quarter or less left), breached, paused while
 * the ticket waits, or, once the target is reached, met or missed.
 */

#define MINUTE 60
#define HOUR (60 * MINUTE)

void
stw_sla_policy_init_default (StwSlaPolicy *policy)
{
  static const gint64 response[6] = { 0, 30 * MINUTE, 1 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR };
  static const gint64 resolution[6] = { 0, 4 * HOUR, 8 * HOUR, 24 * HOUR, 40 * HOUR, 80 * HOUR };

  g_return_if_fail (policy != NULL);

  for (int p = 0; p < 6; p++)
    {
      policy->response[p] = response[p];
      policy->resolution[p] = resolution[p];
    }
}

/**
 * stw_sla_policy_to_string:
 *
 * Returns: (transfer full): the policy as one line for the settings:
 *   `p1=30/240;p2=…`, response and resolution in minutes
 */
char *
stw_sla_policy_to_string (const StwSlaPolicy *policy)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (policy != NULL, NULL);

  for (int p = STW_PRIORITY_HIGHEST; p <= STW_PRIORITY_LOWEST; p++)
    g_string_append_printf (text, "%sp%d=%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                            p > STW_PRIORITY_HIGHEST ? ";" : "", p,
                            policy->response[p] / MINUTE, policy->resolution[p] / MINUTE);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * stw_sla_policy_parse:
 *
 * Reads what stw_sla_policy_to_string() writes: every priority once, a
 * response of at least a minute and a resolution no shorter than it.
 * @policy is left as it was on failure.
 *
 * Returns: %TRUE, or %FALSE with @error set (STW_ERROR_INVALID)
 */
gboolean
stw_sla_policy_parse (StwSlaPolicy  *policy,
                      const char    *text,
                      GError       **error)
{
  g_auto(GStrv) parts = NULL;
  StwSlaPolicy parsed = { { 0 }, { 0 } };
  guint seen = 0;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      unsigned priority, response, resolution;
      char rest;

      if (sscanf (parts[i], "p%u=%u/%u%c", &priority, &response, &resolution, &rest) != 3 ||
          priority < STW_PRIORITY_HIGHEST || priority > STW_PRIORITY_LOWEST ||
          (seen & (1u << priority)) != 0 || response == 0 || resolution < response ||
          resolution > 10 * 365 * 24 * 60)
        goto invalid;

      seen |= 1u << priority;
      parsed.response[priority] = (gint64)response * MINUTE;
      parsed.resolution[priority] = (gint64)resolution * MINUTE;
    }

  if (seen != 0x3e)
    goto invalid;

  *policy = parsed;
  return TRUE;

invalid:
  g_set_error (error, STW_ERROR, STW_ERROR_INVALID,
               _("The SLA targets “%s” cannot be read: each priority from P1 to P5 needs a "
                 "response time of at least a minute and a resolution time no shorter."),
               text);
  return FALSE;
}

/* ------------------------------------------------------------------------ */

static gboolean
is_paused (const StwSlaPause *pauses,
           guint              n_pauses,
           GDateTime         *now)
{
  for (guint i = 0; i < n_pauses; i++)
    if (pauses[i].end == NULL && g_date_time_compare (pauses[i].start, now) <= 0)
      return TRUE;

  return FALSE;
}

/**
 * stw_sla_clock_compute:
 * @target: working seconds the target allows
 * @start: when the clock started (the ticket was opened)
 * @pauses: (array length=n_pauses): the times the ticket waited
 * @met: (nullable): when the target was reached (first response,
 *   resolution), or %NULL if not yet
 * @now: the time to read the clock at
 *
 * Fills @clock; clear it with stw_sla_clock_clear().
 */
void
stw_sla_clock_compute (StwSlaClock       *clock,
                       StwSlaCalendar    *calendar,
                       gint64             target,
                       GDateTime         *start,
                       const StwSlaPause *pauses,
                       guint              n_pauses,
                       GDateTime         *met,
                       GDateTime         *now)
{
  g_return_if_fail (clock != NULL);
  g_return_if_fail (calendar != NULL && start != NULL && now != NULL);

  clock->target = target;
  clock->elapsed = stw_sla_elapsed (calendar, start, pauses, n_pauses, met != NULL ? met : now);
  clock->left = target - clock->elapsed;
  clock->due = NULL;

  if (met != NULL)
    {
      clock->state = clock->left >= 0 ? STW_SLA_STATE_MET : STW_SLA_STATE_MISSED;
      return;
    }

  if (clock->left < 0)
    clock->state = STW_SLA_STATE_BREACHED;
  else if (is_paused (pauses, n_pauses, now))
    clock->state = STW_SLA_STATE_PAUSED;
  else if (clock->left * 4 <= target)
    clock->state = STW_SLA_STATE_AT_RISK;
  else
    clock->state = STW_SLA_STATE_RUNNING;

  if (clock->state != STW_SLA_STATE_PAUSED)
    clock->due = stw_sla_due (calendar, start, target, pauses, n_pauses);
}

void
stw_sla_clock_clear (StwSlaClock *clock)
{
  g_return_if_fail (clock != NULL);
  g_clear_pointer (&clock->due, g_date_time_unref);
}

/**
 * stw_sla_state_label:
 *
 * Returns: what to show beside the icon: a state is never told by colour
 *   alone
 */
const char *
stw_sla_state_label (StwSlaState state)
{
  switch (state)
    {
    case STW_SLA_STATE_RUNNING:
      return _("On Time");
    case STW_SLA_STATE_AT_RISK:
      return _("At Risk");
    case STW_SLA_STATE_BREACHED:
      return _("Breached");
    case STW_SLA_STATE_PAUSED:
      return _("Paused");
    case STW_SLA_STATE_MET:
      return _("Met");
    case STW_SLA_STATE_MISSED:
      return _("Missed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stw_sla_state_icon_name (StwSlaState state)
{
  switch (state)
    {
    case STW_SLA_STATE_RUNNING:
      return "alarm-symbolic";
    case STW_SLA_STATE_AT_RISK:
      return "dialog-warning-symbolic";
    case STW_SLA_STATE_BREACHED:
      return "appointment-missed-symbolic";
    case STW_SLA_STATE_PAUSED:
      return "media-playback-pause-symbolic";
    case STW_SLA_STATE_MET:
      return "emblem-ok-symbolic";
    case STW_SLA_STATE_MISSED:
      return "appointment-missed-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * stw_sla_format_duration:
 *
 * Returns: (transfer full): @seconds of working time as hours and
 *   minutes, “2 h 05 min” or “45 min”; the sign is dropped
 */
char *
stw_sla_format_duration (gint64 seconds)
{
  gint64 minutes = ABS (seconds) / MINUTE;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int)minutes);

  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), (int)(minutes / 60), (int)(minutes % 60));
}

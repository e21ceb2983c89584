/* stw-sla.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/stw-sla-calendar.h"

G_BEGIN_DECLS

/* Response and resolution targets per priority, in working seconds. */
typedef struct
{
  gint64 response[6];     /* indexed by priority, 1–5 */
  gint64 resolution[6];
} StwSlaPolicy;

typedef enum
{
  STW_SLA_STATE_RUNNING,    /* time left */
  STW_SLA_STATE_AT_RISK,    /* a quarter of the time or less left */
  STW_SLA_STATE_BREACHED,   /* due and not met */
  STW_SLA_STATE_PAUSED,     /* waiting: the clock is stopped */
  STW_SLA_STATE_MET,        /* met in time */
  STW_SLA_STATE_MISSED,     /* met, but late */
} StwSlaState;

/* Where one target of a ticket stands. */
typedef struct
{
  StwSlaState  state;
  gint64       target;    /* working seconds allowed */
  gint64       elapsed;   /* working seconds used, waits left out */
  gint64       left;      /* target - elapsed; negative once breached */
  GDateTime   *due;       /* NULL while paused, and once met */
} StwSlaClock;

void        stw_sla_policy_init_default  (StwSlaPolicy       *policy);
char       *stw_sla_policy_to_string     (const StwSlaPolicy *policy);
gboolean    stw_sla_policy_parse         (StwSlaPolicy       *policy,
                                          const char         *text,
                                          GError            **error);

void        stw_sla_clock_compute        (StwSlaClock        *clock,
                                          StwSlaCalendar     *calendar,
                                          gint64              target,
                                          GDateTime          *start,
                                          const StwSlaPause  *pauses,
                                          guint               n_pauses,
                                          GDateTime          *met,
                                          GDateTime          *now);
void        stw_sla_clock_clear          (StwSlaClock        *clock);
const char *stw_sla_state_label          (StwSlaState         state);
const char *stw_sla_state_icon_name      (StwSlaState         state);
char       *stw_sla_format_duration      (gint64              seconds);

G_END_DECLS

/* stw-sla-calendar.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The working hours SLA clocks run in: hours per weekday and holidays in
 * a time zone, or around the clock. */
typedef struct _StwSlaCalendar StwSlaCalendar;

/* A time a ticket waited (pending): from @start to @end, or still
 * waiting when @end is NULL. */
typedef struct
{
  GDateTime *start;
  GDateTime *end;
} StwSlaPause;

#define STW_TYPE_SLA_CALENDAR (stw_sla_calendar_get_type ())

GType           stw_sla_calendar_get_type      (void) G_GNUC_CONST;
StwSlaCalendar *stw_sla_calendar_new           (GTimeZone       *tz);
StwSlaCalendar *stw_sla_calendar_new_always    (void);
StwSlaCalendar *stw_sla_calendar_new_default   (void);
GTimeZone      *stw_sla_calendar_get_timezone  (StwSlaCalendar  *self);
StwSlaCalendar *stw_sla_calendar_ref           (StwSlaCalendar  *self);
void            stw_sla_calendar_unref         (StwSlaCalendar  *self);

gboolean        stw_sla_calendar_is_always     (StwSlaCalendar  *self);
void            stw_sla_calendar_set_hours     (StwSlaCalendar  *self,
                                                GDateWeekday     day,
                                                int              start_minute,
                                                int              end_minute);
gboolean        stw_sla_calendar_get_hours     (StwSlaCalendar  *self,
                                                GDateWeekday     day,
                                                int             *start_minute,
                                                int             *end_minute);
void            stw_sla_calendar_add_holiday   (StwSlaCalendar  *self,
                                                GDate           *date);
void            stw_sla_calendar_remove_holiday (StwSlaCalendar *self,
                                                 GDate          *date);
gboolean        stw_sla_calendar_is_holiday    (StwSlaCalendar  *self,
                                                GDate           *date);
GArray         *stw_sla_calendar_list_holidays (StwSlaCalendar  *self);
gboolean        stw_sla_calendar_validate      (StwSlaCalendar  *self,
                                                GError         **error);

gint64          stw_sla_calendar_working_seconds (StwSlaCalendar *self,
                                                  GDateTime      *from,
                                                  GDateTime      *to);
GDateTime      *stw_sla_calendar_add_working     (StwSlaCalendar *self,
                                                  GDateTime      *from,
                                                  gint64          seconds);

gint64          stw_sla_elapsed                (StwSlaCalendar    *calendar,
                                                GDateTime         *start,
                                                const StwSlaPause *pauses,
                                                guint              n_pauses,
                                                GDateTime         *now);
GDateTime      *stw_sla_due                    (StwSlaCalendar    *calendar,
                                                GDateTime         *start,
                                                gint64             target,
                                                const StwSlaPause *pauses,
                                                guint              n_pauses);

char           *stw_sla_calendar_to_string     (StwSlaCalendar  *self);
StwSlaCalendar *stw_sla_calendar_new_from_string (const char     *text,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwSlaCalendar, stw_sla_calendar_unref)

G_END_DECLS

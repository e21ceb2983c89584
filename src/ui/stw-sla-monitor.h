/* stw-sla-monitor.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

#define STW_TYPE_SLA_MONITOR (stw_sla_monitor_get_type ())

G_DECLARE_FINAL_TYPE (StwSlaMonitor, stw_sla_monitor, STW, SLA_MONITOR, GObject)

StwSlaMonitor *stw_sla_monitor_new          (GApplication  *application,
                                             StwDatabase   *db);
StwDatabase   *stw_sla_monitor_get_database (StwSlaMonitor *self);
void           stw_sla_monitor_set_now      (StwSlaMonitor *self,
                                             gint64         now);
void           stw_sla_monitor_check        (StwSlaMonitor *self);

G_END_DECLS

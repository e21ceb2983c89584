/* stw-sla-monitor.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sla-monitor"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-sla-monitor.h"
#include "core/stw-sla.h"
#include "core/stw-ticket.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-repo.h"

/*
 * Tells the person when one of their tickets is about to breach its
 * service level, while a reminder can still save it: once a minute, and
 * whenever tickets change, it asks the store which tickets are at risk
 * and not yet breached ("mine" if someone is chosen as me in the
 * preferences, else every assigned one). A ticket is notified once per
 * risk episode; once it is no longer at risk (answered, resolved,
 * breached, reassigned, given more time) its notification is withdrawn
 * and the ticket forgotten, so that a later episode notifies again.
 *
 * Tests set the clock with stw_sla_monitor_set_now() and catch the
 * notifications with the send-notification and withdraw-notification
 * signals.
 */

#define CHECK_INTERVAL_SECONDS 60

struct _StwSlaMonitor
{
  GObject       parent_instance;

  GApplication *application;   /* weak: the application owns the monitor */
  StwDatabase  *db;
  GHashTable   *notified;      /* ids (gint64 *) of tickets in their risk episode */
  gint64        now;           /* µs since 1970 UTC; 0 for the real clock */
  guint         timer_source;
  guint         idle_source;
};

G_DEFINE_FINAL_TYPE (StwSlaMonitor, stw_sla_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_DATABASE,
  N_PROPS
};

enum {
  SEND_NOTIFICATION,
  WITHDRAW_NOTIFICATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

static char *
notification_id (gint64 ticket_id)
{
  return g_strdup_printf ("ticket-at-risk-%" G_GINT64_FORMAT, ticket_id);
}

/* Whether notifications can go out through the application now. */
static gboolean
can_notify (StwSlaMonitor *self)
{
  return self->application != NULL && g_application_get_is_registered (self->application) &&
         !g_application_get_is_remote (self->application);
}

/* Returns whether the ticket could be notified (it may be gone already). */
static gboolean
notify_ticket (StwSlaMonitor *self,
               gint64         ticket_id,
               gint64         now)
{
  g_autoptr(StwTicket) ticket = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  gboolean handled = FALSE;
  gint64 due, minutes_left;

  ticket = stw_ticket_repo_load (self->db, ticket_id, &error);
  if (ticket == NULL)
    {
      g_debug ("Ticket %" G_GINT64_FORMAT " is at risk but cannot be read: %s", ticket_id,
               error->message);
      return FALSE;
    }

  /* In whole minutes, rounded up: 20 seconds left are “1 min”, not “0 min”. */
  due = stw_ticket_get_value (ticket, STW_TICKET_VALUE_SLA_DUE);
  minutes_left = (MAX (due - now, 0) + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC);
  left = stw_sla_format_duration (minutes_left * 60);
  /* Translators: the first %s is a ticket's title, the second a time such as “45 min” */
  body = g_strdup_printf (_("“%s” breaches its service level in %s."),
                          stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE), left);

  g_signal_emit (self, signals[SEND_NOTIFICATION], 0, ticket_id, body, &handled);
  if (handled || !can_notify (self))
    return TRUE;

  id = notification_id (ticket_id);
  notification = g_notification_new (_("Ticket about to breach its SLA"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-ticket", "x", ticket_id);
  g_application_send_notification (self->application, id, notification);
  return TRUE;
}

static void
withdraw_ticket (StwSlaMonitor *self,
                 gint64         ticket_id)
{
  g_autofree char *id = NULL;
  gboolean handled = FALSE;

  g_signal_emit (self, signals[WITHDRAW_NOTIFICATION], 0, ticket_id, &handled);
  if (handled || !can_notify (self))
    return;

  id = notification_id (ticket_id);
  g_application_withdraw_notification (self->application, id);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static gboolean
timer_cb (gpointer data)
{
  stw_sla_monitor_check (STW_SLA_MONITOR (data));
  return G_SOURCE_CONTINUE;
}

static gboolean
idle_cb (gpointer data)
{
  StwSlaMonitor *self = data;

  self->idle_source = 0;
  stw_sla_monitor_check (self);
  return G_SOURCE_REMOVE;
}

/* Checks once after a burst of changes, not after each. */
static void
check_soon (StwSlaMonitor *self)
{
  if (self->idle_source == 0)
    self->idle_source = g_idle_add (idle_cb, self);
}

/* Tickets changed, or people did (who “me” is, say). */
static void
database_changed_cb (StwSlaMonitor *self,
                     StwEntity      entities,
                     StwDatabase   *db)
{
  if ((entities & (STW_ENTITY_TICKET | STW_ENTITY_PERSON)) != 0)
    check_soon (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_sla_monitor_constructed (GObject *object)
{
  StwSlaMonitor *self = (StwSlaMonitor *)object;

  G_OBJECT_CLASS (stw_sla_monitor_parent_class)->constructed (object);

  g_assert (STW_IS_DATABASE (self->db));

  g_signal_connect_object (self->db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->timer_source = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, timer_cb, self);
  /* Tickets already at risk when the database opens are told at once. */
  check_soon (self);
}

static void
stw_sla_monitor_dispose (GObject *object)
{
  StwSlaMonitor *self = (StwSlaMonitor *)object;

  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (stw_sla_monitor_parent_class)->dispose (object);
}

static void
stw_sla_monitor_finalize (GObject *object)
{
  StwSlaMonitor *self = (StwSlaMonitor *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->notified, g_hash_table_unref);

  G_OBJECT_CLASS (stw_sla_monitor_parent_class)->finalize (object);
}

static void
stw_sla_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StwSlaMonitor *self = STW_SLA_MONITOR (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sla_monitor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StwSlaMonitor *self = STW_SLA_MONITOR (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_set_weak_pointer (&self->application, g_value_get_object (value));
      break;

    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_sla_monitor_class_init (StwSlaMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = stw_sla_monitor_constructed;
  object_class->dispose = stw_sla_monitor_dispose;
  object_class->finalize = stw_sla_monitor_finalize;
  object_class->get_property = stw_sla_monitor_get_property;
  object_class->set_property = stw_sla_monitor_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StwSlaMonitor::send-notification:
   * @ticket_id: the ticket at risk
   * @body: the notification's text
   *
   * Emitted before a ticket's notification is sent; a handler that
   * returns %TRUE sends it itself (or not at all).
   */
  signals[SEND_NOTIFICATION] =
    g_signal_new ("send-notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * StwSlaMonitor::withdraw-notification:
   * @ticket_id: the ticket no longer at risk
   *
   * Emitted before a ticket's notification is withdrawn; a handler that
   * returns %TRUE withdraws it itself.
   */
  signals[WITHDRAW_NOTIFICATION] =
    g_signal_new ("withdraw-notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_INT64);
}

static void
stw_sla_monitor_init (StwSlaMonitor *self)
{
  self->notified = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_sla_monitor_new:
 * @application: (nullable): the application that sends the
 *   notifications; with %NULL, only the signals tell of them
 *
 * Returns: (transfer full): a monitor of @db's tickets, checking until
 *   it is disposed
 */
StwSlaMonitor *
stw_sla_monitor_new (GApplication *application,
                     StwDatabase  *db)
{
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  return g_object_new (STW_TYPE_SLA_MONITOR, "application", application, "database", db, NULL);
}

StwDatabase *
stw_sla_monitor_get_database (StwSlaMonitor *self)
{
  g_return_val_if_fail (STW_IS_SLA_MONITOR (self), NULL);

  return self->db;
}

/**
 * stw_sla_monitor_set_now:
 * @now: the time to judge at, in µs since 1970 UTC, or 0 for the real
 *   clock
 *
 * For tests: the time the next checks take as now.
 */
void
stw_sla_monitor_set_now (StwSlaMonitor *self,
                         gint64         now)
{
  g_return_if_fail (STW_IS_SLA_MONITOR (self));
  g_return_if_fail (now >= 0);

  self->now = now;
}

/**
 * stw_sla_monitor_check:
 *
 * Notifies the tickets that have turned at risk since the last check,
 * and withdraws the notifications of those no longer at risk.
 */
void
stw_sla_monitor_check (StwSlaMonitor *self)
{
  g_autoptr(GHashTable) at_risk = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) gone = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;
  gint64 now, me;

  g_return_if_fail (STW_IS_SLA_MONITOR (self));

  now = self->now != 0 ? self->now : g_get_real_time ();
  me = stw_preferences_repo_get_me (self->db);
  ids = stw_ticket_repo_list_at_risk (self->db, me, now, &error);
  if (ids == NULL)
    {
      g_warning ("Cannot list the tickets at risk: %s", error->message);
      return;
    }

  at_risk = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (at_risk, &g_array_index (ids, gint64, i));

  /* Forgotten first, told after: a handler may check again. */
  gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->notified);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (at_risk, key))
      {
        g_array_append_val (gone, *(gint64 *)key);
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < gone->len; i++)
    withdraw_ticket (self, g_array_index (gone, gint64, i));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 ticket_id = g_array_index (ids, gint64, i);

      if (!g_hash_table_contains (self->notified, &ticket_id) &&
          notify_ticket (self, ticket_id, now))
        g_hash_table_add (self->notified, g_memdup2 (&ticket_id, sizeof ticket_id));
    }
}

/* test-ticket-rules.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core/stw-error.h"
#include "core/stw-ticket-rules.h"

#define S(name) STW_TICKET_STATUS_##name

static void
test_priority_matrix (void)
{
  /* Rows: impact high, medium, low; columns: urgency high, medium, low. */
  static const int expected[3][3] = {
    { 1, 2, 3 },
    { 2, 3, 4 },
    { 3, 4, 5 },
  };
  static const StwLevel order[3] = { STW_LEVEL_HIGH, STW_LEVEL_MEDIUM, STW_LEVEL_LOW };

  for (guint i = 0; i < 3; i++)
    for (guint u = 0; u < 3; u++)
      g_assert_cmpint (stw_ticket_priority (order[i], order[u]), ==, expected[i][u]);

  for (int p = STW_PRIORITY_HIGHEST; p <= STW_PRIORITY_LOWEST; p++)
    {
      g_autofree char *label = stw_ticket_priority_label (p);
      g_autofree char *expected_label = g_strdup_printf ("P%d", p);

      g_assert_cmpstr (label, ==, expected_label);
    }

  {
    g_autofree char *p1 = stw_ticket_priority_describe (1);
    g_autofree char *p5 = stw_ticket_priority_describe (5);

    g_assert_cmpstr (p1, ==, "P1 – Critical");
    g_assert_cmpstr (p5, ==, "P5 – Planning");
  }
}

static void
test_keys (void)
{
  for (StwTicketType type = 0; type < STW_N_TICKET_TYPES; type++)
    {
      StwTicketType back;

      g_assert_true (stw_ticket_type_from_key (stw_ticket_type_to_key (type), &back));
      g_assert_cmpint (back, ==, type);
      g_assert_nonnull (stw_ticket_type_label (type));
    }

  for (StwTicketStatus status = 0; status < STW_N_TICKET_STATUSES; status++)
    {
      StwTicketStatus back;

      g_assert_true (stw_ticket_status_from_key (stw_ticket_status_to_key (status), &back));
      g_assert_cmpint (back, ==, status);
    }

  for (StwLevel level = 0; level < STW_N_LEVELS; level++)
    {
      StwLevel back;

      g_assert_true (stw_level_from_key (stw_level_to_key (level), &back));
      g_assert_cmpint (back, ==, level);
    }

  {
    StwTicketType type = STW_TICKET_TYPE_PROBLEM;
    StwTicketStatus status = S (NEW);
    StwLevel level = STW_LEVEL_LOW;

    g_assert_false (stw_ticket_type_from_key ("outage", &type));
    g_assert_false (stw_ticket_type_from_key (NULL, &type));
    g_assert_cmpint (type, ==, STW_TICKET_TYPE_PROBLEM);
    g_assert_false (stw_ticket_status_from_key ("done", &status));
    g_assert_false (stw_level_from_key ("critical", &level));
  }
}

/* Walks a whole lifecycle, as a ticket would. */
static void
assert_path (StwTicketType          type,
             const StwTicketStatus *path,
             guint                  n)
{
  g_assert_cmpint (path[0], ==, stw_ticket_type_initial_status (type));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!stw_ticket_check_transition (type, path[i - 1], path[i], &error))
        g_error ("%s: %s → %s refused: %s", stw_ticket_type_to_key (type),
                 stw_ticket_status_to_key (path[i - 1]), stw_ticket_status_to_key (path[i]),
                 error->message);
    }
}

static void
test_lifecycles (void)
{
  static const StwTicketStatus incident[] = {
    S (NEW), S (ASSIGNED), S (IN_PROGRESS), S (PENDING), S (IN_PROGRESS), S (RESOLVED),
    S (IN_PROGRESS), S (RESOLVED), S (CLOSED),
  };
  static const StwTicketStatus problem[] = {
    S (NEW), S (IN_PROGRESS), S (KNOWN_ERROR), S (RESOLVED), S (CLOSED),
  };
  static const StwTicketStatus change[] = {
    S (REQUESTED), S (ASSESSED), S (APPROVED), S (SCHEDULED), S (APPROVED), S (SCHEDULED),
    S (IMPLEMENTED), S (REVIEWED), S (CLOSED),
  };
  static const StwTicketStatus rejected[] = { S (REQUESTED), S (ASSESSED), S (REJECTED), S (CLOSED) };

  assert_path (STW_TICKET_TYPE_INCIDENT, incident, G_N_ELEMENTS (incident));
  assert_path (STW_TICKET_TYPE_REQUEST, incident, G_N_ELEMENTS (incident));
  assert_path (STW_TICKET_TYPE_PROBLEM, problem, G_N_ELEMENTS (problem));
  assert_path (STW_TICKET_TYPE_CHANGE, change, G_N_ELEMENTS (change));
  assert_path (STW_TICKET_TYPE_CHANGE, rejected, G_N_ELEMENTS (rejected));

  /* Every status of a type is on its board, and every move is between
   * statuses of the type; a closed ticket goes nowhere. */
  for (StwTicketType type = 0; type < STW_N_TICKET_TYPES; type++)
    {
      guint n;
      const StwTicketStatus *statuses = stw_ticket_type_get_statuses (type, &n);

      g_assert_cmpint (statuses[n - 1], ==, S (CLOSED));
      for (StwTicketStatus to = 0; to < STW_N_TICKET_STATUSES; to++)
        g_assert_cmpint (stw_ticket_transition_allowed (type, S (CLOSED), to), ==, to == S (CLOSED));

      for (StwTicketStatus from = 0; from < STW_N_TICKET_STATUSES; from++)
        for (StwTicketStatus to = 0; to < STW_N_TICKET_STATUSES; to++)
          if (stw_ticket_transition_allowed (type, from, to))
            {
              g_assert_true (stw_ticket_type_has_status (type, from));
              g_assert_true (stw_ticket_type_has_status (type, to));
            }
    }

  g_assert_false (stw_ticket_type_has_status (STW_TICKET_TYPE_INCIDENT, S (KNOWN_ERROR)));
  g_assert_false (stw_ticket_type_has_status (STW_TICKET_TYPE_INCIDENT, S (APPROVED)));
  g_assert_false (stw_ticket_type_has_status (STW_TICKET_TYPE_CHANGE, S (NEW)));
}

static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;

  /* Skipping ahead says where the ticket can go. */
  g_assert_false (stw_ticket_check_transition (STW_TICKET_TYPE_INCIDENT, S (NEW), S (CLOSED), &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“New”"));
  g_assert_nonnull (strstr (error->message, "“Closed”"));
  g_assert_nonnull (strstr (error->message, "“Assigned”, “In Progress”"));
  g_clear_error (&error);

  /* The last step says so. */
  g_assert_false (stw_ticket_check_transition (STW_TICKET_TYPE_CHANGE, S (CLOSED), S (REQUESTED),
                                               &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "last step"));
  g_clear_error (&error);

  /* A status the type does not have. */
  g_assert_false (stw_ticket_check_transition (STW_TICKET_TYPE_INCIDENT, S (NEW), S (APPROVED),
                                               &error));
  g_assert_error (error, STW_ERROR, STW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no status “Approved”"));
  g_clear_error (&error);

  /* Staying put is no move. */
  g_assert_true (stw_ticket_check_transition (STW_TICKET_TYPE_PROBLEM, S (KNOWN_ERROR),
                                              S (KNOWN_ERROR), &error));
  g_assert_no_error (error);
}

static void
test_clock_statuses (void)
{
  g_assert_true (stw_ticket_status_pauses_sla (S (PENDING)));
  g_assert_false (stw_ticket_status_pauses_sla (S (IN_PROGRESS)));
  g_assert_false (stw_ticket_status_pauses_sla (S (KNOWN_ERROR)));

  g_assert_true (stw_ticket_status_is_done (STW_TICKET_TYPE_INCIDENT, S (RESOLVED)));
  g_assert_true (stw_ticket_status_is_done (STW_TICKET_TYPE_INCIDENT, S (CLOSED)));
  g_assert_false (stw_ticket_status_is_done (STW_TICKET_TYPE_INCIDENT, S (PENDING)));
  g_assert_true (stw_ticket_status_is_done (STW_TICKET_TYPE_CHANGE, S (IMPLEMENTED)));
  g_assert_true (stw_ticket_status_is_done (STW_TICKET_TYPE_CHANGE, S (REJECTED)));
  g_assert_false (stw_ticket_status_is_done (STW_TICKET_TYPE_CHANGE, S (SCHEDULED)));
  /* Not a status of incidents. */
  g_assert_false (stw_ticket_status_is_done (STW_TICKET_TYPE_INCIDENT, S (REJECTED)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/core/ticket-rules/priority-matrix", test_priority_matrix);
  g_test_add_func ("/steward/core/ticket-rules/keys", test_keys);
  g_test_add_func ("/steward/core/ticket-rules/lifecycles", test_lifecycles);
  g_test_add_func ("/steward/core/ticket-rules/refused", test_refused);
  g_test_add_func ("/steward/core/ticket-rules/clock-statuses", test_clock_statuses);

  return g_test_run ();
}

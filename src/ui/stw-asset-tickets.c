/* stw-asset-tickets.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-tickets"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-asset-tickets.h"
#include "core/stw-ticket.h"
#include "store/stw-ticket-repo.h"

/* An asset's tickets, as rows: title, type, status and priority, the
 * newest first; a row names its ticket for the window to show it. */

#define TICKETS_LIMIT 50

static GtkWidget *
ticket_row_new (StwTicket *ticket)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  StwTicketType type = stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE);
  StwTicketStatus status = stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS);
  gint64 priority = stw_ticket_get_value (ticket, STW_TICKET_VALUE_PRIORITY);
  g_autofree char *describe = NULL;
  g_autofree char *subtitle = NULL;
  gint64 *id = g_new (gint64, 1);

  if (priority >= STW_PRIORITY_HIGHEST && priority <= STW_PRIORITY_LOWEST)
    describe = stw_ticket_priority_describe (priority);

  /* Translators: a ticket of an asset: its type, status and priority,
   * as in “Incident · In Progress · P2 – High” */
  subtitle = g_strdup_printf (_("%s · %s · %s"), stw_ticket_type_label (type),
                              stw_ticket_status_label (status), describe != NULL ? describe : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  *id = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
  g_object_set_data_full (G_OBJECT (row), "stw-ticket-id", id, g_free);

  return row;
}

/**
 * stw_asset_tickets_fill:
 * @asset_id: the asset, or 0 to empty the list
 *
 * Shows the tickets linked to the asset in @list, the newest first: the
 * latest %TICKETS_LIMIT, and how many more there are.
 */
void
stw_asset_tickets_fill (GtkListBox  *list,
                        StwDatabase *db,
                        gint64       asset_id)
{
  g_autoptr(GArray) ids = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (asset_id == 0 || db == NULL)
    return;

  ids = stw_ticket_repo_list_for_asset (db, asset_id, NULL);
  if (ids == NULL)
    return;

  for (guint i = 0; i < ids->len && shown < TICKETS_LIMIT; i++)
    {
      g_autoptr(StwTicket) ticket = stw_ticket_repo_load (db, g_array_index (ids, gint64, i),
                                                          NULL);

      if (ticket == NULL)
        continue;
      gtk_list_box_append (list, ticket_row_new (ticket));
      shown++;
    }

  if (ids->len > shown)
    {
      guint more = ids->len - shown;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "and %u earlier ticket",
                                                             "and %u earlier tickets", more),
                                                more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }
}

/**
 * stw_asset_tickets_get_id:
 *
 * Returns: the ticket @row shows, or 0 for a row that shows none
 */
gint64
stw_asset_tickets_get_id (GtkListBoxRow *row)
{
  gint64 *id;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), 0);

  id = g_object_get_data (G_OBJECT (row), "stw-ticket-id");
  return id != NULL ? *id : 0;
}

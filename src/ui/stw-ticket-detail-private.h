/* stw-ticket-detail-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stw-conflict-banner.h"
#include "stw-ticket-assets.h"
#include "stw-ticket-detail.h"
#include "stw-ticket-timeline-view.h"
#include "core/stw-ticket.h"

G_BEGIN_DECLS

/* Shared by stw-ticket-detail.c (loading, saving, drops), -fields.c
 * (reading and checking what is typed) and -show.c (showing a ticket). */

/* The parts of a ticket edited here, each saved as a whole. */
typedef enum
{
  FIELD_TITLE,
  FIELD_STATUS,
  FIELD_CATEGORY,
  FIELD_QUEUE,
  FIELD_TAGS,
  FIELD_DESCRIPTION,
  FIELD_LEVELS,       /* impact, urgency, the priority set by hand and why */
  FIELD_REQUESTER,
  FIELD_ASSIGNEE,
  FIELD_DUE,
  FIELD_PARENT,
  FIELD_PROBLEM,
  N_FIELDS
} Field;

#define FIELD_BIT(f) (1u << (f))

struct _StwTicketDetail
{
  GtkWidget              parent_instance;

  StwDatabase           *db;
  gint64                 ticket_id;
  StwTicket             *ticket;        /* the working copy, with valid edits */
  guint32                dirty;         /* fields edited and not saved yet */
  guint                  save_source;
  guint                  tick_source;
  gboolean               loading;
  gboolean               saving;
  gboolean               people_stale;
  char                  *errors[N_FIELDS];
  GArray                *statuses;      /* StwTicketStatus, as the status row lists them */
  StwTicketStatus        statuses_from;
  GListStore            *people;

  /* Template children */
  AdwPreferencesPage    *page;
  StwConflictBanner     *conflict_banner;
  AdwPreferencesGroup   *ticket_group;
  GtkWidget             *rows[N_FIELDS];   /* where each field is edited */
  GtkWidget             *icons[N_FIELDS];  /* the warning icons of entry rows */
  AdwActionRow          *type_row;
  GtkTextView           *description_view;
  AdwComboRow           *impact_row;
  AdwComboRow           *urgency_row;
  AdwActionRow          *priority_row;
  GtkLabel              *priority_label;
  AdwExpanderRow        *override_row;
  AdwComboRow           *override_priority_row;
  AdwActionRow          *response_row;
  GtkImage              *response_icon;
  GtkLabel              *response_state;
  AdwActionRow          *resolution_row;
  GtkImage              *resolution_icon;
  GtkLabel              *resolution_state;
  AdwActionRow          *created_row;
  AdwActionRow          *updated_row;
  AdwActionRow          *first_response_row;
  AdwActionRow          *resolved_row;
  AdwActionRow          *closed_row;
  GtkLabel              *ticket_message;
  GtkLabel              *description_message;
  GtkLabel              *priority_message;
  GtkLabel              *people_message;
  AdwPreferencesGroup   *links_group;
  GtkLabel              *links_message;
  GtkListBox            *related_list;
  GtkLabel              *sla_message;
  StwTicketAssets       *assets;
  StwTicketTimelineView *timeline;
  GtkWidget             *drop_hint;
};

Field       stw_ticket_detail_field_of           (StwTicketDetail *self,
                                                  GtkWidget       *widget);
void        stw_ticket_detail_set_field_error    (StwTicketDetail *self,
                                                  Field            field,
                                                  const GError    *error);
void        stw_ticket_detail_clear_errors       (StwTicketDetail *self);
StwTicket  *stw_ticket_detail_copy_ticket        (StwTicket       *ticket);
void        stw_ticket_detail_copy_field         (StwTicket       *dst,
                                                  StwTicket       *src,
                                                  Field            field);
char       *stw_ticket_detail_description_text   (StwTicketDetail *self);
gboolean    stw_ticket_detail_read_field         (StwTicketDetail *self,
                                                  Field            field,
                                                  StwTicket       *ticket,
                                                  GError         **error);

void        stw_ticket_detail_show_values        (StwTicketDetail *self,
                                                  gboolean         with_texts);
void        stw_ticket_detail_show_sla           (StwTicketDetail *self);
void        stw_ticket_detail_show_related       (StwTicketDetail *self);
gboolean    stw_ticket_detail_refresh_from_store (StwTicketDetail *self);

G_END_DECLS

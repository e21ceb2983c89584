/* stw-ticket-board-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stw-slot-model.h"
#include "stw-ticket-board.h"

G_BEGIN_DECLS

typedef struct
{
  StwTicketBoard      *board;
  StwTicketStatus      status;
  StwTicketQueryModel *model;
  StwSlotModel        *slots;
  GtkSingleSelection  *selection;
  GtkWidget           *box;
  GtkWidget           *count;
  GtkWidget           *list_view;
} StwBoardColumn;

struct _StwTicketBoard
{
  GtkWidget       parent_instance;

  StwDatabase    *db;
  StwTicketType   type;
  GtkWidget      *scroller;
  GtkWidget      *columns_box;
  GPtrArray      *columns;      /* StwBoardColumn */
  GtkWidget      *card_menu;    /* the cards' menu, one for all */

  gboolean        built;        /* columns made: when first shown or asked for */
  char           *search;
  StwTicketScope  scope;
  char           *queue;
  int             priority;
};

#define SLOT_QUARK (stw_ticket_board_get_slot_quark ())

GQuark          stw_ticket_board_get_slot_quark   (void);
void            stw_ticket_board_activate_ticket  (StwTicketBoard           *self,
                                                   gint64                    id);
void            stw_ticket_board_class_add_actions (GtkWidgetClass          *widget_class);
StwBoardColumn *stw_ticket_board_column_of_ticket (StwTicketBoard           *self,
                                                   gint64                    id,
                                                   guint                    *position);
void            stw_ticket_board_setup_card       (GtkSignalListItemFactory *factory,
                                                   GtkListItem              *item,
                                                   StwTicketBoard           *self);
void            stw_ticket_board_bind_card        (GtkSignalListItemFactory *factory,
                                                   GtkListItem              *item,
                                                   StwTicketBoard           *self);
void            stw_ticket_board_unbind_card      (GtkSignalListItemFactory *factory,
                                                   GtkListItem              *item,
                                                   StwTicketBoard           *self);
void            stw_ticket_board_list_activate    (GtkListView              *list_view,
                                                   guint                     position,
                                                   StwBoardColumn           *column);
gboolean        stw_ticket_board_drop             (GtkDropTarget            *target,
                                                   const GValue             *value,
                                                   double                    x,
                                                   double                    y,
                                                   StwBoardColumn           *column);
GdkDragAction   stw_ticket_board_drop_motion      (GtkDropTarget            *target,
                                                   double                    x,
                                                   double                    y,
                                                   StwBoardColumn           *column);
void            stw_ticket_board_drop_leave       (GtkDropTarget            *target,
                                                   StwBoardColumn           *column);

G_END_DECLS

/* stw-ticket-board-moves.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-board"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-dnd.h"
#include "stw-ticket-board-private.h"
#include "stw-ticket-card.h"
#include "stw-ui-util.h"
#include "store/stw-ticket-repo.h"

/*
 * The board's cards and how they move: dragged to another column or
 * within theirs, dropped where the lifecycle allows (marked while
 * hovering, refused with the reason otherwise), and the same from the
 * card's menu and the keyboard.
 */

/* ------------------------------------------------------------------------ */
/* Cards                                                                    */
/* ------------------------------------------------------------------------ */

/* The card's slot's ticket, read when the card is bound or changes. */
static void
update_card (GtkWidget *card)
{
  StwSlot *slot = g_object_get_qdata (G_OBJECT (card), SLOT_QUARK);

  stw_ticket_card_set_ticket (STW_TICKET_CARD (card), slot != NULL ? stw_slot_get_item (slot)
                                                                   : NULL);
}

static gint64
card_ticket_id (GtkWidget *card)
{
  StwTicket *ticket = stw_ticket_card_get_ticket (STW_TICKET_CARD (card));

  return ticket != NULL ? stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID) : 0;
}

/* The card's menu: where its lifecycle lets it go, and its place. One
 * popover for the board, opened over the card (or where it was clicked). */
static void
popup_card_menu (StwTicketBoard        *self,
                 GtkWidget             *card,
                 const graphene_rect_t *where)
{
  StwTicket *ticket = stw_ticket_card_get_ticket (STW_TICKET_CARD (card));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) targets = g_menu_new ();
  g_autoptr(GMenu) place = g_menu_new ();
  g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open"), NULL);
  g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
  g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);
  const StwTicketStatus *statuses;
  StwTicketType type;
  StwTicketStatus from;
  GdkRectangle rect;
  double x, y;
  guint n;
  gint64 id;

  if (ticket == NULL)
    return;

  id = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
  type = stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE);
  from = stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS);
  statuses = stw_ticket_type_get_statuses (type, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (statuses[i] == from || !stw_ticket_transition_allowed (type, from, statuses[i]))
        continue;

      item = g_menu_item_new (stw_ticket_status_label (statuses[i]), NULL);
      g_menu_item_set_action_and_target (item, "board.move-to", "(xs)", id,
                                         stw_ticket_status_to_key (statuses[i]));
      g_menu_append_item (targets, item);
    }

  g_menu_item_set_action_and_target (open, "board.open", "x", id);
  g_menu_item_set_action_and_target (up, "board.move-up", "x", id);
  g_menu_item_set_action_and_target (down, "board.move-down", "x", id);
  g_menu_append_item (place, open);
  g_menu_append_item (place, up);
  g_menu_append_item (place, down);

  if (g_menu_model_get_n_items (G_MENU_MODEL (targets)) > 0)
    g_menu_append_submenu (menu, _("_Move To"), G_MENU_MODEL (targets));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (place));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->card_menu), G_MENU_MODEL (menu));

  if (!gtk_widget_translate_coordinates (card, GTK_WIDGET (self), where->origin.x,
                                         where->origin.y, &x, &y))
    return;
  rect.x = (int) x;
  rect.y = (int) y;
  rect.width = MAX ((int) where->size.width, 1);
  rect.height = MAX ((int) where->size.height, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->card_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->card_menu));
}

/* A click on "⋮", or a right click anywhere on the card. */
static void
card_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkWidget       *card)
{
  StwTicketBoard *self = STW_TICKET_BOARD (gtk_widget_get_ancestor (card,
                                                                    STW_TYPE_TICKET_BOARD));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  graphene_rect_t area;

  if (self == NULL)
    return;

  stw_ticket_card_get_menu_area (STW_TICKET_CARD (card), &area);
  if (button == GDK_BUTTON_SECONDARY)
    {
      graphene_rect_init (&area, x, y, 1, 1);
      popup_card_menu (self, card, &area);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
    {
      popup_card_menu (self, card, &area);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static GdkContentProvider *
card_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      GtkWidget     *card)
{
  StwTicket *ticket = stw_ticket_card_get_ticket (STW_TICKET_CARD (card));
  g_autoptr(StwDragIds) ids = NULL;
  gint64 id;

  if (ticket == NULL)
    return NULL;

  id = stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID);
  ids = stw_drag_ids_new (STW_ENTITY_TICKET, &id, 1);
  return stw_drag_ids_to_content (ids, stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE));
}

static void
card_drag_begin_cb (GtkDragSource *source,
                    GdkDrag       *drag,
                    GtkWidget     *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, paintable, gtk_widget_get_width (card) / 2, 16);
  gtk_widget_add_css_class (card, "dragged");
}

static void
card_drag_end_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  gboolean       delete_data,
                  GtkWidget     *card)
{
  gtk_widget_remove_css_class (card, "dragged");
}

void
stw_ticket_board_setup_card (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             StwTicketBoard           *self)
{
  GtkWidget *card = stw_ticket_card_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (card, "ticket-card");

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (card_drag_prepare_cb), card);
  g_signal_connect (source, "drag-begin", G_CALLBACK (card_drag_begin_cb), card);
  g_signal_connect (source, "drag-end", G_CALLBACK (card_drag_end_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (card_pressed_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (item, card);
}

void
stw_ticket_board_bind_card (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            StwTicketBoard           *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  StwSlot *slot = gtk_list_item_get_item (item);

  g_object_set_qdata (G_OBJECT (card), SLOT_QUARK, slot);
  g_signal_connect_swapped (slot, "changed", G_CALLBACK (update_card), card);
  update_card (card);
}

void
stw_ticket_board_unbind_card (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              StwTicketBoard           *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  StwSlot *slot = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (slot, update_card, card);
  g_object_set_qdata (G_OBJECT (card), SLOT_QUARK, NULL);
  stw_ticket_card_set_ticket (STW_TICKET_CARD (card), NULL);
}

void
stw_ticket_board_list_activate (GtkListView    *list_view,
                                guint           position,
                                StwBoardColumn *column)
{
  gint64 id = stw_ticket_query_model_get_id (column->model, position);

  if (id != 0)
    stw_ticket_board_activate_ticket (column->board, id);
}

/* ------------------------------------------------------------------------ */
/* Moving                                                                   */
/* ------------------------------------------------------------------------ */

StwBoardColumn *
stw_ticket_board_column_of_ticket (StwTicketBoard *self,
                                   gint64          id,
                                   guint          *position)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      StwBoardColumn *column = g_ptr_array_index (self->columns, i);
      guint found = stw_ticket_query_model_find (column->model, id);

      if (found != G_MAXUINT)
        {
          if (position != NULL)
            *position = found;
          return column;
        }
    }

  return NULL;
}

/**
 * stw_ticket_board_move:
 * @status: the column to move it to (its own to reorder)
 * @after_id: the card it goes after, or 0
 * @before_id: the card it goes before, or 0
 *
 * Moves a ticket as a drop or the keyboard would: a move its lifecycle
 * refuses leaves it where it was and shows a toast that says why.
 *
 * Returns: whether it moved
 */
gboolean
stw_ticket_board_move (StwTicketBoard  *self,
                       gint64           ticket_id,
                       StwTicketStatus  status,
                       gint64           after_id,
                       gint64           before_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STW_IS_TICKET_BOARD (self), FALSE);

  if (!stw_ticket_repo_move_sync (self->db, ticket_id, status, after_id, before_id, &error))
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  return TRUE;
}

/* The card at @y of the column's list, and whether @y is in its top half. */
static guint
position_at (StwBoardColumn *column,
             double          x,
             double          y,
             gboolean       *above)
{
  GtkWidget *picked = gtk_widget_pick (column->list_view, x, y, GTK_PICK_DEFAULT);
  double card_x, card_y;

  for (; picked != NULL && picked != column->list_view; picked = gtk_widget_get_parent (picked))
    {
      StwSlot *slot = g_object_get_qdata (G_OBJECT (picked), SLOT_QUARK);

      if (slot == NULL)
        continue;

      if (!gtk_widget_translate_coordinates (picked, column->list_view, 0, 0, &card_x, &card_y))
        return G_MAXUINT;
      *above = y < card_y + gtk_widget_get_height (picked) / 2.0;
      return stw_slot_get_position (slot);
    }

  return G_MAXUINT;
}

gboolean
stw_ticket_board_drop (GtkDropTarget  *target,
                       const GValue   *value,
                       double          x,
                       double          y,
                       StwBoardColumn *column)
{
  const StwDragIds *ids = stw_drag_ids_from_value (value, STW_ENTITY_TICKET);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (column->model));
  gint64 id, after = 0, before = 0;
  double list_x, list_y;
  gboolean above = FALSE;
  guint position = G_MAXUINT;

  gtk_widget_remove_css_class (column->box, "refused");
  if (ids == NULL)
    return FALSE;

  id = g_array_index (ids->ids, gint64, 0);
  if (gtk_widget_translate_coordinates (column->box, column->list_view, x, y, &list_x, &list_y))
    position = position_at (column, list_x, list_y, &above);

  if (position == G_MAXUINT)
    {
      /* Below the last card: to the end. */
      after = n > 0 ? stw_ticket_query_model_get_id (column->model, n - 1) : 0;
    }
  else if (above)
    {
      before = stw_ticket_query_model_get_id (column->model, position);
      after = position > 0 ? stw_ticket_query_model_get_id (column->model, position - 1) : 0;
    }
  else
    {
      after = stw_ticket_query_model_get_id (column->model, position);
      before = stw_ticket_query_model_get_id (column->model, position + 1);
    }

  /* Dropped where it already is. */
  if (after == id || before == id)
    return TRUE;

  return stw_ticket_board_move (column->board, id, column->status, after, before);
}

/* While a card hovers: is this column a move its lifecycle allows? */
GdkDragAction
stw_ticket_board_drop_motion (GtkDropTarget  *target,
                              double          x,
                              double          y,
                              StwBoardColumn *column)
{
  const GValue *value = gtk_drop_target_get_value (target);
  const StwDragIds *ids = value != NULL ? stw_drag_ids_from_value (value, STW_ENTITY_TICKET)
                                        : NULL;
  StwBoardColumn *from;
  gboolean refused = FALSE;

  if (ids != NULL)
    {
      gint64 id = g_array_index (ids->ids, gint64, 0);

      from = stw_ticket_board_column_of_ticket (column->board, id, NULL);
      refused = from != NULL && from != column &&
                !stw_ticket_transition_allowed (column->board->type, from->status,
                                                column->status);
    }

  if (refused)
    gtk_widget_add_css_class (column->box, "refused");
  else
    gtk_widget_remove_css_class (column->box, "refused");

  return GDK_ACTION_MOVE;
}

void
stw_ticket_board_drop_leave (GtkDropTarget  *target,
                             StwBoardColumn *column)
{
  gtk_widget_remove_css_class (column->box, "refused");
}

/* The column whose list has the focus, and its selected card. */
static StwBoardColumn *
focused_column (StwTicketBoard *self,
                gint64         *id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; focus != NULL && i < self->columns->len; i++)
    {
      StwBoardColumn *column = g_ptr_array_index (self->columns, i);
      guint selected;

      if (focus != column->list_view && !gtk_widget_is_ancestor (focus, column->list_view))
        continue;

      selected = gtk_single_selection_get_selected (column->selection);
      *id = stw_ticket_query_model_get_id (column->model, selected);
      return *id != 0 ? column : NULL;
    }

  return NULL;
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  StwTicketBoard *self = STW_TICKET_BOARD (widget);
  StwTicketStatus status;
  const char *key;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &key);
  if (stw_ticket_status_from_key (key, &status))
    stw_ticket_board_move (self, id, status, 0, 0);
}

/* Moves ticket @id one place up (@delta -1) or down (+1) in its column. */
static void
move_within (StwTicketBoard *self,
             gint64          id,
             int             delta)
{
  guint position = 0;
  StwBoardColumn *column = stw_ticket_board_column_of_ticket (self, id, &position);
  guint n;

  if (column == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (column->model));
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  if (delta < 0)
    stw_ticket_board_move (self, id, column->status,
                           position >= 2 ? stw_ticket_query_model_get_id (column->model,
                                                                          position - 2) : 0,
                           stw_ticket_query_model_get_id (column->model, position - 1));
  else
    stw_ticket_board_move (self, id, column->status,
                           stw_ticket_query_model_get_id (column->model, position + 1),
                           stw_ticket_query_model_get_id (column->model, position + 2));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  move_within (STW_TICKET_BOARD (widget), g_variant_get_int64 (param), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  move_within (STW_TICKET_BOARD (widget), g_variant_get_int64 (param), 1);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  stw_ticket_board_activate_ticket (STW_TICKET_BOARD (widget), g_variant_get_int64 (param));
}

/* Keyboard: the selected card of the focused column. */
static void
selected_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StwTicketBoard *self = STW_TICKET_BOARD (widget);
  gint64 id = 0;
  StwBoardColumn *column = focused_column (self, &id);
  guint index;

  if (column == NULL)
    return;

  if (g_str_equal (action_name, "board.selected-up"))
    move_within (self, id, -1);
  else if (g_str_equal (action_name, "board.selected-down"))
    move_within (self, id, 1);
  else if (g_ptr_array_find (self->columns, column, &index))
    {
      int next = (int)index + (g_str_equal (action_name, "board.selected-next") ? 1 : -1);

      if (next >= 0 && next < (int)self->columns->len)
        stw_ticket_board_move (self, id, ((StwBoardColumn *)g_ptr_array_index (self->columns,
                                                                        next))->status, 0, 0);
    }
}

/* Shift+F10 or Menu: the selected card's menu. */
static void
selected_menu_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  StwTicketBoard *self = STW_TICKET_BOARD (widget);
  gint64 id = 0;
  StwBoardColumn *column = focused_column (self, &id);

  if (column == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (column->list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (card != NULL && STW_IS_TICKET_CARD (card) && card_ticket_id (card) == id)
        {
          graphene_rect_t area;

          stw_ticket_card_get_menu_area (STW_TICKET_CARD (card), &area);
          popup_card_menu (self, card, &area);
          return;
        }
    }
}


void
stw_ticket_board_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.move-to", "(xs)", move_to_action);
  gtk_widget_class_install_action (widget_class, "board.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "board.move-down", "x", move_down_action);
  gtk_widget_class_install_action (widget_class, "board.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "board.selected-up", NULL, selected_action);
  gtk_widget_class_install_action (widget_class, "board.selected-down", NULL, selected_action);
  gtk_widget_class_install_action (widget_class, "board.selected-next", NULL, selected_action);
  gtk_widget_class_install_action (widget_class, "board.selected-previous", NULL,
                                   selected_action);
  gtk_widget_class_install_action (widget_class, "board.selected-menu", NULL,
                                   selected_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "board.selected-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "board.selected-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "board.selected-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "board.selected-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "board.selected-menu", NULL);
}

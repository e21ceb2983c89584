/* stw-ticket-board.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-board"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-dnd.h"
#include "stw-slot-model.h"
#include "stw-ticket-card.h"
#include "stw-ticket-board.h"
#include "stw-ui-util.h"
#include "store/stw-ticket-repo.h"

/*
 * The board: one column per status of a ticket type, each a list view
 * over its own query model (the tickets of that type and status, in
 * rank order), so a column of 10,000 cards builds only the cards on
 * screen.
 *
 * Drag a card to another column to move the ticket there, or within its
 * column to reorder it. A column the ticket's lifecycle does not allow
 * is marked while the card hovers over it, and a drop there is refused
 * with a toast that says why; the card stays where it was. Every drag
 * has a keyboard and menu alternative: each card's menu ("Move to…",
 * Move Up, Move Down), Ctrl+←/→ to the neighbouring column, Alt+↑/↓
 * within the column, Shift+F10 or Menu for the card's menu.
 */

#define COLUMN_WIDTH 290

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
} Column;

struct _StwTicketBoard
{
  GtkWidget       parent_instance;

  StwDatabase    *db;
  StwTicketType   type;
  GtkWidget      *scroller;
  GtkWidget      *columns_box;
  GPtrArray      *columns;      /* Column */
  GtkWidget      *card_menu;    /* the cards' menu, one for all */

  gboolean        built;        /* columns made: when first shown or asked for */
  char           *search;
  StwTicketScope  scope;
  char           *queue;
  int             priority;
};

G_DEFINE_FINAL_TYPE (StwTicketBoard, stw_ticket_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TICKET_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* On each card: the slot it shows. */
static GQuark slot_quark;

/* ------------------------------------------------------------------------ */
/* Columns                                                                  */
/* ------------------------------------------------------------------------ */

static Column *
find_column (StwTicketBoard  *self,
             StwTicketStatus  status)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (column->status == status)
        return column;
    }

  return NULL;
}

static void
column_free (gpointer data)
{
  Column *column = data;

  g_signal_handlers_disconnect_by_data (column->model, column);
  g_clear_object (&column->selection);
  g_clear_object (&column->slots);
  g_clear_object (&column->model);
  g_free (column);
}

static void
update_count (Column *column)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (column->model));
  g_autofree char *count = g_strdup_printf ("%u", n);
  /* Translators: a board column, “Assigned, 12 tickets” */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u ticket",
                                                         "%s, %u tickets", n),
                                            stw_ticket_status_label (column->status), n);

  gtk_label_set_label (GTK_LABEL (column->count), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
column_loading_cb (Column     *column,
                   GParamSpec *pspec)
{
  update_count (column);
  g_object_notify_by_pspec (G_OBJECT (column->board), properties[PROP_LOADING]);
}

/* ------------------------------------------------------------------------ */
/* Cards                                                                    */
/* ------------------------------------------------------------------------ */

/* The card's slot's ticket, read when the card is bound or changes. */
static void
update_card (GtkWidget *card)
{
  StwSlot *slot = g_object_get_qdata (G_OBJECT (card), slot_quark);

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

static void
setup_card_cb (GtkSignalListItemFactory *factory,
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

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StwTicketBoard           *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  StwSlot *slot = gtk_list_item_get_item (item);

  g_object_set_qdata (G_OBJECT (card), slot_quark, slot);
  g_signal_connect_swapped (slot, "changed", G_CALLBACK (update_card), card);
  update_card (card);
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StwTicketBoard           *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  StwSlot *slot = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (slot, update_card, card);
  g_object_set_qdata (G_OBJECT (card), slot_quark, NULL);
  stw_ticket_card_set_ticket (STW_TICKET_CARD (card), NULL);
}

static void
list_activate_cb (GtkListView *list_view,
                  guint        position,
                  Column      *column)
{
  gint64 id = stw_ticket_query_model_get_id (column->model, position);

  if (id != 0)
    g_signal_emit (column->board, signals[TICKET_ACTIVATED], 0, id);
}

/* ------------------------------------------------------------------------ */
/* Moving                                                                   */
/* ------------------------------------------------------------------------ */

static Column *
column_of_ticket (StwTicketBoard *self,
                  gint64          id,
                  guint          *position)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
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
position_at (Column   *column,
             double    x,
             double    y,
             gboolean *above)
{
  GtkWidget *picked = gtk_widget_pick (column->list_view, x, y, GTK_PICK_DEFAULT);
  double card_x, card_y;

  for (; picked != NULL && picked != column->list_view; picked = gtk_widget_get_parent (picked))
    {
      StwSlot *slot = g_object_get_qdata (G_OBJECT (picked), slot_quark);

      if (slot == NULL)
        continue;

      if (!gtk_widget_translate_coordinates (picked, column->list_view, 0, 0, &card_x, &card_y))
        return G_MAXUINT;
      *above = y < card_y + gtk_widget_get_height (picked) / 2.0;
      return stw_slot_get_position (slot);
    }

  return G_MAXUINT;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Column        *column)
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
static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                Column        *column)
{
  const GValue *value = gtk_drop_target_get_value (target);
  const StwDragIds *ids = value != NULL ? stw_drag_ids_from_value (value, STW_ENTITY_TICKET)
                                        : NULL;
  Column *from;
  gboolean refused = FALSE;

  if (ids != NULL)
    {
      gint64 id = g_array_index (ids->ids, gint64, 0);

      from = column_of_ticket (column->board, id, NULL);
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

static void
drop_leave_cb (GtkDropTarget *target,
               Column        *column)
{
  gtk_widget_remove_css_class (column->box, "refused");
}

/* The column whose list has the focus, and its selected card. */
static Column *
focused_column (StwTicketBoard *self,
                gint64         *id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; focus != NULL && i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
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
  Column *column = column_of_ticket (self, id, &position);
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
  g_signal_emit (widget, signals[TICKET_ACTIVATED], 0, g_variant_get_int64 (param));
}

/* Keyboard: the selected card of the focused column. */
static void
selected_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  StwTicketBoard *self = STW_TICKET_BOARD (widget);
  gint64 id = 0;
  Column *column = focused_column (self, &id);
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
        stw_ticket_board_move (self, id, ((Column *)g_ptr_array_index (self->columns,
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
  Column *column = focused_column (self, &id);

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

/* ------------------------------------------------------------------------ */
/* Building the columns                                                     */
/* ------------------------------------------------------------------------ */

static void
apply_filters (StwTicketBoard *self,
               Column         *column)
{
  stw_ticket_query_model_set_search (column->model, self->search);
  /* A board shows done tickets too: they have columns. */
  stw_ticket_query_model_set_scope (column->model, self->scope == STW_TICKET_SCOPE_OPEN
                                                   ? STW_TICKET_SCOPE_ALL : self->scope);
  stw_ticket_query_model_set_queue (column->model, self->queue);
  stw_ticket_query_model_set_priority (column->model, self->priority);
}

static Column *
column_new (StwTicketBoard  *self,
            StwTicketStatus  status)
{
  Column *column = g_new0 (Column, 1);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (stw_ticket_status_label (status));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkDropTarget *drop = stw_drag_ids_drop_target_new (GDK_ACTION_MOVE);

  column->board = self;
  column->status = status;
  column->model = stw_ticket_query_model_new (self->db);
  stw_ticket_query_model_set_type (column->model, self->type);
  stw_ticket_query_model_set_status (column->model, status);
  stw_ticket_query_model_set_sort (column->model, STW_TICKET_SORT_RANK, STW_SORT_ASCENDING);
  apply_filters (self, column);
  column->slots = stw_slot_model_new (G_LIST_MODEL (column->model));
  column->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (column->slots)));
  gtk_single_selection_set_autoselect (column->selection, FALSE);
  gtk_single_selection_set_can_unselect (column->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  column->list_view = gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (column->selection)),
                                         g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (column->list_view), FALSE);
  gtk_widget_add_css_class (column->list_view, "board-list");
  g_signal_connect (column->list_view, "activate", G_CALLBACK (list_activate_cb), column);

  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (column->box, COLUMN_WIDTH, -1);
  gtk_widget_add_css_class (column->box, "board-column");
  gtk_widget_set_name (column->box, stw_ticket_status_to_key (status));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  column->count = gtk_label_new ("0");
  gtk_widget_add_css_class (column->count, "dim-label");
  gtk_widget_add_css_class (column->count, "numeric");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), column->count);
  gtk_widget_add_css_class (header, "board-column-header");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column->list_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (column->box), header);
  gtk_box_append (GTK_BOX (column->box), scroller);

  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), column);
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion_cb), column);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), column);
  gtk_widget_add_controller (column->box, GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_swapped (column->model, "notify::loading", G_CALLBACK (column_loading_cb),
                            column);
  update_count (column);
  return column;
}

static void
rebuild_columns (StwTicketBoard *self)
{
  const StwTicketStatus *statuses;
  guint n;

  self->built = TRUE;
  stw_ui_unparent_children (self->columns_box);
  g_ptr_array_set_size (self->columns, 0);

  statuses = stw_ticket_type_get_statuses (self->type, &n);
  for (guint i = 0; i < n; i++)
    {
      Column *column = column_new (self, statuses[i]);

      g_ptr_array_add (self->columns, column);
      gtk_box_append (GTK_BOX (self->columns_box), column->box);
    }
}

/* A board hidden behind the list costs nothing: its columns and their
 * queries are made when it is first shown (or a caller asks for one). */
static void
ensure_columns (StwTicketBoard *self)
{
  if (!self->built)
    rebuild_columns (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_ticket_board_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (STW_TICKET_BOARD (widget)->scroller, orientation, for_size, minimum,
                      natural, minimum_baseline, natural_baseline);
}

/* The scroller takes it all; the cards' menu is a popover, presented. */
static void
stw_ticket_board_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  StwTicketBoard *self = STW_TICKET_BOARD (widget);

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->card_menu));
}

static void
stw_ticket_board_map (GtkWidget *widget)
{
  ensure_columns (STW_TICKET_BOARD (widget));
  GTK_WIDGET_CLASS (stw_ticket_board_parent_class)->map (widget);
}

static void
stw_ticket_board_dispose (GObject *object)
{
  StwTicketBoard *self = (StwTicketBoard *)object;

  g_clear_pointer (&self->card_menu, gtk_widget_unparent);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (stw_ticket_board_parent_class)->dispose (object);
}

static void
stw_ticket_board_finalize (GObject *object)
{
  StwTicketBoard *self = (StwTicketBoard *)object;

  g_clear_object (&self->db);
  g_free (self->search);
  g_free (self->queue);

  G_OBJECT_CLASS (stw_ticket_board_parent_class)->finalize (object);
}

static void
stw_ticket_board_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, stw_ticket_board_get_loading (STW_TICKET_BOARD (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_ticket_board_class_init (StwTicketBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_ticket_board_dispose;
  object_class->finalize = stw_ticket_board_finalize;
  object_class->get_property = stw_ticket_board_get_property;
  widget_class->map = stw_ticket_board_map;
  widget_class->measure = stw_ticket_board_measure;
  widget_class->size_allocate = stw_ticket_board_size_allocate;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StwTicketBoard::ticket-activated:
   * @id: the ticket's id
   *
   * A card was opened (double click, Enter, or its menu).
   */
  signals[TICKET_ACTIVATED] =
    g_signal_new ("ticket-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "board.selected-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "ticketboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  slot_quark = g_quark_from_static_string ("stw-ticket-board-slot");
}

static void
stw_ticket_board_init (StwTicketBoard *self)
{
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->type = STW_TICKET_TYPE_INCIDENT;

  self->columns_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->columns_box, "board-columns");
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->columns_box);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  self->card_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_widget_set_parent (self->card_menu, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ticket board"), -1);
}

/**
 * stw_ticket_board_new:
 *
 * Returns: (transfer full): a board of the incidents
 */
GtkWidget *
stw_ticket_board_new (StwDatabase *db)
{
  StwTicketBoard *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_TICKET_BOARD, NULL);
  self->db = g_object_ref (db);
  return GTK_WIDGET (self);
}

void
stw_ticket_board_set_ticket_type (StwTicketBoard *self,
                                  StwTicketType   type)
{
  g_return_if_fail (STW_IS_TICKET_BOARD (self));
  g_return_if_fail (type < STW_N_TICKET_TYPES);

  if (self->type == type)
    return;

  self->type = type;
  if (self->built)
    rebuild_columns (self);
}

StwTicketType
stw_ticket_board_get_ticket_type (StwTicketBoard *self)
{
  g_return_val_if_fail (STW_IS_TICKET_BOARD (self), STW_TICKET_TYPE_INCIDENT);
  return self->type;
}

/**
 * stw_ticket_board_set_filters:
 * @search: (nullable): words to search for
 * @queue: (nullable): the queue, or %NULL for any
 * @priority: 1–5, or 0 for any
 */
void
stw_ticket_board_set_filters (StwTicketBoard *self,
                              const char     *search,
                              StwTicketScope  scope,
                              const char     *queue,
                              int             priority)
{
  g_return_if_fail (STW_IS_TICKET_BOARD (self));

  g_free (self->search);
  self->search = g_strdup (search);
  self->scope = scope;
  g_free (self->queue);
  self->queue = g_strdup (queue);
  self->priority = priority;

  for (guint i = 0; i < self->columns->len; i++)
    apply_filters (self, g_ptr_array_index (self->columns, i));
}

/**
 * stw_ticket_board_get_column:
 *
 * Returns: (transfer none) (nullable): the tickets of the column of
 *   @status (a #StwTicketQueryModel), or %NULL when the board's type has
 *   no such status
 */
GListModel *
stw_ticket_board_get_column (StwTicketBoard  *self,
                             StwTicketStatus  status)
{
  Column *column;

  g_return_val_if_fail (STW_IS_TICKET_BOARD (self), NULL);

  ensure_columns (self);
  column = find_column (self, status);
  return column != NULL ? G_LIST_MODEL (column->model) : NULL;
}

/**
 * stw_ticket_board_get_column_widget:
 *
 * Returns: (transfer none) (nullable): the column of @status: it takes
 *   the drops
 */
GtkWidget *
stw_ticket_board_get_column_widget (StwTicketBoard  *self,
                                    StwTicketStatus  status)
{
  Column *column;

  g_return_val_if_fail (STW_IS_TICKET_BOARD (self), NULL);

  ensure_columns (self);
  column = find_column (self, status);
  return column != NULL ? column->box : NULL;
}

gboolean
stw_ticket_board_get_loading (StwTicketBoard *self)
{
  g_return_val_if_fail (STW_IS_TICKET_BOARD (self), FALSE);

  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    if (stw_ticket_query_model_get_loading (((Column *)g_ptr_array_index (self->columns,
                                                                          i))->model))
      return TRUE;

  return FALSE;
}

/**
 * stw_ticket_board_refresh:
 *
 * Reads the columns again and redraws the cards: for the time that
 * passes (SLA states and time left).
 */
void
stw_ticket_board_refresh (StwTicketBoard *self)
{
  g_return_if_fail (STW_IS_TICKET_BOARD (self));

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      stw_ticket_query_model_refresh (column->model);
      for (GtkWidget *row = gtk_widget_get_first_child (column->list_view); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *card = gtk_widget_get_first_child (row);

          if (card != NULL && STW_IS_TICKET_CARD (card))
            stw_ticket_card_update (STW_TICKET_CARD (card));
        }
    }
}

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
#include "stw-ticket-board-private.h"
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

#define COLUMN_WIDTH 290

GQuark
stw_ticket_board_get_slot_quark (void)
{
  return slot_quark;
}

void
stw_ticket_board_activate_ticket (StwTicketBoard *self,
                                  gint64          id)
{
  g_signal_emit (self, signals[TICKET_ACTIVATED], 0, id);
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                  */
/* ------------------------------------------------------------------------ */

static StwBoardColumn *
find_column (StwTicketBoard  *self,
             StwTicketStatus  status)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      StwBoardColumn *column = g_ptr_array_index (self->columns, i);

      if (column->status == status)
        return column;
    }

  return NULL;
}

static void
column_free (gpointer data)
{
  StwBoardColumn *column = data;

  g_signal_handlers_disconnect_by_data (column->model, column);
  g_clear_object (&column->selection);
  g_clear_object (&column->slots);
  g_clear_object (&column->model);
  g_free (column);
}

static void
update_count (StwBoardColumn *column)
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
column_loading_cb (StwBoardColumn *column,
                   GParamSpec     *pspec)
{
  update_count (column);
  g_object_notify_by_pspec (G_OBJECT (column->board), properties[PROP_LOADING]);
}

/* ------------------------------------------------------------------------ */
/* Building the columns                                                     */
/* ------------------------------------------------------------------------ */

static void
apply_filters (StwTicketBoard *self,
               StwBoardColumn *column)
{
  stw_ticket_query_model_set_search (column->model, self->search);
  /* A board shows done tickets too: they have columns. */
  stw_ticket_query_model_set_scope (column->model, self->scope == STW_TICKET_SCOPE_OPEN
                                                   ? STW_TICKET_SCOPE_ALL : self->scope);
  stw_ticket_query_model_set_queue (column->model, self->queue);
  stw_ticket_query_model_set_priority (column->model, self->priority);
}

static StwBoardColumn *
column_new (StwTicketBoard  *self,
            StwTicketStatus  status)
{
  StwBoardColumn *column = g_new0 (StwBoardColumn, 1);
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

  g_signal_connect (factory, "setup", G_CALLBACK (stw_ticket_board_setup_card), self);
  g_signal_connect (factory, "bind", G_CALLBACK (stw_ticket_board_bind_card), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (stw_ticket_board_unbind_card), self);
  column->list_view = gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (column->selection)),
                                         g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (column->list_view), FALSE);
  gtk_widget_add_css_class (column->list_view, "board-list");
  g_signal_connect (column->list_view, "activate", G_CALLBACK (stw_ticket_board_list_activate), column);

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
  g_signal_connect (drop, "drop", G_CALLBACK (stw_ticket_board_drop), column);
  g_signal_connect (drop, "motion", G_CALLBACK (stw_ticket_board_drop_motion), column);
  g_signal_connect (drop, "leave", G_CALLBACK (stw_ticket_board_drop_leave), column);
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
      StwBoardColumn *column = column_new (self, statuses[i]);

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

  stw_ticket_board_class_add_actions (widget_class);
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
  StwBoardColumn *column;

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
  StwBoardColumn *column;

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
    if (stw_ticket_query_model_get_loading (((StwBoardColumn *)g_ptr_array_index (self->columns,
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
      StwBoardColumn *column = g_ptr_array_index (self->columns, i);

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

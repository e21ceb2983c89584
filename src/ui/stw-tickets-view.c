/* stw-tickets-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-tickets-view"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-new-ticket-dialog.h"
#include "stw-slot-model.h"
#include "stw-text-cell.h"
#include "stw-ticket-board.h"
#include "stw-ticket-detail.h"
#include "stw-tickets-view.h"
#include "stw-ui-util.h"
#include "store/stw-ticket-repo.h"

/*
 * The tickets: a list (a column view over a StwTicketQueryModel, read
 * lazily through slots like the asset list) or a board, with the same
 * search and filters, and the selected ticket's detail beside them.
 */

typedef struct
{
  const char    *title;
  StwTicketSort  sort;
  int            width;
  gboolean       expand;
  gboolean       numeric;
} ColumnInfo;

enum {
  COLUMN_ID,
  COLUMN_TITLE,
  COLUMN_PRIORITY,
  COLUMN_SLA,
  COLUMN_STATUS,
  COLUMN_ASSIGNEE,
  COLUMN_TYPE,
  COLUMN_QUEUE,
  COLUMN_UPDATED,
  N_COLUMNS
};

static const ColumnInfo columns[N_COLUMNS] = {
  [COLUMN_ID]       = { N_("No."),      STW_TICKET_SORT_ID,       70,  FALSE, TRUE  },
  [COLUMN_TITLE]    = { N_("Title"),    STW_TICKET_SORT_TITLE,    240, TRUE,  FALSE },
  [COLUMN_TYPE]     = { N_("Type"),     STW_TICKET_SORT_UPDATED,  120, FALSE, FALSE },
  [COLUMN_STATUS]   = { N_("Status"),   STW_TICKET_SORT_STATUS,   110, FALSE, FALSE },
  [COLUMN_PRIORITY] = { N_("Priority"), STW_TICKET_SORT_PRIORITY, 80,  FALSE, FALSE },
  [COLUMN_SLA]      = { N_("SLA"),      STW_TICKET_SORT_SLA,      200, FALSE, FALSE },
  [COLUMN_ASSIGNEE] = { N_("Assignee"), STW_TICKET_SORT_ASSIGNEE, 150, FALSE, FALSE },
  [COLUMN_QUEUE]    = { N_("Queue"),    STW_TICKET_SORT_QUEUE,    120, FALSE, FALSE },
  [COLUMN_UPDATED]  = { N_("Updated"),  STW_TICKET_SORT_UPDATED,  140, FALSE, TRUE  },
};

struct _StwTicketsView
{
  GtkWidget            parent_instance;

  StwDatabase         *db;
  StwTicketQueryModel *model;
  StwSlotModel        *slots;
  GtkSingleSelection  *selection;
  GtkWidget           *board;
  GtkWidget           *detail;
  GStrv                queues;
  guint                tick_source;
  gint64               shown_id;
  gint64               pending_show;
  GObject             *probe[2];

  /* Template children */
  GtkToggleButton     *list_button;
  GtkToggleButton     *board_button;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *scope_dropdown;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *priority_dropdown;
  GtkDropDown         *queue_dropdown;
  GtkLabel            *count_label;
  GtkPaned            *paned;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkWidget           *board_box;
  GtkStack            *detail_stack;
  GtkWidget           *detail_box;
};

G_DEFINE_FINAL_TYPE (StwTicketsView, stw_tickets_view, GTK_TYPE_WIDGET)

static GQuark column_quark;
static GQuark handler_quark;

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */
/* ------------------------------------------------------------------------ */

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0)
    return NULL;

  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x %H:%M");
}

static char *
cell_text (StwTicket       *ticket,
           guint            column,
           StwTicketStatus *tone_status,
           StwSlaState     *sla_state)
{
  switch (column)
    {
    case COLUMN_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT,
                              stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID));
    case COLUMN_TITLE:
      return g_strdup (stw_ticket_get_text (ticket, STW_TICKET_TEXT_TITLE));
    case COLUMN_TYPE:
      return g_strdup (stw_ticket_type_label (stw_ticket_get_value (ticket,
                                                                    STW_TICKET_VALUE_TYPE)));
    case COLUMN_STATUS:
      *tone_status = stw_ticket_get_value (ticket, STW_TICKET_VALUE_STATUS);
      return g_strdup (stw_ticket_status_label (*tone_status));
    case COLUMN_PRIORITY:
      return stw_ticket_priority_label (CLAMP (stw_ticket_get_value (ticket,
                                                                     STW_TICKET_VALUE_PRIORITY),
                                               1, 5));
    case COLUMN_SLA:
      return stw_ticket_describe_sla (ticket, g_get_real_time (), sla_state);
    case COLUMN_ASSIGNEE:
      return g_strdup (stw_ticket_get_text (ticket, STW_TICKET_TEXT_ASSIGNEE_NAME));
    case COLUMN_QUEUE:
      return g_strdup (stw_ticket_get_text (ticket, STW_TICKET_TEXT_QUEUE));
    case COLUMN_UPDATED:
      return format_time (stw_ticket_get_value (ticket, STW_TICKET_VALUE_UPDATED));
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
cell_func (StwTextCell     *cell,
           gpointer         data,
           StwTextCellTone *tone)
{
  guint column = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (cell), column_quark));
  StwTicket *ticket = stw_slot_get_item (data);
  StwTicketStatus status = STW_N_TICKET_STATUSES;
  StwSlaState state = STW_SLA_STATE_MET;
  char *text;

  if (ticket == NULL)
    return NULL;

  text = cell_text (ticket, column, &status, &state);
  if (column == COLUMN_SLA)
    {
      /* An icon and words too: never told by colour alone. */
      if (state == STW_SLA_STATE_BREACHED)
        *tone = STW_TEXT_CELL_TONE_ERROR;
      else if (state == STW_SLA_STATE_AT_RISK)
        *tone = STW_TEXT_CELL_TONE_WARNING;
      else if (state == STW_SLA_STATE_PAUSED)
        *tone = STW_TEXT_CELL_TONE_DIM;
      if (text != NULL && text[0] != '\0')
        stw_text_cell_set_icon_name (cell, stw_sla_state_icon_name (state));
    }
  else if (column == COLUMN_STATUS &&
           stw_ticket_status_is_done (stw_ticket_get_value (ticket, STW_TICKET_VALUE_TYPE),
                                      status))
    *tone = STW_TEXT_CELL_TONE_DIM;
  else if (column == COLUMN_PRIORITY && stw_ticket_get_value (ticket,
                                                              STW_TICKET_VALUE_PRIORITY) <= 2)
    *tone = STW_TEXT_CELL_TONE_ACCENT;

  return text;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = stw_text_cell_new ();

  stw_text_cell_share_layouts (STW_TEXT_CELL (cell),
                               g_object_get_data (G_OBJECT (factory), "layouts"));
  stw_text_cell_set_xalign (STW_TEXT_CELL (cell), columns[column].numeric ? 1.0f : 0.0f);
  if (columns[column].numeric)
    gtk_widget_add_css_class (cell, "numeric");
  g_object_set_qdata (G_OBJECT (cell), column_quark, GUINT_TO_POINTER (column));
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  StwSlot *slot = gtk_list_item_get_item (item);
  gulong handler;

  stw_text_cell_set_func (STW_TEXT_CELL (cell), cell_func, slot);
  handler = g_signal_connect_swapped (slot, "changed", G_CALLBACK (stw_text_cell_invalidate),
                                      cell);
  g_object_set_qdata (G_OBJECT (cell), handler_quark, GSIZE_TO_POINTER (handler));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  StwSlot *slot = gtk_list_item_get_item (item);

  g_signal_handler_disconnect (slot, GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (cell),
                                                                          handler_quark)));
  stw_text_cell_set_func (STW_TEXT_CELL (cell), NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Sorting                                                                  */
/* ------------------------------------------------------------------------ */

/* As in stw-asset-columns.c: GTK 4.8 cannot tell which column sorts, so
 * two throwaway items are compared with sorters that record theirs. */
static int probed_sort = -1;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  if (probed_sort < 0)
    probed_sort = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (StwTicketsView *self)
{
  GtkOrdering ordering;

  if (self->column_view == NULL)
    return;

  probed_sort = -1;
  ordering = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), self->probe[0],
                                 self->probe[1]);
  if (probed_sort < 0)
    stw_ticket_query_model_set_sort (self->model, STW_TICKET_SORT_UPDATED, STW_SORT_DESCENDING);
  else
    stw_ticket_query_model_set_sort (self->model, probed_sort,
                                     ordering == GTK_ORDERING_SMALLER ? STW_SORT_ASCENDING
                                                                      : STW_SORT_DESCENDING);
}

static void
add_columns (StwTicketsView *self)
{
  GtkSorter *sorter;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data_full (G_OBJECT (factory), "layouts", stw_text_layouts_new (),
                              (GDestroyNotify) stw_text_layouts_unref);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);

      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i != COLUMN_TYPE)
        gtk_column_view_column_set_sorter (column,
                                           GTK_SORTER (gtk_custom_sorter_new (
                                             probe_compare,
                                             GINT_TO_POINTER (columns[i].sort), NULL)));
      gtk_column_view_append_column (self->column_view, column);
    }

  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Time passes: SLA texts and "at risk" change without a store change. */
static void
invalidate_sla_cells (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (STW_IS_TEXT_CELL (child))
        {
          if (GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (child), column_quark)) ==
              COLUMN_SLA)
            stw_text_cell_invalidate (STW_TEXT_CELL (child));
        }
      else
        invalidate_sla_cells (child);
    }
}

static gboolean
tick_cb (gpointer data)
{
  StwTicketsView *self = data;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;

  stw_ticket_query_model_refresh (self->model);
  invalidate_sla_cells (GTK_WIDGET (self->column_view));
  stw_ticket_board_refresh (STW_TICKET_BOARD (self->board));
  return G_SOURCE_CONTINUE;
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
showing_board (StwTicketsView *self)
{
  return gtk_toggle_button_get_active (self->board_button);
}

/* Item 0 of each drop-down is "all". */
static int
chosen (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : (int)selected;
}

static void
set_dropdown_strings (GtkDropDown       *dropdown,
                      const char        *all,
                      const char *const *labels,
                      guint              n_labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, labels[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/* The status drop-down offers the statuses of the chosen type. */
static void
fill_statuses (StwTicketsView *self)
{
  int type = chosen (self->type_dropdown) - 1;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (StwTicketStatus s = 0; s < STW_N_TICKET_STATUSES; s++)
    if (type < 0 || stw_ticket_type_has_status (type, s))
      g_ptr_array_add (labels, (gpointer) stw_ticket_status_label (s));

  set_dropdown_strings (self->status_dropdown, _("All Statuses"),
                        (const char * const *) labels->pdata, labels->len);
}

static int
chosen_status (StwTicketsView *self)
{
  int type = chosen (self->type_dropdown) - 1;
  int index = chosen (self->status_dropdown);

  if (index == 0)
    return -1;

  for (StwTicketStatus s = 0; s < STW_N_TICKET_STATUSES; s++)
    if ((type < 0 || stw_ticket_type_has_status (type, s)) && --index == 0)
      return s;

  return -1;
}

static void
fill_queues (StwTicketsView *self)
{
  g_auto(GStrv) queues = stw_ticket_repo_list_queues (self->db);
  const char *current = NULL;
  int index = chosen (self->queue_dropdown);

  if (self->queues != NULL && index > 0 && (guint)index <= g_strv_length (self->queues))
    current = self->queues[index - 1];

  if (self->queues != NULL && g_strv_equal ((const char * const *) queues,
                                            (const char * const *) self->queues))
    return;

  set_dropdown_strings (self->queue_dropdown, _("All Queues"), (const char * const *) queues,
                        g_strv_length (queues));
  for (guint i = 0; current != NULL && queues[i] != NULL; i++)
    if (g_strcmp0 (queues[i], current) == 0)
      gtk_drop_down_set_selected (self->queue_dropdown, i + 1);

  g_strfreev (self->queues);
  self->queues = g_steal_pointer (&queues);
}

static void
update_count (StwTicketsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ticket",
                                                         "%u tickets", n), n);

  gtk_label_set_label (self->count_label, showing_board (self) ? "" : count);
}

static void
update_page (StwTicketsView *self)
{
  gboolean any = stw_ticket_repo_count (self->db) > 0;

  update_count (self);
  if (!any)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (showing_board (self))
    gtk_stack_set_visible_child_name (self->stack, "board");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0 &&
           !stw_ticket_query_model_get_loading (self->model))
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
filters_changed_cb (StwTicketsView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  StwTicketScope scope = chosen (self->scope_dropdown);
  int type = chosen (self->type_dropdown) - 1;
  int priority = chosen (self->priority_dropdown);
  int queue_index = chosen (self->queue_dropdown);
  const char *queue = NULL;

  /* The drop-downs are filled before the model exists. */
  if (self->model == NULL)
    return;

  if (self->queues != NULL && queue_index > 0 &&
      (guint)queue_index <= g_strv_length (self->queues))
    queue = self->queues[queue_index - 1];

  stw_ticket_query_model_set_search (self->model, search);
  stw_ticket_query_model_set_scope (self->model, scope);
  stw_ticket_query_model_set_type (self->model, type);
  stw_ticket_query_model_set_status (self->model, chosen_status (self));
  stw_ticket_query_model_set_priority (self->model, priority);
  stw_ticket_query_model_set_queue (self->model, queue);

  /* The board's columns query only while it shows: they take the filters
   * when it is shown (see mode_toggled_cb()). */
  if (showing_board (self))
    {
      if (type >= 0)
        stw_ticket_board_set_ticket_type (STW_TICKET_BOARD (self->board), type);
      stw_ticket_board_set_filters (STW_TICKET_BOARD (self->board), search, scope, queue,
                                    priority);
    }
}

static void
type_changed_cb (StwTicketsView *self)
{
  if (self->board == NULL)
    return;

  /* A board is of one type: "all types" is not one. */
  if (showing_board (self) && chosen (self->type_dropdown) == 0)
    {
      gtk_drop_down_set_selected (self->type_dropdown,
                                  stw_ticket_board_get_ticket_type (STW_TICKET_BOARD (self->board))
                                  + 1);
      return;
    }

  fill_statuses (self);
  filters_changed_cb (self);
}

static void
stop_search_cb (StwTicketsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void update_detail_pane (StwTicketsView *self);

static void
mode_toggled_cb (StwTicketsView *self)
{
  gboolean board = showing_board (self);

  if (self->board == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), !board);
  if (board && chosen (self->type_dropdown) == 0)
    gtk_drop_down_set_selected (self->type_dropdown,
                                stw_ticket_board_get_ticket_type (STW_TICKET_BOARD (self->board))
                                + 1);
  if (board)
    filters_changed_cb (self);
  update_detail_pane (self);
  update_page (self);
}

/* ------------------------------------------------------------------------ */
/* The detail                                                               */
/* ------------------------------------------------------------------------ */

/* The board wants the room: its detail shows only for an opened card. */
static void
update_detail_pane (StwTicketsView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack),
                          !showing_board (self) || self->shown_id != 0);
}

static void
show_detail (StwTicketsView *self,
             gint64          id)
{
  self->shown_id = id;
  stw_ticket_detail_set_ticket_id (STW_TICKET_DETAIL (self->detail), id);
  gtk_stack_set_visible_child_name (self->detail_stack, id != 0 ? "one" : "none");
  update_detail_pane (self);
}

static void
selection_changed_cb (StwTicketsView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    show_detail (self, stw_ticket_query_model_get_id (self->model, selected));
  else if (!showing_board (self))
    show_detail (self, 0);
}

/* Selects the ticket asked for once the list has it. */
static void
select_pending (StwTicketsView *self)
{
  guint position;

  if (self->pending_show == 0)
    return;

  position = stw_ticket_query_model_find (self->model, self->pending_show);
  if (position == G_MAXUINT)
    return;

  self->pending_show = 0;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                              position);
}

static void
contents_changed_cb (StwTicketsView *self)
{
  guint position;

  /* Positions keep no identity through slots: select the shown ticket
   * wherever it is now. */
  position = self->shown_id != 0 ? stw_ticket_query_model_find (self->model, self->shown_id)
                                 : G_MAXUINT;
  if (position != G_MAXUINT)
    {
      if (gtk_single_selection_get_selected (self->selection) != position)
        gtk_single_selection_set_selected (self->selection, position);
    }
  else if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  select_pending (self);
  update_page (self);
}

static void
loading_changed_cb (StwTicketsView *self)
{
  update_page (self);
}

static void
row_activated_cb (StwTicketsView *self,
                  guint           position)
{
  show_detail (self, stw_ticket_query_model_get_id (self->model, position));
  gtk_widget_child_focus (self->detail, GTK_DIR_TAB_FORWARD);
}

static void
board_ticket_activated_cb (StwTicketsView *self,
                           gint64          id)
{
  show_detail (self, id);
}

static void
database_changed_cb (StwTicketsView *self,
                     StwEntity       entities)
{
  if (entities & STW_ENTITY_TICKET)
    {
      fill_queues (self);
      update_page (self);
    }
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
ticket_created_cb (StwTicketsView *self,
                   gint64          id)
{
  stw_tickets_view_show_ticket (self, id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  StwTicketsView *self = STW_TICKETS_VIEW (widget);
  GtkWidget *dialog = stw_new_ticket_dialog_new (self->db);

  g_signal_connect_object (dialog, "created", G_CALLBACK (ticket_created_cb), self,
                           G_CONNECT_SWAPPED);
  stw_ui_present_dialog (widget, GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (STW_TICKETS_VIEW (widget)->search_entry));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_tickets_view_dispose (GObject *object)
{
  StwTicketsView *self = (StwTicketsView *)object;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  /* Nothing may reach the template children once they are gone. */
  if (self->slots != NULL)
    g_signal_handlers_disconnect_by_data (self->slots, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view),
                                            self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_TICKETS_VIEW);
  stw_ui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (stw_tickets_view_parent_class)->dispose (object);
}

static void
stw_tickets_view_finalize (GObject *object)
{
  StwTicketsView *self = (StwTicketsView *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->model);
  g_clear_object (&self->db);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);
  g_strfreev (self->queues);

  G_OBJECT_CLASS (stw_tickets_view_parent_class)->finalize (object);
}

static void
stw_tickets_view_class_init (StwTicketsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_tickets_view_dispose;
  object_class->finalize = stw_tickets_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-tickets-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, list_button);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, board_button);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, priority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, queue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, paned);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, stack);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, board_box);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, StwTicketsView, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "view.search",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ticketsview");

  column_quark = g_quark_from_static_string ("stw-tickets-view-column");
  handler_quark = g_quark_from_static_string ("stw-tickets-view-handler");
}

static void
stw_tickets_view_init (StwTicketsView *self)
{
  const char *scopes[STW_N_TICKET_SCOPES - 1];
  const char *types[STW_N_TICKET_TYPES];
  char *priorities[STW_PRIORITY_LOWEST];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->probe[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe[1] = g_object_new (G_TYPE_OBJECT, NULL);

  /* Scope 0, "Open", is the first item, in place of "all". */
  for (guint i = 1; i < STW_N_TICKET_SCOPES; i++)
    scopes[i - 1] = stw_ticket_scope_label (i);
  set_dropdown_strings (self->scope_dropdown, stw_ticket_scope_label (STW_TICKET_SCOPE_OPEN),
                        scopes, G_N_ELEMENTS (scopes));
  for (guint i = 0; i < STW_N_TICKET_TYPES; i++)
    types[i] = stw_ticket_type_label (i);
  set_dropdown_strings (self->type_dropdown, _("All Types"), types, G_N_ELEMENTS (types));
  for (int p = 1; p <= STW_PRIORITY_LOWEST; p++)
    priorities[p - 1] = stw_ticket_priority_label (p);
  set_dropdown_strings (self->priority_dropdown, _("All Priorities"),
                        (const char * const *) priorities, STW_PRIORITY_LOWEST);
  for (int p = 0; p < STW_PRIORITY_LOWEST; p++)
    g_free (priorities[p]);
  fill_statuses (self);
}

/**
 * stw_tickets_view_new:
 *
 * Returns: (transfer full): the tickets of @db, as a list or a board
 */
StwTicketsView *
stw_tickets_view_new (StwDatabase *db)
{
  StwTicketsView *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);

  self = g_object_new (STW_TYPE_TICKETS_VIEW, NULL);
  self->db = g_object_ref (db);

  self->model = stw_ticket_query_model_new (db);
  self->slots = stw_slot_model_new (G_LIST_MODEL (self->model));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);

  self->board = stw_ticket_board_new (db);
  gtk_widget_set_hexpand (self->board, TRUE);
  gtk_box_append (GTK_BOX (self->board_box), self->board);
  g_signal_connect_object (self->board, "ticket-activated",
                           G_CALLBACK (board_ticket_activated_cb), self, G_CONNECT_SWAPPED);

  self->detail = stw_ticket_detail_new (db);
  gtk_widget_set_hexpand (self->detail, TRUE);
  gtk_box_append (GTK_BOX (self->detail_box), self->detail);

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->slots, "contents-changed", G_CALLBACK (contents_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (loading_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  fill_queues (self);
  update_page (self);
  self->tick_source = g_timeout_add_seconds (60, tick_cb, self);
  return self;
}

StwTicketQueryModel *
stw_tickets_view_get_model (StwTicketsView *self)
{
  g_return_val_if_fail (STW_IS_TICKETS_VIEW (self), NULL);
  return self->model;
}

GtkWidget *
stw_tickets_view_get_board (StwTicketsView *self)
{
  g_return_val_if_fail (STW_IS_TICKETS_VIEW (self), NULL);
  return self->board;
}

void
stw_tickets_view_show_board (StwTicketsView *self,
                             gboolean        board)
{
  g_return_if_fail (STW_IS_TICKETS_VIEW (self));

  gtk_toggle_button_set_active (board ? self->board_button : self->list_button, TRUE);
}

/**
 * stw_tickets_view_show_ticket:
 *
 * Shows ticket @id in the detail, and selects it in the list (with the
 * filters cleared if they hide it).
 */
void
stw_tickets_view_show_ticket (StwTicketsView *self,
                              gint64          id)
{
  g_return_if_fail (STW_IS_TICKETS_VIEW (self));

  show_detail (self, id);
  if (stw_ticket_query_model_find (self->model, id) == G_MAXUINT &&
      !stw_ticket_query_model_get_loading (self->model))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->scope_dropdown, STW_TICKET_SCOPE_ALL);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_drop_down_set_selected (self->priority_dropdown, 0);
      gtk_drop_down_set_selected (self->queue_dropdown, 0);
      if (!showing_board (self))
        gtk_drop_down_set_selected (self->type_dropdown, 0);
    }
  self->pending_show = id;
  select_pending (self);
}

gint64
stw_tickets_view_get_shown_ticket (StwTicketsView *self)
{
  g_return_val_if_fail (STW_IS_TICKETS_VIEW (self), 0);
  return self->shown_id;
}

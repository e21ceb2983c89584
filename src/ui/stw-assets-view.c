/* stw-assets-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-assets-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "stw-asset-columns.h"
#include "stw-asset-detail.h"
#include "stw-assets-view.h"
#include "stw-new-asset-dialog.h"
#include "stw-dnd.h"
#include "stw-slot-model.h"
#include "stw-ui-util.h"
#include "core/stw-validate.h"
#include "store/stw-asset-repo.h"

/*
 * The inventory: a search entry and filters over a column view of every
 * asset that matches, with the selected asset's details beside it.
 * Searching, filtering and sorting run in SQL (StwAssetQueryModel); the
 * view only shows the rows on screen.
 */

struct _StwAssetsView
{
  GtkWidget            parent_instance;

  StwDatabase         *db;
  StwAssetQueryModel  *model;
  StwSlotModel        *slots;
  GtkMultiSelection   *selection;
  /* The selection by asset id: positions change with every search. */
  GHashTable          *selected_ids;
  gboolean             scroll_to_top;
  GCancellable        *cancellable;
  gint64               pending_select;

  StwAssetColumns     *columns;
  GSettings           *settings;

  /* Template children */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *category_dropdown;
  GtkLabel            *count_label;
  GtkMenuButton       *columns_button;
  GtkStack            *stack;
  GtkStack            *detail_stack;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  StwAssetDetail      *detail;
  AdwStatusPage       *many_page;
};

G_DEFINE_FINAL_TYPE (StwAssetsView, stw_assets_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Sorting                                                                  */
/* ------------------------------------------------------------------------ */

static void
sorter_changed_cb (StwAssetsView    *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  StwAssetField field;
  StwSortDirection direction;

  stw_asset_columns_get_sort (self->columns, &field, &direction);
  self->scroll_to_top = TRUE;
  stw_asset_query_model_set_sort (self->model, field, direction);
}

/* ------------------------------------------------------------------------ */
/* State                                                                    */
/* ------------------------------------------------------------------------ */

static gboolean
is_filtered (StwAssetsView *self)
{
  return stw_asset_query_model_get_search (self->model) != NULL ||
         stw_asset_query_model_get_status_filter (self->model) != STW_FILTER_ANY ||
         stw_asset_query_model_get_category_filter (self->model) != STW_FILTER_ANY;
}

static void
update_page (StwAssetsView *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;
  const char *page = "list";

  if (stw_asset_query_model_get_loading (self->model) && n_items == 0)
    return;

  if (n_items == 0)
    page = is_filtered (self) || !stw_asset_repo_is_empty (self->db) ? "no-results" : "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), !g_str_equal (page, "empty"));
  gtk_widget_set_visible (GTK_WIDGET (self->category_dropdown), !g_str_equal (page, "empty"));

  /* The count of a result still on its way would be wrong. */
  if (stw_asset_query_model_get_loading (self->model))
    return;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", n_items), n_items);
  gtk_label_set_label (self->count_label, count);
}

static void
scroll_to_position (StwAssetsView *self,
                    guint          position)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double row, value;

  /* GTK 4.8 has no gtk_column_view_scroll_to(); rows are the same height,
   * so the position gives the offset. */
  if (n_items == 0 || upper <= page)
    return;

  row = upper / n_items;
  value = row * position;
  if (value < gtk_adjustment_get_value (adjustment) ||
      value + row > gtk_adjustment_get_value (adjustment) + page)
    gtk_adjustment_set_value (adjustment, value - page / 3);
}

static void
select_pending (StwAssetsView *self)
{
  guint position;

  if (self->pending_select == 0)
    return;

  position = stw_asset_query_model_find (self->model, self->pending_select);
  if (position == G_MAXUINT)
    return;

  self->pending_select = 0;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  scroll_to_position (self, position);
}

/* Selects again the assets that were selected before the list changed,
 * wherever they are now. */
static void
restore_selection (StwAssetsView *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint wanted = g_hash_table_size (self->selected_ids);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint found = 0;

  if (wanted == 0)
    return;

  for (guint i = 0; i < n_items && found < wanted; i++)
    {
      gint64 id = stw_asset_query_model_get_id (self->model, i);

      if (g_hash_table_contains (self->selected_ids, &id))
        {
          gtk_bitset_add (selected, i);
          found++;
        }
    }

  mask = gtk_bitset_new_range (0, n_items);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

static void selection_changed_cb (StwAssetsView     *self,
                                  guint              position,
                                  guint              n_items,
                                  GtkSelectionModel *selection);

static void
contents_changed_cb (StwAssetsView *self,
                     guint          position,
                     StwSlotModel  *slots)
{
  restore_selection (self);
  /* A selection whose rows went away shrinks without a signal. */
  selection_changed_cb (self, 0, 0, GTK_SELECTION_MODEL (self->selection));
  select_pending (self);
  update_page (self);
}

/* A new search, filter or sort shows its results from the top. */
static void
loading_changed_cb (StwAssetsView *self)
{
  if (!stw_asset_query_model_get_loading (self->model) && self->scroll_to_top)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

      self->scroll_to_top = FALSE;
      /* An empty list has nowhere to scroll to. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 &&
          gtk_adjustment_get_value (adjustment) > 0)
        gtk_adjustment_set_value (adjustment, 0);
    }

  update_page (self);
}

static void
remember_selection (StwAssetsView *self,
                    GtkBitset     *set)
{
  GtkBitsetIter iter;
  guint position;

  g_hash_table_remove_all (self->selected_ids);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 *id = g_new (gint64, 1);

      *id = stw_asset_query_model_get_id (self->model, position);
      g_hash_table_add (self->selected_ids, id);
    }
}

static void
selection_changed_cb (StwAssetsView     *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  guint64 n_selected = gtk_bitset_get_size (set);

  remember_selection (self, set);

  if (n_selected == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      stw_asset_detail_set_asset_id (self->detail, 0);
    }
  else if (n_selected == 1)
    {
      guint selected = gtk_bitset_get_nth (set, 0);

      stw_asset_detail_set_asset_id (self->detail,
                                     stw_asset_query_model_get_id (self->model, selected));
      gtk_stack_set_visible_child_name (self->detail_stack, "one");
    }
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u Asset Selected",
                                                             "%u Assets Selected",
                                                             (guint)n_selected),
                                                (guint)n_selected);

      adw_status_page_set_title (self->many_page, title);
      gtk_stack_set_visible_child_name (self->detail_stack, "many");
      stw_asset_detail_set_asset_id (self->detail, 0);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", n_selected > 0);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
search_changed_cb (StwAssetsView  *self,
                   GtkSearchEntry *entry)
{
  self->scroll_to_top = TRUE;
  stw_asset_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (StwAssetsView  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filter_changed_cb (StwAssetsView *self,
                   GParamSpec    *pspec,
                   GtkDropDown   *dropdown)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  self->scroll_to_top = TRUE;
  /* Item 0 of each is “All …”. */
  stw_asset_query_model_set_status_filter (self->model,
                                           status == 0 || status == GTK_INVALID_LIST_POSITION
                                           ? STW_FILTER_ANY : (int)status - 1);
  stw_asset_query_model_set_category_filter (self->model,
                                             category == 0 || category == GTK_INVALID_LIST_POSITION
                                             ? STW_FILTER_ANY : (int)category - 1);
}

static void
database_changed_cb (StwAssetsView *self,
                     StwEntity      entities,
                     StwDatabase   *db)
{
  update_page (self);
}

typedef struct
{
  StwAssetsView *self;
  guint          n_ids;
} DeleteCall;

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree DeleteCall *call = user_data;
  g_autoptr(StwAssetsView) self = call->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!stw_asset_repo_delete_finish (STW_DATABASE (object), result, &error))
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset deleted", "%u assets deleted",
                                        call->n_ids), call->n_ids);
  stw_ui_toast (GTK_WIDGET (self), title, _("_Undo"), "win.undo");
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
new_asset_created_cb (StwAssetsView      *self,
                      gint64              id,
                      StwNewAssetDialog  *dialog)
{
  stw_assets_view_select_asset (self, id);
}

/* ------------------------------------------------------------------------ */
/* Dragging assets                                                          */
/* ------------------------------------------------------------------------ */

/* A drag from a selected row takes the selection; from another row, that
 * row's asset. Drops onto tickets (and, later, places and people) take
 * the ids; other applications get the asset tag of a single asset. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 StwAssetsView *self)
{
  StwSlot *slot = stw_asset_columns_slot_at (self->columns, x, y);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(StwDragIds) drag = NULL;
  StwAsset *asset;
  gint64 id;

  if (slot == NULL)
    return NULL;

  id = stw_asset_query_model_get_id (self->model, stw_slot_get_position (slot));
  if (id == 0)
    return NULL;

  if (g_hash_table_contains (self->selected_ids, &id))
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->selected_ids);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_array_append_val (ids, *(gint64 *) key);
    }
  else
    g_array_append_val (ids, id);

  drag = stw_drag_ids_new (STW_ENTITY_ASSET, (const gint64 *)(gpointer) ids->data, ids->len);
  asset = ids->len == 1 ? stw_slot_get_item (slot) : NULL;
  return stw_drag_ids_to_content (drag, asset != NULL ? stw_asset_get_tag (asset) : NULL);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               StwAssetsView *self)
{
  GdkContentProvider *content = gdk_drag_get_content (drag);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  const StwDragIds *ids;
  GtkWidget *icon;

  g_value_init (&value, STW_TYPE_DRAG_IDS);
  if (!gdk_content_provider_get_value (content, &value, NULL))
    return;
  ids = g_value_get_boxed (&value);

  /* Translators: what is being dragged, “3 assets” */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets",
                                        ids->ids->len), ids->ids->len);
  icon = gtk_label_new (label);
  gtk_widget_add_css_class (icon, "drag-label");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), icon);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  StwAssetsView *self = STW_ASSETS_VIEW (widget);
  StwNewAssetDialog *dialog = stw_new_asset_dialog_new (self->db);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "created", G_CALLBACK (new_asset_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StwAssetsView *self = STW_ASSETS_VIEW (widget);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DeleteCall *call;
  GtkBitsetIter iter;
  guint position;

  /* Ids come from the model's id array; no row object is built. */
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = stw_asset_query_model_get_id (self->model, position);

      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return;

  call = g_new0 (DeleteCall, 1);
  call->self = g_object_ref (self);
  call->n_ids = ids->len;
  stw_asset_repo_delete_async (self->db, (const gint64 *)(gpointer)ids->data, ids->len,
                               self->cancellable, delete_cb, call);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StwAssetsView *self = STW_ASSETS_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/*
 * For tests/bench: with STEWARD_BENCH_FIRST_ROWS set, say on standard
 * output when the first frame with rows has been painted.
 */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      StwAssetsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  g_print ("first-rows-painted\n");
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
}

static void
bench_map_cb (StwAssetsView *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), self, 0);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static GListModel *
labels_with_all (const char *all,
                 const char *(*label) (guint),
                 guint       n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));

  return G_LIST_MODEL (list);
}

static void
stw_assets_view_constructed (GObject *object)
{
  StwAssetsView *self = (StwAssetsView *)object;
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GListModel) categories = NULL;

  G_OBJECT_CLASS (stw_assets_view_parent_class)->constructed (object);

  self->model = stw_asset_query_model_new (self->db);
  self->slots = stw_slot_model_new (G_LIST_MODEL (self->model));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->slots, "contents-changed", G_CALLBACK (contents_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->columns = stw_asset_columns_new (self->column_view, self->settings);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  stw_asset_columns_get_actions (self->columns));
  gtk_menu_button_set_menu_model (self->columns_button, stw_asset_columns_get_menu (self->columns));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  {
    GtkDragSource *source = gtk_drag_source_new ();

    gtk_drag_source_set_actions (source, GDK_ACTION_COPY | GDK_ACTION_LINK | GDK_ACTION_MOVE);
    g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
    g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (source));
  }

  statuses = labels_with_all (_("All Statuses"), (const char *(*) (guint))stw_asset_status_label,
                              STW_N_ASSET_STATUSES);
  categories = labels_with_all (_("All Categories"),
                                (const char *(*) (guint))stw_asset_category_label,
                                STW_N_ASSET_CATEGORIES);
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->category_dropdown, categories);

  stw_asset_detail_set_database (self->detail, self->db);

  if (g_getenv ("STEWARD_BENCH_FIRST_ROWS") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (bench_map_cb), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", FALSE);
  update_page (self);
}

static void
stw_assets_view_dispose (GObject *object)
{
  StwAssetsView *self = (StwAssetsView *)object;

  g_cancellable_cancel (self->cancellable);
  /* Nothing may reach the template children once they are gone. */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->slots != NULL)
    g_signal_handlers_disconnect_by_data (self->slots, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_ASSETS_VIEW);
  stw_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->columns);
  g_clear_object (&self->slots);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (stw_assets_view_parent_class)->dispose (object);
}

static void
stw_assets_view_finalize (GObject *object)
{
  StwAssetsView *self = (StwAssetsView *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_assets_view_parent_class)->finalize (object);
}

static void
stw_assets_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StwAssetsView *self = STW_ASSETS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_assets_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StwAssetsView *self = STW_ASSETS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_assets_view_class_init (StwAssetsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stw_assets_view_constructed;
  object_class->dispose = stw_assets_view_dispose;
  object_class->finalize = stw_assets_view_finalize;
  object_class->get_property = stw_assets_view_get_property;
  object_class->set_property = stw_assets_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STW_TYPE_ASSET_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-assets-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assetsview");
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, columns_button);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, stack);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, detail);
  gtk_widget_class_bind_template_child (widget_class, StwAssetsView, many_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
}

static void
stw_assets_view_init (StwAssetsView *self)
{
  GtkShortcutController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selected_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);

  /* Delete deletes the selection while the list has the focus. */
  controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("view.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (controller));
}

/* ------------------------------------------------------------------------ */

StwAssetsView *
stw_assets_view_new (StwDatabase *db)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  return g_object_new (STW_TYPE_ASSETS_VIEW, "database", db, NULL);
}

StwAssetQueryModel *
stw_assets_view_get_model (StwAssetsView *self)
{
  g_return_val_if_fail (STW_IS_ASSETS_VIEW (self), NULL);
  return self->model;
}

GtkSelectionModel *
stw_assets_view_get_selection (StwAssetsView *self)
{
  g_return_val_if_fail (STW_IS_ASSETS_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * stw_assets_view_select_asset:
 *
 * Selects asset @id alone and scrolls to it, now or as soon as the list
 * has it (a new asset appears after the next query).
 */
void
stw_assets_view_select_asset (StwAssetsView *self,
                              gint64         id)
{
  g_return_if_fail (STW_IS_ASSETS_VIEW (self));

  self->pending_select = id;
  select_pending (self);
}

/**
 * stw_assets_view_get_page:
 *
 * Returns: what the view shows: “list”, “empty” or “no-results”
 */
const char *
stw_assets_view_get_page (StwAssetsView *self)
{
  g_return_val_if_fail (STW_IS_ASSETS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkColumnView *
stw_assets_view_get_column_view (StwAssetsView *self)
{
  g_return_val_if_fail (STW_IS_ASSETS_VIEW (self), NULL);
  return self->column_view;
}

/**
 * stw_assets_view_get_detail:
 *
 * Returns: (transfer none): the #StwAssetDetail beside the list
 */
GtkWidget *
stw_assets_view_get_detail (StwAssetsView *self)
{
  g_return_val_if_fail (STW_IS_ASSETS_VIEW (self), NULL);
  return GTK_WIDGET (self->detail);
}

GtkEditable *
stw_assets_view_get_search_entry (StwAssetsView *self)
{
  g_return_val_if_fail (STW_IS_ASSETS_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/**
 * stw_assets_view_get_columns:
 *
 * Returns: (transfer none): the list's columns, and which are shown
 */
StwAssetColumns *
stw_assets_view_get_columns (StwAssetsView *self)
{
  g_return_val_if_fail (STW_IS_ASSETS_VIEW (self), NULL);
  return self->columns;
}

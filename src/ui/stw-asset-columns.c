/* stw-asset-columns.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-columns"

#include "config.h"


#include "stw-asset-columns.h"
#include "stw-slot-model.h"
#include "stw-text-cell.h"
#include "stw-ui-util.h"
#include "core/stw-asset.h"
#include "core/stw-validate.h"

/*
 * The columns of the asset list: their cells, the sort a click on their
 * headers asks for, and which of them are shown.
 *
 * A column view in GTK 4.8 makes and fills a cell of every column for
 * each of its 200 rows, hidden columns too; a column not shown is
 * therefore taken out of the view, not hidden. Which are shown is kept
 * in the “asset-columns” setting, and chosen from a menu of check items
 * (the “columns” actions).
 */

typedef struct
{
  const char    *id;
  StwAssetField  field;
  int            width;
  gboolean       expand;
  gboolean       numeric;
} ColumnInfo;

static const ColumnInfo columns[] = {
  { "tag",           STW_ASSET_FIELD_TAG,           110, FALSE, FALSE },
  { "name",          STW_ASSET_FIELD_NAME,          220, TRUE,  FALSE },
  { "category",      STW_ASSET_FIELD_CATEGORY,      120, FALSE, FALSE },
  { "status",        STW_ASSET_FIELD_STATUS,        110, FALSE, FALSE },
  { "manufacturer",  STW_ASSET_FIELD_MANUFACTURER,  110, FALSE, FALSE },
  { "model",         STW_ASSET_FIELD_MODEL,         170, FALSE, FALSE },
  { "serial",        STW_ASSET_FIELD_SERIAL,        130, FALSE, FALSE },
  { "location",      STW_ASSET_FIELD_LOCATION,      150, FALSE, FALSE },
  { "person",        STW_ASSET_FIELD_PERSON,        150, FALSE, FALSE },
  { "purchase-date", STW_ASSET_FIELD_PURCHASE_DATE, 110, FALSE, TRUE  },
  { "purchase-cost", STW_ASSET_FIELD_PURCHASE_COST, 120, FALSE, TRUE  },
  { "warranty-end",  STW_ASSET_FIELD_WARRANTY_END,  110, FALSE, TRUE  },
  { "supplier",      STW_ASSET_FIELD_SUPPLIER,      120, FALSE, FALSE },
};

#define N_COLUMNS G_N_ELEMENTS (columns)

struct _StwAssetColumns
{
  GObject              parent_instance;

  GtkColumnView       *view;      /* weak */
  GSettings           *settings;
  GtkColumnViewColumn *column[N_COLUMNS];
  GSimpleActionGroup  *actions;
  GMenu               *menu;

  /* Two throwaway items to ask the view's sorter which column sorts and
   * in which direction (see stw_asset_columns_get_sort()). */
  GObject             *probe[2];
};

G_DEFINE_FINAL_TYPE (StwAssetColumns, stw_asset_columns, G_TYPE_OBJECT)

/* On each cell: its field, its slot, and its handler of the slot's
 * "changed". */
static GQuark field_quark;
static GQuark slot_quark;
static GQuark handler_quark;

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */
/* ------------------------------------------------------------------------ */

/* Status in words and in a tone: never told by colour alone. */
static const StwTextCellTone status_tones[] = {
  STW_TEXT_CELL_TONE_ACCENT,   /* in stock */
  STW_TEXT_CELL_TONE_SUCCESS,  /* deployed */
  STW_TEXT_CELL_TONE_WARNING,  /* in repair */
  STW_TEXT_CELL_TONE_DIM,      /* retired */
  STW_TEXT_CELL_TONE_ERROR,    /* lost */
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_tones) == STW_N_ASSET_STATUSES);

static char *
cell_text (StwAsset      *asset,
           StwAssetField  field)
{
  switch (field)
    {
    case STW_ASSET_FIELD_CATEGORY:
      return g_strdup (stw_asset_category_label (stw_asset_get_category (asset)));

    case STW_ASSET_FIELD_STATUS:
      return g_strdup (stw_asset_status_label (stw_asset_get_status (asset)));

    case STW_ASSET_FIELD_LOCATION:
      return g_strdup (stw_asset_get_location_name (asset));

    case STW_ASSET_FIELD_PERSON:
      return g_strdup (stw_asset_get_person_name (asset));

    case STW_ASSET_FIELD_PURCHASE_COST:
      {
        g_autofree char *cost = stw_format_cost (stw_asset_get_purchase_cost (asset));
        const char *currency = stw_asset_get_text (asset, STW_ASSET_FIELD_CURRENCY);

        if (cost[0] == '\0')
          return NULL;
        return g_strdup_printf ("%s %s", cost, currency != NULL ? currency : "");
      }

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_CURRENCY:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_SUPPLIER:
    case STW_ASSET_FIELD_NOTES:
    default:
      return g_strdup (stw_asset_get_text (asset, field));
    }
}

/* A cell's text, asked when it is drawn: only the rows on screen are
 * read from the store. */
static char *
cell_func (StwTextCell     *cell,
           gpointer         data,
           StwTextCellTone *tone)
{
  StwAssetField field = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (cell), field_quark));
  StwAsset *asset = stw_slot_get_item (data);

  if (asset == NULL)
    return NULL;

  if (field == STW_ASSET_FIELD_STATUS)
    *tone = status_tones[stw_asset_get_status (asset)];

  return cell_text (asset, field);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  GtkWidget *cell = stw_text_cell_new ();

  stw_text_cell_share_layouts (STW_TEXT_CELL (cell),
                               g_object_get_data (G_OBJECT (factory), "layouts"));
  stw_text_cell_set_xalign (STW_TEXT_CELL (cell), info->numeric ? 1.0f : 0.0f);
  if (info->numeric)
    gtk_widget_add_css_class (cell, "numeric");
  g_object_set_qdata (G_OBJECT (cell), field_quark, GINT_TO_POINTER (info->field));
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
  g_object_set_qdata (G_OBJECT (cell), slot_quark, slot);
  /* The slot takes another asset on a new search, and edits elsewhere
   * update its asset in place; follow both. The factory unbinds before
   * it lets go of the cell. */
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
  g_object_set_qdata (G_OBJECT (cell), slot_quark, NULL);
}

/**
 * stw_asset_columns_slot_at:
 * @x: (in): a point of the column view
 *
 * Returns: (transfer none) (nullable): the slot of the row at (@x, @y),
 *   as where a drag starts
 */
StwSlot *
stw_asset_columns_slot_at (StwAssetColumns *self,
                           double           x,
                           double           y)
{
  GtkWidget *picked;

  g_return_val_if_fail (STW_IS_ASSET_COLUMNS (self), NULL);

  if (self->view == NULL)
    return NULL;

  picked = gtk_widget_pick (GTK_WIDGET (self->view), x, y, GTK_PICK_DEFAULT);
  for (; picked != NULL; picked = gtk_widget_get_parent (picked))
    {
      StwSlot *slot = g_object_get_qdata (G_OBJECT (picked), slot_quark);

      if (slot != NULL)
        return slot;
      /* The row's cells are siblings: look at the row's first cell. */
      for (GtkWidget *child = gtk_widget_get_first_child (picked); child != NULL;
           child = gtk_widget_get_first_child (child))
        if ((slot = g_object_get_qdata (G_OBJECT (child), slot_quark)) != NULL)
          return slot;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Sorting                                                                  */
/* ------------------------------------------------------------------------ */

static StwAssetField probed_field;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  if (probed_field == STW_ASSET_FIELD_NONE)
    probed_field = GPOINTER_TO_INT (user_data);

  return GTK_ORDERING_SMALLER;
}

/**
 * stw_asset_columns_get_sort:
 *
 * Tells which column the view sorts by, and in which direction: by name,
 * ascending, when no column sorts.
 *
 * GTK 4.8 has no API to ask a column view which column it sorts by
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10). Its sorter
 * compares with the primary column's sorter first and inverts the result
 * when descending, so comparing two items with sorters that record their
 * field and answer “smaller” tells both. The rows are then sorted in SQL.
 */
void
stw_asset_columns_get_sort (StwAssetColumns  *self,
                            StwAssetField    *field,
                            StwSortDirection *direction)
{
  GtkOrdering ordering;

  g_return_if_fail (STW_IS_ASSET_COLUMNS (self));

  *field = STW_ASSET_FIELD_NAME;
  *direction = STW_SORT_ASCENDING;
  if (self->view == NULL)
    return;

  probed_field = STW_ASSET_FIELD_NONE;
  ordering = gtk_sorter_compare (gtk_column_view_get_sorter (self->view), self->probe[0],
                                 self->probe[1]);
  if (probed_field != STW_ASSET_FIELD_NONE)
    {
      *field = probed_field;
      *direction = ordering == GTK_ORDERING_SMALLER ? STW_SORT_ASCENDING : STW_SORT_DESCENDING;
    }
}

/* ------------------------------------------------------------------------ */
/* Which columns                                                            */
/* ------------------------------------------------------------------------ */

static gboolean
is_shown (StwAssetColumns *self,
          guint            index)
{
  return gtk_column_view_column_get_column_view (self->column[index]) != NULL;
}

static guint
n_shown (StwAssetColumns *self)
{
  guint n = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    n += is_shown (self, i);
  return n;
}

/* Puts column @index back after the nearest column before it in the
 * usual order that is shown, wherever the user has dragged that one. */
static void
show_column (StwAssetColumns *self,
             guint            index)
{
  GListModel *shown = gtk_column_view_get_columns (self->view);
  guint position = 0;

  for (guint before = index; before-- > 0 && position == 0;)
    {
      if (!is_shown (self, before))
        continue;

      for (guint at = 0; at < g_list_model_get_n_items (shown); at++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown, at);

          if (column == self->column[before])
            {
              position = at + 1;
              break;
            }
        }
    }

  gtk_column_view_insert_column (self->view, position, self->column[index]);
}

static void
save_columns (StwAssetColumns *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (is_shown (self, i))
      g_strv_builder_add (builder, columns[i].id);

  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "asset-columns", (const char * const *)ids);
}

static void
update_actions (StwAssetColumns *self)
{
  gboolean last = n_shown (self) == 1;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), columns[i].id);

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean (is_shown (self, i)));
      /* The last column shown stays. */
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !(last && is_shown (self, i)));
    }
}

static void
change_state_cb (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  StwAssetColumns *self = user_data;
  const char *id = g_action_get_name (G_ACTION (action));
  gboolean show = g_variant_get_boolean (value);

  if (self->view == NULL)
    return;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (!g_str_equal (columns[i].id, id) || show == is_shown (self, i))
        continue;

      if (show)
        show_column (self, i);
      else if (n_shown (self) > 1)
        gtk_column_view_remove_column (self->view, self->column[i]);
    }

  update_actions (self);
  save_columns (self);
}

static void
add_columns (StwAssetColumns *self)
{
  g_auto(GStrv) wanted = g_settings_get_strv (self->settings, "asset-columns");
  gboolean any = FALSE;

  for (guint i = 0; i < N_COLUMNS; i++)
    any |= g_strv_contains ((const char * const *)wanted, columns[i].id);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      const ColumnInfo *info = &columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      g_autoptr(GSimpleAction) action = NULL;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *detailed = g_strconcat ("columns.", info->id, NULL);

      /* The cells of a column share their laid-out texts. */
      g_object_set_data_full (G_OBJECT (factory), "layouts", stw_text_layouts_new (),
                              (GDestroyNotify)stw_text_layouts_unref);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer)info);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer)info);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer)info);

      self->column[i] = gtk_column_view_column_new (stw_asset_field_label (info->field),
                                                    g_object_ref (factory));
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (info->field),
                                                  NULL));
      gtk_column_view_column_set_sorter (self->column[i], sorter);
      gtk_column_view_column_set_resizable (self->column[i], TRUE);
      gtk_column_view_column_set_fixed_width (self->column[i], info->width);
      gtk_column_view_column_set_expand (self->column[i], info->expand);

      /* A setting naming no column we know shows the name at least. */
      if (g_strv_contains ((const char * const *)wanted, info->id) ||
          (!any && info->field == STW_ASSET_FIELD_NAME))
        gtk_column_view_append_column (self->view, self->column[i]);

      if (info->field == STW_ASSET_FIELD_NAME)
        gtk_column_view_sort_by_column (self->view, self->column[i], GTK_SORT_ASCENDING);

      action = g_simple_action_new_stateful (info->id, NULL, g_variant_new_boolean (FALSE));
      g_signal_connect (action, "change-state", G_CALLBACK (change_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));

      item = g_menu_item_new (stw_asset_field_label (info->field), detailed);
      g_menu_append_item (self->menu, item);
    }

  update_actions (self);
}

/* ------------------------------------------------------------------------ */

static void
stw_asset_columns_dispose (GObject *object)
{
  StwAssetColumns *self = STW_ASSET_COLUMNS (object);

  g_clear_weak_pointer (&self->view);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->column[i]);
  g_clear_object (&self->actions);
  g_clear_object (&self->menu);
  g_clear_object (&self->settings);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);

  G_OBJECT_CLASS (stw_asset_columns_parent_class)->dispose (object);
}

static void
stw_asset_columns_class_init (StwAssetColumnsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = stw_asset_columns_dispose;

  slot_quark = g_quark_from_static_string ("stw-asset-columns-slot");
  field_quark = g_quark_from_static_string ("stw-asset-columns-field");
  handler_quark = g_quark_from_static_string ("stw-asset-columns-handler");
}

static void
stw_asset_columns_init (StwAssetColumns *self)
{
  self->actions = g_simple_action_group_new ();
  self->menu = g_menu_new ();
  self->probe[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe[1] = g_object_new (G_TYPE_OBJECT, NULL);
}

/**
 * stw_asset_columns_new:
 * @view: the column view to fill
 * @settings: the settings with “asset-columns”
 *
 * Adds the columns @settings names to @view, sorted by name.
 */
StwAssetColumns *
stw_asset_columns_new (GtkColumnView *view,
                       GSettings     *settings)
{
  StwAssetColumns *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STW_TYPE_ASSET_COLUMNS, NULL);
  g_set_weak_pointer (&self->view, view);
  self->settings = g_object_ref (settings);
  add_columns (self);

  return self;
}

/**
 * stw_asset_columns_get_menu:
 *
 * Returns: (transfer none): a menu with a check item per column, for the
 *   “columns” actions
 */
GMenuModel *
stw_asset_columns_get_menu (StwAssetColumns *self)
{
  g_return_val_if_fail (STW_IS_ASSET_COLUMNS (self), NULL);
  return G_MENU_MODEL (self->menu);
}

/**
 * stw_asset_columns_get_actions:
 *
 * Returns: (transfer none): a stateful action per column, named by the
 *   column's id, shown when true; to insert as “columns”
 */
GActionGroup *
stw_asset_columns_get_actions (StwAssetColumns *self)
{
  g_return_val_if_fail (STW_IS_ASSET_COLUMNS (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

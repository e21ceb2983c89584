/* test-text-cell.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "ui/stw-text-cell.h"

#define LONG_TEXT "A rather long asset name that cannot fit into a narrow column"

static int
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int            *minimum)
{
  int natural;

  gtk_widget_measure (widget, orientation, -1, minimum, &natural, NULL, NULL);
  return natural;
}

/* Finds the first text node under @node. */
static GskRenderNode *
find_text_node (GskRenderNode *node)
{
  GskRenderNodeType type;

  if (node == NULL)
    return NULL;

  type = gsk_render_node_get_node_type (node);
  if (type == GSK_TEXT_NODE)
    return node;
  if (type == GSK_TRANSFORM_NODE)
    return find_text_node (gsk_transform_node_get_child (node));
  if (type == GSK_CLIP_NODE)
    return find_text_node (gsk_clip_node_get_child (node));
  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      {
        GskRenderNode *found = find_text_node (gsk_container_node_get_child (node, i));

        if (found != NULL)
          return found;
      }

  return NULL;
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *cell;
} Shown;

/* Shows @cell alone in a window @width pixels wide. */
static Shown
show (GtkWidget *cell,
      int        width)
{
  Shown shown = { GTK_WINDOW (gtk_window_new ()), cell };

  gtk_widget_set_size_request (cell, width, -1);
  gtk_widget_set_halign (cell, GTK_ALIGN_START);
  gtk_window_set_child (shown.window, cell);
  gtk_window_present (shown.window);
  while (gtk_widget_get_width (cell) != width)
    g_main_context_iteration (NULL, TRUE);

  return shown;
}

static void
unshow (Shown *shown)
{
  g_object_ref (shown->cell);
  gtk_window_destroy (shown->window);
  stw_test_flush ();
  g_assert_finalize_object (shown->cell);
}

/* Draws the cell and returns what it drew. */
static GskRenderNode *
draw (GtkWidget *cell)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (cell)->snapshot (cell, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_text (void)
{
  GtkWidget *cell = g_object_ref_sink (stw_text_cell_new ());
  guint notified = 0;

  g_signal_connect_swapped (cell, "notify::text", G_CALLBACK (count_cb), &notified);

  g_assert_cmpstr (stw_text_cell_get_text (STW_TEXT_CELL (cell)), ==, "");
  stw_text_cell_set_text (STW_TEXT_CELL (cell), "PC-0042");
  g_assert_cmpstr (stw_text_cell_get_text (STW_TEXT_CELL (cell)), ==, "PC-0042");
  g_assert_cmpuint (notified, ==, 1);

  /* The same text again changes nothing. */
  stw_text_cell_set_text (STW_TEXT_CELL (cell), "PC-0042");
  g_assert_cmpuint (notified, ==, 1);

  /* No text and an empty text are the same. */
  stw_text_cell_set_text (STW_TEXT_CELL (cell), NULL);
  g_assert_cmpstr (stw_text_cell_get_text (STW_TEXT_CELL (cell)), ==, "");
  g_assert_cmpuint (notified, ==, 2);
  stw_text_cell_set_text (STW_TEXT_CELL (cell), "");
  g_assert_cmpuint (notified, ==, 2);

  stw_text_cell_set_xalign (STW_TEXT_CELL (cell), 7.0f);
  g_assert_cmpfloat (stw_text_cell_get_xalign (STW_TEXT_CELL (cell)), ==, 1.0f);

  g_assert_finalize_object (cell);
}

static void
test_size (void)
{
  GtkWidget *cell = g_object_ref_sink (stw_text_cell_new ());
  int empty_height, short_height, long_height, minimum;
  int width;

  empty_height = measure (cell, GTK_ORIENTATION_VERTICAL, &minimum);
  g_assert_cmpint (empty_height, >, 5);
  g_assert_cmpint (minimum, ==, empty_height);

  stw_text_cell_set_text (STW_TEXT_CELL (cell), "Hi");
  short_height = measure (cell, GTK_ORIENTATION_VERTICAL, NULL);

  stw_text_cell_set_text (STW_TEXT_CELL (cell), LONG_TEXT);
  long_height = measure (cell, GTK_ORIENTATION_VERTICAL, NULL);
  width = measure (cell, GTK_ORIENTATION_HORIZONTAL, &minimum);

  /* One line high whatever the text: a new text needs no new size. */
  g_assert_cmpint (short_height, ==, empty_height);
  g_assert_cmpint (long_height, ==, empty_height);
  /* The column gives it its width. */
  g_assert_cmpint (minimum, ==, 0);
  g_assert_cmpint (width, ==, 0);

  g_assert_finalize_object (cell);
}

static void
test_draw (void)
{
  GtkWidget *cell = stw_text_cell_new ();
  Shown shown = show (cell, 80);
  g_autoptr(GskRenderNode) empty = NULL;
  g_autoptr(GskRenderNode) ellipsized = NULL;
  GskRenderNode *text;

  /* Nothing to draw. */
  empty = draw (cell);
  g_assert_null (find_text_node (empty));

  /* A long text in a narrow cell ends in an ellipsis: fewer glyphs than
   * characters, and nothing beyond the cell. */
  stw_text_cell_set_text (STW_TEXT_CELL (cell), LONG_TEXT);
  ellipsized = draw (cell);
  text = find_text_node (ellipsized);
  g_assert_nonnull (text);
  if (text == NULL)
    return;
  g_assert_cmpuint (gsk_text_node_get_num_glyphs (text), >, 1);
  g_assert_cmpuint (gsk_text_node_get_num_glyphs (text), <, strlen (LONG_TEXT));

  unshow (&shown);
}

static void
test_alignment (void)
{
  GtkWidget *cell = stw_text_cell_new ();
  Shown shown = show (cell, 400);
  graphene_rect_t bounds;

  stw_text_cell_set_text (STW_TEXT_CELL (cell), "42.00");

  /* Start, end, and start again right to left, where the end is left. */
  {
    g_autoptr(GskRenderNode) node = draw (cell);

    gsk_render_node_get_bounds (node, &bounds);
    g_assert_cmpfloat (bounds.origin.x, <, 100);
  }

  stw_text_cell_set_xalign (STW_TEXT_CELL (cell), 1.0f);
  {
    g_autoptr(GskRenderNode) node = draw (cell);

    gsk_render_node_get_bounds (node, &bounds);
    g_assert_cmpfloat (bounds.origin.x, >, 300);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 401);
  }

  gtk_widget_set_direction (cell, GTK_TEXT_DIR_RTL);
  {
    g_autoptr(GskRenderNode) node = draw (cell);

    gsk_render_node_get_bounds (node, &bounds);
    g_assert_cmpfloat (bounds.origin.x, <, 100);
  }

  unshow (&shown);
}

typedef struct
{
  guint            calls;
  const char      *text;
  StwTextCellTone  tone;
} Source;

static char *
source_func (StwTextCell     *cell,
             gpointer         data,
             StwTextCellTone *tone)
{
  Source *source = data;

  source->calls++;
  *tone = source->tone;
  return g_strdup (source->text);
}

/* A text function is asked only when the text is needed, once until the
 * cell is told it changed. */
static void
test_func (void)
{
  GtkWidget *cell = g_object_ref_sink (stw_text_cell_new ());
  Source source = { 0, "In Repair", STW_TEXT_CELL_TONE_WARNING };

  stw_text_cell_set_func (STW_TEXT_CELL (cell), source_func, &source);
  g_assert_cmpuint (source.calls, ==, 0);

  g_assert_cmpstr (stw_text_cell_get_text (STW_TEXT_CELL (cell)), ==, "In Repair");
  g_assert_cmpint (stw_text_cell_get_tone (STW_TEXT_CELL (cell)), ==, STW_TEXT_CELL_TONE_WARNING);
  g_assert_cmpuint (source.calls, ==, 1);
  g_assert_cmpstr (stw_text_cell_get_text (STW_TEXT_CELL (cell)), ==, "In Repair");
  g_assert_cmpuint (source.calls, ==, 1);

  source.text = "Deployed";
  source.tone = STW_TEXT_CELL_TONE_SUCCESS;
  stw_text_cell_invalidate (STW_TEXT_CELL (cell));
  g_assert_cmpuint (source.calls, ==, 1);
  g_assert_cmpstr (stw_text_cell_get_text (STW_TEXT_CELL (cell)), ==, "Deployed");
  g_assert_cmpint (stw_text_cell_get_tone (STW_TEXT_CELL (cell)), ==, STW_TEXT_CELL_TONE_SUCCESS);
  g_assert_cmpuint (source.calls, ==, 2);

  /* A plain text replaces the function. */
  stw_text_cell_set_text (STW_TEXT_CELL (cell), "Lost");
  stw_text_cell_invalidate (STW_TEXT_CELL (cell));
  g_assert_cmpstr (stw_text_cell_get_text (STW_TEXT_CELL (cell)), ==, "Lost");
  g_assert_cmpint (stw_text_cell_get_tone (STW_TEXT_CELL (cell)), ==, STW_TEXT_CELL_TONE_DEFAULT);
  g_assert_cmpuint (source.calls, ==, 2);

  g_assert_finalize_object (cell);
}

/* Drawing asks the function, in the tone's colour: the theme's success
 * colour is not the text colour. */
static void
test_tone (void)
{
  GtkWidget *cell = stw_text_cell_new ();
  Shown shown = show (cell, 200);
  Source source = { 0, "Deployed", STW_TEXT_CELL_TONE_DEFAULT };
  g_autoptr(GskRenderNode) plain = NULL;
  g_autoptr(GskRenderNode) toned = NULL;
  const GdkRGBA *plain_color, *toned_color;

  stw_text_cell_set_func (STW_TEXT_CELL (cell), source_func, &source);
  plain = draw (cell);
  g_assert_cmpuint (source.calls, ==, 1);
  source.tone = STW_TEXT_CELL_TONE_SUCCESS;
  stw_text_cell_invalidate (STW_TEXT_CELL (cell));
  toned = draw (cell);
  g_assert_cmpuint (source.calls, ==, 2);

  g_assert_nonnull (find_text_node (plain));
  g_assert_nonnull (find_text_node (toned));
  if (find_text_node (plain) != NULL && find_text_node (toned) != NULL)
    {
      plain_color = gsk_text_node_get_color (find_text_node (plain));
      toned_color = gsk_text_node_get_color (find_text_node (toned));
      g_assert_false (gdk_rgba_equal (plain_color, toned_color));
    }

  unshow (&shown);
}

static char *
icon_func (StwTextCell     *cell,
           gpointer         data,
           StwTextCellTone *tone)
{
  gboolean *with_icon = data;

  if (*with_icon)
    stw_text_cell_set_icon_name (cell, "dialog-warning-symbolic");
  *tone = STW_TEXT_CELL_TONE_WARNING;
  return g_strdup ("At Risk · 12 min left");
}

static guint
count_nodes (GskRenderNode *node)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  guint n = 1;

  if (type == GSK_TRANSFORM_NODE)
    return n + count_nodes (gsk_transform_node_get_child (node));
  if (type == GSK_CLIP_NODE)
    return n + count_nodes (gsk_clip_node_get_child (node));
  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      n += count_nodes (gsk_container_node_get_child (node, i));
  return n;
}

/* An icon before the text, set by the text function each time. */
static void
test_icon (void)
{
  GtkWidget *cell = stw_text_cell_new ();
  Shown shown = show (cell, 240);
  gboolean with_icon = TRUE;
  g_autoptr(GskRenderNode) iconed = NULL;
  g_autoptr(GskRenderNode) plain = NULL;

  stw_text_cell_set_func (STW_TEXT_CELL (cell), icon_func, &with_icon);
  g_assert_cmpstr (stw_text_cell_get_icon_name (STW_TEXT_CELL (cell)), ==,
                   "dialog-warning-symbolic");
  iconed = draw (cell);

  with_icon = FALSE;
  stw_text_cell_invalidate (STW_TEXT_CELL (cell));
  g_assert_null (stw_text_cell_get_icon_name (STW_TEXT_CELL (cell)));
  plain = draw (cell);

  g_assert_nonnull (find_text_node (iconed));
  g_assert_cmpuint (count_nodes (iconed), >, count_nodes (plain));

  unshow (&shown);
}

/* Cells of one column lay a repeated text out once. */
static void
test_shared_layouts (void)
{
  g_autoptr(StwTextLayouts) layouts = stw_text_layouts_new ();
  GtkWidget *first = stw_text_cell_new ();
  GtkWidget *second = stw_text_cell_new ();
  Shown shown_first = show (first, 120);
  Shown shown_second = show (second, 120);
  g_autoptr(GskRenderNode) a = NULL;
  g_autoptr(GskRenderNode) b = NULL;
  g_autoptr(GskRenderNode) c = NULL;

  stw_text_cell_share_layouts (STW_TEXT_CELL (first), layouts);
  stw_text_cell_share_layouts (STW_TEXT_CELL (second), layouts);
  stw_text_cell_set_text (STW_TEXT_CELL (first), "Deployed");
  stw_text_cell_set_text (STW_TEXT_CELL (second), "Deployed");

  a = draw (first);
  b = draw (second);
  g_assert_cmpuint (stw_text_layouts_get_size (layouts), ==, 1);
  g_assert_nonnull (find_text_node (a));
  g_assert_nonnull (find_text_node (b));

  stw_text_cell_set_text (STW_TEXT_CELL (second), "In Repair");
  c = draw (second);
  g_assert_cmpuint (stw_text_layouts_get_size (layouts), ==, 2);
  g_assert_nonnull (find_text_node (c));

  unshow (&shown_first);
  unshow (&shown_second);
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

  g_test_add_func ("/text-cell/text", test_text);
  g_test_add_func ("/text-cell/size", test_size);
  g_test_add_func ("/text-cell/draw", test_draw);
  g_test_add_func ("/text-cell/alignment", test_alignment);
  g_test_add_func ("/text-cell/func", test_func);
  g_test_add_func ("/text-cell/tone", test_tone);
  g_test_add_func ("/text-cell/icon", test_icon);
  g_test_add_func ("/text-cell/shared-layouts", test_shared_layouts);

  return g_test_run ();
}

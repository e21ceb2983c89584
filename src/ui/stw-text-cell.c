/* stw-text-cell.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-text-cell"

#include "config.h"

#include "stw-text-cell.h"

/*
 * One line of text in a list cell, ellipsized at the end.
 *
 * A GtkLabel lays its text out to measure it. A column view in GTK 4.8
 * keeps 200 rows of cells, and scrolling far rebinds all of them in one
 * frame: thousands of layouts, most of them for rows nobody sees. This
 * cell is as tall as one line of its font whatever its text, and as wide
 * as its column makes it, so changing the text only asks for a redraw;
 * the text is laid out when it is drawn.
 *
 * A cell may also be given a function for its text instead of the text:
 * it is asked when the cell is drawn, or its text read. Of the rows a
 * list keeps, only those on screen are drawn, so only their rows need to
 * be read from the store. Its colour is a tone from the theme's named
 * colours, so it needs no change of style classes while drawn.
 *
 * Cells of one column may share their layouts (StwTextLayouts): the
 * same text at the same width in the same font is laid out once, and a
 * column of categories, statuses or models repeats a few texts.
 */

/* At most this many layouts are kept per column. */
#define SHARED_LAYOUTS_LIMIT 256

struct _StwTextLayouts
{
  gatomicrefcount       ref_count;
  GHashTable           *layouts;   /* text → PangoLayout */
  PangoFontDescription *font;
  int                   width;
  GtkTextDirection      direction;
  gboolean              numeric;
};

StwTextLayouts *
stw_text_layouts_new (void)
{
  StwTextLayouts *self = g_new0 (StwTextLayouts, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return self;
}

StwTextLayouts *
stw_text_layouts_ref (StwTextLayouts *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
stw_text_layouts_unref (StwTextLayouts *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->layouts);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self);
}

guint
stw_text_layouts_get_size (StwTextLayouts *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->layouts);
}

struct _StwTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  float        xalign;
  StwTextCellTone tone;
  const char  *icon_name;    /* static; drawn before the text */
  gboolean     resolving;    /* the text function runs */

  StwTextCellFunc func;
  gpointer     func_data;
  gboolean     func_stale;   /* ask func before the text is used */

  PangoLayout *layout;       /* NULL until drawn or measured */
  StwTextLayouts *shared;    /* nullable */
  gboolean     layout_stale; /* the text changed since it was laid out */
  int          line_height;  /* -1 until measured */
  guint        context_serial;
};

G_DEFINE_FINAL_TYPE (StwTextCell, stw_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_XALIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
store_text (StwTextCell *self,
            char        *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);

  if (g_strcmp0 (self->text, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->text);
  self->text = text;
  self->layout_stale = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text != NULL ? self->text : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* Asks the text function, if the text is out of date. */
static void
resolve (StwTextCell *self)
{
  StwTextCellTone tone = STW_TEXT_CELL_TONE_DEFAULT;
  char *text;

  if (self->func == NULL || !self->func_stale)
    return;

  self->func_stale = FALSE;
  self->icon_name = NULL;
  self->resolving = TRUE;
  text = self->func (self, self->func_data, &tone);
  self->resolving = FALSE;
  self->tone = tone;
  store_text (self, text);
}

/* A new font (a style change, a new scale) makes a new layout. */
static void
check_context (StwTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (serial != self->context_serial)
    {
      self->context_serial = serial;
      self->line_height = -1;
      g_clear_object (&self->layout);
    }
}

static PangoLayout *
make_layout (StwTextCell *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);

  /* A label draws figures of equal width in a “numeric” cell through
   * CSS; a layout of its own needs the font feature itself. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self), "numeric"))
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attributes);
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

/* The column's layout of the text at @width, made if there is none; the
 * column's layouts are dropped when the font, the width or the direction
 * change. */
static PangoLayout *
shared_layout (StwTextCell *self,
               int          width)
{
  StwTextLayouts *shared = self->shared;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  GtkTextDirection direction = gtk_widget_get_direction (GTK_WIDGET (self));
  gboolean numeric = gtk_widget_has_css_class (GTK_WIDGET (self), "numeric");
  PangoLayout *layout;

  if (shared->font == NULL || !pango_font_description_equal (shared->font, font) ||
      shared->width != width || shared->direction != direction || shared->numeric != numeric)
    {
      g_hash_table_remove_all (shared->layouts);
      g_clear_pointer (&shared->font, pango_font_description_free);
      shared->font = pango_font_description_copy (font);
      shared->width = width;
      shared->direction = direction;
      shared->numeric = numeric;
    }

  layout = g_hash_table_lookup (shared->layouts, self->text);
  if (layout == NULL)
    {
      if (g_hash_table_size (shared->layouts) >= SHARED_LAYOUTS_LIMIT)
        g_hash_table_remove_all (shared->layouts);

      layout = make_layout (self);
      pango_layout_set_width (layout, width * PANGO_SCALE);
      g_hash_table_insert (shared->layouts, g_strdup (self->text), layout);
    }

  return layout;
}

static PangoLayout *
ensure_layout (StwTextCell *self)
{
  check_context (self);

  if (self->layout == NULL)
    {
      self->layout = make_layout (self);
      self->layout_stale = FALSE;
    }
  else if (self->layout_stale)
    {
      pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
      self->layout_stale = FALSE;
    }

  return self->layout;
}

static int
get_line_height (StwTextCell *self)
{
  check_context (self);

  if (self->line_height < 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      g_autoptr(PangoLayout) probe = pango_layout_new (context);
      int height;

      /* The height of a line of this font, with or without text. */
      pango_layout_get_pixel_size (probe, NULL, &height);
      self->line_height = height;
    }

  return self->line_height;
}

static void
stw_text_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  StwTextCell *self = STW_TEXT_CELL (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = get_line_height (self);
      return;
    }

  /* Its column gives it its width (every column of the lists has a
   * fixed width). Asking for the text's width would lay out every cell
   * of every row the list keeps, each time its text changes. */
  *minimum = 0;
  *natural = 0;
}

static const char * const tone_colors[] = {
  NULL, "accent_color", "success_color", "warning_color", "error_color", NULL,
};
G_STATIC_ASSERT (G_N_ELEMENTS (tone_colors) == STW_TEXT_CELL_TONE_DIM + 1);

static void
tone_color (StwTextCell *self,
            GdkRGBA     *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const char *name = tone_colors[self->tone];

  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);

  /* As the theme's “dim-label”. */
  if (self->tone == STW_TEXT_CELL_TONE_DIM)
    color->alpha *= 0.55f;
}

#define ICON_SIZE 16
#define ICON_GAP   4

static void
draw_icon (StwTextCell   *self,
           GtkSnapshot   *snapshot,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, self->icon_name, NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  if (icon == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, ICON_SIZE,
                                            ICON_SIZE, color, 1);
  gtk_snapshot_restore (snapshot);
}

static void
stw_text_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  StwTextCell *self = STW_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  float xalign = self->xalign;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  float text_x = 0;

  resolve (self);

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  tone_color (self, &color);

  /* The icon, in the tone of the text, at its start. */
  if (self->icon_name != NULL && width > ICON_SIZE + ICON_GAP)
    {
      draw_icon (self, snapshot, rtl ? width - ICON_SIZE : 0, (height - ICON_SIZE) / 2.0f, &color);
      width -= ICON_SIZE + ICON_GAP;
      if (!rtl)
        text_x = ICON_SIZE + ICON_GAP;
    }

  if (self->shared != NULL)
    {
      layout = shared_layout (self, width);
    }
  else
    {
      layout = ensure_layout (self);
      pango_layout_set_width (layout, width * PANGO_SCALE);
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  if (rtl)
    xalign = 1.0f - xalign;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (text_x + floorf ((width - logical.width) * xalign)
                                                - logical.x,
                                                floorf ((height - logical.height) / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
stw_text_cell_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  StwTextCell *self = STW_TEXT_CELL (widget);

  g_clear_object (&self->layout);
  gtk_widget_queue_draw (widget);
}

static void
stw_text_cell_finalize (GObject *object)
{
  StwTextCell *self = STW_TEXT_CELL (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->shared, stw_text_layouts_unref);
  g_free (self->text);

  G_OBJECT_CLASS (stw_text_cell_parent_class)->finalize (object);
}

static void
stw_text_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StwTextCell *self = STW_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_text_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  StwTextCell *self = STW_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      stw_text_cell_set_text (self, g_value_get_string (value));
      break;

    case PROP_XALIGN:
      stw_text_cell_set_xalign (self, g_value_get_float (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_text_cell_class_init (StwTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stw_text_cell_finalize;
  object_class->get_property = stw_text_cell_get_property;
  object_class->set_property = stw_text_cell_set_property;

  widget_class->measure = stw_text_cell_measure;
  widget_class->snapshot = stw_text_cell_snapshot;
  widget_class->direction_changed = stw_text_cell_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0.0f, 1.0f, 0.0f,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
stw_text_cell_init (StwTextCell *self)
{
  self->line_height = -1;
}

GtkWidget *
stw_text_cell_new (void)
{
  return g_object_new (STW_TYPE_TEXT_CELL, NULL);
}

/**
 * stw_text_cell_share_layouts:
 * @layouts: (nullable): the layouts of the cell's column
 *
 * Draws with the layouts the column's cells share: for cells of one
 * column, of one width and style.
 */
void
stw_text_cell_share_layouts (StwTextCell    *self,
                             StwTextLayouts *layouts)
{
  g_return_if_fail (STW_IS_TEXT_CELL (self));

  if (layouts != NULL)
    stw_text_layouts_ref (layouts);
  g_clear_pointer (&self->shared, stw_text_layouts_unref);
  self->shared = layouts;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
stw_text_cell_get_text (StwTextCell *self)
{
  g_return_val_if_fail (STW_IS_TEXT_CELL (self), NULL);

  resolve (self);
  return self->text != NULL ? self->text : "";
}

/**
 * stw_text_cell_set_text:
 *
 * Shows @text, and forgets any text function.
 */
void
stw_text_cell_set_text (StwTextCell *self,
                        const char  *text)
{
  g_return_if_fail (STW_IS_TEXT_CELL (self));

  self->func = NULL;
  self->func_data = NULL;
  self->tone = STW_TEXT_CELL_TONE_DEFAULT;
  store_text (self, g_strdup (text));

  /* The height stays one line: only the drawing changes. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * stw_text_cell_set_func:
 * @func: (nullable): gives the text when it is needed
 * @data: for @func; the cell does not hold it
 *
 * The text comes from @func from now on, asked when the cell is drawn
 * or its text read, and again after stw_text_cell_invalidate().
 */
void
stw_text_cell_set_func (StwTextCell     *self,
                        StwTextCellFunc  func,
                        gpointer         data)
{
  g_return_if_fail (STW_IS_TEXT_CELL (self));

  self->func = func;
  self->func_data = data;
  stw_text_cell_invalidate (self);
}

/**
 * stw_text_cell_invalidate:
 *
 * The text function's answer has changed: ask it again when needed.
 */
void
stw_text_cell_invalidate (StwTextCell *self)
{
  g_return_if_fail (STW_IS_TEXT_CELL (self));

  self->func_stale = self->func != NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

StwTextCellTone
stw_text_cell_get_tone (StwTextCell *self)
{
  g_return_val_if_fail (STW_IS_TEXT_CELL (self), STW_TEXT_CELL_TONE_DEFAULT);

  resolve (self);
  return self->tone;
}

float
stw_text_cell_get_xalign (StwTextCell *self)
{
  g_return_val_if_fail (STW_IS_TEXT_CELL (self), 0.0f);

  return self->xalign;
}

void
stw_text_cell_set_xalign (StwTextCell *self,
                          float        xalign)
{
  g_return_if_fail (STW_IS_TEXT_CELL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (self->xalign == xalign)
    return;

  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

/**
 * stw_text_cell_set_icon_name:
 * @icon_name: (nullable): a symbolic icon, a string that lives as long
 *   as the program (a literal)
 *
 * Draws @icon_name before the text, in the text's tone: an SLA state, say,
 * told by an icon and words and not by colour alone. A text function
 * calls it each time it is asked, or the icon goes.
 */
void
stw_text_cell_set_icon_name (StwTextCell *self,
                             const char  *icon_name)
{
  g_return_if_fail (STW_IS_TEXT_CELL (self));

  if (self->icon_name == icon_name)
    return;

  self->icon_name = icon_name;
  /* From the text function, the cell is being drawn (or asked) already. */
  if (!self->resolving)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * stw_text_cell_get_icon_name:
 *
 * Returns: (nullable): the icon drawn before the text
 */
const char *
stw_text_cell_get_icon_name (StwTextCell *self)
{
  g_return_val_if_fail (STW_IS_TEXT_CELL (self), NULL);

  resolve (self);
  return self->icon_name;
}

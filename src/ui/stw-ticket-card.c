/* stw-ticket-card.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-card"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-ticket-card.h"

/*
 * A card of the board: number, priority, title (two lines at most),
 * SLA state (icon, colour and words) and assignee, drawn by one widget.
 *
 * A list view of GTK 4.8 keeps 200 rows of each column however few show,
 * so a board of six long columns holds some 1,200 cards; as a box of
 * labels, an image and a menu button each, that was 15,000 widgets to
 * make, measure and bind. Drawn, a card is one widget with five laid-out
 * texts. Its menu ("⋮", top right) is the board's, opened where it is
 * clicked (stw_ticket_card_get_menu_area()).
 */

#define PAD      10
#define GAP       6
#define ICON     16
#define MENU_BOX 24

struct _StwTicketCard
{
  GtkWidget    parent_instance;

  StwTicket   *ticket;
  int          priority;
  StwSlaState  sla_state;
  char        *sla_text;
  char        *accessible;   /* to tell screen readers when next drawn */

  PangoLayout *number;
  PangoLayout *priority_text;
  PangoLayout *title;
  PangoLayout *sla;
  PangoLayout *assignee;
};

G_DEFINE_FINAL_TYPE (StwTicketCard, stw_ticket_card, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------ */

static PangoLayout *
new_layout (StwTicketCard *self,
            gboolean       small,
            gboolean       bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  if (small)
    pango_attr_list_insert (attributes, pango_attr_scale_new (0.8333));
  if (bold)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* The title wraps to two lines at most in @width pixels. */
static void
set_title_width (StwTicketCard *self,
                 int            width)
{
  pango_layout_set_width (self->title, MAX (width - 2 * PAD, 1) * PANGO_SCALE);
}

/* One line of @layout's font, whatever its text. */
static int
line_height (PangoLayout *layout)
{
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontMetrics *metrics;
  const PangoFontDescription *font;
  int height;

  font = pango_layout_get_font_description (layout);
  if (font == NULL)
    font = pango_context_get_font_description (context);
  metrics = pango_context_get_metrics (context, font, NULL);
  height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  pango_font_metrics_unref (metrics);
  return height;
}

static int
top_height (StwTicketCard *self)
{
  return MAX (MAX (layout_height (self->number), layout_height (self->priority_text) + 2), ICON);
}

static int
bottom_height (StwTicketCard *self)
{
  return MAX (MAX (layout_height (self->sla), layout_height (self->assignee)), ICON);
}

static void
stw_ticket_card_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  StwTicketCard *self = STW_TICKET_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 260;
      return;
    }

  /* Every card is as high as two lines of title: the height never needs
   * the title laid out, and a column's rows are all alike, so the list
   * knows where each one is without measuring those it has not built. */
  *minimum = *natural = 2 * PAD + top_height (self) + GAP + 2 * line_height (self->title) + GAP +
                        bottom_height (self);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */
/* ------------------------------------------------------------------------ */

static void
named_color (GtkWidget  *widget,
             const char *name,
             GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_icon (GtkWidget     *widget,
           GtkSnapshot   *snapshot,
           const char    *name,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GdkRGBA colors[4];

  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, ICON, gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  if (icon == NULL)
    return;

  colors[0] = *color;
  named_color (widget, "error_color", &colors[1]);
  named_color (widget, "warning_color", &colors[2]);
  named_color (widget, "success_color", &colors[3]);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, ICON, ICON,
                                            colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static void
stw_ticket_card_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  StwTicketCard *self = STW_TICKET_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int top = top_height (self);
  int number_width, priority_width, priority_height, sla_width;
  GdkRGBA fg, dim, pill, tone;
  GskRoundedRect rounded;
  float y;

  if (self->ticket == NULL)
    return;

  /* The accessible name follows what is drawn: a list keeps many more
   * cards than it shows, and each change of name reaches the
   * accessibility bus. */
  if (self->accessible != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->accessible, -1);
      g_clear_pointer (&self->accessible, g_free);
    }

  named_color (widget, NULL, &fg);
  dim = fg;
  dim.alpha *= 0.55f;

  /* Number, priority (a pill, its colour and its words), menu. */
  pango_layout_get_pixel_size (self->number, &number_width, NULL);
  draw_layout (snapshot, self->number, PAD, PAD + (top - layout_height (self->number)) / 2.0f,
               &dim);

  pango_layout_get_pixel_size (self->priority_text, &priority_width, &priority_height);
  if (self->priority == 1)
    named_color (widget, "error_color", &pill), pill.alpha = 0.25f;
  else if (self->priority == 2)
    named_color (widget, "warning_color", &pill), pill.alpha = 0.3f;
  else
    pill = fg, pill.alpha = 0.1f;
  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (PAD + number_width + GAP,
                                                        PAD + (top - priority_height - 2) / 2.0f,
                                                        priority_width + 12,
                                                        priority_height + 2),
                                   6);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &pill, &rounded.bounds);
  gtk_snapshot_pop (snapshot);
  draw_layout (snapshot, self->priority_text, PAD + number_width + GAP + 6,
               rounded.bounds.origin.y + 1, &fg);

  draw_icon (widget, snapshot, "view-more-symbolic", width - PAD - ICON,
             PAD + (top - ICON) / 2.0f, &fg);

  /* The title. */
  y = PAD + top + GAP;
  set_title_width (self, width);
  draw_layout (snapshot, self->title, PAD, y, &fg);
  y += layout_height (self->title) + GAP;

  /* The SLA in an icon, a colour and words; the assignee. */
  if (self->sla_state == STW_SLA_STATE_BREACHED)
    named_color (widget, "error_color", &tone);
  else if (self->sla_state == STW_SLA_STATE_AT_RISK)
    named_color (widget, "warning_color", &tone);
  else
    tone = fg;

  sla_width = 0;
  if (self->sla_text[0] != '\0')
    {
      int bottom = bottom_height (self);

      draw_icon (widget, snapshot, stw_sla_state_icon_name (self->sla_state), PAD,
                 y + (bottom - ICON) / 2.0f, &tone);
      /* The SLA first; the assignee takes what is left, 70 pixels at least. */
      pango_layout_set_width (self->sla, MAX (width - 2 * PAD - ICON - 4 - GAP - 70, 1) *
                                         PANGO_SCALE);
      pango_layout_get_pixel_size (self->sla, &sla_width, NULL);
      draw_layout (snapshot, self->sla, PAD + ICON + 4,
                   y + (bottom - layout_height (self->sla)) / 2.0f, &tone);
      sla_width += ICON + 4 + GAP;
    }

  {
    int room = width - 2 * PAD - sla_width;
    int assignee_width;

    if (room > 24)
      {
        pango_layout_set_width (self->assignee, room * PANGO_SCALE);
        pango_layout_get_pixel_size (self->assignee, &assignee_width, NULL);
        draw_layout (snapshot, self->assignee, width - PAD - assignee_width,
                     y + (bottom_height (self) - layout_height (self->assignee)) / 2.0f, &dim);
      }
  }
}

/* ------------------------------------------------------------------------ */

static void
stw_ticket_card_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  StwTicketCard *self = STW_TICKET_CARD (widget);

  GTK_WIDGET_CLASS (stw_ticket_card_parent_class)->css_changed (widget, change);

  /* Fonts may have changed: lay the texts out again. */
  pango_layout_context_changed (self->number);
  pango_layout_context_changed (self->priority_text);
  pango_layout_context_changed (self->title);
  pango_layout_context_changed (self->sla);
  pango_layout_context_changed (self->assignee);
  gtk_widget_queue_resize (widget);
}

/* The whole title, asked only when the pointer rests on the card. */
static gboolean
stw_ticket_card_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  StwTicketCard *self = STW_TICKET_CARD (widget);
  graphene_rect_t menu;

  if (self->ticket == NULL)
    return FALSE;

  stw_ticket_card_get_menu_area (self, &menu);
  if (graphene_rect_contains_point (&menu, &GRAPHENE_POINT_INIT (x, y)))
    gtk_tooltip_set_text (tooltip, _("Move To…"));
  else
    gtk_tooltip_set_text (tooltip, stw_ticket_get_text (self->ticket, STW_TICKET_TEXT_TITLE));
  return TRUE;
}

static void
stw_ticket_card_finalize (GObject *object)
{
  StwTicketCard *self = (StwTicketCard *)object;

  g_clear_object (&self->ticket);
  g_clear_object (&self->number);
  g_clear_object (&self->priority_text);
  g_clear_object (&self->title);
  g_clear_object (&self->sla);
  g_clear_object (&self->assignee);
  g_free (self->sla_text);
  g_free (self->accessible);

  G_OBJECT_CLASS (stw_ticket_card_parent_class)->finalize (object);
}

static void
stw_ticket_card_class_init (StwTicketCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = stw_ticket_card_finalize;
  widget_class->measure = stw_ticket_card_measure;
  widget_class->snapshot = stw_ticket_card_snapshot;
  widget_class->css_changed = stw_ticket_card_css_changed;
  widget_class->query_tooltip = stw_ticket_card_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "ticketcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stw_ticket_card_init (StwTicketCard *self)
{
  self->number = new_layout (self, TRUE, FALSE);
  self->priority_text = new_layout (self, TRUE, TRUE);
  self->title = new_layout (self, FALSE, TRUE);
  pango_layout_set_wrap (self->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (self->title, -2);
  self->sla = new_layout (self, TRUE, FALSE);
  self->assignee = new_layout (self, TRUE, FALSE);
  self->sla_text = g_strdup ("");

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
stw_ticket_card_new (void)
{
  return g_object_new (STW_TYPE_TICKET_CARD, NULL);
}

StwTicket *
stw_ticket_card_get_ticket (StwTicketCard *self)
{
  g_return_val_if_fail (STW_IS_TICKET_CARD (self), NULL);
  return self->ticket;
}

/**
 * stw_ticket_card_set_ticket:
 * @ticket: (nullable): the ticket to show
 */
void
stw_ticket_card_set_ticket (StwTicketCard *self,
                            StwTicket     *ticket)
{
  g_return_if_fail (STW_IS_TICKET_CARD (self));

  g_set_object (&self->ticket, ticket);
  stw_ticket_card_update (self);
}

/**
 * stw_ticket_card_update:
 *
 * Shows the ticket's values again: after an edit, or as time passes.
 */
void
stw_ticket_card_update (StwTicketCard *self)
{
  g_autofree char *number = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *accessible = NULL;
  const char *title, *assignee;

  g_return_if_fail (STW_IS_TICKET_CARD (self));

  if (self->ticket == NULL)
    return;

  number = g_strdup_printf ("#%" G_GINT64_FORMAT, stw_ticket_get_value (self->ticket,
                                                                       STW_TICKET_VALUE_ID));
  self->priority = CLAMP (stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_PRIORITY), 1, 5);
  priority = stw_ticket_priority_label (self->priority);
  g_free (self->sla_text);
  self->sla_text = stw_ticket_describe_sla (self->ticket, g_get_real_time (), &self->sla_state);
  title = stw_ticket_get_text (self->ticket, STW_TICKET_TEXT_TITLE);
  assignee = stw_ticket_get_text (self->ticket, STW_TICKET_TEXT_ASSIGNEE_NAME);
  if (assignee == NULL)
    assignee = _("Unassigned");

  pango_layout_set_text (self->number, number, -1);
  pango_layout_set_text (self->priority_text, priority, -1);
  pango_layout_set_text (self->title, title != NULL ? title : "", -1);
  pango_layout_set_text (self->sla, self->sla_text, -1);
  pango_layout_set_text (self->assignee, assignee, -1);

  /* Translators: a board card for screen readers: number, title,
   * priority, SLA state, assignee */
  accessible = g_strdup_printf (_("%s, %s, %s, %s, %s"), number, title != NULL ? title : "",
                                priority,
                                self->sla_text[0] != '\0' ? self->sla_text
                                                          : stw_sla_state_label (self->sla_state),
                                assignee);
  g_free (self->accessible);
  self->accessible = g_steal_pointer (&accessible);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * stw_ticket_card_get_sla_text:
 *
 * Returns: the service level as the card shows it
 */
const char *
stw_ticket_card_get_sla_text (StwTicketCard *self)
{
  g_return_val_if_fail (STW_IS_TICKET_CARD (self), NULL);
  return self->sla_text;
}

/**
 * stw_ticket_card_get_menu_area:
 * @area: (out): where "⋮" is, in the card's coordinates
 */
void
stw_ticket_card_get_menu_area (StwTicketCard   *self,
                               graphene_rect_t *area)
{
  int width;

  g_return_if_fail (STW_IS_TICKET_CARD (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  graphene_rect_init (area, width - PAD - ICON - (MENU_BOX - ICON) / 2.0f,
                      PAD + (top_height (self) - MENU_BOX) / 2.0f, MENU_BOX, MENU_BOX);
}

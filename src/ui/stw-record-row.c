/* stw-record-row.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-record-row"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-record-row.h"
#include "stw-ui-util.h"

/*
 * One row of the location and people lists: an icon, a name, a line of
 * detail, and a menu of what can be done with the record. Every menu item
 * names its record by id, so the row works with view actions taking “x”.
 */

struct _StwRecordRow
{
  GtkWidget       parent_instance;

  GtkImage       *icon;
  GtkLabel       *title;
  GtkLabel       *subtitle;
  GtkMenuButton  *menu_button;
};

G_DEFINE_FINAL_TYPE (StwRecordRow, stw_record_row, GTK_TYPE_WIDGET)

static void
stw_record_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STW_TYPE_RECORD_ROW);
  stw_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (stw_record_row_parent_class)->dispose (object);
}

static void
stw_record_row_class_init (StwRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-record-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, StwRecordRow, icon);
  gtk_widget_class_bind_template_child (widget_class, StwRecordRow, title);
  gtk_widget_class_bind_template_child (widget_class, StwRecordRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, StwRecordRow, menu_button);
}

static void
stw_record_row_init (StwRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

StwRecordRow *
stw_record_row_new (void)
{
  return g_object_new (STW_TYPE_RECORD_ROW, NULL);
}

/**
 * stw_record_row_set:
 * @depth: how far to indent, for trees
 */
void
stw_record_row_set (StwRecordRow *self,
                    const char   *icon_name,
                    const char   *title,
                    const char   *subtitle,
                    guint         depth)
{
  g_autofree char *menu_label = NULL;

  g_return_if_fail (STW_IS_RECORD_ROW (self));

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), icon_name != NULL);
  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL);
  gtk_widget_set_margin_start (gtk_widget_get_first_child (GTK_WIDGET (self)), 12 + 24 * depth);

  /* Translators: the accessible name of a row's menu button; %s is a name */
  menu_label = g_strdup_printf (_("Actions for %s"), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
}

/**
 * stw_record_row_set_menu:
 * @extra_label: (nullable): a third item between edit and delete
 */
void
stw_record_row_set_menu (StwRecordRow *self,
                         gint64        id,
                         const char   *edit_label,
                         const char   *edit_action,
                         const char   *extra_label,
                         const char   *extra_action,
                         const char   *delete_label,
                         const char   *delete_action)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  g_return_if_fail (STW_IS_RECORD_ROW (self));

  item = g_menu_item_new (edit_label, NULL);
  g_menu_item_set_action_and_target_value (item, edit_action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  if (extra_label != NULL)
    {
      item = g_menu_item_new (extra_label, NULL);
      g_menu_item_set_action_and_target_value (item, extra_action, g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (delete_label, NULL);
  g_menu_item_set_action_and_target_value (item, delete_action, g_variant_new_int64 (id));
  g_menu_append_item (danger, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

/* stw-ticket-timeline-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-ticket-timeline-view.h"
#include "stw-ui-util.h"
#include "core/stw-error.h"
#include "core/stw-sla.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-ticket-repo.h"
#include "store/stw-ticket-timeline.h"

/*
 * A ticket's timeline, the oldest first, and below it the composer that
 * adds to it: a public comment, an internal note or work logged with
 * the minutes spent. A ticket has at most some hundreds of entries, so
 * a list box of the latest few hundred is enough.
 */

#define TIMELINE_LIMIT 200

struct _StwTicketTimelineView
{
  AdwPreferencesGroup  parent_instance;

  StwDatabase         *db;
  gint64               ticket_id;

  /* Template children */
  GtkListBox          *timeline_list;
  GtkTextView         *composer_view;
  GtkDropDown         *kind_dropdown;
  GtkSpinButton       *minutes_spin;
  GtkLabel            *minutes_label;
  GtkLabel            *composer_message;
};

G_DEFINE_FINAL_TYPE (StwTicketTimelineView, stw_ticket_timeline_view,
                     ADW_TYPE_PREFERENCES_GROUP)

/* ------------------------------------------------------------------------ */

static const char *
origin_label (StwOrigin origin)
{
  switch (origin)
    {
    case STW_ORIGIN_IMPORT:
      return _("import");
    case STW_ORIGIN_SYNC:
      return _("sync");
    case STW_ORIGIN_SAMPLE:
      return _("sample inventory");
    case STW_ORIGIN_UNDO:
      return _("undo");
    case STW_ORIGIN_REDO:
      return _("redo");
    case STW_ORIGIN_USER:
    default:
      return NULL;
    }
}

static const char *
icon_name_for (StwTimelineItem *item)
{
  StwChange *change = stw_timeline_item_get_change (item);

  switch (stw_timeline_item_get_kind (item))
    {
    case STW_TIMELINE_COMMENT:
      return "chat-message-new-symbolic";
    case STW_TIMELINE_INTERNAL:
      return "changes-prevent-symbolic";
    case STW_TIMELINE_WORK:
      return "preferences-system-time-symbolic";
    case STW_TIMELINE_LINKED:
      return "insert-link-symbolic";
    case STW_TIMELINE_UNLINKED:
      return "list-remove-symbolic";
    case STW_TIMELINE_CHANGE:
    default:
      if (change != NULL && stw_change_get_kind (change) == STW_CHANGE_CREATED)
        return "document-new-symbolic";
      return "document-edit-symbolic";
    }
}

/* What happened, in one line. */
static char *
heading_for (StwTimelineItem *item)
{
  StwChange *change = stw_timeline_item_get_change (item);
  g_autofree char *spent = NULL;

  switch (stw_timeline_item_get_kind (item))
    {
    case STW_TIMELINE_COMMENT:
      return g_strdup (_("Public comment"));

    case STW_TIMELINE_INTERNAL:
      return g_strdup (_("Internal note, for the team only"));

    case STW_TIMELINE_WORK:
      spent = stw_sla_format_duration ((gint64)stw_timeline_item_get_minutes (item) * 60);
      /* Translators: a work log entry, as in “Work logged: 1 h 30 min” */
      return g_strdup_printf (_("Work logged: %s"), spent);

    case STW_TIMELINE_LINKED:
      /* Translators: the asset linked, as in “Linked LT-0042 · Laptop” */
      return g_strdup_printf (_("Linked %s"), stw_timeline_item_get_text (item));

    case STW_TIMELINE_UNLINKED:
      return g_strdup_printf (_("Unlinked %s"), stw_timeline_item_get_text (item));

    case STW_TIMELINE_CHANGE:
    default:
      break;
    }

  switch (change != NULL ? stw_change_get_kind (change) : STW_CHANGE_CREATED)
    {
    case STW_CHANGE_CREATED:
      return g_strdup (_("Ticket opened"));
    case STW_CHANGE_DELETED:
      return g_strdup (_("Ticket deleted"));
    case STW_CHANGE_UPDATED:
    default:
      /* Translators: a change in the history: “Status: New → In Progress” */
      return g_strdup_printf (_("%s: %s → %s"), stw_change_get_field (change),
                              stw_change_get_old_value (change) ?: "—",
                              stw_change_get_new_value (change) ?: "—");
    }
}

static GtkWidget *
timeline_row_new (StwTimelineItem *item)
{
  StwTimelineKind kind = stw_timeline_item_get_kind (item);
  g_autofree char *heading = heading_for (item);
  g_autofree char *when = NULL;
  g_autofree char *byline = NULL;
  const char *author = stw_timeline_item_get_author (item);
  const char *origin = origin_label (stw_timeline_item_get_origin (item));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name_for (item));
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *meta;

  when = g_strstrip (g_date_time_format (stw_timeline_item_get_time (item), "%e %b %Y, %H:%M"));
  if (origin != NULL)
    /* Translators: when, who, and how, as in “24 Nov 2026, 10:32 · Anna · undo” */
    byline = g_strdup_printf (_("%s · %s · %s"), when, author ?: "", origin);
  else if (author != NULL)
    /* Translators: when and who, as in “24 Nov 2026, 10:32 · Anna” */
    byline = g_strdup_printf (_("%s · %s"), when, author);
  else
    byline = g_strdup (when);
  meta = gtk_label_new (byline);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  /* What happened, and under it when and by whom: the pane is narrow,
   * and side by side the two squeezed each other to a word a line. */
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (meta), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), meta);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), text);
  gtk_box_append (GTK_BOX (box), top);

  if (kind == STW_TIMELINE_COMMENT || kind == STW_TIMELINE_INTERNAL || kind == STW_TIMELINE_WORK)
    {
      GtkWidget *body = gtk_label_new (stw_timeline_item_get_text (item));

      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_widget_set_margin_start (body, 24);
      gtk_box_append (GTK_BOX (box), body);
      gtk_widget_add_css_class (title, "heading");
    }
  else
    {
      gtk_widget_add_css_class (row, "change");
    }

  if (kind == STW_TIMELINE_INTERNAL)
    gtk_widget_add_css_class (row, "internal");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_total (StwTicketTimelineView *self)
{
  g_autofree char *total = NULL;
  g_autofree char *description = NULL;
  gint64 minutes = 0;

  if (self->db != NULL && self->ticket_id != 0)
    minutes = stw_ticket_timeline_total_minutes (self->db, self->ticket_id);

  if (minutes > 0)
    {
      total = stw_sla_format_duration (minutes * 60);
      /* Translators: the sum of the ticket's work log */
      description = g_strdup_printf (_("Time worked: %s"), total);
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

static void
set_composer_error (StwTicketTimelineView *self,
                    const GError          *error)
{
  gboolean minutes = error != NULL && gtk_widget_get_visible (GTK_WIDGET (self->minutes_spin)) &&
                     gtk_spin_button_get_value_as_int (self->minutes_spin) <= 0;

  gtk_label_set_label (self->composer_message, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->composer_message), error != NULL);

  /* The mark goes where the fix is: no text, or no time spent. */
  if (error != NULL && !minutes)
    gtk_widget_add_css_class (GTK_WIDGET (self->composer_view), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->composer_view), "error");

  if (minutes)
    gtk_widget_add_css_class (GTK_WIDGET (self->minutes_spin), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->minutes_spin), "error");

  if (error != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->composer_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->composer_view),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* ------------------------------------------------------------------------ */
/* Callbacks and actions                                                    */
/* ------------------------------------------------------------------------ */

static void
kind_changed_cb (StwTicketTimelineView *self)
{
  gboolean work = gtk_drop_down_get_selected (self->kind_dropdown) == STW_TICKET_ENTRY_WORK;

  gtk_widget_set_visible (GTK_WIDGET (self->minutes_spin), work);
  gtk_widget_set_visible (GTK_WIDGET (self->minutes_label), work);
  set_composer_error (self, NULL);
}

static void
composer_changed_cb (StwTicketTimelineView *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->composer_message)))
    set_composer_error (self, NULL);
}

static void
database_changed_cb (StwTicketTimelineView *self,
                     StwEntity              entities)
{
  /* Names of people and assets show in the timeline too. */
  if (entities & (STW_ENTITY_TICKET | STW_ENTITY_PERSON | STW_ENTITY_ASSET))
    stw_ticket_timeline_view_reload (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  StwTicketTimelineView *self = STW_TICKET_TIMELINE_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer_view);
  StwTicketEntryKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int minutes = 0;

  if (self->db == NULL || self->ticket_id == 0 || kind >= STW_N_TICKET_ENTRY_KINDS)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (kind == STW_TICKET_ENTRY_WORK)
    {
      gtk_spin_button_update (self->minutes_spin);
      minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
    }

  if (stw_ticket_repo_add_entry_sync (self->db, self->ticket_id, kind,
                                      stw_preferences_repo_get_me (self->db), text, minutes,
                                      &error) == 0)
    {
      set_composer_error (self, error);
      if (!g_error_matches (error, STW_ERROR, STW_ERROR_REQUIRED))
        stw_ui_toast_error (widget, error);
      return;
    }

  /* Written down: the composer is ready for the next one. */
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_spin_button_set_value (self->minutes_spin, 0);
  set_composer_error (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_ticket_timeline_view_dispose (GObject *object)
{
  StwTicketTimelineView *self = (StwTicketTimelineView *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_TICKET_TIMELINE_VIEW);

  G_OBJECT_CLASS (stw_ticket_timeline_view_parent_class)->dispose (object);
}

static void
stw_ticket_timeline_view_class_init (StwTicketTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_ticket_timeline_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-ticket-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StwTicketTimelineView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, StwTicketTimelineView, composer_view);
  gtk_widget_class_bind_template_child (widget_class, StwTicketTimelineView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StwTicketTimelineView, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, StwTicketTimelineView, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, StwTicketTimelineView, composer_message);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.add", NULL, add_action);
}

static void
stw_ticket_timeline_view_init (StwTicketTimelineView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("Nothing has happened on this ticket yet."));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->timeline_list, placeholder);

  g_signal_connect_object (gtk_text_view_get_buffer (self->composer_view), "changed",
                           G_CALLBACK (composer_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_ticket_timeline_view_set_ticket:
 * @ticket_id: the ticket, or 0 for none
 *
 * Shows the ticket's timeline and follows changes to it. What was typed
 * in the composer stays, for the ticket it was typed on only.
 */
void
stw_ticket_timeline_view_set_ticket (StwTicketTimelineView *self,
                                     StwDatabase           *db,
                                     gint64                 ticket_id)
{
  g_return_if_fail (STW_IS_TICKET_TIMELINE_VIEW (self));
  g_return_if_fail (db == NULL || STW_IS_DATABASE (db));

  if (self->db != db)
    {
      if (self->db != NULL)
        g_signal_handlers_disconnect_by_data (self->db, self);
      g_set_object (&self->db, db);
      if (db != NULL)
        g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  if (self->ticket_id != ticket_id)
    {
      self->ticket_id = ticket_id;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", -1);
      gtk_spin_button_set_value (self->minutes_spin, 0);
      set_composer_error (self, NULL);
    }

  stw_ticket_timeline_view_reload (self);
}

void
stw_ticket_timeline_view_reload (StwTicketTimelineView *self)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n, first;

  g_return_if_fail (STW_IS_TICKET_TIMELINE_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);

  show_total (self);
  if (self->db == NULL || self->ticket_id == 0)
    return;

  items = stw_ticket_timeline_list (self->db, self->ticket_id, &error);
  if (items == NULL)
    {
      g_debug ("Could not read the timeline: %s", error->message);
      return;
    }

  /* The latest are the ones that matter; say how many came before. */
  n = g_list_model_get_n_items (items);
  first = n > TIMELINE_LIMIT ? n - TIMELINE_LIMIT : 0;
  if (first > 0)
    {
      g_autofree char *earlier = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u earlier entry not shown",
                                                               "%u earlier entries not shown",
                                                               first),
                                                  first);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), earlier);
      gtk_list_box_append (self->timeline_list, row);
    }

  for (guint i = first; i < n; i++)
    {
      g_autoptr(StwTimelineItem) item = g_list_model_get_item (items, i);

      gtk_list_box_append (self->timeline_list, timeline_row_new (item));
    }
}

GtkListBox *
stw_ticket_timeline_view_get_list (StwTicketTimelineView *self)
{
  g_return_val_if_fail (STW_IS_TICKET_TIMELINE_VIEW (self), NULL);
  return self->timeline_list;
}

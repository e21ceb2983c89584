/* stw-ticket-detail.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-dnd.h"
#include "stw-ticket-detail.h"
#include "stw-ticket-detail-private.h"
#include "stw-ui-util.h"
#include "core/stw-error.h"
#include "core/stw-ticket.h"
#include "core/stw-validate.h"
#include "store/stw-person-repo.h"
#include "store/stw-preferences-repo.h"
#include "store/stw-sync-store.h"
#include "store/stw-ticket-repo.h"

/*
 * Every field of one ticket, edited in place, with its service level,
 * its linked assets and its timeline. As in the asset's detail, a value
 * is checked as it is typed and saved after a pause (a choice at once);
 * an invalid one is marked on its field and never saved.
 *
 * A save starts from the ticket as stored and puts in only the fields
 * edited here, so a change made elsewhere in the meantime (a move on the
 * board, another window) is kept, and the store judges a status move
 * from the stored status. What the store refuses is said on the field
 * and in a toast, and the pane shows what is stored again.
 */

#define SAVE_DELAY_MS 400
#define SLA_REFRESH_SECONDS 30

G_DEFINE_FINAL_TYPE (StwTicketDetail, stw_ticket_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TICKET_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (StwTicketDetail *self);

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

/* A refusal is about the values; anything else (a full disk) may pass. */
static gboolean
is_refusal (const GError *error)
{
  return error->domain == STW_ERROR &&
         (error->code == STW_ERROR_INVALID || error->code == STW_ERROR_REQUIRED ||
          error->code == STW_ERROR_DUPLICATE || error->code == STW_ERROR_NOT_FOUND);
}

static void
save (StwTicketDetail *self)
{
  g_autoptr(StwTicket) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint32 fields = self->dirty;
  gboolean saved = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (fields == 0 || self->ticket == NULL || self->db == NULL)
    return;

  self->dirty = 0;
  stored = stw_ticket_repo_load (self->db, stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_ID),
                                 &error);
  if (stored != NULL)
    {
      for (Field field = 0; field < N_FIELDS; field++)
        if (fields & FIELD_BIT (field))
          stw_ticket_detail_copy_field (stored, self->ticket, field);

      /* The store says what changed as it commits; this pane shows it
       * below, once the save is done. */
      self->saving = TRUE;
      saved = stw_ticket_repo_save_sync (self->db, stored, &error) != 0;
      self->saving = FALSE;
    }

  if (saved)
    {
      for (Field field = 0; field < N_FIELDS; field++)
        if ((fields & FIELD_BIT (field)) && self->errors[field] != NULL)
          stw_ticket_detail_set_field_error (self, field, NULL);

      stw_ticket_detail_refresh_from_store (self);
      stw_ticket_detail_show_values (self, FALSE);
      return;
    }

  /* Said on the first field of the save, and in a toast. */
  for (Field field = 0; field < N_FIELDS; field++)
    if (fields & FIELD_BIT (field))
      {
        stw_ticket_detail_set_field_error (self, field, error);
        break;
      }
  stw_ui_toast_error (GTK_WIDGET (self), error);

  if (!is_refusal (error))
    {
      /* Tried again with the next edit, when the disk may have room. */
      self->dirty |= fields;
      return;
    }

  /* The store keeps what it had, and so does this pane: typed text
   * stays in its field with the reason, choices show what is stored. */
  if (!stw_ticket_detail_refresh_from_store (self))
    {
      load (self);
      return;
    }
  stw_ticket_detail_show_values (self, FALSE);
}

static gboolean
save_timeout_cb (gpointer data)
{
  StwTicketDetail *self = data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

/* @field's widgets changed: checks the value and saves it, now or after
 * the typing pause. */
static void
field_edited (StwTicketDetail *self,
              Field            field,
              gboolean         at_once)
{
  g_autoptr(StwTicket) candidate = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->ticket == NULL || field >= N_FIELDS)
    return;

  candidate = stw_ticket_detail_copy_ticket (self->ticket);
  if (!stw_ticket_detail_read_field (self, field, candidate, &error) ||
      !stw_ticket_validate (candidate, &error))
    {
      stw_ticket_detail_set_field_error (self, field, error);

      /* A valid value held on the way here is not saved either. */
      if (self->dirty & FIELD_BIT (field))
        {
          g_autoptr(StwTicket) stored = NULL;

          self->dirty &= ~FIELD_BIT (field);
          stored = stw_ticket_repo_load (self->db,
                                         stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_ID),
                                         NULL);
          if (stored != NULL)
            stw_ticket_detail_copy_field (self->ticket, stored, field);
        }
      return;
    }

  stw_ticket_detail_set_field_error (self, field, NULL);
  stw_ticket_detail_copy_field (self->ticket, candidate, field);
  self->dirty |= FIELD_BIT (field);

  /* A choice is saved as soon as its row's own change is over: the save
   * may show a new list of statuses in the row that is still choosing. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (at_once)
    self->save_source = g_idle_add (save_timeout_cb, self);
  else
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
tick_cb (gpointer data)
{
  stw_ticket_detail_show_sla (STW_TICKET_DETAIL (data));
  return G_SOURCE_CONTINUE;
}

/* Shows the ticket self->ticket_id names, as stored. */
static void
load (StwTicketDetail *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->ticket);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  self->dirty = 0;
  g_array_set_size (self->statuses, 0);
  stw_ticket_detail_clear_errors (self);

  if (self->ticket_id != 0 && self->db != NULL)
    {
      self->ticket = stw_ticket_repo_load (self->db, self->ticket_id, &error);
      if (self->ticket == NULL)
        g_debug ("Ticket %" G_GINT64_FORMAT " is gone: %s", self->ticket_id, error->message);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->page), self->ticket != NULL);
  if (self->ticket != NULL)
    {
      stw_ticket_detail_show_values (self, TRUE);
      self->tick_source = g_timeout_add_seconds (SLA_REFRESH_SECONDS, tick_cb, self);
    }

  stw_conflict_banner_set_record (self->conflict_banner, self->db, STW_SYNC_TICKET,
                                  self->ticket != NULL ? self->ticket_id : 0);
  stw_ticket_assets_set_ticket (self->assets, self->db, self->ticket != NULL ? self->ticket_id : 0);
  stw_ticket_timeline_view_set_ticket (self->timeline, self->db,
                                       self->ticket != NULL ? self->ticket_id : 0);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
entry_changed_cb (StwTicketDetail *self,
                  GtkEditable     *row)
{
  field_edited (self, stw_ticket_detail_field_of (self, GTK_WIDGET (row)), FALSE);
}

static void
description_changed_cb (StwTicketDetail *self)
{
  field_edited (self, FIELD_DESCRIPTION, FALSE);
}

static void
combo_changed_cb (StwTicketDetail *self,
                  GParamSpec      *pspec,
                  AdwComboRow     *row)
{
  /* A choice is complete at once: save without waiting. */
  field_edited (self, stw_ticket_detail_field_of (self, GTK_WIDGET (row)), TRUE);
}

static void
override_toggled_cb (StwTicketDetail *self)
{
  gboolean was_loading = self->loading;

  if (self->loading || self->ticket == NULL)
    return;

  /* Turned on, it starts from the priority the ticket has. */
  if (adw_expander_row_get_enable_expansion (self->override_row))
    {
      self->loading = TRUE;
      adw_combo_row_set_selected (self->override_priority_row,
                                  stw_ticket_get_value (self->ticket, STW_TICKET_VALUE_PRIORITY) -
                                  STW_PRIORITY_HIGHEST);
      self->loading = was_loading;
    }

  field_edited (self, FIELD_LEVELS, TRUE);
}

static void
database_changed_cb (StwTicketDetail *self,
                     StwEntity        entities)
{
  if (entities & STW_ENTITY_PERSON)
    self->people_stale = TRUE;

  /* A save from here shows its result once it is done. */
  if (self->saving || self->ticket == NULL)
    return;

  if (!(entities & (STW_ENTITY_TICKET | STW_ENTITY_PERSON)))
    return;

  /* Someone else's change (an undo, the board): show it, keeping edits
   * not saved yet. */
  if (!stw_ticket_detail_refresh_from_store (self))
    {
      load (self);
      return;
    }

  /* A refused choice was about what was stored then; typed text keeps
   * its mark until it is replaced or fixed. */
  if (self->errors[FIELD_STATUS] != NULL)
    stw_ticket_detail_set_field_error (self, FIELD_STATUS, NULL);
  if (self->errors[FIELD_REQUESTER] != NULL)
    stw_ticket_detail_set_field_error (self, FIELD_REQUESTER, NULL);
  if (self->errors[FIELD_ASSIGNEE] != NULL)
    stw_ticket_detail_set_field_error (self, FIELD_ASSIGNEE, NULL);
  stw_ticket_detail_show_values (self, TRUE);
}

static void
drop_value_cb (StwTicketDetail *self,
               GParamSpec      *pspec,
               GtkDropTarget   *target)
{
  const GValue *value = gtk_drop_target_get_value (target);

  /* Only assets link to a ticket; other records are turned away while
   * they hover, before they are dropped. */
  if (value != NULL && stw_drag_ids_from_value (value, STW_ENTITY_ASSET) == NULL)
    {
      gtk_drop_target_reject (target);
      gtk_widget_set_visible (self->drop_hint, FALSE);
    }
}

static GdkDragAction
drop_enter_cb (GtkDropTarget   *target,
               double           x,
               double           y,
               StwTicketDetail *self)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  if (self->ticket == NULL)
    return 0;

  gtk_widget_set_visible (self->drop_hint, TRUE);
  if (drop != NULL && (gdk_drop_get_actions (drop) & GDK_ACTION_LINK))
    return GDK_ACTION_LINK;
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget   *target,
               StwTicketDetail *self)
{
  gtk_widget_set_visible (self->drop_hint, FALSE);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         StwTicketDetail *self)
{
  const StwDragIds *ids = stw_drag_ids_from_value (value, STW_ENTITY_ASSET);

  gtk_widget_set_visible (self->drop_hint, FALSE);
  if (ids == NULL || self->ticket == NULL)
    return FALSE;

  return stw_ticket_assets_link (self->assets, (const gint64 *)ids->ids->data, ids->ids->len);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_ticket_detail_dispose (GObject *object)
{
  StwTicketDetail *self = (StwTicketDetail *)object;

  /* A valid edit still waiting is saved, not dropped. */
  save (self);
  g_clear_object (&self->ticket);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_TICKET_DETAIL);
  stw_ui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (stw_ticket_detail_parent_class)->dispose (object);
}

static void
stw_ticket_detail_finalize (GObject *object)
{
  StwTicketDetail *self = (StwTicketDetail *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->errors[i]);
  g_clear_pointer (&self->statuses, g_array_unref);
  g_clear_object (&self->people);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_ticket_detail_parent_class)->finalize (object);
}

static void
stw_ticket_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StwTicketDetail *self = STW_TICKET_DETAIL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_TICKET_ID:
      g_value_set_int64 (value, self->ticket_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_ticket_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StwTicketDetail *self = STW_TICKET_DETAIL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      stw_ticket_detail_set_database (self, g_value_get_object (value));
      break;
    case PROP_TICKET_ID:
      stw_ticket_detail_set_ticket_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_field (GtkWidgetClass *widget_class,
            const char     *id,
            Field           field,
            gboolean        has_icon)
{
  g_autofree char *row = g_strdup_printf ("%s_row", id);
  g_autofree char *icon = g_strdup_printf ("%s_error", id);

  gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                             G_STRUCT_OFFSET (StwTicketDetail, rows) +
                                             sizeof (GtkWidget *) * field);
  if (has_icon)
    gtk_widget_class_bind_template_child_full (widget_class, icon, FALSE,
                                               G_STRUCT_OFFSET (StwTicketDetail, icons) +
                                               sizeof (GtkWidget *) * field);
}

static void
stw_ticket_detail_class_init (StwTicketDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_ticket_detail_dispose;
  object_class->finalize = stw_ticket_detail_finalize;
  object_class->get_property = stw_ticket_detail_get_property;
  object_class->set_property = stw_ticket_detail_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TICKET_ID] =
    g_param_spec_int64 ("ticket-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STW_TYPE_CONFLICT_BANNER);
  g_type_ensure (STW_TYPE_TICKET_ASSETS);
  g_type_ensure (STW_TYPE_TICKET_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-ticket-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ticketdetail");

  /* Names must not be template ids twice, hence the “_row” suffixes. */
  bind_field (widget_class, "title", FIELD_TITLE, TRUE);
  bind_field (widget_class, "status", FIELD_STATUS, FALSE);
  bind_field (widget_class, "category", FIELD_CATEGORY, TRUE);
  bind_field (widget_class, "queue", FIELD_QUEUE, TRUE);
  bind_field (widget_class, "tags", FIELD_TAGS, TRUE);
  bind_field (widget_class, "reason", FIELD_LEVELS, TRUE);
  bind_field (widget_class, "requester", FIELD_REQUESTER, FALSE);
  bind_field (widget_class, "assignee", FIELD_ASSIGNEE, FALSE);
  bind_field (widget_class, "due", FIELD_DUE, TRUE);
  bind_field (widget_class, "parent", FIELD_PARENT, TRUE);
  bind_field (widget_class, "problem", FIELD_PROBLEM, TRUE);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, page);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, ticket_group);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, type_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, description_view);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, impact_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, priority_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, priority_label);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, override_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, override_priority_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, response_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, response_icon);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, response_state);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, resolution_icon);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, resolution_state);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, created_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, updated_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, first_response_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, closed_row);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, ticket_message);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, description_message);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, priority_message);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, people_message);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, links_group);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, links_message);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, related_list);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, sla_message);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, assets);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, timeline);
  gtk_widget_class_bind_template_child (widget_class, StwTicketDetail, drop_hint);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, override_toggled_cb);
}

static char *
person_label (StwPerson *person)
{
  return g_strdup (stw_person_get_name (person));
}

static void
stw_ticket_detail_init (StwTicketDetail *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  GtkDropTarget *target;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows[FIELD_DESCRIPTION] = GTK_WIDGET (self->description_view);
  self->statuses = g_array_new (FALSE, FALSE, sizeof (StwTicketStatus));
  self->people = g_list_store_new (STW_TYPE_PERSON);
  self->people_stale = TRUE;

  for (StwLevel level = 0; level < STW_N_LEVELS; level++)
    gtk_string_list_append (levels, stw_level_label (level));
  for (int priority = STW_PRIORITY_HIGHEST; priority <= STW_PRIORITY_LOWEST; priority++)
    {
      g_autofree char *label = stw_ticket_priority_describe (priority);

      gtk_string_list_append (priorities, label);
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->impact_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->urgency_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->override_priority_row, G_LIST_MODEL (priorities));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (person_label), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->rows[FIELD_REQUESTER]), expression);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->rows[FIELD_ASSIGNEE]), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FIELD_REQUESTER]),
                           G_LIST_MODEL (self->people));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FIELD_ASSIGNEE]),
                           G_LIST_MODEL (self->people));
  self->loading = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (description_changed_cb), self, G_CONNECT_SWAPPED);

  /* Assets dragged from their list link to the ticket. */
  target = stw_drag_ids_drop_target_new (GDK_ACTION_COPY | GDK_ACTION_LINK);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "notify::value", G_CALLBACK (drop_value_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  gtk_widget_set_visible (GTK_WIDGET (self->page), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_ticket_detail_new:
 * @db: (nullable): the store
 *
 * Returns: (transfer floating): a detail pane showing no ticket
 */
GtkWidget *
stw_ticket_detail_new (StwDatabase *db)
{
  g_return_val_if_fail (db == NULL || STW_IS_DATABASE (db), NULL);

  return g_object_new (STW_TYPE_TICKET_DETAIL, "database", db, NULL);
}

StwDatabase *
stw_ticket_detail_get_database (StwTicketDetail *self)
{
  g_return_val_if_fail (STW_IS_TICKET_DETAIL (self), NULL);
  return self->db;
}

void
stw_ticket_detail_set_database (StwTicketDetail *self,
                                StwDatabase     *db)
{
  g_return_if_fail (STW_IS_TICKET_DETAIL (self));
  g_return_if_fail (db == NULL || STW_IS_DATABASE (db));

  if (self->db == db)
    return;

  save (self);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_set_object (&self->db, db);
  if (db != NULL)
    g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->people_stale = TRUE;

  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gint64
stw_ticket_detail_get_ticket_id (StwTicketDetail *self)
{
  g_return_val_if_fail (STW_IS_TICKET_DETAIL (self), 0);
  return self->ticket_id;
}

/**
 * stw_ticket_detail_set_ticket_id:
 * @id: the ticket to show, or 0 for none
 *
 * Valid edits to the ticket shown before are saved first.
 */
void
stw_ticket_detail_set_ticket_id (StwTicketDetail *self,
                                 gint64           id)
{
  g_return_if_fail (STW_IS_TICKET_DETAIL (self));
  g_return_if_fail (id >= 0);

  if (self->ticket_id == id)
    return;

  save (self);
  self->ticket_id = id;
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKET_ID]);
}

/* Saves waiting edits now instead of after the typing pause. */
void
stw_ticket_detail_save_now (StwTicketDetail *self)
{
  g_return_if_fail (STW_IS_TICKET_DETAIL (self));
  save (self);
}

/* Whether an edit waits for the typing pause to be saved. */
gboolean
stw_ticket_detail_is_saving (StwTicketDetail *self)
{
  g_return_val_if_fail (STW_IS_TICKET_DETAIL (self), FALSE);
  return self->save_source != 0;
}

/* stw-asset-detail.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-asset-detail.h"
#include "stw-asset-history.h"
#include "stw-asset-tickets.h"
#include "stw-conflict-banner.h"
#include "stw-ui-util.h"
#include "core/stw-error.h"
#include "core/stw-validate.h"
#include "store/stw-asset-repo.h"
#include "store/stw-journal.h"
#include "store/stw-location-repo.h"
#include "store/stw-person-repo.h"
#include "store/stw-sync-store.h"

/*
 * Every field of one asset, edited in place. A value is checked as it is
 * typed; a valid one is saved a moment later, an invalid one is marked
 * and never saved. If saving fails (a full or read-only disk), the value
 * stays in its field with the reason, and the next edit tries again.
 *
 * Saves are never cancelled: each holds a reference to the pane, and a
 * save cancelled when the pane goes away would lose what was typed.
 */

#define SAVE_DELAY_MS 400

struct _StwAssetDetail
{
  GtkWidget       parent_instance;

  StwDatabase    *db;
  StwAsset       *asset;          /* the working copy, with valid edits */
  guint           save_source;
  guint32         dirty;          /* fields edited and not yet saved */
  guint32         save_failed;    /* fields whose error is a failed save */
  guint           saves_in_flight;
  gboolean        loading;
  gboolean        choices_stale;
  char           *errors[STW_N_ASSET_FIELDS];

  GListStore     *locations;
  GListStore     *people;

  /* Template children, indexed by StwAssetField */
  GtkWidget      *rows[STW_N_ASSET_FIELDS];
  GtkWidget      *icons[STW_N_ASSET_FIELDS];
  GtkLabel       *identity_message;
  GtkLabel       *place_message;
  GtkLabel       *purchase_message;
  GtkLabel       *notes_message;
  GtkTextView    *notes_view;
  GtkListBox     *history_list;
  GtkListBox     *tickets_list;
  AdwPreferencesPage *page;
  StwConflictBanner *conflict_banner;
};

G_DEFINE_FINAL_TYPE (StwAssetDetail, stw_asset_detail, GTK_TYPE_WIDGET)

typedef struct
{
  StwAssetDetail *self;
  guint32         fields;
  gint64          id;
} SaveCall;

/* ------------------------------------------------------------------------ */

static StwAssetField
field_of (StwAssetDetail *self,
          GtkWidget      *row)
{
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (self->rows[field] == row)
      return field;

  return STW_ASSET_FIELD_NONE;
}

static GtkLabel *
message_label_for (StwAssetDetail *self,
                   StwAssetField   field)
{
  switch (field)
    {
    case STW_ASSET_FIELD_LOCATION:
    case STW_ASSET_FIELD_PERSON:
      return self->place_message;

    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_PURCHASE_COST:
    case STW_ASSET_FIELD_CURRENCY:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_SUPPLIER:
      return self->purchase_message;

    case STW_ASSET_FIELD_NOTES:
      return self->notes_message;

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_CATEGORY:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_STATUS:
    default:
      return self->identity_message;
    }
}

/* Shows the first problem of each group under it. */
static void
update_messages (StwAssetDetail *self)
{
  GtkLabel *labels[] = { self->identity_message, self->place_message,
                         self->purchase_message, self->notes_message };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *message = NULL;

      for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
        if (self->errors[field] != NULL && message_label_for (self, field) == labels[i])
          {
            message = self->errors[field];
            break;
          }

      gtk_label_set_label (labels[i], message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), message != NULL);
    }
}

static void
set_field_error (StwAssetDetail *self,
                 StwAssetField   field,
                 const GError   *error)
{
  g_clear_pointer (&self->errors[field], g_free);
  self->save_failed &= ~STW_ASSET_FIELD_BIT (field);
  if (error != NULL)
    self->errors[field] = g_strdup (error->message);

  if (self->icons[field] != NULL)
    stw_ui_set_row_error (self->rows[field], self->icons[field], error);
  else if (field == STW_ASSET_FIELD_NOTES && error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->notes_view), "error");
  else if (field == STW_ASSET_FIELD_NOTES)
    gtk_widget_remove_css_class (GTK_WIDGET (self->notes_view), "error");

  update_messages (self);
}

static void
clear_errors (StwAssetDetail *self)
{
  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (self->errors[field] != NULL)
      set_field_error (self, field, NULL);
}

static char *
notes_text (StwAssetDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/*
 * Checks what was typed into @field and, when it is acceptable, puts it
 * into the working copy.
 */
static gboolean
accept_text (StwAssetDetail  *self,
             StwAssetField    field,
             const char      *text,
             GError         **error)
{
  g_autoptr(StwAsset) candidate = NULL;
  g_autofree char *value = NULL;
  gint64 cost;

  switch (field)
    {
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
      if (!stw_validate_line (text, stw_asset_field_label (field), TRUE, error))
        return FALSE;
      value = g_strstrip (g_strdup (text));
      if (field == STW_ASSET_FIELD_TAG &&
          !stw_asset_repo_check_tag (self->db, value, stw_asset_get_id (self->asset), error))
        return FALSE;
      break;

    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_WARRANTY_END:
      if (!stw_parse_date (text, &value, error))
        return FALSE;
      break;

    case STW_ASSET_FIELD_PURCHASE_COST:
      if (!stw_parse_cost (text, &cost, error))
        return FALSE;
      stw_asset_set_purchase_cost (self->asset, cost);
      return TRUE;

    case STW_ASSET_FIELD_CURRENCY:
      if (!stw_validate_currency (text, error))
        return FALSE;
      value = g_strdup (text);
      break;

    case STW_ASSET_FIELD_NOTES:
      if (!stw_validate_notes (text, error))
        return FALSE;
      value = g_strdup (text);
      break;

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_CATEGORY:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_STATUS:
    case STW_ASSET_FIELD_LOCATION:
    case STW_ASSET_FIELD_PERSON:
    case STW_ASSET_FIELD_SUPPLIER:
    default:
      if (!stw_validate_line (text, stw_asset_field_label (field), FALSE, error))
        return FALSE;
      value = g_strstrip (g_strdup (text));
      break;
    }

  /* Dates are checked against each other too. */
  candidate = stw_asset_dup (self->asset);
  stw_asset_set_text (candidate, field, value);
  if ((field == STW_ASSET_FIELD_PURCHASE_DATE || field == STW_ASSET_FIELD_WARRANTY_END) &&
      !stw_asset_validate (candidate, NULL, error))
    return FALSE;

  stw_asset_set_text (self->asset, field, value);
  return TRUE;
}

/*
 * @field now holds a value that is refused. A valid value it held on the
 * way there (the empty field between deleting the old date and typing a
 * new one) must not be saved after the typing pause either: the store
 * keeps what it had, and so does the working copy.
 */
static void
withdraw_edit (StwAssetDetail *self,
               StwAssetField   field)
{
  g_autoptr(StwAsset) stored = NULL;

  if (!(self->dirty & STW_ASSET_FIELD_BIT (field)))
    return;

  self->dirty &= ~STW_ASSET_FIELD_BIT (field);

  stored = stw_asset_repo_load (self->db, stw_asset_get_id (self->asset), NULL);
  if (stored == NULL)
    return;

  if (field == STW_ASSET_FIELD_PURCHASE_COST)
    stw_asset_set_purchase_cost (self->asset, stw_asset_get_purchase_cost (stored));
  else
    stw_asset_set_text (self->asset, field, stw_asset_get_text (stored, field));
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree SaveCall *call = user_data;
  g_autoptr(StwAssetDetail) self = call->self;
  g_autoptr(GError) error = NULL;
  gboolean shown;

  self->saves_in_flight--;
  /* Once disposed, the pane has no rows to mark; the save still ran. */
  shown = self->asset != NULL && stw_asset_get_id (self->asset) == call->id;

  if (stw_asset_repo_save_finish (STW_DATABASE (object), result, &error) != 0)
    {
      /* A message about an earlier failed save of these fields is no
       * longer true. */
      for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
        if (shown && (call->fields & self->save_failed & STW_ASSET_FIELD_BIT (field)))
          set_field_error (self, field, NULL);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not saved: say so where it was typed, keep the value, and try again
   * with the next edit. */
  if (shown)
    {
      self->dirty |= call->fields;
      for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
        if (call->fields & STW_ASSET_FIELD_BIT (field))
          {
            set_field_error (self, field, error);
            self->save_failed |= STW_ASSET_FIELD_BIT (field);
            break;
          }
    }

  stw_ui_toast_error (GTK_WIDGET (self), error);
}

static void
save (StwAssetDetail *self)
{
  SaveCall *call;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->dirty == 0 || self->asset == NULL || self->db == NULL)
    return;

  call = g_new0 (SaveCall, 1);
  call->self = g_object_ref (self);
  call->fields = self->dirty;
  call->id = stw_asset_get_id (self->asset);
  self->dirty = 0;
  self->saves_in_flight++;

  stw_asset_repo_save_async (self->db, self->asset, call->fields, NULL, save_cb, call);
}

static gboolean
save_timeout_cb (gpointer data)
{
  StwAssetDetail *self = data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
queue_save (StwAssetDetail *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */
/* ------------------------------------------------------------------------ */

static char *
location_label (StwLocation *location)
{
  return g_strdup (stw_location_get_path (location));
}

static char *
person_label (StwPerson *person)
{
  return g_strdup (stw_person_get_name (person));
}

static void
reload_choices (StwAssetDetail *self)
{
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(StwLocation) no_location = stw_location_new ();
  g_autoptr(StwPerson) nobody = stw_person_new ();

  stw_location_set_name (no_location, _("None"));
  stw_person_set_name (nobody, _("Nobody"));

  locations = stw_location_repo_list_names (self->db, NULL);
  people = stw_person_repo_list_names (self->db, NULL);

  g_list_store_remove_all (self->locations);
  g_list_store_append (self->locations, no_location);
  for (guint i = 0; locations != NULL && i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(StwLocation) location = g_list_model_get_item (locations, i);

      g_list_store_append (self->locations, location);
    }

  g_list_store_remove_all (self->people);
  g_list_store_append (self->people, nobody);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (people, i);

      g_list_store_append (self->people, person);
    }
}

/* The lists of places and people, filled when an asset needs them. */
static void
ensure_choices (StwAssetDetail *self)
{
  gboolean was_loading = self->loading;

  if (!self->choices_stale)
    return;

  self->choices_stale = FALSE;
  self->loading = TRUE;
  reload_choices (self);
  self->loading = was_loading;
}

static guint
position_of_id (GListModel *model,
                gint64      id,
                gint64    (*get_id) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (get_id (item) == id)
        return i;
    }

  return 0;
}

/*
 * Shows @text in @field's row. A mark on what was typed there before no
 * longer applies to what is shown now.
 */
static void
set_entry_text (StwAssetDetail *self,
                StwAssetField   field,
                const char     *text)
{
  GtkEditable *row = GTK_EDITABLE (self->rows[field]);

  /* Only when different, so the cursor of a focused entry stays put. */
  if (g_strcmp0 (gtk_editable_get_text (row), text != NULL ? text : "") == 0)
    return;

  gtk_editable_set_text (row, text != NULL ? text : "");
  if (self->errors[field] != NULL)
    set_field_error (self, field, NULL);
}

/* Selects the asset's location and person in their rows, after their
 * lists were filled anew. */
static void
show_choices (StwAssetDetail *self)
{
  StwAsset *asset = self->asset;
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_LOCATION]),
                              position_of_id (G_LIST_MODEL (self->locations),
                                              stw_asset_get_location_id (asset),
                                              (gint64 (*) (gpointer))stw_location_get_id));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_PERSON]),
                              position_of_id (G_LIST_MODEL (self->people),
                                              stw_asset_get_person_id (asset),
                                              (gint64 (*) (gpointer))stw_person_get_id));
  self->loading = was_loading;
}

static void
show_values (StwAssetDetail *self)
{
  StwAsset *asset = self->asset;
  g_autofree char *cost = NULL;
  g_autofree char *notes = NULL;

  self->loading = TRUE;

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    if (stw_asset_field_is_text (field) && field != STW_ASSET_FIELD_NOTES)
      set_entry_text (self, field, stw_asset_get_text (asset, field));

  cost = stw_format_cost (stw_asset_get_purchase_cost (asset));
  set_entry_text (self, STW_ASSET_FIELD_PURCHASE_COST, cost);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_CATEGORY]),
                              stw_asset_get_category (asset));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_STATUS]),
                              stw_asset_get_status (asset));
  show_choices (self);

  notes = notes_text (self);
  if (g_strcmp0 (notes, stw_asset_get_text (asset, STW_ASSET_FIELD_NOTES) ?: "") != 0)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                stw_asset_get_text (asset, STW_ASSET_FIELD_NOTES) ?: "", -1);
      if (self->errors[STW_ASSET_FIELD_NOTES] != NULL)
        set_field_error (self, STW_ASSET_FIELD_NOTES, NULL);
    }

  self->loading = FALSE;
}

static void
reload_history (StwAssetDetail *self)
{
  stw_asset_history_fill (self->history_list, self->db,
                          self->asset != NULL ? stw_asset_get_id (self->asset) : 0);
  stw_asset_tickets_fill (self->tickets_list, self->db,
                          self->asset != NULL ? stw_asset_get_id (self->asset) : 0);
}

static void
load (StwAssetDetail *self,
      gint64          id)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->asset);
  self->dirty = 0;
  clear_errors (self);

  if (id != 0 && self->db != NULL)
    {
      self->asset = stw_asset_repo_load (self->db, id, &error);
      if (self->asset == NULL)
        g_debug ("Asset %" G_GINT64_FORMAT " is gone: %s", id, error->message);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->page), self->asset != NULL);
  if (self->asset != NULL)
    {
      ensure_choices (self);
      show_values (self);
    }
  reload_history (self);
  stw_conflict_banner_set_record (self->conflict_banner, self->db, STW_SYNC_ASSET,
                                  self->asset != NULL ? stw_asset_get_id (self->asset) : 0);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
entry_changed_cb (StwAssetDetail *self,
                  GtkEditable    *row)
{
  StwAssetField field = field_of (self, GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;

  if (self->loading || self->asset == NULL || field == STW_ASSET_FIELD_NONE)
    return;

  if (!accept_text (self, field, gtk_editable_get_text (row), &error))
    {
      set_field_error (self, field, error);
      withdraw_edit (self, field);
      return;
    }

  set_field_error (self, field, NULL);
  /* The other date may have become valid with this one. */
  if (field == STW_ASSET_FIELD_PURCHASE_DATE && self->errors[STW_ASSET_FIELD_WARRANTY_END] != NULL)
    entry_changed_cb (self, GTK_EDITABLE (self->rows[STW_ASSET_FIELD_WARRANTY_END]));
  else if (field == STW_ASSET_FIELD_WARRANTY_END && self->errors[STW_ASSET_FIELD_PURCHASE_DATE] != NULL)
    entry_changed_cb (self, GTK_EDITABLE (self->rows[STW_ASSET_FIELD_PURCHASE_DATE]));

  self->dirty |= STW_ASSET_FIELD_BIT (field);
  queue_save (self);
}

static void
notes_changed_cb (StwAssetDetail *self,
                  GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->asset == NULL)
    return;

  text = notes_text (self);
  if (!accept_text (self, STW_ASSET_FIELD_NOTES, text, &error))
    {
      set_field_error (self, STW_ASSET_FIELD_NOTES, error);
      withdraw_edit (self, STW_ASSET_FIELD_NOTES);
      return;
    }

  set_field_error (self, STW_ASSET_FIELD_NOTES, NULL);
  self->dirty |= STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NOTES);
  queue_save (self);
}

static void
combo_changed_cb (StwAssetDetail *self,
                  GParamSpec     *pspec,
                  AdwComboRow    *row)
{
  StwAssetField field = field_of (self, GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GObject) item = NULL;

  if (self->loading || self->asset == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  switch (field)
    {
    case STW_ASSET_FIELD_CATEGORY:
      stw_asset_set_category (self->asset, selected);
      break;

    case STW_ASSET_FIELD_STATUS:
      stw_asset_set_status (self->asset, selected);
      break;

    case STW_ASSET_FIELD_LOCATION:
      item = g_list_model_get_item (G_LIST_MODEL (self->locations), selected);
      stw_asset_set_location (self->asset, stw_location_get_id (STW_LOCATION (item)),
                              stw_location_get_name (STW_LOCATION (item)));
      break;

    case STW_ASSET_FIELD_PERSON:
      item = g_list_model_get_item (G_LIST_MODEL (self->people), selected);
      stw_asset_set_person (self->asset, stw_person_get_id (STW_PERSON (item)),
                            stw_person_get_name (STW_PERSON (item)));
      break;

    case STW_ASSET_FIELD_NONE:
    case STW_ASSET_FIELD_NAME:
    case STW_ASSET_FIELD_TAG:
    case STW_ASSET_FIELD_SERIAL:
    case STW_ASSET_FIELD_MANUFACTURER:
    case STW_ASSET_FIELD_MODEL:
    case STW_ASSET_FIELD_PURCHASE_DATE:
    case STW_ASSET_FIELD_PURCHASE_COST:
    case STW_ASSET_FIELD_CURRENCY:
    case STW_ASSET_FIELD_WARRANTY_END:
    case STW_ASSET_FIELD_SUPPLIER:
    case STW_ASSET_FIELD_NOTES:
    default:
      return;
    }

  /* A choice is complete at once: save without waiting. */
  self->dirty |= STW_ASSET_FIELD_BIT (field);
  save (self);
}

static void
ticket_activated_cb (StwAssetDetail *self,
                     GtkListBoxRow  *row)
{
  gint64 id = stw_asset_tickets_get_id (row);

  /* The window shows tickets; one that cannot (yet) leaves the row be. */
  if (id != 0 && !gtk_widget_activate_action (GTK_WIDGET (self), "win.show-ticket", "x", id))
    g_debug ("Nothing shows ticket %" G_GINT64_FORMAT, id);
}

static void
database_changed_cb (StwAssetDetail *self,
                     StwEntity       entities,
                     StwDatabase    *db)
{
  g_autoptr(StwAsset) fresh = NULL;

  if (entities & (STW_ENTITY_LOCATION | STW_ENTITY_PERSON))
    self->choices_stale = TRUE;

  if (self->asset == NULL)
    return;

  ensure_choices (self);

  /* Someone else's change (an undo, another view): show it, unless the
   * person has edits here that are not saved yet. */
  if (self->dirty == 0 && self->saves_in_flight == 0 && self->save_source == 0)
    {
      fresh = stw_asset_repo_load (self->db, stw_asset_get_id (self->asset), NULL);
      if (fresh == NULL)
        {
          load (self, 0);
          return;
        }
      stw_asset_update_from (self->asset, fresh);
      /* A renamed person changes no field here, nor what is typed in one. */
      if (entities & STW_ENTITY_ASSET)
        show_values (self);
      else
        show_choices (self);
    }
  else if (entities & (STW_ENTITY_LOCATION | STW_ENTITY_PERSON))
    {
      /* Only the lists changed: what is typed and not saved yet stays. */
      show_choices (self);
    }

  reload_history (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_asset_detail_dispose (GObject *object)
{
  StwAssetDetail *self = (StwAssetDetail *)object;

  /* A valid edit still waiting is saved, not dropped; with no asset, its
   * callback leaves the rows, which are about to go, alone. */
  save (self);
  g_clear_object (&self->asset);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_ASSET_DETAIL);
  stw_ui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (stw_asset_detail_parent_class)->dispose (object);
}

static void
stw_asset_detail_finalize (GObject *object)
{
  StwAssetDetail *self = (StwAssetDetail *)object;

  for (guint i = 0; i < STW_N_ASSET_FIELDS; i++)
    g_free (self->errors[i]);
  g_clear_object (&self->asset);
  g_clear_object (&self->locations);
  g_clear_object (&self->people);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (stw_asset_detail_parent_class)->finalize (object);
}

static void
bind_field (GtkWidgetClass *widget_class,
            const char     *id,
            StwAssetField   field,
            gboolean        has_icon)
{
  g_autofree char *row = g_strdup_printf ("%s_row", id);
  g_autofree char *icon = g_strdup_printf ("%s_error", id);

  gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                             G_STRUCT_OFFSET (StwAssetDetail, rows) +
                                             sizeof (GtkWidget *) * field);
  if (has_icon)
    gtk_widget_class_bind_template_child_full (widget_class, icon, FALSE,
                                               G_STRUCT_OFFSET (StwAssetDetail, icons) +
                                               sizeof (GtkWidget *) * field);
}

static void
stw_asset_detail_class_init (StwAssetDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_asset_detail_dispose;
  object_class->finalize = stw_asset_detail_finalize;

  g_type_ensure (STW_TYPE_CONFLICT_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-asset-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assetdetail");

  /* Names must not be template ids twice, hence the “_row” suffixes. */
  bind_field (widget_class, "name", STW_ASSET_FIELD_NAME, TRUE);
  bind_field (widget_class, "tag", STW_ASSET_FIELD_TAG, TRUE);
  bind_field (widget_class, "serial", STW_ASSET_FIELD_SERIAL, TRUE);
  bind_field (widget_class, "category", STW_ASSET_FIELD_CATEGORY, FALSE);
  bind_field (widget_class, "status", STW_ASSET_FIELD_STATUS, FALSE);
  bind_field (widget_class, "manufacturer", STW_ASSET_FIELD_MANUFACTURER, TRUE);
  bind_field (widget_class, "model", STW_ASSET_FIELD_MODEL, TRUE);
  bind_field (widget_class, "location", STW_ASSET_FIELD_LOCATION, FALSE);
  bind_field (widget_class, "person", STW_ASSET_FIELD_PERSON, FALSE);
  bind_field (widget_class, "purchase_date", STW_ASSET_FIELD_PURCHASE_DATE, TRUE);
  bind_field (widget_class, "purchase_cost", STW_ASSET_FIELD_PURCHASE_COST, TRUE);
  bind_field (widget_class, "currency", STW_ASSET_FIELD_CURRENCY, TRUE);
  bind_field (widget_class, "warranty_end", STW_ASSET_FIELD_WARRANTY_END, TRUE);
  bind_field (widget_class, "supplier", STW_ASSET_FIELD_SUPPLIER, TRUE);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, identity_message);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, place_message);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, purchase_message);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, notes_message);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, notes_view);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, tickets_list);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, page);
  gtk_widget_class_bind_template_child (widget_class, StwAssetDetail, conflict_banner);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ticket_activated_cb);
}

static void
stw_asset_detail_init (StwAssetDetail *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkExpression *expression;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->locations = g_list_store_new (STW_TYPE_LOCATION);
  self->people = g_list_store_new (STW_TYPE_PERSON);

  for (guint i = 0; i < STW_N_ASSET_CATEGORIES; i++)
    gtk_string_list_append (categories, stw_asset_category_label (i));
  for (guint i = 0; i < STW_N_ASSET_STATUSES; i++)
    gtk_string_list_append (statuses, stw_asset_status_label (i));

  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_CATEGORY]),
                           G_LIST_MODEL (categories));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_STATUS]),
                           G_LIST_MODEL (statuses));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (location_label), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_LOCATION]), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_LOCATION]),
                           G_LIST_MODEL (self->locations));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (person_label), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_PERSON]), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[STW_ASSET_FIELD_PERSON]),
                           G_LIST_MODEL (self->people));
  self->loading = FALSE;

  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->rows[STW_ASSET_FIELD_CURRENCY]), 3);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("No tickets are about this asset."));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->tickets_list, placeholder);

  gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
}

/* ------------------------------------------------------------------------ */

void
stw_asset_detail_set_database (StwAssetDetail *self,
                               StwDatabase    *db)
{
  g_return_if_fail (STW_IS_ASSET_DETAIL (self));
  g_return_if_fail (STW_IS_DATABASE (db));
  g_return_if_fail (self->db == NULL);

  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Filled when an asset is first shown. */
  self->choices_stale = TRUE;
}

/**
 * stw_asset_detail_set_asset_id:
 * @id: the asset to show, or 0 for none
 *
 * Valid edits to the asset shown before are saved first.
 */
void
stw_asset_detail_set_asset_id (StwAssetDetail *self,
                               gint64          id)
{
  g_return_if_fail (STW_IS_ASSET_DETAIL (self));

  if (self->asset != NULL && stw_asset_get_id (self->asset) == id)
    return;

  save (self);
  load (self, id);
}

gint64
stw_asset_detail_get_asset_id (StwAssetDetail *self)
{
  g_return_val_if_fail (STW_IS_ASSET_DETAIL (self), 0);
  return self->asset != NULL ? stw_asset_get_id (self->asset) : 0;
}

/**
 * stw_asset_detail_get_row:
 *
 * Returns: (transfer none) (nullable): the row that edits @field
 */
GtkWidget *
stw_asset_detail_get_row (StwAssetDetail *self,
                          StwAssetField   field)
{
  g_return_val_if_fail (STW_IS_ASSET_DETAIL (self), NULL);

  if (field == STW_ASSET_FIELD_NOTES)
    return GTK_WIDGET (self->notes_view);

  return self->rows[field];
}

/**
 * stw_asset_detail_get_error:
 *
 * Returns: (nullable): what is wrong with the value in @field, as shown
 */
const char *
stw_asset_detail_get_error (StwAssetDetail *self,
                            StwAssetField   field)
{
  g_return_val_if_fail (STW_IS_ASSET_DETAIL (self), NULL);
  return self->errors[field];
}

/* Saves waiting edits now instead of after the typing pause. */
void
stw_asset_detail_save_now (StwAssetDetail *self)
{
  g_return_if_fail (STW_IS_ASSET_DETAIL (self));
  save (self);
}

gboolean
stw_asset_detail_is_saving (StwAssetDetail *self)
{
  g_return_val_if_fail (STW_IS_ASSET_DETAIL (self), FALSE);
  return self->saves_in_flight > 0 || self->save_source != 0;
}

GtkListBox *
stw_asset_detail_get_history (StwAssetDetail *self)
{
  g_return_val_if_fail (STW_IS_ASSET_DETAIL (self), NULL);
  return self->history_list;
}

GtkListBox *
stw_asset_detail_get_tickets (StwAssetDetail *self)
{
  g_return_val_if_fail (STW_IS_ASSET_DETAIL (self), NULL);
  return self->tickets_list;
}

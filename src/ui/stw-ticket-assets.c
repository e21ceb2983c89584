/* stw-ticket-assets.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-ticket-assets"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-ticket-assets.h"
#include "stw-ui-util.h"
#include "core/stw-asset.h"
#include "store/stw-asset-repo.h"
#include "store/stw-ticket-repo.h"

/*
 * The assets a ticket is about: each with a button to unlink it, and
 * “Link Asset…”, a search by tag or name for those who do not drag (the
 * keyboard's way to do what a drop does). Every link and unlink is one
 * undo step, said in a toast with Undo.
 */

#define MAX_RESULTS 20

struct _StwTicketAssets
{
  AdwPreferencesGroup  parent_instance;

  StwDatabase         *db;
  gint64               ticket_id;

  /* Template children */
  GtkListBox          *linked_list;
  GtkMenuButton       *link_button;
  GtkPopover          *link_popover;
  GtkSearchEntry      *search_entry;
  GtkListBox          *results_list;
  GtkLabel            *results_status;
};

G_DEFINE_FINAL_TYPE (StwTicketAssets, stw_ticket_assets, ADW_TYPE_PREFERENCES_GROUP)

/* ------------------------------------------------------------------------ */

/* “LT-0042 · Laptop Anna”: how an asset is named in toasts and rows. */
static char *
asset_label (StwAsset *asset)
{
  const char *tag = stw_asset_get_tag (asset);
  const char *name = stw_asset_get_name (asset);

  if (tag == NULL || name == NULL)
    return g_strdup (tag != NULL ? tag : name != NULL ? name : "");

  /* Translators: an asset's tag and name, as in “LT-0042 · Laptop Anna” */
  return g_strdup_printf (_("%s · %s"), tag, name);
}

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The assets of @ids that still exist, in the order of @ids. */
static GPtrArray *
load_assets (StwDatabase *db,
             GArray      *ids)
{
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!stw_asset_repo_load_many (db, (const gint64 *)ids->data, ids->len, assets, &error))
    {
      g_debug ("Could not read the assets: %s", error->message);
      return found;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      StwAsset *asset = g_hash_table_lookup (assets, &g_array_index (ids, gint64, i));

      if (asset != NULL)
        g_ptr_array_add (found, g_object_ref (asset));
    }

  return found;
}

static GtkWidget *
linked_row_new (StwAsset *asset)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *subtitle = NULL;
  g_autofree char *unlink = NULL;
  const char *tag = stw_asset_get_tag (asset);

  /* Translators: a linked asset's tag and status, as in “LT-0042 · Deployed” */
  subtitle = g_strdup_printf (_("%s · %s"), tag != NULL ? tag : "",
                              stw_asset_status_label (stw_asset_get_status (asset)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stw_asset_get_name (asset));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: the accessible name of the button that unlinks an asset */
  unlink = g_strdup_printf (_("Unlink %s"), tag != NULL ? tag : stw_asset_get_name (asset));
  gtk_widget_set_tooltip_text (button, _("Unlink"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, unlink,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "ticket.unlink-asset");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (stw_asset_get_id (asset)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
result_row_new (StwAsset *asset,
                gboolean  linked)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *tag = stw_asset_get_tag (asset);

  if (linked)
    /* Translators: a search result that is already linked to the ticket */
    subtitle = g_strdup_printf (_("%s · linked already"), tag != NULL ? tag : "");
  else
    subtitle = g_strdup (tag);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stw_asset_get_name (asset));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_sensitive (row, !linked);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !linked);
  if (!linked)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "ticket.link-asset");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (stw_asset_get_id (asset)));
    }

  return row;
}

static gboolean
is_linked (GArray *linked,
           gint64  id)
{
  for (guint i = 0; linked != NULL && i < linked->len; i++)
    if (g_array_index (linked, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
search (StwTicketAssets *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) linked = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  remove_all (self->results_list);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);

  if (self->db == NULL || stripped[0] == '\0')
    {
      gtk_label_set_label (self->results_status, _("Type a tag, a name or a serial number."));
      return;
    }

  ids = stw_asset_repo_find_ids (self->db, text, MAX_RESULTS, &error);
  if (ids == NULL)
    {
      gtk_label_set_label (self->results_status, error->message);
      return;
    }

  linked = stw_ticket_repo_list_asset_ids (self->db, self->ticket_id, NULL);
  assets = load_assets (self->db, ids);
  for (guint i = 0; i < assets->len; i++)
    {
      StwAsset *asset = g_ptr_array_index (assets, i);

      gtk_list_box_append (self->results_list,
                           result_row_new (asset, is_linked (linked, stw_asset_get_id (asset))));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), assets->len > 0);
  if (assets->len == 0)
    status = g_strdup_printf (_("No asset matches “%s”."), text);
  else if (assets->len == MAX_RESULTS)
    status = g_strdup (_("Only the first matches are shown; type more to narrow them down."));
  gtk_label_set_label (self->results_status, status != NULL ? status : "");
}

/* ------------------------------------------------------------------------ */
/* Callbacks and actions                                                    */
/* ------------------------------------------------------------------------ */

static void
database_changed_cb (StwTicketAssets *self,
                     StwEntity        entities)
{
  if (entities & (STW_ENTITY_TICKET | STW_ENTITY_ASSET))
    stw_ticket_assets_reload (self);
}

static void
link_popover_show_cb (StwTicketAssets *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (StwTicketAssets *self)
{
  search (self);
}

/* Enter in the search links the first asset found. */
static void
search_activate_cb (StwTicketAssets *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_sensitive (row))
      {
        gtk_widget_activate (row);
        return;
      }
}

static void
link_asset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StwTicketAssets *self = STW_TICKET_ASSETS (widget);
  gint64 id = g_variant_get_int64 (parameter);

  gtk_popover_popdown (self->link_popover);
  stw_ticket_assets_link (self, &id, 1);
}

static void
unlink_asset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StwTicketAssets *self = STW_TICKET_ASSETS (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(StwAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (self->db == NULL || self->ticket_id == 0)
    return;

  asset = stw_asset_repo_load (self->db, id, NULL);
  if (!stw_ticket_repo_unlink_asset_sync (self->db, self->ticket_id, id, &error))
    {
      stw_ui_toast_error (widget, error);
      return;
    }

  label = asset != NULL ? asset_label (asset) : g_strdup ("");
  title = g_strdup_printf (_("Unlinked “%s”"), label);
  escaped = g_markup_escape_text (title, -1);
  stw_ui_toast (widget, escaped, _("_Undo"), "win.undo");
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_ticket_assets_dispose (GObject *object)
{
  StwTicketAssets *self = (StwTicketAssets *)object;

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_TICKET_ASSETS);

  G_OBJECT_CLASS (stw_ticket_assets_parent_class)->dispose (object);
}

static void
stw_ticket_assets_class_init (StwTicketAssetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_ticket_assets_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-ticket-assets.ui");
  gtk_widget_class_bind_template_child (widget_class, StwTicketAssets, linked_list);
  gtk_widget_class_bind_template_child (widget_class, StwTicketAssets, link_button);
  gtk_widget_class_bind_template_child (widget_class, StwTicketAssets, link_popover);
  gtk_widget_class_bind_template_child (widget_class, StwTicketAssets, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StwTicketAssets, results_list);
  gtk_widget_class_bind_template_child (widget_class, StwTicketAssets, results_status);
  gtk_widget_class_bind_template_callback (widget_class, link_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "ticket.link-asset", "x", link_asset_action);
  gtk_widget_class_install_action (widget_class, "ticket.unlink-asset", "x",
                                   unlink_asset_action);
}

static void
stw_ticket_assets_init (StwTicketAssets *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No assets linked yet."));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->linked_list, placeholder);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_ticket_assets_set_ticket:
 * @ticket_id: the ticket, or 0 for none
 *
 * Shows the assets linked to the ticket, and follows changes to them.
 */
void
stw_ticket_assets_set_ticket (StwTicketAssets *self,
                              StwDatabase     *db,
                              gint64           ticket_id)
{
  g_return_if_fail (STW_IS_TICKET_ASSETS (self));
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

  self->ticket_id = ticket_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), db != NULL && ticket_id != 0);
  stw_ticket_assets_reload (self);
}

/* Reads the linked assets again: after a change in the store. */
void
stw_ticket_assets_reload (StwTicketAssets *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) assets = NULL;

  g_return_if_fail (STW_IS_TICKET_ASSETS (self));

  remove_all (self->linked_list);
  if (self->db == NULL || self->ticket_id == 0)
    return;

  ids = stw_ticket_repo_list_asset_ids (self->db, self->ticket_id, NULL);
  if (ids == NULL)
    return;

  assets = load_assets (self->db, ids);
  for (guint i = 0; i < assets->len; i++)
    gtk_list_box_append (self->linked_list, linked_row_new (g_ptr_array_index (assets, i)));
}

/**
 * stw_ticket_assets_link:
 * @asset_ids: (array length=n_ids): the assets to link
 *
 * Links the assets to the ticket in one undo step and says so in a
 * toast, naming the asset when it is one; assets linked already are
 * left alone.
 *
 * Returns: whether the store took them
 */
gboolean
stw_ticket_assets_link (StwTicketAssets *self,
                        const gint64    *asset_ids,
                        guint            n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  guint n_linked = 0;

  g_return_val_if_fail (STW_IS_TICKET_ASSETS (self), FALSE);
  g_return_val_if_fail (asset_ids != NULL || n_ids == 0, FALSE);

  if (self->db == NULL || self->ticket_id == 0 || n_ids == 0)
    return FALSE;

  if (!stw_ticket_repo_link_assets_sync (self->db, self->ticket_id, asset_ids, n_ids, &n_linked,
                                         &error))
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  if (n_ids == 1)
    {
      g_autoptr(StwAsset) asset = stw_asset_repo_load (self->db, asset_ids[0], NULL);
      g_autofree char *label = asset != NULL ? asset_label (asset) : g_strdup ("");

      if (n_linked == 1)
        title = g_strdup_printf (_("Linked “%s”"), label);
      else
        title = g_strdup_printf (_("“%s” is linked already"), label);
    }
  else if (n_linked == 0)
    {
      title = g_strdup (_("These assets are linked already"));
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked %u asset", "Linked %u assets",
                                            n_linked),
                               n_linked);
    }

  escaped = g_markup_escape_text (title, -1);
  if (n_linked > 0)
    stw_ui_toast (GTK_WIDGET (self), escaped, _("_Undo"), "win.undo");
  else
    stw_ui_toast (GTK_WIDGET (self), escaped, NULL, NULL);

  return TRUE;
}

GtkListBox *
stw_ticket_assets_get_list (StwTicketAssets *self)
{
  g_return_val_if_fail (STW_IS_TICKET_ASSETS (self), NULL);
  return self->linked_list;
}

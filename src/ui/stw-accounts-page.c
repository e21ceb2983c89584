/* stw-accounts-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-account-dialog.h"
#include "stw-accounts-page.h"
#include "stw-sync-format.h"
#include "stw-ui-util.h"
#include "core/stw-account.h"
#include "store/stw-sync-store.h"
#include "sync/stw-secret.h"

/*
 * The servers Steward syncs with, each with how its last sync went, and
 * how often to sync. An account is added and edited in its own dialog;
 * removing one asks first, and takes its secret out of the keyring too,
 * so nothing of it is left behind.
 */

struct _StwAccountsPage
{
  AdwPreferencesPage   parent_instance;

  StwDatabase         *db;
  GSettings           *settings;
  GCancellable        *cancellable;
  GPtrArray           *rows;
  GArray              *intervals;       /* guint minutes, as the row lists them */
  gboolean             loading;

  AdwPreferencesGroup *accounts_group;
  GtkWidget           *empty_row;
  AdwComboRow         *interval_row;
};

G_DEFINE_FINAL_TYPE (StwAccountsPage, stw_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint standard_intervals[] = { 0, 5, 15, 30, 60 };

/* ------------------------------------------------------------------------ */
/* The accounts                                                             */
/* ------------------------------------------------------------------------ */

/* How the last sync went, in a line. */
static char *
describe_last_sync (StwAccount *account)
{
  const char *error = stw_account_get_last_error (account);
  gint64 last_sync = stw_account_get_last_sync (account);
  g_autofree char *ago = NULL;

  if (error != NULL)
    /* Translators: %s says what went wrong */
    return g_strdup_printf (_("Last sync failed: %s"), error);

  if (last_sync == 0)
    return g_strdup (_("Not synced yet"));

  ago = stw_sync_format_ago (last_sync, g_get_real_time ());
  /* Translators: %s is “3 minutes ago”, “just now” or “on 3 March 2026” */
  return g_strdup_printf (_("Synced %s"), ago);
}

static GtkWidget *
row_button_new (const char *icon,
                const char *tooltip,
                const char *accessible_label,
                const char *action,
                gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
account_row_new (StwAccount *account)
{
  const char *name = stw_account_get_name (account);
  gint64 id = stw_account_get_id (account);
  g_autofree char *last = describe_last_sync (account);
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;

  /* Translators: a server's kind and address, then how its last sync went */
  subtitle = g_strdup_printf (_("%s · %s\n%s"), stw_account_kind_label (stw_account_get_kind (account)),
                              stw_account_get_url (account), last);

  /* Names, addresses and messages are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, "account");

  if (stw_account_get_last_error (account) != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, stw_account_get_last_error (account));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  edit = row_button_new ("document-edit-symbolic", _("Edit"), edit_label, "accounts.edit", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button_new ("user-trash-symbolic", _("Remove"), remove_label,
                                             "accounts.remove", id));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  return row;
}

static void
load_accounts (StwAccountsPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  accounts = stw_account_repo_list (self->db, &error);
  if (accounts == NULL)
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      GtkWidget *row = account_row_new (g_ptr_array_index (accounts, i));

      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (self->empty_row, accounts->len == 0);
}

static void
database_changed_cb (StwAccountsPage *self,
                     StwEntity        entities)
{
  if (entities & STW_ENTITY_SYNC)
    load_accounts (self);
}

/* ------------------------------------------------------------------------ */
/* Adding, editing, removing                                                */
/* ------------------------------------------------------------------------ */

/* A new, changed or removed account syncs at once, so the main window
 * (under the preferences, with Sync Now) tells how it goes now. */
static void
sync_main_window (StwAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *main_window = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root))
                                                : NULL;

  if (main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.sync-now", NULL);
}

static void
open_dialog (StwAccountsPage *self,
             StwAccount      *account)
{
  StwAccountDialog *dialog = stw_account_dialog_new (self->db, account);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (sync_main_window), self,
                           G_CONNECT_SWAPPED);
  stw_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_dialog (STW_ACCOUNTS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StwAccountsPage *self = STW_ACCOUNTS_PAGE (widget);
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = stw_account_repo_load (self->db, g_variant_get_int64 (param), &error);
  if (account == NULL)
    {
      stw_ui_toast_error (widget, error);
      return;
    }

  open_dialog (self, account);
}

static void
clear_secret_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;

  if (stw_secret_clear_sync (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
clear_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StwAccountsPage *self = STW_ACCOUNTS_PAGE (object);
  StwAccount *account = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: an account was removed; %s says why the keyring
       * still has its token or password */
      title = g_strdup_printf (_("Removed, but its secret is still in the keyring: %s"),
                               error->message);
    }
  else
    {
      title = g_strdup_printf (_("“%s” removed"), stw_account_get_name (account));
    }

  escaped = g_markup_escape_text (title, -1);
  stw_ui_toast (GTK_WIDGET (self), escaped, NULL, NULL);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    StwAccountsPage  *self)
{
  StwAccount *account = g_object_get_data (G_OBJECT (dialog), "account");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!stw_account_repo_delete_sync (self->db, stw_account_get_id (account), &error))
    {
      stw_ui_toast_error (GTK_WIDGET (self), error);
      return;
    }

  sync_main_window (self);

  /* The keyring may take a moment (or ask to be unlocked). */
  task = g_task_new (self, self->cancellable, clear_secret_cb, NULL);
  g_task_set_source_tag (task, remove_response_cb);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  g_task_run_in_thread (task, clear_secret_thread);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StwAccountsPage *self = STW_ACCOUNTS_PAGE (widget);
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  account = stw_account_repo_load (self->db, g_variant_get_int64 (param), &error);
  if (account == NULL)
    {
      stw_ui_toast_error (widget, error);
      return;
    }

  heading = g_strdup_printf (_("Remove “%s”?"), stw_account_get_name (account));
  dialog = adw_message_dialog_new (NULL, heading,
                                   _("Steward stops syncing with this server and removes its "
                                     "token or password from the keyring. The tickets and "
                                     "assets already here stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_steal_pointer (&account),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  stw_ui_present_dialog (widget, GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* How often                                                                */
/* ------------------------------------------------------------------------ */

static void
show_interval (StwAccountsPage *self)
{
  guint minutes = g_settings_get_uint (self->settings, "sync-interval");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean listed = FALSE;
  guint selected = adw_combo_row_get_selected (self->interval_row);

  /* Shown already: this page chose it. */
  if (selected < self->intervals->len && g_array_index (self->intervals, guint, selected) == minutes)
    return;

  selected = 0;
  g_array_set_size (self->intervals, 0);
  g_array_append_vals (self->intervals, standard_intervals, G_N_ELEMENTS (standard_intervals));

  /* A value set elsewhere (with gsettings) is shown as it is. */
  for (guint i = 0; i < self->intervals->len; i++)
    listed |= g_array_index (self->intervals, guint, i) == minutes;
  if (!listed)
    g_array_append_val (self->intervals, minutes);

  for (guint i = 0; i < self->intervals->len; i++)
    {
      guint value = g_array_index (self->intervals, guint, i);
      g_autofree char *label = NULL;

      if (value == 0)
        /* Translators: no sync but when asked */
        label = g_strdup (_("Off"));
      else if (value == 60)
        label = g_strdup (_("Every Hour"));
      else
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every Minute", "Every %u Minutes",
                                              value),
                                 value);
      gtk_string_list_append (labels, label);
      if (value == minutes)
        selected = i;
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->interval_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->interval_row, selected);
  self->loading = FALSE;
}

static void
interval_selected_cb (StwAccountsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->interval_row);

  if (self->loading || self->settings == NULL || selected >= self->intervals->len)
    return;

  g_settings_set_uint (self->settings, "sync-interval",
                       g_array_index (self->intervals, guint, selected));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
stw_accounts_page_constructed (GObject *object)
{
  StwAccountsPage *self = (StwAccountsPage *)object;

  G_OBJECT_CLASS (stw_accounts_page_parent_class)->constructed (object);

  g_assert (STW_IS_DATABASE (self->db));
  g_assert (G_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sync-interval", G_CALLBACK (show_interval),
                           self, G_CONNECT_SWAPPED);
  load_accounts (self);
  show_interval (self);
}

static void
stw_accounts_page_dispose (GObject *object)
{
  StwAccountsPage *self = (StwAccountsPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_ACCOUNTS_PAGE);

  G_OBJECT_CLASS (stw_accounts_page_parent_class)->dispose (object);
}

static void
stw_accounts_page_finalize (GObject *object)
{
  StwAccountsPage *self = (StwAccountsPage *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->intervals, g_array_unref);

  G_OBJECT_CLASS (stw_accounts_page_parent_class)->finalize (object);
}

static void
stw_accounts_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StwAccountsPage *self = STW_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_accounts_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StwAccountsPage *self = STW_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_accounts_page_class_init (StwAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = stw_accounts_page_constructed;
  object_class->dispose = stw_accounts_page_dispose;
  object_class->finalize = stw_accounts_page_finalize;
  object_class->get_property = stw_accounts_page_get_property;
  object_class->set_property = stw_accounts_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STW_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StwAccountsPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, StwAccountsPage, empty_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountsPage, interval_row);
  gtk_widget_class_bind_template_callback (widget_class, interval_selected_cb);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "accounts.remove", "x", remove_action);
}

static void
stw_accounts_page_init (StwAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->intervals = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

StwAccountsPage *
stw_accounts_page_new (StwDatabase *db,
                       GSettings   *settings)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (STW_TYPE_ACCOUNTS_PAGE, "database", db, "settings", settings, NULL);
}

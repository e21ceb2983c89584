/* stw-account-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-account-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-account-dialog.h"
#include "stw-ui-util.h"
#include "store/stw-sync-store.h"
#include "sync/stw-http.h"
#include "sync/stw-secret.h"
#include "sync/stw-sync-backend.h"
#include "sync/stw-sync-error.h"

/*
 * Adds or edits an account: the server, how to sign in, where new assets
 * go. Test Connection asks the server on a thread and says plainly what
 * it found. A certificate no authority vouches for (a self-signed one)
 * is shown by its fingerprint and trusted for this account only when the
 * person says so; saving without that keeps it untrusted.
 *
 * The secret goes to the keyring before the account is saved, so an
 * account never exists without its secret by mistake; editing keeps the
 * stored secret unless a new one is typed.
 */

enum {
  AUTH_TOKEN,
  AUTH_PASSWORD,
};

struct _StwAccountDialog
{
  AdwWindow          parent_instance;

  StwDatabase       *db;
  StwAccount        *account;       /* as stored; NULL while adding */
  char              *uuid;          /* the account's, kept across tries */
  char              *pinned;        /* the certificate trusted, or NULL */
  char              *offered;       /* the one the last test was shown */
  GCancellable      *cancellable;
  GCancellable      *test_cancellable;
  gboolean           checked;       /* marks follow typing once asked for */
  gboolean           loading;
  gboolean           saving;

  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  AdwComboRow       *kind_row;
  GtkWidget         *name_row;
  GtkWidget         *name_error;
  GtkWidget         *url_row;
  GtkWidget         *url_error;
  GtkLabel          *server_message;
  AdwComboRow       *auth_row;
  GtkWidget         *user_row;
  GtkWidget         *user_error;
  GtkWidget         *secret_row;
  GtkWidget         *secret_error;
  GtkWidget         *secret_hint;
  GtkLabel          *sign_in_message;
  GtkWidget         *catalog_row;
  AdwActionRow      *connection_row;
  GtkImage          *connection_icon;
  GtkWidget         *test_spinner;
  GtkWidget         *certificate_row;
};

G_DEFINE_FINAL_TYPE (StwAccountDialog, stw_account_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Reading and checking the fields                                          */
/* ------------------------------------------------------------------------ */

static char *
field_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
uses_password (StwAccountDialog *self)
{
  return adw_combo_row_get_selected (self->auth_row) == AUTH_PASSWORD;
}

/* The address as typed, without the slashes at its end. */
static char *
read_url (StwAccountDialog  *self,
          GError           **error)
{
  g_autofree char *text = field_text (self->url_row);
  g_autoptr(GUri) uri = NULL;
  gsize length;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the server’s address, starting with https:// or http://, "
                             "such as https://rt.example.org."));
      return NULL;
    }

  length = strlen (text);
  while (length > 0 && text[length - 1] == '/')
    text[--length] = '\0';
  return g_steal_pointer (&text);
}

/* A new account, or a new way to sign in, needs its secret typed. */
static gboolean
needs_secret (StwAccountDialog *self)
{
  if (self->account == NULL)
    return TRUE;

  return (stw_account_get_user (self->account) != NULL) != uses_password (self);
}

static void
set_message (GtkLabel     *label,
             const GError *error)
{
  gtk_label_set_label (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

/* Marks what is missing or wrong; returns whether all is fine. */
static gboolean
check_fields (StwAccountDialog *self)
{
  g_autofree char *name = field_text (self->name_row);
  g_autofree char *url = NULL;
  g_autofree char *user = field_text (self->user_row);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) url_error = NULL;
  g_autoptr(GError) user_error = NULL;
  g_autoptr(GError) secret_error = NULL;

  if (name[0] == '\0')
    g_set_error_literal (&name_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Enter a name for the account, such as “Service Desk”."));
  url = read_url (self, &url_error);

  if (uses_password (self) && user[0] == '\0')
    g_set_error_literal (&user_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Enter the user name to sign in with."));
  if (secret[0] == '\0' && needs_secret (self))
    g_set_error_literal (&secret_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         uses_password (self)
                         ? _("Enter the password.")
                         : _("Enter an API token. In Request Tracker, make one under "
                             "Logged in as → Settings → Auth Tokens."));

  stw_ui_set_row_error (self->name_row, self->name_error, name_error);
  stw_ui_set_row_error (self->url_row, self->url_error, url_error);
  stw_ui_set_row_error (self->user_row, self->user_error, user_error);
  stw_ui_set_row_error (self->secret_row, self->secret_error, secret_error);
  set_message (self->server_message, name_error != NULL ? name_error : url_error);
  set_message (self->sign_in_message, user_error != NULL ? user_error : secret_error);

  return name_error == NULL && url_error == NULL && user_error == NULL && secret_error == NULL;
}

/* The account as the fields describe it; check_fields() said they may. */
static StwAccount *
build_account (StwAccountDialog *self)
{
  StwAccount *account = self->account != NULL ? stw_account_copy (self->account)
                                              : stw_account_new ();
  g_autofree char *name = field_text (self->name_row);
  g_autofree char *url = read_url (self, NULL);
  g_autofree char *user = field_text (self->user_row);
  g_autofree char *catalog = field_text (self->catalog_row);

  stw_account_set_uuid (account, self->uuid);
  stw_account_set_kind (account, STW_ACCOUNT_RT);
  stw_account_set_name (account, name);
  stw_account_set_url (account, url);
  stw_account_set_user (account, uses_password (self) ? user : NULL);
  stw_account_set_pinned_cert (account, self->pinned);
  stw_account_set_asset_catalog (account, catalog);
  /* What went wrong was about the account as it was; the next sync says
   * how it goes now. */
  stw_account_set_last_error (account, NULL);
  return account;
}

/* ------------------------------------------------------------------------ */
/* Test Connection                                                          */
/* ------------------------------------------------------------------------ */

typedef struct
{
  StwAccount *account;
  char       *secret;      /* NULL: the one in the keyring */
} TestData;

typedef struct
{
  char   *description;
  GError *error;
  char   *fingerprint;     /* of a certificate not trusted */
} TestResult;

static void
test_data_free (TestData *data)
{
  g_clear_object (&data->account);
  if (data->secret != NULL)
    memset (data->secret, 0, strlen (data->secret));
  g_free (data->secret);
  g_free (data);
}

static void
test_result_free (TestResult *result)
{
  g_free (result->description);
  g_clear_error (&result->error);
  g_free (result->fingerprint);
  g_free (result);
}

/* On a thread: the backend blocks, and its HTTP client lives and dies
 * on the thread that made it. */
static void
test_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TestData *data = task_data;
  TestResult *result = g_new0 (TestResult, 1);
  g_autoptr(StwSyncBackend) backend = NULL;
  g_autofree char *secret = NULL;

  if (data->secret != NULL)
    secret = g_strdup (data->secret);
  else
    secret = stw_secret_lookup_sync (data->account, cancellable, &result->error);

  if (secret == NULL && result->error == NULL)
    g_set_error_literal (&result->error, STW_SYNC_ERROR, STW_SYNC_ERROR_NO_SECRET,
                         _("The keyring holds no token or password for this account. Enter it "
                           "again."));

  if (result->error == NULL)
    backend = stw_sync_backend_new_for_account (data->account, secret, &result->error);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  if (backend == NULL && result->error == NULL)
    g_set_error_literal (&result->error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNSUPPORTED,
                         _("Steward cannot sync with this kind of server."));

  if (backend != NULL &&
      !stw_sync_backend_check (backend, &result->description, cancellable, &result->error) &&
      g_error_matches (result->error, STW_SYNC_ERROR, STW_SYNC_ERROR_TLS_UNTRUSTED))
    {
      GTlsCertificate *certificate = stw_http_get_peer_certificate (stw_sync_backend_get_http (backend));

      if (certificate != NULL)
        result->fingerprint = stw_certificate_fingerprint (certificate);
    }

  g_task_return_pointer (task, result, (GDestroyNotify)test_result_free);
}

/* What went wrong, in a few words above the server's own message. */
static const char *
error_heading (StwAccountDialog *self,
               const GError     *error)
{
  if (error->domain != STW_SYNC_ERROR)
    return _("Connection Failed");

  switch ((StwSyncError)error->code)
    {
    case STW_SYNC_ERROR_BAD_URL:
      return _("Not a Server Address");
    case STW_SYNC_ERROR_OFFLINE:
      return _("No Network");
    case STW_SYNC_ERROR_HOST_NOT_FOUND:
      return _("No Such Server");
    case STW_SYNC_ERROR_CONNECTION_REFUSED:
      return _("Connection Refused");
    case STW_SYNC_ERROR_TIMED_OUT:
      return _("No Answer in Time");
    case STW_SYNC_ERROR_TLS_UNTRUSTED:
      return _("Certificate Not Trusted");
    case STW_SYNC_ERROR_UNAUTHORIZED:
      return uses_password (self) ? _("Wrong User Name or Password") : _("Wrong Token");
    case STW_SYNC_ERROR_NOT_SERVER:
      return _("Not a Request Tracker Server");
    case STW_SYNC_ERROR_SERVER:
      return _("Server Error");
    case STW_SYNC_ERROR_RATE_LIMITED:
      return _("Too Many Requests");
    case STW_SYNC_ERROR_BAD_REPLY:
      return _("Unexpected Answer");
    case STW_SYNC_ERROR_NO_SECRET:
      return _("No Token or Password");
    case STW_SYNC_ERROR_UNSUPPORTED:
      return _("Not Supported");
    case STW_SYNC_ERROR_NOT_FOUND:
    case STW_SYNC_ERROR_STALE:
    case STW_SYNC_ERROR_REFUSED:
    case STW_SYNC_ERROR_FAILED:
    default:
      return _("Connection Failed");
    }
}

static void
show_outcome (StwAccountDialog *self,
              const char       *icon,
              const char       *style,
              const char       *title,
              const char       *subtitle)
{
  gtk_image_set_from_icon_name (self->connection_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->connection_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->connection_icon), "error");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->connection_icon), style);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->connection_row), title);
  adw_action_row_set_subtitle (self->connection_row, subtitle);
}

static void
offer_certificate (StwAccountDialog *self,
                   const char       *fingerprint)
{
  g_autofree char *formatted = NULL;

  g_free (self->offered);
  self->offered = g_strdup (fingerprint);
  gtk_widget_set_visible (self->certificate_row, fingerprint != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.trust", fingerprint != NULL);

  if (fingerprint == NULL)
    return;

  /* Shown as administrators give it, AB:CD:…, to compare. */
  formatted = stw_certificate_format_fingerprint (fingerprint);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->certificate_row), formatted);
}

static void
set_testing (StwAccountDialog *self,
             gboolean          testing)
{
  gtk_widget_set_visible (self->test_spinner, testing);
  gtk_spinner_set_spinning (GTK_SPINNER (self->test_spinner), testing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.test", !testing);
}

static void
test_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  StwAccountDialog *self = STW_ACCOUNT_DIALOG (object);
  TestResult *outcome = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *title = NULL;

  /* A newer test, or the dialog closing, cancelled this one. */
  if (g_task_get_cancellable (G_TASK (result)) != self->test_cancellable ||
      g_cancellable_is_cancelled (self->test_cancellable))
    {
      g_clear_pointer (&outcome, test_result_free);
      return;
    }

  set_testing (self, FALSE);

  if (outcome->error == NULL)
    {
      /* Translators: %s is the server's kind and version, “Request Tracker 5.0.3” */
      title = g_strdup_printf (_("Connected to %s"), outcome->description);
      show_outcome (self, "emblem-ok-symbolic", "success", title,
                    _("The address and the sign-in work."));
      offer_certificate (self, NULL);
    }
  else
    {
      show_outcome (self, "dialog-error-symbolic", "error", error_heading (self, outcome->error),
                    outcome->error->message);
      offer_certificate (self, outcome->fingerprint);
    }

  test_result_free (outcome);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StwAccountDialog *self = STW_ACCOUNT_DIALOG (widget);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  g_autoptr(GTask) task = NULL;
  TestData *data;

  self->checked = TRUE;
  if (!check_fields (self))
    return;

  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  self->test_cancellable = g_cancellable_new ();

  data = g_new0 (TestData, 1);
  data->account = build_account (self);
  data->secret = secret[0] != '\0' ? g_strdup (secret) : NULL;

  set_testing (self, TRUE);
  show_outcome (self, "network-server-symbolic", NULL, _("Connecting…"),
                stw_account_get_url (data->account));
  offer_certificate (self, NULL);

  task = g_task_new (self, self->test_cancellable, test_cb, NULL);
  g_task_set_source_tag (task, test_action);
  g_task_set_task_data (task, data, (GDestroyNotify)test_data_free);
  g_task_run_in_thread (task, test_thread);
}

static void
trust_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  StwAccountDialog *self = STW_ACCOUNT_DIALOG (widget);

  if (self->offered == NULL)
    return;

  /* Kept for this account only, and only once it is saved. */
  g_free (self->pinned);
  self->pinned = g_strdup (self->offered);
  test_action (widget, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

static void
set_saving (StwAccountDialog *self,
            gboolean          saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.save", !saving);
}

static void
save_account (StwAccountDialog *self,
              StwAccount       *account)
{
  g_autoptr(GError) error = NULL;

  set_saving (self, FALSE);
  if (!stw_account_repo_save_sync (self->db, account, &error))
    {
      set_message (self->server_message, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, stw_account_get_id (account));
  gtk_window_destroy (GTK_WINDOW (self));
}

typedef struct
{
  StwAccountDialog *self;
  StwAccount       *account;
} SaveCall;

static void
store_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveCall *call = user_data;
  g_autoptr(StwAccountDialog) self = call->self;
  g_autoptr(StwAccount) account = call->account;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) shown = NULL;
  gboolean stored;

  g_free (call);
  stored = stw_secret_store_finish (result, &error);

  /* Closed meanwhile: nothing more is saved. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!stored)
    {
      set_saving (self, FALSE);
      /* Translators: %s says why the keyring refused */
      shown = g_error_new (error->domain, error->code,
                           _("Not saved: the keyring did not take the token or password. %s"),
                           error->message);
      set_message (self->sign_in_message, shown);
      return;
    }

  save_account (self, account);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StwAccountDialog *self = STW_ACCOUNT_DIALOG (widget);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  g_autoptr(StwAccount) account = NULL;
  SaveCall *call;

  self->checked = TRUE;
  if (self->saving || !check_fields (self))
    return;

  account = build_account (self);
  if (secret[0] == '\0')
    {
      save_account (self, account);
      return;
    }

  /* The dialog stays until the keyring answers; closing it cancels the
   * store, and then nothing is saved. */
  set_saving (self, TRUE);
  call = g_new0 (SaveCall, 1);
  call->self = g_object_ref (self);
  call->account = g_steal_pointer (&account);
  stw_secret_store (call->account, secret, self->cancellable, store_secret_cb, call);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

/* A test was of the values as they were. */
static void
forget_outcome (StwAccountDialog *self)
{
  g_cancellable_cancel (self->test_cancellable);
  set_testing (self, FALSE);
  show_outcome (self, "network-server-symbolic", NULL, _("Not Tested Yet"),
                _("Checks the address, the sign-in and that the server is Request Tracker"));
  offer_certificate (self, NULL);
}

static void
field_changed_cb (StwAccountDialog *self,
                  GtkEditable      *row)
{
  if (self->loading)
    return;

  if (self->checked)
    check_fields (self);
  if (GTK_WIDGET (row) != self->name_row)
    forget_outcome (self);
}

static void
auth_selected_cb (StwAccountDialog *self)
{
  gboolean password = uses_password (self);

  gtk_widget_set_visible (self->user_row, password);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 password ? _("Password") : _("Token"));
  gtk_widget_set_visible (self->secret_hint, !needs_secret (self));
  field_changed_cb (self, GTK_EDITABLE (self->secret_row));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
show_account (StwAccountDialog *self)
{
  StwAccount *account = self->account;

  self->loading = TRUE;
  if (account == NULL)
    {
      self->uuid = g_uuid_string_random ();
      adw_window_title_set_title (self->window_title, _("Add Account"));
    }
  else
    {
      self->uuid = g_strdup (stw_account_get_uuid (account));
      self->pinned = g_strdup (stw_account_get_pinned_cert (account));
      adw_window_title_set_title (self->window_title, _("Edit Account"));
      adw_window_title_set_subtitle (self->window_title, stw_account_get_name (account));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), stw_account_get_name (account));
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), stw_account_get_url (account));
      if (stw_account_get_user (account) != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->user_row), stw_account_get_user (account));
          adw_combo_row_set_selected (self->auth_row, AUTH_PASSWORD);
        }
      if (stw_account_get_asset_catalog (account) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->catalog_row),
                               stw_account_get_asset_catalog (account));
    }
  auth_selected_cb (self);
  self->loading = FALSE;

  /* A new account starts with its name; an edit, most often, with its secret. */
  gtk_window_set_focus (GTK_WINDOW (self), account == NULL ? self->name_row : self->secret_row);
}

static void
stw_account_dialog_dispose (GObject *object)
{
  StwAccountDialog *self = (StwAccountDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->test_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (stw_account_dialog_parent_class)->dispose (object);
}

static void
stw_account_dialog_finalize (GObject *object)
{
  StwAccountDialog *self = (StwAccountDialog *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->account);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->test_cancellable);
  g_free (self->uuid);
  g_free (self->pinned);
  g_free (self->offered);

  G_OBJECT_CLASS (stw_account_dialog_parent_class)->finalize (object);
}

static void
stw_account_dialog_class_init (StwAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stw_account_dialog_dispose;
  object_class->finalize = stw_account_dialog_finalize;

  /**
   * StwAccountDialog::saved:
   * @id: the account's id
   *
   * The account (and its secret) were stored; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/stw-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, url_error);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, server_message);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, auth_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, user_error);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, secret_error);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, secret_hint);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, sign_in_message);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, connection_row);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, StwAccountDialog, certificate_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, auth_selected_cb);

  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "account.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "account.trust", NULL, trust_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stw_account_dialog_init (StwAccountDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  /* The kinds this build syncs; Redmine joins when it can. */
  gtk_string_list_append (kinds, stw_account_kind_label (STW_ACCOUNT_RT));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.trust", FALSE);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * stw_account_dialog_new:
 * @account: (nullable): the account to edit, or %NULL to add one
 */
StwAccountDialog *
stw_account_dialog_new (StwDatabase *db,
                        StwAccount  *account)
{
  StwAccountDialog *self;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (account == NULL || STW_IS_ACCOUNT (account), NULL);

  self = g_object_new (STW_TYPE_ACCOUNT_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->account = account != NULL ? stw_account_copy (account) : NULL;
  show_account (self);

  return self;
}

/* stw-cli-sync.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "store/stw-sync-store.h"
#include "stw-cli-private.h"
#include "sync/stw-secret.h"
#include "sync/stw-sync-engine.h"

/*
 * steward-cli sync and steward-cli account: the servers Steward syncs
 * with, and a sync run from a script or a cron job. A secret (a token or
 * a password) is read from standard input, never from the command line,
 * where other users of the machine could see it; it goes to the keyring.
 */

/* ------------------------------------------------------------------------ */
/* sync                                                                     */
/* ------------------------------------------------------------------------ */

typedef struct
{
  StwDatabase   *db;
  GPtrArray     *accounts;   /* StwAccount */
  GCancellable  *cancellable;
  GMainLoop     *loop;
  gboolean       verbose;
  int            status;
} SyncJob;

static void
progress_cb (const char *message,
             double      fraction,
             gpointer    user_data)
{
  SyncJob *job = user_data;

  if (job->verbose)
    g_printerr ("%s\n", message);
}

static int
sync_account (SyncJob    *job,
              StwAccount *account)
{
  g_autoptr(StwSyncBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = stw_account_get_name (account);
  StwSyncStats stats = { 0 };

  backend = stw_sync_backend_open (job->db, account, job->cancellable, &error);
  if (backend == NULL || !stw_sync_run (job->db, account, backend, progress_cb, job, &stats,
                                        job->cancellable, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr (_("%s: stopped; the next sync goes on from here.\n"), name);
      else
        g_printerr ("steward-cli: %s: %s\n", name, error->message);
      return EXIT_FAILED;
    }

  /* Translators: a summary of one sync run; %s is the account's name */
  g_print (_("%s: %u pulled, %u pushed, %u created, %u merged, %u deleted, %u in conflict, "
             "%u refused (%u requests).\n"),
           name, stats.pulled, stats.pushed, stats.created, stats.merged, stats.deleted,
           stats.conflicts, stats.refused, stats.requests);
  return stats.conflicts > 0 || stats.refused > 0 ? EXIT_PARTIAL : EXIT_OK;
}

static gboolean
quit_cb (gpointer data)
{
  SyncJob *job = data;

  g_main_loop_quit (job->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
sync_thread (gpointer data)
{
  SyncJob *job = data;

  for (guint i = 0; i < job->accounts->len; i++)
    {
      int status = sync_account (job, g_ptr_array_index (job->accounts, i));

      /* A failure outweighs a partial success, which outweighs success. */
      if (status == EXIT_FAILED || job->status == EXIT_FAILED)
        job->status = EXIT_FAILED;
      else
        job->status = MAX (job->status, status);
      if (g_cancellable_is_cancelled (job->cancellable))
        break;
    }

  g_idle_add (quit_cb, job);
  return NULL;
}

/* Ctrl+C (or a TERM from a scheduler) ends the run at the next record:
 * nothing is lost, and the next run goes on from there. */
static gboolean
stop_cb (gpointer data)
{
  SyncJob *job = data;

  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_CONTINUE;
}

int
sync_command (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— sync with your accounts’ servers"));
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *name = NULL;
  gboolean verbose = FALSE;
  const GOptionEntry options[] = {
    { "account", 'a', 0, G_OPTION_ARG_STRING, &name,
      N_("Sync only this account (default: every enabled account)"), N_("NAME") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Say what the sync is doing"), NULL },
    { NULL }
  };
  SyncJob job = { 0 };
  GThread *thread;
  guint sigint, sigterm;

  g_option_context_add_main_entries (context, global_options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (context, error->message);
  if (argc != 1)
    return usage (context, _("sync takes no arguments; name an account with --account."));

  db = open_database (&error);
  if (db == NULL)
    return fail (_("cannot open the database"), error);

  if (name != NULL)
    {
      StwAccount *account = stw_account_repo_find (db, name, &error);

      if (account == NULL)
        return fail (name, error);
      accounts = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (accounts, account);
    }
  else
    {
      g_autoptr(GPtrArray) all = stw_account_repo_list (db, &error);

      if (all == NULL)
        return fail (_("cannot read the accounts"), error);
      accounts = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < all->len; i++)
        if (stw_account_get_enabled (g_ptr_array_index (all, i)))
          g_ptr_array_add (accounts, g_object_ref (g_ptr_array_index (all, i)));
      if (accounts->len == 0)
        {
          g_printerr (_("steward-cli: there is no account to sync with; add one with "
                        "“steward-cli account add”.\n"));
          return EXIT_FAILED;
        }
    }

  job.db = db;
  job.accounts = accounts;
  job.cancellable = cancellable;
  job.loop = loop;
  job.verbose = verbose;
  job.status = EXIT_OK;

  sigint = g_unix_signal_add (SIGINT, stop_cb, &job);
  sigterm = g_unix_signal_add (SIGTERM, stop_cb, &job);
  thread = g_thread_new ("sync", sync_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  return job.status;
}

/* ------------------------------------------------------------------------ */
/* account                                                                  */
/* ------------------------------------------------------------------------ */

/* The secret from standard input: all of it but a final line break. On
 * a terminal it is asked for, and not echoed. */
static char *
read_secret (GError **error)
{
  g_autoptr(GString) secret = g_string_new (NULL);
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO);
  char buffer[256];
  size_t n;

  if (terminal)
    {
      fprintf (stderr, "%s", _("Token or password: "));
      fflush (stderr);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
      if (fgets (buffer, sizeof buffer, stdin) != NULL)
        g_string_append (secret, buffer);
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fprintf (stderr, "\n");
    }
  else
    {
      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0 && secret->len < 65536)
        g_string_append_len (secret, buffer, n);
    }
  memset (buffer, 0, sizeof buffer);

  if (secret->len > 0 && secret->str[secret->len - 1] == '\n')
    g_string_truncate (secret, secret->len - 1);
  if (secret->len > 0 && secret->str[secret->len - 1] == '\r')
    g_string_truncate (secret, secret->len - 1);
  if (secret->len == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give the account’s token (or, with --user, its password) on "
                             "standard input."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&secret), FALSE);
}

/* A secret is wiped before its memory is given back. */
typedef char *SecretText;

static void
forget_secret (char *secret)
{
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (SecretText, forget_secret, NULL)

static int
account_add (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— add a server to sync with; "
                                                             "the secret is read from standard "
                                                             "input"));
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(StwAccount) account = NULL;
  g_autoptr(StwAccount) existing = NULL;
  g_autoptr(StwSyncBackend) backend = NULL;
  g_auto (SecretText) secret = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *description = NULL;
  gboolean no_check = FALSE;
  StwAccountKind kind_value = STW_ACCOUNT_RT;
  const GOptionEntry options[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("The kind of server: rt"), N_("KIND") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("A name for the account"), N_("NAME") },
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url,
      N_("The server’s address, without the API path (https://rt.example.org)"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("Sign in as USER with a password (default: the secret is a token)"), N_("USER") },
    { "catalog", 0, 0, G_OPTION_ARG_STRING, &catalog,
      N_("Send assets made here to this RT catalog (default: they stay here)"), N_("CATALOG") },
    { "no-check", 0, 0, G_OPTION_ARG_NONE, &no_check,
      N_("Add the account without asking the server first"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, global_options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (context, error->message);
  if (argc != 1)
    return usage (context, _("account add takes options only; the secret comes on standard "
                             "input, never on the command line."));
  if (name == NULL || *name == '\0' || url == NULL)
    return usage (context, _("Give the account a --name and the server’s --url."));
  if (kind != NULL && !stw_account_kind_from_key (kind, &kind_value))
    return usage (context, _("Unknown kind of server; use rt."));
  if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    return usage (context, _("The URL must start with https:// or http://."));

  secret = read_secret (&error);
  if (secret == NULL)
    return usage (context, error->message);

  db = open_database (&error);
  if (db == NULL)
    return fail (_("cannot open the database"), error);
  existing = stw_account_repo_find (db, name, NULL);
  if (existing != NULL)
    {
      g_printerr (_("steward-cli: there is an account “%s” already.\n"), name);
      return EXIT_FAILED;
    }

  account = stw_account_new ();
  stw_account_set_kind (account, kind_value);
  stw_account_set_name (account, name);
  stw_account_set_url (account, url);
  stw_account_set_user (account, user);
  stw_account_set_asset_catalog (account, catalog);
  stw_account_set_enabled (account, TRUE);

  if (!no_check)
    {
      backend = stw_sync_backend_new_for_account (account, secret, &error);
      if (backend == NULL || !stw_sync_backend_check (backend, &description, NULL, &error))
        return fail (url, error);
    }

  if (!stw_account_repo_save_sync (db, account, &error))
    return fail (_("cannot save the account"), error);
  if (!stw_secret_store_sync (account, secret, NULL, &error))
    {
      g_autoptr(GError) undo_error = NULL;

      stw_account_repo_delete_sync (db, stw_account_get_id (account), &undo_error);
      return fail (_("cannot keep the secret in the keyring"), error);
    }

  if (description != NULL)
    /* Translators: “Added “helpdesk”: Request Tracker 5.0.3 at https://rt.example.org.” */
    g_print (_("Added “%s”: %s at %s.\n"), name, description, url);
  else
    g_print (_("Added “%s” at %s.\n"), name, url);
  return EXIT_OK;
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec <= 0)
    return g_strdup (_("never"));
  time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static int
account_list (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the accounts"));
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  g_option_context_add_main_entries (context, global_options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (context, error->message);
  if (argc != 1)
    return usage (context, _("account list takes no arguments."));

  db = open_database (&error);
  if (db == NULL)
    return fail (_("cannot open the database"), error);
  accounts = stw_account_repo_list (db, &error);
  if (accounts == NULL)
    return fail (_("cannot read the accounts"), error);

  if (accounts->len == 0)
    g_print ("%s\n", _("No accounts. Add one with “steward-cli account add”."));
  for (guint i = 0; i < accounts->len; i++)
    {
      StwAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *last = format_time (stw_account_get_last_sync (account));
      const char *error_text = stw_account_get_last_error (account);

      g_print ("%s\n", stw_account_get_name (account));
      g_print (_("  Server:    %s at %s\n"), stw_account_kind_label (stw_account_get_kind (account)),
               stw_account_get_url (account));
      g_print (_("  Signs in:  %s\n"),
               stw_account_get_user (account) != NULL ? stw_account_get_user (account)
                                                      : _("with a token"));
      if (stw_account_get_asset_catalog (account) != NULL)
        g_print (_("  Catalog:   %s\n"), stw_account_get_asset_catalog (account));
      g_print (_("  Synced:    %s%s\n"), last,
               stw_account_get_enabled (account) ? "" : _(" (turned off)"));
      if (error_text != NULL)
        g_print (_("  Problem:   %s\n"), error_text);
    }
  return EXIT_OK;
}

static int
account_remove (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — remove an account; the "
                                                             "records it synced stay here"));
  g_autoptr(GError) error = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autoptr(StwAccount) account = NULL;

  g_option_context_add_main_entries (context, global_options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (context, error->message);
  if (argc != 2)
    return usage (context, _("Name one account to remove."));

  db = open_database (&error);
  if (db == NULL)
    return fail (_("cannot open the database"), error);
  account = stw_account_repo_find (db, argv[1], &error);
  if (account == NULL)
    return fail (argv[1], error);

  if (!stw_secret_clear_sync (account, NULL, &error))
    return fail (_("cannot remove the secret from the keyring"), error);
  if (!stw_account_repo_delete_sync (db, stw_account_get_id (account), &error))
    return fail (_("cannot remove the account"), error);

  g_print (_("Removed “%s”; the records it synced stay here.\n"), stw_account_get_name (account));
  return EXIT_OK;
}

int
account_command (int    argc,
                 char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return account_add (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return account_list (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return account_remove (argc - 1, argv + 1);

  g_printerr ("%s\n", _("Usage: steward-cli account add|list|remove [OPTION…]"));
  return EXIT_USAGE;
}

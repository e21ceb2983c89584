/* steward-bench-sync.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync benchmark: a first sync of an RT 5 that holds 2,000 tickets,
 * each with a correspondence, a comment and a work log entry, into an
 * empty database. Prints the wall time, the requests made, and the
 * client's CPU time as a share of the wall time (the rest is waiting for
 * the server).
 *
 * The RT instance lives in a directory that is kept between runs
 * (--server-dir, by default $XDG_CACHE_HOME/steward-bench/rt): it is made
 * and seeded through RT's own API (tests/servers/rt-seed.sh) the first
 * time only, started for the runs and stopped after them. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>

#include "store/stw-sync-store.h"
#include "store/stw-ticket-repo.h"
#include "sync/stw-sync-engine.h"

static char *
script (const char *name)
{
  return g_build_filename (SOURCE_ROOT, "tests", "servers", name, NULL);
}

static gboolean
run_script (const char * const  *argv,
            GError             **error)
{
  int status = 0;

  /* Their standard output carries the server's token: not shown. */
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, error))
    return FALSE;
  return g_spawn_check_wait_status (status, error);
}

static char *
env_value (const char *env,
           const char *key)
{
  g_auto(GStrv) lines = g_strsplit (env, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, "=", NULL);
  char *value = NULL;

  /* The last line wins: seeded= may have been appended more than once. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        g_free (value);
        value = g_strdup (lines[i] + strlen (prefix));
      }
  return value;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server_dir = NULL;
  g_autofree char *server = script ("rt-server.sh");
  g_autofree char *seed = script ("rt-seed.sh");
  g_autofree char *env_path = NULL;
  g_autofree char *env = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *seeded = NULL;
  gint64 tickets = 2000;
  int runs = 3;
  gboolean keep_running = FALSE;
  const GOptionEntry options[] = {
    { "server-dir", 0, 0, G_OPTION_ARG_FILENAME, &server_dir,
      "Where the RT instance is kept between runs", "DIR" },
    { "tickets", 't', 0, G_OPTION_ARG_INT64, &tickets, "Tickets in RT (default 2,000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "First syncs to time (default 3)", "N" },
    { "keep-running", 0, 0, G_OPTION_ARG_NONE, &keep_running, "Leave RT running after", NULL },
    { NULL }
  };
  int status = 0;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— time a first sync from Request Tracker");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (server_dir == NULL)
    server_dir = g_build_filename (g_get_user_cache_dir (), "steward-bench", "rt", NULL);
  env_path = g_build_filename (server_dir, "server.env", NULL);

  {
    const char *install[] = { server, "install", NULL };

    if (!run_script (install, &error))
      {
        g_printerr ("Could not install RT: %s\n", error->message);
        return 1;
      }
  }

  if (!g_file_test (env_path, G_FILE_TEST_EXISTS))
    {
      const char *start[] = { server, "start", server_dir, NULL };

      g_print ("Making an RT instance in %s\n", server_dir);
      if (!run_script (start, &error))
        {
          g_printerr ("Could not start RT: %s\n", error->message);
          return 1;
        }
    }
  else
    {
      const char *restart[] = { server, "restart", server_dir, NULL };

      if (!run_script (restart, &error))
        {
          g_printerr ("Could not start RT again: %s\n", error->message);
          return 1;
        }
    }

  if (!g_file_get_contents (env_path, &env, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  seeded = env_value (env, "seeded");
  if (seeded == NULL)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, tickets);
      const char *fill[] = { seed, server_dir, count, NULL };
      gint64 started = g_get_monotonic_time ();

      g_print ("Seeding %s tickets through RT's API (once)…\n", count);
      if (!run_script (fill, &error))
        {
          g_printerr ("Could not seed RT: %s\n", error->message);
          return 1;
        }
      g_print ("Seeded in %.0f s\n", (g_get_monotonic_time () - started) / 1e6);
      g_clear_pointer (&env, g_free);
      g_file_get_contents (env_path, &env, NULL, NULL);
      seeded = env_value (env, "seeded");
    }
  if (g_ascii_strtoll (seeded, NULL, 10) != tickets)
    {
      g_printerr ("%s holds %s tickets, not %" G_GINT64_FORMAT "; remove it to seed again\n",
                  server_dir, seeded, tickets);
      status = 1;
      goto stop;
    }
  url = env_value (env, "url");
  token = env_value (env, "token");

  g_print ("\nFirst sync of %" G_GINT64_FORMAT " RT tickets (3 entries each) into an empty "
           "database, %d runs\n\n", tickets, runs);
  g_print ("%-4s %10s %9s %10s %11s %9s\n", "run", "wall (s)", "requests", "req/s",
           "client CPU", "tickets");

  for (int i = 0; i < runs; i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("steward-bench-sync-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "steward.db", NULL);
      g_autoptr(StwDatabase) db = stw_database_open (path, &error);
      g_autoptr(StwAccount) account = stw_account_new ();
      g_autoptr(StwSyncBackend) backend = NULL;
      StwSyncStats stats = { 0 };
      double cpu, wall;
      gint64 started;

      if (db == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = 1;
          goto stop;
        }
      stw_account_set_name (account, "Bench RT");
      stw_account_set_url (account, url);
      if (!stw_account_repo_save_sync (db, account, &error) ||
          (backend = stw_sync_backend_new_for_account (account, token, &error)) == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = 1;
          goto stop;
        }

      cpu = cpu_seconds ();
      started = g_get_monotonic_time ();
      if (!stw_sync_run (db, account, backend, NULL, NULL, &stats, NULL, &error))
        {
          g_printerr ("The sync failed: %s\n", error->message);
          status = 1;
          goto stop;
        }
      wall = (g_get_monotonic_time () - started) / 1e6;
      cpu = cpu_seconds () - cpu;

      g_print ("%-4d %10.1f %9u %10.1f %10.0f%% %9" G_GINT64_FORMAT "\n", i + 1, wall,
               stats.requests, stats.requests / wall, 100 * cpu / wall,
               stw_ticket_repo_count (db));

      g_clear_object (&backend);
      g_clear_object (&db);
      g_unlink (path);
      {
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);

        g_unlink (wal);
        g_unlink (shm);
      }
      g_rmdir (dir);
    }

stop:
  if (!keep_running)
    {
      const char *stop_argv[] = { server, "stop", server_dir, NULL };

      run_script (stop_argv, NULL);
    }
  return status;
}

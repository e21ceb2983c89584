/* stw-test-rt.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "stw-test-rt.h"

#ifndef RT_SERVER_SCRIPT
# error "RT_SERVER_SCRIPT must name tests/servers/rt-server.sh"
#endif

/* The write end of the watchdog's pipe: when this process ends, however
 * it ends, the watchdog reads end-of-file and stops the server. */
static int watchdog_fd = -1;

static gboolean
run_script (const char  *command,
            const char  *dir,
            char       **out,
            char       **err)
{
  const char *argv[] = { "/bin/sh", RT_SERVER_SCRIPT, command, dir, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (dir == NULL)
    argv[3] = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                     &error))
    g_error ("rt-server.sh %s: %s", command, error->message);
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
can_install (void)
{
  const char *argv[] = { "sudo", "-n", "true", NULL };
  int status = 1;

  if (getuid () == 0)
    return TRUE;
  if (g_find_program_in_path ("sudo") == NULL)
    return FALSE;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

static void
leave_session (gpointer data)
{
  setsid ();
}

/* A process of its own session (so a timeout's kill of this test's group
 * misses it) that waits for this process to end, then stops the server
 * and removes its directory. */
static void
start_watchdog (const char *dir)
{
  const char *argv[] = {
    "/bin/sh", "-c",
    "cat >/dev/null; /bin/sh \"$0\" stop \"$1\" >/dev/null 2>&1; rm -rf \"$1\"",
    RT_SERVER_SCRIPT, dir, NULL
  };
  g_autoptr(GError) error = NULL;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                                 G_SPAWN_STDERR_TO_DEV_NULL, leave_session, NULL, NULL,
                                 &watchdog_fd, NULL, NULL, &error))
    g_error ("watchdog: %s", error->message);
}

static char *
env_value (char       **lines,
           const char  *key)
{
  g_autofree char *prefix = g_strconcat (key, "=", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  g_error ("server.env has no %s", key);
}

StwTestRt *
stw_test_rt_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *env_path = NULL;
  g_autofree char *env = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  StwTestRt *rt;
  gint64 started = g_get_monotonic_time ();

  if (!run_script ("install", NULL, &out, &err))
    {
      if (!can_install ())
        return NULL;
      g_error ("rt-server.sh install failed:\n%s", err);
    }

  rt = g_new0 (StwTestRt, 1);
  rt->dir = g_dir_make_tmp ("steward-rt-XXXXXX", &error);
  g_assert_no_error (error);
  start_watchdog (rt->dir);

  /* start prints the token: keep its output out of the test's. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (!run_script ("start", rt->dir, &out, &err))
    g_error ("rt-server.sh start failed:\n%s", err);

  env_path = g_build_filename (rt->dir, "server.env", NULL);
  g_file_get_contents (env_path, &env, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (env, "\n", -1);
  rt->url = env_value (lines, "url");
  rt->token = env_value (lines, "token");
  rt->user = env_value (lines, "user");
  rt->password = env_value (lines, "password");

  g_test_message ("RT on %s, up in %.1f s", rt->url,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return rt;
}

void
stw_test_rt_stop (StwTestRt *rt)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *rm[] = { "rm", "-rf", NULL, NULL };

  if (rt == NULL)
    return;
  if (!run_script ("stop", rt->dir, &out, &err))
    g_printerr ("rt-server.sh stop: %s\n", err);
  rm[2] = rt->dir;
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  if (watchdog_fd >= 0)
    {
      close (watchdog_fd);
      watchdog_fd = -1;
    }

  g_free (rt->dir);
  g_free (rt->url);
  g_free (rt->token);
  g_free (rt->user);
  g_free (rt->password);
  g_free (rt);
}

StwHttp *
stw_test_rt_http (StwTestRt  *rt,
                  const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strconcat ("token ", token != NULL ? token : rt->token, NULL);
  StwHttp *http = stw_http_new (rt->url, &error);

  g_assert_no_error (error);
  stw_http_set_authorization (http, value);
  return http;
}

static StwHttpReply *
call (StwTestRt  *rt,
      const char *method,
      const char *path,
      const char *json_body)
{
  g_autoptr(StwHttp) http = stw_test_rt_http (rt, NULL);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  StwHttpReply *reply;

  if (json_body != NULL)
    {
      body = json_from_string (json_body, &error);
      g_assert_no_error (error);
    }
  reply = stw_http_request (http, method, path, body, NULL, NULL, &error);
  if (reply == NULL)
    g_error ("%s %s: %s", method, path, error->message);
  return reply;
}

JsonNode *
stw_test_rt_call (StwTestRt  *rt,
                  const char *method,
                  const char *path,
                  const char *json_body)
{
  g_autoptr(StwHttpReply) reply = call (rt, method, path, json_body);

  return reply->body != NULL ? json_node_ref (reply->body) : NULL;
}

char *
stw_test_rt_create (StwTestRt  *rt,
                    const char *path,
                    const char *json_body)
{
  g_autoptr(StwHttpReply) reply = call (rt, "POST", path, json_body);

  g_assert_nonnull (reply->body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->body));
  return g_strdup (json_object_get_string_member (json_node_get_object (reply->body), "id"));
}

char *
stw_test_rt_etag (StwTestRt  *rt,
                  const char *path)
{
  g_autoptr(StwHttpReply) reply = call (rt, "GET", path, NULL);

  g_assert_nonnull (reply->etag);
  return g_strdup (reply->etag);
}

GPtrArray *
stw_test_rt_search (StwTestRt  *rt,
                    const char *collection,
                    const char *query)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  gint64 after = 0;

  for (;;)
    {
      g_autofree char *full = g_strdup_printf ("(%s) AND id > %" G_GINT64_FORMAT, query, after);
      g_autofree char *escaped = g_uri_escape_string (full, NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/REST/2.0/%s?query=%s&orderby=id&per_page=100",
                                               collection, escaped);
      g_autoptr(JsonNode) body = stw_test_rt_call (rt, "GET", path, NULL);
      JsonArray *items = json_object_get_array_member (json_node_get_object (body), "items");
      guint n = json_array_get_length (items);

      for (guint i = 0; i < n; i++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (items, i),
                                                          "id");

          g_ptr_array_add (ids, g_strdup (id));
          after = MAX (after, g_ascii_strtoll (id, NULL, 10));
        }
      if (n < 100)
        return ids;
    }
}

void
stw_test_rt_perl (StwTestRt  *rt,
                  const char *code)
{
  g_autofree char *script = g_strconcat ("RT::LoadConfig(); RT::Init(); ", code, NULL);
  g_autofree char *config = g_build_filename (rt->dir, "etc", "RT_SiteConfig.pm", NULL);
  g_autofree char *config_dir = g_build_filename (rt->dir, "etc", "RT_SiteConfig.d", NULL);
  g_autofree char *tmp = g_build_filename (rt->dir, "tmp", NULL);
  g_autofree char *err = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  const char *argv[] = { "perl", "-I/usr/share/request-tracker5/lib", "-MRT", "-e", script, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  envp = g_environ_setenv (envp, "RT_SITE_CONFIG", config, TRUE);
  envp = g_environ_setenv (envp, "RT_SITE_CONFIG_DIR", config_dir, TRUE);
  envp = g_environ_setenv (envp, "TMPDIR", tmp, TRUE);
  envp = g_environ_setenv (envp, "HOME", rt->dir, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    g_error ("perl: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("RT's perl failed: %s", err);
}

void
stw_test_rt_set_scrips (StwTestRt *rt,
                        gboolean   enabled)
{
  g_autofree char *code = g_strdup_printf (
    "my $scrips = RT::Scrips->new (RT->SystemUser); $scrips->FindAllRows; $scrips->UnLimit;"
    "while (my $scrip = $scrips->Next) { $scrip->SetDisabled (%d) }", enabled ? 0 : 1);

  stw_test_rt_perl (rt, code);
}

const char *
stw_test_field (StwRemoteRecord *record,
                const char      *name)
{
  g_assert_nonnull (record->fields);
  if (!json_object_has_member (record->fields, name))
    g_error ("%s has no %s", record->remote_id, name);
  if (JSON_NODE_HOLDS_NULL (json_object_get_member (record->fields, name)))
    return NULL;
  return json_object_get_string_member (record->fields, name);
}

gint64
stw_test_number (StwRemoteRecord *record,
                 const char      *name)
{
  g_assert_true (json_object_has_member (record->fields, name));
  return json_object_get_int_member (record->fields, name);
}

StwRemoteRecord *
stw_test_fetch (StwSyncBackend *backend,
                const char     *entity,
                const char     *id)
{
  g_autoptr(GError) error = NULL;
  StwRemoteRecord *record = stw_sync_backend_fetch (backend, entity, id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

void
stw_test_assert_not_found (StwSyncBackend *backend,
                           const char     *entity,
                           const char     *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwRemoteRecord) record = stw_sync_backend_fetch (backend, entity, id, NULL, &error);

  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_FOUND);
  g_assert_null (record);
}

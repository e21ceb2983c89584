/* stw-fake-rt.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-fake-rt"

#include "config.h"

#include "stw-fake-rt.h"
#include "stw-fake-rt-private.h"

#include <string.h>

/* The fake RT's server and its public face: each request is logged,
 * checked against the fault rules and the credentials, answered by
 * stw-fake-rt-routes.c, and the answer sent, or broken as the fault
 * says. Everything runs under one mutex, so the test's thread may look
 * and change while the server runs. */

typedef struct
{
  char           *method_glob;
  char           *path_glob;
  StwFakeRtFault  fault;
  guint           count;
  guint           retry_after;
} Fault;

/* ------------------------------------------------------------------------ */

static void
fault_free (gpointer data)
{
  Fault *fault = data;

  g_free (fault->method_glob);
  g_free (fault->path_glob);
  g_free (fault);
}

static Fault *
take_fault (StwFakeRt  *self,
            const char *method,
            const char *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);
      Fault *copy;

      if (!g_pattern_match_simple (fault->method_glob, method) || !g_pattern_match_simple (fault->path_glob, path))
        continue;

      copy = g_memdup2 (fault, sizeof *fault);
      copy->method_glob = copy->path_glob = NULL;
      if (--fault->count == 0)
        g_ptr_array_remove_index (self->faults, i);
      return copy;
    }

  return NULL;
}

static gboolean
authorized (StwFakeRt          *self,
            SoupServerMessage  *msg)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "Authorization");
  g_autofree char *token = g_strconcat ("token ", self->token, NULL);
  g_autofree char *pair = g_strconcat ("root:", self->password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *basic = g_strconcat ("Basic ", encoded, NULL);

  return value != NULL && (g_str_equal (value, token) || g_str_equal (value, basic));
}

static FakeRecord *
add_record (StwFakeRt  *self,
            FakeKind    kind,
            const char *first_field,
            va_list     args)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *message = NULL;
  FakeRecord *record;

  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    json_object_set_string_member (body, field, va_arg (args, const char *));

  if (kind == FAKE_TICKET && !json_object_has_member (body, "Queue"))
    json_object_set_string_member (body, "Queue", "General");

  record = fake_rt_create (self, kind, body, &message);
  if (record == NULL)
    g_error ("The fake RT refused a record: %s", message);

  return record;
}

/* ------------------------------------------------------------------------ */

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  StwFakeRt *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autofree Fault *fault = NULL;
  Params params = { NULL, NULL };
  Reply reply = { 0, NULL, NULL, NULL, NULL };

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->log, g_strdup_printf ("%s %s", method, path));
  fault = take_fault (self, method, path);

  if (fault != NULL && fault->fault == STW_FAKE_RT_FAULT_HANG)
    {
      stw_test_server_hang (self->server, msg);
      goto out;
    }
  if (fault != NULL && fault->fault == STW_FAKE_RT_FAULT_CLOSE)
    {
      stw_test_server_close (self->server, msg);
      goto out;
    }
  if (fault != NULL && fault->fault == STW_FAKE_RT_FAULT_500)
    fake_reply_message (&reply, 500, "Internal Server Error");
  else if (fault != NULL && fault->fault == STW_FAKE_RT_FAULT_429)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", fault->retry_after);

      soup_message_headers_replace (response, "Retry-After", seconds);
      fake_reply_message (&reply, 429, "Too Many Requests");
    }
  else if (!authorized (self, msg))
    fake_reply_message (&reply, 401, "Unauthorized");
  else
    {
      fake_params_parse (&params, g_uri_get_query (soup_server_message_get_uri (msg)));
      fake_rt_route (self, msg, method, path, &params, &reply);
    }

  if (fault != NULL && fault->fault == STW_FAKE_RT_FAULT_DROP_REPLY)
    {
      stw_test_server_close (self->server, msg);
      goto out;
    }

  if (fault != NULL && fault->fault == STW_FAKE_RT_FAULT_TRUNCATED)
    {
      const char *body = reply.body != NULL ? reply.body : "";
      size_t len = strlen (body);
      g_autofree char *raw = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: application/json\r\n"
                                              "Content-Length: %zu\r\nConnection: close\r\n\r\n%.*s",
                                              reply.status, soup_status_get_phrase (reply.status),
                                              len + 16, (int) (len / 2), body);

      stw_test_server_reply_raw (self->server, msg, raw);
      goto out;
    }

  if (fault != NULL && fault->fault == STW_FAKE_RT_FAULT_MALFORMED)
    {
      char *broken = g_strdup_printf ("%.*s<oops", (int) (reply.body != NULL ? strlen (reply.body) / 2 : 0),
                                      reply.body != NULL ? reply.body : "");

      g_free (reply.body);
      reply.body = broken;
      if (reply.status == 204 || reply.status == 304)
        reply.status = 200;
    }

  if (reply.etag != NULL)
    soup_message_headers_replace (response, "ETag", reply.etag);
  if (reply.last_modified != NULL)
    soup_message_headers_replace (response, "Last-Modified", reply.last_modified);
  if (reply.location != NULL)
    soup_message_headers_replace (response, "Location", reply.location);
  if (reply.body != NULL)
    soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                      reply.body, strlen (reply.body));
  soup_server_message_set_status (msg, reply.status, NULL);

out:
  fake_reply_clear (&reply);
  fake_params_clear (&params);
  g_mutex_unlock (&self->mutex);
}

/* ------------------------------------------------------------------------ */

StwFakeRt *
stw_fake_rt_new (GTlsCertificate *tls)
{
  StwFakeRt *self = g_new0 (StwFakeRt, 1);

  g_mutex_init (&self->mutex);
  /* Test-only credentials of a loopback server. */
  self->token = g_strdup ("1-14-0f1e2d3c4b5a69788796a5b4c3d2e1f0");
  self->password = g_strdup ("fake-rt-root-password");
  self->tickets = g_hash_table_new_full (NULL, NULL, NULL, fake_record_free);
  self->assets = g_hash_table_new_full (NULL, NULL, NULL, fake_record_free);
  self->txns = g_ptr_array_new_with_free_func (fake_txn_free);
  self->queues = g_ptr_array_new_with_free_func (g_free);
  self->catalogs = g_ptr_array_new_with_free_func (g_free);
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  self->log = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (self->queues, g_strdup ("General"));
  g_ptr_array_add (self->catalogs, g_strdup ("General assets"));

  /* RT's own setup uses the first transactions. */
  self->next_txn = 30;

  self->server = stw_test_server_new (tls, server_cb, self);

  return self;
}

void
stw_fake_rt_free (StwFakeRt *self)
{
  if (self == NULL)
    return;

  /* The server's thread goes first: nothing runs under the mutex then. */
  g_clear_pointer (&self->server, stw_test_server_free);

  g_clear_pointer (&self->tickets, g_hash_table_unref);
  g_clear_pointer (&self->assets, g_hash_table_unref);
  g_clear_pointer (&self->txns, g_ptr_array_unref);
  g_clear_pointer (&self->queues, g_ptr_array_unref);
  g_clear_pointer (&self->catalogs, g_ptr_array_unref);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->log, g_ptr_array_unref);
  g_free (self->token);
  g_free (self->password);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

const char *
stw_fake_rt_get_url (StwFakeRt *self)
{
  return stw_test_server_get_url (self->server);
}

const char *
stw_fake_rt_get_token (StwFakeRt *self)
{
  return self->token;
}

const char *
stw_fake_rt_get_password (StwFakeRt *self)
{
  return self->password;
}

void
stw_fake_rt_fail_next_full (StwFakeRt      *self,
                            const char     *method_glob,
                            const char     *path_glob,
                            StwFakeRtFault  fault,
                            guint           count,
                            guint           retry_after)
{
  Fault *rule;

  g_return_if_fail (method_glob != NULL && path_glob != NULL);

  if (count == 0)
    return;

  rule = g_new0 (Fault, 1);
  rule->method_glob = g_strdup (method_glob);
  rule->path_glob = g_strdup (path_glob);
  rule->fault = fault;
  rule->count = count;
  rule->retry_after = retry_after;

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->faults, rule);
  g_mutex_unlock (&self->mutex);
}

void
stw_fake_rt_fail_next (StwFakeRt      *self,
                       const char     *method_glob,
                       const char     *path_glob,
                       StwFakeRtFault  fault,
                       guint           count)
{
  stw_fake_rt_fail_next_full (self, method_glob, path_glob, fault, count, 1);
}

void
stw_fake_rt_clear_faults (StwFakeRt *self)
{
  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->faults, 0);
  g_mutex_unlock (&self->mutex);
}

guint
stw_fake_rt_get_request_count (StwFakeRt *self)
{
  guint count;

  g_mutex_lock (&self->mutex);
  count = self->log->len;
  g_mutex_unlock (&self->mutex);

  return count;
}

guint
stw_fake_rt_count_requests (StwFakeRt  *self,
                            const char *method_glob,
                            const char *path_glob)
{
  guint count = 0;

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->log->len; i++)
    {
      const char *line = g_ptr_array_index (self->log, i);
      const char *space = strchr (line, ' ');
      g_autofree char *method = g_strndup (line, space - line);

      if (g_pattern_match_simple (method_glob, method) && g_pattern_match_simple (path_glob, space + 1))
        count++;
    }
  g_mutex_unlock (&self->mutex);

  return count;
}

void
stw_fake_rt_advance_clock (StwFakeRt *self,
                           int        seconds)
{
  g_mutex_lock (&self->mutex);
  self->clock_offset += seconds;
  g_mutex_unlock (&self->mutex);
}

guint
stw_fake_rt_add_queue (StwFakeRt  *self,
                       const char *name)
{
  guint id;

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->queues, g_strdup (name));
  id = self->queues->len;
  g_mutex_unlock (&self->mutex);

  return id;
}

guint
stw_fake_rt_add_ticket (StwFakeRt  *self,
                        const char *first_field,
                        ...)
{
  va_list args;
  guint id;

  g_mutex_lock (&self->mutex);
  va_start (args, first_field);
  id = add_record (self, FAKE_TICKET, first_field, args)->id;
  va_end (args);
  g_mutex_unlock (&self->mutex);

  return id;
}

guint
stw_fake_rt_add_asset (StwFakeRt  *self,
                       const char *first_field,
                       ...)
{
  va_list args;
  guint id;

  g_mutex_lock (&self->mutex);
  va_start (args, first_field);
  id = add_record (self, FAKE_ASSET, first_field, args)->id;
  va_end (args);
  g_mutex_unlock (&self->mutex);

  return id;
}

gboolean
stw_fake_rt_edit_ticket (StwFakeRt  *self,
                         guint       id,
                         const char *first_field,
                         ...)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonArray) said = NULL;
  g_autofree char *message = NULL;
  FakeRecord *record;
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    json_object_set_string_member (changes, field, va_arg (args, const char *));
  va_end (args);

  g_mutex_lock (&self->mutex);
  record = fake_rt_lookup (self, FAKE_TICKET, id);
  if (record != NULL)
    said = fake_rt_update (self, record, changes, &message);
  g_mutex_unlock (&self->mutex);

  return record != NULL;
}

gboolean
stw_fake_rt_add_entry (StwFakeRt  *self,
                       guint       id,
                       const char *type,
                       const char *content)
{
  FakeRecord *record;

  g_return_val_if_fail (g_strcmp0 (type, "Comment") == 0 || g_strcmp0 (type, "Correspond") == 0, FALSE);

  g_mutex_lock (&self->mutex);
  record = fake_rt_lookup (self, FAKE_TICKET, id);
  if (record != NULL)
    fake_rt_add_entry (self, record, type, NULL, content, "text/plain", 0);
  g_mutex_unlock (&self->mutex);

  return record != NULL;
}

static JsonObject *
get_record (StwFakeRt *self,
            FakeKind   kind,
            guint      id)
{
  g_autofree char *base = NULL;
  JsonObject *object = NULL;
  FakeRecord *record;

  g_mutex_lock (&self->mutex);
  base = g_strconcat (stw_test_server_get_url (self->server), FAKE_RT_API, NULL);
  record = fake_rt_lookup (self, kind, id);
  if (record != NULL)
    object = fake_rt_render (self, record, base);
  g_mutex_unlock (&self->mutex);

  return object;
}

JsonObject *
stw_fake_rt_get_ticket (StwFakeRt *self,
                        guint      id)
{
  return get_record (self, FAKE_TICKET, id);
}

JsonObject *
stw_fake_rt_get_asset (StwFakeRt *self,
                       guint      id)
{
  return get_record (self, FAKE_ASSET, id);
}

char *
stw_fake_rt_get_ticket_field (StwFakeRt  *self,
                              guint       id,
                              const char *field)
{
  FakeRecord *record;
  char *text = NULL;

  g_mutex_lock (&self->mutex);
  record = fake_rt_lookup (self, FAKE_TICKET, id);
  if (record != NULL)
    text = fake_rt_field_text (self, record, field);
  g_mutex_unlock (&self->mutex);

  return text;
}

char *
stw_fake_rt_get_etag (StwFakeRt *self,
                      guint      id)
{
  FakeRecord *record;
  char *etag = NULL;

  g_mutex_lock (&self->mutex);
  record = fake_rt_lookup (self, FAKE_TICKET, id);
  if (record != NULL)
    etag = g_strdup_printf ("%u", record->etag);
  g_mutex_unlock (&self->mutex);

  return etag;
}

guint
stw_fake_rt_count_tickets (StwFakeRt  *self,
                           const char *subject)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_mutex_lock (&self->mutex);
  g_hash_table_iter_init (&iter, self->tickets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeRecord *record = value;

      if (g_str_equal (json_object_get_string_member (record->fields, "Status"), "deleted"))
        continue;
      if (subject == NULL || g_strcmp0 (json_object_get_string_member (record->fields, "Subject"), subject) == 0)
        count++;
    }
  g_mutex_unlock (&self->mutex);

  return count;
}

guint
stw_fake_rt_count_entries (StwFakeRt  *self,
                           guint       id,
                           const char *type)
{
  guint count = 0;

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->txns->len; i++)
    {
      FakeTxn *txn = g_ptr_array_index (self->txns, i);

      if (txn->kind == FAKE_TICKET && txn->object_id == id && g_strcmp0 (txn->type, type) == 0)
        count++;
    }
  g_mutex_unlock (&self->mutex);

  return count;
}

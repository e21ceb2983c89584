/* test-rt-backend.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "store/stw-sync-store.h"
#include "sync/stw-rt-backend.h"
#include "sync/stw-rt-private.h"
#include "stw-test-rt.h"
#include "stw-test-web.h"
#include "test-rt-backend.h"

/*
 * The RT backend against a real Request Tracker 5 (tests/servers/
 * rt-server.sh): data is made through RT's own REST2, then every call of
 * the backend is checked against what RT has.
 */

StwTestRt *rt;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

StwSyncBackend *
backend_new (const char *catalog)
{
  g_autoptr(StwHttp) http = stw_test_rt_http (rt, NULL);

  return stw_rt_backend_new (http, catalog);
}

guint
requests (StwSyncBackend *backend)
{
  return stw_http_get_request_count (stw_sync_backend_get_http (backend));
}

JsonObject *
object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  return json_node_dup_object (node);
}

/* Makes a ticket through REST2; returns its id. */
char *
make_ticket (const char *json)
{
  return stw_test_rt_create (rt, "/REST/2.0/ticket", json);
}

void
put (const char *path,
     const char *json)
{
  g_autoptr(JsonNode) reply = stw_test_rt_call (rt, "PUT", path, json);
}

void
put_ticket (const char *id,
            const char *json)
{
  g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%s", id);

  put (path, json);
}

char *
ticket_etag (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%s", id);

  return stw_test_rt_etag (rt, path);
}

void
delete_ticket (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%s", id);
  g_autoptr(JsonNode) reply = stw_test_rt_call (rt, "DELETE", path, NULL);
}

guint
count (const char *collection,
       const char *query)
{
  g_autoptr(GPtrArray) ids = stw_test_rt_search (rt, collection, query);

  return ids->len;
}

static void
post_comment (const char *id,
              const char *json)
{
  g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%s/comment", id);
  g_autoptr(JsonNode) reply = stw_test_rt_call (rt, "POST", path, json);
}

static void
check_other (const char *type,
             const char *body)
{
  StwTestWeb *web = stw_test_web_start (type, body);
  g_autoptr(StwHttp) http = NULL;
  g_autoptr(StwSyncBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  http = stw_http_new (stw_test_web_get_url (web), &error);
  g_assert_no_error (error);
  backend = stw_rt_backend_new (http, NULL);
  g_assert_false (stw_sync_backend_check (backend, &description, NULL, &error));
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_NOT_SERVER);
  g_assert_nonnull (strstr (error->message, "does not look like a Request Tracker server"));
  g_assert_null (description);
  stw_test_web_stop (web);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_check (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autoptr(StwHttp) wrong = stw_test_rt_http (rt, "1-14-00000000000000000000000000000000");
  g_autoptr(StwSyncBackend) intruder = stw_rt_backend_new (wrong, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_assert_true (stw_sync_backend_check (backend, &description, NULL, &error));
  g_assert_no_error (error);
  /* Debian's "5.0.3+dfsg-3~deb12u6" is RT 5.0.3. */
  g_assert_cmpstr (description, ==, "Request Tracker 5.0.3");
  g_assert_cmpuint (requests (backend), ==, 1);

  g_assert_false (stw_sync_backend_check (intruder, NULL, NULL, &error));
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, rt->token));

  check_other ("text/html", "<html><body>Welcome to nginx!</body></html>");
  check_other ("application/json", "{\"status\":\"ok\"}");
}

/* Over 100 tickets, so that pages end; records change between pages. */
static void
test_pull_pages (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GPtrArray) before = stw_test_rt_search (rt, "tickets", "id > 0");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) bulk = g_string_new ("[");
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *old = NULL;
  gboolean more = TRUE, old_seen = FALSE;
  guint pages = 0, listed = 0, early_seen = 0;
  gint64 last = 0;

  stw_test_rt_set_scrips (rt, FALSE);
  old = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Older than the rest\"}");
  g_usleep (1100 * 1000);
  for (guint i = 0; i < 105; i++)
    g_string_append_printf (bulk, "%s{\"Queue\":\"General\",\"Subject\":\"Page ticket %u\"}",
                            i > 0 ? "," : "", i);
  g_string_append (bulk, "]");
  reply = stw_test_rt_call (rt, "POST", "/REST/2.0/tickets/bulk", bulk->str);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (reply)), ==, 105);
  made = stw_test_rt_search (rt, "tickets", "Subject LIKE 'Page ticket'");
  g_assert_cmpuint (made->len, ==, 105);

  /* The first pull lists every ticket, page by page, in id order. */
  while (more)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *next = NULL;
      guint sent = requests (backend);

      g_assert_true (stw_sync_backend_pull_page (backend, STW_SYNC_TICKET, cursor, &records, &next,
                                                 &more, NULL, &error));
      g_assert_no_error (error);
      /* One search a page (and one more to begin a run), a few to read
       * the entries of all its tickets, and one to list them whole. */
      g_test_message ("page %u: %u requests", pages + 1, requests (backend) - sent);
      g_assert_cmpuint (requests (backend) - sent, <=, pages == 0 ? 9 : 8);
      pages++;
      g_assert_cmpuint (records->len, ==, more ? 100 : records->len);

      for (guint i = 0; i < records->len; i++)
        {
          StwRemoteRecord *record = g_ptr_array_index (records, i);
          gint64 id = g_ascii_strtoll (record->remote_id, NULL, 10);

          /* A first pull lists tickets whole, with the fields and the
           * version a fetch gives (checked on the first of each page). */
          g_assert_nonnull (record->fields);
          g_assert_nonnull (record->etag);
          if (i == 0)
            {
              g_autoptr(StwRemoteRecord) fetched = NULL;

              fetched = stw_sync_backend_fetch (backend, STW_SYNC_TICKET, record->remote_id, NULL,
                                                &error);
              g_assert_no_error (error);
              g_assert_cmpstr (fetched->etag, ==, record->etag);
              g_assert_cmpstr (fetched->updated, ==, record->updated);
              g_assert_true (json_object_equal (fetched->fields, record->fields));
            }
          g_assert_nonnull (record->updated);
          g_assert_true (g_str_has_suffix (record->updated, "Z"));
          g_assert_cmpint (id, >, last);
          last = id;
          g_assert_true (g_hash_table_add (seen, g_strdup (record->remote_id)));
          listed++;
        }

      /* Between the pages, one ticket already listed and one not yet
       * listed change. */
      if (pages == 1)
        {
          early = g_strdup (((StwRemoteRecord *) g_ptr_array_index (records, 5))->remote_id);
          late = g_strdup (g_ptr_array_index (made, made->len - 1));
          g_assert_false (g_hash_table_contains (seen, late));
          g_usleep (1100 * 1000);
          put_ticket (early, "{\"Subject\":\"Changed early\"}");
          put_ticket (late, "{\"Subject\":\"Changed late\"}");
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
    }
  g_assert_cmpuint (pages, ==, (before->len + 106) / 100 + 1);
  g_assert_cmpuint (listed, ==, before->len + 106);
  g_assert_true (g_hash_table_contains (seen, late));

  /* A ticket of the last page, read with it and unchanged since: one
   * request, entries included. One changed since: read afresh. */
  {
    g_autoptr(StwRemoteRecord) record = NULL;
    g_autoptr(GPtrArray) entries = NULL;
    const char *other = g_ptr_array_index (made, made->len - 2);
    guint sent;

    /* The first fetch learns the queues' names. */
    record = fetch (backend, STW_SYNC_TICKET, g_ptr_array_index (made, made->len - 3));
    g_clear_pointer (&record, stw_remote_record_free);
    sent = requests (backend);
    record = fetch (backend, STW_SYNC_TICKET, late);
    entries = stw_sync_backend_fetch_entries (backend, late, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (requests (backend) - sent, ==, 1);
    g_assert_cmpuint (entries->len, ==, 0);
    g_clear_pointer (&record, stw_remote_record_free);
    g_clear_pointer (&entries, g_ptr_array_unref);

    post_comment (other, "{\"Content\":\"Said after the page\",\"ContentType\":\"text/plain\"}");
    sent = requests (backend);
    record = fetch (backend, STW_SYNC_TICKET, other);
    entries = stw_sync_backend_fetch_entries (backend, other, NULL, &error);
    g_assert_no_error (error);
    /* Three, and one to learn root's address for the comment's author. */
    g_assert_cmpuint (requests (backend) - sent, ==, 4);
    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpstr (entry_field (entries, 0, "Content"), ==, "Said after the page");
  }

  /* The next run starts where this one began: the ticket changed behind
   * it comes, and so does one made since. */
  fresh = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Made after the first pull\"}");
  more = TRUE;
  while (more)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *next = NULL;

      g_assert_true (stw_sync_backend_pull_page (backend, STW_SYNC_TICKET, cursor, &records, &next,
                                                 &more, NULL, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < records->len; i++)
        {
          StwRemoteRecord *record = g_ptr_array_index (records, i);

          /* Changed since the previous run began: listed whole, with
           * its current version, so the engine takes it even if RT's
           * second is the one it has. */
          if (g_str_equal (record->remote_id, early) || g_strcmp0 (record->remote_id, fresh) == 0)
            {
              g_autoptr(StwRemoteRecord) now = fetch (backend, STW_SYNC_TICKET, record->remote_id);

              g_assert_nonnull (record->fields);
              g_assert_cmpstr (record->etag, ==, now->etag);
              g_assert_true (json_object_equal (record->fields, now->fields));
              if (g_str_equal (record->remote_id, early))
                early_seen++;
              else
                g_clear_pointer (&fresh, g_free);
            }
          /* Unchanged since before it: its time, which the engine has. */
          if (g_str_equal (record->remote_id, old))
            {
              g_autoptr(StwRemoteRecord) now = fetch (backend, STW_SYNC_TICKET, old);

              g_assert_cmpstr (record->updated, ==, now->updated);
              old_seen = TRUE;
            }
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
    }
  g_assert_cmpuint (early_seen, ==, 1);
  g_assert_null (fresh);
  g_assert_true (old_seen);

  stw_test_rt_set_scrips (rt, TRUE);
}

/* TicketSQL reads dates in the user's time zone, whatever they say. */
static void
test_pull_time_zone (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  StwRtBackend *self = STW_RT_BACKEND (backend);
  g_autofree char *old = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Zone old\"}");
  g_autofree char *recent = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Zone recent\"}");
  g_autofree char *code = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *old_time = NULL;
  g_autofree char *recent_time = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE, saw_old = FALSE, saw_recent = FALSE;
  gint64 now = g_get_real_time ();
  StwRtCursor done = { 0, now - 10 * 60 * G_GINT64_CONSTANT (1000000), 0, TRUE };

  /* Last changed 3 hours before the previous run began (too old to be
   * listed again) and 30 minutes before it (in the margin kept for
   * summer time: listed). */
  old_time = stw_rt_format_sql_time (done.mark - G_GINT64_CONSTANT (3) * 3600 * G_USEC_PER_SEC);
  recent_time = stw_rt_format_sql_time (done.mark - G_GINT64_CONSTANT (30) * 60 * G_USEC_PER_SEC);
  code = g_strdup_printf ("my $t = RT::Ticket->new (RT->SystemUser);"
                          "$t->Load (%s); $t->__Set (Field => 'LastUpdated', Value => '%s');"
                          "$t->Load (%s); $t->__Set (Field => 'LastUpdated', Value => '%s');",
                          old, old_time, recent, recent_time);
  stw_test_rt_perl (rt, code);
  /* India is 5:30 ahead of UTC, all year. */
  put ("/REST/2.0/user/root", "{\"Timezone\":\"Asia/Kolkata\"}");

  cursor = stw_rt_cursor_format (&done);
  while (more)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *next = NULL;

      g_assert_true (stw_sync_backend_pull_page (backend, STW_SYNC_TICKET, cursor, &records, &next,
                                                 &more, NULL, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < records->len; i++)
        {
          StwRemoteRecord *record = g_ptr_array_index (records, i);

          saw_old |= g_str_equal (record->remote_id, old);
          saw_recent |= g_str_equal (record->remote_id, recent);
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
    }
  put ("/REST/2.0/user/root", "{\"Timezone\":\"\"}");

  g_assert_true (self->query_offset_known);
  g_assert_cmpint (self->query_offset, ==, 5 * 3600 + 30 * 60);
  g_assert_true (saw_recent);
  g_assert_false (saw_old);
}

static void
test_fetch_ticket (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autofree char *queue = stw_test_rt_create (rt, "/REST/2.0/queue", "{\"Name\":\"Hardware\"}");
  g_autofree char *id = make_ticket ("{\"Queue\":\"Hardware\",\"Subject\":\"Printer jams\","
                                     "\"Content\":\"Tray 2 eats paper\",\"Owner\":\"root\","
                                     "\"Requestor\":\"alice@example.invalid\",\"Priority\":75,"
                                     "\"Due\":\"2026-12-01 12:00:00\"}");
  g_autofree char *bare = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Bare\"}");
  g_autofree char *etag = ticket_etag (id);
  g_autoptr(StwRemoteRecord) record = fetch (backend, STW_SYNC_TICKET, id);
  g_autoptr(StwRemoteRecord) plain = fetch (backend, STW_SYNC_TICKET, bare);
  g_autoptr(JsonObject) local = NULL;

  g_assert_cmpstr (record->remote_id, ==, id);
  g_assert_cmpstr (record->etag, ==, etag);
  g_assert_null (strchr (record->etag, '"'));
  g_assert_nonnull (record->updated);
  g_assert_cmpstr (field (record, "Subject"), ==, "Printer jams");
  g_assert_cmpstr (field (record, "Status"), ==, "new");
  g_assert_cmpint (number (record, "Priority"), ==, 75);
  g_assert_cmpstr (field (record, "Queue"), ==, "Hardware");
  g_assert_cmpstr (field (record, "Owner"), ==, "root@localhost");
  g_assert_cmpstr (field (record, "Requestor"), ==, "alice@example.invalid");
  g_assert_cmpstr (field (record, "Due"), ==, "2026-12-01T12:00:00Z");
  g_assert_cmpstr (field (record, "Content"), ==, "Tray 2 eats paper");
  g_assert_cmpint (number (record, "TimeWorked"), ==, 0);
  g_assert_true (g_str_has_suffix (field (record, "Created"), "Z"));

  g_assert_null (field (plain, "Owner"));
  g_assert_null (field (plain, "Requestor"));
  g_assert_null (field (plain, "Due"));
  g_assert_null (field (plain, "Content"));
  g_assert_cmpint (number (plain, "Priority"), ==, 0);

  local = stw_sync_backend_from_remote (backend, STW_SYNC_TICKET, record->fields, NULL);
  g_assert_cmpstr (json_object_get_string_member (local, "title"), ==, "Printer jams");
  g_assert_cmpint (json_object_get_int_member (local, "priority"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (local, "assignee"), ==, "root@localhost");
  g_assert_cmpstr (json_object_get_string_member (local, "description"), ==, "Tray 2 eats paper");

  /* Gone: never there, or deleted (RT keeps it, marked deleted). */
  assert_not_found (backend, STW_SYNC_TICKET, "999999");
  delete_ticket (bare);
  assert_not_found (backend, STW_SYNC_TICKET, bare);
  g_assert_nonnull (queue);
}

char *
make_asset (const char *json)
{
  return stw_test_rt_create (rt, "/REST/2.0/asset", json);
}

static void
test_fetch_asset (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new ("General assets");
  g_autofree char *id = make_asset ("{\"Name\":\"LT-0042\",\"Catalog\":\"General assets\","
                                    "\"Description\":\"Spare\",\"Status\":\"allocated\","
                                    "\"Owner\":\"root\",\"HeldBy\":\"bob@example.invalid\","
                                    "\"CustomFields\":{\"Serial Number\":\"SN-42\","
                                    "\"Asset Tag\":\"A-0042\",\"Category\":\"Notebook\","
                                    "\"Manufacturer\":\"Lenovo\",\"Warranty End\":\"2028-01-31\"}}");
  g_autofree char *untagged = make_asset ("{\"Name\":\"Dock\",\"Catalog\":\"General assets\"}");
  g_autoptr(StwRemoteRecord) record = fetch (backend, STW_SYNC_ASSET, id);
  g_autoptr(StwRemoteRecord) bare = fetch (backend, STW_SYNC_ASSET, untagged);
  g_autoptr(JsonObject) local = NULL;
  g_autoptr(JsonObject) dock = NULL;
  g_autofree char *path = g_strdup_printf ("/REST/2.0/asset/%s", untagged);

  g_assert_nonnull (record->etag);
  g_assert_cmpstr (field (record, "Name"), ==, "LT-0042");
  g_assert_cmpstr (field (record, "Description"), ==, "Spare");
  g_assert_cmpstr (field (record, "Status"), ==, "allocated");
  g_assert_cmpstr (field (record, "Catalog"), ==, "General assets");
  g_assert_cmpstr (field (record, "Owner"), ==, "root@localhost");
  g_assert_cmpstr (field (record, "HeldBy"), ==, "bob@example.invalid");
  g_assert_cmpstr (field (record, "Serial Number"), ==, "SN-42");
  g_assert_cmpstr (field (record, "Asset Tag"), ==, "A-0042");
  g_assert_cmpstr (field (record, "Category"), ==, "Notebook");
  g_assert_cmpstr (field (record, "Manufacturer"), ==, "Lenovo");
  g_assert_null (field (record, "Model"));
  /* This RT has no Supplier field: the record does not pretend. */
  g_assert_false (json_object_has_member (record->fields, "Supplier"));

  local = stw_sync_backend_from_remote (backend, STW_SYNC_ASSET, record->fields, NULL);
  g_assert_cmpstr (json_object_get_string_member (local, "tag"), ==, "A-0042");
  g_assert_cmpstr (json_object_get_string_member (local, "category"), ==, "laptop");
  g_assert_cmpstr (json_object_get_string_member (local, "status"), ==, "deployed");
  g_assert_cmpstr (json_object_get_string_member (local, "person"), ==, "bob@example.invalid");
  g_assert_cmpstr (json_object_get_string_member (local, "warranty_end"), ==, "2028-01-31");

  dock = stw_sync_backend_from_remote (backend, STW_SYNC_ASSET, bare->fields, NULL);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (dock, "tag"), "RT-"));
  g_assert_cmpstr (json_object_get_string_member (dock, "tag") + 3, ==, untagged);
  g_assert_cmpstr (json_object_get_string_member (dock, "status"), ==, "in-stock");

  /* RT marks a deleted asset; to Steward it is gone. */
  put (path, "{\"Status\":\"deleted\"}");
  assert_not_found (backend, STW_SYNC_ASSET, untagged);
  assert_not_found (backend, STW_SYNC_ASSET, "424242");
}

const char *
entry_field (GPtrArray  *entries,
             guint       index,
             const char *name)
{
  StwRemoteRecord *record = g_ptr_array_index (entries, index);

  return json_object_get_string_member (record->fields, name);
}

static void
post_message (const char *id,
              const char *kind,
              const char *json)
{
  g_autofree char *path = g_strdup_printf ("/REST/2.0/ticket/%s/%s", id, kind);
  g_autoptr(JsonNode) reply = stw_test_rt_call (rt, "POST", path, json);
}

static void
test_entries (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autoptr(StwSyncBackend) other = backend_new (NULL);
  g_autofree char *id = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Entries\","
                                     "\"Content\":\"The first message\","
                                     "\"Requestor\":\"carol@example.invalid\"}");
  g_autoptr(StwRemoteRecord) record = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  guint sent;

  post_message (id, "comment", "{\"Content\":\"An internal note\",\"ContentType\":\"text/plain\"}");
  post_message (id, "comment", "{\"Content\":\"Cleaned the rollers\",\"ContentType\":\"text/plain\","
                               "\"TimeTaken\":25}");
  post_message (id, "correspond", "{\"Content\":\"Fixed, please try\",\"ContentType\":\"text/plain\"}");
  put_ticket (id, "{\"Status\":\"stalled\"}");
  /* Sent as HTML only, with a file: the text is the HTML's. */
  post_message (id, "correspond", "{\"Content\":\"<p>Still <b>broken</b>?</p>\","
                                  "\"ContentType\":\"text/html\",\"Attachments\":[{"
                                  "\"FileName\":\"log.txt\",\"FileType\":\"text/plain\","
                                  "\"FileContent\":\"bG9nIGxpbmU=\"}]}");

  /* The ticket and its entries: three requests in all, once the queue
   * and user names are known (the first ticket asks for those). */
  g_clear_pointer (&record, stw_remote_record_free);
  record = fetch (backend, STW_SYNC_TICKET, id);
  g_clear_pointer (&record, stw_remote_record_free);
  sent = requests (backend);
  record = fetch (backend, STW_SYNC_TICKET, id);
  entries = stw_sync_backend_fetch_entries (backend, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests (backend) - sent, ==, 3);
  g_assert_cmpstr (field (record, "Content"), ==, "The first message");

  /* Oldest first; no Create, no autoreply or notification, no status. */
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (entry_field (entries, 0, "Type"), ==, "Comment");
  g_assert_cmpstr (entry_field (entries, 0, "Content"), ==, "An internal note");
  g_assert_cmpstr (entry_field (entries, 1, "Content"), ==, "Cleaned the rollers");
  g_assert_cmpint (json_object_get_int_member (((StwRemoteRecord *) g_ptr_array_index (entries, 1))->fields,
                                               "TimeTaken"), ==, 25);
  g_assert_cmpstr (entry_field (entries, 2, "Type"), ==, "Correspond");
  g_assert_cmpstr (entry_field (entries, 2, "Content"), ==, "Fixed, please try");
  g_assert_cmpstr (entry_field (entries, 3, "Content"), ==, "Still broken?");
  for (guint i = 0; i < entries->len; i++)
    {
      StwRemoteRecord *entry = g_ptr_array_index (entries, i);
      g_autoptr(JsonObject) local = stw_sync_backend_from_remote (backend, STW_SYNC_ENTRY,
                                                                  entry->fields, NULL);
      const char *kinds[] = { "internal", "work", "comment", "comment" };

      g_assert_cmpstr (entry->parent_id, ==, id);
      g_assert_cmpstr (entry_field (entries, i, "Creator"), ==, "root@localhost");
      g_assert_true (g_str_has_suffix (entry_field (entries, i, "Created"), "Z"));
      g_assert_cmpstr (json_object_get_string_member (local, "kind"), ==, kinds[i]);
      if (i > 0)
        g_assert_cmpint (g_ascii_strtoll (entry->remote_id, NULL, 10), >,
                         g_ascii_strtoll (((StwRemoteRecord *) g_ptr_array_index (entries, i - 1))->remote_id,
                                          NULL, 10));
    }

  /* Without a fetch just before: two requests, the same entries (the
   * second backend knows the users from a fetch of its own). */
  g_clear_pointer (&again, g_ptr_array_unref);
  again = stw_sync_backend_fetch_entries (other, id, NULL, &error);
  g_clear_pointer (&again, g_ptr_array_unref);
  sent = requests (other);
  again = stw_sync_backend_fetch_entries (other, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests (other) - sent, ==, 2);
  g_assert_cmpuint (again->len, ==, entries->len);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpstr (((StwRemoteRecord *) g_ptr_array_index (again, i))->remote_id, ==,
                     ((StwRemoteRecord *) g_ptr_array_index (entries, i))->remote_id);
}

static void
test_list_ids (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autofree char *doomed = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Doomed\"}");
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GError) error = NULL;

  delete_ticket (doomed);
  expected = stw_test_rt_search (rt, "tickets", "id > 0");
  ids = stw_sync_backend_list_ids (backend, STW_SYNC_TICKET, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, expected->len);
  g_assert_cmpuint (ids->len, >, 100);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (ids, i), ==, g_ptr_array_index (expected, i));
      g_assert_cmpstr (g_ptr_array_index (ids, i), !=, doomed);
    }
  g_assert_cmpuint (requests (backend), ==, ids->len / 100 + 1);

  assets = stw_sync_backend_list_ids (backend, STW_SYNC_ASSET, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assets->len, ==, count ("assets", "id > 0"));
}

static void
test_accepts (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autoptr(StwSyncBackend) with_catalog = backend_new ("General assets");
  g_autoptr(JsonObject) general = object ("{\"title\":\"x\",\"queue\":\"general\"}");
  g_autoptr(JsonObject) elsewhere = object ("{\"title\":\"x\",\"queue\":\"Facilities\"}");
  g_autoptr(JsonObject) nowhere = object ("{\"title\":\"x\",\"queue\":null}");
  g_autoptr(JsonObject) asset = object ("{\"name\":\"x\"}");
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_sync_backend_accepts (backend, STW_SYNC_TICKET, general, NULL, &error));
  g_assert_false (stw_sync_backend_accepts (backend, STW_SYNC_TICKET, elsewhere, NULL, &error));
  g_assert_false (stw_sync_backend_accepts (backend, STW_SYNC_TICKET, nowhere, NULL, &error));
  g_assert_no_error (error);
  /* The queues are asked for once. */
  g_assert_cmpuint (requests (backend), ==, 1);

  g_assert_false (stw_sync_backend_accepts (backend, STW_SYNC_ASSET, asset, NULL, &error));
  g_assert_true (stw_sync_backend_accepts (with_catalog, STW_SYNC_ASSET, asset, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  rt = stw_test_rt_start ();
  if (rt == NULL)
    {
      g_print ("1..0 # SKIP Request Tracker is not installed, and this user cannot install it\n");
      return 0;
    }

  /* Asset fields as an RT site might have them; no Supplier. */
  stw_test_rt_perl (rt, "for my $name ('Serial Number', 'Manufacturer', 'Model', 'Asset Tag',"
                        "              'Category', 'Warranty End') {"
                        "  my $cf = RT::CustomField->new (RT->SystemUser);"
                        "  my ($ok, $msg) = $cf->Create (Name => $name, Type => 'Freeform',"
                        "    MaxValues => 1, LookupType => 'RT::Catalog-RT::Asset');"
                        "  die $msg unless $ok;"
                        "  ($ok, $msg) = $cf->AddToObject (RT::Catalog->new (RT->SystemUser));"
                        "  die $msg unless $ok; }");

  g_test_add_func ("/steward/integration/rt-backend/check", test_check);
  g_test_add_func ("/steward/integration/rt-backend/pull-pages", test_pull_pages);
  g_test_add_func ("/steward/integration/rt-backend/pull-time-zone", test_pull_time_zone);
  g_test_add_func ("/steward/integration/rt-backend/fetch-ticket", test_fetch_ticket);
  g_test_add_func ("/steward/integration/rt-backend/fetch-asset", test_fetch_asset);
  g_test_add_func ("/steward/integration/rt-backend/entries", test_entries);
  g_test_add_func ("/steward/integration/rt-backend/list-ids", test_list_ids);
  g_test_add_func ("/steward/integration/rt-backend/accepts", test_accepts);
  add_write_tests ();

  status = g_test_run ();
  stw_test_rt_stop (rt);
  return status;
}

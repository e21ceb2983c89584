/* test-rt-backend-write.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "store/stw-sync-store.h"
#include "sync/stw-rt-private.h"
#include "test-rt-backend.h"

/* The RT backend's writes against a real RT: creates (and creates whose
 * answer was lost), updates with If-Match, removes. */

static GHashTable *
linked_set (const char *id)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (id != NULL)
    g_hash_table_add (set, g_strdup (id));
  return set;
}

/* A local ticket goes to RT; the answer is then "lost" and looked for. */
static void
test_create_ticket (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autoptr(JsonObject) local = object (
    "{\"title\":\"It's a \\\"quoted\\\" \\\\ subject\",\"description\":\"Made in Steward\","
    "\"type\":\"incident\",\"status\":\"pending\",\"priority\":1,\"queue\":\"hardware\","
    "\"assignee\":\"root@localhost\",\"requester\":\"dave@example.invalid\","
    "\"due\":\"2026-12-24T18:00:00Z\"}");
  g_autoptr(JsonObject) fields = stw_sync_backend_to_remote (backend, STW_SYNC_TICKET, local);
  g_autoptr(JsonObject) nowhere = object ("{\"Subject\":\"Lost\",\"Queue\":\"Nope\"}");
  g_autoptr(StwRemoteRecord) created = NULL;
  g_autoptr(StwRemoteRecord) found = NULL;
  g_autoptr(StwRemoteRecord) none = NULL;
  g_autoptr(StwRemoteRecord) refused = NULL;
  g_autoptr(GHashTable) linked = linked_set (NULL);
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(JsonObject) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sent = g_get_real_time ();

  created = stw_sync_backend_create (backend, STW_SYNC_TICKET, fields, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (created->etag);
  g_assert_cmpstr (field (created, "Subject"), ==, "It's a \"quoted\" \\ subject");
  g_assert_cmpstr (field (created, "Queue"), ==, "Hardware");
  g_assert_cmpstr (field (created, "Status"), ==, "stalled");
  g_assert_cmpint (number (created, "Priority"), ==, 100);
  g_assert_cmpstr (field (created, "Owner"), ==, "root@localhost");
  g_assert_cmpstr (field (created, "Requestor"), ==, "dave@example.invalid");
  g_assert_cmpstr (field (created, "Due"), ==, "2026-12-24T18:00:00Z");
  g_assert_cmpstr (field (created, "Content"), ==, "Made in Steward");

  /* What came back is what was sent, in Steward's terms too. */
  back = stw_sync_backend_from_remote (backend, STW_SYNC_TICKET, created->fields, local);
  g_assert_cmpstr (json_object_get_string_member (back, "status"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (back, "priority"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (back, "queue"), ==, "Hardware");

  /* Found again, once; not when it is linked already. */
  found = stw_sync_backend_find_created (backend, STW_SYNC_TICKET, fields, NULL, sent, linked,
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->remote_id, ==, created->remote_id);
  g_assert_cmpstr (field (found, "Subject"), ==, field (created, "Subject"));
  taken = linked_set (created->remote_id);
  none = stw_sync_backend_find_created (backend, STW_SYNC_TICKET, fields, NULL, sent, taken,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  /* Sent after it was made: not it. */
  g_clear_pointer (&none, stw_remote_record_free);
  none = stw_sync_backend_find_created (backend, STW_SYNC_TICKET, fields, NULL,
                                        g_get_real_time () + 5 * 60 * G_USEC_PER_SEC, linked,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpuint (count ("tickets", "Subject LIKE 'quoted'"), ==, 1);

  /* A queue RT does not have is refused before anything is sent. */
  refused = stw_sync_backend_create (backend, STW_SYNC_TICKET, nowhere, NULL, NULL, &error);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED);
  g_assert_null (refused);
  g_assert_cmpuint (count ("tickets", "Subject = 'Lost'"), ==, 0);
}

static void
test_create_entry (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new (NULL);
  g_autofree char *id = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"Entries from here\"}");
  const char *locals[] = {
    "{\"kind\":\"comment\",\"body\":\"Please reboot\",\"minutes\":0}",
    "{\"kind\":\"internal\",\"body\":\"Reboots did not help\",\"minutes\":0}",
    "{\"kind\":\"work\",\"body\":\"Replaced the disk\",\"minutes\":40}",
  };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locals); i++)
    {
      g_autoptr(JsonObject) local = object (locals[i]);
      g_autoptr(JsonObject) fields = stw_sync_backend_to_remote (backend, STW_SYNC_ENTRY, local);
      g_autoptr(StwRemoteRecord) created = NULL;
      g_autoptr(StwRemoteRecord) found = NULL;
      g_autoptr(StwRemoteRecord) none = NULL;
      g_autoptr(GHashTable) linked = linked_set (NULL);
      g_autoptr(GHashTable) taken = NULL;
      g_autoptr(JsonObject) back = NULL;
      gint64 sent = g_get_real_time ();

      created = stw_sync_backend_create (backend, STW_SYNC_ENTRY, fields, id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (created->parent_id, ==, id);
      back = stw_sync_backend_from_remote (backend, STW_SYNC_ENTRY, created->fields, NULL);
      g_assert_cmpstr (json_object_get_string_member (back, "kind"), ==,
                       json_object_get_string_member (local, "kind"));
      g_assert_cmpstr (json_object_get_string_member (back, "body"), ==,
                       json_object_get_string_member (local, "body"));
      g_assert_cmpint (json_object_get_int_member (back, "minutes"), ==,
                       json_object_get_int_member (local, "minutes"));

      found = stw_sync_backend_find_created (backend, STW_SYNC_ENTRY, fields, id, sent, linked,
                                             NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_cmpstr (found->remote_id, ==, created->remote_id);
      taken = linked_set (created->remote_id);
      none = stw_sync_backend_find_created (backend, STW_SYNC_ENTRY, fields, id, sent, taken,
                                            NULL, &error);
      g_assert_no_error (error);
      g_assert_null (none);
    }

  /* The remote ids are RT's transactions: fetch_entries finds them. */
  entries = stw_sync_backend_fetch_entries (backend, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (entry_field (entries, 0, "Type"), ==, "Correspond");
  g_assert_cmpstr (entry_field (entries, 2, "Content"), ==, "Replaced the disk");
}

static void
test_create_asset (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new ("General assets");
  g_autoptr(StwSyncBackend) no_catalog = backend_new (NULL);
  g_autoptr(JsonObject) local = object (
    "{\"name\":\"SRV-9\",\"tag\":\"A-0900\",\"serial\":\"XZ-9\",\"category\":\"server\","
    "\"manufacturer\":\"Dell\",\"model\":\"R650\",\"status\":\"deployed\",\"person\":null,"
    "\"notes\":\"Rack 3\",\"supplier\":\"ACME\",\"purchase_date\":null,"
    "\"warranty_end\":\"2029-06-30\"}");
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(StwRemoteRecord) created = NULL;
  g_autoptr(StwRemoteRecord) found = NULL;
  g_autoptr(StwRemoteRecord) refused = NULL;
  g_autoptr(GHashTable) linked = linked_set (NULL);
  g_autoptr(GError) error = NULL;
  gint64 sent = g_get_real_time ();

  /* Learns which fields RT has (no Supplier here) on its first read. */
  g_assert_nonnull (stw_rt_custom_fields (STW_RT_BACKEND (backend), NULL, &error));
  fields = stw_sync_backend_to_remote (backend, STW_SYNC_ASSET, local);
  g_assert_false (json_object_has_member (fields, "Supplier"));

  created = stw_sync_backend_create (backend, STW_SYNC_ASSET, fields, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (field (created, "Name"), ==, "SRV-9");
  g_assert_cmpstr (field (created, "Catalog"), ==, "General assets");
  g_assert_cmpstr (field (created, "Status"), ==, "in-use");
  g_assert_cmpstr (field (created, "Description"), ==, "Rack 3");
  g_assert_cmpstr (field (created, "Asset Tag"), ==, "A-0900");
  g_assert_cmpstr (field (created, "Category"), ==, "Server");
  g_assert_cmpstr (field (created, "Warranty End"), ==, "2029-06-30");
  g_assert_null (field (created, "HeldBy"));

  found = stw_sync_backend_find_created (backend, STW_SYNC_ASSET, fields, NULL, sent, linked, NULL,
                                         &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->remote_id, ==, created->remote_id);

  refused = stw_sync_backend_create (no_catalog, STW_SYNC_ASSET, fields, NULL, NULL, &error);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED);
  g_assert_null (refused);
}

static void
test_update (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new ("General assets");
  g_autofree char *id = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"To update\","
                                     "\"Content\":\"Old words\",\"Due\":\"2026-12-01 09:00:00\"}");
  g_autofree char *asset = make_asset ("{\"Name\":\"PC-5\",\"Catalog\":\"General assets\"}");
  g_autoptr(StwRemoteRecord) before = fetch (backend, STW_SYNC_TICKET, id);
  g_autoptr(StwRemoteRecord) after = NULL;
  g_autoptr(StwRemoteRecord) stale = NULL;
  g_autoptr(StwRemoteRecord) refused = NULL;
  g_autoptr(StwRemoteRecord) described = NULL;
  g_autoptr(StwRemoteRecord) again = NULL;
  g_autofree char *comments = NULL;
  g_autoptr(StwRemoteRecord) asset_before = fetch (backend, STW_SYNC_ASSET, asset);
  g_autoptr(StwRemoteRecord) asset_after = NULL;
  g_autoptr(StwRemoteRecord) asset_stale = NULL;
  g_autoptr(JsonObject) changed = object ("{\"Subject\":\"Updated\",\"Status\":\"open\","
                                          "\"Priority\":25,\"Owner\":\"root@localhost\","
                                          "\"Due\":null,\"Queue\":\"hardware\"}");
  g_autoptr(JsonObject) lost = object ("{\"Subject\":\"Lost edit\"}");
  g_autoptr(JsonObject) stranger = object ("{\"Owner\":\"nobody-here@example.invalid\"}");
  g_autoptr(JsonObject) words = object ("{\"Content\":\"New words\"}");
  g_autoptr(JsonObject) asset_changed = object ("{\"HeldBy\":\"erin@example.invalid\","
                                                "\"Serial Number\":\"NEW-SN\",\"Status\":\"in-use\"}");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  after = stw_sync_backend_update (backend, STW_SYNC_TICKET, id, before->etag, changed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->etag, !=, before->etag);
  g_assert_cmpstr (field (after, "Subject"), ==, "Updated");
  g_assert_cmpstr (field (after, "Status"), ==, "open");
  g_assert_cmpint (number (after, "Priority"), ==, 25);
  g_assert_cmpstr (field (after, "Owner"), ==, "root@localhost");
  g_assert_null (field (after, "Due"));
  /* Named here in another case: RT's name. */
  g_assert_cmpstr (field (after, "Queue"), ==, "Hardware");
  g_assert_cmpstr (field (after, "Content"), ==, "Old words");

  /* Based on the old version: 412, and RT keeps what it had. */
  stale = stw_sync_backend_update (backend, STW_SYNC_TICKET, id, before->etag, lost, NULL, &error);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE);
  g_assert_null (stale);
  g_clear_error (&error);
  g_clear_pointer (&stale, stw_remote_record_free);
  stale = fetch (backend, STW_SYNC_TICKET, id);
  g_assert_cmpstr (field (stale, "Subject"), ==, "Updated");
  g_assert_cmpstr (stale->etag, ==, after->etag);

  /* RT answers 200 to an owner it does not know; the backend tells. */
  refused = stw_sync_backend_update (backend, STW_SYNC_TICKET, id, after->etag, stranger, NULL,
                                     &error);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED);
  g_assert_null (refused);
  g_clear_error (&error);

  /* A new description goes as a comment, and reads as the description. */
  described = stw_sync_backend_update (backend, STW_SYNC_TICKET, id, after->etag, words, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (field (described, "Content"), ==, "New words");
  g_assert_cmpstr (field (described, "Subject"), ==, "Updated");
  entries = stw_sync_backend_fetch_entries (backend, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  /* Sent again (an engine that lost the answer): no second comment. */
  again = stw_sync_backend_update (backend, STW_SYNC_TICKET, id, described->etag, words, NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (field (again, "Content"), ==, "New words");
  comments = g_strdup_printf ("ObjectType = 'RT::Ticket' AND ObjectId = %s AND Type = 'Comment'", id);
  g_assert_cmpuint (count ("transactions", comments), ==, 1);
  g_assert_cmpuint (count ("tickets", "Subject = 'Lost edit'"), ==, 0);

  asset_after = stw_sync_backend_update (backend, STW_SYNC_ASSET, asset, asset_before->etag,
                                         asset_changed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (field (asset_after, "HeldBy"), ==, "erin@example.invalid");
  g_assert_cmpstr (field (asset_after, "Serial Number"), ==, "NEW-SN");
  g_assert_cmpstr (field (asset_after, "Status"), ==, "in-use");
  asset_stale = stw_sync_backend_update (backend, STW_SYNC_ASSET, asset, asset_before->etag,
                                         asset_changed, NULL, &error);
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE);
  g_assert_null (asset_stale);
}

static void
test_remove (void)
{
  g_autoptr(StwSyncBackend) backend = backend_new ("General assets");
  g_autofree char *id = make_ticket ("{\"Queue\":\"General\",\"Subject\":\"To remove\"}");
  g_autofree char *asset = make_asset ("{\"Name\":\"Old phone\",\"Catalog\":\"General assets\"}");
  g_autofree char *old_etag = ticket_etag (id);
  g_autofree char *etag = NULL;
  g_autofree char *asset_path = g_strdup_printf ("/REST/2.0/asset/%s", asset);
  g_autofree char *asset_etag = stw_test_rt_etag (rt, asset_path);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  put_ticket (id, "{\"Priority\":10}");
  etag = ticket_etag (id);

  g_assert_false (stw_sync_backend_remove (backend, STW_SYNC_TICKET, id, old_etag, NULL, &error));
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_STALE);
  g_clear_error (&error);
  g_assert_cmpuint (count ("tickets", "Subject = 'To remove'"), ==, 1);

  g_assert_true (stw_sync_backend_remove (backend, STW_SYNC_TICKET, id, etag, NULL, &error));
  g_assert_no_error (error);
  assert_not_found (backend, STW_SYNC_TICKET, id);
  ids = stw_sync_backend_list_ids (backend, STW_SYNC_TICKET, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), !=, id);

  g_assert_true (stw_sync_backend_remove (backend, STW_SYNC_ASSET, asset, asset_etag, NULL, &error));
  g_assert_no_error (error);
  assert_not_found (backend, STW_SYNC_ASSET, asset);

  /* RT keeps every comment. */
  g_assert_false (stw_sync_backend_remove (backend, STW_SYNC_ENTRY, "1", NULL, NULL, &error));
  g_assert_error (error, STW_SYNC_ERROR, STW_SYNC_ERROR_REFUSED);
}

void
add_write_tests (void)
{
  g_test_add_func ("/steward/integration/rt-backend/create-ticket", test_create_ticket);
  g_test_add_func ("/steward/integration/rt-backend/create-entry", test_create_entry);
  g_test_add_func ("/steward/integration/rt-backend/create-asset", test_create_asset);
  g_test_add_func ("/steward/integration/rt-backend/update", test_update);
  g_test_add_func ("/steward/integration/rt-backend/remove", test_remove);
}

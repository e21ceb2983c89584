/* test-rt-map.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/stw-ticket-rules.h"
#include "store/stw-sync-store.h"
#include "sync/stw-rt-private.h"

/*
 * The RT backend's translation between Steward's terms and RT's, its
 * dates, TicketSQL quoting and pull cursor: everything that needs no
 * server. What RT itself does is tested in tests/integration.
 */

static JsonObject *
object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  return json_node_dup_object (node);
}

static char *
text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Every member of @expected_json is in @actual, with the same value. */
static void
assert_fields (const char *expected_json,
               JsonObject *actual)
{
  g_autoptr(JsonObject) expected = object (expected_json);
  g_autoptr(GList) names = json_object_get_members (expected);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (!json_object_has_member (actual, l->data))
        {
          g_autofree char *all = text (actual);

          g_error ("%s is missing from %s", (char *) l->data, all);
        }
      a = json_to_string (json_object_get_member (expected, l->data), FALSE);
      b = json_to_string (json_object_get_member (actual, l->data), FALSE);
      if (g_strcmp0 (a, b) != 0)
        g_error ("%s: expected %s, got %s", (char *) l->data, a, b);
    }
}

/* ------------------------------------------------------------------------ */

static void
test_priority (void)
{
  /* Every Steward priority comes back from RT as it went. */
  for (int p = STW_PRIORITY_HIGHEST; p <= STW_PRIORITY_LOWEST; p++)
    g_assert_cmpint (stw_rt_priority_from_remote (stw_rt_priority_to_remote (p)), ==, p);

  /* RT's Low, Medium and High (0, 50, 100) and the quarters between
   * survive a pull and a push unchanged. */
  for (int rt = 0; rt <= 100; rt += 25)
    g_assert_cmpint (stw_rt_priority_to_remote (stw_rt_priority_from_remote (rt)), ==, rt);

  g_assert_cmpint (stw_rt_priority_to_remote (1), ==, 100);
  g_assert_cmpint (stw_rt_priority_to_remote (5), ==, 0);
  g_assert_cmpint (stw_rt_priority_from_remote (88), ==, 1);
  g_assert_cmpint (stw_rt_priority_from_remote (87), ==, 2);
  g_assert_cmpint (stw_rt_priority_from_remote (42), ==, 3);
  g_assert_cmpint (stw_rt_priority_from_remote (12), ==, 5);
  g_assert_cmpint (stw_rt_priority_from_remote (-3), ==, 5);
  g_assert_cmpint (stw_rt_priority_from_remote (250), ==, 1);
  /* Out of range here: the nearest level. */
  g_assert_cmpint (stw_rt_priority_to_remote (0), ==, 100);
  g_assert_cmpint (stw_rt_priority_to_remote (9), ==, 0);
}

static void
test_ticket_status (void)
{
  const char *rt_statuses[] = { "new", "open", "stalled", "resolved", "rejected" };

  for (StwTicketType type = 0; type < STW_N_TICKET_TYPES; type++)
    {
      const char *key = stw_ticket_type_to_key (type);
      const StwTicketStatus *statuses;
      guint n;

      /* A status sent and read back stays, even where RT has one word
       * for several (open: assigned, in progress, known error…). */
      statuses = stw_ticket_type_get_statuses (type, &n);
      for (guint i = 0; i < n; i++)
        {
          const char *status = stw_ticket_status_to_key (statuses[i]);
          const char *rt = stw_rt_status_to_remote (key, status);

          g_assert_cmpstr (stw_rt_status_from_remote (key, rt, status), ==, status);
        }

      /* Whatever RT says is a status the type has. */
      for (guint i = 0; i < G_N_ELEMENTS (rt_statuses); i++)
        {
          const char *status = stw_rt_status_from_remote (key, rt_statuses[i], NULL);
          StwTicketStatus value;

          g_assert_true (stw_ticket_status_from_key (status, &value));
          g_assert_true (stw_ticket_type_has_status (type, value));
          /* …and goes back as it came, but for a rejected incident,
           * which Steward can only close. */
          if (type == STW_TICKET_TYPE_CHANGE || !g_str_equal (rt_statuses[i], "rejected"))
            g_assert_cmpstr (stw_rt_status_to_remote (key, status), ==, rt_statuses[i]);
        }

      /* A status of the server's own lifecycle keeps what is here. */
      g_assert_cmpstr (stw_rt_status_from_remote (key, "waiting-for-parts",
                                                  stw_ticket_status_to_key (statuses[1])),
                       ==, stw_ticket_status_to_key (statuses[1]));
    }

  g_assert_cmpstr (stw_rt_status_from_remote ("incident", "open", NULL), ==, "in-progress");
  g_assert_cmpstr (stw_rt_status_from_remote ("incident", "open", "assigned"), ==, "assigned");
  g_assert_cmpstr (stw_rt_status_from_remote ("incident", "open", "new"), ==, "in-progress");
  g_assert_cmpstr (stw_rt_status_from_remote ("incident", "resolved", "closed"), ==, "closed");
  g_assert_cmpstr (stw_rt_status_from_remote ("incident", "rejected", NULL), ==, "closed");
  g_assert_cmpstr (stw_rt_status_from_remote ("problem", "open", "known-error"), ==, "known-error");
  g_assert_cmpstr (stw_rt_status_from_remote ("change", "new", NULL), ==, "requested");
  g_assert_cmpstr (stw_rt_status_from_remote ("change", "stalled", "approved"), ==, "scheduled");
  g_assert_cmpstr (stw_rt_status_from_remote ("change", "resolved", NULL), ==, "implemented");
  g_assert_cmpstr (stw_rt_status_from_remote ("change", "resolved", "reviewed"), ==, "reviewed");
  /* A status the local type does not have is not kept. */
  g_assert_cmpstr (stw_rt_status_from_remote ("incident", "open", "assessed"), ==, "in-progress");
  g_assert_cmpstr (stw_rt_status_to_remote ("change", "requested"), ==, "new");
  g_assert_cmpstr (stw_rt_status_to_remote ("change", "scheduled"), ==, "stalled");
  g_assert_cmpstr (stw_rt_status_to_remote ("incident", "closed"), ==, "resolved");
}

static void
test_asset_status (void)
{
  const char *statuses[] = { "in-stock", "deployed", "in-repair", "retired", "lost" };
  const char *rt_statuses[] = { "new", "allocated", "in-use", "recycled", "stolen" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_cmpstr (stw_rt_asset_status_from_remote (stw_rt_asset_status_to_remote (statuses[i]),
                                                      statuses[i]), ==, statuses[i]);

  g_assert_cmpstr (stw_rt_asset_status_to_remote ("in-repair"), ==, "in-use");
  g_assert_cmpstr (stw_rt_asset_status_from_remote ("in-use", NULL), ==, "deployed");
  g_assert_cmpstr (stw_rt_asset_status_from_remote ("in-use", "in-repair"), ==, "in-repair");
  g_assert_cmpstr (stw_rt_asset_status_from_remote ("new", "in-repair"), ==, "in-stock");
  for (guint i = 0; i < G_N_ELEMENTS (rt_statuses); i++)
    g_assert_nonnull (stw_rt_asset_status_from_remote (rt_statuses[i], NULL));
  g_assert_cmpstr (stw_rt_asset_status_from_remote ("allocated", NULL), ==, "deployed");
  g_assert_cmpstr (stw_rt_asset_status_from_remote ("stolen", "deployed"), ==, "lost");
  g_assert_cmpstr (stw_rt_asset_status_from_remote ("on-loan", "deployed"), ==, "deployed");
}

static void
test_category (void)
{
  const char *categories[] = { "laptop", "desktop", "server", "network", "monitor", "phone",
                               "printer", "peripheral", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      const char *rt = stw_rt_category_to_remote (categories[i]);

      g_assert_cmpstr (stw_rt_category_from_remote (rt), ==, categories[i]);
      g_assert_cmpstr (stw_rt_category_to_remote (stw_rt_category_from_remote (rt)), ==, rt);
    }
  g_assert_cmpstr (stw_rt_category_to_remote ("laptop"), ==, "Laptop");
  g_assert_cmpstr (stw_rt_category_from_remote (" NOTEBOOK "), ==, "laptop");
  g_assert_cmpstr (stw_rt_category_from_remote ("Switch"), ==, "network");
  g_assert_cmpstr (stw_rt_category_from_remote ("Forklift"), ==, "other");
  g_assert_null (stw_rt_category_from_remote (NULL));
}

static void
test_custom_field_key (void)
{
  g_assert_cmpstr (stw_rt_custom_field_key ("Serial Number"), ==, "Serial Number");
  g_assert_cmpstr (stw_rt_custom_field_key ("serial"), ==, "Serial Number");
  g_assert_cmpstr (stw_rt_custom_field_key ("TAG"), ==, "Asset Tag");
  g_assert_cmpstr (stw_rt_custom_field_key ("  warranty end "), ==, "Warranty End");
  g_assert_cmpstr (stw_rt_custom_field_key ("Vendor"), ==, "Supplier");
  g_assert_null (stw_rt_custom_field_key ("Colour"));
  g_assert_null (stw_rt_custom_field_key (NULL));
  g_assert_cmpuint (g_strv_length ((char **) stw_rt_custom_field_keys ()), ==, 8);
}

static void
test_ticket_record (void)
{
  g_autoptr(JsonObject) local = object (
    "{\"title\":\"Printer jams\",\"description\":\"Tray 2\",\"type\":\"problem\","
    "\"status\":\"known-error\",\"priority\":2,\"queue\":\"Hardware\","
    "\"assignee\":\"ann@example.org\",\"requester\":null,\"due\":\"2026-12-01T12:00:00Z\"}");
  g_autoptr(JsonObject) remote = stw_rt_map_to_remote (STW_SYNC_TICKET, local, NULL);
  g_autoptr(JsonObject) back = stw_rt_map_from_remote (STW_SYNC_TICKET, remote, local);
  g_autoptr(JsonObject) new_ticket = object (
    "{\"Subject\":\"\",\"Status\":\"open\",\"Priority\":0,\"Queue\":\"General\",\"Owner\":null,"
    "\"Requestor\":\"bob@example.org\",\"Due\":null,\"Content\":null,\"TimeWorked\":30,"
    "\"Created\":\"2026-01-02T03:04:05Z\"}");
  g_autoptr(JsonObject) from_rt = NULL;
  g_autofree char *local_text = NULL;
  g_autoptr(JsonObject) partial = NULL;
  g_autoptr(JsonObject) only_status = object ("{\"Status\":\"stalled\"}");

  assert_fields ("{\"Subject\":\"Printer jams\",\"Status\":\"open\",\"Priority\":75,"
                 "\"Queue\":\"Hardware\",\"Owner\":\"ann@example.org\",\"Requestor\":null,"
                 "\"Due\":\"2026-12-01T12:00:00Z\",\"Content\":\"Tray 2\"}", remote);
  g_assert_cmpuint (json_object_get_size (remote), ==, 8);
  json_object_remove_member (local, "type");
  local_text = text (local);
  assert_fields (local_text, back);
  /* Steward's type is not RT's: a known record keeps its own. */
  g_assert_false (json_object_has_member (back, "type"));

  /* A ticket new here from RT, as fetch() reads it. */
  from_rt = stw_rt_map_from_remote (STW_SYNC_TICKET, new_ticket, NULL);
  assert_fields ("{\"type\":\"incident\",\"title\":\"(no subject)\",\"status\":\"in-progress\","
                 "\"priority\":5,\"queue\":\"General\",\"assignee\":null,"
                 "\"requester\":\"bob@example.org\",\"due\":null,\"description\":null,"
                 "\"created\":\"2026-01-02T03:04:05Z\"}", from_rt);
  g_assert_false (json_object_has_member (from_rt, "TimeWorked"));
  {
    /* …and it goes back without one. */
    g_autoptr(JsonObject) again = stw_rt_map_to_remote (STW_SYNC_TICKET, from_rt, NULL);

    g_assert_cmpstr (json_object_get_string_member (again, "Subject"), ==, "");
  }

  /* One field at a time, as the engine asks when it holds fields back. */
  partial = stw_rt_map_from_remote (STW_SYNC_TICKET, only_status, local);
  g_assert_cmpuint (json_object_get_size (partial), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (partial, "status"), ==, "pending");
}

static void
test_asset_record (void)
{
  g_autoptr(JsonObject) local = object (
    "{\"name\":\"LT-7\",\"tag\":\"A-0007\",\"serial\":\"SN7\",\"category\":\"laptop\","
    "\"manufacturer\":\"Lenovo\",\"model\":\"T14\",\"status\":\"in-repair\","
    "\"person\":\"ann@example.org\",\"notes\":null,\"supplier\":\"ACME\","
    "\"purchase_date\":\"2025-01-31\",\"warranty_end\":\"2028-01-31\"}");
  g_autoptr(JsonObject) dock = object (
    "{\"id\":\"12\",\"Name\":\"Dock\",\"Status\":\"allocated\",\"HeldBy\":null,"
    "\"Asset Tag\":null,\"Category\":\"docking station\","
    "\"Purchase Date\":\"2024-02-29 00:00:00\"}");
  g_autoptr(JsonObject) emptied = object ("{\"id\":\"7\",\"Asset Tag\":null}");
  g_autoptr(GHashTable) rt_fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) remote = NULL;
  g_autoptr(JsonObject) back = NULL;
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(JsonObject) fresh = NULL;
  g_autoptr(JsonObject) untagged = NULL;
  g_autofree char *local_text = NULL;

  for (const char *const *key = stw_rt_custom_field_keys (); *key != NULL; key++)
    if (!g_str_equal (*key, "Supplier"))
      g_hash_table_add (rt_fields, (char *) *key);

  remote = stw_rt_map_to_remote (STW_SYNC_ASSET, local, rt_fields);
  assert_fields ("{\"Name\":\"LT-7\",\"Description\":null,\"Status\":\"in-use\","
                 "\"HeldBy\":\"ann@example.org\",\"Serial Number\":\"SN7\","
                 "\"Asset Tag\":\"A-0007\",\"Category\":\"Laptop\","
                 "\"Manufacturer\":\"Lenovo\",\"Model\":\"T14\","
                 "\"Purchase Date\":\"2025-01-31\",\"Warranty End\":\"2028-01-31\"}", remote);
  /* RT has no Supplier field here: it is not sent, nor compared. */
  g_assert_false (json_object_has_member (remote, "Supplier"));

  json_object_set_string_member (remote, "id", "7");
  back = stw_rt_map_from_remote (STW_SYNC_ASSET, remote, local);
  json_object_remove_member (local, "supplier");
  local_text = text (local);
  assert_fields (local_text, back);
  g_assert_false (json_object_has_member (back, "supplier"));

  all = stw_rt_map_to_remote (STW_SYNC_ASSET, local, NULL);
  g_assert_true (json_object_has_member (all, "Serial Number"));

  /* New from RT without a tag: one is made from RT's id. */
  fresh = stw_rt_map_from_remote (STW_SYNC_ASSET, dock, NULL);
  assert_fields ("{\"name\":\"Dock\",\"status\":\"deployed\",\"person\":null,"
                 "\"tag\":\"RT-12\",\"category\":\"other\",\"purchase_date\":\"2024-02-29\"}",
                 fresh);

  /* Known here, its RT tag emptied: it keeps the one it has. */
  untagged = stw_rt_map_from_remote (STW_SYNC_ASSET, emptied, local);
  g_assert_cmpstr (json_object_get_string_member (untagged, "tag"), ==, "A-0007");
}

static void
test_entry_record (void)
{
  struct {
    const char *local;
    const char *remote;
  } cases[] = {
    { "{\"kind\":\"comment\",\"body\":\"Try again\",\"minutes\":0}",
      "{\"Type\":\"Correspond\",\"Content\":\"Try again\",\"TimeTaken\":0}" },
    { "{\"kind\":\"internal\",\"body\":\"User is VIP\",\"minutes\":0}",
      "{\"Type\":\"Comment\",\"Content\":\"User is VIP\",\"TimeTaken\":0}" },
    { "{\"kind\":\"work\",\"body\":\"Swapped the drum\",\"minutes\":45}",
      "{\"Type\":\"Comment\",\"Content\":\"Swapped the drum\",\"TimeTaken\":45}" },
  };
  g_autoptr(JsonObject) fetched = object (
    "{\"Type\":\"Comment\",\"Content\":\"x\",\"TimeTaken\":5,\"Creator\":\"root@localhost\","
    "\"Created\":\"2026-11-24T14:24:47Z\"}");
  g_autoptr(JsonObject) entry = stw_rt_map_from_remote (STW_SYNC_ENTRY, fetched, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) local = object (cases[i].local);
      g_autoptr(JsonObject) remote = stw_rt_map_to_remote (STW_SYNC_ENTRY, local, NULL);
      g_autoptr(JsonObject) back = stw_rt_map_from_remote (STW_SYNC_ENTRY, remote, NULL);

      assert_fields (cases[i].remote, remote);
      assert_fields (cases[i].local, back);
    }

  assert_fields ("{\"kind\":\"work\",\"minutes\":5,\"author\":\"root@localhost\","
                 "\"created\":\"2026-11-24T14:24:47Z\"}", entry);
}

static void
test_times (void)
{
  g_autofree char *iso = stw_rt_normalize_time ("2026-11-24T14:24:12Z");
  g_autofree char *spaced = stw_rt_normalize_time ("2026-11-24 14:24:12");
  g_autofree char *sql = stw_rt_format_sql_time (stw_rt_parse_time ("2026-11-24T14:24:12Z"));
  g_autofree char *kolkata = stw_rt_format_query_time (stw_rt_parse_time ("2026-11-24T23:00:00Z"),
                                                       19800);

  g_assert_cmpstr (iso, ==, "2026-11-24T14:24:12Z");
  g_assert_cmpstr (spaced, ==, "2026-11-24T14:24:12Z");
  g_assert_cmpstr (sql, ==, "2026-11-24 14:24:12");
  g_assert_cmpstr (kolkata, ==, "2026-11-25 04:30:00");
  /* RT's "not set". */
  g_assert_null (stw_rt_normalize_time ("1970-01-01T00:00:00Z"));
  g_assert_cmpint (stw_rt_parse_time ("1970-01-01T00:00:00Z"), ==, 0);
  g_assert_cmpint (stw_rt_parse_time ("soon"), ==, -1);
  g_assert_null (stw_rt_normalize_time (NULL));
}

static void
test_quote (void)
{
  g_autofree char *plain = stw_rt_quote ("General");
  g_autofree char *tricky = stw_rt_quote ("it's \\ here");
  g_autofree char *none = stw_rt_quote (NULL);

  g_assert_cmpstr (plain, ==, "'General'");
  g_assert_cmpstr (tricky, ==, "'it\\'s \\\\ here'");
  g_assert_cmpstr (none, ==, "''");
}

static void
test_line_breaks (void)
{
  g_autoptr(JsonObject) local = object ("{\"kind\":\"comment\",\"body\":\"one\\r\\ntwo\\rthree\\n\"}");
  g_autoptr(JsonObject) remote = stw_rt_map_to_remote (STW_SYNC_ENTRY, local, NULL);
  g_autofree char *plain = stw_rt_normalize_text ("a\r\n\r\nb");

  /* As RT stores it, so that it reads back the same. */
  g_assert_cmpstr (json_object_get_string_member (remote, "Content"), ==, "one\ntwo\nthree\n");
  g_assert_cmpstr (plain, ==, "a\n\nb");
  g_assert_null (stw_rt_normalize_text (NULL));
}

static void
test_cursor (void)
{
  StwRtCursor cursor = { G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC,
                         G_GINT64_CONSTANT (1700000600) * G_USEC_PER_SEC, 4711, FALSE };
  StwRtCursor back;
  g_autofree char *text = stw_rt_cursor_format (&cursor);

  g_assert_true (stw_rt_cursor_parse (text, &back));
  g_assert_cmpint (back.since, ==, cursor.since);
  g_assert_cmpint (back.mark, ==, cursor.mark);
  g_assert_cmpint (back.after, ==, 4711);
  g_assert_false (back.done);

  g_assert_false (stw_rt_cursor_parse (NULL, &back));
  g_assert_false (stw_rt_cursor_parse ("2026-11-24 14:24:12|57", &back));
  g_assert_false (stw_rt_cursor_parse ("rt1:1:2:x:0", &back));
  g_assert_false (stw_rt_cursor_parse ("rt1:1:2:3", &back));
  g_assert_cmpint (back.after, ==, 0);
}

static void
test_html (void)
{
  g_autofree char *a = stw_rt_html_to_text ("<p>Hello <b>there</b></p><p>A &amp; B &lt;3</p>");
  g_autofree char *b = stw_rt_html_to_text ("line<br/>next&nbsp;one");
  g_autofree char *c = stw_rt_html_to_text ("<pre style=\"x\">kept</pre>\n");

  g_assert_cmpstr (a, ==, "Hello there\nA & B <3");
  g_assert_cmpstr (b, ==, "line\nnext one");
  g_assert_cmpstr (c, ==, "kept");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/sync/rt-map/priority", test_priority);
  g_test_add_func ("/steward/sync/rt-map/ticket-status", test_ticket_status);
  g_test_add_func ("/steward/sync/rt-map/asset-status", test_asset_status);
  g_test_add_func ("/steward/sync/rt-map/category", test_category);
  g_test_add_func ("/steward/sync/rt-map/custom-field-key", test_custom_field_key);
  g_test_add_func ("/steward/sync/rt-map/ticket-record", test_ticket_record);
  g_test_add_func ("/steward/sync/rt-map/asset-record", test_asset_record);
  g_test_add_func ("/steward/sync/rt-map/entry-record", test_entry_record);
  g_test_add_func ("/steward/sync/rt-map/times", test_times);
  g_test_add_func ("/steward/sync/rt-map/quote", test_quote);
  g_test_add_func ("/steward/sync/rt-map/line-breaks", test_line_breaks);
  g_test_add_func ("/steward/sync/rt-map/cursor", test_cursor);
  g_test_add_func ("/steward/sync/rt-map/html", test_html);

  return g_test_run ();
}

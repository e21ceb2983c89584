/* test-query-model.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-util.h"

#define CACHE_BOUND (600 + 100)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  Change change = { position, removed, added };

  g_array_append_val (log, change);
}

static GArray *
record_items_changed (StwAssetQueryModel *model)
{
  GArray *log = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
  return log;
}

static void
search (StwAssetQueryModel *model,
        const char         *text)
{
  stw_asset_query_model_set_search (model, text);
  wait_for_model (model);
}

/* The tags of what the model shows for @text, sorted by tag, joined by
 * spaces. */
static char *
search_tags (StwAssetQueryModel *model,
             const char         *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;

  stw_asset_query_model_set_sort (model, STW_ASSET_FIELD_TAG, STW_SORT_ASCENDING);
  search (model, text);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwAsset) asset = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_string_append_printf (out, "%s%s", i ? " " : "", stw_asset_get_tag (asset));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_search (StwAssetQueryModel *model,
               const char         *text,
               const char         *expected)
{
  g_autofree char *tags = search_tags (model, text);

  if (g_strcmp0 (tags, expected) != 0)
    g_error ("Searching “%s” found “%s”, expected “%s”",
             text != NULL ? text : "(null)", tags, expected);
}

typedef struct
{
  const char *name;
  const char *tag;
  const char *serial;
  const char *model;
  const char *manufacturer;
  const char *notes;
  const char *person;
  const char *location;
} SearchAsset;

static const SearchAsset search_assets[] = {
  { "Falcon workstation", "WS-7781", "QX93ZZ", "Precision 3660", "Dell",
    "Sits under the marble desk", "Hannah Klein", "Greenhouse" },
  { "Badger laptop", "LT-5521", "MM12AB", "EliteBook 840", "HP",
    "Keyboard is sticky", "Oliver Hughes", "Basement" },
  { "Nearline storage", "NAS-0001", "ZZ0001", "DS923+", "Synology",
    "Android backup target", "Felix Schäfer", "Server Room" },
};

static void
add_search_assets (Fixture *fixture)
{
  gint64 site = add_location (fixture->db, "Campus", STW_LOCATION_KIND_SITE, 0);
  gint64 building = add_location (fixture->db, "Main", STW_LOCATION_KIND_BUILDING, site);

  for (guint i = 0; i < G_N_ELEMENTS (search_assets); i++)
    {
      const SearchAsset *s = &search_assets[i];
      g_autoptr(StwAsset) asset = make_asset (s->name, s->tag);

      stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, s->serial);
      stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, s->model);
      stw_asset_set_text (asset, STW_ASSET_FIELD_MANUFACTURER, s->manufacturer);
      stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, s->notes);
      stw_asset_set_person (asset, add_person (fixture->db, s->person, NULL), NULL);
      stw_asset_set_location (asset, add_location (fixture->db, s->location,
                                                   STW_LOCATION_KIND_ROOM, building), NULL);
      add_asset (fixture->db, asset);
    }
}

/* ------------------------------------------------------------------------ */
/* Search                                                                   */
/* ------------------------------------------------------------------------ */

static void
test_build_match (void)
{
  static const struct {
    const char *search;
    const char *match;
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { "  \t\n ", NULL },
    { "- * ( ) \" :", NULL },
    { "anna", "\"anna\"*" },
    { "lt-00 anna", "\"lt-00\"* \"anna\"*" },
    { "  lt-00\tanna\n", "\"lt-00\"* \"anna\"*" },
    { "say \"hi\"", "\"say\"* \"\"\"hi\"\"\"*" },
    { "NEAR(", "\"NEAR(\"*" },
    { "a AND b", "\"a\"* \"AND\"* \"b\"*" },
    { "Schäfer", "\"Schäfer\"*" },
    { "東京 🖥️", "\"東京\"*" },
    /* Not UTF-8: skipped, and never read past its end. */
    { "\xf0", NULL },
    { "ab \xf0\x9f", "\"ab\"*" },
    { "\xe2\x82 ab", "\"ab\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = stw_asset_query_build_match (cases[i].search);

      g_assert_cmpstr (match, ==, cases[i].match);
    }
}

static void
test_search_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;

  add_search_assets (fixture);
  model = make_model (fixture->db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* A prefix of any of the fields, in any case. */
  assert_search (model, "falc", "WS-7781");            /* name */
  assert_search (model, "ws-77", "WS-7781");           /* tag */
  assert_search (model, "WS", "WS-7781");
  assert_search (model, "qx9", "WS-7781");             /* serial */
  assert_search (model, "precis", "WS-7781");          /* model */
  assert_search (model, "DELL", "WS-7781");            /* manufacturer */
  assert_search (model, "marb", "WS-7781");            /* notes */
  assert_search (model, "hann", "WS-7781");            /* person */
  assert_search (model, "greenh", "WS-7781");          /* location */
  assert_search (model, "sticky", "LT-5521");
  assert_search (model, "oliver hug", "LT-5521");
  assert_search (model, "baseme", "LT-5521");
  assert_search (model, "Server Ro", "NAS-0001");

  /* Every word must match, wherever it is. */
  assert_search (model, "dell hannah", "WS-7781");
  assert_search (model, "dell oliver", "");
  /* A prefix, not a substring. */
  assert_search (model, "alcon", "");
  /* Nothing to search for shows everything. */
  assert_search (model, "", "LT-5521 NAS-0001 WS-7781");
  assert_search (model, NULL, "LT-5521 NAS-0001 WS-7781");
  g_assert_null (stw_asset_query_model_get_search (model));

  drop_model (&model);
}

static void
test_search_rename (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(StwPerson) person = NULL;
  g_autoptr(StwLocation) location = NULL;
  g_autoptr(StwAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  add_search_assets (fixture);
  model = make_model (fixture->db);

  id = stw_asset_repo_find_by_tag (fixture->db, "WS-7781");
  asset = stw_asset_repo_load (fixture->db, id, &error);
  g_assert_no_error (error);

  /* Renaming a person finds their assets under the new name only. */
  person = stw_person_repo_load (fixture->db, stw_asset_get_person_id (asset), &error);
  stw_person_set_name (person, "Hannah Berg");
  stw_person_repo_save_sync (fixture->db, person, &error);
  g_assert_no_error (error);
  assert_search (model, "klein", "");
  assert_search (model, "berg", "WS-7781");

  /* The same for a location. */
  location = stw_location_repo_load (fixture->db, stw_asset_get_location_id (asset), &error);
  stw_location_set_name (location, "Glasshouse");
  stw_location_repo_save_sync (fixture->db, location, &error);
  g_assert_no_error (error);
  assert_search (model, "greenh", "");
  assert_search (model, "glassh", "WS-7781");

  /* And the index follows undo. */
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  assert_search (model, "glassh", "");
  assert_search (model, "greenh", "WS-7781");

  /* Giving the asset to someone else moves it in the index too. */
  stw_asset_set_person (asset, 0, NULL);
  stw_asset_repo_save_sync (fixture->db, asset, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_PERSON),
                            &error);
  g_assert_no_error (error);
  assert_search (model, "berg", "");

  drop_model (&model);
}

static void
test_search_diacritics (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;

  add_search_assets (fixture);
  model = make_model (fixture->db);

  assert_search (model, "Schafer", "NAS-0001");
  assert_search (model, "schäf", "NAS-0001");
  assert_search (model, "SCHAFER", "NAS-0001");
  assert_search (model, "felix scha", "NAS-0001");

  drop_model (&model);
}

/* What people type is never read as FTS5 syntax: no error, and words
 * like AND are words. fatal-warnings turns a failed query into a crash. */
static void
test_search_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const typed[] = {
    "\"", "\"\"", "\"\"\"", "\"ws", "ws\"", "*", "**", "ws*", "*ws", "-", "--", "-ws", "ws -",
    "+", "^ws", "^", ":", "name:ws", "{name}:ws", "{", "}", "(", ")", "(ws", "ws)", "()",
    "NEAR(", "NEAR(ws, 2)", "NEAR", "AND", "OR", "NOT", "ws AND", "AND ws", "ws OR lt",
    "ws NOT lt", "'", "''", "\\", ".", "..", "ws.", "%", "_", "?", "#", "@", "&", "|", "$",
    "\u200b", "\u0301", "🖥️", "ｗｓ", "a\"b\"c", "NEAR(\"ws\" \"lt\")", "ws:*",
  };
  g_autoptr(StwAssetQueryModel) model = NULL;

  add_search_assets (fixture);
  model = make_model (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_test_message ("Searching %s", typed[i]);
      search (model, typed[i]);
    }

  /* Operators are words a person might look for. */
  assert_search (model, "AND", "NAS-0001");            /* “Android” */
  assert_search (model, "NEAR(", "NAS-0001");          /* “Nearline” */
  assert_search (model, "(ws", "WS-7781");
  assert_search (model, "ws*", "WS-7781");
  assert_search (model, "-ws", "WS-7781");
  assert_search (model, "\"ws", "WS-7781");
  assert_search (model, "ws OR lt", "");
  assert_search (model, "ds923+", "NAS-0001");

  drop_model (&model);
}

/* ------------------------------------------------------------------------ */
/* Filters and sort                                                         */
/* ------------------------------------------------------------------------ */

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct {
    const char       *tag;
    StwAssetCategory  category;
    StwAssetStatus    status;
  } assets[] = {
    { "LT-1", STW_ASSET_CATEGORY_LAPTOP, STW_ASSET_STATUS_DEPLOYED },
    { "LT-2", STW_ASSET_CATEGORY_LAPTOP, STW_ASSET_STATUS_IN_STOCK },
    { "LT-3", STW_ASSET_CATEGORY_LAPTOP, STW_ASSET_STATUS_DEPLOYED },
    { "PH-1", STW_ASSET_CATEGORY_PHONE, STW_ASSET_STATUS_DEPLOYED },
    { "PH-2", STW_ASSET_CATEGORY_PHONE, STW_ASSET_STATUS_LOST },
    { "SRV-1", STW_ASSET_CATEGORY_SERVER, STW_ASSET_STATUS_RETIRED },
  };
  g_autoptr(StwAssetQueryModel) model = NULL;
  guint notified = 0;

  for (guint i = 0; i < G_N_ELEMENTS (assets); i++)
    {
      g_autoptr(StwAsset) asset = make_asset ("Device", assets[i].tag);

      stw_asset_set_category (asset, assets[i].category);
      stw_asset_set_status (asset, assets[i].status);
      add_asset (fixture->db, asset);
    }

  model = make_model (fixture->db);
  g_signal_connect_swapped (model, "notify::status-filter", G_CALLBACK (g_atomic_int_inc),
                            &notified);

  stw_asset_query_model_set_status_filter (model, STW_ASSET_STATUS_DEPLOYED);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (stw_asset_query_model_get_status_filter (model), ==, STW_ASSET_STATUS_DEPLOYED);
  assert_search (model, NULL, "LT-1 LT-3 PH-1");

  stw_asset_query_model_set_category_filter (model, STW_ASSET_CATEGORY_PHONE);
  assert_search (model, NULL, "PH-1");

  stw_asset_query_model_set_status_filter (model, STW_FILTER_ANY);
  assert_search (model, NULL, "PH-1 PH-2");
  assert_search (model, "ph-2", "PH-2");
  assert_search (model, "lt", "");

  stw_asset_query_model_set_category_filter (model, STW_FILTER_ANY);
  stw_asset_query_model_set_status_filter (model, STW_ASSET_STATUS_IN_REPAIR);
  assert_search (model, NULL, "");
  stw_asset_query_model_set_status_filter (model, STW_ASSET_STATUS_RETIRED);
  assert_search (model, NULL, "SRV-1");

  /* Setting the same value again is no change. */
  notified = 0;
  stw_asset_query_model_set_status_filter (model, STW_ASSET_STATUS_RETIRED);
  g_assert_cmpuint (notified, ==, 0);

  stw_asset_query_model_set_status_filter (model, STW_FILTER_ANY);
  assert_search (model, NULL, "LT-1 LT-2 LT-3 PH-1 PH-2 SRV-1");

  drop_model (&model);
}

typedef struct
{
  const char       *name;
  const char       *tag;
  const char       *serial;
  StwAssetCategory  category;
  const char       *manufacturer;
  const char       *model;
  StwAssetStatus    status;
  const char       *location;
  const char       *person;
  const char       *purchase_date;
  gint64            cost;
  const char       *currency;
  const char       *warranty_end;
  const char       *supplier;
  const char       *notes;
} SortAsset;

/* Ties, NULLs and case differences in every column. */
static const SortAsset sort_assets[] = {
  { "apple", "T-3", NULL, STW_ASSET_CATEGORY_LAPTOP, "Dell", "b", STW_ASSET_STATUS_DEPLOYED,
    "Zeta", NULL, "2024-01-01", 500, "EUR", "2025-01-01", NULL, "x" },
  { "Banana", "t-1", "s2", STW_ASSET_CATEGORY_SERVER, "dell", NULL, STW_ASSET_STATUS_LOST,
    NULL, "Anna", NULL, STW_COST_UNSET, NULL, NULL, "CDW", NULL },
  { "cherry", "T-2", "S1", STW_ASSET_CATEGORY_OTHER, NULL, "A", STW_ASSET_STATUS_IN_STOCK,
    "alpha", "bob", "2023-05-05", 0, "USD", "2026-01-01", "bechtle", "Y" },
  { "apple", "T-10", "s2", STW_ASSET_CATEGORY_LAPTOP, "HP", "a", STW_ASSET_STATUS_IN_REPAIR,
    "Zeta", "Anna", "2024-01-01", 500, "EUR", NULL, NULL, "x" },
  { "Date", "T-4", NULL, STW_ASSET_CATEGORY_OTHER, NULL, NULL, STW_ASSET_STATUS_IN_STOCK,
    NULL, NULL, NULL, STW_COST_UNSET, NULL, NULL, NULL, NULL },
  { "elder", "T-5", "s0", STW_ASSET_CATEGORY_DESKTOP, "Apple", "Mac mini", STW_ASSET_STATUS_RETIRED,
    "Beta", "carl", "2019-12-31", 129900, "GBP", "2020-01-01", "Insight", "z" },
};

typedef struct
{
  StwAssetField    field;
  StwSortDirection direction;
} SortKey;

/* The text a column sorts by, as the SQL does: names of places and
 * people, keys of categories and statuses. */
static const char *
sort_text (StwAsset      *asset,
           StwAssetField  field)
{
  if (field == STW_ASSET_FIELD_LOCATION)
    return stw_asset_get_location_name (asset);
  if (field == STW_ASSET_FIELD_PERSON)
    return stw_asset_get_person_name (asset);
  if (field == STW_ASSET_FIELD_CATEGORY)
    return stw_asset_category_to_key (stw_asset_get_category (asset));
  if (field == STW_ASSET_FIELD_STATUS)
    return stw_asset_status_to_key (stw_asset_get_status (asset));

  return stw_asset_get_text (asset, field);
}

static int
compare_for_sort (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  StwAsset *x = *(StwAsset **)a;
  StwAsset *y = *(StwAsset **)b;
  SortKey *key = user_data;
  int sign = key->direction == STW_SORT_DESCENDING ? -1 : 1;
  gboolean x_null, y_null;
  int cmp;

  if (key->field == STW_ASSET_FIELD_PURCHASE_COST)
    {
      gint64 cx = stw_asset_get_purchase_cost (x);
      gint64 cy = stw_asset_get_purchase_cost (y);

      x_null = cx == STW_COST_UNSET;
      y_null = cy == STW_COST_UNSET;
      cmp = cx < cy ? -1 : cx > cy;
    }
  else
    {
      const char *tx = sort_text (x, key->field);
      const char *ty = sort_text (y, key->field);

      x_null = tx == NULL;
      y_null = ty == NULL;
      /* NOCASE folds ASCII letters only, as g_ascii_strcasecmp() does. */
      cmp = x_null || y_null ? 0 : g_ascii_strcasecmp (tx, ty);
    }

  /* Empty values last, whichever the direction. */
  if (x_null != y_null)
    return x_null ? 1 : -1;

  if (cmp == 0)
    cmp = stw_asset_get_id (x) < stw_asset_get_id (y) ? -1 : 1;

  return sign * cmp;
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 site = add_location (fixture->db, "Site", STW_LOCATION_KIND_SITE, 0);
  guint field_notified = 0, direction_notified = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sort_assets); i++)
    {
      const SortAsset *s = &sort_assets[i];
      g_autoptr(StwAsset) asset = make_asset (s->name, s->tag);
      gint64 id;

      stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, s->serial);
      stw_asset_set_category (asset, s->category);
      stw_asset_set_text (asset, STW_ASSET_FIELD_MANUFACTURER, s->manufacturer);
      stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, s->model);
      stw_asset_set_status (asset, s->status);
      if (s->location != NULL)
        stw_asset_set_location (asset, add_location (fixture->db, s->location,
                                                     STW_LOCATION_KIND_BUILDING, site), NULL);
      if (s->person != NULL)
        stw_asset_set_person (asset, add_person (fixture->db, s->person, NULL), NULL);
      stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, s->purchase_date);
      stw_asset_set_purchase_cost (asset, s->cost);
      stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, s->currency);
      stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, s->warranty_end);
      stw_asset_set_text (asset, STW_ASSET_FIELD_SUPPLIER, s->supplier);
      stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES, s->notes);

      id = add_asset (fixture->db, asset);
      g_ptr_array_add (assets, stw_asset_repo_load (fixture->db, id, &error));
      g_assert_no_error (error);
    }

  model = make_model (fixture->db);
  g_assert_cmpint (stw_asset_query_model_get_sort_field (model), ==, STW_ASSET_FIELD_NAME);
  g_assert_cmpint (stw_asset_query_model_get_sort_direction (model), ==, STW_SORT_ASCENDING);
  g_signal_connect_swapped (model, "notify::sort-field", G_CALLBACK (g_atomic_int_inc),
                            &field_notified);
  g_signal_connect_swapped (model, "notify::sort-direction", G_CALLBACK (g_atomic_int_inc),
                            &direction_notified);

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    {
      for (StwSortDirection direction = STW_SORT_ASCENDING;
           direction <= STW_SORT_DESCENDING;
           direction++)
        {
          SortKey key = { field, direction };
          g_autoptr(GString) expected = g_string_new (NULL);
          g_autofree char *got = NULL;

          g_ptr_array_sort_with_data (assets, compare_for_sort, &key);
          for (guint i = 0; i < assets->len; i++)
            g_string_append_printf (expected, "%s%" G_GINT64_FORMAT, i ? " " : "",
                                    stw_asset_get_id (g_ptr_array_index (assets, i)));

          stw_asset_query_model_set_sort (model, field, direction);
          wait_for_model (model);
          got = model_ids (model);
          if (g_strcmp0 (got, expected->str) != 0)
            g_error ("Sorting by %s %s gave %s, expected %s",
                     stw_asset_field_to_column (field),
                     direction == STW_SORT_ASCENDING ? "up" : "down", got, expected->str);
        }
    }

  g_assert_cmpuint (field_notified, ==, STW_N_ASSET_FIELDS - 2);
  g_assert_cmpuint (direction_notified, ==, 2 * (STW_N_ASSET_FIELDS - 1) - 1);

  drop_model (&model);
}

/* The search of a sorted list keeps its order: the ids the full-text
 * index matches, taken from the list in its order, are what the query
 * with its search gives, for every sort. */
static void
test_search_keeps_order (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(StwQueryConnection) connection = stw_query_connection_new (fixture->db);
  static const char * const searches[] = { "apple", "s", "anna", "zeta", "nothing-like-it", "--" };

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", i % 3 ? "apple" : "pear", (i * 7) % 40);
      g_autofree char *tag = g_strdup_printf ("T-%02u", (i * 13) % 40);
      g_autoptr(StwAsset) asset = make_asset (name, tag);

      stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, i % 2 ? "s-odd" : NULL);
      stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, i % 5 ? "Zeta" : "Anna");
      stw_asset_set_purchase_cost (asset, i % 4 ? (gint64)(i * 37 % 11) * 100 : STW_COST_UNSET);
      add_asset (fixture->db, asset);
    }

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
      {
        g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
        g_autoptr(StwAssetQuery) unsearched = NULL;
        g_autoptr(GArray) base = NULL;
        g_autoptr(GArray) expected = NULL;
        g_autoptr(GArray) filtered = NULL;
        g_autoptr(GError) error = NULL;

        stw_asset_query_set_sort (query, field, s % 2 ? STW_SORT_DESCENDING : STW_SORT_ASCENDING);
        unsearched = stw_asset_query_copy (query);
        stw_asset_query_set_search (query, searches[s]);

        base = stw_asset_query_run_ids (unsearched, connection, NULL, &error);
        g_assert_no_error (error);
        expected = stw_asset_query_run_ids (query, connection, NULL, &error);
        g_assert_no_error (error);
        filtered = stw_asset_query_filter_ids (query, base, connection, NULL, &error);
        g_assert_no_error (error);

        g_assert_cmpuint (filtered->len, ==, expected->len);
        g_assert_cmpmem (filtered->data, filtered->len * sizeof (gint64),
                         expected->data, expected->len * sizeof (gint64));
        g_assert_true (stw_asset_query_has_search (query) == (g_strcmp0 (searches[s], "--") != 0));
      }
}

/* The first rows of a query are the first rows of its whole result, for
 * every sort, also where a sort reads its rows in two parts. */
static void
test_first_ids (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StwQueryConnection) connection = stw_query_connection_new (fixture->db);

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("asset %u", (i * 7) % 30);
      g_autofree char *tag = g_strdup_printf ("F-%02u", (i * 11) % 30);
      g_autoptr(StwAsset) asset = make_asset (name, tag);

      /* A third have a serial: a sort by serial reads those, then the rest. */
      stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, i % 3 == 0 ? tag : NULL);
      add_asset (fixture->db, asset);
    }

  for (StwAssetField field = STW_ASSET_FIELD_NAME; field < STW_N_ASSET_FIELDS; field++)
    for (StwSortDirection direction = STW_SORT_ASCENDING; direction <= STW_SORT_DESCENDING; direction++)
      for (guint limit = 1; limit <= 40; limit += 13)
        {
          g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
          g_autoptr(GArray) all = NULL;
          g_autoptr(GArray) first = NULL;
          g_autoptr(GError) error = NULL;

          stw_asset_query_set_sort (query, field, direction);
          all = stw_asset_query_run_ids (query, connection, NULL, &error);
          g_assert_no_error (error);
          first = stw_asset_query_run_first_ids (query, limit, NULL, &error);
          g_assert_no_error (error);

          g_assert_cmpuint (first->len, ==, MIN (limit, all->len));
          g_assert_cmpmem (first->data, first->len * sizeof (gint64), all->data,
                           first->len * sizeof (gint64));
        }
}

/* Ids far apart: the matches are looked up rather than marked. */
static void
test_filter_large_ids (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(StwAssetQuery) query = stw_asset_query_new (fixture->db);
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) filtered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAsset) zebra = make_asset ("Zebra printer", "Z-1");
  g_autoptr(StwAsset) other = make_asset ("Label printer", "L-1");
  gint64 zebra_id = add_asset (fixture->db, zebra);
  gint64 other_id = add_asset (fixture->db, other);
  const gint64 far = G_GINT64_CONSTANT (1) << 40;
  sqlite3 *db = NULL;

  /* Only the index needs the far id. */
  g_assert_cmpint (sqlite3_open (stw_database_get_path (fixture->db), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO assets_fts (rowid, name)"
                                 " VALUES (1099511627776, 'zebra crossing')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_array_append_val (base, other_id);
  g_array_append_val (base, far);
  g_array_append_val (base, zebra_id);

  stw_asset_query_set_search (query, "zebra");
  filtered = stw_asset_query_filter_ids (query, base, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filtered->len, ==, 2);
  g_assert_cmpint (g_array_index (filtered, gint64, 0), ==, far);
  g_assert_cmpint (g_array_index (filtered, gint64, 1), ==, zebra_id);
}

/* ------------------------------------------------------------------------ */
/* Following changes                                                        */
/* ------------------------------------------------------------------------ */

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(GArray) log = NULL;
  g_autoptr(StwAsset) held = NULL;
  g_autoptr(StwAsset) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[10];
  guint notes_notified = 0, n_items_notified = 0;
  Change *change;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Asset %02u", i);
      g_autofree char *tag = g_strdup_printf ("T-%02u", i);

      ids[i] = add_simple_asset (fixture->db, name, tag);
    }

  model = make_model (fixture->db);
  log = record_items_changed (model);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (notify_count_cb), &n_items_notified);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);

  /* A view holds row 4. Editing its notes changes no row's place: no
   * items-changed, and the object the view holds shows the new notes. */
  held = g_list_model_get_item (G_LIST_MODEL (model), 4);
  g_assert_cmpint (stw_asset_get_id (held), ==, ids[4]);
  g_signal_connect (held, "notify::notes", G_CALLBACK (notify_count_cb), &notes_notified);
  copy = stw_asset_dup (held);
  stw_asset_set_text (copy, STW_ASSET_FIELD_NOTES, "Now with notes");
  stw_asset_repo_save_sync (fixture->db, copy, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NOTES), &error);
  g_assert_no_error (error);
  wait_for_model (model);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpuint (notes_notified, ==, 1);
  g_assert_cmpstr (stw_asset_get_text (held, STW_ASSET_FIELD_NOTES), ==, "Now with notes");
  {
    g_autoptr(StwAsset) again = g_list_model_get_item (G_LIST_MODEL (model), 4);

    g_assert_true (again == held);
  }

  /* Deleting one row removes that row. */
  g_assert_true (stw_asset_repo_delete_sync (fixture->db, &ids[7], 1, &error));
  wait_for_model (model);
  g_assert_cmpuint (log->len, ==, 1);
  change = &g_array_index (log, Change, 0);
  g_assert_cmpuint (change->position, ==, 7);
  g_assert_cmpuint (change->removed, ==, 1);
  g_assert_cmpuint (change->added, ==, 0);
  g_assert_cmpuint (n_items_notified, ==, 1);
  g_assert_cmpuint (stw_asset_query_model_find (model, ids[7]), ==, G_MAXUINT);
  g_assert_cmpuint (stw_asset_query_model_find (model, ids[8]), ==, 7);

  /* Adding one adds one, where it sorts. */
  g_array_set_size (log, 0);
  add_simple_asset (fixture->db, "Asset 03½", "T-NEW");
  wait_for_model (model);
  g_assert_cmpuint (log->len, ==, 1);
  change = &g_array_index (log, Change, 0);
  g_assert_cmpuint (change->position, ==, 4);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 1);

  /* Renaming one moves it: only the rows between old and new place. */
  g_array_set_size (log, 0);
  g_clear_object (&copy);
  copy = stw_asset_repo_load (fixture->db, ids[2], &error);
  stw_asset_set_name (copy, "Asset 06½");
  stw_asset_repo_save_sync (fixture->db, copy, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NAME), &error);
  g_assert_no_error (error);
  wait_for_model (model);
  g_assert_cmpuint (log->len, ==, 1);
  change = &g_array_index (log, Change, 0);
  g_assert_cmpuint (change->position, ==, 2);
  g_assert_cmpuint (change->removed, ==, 6);
  g_assert_cmpuint (change->added, ==, 6);
  g_assert_cmpuint (stw_asset_query_model_find (model, ids[2]), ==, 7);

  /* A change to people or places alone moves no row here. */
  g_array_set_size (log, 0);
  add_person (fixture->db, "Anna Schmidt", NULL);
  wait_for_model (model);
  g_assert_cmpuint (log->len, ==, 0);

  drop_model (&model);
}

static void
test_follows_renames (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(StwAsset) held = NULL;
  g_autoptr(StwLocation) location = NULL;
  g_autoptr(StwPerson) person = NULL;
  g_autoptr(GArray) log = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  add_search_assets (fixture);
  model = make_model (fixture->db);
  log = record_items_changed (model);

  /* Sorted by name: Badger, Falcon, Nearline. */
  held = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (stw_asset_get_tag (held), ==, "WS-7781");
  g_assert_cmpstr (stw_asset_get_location_name (held), ==, "Greenhouse");
  g_signal_connect (held, "notify::location-name", G_CALLBACK (notify_count_cb), &notified);

  /* The row a view shows follows a renamed place, without moving. */
  location = stw_location_repo_load (fixture->db, stw_asset_get_location_id (held), &error);
  stw_location_set_name (location, "Glasshouse");
  stw_location_repo_save_sync (fixture->db, location, &error);
  g_assert_no_error (error);
  wait_for_model (model);
  g_assert_cmpstr (stw_asset_get_location_name (held), ==, "Glasshouse");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (log->len, ==, 0);

  person = stw_person_repo_load (fixture->db, stw_asset_get_person_id (held), &error);
  stw_person_set_name (person, "Hannah Berg");
  stw_person_repo_save_sync (fixture->db, person, &error);
  g_assert_no_error (error);
  wait_for_model (model);
  g_assert_cmpstr (stw_asset_get_person_name (held), ==, "Hannah Berg");

  /* Sorted by place, a rename moves the row. */
  stw_asset_query_model_set_sort (model, STW_ASSET_FIELD_LOCATION, STW_SORT_ASCENDING);
  wait_for_model (model);
  g_assert_cmpuint (stw_asset_query_model_find (model, stw_asset_get_id (held)), ==, 1);
  stw_location_set_name (location, "Attic");
  stw_location_repo_save_sync (fixture->db, location, &error);
  wait_for_model (model);
  g_assert_cmpuint (stw_asset_query_model_find (model, stw_asset_get_id (held)), ==, 0);

  g_clear_object (&held);
  drop_model (&model);
}

static void
test_deleted_before_refresh (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(StwAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  a = add_simple_asset (fixture->db, "A", "T-A");
  b = add_simple_asset (fixture->db, "B", "T-B");
  model = make_model (fixture->db);

  /* The row is gone from the table before the new ids are in. */
  g_assert_true (stw_asset_repo_delete_sync (fixture->db, &b, 1, &error));
  g_assert_true (stw_asset_query_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  asset = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_nonnull (asset);
  g_assert_cmpint (stw_asset_get_id (asset), ==, b);
  g_clear_object (&asset);

  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (stw_asset_query_model_get_id (model, 0), ==, a);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1));

  /* Undo brings it back, with its values. */
  g_assert_true (stw_database_undo_sync (fixture->db, &error));
  wait_for_model (model);
  asset = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (stw_asset_get_name (asset), ==, "B");
  g_assert_cmpstr (stw_asset_get_tag (asset), ==, "T-B");
  g_clear_object (&asset);

  drop_model (&model);
}

static gboolean
insert_many_func (StwWriteContext  *ctx,
                  gpointer          user_data,
                  GError          **error)
{
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Device %05u", (i * 7919) % n);
      g_autofree char *tag = g_strdup_printf ("BULK-%05u", i);
      g_autoptr(StwAsset) asset = make_asset (name, tag);

      stw_asset_set_status (asset, i % STW_N_ASSET_STATUSES);
      if (!stw_asset_repo_insert (ctx, asset, error))
        return FALSE;
    }

  return TRUE;
}

static void
test_cache_bound (Fixture       *fixture,
                  gconstpointer  data)
{
  const guint n = 20000;
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint max_cache = 0;

  g_assert_true (stw_database_write_sync (fixture->db, STW_ORIGIN_IMPORT, "Import",
                                          insert_many_func, GUINT_TO_POINTER (n), NULL, &error));
  g_assert_no_error (error);

  model = make_model (fixture->db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);

  /* A view keeps a few rows; it scrolls through all the others. */
  for (guint i = 0; i < n; i += 997)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (model), i));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwAsset) asset = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *name = g_strdup_printf ("Device %05u", i);

      /* Sorted by name, and built from the right row. */
      g_assert_cmpstr (stw_asset_get_name (asset), ==, name);
      max_cache = MAX (max_cache, stw_asset_query_model_get_cache_size (model));
      g_assert_cmpuint (stw_asset_query_model_get_cache_size (model), <=, CACHE_BOUND);

      if (i % 997 == 0)
        g_assert_true (asset == g_ptr_array_index (held, i / 997));
    }

  g_test_message ("Largest cache: %u objects", max_cache);
  g_assert_cmpuint (max_cache, >=, 100);

  /* The rows held are still the same objects, and still up to date. */
  for (guint i = 0; i < held->len; i++)
    {
      g_autoptr(StwAsset) again = g_list_model_get_item (G_LIST_MODEL (model), i * 997);

      g_assert_true (again == g_ptr_array_index (held, i));
    }

  /* A change while thousands of rows were seen stays within the bound. */
  {
    g_autoptr(StwAsset) first = stw_asset_dup (g_ptr_array_index (held, 0));

    stw_asset_set_text (first, STW_ASSET_FIELD_NOTES, "Checked");
    stw_asset_repo_save_sync (fixture->db, first, STW_ASSET_FIELD_BIT (STW_ASSET_FIELD_NOTES),
                              &error);
    g_assert_no_error (error);
    wait_for_model (model);
    g_assert_cmpstr (stw_asset_get_text (g_ptr_array_index (held, 0), STW_ASSET_FIELD_NOTES), ==,
                     "Checked");
    g_assert_cmpuint (stw_asset_query_model_get_cache_size (model), <=, CACHE_BOUND);
  }

  /* Filtering a large table is done in the query too. */
  stw_asset_query_model_set_status_filter (model, STW_ASSET_STATUS_LOST);
  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n / STW_N_ASSET_STATUSES);

  g_clear_pointer (&held, g_ptr_array_unref);
  drop_model (&model);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StwAssetQueryModel) model = NULL;
  g_autoptr(StwDatabase) db = NULL;
  g_autofree char *text = NULL;
  guint loading_notified = 0, search_notified = 0;
  guint n_items = 0;
  gboolean loading;

  add_simple_asset (fixture->db, "A", "T-A");
  model = stw_asset_query_model_new (fixture->db);
  g_assert_true (stw_asset_query_model_get_database (model) == fixture->db);
  g_assert_true (stw_asset_query_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == STW_TYPE_ASSET);

  g_signal_connect (model, "notify::loading", G_CALLBACK (notify_count_cb), &loading_notified);
  g_signal_connect (model, "notify::search", G_CALLBACK (notify_count_cb), &search_notified);
  wait_for_model (model);
  g_assert_cmpuint (loading_notified, ==, 1);
  g_object_get (model, "loading", &loading, "n-items", &n_items, "database", &db, NULL);
  g_assert_false (loading);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_true (db == fixture->db);

  /* Typing fast runs one query. */
  loading_notified = 0;
  stw_asset_query_model_set_search (model, "t");
  stw_asset_query_model_set_search (model, "t-");
  g_object_set (model, "search", "t-a", NULL);
  g_assert_cmpuint (search_notified, ==, 3);
  wait_for_model (model);
  g_assert_cmpuint (loading_notified, ==, 2);
  g_object_get (model, "search", &text, NULL);
  g_assert_cmpstr (text, ==, "t-a");

  stw_asset_query_model_set_search (model, "t-a");
  g_assert_cmpuint (search_notified, ==, 3);

  /* Refresh runs the query again, and finds the same. */
  stw_asset_query_model_refresh (model);
  g_assert_true (stw_asset_query_model_get_loading (model));
  wait_for_model (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  g_clear_object (&db);
  drop_model (&model);
}

static void
test_dispose_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  StwAssetQueryModel *model;

  add_simple_asset (fixture->db, "A", "T-A");
  model = stw_asset_query_model_new (fixture->db);
  stw_asset_query_model_set_search (model, "a");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (stw_asset_query_model_get_loading (model));

  /* Dropped mid-query: it goes, on this thread, once the query is back;
   * the fixture then checks nothing holds the database. */
  drop_model (&model);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/query-model/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/steward/store/query-model/build-match", test_build_match);
  ADD ("search-keeps-order", test_search_keeps_order);
  ADD ("filter-large-ids", test_filter_large_ids);
  ADD ("first-ids", test_first_ids);
  ADD ("search-fields", test_search_fields);
  ADD ("search-rename", test_search_rename);
  ADD ("search-diacritics", test_search_diacritics);
  ADD ("search-syntax", test_search_syntax);
  ADD ("filters", test_filters);
  ADD ("sort", test_sort);
  ADD ("items-changed", test_items_changed);
  ADD ("follows-renames", test_follows_renames);
  ADD ("deleted-before-refresh", test_deleted_before_refresh);
  ADD ("cache-bound", test_cache_bound);
  ADD ("properties", test_properties);
  ADD ("dispose-while-loading", test_dispose_while_loading);

#undef ADD

  return g_test_run ();
}

/* stw-sample-data.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sample-data"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-sample-data.h"
#include "stw-asset-repo.h"
#include "stw-database-private.h"
#include "stw-location-repo.h"
#include "stw-person-repo.h"
#include "stw-sample-data-private.h"

/*
 * A made-up company with three offices, so a person can try Steward on
 * something that looks like their own inventory and service desk. The
 * same seed gives the same inventory every time; the tickets are in
 * stw-sample-tickets.c.
 */

#define SEED 20261124

typedef struct
{
  const char       *code;
  const char       *site;
  const char       *building;
  const char       *currency;
  const char * const rooms[5];
} Office;

static const Office offices[] = {
  { "ber", "Berlin", "Headquarters", "EUR",
    { "Server Room", "IT Storage", "Floor 2 Open Space", "Meeting Room Spree", NULL } },
  { "lon", "London", "Shoreditch Office", "GBP",
    { "Comms Room", "Storage", "Floor 1", NULL } },
  { "lis", "Lisbon", "Alcântara Hub", "EUR",
    { "Rack Room", "Stock Room", "Open Space", "Lab", NULL } },
};

/* Room roles, by index in each office's list. */
enum { ROOM_SERVER, ROOM_STORAGE, ROOM_DESK };

typedef struct
{
  const char       *first;
  const char       *last;
  const char       *department;
} Person;

static const Person people[] = {
  { "Anna", "Schmidt", "Finance" }, { "Jonas", "Weber", "Engineering" },
  { "Lea", "Fischer", "Engineering" }, { "Tobias", "Becker", "Sales" },
  { "Marie", "Hoffmann", "Human Resources" }, { "Felix", "Schäfer", "IT" },
  { "Sophie", "Koch", "Marketing" }, { "Lukas", "Richter", "Engineering" },
  { "Hannah", "Klein", "Support" }, { "Paul", "Wolf", "Sales" },
  { "Emily", "Clarke", "Sales" }, { "Oliver", "Hughes", "Engineering" },
  { "Amelia", "Patel", "Finance" }, { "Harry", "Evans", "Support" },
  { "Isla", "Thompson", "Marketing" }, { "George", "Walker", "IT" },
  { "Priya", "Shah", "Engineering" }, { "Jack", "Robinson", "Legal" },
  { "Grace", "Wright", "Human Resources" }, { "Mohammed", "Khan", "Engineering" },
  { "Beatriz", "Silva", "Engineering" }, { "João", "Santos", "Support" },
  { "Inês", "Ferreira", "Design" }, { "Tiago", "Pereira", "Engineering" },
  { "Mariana", "Costa", "Sales" }, { "Rui", "Oliveira", "IT" },
  { "Ana", "Rodrigues", "Design" }, { "Pedro", "Martins", "Engineering" },
  { "Sofia", "Almeida", "Marketing" }, { "Diogo", "Sousa", "Support" },
  { "Zoë", "Müller", "Design" }, { "Chloé", "Dubois", "Legal" },
  { "Søren", "Nielsen", "Engineering" }, { "Yuki", "Tanaka", "Engineering" },
  { "Wei", "Zhang", "Finance" }, { "Olga", "Nowak", "Support" },
  { "Kwame", "Mensah", "Sales" }, { "Lucía", "García", "Marketing" },
};

typedef struct
{
  StwAssetCategory  category;
  const char       *prefix;
  const char       *manufacturer;
  const char       *model;
  int               cost;          /* whole units */
  int               weight;        /* how common */
  gboolean          in_server_room;
  gboolean          personal;      /* assigned to a person when deployed */
} Model;

static const Model models[] = {
  { STW_ASSET_CATEGORY_LAPTOP, "LT", "Lenovo", "ThinkPad T14 Gen 4", 1349, 30, FALSE, TRUE },
  { STW_ASSET_CATEGORY_LAPTOP, "LT", "Dell", "Latitude 7440", 1429, 22, FALSE, TRUE },
  { STW_ASSET_CATEGORY_LAPTOP, "LT", "Apple", "MacBook Pro 14\" M3", 2199, 14, FALSE, TRUE },
  { STW_ASSET_CATEGORY_LAPTOP, "LT", "HP", "EliteBook 840 G10", 1289, 10, FALSE, TRUE },
  { STW_ASSET_CATEGORY_DESKTOP, "DT", "Dell", "OptiPlex 7010 Micro", 879, 8, FALSE, TRUE },
  { STW_ASSET_CATEGORY_DESKTOP, "DT", "HP", "Elite Mini 800 G9", 949, 5, FALSE, TRUE },
  { STW_ASSET_CATEGORY_MONITOR, "MN", "Dell", "UltraSharp U2723QE", 589, 26, FALSE, TRUE },
  { STW_ASSET_CATEGORY_MONITOR, "MN", "LG", "27UP850-W", 449, 12, FALSE, TRUE },
  { STW_ASSET_CATEGORY_PHONE, "PH", "Apple", "iPhone 15", 899, 14, FALSE, TRUE },
  { STW_ASSET_CATEGORY_PHONE, "PH", "Google", "Pixel 8", 699, 8, FALSE, TRUE },
  { STW_ASSET_CATEGORY_PHONE, "PH", "Samsung", "Galaxy S23", 749, 6, FALSE, TRUE },
  { STW_ASSET_CATEGORY_SERVER, "SRV", "Dell", "PowerEdge R750", 8900, 4, TRUE, FALSE },
  { STW_ASSET_CATEGORY_SERVER, "SRV", "HPE", "ProLiant DL380 Gen11", 9400, 3, TRUE, FALSE },
  { STW_ASSET_CATEGORY_SERVER, "SRV", "Supermicro", "SYS-1029P-WTR", 5200, 2, TRUE, FALSE },
  { STW_ASSET_CATEGORY_NETWORK, "NET", "Cisco", "Catalyst 9300-48P", 6900, 3, TRUE, FALSE },
  { STW_ASSET_CATEGORY_NETWORK, "NET", "Ubiquiti", "UniFi U6 Pro", 159, 8, FALSE, FALSE },
  { STW_ASSET_CATEGORY_NETWORK, "NET", "Fortinet", "FortiGate 100F", 3100, 2, TRUE, FALSE },
  { STW_ASSET_CATEGORY_NETWORK, "NET", "Juniper", "EX2300-24P", 1800, 3, TRUE, FALSE },
  { STW_ASSET_CATEGORY_PRINTER, "PR", "HP", "Color LaserJet Pro M479fdw", 619, 4, FALSE, FALSE },
  { STW_ASSET_CATEGORY_PRINTER, "PR", "Brother", "MFC-L8900CDW", 549, 3, FALSE, FALSE },
  { STW_ASSET_CATEGORY_PERIPHERAL, "PER", "Dell", "WD22TB4 Thunderbolt Dock", 279, 12, FALSE, TRUE },
  { STW_ASSET_CATEGORY_PERIPHERAL, "PER", "Jabra", "Evolve2 65", 219, 10, FALSE, TRUE },
  { STW_ASSET_CATEGORY_PERIPHERAL, "PER", "Logitech", "MX Keys S", 119, 6, FALSE, TRUE },
  { STW_ASSET_CATEGORY_OTHER, "OTH", "APC", "Smart-UPS 1500", 699, 3, TRUE, FALSE },
};

static const char * const suppliers[] = {
  "Bechtle", "Cancom", "Computacenter", "Insight", "CDW", "Softinsa",
};

static const char * const notes[] = {
  "Battery replaced in 2025.",
  "Small scratch on the lid.",
  "Has the German keyboard layout.",
  "Reserved for new starters.",
  "Screen has one dead pixel; still under warranty.",
  "Loaner for visitors.",
};

/* ------------------------------------------------------------------------ */

static const Model *
pick_model (GRand *rand)
{
  int total = 0, pick;

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    total += models[i].weight;

  pick = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      pick -= models[i].weight;
      if (pick < 0)
        return &models[i];
    }

  return &models[0];
}

static StwAssetStatus
pick_status (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 64)
    return STW_ASSET_STATUS_DEPLOYED;
  if (roll < 84)
    return STW_ASSET_STATUS_IN_STOCK;
  if (roll < 90)
    return STW_ASSET_STATUS_IN_REPAIR;
  if (roll < 98)
    return STW_ASSET_STATUS_RETIRED;
  return STW_ASSET_STATUS_LOST;
}

static char *
make_serial (GRand       *rand,
             const Model *model)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  char serial[13];

  for (guint i = 0; i < 12; i++)
    serial[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
  serial[12] = '\0';

  if (g_str_equal (model->manufacturer, "Dell"))
    serial[7] = '\0'; /* Dell service tags are seven characters */

  return g_strdup (serial);
}

static gint64
add_location (StwWriteContext  *ctx,
              const char       *name,
              StwLocationKind   kind,
              gint64            parent_id,
              GError          **error)
{
  g_autoptr(StwLocation) location = stw_location_new ();

  stw_location_set_name (location, name);
  stw_location_set_kind (location, kind);
  stw_location_set_parent_id (location, parent_id);

  if (!stw_location_repo_insert (ctx, location, error))
    return 0;

  return stw_location_get_id (location);
}

static gboolean
load_func (StwWriteContext  *ctx,
           gpointer          user_data,
           GError          **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  gint64 rooms[G_N_ELEMENTS (offices)][5] = { { 0 } };
  guint n_rooms[G_N_ELEMENTS (offices)] = { 0 };
  gint64 person_ids[G_N_ELEMENTS (people)];
  guint person_office[G_N_ELEMENTS (people)];
  g_auto(GStrv) person_names = g_new0 (char *, G_N_ELEMENTS (people) + 1);
  g_autofree StwSampleAsset *sample_assets = g_new0 (StwSampleAsset, STW_SAMPLE_N_ASSETS);
  StwSampleRefs refs = { G_N_ELEMENTS (people), person_names, person_ids, person_office,
                         sample_assets, STW_SAMPLE_N_ASSETS };
  guint counters[8] = { 0 };

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    {
      gint64 site = add_location (ctx, offices[o].site, STW_LOCATION_KIND_SITE, 0, error);
      gint64 building;

      if (site == 0)
        return FALSE;

      building = add_location (ctx, offices[o].building, STW_LOCATION_KIND_BUILDING, site, error);
      if (building == 0)
        return FALSE;

      for (guint r = 0; offices[o].rooms[r] != NULL; r++)
        {
          rooms[o][r] = add_location (ctx, offices[o].rooms[r], STW_LOCATION_KIND_ROOM,
                                      building, error);
          if (rooms[o][r] == 0)
            return FALSE;
          n_rooms[o]++;
        }
    }

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      g_autoptr(StwPerson) person = stw_person_new ();
      g_autofree char *name = g_strdup_printf ("%s %s", people[p].first, people[p].last);
      /* Mail addresses in plain ASCII: “Schäfer” becomes “schafer”. */
      g_autofree char *first_ascii = g_str_to_ascii (people[p].first, "C");
      g_autofree char *last_ascii = g_str_to_ascii (people[p].last, "C");
      g_autofree char *first = g_ascii_strdown (first_ascii, -1);
      g_autofree char *last = g_ascii_strdown (last_ascii, -1);
      g_autofree char *email = g_strdup_printf ("%s.%s@example.org", first, last);

      stw_person_set_name (person, name);
      stw_person_set_email (person, email);
      stw_person_set_department (person, people[p].department);
      if (!stw_person_repo_insert (ctx, person, error))
        return FALSE;

      person_ids[p] = stw_person_get_id (person);
      person_names[p] = g_steal_pointer (&name);
      person_office[p] = p < 10 ? 0 : p < 20 ? 1 : p < 30 ? 2 : p % 3;
    }

  for (guint i = 0; i < STW_SAMPLE_N_ASSETS; i++)
    {
      g_autoptr(StwAsset) asset = stw_asset_new ();
      const Model *model = pick_model (rand);
      StwAssetStatus status = pick_status (rand);
      guint person = g_rand_int_range (rand, 0, G_N_ELEMENTS (people));
      guint office = model->personal ? person_office[person]
                                     : (guint)g_rand_int_range (rand, 0, G_N_ELEMENTS (offices));
      g_autofree char *serial = make_serial (rand, model);
      g_autofree char *tag = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GDate) purchase = g_date_new_dmy (1, G_DATE_JANUARY, 2019);
      char purchase_text[16], warranty_text[16];
      guint room;

      tag = g_strdup_printf ("%s-%04u", model->prefix, ++counters[model->category % 8]);

      /* Computers are called by their host names, the rest by model. */
      if (model->category == STW_ASSET_CATEGORY_LAPTOP ||
          model->category == STW_ASSET_CATEGORY_DESKTOP ||
          model->category == STW_ASSET_CATEGORY_SERVER)
        {
          g_autofree char *host = g_ascii_strdown (tag, -1);

          name = g_strdup_printf ("%s-%s", offices[office].code, host);
        }
      else
        name = g_strdup_printf ("%s %s", model->manufacturer, model->model);

      stw_asset_set_name (asset, name);
      stw_asset_set_tag (asset, tag);
      stw_asset_set_text (asset, STW_ASSET_FIELD_SERIAL, serial);
      stw_asset_set_category (asset, model->category);
      stw_asset_set_text (asset, STW_ASSET_FIELD_MANUFACTURER, model->manufacturer);
      stw_asset_set_text (asset, STW_ASSET_FIELD_MODEL, model->model);
      stw_asset_set_status (asset, status);

      if (status == STW_ASSET_STATUS_DEPLOYED)
        room = model->in_server_room ? ROOM_SERVER : ROOM_DESK + g_rand_int_range (rand, 0, n_rooms[office] - ROOM_DESK);
      else
        room = ROOM_STORAGE;
      if (status != STW_ASSET_STATUS_LOST)
        stw_asset_set_location (asset, rooms[office][room], NULL);

      sample_assets[i].person = -1;
      if (model->personal &&
          (status == STW_ASSET_STATUS_DEPLOYED || status == STW_ASSET_STATUS_IN_REPAIR))
        {
          stw_asset_set_person (asset, person_ids[person], NULL);
          sample_assets[i].person = person;
        }

      g_date_add_days (purchase, g_rand_int_range (rand, 0, 2860));
      g_date_strftime (purchase_text, sizeof purchase_text, "%Y-%m-%d", purchase);
      g_date_add_years (purchase, model->category == STW_ASSET_CATEGORY_SERVER ? 5 : 3);
      g_date_strftime (warranty_text, sizeof warranty_text, "%Y-%m-%d", purchase);
      stw_asset_set_text (asset, STW_ASSET_FIELD_PURCHASE_DATE, purchase_text);
      stw_asset_set_text (asset, STW_ASSET_FIELD_WARRANTY_END, warranty_text);

      stw_asset_set_purchase_cost (asset, (gint64)model->cost * 100 +
                                          g_rand_int_range (rand, -40, 41) * 100 + 99 - 99 * (i % 2));
      stw_asset_set_text (asset, STW_ASSET_FIELD_CURRENCY, offices[office].currency);
      stw_asset_set_text (asset, STW_ASSET_FIELD_SUPPLIER,
                          suppliers[g_rand_int_range (rand, 0, G_N_ELEMENTS (suppliers))]);
      if (g_rand_int_range (rand, 0, 6) == 0)
        stw_asset_set_text (asset, STW_ASSET_FIELD_NOTES,
                            notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);

      if (!stw_asset_repo_insert (ctx, asset, error))
        return FALSE;

      sample_assets[i].id = stw_asset_get_id (asset);
      sample_assets[i].category = model->category;
      sample_assets[i].status = status;
      sample_assets[i].model = model->model;
      sample_assets[i].office = office;
    }

  return stw_sample_tickets_load_in (ctx, &refs, error);
}

/* ------------------------------------------------------------------------ */

/**
 * stw_sample_data_load_async:
 *
 * Adds the sample company's sites, people, assets and tickets as one
 * undo step. Meant for an empty database; on a filled one, tags that are
 * taken make it fail without changing anything.
 */
void
stw_sample_data_load_async (StwDatabase         *db,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (STW_IS_DATABASE (db));

  stw_database_write_async (db, STW_ORIGIN_SAMPLE, _("Load Sample Inventory"), load_func,
                            NULL, NULL, cancellable, callback, user_data);
}

gboolean
stw_sample_data_load_finish (StwDatabase   *db,
                             GAsyncResult  *result,
                             GError       **error)
{
  return stw_database_write_finish (db, result, NULL, error);
}

gboolean
stw_sample_data_load_sync (StwDatabase  *db,
                           GError      **error)
{
  g_return_val_if_fail (STW_IS_DATABASE (db), FALSE);

  return stw_database_write_sync (db, STW_ORIGIN_SAMPLE, _("Load Sample Inventory"), load_func,
                                  NULL, NULL, error);
}

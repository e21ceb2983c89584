/* bench-data.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bench-data.h"

static const char * const sites[] = { "Berlin", "London", "Lisbon", "Madrid", "Warsaw", "Dublin" };
static const char * const rooms[] = {
  "Server Room", "IT Storage", "Floor 1", "Floor 2", "Floor 3", "Floor 4", "Lab", "Reception",
  "Meeting Room A", "Meeting Room B",
};
static const char * const first_names[] = {
  "Anna", "Jonas", "Lea", "Tobias", "Marie", "Felix", "Sophie", "Lukas", "Hannah", "Paul",
  "Emily", "Oliver", "Amelia", "Harry", "Isla", "George", "Priya", "Jack", "Grace", "Mohammed",
  "Beatriz", "João", "Inês", "Tiago", "Mariana", "Rui", "Zoë", "Chloé", "Søren", "Yuki",
  "Wei", "Olga", "Kwame", "Lucía", "Mateo", "Aisha", "Noah", "Mia", "Elias", "Nora",
};
static const char * const last_names[] = {
  "Schmidt", "Weber", "Fischer", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein",
  "Wolf", "Clarke", "Hughes", "Patel", "Evans", "Thompson", "Walker", "Shah", "Robinson",
  "Wright", "Khan", "Silva", "Santos", "Ferreira", "Pereira", "Costa", "Oliveira", "Müller",
  "Dubois", "Nielsen", "Tanaka", "Zhang", "Nowak", "Mensah", "García", "López", "Kowalski",
  "Novak", "Horvath", "Jensen", "Rossi", "Bianchi", "Moreau", "Laurent", "Murphy", "Kelly",
  "Byrne", "Walsh", "Ryan", "O'Brien", "Doyle",
};

typedef struct
{
  const char *category;
  const char *prefix;
  const char *manufacturer;
  const char *model;
  int         cost;
} Model;

static const Model models[] = {
  { "laptop", "lt", "Lenovo", "ThinkPad T14 Gen 4", 1349 },
  { "laptop", "lt", "Dell", "Latitude 7440", 1429 },
  { "laptop", "lt", "Apple", "MacBook Pro 14", 2199 },
  { "laptop", "lt", "HP", "EliteBook 840 G10", 1289 },
  { "desktop", "dt", "Dell", "OptiPlex 7010", 879 },
  { "desktop", "dt", "HP", "Elite Mini 800 G9", 949 },
  { "monitor", "mn", "Dell", "UltraSharp U2723QE", 589 },
  { "monitor", "mn", "LG", "27UP850-W", 449 },
  { "phone", "ph", "Apple", "iPhone 15", 899 },
  { "phone", "ph", "Google", "Pixel 8", 699 },
  { "server", "srv", "Dell", "PowerEdge R750", 8900 },
  { "server", "srv", "HPE", "ProLiant DL380 Gen11", 9400 },
  { "network", "net", "Cisco", "Catalyst 9300", 6900 },
  { "network", "net", "Ubiquiti", "UniFi U6 Pro", 159 },
  { "printer", "pr", "HP", "LaserJet M479", 619 },
  { "peripheral", "per", "Logitech", "MX Keys S", 119 },
  { "peripheral", "per", "Jabra", "Evolve2 65", 219 },
  { "other", "oth", "APC", "Smart-UPS 1500", 699 },
};

static const char * const statuses[] = {
  "deployed", "deployed", "deployed", "deployed", "deployed", "deployed",
  "in-stock", "in-stock", "in-repair", "retired",
};
static const char * const suppliers[] = { "Bechtle", "Cancom", "Computacenter", "Insight", "CDW" };
static const char * const notes[] = {
  "Battery replaced in 2025.", "Small scratch on the lid.", "German keyboard layout.",
  "Reserved for new starters.", "Loaner for visitors.",
};
static const char * const terms[] = {
  "thinkpad", "latitude", "macbook", "ultrasharp", "iphone", "pixel", "poweredge", "catalyst",
  "schmidt", "patel", "müller", "søren", "berlin", "lisbon", "server room", "floor 3",
  "lt-00012", "srv-0004", "battery", "scratch", "keyboard", "bechtle", "anna weber", "zoë",
};

/* A fast, reproducible mix of the row index. */
static guint64
mix (guint64 x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

guint
bench_n_locations (void)
{
  return G_N_ELEMENTS (sites) * G_N_ELEMENTS (rooms);
}

const char *
bench_location_path (guint index)
{
  static char paths[G_N_ELEMENTS (sites) * G_N_ELEMENTS (rooms)][96];
  guint site = index / G_N_ELEMENTS (rooms) % G_N_ELEMENTS (sites);
  guint room = index % G_N_ELEMENTS (rooms);

  index %= bench_n_locations ();
  if (paths[index][0] == '\0')
    g_snprintf (paths[index], sizeof paths[index], "%s › %s Office › %s",
                sites[site], sites[site], rooms[room]);

  return paths[index];
}

void
bench_person_name (guint  index,
                   char  *buffer,
                   gsize  size)
{
  g_snprintf (buffer, size, "%s %s",
              first_names[index % G_N_ELEMENTS (first_names)],
              last_names[(index / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (last_names)]);
}

void
bench_row_make (guint64   index,
                BenchRow *row)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  guint64 r = mix (index + 1);
  const Model *model = &models[r % G_N_ELEMENTS (models)];
  guint days = (guint)((r >> 8) % 2900);
  guint location = (guint)((r >> 20) % bench_n_locations ());
  guint year, month, day;

  g_snprintf (row->tag, sizeof row->tag, "%s-%07" G_GUINT64_FORMAT, model->prefix, index + 1);
  for (guint i = 0; i < 12; i++)
    row->serial[i] = alphabet[(mix (r + i) >> 7) % (sizeof alphabet - 1)];
  row->serial[12] = '\0';
  g_strlcpy (row->category, model->category, sizeof row->category);
  g_strlcpy (row->manufacturer, model->manufacturer, sizeof row->manufacturer);
  g_strlcpy (row->model, model->model, sizeof row->model);
  g_strlcpy (row->status, statuses[(r >> 12) % G_N_ELEMENTS (statuses)], sizeof row->status);
  g_strlcpy (row->location, bench_location_path (location), sizeof row->location);

  row->location_index = location;
  row->person_index = -1;
  row->person[0] = '\0';
  if (g_str_equal (row->status, "deployed"))
    {
      row->person_index = (int)((r >> 24) % BENCH_N_PEOPLE);
      bench_person_name ((guint)row->person_index, row->person, sizeof row->person);
    }

  if (g_str_equal (model->category, "laptop") || g_str_equal (model->category, "server"))
    g_snprintf (row->name, sizeof row->name, "%.3s-%s", row->location, row->tag);
  else
    g_snprintf (row->name, sizeof row->name, "%s %s", model->manufacturer, model->model);
  for (char *p = row->name; *p; p++)
    *p = g_ascii_tolower (*p);

  year = 2019 + days / 365;
  month = 1 + (days % 365) / 31;
  day = 1 + (days % 365) % 28;
  g_snprintf (row->purchase_date, sizeof row->purchase_date, "%04u-%02u-%02u", year, month, day);
  g_snprintf (row->warranty_end, sizeof row->warranty_end, "%04u-%02u-%02u", year + 3, month, day);
  row->cost = (gint64)model->cost * 100 + (gint64)((r >> 30) % 8000) - 4000;
  if (row->cost < 0)
    row->cost = 0;
  g_strlcpy (row->currency, location / G_N_ELEMENTS (rooms) == 1 ? "GBP" : "EUR", sizeof row->currency);
  g_strlcpy (row->supplier, suppliers[(r >> 36) % G_N_ELEMENTS (suppliers)], sizeof row->supplier);

  if ((r >> 40) % 5 == 0)
    g_strlcpy (row->notes, notes[(r >> 44) % G_N_ELEMENTS (notes)], sizeof row->notes);
  else
    row->notes[0] = '\0';
}

/* Writes @n_rows as a CSV file with Steward's export headers. */
gboolean
bench_write_csv (const char  *path,
                 guint64      n_rows,
                 GError     **error)
{
  FILE *file = fopen (path, "w");
  BenchRow row;

  if (file == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "Cannot write %s", path);
      return FALSE;
    }

  fputs ("tag,name,serial,category,status,manufacturer,model,location,person,purchase_date,"
         "purchase_cost,currency,warranty_end,supplier,notes\n", file);

  for (guint64 i = 0; i < n_rows; i++)
    {
      bench_row_make (i, &row);
      fprintf (file, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%" G_GINT64_FORMAT ".%02d,%s,%s,%s,%s\n",
               row.tag, row.name, row.serial, row.category, row.status, row.manufacturer,
               row.model, row.location, row.person, row.purchase_date, row.cost / 100,
               (int)(row.cost % 100), row.currency, row.warranty_end, row.supplier, row.notes);
    }

  return fclose (file) == 0;
}

const char *
bench_search_term (guint index)
{
  return terms[index % G_N_ELEMENTS (terms)];
}

guint
bench_n_search_terms (void)
{
  return G_N_ELEMENTS (terms);
}

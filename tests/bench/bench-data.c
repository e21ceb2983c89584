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

/* ------------------------------------------------------------------------ */
/* Tickets                                                                  */
/* ------------------------------------------------------------------------ */

#define BENCH_MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define BENCH_HOUR   (60 * BENCH_MINUTE)
#define BENCH_DAY    (24 * BENCH_HOUR)

/* The people who work the tickets: the first of the benchmark's people. */
#define BENCH_N_AGENTS 40

static const char * const ticket_subjects[] = {
  "VPN", "Wi-Fi", "Printer", "Laptop", "Outlook", "Teams", "Docking station", "Monitor",
  "File share", "Badge reader", "Phone", "Headset", "Excel", "CRM", "Wiki", "Build server",
  "Mail", "Keyboard", "Projector", "Password reset", "Backup", "Firewall", "Database server",
  "ERP", "Payroll export", "Video call", "SharePoint", "Scanner", "Calendar", "Webcam",
};
static const char * const ticket_symptoms[] = {
  "drops every 10 minutes", "does not start", "is very slow", "shows an error", "jams",
  "keeps asking for the password", "loses its connection", "crashes on opening",
  "cannot be reached", "prints blank pages", "has no sound", "flickers", "is out of space",
  "fails with a certificate error", "freezes after the update", "does not sync",
  "rejects the login", "times out", "is missing", "overheats",
};
static const char * const ticket_places[] = {
  "for the Berlin office", "for the Lisbon office", "for the London office", "on floor 2",
  "on floor 3", "in Meeting Room A", "in Meeting Room B", "for the sales team",
  "for the finance team", "at the reception", "for remote staff", "in the lab",
  "for the Madrid office", "for the Warsaw office", "for the Dublin office",
  "since this morning", "after the update", "for new starters",
};
static const char * const request_items[] = {
  "New starter laptop", "Software licence", "Access to the finance share", "Second monitor",
  "New phone", "VPN access", "Distribution list", "Shared mailbox", "Adobe licence",
  "Loan laptop", "Headset", "Guest Wi-Fi", "Admin rights", "Meeting room display",
  "JetBrains licence", "Mailbox archive",
};
static const char * const change_actions[] = {
  "Upgrade", "Replace", "Patch", "Retire", "Migrate", "Reconfigure", "Roll out", "Move",
};
static const char * const change_objects[] = {
  "the core switch", "the firewall firmware", "the print server", "the mail gateway",
  "the file server", "the Wi-Fi controllers", "the backup server", "the UPS batteries",
  "the ERP database", "the VPN gateway",
};
static const char * const ticket_categories[] = {
  "Hardware", "Software", "Network", "Email", "Access", "Printing", "Server", "Telephony",
};
static const char * const ticket_queues[] = {
  "Service Desk", "Network", "Workplace", "Servers", "Security", "Applications",
};
static const char * const ticket_tags[] = {
  "vpn", "wifi", "printer", "laptop", "outlook", "teams", "dock", "licence", "access", "urgent",
  "vip", "new-starter", "berlin", "london", "lisbon", "madrid", "warsaw", "dublin", "firmware",
  "security",
};
static const char * const entry_bodies[] = {
  "Restarted the service; it works again for now.",
  "Asked for a screenshot of the whole error.",
  "Waiting for the vendor to answer.",
  "Replaced the cable; fine in tests.",
  "Reinstalled the client and cleared its cache.",
  "Could not reproduce it; asked when exactly it happens.",
  "Handed over to the network team.",
  "Ordered a replacement part from the supplier.",
  "Updated the firmware to the latest version.",
  "Workaround: reconnect, then map the drives again.",
  "The certificate expired yesterday; renewed it.",
  "Restarted the access point and changed its channel.",
  "Called back: the problem is gone since the update.",
  "Rolled back the last change; watching it.",
  "Thanks, that fixed it.",
  "It happened again this morning.",
};
static const char * const ticket_terms[] = {
  "vpn", "printer", "outlook", "licence", "lisbon", "certificate", "firmware", "slow",
  "docking", "badge", "vendor", "screenshot", "reinstalled", "payroll", "new starter",
  "overheats", "wifi", "crashes", "jams", "meeting room b",
};

/* The statuses a ticket of each kind can be left in: open, then done. */
static const char * const service_open[] = { "new", "assigned", "in-progress", "in-progress",
                                             "pending" };
static const char * const incident_open[] = { "assigned", "in-progress", "in-progress",
                                              "pending" };
static const char * const service_done[] = { "resolved", "closed", "closed", "closed" };
static const char * const problem_open[] = { "new", "assigned", "in-progress", "pending",
                                             "known-error" };
static const char * const problem_done[] = { "resolved", "closed", "closed" };
static const char * const change_open[] = { "requested", "assessed", "approved", "scheduled" };
static const char * const change_done[] = { "implemented", "reviewed", "rejected", "closed",
                                            "closed" };

#define PICK(list, bits) (list[(bits) % G_N_ELEMENTS (list)])

static gboolean
sql_failed (sqlite3  *db,
            GError  **error)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK || sql_failed (db, error);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           column,
              gint64        value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, value);
}

static gboolean
is_initial (const char *status)
{
  return g_str_equal (status, "new") || g_str_equal (status, "requested");
}

static gboolean
is_done (const char *status)
{
  return g_str_equal (status, "resolved") || g_str_equal (status, "closed") ||
         g_str_equal (status, "rejected") || g_str_equal (status, "implemented") ||
         g_str_equal (status, "reviewed");
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *ticket;
  sqlite3_stmt *entry;
  sqlite3_stmt *link;
  GArray       *people;
  gint64        max_asset;
  gint64        problems[16];   /* the latest problems, for incidents to point at */
  gint64        changes[16];    /* the latest changes, for parts of a change */
  gint64        now;
  gint64        span;           /* how far back the tickets go */
} Writer;

static gboolean
write_entries (Writer             *w,
               guint64             r,
               gint64              ticket_id,
               gint64              created,
               gint64              updated,
               const char         *status,
               gint64              requester,
               gint64              assignee,
               BenchTicketCounts  *counts,
               GError            **error)
{
  guint n = 1 + (guint)((r >> 5) % 3);

  for (guint e = 0; e < n; e++)
    {
      guint64 x = mix (r + e + 1);
      const char *kind = x % 100 < 60 ? "comment" : x % 100 < 85 ? "internal" : "work";
      gint64 author = (x >> 8) % 4 == 0 && requester != 0 ? requester : assignee;
      gint64 time = created + (updated - created) * (e + 1) / (n + 1);
      char uuid[48];

      /* An unanswered ticket has notes of the team only. */
      if (is_initial (status))
        kind = "internal";

      g_snprintf (uuid, sizeof uuid, "%08x-0000-4000-8001-%012" G_GINT64_MODIFIER "x",
                  (guint)x, (guint64)(counts->entries + 1));
      sqlite3_reset (w->entry);
      sqlite3_bind_text (w->entry, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (w->entry, 2, ticket_id);
      sqlite3_bind_text (w->entry, 3, kind, -1, SQLITE_STATIC);
      bind_or_null (w->entry, 4, author);
      sqlite3_bind_text (w->entry, 5, PICK (entry_bodies, x >> 16), -1, SQLITE_STATIC);
      if (g_str_equal (kind, "work"))
        sqlite3_bind_int (w->entry, 6, 15 + (int)((x >> 24) % 8) * 15);
      else
        sqlite3_bind_null (w->entry, 6);
      sqlite3_bind_int64 (w->entry, 7, time);
      sqlite3_bind_int64 (w->entry, 8, time);
      if (sqlite3_step (w->entry) != SQLITE_DONE)
        return sql_failed (w->db, error);
      counts->entries++;
    }

  return TRUE;
}

static gboolean
write_ticket (Writer             *w,
              guint64             index,
              guint64             n_tickets,
              BenchTicketCounts  *counts,
              GError            **error)
{
  guint64 r = mix (index ^ G_GUINT64_CONSTANT (0x5bd1e9955bd1e995));
  gboolean board = index % 10 == 0;
  guint roll = (guint)(r % 100);
  const char *type = board ? "incident" : roll < 50 ? "incident" : roll < 80 ? "request"
                                        : roll < 87 ? "problem" : "change";
  guint64 age_rank = n_tickets - index;   /* 1 for the newest */
  gint64 created = w->now - (gint64)(age_rank * (guint64)w->span / n_tickets)
                   - (gint64)((r >> 8) % 10) * BENCH_MINUTE;
  guint open_share = age_rank * 100 < n_tickets ? 90 : age_rank * 20 < n_tickets ? 50
                     : age_rank * 5 < n_tickets ? 10 : 2;
  gboolean open = board || (r >> 12) % 100 < open_share;
  int impact = (int)((r >> 16) % 3), urgency = (int)((r >> 18) % 3);
  int priority = 1 + (2 - impact) + (2 - urgency);
  const char *levels[] = { "low", "medium", "high" };
  const char *status;
  const char *reason = NULL;
  gint64 first_response = 0, resolved = 0, closed = 0, due = 0, updated;
  gint64 requester = 0, assignee = 0, parent = 0, problem = 0, ticket_id;
  char title[160], description[256], tags[64], uuid[48], person[64];
  guint64 s = r >> 20;

  if (board)
    status = BENCH_BOARD_STATUS;
  else if (g_str_equal (type, "incident"))
    status = open ? PICK (incident_open, s) : PICK (service_done, s);
  else if (g_str_equal (type, "request"))
    status = open ? PICK (service_open, s) : PICK (service_done, s);
  else if (g_str_equal (type, "problem"))
    status = open ? PICK (problem_open, s) : PICK (problem_done, s);
  else
    status = open ? PICK (change_open, s) : PICK (change_done, s);

  /* Now and then a priority set by hand. */
  if ((r >> 22) % 100 == 0 && priority > 1)
    {
      priority--;
      reason = "Asked for by the head of the department.";
    }

  if (w->people->len > 0)
    {
      guint person_index = (guint)((r >> 32) % w->people->len);

      requester = g_array_index (w->people, gint64, person_index);
      bench_person_name (person_index, person, sizeof person);
      if (!is_initial (status))
        assignee = g_array_index (w->people, gint64,
                                  (r >> 40) % MIN (BENCH_N_AGENTS, w->people->len));
    }
  else
    {
      g_strlcpy (person, "a colleague", sizeof person);
    }

  /* Answered within four hours, resolved within five days, closed three
   * days later; never after now. */
  if (!is_initial (status))
    first_response = MIN (created + (gint64)((r >> 24) % 240) * BENCH_MINUTE, w->now);
  if (is_done (status))
    resolved = MIN (MAX (first_response, created) +
                    (gint64)((r >> 28) % 120) * BENCH_HOUR, w->now);
  if (g_str_equal (status, "closed"))
    closed = MIN (resolved + 3 * BENCH_DAY, w->now);
  updated = MAX (MAX (created, first_response), MAX (resolved, closed));
  if (!is_done (status))
    updated = MIN (updated + (gint64)((r >> 34) % 48) * BENCH_HOUR, w->now);
  if ((r >> 36) % 10 == 0)
    due = created + (1 + (gint64)((r >> 38) % 14)) * BENCH_DAY;

  if (g_str_equal (type, "incident"))
    {
      g_snprintf (title, sizeof title, "%s %s %s", PICK (ticket_subjects, r >> 42),
                  PICK (ticket_symptoms, r >> 46), PICK (ticket_places, r >> 50));
      if (w->problems[0] != 0 && (r >> 54) % 5 == 0)
        problem = w->problems[(r >> 56) % G_N_ELEMENTS (w->problems)];
    }
  else if (g_str_equal (type, "request"))
    g_snprintf (title, sizeof title, "%s for %s", PICK (request_items, r >> 42), person);
  else if (g_str_equal (type, "problem"))
    g_snprintf (title, sizeof title, "Recurring: %s %s", PICK (ticket_subjects, r >> 42),
                PICK (ticket_symptoms, r >> 46));
  else
    {
      g_snprintf (title, sizeof title, "%s %s %s", PICK (change_actions, r >> 42),
                  PICK (change_objects, r >> 46), PICK (ticket_places, r >> 50));
      if (w->changes[0] != 0 && (r >> 54) % 3 == 0)
        parent = w->changes[(r >> 56) % G_N_ELEMENTS (w->changes)];
    }
  g_snprintf (description, sizeof description,
              "Reported by %s: the %s %s %s. First seen on a %s.", person,
              PICK (ticket_subjects, r >> 43), PICK (ticket_symptoms, r >> 47),
              PICK (ticket_places, r >> 51), PICK (ticket_categories, r >> 55));
  if ((r >> 58) % 2 == 0)
    g_snprintf (tags, sizeof tags, "%s %s", PICK (ticket_tags, r >> 44),
                PICK (ticket_tags, r >> 52));
  else
    g_strlcpy (tags, PICK (ticket_tags, r >> 44), sizeof tags);
  g_snprintf (uuid, sizeof uuid, "%08x-0000-4000-8000-%012" G_GINT64_MODIFIER "x",
              (guint)r, index + 1);

  sqlite3_reset (w->ticket);
  sqlite3_bind_text (w->ticket, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->ticket, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->ticket, 3, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->ticket, 4, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->ticket, 5, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->ticket, 6, levels[impact], -1, SQLITE_STATIC);
  sqlite3_bind_text (w->ticket, 7, levels[urgency], -1, SQLITE_STATIC);
  sqlite3_bind_int (w->ticket, 8, priority);
  if (reason != NULL)
    sqlite3_bind_text (w->ticket, 9, reason, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (w->ticket, 9);
  sqlite3_bind_text (w->ticket, 10, PICK (ticket_categories, r >> 48), -1, SQLITE_STATIC);
  bind_or_null (w->ticket, 11, requester);
  bind_or_null (w->ticket, 12, assignee);
  sqlite3_bind_text (w->ticket, 13, PICK (ticket_queues, r >> 53), -1, SQLITE_STATIC);
  bind_or_null (w->ticket, 14, parent);
  bind_or_null (w->ticket, 15, problem);
  sqlite3_bind_text (w->ticket, 16, tags, -1, SQLITE_TRANSIENT);
  /* Cards in no particular order of age. */
  sqlite3_bind_double (w->ticket, 17, (double)(mix (index + 7) >> 11) / (1ull << 53) *
                                      (double) n_tickets);
  sqlite3_bind_int64 (w->ticket, 18, created);
  sqlite3_bind_int64 (w->ticket, 19, updated);
  bind_or_null (w->ticket, 20, first_response);
  bind_or_null (w->ticket, 21, resolved);
  bind_or_null (w->ticket, 22, closed);
  bind_or_null (w->ticket, 23, due);
  if (sqlite3_step (w->ticket) != SQLITE_DONE)
    return sql_failed (w->db, error);

  ticket_id = sqlite3_last_insert_rowid (w->db);
  counts->tickets++;
  if (board)
    counts->board++;

  if (g_str_equal (type, "problem"))
    {
      memmove (&w->problems[1], &w->problems[0], sizeof w->problems - sizeof w->problems[0]);
      w->problems[0] = ticket_id;
    }
  else if (g_str_equal (type, "change") && parent == 0)
    {
      memmove (&w->changes[1], &w->changes[0], sizeof w->changes - sizeof w->changes[0]);
      w->changes[0] = ticket_id;
    }

  /* Three tickets in ten have comments, one in seven an asset. */
  if ((r >> 60) % 10 < 3 &&
      !write_entries (w, r, ticket_id, created, updated, status, requester, assignee, counts,
                      error))
    return FALSE;

  if (w->max_asset > 0 && (r >> 3) % 7 == 0)
    {
      g_snprintf (uuid, sizeof uuid, "%08x-0000-4000-8002-%012" G_GINT64_MODIFIER "x",
                  (guint)(r >> 32), (guint64)(counts->links + 1));
      sqlite3_reset (w->link);
      sqlite3_bind_text (w->link, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (w->link, 2, ticket_id);
      sqlite3_bind_int64 (w->link, 3, 1 + (gint64)((r >> 9) % (guint64)w->max_asset));
      sqlite3_bind_int64 (w->link, 4, created);
      if (sqlite3_step (w->link) != SQLITE_DONE)
        return sql_failed (w->db, error);
      counts->links += sqlite3_changes (w->db);
    }

  return TRUE;
}

/*
 * Writes @n_tickets into a Steward database inside the transaction and
 * journal batch its caller has begun: a bulk insert, as an import would
 * be, journaled by the triggers. Like the import, it fills the tickets'
 * full-text indexes with one statement each at the end rather than from
 * triggers row by row (see sql/0002-deferred-fts.sql): their insert
 * triggers are dropped for the insert and made again, with the same
 * text, in the same transaction. SLA times are left for the caller to
 * work out through the store.
 */
gboolean
bench_write_tickets (sqlite3            *db,
                     guint64             n_tickets,
                     gint64              now,
                     BenchTicketCounts  *counts,
                     GError            **error)
{
  static const char * const fts_triggers[] = { "tickets_fts_insert",
                                                "ticket_entries_fts_insert" };
  g_autoptr(GPtrArray) trigger_sql = g_ptr_array_new_with_free_func (g_free);
  Writer w = { db, NULL, NULL, NULL, NULL, 0, { 0 }, { 0 }, now, 3 * 365 * BENCH_DAY };
  sqlite3_stmt *stmt = NULL;
  gint64 first_ticket, first_entry;
  gboolean ok = TRUE;
  char sql[256];

  memset (counts, 0, sizeof *counts);
  w.people = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.max_asset = query_int (db, "SELECT max (id) FROM assets");
  first_ticket = query_int (db, "SELECT coalesce (max (id), 0) + 1 FROM tickets");
  first_entry = query_int (db, "SELECT coalesce (max (id), 0) + 1 FROM ticket_entries");

  if (sqlite3_prepare_v2 (db, "SELECT id FROM people ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    ok = sql_failed (db, error);
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (w.people, id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; ok && i < G_N_ELEMENTS (fts_triggers); i++)
    {
      if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                  "AND name = ?", -1, &stmt, NULL) != SQLITE_OK)
        ok = sql_failed (db, error);
      else
        {
          sqlite3_bind_text (stmt, 1, fts_triggers[i], -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            g_ptr_array_add (trigger_sql, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
          else
            ok = sql_failed (db, error);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);

      sqlite3_snprintf (sizeof sql, sql, "DROP TRIGGER %w", fts_triggers[i]);
      ok = ok && exec_sql (db, sql, error);
    }

  if (ok &&
      (sqlite3_prepare_v2 (db, "INSERT INTO tickets (uuid, title, description, type, status, "
                               "impact, urgency, priority, priority_reason, category, "
                               "requester_id, assignee_id, queue, parent_id, problem_id, tags, "
                               "rank, created, updated, first_response, resolved, closed, due) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?, ?, ?, ?)", -1, &w.ticket, NULL) != SQLITE_OK ||
       sqlite3_prepare_v2 (db, "INSERT INTO ticket_entries (uuid, ticket_id, kind, author_id, "
                               "body, minutes, created, updated) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &w.entry, NULL) != SQLITE_OK ||
       sqlite3_prepare_v2 (db, "INSERT INTO ticket_assets (uuid, ticket_id, asset_id, created) "
                               "SELECT ?1, ?2, id, ?4 FROM assets WHERE id >= ?3 "
                               "ORDER BY id LIMIT 1", -1, &w.link, NULL) != SQLITE_OK))
    ok = sql_failed (db, error);

  for (guint64 i = 0; ok && i < n_tickets; i++)
    ok = write_ticket (&w, i, n_tickets, counts, error);

  g_clear_pointer (&w.ticket, sqlite3_finalize);
  g_clear_pointer (&w.entry, sqlite3_finalize);
  g_clear_pointer (&w.link, sqlite3_finalize);
  g_array_unref (w.people);

  if (ok)
    {
      sqlite3_snprintf (sizeof sql, sql,
                        "INSERT INTO tickets_fts (rowid, title, description, tags, category, "
                        "queue) SELECT id, title, description, tags, category, queue "
                        "FROM tickets WHERE id >= %lld", (long long) first_ticket);
      ok = exec_sql (db, sql, error);
    }
  if (ok)
    {
      sqlite3_snprintf (sizeof sql, sql,
                        "INSERT INTO ticket_entries_fts (rowid, body) "
                        "SELECT id, body FROM ticket_entries WHERE id >= %lld",
                        (long long) first_entry);
      ok = exec_sql (db, sql, error);
    }

  for (guint i = 0; ok && i < trigger_sql->len; i++)
    ok = exec_sql (db, g_ptr_array_index (trigger_sql, i), error);

  return ok;
}

const char *
bench_ticket_search_term (guint index)
{
  return ticket_terms[index % G_N_ELEMENTS (ticket_terms)];
}

guint
bench_n_ticket_search_terms (void)
{
  return G_N_ELEMENTS (ticket_terms);
}

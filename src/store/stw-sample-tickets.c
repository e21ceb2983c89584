/* stw-sample-tickets.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sample-tickets"

#include "config.h"

#include <string.h>

#include "core/stw-time.h"
#include "stw-database-private.h"
#include "stw-repo-private.h"
#include "stw-sample-data-private.h"
#include "stw-sample-data.h"
#include "stw-ticket-repo.h"

/*
 * The sample company's service desk: incidents, service requests,
 * problems and changes in every status of their lifecycles, written in
 * the sample's one write (one undo step) through the ticket repository,
 * so that every move is checked as a person's would be.
 *
 * A ticket is played from its opening to now: the write's clock is set
 * back to each moment of its past (stw_write_context_set_time()), so
 * its opening, first response, resolution and closing, the comments and
 * the status history in the journal (from which the SLA clocks read the
 * waits) all carry the times they happened at. Undo and redo bring back
 * the same times, since the journal rows carry them.
 *
 * An open ticket is opened as long ago as it takes to use a given share
 * of the SLA target of the clock it runs, in the stored working hours and
 * targets: whenever and wherever the sample is loaded, the same tickets
 * are on time, at risk (a share between ¾ and 1) or breached (above 1).
 * A done ticket was opened a number of hours ago.
 */

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* How far back an opening time is looked for. */
#define OLDEST (90 * DAY)

#define INCIDENT STW_TICKET_TYPE_INCIDENT
#define REQUEST  STW_TICKET_TYPE_REQUEST
#define PROBLEM  STW_TICKET_TYPE_PROBLEM
#define CHANGE   STW_TICKET_TYPE_CHANGE
#define LOW      STW_LEVEL_LOW
#define MEDIUM   STW_LEVEL_MEDIUM
#define HIGH     STW_LEVEL_HIGH

typedef struct
{
  const char    *key;         /* how the other tickets name it */
  StwTicketType  type;
  const char    *steps;       /* the statuses it went through after its first */
  const char    *title;
  const char    *description;
  StwLevel       impact;
  StwLevel       urgency;
  int            priority;    /* 0: as impact and urgency give */
  const char    *reason;      /* why the priority was overridden */
  const char    *category;
  const char    *queue;
  const char    *tags;
  const char    *requester;
  const char    *assignee;    /* from its first step on */
  double         sla;         /* open: the share of its running SLA target used */
  int            hours;       /* done: opened this many hours ago */
  int            due_days;    /* due in this many days, or 0 */
  const char    *parent;
  const char    *problem;
  const char    *asset;       /* the linked asset's category key[:part of its model] */
  gboolean       stock;       /* the asset is one in stock */
  const char    *owner;       /* whose the asset is, if not the requester's */
} SampleTicket;

static const SampleTicket tickets[] = {
  /* Incidents -------------------------------------------------------- */
  { .key = "vpn-lisbon", .type = INCIDENT, .steps = "assigned in-progress",
    .title = "VPN drops every 10 minutes for the Lisbon office",
    .description = "Since Monday the VPN disconnects about every ten minutes for everyone "
                   "working from home in Lisbon. Reconnecting works, but calls and uploads "
                   "break.",
    .impact = HIGH, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "vpn lisbon", .requester = "Beatriz Silva", .assignee = "Rui Oliveira",
    .sla = 0.85, .problem = "p-vpn", .asset = "network:FortiGate" },
  { .key = "vpn-calls", .type = INCIDENT, .steps = "assigned in-progress resolved closed",
    .title = "VPN disconnects during video calls",
    .description = "Teams calls over the VPN end after a few minutes; the VPN client shows "
                   "“reconnecting”.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "vpn teams", .requester = "Ana Rodrigues", .assignee = "Rui Oliveira",
    .hours = 340, .problem = "p-vpn", .asset = "laptop" },
  { .key = "vpn-share", .type = INCIDENT, .steps = "assigned in-progress resolved",
    .title = "Cannot reach the file share over the VPN from home",
    .description = "The S: drive is not found when connected through the VPN; in the office "
                   "it works.",
    .impact = MEDIUM, .urgency = LOW, .category = "Network", .queue = "Service Desk",
    .tags = "vpn file-share", .requester = "Pedro Martins", .assignee = "Rui Oliveira",
    .hours = 100, .problem = "p-vpn" },
  { .key = "vpn-dock", .type = INCIDENT, .steps = "assigned",
    .title = "VPN drops when switching from Wi-Fi to cable",
    .description = "Plugging in the dock while connected drops the VPN, and it does not come "
                   "back without a restart.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "vpn dock", .requester = "Søren Nielsen", .assignee = "Rui Oliveira",
    .sla = 0.45, .problem = "p-vpn", .asset = "peripheral:Dock" },
  { .key = "printer-floor-2", .type = INCIDENT, .steps = "assigned in-progress pending",
    .title = "Printer on floor 2 jams on every duplex job",
    .description = "The HP colour printer in the Floor 2 open space jams on double-sided jobs; "
                   "single-sided prints are fine.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Printing", .queue = "Workplace",
    .tags = "printer floor-2 berlin", .requester = "Sophie Koch", .assignee = "Felix Schäfer",
    .sla = 0.4, .problem = "p-printer", .asset = "printer:LaserJet" },
  { .key = "outlook-password", .type = INCIDENT,
    .title = "Outlook asks for the password again and again",
    .description = "Since this morning Outlook asks for my password every few minutes, even "
                   "after I type it correctly.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Email", .queue = "Service Desk",
    .tags = "outlook password", .requester = "Emily Clarke", .sla = 1.6,
    .problem = "p-outlook" },
  { .key = "laptop-sleep", .type = INCIDENT, .steps = "assigned",
    .title = "Laptop does not wake from sleep",
    .description = "After closing the lid the screen stays black; only holding the power "
                   "button brings the laptop back.",
    .impact = LOW, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "laptop", .requester = "Jonas Weber", .assignee = "Felix Schäfer", .sla = 0.32,
    .asset = "laptop" },
  { .key = "wifi-spree", .type = INCIDENT, .steps = "assigned in-progress",
    .title = "Wi-Fi keeps dropping in Meeting Room Spree",
    .description = "Laptops lose the Wi-Fi for a few seconds every few minutes in Meeting Room "
                   "Spree, which ends video calls.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "wifi berlin meeting-room", .requester = "Lukas Richter",
    .assignee = "Felix Schäfer", .sla = 0.55, .asset = "network:UniFi" },
  { .key = "headset-dock", .type = INCIDENT, .steps = "assigned in-progress resolved",
    .title = "No audio in Teams calls through the headset on the dock",
    .description = "The headset works when plugged into the laptop, but not into the docking "
                   "station.",
    .impact = LOW, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "headset dock teams", .requester = "Harry Evans", .assignee = "George Walker",
    .hours = 60, .problem = "p-dock", .asset = "peripheral:Jabra" },
  { .key = "monitor-flicker", .type = INCIDENT, .steps = "assigned in-progress resolved closed",
    .title = "Monitor flickers when connected through the dock",
    .impact = LOW, .urgency = LOW, .category = "Hardware", .queue = "Workplace",
    .tags = "monitor dock", .requester = "Inês Ferreira", .assignee = "Rui Oliveira",
    .hours = 420, .problem = "p-dock", .asset = "monitor" },
  { .key = "shared-mailbox", .type = INCIDENT, .steps = "assigned in-progress resolved",
    .title = "Shared sales mailbox missing in Outlook",
    .description = "The sales@ mailbox disappeared from Outlook on my laptop; my colleagues "
                   "still see it.",
    .impact = LOW, .urgency = MEDIUM, .category = "Email", .queue = "Service Desk",
    .tags = "outlook mailbox", .requester = "Tobias Becker", .assignee = "Felix Schäfer",
    .hours = 30 },
  { .key = "payroll", .type = INCIDENT, .steps = "assigned in-progress",
    .title = "Payroll export to the bank fails with a certificate error",
    .description = "The monthly payroll file cannot be uploaded to the bank's portal: “The "
                   "server's certificate is not trusted”.",
    .impact = MEDIUM, .urgency = MEDIUM, .priority = 1,
    .reason = "Salaries must reach the bank by 15:00 on payday.",
    .category = "Software", .queue = "Service Desk", .tags = "finance payroll certificate",
    .requester = "Amelia Patel", .assignee = "George Walker", .sla = 1.3 },
  { .key = "ups-battery", .type = INCIDENT, .steps = "assigned",
    .title = "Server room UPS reports a battery fault",
    .description = "The UPS in the Berlin server room beeps and shows “Replace battery”. It "
                   "still carries the load.",
    .impact = HIGH, .urgency = LOW, .priority = 2,
    .reason = "Another power cut would take the Berlin servers down uncleanly.",
    .category = "Hardware", .queue = "Workplace", .tags = "ups server-room berlin",
    .requester = "Yuki Tanaka", .assignee = "Felix Schäfer", .sla = 0.6,
    .asset = "other:UPS" },
  { .key = "mac-printer", .type = INCIDENT,
    .title = "Cannot print from the Mac to the Brother printer",
    .description = "My MacBook finds the Brother printer in London, but every job stays in "
                   "the queue as “paused”.",
    .impact = LOW, .urgency = LOW, .category = "Printing", .queue = "Service Desk",
    .tags = "printer macos london", .requester = "Isla Thompson", .sla = 0.2,
    .asset = "printer:MFC" },
  { .key = "keyboard", .type = INCIDENT, .steps = "assigned in-progress resolved closed",
    .title = "Keys repeat on the wireless keyboard",
    .description = "Letters appear twice or three times when typing fast.",
    .impact = LOW, .urgency = LOW, .category = "Hardware", .queue = "Workplace",
    .tags = "keyboard", .requester = "Lucía García", .assignee = "George Walker",
    .hours = 700, .asset = "peripheral:MX Keys" },
  { .key = "phone-screen", .type = INCIDENT, .steps = "assigned in-progress",
    .title = "Phone screen cracked after a fall",
    .description = "The screen of my work phone cracked; touch still works in the lower half.",
    .impact = LOW, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "phone repair", .requester = "Mariana Costa", .assignee = "Rui Oliveira",
    .sla = 0.5, .asset = "phone" },
  { .key = "badge-reader", .type = INCIDENT, .steps = "assigned in-progress pending",
    .title = "Badge reader at the London entrance rejects cards",
    .description = "Since the weekend the reader at the main door blinks red for about half "
                   "of the badges.",
    .impact = MEDIUM, .urgency = HIGH, .category = "Access", .queue = "Workplace",
    .tags = "badge london", .requester = "Jack Robinson", .assignee = "George Walker",
    .sla = 0.33 },
  { .key = "wiki-slow", .type = INCIDENT,
    .title = "Wiki is very slow since this morning",
    .description = "Pages in the wiki take 20 to 30 seconds to open for the whole engineering "
                   "team.",
    .impact = MEDIUM, .urgency = HIGH, .category = "Software", .queue = "Service Desk",
    .tags = "wiki performance", .requester = "Oliver Hughes", .sla = 0.8 },
  { .key = "dock-power", .type = INCIDENT,
    .steps = "assigned in-progress resolved in-progress",
    .title = "Docking station does not charge the laptop",
    .description = "The laptop runs on its battery while docked; the light on the dock is "
                   "white.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "dock power", .requester = "Lea Fischer", .assignee = "Felix Schäfer",
    .sla = 0.42, .problem = "p-dock", .asset = "peripheral:Dock" },
  { .key = "excel-crash", .type = INCIDENT, .steps = "assigned in-progress resolved closed",
    .title = "Excel crashes when opening the budget workbook",
    .description = "Excel closes without a message as soon as the 2026 budget workbook opens.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Software", .queue = "Service Desk",
    .tags = "excel finance", .requester = "Wei Zhang", .assignee = "George Walker",
    .hours = 520, .problem = "p-excel" },
  { .key = "lost-phone", .type = INCIDENT, .steps = "assigned in-progress resolved",
    .title = "Work phone lost on the train",
    .description = "I left my phone on the train from Berlin to Hamburg this morning.",
    .impact = MEDIUM, .urgency = HIGH, .category = "Hardware", .queue = "Service Desk",
    .tags = "phone lost security", .requester = "Kwame Mensah", .assignee = "Felix Schäfer",
    .hours = 80, .asset = "phone" },
  { .key = "projector", .type = INCIDENT, .steps = "assigned in-progress resolved closed",
    .title = "Projector in Meeting Room Spree shows no picture",
    .impact = LOW, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "meeting-room berlin", .requester = "Zoë Müller", .assignee = "Felix Schäfer",
    .hours = 900 },
  { .key = "build-disk", .type = INCIDENT, .steps = "assigned in-progress",
    .title = "Disk almost full on the build server",
    .description = "Builds fail with “No space left on device” on the London build server.",
    .impact = HIGH, .urgency = MEDIUM, .category = "Server", .queue = "Servers",
    .tags = "build server disk", .requester = "Priya Shah", .assignee = "George Walker",
    .sla = 1.2, .problem = "p-disk", .asset = "server" },
  { .key = "account-locked", .type = INCIDENT, .steps = "in-progress resolved closed",
    .title = "Account locked after a password change",
    .impact = LOW, .urgency = HIGH, .category = "Access", .queue = "Service Desk",
    .tags = "password account", .requester = "Grace Wright", .assignee = "George Walker",
    .hours = 200 },
  { .key = "blank-pages", .type = INCIDENT,
    .title = "Printer on floor 1 prints blank pages",
    .description = "Every second page comes out blank from the Brother printer on floor 1.",
    .impact = LOW, .urgency = MEDIUM, .category = "Printing", .queue = "Workplace",
    .tags = "printer london floor-1", .requester = "Chloé Dubois", .sla = 0.3,
    .asset = "printer" },
  { .key = "guest-wifi", .type = INCIDENT,
    .title = "Guest Wi-Fi password does not work",
    .description = "Visitors in Lisbon cannot join the guest Wi-Fi with the password on the "
                   "card at the reception.",
    .impact = LOW, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "wifi guest lisbon", .requester = "Sofia Almeida", .sla = 0.5 },
  { .key = "laptop-fan", .type = INCIDENT, .steps = "assigned in-progress pending",
    .title = "Laptop fan loud and hot",
    .description = "The fan runs at full speed all the time and the laptop gets hot to touch.",
    .impact = LOW, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "laptop", .requester = "Tiago Pereira", .assignee = "Rui Oliveira", .sla = 0.35,
    .asset = "laptop" },
  { .key = "outlook-laptop", .type = INCIDENT, .steps = "assigned in-progress resolved closed",
    .title = "Outlook keeps asking for the password on the new laptop",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Email", .queue = "Service Desk",
    .tags = "outlook password", .requester = "Marie Hoffmann", .assignee = "Felix Schäfer",
    .hours = 260, .problem = "p-outlook" },
  { .key = "wifi-roaming", .type = INCIDENT, .steps = "assigned in-progress resolved closed",
    .title = "Wi-Fi drops when walking between meeting rooms",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "wifi roaming berlin", .requester = "Paul Wolf", .assignee = "Felix Schäfer",
    .hours = 1100, .problem = "p-wifi" },

  /* Problems ---------------------------------------------------------- */
  { .key = "p-vpn", .type = PROBLEM, .steps = "assigned in-progress known-error",
    .title = "Recurring VPN disconnects at the Lisbon office",
    .description = "People in Lisbon lose the VPN every few minutes since the firewall's "
                   "firmware update. Workaround: connect with the “Lisbon backup” profile, "
                   "which goes through the Berlin gateway.",
    .impact = HIGH, .urgency = LOW, .category = "Network", .queue = "Network",
    .tags = "vpn lisbon firewall", .requester = "Rui Oliveira", .assignee = "Rui Oliveira",
    .sla = 0.6, .asset = "network:FortiGate" },
  { .key = "p-printer", .type = PROBLEM,
    .title = "Floor 2 printer jams on duplex jobs",
    .description = "The jams come back after every cleaning; the duplex unit may need "
                   "replacing.",
    .impact = LOW, .urgency = MEDIUM, .category = "Printing", .queue = "Workplace",
    .tags = "printer berlin", .requester = "Felix Schäfer", .sla = 0.35,
    .asset = "printer:LaserJet", .owner = "Sophie Koch" },
  { .key = "p-outlook", .type = PROBLEM, .steps = "assigned",
    .title = "Outlook password prompts after the mailbox migration",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Email", .queue = "Service Desk",
    .tags = "outlook migration", .requester = "Felix Schäfer", .assignee = "George Walker",
    .sla = 0.25 },
  { .key = "p-dock", .type = PROBLEM, .steps = "assigned in-progress",
    .title = "Docking stations lose power delivery after firmware 1.0.15",
    .description = "Docks with firmware 1.0.15 stop charging their laptops or drop USB audio. "
                   "Dell lists a fix in 1.0.17.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "dock firmware", .requester = "George Walker", .assignee = "Felix Schäfer",
    .sla = 0.3, .asset = "peripheral:Dock", .owner = "Lea Fischer" },
  { .key = "p-disk", .type = PROBLEM, .steps = "assigned in-progress pending",
    .title = "Build server disk fills up every week",
    .description = "Old build caches are never cleaned up.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Server", .queue = "Servers",
    .tags = "build server disk", .requester = "Priya Shah", .assignee = "George Walker",
    .sla = 0.22 },
  { .key = "p-wifi", .type = PROBLEM, .steps = "assigned in-progress resolved",
    .title = "Wi-Fi roaming fails between the Berlin meeting rooms",
    .impact = MEDIUM, .urgency = LOW, .category = "Network", .queue = "Network",
    .tags = "wifi roaming berlin", .requester = "Felix Schäfer", .assignee = "Felix Schäfer",
    .hours = 600 },
  { .key = "p-excel", .type = PROBLEM, .steps = "assigned in-progress resolved closed",
    .title = "The bank's Excel add-in crashes with the new Office build",
    .impact = LOW, .urgency = MEDIUM, .category = "Software", .queue = "Service Desk",
    .tags = "excel add-in", .requester = "George Walker", .assignee = "George Walker",
    .hours = 480 },

  /* Service requests -------------------------------------------------- */
  { .key = "onboarding", .type = REQUEST, .steps = "assigned in-progress",
    .title = "Onboarding for Kofi Asante, Sales, London",
    .description = "Kofi starts on Monday in the London sales team. Please have everything "
                   "ready for his first day.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Onboarding", .queue = "Service Desk",
    .tags = "new-starter london", .requester = "Grace Wright", .assignee = "George Walker",
    .sla = 0.32, .due_days = 6 },
  { .key = "starter-laptop", .type = REQUEST, .steps = "assigned in-progress",
    .title = "New starter laptop for Kofi Asante",
    .description = "A ThinkPad with the sales image, a dock and a headset.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "new-starter laptop", .requester = "Grace Wright", .assignee = "George Walker",
    .sla = 0.35, .due_days = 5, .parent = "onboarding", .asset = "laptop", .stock = TRUE },
  { .key = "starter-account", .type = REQUEST, .steps = "assigned in-progress",
    .title = "Account and mailbox for Kofi Asante",
    .description = "Account, mailbox, the sales distribution list and a CRM licence.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Access", .queue = "Service Desk",
    .tags = "new-starter account", .requester = "Grace Wright", .assignee = "George Walker",
    .sla = 0.28, .due_days = 4, .parent = "onboarding" },
  { .key = "creative-cloud", .type = REQUEST, .steps = "assigned pending",
    .title = "Adobe Creative Cloud licence for Ana Rodrigues",
    .description = "Photoshop and Illustrator for the new campaign.",
    .impact = LOW, .urgency = MEDIUM, .category = "Software", .queue = "Service Desk",
    .tags = "licence adobe", .requester = "Ana Rodrigues", .assignee = "Rui Oliveira",
    .sla = 0.27 },
  { .key = "jetbrains", .type = REQUEST,
    .title = "JetBrains licences for the new backend team",
    .description = "Three IntelliJ IDEA Ultimate licences for the developers who start next "
                   "month.",
    .impact = LOW, .urgency = LOW, .category = "Software", .queue = "Service Desk",
    .tags = "licence jetbrains", .requester = "Tiago Pereira", .sla = 0.45 },
  { .key = "finance-share", .type = REQUEST, .steps = "assigned in-progress resolved closed",
    .title = "Access to the Finance share for Wei Zhang",
    .impact = LOW, .urgency = MEDIUM, .category = "Access", .queue = "Service Desk",
    .tags = "access file-share finance", .requester = "Anna Schmidt",
    .assignee = "Felix Schäfer", .hours = 380 },
  { .key = "second-monitor", .type = REQUEST, .steps = "assigned",
    .title = "Second monitor for the home office",
    .description = "A 27-inch monitor for working from home two days a week.",
    .impact = LOW, .urgency = LOW, .category = "Hardware", .queue = "Workplace",
    .tags = "monitor home-office", .requester = "Hannah Klein", .assignee = "Felix Schäfer",
    .sla = 0.2, .due_days = 10, .asset = "monitor", .stock = TRUE },
  { .key = "lisbon-display", .type = REQUEST, .steps = "assigned in-progress resolved",
    .title = "Set up the meeting room display in Lisbon",
    .impact = LOW, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "meeting-room lisbon", .requester = "Diogo Sousa", .assignee = "Rui Oliveira",
    .hours = 50 },
  { .key = "new-phone", .type = REQUEST, .steps = "assigned in-progress resolved closed",
    .title = "Replacement phone for Kwame Mensah",
    .description = "Replaces the phone lost on the train.",
    .impact = MEDIUM, .urgency = MEDIUM, .category = "Hardware", .queue = "Service Desk",
    .tags = "phone", .requester = "Kwame Mensah", .assignee = "Felix Schäfer", .hours = 70,
    .asset = "phone", .stock = TRUE },
  { .key = "leaver", .type = REQUEST, .steps = "assigned in-progress",
    .title = "Leaver: collect the equipment of Paul Wolf",
    .description = "Paul's last day is Friday: laptop, phone, badge and accounts.",
    .impact = LOW, .urgency = MEDIUM, .category = "Offboarding", .queue = "Service Desk",
    .tags = "leaver berlin", .requester = "Marie Hoffmann", .assignee = "Felix Schäfer",
    .sla = 0.6, .due_days = 3, .asset = "laptop", .owner = "Paul Wolf" },
  { .key = "workshop-wifi", .type = REQUEST,
    .title = "Guest Wi-Fi for the customer workshop on Friday",
    .description = "About 25 guests in the Berlin meeting rooms, from 9:00 to 17:00.",
    .impact = LOW, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "wifi guest event", .requester = "Tobias Becker", .sla = 0.2, .due_days = 4 },
  { .key = "figma", .type = REQUEST, .steps = "in-progress resolved",
    .title = "Install the Figma desktop app",
    .impact = LOW, .urgency = LOW, .category = "Software", .queue = "Service Desk",
    .tags = "software design", .requester = "Inês Ferreira", .assignee = "Rui Oliveira",
    .hours = 20 },
  { .key = "headset", .type = REQUEST, .steps = "assigned in-progress resolved closed",
    .title = "Replace the broken headset",
    .impact = LOW, .urgency = LOW, .category = "Hardware", .queue = "Workplace",
    .tags = "headset", .requester = "João Santos", .assignee = "Rui Oliveira", .hours = 800,
    .asset = "peripheral:Jabra" },
  { .key = "distribution-list", .type = REQUEST, .steps = "assigned in-progress resolved closed",
    .title = "Distribution list for the Lisbon office",
    .impact = LOW, .urgency = LOW, .category = "Email", .queue = "Service Desk",
    .tags = "email lisbon", .requester = "Sofia Almeida", .assignee = "Rui Oliveira",
    .hours = 1000 },
  { .key = "auditor-laptops", .type = REQUEST, .steps = "assigned",
    .title = "Loan laptops for the auditors",
    .description = "Two laptops with browser access only, for the external auditors' visit "
                   "next week.",
    .impact = LOW, .urgency = MEDIUM, .category = "Hardware", .queue = "Workplace",
    .tags = "loaner finance", .requester = "Amelia Patel", .assignee = "George Walker",
    .sla = 0.18, .due_days = 7, .asset = "laptop", .stock = TRUE },
  { .key = "downtime-notice", .type = REQUEST, .steps = "assigned in-progress resolved",
    .title = "Announce the Saturday network downtime in Lisbon",
    .impact = LOW, .urgency = MEDIUM, .category = "Network", .queue = "Network",
    .tags = "maintenance-window lisbon", .requester = "Rui Oliveira",
    .assignee = "Rui Oliveira", .hours = 6, .parent = "core-switch" },

  /* Changes ----------------------------------------------------------- */
  { .key = "core-switch", .type = CHANGE, .steps = "assessed approved scheduled",
    .title = "Replace the core switch in the Lisbon rack room",
    .description = "The Juniper EX2300 is out of support. Replace it with a Catalyst 9300 in "
                   "Saturday's maintenance window, 08:00 to 12:00.",
    .impact = HIGH, .urgency = LOW, .category = "Network", .queue = "Network",
    .tags = "switch lisbon maintenance-window", .requester = "Rui Oliveira",
    .assignee = "Rui Oliveira", .sla = 0.38, .due_days = 6, .asset = "network:Juniper" },
  { .key = "switch-backup", .type = CHANGE, .steps = "assessed approved scheduled implemented",
    .title = "Back up the Lisbon switch configuration",
    .impact = LOW, .urgency = LOW, .category = "Network", .queue = "Network",
    .tags = "switch backup", .requester = "Rui Oliveira", .assignee = "Rui Oliveira",
    .hours = 10, .parent = "core-switch" },
  { .key = "firewall-firmware", .type = CHANGE, .steps = "assessed approved",
    .title = "Update the FortiGate firmware to 7.2.8",
    .description = "Fixes the IPsec rekeying behind the Lisbon VPN drops; in the same "
                   "maintenance window as the switch.",
    .impact = HIGH, .urgency = LOW, .category = "Network", .queue = "Network",
    .tags = "firewall firmware vpn", .requester = "Rui Oliveira", .assignee = "Rui Oliveira",
    .sla = 0.26, .parent = "core-switch", .asset = "network:FortiGate" },
  { .key = "print-server", .type = CHANGE,
    .title = "Upgrade the Berlin print server to Windows Server 2022",
    .impact = LOW, .urgency = LOW, .category = "Server", .queue = "Servers",
    .tags = "print-server upgrade", .requester = "Felix Schäfer", .sla = 0.25 },
  { .key = "office-update", .type = CHANGE, .steps = "assessed",
    .title = "Roll out the Office update to all laptops",
    .description = "Version 2410 fixes the crash of the bank's Excel add-in; in two waves.",
    .impact = MEDIUM, .urgency = LOW, .category = "Software", .queue = "Service Desk",
    .tags = "office rollout", .requester = "George Walker", .assignee = "George Walker",
    .sla = 0.36 },
  { .key = "vpn-mfa", .type = CHANGE,
    .steps = "assessed approved scheduled implemented reviewed",
    .title = "Turn on multi-factor sign-in for all VPN users",
    .impact = MEDIUM, .urgency = LOW, .category = "Access", .queue = "Network",
    .tags = "mfa vpn security", .requester = "Tiago Pereira", .assignee = "Rui Oliveira",
    .hours = 300 },
  { .key = "wiki-move", .type = CHANGE, .steps = "assessed rejected",
    .title = "Move the wiki to the new server",
    .impact = LOW, .urgency = LOW, .category = "Server", .queue = "Servers", .tags = "wiki",
    .requester = "Oliver Hughes", .assignee = "George Walker", .hours = 150 },
  { .key = "ups-batteries", .type = CHANGE,
    .steps = "assessed approved scheduled implemented reviewed closed",
    .title = "Replace the London UPS batteries",
    .impact = MEDIUM, .urgency = LOW, .category = "Hardware", .queue = "Workplace",
    .tags = "ups london", .requester = "George Walker", .assignee = "George Walker",
    .hours = 1200, .asset = "other:UPS" },
  { .key = "firewall-port", .type = CHANGE, .steps = "rejected closed",
    .title = "Open port 22 on the firewall for a contractor",
    .impact = LOW, .urgency = MEDIUM, .category = "Access", .queue = "Network",
    .tags = "firewall security", .requester = "Mohammed Khan", .assignee = "Rui Oliveira",
    .hours = 400 },
  { .key = "exchange-connector", .type = CHANGE,
    .steps = "assessed approved scheduled implemented",
    .title = "Retire the old Exchange connector",
    .impact = LOW, .urgency = LOW, .category = "Email", .queue = "Service Desk",
    .tags = "exchange", .requester = "George Walker", .assignee = "George Walker",
    .hours = 40 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (tickets) == STW_SAMPLE_N_TICKETS);

/* Comments, internal notes and work log, each after some of its
 * ticket's steps; by its assignee unless another author is named. */
typedef struct
{
  const char         *ticket;
  guint               after;
  StwTicketEntryKind  kind;
  int                 minutes;
  const char         *body;
  const char         *author;
} SampleEntry;

#define COMMENT  STW_TICKET_ENTRY_COMMENT
#define INTERNAL STW_TICKET_ENTRY_INTERNAL
#define WORK     STW_TICKET_ENTRY_WORK

static const SampleEntry entries[] = {
  { "vpn-lisbon", 1, COMMENT, 0, "Thanks, Beatriz. We can see the tunnels renegotiating on the "
    "firewall and are collecting logs." },
  { "vpn-lisbon", 2, INTERNAL, 0, "Phase 2 lifetime dropped to 600 s after last week's "
    "firmware update, which matches the ten minutes." },
  { "vpn-lisbon", 2, WORK, 45, "Captured IKE debug output on the firewall during two drops." },
  { "vpn-lisbon", 2, COMMENT, 0, "It happened twice more this morning.", "Beatriz Silva" },
  { "vpn-calls", 2, WORK, 30, "Reinstalled the VPN client; a test call lasted 40 minutes." },
  { "vpn-calls", 3, COMMENT, 0, "Closing this for now; please open a new ticket if the calls "
    "drop again." },
  { "vpn-share", 2, COMMENT, 0, "The VPN dropped while the drive was being mapped. "
    "Workaround: reconnect, then run “Map drives” from the Start menu." },
  { "printer-floor-2", 2, WORK, 20, "Cleaned the rollers and the duplex unit; the jams go on." },
  { "printer-floor-2", 3, COMMENT, 0, "An HP technician is booked for Thursday morning; until "
    "then please print single-sided." },
  { "printer-floor-2", 3, COMMENT, 0, "Thanks, we will manage until Thursday.", "Sophie Koch" },
  { "outlook-password", 0, INTERNAL, 0, "Looks like the mailbox migration again.",
    "Felix Schäfer" },
  { "wifi-spree", 2, INTERNAL, 0, "The access point in the room restarts every few minutes; "
    "checking its power over Ethernet." },
  { "headset-dock", 2, COMMENT, 0, "Updated the dock's firmware; the headset now works through "
    "the dock. Can you confirm?" },
  { "monitor-flicker", 2, WORK, 25, "Swapped the USB-C cable for a certified one; no flicker "
    "since." },
  { "shared-mailbox", 1, COMMENT, 0, "Looking at it now." },
  { "shared-mailbox", 3, COMMENT, 0, "Your permission on the mailbox had been removed by "
    "mistake; it is back, and Outlook shows the mailbox after a restart." },
  { "payroll", 1, COMMENT, 0, "On it. Can you send a screenshot of the whole error?" },
  { "payroll", 1, COMMENT, 0, "Sent to you by mail just now.", "Amelia Patel" },
  { "payroll", 2, INTERNAL, 0, "The bank changed its intermediate certificate; our proxy does "
    "not trust it yet." },
  { "payroll", 2, WORK, 60, "Testing the upload from a machine outside the proxy." },
  { "ups-battery", 1, INTERNAL, 0, "Battery pack APCRBC124 ordered from Bechtle, delivery on "
    "Wednesday." },
  { "keyboard", 2, COMMENT, 0, "New batteries fixed it; the old ones were almost empty." },
  { "phone-screen", 2, INTERNAL, 0, "Sent to the repair partner; loaner phone handed over." },
  { "badge-reader", 3, COMMENT, 0, "The reader belongs to the building; we are waiting for "
    "their facilities team to replace it." },
  { "dock-power", 2, WORK, 15, "Reseated the cable; charging works again." },
  { "dock-power", 3, COMMENT, 0, "It stopped charging again this morning.", "Lea Fischer" },
  { "dock-power", 4, INTERNAL, 0, "Same firmware as the other docks with this fault; see the "
    "problem." },
  { "excel-crash", 2, WORK, 40, "Turned off the bank's add-in; the workbook opens." },
  { "lost-phone", 1, COMMENT, 0, "The phone is locked and will be wiped as soon as it comes "
    "online. I have opened a request for a replacement." },
  { "lost-phone", 2, WORK, 20, "Remote wipe sent; SIM card blocked with the carrier." },
  { "projector", 2, COMMENT, 0, "The HDMI adapter was broken; there is a new one in the room." },
  { "build-disk", 1, COMMENT, 0, "Removed 40 GB of old build caches; builds run again for "
    "now." },
  { "build-disk", 2, WORK, 35, "Looking for what fills the disk." },
  { "account-locked", 1, COMMENT, 0, "Unlocked. Your phone still had the old password for your "
    "mail, which locked the account again." },
  { "laptop-fan", 3, COMMENT, 0, "Please bring the laptop to the IT desk when you are in the "
    "office; we will clean the fan." },
  { "outlook-laptop", 2, WORK, 30, "Removed the old credentials from the Windows Credential "
    "Manager." },
  { "p-vpn", 2, INTERNAL, 0, "Cause: the firmware update reset the IPsec phase 2 lifetime to "
    "600 s, and the clients do not rekey in time." },
  { "p-vpn", 3, COMMENT, 0, "Workaround on the wiki: use the “Lisbon backup” VPN profile until "
    "the fix is in place." },
  { "p-vpn", 3, WORK, 90, "Tested the corrected lifetime on the lab firewall." },
  { "p-printer", 0, INTERNAL, 0, "Third duplex jam ticket this month." },
  { "p-dock", 2, WORK, 50, "Flashed 1.0.17 on two test docks; both charge and keep their "
    "audio." },
  { "p-disk", 3, COMMENT, 0, "Asked the CI vendor for a cache retention setting; waiting for "
    "their answer." },
  { "p-wifi", 2, INTERNAL, 0, "Turned on fast roaming (802.11r) for the office network; no "
    "drops in tests since." },
  { "onboarding", 1, COMMENT, 0, "Laptop and account are on their way; see the two tickets "
    "below this one." },
  { "starter-laptop", 2, WORK, 45, "Installed the sales image; dock and headset set aside." },
  { "creative-cloud", 2, COMMENT, 0, "Waiting for marketing to approve the budget before we buy "
    "the licence." },
  { "finance-share", 1, INTERNAL, 0, "Approved by Anna as head of finance." },
  { "lisbon-display", 2, WORK, 90, "Mounted the display and connected it to the room PC." },
  { "figma", 2, COMMENT, 0, "Installed from the software centre; you can start it now." },
  { "core-switch", 1, INTERNAL, 0, "Risk: the Lisbon office is offline during the swap. "
    "Rollback: put the old switch back; its configuration is backed up." },
  { "core-switch", 2, COMMENT, 0, "Approved in this week's change meeting.", "George Walker" },
  { "vpn-mfa", 5, COMMENT, 0, "Review: 36 of 38 people have signed up; the last two are on "
    "holiday." },
  { "wiki-move", 2, COMMENT, 0, "Rejected: the wiki moves to the hosted service next quarter "
    "instead." },
  { "firewall-port", 1, COMMENT, 0, "Rejected: contractors get in through the VPN, with an "
    "account of their own." },
};

/* ------------------------------------------------------------------------ */

typedef struct
{
  const SampleTicket *spec;
  StwTicketStatus     statuses[8];
  guint               n_steps;
  gint64              created;
  double              rank;
  StwTicket          *ticket;       /* once stored */
  gint64              last_time;    /* of its last event */
} Play;

static int
find_person (const StwSampleRefs *refs,
             const char          *name)
{
  for (guint p = 0; p < refs->n_people; p++)
    if (g_str_equal (refs->person_names[p], name))
      return p;

  g_error ("The sample has no person called “%s”", name);
  return 0;
}

static gint64
person_id (const StwSampleRefs *refs,
           const char          *name)
{
  return name != NULL ? refs->person_ids[find_person (refs, name)] : 0;
}

static Play *
find_play (Play       *plays,
           const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (tickets); i++)
    if (g_str_equal (plays[i].spec->key, key))
      return &plays[i];

  g_error ("The sample has no ticket called “%s”", key);
  return NULL;
}

/* The opening time that leaves @seconds of working time until @now;
 * the working time since an opening only shrinks as it moves later. */
static gint64
working_ago (StwSlaCalendar *calendar,
             gint64          now,
             gint64          seconds)
{
  g_autoptr(GDateTime) end = stw_time_from_usec (now);
  gint64 early = now - OLDEST, late = now;

  while (late - early > G_USEC_PER_SEC)
    {
      gint64 middle = early + (late - early) / 2;
      g_autoptr(GDateTime) start = stw_time_from_usec (middle);

      if (stw_sla_calendar_working_seconds (calendar, start, end) >= seconds)
        early = middle;
      else
        late = middle;
    }

  return early;
}

static gint64
opened_at (const Play         *play,
           StwSlaCalendar     *calendar,
           const StwSlaPolicy *policy,
           gint64              now)
{
  const SampleTicket *spec = play->spec;
  int priority = spec->priority != 0 ? spec->priority
                                     : stw_ticket_priority (spec->impact, spec->urgency);
  gint64 target;

  g_assert ((spec->hours > 0) != (spec->sla > 0));

  /* Not all on the hour. */
  if (spec->hours > 0)
    return now - spec->hours * HOUR - g_str_hash (spec->key) % 50 * MINUTE;

  /* Before its first step, its response clock runs; after, only the
   * resolution clock does. */
  target = play->n_steps == 0 ? policy->response[priority] : policy->resolution[priority];
  return working_ago (calendar, now, (gint64)(spec->sla * target));
}

static void
parse_steps (Play *play)
{
  g_auto(GStrv) keys = g_strsplit (play->spec->steps != NULL ? play->spec->steps : "", " ", -1);

  play->statuses[0] = stw_ticket_type_initial_status (play->spec->type);
  for (guint i = 0; keys[i] != NULL && keys[i][0] != '\0'; i++)
    {
      g_assert (i + 1 < G_N_ELEMENTS (play->statuses));
      if (!stw_ticket_status_from_key (keys[i], &play->statuses[i + 1]))
        g_error ("Unknown status “%s” in the sample", keys[i]);
      play->n_steps++;
    }
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const Play *x = *(const Play * const *)a, *y = *(const Play * const *)b;

  return x->created < y->created ? -1 : x->created > y->created;
}

/* A board column in order of priority, then the oldest first. */
static int
compare_board (gconstpointer a,
               gconstpointer b)
{
  const Play *x = *(const Play * const *)a, *y = *(const Play * const *)b;
  int px = x->spec->priority != 0 ? x->spec->priority
                                  : stw_ticket_priority (x->spec->impact, x->spec->urgency);
  int py = y->spec->priority != 0 ? y->spec->priority
                                  : stw_ticket_priority (y->spec->impact, y->spec->urgency);

  if (px != py)
    return px - py;
  return compare_created (a, b);
}

static void
rank_columns (Play *plays)
{
  g_autoptr(GPtrArray) column = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (tickets); i++)
    {
      Play *play = &plays[i];

      if (play->rank != 0)
        continue;

      g_ptr_array_set_size (column, 0);
      for (guint j = i; j < G_N_ELEMENTS (tickets); j++)
        if (plays[j].spec->type == play->spec->type &&
            plays[j].statuses[plays[j].n_steps] == play->statuses[play->n_steps])
          g_ptr_array_add (column, &plays[j]);

      g_ptr_array_sort (column, compare_board);
      for (guint j = 0; j < column->len; j++)
        ((Play *) g_ptr_array_index (column, j))->rank = j + 1;
    }
}

/* The asset a ticket is about: the owner's own, else one in the owner's
 * office, else any, of the category and model asked for. */
static gint64
pick_asset (const StwSampleRefs *refs,
            const SampleTicket  *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec->asset, ":", 2);
  StwAssetCategory category;
  StwAssetStatus status = spec->stock ? STW_ASSET_STATUS_IN_STOCK : STW_ASSET_STATUS_DEPLOYED;
  int owner = find_person (refs, spec->owner != NULL ? spec->owner : spec->requester);

  if (!stw_asset_category_from_key (parts[0], &category))
    g_error ("Unknown asset category “%s” in the sample", parts[0]);

  for (guint pass = 0; pass < 4; pass++)
    for (guint i = 0; i < refs->n_assets; i++)
      {
        const StwSampleAsset *asset = &refs->assets[i];

        if (asset->category != category ||
            (parts[1] != NULL && strstr (asset->model, parts[1]) == NULL))
          continue;

        if ((pass == 0 && !spec->stock && asset->person == owner) ||
            (pass == 1 && asset->office == refs->person_offices[owner] &&
             asset->status == status) ||
            (pass == 2 && asset->status == status) ||
            pass == 3)
          return asset->id;
      }

  return 0;
}

/* Event @index of @count in a ticket's life, which spans @span from its
 * opening: the first answer comes soon, later steps spread out. */
static gint64
event_time (const Play *play,
            gint64      span,
            guint       index,
            guint       count)
{
  double share = (double) index / count;
  gint64 offset = (gint64)(span * share * share);

  if (index == 1)
    offset = MIN (offset, 20 * MINUTE);
  return play->created + MAX (offset, index * MINUTE);
}

static gboolean
add_entries (StwWriteContext      *ctx,
             const StwSampleRefs  *refs,
             Play                 *play,
             guint                 after,
             gint64               *times,
             guint                *event,
             GError              **error)
{
  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      const SampleEntry *entry = &entries[e];
      gint64 author;

      if (!g_str_equal (entry->ticket, play->spec->key) || entry->after != after)
        continue;

      author = person_id (refs, entry->author != NULL ? entry->author : play->spec->assignee);
      if (!stw_write_context_set_time (ctx, times[(*event)++], error) ||
          stw_ticket_repo_add_entry_in (ctx, stw_ticket_get_value (play->ticket,
                                                                   STW_TICKET_VALUE_ID),
                                        entry->kind, author, entry->body, entry->minutes,
                                        error) == 0)
        return FALSE;
    }

  return TRUE;
}

static guint
count_entries (const Play *play)
{
  guint n = 0;

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    if (g_str_equal (entries[e].ticket, play->spec->key))
      {
        g_assert (entries[e].after <= play->n_steps);
        n++;
      }

  return n;
}

/* Opens the ticket at its opening time and takes it through its steps
 * and entries, each at its time. */
static gboolean
play_ticket (StwWriteContext      *ctx,
             const StwSampleRefs  *refs,
             Play                 *plays,
             Play                 *play,
             gint64                now,
             GError              **error)
{
  const SampleTicket *spec = play->spec;
  guint n_events = play->n_steps + count_entries (play);
  g_autofree gint64 *times = g_new0 (gint64, n_events + 1);
  StwTicket *ticket;
  guint event = 0;
  gint64 span = (now - play->created) * 9 / 10;

  for (guint i = 0; i < n_events; i++)
    times[i] = event_time (play, span, i + 1, n_events);

  ticket = play->ticket = stw_ticket_new (spec->type);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TITLE, spec->title);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_DESCRIPTION, spec->description);
  stw_ticket_set_levels (ticket, spec->impact, spec->urgency);
  if (spec->priority != 0)
    {
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_PRIORITY, spec->priority);
      stw_ticket_set_text (ticket, STW_TICKET_TEXT_PRIORITY_REASON, spec->reason);
    }
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_CATEGORY, spec->category);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_QUEUE, spec->queue);
  stw_ticket_set_text (ticket, STW_TICKET_TEXT_TAGS, spec->tags);
  stw_ticket_set_value (ticket, STW_TICKET_VALUE_REQUESTER_ID, person_id (refs, spec->requester));
  stw_ticket_set_rank (ticket, play->rank);
  if (spec->due_days > 0)
    stw_ticket_set_value (ticket, STW_TICKET_VALUE_DUE, now + spec->due_days * DAY);

  /* Links to tickets opened before it are there from the start; the
   * others are made when those are opened (see link_later()). */
  if (spec->parent != NULL && find_play (plays, spec->parent)->ticket != NULL)
    stw_ticket_set_value (ticket, STW_TICKET_VALUE_PARENT_ID,
                          stw_ticket_get_value (find_play (plays, spec->parent)->ticket,
                                                STW_TICKET_VALUE_ID));
  if (spec->problem != NULL && find_play (plays, spec->problem)->ticket != NULL)
    stw_ticket_set_value (ticket, STW_TICKET_VALUE_PROBLEM_ID,
                          stw_ticket_get_value (find_play (plays, spec->problem)->ticket,
                                                STW_TICKET_VALUE_ID));

  if (!stw_write_context_set_time (ctx, play->created, error) ||
      !stw_ticket_repo_save_in (ctx, ticket, error))
    return FALSE;

  if (spec->asset != NULL)
    {
      gint64 asset = pick_asset (refs, spec);

      if (asset != 0 &&
          !stw_ticket_repo_link_asset_in (ctx, stw_ticket_get_value (ticket, STW_TICKET_VALUE_ID),
                                          asset, error))
        return FALSE;
    }

  if (!add_entries (ctx, refs, play, 0, times, &event, error))
    return FALSE;

  for (guint step = 1; step <= play->n_steps; step++)
    {
      if (step == 1)
        stw_ticket_set_value (ticket, STW_TICKET_VALUE_ASSIGNEE_ID,
                              person_id (refs, spec->assignee));
      stw_ticket_set_value (ticket, STW_TICKET_VALUE_STATUS, play->statuses[step]);

      if (!stw_write_context_set_time (ctx, times[event++], error) ||
          !stw_ticket_repo_save_in (ctx, ticket, error) ||
          !add_entries (ctx, refs, play, step, times, &event, error))
        return FALSE;
    }

  play->last_time = event > 0 ? times[event - 1] : play->created;
  return TRUE;
}

/* Links a ticket opened before the one it points to, once both are
 * there: an incident comes before the problem found behind it. */
static gboolean
link_later (StwWriteContext  *ctx,
            Play             *plays,
            Play             *play,
            gint64            now,
            GError          **error)
{
  Play *parent = play->spec->parent != NULL ? find_play (plays, play->spec->parent) : NULL;
  Play *problem = play->spec->problem != NULL ? find_play (plays, play->spec->problem) : NULL;
  gint64 time = play->last_time;

  if (stw_ticket_get_value (play->ticket, STW_TICKET_VALUE_PARENT_ID) != 0)
    parent = NULL;
  if (stw_ticket_get_value (play->ticket, STW_TICKET_VALUE_PROBLEM_ID) != 0)
    problem = NULL;
  if (parent == NULL && problem == NULL)
    return TRUE;

  if (parent != NULL)
    {
      stw_ticket_set_value (play->ticket, STW_TICKET_VALUE_PARENT_ID,
                            stw_ticket_get_value (parent->ticket, STW_TICKET_VALUE_ID));
      time = MAX (time, parent->created);
    }
  if (problem != NULL)
    {
      stw_ticket_set_value (play->ticket, STW_TICKET_VALUE_PROBLEM_ID,
                            stw_ticket_get_value (problem->ticket, STW_TICKET_VALUE_ID));
      time = MAX (time, problem->created);
    }

  return stw_write_context_set_time (ctx, MIN (time + 10 * MINUTE, now), error) &&
         stw_ticket_repo_save_in (ctx, play->ticket, error);
}

/*
 * stw_sample_tickets_load_in:
 *
 * Adds the sample's tickets, in the order they were opened, with their
 * links, assets, comments and work log. The write's clock is back at its
 * start when it returns.
 */
gboolean
stw_sample_tickets_load_in (StwWriteContext      *ctx,
                            const StwSampleRefs  *refs,
                            GError              **error)
{
  g_autoptr(StwSlaCalendar) calendar = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autofree Play *plays = g_new0 (Play, G_N_ELEMENTS (tickets));
  gint64 now = stw_write_context_get_time (ctx);
  StwSlaPolicy policy;
  gboolean ok = TRUE;

  calendar = stw_preferences_load_sla_in (ctx, &policy);

  for (guint i = 0; i < G_N_ELEMENTS (tickets); i++)
    {
      plays[i].spec = &tickets[i];
      parse_steps (&plays[i]);
      plays[i].created = opened_at (&plays[i], calendar, &policy, now);
      g_ptr_array_add (order, &plays[i]);
    }
  g_ptr_array_sort (order, compare_created);
  rank_columns (plays);

  for (guint i = 0; ok && i < order->len; i++)
    ok = play_ticket (ctx, refs, plays, g_ptr_array_index (order, i), now, error);
  for (guint i = 0; ok && i < order->len; i++)
    ok = link_later (ctx, plays, g_ptr_array_index (order, i), now, error);

  for (guint i = 0; i < G_N_ELEMENTS (tickets); i++)
    g_clear_object (&plays[i].ticket);

  return ok && stw_write_context_set_time (ctx, now, error);
}

/* stw-fake-rt.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A small Request Tracker 5 for tests: a loopback SoupServer on a thread
 * of its own that speaks the part of REST2 (/REST/2.0/) the sync uses,
 * the way ../shared/servers/NOTES.md and tests/servers/README.md record
 * that RT 5.0.3 behaves, over tickets and assets held in memory; and
 * that fails on demand.
 *
 * Requests need "Authorization: token <stw_fake_rt_get_token()>" or
 * HTTP Basic root:<stw_fake_rt_get_password()>; anything else is 401.
 *
 * What it answers:
 *
 *   GET    /rt                        {"Version":"5.0.3+fake","Plugins":[]}
 *   GET    /queues/all, /catalogs/all  collections (General, General
 *          assets), with fields=Name
 *   GET    /queue/N, /catalog/N       by id or by name
 *   GET    /user/NAME                 root, Nobody, and anyone named by
 *          an address
 *   GET    /users?query=[JSON]        those users, by Name or EmailAddress
 *   GET    /customfields?query=…      none: the fake has no custom fields
 *   GET    /tickets?query=…, /assets?query=…
 *          page (1-based), per_page (20, at most 100; 0 or junk: 20),
 *          orderby and order (repeated: id, LastUpdated, Created, Subject,
 *          Status, Name), fields=A,B. Without orderby the order is by
 *          descending id (RT's is unspecified: always send orderby).
 *          total, count, pages (0.0, a float, when empty), next_page and
 *          prev_page built from the Host header, with RT's junk "&=&".
 *          Without query=: total 0. Deleted tickets never appear.
 *   GET    /ticket/N, /asset/N        the record; ETag: "<newest
 *          transaction id>" (server-wide ids); If-None-Match → 304;
 *          If-Modified-Since in the past → 500 (RT's bug); 404 when
 *          missing; fields[Owner]=EmailAddress adds the owner's address.
 *          A deleted ticket is still there, Status "deleted".
 *   POST   /ticket, /asset            201, Location: /REST/2.0/ticket/N,
 *          {"id":"N","type":"ticket","_url":…}; a requestor adds an
 *          EmailRecord transaction (the autoreply); Queue / Catalog by
 *          name or id, else 400.
 *   PUT    /ticket/N, /asset/N        200 ["Ticket N: Subject changed
 *          from 'a' to 'b'", …], refused values said in the list too; a
 *          stale If-Match → 412, none: last writer wins; missing → 404.
 *   POST   /ticket/N/comment, /correspond   text/plain or JSON
 *          {"Content","ContentType","Subject","TimeTaken"} → 201,
 *          Location: /REST/2.0/transaction/T; TimeTaken adds to
 *          TimeWorked; a reply reopens a resolved, rejected or deleted
 *          ticket (a Status transaction of its own).
 *   DELETE /ticket/N                  204 (412 on a stale If-Match);
 *          Status becomes "deleted". DELETE /asset/N → 500, as in RT.
 *   GET    /ticket/N/history, /asset/N/history   transactions, oldest
 *          first, paged; fields= among Type, Field, OldValue, NewValue,
 *          Created, Creator, TimeTaken, Object.
 *   GET    /transactions?query=…      TransactionSQL, same fields.
 *   GET    /transaction/N             one transaction, every field.
 *   GET    /transaction/N/attachments, POST /attachments with a JSON
 *          query ([{"field":"TransactionId","operator":"IN","value":[…]},
 *          {"field":"id","operator":">","value":N}]): one attachment per
 *          message, its id the transaction's; fields TransactionId,
 *          Subject, ContentType, Content (the text as it is, which is how
 *          the RT backend reads it), Filename.
 *
 * Queries (TicketSQL, AssetSQL) understand: conditions on id, Created,
 * LastUpdated (and Updated), Subject, Status, Queue, Owner, Requestor,
 * Name, Description, Catalog (and for TransactionSQL id, ObjectType,
 * ObjectId, Type, Created), with =, !=, <>, <, <=, >, >=, LIKE
 * (substring, ignoring case); values in single quotes (\' inside) or
 * bare numbers; AND, OR and parentheses. Dates read as UTC in the forms
 * 'YYYY-MM-DD HH:MM:SS', 'YYYY-MM-DDTHH:MM:SS', with '+00:00' or ' UTC',
 * and 'YYYY-MM-DD'; a 'Z' suffix is misread as midnight, as RT 5.0.3
 * does. A "+" in the query string is a space, as it is to RT: send
 * "%2B". Anything else is 400 with a message naming what it did not
 * understand.
 *
 * Times are whole seconds of the real clock, moved by
 * stw_fake_rt_advance_clock().
 *
 * Every function here may be called from the test's thread while the
 * server runs. */

typedef struct _StwFakeRt StwFakeRt;

typedef enum
{
  STW_FAKE_RT_FAULT_500,         /* 500, not applied */
  STW_FAKE_RT_FAULT_429,         /* 429 with Retry-After, not applied */
  STW_FAKE_RT_FAULT_MALFORMED,   /* applied; the reply's JSON is broken */
  STW_FAKE_RT_FAULT_TRUNCATED,   /* applied; the reply is cut short of
                                  * its Content-Length, then closed */
  STW_FAKE_RT_FAULT_HANG,        /* not applied; never answered */
  STW_FAKE_RT_FAULT_CLOSE,       /* not applied; closed without answer */
  STW_FAKE_RT_FAULT_DROP_REPLY,  /* applied; closed without answer */
} StwFakeRtFault;

/* @tls: a certificate with its key for HTTPS, or NULL for HTTP. */
StwFakeRt   *stw_fake_rt_new                 (GTlsCertificate *tls);
void         stw_fake_rt_free                (StwFakeRt       *self);
/* "http://127.0.0.1:PORT", the account's URL (no /REST/2.0). */
const char  *stw_fake_rt_get_url             (StwFakeRt       *self);
const char  *stw_fake_rt_get_token           (StwFakeRt       *self);
const char  *stw_fake_rt_get_password        (StwFakeRt       *self);

/* The next @count requests whose method and path match the globs get
 * @fault. The path is without the query ("/REST/2.0/ticket/1"); the
 * globs are g_pattern_match_simple()'s, with * and ?. Rules are tried
 * in the order they were added; a spent rule is dropped. */
void         stw_fake_rt_fail_next           (StwFakeRt       *self,
                                              const char      *method_glob,
                                              const char      *path_glob,
                                              StwFakeRtFault   fault,
                                              guint            count);
/* The same, with the Retry-After of a 429 (1 by default). */
void         stw_fake_rt_fail_next_full      (StwFakeRt       *self,
                                              const char      *method_glob,
                                              const char      *path_glob,
                                              StwFakeRtFault   fault,
                                              guint            count,
                                              guint            retry_after);
void         stw_fake_rt_clear_faults        (StwFakeRt       *self);

/* Requests received, failed ones included. */
guint        stw_fake_rt_get_request_count   (StwFakeRt       *self);
guint        stw_fake_rt_count_requests      (StwFakeRt       *self,
                                              const char      *method_glob,
                                              const char      *path_glob);

void         stw_fake_rt_advance_clock       (StwFakeRt       *self,
                                              int              seconds);
guint        stw_fake_rt_add_queue           (StwFakeRt       *self,
                                              const char      *name);

/* Tickets and assets as someone else makes them on the server: field
 * and string value pairs in RT's terms ("Subject", "Printer", "Queue",
 * "General", "Priority", "5", "Requestor", "a@example.org"…), NULL at
 * the end. Each change is a transaction and moves the ETag. */
guint        stw_fake_rt_add_ticket          (StwFakeRt       *self,
                                              const char      *first_field,
                                              ...) G_GNUC_NULL_TERMINATED;
gboolean     stw_fake_rt_edit_ticket         (StwFakeRt       *self,
                                              guint            id,
                                              const char      *first_field,
                                              ...) G_GNUC_NULL_TERMINATED;
/* @type: "Comment" or "Correspond". */
gboolean     stw_fake_rt_add_entry           (StwFakeRt       *self,
                                              guint            id,
                                              const char      *type,
                                              const char      *content);
guint        stw_fake_rt_add_asset           (StwFakeRt       *self,
                                              const char      *first_field,
                                              ...) G_GNUC_NULL_TERMINATED;

/* The record as GET /ticket/N would give it, or NULL; unref it. */
JsonObject  *stw_fake_rt_get_ticket          (StwFakeRt       *self,
                                              guint            id);
JsonObject  *stw_fake_rt_get_asset           (StwFakeRt       *self,
                                              guint            id);
/* One field as stored (a name for Queue and Owner, requestors joined
 * with ", "), or NULL. */
char        *stw_fake_rt_get_ticket_field    (StwFakeRt       *self,
                                              guint            id,
                                              const char      *field);
char        *stw_fake_rt_get_etag            (StwFakeRt       *self,
                                              guint            id);
/* Tickets that are not deleted, all or those with @subject. */
guint        stw_fake_rt_count_tickets       (StwFakeRt       *self,
                                              const char      *subject);
/* The ticket's comments and replies ("Comment", "Correspond"). */
guint        stw_fake_rt_count_entries       (StwFakeRt       *self,
                                              guint            id,
                                              const char      *type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StwFakeRt, stw_fake_rt_free)

G_END_DECLS

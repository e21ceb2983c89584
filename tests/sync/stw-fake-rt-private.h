/* stw-fake-rt-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stw-fake-rt.h"
#include "stw-test-server.h"

G_BEGIN_DECLS

/* Shared by stw-fake-rt.c (the server: routes, paging, faults),
 * stw-fake-rt-records.c (tickets, assets, transactions and how they
 * look in JSON) and stw-fake-rt-query.c (TicketSQL). Every function
 * here runs with the fake's mutex held. */

#define FAKE_RT_API        "/REST/2.0"
#define FAKE_RT_UNSET_DATE "1970-01-01T00:00:00Z"

typedef enum
{
  FAKE_TICKET,
  FAKE_ASSET,
} FakeKind;

typedef struct
{
  FakeKind    kind;
  guint       id;
  /* RT's terms, flat: strings, except Requestor, Cc and AdminCc (arrays
   * of strings); Queue and Catalog hold the id as a string. */
  JsonObject *fields;
  gint64      created;      /* seconds since 1970 */
  gint64      updated;
  guint       etag;         /* the newest transaction's id */
} FakeRecord;

typedef struct
{
  guint     id;
  FakeKind  kind;
  guint     object_id;
  char     *type;           /* Create, Status, Set, Comment, Correspond, EmailRecord */
  char     *field;
  char     *old_value;
  char     *new_value;
  char     *subject;
  char     *content;
  char     *content_type;
  guint     time_taken;
  gint64    created;
} FakeTxn;

struct _StwFakeRt
{
  StwTestServer *server;
  GMutex         mutex;
  char          *token;
  char          *password;
  gint64         clock_offset;
  guint          next_ticket;
  guint          next_asset;
  guint          next_txn;
  GHashTable    *tickets;     /* id → FakeRecord */
  GHashTable    *assets;      /* id → FakeRecord */
  GPtrArray     *txns;        /* FakeTxn, by id */
  GPtrArray     *queues;      /* names; a queue's id is its index + 1 */
  GPtrArray     *catalogs;    /* names, likewise */
  GPtrArray     *faults;
  GPtrArray     *log;         /* "METHOD /path" of every request */
};

/* An answer, built before it is sent (or broken by a fault). */
typedef struct
{
  guint  status;
  char  *body;
  char  *etag;
  char  *location;
  char  *last_modified;
} Reply;

/* One request's parameters, repeated keys kept in order. */
typedef struct
{
  GPtrArray *keys;
  GPtrArray *values;
} Params;

/* stw-fake-rt-routes.c */
void         fake_params_parse        (Params             *params,
                                       const char         *query);
void         fake_params_clear        (Params             *params);
void         fake_reply_message       (Reply              *reply,
                                       guint               status,
                                       const char         *message);
void         fake_reply_clear         (Reply              *reply);
/* Helpers the routes and the searches share. */
const char  *fake_params_get          (Params             *params,
                                       const char         *key);
/* The values of a repeated key; free the array (not the values). */
GPtrArray   *fake_params_get_all      (Params             *params,
                                       const char         *key);
void         fake_reply_object        (Reply              *reply,
                                       guint               status,
                                       JsonObject         *object);
/* "http://127.0.0.1:PORT/REST/2.0", for _url members. */
char        *fake_rt_api_base         (StwFakeRt          *self);
guint        fake_parse_number        (const char         *text,
                                       guint               fallback);
/* The request's JSON body, or NULL. */
JsonNode    *fake_body_node           (SoupServerMessage  *msg);
FakeTxn     *fake_rt_find_txn         (StwFakeRt          *self,
                                       guint               id);
void         fake_rt_route            (StwFakeRt          *self,
                                       SoupServerMessage  *msg,
                                       const char         *method,
                                       const char         *path,
                                       Params             *params,
                                       Reply              *reply);

/* stw-fake-rt-search.c: collections; FALSE when @parts names none. */
gboolean     fake_rt_route_collection (StwFakeRt          *self,
                                       SoupServerMessage  *msg,
                                       const char         *method,
                                       const char *const  *parts,
                                       Params             *params,
                                       Reply              *reply);

/* stw-fake-rt-records.c */
gint64       fake_rt_now              (StwFakeRt   *self);
char        *fake_rt_format_time      (gint64       seconds);
FakeRecord  *fake_rt_lookup           (StwFakeRt   *self,
                                       FakeKind     kind,
                                       guint        id);
const char  *fake_rt_kind_name        (FakeKind     kind);
/* Creates a record from a JSON body in RT's terms; NULL and a message
 * for the 400 when a value is refused. */
FakeRecord  *fake_rt_create           (StwFakeRt   *self,
                                       FakeKind     kind,
                                       JsonObject  *body,
                                       char       **message);
/* Applies a PUT; returns RT's messages, or NULL and a message. */
JsonArray   *fake_rt_update           (StwFakeRt   *self,
                                       FakeRecord  *record,
                                       JsonObject  *body,
                                       char       **message);
/* Returns the new transaction's id. */
guint        fake_rt_add_entry        (StwFakeRt   *self,
                                       FakeRecord  *record,
                                       const char  *type,
                                       const char  *subject,
                                       const char  *content,
                                       const char  *content_type,
                                       guint        time_taken);
/* The record as GET gives it; @base is the _url prefix. */
JsonObject  *fake_rt_render           (StwFakeRt   *self,
                                       FakeRecord  *record,
                                       const char  *base);
/* One field as search items and history items carry it. */
JsonNode    *fake_rt_render_field     (StwFakeRt   *self,
                                       FakeRecord  *record,
                                       const char  *field,
                                       const char  *base);
JsonObject  *fake_rt_render_txn       (FakeTxn     *txn,
                                       const char  *base,
                                       const char  *const *fields);
/* A field's value for queries and tests: names for Queue, Catalog. */
char        *fake_rt_field_text       (StwFakeRt   *self,
                                       FakeRecord  *record,
                                       const char  *field);
/* Users: root, Nobody, and people known by their address. */
char        *fake_rt_user_email       (const char  *name);
guint        fake_rt_user_id          (const char  *name);
void         fake_txn_free            (gpointer     data);
void         fake_record_free         (gpointer     data);

/* stw-fake-rt-query.c */
typedef struct _FakeQuery FakeQuery;

FakeQuery   *fake_query_parse         (const char  *text,
                                       char       **message);
gboolean     fake_query_match         (FakeQuery   *query,
                                       StwFakeRt   *self,
                                       FakeRecord  *record);
/* TransactionSQL: id, ObjectType, ObjectId, Type, Created. */
gboolean     fake_query_match_txn     (FakeQuery   *query,
                                       FakeTxn     *txn);
void         fake_query_free          (FakeQuery   *query);
/* Seconds since 1970 from a TicketSQL date, or -1. */
gint64       fake_query_parse_time    (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeQuery, fake_query_free)

G_END_DECLS

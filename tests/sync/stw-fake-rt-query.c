/* stw-fake-rt-query.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-fake-rt"

#include "config.h"

#include "stw-fake-rt-private.h"

#include <stdio.h>
#include <string.h>

/* The TicketSQL the sync sends, parsed into a tree of conditions joined
 * by AND and OR, and matched against records. See stw-fake-rt.h for
 * what it understands. */

typedef enum
{
  NODE_AND,
  NODE_OR,
  NODE_CONDITION,
} NodeType;

struct _FakeQuery
{
  NodeType   type;
  FakeQuery *left;
  FakeQuery *right;
  char      *field;    /* lower case */
  char      *op;       /* "=", "!=", "<", "<=", ">", ">=", "like" */
  char      *value;
  gint64     time;     /* for date fields */
};

typedef struct
{
  const char *p;
  char       *message;
} Parser;

static const char *const known_fields[] = {
  "id", "created", "lastupdated", "updated", "subject", "status", "queue",
  "owner", "requestor", "name", "description", "catalog",
  /* TransactionSQL */
  "objecttype", "objectid", "type", NULL,
};

/* ------------------------------------------------------------------------ */

static void
skip_spaces (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static void
fail (Parser     *parser,
      const char *what)
{
  g_autofree char *near = g_utf8_make_valid (parser->p, MIN (strlen (parser->p), 20));

  if (parser->message == NULL)
    parser->message = g_strdup_printf ("Invalid query: %s near “%s”", what, near);
}

/* A word: a field, AND, OR, LIKE or a bare value. */
static char *
read_word (Parser *parser)
{
  const char *start;

  skip_spaces (parser);
  start = parser->p;
  while (*parser->p != '\0' && (g_ascii_isalnum (*parser->p) || strchr ("_.:-", *parser->p) != NULL))
    parser->p++;

  return parser->p > start ? g_strndup (start, parser->p - start) : NULL;
}

static gboolean
peek_keyword (Parser     *parser,
              const char *keyword)
{
  size_t len = strlen (keyword);

  skip_spaces (parser);
  if (g_ascii_strncasecmp (parser->p, keyword, len) != 0)
    return FALSE;
  if (g_ascii_isalnum (parser->p[len]) || parser->p[len] == '_')
    return FALSE;

  parser->p += len;
  return TRUE;
}

static char *
read_operator (Parser *parser)
{
  static const char *const ops[] = { "!=", "<>", "<=", ">=", "=", "<", ">" };

  skip_spaces (parser);
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      if (g_str_has_prefix (parser->p, ops[i]))
        {
          parser->p += strlen (ops[i]);
          return g_strdup (g_str_equal (ops[i], "<>") ? "!=" : ops[i]);
        }
    }
  if (peek_keyword (parser, "LIKE"))
    return g_strdup ("like");

  return NULL;
}

static char *
read_value (Parser *parser)
{
  GString *value;
  char quote;

  skip_spaces (parser);
  if (*parser->p != '\'' && *parser->p != '"')
    return read_word (parser);

  quote = *parser->p++;
  value = g_string_new (NULL);
  while (*parser->p != '\0' && *parser->p != quote)
    {
      if (*parser->p == '\\' && parser->p[1] != '\0')
        parser->p++;
      g_string_append_c (value, *parser->p++);
    }
  if (*parser->p != quote)
    {
      g_string_free (value, TRUE);
      return NULL;
    }
  parser->p++;

  return g_string_free (value, FALSE);
}

static FakeQuery *parse_or (Parser *parser);

static FakeQuery *
parse_condition (Parser *parser)
{
  g_autoptr(FakeQuery) node = g_new0 (FakeQuery, 1);
  g_autofree char *field = NULL;

  skip_spaces (parser);
  if (*parser->p == '(')
    {
      FakeQuery *inner;

      parser->p++;
      inner = parse_or (parser);
      skip_spaces (parser);
      if (inner == NULL || *parser->p != ')')
        {
          g_clear_pointer (&inner, fake_query_free);
          fail (parser, "a parenthesis is not closed");
          return NULL;
        }
      parser->p++;
      return inner;
    }

  node->type = NODE_CONDITION;
  field = read_word (parser);
  if (field == NULL)
    {
      fail (parser, "a field name is missing");
      return NULL;
    }
  node->field = g_ascii_strdown (field, -1);
  if (!g_strv_contains (known_fields, node->field))
    {
      fail (parser, "unknown field");
      return NULL;
    }

  node->op = read_operator (parser);
  if (node->op == NULL)
    {
      fail (parser, "an operator is missing");
      return NULL;
    }

  node->value = read_value (parser);
  if (node->value == NULL)
    {
      fail (parser, "a value is missing");
      return NULL;
    }

  if (g_str_equal (node->field, "created") || g_str_equal (node->field, "lastupdated")
      || g_str_equal (node->field, "updated"))
    {
      node->time = fake_query_parse_time (node->value);
      if (node->time < 0)
        {
          fail (parser, "a date it cannot read");
          return NULL;
        }
    }

  return g_steal_pointer (&node);
}

static FakeQuery *
join (NodeType   type,
      FakeQuery *left,
      FakeQuery *right)
{
  FakeQuery *node = g_new0 (FakeQuery, 1);

  node->type = type;
  node->left = left;
  node->right = right;
  return node;
}

static FakeQuery *
parse_and (Parser *parser)
{
  FakeQuery *left = parse_condition (parser);

  while (left != NULL && peek_keyword (parser, "AND"))
    {
      FakeQuery *right = parse_condition (parser);

      if (right == NULL)
        {
          fake_query_free (left);
          return NULL;
        }
      left = join (NODE_AND, left, right);
    }

  return left;
}

static FakeQuery *
parse_or (Parser *parser)
{
  FakeQuery *left = parse_and (parser);

  while (left != NULL && peek_keyword (parser, "OR"))
    {
      FakeQuery *right = parse_and (parser);

      if (right == NULL)
        {
          fake_query_free (left);
          return NULL;
        }
      left = join (NODE_OR, left, right);
    }

  return left;
}

static int
compare_numbers (gint64 a,
                 gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static gboolean
holds (const char *op,
       int         order)
{
  if (g_str_equal (op, "="))
    return order == 0;
  if (g_str_equal (op, "!="))
    return order != 0;
  if (g_str_equal (op, "<"))
    return order < 0;
  if (g_str_equal (op, "<="))
    return order <= 0;
  if (g_str_equal (op, ">"))
    return order > 0;
  if (g_str_equal (op, ">="))
    return order >= 0;

  return FALSE;
}

static gboolean
match_text (const char *op,
            const char *text,
            const char *value)
{
  if (g_str_equal (op, "like"))
    {
      g_autofree char *haystack = g_utf8_casefold (text, -1);
      g_autofree char *needle = g_utf8_casefold (value, -1);

      return strstr (haystack, needle) != NULL;
    }

  return holds (op, g_ascii_strcasecmp (text, value));
}

static gboolean
match_condition (FakeQuery  *node,
                 StwFakeRt  *self,
                 FakeRecord *record)
{
  const char *field = node->field;

  if (g_str_equal (field, "id"))
    return holds (node->op, compare_numbers (record->id, g_ascii_strtoll (node->value, NULL, 10)));
  if (g_str_equal (field, "created"))
    return holds (node->op, compare_numbers (record->created, node->time));
  if (g_str_equal (field, "lastupdated") || g_str_equal (field, "updated"))
    return holds (node->op, compare_numbers (record->updated, node->time));

  /* A queue or catalog by its id. */
  if ((g_str_equal (field, "queue") || g_str_equal (field, "catalog"))
      && node->value[0] != '\0' && strspn (node->value, "0123456789") == strlen (node->value))
    {
      const char *member = record->kind == FAKE_TICKET ? "Queue" : "Catalog";
      const char *id = json_object_get_string_member_with_default (record->fields, member, "");

      return match_text (node->op, id, node->value);
    }

  if (g_str_equal (field, "requestor"))
    {
      JsonArray *people = json_object_has_member (record->fields, "Requestor")
                          ? json_object_get_array_member (record->fields, "Requestor") : NULL;
      gboolean any = FALSE;

      for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
        any = any || match_text (g_str_equal (node->op, "!=") ? "=" : node->op,
                                 json_array_get_string_element (people, i), node->value);

      return g_str_equal (node->op, "!=") ? !any : any;
    }

  {
    static const char *const names[] = { "subject", "Subject", "status", "Status", "queue", "Queue",
                                         "owner", "Owner", "name", "Name", "description", "Description",
                                         "catalog", "Catalog" };
    g_autofree char *text = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (names); i += 2)
      if (g_str_equal (field, names[i]))
        text = fake_rt_field_text (self, record, names[i + 1]);

    return match_text (node->op, text != NULL ? text : "", node->value);
  }
}

static gboolean
match_txn_condition (FakeQuery *node,
                     FakeTxn   *txn)
{
  const char *field = node->field;

  if (g_str_equal (field, "id"))
    return holds (node->op, compare_numbers (txn->id, g_ascii_strtoll (node->value, NULL, 10)));
  if (g_str_equal (field, "objectid"))
    return holds (node->op, compare_numbers (txn->object_id, g_ascii_strtoll (node->value, NULL, 10)));
  if (g_str_equal (field, "created"))
    return holds (node->op, compare_numbers (txn->created, node->time));
  if (g_str_equal (field, "objecttype"))
    return match_text (node->op, txn->kind == FAKE_TICKET ? "RT::Ticket" : "RT::Asset", node->value);
  if (g_str_equal (field, "type"))
    return match_text (node->op, txn->type, node->value);

  return match_text (node->op, "", node->value);
}

/* ------------------------------------------------------------------------ */

gboolean
fake_query_match_txn (FakeQuery *query,
                      FakeTxn   *txn)
{
  switch (query->type)
    {
    case NODE_AND:
      return fake_query_match_txn (query->left, txn) && fake_query_match_txn (query->right, txn);
    case NODE_OR:
      return fake_query_match_txn (query->left, txn) || fake_query_match_txn (query->right, txn);
    case NODE_CONDITION:
    default:
      return match_txn_condition (query, txn);
    }
}

FakeQuery *
fake_query_parse (const char  *text,
                  char       **message)
{
  Parser parser = { text, NULL };
  FakeQuery *query = parse_or (&parser);

  skip_spaces (&parser);
  if (query != NULL && *parser.p != '\0')
    {
      g_clear_pointer (&query, fake_query_free);
      fail (&parser, "more text after the query");
    }

  if (query == NULL)
    *message = g_steal_pointer (&parser.message);
  g_free (parser.message);

  return query;
}

gboolean
fake_query_match (FakeQuery  *query,
                  StwFakeRt  *self,
                  FakeRecord *record)
{
  switch (query->type)
    {
    case NODE_AND:
      return fake_query_match (query->left, self, record) && fake_query_match (query->right, self, record);
    case NODE_OR:
      return fake_query_match (query->left, self, record) || fake_query_match (query->right, self, record);
    case NODE_CONDITION:
    default:
      return match_condition (query, self, record);
    }
}

void
fake_query_free (FakeQuery *query)
{
  if (query == NULL)
    return;

  fake_query_free (query->left);
  fake_query_free (query->right);
  g_free (query->field);
  g_free (query->op);
  g_free (query->value);
  g_free (query);
}

gint64
fake_query_parse_time (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day, hour = 0, minute = 0, second = 0;
  int consumed = 0;
  const char *rest;
  int offset = 0;

  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3)
    return -1;
  rest = text + consumed;

  if (*rest == ' ' || *rest == 'T')
    {
      int more = 0;

      if (sscanf (rest + 1, "%2d:%2d:%2d%n", &hour, &minute, &second, &more) != 3)
        return -1;
      rest += 1 + more;
    }

  if (g_str_equal (rest, "Z"))
    {
      /* RT 5.0.3 reads "…T20:23:30Z" as that day's midnight. */
      hour = minute = second = 0;
    }
  else if (g_str_equal (rest, " UTC") || g_str_equal (rest, "+00:00") || rest[0] == '\0')
    {
    }
  else if ((rest[0] == '+' || rest[0] == '-') && strlen (rest) == 6 && rest[3] == ':')
    {
      offset = (g_ascii_digit_value (rest[1]) * 10 + g_ascii_digit_value (rest[2])) * 3600
               + (g_ascii_digit_value (rest[4]) * 10 + g_ascii_digit_value (rest[5])) * 60;
      if (rest[0] == '+')
        offset = -offset;
    }
  else
    {
      return -1;
    }

  date = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (date == NULL)
    return -1;

  return g_date_time_to_unix (date) + offset;
}

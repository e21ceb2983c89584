/* stw-sync-merge.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The three-way merge, field by field, in the server's terms: @base is
 * the record as both sides last agreed, @mine the local record turned
 * into the server's terms, @theirs the server's record now. */

/* Equal JSON values; NULL stands for null. */
gboolean    stw_json_same              (JsonNode    *a,
                                        JsonNode    *b);
/* A JSON object from text; NULL for NULL or text that is not one. */
JsonObject *stw_json_object_parse      (const char  *text);
char       *stw_json_object_to_text    (JsonObject  *object);
/* The value of a member, NULL when absent. */
JsonNode   *stw_json_member            (JsonObject  *object,
                                        const char  *name);

/* For each field of @theirs: unchanged there → nothing; changed there
 * only, or the same way on both sides → into *@take; changed differently
 * on both sides → its name into *@conflicts. *@mine_changed tells whether
 * any field differs here from the base. A field @mine does not have is
 * taken as unchanged here. */
void        stw_sync_merge             (JsonObject  *base,
                                        JsonObject  *mine,
                                        JsonObject  *theirs,
                                        JsonObject **take,
                                        GPtrArray  **conflicts,
                                        gboolean    *mine_changed);
/* The fields of @mine that differ from @base, but for those named in
 * @skip (a set of names, may be NULL): what a push sends. */
JsonObject *stw_sync_merge_outgoing    (JsonObject  *base,
                                        JsonObject  *mine,
                                        GHashTable  *skip);
/* @base with the members of @changes set over it (a new object). */
JsonObject *stw_json_object_overlay    (JsonObject  *base,
                                        JsonObject  *changes);

G_END_DECLS

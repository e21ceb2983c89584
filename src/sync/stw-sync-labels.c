/* stw-sync-labels.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-sync-labels"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/stw-enums.h"
#include "store/stw-sync-store.h"
#include "stw-sync-labels.h"

/* The sync names fields in Steward's own terms ("status", "assignee");
 * the log and the conflicts show them as the rest of the interface says
 * them. */

typedef struct
{
  const char *field;
  const char *label;
} FieldLabel;

static const FieldLabel ticket_fields[] = {
  { "title",       N_("Title") },
  { "description", N_("Description") },
  { "type",        N_("Type") },
  { "status",      N_("Status") },
  { "priority",    N_("Priority") },
  { "queue",       N_("Queue") },
  { "assignee",    N_("Assignee") },
  { "requester",   N_("Requester") },
  { "due",         N_("Due") },
};

static const FieldLabel entry_fields[] = {
  { "body",    N_("Text") },
  { "kind",    N_("Kind") },
  { "minutes", N_("Minutes") },
  { "author",  N_("Author") },
};

static const char *
lookup_label (const FieldLabel *labels,
              guint             n_labels,
              const char       *field)
{
  for (guint i = 0; i < n_labels; i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);

  return NULL;
}

/**
 * stw_sync_field_label:
 *
 * Returns: the label of @entity's @field, as its detail names it; the
 *   field's own name when there is none
 */
const char *
stw_sync_field_label (const char *entity,
                      const char *field)
{
  const char *label = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  /* A record deleted on one side and changed on the other. */
  if (g_str_equal (field, "*"))
    return _("The whole record");

  if (g_strcmp0 (entity, STW_SYNC_TICKET) == 0)
    label = lookup_label (ticket_fields, G_N_ELEMENTS (ticket_fields), field);
  else if (g_strcmp0 (entity, STW_SYNC_ENTRY) == 0)
    label = lookup_label (entry_fields, G_N_ELEMENTS (entry_fields), field);
  else if (g_strcmp0 (entity, STW_SYNC_ASSET) == 0)
    {
      /* The sync names the asset's person and dates as the columns do,
       * but for the person's. */
      StwAssetField asset_field = stw_asset_field_from_column (g_str_equal (field, "person")
                                                              ? "person_id" : field);

      if (asset_field != STW_ASSET_FIELD_NONE)
        label = stw_asset_field_label (asset_field);
    }

  return label != NULL ? label : field;
}

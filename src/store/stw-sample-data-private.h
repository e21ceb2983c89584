/* stw-sample-data-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/stw-enums.h"
#include "store/stw-database.h"

G_BEGIN_DECLS

/* What the sample's tickets need to know of its people and assets. */

typedef struct
{
  gint64            id;
  StwAssetCategory  category;
  StwAssetStatus    status;
  const char       *model;    /* static */
  guint             office;
  int               person;   /* whose it is, an index into the people, or -1 */
} StwSampleAsset;

typedef struct
{
  guint             n_people;
  char            **person_names;
  const gint64     *person_ids;
  const guint      *person_offices;
  const StwSampleAsset *assets;
  guint             n_assets;
} StwSampleRefs;

/* stw-sample-tickets.c */
gboolean stw_sample_tickets_load_in (StwWriteContext      *ctx,
                                     const StwSampleRefs  *refs,
                                     GError              **error);

G_END_DECLS

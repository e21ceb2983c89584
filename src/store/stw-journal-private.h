/* stw-journal-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/stw-database-private.h"

G_BEGIN_DECLS

void     stw_journal_describe_undo_redo (StwDatabase      *self,
                                         char            **undo,
                                         char            **redo);
gboolean stw_journal_undo               (StwWriteContext  *ctx,
                                         GError          **error);
gboolean stw_journal_redo               (StwWriteContext  *ctx,
                                         GError          **error);

G_END_DECLS

/* stw-person-repo.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/stw-person.h"
#include "store/stw-database.h"
#include "store/stw-reassign.h"

G_BEGIN_DECLS

GListModel  *stw_person_repo_list_names     (StwDatabase          *db,
                                             GError              **error);
GListModel  *stw_person_repo_list           (StwDatabase          *db,
                                             GError              **error);
StwPerson   *stw_person_repo_load           (StwDatabase          *db,
                                             gint64                id,
                                             GError              **error);
gboolean     stw_person_repo_validate       (StwPerson            *person,
                                             GError              **error);
guint        stw_person_repo_count_assets   (StwDatabase          *db,
                                             gint64                id);
void         stw_person_repo_save_async     (StwDatabase          *db,
                                             StwPerson            *person,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64       stw_person_repo_save_finish    (StwDatabase          *db,
                                             GAsyncResult         *result,
                                             GError              **error);
gint64       stw_person_repo_save_sync      (StwDatabase          *db,
                                             StwPerson            *person,
                                             GError              **error);
void         stw_person_repo_delete_async   (StwDatabase          *db,
                                             gint64                id,
                                             gint64                reassign_to,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     stw_person_repo_delete_finish  (StwDatabase          *db,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean     stw_person_repo_delete_sync    (StwDatabase          *db,
                                             gint64                id,
                                             gint64                reassign_to,
                                             GError              **error);

gboolean     stw_person_repo_insert         (StwWriteContext      *ctx,
                                             StwPerson            *person,
                                             GError              **error);

G_END_DECLS

/* stw-ui-util.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/stw-database.h"

G_BEGIN_DECLS

void        stw_ui_toast                (GtkWidget    *widget,
                                         const char   *title,
                                         const char   *button_label,
                                         const char   *action_name);
void        stw_ui_toast_error          (GtkWidget    *widget,
                                         const GError *error);
void        stw_ui_set_row_error        (GtkWidget    *row,
                                         GtkWidget    *icon,
                                         const GError *error);
GtkWidget  *stw_ui_entry_row_new        (const char   *title,
                                         GtkWidget   **error_icon);

void        stw_ui_present_dialog       (GtkWidget    *widget,
                                         GtkWindow    *dialog);
guint       stw_ui_replace_items        (GListStore   *store,
                                         GListModel   *items);
void        stw_ui_toast_deleted        (GtkWidget    *widget,
                                         const char   *name);

void        stw_ui_unparent_children    (GtkWidget    *widget);

/* The repositories' delete-with-reassign pair, for locations and people. */
typedef void     (*StwDeleteStart)  (StwDatabase          *db,
                                     gint64                id,
                                     gint64                reassign_to,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
typedef gboolean (*StwDeleteFinish) (StwDatabase          *db,
                                     GAsyncResult         *result,
                                     GError              **error);

void        stw_ui_delete_record        (GtkWidget       *widget,
                                         StwDatabase     *db,
                                         StwDeleteStart   start,
                                         StwDeleteFinish  finish,
                                         gint64           id,
                                         gint64           reassign_to,
                                         const char      *name,
                                         GCancellable    *cancellable);

typedef void (*StwUiReloadFunc) (gpointer widget);

void stw_ui_reload_when_shown (GtkWidget       *widget,
                               StwUiReloadFunc  reload);

G_END_DECLS

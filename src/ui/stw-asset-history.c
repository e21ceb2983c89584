/* stw-asset-history.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-asset-history"

#include "config.h"

#include <glib/gi18n.h>

#include "stw-asset-history.h"
#include "store/stw-journal.h"

/* An asset's history, as rows: who changed what, when, old → new. */

#define HISTORY_LIMIT 100

static const char *
origin_label (StwOrigin origin)
{
  switch (origin)
    {
    case STW_ORIGIN_IMPORT:
      return _("import");
    case STW_ORIGIN_SYNC:
      return _("sync");
    case STW_ORIGIN_SAMPLE:
      return _("sample inventory");
    case STW_ORIGIN_UNDO:
      return _("undo");
    case STW_ORIGIN_REDO:
      return _("redo");
    case STW_ORIGIN_USER:
    default:
      return NULL;
    }
}

static GtkWidget *
history_row_new (StwChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = g_date_time_format (stw_change_get_time (change), "%e %b %Y, %H:%M");
  g_autofree char *subtitle = NULL;
  const char *origin = origin_label (stw_change_get_origin (change));
  const char *author = stw_change_get_author (change);

  switch (stw_change_get_kind (change))
    {
    case STW_CHANGE_CREATED:
      title = g_strdup (_("Created"));
      break;
    case STW_CHANGE_DELETED:
      title = g_strdup (_("Deleted"));
      break;
    case STW_CHANGE_UPDATED:
    default:
      /* Translators: a change in the history: “Status: In Stock → Deployed” */
      title = g_strdup_printf (_("%s: %s → %s"), stw_change_get_field (change),
                               stw_change_get_old_value (change) ?: "—",
                               stw_change_get_new_value (change) ?: "—");
      break;
    }

  g_strstrip (when);
  if (origin != NULL)
    /* Translators: when, who, and how, as in “24 Nov 2026, 10:32 · Anna · undo” */
    subtitle = g_strdup_printf (_("%s · %s · %s"), when, author ?: "", origin);
  else
    subtitle = g_strdup_printf (_("%s · %s"), when, author ?: "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

/**
 * stw_asset_history_fill:
 * @asset_id: the asset, or 0 to empty the list
 *
 * Shows the asset's history in @list, newest first: the last
 * %HISTORY_LIMIT changes, and how many more there are.
 */
void
stw_asset_history_fill (GtkListBox  *list,
                        StwDatabase *db,
                        gint64       asset_id)
{
  g_autoptr(GListModel) changes = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (asset_id == 0 || db == NULL)
    return;

  changes = stw_journal_list_changes (db, STW_ENTITY_ASSET, asset_id, NULL);
  if (changes == NULL)
    return;

  n = g_list_model_get_n_items (changes);
  for (guint i = 0; i < MIN (n, HISTORY_LIMIT); i++)
    {
      g_autoptr(StwChange) change = g_list_model_get_item (changes, i);

      gtk_list_box_append (list, history_row_new (change));
    }

  if (n > HISTORY_LIMIT)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u earlier change",
                                                            "and %u earlier changes",
                                                            n - HISTORY_LIMIT),
                                               n - HISTORY_LIMIT);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (list, row);
    }
}


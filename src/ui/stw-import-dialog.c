/* stw-import-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stw-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stw-import-dialog.h"
#include "stw-ui-util.h"

/*
 * Importing a CSV file, step by step: what the columns hold (guessed,
 * and changeable), a check of every row that lists the ones that will be
 * skipped and why, then the import with its progress. Cancel works at
 * every step; a cancelled import changes nothing.
 */

#define PREVIEW_ROWS 6

struct _StwImportDialog
{
  AdwWindow        parent_instance;

  StwDatabase     *db;
  StwCsvImport    *import;
  GCancellable    *cancellable;
  StwImportReport *report;
  GPtrArray       *column_rows;
  GtkStringList   *targets;
  gboolean         updating;
  gboolean         running;

  AdwWindowTitle  *window_title;
  GtkButton       *cancel_button;
  GtkButton       *next_button;
  GtkStack        *stack;
  AdwComboRow     *delimiter_row;
  AdwComboRow     *encoding_row;
  AdwComboRow     *date_row;
  AdwPreferencesGroup *columns_group;
  GtkGrid         *preview_grid;
  AdwStatusPage   *progress_page;
  GtkProgressBar  *progress_bar;
  GtkLabel        *report_label;
  AdwPreferencesGroup *problems_group;
  GtkListBox      *problems_list;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (StwImportDialog, stw_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char delimiters[] = { ',', ';', '\t' };

/* ------------------------------------------------------------------------ */

static void
show_error (StwImportDialog *self,
            const char      *title,
            const GError    *error)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

static void
update_next (StwImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            stw_import_dialog_get_can_go_next (self));
}

static char *
sample_values (StwImportDialog *self,
               guint            column)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;

  for (guint r = 0; r < stw_csv_import_get_n_preview (self->import) && shown < 3; r++)
    {
      GPtrArray *row = stw_csv_import_get_preview (self->import, r);
      const char *value = column < row->len ? row->pdata[column] : NULL;

      if (value == NULL || value[0] == '\0')
        continue;

      if (shown++ > 0)
        g_string_append (text, ", ");
      g_string_append_len (text, value, MIN (strlen (value), 40));
    }

  if (shown == 0)
    return g_strdup (_("empty in the first rows"));

  /* Translators: examples of a column's values */
  return g_strdup_printf (_("For example: %s"), text->str);
}

static void
sync_column_rows (StwImportDialog *self)
{
  self->updating = TRUE;
  for (guint c = 0; c < self->column_rows->len; c++)
    adw_combo_row_set_selected (self->column_rows->pdata[c],
                                (guint)stw_csv_import_get_target (self->import, c));
  self->updating = FALSE;
  update_next (self);
}

static void
column_target_changed_cb (StwImportDialog *self,
                          GParamSpec      *pspec,
                          AdwComboRow     *row)
{
  guint column;

  if (self->updating)
    return;

  if (!g_ptr_array_find (self->column_rows, row, &column))
    return;

  stw_csv_import_set_target (self->import, column, (int)adw_combo_row_get_selected (row));
  /* A field comes from one column: another column that had it lets go. */
  sync_column_rows (self);
}

static void
fill_preview (StwImportDialog *self)
{
  GPtrArray *header = stw_csv_import_get_header (self->import);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (guint c = 0; c < header->len; c++)
    {
      GtkWidget *label = gtk_label_new (header->pdata[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->preview_grid, label, (int)c, 0, 1, 1);

      for (guint r = 0; r < MIN (PREVIEW_ROWS, stw_csv_import_get_n_preview (self->import)); r++)
        {
          GPtrArray *row = stw_csv_import_get_preview (self->import, r);
          const char *value = c < row->len && row->pdata[c] != NULL ? row->pdata[c] : "";

          label = gtk_label_new (value);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_grid_attach (self->preview_grid, label, (int)c, (int)r + 1, 1, 1);
        }
    }
}

static void
fill_setup (StwImportDialog *self)
{
  const StwCsvFormat *format = stw_csv_import_get_format (self->import);
  GPtrArray *header = stw_csv_import_get_header (self->import);

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == format->delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);
  adw_combo_row_set_selected (self->encoding_row, format->encoding);
  adw_combo_row_set_selected (self->date_row, stw_csv_import_get_mapping (self->import)->date_format);

  for (guint c = 0; c < self->column_rows->len; c++)
    adw_preferences_group_remove (self->columns_group, self->column_rows->pdata[c]);
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; header != NULL && c < header->len; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *name = header->pdata[c];
      g_autofree char *title = NULL;
      g_autofree char *subtitle = sample_values (self, c);

      /* Translators: a file column without a header */
      title = name != NULL && name[0] != '\0' ? g_strdup (name) : g_strdup_printf (_("Column %u"), c + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->targets));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint)stw_csv_import_get_target (self->import, c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_target_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }

  self->updating = FALSE;

  fill_preview (self);
  update_next (self);
}

static void
format_changed_cb (StwImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  StwCsvFormat format;

  if (self->updating || self->import == NULL)
    return;

  format = *stw_csv_import_get_format (self->import);
  format.delimiter = delimiters[MIN (adw_combo_row_get_selected (self->delimiter_row), 2)];
  format.encoding = adw_combo_row_get_selected (self->encoding_row) == 1
                    ? STW_CSV_ENCODING_WINDOWS_1252 : STW_CSV_ENCODING_UTF8;

  if (!stw_csv_import_set_format (self->import, &format, &error))
    {
      show_error (self, _("This File Cannot Be Imported"), error);
      return;
    }

  fill_setup (self);
}

static void
date_changed_cb (StwImportDialog *self)
{
  if (self->updating || self->import == NULL)
    return;

  stw_csv_import_set_date_format (self->import, adw_combo_row_get_selected (self->date_row));
}

static void
progress_cb (StwImportDialog *self)
{
  double fraction = stw_csv_import_get_progress (self->import);
  g_autofree char *text = g_strdup_printf ("%.0f %%", fraction * 100);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
show_progress (StwImportDialog *self,
               const char      *title)
{
  adw_status_page_set_title (self->progress_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), FALSE);
  self->running = TRUE;
}

static void
show_report (StwImportDialog *self)
{
  StwImportReport *report = self->report;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;
  GtkWidget *child;

  good = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu row can be imported.",
                                       "%llu rows can be imported.", report->n_good),
                          (unsigned long long)report->n_good);
  if (report->n_problems > 0)
    bad = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%llu row has problems and will be skipped.",
                                        "%llu rows have problems and will be skipped.",
                                        report->n_problems),
                           (unsigned long long)report->n_problems);
  text = bad != NULL ? g_strdup_printf ("%s %s", good, bad) : g_strdup (good);
  gtk_label_set_label (self->report_label, text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; i < report->problems->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_array_index (report->problems, StwImportProblem, i).message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), report->n_problems > 0);

  button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %llu Row",
                                         "_Import %llu Rows", report->n_good),
                            (unsigned long long)report->n_good);
  gtk_button_set_label (self->next_button, button);
  gtk_stack_set_visible_child_name (self->stack, "report");
  update_next (self);
}

static void
validate_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  StwImportReport *report;

  self->running = FALSE;
  report = stw_csv_import_validate_finish (STW_CSV_IMPORT (object), result, &error);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_stack_set_visible_child_name (self->stack, "setup");
          update_next (self);
          return;
        }
      show_error (self, _("This File Cannot Be Imported"), error);
      return;
    }

  g_clear_pointer (&self->report, stw_import_report_free);
  self->report = report;
  show_report (self);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(StwImportDialog) self = user_data;
  g_autoptr(StwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  report = stw_csv_import_run_finish (STW_CSV_IMPORT (object), result, &error);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Nothing was written; say so where the person is looking. */
          gtk_label_set_label (self->report_label, _("The import was cancelled. Nothing was changed."));
          gtk_stack_set_visible_child_name (self->stack, "report");
          update_next (self);
          return;
        }
      show_error (self, _("Nothing Was Imported"), error);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, report->n_created, report->n_updated);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */

static void
next_clicked_cb (StwImportDialog *self)
{
  stw_import_dialog_next (self);
}

static void
cancel_clicked_cb (StwImportDialog *self)
{
  stw_import_dialog_cancel (self);
}

static gboolean
stw_import_dialog_close_request (GtkWindow *window)
{
  StwImportDialog *self = STW_IMPORT_DIALOG (window);

  /* Closing while work runs cancels it; nothing is left half done. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (stw_import_dialog_parent_class)->close_request (window);
}

static void
stw_import_dialog_dispose (GObject *object)
{
  StwImportDialog *self = (StwImportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->import != NULL)
    g_signal_handlers_disconnect_by_data (self->import, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STW_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (stw_import_dialog_parent_class)->dispose (object);
}

static void
stw_import_dialog_finalize (GObject *object)
{
  StwImportDialog *self = (StwImportDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->db);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->report, stw_import_report_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (stw_import_dialog_parent_class)->finalize (object);
}

static void
stw_import_dialog_class_init (StwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = stw_import_dialog_dispose;
  object_class->finalize = stw_import_dialog_finalize;
  window_class->close_request = stw_import_dialog_close_request;

  /**
   * StwImportDialog::imported:
   * @created: how many assets were added
   * @updated: how many existing assets were updated
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_UINT64, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/stw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, StwImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stw_import_dialog_init (StwImportDialog *self)
{
  g_autoptr(GtkStringList) dates = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->column_rows = g_ptr_array_new ();
  self->targets = gtk_string_list_new (NULL);
  for (int t = STW_ASSET_FIELD_NONE; t < STW_N_IMPORT_TARGETS; t++)
    gtk_string_list_append (self->targets, stw_asset_csv_target_label (t));

  self->updating = TRUE;
  for (guint i = 0; i < STW_N_DATE_FORMATS; i++)
    gtk_string_list_append (dates, stw_date_format_label (i));
  adw_combo_row_set_model (self->date_row, G_LIST_MODEL (dates));
  self->updating = FALSE;
}

/* ------------------------------------------------------------------------ */

/**
 * stw_import_dialog_new:
 *
 * Reads the start of @file at once; a file that cannot be imported at
 * all (empty, binary, UTF-16…) shows why instead of the setup.
 */
StwImportDialog *
stw_import_dialog_new (StwDatabase *db,
                       GFile       *file)
{
  StwImportDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (STW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (STW_TYPE_IMPORT_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->import = stw_csv_import_new (file);
  g_signal_connect_object (self->import, "notify::progress", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  if (!stw_csv_import_load (self->import, NULL, &error))
    show_error (self, _("This File Cannot Be Imported"), error);
  else
    fill_setup (self);

  return self;
}

StwCsvImport *
stw_import_dialog_get_import (StwImportDialog *self)
{
  g_return_val_if_fail (STW_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

/**
 * stw_import_dialog_get_page:
 *
 * Returns: “setup”, “progress”, “report” or “error”
 */
const char *
stw_import_dialog_get_page (StwImportDialog *self)
{
  g_return_val_if_fail (STW_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * stw_import_dialog_get_report:
 *
 * Returns: (nullable): the check's report, once checked
 */
const StwImportReport *
stw_import_dialog_get_report (StwImportDialog *self)
{
  g_return_val_if_fail (STW_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

gboolean
stw_import_dialog_get_can_go_next (StwImportDialog *self)
{
  const char *page;

  g_return_val_if_fail (STW_IS_IMPORT_DIALOG (self), FALSE);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (self->running)
    return FALSE;
  if (g_strcmp0 (page, "setup") == 0)
    return stw_csv_import_check_mapping (self->import, NULL);
  if (g_strcmp0 (page, "report") == 0)
    return self->report != NULL && self->report->n_good > 0;
  return FALSE;
}

/* What the suggested button does on the page shown: check, then import. */
void
stw_import_dialog_next (StwImportDialog *self)
{
  const char *page;

  g_return_if_fail (STW_IS_IMPORT_DIALOG (self));

  if (!stw_import_dialog_get_can_go_next (self))
    return;

  page = gtk_stack_get_visible_child_name (self->stack);
  g_cancellable_reset (self->cancellable);

  if (g_strcmp0 (page, "setup") == 0)
    {
      show_progress (self, _("Checking Every Row"));
      stw_csv_import_validate_async (self->import, self->cancellable, validate_cb,
                                     g_object_ref (self));
    }
  else if (g_strcmp0 (page, "report") == 0)
    {
      show_progress (self, _("Importing"));
      stw_csv_import_run_async (self->import, self->db, self->cancellable, run_cb,
                                g_object_ref (self));
    }
}

/* Cancels what runs, or closes the dialog when nothing does. */
void
stw_import_dialog_cancel (StwImportDialog *self)
{
  g_return_if_fail (STW_IS_IMPORT_DIALOG (self));

  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

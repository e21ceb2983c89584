/* test-preferences-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-test-ui.h"
#include "ui/stw-preferences-window.h"

/* The settings are the memory backend the test environment sets, shared
 * by the whole run: every test starts from the defaults. */

typedef struct
{
  GSettings            *settings;
  StwPreferencesWindow *window;
  GtkWidget            *currency_row;
  AdwComboRow          *style_row;
  guint                 n_changes;
} Fixture;

static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     Fixture    *fixture)
{
  fixture->n_changes++;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (stw_preferences_window_new (fixture->settings));
  gtk_window_present (GTK_WINDOW (fixture->window));
  stw_test_flush ();

  /* Found by their titles, as a person finds them. */
  fixture->currency_row = stw_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_ENTRY_ROW,
                                                "Default Currency");
  fixture->style_row = ADW_COMBO_ROW (stw_test_find_widget (GTK_WIDGET (fixture->window),
                                                            ADW_TYPE_COMBO_ROW, "Style"));
  g_assert_nonnull (fixture->currency_row);
  g_assert_nonnull (fixture->style_row);
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  stw_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "default-currency");
  g_settings_reset (fixture->settings, "color-scheme");
  g_signal_connect (fixture->settings, "changed", G_CALLBACK (settings_changed_cb), fixture);
  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);

  g_signal_handlers_disconnect_by_data (fixture->settings, fixture);
  g_settings_reset (fixture->settings, "default-currency");
  g_settings_reset (fixture->settings, "color-scheme");
  g_assert_finalize_object (fixture->settings);
}

static char *
setting (Fixture    *fixture,
         const char *key)
{
  return g_settings_get_string (fixture->settings, key);
}

/* ------------------------------------------------------------------------ */

static void
test_shows_settings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->currency_row)), ==, "EUR");
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->style_row), ==, 0);
  /* Showing them wrote nothing back. */
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  close_window (fixture);
  g_settings_set_string (fixture->settings, "default-currency", "JPY");
  g_settings_set_string (fixture->settings, "color-scheme", "light");
  fixture->n_changes = 0;
  open_window (fixture);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->currency_row)), ==, "JPY");
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->style_row), ==, 1);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
}

static void
test_currency (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *currency = NULL;

  /* Not a code: marked, and the setting keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->currency_row), "eu");
  currency = setting (fixture, "default-currency");
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_true (gtk_widget_has_css_class (fixture->currency_row, "error"));
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  /* Nor is nothing. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->currency_row), "");
  g_clear_pointer (&currency, g_free);
  currency = setting (fixture, "default-currency");
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_true (gtk_widget_has_css_class (fixture->currency_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (fixture->currency_row), "USD");
  g_clear_pointer (&currency, g_free);
  currency = setting (fixture, "default-currency");
  g_assert_cmpstr (currency, ==, "USD");
  g_assert_false (gtk_widget_has_css_class (fixture->currency_row, "error"));

  /* And it is what the window shows the next time. */
  close_window (fixture);
  open_window (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->currency_row)), ==, "USD");
  g_assert_false (gtk_widget_has_css_class (fixture->currency_row, "error"));
}

static void
test_style (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *scheme = NULL;

  adw_combo_row_set_selected (fixture->style_row, 2);
  scheme = setting (fixture, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");

  adw_combo_row_set_selected (fixture->style_row, 1);
  g_clear_pointer (&scheme, g_free);
  scheme = setting (fixture, "color-scheme");
  g_assert_cmpstr (scheme, ==, "light");

  adw_combo_row_set_selected (fixture->style_row, 0);
  g_clear_pointer (&scheme, g_free);
  scheme = setting (fixture, "color-scheme");
  g_assert_cmpstr (scheme, ==, "default");
}

int
main (int   argc,
      char *argv[])
{
  stw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/steward/ui/preferences-window/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("shows-settings", test_shows_settings);
  ADD ("currency", test_currency);
  ADD ("style", test_style);

#undef ADD

  return g_test_run ();
}

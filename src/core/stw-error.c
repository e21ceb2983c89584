/* stw-error.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stw-error.h"

G_DEFINE_QUARK (stw-error-quark, stw_error)

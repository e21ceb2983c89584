/* stw-reassign.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* reassign_to for deleting a location or person: clear the assets' field
 * instead of moving them. 0 refuses while assets still point there. */
#define STW_REASSIGN_CLEAR (-1)

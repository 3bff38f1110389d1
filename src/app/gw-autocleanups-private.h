/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

/* Debian 12's poppler-glib 22.12 defines no g_autoptr cleanups. */
#ifndef __POPPLER_GLIB_AUTOCLEANUPS_DEFINED
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

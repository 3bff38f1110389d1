/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

G_BEGIN_DECLS

/* libFuzzer's entry points; fuzz-main.c supplies a driver that runs them
 * on files when the compiler has no libFuzzer. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A failed g_return_if_fail() is a bug in the caller: the parsers must
 * never trip one whatever the input, so make it abort the run. Warnings
 * and debug output would only slow the fuzzer down. */
static inline void
fuzz_quiet_log (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
  /* GLib ends a fatal message with SIGTRAP, which libFuzzer does not catch:
   * say what it was and abort, so the input is kept as a crash. */
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_printerr ("fuzz: %s: %s\n", log_domain ? log_domain : "", message);
      abort ();
    }
}

static inline void
fuzz_init_glib (void)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  g_log_set_default_handler (fuzz_quiet_log, NULL);
  g_log_set_handler (NULL, G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL, fuzz_quiet_log, NULL);
}

/* Every error the parsers hand back must say something: the user sees
 * nothing else. */
static inline void
fuzz_check_error (const GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    {
      g_printerr ("fuzz: parser failed without an error message\n");
      abort ();
    }
}

/* An exact-size copy, so that ASan sees any read past the end. */
static inline char *
fuzz_dup_exact (const uint8_t *data,
                size_t         size)
{
  char *copy = malloc (size ? size : 1);

  if (size)
    memcpy (copy, data, size);
  return copy;
}

/* A NUL-terminated copy with nothing after the NUL. */
static inline char *
fuzz_dup_string (const uint8_t *data,
                 size_t         size)
{
  char *copy = malloc (size + 1);

  if (size)
    memcpy (copy, data, size);
  copy[size] = '\0';
  return copy;
}

G_END_DECLS

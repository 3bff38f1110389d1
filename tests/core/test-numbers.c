/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers mean one thing: every numeric attribute of .gwdoc and of a
 * template is a finite decimal, checked before the schema, so that each
 * spelling of infinity, NaN, an exponent or hexadecimal gets the one
 * message. */
#include "config.h"

#include <string.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-template.h"

static const char *refused[] = {
  "inf", "INF", "-INF", "Infinity", "-inf", "1e309", "1e3", "1E2", "NaN", "nan", "-nan", "NAN",
  "0x10", "+5", ".5", "5.", "1,5", "１２", "", " ", "5 5", "--1", "1e-5", "1234567890123456",
};
static const char *accepted[] = { "12", "4.5", " 4.5 ", "-0.5", "0", "0.0000001", "100000000000000" };

static GwDocument *
load_with_total (const char  *value,
                 GError     **error)
{
  g_autofree char *xml = g_strdup_printf (
    "<gwdoc version=\"1\" kind=\"evaluation\">\n<body/>\n<evaluation stated-total=\"%s\">\n"
    "<sections>\n<section id=\"A\" name=\"管理\" max=\"10\">\n"
    "<indicator id=\"A1\" name=\"制度\" max=\"10\" score=\"%s\"/>\n</section>\n</sections>\n"
    "</evaluation>\n</gwdoc>\n", "80", value);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return gw_document_load_gwdoc_bytes (bytes, "n.gwdoc", error);
}

static void
test_gwdoc (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = load_with_total (refused[i], &error);

      g_test_message ("“%s”: %s", refused[i], error ? error->message : "(loaded)");
      g_assert_null (doc);
      g_assert_error (error, GW_ERROR, GW_ERROR_SCHEMA);
      /* the one message, with the file, the line and the attribute */
      g_assert_true (g_str_has_prefix (error->message, "n.gwdoc:6: attribute “score”: “"));
      g_assert_nonnull (strstr (error->message, "is not a number Gongwen can use"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = load_with_total (accepted[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
    }
}

static GwTemplate *
template_with_step (const char  *value,
                    GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                 "evaluation.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *attr = g_strdup_printf ("step=\"%s\"", value);
  g_autoptr(GString) s = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  s = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (s, "step=\"0.5\"", attr, 1), ==, 1);
  bytes = g_bytes_new (s->str, s->len);
  return gw_template_new_from_bytes (bytes, "t.xml", error);
}

static void
test_template (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GwTemplate) t = template_with_step (refused[i], &error);

      g_test_message ("“%s”: %s", refused[i], error ? error->message : "(loaded)");
      g_assert_null (t);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "t.xml"));
      g_assert_nonnull (strstr (error->message, "step="));
      g_assert_nonnull (strstr (error->message, "is not a number Gongwen can use"));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GwTemplate) t = template_with_step ("0.25", &error);
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numbers/gwdoc", test_gwdoc);
  g_test_add_func ("/numbers/template", test_template);
  return g_test_run ();
}

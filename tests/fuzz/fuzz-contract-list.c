/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "gw-contract-list.h"
#include "gw-form-checks.h"
#include "fuzz-common.h"
#include "fuzz-zip.h"

/* The contract list of an evaluation round (CSV, TSV or .xlsx): whatever
 * the bytes, a list xor an error with a message, and every contract in a
 * list has the columns the round needs.
 *
 * The first byte picks the form: 'S' the rest is xl/worksheets/sheet1.xml
 * and, after a NUL byte, xl/sharedStrings.xml, zipped here into a workbook
 * with fixed relationships; 'T' the rest is a .tsv file; anything else the
 * rest is a .csv file (a real .xlsx starts "PK" and is read as one). */

static const char content_types[] =
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "</Types>";
static const char rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char workbook[] =
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "</Relationships>";

static char *tmp_dir;

/* libFuzzer ends with exit (): leave no folder behind */
static void
remove_tmp_dir (void)
{
  static const char * const names[] = { "list.csv", "list.tsv", "list.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  gsf_init ();
  tmp_dir = g_dir_make_tmp ("fuzz-contract-list-XXXXXX", NULL);
  if (tmp_dir == NULL)
    return 1;
  atexit (remove_tmp_dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GwContractCheck check = { 3, gw_credit_code_validate };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = NULL;

  if (size < 1 || size > 1024 * 1024)
    return 0;
  if (data[0] == 'S')
    {
      const uint8_t *pieces[2];
      size_t lens[2];
      guint n = fuzz_split_nul (data + 1, size - 1, pieces, lens, 2);
      FuzzZipPart parts[] = {
        { "[Content_Types].xml", content_types, sizeof content_types - 1 },
        { "_rels/.rels", rels, sizeof rels - 1 },
        { "xl/workbook.xml", workbook, sizeof workbook - 1 },
        { "xl/_rels/workbook.xml.rels", workbook_rels, sizeof workbook_rels - 1 },
        { "xl/worksheets/sheet1.xml", pieces[0], lens[0] },
        { "xl/sharedStrings.xml", n > 1 ? pieces[1] : NULL, n > 1 ? lens[1] : 0 },
      };
      bytes = fuzz_zip (parts, G_N_ELEMENTS (parts) - (n > 1 ? 0 : 1));
      path = g_build_filename (tmp_dir, "list.xlsx", NULL);
    }
  else
    {
      bytes = g_bytes_new (data + 1, size - 1);
      path = g_build_filename (tmp_dir, data[0] == 'T' ? "list.tsv" : "list.csv", NULL);
    }
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    abort ();

  list = gw_contract_list_read (path, &check, &error);
  if (list == NULL)
    fuzz_check_error (error);
  else if (error != NULL)
    abort ();
  else
    for (guint i = 0; i < list->len; i++)
      {
        GwContract *c = g_ptr_array_index (list, i);
        /* a listed contract names its station and operator */
        if (c == NULL)
          abort ();
      }
  g_unlink (path);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* An Office Open XML package (.docx, .xlsx): a ZIP archive of parts found
 * through relationships. The container is read by libgsf (GsfInfileZip);
 * every XML part, the .rels files included, is parsed by the core's safe
 * libxml2 reading (no network, no DTD, no entities). Nothing in the
 * package is trusted:
 *
 * - the package file may hold at most GW_MAX_PACKAGE_SIZE bytes (larger
 *   than the 16 MiB text limit: real drafts carry seal and scan images,
 *   which are never read);
 * - at most GW_PACKAGE_MAX_ENTRIES entries;
 * - an entry whose declared size is over GW_PACKAGE_MAX_RATIO times its
 *   compressed size is refused before it is inflated;
 * - each part is inflated in chunks and refused once it passes
 *   GW_PACKAGE_MAX_PART_SIZE, whatever size it declares;
 * - all parts read together may not inflate past GW_PACKAGE_MAX_TOTAL_SIZE.
 *
 * A legacy .doc and a password-protected .docx are not ZIP archives but
 * OLE compound files: both get their own messages.
 *
 * Part names are absolute within the package without the leading slash
 * ("word/document.xml"). Errors are in GW_ERROR and name the file. */

#define GW_MAX_PACKAGE_SIZE       (64 * 1024 * 1024)
#define GW_PACKAGE_MAX_ENTRIES    10000
#define GW_PACKAGE_MAX_PART_SIZE  GW_MAX_INPUT_SIZE
#define GW_PACKAGE_MAX_TOTAL_SIZE (32 * 1024 * 1024)
#define GW_PACKAGE_MAX_RATIO      200

typedef struct _GwPackage GwPackage;

typedef struct {
  char    *id;
  char    *type;      /* the full relationship type URI */
  char    *target;    /* resolved part name, or the URI when external */
  gboolean external;
} GwPackageRel;

GwPackage  *gw_package_open_file        (const char  *path,
                                         GError     **error);
/* @display_name names the file in messages. */
GwPackage  *gw_package_open_bytes       (GBytes      *bytes,
                                         const char  *display_name,
                                         GError     **error);
void        gw_package_free             (GwPackage   *package);
const char *gw_package_get_display_name (GwPackage   *package);

gboolean    gw_package_has_part         (GwPackage   *package,
                                         const char  *part);

/* The relationships of @part ("" or NULL for the package's own
 * _rels/.rels): a GPtrArray of GwPackageRel, empty when the part has no
 * .rels; NULL with @error when the .rels is broken or unsafe. */
GPtrArray  *gw_package_get_relationships (GwPackage  *package,
                                          const char *part,
                                          GError    **error);

/* The first internal target of @part's relationships whose type ends in
 * "/" @type_name ("officeDocument", "styles", "numbering", "worksheet"
 * …; the transitional and strict namespaces both match). Returns NULL
 * (error unset) when there is none. */
char       *gw_package_find_related     (GwPackage   *package,
                                         const char  *part,
                                         const char  *type_name,
                                         GError     **error);

/* The package's main part ("officeDocument" from _rels/.rels). */
char       *gw_package_find_main_part   (GwPackage   *package,
                                         GError     **error);

/* A part name @target resolved against the folder of @source_part
 * ("word/document.xml" + "media/a.png" → "word/media/a.png"; "/x" is
 * absolute). NULL when it climbs out of the package. */
char       *gw_package_resolve          (const char  *source_part,
                                         const char  *target);

/* The bytes of @part, inflated with the caps above. */
GBytes     *gw_package_read_part        (GwPackage   *package,
                                         const char  *part,
                                         GError     **error);

/* @part parsed safely: a DTD or entity declaration is GW_ERROR_UNSAFE. */
xmlDocPtr   gw_package_read_xml         (GwPackage   *package,
                                         const char  *part,
                                         GError     **error);

/* Whether @data starts like an OLE compound file (a .doc or an encrypted
 * Office file) or like a ZIP archive. */
gboolean    gw_package_data_is_ole      (const char  *data,
                                         gsize        len);
gboolean    gw_package_data_is_zip      (const char  *data,
                                         gsize        len);

void        gw_package_rel_free         (GwPackageRel *rel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwPackage, gw_package_free)

G_END_DECLS

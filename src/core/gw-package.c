/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <string.h>

#include "gw-error.h"
#include "gw-file.h"
#include "gw-package.h"
#include "gw-xml-private.h"

struct _GwPackage {
  char      *name;
  GBytes    *bytes;
  GsfInfile *zip;
  GHashTable *entries;   /* part name → Entry, from the central directory */
  gsize      total_read; /* bytes inflated so far, all parts */
};

typedef struct {
  guint64 csize;
  guint64 usize;
} Entry;

/* libgsf defines no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

static const guint8 ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

gboolean
gw_package_data_is_ole (const char *data,
                        gsize       len)
{
  return len >= 8 && memcmp (data, ole_magic, 8) == 0;
}

gboolean
gw_package_data_is_zip (const char *data,
                        gsize       len)
{
  return len >= 4 && data[0] == 'P' && data[1] == 'K' &&
         ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

void
gw_package_rel_free (GwPackageRel *rel)
{
  if (rel == NULL)
    return;
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

void
gw_package_free (GwPackage *package)
{
  if (package == NULL)
    return;
  g_free (package->name);
  g_clear_object (&package->zip);
  g_clear_pointer (&package->bytes, g_bytes_unref);
  g_clear_pointer (&package->entries, g_hash_table_unref);
  g_free (package);
}

const char *
gw_package_get_display_name (GwPackage *package)
{
  return package->name;
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

/* Reads the central directory ourselves before libgsf builds its tree, so
 * the entry count and each entry's compression ratio are checked on the
 * archive's own records, not on what a library chose to keep. */
/* Whether a DOS date and time name a real moment: libgsf turns an
 * impossible one (month 13, hour 25) into a NULL GDateTime and trips a
 * critical; zero means "no date" to it. */
static gboolean
dos_time_valid (guint16 time,
                guint16 date)
{
  guint day = date & 0x1f, month = (date >> 5) & 0x0f;
  guint sec = (time & 0x1f) * 2, min = (time >> 5) & 0x3f, hour = time >> 11;

  if (time == 0 && date == 0)
    return TRUE;
  return month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, 1980 + (date >> 9)) &&
         hour < 24 && min < 60 && sec < 60;
}

static gboolean
scan_central_directory (GwPackage  *package,
                        GError    **error)
{
  gsize len;
  guint8 *data = (guint8 *) g_bytes_get_data (package->bytes, &len);
  gssize eocd = -1;
  guint32 count, cd_size, cd_offset;
  guint8 *p, *end;

  /* the end record sits in the last 22 + 65535 bytes */
  for (gssize i = (gssize) len - 22; i >= 0 && i >= (gssize) len - 22 - 65535; i--)
    if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 5 && data[i + 3] == 6)
      {
        eocd = i;
        break;
      }
  if (eocd < 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the Word file is damaged or cut short (the ZIP archive has no end record)"),
                   package->name);
      return FALSE;
    }
  count = le16 (data + eocd + 10);
  cd_size = le32 (data + eocd + 12);
  cd_offset = le32 (data + eocd + 16);
  if (count > GW_PACKAGE_MAX_ENTRIES)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the Word file holds %u parts; Gongwen reads packages of up to %d"),
                   package->name, count, GW_PACKAGE_MAX_ENTRIES);
      return FALSE;
    }
  if ((guint64) cd_offset + cd_size > (guint64) eocd)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the Word file is damaged or cut short (its ZIP directory points outside the file)"),
                   package->name);
      return FALSE;
    }

  package->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p = data + cd_offset;
  end = p + cd_size;
  for (guint n = 0; p + 46 <= end; n++)
    {
      Entry *e;
      guint name_len, extra_len, comment_len;
      char *name;

      if (le32 (p) != 0x02014b50 || n >= GW_PACKAGE_MAX_ENTRIES)
        break;
      name_len = le16 (p + 28);
      extra_len = le16 (p + 30);
      comment_len = le16 (p + 32);
      if (p + 46 + name_len > end)
        break;
      /* libgsf only warns on a damaged local header, on stderr: catch it
       * here, with a message that names the file */
      {
        guint32 local = le32 (p + 42);
        if ((guint64) local + 30 > (guint64) eocd || le32 (data + local) != 0x04034b50)
          {
            g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                         _("%s: the Word file is damaged (a part's ZIP header is broken)"),
                         package->name);
            return FALSE;
          }
      }
      if (!dos_time_valid (le16 (p + 12), le16 (p + 14)))
        {
          /* our private copy: no date rather than an impossible one */
          guint8 *q = data + (p - data);
          memset (q + 12, 0, 4);
        }
      e = g_new (Entry, 1);
      e->csize = le32 (p + 20);
      e->usize = le32 (p + 24);
      name = g_strndup ((const char *) p + 46, name_len);
      /* a ratio only matters once an entry is large */
      if (e->usize > 1024 * 1024 &&
          e->usize / MAX (e->csize, 1) > GW_PACKAGE_MAX_RATIO)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                       _("%s: the part “%s” would inflate %lu times its stored size (a ZIP bomb?); "
                         "Gongwen refuses more than %d times"),
                       package->name, name, (unsigned long) (e->usize / MAX (e->csize, 1)),
                       GW_PACKAGE_MAX_RATIO);
          g_free (name);
          g_free (e);
          return FALSE;
        }
      g_hash_table_replace (package->entries, name, e);
      p += 46 + name_len + extra_len + comment_len;
    }
  return TRUE;
}

static gboolean
ole_has_stream (GBytes     *bytes,
                const char *stream)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) ole = NULL;
  g_autoptr(GsfInput) child = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  input = gsf_input_memory_new ((const guint8 *) data, len, FALSE);
  ole = gsf_infile_msole_new (input, NULL);
  if (ole == NULL)
    return FALSE;
  child = gsf_infile_child_by_name (ole, stream);
  return child != NULL;
}

GwPackage *
gw_package_open_bytes (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(GwPackage) package = NULL;
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GError) gsf_error = NULL;
  static gsize gsf_ready = 0;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_once_init_enter (&gsf_ready))
    {
      gsf_init ();
      g_once_init_leave (&gsf_ready, 1);
    }

  package = g_new0 (GwPackage, 1);
  package->name = g_strdup (display_name ? display_name : _("the Word file"));
  /* a private copy: impossible dates are cleared in it (see
   * dos_time_valid()), never in the caller's bytes */
  data = g_bytes_get_data (bytes, &len);
  package->bytes = len <= GW_MAX_PACKAGE_SIZE ? g_bytes_new (data, len) : g_bytes_ref (bytes);
  data = g_bytes_get_data (package->bytes, &len);

  if (len > GW_MAX_PACKAGE_SIZE)
    {
      /* exact byte counts: a rounded "64.0 MiB" would hide a file a few bytes over */
      g_autofree char *size_text = g_strdup_printf ("%" G_GSIZE_FORMAT, len);
      g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                                     (gsize) GW_MAX_PACKAGE_SIZE);

      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the file is %s bytes; Gongwen reads Word files of up to %s bytes"),
                   package->name, size_text, limit_text);
      return NULL;
    }
  if (gw_package_data_is_ole (data, len))
    {
      if (ole_has_stream (bytes, "EncryptedPackage") || ole_has_stream (bytes, "EncryptionInfo"))
        g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                     _("%s: the Word file is protected by a password; open it in Word or WPS, "
                       "remove the password (文件 → 文档加密) and save it again as .docx"),
                     package->name);
      else
        g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                     _("%s: this is an old Word 97–2003 document (.doc) with a .docx name; "
                       "open it in Word or WPS and save it as .docx (另存为 .docx)"),
                     package->name);
      return NULL;
    }
  if (!gw_package_data_is_zip (data, len))
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: not a Word (.docx) file: it is not a ZIP package"), package->name);
      return NULL;
    }
  if (!scan_central_directory (package, error))
    return NULL;

  input = gsf_input_memory_new ((const guint8 *) data, len, FALSE);
  package->zip = gsf_infile_zip_new (input, &gsf_error);
  if (package->zip == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the Word file is damaged or cut short: %s"), package->name,
                   gsf_error ? gsf_error->message : _("not a readable ZIP archive"));
      return NULL;
    }
  return g_steal_pointer (&package);
}

GwPackage *
gw_package_open_file (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = gw_file_read_named (file, path, GW_MAX_PACKAGE_SIZE, error);

  if (bytes == NULL)
    return NULL;
  return gw_package_open_bytes (bytes, path, error);
}

static GsfInput *
child_by_part (GwPackage  *package,
               const char *part)
{
  g_auto(GStrv) names = NULL;

  if (part == NULL || *part == '\0')
    return NULL;
  names = g_strsplit (part, "/", 0);
  for (guint i = 0; names[i]; i++)
    if (*names[i] == '\0')
      return NULL;
  return gsf_infile_child_by_aname (package->zip, (const char **) names);
}

gboolean
gw_package_has_part (GwPackage  *package,
                     const char *part)
{
  g_autoptr(GsfInput) child = child_by_part (package, part);
  return child != NULL;
}

GBytes *
gw_package_read_part (GwPackage   *package,
                      const char  *part,
                      GError     **error)
{
  g_autoptr(GsfInput) child = child_by_part (package, part);
  g_autoptr(GByteArray) buffer = NULL;
  Entry *entry;

  if (child == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the Word file has no part “%s”"), package->name, part);
      return NULL;
    }
  entry = g_hash_table_lookup (package->entries, part);
  if (entry && entry->usize > 1024 * 1024 &&
      entry->usize / MAX (entry->csize, 1) > GW_PACKAGE_MAX_RATIO)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the part “%s” inflates too far (a ZIP bomb?)"), package->name, part);
      return NULL;
    }

  /* Inflate in chunks and count: the size the archive declares is the
   * author's number, not ours. */
  buffer = g_byte_array_new ();
  for (;;)
    {
      gsf_off_t remaining = gsf_input_remaining (child);
      gsize n = MIN ((gsf_off_t) 65536, remaining);
      const guint8 *chunk;

      if (remaining <= 0)
        break;
      if (buffer->len + n > GW_PACKAGE_MAX_PART_SIZE)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                       _("%s: the part “%s” inflates past %d MiB; Gongwen refuses it"),
                       package->name, part, GW_PACKAGE_MAX_PART_SIZE / (1024 * 1024));
          return NULL;
        }
      if (package->total_read + n > GW_PACKAGE_MAX_TOTAL_SIZE)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                       _("%s: the parts inflate past %d MiB together; Gongwen refuses the package"),
                       package->name, GW_PACKAGE_MAX_TOTAL_SIZE / (1024 * 1024));
          return NULL;
        }
      chunk = gsf_input_read (child, n, NULL);
      if (chunk == NULL)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                       _("%s: the part “%s” is damaged (it cannot be inflated)"),
                       package->name, part);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
      package->total_read += n;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

xmlDocPtr
gw_package_read_xml (GwPackage   *package,
                     const char  *part,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = gw_package_read_part (package, part, error);
  GwXmlProblem problem;
  xmlDocPtr doc;
  const char *data;
  gsize len;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  /* Word writes UTF-8; saying so here beats libxml2's two-line message */
  {
    const char *bad = NULL;
    if (!g_utf8_validate_len (data, len, &bad))
      {
        guint line = 1;
        for (const char *q = data; q < bad; q++)
          line += *q == '\n';
        g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                     _("%s: the part “%s” is not UTF-8 text (line %u)"),
                     package->name, part, line);
        return NULL;
      }
  }
  doc = _gw_xml_parse_safely (data, len, 0, &problem);
  if (doc)
    return doc;
  switch (problem.status)
    {
    case GW_XML_UNSAFE:
      g_set_error (error, GW_ERROR, GW_ERROR_UNSAFE,
                   _("%s: the part “%s” declares a DTD or entities (line %u); "
                     "Gongwen refuses them, as Word never writes them"),
                   package->name, part, problem.line);
      break;
    case GW_XML_WRONG_ENCODING:
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the part “%s” is not UTF-8 but %s"),
                   package->name, part, problem.message);
      break;
    case GW_XML_MALFORMED:
      if (problem.message)
        g_strdelimit (problem.message, "\n", ' ');
      if (problem.message)
        g_strstrip (problem.message);
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the part “%s” is not well-formed XML (line %u): %s"),
                   package->name, part, problem.line,
                   problem.message ? problem.message : _("unknown error"));
      break;
    case GW_XML_OK:
    case GW_XML_NO_CONTEXT:
    default:
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the part “%s” could not be read"), package->name, part);
      break;
    }
  _gw_xml_problem_clear (&problem);
  return NULL;
}

char *
gw_package_resolve (const char *source_part,
                    const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pieces = NULL;
  GString *out;

  if (target == NULL || *target == '\0')
    return NULL;
  if (target[0] == '/')
    target++;
  else if (source_part && strchr (source_part, '/'))
    {
      g_auto(GStrv) base = g_strsplit (source_part, "/", 0);
      for (guint i = 0; base[i] && base[i + 1]; i++)
        g_ptr_array_add (parts, g_strdup (base[i]));
    }
  pieces = g_strsplit (target, "/", 0);
  for (guint i = 0; pieces[i]; i++)
    {
      if (*pieces[i] == '\0' || strcmp (pieces[i], ".") == 0)
        continue;
      if (strcmp (pieces[i], "..") == 0)
        {
          if (parts->len == 0)
            return NULL;
          g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, g_strdup (pieces[i]));
    }
  if (parts->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      if (i)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

/* "word/document.xml" → "word/_rels/document.xml.rels"; "" → "_rels/.rels" */
static char *
rels_name (const char *part)
{
  const char *slash;

  if (part == NULL || *part == '\0')
    return g_strdup ("_rels/.rels");
  slash = strrchr (part, '/');
  if (slash == NULL)
    return g_strdup_printf ("_rels/%s.rels", part);
  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
}

GPtrArray *
gw_package_get_relationships (GwPackage  *package,
                              const char *part,
                              GError    **error)
{
  g_autofree char *name = rels_name (part);
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_package_rel_free);
  g_autoptr(xmlDoc) doc = NULL;
  xmlNodePtr root;

  if (!gw_package_has_part (package, name))
    return g_steal_pointer (&rels);
  doc = gw_package_read_xml (package, name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    {
      g_autofree xmlChar *id = NULL, *type = NULL, *target = NULL, *mode = NULL;
      GwPackageRel *rel;

      if (n->type != XML_ELEMENT_NODE || strcmp ((const char *) n->name, "Relationship") != 0)
        continue;
      id = xmlGetProp (n, (const xmlChar *) "Id");
      type = xmlGetProp (n, (const xmlChar *) "Type");
      target = xmlGetProp (n, (const xmlChar *) "Target");
      mode = xmlGetProp (n, (const xmlChar *) "TargetMode");
      if (type == NULL || target == NULL)
        continue;
      rel = g_new0 (GwPackageRel, 1);
      rel->id = g_strdup (id ? (const char *) id : "");
      rel->type = g_strdup ((const char *) type);
      rel->external = mode && strcmp ((const char *) mode, "External") == 0;
      rel->target = rel->external ? g_strdup ((const char *) target)
                                  : gw_package_resolve (part, (const char *) target);
      if (rel->target == NULL)
        {
          gw_package_rel_free (rel);
          continue;
        }
      g_ptr_array_add (rels, rel);
    }
  return g_steal_pointer (&rels);
}

char *
gw_package_find_related (GwPackage   *package,
                         const char  *part,
                         const char  *type_name,
                         GError     **error)
{
  g_autoptr(GPtrArray) rels = gw_package_get_relationships (package, part, error);

  if (rels == NULL)
    return NULL;
  for (guint i = 0; i < rels->len; i++)
    {
      GwPackageRel *rel = g_ptr_array_index (rels, i);
      const char *slash = strrchr (rel->type, '/');

      if (!rel->external && slash && strcmp (slash + 1, type_name) == 0)
        return g_strdup (rel->target);
    }
  return NULL;
}

char *
gw_package_find_main_part (GwPackage  *package,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  char *main_part = gw_package_find_related (package, NULL, "officeDocument", &local_error);

  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (main_part == NULL || !gw_package_has_part (package, main_part))
    {
      g_free (main_part);
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the package names no main document (no word/document.xml); "
                     "it is not a Word file or it is damaged"),
                   package->name);
      return NULL;
    }
  return main_part;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-file.h"
#include "gw-import-line-private.h"
#include "gw-import-text.h"
#include "gw-letter.h"

/* ---- the importer -------------------------------------------------------- */

typedef struct {
  GwDocument *doc;
  GwLine     *lines;
  guint       n_lines;
  GPtrArray  *blocks;     /* GwBlock, in order */

  /* the block being built */
  GString    *text;
  GArray     *spans;      /* GwSourceSpan */
  GwBlockKind kind;
  guint       level;
  guint       n_chars;
  gboolean    open;
  gboolean    runs_on;    /* a heading with body text after it */
  guint       last_line;  /* index of the last line added */

  /* Headings are indented like paragraphs (左空二字), as in a PDF copy or a
   * WPS paste: then only an indent starts a paragraph, and a flush-left
   * line carries on the one above whatever its punctuation. */
  gboolean    indent_style;
} Importer;

static guint
next_nonblank (Importer *imp,
               guint     i,
               guint     end)
{
  while (i < end && imp->lines[i].len == 0)
    i++;
  return i;
}

/* Index of the last non-blank line before @i, or G_MAXUINT. */
static guint
prev_nonblank (Importer *imp,
               guint     i,
               guint     floor)
{
  while (i > floor)
    {
      i--;
      if (imp->lines[i].len > 0)
        return i;
    }
  return G_MAXUINT;
}

static void
set_meta (Importer   *imp,
          GwMeta      meta,
          const char *value,
          guint       line,
          guint       column)
{
  gw_document_set_meta (imp->doc, meta, value);
  gw_document_set_meta_source (imp->doc, meta, line, column);
}

static void
set_meta_line (Importer   *imp,
               GwMeta      meta,
               const GwLine *l)
{
  set_meta (imp, meta, l->text, l->lineno, l->column);
}
/* The 发文机关标志 of lines @from … @to (exclusive, blank lines skipped) as
 * the document keeps it: several organs one per line with "文件" last
 * (gw_organ_mark_join()); a single organ's lines as they stand. */
static char *
organ_mark_of_lines (Importer *imp,
                     guint     from,
                     guint     to)
{
  g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean suffix = FALSE, all = TRUE;

  for (guint k = from; k < to; k = next_nonblank (imp, k + 1, to))
    {
      if (s->len)
        g_string_append_c (s, '\n');
      g_string_append_len (s, imp->lines[k].text, imp->lines[k].len);
      if (all && !_gw_line_split_organs (&imp->lines[k], TRUE, organs, &suffix))
        all = FALSE;
    }
  if (all && organs->len >= 2)
    {
      g_ptr_array_add (organs, NULL);
      return gw_organ_mark_join ((const char * const *) organs->pdata, suffix);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
static void
block_close (Importer *imp)
{
  GwBlock *block;

  if (!imp->open)
    return;
  if (imp->kind == GW_BLOCK_HEADING)
    block = gw_block_new_heading (imp->level, imp->text->str);
  else
    block = gw_block_new (imp->kind, imp->text->str);
  for (guint i = 0; i < imp->spans->len; i++)
    {
      GwSourceSpan *s = &g_array_index (imp->spans, GwSourceSpan, i);
      gw_block_add_span (block, s->offset, s->line, s->column);
    }
  g_ptr_array_add (imp->blocks, block);
  imp->open = FALSE;
}

static void
block_append_line (Importer *imp,
                   guint     index)
{
  const GwLine *l = &imp->lines[index];
  GwSourceSpan span;

  if (imp->text->len > 0)
    {
      /* Latin words broken across lines keep a space between them. */
      const GwLine *prev = &imp->lines[imp->last_line];
      if (g_ascii_isalpha (prev->text[prev->len - 1]) && g_ascii_isalpha (l->text[0]))
        {
          g_string_append_c (imp->text, ' ');
          imp->n_chars++;
        }
    }
  span.offset = imp->n_chars;
  span.line = l->lineno;
  span.column = l->column;
  g_array_append_val (imp->spans, span);
  g_string_append_len (imp->text, l->text, l->len);
  imp->n_chars += l->n_chars;
  imp->last_line = index;
  if (imp->kind == GW_BLOCK_HEADING && !imp->runs_on &&
      (strstr (l->text, "。") || strstr (l->text, "，")))
    imp->runs_on = TRUE;
}

static void
block_open (Importer    *imp,
            GwBlockKind  kind,
            guint        level,
            guint        index)
{
  block_close (imp);
  g_string_truncate (imp->text, 0);
  g_array_set_size (imp->spans, 0);
  imp->kind = kind;
  imp->level = level;
  imp->n_chars = 0;
  imp->runs_on = FALSE;
  imp->open = TRUE;
  block_append_line (imp, index);
}

/* PDF copies break lines mid-phrase (助力乡⏎村振兴): @index continues the
 * open block when the line above stops mid-sentence and this one is flush
 * left and no element of its own. */
static gboolean
continues_block (Importer *imp,
                 guint     index)
{
  const GwLine *l = &imp->lines[index];
  const GwLine *prev;

  if (!imp->open || imp->last_line + 1 != index)
    return FALSE;
  prev = &imp->lines[imp->last_line];
  if (l->column > 1 || _gw_line_is_element (l) || strchr (l->text, '\t') != NULL)
    return FALSE;
  /* no paragraph starts with "，" or "）": the break fell before it */
  if (_gw_line_is_final_punct (_gw_line_last_char (prev)) && !imp->indent_style &&
      !_gw_line_is_continuing_punct (g_utf8_get_char (l->text)))
    return FALSE;
  /* "一、总体要求" is complete; only a heading running on into body text
   * can be broken mid-sentence. */
  if (imp->kind == GW_BLOCK_HEADING && !imp->runs_on)
    return FALSE;
  return imp->kind == GW_BLOCK_PARAGRAPH || imp->kind == GW_BLOCK_HEADING;
}

/* Where the 附件说明 list starting above @from ends: the first line that is
 * neither a numbered name nor a wrapped one. */
static guint
attachment_list_end (Importer *imp,
                     guint     from,
                     guint     to)
{
  guint k;

  for (k = from; k < to; k++)
    {
      const GwLine *l = &imp->lines[k];
      if (l->len == 0)
        continue;
      if (_gw_line_list_number_length (l->text) > 0 || _gw_line_is_attachment_list_start (l))
        continue;   /* "2．…", or "附件2：…" as some write it */
      if (l->column > 1 && !_gw_line_is_element (l))
        continue;   /* a wrapped name, aligned under the one above */
      break;
    }
  return k;
}

static void
add_attachment_name (Importer   *imp,
                     GString    *name,
                     guint      *name_line)
{
  if (*name_line > 0 && name->len > 0)
    gw_document_add_attachment (imp->doc, name->str, *name_line);
  g_string_truncate (name, 0);
  *name_line = 0;
}

static void
parse_attachment_list (Importer *imp,
                       guint     from,
                       guint     to)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint name_line = 0;

  for (guint k = from; k < to; k++)
    {
      const GwLine *l = &imp->lines[k];
      const char *p = l->text;
      gboolean labelled;
      gsize num;

      if (l->len == 0)
        continue;
      labelled = _gw_line_attachment_label (l, NULL, &p) == LABEL_COLON;
      if (!labelled)
        p = l->text;
      else if (*p == '\0')
        continue;   /* "附件：" with the names on the lines below */
      num = _gw_line_list_number_length (p);
      if (num > 0 || labelled)
        {
          add_attachment_name (imp, name, &name_line);
          name_line = l->lineno;
          g_string_append (name, p + num);
        }
      else
        {
          if (name_line == 0)
            name_line = l->lineno;
          g_string_append (name, p);
        }
    }
  add_attachment_name (imp, name, &name_line);
}

/* Whether an attachment page starts at @k: "附件N" with a title under it,
 * or "附件N：标题". */
static gboolean
is_page_start (Importer *imp,
               guint     k,
               guint     to)
{
  const GwLine *l = &imp->lines[k];
  guint title;

  if (_gw_line_is_inline_attachment_page (l, NULL, NULL))
    return TRUE;
  return _gw_line_is_attachment_marker (l, NULL) &&
         (title = next_nonblank (imp, k + 1, to)) < to &&
         !_gw_line_is_attachment_marker (&imp->lines[title], NULL);
}

/* A table starting at @k (see gw_import_text_table_run()): adds it as one block
 * with a span per cell, so a finding in a cell points at that cell in its
 * line. Returns the number of lines it took, 0 when there is none. */
static guint
table_run (Importer  *imp,
           guint      k,
           guint      to,
           GPtrArray *raw)
{
  guint n = 0;

  /* a .docx table: its rows, however many and whatever their cells hold */
  if (k < to && (imp->lines[k].flags & GW_LINE_TABLE_ROW))
    {
      do
        g_ptr_array_add (raw, (gpointer) imp->lines[k + n++].raw);
      while (k + n < to && (imp->lines[k + n].flags & GW_LINE_TABLE_ROW) &&
             !(imp->lines[k + n].flags & GW_LINE_TABLE_START));
      return n;
    }
  if (k >= to || strchr (imp->lines[k].text, '\t') == NULL)
    return 0;
  /* a decoration line (----) reads as blank even with a tab in it */
  while (k + n < to && imp->lines[k + n].len > 0)
    g_ptr_array_add (raw, (gpointer) imp->lines[k + n++].raw);
  return gw_import_text_table_run ((const char * const *) raw->pdata, raw->len);
}

static guint
parse_table (Importer *imp,
             guint     k,
             guint     to)
{
  g_autoptr(GPtrArray) raw = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  GwBlock *block;
  guint n, offset = 0, cell = 0;

  n = table_run (imp, k, to, raw);
  if (n == 0)
    return 0;

  block_close (imp);
  rows = gw_import_text_table_rows ((const char * const *) raw->pdata, n, columns);
  block = gw_block_new_table (rows);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c]; c++, cell++)
        {
          gw_block_add_span (block, offset, imp->lines[k + r].lineno,
                             g_array_index (columns, guint, cell) + 1);
          offset += g_utf8_strlen (cells[c], -1) + 1;   /* and the tab or newline */
        }
    }
  g_ptr_array_add (imp->blocks, block);
  return n;
}

static guint parse_attachment_page (Importer *imp, guint marker, guint to);

/* Body text, headings and attachment pages of lines [@from, @to). The
 * 附件说明 is recognised when @main is set. */
static void
parse_blocks (Importer *imp,
              guint     from,
              guint     to,
              gboolean  main)
{
  for (guint k = from; k < to; k++)
    {
      const GwLine *l = &imp->lines[k];
      guint n;

      if (l->len == 0)
        {
          block_close (imp);
          continue;
        }
      if (strchr (l->text, '\t') != NULL && (n = parse_table (imp, k, to)) > 0)
        {
          k += n - 1;
          continue;
        }
      if (main && _gw_line_is_attachment_list_start (l))
        {
          guint list_end = attachment_list_end (imp, k + 1, to);
          /* only the list may follow, or attachment pages */
          if (list_end >= to || _gw_line_is_attachment_marker (&imp->lines[list_end], NULL) ||
              is_page_start (imp, list_end, to))
            {
              block_close (imp);
              parse_attachment_list (imp, k, list_end);
              k = list_end - 1;
              continue;
            }
        }
      if (is_page_start (imp, k, to))
        {
          block_close (imp);
          k = parse_attachment_page (imp, k, to) - 1;
          continue;
        }
      if (_gw_line_is_heading (l))
        block_open (imp, GW_BLOCK_HEADING, l->heading, k);
      else if (continues_block (imp, k))
        block_append_line (imp, k);
      else
        block_open (imp, GW_BLOCK_PARAGRAPH, 0, k);
    }
  block_close (imp);
}

/* An attachment page: "附件N" at @marker, its title, then content up to the
 * next page or @to. Returns the index where the next page starts. */
static guint
parse_attachment_page (Importer *imp,
                       guint     marker,
                       guint     to)
{
  const GwLine *m = &imp->lines[marker];
  guint number = 0;
  guint k, end;
  GwBlock *block;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GwSourceSpan));
  const char *inline_title = NULL;

  if (_gw_line_is_inline_attachment_page (m, &number, &inline_title))
    {
      GwSourceSpan span = { 0, m->lineno, _gw_line_column_at (m, inline_title) };

      g_string_append (text, inline_title);
      g_array_append_val (spans, span);
      k = marker + 1;
    }
  else
    {
      guint title = next_nonblank (imp, marker + 1, to);
      guint n_chars = 0;

      _gw_line_is_attachment_marker (m, &number);
      /* the title, one to three lines as the author broke it */
      for (k = title; k < to && k - title < 3; k++)
        {
          const GwLine *l = &imp->lines[k];
          GwSourceSpan span = { n_chars, l->lineno, l->column };

          if (k > title)
            {
              if (!_gw_line_continues_title (&imp->lines[k - 1], l))
                break;
              g_string_append_c (text, '\n');
              span.offset = ++n_chars;
            }
          g_string_append_len (text, l->text, l->len);
          n_chars += l->n_chars;
          g_array_append_val (spans, span);
        }
    }
  block = gw_block_new_attachment (number, text->str);
  for (guint i = 0; i < spans->len; i++)
    {
      GwSourceSpan *s = &g_array_index (spans, GwSourceSpan, i);
      gw_block_add_span (block, s->offset, s->line, s->column);
    }
  g_ptr_array_add (imp->blocks, block);

  /* content up to the next attachment page */
  for (end = k; end < to; end++)
    if (is_page_start (imp, end, to))
      break;
  parse_blocks (imp, k, end, FALSE);
  return end;
}

/* A letter's head (信函): the organ's name alone on line @i, without "文件",
 * over a title ending in 的函. The title is not the name's continuation
 * when a blank line parts them or when it does not start with 关于 (a
 * letter's title names the organ again: 临川市民政局关于…的函). */
static gboolean
is_letterhead (Importer *imp,
               guint     i)
{
  const GwLine *l = &imp->lines[i];
  guint k = next_nonblank (imp, i + 1, imp->n_lines);
  g_autoptr(GString) title = g_string_new (NULL);

  if (k >= imp->n_lines || !_gw_line_looks_like_organ (l) || !_gw_line_ends_with_organ_suffix (l) ||
      (k == i + 1 && _gw_line_has_prefix (&imp->lines[k], "关于")))
    return FALSE;
  for (guint j = k; j < imp->n_lines && j < k + 3; j++)
    {
      if (imp->lines[j].len == 0 || !_gw_line_looks_like_title (&imp->lines[j]))
        break;
      g_string_append_len (title, imp->lines[j].text, imp->lines[j].len);
      if (gw_title_is_letter (title->str))
        return TRUE;
    }
  return FALSE;
}

/* 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, title and 主送机关.
 * Returns the index of the first body line. */
static guint
parse_head (Importer *imp)
{
  guint n = imp->n_lines;
  guint i = next_nonblank (imp, 0, n);
  guint doc_number = G_MAXUINT;
  guint title_from = G_MAXUINT, title_to = G_MAXUINT;
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  /* 份号 / 密级 / 紧急程度, in any order, each once */
  while (i < n)
    {
      const GwLine *l = &imp->lines[i];
      if (!seen[0] && _gw_line_is_copy_number (l))
        {
          set_meta_line (imp, GW_META_COPY_NUMBER, l);
          seen[0] = TRUE;
        }
      else if (!seen[1] && _gw_line_is_classification (l))
        {
          set_meta_line (imp, GW_META_CLASSIFICATION, l);
          seen[1] = TRUE;
        }
      else if (!seen[2] && _gw_line_is_urgency (l))
        {
          set_meta_line (imp, GW_META_URGENCY, l);
          seen[2] = TRUE;
        }
      else
        break;
      i = next_nonblank (imp, i + 1, n);
    }
  if (i >= n)
    return i;
  /* a table pasted on its own: no head, and no title made of its first row */
  {
    g_autoptr(GPtrArray) raw = g_ptr_array_new ();
    if (table_run (imp, i, n, raw) > 0)
      return i;
  }

  /* 发文字号 within the first few lines; what stands above it is the organ's
   * mark, or (in drafts that put the number under it) the title. */
  for (guint k = i, seen_lines = 0; k < n && seen_lines < 5; k = next_nonblank (imp, k + 1, n), seen_lines++)
    {
      const GwLine *l = &imp->lines[k];
      if (gw_import_text_is_doc_number (l->text, NULL))
        {
          doc_number = k;
          break;
        }
      if (_gw_line_is_sentence_end (_gw_line_last_char (l)) || _gw_line_is_heading (l) || _gw_line_is_element (l))
        break;
    }

  if (doc_number != G_MAXUINT)
    {
      const GwLine *l = &imp->lines[doc_number];
      guint organ_to = doc_number;
      gsize len = 0;
      const char *rest;

      for (guint k = i; k < doc_number; k++)
        if (imp->lines[k].len > 0 && !_gw_line_looks_like_organ (&imp->lines[k]))
          {
            /* "××文件" (or a letter's organ name) then a title above the number */
            organ_to = (_gw_line_has_suffix (&imp->lines[i], "文件") && _gw_line_looks_like_organ (&imp->lines[i])) ||
                       is_letterhead (imp, i)
                       ? i + 1 : i;
            break;
          }
      if (organ_to > i)
        {
          g_autofree char *mark = organ_mark_of_lines (imp, i, organ_to);
          set_meta (imp, GW_META_ORGAN_MARK, mark, imp->lines[i].lineno, imp->lines[i].column);
        }
      organ_to = next_nonblank (imp, organ_to, doc_number);
      if (organ_to < doc_number)
        {
          title_from = organ_to;
          title_to = doc_number;
        }

      gw_import_text_is_doc_number (l->text, &len);
      {
        g_autofree char *number = g_strndup (l->text, len);
        set_meta (imp, GW_META_DOC_NUMBER, number, l->lineno, l->column);
      }
      rest = _gw_line_skip_spaces (l->text + len);
      if (g_str_has_prefix (rest, "签发人"))
        {
          const char *name = _gw_line_skip_spaces (rest + strlen ("签发人"));
          if (_gw_line_is_colon (g_utf8_get_char (name)))
            name = _gw_line_skip_spaces (g_utf8_next_char (name));
          set_meta (imp, GW_META_SIGNATORY, name, l->lineno, _gw_line_column_at (l, name));
        }
      i = next_nonblank (imp, doc_number + 1, n);
      if (i < n && _gw_line_has_prefix (&imp->lines[i], "签发人"))
        {
          const GwLine *s = &imp->lines[i];
          const char *name = _gw_line_skip_spaces (s->text + strlen ("签发人"));
          if (_gw_line_is_colon (g_utf8_get_char (name)))
            name = _gw_line_skip_spaces (g_utf8_next_char (name));
          set_meta (imp, GW_META_SIGNATORY, name, s->lineno, _gw_line_column_at (s, name));
          i = next_nonblank (imp, i + 1, n);
        }
    }
  else
    {
      const GwLine *l = &imp->lines[i];
      /* a .docx shows the mark by its colour and size even without 文件 */
      if ((_gw_line_has_suffix (l, "文件") && _gw_line_looks_like_organ (l)) || is_letterhead (imp, i) ||
          ((l->flags & (GW_LINE_RED | GW_LINE_LARGE)) == (GW_LINE_RED | GW_LINE_LARGE) &&
           _gw_line_looks_like_organ (l)))
        {
          g_autofree char *mark = organ_mark_of_lines (imp, i, i + 1);
          set_meta (imp, GW_META_ORGAN_MARK, mark, l->lineno, l->column);
          i = next_nonblank (imp, i + 1, n);
        }
      else
        {
          /* No number: a joint header shows itself by names stacked over a
           * line ending in "文件" (or "文件" alone). */
          g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func (g_free);
          gboolean suffix = FALSE;
          guint k = i, seen_lines = 0;

          while (k < n && seen_lines < 6 && !suffix &&
                 _gw_line_split_organs (&imp->lines[k], FALSE, organs, &suffix))
            {
              k = next_nonblank (imp, k + 1, n);
              seen_lines++;
            }
          if (suffix && organs->len >= 2)
            {
              g_autofree char *mark = NULL;

              g_ptr_array_add (organs, NULL);
              mark = gw_organ_mark_join ((const char * const *) organs->pdata, TRUE);
              set_meta (imp, GW_META_ORGAN_MARK, mark, l->lineno, l->column);
              i = k;
            }
        }
    }

  /* the title: one line, or two (or three) that read as one */
  if (title_from == G_MAXUINT && i < n && _gw_line_looks_like_title (&imp->lines[i]))
    {
      title_from = i;
      title_to = i + 1;
      while (title_to < n && title_to - title_from < 3 &&
             _gw_line_continues_title (&imp->lines[title_to - 1], &imp->lines[title_to]))
        title_to++;
      i = next_nonblank (imp, title_to, n);
    }
  if (title_from != G_MAXUINT)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      for (guint k = title_from; k < title_to; k = next_nonblank (imp, k + 1, title_to))
        {
          if (s->len)
            g_string_append_c (s, '\n');
          g_string_append_len (s, imp->lines[k].text, imp->lines[k].len);
        }
      set_meta (imp, GW_META_TITLE, s->str,
                imp->lines[title_from].lineno, imp->lines[title_from].column);
    }

  /* 主送机关: a line (or a few wrapped ones) ending in a colon */
  if (i < n)
    {
      guint total = 0;
      for (guint k = i; k < n && k < i + 3; k++)
        {
          const GwLine *l = &imp->lines[k];
          gunichar c = _gw_line_last_char (l);

          /* "现将有关事项通知如下：" ends in a colon too */
          if (l->len == 0 || strstr (l->text, "。") || strstr (l->text, "如下") ||
              _gw_line_has_prefix (l, "为") || _gw_line_has_prefix (l, "根据") || _gw_line_has_prefix (l, "按照") ||
              _gw_line_is_heading (l) || _gw_line_is_element (l))
            break;
          total += l->n_chars;
          if (total > 200)
            break;
          if (_gw_line_is_colon (c))
            {
              g_autoptr(GString) s = g_string_new (NULL);
              for (guint j = i; j <= k; j++)
                g_string_append_len (s, imp->lines[j].text, imp->lines[j].len);
              set_meta (imp, GW_META_RECIPIENTS, s->str,
                        imp->lines[i].lineno, imp->lines[i].column);
              i = next_nonblank (imp, k + 1, n);
              break;
            }
          if (_gw_line_is_final_punct (c))
            break;
        }
    }
  return i;
}

/* 版记 at the end: 主送 (moved down), 抄送 and 印发. Returns the index after
 * the last line of the main part. */
static guint
parse_colophon (Importer *imp,
                guint     floor)
{
  guint end = imp->n_lines;
  guint k = prev_nonblank (imp, end, floor);
  const char *value;

  if (k == G_MAXUINT)
    return end;

  if (_gw_line_is_printing_line (&imp->lines[k], &value))
    {
      const GwLine *l = &imp->lines[k];
      const char *organ_end = value;
      g_autofree char *organ = NULL;
      g_autofree char *date = NULL;

      while (organ_end > l->text)
        {
          const char *q = g_utf8_find_prev_char (l->text, organ_end);
          if (!_gw_line_is_space (g_utf8_get_char (q)))
            break;
          organ_end = q;
        }
      organ = g_strndup (l->text, organ_end - l->text);
      date = g_strndup (value, l->text + l->len - strlen ("印发") - value);
      g_strchomp (date);
      if (*organ)
        set_meta (imp, GW_META_PRINTING_ORGAN, organ, l->lineno, l->column);
      set_meta (imp, GW_META_PRINTING_DATE, date, l->lineno, _gw_line_column_at (l, value));
      end = k;
      k = prev_nonblank (imp, end, floor);
    }

  /* 抄送：… possibly wrapped over a few lines */
  for (guint c = k, tries = 0; c != G_MAXUINT && c >= floor && tries < 4; c--, tries++)
    {
      const GwLine *l = &imp->lines[c];
      if (l->len == 0 || (c < k && _gw_line_is_element (l) && !_gw_line_is_copy_to (l, NULL)))
        break;
      if (_gw_line_is_copy_to (l, &value))
        {
          g_autoptr(GString) s = g_string_new (value);
          for (guint j = c + 1; j <= k; j++)
            g_string_append_len (s, imp->lines[j].text, imp->lines[j].len);
          set_meta (imp, GW_META_COPY_TO, s->str, l->lineno, _gw_line_column_at (l, value));
          end = c;
          k = prev_nonblank (imp, end, floor);
          break;
        }
      if (c == 0)
        break;
    }

  if (k != G_MAXUINT && _gw_line_is_main_send (&imp->lines[k], &value))
    {
      const GwLine *l = &imp->lines[k];
      if (*gw_document_get_meta (imp->doc, GW_META_RECIPIENTS) == '\0')
        set_meta (imp, GW_META_RECIPIENTS, value, l->lineno, _gw_line_column_at (l, value));
      end = k;
    }
  return end;
}

/* The 成文日期 closing the main text: the first date line followed only by
 * a 附注 and attachment pages. Returns G_MAXUINT when there is none. */
static guint
find_signature_date (Importer *imp,
                     guint     from,
                     guint     to)
{
  for (guint d = from; d < to; d++)
    {
      guint next;

      if (imp->lines[d].len == 0 || !gw_import_text_is_date_line (imp->lines[d].text))
        continue;
      next = next_nonblank (imp, d + 1, to);
      if (next < to && _gw_line_is_note (&imp->lines[next]))
        next = next_nonblank (imp, next + 1, to);
      if (next >= to || is_page_start (imp, next, to))
        return d;
    }
  return G_MAXUINT;
}

/* Several organs signing (联合行文): names side by side on the line above
 * the date ("临川市民政局　　临川市财政局"), or, under a joint header, stacked
 * one per line as many as the header names. Sets the signature, one organ
 * a line, and returns its first line; G_MAXUINT when @sig is one organ. */
static guint
joint_signature (Importer *imp,
                 guint     sig,
                 guint     floor)
{
  g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) header = gw_organ_mark_split (gw_document_get_meta (imp->doc, GW_META_ORGAN_MARK), NULL);
  guint header_n = g_strv_length (header);
  guint first = sig;
  gboolean suffix = FALSE;
  g_autofree char *value = NULL;

  if (!_gw_line_split_organs (&imp->lines[sig], FALSE, organs, &suffix) || suffix)
    return G_MAXUINT;
  if (organs->len < 2)
    {
      if (header_n < 2)
        return G_MAXUINT;
      /* stacked: climb while the lines above are names too */
      while (organs->len < header_n)
        {
          guint up = prev_nonblank (imp, first, floor);
          g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);

          if (up == G_MAXUINT || up + 2 < first ||
              !_gw_line_split_organs (&imp->lines[up], FALSE, more, &suffix) || suffix)
            break;
          for (guint i = 0; i < more->len; i++)
            g_ptr_array_insert (organs, i, g_steal_pointer (&more->pdata[i]));
          first = up;
        }
      if (organs->len < 2)
        return G_MAXUINT;
    }
  g_ptr_array_add (organs, NULL);
  value = g_strjoinv ("\n", (char **) organs->pdata);
  set_meta (imp, GW_META_SIGNATURE, value, imp->lines[first].lineno, imp->lines[first].column);
  return first;
}

static gboolean
headings_indented (Importer *imp,
                   guint     from,
                   guint     to)
{
  guint indented = 0, flush = 0;

  for (guint k = from; k < to; k++)
    {
      const GwLine *l = &imp->lines[k];
      if (l->len > 0 && _gw_line_is_heading (l))
        {
          if (l->column > 1)
            indented++;
          else
            flush++;
        }
    }
  return indented > flush;
}

GwDocument *
gw_import_text_data (const char  *data,
                     gsize        len,
                     const char  *display_name,
                     GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = gw_import_text_decode (data, len, display_name, error);
  if (text == NULL)
    return NULL;

  lines = _gw_line_split_lines (text);
  return _gw_import_lines ((GwLine *) lines->data, lines->len, display_name, error);
}

GwDocument *
_gw_import_lines (GwLine      *lines,
                  guint        n_lines,
                  const char  *display_name,
                  GError     **error)
{
  g_autoptr(GString) block_text = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GwDocument) doc = NULL;
  Importer imp = { 0 };
  guint body, end, date, body_end, after;

  doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  blocks = g_ptr_array_new_with_free_func (g_object_unref);
  block_text = g_string_sized_new (256);
  spans = g_array_new (FALSE, FALSE, sizeof (GwSourceSpan));

  imp.doc = doc;
  imp.lines = lines;
  imp.n_lines = n_lines;
  imp.blocks = blocks;
  imp.text = block_text;
  imp.spans = spans;

  if (next_nonblank (&imp, 0, imp.n_lines) >= imp.n_lines)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY,
                   _("%s: the file holds no text, only blank lines"),
                   _gw_import_display_name (display_name));
      return NULL;
    }

  body = parse_head (&imp);
  end = parse_colophon (&imp, body);
  if (end < body)
    end = body;

  date = find_signature_date (&imp, body, end);
  body_end = end;
  after = end;
  if (date != G_MAXUINT)
    {
      const GwLine *d = &imp.lines[date];
      guint sig = prev_nonblank (&imp, date, body);
      guint note;

      set_meta_line (&imp, GW_META_DATE, d);
      body_end = date;
      if (sig != G_MAXUINT && _gw_line_looks_like_organ (&imp.lines[sig]) &&
          !_gw_line_has_prefix (&imp.lines[sig], "附件") &&
          _gw_line_list_number_length (imp.lines[sig].text) == 0)
        {
          guint first = joint_signature (&imp, sig, body);

          if (first == G_MAXUINT)
            set_meta_line (&imp, GW_META_SIGNATURE, &imp.lines[sig]);
          else
            sig = first;
          body_end = sig;
        }

      after = date + 1;
      note = next_nonblank (&imp, after, end);
      if (note < end && _gw_line_is_note (&imp.lines[note]))
        {
          const GwLine *l = &imp.lines[note];
          const char *inner = g_utf8_next_char (l->text);
          const char *close = g_utf8_find_prev_char (l->text, l->text + l->len);
          g_autofree char *value = g_strndup (inner, close - inner);

          set_meta (&imp, GW_META_NOTE, value, l->lineno, _gw_line_column_at (l, inner));
          after = note + 1;
        }
    }

  imp.indent_style = headings_indented (&imp, body, body_end);
  parse_blocks (&imp, body, body_end, TRUE);
  if (after < end)
    parse_blocks (&imp, after, end, FALSE);

  if (blocks->len > 0)
    g_list_store_splice (gw_document_get_blocks (doc), 0, 0, blocks->pdata, blocks->len);
  gw_document_set_format (doc, gw_document_guess_format (doc));

  return g_steal_pointer (&doc);
}

GwDocument *
gw_import_text_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len = 0;
  GwDocument *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  bytes = gw_file_read_named (file, path, GW_MAX_INPUT_SIZE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  doc = gw_import_text_data (data, len, path, error);
  if (doc)
    gw_document_set_source_path (doc, path);
  return doc;
}

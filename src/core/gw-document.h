/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-block.h"
#include "gw-evaluation.h"

G_BEGIN_DECLS

/**
 * GwDocumentKind:
 * @GW_DOCUMENT_KIND_OPINION: implementation opinions (实施意见) and other
 *   official documents laid out to GB/T 9704
 * @GW_DOCUMENT_KIND_EVALUATION: an annual evaluation form (年度评估表)
 */
typedef enum {
  GW_DOCUMENT_KIND_OPINION,
  GW_DOCUMENT_KIND_EVALUATION,
} GwDocumentKind;

#define GW_TYPE_DOCUMENT_KIND (gw_document_kind_get_type ())
GType       gw_document_kind_get_type    (void);
const char *gw_document_kind_to_string   (GwDocumentKind kind);
gboolean    gw_document_kind_from_string (const char *str, GwDocumentKind *kind);

/**
 * GwDocumentFormat:
 * @GW_DOCUMENT_FORMAT_DOCUMENT: the usual 文件 format (GB/T 9704 §7): the
 *   red organ mark 72 mm from the paper's top, the number centred under it
 *   and a red line across the type area
 * @GW_DOCUMENT_FORMAT_LETTER: the 信函 format (GB/T 9704 §10.1) of letters
 *   (函) such as 临民函〔2024〕5号: the organ's name 30 mm from the top
 *   between red double lines, the number flush right, no page number on
 *   page 1 and no 印发 line in the 版记
 *
 * How an opinion is laid out on paper. .gwdoc files store it as the
 * format="letter" attribute; files without it are 文件.
 */
typedef enum {
  GW_DOCUMENT_FORMAT_DOCUMENT,
  GW_DOCUMENT_FORMAT_LETTER,
} GwDocumentFormat;

#define GW_TYPE_DOCUMENT_FORMAT (gw_document_format_get_type ())
GType       gw_document_format_get_type    (void);
const char *gw_document_format_to_string   (GwDocumentFormat format);
gboolean    gw_document_format_from_string (const char       *str,
                                            GwDocumentFormat *format);

/**
 * GwMeta:
 * The metadata of an official document, by GB/T 9704 element. Each is a
 * string property of #GwDocument of the name gw_meta_to_string() gives
 * ("copy-number", "organ-mark", …) and notifies on change.
 */
typedef enum {
  GW_META_COPY_NUMBER,      /* 份号 */
  GW_META_CLASSIFICATION,   /* 密级和保密期限 */
  GW_META_URGENCY,          /* 紧急程度 */
  GW_META_ORGAN_MARK,       /* 发文机关标志, e.g. 神木市人民政府办公室文件 */
  GW_META_DOC_NUMBER,       /* 发文字号, e.g. 神政办发〔2023〕12号 */
  GW_META_SIGNATORY,        /* 签发人 (upward documents only) */
  GW_META_TITLE,            /* 标题; may hold a newline where the author broke it */
  GW_META_RECIPIENTS,       /* 主送机关, with its final full-width colon */
  GW_META_SIGNATURE,        /* 发文机关署名 */
  GW_META_DATE,             /* 成文日期, as written: 2023年3月10日 */
  GW_META_NOTE,             /* 附注, without the parentheses */
  GW_META_COPY_TO,          /* 抄送, without the 抄送： label */
  GW_META_PRINTING_ORGAN,   /* 印发机关 */
  GW_META_PRINTING_DATE,    /* 印发日期, as written, without 印发 */
  GW_N_META
} GwMeta;

const char *gw_meta_to_string   (GwMeta meta);
gboolean    gw_meta_from_string (const char *str, GwMeta *meta);

/* A 发文机关标志 of several organs (联合行文) is written one organ per line,
 * lead organ first, with "文件" on a last line of its own or after the last
 * name ("临川市民政局\n临川市财政局\n文件"). A single organ's mark is one
 * line as before ("临川市民政局文件"). gw_organ_mark_split() returns the
 * names without "文件" (trimmed, blank lines dropped) and sets @with_suffix
 * when "文件" was there; gw_organ_mark_join() writes the canonical form back. */
char      **gw_organ_mark_split (const char         *mark,
                                 gboolean           *with_suffix);
char       *gw_organ_mark_join  (const char * const *organs,
                                 gboolean            with_suffix);
/* Whether @mark names two or more organs. */
gboolean    gw_organ_mark_is_joint (const char      *mark);

#define GW_TYPE_DOCUMENT (gw_document_get_type ())
G_DECLARE_FINAL_TYPE (GwDocument, gw_document, GW, DOCUMENT, GObject)

GwDocument     *gw_document_new             (GwDocumentKind kind);
GwDocument     *gw_document_copy            (GwDocument    *self);
gboolean        gw_document_equal           (GwDocument    *a,
                                             GwDocument    *b);

GwDocumentKind  gw_document_get_kind        (GwDocument    *self);
void            gw_document_set_kind        (GwDocument    *self,
                                             GwDocumentKind kind);

const char     *gw_document_get_meta        (GwDocument    *self,
                                             GwMeta         meta);
void            gw_document_set_meta        (GwDocument    *self,
                                             GwMeta         meta,
                                             const char    *value);
/* Where a metadata element came from in an imported plain-text draft
 * (line 0 when unknown). */
void            gw_document_set_meta_source (GwDocument    *self,
                                             GwMeta         meta,
                                             guint          line,
                                             guint          column);
guint           gw_document_get_meta_line   (GwDocument    *self,
                                             GwMeta         meta,
                                             guint         *column);

/* 附件说明: attachment names in order, without numbers or final punctuation
 * as the author wrote them. The source line of each is kept for the checker. */
const char * const *gw_document_get_attachments (GwDocument *self);
void            gw_document_set_attachments (GwDocument         *self,
                                             const char * const *names);
void            gw_document_add_attachment  (GwDocument    *self,
                                             const char    *name,
                                             guint          line);
guint           gw_document_get_attachment_line (GwDocument *self,
                                                 guint       index);

/* The layout format, GW_DOCUMENT_FORMAT_DOCUMENT unless set ("format"
 * property). */
GwDocumentFormat gw_document_get_format     (GwDocument      *self);
void            gw_document_set_format      (GwDocument      *self,
                                             GwDocumentFormat format);

/* Whether the signature carries a seal (加盖印章); changes its layout. */
gboolean        gw_document_get_sealed      (GwDocument    *self);
void            gw_document_set_sealed      (GwDocument    *self,
                                             gboolean       sealed);

/* The body: a GListModel of GwBlock (the store itself, so the window can
 * edit it; every change emits GwDocument::changed). */
GListStore     *gw_document_get_blocks      (GwDocument    *self);
guint           gw_document_get_n_blocks    (GwDocument    *self);
GwBlock        *gw_document_get_block       (GwDocument    *self,
                                             guint          position);
void            gw_document_append_block    (GwDocument    *self,
                                             GwBlock       *block);

/* Template the document was made from ("" when none) and its field values. */
const char     *gw_document_get_template_id (GwDocument    *self);
void            gw_document_set_template_id (GwDocument    *self,
                                             const char    *id);
const char     *gw_document_get_field       (GwDocument    *self,
                                             const char    *name);
void            gw_document_set_field       (GwDocument    *self,
                                             const char    *name,
                                             const char    *value);
/* Field names, sorted (free the container only). */
GPtrArray      *gw_document_list_fields     (GwDocument    *self);

/* The evaluation form of an evaluation document, NULL for opinions. */
GwEvaluation   *gw_document_get_evaluation  (GwDocument    *self);
void            gw_document_set_evaluation  (GwDocument    *self,
                                             GwEvaluation  *evaluation);

/* The whole text in reading order (metadata elements and blocks), one
 * element per line: what a reader sees and what pdftotext should give back. */
char           *gw_document_to_plain_text   (GwDocument    *self);

/* Source file for messages (set by loaders), or NULL. */
const char     *gw_document_get_source_path (GwDocument    *self);
void            gw_document_set_source_path (GwDocument    *self,
                                             const char    *path);

G_END_DECLS

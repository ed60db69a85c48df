/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xml - a small, bounded XML reader for the SOAP that AMT's clients send
 * (WS-Management's SOAP 1.2 and the legacy services' SOAP 1.1).
 *
 * xml_parse() reads a whole document into a tree of elements with their
 * namespace URI (prefixes resolved through the xmlns declarations in
 * scope), local name, attributes and decoded text. It accepts the XML
 * declaration, comments, processing instructions and CDATA; it refuses
 * DOCTYPE (no entity expansion), undeclared prefixes, unknown entities,
 * mismatched tags, more than XML_MAX_NODES elements, XML_MAX_DEPTH levels or
 * XML_MAX_ATTRS attributes on one element, and never reads outside the
 * buffer. Elements are numbered from 0 (the root) in document order; -1
 * means "none" everywhere.
 */
#ifndef AMT_XML_H
#define AMT_XML_H

#include <stdbool.h>
#include <stddef.h>

#define XML_MAX_NODES	1024
#define XML_MAX_DEPTH	32
#define XML_MAX_ATTRS	16
#define XML_MAX_LEN	(1 << 20)	/* document bytes */

struct xml_doc;

/* The tree of @buf[0..@len), or NULL when it is not well-formed (or too big). */
struct xml_doc *xml_parse(const char *buf, size_t len);
void xml_free(struct xml_doc *doc);

/* The root element (0), or -1 for an empty tree. */
int xml_root(const struct xml_doc *doc);
/*
 * Whether element @el has namespace URI @ns and local name @local; a NULL
 * @ns or @local matches any.
 */
bool xml_is(const struct xml_doc *doc, int el, const char *ns, const char *local);
/* The first child of @parent that xml_is(@ns, @local), or -1. */
int xml_child(const struct xml_doc *doc, int parent, const char *ns, const char *local);
/* The next sibling of @el that xml_is(@ns, @local), or -1. */
int xml_next(const struct xml_doc *doc, int el, const char *ns, const char *local);
/*
 * The first element reached from the root by @path, local names separated
 * by '/' and matched in any namespace, the first naming the root itself:
 * "Envelope/Header/Action". -1 when a step has no match, @path is empty or
 * has an empty step, or a step is longer than 63 bytes.
 */
int xml_path(const struct xml_doc *doc, const char *path);
/* The first child element of @parent, or -1. */
int xml_first_child(const struct xml_doc *doc, int parent);
/* Local name and namespace URI ("" without one) of @el. */
const char *xml_name(const struct xml_doc *doc, int el);
const char *xml_ns(const struct xml_doc *doc, int el);
/*
 * The text directly inside @el (entities decoded, CDATA included, child
 * elements' text not), with leading and trailing white space removed,
 * copied to @buf. Returns its length, or -1 if it does not fit in @cap.
 */
int xml_text(const struct xml_doc *doc, int el, char *buf, size_t cap);
/* The value of @el's attribute of local name @local into @buf: length or -1. */
int xml_attr(const struct xml_doc *doc, int el, const char *local, char *buf, size_t cap);

#endif /* AMT_XML_H */

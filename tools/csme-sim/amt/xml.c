// SPDX-License-Identifier: GPL-2.0
/* xml - a small, bounded XML reader for SOAP (see xml.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

#define XML_MAX_NS	64	/* xmlns declarations in scope */
#define XML_MAX_SEGS	(2 * XML_MAX_NODES)

struct xml_node {
	int parent, first_child, last_child, next;
	size_t name, ns;		/* pool offsets */
	int seg, last_seg;		/* text runs */
	int attr, nattr;
};

struct xml_seg {
	size_t off, len;
	int next;
};

struct xml_attr_ent {
	size_t name, val;
};

struct xml_doc {
	struct xml_node *nodes;
	int nnodes;
	struct xml_seg segs[XML_MAX_SEGS];
	int nsegs;
	struct xml_attr_ent *attrs;
	int nattrs;
	char *pool;
	size_t used, cap;
};

struct xml_ns_ent {
	size_t prefix;		/* pool offset; 0 = the default namespace */
	size_t uri;
	int depth;
};

struct xml_parser {
	const char *p, *end;
	struct xml_doc *doc;
	struct xml_ns_ent ns[XML_MAX_NS];
	int nns;
	int stack[XML_MAX_DEPTH];
	int depth;
};

/* Pool offset 0 is the empty string. */
static size_t pool_put(struct xml_doc *d, const char *s, size_t n)
{
	size_t off = d->used;

	if (n + 1 > d->cap - d->used)
		return (size_t)-1;
	memcpy(d->pool + off, s, n);
	d->pool[off + n] = '\0';
	d->used += n + 1;
	return off;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.' || c == ':' || (unsigned char)c >= 0x80;
}

static void skip_space(struct xml_parser *x)
{
	while (x->p < x->end && is_space(*x->p))
		x->p++;
}

/* Skip to just after @term; false if it never comes. */
static bool skip_past(struct xml_parser *x, const char *term)
{
	size_t n = strlen(term);

	while ((size_t)(x->end - x->p) >= n) {
		if (!memcmp(x->p, term, n)) {
			x->p += n;
			return true;
		}
		x->p++;
	}
	return false;
}

static bool read_name(struct xml_parser *x, const char **s, size_t *n)
{
	const char *b = x->p;

	while (x->p < x->end && is_name_char(*x->p))
		x->p++;
	*s = b;
	*n = (size_t)(x->p - b);
	return *n && !(b[0] >= '0' && b[0] <= '9') && b[0] != '-' && b[0] != '.';
}

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* One entity after '&' at @s: its bytes into @o; consumed length or 0. */
static size_t decode_entity(const char *s, const char *end, char *o, size_t *olen)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {
		{ "lt;", '<' }, { "gt;", '>' }, { "amp;", '&' }, { "quot;", '"' }, { "apos;", '\'' },
	};
	const char *semi = memchr(s, ';', (size_t)(end - s) < 12 ? (size_t)(end - s) : 12);
	uint32_t cp = 0;
	size_t i;

	if (!semi)
		return 0;
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		size_t n = strlen(named[i].name);

		if ((size_t)(semi + 1 - s) == n && !memcmp(s, named[i].name, n)) {
			o[0] = named[i].c;
			*olen = 1;
			return n;
		}
	}
	if (s[0] != '#' || semi - s < 2)
		return 0;
	if (s[1] == 'x') {
		if (semi - s < 3)
			return 0;
		for (i = 2; s + i < semi; i++) {
			char c = s[i];
			int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
				c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

			if (v < 0 || cp > 0x10ffff)
				return 0;
			cp = cp * 16 + (uint32_t)v;
		}
	} else {
		for (i = 1; s + i < semi; i++) {
			if (s[i] < '0' || s[i] > '9' || cp > 0x10ffff)
				return 0;
			cp = cp * 10 + (uint32_t)(s[i] - '0');
		}
	}
	if (!cp || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*olen = put_utf8(o, cp);
	return (size_t)(semi + 1 - s);
}

/* Decode @s[0..@n) (entities) into the pool; offset or -1. */
static size_t pool_decoded(struct xml_doc *d, const char *s, size_t n, size_t *outlen)
{
	size_t off = d->used, o = 0, i = 0;

	if (n + 1 > d->cap - d->used)
		return (size_t)-1;
	while (i < n) {
		if (s[i] == '&') {
			size_t k, olen;
			char tmp[4];

			k = decode_entity(s + i + 1, s + n, tmp, &olen);
			if (!k)
				return (size_t)-1;
			memcpy(d->pool + off + o, tmp, olen);
			o += olen;
			i += k + 1;
		} else if (s[i] == '<') {
			return (size_t)-1;
		} else {
			d->pool[off + o++] = s[i++];
		}
	}
	d->pool[off + o] = '\0';
	d->used += o + 1;
	*outlen = o;
	return off;
}

static bool add_text(struct xml_parser *x, const char *s, size_t n, bool raw)
{
	struct xml_doc *d = x->doc;
	struct xml_node *el;
	size_t off, len = n, i;

	for (i = 0; i < n && is_space(s[i]); i++)
		;
	if (x->depth == 0)
		return i == n;		/* only white space outside the root */
	if (i == n)
		return true;
	if (d->nsegs == XML_MAX_SEGS)
		return false;
	off = raw ? pool_put(d, s, n) : pool_decoded(d, s, n, &len);
	if (off == (size_t)-1)
		return false;
	el = &d->nodes[x->stack[x->depth - 1]];
	d->segs[d->nsegs] = (struct xml_seg){ .off = off, .len = len, .next = -1 };
	if (el->last_seg >= 0)
		d->segs[el->last_seg].next = d->nsegs;
	else
		el->seg = d->nsegs;
	el->last_seg = d->nsegs++;
	return true;
}

/* The URI bound to @prefix (length @n, 0 = default) in scope, or -1. */
static size_t ns_lookup(struct xml_parser *x, const char *prefix, size_t n)
{
	int i;

	for (i = x->nns - 1; i >= 0; i--) {
		const char *p = x->doc->pool + x->ns[i].prefix;

		if (strlen(p) == n && !memcmp(p, prefix, n))
			return x->ns[i].uri;
	}
	return n ? (size_t)-1 : 0;
}

static bool parse_start(struct xml_parser *x)
{
	struct xml_doc *d = x->doc;
	const char *name, *colon;
	struct xml_node *el;
	size_t nlen, uri;
	int idx, nns0 = x->nns;

	if (!read_name(x, &name, &nlen) || d->nnodes == XML_MAX_NODES ||
	    x->depth == XML_MAX_DEPTH || (x->depth == 0 && d->nnodes))
		return false;
	idx = d->nnodes++;
	el = &d->nodes[idx];
	*el = (struct xml_node){ .parent = x->depth ? x->stack[x->depth - 1] : -1,
				 .first_child = -1, .last_child = -1, .next = -1,
				 .seg = -1, .last_seg = -1, .attr = d->nattrs };
	for (;;) {
		const char *an, *v, *q;
		size_t alen, vlen, voff;
		char quote;

		skip_space(x);
		if (x->p >= x->end)
			return false;
		if (*x->p == '>' || *x->p == '/')
			break;
		if (!read_name(x, &an, &alen))
			return false;
		skip_space(x);
		if (x->p >= x->end || *x->p != '=')
			return false;
		x->p++;
		skip_space(x);
		if (x->p >= x->end || (*x->p != '"' && *x->p != '\''))
			return false;
		quote = *x->p++;
		v = x->p;
		q = memchr(v, quote, (size_t)(x->end - v));
		if (!q)
			return false;
		x->p = q + 1;
		voff = pool_decoded(d, v, (size_t)(q - v), &vlen);
		if (voff == (size_t)-1)
			return false;
		if (alen >= 5 && !memcmp(an, "xmlns", 5) && (alen == 5 || an[5] == ':')) {
			size_t p = alen == 5 ? 0 : pool_put(d, an + 6, alen - 6);

			if (p == (size_t)-1 || x->nns == XML_MAX_NS || (alen > 5 && !vlen))
				return false;
			x->ns[x->nns++] = (struct xml_ns_ent){ .prefix = p, .uri = voff,
								 .depth = x->depth };
			continue;
		}
		if (el->nattr == XML_MAX_ATTRS || d->nattrs == XML_MAX_NODES * 2)
			return false;
		colon = memchr(an, ':', alen);
		if (colon) {
			alen -= (size_t)(colon + 1 - an);
			an = colon + 1;
		}
		d->attrs[d->nattrs].name = pool_put(d, an, alen);
		d->attrs[d->nattrs].val = voff;
		if (d->attrs[d->nattrs].name == (size_t)-1)
			return false;
		d->nattrs++;
		el->nattr++;
	}
	colon = memchr(name, ':', nlen);
	uri = colon ? ns_lookup(x, name, (size_t)(colon - name)) : ns_lookup(x, "", 0);
	if (uri == (size_t)-1)
		return false;
	el->ns = uri;
	el->name = colon ? pool_put(d, colon + 1, nlen - (size_t)(colon + 1 - name)) :
		   pool_put(d, name, nlen);
	if (el->name == (size_t)-1 || !d->pool[el->name])
		return false;
	if (el->parent >= 0) {
		struct xml_node *pa = &d->nodes[el->parent];

		if (pa->last_child >= 0)
			d->nodes[pa->last_child].next = idx;
		else
			pa->first_child = idx;
		pa->last_child = idx;
	}
	if (*x->p == '/') {
		if (x->end - x->p < 2 || x->p[1] != '>')
			return false;
		x->p += 2;
		x->nns = nns0;		/* an empty element's declarations end with it */
		return true;
	}
	x->p++;
	x->stack[x->depth++] = idx;
	return true;
}

static bool parse_end(struct xml_parser *x)
{
	struct xml_doc *d = x->doc;
	const struct xml_node *el;
	const char *name, *colon;
	size_t nlen;

	if (!x->depth || !read_name(x, &name, &nlen))
		return false;
	el = &d->nodes[x->stack[x->depth - 1]];
	colon = memchr(name, ':', nlen);
	if (colon) {
		if (ns_lookup(x, name, (size_t)(colon - name)) != el->ns)
			return false;
		nlen -= (size_t)(colon + 1 - name);
		name = colon + 1;
	} else if (ns_lookup(x, "", 0) != el->ns) {
		return false;
	}
	if (strlen(d->pool + el->name) != nlen || memcmp(d->pool + el->name, name, nlen))
		return false;
	skip_space(x);
	if (x->p >= x->end || *x->p != '>')
		return false;
	x->p++;
	x->depth--;
	while (x->nns && x->ns[x->nns - 1].depth >= x->depth)
		x->nns--;
	return true;
}

static bool parse(struct xml_parser *x)
{
	while (x->p < x->end) {
		const char *lt = memchr(x->p, '<', (size_t)(x->end - x->p));

		if (!lt)
			return add_text(x, x->p, (size_t)(x->end - x->p), false) && !x->depth &&
			       x->doc->nnodes;
		if (lt > x->p && !add_text(x, x->p, (size_t)(lt - x->p), false))
			return false;
		x->p = lt + 1;
		if (x->p >= x->end)
			return false;
		if (*x->p == '?') {
			if (!skip_past(x, "?>"))
				return false;
		} else if (x->end - x->p >= 3 && !memcmp(x->p, "!--", 3)) {
			x->p += 3;
			if (!skip_past(x, "-->"))
				return false;
		} else if (x->end - x->p >= 8 && !memcmp(x->p, "![CDATA[", 8)) {
			const char *b = x->p + 8;

			x->p = b;
			if (!skip_past(x, "]]>") || !x->depth ||
			    !add_text(x, b, (size_t)(x->p - 3 - b), true))
				return false;
		} else if (*x->p == '!') {
			return false;	/* DOCTYPE and the rest: refused */
		} else if (*x->p == '/') {
			x->p++;
			if (!parse_end(x))
				return false;
		} else if (!parse_start(x)) {
			return false;
		}
	}
	return !x->depth && x->doc->nnodes;
}

struct xml_doc *xml_parse(const char *buf, size_t len)
{
	struct xml_parser *x;
	struct xml_doc *d;
	bool ok;

	if (!buf || len > XML_MAX_LEN)
		return NULL;
	d = calloc(1, sizeof(*d));
	x = calloc(1, sizeof(*x));
	if (!d || !x)
		goto fail;
	d->nodes = calloc(XML_MAX_NODES, sizeof(*d->nodes));
	d->attrs = calloc(XML_MAX_NODES * 2, sizeof(*d->attrs));
	d->cap = 2 * len + 16;
	d->pool = malloc(d->cap);
	if (!d->nodes || !d->attrs || !d->pool)
		goto fail;
	d->pool[0] = '\0';
	d->used = 1;
	x->p = buf;
	x->end = buf + len;
	x->doc = d;
	ok = parse(x);
	free(x);
	if (ok)
		return d;
	xml_free(d);
	return NULL;
fail:
	free(x);
	xml_free(d);
	return NULL;
}

void xml_free(struct xml_doc *doc)
{
	if (!doc)
		return;
	free(doc->nodes);
	free(doc->attrs);
	free(doc->pool);
	free(doc);
}

static bool valid(const struct xml_doc *doc, int el)
{
	return doc && el >= 0 && el < doc->nnodes;
}

int xml_root(const struct xml_doc *doc)
{
	return doc && doc->nnodes ? 0 : -1;
}

bool xml_is(const struct xml_doc *doc, int el, const char *ns, const char *local)
{
	if (!valid(doc, el))
		return false;
	return (!ns || !strcmp(doc->pool + doc->nodes[el].ns, ns)) &&
	       (!local || !strcmp(doc->pool + doc->nodes[el].name, local));
}

int xml_next(const struct xml_doc *doc, int el, const char *ns, const char *local)
{
	if (!valid(doc, el))
		return -1;
	for (el = doc->nodes[el].next; el >= 0; el = doc->nodes[el].next)
		if (xml_is(doc, el, ns, local))
			return el;
	return -1;
}

int xml_first_child(const struct xml_doc *doc, int parent)
{
	return valid(doc, parent) ? doc->nodes[parent].first_child : -1;
}

int xml_child(const struct xml_doc *doc, int parent, const char *ns, const char *local)
{
	int el = xml_first_child(doc, parent);

	if (el < 0 || xml_is(doc, el, ns, local))
		return el;
	return xml_next(doc, el, ns, local);
}

int xml_path(const struct xml_doc *doc, const char *path)
{
	char step[64];
	int el = -1;
	bool first = true;

	if (!path)
		return -1;
	for (;;) {
		size_t n = strcspn(path, "/");

		if (!n || n >= sizeof(step))
			return -1;
		memcpy(step, path, n);
		step[n] = '\0';
		if (first) {
			el = xml_root(doc);
			if (!xml_is(doc, el, NULL, step))
				return -1;
			first = false;
		} else {
			el = xml_child(doc, el, NULL, step);
			if (el < 0)
				return -1;
		}
		if (!path[n])
			return el;
		path += n + 1;
	}
}

const char *xml_name(const struct xml_doc *doc, int el)
{
	return valid(doc, el) ? doc->pool + doc->nodes[el].name : "";
}

const char *xml_ns(const struct xml_doc *doc, int el)
{
	return valid(doc, el) ? doc->pool + doc->nodes[el].ns : "";
}

int xml_text(const struct xml_doc *doc, int el, char *buf, size_t cap)
{
	size_t n = 0, b = 0;
	int s;

	if (!valid(doc, el) || !cap)
		return -1;
	for (s = doc->nodes[el].seg; s >= 0; s = doc->segs[s].next) {
		if (doc->segs[s].len >= cap - n)
			return -1;
		memcpy(buf + n, doc->pool + doc->segs[s].off, doc->segs[s].len);
		n += doc->segs[s].len;
	}
	while (n && is_space(buf[n - 1]))
		n--;
	while (b < n && is_space(buf[b]))
		b++;
	memmove(buf, buf + b, n - b);
	n -= b;
	buf[n] = '\0';
	return (int)n;
}

int xml_attr(const struct xml_doc *doc, int el, const char *local, char *buf, size_t cap)
{
	const struct xml_node *e;
	int i;

	if (!valid(doc, el) || !cap)
		return -1;
	e = &doc->nodes[el];
	for (i = e->attr; i < e->attr + e->nattr; i++) {
		const char *v = doc->pool + doc->attrs[i].val;
		size_t n = strlen(v);

		if (strcmp(doc->pool + doc->attrs[i].name, local))
			continue;
		if (n >= cap)
			return -1;
		memcpy(buf, v, n + 1);
		return (int)n;
	}
	return -1;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * http_parse - incremental HTTP/1.1 request parser (see http_parse.h).
 *
 * Lines (request line, header fields, chunk sizes, trailers) are collected
 * in ->line up to a per-state limit, so a line may arrive in any number of
 * pieces; body bytes are copied straight into ->body.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http_parse.h"

enum hp_state {
	HP_START,		/* before a request: empty lines are skipped */
	HP_REQLINE,
	HP_HEADER,
	HP_BODY,		/* Content-Length bytes */
	HP_CHUNK_SIZE,
	HP_CHUNK_DATA,
	HP_CHUNK_END,		/* the CRLF after chunk data */
	HP_TRAILER,
	HP_DONE,		/* request delivered, waiting for http_parser_next() */
	HP_DEAD,		/* fatal error: everything is dropped */
};

static bool is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	return c && strchr("!#$%&'*+-.^_`|~", c);
}

static bool is_token(const char *s, size_t len)
{
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len; i++)
		if (!is_tchar((unsigned char)s[i]))
			return false;
	return true;
}

static void reset_request(struct http_parser *p)
{
	p->state = HP_START;
	p->method[0] = '\0';
	p->target[0] = '\0';
	p->version = 11;
	p->keep_alive = true;
	p->expect_continue = false;
	p->chunked = false;
	p->head_done = false;
	p->content_length = 0;
	p->body_len = 0;
	if (p->body)
		p->body[0] = '\0';
	p->status = 0;
	p->error = NULL;
	p->discard = false;
	p->remaining = 0;
	p->dropped = 0;
	p->hdr_bytes = 0;
	p->nfields = 0;
	p->nhdrs = 0;
	p->hdr_used = 0;
	p->line_len = 0;
}

void http_parser_init(struct http_parser *p, size_t body_max)
{
	p->body = NULL;
	p->body_cap = 0;
	p->body_max = body_max ? body_max : HTTP_BODY_MAX;
	reset_request(p);
}

void http_parser_free(struct http_parser *p)
{
	free(p->body);
	p->body = NULL;
	p->body_cap = 0;
	p->body_len = 0;
}

void http_parser_next(struct http_parser *p)
{
	if (p->state == HP_DEAD)
		return;
	/* do not keep a large body buffer around between requests */
	if (p->body_cap > 65536)
		http_parser_free(p);
	reset_request(p);
}

bool http_parser_busy(const struct http_parser *p)
{
	return p->state != HP_START && p->state != HP_DEAD;
}

/* A fatal error: answer @status, drop the rest of the connection's input. */
static void fail(struct http_parser *p, int status, const char *why, enum http_event *ev)
{
	*ev = p->discard ? HTTP_EV_CLOSE : HTTP_EV_ERROR;
	p->status = p->discard ? p->status : status;
	p->error = why;
	p->keep_alive = false;
	p->state = HP_DEAD;
}

/* 413: answer now, then read and drop the body so the connection goes on. */
static void too_large(struct http_parser *p, enum http_event *ev)
{
	*ev = HTTP_EV_ERROR;
	p->status = 413;
	p->error = "body too large";
	p->discard = true;
}

static bool body_reserve(struct http_parser *p, size_t more)
{
	size_t want = p->body_len + more + 1, cap;
	uint8_t *nb;

	if (want <= p->body_cap)
		return true;
	cap = p->body_cap ? p->body_cap : 1024;
	while (cap < want)
		cap *= 2;
	nb = realloc(p->body, cap);
	if (!nb)
		return false;
	p->body = nb;
	p->body_cap = cap;
	return true;
}

/* "HTTP/1.1" -> 11; -1 malformed; -2 a major version other than 1 */
static int parse_version(const char *v, size_t len)
{
	if (len != 8 || memcmp(v, "HTTP/", 5) || v[6] != '.' ||
	    v[5] < '0' || v[5] > '9' || v[7] < '0' || v[7] > '9')
		return -1;
	if (v[5] != '1')
		return -2;
	return v[7] == '0' ? 10 : 11;	/* 1.x above 1.1 is served as 1.1 */
}

static void set_target(struct http_parser *p, const char *t, size_t len)
{
	/* absolute-form: keep the path (RFC 9112 3.2.2) */
	if ((len > 7 && !strncasecmp(t, "http://", 7)) ||
	    (len > 8 && !strncasecmp(t, "https://", 8))) {
		const char *auth = memchr(t, '/', len) + 2;
		const char *path = memchr(auth, '/', len - (size_t)(auth - t));

		if (!path) {
			strcpy(p->target, "/");
			return;
		}
		len -= (size_t)(path - t);
		t = path;
	}
	memcpy(p->target, t, len);
	p->target[len] = '\0';
}

static void request_line(struct http_parser *p, char *l, size_t len, enum http_event *ev)
{
	char *sp1 = memchr(l, ' ', len), *sp2, *t;
	size_t mlen, tlen, i;
	int v;

	if (!sp1)
		return fail(p, 400, "request line without spaces", ev);
	mlen = (size_t)(sp1 - l);
	if (!is_token(l, mlen))
		return fail(p, 400, "bad method", ev);
	if (mlen > HTTP_METHOD_MAX)
		return fail(p, 501, "method too long", ev);
	t = sp1 + 1;
	sp2 = memchr(t, ' ', len - mlen - 1);
	if (!sp2)
		return fail(p, 400, "request line without version", ev);
	tlen = (size_t)(sp2 - t);
	if (!tlen)
		return fail(p, 400, "empty request-target", ev);
	for (i = 0; i < tlen; i++)
		if ((unsigned char)t[i] <= 0x20 || (unsigned char)t[i] >= 0x7f)
			return fail(p, 400, "bad character in request-target", ev);
	if (tlen > HTTP_TARGET_MAX)
		return fail(p, 414, "request-target too long", ev);
	if (t[0] != '/' && !(tlen == 1 && t[0] == '*') &&
	    !((tlen > 7 && !strncasecmp(t, "http://", 7)) ||
	      (tlen > 8 && !strncasecmp(t, "https://", 8))))
		return fail(p, 400, "request-target not origin or absolute form", ev);
	v = parse_version(sp2 + 1, len - (size_t)(sp2 + 1 - l));
	if (v == -2)
		return fail(p, 505, "HTTP major version not 1", ev);
	if (v < 0)
		return fail(p, 400, "bad HTTP version", ev);
	memcpy(p->method, l, mlen);
	p->method[mlen] = '\0';
	*sp2 = '\0';
	set_target(p, t, tlen);
	p->version = v;
	p->state = HP_HEADER;
}

/*
 * Split a field line into name and trimmed value; false if malformed.
 * Used for header fields and trailers.
 */
static bool field_split(char *l, size_t len, char **name, size_t *nlen, char **val, size_t *vlen)
{
	char *colon = memchr(l, ':', len);
	size_t i, vs, ve;

	if (!colon || colon == l)
		return false;
	*name = l;
	*nlen = (size_t)(colon - l);
	if (!is_token(l, *nlen))	/* also refuses space before the colon */
		return false;
	vs = *nlen + 1;
	ve = len;
	while (vs < ve && (l[vs] == ' ' || l[vs] == '\t'))
		vs++;
	while (ve > vs && (l[ve - 1] == ' ' || l[ve - 1] == '\t'))
		ve--;
	for (i = vs; i < ve; i++) {
		unsigned char c = (unsigned char)l[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return false;
	}
	*val = l + vs;
	*vlen = ve - vs;
	return true;
}

static bool count_field(struct http_parser *p, enum http_event *ev)
{
	if (++p->nfields > HTTP_HDR_COUNT) {
		fail(p, 431, "too many header fields", ev);
		return false;
	}
	return true;
}

static void header_line(struct http_parser *p, char *l, size_t len, enum http_event *ev)
{
	char *name, *val;
	size_t nlen, vlen;
	struct http_header *h;

	if (l[0] == ' ' || l[0] == '\t')
		return fail(p, 400, "obsolete line folding", ev);
	if (!field_split(l, len, &name, &nlen, &val, &vlen))
		return fail(p, 400, "malformed header field", ev);
	if (!count_field(p, ev))
		return;
	h = &p->hdrs[p->nhdrs++];
	h->name = (uint16_t)p->hdr_used;
	memcpy(p->hdr + p->hdr_used, name, nlen);
	p->hdr_used += nlen;
	p->hdr[p->hdr_used++] = '\0';
	h->value = (uint16_t)p->hdr_used;
	memcpy(p->hdr + p->hdr_used, val, vlen);
	p->hdr_used += vlen;
	p->hdr[p->hdr_used++] = '\0';
}

const char *http_req_header(const struct http_parser *p, const char *name)
{
	unsigned int i;

	for (i = 0; i < p->nhdrs; i++)
		if (!strcasecmp(p->hdr + p->hdrs[i].name, name))
			return p->hdr + p->hdrs[i].value;
	return NULL;
}

unsigned int http_req_header_count(const struct http_parser *p, const char *name)
{
	unsigned int i, n = 0;

	for (i = 0; i < p->nhdrs; i++)
		n += !strcasecmp(p->hdr + p->hdrs[i].name, name);
	return n;
}

/* Calls @fn for each trimmed, non-empty element of a comma-separated list. */
static bool list_each(const char *list, bool (*fn)(const char *s, size_t len, void *arg),
		      void *arg)
{
	while (*list) {
		const char *e = strchr(list, ',');
		size_t len = e ? (size_t)(e - list) : strlen(list);
		const char *s = list;

		while (len && (*s == ' ' || *s == '\t')) {
			s++;
			len--;
		}
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len && !fn(s, len, arg))
			return false;
		list = e ? e + 1 : list + strlen(list);
	}
	return true;
}

struct list_find {
	const char *token;
	bool found;
};

static bool list_find_one(const char *s, size_t len, void *arg)
{
	struct list_find *f = arg;

	if (len == strlen(f->token) && !strncasecmp(s, f->token, len))
		f->found = true;
	return true;
}

bool http_list_has(const char *list, const char *token)
{
	struct list_find f = { token, false };

	list_each(list, list_find_one, &f);
	return f.found;
}

struct te_scan {
	unsigned int chunked;	/* "chunked" elements */
	unsigned int other;	/* any other coding */
	bool last_chunked;
};

static bool te_one(const char *s, size_t len, void *arg)
{
	struct te_scan *t = arg;

	t->last_chunked = len == 7 && !strncasecmp(s, "chunked", 7);
	if (t->last_chunked)
		t->chunked++;
	else
		t->other++;
	return true;
}

/* Content-Length: every field and list element must be the same digits. */
static bool parse_content_length(struct http_parser *p, uint64_t *out)
{
	bool seen = false;
	unsigned int i;

	for (i = 0; i < p->nhdrs; i++) {
		const char *v = p->hdr + p->hdrs[i].value;

		if (strcasecmp(p->hdr + p->hdrs[i].name, "content-length"))
			continue;
		while (*v) {
			uint64_t n = 0;
			bool digits = false;

			while (*v == ' ' || *v == '\t')
				v++;
			for (; *v >= '0' && *v <= '9'; v++) {
				digits = true;
				n = n > (UINT64_MAX - 9) / 10 ? UINT64_MAX :
				    n * 10 + (uint64_t)(*v - '0');
			}
			while (*v == ' ' || *v == '\t')
				v++;
			if (!digits || (*v && *v != ','))
				return false;
			if (seen && n != *out)
				return false;
			*out = n;
			seen = true;
			if (*v == ',')
				v++;
		}
		if (!seen)
			return false;
	}
	return true;
}

/* The blank line after the header fields: decide how the body is framed. */
static void headers_done(struct http_parser *p, enum http_event *ev)
{
	const char *te = NULL, *conn, *expect;
	struct te_scan tes = { 0 };
	unsigned int i, ncl;

	p->head_done = true;
	if (p->version >= 11 && http_req_header_count(p, "host") != 1)
		return fail(p, 400, "HTTP/1.1 needs exactly one Host", ev);

	conn = http_req_header(p, "connection");
	if (p->version >= 11)
		p->keep_alive = !(conn && http_list_has(conn, "close"));
	else
		p->keep_alive = conn && http_list_has(conn, "keep-alive") &&
				!http_list_has(conn, "close");

	for (i = 0; i < p->nhdrs; i++) {
		if (strcasecmp(p->hdr + p->hdrs[i].name, "transfer-encoding"))
			continue;
		te = p->hdr + p->hdrs[i].value;
		list_each(te, te_one, &tes);
	}
	ncl = http_req_header_count(p, "content-length");
	if (te && ncl)
		return fail(p, 400, "both Content-Length and Transfer-Encoding", ev);
	if (te) {
		if (!tes.last_chunked || tes.chunked != 1)
			return fail(p, 400, "Transfer-Encoding does not end in one chunked", ev);
		if (tes.other)
			return fail(p, 501, "transfer coding not implemented", ev);
		p->chunked = true;
	} else if (ncl && !parse_content_length(p, &p->content_length)) {
		return fail(p, 400, "bad Content-Length", ev);
	}

	expect = http_req_header(p, "expect");
	if (expect && p->version >= 11) {
		if (strcasecmp(expect, "100-continue"))
			return fail(p, 417, "unsupported expectation", ev);
		p->expect_continue = true;
	}

	if (p->chunked) {
		p->state = HP_CHUNK_SIZE;
	} else if (p->content_length) {
		if (p->content_length > p->body_max) {
			too_large(p, ev);
			if (p->expect_continue || p->content_length > HTTP_DISCARD_MAX) {
				/* the client may or may not send it: close */
				p->keep_alive = false;
				p->state = HP_DEAD;
			} else {
				p->state = HP_BODY;
				p->remaining = p->content_length;
			}
			return;
		}
		p->state = HP_BODY;
		p->remaining = p->content_length;
	} else {
		p->state = HP_DONE;
		*ev = HTTP_EV_REQUEST;
		return;
	}
	if (p->expect_continue)
		*ev = HTTP_EV_CONTINUE;
}

static void body_complete(struct http_parser *p, enum http_event *ev)
{
	if (p->discard) {
		/* the 413 was the answer; the next request may follow */
		bool ka = p->keep_alive;

		http_parser_next(p);
		p->keep_alive = ka;
		return;
	}
	p->state = HP_DONE;
	*ev = HTTP_EV_REQUEST;
}

static void chunk_size_line(struct http_parser *p, const char *l, size_t len,
			    enum http_event *ev)
{
	uint64_t n = 0;
	size_t i = 0;

	for (; i < len; i++) {
		int d;

		if (l[i] >= '0' && l[i] <= '9')
			d = l[i] - '0';
		else if ((l[i] | 0x20) >= 'a' && (l[i] | 0x20) <= 'f')
			d = (l[i] | 0x20) - 'a' + 10;
		else
			break;
		n = n > (UINT64_MAX >> 4) ? UINT64_MAX : n << 4 | (uint64_t)d;
	}
	if (!i)
		return fail(p, 400, "chunk size not hex", ev);
	while (i < len && (l[i] == ' ' || l[i] == '\t'))
		i++;
	if (i < len && l[i] != ';')
		return fail(p, 400, "junk after chunk size", ev);
	for (; i < len; i++)
		if ((unsigned char)l[i] < 0x20 && l[i] != '\t')
			return fail(p, 400, "control character in chunk extension", ev);
	if (!n) {
		p->state = HP_TRAILER;
		return;
	}
	if (p->discard) {
		if (n > HTTP_DISCARD_MAX - p->dropped)
			return fail(p, 413, "dropped body too large", ev);
		p->dropped += n;
	} else if (n > p->body_max - p->body_len) {
		too_large(p, ev);
		p->dropped = n;
		if (n > HTTP_DISCARD_MAX) {
			p->keep_alive = false;
			p->state = HP_DEAD;
			return;
		}
	}
	p->remaining = n;
	p->state = HP_CHUNK_DATA;
}

static void trailer_line(struct http_parser *p, char *l, size_t len, enum http_event *ev)
{
	char *name, *val;
	size_t nlen, vlen;

	if (!len)
		return body_complete(p, ev);
	if (l[0] == ' ' || l[0] == '\t' || !field_split(l, len, &name, &nlen, &val, &vlen))
		return fail(p, 400, "malformed trailer field", ev);
	count_field(p, ev);
}

static size_t line_limit(const struct http_parser *p)
{
	switch (p->state) {
	case HP_REQLINE:
		return HTTP_REQLINE_MAX;
	case HP_HEADER:
	case HP_TRAILER:
		return HTTP_HDR_BYTES - p->hdr_bytes;
	default:
		return HTTP_CHUNK_LINE_MAX;
	}
}

/* The current line grew past its limit before its LF arrived. */
static void line_too_long(struct http_parser *p, enum http_event *ev)
{
	const char *sp;

	switch (p->state) {
	case HP_REQLINE:
		sp = memchr(p->line, ' ', p->line_len);
		if (sp)
			return fail(p, 414, "request-target too long", ev);
		if (is_token(p->line, p->line_len))
			return fail(p, 501, "method too long", ev);
		return fail(p, 400, "request line garbage", ev);
	case HP_HEADER:
		return fail(p, 431, "header block too large", ev);
	case HP_TRAILER:
		return fail(p, 431, "trailers too large", ev);
	default:
		return fail(p, 400, "chunk line too long", ev);
	}
}

static void line_done(struct http_parser *p, enum http_event *ev)
{
	char *l = p->line;
	size_t len = p->line_len;

	/* CRLF ends a line; a lone LF is accepted (RFC 9112 2.2), a lone CR is not */
	if (len && l[len - 1] == '\r')
		len--;
	if (memchr(l, '\r', len) || memchr(l, '\0', len))
		return fail(p, 400, p->state == HP_REQLINE ? "bare CR or NUL in request line" :
			    "bare CR or NUL in a line", ev);
	l[len] = '\0';
	if (p->state == HP_HEADER || p->state == HP_TRAILER)
		p->hdr_bytes += p->line_len + 1;
	p->line_len = 0;

	switch (p->state) {
	case HP_REQLINE:
		return request_line(p, l, len, ev);
	case HP_HEADER:
		if (!len)
			return headers_done(p, ev);
		return header_line(p, l, len, ev);
	case HP_CHUNK_SIZE:
		return chunk_size_line(p, l, len, ev);
	case HP_CHUNK_END:
		if (len)
			return fail(p, 400, "no CRLF after chunk data", ev);
		p->state = HP_CHUNK_SIZE;
		return;
	case HP_TRAILER:
		return trailer_line(p, l, len, ev);
	}
}

/* Body bytes for the current request: stored, or dropped after 413. */
static bool take_body(struct http_parser *p, const uint8_t *d, size_t n, enum http_event *ev)
{
	if (p->discard)
		return true;
	if (!body_reserve(p, n)) {
		fail(p, 500, "out of memory for the body", ev);
		return false;
	}
	memcpy(p->body + p->body_len, d, n);
	p->body_len += n;
	p->body[p->body_len] = '\0';
	return true;
}

size_t http_parse(struct http_parser *p, const uint8_t *data, size_t len, enum http_event *ev)
{
	size_t i = 0;

	*ev = HTTP_EV_NONE;
	while (i < len && *ev == HTTP_EV_NONE) {
		const uint8_t *lf;
		size_t n, lim;

		switch (p->state) {
		case HP_DEAD:
			return len;
		case HP_DONE:
			return i;
		case HP_START:
			if (data[i] == '\r' || data[i] == '\n') {
				i++;
				continue;
			}
			p->state = HP_REQLINE;
			continue;
		case HP_BODY:
		case HP_CHUNK_DATA:
			n = len - i < p->remaining ? len - i : (size_t)p->remaining;
			if (!take_body(p, data + i, n, ev))
				return i;
			i += n;
			p->remaining -= n;
			if (!p->remaining) {
				if (p->state == HP_BODY)
					body_complete(p, ev);
				else
					p->state = HP_CHUNK_END;
			}
			continue;
		default:
			break;
		}

		/* a line state: collect up to the LF */
		lf = memchr(data + i, '\n', len - i);
		n = lf ? (size_t)(lf - (data + i)) : len - i;
		lim = line_limit(p);
		if (p->line_len + n > lim) {
			size_t fit = lim - p->line_len;

			memcpy(p->line + p->line_len, data + i, fit);
			p->line_len = lim;
			line_too_long(p, ev);
			return i + fit + 1;
		}
		memcpy(p->line + p->line_len, data + i, n);
		p->line_len += n;
		i += n;
		if (lf) {
			i++;
			line_done(p, ev);
		}
	}
	return i;
}

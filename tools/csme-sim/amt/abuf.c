// SPDX-License-Identifier: GPL-2.0
/* abuf - growable reply buffer with a hard limit (see abuf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abuf.h"

void abuf_init(struct abuf *b, size_t limit)
{
	memset(b, 0, sizeof(*b));
	b->limit = limit;
}

void abuf_free(struct abuf *b)
{
	free(b->p);
	abuf_init(b, b->limit);
}

void abuf_reset(struct abuf *b)
{
	b->len = 0;
	b->err = false;
	if (b->p)
		b->p[0] = '\0';
}

static bool abuf_reserve(struct abuf *b, size_t more)
{
	size_t want, cap;
	char *p;

	if (b->err || more > b->limit - b->len) {
		b->err = true;
		return false;
	}
	want = b->len + more;
	if (want <= b->cap && b->p)
		return true;
	cap = b->cap ? b->cap : 256;
	while (cap < want)
		cap *= 2;
	if (cap > b->limit)
		cap = b->limit;
	p = realloc(b->p, cap + 1);
	if (!p) {
		b->err = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void abuf_add(struct abuf *b, const void *data, size_t len)
{
	if (!abuf_reserve(b, len))
		return;
	if (len)
		memcpy(b->p + b->len, data, len);
	b->len += len;
	b->p[b->len] = '\0';
}

void abuf_puts(struct abuf *b, const char *s)
{
	abuf_add(b, s, strlen(s));
}

void abuf_vprintf(struct abuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	if (b->err)
		return;
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || !abuf_reserve(b, (size_t)n)) {
		b->err = true;
		return;
	}
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void abuf_printf(struct abuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	abuf_vprintf(b, fmt, ap);
	va_end(ap);
}

void abuf_put_xml(struct abuf *b, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		const char *rep;

		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&apos;";
			break;
		default:
			continue;
		}
		abuf_add(b, s + run, i - run);
		abuf_puts(b, rep);
		run = i + 1;
	}
	abuf_add(b, s + run, len - run);
}

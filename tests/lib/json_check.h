/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one JSON checker of the tests: a strict validator written apart from
 * the writer it checks (lib/json_writer), to the RFC 8259 grammar. Strings
 * must hold no raw control characters and only well-formed UTF-8 (no
 * overlong forms, no surrogates, nothing past U+10FFFF).
 *
 *   json_valid(s, len)       exactly one document, white space around it
 *   json_valid_docs(s, len)  one or more documents separated by white space
 *                            (a command that prints one per line)
 */
#ifndef JSON_CHECK_H
#define JSON_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define JSON_CHECK_MAX_DEPTH	64

struct json_check {
	const unsigned char *p, *end;
	int depth;
};

static inline bool jc_more(const struct json_check *c)
{
	return c->p < c->end;
}

static inline void jc_ws(struct json_check *c)
{
	while (jc_more(c) && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

static inline bool jc_hex(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* A well-formed UTF-8 sequence at c->p: consume it. */
static inline bool jc_utf8(struct json_check *c)
{
	const unsigned char *s = c->p;
	unsigned int n, i, cp;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return false;
	if ((size_t)(c->end - s) < n)
		return false;
	cp = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return false;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	c->p += n;
	return true;
}

static inline bool jc_string(struct json_check *c)
{
	int i;

	if (!jc_more(c) || *c->p != '"')
		return false;
	c->p++;
	while (jc_more(c)) {
		unsigned char ch = *c->p;

		if (ch == '"') {
			c->p++;
			return true;
		}
		if (ch < 0x20)
			return false;
		if (ch >= 0x80) {
			if (!jc_utf8(c))
				return false;
			continue;
		}
		if (ch != '\\') {
			c->p++;
			continue;
		}
		if (c->end - c->p < 2)
			return false;
		if (c->p[1] == 'u') {
			if (c->end - c->p < 6)
				return false;
			for (i = 2; i < 6; i++)
				if (!jc_hex(c->p[i]))
					return false;
			c->p += 6;
		} else if (c->p[1] && strchr("\"\\/bfnrt", c->p[1])) {
			c->p += 2;
		} else {
			return false;
		}
	}
	return false;
}

static inline bool jc_digits(struct json_check *c)
{
	const unsigned char *s = c->p;

	while (jc_more(c) && *c->p >= '0' && *c->p <= '9')
		c->p++;
	return c->p > s;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static inline bool jc_number(struct json_check *c)
{
	if (jc_more(c) && *c->p == '-')
		c->p++;
	if (!jc_more(c) || *c->p < '0' || *c->p > '9')
		return false;
	if (*c->p == '0')
		c->p++;
	else
		jc_digits(c);
	if (jc_more(c) && *c->p == '.') {
		c->p++;
		if (!jc_digits(c))
			return false;
	}
	if (jc_more(c) && (*c->p == 'e' || *c->p == 'E')) {
		c->p++;
		if (jc_more(c) && (*c->p == '+' || *c->p == '-'))
			c->p++;
		if (!jc_digits(c))
			return false;
	}
	return true;
}

static inline bool jc_word(struct json_check *c, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n))
		return false;
	c->p += n;
	return true;
}

static inline bool jc_value(struct json_check *c);

static inline bool jc_container(struct json_check *c, bool obj)
{
	char close = obj ? '}' : ']';

	if (++c->depth > JSON_CHECK_MAX_DEPTH)
		return false;
	c->p++;
	jc_ws(c);
	if (jc_more(c) && *c->p == close) {
		c->p++;
		c->depth--;
		return true;
	}
	for (;;) {
		jc_ws(c);
		if (obj) {
			if (!jc_string(c))
				return false;
			jc_ws(c);
			if (!jc_more(c) || *c->p != ':')
				return false;
			c->p++;
		}
		if (!jc_value(c))
			return false;
		jc_ws(c);
		if (!jc_more(c))
			return false;
		if (*c->p == ',') {
			c->p++;
			continue;
		}
		if (*c->p != close)
			return false;
		c->p++;
		c->depth--;
		return true;
	}
}

static inline bool jc_value(struct json_check *c)
{
	jc_ws(c);
	if (!jc_more(c))
		return false;
	switch (*c->p) {
	case '{':
		return jc_container(c, true);
	case '[':
		return jc_container(c, false);
	case '"':
		return jc_string(c);
	case 't':
		return jc_word(c, "true");
	case 'f':
		return jc_word(c, "false");
	case 'n':
		return jc_word(c, "null");
	default:
		return jc_number(c);
	}
}

/* @min_docs to @max_docs documents separated by white space, nothing else. */
static inline bool jc_docs(const char *s, size_t len, int min_docs, int max_docs)
{
	struct json_check c = { (const unsigned char *)s, (const unsigned char *)s + len, 0 };
	int docs = 0;

	for (;;) {
		jc_ws(&c);
		if (!jc_more(&c))
			return docs >= min_docs;
		if (docs == max_docs || !jc_value(&c))
			return false;
		docs++;
	}
}

static inline bool json_valid(const char *s, size_t len)
{
	return jc_docs(s, len, 1, 1);
}

static inline bool json_valid_docs(const char *s, size_t len)
{
	return jc_docs(s, len, 1, 1 << 30);
}

#endif /* JSON_CHECK_H */

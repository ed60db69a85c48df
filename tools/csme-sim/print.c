// SPDX-License-Identifier: GPL-2.0
/*
 * Output writer for the status command: the same calls produce
 *  - plain "key value" lines, nested keys joined with dots
 *    ("host_link.ssid fwgate-sim"); spaces in keys become '_';
 *  - one compact JSON object (-j);
 *  - pretty-printed JSON, two-space indent (-p).
 * JSON strings are always valid: quotes, backslashes and control characters
 * are escaped, bytes that are not valid UTF-8 are written as \u00XX.
 */
#include <inttypes.h>
#include <string.h>

#include "print.h"
#include "log.h"

void out_init(struct out *o, FILE *f, enum out_mode mode)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->mode = mode;
	o->first[0] = true;
}

/* length of a valid UTF-8 sequence starting at @s (n bytes left), or 0 */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t len, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	cp = s[0] & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void json_quote(FILE *f, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;

	fputc('"', f);
	while (i < len) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\') {
			fputc('\\', f);
			fputc(c, f);
		} else if (c == '\n') {
			fputs("\\n", f);
		} else if (c == '\r') {
			fputs("\\r", f);
		} else if (c == '\t') {
			fputs("\\t", f);
		} else if (c < 0x20 || c == 0x7f) {
			fprintf(f, "\\u%04x", c);
		} else if (c < 0x80) {
			fputc(c, f);
		} else if ((n = utf8_len(s + i, len - i))) {
			fwrite(s + i, 1, n, f);
			i += n;
			continue;
		} else {
			/* not UTF-8: keep the byte as a Latin-1 code point */
			fprintf(f, "\\u%04x", c);
		}
		i++;
	}
	fputc('"', f);
}

static void out_indent(struct out *o)
{
	int i;

	fputc('\n', o->f);
	for (i = 0; i < o->depth; i++)
		fputs("  ", o->f);
}

/* JSON: separator, indentation and "key": for the next member */
static void json_member(struct out *o, const char *key)
{
	if (!o->first[o->depth])
		fputc(',', o->f);
	o->first[o->depth] = false;
	if (o->mode == OUT_PRETTY && o->depth > 0)
		out_indent(o);
	if (key && o->depth > 0) {
		json_quote(o->f, key, strlen(key));
		fputs(o->mode == OUT_PRETTY ? ": " : ":", o->f);
	}
}

/* plain: the full dotted key, then a space */
static void plain_key(struct out *o, const char *key)
{
	const char *k;

	fputs(o->prefix, o->f);
	for (k = key ? key : "-"; *k; k++)
		fputc(*k == ' ' || (unsigned char)*k < 0x20 ? '_' : *k, o->f);
	fputc(' ', o->f);
}

void out_begin(struct out *o, const char *key)
{
	size_t len;

	if (o->depth >= OUT_DEPTH_MAX)
		return;
	if (o->mode == OUT_PLAIN) {
		o->plen[o->depth] = strlen(o->prefix);
		if (key && o->depth > 0) {
			len = strlen(o->prefix);
			snprintf(o->prefix + len, sizeof(o->prefix) - len, "%s.", key);
			for (; o->prefix[len]; len++)
				if (o->prefix[len] == ' ')
					o->prefix[len] = '_';
		}
	} else {
		json_member(o, key);
		fputc('{', o->f);
	}
	o->depth++;
	o->first[o->depth] = true;
}

void out_end(struct out *o)
{
	if (o->depth <= 0)
		return;
	o->depth--;
	if (o->mode == OUT_PLAIN) {
		o->prefix[o->plen[o->depth]] = 0;
		return;
	}
	if (o->mode == OUT_PRETTY && !o->first[o->depth + 1]) {
		out_indent(o);
	}
	fputc('}', o->f);
}

void out_finish(struct out *o)
{
	while (o->depth > 0)
		out_end(o);
	if (o->mode != OUT_PLAIN)
		fputc('\n', o->f);
	fflush(o->f);
}

void out_strn(struct out *o, const char *key, const char *val, size_t len)
{
	size_t i;

	if (!val) {
		out_null(o, key);
		return;
	}
	if (o->mode != OUT_PLAIN) {
		json_member(o, key);
		json_quote(o->f, val, len);
		return;
	}
	plain_key(o, key);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)val[i];

		fputc(c < 0x20 || c == 0x7f ? '?' : c, o->f);
	}
	fputc('\n', o->f);
}

void out_str(struct out *o, const char *key, const char *val)
{
	out_strn(o, key, val, val ? strlen(val) : 0);
}

void out_u64(struct out *o, const char *key, uint64_t val)
{
	if (o->mode == OUT_PLAIN) {
		plain_key(o, key);
		fprintf(o->f, "%" PRIu64 "\n", val);
	} else {
		json_member(o, key);
		fprintf(o->f, "%" PRIu64, val);
	}
}

void out_int(struct out *o, const char *key, long long val)
{
	if (o->mode == OUT_PLAIN) {
		plain_key(o, key);
		fprintf(o->f, "%lld\n", val);
	} else {
		json_member(o, key);
		fprintf(o->f, "%lld", val);
	}
}

void out_bool(struct out *o, const char *key, bool val)
{
	if (o->mode == OUT_PLAIN) {
		plain_key(o, key);
		fprintf(o->f, "%s\n", val ? "true" : "false");
	} else {
		json_member(o, key);
		fputs(val ? "true" : "false", o->f);
	}
}

void out_null(struct out *o, const char *key)
{
	if (o->mode == OUT_PLAIN) {
		plain_key(o, key);
		fputs("-\n", o->f);
	} else {
		json_member(o, key);
		fputs("null", o->f);
	}
}

void out_mac(struct out *o, const char *key, const uint8_t *mac)
{
	char buf[24];

	if (!mac) {
		out_null(o, key);
		return;
	}
	csme_fmt_mac(buf, sizeof(buf), mac);
	out_str(o, key, buf);
}

void out_u32_list(struct out *o, const char *key, const uint32_t *v, size_t n)
{
	size_t i;

	if (o->mode == OUT_PLAIN) {
		plain_key(o, key);
		for (i = 0; i < n; i++)
			fprintf(o->f, "%s%u", i ? " " : "", v[i]);
		fputc('\n', o->f);
		return;
	}
	json_member(o, key);
	fputc('[', o->f);
	for (i = 0; i < n; i++)
		fprintf(o->f, "%s%u", i ? (o->mode == OUT_PRETTY ? ", " : ",") : "", v[i]);
	fputc(']', o->f);
}

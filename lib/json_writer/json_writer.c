// SPDX-License-Identifier: GPL-2.0
/*
 * json_writer: a small streaming JSON writer, see json_writer.h.
 */
#include <inttypes.h>
#include <string.h>

#include "json_writer.h"

void json_init(struct json *j, FILE *f, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->f = f;
	j->pretty = pretty;
	j->first[0] = true;
}

/* Length of the valid UTF-8 sequence at @s (at most @len bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t len)
{
	size_t n, i;
	uint32_t cp;

	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	n = s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (len < n)
		return 0;
	cp = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* no overlong forms, no surrogates, nothing past U+10FFFF */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/*
 * Write @len bytes of @s as a quoted JSON string. Bytes that are not part
 * of valid UTF-8 are written as \u00XX, so the output is always valid.
 */
void json_escape(FILE *f, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	fputc('"', f);
	while (i < len) {
		unsigned char ch = p[i];

		switch (ch) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\b':
			fputs("\\b", f);
			break;
		case '\f':
			fputs("\\f", f);
			break;
		default:
			if (ch < 0x20 || ch == 0x7f) {
				fprintf(f, "\\u%04x", ch);
			} else if (ch < 0x80) {
				fputc(ch, f);
			} else if ((n = utf8_seq(p + i, len - i))) {
				fwrite(p + i, 1, n, f);
				i += n;
				continue;
			} else {
				fprintf(f, "\\u%04x", ch);
			}
		}
		i++;
	}
	fputc('"', f);
}

static void indent(struct json *j)
{
	int i;

	fputc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* Separator and key before a value in the current container. */
static void member(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		fputc(',', j->f);
	j->first[j->depth] = false;
	if (j->pretty && j->depth)
		indent(j);
	if (key && j->in_obj[j->depth]) {
		json_escape(j->f, key, strlen(key));
		fputs(j->pretty ? ": " : ":", j->f);
	}
}

static void open_container(struct json *j, const char *key, char ch)
{
	member(j, key);
	fputc(ch, j->f);
	if (j->depth < JSON_MAX_DEPTH - 1)
		j->depth++;
	j->first[j->depth] = true;
	j->in_obj[j->depth] = ch == '{';
}

static void close_container(struct json *j, char ch)
{
	bool empty = j->first[j->depth];

	if (j->depth)
		j->depth--;
	if (j->pretty && !empty)
		indent(j);
	fputc(ch, j->f);
}

void json_obj_open(struct json *j, const char *key)
{
	open_container(j, key, '{');
}

void json_obj_close(struct json *j)
{
	close_container(j, '}');
}

void json_arr_open(struct json *j, const char *key)
{
	open_container(j, key, '[');
}

void json_arr_close(struct json *j)
{
	close_container(j, ']');
}

void json_strn(struct json *j, const char *key, const char *val, size_t len)
{
	member(j, key);
	json_escape(j->f, val, len);
}

void json_str(struct json *j, const char *key, const char *val)
{
	if (!val) {
		json_null(j, key);
		return;
	}
	json_strn(j, key, val, strlen(val));
}

void json_u64(struct json *j, const char *key, uint64_t val)
{
	member(j, key);
	fprintf(j->f, "%" PRIu64, val);
}

void json_s64(struct json *j, const char *key, int64_t val)
{
	member(j, key);
	fprintf(j->f, "%" PRId64, val);
}

void json_bool(struct json *j, const char *key, bool val)
{
	member(j, key);
	fputs(val ? "true" : "false", j->f);
}

void json_null(struct json *j, const char *key)
{
	member(j, key);
	fputs("null", j->f);
}

/* Bytes as a string of lower-case hex digits, two per byte. */
void json_hex(struct json *j, const char *key, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t i;

	member(j, key);
	fputc('"', j->f);
	for (i = 0; i < len; i++)
		fprintf(j->f, "%02x", p[i]);
	fputc('"', j->f);
}

/* A short list of numbers, kept on one line also when pretty. */
void json_u32_array(struct json *j, const char *key, const uint32_t *v, size_t n)
{
	size_t i;

	member(j, key);
	fputc('[', j->f);
	for (i = 0; i < n; i++)
		fprintf(j->f, "%s%" PRIu32, i ? (j->pretty ? ", " : ",") : "", v[i]);
	fputc(']', j->f);
}

/* End of one top-level document: a newline, ready for the next one. */
void json_done(struct json *j)
{
	fputc('\n', j->f);
	j->depth = 0;
	j->first[0] = true;
}

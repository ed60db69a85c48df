// SPDX-License-Identifier: GPL-2.0
/* Numbers, hex strings, input files, hex dumps and batch lines. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"

static int parse_ull(const char *s, unsigned long long *v, char **end)
{
	/* strtoull would take "-1" as a huge number and skip leading space */
	if (!isdigit((unsigned char)s[0]))
		return -EINVAL;
	errno = 0;
	*v = strtoull(s, end, 0);
	if (errno || *end == s)
		return -EINVAL;
	return 0;
}

/* A decimal, 0x hex or 0 octal number that fits 32 bits; 0 or -EINVAL. */
int parse_u32(const char *s, uint32_t *v)
{
	unsigned long long n;
	char *end;

	if (parse_ull(s, &n, &end) || *end || n > UINT32_MAX)
		return -EINVAL;
	*v = n;
	return 0;
}

/* A byte count, with an optional k/K (KiB) or m/M (MiB) suffix. */
int parse_size(const char *s, uint64_t *v)
{
	unsigned long long n, mult = 1;
	char *end;

	if (parse_ull(s, &n, &end))
		return -EINVAL;
	if (*end == 'k' || *end == 'K')
		mult = 1ull << 10, end++;
	else if (*end == 'm' || *end == 'M')
		mult = 1ull << 20, end++;
	if (*end || n > UINT64_MAX / mult)
		return -EINVAL;
	*v = n * mult;
	return 0;
}

static int hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch |= 0x20;
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

static bool is_sep(int ch)
{
	return ch == ' ' || ch == ':' || ch == '-' || ch == '_' ||
	       ch == '\t' || ch == '\n' || ch == '\r';
}

/*
 * Hex bytes: "0a0b0c", "0x0a0b0c", "0a:0b:0c", "0a 0b 0c". Separators may
 * only stand between whole bytes. @buf is malloc'ed (non-NULL even when
 * empty). 0, -EINVAL or -ENOMEM.
 */
int parse_hex(const char *s, unsigned char **buf, size_t *len)
{
	size_t n = 0, slen = strlen(s);
	unsigned char *out;
	int hi, lo;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2, slen -= 2;
	out = malloc(slen / 2 + 1);
	if (!out)
		return -ENOMEM;
	while (*s) {
		if (is_sep(*s)) {
			s++;
			continue;
		}
		hi = hexval(s[0]);
		lo = hi < 0 ? -1 : hexval(s[1]);
		if (lo < 0) {
			free(out);
			return -EINVAL;
		}
		out[n++] = hi << 4 | lo;
		s += 2;
	}
	*buf = out;
	*len = n;
	return 0;
}

/*
 * Read @f to its end, at most @max bytes (-EMSGSIZE past that). @buf is
 * malloc'ed. 0 or a negative errno.
 */
int read_all(FILE *f, size_t max, unsigned char **buf, size_t *len)
{
	size_t n = 0, cap = 4096, got;
	unsigned char *p = malloc(cap), *tmp;

	if (!p)
		return -ENOMEM;
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(p);
				return -EMSGSIZE;
			}
			cap *= 2;
			tmp = realloc(p, cap);
			if (!tmp) {
				free(p);
				return -ENOMEM;
			}
			p = tmp;
		}
		got = fread(p + n, 1, cap - n, f);
		n += got;
		if (got)
			continue;
		if (ferror(f)) {
			free(p);
			return -EIO;
		}
		break;
	}
	if (n > max) {
		free(p);
		return -EMSGSIZE;
	}
	*buf = p;
	*len = n;
	return 0;
}

/* Offset, 16 bytes in hex and their printable characters per line. */
void hexdump(FILE *f, const void *buf, size_t len, size_t base)
{
	const unsigned char *p = buf;
	size_t i, j;

	for (i = 0; i < len; i += 16) {
		fprintf(f, "%08zx ", base + i);
		for (j = 0; j < 16; j++) {
			if (j == 8)
				fputc(' ', f);
			if (i + j < len)
				fprintf(f, " %02x", p[i + j]);
			else
				fputs("   ", f);
		}
		fputs("  |", f);
		for (j = 0; j < 16 && i + j < len; j++)
			fputc(isprint(p[i + j]) ? p[i + j] : '.', f);
		fputs("|\n", f);
	}
}

/*
 * Split a batch line in place into at most @max words. Words are separated
 * by blanks; "double" or 'single' quotes group blanks into a word; a word
 * starting with # ends the line. Return the word count or -EINVAL
 * (unterminated quote, too many words).
 */
int split_line(char *line, char **argv, int max)
{
	char *r = line, *w = line, quote;
	int argc = 0;

	for (;;) {
		while (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r')
			r++;
		if (!*r || *r == '#')
			return argc;
		if (argc == max)
			return -EINVAL;
		argv[argc++] = w;
		quote = 0;
		for (; *r; r++) {
			if (quote) {
				if (*r == quote)
					quote = 0;
				else
					*w++ = *r;
			} else if (*r == '"' || *r == '\'') {
				quote = *r;
			} else if (*r == ' ' || *r == '\t' || *r == '\n' ||
				   *r == '\r') {
				break;
			} else {
				*w++ = *r;
			}
		}
		if (quote)
			return -EINVAL;
		if (*r)
			r++;
		*w++ = 0;
	}
}

bool is_help(const char *s)
{
	return !strcmp(s, "help") || !strcmp(s, "--help") || !strcmp(s, "-h");
}

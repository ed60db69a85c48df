/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An independent, strict JSON validator (RFC 8259 grammar; strings must not
 * hold raw control characters) for checking csme-sim's JSON output.
 */
#ifndef JSON_CHECK_H
#define JSON_CHECK_H

#include <string.h>

struct jp {
	const char *p, *end;
	int depth;
};

static inline void jws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r'))
		j->p++;
}

static inline int jvalue(struct jp *j);

static inline int jstring(struct jp *j)
{
	if (j->p >= j->end || *j->p != '"')
		return 0;
	j->p++;
	while (j->p < j->end && *j->p != '"') {
		unsigned char c = (unsigned char)*j->p;

		if (c < 0x20)
			return 0;
		if (c == '\\') {
			j->p++;
			if (j->p >= j->end)
				return 0;
			if (*j->p == 'u') {
				int i;

				for (i = 1; i <= 4; i++)
					if (j->p + i >= j->end || !strchr("0123456789abcdefABCDEF", j->p[i]) ||
					    !j->p[i])
						return 0;
				j->p += 4;
			} else if (!strchr("\"\\/bfnrt", *j->p) || !*j->p) {
				return 0;
			}
		}
		j->p++;
	}
	if (j->p >= j->end)
		return 0;
	j->p++;
	return 1;
}

static inline int jnumber(struct jp *j)
{
	const char *s = j->p;

	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p >= j->end || *j->p < '0' || *j->p > '9')
		return 0;
	if (*j->p == '0')
		j->p++;
	else
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	return j->p > s;
}

static inline int jlit(struct jp *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n))
		return 0;
	j->p += n;
	return 1;
}

static inline int jcontainer(struct jp *j, char open, char close)
{
	if (++j->depth > 32)
		return 0;
	j->p++;
	jws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return 1;
	}
	for (;;) {
		jws(j);
		if (open == '{') {
			if (!jstring(j))
				return 0;
			jws(j);
			if (j->p >= j->end || *j->p != ':')
				return 0;
			j->p++;
			jws(j);
		}
		if (!jvalue(j))
			return 0;
		jws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			j->depth--;
			return 1;
		}
		return 0;
	}
}

static inline int jvalue(struct jp *j)
{
	if (j->p >= j->end)
		return 0;
	switch (*j->p) {
	case '{':
		return jcontainer(j, '{', '}');
	case '[':
		return jcontainer(j, '[', ']');
	case '"':
		return jstring(j);
	case 't':
		return jlit(j, "true");
	case 'f':
		return jlit(j, "false");
	case 'n':
		return jlit(j, "null");
	default:
		return jnumber(j);
	}
}

static inline int json_valid(const char *s, size_t len)
{
	struct jp j = { s, s + len, 0 };

	jws(&j);
	if (!jvalue(&j))
		return 0;
	jws(&j);
	return j.p == j.end;
}

#endif /* JSON_CHECK_H */

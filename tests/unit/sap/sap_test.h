/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the SAP core unit tests (userspace only).
 */
#ifndef SAP_TEST_H
#define SAP_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"

/* A heap copy of exactly @n bytes, so that ASan flags any over-read. */
static inline void *sap_t_dup(const void *p, size_t n)
{
	void *q = calloc(1, n ? n : 1);

	if (!q) {
		perror("malloc");
		exit(2);
	}
	if (n)
		memcpy(q, p, n);
	return q;
}

static inline void sap_t_hexdump(const char *what, const unsigned char *p, size_t n)
{
	size_t i;

	printf("# %s (%zu bytes):", what, n);
	for (i = 0; i < n; i++)
		printf("%s%02x", i % 16 ? " " : "\n#   ", p[i]);
	printf("\n");
}

/* Compare two byte ranges; on mismatch show where and dump both. */
__attribute__((format(printf, 4, 5)))
static inline int sap_t_mem(const void *got, const void *exp, size_t n, const char *fmt, ...)
{
	const unsigned char *g = got, *e = exp;
	char name[256];
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	for (i = 0; i < n; i++)
		if (g[i] != e[i])
			break;
	if (i < n) {
		tap_diag("first difference at byte %zu: got %02x expected %02x", i, g[i], e[i]);
		sap_t_hexdump("got", g, n);
		sap_t_hexdump("expected", e, n);
	}
	return tap_ok(i == n, "%s", name);
}

#endif /* SAP_TEST_H */

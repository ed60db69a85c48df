// SPDX-License-Identifier: GPL-2.0
/*
 * json_valid: exit 0 if stdin is one or more JSON documents by the strict
 * checker of tests/lib/json_check.h, 1 if not; for the shell tests.
 */
#include <stdio.h>
#include <stdlib.h>

#include "json_check.h"

int main(void)
{
	size_t len = 0, cap = 1 << 16, got;
	char *buf = malloc(cap);

	if (!buf)
		return 2;
	while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
		len += got;
		if (len == cap) {
			char *p = realloc(buf, cap * 2);

			if (!p) {
				free(buf);
				return 2;
			}
			buf = p;
			cap *= 2;
		}
	}
	got = len && json_valid_docs(buf, len);
	free(buf);
	return got ? 0 : 1;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read a whole text file (a doc, a header, a linker map) into one
 * NUL-terminated buffer, for tests that check code against its description.
 */
#ifndef FWGATE_TESTS_FILE_TEXT_H
#define FWGATE_TESTS_FILE_TEXT_H

#include <stdio.h>
#include <stdlib.h>

/* Return: the text, to free(); NULL if @path cannot be read. */
static inline char *file_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0) {
		fclose(f);
		return NULL;
	}
	rewind(f);
	buf = calloc(1, n + 1);
	if (buf && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

#endif

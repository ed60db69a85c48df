/* SPDX-License-Identifier: GPL-2.0 */
/*
 * abuf - a growable byte buffer for building protocol replies (HTTP
 * headers and bodies, XML, redirection messages) in csme-sim's AMT.
 *
 * A buffer has a hard limit set at init; an append past it, or a failed
 * allocation, sets ->err and is dropped, so a caller can build a whole reply
 * and check once at the end.
 */
#ifndef AMT_ABUF_H
#define AMT_ABUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct abuf {
	char *p;		/* NUL-terminated while !err */
	size_t len;
	size_t cap;		/* allocated, excluding the NUL */
	size_t limit;		/* len never exceeds it */
	bool err;		/* an append was dropped */
};

void abuf_init(struct abuf *b, size_t limit);
void abuf_free(struct abuf *b);
void abuf_reset(struct abuf *b);	/* len = 0, err = false, memory kept */
void abuf_add(struct abuf *b, const void *data, size_t len);
void abuf_puts(struct abuf *b, const char *s);
__attribute__((format(printf, 2, 3)))
void abuf_printf(struct abuf *b, const char *fmt, ...);
void abuf_vprintf(struct abuf *b, const char *fmt, va_list ap);
/* Append @s with &, <, >, " and ' escaped for XML/HTML text and attributes. */
void abuf_put_xml(struct abuf *b, const char *s, size_t len);

#endif /* AMT_ABUF_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal TAP producer shared by every userspace and in-VM test program.
 *
 * Each program prints "TAP version 13", one "ok N - name" / "not ok N - name"
 * line per assertion and a trailing plan "1..N". The test runner counts the
 * ok / not ok lines of every program and prints the final summary.
 */
#ifndef FWGATE_TAP_H
#define FWGATE_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static int tap_count;
static int tap_failed;

static inline void tap_start(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("TAP version 13\n");
}

__attribute__((format(printf, 2, 3)))
static inline int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return cond;
}

__attribute__((format(printf, 1, 2)))
static inline void tap_diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Assert that an expression returning -1/errno style failed with @err. */
#define tap_errno(expr, err, ...) ({					\
	errno = 0;							\
	long __r = (long)(expr);					\
	int __e = errno;						\
	int __ok = (__r == -1 && __e == (err));				\
	if (!__ok)							\
		tap_diag("expected errno %d (%s), got ret %ld errno %d (%s)", \
			 (err), strerror(err), __r, __e, strerror(__e)); \
	tap_ok(__ok, __VA_ARGS__);					\
})

#define tap_eq(a, b, ...) ({						\
	long long __a = (long long)(a), __b = (long long)(b);		\
	if (__a != __b)							\
		tap_diag("%s = %lld, expected %s = %lld", #a, __a, #b, __b); \
	tap_ok(__a == __b, __VA_ARGS__);				\
})

static inline int tap_end(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif /* FWGATE_TAP_H */

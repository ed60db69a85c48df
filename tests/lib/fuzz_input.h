/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a libFuzzer input as a stream of operands. Past the end of the
 * input every read yields zeros, so a harness never has to check lengths.
 */
#ifndef FWGATE_FUZZ_INPUT_H
#define FWGATE_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* an invariant of the code under test: crash so that libFuzzer reports it */
#define FUZZ_CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

/* the next @bytes (at most 4) bytes, big-endian */
static inline uint32_t fuzz_take(struct fuzz_in *in, unsigned int bytes)
{
	uint32_t v = 0;

	while (bytes--) {
		v <<= 8;
		if (in->n) {
			v |= *in->p++;
			in->n--;
		}
	}
	return v;
}

/* the next @n bytes into @dst, zero-filled past the end of the input */
static inline void fuzz_take_bytes(struct fuzz_in *in, uint8_t *dst, size_t n)
{
	size_t k = n < in->n ? n : in->n;

	memcpy(dst, in->p, k);
	memset(dst + k, 0, n - k);
	in->p += k;
	in->n -= k;
}

#endif /* FWGATE_FUZZ_INPUT_H */

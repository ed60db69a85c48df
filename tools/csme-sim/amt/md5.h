/* SPDX-License-Identifier: GPL-2.0 */
/*
 * md5 - the MD5 message digest (RFC 1321), for HTTP Digest authentication
 * in csme-sim's AMT. Not for anything that needs collision resistance.
 */
#ifndef AMT_MD5_H
#define AMT_MD5_H

#include <stddef.h>
#include <stdint.h>

#define MD5_DIGEST_LEN	16
#define MD5_HEX_LEN	32

struct md5_ctx {
	uint32_t state[4];	/* A, B, C, D */
	uint64_t bytes;		/* message length so far */
	uint8_t block[64];	/* partial input block */
};

void md5_init(struct md5_ctx *ctx);
void md5_update(struct md5_ctx *ctx, const void *data, size_t len);
void md5_final(struct md5_ctx *ctx, uint8_t out[MD5_DIGEST_LEN]);
/* One-shot digest of @data. */
void md5(const void *data, size_t len, uint8_t out[MD5_DIGEST_LEN]);
/* @in as 32 lower-case hex digits and a NUL. */
void md5_hex(const uint8_t in[MD5_DIGEST_LEN], char out[MD5_HEX_LEN + 1]);

#endif /* AMT_MD5_H */

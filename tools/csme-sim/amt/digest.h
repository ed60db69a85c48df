/* SPDX-License-Identifier: GPL-2.0 */
/*
 * digest - HTTP Digest access authentication as Intel AMT does it
 * (RFC 2617 / RFC 7616 with MD5 and qop="auth") for csme-sim's AMT.
 *
 * The server side: challenges with fresh nonces (random and a timestamp)
 * kept in a bounded table, parsing of the client's Authorization header
 * (all parameters, quoted strings with escapes) and its verification:
 * user, realm, uri against the request-target, a response of exactly 32
 * hex digits equal to the expected one (CVE-2017-5689 accepted a short or
 * empty one), the nonce known and not expired (else stale="true" when the
 * response is otherwise right) and nc above the last one seen for the nonce
 * (else a replay).
 */
#ifndef AMT_DIGEST_H
#define AMT_DIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abuf.h"
#include "md5.h"

#define DIGEST_NONCES		256		/* live nonces (amt_net has 128 connections) */
#define DIGEST_NONCE_LEN	48		/* 16 hex digits of time + 32 random */
#define DIGEST_NONCE_LIFE_MS	(300 * 1000)	/* default lifetime -> stale="true" */
#define DIGEST_FIELD_MAX	256		/* a parameter value, unescaped */
#define DIGEST_URI_MAX		2048

/* The outcome of digest_verify(); digest_result_status() maps it to HTTP. */
enum digest_result {
	DIGEST_OK,
	DIGEST_NO_HEADER,	/* 401: no Authorization */
	DIGEST_SCHEME,		/* 401: Basic or another scheme */
	DIGEST_MALFORMED,	/* 400: syntax (quotes, '=', duplicates, length) */
	DIGEST_MISSING,		/* 400: a required parameter is missing */
	DIGEST_BAD_NC,		/* 400: nc is not 8 hex digits */
	DIGEST_BAD_URI,		/* 400: uri is not the request-target */
	DIGEST_BAD_QOP,		/* 401: qop absent or not "auth" */
	DIGEST_BAD_ALGORITHM,	/* 401: algorithm other than MD5 */
	DIGEST_BAD_USER,	/* 401 */
	DIGEST_BAD_REALM,	/* 401 */
	DIGEST_BAD_RESPONSE,	/* 401: wrong length, not hex, or wrong */
	DIGEST_STALE,		/* 401 stale="true": unknown or expired nonce */
	DIGEST_REPLAY,		/* 401: nc not above the last one for the nonce */
	DIGEST_R__COUNT
};

struct digest_auth {
	char username[DIGEST_FIELD_MAX];
	char realm[DIGEST_FIELD_MAX];
	char nonce[DIGEST_FIELD_MAX];
	char uri[DIGEST_URI_MAX];
	char response[DIGEST_FIELD_MAX];
	char qop[DIGEST_FIELD_MAX];
	char nc[DIGEST_FIELD_MAX];
	char cnonce[DIGEST_FIELD_MAX];
	char algorithm[DIGEST_FIELD_MAX];
	char opaque[DIGEST_FIELD_MAX];
	unsigned int seen;	/* bit per field above, in that order */
};

struct digest_nonce {
	char nonce[DIGEST_NONCE_LEN + 1];	/* "" = free slot */
	uint64_t created_ms;
	uint32_t last_nc;			/* 0 = none used yet */
};

struct digest_ctx {
	struct digest_nonce tab[DIGEST_NONCES];
	uint64_t life_ms;
	uint64_t counter;			/* nonces made */
	uint8_t secret[16];			/* seeds the nonces' random part */
	uint64_t results[DIGEST_R__COUNT];	/* digest_verify() outcomes */
};

/* @life_ms 0 = DIGEST_NONCE_LIFE_MS. The secret comes from getrandom(). */
void digest_ctx_init(struct digest_ctx *ctx, uint64_t life_ms);

/*
 * Append "WWW-Authenticate: Digest realm=..., nonce=..., stale=...,
 * qop="auth"" and CRLF to @out with a new nonce created at @now_ms.
 */
void digest_challenge(struct digest_ctx *ctx, const char *realm, bool stale, uint64_t now_ms,
		      struct abuf *out);

/*
 * Check the Authorization header value @hdr (NULL = absent) of a request
 * @method @target against @user / @password in @realm at @now_ms. Counted
 * in ctx->results.
 */
enum digest_result digest_verify(struct digest_ctx *ctx, const char *hdr, const char *method,
				 const char *target, const char *realm, const char *user,
				 const char *password, uint64_t now_ms);

/* Parse "Digest k=v, k="v", ..."; returns DIGEST_OK, _SCHEME or _MALFORMED. */
enum digest_result digest_parse(const char *hdr, struct digest_auth *a);

/*
 * The expected response: MD5(HA1:nonce:nc:cnonce:qop:HA2), or with @qop
 * NULL the RFC 2069 MD5(HA1:nonce:HA2); HA1 = MD5(user:realm:password),
 * HA2 = MD5(method:uri). 32 lower-case hex digits.
 */
void digest_response(const char *user, const char *realm, const char *password,
		     const char *method, const char *uri, const char *nonce, const char *nc,
		     const char *cnonce, const char *qop, char out[MD5_HEX_LEN + 1]);

/* Put a given nonce in the table as if issued at @now_ms (tests, RFC vectors). */
int digest_add_nonce(struct digest_ctx *ctx, const char *nonce, uint64_t now_ms);

/* HTTP status for @r: 200 for DIGEST_OK, 400 or 401. */
int digest_result_status(enum digest_result r);
const char *digest_result_name(enum digest_result r);

#endif /* AMT_DIGEST_H */

// SPDX-License-Identifier: GPL-2.0
/* digest - HTTP Digest authentication, server side (see digest.h). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "digest.h"

static const char *const result_names[DIGEST_R__COUNT] = {
	[DIGEST_OK] = "ok",
	[DIGEST_NO_HEADER] = "no_header",
	[DIGEST_SCHEME] = "scheme",
	[DIGEST_MALFORMED] = "malformed",
	[DIGEST_MISSING] = "missing_param",
	[DIGEST_BAD_NC] = "bad_nc",
	[DIGEST_BAD_URI] = "bad_uri",
	[DIGEST_BAD_QOP] = "bad_qop",
	[DIGEST_BAD_ALGORITHM] = "bad_algorithm",
	[DIGEST_BAD_USER] = "bad_user",
	[DIGEST_BAD_REALM] = "bad_realm",
	[DIGEST_BAD_RESPONSE] = "bad_response",
	[DIGEST_STALE] = "stale",
	[DIGEST_REPLAY] = "replay",
};

const char *digest_result_name(enum digest_result r)
{
	return (unsigned int)r < DIGEST_R__COUNT ? result_names[r] : "?";
}

int digest_result_status(enum digest_result r)
{
	switch (r) {
	case DIGEST_OK:
		return 200;
	case DIGEST_MALFORMED:
	case DIGEST_MISSING:
	case DIGEST_BAD_NC:
	case DIGEST_BAD_URI:
		return 400;
	default:
		return 401;
	}
}

void digest_ctx_init(struct digest_ctx *ctx, uint64_t life_ms)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->life_ms = life_ms ? life_ms : DIGEST_NONCE_LIFE_MS;
	if (getrandom(ctx->secret, sizeof(ctx->secret), 0) != (ssize_t)sizeof(ctx->secret)) {
		/* no entropy source: still unique per process and start time */
		struct timespec ts;
		struct md5_ctx m;

		clock_gettime(CLOCK_REALTIME, &ts);
		md5_init(&m);
		md5_update(&m, &ts, sizeof(ts));
		md5_update(&m, &(pid_t){ getpid() }, sizeof(pid_t));
		md5_final(&m, ctx->secret);
	}
}

/*
 * A slot for a new nonce: a free or expired one, else the oldest nonce no
 * client has used yet (a flood of unauthenticated requests then does not
 * push out the nonces of logged-in clients), else the oldest.
 */
static struct digest_nonce *nonce_slot(struct digest_ctx *ctx, uint64_t now_ms)
{
	struct digest_nonce *old = &ctx->tab[0], *unused = NULL;
	unsigned int i;

	for (i = 0; i < DIGEST_NONCES; i++) {
		struct digest_nonce *n = &ctx->tab[i];

		if (!n->nonce[0] || now_ms - n->created_ms >= ctx->life_ms)
			return n;
		if (n->created_ms < old->created_ms)
			old = n;
		if (!n->last_nc && (!unused || n->created_ms < unused->created_ms))
			unused = n;
	}
	return unused ? unused : old;
}

static struct digest_nonce *nonce_find(struct digest_ctx *ctx, const char *nonce)
{
	unsigned int i;

	if (!nonce[0])
		return NULL;
	for (i = 0; i < DIGEST_NONCES; i++)
		if (!strcmp(ctx->tab[i].nonce, nonce))
			return &ctx->tab[i];
	return NULL;
}

int digest_add_nonce(struct digest_ctx *ctx, const char *nonce, uint64_t now_ms)
{
	struct digest_nonce *n;

	if (!nonce[0] || strlen(nonce) > DIGEST_NONCE_LEN)
		return -1;
	n = nonce_slot(ctx, now_ms);
	snprintf(n->nonce, sizeof(n->nonce), "%s", nonce);
	n->created_ms = now_ms;
	n->last_nc = 0;
	return 0;
}

void digest_challenge(struct digest_ctx *ctx, const char *realm, bool stale, uint64_t now_ms,
		      struct abuf *out)
{
	struct digest_nonce *n = nonce_slot(ctx, now_ms);
	uint8_t rnd[MD5_DIGEST_LEN];
	char hex[MD5_HEX_LEN + 1];
	struct md5_ctx m;

	/* random part: MD5(secret, counter, time); unpredictable without the secret */
	ctx->counter++;
	md5_init(&m);
	md5_update(&m, ctx->secret, sizeof(ctx->secret));
	md5_update(&m, &ctx->counter, sizeof(ctx->counter));
	md5_update(&m, &now_ms, sizeof(now_ms));
	md5_final(&m, rnd);
	md5_hex(rnd, hex);
	snprintf(n->nonce, sizeof(n->nonce), "%016llx%s", (unsigned long long)now_ms, hex);
	n->created_ms = now_ms;
	n->last_nc = 0;

	abuf_puts(out, "WWW-Authenticate: Digest realm=\"");
	abuf_puts(out, realm);
	abuf_printf(out, "\", nonce=\"%s\", stale=\"%s\", qop=\"auth\"\r\n", n->nonce,
		    stale ? "true" : "false");
}

void digest_response(const char *user, const char *realm, const char *password,
		     const char *method, const char *uri, const char *nonce, const char *nc,
		     const char *cnonce, const char *qop, char out[MD5_HEX_LEN + 1])
{
	char ha1[MD5_HEX_LEN + 1], ha2[MD5_HEX_LEN + 1];
	uint8_t d[MD5_DIGEST_LEN];
	struct md5_ctx m;

	md5_init(&m);
	md5_update(&m, user, strlen(user));
	md5_update(&m, ":", 1);
	md5_update(&m, realm, strlen(realm));
	md5_update(&m, ":", 1);
	md5_update(&m, password, strlen(password));
	md5_final(&m, d);
	md5_hex(d, ha1);

	md5_init(&m);
	md5_update(&m, method, strlen(method));
	md5_update(&m, ":", 1);
	md5_update(&m, uri, strlen(uri));
	md5_final(&m, d);
	md5_hex(d, ha2);

	md5_init(&m);
	md5_update(&m, ha1, MD5_HEX_LEN);
	md5_update(&m, ":", 1);
	md5_update(&m, nonce, strlen(nonce));
	md5_update(&m, ":", 1);
	if (qop) {
		md5_update(&m, nc, strlen(nc));
		md5_update(&m, ":", 1);
		md5_update(&m, cnonce, strlen(cnonce));
		md5_update(&m, ":", 1);
		md5_update(&m, qop, strlen(qop));
		md5_update(&m, ":", 1);
	}
	md5_update(&m, ha2, MD5_HEX_LEN);
	md5_final(&m, d);
	md5_hex(d, out);
}

/* Parameter names and where they go in struct digest_auth. */
static const struct {
	const char *name;
	size_t off;
	size_t size;
} params[] = {
#define P(f) { #f, offsetof(struct digest_auth, f), sizeof(((struct digest_auth *)0)->f) }
	P(username), P(realm), P(nonce), P(uri), P(response), P(qop), P(nc), P(cnonce),
	P(algorithm), P(opaque),
#undef P
};

enum { F_USERNAME, F_REALM, F_NONCE, F_URI, F_RESPONSE, F_QOP, F_NC, F_CNONCE, F_ALGORITHM };

static bool is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	return c && strchr("!#$%&'*+-.^_`|~", c);
}

static const char *skip_ows(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/*
 * One value: a token or a quoted-string (quoted-pair unescaped) into
 * @out[@size]; returns the end or NULL if malformed or too long.
 */
static const char *parse_value(const char *s, char *out, size_t size)
{
	size_t n = 0;

	if (*s != '"') {
		while (is_tchar((unsigned char)*s)) {
			if (n + 1 >= size)
				return NULL;
			out[n++] = *s++;
		}
		out[n] = '\0';
		return n ? s : NULL;
	}
	for (s++; *s != '"'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\') {
			c = (unsigned char)*++s;
			if (!c)
				return NULL;
		}
		if (!c || (c < 0x20 && c != '\t') || c == 0x7f)
			return NULL;
		if (n + 1 >= size)
			return NULL;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return s + 1;
}

enum digest_result digest_parse(const char *hdr, struct digest_auth *a)
{
	char junk[DIGEST_URI_MAX];	/* values of parameters we ignore */
	const char *s = skip_ows(hdr);

	a->seen = 0;
	if (strncasecmp(s, "Digest", 6) || (s[6] != ' ' && s[6] != '\t'))
		return DIGEST_SCHEME;
	s = skip_ows(s + 6);
	for (;;) {
		const char *name = s;
		size_t nlen, i;
		char *out = junk;
		size_t size = sizeof(junk);
		int field = -1;

		while (is_tchar((unsigned char)*s))
			s++;
		nlen = (size_t)(s - name);
		if (!nlen)
			return DIGEST_MALFORMED;
		s = skip_ows(s);
		if (*s++ != '=')
			return DIGEST_MALFORMED;
		s = skip_ows(s);
		for (i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
			if (strlen(params[i].name) == nlen &&
			    !strncasecmp(params[i].name, name, nlen)) {
				field = (int)i;
				out = (char *)a + params[i].off;
				size = params[i].size;
				break;
			}
		}
		if (field >= 0) {
			if (a->seen & (1u << field))
				return DIGEST_MALFORMED;	/* duplicate */
			a->seen |= 1u << field;
		}
		s = parse_value(s, out, size);
		if (!s)
			return DIGEST_MALFORMED;
		s = skip_ows(s);
		if (!*s)
			return DIGEST_OK;
		if (*s++ != ',')
			return DIGEST_MALFORMED;
		/* empty list elements are allowed: "a=1, , b=2" */
		do
			s = skip_ows(s);
		while (*s == ',' && s++);
		if (!*s)
			return DIGEST_OK;
	}
}

/* Compare without an early exit; lengths must match first (CVE-2017-5689). */
static bool same_response(const char *want, const char *got)
{
	unsigned char diff = 0;
	size_t i;

	if (strlen(got) != MD5_HEX_LEN)
		return false;
	for (i = 0; i < MD5_HEX_LEN; i++) {
		unsigned char c = (unsigned char)got[i];

		if (c >= 'A' && c <= 'F')
			c |= 0x20;
		diff |= (unsigned char)(c ^ (unsigned char)want[i]);
	}
	return !diff;
}

static bool uri_matches(const char *uri, const char *target)
{
	if (!strcmp(uri, target))
		return true;
	/* absolute-form uri for an origin-form target */
	if (!strncasecmp(uri, "http://", 7) || !strncasecmp(uri, "https://", 8)) {
		const char *path = strchr(strchr(uri, ':') + 3, '/');

		return path ? !strcmp(path, target) : !strcmp(target, "/");
	}
	return false;
}

static enum digest_result verify(struct digest_ctx *ctx, const char *hdr, const char *method,
				 const char *target, const char *realm, const char *user,
				 const char *password, uint64_t now_ms)
{
	struct digest_auth a;
	const unsigned int need = 1u << F_USERNAME | 1u << F_REALM | 1u << F_NONCE |
				  1u << F_URI | 1u << F_RESPONSE;
	char want[MD5_HEX_LEN + 1];
	struct digest_nonce *n;
	enum digest_result r;
	unsigned long nc;
	char *end;

	if (!hdr)
		return DIGEST_NO_HEADER;
	r = digest_parse(hdr, &a);
	if (r != DIGEST_OK)
		return r;
	if ((a.seen & need) != need)
		return DIGEST_MISSING;
	if (!(a.seen & 1u << F_QOP) || strcmp(a.qop, "auth"))
		return DIGEST_BAD_QOP;
	if ((a.seen & (1u << F_NC | 1u << F_CNONCE)) != (1u << F_NC | 1u << F_CNONCE))
		return DIGEST_MISSING;
	if (strlen(a.nc) != 8 || strspn(a.nc, "0123456789abcdefABCDEF") != 8)
		return DIGEST_BAD_NC;
	if ((a.seen & 1u << F_ALGORITHM) && strcasecmp(a.algorithm, "MD5"))
		return DIGEST_BAD_ALGORITHM;
	if (!uri_matches(a.uri, target))
		return DIGEST_BAD_URI;
	if (strcmp(a.username, user))
		return DIGEST_BAD_USER;
	if (strcmp(a.realm, realm))
		return DIGEST_BAD_REALM;

	digest_response(user, realm, password, method, a.uri, a.nonce, a.nc, a.cnonce, a.qop,
			want);
	if (!same_response(want, a.response))
		return DIGEST_BAD_RESPONSE;

	/* right password: now the nonce must be ours, fresh, and nc new */
	n = nonce_find(ctx, a.nonce);
	if (!n || now_ms - n->created_ms >= ctx->life_ms)
		return DIGEST_STALE;
	nc = strtoul(a.nc, &end, 16);
	if (nc <= n->last_nc)
		return DIGEST_REPLAY;
	n->last_nc = (uint32_t)nc;
	return DIGEST_OK;
}

enum digest_result digest_verify(struct digest_ctx *ctx, const char *hdr, const char *method,
				 const char *target, const char *realm, const char *user,
				 const char *password, uint64_t now_ms)
{
	enum digest_result r = verify(ctx, hdr, method, target, realm, user, password, now_ms);

	ctx->results[r]++;
	return r;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: HTTP Digest (amt/digest.c) against the RFC 2617 section 3.5
 * and RFC 7616 section 3.9.1 examples, and every way verification refuses:
 * wrong password, short or empty response (CVE-2017-5689), uri, user,
 * realm, qop, algorithm, stale nonce, replayed nc, malformed headers.
 */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "digest.h"

#define REALM	"Digest:0123456789ABCDEF0123456789ABCDEF"
#define PASS	"P@ssw0rd"

static struct digest_ctx ctx;

static void test_rfc_vectors(void)
{
	static const char rfc2617_hdr[] =
		"Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
		"nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
		"qop=auth, nc=00000001, cnonce=\"0a4f113b\", "
		"response=\"6629fae49393a05397450978507c4ef1\", "
		"opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
	static const char rfc7616_hdr[] =
		"Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
		"uri=\"/dir/index.html\", algorithm=MD5, "
		"nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
		"cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
		"response=\"8ca523f5e9506fed4657c9700eebdbec\", "
		"opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
	char out[MD5_HEX_LEN + 1];
	struct digest_auth a;
	enum digest_result r;

	digest_response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET",
			"/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001",
			"0a4f113b", "auth", out);
	tap_ok(!strcmp(out, "6629fae49393a05397450978507c4ef1"),
	       "digest: RFC 2617 3.5 response (%s)", out);
	digest_response("Mufasa", "http-auth@example.org", "Circle of Life", "GET",
			"/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
			"00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", out);
	tap_ok(!strcmp(out, "8ca523f5e9506fed4657c9700eebdbec"),
	       "digest: RFC 7616 3.9.1 MD5 response (%s)", out);

	tap_eq(digest_parse(rfc2617_hdr, &a), DIGEST_OK, "digest: RFC 2617 header parses");
	tap_ok(!strcmp(a.username, "Mufasa") && !strcmp(a.qop, "auth") &&
	       !strcmp(a.nc, "00000001") && !strcmp(a.opaque, "5ccc069c403ebaf9f0171e9517f40e41"),
	       "digest: ... quoted and token values");

	digest_ctx_init(&ctx, 0);
	digest_add_nonce(&ctx, "dcd98b7102dd2f0e8b11d0f600bfb0c093", 1000);
	r = digest_verify(&ctx, rfc2617_hdr, "GET", "/dir/index.html", "testrealm@host.com",
			  "Mufasa", "Circle Of Life", 2000);
	tap_eq(r, DIGEST_OK, "digest: RFC 2617 example verifies");
	r = digest_verify(&ctx, rfc2617_hdr, "GET", "/dir/index.html", "testrealm@host.com",
			  "Mufasa", "Circle Of Life", 2000);
	tap_eq(r, DIGEST_REPLAY, "digest: the same request again is a replay");
	digest_add_nonce(&ctx, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", 1000);
	r = digest_verify(&ctx, rfc7616_hdr, "GET", "/dir/index.html", "http-auth@example.org",
			  "Mufasa", "Circle of Life", 2000);
	tap_eq(r, DIGEST_OK, "digest: RFC 7616 MD5 example verifies (algorithm=MD5)");
	r = digest_verify(&ctx, rfc7616_hdr, "GET", "/dir/index.html", "http-auth@example.org",
			  "Mufasa", "Circle of Lifd", 2000);
	tap_eq(r, DIGEST_BAD_RESPONSE, "digest: ... not with another password");
}

/* A fresh challenge; its nonce is copied to @nonce. */
static void challenge(bool stale, uint64_t now, char *nonce, char *hdr, size_t size)
{
	struct abuf b;
	const char *n;

	abuf_init(&b, 4096);
	digest_challenge(&ctx, REALM, stale, now, &b);
	snprintf(hdr, size, "%s", b.p);
	n = strstr(b.p, "nonce=\"") + 7;
	memcpy(nonce, n, DIGEST_NONCE_LEN);
	nonce[DIGEST_NONCE_LEN] = '\0';
	abuf_free(&b);
}

/* An Authorization value as a client would send it, @resp NULL = the right one. */
static const char *authz(const char *user, const char *pass, const char *method, const char *uri,
			 const char *nonce, const char *nc, const char *resp)
{
	static char h[1024];
	char r[MD5_HEX_LEN + 1];

	digest_response(user, REALM, pass, method, uri, nonce, nc, "c0ffee", "auth", r);
	snprintf(h, sizeof(h), "Digest username=\"%s\", realm=\"%s\", nonce=\"%s\", "
		 "uri=\"%s\", cnonce=\"c0ffee\", nc=%s, qop=\"auth\", response=\"%s\"",
		 user, REALM, nonce, uri, nc, resp ? resp : r);
	return h;
}

static enum digest_result check(const char *h, const char *method, const char *target,
				uint64_t now)
{
	return digest_verify(&ctx, h, method, target, REALM, "admin", PASS, now);
}

static void test_challenge_and_verify(void)
{
	char nonce[DIGEST_NONCE_LEN + 1], hdr[512], want[512], right[MD5_HEX_LEN + 1];
	char nonce2[DIGEST_NONCE_LEN + 1];
	unsigned int i;

	digest_ctx_init(&ctx, 60000);
	challenge(false, 5000, nonce, hdr, sizeof(hdr));
	snprintf(want, sizeof(want), "WWW-Authenticate: Digest realm=\"%s\", nonce=\"%s\", "
		 "stale=\"false\", qop=\"auth\"\r\n", REALM, nonce);
	tap_ok(!strcmp(hdr, want), "digest: challenge as AMT sends it (%.60s...)", hdr);
	tap_ok(strspn(nonce, "0123456789abcdef") == DIGEST_NONCE_LEN &&
	       !strncmp(nonce, "0000000000001388", 16), "digest: nonce = time + random hex");
	challenge(true, 5000, nonce2, hdr, sizeof(hdr));
	tap_ok(strstr(hdr, "stale=\"true\"") && strcmp(nonce, nonce2),
	       "digest: stale challenge, and every nonce differs");

	tap_eq(check(authz("admin", PASS, "GET", "/index.htm", nonce, "00000001", NULL),
		     "GET", "/index.htm", 6000), DIGEST_OK, "digest: right password accepted");
	tap_eq(check(authz("admin", PASS, "GET", "/index.htm", nonce, "00000001", NULL),
		     "GET", "/index.htm", 6000), DIGEST_REPLAY, "digest: same nc again refused");
	tap_eq(check(authz("admin", PASS, "POST", "/wsman", nonce, "00000003", NULL),
		     "POST", "/wsman", 6000), DIGEST_OK, "digest: higher nc on the nonce accepted");
	tap_eq(check(authz("admin", PASS, "POST", "/wsman", nonce, "00000002", NULL),
		     "POST", "/wsman", 6000), DIGEST_REPLAY, "digest: lower nc refused");
	tap_eq(check(authz("admin", PASS, "POST", "/wsman", nonce, "00000000", NULL),
		     "POST", "/wsman", 6000), DIGEST_REPLAY, "digest: nc 0 refused");

	tap_eq(check(authz("admin", "wrong", "GET", "/", nonce2, "00000001", NULL), "GET", "/",
		     6000), DIGEST_BAD_RESPONSE, "digest: wrong password refused");
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce2, "00000001", ""), "GET", "/", 6000),
	       DIGEST_BAD_RESPONSE, "digest: empty response refused (CVE-2017-5689)");
	digest_response("admin", REALM, PASS, "GET", "/", nonce2, "00000001", "c0ffee", "auth",
			right);
	for (i = 1; i < MD5_HEX_LEN; i += 7) {
		char cut[MD5_HEX_LEN + 1];

		snprintf(cut, sizeof(cut), "%.*s", (int)i, right);
		if (check(authz("admin", PASS, "GET", "/", nonce2, "00000001", cut), "GET", "/",
			  6000) != DIGEST_BAD_RESPONSE)
			break;
	}
	tap_ok(i >= MD5_HEX_LEN, "digest: every prefix of the right response refused");
	snprintf(want, sizeof(want), "%s0", right);
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce2, "00000001", want), "GET", "/", 6000),
	       DIGEST_BAD_RESPONSE, "digest: right response plus a digit refused");
	for (i = 0; i < MD5_HEX_LEN; i++)
		if (right[i] >= 'a')
			right[i] = (char)(right[i] - 32);
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce2, "00000001", right), "GET", "/", 6000),
	       DIGEST_OK, "digest: upper-case hex response accepted");

	tap_eq(check(authz("admin", PASS, "GET", "/index.htm", nonce2, "00000009", NULL), "GET",
		     "/hw-sys.htm", 6000), DIGEST_BAD_URI, "digest: uri not the request-target");
	tap_eq(digest_result_status(DIGEST_BAD_URI), 400, "digest: ... is 400");
	tap_eq(check(authz("admin", PASS, "GET", "http://h:16992/ip.htm", nonce2, "0000000a",
			   NULL), "GET", "/ip.htm", 6000), DIGEST_OK,
	       "digest: absolute-form uri for the same path accepted");
	tap_eq(check(authz("root", PASS, "GET", "/", nonce2, "0000000b", NULL), "GET", "/", 6000),
	       DIGEST_BAD_USER, "digest: user other than admin refused");
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce2, "0000000c", NULL), "POST", "/",
		     6000), DIGEST_BAD_RESPONSE, "digest: response for another method refused");

	/* stale: expired, unknown, evicted; a wrong password is not called stale */
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce2, "0000000d", NULL), "GET", "/",
		     5000 + 60000), DIGEST_STALE, "digest: expired nonce is stale");
	tap_eq(check(authz("admin", PASS, "GET", "/", "00000000deadbeef", "00000001", NULL),
		     "GET", "/", 6000), DIGEST_STALE,
	       "digest: unknown nonce, right password: stale");
	tap_eq(check(authz("admin", "bad", "GET", "/", "00000000deadbeef", "00000001", NULL),
		     "GET", "/", 6000), DIGEST_BAD_RESPONSE,
	       "digest: unknown nonce, wrong password: not stale");
	for (i = 0; i < DIGEST_NONCES; i++)
		challenge(false, 7000 + i, nonce2, hdr, sizeof(hdr));
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce, "00000010", NULL), "GET", "/", 8000),
	       DIGEST_OK, "digest: a used nonce survives a full table of unused ones");
	challenge(false, 8001, nonce2, hdr, sizeof(hdr));
	challenge(false, 8002, nonce2, hdr, sizeof(hdr));
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce, "00000011", NULL), "GET", "/", 8000),
	       DIGEST_OK, "digest: ... also when more come");
	for (i = 0; i < DIGEST_NONCES; i++) {
		challenge(false, 9000 + i, nonce2, hdr, sizeof(hdr));
		check(authz("admin", PASS, "GET", "/", nonce2, "00000001", NULL), "GET", "/",
		      9000 + i);
	}
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce, "00000012", NULL), "GET", "/", 9500),
	       DIGEST_STALE, "digest: with every slot in use, the oldest is pushed out: stale");
	tap_eq(check(authz("admin", PASS, "GET", "/", nonce2, "00000002", NULL), "GET", "/", 9500),
	       DIGEST_OK, "digest: the newest nonce works");
	tap_eq(digest_result_status(DIGEST_STALE), 401, "digest: stale is 401");
	tap_ok(ctx.results[DIGEST_OK] == 7 + DIGEST_NONCES && ctx.results[DIGEST_REPLAY] == 3 &&
	       ctx.results[DIGEST_STALE] == 3, "digest: outcomes counted (ok %llu replay %llu)",
	       (unsigned long long)ctx.results[DIGEST_OK],
	       (unsigned long long)ctx.results[DIGEST_REPLAY]);
}

static const struct {
	const char *name;
	const char *hdr;
	enum digest_result want;
} bad_headers[] = {
	{ "Basic scheme", "Basic YWRtaW46UEBzc3cwcmQ=", DIGEST_SCHEME },
	{ "scheme only", "Digest", DIGEST_SCHEME },
	{ "DigestX scheme", "DigestX username=\"admin\"", DIGEST_SCHEME },
	{ "no parameters", "Digest  ", DIGEST_MALFORMED },
	{ "unterminated quote", "Digest username=\"admin", DIGEST_MALFORMED },
	{ "missing =", "Digest username \"admin\"", DIGEST_MALFORMED },
	{ "missing value", "Digest username=, realm=\"x\"", DIGEST_MALFORMED },
	{ "duplicate parameter", "Digest username=\"a\", Username=\"b\"", DIGEST_MALFORMED },
	{ "junk after value", "Digest username=\"a\" x, realm=\"b\"", DIGEST_MALFORMED },
	{ "control char in quotes", "Digest username=\"a\x01\"", DIGEST_MALFORMED },
	{ "escape at end", "Digest username=\"a\\", DIGEST_MALFORMED },
	{ "missing nonce", "Digest username=\"admin\", realm=\"r\", uri=\"/\", response=\"x\"",
	  DIGEST_MISSING },
	{ "no qop (RFC 2069 form)", "Digest username=\"admin\", realm=\"r\", nonce=\"n\", "
	  "uri=\"/\", response=\"0123456789abcdef0123456789abcdef\"", DIGEST_BAD_QOP },
	{ "qop=auth-int", "Digest username=\"admin\", realm=\"r\", nonce=\"n\", uri=\"/\", "
	  "qop=auth-int, nc=00000001, cnonce=\"c\", response=\"x\"", DIGEST_BAD_QOP },
	{ "qop without nc", "Digest username=\"admin\", realm=\"r\", nonce=\"n\", uri=\"/\", "
	  "qop=auth, cnonce=\"c\", response=\"x\"", DIGEST_MISSING },
	{ "nc not 8 hex", "Digest username=\"admin\", realm=\"r\", nonce=\"n\", uri=\"/\", "
	  "qop=auth, nc=1, cnonce=\"c\", response=\"x\"", DIGEST_BAD_NC },
	{ "algorithm SHA-256", "Digest username=\"admin\", realm=\"r\", nonce=\"n\", uri=\"/\", "
	  "qop=auth, nc=00000001, cnonce=\"c\", algorithm=SHA-256, response=\"x\"",
	  DIGEST_BAD_ALGORITHM },
	{ "wrong realm", "Digest username=\"admin\", realm=\"Digest:00\", nonce=\"n\", uri=\"/\", "
	  "qop=auth, nc=00000001, cnonce=\"c\", response=\"x\"", DIGEST_BAD_REALM },
};

static void test_malformed(void)
{
	char big[DIGEST_FIELD_MAX + 64];
	struct digest_auth a;
	size_t i;

	digest_ctx_init(&ctx, 0);
	for (i = 0; i < sizeof(bad_headers) / sizeof(bad_headers[0]); i++)
		tap_eq(check(bad_headers[i].hdr, "GET", "/", 1), bad_headers[i].want,
		       "digest: %s -> %s (%d)", bad_headers[i].name,
		       digest_result_name(bad_headers[i].want),
		       digest_result_status(bad_headers[i].want));
	tap_eq(check(NULL, "GET", "/", 1), DIGEST_NO_HEADER, "digest: no header -> 401");

	tap_eq(digest_parse("digest Username=\"Mu\\\"fa\\\\sa\",realm=r , ,nc=00000001,", &a),
	       DIGEST_OK, "digest: escapes, token values, empty list elements");
	tap_ok(!strcmp(a.username, "Mu\"fa\\sa") && !strcmp(a.realm, "r") &&
	       !strcmp(a.nc, "00000001"), "digest: ... unescaped (%s)", a.username);
	snprintf(big, sizeof(big), "Digest username=\"%0*d\"", DIGEST_FIELD_MAX, 0);
	tap_eq(digest_parse(big, &a), DIGEST_MALFORMED, "digest: over-long value refused");
	snprintf(big, sizeof(big), "Digest username=\"%0*d\"", DIGEST_FIELD_MAX - 1, 0);
	tap_eq(digest_parse(big, &a), DIGEST_OK, "digest: longest value accepted");
	tap_eq(digest_parse("Digest x-unknown=\"whatever, with comma\", username=admin", &a),
	       DIGEST_OK, "digest: unknown parameters skipped");
	tap_ok(!strcmp(a.username, "admin"), "digest: ... the rest still parsed");
}

int main(void)
{
	tap_start();
	test_rfc_vectors();
	test_challenge_and_verify();
	test_malformed();
	return tap_end();
}

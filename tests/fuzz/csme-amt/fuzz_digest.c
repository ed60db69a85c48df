// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: Digest Authorization header parsing and verification
 * (amt/digest.c). The input is the header value. Checked: every outcome is
 * a known result with status 400 or 401 unless DIGEST_OK; DIGEST_OK only
 * for a header whose response is the 32-digit MD5 of its own fields with
 * the right password, user and realm and a nonce from the table; the same
 * header is never accepted twice (replay).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "digest.h"

#define REALM	"Digest:00112233445566778899AABBCCDDEEFF"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct digest_ctx ctx;
	static bool init;
	static char hdr[8192];
	struct digest_auth a;
	enum digest_result r, pr;
	char want[MD5_HEX_LEN + 1];

	if (!init) {
		digest_ctx_init(&ctx, 1000000);
		digest_add_nonce(&ctx, "abc", 0);
		digest_add_nonce(&ctx, "0123456789abcdef", 0);
		init = true;
	}
	if (size >= sizeof(hdr))
		size = sizeof(hdr) - 1;
	memcpy(hdr, data, size);
	hdr[size] = '\0';

	pr = digest_parse(hdr, &a);
	if (pr != DIGEST_OK && pr != DIGEST_SCHEME && pr != DIGEST_MALFORMED)
		abort();
	r = digest_verify(&ctx, hdr, "GET", "/index.htm", REALM, "admin", "P@ssw0rd", 10);
	if ((unsigned int)r >= DIGEST_R__COUNT || !digest_result_name(r))
		abort();
	if (r != DIGEST_OK) {
		int s = digest_result_status(r);

		if (s != 400 && s != 401)
			abort();
		return 0;
	}
	if (pr != DIGEST_OK || strcmp(a.username, "admin") || strcmp(a.realm, REALM) ||
	    strlen(a.response) != MD5_HEX_LEN)
		abort();
	digest_response("admin", REALM, "P@ssw0rd", "GET", a.uri, a.nonce, a.nc, a.cnonce,
			a.qop, want);
	if (strcasecmp(want, a.response))
		abort();
	if (digest_verify(&ctx, hdr, "GET", "/index.htm", REALM, "admin", "P@ssw0rd", 10) !=
	    DIGEST_REPLAY)
		abort();
	return 0;
}

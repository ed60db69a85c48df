// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: MD5 (amt/md5.c) against the RFC 1321 appendix A.5 test
 * suite, fed in one piece and in every split, and across block borders.
 */
#include <string.h>

#include "tap.h"
#include "md5.h"

static const struct {
	const char *msg;
	const char *hex;
} rfc1321_suite[] = {
	{ "", "d41d8cd98f00b204e9800998ecf8427e" },
	{ "a", "0cc175b9c0f1b6a831c399e269772661" },
	{ "abc", "900150983cd24fb0d6963f7d28e17f72" },
	{ "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
	{ "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
	{ "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
	  "d174ab98d277d9f5a5611c2c9f419d9f" },
	{ "1234567890123456789012345678901234567890"
	  "1234567890123456789012345678901234567890",
	  "57edf4a22be3c955ac49da2e2107b67a" },
};

static void hex_of(const void *data, size_t len, char out[MD5_HEX_LEN + 1])
{
	uint8_t d[MD5_DIGEST_LEN];

	md5(data, len, d);
	md5_hex(d, out);
}

static void test_suite(void)
{
	char hex[MD5_HEX_LEN + 1];
	size_t i;

	for (i = 0; i < sizeof(rfc1321_suite) / sizeof(rfc1321_suite[0]); i++) {
		const char *m = rfc1321_suite[i].msg;

		hex_of(m, strlen(m), hex);
		if (!tap_ok(!strcmp(hex, rfc1321_suite[i].hex), "md5: RFC 1321 MD5(\"%.20s%s\")",
			    m, strlen(m) > 20 ? "..." : ""))
			tap_diag("got %s want %s", hex, rfc1321_suite[i].hex);
	}
}

static void test_splits(void)
{
	const char *m = rfc1321_suite[6].msg;	/* 80 bytes: crosses a block */
	size_t len = strlen(m), cut, bad = 0;
	char hex[MD5_HEX_LEN + 1];
	struct md5_ctx ctx;
	uint8_t d[MD5_DIGEST_LEN];

	for (cut = 0; cut <= len; cut++) {
		md5_init(&ctx);
		md5_update(&ctx, m, cut);
		md5_update(&ctx, m + cut, len - cut);
		md5_final(&ctx, d);
		md5_hex(d, hex);
		bad += strcmp(hex, rfc1321_suite[6].hex) != 0;
	}
	tap_eq(bad, 0, "md5: every two-piece split of an 80-byte message gives the same digest");

	md5_init(&ctx);
	for (cut = 0; cut < len; cut++)
		md5_update(&ctx, m + cut, 1);
	md5_final(&ctx, d);
	md5_hex(d, hex);
	tap_ok(!strcmp(hex, rfc1321_suite[6].hex), "md5: byte-at-a-time feeding");
}

static void test_lengths(void)
{
	/* padding edge cases: 55, 56, 63, 64 and 65 bytes of 'a' */
	static const struct {
		size_t n;
		const char *hex;
	} v[] = {
		{ 55, "ef1772b6dff9a122358552954ad0df65" },
		{ 56, "3b0c8ac703f828b04c6c197006d17218" },
		{ 63, "b06521f39153d618550606be297466d5" },
		{ 64, "014842d480b571495a4a0363793f7367" },
		{ 65, "c743a45e0d2e6a95cb859adae0248435" },
	};
	char buf[65], hex[MD5_HEX_LEN + 1];
	size_t i;

	memset(buf, 'a', sizeof(buf));
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		hex_of(buf, v[i].n, hex);
		if (!tap_ok(!strcmp(hex, v[i].hex), "md5: %zu bytes (padding border)", v[i].n))
			tap_diag("got %s want %s", hex, v[i].hex);
	}
}

int main(void)
{
	tap_start();
	test_suite();
	test_splits();
	test_lengths();
	return tap_end();
}

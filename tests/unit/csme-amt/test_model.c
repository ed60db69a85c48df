// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: the reply buffer (abuf.h) and the AMT model (amt_model.h):
 * limits, escaping, identity derived from the seed, power requests and the
 * console buffers.
 */
#include <string.h>

#include "tap.h"
#include "abuf.h"
#include "amt_model.h"

static void test_abuf(void)
{
	struct abuf b;
	char big[300];

	abuf_init(&b, 16);
	abuf_puts(&b, "0123456789");
	abuf_printf(&b, "%d", 42);
	tap_ok(!b.err && b.len == 12 && !strcmp(b.p, "012345678942"),
	       "abuf: appends and printf within the limit");
	abuf_puts(&b, "abcde");
	tap_ok(b.err && b.len == 12, "abuf: an append past the limit sets err and is dropped");
	abuf_puts(&b, "x");
	tap_ok(b.err && b.len == 12, "abuf: err is sticky until reset");
	abuf_reset(&b);
	tap_ok(!b.err && b.len == 0 && b.p[0] == '\0', "abuf: reset clears err and length");
	abuf_free(&b);

	abuf_init(&b, 1024);
	abuf_put_xml(&b, "a<b>&\"c'", 8);
	tap_ok(!strcmp(b.p, "a&lt;b&gt;&amp;&quot;c&apos;"), "abuf: XML escaping of all five");
	memset(big, 'z', sizeof(big));
	abuf_reset(&b);
	abuf_add(&b, big, sizeof(big));
	tap_ok(!b.err && b.len == sizeof(big) && b.cap >= sizeof(big),
	       "abuf: grows past its first allocation");
	abuf_free(&b);
}

static void test_model(void)
{
	struct amt_model a, b;
	char uuid[37], out[8];
	size_t i, n;

	amt_model_init(&a, NULL, 7);
	amt_model_init(&b, "secret", 7);
	tap_ok(!strcmp(a.password, AMT_MODEL_PASSWORD) && !strcmp(b.password, "secret"),
	       "model: default and given password");
	tap_ok(!strcmp(a.realm, b.realm) && !memcmp(a.uuid, b.uuid, 16),
	       "model: same seed, same realm and UUID");
	tap_ok(strlen(a.realm) == 39 && !strncmp(a.realm, "Digest:", 7) &&
	       strspn(a.realm + 7, "0123456789ABCDEF") == 32,
	       "model: realm is Digest: and 32 hex digits (%s)", a.realm);
	amt_model_init(&b, NULL, 8);
	tap_ok(strcmp(a.realm, b.realm), "model: another seed, another realm");
	amt_model_uuid_str(&a, uuid);
	tap_ok(strlen(uuid) == 36 && uuid[8] == '-' && uuid[14] == '4',
	       "model: UUID string is version 4 (%s)", uuid);

	tap_ok(a.power_state == AMT_POWER_ON && a.power_changes == 0, "model: starts powered on");
	tap_ok(amt_model_request_power(&a, AMT_POWER_OFF_SOFT) &&
	       a.power_state == AMT_POWER_OFF_SOFT && a.power_changes == 1 &&
	       a.last_power_request == AMT_POWER_OFF_SOFT, "model: soft off recorded");
	tap_ok(amt_model_request_power(&a, AMT_POWER_CYCLE_HARD) &&
	       a.power_state == AMT_POWER_ON && a.last_power_request == AMT_POWER_CYCLE_HARD,
	       "model: a power cycle ends powered on");
	tap_ok(!amt_model_request_power(&a, 1) && !amt_model_request_power(&a, 17) &&
	       a.power_changes == 2, "model: states 1 and 17 refused, not counted");

	amt_model_console_print(&a, "hello", 5);
	n = amt_model_console_take(&a, out, 3);
	tap_ok(n == 3 && !memcmp(out, "hel", 3) && a.console_out.len == 2,
	       "model: console output taken in order");
	for (i = 0; i < AMT_MODEL_CONSOLE_MAX; i++)
		amt_model_console_print(&a, "x", 1);
	tap_ok(a.console_out.len == AMT_MODEL_CONSOLE_MAX && a.console_out.buf[0] == 'x',
	       "model: a full console drops the oldest bytes");
	amt_model_console_typed(&a, "ls\r", 3);
	tap_ok(a.console_in.len == 3, "model: typed text recorded");
}

int main(void)
{
	tap_start();
	test_abuf();
	test_model();
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: the redirection protocol state machine (redir_proto.h),
 * driven with the exact bytes amtterm 1.4 sends, whole, one byte at a time
 * and merged into one chunk, with every reply byte checked; then bad
 * credentials, other session types, garbage, truncated and oversized
 * messages, messages in the wrong state, echo, console output, heartbeats,
 * pings, timeouts and the orderly end.
 */
#include <string.h>

#include "tap.h"
#include "redir_proto.h"

/* what amtterm 1.4 sends (user admin, password P@ssw0rd) */
static const uint8_t c_start[] = { 0x10, 0, 0, 0, 'S', 'O', 'L', ' ' };
static const uint8_t c_auth[] = {
	0x13, 0, 0, 0, 0x01, 15, 0, 0, 0,
	5, 'a', 'd', 'm', 'i', 'n', 8, 'P', '@', 's', 's', 'w', '0', 'r', 'd',
};
static const uint8_t c_sol[] = {
	0x20, 0, 0, 0, 0, 0, 0, 0,
	0xe8, 0x03, 0x64, 0x00, 0x00, 0x00, 0x10, 0x27, 0x00, 0x00, 0x88, 0x13,
	0, 0, 0, 0,
};
static const uint8_t c_data_hi[] = { 0x28, 0, 0, 0, 0, 0, 0, 0, 3, 0, 'h', 'i', '\r' };
static const uint8_t c_end_sol[] = { 0x22, 0, 0, 0, 0, 0, 0, 0 };
static const uint8_t c_data_esc[] = { 0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0x1d };
static const uint8_t c_end[] = { 0x12, 0, 0, 0 };

/* what AMT (csme-sim, firmware 16.1) answers */
static const uint8_t r_start_ok[] = {
	0x11, 0x00, 0, 0, 1, 0, 16, 1, 0x57, 0x01, 0, 0, 0,
};
static const uint8_t r_auth_ok[] = { 0x14, 0x00, 0, 0, 0x01, 0, 0, 0, 0 };
static const uint8_t r_auth_fail[] = { 0x14, 0x01, 0, 0, 0x01, 0, 0, 0, 0 };
static const uint8_t r_sol_ok[] = {
	0x21, 0x00, 0, 0, 0, 0, 0, 0,
	0xe8, 0x03, 0x64, 0x00, 0x00, 0x00, 0x10, 0x27, 0x00, 0x00, 0x88, 0x13,
	0, 0, 0,
};
static const uint8_t r_end_sol[] = { 0x23, 0, 0, 0, 0, 0, 0, 0 };

struct sim {
	struct amt_model m;
	struct redir_server s;
	struct redir_conn c;
	struct abuf out;
	uint8_t pend[16384];
	size_t have;
	uint64_t now;
};

static void sim_init(struct sim *t)
{
	memset(t, 0, sizeof(*t));
	amt_model_init(&t->m, NULL, 7);
	redir_server_init(&t->s, &t->m);
	abuf_init(&t->out, 1 << 20);
	t->now = 1000;
	redir_conn_init(&t->c, &t->s, t->now);
}

/* A second connection on the same server and model. */
static void sim_conn(struct sim *t, struct sim *from)
{
	memset(t, 0, sizeof(*t));
	abuf_init(&t->out, 1 << 20);
	t->now = from->now;
	redir_conn_init(&t->c, &from->s, t->now);
}

static void sim_free(struct sim *t)
{
	redir_conn_release(&t->c);
	abuf_free(&t->out);
}

/* Offer @len more bytes in chunks of @chunk (0: all at once), as amt_net does. */
static void feed(struct sim *t, const void *data, size_t len, size_t chunk)
{
	const uint8_t *p = data;
	size_t n, used;

	while (len) {
		n = chunk && chunk < len ? chunk : len;
		if (n > sizeof(t->pend) - t->have)
			n = sizeof(t->pend) - t->have;
		memcpy(t->pend + t->have, p, n);
		t->have += n;
		p += n;
		len -= n;
		used = redir_conn_input(&t->c, t->pend, t->have, t->now, &t->out);
		if (used > t->have)
			used = t->have + 1;	/* reported as a failure below */
		memmove(t->pend, t->pend + used, t->have - used);
		t->have -= used;
	}
}

/* The output so far equals @want; it is then cleared. */
static int out_is(struct sim *t, const void *want, size_t len)
{
	int ok = !t->out.err && t->out.len == len && !memcmp(t->out.p, want, len);

	if (!ok) {
		size_t i;

		printf("# got %zu bytes:", t->out.len);
		for (i = 0; i < t->out.len && i < 48; i++)
			printf(" %02x", (uint8_t)t->out.p[i]);
		printf("\n");
	}
	abuf_reset(&t->out);
	return ok;
}

/* Start, authenticate and start SOL, in chunks of @chunk. */
static void to_sol(struct sim *t, size_t chunk)
{
	feed(t, c_start, sizeof(c_start), chunk);
	feed(t, c_auth, sizeof(c_auth), chunk);
	feed(t, c_sol, sizeof(c_sol), chunk);
}

static void test_handshake(size_t chunk, const char *how)
{
	struct sim t;

	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), chunk);
	tap_ok(out_is(&t, r_start_ok, sizeof(r_start_ok)) && t.c.state == REDIR_ST_AUTH,
	       "%s: StartRedirectionSession \"SOL \" -> 0x11 success, firmware 16.1, Intel IANA",
	       how);
	feed(&t, c_auth, sizeof(c_auth), chunk);
	tap_ok(out_is(&t, r_auth_ok, sizeof(r_auth_ok)) && t.c.state == REDIR_ST_READY,
	       "%s: admin/P@ssw0rd -> 0x14 success", how);
	feed(&t, c_sol, sizeof(c_sol), chunk);
	tap_ok(out_is(&t, r_sol_ok, sizeof(r_sol_ok)) && t.c.state == REDIR_ST_SOL,
	       "%s: StartSOLRedirection -> 0x21 success with the settings in force", how);
	tap_ok(t.s.sol_busy && t.m.sol_sessions == 1 && t.s.st.sol_started == 1,
	       "%s: the SOL slot is taken and counted", how);
	feed(&t, c_end_sol, sizeof(c_end_sol), chunk);
	tap_ok(out_is(&t, r_end_sol, sizeof(r_end_sol)) && t.c.state == REDIR_ST_SOL_ENDED &&
	       !t.s.sol_busy, "%s: EndSOLRedirection -> 0x23, slot free", how);
	feed(&t, c_data_esc, sizeof(c_data_esc), chunk);
	tap_ok(t.out.len == 0 && t.c.state == REDIR_ST_SOL_ENDED && t.m.console_in.len == 0,
	       "%s: the ^] amtterm sends after 0x22 is dropped", how);
	feed(&t, c_end, sizeof(c_end), chunk);
	tap_ok(redir_conn_closed(&t.c) && t.c.reject == REDIR_REJ_NONE &&
	       t.s.st.sessions_ended == 1 && t.out.len == 0 && t.have == 0,
	       "%s: EndRedirectionSession closes in order", how);
	sim_free(&t);
}

static void test_merged(void)
{
	uint8_t all[sizeof(c_start) + sizeof(c_auth) + sizeof(c_sol) + sizeof(c_data_hi)];
	uint8_t want[sizeof(r_start_ok) + sizeof(r_auth_ok) + sizeof(r_sol_ok)];
	struct sim t;
	size_t n = 0;

	memcpy(all + n, c_start, sizeof(c_start));
	n += sizeof(c_start);
	memcpy(all + n, c_auth, sizeof(c_auth));
	n += sizeof(c_auth);
	memcpy(all + n, c_sol, sizeof(c_sol));
	n += sizeof(c_sol);
	memcpy(all + n, c_data_hi, sizeof(c_data_hi));
	memcpy(want, r_start_ok, sizeof(r_start_ok));
	memcpy(want + sizeof(r_start_ok), r_auth_ok, sizeof(r_auth_ok));
	memcpy(want + sizeof(r_start_ok) + sizeof(r_auth_ok), r_sol_ok, sizeof(r_sol_ok));

	sim_init(&t);
	/* everything but the last 4 bytes of the data message in one chunk */
	feed(&t, all, sizeof(all) - 4, 0);
	tap_ok(out_is(&t, want, sizeof(want)) && t.c.state == REDIR_ST_SOL && t.have == 9,
	       "merged: three messages in one chunk get three replies; a partial one waits");
	feed(&t, all + sizeof(all) - 4, 4, 0);
	tap_ok(t.have == 0 && t.m.console_in.len == 3 && !memcmp(t.m.console_in.buf, "hi\r", 3),
	       "merged: the rest of the data message completes it");
	sim_free(&t);
}

static void test_data(void)
{
	static const uint8_t echo[] = { 0x2a, 0, 0, 0, 2, 0, 0, 0, 3, 0, 'h', 'i', '\r' };
	static const uint8_t boot[] = {
		0x2a, 0, 0, 0, 1, 0, 0, 0, 6, 0, 'b', 'o', 'o', 't', '\r', '\n',
	};
	char big[2500];
	struct sim t;
	size_t n;

	sim_init(&t);
	to_sol(&t, 0);
	abuf_reset(&t.out);
	amt_model_console_print(&t.m, "boot\r\n", 6);
	n = redir_conn_pump(&t.c, t.now, &t.out, 4096);
	tap_ok(n == 0 && t.out.len == 0,
	       "console: nothing follows the 0x21 reply at once (amtterm would drop it)");
	t.now += REDIR_SETTLE_MS;
	n = redir_conn_pump(&t.c, t.now, &t.out, 4096);
	tap_ok(n == 6 && out_is(&t, boot, sizeof(boot)) && t.m.console_out.len == 0,
	       "console: after the settle time the output goes as 0x2a, sequence 1");

	feed(&t, c_data_hi, sizeof(c_data_hi), 1);
	tap_ok(t.m.console_in.len == 3 && !memcmp(t.m.console_in.buf, "hi\r", 3) &&
	       t.s.st.bytes_typed == 3, "data: typed text reaches the model");
	n = redir_conn_pump(&t.c, t.now, &t.out, 4096);
	tap_ok(n == 3 && out_is(&t, echo, sizeof(echo)), "data: and is echoed as 0x2a, sequence 2");

	memset(big, 'x', sizeof(big));
	amt_model_console_print(&t.m, big, sizeof(big));
	n = redir_conn_pump(&t.c, t.now, &t.out, 500);
	tap_ok(n == 490 && t.out.len == 500 && (uint8_t)t.out.p[8] == 0xea &&
	       (uint8_t)t.out.p[9] == 0x01, "data: output stops at the room given (490 + header)");
	abuf_reset(&t.out);
	n = redir_conn_pump(&t.c, t.now, &t.out, 1 << 20);
	tap_ok(n == 2010 && t.out.len == 2010 + 3 * 10 && (uint8_t)t.out.p[8] == 0xe8 &&
	       (uint8_t)t.out.p[9] == 0x03, "data: at most 1000 bytes per message (1000+1000+10)");
	abuf_reset(&t.out);
	sim_free(&t);
}

static void test_heartbeat(void)
{
	static const uint8_t hb[] = { 0x2b, 0, 0, 0, 1, 0, 0, 0 };
	static const uint8_t ping[] = { 0x24, 0, 0, 0, 9, 8, 7, 6 };
	static const uint8_t pong[] = { 0x25, 0, 0, 0, 9, 8, 7, 6 };
	struct sim t;

	sim_init(&t);
	to_sol(&t, 0);
	abuf_reset(&t.out);
	t.now += 4999;
	redir_conn_tick(&t.c, t.now, &t.out);
	tap_ok(t.out.len == 0, "heartbeat: none before the 5000 ms amtterm asked for");
	t.now += 1;
	redir_conn_tick(&t.c, t.now, &t.out);
	tap_ok(out_is(&t, hb, sizeof(hb)) && t.s.st.heartbeats_sent == 1,
	       "heartbeat: 0x2b with our sequence number at 5000 ms");
	feed(&t, hb, sizeof(hb), 0);
	tap_ok(t.out.len == 0 && t.s.st.heartbeats_echoed == 1 && t.c.state == REDIR_ST_SOL,
	       "heartbeat: amtterm's echo is accepted");
	feed(&t, ping, sizeof(ping), 3);
	tap_ok(out_is(&t, pong, sizeof(pong)) && t.s.st.pings == 1,
	       "keep-alive: 0x24 ping gets 0x25 with the same sequence number");
	t.now += 29999;
	redir_conn_tick(&t.c, t.now, &t.out);
	abuf_reset(&t.out);
	tap_ok(t.c.state == REDIR_ST_SOL, "idle: 29999 ms of silence is tolerated");
	t.now += 1;
	redir_conn_tick(&t.c, t.now, &t.out);
	tap_ok(redir_conn_closed(&t.c) && t.c.reject == REDIR_REJ_TIMEOUT &&
	       t.s.st.rejects[REDIR_REJ_TIMEOUT] == 1 && !t.s.sol_busy,
	       "idle: 30 s without a heartbeat echo closes (timeout) and frees SOL");
	sim_free(&t);
}

static void test_auth(void)
{
	static const uint8_t query[] = { 0x13, 0, 0, 0, 0, 0, 0, 0, 0 };
	static const uint8_t offer[] = { 0x14, 0, 0, 0, 0, 1, 0, 0, 0, 0x01 };
	static const uint8_t bad_pw[] = {
		0x13, 0, 0, 0, 0x01, 12, 0, 0, 0,
		5, 'a', 'd', 'm', 'i', 'n', 5, 'w', 'r', 'o', 'n', 'g',
	};
	static const uint8_t bad_user[] = {
		0x13, 0, 0, 0, 0x01, 15, 0, 0, 0,
		5, 'r', 'o', 'o', 't', '!', 8, 'P', '@', 's', 's', 'w', '0', 'r', 'd',
	};
	static const uint8_t prefix_pw[] = {
		0x13, 0, 0, 0, 0x01, 9, 0, 0, 0,
		5, 'a', 'd', 'm', 'i', 'n', 2, 'P', '@',
	};
	static const uint8_t digest[] = { 0x13, 0, 0, 0, 0x04, 1, 0, 0, 0, 0 };
	static const uint8_t digest_fail[] = { 0x14, 1, 0, 0, 0x04, 0, 0, 0, 0 };
	static const uint8_t malformed[] = {
		0x13, 0, 0, 0, 0x01, 4, 0, 0, 0, 9, 'a', 'b', 'c',
	};
	struct sim t;

	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	abuf_reset(&t.out);
	feed(&t, query, sizeof(query), 1);
	tap_ok(out_is(&t, offer, sizeof(offer)) && t.c.state == REDIR_ST_AUTH,
	       "auth: the query offers user/password (type 1) only");
	feed(&t, bad_pw, sizeof(bad_pw), 0);
	tap_ok(out_is(&t, r_auth_fail, sizeof(r_auth_fail)) && t.c.state == REDIR_ST_AUTH &&
	       t.s.st.auth_failed == 1, "auth: a wrong password -> 0x14 status 1, may retry");
	feed(&t, c_auth, sizeof(c_auth), 0);
	tap_ok(out_is(&t, r_auth_ok, sizeof(r_auth_ok)) && t.c.state == REDIR_ST_READY,
	       "auth: the right password after a failure is accepted");
	sim_free(&t);

	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	abuf_reset(&t.out);
	feed(&t, bad_user, sizeof(bad_user), 0);
	tap_ok(out_is(&t, r_auth_fail, sizeof(r_auth_fail)),
	       "auth: a wrong user with the right password is refused");
	feed(&t, digest, sizeof(digest), 0);
	tap_ok(out_is(&t, digest_fail, sizeof(digest_fail)) && t.c.state == REDIR_ST_AUTH,
	       "auth: Digest (not offered) is refused with its type");
	feed(&t, prefix_pw, sizeof(prefix_pw), 0);
	tap_ok(out_is(&t, r_auth_fail, sizeof(r_auth_fail)) && redir_conn_closed(&t.c) &&
	       t.c.reject == REDIR_REJ_AUTH_FAILED && t.s.st.auth_failed == 3 &&
	       t.s.st.rejects[REDIR_REJ_AUTH_FAILED] == 1,
	       "auth: a password prefix is refused; the third failure closes (auth_failed)");
	feed(&t, c_auth, sizeof(c_auth), 0);
	tap_ok(t.out.len == 0 && t.have == 0 && t.s.st.auth_ok == 0,
	       "auth: after the close, even the right password is dropped unanswered");
	sim_free(&t);

	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	abuf_reset(&t.out);
	feed(&t, malformed, sizeof(malformed), 0);
	tap_ok(redir_conn_closed(&t.c) && t.c.reject == REDIR_REJ_AUTH_MALFORMED &&
	       t.out.len == 0, "auth: a user length past the data closes (auth_malformed)");
	sim_free(&t);
}

static void test_session_types(void)
{
	static const uint8_t ider[] = { 0x10, 0, 0, 0, 'I', 'D', 'E', 'R' };
	static const uint8_t kvm[] = { 0x10, 1, 0, 0, 'K', 'V', 'M', 'R' };
	uint8_t want[sizeof(r_start_ok)];
	struct sim t, u;

	memcpy(want, r_start_ok, sizeof(want));
	want[1] = REDIR_STATUS_UNSUPPORTED;
	sim_init(&t);
	feed(&t, ider, sizeof(ider), 0);
	tap_ok(out_is(&t, want, sizeof(want)) && redir_conn_closed(&t.c) &&
	       t.c.reject == REDIR_REJ_SESSION_TYPE,
	       "session: IDER -> 0x11 status 3 (unsupported), all 13 bytes, then close");
	sim_free(&t);
	sim_init(&t);
	feed(&t, kvm, sizeof(kvm), 1);
	tap_ok(out_is(&t, want, sizeof(want)) && t.s.st.rejects[REDIR_REJ_SESSION_TYPE] == 1,
	       "session: KVMR refused the same way, counted");
	sim_free(&t);

	sim_init(&t);
	t.m.sol_enabled = false;
	feed(&t, c_start, sizeof(c_start), 0);
	tap_ok(out_is(&t, want, sizeof(want)) && t.c.reject == REDIR_REJ_SOL_DISABLED,
	       "session: SOL switched off in the model -> unsupported (sol_disabled)");
	sim_free(&t);

	sim_init(&t);
	to_sol(&t, 0);
	sim_conn(&u, &t);
	want[1] = REDIR_STATUS_BUSY;
	feed(&u, c_start, sizeof(c_start), 0);
	tap_ok(out_is(&u, want, sizeof(want)) && u.c.reject == REDIR_REJ_BUSY &&
	       t.s.sol_busy, "session: a second SOL while one runs -> status 2 (busy)");
	sim_free(&u);
	sim_free(&t);
	sim_conn(&u, &t);
	to_sol(&u, 0);
	tap_ok(u.c.state == REDIR_ST_SOL && t.m.sol_sessions == 2,
	       "session: once the first connection is gone, SOL opens again");
	sim_free(&u);
}

static void test_bad_input(void)
{
	static const uint8_t garbage[] = { 0xff, 0x13, 0x00, 0x41 };
	static const uint8_t reply_type[] = { 0x11, 0, 0, 0 };
	static const uint8_t huge_auth[] = { 0x13, 0, 0, 0, 0x01, 0, 0, 1, 0 };
	static const uint8_t huge_data[] = { 0x28, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	struct sim t;
	size_t used;

	sim_init(&t);
	used = redir_conn_input(&t.c, garbage, sizeof(garbage), t.now, &t.out);
	tap_ok(used == sizeof(garbage) && redir_conn_closed(&t.c) &&
	       t.c.reject == REDIR_REJ_UNKNOWN_TYPE && t.out.len == 0,
	       "garbage: an unknown type closes at once (unknown_type), all consumed");
	sim_free(&t);
	sim_init(&t);
	feed(&t, reply_type, sizeof(reply_type), 0);
	tap_ok(t.c.reject == REDIR_REJ_UNKNOWN_TYPE,
	       "garbage: a reply type from the client is unknown too");
	sim_free(&t);

	sim_init(&t);
	feed(&t, c_sol, sizeof(c_sol), 0);
	tap_ok(t.c.reject == REDIR_REJ_WRONG_STATE && t.out.len == 0 && !t.s.sol_busy,
	       "state: StartSOLRedirection before the session start (wrong_state)");
	sim_free(&t);
	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	feed(&t, c_sol, sizeof(c_sol), 0);
	tap_ok(t.c.reject == REDIR_REJ_WRONG_STATE && !t.s.sol_busy,
	       "state: StartSOLRedirection without authentication (wrong_state)");
	sim_free(&t);
	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	feed(&t, c_auth, sizeof(c_auth), 0);
	feed(&t, c_data_hi, sizeof(c_data_hi), 0);
	tap_ok(t.c.reject == REDIR_REJ_WRONG_STATE && t.m.console_in.len == 0,
	       "state: SOL data before StartSOLRedirection (wrong_state), not typed");
	sim_free(&t);
	sim_init(&t);
	to_sol(&t, 0);
	feed(&t, c_start, sizeof(c_start), 0);
	tap_ok(t.c.reject == REDIR_REJ_WRONG_STATE && !t.s.sol_busy &&
	       t.s.st.rejects[REDIR_REJ_WRONG_STATE] == 1,
	       "state: a second session start during SOL (wrong_state), SOL freed");
	sim_free(&t);

	sim_init(&t);
	feed(&t, c_start, 5, 0);
	tap_ok(t.have == 5 && t.out.len == 0 && t.c.state == REDIR_ST_START,
	       "truncated: 5 of 8 bytes wait for more");
	redir_conn_peer_fin(&t.c, t.have);
	tap_ok(t.c.reject == REDIR_REJ_TRUNCATED && t.s.st.rejects[REDIR_REJ_TRUNCATED] == 1,
	       "truncated: FIN inside a message closes (truncated)");
	sim_free(&t);
	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	redir_conn_peer_fin(&t.c, 0);
	tap_ok(redir_conn_closed(&t.c) && t.c.reject == REDIR_REJ_NONE,
	       "truncated: FIN between messages is an orderly end");
	sim_free(&t);

	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	feed(&t, huge_auth, sizeof(huge_auth), 0);
	tap_ok(t.c.reject == REDIR_REJ_OVERSIZED,
	       "oversized: a 16 MiB authentication length closes before its data arrives");
	sim_free(&t);
	sim_init(&t);
	to_sol(&t, 0);
	feed(&t, huge_data, sizeof(huge_data), 0);
	tap_ok(t.c.reject == REDIR_REJ_OVERSIZED && t.s.st.rejects[REDIR_REJ_OVERSIZED] == 1,
	       "oversized: a 65535-byte SOL data length closes (oversized)");
	sim_free(&t);

	sim_init(&t);
	feed(&t, c_start, sizeof(c_start), 0);
	t.now += REDIR_HANDSHAKE_MS - 1;
	redir_conn_tick(&t.c, t.now, &t.out);
	tap_ok(!redir_conn_closed(&t.c), "timeout: the handshake may take 29.999 s");
	t.now += 1;
	redir_conn_tick(&t.c, t.now, &t.out);
	tap_ok(t.c.reject == REDIR_REJ_TIMEOUT, "timeout: not 30 s");
	sim_free(&t);
}

int main(void)
{
	tap_start();
	test_handshake(0, "whole");
	test_handshake(1, "byte-at-a-time");
	test_handshake(3, "3-byte chunks");
	test_merged();
	test_data();
	test_heartbeat();
	test_auth();
	test_session_types();
	test_bad_input();
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: csme-sim's redirection protocol state machine
 * (redir_proto.h), two connections on one server and model.
 *
 * Input: records [op u8][arg u8][...]. op & 4 picks the connection; op & 3:
 *   0 - arg more bytes arrive on it (offered with what was left over)
 *   1 - the clock advances arg * 50 ms; both connections tick
 *   2 - console output is pumped with room arg * 8
 *   3 - arg < 0x80: arg bytes of console output are printed; 0xff: SOL is
 *       switched on/off in the model; else the connection is replaced by a
 *       new one (the old one released, as amt_net's closed() does)
 * Checked after every step: consumed <= offered, every byte we emitted
 * parses as a well-formed AMT-to-client message, the SOL slot is held by
 * at most one connection and only while it runs SOL or waits for it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redir_proto.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

struct side {
	struct redir_conn c;
	uint8_t pend[8192];
	size_t have;
	struct abuf out;
};

static size_t msg_len(const uint8_t *p, size_t len)
{
	size_t n;

	switch (p[0]) {
	case REDIR_START_SESSION_REPLY:
		return REDIR_START_SESSION_REPLY_LEN;
	case REDIR_AUTHENTICATE_REPLY:
		CHECK(len >= REDIR_AUTH_HDR_LEN);
		n = p[5] | p[6] << 8;
		CHECK(!p[7] && !p[8] && n <= 16);
		return REDIR_AUTH_HDR_LEN + n;
	case REDIR_START_SOL_REPLY:
		return REDIR_START_SOL_REPLY_LEN;
	case REDIR_END_SOL_REPLY:
	case REDIR_SOL_PONG:
	case REDIR_SOL_HEARTBEAT:
		return REDIR_HEARTBEAT_LEN;
	case REDIR_SOL_DATA_FROM_HOST:
		CHECK(len >= REDIR_SOL_DATA_HDR_LEN);
		n = p[8] | p[9] << 8;
		CHECK(n >= 1 && n <= REDIR_SOL_OUT_MAX);
		return REDIR_SOL_DATA_HDR_LEN + n;
	}
	CHECK(0);
	return 0;
}

/* Everything emitted is whole, known messages; then it is dropped. */
static void check_out(struct side *s)
{
	const uint8_t *p = (const uint8_t *)s->out.p;
	size_t len = s->out.len, n;

	CHECK(!s->out.err);
	while (len) {
		n = msg_len(p, len);
		CHECK(n <= len);
		p += n;
		len -= n;
	}
	abuf_reset(&s->out);
}

static void check_slot(const struct redir_server *srv, const struct side *a,
		       const struct side *b)
{
	CHECK(!(a->c.owns_sol && b->c.owns_sol));
	CHECK(srv->sol_busy == (a->c.owns_sol || b->c.owns_sol));
	CHECK(!a->c.owns_sol || a->c.state == REDIR_ST_SOL);
	CHECK(!b->c.owns_sol || b->c.state == REDIR_ST_SOL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char text[128] = "csme-sim console output line\r\n";
	static struct side sides[2];
	struct amt_model model;
	struct redir_server srv;
	uint64_t now = 1;
	size_t i = 0, n, used;
	struct side *s;
	uint8_t op, arg;

	amt_model_init(&model, NULL, 3);
	redir_server_init(&srv, &model);
	for (n = 0; n < 2; n++) {
		memset(&sides[n], 0, sizeof(sides[n]));
		abuf_init(&sides[n].out, 1 << 20);
		redir_conn_init(&sides[n].c, &srv, now);
	}
	while (i + 2 <= size) {
		op = data[i++];
		arg = data[i++];
		s = &sides[!!(op & 4)];
		switch (op & 3) {
		case 0:
			n = arg;
			if (n > size - i)
				n = size - i;
			if (n > sizeof(s->pend) - s->have)
				n = sizeof(s->pend) - s->have;
			memcpy(s->pend + s->have, data + i, n);
			i += n;
			s->have += n;
			used = redir_conn_input(&s->c, s->pend, s->have, now, &s->out);
			CHECK(used <= s->have);
			memmove(s->pend, s->pend + used, s->have - used);
			s->have -= used;
			break;
		case 1:
			now += (uint64_t)arg * 50;
			redir_conn_tick(&sides[0].c, now, &sides[0].out);
			redir_conn_tick(&sides[1].c, now, &sides[1].out);
			break;
		case 2:
			n = redir_conn_pump(&s->c, now, &s->out, (size_t)arg * 8);
			CHECK(s->out.len <= (size_t)arg * 8);
			CHECK(n <= s->out.len);
			break;
		case 3:
			if (arg < 0x80) {
				amt_model_console_print(&model, text, arg);
			} else if (arg == 0xff) {
				model.sol_enabled = !model.sol_enabled;
			} else {
				redir_conn_release(&s->c);
				s->have = 0;
				redir_conn_init(&s->c, &srv, now);
			}
			break;
		}
		check_out(&sides[0]);
		check_out(&sides[1]);
		check_slot(&srv, &sides[0], &sides[1]);
	}
	for (n = 0; n < 2; n++) {
		redir_conn_peer_fin(&sides[n].c, sides[n].have);
		CHECK(redir_conn_closed(&sides[n].c));
		redir_conn_release(&sides[n].c);
		abuf_free(&sides[n].out);
	}
	CHECK(!srv.sol_busy);
	return 0;
}

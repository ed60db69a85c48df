// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: the redirection service glue (redir.c, amt_redir_ops)
 * against a fake amt_conn that plays amt_net's side of amt_svc.h: a
 * transmit buffer of chosen room, close and abort recorded.
 *
 * Built from amt/ only (not net/ and not amt_svc_stub.c), so its fakes
 * never meet amt_net's real amt_conn functions.
 */
#include <errno.h>
#include <string.h>

#include "tap.h"
#include "redir.h"

struct amt_conn {
	void *priv;
	uint8_t tx[AMT_CONN_TX_BUF];
	size_t txlen;
	size_t room;		/* transmit buffer size the fake reports */
	bool closed;
	bool aborted;
};

size_t amt_conn_write(struct amt_conn *c, const void *data, size_t len)
{
	size_t n = amt_conn_tx_room(c);

	if (c->closed)
		return 0;
	if (n > len)
		n = len;
	memcpy(c->tx + c->txlen, data, n);
	c->txlen += n;
	return n;
}

size_t amt_conn_tx_room(const struct amt_conn *c)
{
	return c->room > c->txlen ? c->room - c->txlen : 0;
}

size_t amt_conn_tx_pending(const struct amt_conn *c)
{
	return c->txlen;
}

void amt_conn_close(struct amt_conn *c)
{
	c->closed = true;
}

void amt_conn_abort(struct amt_conn *c)
{
	c->aborted = true;
}

/* the engine's clock the service reads */
static uint64_t fake_now_ms;

uint64_t amt_conn_now_ms(const struct amt_conn *c)
{
	(void)c;
	return fake_now_ms;
}

void amt_conn_set_priv(struct amt_conn *c, void *priv)
{
	c->priv = priv;
}

void *amt_conn_priv(const struct amt_conn *c)
{
	return c->priv;
}

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
static const uint8_t c_end[] = { 0x12, 0, 0, 0 };

static struct amt_model model;
static struct amt_redir redir;
static struct amt_conn conn;

static void fresh(size_t room)
{
	memset(&conn, 0, sizeof(conn));
	conn.room = room;
}

static void test_open(void)
{
	const struct amt_svc_ops *ops = &amt_redir_ops;

	tap_ok(!strcmp(ops->name, "redir") && ops->open && ops->rx && ops->peer_fin &&
	       ops->writable && ops->tick && ops->closed, "ops: every callback is set");
	tap_eq(AMT_REDIR_PORT, 16994, "ops: the port is 16994");
	model.redir_listener = false;
	fresh(AMT_CONN_TX_BUF);
	tap_eq(ops->open(&redir, &conn), -ECONNREFUSED,
	       "open: refused while the redirection listener is off");
	model.redir_listener = true;
}

static void test_session(void)
{
	const struct amt_svc_ops *ops = &amt_redir_ops;
	uint8_t in[sizeof(c_start) + sizeof(c_auth) + sizeof(c_sol)];
	size_t used;

	memcpy(in, c_start, sizeof(c_start));
	memcpy(in + sizeof(c_start), c_auth, sizeof(c_auth));
	memcpy(in + sizeof(c_start) + sizeof(c_auth), c_sol, sizeof(c_sol));

	fresh(AMT_CONN_TX_BUF);
	tap_ok(ops->open(&redir, &conn) == 0 && conn.priv, "open: accepted, state attached");
	ops->tick(&redir, &conn, 100000);
	used = ops->rx(&redir, &conn, in, sizeof(in) - 1);
	tap_ok(used == sizeof(c_start) + sizeof(c_auth) && conn.txlen == 13 + 9 &&
	       conn.tx[0] == 0x11 && conn.tx[13] == 0x14 && conn.tx[14] == 0,
	       "rx: two whole messages consumed and answered, the partial one left");
	used = ops->rx(&redir, &conn, in + used, sizeof(c_sol));
	tap_ok(used == sizeof(c_sol) && conn.txlen == 13 + 9 + 23 && conn.tx[22] == 0x21,
	       "rx: offered again whole, StartSOLRedirection is answered");
	conn.txlen = 0;

	amt_model_console_print(&model, "login: ", 7);
	ops->tick(&redir, &conn, 100100);
	tap_eq(conn.txlen, 0, "tick: console output waits while SOL settles");
	ops->tick(&redir, &conn, 100250);
	tap_ok(conn.txlen == 17 && conn.tx[0] == 0x2a && !memcmp(conn.tx + 10, "login: ", 7),
	       "tick: then it goes out as SOL data");
	conn.txlen = 0;
	ops->tick(&redir, &conn, 105250);
	tap_ok(conn.txlen == 8 && conn.tx[0] == 0x2b, "tick: a heartbeat after 5 s");
	conn.txlen = 0;

	used = ops->rx(&redir, &conn, c_end, sizeof(c_end));
	tap_ok(used == sizeof(c_end) && conn.closed && !conn.aborted && !redir.srv.sol_busy,
	       "rx: EndRedirectionSession closes the connection, SOL freed");
	ops->closed(&redir, &conn);
	tap_ok(conn.priv == NULL, "closed: state released");
}

static void test_backpressure(void)
{
	const struct amt_svc_ops *ops = &amt_redir_ops;
	static const uint8_t want[] = {
		0x11, 0, 0, 0, 1, 0, 16, 1, 0x57, 0x01, 0, 0, 0,
		0x14, 0, 0, 0, 0x01, 0, 0, 0, 0,
	};
	uint8_t in[sizeof(c_start) + sizeof(c_auth)];

	memcpy(in, c_start, sizeof(c_start));
	memcpy(in + sizeof(c_start), c_auth, sizeof(c_auth));
	fresh(20);
	ops->open(&redir, &conn);
	tap_eq(ops->rx(&redir, &conn, in, sizeof(in)), sizeof(in),
	       "room: input consumed although the replies do not fit");
	tap_eq(conn.txlen, 20, "room: the transmit buffer is filled");
	conn.room = 40;
	ops->writable(&redir, &conn);
	tap_ok(conn.txlen == sizeof(want) && !memcmp(conn.tx, want, sizeof(want)),
	       "room: writable sends the held rest, bytes in order");
	ops->peer_fin(&redir, &conn);
	tap_ok(conn.closed && redir.srv.st.rejects[REDIR_REJ_TRUNCATED] == 0,
	       "peer_fin: between messages closes in order");
	ops->closed(&redir, &conn);

	fresh(AMT_CONN_TX_BUF);
	ops->open(&redir, &conn);
	tap_eq(ops->rx(&redir, &conn, c_start, 5), 0, "peer_fin: a partial message waits");
	ops->peer_fin(&redir, &conn);
	tap_ok(conn.closed && redir.srv.st.rejects[REDIR_REJ_TRUNCATED] == 1,
	       "peer_fin: inside a message closes, counted truncated");
	ops->closed(&redir, &conn);

	fresh(AMT_CONN_TX_BUF);
	ops->open(&redir, &conn);
	tap_eq(ops->rx(&redir, &conn, (const uint8_t *)"\xff\x00\x00\x00", 4), 4,
	       "garbage: consumed");
	tap_ok(conn.closed && redir.srv.st.rejects[REDIR_REJ_UNKNOWN_TYPE] == 1,
	       "garbage: the connection is closed, counted unknown_type");
	ops->closed(&redir, &conn);
}

/*
 * A session opened long after the service's last tick (no redirection
 * connection in between): it must run on the engine's clock, not time out
 * at the next tick as if its handshake had taken minutes.
 */
static void test_quiet_spell(void)
{
	const struct amt_svc_ops *ops = &amt_redir_ops;
	uint8_t in[sizeof(c_start) + sizeof(c_auth)];

	memcpy(in, c_start, sizeof(c_start));
	memcpy(in + sizeof(c_start), c_auth, sizeof(c_auth));
	fresh(AMT_CONN_TX_BUF);
	fake_now_ms = redir.now_ms + 600000;	/* ten quiet minutes */
	ops->open(&redir, &conn);
	ops->rx(&redir, &conn, in, sizeof(in));
	ops->tick(&redir, &conn, fake_now_ms + 100);
	tap_ok(!conn.closed && !conn.aborted && conn.txlen == 13 + 9 && conn.tx[14] == 0,
	       "after a quiet spell a new session authenticates and stays open");
	ops->closed(&redir, &conn);
}

int main(void)
{
	tap_start();
	amt_model_init(&model, NULL, 5);
	amt_redir_init(&redir, &model);
	test_open();
	test_session();
	test_backpressure();
	test_quiet_spell();
	return tap_end();
}

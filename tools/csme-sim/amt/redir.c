// SPDX-License-Identifier: GPL-2.0
/*
 * redir - the redirection service on amt_net (see redir.h). Everything about
 * the protocol is in redir_proto.c; this file moves bytes and keeps the
 * replies that did not fit into the transmit buffer yet.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "redir.h"

struct redir_link {
	struct redir_conn pc;
	struct abuf out;	/* produced, not yet accepted by amt_conn_write */
	size_t unconsumed;	/* bytes rx left for later, for peer_fin */
	bool clock_known;	/* a tick gave this connection the time */
	bool closing;		/* close once out is empty */
	bool close_sent;	/* amt_conn_close() called */
};

void amt_redir_init(struct amt_redir *r, struct amt_model *m)
{
	memset(r, 0, sizeof(*r));
	redir_server_init(&r->srv, m);
}

static void link_flush(struct amt_conn *c, struct redir_link *l)
{
	size_t n;

	if (l->out.err) {
		/* a reply was dropped: the stream is no longer coherent */
		amt_conn_abort(c);
		return;
	}
	if (l->out.len) {
		n = amt_conn_write(c, l->out.p, l->out.len);
		memmove(l->out.p, l->out.p + n, l->out.len - n);
		l->out.len -= n;
		l->out.p[l->out.len] = '\0';
	}
	if (redir_conn_closed(&l->pc))
		l->closing = true;
	if (l->closing && !l->out.len && !l->close_sent) {
		amt_conn_close(c);
		l->close_sent = true;
	}
}

/* Console output, as much as the transmit buffer takes, then flush. */
static void link_pump(struct amt_redir *r, struct amt_conn *c, struct redir_link *l)
{
	size_t room = amt_conn_tx_room(c);

	if (!l->closing && room > l->out.len)
		redir_conn_pump(&l->pc, r->now_ms, &l->out, room - l->out.len);
	link_flush(c, l);
}

/*
 * Ticks reach this service only while it has connections: take the
 * engine's clock when a connection opens or speaks, so that a new one after
 * a quiet spell does not start with an old time (and time out at once).
 */
static void redir_clock(struct amt_redir *r, const struct amt_conn *c)
{
	uint64_t now = amt_conn_now_ms(c);

	if (now > r->now_ms)
		r->now_ms = now;
}

static int redir_open(void *svc, struct amt_conn *c)
{
	struct amt_redir *r = svc;
	struct redir_link *l;

	if (!r->srv.model->redir_listener)
		return -ECONNREFUSED;
	redir_clock(r, c);
	l = calloc(1, sizeof(*l));
	if (!l)
		return -ENOMEM;
	abuf_init(&l->out, AMT_REDIR_OUT_LIMIT);
	redir_conn_init(&l->pc, &r->srv, r->now_ms);
	l->clock_known = r->now_ms != 0;
	amt_conn_set_priv(c, l);
	return 0;
}

static size_t redir_rx(void *svc, struct amt_conn *c, const uint8_t *data, size_t len)
{
	struct amt_redir *r = svc;
	struct redir_link *l = amt_conn_priv(c);
	size_t used;

	redir_clock(r, c);
	if (l->closing)
		return len;
	/* hold the peer back while our replies are not flowing out */
	if (l->out.len >= AMT_REDIR_OUT_LIMIT / 2) {
		link_flush(c, l);
		if (l->out.len >= AMT_REDIR_OUT_LIMIT / 2)
			return 0;
	}
	used = redir_conn_input(&l->pc, data, len, r->now_ms, &l->out);
	l->unconsumed = len - used;
	link_pump(r, c, l);
	return used;
}

static void redir_peer_fin(void *svc, struct amt_conn *c)
{
	struct redir_link *l = amt_conn_priv(c);

	(void)svc;
	redir_conn_peer_fin(&l->pc, l->unconsumed);
	link_flush(c, l);
}

static void redir_writable(void *svc, struct amt_conn *c)
{
	link_pump(svc, c, amt_conn_priv(c));
}

static void redir_tick(void *svc, struct amt_conn *c, uint64_t now_ms)
{
	struct amt_redir *r = svc;
	struct redir_link *l = amt_conn_priv(c);

	r->now_ms = now_ms;
	if (!l->clock_known) {
		/* opened before any tick: its timers start now */
		l->pc.opened_ms = now_ms;
		l->pc.last_rx_ms = now_ms;
		l->clock_known = true;
	}
	if (!l->closing)
		redir_conn_tick(&l->pc, now_ms, &l->out);
	link_pump(r, c, l);
}

static void redir_closed(void *svc, struct amt_conn *c)
{
	struct redir_link *l = amt_conn_priv(c);

	(void)svc;
	if (!l)
		return;
	redir_conn_release(&l->pc);
	abuf_free(&l->out);
	free(l);
	amt_conn_set_priv(c, NULL);
}

const struct amt_svc_ops amt_redir_ops = {
	.name = "redir",
	.open = redir_open,
	.rx = redir_rx,
	.peer_fin = redir_peer_fin,
	.writable = redir_writable,
	.tick = redir_tick,
	.closed = redir_closed,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * http_svc - runs the HTTP service (http.c) on amt_net's TCP through the
 * amt_svc interface: one struct http_conn per connection, its queued
 * answers written as the transmit buffer allows, FIN after the last one.
 */
#include <errno.h>
#include <stdlib.h>

#include "http.h"

/* Hand queued answers to TCP; close once everything is out if asked to. */
static void flush(struct http_conn *hc, struct amt_conn *c)
{
	while (http_conn_pending(hc)) {
		size_t n = amt_conn_write(c, hc->out.p + hc->out_sent, http_conn_pending(hc));

		if (!n)
			break;
		http_conn_sent(hc, n);
	}
	if (hc->close_after && !http_conn_pending(hc) && !hc->fin_queued) {
		hc->fin_queued = true;
		amt_conn_close(c);
	}
}

/* Write answers; while that makes room, answer the requests kept meanwhile. */
static void flush_resume(struct http_conn *hc, struct amt_conn *c)
{
	do {
		flush(hc, c);
		if (hc->fin_queued)
			return;		/* nothing more to answer */
	} while (http_conn_pending(hc) < HTTP_OUT_HIGH && http_conn_resume(hc));
	flush(hc, c);
}

static int http_open(void *svc, struct amt_conn *c)
{
	struct amt_http *srv = svc;
	struct http_conn *hc = malloc(sizeof(*hc));

	if (!hc)
		return -ENOMEM;
	http_conn_init(hc, srv);
	amt_conn_set_priv(c, hc);
	srv->conns_open++;
	srv->conns_total++;
	return 0;
}

static size_t http_rx(void *svc, struct amt_conn *c, const uint8_t *data, size_t len)
{
	struct http_conn *hc = amt_conn_priv(c);
	size_t n;

	(void)svc;
	n = http_conn_rx(hc, data, len);
	flush(hc, c);
	return n;
}

static void http_peer_fin(void *svc, struct amt_conn *c)
{
	struct http_conn *hc = amt_conn_priv(c);

	(void)svc;
	http_conn_peer_fin(hc);
	flush_resume(hc, c);
}

static void http_writable(void *svc, struct amt_conn *c)
{
	(void)svc;
	flush_resume(amt_conn_priv(c), c);
}

static void http_tick(void *svc, struct amt_conn *c, uint64_t now_ms)
{
	struct http_conn *hc = amt_conn_priv(c);

	(void)svc;
	http_conn_tick(hc, now_ms);
	flush(hc, c);
}

static void http_closed(void *svc, struct amt_conn *c)
{
	struct http_conn *hc = amt_conn_priv(c);
	struct amt_http *srv = svc;

	if (!hc)
		return;
	http_conn_free(hc);
	free(hc);
	amt_conn_set_priv(c, NULL);
	srv->conns_open--;
}

const struct amt_svc_ops amt_http_ops = {
	.name = "http",
	.open = http_open,
	.rx = http_rx,
	.peer_fin = http_peer_fin,
	.writable = http_writable,
	.tick = http_tick,
	.closed = http_closed,
};

int amt_http_listen(struct amt_net *net, struct amt_http *srv)
{
	return amt_net_listen(net, AMT_HTTP_PORT, &amt_http_ops, srv);
}

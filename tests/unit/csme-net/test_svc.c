// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim network engine: the byte-stream service interface (amt_svc.h)
 * driven by a line-oriented test service on its own port:
 *   "PING\n"     -> "PONG <k>\n" (k-th answer on the connection)
 *   "BIG <n>\n"  -> <n> pattern bytes, queued as room appears
 *   "CLOSE\n"    -> amt_conn_close()
 *   "ABORT\n"    -> amt_conn_abort() from inside rx
 * With svc.hold set it consumes nothing; svc.max_take caps each rx.
 */
#include <errno.h>
#include <stdio.h>
#include "net_test.h"

#define SVC_PORT 17000

static struct amt_net *net;

static struct {
	int refuse, hold;
	size_t max_take;		/* 0 = no cap */
	unsigned int opens, closes, writables, peer_fins, pongs;
	size_t consumed;
	size_t first_write;		/* what the first BIG write queued */
	uint32_t big_total, big_done;
	uint8_t consumed_bytes[AMT_CONN_RX_BUF + 4096];
} svc;

static uint8_t pat(uint32_t i)
{
	return (uint8_t)(i * 7 + (i >> 9));
}

static void big_fill(struct amt_conn *c)
{
	uint8_t chunk[3000];

	while (svc.big_done < svc.big_total) {
		size_t n = svc.big_total - svc.big_done, i, w;

		if (n > sizeof(chunk))
			n = sizeof(chunk);
		for (i = 0; i < n; i++)
			chunk[i] = pat(svc.big_done + (uint32_t)i);
		w = amt_conn_write(c, chunk, n);
		svc.big_done += (uint32_t)w;
		if (w < n)
			return;
	}
}

static int t_open(void *s, struct amt_conn *c)
{
	(void)s;
	if (svc.refuse)
		return -ECONNREFUSED;
	svc.opens++;
	amt_conn_set_priv(c, &svc);
	return 0;
}

static size_t t_rx(void *s, struct amt_conn *c, const uint8_t *data, size_t len)
{
	const uint8_t *nl;
	size_t take;
	char line[32];

	(void)s;
	if (svc.hold)
		return 0;
	take = svc.max_take && len > svc.max_take ? svc.max_take : len;
	if (svc.consumed + take <= sizeof(svc.consumed_bytes))
		memcpy(svc.consumed_bytes + svc.consumed, data, take);
	svc.consumed += take;
	/* commands: whole lines at the start of what is offered */
	nl = memchr(data, '\n', take);
	if (!nl)
		return take;
	if (!memcmp(data, "PING\n", 5)) {
		snprintf(line, sizeof(line), "PONG %u\n", ++svc.pongs);
		amt_conn_write(c, line, strlen(line));
	} else if (!memcmp(data, "BIG ", 4)) {
		svc.big_total = (uint32_t)strtoul((const char *)data + 4, NULL, 10);
		svc.big_done = 0;
		big_fill(c);
		svc.first_write = svc.big_done;
	} else if (!memcmp(data, "CLOSE\n", 6)) {
		amt_conn_close(c);
	} else if (!memcmp(data, "ABORT\n", 6)) {
		amt_conn_abort(c);
		return 0;	/* ignored: the connection is gone */
	}
	return take;
}

static void t_writable(void *s, struct amt_conn *c)
{
	(void)s;
	svc.writables++;
	big_fill(c);
}

static void t_peer_fin(void *s, struct amt_conn *c)
{
	(void)s;
	svc.peer_fins++;
	amt_conn_close(c);
}

static void t_closed(void *s, struct amt_conn *c)
{
	(void)s;
	if (amt_conn_priv(c) == &svc)
		svc.closes++;
	amt_conn_set_priv(c, NULL);
}

static const struct amt_svc_ops t_ops = {
	.name = "test",
	.open = t_open,
	.rx = t_rx,
	.peer_fin = t_peer_fin,
	.writable = t_writable,
	.closed = t_closed,
};

static void setup(void)
{
	net_setup(net, 21);
	memset(&svc, 0, sizeof(svc));
	amt_net_listen(net, SVC_PORT, &t_ops, NULL);
}

static struct reply open_svc(struct client *cl, unsigned int port, unsigned int wnd)
{
	uint8_t f[200];
	static const uint8_t mss[4] = { 2, 4, 0x05, 0x78 };	/* 1400 */
	struct tcpseg s = {
		.sport = port, .dport = SVC_PORT, .seq = 5000, .flags = F_SYN,
		.wnd = wnd, .opt = mss, .optlen = 4,
	};
	struct reply r;

	memset(cl, 0, sizeof(*cl));
	cl->port = port;
	cl->dport = SVC_PORT;
	cl->wnd = wnd;
	cap_reset();
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	cl->snd_nxt = 5001;
	cl->rcv_nxt = r.seq + 1;
	cap_reset();
	cl_send(net, cl, F_ACK, NULL, 0);
	return r;
}

/* In-order payload of the captured frames into out; 1 if an in-order FIN came. */
static int take_in(struct client *cl, uint8_t *out, size_t *got, size_t cap_sz, size_t *maxseg)
{
	int i, fin = 0;

	for (i = 0; i < cap.n && i < CAP_MAX; i++) {
		struct reply r = parse_reply(i);

		if (!r.ok || r.seq != cl->rcv_nxt)
			continue;
		if (maxseg && r.dlen > *maxseg)
			*maxseg = r.dlen;
		if (r.dlen && *got + r.dlen <= cap_sz) {
			memcpy(out + *got, r.data, r.dlen);
			*got += r.dlen;
		}
		cl->rcv_nxt += (uint32_t)r.dlen;
		if (r.flags & F_FIN) {
			cl->rcv_nxt++;
			fin = 1;
		}
	}
	return fin;
}

static void test_listen(void)
{
	unsigned int i;
	int r = 0;

	setup();
	tap_eq(amt_net_listen(net, SVC_PORT, &t_ops, NULL), -EEXIST, "port taken -> -EEXIST");
	tap_eq(amt_net_listen(net, 0, &t_ops, NULL), -EINVAL, "port 0 -> -EINVAL");
	for (i = 0; i < AMT_NET_MAX_LISTEN - 2; i++)
		r |= amt_net_listen(net, (uint16_t)(20000 + i), &t_ops, NULL);
	tap_eq(r, 0, "the table takes %d listeners", AMT_NET_MAX_LISTEN);
	tap_eq(amt_net_listen(net, 30000, &t_ops, NULL), -ENOSPC, "one more -> -ENOSPC");
	tap_ok(amt_net_listen_rx_buf(net, 30000, 100) == -ENOENT &&
	       amt_net_listen_rx_buf(net, SVC_PORT, 0) == -EINVAL &&
	       amt_net_listen_rx_buf(net, SVC_PORT, AMT_CONN_RX_BUF_MAX + 1) == -EINVAL,
	       "buffer size: unknown port, 0 or beyond AMT_CONN_RX_BUF_MAX refused");
}

static void test_wnd_cap(void)
{
	struct client cl;
	struct reply r;

	setup();
	tap_eq(amt_net_listen_rx_buf(net, SVC_PORT, 3000), 0, "receive buffer of 3000 set");
	r = open_svc(&cl, 41011, 65535);
	tap_eq(r.wnd, 3000, "SYN-ACK advertises 3000");
	svc.hold = 1;
	cap_reset();
	cl_send(net, &cl, F_ACK, "0123456789", 10);
	tap_eq(parse_reply(0).wnd, 2990, "10 bytes held: window 2990");
	svc.hold = 0;
	cap_reset();
	cl_send(net, &cl, F_ACK, "x", 1);
	tap_ok(svc.consumed == 11 && parse_reply(0).wnd == 3000, "all consumed: window 3000");
}

static void test_keepalive(void)
{
	struct client cl;
	uint8_t got[64];
	size_t n = 0;
	int fin;

	setup();
	open_svc(&cl, 41000, 65535);
	tap_eq(svc.opens, 1, "open() called on the SYN");
	cap_reset();
	cl_send(net, &cl, F_ACK | F_PSH, "PING\n", 5);
	fin = take_in(&cl, got, &n, sizeof(got), NULL);
	tap_ok(n == 7 && !memcmp(got, "PONG 1\n", 7) && !fin, "first request answered, no FIN");
	n = 0;
	cap_reset();
	cl_send(net, &cl, F_ACK | F_PSH, "PING\n", 5);
	fin = take_in(&cl, got, &n, sizeof(got), NULL);
	tap_ok(n == 7 && !memcmp(got, "PONG 2\n", 7) && !fin,
	       "second request on the same connection answered");
	tap_ok(cap.n == 1 && parse_reply(0).ack == cl.snd_nxt, "answer carries the ACK");
	tap_ok(amt_net_active_conns(net) == 1 && svc.opens == 1 && svc.closes == 0,
	       "still one open connection");
	cap_reset();
	cl_send(net, &cl, F_ACK, NULL, 0);
	tap_eq(amt_conn_tx_pending(&net->conns[0]), 0, "answers acked: nothing pending");
}

static void test_big_write(void)
{
	static uint8_t got[100000 + 16];
	struct client cl;
	size_t n = 0, maxseg = 0, i, bad = 0;
	int fin = 0, rounds = 0;
	const char *cmd = "BIG 100000\n";

	setup();
	open_svc(&cl, 41001, 4000);
	cap_reset();
	cl_send(net, &cl, F_ACK | F_PSH, cmd, strlen(cmd));
	tap_eq(svc.first_write, AMT_CONN_TX_BUF, "write larger than the buffer: partial, buffer full");
	tap_eq(amt_conn_tx_room(&net->conns[0]), 0, "no room left");
	tap_eq(amt_conn_tx_pending(&net->conns[0]), AMT_CONN_TX_BUF, "all of it pending");
	for (i = 0; i < (size_t)cap.n; i++)
		bad += parse_reply((int)i).dlen > 0 &&
		       parse_reply((int)i).seq + parse_reply((int)i).dlen - (cl.rcv_nxt) > 4000;
	tap_eq(bad, 0, "first flight within the peer's 4000-byte window");
	while (n < 100000 && rounds++ < 200) {
		take_in(&cl, got, &n, sizeof(got), &maxseg);
		cap_reset();
		cl_send(net, &cl, F_ACK, NULL, 0);
	}
	tap_eq(n, 100000, "100000 bytes arrived");
	for (i = 0, bad = 0; i < n; i++)
		bad += got[i] != pat((uint32_t)i);
	tap_eq(bad, 0, "every byte intact and in order");
	tap_eq(maxseg, 1400, "segments up to the MSS, never beyond");
	tap_ok(svc.writables > 0 && svc.big_done == 100000, "writable() refilled after ACKs");
	cap_reset();
	cl_send(net, &cl, F_ACK | F_PSH, "CLOSE\n", 6);
	fin = take_in(&cl, got, &n, sizeof(got), NULL);
	tap_ok(fin && n == 100000, "FIN after the queued data");
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	tap_ok(amt_net_active_conns(net) == 0 && svc.closes == 1 && svc.peer_fins == 1,
	       "orderly close: closed() once");
}

static void test_rx_window(void)
{
	static uint8_t data[AMT_CONN_RX_BUF + 150];
	struct client cl;
	struct reply r;
	size_t i;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 13 + 1);
	setup();
	open_svc(&cl, 41002, 65535);
	svc.max_take = 100;
	cap_reset();
	cl_send(net, &cl, F_ACK, data, 1000);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ack == cl.snd_nxt && r.wnd == AMT_CONN_RX_BUF - 900,
	       "100 of 1000 consumed: window shrinks by the 900 held");
	tap_eq(amt_conn_rx_pending(&net->conns[0]), 900, "900 bytes pending");
	svc.hold = 1;
	/* exactly fills the buffer: 900 held + the rest up to RX_BUF + 100 */
	for (i = 1000; i < AMT_CONN_RX_BUF + 100; i += 1400) {
		size_t n = AMT_CONN_RX_BUF + 100 - i < 1400 ? AMT_CONN_RX_BUF + 100 - i : 1400;

		cap_reset();
		cl_send(net, &cl, F_ACK, data + i, n);
	}
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.wnd == 0 && r.ack == cl.snd_nxt, "buffer full: window 0");
	cap_reset();
	cl_send(net, &cl, F_ACK, data + AMT_CONN_RX_BUF + 100, 50);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.wnd == 0 && r.ack == cl.snd_nxt - 50,
	       "bytes beyond the window: not acked, window still 0");
	tap_eq(net->cnt[AMT_C_TCP_RX_OVERFLOW], 1, "rx_overflow counted");
	svc.hold = 0;
	svc.max_take = 0;
	cap_reset();
	amt_net_tick(net, 10);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.wnd == AMT_CONN_RX_BUF && !r.dlen && r.ack == cl.snd_nxt - 50,
	       "service consumed on the tick: window update reopens the window");
	tap_eq(net->cnt[AMT_C_TCP_WND_UPDATE], 1, "tcp_wnd_update counted");
	cap_reset();
	cl.snd_nxt -= 50;
	cl_send(net, &cl, F_ACK, data + AMT_CONN_RX_BUF + 100, 50);
	tap_ok(cap.n == 1 && parse_reply(0).ack == cl.snd_nxt, "retransmitted bytes accepted");
	tap_ok(svc.consumed == sizeof(data) && !memcmp(svc.consumed_bytes, data, sizeof(data)),
	       "the service saw every byte once, in order");
}

static void test_closed_once(void)
{
	struct client cl;
	struct reply r;
	uint8_t f[200];

	/* peer RST */
	setup();
	open_svc(&cl, 41003, 65535);
	cl_send(net, &cl, F_RST, NULL, 0);
	tap_ok(svc.closes == 1 && amt_net_active_conns(net) == 0, "RST: closed() once");
	amt_net_tick(net, 60000);
	amt_net_destroy(net);
	tap_eq(svc.closes, 1, "not again on tick or destroy");

	/* idle timeout */
	setup();
	open_svc(&cl, 41004, 65535);
	amt_net_tick(net, 29999);
	tap_eq(svc.closes, 0, "not idle yet");
	cap_reset();
	amt_net_tick(net, 30000);
	tap_ok(svc.closes == 1 && (parse_reply(0).flags & F_RST) &&
	       net->cnt[AMT_C_TCP_TIMEOUT] == 1, "idle timeout: RST, closed() once");

	/* a service's own idle timeout, and none at all */
	setup();
	open_svc(&cl, 41012, 65535);
	amt_conn_set_idle_timeout(&net->conns[0], 5000);
	open_svc(&cl, 41013, 65535);
	amt_conn_set_idle_timeout(&net->conns[1], AMT_CONN_NO_IDLE_TIMEOUT);
	amt_net_tick(net, 4999);
	tap_eq(amt_net_active_conns(net), 2, "own timeout 5 s: still open at 4.999 s");
	amt_net_tick(net, 5000);
	tap_ok(amt_net_active_conns(net) == 1 && net->conns[0].state == AMT_TCP_FREE &&
	       svc.closes == 1, "own timeout 5 s: reset at 5 s");
	amt_net_tick(net, 3600000);
	tap_ok(amt_net_active_conns(net) == 1 && svc.closes == 1,
	       "no idle timeout: open after an hour of silence");

	/* abort from inside rx */
	setup();
	open_svc(&cl, 41005, 65535);
	cap_reset();
	cl_send(net, &cl, F_ACK | F_PSH, "ABORT\n", 6);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && (r.flags & F_RST) && r.ack == cl.snd_nxt,
	       "abort from rx: one RST, acking what was received");
	tap_ok(svc.closes == 1 && amt_net_active_conns(net) == 0 &&
	       net->cnt[AMT_C_TCP_ABORTED] == 1, "abort from rx: closed() once, counted");
	cap_reset();
	cl_send(net, &cl, F_ACK, "x", 1);
	tap_ok(cap.n == 1 && (parse_reply(0).flags & F_RST) && svc.closes == 1,
	       "later segments: RST, no second closed()");

	/* abort from outside a callback, then the peer's data */
	setup();
	open_svc(&cl, 41006, 65535);
	cap_reset();
	amt_conn_abort(&net->conns[0]);
	amt_conn_abort(&net->conns[0]);
	tap_ok(cap.n == 1 && svc.closes == 1, "abort twice: one RST, closed() once");
	tap_eq(amt_conn_write(&net->conns[0], "x", 1), 0, "write after abort refused");

	/* orderly close started by the peer */
	setup();
	open_svc(&cl, 41007, 65535);
	cap_reset();
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	r = parse_reply(cap.n - 1);
	tap_ok(svc.peer_fins == 1 && (r.flags & F_FIN), "peer FIN: peer_fin(), our FIN");
	cl.rcv_nxt = r.seq + 1;
	cl_send(net, &cl, F_ACK, NULL, 0);
	tap_ok(svc.closes == 1 && amt_net_active_conns(net) == 0 &&
	       net->cnt[AMT_C_TCP_CLOSED] == 1, "both FINs acked: closed() once");

	/* teardown */
	setup();
	open_svc(&cl, 41008, 65535);
	open_svc(&cl, 41009, 65535);
	cap_reset();
	amt_net_destroy(net);
	tap_ok(svc.closes == 2 && cap.n == 0 && amt_net_active_conns(net) == 0,
	       "destroy: closed() for each connection, nothing on the wire");

	/* refused by open(): RST, no closed() */
	setup();
	svc.refuse = 1;
	{
		struct tcpseg s = { .sport = 41010, .dport = SVC_PORT, .seq = 1, .flags = F_SYN,
				    .wnd = 1000 };

		cap_reset();
		feed(net, f, b_tcp(f, &s));
	}
	tap_ok(cap.n == 1 && (parse_reply(0).flags & F_RST) && svc.closes == 0 &&
	       net->cnt[AMT_C_TCP_REFUSED] == 1 && amt_net_active_conns(net) == 0,
	       "open() refuses: RST, counted, no closed()");
}

int main(void)
{
	tap_start();
	net = calloc(1, sizeof(*net));
	test_listen();
	test_wnd_cap();
	test_keepalive();
	test_big_write();
	test_rx_window();
	test_closed_once();
	amt_net_destroy(net);
	free(net);
	return tap_end();
}

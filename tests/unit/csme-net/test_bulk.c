// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim network engine: the bulk test service (amt_bulk.h), transmit
 * back-pressure (tx_room) and fast retransmission on duplicate ACKs.
 * The pattern and the CRC-32 are recomputed here from their definitions.
 */
#include <stdio.h>
#include "net_test.h"
#include "amt_bulk.h"

#define BULK_PORT 16999

static struct amt_net *net;
static size_t room = (size_t)-1;

static size_t test_room(void *ctx)
{
	(void)ctx;
	return room;
}

/* capture, and use up the room a frame takes */
static void room_tx(void *ctx, const uint8_t *frame, size_t len)
{
	cap_tx(ctx, frame, len);
	if (room != (size_t)-1)
		room = room > len ? room - len : 0;
}

/* reference: word k of the pattern (same rounds, written independently) */
static uint32_t ref_word(uint32_t k)
{
	uint32_t x = k ^ 0x5bd1e995u;

	x = (x ^ (x >> 16)) * 0x7feb352du;
	x = (x ^ (x >> 15)) * 0x846ca68bu;
	return x ^ (x >> 16);
}

static uint8_t ref_byte(uint32_t off)
{
	return (uint8_t)(ref_word(off / 4) >> (8 * (off % 4)));
}

/* bitwise CRC-32 (IEEE), no table */
static uint32_t ref_crc(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	}
	return ~c;
}

static void setup(uint16_t bulk_port)
{
	net_setup(net, 11);
	if (bulk_port)
		amt_bulk_listen(net, bulk_port);
	net->tx = room_tx;
	net->tx_room = test_room;
	room = (size_t)-1;
}

static void open_bulk(struct client *cl, unsigned int port, unsigned int wnd)
{
	uint8_t f[200];
	static const uint8_t mss[4] = { 2, 4, 0x05, 0xb4 };
	struct tcpseg s = {
		.sport = port, .dport = BULK_PORT, .seq = 1000, .flags = F_SYN,
		.wnd = wnd, .opt = mss, .optlen = 4,
	};
	struct reply r;

	memset(cl, 0, sizeof(*cl));
	cl->port = port;
	cl->dport = BULK_PORT;
	cl->wnd = wnd;
	cap_reset();
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	cl->snd_nxt = 1001;
	cl->rcv_nxt = r.seq + 1;
	cap_reset();
	cl_send(net, cl, F_ACK, NULL, 0);
}

/*
 * Take the in-order payload of captured frames into out[*got..], moving
 * cl->rcv_nxt; returns 1 if the FIN came in order.
 */
static int take(struct client *cl, uint8_t *out, size_t *got, size_t cap_sz)
{
	int i, fin = 0;

	for (i = 0; i < cap.n && i < CAP_MAX; i++) {
		struct reply r = parse_reply(i);

		if (!r.ok || r.seq != cl->rcv_nxt)
			continue;
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

static void test_off_by_default(void)
{
	uint8_t f[200];
	struct tcpseg s = { .sport = 40000, .dport = BULK_PORT, .seq = 1, .flags = F_SYN,
			    .wnd = 1000 };
	struct reply r;

	setup(0);
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ok && (r.flags & F_RST), "bulk port closed unless enabled: RST");
	tap_eq(amt_net_active_conns(net), 0, "no connection");
}

static void test_send(void)
{
	static uint8_t got_buf[20000];
	struct client cl;
	size_t got = 0, i, bad = 0;
	int fin = 0, rounds = 0;
	const char *cmd = "SEND 12345\n";

	setup(BULK_PORT);
	open_bulk(&cl, 40001, 8000);
	tap_ok(net->conns[0].ops == &amt_bulk_ops, "connection to the bulk port is a bulk one");
	cl_send(net, &cl, F_ACK | F_PSH, cmd, strlen(cmd));
	tap_eq(net->cnt[AMT_C_BULK_SEND], 1, "SEND accepted");
	while (!fin && rounds++ < 100) {
		fin = take(&cl, got_buf, &got, sizeof(got_buf));
		if (cap.n > 6)
			tap_ok(0, "round %d: %d segments, more than the 8000-byte window",
			       rounds, cap.n);
		cap_reset();
		cl_send(net, &cl, F_ACK, NULL, 0);
	}
	tap_ok(fin, "FIN after the data");
	tap_eq(got, 12345, "12345 bytes");
	for (i = 0; i < got; i++)
		bad += got_buf[i] != ref_byte((uint32_t)i);
	tap_eq(bad, 0, "every byte is the pattern's");
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	tap_eq(amt_net_active_conns(net), 0, "closed after both FINs");
	tap_eq(net->cnt[AMT_C_BULK_DONE], 1, "bulk_done counted");
}

static void test_recv(void)
{
	static uint8_t data[5000];
	uint8_t first[1000];
	char line[64], want[64];
	struct client cl;
	size_t got = 0, i, hl;
	int fin;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 131 + 7);
	setup(BULK_PORT);
	open_bulk(&cl, 40002, 65535);
	tap_ok(net->conns[0].ops == &amt_bulk_ops, "bulk connection");
	/* command and the first bytes in one segment */
	hl = (size_t)snprintf((char *)first, sizeof(first), "RECV %zu\n", sizeof(data));
	memcpy(first + hl, data, 500);
	cl_send(net, &cl, F_ACK | F_PSH, first, hl + 500);
	tap_eq(net->cnt[AMT_C_BULK_RECV], 1, "RECV accepted");
	tap_eq(parse_reply(0).wnd, AMT_BULK_RCV_WND, "the sink's window fits the H2M data ring");
	for (i = 500; i < sizeof(data); i += 1400) {
		size_t n = sizeof(data) - i < 1400 ? sizeof(data) - i : 1400;

		cap_reset();
		cl_send(net, &cl, F_ACK, data + i, n);
	}
	fin = take(&cl, (uint8_t *)line, &got, sizeof(line) - 1);
	line[got] = 0;
	snprintf(want, sizeof(want), "OK %08x %zu\n", ref_crc(data, sizeof(data)), sizeof(data));
	tap_ok(fin && !strcmp(line, want), "reply \"%.*s\" is \"OK <crc32> <count>\"",
	       (int)strcspn(line, "\n"), line);
}

static void test_bad_command(void)
{
	char line[64];
	struct client cl;
	size_t got = 0;
	static const char *const bad[] = { "SEND 0\n", "SEND -1\n", "SEND 1073741825\n",
					   "GET / HTTP/1.1\n", "SEND 99999999999999999999\n",
					   "RECV\n" };
	unsigned int k;

	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		setup(BULK_PORT);
		open_bulk(&cl, 40100 + k, 65535);
		cl_send(net, &cl, F_ACK | F_PSH, bad[k], strlen(bad[k]));
		got = 0;
		take(&cl, (uint8_t *)line, &got, sizeof(line) - 1);
		line[got] = 0;
		tap_ok(!strncmp(line, "ERR ", 4) && net->cnt[AMT_C_BULK_BAD_CMD] == 1,
		       "\"%.*s\" -> ERR, counted", (int)strcspn(bad[k], "\n"), bad[k]);
	}
	/* a command line that never ends */
	setup(BULK_PORT);
	open_bulk(&cl, 40200, 65535);
	memset(line, 'S', sizeof(line));
	cl_send(net, &cl, F_ACK, line, sizeof(line));
	cl_send(net, &cl, F_ACK, line, sizeof(line));
	tap_eq(net->cnt[AMT_C_BULK_BAD_CMD], 1, "128 bytes without a newline -> ERR");
}

static void test_back_pressure(void)
{
	static uint8_t got_buf[4000];
	struct client cl;
	size_t got = 0;
	int fin;
	const char *cmd = "SEND 3000\n";

	setup(BULK_PORT);
	open_bulk(&cl, 40003, 65535);
	room = 100;		/* not even one full segment */
	cl_send(net, &cl, F_ACK | F_PSH, cmd, strlen(cmd));
	tap_ok(cap.n == 1 && parse_reply(0).dlen == 0, "no room: only the ACK of the command");
	tap_ok(net->cnt[AMT_C_TCP_TX_BLOCKED] >= 1, "tcp_tx_blocked counted");
	tap_eq(net->cnt[AMT_C_TCP_RETRANSMIT], 0, "not a retransmission");
	tap_eq(net->tx_wait_room, 14 + 20 + 20 + 1400,
	       "tx_wait_room: the room one full segment needs");
	cap_reset();
	amt_net_tick(net, 10);
	tap_eq(cap.n, 0, "still no room at the next tick: nothing sent");
	tap_ok(net->tx_wait_room > 0, "still waiting for room after the tick");
	room = 1500;		/* one full frame, not two */
	amt_net_tx_retry(net);
	tap_eq(cap.n, 1, "room for one frame: one segment at amt_net_tx_retry()");
	tap_ok(net->tx_wait_room > 0, "the next segment waits again");
	room = (size_t)-1;
	amt_net_tx_retry(net);
	tap_eq(net->tx_wait_room, 0, "room back: nothing waits");
	tap_eq(cap.n, 3, "room back: the other two segments, FIN on the last, without a tick");
	fin = take(&cl, got_buf, &got, sizeof(got_buf));
	tap_ok(fin && got == 3000 && got_buf[2999] == ref_byte(2999),
	       "room back: the rest and FIN, in order (%zu bytes)", got);
}

static void test_fast_retransmit(void)
{
	static uint8_t got_buf[20000];
	struct client cl;
	struct reply r;
	uint32_t lost_seq;
	size_t got = 0;
	int i;
	const char *cmd = "SEND 14000\n";

	setup(BULK_PORT);
	open_bulk(&cl, 40004, 65535);
	cl_send(net, &cl, F_ACK | F_PSH, cmd, strlen(cmd));
	/* ten full segments, the ACK of the command riding on the first */
	tap_eq(cap.n, 10, "14000 bytes leave at once (window 65535)");
	r = parse_reply(0);
	lost_seq = r.seq;
	/* segment 1 "lost": the client acks nothing new, three times */
	cap_reset();
	for (i = 0; i < 3; i++)
		cl_send(net, &cl, F_ACK, NULL, 0);
	r = parse_reply(0);
	tap_ok(cap.n >= 1 && r.ok && r.seq == lost_seq && r.dlen == 1400,
	       "third duplicate ACK: the lost segment is sent again at once");
	tap_eq(net->cnt[AMT_C_TCP_FAST_RETRANSMIT], 1, "tcp_fast_retransmit counted");
	tap_eq(net->cnt[AMT_C_TCP_RETRANSMIT], 0, "no RTO needed");
	got = 0;
	tap_ok(take(&cl, got_buf, &got, sizeof(got_buf)) && got == 14000,
	       "the go-back-N resend delivers all 14000 bytes and FIN in order");
}

/*
 * Regression: after a go-back-N rewind (fast retransmit or RTO), an ACK of
 * data the first flight carried lies beyond snd_nxt. It was taken for an
 * ACK of data never sent (tcp_bad_ack): dropped, answered with an ACK, and
 * the whole window sent again.
 */
static void test_ack_after_rewind(void)
{
	struct client cl;
	uint32_t start;
	int i;
	const char *cmd = "SEND 14000\n";

	setup(BULK_PORT);
	open_bulk(&cl, 40005, 65535);
	cl_send(net, &cl, F_ACK | F_PSH, cmd, strlen(cmd));
	start = cl.rcv_nxt;
	room = 1500;	/* the transmit path takes one frame: the resend stalls */
	cap_reset();
	for (i = 0; i < 3; i++)
		cl_send(net, &cl, F_ACK, NULL, 0);
	tap_eq(net->cnt[AMT_C_TCP_FAST_RETRANSMIT], 1, "rewound by three duplicate ACKs");
	tap_eq(cap.n, 1, "one segment resent before the transmit path is full");
	room = (size_t)-1;
	/* the first flight arrived after all: everything and the FIN acked */
	cl.rcv_nxt = start + 14000 + 1;
	cap_reset();
	cl_send(net, &cl, F_ACK, NULL, 0);
	tap_eq(net->cnt[AMT_C_TCP_BAD_ACK], 0, "the ACK of the first flight is valid");
	tap_eq(cap.n, 0, "nothing sent again");
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	tap_eq(amt_net_active_conns(net), 0, "the FIN counts as acked: closed on the peer's FIN");
	tap_eq(net->cnt[AMT_C_BULK_DONE], 1, "transfer done");
}

/* amt_net's push callback: counts the doorbells csme-sim would ring */
static unsigned int pushes;

static void count_push(void *ctx)
{
	(void)ctx;
	pushes++;
}

/*
 * Within one ring drain (amt_net_rx_batch_begin/end), in-order data is
 * acknowledged once at the end, or when half the receive buffer is
 * unacknowledged (that ACK is pushed at once); out of order data and a FIN
 * still get their ACK at once.
 */
static void test_batched_ack(void)
{
	static uint8_t data[1400];
	const uint32_t half = AMT_BULK_RCV_WND / 2;
	/* the second batch: half a window and one segment more */
	const uint32_t n2 = (half + 1399) / 1400 + 1, n = 4 + n2;
	struct client cl;
	uint32_t base, i;
	char cmd[32];
	int acks;

	memset(data, 0x5a, sizeof(data));
	setup(BULK_PORT);
	net->tx_push = count_push;
	pushes = 0;
	open_bulk(&cl, 40010, 65535);
	snprintf(cmd, sizeof(cmd), "RECV %u\n", (n + 4) * 1400);
	cl_send(net, &cl, F_ACK | F_PSH, cmd, strlen(cmd));
	base = cl.snd_nxt;

	cap_reset();
	amt_net_rx_batch_begin(net);
	for (i = 0; i < 4; i++)
		cl_send(net, &cl, F_ACK, data, sizeof(data));
	tap_eq(cap.n, 0, "batch: no ACK for in-order data before the batch ends");
	amt_net_rx_batch_end(net);
	tap_ok(cap.n == 1 && parse_reply(0).ack == base + 4 * 1400 && !parse_reply(0).dlen,
	       "batch end: one ACK covers the 4 segments");
	tap_eq(pushes, 0, "batch end: nothing pushed (the caller rings after a batch)");

	cap_reset();
	amt_net_rx_batch_begin(net);
	for (i = 0; i < n2; i++)
		cl_send(net, &cl, F_ACK, data, sizeof(data));
	acks = cap.n;
	tap_ok(acks == 1 && parse_reply(0).ack - (base + 4 * 1400) >= half &&
	       parse_reply(0).ack - (base + 4 * 1400) < half + 1400,
	       "batch: ACK once half the window (%u bytes) is unacknowledged", half);
	tap_eq(pushes, 1, "batch: that ACK is pushed out before the batch ends");
	amt_net_rx_batch_end(net);
	tap_ok(cap.n == 2 && parse_reply(1).ack == base + n * 1400,
	       "batch end: the rest acknowledged");

	cap_reset();
	amt_net_rx_batch_begin(net);
	cl.snd_nxt += 1400;			/* a hole */
	cl_send(net, &cl, F_ACK, data, sizeof(data));
	tap_ok(cap.n == 1 && parse_reply(0).ack == base + n * 1400,
	       "batch: out-of-order data gets its duplicate ACK at once");
	cl.snd_nxt -= 2 * 1400;
	cap_reset();
	cl_send(net, &cl, F_ACK, data, sizeof(data));
	cl_send(net, &cl, F_ACK, data, sizeof(data));
	tap_eq(cap.n, 0, "batch: the hole filled in order, ACK deferred");
	cl_send(net, &cl, F_ACK | F_FIN, data, sizeof(data));
	tap_ok(cap.n >= 1 && parse_reply(0).ack == base + (n + 3) * 1400 + 1,
	       "batch: a FIN is acknowledged at once");
	amt_net_rx_batch_end(net);
	tap_ok(net->conns[0].rcv_acked == net->conns[0].rcv_nxt, "nothing owed after the batch");
	net->tx_push = NULL;
}

int main(void)
{
	tap_start();
	net = calloc(1, sizeof(*net));
	test_off_by_default();
	test_send();
	test_recv();
	test_bad_command();
	test_back_pressure();
	test_fast_retransmit();
	test_ack_after_rewind();
	test_batched_ack();
	amt_net_destroy(net);
	free(net);
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: csme-sim network engine, sequences of frames.
 *
 * Input: records of [op u8][len u16 BE][len bytes]. op & 3:
 *   0 - amt_net_input(frame) as is
 *   1 - amt_net_learn_dhcp(frame)
 *   2 - amt_net_tick(now += len * 16 ms), no bytes follow
 *   3 - "smart" input: if the frame is IPv4/TCP, the harness overwrites the
 *       destination MAC/IP with ours, (op & 4) sets seq/ack from the last
 *       segment the engine sent, and the IPv4 and TCP checksums are fixed,
 *       so the fuzzer gets past validation into the TCP/HTTP state machine;
 *       (op & 8) also sets the destination port to the bulk service's,
 *       else (op & 16) to the echo service's.
 * Services: the page on 16992, bulk on BULK_PORT, and an echo service on
 * ECHO_PORT that consumes half of what it is offered (rounded up) and
 * writes it back, closes on 'Q', aborts on '!' and in writable on '#'.
 * Every open() must be matched by exactly one closed().
 * op >> 5 sets the room the transmit path reports from then on (0 .. 6 x
 * 300 bytes, 7 = unlimited), so segments wait for room and go out on the
 * ticks and segments that follow.
 * Each frame is fed from an exact-size heap copy. Every emitted frame is
 * checked: sane length, our source MAC, valid IPv4 and TCP checksums,
 * payload <= MSS.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "amt_net.h"
#include "amt_bulk.h"
#include "page_svc.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static const uint8_t our_mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
#define OUR_IP 0xc0a80132u

#define BULK_PORT 16999
#define ECHO_PORT 16994

static struct amt_net net;
static uint32_t last_seq, last_ack;
static size_t room;

static unsigned int echo_opens, echo_closes;
static uint8_t echo_live[AMT_NET_MAX_CONNS];

static int echo_open(void *svc, struct amt_conn *c)
{
	uint8_t *live = &echo_live[c - net.conns];

	(void)svc;
	CHECK(!*live);
	*live = 1;
	amt_conn_set_priv(c, live);
	echo_opens++;
	return 0;
}

static size_t echo_rx(void *svc, struct amt_conn *c, const uint8_t *data, size_t len)
{
	size_t take = (len + 1) / 2, n;

	(void)svc;
	CHECK(len && len <= AMT_CONN_RX_BUF);
	if (memchr(data, '!', take)) {
		amt_conn_abort(c);
		return 0;
	}
	n = amt_conn_write(c, data, take);
	CHECK(n <= take && amt_conn_tx_pending(c) <= AMT_CONN_TX_BUF);
	if (memchr(data, 'Q', n))
		amt_conn_close(c);
	return n;
}

static void echo_writable(void *svc, struct amt_conn *c)
{
	(void)svc;
	if (amt_conn_rx_pending(c) == 35)
		amt_conn_abort(c);
}

static void echo_peer_fin(void *svc, struct amt_conn *c)
{
	(void)svc;
	amt_conn_close(c);
}

static void echo_closed(void *svc, struct amt_conn *c)
{
	uint8_t *live = amt_conn_priv(c);

	(void)svc;
	CHECK(live && *live);
	*live = 0;
	echo_closes++;
}

static const struct amt_svc_ops echo_ops = {
	.name = "echo",
	.open = echo_open,
	.rx = echo_rx,
	.peer_fin = echo_peer_fin,
	.writable = echo_writable,
	.closed = echo_closed,
};

static size_t tx_room(void *ctx)
{
	(void)ctx;
	return room;
}

static unsigned int r16(const uint8_t *p) { return (unsigned int)p[0] << 8 | p[1]; }
static uint32_t r32(const uint8_t *p) { return (uint32_t)r16(p) << 16 | r16(p + 2); }
static void w16(uint8_t *p, unsigned int v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void w32(uint8_t *p, uint32_t v) { w16(p, v >> 16); w16(p + 2, v & 0xffff); }

static uint16_t sum16(uint32_t acc, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		acc += r16(p + i);
	if (n & 1)
		acc += (uint32_t)p[n - 1] << 8;
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (uint16_t)~acc;
}

static uint32_t pseudo(const uint8_t *ip, size_t tl)
{
	return r16(ip + 12) + r16(ip + 14) + r16(ip + 16) + r16(ip + 18) + 6 + (uint32_t)tl;
}

static void tx(void *ctx, const uint8_t *f, size_t len)
{
	const uint8_t *ip = f + 14, *th;
	size_t ihl, tot, thl;

	(void)ctx;
	CHECK(len >= 14 && len <= AMT_NET_FRAME_MAX);
	CHECK(!memcmp(f + 6, net.mac, 6));
	if (r16(f + 12) == 0x0806) {
		CHECK(len == 42);
		return;
	}
	CHECK(r16(f + 12) == 0x0800 && len >= 54);
	ihl = (size_t)(ip[0] & 15) * 4;
	tot = r16(ip + 2);
	CHECK(ip[0] == 0x45 && tot + 14 == len && sum16(0, ip, ihl) == 0 && ip[9] == 6);
	th = ip + 20;
	thl = (size_t)(th[12] >> 4) * 4;
	CHECK(thl >= 20 && thl <= tot - 20);
	CHECK(sum16(pseudo(ip, tot - 20), th, tot - 20) == 0);
	CHECK(tot - 20 - thl <= AMT_NET_MSS_MAX);
	last_seq = r32(th + 4) + (uint32_t)(tot - 20 - thl) + !!(th[13] & 3);
	last_ack = r32(th + 8);
}

static void smart_fix(uint8_t *f, size_t len, int seqack, int bulk, int echo)
{
	uint8_t *ip = f + 14, *th;
	size_t ihl, tot;

	if (len < 14 + 20 + 20)
		return;
	memcpy(f, net.mac, 6);
	w16(f + 12, 0x0800);
	ip[0] = 0x45;
	ihl = 20;
	tot = len - 14;
	w16(ip + 2, (unsigned int)tot);
	w16(ip + 6, 0);
	ip[9] = 6;
	w32(ip + 16, net.ip);
	if (r32(ip + 12) == 0 || r32(ip + 12) == net.ip)
		w32(ip + 12, 0xc0a8010a);
	w16(ip + 10, 0);
	w16(ip + 10, sum16(0, ip, ihl));
	th = ip + ihl;
	if (bulk)
		w16(th + 2, BULK_PORT);
	else if (echo)
		w16(th + 2, ECHO_PORT);
	if (seqack) {
		w32(th + 4, last_ack);
		w32(th + 8, last_seq);
	}
	if ((size_t)(th[12] >> 4) * 4 > tot - ihl)
		th[12] = 0x50;
	w16(th + 16, 0);
	w16(th + 16, sum16(pseudo(ip, tot - ihl), th, tot - ihl));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t now = 0;
	size_t pos = 0;

	amt_net_init(&net, tx, NULL, 1234);
	amt_net_set_addr(&net, our_mac, OUR_IP);
	CHECK(!page_svc_listen(&net, AMT_NET_PORT_HTTP));
	CHECK(!amt_bulk_listen(&net, BULK_PORT));
	CHECK(!amt_net_listen(&net, ECHO_PORT, &echo_ops, NULL));
	CHECK(amt_net_listen(&net, ECHO_PORT, &echo_ops, NULL) == -EEXIST);
	echo_opens = echo_closes = 0;
	net.tx_room = tx_room;
	room = (size_t)-1;
	last_seq = last_ack = 0;

	while (pos + 3 <= size) {
		unsigned int op = data[pos];
		size_t len = r16(data + pos + 1);
		uint8_t *f;

		pos += 3;
		room = (op >> 5) == 7 ? (size_t)-1 : (op >> 5) * 300u;
		if ((op & 3) == 2) {
			now += len * 16;
			amt_net_tick(&net, now);
			continue;
		}
		if (len > size - pos)
			len = size - pos;
		f = malloc(len ? len : 1);
		if (!f)
			return 0;
		memcpy(f, data + pos, len);
		pos += len;
		if ((op & 3) == 1) {
			int r = amt_net_learn_dhcp(&net, f, len);

			CHECK(r >= -1 && r <= 1);
			if (!net.ip)	/* released: keep the engine reachable */
				amt_net_set_addr(&net, NULL, OUR_IP);
		} else {
			if ((op & 3) == 3)
				smart_fix(f, len, op & 4, op & 8, op & 16);
			amt_net_input(&net, f, len);
		}
		free(f);
		CHECK(amt_net_active_conns(&net) <= AMT_NET_MAX_CONNS);
	}
	amt_net_destroy(&net);
	CHECK(echo_opens == echo_closes && amt_net_active_conns(&net) == 0);
	return 0;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test helpers for the csme-sim network engine: frame builders, a capture
 * tx callback and an independent checksum routine. Written separately from
 * amt_net.c on purpose (different code paths, explicit layout constants).
 */
#ifndef CSME_NET_TEST_H
#define CSME_NET_TEST_H

#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include "tap.h"
#include "amt_net.h"
#include "page_svc.h"

static const uint8_t OUR_MAC[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const uint8_t PEER_MAC[6] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
#define OUR_IP	0xc0a80132u	/* 192.168.1.50 */
#define PEER_IP	0xc0a8010au	/* 192.168.1.10 */

/* ---- capture ---- */
#define CAP_MAX 64
struct capture {
	int n;
	size_t len[CAP_MAX];
	uint8_t f[CAP_MAX][1600];
};
static struct capture cap;

static void cap_tx(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (cap.n < CAP_MAX && len <= sizeof(cap.f[0])) {
		memcpy(cap.f[cap.n], frame, len);
		cap.len[cap.n] = len;
	}
	cap.n++;
}

static inline void cap_reset(void) { cap.n = 0; }

/* ---- byte access (big endian) ---- */
static inline unsigned int rd16(const uint8_t *p) { return p[0] * 256u + p[1]; }
static inline uint32_t rd32(const uint8_t *p) { return (uint32_t)rd16(p) << 16 | rd16(p + 2); }
static inline void wr16(uint8_t *p, unsigned int v) { p[0] = v >> 8 & 0xff; p[1] = v & 0xff; }
static inline void wr32(uint8_t *p, uint32_t v) { wr16(p, v >> 16); wr16(p + 2, v & 0xffff); }

/*
 * Independent RFC 1071 checksum: 64-bit accumulator over 32-bit chunks,
 * folded at the end. Returns the value to store in the checksum field.
 */
static inline uint16_t ref_csum(uint64_t acc, const uint8_t *p, size_t n)
{
	while (n >= 4) {
		acc += rd32(p);
		p += 4;
		n -= 4;
	}
	if (n >= 2) {
		acc += (uint32_t)rd16(p) << 16;
		p += 2;
		n -= 2;
	}
	if (n)
		acc += (uint32_t)p[0] << 8;
	acc = (acc >> 32) + (acc & 0xffffffffu);
	acc = (acc >> 32) + (acc & 0xffffffffu);
	acc = (acc >> 16) + (acc & 0xffff);
	acc = (acc >> 16) + (acc & 0xffff);
	acc = (acc >> 16) + (acc & 0xffff);
	return (uint16_t)(~acc & 0xffff);
}

static inline uint64_t ref_pseudo(uint32_t s, uint32_t d, unsigned int proto, size_t len)
{
	return (uint64_t)s + d + proto + len;
}

/* ---- builders ---- */
static inline size_t b_eth(uint8_t *f, const uint8_t *dst, const uint8_t *src, unsigned int type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	wr16(f + 12, type);
	return 14;
}

/* IPv4 header (20 bytes) at f+14, payload length @plen, checksum filled. */
static inline void b_ip(uint8_t *f, uint32_t src, uint32_t dst, unsigned int proto, size_t plen)
{
	uint8_t *ip = f + 14;

	memset(ip, 0, 20);
	ip[0] = 0x45;
	wr16(ip + 2, (unsigned int)(20 + plen));
	wr16(ip + 4, 0x1234);
	ip[8] = 64;
	ip[9] = (uint8_t)proto;
	wr32(ip + 12, src);
	wr32(ip + 16, dst);
	wr16(ip + 10, ref_csum(0, ip, 20));
}

struct tcpseg {
	uint32_t sip, dip;
	unsigned int sport, dport;
	uint32_t seq, ack;
	unsigned int flags, wnd;
	const uint8_t *opt;
	size_t optlen;		/* multiple of 4 */
	const void *data;
	size_t dlen;
};

#define F_FIN 0x01
#define F_SYN 0x02
#define F_RST 0x04
#define F_PSH 0x08
#define F_ACK 0x10

static inline size_t b_tcp(uint8_t *f, const struct tcpseg *s)
{
	uint8_t *th = f + 34;
	size_t thl = 20 + s->optlen, tl = thl + s->dlen;

	b_eth(f, OUR_MAC, PEER_MAC, 0x0800);
	b_ip(f, s->sip ? s->sip : PEER_IP, s->dip ? s->dip : OUR_IP, 6, tl);
	memset(th, 0, 20);
	wr16(th, s->sport);
	wr16(th + 2, s->dport);
	wr32(th + 4, s->seq);
	wr32(th + 8, s->ack);
	th[12] = (uint8_t)(thl / 4 << 4);
	th[13] = (uint8_t)s->flags;
	wr16(th + 14, s->wnd);
	if (s->optlen)
		memcpy(th + 20, s->opt, s->optlen);
	if (s->dlen)
		memcpy(th + thl, s->data, s->dlen);
	wr16(th + 16, ref_csum(ref_pseudo(rd32(f + 26), rd32(f + 30), 6, tl), th, tl));
	return 34 + tl;
}

static inline size_t b_arp(uint8_t *f, unsigned int op, const uint8_t *sha, uint32_t spa,
			   const uint8_t *tha, uint32_t tpa)
{
	static const uint8_t bc[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t *a = f + 14;

	b_eth(f, op == 1 ? bc : OUR_MAC, sha, 0x0806);
	wr16(a, 1);
	wr16(a + 2, 0x0800);
	a[4] = 6;
	a[5] = 4;
	wr16(a + 6, op);
	memcpy(a + 8, sha, 6);
	wr32(a + 14, spa);
	memcpy(a + 18, tha, 6);
	wr32(a + 24, tpa);
	return 42;
}

/* Feed a frame from an exactly-sized heap copy (ASan catches over-reads). */
static inline void feed(struct amt_net *net, const uint8_t *f, size_t len)
{
	uint8_t *h = malloc(len ? len : 1);

	memcpy(h, f, len);
	amt_net_input(net, h, len);
	free(h);
}

/* ---- parsed reply ---- */
struct reply {
	int ok;				/* Ethernet/IPv4/TCP with valid checksums */
	uint32_t sip, dip;
	unsigned int sport, dport, flags, wnd, mss, ttl, doff;
	uint32_t seq, ack;
	const uint8_t *data;
	size_t dlen;
};

static inline struct reply parse_reply(int idx)
{
	struct reply r;
	const uint8_t *f = cap.f[idx], *ip = f + 14, *th;
	size_t len = cap.len[idx], tot, tl;

	memset(&r, 0, sizeof(r));
	if (idx >= cap.n || len < 54 || rd16(f + 12) != 0x0800 || ip[0] != 0x45)
		return r;
	if (memcmp(f, PEER_MAC, 6) || memcmp(f + 6, OUR_MAC, 6))
		return r;
	tot = rd16(ip + 2);
	if (tot + 14 != len || ip[9] != 6 || ref_csum(0, ip, 20) != 0)
		return r;
	th = ip + 20;
	tl = tot - 20;
	r.doff = (th[12] >> 4) * 4u;
	if (r.doff < 20 || r.doff > tl)
		return r;
	r.sip = rd32(ip + 12);
	r.dip = rd32(ip + 16);
	r.ttl = ip[8];
	if (ref_csum(ref_pseudo(r.sip, r.dip, 6, tl), th, tl) != 0)
		return r;
	r.sport = rd16(th);
	r.dport = rd16(th + 2);
	r.seq = rd32(th + 4);
	r.ack = rd32(th + 8);
	r.flags = th[13];
	r.wnd = rd16(th + 14);
	if (r.doff >= 24 && th[20] == 2 && th[21] == 4)
		r.mss = rd16(th + 22);
	r.data = th + r.doff;
	r.dlen = tl - r.doff;
	r.ok = 1;
	return r;
}

/* ---- a scripted client ---- */
struct client {
	unsigned int port, dport;
	uint32_t snd_nxt;	/* our next sequence */
	uint32_t rcv_nxt;	/* next expected from the server */
	unsigned int wnd;
};

static inline void cl_send(struct amt_net *net, struct client *c, unsigned int flags,
			   const void *data, size_t len)
{
	uint8_t f[2000];
	static const uint8_t mss1460[4] = { 2, 4, 0x05, 0xb4 };
	struct tcpseg s = {
		.sport = c->port, .dport = c->dport ? c->dport : 16992,
		.seq = c->snd_nxt, .ack = (flags & F_ACK) ? c->rcv_nxt : 0,
		.flags = flags, .wnd = c->wnd ? c->wnd : 65535,
		.data = data, .dlen = len,
	};

	if (flags & F_SYN) {
		s.opt = mss1460;
		s.optlen = 4;
	}
	feed(net, f, b_tcp(f, &s));
	c->snd_nxt += (uint32_t)len + !!(flags & F_SYN) + !!(flags & F_FIN);
}

/* (Re)start @net (its earlier connections are ended) with the page on 16992. */
static inline void net_setup(struct amt_net *net, uint64_t seed)
{
	amt_net_destroy(net);
	amt_net_init(net, cap_tx, NULL, seed);
	amt_net_set_addr(net, OUR_MAC, OUR_IP);
	page_svc_listen(net, 16992);
	page_set_status("ready");
	cap_reset();
}

#endif

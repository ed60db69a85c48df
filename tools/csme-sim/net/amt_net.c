// SPDX-License-Identifier: GPL-2.0
/*
 * amt_net - minimal network engine for csme-sim: Ethernet, ARP, IPv4 and a
 * server-side TCP carrying byte streams for the services of amt_svc.h.
 * See amt_net.h and docs/csme-sim-net.md.
 *
 * All multi-byte wire fields are accessed byte-wise (no struct overlays), so
 * the code is alignment- and endian-independent.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "amt_net.h"

#define ETH_HLEN	14
#define ETYPE_IPV4	0x0800
#define ETYPE_ARP	0x0806
#define IP_TCP		6
#define IP_UDP		17
#define IP_ICMP		1

#define TH_FIN	0x01
#define TH_SYN	0x02
#define TH_RST	0x04
#define TH_PSH	0x08
#define TH_ACK	0x10

#define OUR_TTL		64
#define DEFAULT_MSS	536	/* RFC 879/9293 default when no option */

static const char *const counter_names[AMT_C__COUNT] = {
	[AMT_C_RX_FRAMES] = "rx_frames",
	[AMT_C_TX_FRAMES] = "tx_frames",
	[AMT_C_DROP_RUNT] = "drop_runt",
	[AMT_C_DROP_ETHERTYPE] = "drop_ethertype",
	[AMT_C_DROP_NOT_OUR_MAC] = "drop_not_our_mac",
	[AMT_C_DROP_NO_ADDR] = "drop_no_addr",
	[AMT_C_ARP_MALFORMED] = "arp_malformed",
	[AMT_C_ARP_IGNORED] = "arp_ignored",
	[AMT_C_ARP_REPLIED] = "arp_replied",
	[AMT_C_IP_TRUNC] = "ip_trunc",
	[AMT_C_IP_BAD_HDR] = "ip_bad_hdr",
	[AMT_C_IP_BAD_CSUM] = "ip_bad_csum",
	[AMT_C_IP_FRAGMENT] = "ip_fragment",
	[AMT_C_IP_NOT_OURS] = "ip_not_ours",
	[AMT_C_IP_BAD_SRC] = "ip_bad_src",
	[AMT_C_IP_PROTO_OTHER] = "ip_proto_other",
	[AMT_C_ICMP_IGNORED] = "icmp_ignored",
	[AMT_C_TCP_TRUNC] = "tcp_trunc",
	[AMT_C_TCP_BAD_CSUM] = "tcp_bad_csum",
	[AMT_C_TCP_BAD_FLAGS] = "tcp_bad_flags",
	[AMT_C_TCP_BAD_OPT] = "tcp_bad_opt",
	[AMT_C_TCP_CLOSED_PORT] = "tcp_closed_port",
	[AMT_C_TCP_NO_CONN] = "tcp_no_conn",
	[AMT_C_TCP_TABLE_FULL] = "tcp_table_full",
	[AMT_C_TCP_RST_SENT] = "tcp_rst_sent",
	[AMT_C_TCP_RST_RCVD] = "tcp_rst_rcvd",
	[AMT_C_TCP_RST_IGNORED] = "tcp_rst_ignored",
	[AMT_C_TCP_NO_ACK] = "tcp_no_ack",
	[AMT_C_TCP_BAD_ACK] = "tcp_bad_ack",
	[AMT_C_TCP_DUP_SYN] = "tcp_dup_syn",
	[AMT_C_TCP_DUP_DATA] = "tcp_dup_data",
	[AMT_C_TCP_OUT_OF_ORDER] = "tcp_out_of_order",
	[AMT_C_TCP_RX_OVERFLOW] = "tcp_rx_overflow",
	[AMT_C_TCP_OPENED] = "tcp_opened",
	[AMT_C_TCP_ESTABLISHED] = "tcp_established",
	[AMT_C_TCP_CLOSED] = "tcp_closed",
	[AMT_C_TCP_TIMEOUT] = "tcp_timeout",
	[AMT_C_TCP_RETRANSMIT] = "tcp_retransmit",
	[AMT_C_TCP_FAST_RETRANSMIT] = "tcp_fast_retransmit",
	[AMT_C_TCP_TX_BLOCKED] = "tcp_tx_blocked",
	[AMT_C_TCP_REFUSED] = "tcp_refused",
	[AMT_C_TCP_ABORTED] = "tcp_aborted",
	[AMT_C_TCP_WND_UPDATE] = "tcp_wnd_update",
	[AMT_C_BULK_SEND] = "bulk_send",
	[AMT_C_BULK_RECV] = "bulk_recv",
	[AMT_C_BULK_DONE] = "bulk_done",
	[AMT_C_BULK_BAD_CMD] = "bulk_bad_cmd",
	[AMT_C_DHCP_LEARNED] = "dhcp_learned",
	[AMT_C_DHCP_RELEASED] = "dhcp_released",
	[AMT_C_DHCP_IGNORED] = "dhcp_ignored",
	[AMT_C_DHCP_MALFORMED] = "dhcp_malformed",
};

const char *amt_net_counter_name(enum amt_net_counter c)
{
	if ((unsigned int)c >= AMT_C__COUNT || !counter_names[c])
		return "?";
	return counter_names[c];
}

/* ---- byte helpers ---------------------------------------------------- */

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)((p[0] << 8) | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
	       ((uint32_t)p[2] << 8) | p[3];
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/*
 * Unfolded ones-complement sum of big-endian 16-bit words. The bulk is
 * summed 32 bits at a time in host order and folded: a ones-complement sum
 * of byte-swapped words is the byte-swapped sum (RFC 1071, 2.B).
 */
static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len)
{
	uint64_t acc = 0;
	uint32_t w;
	size_t i;

	for (i = 0; i + 4 <= len; i += 4) {
		memcpy(&w, p + i, sizeof(w));
		acc += w;
	}
	acc = (acc & 0xffffffff) + (acc >> 32);
	acc = (acc & 0xffffffff) + (acc >> 32);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	acc = ((acc & 0xff) << 8) | (acc >> 8);
#endif
	sum += (uint32_t)acc;
	for (; i + 1 < len; i += 2)
		sum += get16(p + i);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static uint32_t pseudo_sum(uint32_t src, uint32_t dst, uint8_t proto, size_t len)
{
	return (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) +
	       proto + (uint32_t)len;
}

/* Sequence-space comparisons (RFC 1982 style). */
static int seq_lt(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }
static int seq_gt(uint32_t a, uint32_t b) { return (int32_t)(a - b) > 0; }

static size_t min_sz(size_t a, size_t b) { return a < b ? a : b; }

static void inc(struct amt_net *net, enum amt_net_counter c)
{
	net->cnt[c]++;
}

static uint32_t next_isn(struct amt_net *net)
{
	uint64_t x = net->isn_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	net->isn_state = x;
	return (uint32_t)((x * 0x2545F4914F6CDD1DULL) >> 32);
}

/* ---- setup ----------------------------------------------------------- */

void amt_net_init(struct amt_net *net, amt_net_tx_fn tx, void *ctx, uint64_t isn_seed)
{
	memset(net, 0, sizeof(*net));
	net->tx = tx;
	net->tx_ctx = ctx;
	net->isn_state = isn_seed ? isn_seed : 0x9E3779B97F4A7C15ULL;
	net->idle_timeout_ms = 30000;
	net->rto_ms = 1000;
	net->max_retries = 5;
}

void amt_net_set_addr(struct amt_net *net, const uint8_t mac[6], uint32_t ip)
{
	if (mac)
		memcpy(net->mac, mac, 6);
	net->ip = ip;
}

unsigned int amt_net_active_conns(const struct amt_net *net)
{
	unsigned int i, n = 0;

	for (i = 0; i < AMT_NET_MAX_CONNS; i++)
		n += net->conns[i].state != AMT_TCP_FREE;
	return n;
}

static int mac_is_zero(const uint8_t *m)
{
	return !(m[0] | m[1] | m[2] | m[3] | m[4] | m[5]);
}

static void emit(struct amt_net *net, size_t len)
{
	inc(net, AMT_C_TX_FRAMES);
	if (net->tx)
		net->tx(net->tx_ctx, net->txbuf, len);
}

/* ---- ARP --------------------------------------------------------------- */

static void arp_input(struct amt_net *net, const uint8_t *f, size_t len)
{
	const uint8_t *a = f + ETH_HLEN;
	uint8_t *o = net->txbuf;

	if (len < ETH_HLEN + 28 || get16(a) != 1 || get16(a + 2) != ETYPE_IPV4 ||
	    a[4] != 6 || a[5] != 4) {
		inc(net, AMT_C_ARP_MALFORMED);
		return;
	}
	if (get16(a + 6) != 1 || get32(a + 24) != net->ip || (a[8] & 1)) {
		inc(net, AMT_C_ARP_IGNORED);
		return;
	}
	/* Ethernet: to the requester's hardware address */
	memcpy(o, a + 8, 6);
	memcpy(o + 6, net->mac, 6);
	put16(o + 12, ETYPE_ARP);
	o += ETH_HLEN;
	put16(o, 1);
	put16(o + 2, ETYPE_IPV4);
	o[4] = 6;
	o[5] = 4;
	put16(o + 6, 2);
	memcpy(o + 8, net->mac, 6);
	put32(o + 14, net->ip);
	memcpy(o + 18, a + 8, 10);	/* target = requester sha + spa */
	inc(net, AMT_C_ARP_REPLIED);
	emit(net, ETH_HLEN + 28);
}

/* ---- connection buffers ------------------------------------------------ */

/* Our receive window: the free space of the receive buffer. */
static uint32_t conn_rcv_wnd(const struct amt_conn *c)
{
	return c->rx ? c->rx_size - c->rx_len : 0;
}

/* Copy transmit ring bytes [off, off + n) (counted from snd_una) to @dst. */
static void tx_copy_out(const struct amt_conn *c, uint32_t off, uint8_t *dst, size_t n)
{
	uint32_t pos = (c->tx_head + off) % AMT_CONN_TX_BUF;
	size_t first = min_sz(n, AMT_CONN_TX_BUF - pos);

	memcpy(dst, c->tx + pos, first);
	if (n > first)
		memcpy(dst + first, c->tx, n - first);
}

/* Drop the acknowledged prefix of the transmit ring. */
static void tx_free(struct amt_conn *c, uint32_t n)
{
	c->tx_head = (c->tx_head + n) % AMT_CONN_TX_BUF;
	c->tx_len -= n;
	if (!c->tx_len)
		c->tx_head = 0;
}

/* ---- TCP output -------------------------------------------------------- */

/* Where tcp_emit() puts the payload of a segment without options: a
 * caller may build it there itself, sparing a copy.
 */
static uint8_t *tcp_payload_slot(struct amt_net *net)
{
	return net->txbuf + ETH_HLEN + 20 + 20;
}

/*
 * Build and emit one IPv4/TCP segment. @opt_mss != 0 adds an MSS option.
 * @payload may be NULL when plen == 0, or tcp_payload_slot() when the
 * caller put it there.
 */
static void tcp_emit(struct amt_net *net, const uint8_t *dmac, uint32_t dip,
		     uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack,
		     uint8_t flags, uint16_t wnd, uint16_t opt_mss,
		     const void *payload, size_t plen)
{
	uint8_t *o = net->txbuf, *ip = o + ETH_HLEN, *th = ip + 20;
	size_t thl = opt_mss ? 24 : 20;
	size_t tlen = thl + plen;
	uint32_t sum;

	memcpy(o, dmac, 6);
	memcpy(o + 6, net->mac, 6);
	put16(o + 12, ETYPE_IPV4);

	ip[0] = 0x45;
	ip[1] = 0;
	put16(ip + 2, (uint16_t)(20 + tlen));
	put16(ip + 4, 0);		/* ID: DF set, atomic datagram */
	put16(ip + 6, 0x4000);
	ip[8] = OUR_TTL;
	ip[9] = IP_TCP;
	put16(ip + 10, 0);
	put32(ip + 12, net->ip);
	put32(ip + 16, dip);
	put16(ip + 10, csum_fold(csum_add(0, ip, 20)));

	put16(th, sport);
	put16(th + 2, dport);
	put32(th + 4, seq);
	put32(th + 8, ack);
	th[12] = (uint8_t)((thl / 4) << 4);
	th[13] = flags;
	put16(th + 14, wnd);
	put16(th + 16, 0);
	put16(th + 18, 0);
	if (opt_mss) {
		th[20] = 2;
		th[21] = 4;
		put16(th + 22, opt_mss);
	}
	if (plen && payload != th + thl)
		memcpy(th + thl, payload, plen);
	sum = pseudo_sum(net->ip, dip, IP_TCP, tlen);
	put16(th + 16, csum_fold(csum_add(sum, th, tlen)));
	if (flags & TH_RST)
		inc(net, AMT_C_TCP_RST_SENT);
	emit(net, ETH_HLEN + 20 + tlen);
}

static void conn_send(struct amt_net *net, struct amt_conn *c, uint32_t seq,
		      uint8_t flags, const void *data, size_t len)
{
	uint32_t wnd = conn_rcv_wnd(c);

	if (wnd > 0xffff)
		wnd = 0xffff;
	tcp_emit(net, c->peer_mac, c->peer_ip, c->local_port, c->peer_port, seq,
		 c->rcv_nxt, flags, (uint16_t)wnd,
		 (flags & TH_SYN) ? AMT_NET_MSS_MAX : 0, data, len);
	c->rcv_adv = wnd;
	c->rcv_acked = c->rcv_nxt;
	c->last_tx_ms = net->now_ms;
}

static void conn_send_ack(struct amt_net *net, struct amt_conn *c)
{
	conn_send(net, c, c->snd_nxt, TH_ACK, NULL, 0);
}

/* In-order data was taken: acknowledge it now, or at the end of the batch
 * (amt_net_rx_batch_end() sends what rcv_acked says is owed). Half a
 * window into a batch the peer is waiting for room: push its ACK out now.
 */
static void conn_ack_data(struct amt_net *net, struct amt_conn *c)
{
	if (!net->rx_batch) {
		conn_send_ack(net, c);
	} else if (c->rcv_nxt - c->rcv_acked >= c->rx_size / 2) {
		conn_send_ack(net, c);
		if (net->tx_push)
			net->tx_push(net->tx_ctx);
	}
}

/*
 * The connection is over: tell the service (once: the state is FREE before
 * closed() runs, so nothing it calls can end it again) and free the
 * buffers. The receive buffer of a connection ended from inside its rx
 * callback is freed by conn_deliver() once the callback returns.
 */
static void conn_end(struct amt_net *net, struct amt_conn *c)
{
	if (c->state == AMT_TCP_FREE)
		return;
	c->state = AMT_TCP_FREE;
	if (c->ops && c->ops->closed) {
		net->cb_depth++;
		c->ops->closed(c->svc, c);
		net->cb_depth--;
	}
	free(c->tx);
	c->tx = NULL;
	c->tx_len = 0;
	if (!c->in_rx) {
		free(c->rx);
		c->rx = NULL;
	}
	c->rx_len = 0;
	c->ops = NULL;
}

/* Room in the transmit path for a segment carrying @plen bytes; if there is
 * none, remember how much the segment needs (amt_net_tx_retry()).
 */
static int tx_has_room(struct amt_net *net, size_t plen)
{
	size_t need = ETH_HLEN + 20 + 20 + plen;

	if (!net->tx_room || net->tx_room(net->tx_ctx) >= need)
		return 1;
	inc(net, AMT_C_TCP_TX_BLOCKED);
	if (!net->tx_wait_room || need < net->tx_wait_room)
		net->tx_wait_room = need;
	return 0;
}

static void conn_sent(struct amt_conn *c, uint32_t n, int fin)
{
	c->snd_nxt += n;
	if (fin) {
		c->snd_nxt++;
		c->fin_sent = 1;
	}
	if (seq_gt(c->snd_nxt, c->snd_max))
		c->snd_max = c->snd_nxt;
}

/*
 * Send as much of the transmit buffer as the peer's window and MSS allow,
 * then our FIN once everything queued before amt_conn_close() is out (on the
 * last data segment when it fits). Returns 1 if at least one segment left.
 */
static int conn_output(struct amt_net *net, struct amt_conn *c)
{
	uint8_t *seg = tcp_payload_slot(net);
	int sent = 0;

	if (c->state != AMT_TCP_ESTABLISHED || c->fin_sent)
		return 0;
	for (;;) {
		uint32_t off = c->snd_nxt - c->snd_una;
		size_t rem = c->tx_len - off;
		size_t usable = c->snd_wnd > off ? c->snd_wnd - off : 0;
		size_t n = min_sz(min_sz(rem, usable), c->mss);
		uint8_t fl = TH_ACK;

		if (n == 0)
			break;
		if (!tx_has_room(net, n))
			return sent;
		if (n == rem) {
			fl |= TH_PSH;
			if (c->closing)
				fl |= TH_FIN;
		}
		tx_copy_out(c, off, seg, n);
		conn_send(net, c, c->snd_nxt, fl, seg, n);
		conn_sent(c, (uint32_t)n, fl & TH_FIN);
		sent = 1;
		if (fl & TH_FIN)
			return 1;
	}
	if (!c->closing || c->snd_nxt - c->snd_una < c->tx_len)
		return sent;	/* nothing to close, or window-limited */
	if (!tx_has_room(net, 0))
		return sent;
	/* nothing (left) to send: bare FIN (takes no window space) */
	conn_send(net, c, c->snd_nxt, TH_ACK | TH_FIN, NULL, 0);
	conn_sent(c, 0, 1);
	return 1;
}

/* ---- the service interface (amt_svc.h) ----------------------------------- */

int amt_net_listen(struct amt_net *net, uint16_t port,
		   const struct amt_svc_ops *ops, void *svc)
{
	struct amt_listener *free_slot = NULL;
	unsigned int i;

	if (!port || !ops)
		return -EINVAL;
	for (i = 0; i < AMT_NET_MAX_LISTEN; i++) {
		struct amt_listener *l = &net->listen[i];

		if (l->port == port)
			return -EEXIST;
		if (!l->port && !free_slot)
			free_slot = l;
	}
	if (!free_slot)
		return -ENOSPC;
	free_slot->port = port;
	free_slot->ops = ops;
	free_slot->svc = svc;
	return 0;
}

static struct amt_listener *listener_find(struct amt_net *net, uint16_t port)
{
	unsigned int i;

	for (i = 0; i < AMT_NET_MAX_LISTEN; i++)
		if (port && net->listen[i].port == port)
			return &net->listen[i];
	return NULL;
}

int amt_net_listen_rx_buf(struct amt_net *net, uint16_t port, uint32_t size)
{
	struct amt_listener *l = listener_find(net, port);

	if (!size || size > AMT_CONN_RX_BUF_MAX)
		return -EINVAL;
	if (!l)
		return -ENOENT;
	l->rx_size = size;
	return 0;
}

size_t amt_conn_write(struct amt_conn *c, const void *data, size_t len)
{
	uint32_t pos;
	size_t n, first;

	if (c->state == AMT_TCP_FREE || c->closing || !c->tx)
		return 0;
	n = min_sz(len, AMT_CONN_TX_BUF - c->tx_len);
	if (!n)
		return 0;
	pos = (c->tx_head + c->tx_len) % AMT_CONN_TX_BUF;
	first = min_sz(n, AMT_CONN_TX_BUF - pos);
	memcpy(c->tx + pos, data, first);
	if (n > first)
		memcpy(c->tx, (const uint8_t *)data + first, n - first);
	c->tx_len += (uint32_t)n;
	/* from a callback, the engine sends once the callback returned */
	if (!c->net->cb_depth)
		conn_output(c->net, c);
	return n;
}

size_t amt_conn_tx_room(const struct amt_conn *c)
{
	if (c->state == AMT_TCP_FREE || c->closing || !c->tx)
		return 0;
	return AMT_CONN_TX_BUF - c->tx_len;
}

size_t amt_conn_tx_pending(const struct amt_conn *c)
{
	return c->state == AMT_TCP_FREE ? 0 : c->tx_len;
}

size_t amt_conn_rx_pending(const struct amt_conn *c)
{
	return c->state == AMT_TCP_FREE ? 0 : c->rx_len;
}

void amt_conn_close(struct amt_conn *c)
{
	if (c->state == AMT_TCP_FREE || c->closing)
		return;
	c->closing = 1;
	if (!c->net->cb_depth)
		conn_output(c->net, c);
}

void amt_conn_abort(struct amt_conn *c)
{
	struct amt_net *net = c->net;

	if (c->state == AMT_TCP_FREE)
		return;
	conn_send(net, c, c->snd_nxt, TH_RST | TH_ACK, NULL, 0);
	inc(net, AMT_C_TCP_ABORTED);
	conn_end(net, c);
}

void amt_conn_set_idle_timeout(struct amt_conn *c, uint32_t ms)
{
	c->idle_ms = ms;
}

void amt_conn_set_priv(struct amt_conn *c, void *priv)
{
	c->priv = priv;
}

void *amt_conn_priv(const struct amt_conn *c)
{
	return c->priv;
}

uint32_t amt_conn_peer_ip(const struct amt_conn *c)
{
	return c->peer_ip;
}

uint16_t amt_conn_peer_port(const struct amt_conn *c)
{
	return c->peer_port;
}

uint64_t amt_conn_now_ms(const struct amt_conn *c)
{
	return c->net->now_ms;
}

struct amt_net *amt_conn_net(const struct amt_conn *c)
{
	return c->net;
}

/*
 * Offer the unconsumed received bytes to the service. Returns 0 when the
 * service ended the connection from its callback.
 */
static int conn_deliver(struct amt_net *net, struct amt_conn *c)
{
	size_t used;

	if (!c->rx_len)
		return 1;
	if (!c->ops->rx) {
		c->rx_len = 0;
		return 1;
	}
	c->in_rx = 1;
	net->cb_depth++;
	used = c->ops->rx(c->svc, c, c->rx, c->rx_len);
	net->cb_depth--;
	c->in_rx = 0;
	if (c->state == AMT_TCP_FREE) {
		free(c->rx);
		c->rx = NULL;
		return 0;
	}
	if (used > c->rx_len)
		used = c->rx_len;
	if (used < c->rx_len)
		memmove(c->rx, c->rx + used, c->rx_len - used);
	c->rx_len -= (uint32_t)used;
	return 1;
}

/* The acknowledged prefix left the ring: let the service queue more. */
static int conn_writable(struct amt_net *net, struct amt_conn *c)
{
	if (c->ops->writable) {
		net->cb_depth++;
		c->ops->writable(c->svc, c);
		net->cb_depth--;
	}
	return c->state != AMT_TCP_FREE;
}

static int conn_peer_fin(struct amt_net *net, struct amt_conn *c)
{
	if (!c->ops->peer_fin) {
		c->closing = 1;
		return 1;
	}
	net->cb_depth++;
	c->ops->peer_fin(c->svc, c);
	net->cb_depth--;
	return c->state != AMT_TCP_FREE;
}

/*
 * Bytes the service left in the receive buffer are offered again (it may
 * have made room since, e.g. on its transmit side); announce a window that
 * grew by a segment or reopened from zero.
 */
static int conn_reoffer(struct amt_net *net, struct amt_conn *c)
{
	uint32_t wnd;

	if (!c->rx_len || c->state != AMT_TCP_ESTABLISHED)
		return 1;
	if (!conn_deliver(net, c))
		return 0;
	wnd = conn_rcv_wnd(c);
	if (!c->peer_fin && wnd > c->rcv_adv && (c->rcv_adv == 0 || wnd - c->rcv_adv >= c->mss)) {
		inc(net, AMT_C_TCP_WND_UPDATE);
		conn_send_ack(net, c);
	}
	return 1;
}

/* ---- TCP input --------------------------------------------------------- */

struct seg {
	const uint8_t *smac;
	uint32_t sip;
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t wnd;
	uint16_t mss;		/* 0 = no option */
	const uint8_t *data;
	size_t dlen;
};

/* RST in reply to a segment that has no connection (RFC 9293 3.10.7.1). */
static void tcp_reset(struct amt_net *net, const struct seg *s)
{
	uint32_t seg_len = (uint32_t)s->dlen + !!(s->flags & TH_SYN) + !!(s->flags & TH_FIN);

	if (s->flags & TH_RST)
		return;
	if (s->flags & TH_ACK)
		tcp_emit(net, s->smac, s->sip, s->dport, s->sport, s->ack, 0, TH_RST,
			 0, 0, NULL, 0);
	else
		tcp_emit(net, s->smac, s->sip, s->dport, s->sport, 0, s->seq + seg_len,
			 TH_RST | TH_ACK, 0, 0, NULL, 0);
}

/* TCP state from a SYN (also when the peer restarts in SYN_RCVD). */
static void conn_tcp_init(struct amt_net *net, struct amt_conn *c, const struct seg *s)
{
	c->state = AMT_TCP_SYN_RCVD;
	c->peer_fin = 0;
	c->fin_sent = 0;
	c->retries = 0;
	c->dup_acks = 0;
	memcpy(c->peer_mac, s->smac, 6);
	c->peer_ip = s->sip;
	c->peer_port = s->sport;
	c->local_port = s->dport;
	c->irs = s->seq;
	c->rcv_nxt = s->seq + 1;
	c->iss = next_isn(net);
	c->snd_una = c->iss;
	c->snd_nxt = c->iss + 1;
	c->snd_max = c->snd_nxt;
	c->snd_wnd = s->wnd;
	c->mss = s->mss ? (s->mss < AMT_NET_MSS_MAX ? s->mss : AMT_NET_MSS_MAX) : DEFAULT_MSS;
	c->last_rx_ms = net->now_ms;
}

/* A SYN for a listening port: set up the connection and its service. */
static void conn_open(struct amt_net *net, struct amt_conn *c, const struct amt_listener *l,
		      const struct seg *s)
{
	int r;

	memset(c, 0, sizeof(*c));
	c->net = net;
	c->rx_size = l->rx_size ? l->rx_size : AMT_CONN_RX_BUF;
	c->rx = malloc(c->rx_size);
	c->tx = malloc(AMT_CONN_TX_BUF);
	if (!c->rx || !c->tx)
		goto refuse;
	conn_tcp_init(net, c, s);
	c->ops = l->ops;
	c->svc = l->svc;
	if (c->ops->open) {
		net->cb_depth++;
		r = c->ops->open(c->svc, c);
		net->cb_depth--;
		if (r < 0)
			goto refuse;	/* gone without closed(): open() failed */
	}
	inc(net, AMT_C_TCP_OPENED);
	conn_send(net, c, c->iss, TH_SYN | TH_ACK, NULL, 0);
	return;

refuse:
	free(c->rx);
	free(c->tx);
	memset(c, 0, sizeof(*c));	/* state AMT_TCP_FREE */
	inc(net, AMT_C_TCP_REFUSED);
	tcp_reset(net, s);
}

static struct amt_conn *conn_find(struct amt_net *net, const struct seg *s)
{
	unsigned int i;

	for (i = 0; i < AMT_NET_MAX_CONNS; i++) {
		struct amt_conn *c = &net->conns[i];

		if (c->state != AMT_TCP_FREE && c->peer_ip == s->sip &&
		    c->peer_port == s->sport && c->local_port == s->dport)
			return c;
	}
	return NULL;
}

/* Process the ACK field of an established connection. Returns 0 to stop. */
static int conn_ack(struct amt_net *net, struct amt_conn *c, const struct seg *s, int fin)
{
	uint32_t acked;

	if (seq_gt(s->ack, c->snd_max)) {
		inc(net, AMT_C_TCP_BAD_ACK);
		conn_send_ack(net, c);
		return 0;
	}
	if (seq_lt(s->ack, c->snd_una))
		return 1;		/* old ACK: nothing to learn */
	if (s->ack != c->snd_una) {
		c->retries = 0;
		c->dup_acks = 0;
	} else if (c->snd_una != c->snd_max && !s->dlen && !fin && s->wnd == c->snd_wnd &&
		   ++c->dup_acks == 3) {
		/* RFC 5681 3.2: three duplicate ACKs mean a lost segment:
		 * go back to it now rather than at the RTO.
		 */
		inc(net, AMT_C_TCP_FAST_RETRANSMIT);
		c->snd_nxt = c->snd_una;
		c->fin_sent = 0;
	}
	acked = s->ack - c->snd_una;
	c->snd_una = s->ack;
	c->snd_wnd = s->wnd;
	/* after a go-back-N rewind, an ACK of what the first flight carried
	 * is valid: skip what it covers
	 */
	if (seq_gt(s->ack, c->snd_nxt))
		c->snd_nxt = s->ack;
	if (acked > c->tx_len) {	/* our FIN is acked too */
		c->fin_sent = 1;
		acked = c->tx_len;
	}
	if (!acked)
		return 1;
	tx_free(c, acked);
	return conn_writable(net, c);
}

static void conn_input(struct amt_net *net, struct amt_conn *c, const struct seg *s)
{
	const uint8_t *data = s->data;
	size_t dlen = s->dlen, take = 0;
	uint32_t seq = s->seq;
	int need_ack = 0, ack_now = 0, fin = !!(s->flags & TH_FIN);

	c->last_rx_ms = net->now_ms;

	if (s->flags & TH_RST) {
		/* RFC 5961: only an exact match kills the connection */
		if (seq == c->rcv_nxt) {
			inc(net, AMT_C_TCP_RST_RCVD);
			conn_end(net, c);
		} else {
			inc(net, AMT_C_TCP_RST_IGNORED);
		}
		return;
	}
	if (s->flags & TH_SYN) {
		inc(net, AMT_C_TCP_DUP_SYN);
		if (c->state == AMT_TCP_SYN_RCVD) {
			/* same SYN: our SYN-ACK was lost; else the peer restarted */
			if (seq != c->irs)
				conn_tcp_init(net, c, s);
			conn_send(net, c, c->iss, TH_SYN | TH_ACK, NULL, 0);
		} else {
			conn_send_ack(net, c);	/* challenge ACK */
		}
		return;
	}
	if (!(s->flags & TH_ACK)) {
		inc(net, AMT_C_TCP_NO_ACK);
		return;
	}

	/* ACK field */
	if (c->state == AMT_TCP_SYN_RCVD) {
		if (s->ack != c->iss + 1) {
			inc(net, AMT_C_TCP_BAD_ACK);
			tcp_reset(net, s);
			return;
		}
		c->state = AMT_TCP_ESTABLISHED;
		c->snd_una = s->ack;
		c->snd_wnd = s->wnd;
		inc(net, AMT_C_TCP_ESTABLISHED);
	} else if (!conn_ack(net, c, s, fin)) {
		return;
	}

	/* Sequence / data */
	if (seq_lt(seq, c->rcv_nxt)) {
		uint32_t old = c->rcv_nxt - seq;

		if (old >= dlen + (uint32_t)fin) {
			/* entirely old (or an old-sequence probe) */
			inc(net, AMT_C_TCP_DUP_DATA);
			conn_send_ack(net, c);
			goto out;
		}
		data += old;
		dlen -= old;
		seq += old;
	} else if (seq_gt(seq, c->rcv_nxt)) {
		inc(net, AMT_C_TCP_OUT_OF_ORDER);
		conn_send_ack(net, c);
		goto out;
	}
	if (c->peer_fin) {
		if (dlen || fin) {	/* data/FIN beyond the peer's FIN */
			inc(net, AMT_C_TCP_DUP_DATA);
			conn_send_ack(net, c);
		}
		goto out;
	}
	if (dlen) {
		take = min_sz(dlen, conn_rcv_wnd(c));
		memcpy(c->rx + c->rx_len, data, take);
		c->rx_len += (uint32_t)take;
		c->rcv_nxt += (uint32_t)take;
		need_ack = 1;
		if (take < dlen) {
			inc(net, AMT_C_TCP_RX_OVERFLOW);
			fin = 0;	/* FIN lies beyond what we took */
			ack_now = 1;
		}
	}
	if (take && !conn_deliver(net, c))
		return;
	if (fin) {
		c->rcv_nxt++;
		c->peer_fin = 1;
		need_ack = 1;
		ack_now = 1;
		if (!conn_peer_fin(net, c))
			return;
	}

out:
	/* our FIN acked and peer FIN seen -> done (no TIME_WAIT) */
	if (c->fin_sent && c->snd_una == c->snd_max && c->peer_fin) {
		if (need_ack)
			conn_send_ack(net, c);
		inc(net, AMT_C_TCP_CLOSED);
		conn_end(net, c);
		return;
	}
	if (conn_output(net, c) || !need_ack)
		return;
	if (ack_now)
		conn_send_ack(net, c);
	else
		conn_ack_data(net, c);
}

static void tcp_input(struct amt_net *net, const uint8_t *f, const uint8_t *ip,
		      const uint8_t *th, size_t tlen)
{
	const struct amt_listener *l;
	struct seg s;
	size_t thl;
	uint32_t sum;
	struct amt_conn *c;
	unsigned int i;

	if (tlen < 20) {
		inc(net, AMT_C_TCP_TRUNC);
		return;
	}
	thl = (size_t)(th[12] >> 4) * 4;
	if (thl < 20 || thl > tlen) {
		inc(net, AMT_C_TCP_TRUNC);
		return;
	}
	sum = pseudo_sum(get32(ip + 12), get32(ip + 16), IP_TCP, tlen);
	if (csum_fold(csum_add(sum, th, tlen)) != 0) {
		inc(net, AMT_C_TCP_BAD_CSUM);
		return;
	}
	memset(&s, 0, sizeof(s));
	s.smac = f + 6;
	s.sip = get32(ip + 12);
	s.sport = get16(th);
	s.dport = get16(th + 2);
	s.seq = get32(th + 4);
	s.ack = get32(th + 8);
	s.flags = th[13] & 0x3f;
	s.wnd = get16(th + 14);
	s.data = th + thl;
	s.dlen = tlen - thl;

	if (!(s.flags & (TH_SYN | TH_ACK | TH_RST)) ||
	    ((s.flags & TH_SYN) && (s.flags & (TH_FIN | TH_RST))) ||
	    s.sport == 0 || s.dport == 0) {
		inc(net, AMT_C_TCP_BAD_FLAGS);
		return;
	}
	if (s.flags & TH_SYN) {
		/* options: kind 0 end, 1 nop, else kind,len(>=2),... */
		size_t p = 20;

		while (p < thl) {
			uint8_t kind = th[p];

			if (kind == 0)
				break;
			if (kind == 1) {
				p++;
				continue;
			}
			if (p + 1 >= thl || th[p + 1] < 2 || p + th[p + 1] > thl) {
				inc(net, AMT_C_TCP_BAD_OPT);
				break;
			}
			if (kind == 2 && th[p + 1] == 4)
				s.mss = get16(th + p + 2);
			p += th[p + 1];
		}
	}

	c = conn_find(net, &s);
	if (c) {
		conn_input(net, c, &s);
		return;
	}
	l = listener_find(net, s.dport);
	if (!l) {
		inc(net, AMT_C_TCP_CLOSED_PORT);
		tcp_reset(net, &s);
		return;
	}
	if ((s.flags & (TH_SYN | TH_ACK | TH_RST)) != TH_SYN) {
		inc(net, AMT_C_TCP_NO_CONN);
		tcp_reset(net, &s);
		return;
	}
	for (i = 0; i < AMT_NET_MAX_CONNS; i++) {
		if (net->conns[i].state == AMT_TCP_FREE) {
			conn_open(net, &net->conns[i], l, &s);
			return;
		}
	}
	inc(net, AMT_C_TCP_TABLE_FULL);
	tcp_reset(net, &s);
}

/* ---- IPv4 ----------------------------------------------------------------- */

/*
 * Validate an IPv4 header at f[14..len). On success returns 1 and sets
 * *ihl / *tot (total length, trailing Ethernet padding excluded).
 */
static int ipv4_check(struct amt_net *net, const uint8_t *f, size_t len,
		      size_t *ihl, size_t *tot, int count)
{
	const uint8_t *ip = f + ETH_HLEN;
	size_t avail = len - ETH_HLEN;

	if (avail < 20) {
		if (count)
			inc(net, AMT_C_IP_TRUNC);
		return 0;
	}
	*ihl = (size_t)(ip[0] & 0x0f) * 4;
	*tot = get16(ip + 2);
	if ((ip[0] >> 4) != 4 || *ihl < 20 || *tot < *ihl) {
		if (count)
			inc(net, AMT_C_IP_BAD_HDR);
		return 0;
	}
	if (*ihl > avail || *tot > avail) {
		if (count)
			inc(net, AMT_C_IP_TRUNC);
		return 0;
	}
	if (csum_fold(csum_add(0, ip, *ihl)) != 0) {
		if (count)
			inc(net, AMT_C_IP_BAD_CSUM);
		return 0;
	}
	return 1;
}

static void ipv4_input(struct amt_net *net, const uint8_t *f, size_t len)
{
	const uint8_t *ip = f + ETH_HLEN;
	size_t ihl, tot;
	uint32_t src;

	if (!ipv4_check(net, f, len, &ihl, &tot, 1))
		return;
	if (get16(ip + 6) & 0x3fff) {
		inc(net, AMT_C_IP_FRAGMENT);
		return;
	}
	if (get32(ip + 16) != net->ip) {
		inc(net, AMT_C_IP_NOT_OURS);
		return;
	}
	src = get32(ip + 12);
	if (src == 0 || src == 0xffffffffu || (src >> 28) == 0xe || (src >> 24) == 127 ||
	    src == net->ip) {
		inc(net, AMT_C_IP_BAD_SRC);
		return;
	}
	switch (ip[9]) {
	case IP_TCP:
		tcp_input(net, f, ip, ip + ihl, tot - ihl);
		break;
	case IP_ICMP:
		inc(net, AMT_C_ICMP_IGNORED);
		break;
	default:
		inc(net, AMT_C_IP_PROTO_OTHER);
		break;
	}
}

void amt_net_input(struct amt_net *net, const uint8_t *frame, size_t len)
{
	uint16_t etype;

	inc(net, AMT_C_RX_FRAMES);
	if (!frame || len < ETH_HLEN) {
		inc(net, AMT_C_DROP_RUNT);
		return;
	}
	etype = get16(frame + 12);
	if (etype != ETYPE_IPV4 && etype != ETYPE_ARP) {
		inc(net, AMT_C_DROP_ETHERTYPE);
		return;
	}
	if (net->ip == 0 || mac_is_zero(net->mac)) {
		inc(net, AMT_C_DROP_NO_ADDR);
		return;
	}
	if (memcmp(frame, net->mac, 6) != 0 &&
	    !(etype == ETYPE_ARP && !memcmp(frame, "\xff\xff\xff\xff\xff\xff", 6))) {
		inc(net, AMT_C_DROP_NOT_OUR_MAC);
		return;
	}
	if (frame[6] & 1) {	/* multicast source address: bogus */
		inc(net, AMT_C_DROP_NOT_OUR_MAC);
		return;
	}
	if (etype == ETYPE_ARP)
		arp_input(net, frame, len);
	else
		ipv4_input(net, frame, len);
}

/* ---- DHCP learning ------------------------------------------------------- */

int amt_net_learn_dhcp(struct amt_net *net, const uint8_t *f, size_t len)
{
	size_t ihl, tot, ulen, p, end;
	const uint8_t *ip, *udp, *b;
	uint16_t sport, dport;
	uint32_t req_ip = 0, addr;
	int mtype = -1, have_req = 0;

	if (!f || len < ETH_HLEN || get16(f + 12) != ETYPE_IPV4) {
		inc(net, AMT_C_DHCP_IGNORED);
		return 0;
	}
	ip = f + ETH_HLEN;
	if (!ipv4_check(net, f, len, &ihl, &tot, 0) || ip[9] != IP_UDP ||
	    (get16(ip + 6) & 0x3fff)) {
		inc(net, AMT_C_DHCP_MALFORMED);
		return -1;
	}
	udp = ip + ihl;
	if (tot - ihl < 8) {
		inc(net, AMT_C_DHCP_MALFORMED);
		return -1;
	}
	sport = get16(udp);
	dport = get16(udp + 2);
	ulen = get16(udp + 4);
	if (!((sport == 68 && dport == 67) || (sport == 67 && dport == 68))) {
		inc(net, AMT_C_DHCP_IGNORED);
		return 0;
	}
	/* BOOTP fixed part 236 + magic cookie 4 */
	if (ulen < 8 || ulen > tot - ihl || ulen - 8 < 240) {
		inc(net, AMT_C_DHCP_MALFORMED);
		return -1;
	}
	b = udp + 8;
	end = ulen - 8;
	if (b[1] != 1 || b[2] != 6 || get32(b + 236) != 0x63825363 ||
	    b[0] != (sport == 68 ? 1 : 2)) {
		inc(net, AMT_C_DHCP_MALFORMED);
		return -1;
	}
	for (p = 240; p < end;) {
		uint8_t code = b[p], olen;

		if (code == 255)
			break;
		if (code == 0) {
			p++;
			continue;
		}
		if (p + 1 >= end || p + 2 + b[p + 1] > end) {
			inc(net, AMT_C_DHCP_MALFORMED);
			return -1;
		}
		olen = b[p + 1];
		if (code == 53 && olen == 1)
			mtype = b[p + 2];
		else if (code == 50 && olen == 4) {
			req_ip = get32(b + p + 2);
			have_req = 1;
		}
		p += 2 + (size_t)olen;
	}
	if (sport == 68 && mtype == 3)			/* REQUEST */
		addr = have_req ? req_ip : get32(b + 12);	/* ciaddr */
	else if (sport == 67 && mtype == 5)		/* ACK */
		addr = get32(b + 16);				/* yiaddr */
	else if (sport == 68 && mtype == 7) {		/* RELEASE */
		if (net->ip && get32(b + 12) == net->ip &&
		    !memcmp(b + 28, net->mac, 6)) {
			net->ip = 0;
			inc(net, AMT_C_DHCP_RELEASED);
			return 1;
		}
		inc(net, AMT_C_DHCP_IGNORED);
		return 0;
	} else {
		inc(net, AMT_C_DHCP_IGNORED);
		return 0;
	}
	if (!mac_is_zero(net->mac) && memcmp(b + 28, net->mac, 6)) {
		inc(net, AMT_C_DHCP_IGNORED);	/* another client's lease */
		return 0;
	}
	if (addr == 0 || addr == 0xffffffffu || (addr >> 28) >= 0xe || (addr >> 24) == 127 ||
	    (b[28] & 1) || mac_is_zero(b + 28)) {
		inc(net, AMT_C_DHCP_IGNORED);
		return 0;
	}
	net->ip = addr;
	memcpy(net->mac, b + 28, 6);
	inc(net, AMT_C_DHCP_LEARNED);
	return 1;
}

/* ---- timers ---------------------------------------------------------------- */

static void conn_timeout(struct amt_net *net, struct amt_conn *c)
{
	conn_send(net, c, c->snd_nxt, TH_RST | TH_ACK, NULL, 0);
	inc(net, AMT_C_TCP_TIMEOUT);
	conn_end(net, c);
}

/* Unsent data, or a FIN, that the window would let out now or later. */
static int conn_has_output(const struct amt_conn *c)
{
	return c->state == AMT_TCP_ESTABLISHED && !c->fin_sent &&
	       (c->snd_nxt - c->snd_una < c->tx_len || c->closing);
}

static void conn_tick(struct amt_net *net, struct amt_conn *c)
{
	uint32_t idle;
	int pending_data;

	idle = c->idle_ms ? c->idle_ms : net->idle_timeout_ms;
	if (idle != AMT_CONN_NO_IDLE_TIMEOUT && net->now_ms - c->last_rx_ms >= idle) {
		conn_timeout(net, c);
		return;
	}
	if (c->ops->tick) {
		net->cb_depth++;
		c->ops->tick(c->svc, c, net->now_ms);
		net->cb_depth--;
		if (c->state == AMT_TCP_FREE)
			return;
	}
	if (!conn_reoffer(net, c))
		return;
	/* data that waited for room in the transmit path, or was written
	 * outside this connection's callbacks
	 */
	if (conn_has_output(c))
		conn_output(net, c);
	if (net->now_ms - c->last_tx_ms < net->rto_ms)
		return;
	pending_data = c->state == AMT_TCP_ESTABLISHED && !c->fin_sent &&
		       c->snd_nxt - c->snd_una < c->tx_len;
	if (c->snd_una != c->snd_max) {
		if (c->retries >= net->max_retries) {
			conn_timeout(net, c);
			return;
		}
		c->retries++;
		inc(net, AMT_C_TCP_RETRANSMIT);
		if (c->state == AMT_TCP_SYN_RCVD) {
			conn_send(net, c, c->iss, TH_SYN | TH_ACK, NULL, 0);
			return;
		}
		/* go-back-N: resend from the first unacked byte */
		c->snd_nxt = c->snd_una;
		c->fin_sent = 0;
		if (c->snd_wnd == 0)
			c->snd_wnd = 1;	/* probe with one byte */
		conn_output(net, c);
	} else if (pending_data && c->snd_wnd == 0) {
		/* zero-window probe: an old-sequence ACK forces an ACK */
		conn_send(net, c, c->snd_nxt - 1, TH_ACK, NULL, 0);
	}
}

void amt_net_tx_retry(struct amt_net *net)
{
	unsigned int i;

	net->tx_wait_room = 0;
	for (i = 0; i < AMT_NET_MAX_CONNS; i++)
		if (conn_has_output(&net->conns[i]))
			conn_output(net, &net->conns[i]);
}

void amt_net_rx_batch_begin(struct amt_net *net)
{
	net->rx_batch = 1;
}

void amt_net_rx_batch_end(struct amt_net *net)
{
	unsigned int i;

	net->rx_batch = 0;
	for (i = 0; i < AMT_NET_MAX_CONNS; i++) {
		struct amt_conn *c = &net->conns[i];

		if (c->state != AMT_TCP_FREE && c->rcv_acked != c->rcv_nxt)
			conn_send_ack(net, c);
	}
}

void amt_net_tick(struct amt_net *net, uint64_t now_ms)
{
	unsigned int i;

	if (now_ms > net->now_ms)
		net->now_ms = now_ms;
	net->tx_wait_room = 0;
	for (i = 0; i < AMT_NET_MAX_CONNS; i++)
		if (net->conns[i].state != AMT_TCP_FREE)
			conn_tick(net, &net->conns[i]);
}

void amt_net_destroy(struct amt_net *net)
{
	unsigned int i;

	for (i = 0; i < AMT_NET_MAX_CONNS; i++) {
		struct amt_conn *c = &net->conns[i];

		conn_end(net, c);
		free(c->rx);
		free(c->tx);
		c->rx = NULL;
		c->tx = NULL;
	}
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * amt_net - minimal network engine for the csme-sim CSME
 * firmware simulator.
 *
 * Consumes raw 802.3 Ethernet frames (the payload of SAP DATA_PACKET
 * messages) and emits reply frames through a callback. Implements:
 *   - ARP replies for our IPv4 address,
 *   - a small server-side TCP (fixed connection table) that carries byte
 *     streams for the services registered with amt_net_listen() (amt_svc.h):
 *     per connection a receive and a transmit buffer, allocated when the
 *     connection opens and freed when it ends,
 *   - learning our IP/MAC from copies of the host's DHCP traffic.
 * Everything else is counted and dropped. See docs/csme-sim-net.md.
 *
 * Not thread-safe: one struct amt_net must be used by one thread at a time.
 */
#ifndef AMT_NET_H
#define AMT_NET_H

#include <stddef.h>
#include <stdint.h>
#include "amt_svc.h"

#define AMT_NET_MAX_CONNS	128	/* 64 concurrent clients and their closing peers */
#define AMT_NET_MAX_LISTEN	8	/* ports with a service */
#define AMT_NET_MSS_MAX		1400	/* our segment payload ceiling */
#define AMT_NET_FRAME_MAX	(14 + 20 + 24 + AMT_NET_MSS_MAX)

#define AMT_NET_PORT_HTTP	16992
#define AMT_NET_PORT_HTTPS	16993	/* not served: RST like any closed port */
#define AMT_NET_PORT_REDIR	16994	/* serial-over-LAN / storage redirection */

typedef void (*amt_net_tx_fn)(void *ctx, const uint8_t *frame, size_t len);
/* Bytes the transmit path can take right now (frames are queued, not sent,
 * when a data segment would not fit); NULL = unlimited.
 */
typedef size_t (*amt_net_room_fn)(void *ctx);
/* Frames emitted so far must reach the peer now, not when the receive
 * batch ends (e.g. ring the doorbell for them); NULL = nothing to do.
 */
typedef void (*amt_net_push_fn)(void *ctx);

/* Counters, indexed by enum amt_net_counter; names via amt_net_counter_name */
enum amt_net_counter {
	AMT_C_RX_FRAMES,	/* every frame given to amt_net_input */
	AMT_C_TX_FRAMES,	/* every frame handed to tx */
	AMT_C_DROP_RUNT,	/* < 14 bytes */
	AMT_C_DROP_ETHERTYPE,	/* not IPv4/ARP (IPv6, VLAN, 802.3 length...) */
	AMT_C_DROP_NOT_OUR_MAC,	/* unicast to another MAC, or multicast */
	AMT_C_DROP_NO_ADDR,	/* our IP or MAC is still unknown */
	AMT_C_ARP_MALFORMED,	/* truncated / not Ethernet+IPv4 ARP */
	AMT_C_ARP_IGNORED,	/* reply, or request for another IP */
	AMT_C_ARP_REPLIED,
	AMT_C_IP_TRUNC,		/* header or total length beyond frame */
	AMT_C_IP_BAD_HDR,	/* version != 4, IHL < 5, total len < IHL */
	AMT_C_IP_BAD_CSUM,
	AMT_C_IP_FRAGMENT,	/* MF set or offset != 0 (no reassembly) */
	AMT_C_IP_NOT_OURS,	/* destination != our IP */
	AMT_C_IP_BAD_SRC,	/* source 0, broadcast, multicast, loopback, ours */
	AMT_C_IP_PROTO_OTHER,	/* UDP, IGMP, ... */
	AMT_C_ICMP_IGNORED,	/* ICMP: host answers pings, we stay silent */
	AMT_C_TCP_TRUNC,	/* < 20 bytes or data offset beyond segment */
	AMT_C_TCP_BAD_CSUM,
	AMT_C_TCP_BAD_FLAGS,	/* SYN+FIN, SYN+RST, no flag at all, ... */
	AMT_C_TCP_BAD_OPT,	/* malformed option list in a SYN (parse stops) */
	AMT_C_TCP_CLOSED_PORT,	/* segment to a port we do not listen on */
	AMT_C_TCP_NO_CONN,	/* non-SYN segment for an unknown connection */
	AMT_C_TCP_TABLE_FULL,	/* SYN refused (RST): all connections in use */
	AMT_C_TCP_RST_SENT,
	AMT_C_TCP_RST_RCVD,	/* accepted RST, connection dropped */
	AMT_C_TCP_RST_IGNORED,	/* RST with unacceptable sequence number */
	AMT_C_TCP_NO_ACK,	/* non-SYN segment without ACK flag */
	AMT_C_TCP_BAD_ACK,	/* ACK for data we never sent */
	AMT_C_TCP_DUP_SYN,
	AMT_C_TCP_DUP_DATA,	/* segment entirely before rcv_nxt */
	AMT_C_TCP_OUT_OF_ORDER,	/* segment beyond rcv_nxt (dropped, dup ACK) */
	AMT_C_TCP_RX_OVERFLOW,	/* data beyond our advertised window dropped */
	AMT_C_TCP_OPENED,	/* SYN accepted */
	AMT_C_TCP_ESTABLISHED,
	AMT_C_TCP_CLOSED,	/* orderly close (both FINs acked) */
	AMT_C_TCP_TIMEOUT,	/* idle timeout or too many retransmissions */
	AMT_C_TCP_RETRANSMIT,	/* go-back-N restarts from amt_net_tick */
	AMT_C_TCP_FAST_RETRANSMIT, /* go-back-N restarts on three duplicate ACKs */
	AMT_C_TCP_TX_BLOCKED,	/* a data segment waited: transmit path full */
	AMT_C_TCP_REFUSED,	/* SYN reset: service open() failed or no memory */
	AMT_C_TCP_ABORTED,	/* reset by the service (amt_conn_abort) */
	AMT_C_TCP_WND_UPDATE,	/* window update sent after the service consumed */
	AMT_C_BULK_SEND,	/* bulk service: SEND commands accepted */
	AMT_C_BULK_RECV,	/* bulk service: RECV commands accepted */
	AMT_C_BULK_DONE,	/* bulk service: transfers completed (data acked) */
	AMT_C_BULK_BAD_CMD,	/* bulk service: malformed command line */
	AMT_C_DHCP_LEARNED,
	AMT_C_DHCP_RELEASED,
	AMT_C_DHCP_IGNORED,	/* not DHCP, or a message type we do not use */
	AMT_C_DHCP_MALFORMED,
	AMT_C__COUNT
};

enum amt_tcp_state {
	AMT_TCP_FREE = 0,
	AMT_TCP_SYN_RCVD,
	AMT_TCP_ESTABLISHED,	/* also covers our/peer FIN sub-states, see flags */
};

/* One listening port: amt_net_listen(). */
struct amt_listener {
	uint16_t port;			/* 0 = free slot */
	const struct amt_svc_ops *ops;
	void *svc;
	uint32_t rx_size;		/* amt_net_listen_rx_buf(); 0 = AMT_CONN_RX_BUF */
};

/*
 * One TCP connection (services see it as the opaque struct amt_conn of
 * amt_svc.h). The transmit buffer is a ring: tx_len bytes from tx_head,
 * the first of them at sequence snd_una (data starts at iss + 1).
 */
struct amt_conn {
	uint8_t state;			/* enum amt_tcp_state */
	uint8_t peer_fin;		/* peer FIN received (rcv_nxt includes it) */
	uint8_t fin_sent;		/* our FIN is in flight or acked */
	uint8_t closing;		/* amt_conn_close(): FIN after tx data */
	uint8_t in_rx;			/* inside the service's rx callback */
	uint8_t retries;
	uint8_t dup_acks;		/* duplicate ACKs in a row */
	uint8_t peer_mac[6];
	uint32_t peer_ip;		/* host byte order */
	uint16_t peer_port, local_port;
	uint32_t irs, iss;		/* initial receive / send sequence */
	uint32_t rcv_nxt;
	uint32_t snd_una, snd_nxt;
	uint32_t snd_max;		/* highest snd_nxt so far (go-back-N rewinds snd_nxt) */
	uint32_t snd_wnd;		/* peer's window (no scaling negotiated) */
	uint32_t rcv_adv;		/* window in the last segment we sent */
	uint32_t rcv_acked;		/* rcv_nxt in the last segment we sent:
				 * below rcv_nxt, an ACK is owed */
	uint32_t rx_size;		/* bytes of rx[] */
	uint16_t mss;			/* our max segment payload for this peer */
	uint64_t last_rx_ms, last_tx_ms;
	uint32_t idle_ms;		/* amt_conn_set_idle_timeout(); 0 = net's */
	struct amt_net *net;
	const struct amt_svc_ops *ops;
	void *svc, *priv;
	uint8_t *rx;			/* rx_size bytes: rx_len unconsumed */
	uint8_t *tx;			/* AMT_CONN_TX_BUF ring */
	uint32_t rx_len, tx_head, tx_len;
};

struct amt_net {
	uint8_t mac[6];
	uint32_t ip;			/* host byte order; 0 = unknown */
	amt_net_tx_fn tx;
	amt_net_room_fn tx_room;	/* optional, set after init */
	amt_net_push_fn tx_push;	/* optional, set after init */
	void *tx_ctx;
	uint64_t isn_state;		/* xorshift64* state for ISNs */
	uint64_t now_ms;		/* last time given to amt_net_tick */
	uint32_t idle_timeout_ms;	/* default 30000 */
	uint32_t rto_ms;		/* default 1000 */
	uint8_t max_retries;		/* default 5 */
	uint8_t cb_depth;		/* inside a service callback: writes wait */
	uint8_t rx_batch;		/* amt_net_rx_batch_begin() .. _end() */
	size_t tx_wait_room;		/* room a segment waits for; 0 = none */
	uint64_t cnt[AMT_C__COUNT];
	struct amt_listener listen[AMT_NET_MAX_LISTEN];
	struct amt_conn conns[AMT_NET_MAX_CONNS];
	uint8_t txbuf[AMT_NET_FRAME_MAX];
};

/*
 * Initialise @net (it is fully overwritten: amt_net_destroy() it first if
 * it had connections). @isn_seed seeds the ISN generator (any value; 0 is
 * replaced by a fixed constant). mac/ip unknown, no listener.
 */
void amt_net_init(struct amt_net *net, amt_net_tx_fn tx, void *ctx, uint64_t isn_seed);

/*
 * End every connection without a segment on the wire (closed() is called
 * for each) and free their buffers. @net may be initialised again after, and
 * a zeroed struct amt_net may be destroyed. Listeners stay registered.
 */
void amt_net_destroy(struct amt_net *net);

/* @ip in host byte order (0xC0A80102 = 192.168.1.2). Either may be NULL/0. */
void amt_net_set_addr(struct amt_net *net, const uint8_t mac[6], uint32_t ip);

/*
 * Feed one received Ethernet frame (dst, src, ethertype, payload). Never
 * reads outside frame[0..len). Replies are emitted synchronously via tx.
 */
void amt_net_input(struct amt_net *net, const uint8_t *frame, size_t len);

/*
 * A batch of received frames (one drain of a ring) starts / ends. Within a
 * batch, the ACK of in-order data is delayed (RFC 1122 4.2.3.2) until
 * amt_net_rx_batch_end() or until half the connection's receive buffer is
 * unacknowledged, unless a segment we send carries it first. That ACK is
 * pushed (tx_push) at once: the peer's window reopens while the rest of the
 * batch is read, instead of after it. Out-of-order data, a FIN and an
 * overflowing segment are acknowledged at once.
 */
void amt_net_rx_batch_begin(struct amt_net *net);
void amt_net_rx_batch_end(struct amt_net *net);

/*
 * Learn our IPv4 address and MAC from a DHCP frame (Ethernet/IPv4/UDP).
 * Accepted: client->server (68->67) DHCPREQUEST: option 50 if present, else
 * ciaddr; client DHCPRELEASE for our IP forgets it; server->client (67->68)
 * DHCPACK: yiaddr. The MAC is taken from chaddr (htype 1, hlen 6).
 * Returns 1 if the address was learned/forgotten, 0 if ignored, -1 if
 * malformed. The UDP checksum is not verified (host Tx copies may carry a
 * partial checksum from offload); the IPv4 header checksum is.
 */
int amt_net_learn_dhcp(struct amt_net *net, const uint8_t *frame, size_t len);

/* Advance time: retransmissions, zero-window probes, idle timeouts, and
 * data that waited for room in the transmit path.
 */
void amt_net_tick(struct amt_net *net, uint64_t now_ms);

/*
 * Send what waited for room in the transmit path (tx_wait_room), without
 * advancing time: for a caller that saw the room come back between ticks.
 */
void amt_net_tx_retry(struct amt_net *net);

/* Number of connections not FREE. */
unsigned int amt_net_active_conns(const struct amt_net *net);

const char *amt_net_counter_name(enum amt_net_counter c);

#endif /* AMT_NET_H */

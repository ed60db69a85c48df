/* SPDX-License-Identifier: GPL-2.0 */
/*
 * amt_svc - the byte-stream interface between amt_net's TCP and the
 * services csme-sim runs on top of it (HTTP on 16992, redirection on 16994,
 * the bulk test service).
 *
 * A service registers a table of callbacks for one local port with
 * amt_net_listen(). amt_net owns the TCP state and two byte buffers per
 * connection: what arrived in order and was not consumed yet, and what the
 * service queued and the peer has not acknowledged yet. Services never see
 * sequence numbers, retransmissions or windows.
 *
 * All callbacks run synchronously from amt_net_input() / amt_net_tick(), on
 * the one thread that owns the struct amt_net. A callback may call
 * amt_conn_write(), amt_conn_close() and amt_conn_abort() on its own
 * connection; amt_conn_abort() must be the last thing it does with @c.
 *
 * Bytes written from a callback go out once the callback returns (several
 * writes make full segments); written outside any callback they go out at
 * once. Bytes a service left unconsumed are offered to rx again after
 * writable() and on every amt_net_tick(), so a service that stopped reading
 * while its transmit side was full resumes without new input.
 */
#ifndef AMT_SVC_H
#define AMT_SVC_H

#include <stddef.h>
#include <stdint.h>

#define AMT_CONN_RX_BUF		16384	/* in-order bytes held for the service */
#define AMT_CONN_TX_BUF		65536	/* queued + unacknowledged bytes */
#define AMT_CONN_RX_BUF_MAX	65535	/* amt_net_listen_rx_buf(): no window scaling */

struct amt_net;
struct amt_conn;

struct amt_svc_ops {
	const char *name;		/* "http", "redir", "bulk": counters, logs */
	/*
	 * A SYN for the port was accepted. Return 0, or a negative errno to
	 * refuse the connection (it is reset). May set amt_conn_set_priv().
	 */
	int (*open)(void *svc, struct amt_conn *c);
	/*
	 * In-order bytes from the peer: @data[0..@len) is everything received
	 * and not consumed yet. Return how many bytes were consumed (0..len);
	 * the rest is offered again with the next bytes. The advertised
	 * window is the free space of the receive buffer (AMT_CONN_RX_BUF
	 * or the port's amt_net_listen_rx_buf() size), so a service that
	 * consumes nothing stops its peer.
	 */
	size_t (*rx)(void *svc, struct amt_conn *c, const uint8_t *data, size_t len);
	/* The peer sent FIN (after every byte it sent was offered to rx). */
	void (*peer_fin)(void *svc, struct amt_conn *c);
	/* Room appeared in the transmit buffer (optional). */
	void (*writable)(void *svc, struct amt_conn *c);
	/* Called from amt_net_tick() for every open connection (optional). */
	void (*tick)(void *svc, struct amt_conn *c, uint64_t now_ms);
	/*
	 * The connection is gone (orderly close, reset, timeout, abort or
	 * amt_net teardown): release what open() set up. Last call for @c.
	 */
	void (*closed)(void *svc, struct amt_conn *c);
};

/*
 * Serve TCP @port with @ops. Returns 0, -EEXIST if the port is taken,
 * -ENOSPC if the listener table is full.
 */
int amt_net_listen(struct amt_net *net, uint16_t port,
		   const struct amt_svc_ops *ops, void *svc);

/*
 * Give @port's connections a receive buffer of @size bytes (1 ..
 * AMT_CONN_RX_BUF_MAX) instead of AMT_CONN_RX_BUF: the window is @size
 * less the unconsumed bytes. Every byte a peer has in flight to csme-sim
 * crosses the SAP H2M data ring (48256 bytes), where a frame that does not
 * fit is dropped: a service with many concurrent clients keeps the sum of
 * their windows near that; a single fast sink may use more than 16 KiB.
 * Returns 0, -ENOENT if nobody listens on @port, -EINVAL.
 */
int amt_net_listen_rx_buf(struct amt_net *net, uint16_t port, uint32_t size);

/*
 * Queue @len bytes for the peer. Returns how many were queued: less than
 * @len when the transmit buffer is full (wait for writable), 0 after
 * amt_conn_close().
 */
size_t amt_conn_write(struct amt_conn *c, const void *data, size_t len);
/* Free space in the transmit buffer. */
size_t amt_conn_tx_room(const struct amt_conn *c);
/* Bytes queued and not yet acknowledged by the peer. */
size_t amt_conn_tx_pending(const struct amt_conn *c);
/* Received bytes the service has not consumed yet (0 once closed). */
size_t amt_conn_rx_pending(const struct amt_conn *c);
/* Send FIN once everything queued is out; further writes are refused. */
void amt_conn_close(struct amt_conn *c);
/* Reset the connection now (RST); closed() follows at once. */
void amt_conn_abort(struct amt_conn *c);

/*
 * Idle timeout of @c: reset after @ms without a segment from the peer
 * (0: the engine default, idle_timeout_ms; AMT_CONN_NO_IDLE_TIMEOUT: never,
 * for long-lived sessions whose peer may stay silent; dead peers are still
 * found by the retransmission limit once the service sends).
 */
#define AMT_CONN_NO_IDLE_TIMEOUT	UINT32_MAX
void amt_conn_set_idle_timeout(struct amt_conn *c, uint32_t ms);

void amt_conn_set_priv(struct amt_conn *c, void *priv);
void *amt_conn_priv(const struct amt_conn *c);
/* Peer address for logs: IPv4 in host byte order and port. */
uint32_t amt_conn_peer_ip(const struct amt_conn *c);
uint16_t amt_conn_peer_port(const struct amt_conn *c);
/* The engine's clock: the time last given to amt_net_tick(), in ms. */
uint64_t amt_conn_now_ms(const struct amt_conn *c);
/* The amt_net the connection belongs to (for its clock and counters). */
struct amt_net *amt_conn_net(const struct amt_conn *c);

#endif /* AMT_SVC_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * redir_proto - the server side of Intel AMT's redirection protocol (TCP
 * 16994) for serial-over-LAN: codec and per-connection state machine.
 *
 * No I/O here. The caller offers the bytes that arrived and were not
 * consumed yet; redir_conn_input() consumes whole messages only, appends
 * every reply to an abuf and says how many bytes it used. A message cut
 * short is left for the next call, so input may arrive in any chunking.
 * Bad input closes the session with a counted reason (enum redir_reject).
 *
 * Messages (all integers little endian):
 *   client -> AMT                      AMT -> client
 *   0x10 StartRedirectionSession  8    0x11 reply                  13
 *   0x13 AuthenticateSession   9+n     0x14 reply                9+n
 *   0x20 StartSOLRedirection     24    0x21 reply                  23
 *   0x22 EndSOLRedirection        8    0x23 reply                   8
 *   0x28 SOL data to host     10+n     0x2a SOL data from host   10+n
 *   0x2b heartbeat (echo)         8    0x2b heartbeat               8
 *   0x24 keep-alive ping          8    0x25 keep-alive pong         8
 *   0x12 EndRedirectionSession    4    (connection closed)
 */
#ifndef AMT_REDIR_PROTO_H
#define AMT_REDIR_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abuf.h"
#include "amt_model.h"

/* message types */
#define REDIR_START_SESSION		0x10
#define REDIR_START_SESSION_REPLY	0x11
#define REDIR_END_SESSION		0x12
#define REDIR_AUTHENTICATE		0x13
#define REDIR_AUTHENTICATE_REPLY	0x14
#define REDIR_START_SOL			0x20
#define REDIR_START_SOL_REPLY		0x21
#define REDIR_END_SOL			0x22
#define REDIR_END_SOL_REPLY		0x23
#define REDIR_SOL_PING			0x24
#define REDIR_SOL_PONG			0x25
#define REDIR_SOL_DATA_TO_HOST		0x28
#define REDIR_SOL_DATA_FROM_HOST	0x2a
#define REDIR_SOL_HEARTBEAT		0x2b

/* message lengths (fixed ones, and the headers of the variable ones) */
#define REDIR_START_SESSION_LEN		8
#define REDIR_START_SESSION_REPLY_LEN	13
#define REDIR_END_SESSION_LEN		4
#define REDIR_AUTH_HDR_LEN		9
#define REDIR_START_SOL_LEN		24
#define REDIR_START_SOL_REPLY_LEN	23
#define REDIR_END_SOL_LEN		8
#define REDIR_HEARTBEAT_LEN		8
#define REDIR_SOL_DATA_HDR_LEN		10

/* status byte of the replies */
#define REDIR_STATUS_SUCCESS		0x00
#define REDIR_STATUS_FAILURE		0x01	/* authentication refused */
#define REDIR_STATUS_BUSY		0x02	/* a SOL session is already open */
#define REDIR_STATUS_UNSUPPORTED	0x03	/* session type not offered */

/* authentication types (byte 4 of 0x13/0x14) */
#define REDIR_AUTH_QUERY		0x00	/* which types does AMT accept? */
#define REDIR_AUTH_USER_PASSWORD	0x01	/* what amtterm sends */
#define REDIR_AUTH_KERBEROS		0x02
#define REDIR_AUTH_DIGEST		0x03
#define REDIR_AUTH_DIGEST_QOP		0x04

/* what csme-sim reports in StartRedirectionSessionReply */
#define REDIR_PROTOCOL_MAJOR		1
#define REDIR_PROTOCOL_MINOR		0
#define REDIR_IANA_INTEL		343	/* IANA enterprise number */

/* limits */
#define REDIR_AUTH_DATA_MAX		512	/* longest authentication payload */
#define REDIR_SOL_DATA_MAX		4096	/* longest SOL data payload accepted */
#define REDIR_SOL_OUT_MAX		1000	/* longest SOL data payload sent */
#define REDIR_AUTH_TRIES		3	/* failed attempts before the close */
#define REDIR_HANDSHAKE_MS		30000	/* connect to SOL running */
#define REDIR_SETTLE_MS			250	/* quiet time after 0x21, see .c */
#define REDIR_HEARTBEAT_MIN_MS		500
#define REDIR_IDLE_MIN_MS		30000	/* SOL: silence before the close */

enum redir_state {
	REDIR_ST_START,		/* waiting for StartRedirectionSession */
	REDIR_ST_AUTH,		/* session type accepted, not authenticated */
	REDIR_ST_READY,		/* authenticated, waiting for StartSOLRedirection */
	REDIR_ST_SOL,		/* SOL running */
	REDIR_ST_SOL_ENDED,	/* EndSOLRedirection answered */
	REDIR_ST_CLOSED,	/* the connection is to be closed */
};

/* why a session ended; REDIR_REJ_NONE for an orderly end */
enum redir_reject {
	REDIR_REJ_NONE,
	REDIR_REJ_UNKNOWN_TYPE,		/* message type not in the protocol */
	REDIR_REJ_WRONG_STATE,		/* known message, not valid now */
	REDIR_REJ_SESSION_TYPE,		/* not "SOL " (answered unsupported) */
	REDIR_REJ_SOL_DISABLED,		/* SOL switched off in the model */
	REDIR_REJ_BUSY,			/* another SOL session is open */
	REDIR_REJ_AUTH_FAILED,		/* REDIR_AUTH_TRIES bad attempts */
	REDIR_REJ_AUTH_MALFORMED,	/* fields inconsistent with the length */
	REDIR_REJ_OVERSIZED,		/* length field beyond our limit */
	REDIR_REJ_TRUNCATED,		/* peer closed inside a message */
	REDIR_REJ_TIMEOUT,		/* handshake or SOL silence too long */
	REDIR_REJ_COUNT,
};

struct redir_stats {
	unsigned long connections;
	unsigned long auth_ok;
	unsigned long auth_failed;	/* every refused attempt */
	unsigned long sol_started;
	unsigned long sol_ended;	/* EndSOLRedirection answered */
	unsigned long sessions_ended;	/* EndRedirectionSession received */
	unsigned long bytes_typed;	/* SOL payload from clients */
	unsigned long bytes_sent;	/* SOL payload to clients */
	unsigned long heartbeats_sent;
	unsigned long heartbeats_echoed;
	unsigned long pings;
	unsigned long rejects[REDIR_REJ_COUNT];
};

/* One per csme-sim: what every redirection connection shares. */
struct redir_server {
	struct amt_model *model;
	bool sol_busy;			/* AMT serves one SOL session at a time */
	struct redir_stats st;
};

struct redir_conn {
	struct redir_server *srv;
	enum redir_state state;
	enum redir_reject reject;	/* set when state became CLOSED */
	bool owns_sol;			/* holds srv->sol_busy */
	bool settled;			/* console output may flow */
	unsigned int auth_failures;
	uint32_t seq;			/* sequence number of our next message */
	uint16_t out_max;		/* payload per 0x2a message */
	uint16_t heartbeat_ms;		/* 0: the client asked for none */
	uint32_t idle_ms;		/* SOL: close after this much silence */
	uint64_t opened_ms;
	uint64_t sol_started_ms;
	uint64_t last_rx_ms;
	uint64_t last_heartbeat_ms;
};

void redir_server_init(struct redir_server *s, struct amt_model *m);
void redir_conn_init(struct redir_conn *c, struct redir_server *s, uint64_t now_ms);
/*
 * Consume whole messages from @data[0..@len) and append the replies (and
 * console output that became due) to @out. Returns the bytes consumed; the
 * rest is an incomplete message to offer again with more bytes. Once the
 * state is CLOSED every byte is consumed and dropped.
 */
size_t redir_conn_input(struct redir_conn *c, const uint8_t *data, size_t len,
			uint64_t now_ms, struct abuf *out);
/*
 * Append pending console output as SOL data messages, at most @room bytes
 * of messages. Returns the payload bytes taken from the model. Nothing is
 * sent before SOL runs and has settled (see REDIR_SETTLE_MS).
 */
size_t redir_conn_pump(struct redir_conn *c, uint64_t now_ms, struct abuf *out, size_t room);
/* Timers: heartbeats, handshake and idle timeouts. */
void redir_conn_tick(struct redir_conn *c, uint64_t now_ms, struct abuf *out);
/* The peer sent FIN with @pending unconsumed bytes. */
void redir_conn_peer_fin(struct redir_conn *c, size_t pending);
/* The connection is gone: give back the SOL slot. */
void redir_conn_release(struct redir_conn *c);
static inline bool redir_conn_closed(const struct redir_conn *c)
{
	return c->state == REDIR_ST_CLOSED;
}

const char *redir_reject_name(enum redir_reject r);
const char *redir_state_name(enum redir_state s);

#endif /* AMT_REDIR_PROTO_H */

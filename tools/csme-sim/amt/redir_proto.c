// SPDX-License-Identifier: GPL-2.0
/* redir_proto - AMT redirection protocol, server side (see redir_proto.h). */
#include <stdio.h>
#include <string.h>

#include "redir_proto.h"

static const char *const reject_names[REDIR_REJ_COUNT] = {
	[REDIR_REJ_NONE]		= "none",
	[REDIR_REJ_UNKNOWN_TYPE]	= "unknown_type",
	[REDIR_REJ_WRONG_STATE]		= "wrong_state",
	[REDIR_REJ_SESSION_TYPE]	= "session_type",
	[REDIR_REJ_SOL_DISABLED]	= "sol_disabled",
	[REDIR_REJ_BUSY]		= "busy",
	[REDIR_REJ_AUTH_FAILED]		= "auth_failed",
	[REDIR_REJ_AUTH_MALFORMED]	= "auth_malformed",
	[REDIR_REJ_OVERSIZED]		= "oversized",
	[REDIR_REJ_TRUNCATED]		= "truncated",
	[REDIR_REJ_TIMEOUT]		= "timeout",
};

static const char *const state_names[] = {
	[REDIR_ST_START]	= "start",
	[REDIR_ST_AUTH]		= "auth",
	[REDIR_ST_READY]	= "ready",
	[REDIR_ST_SOL]		= "sol",
	[REDIR_ST_SOL_ENDED]	= "sol_ended",
	[REDIR_ST_CLOSED]	= "closed",
};

const char *redir_reject_name(enum redir_reject r)
{
	return (unsigned int)r < REDIR_REJ_COUNT ? reject_names[r] : "?";
}

const char *redir_state_name(enum redir_state s)
{
	return (unsigned int)s <= REDIR_ST_CLOSED ? state_names[s] : "?";
}

static uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put_le32(uint8_t *p, uint32_t v)
{
	put_le16(p, (uint16_t)v);
	put_le16(p + 2, (uint16_t)(v >> 16));
}

void redir_server_init(struct redir_server *s, struct amt_model *m)
{
	memset(s, 0, sizeof(*s));
	s->model = m;
}

void redir_conn_init(struct redir_conn *c, struct redir_server *s, uint64_t now_ms)
{
	memset(c, 0, sizeof(*c));
	c->srv = s;
	c->state = REDIR_ST_START;
	c->seq = 1;
	c->opened_ms = now_ms;
	c->last_rx_ms = now_ms;
	s->st.connections++;
}

void redir_conn_release(struct redir_conn *c)
{
	if (c->owns_sol) {
		c->srv->sol_busy = false;
		c->owns_sol = false;
	}
}

static void conn_close(struct redir_conn *c, enum redir_reject why)
{
	if (c->state == REDIR_ST_CLOSED)
		return;
	c->state = REDIR_ST_CLOSED;
	c->reject = why;
	if (why != REDIR_REJ_NONE)
		c->srv->st.rejects[why]++;
	redir_conn_release(c);
}

/*
 * The length of the message at @d, or 0 while too few bytes are there to
 * tell, or -1 (with *@why) when the message can never be valid.
 */
static long msg_length(const uint8_t *d, size_t len, enum redir_reject *why)
{
	uint32_t n;

	switch (d[0]) {
	case REDIR_START_SESSION:
		return REDIR_START_SESSION_LEN;
	case REDIR_END_SESSION:
		return REDIR_END_SESSION_LEN;
	case REDIR_START_SOL:
		return REDIR_START_SOL_LEN;
	case REDIR_END_SOL:
		return REDIR_END_SOL_LEN;
	case REDIR_SOL_PING:
	case REDIR_SOL_HEARTBEAT:
		return REDIR_HEARTBEAT_LEN;
	case REDIR_AUTHENTICATE:
		if (len < REDIR_AUTH_HDR_LEN)
			return 0;
		n = get_le32(d + 5);
		if (n > REDIR_AUTH_DATA_MAX) {
			*why = REDIR_REJ_OVERSIZED;
			return -1;
		}
		return REDIR_AUTH_HDR_LEN + (long)n;
	case REDIR_SOL_DATA_TO_HOST:
		if (len < REDIR_SOL_DATA_HDR_LEN)
			return 0;
		n = get_le16(d + 8);
		if (n > REDIR_SOL_DATA_MAX) {
			*why = REDIR_REJ_OVERSIZED;
			return -1;
		}
		return REDIR_SOL_DATA_HDR_LEN + (long)n;
	default:
		*why = REDIR_REJ_UNKNOWN_TYPE;
		return -1;
	}
}

static void fw_version(uint8_t *major, uint8_t *minor)
{
	unsigned int a = 0, b = 0;

	if (sscanf(AMT_MODEL_FW_VERSION, "%u.%u", &a, &b) != 2)
		a = b = 0;
	*major = (uint8_t)a;
	*minor = (uint8_t)b;
}

static void reply_start_session(struct abuf *out, uint8_t status)
{
	uint8_t r[REDIR_START_SESSION_REPLY_LEN] = { REDIR_START_SESSION_REPLY, status };

	r[4] = REDIR_PROTOCOL_MAJOR;
	r[5] = REDIR_PROTOCOL_MINOR;
	fw_version(&r[6], &r[7]);
	put_le32(r + 8, REDIR_IANA_INTEL);
	r[12] = 0;			/* no OEM-defined data follows */
	abuf_add(out, r, sizeof(r));
}

static void on_start_session(struct redir_conn *c, const uint8_t *d, struct abuf *out)
{
	struct redir_server *s = c->srv;

	if (memcmp(d + 4, "SOL ", 4)) {
		reply_start_session(out, REDIR_STATUS_UNSUPPORTED);
		conn_close(c, REDIR_REJ_SESSION_TYPE);
	} else if (!s->model->sol_enabled) {
		reply_start_session(out, REDIR_STATUS_UNSUPPORTED);
		conn_close(c, REDIR_REJ_SOL_DISABLED);
	} else if (s->sol_busy) {
		reply_start_session(out, REDIR_STATUS_BUSY);
		conn_close(c, REDIR_REJ_BUSY);
	} else {
		reply_start_session(out, REDIR_STATUS_SUCCESS);
		c->state = REDIR_ST_AUTH;
	}
}

static void reply_auth(struct abuf *out, uint8_t status, uint8_t type,
		       const uint8_t *data, uint32_t len)
{
	uint8_t r[REDIR_AUTH_HDR_LEN] = { REDIR_AUTHENTICATE_REPLY, status, 0, 0, type };

	put_le32(r + 5, len);
	abuf_add(out, r, sizeof(r));
	if (len)
		abuf_add(out, data, len);
}

/* Compare without an early exit on the first differing byte. */
static bool same_secret(const uint8_t *a, size_t alen, const char *b)
{
	size_t blen = strlen(b), i;
	unsigned int diff = alen != blen;

	for (i = 0; i < alen; i++)
		diff |= a[i] ^ (uint8_t)(i < blen ? b[i] : 0);
	return !diff;
}

static void auth_refused(struct redir_conn *c, uint8_t type, struct abuf *out)
{
	reply_auth(out, REDIR_STATUS_FAILURE, type, NULL, 0);
	c->srv->st.auth_failed++;
	if (++c->auth_failures >= REDIR_AUTH_TRIES)
		conn_close(c, REDIR_REJ_AUTH_FAILED);
}

static void on_authenticate(struct redir_conn *c, const uint8_t *d, struct abuf *out)
{
	static const uint8_t offered[] = { REDIR_AUTH_USER_PASSWORD };
	uint32_t n = get_le32(d + 5);
	const uint8_t *p = d + REDIR_AUTH_HDR_LEN;
	uint8_t ulen, plen;
	bool ok;

	switch (d[4]) {
	case REDIR_AUTH_QUERY:
		reply_auth(out, REDIR_STATUS_SUCCESS, REDIR_AUTH_QUERY, offered,
			   sizeof(offered));
		return;
	case REDIR_AUTH_USER_PASSWORD:
		/* [user length][user][password length][password], nothing else */
		if (n < 2 || (ulen = p[0]) > n - 2 ||
		    (plen = p[1 + ulen]) != n - 2 - ulen) {
			conn_close(c, REDIR_REJ_AUTH_MALFORMED);
			return;
		}
		ok = same_secret(p + 1, ulen, AMT_MODEL_USER);
		ok &= same_secret(p + 2 + ulen, plen, c->srv->model->password);
		if (!ok) {
			auth_refused(c, REDIR_AUTH_USER_PASSWORD, out);
			return;
		}
		reply_auth(out, REDIR_STATUS_SUCCESS, REDIR_AUTH_USER_PASSWORD, NULL, 0);
		c->srv->st.auth_ok++;
		c->state = REDIR_ST_READY;
		return;
	default:
		/* Kerberos, Digest and unknown types: not offered, so refused */
		auth_refused(c, d[4], out);
		return;
	}
}

static uint16_t clamp16(uint16_t v, uint16_t lo, uint16_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/*
 * 0x21: the status, then the SOL settings in force, in the order of the
 * request: buffer size, transmit buffer timeout, transmit overflow timeout,
 * host session receive timeout, host FIFO flush timeout, heartbeat interval;
 * two reserved bytes and the OEM data length (0).
 */
static void reply_start_sol(struct redir_conn *c, const uint8_t *d, uint8_t status,
			    struct abuf *out)
{
	uint8_t r[REDIR_START_SOL_REPLY_LEN] = { REDIR_START_SOL_REPLY, status };

	if (status == REDIR_STATUS_SUCCESS) {
		put_le16(r + 8, c->out_max);
		memcpy(r + 10, d + 10, 8);	/* the timeouts, as asked */
		put_le16(r + 18, c->heartbeat_ms);
	}
	abuf_add(out, r, sizeof(r));
}

static void on_start_sol(struct redir_conn *c, const uint8_t *d, uint64_t now,
			 struct abuf *out)
{
	struct redir_server *s = c->srv;
	uint16_t max = get_le16(d + 8), hb = get_le16(d + 18);

	if (!s->model->sol_enabled) {
		reply_start_sol(c, d, REDIR_STATUS_UNSUPPORTED, out);
		conn_close(c, REDIR_REJ_SOL_DISABLED);
		return;
	}
	if (s->sol_busy && !c->owns_sol) {
		reply_start_sol(c, d, REDIR_STATUS_BUSY, out);
		conn_close(c, REDIR_REJ_BUSY);
		return;
	}
	s->sol_busy = true;
	c->owns_sol = true;
	c->out_max = max ? clamp16(max, 1, REDIR_SOL_OUT_MAX) : REDIR_SOL_OUT_MAX;
	c->heartbeat_ms = hb ? clamp16(hb, REDIR_HEARTBEAT_MIN_MS, 60000) : 0;
	c->idle_ms = c->heartbeat_ms ? 4u * c->heartbeat_ms : 0;
	if (c->idle_ms && c->idle_ms < REDIR_IDLE_MIN_MS)
		c->idle_ms = REDIR_IDLE_MIN_MS;
	reply_start_sol(c, d, REDIR_STATUS_SUCCESS, out);
	c->state = REDIR_ST_SOL;
	/*
	 * amtterm 1.4 drops whatever arrives in the same read as this reply,
	 * so console output waits until the client speaks or REDIR_SETTLE_MS.
	 */
	c->settled = false;
	c->sol_started_ms = now;
	c->last_heartbeat_ms = now;
	s->model->sol_sessions++;
	s->st.sol_started++;
}

static void on_sol_data(struct redir_conn *c, const uint8_t *d)
{
	struct amt_model *m = c->srv->model;
	uint16_t n = get_le16(d + 8);
	const char *text = (const char *)d + REDIR_SOL_DATA_HDR_LEN;

	amt_model_console_typed(m, text, n);
	amt_model_console_print(m, text, n);	/* the console echoes */
	c->srv->st.bytes_typed += n;
}

static void on_end_sol(struct redir_conn *c, struct abuf *out)
{
	uint8_t r[REDIR_END_SOL_LEN] = { REDIR_END_SOL_REPLY };

	abuf_add(out, r, sizeof(r));
	redir_conn_release(c);
	c->state = REDIR_ST_SOL_ENDED;
	c->srv->st.sol_ended++;
}

static void on_ping(struct redir_conn *c, const uint8_t *d, struct abuf *out)
{
	uint8_t r[REDIR_HEARTBEAT_LEN];

	memcpy(r, d, sizeof(r));
	r[0] = REDIR_SOL_PONG;
	abuf_add(out, r, sizeof(r));
	c->srv->st.pings++;
}

/* One whole message @d; returns false when it is not valid in this state. */
static bool dispatch(struct redir_conn *c, const uint8_t *d, uint64_t now,
		     struct abuf *out)
{
	uint8_t type = d[0];

	if (type == REDIR_END_SESSION) {
		c->srv->st.sessions_ended++;
		conn_close(c, REDIR_REJ_NONE);
		return true;
	}
	switch (c->state) {
	case REDIR_ST_START:
		if (type != REDIR_START_SESSION)
			return false;
		on_start_session(c, d, out);
		return true;
	case REDIR_ST_AUTH:
		if (type != REDIR_AUTHENTICATE)
			return false;
		on_authenticate(c, d, out);
		return true;
	case REDIR_ST_READY:
		if (type != REDIR_START_SOL)
			return false;
		on_start_sol(c, d, now, out);
		return true;
	case REDIR_ST_SOL:
		c->settled = true;
		if (type == REDIR_SOL_DATA_TO_HOST)
			on_sol_data(c, d);
		else if (type == REDIR_SOL_HEARTBEAT)
			c->srv->st.heartbeats_echoed++;
		else if (type == REDIR_SOL_PING)
			on_ping(c, d, out);
		else if (type == REDIR_END_SOL)
			on_end_sol(c, out);
		else
			return false;
		return true;
	case REDIR_ST_SOL_ENDED:
		/*
		 * A heartbeat echo may cross our EndSOLRedirection reply, and
		 * amtterm sends the ^] that ended SOL as data after 0x22:
		 * both are dropped.
		 */
		if (type == REDIR_SOL_HEARTBEAT || type == REDIR_SOL_DATA_TO_HOST)
			return true;
		if (type != REDIR_START_SOL)
			return false;
		on_start_sol(c, d, now, out);
		return true;
	case REDIR_ST_CLOSED:
		break;
	}
	return true;
}

size_t redir_conn_input(struct redir_conn *c, const uint8_t *data, size_t len,
			uint64_t now_ms, struct abuf *out)
{
	enum redir_reject why = REDIR_REJ_NONE;
	size_t used = 0;
	long n;

	while (used < len && c->state != REDIR_ST_CLOSED) {
		n = msg_length(data + used, len - used, &why);
		if (n < 0) {
			conn_close(c, why);
			break;
		}
		if (n == 0 || (size_t)n > len - used)
			return used;		/* wait for the rest */
		c->last_rx_ms = now_ms;
		if (!dispatch(c, data + used, now_ms, out))
			conn_close(c, REDIR_REJ_WRONG_STATE);
		used += (size_t)n;
	}
	return c->state == REDIR_ST_CLOSED ? len : used;
}

size_t redir_conn_pump(struct redir_conn *c, uint64_t now_ms, struct abuf *out, size_t room)
{
	uint8_t hdr[REDIR_SOL_DATA_HDR_LEN] = { REDIR_SOL_DATA_FROM_HOST };
	char buf[REDIR_SOL_OUT_MAX];
	size_t sent = 0, n, max;

	if (c->state != REDIR_ST_SOL)
		return 0;
	if (!c->settled && now_ms - c->sol_started_ms >= REDIR_SETTLE_MS)
		c->settled = true;
	if (!c->settled)
		return 0;
	while (room > REDIR_SOL_DATA_HDR_LEN && c->srv->model->console_out.len) {
		max = room - REDIR_SOL_DATA_HDR_LEN;
		if (max > c->out_max)
			max = c->out_max;
		n = amt_model_console_take(c->srv->model, buf, max);
		put_le32(hdr + 4, c->seq++);
		put_le16(hdr + 8, (uint16_t)n);
		abuf_add(out, hdr, sizeof(hdr));
		abuf_add(out, buf, n);
		room -= sizeof(hdr) + n;
		sent += n;
	}
	c->srv->st.bytes_sent += sent;
	return sent;
}

void redir_conn_tick(struct redir_conn *c, uint64_t now_ms, struct abuf *out)
{
	uint8_t hb[REDIR_HEARTBEAT_LEN] = { REDIR_SOL_HEARTBEAT };
	uint64_t quiet = now_ms - c->last_rx_ms;

	switch (c->state) {
	case REDIR_ST_START:
	case REDIR_ST_AUTH:
	case REDIR_ST_READY:
		if (now_ms - c->opened_ms >= REDIR_HANDSHAKE_MS)
			conn_close(c, REDIR_REJ_TIMEOUT);
		return;
	case REDIR_ST_SOL_ENDED:
		if (quiet >= REDIR_HANDSHAKE_MS)
			conn_close(c, REDIR_REJ_TIMEOUT);
		return;
	case REDIR_ST_SOL:
		break;
	case REDIR_ST_CLOSED:
		return;
	}
	if (c->idle_ms && quiet >= c->idle_ms) {
		conn_close(c, REDIR_REJ_TIMEOUT);
		return;
	}
	if (!c->settled && now_ms - c->sol_started_ms >= REDIR_SETTLE_MS)
		c->settled = true;
	if (c->heartbeat_ms && c->settled &&
	    now_ms - c->last_heartbeat_ms >= c->heartbeat_ms) {
		put_le32(hb + 4, c->seq++);
		abuf_add(out, hb, sizeof(hb));
		c->last_heartbeat_ms = now_ms;
		c->srv->st.heartbeats_sent++;
	}
}

void redir_conn_peer_fin(struct redir_conn *c, size_t pending)
{
	conn_close(c, pending ? REDIR_REJ_TRUNCATED : REDIR_REJ_NONE);
}

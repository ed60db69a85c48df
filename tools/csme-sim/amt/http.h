/* SPDX-License-Identifier: GPL-2.0 */
/*
 * http - AMT's HTTP service on TCP 16992 for csme-sim: per connection an
 * incremental request parser, keep-alive, 100-continue, Digest
 * authentication and the routes of http_routes.h, answered in order.
 *
 * The connection logic (struct http_conn, http_conn_*()) is pure: bytes in,
 * response bytes appended to an output buffer; it never calls amt_net.
 * http_svc.c is the thin glue that runs it as an amt_svc service
 * (amt_http_ops) on amt_net's TCP.
 */
#ifndef AMT_HTTP_H
#define AMT_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abuf.h"
#include "amt_model.h"
#include "amt_svc.h"
#include "digest.h"
#include "http_parse.h"

#define AMT_HTTP_PORT		16992
#define HTTP_SERVER		"Intel(R) Active Management Technology " AMT_MODEL_FW_VERSION
/* response bytes queued per connection; requests are not read above HIGH */
#define HTTP_OUT_MAX		(4 * 1024 * 1024)
#define HTTP_OUT_HIGH		(64 * 1024)
/* request bytes a connection holds while its answers wait */
#define HTTP_IN_MAX		(64 * 1024)
#define HTTP_RESP_BODY_MAX	(2 * 1024 * 1024)	/* one response body */
#define HTTP_REQ_TIMEOUT_MS	30000		/* a started request must end: else 408 */

/* Statuses counted one by one; anything else is counted as "other". */
enum http_stat {
	HTTP_S_100, HTTP_S_200, HTTP_S_303, HTTP_S_400, HTTP_S_401, HTTP_S_404, HTTP_S_405,
	HTTP_S_408, HTTP_S_413, HTTP_S_414, HTTP_S_417, HTTP_S_431, HTTP_S_500, HTTP_S_501,
	HTTP_S_505, HTTP_S_OTHER, HTTP_S__COUNT
};

struct amt_http {
	struct amt_model *model;
	struct digest_ctx digest;
	uint64_t (*clock_ms)(void);		/* NULL: CLOCK_MONOTONIC */
	uint64_t requests;			/* complete requests answered */
	uint64_t status[HTTP_S__COUNT];		/* responses sent, by status */
	uint64_t conns_open, conns_total;
	uint64_t closed_no_answer;		/* framing broke after a 413 */
	uint64_t out_overflow;			/* output queue full: connection closed */
};

struct http_conn {
	struct amt_http *srv;
	struct http_parser p;
	struct abuf out;		/* response bytes not yet written to TCP */
	size_t out_sent;		/* of out.len, already written */
	struct abuf in;			/* request bytes taken while answers wait */
	size_t in_used;			/* of in.len, already parsed */
	bool peer_fin;			/* no more request bytes will come */
	uint64_t req_start_ms;		/* first byte of the current request */
	bool close_after;		/* close once out is written; ignore input */
	bool fin_queued;		/* amt_conn_close() done */
};

/* @m is read and updated by the routes; @digest_life_ms 0 = default. */
void amt_http_init(struct amt_http *srv, struct amt_model *m, uint64_t digest_life_ms);
/* Serve 16992 on @net (amt_net_listen with amt_http_ops). */
int amt_http_listen(struct amt_net *net, struct amt_http *srv);
extern const struct amt_svc_ops amt_http_ops;

void http_conn_init(struct http_conn *hc, struct amt_http *srv);
void http_conn_free(struct http_conn *hc);
/*
 * Parse @data[0..@len) and queue the answers. While more than
 * HTTP_OUT_HIGH bytes of answers wait, requests are not parsed but kept
 * (up to HTTP_IN_MAX) for http_conn_resume(). Returns the bytes taken: all
 * unless that buffer is full.
 */
size_t http_conn_rx(struct http_conn *hc, const uint8_t *data, size_t len);
/* Answers were written: parse kept requests. Returns the bytes parsed. */
size_t http_conn_resume(struct http_conn *hc);
/* The peer sent FIN: answer what was received, then close. */
void http_conn_peer_fin(struct http_conn *hc);
/* Periodic: a request started more than HTTP_REQ_TIMEOUT_MS ago gets 408. */
void http_conn_tick(struct http_conn *hc, uint64_t now_ms);
/* Bytes queued and not yet handed to TCP. */
static inline size_t http_conn_pending(const struct http_conn *hc)
{
	return hc->out.len - hc->out_sent;
}
/* @n more bytes were handed to TCP. */
void http_conn_sent(struct http_conn *hc, size_t n);

/*
 * Answer the complete request in @p into @out (status line, headers, body);
 * returns the status. Pure apart from the model and the nonce table.
 */
int http_answer(struct amt_http *srv, const struct http_parser *p, uint64_t now_ms,
		struct abuf *out);
/*
 * Append a whole response: status line, Date, Server, extra header lines
 * @extra (each ending in CRLF, may be NULL), Content-Type (if @ctype),
 * Content-Length, Connection, and the body unless @head.
 */
void http_response(struct amt_http *srv, struct abuf *out, int status, const char *ctype,
		   const char *extra, const void *body, size_t body_len, bool head,
		   bool keep_alive);
const char *http_reason(int status);
uint64_t http_now_ms(const struct amt_http *srv);
const char *http_stat_name(enum http_stat s);

#endif /* AMT_HTTP_H */

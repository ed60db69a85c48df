/* SPDX-License-Identifier: GPL-2.0 */
/*
 * http_parse - incremental HTTP/1.1 request parser for csme-sim's AMT web
 * service on TCP 16992 (RFC 9110/9112, formerly RFC 7230/7231).
 *
 * The parser is fed whatever bytes TCP delivered, in any split: one byte at
 * a time or several pipelined requests in one chunk. http_parse() consumes
 * bytes until the next event and returns how many it consumed; the caller
 * handles the event and calls it again with the rest. It stops after a
 * complete request (HTTP_EV_REQUEST) until http_parser_next() is called, so
 * pipelined requests are answered in order.
 *
 * Malformed input is answered with a precise status (HTTP_EV_ERROR,
 * ->status); the connection is then closed (->keep_alive false) except
 * after 413 for a body whose framing is known, which is read and dropped
 * so the next request on the connection parses normally:
 *   400  bad request line, bad header line (no colon, space before the
 *        colon, obs-fold, control characters), HTTP/1.1 without Host or with
 *        two, bad or conflicting Content-Length, Content-Length together with
 *        Transfer-Encoding, Transfer-Encoding not ending in chunked, bad
 *        chunk size line or missing CRLF after chunk data
 *   413  body larger than ->body_max (Content-Length or chunk sizes)
 *   414  request-target longer than HTTP_TARGET_MAX
 *   417  Expect other than 100-continue (HTTP/1.1)
 *   431  header block or trailers above HTTP_HDR_BYTES, or more than
 *        HTTP_HDR_COUNT header fields
 *   500  out of memory for the body
 *   501  method longer than HTTP_METHOD_MAX, transfer coding other than
 *        chunked
 *   505  HTTP major version other than 1
 */
#ifndef AMT_HTTP_PARSE_H
#define AMT_HTTP_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HTTP_METHOD_MAX		16		/* longest method we could implement */
#define HTTP_TARGET_MAX		1024		/* request-target bytes -> 414 */
#define HTTP_HDR_BYTES		8192		/* header block (and trailers) -> 431 */
#define HTTP_HDR_COUNT		64		/* header fields -> 431 */
#define HTTP_BODY_MAX		(1024 * 1024)	/* default body limit -> 413 */
#define HTTP_DISCARD_MAX	(64ULL << 20)	/* body read and dropped after 413 */
#define HTTP_CHUNK_LINE_MAX	256		/* chunk size line with extensions */
#define HTTP_REQLINE_MAX	(HTTP_METHOD_MAX + HTTP_TARGET_MAX + 16)

enum http_event {
	HTTP_EV_NONE = 0,	/* all input consumed, need more */
	HTTP_EV_CONTINUE,	/* headers ask for 100-continue: send it now */
	HTTP_EV_REQUEST,	/* a complete request: answer, then http_parser_next() */
	HTTP_EV_ERROR,		/* answer ->status; close unless ->keep_alive */
	HTTP_EV_CLOSE,		/* framing broke while dropping a body: close, no answer */
};

struct http_header {
	uint16_t name;		/* offsets into ->hdr, NUL-terminated */
	uint16_t value;
};

struct http_parser {
	int state;
	size_t body_max;

	/* the current request */
	char method[HTTP_METHOD_MAX + 1];
	char target[HTTP_TARGET_MAX + 1];	/* path (absolute-form reduced to it) */
	int version;				/* 10 or 11 */
	bool keep_alive;			/* answer may keep the connection */
	bool expect_continue;
	bool chunked;
	bool head_done;				/* request line and headers complete */
	uint64_t content_length;
	uint8_t *body;				/* NUL-terminated, body_len bytes */
	size_t body_len;
	int status;				/* after HTTP_EV_ERROR */
	const char *error;			/* what was wrong, for logs */

	/* where the parser is */
	bool discard;				/* dropping a body after 413 */
	uint64_t remaining;			/* of Content-Length or chunk */
	uint64_t dropped;			/* bytes dropped after 413 */
	size_t body_cap;
	size_t hdr_bytes;			/* header + trailer bytes seen */
	unsigned int nfields;			/* header + trailer fields seen */
	unsigned int nhdrs;
	size_t hdr_used;
	struct http_header hdrs[HTTP_HDR_COUNT];
	char hdr[HTTP_HDR_BYTES + 2 * HTTP_HDR_COUNT];
	size_t line_len;
	char line[HTTP_HDR_BYTES + 1];
};

/* @body_max 0 = HTTP_BODY_MAX. The parser owns no memory until a body arrives. */
void http_parser_init(struct http_parser *p, size_t body_max);
void http_parser_free(struct http_parser *p);
/*
 * Consume bytes of @data[0..@len) up to the next event (*@ev) or the end.
 * Returns the count consumed. After HTTP_EV_REQUEST it consumes nothing
 * until http_parser_next(); after a fatal error it consumes and drops all.
 */
size_t http_parse(struct http_parser *p, const uint8_t *data, size_t len, enum http_event *ev);
/* The request was answered: get ready for the next one on the connection. */
void http_parser_next(struct http_parser *p);
/* True between the first byte of a request and its end (for timeouts, FIN). */
bool http_parser_busy(const struct http_parser *p);

/* First value of header @name (case-insensitive), or NULL. */
const char *http_req_header(const struct http_parser *p, const char *name);
/* How many header fields are named @name. */
unsigned int http_req_header_count(const struct http_parser *p, const char *name);
/* Whether the comma-separated list value @list holds @token (case-insensitive). */
bool http_list_has(const char *list, const char *token);

#endif /* AMT_HTTP_PARSE_H */

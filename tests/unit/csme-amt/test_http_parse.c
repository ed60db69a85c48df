// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: the incremental HTTP/1.1 request parser (amt/http_parse.c):
 * every split of the input gives the same events, pipelining, keep-alive
 * rules, 100-continue, chunked bodies, the body limit with the connection
 * staying usable after 413, and the status of every malformed case.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "http_parse.h"

/*
 * Drive the parser the way the service does with amt_svc rx(): bytes arrive
 * @step at a time, everything unconsumed is offered again with the next.
 * The events are written to @log as text ("C", "R GET /x ka 5:hello",
 * "E 400", "X" for close, "D" for the input dropped after a fatal error).
 */
static void drive(const char *in, size_t len, size_t step, size_t body_max,
		  char *log, size_t logsz)
{
	static struct http_parser p;
	size_t recvd = 0, off = 0, used = 0;
	bool stop = false;

	http_parser_init(&p, body_max);
	log[0] = '\0';
	while (recvd < len && !stop) {
		recvd += len - recvd < step ? len - recvd : step;
		while (off < recvd && !stop) {
			enum http_event ev;
			size_t n = http_parse(&p, (const uint8_t *)in + off, recvd - off, &ev);

			off += n;
			switch (ev) {
			case HTTP_EV_NONE:
				if (n == 0)
					stop = true;	/* parser stuck: a bug */
				break;
			case HTTP_EV_CONTINUE:
				used += snprintf(log + used, logsz - used, "C|");
				break;
			case HTTP_EV_REQUEST:
				used += snprintf(log + used, logsz - used, "R %s %s %s %zu:%.*s|",
						 p.method, p.target, p.keep_alive ? "ka" : "close",
						 p.body_len,
						 (int)(p.body_len < 16 ? p.body_len : 16),
						 p.body ? (const char *)p.body : "");
				if (!p.keep_alive)
					stop = true;
				http_parser_next(&p);
				break;
			case HTTP_EV_ERROR:
				used += snprintf(log + used, logsz - used, "E %d%s|", p.status,
						 p.keep_alive ? " ka" : "");
				if (!p.keep_alive)
					stop = true;
				break;
			case HTTP_EV_CLOSE:
				used += snprintf(log + used, logsz - used, "X|");
				stop = true;
				break;
			}
			if (used >= logsz)
				used = logsz - 1;
		}
	}
	http_parser_free(&p);
}

/* The events for @in must be @want for every step size 1..len. */
static void expect_all_splits(const char *name, const char *in, size_t len, size_t body_max,
			      const char *want)
{
	static char log[4096];
	size_t step, bad = 0, first_bad = 0;

	for (step = 1; step <= len; step++) {
		drive(in, len, step, body_max, log, sizeof(log));
		if (strcmp(log, want)) {
			if (!bad++)
				first_bad = step;
		}
	}
	if (!tap_ok(!bad, "parse: %s (every split of %zu bytes)", name, len)) {
		drive(in, len, first_bad, body_max, log, sizeof(log));
		tap_diag("step %zu gave \"%s\", want \"%s\"", first_bad, log, want);
	}
}

static void expect(const char *name, const char *in, const char *want)
{
	expect_all_splits(name, in, strlen(in), 0, want);
}

static void expect_limit(const char *name, const char *in, size_t body_max, const char *want)
{
	expect_all_splits(name, in, strlen(in), body_max, want);
}

static void test_basic(void)
{
	expect("simple GET", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", "R GET / ka 0:|");
	expect("bare LF line ends", "GET /x HTTP/1.1\nHost: a\n\n", "R GET /x ka 0:|");
	expect("leading empty lines skipped", "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
	       "R GET / ka 0:|");
	expect("absolute-form reduced to the path",
	       "GET http://h:16992/index.htm?a=1 HTTP/1.1\r\nHost: h\r\n\r\n",
	       "R GET /index.htm?a=1 ka 0:|");
	expect("absolute-form without path is /",
	       "GET http://h:16992 HTTP/1.1\r\nHost: h\r\n\r\n", "R GET / ka 0:|");
	expect("POST with Content-Length body",
	       "POST /wsman HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
	       "R POST /wsman ka 5:hello|");
	expect("HTTP/1.2 served as 1.1", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", "R GET / ka 0:|");
	expect("identical duplicate Content-Length",
	       "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\ncontent-length: 2, 2\r\n\r\nok",
	       "R POST / ka 2:ok|");
}

static void test_pipeline_keepalive(void)
{
	expect("three pipelined requests (CL, chunked, GET) in order",
	       "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
	       "POST /b HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
	       "2\r\nde\r\n1\r\nf\r\n0\r\n\r\n"
	       "GET /c HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
	       "R POST /a ka 3:abc|R POST /b ka 3:def|R GET /c close 0:|");
	expect("HTTP/1.0 closes by default", "GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\n\r\n",
	       "R GET / close 0:|");
	expect("HTTP/1.0 keep-alive",
	       "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET /2 HTTP/1.0\r\n\r\n",
	       "R GET / ka 0:|R GET /2 close 0:|");
	expect("Connection list with close, any case",
	       "GET / HTTP/1.1\r\nHost: a\r\nconnection: TE, Close\r\n\r\n",
	       "R GET / close 0:|");
	expect("HTTP/1.1 keep-alive survives a Connection: keep-alive",
	       "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n"
	       "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n",
	       "R GET / ka 0:|R GET /2 ka 0:|");
}

static void test_continue_chunked(void)
{
	expect("Expect: 100-continue gives CONTINUE before the body",
	       "POST /wsman HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\n"
	       "Content-Length: 4\r\n\r\nbody",
	       "C|R POST /wsman ka 4:body|");
	expect("no CONTINUE without a body",
	       "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n",
	       "R POST / ka 0:|");
	expect("Expect ignored in HTTP/1.0",
	       "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx",
	       "R POST / close 1:x|");
	expect("chunked with extensions, upper-case hex and trailers",
	       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
	       "A;name=\"v\"\r\n0123456789\r\n00001 \r\n!\r\n0\r\nX-Sum: 1\r\n\r\n",
	       "R POST / ka 11:0123456789!|");
	expect("chunked with 100-continue",
	       "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
	       "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
	       "C|R POST / ka 3:abc|");
}

static void test_body_limits(void)
{
	static char big[3 * 1024 * 1024];
	static char log[256];
	struct http_parser p;
	size_t hl, step;
	enum http_event ev;
	char want[128];

	/* exactly the limit is accepted; one more byte is 413 and the next request works */
	hl = (size_t)sprintf(big, "POST /wsman HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n\r\n",
			     HTTP_BODY_MAX);
	memset(big + hl, 'x', HTTP_BODY_MAX);
	drive(big, hl + HTTP_BODY_MAX, 65536, 0, log, sizeof(log));
	snprintf(want, sizeof(want), "R POST /wsman ka %d:xxxxxxxxxxxxxxxx|", HTTP_BODY_MAX);
	tap_ok(!strcmp(log, want), "parse: a body of exactly 1 MiB is accepted (%s)", log);

	hl = (size_t)sprintf(big, "POST /wsman HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n\r\n",
			     HTTP_BODY_MAX + 1);
	memset(big + hl, 'x', HTTP_BODY_MAX + 1);
	strcpy(big + hl + HTTP_BODY_MAX + 1, "GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
	for (step = 1000; step <= 1000000; step *= 10) {
		drive(big, strlen(big), step, 0, log, sizeof(log));
		if (!tap_ok(!strcmp(log, "E 413 ka|R GET /next ka 0:|"),
			    "parse: 1 MiB + 1 -> 413, body dropped, next request parsed (step %zu)",
			    step))
			tap_diag("got %s", log);
	}

	expect_limit("small limit: chunked over it -> 413 then the next request",
			  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
			  "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n"
			  "GET /n HTTP/1.1\r\nHost: a\r\n\r\n", 10,
			  "E 413 ka|R GET /n ka 0:|");
	expect_limit("small limit: 413 with 100-continue closes",
			  "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
			  "Content-Length: 11\r\n\r\n", 10, "E 413|");
	expect("Content-Length beyond what is ever dropped closes",
	       "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n",
	       "E 413|");
	expect("chunk size beyond what is ever dropped closes",
	       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
	       "fffffffffffffffffff\r\n", "E 413|");
	expect_limit("framing breaks while dropping -> close without a second answer",
			  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
			  "b\r\n12345678901\r\nzz\r\n", 10, "E 413 ka|X|");

	/* after a fatal error every further byte is consumed and dropped */
	http_parser_init(&p, 0);
	tap_eq(http_parse(&p, (const uint8_t *)"BAD\r\nmore", 9, &ev), 5,
	       "parse: error reported at the end of the bad line");
	tap_ok(ev == HTTP_EV_ERROR && p.status == 400 && !p.keep_alive, "parse: ... as 400, close");
	tap_eq(http_parse(&p, (const uint8_t *)"GET / HTTP/1.1\r\n\r\n", 18, &ev), 18,
	       "parse: input after a fatal error is dropped");
	tap_ok(ev == HTTP_EV_NONE && !http_parser_busy(&p), "parse: ... with no event");
	http_parser_free(&p);
}

static const struct {
	const char *name;
	const char *in;
	int status;
} malformed[] = {
	{ "no spaces", "GARBAGE\r\n\r\n", 400 },
	{ "no version", "GET /\r\n\r\n", 400 },
	{ "HTTP/0.9 style", "GET / \r\n\r\n", 400 },
	{ "two spaces", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "space in target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "bad method char", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "method too long", "ABCDEFGHIJKLMNOPQ / HTTP/1.1\r\nHost: a\r\n\r\n", 501 },
	{ "target not a path", "GET index.htm HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "target with control char", "GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "target with 8-bit byte", "GET /\xff HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "lower-case version", "GET / http/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "version without minor", "GET / HTTP/1\r\nHost: a\r\n\r\n", 400 },
	{ "version with junk", "GET / HTTP/1.1x\r\nHost: a\r\n\r\n", 400 },
	{ "HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505 },
	{ "HTTP/0.9 version", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505 },
	{ "bare CR in request line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "NUL in request line", "GET /\0 HTTP/1.1\r\nHost: a\r\n\r\n", 400 },
	{ "HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n", 400 },
	{ "two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400 },
	{ "header without colon", "GET / HTTP/1.1\r\nHost a\r\n\r\n", 400 },
	{ "empty header name", "GET / HTTP/1.1\r\n: a\r\nHost: a\r\n\r\n", 400 },
	{ "space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400 },
	{ "obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n  2\r\n\r\n", 400 },
	{ "control char in value", "GET / HTTP/1.1\r\nHost: a\x02\r\n\r\n", 400 },
	{ "bare CR in header", "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", 400 },
	{ "Content-Length not a number", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n",
	  400 },
	{ "negative Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
	  400 },
	{ "empty Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", 400 },
	{ "conflicting Content-Length",
	  "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400 },
	{ "conflicting Content-Length list",
	  "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n", 400 },
	{ "Content-Length with Transfer-Encoding",
	  "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
	  400 },
	{ "Transfer-Encoding not ending in chunked",
	  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400 },
	{ "chunked twice",
	  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n",
	  400 },
	{ "unknown transfer coding",
	  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501 },
	{ "Expect other than 100-continue",
	  "POST / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nx", 417 },
	{ "chunk size not hex", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
	  "zz\r\n", 400 },
	{ "junk after chunk size",
	  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
	  "5 x\r\nhello\r\n0\r\n\r\n", 400 },
	{ "no CRLF after chunk data",
	  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
	  400 },
	{ "malformed trailer",
	  "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
	  "0\r\nbad trailer\r\n\r\n",
	  400 },
};

static void test_malformed(void)
{
	size_t i;
	char want[32];

	for (i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++) {
		const char *in = malformed[i].in;
		size_t len = strlen(in);

		if (strstr(malformed[i].name, "NUL"))
			len = 31;
		snprintf(want, sizeof(want), "E %d|", malformed[i].status);
		expect_all_splits(malformed[i].name, in, len, 0, want);
	}
}

static void test_header_limits(void)
{
	static char buf[HTTP_HDR_BYTES * 2 + HTTP_REQLINE_MAX * 2];
	static char log[256];
	size_t n, i;

	/* 64 fields are fine, 65 are 431 */
	n = (size_t)sprintf(buf, "GET / HTTP/1.1\r\nHost: a\r\n");
	for (i = 1; i < HTTP_HDR_COUNT; i++)
		n += (size_t)sprintf(buf + n, "X-%zu: v\r\n", i);
	strcpy(buf + n, "\r\n");
	drive(buf, strlen(buf), 7, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "R GET / ka 0:|"), "parse: %d header fields accepted", HTTP_HDR_COUNT);
	n += (size_t)sprintf(buf + n, "X-last: v\r\n\r\n");
	drive(buf, strlen(buf), 7, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "E 431|"), "parse: %d header fields -> 431 (%s)",
	       HTTP_HDR_COUNT + 1, log);

	/* one field filling the header block is fine; one byte more is 431 */
	n = (size_t)sprintf(buf, "GET / HTTP/1.1\r\nHost: a\r\nX: ");
	i = HTTP_HDR_BYTES - 9 - 5;	/* "Host: a\r\n" + "X: " and CRLF */
	memset(buf + n, 'v', i);
	strcpy(buf + n + i, "\r\n\r\n");
	drive(buf, strlen(buf), 100, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "E 431|"), "parse: header block at the limit plus the end line -> 431");
	buf[n + i - 1] = '\r';
	buf[n + i] = '\n';
	buf[n + i + 1] = '\r';
	buf[n + i + 2] = '\n';
	buf[n + i + 3] = '\0';
	drive(buf, strlen(buf), 100, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "R GET / ka 0:|"), "parse: header block just under the limit (%s)",
	       log);
	memset(buf + n, 'v', HTTP_HDR_BYTES);
	strcpy(buf + n + HTTP_HDR_BYTES, "\r\n\r\n");
	drive(buf, strlen(buf), 1, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "E 431|"), "parse: an 8 KiB header line -> 431, fed byte by byte");

	/* request-target length */
	n = (size_t)sprintf(buf, "GET /");
	memset(buf + n, 'a', HTTP_TARGET_MAX - 1);
	strcpy(buf + n + HTTP_TARGET_MAX - 1, " HTTP/1.1\r\nHost: a\r\n\r\n");
	drive(buf, strlen(buf), 1, 0, log, sizeof(log));
	tap_ok(!strncmp(log, "R GET /aaa", 10), "parse: a %d-byte target is accepted",
	       HTTP_TARGET_MAX);
	memset(buf + n, 'a', HTTP_TARGET_MAX);
	strcpy(buf + n + HTTP_TARGET_MAX, " HTTP/1.1\r\nHost: a\r\n\r\n");
	drive(buf, strlen(buf), 1, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "E 414|"), "parse: a %d-byte target -> 414", HTTP_TARGET_MAX + 1);
	memset(buf + n, 'a', HTTP_REQLINE_MAX * 2);
	buf[n + HTTP_REQLINE_MAX * 2] = '\0';
	drive(buf, strlen(buf), 3, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "E 414|"), "parse: an endless target -> 414 before its end");
	memset(buf, 'G', HTTP_REQLINE_MAX * 2);
	buf[HTTP_REQLINE_MAX * 2] = '\0';
	drive(buf, strlen(buf), 5, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "E 501|"), "parse: an endless method -> 501");
	memset(buf, 0x80, HTTP_REQLINE_MAX * 2);
	drive(buf, strlen(buf), 5, 0, log, sizeof(log));
	tap_ok(!strcmp(log, "E 400|"), "parse: endless binary garbage -> 400");
}

static void test_headers_api(void)
{
	struct http_parser p;
	enum http_event ev;
	const char *req = "POST /x HTTP/1.1\r\nHOST: h\r\nAuthorization:   Digest a=\"b\"  \r\n"
			  "X-A: 1\r\nx-a: 2\r\nContent-Length: 0\r\n\r\n";

	http_parser_init(&p, 0);
	tap_eq(http_parse(&p, (const uint8_t *)req, strlen(req), &ev), strlen(req),
	       "headers: whole request consumed");
	tap_ok(ev == HTTP_EV_REQUEST && p.version == 11, "headers: request event, HTTP/1.1");
	tap_ok(http_req_header(&p, "authorization") &&
	       !strcmp(http_req_header(&p, "authorization"), "Digest a=\"b\""),
	       "headers: case-insensitive lookup, value trimmed");
	tap_ok(!strcmp(http_req_header(&p, "X-A"), "1") && http_req_header_count(&p, "x-a") == 2,
	       "headers: first of two and the count");
	tap_ok(!http_req_header(&p, "cookie"), "headers: absent is NULL");
	tap_ok(http_parser_busy(&p), "headers: busy until answered");
	tap_eq(http_parse(&p, (const uint8_t *)"GET", 3, &ev), 0,
	       "headers: nothing consumed before http_parser_next()");
	http_parser_next(&p);
	tap_ok(!http_parser_busy(&p) && !http_req_header(&p, "host"),
	       "headers: next request starts empty");
	tap_ok(http_list_has("a, b ,Close", "close") && !http_list_has("closed", "close"),
	       "headers: list token matching");
	http_parser_free(&p);
}

int main(void)
{
	tap_start();
	test_basic();
	test_pipeline_keepalive();
	test_continue_chunked();
	test_body_limits();
	test_malformed();
	test_header_limits();
	test_headers_api();
	return tap_end();
}

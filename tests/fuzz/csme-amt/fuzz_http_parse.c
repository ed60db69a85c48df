// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the HTTP request parser (amt/http_parse.c) and the
 * HTTP service's connection logic (amt/http.c) on arbitrary bytes.
 *
 * Input: byte 0 picks the chunk size the bytes are fed in (1..256), the
 * rest is the TCP stream. Checked: the events are the same whether the
 * stream comes whole or in chunks; nothing consumed beyond what was
 * offered; the parser never stalls; a request has a token method, a target
 * starting with '/' or '*', a body within the limit and NUL-terminated;
 * an error carries one of the documented statuses; every answer the
 * service queues starts with an HTTP/1.1 status line.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "http_parse.h"

#define BODY_MAX 4096

static size_t log_ev(char *log, size_t used, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static size_t log_ev(char *log, size_t used, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (used >= size - 1)
		return used;
	va_start(ap, fmt);
	n = vsnprintf(log + used, size - used, fmt, ap);
	va_end(ap);
	return n < 0 ? used : used + (size_t)n < size ? used + (size_t)n : size - 1;
}

static bool status_documented(int s)
{
	return s == 400 || s == 413 || s == 414 || s == 417 || s == 431 || s == 500 ||
	       s == 501 || s == 505;
}

static void drive(const uint8_t *d, size_t len, size_t step, char *log, size_t logsz)
{
	static struct http_parser p;
	size_t recvd = 0, off = 0, used = 0;
	bool stop = false;

	http_parser_init(&p, BODY_MAX);
	log[0] = '\0';
	while (recvd < len && !stop) {
		recvd += len - recvd < step ? len - recvd : step;
		while (off < recvd && !stop) {
			enum http_event ev;
			size_t n = http_parse(&p, d + off, recvd - off, &ev);

			if (n > recvd - off)
				abort();
			off += n;
			switch (ev) {
			case HTTP_EV_NONE:
				if (!n || off != recvd)
					abort();	/* stalled, or stopped early */
				break;
			case HTTP_EV_CONTINUE:
				if (!p.expect_continue)
					abort();
				used = log_ev(log, used, logsz, "C");
				break;
			case HTTP_EV_REQUEST:
				if (!p.method[0] || strspn(p.method, "!#$%&'*+-.^_`|~0123456789"
				    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
				    strlen(p.method))
					abort();
				if (p.target[0] != '/' && strcmp(p.target, "*"))
					abort();
				if (p.body_len > BODY_MAX || (p.body && p.body[p.body_len]))
					abort();
				if (!p.chunked && p.body_len != p.content_length)
					abort();
				used = log_ev(log, used, logsz, "R%s %s %d %zu;", p.method,
					      p.target, p.keep_alive, p.body_len);
				if (!p.keep_alive)
					stop = true;
				http_parser_next(&p);
				break;
			case HTTP_EV_ERROR:
				if (!status_documented(p.status) ||
				    (p.keep_alive && p.status != 413))
					abort();
				used = log_ev(log, used, logsz, "E%d%d;", p.status, p.keep_alive);
				if (!p.keep_alive)
					stop = true;
				break;
			case HTTP_EV_CLOSE:
				used = log_ev(log, used, logsz, "X");
				stop = true;
				break;
			}
		}
	}
	http_parser_free(&p);
}

static void service(const uint8_t *d, size_t len, size_t step)
{
	static struct amt_model m;
	static struct amt_http srv;
	static bool init;
	struct http_conn hc;
	size_t off = 0, pend_off = 0;

	if (!init) {
		amt_model_init(&m, NULL, 1);
		amt_http_init(&srv, &m, 0);
		init = true;
	}
	http_conn_init(&hc, &srv);
	/* amt_net keeps unconsumed bytes and offers them again with the next */
	while (off < len) {
		size_t avail, n;

		off += len - off < step ? len - off : step;
		avail = off - pend_off;
		n = http_conn_rx(&hc, d + pend_off, avail);
		if (n > avail)
			abort();
		pend_off += n;
		do {
			if (http_conn_pending(&hc)) {
				if (memcmp(hc.out.p + hc.out_sent, "HTTP/1.1 ", 9))
					abort();
				http_conn_sent(&hc, http_conn_pending(&hc));
			}
		} while (http_conn_resume(&hc));
		if (hc.in.len > HTTP_IN_MAX || hc.in_used > hc.in.len)
			abort();
	}
	http_conn_peer_fin(&hc);
	http_conn_free(&hc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char whole[8192], chunked[8192];
	size_t step;

	if (size < 1)
		return 0;
	step = (size_t)data[0] + 1;
	data++;
	size--;
	drive(data, size, size ? size : 1, whole, sizeof(whole));
	drive(data, size, step, chunked, sizeof(chunked));
	if (strcmp(whole, chunked)) {
		fprintf(stderr, "whole: %s\nstep %zu: %s\n", whole, step, chunked);
		abort();
	}
	service(data, size, step);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * http - AMT's HTTP service on 16992: the connection logic and the
 * answers (see http.h). Nothing here calls amt_net; http_svc.c does.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http.h"
#include "http_routes.h"

#define CT_HTML		"text/html; charset=utf-8"
#define CT_SOAP		"application/soap+xml; charset=UTF-8"

static const struct {
	int code;
	const char *reason;
} statuses[HTTP_S__COUNT] = {
	[HTTP_S_100] = { 100, "Continue" },
	[HTTP_S_200] = { 200, "OK" },
	[HTTP_S_303] = { 303, "See Other" },
	[HTTP_S_400] = { 400, "Bad Request" },
	[HTTP_S_401] = { 401, "Unauthorized" },
	[HTTP_S_404] = { 404, "Not Found" },
	[HTTP_S_405] = { 405, "Method Not Allowed" },
	[HTTP_S_408] = { 408, "Request Timeout" },
	[HTTP_S_413] = { 413, "Content Too Large" },
	[HTTP_S_414] = { 414, "URI Too Long" },
	[HTTP_S_417] = { 417, "Expectation Failed" },
	[HTTP_S_431] = { 431, "Request Header Fields Too Large" },
	[HTTP_S_500] = { 500, "Internal Server Error" },
	[HTTP_S_501] = { 501, "Not Implemented" },
	[HTTP_S_505] = { 505, "HTTP Version Not Supported" },
	[HTTP_S_OTHER] = { 0, "other" },
};

static enum http_stat stat_of(int status)
{
	unsigned int i;

	for (i = 0; i < HTTP_S_OTHER; i++)
		if (statuses[i].code == status)
			return (enum http_stat)i;
	return HTTP_S_OTHER;
}

const char *http_stat_name(enum http_stat s)
{
	static char names[HTTP_S__COUNT][8];

	if ((unsigned int)s >= HTTP_S__COUNT)
		return "?";
	if (s == HTTP_S_OTHER)
		return "other";
	if (!names[s][0])
		snprintf(names[s], sizeof(names[s]), "%d", statuses[s].code);
	return names[s];
}

const char *http_reason(int status)
{
	enum http_stat s = stat_of(status);

	if (s != HTTP_S_OTHER)
		return statuses[s].reason;
	switch (status) {
	case 403:
		return "Forbidden";
	case 415:
		return "Unsupported Media Type";
	case 503:
		return "Service Unavailable";
	default:
		return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
	}
}

uint64_t http_now_ms(const struct amt_http *srv)
{
	struct timespec ts;

	if (srv->clock_ms)
		return srv->clock_ms();
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void amt_http_init(struct amt_http *srv, struct amt_model *m, uint64_t digest_life_ms)
{
	memset(srv, 0, sizeof(*srv));
	srv->model = m;
	digest_ctx_init(&srv->digest, digest_life_ms);
}

void http_response(struct amt_http *srv, struct abuf *out, int status, const char *ctype,
		   const char *extra, const void *body, size_t body_len, bool head,
		   bool keep_alive)
{
	char date[64];
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
	abuf_printf(out, "HTTP/1.1 %d %s\r\nDate: %s\r\nServer: %s\r\n", status,
		    http_reason(status), date, HTTP_SERVER);
	if (extra)
		abuf_puts(out, extra);
	if (ctype)
		abuf_printf(out, "Content-Type: %s\r\n", ctype);
	abuf_printf(out, "Content-Length: %zu\r\nConnection: %s\r\n\r\n", body_len,
		    keep_alive ? "keep-alive" : "close");
	if (!head)
		abuf_add(out, body, body_len);
	srv->status[stat_of(status)]++;
}

/* A status with a short HTML body and optional extra header lines. */
static int answer_status(struct amt_http *srv, struct abuf *out, int status, const char *extra,
			 bool head, bool keep_alive)
{
	struct abuf body;

	abuf_init(&body, 4096);
	http_page_status(status, http_reason(status), &body);
	http_response(srv, out, status, CT_HTML, extra, body.p, body.len, head, keep_alive);
	abuf_free(&body);
	return status;
}

static enum digest_result auth_check(struct amt_http *srv, const struct http_parser *p,
				     uint64_t now_ms)
{
	return digest_verify(&srv->digest, http_req_header(p, "authorization"), p->method,
			     p->target, srv->model->realm, AMT_MODEL_USER, srv->model->password,
			     now_ms);
}

/* 401 with a fresh challenge, or 400 for a malformed Authorization. */
static int answer_auth_failure(struct amt_http *srv, struct abuf *out, enum digest_result r,
			       uint64_t now_ms, bool head, bool keep_alive)
{
	struct abuf ch;
	int status = digest_result_status(r);

	if (status != 401)
		return answer_status(srv, out, status, NULL, head, keep_alive);
	abuf_init(&ch, 1024);
	digest_challenge(&srv->digest, srv->model->realm, r == DIGEST_STALE, now_ms, &ch);
	answer_status(srv, out, 401, ch.p, head, keep_alive);
	abuf_free(&ch);
	return 401;
}

/* POST /wsman and the SOAP services: the handler decides about authentication. */
static int answer_soap(struct amt_http *srv, const struct http_parser *p, bool wsman,
		       uint64_t now_ms, struct abuf *out)
{
	const char *body = p->body ? (const char *)p->body : "";
	const char *ctype = NULL;
	enum digest_result r = DIGEST_NO_HEADER;
	struct abuf resp;
	char path[HTTP_TARGET_MAX + 1];
	int status;

	if (http_req_header(p, "authorization")) {
		r = auth_check(srv, p, now_ms);
		if (r != DIGEST_OK)
			return answer_auth_failure(srv, out, r, now_ms, false, p->keep_alive);
	}
	abuf_init(&resp, HTTP_RESP_BODY_MAX);
	if (wsman) {
		status = amt_wsman_handle(srv->model, body, p->body_len, r == DIGEST_OK, &resp,
					  &ctype);
	} else {
		snprintf(path, sizeof(path), "%.*s", (int)strcspn(p->target, "?#"), p->target);
		status = amt_soap_handle(srv->model, path, body, p->body_len, r == DIGEST_OK,
					 &resp, &ctype);
	}
	if (status == 401) {
		status = answer_auth_failure(srv, out, DIGEST_NO_HEADER, now_ms, false,
					     p->keep_alive);
	} else if (status == 404 && !wsman) {
		status = answer_status(srv, out, 404, NULL, false, p->keep_alive);
	} else if (resp.err || status < 200 || status > 599) {
		status = answer_status(srv, out, 500, NULL, false, p->keep_alive);
	} else {
		http_response(srv, out, status, ctype ? ctype : CT_SOAP, NULL, resp.p, resp.len,
			      false, p->keep_alive);
	}
	abuf_free(&resp);
	return status;
}

/* A form POST to a page: authenticated, then 303 back to the page or 400. */
static int answer_form(struct amt_http *srv, const struct http_parser *p,
		       const struct http_route *rt, uint64_t now_ms, struct abuf *out)
{
	const char *body = p->body ? (const char *)p->body : "";
	enum digest_result r;
	char extra[128];
	int status;

	if (rt->auth) {
		r = auth_check(srv, p, now_ms);
		if (r != DIGEST_OK)
			return answer_auth_failure(srv, out, r, now_ms, false, p->keep_alive);
	}
	status = rt->post(srv->model, body, p->body_len);
	if (status != 303)
		return answer_status(srv, out, 400, NULL, false, p->keep_alive);
	snprintf(extra, sizeof(extra), "Location: %s\r\n", rt->path);
	return answer_status(srv, out, 303, extra, false, p->keep_alive);
}

int http_answer(struct amt_http *srv, const struct http_parser *p, uint64_t now_ms,
		struct abuf *out)
{
	const struct http_route *rt = http_route_find(p->target);
	bool head = !strcmp(p->method, "HEAD");
	bool get = head || !strcmp(p->method, "GET");
	bool post = !strcmp(p->method, "POST");
	bool ka = p->keep_alive;
	enum digest_result r;
	struct abuf body;
	char extra[128];
	int status;

	srv->requests++;
	if (!get && !post)
		return answer_status(srv, out, 501, NULL, head, ka);
	if (!rt)
		return post ? answer_soap(srv, p, false, now_ms, out) :
			      answer_status(srv, out, 404, NULL, head, ka);
	switch (rt->kind) {
	case HTTP_ROUTE_WSMAN:
		if (!post)
			return answer_status(srv, out, 405, "Allow: POST\r\n", head, ka);
		return answer_soap(srv, p, true, now_ms, out);
	case HTTP_ROUTE_REDIRECT:
		if (!get)
			return answer_status(srv, out, 405, "Allow: GET, HEAD\r\n", head, ka);
		snprintf(extra, sizeof(extra), "Location: %s\r\n", rt->location);
		return answer_status(srv, out, 303, extra, head, ka);
	case HTTP_ROUTE_PAGE:
		if (post && rt->post)
			return answer_form(srv, p, rt, now_ms, out);
		if (!get)
			return answer_status(srv, out, 405,
					     rt->post ? "Allow: GET, HEAD, POST\r\n" :
							"Allow: GET, HEAD\r\n", head, ka);
		if (rt->auth) {
			r = auth_check(srv, p, now_ms);
			if (r != DIGEST_OK)
				return answer_auth_failure(srv, out, r, now_ms, head, ka);
		}
		abuf_init(&body, HTTP_RESP_BODY_MAX);
		rt->render(srv->model, &body);
		if (body.err)
			status = answer_status(srv, out, 500, NULL, head, ka);
		else
			http_response(srv, out, status = 200, CT_HTML,
				      "Cache-Control: no-cache\r\n", body.p, body.len, head, ka);
		abuf_free(&body);
		return status;
	default:
		return answer_status(srv, out, 404, NULL, head, ka);
	}
}

void http_conn_init(struct http_conn *hc, struct amt_http *srv)
{
	memset(hc, 0, sizeof(*hc));
	hc->srv = srv;
	http_parser_init(&hc->p, 0);
	abuf_init(&hc->out, HTTP_OUT_MAX);
	abuf_init(&hc->in, HTTP_IN_MAX);
}

void http_conn_free(struct http_conn *hc)
{
	http_parser_free(&hc->p);
	abuf_free(&hc->out);
	abuf_free(&hc->in);
}

void http_conn_sent(struct http_conn *hc, size_t n)
{
	hc->out_sent += n;
	if (hc->out_sent >= hc->out.len) {
		abuf_reset(&hc->out);
		hc->out_sent = 0;
	} else if (hc->out_sent >= HTTP_OUT_HIGH) {
		memmove(hc->out.p, hc->out.p + hc->out_sent, hc->out.len - hc->out_sent + 1);
		hc->out.len -= hc->out_sent;
		hc->out_sent = 0;
	}
}

/* Move one finished response into the connection's output queue. */
static void queue(struct http_conn *hc, struct abuf *resp)
{
	if (resp->err) {
		/* cannot happen with the limits above; never send half a response */
		hc->srv->out_overflow++;
		hc->close_after = true;
		return;
	}
	abuf_add(&hc->out, resp->p, resp->len);
	if (hc->out.err) {
		hc->out.err = false;	/* what was queued before is still whole */
		hc->srv->out_overflow++;
		hc->close_after = true;
	}
}

/* Parse and answer requests until the input ends or answers pile up. */
static size_t process(struct http_conn *hc, const uint8_t *data, size_t len)
{
	struct amt_http *srv = hc->srv;
	uint64_t now = http_now_ms(srv);
	struct abuf resp;
	size_t off = 0;

	abuf_init(&resp, HTTP_RESP_BODY_MAX + 4096);
	while (off < len && !hc->close_after && http_conn_pending(hc) < HTTP_OUT_HIGH) {
		bool was_busy = http_parser_busy(&hc->p);
		enum http_event ev;
		size_t n = http_parse(&hc->p, data + off, len - off, &ev);

		off += n;
		if (!was_busy && http_parser_busy(&hc->p))
			hc->req_start_ms = now;
		abuf_reset(&resp);
		switch (ev) {
		case HTTP_EV_NONE:
			if (!n)
				goto out;	/* nothing more to do with these bytes */
			continue;
		case HTTP_EV_CONTINUE:
			abuf_puts(&resp, "HTTP/1.1 100 Continue\r\n\r\n");
			srv->status[HTTP_S_100]++;
			break;
		case HTTP_EV_REQUEST:
			http_answer(srv, &hc->p, now, &resp);
			if (!hc->p.keep_alive)
				hc->close_after = true;
			http_parser_next(&hc->p);
			break;
		case HTTP_EV_ERROR:
			answer_status(srv, &resp, hc->p.status, NULL, false, hc->p.keep_alive);
			if (!hc->p.keep_alive)
				hc->close_after = true;
			break;
		case HTTP_EV_CLOSE:
			srv->closed_no_answer++;
			hc->close_after = true;
			break;
		}
		queue(hc, &resp);
	}
out:
	abuf_free(&resp);
	return hc->close_after ? len : off;
}

static size_t kept(const struct http_conn *hc)
{
	return hc->in.len - hc->in_used;
}

/* After FIN: close once every kept request is answered. */
static void finish_if_done(struct http_conn *hc)
{
	if (hc->peer_fin && !kept(hc))
		hc->close_after = true;
}

size_t http_conn_resume(struct http_conn *hc)
{
	size_t n;

	if (!kept(hc) || hc->close_after)
		return 0;
	n = process(hc, (const uint8_t *)hc->in.p + hc->in_used, kept(hc));
	hc->in_used += n;
	if (hc->close_after || hc->in_used == hc->in.len) {
		abuf_reset(&hc->in);
		hc->in_used = 0;
	} else if (n) {
		memmove(hc->in.p, hc->in.p + hc->in_used, kept(hc) + 1);
		hc->in.len -= hc->in_used;
		hc->in_used = 0;
	}
	finish_if_done(hc);
	return n;
}

size_t http_conn_rx(struct http_conn *hc, const uint8_t *data, size_t len)
{
	size_t n = 0, room;

	if (hc->close_after)
		return len;
	http_conn_resume(hc);
	if (!kept(hc))
		n = process(hc, data, len);
	if (hc->close_after)
		return len;
	/* answers are piling up: keep what fits for http_conn_resume() */
	room = HTTP_IN_MAX - hc->in.len;
	if (room > len - n)
		room = len - n;
	abuf_add(&hc->in, data + n, room);
	if (hc->in.err) {
		hc->in.err = false;	/* out of memory: give up on the connection */
		hc->close_after = true;
		return len;
	}
	return n + room;
}

void http_conn_peer_fin(struct http_conn *hc)
{
	hc->peer_fin = true;
	/* a request cut short by the FIN can never be answered */
	if (!kept(hc) || hc->close_after)
		hc->close_after = true;
}

void http_conn_tick(struct http_conn *hc, uint64_t now_ms)
{
	struct abuf resp;

	/* @now_ms and srv->clock_ms must be the same clock (CLOCK_MONOTONIC) */
	if (hc->close_after || !http_parser_busy(&hc->p) || now_ms < hc->req_start_ms ||
	    now_ms - hc->req_start_ms < HTTP_REQ_TIMEOUT_MS)
		return;
	abuf_init(&resp, 4096);
	answer_status(hc->srv, &resp, 408, NULL, false, false);
	queue(hc, &resp);
	abuf_free(&resp);
	hc->close_after = true;
}

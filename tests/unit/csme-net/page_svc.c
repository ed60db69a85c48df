// SPDX-License-Identifier: GPL-2.0
/*
 * page_svc - the minimal status page service the engine tests drive amt_net
 * with. See page_svc.h.
 */
#include <string.h>
#include "amt_net.h"
#include "page_svc.h"

unsigned long page_cnt[PAGE_C__COUNT];
static char page_status[256] = "ready";

void page_set_status(const char *status)
{
	size_t n = strlen(status);

	if (n > sizeof(page_status) - 1)
		n = sizeof(page_status) - 1;
	memcpy(page_status, status, n);
	page_status[n] = 0;
}

/* amt_conn_priv() once the answer is queued: later bytes are discarded */
static char answered;

static size_t append(char *buf, size_t pos, size_t cap, const char *s, size_t n)
{
	if (pos >= cap)
		return pos;
	if (n > cap - pos)
		n = cap - pos;
	memcpy(buf + pos, s, n);
	return pos + n;
}

static size_t append_str(char *buf, size_t pos, size_t cap, const char *s)
{
	return append(buf, pos, cap, s, strlen(s));
}

static size_t append_uint(char *buf, size_t pos, size_t cap, unsigned int v)
{
	char tmp[12];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return append(buf, pos, cap, tmp + n, sizeof(tmp) - n);
}

static size_t append_escaped(char *buf, size_t pos, size_t cap, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': pos = append_str(buf, pos, cap, "&amp;"); break;
		case '<': pos = append_str(buf, pos, cap, "&lt;"); break;
		case '>': pos = append_str(buf, pos, cap, "&gt;"); break;
		case '"': pos = append_str(buf, pos, cap, "&quot;"); break;
		case '\'': pos = append_str(buf, pos, cap, "&#39;"); break;
		default:
			if ((unsigned char)*s < 0x20 || *s == 0x7f)
				pos = append_str(buf, pos, cap, "?");
			else
				pos = append(buf, pos, cap, s, 1);
		}
	}
	return pos;
}

#define PAGE_HEAD "<!DOCTYPE html>\n<html><head><title>fwgate CSME simulator</title></head>\n" \
		  "<body><h1>fwgate CSME simulator</h1>\n<p>"
#define PAGE_TAIL "</p>\n</body></html>\n"
#define BODY_MAX  (sizeof(PAGE_HEAD) + 6 * 256 + sizeof(PAGE_TAIL))

/* Queue the answer for @code and close the connection after it. */
static void page_respond(struct amt_conn *c, int code, int head_only)
{
	char body[BODY_MAX], resp[PAGE_SVC_RESP_MAX];
	size_t blen = 0, p = 0, cap = sizeof(resp);
	const char *reason, *type = "text/plain; charset=utf-8";

	switch (code) {
	case 200:
		reason = "OK";
		type = "text/html; charset=utf-8";
		blen = append_str(body, blen, sizeof(body), PAGE_HEAD);
		blen = append_escaped(body, blen, sizeof(body), page_status);
		blen = append_str(body, blen, sizeof(body), PAGE_TAIL);
		page_cnt[PAGE_C_200]++;
		break;
	case 404:
		reason = "Not Found";
		blen = append_str(body, blen, sizeof(body), "404 Not Found\n");
		page_cnt[PAGE_C_404]++;
		break;
	case 405:
		reason = "Method Not Allowed";
		blen = append_str(body, blen, sizeof(body), "405 Method Not Allowed\n");
		page_cnt[PAGE_C_405]++;
		break;
	default:
		code = 400;
		reason = "Bad Request";
		blen = append_str(body, blen, sizeof(body), "400 Bad Request\n");
		page_cnt[PAGE_C_400]++;
		break;
	}
	p = append_str(resp, p, cap, "HTTP/1.1 ");
	p = append_uint(resp, p, cap, (unsigned int)code);
	p = append_str(resp, p, cap, " ");
	p = append_str(resp, p, cap, reason);
	p = append_str(resp, p, cap, "\r\nServer: fwgate-csme-sim\r\nContent-Type: ");
	p = append_str(resp, p, cap, type);
	p = append_str(resp, p, cap, "\r\nContent-Length: ");
	p = append_uint(resp, p, cap, (unsigned int)blen);
	if (code == 405)
		p = append_str(resp, p, cap, "\r\nAllow: GET, HEAD");
	p = append_str(resp, p, cap, "\r\nConnection: close\r\n\r\n");
	if (!head_only)
		p = append(resp, p, cap, body, blen);
	amt_conn_write(c, resp, p);	/* an empty transmit buffer takes it all */
	amt_conn_close(c);
	amt_conn_set_priv(c, &answered);
}

static int is_tchar(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
	       (ch >= '0' && ch <= '9') || (ch && strchr("!#$%&'*+-.^_`|~", ch));
}

/* Find the end of the header block; returns its length or 0. */
static size_t header_end(const char *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (r[i] != '\n')
			continue;
		if (i + 1 < n && r[i + 1] == '\n')
			return i + 2;
		if (i + 2 < n && r[i + 1] == '\r' && r[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* Answer the request line of r[0..n) (n covers the whole header block). */
static void page_request(struct amt_conn *c, const char *r, size_t n)
{
	size_t i = 0, m_end, t_start, t_end, v_start;
	int head;

	while (i < n && is_tchar(r[i]))
		i++;
	m_end = i;
	if (m_end == 0 || i >= n || r[i] != ' ')
		goto bad;
	t_start = ++i;
	while (i < n && r[i] > ' ' && r[i] != 0x7f)
		i++;
	t_end = i;
	if (t_end == t_start || i >= n || r[i] != ' ')
		goto bad;
	v_start = ++i;
	if (n - v_start < 9 || memcmp(r + v_start, "HTTP/1.", 7) ||
	    (r[v_start + 7] != '0' && r[v_start + 7] != '1'))
		goto bad;
	i = v_start + 8;
	if (r[i] == '\r')
		i++;
	if (i >= n || r[i] != '\n')
		goto bad;

	if (m_end == 3 && !memcmp(r, "GET", 3)) {
		head = 0;
	} else if (m_end == 4 && !memcmp(r, "HEAD", 4)) {
		head = 1;
	} else {
		page_respond(c, 405, 0);
		return;
	}
	if (r[t_start] != '/' && !(t_end - t_start == 1 && r[t_start] == '*'))
		goto bad;
	page_respond(c, t_end - t_start == 1 && r[t_start] == '/' ? 200 : 404, head);
	return;
bad:
	page_respond(c, 400, 0);
}

static size_t page_rx(void *svc, struct amt_conn *c, const uint8_t *data, size_t len)
{
	size_t end;

	(void)svc;
	if (amt_conn_priv(c))
		return len;		/* after the answer: discarded */
	end = header_end((const char *)data, len);
	if (end > PAGE_SVC_REQ_MAX)
		page_respond(c, 400, 0);
	else if (end)
		page_request(c, (const char *)data, end);
	else if (len >= PAGE_SVC_REQ_MAX)
		page_respond(c, 400, 0);
	else
		return 0;		/* wait for the rest of the header block */
	return len;
}

static void page_peer_fin(void *svc, struct amt_conn *c)
{
	(void)svc;
	if (amt_conn_priv(c))
		return;
	if (amt_conn_rx_pending(c))
		page_respond(c, 400, 0);	/* incomplete request */
	else
		amt_conn_close(c);		/* closed without a request */
}

const struct amt_svc_ops page_svc_ops = {
	.name = "page",
	.rx = page_rx,
	.peer_fin = page_peer_fin,
};

int page_svc_listen(struct amt_net *net, uint16_t port)
{
	int r = amt_net_listen(net, port, &page_svc_ops, NULL);

	/* one request of at most PAGE_SVC_REQ_MAX: no need for a larger
	 * window, and 64 clients' windows stay within reach of the H2M ring
	 */
	return r ? r : amt_net_listen_rx_buf(net, port, PAGE_SVC_REQ_MAX);
}

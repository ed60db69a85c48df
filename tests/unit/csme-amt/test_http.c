// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: the HTTP service on 16992 (amt/http.c, http_routes.c,
 * http_pages.c, http_svc.c) driven through amt_http_ops with a fake
 * amt_conn, and fakes of the WS-Man and SOAP handlers: routes, Digest
 * login and its failures, keep-alive, pipelining, 100-continue, byte-at-a-
 * time input, malformed requests, backpressure, timeouts and counters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

#include "tap.h"
#include "http.h"
#include "http_routes.h"

/* ---- fakes: amt_conn (net/amt_net.c) and the WS-Man / SOAP handlers ---- */

struct amt_conn {
	struct abuf sent;	/* everything the service wrote */
	size_t room;		/* transmit room left */
	bool fin;		/* amt_conn_close() called */
	void *priv;
};

size_t amt_conn_write(struct amt_conn *c, const void *data, size_t len)
{
	size_t n = len < c->room ? len : c->room;

	if (c->fin)
		return 0;
	abuf_add(&c->sent, data, n);
	c->room -= n;
	return n;
}

void amt_conn_close(struct amt_conn *c)
{
	c->fin = true;
}

void amt_conn_set_priv(struct amt_conn *c, void *priv)
{
	c->priv = priv;
}

void *amt_conn_priv(const struct amt_conn *c)
{
	return c->priv;
}

/* amt_http_listen() is not used here: the service is driven directly */
int amt_net_listen(struct amt_net *net, uint16_t port, const struct amt_svc_ops *ops, void *svc)
{
	(void)net, (void)port, (void)ops, (void)svc;
	return -EOPNOTSUPP;
}

static int wsman_calls, soap_calls;

int amt_wsman_handle(struct amt_model *m, const char *body, size_t len, bool authed,
		     struct abuf *out, const char **content_type)
{
	(void)m;
	wsman_calls++;
	if (!authed && !strstr(body, "Identify"))
		return 401;
	abuf_printf(out, "<wsman authed=\"%d\" len=\"%zu\"/>", authed, len);
	*content_type = "application/soap+xml;charset=UTF-8";
	return 200;
}

int amt_soap_handle(struct amt_model *m, const char *path, const char *body, size_t len,
		    bool authed, struct abuf *out, const char **content_type)
{
	(void)m, (void)body, (void)content_type;
	soap_calls++;
	if (strcmp(path, "/RemoteControlService"))
		return 404;
	if (!authed)
		return 401;
	abuf_printf(out, "<soap path=\"%s\" len=\"%zu\"/>", path, len);
	return 200;
}

/* ---- the service under test ---- */

static struct amt_model model;
static struct amt_http srv;
static uint64_t fake_now = 1000000;

static uint64_t fake_clock(void)
{
	return fake_now;
}

static void conn_open(struct amt_conn *c)
{
	memset(c, 0, sizeof(*c));
	abuf_init(&c->sent, 16 << 20);
	c->room = SIZE_MAX;
	tap_eq(amt_http_ops.open(&srv, c), 0, "svc: open");
}

static void conn_close(struct amt_conn *c)
{
	amt_http_ops.closed(&srv, c);
	abuf_free(&c->sent);
}

/* Offer @len bytes @step at a time as amt_net would; returns bytes left unconsumed. */
static size_t send_step(struct amt_conn *c, const char *data, size_t len, size_t step)
{
	static char pend[1 << 20];
	size_t plen = 0, off = 0;

	while (off < len) {
		size_t n = len - off < step ? len - off : step, used;

		memcpy(pend + plen, data + off, n);
		plen += n;
		off += n;
		used = amt_http_ops.rx(&srv, c, (const uint8_t *)pend, plen);
		memmove(pend, pend + used, plen - used);
		plen -= used;
	}
	return plen;
}

static void send_str(struct amt_conn *c, const char *s)
{
	send_step(c, s, strlen(s), strlen(s));
}

struct resp {
	int status;
	char head[2048];
	char body[8192];
	size_t body_len;
};

/* Take the next response from what @c was sent (@head_req: no body). */
static bool next_resp(struct amt_conn *c, size_t *pos, struct resp *r, bool head_req)
{
	const char *s = c->sent.p + *pos, *end, *cl;
	size_t hl, bl = 0;

	memset(r, 0, sizeof(*r));
	if (*pos >= c->sent.len || sscanf(s, "HTTP/1.1 %d ", &r->status) != 1)
		return false;
	end = strstr(s, "\r\n\r\n");
	if (!end)
		return false;
	hl = (size_t)(end - s) + 4;
	snprintf(r->head, sizeof(r->head), "%.*s", (int)hl, s);
	cl = strstr(r->head, "Content-Length: ");
	if (cl && !head_req)
		bl = strtoul(cl + 16, NULL, 10);
	if (*pos + hl + bl > c->sent.len)
		return false;
	snprintf(r->body, sizeof(r->body), "%.*s", (int)bl, s + hl);
	r->body_len = bl;
	*pos += hl + bl;
	return true;
}

/* One request on a fresh view of the output: the single response to it. */
static struct resp exchange(struct amt_conn *c, const char *req, bool head_req)
{
	struct resp r;
	size_t pos = c->sent.len;

	send_str(c, req);
	if (!next_resp(c, &pos, &r, head_req))
		r.status = -1;
	return r;
}

static bool has(const struct resp *r, const char *hdr)
{
	return strstr(r->head, hdr) != NULL;
}

/* The nonce of the last challenge in @r. */
static void nonce_of(const struct resp *r, char *nonce)
{
	const char *n = strstr(r->head, "nonce=\"");

	nonce[0] = '\0';
	if (n)
		sscanf(n + 7, "%63[^\"]", nonce);
}

static const char *req_auth(const char *method, const char *uri, const char *nonce,
			    unsigned int nc, const char *pass, const char *extra)
{
	static char req[4096];
	char r[MD5_HEX_LEN + 1], ncs[9];

	snprintf(ncs, sizeof(ncs), "%08x", nc);
	digest_response("admin", model.realm, pass, method, uri, nonce, ncs, "abcdef", "auth", r);
	snprintf(req, sizeof(req), "%s %s HTTP/1.1\r\nHost: amt\r\n"
		 "Authorization: Digest username=\"admin\", realm=\"%s\", nonce=\"%s\", "
		 "uri=\"%s\", qop=auth, nc=%s, cnonce=\"abcdef\", response=\"%s\"\r\n%s\r\n",
		 method, uri, model.realm, nonce, uri, ncs, r, extra ? extra : "");
	return req;
}

static void test_routes_and_headers(void)
{
	struct amt_conn c;
	struct resp r, g;
	char want[256];

	conn_open(&c);
	r = exchange(&c, "GET / HTTP/1.1\r\nHost: amt\r\n\r\n", false);
	tap_ok(r.status == 303 && has(&r, "\r\nLocation: /logon.htm\r\n"),
	       "route: GET / -> 303 to /logon.htm without auth");
	snprintf(want, sizeof(want), "\r\nServer: Intel(R) Active Management Technology %s\r\n",
		 AMT_MODEL_FW_VERSION);
	tap_ok(has(&r, want) && has(&r, "\r\nConnection: keep-alive\r\n") &&
	       has(&r, "\r\nDate: "), "route: Server, Date and Connection headers");
	snprintf(want, sizeof(want), "Content-Length: %zu\r\n", r.body_len);
	tap_ok(r.body_len > 0 && has(&r, want), "route: Content-Length matches the body");

	g = exchange(&c, "GET /logon.htm HTTP/1.1\r\nHost: amt\r\n\r\n", false);
	tap_ok(g.status == 200 && strstr(g.body, "Log On") && has(&g, "text/html"),
	       "route: GET /logon.htm -> 200 logon page without auth");
	r = exchange(&c, "HEAD /logon.htm HTTP/1.1\r\nHost: amt\r\n\r\n", true);
	snprintf(want, sizeof(want), "Content-Length: %zu\r\n", g.body_len);
	tap_ok(r.status == 200 && has(&r, want), "route: HEAD has GET's Content-Length");
	r = exchange(&c, "GET /logon.htm?x=1 HTTP/1.1\r\nHost: amt\r\n\r\n", false);
	tap_eq(r.status, 200, "route: query string ignored for routing");
	r = exchange(&c, "GET /nope.htm HTTP/1.1\r\nHost: amt\r\n\r\n", false);
	tap_eq(r.status, 404, "route: unknown page -> 404");
	r = exchange(&c, "GET /wsman HTTP/1.1\r\nHost: amt\r\n\r\n", false);
	tap_ok(r.status == 405 && has(&r, "\r\nAllow: POST\r\n"), "route: GET /wsman -> 405");
	r = exchange(&c, "POST /index.htm HTTP/1.1\r\nHost: amt\r\nContent-Length: 0\r\n\r\n",
		     false);
	tap_ok(r.status == 405 && has(&r, "\r\nAllow: GET, HEAD\r\n"),
	       "route: POST to a page -> 405");
	r = exchange(&c, "DELETE / HTTP/1.1\r\nHost: amt\r\n\r\n", false);
	tap_eq(r.status, 501, "route: unsupported method -> 501");
	tap_ok(!c.fin, "route: all of these kept the connection");
	conn_close(&c);
}

static void test_digest_login(void)
{
	struct amt_conn c;
	struct resp r;
	char nonce[64], want[1024], uuid[37];

	conn_open(&c);
	r = exchange(&c, "GET /index.htm HTTP/1.1\r\nHost: amt\r\n\r\n", false);
	snprintf(want, sizeof(want), "\r\nWWW-Authenticate: Digest realm=\"%s\", nonce=\"",
		 model.realm);
	tap_ok(r.status == 401 && has(&r, want) && has(&r, "stale=\"false\", qop=\"auth\"\r\n"),
	       "auth: /index.htm without credentials -> 401 with AMT's challenge");
	nonce_of(&r, nonce);

	r = exchange(&c, req_auth("GET", "/index.htm", nonce, 1, "P@ssw0rd", NULL), false);
	tap_ok(r.status == 200 && strstr(r.body, "csme-sim") &&
	       strstr(r.body, AMT_MODEL_FW_VERSION),
	       "auth: right credentials -> 200 status page");
	r = exchange(&c, req_auth("GET", "/hw-sys.htm", nonce, 2, "P@ssw0rd", NULL), false);
	amt_model_uuid_str(&model, uuid);
	tap_ok(r.status == 200 && strstr(r.body, uuid) && strstr(r.body, AMT_MODEL_FW_VERSION),
	       "auth: system page shows UUID %s and AMT version", uuid);
	amt_model_request_power(&model, AMT_POWER_OFF_SOFT);
	r = exchange(&c, req_auth("GET", "/hw-pwr.htm", nonce, 3, "P@ssw0rd", NULL), false);
	tap_ok(r.status == 200 && strstr(r.body, "Off - Soft (S5)") &&
	       strstr(r.body, "id=\"power-changes\">1<"),
	       "auth: power page shows the state and the change count");
	snprintf(want, sizeof(want), "%sstate=2&x=1",
		 req_auth("POST", "/hw-pwr.htm", nonce, 4, "P@ssw0rd", "Content-Length: 11\r\n"));
	r = exchange(&c, want, false);
	tap_ok(r.status == 303 && has(&r, "Location: /hw-pwr.htm\r\n") &&
	       model.power_state == AMT_POWER_ON && model.power_changes == 2,
	       "power form: POST state=2 -> 303, recorded in the model");
	snprintf(want, sizeof(want), "%sstate=1",
		 req_auth("POST", "/hw-pwr.htm", nonce, 5, "P@ssw0rd", "Content-Length: 7\r\n"));
	r = exchange(&c, want, false);
	tap_ok(r.status == 400 && model.power_changes == 2, "power form: state=1 -> 400");
	r = exchange(&c, "POST /hw-pwr.htm HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n"
		     "state=8", false);
	tap_ok(r.status == 401 && model.power_changes == 2, "power form: needs Digest");
	r = exchange(&c, req_auth("GET", "/hw-pwr.htm", nonce, 6, "P@ssw0rd", NULL), false);
	tap_ok(r.status == 200 && strstr(r.body, "id=\"power-changes\">2<") &&
	       strstr(r.body, "<form method=\"post\""), "power form: page shows it and the form");
	model.nic_owned_by_host = true;
	model.link_known = model.link_up = true;
	strcpy(model.ssid, "fw<gate>");
	memcpy(model.mac, "\x02\x11\x22\x33\x44\x55", 6);
	model.ip = 0xC0A80132;
	r = exchange(&c, req_auth("GET", "/ip.htm", nonce, 14, "P@ssw0rd", NULL), false);
	tap_ok(r.status == 200 && strstr(r.body, "fw&lt;gate&gt;") &&
	       strstr(r.body, "02:11:22:33:44:55") && strstr(r.body, "192.168.1.50") &&
	       strstr(r.body, "Host OS") && strstr(r.body, "id=\"link\">up<"),
	       "auth: network page shows SSID (escaped), MAC, IP, link, NIC owner");

	r = exchange(&c, req_auth("GET", "/ip.htm", nonce, 14, "P@ssw0rd", NULL), false);
	tap_ok(r.status == 401 && has(&r, "stale=\"false\""), "auth: replayed nc -> 401");
	r = exchange(&c, req_auth("GET", "/index.htm", nonce, 15, "wrong", NULL), false);
	tap_eq(r.status, 401, "auth: wrong password -> 401");
	r = exchange(&c, req_auth("GET", "/index.htm", nonce, 16, "P@ssw0rd", NULL), false);
	tap_eq(r.status, 200, "auth: the nonce still works after failures");
	snprintf(want, sizeof(want), "GET /hw-sys.htm HTTP/1.1\r\nHost: amt\r\n"
		 "Authorization: Digest username=\"admin\", realm=\"%s\", nonce=\"%s\", "
		 "uri=\"/hw-sys.htm\", qop=auth, nc=00000015, cnonce=\"x\", response=\"\"\r\n\r\n",
		 model.realm, nonce);
	r = exchange(&c, want, false);
	tap_eq(r.status, 401, "auth: empty response -> 401 (CVE-2017-5689)");
	{
		char req[4096];
		char *p;

		snprintf(req, sizeof(req), "%s", req_auth("GET", "/index.htm", nonce, 18,
							  "P@ssw0rd", NULL));
		p = strstr(req, "response=\"") + 10 + 16;
		memmove(p, p + 16, strlen(p + 16) + 1);	/* keep 16 of 32 digits */
		r = exchange(&c, req, false);
		tap_eq(r.status, 401, "auth: half of the right response -> 401");
	}
	r = exchange(&c, req_auth("GET", "/index.htm", nonce, 19, "P@ssw0rd", NULL) + 0, false);
	tap_eq(r.status, 200, "auth: ... and the full one is accepted");
	{
		char req[4096];
		char *p;

		snprintf(req, sizeof(req), "%s", req_auth("GET", "/index.htm", nonce, 20,
							  "P@ssw0rd", NULL));
		char moved[4096];

		p = strstr(req, "\r\n");
		snprintf(moved, sizeof(moved), "GET /hw-pwr.htm HTTP/1.1%s", p);
		r = exchange(&c, moved, false);
		tap_eq(r.status, 400, "auth: uri other than the request-target -> 400");
	}

	fake_now += DIGEST_NONCE_LIFE_MS;
	r = exchange(&c, req_auth("GET", "/index.htm", nonce, 21, "P@ssw0rd", NULL), false);
	tap_ok(r.status == 401 && has(&r, "stale=\"true\""),
	       "auth: expired nonce with the right password -> 401 stale=\"true\"");
	nonce_of(&r, nonce);
	r = exchange(&c, req_auth("GET", "/index.htm", nonce, 1, "P@ssw0rd", NULL), false);
	tap_eq(r.status, 200, "auth: the new nonce works");
	r = exchange(&c, "GET /index.htm HTTP/1.1\r\nHost: amt\r\nAuthorization: Basic "
		     "YWRtaW46UEBzc3cwcmQ=\r\n\r\n", false);
	tap_eq(r.status, 401, "auth: Basic -> 401");
	r = exchange(&c, "GET /index.htm HTTP/1.1\r\nHost: amt\r\nAuthorization: Digest "
		     "username=\"admin\r\n\r\n", false);
	tap_eq(r.status, 400, "auth: malformed Digest header -> 400");
	tap_ok(!c.fin, "auth: the connection stayed open throughout");
	conn_close(&c);
}

static void test_wsman_soap(void)
{
	const char *identify = "<s:Envelope><s:Body><wsmid:Identify/></s:Body></s:Envelope>";
	const char *get = "<s:Envelope><s:Body>Get</s:Body></s:Envelope>";
	struct amt_conn c;
	struct resp r;
	char req[4096], nonce[64], hdr[256];
	int calls;

	conn_open(&c);
	snprintf(req, sizeof(req), "POST /wsman HTTP/1.1\r\nHost: amt\r\nContent-Type: "
		 "application/soap+xml\r\nContent-Length: %zu\r\n\r\n%s", strlen(identify),
		 identify);
	r = exchange(&c, req, false);
	tap_ok(r.status == 200 && strstr(r.body, "authed=\"0\"") &&
	       has(&r, "Content-Type: application/soap+xml;charset=UTF-8"),
	       "wsman: Identify without auth reaches the handler unauthenticated");
	snprintf(req, sizeof(req), "POST /wsman HTTP/1.1\r\nHost: amt\r\nContent-Length: %zu\r\n"
		 "\r\n%s", strlen(get), get);
	r = exchange(&c, req, false);
	tap_ok(r.status == 401 && has(&r, "WWW-Authenticate: Digest"),
	       "wsman: handler's 401 -> challenge");
	nonce_of(&r, nonce);
	snprintf(hdr, sizeof(hdr), "Content-Length: %zu\r\n", strlen(get));
	snprintf(req, sizeof(req), "%s%s", req_auth("POST", "/wsman", nonce, 1, "P@ssw0rd", hdr),
		 get);
	r = exchange(&c, req, false);
	tap_ok(r.status == 200 && strstr(r.body, "authed=\"1\""),
	       "wsman: with Digest the handler sees authed (%s)", r.body);
	calls = wsman_calls;
	snprintf(req, sizeof(req), "%s%s", req_auth("POST", "/wsman", nonce, 2, "bad", hdr), get);
	r = exchange(&c, req, false);
	tap_ok(r.status == 401 && wsman_calls == calls,
	       "wsman: bad credentials -> 401 without calling the handler");

	snprintf(req, sizeof(req), "POST /RemoteControlService HTTP/1.1\r\nHost: amt\r\n"
		 "Content-Length: 3\r\n\r\nabc");
	r = exchange(&c, req, false);
	tap_ok(r.status == 401 && has(&r, "WWW-Authenticate"), "soap: needs auth -> 401");
	snprintf(req, sizeof(req), "%sabc",
		 req_auth("POST", "/RemoteControlService", nonce, 3, "P@ssw0rd",
			  "Content-Length: 3\r\n"));
	r = exchange(&c, req, false);
	tap_ok(r.status == 200 && strstr(r.body, "path=\"/RemoteControlService\" len=\"3\"") &&
	       has(&r, "application/soap+xml"), "soap: authenticated call answered");
	r = exchange(&c, "POST /NoSuchService HTTP/1.1\r\nHost: amt\r\nContent-Length: 0\r\n\r\n",
		     false);
	tap_eq(r.status, 404, "soap: unknown path -> 404");

	/* a body spanning many segments with 100-continue, fed byte by byte */
	{
		static char big[200000], stream[210000];
		size_t pos = c.sent.len, n;
		struct resp r1, r2;

		memset(big, 'x', sizeof(big) - 1);
		memcpy(big, "Identify", 8);
		n = (size_t)snprintf(stream, sizeof(stream), "POST /wsman HTTP/1.1\r\nHost: amt\r\n"
				     "Expect: 100-continue\r\nContent-Length: %zu\r\n\r\n%s",
				     strlen(big), big);
		tap_eq(send_step(&c, stream, n, 1), 0, "wsman: 200 kB body fed byte by byte");
		tap_ok(!strncmp(c.sent.p + pos, "HTTP/1.1 100 Continue\r\n\r\n", 25),
		       "wsman: 100 Continue first");
		pos += 25;
		tap_ok(next_resp(&c, &pos, &r1, false) && r1.status == 200 &&
		       strstr(r1.body, "len=\"199999\""), "wsman: then the answer with the body");
		tap_ok(!next_resp(&c, &pos, &r2, false), "wsman: nothing more");
	}
	conn_close(&c);
}

static void test_connection_rules(void)
{
	struct amt_conn c;
	struct resp r[4];
	size_t pos, i;
	static char big[HTTP_BODY_MAX + 4096];
	int n;

	conn_open(&c);
	send_str(&c, "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /logon.htm HTTP/1.1\r\nHost: a\r\n\r\n"
		 "GET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
		 "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	pos = 0;
	for (i = 0; i < 4 && next_resp(&c, &pos, &r[i], false); i++)
		;
	tap_ok(i == 3 && r[0].status == 303 && r[1].status == 200 && r[2].status == 404 &&
	       has(&r[2], "Connection: close") && c.fin,
	       "conn: pipelined requests answered in order, Connection: close ends it");
	conn_close(&c);

	conn_open(&c);
	r[0] = exchange(&c, "GET /logon.htm HTTP/1.0\r\n\r\n", false);
	tap_ok(r[0].status == 200 && has(&r[0], "Connection: close") && c.fin,
	       "conn: HTTP/1.0 answered and closed");
	conn_close(&c);

	conn_open(&c);
	r[0] = exchange(&c, "GET /logon.htm HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false);
	tap_ok(r[0].status == 200 && has(&r[0], "Connection: keep-alive") && !c.fin,
	       "conn: HTTP/1.0 keep-alive kept");
	conn_close(&c);

	conn_open(&c);
	r[0] = exchange(&c, "GET / HTTP/1.1\r\r\n\r\n", false);
	tap_ok(r[0].status == 400 && has(&r[0], "Connection: close") && c.fin,
	       "conn: malformed request -> 400 and close");
	conn_close(&c);

	conn_open(&c);
	n = snprintf(big, sizeof(big), "POST /wsman HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n"
		     "\r\n", HTTP_BODY_MAX + 1);
	memset(big + n, 'y', HTTP_BODY_MAX + 1);
	strcpy(big + n + HTTP_BODY_MAX + 1, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	send_step(&c, big, strlen(big), 1400);
	pos = 0;
	tap_ok(next_resp(&c, &pos, &r[0], false) && r[0].status == 413 &&
	       has(&r[0], "Connection: keep-alive") && next_resp(&c, &pos, &r[1], false) &&
	       r[1].status == 303 && !c.fin,
	       "conn: 413 for a body over 1 MiB, the next request still answered");
	conn_close(&c);

	/* a slow request times out */
	conn_open(&c);
	send_str(&c, "GET /logon.htm HTTP/1.1\r\nHost:");
	amt_http_ops.tick(&srv, &c, fake_now - 1);
	amt_http_ops.tick(&srv, &c, fake_now + 1000);
	tap_ok(c.sent.len == 0 && !c.fin, "conn: a partial request waits");
	amt_http_ops.tick(&srv, &c, fake_now + HTTP_REQ_TIMEOUT_MS);
	pos = 0;
	tap_ok(next_resp(&c, &pos, &r[0], false) && r[0].status == 408 && c.fin,
	       "conn: ... and gets 408 and close after %d ms", HTTP_REQ_TIMEOUT_MS);
	conn_close(&c);

	/* peer FIN: the answers go out, then our FIN */
	conn_open(&c);
	c.room = 10;
	send_str(&c, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
	amt_http_ops.peer_fin(&srv, &c);
	tap_ok(c.sent.len == 10 && !c.fin, "conn: FIN waits for the queued answer");
	c.room = SIZE_MAX;
	amt_http_ops.writable(&srv, &c);
	pos = 0;
	tap_ok(next_resp(&c, &pos, &r[0], false) && r[0].status == 303 && c.fin,
	       "conn: answer completed on writable, then FIN");
	conn_close(&c);
}

static void test_backpressure(void)
{
	static char reqs[200000];
	const char *one = "GET /logon.htm HTTP/1.1\r\nHost: a\r\n\r\n";
	size_t len = 0, left, pos = 0, got = 0, total, i, want;
	struct amt_conn c;
	struct resp r;

	for (total = 0; len + strlen(one) < 40000; total++)
		len += (size_t)sprintf(reqs + len, "%s", one);
	conn_open(&c);
	c.room = 0;
	left = send_step(&c, reqs, len, len);
	tap_ok(!left && c.sent.len == 0, "backpressure: nothing sent, 40 kB of requests kept");
	/* no more bytes from the peer: writable alone must answer everything */
	for (i = 0; i < 1000 && got < total; i++) {
		c.room = 4096;
		amt_http_ops.writable(&srv, &c);
		while (next_resp(&c, &pos, &r, false) && r.status == 200)
			got++;
	}
	tap_ok(got == total, "backpressure: all %zu pipelined requests answered on writable (%zu)",
	       total, got);
	conn_close(&c);

	/* more than the connection holds: the rest waits in amt_net */
	for (total = 0; len + strlen(one) < sizeof(reqs); total++)
		len += (size_t)sprintf(reqs + len, "%s", one);
	conn_open(&c);
	c.room = 0;
	left = send_step(&c, reqs, len, len);
	tap_ok(left > 0 && left < len - HTTP_IN_MAX, "backpressure: %zu of %zu bytes refused",
	       left, len);
	want = (len - left) / strlen(one);
	c.room = SIZE_MAX;
	amt_http_ops.writable(&srv, &c);
	got = 0;
	pos = 0;
	while (next_resp(&c, &pos, &r, false) && r.status == 200)
		got++;
	tap_eq(got, want, "backpressure: every request taken is answered");
	amt_http_ops.peer_fin(&srv, &c);
	tap_ok(c.fin, "backpressure: FIN after the last answer");
	conn_close(&c);
}

static void test_split_equivalence(void)
{
	const char *script =
		"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
		"POST /wsman HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
		"8\r\nIdentify\r\n0\r\n\r\n"
		"GET /index.htm HTTP/1.1\r\nHost: a\r\n\r\n"
		"BAD REQUEST\r\n\r\n";
	static const int want[] = { 303, 200, 401, 400 };
	size_t step, len = strlen(script), bad = 0;

	for (step = 1; step <= len; step += (step < 8 ? 1 : 13)) {
		struct amt_conn c;
		struct resp r;
		size_t pos = 0, i;

		memset(&c, 0, sizeof(c));
		abuf_init(&c.sent, 1 << 20);
		c.room = SIZE_MAX;
		amt_http_ops.open(&srv, &c);
		send_step(&c, script, len, step);
		for (i = 0; i < 4 && next_resp(&c, &pos, &r, false) && r.status == want[i]; i++)
			;
		bad += i != 4 || !c.fin || pos != c.sent.len;
		conn_close(&c);
	}
	tap_eq(bad, 0, "split: the same four answers (303 200 401 400) for every split");
}

static void test_counters(void)
{
	tap_ok(srv.status[HTTP_S_401] >= 10 && srv.status[HTTP_S_413] == 1 &&
	       srv.status[HTTP_S_408] == 1 && srv.status[HTTP_S_100] == 1,
	       "counters: 401 %llu, 413 %llu, 408 %llu, 100 %llu",
	       (unsigned long long)srv.status[HTTP_S_401],
	       (unsigned long long)srv.status[HTTP_S_413],
	       (unsigned long long)srv.status[HTTP_S_408],
	       (unsigned long long)srv.status[HTTP_S_100]);
	tap_ok(srv.conns_open == 0 && srv.conns_total > 10, "counters: every connection released");
	tap_ok(srv.digest.results[DIGEST_STALE] == 1 && srv.digest.results[DIGEST_REPLAY] == 1,
	       "counters: Digest outcomes counted");
	tap_ok(!strcmp(http_stat_name(HTTP_S_431), "431") && !strcmp(http_reason(431),
	       "Request Header Fields Too Large"), "counters: names and reasons");
}

int main(void)
{
	tap_start();
	amt_model_init(&model, NULL, 1);
	amt_http_init(&srv, &model, 0);
	srv.clock_ms = fake_clock;
	test_routes_and_headers();
	test_digest_login();
	test_wsman_soap();
	test_connection_rules();
	test_backpressure();
	test_split_equivalence();
	test_counters();
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim network engine: TCP + HTTP server behaviour, byte-level checks.
 */
#include <stdio.h>
#include "net_test.h"

static struct amt_net *net;

/* SYN, check SYN-ACK, ACK. Returns the server ISN. */
static uint32_t open_conn(struct client *cl, unsigned int port, unsigned int wnd,
			  const uint8_t *opt, size_t optlen)
{
	uint8_t f[200];
	struct tcpseg s = {
		.sport = port, .dport = 16992, .seq = 1000, .flags = F_SYN,
		.wnd = wnd, .opt = opt, .optlen = optlen,
	};
	struct reply r;

	memset(cl, 0, sizeof(*cl));
	cl->port = port;
	cl->wnd = wnd;
	cap_reset();
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	cl->snd_nxt = 1001;
	cl->rcv_nxt = r.seq + 1;
	cap_reset();
	cl_send(net, cl, F_ACK, NULL, 0);
	return r.seq;
}

/* Concatenate the payloads of captured frames [from, cap.n) into out. */
static size_t gather(int from, char *out, size_t cap_sz, int *fin, uint32_t *next_seq)
{
	size_t n = 0;
	int i;

	*fin = 0;
	for (i = from; i < cap.n; i++) {
		struct reply r = parse_reply(i);

		if (!r.ok)
			continue;
		if (r.dlen && n + r.dlen <= cap_sz) {
			memcpy(out + n, r.data, r.dlen);
			n += r.dlen;
		}
		if (r.flags & F_FIN)
			*fin = 1;
		*next_seq = r.seq + (uint32_t)r.dlen + !!(r.flags & F_FIN);
	}
	return n;
}

static unsigned long content_length(const char *resp, size_t n)
{
	const char *p;
	char tmp[4096];

	if (n >= sizeof(tmp))
		return (unsigned long)-1;
	memcpy(tmp, resp, n);
	tmp[n] = 0;
	p = strstr(tmp, "\r\nContent-Length: ");
	return p ? strtoul(p + 18, NULL, 10) : (unsigned long)-1;
}

static size_t header_len(const char *resp, size_t n)
{
	size_t i;

	for (i = 0; i + 3 < n; i++)
		if (!memcmp(resp + i, "\r\n\r\n", 4))
			return i + 4;
	return 0;
}

static void test_handshake(void)
{
	static const uint8_t opt[8] = { 1, 1, 2, 4, 0x05, 0xb4, 1, 0 };
	uint8_t f[200];
	struct tcpseg s = {
		.sport = 40000, .dport = 16992, .seq = 0xfffffff0u, .flags = F_SYN,
		.wnd = 64240, .opt = opt, .optlen = 8,
	};
	struct reply r;
	uint32_t isn;

	net_setup(net, 42);
	feed(net, f, b_tcp(f, &s));
	tap_eq(cap.n, 1, "SYN -> exactly one reply");
	r = parse_reply(0);
	tap_ok(r.ok, "SYN-ACK: valid Ethernet/IPv4/TCP, both checksums verify");
	tap_eq(r.flags, F_SYN | F_ACK, "SYN-ACK flags");
	tap_eq(r.ack, 0xfffffff1u, "SYN-ACK ack = ISN+1 (wraps)");
	tap_eq(r.sport, 16992, "SYN-ACK sport");
	tap_eq(r.dport, 40000, "SYN-ACK dport");
	tap_eq(r.sip, OUR_IP, "SYN-ACK ip src");
	tap_eq(r.dip, PEER_IP, "SYN-ACK ip dst");
	tap_eq(r.doff, 24, "SYN-ACK carries one 4-byte option");
	tap_eq(r.mss, 1400, "SYN-ACK MSS = 1400");
	tap_eq(r.dlen, 0, "SYN-ACK no payload");
	tap_eq(r.wnd, PAGE_SVC_REQ_MAX, "SYN-ACK window = the page's cap (request size)");
	tap_ok(cap.f[0][14 + 6] == 0x40, "DF set");
	isn = r.seq;

	/* same seed -> same ISN; different seed -> different */
	{
		struct amt_net *n2 = calloc(1, sizeof(*n2));

		net_setup(n2, 42);
		feed(n2, f, b_tcp(f, &s));
		tap_eq(parse_reply(0).seq, isn, "ISN deterministic for a seed");
		net_setup(n2, 43);
		feed(n2, f, b_tcp(f, &s));
		tap_ok(parse_reply(0).seq != isn, "ISN differs with another seed");
		amt_net_destroy(n2);
		free(n2);
	}

	/* duplicate SYN -> same SYN-ACK again */
	cap_reset();
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ok && r.flags == (F_SYN | F_ACK) && r.seq == isn &&
	       r.ack == 0xfffffff1u, "duplicate SYN -> identical SYN-ACK");
	tap_eq(net->cnt[AMT_C_TCP_DUP_SYN], 1, "dup_syn counted");
	tap_eq(amt_net_active_conns(net), 1, "still one connection");

	/* bad ACK in SYN_RCVD -> RST seq=ack */
	cap_reset();
	s.flags = F_ACK;
	s.seq = 0xfffffff1u;
	s.ack = isn + 77;
	s.optlen = 0;
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ok && r.flags == F_RST && r.seq == isn + 77,
	       "ACK of unsent sequence in SYN_RCVD -> RST with seq = seg.ack");

	/* no MSS option -> 536 */
	net_setup(net, 1);
	s.flags = F_SYN;
	s.seq = 5;
	s.ack = 0;
	feed(net, f, b_tcp(f, &s));
	tap_eq(net->conns[0].mss, 536, "no MSS option -> 536");
	/* peer MSS larger than ours -> 1400, smaller honoured */
	net_setup(net, 1);
	{
		static const uint8_t o9000[4] = { 2, 4, 0x23, 0x28 }, o300[4] = { 2, 4, 1, 44 };

		s.opt = o9000;
		s.optlen = 4;
		feed(net, f, b_tcp(f, &s));
		tap_eq(net->conns[0].mss, 1400, "peer MSS 9000 -> 1400");
		s.sport++;
		s.opt = o300;
		feed(net, f, b_tcp(f, &s));
		tap_eq(net->conns[1].mss, 300, "peer MSS 300 honoured");
	}
	/* malformed option list: counted, SYN still accepted with default MSS */
	{
		static const uint8_t bad[4] = { 2, 9, 0, 0 };

		net_setup(net, 1);
		s.opt = bad;
		s.optlen = 4;
		feed(net, f, b_tcp(f, &s));
		tap_ok(cap.n == 1 && net->cnt[AMT_C_TCP_BAD_OPT] == 1 && net->conns[0].mss == 536,
		       "malformed option: counted, default MSS");
	}
}

static void test_full_exchange(void)
{
	struct client cl;
	struct reply r;
	uint32_t isn, next;
	char resp[4096];
	size_t n, hl;
	int fin;
	const char *p1 = "GET / HTTP/1.1\r\nHo", *p2 = "st: 192.168.1.50:16992\r\nUser-Agent: t\r\n\r\n";

	net_setup(net, 7);
	page_set_status("AMT <ok> & \"ready\"");
	isn = open_conn(&cl, 50000, 65535, (const uint8_t *)"\x02\x04\x05\xb4", 4);
	tap_eq(cap.n, 0, "handshake ACK -> no reply");
	tap_eq(net->conns[0].state, AMT_TCP_ESTABLISHED, "established");

	cl_send(net, &cl, F_ACK | F_PSH, p1, strlen(p1));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ok && r.flags == F_ACK && r.dlen == 0 &&
	       r.ack == 1001 + strlen(p1) && r.seq == isn + 1,
	       "first half of GET -> pure ACK");
	tap_eq(r.wnd, PAGE_SVC_REQ_MAX - strlen(p1), "window shrinks by buffered bytes");

	cap_reset();
	cl_send(net, &cl, F_ACK | F_PSH, p2, strlen(p2));
	tap_eq(cap.n, 1, "complete GET -> one response segment");
	r = parse_reply(0);
	tap_ok(r.ok && r.flags == (F_ACK | F_PSH | F_FIN) && r.seq == isn + 1 &&
	       r.ack == cl.snd_nxt, "response: ACK|PSH|FIN, seq/ack right");
	n = gather(0, resp, sizeof(resp), &fin, &next);
	resp[n] = 0;
	tap_ok(!strncmp(resp, "HTTP/1.1 200 OK\r\n", 17), "status line 200");
	tap_ok(strstr(resp, "\r\nContent-Type: text/html; charset=utf-8\r\n") != NULL, "content type");
	tap_ok(strstr(resp, "\r\nConnection: close\r\n") != NULL, "connection close");
	hl = header_len(resp, n);
	tap_ok(hl && content_length(resp, n) == n - hl, "Content-Length matches body");
	tap_ok(strstr(resp + hl, "fwgate CSME simulator") != NULL, "page title");
	tap_ok(strstr(resp + hl, "AMT &lt;ok&gt; &amp; &quot;ready&quot;") != NULL,
	       "status line HTML-escaped");
	tap_eq(page_cnt[PAGE_C_200], 1, "http_200 counted");

	/* client ACKs data + FIN */
	cl.rcv_nxt = next;
	cap_reset();
	cl_send(net, &cl, F_ACK, NULL, 0);
	tap_eq(cap.n, 0, "ACK of our FIN -> silence");
	tap_eq(amt_net_active_conns(net), 1, "half-closed: waiting for peer FIN");
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ok && r.flags == F_ACK && r.ack == cl.snd_nxt && r.seq == next,
	       "peer FIN -> final ACK");
	tap_eq(amt_net_active_conns(net), 0, "connection freed");
	tap_eq(net->cnt[AMT_C_TCP_CLOSED], 1, "closed counted");

	/* late segment for the freed connection -> RST */
	cap_reset();
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.flags == F_RST && r.seq == next, "segment after close -> RST");
}

/* Full request on a fresh connection, client ACKs everything; returns resp. */
static size_t do_request(unsigned int port, unsigned int mss, const char *req, size_t rlen,
			 char *resp, size_t cap_sz)
{
	uint8_t opt[4] = { 2, 4, (uint8_t)(mss >> 8), (uint8_t)mss };
	struct client cl;
	uint32_t next = 0;
	int fin;
	size_t n;

	open_conn(&cl, port, 65535, opt, 4);
	cl_send(net, &cl, F_ACK | F_PSH, req, rlen);
	n = gather(0, resp, cap_sz - 1, &fin, &next);
	resp[n] = 0;
	cl.rcv_nxt = next;
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	return n;
}

static void test_status_codes(void)
{
	char resp[4096], big[PAGE_SVC_REQ_MAX];
	size_t n, hl;
	static const struct { const char *req, *line; } t[] = {
		{ "GET /x HTTP/1.1\r\n\r\n", "HTTP/1.1 404 Not Found\r\n" },
		{ "GET /index.html HTTP/1.0\r\n\r\n", "HTTP/1.1 404 Not Found\r\n" },
		{ "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n" },
		{ "DELETE / HTTP/1.1\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n" },
		{ "hello\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n" },
		{ "GET / HTTP/2.0\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n" },
		{ "GET  / HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n" },
		{ "GET x HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n" },
		{ "\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n" },
		{ "GET / HTTP/1.1\n\n", "HTTP/1.1 200 OK\r\n" },
		{ "GET / HTTP/1.0\r\n\r\n", "HTTP/1.1 200 OK\r\n" },
	};
	unsigned int i;

	net_setup(net, 3);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n = do_request(30000 + i, 1460, t[i].req, strlen(t[i].req), resp, sizeof(resp));
		hl = header_len(resp, n);
		tap_ok(n > strlen(t[i].line) && !strncmp(resp, t[i].line, strlen(t[i].line)) &&
		       content_length(resp, n) == n - hl,
		       "%.*s -> %.*s", (int)strcspn(t[i].req, "\r\n"), t[i].req,
		       (int)strlen(t[i].line) - 2, t[i].line);
	}
	tap_eq(amt_net_active_conns(net), 0, "all connections closed");
	tap_eq(page_cnt[PAGE_C_404], 2, "http_404 = 2");
	tap_eq(page_cnt[PAGE_C_405], 2, "http_405 = 2");
	tap_eq(page_cnt[PAGE_C_400], 5, "http_400 = 5");
	n = do_request(31000, 1460, "POST / HTTP/1.1\r\n\r\n", 19, resp, sizeof(resp));
	tap_ok(strstr(resp, "\r\nAllow: GET, HEAD\r\n") != NULL, "405 has Allow header");

	/* HEAD: headers of the page, Content-Length of the page, no body */
	{
		char get[4096];
		size_t gn = do_request(31001, 1460, "GET / HTTP/1.1\r\n\r\n", 18, get, sizeof(get));
		size_t ghl = header_len(get, gn);

		n = do_request(31002, 1460, "HEAD / HTTP/1.1\r\n\r\n", 19, resp, sizeof(resp));
		hl = header_len(resp, n);
		tap_ok(hl && hl == n, "HEAD: no body");
		tap_ok(hl == ghl && !memcmp(resp, get, hl), "HEAD headers == GET headers");
		tap_eq(content_length(resp, n), gn - ghl, "HEAD Content-Length = page length");
	}

	/* request too large: 2048 bytes without a header end -> 400 */
	memset(big, 'a', sizeof(big));
	memcpy(big, "GET / HTTP/1.1\r\nX: ", 19);
	{
		struct client cl;
		uint32_t next;
		int fin;

		open_conn(&cl, 31003, 65535, (const uint8_t *)"\x02\x04\x05\xb4", 4);
		cl_send(net, &cl, F_ACK, big, 1024);
		tap_ok(cap.n == 1 && parse_reply(0).dlen == 0 && parse_reply(0).wnd == 1024,
		       "1 KiB of headers: ACK, window 1024");
		cap_reset();
		cl_send(net, &cl, F_ACK, big + 1024, 1024);
		n = gather(0, resp, sizeof(resp) - 1, &fin, &next);
		resp[n] = 0;
		tap_ok(!strncmp(resp, "HTTP/1.1 400 ", 13) && fin, "2 KiB without end -> 400 + FIN");
	}

	/* long status: escaping fits, Content-Length still exact */
	{
		char st[256 + 10];

		memset(st, '&', sizeof(st) - 1);
		st[sizeof(st) - 1] = 0;
		page_set_status(st);
		n = do_request(31004, 1460, "GET / HTTP/1.1\r\n\r\n", 18, resp, sizeof(resp));
		hl = header_len(resp, n);
		tap_ok(hl && content_length(resp, n) == n - hl && n - hl > 255 * 5,
		       "255-byte status of '&' fully escaped, Content-Length exact");
	}
}

static void test_segmentation_window(void)
{
	char ref[4096], resp[4096];
	size_t rn, n = 0;
	struct client cl;
	struct reply r;
	uint32_t isn;
	int i;
	const char *get = "GET / HTTP/1.1\r\n\r\n";

	net_setup(net, 9);
	rn = do_request(20000, 1460, get, strlen(get), ref, sizeof(ref));
	tap_ok(rn > 250, "reference response (%zu bytes)", rn);

	/* MSS 100: split into ceil(rn/100) contiguous segments */
	isn = open_conn(&cl, 20001, 65535, (const uint8_t *)"\x02\x04\x00\x64", 4);
	cl_send(net, &cl, F_ACK | F_PSH, get, strlen(get));
	tap_eq(cap.n, (int)((rn + 99) / 100), "MSS 100 -> ceil(len/100) segments");
	{
		int good = 1;

		for (i = 0; i < cap.n; i++) {
			r = parse_reply(i);
			good &= r.ok && r.dlen <= 100 && r.seq == isn + 1 + n;
			good &= (i == cap.n - 1) ? (r.flags == (F_ACK | F_PSH | F_FIN))
						  : (r.flags == F_ACK && r.dlen == 100);
			memcpy(resp + n, r.data, r.dlen);
			n += r.dlen;
		}
		tap_ok(good, "segments contiguous, <= MSS, FIN only on the last");
	}
	tap_ok(n == rn && !memcmp(resp, ref, rn), "reassembled == single-segment response");
	cl.rcv_nxt = isn + 1 + (uint32_t)n + 1;
	cap_reset();
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	tap_ok(cap.n == 1 && amt_net_active_conns(net) == 0, "closed");

	/* window 150, MSS 100: 100 + 50, then wait */
	isn = open_conn(&cl, 20002, 150, (const uint8_t *)"\x02\x04\x00\x64", 4);
	cl_send(net, &cl, F_ACK | F_PSH, get, strlen(get));
	tap_eq(cap.n, 2, "window 150: two segments");
	tap_ok(parse_reply(0).dlen == 100 && parse_reply(1).dlen == 50 &&
	       !(parse_reply(1).flags & F_FIN), "100 + 50 bytes, no FIN yet");
	/* ack 100, window still 150 -> 100 more (50 in flight) */
	cap_reset();
	cl.rcv_nxt = isn + 1 + 100;
	cl_send(net, &cl, F_ACK, NULL, 0);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.dlen == 100 && r.seq == isn + 1 + 150, "ACK 100 -> next 100 bytes");
	/* ack everything sent with window 0 -> nothing */
	cap_reset();
	cl.rcv_nxt = isn + 1 + 250;
	cl.wnd = 0;
	{
		uint8_t f[200];
		struct tcpseg s = { .sport = 20002, .dport = 16992, .seq = cl.snd_nxt,
				    .ack = cl.rcv_nxt, .flags = F_ACK, .wnd = 0 };

		feed(net, f, b_tcp(f, &s));
		tap_eq(cap.n, 0, "zero window -> no data sent");
		/* zero-window probe on tick */
		amt_net_tick(net, 1500);
		r = parse_reply(0);
		tap_ok(cap.n == 1 && r.dlen == 0 && r.seq == isn + 250 && r.flags == F_ACK,
		       "tick: zero-window probe (old-sequence ACK)");
		cap_reset();
		s.wnd = 4000;
		feed(net, f, b_tcp(f, &s));
	}
	cl.wnd = 4000;
	n = 250;
	memcpy(resp, ref, 250);
	for (i = 0; i < cap.n; i++) {
		r = parse_reply(i);
		memcpy(resp + n, r.data, r.dlen);
		n += r.dlen;
	}
	r = parse_reply(cap.n - 1);
	tap_ok(n == rn && !memcmp(resp, ref, rn) && (r.flags & F_FIN),
	       "window update -> rest of response + FIN");
	(void)isn;
}

static void test_dup_and_order(void)
{
	struct client cl;
	struct reply r;
	char resp[4096];
	uint32_t next, base;
	int fin;
	size_t n;

	net_setup(net, 11);
	open_conn(&cl, 21000, 65535, (const uint8_t *)"\x02\x04\x05\xb4", 4);
	base = cl.snd_nxt;
	cl_send(net, &cl, F_ACK, "GET / HT", 8);
	cap_reset();
	cl.snd_nxt = base;		/* retransmit the same bytes */
	cl_send(net, &cl, F_ACK, "GET / HT", 8);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ack == base + 8 && r.dlen == 0, "duplicate data -> ACK, not re-buffered");
	tap_eq(net->cnt[AMT_C_TCP_DUP_DATA], 1, "dup_data counted");

	/* out of order: the tail first */
	cap_reset();
	cl.snd_nxt = base + 12;
	cl_send(net, &cl, F_ACK, "1.1\r\n\r\n", 7);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ack == base + 8 && r.dlen == 0, "out-of-order -> dup ACK");
	tap_eq(net->cnt[AMT_C_TCP_OUT_OF_ORDER], 1, "out_of_order counted");

	/* overlapping retransmission of the whole request */
	cap_reset();
	cl.snd_nxt = base;
	cl_send(net, &cl, F_ACK, "GET / HTTP/1.1\r\n\r\n", 19);
	n = gather(0, resp, sizeof(resp) - 1, &fin, &next);
	resp[n] = 0;
	tap_ok(!strncmp(resp, "HTTP/1.1 200 OK\r\n", 17) && fin, "overlap trimmed -> 200");

	/* retransmission on tick when nothing is acked */
	{
		struct reply first = parse_reply(0);
		uint8_t saved[1600];
		size_t slen = cap.len[0];

		memcpy(saved, cap.f[0], slen);
		cap_reset();
		amt_net_tick(net, 999);
		tap_eq(cap.n, 0, "no retransmission before RTO");
		amt_net_tick(net, 1000);
		tap_ok(cap.n == 1 && cap.len[0] == slen && !memcmp(cap.f[0], saved, slen),
		       "tick after RTO: byte-identical retransmission");
		tap_eq(net->cnt[AMT_C_TCP_RETRANSMIT], 1, "retransmit counted");
		(void)first;
	}
	/* RST with wrong sequence ignored, exact one accepted */
	cap_reset();
	cl.snd_nxt += 5;
	cl_send(net, &cl, F_RST, NULL, 0);
	tap_ok(cap.n == 0 && amt_net_active_conns(net) == 1 &&
	       net->cnt[AMT_C_TCP_RST_IGNORED] == 1, "RST with wrong seq ignored");
	cl.snd_nxt -= 5;
	cl_send(net, &cl, F_RST, NULL, 0);
	tap_ok(cap.n == 0 && amt_net_active_conns(net) == 0 &&
	       net->cnt[AMT_C_TCP_RST_RCVD] == 1, "exact RST drops the connection");

	/* peer closes without a request -> FIN|ACK, then freed */
	open_conn(&cl, 21001, 65535, NULL, 0);
	cl_send(net, &cl, F_ACK | F_FIN, NULL, 0);
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.flags == (F_ACK | F_FIN) && r.ack == cl.snd_nxt,
	       "FIN without request -> FIN|ACK");
	cap_reset();
	cl.rcv_nxt = r.seq + 1;
	cl_send(net, &cl, F_ACK, NULL, 0);
	tap_ok(cap.n == 0 && amt_net_active_conns(net) == 0, "ACK of FIN -> freed");

	/* idle timeout */
	net_setup(net, 12);
	open_conn(&cl, 21002, 65535, NULL, 0);
	amt_net_tick(net, 29999);
	tap_eq(amt_net_active_conns(net), 1, "not idle yet");
	amt_net_tick(net, 30000);
	r = parse_reply(0);
	tap_ok(amt_net_active_conns(net) == 0 && cap.n == 1 && (r.flags & F_RST) &&
	       net->cnt[AMT_C_TCP_TIMEOUT] == 1, "idle 30 s -> RST, freed");

	/* SYN-ACK retransmitted by tick, aborted after max retries */
	net_setup(net, 13);
	{
		uint8_t f[200];
		struct tcpseg s = { .sport = 21003, .dport = 16992, .seq = 1, .flags = F_SYN,
				    .wnd = 1000 };
		int k;

		feed(net, f, b_tcp(f, &s));
		for (k = 1; k <= 6; k++)
			amt_net_tick(net, 1000u * k);
		tap_eq(net->cnt[AMT_C_TCP_RETRANSMIT], 5, "SYN-ACK retransmitted 5 times");
		tap_ok(amt_net_active_conns(net) == 0 && net->cnt[AMT_C_TCP_TIMEOUT] == 1,
		       "then aborted");
		tap_ok(parse_reply(1).flags == (F_SYN | F_ACK) &&
		       parse_reply(1).seq == parse_reply(0).seq, "retransmitted SYN-ACK identical seq");
	}
}

static void test_rst_and_table(void)
{
	uint8_t f[200];
	struct tcpseg s = { .sport = 33000, .dport = 80, .seq = 500, .flags = F_SYN, .wnd = 1000 };
	struct reply r;
	struct client cls[AMT_NET_MAX_CONNS];
	int i, good = 1;

	net_setup(net, 5);
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.ok && r.flags == (F_RST | F_ACK) && r.seq == 0 && r.ack == 501 &&
	       r.sport == 80 && r.dport == 33000, "SYN to port 80 -> RST|ACK ack=seq+1");
	cap_reset();
	s.dport = 16993;
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.flags == (F_RST | F_ACK), "SYN to 16993 -> RST");
	tap_eq(net->cnt[AMT_C_TCP_CLOSED_PORT], 2, "closed_port counted");

	cap_reset();
	s.dport = 16992;
	s.flags = F_ACK;
	s.ack = 0xdeadbeef;
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.flags == F_RST && r.seq == 0xdeadbeef, "stray ACK -> RST seq=ack");
	cap_reset();
	s.flags = F_RST;
	feed(net, f, b_tcp(f, &s));
	tap_eq(cap.n, 0, "RST is never answered");
	s.flags = F_FIN;
	feed(net, f, b_tcp(f, &s));
	s.flags = F_SYN | F_FIN;
	feed(net, f, b_tcp(f, &s));
	tap_ok(cap.n == 0 && net->cnt[AMT_C_TCP_BAD_FLAGS] == 2, "FIN-only / SYN+FIN dropped");

	/* table exhaustion */
	for (i = 0; i < AMT_NET_MAX_CONNS; i++) {
		open_conn(&cls[i], 40000 + i, 65535, NULL, 0);
		good &= cap.n == 0;
	}
	tap_ok(good, "16 connections established");
	tap_eq(amt_net_active_conns(net), AMT_NET_MAX_CONNS, "table full");
	cap_reset();
	s.sport = 41000;
	s.flags = F_SYN;
	s.seq = 9;
	s.ack = 0;
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.flags == (F_RST | F_ACK) && r.ack == 10 &&
	       net->cnt[AMT_C_TCP_TABLE_FULL] == 1, "17th SYN -> RST, table_full");
	cl_send(net, &cls[3], F_RST, NULL, 0);
	cap_reset();
	feed(net, f, b_tcp(f, &s));
	r = parse_reply(0);
	tap_ok(cap.n == 1 && r.flags == (F_SYN | F_ACK), "after a RST frees a slot, SYN accepted");

	/* bad TCP checksum, bad IP checksum, fragment, not our IP, ICMP, UDP */
	net_setup(net, 5);
	s.flags = F_SYN;
	{
		size_t n = b_tcp(f, &s);

		f[n - 1] ^= 0x40;	/* corrupt a byte covered by the TCP checksum */
		f[50] ^= 1;
		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_TCP_BAD_CSUM] == 1, "bad TCP checksum dropped");
		n = b_tcp(f, &s);
		f[14 + 8] = 1;		/* TTL changed, IP checksum not updated */
		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_IP_BAD_CSUM] == 1, "bad IP checksum dropped");
		n = b_tcp(f, &s);
		f[14 + 6] = 0x20;	/* MF */
		wr16(f + 24, 0);
		wr16(f + 24, ref_csum(0, f + 14, 20));
		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_IP_FRAGMENT] == 1, "fragment dropped");
		s.dip = OUR_IP + 1;
		n = b_tcp(f, &s);
		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_IP_NOT_OURS] == 1, "other IP dropped");
		s.dip = 0;
		n = b_tcp(f, &s);
		f[0] ^= 2;
		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_DROP_NOT_OUR_MAC] == 1, "other MAC dropped");
		s.sip = 0xe0000001u;
		n = b_tcp(f, &s);
		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_IP_BAD_SRC] == 1, "multicast source dropped");
		s.sip = 0;
		/* padded frame (trailing bytes beyond IP total length) accepted */
		n = b_tcp(f, &s);
		memset(f + n, 0, 16);
		feed(net, f, n + 16);
		tap_ok(cap.n == 1 && parse_reply(0).flags == (F_SYN | F_ACK),
		       "Ethernet padding ignored, SYN accepted");
	}
	{
		uint8_t e[100];

		cap_reset();
		b_eth(e, OUR_MAC, PEER_MAC, 0x0800);
		b_ip(e, PEER_IP, OUR_IP, 1, 8);
		memset(e + 34, 0, 8);
		e[34] = 8;	/* echo request */
		wr16(e + 36, ref_csum(0, e + 34, 8));
		feed(net, e, 42);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_ICMP_IGNORED] == 1, "ICMP echo: no reply");
		b_ip(e, PEER_IP, OUR_IP, 17, 8);
		feed(net, e, 42);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_IP_PROTO_OTHER] == 1, "UDP: dropped");
		b_eth(e, OUR_MAC, PEER_MAC, 0x86dd);
		feed(net, e, 60);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_DROP_ETHERTYPE] == 1, "IPv6: dropped");
	}
}

int main(void)
{
	tap_start();
	net = calloc(1, sizeof(*net));
	test_handshake();
	test_full_exchange();
	test_status_codes();
	test_segmentation_window();
	test_dup_and_order();
	test_rst_and_table();
	amt_net_destroy(net);
	free(net);
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * amt_load: many concurrent HTTP/1.1 keep-alive clients against AMT's web
 * port for a bounded time, every answer checked, while one more client
 * measures the host's own web server (Linux traffic on another port).
 *
 *   amt_load [-c CONNS] [-t SECONDS] [-T REQ_TIMEOUT] [-b POST_BYTES]
 *            [-d BODY_FILE] [-u USER:PASSWORD]
 *            [-H HOST_IP:PORT] [-B BASELINE_SECONDS] -r SPEC [-r SPEC...]
 *            AMT_IP:PORT
 *
 * SPEC is "METHOD PATH STATUS [TEXT]": the request, the status it must get
 * and a text its body must contain (the rest of the SPEC). Connection i sends the specs in turn,
 * starting at spec i. POST requests carry a body of POST_BYTES (so it
 * spans several TCP segments). Every request says "Connection: keep-alive";
 * a connection is reused when the server keeps it open and reopened when
 * the server announced "Connection: close" and closed it. With -d, POST
 * and PUT carry that file as a SOAP 1.2 body (a WS-Management request)
 * instead of POST_BYTES of filler. With -u, a 401 with a Digest challenge
 * is answered as RFC 7616 clients do (MD5, qop=auth): the connection keeps
 * the nonce and sends every later request with Authorization and a
 * growing nonce count; a stale nonce is replaced, any other 401 after
 * authenticating is a failure. A response is
 * correct only with the expected status, an exact Content-Length, the whole
 * body and TEXT in it. A server that closes without announcing it, a reset,
 * or no complete answer within REQ_TIMEOUT seconds (default 10) is a
 * failure.
 *
 * The host client runs sequential GETs of "/" on HOST_IP:PORT, first alone
 * for BASELINE_SECONDS (default 3), then during the whole load, and
 * reports both rates.
 *
 * Output: key=value lines (requests, ok, failed, reused, reconnects, ...),
 * the first failures as "# " lines. Exit 0 if nothing failed, 1 otherwise.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "md5.h"

#define MAX_SPECS	16
#define MAX_CONNS	1024
#define RBUF		65536
#define MAX_REPORTS	10

struct spec {
	char method[16];
	char path[256];
	int status;
	char text[128];
};

struct conn {
	int fd;
	int next_spec;
	int cur;		/* spec of the request in flight, -1 = none */
	bool connecting;
	bool reused;		/* this request is not the first on its socket */
	double sent_at;
	char *wbuf;
	size_t wlen, woff;
	char rbuf[RBUF];
	size_t rlen;
	/* HTTP Digest state of this connection (-u) */
	char realm[96], nonce[128], opaque[128];
	unsigned int nc;
	int challenges;		/* 401s in a row for the request in flight */
};

static struct spec specs[MAX_SPECS];
static int nspecs;
static struct sockaddr_in amt_sa, host_sa;
static bool have_host;
static size_t post_bytes = 3000;
static double req_timeout = 10;
static volatile bool host_stop;
static char *body_file;		/* -d: the POST/PUT body */
static size_t body_len;
static char user[64], password[64];	/* -u */
static bool digest;

static unsigned long n_req, n_ok, n_fail, n_reused, n_reconn, n_connects;
static unsigned long n_challenges, n_stale;
static double lat_sum, lat_max;
static int n_reports;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void __attribute__((format(printf, 2, 3))) report(int idx, const char *fmt, ...)
{
	va_list ap;

	if (n_reports++ >= MAX_REPORTS)
		return;
	printf("# conn %d: ", idx);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static int parse_addr(const char *s, struct sockaddr_in *sa)
{
	char ip[64];
	const char *colon = strrchr(s, ':');

	if (!colon || (size_t)(colon - s) >= sizeof(ip))
		return -1;
	memcpy(ip, s, colon - s);
	ip[colon - s] = 0;
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons(atoi(colon + 1));
	return inet_pton(AF_INET, ip, &sa->sin_addr) == 1 && sa->sin_port ? 0 : -1;
}

static int parse_spec(const char *s, struct spec *sp)
{
	int status, rest = -1;

	if (sscanf(s, "%15s %255s %d %n", sp->method, sp->path, &status, &rest) < 3)
		return -1;
	sp->status = status;
	snprintf(sp->text, sizeof(sp->text), "%s", rest >= 0 ? s + rest : "");
	return status >= 100 && status <= 599 ? 0 : -1;
}

/* ---- one AMT connection ---------------------------------------------- */

static int conn_open(int ep, struct conn *c)
{
	struct epoll_event ev = { .events = EPOLLOUT | EPOLLIN, .data.ptr = c };
	int one = 1;

	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (c->fd < 0)
		return -1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(c->fd, (struct sockaddr *)&amt_sa, sizeof(amt_sa)) && errno != EINPROGRESS) {
		close(c->fd);
		c->fd = -1;
		return -1;
	}
	n_connects++;
	c->connecting = true;
	c->reused = false;
	c->rlen = 0;
	return epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
}

static void conn_close(int ep, struct conn *c)
{
	if (c->fd >= 0) {
		epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
		close(c->fd);
	}
	c->fd = -1;
}

static void md5_hex_of(char out[MD5_HEX_LEN + 1], const char *fmt, ...)
{
	uint8_t d[MD5_DIGEST_LEN];
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	md5(buf, n < 0 ? 0 : (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1, d);
	md5_hex(d, out);
}

/* The Authorization header for the next request on @c (RFC 7616 3.4). */
static size_t digest_header(struct conn *c, const struct spec *sp, char *out, size_t cap)
{
	char ha1[MD5_HEX_LEN + 1], ha2[MD5_HEX_LEN + 1], resp[MD5_HEX_LEN + 1];
	char cnonce[17];
	int n;

	c->nc++;
	snprintf(cnonce, sizeof(cnonce), "%08x%08x", (unsigned int)rand(), c->nc);
	md5_hex_of(ha1, "%s:%s:%s", user, c->realm, password);
	md5_hex_of(ha2, "%s:%s", sp->method, sp->path);
	md5_hex_of(resp, "%s:%s:%08x:%s:auth:%s", ha1, c->nonce, c->nc, cnonce, ha2);
	n = snprintf(out, cap,
		     "Authorization: Digest username=\"%s\", realm=\"%s\", nonce=\"%s\", "
		     "uri=\"%s\", qop=auth, nc=%08x, cnonce=\"%s\", response=\"%s\"%s%s%s\r\n",
		     user, c->realm, c->nonce, sp->path, c->nc, cnonce, resp,
		     c->opaque[0] ? ", opaque=\"" : "", c->opaque, c->opaque[0] ? "\"" : "");
	return n < 0 || (size_t)n >= cap ? 0 : (size_t)n;
}

static void conn_request(struct conn *c)
{
	const struct spec *sp = &specs[c->next_spec];
	bool post = !strcmp(sp->method, "POST") || !strcmp(sp->method, "PUT");
	size_t hl, i, blen = body_file ? body_len : post_bytes;

	c->cur = c->next_spec;
	c->next_spec = (c->next_spec + 1) % nspecs;
	free(c->wbuf);
	c->wbuf = malloc(1024 + blen);
	if (!c->wbuf)
		abort();
	hl = (size_t)snprintf(c->wbuf, 1024,
			      "%s %s HTTP/1.1\r\nHost: amt\r\nUser-Agent: fwgate-amt-load\r\n"
			      "Connection: keep-alive\r\n", sp->method, sp->path);
	if (digest && c->nonce[0])
		hl += digest_header(c, sp, c->wbuf + hl, 1024 - 64 - hl);
	if (post)
		hl += (size_t)snprintf(c->wbuf + hl, 1024 - hl,
				       "Content-Type: %s\r\nContent-Length: %zu\r\n",
				       body_file ? "application/soap+xml;charset=UTF-8" :
				       "application/octet-stream", blen);
	hl += (size_t)snprintf(c->wbuf + hl, 1024 - hl, "\r\n");
	if (post && body_file) {
		memcpy(c->wbuf + hl, body_file, blen);
		hl += blen;
	} else if (post) {
		for (i = 0; i < post_bytes; i++)
			c->wbuf[hl + i] = (char)('a' + (i * 7 + (size_t)c->cur) % 26);
		hl += post_bytes;
	}
	c->wlen = hl;
	c->woff = 0;
	c->rlen = 0;
	c->sent_at = now_s();
	n_req++;
}

static bool conn_write(struct conn *c)
{
	while (c->woff < c->wlen) {
		ssize_t n = write(c->fd, c->wbuf + c->woff, c->wlen - c->woff);

		if (n < 0)
			return errno == EAGAIN;
		c->woff += (size_t)n;
	}
	return true;
}

static const char *find_header(const char *h, size_t hlen, const char *name)
{
	size_t nl = strlen(name);
	const char *p = h, *end = h + hlen;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (!eol)
			break;
		if ((size_t)(eol - p) > nl && !strncasecmp(p, name, nl) && p[nl] == ':')
			return p + nl + 1;
		p = eol + 1;
	}
	return NULL;
}

/* Copy the quoted or bare value of @name in a Digest challenge. */
static bool digest_param(const char *h, const char *end, const char *name, char *out,
			 size_t cap)
{
	size_t nl = strlen(name), n = 0;
	const char *p = h;

	while ((p = strcasestr(p, name)) && p < end) {
		const char *v = p + nl;

		if ((p == h || strchr(" ,\t", p[-1])) && *v == '=') {
			bool q = *++v == '"';

			v += q;
			while (v < end && n + 1 < cap && (q ? *v != '"' : !strchr(", \r\n", *v)))
				out[n++] = *v++;
			out[n] = 0;
			return true;
		}
		p = v;
	}
	return false;
}

/*
 * A 401 with a Digest challenge: take its nonce. Returns 2 (send the
 * request again) or -1 (authentication failed).
 */
static int conn_challenge(int idx, struct conn *c, const char *hdr, size_t hlen)
{
	const char *v = find_header(hdr, hlen, "WWW-Authenticate"), *eol;
	char stale[8] = "";

	if (!v || !(eol = memchr(v, '\n', hlen - (size_t)(v - hdr))) ||
	    !strcasestr(v, "Digest") || strcasestr(v, "Digest") > eol) {
		report(idx, "%s: 401 without a Digest challenge", specs[c->cur].path);
		return -1;
	}
	digest_param(v, eol, "stale", stale, sizeof(stale));
	if (c->nonce[0] && strcasecmp(stale, "true")) {
		report(idx, "%s: credentials refused (401, not stale)", specs[c->cur].path);
		return -1;
	}
	if (++c->challenges > 3) {
		report(idx, "%s: 401 again and again", specs[c->cur].path);
		return -1;
	}
	if (!digest_param(v, eol, "realm", c->realm, sizeof(c->realm)) ||
	    !digest_param(v, eol, "nonce", c->nonce, sizeof(c->nonce))) {
		report(idx, "%s: Digest challenge without realm or nonce", specs[c->cur].path);
		return -1;
	}
	c->opaque[0] = 0;
	digest_param(v, eol, "opaque", c->opaque, sizeof(c->opaque));
	c->nc = 0;
	if (c->nonce[0] && !strcasecmp(stale, "true"))
		n_stale++;
	n_challenges++;
	return 2;
}

/*
 * Check the response in c->rbuf. Returns 1 when complete and correct
 * (*close_after set), 0 when more bytes are needed, 2 when the request must
 * be sent again with credentials, -1 on a wrong answer.
 */
static int conn_check(int idx, struct conn *c, bool eof, bool *close_after)
{
	const struct spec *sp = &specs[c->cur];
	const char *hend, *v;
	size_t hlen, blen;
	long clen;
	int status;
	bool head = !strcmp(sp->method, "HEAD");

	c->rbuf[c->rlen] = 0;
	hend = strstr(c->rbuf, "\r\n\r\n");
	if (!hend)
		return eof ? (report(idx, "%s: connection closed after %zu bytes of headers",
				     sp->path, c->rlen), -1) : 0;
	hlen = (size_t)(hend - c->rbuf) + 4;
	if (sscanf(c->rbuf, "HTTP/1.%*1[01] %d ", &status) != 1) {
		report(idx, "%s: bad status line (%zu bytes)", sp->path, c->rlen);
		return -1;
	}
	v = find_header(c->rbuf, hlen, "Content-Length");
	if (!v) {
		report(idx, "%s: no Content-Length (status %d)", sp->path, status);
		return -1;
	}
	clen = strtol(v, NULL, 10);
	blen = c->rlen - hlen;
	if (!head && blen < (size_t)clen)
		return eof ? (report(idx, "%s: body cut short at %zu of %ld bytes", sp->path,
				     blen, clen), -1) : 0;
	if ((head && blen) || (!head && blen > (size_t)clen)) {
		report(idx, "%s: %ld bytes beyond the body", sp->path,
		       (long)(blen - (head ? 0 : (size_t)clen)));
		return -1;
	}
	v = find_header(c->rbuf, hlen, "Connection");
	*close_after = v && !strncasecmp(v + strspn(v, " \t"), "close", 5);
	if (status == 401 && digest && sp->status != 401)
		return conn_challenge(idx, c, c->rbuf, hlen);
	if (status != sp->status) {
		report(idx, "%s: status %d, expected %d", sp->path, status, sp->status);
		return -1;
	}
	if (!head && sp->text[0] && !strstr(c->rbuf + hlen, sp->text)) {
		report(idx, "%s: body lacks \"%s\" (%ld bytes)", sp->path, sp->text, clen);
		return -1;
	}
	c->challenges = 0;
	return 1;
}

static void conn_done(struct conn *c, bool good)
{
	double lat = now_s() - c->sent_at;

	if (good) {
		n_ok++;
		lat_sum += lat;
		if (lat > lat_max)
			lat_max = lat;
		if (c->reused)
			n_reused++;
	} else {
		n_fail++;
	}
	c->cur = -1;
}

/* Read what is there; returns false when the socket must be reopened. */
static bool conn_read(int idx, struct conn *c)
{
	bool close_after = false, eof = false;
	ssize_t n;
	int r, cur;

	for (;;) {
		if (c->rlen >= RBUF - 1) {
			report(idx, "%s: response larger than %d bytes", specs[c->cur].path, RBUF);
			conn_done(c, false);
			return false;
		}
		n = read(c->fd, c->rbuf + c->rlen, RBUF - 1 - c->rlen);
		if (n == 0) {
			eof = true;
			break;
		}
		if (n < 0) {
			if (errno == EAGAIN)
				break;
			if (c->cur >= 0) {
				report(idx, "%s: %s", specs[c->cur].path, strerror(errno));
				conn_done(c, false);
			}
			return false;
		}
		if (c->cur < 0) {
			report(idx, "%zd unexpected bytes between requests", n);
			n_fail++;
			return false;
		}
		c->rlen += (size_t)n;
	}
	if (c->cur < 0)
		return !eof;	/* idle keep-alive socket closed by the server */
	r = conn_check(idx, c, eof, &close_after);
	if (r == 0)
		return true;
	if (r == 2) {
		/* the same request again, with credentials: not a new request */
		c->next_spec = c->cur;
		c->cur = -1;
		n_req--;
		return !(close_after || eof);
	}
	cur = c->cur;
	conn_done(c, r > 0);
	if (r < 0)
		return false;
	if (close_after || eof) {
		if (!close_after) {
			report(idx, "%s: server closed without \"Connection: close\"",
			       specs[cur].path);
			n_ok--;
			n_fail++;
		}
		n_reconn++;
		return false;
	}
	return true;
}

/* ---- the host's own traffic -------------------------------------------- */

struct host_stats {
	unsigned long ok, fail;
	double max_lat;
};

static struct host_stats host_base, host_load;
static struct host_stats *volatile host_cur = &host_base;

static bool host_get(void)
{
	static const char req[] = "GET / HTTP/1.0\r\nHost: host\r\n\r\n";
	struct timeval tv = { .tv_sec = 5 };
	char buf[4096];
	size_t got = 0;
	ssize_t n;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	bool good;

	if (fd < 0)
		return false;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&host_sa, sizeof(host_sa)) ||
	    write(fd, req, sizeof(req) - 1) != sizeof(req) - 1) {
		close(fd);
		return false;
	}
	while (got < sizeof(buf) - 1 && (n = read(fd, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = 0;
	good = !strncmp(buf, "HTTP/1.", 7) && strstr(buf, " 200 ");
	return good;
}

static void *host_thread(void *arg)
{
	(void)arg;
	while (!host_stop) {
		struct host_stats *st = host_cur;
		double t = now_s();
		bool good = host_get();

		t = now_s() - t;
		if (good)
			st->ok++;
		else
			st->fail++;
		if (t > st->max_lat)
			st->max_lat = t;
	}
	return NULL;
}

/* ---- main --------------------------------------------------------------- */

static int read_body(const char *path)
{
	FILE *f = fopen(path, "r");
	long n;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || n > (1 << 20) ||
	    fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return -1;
	}
	body_file = malloc((size_t)n + 1);
	if (!body_file || fread(body_file, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	fclose(f);
	body_len = (size_t)n;
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: amt_load [-c CONNS] [-t SECONDS] [-T REQ_TIMEOUT] [-b POST_BYTES]\n"
			"                [-d BODY_FILE] [-u USER:PASSWORD]\n"
			"                [-H HOST_IP:PORT] [-B BASELINE_SECONDS] -r SPEC... AMT_IP:PORT\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static struct conn conns[MAX_CONNS];
	struct epoll_event evs[64];
	int nconns = 64, opt, ep, i, n;
	double dur = 20, base = 3, t0, t_end, now;
	pthread_t ht;

	while ((opt = getopt(argc, argv, "c:t:T:b:d:u:H:B:r:")) != -1) {
		switch (opt) {
		case 'd':
			if (read_body(optarg))
				usage();
			break;
		case 'u':
			if (sscanf(optarg, "%63[^:]:%63[^\n]", user, password) != 2)
				usage();
			digest = true;
			break;
		case 'c':
			nconns = atoi(optarg);
			break;
		case 't':
			dur = atof(optarg);
			break;
		case 'T':
			req_timeout = atof(optarg);
			break;
		case 'b':
			post_bytes = strtoul(optarg, NULL, 10);
			break;
		case 'H':
			if (parse_addr(optarg, &host_sa))
				usage();
			have_host = true;
			break;
		case 'B':
			base = atof(optarg);
			break;
		case 'r':
			if (nspecs == MAX_SPECS || parse_spec(optarg, &specs[nspecs++]))
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1 || parse_addr(argv[optind], &amt_sa) || !nspecs ||
	    nconns < 1 || nconns > MAX_CONNS || dur <= 0 || post_bytes > (1 << 20))
		usage();

	if (have_host) {
		if (pthread_create(&ht, NULL, host_thread, NULL))
			return 2;
		usleep((useconds_t)(base * 1e6));
		host_cur = &host_load;
	}

	ep = epoll_create1(0);
	for (i = 0; i < nconns; i++) {
		conns[i].fd = -1;
		conns[i].cur = -1;
		conns[i].next_spec = i % nspecs;
		if (conn_open(ep, &conns[i])) {
			perror("amt_load: connect");
			return 2;
		}
	}
	t0 = now_s();
	t_end = t0 + dur;
	for (;;) {
		bool busy = false;

		now = now_s();
		for (i = 0; i < nconns; i++) {
			struct conn *c = &conns[i];

			if (c->cur >= 0 && now - c->sent_at > req_timeout) {
				report(i, "%s: no complete answer in %.0f s", specs[c->cur].path,
				       req_timeout);
				conn_done(c, false);
				conn_close(ep, c);
			}
			if (c->fd < 0 && now < t_end && conn_open(ep, c))
				report(i, "cannot connect: %s", strerror(errno));
			if (c->fd >= 0 && c->cur < 0 && !c->connecting) {
				if (now >= t_end) {
					conn_close(ep, c);
					continue;
				}
				conn_request(c);
				if (!conn_write(c)) {
					conn_done(c, false);
					conn_close(ep, c);
				}
			}
			busy |= c->fd >= 0;
		}
		if (!busy && now >= t_end)
			break;
		n = epoll_wait(ep, evs, 64, 100);
		for (i = 0; i < n; i++) {
			struct conn *c = evs[i].data.ptr;
			int idx = (int)(c - conns), err = 0;
			socklen_t el = sizeof(err);

			if (c->fd < 0)
				continue;
			if (c->connecting) {
				if (!(evs[i].events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
					continue;
				getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &el);
				if (err) {
					report(idx, "connect failed: %s", strerror(err));
					n_fail++;
					conn_close(ep, c);
					continue;
				}
				c->connecting = false;
				evs[i].events = EPOLLIN;
				epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &evs[i]);
				continue;
			}
			if (c->cur >= 0 && c->woff < c->wlen && !conn_write(c)) {
				conn_done(c, false);
				conn_close(ep, c);
				continue;
			}
			if (evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
				if (!conn_read(idx, c))
					conn_close(ep, c);
				else if (c->cur < 0)
					c->reused = true;
			}
		}
	}
	now = now_s();
	host_stop = true;
	if (have_host)
		pthread_join(ht, NULL);

	printf("conns=%d\nseconds=%.1f\nrequests=%lu\nok=%lu\nfailed=%lu\n", nconns, now - t0,
	       n_req, n_ok, n_fail);
	printf("reused=%lu\nreconnects=%lu\nconnects=%lu\n", n_reused, n_reconn, n_connects);
	printf("challenges=%lu\nstale=%lu\n", n_challenges, n_stale);
	printf("rate=%.1f\nlat_mean_ms=%.1f\nlat_max_ms=%.1f\n", n_ok / (now - t0),
	       n_ok ? 1e3 * lat_sum / n_ok : 0, 1e3 * lat_max);
	if (have_host) {
		printf("host_base_ok=%lu\nhost_base_failed=%lu\nhost_base_rate=%.1f\n",
		       host_base.ok, host_base.fail, host_base.ok / base);
		printf("host_load_ok=%lu\nhost_load_failed=%lu\nhost_load_rate=%.1f\n"
		       "host_load_max_ms=%.1f\n", host_load.ok, host_load.fail,
		       host_load.ok / (now - t0), 1e3 * host_load.max_lat);
	}
	return n_fail || n_req != n_ok ? 1 : 0;
}

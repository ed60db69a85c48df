// SPDX-License-Identifier: GPL-2.0
/*
 * Control protocol between "csme-sim COMMAND" and the daemon.
 *
 * A UNIX stream socket; one request per connection. The client sends one
 * line (the command words, e.g. "nic take\n"), the daemon answers
 *
 *	ok[ TEXT]\n[PAYLOAD]		or	error: TEXT\n
 *
 * and closes the connection. PAYLOAD is the status output. Commands that
 * wait for the host (nic take, ping, fw reset, quit) answer when done.
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ctl.h"
#include "print.h"
#include "hostile.h"
#include "sap_fw.h"
#include "status.h"
#include "log.h"

#define CTL_MAX_WORDS	8

/* ---- parser --------------------------------------------------------------- */

__attribute__((format(printf, 3, 4)))
static int ctl_err(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (err && len) {
		va_start(ap, fmt);
		vsnprintf(err, len, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

static int parse_onoff(const char *s, int *v)
{
	if (!strcmp(s, "on")) {
		*v = 1;
		return 0;
	}
	if (!strcmp(s, "off")) {
		*v = 0;
		return 0;
	}
	return -EINVAL;
}

/**
 * ctl_parse_words() - parse a command given as words
 * @argc: number of words
 * @argv: the words
 * @req: result
 * @err: error text on failure
 * @errlen: size of @err
 *
 * Return: 0 or -EINVAL.
 */
int ctl_parse_words(int argc, char *const argv[], struct ctl_req *req, char *err, size_t errlen)
{
	const char *cmd, *arg;
	enum csme_hostile h;
	enum csme_policy p;
	int v;

	memset(req, 0, sizeof(*req));
	if (argc < 1)
		return ctl_err(err, errlen, "no command");
	cmd = argv[0];
	arg = argc > 1 ? argv[1] : NULL;

	if (!strcmp(cmd, "status")) {
		req->cmd = CTL_STATUS;
		req->arg = OUT_PLAIN;
		if (argc > 2)
			return ctl_err(err, errlen, "usage: status [plain|json|pretty]");
		if (!arg || !strcmp(arg, "plain"))
			return 0;
		if (!strcmp(arg, "json")) {
			req->arg = OUT_JSON;
			return 0;
		}
		if (!strcmp(arg, "pretty")) {
			req->arg = OUT_PRETTY;
			return 0;
		}
		return ctl_err(err, errlen, "usage: status [plain|json|pretty]");
	}
	if (!strcmp(cmd, "nic")) {
		if (argc != 2)
			return ctl_err(err, errlen, "usage: nic take|take-force|release");
		if (!strcmp(arg, "take"))
			req->cmd = CTL_NIC_TAKE;
		else if (!strcmp(arg, "take-force"))
			req->cmd = CTL_NIC_TAKE_FORCE;
		else if (!strcmp(arg, "release"))
			req->cmd = CTL_NIC_RELEASE;
		else
			return ctl_err(err, errlen, "usage: nic take|take-force|release");
		return 0;
	}
	if (!strcmp(cmd, "amt") || !strcmp(cmd, "link-prot")) {
		req->cmd = cmd[0] == 'a' ? CTL_AMT : CTL_LINK_PROT;
		if (argc != 2 || parse_onoff(arg, &v))
			return ctl_err(err, errlen, "usage: %s on|off", cmd);
		req->arg = v;
		return 0;
	}
	if (!strcmp(cmd, "policy")) {
		req->cmd = CTL_POLICY;
		if (argc != 2 || csme_policy_parse(arg, &p))
			return ctl_err(err, errlen, "usage: policy grant|deny|ignore");
		req->arg = p;
		return 0;
	}
	if (!strcmp(cmd, "fw")) {
		req->cmd = CTL_FW_RESET;
		if (argc != 2 || strcmp(arg, "reset"))
			return ctl_err(err, errlen, "usage: fw reset");
		return 0;
	}
	if (!strcmp(cmd, "hostile")) {
		req->cmd = CTL_HOSTILE;
		if (argc != 2)
			return ctl_err(err, errlen, "usage: hostile MODE|off");
		if (csme_hostile_parse(arg, &h))
			return ctl_err(err, errlen, "unknown hostile mode '%s'", arg);
		req->arg = h;
		return 0;
	}
	if (!strcmp(cmd, "ping") || !strcmp(cmd, "quit")) {
		req->cmd = cmd[0] == 'p' ? CTL_PING : CTL_QUIT;
		if (argc != 1)
			return ctl_err(err, errlen, "usage: %s", cmd);
		return 0;
	}
	return ctl_err(err, errlen, "unknown command '%s'", cmd);
}

/**
 * ctl_parse_line() - parse one request line
 * @line: NUL-terminated; words separated by blanks, optional CR/LF
 * @req: result
 * @err: error text on failure
 * @errlen: size of @err
 *
 * Return: 0 or -EINVAL.
 */
int ctl_parse_line(const char *line, struct ctl_req *req, char *err, size_t errlen)
{
	char buf[CTL_LINE_MAX];
	char *words[CTL_MAX_WORDS];
	char *p;
	int n = 0;

	if (strlen(line) >= sizeof(buf))
		return ctl_err(err, errlen, "request too long");
	strcpy(buf, line);
	p = buf;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			*p++ = 0;
		if (!*p)
			break;
		if (n == CTL_MAX_WORDS)
			return ctl_err(err, errlen, "too many words");
		words[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
			p++;
	}
	return ctl_parse_words(n, words, req, err, errlen);
}

/* The canonical request line for @req (without newline). */
int ctl_format(const struct ctl_req *req, char *buf, size_t len)
{
	static const char *const fmt_names[] = { "plain", "json", "pretty" };
	int n;

	switch (req->cmd) {
	case CTL_STATUS:
		n = snprintf(buf, len, "status %s",
			     (unsigned int)req->arg <= OUT_PRETTY ? fmt_names[req->arg] : "plain");
		break;
	case CTL_NIC_TAKE:
		n = snprintf(buf, len, "nic take");
		break;
	case CTL_NIC_TAKE_FORCE:
		n = snprintf(buf, len, "nic take-force");
		break;
	case CTL_NIC_RELEASE:
		n = snprintf(buf, len, "nic release");
		break;
	case CTL_AMT:
		n = snprintf(buf, len, "amt %s", req->arg ? "on" : "off");
		break;
	case CTL_POLICY:
		n = snprintf(buf, len, "policy %s", csme_policy_name(req->arg));
		break;
	case CTL_FW_RESET:
		n = snprintf(buf, len, "fw reset");
		break;
	case CTL_PING:
		n = snprintf(buf, len, "ping");
		break;
	case CTL_LINK_PROT:
		n = snprintf(buf, len, "link-prot %s", req->arg ? "on" : "off");
		break;
	case CTL_HOSTILE:
		n = snprintf(buf, len, "hostile %s", csme_hostile_name(req->arg));
		break;
	case CTL_QUIT:
		n = snprintf(buf, len, "quit");
		break;
	default:
		return -EINVAL;
	}
	return n < 0 || (size_t)n >= len ? -ENOSPC : n;
}

/* ---- server ------------------------------------------------------------------ */

static void client_free(struct ctl_client *c)
{
	if (c->fd >= 0)
		close(c->fd);
	free(c->out);
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

static struct ctl_client *client_find(struct ctl_server *s, uint32_t id)
{
	int i;

	if (!id)
		return NULL;
	for (i = 0; i < CTL_MAX_CLIENTS; i++)
		if (s->cl[i].fd >= 0 && s->cl[i].id == id)
			return &s->cl[i];
	return NULL;
}

unsigned int ctl_server_clients(const struct ctl_server *s)
{
	unsigned int n = 0;
	int i;

	for (i = 0; i < CTL_MAX_CLIENTS; i++)
		n += s->cl[i].fd >= 0;
	return n;
}

/**
 * ctl_server_open() - create the control socket
 * @s: server
 * @path: socket path; a stale socket (nobody listening) is replaced
 * @fn: request handler
 * @ctx: handler argument
 *
 * Return: 0 or -errno (-EADDRINUSE if another daemon listens there).
 */
int ctl_server_open(struct ctl_server *s, const char *path, ctl_handler_fn fn, void *ctx)
{
	struct sockaddr_un sa;
	int fd, probe, i, err;

	memset(s, 0, sizeof(*s));
	s->lfd = -1;
	for (i = 0; i < CTL_MAX_CLIENTS; i++)
		s->cl[i].fd = -1;
	s->handler = fn;
	s->ctx = ctx;
	s->next_id = 1;
	if (strlen(path) >= sizeof(sa.sun_path))
		return -ENAMETOOLONG;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, path);

	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		err = errno;
		if (err != EADDRINUSE)
			goto fail;
		/* stale or alive? */
		probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (probe >= 0 && !connect(probe, (struct sockaddr *)&sa, sizeof(sa))) {
			close(probe);
			err = EADDRINUSE;
			goto fail;
		}
		if (probe >= 0)
			close(probe);
		unlink(path);
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
			err = errno;
			goto fail;
		}
	}
	chmod(path, 0600);
	if (listen(fd, CTL_MAX_CLIENTS)) {
		err = errno;
		unlink(path);
		goto fail;
	}
	s->lfd = fd;
	snprintf(s->path, sizeof(s->path), "%s", path);
	return 0;
fail:
	close(fd);
	return -err;
}

void ctl_server_close(struct ctl_server *s)
{
	int i;

	for (i = 0; i < CTL_MAX_CLIENTS; i++)
		if (s->cl[i].fd >= 0)
			client_free(&s->cl[i]);
	if (s->lfd >= 0) {
		close(s->lfd);
		unlink(s->path);
	}
	s->lfd = -1;
}

/* Fill @p with the server's descriptors; the order is replayed by _handle. */
int ctl_server_pollfds(struct ctl_server *s, struct pollfd *p, int max)
{
	int i, n = 0;

	if (s->lfd < 0 || max < 1)
		return 0;
	p[n].fd = ctl_server_clients(s) < CTL_MAX_CLIENTS ? s->lfd : -1;
	p[n].events = POLLIN;
	p[n].revents = 0;
	n++;
	for (i = 0; i < CTL_MAX_CLIENTS && n < max; i++) {
		struct ctl_client *c = &s->cl[i];

		p[n].fd = c->fd;
		p[n].events = c->out ? POLLOUT : c->got_req ? 0 : POLLIN;
		p[n].revents = 0;
		n++;
	}
	return n;
}

static void client_write(struct ctl_client *c)
{
	ssize_t n;

	while (c->out && c->out_off < c->out_len) {
		n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off,
			 MSG_DONTWAIT | MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return;
			break;
		}
		c->out_off += (size_t)n;
	}
	client_free(c);		/* all written, or the peer is gone */
}

void ctl_reply(struct ctl_server *s, uint32_t id, bool ok, const char *text,
	       const char *payload, size_t plen)
{
	struct ctl_client *c = client_find(s, id);
	size_t tlen = text ? strlen(text) : 0;
	size_t hlen;

	if (!c || c->out)
		return;
	c->out = malloc(16 + tlen + plen);
	if (!c->out) {
		client_free(c);
		return;
	}
	if (ok)
		hlen = (size_t)sprintf(c->out, tlen ? "ok %s\n" : "ok\n", tlen ? text : "");
	else
		hlen = (size_t)sprintf(c->out, "error: %s\n", tlen ? text : "failed");
	if (plen)
		memcpy(c->out + hlen, payload, plen);
	c->out_len = hlen + plen;
	c->out_off = 0;
	client_write(c);
}

static void client_request(struct ctl_server *s, struct ctl_client *c)
{
	struct ctl_req req;
	char err[128];
	uint32_t id = c->id;

	c->got_req = true;
	c->in[c->in_len < sizeof(c->in) ? c->in_len : sizeof(c->in) - 1] = 0;
	if (ctl_parse_line(c->in, &req, err, sizeof(err))) {
		ctl_reply(s, id, false, err, NULL, 0);
		return;
	}
	s->handler(s->ctx, s, id, &req);
}

static void client_read(struct ctl_server *s, struct ctl_client *c)
{
	char *nl;
	ssize_t n;

	for (;;) {
		if (c->in_len >= sizeof(c->in) - 1) {
			c->got_req = true;
			ctl_reply(s, c->id, false, "request too long", NULL, 0);
			return;
		}
		n = recv(c->fd, c->in + c->in_len, sizeof(c->in) - 1 - c->in_len, MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return;
			client_free(c);
			return;
		}
		if (n == 0) {
			/* EOF: a request without newline is still a request */
			if (c->in_len)
				client_request(s, c);
			else
				client_free(c);
			return;
		}
		c->in_len += (size_t)n;
		c->in[c->in_len] = 0;
		nl = memchr(c->in, '\n', c->in_len);
		if (nl) {
			*nl = 0;
			c->in_len = (size_t)(nl - c->in);
			client_request(s, c);
			return;
		}
	}
}

static void server_accept(struct ctl_server *s, uint64_t now)
{
	int fd, i;

	for (;;) {
		fd = accept4(s->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			return;
		for (i = 0; i < CTL_MAX_CLIENTS; i++)
			if (s->cl[i].fd < 0)
				break;
		if (i == CTL_MAX_CLIENTS) {
			close(fd);
			return;
		}
		memset(&s->cl[i], 0, sizeof(s->cl[i]));
		s->cl[i].fd = fd;
		s->cl[i].id = s->next_id++;
		if (!s->next_id)
			s->next_id = 1;
		s->cl[i].since = now;
	}
}

/*
 * Handle the events of the descriptors ctl_server_pollfds() returned (in
 * @p, @n of them), then time out clients that never sent a request or
 * never got their answer.
 */
void ctl_server_handle(struct ctl_server *s, const struct pollfd *p, int n, uint64_t now)
{
	int i;

	for (i = 1; i < n && i - 1 < CTL_MAX_CLIENTS; i++) {
		struct ctl_client *c = &s->cl[i - 1];

		if (c->fd < 0 || p[i].fd != c->fd || !p[i].revents)
			continue;
		if (c->out)
			client_write(c);
		else if (!c->got_req)
			client_read(s, c);
		else if (p[i].revents & (POLLHUP | POLLERR))
			client_free(c);
	}
	if (n > 0 && p[0].fd >= 0 && (p[0].revents & POLLIN))
		server_accept(s, now);
	for (i = 0; i < CTL_MAX_CLIENTS; i++) {
		struct ctl_client *c = &s->cl[i];

		if (c->fd >= 0 && now - c->since > CTL_CLIENT_TIMEOUT_MS) {
			if (c->out)
				client_free(c);
			else
				ctl_reply(s, c->id, false, "timed out in the daemon", NULL, 0);
		}
	}
}

/* ---- client ------------------------------------------------------------------ */

/**
 * ctl_split_reply() - parse a reply
 * @buf: the whole reply
 * @len: its length
 * @ok: "ok" or "error"
 * @text: the text of the first line (after "ok " / "error: ")
 * @tlen: size of @text
 * @payload_off: offset of the payload (after the first newline)
 *
 * Return: 0, or -EPROTO for a malformed reply.
 */
int ctl_split_reply(const char *buf, size_t len, bool *ok, char *text, size_t tlen,
		    size_t *payload_off)
{
	const char *nl = memchr(buf, '\n', len);
	size_t line, skip, n;

	if (!nl)
		return -EPROTO;
	line = (size_t)(nl - buf);
	if (line >= 2 && !memcmp(buf, "ok", 2) && (line == 2 || buf[2] == ' ')) {
		*ok = true;
		skip = line == 2 ? 2 : 3;
	} else if (line >= 6 && !memcmp(buf, "error:", 6)) {
		*ok = false;
		skip = line > 6 && buf[6] == ' ' ? 7 : 6;
	} else {
		return -EPROTO;
	}
	n = line - skip;
	if (tlen) {
		if (n >= tlen)
			n = tlen - 1;
		memcpy(text, buf + skip, n);
		text[n] = 0;
	}
	*payload_off = line + 1;
	return 0;
}

/**
 * ctl_client_run() - send one request and print the answer
 * @path: control socket
 * @req: request
 * @out: where the payload and success text go
 * @err: where errors go
 *
 * Return: process exit status (0 on "ok").
 */
int ctl_client_run(const char *path, const struct ctl_req *req, FILE *out, FILE *err)
{
	struct sockaddr_un sa;
	char line[CTL_LINE_MAX + 1], text[512];
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0, off;
	struct pollfd p;
	uint64_t deadline;
	ssize_t n;
	bool ok;
	int fd, r;

	r = ctl_format(req, line, sizeof(line) - 1);
	if (r < 0) {
		fprintf(err, "csme-sim: cannot format the request\n");
		return 2;
	}
	strcat(line, "\n");
	if (strlen(path) >= sizeof(sa.sun_path)) {
		fprintf(err, "csme-sim: socket path too long: %s\n", path);
		return 2;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		fprintf(err, "csme-sim: cannot connect to %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	if (send(fd, line, strlen(line), MSG_NOSIGNAL) != (ssize_t)strlen(line)) {
		fprintf(err, "csme-sim: cannot send the request: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	shutdown(fd, SHUT_WR);

	deadline = csme_now_ms() + CTL_CLIENT_TIMEOUT_MS + 5000;
	for (;;) {
		uint64_t now = csme_now_ms();

		if (now >= deadline) {
			fprintf(err, "csme-sim: no answer from the daemon\n");
			goto fail;
		}
		p.fd = fd;
		p.events = POLLIN;
		r = poll(&p, 1, (int)(deadline - now));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		if (len + 4096 > cap) {
			cap = cap ? cap * 2 : 16384;
			nb = realloc(buf, cap);
			if (!nb) {
				fprintf(err, "csme-sim: out of memory\n");
				goto fail;
			}
			buf = nb;
		}
		n = recv(fd, buf + len, cap - len, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(err, "csme-sim: reading the answer: %s\n", strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	fd = -1;
	if (!buf || ctl_split_reply(buf, len, &ok, text, sizeof(text), &off)) {
		fprintf(err, "csme-sim: malformed answer from the daemon\n");
		free(buf);
		return 1;
	}
	if (!ok) {
		fprintf(err, "csme-sim: %s\n", text);
		free(buf);
		return 1;
	}
	if (text[0])
		fprintf(out, "%s\n", text);
	if (len > off)
		fwrite(buf + off, 1, len - off, out);
	fflush(out);
	free(buf);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	free(buf);
	return 1;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * redir_tcp_harness - test-only: serve csme-sim's redirection state machine
 * (redir_proto) on a real TCP socket on 127.0.0.1, so the real amtterm can
 * be run against it without a VM (see redir_amtterm.sh).
 *
 *   redir_tcp_harness PORTFILE [SECONDS]
 *
 * Listens on an ephemeral port and writes its number to PORTFILE. Serves
 * connections one at a time, with a console banner queued at start, until
 * the first connection ends or SECONDS (default 20) pass. Then prints the
 * counters and what clients typed as key=value lines on stdout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "redir_proto.h"

#define BANNER "csme-sim SOL console\r\n"

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static int send_all(int fd, struct abuf *out)
{
	size_t off = 0;
	ssize_t n;

	if (out->err)
		return -1;
	while (off < out->len) {
		n = write(fd, out->p + off, out->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		off += (size_t)n;
	}
	abuf_reset(out);
	return 0;
}

static void print_stats(const struct redir_server *s, const struct amt_model *m)
{
	const struct redir_stats *st = &s->st;
	int i;

	printf("connections=%lu\nauth_ok=%lu\nauth_failed=%lu\nsol_started=%lu\n",
	       st->connections, st->auth_ok, st->auth_failed, st->sol_started);
	printf("sol_ended=%lu\nsessions_ended=%lu\nbytes_typed=%lu\nbytes_sent=%lu\n",
	       st->sol_ended, st->sessions_ended, st->bytes_typed, st->bytes_sent);
	printf("heartbeats_sent=%lu\nheartbeats_echoed=%lu\npings=%lu\n",
	       st->heartbeats_sent, st->heartbeats_echoed, st->pings);
	for (i = 1; i < REDIR_REJ_COUNT; i++)
		printf("reject_%s=%lu\n", redir_reject_name(i), st->rejects[i]);
	printf("typed=");
	for (i = 0; i < (int)m->console_in.len; i++) {
		unsigned char ch = (unsigned char)m->console_in.buf[i];

		printf(ch >= 0x20 && ch < 0x7f ? "%c" : "\\x%02x", ch);
	}
	printf("\n");
}

/* Serve one connection until it ends or @deadline; returns 0 on a clean end. */
static int serve(int fd, struct redir_server *srv, uint64_t deadline)
{
	static uint8_t in[65536];
	struct redir_conn c;
	struct abuf out;
	size_t have = 0, used;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t n;
	int rc = -1;

	abuf_init(&out, 1 << 20);
	redir_conn_init(&c, srv, now_ms());
	while (now_ms() < deadline) {
		if (poll(&pfd, 1, 20) < 0 && errno != EINTR)
			break;
		if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(fd, in + have, sizeof(in) - have);
			if (n <= 0) {
				redir_conn_peer_fin(&c, have);
				rc = c.reject == REDIR_REJ_NONE ? 0 : -1;
				break;
			}
			have += (size_t)n;
			used = redir_conn_input(&c, in, have, now_ms(), &out);
			memmove(in, in + used, have - used);
			have -= used;
		}
		redir_conn_tick(&c, now_ms(), &out);
		redir_conn_pump(&c, now_ms(), &out, 4096);
		if (send_all(fd, &out))
			break;
		if (redir_conn_closed(&c)) {
			rc = c.reject == REDIR_REJ_NONE ? 0 : -1;
			break;
		}
	}
	fprintf(stderr, "redir_tcp_harness: session ended in state %s, reason %s\n",
		redir_state_name(c.state), redir_reject_name(c.reject));
	redir_conn_release(&c);
	abuf_free(&out);
	return rc;
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t sl = sizeof(sa);
	struct amt_model model;
	struct redir_server srv;
	uint64_t deadline;
	struct pollfd pfd;
	FILE *pf;
	int ls, fd, one = 1;

	if (argc < 2) {
		fprintf(stderr, "usage: %s PORTFILE [SECONDS]\n", argv[0]);
		return 2;
	}
	deadline = now_ms() + 1000 * (uint64_t)(argc > 2 ? atoi(argv[2]) : 20);
	amt_model_init(&model, NULL, 1);
	amt_model_console_print(&model, BANNER, strlen(BANNER));
	redir_server_init(&srv, &model);

	ls = socket(AF_INET, SOCK_STREAM, 0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ls < 0 || bind(ls, (struct sockaddr *)&sa, sizeof(sa)) || listen(ls, 4) ||
	    getsockname(ls, (struct sockaddr *)&sa, &sl)) {
		perror("redir_tcp_harness: listen");
		return 1;
	}
	pf = fopen(argv[1], "w");
	if (!pf) {
		perror(argv[1]);
		return 1;
	}
	fprintf(pf, "%u\n", ntohs(sa.sin_port));
	fclose(pf);

	pfd.fd = ls;
	pfd.events = POLLIN;
	while (now_ms() < deadline) {
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		fd = accept(ls, NULL, NULL);
		if (fd < 0)
			continue;
		setsockopt(fd, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one, sizeof(one));
		serve(fd, &srv, deadline);
		close(fd);
		break;
	}
	close(ls);
	print_stats(&srv, &model);
	return 0;
}

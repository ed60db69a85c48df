// SPDX-License-Identifier: GPL-2.0
/*
 * amt_bench: cost of an AMT HTTP GET through SAP, as a ratio to the same
 * GET served by a local server over loopback, measured in the same run.
 *
 *   amt_bench get IP PORT N      N sequential GETs (connect, request, read
 *                                to EOF, close); prints the mean in us and
 *                                the response size
 *   amt_bench serve IP PORT FILE serve FILE's bytes as the whole response to
 *                                every connection (single-threaded, like the
 *                                simulator's server), forever
 *
 * bench/amt-guest.sh runs both sides and prints the "bench:" line.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char request[] = "GET /logon.htm HTTP/1.1\r\nHost: amt\r\nConnection: close\r\n\r\n";

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int addr(const char *ip, const char *port, struct sockaddr_in *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons(atoi(port));
	return inet_pton(AF_INET, ip, &sa->sin_addr) == 1 ? 0 : -1;
}

/* one GET; returns the response length or -1 */
static long get_once(const struct sockaddr_in *sa)
{
	char buf[4096];
	long total = 0;
	ssize_t n;
	int fd, one = 1;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa)) ||
	    write(fd, request, sizeof(request) - 1) != sizeof(request) - 1) {
		close(fd);
		return -1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	close(fd);
	return n < 0 ? -1 : total;
}

static int cmd_get(const char *ip, const char *port, int n)
{
	struct sockaddr_in sa;
	double t0, t1;
	long len = 0, l;
	int i;

	if (addr(ip, port, &sa) || n <= 0) {
		fprintf(stderr, "amt_bench: bad address or count\n");
		return 2;
	}
	/* warm up: ARP, first connection */
	if (get_once(&sa) <= 0) {
		fprintf(stderr, "amt_bench: GET %s:%s failed: %s\n", ip, port, strerror(errno));
		return 1;
	}
	t0 = now_us();
	for (i = 0; i < n; i++) {
		l = get_once(&sa);
		if (l <= 0) {
			fprintf(stderr, "amt_bench: GET %d of %d failed\n", i + 1, n);
			return 1;
		}
		len = l;
	}
	t1 = now_us();
	printf("%.1f %ld\n", (t1 - t0) / n, len);
	return 0;
}

static int cmd_serve(const char *ip, const char *port, const char *file)
{
	static char resp[65536], req[4096];
	struct sockaddr_in sa;
	size_t len;
	FILE *f;
	int lfd, fd, one = 1;

	f = fopen(file, "rb");
	if (!f || addr(ip, port, &sa)) {
		fprintf(stderr, "amt_bench: cannot read %s or bad address\n", file);
		return 2;
	}
	len = fread(resp, 1, sizeof(resp), f);
	fclose(f);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 16)) {
		perror("amt_bench: listen");
		return 1;
	}
	for (;;) {
		fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			continue;
		/* the request ends with an empty line; it fits one read here */
		if (read(fd, req, sizeof(req)) > 0 && write(fd, resp, len) != (ssize_t)len)
			perror("amt_bench: write");
		close(fd);
	}
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "get"))
		return cmd_get(argv[2], argv[3], atoi(argv[4]));
	if (argc == 5 && !strcmp(argv[1], "serve"))
		return cmd_serve(argv[2], argv[3], argv[4]);
	fprintf(stderr, "usage: amt_bench get IP PORT N | serve IP PORT FILE\n");
	return 2;
}

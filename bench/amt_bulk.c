// SPDX-License-Identifier: GPL-2.0
/*
 * amt_bulk: client (and loopback server) of csme-sim's bulk test service,
 * the protocol described in tools/csme-sim/net/amt_bulk.h:
 *   "SEND <n>\n" -> n bytes of the pattern, then close
 *   "RECV <n>\n" + n bytes -> "OK <crc32 hex> <n>\n", then close
 *
 *   amt_bulk send IP:PORT BYTES   download, check every byte against the
 *                                 pattern and the CRC-32 of the whole
 *   amt_bulk recv IP:PORT BYTES   upload pseudo-random bytes, check the
 *                                 server's CRC-32 and count
 *   amt_bulk serve IP:PORT        the same service on a Linux socket (the
 *                                 loopback baseline of bench/amt-guest.sh)
 *
 * Client output: "bytes=N seconds=S mbps=M crc=XXXXXXXX" and exit 0 if the
 * data is intact, else a "# " line saying what is wrong and exit 1.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHUNK	65536

static uint32_t crc_table[256];

static void crc_init(void)
{
	uint32_t c;
	int i, k;

	for (i = 0; i < 256; i++) {
		c = (uint32_t)i;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (c & 1 ? 0xedb88320u : 0);
		crc_table[i] = c;
	}
}

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n)
{
	crc = ~crc;
	while (n--)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* the service's pattern: word k of the stream, bytes least significant first */
static uint32_t pattern_word(uint32_t k)
{
	uint32_t x = k ^ 0x5bd1e995u;

	x = (x ^ (x >> 16)) * 0x7feb352du;
	x = (x ^ (x >> 15)) * 0x846ca68bu;
	return x ^ (x >> 16);
}

static uint8_t pattern_byte(uint64_t off)
{
	return (uint8_t)(pattern_word((uint32_t)(off >> 2)) >> (8 * (off & 3)));
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
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
	return inet_pton(AF_INET, ip, &sa->sin_addr) == 1 ? 0 : -1;
}

static int write_all(int fd, const void *buf, size_t n)
{
	const uint8_t *p = buf;

	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int dial(const struct sockaddr_in *sa)
{
	struct timeval tv = { .tv_sec = 30 };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa))) {
		close(fd);
		return -1;
	}
	return fd;
}

static int cmd_send(const struct sockaddr_in *sa, uint64_t bytes)
{
	static uint8_t buf[CHUNK];
	uint64_t got = 0, bad = 0, first_bad = 0, off;
	uint32_t crc = 0, want_crc = 0;
	char cmd[64];
	double t0, t;
	ssize_t n;
	int fd, i;

	fd = dial(sa);
	if (fd < 0) {
		printf("# connect: %s\n", strerror(errno));
		return 1;
	}
	t0 = now_s();
	snprintf(cmd, sizeof(cmd), "SEND %llu\n", (unsigned long long)bytes);
	if (write_all(fd, cmd, strlen(cmd))) {
		printf("# write: %s\n", strerror(errno));
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] != pattern_byte(got + (uint64_t)i) && !bad++)
				first_bad = got + (uint64_t)i;
		}
		crc = crc32_update(crc, buf, (size_t)n);
		got += (uint64_t)n;
	}
	t = now_s() - t0;
	close(fd);
	if (n < 0) {
		printf("# read after %llu bytes: %s\n", (unsigned long long)got, strerror(errno));
		return 1;
	}
	/* the checksum the data must have, from the pattern alone */
	for (off = 0; off < bytes; off += sizeof(buf)) {
		size_t k, m = bytes - off < sizeof(buf) ? (size_t)(bytes - off) : sizeof(buf);

		for (k = 0; k < m; k++)
			buf[k] = pattern_byte(off + k);
		want_crc = crc32_update(want_crc, buf, m);
	}
	printf("bytes=%llu seconds=%.3f mbps=%.2f crc=%08x\n", (unsigned long long)got, t,
	       got / t / 1e6, crc);
	if (got != bytes || bad || crc != want_crc) {
		printf("# expected %llu bytes with crc %08x; %llu wrong bytes (first at %llu)\n",
		       (unsigned long long)bytes, want_crc, (unsigned long long)bad,
		       (unsigned long long)first_bad);
		return 1;
	}
	return 0;
}

static int cmd_recv(const struct sockaddr_in *sa, uint64_t bytes)
{
	static uint8_t buf[CHUNK];
	uint64_t x = 0x243f6a8885a308d3ull, sent = 0;
	unsigned long long count = 0;
	unsigned int their = 0;
	uint32_t crc = 0;
	char cmd[64], line[128];
	size_t ll = 0;
	double t0, t;
	ssize_t n;
	int fd;

	fd = dial(sa);
	if (fd < 0) {
		printf("# connect: %s\n", strerror(errno));
		return 1;
	}
	t0 = now_s();
	snprintf(cmd, sizeof(cmd), "RECV %llu\n", (unsigned long long)bytes);
	if (write_all(fd, cmd, strlen(cmd))) {
		printf("# write: %s\n", strerror(errno));
		return 1;
	}
	while (sent < bytes) {
		size_t i, m = bytes - sent < sizeof(buf) ? (size_t)(bytes - sent) : sizeof(buf);

		for (i = 0; i < m; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[i] = (uint8_t)x;
		}
		crc = crc32_update(crc, buf, m);
		if (write_all(fd, buf, m)) {
			printf("# write after %llu bytes: %s\n", (unsigned long long)sent,
			       strerror(errno));
			return 1;
		}
		sent += m;
	}
	while (ll < sizeof(line) - 1 && (n = read(fd, line + ll, sizeof(line) - 1 - ll)) > 0)
		ll += (size_t)n;
	t = now_s() - t0;
	close(fd);
	line[ll] = 0;
	printf("bytes=%llu seconds=%.3f mbps=%.2f crc=%08x\n", (unsigned long long)sent, t,
	       sent / t / 1e6, crc);
	if (sscanf(line, "OK %8x %llu", &their, &count) != 2 || their != crc || count != bytes) {
		printf("# server answered \"%.60s\", expected \"OK %08x %llu\"\n", line, crc,
		       (unsigned long long)bytes);
		return 1;
	}
	return 0;
}

/* one connection of the loopback server */
static void serve_one(int fd)
{
	static uint8_t buf[CHUNK];
	char cmd[64];
	size_t cl = 0;
	unsigned long long n = 0;
	uint64_t off;
	uint32_t crc = 0;
	ssize_t r;

	while (cl < sizeof(cmd) - 1 && read(fd, cmd + cl, 1) == 1 && cmd[cl] != '\n')
		cl++;
	cmd[cl] = 0;
	if (sscanf(cmd, "SEND %llu", &n) == 1) {
		for (off = 0; off < n; off += sizeof(buf)) {
			size_t k, m = n - off < sizeof(buf) ? (size_t)(n - off) : sizeof(buf);

			for (k = 0; k < m; k++)
				buf[k] = pattern_byte(off + k);
			if (write_all(fd, buf, m))
				break;
		}
	} else if (sscanf(cmd, "RECV %llu", &n) == 1) {
		for (off = 0; off < n; off += (uint64_t)r) {
			size_t m = n - off < sizeof(buf) ? (size_t)(n - off) : sizeof(buf);

			r = read(fd, buf, m);
			if (r <= 0)
				break;
			crc = crc32_update(crc, buf, (size_t)r);
		}
		snprintf(cmd, sizeof(cmd), "OK %08x %llu\n", crc, (unsigned long long)off);
		write_all(fd, cmd, strlen(cmd));
	} else {
		write_all(fd, "ERR bad command\n", 16);
	}
	close(fd);
}

static int cmd_serve(const struct sockaddr_in *sa)
{
	int lfd, fd, one = 1;

	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0)
		return 1;
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (const struct sockaddr *)sa, sizeof(*sa)) || listen(lfd, 8)) {
		perror("amt_bulk: listen");
		return 1;
	}
	for (;;) {
		fd = accept(lfd, NULL, NULL);
		if (fd >= 0)
			serve_one(fd);
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa;
	uint64_t bytes = 0;

	crc_init();
	if (argc >= 3 && parse_addr(argv[2], &sa) == 0) {
		if (argc == 3 && !strcmp(argv[1], "serve"))
			return cmd_serve(&sa);
		if (argc == 4)
			bytes = strtoull(argv[3], NULL, 0);
		if (bytes && bytes <= (1u << 30) && !strcmp(argv[1], "send"))
			return cmd_send(&sa, bytes);
		if (bytes && bytes <= (1u << 30) && !strcmp(argv[1], "recv"))
			return cmd_recv(&sa, bytes);
	}
	fprintf(stderr, "usage: amt_bulk send|recv IP:PORT BYTES | serve IP:PORT\n");
	return 2;
}

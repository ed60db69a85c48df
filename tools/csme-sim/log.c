// SPDX-License-Identifier: GPL-2.0
/*
 * Log lines, the clock and small formatting helpers.
 *
 * Every line goes to stderr as "csme-sim: text" and, with --log FILE, to
 * that file with a timestamp (seconds since the start, monotonic).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "log.h"

int csme_log_quiet;
static FILE *log_file;
static uint64_t log_t0;

uint64_t csme_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

int csme_log_open(const char *path)
{
	log_t0 = csme_now_ms();
	if (!path)
		return 0;
	log_file = fopen(path, "a");
	if (!log_file)
		return -errno;
	setvbuf(log_file, NULL, _IOLBF, 0);
	return 0;
}

void csme_log_close(void)
{
	if (log_file)
		fclose(log_file);
	log_file = NULL;
}

void csme_log(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	uint64_t t;

	if (csme_log_quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "csme-sim: %s\n", line);
	if (log_file) {
		t = csme_now_ms() - log_t0;
		fprintf(log_file, "[%6llu.%03llu] csme-sim: %s\n",
			(unsigned long long)(t / 1000), (unsigned long long)(t % 1000), line);
	}
}

void csme_fmt_mac(char *buf, size_t len, const uint8_t *mac)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

/* Strict dotted quad: four decimal numbers 0-255, no leading junk. */
int csme_parse_ipv4(const char *s, uint32_t *ip)
{
	uint32_t v = 0;
	int part, digits;

	for (part = 0; part < 4; part++) {
		unsigned int n = 0;

		for (digits = 0; *s >= '0' && *s <= '9'; s++, digits++) {
			n = n * 10 + (unsigned int)(*s - '0');
			if (digits > 2 || n > 255)
				return -EINVAL;
		}
		if (!digits)
			return -EINVAL;
		v = v << 8 | n;
		if (part < 3 && *s++ != '.')
			return -EINVAL;
	}
	if (*s)
		return -EINVAL;
	*ip = v;
	return 0;
}

void csme_fmt_ipv4(char *buf, size_t len, uint32_t ip)
{
	snprintf(buf, len, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff,
		 ip & 0xff);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * amt_bulk - test data source and sink of amt_net. See amt_bulk.h.
 */
#include <string.h>
#include "amt_net.h"
#include "amt_bulk.h"

/* An integer hash (xor-shift-multiply rounds): any word of the pattern
 * can be made from its index alone, so a retransmission regenerates it.
 */
uint32_t amt_bulk_word(uint32_t index)
{
	uint32_t x = index ^ 0x5bd1e995u;

	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x;
}

uint32_t amt_bulk_crc32(uint32_t crc, const uint8_t *p, size_t n)
{
	static uint32_t table[256];
	uint32_t c;
	size_t i;
	int k;

	if (!table[1]) {
		for (i = 0; i < 256; i++) {
			c = (uint32_t)i;
			for (k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	}
	crc = ~crc;
	for (i = 0; i < n; i++)
		crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static void reply(struct amt_tcp_conn *c, const char *line)
{
	size_t n = strlen(line);

	if (n > sizeof(c->resp))
		n = sizeof(c->resp);
	memcpy(c->resp, line, n);
	c->resp_len = (uint16_t)n;
	c->bulk_mode = AMT_BULK_REPLY;
	c->resp_ready = 1;
}

static void reply_ok(struct amt_tcp_conn *c)
{
	static const char hex[] = "0123456789abcdef";
	char line[40] = "OK ", num[12];
	size_t p = 3, n = sizeof(num);
	uint32_t v = c->bulk_done;
	int i;

	for (i = 7; i >= 0; i--)
		line[p++] = hex[(c->bulk_crc >> (4 * i)) & 0xf];
	line[p++] = ' ';
	do {
		num[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(line + p, num + n, sizeof(num) - n);
	p += sizeof(num) - n;
	line[p++] = '\n';
	line[p] = 0;
	reply(c, line);
}

/* "SEND <n>" / "RECV <n>" in c->req[0..len) (without the '\n') */
static void command(struct amt_net *net, struct amt_tcp_conn *c, size_t len)
{
	const char *r = c->req;
	uint64_t n = 0;
	size_t i;

	if (len < 6 || r[4] != ' ' || (memcmp(r, "SEND", 4) && memcmp(r, "RECV", 4)))
		goto bad;
	for (i = 5; i < len; i++) {
		if (r[i] < '0' || r[i] > '9' || n > AMT_BULK_MAX)
			goto bad;
		n = n * 10 + (uint64_t)(r[i] - '0');
	}
	if (n == 0 || n > AMT_BULK_MAX)
		goto bad;
	c->bulk_total = (uint32_t)n;
	c->bulk_done = 0;
	c->bulk_crc = 0;
	if (r[0] == 'S') {
		c->bulk_mode = AMT_BULK_SEND;
		c->resp_ready = 1;
		net->cnt[AMT_C_BULK_SEND]++;
	} else {
		c->bulk_mode = AMT_BULK_RECV;
		net->cnt[AMT_C_BULK_RECV]++;
	}
	return;
bad:
	net->cnt[AMT_C_BULK_BAD_CMD]++;
	reply(c, "ERR bad command\n");
}

void amt_bulk_rx(struct amt_net *net, struct amt_tcp_conn *c, const uint8_t *data,
		 size_t len)
{
	while (len) {
		if (c->bulk_mode == AMT_BULK_CMD) {
			const uint8_t *nl = memchr(data, '\n', len);
			size_t take = nl ? (size_t)(nl - data) + 1 : len;

			if (c->req_len + take > AMT_BULK_CMD_MAX) {
				net->cnt[AMT_C_BULK_BAD_CMD]++;
				reply(c, "ERR command too long\n");
				return;
			}
			memcpy(c->req + c->req_len, data, take);
			c->req_len = (uint16_t)(c->req_len + take);
			data += take;
			len -= take;
			if (nl)
				command(net, c, c->req_len - 1u);
		} else if (c->bulk_mode == AMT_BULK_RECV) {
			size_t take = c->bulk_total - c->bulk_done;

			if (take > len)
				take = len;
			c->bulk_crc = amt_bulk_crc32(c->bulk_crc, data, take);
			c->bulk_done += (uint32_t)take;
			data += take;
			len -= take;
			if (c->bulk_done == c->bulk_total)
				reply_ok(c);
		} else {
			return;		/* bytes after the transfer: ignored */
		}
	}
}

void amt_bulk_peer_fin(struct amt_net *net, struct amt_tcp_conn *c)
{
	(void)net;
	if (c->bulk_mode == AMT_BULK_CMD && c->req_len == 0)
		c->closing = 1;		/* closed without a command */
	else if (c->bulk_mode == AMT_BULK_CMD)
		reply(c, "ERR no command\n");
	else if (c->bulk_mode == AMT_BULK_RECV)
		reply(c, "ERR short transfer\n");
}

uint32_t amt_bulk_tx_len(const struct amt_tcp_conn *c)
{
	return c->bulk_mode == AMT_BULK_SEND ? c->bulk_total : c->resp_len;
}

void amt_bulk_tx_fill(const struct amt_tcp_conn *c, uint32_t off, uint8_t *dst, size_t n)
{
	uint32_t w;
	size_t i;

	if (c->bulk_mode != AMT_BULK_SEND) {
		memcpy(dst, c->resp + off, n);
		return;
	}
	w = amt_bulk_word(off >> 2);
	for (i = 0; i < n; i++, off++) {
		if (i && !(off & 3))
			w = amt_bulk_word(off >> 2);
		dst[i] = (uint8_t)(w >> (8 * (off & 3)));
	}
}

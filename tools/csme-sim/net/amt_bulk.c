// SPDX-License-Identifier: GPL-2.0
/*
 * amt_bulk - test data source and sink service of amt_net. See amt_bulk.h.
 */
#include <errno.h>
#include <stdlib.h>
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

enum bulk_mode {
	BULK_CMD = 0,		/* waiting for the command line */
	BULK_SEND,		/* streaming the pattern */
	BULK_RECV,		/* taking the client's bytes */
	BULK_REPLY,		/* reply line queued */
};

/* One connection's transfer (amt_conn_priv). */
struct bulk_conn {
	uint8_t mode;		/* enum bulk_mode */
	uint8_t counted;	/* AMT_C_BULK_DONE counted */
	uint32_t total;		/* bytes to send (SEND) or receive (RECV) */
	uint32_t done;		/* bytes generated (SEND) or received (RECV) */
	uint32_t crc;		/* running CRC-32 of received bytes */
	size_t cmd_len;
	char cmd[AMT_BULK_CMD_MAX];
};

static void bulk_count(struct amt_conn *c, enum amt_net_counter k)
{
	amt_conn_net(c)->cnt[k]++;
}

/* Queue the reply line and close after it. */
static void reply(struct amt_conn *c, struct bulk_conn *b, const char *line)
{
	amt_conn_write(c, line, strlen(line));
	amt_conn_close(c);
	b->mode = BULK_REPLY;
}

static void reply_ok(struct amt_conn *c, struct bulk_conn *b)
{
	static const char hex[] = "0123456789abcdef";
	char line[40] = "OK ", num[12];
	size_t p = 3, n = sizeof(num);
	uint32_t v = b->done;
	int i;

	for (i = 7; i >= 0; i--)
		line[p++] = hex[(b->crc >> (4 * i)) & 0xf];
	line[p++] = ' ';
	do {
		num[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(line + p, num + n, sizeof(num) - n);
	p += sizeof(num) - n;
	line[p++] = '\n';
	line[p] = 0;
	reply(c, b, line);
}

/* Bytes [off, off + n) of the pattern into @dst, a whole word at a time. */
static void bulk_pattern(uint8_t *dst, uint32_t off, size_t n)
{
	uint32_t w;
	size_t i = 0;

	for (; i < n && (off & 3); i++, off++)
		dst[i] = (uint8_t)(amt_bulk_word(off >> 2) >> (8 * (off & 3)));
	for (; i + 4 <= n; i += 4, off += 4) {
		w = amt_bulk_word(off >> 2);
		dst[i] = (uint8_t)w;
		dst[i + 1] = (uint8_t)(w >> 8);
		dst[i + 2] = (uint8_t)(w >> 16);
		dst[i + 3] = (uint8_t)(w >> 24);
	}
	for (; i < n; i++, off++)
		dst[i] = (uint8_t)(amt_bulk_word(off >> 2) >> (8 * (off & 3)));
}

/* Generate pattern bytes into the transmit buffer while it has room. */
static void bulk_fill(struct amt_conn *c, struct bulk_conn *b)
{
	uint8_t chunk[4096];

	while (b->done < b->total) {
		size_t n = amt_conn_tx_room(c);

		if (n > sizeof(chunk))
			n = sizeof(chunk);
		if (n > b->total - b->done)
			n = b->total - b->done;
		if (!n)
			return;
		bulk_pattern(chunk, b->done, n);
		b->done += (uint32_t)amt_conn_write(c, chunk, n);
	}
	amt_conn_close(c);
}

/* "SEND <n>" / "RECV <n>" in b->cmd[0..len) (without the '\n') */
static void command(struct amt_conn *c, struct bulk_conn *b, size_t len)
{
	const char *r = b->cmd;
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
	b->total = (uint32_t)n;
	b->done = 0;
	b->crc = 0;
	if (r[0] == 'S') {
		b->mode = BULK_SEND;
		bulk_count(c, AMT_C_BULK_SEND);
		bulk_fill(c, b);
	} else {
		b->mode = BULK_RECV;
		bulk_count(c, AMT_C_BULK_RECV);
	}
	return;
bad:
	bulk_count(c, AMT_C_BULK_BAD_CMD);
	reply(c, b, "ERR bad command\n");
}

static int bulk_open(void *svc, struct amt_conn *c)
{
	struct bulk_conn *b = calloc(1, sizeof(*b));

	(void)svc;
	if (!b)
		return -ENOMEM;
	amt_conn_set_priv(c, b);
	return 0;
}

static size_t bulk_rx(void *svc, struct amt_conn *c, const uint8_t *data, size_t len)
{
	struct bulk_conn *b = amt_conn_priv(c);
	size_t used = 0;

	(void)svc;
	while (used < len) {
		if (b->mode == BULK_CMD) {
			const uint8_t *nl = memchr(data + used, '\n', len - used);
			size_t take = nl ? (size_t)(nl - (data + used)) + 1 : len - used;

			if (b->cmd_len + take > AMT_BULK_CMD_MAX) {
				bulk_count(c, AMT_C_BULK_BAD_CMD);
				reply(c, b, "ERR command too long\n");
				return len;
			}
			memcpy(b->cmd + b->cmd_len, data + used, take);
			b->cmd_len += take;
			used += take;
			if (nl)
				command(c, b, b->cmd_len - 1);
		} else if (b->mode == BULK_RECV) {
			size_t take = b->total - b->done;

			if (take > len - used)
				take = len - used;
			b->crc = amt_bulk_crc32(b->crc, data + used, take);
			b->done += (uint32_t)take;
			used += take;
			if (b->done == b->total)
				reply_ok(c, b);
		} else {
			break;		/* bytes after the transfer: ignored */
		}
	}
	return len;
}

static void bulk_peer_fin(void *svc, struct amt_conn *c)
{
	struct bulk_conn *b = amt_conn_priv(c);

	(void)svc;
	if (b->mode == BULK_CMD && b->cmd_len == 0)
		amt_conn_close(c);	/* closed without a command */
	else if (b->mode == BULK_CMD)
		reply(c, b, "ERR no command\n");
	else if (b->mode == BULK_RECV)
		reply(c, b, "ERR short transfer\n");
}

/* Acked room: more pattern; a transfer is done once all it sent is acked. */
static void bulk_writable(void *svc, struct amt_conn *c)
{
	struct bulk_conn *b = amt_conn_priv(c);

	(void)svc;
	if (b->mode == BULK_SEND)
		bulk_fill(c, b);
	if (!b->counted && !amt_conn_tx_pending(c) &&
	    (b->mode == BULK_REPLY || (b->mode == BULK_SEND && b->done == b->total))) {
		b->counted = 1;
		bulk_count(c, AMT_C_BULK_DONE);
	}
}

static void bulk_closed(void *svc, struct amt_conn *c)
{
	(void)svc;
	free(amt_conn_priv(c));
	amt_conn_set_priv(c, NULL);
}

const struct amt_svc_ops amt_bulk_ops = {
	.name = "bulk",
	.open = bulk_open,
	.rx = bulk_rx,
	.peer_fin = bulk_peer_fin,
	.writable = bulk_writable,
	.closed = bulk_closed,
};

int amt_bulk_listen(struct amt_net *net, uint16_t port)
{
	int r = amt_net_listen(net, port, &amt_bulk_ops, NULL);

	return r ? r : amt_net_listen_rx_buf(net, port, AMT_BULK_RCV_WND);
}

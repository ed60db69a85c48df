/* SPDX-License-Identifier: GPL-2.0 */
/*
 * amt_bulk - a test data source and sink on one TCP port of amt_net, for
 * bulk transfers through SAP (the size of what storage redirection
 * carries) checked end to end. Off unless amt_net.bulk_port is set.
 *
 * Protocol (one transfer per connection; the server closes after it):
 *   client: "SEND <n>\n"   server: <n> bytes of the pattern, then FIN
 *   client: "RECV <n>\n" followed by <n> bytes
 *                          server: "OK <crc32 as 8 hex digits> <n>\n", FIN
 *   anything else          server: "ERR <reason>\n", FIN
 * <n> is decimal, 1 .. AMT_BULK_MAX. The pattern byte at offset i is byte
 * (i % 4) (least significant first) of amt_bulk_word(i / 4). The CRC is
 * the IEEE 802.3 CRC-32 (as zlib's crc32()).
 */
#ifndef AMT_BULK_H
#define AMT_BULK_H

#include <stddef.h>
#include <stdint.h>

#define AMT_BULK_MAX		(1u << 30)
#define AMT_BULK_CMD_MAX	64	/* bytes of command line, '\n' included */
/*
 * Receive window of a bulk connection. The sink takes every byte at once,
 * but the bytes first cross the H2M data ring (48256 bytes, sap.md 2.1),
 * where a frame that does not fit is dropped: 22 full segments of 1400
 * bytes and their frame and SAP headers fit with room to spare.
 */
#define AMT_BULK_RCV_WND	(22 * 1400)

enum amt_bulk_mode {
	AMT_BULK_CMD = 0,	/* waiting for the command line */
	AMT_BULK_SEND,		/* streaming the pattern */
	AMT_BULK_RECV,		/* taking the client's bytes */
	AMT_BULK_REPLY,		/* reply line in resp[] */
};

struct amt_net;
struct amt_tcp_conn;

uint32_t amt_bulk_word(uint32_t index);
uint32_t amt_bulk_crc32(uint32_t crc, const uint8_t *p, size_t n);

/* Bytes of @data arriving in order on bulk connection @c; all are taken. */
void amt_bulk_rx(struct amt_net *net, struct amt_tcp_conn *c, const uint8_t *data,
		 size_t len);
/* The peer closed its side (after everything it sent was given to rx). */
void amt_bulk_peer_fin(struct amt_net *net, struct amt_tcp_conn *c);
/* Length of the output stream, once c->resp_ready is set. */
uint32_t amt_bulk_tx_len(const struct amt_tcp_conn *c);
/* Copy output stream bytes [off, off + n) to @dst. */
void amt_bulk_tx_fill(const struct amt_tcp_conn *c, uint32_t off, uint8_t *dst, size_t n);

#endif /* AMT_BULK_H */

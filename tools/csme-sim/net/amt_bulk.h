/* SPDX-License-Identifier: GPL-2.0 */
/*
 * amt_bulk - a test data source and sink on one TCP port of amt_net (a
 * service of amt_svc.h), for bulk transfers through SAP (the size of what
 * storage redirection carries) checked end to end. Off unless
 * amt_bulk_listen() registers it.
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
#include "amt_svc.h"

#define AMT_BULK_MAX		(1u << 30)
#define AMT_BULK_CMD_MAX	64	/* bytes of command line, '\n' included */
/*
 * Receive buffer (so window) of a bulk connection. The sink takes every
 * byte at once, but the bytes first cross the H2M data ring (48256 bytes,
 * sap.md 2.1), where a frame that does not fit is dropped. A full segment
 * (1400 bytes, AMT_NET_MSS_MAX) takes 1462 bytes there: 8 of SAP header,
 * 54 of Ethernet, IPv4 and TCP headers. 28 of them take 40936 bytes, which
 * leaves room for 5 more frames of other traffic or a retransmission. The
 * window, not the sink, is what limits an upload: each window costs a round
 * trip through the ring, csme-sim and back.
 */
#define AMT_BULK_RCV_WND	(28 * 1400)

uint32_t amt_bulk_word(uint32_t index);
uint32_t amt_bulk_crc32(uint32_t crc, const uint8_t *p, size_t n);

extern const struct amt_svc_ops amt_bulk_ops;

/* amt_net_listen(@net, @port, &amt_bulk_ops, NULL), window AMT_BULK_RCV_WND */
int amt_bulk_listen(struct amt_net *net, uint16_t port);

#endif /* AMT_BULK_H */

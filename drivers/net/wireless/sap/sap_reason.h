/* SPDX-License-Identifier: GPL-2.0 */
/* Result / rejection reason codes shared by every part of the SAP core.
 */
#ifndef SAP_REASON_H
#define SAP_REASON_H

#include "sap_compat.h"

/**
 * enum sap_reason - outcome of a SAP core operation
 * @SAP_OK: success
 * @SAP_R_EMPTY: the ring holds no message (not an error)
 * @SAP_R_INVAL: invalid argument from the local caller
 * @SAP_R_NO_SPACE: the caller's output buffer is too small
 * @SAP_R_RING_PTR_RANGE: a ring pointer in shared memory is outside [0, size)
 * @SAP_R_RING_OWN_PTR: the peer modified a pointer that we own (counted,
 *	our private copy is used)
 * @SAP_R_RING_TRUNC_HDR: fewer than 8 bytes are published, no header fits
 * @SAP_R_RING_OVERRUN: a header claims more bytes than the peer published
 * @SAP_R_RING_FULL: not enough free space; the peer is not draining
 * @SAP_R_MSG_TOO_BIG: message larger than the receive buffer or the limit
 * @SAP_R_TRUNC_HDR: buffer shorter than the message header
 * @SAP_R_LEN_MISMATCH: header length disagrees with the buffer length
 * @SAP_R_UNKNOWN_TYPE: unknown, deprecated or unsupported message type
 * @SAP_R_WRONG_DIR: type is not sent in this direction
 * @SAP_R_WRONG_QUEUE: notification in a data queue or vice versa
 * @SAP_R_SHORT_PAYLOAD: payload shorter than the type's structure
 * @SAP_R_BAD_FIELD: a field holds a value outside its defined range
 * @SAP_R_BAD_SSID_LEN: ssid_len larger than 32
 * @SAP_R_BAD_VERSION: unsupported SAP version
 * @SAP_R_DATA_TOO_SHORT: data packet shorter than an Ethernet header
 * @SAP_R_AREA_TOO_SMALL: shared area smaller than the version needs
 * @SAP_R_AREA_BAD_MAGIC: control block or trailer magic missing
 * @SAP_R_AREA_BAD_LAYOUT: control block size or queue sizes unexpected
 * @SAP_R_COUNT: number of codes
 */
enum sap_reason {
	SAP_OK = 0,
	SAP_R_EMPTY,
	SAP_R_INVAL,
	SAP_R_NO_SPACE,
	SAP_R_RING_PTR_RANGE,
	SAP_R_RING_OWN_PTR,
	SAP_R_RING_TRUNC_HDR,
	SAP_R_RING_OVERRUN,
	SAP_R_RING_FULL,
	SAP_R_MSG_TOO_BIG,
	SAP_R_TRUNC_HDR,
	SAP_R_LEN_MISMATCH,
	SAP_R_UNKNOWN_TYPE,
	SAP_R_WRONG_DIR,
	SAP_R_WRONG_QUEUE,
	SAP_R_SHORT_PAYLOAD,
	SAP_R_BAD_FIELD,
	SAP_R_BAD_SSID_LEN,
	SAP_R_BAD_VERSION,
	SAP_R_DATA_TOO_SHORT,
	SAP_R_AREA_TOO_SMALL,
	SAP_R_AREA_BAD_MAGIC,
	SAP_R_AREA_BAD_LAYOUT,
	SAP_R_COUNT
};

/**
 * struct sap_counters - per-object event counters, indexed by reason
 * @n: occurrences of each &enum sap_reason (n[SAP_OK] counts successes)
 */
struct sap_counters {
	u32 n[SAP_R_COUNT];
};

/**
 * sap_count() - record one occurrence of @r
 * @c: counters, may be NULL
 * @r: reason
 *
 * Return: @r, so that callers can write "return sap_count(c, SAP_R_x);".
 */
static inline enum sap_reason sap_count(struct sap_counters *c, enum sap_reason r)
{
	if (c && (unsigned int)r < SAP_R_COUNT)
		c->n[r]++;
	return r;
}

const char *sap_reason_str(enum sap_reason r);
const char *sap_reason_id(enum sap_reason r);

#endif /* SAP_REASON_H */

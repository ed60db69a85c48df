/* SPDX-License-Identifier: GPL-2.0 */
/* SAP shared-memory byte rings.
 *
 * Each of the four queues of the shared area is a byte ring carrying SAP
 * messages (8-byte header + payload) back to back, without padding; a
 * message, and even its header, may be split at the end of the ring.
 *
 * One side produces (owns wr_ptr), the other consumes (owns rd_ptr). The
 * same code serves both roles, so the host driver and a CSME simulator can
 * share it: the host produces H2M and consumes M2H, CSME the opposite.
 *
 * Rules enforced here:
 *  - the ring size and base come from the caller's private layout, never
 *    from shared memory;
 *  - each side keeps a private copy of the pointer it owns; the peer's
 *    pointer is re-read for every operation and must be in [0, size]
 *    (size is the end of the ring, i.e. 0, as the reference host reads it);
 *  - a writer needs strictly more free bytes than the message, so a full
 *    ring can never look empty (wr == rd);
 *  - a reader never copies more than the peer published nor more than the
 *    caller's buffer, and callers decode private copies only.
 *
 * Callers serialise operations on one ring (one producer, one consumer).
 */
#ifndef SAP_RING_H
#define SAP_RING_H

#include "sap_compat.h"
#include "sap_wire.h"
#include "sap_reason.h"

/* Ring sizes are limited so that offset arithmetic never overflows a u32. */
#define SAP_RING_MAX_SIZE	BIT(30)
#define SAP_RING_MIN_SIZE	(sizeof(struct sap_hdr) + 1)

enum sap_ring_role {
	SAP_RING_PRODUCER,
	SAP_RING_CONSUMER,
};

/**
 * struct sap_ring - one side's view of one ring
 * @data: ring body (shared memory)
 * @size: ring size in bytes (private copy)
 * @wr_ptr: producer's pointer in the control block
 * @rd_ptr: consumer's pointer in the control block
 * @own: private copy of the pointer this side owns
 * @role: &enum sap_ring_role
 * @full_streak: consecutive writes refused for lack of space (a peer that
 *	never drains makes this grow); reset by a successful write
 * @cnt: event counters; n[SAP_OK] counts messages written or consumed
 */
struct sap_ring {
	u8 *data;
	u32 size;
	__le32 *wr_ptr;
	__le32 *rd_ptr;
	u32 own;
	enum sap_ring_role role;
	u32 full_streak;
	struct sap_counters cnt;
};

/**
 * struct sap_ring_msg - a message found at the head of a ring
 * @off: ring offset of its header
 * @total: header + payload bytes
 * @type: header type (from a private copy)
 * @len: header payload length (from a private copy)
 * @seq: header sequence number
 */
struct sap_ring_msg {
	u32 off;
	u32 total;
	u16 type;
	u16 len;
	u32 seq;
};

/**
 * struct sap_ring_span - space reserved in a producer ring for one message
 * @start: ring offset of the message's header (the producer's wr_ptr when
 *	it was reserved)
 * @body: ring offset of the first byte behind the head
 * @body_len: bytes reserved behind the head
 */
struct sap_ring_span {
	u32 start;
	u32 body;
	u32 body_len;
};

enum sap_reason sap_ring_init(struct sap_ring *r, void *data, u32 size,
			      __le32 *wr_ptr, __le32 *rd_ptr,
			      enum sap_ring_role role);
enum sap_reason sap_ring_write(struct sap_ring *r, const void *head, u32 head_len,
			       const void *body, u32 body_len);
enum sap_reason sap_ring_reserve(struct sap_ring *r, const void *head, u32 head_len,
				 u32 body_len, struct sap_ring_span *s);
u8 *sap_ring_span_ptr(struct sap_ring *r, const struct sap_ring_span *s, u32 at, u32 *n);
void sap_ring_fill(struct sap_ring *r, const struct sap_ring_span *s, u32 at,
		   const void *src, u32 n);
enum sap_reason sap_ring_commit(struct sap_ring *r, const struct sap_ring_span *s);
enum sap_reason sap_ring_next(struct sap_ring *r, struct sap_ring_msg *m);
enum sap_reason sap_ring_copy(const struct sap_ring *r, const struct sap_ring_msg *m,
			      u32 offset, void *dst, u32 n);
enum sap_reason sap_ring_consume(struct sap_ring *r, const struct sap_ring_msg *m);
enum sap_reason sap_ring_read(struct sap_ring *r, void *buf, u32 buf_len, u32 *msg_len);
enum sap_reason sap_ring_discard(struct sap_ring *r);
enum sap_reason sap_ring_pending(struct sap_ring *r, u32 *bytes);
bool sap_ring_is_empty(struct sap_ring *r);

#endif /* SAP_RING_H */

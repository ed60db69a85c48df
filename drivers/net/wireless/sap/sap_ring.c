// SPDX-License-Identifier: GPL-2.0
/* SAP shared-memory byte rings, both roles.
 *
 * Memory ordering. The peer is firmware (or a simulator) working on the
 * same DMA-coherent memory, so the SMP-only barriers are not enough: on a
 * uniprocessor kernel they shrink to compiler barriers. The rules are:
 *
 * Consumer
 *  1. read the peer's wr_ptr once, with READ_ONCE(), and range check it;
 *  2. dma_rmb() so that no ring byte is read before that wr_ptr value
 *     (otherwise stale bytes of a message still being written could be
 *     seen although wr_ptr says the message is complete);
 *  3. copy header and payload into private memory (never parse in place:
 *     the peer may scribble on the ring while we look at it);
 *  4. mb() so that every read of the message has completed before the
 *     space is handed back (a load->store ordering, which neither
 *     dma_rmb() nor dma_wmb() provide);
 *  5. publish rd_ptr with WRITE_ONCE().
 *
 * Producer
 *  1. read the peer's rd_ptr once, with READ_ONCE(), and range check it;
 *  2. mb() so that no byte is stored into space the consumer may still be
 *     reading (load->store again; the branch on the free-space check is a
 *     control dependency, the barrier makes the rule explicit);
 *  3. copy the message in (split at the end of the ring when needed);
 *  4. dma_wmb() so that the message bytes are visible before the new
 *     wr_ptr;
 *  5. publish wr_ptr with WRITE_ONCE().
 *
 * Every pointer access is a single aligned 32-bit load or store.
 */
#include "sap_ring.h"

static __le32 *sap_ring_own_ptr(const struct sap_ring *r)
{
	return r->role == SAP_RING_PRODUCER ? r->wr_ptr : r->rd_ptr;
}

static __le32 *sap_ring_peer_ptr(const struct sap_ring *r)
{
	return r->role == SAP_RING_PRODUCER ? r->rd_ptr : r->wr_ptr;
}

static bool sap_ring_usable(const struct sap_ring *r, enum sap_ring_role role)
{
	return r && r->data && r->size && r->role == role;
}

/* Read and validate the peer's pointer. A pointer equal to the size is the
 * end of the ring, i.e. offset 0: the reference host accepts it (it only
 * refuses a pointer past the size), so a peer may well write it.
 */
static enum sap_reason sap_ring_peer(struct sap_ring *r, u32 *val)
{
	u32 v = le32_to_cpu(READ_ONCE(*sap_ring_peer_ptr(r)));

	if (v > r->size)
		return sap_count(&r->cnt, SAP_R_RING_PTR_RANGE);
	*val = v == r->size ? 0 : v;
	return SAP_OK;
}

/* The pointer we own lives in shared memory too. If the peer changed it we
 * keep using our private copy, count the event and put the value back.
 */
static void sap_ring_check_own(struct sap_ring *r)
{
	__le32 *p = sap_ring_own_ptr(r);
	u32 v = le32_to_cpu(READ_ONCE(*p));

	/* size is the end of the ring, the same place as 0 */
	if (v != r->own && !(v == r->size && !r->own)) {
		sap_count(&r->cnt, SAP_R_RING_OWN_PTR);
		WRITE_ONCE(*p, cpu_to_le32(r->own));
	}
}

static u32 sap_ring_used(const struct sap_ring *r, u32 wr, u32 rd)
{
	return wr >= rd ? wr - rd : r->size - rd + wr;
}

static u32 sap_ring_advance(const struct sap_ring *r, u32 pos, u32 n)
{
	/* pos < size <= 2^30 and n < size, no overflow */
	pos += n;
	return pos >= r->size ? pos - r->size : pos;
}

/* Copy @n bytes out of the ring starting at @off; @off < size, @n <= size. */
static void sap_ring_from(const struct sap_ring *r, u32 off, void *dst, u32 n)
{
	u32 first = r->size - off;

	if (first > n)
		first = n;
	memcpy(dst, r->data + off, first);
	if (n > first)
		memcpy((u8 *)dst + first, r->data, n - first);
}

/* Copy @n bytes into the ring starting at @off; @off < size, @n <= size. */
static void sap_ring_to(struct sap_ring *r, u32 off, const void *src, u32 n)
{
	u32 first = r->size - off;

	if (first > n)
		first = n;
	memcpy(r->data + off, src, first);
	if (n > first)
		memcpy(r->data, (const u8 *)src + first, n - first);
}

static void sap_ring_publish(struct sap_ring *r, u32 val)
{
	r->own = val;
	WRITE_ONCE(*sap_ring_own_ptr(r), cpu_to_le32(val));
}

/**
 * sap_ring_init() - attach to one ring
 * @r: ring state to fill
 * @data: ring body in shared memory
 * @size: ring size from the caller's own layout (never from shared memory)
 * @wr_ptr: the ring's wr_ptr word in the control block (4-byte aligned)
 * @rd_ptr: the ring's rd_ptr word in the control block (4-byte aligned)
 * @role: which pointer this side owns
 *
 * The private copy of the owned pointer starts from its current value in
 * shared memory (0 after sap_area_init()).
 *
 * Return: %SAP_OK; %SAP_R_INVAL for bad arguments; %SAP_R_RING_PTR_RANGE if
 * the owned pointer in shared memory is past the ring (equal to @size is
 * the end of the ring, i.e. 0). On error the ring is
 * left unusable and every other call on it returns %SAP_R_INVAL.
 */
enum sap_reason sap_ring_init(struct sap_ring *r, void *data, u32 size,
			      __le32 *wr_ptr, __le32 *rd_ptr,
			      enum sap_ring_role role)
{
	__le32 *own_ptr;
	u32 own;

	if (!r)
		return SAP_R_INVAL;
	memset(r, 0, sizeof(*r));
	if (!data || !wr_ptr || !rd_ptr || size < SAP_RING_MIN_SIZE ||
	    size > SAP_RING_MAX_SIZE ||
	    (role != SAP_RING_PRODUCER && role != SAP_RING_CONSUMER) ||
	    ((unsigned long)wr_ptr & 3) || ((unsigned long)rd_ptr & 3))
		return SAP_R_INVAL;

	own_ptr = role == SAP_RING_PRODUCER ? wr_ptr : rd_ptr;
	own = le32_to_cpu(READ_ONCE(*own_ptr));
	if (own > size)
		return SAP_R_RING_PTR_RANGE;
	if (own == size)
		own = 0;

	r->data = data;
	r->size = size;
	r->wr_ptr = wr_ptr;
	r->rd_ptr = rd_ptr;
	r->role = role;
	r->own = own;
	return SAP_OK;
}

/**
 * sap_ring_reserve() - claim space for one message and write its head
 * @r: producer ring
 * @head: start of the message; must hold at least the SAP header
 * @head_len: bytes at @head (>= 8)
 * @body_len: bytes the caller will put behind @head with sap_ring_fill()
 * @s: filled with where the body goes
 *
 * The first half of a write whose body the caller copies in pieces (a
 * frame scattered over pages, for one). Nothing is visible to the consumer
 * until sap_ring_commit(); a reservation that is never committed is simply
 * abandoned. The SAP header's len must equal @head_len + @body_len - 8, and
 * strictly more than the message's size must be free, so the ring is never
 * filled to the point where wr_ptr == rd_ptr.
 *
 * Return: %SAP_OK; %SAP_R_INVAL for bad arguments or an inconsistent
 * header; %SAP_R_MSG_TOO_BIG if the message can never fit; %SAP_R_RING_FULL
 * if the consumer has not freed enough space; %SAP_R_RING_PTR_RANGE if the
 * consumer's rd_ptr is corrupt. Nothing is written on error.
 */
enum sap_reason sap_ring_reserve(struct sap_ring *r, const void *head, u32 head_len,
				 u32 body_len, struct sap_ring_span *s)
{
	struct sap_hdr hdr;
	enum sap_reason ret;
	u32 rd, wr, total, free;

	if (!sap_ring_usable(r, SAP_RING_PRODUCER) || !head || !s ||
	    head_len < sizeof(hdr))
		return SAP_R_INVAL;
	if (head_len >= r->size || body_len >= r->size)
		return sap_count(&r->cnt, SAP_R_MSG_TOO_BIG);
	total = head_len + body_len;

	memcpy(&hdr, head, sizeof(hdr));
	if (le16_to_cpu(hdr.len) + sizeof(hdr) != total)
		return SAP_R_INVAL;
	if (total >= r->size)
		return sap_count(&r->cnt, SAP_R_MSG_TOO_BIG);

	sap_ring_check_own(r);
	ret = sap_ring_peer(r, &rd);
	if (ret)
		return ret;

	wr = r->own;
	free = r->size - sap_ring_used(r, wr, rd);
	if (free <= total) {
		r->full_streak++;
		return sap_count(&r->cnt, SAP_R_RING_FULL);
	}

	/* rd_ptr load before any store into the space it freed */
	mb();

	sap_ring_to(r, wr, head, head_len);
	s->start = wr;
	s->body = sap_ring_advance(r, wr, head_len);
	s->body_len = body_len;
	return SAP_OK;
}

/**
 * sap_ring_span_ptr() - where a reserved body continues in the ring
 * @r: producer ring
 * @s: the reservation
 * @at: offset into the body, < @s->body_len
 * @n: set to the bytes that follow contiguously there (up to the end of
 *	the body or of the ring, whichever comes first)
 *
 * Return: the ring address of body byte @at.
 */
u8 *sap_ring_span_ptr(struct sap_ring *r, const struct sap_ring_span *s, u32 at, u32 *n)
{
	u32 off = sap_ring_advance(r, s->body, at);

	*n = s->body_len - at;
	if (*n > r->size - off)
		*n = r->size - off;
	return r->data + off;
}

/**
 * sap_ring_fill() - copy part of a reserved body in
 * @r: producer ring
 * @s: the reservation
 * @at: offset into the body
 * @src: bytes to copy
 * @n: how many; @at + @n must not pass @s->body_len (a copy that would is
 *	not made)
 */
void sap_ring_fill(struct sap_ring *r, const struct sap_ring_span *s, u32 at,
		   const void *src, u32 n)
{
	if (at > s->body_len || n > s->body_len - at || !n)
		return;
	sap_ring_to(r, sap_ring_advance(r, s->body, at), src, n);
}

/**
 * sap_ring_commit() - make a reserved message visible to the consumer
 * @r: producer ring
 * @s: the reservation, filled
 *
 * Return: %SAP_OK; %SAP_R_INVAL if another message was committed since @s
 * was reserved (the reservation is stale and is abandoned).
 */
enum sap_reason sap_ring_commit(struct sap_ring *r, const struct sap_ring_span *s)
{
	if (!sap_ring_usable(r, SAP_RING_PRODUCER) || !s || s->start != r->own)
		return SAP_R_INVAL;

	/* message bytes visible before the wr_ptr that covers them */
	dma_wmb();

	sap_ring_publish(r, sap_ring_advance(r, s->body, s->body_len));
	r->full_streak = 0;
	return sap_count(&r->cnt, SAP_OK);
}

/**
 * sap_ring_write() - produce one message
 * @r: producer ring
 * @head: start of the message; must hold at least the SAP header
 * @head_len: bytes at @head (>= 8)
 * @body: rest of the message, may be NULL when @body_len is 0
 * @body_len: bytes at @body
 *
 * The message is @head followed by @body (so a frame can be written behind
 * its header without an intermediate copy): sap_ring_reserve(),
 * sap_ring_fill() and sap_ring_commit() in one call.
 *
 * Return: as sap_ring_reserve(). Nothing is written on error.
 */
enum sap_reason sap_ring_write(struct sap_ring *r, const void *head, u32 head_len,
			       const void *body, u32 body_len)
{
	struct sap_ring_span s;
	enum sap_reason ret;

	if (body_len && !body)
		return SAP_R_INVAL;
	ret = sap_ring_reserve(r, head, head_len, body_len, &s);
	if (ret)
		return ret;
	sap_ring_fill(r, &s, 0, body, body_len);
	return sap_ring_commit(r, &s);
}

/* Consumer: drop everything up to @wr (used when the stream cannot be parsed). */
static void sap_ring_drop_to(struct sap_ring *r, u32 wr)
{
	/* no read of the dropped bytes may be pending when they are released */
	mb();
	sap_ring_publish(r, wr);
}

/**
 * sap_ring_next() - locate the message at the head of a consumer ring
 * @r: consumer ring
 * @m: filled with the message's position and a private copy of its header
 *
 * Nothing is consumed; use sap_ring_copy() then sap_ring_consume(). If the
 * published bytes cannot be parsed (fewer than a header, or a header whose
 * length runs past the producer's wr_ptr) everything up to wr_ptr is
 * discarded, because there is no way to find the next message boundary.
 *
 * Return: %SAP_OK; %SAP_R_EMPTY; %SAP_R_RING_PTR_RANGE if wr_ptr is corrupt
 * (nothing is touched); %SAP_R_RING_TRUNC_HDR or %SAP_R_RING_OVERRUN after
 * discarding; %SAP_R_INVAL for bad arguments.
 */
enum sap_reason sap_ring_next(struct sap_ring *r, struct sap_ring_msg *m)
{
	struct sap_hdr hdr;
	enum sap_reason ret;
	u32 wr, rd, used, total;

	if (!sap_ring_usable(r, SAP_RING_CONSUMER) || !m)
		return SAP_R_INVAL;

	sap_ring_check_own(r);
	ret = sap_ring_peer(r, &wr);
	if (ret)
		return ret;

	/* no ring byte may be read before the wr_ptr that published it */
	dma_rmb();

	rd = r->own;
	used = sap_ring_used(r, wr, rd);
	if (!used)
		return SAP_R_EMPTY;
	if (used < sizeof(hdr)) {
		sap_ring_drop_to(r, wr);
		return sap_count(&r->cnt, SAP_R_RING_TRUNC_HDR);
	}

	sap_ring_from(r, rd, &hdr, sizeof(hdr));
	total = sizeof(hdr) + le16_to_cpu(hdr.len);
	if (total > used) {
		sap_ring_drop_to(r, wr);
		return sap_count(&r->cnt, SAP_R_RING_OVERRUN);
	}

	m->off = rd;
	m->total = total;
	m->type = le16_to_cpu(hdr.type);
	m->len = le16_to_cpu(hdr.len);
	m->seq = le32_to_cpu(hdr.seq_num);
	return SAP_OK;
}

/**
 * sap_ring_copy() - copy part of the head message into private memory
 * @r: consumer ring
 * @m: message returned by sap_ring_next()
 * @offset: first byte to copy, relative to the message header
 * @dst: destination
 * @n: number of bytes
 *
 * Return: %SAP_OK, or %SAP_R_INVAL if [@offset, @offset + @n) is not inside
 * the message.
 */
enum sap_reason sap_ring_copy(const struct sap_ring *r, const struct sap_ring_msg *m,
			      u32 offset, void *dst, u32 n)
{
	if (!sap_ring_usable(r, SAP_RING_CONSUMER) || !m || (n && !dst) ||
	    m->off >= r->size || m->total >= r->size ||
	    offset > m->total || n > m->total - offset)
		return SAP_R_INVAL;
	if (n)
		sap_ring_from(r, sap_ring_advance(r, m->off, offset), dst, n);
	return SAP_OK;
}

/**
 * sap_ring_consume() - hand the head message's bytes back to the producer
 * @r: consumer ring
 * @m: message returned by the last sap_ring_next()
 *
 * Return: %SAP_OK, or %SAP_R_INVAL if @m is not the head message.
 */
enum sap_reason sap_ring_consume(struct sap_ring *r, const struct sap_ring_msg *m)
{
	if (!sap_ring_usable(r, SAP_RING_CONSUMER) || !m || m->off != r->own ||
	    m->total >= r->size)
		return SAP_R_INVAL;

	/* all reads of the message complete before the space is released */
	mb();
	sap_ring_publish(r, sap_ring_advance(r, m->off, m->total));
	return sap_count(&r->cnt, SAP_OK);
}

/**
 * sap_ring_read() - copy out and consume the head message
 * @r: consumer ring
 * @buf: destination
 * @buf_len: size of @buf
 * @msg_len: set to the message length (header included) on success
 *
 * A message larger than @buf_len is consumed without being copied, so the
 * next call returns the following message.
 *
 * Return: as sap_ring_next(), plus %SAP_R_MSG_TOO_BIG for a skipped message.
 */
enum sap_reason sap_ring_read(struct sap_ring *r, void *buf, u32 buf_len, u32 *msg_len)
{
	struct sap_ring_msg m;
	enum sap_reason ret;

	if (!buf || !msg_len)
		return SAP_R_INVAL;
	*msg_len = 0;

	ret = sap_ring_next(r, &m);
	if (ret)
		return ret;

	if (m.total > buf_len) {
		sap_ring_consume(r, &m);
		return sap_count(&r->cnt, SAP_R_MSG_TOO_BIG);
	}

	sap_ring_copy(r, &m, 0, buf, m.total);
	*msg_len = m.total;
	return sap_ring_consume(r, &m);
}

/**
 * sap_ring_discard() - consumer: drop everything published so far
 * @r: consumer ring
 *
 * Return: %SAP_OK, %SAP_R_RING_PTR_RANGE (nothing dropped) or %SAP_R_INVAL.
 */
enum sap_reason sap_ring_discard(struct sap_ring *r)
{
	enum sap_reason ret;
	u32 wr;

	if (!sap_ring_usable(r, SAP_RING_CONSUMER))
		return SAP_R_INVAL;
	ret = sap_ring_peer(r, &wr);
	if (ret)
		return ret;
	sap_ring_drop_to(r, wr);
	return SAP_OK;
}

/**
 * sap_ring_pending() - bytes published and not yet consumed
 * @r: ring, either role
 * @bytes: result
 *
 * For a producer this tells whether the peer has drained what we wrote
 * (e.g. waiting after HOST_GOES_DOWN); for a consumer how much is waiting.
 *
 * Return: %SAP_OK, %SAP_R_RING_PTR_RANGE or %SAP_R_INVAL.
 */
enum sap_reason sap_ring_pending(struct sap_ring *r, u32 *bytes)
{
	enum sap_reason ret;
	u32 peer;

	if (!r || !r->data || !r->size || !bytes)
		return SAP_R_INVAL;
	ret = sap_ring_peer(r, &peer);
	if (ret)
		return ret;
	if (r->role == SAP_RING_PRODUCER)
		*bytes = sap_ring_used(r, r->own, peer);
	else
		*bytes = sap_ring_used(r, peer, r->own);
	return SAP_OK;
}

/**
 * sap_ring_is_empty() - no unconsumed bytes
 * @r: ring, either role
 *
 * Return: true only if the pointers are valid and equal.
 */
bool sap_ring_is_empty(struct sap_ring *r)
{
	u32 bytes;

	return sap_ring_pending(r, &bytes) == SAP_OK && bytes == 0;
}

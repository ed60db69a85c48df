// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: ring reader and writer against a hostile peer.
 *
 * A producer and a consumer share one ring whose body is an exact-size
 * heap block (ASan catches any access outside it). The input is a small
 * program: a ring size, then operations that either use the ring API or act
 * as a misbehaving peer scribbling over the pointers and the ring bytes.
 *
 *   u16 size (9..4104), then repeated: u8 op, operands
 *   0 read(u8 buf_len/8)      1 peer sets wr_ptr(u32)   2 peer sets rd_ptr(u32)
 *   3 peer writes bytes(u16 off, u8 n, n bytes)         4 write(u8 len, u8 split)
 *   5 discard                 6 pending/is_empty        7 next + partial copy(u8, u8)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_input.h"
#include "sap_ring.h"
#include "sap_msg.h"

static void op_write(struct sap_ring *prod, u8 *body, u32 size, struct fuzz_in *in)
{
	u32 total = 8 + fuzz_take(in, 1) * 4, split = fuzz_take(in, 1), i, before, after;
	u8 msg[8 + 255 * 4], *snap;
	struct sap_hdr h;
	enum sap_reason r;

	h.type = cpu_to_le16(SAP_MSG_DATA_PACKET);
	h.len = cpu_to_le16(total - 8);
	h.seq_num = cpu_to_le32(total);
	memcpy(msg, &h, 8);
	for (i = 8; i < total; i++)
		msg[i] = (u8)i;
	split = 8 + split % (total - 7);

	snap = malloc(size);
	if (!snap)
		return;
	memcpy(snap, body, size);
	before = prod->own;
	r = sap_ring_write(prod, msg, split, msg + split, total - split);
	after = prod->own;
	if (r != SAP_OK) {
		FUZZ_CHECK(!memcmp(snap, body, size));
		FUZZ_CHECK(after == before);
	} else {
		FUZZ_CHECK(total < size && after == (before + total) % size);
		/* only the bytes of the new message changed */
		for (i = 0; i < size; i++) {
			u32 rel = (i + size - before) % size;

			if (rel >= total)
				FUZZ_CHECK(body[i] == snap[i]);
			else
				FUZZ_CHECK(body[i] == msg[rel]);
		}
	}
	free(snap);
}

static void op_read(struct sap_ring *cons, struct fuzz_in *in)
{
	u32 buf_len = fuzz_take(in, 1) * 8, n = 0xdead;
	struct sap_msg m;
	enum sap_reason r;
	u8 *buf;

	buf = malloc(buf_len ? buf_len : 1);
	if (!buf)
		return;
	r = sap_ring_read(cons, buf, buf_len, &n);
	FUZZ_CHECK((unsigned int)r < SAP_R_COUNT);
	if (r == SAP_OK) {
		FUZZ_CHECK(n >= 8 && n <= buf_len);
		r = sap_msg_decode(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m);
		FUZZ_CHECK((unsigned int)r < SAP_R_COUNT);
	} else {
		FUZZ_CHECK(n == 0);
	}
	free(buf);
}

static void op_next_copy(struct sap_ring *cons, struct fuzz_in *in)
{
	u32 off = fuzz_take(in, 1), len = fuzz_take(in, 1);
	struct sap_ring_msg m;
	enum sap_reason r;
	u8 tmp[256];

	if (sap_ring_next(cons, &m) != SAP_OK)
		return;
	FUZZ_CHECK(m.total >= 8 && m.total < cons->size && m.off == cons->own);
	r = sap_ring_copy(cons, &m, off, tmp, len);
	FUZZ_CHECK(r == SAP_OK ? off + len <= m.total : off + len > m.total);
	FUZZ_CHECK(sap_ring_consume(cons, &m) == SAP_OK);
	FUZZ_CHECK(sap_ring_consume(cons, &m) == SAP_R_INVAL || m.total == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct sap_ring prod, cons;
	__le32 *ctl;
	u32 rsize, ops = 0, bytes;
	u8 *body;

	rsize = 9 + fuzz_take(&in, 2) % 4096;
	body = calloc(1, rsize);
	ctl = calloc(2, sizeof(*ctl));
	if (!body || !ctl)
		goto out;
	FUZZ_CHECK(sap_ring_init(&prod, body, rsize, &ctl[0], &ctl[1], SAP_RING_PRODUCER) == SAP_OK);
	FUZZ_CHECK(sap_ring_init(&cons, body, rsize, &ctl[0], &ctl[1], SAP_RING_CONSUMER) == SAP_OK);

	while (in.n && ops++ < 512) {
		switch (fuzz_take(&in, 1) % 8) {
		case 0:
			op_read(&cons, &in);
			break;
		case 1:
			ctl[0] = cpu_to_le32(fuzz_take(&in, 4));
			break;
		case 2:
			ctl[1] = cpu_to_le32(fuzz_take(&in, 4));
			break;
		case 3: {
			u32 off = fuzz_take(&in, 2) % rsize, n = fuzz_take(&in, 1);

			while (n-- && in.n) {
				body[off] = fuzz_take(&in, 1);
				off = (off + 1) % rsize;
			}
			break;
		}
		case 4:
			op_write(&prod, body, rsize, &in);
			break;
		case 5:
			(void)sap_ring_discard(&cons);
			break;
		case 6:
			if (sap_ring_pending(&cons, &bytes) == SAP_OK)
				FUZZ_CHECK(bytes < rsize);
			if (sap_ring_pending(&prod, &bytes) == SAP_OK)
				FUZZ_CHECK(bytes < rsize);
			(void)sap_ring_is_empty(&prod);
			break;
		case 7:
			op_next_copy(&cons, &in);
			break;
		}
		FUZZ_CHECK(prod.own < rsize && cons.own < rsize);
	}
out:
	free(body);
	free(ctl);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Shared area and ring tests: layout golden bytes, wraparound (including a
 * header split at the end of the ring), the full/empty rule, hostile peer
 * behaviour, oversized notifications and a two-thread stress run.
 */
#include <pthread.h>
#include <sched.h>
#include "sap_test.h"
#include "sap_area.h"
#include "sap_msg.h"

#define GUARD 32

/* A ring body with guard bytes on both sides and its own control words. */
struct tring {
	unsigned char *raw;
	unsigned char *body;
	unsigned int size;
	__le32 ctl[3] __attribute__((aligned(4)));	/* wr, rd, unused */
	struct sap_ring prod, cons;
};

static void tring_setup(struct tring *t, unsigned int size)
{
	memset(t, 0, sizeof(*t));
	t->size = size;
	t->raw = malloc(size + 2 * GUARD);
	memset(t->raw, 0xcc, size + 2 * GUARD);
	t->body = t->raw + GUARD;
	memset(t->body, 0, size);
	sap_ring_init(&t->prod, t->body, size, &t->ctl[0], &t->ctl[1], SAP_RING_PRODUCER);
	sap_ring_init(&t->cons, t->body, size, &t->ctl[0], &t->ctl[1], SAP_RING_CONSUMER);
}

static int tring_guards_ok(const struct tring *t)
{
	unsigned int i;

	for (i = 0; i < GUARD; i++)
		if (t->raw[i] != 0xcc || t->raw[GUARD + t->size + i] != 0xcc)
			return 0;
	return 1;
}

static void tring_free(struct tring *t)
{
	free(t->raw);
}

static unsigned int wr_of(const struct tring *t)
{
	return le32_to_cpu(t->ctl[0]);
}

static unsigned int rd_of(const struct tring *t)
{
	return le32_to_cpu(t->ctl[1]);
}

/* Build a message of @total bytes (>= 8) with a recognisable payload. */
static unsigned int mk_msg(unsigned char *buf, unsigned short type, unsigned int seq,
			   unsigned int total)
{
	struct sap_hdr h;
	unsigned int i;

	h.type = cpu_to_le16(type);
	h.len = cpu_to_le16(total - 8);
	h.seq_num = cpu_to_le32(seq);
	memcpy(buf, &h, 8);
	for (i = 8; i < total; i++)
		buf[i] = (unsigned char)(seq * 31 + i);
	return total;
}

/* ---- golden: a 32-byte ring whose last message has its header split ----------- */

static void test_wrap_golden(void)
{
	/* hand-derived final state of the ring body, see the steps below */
	static const unsigned char g_body[32] = {
		0x1c, 0x00, 0x00, 0x00,				/* NIC_INFO seq (tail) */
		0x02, 0x11, 0x22, 0x33, 0x44, 0x55,		/* mac */
		0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,		/* nvm mac */
		0x01, 0x00, 0x00, 0x00,				/* stale AMT_STATE value */
		0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,	/* stale PING seq 3 */
		0xea, 0x03, 0x0c, 0x00,				/* NIC_INFO type, len (head) */
	};
	static const unsigned char g_nic_info[20] = {
		0xea, 0x03, 0x0c, 0x00, 0x1c, 0x00, 0x00, 0x00,
		0x02, 0x11, 0x22, 0x33, 0x44, 0x55,
		0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
	};
	static const unsigned char mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	static const unsigned char nvm[6] = { 0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
	unsigned char msg[64], out[64];
	struct tring t;
	unsigned int n;
	int len;

	tring_setup(&t, 32);

	/* 1: PING seq 1 at 0..7, consumed */
	len = sap_msg_enc_empty(msg, sizeof(msg), SAP_MSG_NOTIF_PING, 1);
	tap_eq(sap_ring_write(&t.prod, msg, len, NULL, 0), SAP_OK, "wrap: write PING");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "wrap: read PING");
	/* 2: AMT_STATE seq 2 at 8..19, consumed */
	len = sap_msg_enc_dw(msg, sizeof(msg), SAP_MSG_NOTIF_AMT_STATE, 2, 1);
	tap_eq(sap_ring_write(&t.prod, msg, len, NULL, 0), SAP_OK, "wrap: write AMT_STATE");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "wrap: read AMT_STATE");
	/* 3: PING seq 3 at 20..27, consumed */
	len = sap_msg_enc_empty(msg, sizeof(msg), SAP_MSG_NOTIF_PING, 3);
	tap_eq(sap_ring_write(&t.prod, msg, len, NULL, 0), SAP_OK, "wrap: write PING 3");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "wrap: read PING 3");
	tap_eq(rd_of(&t), 28, "wrap: rd_ptr = 28");
	/* 4: NIC_INFO (20 bytes) at 28: 4 header bytes at the end, 16 from 0 */
	len = sap_msg_enc_nic_info(msg, sizeof(msg), 0x1c, mac, nvm);
	tap_eq(sap_ring_write(&t.prod, msg, len, NULL, 0), SAP_OK, "wrap: write NIC_INFO");

	tap_eq(wr_of(&t), 16, "wrap: wr_ptr = 16");
	tap_eq(rd_of(&t), 28, "wrap: rd_ptr still 28");
	sap_t_mem(t.body, g_body, 32, "wrap: ring bytes match golden");

	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "wrap: read NIC_INFO");
	tap_eq(n, 20, "wrap: split message length");
	sap_t_mem(out, g_nic_info, 20, "wrap: split message reassembled");
	tap_eq(rd_of(&t), 16, "wrap: rd_ptr = 16 after reading");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_EMPTY, "wrap: empty after");
	tap_ok(tring_guards_ok(&t), "wrap: guard bytes intact");
	tring_free(&t);
}

/* ---- the exact-fill rule: upstream allowed it and lost the data ---------------- */

static void test_full_rule(void)
{
	unsigned char msg[64], out[64];
	struct tring t;
	unsigned int n;

	tring_setup(&t, 32);
	/* start mid-ring so the fill wraps */
	t.ctl[0] = cpu_to_le32(16);
	t.ctl[1] = cpu_to_le32(16);
	sap_ring_init(&t.prod, t.body, 32, &t.ctl[0], &t.ctl[1], SAP_RING_PRODUCER);
	sap_ring_init(&t.cons, t.body, 32, &t.ctl[0], &t.ctl[1], SAP_RING_CONSUMER);

	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 0x7001, 1, 32), NULL, 0),
	       SAP_R_MSG_TOO_BIG, "full: a message as large as the ring never fits");
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 0x7001, 1, 20), NULL, 0), SAP_OK,
	       "full: 20 of 32 bytes written");
	/* 12 bytes free: a 12-byte message would make wr == rd */
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 0x7002, 2, 12), NULL, 0),
	       SAP_R_RING_FULL, "full: write that would fill the ring exactly is refused");
	tap_eq(wr_of(&t), 4, "full: wr_ptr unchanged by the refused write");
	tap_eq(t.prod.cnt.n[SAP_R_RING_FULL], 1, "full: RING_FULL counted");
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 0x7003, 3, 11), NULL, 0), SAP_OK,
	       "full: 11-byte message fits (one byte stays free)");
	tap_eq(wr_of(&t), 15, "full: wr_ptr = rd_ptr - 1");
	tap_ok(!sap_ring_is_empty(&t.cons), "full: a nearly full ring does not read as empty");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "full: first message");
	tap_eq(n, 20, "full: first message length");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "full: second message");
	tap_eq(n, 11, "full: second message length");
	sap_t_mem(out, msg, 11, "full: second message content");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_EMPTY, "full: drained");
	tap_ok(tring_guards_ok(&t), "full: guard bytes intact");
	tring_free(&t);
}

/* ---- shared area ---------------------------------------------------------------- */

static void test_area_golden(void)
{
	static const unsigned char g_ctrl_v3[64] = {
		0x53, 0x41, 0x50, 0x21, 0x40, 0x00, 0x00, 0x00,	/* "SAP!", 64 */
		0x00, 0x00, 0x00, 0x00,				/* H2M reserved */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x08, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0xbc, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00,				/* M2H reserved */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf5, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x5e, 0x00, 0x00,
	};
	static const unsigned char g_h2m_notif_v4[4] = { 0x00, 0x80, 0x00, 0x00 };
	static const unsigned char g_magic[4] = { 0x53, 0x41, 0x50, 0x21 };
	unsigned char *mem;
	struct sap_area a;
	unsigned int i, nz;
	int ver;

	for (ver = 3; ver <= 4; ver++) {
		unsigned int map = ver == 3 ? 139264 : 172032;
		unsigned int trailer = ver == 3 ? 137408 : 167936;

		mem = malloc(map);
		memset(mem, 0x5a, map);
		tap_eq(sap_area_layout(&a, mem, map - 1, ver), SAP_OK,
		       "v%d: layout accepts a size above the raw size", ver);
		tap_eq(sap_area_layout(&a, mem, trailer + 3, ver), SAP_R_AREA_TOO_SMALL,
		       "v%d: layout refuses an area without room for the trailer", ver);
		tap_eq(sap_area_layout(&a, mem, map, ver), SAP_OK, "v%d: layout", ver);
		sap_area_init(&a);
		if (ver == 3) {
			sap_t_mem(mem, g_ctrl_v3, 64, "v3: control block bytes match golden");
		} else {
			sap_t_mem(mem + 20, g_h2m_notif_v4, 4, "v4: H2M notif size word = 32768");
			sap_t_mem(mem + 24, g_ctrl_v3 + 24, 40, "v4: rest of control block");
		}
		sap_t_mem(mem + trailer, g_magic, 4, "v%d: trailer \"SAP!\" at %u", ver, trailer);
		for (i = 64, nz = 0; i < map; i++)
			if ((i < trailer || i >= trailer + 4) && mem[i])
				nz++;
		tap_eq(nz, 0, "v%d: everything else zeroed", ver);
		tap_eq(sap_area_check(&a), SAP_OK, "v%d: check accepts a fresh area", ver);
		free(mem);
	}

	tap_eq(sap_area_layout(&a, NULL, 4096, 3), SAP_R_INVAL, "layout: NULL memory");
	tap_eq(sap_area_layout(&a, (void *)(unsigned long)0x1002, 139264, 3), SAP_R_INVAL,
	       "layout: unaligned memory");
	mem = malloc(139264);
	tap_eq(sap_area_layout(&a, mem, 139264, 5), SAP_R_BAD_VERSION, "layout: version 5");
	tap_eq(sap_area_layout(&a, mem, 139264, 4), SAP_R_AREA_TOO_SMALL,
	       "layout: v4 does not fit a v3 mapping");
	free(mem);
}

static void test_area_hostile(void)
{
	static __attribute__((aligned(8))) unsigned char mem[139264];
	struct sap_shared_ctrl *ctrl = (void *)mem;
	struct sap_ring host_rx, csme_tx, host_tx, csme_rx;
	unsigned char msg[128], out[128];
	struct sap_area a;
	unsigned int n;

	sap_area_layout(&a, mem, sizeof(mem), 3);
	sap_area_init(&a);

	tap_eq(sap_area_ring(&a, SAP_SIDE_HOST, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &host_rx), SAP_OK,
	       "area: host M2H notif ring");
	tap_eq(host_rx.role, SAP_RING_CONSUMER, "area: host consumes M2H");
	tap_eq(sap_area_ring(&a, SAP_SIDE_CSME, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &csme_tx), SAP_OK,
	       "area: CSME M2H notif ring");
	tap_eq(csme_tx.role, SAP_RING_PRODUCER, "area: CSME produces M2H");
	tap_eq(sap_area_ring(&a, SAP_SIDE_HOST, SAP_DIR_H2M, SAP_QUEUE_DATA, &host_tx), SAP_OK,
	       "area: host H2M data ring");
	tap_eq(host_tx.role, SAP_RING_PRODUCER, "area: host produces H2M");
	tap_eq(sap_area_ring(&a, SAP_SIDE_CSME, SAP_DIR_H2M, SAP_QUEUE_DATA, &csme_rx), SAP_OK,
	       "area: CSME H2M data ring");
	tap_eq(csme_rx.role, SAP_RING_CONSUMER, "area: CSME consumes H2M");
	tap_ok(host_rx.data == mem + 50560 && host_rx.size == 62720,
	       "area: M2H notif ring at 50560, 62720 bytes");
	tap_ok(host_tx.data == mem + 2304 && host_tx.size == 48256,
	       "area: H2M data ring at 2304, 48256 bytes");

	/* both directions through the real area */
	tap_eq(sap_ring_write(&csme_tx, msg, sap_msg_enc_dw(msg, sizeof(msg),
		SAP_MSG_NOTIF_AMT_STATE, 1, 1), NULL, 0), SAP_OK, "area: CSME writes AMT_STATE");
	tap_eq(le32_to_cpu(ctrl->dir[1].q[0].wr_ptr), 12, "area: M2H notif wr_ptr @40 = 12");
	tap_eq(sap_ring_read(&host_rx, out, sizeof(out), &n), SAP_OK, "area: host reads it");
	tap_eq(le32_to_cpu(ctrl->dir[1].q[0].rd_ptr), 12, "area: M2H notif rd_ptr @44 = 12");
	tap_eq(sap_ring_write(&host_tx, msg, mk_msg(msg, SAP_MSG_DATA_PACKET, 5, 60), NULL, 0),
	       SAP_OK, "area: host writes a data packet");
	tap_eq(le32_to_cpu(ctrl->dir[0].q[1].wr_ptr), 60, "area: H2M data wr_ptr @24 = 60");
	tap_eq(sap_ring_read(&csme_rx, out, sizeof(out), &n), SAP_OK, "area: CSME reads it");
	sap_t_mem(out, msg, 60, "area: data packet intact");

	/* CSME corrupts a size word: the host keeps its own */
	ctrl->dir[1].q[0].size = cpu_to_le32(100000000);
	tap_eq(sap_area_check(&a), SAP_R_AREA_BAD_LAYOUT, "area: corrupted size detected");
	tap_eq(sap_area_ring(&a, SAP_SIDE_HOST, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &host_rx), SAP_OK,
	       "area: host re-attaches after corruption");
	tap_eq(host_rx.size, 62720, "area: host ring size from its own layout");
	ctrl->dir[1].q[0].size = cpu_to_le32(62720);
	tap_eq(sap_area_check(&a), SAP_OK, "area: size restored");

	ctrl->dir[0].q[1].rd_ptr = cpu_to_le32(48256);
	tap_eq(sap_area_check(&a), SAP_OK, "area: a pointer equal to the size is valid");
	ctrl->dir[0].q[1].rd_ptr = cpu_to_le32(48257);
	tap_eq(sap_area_check(&a), SAP_R_RING_PTR_RANGE, "area: pointer out of range detected");
	ctrl->dir[0].q[1].rd_ptr = cpu_to_le32(60);

	mem[1] = 'X';
	tap_eq(sap_area_check(&a), SAP_R_AREA_BAD_MAGIC, "area: control block magic checked");
	mem[1] = 0x41;
	mem[137408 + 3] = 0;
	tap_eq(sap_area_check(&a), SAP_R_AREA_BAD_MAGIC, "area: trailer magic checked");
	mem[137408 + 3] = 0x21;
	ctrl->size = cpu_to_le32(60);
	tap_eq(sap_area_check(&a), SAP_R_AREA_BAD_LAYOUT, "area: control block size checked");
	ctrl->size = cpu_to_le32(64);

	tap_eq(sap_area_ring(&a, SAP_SIDE_HOST, 2, SAP_QUEUE_DATA, &host_rx), SAP_R_INVAL,
	       "area: bad direction");
	tap_eq(sap_area_ring(&a, SAP_SIDE_HOST, SAP_DIR_H2M, 2, &host_rx), SAP_R_INVAL,
	       "area: bad queue");
	ctrl->dir[1].q[1].rd_ptr = cpu_to_le32(24128);
	tap_eq(sap_area_ring(&a, SAP_SIDE_HOST, SAP_DIR_M2H, SAP_QUEUE_DATA, &host_rx),
	       SAP_OK, "area: attach takes an own pointer equal to the size");
	tap_eq(host_rx.own, 0, "area: ... as offset 0");
	ctrl->dir[1].q[1].rd_ptr = cpu_to_le32(24129);
	tap_eq(sap_area_ring(&a, SAP_SIDE_HOST, SAP_DIR_M2H, SAP_QUEUE_DATA, &host_rx),
	       SAP_R_RING_PTR_RANGE, "area: attach refuses an out of range own pointer");
	tap_eq(sap_ring_read(&host_rx, out, sizeof(out), &n), SAP_R_INVAL,
	       "area: a ring that failed to attach is unusable");
}

/* ---- a peer that publishes the end of the ring as size, not 0 ------------------- */

static void test_ptr_at_size(void)
{
	unsigned char msg[64], out[64];
	struct tring t;
	unsigned int n, pend;

	tring_setup(&t, 64);
	/* move both sides to 40 */
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 0x7001, 1, 40), NULL, 0), SAP_OK,
	       "at-size: 40-byte message");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "at-size: read it");
	/* the peer writes 24 bytes at 40..63 and publishes wr = 64, not 0 */
	memcpy(t.body + 40, msg, mk_msg(msg, 0x7002, 2, 24));
	t.ctl[0] = cpu_to_le32(64);
	tap_eq(sap_ring_pending(&t.cons, &pend), SAP_OK, "at-size: pending accepts wr == size");
	tap_eq(pend, 24, "at-size: 24 bytes pending");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK,
	       "at-size: the message ending at the end of the ring is read");
	tap_eq(n, 24, "at-size: all of it");
	tap_ok(!memcmp(out, msg, 24), "at-size: the right bytes");
	tap_eq(rd_of(&t), 0, "at-size: rd_ptr wraps to 0");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_EMPTY,
	       "at-size: then empty, not stalled");
	tap_eq(t.cons.cnt.n[SAP_R_RING_PTR_RANGE], 0, "at-size: nothing counted as corrupt");
	/* the queue goes on: the next message starts at 0 */
	memcpy(t.body, msg, mk_msg(msg, 0x7003, 3, 16));
	t.ctl[0] = cpu_to_le32(16);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "at-size: the next one too");
	/* and a producer whose consumer published rd = size writes at 0 */
	free(t.raw);
	tring_setup(&t, 64);
	t.prod.own = 0;
	t.ctl[1] = cpu_to_le32(64);
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 0x7004, 4, 16), NULL, 0), SAP_OK,
	       "at-size: producer accepts rd == size");
	tap_eq(wr_of(&t), 16, "at-size: written at 0");
	/* a producer that published its own wr_ptr as size (wrapped to 0) */
	free(t.raw);
	tring_setup(&t, 64);
	t.ctl[0] = cpu_to_le32(64);
	t.ctl[1] = cpu_to_le32(0);
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 0x7005, 5, 16), NULL, 0), SAP_OK,
	       "at-size: own wr_ptr == size, next write");
	tap_eq(t.prod.cnt.n[SAP_R_RING_OWN_PTR], 0, "at-size: not taken for a peer's change");
	tap_eq(wr_of(&t), 16, "at-size: written from 0");
	free(t.raw);
}

/* ---- hostile peer on a single ring ---------------------------------------------- */

static void test_hostile(void)
{
	unsigned char msg[256], out[256];
	struct sap_ring_msg rm;
	struct sap_hdr h;
	struct tring t;
	unsigned int n, i, pend;

	tring_setup(&t, 64);

	/* wr_ptr beyond the ring (== size is the end of the ring: valid) */
	t.ctl[0] = cpu_to_le32(64);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_EMPTY,
	       "hostile: wr_ptr == size is offset 0 (empty here)");
	t.ctl[0] = cpu_to_le32(65);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_RING_PTR_RANGE,
	       "hostile: wr_ptr == size + 1 rejected");
	t.ctl[0] = cpu_to_le32(0xffffffff);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_RING_PTR_RANGE,
	       "hostile: wr_ptr 0xffffffff rejected");
	tap_eq(t.cons.cnt.n[SAP_R_RING_PTR_RANGE], 2, "hostile: both counted");
	tap_eq(rd_of(&t), 0, "hostile: rd_ptr untouched");
	tap_eq(sap_ring_discard(&t.cons), SAP_R_RING_PTR_RANGE, "hostile: discard refuses too");
	tap_eq(sap_ring_pending(&t.cons, &pend), SAP_R_RING_PTR_RANGE, "hostile: pending too");
	tap_ok(!sap_ring_is_empty(&t.cons), "hostile: corrupt ring is not reported empty");
	t.ctl[0] = cpu_to_le32(0);

	/* rd_ptr beyond the ring: the producer writes nothing */
	t.ctl[1] = cpu_to_le32(1000);
	memcpy(out, t.body, 64);
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, 1, 1, 8), NULL, 0),
	       SAP_R_RING_PTR_RANGE, "hostile: producer refuses a corrupt rd_ptr");
	sap_t_mem(t.body, out, 64, "hostile: nothing written");
	tap_eq(wr_of(&t), 0, "hostile: wr_ptr untouched");
	t.ctl[1] = cpu_to_le32(0);
	/* the consumer saw its own rd_ptr change: counted and restored */
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_EMPTY, "hostile: still empty");

	/* truncated header: 5 bytes published */
	t.ctl[0] = cpu_to_le32(5);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_RING_TRUNC_HDR,
	       "hostile: 5 published bytes = truncated header");
	tap_eq(rd_of(&t), 5, "hostile: truncated bytes discarded");
	tap_eq(t.cons.cnt.n[SAP_R_RING_TRUNC_HDR], 1, "hostile: truncated header counted");

	/* header claims more than was published (wrapping) */
	sap_ring_init(&t.prod, t.body, 64, &t.ctl[0], &t.ctl[1], SAP_RING_PRODUCER);
	h.type = cpu_to_le16(SAP_MSG_NOTIF_AMT_STATE);
	h.len = cpu_to_le16(100);
	h.seq_num = 0;
	memcpy(t.body + 5, &h, 8);
	t.ctl[0] = cpu_to_le32(5 + 20);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_RING_OVERRUN,
	       "hostile: length beyond wr_ptr = overrun");
	tap_eq(rd_of(&t), 25, "hostile: overrun data discarded up to wr_ptr");
	tap_eq(t.cons.cnt.n[SAP_R_RING_OVERRUN], 1, "hostile: overrun counted");
	/* header len 0xffff: can never fit a 64-byte ring */
	h.len = cpu_to_le16(0xffff);
	memcpy(t.body + 25, &h, 8);
	t.ctl[0] = cpu_to_le32(60);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_RING_OVERRUN,
	       "hostile: len 0xffff = overrun");

	/* the peer rewrites the consumer's own rd_ptr: ignored, counted, restored */
	t.ctl[1] = cpu_to_le32(3);
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_R_EMPTY,
	       "hostile: own pointer change ignored");
	tap_eq(rd_of(&t), 60, "hostile: own pointer restored");
	tap_ok(t.cons.cnt.n[SAP_R_RING_OWN_PTR] >= 1, "hostile: own pointer change counted");

	/* a peer that never drains */
	sap_ring_init(&t.prod, t.body, 64, &t.ctl[0], &t.ctl[1], SAP_RING_PRODUCER);
	for (i = 0; i < 20; i++)
		sap_ring_write(&t.prod, msg, mk_msg(msg, SAP_MSG_DATA_PACKET, i, 20), NULL, 0);
	tap_eq(t.prod.cnt.n[SAP_OK], 3, "stall: three 20-byte messages fit in 64");
	tap_eq(t.prod.full_streak, 17, "stall: the other 17 writes were refused");
	tap_eq(t.prod.cnt.n[SAP_R_RING_FULL], 17, "stall: RING_FULL counted 17 times");
	tap_eq(sap_ring_pending(&t.prod, &pend), SAP_OK, "stall: pending readable");
	tap_eq(pend, 60, "stall: 60 bytes pending");
	tap_ok(!sap_ring_is_empty(&t.prod), "stall: producer sees a non-empty ring");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &n), SAP_OK, "stall: peer drains one");
	tap_eq(sap_ring_write(&t.prod, msg, mk_msg(msg, SAP_MSG_DATA_PACKET, 99, 20), NULL, 0),
	       SAP_OK, "stall: writes resume");
	tap_eq(t.prod.full_streak, 0, "stall: streak reset");

	/* API misuse */
	tap_eq(sap_ring_next(&t.cons, &rm), SAP_OK, "api: next");
	tap_eq(sap_ring_copy(&t.cons, &rm, rm.total, out, 1), SAP_R_INVAL,
	       "api: copy past the message refused");
	tap_eq(sap_ring_copy(&t.cons, &rm, 2, out, rm.total - 1), SAP_R_INVAL,
	       "api: copy overlapping the end refused");
	tap_eq(sap_ring_copy(&t.cons, &rm, 8, out, rm.total - 8), SAP_OK, "api: copy payload");
	tap_eq(sap_ring_consume(&t.cons, &rm), SAP_OK, "api: consume");
	tap_eq(sap_ring_consume(&t.cons, &rm), SAP_R_INVAL, "api: consuming twice refused");
	tap_eq(sap_ring_write(&t.cons, msg, 8, NULL, 0), SAP_R_INVAL,
	       "api: consumer cannot write");
	tap_eq(sap_ring_next(&t.prod, &rm), SAP_R_INVAL, "api: producer cannot read");
	mk_msg(msg, 1, 1, 16);
	tap_eq(sap_ring_write(&t.prod, msg, 15, NULL, 0), SAP_R_INVAL,
	       "api: header length must match the bytes given");
	tap_eq(sap_ring_write(&t.prod, msg, 7, NULL, 0), SAP_R_INVAL, "api: no header");
	tap_eq(sap_ring_init(&t.prod, t.body, 8, &t.ctl[0], &t.ctl[1], SAP_RING_PRODUCER),
	       SAP_R_INVAL, "api: an 8-byte ring is too small");
	tap_eq(sap_ring_init(&t.prod, t.body, 64, (__le32 *)((char *)t.ctl + 1), &t.ctl[1],
			     SAP_RING_PRODUCER), SAP_R_INVAL, "api: unaligned pointer word");
	tap_ok(tring_guards_ok(&t), "hostile: guard bytes intact");
	tring_free(&t);
}

/* ---- oversized M2H notification: never overflow the host's 4096-byte buffer ---- */

static void test_oversized(void)
{
	static __attribute__((aligned(8))) unsigned char mem[139264];
	struct sap_ring host_rx, csme_tx;
	unsigned char *big = malloc(8192), *buf4k = malloc(SAP_M2H_NOTIF_MAX_LEN);
	struct sap_area a;
	struct sap_msg m;
	unsigned int n;

	sap_area_layout(&a, mem, sizeof(mem), 3);
	sap_area_init(&a);
	sap_area_ring(&a, SAP_SIDE_HOST, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &host_rx);
	sap_area_ring(&a, SAP_SIDE_CSME, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &csme_tx);

	sap_ring_write(&csme_tx, big, mk_msg(big, SAP_MSG_NOTIF_CSME_FILTERS, 1, 5000), NULL, 0);
	sap_ring_write(&csme_tx, big, mk_msg(big, SAP_MSG_NOTIF_CSME_FILTERS, 2, 4097), NULL, 0);
	sap_ring_write(&csme_tx, big, mk_msg(big, SAP_MSG_NOTIF_AMT_STATE, 3, 4096), NULL, 0);
	sap_ring_write(&csme_tx, big, mk_msg(big, SAP_MSG_NOTIF_PING, 4, 8), NULL, 0);

	/* buf4k is exactly 4096 bytes on the heap: ASan catches any overflow */
	tap_eq(sap_ring_read(&host_rx, buf4k, SAP_M2H_NOTIF_MAX_LEN, &n), SAP_R_MSG_TOO_BIG,
	       "oversized: 5000-byte notification refused");
	tap_eq(sap_ring_read(&host_rx, buf4k, SAP_M2H_NOTIF_MAX_LEN, &n), SAP_R_MSG_TOO_BIG,
	       "oversized: 4097-byte notification refused");
	tap_eq(host_rx.cnt.n[SAP_R_MSG_TOO_BIG], 2, "oversized: both counted");
	tap_eq(sap_ring_read(&host_rx, buf4k, SAP_M2H_NOTIF_MAX_LEN, &n), SAP_OK,
	       "oversized: a 4096-byte notification is read");
	tap_eq(n, 4096, "oversized: full 4096 bytes");
	{
		struct sap_hdr h;

		memcpy(&h, buf4k, sizeof(h));
		tap_ok(le16_to_cpu(h.type) == SAP_MSG_NOTIF_AMT_STATE && le32_to_cpu(h.seq_num) == 3,
		       "oversized: the message after the skipped ones is intact");
	}
	tap_eq(sap_msg_decode(buf4k, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK,
	       "oversized: 4096-byte AMT_STATE decodes");
	tap_eq(sap_ring_read(&host_rx, buf4k, SAP_M2H_NOTIF_MAX_LEN, &n), SAP_OK,
	       "oversized: following PING read");
	tap_eq(n, 8, "oversized: PING length");
	free(big);
	free(buf4k);
}

/* ---- randomised single-thread wraparound with guard bytes ---------------------- */

static unsigned int rng_state = 12345;

static unsigned int rnd(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static void test_random_wrap(void)
{
	static const unsigned int sizes[] = { 9, 10, 17, 31, 64, 100, 257, 2240 };
	unsigned char msg[4096], out[4096], *split;
	unsigned int si, wseq, rseq, bad, wraps, iter, n;

	for (si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
		unsigned int size = sizes[si];
		struct tring t;

		tring_setup(&t, size);
		wseq = rseq = bad = wraps = 0;
		for (iter = 0; iter < 20000; iter++) {
			if (rnd() % 3) {
				unsigned int total = 8 + rnd() % (size - 8);
				unsigned int before = wr_of(&t);
				unsigned int head = 8 + rnd() % (total - 7);
				enum sap_reason r;

				mk_msg(msg, 0x4000, wseq, total);
				/* head/body split exercises the two-part write */
				r = sap_ring_write(&t.prod, msg, head, msg + head, total - head);
				if (r == SAP_OK) {
					wseq++;
					if (wr_of(&t) < before || wr_of(&t) == 0)
						wraps++;
				} else if (r != SAP_R_RING_FULL) {
					bad++;
				}
			} else {
				enum sap_reason r = sap_ring_read(&t.cons, out, sizeof(out), &n);
				struct sap_hdr h;

				if (r == SAP_R_EMPTY)
					continue;
				if (r != SAP_OK) {
					bad++;
					continue;
				}
				memcpy(&h, out, 8);
				mk_msg(msg, 0x4000, rseq, n);
				if (le32_to_cpu(h.seq_num) != rseq || memcmp(out, msg, n))
					bad++;
				rseq++;
			}
		}
		while (sap_ring_read(&t.cons, out, sizeof(out), &n) == SAP_OK)
			rseq++;
		tap_eq(bad, 0, "random size %u: %u messages, in order and intact", size, wseq);
		tap_eq(rseq, wseq, "random size %u: everything written was read", size);
		tap_ok(wraps > 10, "random size %u: wrapped %u times", size, wraps);
		tap_ok(tring_guards_ok(&t), "random size %u: guard bytes intact", size);
		tring_free(&t);
	}

	/* a ring exactly one byte larger than the largest allowed message */
	split = malloc(9);
	{
		__le32 ctl[2] = { 0, 0 };
		struct sap_ring p, c;

		sap_ring_init(&p, split, 9, &ctl[0], &ctl[1], SAP_RING_PRODUCER);
		sap_ring_init(&c, split, 9, &ctl[0], &ctl[1], SAP_RING_CONSUMER);
		for (iter = 0, bad = 0; iter < 50; iter++) {
			mk_msg(msg, 1, iter, 8);
			if (sap_ring_write(&p, msg, 8, NULL, 0) != SAP_OK ||
			    sap_ring_write(&p, msg, 8, NULL, 0) != SAP_R_RING_FULL ||
			    sap_ring_read(&c, out, sizeof(out), &n) != SAP_OK || n != 8 ||
			    memcmp(out, msg, 8))
				bad++;
		}
		tap_eq(bad, 0, "9-byte ring: one header at a time, every split position");
	}
	free(split);
}

/* ---- two threads: producer and consumer on the same ring --------------------- */

#define STRESS_MSGS 100000

static struct tring st;
static volatile int stress_bad;

static void *stress_producer(void *arg)
{
	unsigned char msg[300];
	unsigned int seq = 0;

	(void)arg;
	while (seq < STRESS_MSGS) {
		unsigned int total = 8 + (seq * 7) % 200;

		mk_msg(msg, 0x5000, seq, total);
		if (sap_ring_write(&st.prod, msg, total, NULL, 0) == SAP_OK)
			seq++;
		else
			sched_yield();
	}
	return NULL;
}

static void *stress_consumer(void *arg)
{
	unsigned char msg[300], out[300];
	unsigned int seq = 0, n;

	(void)arg;
	while (seq < STRESS_MSGS) {
		enum sap_reason r = sap_ring_read(&st.cons, out, sizeof(out), &n);

		if (r == SAP_R_EMPTY) {
			sched_yield();
			continue;
		}
		mk_msg(msg, 0x5000, seq, 8 + (seq * 7) % 200);
		if (r != SAP_OK || n != 8 + (seq * 7) % 200 || memcmp(out, msg, n)) {
			stress_bad++;
			break;
		}
		seq++;
	}
	return NULL;
}

static void test_threads(void)
{
	pthread_t p, c;

	tring_setup(&st, 1021);
	pthread_create(&c, NULL, stress_consumer, NULL);
	pthread_create(&p, NULL, stress_producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	tap_eq(stress_bad, 0, "threads: %d messages through a 1021-byte ring, in order",
	       STRESS_MSGS);
	tap_ok(sap_ring_is_empty(&st.cons), "threads: ring empty at the end");
	tap_ok(tring_guards_ok(&st), "threads: guard bytes intact");
	tring_free(&st);
}

/* ---- reserve, fill in pieces across the end of the ring, commit ---------------- */

static void test_reserve(void)
{
	unsigned char msg[64], out[64], *p;
	struct sap_ring_span sp, stale;
	struct tring t;
	unsigned int at, n, got, pieces = 0;

	tring_setup(&t, 64);
	mk_msg(msg, SAP_MSG_DATA_PACKET, 1, 40);
	tap_eq(sap_ring_write(&t.prod, msg, 40, NULL, 0), SAP_OK, "reserve: first message");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &got), SAP_OK, "reserve: first read");

	/* 8-byte head at 40, 40-byte body from 48 that wraps after 16 bytes */
	mk_msg(msg, SAP_MSG_DATA_PACKET, 2, 48);
	tap_eq(sap_ring_reserve(&t.prod, msg, 8, 40, &sp), SAP_OK, "reserve: space claimed");
	tap_ok(sap_ring_is_empty(&t.cons), "reserve: nothing visible before the commit");
	tap_eq(wr_of(&t), 40, "reserve: wr_ptr unchanged");
	for (at = 0; at < 40; at += n) {
		p = sap_ring_span_ptr(&t.prod, &sp, at, &n);
		tap_ok(p >= t.body && p + n <= t.body + 64 && n, "reserve: piece %u in the ring", pieces);
		memcpy(p, msg + 8 + at, n);
		pieces++;
	}
	tap_eq(pieces, 2, "reserve: the body is two pieces, split at the end of the ring");
	sap_ring_fill(&t.prod, &sp, 39, msg, 2);	/* past the body: not made */
	stale = sp;
	tap_eq(sap_ring_commit(&t.prod, &sp), SAP_OK, "reserve: committed");
	tap_eq(wr_of(&t), (40 + 48) % 64, "reserve: wr_ptr past the message");
	tap_eq(sap_ring_commit(&t.prod, &stale), SAP_R_INVAL, "reserve: a stale reservation is refused");
	tap_eq(wr_of(&t), (40 + 48) % 64, "reserve: the stale commit moved nothing");
	tap_eq(sap_ring_read(&t.cons, out, sizeof(out), &got), SAP_OK, "reserve: read back");
	tap_ok(got == 48 && !memcmp(out, msg, 48), "reserve: the consumer gets the message whole");

	/* an abandoned reservation leaves the ring as it was */
	mk_msg(msg, SAP_MSG_DATA_PACKET, 3, 20);
	tap_eq(sap_ring_reserve(&t.prod, msg, 8, 12, &sp), SAP_OK, "reserve: second claim");
	tap_ok(sap_ring_is_empty(&t.cons), "reserve: abandoned, still empty");
	tap_eq(sap_ring_reserve(&t.prod, msg, 8, 13, &sp), SAP_R_INVAL,
	       "reserve: a header disagreeing with the length is refused");
	tap_eq(sap_ring_reserve(&t.prod, msg, 8, 64, &sp), SAP_R_MSG_TOO_BIG,
	       "reserve: a body as big as the ring is refused");
	tap_ok(tring_guards_ok(&t), "reserve: guard bytes intact");
	tring_free(&t);
}

int main(void)
{
	tap_start();
	test_wrap_golden();
	test_full_rule();
	test_area_golden();
	test_area_hostile();
	test_ptr_at_size();
	test_hostile();
	test_oversized();
	test_reserve();
	test_random_wrap();
	test_threads();
	return tap_end();
}

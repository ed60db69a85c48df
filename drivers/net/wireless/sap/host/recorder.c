// SPDX-License-Identifier: GPL-2.0
/* sap_host flight recorder: see recorder.h. */
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <asm/unaligned.h>

#include "sap_wire.h"
#include "recorder.h"

static_assert((SAP_REC_LEN & (SAP_REC_LEN - 1)) == 0);

static bool sap_rec_is_ownership(u16 type)
{
	switch (type) {
	case SAP_MSG_NOTIF_NIC_OWNER:
	case SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ:
	case SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP:
	case SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP:
	case SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP:
	case SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED:
	case SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED:
		return true;
	default:
		return false;
	}
}

/**
 * sap_rec_msg() - record one message
 * @rec: recorder
 * @dir: FWCTL_SAP_DIR_*
 * @queue: FWCTL_SAP_Q_*
 * @type: message type
 * @seq: its sequence number
 * @len: its length, header included
 * @verdict: 0 accepted or sent, else the &enum sap_reason against it
 *
 * Any context; O(1), no lock.
 */
void sap_rec_msg(struct sap_rec *rec, u8 dir, u8 queue, u16 type, u32 seq,
		 u32 len, u16 verdict)
{
	u32 n = (u32)atomic_inc_return(&rec->next) - 1;
	struct sap_rec_slot *s = &rec->slot[n & (SAP_REC_LEN - 1)];
	u64 now = ktime_get_ns();

	WRITE_ONCE(s->gen, 0);
	smp_wmb();	/* gen 0 is seen before the new contents */
	s->e.time_ns = now;
	s->e.index = n;
	s->e.seq = seq;
	s->e.len = len;
	s->e.type = type;
	s->e.verdict = verdict;
	s->e.dir = dir;
	s->e.queue = queue;
	smp_wmb();	/* contents are seen before the generation */
	WRITE_ONCE(s->gen, n + 1);

	if (queue == FWCTL_SAP_Q_NOTIF && !verdict && sap_rec_is_ownership(type)) {
		WRITE_ONCE(rec->own_msg, type);
		WRITE_ONCE(rec->own_dir, dir);
		WRITE_ONCE(rec->own_ns, now);
	}
}

/**
 * sap_rec_hdr() - record a message from its SAP header
 * @rec: recorder
 * @dir: FWCTL_SAP_DIR_*
 * @queue: FWCTL_SAP_Q_NOTIF or FWCTL_SAP_Q_DATA
 * @buf: the message (at least its header), or NULL if it could not be read
 * @avail: bytes at @buf
 * @len: length of the message, header included
 * @verdict: as for sap_rec_msg()
 */
void sap_rec_hdr(struct sap_rec *rec, u8 dir, u8 queue, const void *buf,
		 u32 avail, u32 len, u16 verdict)
{
	const struct sap_hdr *h = buf;

	if (!buf || avail < sizeof(*h)) {
		sap_rec_msg(rec, dir, queue, 0, 0, len, verdict);
		return;
	}
	sap_rec_msg(rec, dir, queue, get_unaligned_le16(&h->type),
		    get_unaligned_le32(&h->seq_num), len, verdict);
}

/**
 * sap_rec_read() - copy records out
 * @rec: recorder
 * @from: first record number wanted; older ones are skipped
 * @out: destination
 * @max: room in @out
 * @next: set to the record number the next message will get
 *
 * Records overwritten while being copied are left out.
 *
 * Return: number of records copied, oldest first.
 */
u32 sap_rec_read(struct sap_rec *rec, u32 from, struct fwctl_sap_log_entry *out,
		 u32 max, u32 *next)
{
	u32 end = (u32)atomic_read(&rec->next);
	u32 start = end > SAP_REC_LEN ? end - SAP_REC_LEN : 0;
	u32 i, n = 0;

	*next = end;
	if (from > start)
		start = min(from, end);
	for (i = start; i != end && n < max; i++) {
		struct sap_rec_slot *s = &rec->slot[i & (SAP_REC_LEN - 1)];
		u32 gen = READ_ONCE(s->gen);

		smp_rmb();	/* pairs with the second smp_wmb() above */
		out[n] = s->e;
		smp_rmb();	/* pairs with the first smp_wmb() above */
		if (gen != i + 1 || READ_ONCE(s->gen) != gen)
			continue;
		n++;
	}
	return n;
}

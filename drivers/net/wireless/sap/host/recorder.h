/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sap_host flight recorder (recorder.c): the last SAP_REC_LEN messages that
 * went either way, with the verdict on each.
 *
 * Writers never lock and never allocate: a slot is claimed with one atomic
 * increment and published with a generation number, so the Rx/Tx paths
 * (mutex, spinlock or BH context alike) pay a few stores per message.
 * Readers copy a slot and keep it only if its generation did not change
 * while they copied it.
 */
#ifndef SAP_HOST_RECORDER_H
#define SAP_HOST_RECORDER_H

#include <linux/atomic.h>
#include <linux/types.h>
#include <uapi/fwctl/sap.h>

#define SAP_REC_LEN	256	/* a power of two */

/**
 * struct sap_rec_slot - one recorded message
 * @gen: record number + 1 once the slot is complete, 0 while written
 * @e: the record
 */
struct sap_rec_slot {
	u32 gen;
	struct fwctl_sap_log_entry e;
};

/**
 * struct sap_rec - the recorder
 * @next: record number of the next message
 * @own_msg: type of the last ownership message, 0 if none
 * @own_dir: its direction
 * @own_ns: its time
 * @slot: the ring
 */
struct sap_rec {
	atomic_t next;
	u16 own_msg;
	u8 own_dir;
	u64 own_ns;
	struct sap_rec_slot slot[SAP_REC_LEN];
};

void sap_rec_msg(struct sap_rec *rec, u8 dir, u8 queue, u16 type, u32 seq,
		 u32 len, u16 verdict);
void sap_rec_hdr(struct sap_rec *rec, u8 dir, u8 queue, const void *buf,
		 u32 avail, u32 len, u16 verdict);
u32 sap_rec_read(struct sap_rec *rec, u32 from, struct fwctl_sap_log_entry *out,
		 u32 max, u32 *next);

#endif /* SAP_HOST_RECORDER_H */

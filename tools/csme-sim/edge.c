// SPDX-License-Identifier: GPL-2.0
/*
 * Edge modes: what a real CSME may do at the edges of the protocol, which
 * the host must take in its stride without counting anything as bad.
 * They are selected like hostile modes ("hostile MODE") and are one-shots:
 *
 *   start-late    answer the next START after CSME_START_LATE_MS, well
 *                 past the host's START timeout
 *   start-never   never answer the next START (a reset recovers)
 *   early-csa     at the next START, write the initial notifications and
 *                 ring the doorbell before START_OK, then send START_OK
 *                 and nothing more: the host must still see them
 *   burst         CSME_BURST_MSGS PINGs behind a single doorbell, more
 *                 than the host handles per pass
 *   new-values    a CSME_CONN_STATUS with an auth mode, cipher and scan
 *                 request bit newer than today's values
 *   ptr-at-size   fill the M2H notification ring up to its very end and
 *                 publish wr_ptr == size instead of 0 (as the reference
 *                 host accepts), then one more PING from offset 0
 */
#include <stddef.h>
#include <string.h>

#include "edge.h"
#include "sap_fw.h"
#include "log.h"

#define EDGE_PING_MAX	4096	/* the host's limit for one notification */

bool csme_edge_at_start(enum csme_hostile m)
{
	return m == HOSTILE_START_LATE || m == HOSTILE_START_NEVER ||
	       m == HOSTILE_EARLY_CSA;
}

static void edge_used(struct csme_fw *fw, enum csme_hostile m)
{
	fw->hostile = HOSTILE_OFF;
	fw->hostile_armed = false;
	fw->cnt[CSME_C_HOSTILE_APPLIED]++;
	csme_log("edge %s applied", csme_hostile_name(m));
}

/**
 * csme_edge_start() - let an armed start-time edge mode answer START
 * @fw: firmware, rings attached for the new session
 * @version: the version the host offered
 *
 * Return: true if the mode took over the answer.
 */
bool csme_edge_start(struct csme_fw *fw, uint8_t version)
{
	enum csme_hostile m = fw->hostile;

	if (!fw->hostile_armed || !csme_edge_at_start(m))
		return false;
	edge_used(fw, m);
	switch (m) {
	case HOSTILE_START_LATE:
		fw->start_ok_due = fw->now_ms + CSME_START_LATE_MS;
		fw->start_ok_version = version;
		csme_log("START_OK held for %d ms", CSME_START_LATE_MS);
		return true;
	case HOSTILE_START_NEVER:
		csme_log("START left unanswered");
		return true;
	default:
		/* early-csa: the session's first notifications and their
		 * doorbell go out before START_OK, nothing after it
		 */
		fw->connected = true;
		csme_fw_send_burst(fw);
		csme_fw_flush(fw);
		fw->connected = false;
		csme_fw_answer_start(fw, version, false);
		return true;
	}
}

static void edge_burst(struct csme_fw *fw)
{
	int i;

	for (i = 0; i < CSME_BURST_MSGS; i++)
		if (csme_fw_send_empty(fw, SAP_MSG_NOTIF_PING))
			break;
	csme_log("burst: %d PINGs behind one doorbell", i);
}

static void edge_put32(uint8_t *p, uint32_t v)
{
	__le32 w = cpu_to_le32(v);

	memcpy(p, &w, sizeof(w));
}

static void edge_new_values(struct csme_fw *fw)
{
	const size_t ci = offsetof(struct sap_notif_conn_status, conn_info);
	struct sap_conn_params c = {
		.ssid_len = 8, .ssid = "edge-new", .auth_mode = SAP_AUTH_MODE_SAE,
		.pairwise_cipher = SAP_CIPHER_GCMP_256, .channel = 36, .band = 1,
		.bssid = { 0x02, 0xc5, 0x3e, 0x00, 0x00, 0xe1 },
	};
	uint8_t *b = fw->txbuf;
	int len;

	len = sap_msg_enc_conn_status(b, sizeof(fw->txbuf), fw->sap_seq++,
				      fw->link_prot ? 1 : 0, 0, &c);
	if (len < 0)
		return;
	/* the structure includes its header */
	edge_put32(b + offsetof(struct sap_notif_conn_status, scan_request), 0x100);
	edge_put32(b + ci + offsetof(struct sap_conn_info, auth_mode), 0x99);
	edge_put32(b + ci + offsetof(struct sap_conn_info, pairwise_cipher), 0x77);
	csme_fw_send_notif(fw, fw->txbuf, len);
}

void csme_edge_apply(struct csme_fw *fw, enum csme_hostile m)
{
	switch (m) {
	case HOSTILE_BURST:
		edge_burst(fw);
		break;
	case HOSTILE_NEW_VALUES:
		edge_new_values(fw);
		break;
	case HOSTILE_PTR_AT_SIZE:
		fw->ptr_at_size = 1;
		break;
	default:
		break;
	}
}

/* A PING of @total bytes (header included): the extra payload is ignored. */
static int edge_ping(struct csme_fw *fw, uint32_t total)
{
	int len = sap_msg_enc_empty(fw->txbuf, sizeof(fw->txbuf), SAP_MSG_NOTIF_PING,
				    fw->sap_seq++);
	struct sap_hdr hdr;

	if (len < 0 || total > sizeof(fw->txbuf) || total < (uint32_t)sizeof(struct sap_hdr))
		return -1;
	memcpy(&hdr, fw->txbuf, sizeof(hdr));
	hdr.len = cpu_to_le16(total - (uint32_t)sizeof(struct sap_hdr));
	memcpy(fw->txbuf, &hdr, sizeof(hdr));
	memset(fw->txbuf + (uint32_t)sizeof(struct sap_hdr), 0, total - (uint32_t)sizeof(struct sap_hdr));
	return csme_fw_send_notif(fw, fw->txbuf, (int)total);
}

/* ptr-at-size, one step per tick once the host has drained the ring:
 * step 1 walks to the end of the ring, step 2 sends one PING from 0.
 */
static void edge_ptr_at_size(struct csme_fw *fw)
{
	struct sap_ring *r = &fw->m2h[SAP_QUEUE_NOTIF];
	uint32_t rem;

	if (!csme_fw_session_up(fw) || !sap_ring_is_empty(r))
		return;
	if (fw->ptr_at_size == 2) {
		fw->ptr_at_size = 0;
		csme_fw_send_empty(fw, SAP_MSG_NOTIF_PING);
		csme_log("ptr-at-size: PING from offset 0 after wr_ptr == size");
		return;
	}
	rem = r->size - r->own;
	if (rem > EDGE_PING_MAX) {
		edge_ping(fw, rem - EDGE_PING_MAX < (uint32_t)sizeof(struct sap_hdr) ? rem - (uint32_t)sizeof(struct sap_hdr)
								 : EDGE_PING_MAX);
		return;
	}
	if (edge_ping(fw, rem))
		return;
	/* the write wrapped to 0: publish the end of the ring as its size */
	WRITE_ONCE(*r->wr_ptr, cpu_to_le32(r->size));
	fw->ptr_at_size = 2;
	csme_log("ptr-at-size: M2H notification wr_ptr published as %u", r->size);
}

void csme_edge_tick(struct csme_fw *fw, uint64_t now)
{
	if (fw->start_ok_due && now >= fw->start_ok_due) {
		fw->start_ok_due = 0;
		if (fw->rings_up && !fw->connected)
			csme_fw_answer_start(fw, fw->start_ok_version, true);
	}
	if (fw->ptr_at_size)
		edge_ptr_at_size(fw);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: SAP and ME-level message decoders.
 *
 * Input: one mode byte, then the message.
 *   mode & 4 == 0: sap_msg_decode(), direction = mode & 1, queue = (mode >> 1) & 1
 *   mode & 4 != 0: sap_me_decode(), direction = (mode >> 3) & 1
 * The message is decoded from an exact-size heap copy so any over-read is
 * caught by ASan. Accepted messages must satisfy the decoder's contract
 * and, for the fixed-layout types, re-encode to the very same bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sap_msg.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static void check_sap(const u8 *buf, u32 len, enum sap_direction dir, enum sap_queue_idx q)
{
	u8 out[64];
	struct sap_msg m;
	enum sap_reason r;
	int n;

	r = sap_msg_decode(buf, len, dir, q, &m);
	CHECK((unsigned int)r < SAP_R_COUNT && sap_reason_str(r));
	if (r != SAP_OK)
		return;

	CHECK(len >= sizeof(struct sap_hdr) && m.len + sizeof(struct sap_hdr) == len);
	CHECK(m.payload == buf + sizeof(struct sap_hdr));
	CHECK(sap_msg_type_known(m.type));
	CHECK(m.len >= sap_msg_type_min_len(m.type));
	if (dir == SAP_DIR_M2H && q == SAP_QUEUE_NOTIF)
		CHECK(len <= SAP_M2H_NOTIF_MAX_LEN);

	if (m.type == SAP_MSG_DATA_PACKET || m.type == SAP_MSG_CB_DATA_PACKET) {
		CHECK(q == SAP_QUEUE_DATA);
		CHECK(m.u.data.frame >= buf && m.u.data.frame_len >= SAP_ETH_HLEN);
		CHECK(m.u.data.frame + m.u.data.frame_len == buf + len);
		return;
	}
	CHECK(q == SAP_QUEUE_NOTIF);

	/* exact-size dword and empty messages re-encode byte for byte */
	if (m.len == 4) {
		n = sap_msg_enc_dw(out, sizeof(out), m.type, m.seq, m.u.val);
		if (n > 0)
			CHECK(n == 12 && !memcmp(out, buf, 12));
	}
	if (m.len == 0) {
		n = sap_msg_enc_empty(out, sizeof(out), m.type, m.seq);
		if (n > 0)
			CHECK(n == 8 && !memcmp(out, buf, 8));
	}
	if (m.type == SAP_MSG_NOTIF_CSME_CONN_STATUS)
		CHECK(m.u.conn_status.conn.ssid_len <= SAP_MAX_SSID_LEN);
	if (m.type == SAP_MSG_NOTIF_HOST_LINK_UP)
		CHECK(m.u.link_up.conn.ssid_len <= SAP_MAX_SSID_LEN);
}

static void check_me(const u8 *buf, u32 len, enum sap_direction dir)
{
	struct sap_me_msg m;
	enum sap_reason r;
	u8 out[128];
	int n;

	r = sap_me_decode(buf, len, dir, &m);
	CHECK((unsigned int)r < SAP_R_COUNT);
	if (r != SAP_OK)
		return;
	CHECK(len >= sizeof(struct sap_me_msg_hdr));
	if (m.type == SAP_ME_MSG_START_OK) {
		CHECK(dir == SAP_DIR_M2H && len == sizeof(struct sap_me_msg_start_ok));
		CHECK(m.version == SAP_VERSION_3 || m.version == SAP_VERSION_4);
	} else if (m.type == SAP_ME_MSG_START) {
		CHECK(dir == SAP_DIR_H2M && len == sizeof(struct sap_me_msg_start));
		n = sap_me_enc_start(out, sizeof(out), m.seq, m.version);
		CHECK(n == (int)sizeof(struct sap_me_msg_start));
	} else {
		CHECK(m.type == SAP_ME_MSG_CHECK_SHARED_AREA);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	u8 mode, *buf;
	u32 len;

	if (size < 1 || size > 70000)
		return 0;
	mode = data[0];
	len = size - 1;
	buf = malloc(len ? len : 1);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, len);

	if (!(mode & 4))
		check_sap(buf, len, mode & 1, (mode >> 1) & 1);
	else
		check_me(buf, len, (mode >> 3) & 1);

	free(buf);
	return 0;
}

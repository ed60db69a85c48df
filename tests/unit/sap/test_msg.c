// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder rejection paths, encoder argument checks, reason strings and
 * encode/decode round trips.
 */
#include "sap_test.h"
#include "sap_msg.h"

/* Decode a heap copy of exactly @len bytes. */
static enum sap_reason dec(const void *buf, unsigned int len, enum sap_direction dir,
			   enum sap_queue_idx q, struct sap_msg *m)
{
	void *copy = sap_t_dup(buf, len);
	enum sap_reason r = sap_msg_decode(copy, len, dir, q, m);

	free(copy);
	return r;
}

static unsigned int hdr(unsigned char *buf, unsigned short type, unsigned short len,
			unsigned int seq)
{
	struct sap_hdr h;

	h.type = cpu_to_le16(type);
	h.len = cpu_to_le16(len);
	h.seq_num = cpu_to_le32(seq);
	memcpy(buf, &h, sizeof(h));
	return 8 + len;
}

static void test_reason_strings(void)
{
	const char *seen[SAP_R_COUNT];
	int i, j, dup = 0, unnamed = 0;

	for (i = 0; i < SAP_R_COUNT; i++) {
		seen[i] = sap_reason_str(i);
		if (!seen[i] || !strcmp(seen[i], "unknown reason") || !seen[i][0])
			unnamed++;
		for (j = 0; j < i; j++)
			if (!strcmp(seen[i], seen[j]))
				dup++;
		tap_diag("reason %2d: %s", i, seen[i]);
	}
	tap_eq(unnamed, 0, "every reason code has a name");
	tap_eq(dup, 0, "reason names are distinct");
	tap_ok(!strcmp(sap_reason_str(SAP_R_COUNT), "unknown reason"), "out of range code");
	tap_ok(!strcmp(sap_reason_str(-1), "unknown reason"), "negative code");

	for (i = 0, unnamed = 0, dup = 0; i < SAP_R_COUNT; i++) {
		const char *id = sap_reason_id(i);

		if (!id[0] || !strcmp(id, "unknown") || strcspn(id, " \t\n") != strlen(id))
			unnamed++;
		for (j = 0; j < i; j++)
			if (!strcmp(id, sap_reason_id(j)))
				dup++;
	}
	tap_eq(unnamed, 0, "every reason code has an identifier without blanks");
	tap_eq(dup, 0, "reason identifiers are distinct");
	tap_ok(!strcmp(sap_reason_id(SAP_R_COUNT), "unknown"), "identifier of an out of range code");
}

static void test_header_checks(void)
{
	static const unsigned short unknown[] = {
		0, 3, 499, 501, 507, 508, 509, 510, 514, 517, 519, 999, 1014, 1018, 1023,
		1026, 1999, 2002, 0xffff,
	};
	unsigned char buf[64];
	struct sap_msg m;
	unsigned int i, bad;

	hdr(buf, SAP_MSG_NOTIF_PING, 0, 1);
	for (i = 0, bad = 0; i < 8; i++)
		if (dec(buf, i, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m) != SAP_R_TRUNC_HDR)
			bad++;
	tap_eq(bad, 0, "0..7 bytes: truncated header");
	tap_eq(sap_msg_decode(NULL, 8, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_INVAL,
	       "NULL buffer");
	tap_eq(sap_msg_decode(buf, 8, 2, SAP_QUEUE_NOTIF, &m), SAP_R_INVAL, "bad direction");
	tap_eq(sap_msg_decode(buf, 8, SAP_DIR_M2H, 2, &m), SAP_R_INVAL, "bad queue");

	hdr(buf, SAP_MSG_NOTIF_AMT_STATE, 4, 1);
	memset(buf + 8, 0, 8);
	tap_eq(dec(buf, 11, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_LEN_MISMATCH,
	       "header len larger than the buffer");
	tap_eq(dec(buf, 13, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_LEN_MISMATCH,
	       "header len smaller than the buffer");

	for (i = 0, bad = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		hdr(buf, unknown[i], 0, 1);
		if (dec(buf, 8, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m) != SAP_R_UNKNOWN_TYPE ||
		    dec(buf, 8, SAP_DIR_H2M, SAP_QUEUE_DATA, &m) != SAP_R_UNKNOWN_TYPE) {
			tap_diag("type %u not rejected", unknown[i]);
			bad++;
		}
	}
	tap_eq(bad, 0, "unknown, deprecated and unsupported types rejected");
	tap_ok(!sap_msg_type_known(501) && sap_msg_type_known(500), "type table: 500 yes, 501 no");
	tap_ok(!strcmp(sap_msg_type_name(1006), "HOST_GOES_DOWN"), "type name 1006");
	tap_ok(!strcmp(sap_msg_type_name(4242), "UNKNOWN"), "type name of an unknown type");
	tap_eq(sap_msg_type_min_len(SAP_MSG_NOTIF_CSME_FILTERS), 1896, "FILTERS min payload");
	tap_eq(sap_msg_type_min_len(SAP_MSG_NOTIF_NVM), 460, "NVM min payload");
	tap_eq(sap_msg_type_min_len(SAP_MSG_NOTIF_HOST_LINK_UP), 68, "LINK_UP min payload");
	tap_eq(sap_msg_type_min_len(SAP_MSG_CB_DATA_PACKET), 54, "CB_DATA min payload");
	tap_eq(sap_msg_type_min_len(7), -1, "unknown type min payload");

	/* direction */
	hdr(buf, SAP_MSG_NOTIF_RADIO_STATE, 4, 1);
	memset(buf + 8, 0, 4);
	tap_eq(dec(buf, 12, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_WRONG_DIR,
	       "host refuses a host-to-CSME type from CSME");
	hdr(buf, SAP_MSG_NOTIF_AMT_STATE, 4, 1);
	tap_eq(dec(buf, 12, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_WRONG_DIR,
	       "CSME side refuses a CSME-to-host type from the host");
	hdr(buf, SAP_MSG_NOTIF_PONG, 0, 1);
	tap_eq(dec(buf, 8, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK, "PONG from CSME accepted");
	hdr(buf, SAP_MSG_NOTIF_PING, 0, 1);
	tap_eq(dec(buf, 8, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_OK, "PING from host accepted");

	/* queue */
	tap_eq(dec(buf, 8, SAP_DIR_M2H, SAP_QUEUE_DATA, &m), SAP_R_WRONG_QUEUE,
	       "notification in a data queue");
	hdr(buf, SAP_MSG_DATA_PACKET, 14, 1);
	memset(buf + 8, 0, 14);
	tap_eq(dec(buf, 22, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_WRONG_QUEUE,
	       "data packet in a notification queue");
	hdr(buf, SAP_MSG_CB_DATA_PACKET, 54, 1);
	tap_eq(dec(buf, 62, SAP_DIR_M2H, SAP_QUEUE_DATA, &m), SAP_R_WRONG_DIR,
	       "CB_DATA_PACKET from CSME refused");
}

static void test_short_payloads(void)
{
	static const unsigned short types[] = {
		SAP_MSG_NOTIF_CSME_FILTERS, SAP_MSG_NOTIF_AMT_STATE,
		SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ, SAP_MSG_NOTIF_NIC_OWNER,
		SAP_MSG_NOTIF_CSME_CONN_STATUS, SAP_MSG_NOTIF_NVM, SAP_MSG_NOTIF_PLDR_ACK,
		SAP_MSG_NOTIF_RADIO_STATE, SAP_MSG_NOTIF_NIC_INFO, SAP_MSG_NOTIF_HOST_SUSPENDS,
		SAP_MSG_NOTIF_HOST_RESUMES, SAP_MSG_NOTIF_COUNTRY_CODE,
		SAP_MSG_NOTIF_HOST_LINK_UP, SAP_MSG_NOTIF_HOST_LINK_DOWN,
		SAP_MSG_NOTIF_SAR_LIMITS, SAP_MSG_NOTIF_PLDR, SAP_MSG_NOTIF_PLDR_END,
	};
	static const unsigned short sizes[] = {
		1904, 12, 12, 12, 72, 468, 16, 12, 20, 12, 12, 16, 76, 16, 28, 12, 16,
	};
	static unsigned char buf[2048];
	struct sap_msg m;
	unsigned int i, bad_short = 0, bad_full = 0, bad_long = 0;

	memset(buf, 0, sizeof(buf));
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		enum sap_direction dir = types[i] < 1000 ? SAP_DIR_M2H : SAP_DIR_H2M;
		unsigned int len;

		for (len = 8; len < sizes[i]; len++) {
			hdr(buf, types[i], len - 8, 1);
			if (dec(buf, len, dir, SAP_QUEUE_NOTIF, &m) != SAP_R_SHORT_PAYLOAD)
				bad_short++;
		}
		hdr(buf, types[i], sizes[i] - 8, 1);
		if (dec(buf, sizes[i], dir, SAP_QUEUE_NOTIF, &m) != SAP_OK) {
			tap_diag("type %u at its full size rejected", types[i]);
			bad_full++;
		}
		/* longer than the structure: accepted from CSME (extra
		 * ignored), refused from the host, which the reference host
		 * never sends
		 */
		hdr(buf, types[i], sizes[i] - 8 + 16, 1);
		if (dec(buf, sizes[i] + 16, dir, SAP_QUEUE_NOTIF, &m) !=
		    (dir == SAP_DIR_M2H ? SAP_OK : SAP_R_LEN_MISMATCH))
			bad_long++;
	}
	tap_eq(bad_short, 0, "every structured type: every shorter payload refused");
	tap_eq(bad_full, 0, "every structured type: zero-filled full size accepted");
	tap_eq(bad_long, 0, "every structured type: longer payload accepted from CSME, not from the host");
}

/* upstream bug: DATA_PACKET with len < 14 from CSME made "len - 14" underflow */
static void test_short_data(void)
{
	unsigned char buf[64];
	struct sap_msg m;
	unsigned int len, bad = 0;

	memset(buf, 0xee, sizeof(buf));
	for (len = 0; len < 14; len++) {
		hdr(buf, SAP_MSG_DATA_PACKET, len, 1);
		/* exact-size heap copy: any read past len + 8 trips ASan */
		if (dec(buf, 8 + len, SAP_DIR_M2H, SAP_QUEUE_DATA, &m) != SAP_R_DATA_TOO_SHORT)
			bad++;
		if (m.u.data.frame || m.u.data.frame_len)
			bad++;
	}
	tap_eq(bad, 0, "DATA_PACKET with 0..13 bytes from CSME refused, no frame returned");
	hdr(buf, SAP_MSG_DATA_PACKET, 14, 1);
	tap_eq(dec(buf, 22, SAP_DIR_M2H, SAP_QUEUE_DATA, &m), SAP_OK, "14-byte frame accepted");
	tap_eq(m.u.data.frame_len, 14, "14-byte frame length");

	for (len = 0, bad = 0; len < 54; len++) {
		hdr(buf, SAP_MSG_CB_DATA_PACKET, len, 1);
		memset(buf + 8, 0, 40);
		if (dec(buf, 8 + len, SAP_DIR_H2M, SAP_QUEUE_DATA, &m) != SAP_R_DATA_TOO_SHORT)
			bad++;
	}
	tap_eq(bad, 0, "CB_DATA_PACKET shorter than 40 + 14 refused");

	tap_eq(sap_msg_enc_data_hdr(buf, sizeof(buf), 1, 13), -SAP_R_DATA_TOO_SHORT,
	       "encoder refuses a 13-byte frame");
	tap_eq(sap_msg_enc_data_hdr(buf, sizeof(buf), 1, 65536), -SAP_R_MSG_TOO_BIG,
	       "encoder refuses a frame over 65535");
	tap_eq(sap_msg_enc_data_hdr(buf, sizeof(buf), 1, 65535), 8, "65535-byte frame header");
	tap_eq(sap_msg_enc_cb_data_hdr(buf, sizeof(buf), 1, 65535 - 40 + 1, 0),
	       -SAP_R_MSG_TOO_BIG, "CB encoder: 40 + frame must fit in len");
	tap_eq(sap_msg_enc_cb_data_hdr(buf, sizeof(buf), 1, 65535 - 40, 0), 48,
	       "CB encoder: largest frame");
	tap_eq(sap_msg_enc_cb_data_hdr(buf, sizeof(buf), 1, 10, 0), -SAP_R_DATA_TOO_SHORT,
	       "CB encoder refuses a 10-byte frame");
}

/* upstream bug: > 4096-byte notifications from CSME overflowed the host buffer */
static void test_notif_limit(void)
{
	static unsigned char buf[8192];
	struct sap_msg m;

	memset(buf, 0, sizeof(buf));
	hdr(buf, SAP_MSG_NOTIF_CSME_FILTERS, 4096 - 8, 1);
	tap_eq(dec(buf, 4096, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK,
	       "4096-byte CSME notification accepted");
	hdr(buf, SAP_MSG_NOTIF_CSME_FILTERS, 4097 - 8, 1);
	tap_eq(dec(buf, 4097, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_MSG_TOO_BIG,
	       "4097-byte CSME notification refused");
	hdr(buf, SAP_MSG_NOTIF_NVM, 8000 - 8, 1);
	tap_eq(dec(buf, 8000, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_MSG_TOO_BIG,
	       "8000-byte CSME notification refused");
	hdr(buf, SAP_MSG_NOTIF_BAND_SELECTION, 8000 - 8, 1);
	tap_eq(dec(buf, 8000, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_LEN_MISMATCH,
	       "host notifications: not MSG_TOO_BIG at 8000 (v4 queue is 32768), but not exact");
	hdr(buf, SAP_MSG_DATA_PACKET, 8000 - 8, 1);
	tap_eq(dec(buf, 8000, SAP_DIR_M2H, SAP_QUEUE_DATA, &m), SAP_OK,
	       "CSME data packets are not limited to 4096");
}

static void test_bad_fields(void)
{
	struct sap_conn_params c = { .ssid_len = 3, .ssid = "abc" };
	unsigned char buf[128], cb[128];
	struct sap_msg m;
	int n;

	n = sap_msg_enc_conn_status(buf, sizeof(buf), 1, 0, 0, &c);
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK, "CONN_STATUS baseline");
	buf[16] = 33;
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_SSID_LEN,
	       "CONN_STATUS ssid_len 33");
	buf[16] = 0;
	buf[19] = 0x80;
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_SSID_LEN,
	       "CONN_STATUS ssid_len 0x80000000");
	buf[19] = 0;
	/* values newer firmware may send: kept and flagged, not rejected */
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK, "CONN_STATUS baseline again");
	tap_ok(!m.new_values, "CONN_STATUS baseline: no new values");
	buf[16 + 36] = 5;
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK,
	       "CONN_STATUS auth mode 5 accepted");
	tap_ok(m.new_values && m.u.conn_status.conn.auth_mode == 5,
	       "auth mode 5 kept and flagged");
	buf[16 + 36] = 0;
	buf[16 + 40] = 3;
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK,
	       "CONN_STATUS cipher 3 accepted");
	tap_ok(m.new_values && m.u.conn_status.conn.pairwise_cipher == 3,
	       "cipher 3 kept and flagged");
	buf[16 + 40] = 0;
	buf[12] = 4;
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK,
	       "CONN_STATUS scan_request bit 2 accepted");
	tap_ok(m.new_values && m.u.conn_status.scan_request == 4,
	       "scan_request 4 kept and flagged");

	n = sap_msg_enc_link_up(buf, sizeof(buf), 1, &c, NULL);
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_OK, "LINK_UP baseline");
	buf[8 + 56 + 1] = 2;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_FIELD,
	       "LINK_UP colloc band 2");
	buf[8 + 56 + 1] = 0;
	buf[8] = 40;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_SSID_LEN,
	       "LINK_UP ssid_len 40");

	n = sap_msg_enc_link_down(buf, sizeof(buf), 1, 1, 0, 0);
	buf[8] = 3;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_FIELD,
	       "LINK_DOWN type 3");
	buf[8] = 1;
	buf[11] = 2;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_FIELD,
	       "LINK_DOWN reason_valid 2");

	n = sap_msg_enc_dw(buf, sizeof(buf), SAP_MSG_NOTIF_NIC_OWNER, 1, 2);
	buf[8] = 3;
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK, "NIC_OWNER 3 accepted");
	tap_ok(m.new_values && m.u.val == 3, "NIC_OWNER 3 kept and flagged");
	n = sap_msg_enc_dw(buf, sizeof(buf), SAP_MSG_NOTIF_RADIO_STATE, 1, 3);
	buf[8] = 4;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_FIELD, "RADIO_STATE 4");
	n = sap_msg_enc_dw(buf, sizeof(buf), SAP_MSG_NOTIF_HOST_SUSPENDS, 1, 0x1f);
	buf[8] = 0x20;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_FIELD,
	       "HOST_SUSPENDS bit 5");
	n = sap_msg_enc_dw(buf, sizeof(buf), SAP_MSG_NOTIF_HOST_RESUMES, 1, 1);
	buf[8] = 2;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_FIELD, "HOST_RESUMES 2");
	n = sap_msg_enc_dw(buf, sizeof(buf), SAP_MSG_NOTIF_AMT_STATE, 1, 0xffffffff);
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK, "AMT_STATE any value");
	tap_eq(m.u.val, 0xffffffff, "AMT_STATE value kept");
	n = sap_msg_enc_pldr_status(buf, sizeof(buf), SAP_MSG_NOTIF_PLDR_ACK, 1, 0, 0);
	buf[12] = 2;
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK,
	       "PLDR_ACK status 2 accepted");
	tap_ok(m.new_values && m.u.pldr.status == 2, "PLDR_ACK status 2 kept and flagged");
	n = sap_msg_enc_pldr_status(buf, sizeof(buf), SAP_MSG_NOTIF_PLDR_END, 1, 0, 0);
	buf[15] = 1;
	tap_eq(dec(buf, n, SAP_DIR_H2M, SAP_QUEUE_NOTIF, &m), SAP_R_BAD_FIELD,
	       "PLDR_END status 0x01000000");

	/* CB data header: reserved words must be zero, data_len consistent */
	n = sap_msg_enc_cb_data_hdr(cb, sizeof(cb), 1, 20, SAP_CB_TX_DHCP_FILT_STATUS);
	memset(cb + n, 0x11, 20);
	tap_eq(dec(cb, 68, SAP_DIR_H2M, SAP_QUEUE_DATA, &m), SAP_OK, "CB_DATA baseline");
	cb[8 + 4 * 3] = 1;
	tap_eq(dec(cb, 68, SAP_DIR_H2M, SAP_QUEUE_DATA, &m), SAP_R_BAD_FIELD,
	       "CB_DATA reserved[3] non-zero");
	cb[8 + 4 * 3] = 0;
	cb[40] = 1;
	tap_eq(dec(cb, 68, SAP_DIR_H2M, SAP_QUEUE_DATA, &m), SAP_R_BAD_FIELD,
	       "CB_DATA reserved2 non-zero");
	cb[40] = 0;
	cb[44] = 21;
	tap_eq(dec(cb, 68, SAP_DIR_H2M, SAP_QUEUE_DATA, &m), SAP_R_LEN_MISMATCH,
	       "CB_DATA data_len disagrees with len");
}

static void test_encoder_checks(void)
{
	static const unsigned short sar[2][5];
	static const unsigned char mac[6];
	struct sap_conn_params c = { .ssid_len = 33 };
	struct sap_nvm_params nvm;
	struct sap_filters f;
	unsigned char buf[2048];
	unsigned int i;

	memset(&nvm, 0, sizeof(nvm));
	memset(&f, 0, sizeof(f));
	tap_eq(sap_msg_enc_empty(buf, sizeof(buf), SAP_MSG_NOTIF_AMT_STATE, 1), -SAP_R_INVAL,
	       "enc_empty refuses a type with payload");
	tap_eq(sap_msg_enc_empty(buf, sizeof(buf), 501, 1), -SAP_R_INVAL,
	       "enc_empty refuses an unknown type");
	tap_eq(sap_msg_enc_empty(buf, sizeof(buf), SAP_MSG_NOTIF_BAND_SELECTION, 1),
	       -SAP_R_INVAL, "BAND_SELECTION has no encoder");
	tap_eq(sap_msg_enc_dw(buf, sizeof(buf), SAP_MSG_NOTIF_PING, 1, 0), -SAP_R_INVAL,
	       "enc_dw refuses PING");
	tap_eq(sap_msg_enc_dw(buf, sizeof(buf), SAP_MSG_NOTIF_NIC_OWNER, 1, 3),
	       -SAP_R_BAD_FIELD, "enc_dw refuses NIC_OWNER 3");
	tap_eq(sap_msg_enc_conn_status(buf, sizeof(buf), 1, 0, 0, &c), -SAP_R_BAD_SSID_LEN,
	       "enc_conn_status refuses ssid_len 33");
	tap_eq(sap_msg_enc_link_up(buf, sizeof(buf), 1, &c, NULL), -SAP_R_BAD_SSID_LEN,
	       "enc_link_up refuses ssid_len 33");
	c.ssid_len = 0;
	c.auth_mode = 2;
	tap_eq(sap_msg_enc_link_up(buf, sizeof(buf), 1, &c, NULL), -SAP_R_BAD_FIELD,
	       "enc_link_up refuses auth mode 2");
	tap_eq(sap_msg_enc_link_down(buf, sizeof(buf), 1, 3, 0, 0), -SAP_R_BAD_FIELD,
	       "enc_link_down refuses type 3");
	tap_eq(sap_msg_enc_pldr_status(buf, sizeof(buf), SAP_MSG_NOTIF_PLDR, 1, 0, 0),
	       -SAP_R_INVAL, "enc_pldr_status refuses PLDR");
	tap_eq(sap_msg_enc_pldr_status(buf, sizeof(buf), SAP_MSG_NOTIF_PLDR_END, 1, 0, 2),
	       -SAP_R_BAD_FIELD, "enc_pldr_status refuses status 2");
	tap_eq(sap_me_enc_start(buf, sizeof(buf), 1, 2), -SAP_R_BAD_VERSION,
	       "START refuses version 2");

	/* every encoder: one byte short => NO_SPACE and nothing written */
	for (i = 0; i < 14; i++) {
		unsigned int need[] = { 8, 12, 72, 76, 16, 20, 16, 28, 468, 1904, 16, 88, 20, 88 };
		int r = 0;

		c.ssid_len = 0;
		c.auth_mode = 0;
		memset(buf, 0x77, sizeof(buf));
		switch (i) {
		case 0: r = sap_msg_enc_empty(buf, need[i] - 1, SAP_MSG_NOTIF_PING, 1); break;
		case 1: r = sap_msg_enc_dw(buf, need[i] - 1, SAP_MSG_NOTIF_AMT_STATE, 1, 1); break;
		case 2: r = sap_msg_enc_conn_status(buf, need[i] - 1, 1, 0, 0, &c); break;
		case 3: r = sap_msg_enc_link_up(buf, need[i] - 1, 1, &c, NULL); break;
		case 4: r = sap_msg_enc_link_down(buf, need[i] - 1, 1, 1, 0, 0); break;
		case 5: r = sap_msg_enc_nic_info(buf, need[i] - 1, 1, mac, mac); break;
		case 6: r = sap_msg_enc_country_code(buf, need[i] - 1, 1, 0, 0, 0); break;
		case 7: r = sap_msg_enc_sar_limits(buf, need[i] - 1, 1, sar); break;
		case 8: r = sap_msg_enc_nvm(buf, need[i] - 1, 1, &nvm); break;
		case 9: r = sap_msg_enc_filters(buf, need[i] - 1, 1, &f); break;
		case 10: r = sap_msg_enc_pldr_status(buf, need[i] - 1, SAP_MSG_NOTIF_PLDR_END, 1,
						     0, 0); break;
		case 11: r = sap_me_enc_start(buf, need[i] - 1, 1, 3); break;
		case 12: r = sap_me_enc_start_ok(buf, need[i] - 1, 1, 3); break;
		case 13: r = sap_me_enc_csa(buf, need[i] - 1, 1); break;
		}
		tap_eq(r, -SAP_R_NO_SPACE, "encoder %u: %u-byte buffer is one byte short", i,
		       need[i] - 1);
		tap_eq(buf[0], 0x77, "encoder %u: nothing written", i);
	}
	tap_eq(sap_msg_enc_data_packet(buf, 8 + 19, 1, buf + 100, 20), -SAP_R_NO_SPACE,
	       "data packet: one byte short");
}

static void test_me(void)
{
	unsigned char buf[128];
	struct sap_me_msg m;
	int n;

	n = sap_me_enc_start(buf, sizeof(buf), 1, 3);
	tap_eq(sap_me_decode(buf, n, SAP_DIR_M2H, &m), SAP_R_WRONG_DIR, "START from CSME");
	tap_eq(sap_me_decode(buf, n - 1, SAP_DIR_H2M, &m), SAP_R_LEN_MISMATCH, "START 87 bytes");
	buf[8] = 87;
	tap_eq(sap_me_decode(buf, n, SAP_DIR_H2M, &m), SAP_R_LEN_MISMATCH, "START len field 87");
	buf[8] = 88;
	buf[24] = 5;
	tap_eq(sap_me_decode(buf, n, SAP_DIR_H2M, &m), SAP_R_BAD_VERSION, "START version 5");
	buf[24] = 3;
	tap_eq(sap_me_decode(buf, n, SAP_DIR_H2M, &m), SAP_OK, "START v3");
	tap_eq(m.version, 3, "START v3 version");

	n = sap_me_enc_start_ok(buf, sizeof(buf), 1, 3);
	tap_eq(sap_me_decode(buf, n, SAP_DIR_H2M, &m), SAP_R_WRONG_DIR, "START_OK from host");
	tap_eq(sap_me_decode(buf, 19, SAP_DIR_M2H, &m), SAP_R_LEN_MISMATCH, "START_OK 19 bytes");
	tap_eq(sap_me_decode(buf, 21, SAP_DIR_M2H, &m), SAP_R_LEN_MISMATCH, "START_OK 21 bytes");
	buf[16] = 2;
	tap_eq(sap_me_decode(buf, n, SAP_DIR_M2H, &m), SAP_R_BAD_VERSION, "START_OK version 2");

	/* the reference host's CSA: 88 bytes, len 0 */
	memset(buf, 0, 88);
	buf[0] = 3;
	buf[4] = 9;
	tap_eq(sap_me_decode(buf, 88, SAP_DIR_H2M, &m), SAP_OK, "reference-style 88-byte CSA");
	tap_eq(sap_me_decode(buf, 11, SAP_DIR_M2H, &m), SAP_R_TRUNC_HDR, "11-byte CSA");
	buf[0] = 4;
	tap_eq(sap_me_decode(buf, 12, SAP_DIR_M2H, &m), SAP_R_UNKNOWN_TYPE, "ME type 4");
}

static void test_round_trip(void)
{
	struct sap_conn_params c = {
		.ssid_len = 32, .auth_mode = SAP_AUTH_MODE_RSNA, .pairwise_cipher =
		SAP_CIPHER_GCMP_256, .channel = 1, .band = 3, .bssid = { 1, 2, 3, 4, 5, 6 },
	};
	struct sap_filters f, g;
	unsigned char buf[2048];
	struct sap_msg m;
	int i, n;

	memset(c.ssid, 'x', 32);
	n = sap_msg_enc_conn_status(buf, sizeof(buf), 77, 5, 2, &c);
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK, "round trip CONN_STATUS");
	tap_ok(!memcmp(&m.u.conn_status.conn, &c, sizeof(c)), "round trip CONN_STATUS fields");

	memset(&f, 0, sizeof(f));
	for (i = 0; i < SAP_MAX_FLEX_FILTERS; i++) {
		f.flex[i].src_port = 1000 + i;
		f.flex[i].dst_port = 40000 + i;
		f.flex[i].flags = 0x3f & (i * 5);
	}
	f.icmpv6_flags = 0xdeadbeef;
	for (i = 0; i < SAP_MAX_ETH_FILTERS; i++) {
		memset(f.eth[i].mac, 0x10 + i, 6);
		f.eth[i].flags = i;
	}
	for (i = 0; i < SAP_MAX_IPV6_FILTERS; i++) {
		memset(f.ipv6[i].addr_lo24, 0x20 + i, 3);
		f.ipv6[i].flags = i;
	}
	f.ipv4_addr = 0x0a000001;
	f.ipv4_flags = 0x3f;
	for (i = 0; i < SAP_MAX_VLAN_FILTERS; i++)
		f.vlan[i] = 0x8000 | (i + 100);
	n = sap_msg_enc_filters(buf, sizeof(buf), 78, &f);
	tap_eq(dec(buf, n, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m), SAP_OK, "round trip FILTERS");
	g = m.u.filters;
	tap_ok(!memcmp(&g, &f, sizeof(f)), "round trip FILTERS fields");
}

int main(void)
{
	tap_start();
	test_reason_strings();
	test_header_checks();
	test_short_payloads();
	test_short_data();
	test_notif_limit();
	test_bad_fields();
	test_encoder_checks();
	test_me();
	test_round_trip();
	return tap_end();
}

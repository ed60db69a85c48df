// SPDX-License-Identifier: GPL-2.0
/*
 * Byte-exact golden vectors for every SAP and ME-level message.
 *
 * Every byte array below was written by hand from the reference layout
 * (little-endian fields, header = type le16 | len le16 | seq le32); none is
 * produced by the code under test. Each vector is checked both ways: the
 * encoder must produce exactly these bytes and the decoder must recover the
 * values they were written from.
 */
#include "sap_test.h"
#include "sap_msg.h"

typedef unsigned char u8_t;

/* ---- payload-less and single-dword messages -------------------------------- */

static const u8_t g_ping[] = { 0x01, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00 };
static const u8_t g_pong[] = { 0x02, 0x00, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00 };
static const u8_t g_amt_state[] = {
	0xf6, 0x01, 0x04, 0x00, 0x12, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00 };
static const u8_t g_own_reply[] = {
	0xf7, 0x01, 0x04, 0x00, 0x13, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00 };
static const u8_t g_taking[] = { 0xf8, 0x01, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00 };
static const u8_t g_ip_refresh[] = { 0xf9, 0x01, 0x00, 0x00, 0x15, 0x00, 0x00, 0x00 };
static const u8_t g_can_release[] = { 0xfa, 0x01, 0x00, 0x00, 0x16, 0x00, 0x00, 0x00 };
static const u8_t g_nic_owner[] = {
	0xff, 0x01, 0x04, 0x00, 0x17, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00 };
static const u8_t g_radio[] = {
	0xe9, 0x03, 0x04, 0x00, 0x1b, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00 };
static const u8_t g_asks[] = { 0xeb, 0x03, 0x00, 0x00, 0x1d, 0x00, 0x00, 0x00 };
static const u8_t g_suspends[] = {
	0xec, 0x03, 0x04, 0x00, 0x1e, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00 };
static const u8_t g_resumes[] = {
	0xed, 0x03, 0x04, 0x00, 0x1f, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00 };
static const u8_t g_goes_down[] = { 0xee, 0x03, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00 };
static const u8_t g_csme_own_conf[] = { 0xef, 0x03, 0x00, 0x00, 0x21, 0x00, 0x00, 0x00 };
static const u8_t g_who_owns[] = { 0xf3, 0x03, 0x00, 0x00, 0x25, 0x00, 0x00, 0x00 };
static const u8_t g_wifidr_down[] = { 0xf4, 0x03, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00 };
static const u8_t g_wifidr_up[] = { 0xf5, 0x03, 0x00, 0x00, 0x27, 0x00, 0x00, 0x00 };
static const u8_t g_host_own_conf[] = { 0xf7, 0x03, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00 };
static const u8_t g_get_nvm[] = { 0xf9, 0x03, 0x00, 0x00, 0x2a, 0x00, 0x00, 0x00 };
static const u8_t g_pldr[] = {
	0x00, 0x04, 0x04, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };

struct simple_vec {
	const char *name;
	unsigned short type;
	unsigned int seq;
	int dw;			/* 1: single dword message */
	unsigned int val;
	enum sap_direction dir;
	const u8_t *bytes;
	unsigned int len;
};

#define SV(n, t, s, dw, v, d, g) { n, t, s, dw, v, d, g, sizeof(g) }

static const struct simple_vec simple[] = {
	SV("PING", SAP_MSG_NOTIF_PING, 0x10, 0, 0, SAP_DIR_M2H, g_ping),
	SV("PONG", SAP_MSG_NOTIF_PONG, 0x11, 0, 0, SAP_DIR_H2M, g_pong),
	SV("AMT_STATE", SAP_MSG_NOTIF_AMT_STATE, 0x12, 1, 1, SAP_DIR_M2H, g_amt_state),
	SV("CSME_REPLY_TO_HOST_OWNERSHIP_REQ", SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ,
	   0x13, 1, 1, SAP_DIR_M2H, g_own_reply),
	SV("CSME_TAKING_OWNERSHIP", SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP, 0x14, 0, 0,
	   SAP_DIR_M2H, g_taking),
	SV("TRIGGER_IP_REFRESH", SAP_MSG_NOTIF_TRIGGER_IP_REFRESH, 0x15, 0, 0, SAP_DIR_M2H,
	   g_ip_refresh),
	SV("CSME_CAN_RELEASE_OWNERSHIP", SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP, 0x16, 0, 0,
	   SAP_DIR_M2H, g_can_release),
	SV("NIC_OWNER", SAP_MSG_NOTIF_NIC_OWNER, 0x17, 1, SAP_NIC_OWNER_ME, SAP_DIR_M2H,
	   g_nic_owner),
	SV("RADIO_STATE", SAP_MSG_NOTIF_RADIO_STATE, 0x1b, 1, 3, SAP_DIR_H2M, g_radio),
	SV("HOST_ASKS_FOR_NIC_OWNERSHIP", SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP, 0x1d, 0, 0,
	   SAP_DIR_H2M, g_asks),
	SV("HOST_SUSPENDS", SAP_MSG_NOTIF_HOST_SUSPENDS, 0x1e, 1,
	   SAP_OFFER_NIC | SAP_HOST_OWNS_NIC, SAP_DIR_H2M, g_suspends),
	SV("HOST_RESUMES", SAP_MSG_NOTIF_HOST_RESUMES, 0x1f, 1, 1, SAP_DIR_H2M, g_resumes),
	SV("HOST_GOES_DOWN", SAP_MSG_NOTIF_HOST_GOES_DOWN, 0x20, 0, 0, SAP_DIR_H2M, g_goes_down),
	SV("CSME_OWNERSHIP_CONFIRMED", SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED, 0x21, 0, 0,
	   SAP_DIR_H2M, g_csme_own_conf),
	SV("WHO_OWNS_NIC", SAP_MSG_NOTIF_WHO_OWNS_NIC, 0x25, 0, 0, SAP_DIR_H2M, g_who_owns),
	SV("WIFIDR_DOWN", SAP_MSG_NOTIF_WIFIDR_DOWN, 0x26, 0, 0, SAP_DIR_H2M, g_wifidr_down),
	SV("WIFIDR_UP", SAP_MSG_NOTIF_WIFIDR_UP, 0x27, 0, 0, SAP_DIR_H2M, g_wifidr_up),
	SV("HOST_OWNERSHIP_CONFIRMED", SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED, 0x28, 0, 0,
	   SAP_DIR_H2M, g_host_own_conf),
	SV("GET_NVM", SAP_MSG_NOTIF_GET_NVM, 0x2a, 0, 0, SAP_DIR_H2M, g_get_nvm),
	SV("PLDR", SAP_MSG_NOTIF_PLDR, 0x2b, 1, 0, SAP_DIR_H2M, g_pldr),
};

static void check_simple(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(simple) / sizeof(simple[0]); i++) {
		const struct simple_vec *v = &simple[i];
		unsigned char buf[64];
		struct sap_msg m;
		void *copy;
		int n;

		memset(buf, 0xa5, sizeof(buf));
		if (v->dw)
			n = sap_msg_enc_dw(buf, sizeof(buf), v->type, v->seq, v->val);
		else
			n = sap_msg_enc_empty(buf, sizeof(buf), v->type, v->seq);
		tap_eq(n, v->len, "%s: encoded length", v->name);
		sap_t_mem(buf, v->bytes, v->len, "%s: encoded bytes match golden", v->name);
		tap_eq(buf[v->len], 0xa5, "%s: nothing written past the message", v->name);

		copy = sap_t_dup(v->bytes, v->len);
		tap_eq(sap_msg_decode(copy, v->len, v->dir, SAP_QUEUE_NOTIF, &m), SAP_OK,
		       "%s: golden decodes", v->name);
		tap_eq(m.type, v->type, "%s: decoded type", v->name);
		tap_eq(m.seq, v->seq, "%s: decoded seq", v->name);
		tap_eq(m.len, v->len - 8, "%s: decoded len", v->name);
		if (v->dw)
			tap_eq(m.u.val, v->val, "%s: decoded value", v->name);
		free(copy);
	}
}

/* ---- structured messages ------------------------------------------------------ */

static const u8_t g_conn_status[72] = {
	0x00, 0x02, 0x40, 0x00, 0x18, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00,				/* link_prot_state */
	0x03, 0x00, 0x00, 0x00,				/* scan_request */
	0x07, 0x00, 0x00, 0x00,				/* ssid_len */
	0x41, 0x4d, 0x54, 0x2d, 0x4e, 0x45, 0x54, 0x00,	/* "AMT-NET" */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x07, 0x00, 0x00, 0x00,				/* RSNA_PSK */
	0x04, 0x00, 0x00, 0x00,				/* CCMP */
	0x24, 0x01, 0x00, 0x00,				/* ch 36, band 1 */
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x00, 0x00,	/* bssid */
};

static const u8_t g_link_up[76] = {
	0xf1, 0x03, 0x44, 0x00, 0x23, 0x00, 0x00, 0x00,
	0x04, 0x00, 0x00, 0x00,				/* ssid_len */
	0x68, 0x6f, 0x6d, 0x65, 0x00, 0x00, 0x00, 0x00,	/* "home" */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x09, 0x00, 0x00, 0x00,				/* SAE */
	0x08, 0x00, 0x00, 0x00,				/* GCMP */
	0x06, 0x00, 0x00, 0x00,				/* ch 6, band 0 */
	0xa0, 0xb1, 0xc2, 0xd3, 0xe4, 0xf5, 0x00, 0x00,	/* bssid */
	0x95, 0x01, 0x00, 0x00,				/* colloc ch 149, band 1 */
	0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x00, 0x00,	/* colloc bssid */
};

static const u8_t g_link_down[16] = {
	0xf2, 0x03, 0x08, 0x00, 0x24, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x01, 0x0f, 0x00, 0x00, 0x00,
};

static const u8_t g_nic_info[20] = {
	0xea, 0x03, 0x0c, 0x00, 0x1c, 0x00, 0x00, 0x00,
	0x02, 0x11, 0x22, 0x33, 0x44, 0x55,
	0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
};

static const u8_t g_country[16] = {
	0xf0, 0x03, 0x08, 0x00, 0x22, 0x00, 0x00, 0x00,
	0x53, 0x55, 0x02, 0x00, 0x3c, 0x00, 0x00, 0x00,
};

static const u8_t g_sar[28] = {
	0xf8, 0x03, 0x14, 0x00, 0x29, 0x00, 0x00, 0x00,
	0x34, 0x12, 0x01, 0x00, 0xff, 0x00, 0x00, 0xff, 0x00, 0x80,
	0x10, 0x00, 0x20, 0x00, 0x30, 0x00, 0x40, 0x00, 0xcd, 0xab,
};

static const u8_t g_pldr_ack[16] = {
	0x06, 0x02, 0x08, 0x00, 0x1a, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
};

static const u8_t g_pldr_end[16] = {
	0x01, 0x04, 0x08, 0x00, 0x2c, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
};

static const u8_t g_band_sel[8] = { 0xe8, 0x03, 0x00, 0x00, 0x30, 0x00, 0x00, 0x00 };

/* NVM: 468 bytes, zero except these hand-placed runs */
static const u8_t g_nvm_hdr[] = {
	0x01, 0x02, 0xcc, 0x01, 0x19, 0x00, 0x00, 0x00,		/* @0 */
	0x02, 0x00, 0x00, 0xaa, 0xbb, 0xcc, 0x02, 0x00,		/* @8 */
	0x78, 0x56, 0x34, 0x12, 0x03, 0x00, 0x00, 0x00,		/* @16 radio_cfg, caps */
	0x0b, 0x0a, 0x00, 0x00,					/* @24 nvm_version */
	0x01, 0x0f, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00,		/* @28 channels[0..1] */
};

static const u8_t g_nvm_last[] = { 0xef, 0xbe, 0xad, 0xde };	/* @464 channels[109] */

/* CSME_FILTERS: 1904 bytes, zero except these runs */
static const u8_t g_filt_hdr[] = { 0xf4, 0x01, 0x68, 0x07, 0x2f, 0x00, 0x00, 0x00 };
static const u8_t g_filt_flex[] = {				/* @1748 */
	0x00, 0x00, 0x42, 0x60, 0x1a, 0x00,	/* TCP dst 16992, ENABLED|IPV4|TCP */
	0x00, 0x00, 0x42, 0x61, 0x1a, 0x00,	/* TCP dst 16993 */
	0x00, 0x00, 0x02, 0x6f, 0x23, 0x00,	/* UDP dst 623, ENABLED|UDP|COPY */
};

static const u8_t g_filt_icmpv6[] = { 0x03, 0x00, 0x00, 0x00 };	/* @1832 */
static const u8_t g_filt_ipv6[] = { 0xaa, 0xbb, 0xcc, 0x02 };	/* @1836 */
static const u8_t g_filt_eth[] = {				/* @1852 */
	0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb, 0x06,	/* ENABLED|COPY */
	0x33, 0x33, 0x00, 0x00, 0x00, 0x01, 0x05,	/* ENABLED|STOP */
};

static const u8_t g_filt_ipv4[] = {				/* @1888 */
	0xc0, 0xa8, 0x01, 0x32, 0x35, 0x00, 0x00, 0x00,
	0x0a, 0x80,						/* vlan[0] @1896 */
};

static const u8_t g_frame[18] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0xde, 0xad, 0xbe, 0xef,
};

static const u8_t g_data_packet[26] = {
	0xd0, 0x07, 0x12, 0x00, 0x2d, 0x00, 0x00, 0x00,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0xde, 0xad, 0xbe, 0xef,
};

static const u8_t g_cb_data[66] = {
	0xd1, 0x07, 0x3a, 0x00, 0x2e, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* reserved[0..1] */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,				/* reserved[6] */
	0x00, 0x00, 0x00, 0x40,				/* to_me_filt_status */
	0x00, 0x00, 0x00, 0x00,				/* reserved2 */
	0x12, 0x00, 0x00, 0x00,				/* data_len */
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0xde, 0xad, 0xbe, 0xef,
};

/* ME-level */
static const u8_t g_me_start[88] = {
	0x01, 0x00, 0x00, 0x00, 0x78, 0x56, 0x34, 0x12, 0x58, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* shared_mem */
	0x00, 0x01, 0x00, 0x08,				/* 0x100, 0x800 */
	0x04,						/* versions[0] */
	/* versions[1..63] zero */
};

static const u8_t g_me_start_ok[20] = {
	0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
};

/* START-sized, zero but for type and seq: len is 0, as the reference host */
static const u8_t g_me_csa[88] = {
	0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};
/* the 12-byte doorbell fwgate used to send: CSME accepts any, not the host */
static const u8_t g_me_csa12[12] = {
	0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00,
};

static void check_bytes(const char *name, const void *got, int n, const void *exp,
			unsigned int len)
{
	tap_eq(n, len, "%s: encoded length", name);
	if (n == (int)len)
		sap_t_mem(got, exp, len, "%s: encoded bytes match golden", name);
	else
		tap_ok(0, "%s: encoded bytes match golden", name);
}

static int decode_golden(const char *name, const void *g, unsigned int len,
			 enum sap_direction dir, enum sap_queue_idx q, struct sap_msg *m)
{
	void *copy = sap_t_dup(g, len);
	enum sap_reason r = sap_msg_decode(copy, len, dir, q, m);

	tap_eq(r, SAP_OK, "%s: golden decodes (%s)", name, sap_reason_str(r));
	/* pointers into the copy are not used after this point */
	free(copy);
	return r == SAP_OK;
}

static void check_conn_status(void)
{
	struct sap_conn_params c = {
		.ssid_len = 7, .ssid = "AMT-NET", .auth_mode = SAP_AUTH_MODE_RSNA_PSK,
		.pairwise_cipher = SAP_CIPHER_CCMP, .channel = 36, .band = 1,
		.bssid = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 },
	};
	unsigned char buf[128];
	struct sap_msg m;
	int n;

	n = sap_msg_enc_conn_status(buf, sizeof(buf), 0x18, 1, 3, &c);
	check_bytes("CSME_CONN_STATUS", buf, n, g_conn_status, sizeof(g_conn_status));
	if (decode_golden("CSME_CONN_STATUS", g_conn_status, sizeof(g_conn_status),
			  SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m)) {
		tap_eq(m.u.conn_status.link_prot_state, 1, "CONN_STATUS link_prot_state");
		tap_eq(m.u.conn_status.scan_request, 3, "CONN_STATUS scan_request");
		tap_eq(m.u.conn_status.conn.ssid_len, 7, "CONN_STATUS ssid_len");
		tap_ok(!memcmp(m.u.conn_status.conn.ssid, "AMT-NET", 7), "CONN_STATUS ssid");
		tap_eq(m.u.conn_status.conn.auth_mode, 7, "CONN_STATUS auth");
		tap_eq(m.u.conn_status.conn.pairwise_cipher, 4, "CONN_STATUS cipher");
		tap_eq(m.u.conn_status.conn.channel, 36, "CONN_STATUS channel");
		tap_eq(m.u.conn_status.conn.band, 1, "CONN_STATUS band");
		tap_eq(m.u.conn_status.conn.bssid[5], 0x55, "CONN_STATUS bssid");
	}
}

static void check_link_up(void)
{
	struct sap_conn_params c = {
		.ssid_len = 4, .ssid = "home", .auth_mode = SAP_AUTH_MODE_SAE,
		.pairwise_cipher = SAP_CIPHER_GCMP, .channel = 6, .band = 0,
		.bssid = { 0xa0, 0xb1, 0xc2, 0xd3, 0xe4, 0xf5 },
	};
	struct sap_colloc_params col = {
		.channel = 149, .band = 1, .bssid = { 0x10, 0x20, 0x30, 0x40, 0x50, 0x60 },
	};
	unsigned char buf[128];
	struct sap_msg m;
	int n;

	n = sap_msg_enc_link_up(buf, sizeof(buf), 0x23, &c, &col);
	check_bytes("HOST_LINK_UP", buf, n, g_link_up, sizeof(g_link_up));
	if (decode_golden("HOST_LINK_UP", g_link_up, sizeof(g_link_up), SAP_DIR_H2M,
			  SAP_QUEUE_NOTIF, &m)) {
		tap_eq(m.u.link_up.conn.ssid_len, 4, "LINK_UP ssid_len");
		tap_ok(!memcmp(m.u.link_up.conn.ssid, "home", 4), "LINK_UP ssid");
		tap_eq(m.u.link_up.conn.auth_mode, 9, "LINK_UP auth");
		tap_eq(m.u.link_up.conn.pairwise_cipher, 8, "LINK_UP cipher");
		tap_eq(m.u.link_up.conn.channel, 6, "LINK_UP channel");
		tap_eq(m.u.link_up.colloc.channel, 149, "LINK_UP colloc channel");
		tap_eq(m.u.link_up.colloc.band, 1, "LINK_UP colloc band");
		tap_eq(m.u.link_up.colloc.bssid[0], 0x10, "LINK_UP colloc bssid");
	}
}

static void check_small_structs(void)
{
	static const unsigned char mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	static const unsigned char nvm_mac[6] = { 0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
	static const unsigned short sar[2][5] = {
		{ 0x1234, 0x0001, 0x00ff, 0xff00, 0x8000 },
		{ 0x0010, 0x0020, 0x0030, 0x0040, 0xabcd },
	};
	unsigned char buf[64];
	struct sap_msg m;
	int n;

	n = sap_msg_enc_link_down(buf, sizeof(buf), 0x24, SAP_LINK_DOWN_TEMPORARY, 1, 15);
	check_bytes("HOST_LINK_DOWN", buf, n, g_link_down, sizeof(g_link_down));
	if (decode_golden("HOST_LINK_DOWN", g_link_down, sizeof(g_link_down), SAP_DIR_H2M,
			  SAP_QUEUE_NOTIF, &m)) {
		tap_eq(m.u.link_down.type, 1, "LINK_DOWN type");
		tap_eq(m.u.link_down.reason_valid, 1, "LINK_DOWN reason_valid");
		tap_eq(m.u.link_down.reason, 15, "LINK_DOWN reason");
	}

	n = sap_msg_enc_nic_info(buf, sizeof(buf), 0x1c, mac, nvm_mac);
	check_bytes("NIC_INFO", buf, n, g_nic_info, sizeof(g_nic_info));
	if (decode_golden("NIC_INFO", g_nic_info, sizeof(g_nic_info), SAP_DIR_H2M,
			  SAP_QUEUE_NOTIF, &m)) {
		tap_ok(!memcmp(m.u.nic_info.mac, mac, 6), "NIC_INFO mac");
		tap_ok(!memcmp(m.u.nic_info.nvm_mac, nvm_mac, 6), "NIC_INFO nvm mac");
	}

	n = sap_msg_enc_country_code(buf, sizeof(buf), 0x22, 0x5553, 2, 60);
	check_bytes("COUNTRY_CODE", buf, n, g_country, sizeof(g_country));
	if (decode_golden("COUNTRY_CODE", g_country, sizeof(g_country), SAP_DIR_H2M,
			  SAP_QUEUE_NOTIF, &m)) {
		tap_eq(m.u.country.mcc, 0x5553, "COUNTRY_CODE mcc");
		tap_eq(m.u.country.source_id, 2, "COUNTRY_CODE source");
		tap_eq(m.u.country.diff_time, 60, "COUNTRY_CODE diff_time");
	}

	n = sap_msg_enc_sar_limits(buf, sizeof(buf), 0x29, sar);
	check_bytes("SAR_LIMITS", buf, n, g_sar, sizeof(g_sar));
	if (decode_golden("SAR_LIMITS", g_sar, sizeof(g_sar), SAP_DIR_H2M, SAP_QUEUE_NOTIF,
			  &m)) {
		tap_eq(m.u.sar[0][0], 0x1234, "SAR [0][0]");
		tap_eq(m.u.sar[0][3], 0xff00, "SAR [0][3]");
		tap_eq(m.u.sar[1][4], 0xabcd, "SAR [1][4]");
	}

	n = sap_msg_enc_pldr_status(buf, sizeof(buf), SAP_MSG_NOTIF_PLDR_ACK, 0x1a, 0, 1);
	check_bytes("PLDR_ACK", buf, n, g_pldr_ack, sizeof(g_pldr_ack));
	if (decode_golden("PLDR_ACK", g_pldr_ack, sizeof(g_pldr_ack), SAP_DIR_M2H,
			  SAP_QUEUE_NOTIF, &m)) {
		tap_eq(m.u.pldr.version, 0, "PLDR_ACK version");
		tap_eq(m.u.pldr.status, SAP_PLDR_STATUS_FAILURE, "PLDR_ACK status");
	}

	n = sap_msg_enc_pldr_status(buf, sizeof(buf), SAP_MSG_NOTIF_PLDR_END, 0x2c, 0, 1);
	check_bytes("PLDR_END", buf, n, g_pldr_end, sizeof(g_pldr_end));
	if (decode_golden("PLDR_END", g_pldr_end, sizeof(g_pldr_end), SAP_DIR_H2M,
			  SAP_QUEUE_NOTIF, &m))
		tap_eq(m.u.pldr.status, 1, "PLDR_END status");

	/* BAND_SELECTION is defined but never sent: decode only */
	if (decode_golden("BAND_SELECTION", g_band_sel, sizeof(g_band_sel), SAP_DIR_H2M,
			  SAP_QUEUE_NOTIF, &m))
		tap_eq(m.type, 1000, "BAND_SELECTION type");
}

static void check_nvm(void)
{
	static unsigned char g[468], buf[512];
	struct sap_nvm_params nvm = {
		.hw_addr = { 0x02, 0x00, 0x00, 0xaa, 0xbb, 0xcc }, .n_hw_addrs = 2,
		.radio_cfg = 0x12345678, .caps = 3, .nvm_version = 0x0a0b,
	};
	struct sap_msg m;
	int n;

	memset(g, 0, sizeof(g));
	memcpy(g, g_nvm_hdr, sizeof(g_nvm_hdr));
	memcpy(g + 464, g_nvm_last, sizeof(g_nvm_last));
	nvm.channels[0] = 0x0f01;
	nvm.channels[1] = 0x0102;
	nvm.channels[109] = 0xdeadbeef;

	n = sap_msg_enc_nvm(buf, sizeof(buf), 0x19, &nvm);
	check_bytes("NVM", buf, n, g, sizeof(g));
	if (decode_golden("NVM", g, sizeof(g), SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m)) {
		tap_eq(m.u.nvm.hw_addr[5], 0xcc, "NVM hw_addr");
		tap_eq(m.u.nvm.n_hw_addrs, 2, "NVM n_hw_addrs");
		tap_eq(m.u.nvm.radio_cfg, 0x12345678, "NVM radio_cfg");
		tap_eq(m.u.nvm.caps, 3, "NVM caps");
		tap_eq(m.u.nvm.nvm_version, 0x0a0b, "NVM version");
		tap_eq(m.u.nvm.channels[0], 0x0f01, "NVM channels[0]");
		tap_eq(m.u.nvm.channels[1], 0x0102, "NVM channels[1]");
		tap_eq(m.u.nvm.channels[108], 0, "NVM channels[108]");
		tap_eq(m.u.nvm.channels[109], 0xdeadbeef, "NVM channels[109]");
	}
}

static void check_filters(void)
{
	static unsigned char g[1904], buf[2048];
	struct sap_filters f;
	struct sap_msg m;
	int n;

	memset(g, 0, sizeof(g));
	memcpy(g, g_filt_hdr, sizeof(g_filt_hdr));
	memcpy(g + 1748, g_filt_flex, sizeof(g_filt_flex));
	memcpy(g + 1832, g_filt_icmpv6, sizeof(g_filt_icmpv6));
	memcpy(g + 1836, g_filt_ipv6, sizeof(g_filt_ipv6));
	memcpy(g + 1852, g_filt_eth, sizeof(g_filt_eth));
	memcpy(g + 1888, g_filt_ipv4, sizeof(g_filt_ipv4));

	memset(&f, 0, sizeof(f));
	f.flex[0].dst_port = 16992;
	f.flex[0].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_IPV4 | SAP_FLEX_FILTER_TCP;
	f.flex[1].dst_port = 16993;
	f.flex[1].flags = f.flex[0].flags;
	f.flex[2].dst_port = 623;
	f.flex[2].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_UDP | SAP_FLEX_FILTER_COPY;
	f.icmpv6_flags = SAP_ICMPV6_FILTER_ENABLED | SAP_ICMPV6_FILTER_COPY;
	f.ipv6[0].addr_lo24[0] = 0xaa;
	f.ipv6[0].addr_lo24[1] = 0xbb;
	f.ipv6[0].addr_lo24[2] = 0xcc;
	f.ipv6[0].flags = SAP_IPV6_ADDR_FILTER_ENABLED;
	memcpy(f.eth[0].mac, "\x01\x00\x5e\x00\x00\xfb", 6);
	f.eth[0].flags = SAP_ETH_FILTER_ENABLED | SAP_ETH_FILTER_COPY;
	memcpy(f.eth[1].mac, "\x33\x33\x00\x00\x00\x01", 6);
	f.eth[1].flags = SAP_ETH_FILTER_ENABLED | SAP_ETH_FILTER_STOP;
	f.ipv4_addr = 0xc0a80132;
	f.ipv4_flags = SAP_IPV4_FILTER_ICMP_PASS | SAP_IPV4_FILTER_ARP_REQ_PASS |
		       SAP_IPV4_FILTER_ARP_RESP_PASS | SAP_IPV4_FILTER_ARP_RESP_COPY;
	f.vlan[0] = SAP_VLAN_FILTER_ENABLED | 10;

	n = sap_msg_enc_filters(buf, sizeof(buf), 0x2f, &f);
	check_bytes("CSME_FILTERS", buf, n, g, sizeof(g));
	if (decode_golden("CSME_FILTERS", g, sizeof(g), SAP_DIR_M2H, SAP_QUEUE_NOTIF, &m)) {
		tap_eq(m.u.filters.flex[0].dst_port, 16992, "FILTERS flex[0] dst port");
		tap_eq(m.u.filters.flex[1].dst_port, 16993, "FILTERS flex[1] dst port");
		tap_eq(m.u.filters.flex[2].dst_port, 623, "FILTERS flex[2] dst port");
		tap_eq(m.u.filters.flex[2].flags, 0x23, "FILTERS flex[2] flags");
		tap_eq(m.u.filters.flex[3].flags, 0, "FILTERS flex[3] disabled");
		tap_eq(m.u.filters.icmpv6_flags, 3, "FILTERS icmpv6 flags");
		tap_eq(m.u.filters.ipv6[0].addr_lo24[2], 0xcc, "FILTERS ipv6 addr");
		tap_eq(m.u.filters.eth[1].mac[0], 0x33, "FILTERS eth[1] mac");
		tap_eq(m.u.filters.eth[1].flags, 5, "FILTERS eth[1] flags");
		tap_eq(m.u.filters.ipv4_addr, 0xc0a80132, "FILTERS ipv4 addr");
		tap_eq(m.u.filters.ipv4_flags, 0x35, "FILTERS ipv4 flags");
		tap_eq(m.u.filters.vlan[0], 0x800a, "FILTERS vlan[0]");
	}
}

static void check_data(void)
{
	unsigned char buf[128], *copy;
	struct sap_msg m;
	int n;

	n = sap_msg_enc_data_packet(buf, sizeof(buf), 0x2d, g_frame, sizeof(g_frame));
	check_bytes("DATA_PACKET", buf, n, g_data_packet, sizeof(g_data_packet));
	n = sap_msg_enc_data_hdr(buf, sizeof(buf), 0x2d, sizeof(g_frame));
	check_bytes("DATA_PACKET header", buf, n, g_data_packet, 8);

	/* the decoded frame pointer must point into the decoded buffer */
	copy = sap_t_dup(g_data_packet, sizeof(g_data_packet));
	tap_eq(sap_msg_decode(copy, sizeof(g_data_packet), SAP_DIR_M2H, SAP_QUEUE_DATA, &m),
	       SAP_OK, "DATA_PACKET golden decodes (M2H)");
	tap_ok(m.u.data.frame == copy + 8, "DATA_PACKET frame points after the header");
	tap_eq(m.u.data.frame_len, 18, "DATA_PACKET frame length");
	tap_eq(sap_msg_decode(copy, sizeof(g_data_packet), SAP_DIR_H2M, SAP_QUEUE_DATA, &m),
	       SAP_OK, "DATA_PACKET golden decodes (H2M)");
	free(copy);

	n = sap_msg_enc_cb_data_hdr(buf, sizeof(buf), 0x2e, sizeof(g_frame),
				    SAP_CB_TX_DHCP_FILT_STATUS);
	if (n > 0)
		memcpy(buf + n, g_frame, sizeof(g_frame));
	check_bytes("CB_DATA_PACKET", buf, n + (int)sizeof(g_frame), g_cb_data,
		    sizeof(g_cb_data));
	copy = sap_t_dup(g_cb_data, sizeof(g_cb_data));
	tap_eq(sap_msg_decode(copy, sizeof(g_cb_data), SAP_DIR_H2M, SAP_QUEUE_DATA, &m),
	       SAP_OK, "CB_DATA_PACKET golden decodes");
	tap_ok(m.u.data.frame == copy + 48, "CB_DATA_PACKET frame points after 48 bytes");
	tap_eq(m.u.data.frame_len, 18, "CB_DATA_PACKET frame length");
	tap_eq(m.u.data.filt_status, 0x40000000, "CB_DATA_PACKET filter status");
	free(copy);
}

static void check_me(void)
{
	unsigned char buf[128];
	struct sap_me_msg m;
	int n;

	memset(buf, 0xa5, sizeof(buf));
	n = sap_me_enc_start(buf, sizeof(buf), 0x12345678, SAP_VERSION_4);
	check_bytes("ME START", buf, n, g_me_start, sizeof(g_me_start));
	tap_eq(sap_me_decode(g_me_start, sizeof(g_me_start), SAP_DIR_H2M, &m), SAP_OK,
	       "ME START golden decodes");
	tap_eq(m.type, 1, "ME START type");
	tap_eq(m.seq, 0x12345678, "ME START seq");
	tap_eq(m.hdr_len, 88, "ME START len");
	tap_eq(m.version, 4, "ME START version");

	n = sap_me_enc_start_ok(buf, sizeof(buf), 2, SAP_VERSION_4);
	check_bytes("ME START_OK", buf, n, g_me_start_ok, sizeof(g_me_start_ok));
	tap_eq(sap_me_decode(g_me_start_ok, sizeof(g_me_start_ok), SAP_DIR_M2H, &m), SAP_OK,
	       "ME START_OK golden decodes");
	tap_eq(m.version, 4, "ME START_OK version");

	n = sap_me_enc_csa(buf, sizeof(buf), 3);
	check_bytes("ME CHECK_SHARED_AREA", buf, n, g_me_csa, sizeof(g_me_csa));
	tap_eq(sap_me_decode(g_me_csa, sizeof(g_me_csa), SAP_DIR_M2H, &m), SAP_OK,
	       "ME CSA golden decodes (from CSME)");
	tap_eq(sap_me_decode(g_me_csa, sizeof(g_me_csa), SAP_DIR_H2M, &m), SAP_OK,
	       "ME CSA golden decodes (from host)");
	tap_eq(m.type, 3, "ME CSA type");
	tap_eq(sap_me_decode(g_me_csa12, sizeof(g_me_csa12), SAP_DIR_M2H, &m), SAP_OK,
	       "ME CSA: 12 bytes from CSME accepted");
	tap_eq(sap_me_decode(g_me_csa12, sizeof(g_me_csa12), SAP_DIR_H2M, &m),
	       SAP_R_LEN_MISMATCH, "ME CSA: 12 bytes from the host rejected");
	memcpy(buf, g_me_csa, sizeof(g_me_csa));
	buf[8] = 88;
	tap_eq(sap_me_decode(buf, sizeof(g_me_csa), SAP_DIR_H2M, &m), SAP_R_LEN_MISMATCH,
	       "ME CSA: len 88 from the host rejected (the reference sends 0)");
}

int main(void)
{
	tap_start();
	check_simple();
	check_conn_status();
	check_link_up();
	check_small_structs();
	check_nvm();
	check_filters();
	check_data();
	check_me();
	return tap_end();
}

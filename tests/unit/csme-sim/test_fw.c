// SPDX-License-Identifier: GPL-2.0
/*
 * The CSME state machine against an in-memory shared area laid out by the
 * host's side of the SAP core: handshake (v4, v3, refusals), every
 * notification the host sends and the replies, ownership in all policies,
 * take / take-force / release / seizing, ping, reset, the data path both
 * ways, DHCP learning, robustness against a corrupt area.
 */
#include <stdio.h>

#include "tap.h"
#include "sim_test.h"

static struct sim S;

static void cfg_default(struct csme_cfg *cfg)
{
	csme_cfg_defaults(cfg);
	cfg->ip = 0x0a4d0002;	/* 10.77.0.2 */
	csme_log_quiet = 1;
}

static uint32_t me_type(const struct dbl *d, int i)
{
	uint32_t t;

	memcpy(&t, d->me[i], 4);
	return le32_to_cpu(t);
}

/* ---- handshake ------------------------------------------------------------- */

static void test_handshake_v4(void)
{
	struct csme_cfg cfg;
	struct sap_me_msg me;
	struct sap_filters f;

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	tap_ok(S.d.n_me >= 1 && S.d.me_len[0] == 20, "START v4 answered by a 20-byte message");
	tap_ok(sap_me_decode(S.d.me[0], (uint32_t)S.d.me_len[0], SAP_DIR_M2H, &me) == SAP_OK &&
	       me.type == SAP_ME_MSG_START_OK && me.version == 4, "it is START_OK selecting v4");
	tap_eq(me_type(&S.d, S.d.n_me - 1), SAP_ME_MSG_CHECK_SHARED_AREA,
	       "a doorbell follows the burst");
	tap_eq(S.d.n_csa, 1, "exactly one doorbell for the whole burst");
	tap_ok(csme_fw_session_up(S.fw), "session up");
	tap_eq(S.fw->cnt[CSME_C_HANDSHAKES], 1, "handshake counted");
	tap_eq(host_next(&S.h, SAP_QUEUE_NOTIF), SAP_OK, "first M2H notification decodes");
	tap_ok(S.h.msg.type == SAP_MSG_NOTIF_AMT_STATE && S.h.msg.u.val == 1,
	       "AMT_STATE(1) first");
	tap_eq(host_next(&S.h, SAP_QUEUE_NOTIF), SAP_OK, "second decodes");
	tap_eq(S.h.msg.type, SAP_MSG_NOTIF_CSME_FILTERS, "CSME_FILTERS second");
	f = S.h.msg.u.filters;
	tap_ok(f.flex[0].dst_port == 16992 && f.flex[0].src_port == 0 &&
	       f.flex[0].flags == (SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_TCP |
				   SAP_FLEX_FILTER_IPV4), "flex[0]: TCP 16992 to our IPv4, no copy");
	tap_ok(f.flex[1].dst_port == 16993 && (f.flex[1].flags & SAP_FLEX_FILTER_ENABLED),
	       "flex[1]: TCP 16993");
	tap_ok(!(f.flex[2].flags & SAP_FLEX_FILTER_ENABLED), "flex list ends after two");
	tap_eq(f.ipv4_addr, 0x0a4d0002, "filter address is --ip");
	tap_eq(f.ipv4_flags, SAP_IPV4_FILTER_ARP_REQ_PASS | SAP_IPV4_FILTER_ARP_REQ_COPY,
	       "ARP requests for us: to CSME and the host");
	tap_eq(host_next(&S.h, SAP_QUEUE_NOTIF), SAP_R_EMPTY, "nothing else (no link-prot)");
	tap_ok(sap_ring_is_empty(&S.h.m2h[SAP_QUEUE_DATA]), "no data");
	sim_fini(&S);
}

static void test_handshake_v3_and_refusals(void)
{
	struct csme_cfg cfg;
	struct sap_me_msg me;

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 3, 3);
	tap_ok(S.d.n_me >= 1 && sap_me_decode(S.d.me[0], 20, SAP_DIR_M2H, &me) == SAP_OK &&
	       me.version == 3, "v3 area, START v3: START_OK v3");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_FILTERS), "filters in the v3 ring");
	sim_fini(&S);

	cfg_default(&cfg);
	cfg.max_version = 3;
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	tap_eq(S.d.n_me_total, 0, "-v 3: START v4 gets no answer");
	tap_eq(S.fw->cnt[CSME_C_START_REFUSED], 1, "refusal counted");
	tap_ok(!csme_fw_session_up(S.fw), "no session");
	sim_fini(&S);

	/* START v4 on a v3-sized area cannot be laid out */
	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 3, 4);
	tap_eq(S.d.n_me_total, 0, "START v4 on a 139264-byte area: no answer");
	tap_eq(S.fw->cnt[CSME_C_START_REFUSED], 1, "refused");
	sim_fini(&S);

	/* START without a mapping */
	cfg_default(&cfg);
	sim_init(&S, &cfg);
	{
		uint8_t b[88];

		sap_me_enc_start(b, sizeof(b), 1, 4);
		csme_fw_me_rx(S.fw, b, 88, 0);
	}
	tap_eq(S.d.n_me_total, 0, "START before any MAP: no answer");
	free(S.fw);
	free(S.net);

	/* malformed ME messages are counted by reason */
	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	{
		uint8_t b[88];

		sap_me_enc_start(b, sizeof(b), 9, 4);
		csme_fw_me_rx(S.fw, b, 87, 0);
		csme_fw_me_rx(S.fw, b, 5, 0);
		b[0] = 7;
		csme_fw_me_rx(S.fw, b, 88, 0);
		sap_me_enc_start_ok(b, sizeof(b), 9, 4);
		csme_fw_me_rx(S.fw, b, 20, 0);
	}
	tap_eq(S.fw->cnt[CSME_C_ME_RX_BAD], 4, "4 bad ME messages counted");
	tap_eq(S.fw->me_rejected[SAP_R_LEN_MISMATCH], 1, "short START: length mismatch");
	tap_eq(S.fw->me_rejected[SAP_R_TRUNC_HDR], 1, "5 bytes: truncated header");
	tap_eq(S.fw->me_rejected[SAP_R_UNKNOWN_TYPE], 1, "type 7: unknown");
	tap_eq(S.fw->me_rejected[SAP_R_WRONG_DIR], 1, "START_OK from the host: wrong direction");
	tap_ok(csme_fw_session_up(S.fw), "session still up");
	sim_fini(&S);
}

static void test_area_check(void)
{
	struct csme_cfg cfg;

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	host_init(&S.h, 4, sap_area_map_size(4));
	S.h.mem[0] ^= 0xff;	/* magic gone */
	csme_fw_map(S.fw, S.h.mem, S.h.size, 1);
	host_start(&S.h, S.fw, 4);
	tap_eq(S.fw->cnt[CSME_C_AREA_CHECK_FAIL], 1, "bad magic counted by the area check");
	tap_ok(csme_fw_session_up(S.fw), "the rings are still usable, session up");
	sim_fini(&S);

	/* our own pointer out of range: the ring cannot be attached */
	cfg_default(&cfg);
	sim_init(&S, &cfg);
	host_init(&S.h, 4, sap_area_map_size(4));
	((struct sap_shared_ctrl *)S.h.mem)->dir[SAP_DIR_H2M].q[SAP_QUEUE_NOTIF].rd_ptr =
		cpu_to_le32(999999);
	csme_fw_map(S.fw, S.h.mem, S.h.size, 1);
	host_start(&S.h, S.fw, 4);
	tap_eq(S.fw->cnt[CSME_C_RING_ATTACH_FAIL], 1, "corrupt rd_ptr: ring attach fails");
	tap_eq(S.d.n_me_total, 0, "and START is not answered");
	sim_fini(&S);
}

/* ---- notifications ------------------------------------------------------------ */

static void test_reports(void)
{
	struct csme_cfg cfg;
	struct sap_conn_params c;
	uint16_t sar[2][5] = { { 1, 2, 3, 4, 5 }, { 6, 7, 8, 9, 10 } };
	static const uint8_t mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	static const uint8_t nvm[6] = { 0x02, 0x66, 0x77, 0x88, 0x99, 0xaa };
	uint8_t b[128];

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	host_discard(&S.h);

	host_empty(&S.h, SAP_MSG_NOTIF_WIFIDR_UP);
	host_dw(&S.h, SAP_MSG_NOTIF_RADIO_STATE, 2);
	host_put(&S.h, SAP_QUEUE_NOTIF, b, sap_msg_enc_nic_info(b, sizeof(b), 1, mac, nvm));
	host_put(&S.h, SAP_QUEUE_NOTIF, b,
		 sap_msg_enc_country_code(b, sizeof(b), 1, 'D' << 8 | 'E', 0, 0));
	host_put(&S.h, SAP_QUEUE_NOTIF, b, sap_msg_enc_sar_limits(b, sizeof(b), 1, sar));
	memset(&c, 0, sizeof(c));
	c.ssid_len = 8;
	memcpy(c.ssid, "other-ap", 8);
	c.auth_mode = SAP_AUTH_MODE_SAE;
	c.pairwise_cipher = SAP_CIPHER_GCMP_256;
	c.channel = 36;
	memcpy(c.bssid, "\x02\x00\x00\x00\x5a\x77", 6);
	host_put(&S.h, SAP_QUEUE_NOTIF, b, sap_msg_enc_link_up(b, sizeof(b), 1, &c, NULL));
	host_csa(&S.h, S.fw);
	tap_eq(S.fw->wifidr, 1, "WIFIDR_UP recorded");
	tap_eq(S.fw->radio_state, 2, "RADIO_STATE 2 recorded");
	tap_ok(S.fw->nic_info_valid && !memcmp(S.fw->nic_mac, mac, 6) &&
	       !memcmp(S.fw->nic_nvm_mac, nvm, 6), "NIC_INFO recorded");
	tap_ok(!memcmp(S.net->mac, mac, 6), "AMT uses the host's MAC");
	tap_ok(S.fw->mcc_valid && S.fw->mcc == ('D' << 8 | 'E'), "COUNTRY_CODE DE");
	tap_ok(S.fw->sar_valid && S.fw->sar[1][4] == 10, "SAR table recorded");
	tap_ok(S.fw->link_up && S.fw->link.channel == 36 && S.fw->link.ssid_len == 8 &&
	       !memcmp(S.fw->link.ssid, "other-ap", 8), "HOST_LINK_UP recorded");
	tap_eq(S.fw->cnt[CSME_C_NOTIF_RX], 6, "6 notifications counted");
	tap_eq(S.fw->rx_type[csme_fw_type_slot(SAP_MSG_NOTIF_RADIO_STATE)], 1,
	       "per-type receive counter");

	host_put(&S.h, SAP_QUEUE_NOTIF, b, sap_msg_enc_link_down(b, sizeof(b), 1, 1, 1, 3));
	host_empty(&S.h, SAP_MSG_NOTIF_WIFIDR_DOWN);
	host_dw(&S.h, SAP_MSG_NOTIF_HOST_SUSPENDS, 9);
	host_empty(&S.h, SAP_MSG_NOTIF_BAND_SELECTION);
	host_csa(&S.h, S.fw);
	tap_ok(!S.fw->link_up && S.fw->link_down_type == 1 && S.fw->link_down_reason == 3,
	       "HOST_LINK_DOWN recorded");
	tap_eq(S.fw->wifidr, 0, "WIFIDR_DOWN recorded");
	/* HOST_SUSPENDS: defined, never sent by the reference host, so
	 * refused and reported as nonconformant (BAND_SELECTION has no
	 * encoder, so nothing was written for it)
	 */
	tap_ok(!S.fw->suspend_known, "HOST_SUSPENDS refused, not recorded");
	tap_eq(S.fw->cnt[CSME_C_NONCONFORM], 1, "HOST_SUSPENDS nonconformant");
	tap_ok(sap_ring_is_empty(&S.h.h2m[SAP_QUEUE_NOTIF]), "H2M notif drained");
	tap_ok(sap_ring_is_empty(&S.h.m2h[SAP_QUEUE_NOTIF]), "none of these is answered");

	/* NVM uses the NVM address */
	host_empty(&S.h, SAP_MSG_NOTIF_GET_NVM);
	host_csa(&S.h, S.fw);
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_NVM), "GET_NVM answered with NVM");
	tap_ok(!memcmp(S.h.msg.u.nvm.hw_addr, nvm, 6) && S.h.msg.u.nvm.n_hw_addrs == 1,
	       "NVM: the NIC's NVM address, one address");
	tap_eq(S.h.msg.u.nvm.caps, SAP_NVM_CAPS_11AX_SUPPORT, "NVM: 11ax");
	{
		int i, all = 1;

		for (i = 0; i < SAP_NVM_NUM_CHANNELS; i++)
			all &= S.h.msg.u.nvm.channels[i] == 1;
		tap_ok(all, "NVM: every channel flag 0x1");
	}

	/* PLDR */
	host_dw(&S.h, SAP_MSG_NOTIF_PLDR, 0);
	host_csa(&S.h, S.fw);
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_PLDR_ACK) &&
	       S.h.msg.u.pldr.status == SAP_PLDR_STATUS_SUCCESS, "PLDR answered PLDR_ACK success");
	tap_ok(S.fw->pldr_active, "PLDR active");
	host_put(&S.h, SAP_QUEUE_NOTIF, b,
		 sap_msg_enc_pldr_status(b, sizeof(b), SAP_MSG_NOTIF_PLDR_END, 1, 0, 1));
	host_csa(&S.h, S.fw);
	tap_ok(!S.fw->pldr_active && S.fw->pldr_end_status == 1, "PLDR_END(1) recorded");

	/* the host's PING (never sent by the reference host): refused */
	host_empty(&S.h, SAP_MSG_NOTIF_PING);
	host_csa(&S.h, S.fw);
	tap_ok(!host_find(&S.h, SAP_MSG_NOTIF_PONG), "PING from the host: refused, no PONG");
	tap_eq(S.fw->cnt[CSME_C_NONCONFORM], 2, "PING from the host: nonconformant");
	sim_fini(&S);
}

static void test_rejects(void)
{
	struct csme_cfg cfg;
	uint8_t p[64] = { 0 };

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	host_discard(&S.h);
	host_raw(&S.h, SAP_QUEUE_NOTIF, 501, p, 4);
	host_raw(&S.h, SAP_QUEUE_NOTIF, SAP_MSG_NOTIF_AMT_STATE, p, 4);
	host_raw(&S.h, SAP_QUEUE_NOTIF, SAP_MSG_NOTIF_NIC_INFO, p, 6);
	host_raw(&S.h, SAP_QUEUE_NOTIF, SAP_MSG_NOTIF_RADIO_STATE, "\x09\0\0\0", 4);
	host_raw(&S.h, SAP_QUEUE_NOTIF, SAP_MSG_DATA_PACKET, p, 20);
	host_raw(&S.h, SAP_QUEUE_DATA, SAP_MSG_DATA_PACKET, p, 13);
	host_raw(&S.h, SAP_QUEUE_DATA, SAP_MSG_NOTIF_WHO_OWNS_NIC, p, 0);
	host_empty(&S.h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
	host_csa(&S.h, S.fw);
	tap_eq(S.fw->rejected.n[SAP_R_UNKNOWN_TYPE], 1, "deprecated 501: unknown type");
	tap_eq(S.fw->rejected.n[SAP_R_WRONG_DIR], 1, "AMT_STATE from the host: wrong direction");
	tap_eq(S.fw->rejected.n[SAP_R_SHORT_PAYLOAD], 1, "6-byte NIC_INFO: short payload");
	tap_eq(S.fw->rejected.n[SAP_R_BAD_FIELD], 1, "RADIO_STATE 9: bad field");
	tap_eq(S.fw->rejected.n[SAP_R_WRONG_QUEUE], 2, "data in notif and notif in data");
	tap_eq(S.fw->rejected.n[SAP_R_DATA_TOO_SHORT], 1, "13-byte frame: too short");
	tap_eq(S.fw->cnt[CSME_C_REJECTED], 7, "7 rejected in all");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_NIC_OWNER), "the valid message after them is handled");
	sim_fini(&S);
}

/* ---- ownership ------------------------------------------------------------------- */

static void test_ownership(void)
{
	struct csme_cfg cfg;
	char msg[160];
	int r;

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	host_discard(&S.h);

	host_empty(&S.h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
	host_csa(&S.h, S.fw);
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_NIC_OWNER) && S.h.msg.u.val == SAP_NIC_OWNER_HOST,
	       "WHO_OWNS_NIC: NIC_OWNER host");

	/* take, confirmed */
	S.fw->now_ms = 1000;
	r = csme_fw_cmd_take(S.fw, false, 1000, msg, sizeof(msg));
	tap_eq(r, 1, "nic take waits for the confirmation");
	csme_fw_flush(S.fw);
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP), "CSME_TAKING_OWNERSHIP sent");
	tap_eq(csme_fw_cmd_take(S.fw, false, 1000, msg, sizeof(msg)), -EBUSY,
	       "a second take while one is pending: EBUSY");
	S.fw->now_ms = 1200;
	host_empty(&S.h, SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED);
	host_csa(&S.h, S.fw);
	tap_ok(S.d.notes[CSME_OP_TAKE] == 1 && S.d.note_err[CSME_OP_TAKE] == 0,
	       "take completed ok: %s", S.d.note_text[CSME_OP_TAKE]);
	tap_eq(S.fw->owner, CSME_OWNER_CSME, "CSME owns the NIC");
	tap_eq(S.d.seizes, 0, "nothing seized");
	host_empty(&S.h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
	host_csa(&S.h, S.fw);
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_NIC_OWNER) && S.h.msg.u.val == SAP_NIC_OWNER_ME,
	       "WHO_OWNS_NIC now: NIC_OWNER ME");
	r = csme_fw_cmd_take(S.fw, false, 1300, msg, sizeof(msg));
	tap_ok(r == 0 && strstr(msg, "already"), "take when owner: ok, already (%s)", msg);

	/* grant */
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
	host_csa(&S.h, S.fw);
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ) &&
	       S.h.msg.u.val == 1, "policy grant: reply 1");
	tap_eq(S.fw->owner, CSME_OWNER_HOST, "owner host after the grant");
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED);
	host_csa(&S.h, S.fw);
	tap_eq(S.fw->owner, CSME_OWNER_HOST, "HOST_OWNERSHIP_CONFIRMED: host");

	/* take, not confirmed: seized after 1000 ms */
	r = csme_fw_cmd_take(S.fw, false, 5000, msg, sizeof(msg));
	csme_fw_tick(S.fw, 5999);
	tap_ok(r == 1 && S.d.seizes == 0 && S.fw->take_pending, "999 ms: still waiting");
	csme_fw_tick(S.fw, 6000);
	tap_eq(S.d.seizes, 1, "1000 ms: hw_owner seized");
	tap_ok(S.d.notes[CSME_OP_TAKE] == 2 && S.d.note_err[CSME_OP_TAKE] == 0 &&
	       strstr(S.d.note_text[CSME_OP_TAKE], "seized"), "take reports: %s",
	       S.d.note_text[CSME_OP_TAKE]);
	tap_eq(S.fw->cnt[CSME_C_SEIZED], 1, "seized counted");
	tap_eq(S.fw->owner, CSME_OWNER_CSME, "owner csme");

	/* deny / ignore */
	csme_fw_cmd_policy(S.fw, CSME_POLICY_DENY, msg, sizeof(msg));
	host_discard(&S.h);
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
	host_csa(&S.h, S.fw);
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ) &&
	       S.h.msg.u.val == 0, "policy deny: reply 0");
	tap_eq(S.fw->owner, CSME_OWNER_CSME, "still csme");
	csme_fw_cmd_policy(S.fw, CSME_POLICY_IGNORE, msg, sizeof(msg));
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
	host_csa(&S.h, S.fw);
	tap_eq(host_next(&S.h, SAP_QUEUE_NOTIF), SAP_R_EMPTY, "policy ignore: no reply");
	tap_eq(S.fw->cnt[CSME_C_OWN_IGNORED], 1, "ignored counted");
	tap_eq(S.fw->cnt[CSME_C_OWN_ASKED], 3, "three requests counted");

	/* release */
	tap_eq(csme_fw_cmd_release(S.fw, msg, sizeof(msg)), 0, "nic release");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP),
	       "CSME_CAN_RELEASE_OWNERSHIP sent");

	/* take-force from host ownership */
	csme_fw_set_owner(S.fw, CSME_OWNER_HOST);
	host_discard(&S.h);
	tap_eq(csme_fw_cmd_take(S.fw, true, 7000, msg, sizeof(msg)), 0, "take-force: done at once");
	tap_ok(S.d.seizes == 2 && S.fw->owner == CSME_OWNER_CSME, "seized first");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP), "then TAKING_OWNERSHIP");
	S.d.seize_ret = -ENODEV;
	tap_eq(csme_fw_cmd_take(S.fw, true, 7000, msg, sizeof(msg)), -ENODEV,
	       "take-force without a NIC: error (%s)", msg);
	sim_fini(&S);
}

static void test_goes_down(void)
{
	struct csme_cfg cfg;
	char msg[160];

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_GOES_DOWN);
	host_csa(&S.h, S.fw);
	tap_ok(sap_ring_is_empty(&S.h.h2m[SAP_QUEUE_NOTIF]), "HOST_GOES_DOWN drained");
	tap_eq(S.fw->cnt[CSME_C_HOST_GOES_DOWN], 1, "counted");
	tap_ok(S.fw->goes_down_seen && !csme_fw_session_up(S.fw), "seen; session over");
	tap_ok(S.fw->owner == CSME_OWNER_CSME && S.d.seizes == 1, "CSME takes the NIC over");
	tap_eq(csme_fw_cmd_ping(S.fw, 0, msg, sizeof(msg)), -ENOTCONN, "no ping after it");
	sim_fini(&S);

	cfg_default(&cfg);
	cfg.goes_down_take = false;
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_GOES_DOWN);
	host_csa(&S.h, S.fw);
	tap_ok(S.fw->owner == CSME_OWNER_HOST && S.d.seizes == 0, "--goes-down keep: owner stays");
	sim_fini(&S);

	/* without a session, take seizes directly */
	cfg_default(&cfg);
	sim_init(&S, &cfg);
	tap_eq(csme_fw_cmd_take(S.fw, false, 0, msg, sizeof(msg)), 0, "take without SAP: %s", msg);
	tap_ok(S.d.seizes == 1 && S.fw->owner == CSME_OWNER_CSME, "seized");
	free(S.fw);
	free(S.net);
}

/* ---- ping, amt, link-prot, reset ----------------------------------------------- */

static void test_commands(void)
{
	struct csme_cfg cfg;
	char msg[160];

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	host_discard(&S.h);

	tap_eq(csme_fw_cmd_ping(S.fw, 100, msg, sizeof(msg)), 1, "ping waits");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_PING), "PING sent");
	S.fw->now_ms = 130;
	host_empty(&S.h, SAP_MSG_NOTIF_PONG);
	host_csa(&S.h, S.fw);
	tap_ok(S.d.notes[CSME_OP_PING] == 1 && !S.d.note_err[CSME_OP_PING],
	       "PONG completes it: %s", S.d.note_text[CSME_OP_PING]);
	tap_ok(S.fw->cnt[CSME_C_PINGS] == 1 && S.fw->cnt[CSME_C_PONGS] == 1, "counted");
	csme_fw_cmd_ping(S.fw, 200, msg, sizeof(msg));
	csme_fw_tick(S.fw, 1200);
	tap_ok(S.d.notes[CSME_OP_PING] == 2 && S.d.note_err[CSME_OP_PING] == -ETIMEDOUT,
	       "no PONG: timeout after 1000 ms");

	host_discard(&S.h);
	csme_fw_set_owner(S.fw, CSME_OWNER_CSME);
	tap_eq(csme_fw_cmd_amt(S.fw, false, msg, sizeof(msg)), 0, "amt off");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_AMT_STATE) && S.h.msg.u.val == 0, "AMT_STATE(0)");
	tap_eq(S.fw->owner, CSME_OWNER_HOST, "without AMT the host owns the NIC");
	tap_eq(csme_fw_cmd_link_prot(S.fw, true, msg, sizeof(msg)), 0, "link-prot on");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_CONN_STATUS) &&
	       S.h.msg.u.conn_status.link_prot_state == 1 &&
	       S.h.msg.u.conn_status.conn.ssid_len > 0, "CSME_CONN_STATUS with link protection");

	/* reset: the rings stay until the unmap so HOST_GOES_DOWN is drained */
	tap_eq(csme_fw_cmd_reset(S.fw, msg, sizeof(msg)), 1, "fw reset waits");
	tap_ok(S.d.resets == 1 && !csme_fw_session_up(S.fw), "reset requested, session over");
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_GOES_DOWN);
	host_csa(&S.h, S.fw);
	tap_ok(sap_ring_is_empty(&S.h.h2m[SAP_QUEUE_NOTIF]), "HOST_GOES_DOWN still drained");
	csme_fw_reset_done(S.fw, 0);
	tap_ok(S.d.notes[CSME_OP_RESET] == 1 && !S.d.note_err[CSME_OP_RESET] &&
	       S.fw->cnt[CSME_C_RESETS] == 1, "reset completion reported and counted");
	csme_fw_unmap(S.fw);
	host_fini(&S.h);
	dbl_clear_me(&S.d);
	sim_connect(&S, 4, 4);
	tap_ok(csme_fw_session_up(S.fw) && S.fw->cnt[CSME_C_HANDSHAKES] == 2,
	       "new area, new handshake");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_AMT_STATE) && S.h.msg.u.val == 0,
	       "config kept: AMT still off");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_CONN_STATUS),
	       "link protection re-announced in the burst");
	csme_fw_attached(S.fw, false);
	tap_eq(csme_fw_cmd_reset(S.fw, msg, sizeof(msg)), -ENOTCONN, "reset when detached: error");
	sim_fini(&S);
}

/* ---- data path --------------------------------------------------------------------- */

static uint16_t csum16(const uint8_t *p, size_t n)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static size_t arp_request(uint8_t *f, const uint8_t *src, uint32_t sip, uint32_t tip)
{
	memset(f, 0, 42);
	memset(f, 0xff, 6);
	memcpy(f + 6, src, 6);
	f[12] = 0x08, f[13] = 0x06;
	f[14] = 0, f[15] = 1, f[16] = 8, f[17] = 0, f[18] = 6, f[19] = 4, f[21] = 1;
	memcpy(f + 22, src, 6);
	f[28] = sip >> 24, f[29] = sip >> 16, f[30] = sip >> 8, f[31] = sip;
	f[38] = tip >> 24, f[39] = tip >> 16, f[40] = tip >> 8, f[41] = tip;
	return 42;
}

static size_t dhcp_request(uint8_t *f, const uint8_t *mac, uint32_t want)
{
	size_t ip = 14, udp = 34, bootp = 42, opt = bootp + 236, len;
	uint16_t c;

	memset(f, 0, 400);
	memset(f, 0xff, 6);
	memcpy(f + 6, mac, 6);
	f[12] = 0x08;
	f[bootp] = 1;
	f[bootp + 1] = 1;
	f[bootp + 2] = 6;
	memcpy(f + bootp + 28, mac, 6);
	f[opt] = 0x63, f[opt + 1] = 0x82, f[opt + 2] = 0x53, f[opt + 3] = 0x63;
	f[opt + 4] = 53, f[opt + 5] = 1, f[opt + 6] = 3;
	f[opt + 7] = 50, f[opt + 8] = 4;
	f[opt + 9] = want >> 24, f[opt + 10] = want >> 16, f[opt + 11] = want >> 8;
	f[opt + 12] = want;
	f[opt + 13] = 255;
	len = opt + 14;
	f[ip] = 0x45;
	f[ip + 2] = (len - ip) >> 8, f[ip + 3] = (len - ip) & 0xff;
	f[ip + 8] = 64, f[ip + 9] = 17;
	memset(f + ip + 16, 0xff, 4);
	c = csum16(f + ip, 20);
	f[ip + 10] = c >> 8, f[ip + 11] = c & 0xff;
	f[udp + 1] = 68, f[udp + 3] = 67;
	f[udp + 4] = (len - udp) >> 8, f[udp + 5] = (len - udp) & 0xff;
	return len;
}

static void test_data(void)
{
	static const uint8_t hmac[6] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
	static const uint8_t peer[6] = { 0x02, 0x01, 0x02, 0x03, 0x04, 0x05 };
	struct csme_cfg cfg;
	uint8_t f[512], b[64];
	size_t n;

	cfg_default(&cfg);
	cfg.ip = 0;		/* learn it */
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	host_discard(&S.h);
	host_put(&S.h, SAP_QUEUE_NOTIF, b, sap_msg_enc_nic_info(b, sizeof(b), 1, hmac, hmac));
	host_csa(&S.h, S.fw);

	n = dhcp_request(f, hmac, 0x0a4d0002);
	tap_eq(host_cb_frame(&S.h, f, (uint32_t)n), 0, "CB_DATA_PACKET with a DHCP request");
	host_csa(&S.h, S.fw);
	tap_eq(S.net->ip, 0x0a4d0002, "AMT address learned from the DHCP request");
	tap_ok(S.fw->cnt[CSME_C_CB_DATA_IN] == 1 && S.fw->cnt[CSME_C_DHCP_LEARNED] == 1,
	       "counted");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_CSME_FILTERS) &&
	       S.h.msg.u.filters.ipv4_addr == 0x0a4d0002, "filters re-sent with the address");

	dbl_clear_me(&S.d);
	n = arp_request(f, peer, 0x0a4d0001, 0x0a4d0002);
	host_frame(&S.h, f, (uint32_t)n);
	host_frame(&S.h, f, (uint32_t)n);
	host_csa(&S.h, S.fw);
	csme_fw_flush(S.fw);
	tap_eq(S.fw->cnt[CSME_C_DATA_IN], 2, "two DATA_PACKETs in");
	tap_eq(S.fw->cnt[CSME_C_DATA_OUT], 2, "two replies out");
	tap_eq(S.d.n_csa, 1, "one doorbell for both");
	tap_eq(host_next(&S.h, SAP_QUEUE_DATA), SAP_OK, "M2H DATA_PACKET decodes");
	tap_ok(S.h.msg.u.data.frame_len == 42 && !memcmp(S.h.msg.u.data.frame, peer, 6) &&
	       !memcmp(S.h.msg.u.data.frame + 6, hmac, 6) && S.h.msg.u.data.frame[21] == 2,
	       "an ARP reply from our MAC to the requester");

	/* amt_net's push (an ACK its peer waits for, in the middle of a
	 * drain) rings the doorbell at once, and only once
	 */
	dbl_clear_me(&S.d);
	host_frame(&S.h, f, (uint32_t)n);
	host_csa(&S.h, S.fw);
	tap_eq(S.d.n_csa, 0, "a reply written during a drain waits for the flush");
	S.net->tx_push(S.net->tx_ctx);
	tap_eq(S.d.n_csa, 1, "a push rings the doorbell before the flush");
	csme_fw_flush(S.fw);
	tap_eq(S.d.n_csa, 1, "the flush has nothing left to ring for");
	host_discard(&S.h);

	/* a frame longer than what crosses the air (a merged frame handed on
	 * whole) is refused as non-conformant, one at the limit is taken
	 */
	{
		static uint8_t big[SAP_ETH_FRAME_MAX + 1];
		uint64_t nc = S.fw->cnt[CSME_C_NONCONFORM], in = S.fw->cnt[CSME_C_DATA_IN];

		memcpy(big, f, n);
		host_frame(&S.h, big, SAP_ETH_FRAME_MAX + 1);
		host_csa(&S.h, S.fw);
		tap_ok(S.fw->cnt[CSME_C_NONCONFORM] == nc + 1 && S.fw->cnt[CSME_C_DATA_IN] == in,
		       "a %u-byte DATA_PACKET is refused as non-conformant", SAP_ETH_FRAME_MAX + 1);
		host_frame(&S.h, big, SAP_ETH_FRAME_MAX);
		host_csa(&S.h, S.fw);
		tap_ok(S.fw->cnt[CSME_C_NONCONFORM] == nc + 1 && S.fw->cnt[CSME_C_DATA_IN] == in + 1,
		       "a %u-byte one is taken", SAP_ETH_FRAME_MAX);
		csme_fw_flush(S.fw);
		host_discard(&S.h);
	}

	/* CSME owns the NIC: replies go to the me port */
	csme_fw_set_owner(S.fw, CSME_OWNER_CSME);
	csme_port_rx(S.fw, f, n);
	tap_ok(S.fw->cnt[CSME_C_ME_PORT_IN] == 1 && S.d.port_frames == 1 &&
	       S.fw->cnt[CSME_C_ME_PORT_OUT] == 1, "me port frame answered on the me port");
	tap_ok(S.d.port_len == 42 && S.d.port_last[21] == 2, "the reply is an ARP reply");
	S.d.port_ret = -ENETDOWN;
	csme_port_rx(S.fw, f, n);
	tap_eq(S.fw->cnt[CSME_C_ME_PORT_DROP], 1, "port send failure counted");

	/* M2H DATA full: counted, never blocks */
	csme_fw_set_owner(S.fw, CSME_OWNER_HOST);
	{
		int i;

		for (i = 0; i < 1000; i++)
			csme_port_rx(S.fw, f, n);
	}
	tap_ok(S.fw->cnt[CSME_C_DATA_OUT_DROP] > 0, "ring full: frames for the host dropped (%llu)",
	       (unsigned long long)S.fw->cnt[CSME_C_DATA_OUT_DROP]);
	tap_ok(S.fw->m2h[SAP_QUEUE_DATA].full_streak > 0, "full streak visible");
	sim_fini(&S);
}

/* ---- a hostile host ------------------------------------------------------------- */

static void test_hostile_host(void)
{
	struct sap_shared_ctrl *ctrl;
	struct csme_cfg cfg;
	uint32_t i;

	cfg_default(&cfg);
	sim_init(&S, &cfg);
	sim_connect(&S, 4, 4);
	ctrl = (struct sap_shared_ctrl *)S.h.mem;

	ctrl->dir[SAP_DIR_H2M].q[SAP_QUEUE_NOTIF].wr_ptr = cpu_to_le32(0xffffffff);
	host_csa(&S.h, S.fw);
	tap_ok(S.fw->h2m[SAP_QUEUE_NOTIF].cnt.n[SAP_R_RING_PTR_RANGE] >= 1,
	       "host wr_ptr out of range: refused and counted");
	ctrl->dir[SAP_DIR_H2M].q[SAP_QUEUE_NOTIF].wr_ptr = cpu_to_le32(0);
	ctrl->dir[SAP_DIR_H2M].q[SAP_QUEUE_NOTIF].rd_ptr = cpu_to_le32(77);
	host_csa(&S.h, S.fw);
	tap_ok(S.fw->h2m[SAP_QUEUE_NOTIF].cnt.n[SAP_R_RING_OWN_PTR] >= 1 &&
	       le32_to_cpu(ctrl->dir[SAP_DIR_H2M].q[SAP_QUEUE_NOTIF].rd_ptr) == 0,
	       "host scribbled our rd_ptr: counted and put back");

	/* a header claiming more than published */
	{
		uint8_t bad[12] = { 0xe9, 0x03, 0xff, 0x00 };

		memcpy(S.h.h2m[SAP_QUEUE_NOTIF].data, bad, sizeof(bad));
		S.h.h2m[SAP_QUEUE_NOTIF].own = 12;
		ctrl->dir[SAP_DIR_H2M].q[SAP_QUEUE_NOTIF].wr_ptr = cpu_to_le32(12);
		host_csa(&S.h, S.fw);
		tap_ok(S.fw->h2m[SAP_QUEUE_NOTIF].cnt.n[SAP_R_RING_OVERRUN] == 1,
		       "overrunning header: discarded and counted");
	}
	/* random garbage everywhere in the rings and pointers */
	for (i = 0; i < 2000; i++) {
		uint64_t st = i * 0x9e3779b97f4a7c15ULL + 1;
		uint32_t off = (uint32_t)(csme_rand(&st) % S.h.size);

		S.h.mem[off] = (uint8_t)csme_rand(&st);
		if (i % 50 == 0)
			host_csa(&S.h, S.fw);
	}
	csme_fw_tick(S.fw, 10);
	tap_ok(1, "2000 random byte writes over the area: still alive");
	sim_fini(&S);
}

int main(void)
{
	tap_start();
	test_handshake_v4();
	test_handshake_v3_and_refusals();
	test_area_check();
	test_reports();
	test_rejects();
	test_ownership();
	test_goes_down();
	test_commands();
	test_data();
	test_hostile_host();
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Pins every size, offset and numeric value of the SAP wire format against
 * the reference (docs/sap-core.md, shared/reference/sap.md) and prints them.
 */
#include "sap_test.h"
#include "sap_wire.h"
#include "sap_area.h"

#define PIN_SIZE(t, n) \
	tap_eq(sizeof(struct t), n, "sizeof(struct " #t ") = %zu", sizeof(struct t))
#define PIN_OFF(t, f, n) \
	tap_eq(offsetof(struct t, f), n, "offsetof(" #t ", " #f ") = %zu", offsetof(struct t, f))
#define PIN_VAL(c, n) \
	tap_eq((long long)(c), n, #c " = %lld (0x%llx)", (long long)(c), (unsigned long long)(c))

static void pin_me(void)
{
	static const unsigned char uuid[16] = SAP_MEI_UUID_BYTES;
	static const unsigned char uuid_exp[16] = {
		0x04, 0x09, 0x28, 0x13, 0x92, 0x77, 0xcb, 0x4f,
		0xa1, 0xaa, 0x5e, 0x70, 0xcb, 0xb1, 0xe8, 0x65,
	};

	sap_t_mem(uuid, uuid_exp, 16, "MEI client UUID 13280904-7792-4fcb-a1aa-5e70cbb1e865");
	PIN_VAL(SAP_MEI_CL_VERSION_ANY, 0xff);
	PIN_VAL(SAP_MEI_DMA_BUF_ID_WLAN, 1);
	PIN_VAL(SAP_MEI_RX_BUF_SIZE, 100);
	PIN_VAL(SAP_MEI_FW_PAGE_SIZE, 4096);

	PIN_VAL(SAP_ME_MSG_START, 1);
	PIN_VAL(SAP_ME_MSG_START_OK, 2);
	PIN_VAL(SAP_ME_MSG_CHECK_SHARED_AREA, 3);
	PIN_VAL(SAP_ME_INIT_DATA_SEQ_NUM, 0x100);
	PIN_VAL(SAP_ME_INIT_NOTIF_SEQ_NUM, 0x800);
	PIN_VAL(SAP_ME_MAX_VERSIONS, 64);

	PIN_SIZE(sap_me_msg_hdr, 12);
	PIN_OFF(sap_me_msg_hdr, type, 0);
	PIN_OFF(sap_me_msg_hdr, seq_num, 4);
	PIN_OFF(sap_me_msg_hdr, len, 8);
	PIN_SIZE(sap_me_msg_start, 88);
	PIN_OFF(sap_me_msg_start, shared_mem, 12);
	PIN_OFF(sap_me_msg_start, init_data_seq_num, 20);
	PIN_OFF(sap_me_msg_start, init_notif_seq_num, 22);
	PIN_OFF(sap_me_msg_start, supported_versions, 24);
	PIN_SIZE(sap_me_msg_start_ok, 20);
	PIN_OFF(sap_me_msg_start_ok, init_data_seq_num, 12);
	PIN_OFF(sap_me_msg_start_ok, init_notif_seq_num, 14);
	PIN_OFF(sap_me_msg_start_ok, supported_version, 16);
	PIN_OFF(sap_me_msg_start_ok, reserved, 17);
}

static void pin_area(void)
{
	static const struct {
		int d, q;
		unsigned int off3, off4, size3, size4;
	} qs[] = {
		{ SAP_DIR_H2M, SAP_QUEUE_NOTIF, 64, 64, 2240, 32768 },
		{ SAP_DIR_H2M, SAP_QUEUE_DATA, 2304, 32832, 48256, 48256 },
		{ SAP_DIR_M2H, SAP_QUEUE_NOTIF, 50560, 81088, 62720, 62720 },
		{ SAP_DIR_M2H, SAP_QUEUE_DATA, 113280, 143808, 24128, 24128 },
	};
	static const char * const qname[2][2] = {
		{ "H2M NOTIF", "H2M DATA" }, { "M2H NOTIF", "M2H DATA" },
	};
	static __attribute__((aligned(8))) unsigned char mem[SAP_AREA_MAP_SIZE_V4];
	struct sap_area a3, a4;
	unsigned int i;

	PIN_VAL(SAP_VERSION_3, 3);
	PIN_VAL(SAP_VERSION_4, 4);
	PIN_VAL(SAP_CONTROL_BLOCK_ID, 0x21504153);
	PIN_VAL(SAP_H2M_NOTIF_Q_SIZE_V3, 2240);
	PIN_VAL(SAP_H2M_NOTIF_Q_SIZE_V4, 32768);
	PIN_VAL(SAP_H2M_DATA_Q_SIZE, 48256);
	PIN_VAL(SAP_M2H_NOTIF_Q_SIZE, 62720);
	PIN_VAL(SAP_M2H_DATA_Q_SIZE, 24128);
	PIN_VAL(SAP_AREA_RAW_SIZE_V3, 137412);
	PIN_VAL(SAP_AREA_RAW_SIZE_V4, 167940);
	PIN_VAL(SAP_AREA_MAP_SIZE_V3, 139264);
	PIN_VAL(SAP_AREA_MAP_SIZE_V4, 172032);
	PIN_VAL(SAP_DIR_H2M, 0);
	PIN_VAL(SAP_DIR_M2H, 1);
	PIN_VAL(SAP_QUEUE_NOTIF, 0);
	PIN_VAL(SAP_QUEUE_DATA, 1);

	PIN_VAL(sap_area_raw_size(3), 137412);
	PIN_VAL(sap_area_raw_size(4), 167940);
	PIN_VAL(sap_area_map_size(3), 139264);
	PIN_VAL(sap_area_map_size(4), 172032);
	PIN_VAL(sap_area_map_size(3) / 4096, 34);
	PIN_VAL(sap_area_map_size(4) / 4096, 42);
	PIN_VAL(sap_area_raw_size(2), 0);
	PIN_VAL(sap_area_raw_size(5), 0);

	PIN_SIZE(sap_q_ctrl, 12);
	PIN_OFF(sap_q_ctrl, wr_ptr, 0);
	PIN_OFF(sap_q_ctrl, rd_ptr, 4);
	PIN_OFF(sap_q_ctrl, size, 8);
	PIN_SIZE(sap_dir_ctrl, 28);
	PIN_SIZE(sap_shared_ctrl, 64);
	PIN_OFF(sap_shared_ctrl, sap_id, 0);
	PIN_OFF(sap_shared_ctrl, size, 4);
	PIN_OFF(sap_shared_ctrl, dir[0].reserved, 8);
	PIN_OFF(sap_shared_ctrl, dir[0].q[0].wr_ptr, 12);
	PIN_OFF(sap_shared_ctrl, dir[0].q[0].rd_ptr, 16);
	PIN_OFF(sap_shared_ctrl, dir[0].q[0].size, 20);
	PIN_OFF(sap_shared_ctrl, dir[0].q[1].wr_ptr, 24);
	PIN_OFF(sap_shared_ctrl, dir[0].q[1].rd_ptr, 28);
	PIN_OFF(sap_shared_ctrl, dir[0].q[1].size, 32);
	PIN_OFF(sap_shared_ctrl, dir[1].reserved, 36);
	PIN_OFF(sap_shared_ctrl, dir[1].q[0].wr_ptr, 40);
	PIN_OFF(sap_shared_ctrl, dir[1].q[0].rd_ptr, 44);
	PIN_OFF(sap_shared_ctrl, dir[1].q[0].size, 48);
	PIN_OFF(sap_shared_ctrl, dir[1].q[1].wr_ptr, 52);
	PIN_OFF(sap_shared_ctrl, dir[1].q[1].rd_ptr, 56);
	PIN_OFF(sap_shared_ctrl, dir[1].q[1].size, 60);

	tap_eq(sap_area_layout(&a3, mem, sizeof(mem), 3), SAP_OK, "layout v3");
	tap_eq(sap_area_layout(&a4, mem, sizeof(mem), 4), SAP_OK, "layout v4");
	for (i = 0; i < 4; i++) {
		int d = qs[i].d, q = qs[i].q;

		tap_eq(a3.q_off[d][q], qs[i].off3, "v3 %s offset = %u", qname[d][q], a3.q_off[d][q]);
		tap_eq(a4.q_off[d][q], qs[i].off4, "v4 %s offset = %u", qname[d][q], a4.q_off[d][q]);
		tap_eq(a3.q_size[d][q], qs[i].size3, "v3 %s size = %u", qname[d][q], a3.q_size[d][q]);
		tap_eq(a4.q_size[d][q], qs[i].size4, "v4 %s size = %u", qname[d][q], a4.q_size[d][q]);
		tap_eq(sap_area_queue_size(3, d, q), qs[i].size3, "queue_size(3, %s)", qname[d][q]);
		tap_eq(sap_area_queue_size(4, d, q), qs[i].size4, "queue_size(4, %s)", qname[d][q]);
	}
	tap_eq(a3.trailer_off, 137408, "v3 trailer offset = %u", a3.trailer_off);
	tap_eq(a4.trailer_off, 167936, "v4 trailer offset = %u", a4.trailer_off);
}

static void pin_sap_types(void)
{
	PIN_SIZE(sap_hdr, 8);
	PIN_OFF(sap_hdr, type, 0);
	PIN_OFF(sap_hdr, len, 2);
	PIN_OFF(sap_hdr, seq_num, 4);

	PIN_VAL(SAP_MSG_NOTIF_PING, 1);
	PIN_VAL(SAP_MSG_NOTIF_PONG, 2);
	PIN_VAL(SAP_MSG_NOTIF_CSME_FILTERS, 500);
	PIN_VAL(SAP_MSG_NOTIF_AMT_STATE, 502);
	PIN_VAL(SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ, 503);
	PIN_VAL(SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP, 504);
	PIN_VAL(SAP_MSG_NOTIF_TRIGGER_IP_REFRESH, 505);
	PIN_VAL(SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP, 506);
	PIN_VAL(SAP_MSG_NOTIF_NIC_OWNER, 511);
	PIN_VAL(SAP_MSG_NOTIF_CSME_CONN_STATUS, 512);
	PIN_VAL(SAP_MSG_NOTIF_NVM, 513);
	PIN_VAL(SAP_MSG_NOTIF_PLDR_ACK, 518);
	PIN_VAL(SAP_MSG_NOTIF_BAND_SELECTION, 1000);
	PIN_VAL(SAP_MSG_NOTIF_RADIO_STATE, 1001);
	PIN_VAL(SAP_MSG_NOTIF_NIC_INFO, 1002);
	PIN_VAL(SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP, 1003);
	PIN_VAL(SAP_MSG_NOTIF_HOST_SUSPENDS, 1004);
	PIN_VAL(SAP_MSG_NOTIF_HOST_RESUMES, 1005);
	PIN_VAL(SAP_MSG_NOTIF_HOST_GOES_DOWN, 1006);
	PIN_VAL(SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED, 1007);
	PIN_VAL(SAP_MSG_NOTIF_COUNTRY_CODE, 1008);
	PIN_VAL(SAP_MSG_NOTIF_HOST_LINK_UP, 1009);
	PIN_VAL(SAP_MSG_NOTIF_HOST_LINK_DOWN, 1010);
	PIN_VAL(SAP_MSG_NOTIF_WHO_OWNS_NIC, 1011);
	PIN_VAL(SAP_MSG_NOTIF_WIFIDR_DOWN, 1012);
	PIN_VAL(SAP_MSG_NOTIF_WIFIDR_UP, 1013);
	PIN_VAL(SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED, 1015);
	PIN_VAL(SAP_MSG_NOTIF_SAR_LIMITS, 1016);
	PIN_VAL(SAP_MSG_NOTIF_GET_NVM, 1017);
	PIN_VAL(SAP_MSG_NOTIF_PLDR, 1024);
	PIN_VAL(SAP_MSG_NOTIF_PLDR_END, 1025);
	PIN_VAL(SAP_MSG_DATA_PACKET, 2000);
	PIN_VAL(SAP_MSG_CB_DATA_PACKET, 2001);
	PIN_VAL(SAP_MSG_NOTIF_FROM_CSME_MIN, 500);
	PIN_VAL(SAP_MSG_NOTIF_FROM_CSME_MAX, 518);
	PIN_VAL(SAP_MSG_NOTIF_FROM_HOST_MIN, 1000);
	PIN_VAL(SAP_MSG_NOTIF_FROM_HOST_MAX, 1025);
	PIN_VAL(SAP_MSG_DATA_MIN, 2000);
	PIN_VAL(SAP_MSG_DATA_MAX, 2001);
	PIN_VAL(SAP_M2H_NOTIF_MAX_LEN, 4096);
}

static void pin_enums(void)
{
	PIN_VAL(SAP_NIC_OWNER_UNKNOWN, 0);
	PIN_VAL(SAP_NIC_OWNER_HOST, 1);
	PIN_VAL(SAP_NIC_OWNER_ME, 2);
	PIN_VAL(SAP_SW_RFKILL_DEASSERTED, 1);
	PIN_VAL(SAP_HW_RFKILL_DEASSERTED, 2);
	PIN_VAL(SAP_RADIO_STATE_ALL, 3);
	PIN_VAL(SAP_OFFER_NIC, 1);
	PIN_VAL(SAP_FILTER_CONFIGURED, 2);
	PIN_VAL(SAP_NLO_CONFIGURED, 4);
	PIN_VAL(SAP_HOST_OWNS_NIC, 8);
	PIN_VAL(SAP_LINK_PROTECTED, 16);
	PIN_VAL(SAP_HOST_SUSPENDS_ALL, 0x1f);
	PIN_VAL(SAP_HOST_RESUMES_REINIT_CTRL, 1);
	PIN_VAL(SAP_LINK_DOWN_NONE, 0);
	PIN_VAL(SAP_LINK_DOWN_TEMPORARY, 1);
	PIN_VAL(SAP_LINK_DOWN_LONG, 2);
	PIN_VAL(SAP_AUTH_MODE_OPEN, 0);
	PIN_VAL(SAP_AUTH_MODE_SHARED, 1);
	PIN_VAL(SAP_AUTH_MODE_WPA, 3);
	PIN_VAL(SAP_AUTH_MODE_WPA_PSK, 4);
	PIN_VAL(SAP_AUTH_MODE_RSNA, 6);
	PIN_VAL(SAP_AUTH_MODE_RSNA_PSK, 7);
	PIN_VAL(SAP_AUTH_MODE_SAE, 9);
	PIN_VAL(SAP_CIPHER_NONE, 0);
	PIN_VAL(SAP_CIPHER_WEP, 1);
	PIN_VAL(SAP_CIPHER_TKIP, 2);
	PIN_VAL(SAP_CIPHER_CCMP, 4);
	PIN_VAL(SAP_CIPHER_GCMP, 8);
	PIN_VAL(SAP_CIPHER_GCMP_256, 9);
	PIN_VAL(SAP_SCAN_REQUEST_FILTERING, 1);
	PIN_VAL(SAP_SCAN_REQUEST_FAST, 2);
	PIN_VAL(SAP_NVM_CAPS_LARI_SUPPORT, 1);
	PIN_VAL(SAP_NVM_CAPS_11AX_SUPPORT, 2);
	PIN_VAL(SAP_PLDR_STATUS_SUCCESS, 0);
	PIN_VAL(SAP_PLDR_STATUS_FAILURE, 1);
	PIN_VAL(SAP_ETH_FILTER_STOP, 1);
	PIN_VAL(SAP_ETH_FILTER_COPY, 2);
	PIN_VAL(SAP_ETH_FILTER_ENABLED, 4);
	PIN_VAL(SAP_FLEX_FILTER_COPY, 1);
	PIN_VAL(SAP_FLEX_FILTER_ENABLED, 2);
	PIN_VAL(SAP_FLEX_FILTER_IPV6, 4);
	PIN_VAL(SAP_FLEX_FILTER_IPV4, 8);
	PIN_VAL(SAP_FLEX_FILTER_TCP, 16);
	PIN_VAL(SAP_FLEX_FILTER_UDP, 32);
	PIN_VAL(SAP_IPV4_FILTER_ICMP_PASS, 1);
	PIN_VAL(SAP_IPV4_FILTER_ICMP_COPY, 2);
	PIN_VAL(SAP_IPV4_FILTER_ARP_REQ_PASS, 4);
	PIN_VAL(SAP_IPV4_FILTER_ARP_REQ_COPY, 8);
	PIN_VAL(SAP_IPV4_FILTER_ARP_RESP_PASS, 16);
	PIN_VAL(SAP_IPV4_FILTER_ARP_RESP_COPY, 32);
	PIN_VAL(SAP_IPV6_ADDR_FILTER_COPY, 1);
	PIN_VAL(SAP_IPV6_ADDR_FILTER_ENABLED, 2);
	PIN_VAL(SAP_ICMPV6_FILTER_ENABLED, 1);
	PIN_VAL(SAP_ICMPV6_FILTER_COPY, 2);
	PIN_VAL(SAP_VLAN_FILTER_VLAN_ID_MSK, 0xfff);
	PIN_VAL(SAP_VLAN_FILTER_ENABLED, 0x8000);
	PIN_VAL(SAP_CB_TX_DHCP_FILT_IDX, 30);
	PIN_VAL(SAP_CB_TX_DHCP_FILT_STATUS, 0x40000000);
	PIN_VAL(SAP_MAX_FLEX_FILTERS, 14);
	PIN_VAL(SAP_MAX_IPV6_FILTERS, 4);
	PIN_VAL(SAP_MAX_ETH_FILTERS, 5);
	PIN_VAL(SAP_MAX_VLAN_FILTERS, 4);
	PIN_VAL(SAP_CB_FILTERS_LEN, 1728);
	PIN_VAL(SAP_MAX_SSID_LEN, 32);
	PIN_VAL(SAP_NVM_NUM_CHANNELS, 110);
}

static void pin_payloads(void)
{
	PIN_SIZE(sap_msg_dw, 12);
	PIN_OFF(sap_msg_dw, val, 8);

	PIN_SIZE(sap_conn_info, 56);
	PIN_OFF(sap_conn_info, ssid_len, 0);
	PIN_OFF(sap_conn_info, ssid, 4);
	PIN_OFF(sap_conn_info, auth_mode, 36);
	PIN_OFF(sap_conn_info, pairwise_cipher, 40);
	PIN_OFF(sap_conn_info, channel, 44);
	PIN_OFF(sap_conn_info, band, 45);
	PIN_OFF(sap_conn_info, reserved, 46);
	PIN_OFF(sap_conn_info, bssid, 48);
	PIN_OFF(sap_conn_info, reserved1, 54);

	PIN_SIZE(sap_notif_conn_status, 72);
	PIN_OFF(sap_notif_conn_status, link_prot_state, 8);
	PIN_OFF(sap_notif_conn_status, scan_request, 12);
	PIN_OFF(sap_notif_conn_status, conn_info, 16);

	PIN_SIZE(sap_notif_host_link_up, 76);
	PIN_OFF(sap_notif_host_link_up, conn_info, 8);
	PIN_OFF(sap_notif_host_link_up, colloc_channel, 64);
	PIN_OFF(sap_notif_host_link_up, colloc_band, 65);
	PIN_OFF(sap_notif_host_link_up, reserved, 66);
	PIN_OFF(sap_notif_host_link_up, colloc_bssid, 68);
	PIN_OFF(sap_notif_host_link_up, reserved1, 74);

	PIN_SIZE(sap_notif_host_link_down, 16);
	PIN_OFF(sap_notif_host_link_down, type, 8);
	PIN_OFF(sap_notif_host_link_down, reserved, 9);
	PIN_OFF(sap_notif_host_link_down, reason_valid, 11);
	PIN_OFF(sap_notif_host_link_down, reason, 12);

	PIN_SIZE(sap_notif_host_nic_info, 20);
	PIN_OFF(sap_notif_host_nic_info, mac_address, 8);
	PIN_OFF(sap_notif_host_nic_info, nvm_address, 14);

	PIN_SIZE(sap_notif_country_code, 16);
	PIN_OFF(sap_notif_country_code, mcc, 8);
	PIN_OFF(sap_notif_country_code, source_id, 10);
	PIN_OFF(sap_notif_country_code, reserved, 11);
	PIN_OFF(sap_notif_country_code, diff_time, 12);

	PIN_SIZE(sap_notif_sar_limits, 28);
	PIN_OFF(sap_notif_sar_limits, sar_chain_info_table, 8);
	PIN_OFF(sap_notif_sar_limits, sar_chain_info_table[1][0], 18);

	PIN_SIZE(sap_nvm, 468);
	PIN_OFF(sap_nvm, hw_addr, 8);
	PIN_OFF(sap_nvm, n_hw_addrs, 14);
	PIN_OFF(sap_nvm, reserved, 15);
	PIN_OFF(sap_nvm, radio_cfg, 16);
	PIN_OFF(sap_nvm, caps, 20);
	PIN_OFF(sap_nvm, nvm_version, 24);
	PIN_OFF(sap_nvm, channels, 28);

	PIN_SIZE(sap_flex_filter, 6);
	PIN_OFF(sap_flex_filter, src_port, 0);
	PIN_OFF(sap_flex_filter, dst_port, 2);
	PIN_OFF(sap_flex_filter, flags, 4);
	PIN_OFF(sap_flex_filter, reserved, 5);
	PIN_SIZE(sap_ipv4_filter, 8);
	PIN_OFF(sap_ipv4_filter, ipv4_addr, 0);
	PIN_OFF(sap_ipv4_filter, flags, 4);
	PIN_SIZE(sap_ipv6_filter, 4);
	PIN_OFF(sap_ipv6_filter, addr_lo24, 0);
	PIN_OFF(sap_ipv6_filter, flags, 3);
	PIN_SIZE(sap_eth_filter, 7);
	PIN_OFF(sap_eth_filter, mac_address, 0);
	PIN_OFF(sap_eth_filter, flags, 6);

	PIN_SIZE(sap_oob_filters, 156);
	PIN_OFF(sap_oob_filters, flex_filters, 0);
	PIN_OFF(sap_oob_filters, icmpv6_flags, 84);
	PIN_OFF(sap_oob_filters, ipv6_filters, 88);
	PIN_OFF(sap_oob_filters, eth_filters, 104);
	PIN_OFF(sap_oob_filters, reserved, 139);
	PIN_OFF(sap_oob_filters, ipv4_filter, 140);
	PIN_OFF(sap_oob_filters, vlan, 148);

	PIN_SIZE(sap_csme_filters, 1904);
	PIN_OFF(sap_csme_filters, mode, 8);
	PIN_OFF(sap_csme_filters, mac_address, 12);
	PIN_OFF(sap_csme_filters, reserved, 18);
	PIN_OFF(sap_csme_filters, cbfilters, 20);
	PIN_OFF(sap_csme_filters, filters, 1748);

	PIN_SIZE(sap_pldr_req, 12);
	PIN_OFF(sap_pldr_req, version, 8);
	PIN_SIZE(sap_pldr_end, 16);
	PIN_OFF(sap_pldr_end, version, 8);
	PIN_OFF(sap_pldr_end, status, 12);
	PIN_SIZE(sap_pldr_ack, 16);
	PIN_OFF(sap_pldr_ack, version, 8);
	PIN_OFF(sap_pldr_ack, status, 12);

	PIN_SIZE(sap_cb_data, 48);
	PIN_OFF(sap_cb_data, reserved, 8);
	PIN_OFF(sap_cb_data, to_me_filt_status, 36);
	PIN_OFF(sap_cb_data, reserved2, 40);
	PIN_OFF(sap_cb_data, data_len, 44);
}

int main(void)
{
	tap_start();
	pin_me();
	pin_area();
	pin_sap_types();
	pin_enums();
	pin_payloads();
	return tap_end();
}

/* SPDX-License-Identifier: GPL-2.0 */
/* Encoding and decoding of SAP and ME-level messages.
 *
 * Encoders build complete messages (header included) into a caller buffer
 * and return the number of bytes written, or a negated &enum sap_reason.
 * They refuse to produce anything the matching decoder would reject.
 *
 * Decoders take a private copy of one complete message, validate its
 * length, type, direction, queue and every field with a defined range, and
 * fill a host-order &struct sap_msg. They never read outside the buffer.
 */
#ifndef SAP_MSG_H
#define SAP_MSG_H

#include "sap_compat.h"
#include "sap_wire.h"
#include "sap_reason.h"
#include "sap_filter.h"

/**
 * struct sap_conn_params - &struct sap_conn_info in host byte order
 * @ssid_len: valid bytes of @ssid, at most 32
 * @ssid: SSID
 * @auth_mode: &enum sap_auth_mode
 * @pairwise_cipher: &enum sap_pairwise_cipher
 * @channel: channel number
 * @band: band
 * @bssid: BSSID
 */
struct sap_conn_params {
	u32 ssid_len;
	u8 ssid[SAP_MAX_SSID_LEN];
	u32 auth_mode;
	u32 pairwise_cipher;
	u8 channel;
	u8 band;
	u8 bssid[SAP_ETH_ALEN];
};

/**
 * struct sap_colloc_params - collocated AP of HOST_LINK_UP
 * @channel: channel number
 * @band: 0 for channels up to 14, else 1
 * @bssid: BSSID
 */
struct sap_colloc_params {
	u8 channel;
	u8 band;
	u8 bssid[SAP_ETH_ALEN];
};

/**
 * struct sap_nvm_params - NVM payload in host byte order
 * @hw_addr: first hardware address
 * @n_hw_addrs: number of addresses
 * @radio_cfg: radio configuration
 * @caps: SAP_NVM_CAPS_* bits
 * @nvm_version: NVM version
 * @channels: per channel flag words
 */
struct sap_nvm_params {
	u8 hw_addr[SAP_ETH_ALEN];
	u8 n_hw_addrs;
	u32 radio_cfg;
	u32 caps;
	u32 nvm_version;
	u32 channels[SAP_NVM_NUM_CHANNELS];
};

/**
 * struct sap_msg - a decoded SAP message
 * @type: &enum sap_msg_type
 * @len: payload length from the header
 * @seq: header sequence number
 * @new_values: from CSME, a field held a value this code does not know
 *	(kept as sent; see sap_msg_decode())
 * @payload: payload bytes, inside the buffer given to sap_msg_decode()
 * @u: type specific, host byte order:
 * @u.val: AMT_STATE, CSME_REPLY_TO_HOST_OWNERSHIP_REQ, NIC_OWNER,
 *	RADIO_STATE, HOST_SUSPENDS, HOST_RESUMES; PLDR's version
 * @u.conn_status: CSME_CONN_STATUS
 * @u.conn_status.link_prot_state: non-zero during link protection
 * @u.conn_status.scan_request: SAP_SCAN_REQUEST_* bits
 * @u.conn_status.conn: CSME's connection
 * @u.link_up: HOST_LINK_UP
 * @u.link_up.conn: host's connection
 * @u.link_up.colloc: collocated AP
 * @u.link_down: HOST_LINK_DOWN
 * @u.link_down.type: &enum sap_link_down_type
 * @u.link_down.reason_valid: @u.link_down.reason is meaningful
 * @u.link_down.reason: reason code
 * @u.nic_info: NIC_INFO
 * @u.nic_info.mac: interface address
 * @u.nic_info.nvm_mac: NVM address
 * @u.country: COUNTRY_CODE
 * @u.country.mcc: mobile country code
 * @u.country.source_id: source of the code
 * @u.country.diff_time: age of the information
 * @u.sar: SAR_LIMITS table
 * @u.nvm: NVM
 * @u.pldr: PLDR_END and PLDR_ACK
 * @u.pldr.version: version
 * @u.pldr.status: &enum sap_pldr_status
 * @u.filters: CSME_FILTERS, converted for sap_filter_rx()
 * @u.data: DATA_PACKET and CB_DATA_PACKET
 * @u.data.frame: Ethernet frame, inside the decoded buffer
 * @u.data.frame_len: frame length, at least 14
 * @u.data.filt_status: CB_DATA_PACKET to_me_filt_status, else 0
 */
struct sap_msg {
	u16 type;
	u16 len;
	u32 seq;
	bool new_values;
	const u8 *payload;
	union {
		u32 val;
		struct {
			u32 link_prot_state;
			u32 scan_request;
			struct sap_conn_params conn;
		} conn_status;
		struct {
			struct sap_conn_params conn;
			struct sap_colloc_params colloc;
		} link_up;
		struct {
			u8 type;
			u8 reason_valid;
			u32 reason;
		} link_down;
		struct {
			u8 mac[SAP_ETH_ALEN];
			u8 nvm_mac[SAP_ETH_ALEN];
		} nic_info;
		struct {
			u16 mcc;
			u8 source_id;
			u32 diff_time;
		} country;
		u16 sar[SAP_SAR_NUM_CHAINS][SAP_SAR_NUM_SUBBANDS];
		struct sap_nvm_params nvm;
		struct {
			u32 version;
			u32 status;
		} pldr;
		struct sap_filters filters;
		struct {
			const u8 *frame;
			u32 frame_len;
			u32 filt_status;
		} data;
	} u;
};

/**
 * struct sap_me_msg - a decoded ME-level message
 * @type: &enum sap_me_msg_type
 * @seq: sequence number
 * @hdr_len: the header's len field
 * @version: START: first offered version; START_OK: selected version
 */
struct sap_me_msg {
	u32 type;
	u32 seq;
	u32 hdr_len;
	u8 version;
};

/* message type table queries */
bool sap_msg_type_known(u16 type);
const char *sap_msg_type_name(u16 type);
int sap_msg_type_min_len(u16 type);

/* SAP encoders: return bytes written or -(enum sap_reason) */
int sap_msg_enc_empty(void *buf, u32 buf_len, u16 type, u32 seq);
int sap_msg_enc_dw(void *buf, u32 buf_len, u16 type, u32 seq, u32 val);
int sap_msg_enc_link_up(void *buf, u32 buf_len, u32 seq, const struct sap_conn_params *conn,
			const struct sap_colloc_params *colloc);
int sap_msg_enc_link_down(void *buf, u32 buf_len, u32 seq, u8 type, u8 reason_valid,
			  u32 reason);
int sap_msg_enc_nic_info(void *buf, u32 buf_len, u32 seq, const u8 *mac, const u8 *nvm_mac);
int sap_msg_enc_country_code(void *buf, u32 buf_len, u32 seq, u16 mcc, u8 source_id,
			     u32 diff_time);
int sap_msg_enc_sar_limits(void *buf, u32 buf_len, u32 seq,
			   const u16 table[SAP_SAR_NUM_CHAINS][SAP_SAR_NUM_SUBBANDS]);
int sap_msg_enc_pldr_status(void *buf, u32 buf_len, u16 type, u32 seq, u32 version,
			    u32 status);
int sap_msg_enc_data_hdr(void *buf, u32 buf_len, u32 seq, u32 frame_len);
int sap_msg_enc_cb_data_hdr(void *buf, u32 buf_len, u32 seq, u32 frame_len,
			    u32 filt_status);

/* What only CSME sends, in sap_msg_csme.c (csme-sim and the tests link
 * it; sap_host.ko does not): same return convention.
 */
int sap_msg_enc_conn_status(void *buf, u32 buf_len, u32 seq, u32 link_prot_state,
			    u32 scan_request, const struct sap_conn_params *conn);
int sap_msg_enc_nvm(void *buf, u32 buf_len, u32 seq, const struct sap_nvm_params *nvm);
int sap_msg_enc_filters(void *buf, u32 buf_len, u32 seq, const struct sap_filters *f);
int sap_msg_enc_data_packet(void *buf, u32 buf_len, u32 seq, const u8 *frame,
			    u32 frame_len);
int sap_me_enc_start_ok(void *buf, u32 buf_len, u32 seq, u8 version);

/* SAP decoder */
enum sap_reason sap_msg_decode(const void *buf, u32 len, enum sap_direction dir,
			       enum sap_queue_idx q, struct sap_msg *out);

/* ME-level messages */
int sap_me_enc_start(void *buf, u32 buf_len, u32 seq, u8 version);
int sap_me_enc_csa(void *buf, u32 buf_len, u32 seq);
enum sap_reason sap_me_decode(const void *buf, u32 len, enum sap_direction dir,
			      struct sap_me_msg *out);

#endif /* SAP_MSG_H */

// SPDX-License-Identifier: GPL-2.0
/* Encoders of the messages only CSME sends: START_OK, CSME_CONN_STATUS,
 * NVM, CSME_FILTERS and M2H DATA_PACKETs. The host never builds these, so
 * this file is linked into csme-sim and the tests but not into sap_host.ko
 * (Kbuild.inc: SAP_CSME_OBJS).
 */
#include "sap_msg.h"
#include "sap_msg_enc.h"

/**
 * sap_msg_enc_conn_status() - encode CSME_CONN_STATUS (CSME side)
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @link_prot_state: non-zero during link protection
 * @scan_request: SAP_SCAN_REQUEST_* bits
 * @conn: CSME's connection
 *
 * Return: 72, or a negated reason.
 */
int sap_msg_enc_conn_status(void *buf, u32 buf_len, u32 seq, u32 link_prot_state,
			    u32 scan_request, const struct sap_conn_params *conn)
{
	struct sap_notif_conn_status *m = buf;
	u32 known = SAP_SCAN_REQUEST_FILTERING | SAP_SCAN_REQUEST_FAST;
	int ret;

	ret = sap_enc_conn_begin(buf, buf_len, SAP_MSG_NOTIF_CSME_CONN_STATUS, seq, sizeof(*m),
				 conn, !(scan_request & ~known));
	if (ret)
		return ret;
	m->link_prot_state = cpu_to_le32(link_prot_state);
	m->scan_request = cpu_to_le32(scan_request);
	sap_conn_to_wire(&m->conn_info, conn);
	return sizeof(*m);
}

/**
 * sap_msg_enc_nvm() - encode NVM (CSME side)
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @nvm: NVM contents
 *
 * Return: 468, or a negated reason.
 */
int sap_msg_enc_nvm(void *buf, u32 buf_len, u32 seq, const struct sap_nvm_params *nvm)
{
	struct sap_nvm *m = buf;
	int ret, i;

	if (!nvm)
		return -SAP_R_INVAL;
	ret = sap_enc_begin(buf, buf_len, SAP_MSG_NOTIF_NVM, seq, sizeof(*m));
	if (ret)
		return ret;
	memcpy(m->hw_addr, nvm->hw_addr, SAP_ETH_ALEN);
	m->n_hw_addrs = nvm->n_hw_addrs;
	m->radio_cfg = cpu_to_le32(nvm->radio_cfg);
	m->caps = cpu_to_le32(nvm->caps);
	m->nvm_version = cpu_to_le32(nvm->nvm_version);
	for (i = 0; i < SAP_NVM_NUM_CHANNELS; i++)
		m->channels[i] = cpu_to_le32(nvm->channels[i]);
	return sizeof(*m);
}

/**
 * sap_msg_enc_filters() - encode CSME_FILTERS (CSME side)
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @f: filters; mode, mac_address and cbfilters are left zero
 *
 * Return: 1904, or a negated reason.
 */
int sap_msg_enc_filters(void *buf, u32 buf_len, u32 seq, const struct sap_filters *f)
{
	struct sap_csme_filters *m = buf;
	int ret;

	if (!f)
		return -SAP_R_INVAL;
	ret = sap_enc_begin(buf, buf_len, SAP_MSG_NOTIF_CSME_FILTERS, seq, sizeof(*m));
	if (ret)
		return ret;
	sap_filters_to_wire(&m->filters, f);
	return sizeof(*m);
}

/**
 * sap_msg_enc_data_packet() - encode a complete DATA_PACKET
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @frame: Ethernet frame
 * @frame_len: frame length, at least 14
 *
 * Return: 8 + @frame_len, or a negated reason.
 */
int sap_msg_enc_data_packet(void *buf, u32 buf_len, u32 seq, const u8 *frame,
			    u32 frame_len)
{
	int ret;

	if (!frame)
		return -SAP_R_INVAL;
	ret = sap_msg_enc_data_hdr(buf, buf_len, seq, frame_len);
	if (ret < 0)
		return ret;
	if (buf_len - SAP_HDR_LEN < frame_len)
		return -SAP_R_NO_SPACE;
	memcpy((u8 *)buf + SAP_HDR_LEN, frame, frame_len);
	return SAP_HDR_LEN + frame_len;
}

/**
 * sap_me_enc_start_ok() - encode CSME's START_OK (CSME side)
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: ME sequence number
 * @version: version selected
 *
 * Return: 20, or a negated reason.
 */
int sap_me_enc_start_ok(void *buf, u32 buf_len, u32 seq, u8 version)
{
	struct sap_me_msg_start_ok *m = buf;
	int ret = sap_me_begin(buf, buf_len, SAP_ME_MSG_START_OK, seq, version, sizeof(*m));

	if (ret)
		return ret;
	m->supported_version = version;
	return sizeof(*m);
}

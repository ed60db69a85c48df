// SPDX-License-Identifier: GPL-2.0
/* Encoding and decoding of SAP and ME-level messages (what only CSME
 * sends is encoded in sap_msg_csme.c).
 */
#include "sap_msg.h"
#include "sap_msg_enc.h"
#include "sap_area.h"

#define SAP_PAYLOAD(s)		((u16)(sizeof(struct s) - sizeof(struct sap_hdr)))
#define SAP_CB_EXTRA		((u32)(sizeof(struct sap_cb_data) - sizeof(struct sap_hdr)))
#define SAP_MAX_PAYLOAD		0xffffU

#define SAP_SENT_BY_HOST	BIT(SAP_DIR_H2M)
#define SAP_SENT_BY_CSME	BIT(SAP_DIR_M2H)
#define SAP_SENT_BY_BOTH	(SAP_SENT_BY_HOST | SAP_SENT_BY_CSME)

/* how a type is encoded */
enum sap_shape {
	SAP_SHAPE_EMPTY,	/* header only */
	SAP_SHAPE_DW,		/* header + one le32 */
	SAP_SHAPE_STRUCT,	/* own encoder */
	SAP_SHAPE_DATA,		/* data queue */
	SAP_SHAPE_RAW,		/* defined but never sent, payload not specified */
};

/**
 * struct sap_type_desc - static properties of one message type
 * @type: &enum sap_msg_type
 * @dirs: SAP_SENT_BY_* mask
 * @queue: &enum sap_queue_idx the type travels in
 * @shape: &enum sap_shape
 * @min_len: minimum payload length
 * @name: name for logs
 */
struct sap_type_desc {
	u16 type;
	u8 dirs;
	u8 queue;
	u8 shape;
	u16 min_len;
	const char *name;
};

#define SAP_NOTIF(t, d, s, l) \
	{ SAP_MSG_NOTIF_##t, SAP_SENT_BY_##d, SAP_QUEUE_NOTIF, SAP_SHAPE_##s, l, #t }

static const struct sap_type_desc sap_types[] = {
	/* PING/PONG: group 0-2 is valid both ways; accepting either is harmless */
	SAP_NOTIF(PING, BOTH, EMPTY, 0),
	SAP_NOTIF(PONG, BOTH, EMPTY, 0),

	SAP_NOTIF(CSME_FILTERS, CSME, STRUCT, SAP_PAYLOAD(sap_csme_filters)),
	SAP_NOTIF(AMT_STATE, CSME, DW, SAP_PAYLOAD(sap_msg_dw)),
	SAP_NOTIF(CSME_REPLY_TO_HOST_OWNERSHIP_REQ, CSME, DW, SAP_PAYLOAD(sap_msg_dw)),
	SAP_NOTIF(CSME_TAKING_OWNERSHIP, CSME, EMPTY, 0),
	SAP_NOTIF(TRIGGER_IP_REFRESH, CSME, EMPTY, 0),
	SAP_NOTIF(CSME_CAN_RELEASE_OWNERSHIP, CSME, EMPTY, 0),
	SAP_NOTIF(NIC_OWNER, CSME, DW, SAP_PAYLOAD(sap_msg_dw)),
	SAP_NOTIF(CSME_CONN_STATUS, CSME, STRUCT, SAP_PAYLOAD(sap_notif_conn_status)),
	SAP_NOTIF(NVM, CSME, STRUCT, SAP_PAYLOAD(sap_nvm)),
	SAP_NOTIF(PLDR_ACK, CSME, STRUCT, SAP_PAYLOAD(sap_pldr_ack)),

	SAP_NOTIF(BAND_SELECTION, HOST, RAW, 0),
	SAP_NOTIF(RADIO_STATE, HOST, DW, SAP_PAYLOAD(sap_msg_dw)),
	SAP_NOTIF(NIC_INFO, HOST, STRUCT, SAP_PAYLOAD(sap_notif_host_nic_info)),
	SAP_NOTIF(HOST_ASKS_FOR_NIC_OWNERSHIP, HOST, EMPTY, 0),
	SAP_NOTIF(HOST_SUSPENDS, HOST, DW, SAP_PAYLOAD(sap_msg_dw)),
	SAP_NOTIF(HOST_RESUMES, HOST, DW, SAP_PAYLOAD(sap_msg_dw)),
	SAP_NOTIF(HOST_GOES_DOWN, HOST, EMPTY, 0),
	SAP_NOTIF(CSME_OWNERSHIP_CONFIRMED, HOST, EMPTY, 0),
	SAP_NOTIF(COUNTRY_CODE, HOST, STRUCT, SAP_PAYLOAD(sap_notif_country_code)),
	SAP_NOTIF(HOST_LINK_UP, HOST, STRUCT, SAP_PAYLOAD(sap_notif_host_link_up)),
	SAP_NOTIF(HOST_LINK_DOWN, HOST, STRUCT, SAP_PAYLOAD(sap_notif_host_link_down)),
	SAP_NOTIF(WHO_OWNS_NIC, HOST, EMPTY, 0),
	SAP_NOTIF(WIFIDR_DOWN, HOST, EMPTY, 0),
	SAP_NOTIF(WIFIDR_UP, HOST, EMPTY, 0),
	SAP_NOTIF(HOST_OWNERSHIP_CONFIRMED, HOST, EMPTY, 0),
	SAP_NOTIF(SAR_LIMITS, HOST, STRUCT, SAP_PAYLOAD(sap_notif_sar_limits)),
	SAP_NOTIF(GET_NVM, HOST, EMPTY, 0),
	SAP_NOTIF(PLDR, HOST, DW, SAP_PAYLOAD(sap_pldr_req)),
	SAP_NOTIF(PLDR_END, HOST, STRUCT, SAP_PAYLOAD(sap_pldr_end)),

	{ SAP_MSG_DATA_PACKET, SAP_SENT_BY_BOTH, SAP_QUEUE_DATA, SAP_SHAPE_DATA,
	  SAP_ETH_HLEN, "DATA_PACKET" },
	{ SAP_MSG_CB_DATA_PACKET, SAP_SENT_BY_HOST, SAP_QUEUE_DATA, SAP_SHAPE_DATA,
	  SAP_CB_EXTRA + SAP_ETH_HLEN, "CB_DATA_PACKET" },
};

static const struct sap_type_desc *sap_type_lookup(u16 type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sap_types); i++)
		if (sap_types[i].type == type)
			return &sap_types[i];
	return NULL;
}

/**
 * sap_msg_type_known() - is @type a message type this core handles?
 * @type: SAP message type
 *
 * Return: false for undefined, deprecated and unsupported numbers.
 */
bool sap_msg_type_known(u16 type)
{
	return sap_type_lookup(type);
}

/**
 * sap_msg_type_name() - name of a message type, for logs
 * @type: SAP message type
 *
 * Return: a static string; "UNKNOWN" for unknown types.
 */
const char *sap_msg_type_name(u16 type)
{
	const struct sap_type_desc *d = sap_type_lookup(type);

	return d ? d->name : "UNKNOWN";
}

/**
 * sap_msg_type_min_len() - minimum payload length of a message type
 * @type: SAP message type
 *
 * Return: bytes after the header, or -1 for unknown types.
 */
int sap_msg_type_min_len(u16 type)
{
	const struct sap_type_desc *d = sap_type_lookup(type);

	return d ? d->min_len : -1;
}

/* ---- field validation, shared by encoders and decoders -------------------- */

static bool sap_auth_mode_valid(u32 v)
{
	switch (v) {
	case SAP_AUTH_MODE_OPEN:
	case SAP_AUTH_MODE_SHARED:
	case SAP_AUTH_MODE_WPA:
	case SAP_AUTH_MODE_WPA_PSK:
	case SAP_AUTH_MODE_RSNA:
	case SAP_AUTH_MODE_RSNA_PSK:
	case SAP_AUTH_MODE_SAE:
		return true;
	default:
		return false;
	}
}

static bool sap_cipher_valid(u32 v)
{
	switch (v) {
	case SAP_CIPHER_NONE:
	case SAP_CIPHER_WEP:
	case SAP_CIPHER_TKIP:
	case SAP_CIPHER_CCMP:
	case SAP_CIPHER_GCMP:
	case SAP_CIPHER_GCMP_256:
		return true;
	default:
		return false;
	}
}

static enum sap_reason sap_dw_check(u16 type, u32 val)
{
	switch (type) {
	case SAP_MSG_NOTIF_NIC_OWNER:
		return val <= SAP_NIC_OWNER_ME ? SAP_OK : SAP_R_BAD_FIELD;
	case SAP_MSG_NOTIF_RADIO_STATE:
		return val <= SAP_RADIO_STATE_ALL ? SAP_OK : SAP_R_BAD_FIELD;
	case SAP_MSG_NOTIF_HOST_SUSPENDS:
		return val <= SAP_HOST_SUSPENDS_ALL ? SAP_OK : SAP_R_BAD_FIELD;
	case SAP_MSG_NOTIF_HOST_RESUMES:
		return val <= SAP_HOST_RESUMES_REINIT_CTRL ? SAP_OK : SAP_R_BAD_FIELD;
	default:
		/* AMT_STATE and ownership reply are booleans; PLDR version is free */
		return SAP_OK;
	}
}

static enum sap_reason sap_conn_check(const struct sap_conn_params *c)
{
	if (c->ssid_len > SAP_MAX_SSID_LEN)
		return SAP_R_BAD_SSID_LEN;
	if (!sap_auth_mode_valid(c->auth_mode) || !sap_cipher_valid(c->pairwise_cipher))
		return SAP_R_BAD_FIELD;
	return SAP_OK;
}

void sap_conn_to_wire(struct sap_conn_info *w, const struct sap_conn_params *c)
{
	w->ssid_len = cpu_to_le32(c->ssid_len);
	memcpy(w->ssid, c->ssid, c->ssid_len);
	w->auth_mode = cpu_to_le32(c->auth_mode);
	w->pairwise_cipher = cpu_to_le32(c->pairwise_cipher);
	w->channel = c->channel;
	w->band = c->band;
	memcpy(w->bssid, c->bssid, SAP_ETH_ALEN);
}

static enum sap_reason sap_conn_from_wire(struct sap_conn_params *c,
					  const struct sap_conn_info *w)
{
	c->ssid_len = le32_to_cpu(w->ssid_len);
	c->auth_mode = le32_to_cpu(w->auth_mode);
	c->pairwise_cipher = le32_to_cpu(w->pairwise_cipher);
	c->channel = w->channel;
	c->band = w->band;
	memcpy(c->bssid, w->bssid, SAP_ETH_ALEN);
	if (c->ssid_len > SAP_MAX_SSID_LEN)
		return SAP_R_BAD_SSID_LEN;
	memcpy(c->ssid, w->ssid, c->ssid_len);
	return sap_conn_check(c);
}

/* ---- encoders --------------------------------------------------------------- */

/* Zero @total bytes of @buf and write the header. */
int sap_enc_begin(void *buf, u32 buf_len, u16 type, u32 seq, u32 total)
{
	struct sap_hdr hdr;

	if (!buf)
		return -SAP_R_INVAL;
	if (total - SAP_HDR_LEN > SAP_MAX_PAYLOAD)
		return -SAP_R_MSG_TOO_BIG;
	if (buf_len < total)
		return -SAP_R_NO_SPACE;
	memset(buf, 0, total);
	hdr.type = cpu_to_le16(type);
	hdr.len = cpu_to_le16(total - SAP_HDR_LEN);
	hdr.seq_num = cpu_to_le32(seq);
	memcpy(buf, &hdr, sizeof(hdr));
	return 0;
}

/* Check @conn and the caller's other fields (@fields_ok), in that order,
 * then begin a message that carries a connection.
 */
int sap_enc_conn_begin(void *buf, u32 buf_len, u16 type, u32 seq, u32 total,
		       const struct sap_conn_params *conn, bool fields_ok)
{
	enum sap_reason r;

	if (!conn)
		return -SAP_R_INVAL;
	r = sap_conn_check(conn);
	if (r)
		return -r;
	if (!fields_ok)
		return -SAP_R_BAD_FIELD;
	return sap_enc_begin(buf, buf_len, type, seq, total);
}

/**
 * sap_msg_enc_empty() - encode a message without payload
 * @buf: destination
 * @buf_len: size of @buf
 * @type: a payload-less type (PING, PONG, WHO_OWNS_NIC, GET_NVM, ...)
 * @seq: sequence number
 *
 * Return: 8, or -%SAP_R_INVAL for a type with a payload, -%SAP_R_NO_SPACE.
 */
int sap_msg_enc_empty(void *buf, u32 buf_len, u16 type, u32 seq)
{
	const struct sap_type_desc *d = sap_type_lookup(type);
	int ret;

	if (!d || d->shape != SAP_SHAPE_EMPTY)
		return -SAP_R_INVAL;
	ret = sap_enc_begin(buf, buf_len, type, seq, SAP_HDR_LEN);
	return ret ? ret : (int)SAP_HDR_LEN;
}

/**
 * sap_msg_enc_dw() - encode a single-dword message
 * @buf: destination
 * @buf_len: size of @buf
 * @type: AMT_STATE, CSME_REPLY_TO_HOST_OWNERSHIP_REQ, NIC_OWNER, RADIO_STATE,
 *	HOST_SUSPENDS, HOST_RESUMES or PLDR
 * @seq: sequence number
 * @val: the dword; range checked for NIC_OWNER, RADIO_STATE,
 *	HOST_SUSPENDS and HOST_RESUMES
 *
 * Return: 12, or -%SAP_R_INVAL, -%SAP_R_BAD_FIELD, -%SAP_R_NO_SPACE.
 */
int sap_msg_enc_dw(void *buf, u32 buf_len, u16 type, u32 seq, u32 val)
{
	const struct sap_type_desc *d = sap_type_lookup(type);
	struct sap_msg_dw *m = buf;
	int ret;

	if (!d || d->shape != SAP_SHAPE_DW)
		return -SAP_R_INVAL;
	if (sap_dw_check(type, val))
		return -SAP_R_BAD_FIELD;
	ret = sap_enc_begin(buf, buf_len, type, seq, sizeof(*m));
	if (ret)
		return ret;
	m->val = cpu_to_le32(val);
	return sizeof(*m);
}

/**
 * sap_msg_enc_link_up() - encode HOST_LINK_UP
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @conn: host's connection
 * @colloc: collocated AP, NULL for none (all zero)
 *
 * Return: 76, or a negated reason.
 */
int sap_msg_enc_link_up(void *buf, u32 buf_len, u32 seq, const struct sap_conn_params *conn,
			const struct sap_colloc_params *colloc)
{
	struct sap_notif_host_link_up *m = buf;
	int ret;

	ret = sap_enc_conn_begin(buf, buf_len, SAP_MSG_NOTIF_HOST_LINK_UP, seq, sizeof(*m),
				 conn, !colloc || colloc->band <= 1);
	if (ret)
		return ret;
	sap_conn_to_wire(&m->conn_info, conn);
	if (colloc) {
		m->colloc_channel = colloc->channel;
		m->colloc_band = colloc->band;
		memcpy(m->colloc_bssid, colloc->bssid, SAP_ETH_ALEN);
	}
	return sizeof(*m);
}

/**
 * sap_msg_enc_link_down() - encode HOST_LINK_DOWN
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @type: &enum sap_link_down_type (the host should send TEMPORARY)
 * @reason_valid: 0 or 1
 * @reason: reason code
 *
 * Return: 16, or a negated reason.
 */
int sap_msg_enc_link_down(void *buf, u32 buf_len, u32 seq, u8 type, u8 reason_valid,
			  u32 reason)
{
	struct sap_notif_host_link_down *m = buf;
	int ret;

	if (type > SAP_LINK_DOWN_LONG || reason_valid > 1)
		return -SAP_R_BAD_FIELD;
	ret = sap_enc_begin(buf, buf_len, SAP_MSG_NOTIF_HOST_LINK_DOWN, seq, sizeof(*m));
	if (ret)
		return ret;
	m->type = type;
	m->reason_valid = reason_valid;
	m->reason = cpu_to_le32(reason);
	return sizeof(*m);
}

/**
 * sap_msg_enc_nic_info() - encode NIC_INFO
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @mac: interface address (6 bytes)
 * @nvm_mac: NVM address (6 bytes)
 *
 * Return: 20, or a negated reason.
 */
int sap_msg_enc_nic_info(void *buf, u32 buf_len, u32 seq, const u8 *mac, const u8 *nvm_mac)
{
	struct sap_notif_host_nic_info *m = buf;
	int ret;

	if (!mac || !nvm_mac)
		return -SAP_R_INVAL;
	ret = sap_enc_begin(buf, buf_len, SAP_MSG_NOTIF_NIC_INFO, seq, sizeof(*m));
	if (ret)
		return ret;
	memcpy(m->mac_address, mac, SAP_ETH_ALEN);
	memcpy(m->nvm_address, nvm_mac, SAP_ETH_ALEN);
	return sizeof(*m);
}

/**
 * sap_msg_enc_country_code() - encode COUNTRY_CODE
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @mcc: mobile country code
 * @source_id: source of the code
 * @diff_time: age of the information
 *
 * Return: 16, or a negated reason.
 */
int sap_msg_enc_country_code(void *buf, u32 buf_len, u32 seq, u16 mcc, u8 source_id,
			     u32 diff_time)
{
	struct sap_notif_country_code *m = buf;
	int ret;

	ret = sap_enc_begin(buf, buf_len, SAP_MSG_NOTIF_COUNTRY_CODE, seq, sizeof(*m));
	if (ret)
		return ret;
	m->mcc = cpu_to_le16(mcc);
	m->source_id = source_id;
	m->diff_time = cpu_to_le32(diff_time);
	return sizeof(*m);
}

/**
 * sap_msg_enc_sar_limits() - encode SAR_LIMITS
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: sequence number
 * @table: power limits per chain and sub-band
 *
 * Return: 28, or a negated reason.
 */
int sap_msg_enc_sar_limits(void *buf, u32 buf_len, u32 seq,
			   const u16 table[SAP_SAR_NUM_CHAINS][SAP_SAR_NUM_SUBBANDS])
{
	struct sap_notif_sar_limits *m = buf;
	int ret, c, s;

	if (!table)
		return -SAP_R_INVAL;
	ret = sap_enc_begin(buf, buf_len, SAP_MSG_NOTIF_SAR_LIMITS, seq, sizeof(*m));
	if (ret)
		return ret;
	for (c = 0; c < SAP_SAR_NUM_CHAINS; c++)
		for (s = 0; s < SAP_SAR_NUM_SUBBANDS; s++)
			m->sar_chain_info_table[c][s] = cpu_to_le16(table[c][s]);
	return sizeof(*m);
}

/**
 * sap_msg_enc_pldr_status() - encode PLDR_END (host) or PLDR_ACK (CSME)
 * @buf: destination
 * @buf_len: size of @buf
 * @type: %SAP_MSG_NOTIF_PLDR_END or %SAP_MSG_NOTIF_PLDR_ACK
 * @seq: sequence number
 * @version: version (0)
 * @status: &enum sap_pldr_status
 *
 * Return: 16, or a negated reason.
 */
int sap_msg_enc_pldr_status(void *buf, u32 buf_len, u16 type, u32 seq, u32 version,
			    u32 status)
{
	struct sap_pldr_end *m = buf;
	int ret;

	if (type != SAP_MSG_NOTIF_PLDR_END && type != SAP_MSG_NOTIF_PLDR_ACK)
		return -SAP_R_INVAL;
	if (status > SAP_PLDR_STATUS_FAILURE)
		return -SAP_R_BAD_FIELD;
	ret = sap_enc_begin(buf, buf_len, type, seq, sizeof(*m));
	if (ret)
		return ret;
	m->version = cpu_to_le32(version);
	m->status = cpu_to_le32(status);
	return sizeof(*m);
}

/**
 * sap_msg_enc_data_hdr() - encode the 8-byte header of a DATA_PACKET
 * @buf: destination (8 bytes)
 * @buf_len: size of @buf
 * @seq: sequence number
 * @frame_len: length of the Ethernet frame that will follow the header
 *
 * For sap_ring_write(hdr, 8, frame, frame_len).
 *
 * Return: 8, -%SAP_R_DATA_TOO_SHORT for frames under 14 bytes,
 * -%SAP_R_MSG_TOO_BIG, -%SAP_R_NO_SPACE or -%SAP_R_INVAL.
 */
int sap_msg_enc_data_hdr(void *buf, u32 buf_len, u32 seq, u32 frame_len)
{
	struct sap_hdr hdr;

	if (!buf)
		return -SAP_R_INVAL;
	if (frame_len < SAP_ETH_HLEN)
		return -SAP_R_DATA_TOO_SHORT;
	if (frame_len > SAP_MAX_PAYLOAD)
		return -SAP_R_MSG_TOO_BIG;
	if (buf_len < sizeof(hdr))
		return -SAP_R_NO_SPACE;
	hdr.type = cpu_to_le16(SAP_MSG_DATA_PACKET);
	hdr.len = cpu_to_le16(frame_len);
	hdr.seq_num = cpu_to_le32(seq);
	memcpy(buf, &hdr, sizeof(hdr));
	return sizeof(hdr);
}

/**
 * sap_msg_enc_cb_data_hdr() - encode the 48-byte header of a CB_DATA_PACKET
 * @buf: destination (48 bytes)
 * @buf_len: size of @buf
 * @seq: sequence number
 * @frame_len: length of the Ethernet frame that will follow
 * @filt_status: to_me_filt_status (%SAP_CB_TX_DHCP_FILT_STATUS for DHCP)
 *
 * All reserved words are zeroed.
 *
 * Return: 48, or a negated reason.
 */
int sap_msg_enc_cb_data_hdr(void *buf, u32 buf_len, u32 seq, u32 frame_len,
			    u32 filt_status)
{
	struct sap_cb_data cb;

	if (!buf)
		return -SAP_R_INVAL;
	if (frame_len < SAP_ETH_HLEN)
		return -SAP_R_DATA_TOO_SHORT;
	if (frame_len > SAP_MAX_PAYLOAD - SAP_CB_EXTRA)
		return -SAP_R_MSG_TOO_BIG;
	if (buf_len < sizeof(cb))
		return -SAP_R_NO_SPACE;
	memset(&cb, 0, sizeof(cb));
	cb.hdr.type = cpu_to_le16(SAP_MSG_CB_DATA_PACKET);
	cb.hdr.len = cpu_to_le16(SAP_CB_EXTRA + frame_len);
	cb.hdr.seq_num = cpu_to_le32(seq);
	cb.to_me_filt_status = cpu_to_le32(filt_status);
	cb.data_len = cpu_to_le32(frame_len);
	memcpy(buf, &cb, sizeof(cb));
	return sizeof(cb);
}

/* ---- decoder ---------------------------------------------------------------- */

/* A value outside today's enum from CSME, where newer firmware may use new
 * ones: kept as sent and flagged, not rejected (the reference host does not
 * check these either). Only values that could corrupt state are refused.
 */
static enum sap_reason sap_new_value(struct sap_msg *out, enum sap_reason r)
{
	if (r != SAP_R_BAD_FIELD)
		return r;
	out->new_values = true;
	return SAP_OK;
}

static enum sap_reason sap_decode_struct(const u8 *buf, struct sap_msg *out)
{
	enum sap_reason r;
	int i, c, s;

	switch (out->type) {
	case SAP_MSG_NOTIF_CSME_CONN_STATUS: {
		const struct sap_notif_conn_status *m = (const void *)buf;

		out->u.conn_status.link_prot_state = le32_to_cpu(m->link_prot_state);
		out->u.conn_status.scan_request = le32_to_cpu(m->scan_request);
		if (out->u.conn_status.scan_request &
		    ~(u32)(SAP_SCAN_REQUEST_FILTERING | SAP_SCAN_REQUEST_FAST))
			out->new_values = true;
		r = sap_conn_from_wire(&out->u.conn_status.conn, &m->conn_info);
		return sap_new_value(out, r);
	}
	case SAP_MSG_NOTIF_HOST_LINK_UP: {
		const struct sap_notif_host_link_up *m = (const void *)buf;

		r = sap_conn_from_wire(&out->u.link_up.conn, &m->conn_info);
		if (r)
			return r;
		out->u.link_up.colloc.channel = m->colloc_channel;
		out->u.link_up.colloc.band = m->colloc_band;
		memcpy(out->u.link_up.colloc.bssid, m->colloc_bssid, SAP_ETH_ALEN);
		return m->colloc_band > 1 ? SAP_R_BAD_FIELD : SAP_OK;
	}
	case SAP_MSG_NOTIF_HOST_LINK_DOWN: {
		const struct sap_notif_host_link_down *m = (const void *)buf;

		out->u.link_down.type = m->type;
		out->u.link_down.reason_valid = m->reason_valid;
		out->u.link_down.reason = le32_to_cpu(m->reason);
		if (m->type > SAP_LINK_DOWN_LONG || m->reason_valid > 1)
			return SAP_R_BAD_FIELD;
		return SAP_OK;
	}
	case SAP_MSG_NOTIF_NIC_INFO: {
		const struct sap_notif_host_nic_info *m = (const void *)buf;

		memcpy(out->u.nic_info.mac, m->mac_address, SAP_ETH_ALEN);
		memcpy(out->u.nic_info.nvm_mac, m->nvm_address, SAP_ETH_ALEN);
		return SAP_OK;
	}
	case SAP_MSG_NOTIF_COUNTRY_CODE: {
		const struct sap_notif_country_code *m = (const void *)buf;

		out->u.country.mcc = le16_to_cpu(m->mcc);
		out->u.country.source_id = m->source_id;
		out->u.country.diff_time = le32_to_cpu(m->diff_time);
		return SAP_OK;
	}
	case SAP_MSG_NOTIF_SAR_LIMITS: {
		const struct sap_notif_sar_limits *m = (const void *)buf;

		for (c = 0; c < SAP_SAR_NUM_CHAINS; c++)
			for (s = 0; s < SAP_SAR_NUM_SUBBANDS; s++)
				out->u.sar[c][s] = le16_to_cpu(m->sar_chain_info_table[c][s]);
		return SAP_OK;
	}
	case SAP_MSG_NOTIF_NVM: {
		const struct sap_nvm *m = (const void *)buf;

		memcpy(out->u.nvm.hw_addr, m->hw_addr, SAP_ETH_ALEN);
		out->u.nvm.n_hw_addrs = m->n_hw_addrs;
		out->u.nvm.radio_cfg = le32_to_cpu(m->radio_cfg);
		out->u.nvm.caps = le32_to_cpu(m->caps);
		out->u.nvm.nvm_version = le32_to_cpu(m->nvm_version);
		for (i = 0; i < SAP_NVM_NUM_CHANNELS; i++)
			out->u.nvm.channels[i] = le32_to_cpu(m->channels[i]);
		return SAP_OK;
	}
	case SAP_MSG_NOTIF_CSME_FILTERS: {
		const struct sap_csme_filters *m = (const void *)buf;

		sap_filters_from_wire(&out->u.filters, &m->filters);
		return SAP_OK;
	}
	case SAP_MSG_NOTIF_PLDR_END:
	case SAP_MSG_NOTIF_PLDR_ACK: {
		const struct sap_pldr_end *m = (const void *)buf;

		out->u.pldr.version = le32_to_cpu(m->version);
		out->u.pldr.status = le32_to_cpu(m->status);
		r = out->u.pldr.status > SAP_PLDR_STATUS_FAILURE ? SAP_R_BAD_FIELD : SAP_OK;
		/* PLDR_ACK comes from CSME: anything but success is not one */
		return out->type == SAP_MSG_NOTIF_PLDR_ACK ? sap_new_value(out, r) : r;
	}
	default:
		return SAP_R_UNKNOWN_TYPE;
	}
}

static enum sap_reason sap_decode_data(const u8 *buf, u32 plen, struct sap_msg *out)
{
	const struct sap_cb_data *cb = (const void *)buf;
	int i;

	if (out->type == SAP_MSG_DATA_PACKET) {
		out->u.data.frame = buf + SAP_HDR_LEN;
		out->u.data.frame_len = plen;
		return SAP_OK;
	}

	/* CB_DATA_PACKET: CSME reads the reserved words, they must be zero */
	for (i = 0; i < (int)ARRAY_SIZE(cb->reserved); i++)
		if (cb->reserved[i])
			return SAP_R_BAD_FIELD;
	if (cb->reserved2)
		return SAP_R_BAD_FIELD;
	if (le32_to_cpu(cb->data_len) != plen - SAP_CB_EXTRA)
		return SAP_R_LEN_MISMATCH;
	out->u.data.frame = buf + sizeof(*cb);
	out->u.data.frame_len = plen - SAP_CB_EXTRA;
	out->u.data.filt_status = le32_to_cpu(cb->to_me_filt_status);
	return SAP_OK;
}

/**
 * sap_msg_decode() - validate and decode one SAP message
 * @buf: a private copy of the whole message (header included)
 * @len: bytes at @buf; must equal 8 + the header's len
 * @dir: direction of the queue it came from; %SAP_DIR_M2H when the host
 *	decodes, %SAP_DIR_H2M when the CSME side decodes
 * @q: queue it came from
 * @out: result; pointers in it point into @buf
 *
 * Checks, in order: header present, header length equals @len, M2H
 * notifications at most %SAP_M2H_NOTIF_MAX_LEN bytes, type known, type sent
 * in @dir, type carried in @q, payload at least the type's structure
 * (a DATA_PACKET at least an Ethernet header; a host notification exactly
 * its structure, as the reference host sends it), then every field with a
 * defined range. From CSME, an enum or flag value this code does not know
 * (NIC owner, auth mode, cipher, scan request bits, PLDR_ACK status) is
 * kept and flagged in @out->new_values instead: newer firmware may send
 * new ones. From the host every field must be in range, since the
 * reference host never sends anything else. Longer payloads from CSME are
 * accepted and the extra bytes ignored.
 * Reserved bytes are ignored except in the CB_DATA_PACKET header.
 *
 * Return: %SAP_OK or the reason the message was rejected.
 */
enum sap_reason sap_msg_decode(const void *buf, u32 len, enum sap_direction dir,
			       enum sap_queue_idx q, struct sap_msg *out)
{
	const struct sap_type_desc *d;
	const u8 *p = buf;
	struct sap_hdr hdr;
	u32 plen;

	if (!buf || !out || (unsigned int)dir >= SAP_DIR_NUM ||
	    (unsigned int)q >= SAP_QUEUE_NUM)
		return SAP_R_INVAL;
	memset(out, 0, sizeof(*out));
	if (len < SAP_HDR_LEN)
		return SAP_R_TRUNC_HDR;

	memcpy(&hdr, p, sizeof(hdr));
	out->type = le16_to_cpu(hdr.type);
	out->len = le16_to_cpu(hdr.len);
	out->seq = le32_to_cpu(hdr.seq_num);
	plen = out->len;
	if (plen != len - SAP_HDR_LEN)
		return SAP_R_LEN_MISMATCH;
	if (dir == SAP_DIR_M2H && q == SAP_QUEUE_NOTIF && len > SAP_M2H_NOTIF_MAX_LEN)
		return SAP_R_MSG_TOO_BIG;
	out->payload = p + SAP_HDR_LEN;

	d = sap_type_lookup(out->type);
	if (!d)
		return SAP_R_UNKNOWN_TYPE;
	if (!(d->dirs & BIT(dir)))
		return SAP_R_WRONG_DIR;
	if (d->queue != q)
		return SAP_R_WRONG_QUEUE;
	if (plen < d->min_len)
		return d->shape == SAP_SHAPE_DATA ? SAP_R_DATA_TOO_SHORT : SAP_R_SHORT_PAYLOAD;
	/* the reference host sends every notification at its exact size */
	if (dir == SAP_DIR_H2M && d->shape != SAP_SHAPE_DATA && plen != d->min_len)
		return SAP_R_LEN_MISMATCH;

	switch (d->shape) {
	case SAP_SHAPE_EMPTY:
	case SAP_SHAPE_RAW:
		return SAP_OK;
	case SAP_SHAPE_DW: {
		const struct sap_msg_dw *m = buf;

		out->u.val = le32_to_cpu(m->val);
		if (dir == SAP_DIR_M2H)
			return sap_new_value(out, sap_dw_check(out->type, out->u.val));
		return sap_dw_check(out->type, out->u.val);
	}
	case SAP_SHAPE_DATA:
		return sap_decode_data(p, plen, out);
	default:
		return sap_decode_struct(p, out);
	}
}

/* ---- ME-level messages -------------------------------------------------------- */

static void sap_me_hdr(void *buf, u32 type, u32 seq, u32 len)
{
	struct sap_me_msg_hdr hdr;

	hdr.type = cpu_to_le32(type);
	hdr.seq_num = cpu_to_le32(seq);
	hdr.len = cpu_to_le32(len);
	memcpy(buf, &hdr, sizeof(hdr));
}

/* Check a versioned ME message, zero it and write its header. */
int sap_me_begin(void *buf, u32 buf_len, u32 type, u32 seq, u8 version, u32 size)
{
	if (!buf)
		return -SAP_R_INVAL;
	if (!sap_version_supported(version))
		return -SAP_R_BAD_VERSION;
	if (buf_len < size)
		return -SAP_R_NO_SPACE;
	memset(buf, 0, size);
	sap_me_hdr(buf, type, seq, size);
	return 0;
}

/**
 * sap_me_enc_start() - encode the host's START message
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: ME sequence number (1 for the first START)
 * @version: version offered, %SAP_VERSION_3 or %SAP_VERSION_4
 *
 * shared_mem stays 0 (the address travels with the bus-level DMA map).
 *
 * Return: 88, or -%SAP_R_BAD_VERSION, -%SAP_R_NO_SPACE, -%SAP_R_INVAL.
 */
int sap_me_enc_start(void *buf, u32 buf_len, u32 seq, u8 version)
{
	struct sap_me_msg_start *m = buf;
	int ret = sap_me_begin(buf, buf_len, SAP_ME_MSG_START, seq, version, sizeof(*m));

	if (ret)
		return ret;
	m->init_data_seq_num = cpu_to_le16(SAP_ME_INIT_DATA_SEQ_NUM);
	m->init_notif_seq_num = cpu_to_le16(SAP_ME_INIT_NOTIF_SEQ_NUM);
	m->supported_versions[0] = version;
	return sizeof(*m);
}

/**
 * sap_me_enc_csa() - encode CHECK_SHARED_AREA (either side)
 * @buf: destination
 * @buf_len: size of @buf
 * @seq: ME sequence number
 *
 * What the reference host sends: a START-sized message, all zero but for
 * the type and the sequence number (so its len field is 0).
 *
 * Return: 88, or a negated reason.
 */
int sap_me_enc_csa(void *buf, u32 buf_len, u32 seq)
{
	if (!buf)
		return -SAP_R_INVAL;
	if (buf_len < sizeof(struct sap_me_msg_start))
		return -SAP_R_NO_SPACE;
	memset(buf, 0, sizeof(struct sap_me_msg_start));
	sap_me_hdr(buf, SAP_ME_MSG_CHECK_SHARED_AREA, seq, 0);
	return sizeof(struct sap_me_msg_start);
}

/**
 * sap_me_decode() - validate and decode one ME-level message
 * @buf: the MEI client message
 * @len: its length
 * @dir: %SAP_DIR_M2H when the host decodes, %SAP_DIR_H2M on the CSME side
 * @out: result
 *
 * START (host to CSME) must be exactly 88 bytes with len 88 and offer a
 * supported version first. START_OK (CSME to host) must be exactly 20 bytes
 * and select a supported version; the caller still compares it with the
 * version it offered. CHECK_SHARED_AREA from CSME is accepted with any
 * length from 12 bytes on; from the host it must be what the reference host
 * sends (88 bytes, len 0), so that the CSME side catches a host that does
 * not.
 *
 * Return: %SAP_OK or the reason the message was rejected.
 */
enum sap_reason sap_me_decode(const void *buf, u32 len, enum sap_direction dir,
			      struct sap_me_msg *out)
{
	struct sap_me_msg_hdr hdr;

	if (!buf || !out || (unsigned int)dir >= SAP_DIR_NUM)
		return SAP_R_INVAL;
	memset(out, 0, sizeof(*out));
	if (len < sizeof(hdr))
		return SAP_R_TRUNC_HDR;
	memcpy(&hdr, buf, sizeof(hdr));
	out->type = le32_to_cpu(hdr.type);
	out->seq = le32_to_cpu(hdr.seq_num);
	out->hdr_len = le32_to_cpu(hdr.len);

	switch (out->type) {
	case SAP_ME_MSG_START: {
		const struct sap_me_msg_start *m = buf;

		if (dir != SAP_DIR_H2M)
			return SAP_R_WRONG_DIR;
		if (len != sizeof(*m) || out->hdr_len != sizeof(*m))
			return SAP_R_LEN_MISMATCH;
		out->version = m->supported_versions[0];
		return sap_version_supported(out->version) ? SAP_OK : SAP_R_BAD_VERSION;
	}
	case SAP_ME_MSG_START_OK: {
		const struct sap_me_msg_start_ok *m = buf;

		if (dir != SAP_DIR_M2H)
			return SAP_R_WRONG_DIR;
		if (len != sizeof(*m))
			return SAP_R_LEN_MISMATCH;
		out->version = m->supported_version;
		return sap_version_supported(out->version) ? SAP_OK : SAP_R_BAD_VERSION;
	}
	case SAP_ME_MSG_CHECK_SHARED_AREA:
		if (dir == SAP_DIR_H2M &&
		    (len != sizeof(struct sap_me_msg_start) || out->hdr_len))
			return SAP_R_LEN_MISMATCH;
		return SAP_OK;
	default:
		return SAP_R_UNKNOWN_TYPE;
	}
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The CSME side of SAP: START handshake, the notifications the host sends,
 * NIC ownership, NVM, PLDR, ping and the commands of the control socket.
 *
 * Shared memory is only touched through the SAP core: sap_area_check(),
 * sap_ring_read() into a private buffer, sap_msg_decode() of that copy and
 * sap_ring_write() for output. Nothing the host writes into the area can
 * make this code read or write outside the mapping.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sap_fw.h"
#include "data.h"
#include "hostile.h"
#include "edge.h"
#include "log.h"

/* Every message type the core knows; the last slot counts the others. */
static const uint16_t fw_types[] = {
	SAP_MSG_NOTIF_PING,
	SAP_MSG_NOTIF_PONG,
	SAP_MSG_NOTIF_CSME_FILTERS,
	SAP_MSG_NOTIF_AMT_STATE,
	SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ,
	SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP,
	SAP_MSG_NOTIF_TRIGGER_IP_REFRESH,
	SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP,
	SAP_MSG_NOTIF_NIC_OWNER,
	SAP_MSG_NOTIF_CSME_CONN_STATUS,
	SAP_MSG_NOTIF_NVM,
	SAP_MSG_NOTIF_PLDR_ACK,
	SAP_MSG_NOTIF_BAND_SELECTION,
	SAP_MSG_NOTIF_RADIO_STATE,
	SAP_MSG_NOTIF_NIC_INFO,
	SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP,
	SAP_MSG_NOTIF_HOST_SUSPENDS,
	SAP_MSG_NOTIF_HOST_RESUMES,
	SAP_MSG_NOTIF_HOST_GOES_DOWN,
	SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED,
	SAP_MSG_NOTIF_COUNTRY_CODE,
	SAP_MSG_NOTIF_HOST_LINK_UP,
	SAP_MSG_NOTIF_HOST_LINK_DOWN,
	SAP_MSG_NOTIF_WHO_OWNS_NIC,
	SAP_MSG_NOTIF_WIFIDR_DOWN,
	SAP_MSG_NOTIF_WIFIDR_UP,
	SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED,
	SAP_MSG_NOTIF_SAR_LIMITS,
	SAP_MSG_NOTIF_GET_NVM,
	SAP_MSG_NOTIF_PLDR,
	SAP_MSG_NOTIF_PLDR_END,
	SAP_MSG_DATA_PACKET,
	SAP_MSG_CB_DATA_PACKET,
};

#define FW_NTYPES_KNOWN	((int)(sizeof(fw_types) / sizeof(fw_types[0])))
_Static_assert(FW_NTYPES_KNOWN < CSME_NTYPES, "type slots");

/* MAC reported in NVM when the host never told us one. */
static const uint8_t fw_fixed_mac[6] = { 0x02, 0xc5, 0x3e, 0x00, 0x00, 0x01 };

static const char *const fw_counter_names[CSME_C__COUNT] = {
	[CSME_C_ME_RX]		= "me_rx",
	[CSME_C_ME_RX_BAD]	= "me_rx_bad",
	[CSME_C_ME_TX]		= "me_tx",
	[CSME_C_ME_TX_FAIL]	= "me_tx_fail",
	[CSME_C_CSA_RX]		= "csa_rx",
	[CSME_C_CSA_TX]		= "csa_tx",
	[CSME_C_STARTS]		= "starts",
	[CSME_C_START_REFUSED]	= "start_refused",
	[CSME_C_HANDSHAKES]	= "handshakes",
	[CSME_C_AREA_CHECK_FAIL] = "area_check_fail",
	[CSME_C_RING_ATTACH_FAIL] = "ring_attach_fail",
	[CSME_C_NOTIF_RX]	= "notif_rx",
	[CSME_C_NOTIF_TX]	= "notif_tx",
	[CSME_C_NOTIF_TX_FAIL]	= "notif_tx_fail",
	[CSME_C_REJECTED]	= "rejected",
	[CSME_C_DRAIN_BUDGET]	= "drain_budget",
	[CSME_C_DATA_IN]	= "data_in",
	[CSME_C_CB_DATA_IN]	= "cb_data_in",
	[CSME_C_DATA_OUT]	= "data_out",
	[CSME_C_DATA_OUT_DROP]	= "data_out_drop",
	[CSME_C_ME_PORT_IN]	= "me_port_in",
	[CSME_C_ME_PORT_OUT]	= "me_port_out",
	[CSME_C_ME_PORT_DROP]	= "me_port_drop",
	[CSME_C_DHCP_LEARNED]	= "dhcp_learned",
	[CSME_C_PINGS]		= "pings",
	[CSME_C_PONGS]		= "pongs",
	[CSME_C_PING_TIMEOUTS]	= "ping_timeouts",
	[CSME_C_RESETS]		= "resets",
	[CSME_C_SEIZED]		= "seized",
	[CSME_C_SEIZE_FAIL]	= "seize_fail",
	[CSME_C_HOST_GOES_DOWN]	= "host_goes_down",
	[CSME_C_GOES_DOWN_TAKEN] = "goes_down_taken",
	[CSME_C_OWN_ASKED]	= "ownership_asked",
	[CSME_C_OWN_GRANTED]	= "ownership_granted",
	[CSME_C_OWN_DENIED]	= "ownership_denied",
	[CSME_C_OWN_IGNORED]	= "ownership_ignored",
	[CSME_C_TAKES]		= "takes",
	[CSME_C_TAKES_CONFIRMED] = "takes_confirmed",
	[CSME_C_RELEASES]	= "releases",
	[CSME_C_NVM_SENT]	= "nvm_sent",
	[CSME_C_PLDR]		= "pldr",
	[CSME_C_FILTERS_SENT]	= "filters_sent",
	[CSME_C_MAPS]		= "maps",
	[CSME_C_UNMAPS]		= "unmaps",
	[CSME_C_ENABLES]	= "enables",
	[CSME_C_DISABLES]	= "disables",
	[CSME_C_HOSTILE_APPLIED] = "hostile_applied",
	[CSME_C_HOSTILE_ACTIONS] = "hostile_actions",
	[CSME_C_NONCONFORM] = "host_nonconformant",
};

const char *csme_counter_name(enum csme_counter c)
{
	if ((unsigned int)c >= CSME_C__COUNT || !fw_counter_names[c])
		return "unknown";
	return fw_counter_names[c];
}

const char *csme_owner_name(enum csme_owner o)
{
	return o == CSME_OWNER_CSME ? "csme" : "host";
}

static const char *const policy_names[] = {
	[CSME_POLICY_GRANT] = "grant",
	[CSME_POLICY_DENY] = "deny",
	[CSME_POLICY_IGNORE] = "ignore",
};

const char *csme_policy_name(enum csme_policy p)
{
	if ((unsigned int)p > CSME_POLICY_IGNORE)
		return "unknown";
	return policy_names[p];
}

int csme_policy_parse(const char *s, enum csme_policy *p)
{
	unsigned int i;

	for (i = 0; i <= CSME_POLICY_IGNORE; i++) {
		if (!strcmp(s, policy_names[i])) {
			*p = (enum csme_policy)i;
			return 0;
		}
	}
	return -EINVAL;
}

void csme_cfg_defaults(struct csme_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->dev = CSME_DEFAULT_DEV;
	cfg->ifname = CSME_DEFAULT_IFNAME;
	cfg->sock = CSME_DEFAULT_SOCK;
	cfg->max_version = SAP_VERSION_4;
	cfg->policy = CSME_POLICY_GRANT;
	cfg->amt = true;
	cfg->owner = CSME_OWNER_HOST;
	cfg->hostile = HOSTILE_OFF;
	cfg->goes_down_take = true;
}

int csme_fw_type_slot(uint16_t type)
{
	int i;

	for (i = 0; i < FW_NTYPES_KNOWN; i++)
		if (fw_types[i] == type)
			return i;
	return FW_NTYPES_KNOWN;
}

/* Type of a slot; 0xffff for the "other" slot, 0 past it. */
uint16_t csme_fw_slot_type(int slot)
{
	if (slot >= 0 && slot < FW_NTYPES_KNOWN)
		return fw_types[slot];
	return slot == FW_NTYPES_KNOWN ? 0xffff : 0;
}

static void csme_fw_count_rx(struct csme_fw *fw, uint16_t type)
{
	fw->rx_type[csme_fw_type_slot(type)]++;
}

void csme_fw_count_tx(struct csme_fw *fw, uint16_t type)
{
	fw->tx_type[csme_fw_type_slot(type)]++;
}

__attribute__((format(printf, 4, 5)))
static void fw_done(struct csme_fw *fw, enum csme_op op, int err, const char *fmt, ...)
{
	char text[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (fw->notify)
		fw->notify(fw->notify_ctx, op, err, text);
}

__attribute__((format(printf, 3, 4)))
static int fw_msg(char *msg, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (msg && len) {
		va_start(ap, fmt);
		vsnprintf(msg, len, fmt, ap);
		va_end(ap);
	}
	return 0;
}

void csme_fw_sync_model(struct csme_fw *fw)
{
	struct amt_model *m = fw->model;
	size_t n;

	if (!m)
		return;
	m->nic_owned_by_host = fw->owner != CSME_OWNER_CSME;
	m->link_known = fw->link_known;
	m->link_up = fw->link_known && fw->link_up;
	n = fw->link.ssid_len < sizeof(m->ssid) - 1 ? fw->link.ssid_len : sizeof(m->ssid) - 1;
	memcpy(m->ssid, fw->link.ssid, n);
	m->ssid[n] = '\0';
	memcpy(m->mac, fw->net->mac, sizeof(m->mac));
	m->ip = fw->net->ip;
	m->dhcp = !fw->cfg.ip;
}

void csme_fw_set_model(struct csme_fw *fw, struct amt_model *m)
{
	fw->model = m;
	csme_fw_sync_model(fw);
}

void csme_fw_init(struct csme_fw *fw, const struct csme_cfg *cfg,
		  const struct csme_env_ops *ops, void *ops_ctx, struct amt_net *net)
{
	memset(fw, 0, sizeof(*fw));
	fw->cfg = *cfg;
	fw->ops = ops;
	fw->ops_ctx = ops_ctx;
	fw->net = net;
	fw->owner = cfg->owner;
	fw->policy = cfg->policy;
	fw->amt = cfg->amt;
	fw->wifidr = -1;
	fw->radio_state = -1;
	fw->pldr_end_status = -1;
	fw->me_seq = 1;
	fw->sap_seq = 1;
	fw->rng = cfg->seed ? cfg->seed : 0x2545f4914f6cdd1dULL;
	fw->hostile = cfg->hostile;
	fw->hostile_armed = csme_hostile_oneshot(cfg->hostile);
	if (cfg->ip)
		amt_net_set_addr(net, NULL, cfg->ip);
	csme_fw_sync_model(fw);
}

void csme_fw_set_notify(struct csme_fw *fw, csme_notify_fn fn, void *ctx)
{
	fw->notify = fn;
	fw->notify_ctx = ctx;
}

bool csme_fw_session_up(const struct csme_fw *fw)
{
	return fw->rings_up && fw->connected;
}

void csme_fw_set_owner(struct csme_fw *fw, enum csme_owner owner)
{
	if (fw->owner != owner)
		csme_log("NIC owner: %s -> %s", csme_owner_name(fw->owner),
			 csme_owner_name(owner));
	fw->owner = owner;
	csme_fw_sync_model(fw);
}

/* ---- output helpers ------------------------------------------------------ */

int csme_fw_send_me(struct csme_fw *fw, const void *buf, size_t len, bool mergeable)
{
	int r = -ENOTCONN;

	if (fw->ops && fw->ops->me_send)
		r = fw->ops->me_send(fw->ops_ctx, buf, len, mergeable);
	fw->cnt[r ? CSME_C_ME_TX_FAIL : CSME_C_ME_TX]++;
	return r;
}

/**
 * csme_fw_send_notif() - write one notification into M2H NOTIF
 * @fw: firmware
 * @buf: the encoded message
 * @len: its length, or a negative encoder result
 *
 * Rings the doorbell at the next csme_fw_flush().
 *
 * Return: 0, -ENOTCONN without a session, -ENOSPC if the ring is full,
 * -EINVAL for an encoder error, -EIO for other ring errors.
 */
int csme_fw_send_notif(struct csme_fw *fw, const void *buf, int len)
{
	struct sap_hdr hdr;
	enum sap_reason r;

	if (len < (int)sizeof(hdr)) {
		fw->cnt[CSME_C_NOTIF_TX_FAIL]++;
		return -EINVAL;
	}
	if (!csme_fw_session_up(fw)) {
		fw->cnt[CSME_C_NOTIF_TX_FAIL]++;
		return -ENOTCONN;
	}
	memcpy(&hdr, buf, sizeof(hdr));
	r = sap_ring_write(&fw->m2h[SAP_QUEUE_NOTIF], buf, (uint32_t)len, NULL, 0);
	if (r) {
		fw->cnt[CSME_C_NOTIF_TX_FAIL]++;
		if (fw->cnt[CSME_C_NOTIF_TX_FAIL] <= 20)
			csme_log("cannot send %s: %s", sap_msg_type_name(le16_to_cpu(hdr.type)),
				 sap_reason_str(r));
		return r == SAP_R_RING_FULL ? -ENOSPC : -EIO;
	}
	fw->cnt[CSME_C_NOTIF_TX]++;
	csme_fw_count_tx(fw, le16_to_cpu(hdr.type));
	fw->csa_pending = true;
	return 0;
}

int csme_fw_send_empty(struct csme_fw *fw, uint16_t type)
{
	int len = sap_msg_enc_empty(fw->txbuf, sizeof(fw->txbuf), type, fw->sap_seq++);

	return csme_fw_send_notif(fw, fw->txbuf, len);
}

static int csme_fw_send_dw(struct csme_fw *fw, uint16_t type, uint32_t val)
{
	int len = sap_msg_enc_dw(fw->txbuf, sizeof(fw->txbuf), type, fw->sap_seq++, val);

	return csme_fw_send_notif(fw, fw->txbuf, len);
}

/* CSME's connection for CONN_STATUS: the host's AP when known (link
 * protection means "stay on this AP"), else a made-up one.
 */
static void fw_csme_conn(const struct csme_fw *fw, struct sap_conn_params *c)
{
	static const uint8_t bssid[6] = { 0x02, 0xc5, 0x3e, 0x00, 0x00, 0xa0 };

	if (fw->link_known && fw->link_up) {
		*c = fw->link;
		return;
	}
	memset(c, 0, sizeof(*c));
	c->ssid_len = 9;
	memcpy(c->ssid, "csme-link", 9);
	c->auth_mode = SAP_AUTH_MODE_RSNA_PSK;
	c->pairwise_cipher = SAP_CIPHER_CCMP;
	c->channel = 6;
	memcpy(c->bssid, bssid, 6);
}

static int fw_send_conn_status(struct csme_fw *fw)
{
	struct sap_conn_params c;
	int len;

	fw_csme_conn(fw, &c);
	len = sap_msg_enc_conn_status(fw->txbuf, sizeof(fw->txbuf), fw->sap_seq++,
				      fw->link_prot ? 1 : 0, 0, &c);
	return csme_fw_send_notif(fw, fw->txbuf, len);
}

static int fw_send_nvm(struct csme_fw *fw)
{
	struct sap_nvm_params nvm;
	static const uint8_t zero[6];
	int i, len;

	memset(&nvm, 0, sizeof(nvm));
	if (fw->nic_info_valid && memcmp(fw->nic_nvm_mac, zero, 6))
		memcpy(nvm.hw_addr, fw->nic_nvm_mac, 6);
	else if (fw->nic_info_valid && memcmp(fw->nic_mac, zero, 6))
		memcpy(nvm.hw_addr, fw->nic_mac, 6);
	else
		memcpy(nvm.hw_addr, fw_fixed_mac, 6);
	nvm.n_hw_addrs = 1;
	nvm.caps = SAP_NVM_CAPS_11AX_SUPPORT;
	nvm.nvm_version = 1;
	for (i = 0; i < SAP_NVM_NUM_CHANNELS; i++)
		nvm.channels[i] = 0x1;
	len = sap_msg_enc_nvm(fw->txbuf, sizeof(fw->txbuf), fw->sap_seq++, &nvm);
	if (!csme_fw_send_notif(fw, fw->txbuf, len)) {
		fw->cnt[CSME_C_NVM_SENT]++;
		return 0;
	}
	return -EIO;
}

/* ---- pending operations -------------------------------------------------- */

static void fw_fail_pending(struct csme_fw *fw, const char *why)
{
	if (fw->take_pending) {
		fw->take_pending = false;
		fw_done(fw, CSME_OP_TAKE, -ECONNRESET, "take aborted: %s", why);
	}
	if (fw->ping_pending) {
		fw->ping_pending = false;
		fw_done(fw, CSME_OP_PING, -ECONNRESET, "ping aborted: %s", why);
	}
}

static int fw_seize(struct csme_fw *fw)
{
	int r = -EOPNOTSUPP;

	if (fw->ops && fw->ops->hw_seize)
		r = fw->ops->hw_seize(fw->ops_ctx);
	if (r) {
		fw->cnt[CSME_C_SEIZE_FAIL]++;
		csme_log("seizing the NIC failed: %s", strerror(-r));
	}
	return r;
}

/* ---- shared area and session ------------------------------------------- */

static void fw_save_ring_counters(struct csme_fw *fw)
{
	struct sap_ring *rings[CSME_RING_NUM] = {
		&fw->h2m[SAP_QUEUE_NOTIF], &fw->h2m[SAP_QUEUE_DATA],
		&fw->m2h[SAP_QUEUE_NOTIF], &fw->m2h[SAP_QUEUE_DATA],
	};
	int i, k;

	if (!fw->rings_up)
		return;
	for (k = 0; k < CSME_RING_NUM; k++) {
		for (i = 0; i < SAP_R_COUNT; i++)
			fw->ring_hist[k].n[i] += rings[k]->cnt.n[i];
		memset(&rings[k]->cnt, 0, sizeof(rings[k]->cnt));
	}
}

static void fw_rings_down(struct csme_fw *fw)
{
	fw_save_ring_counters(fw);
	fw->rings_up = false;
	fw->connected = false;
	fw->csa_pending = false;
	fw->start_ok_due = 0;
	fw->ptr_at_size = 0;
}

/* The host sent something the reference host never sends: refuse it and
 * say so, so that tests catch a conformance slip.
 */
/**
 * csme_fw_nonconform() - the host did what the reference host never does
 * @fw: firmware
 * @what: what, for the log
 *
 * Counted in host_nonconformant; the caller refuses the message.
 */
void csme_fw_nonconform(struct csme_fw *fw, const char *what)
{
	fw->cnt[CSME_C_NONCONFORM]++;
	if (fw->cnt[CSME_C_NONCONFORM] <= 20)
		csme_log("host conformance: %s (refused)", what);
}

void csme_fw_attached(struct csme_fw *fw, bool attached)
{
	fw->attached = attached;
	if (!attached) {
		fw->enabled = false;
		fw->connected = false;
		fw_fail_pending(fw, "detached from the device");
		if (fw->reset_pending) {
			fw->reset_pending = false;
			fw_done(fw, CSME_OP_RESET, -ENODEV, "detached from the device");
		}
	}
	csme_fw_sync_model(fw);
}

void csme_fw_map(struct csme_fw *fw, void *mem, uint32_t size, uint32_t gen)
{
	uint8_t v = size >= SAP_AREA_MAP_SIZE_V4 ? SAP_VERSION_4 : SAP_VERSION_3;
	enum sap_reason r;

	if (fw->mem)
		csme_fw_unmap(fw);
	fw->cnt[CSME_C_MAPS]++;
	fw->mem = mem;
	fw->map_size = size;
	fw->map_gen = gen;
	/* The host initialises the area after mapping it; it is checked and
	 * the rings are attached when START arrives.
	 */
	r = sap_area_layout(&fw->area, mem, size, v);
	csme_log("shared area mapped: %u bytes, gen %u (SAP v%u layout%s%s)", size, gen, v,
		 r ? ": " : "", r ? sap_reason_str(r) : "");
}

void csme_fw_unmap(struct csme_fw *fw)
{
	if (!fw->mem)
		return;
	fw->cnt[CSME_C_UNMAPS]++;
	fw_rings_down(fw);
	fw_fail_pending(fw, "shared area unmapped");
	fw->mem = NULL;
	fw->map_size = 0;
	memset(&fw->area, 0, sizeof(fw->area));
	csme_log("shared area unmapped");
	csme_fw_sync_model(fw);
}

void csme_fw_enable(struct csme_fw *fw, bool enabled, uint32_t gen)
{
	fw->enabled = enabled;
	fw->gen = gen;
	fw->cnt[enabled ? CSME_C_ENABLES : CSME_C_DISABLES]++;
	csme_log("client %s (gen %u)", enabled ? "enabled" : "disabled", gen);
	fw->start_seen = false;
	fw->start_answered = false;
	if (!enabled) {
		fw->connected = false;
		fw_fail_pending(fw, "client disabled");
		csme_fw_sync_model(fw);
	}
}

static bool fw_attach_rings(struct csme_fw *fw)
{
	static const struct {
		enum sap_direction dir;
		enum sap_queue_idx q;
	} rq[CSME_RING_NUM] = {
		{ SAP_DIR_H2M, SAP_QUEUE_NOTIF }, { SAP_DIR_H2M, SAP_QUEUE_DATA },
		{ SAP_DIR_M2H, SAP_QUEUE_NOTIF }, { SAP_DIR_M2H, SAP_QUEUE_DATA },
	};
	enum sap_reason r;
	int k;

	fw_save_ring_counters(fw);
	fw->rings_up = false;
	for (k = 0; k < CSME_RING_NUM; k++) {
		struct sap_ring *ring = rq[k].dir == SAP_DIR_H2M ? &fw->h2m[rq[k].q]
								 : &fw->m2h[rq[k].q];

		r = sap_area_ring(&fw->area, SAP_SIDE_CSME, rq[k].dir, rq[k].q, ring);
		if (r) {
			fw->cnt[CSME_C_RING_ATTACH_FAIL]++;
			csme_log("cannot attach ring %d: %s", k, sap_reason_str(r));
			return false;
		}
	}
	fw->rings_up = true;
	return true;
}

/* The session starts: forget what the host told the previous one about
 * things it re-reports (link, driver), keep the rest.
 */
static void fw_new_session(struct csme_fw *fw, uint8_t version)
{
	fw->version = version;
	fw->sap_seq = 1;
	fw->host_down = false;
	fw->link_up = false;
	fw->wifidr = -1;
	fw->pldr_active = false;
	fw->csa_pending = false;
	fw_fail_pending(fw, "new SAP session");
}

void csme_fw_send_burst(struct csme_fw *fw)
{
	csme_fw_send_dw(fw, SAP_MSG_NOTIF_AMT_STATE, fw->amt ? 1 : 0);
	csme_send_filters(fw);
	if (fw->link_prot)
		fw_send_conn_status(fw);
}

/* Anything in the H2M rings at START: the host zeroes the area first. */
static bool fw_h2m_written(const struct csme_fw *fw)
{
	int q;

	for (q = 0; q < SAP_QUEUE_NUM; q++)
		if (READ_ONCE(*fw->h2m[q].wr_ptr) || READ_ONCE(*fw->h2m[q].rd_ptr))
			return true;
	return false;
}

static void fw_handle_start(struct csme_fw *fw, const struct sap_me_msg *me)
{
	uint8_t buf[CSME_ME_MSG_MAX];
	uint8_t v = me->version;
	enum sap_reason r;
	int len;

	fw->cnt[CSME_C_STARTS]++;
	/* The reference host sends START once per client session (a reset
	 * re-enables the client); only its debugfs sends another.
	 */
	if (fw->start_seen) {
		csme_fw_nonconform(fw, fw->connected ? "START on a live session" :
				  "START repeated before its answer");
		return;
	}
	fw->start_seen = true;
	if (v > fw->cfg.max_version) {
		fw->cnt[CSME_C_START_REFUSED]++;
		csme_log("START offers SAP v%u, we accept up to v%d: no answer", v,
			 fw->cfg.max_version);
		return;
	}
	if (!fw->mem) {
		fw->cnt[CSME_C_START_REFUSED]++;
		csme_log("START without a shared area: no answer");
		return;
	}
	r = sap_area_layout(&fw->area, fw->mem, fw->map_size, v);
	if (r) {
		fw->cnt[CSME_C_START_REFUSED]++;
		csme_log("START offers v%u but the %u-byte area does not fit it: %s", v,
			 fw->map_size, sap_reason_str(r));
		return;
	}
	r = sap_area_check(&fw->area);
	if (r) {
		fw->cnt[CSME_C_AREA_CHECK_FAIL]++;
		csme_log("shared area check: %s", sap_reason_str(r));
	}
	fw->connected = false;
	if (!fw_attach_rings(fw)) {
		fw->cnt[CSME_C_START_REFUSED]++;
		return;
	}
	if (fw_h2m_written(fw))
		csme_fw_nonconform(fw, "H2M rings written before START");
	fw_new_session(fw, v);
	if (csme_edge_start(fw, v))
		return;

	len = csme_hostile_start_ok(fw, v, buf, sizeof(buf));
	if (len > 0) {
		csme_fw_send_me(fw, buf, (size_t)len, false);
		csme_log("START v%u answered with a hostile START_OK (%d bytes)", v, len);
		csme_fw_sync_model(fw);
		return;
	}
	csme_fw_answer_start(fw, v, true);
}

/**
 * csme_fw_answer_start() - send a valid START_OK; the session is up
 * @fw: firmware, rings attached
 * @version: the version the host offered
 * @burst: send the session's first notifications (AMT_STATE...) too
 */
void csme_fw_answer_start(struct csme_fw *fw, uint8_t version, bool burst)
{
	uint8_t buf[CSME_ME_MSG_MAX];
	int len;

	len = sap_me_enc_start_ok(buf, sizeof(buf), fw->me_seq++, version);
	if (len < 0 || csme_fw_send_me(fw, buf, (size_t)len, false)) {
		csme_log("cannot send START_OK");
		return;
	}
	fw->connected = true;
	fw->start_answered = true;
	fw->cnt[CSME_C_HANDSHAKES]++;
	csme_log("START_OK sent: SAP v%u session up", version);
	csme_fw_sync_model(fw);
	if (burst)
		csme_fw_send_burst(fw);
	csme_hostile_after_handshake(fw);
}

/* ---- notifications from the host ---------------------------------------- */

#define __maybe_unused __attribute__((unused))

static void fw_take_complete(struct csme_fw *fw, const char *how)
{
	if (!fw->take_pending)
		return;
	fw->take_pending = false;
	fw->cnt[CSME_C_TAKES_CONFIRMED]++;
	fw_done(fw, CSME_OP_TAKE, 0, "NIC taken (%s after %llu ms)", how,
		(unsigned long long)(fw->now_ms - fw->take_started));
}

static void fw_on_host_asks(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	fw->cnt[CSME_C_OWN_ASKED]++;
	switch (fw->policy) {
	case CSME_POLICY_GRANT:
		if (!csme_fw_send_dw(fw, SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ, 1)) {
			fw->cnt[CSME_C_OWN_GRANTED]++;
			if (fw->take_pending) {
				fw->take_pending = false;
				fw_done(fw, CSME_OP_TAKE, -EAGAIN,
					"the host asked for the NIC back and was granted it");
			}
			csme_fw_set_owner(fw, CSME_OWNER_HOST);
			csme_log("host asked for the NIC: granted");
		}
		break;
	case CSME_POLICY_DENY:
		if (!csme_fw_send_dw(fw, SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ, 0))
			fw->cnt[CSME_C_OWN_DENIED]++;
		csme_log("host asked for the NIC: denied");
		break;
	case CSME_POLICY_IGNORE:
		fw->cnt[CSME_C_OWN_IGNORED]++;
		csme_log("host asked for the NIC: ignored");
		break;
	}
}

static void fw_on_host_goes_down(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	fw->cnt[CSME_C_HOST_GOES_DOWN]++;
	fw->goes_down_seen = true;
	fw->host_down = true;
	csme_log("host goes down");
	/* The host stops using the NIC: as real CSME does, take it over so
	 * that AMT stays reachable (option --goes-down keep disables this).
	 */
	if (fw->cfg.goes_down_take && fw->owner == CSME_OWNER_HOST) {
		fw->cnt[CSME_C_GOES_DOWN_TAKEN]++;
		if (fw->ops && fw->ops->hw_seize && fw->ops->hw_seize(fw->ops_ctx) == 0)
			csme_log("took the NIC (hw_owner csme) as the host went down");
		csme_fw_set_owner(fw, CSME_OWNER_CSME);
	}
	fw_take_complete(fw, "host went down");
	fw->connected = false;
	csme_fw_sync_model(fw);
}

/*
 * One handler for each H2M notification CSME reacts to, each only records
 * what the host said or answers it. Types without an entry (BAND_SELECTION:
 * defined, no payload) need nothing.
 */
static void fw_on_ping(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	csme_fw_send_empty(fw, SAP_MSG_NOTIF_PONG);
}

static void fw_on_pong(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	fw->cnt[CSME_C_PONGS]++;
	if (fw->ping_pending) {
		fw->ping_pending = false;
		fw_done(fw, CSME_OP_PING, 0, "pong after %llu ms",
			(unsigned long long)(fw->now_ms - fw->ping_sent));
	}
}

static void fw_on_radio_state(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->radio_state = (int)m->u.val;
}

static void fw_on_nic_info(struct csme_fw *fw, const struct sap_msg *m)
{
	static const uint8_t zero[6];
	char mac[24];

	fw->nic_info_valid = true;
	memcpy(fw->nic_mac, m->u.nic_info.mac, 6);
	memcpy(fw->nic_nvm_mac, m->u.nic_info.nvm_mac, 6);
	if (!memcmp(fw->net->mac, zero, 6) && memcmp(fw->nic_mac, zero, 6) &&
	    !(fw->nic_mac[0] & 1)) {
		amt_net_set_addr(fw->net, fw->nic_mac, fw->net->ip);
		csme_fmt_mac(mac, sizeof(mac), fw->nic_mac);
		csme_log("AMT uses the host's MAC %s", mac);
	}
}

static void fw_on_host_suspends(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->suspend_known = true;
	fw->suspend_bits = m->u.val;
}

static void fw_on_host_resumes(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	fw->suspend_known = false;
}

static void fw_on_csme_own_confirmed(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	csme_fw_set_owner(fw, CSME_OWNER_CSME);
	fw_take_complete(fw, "host confirmed");
}

static void fw_on_country_code(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->mcc_valid = true;
	fw->mcc = m->u.country.mcc;
}

static void fw_on_link_up(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->link_known = true;
	fw->link_up = true;
	fw->link = m->u.link_up.conn;
	fw->colloc = m->u.link_up.colloc;
}

static void fw_on_link_down(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->link_up = false;
	fw->link_down_type = m->u.link_down.type;
	fw->link_down_reason = m->u.link_down.reason_valid ? m->u.link_down.reason : 0;
}

static void fw_on_who_owns_nic(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	csme_fw_send_dw(fw, SAP_MSG_NOTIF_NIC_OWNER,
			fw->owner == CSME_OWNER_CSME ? SAP_NIC_OWNER_ME : SAP_NIC_OWNER_HOST);
}

static void fw_on_wifidr_down(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	fw->wifidr = 0;
}

static void fw_on_wifidr_up(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	fw->wifidr = 1;
}

static void fw_on_host_own_confirmed(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	csme_fw_set_owner(fw, CSME_OWNER_HOST);
}

static void fw_on_sar_limits(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->sar_valid = true;
	memcpy(fw->sar, m->u.sar, sizeof(fw->sar));
}

static void fw_on_get_nvm(struct csme_fw *fw, const struct sap_msg *m __maybe_unused)
{
	fw_send_nvm(fw);
}

static void fw_on_pldr(struct csme_fw *fw, const struct sap_msg *m)
{
	int len = sap_msg_enc_pldr_status(fw->txbuf, sizeof(fw->txbuf),
					  SAP_MSG_NOTIF_PLDR_ACK, fw->sap_seq++,
					  m->u.val, SAP_PLDR_STATUS_SUCCESS);

	fw->cnt[CSME_C_PLDR]++;
	if (!csme_fw_send_notif(fw, fw->txbuf, len))
		fw->pldr_active = true;
}

static void fw_on_pldr_end(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->pldr_active = false;
	fw->pldr_end_status = (int)m->u.pldr.status;
}

static const struct fw_notif_handler {
	uint16_t type;
	void (*fn)(struct csme_fw *fw, const struct sap_msg *m);
} fw_notif_handlers[] = {
	{ SAP_MSG_NOTIF_PING,				fw_on_ping },
	{ SAP_MSG_NOTIF_PONG,				fw_on_pong },
	{ SAP_MSG_NOTIF_RADIO_STATE,			fw_on_radio_state },
	{ SAP_MSG_NOTIF_NIC_INFO,			fw_on_nic_info },
	{ SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP,	fw_on_host_asks },
	{ SAP_MSG_NOTIF_HOST_SUSPENDS,			fw_on_host_suspends },
	{ SAP_MSG_NOTIF_HOST_RESUMES,			fw_on_host_resumes },
	{ SAP_MSG_NOTIF_HOST_GOES_DOWN,			fw_on_host_goes_down },
	{ SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED,	fw_on_csme_own_confirmed },
	{ SAP_MSG_NOTIF_COUNTRY_CODE,			fw_on_country_code },
	{ SAP_MSG_NOTIF_HOST_LINK_UP,			fw_on_link_up },
	{ SAP_MSG_NOTIF_HOST_LINK_DOWN,			fw_on_link_down },
	{ SAP_MSG_NOTIF_WHO_OWNS_NIC,			fw_on_who_owns_nic },
	{ SAP_MSG_NOTIF_WIFIDR_DOWN,			fw_on_wifidr_down },
	{ SAP_MSG_NOTIF_WIFIDR_UP,			fw_on_wifidr_up },
	{ SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED,	fw_on_host_own_confirmed },
	{ SAP_MSG_NOTIF_SAR_LIMITS,			fw_on_sar_limits },
	{ SAP_MSG_NOTIF_GET_NVM,			fw_on_get_nvm },
	{ SAP_MSG_NOTIF_PLDR,				fw_on_pldr },
	{ SAP_MSG_NOTIF_PLDR_END,			fw_on_pldr_end },
};

static void fw_handle_notif(struct csme_fw *fw, const struct sap_msg *m)
{
	size_t i;

	for (i = 0; i < sizeof(fw_notif_handlers) / sizeof(fw_notif_handlers[0]); i++) {
		if (fw_notif_handlers[i].type == m->type) {
			fw_notif_handlers[i].fn(fw, m);
			csme_fw_sync_model(fw);
			return;
		}
	}
}

/* Types the reference host defines but never sends. */
static bool fw_never_sent(uint16_t type)
{
	return type == SAP_MSG_NOTIF_PING || type == SAP_MSG_NOTIF_BAND_SELECTION ||
	       type == SAP_MSG_NOTIF_HOST_SUSPENDS || type == SAP_MSG_NOTIF_HOST_RESUMES;
}

/* Read, validate and act on up to CSME_DRAIN_BUDGET messages of one queue. */
static void fw_drain_queue(struct csme_fw *fw, enum sap_queue_idx q)
{
	enum sap_reason r;
	uint32_t len;
	int i;

	for (i = 0; i < CSME_DRAIN_BUDGET; i++) {
		if (!fw->rings_up)
			return;
		r = sap_ring_read(&fw->h2m[q], fw->rxbuf, sizeof(fw->rxbuf), &len);
		if (r == SAP_R_EMPTY)
			return;
		if (r) {
			/* ring level: counted in the ring's counters */
			sap_count(&fw->rejected, r);
			fw->cnt[CSME_C_REJECTED]++;
			if (r == SAP_R_RING_PTR_RANGE || r == SAP_R_INVAL)
				return;
			continue;
		}
		r = sap_msg_decode(fw->rxbuf, len, SAP_DIR_H2M, q, &fw->msg);
		if (r) {
			sap_count(&fw->rejected, r);
			fw->cnt[CSME_C_REJECTED]++;
			if (fw->cnt[CSME_C_REJECTED] <= 20)
				csme_log("rejected H2M %s message type %u (%s), %u bytes: %s",
					 q == SAP_QUEUE_NOTIF ? "notif" : "data", fw->msg.type,
					 sap_msg_type_name(fw->msg.type), len, sap_reason_str(r));
			continue;
		}
		if (fw_never_sent(fw->msg.type)) {
			csme_fw_nonconform(fw, sap_msg_type_name(fw->msg.type));
			continue;
		}
		csme_fw_count_rx(fw, fw->msg.type);
		if (q == SAP_QUEUE_NOTIF) {
			fw->cnt[CSME_C_NOTIF_RX]++;
			if (fw->msg.type != SAP_MSG_NOTIF_PONG)
				csme_log("host: %s", sap_msg_type_name(fw->msg.type));
			fw_handle_notif(fw, &fw->msg);
		} else {
			csme_data_rx(fw, &fw->msg);
		}
	}
	fw->cnt[CSME_C_DRAIN_BUDGET]++;
}

/**
 * csme_fw_drain() - read both H2M rings
 * @fw: firmware
 * @now: time in ms
 *
 * On a doorbell, on every tick and, while data flows, between ticks: the
 * host throttles its doorbells, so firmware polls the rings too.
 */
void csme_fw_drain(struct csme_fw *fw, uint64_t now)
{
	fw->now_ms = now;
	if (!fw->rings_up || csme_hostile_blocks_drain(fw))
		return;
	fw_drain_queue(fw, SAP_QUEUE_NOTIF);
	amt_net_rx_batch_begin(fw->net);
	fw_drain_queue(fw, SAP_QUEUE_DATA);
	amt_net_rx_batch_end(fw->net);
}

void csme_fw_me_rx(struct csme_fw *fw, const void *buf, uint32_t len, uint64_t now)
{
	struct sap_me_msg me;
	enum sap_reason r;

	fw->now_ms = now;
	fw->cnt[CSME_C_ME_RX]++;
	r = sap_me_decode(buf, len, SAP_DIR_H2M, &me);
	if (r) {
		fw->cnt[CSME_C_ME_RX_BAD]++;
		fw->me_rejected[r]++;
		if (fw->cnt[CSME_C_ME_RX_BAD] <= 20)
			csme_log("rejected ME message type %u, %u bytes: %s", me.type, len,
				 sap_reason_str(r));
		return;
	}
	switch (me.type) {
	case SAP_ME_MSG_START:
		csme_log("START (SAP v%u)", me.version);
		fw_handle_start(fw, &me);
		break;
	case SAP_ME_MSG_CHECK_SHARED_AREA:
		fw->cnt[CSME_C_CSA_RX]++;
		/* the reference host rings only for what it wrote, and it
		 * writes nothing before START_OK
		 */
		if (!fw->start_answered) {
			csme_fw_nonconform(fw, "doorbell before START_OK");
			break;
		}
		csme_fw_drain(fw, now);
		break;
	default:
		break;
	}
}

void csme_fw_tick(struct csme_fw *fw, uint64_t now)
{
	fw->now_ms = now;
	amt_net_tick(fw->net, now);
	if (fw->take_pending && now >= fw->take_deadline) {
		fw->take_pending = false;
		if (fw_seize(fw)) {
			fw_done(fw, CSME_OP_TAKE, -ETIMEDOUT,
				"no CSME_OWNERSHIP_CONFIRMED within %d ms and seizing the NIC failed",
				CSME_TAKE_TIMEOUT_MS);
		} else {
			fw->cnt[CSME_C_SEIZED]++;
			csme_fw_set_owner(fw, CSME_OWNER_CSME);
			csme_log("no confirmation within %d ms: NIC seized", CSME_TAKE_TIMEOUT_MS);
			fw_done(fw, CSME_OP_TAKE, 0,
				"NIC seized (no confirmation within %d ms)", CSME_TAKE_TIMEOUT_MS);
		}
	}
	if (fw->ping_pending && now >= fw->ping_deadline) {
		fw->ping_pending = false;
		fw->cnt[CSME_C_PING_TIMEOUTS]++;
		fw_done(fw, CSME_OP_PING, -ETIMEDOUT, "no PONG within %d ms",
			CSME_PING_TIMEOUT_MS);
	}
	csme_hostile_tick(fw, now);
	csme_fw_drain(fw, now);
	csme_fw_sync_model(fw);
}

/* Ring the host's doorbell once for everything written since the last one. */
void csme_fw_flush(struct csme_fw *fw)
{
	uint8_t buf[sizeof(struct sap_me_msg_start)];
	int len, r;

	if (!fw->csa_pending)
		return;
	if (!fw->rings_up) {
		fw->csa_pending = false;
		return;
	}
	len = sap_me_enc_csa(buf, sizeof(buf), fw->me_seq++);
	if (len < 0)
		return;
	r = csme_fw_send_me(fw, buf, (size_t)len, true);
	if (r == -ENOBUFS)
		return;		/* queue full: try again next time */
	fw->csa_pending = false;
	if (!r)
		fw->cnt[CSME_C_CSA_TX]++;
}

void csme_fw_reset_done(struct csme_fw *fw, int err)
{
	if (!fw->reset_pending)
		return;
	fw->reset_pending = false;
	if (err) {
		csme_log("firmware reset failed: %s", strerror(-err));
		fw_done(fw, CSME_OP_RESET, err, "firmware reset failed: %s", strerror(-err));
		return;
	}
	fw->cnt[CSME_C_RESETS]++;
	csme_log("firmware reset done");
	fw_done(fw, CSME_OP_RESET, 0, "firmware reset");
}

/* ---- commands ------------------------------------------------------------ */

int csme_fw_cmd_take(struct csme_fw *fw, bool force, uint64_t now, char *msg, size_t len)
{
	int r;

	fw->now_ms = now;
	if (fw->take_pending) {
		fw_msg(msg, len, "a take is already in progress");
		return -EBUSY;
	}
	if (force) {
		r = fw_seize(fw);
		if (r) {
			fw_msg(msg, len, "cannot seize the NIC: %s", strerror(-r));
			return r;
		}
		fw->cnt[CSME_C_SEIZED]++;
		csme_fw_set_owner(fw, CSME_OWNER_CSME);
		if (csme_fw_session_up(fw) &&
		    !csme_fw_send_empty(fw, SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP))
			fw->cnt[CSME_C_TAKES]++;
		return fw_msg(msg, len, "NIC seized");
	}
	if (fw->owner == CSME_OWNER_CSME)
		return fw_msg(msg, len, "CSME already owns the NIC");
	if (!csme_fw_session_up(fw)) {
		/* No SAP session to ask through: firmware takes the hardware. */
		r = fw_seize(fw);
		if (r) {
			fw_msg(msg, len, "no SAP session and seizing the NIC failed: %s",
			       strerror(-r));
			return -ENOTCONN;
		}
		fw->cnt[CSME_C_SEIZED]++;
		csme_fw_set_owner(fw, CSME_OWNER_CSME);
		return fw_msg(msg, len, "NIC seized (no SAP session)");
	}
	r = csme_fw_send_empty(fw, SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP);
	if (r) {
		fw_msg(msg, len, "cannot send CSME_TAKING_OWNERSHIP: %s", strerror(-r));
		return r;
	}
	fw->cnt[CSME_C_TAKES]++;
	fw->take_pending = true;
	fw->take_started = now;
	fw->take_deadline = now + CSME_TAKE_TIMEOUT_MS;
	csme_log("taking the NIC: CSME_TAKING_OWNERSHIP sent");
	return 1;
}

int csme_fw_cmd_release(struct csme_fw *fw, char *msg, size_t len)
{
	int r;

	if (!csme_fw_session_up(fw)) {
		fw_msg(msg, len, "no SAP session");
		return -ENOTCONN;
	}
	r = csme_fw_send_empty(fw, SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP);
	if (r) {
		fw_msg(msg, len, "cannot send CSME_CAN_RELEASE_OWNERSHIP: %s", strerror(-r));
		return r;
	}
	fw->cnt[CSME_C_RELEASES]++;
	return fw_msg(msg, len, "CSME_CAN_RELEASE_OWNERSHIP sent");
}

int csme_fw_cmd_amt(struct csme_fw *fw, bool on, char *msg, size_t len)
{
	int r;

	fw->amt = on;
	if (!on) {
		/* Without AMT, CSME has no use for the NIC: the host owns it. */
		if (fw->take_pending) {
			fw->take_pending = false;
			fw_done(fw, CSME_OP_TAKE, -ECANCELED, "AMT disabled during the take");
		}
		csme_fw_set_owner(fw, CSME_OWNER_HOST);
	}
	csme_fw_sync_model(fw);
	if (!csme_fw_session_up(fw))
		return fw_msg(msg, len, "AMT %s, reported at the next handshake", on ? "on" : "off");
	r = csme_fw_send_dw(fw, SAP_MSG_NOTIF_AMT_STATE, on ? 1 : 0);
	if (r) {
		fw_msg(msg, len, "cannot send AMT_STATE: %s", strerror(-r));
		return r;
	}
	return fw_msg(msg, len, "AMT_STATE %d sent", on ? 1 : 0);
}

int csme_fw_cmd_policy(struct csme_fw *fw, enum csme_policy p, char *msg, size_t len)
{
	fw->policy = p;
	return fw_msg(msg, len, "policy %s", csme_policy_name(p));
}

int csme_fw_cmd_reset(struct csme_fw *fw, char *msg, size_t len)
{
	int r = -EOPNOTSUPP;

	if (!fw->attached) {
		fw_msg(msg, len, "not attached to the device");
		return -ENOTCONN;
	}
	if (fw->reset_pending) {
		fw_msg(msg, len, "a reset is already in progress");
		return -EBUSY;
	}
	if (fw->ops && fw->ops->fw_reset)
		r = fw->ops->fw_reset(fw->ops_ctx);
	if (r) {
		fw_msg(msg, len, "reset: %s", strerror(-r));
		return r;
	}
	fw->reset_pending = true;
	/* The session is over; the rings stay attached until the host unmaps
	 * the area so that its HOST_GOES_DOWN is still drained.
	 */
	fw->connected = false;
	fw_fail_pending(fw, "firmware reset");
	csme_fw_sync_model(fw);
	csme_log("firmware reset requested");
	return 1;
}

int csme_fw_cmd_ping(struct csme_fw *fw, uint64_t now, char *msg, size_t len)
{
	int r;

	fw->now_ms = now;
	if (!csme_fw_session_up(fw)) {
		fw_msg(msg, len, "no SAP session");
		return -ENOTCONN;
	}
	if (fw->ping_pending) {
		fw_msg(msg, len, "a ping is already in progress");
		return -EBUSY;
	}
	r = csme_fw_send_empty(fw, SAP_MSG_NOTIF_PING);
	if (r) {
		fw_msg(msg, len, "cannot send PING: %s", strerror(-r));
		return r;
	}
	fw->cnt[CSME_C_PINGS]++;
	fw->ping_pending = true;
	fw->ping_sent = now;
	fw->ping_deadline = now + CSME_PING_TIMEOUT_MS;
	return 1;
}

int csme_fw_cmd_link_prot(struct csme_fw *fw, bool on, char *msg, size_t len)
{
	int r;

	fw->link_prot = on;
	if (!csme_fw_session_up(fw))
		return fw_msg(msg, len, "link protection %s, reported at the next handshake",
			      on ? "on" : "off");
	r = fw_send_conn_status(fw);
	if (r) {
		fw_msg(msg, len, "cannot send CSME_CONN_STATUS: %s", strerror(-r));
		return r;
	}
	return fw_msg(msg, len, "CSME_CONN_STATUS sent (link protection %s)", on ? "on" : "off");
}

int csme_fw_cmd_hostile(struct csme_fw *fw, enum csme_hostile mode, uint64_t now,
			char *msg, size_t len)
{
	csme_hostile_set(fw, mode, now);
	if (mode == HOSTILE_OFF)
		return fw_msg(msg, len, "hostile off");
	return fw_msg(msg, len, "hostile %s %s", csme_hostile_name(mode),
		      fw->hostile == mode && fw->hostile_armed ? "armed" :
		      csme_hostile_oneshot(mode) ? "applied" : "active");
}

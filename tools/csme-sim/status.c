// SPDX-License-Identifier: GPL-2.0
/*
 * "csme-sim status": what the simulated CSME currently believes.
 *
 * Keys are the same in every output mode; unknown values are JSON null
 * ("-" in plain output). See docs/man/csme-sim.8 for the list.
 */
#include <errno.h>
#include <string.h>

#include "status.h"
#include "hostile.h"
#include "log.h"

/* The names wlan_sim's assoc attribute uses. */
static const char *csme_auth_name(uint32_t auth)
{
	switch (auth) {
	case SAP_AUTH_MODE_OPEN:
		return "open";
	case SAP_AUTH_MODE_SHARED:
		return "shared";
	case SAP_AUTH_MODE_WPA:
		return "wpa";
	case SAP_AUTH_MODE_WPA_PSK:
		return "wpa-psk";
	case SAP_AUTH_MODE_RSNA:
		return "8021x";
	case SAP_AUTH_MODE_RSNA_PSK:
		return "psk";
	case SAP_AUTH_MODE_SAE:
		return "sae";
	default:
		return "unknown";
	}
}

static const char *csme_cipher_name(uint32_t cipher)
{
	switch (cipher) {
	case SAP_CIPHER_NONE:
		return "none";
	case SAP_CIPHER_WEP:
		return "wep";
	case SAP_CIPHER_TKIP:
		return "tkip";
	case SAP_CIPHER_CCMP:
		return "ccmp";
	case SAP_CIPHER_GCMP:
		return "gcmp";
	case SAP_CIPHER_GCMP_256:
		return "gcmp256";
	default:
		return "unknown";
	}
}

static bool mac_set(const uint8_t *mac)
{
	static const uint8_t zero[6];

	return memcmp(mac, zero, 6) != 0;
}

static void status_host_link(const struct csme_fw *fw, struct out *o)
{
	const struct sap_conn_params *c = &fw->link;

	out_begin(o, "host_link");
	out_bool(o, "up", fw->link_up);
	if (fw->link_known) {
		out_strn(o, "ssid", (const char *)c->ssid,
			 c->ssid_len <= SAP_MAX_SSID_LEN ? c->ssid_len : SAP_MAX_SSID_LEN);
		out_mac(o, "bssid", c->bssid);
		out_u64(o, "channel", c->channel);
		out_u64(o, "band", c->band);
		out_str(o, "auth", csme_auth_name(c->auth_mode));
		out_str(o, "cipher", csme_cipher_name(c->pairwise_cipher));
	} else {
		out_null(o, "ssid");
		out_null(o, "bssid");
		out_null(o, "channel");
		out_null(o, "band");
		out_null(o, "auth");
		out_null(o, "cipher");
	}
	out_u64(o, "down_type", fw->link_down_type);
	out_u64(o, "down_reason", fw->link_down_reason);
	out_end(o);
}

static void status_country(const struct csme_fw *fw, struct out *o)
{
	char cc[8];
	int a, b;

	if (!fw->mcc_valid) {
		out_null(o, "country");
		return;
	}
	a = fw->mcc >> 8;
	b = fw->mcc & 0xff;
	if (a >= 0x20 && a < 0x7f && b >= 0x20 && b < 0x7f)
		snprintf(cc, sizeof(cc), "%c%c", a, b);
	else
		snprintf(cc, sizeof(cc), "0x%04x", fw->mcc);
	out_str(o, "country", cc);
}

/* bytes published and not consumed, read without side effects */
static bool ring_pending(const struct sap_ring *r, uint32_t *bytes)
{
	uint32_t wr, rd;

	if (!r->data || !r->size)
		return false;
	wr = le32_to_cpu(READ_ONCE(*r->wr_ptr));
	rd = le32_to_cpu(READ_ONCE(*r->rd_ptr));
	if (wr >= r->size || rd >= r->size)
		return false;
	*bytes = wr >= rd ? wr - rd : r->size - rd + wr;
	return true;
}

static void status_rings(const struct csme_fw *fw, struct out *o)
{
	static const char *const names[CSME_RING_NUM] = {
		"h2m_notif", "h2m_data", "m2h_notif", "m2h_data",
	};
	const struct sap_ring *rings[CSME_RING_NUM] = {
		&fw->h2m[SAP_QUEUE_NOTIF], &fw->h2m[SAP_QUEUE_DATA],
		&fw->m2h[SAP_QUEUE_NOTIF], &fw->m2h[SAP_QUEUE_DATA],
	};
	uint32_t pending;
	int k, i;

	out_begin(o, "rings");
	for (k = 0; k < CSME_RING_NUM; k++) {
		out_begin(o, names[k]);
		out_u64(o, "messages", (uint64_t)fw->ring_hist[k].n[SAP_OK] + rings[k]->cnt.n[SAP_OK]);
		for (i = SAP_R_EMPTY + 1; i < SAP_R_COUNT; i++) {
			uint64_t v = (uint64_t)fw->ring_hist[k].n[i] + rings[k]->cnt.n[i];

			if (v)
				out_u64(o, sap_reason_id(i), v);
		}
		out_u64(o, "full_streak", fw->rings_up ? rings[k]->full_streak : 0);
		if (fw->rings_up && ring_pending(rings[k], &pending))
			out_u64(o, "pending", pending);
		else
			out_null(o, "pending");
		out_end(o);
	}
	out_end(o);
}

static bool type_is_rx(uint16_t t)
{
	return t <= SAP_MSG_NOTIF_PONG || (t >= SAP_MSG_NOTIF_FROM_HOST_MIN &&
					   t <= SAP_MSG_NOTIF_FROM_HOST_MAX) ||
	       t == SAP_MSG_DATA_PACKET || t == SAP_MSG_CB_DATA_PACKET || t == 0xffff;
}

static bool type_is_tx(uint16_t t)
{
	return t <= SAP_MSG_NOTIF_PONG || (t >= SAP_MSG_NOTIF_FROM_CSME_MIN &&
					   t <= SAP_MSG_NOTIF_FROM_CSME_MAX) ||
	       t == SAP_MSG_DATA_PACKET || t == 0xffff;
}

static void status_types(const struct csme_fw *fw, struct out *o, bool rx)
{
	uint16_t t;
	int slot;

	out_begin(o, rx ? "msgs_rx" : "msgs_tx");
	for (slot = 0; (t = csme_fw_slot_type(slot)) != 0; slot++) {
		if (rx ? !type_is_rx(t) : !type_is_tx(t))
			continue;
		out_u64(o, t == 0xffff ? "other" : sap_msg_type_name(t),
			rx ? fw->rx_type[slot] : fw->tx_type[slot]);
	}
	out_end(o);
}

static void status_counters(const struct csme_fw *fw, struct out *o)
{
	int i;

	out_begin(o, "counters");
	for (i = 0; i < CSME_C__COUNT; i++)
		out_u64(o, csme_counter_name(i), fw->cnt[i]);
	status_types(fw, o, true);
	status_types(fw, o, false);
	out_begin(o, "rejected");
	for (i = SAP_R_EMPTY + 1; i < SAP_R_COUNT; i++)
		out_u64(o, sap_reason_id(i), fw->rejected.n[i]);
	out_end(o);
	out_begin(o, "me_rejected");
	for (i = SAP_R_EMPTY + 1; i < SAP_R_COUNT; i++)
		if (fw->me_rejected[i])
			out_u64(o, sap_reason_id(i), fw->me_rejected[i]);
	out_end(o);
	status_rings(fw, o);
	out_begin(o, "amt_net");
	for (i = 0; i < AMT_C__COUNT; i++)
		out_u64(o, amt_net_counter_name(i), fw->net->cnt[i]);
	out_u64(o, "active_conns", amt_net_active_conns(fw->net));
	out_end(o);
	out_end(o);
}

void csme_status(const struct csme_fw *fw, const struct csme_daemon_info *di, struct out *o)
{
	uint32_t sar[SAP_SAR_NUM_CHAINS * SAP_SAR_NUM_SUBBANDS];
	char ip[20];
	int c, s;

	out_begin(o, NULL);
	if (di) {
		out_str(o, "device", di->dev);
		out_str(o, "ifname", di->ifname);
	}
	out_bool(o, "attached", fw->attached);
	out_bool(o, "enabled", fw->enabled);
	out_u64(o, "gen", fw->gen);
	out_u64(o, "map_size", fw->mem ? fw->map_size : 0);
	if (fw->version)
		out_u64(o, "version", fw->version);
	else
		out_null(o, "version");
	out_u64(o, "max_version", (uint64_t)fw->cfg.max_version);
	out_bool(o, "connected", csme_fw_session_up(fw));
	out_str(o, "owner", csme_owner_name(fw->owner));
	out_bool(o, "take_pending", fw->take_pending);
	out_str(o, "policy", csme_policy_name(fw->policy));
	out_str(o, "amt", fw->amt ? "on" : "off");
	out_str(o, "link_prot", fw->link_prot ? "on" : "off");
	out_str(o, "hostile", csme_hostile_name(fw->hostile));
	out_bool(o, "hostile_armed", fw->hostile_armed);
	if (fw->model) {
		/* what AMT's clients changed: power requests, SOL sessions, names */
		out_begin(o, "amt_model");
		out_u64(o, "power_state", (uint64_t)fw->model->power_state);
		out_u64(o, "power_changes", fw->model->power_changes);
		out_u64(o, "last_power_request", (uint64_t)fw->model->last_power_request);
		out_u64(o, "sol_sessions", fw->model->sol_sessions);
		out_str(o, "hostname", fw->model->hostname);
		out_str(o, "domain", fw->model->domain);
		out_end(o);
	}
	if (fw->net->ip) {
		csme_fmt_ipv4(ip, sizeof(ip), fw->net->ip);
		out_str(o, "ip", ip);
	} else {
		out_null(o, "ip");
	}
	out_str(o, "ip_source", fw->cfg.ip ? "option" : "dhcp");
	out_mac(o, "mac", mac_set(fw->net->mac) ? fw->net->mac : NULL);
	if (di)
		out_bool(o, "me_port", di->port_open);
	status_host_link(fw, o);
	if (fw->radio_state >= 0) {
		out_u64(o, "radio_state", (uint64_t)fw->radio_state);
		out_bool(o, "radio_on", fw->radio_state == SAP_RADIO_STATE_ALL);
	} else {
		out_null(o, "radio_state");
		out_null(o, "radio_on");
	}
	status_country(fw, o);
	out_begin(o, "nic_info");
	out_mac(o, "mac", fw->nic_info_valid ? fw->nic_mac : NULL);
	out_mac(o, "nvm_mac", fw->nic_info_valid ? fw->nic_nvm_mac : NULL);
	out_end(o);
	out_str(o, "wifidr", fw->wifidr < 0 ? "unknown" : fw->wifidr ? "up" : "down");
	out_bool(o, "host_goes_down", fw->goes_down_seen);
	out_bool(o, "host_down", fw->host_down);
	if (fw->sar_valid) {
		for (c = 0; c < SAP_SAR_NUM_CHAINS; c++)
			for (s = 0; s < SAP_SAR_NUM_SUBBANDS; s++)
				sar[c * SAP_SAR_NUM_SUBBANDS + s] = fw->sar[c][s];
		out_u32_list(o, "sar", sar, SAP_SAR_NUM_CHAINS * SAP_SAR_NUM_SUBBANDS);
	} else {
		out_null(o, "sar");
	}
	if (fw->suspend_known)
		out_u64(o, "host_suspends", fw->suspend_bits);
	else
		out_null(o, "host_suspends");
	out_bool(o, "pldr_active", fw->pldr_active);
	if (fw->pldr_end_status >= 0)
		out_u64(o, "pldr_end_status", (uint64_t)fw->pldr_end_status);
	else
		out_null(o, "pldr_end_status");
	if (di) {
		out_u64(o, "clients", di->clients);
		out_u64(o, "uptime_ms", di->uptime_ms);
		out_u64(o, "dev_events", di->dev_events);
		out_u64(o, "dev_events_bad", di->dev_events_bad);
		out_u64(o, "me_dropped", di->me_dropped);
	}
	status_counters(fw, o);
	out_end(o);
}

// SPDX-License-Identifier: GPL-2.0
/* sap_host: handling of CSME's notifications.
 *
 * Every handler runs with sap_host.lock held, from the doorbell path.
 * Callbacks into the WLAN driver are made from here too; the driver must
 * not call back into the API synchronously (see sap_mei.h).
 */
#include <linux/slab.h>
#include <linux/etherdevice.h>

#include "internal.h"

static void sap_host_cb_rfkill(struct sap_host *h, bool blocked, bool taking)
{
	if (h->cfg.ops && h->cfg.ops->rfkill)
		h->cfg.ops->rfkill(h->cfg.priv, blocked, taking);
}

void sap_send_link_up(struct sap_host *h)
{
	int len;

	if (!h->cfg.conn_valid)
		return;
	len = sap_msg_enc_link_up(h->txbuf, sizeof(h->txbuf), 0,
				  &h->cfg.conn, &h->cfg.colloc);
	sap_send_notif(h, len);
}

void sap_send_nic_info(struct sap_host *h)
{
	int len;

	/* An invalid address would make CSME use garbage. */
	if (!is_valid_ether_addr(h->cfg.mac))
		return;
	len = sap_msg_enc_nic_info(h->txbuf, sizeof(h->txbuf), 0,
				   h->cfg.mac, h->cfg.nvm_mac);
	sap_send_notif(h, len);
}

/* The country code only once the driver set one (upstream sends 0). */
void sap_send_country_code(struct sap_host *h)
{
	if (!h->cfg.mcc_valid)
		return;
	sap_send_notif(h, sap_msg_enc_country_code(h->txbuf, sizeof(h->txbuf), 0,
						   h->cfg.mcc, 0, 0));
}

void sap_send_sar(struct sap_host *h)
{
	if (!h->cfg.sar_valid)
		return;
	sap_send_notif(h, sap_msg_enc_sar_limits(h->txbuf, sizeof(h->txbuf), 0,
						 h->cfg.sar));
}

/**
 * sap_initial_burst() - tell a CSME that just enabled AMT all we know
 * @h: host, locked, active
 *
 * The country code is only sent once the driver set one (upstream sends 0).
 */
void sap_initial_burst(struct sap_host *h)
{
	if (h->cfg.ops) {
		sap_send_empty(h, SAP_MSG_NOTIF_WIFIDR_UP);
		if (h->cfg.ops->sap_connected)
			h->cfg.ops->sap_connected(h->cfg.priv);
	}
	sap_send_empty(h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
	sap_send_link_up(h);
	sap_send_country_code(h);
	sap_send_sar(h);
	sap_send_nic_info(h);
	sap_send_dw(h, SAP_MSG_NOTIF_RADIO_STATE, h->cfg.rf_kill);
}

/* The host owns the NIC: stop asking and wake whoever waits for it. */
static void sap_host_owns_nic(struct sap_host *h)
{
	WRITE_ONCE(h->got_ownership, true);
	cancel_delayed_work(&h->retake_work);
	wake_up_all(&h->wq);
}

static void sap_handle_amt_state(struct sap_host *h, u32 val)
{
	bool enabled = !!val;

	if (enabled == h->amt_enabled)
		return;
	WRITE_ONCE(h->amt_enabled, enabled);
	sap_set_state(h, enabled ? SAP_ST_ACTIVE : SAP_ST_CONNECTED);
	dev_info(h->t->dev, "wireless AMT %s\n", enabled ? "enabled" : "disabled");
	if (enabled) {
		sap_initial_burst(h);
	} else {
		/* Without AMT, CSME has no claim on the NIC. */
		sap_host_owns_nic(h);
		sap_host_cb_rfkill(h, false, false);
	}
	/* (Un)registering the Rx handler needs rtnl: not from here. */
	schedule_work(&h->netdev_work);
}

static void sap_handle_ownership_reply(struct sap_host *h, u32 granted)
{
	if (!granted) {
		/* The waiter returns at once; the retake work asks again. */
		sap_cnt(h, SAP_CNT_OWNERSHIP_DENIED);
		WRITE_ONCE(h->own_denials, h->own_denials + 1);
		wake_up_all(&h->wq);
		dev_info(h->t->dev, "CSME denied the NIC to the host\n");
		return;
	}
	sap_cnt(h, SAP_CNT_OWNERSHIP_GRANTED);
	h->csme_taking_ownership = false;
	sap_host_owns_nic(h);
	sap_send_empty(h, SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED);
	sap_host_cb_rfkill(h, false, false);
}

static void sap_handle_csme_taking(struct sap_host *h)
{
	sap_cnt(h, SAP_CNT_CSME_TOOK);
	WRITE_ONCE(h->got_ownership, false);
	if (h->cfg.ops && h->cfg.device_up) {
		/* The driver stops the device; sap_mei_device_state(false)
		 * then confirms.
		 */
		h->csme_taking_ownership = true;
		sap_host_cb_rfkill(h, true, true);
		return;
	}
	sap_send_empty(h, SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED);
	if (h->cfg.ops)
		sap_schedule_retake(h);
}

static void sap_handle_nic_owner(struct sap_host *h, u32 owner)
{
	if (owner != SAP_NIC_OWNER_ME) {
		sap_host_owns_nic(h);
		return;
	}
	WRITE_ONCE(h->got_ownership, false);
	/* A running device must not be left without its NIC until the
	 * retake delay expires: ask for it right away.
	 */
	if (h->cfg.ops && h->cfg.device_up)
		sap_get_ownership_locked(h, false);
}

static void sap_handle_conn_status(struct sap_host *h, const struct sap_msg *msg)
{
	struct sap_mei_conn_info ci = {};
	const struct sap_conn_params *c = &msg->u.conn_status.conn;
	const struct sap_mei_ops *ops = h->cfg.ops;

	if (!ops)
		return;
	h->link_prot_state = msg->u.conn_status.link_prot_state;
	ci.lp_state = !!h->link_prot_state;
	ci.auth_mode = c->auth_mode;
	ci.ssid_len = c->ssid_len;
	ci.channel = c->channel;
	ci.band = c->band;
	ci.pairwise_cipher = c->pairwise_cipher;
	memcpy(ci.bssid, c->bssid, ETH_ALEN);
	memcpy(ci.ssid, c->ssid, min_t(u32, c->ssid_len, sizeof(ci.ssid)));
	if (ops->me_conn_status)
		ops->me_conn_status(h->cfg.priv, &ci);
	if (h->got_ownership) {
		if (ops->roaming_forbidden)
			ops->roaming_forbidden(h->cfg.priv, !!h->link_prot_state);
	} else {
		sap_host_cb_rfkill(h, !!h->link_prot_state, false);
	}
}

static void sap_handle_nvm(struct sap_host *h, const struct sap_nvm_params *p)
{
	struct sap_mei_nvm *nvm = kzalloc(sizeof(*nvm), GFP_KERNEL);

	if (!nvm)
		return;
	memcpy(nvm->hw_addr, p->hw_addr, ETH_ALEN);
	nvm->n_hw_addrs = p->n_hw_addrs;
	nvm->radio_cfg = p->radio_cfg;
	nvm->caps = p->caps;
	nvm->nvm_version = p->nvm_version;
	memcpy(nvm->channels, p->channels, sizeof(nvm->channels));
	kfree(h->nvm);
	WRITE_ONCE(h->nvm, nvm);
	wake_up_all(&h->wq);
}

static void sap_handle_filters(struct sap_host *h, const struct sap_filters *f)
{
	struct sap_host_filters *n, *old;

	n = kmalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return;
	n->f = *f;
	old = rcu_replace_pointer(h->filters, n, lockdep_is_held(&h->lock));
	sap_cnt(h, SAP_CNT_FILTER_UPDATES);
	if (old)
		kfree_rcu(old, rcu);
}

/**
 * sap_handle_notif() - act on one validated CSME notification
 * @h: host, locked, connected
 * @msg: the decoded message
 */
void sap_handle_notif(struct sap_host *h, const struct sap_msg *msg)
{
	switch (msg->type) {
	case SAP_MSG_NOTIF_PING:
		sap_cnt(h, SAP_CNT_PINGS);
		sap_send_empty(h, SAP_MSG_NOTIF_PONG);
		break;
	case SAP_MSG_NOTIF_AMT_STATE:
		sap_handle_amt_state(h, msg->u.val);
		break;
	case SAP_MSG_NOTIF_CSME_FILTERS:
		sap_handle_filters(h, &msg->u.filters);
		break;
	case SAP_MSG_NOTIF_NIC_OWNER:
		sap_handle_nic_owner(h, msg->u.val);
		break;
	case SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ:
		sap_handle_ownership_reply(h, msg->u.val);
		break;
	case SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP:
		sap_handle_csme_taking(h);
		break;
	case SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP:
		sap_cnt(h, SAP_CNT_CSME_RELEASED);
		if (h->cfg.ops)
			sap_get_ownership_locked(h, false);
		break;
	case SAP_MSG_NOTIF_CSME_CONN_STATUS:
		sap_handle_conn_status(h, msg);
		break;
	case SAP_MSG_NOTIF_NVM:
		sap_handle_nvm(h, &msg->u.nvm);
		break;
	case SAP_MSG_NOTIF_PLDR_ACK:
		if (msg->u.pldr.status == SAP_PLDR_STATUS_SUCCESS) {
			WRITE_ONCE(h->pldr_acked, true);
			wake_up_all(&h->wq);
		}
		break;
	default:
		/* PONG, TRIGGER_IP_REFRESH: nothing to do. */
		sap_cnt(h, SAP_CNT_NOTIF_RX_IGNORED);
		break;
	}
}

// SPDX-License-Identifier: GPL-2.0
/* sap_host: reacting to CSME's notifications.
 *
 * Every handler runs with sap_host.lock held, from the doorbell path. What
 * changes the NIC's owner is handed to own.c, what CSME wants to hear
 * again to report.c; the rest (AMT state, CSME's connection, NVM, filters,
 * PLDR_ACK) is recorded here. Callbacks into the WLAN driver
 * are made with the lock held: the driver must not call back into the API
 * synchronously (see sap_mei.h).
 */
#include <linux/slab.h>
#include <linux/etherdevice.h>

#include "internal.h"

static void sap_handle_amt_state(struct sap_host *h, u32 val)
{
	bool enabled = !!val;

	if (enabled == h->amt_enabled)
		return;
	WRITE_ONCE(h->amt_enabled, enabled);
	sap_set_state(h, enabled ? SAP_ST_ACTIVE : SAP_ST_CONNECTED);
	dev_info(h->t->dev, "wireless AMT %s\n", enabled ? "enabled" : "disabled");
	if (enabled)
		sap_report_all(h);
	else
		sap_own_amt_disabled(h);
	/* (Un)registering the Rx handler needs rtnl: not from here. */
	schedule_work(&h->netdev_work);
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
		sap_own_tell_driver(h, !!h->link_prot_state, false);
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
		sap_own_nic_owner(h, msg->u.val);
		break;
	case SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ:
		sap_own_reply(h, msg->u.val);
		break;
	case SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP:
		sap_own_csme_taking(h);
		break;
	case SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP:
		sap_own_csme_can_release(h);
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

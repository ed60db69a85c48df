// SPDX-License-Identifier: GPL-2.0
/* sap_host: the sap_mei_* API used by the WLAN driver.
 *
 * Every report is recorded in the cfg first, then sent (report.c) if a
 * session with AMT enabled exists; the initial burst of the next session
 * sends the cfg again. Ownership requests and the driver's consent to a
 * hand-over go to own.c.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/cleanup.h>

#include "internal.h"

#define SAP_NVM_TIMEOUT		(2 * HZ)
#define SAP_PLDR_TIMEOUT	(HZ / 2)
#define SAP_PLDR_TRIES		3

/**
 * sap_mei_is_connected() - is a SAP session up?
 *
 * Return: true once the START handshake completed, until the transport goes.
 */
bool sap_mei_is_connected(void)
{
	guard(mutex)(&sap_host.lock);
	return sap_connected(&sap_host);
}
EXPORT_SYMBOL_GPL(sap_mei_is_connected);

/**
 * sap_mei_register() - attach the WLAN driver
 * @priv: cookie passed to every callback, not NULL
 * @ops: callbacks
 *
 * If a session is up, the driver is told CSME's link protection state right
 * away through @ops->rfkill.
 *
 * Return: 0, -EINVAL, or -EBUSY if a driver is already registered.
 */
int sap_mei_register(void *priv, const struct sap_mei_ops *ops)
{
	struct sap_host *h = &sap_host;

	if (!priv || !ops)
		return -EINVAL;
	guard(mutex)(&h->lock);
	if (h->cfg.ops)
		return -EBUSY;
	h->cfg.ops = ops;
	h->cfg.priv = priv;
	/* The first SAP-aware driver opens the session: see sap_host_probe(). */
	if (h->t && h->state == SAP_ST_IDLE)
		sap_session_open(h);
	if (sap_connected(h))
		sap_own_tell_driver(h, !!h->link_prot_state && !h->got_ownership, false);
	if (sap_report_allowed(h))
		sap_report_driver_up(h);
	return 0;
}
EXPORT_SYMBOL_GPL(sap_mei_register);

/**
 * sap_mei_start_unregister() - first half of detaching the WLAN driver
 *
 * The netdev must have been cleared with sap_mei_set_netdev(NULL). No
 * callback is made after this returns.
 */
void sap_mei_start_unregister(void)
{
	struct sap_host *h = &sap_host;

	guard(mutex)(&h->lock);
	WARN_ON(rcu_access_pointer(h->cfg.netdev));
	if (!h->cfg.ops)
		return;
	h->cfg.ops = NULL;
	h->cfg.device_up = false;
	sap_own_driver_gone(h);
}
EXPORT_SYMBOL_GPL(sap_mei_start_unregister);

/**
 * sap_mei_unregister_complete() - second half of detaching the WLAN driver
 *
 * Tells CSME (WIFIDR_DOWN, with AMT enabled) and forgets everything the
 * driver reported.
 */
void sap_mei_unregister_complete(void)
{
	struct sap_host *h = &sap_host;

	sap_own_stop_retake(h);
	guard(mutex)(&h->lock);
	/* As upstream: CSME hears WIFIDR_DOWN once the driver is gone. */
	if (h->cfg.priv && sap_report_allowed(h))
		sap_send_empty(h, SAP_MSG_NOTIF_WIFIDR_DOWN);
	h->cfg.priv = NULL;
	h->cfg.conn_valid = false;
	h->cfg.sar_valid = false;
	h->cfg.mcc_valid = false;
	h->cfg.rf_kill = SAP_RADIO_STATE_ALL;
	memset(h->cfg.mac, 0, sizeof(h->cfg.mac));
	memset(h->cfg.nvm_mac, 0, sizeof(h->cfg.nvm_mac));
}
EXPORT_SYMBOL_GPL(sap_mei_unregister_complete);

/**
 * sap_mei_get_nvm() - read the NIC's NVM through CSME
 *
 * Used when CSME owns the NIC and the driver cannot read it itself. Waits
 * up to two seconds.
 *
 * Return: a copy the caller kfree()s, or NULL.
 */
struct sap_mei_nvm *sap_mei_get_nvm(void)
{
	struct sap_host *h = &sap_host;
	struct sap_mei_nvm *nvm = NULL;
	u32 session;

	mutex_lock(&h->lock);
	if (!sap_connected(h) || !h->data_ready)
		goto out;
	kfree(h->nvm);
	WRITE_ONCE(h->nvm, NULL);
	if (sap_send_empty(h, SAP_MSG_NOTIF_GET_NVM))
		goto out;
	session = h->session;
	mutex_unlock(&h->lock);
	wait_event_timeout(h->wq, READ_ONCE(h->nvm) || READ_ONCE(h->session) != session,
			   SAP_NVM_TIMEOUT);
	mutex_lock(&h->lock);
	if (h->nvm && h->session == session)
		nvm = kmemdup(h->nvm, sizeof(*nvm), GFP_KERNEL);
out:
	mutex_unlock(&h->lock);
	return nvm;
}
EXPORT_SYMBOL_GPL(sap_mei_get_nvm);

/**
 * sap_mei_get_ownership() - make sure the host owns the NIC
 *
 * Returns at once if no session with AMT is up or the host owns the NIC;
 * otherwise asks CSME and waits up to 500 ms for the grant.
 *
 * Return: 0; -EBUSY if CSME denied the NIC or -ETIMEDOUT if it did not
 * answer (either way the request is repeated every retake delay); or an
 * errno if it could not be sent.
 */
int sap_mei_get_ownership(void)
{
	int ret;

	/* Not a guard: the wait drops and retakes the lock. */
	mutex_lock(&sap_host.lock);
	ret = sap_own_request(&sap_host, true);
	mutex_unlock(&sap_host.lock);
	return ret;
}
EXPORT_SYMBOL_GPL(sap_mei_get_ownership);

/**
 * sap_mei_set_netdev() - bind or unbind the WLAN netdev
 * @netdev: the netdev, or NULL
 *
 * Context: rtnl held.
 */
void sap_mei_set_netdev(struct net_device *netdev)
{
	struct sap_host *h = &sap_host;

	ASSERT_RTNL();
	guard(mutex)(&h->lock);
	if (h->rx_dev && h->rx_dev != netdev) {
		netdev_rx_handler_unregister(h->rx_dev);
		h->rx_dev = NULL;
	}
	rcu_assign_pointer(h->cfg.netdev, netdev);
	sap_rx_handler_sync(h);
}
EXPORT_SYMBOL_GPL(sap_mei_set_netdev);

/**
 * sap_mei_set_rfkill_state() - report the radio's kill switches
 * @hw_rfkill: hardware switch engaged
 * @sw_rfkill: software block
 */
void sap_mei_set_rfkill_state(bool hw_rfkill, bool sw_rfkill)
{
	struct sap_host *h = &sap_host;
	u32 val = 0;

	if (!sw_rfkill)
		val |= SAP_SW_RFKILL_DEASSERTED;
	if (!hw_rfkill)
		val |= SAP_HW_RFKILL_DEASSERTED;
	guard(mutex)(&h->lock);
	h->cfg.rf_kill = val;
	if (sap_report_allowed(h))
		sap_report_radio_state(h);
}
EXPORT_SYMBOL_GPL(sap_mei_set_rfkill_state);

/**
 * sap_mei_set_nic_info() - report the NIC's addresses
 * @mac_address: interface address
 * @nvm_address: address stored in the NVM
 */
void sap_mei_set_nic_info(const u8 *mac_address, const u8 *nvm_address)
{
	struct sap_host *h = &sap_host;

	if (!mac_address || !nvm_address)
		return;
	guard(mutex)(&h->lock);
	ether_addr_copy(h->cfg.mac, mac_address);
	ether_addr_copy(h->cfg.nvm_mac, nvm_address);
	if (sap_report_allowed(h))
		sap_report_nic_info(h);
}
EXPORT_SYMBOL_GPL(sap_mei_set_nic_info);

/**
 * sap_mei_set_country_code() - report the regulatory country
 * @mcc: two ASCII letters, first one in the high byte
 */
void sap_mei_set_country_code(u16 mcc)
{
	struct sap_host *h = &sap_host;

	guard(mutex)(&h->lock);
	h->cfg.mcc = mcc;
	h->cfg.mcc_valid = true;
	if (sap_report_allowed(h))
		sap_report_country_code(h);
}
EXPORT_SYMBOL_GPL(sap_mei_set_country_code);

/**
 * sap_mei_set_power_limit() - report the SAR table
 * @power_limit: %SAP_MEI_SAR_CHAINS x %SAP_MEI_SAR_SUBBANDS little-endian
 *	values
 */
void sap_mei_set_power_limit(const __le16 *power_limit)
{
	struct sap_host *h = &sap_host;
	int c, s;

	if (!power_limit)
		return;
	guard(mutex)(&h->lock);
	for (c = 0; c < SAP_SAR_NUM_CHAINS; c++)
		for (s = 0; s < SAP_SAR_NUM_SUBBANDS; s++)
			h->cfg.sar[c][s] = le16_to_cpu(power_limit[c * SAP_SAR_NUM_SUBBANDS + s]);
	h->cfg.sar_valid = true;
	if (sap_report_allowed(h))
		sap_report_sar(h);
}
EXPORT_SYMBOL_GPL(sap_mei_set_power_limit);

/**
 * sap_mei_host_associated() - the host connected to an AP
 * @conn: the connection; an SSID longer than 32 bytes is ignored
 * @colloc: collocated AP, may be NULL
 */
void sap_mei_host_associated(const struct sap_mei_conn_info *conn,
			     const struct sap_mei_colloc_info *colloc)
{
	struct sap_host *h = &sap_host;
	struct sap_conn_params *c = &h->cfg.conn;

	if (!conn || conn->ssid_len > SAP_MEI_SSID_MAX)
		return;
	guard(mutex)(&h->lock);
	memset(c, 0, sizeof(*c));
	c->ssid_len = conn->ssid_len;
	memcpy(c->ssid, conn->ssid, conn->ssid_len);
	c->auth_mode = conn->auth_mode;
	c->pairwise_cipher = conn->pairwise_cipher;
	c->channel = conn->channel;
	c->band = conn->band;
	ether_addr_copy(c->bssid, conn->bssid);
	memset(&h->cfg.colloc, 0, sizeof(h->cfg.colloc));
	if (colloc && colloc->channel) {
		h->cfg.colloc.channel = colloc->channel;
		h->cfg.colloc.band = colloc->channel > 14;
		ether_addr_copy(h->cfg.colloc.bssid, colloc->bssid);
	}
	h->cfg.conn_valid = true;
	if (sap_report_allowed(h))
		sap_report_link_up(h);
}
EXPORT_SYMBOL_GPL(sap_mei_host_associated);

/**
 * sap_mei_host_disassociated() - the host lost its connection
 *
 * Reported as a temporary link down, so CSME does not grab the NIC at once.
 */
void sap_mei_host_disassociated(void)
{
	struct sap_host *h = &sap_host;

	guard(mutex)(&h->lock);
	h->cfg.conn_valid = false;
	if (sap_report_allowed(h))
		sap_report_link_down(h);
}
EXPORT_SYMBOL_GPL(sap_mei_host_disassociated);

/**
 * sap_mei_device_state() - the WLAN device started or stopped
 * @up: running
 *
 * A stop while CSME is taking the NIC confirms the hand-over to CSME.
 */
void sap_mei_device_state(bool up)
{
	struct sap_host *h = &sap_host;

	guard(mutex)(&h->lock);
	h->cfg.device_up = up;
	if (!up)
		sap_own_device_stopped(h);
}
EXPORT_SYMBOL_GPL(sap_mei_device_state);

/**
 * sap_mei_pldr_req() - announce a product reset of the NIC to CSME
 *
 * Return: 0 when CSME acknowledged or no session with AMT is up,
 * -ETIMEDOUT if CSME did not acknowledge after three tries.
 */
int sap_mei_pldr_req(void)
{
	struct sap_host *h = &sap_host;
	int tries, len, ret = 0;
	u32 session;

	mutex_lock(&h->lock);
	if (!sap_active(h))
		goto out;
	session = h->session;
	ret = -ETIMEDOUT;
	for (tries = 0; tries < SAP_PLDR_TRIES; tries++) {
		WRITE_ONCE(h->pldr_acked, false);
		len = sap_msg_enc_dw(h->txbuf, sizeof(h->txbuf), SAP_MSG_NOTIF_PLDR,
				     0, 0);
		if (sap_send_notif(h, len))
			continue;
		mutex_unlock(&h->lock);
		wait_event_timeout(h->wq, READ_ONCE(h->pldr_acked) ||
				   READ_ONCE(h->session) != session, SAP_PLDR_TIMEOUT);
		mutex_lock(&h->lock);
		if (h->session != session) {
			ret = 0;
			break;
		}
		if (h->pldr_acked) {
			h->pldr_active = true;
			ret = 0;
			break;
		}
	}
out:
	mutex_unlock(&h->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(sap_mei_pldr_req);

/**
 * sap_mei_alive_notif() - the NIC's firmware came up after a product reset
 * @success: it came up correctly
 */
void sap_mei_alive_notif(bool success)
{
	struct sap_host *h = &sap_host;
	int len;

	guard(mutex)(&h->lock);
	if (!h->pldr_active)
		return;
	h->pldr_active = false;
	if (!sap_connected(h))
		return;
	len = sap_msg_enc_pldr_status(h->txbuf, sizeof(h->txbuf), SAP_MSG_NOTIF_PLDR_END,
				      0, 0,
				      success ? SAP_PLDR_STATUS_SUCCESS : SAP_PLDR_STATUS_FAILURE);
	sap_send_notif(h, len);
}
EXPORT_SYMBOL_GPL(sap_mei_alive_notif);

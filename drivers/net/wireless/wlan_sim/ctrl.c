// SPDX-License-Identifier: GPL-2.0
/* wlan_sim: state transitions of the NIC and what each one reports to
 * sap_host, the way iwlwifi reports them.
 *
 * Everything here runs with wlsim_nic.lock held. The transitions that may
 * start the device also need rtnl, so that IFF_UP cannot change under them.
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/lockdep.h>
#include <linux/bitops.h>

#include "wlan_sim.h"

static void wlsim_update_carrier(struct wlsim_nic *nic)
{
	if (wlsim_link_ok(READ_ONCE(nic->flags)))
		netif_carrier_on(wlsim_host(nic));
	else
		netif_carrier_off(wlsim_host(nic));
}

static void wlsim_report_assoc(struct wlsim_nic *nic)
{
	const struct wlsim_conn *conn = &nic->conn;
	struct sap_mei_conn_info ci = {};

	ci.auth_mode = conn->auth;
	ci.ssid_len = conn->ssid_len;
	ci.channel = conn->channel;
	ci.band = conn->channel > 14;
	ci.pairwise_cipher = conn->cipher;
	ether_addr_copy(ci.bssid, conn->bssid);
	memcpy(ci.ssid, conn->ssid, conn->ssid_len);
	sap_mei_host_associated(&ci, NULL);
}

/* Connect to the profile's AP, if there is a profile and the device runs. */
static void wlsim_associate(struct wlsim_nic *nic)
{
	if (!nic->conn_valid || !test_bit(WLSIM_STARTED, &nic->flags))
		return;
	set_bit(WLSIM_ASSOCIATED, &nic->flags);
	wlsim_update_carrier(nic);
	wlsim_report_assoc(nic);
}

static void wlsim_disassociate(struct wlsim_nic *nic)
{
	if (!test_and_clear_bit(WLSIM_ASSOCIATED, &nic->flags))
		return;
	wlsim_update_carrier(nic);
	sap_mei_host_disassociated();
}

/* The device runs, owned by the host. The caller reported
 * sap_mei_device_state(true).
 */
static void wlsim_start(struct wlsim_nic *nic)
{
	clear_bit(WLSIM_CSME_OWNS, &nic->flags);
	clear_bit(WLSIM_NOT_OWNER_RFKILL, &nic->flags);
	set_bit(WLSIM_STARTED, &nic->flags);
	wlsim_associate(nic);
	wlsim_update_carrier(nic);
	netif_wake_queue(wlsim_host(nic));
}

/**
 * wlsim_bring_up() - start the device of an interface that is up
 * @nic: the NIC
 *
 * What iwlwifi does when mac80211 starts: report the device up, make sure
 * the host owns the NIC, then run and associate.
 *
 * Return: 0, or the error of sap_mei_get_ownership(); the device is then
 * reported down again and stays stopped.
 */
int wlsim_bring_up(struct wlsim_nic *nic)
{
	int ret;

	lockdep_assert_held(&nic->lock);
	sap_mei_device_state(true);
	ret = sap_mei_get_ownership();
	nic->last_own_err = ret;
	if (ret) {
		sap_mei_device_state(false);
		return ret;
	}
	wlsim_start(nic);
	return 0;
}

/**
 * wlsim_stop() - stop the device: interface down or system suspend
 * @nic: the NIC
 */
void wlsim_stop(struct wlsim_nic *nic)
{
	lockdep_assert_held(&nic->lock);
	wlsim_disassociate(nic);
	clear_bit(WLSIM_STARTED, &nic->flags);
	wlsim_update_carrier(nic);
	sap_mei_device_state(false);
}

/**
 * wlsim_csme_takes() - CSME takes the NIC: rfkill(blocked, CSME taking)
 * @nic: the NIC
 *
 * Reporting the device down is what confirms the hand-over to CSME.
 */
void wlsim_csme_takes(struct wlsim_nic *nic)
{
	struct net_device *host = wlsim_host(nic);

	lockdep_assert_held(&nic->lock);
	set_bit(WLSIM_CSME_OWNS, &nic->flags);
	clear_bit(WLSIM_STARTED, &nic->flags);
	/* Losing the radio ends the association, as mac80211 would. */
	wlsim_disassociate(nic);
	netif_carrier_off(host);
	netif_stop_queue(host);
	set_bit(WLSIM_NOT_OWNER_RFKILL, &nic->flags);
	sap_mei_device_state(false);
}

/**
 * wlsim_host_gets_nic() - the host may use the NIC again
 * @nic: the NIC
 *
 * After rfkill(unblocked) or a granted ownership request. The device
 * restarts if the interface is up, unless the system is suspended (the
 * resume work restarts it then).
 */
void wlsim_host_gets_nic(struct wlsim_nic *nic)
{
	ASSERT_RTNL();
	lockdep_assert_held(&nic->lock);
	clear_bit(WLSIM_NOT_OWNER_RFKILL, &nic->flags);
	clear_bit(WLSIM_CSME_OWNS, &nic->flags);
	if (!netif_running(wlsim_host(nic)) ||
	    test_bit(WLSIM_STARTED, &nic->flags) ||
	    test_bit(WLSIM_SUSPENDED, &nic->flags)) {
		wlsim_update_carrier(nic);
		return;
	}
	sap_mei_device_state(true);
	wlsim_start(nic);
}

/**
 * wlsim_seize() - the firmware seizes the hardware
 * @nic: the NIC
 *
 * What CSME does when the host does not release the NIC in time. CSME
 * knows, so nothing is reported to sap_host. Seizing a NIC that CSME
 * already owns does nothing.
 */
void wlsim_seize(struct wlsim_nic *nic)
{
	struct net_device *host = wlsim_host(nic);

	lockdep_assert_held(&nic->lock);
	if (test_and_set_bit(WLSIM_CSME_OWNS, &nic->flags))
		return;
	clear_bit(WLSIM_STARTED, &nic->flags);
	clear_bit(WLSIM_ASSOCIATED, &nic->flags);
	netif_carrier_off(host);
	netif_stop_queue(host);
	nic->seized++;
}

/**
 * wlsim_set_rfkill() - set the kill switches
 * @nic: the NIC
 * @hw: hardware switch engaged
 * @sw: software block
 *
 * Reported to sap_host only when something changes.
 */
void wlsim_set_rfkill(struct wlsim_nic *nic, bool hw, bool sw)
{
	lockdep_assert_held(&nic->lock);
	if (hw == test_bit(WLSIM_HW_RFKILL, &nic->flags) &&
	    sw == test_bit(WLSIM_SW_RFKILL, &nic->flags))
		return;
	assign_bit(WLSIM_HW_RFKILL, &nic->flags, hw);
	assign_bit(WLSIM_SW_RFKILL, &nic->flags, sw);
	wlsim_update_carrier(nic);
	sap_mei_set_rfkill_state(hw, sw);
}

/**
 * wlsim_set_conn() - change the association profile
 * @nic: the NIC
 * @conn: the new profile, or NULL to disassociate and forget it
 *
 * A running device (re)associates at once.
 */
void wlsim_set_conn(struct wlsim_nic *nic, const struct wlsim_conn *conn)
{
	lockdep_assert_held(&nic->lock);
	if (!conn) {
		nic->conn_valid = false;
		wlsim_disassociate(nic);
		return;
	}
	nic->conn = *conn;
	nic->conn_valid = true;
	wlsim_associate(nic);
}

// SPDX-License-Identifier: GPL-2.0
/* wlan_sim: the callbacks sap_host makes into the driver.
 *
 * They run under sap_host's lock, so they must neither call back into the
 * sap_mei_* API nor take rtnl or wlsim_nic.lock (both are held around
 * sap_mei_*() calls elsewhere). They record what they were told under
 * wlsim_nic.cb_lock and leave the rest to work items on the NIC's ordered
 * workqueue.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>
#include <linux/cleanup.h>

#include "wlan_sim.h"

static void wlsim_me_conn_status(void *priv,
				 const struct sap_mei_conn_info *ci)
{
	struct wlsim_nic *nic = priv;
	u8 len = min_t(u8, ci->ssid_len, SAP_MEI_SSID_MAX);

	scoped_guard(spinlock, &nic->cb_lock) {
		nic->rep.csme_link_prot = ci->lp_state;
		memcpy(nic->rep.csme_ssid, ci->ssid, len);
		nic->rep.csme_ssid_len = len;
	}
}

/* Like current iwlwifi, a block while CSME is not taking the NIC (link
 * protection) is only recorded. A take and a release may both be pending
 * when the work runs; it handles the take first. A take cancels an older
 * release, whose effect it would undo anyway.
 */
static void wlsim_rfkill(void *priv, bool blocked, bool csme_taking)
{
	struct wlsim_nic *nic = priv;
	bool queue = true;

	scoped_guard(spinlock, &nic->cb_lock) {
		nic->rep.rfkill_calls++;
		if (blocked && csme_taking) {
			nic->rep.take_pending = true;
			nic->rep.release_pending = false;
		} else if (blocked) {
			nic->rep.lp_rfkill = true;
			queue = false;
		} else {
			nic->rep.lp_rfkill = false;
			nic->rep.release_pending = true;
		}
	}
	if (queue)
		queue_work(nic->wq, &nic->rfkill_work);
}

static void wlsim_roaming_forbidden(void *priv, bool forbidden)
{
	struct wlsim_nic *nic = priv;

	scoped_guard(spinlock, &nic->cb_lock)
		nic->rep.roaming_forbidden = forbidden;
}

static void wlsim_sap_connected(void *priv)
{
	struct wlsim_nic *nic = priv;

	scoped_guard(spinlock, &nic->cb_lock)
		nic->rep.sap_connected_calls++;
}

const struct sap_mei_ops wlsim_sap_ops = {
	.me_conn_status		= wlsim_me_conn_status,
	.rfkill			= wlsim_rfkill,
	.roaming_forbidden	= wlsim_roaming_forbidden,
	.sap_connected		= wlsim_sap_connected,
};

static void wlsim_rfkill_work(struct work_struct *work)
{
	struct wlsim_nic *nic = container_of(work, struct wlsim_nic,
					     rfkill_work);
	bool take, release;

	scoped_guard(spinlock, &nic->cb_lock) {
		take = nic->rep.take_pending;
		release = nic->rep.release_pending;
		nic->rep.take_pending = false;
		nic->rep.release_pending = false;
	}

	rtnl_lock();
	scoped_guard(mutex, &nic->lock) {
		if (take)
			wlsim_csme_takes(nic);
		if (release)
			wlsim_host_gets_nic(nic);
	}
	rtnl_unlock();
}

void wlsim_sap_init(struct wlsim_nic *nic)
{
	INIT_WORK(&nic->rfkill_work, wlsim_rfkill_work);
}

/* After sap_mei_start_unregister(): no callback can queue them again. */
void wlsim_sap_cancel(struct wlsim_nic *nic)
{
	cancel_work_sync(&nic->rfkill_work);
}

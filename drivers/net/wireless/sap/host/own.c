// SPDX-License-Identifier: GPL-2.0
/* sap_host: who owns the NIC.
 *
 * The host asks CSME for the NIC (and asks again every retake delay until
 * CSME grants it), hands it over when CSME takes it, and tells the WLAN
 * driver through its rfkill callback whether it may use the device. Every
 * change of ownership is made here; notif.c and the API only report the
 * events that cause one.
 */
#include <linux/moduleparam.h>
#include <linux/cleanup.h>

#include "internal.h"

static unsigned int sap_retake_delay_ms = 60000;
module_param_named(retake_delay_ms, sap_retake_delay_ms, uint, 0644);
MODULE_PARM_DESC(retake_delay_ms, "Delay before asking for the NIC again after CSME took it (ms)");

#define SAP_OWNERSHIP_TIMEOUT	(HZ / 2)

/**
 * sap_own_tell_driver() - tell the WLAN driver whether it may use the NIC
 * @h: host, locked
 * @blocked: the driver must keep the device stopped
 * @taking: because CSME is taking the NIC (the driver confirms by stopping
 *	its device, see sap_own_device_stopped())
 */
void sap_own_tell_driver(struct sap_host *h, bool blocked, bool taking)
{
	if (h->cfg.ops && h->cfg.ops->rfkill)
		h->cfg.ops->rfkill(h->cfg.priv, blocked, taking);
}

static void sap_own_schedule_retake(struct sap_host *h)
{
	mod_delayed_work(system_wq, &h->retake_work, msecs_to_jiffies(sap_retake_delay_ms));
}

/* The host owns the NIC: stop asking for it, wake whoever waits for it. */
static void sap_own_host_owns(struct sap_host *h)
{
	WRITE_ONCE(h->got_ownership, true);
	cancel_delayed_work(&h->retake_work);
	wake_up_all(&h->wq);
}

/**
 * sap_own_request() - ask CSME for the NIC
 * @h: host, locked
 * @wait: wait for the answer (drops and retakes the lock)
 *
 * Until CSME grants the NIC, the request is repeated every retake delay
 * (the grant cancels the repetition).
 *
 * Return: 0 if the host owns the NIC, needs not ask or (without @wait) the
 * request went out; -EBUSY if CSME denied it; -ETIMEDOUT if CSME did not
 * answer in time; another errno if the request could not be sent.
 */
int sap_own_request(struct sap_host *h, bool wait)
{
	u32 session, denials;
	int ret;

	lockdep_assert_held(&h->lock);
	if (!sap_active(h) || h->got_ownership)
		return 0;
	sap_cnt(h, SAP_CNT_OWNERSHIP_ASKED);
	ret = sap_send_empty(h, SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
	if (ret)
		return ret;
	sap_own_schedule_retake(h);
	if (!wait)
		return 0;

	session = h->session;
	denials = h->own_denials;
	mutex_unlock(&h->lock);
	wait_event_timeout(h->wq, READ_ONCE(h->got_ownership) ||
			   READ_ONCE(h->own_denials) != denials ||
			   READ_ONCE(h->session) != session, SAP_OWNERSHIP_TIMEOUT);
	mutex_lock(&h->lock);
	/* A session that ended leaves the NIC to the host. */
	if (h->got_ownership || h->session != session)
		return 0;
	if (h->own_denials != denials)
		return -EBUSY;
	sap_cnt(h, SAP_CNT_OWNERSHIP_TIMEOUTS);
	return -ETIMEDOUT;
}

/* Ask again; the request re-arms this work until CSME grants the NIC. */
static void sap_own_retake_work(struct work_struct *work)
{
	struct sap_host *h = container_of(to_delayed_work(work), struct sap_host,
					  retake_work);

	guard(mutex)(&h->lock);
	if (!h->cfg.ops || h->state == SAP_ST_GOING_DOWN)
		return;
	sap_own_request(h, false);
}

/**
 * sap_own_confirm_csme_take() - hand the NIC to CSME, which asked for it
 * @h: host, locked, CSME taking the NIC (csme_taking_ownership)
 *
 * Return: 0, or the error of the transmit path (-ENOTCONN without a
 * session, in which case there is nobody to confirm to).
 */
int sap_own_confirm_csme_take(struct sap_host *h)
{
	int ret;

	lockdep_assert_held(&h->lock);
	h->csme_taking_ownership = false;
	if (!sap_connected(h))
		return -ENOTCONN;
	ret = sap_send_empty(h, SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED);
	sap_own_schedule_retake(h);
	return ret;
}

/**
 * sap_own_device_stopped() - the driver's device stopped
 * @h: host, locked
 *
 * If CSME is taking the NIC, this is the driver's consent: confirm.
 */
void sap_own_device_stopped(struct sap_host *h)
{
	if (h->csme_taking_ownership)
		sap_own_confirm_csme_take(h);
}

/**
 * sap_own_amt_disabled() - CSME turned wireless AMT off
 * @h: host, locked
 *
 * Without AMT, CSME has no claim on the NIC.
 */
void sap_own_amt_disabled(struct sap_host *h)
{
	sap_own_host_owns(h);
	sap_own_tell_driver(h, false, false);
}

/**
 * sap_own_reply() - CSME answered the host's request for the NIC
 * @h: host, locked
 * @granted: CSME's answer
 */
void sap_own_reply(struct sap_host *h, u32 granted)
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
	sap_own_host_owns(h);
	sap_send_empty(h, SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED);
	sap_own_tell_driver(h, false, false);
}

/**
 * sap_own_csme_taking() - CSME takes the NIC
 * @h: host, locked
 *
 * A running device is stopped by its driver first (which then confirms);
 * otherwise the hand-over is confirmed at once.
 */
void sap_own_csme_taking(struct sap_host *h)
{
	sap_cnt(h, SAP_CNT_CSME_TOOK);
	WRITE_ONCE(h->got_ownership, false);
	if (h->cfg.ops && h->cfg.device_up) {
		h->csme_taking_ownership = true;
		sap_own_tell_driver(h, true, true);
		return;
	}
	sap_send_empty(h, SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED);
	if (h->cfg.ops)
		sap_own_schedule_retake(h);
}

/**
 * sap_own_nic_owner() - CSME said who owns the NIC
 * @h: host, locked
 * @owner: &enum sap_nic_owner
 */
void sap_own_nic_owner(struct sap_host *h, u32 owner)
{
	if (owner != SAP_NIC_OWNER_ME) {
		sap_own_host_owns(h);
		return;
	}
	WRITE_ONCE(h->got_ownership, false);
	/* A running device must not be left without its NIC until the
	 * retake delay expires: ask for it right away.
	 */
	if (h->cfg.ops && h->cfg.device_up)
		sap_own_request(h, false);
}

/**
 * sap_own_csme_can_release() - CSME would give the NIC back: ask for it
 * @h: host, locked
 */
void sap_own_csme_can_release(struct sap_host *h)
{
	sap_cnt(h, SAP_CNT_CSME_RELEASED);
	if (h->cfg.ops)
		sap_own_request(h, false);
}

/**
 * sap_own_driver_gone() - the WLAN driver unregistered
 * @h: host, locked
 *
 * The next driver asks for the NIC again.
 */
void sap_own_driver_gone(struct sap_host *h)
{
	WRITE_ONCE(h->got_ownership, false);
}

/**
 * sap_own_session_ended() - the session is gone: the NIC is the host's
 * @h: host, locked
 *
 * Nobody is left to share it with, so the driver may use it; whether the
 * host "owns" it is asked again in the next session.
 */
void sap_own_session_ended(struct sap_host *h)
{
	WRITE_ONCE(h->got_ownership, false);
	sap_own_tell_driver(h, false, false);
}

/**
 * sap_own_stop_retake() - stop asking for the NIC again
 * @h: host, not locked (waits for a retake in progress, which locks)
 */
void sap_own_stop_retake(struct sap_host *h)
{
	cancel_delayed_work_sync(&h->retake_work);
}

/**
 * sap_own_init() - set up the retake work (at module load)
 * @h: host
 */
void sap_own_init(struct sap_host *h)
{
	INIT_DELAYED_WORK(&h->retake_work, sap_own_retake_work);
}

// SPDX-License-Identifier: GPL-2.0
/* sap_host: the host side of the Software Arbitration Protocol.
 *
 * This file holds the instance and the transport's entry points: probe
 * (bind, and open a session if a WLAN driver is registered), receive
 * (ME-level messages, and draining the CSME to host rings on every
 * doorbell) and remove (HOST_GOES_DOWN, drain wait, unmap). The map of
 * the other files is in docs/sap-host.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/skbuff.h>
#include <linux/rtnetlink.h>
#include <linux/cleanup.h>
#include <asm/unaligned.h>

#include "internal.h"
#include "trace.h"

#define SAP_GOES_DOWN_POLLS		10
#define SAP_GOES_DOWN_POLL_MS		20

struct sap_host sap_host = {
	.lock = __MUTEX_INITIALIZER(sap_host.lock),
	.data_lock = __SPIN_LOCK_UNLOCKED(sap_host.data_lock),
	.wq = __WAIT_QUEUE_HEAD_INITIALIZER(sap_host.wq),
	.cfg.rf_kill = SAP_RADIO_STATE_ALL,
};

/* Return: true if the budget ran out before the ring did. */
static bool sap_drain_m2h_notif(struct sap_host *h)
{
	struct sap_ring *r = &h->m2h[SAP_QUEUE_NOTIF];
	enum sap_reason res;
	unsigned int n;
	u32 len;

	for (n = 0; n < SAP_HOST_DRAIN_BUDGET; n++) {
		if (!h->data_ready)
			return false;
		res = sap_ring_read(r, h->rxbuf, sizeof(h->rxbuf), &len);
		if (res == SAP_R_EMPTY)
			return false;
		if (res != SAP_OK) {
			sap_rec_msg(&h->rec, FWCTL_SAP_DIR_M2H, FWCTL_SAP_Q_NOTIF, 0, 0, 0, res);
			sap_reject(h, SAP_CNT_NOTIF_RX_BAD, res);
			dev_warn_ratelimited(h->t->dev, "M2H notification queue: %s\n",
					     sap_reason_str(res));
			/* A corrupt pointer is left alone by the ring: stop. */
			if (res == SAP_R_RING_PTR_RANGE || res == SAP_R_INVAL)
				return false;
			continue;
		}
		trace_sap_host_msg(false, h->rxbuf, len);
		res = sap_msg_decode(h->rxbuf, len, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &h->msg);
		sap_rec_hdr(&h->rec, FWCTL_SAP_DIR_M2H, FWCTL_SAP_Q_NOTIF, h->rxbuf, len, len, res);
		if (res != SAP_OK) {
			sap_reject(h, SAP_CNT_NOTIF_RX_BAD, res);
			dev_warn_ratelimited(h->t->dev, "rejected CSME notification: %s\n",
					     sap_reason_str(res));
			continue;
		}
		sap_cnt(h, SAP_CNT_NOTIF_RX);
		if (h->msg.new_values) {
			sap_cnt(h, SAP_CNT_NOTIF_RX_NEW_VALUES);
			dev_info_ratelimited(h->t->dev,
					     "CSME notification %u carries values this driver does not know\n",
					     h->msg.type);
		}
		sap_handle_notif(h, &h->msg);
	}
	return true;
}

/* Drain both M2H rings, notifications first, as upstream. Whatever does not
 * fit in one pass's budget is drained by drain_work right after, so CSME
 * needs no second doorbell, and no single pass holds the lock for long.
 */
static void sap_handle_csa(struct sap_host *h)
{
	struct sk_buff_head txq;
	bool more;

	__skb_queue_head_init(&txq);
	scoped_guard(mutex, &h->lock) {
		if (!h->t || !h->data_ready)
			return;
		more = sap_drain_m2h_notif(h);
		more |= sap_drain_m2h_data(h, &txq);
		if (more) {
			sap_cnt(h, SAP_CNT_DRAIN_BUDGET);
			queue_work(system_wq, &h->drain_work);
		}
	}
	sap_xmit_queue(h, &txq);
}

static void sap_drain_work(struct work_struct *work)
{
	sap_handle_csa(container_of(work, struct sap_host, drain_work));
}

/**
 * sap_host_rx() - an ME-level message arrived from the firmware
 * @t: transport it came through
 * @buf: the message
 * @len: its length
 *
 * Called by transports in process context, one message at a time.
 */
void sap_host_rx(struct sap_transport *t, const void *buf, size_t len)
{
	struct sap_host *h = &sap_host;
	enum sap_reason r;
	u32 type;

	scoped_guard(mutex, &h->lock) {
		if (h->t != t || !h->mem)
			return;
		sap_cnt(h, SAP_CNT_ME_RX);
		r = sap_me_decode(buf, min_t(size_t, len, U32_MAX), SAP_DIR_M2H, &h->me_msg);
		sap_rec_msg(&h->rec, FWCTL_SAP_DIR_M2H, FWCTL_SAP_Q_ME,
			    len >= sizeof(u32) ? get_unaligned_le32(buf) : 0,
			    len >= 2 * sizeof(u32) ? get_unaligned_le32(buf + sizeof(u32)) : 0,
			    min_t(size_t, len, U32_MAX), r);
		if (r != SAP_OK) {
			sap_reject(h, SAP_CNT_ME_RX_BAD, r);
			if (len >= sizeof(u32) && get_unaligned_le32(buf) == SAP_ME_MSG_START_OK)
				sap_cnt(h, SAP_CNT_START_OK_BAD);
			dev_warn_ratelimited(t->dev, "rejected ME message (%zu bytes): %s\n",
					     len, sap_reason_str(r));
			return;
		}
		type = h->me_msg.type;
		trace_sap_host_me_msg(false, type, h->me_msg.seq, len);
		if (type == SAP_ME_MSG_START_OK) {
			sap_handle_start_ok(h);
			/* A doorbell that came before: drain now, see below. */
			if (!sap_connected(h) || !h->csa_early)
				return;
			h->csa_early = false;
		} else if (type == SAP_ME_MSG_CHECK_SHARED_AREA) {
			sap_cnt(h, SAP_CNT_CSA_RX);
			if (!sap_connected(h)) {
				/* Upstream drains the rings as soon as they
				 * exist; we keep CSME's messages until the
				 * session is up and drain them at START_OK,
				 * so nothing waits for another doorbell.
				 */
				sap_cnt(h, SAP_CNT_ME_RX_EARLY);
				h->csa_early = true;
				return;
			}
		}
	}
	sap_handle_csa(h);
}
EXPORT_SYMBOL_GPL(sap_host_rx);

/**
 * sap_host_probe() - a firmware client appeared
 * @t: its transport
 *
 * Binds the transport. The session (shared area, client enabled, START)
 * is opened only while a WLAN driver is registered with the sap_mei_* API;
 * otherwise it waits, in state no-driver, for sap_mei_register(). Once SAP
 * is up CSME refuses a driver that does not speak it the NIC (sap.md 4.3),
 * so without a SAP-aware driver the firmware is never even contacted. Only
 * one client can be bound.
 *
 * Return: 0, -EBUSY if a client is already bound, or the error of the
 * failed step of the session start.
 */
int sap_host_probe(struct sap_transport *t)
{
	struct sap_host *h = &sap_host;
	int ret = 0;

	if (!t || !t->ops || !t->dev)
		return -EINVAL;

	guard(mutex)(&h->lock);
	if (h->t)
		return -EBUSY;
	h->t = t;
	t->host = h;
	WRITE_ONCE(h->session, h->session + 1);
	sap_session_reset(h);
	sap_cnt(h, SAP_CNT_PROBES);
	sap_set_state(h, SAP_ST_IDLE);
	if (h->cfg.ops)
		ret = sap_session_open(h);
	else
		dev_info(t->dev, "no WLAN driver uses SAP: not starting a session\n");
	if (ret) {
		t->host = NULL;
		h->t = NULL;
		sap_set_state(h, SAP_ST_UNBOUND);
		return ret;
	}
	sap_fwctl_add(h);
	return 0;
}
EXPORT_SYMBOL_GPL(sap_host_probe);

static void sap_say_goodbye(struct sap_host *h)
{
	bool pending = true;
	int i;

	lockdep_assert_held(&h->lock);
	/* Only a session that is up is told (upstream sends nothing before
	 * START_OK either).
	 */
	if (!h->data_ready || !sap_connected(h))
		return;
	/* Nothing may hold this message back. */
	sap_tx_unthrottle(h);
	sap_send_empty(h, SAP_MSG_NOTIF_HOST_GOES_DOWN);
	sap_set_state(h, SAP_ST_GOING_DOWN);
	for (i = 0; i < SAP_GOES_DOWN_POLLS; i++) {
		pending = sap_tx_pending(h);
		if (!pending)
			break;
		msleep(SAP_GOES_DOWN_POLL_MS);
	}
	if (pending) {
		sap_cnt(h, SAP_CNT_GOES_DOWN_NO_ACK);
		dev_warn(h->t->dev, "CSME did not drain after HOST_GOES_DOWN\n");
	}
}

/**
 * sap_host_remove() - the firmware client is going away
 * @t: its transport
 *
 * Called on module unload, system suspend and firmware reset. Detaches
 * from the netdev, tells CSME the host goes down, waits (bounded) for CSME
 * to drain, gives the NIC back to the WLAN driver, then disables and
 * unmaps. The driver's running interface is left alone, and its cached
 * configuration is kept for the next session.
 */
void sap_host_remove(struct sap_transport *t)
{
	struct sap_host *h = &sap_host;
	struct sap_host_filters *filters;

	/* First, and unlocked: it waits for RPCs, which take the lock. */
	sap_fwctl_del(h, t);
	scoped_guard(mutex, &h->lock) {
		if (h->t != t)
			return;
		if (!h->mem) {
			/* No session was opened: nothing to tell the firmware. */
			sap_cnt(h, SAP_CNT_REMOVES);
			sap_set_state(h, SAP_ST_UNBOUND);
			WRITE_ONCE(h->session, h->session + 1);
			h->t = NULL;
			t->host = NULL;
			return;
		}
	}

	rtnl_lock();
	mutex_lock(&h->lock);
	if (h->rx_dev) {
		netdev_rx_handler_unregister(h->rx_dev);
		h->rx_dev = NULL;
	}
	rtnl_unlock();

	sap_cnt(h, SAP_CNT_REMOVES);
	sap_say_goodbye(h);
	spin_lock_bh(&h->data_lock);
	WRITE_ONCE(h->data_ready, false);
	spin_unlock_bh(&h->data_lock);
	sap_set_state(h, SAP_ST_UNBOUND);
	WRITE_ONCE(h->amt_enabled, false);
	WRITE_ONCE(h->session, h->session + 1);
	sap_own_session_ended(h);
	mutex_unlock(&h->lock);

	t->ops->disable(t);
	cancel_work_sync(&h->csa_work);
	cancel_work_sync(&h->drain_work);
	cancel_delayed_work_sync(&h->throttle_work);
	cancel_delayed_work_sync(&h->start_work);
	sap_own_stop_retake(h);
	cancel_work_sync(&h->netdev_work);
	wake_up_all(&h->wq);

	mutex_lock(&h->lock);
	t->ops->dma_unmap(t);
	h->mem = NULL;
	h->t = NULL;
	t->host = NULL;
	filters = rcu_replace_pointer(h->filters, NULL, lockdep_is_held(&h->lock));
	kfree(h->nvm);
	WRITE_ONCE(h->nvm, NULL);
	mutex_unlock(&h->lock);
	if (filters)
		kfree_rcu(filters, rcu);
}
EXPORT_SYMBOL_GPL(sap_host_remove);

static int __init sap_host_init(void)
{
	struct sap_host *h = &sap_host;

	sap_tx_init(h);
	sap_session_init(h);
	sap_own_init(h);
	INIT_WORK(&h->drain_work, sap_drain_work);
	sap_net_init(h);
	sap_debugfs_init(h);
	return 0;
}

static void __exit sap_host_exit(void)
{
	/* Transports and WLAN drivers hold references to us: all are gone. */
	sap_debugfs_exit(&sap_host);
	rcu_barrier();
}

module_init(sap_host_init);
module_exit(sap_host_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
MODULE_DESCRIPTION("Host side of the Software Arbitration Protocol (WLAN NIC shared with CSME)");

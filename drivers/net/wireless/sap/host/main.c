// SPDX-License-Identifier: GPL-2.0
/* sap_host: the host side of the Software Arbitration Protocol.
 *
 * This file binds to a transport, sets up the shared area, runs the START
 * handshake (with a timeout and retries), receives ME-level messages,
 * drains the CSME to host rings on every doorbell, sends notifications and
 * doorbells, and tears a session down again (HOST_GOES_DOWN, drain wait).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/skbuff.h>
#include <linux/rtnetlink.h>
#include <linux/cleanup.h>
#include <asm/unaligned.h>

#include "internal.h"
#include "trace.h"

unsigned int sap_csa_throttle_ms = 100;
module_param_named(csa_throttle_ms, sap_csa_throttle_ms, uint, 0644);
MODULE_PARM_DESC(csa_throttle_ms, "Minimum interval between two doorbells to CSME (ms)");

unsigned int sap_retake_delay_ms = 60000;
module_param_named(retake_delay_ms, sap_retake_delay_ms, uint, 0644);
MODULE_PARM_DESC(retake_delay_ms, "Delay before asking for the NIC again after CSME took it (ms)");

unsigned int sap_start_timeout_ms = 1000;
module_param_named(start_timeout_ms, sap_start_timeout_ms, uint, 0644);
MODULE_PARM_DESC(start_timeout_ms, "Time to wait for START_OK before sending START again (ms)");

#define SAP_MAP_ATTEMPTS		3
#define SAP_MAP_RETRY_MS		100
#define SAP_GOES_DOWN_POLLS		10
#define SAP_GOES_DOWN_POLL_MS		20

struct sap_host sap_host = {
	.lock = __MUTEX_INITIALIZER(sap_host.lock),
	.data_lock = __SPIN_LOCK_UNLOCKED(sap_host.data_lock),
	.wq = __WAIT_QUEUE_HEAD_INITIALIZER(sap_host.wq),
	.cfg.rf_kill = SAP_RADIO_STATE_ALL,
};

static const char * const sap_state_names[] = {
	[SAP_ST_UNBOUND] = "unbound",
	[SAP_ST_IDLE] = "idle",
	[SAP_ST_STARTING] = "starting",
	[SAP_ST_CONNECTED] = "connected",
	[SAP_ST_ACTIVE] = "active",
	[SAP_ST_GOING_DOWN] = "going-down",
};

const char *sap_state_name(enum sap_host_state st)
{
	if ((unsigned int)st < ARRAY_SIZE(sap_state_names))
		return sap_state_names[st];
	return "?";
}

void sap_set_state(struct sap_host *h, enum sap_host_state st)
{
	if (h->state == st)
		return;
	trace_sap_host_state(sap_state_name(h->state), sap_state_name(st));
	h->state = st;
}

static int sap_me_send(struct sap_host *h, const void *buf, int len)
{
	const struct sap_me_msg_hdr *hdr = buf;
	int ret;

	trace_sap_host_me_msg(true, le32_to_cpu(hdr->type), le32_to_cpu(hdr->seq_num), len);
	ret = h->t->ops->send(h->t, buf, len);
	sap_rec_msg(&h->rec, FWCTL_SAP_DIR_H2M, FWCTL_SAP_Q_ME, le32_to_cpu(hdr->type),
		    le32_to_cpu(hdr->seq_num), len, ret ? SAP_R_INVAL : SAP_OK);
	if (ret)
		dev_err_ratelimited(h->t->dev, "sending ME message %u failed: %d\n",
				    le32_to_cpu(hdr->type), ret);
	return ret;
}

/* Ring CSME's doorbell now, unless one went out less than the throttle
 * interval ago; the end of the throttle rings again if anything is pending.
 */
void sap_doorbell(struct sap_host *h)
{
	sap_doorbell_kick(h, false);
}

/* As sap_doorbell(); @kick rings even while throttled. */
void sap_doorbell_kick(struct sap_host *h, bool kick)
{
	u8 buf[sizeof(struct sap_me_msg_start)];
	int len;

	lockdep_assert_held(&h->lock);
	if (!h->t || !h->data_ready)
		return;
	if (h->csa_throttled && !kick) {
		sap_cnt(h, SAP_CNT_CSA_THROTTLED);
		return;
	}
	len = sap_me_enc_csa(buf, sizeof(buf), h->me_seq++);
	if (len < 0)
		return;
	if (!sap_me_send(h, buf, len))
		sap_cnt(h, SAP_CNT_CSA_TX);
	if (sap_csa_throttle_ms) {
		h->csa_throttled = true;
		mod_delayed_work(system_wq, &h->throttle_work,
				 msecs_to_jiffies(sap_csa_throttle_ms));
	}
}

static void sap_csa_work(struct work_struct *work)
{
	struct sap_host *h = container_of(work, struct sap_host, csa_work);
	bool kick;

	spin_lock_bh(&h->data_lock);
	kick = h->csa_kick;
	h->csa_kick = false;
	spin_unlock_bh(&h->data_lock);
	guard(mutex)(&h->lock);
	sap_doorbell_kick(h, kick);
}

static bool sap_h2m_pending(struct sap_host *h)
{
	bool pending;

	if (!h->data_ready)
		return false;
	pending = !sap_ring_is_empty(&h->h2m[SAP_QUEUE_NOTIF]);
	spin_lock_bh(&h->data_lock);
	pending |= !sap_ring_is_empty(&h->h2m[SAP_QUEUE_DATA]);
	spin_unlock_bh(&h->data_lock);
	return pending;
}

static void sap_throttle_work(struct work_struct *work)
{
	struct sap_host *h = container_of(to_delayed_work(work), struct sap_host,
					  throttle_work);

	guard(mutex)(&h->lock);
	h->csa_throttled = false;
	if (h->t && sap_h2m_pending(h))
		sap_doorbell(h);
}

/**
 * sap_send_notif() - the transmit path: stamp, queue for CSME and ring
 * @h: host
 * @len: length of the notification encoded in @h->txbuf (its sequence
 *	number is stamped here), or a negated &enum sap_reason from the
 *	encoder
 *
 * Every host notification goes through here; each one, sent or not, uses
 * a sequence number.
 *
 * Return: 0, -ENOTCONN without a session (START_OK received), -ENOSPC if
 * CSME does not drain, -EIO for anything else.
 */
int sap_send_notif(struct sap_host *h, int len)
{
	u32 seq = h->sap_seq++;
	enum sap_reason r;

	lockdep_assert_held(&h->lock);
	if (len < 0) {
		sap_cnt(h, SAP_CNT_NOTIF_TX_FAIL);
		return -EINVAL;
	}
	put_unaligned_le32(seq, h->txbuf + offsetof(struct sap_hdr, seq_num));
	/* As upstream: nothing goes into the rings before START_OK. */
	if (!h->data_ready || !sap_connected(h)) {
		sap_cnt(h, SAP_CNT_NOTIF_TX_FAIL);
		return -ENOTCONN;
	}
	r = sap_ring_write(&h->h2m[SAP_QUEUE_NOTIF], h->txbuf, len, NULL, 0);
	sap_rec_hdr(&h->rec, FWCTL_SAP_DIR_H2M, FWCTL_SAP_Q_NOTIF, h->txbuf, len, len, r);
	if (r != SAP_OK) {
		sap_cnt(h, SAP_CNT_NOTIF_TX_FAIL);
		dev_warn_ratelimited(h->t->dev, "notification %u not sent: %s\n",
				     get_unaligned_le16(h->txbuf), sap_reason_str(r));
		return r == SAP_R_RING_FULL ? -ENOSPC : -EIO;
	}
	trace_sap_host_msg(true, h->txbuf, len);
	sap_cnt(h, SAP_CNT_NOTIF_TX);
	sap_doorbell(h);
	return 0;
}

int sap_send_empty(struct sap_host *h, u16 type)
{
	return sap_send_notif(h, sap_msg_enc_empty(h->txbuf, sizeof(h->txbuf), type, 0));
}

int sap_send_dw(struct sap_host *h, u16 type, u32 val)
{
	return sap_send_notif(h, sap_msg_enc_dw(h->txbuf, sizeof(h->txbuf), type, 0, val));
}

/**
 * sap_send_start() - send START and arm the handshake timeout
 * @h: host, bound
 *
 * Return: 0 or a negative errno from the transport.
 */
int sap_send_start(struct sap_host *h)
{
	u8 buf[sizeof(struct sap_me_msg_start)];
	int len, ret;

	lockdep_assert_held(&h->lock);
	len = sap_me_enc_start(buf, sizeof(buf), h->me_seq++, h->version);
	if (len < 0)
		return -EINVAL;
	sap_set_state(h, SAP_ST_STARTING);
	sap_cnt(h, SAP_CNT_START_SENT);
	ret = sap_me_send(h, buf, len);
	mod_delayed_work(system_wq, &h->start_work, msecs_to_jiffies(sap_start_timeout_ms));
	return ret;
}

/* As upstream, START goes out once: a firmware that answers late is still
 * answered, and one that never answers is only reported. Re-sending would
 * put a second START in front of a CSME that may be busy with the first.
 */
static void sap_start_work(struct work_struct *work)
{
	struct sap_host *h = container_of(to_delayed_work(work), struct sap_host,
					  start_work);

	guard(mutex)(&h->lock);
	if (h->state != SAP_ST_STARTING)
		return;
	sap_cnt(h, SAP_CNT_START_TIMEOUTS);
	dev_warn(h->t->dev, "no START_OK within %u ms; still waiting for one\n",
		 sap_start_timeout_ms);
}

/**
 * sap_schedule_retake() - ask CSME for the NIC after the retake delay
 * @h: host, locked
 */
void sap_schedule_retake(struct sap_host *h)
{
	lockdep_assert_held(&h->lock);
	mod_delayed_work(system_wq, &h->retake_work, msecs_to_jiffies(sap_retake_delay_ms));
}

/* Ask again; the request re-arms this work until CSME grants the NIC. */
static void sap_retake_work(struct work_struct *work)
{
	struct sap_host *h = container_of(to_delayed_work(work), struct sap_host,
					  retake_work);

	guard(mutex)(&h->lock);
	if (!h->cfg.ops || h->state == SAP_ST_GOING_DOWN)
		return;
	sap_get_ownership_locked(h, false);
}

static void sap_handle_start_ok(struct sap_host *h)
{
	const struct sap_me_msg *me = &h->me_msg;

	if (h->state != SAP_ST_STARTING) {
		sap_cnt(h, SAP_CNT_START_OK_BAD);
		dev_warn_ratelimited(h->t->dev, "unexpected START_OK in state %s\n",
				     sap_state_name(h->state));
		return;
	}
	if (me->version != h->version) {
		/* As upstream: rejected, and START is not sent again. */
		sap_cnt(h, SAP_CNT_START_OK_BAD);
		dev_err_ratelimited(h->t->dev, "START_OK selects version %u, we offered %u\n",
				    me->version, h->version);
		return;
	}
	cancel_delayed_work(&h->start_work);
	sap_cnt(h, SAP_CNT_HANDSHAKES);
	sap_set_state(h, SAP_ST_CONNECTED);
	dev_info(h->t->dev, "SAP v%u connected\n", h->version);
}

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

static int sap_map_area(struct sap_host *h)
{
	static const u8 versions[] = { SAP_VERSION_4, SAP_VERSION_3 };
	struct sap_transport *t = h->t;
	unsigned int attempt, i;
	void *mem = ERR_PTR(-ENOMEM);
	u32 size;

	for (attempt = 0; attempt < SAP_MAP_ATTEMPTS; attempt++) {
		if (attempt)
			msleep(SAP_MAP_RETRY_MS);
		for (i = 0; i < ARRAY_SIZE(versions); i++) {
			size = sap_area_map_size(versions[i]);
			mem = t->ops->dma_map(t, size);
			if (!IS_ERR_OR_NULL(mem)) {
				h->mem = mem;
				h->map_size = size;
				h->version = versions[i];
				return 0;
			}
		}
	}
	return mem ? PTR_ERR(mem) : -ENOMEM;
}

static int sap_setup_rings(struct sap_host *h)
{
	enum sap_reason r;
	int q;

	r = sap_area_layout(&h->area, h->mem, h->map_size, h->version);
	if (r != SAP_OK)
		return -EINVAL;
	memset(h->mem, 0, h->map_size);
	sap_area_init(&h->area);
	for (q = 0; q < SAP_QUEUE_NUM; q++) {
		r = sap_area_ring(&h->area, SAP_SIDE_HOST, SAP_DIR_H2M, q, &h->h2m[q]);
		if (r != SAP_OK)
			return -EINVAL;
		r = sap_area_ring(&h->area, SAP_SIDE_HOST, SAP_DIR_M2H, q, &h->m2h[q]);
		if (r != SAP_OK)
			return -EINVAL;
	}
	return 0;
}

static void sap_reset_session(struct sap_host *h)
{
	h->me_seq = 1;
	h->sap_seq = 1;
	WRITE_ONCE(h->amt_enabled, false);
	WRITE_ONCE(h->got_ownership, false);
	h->csme_taking_ownership = false;
	h->link_prot_state = 0;
	h->pldr_active = false;
	WRITE_ONCE(h->pldr_acked, false);
	h->csa_throttled = false;
	h->csa_early = false;
}

/**
 * sap_session_open() - start talking to the firmware
 * @h: host, bound to a transport, locked
 *
 * Maps the shared area (SAP v4 size first, then v3, a few times, because
 * CSME may still be booting), initialises it, enables the client and sends
 * START. Only called once a WLAN driver is registered: see
 * sap_host_probe().
 *
 * Return: 0 or the error of the failed step, with the area unmapped.
 */
int sap_session_open(struct sap_host *h)
{
	struct sap_transport *t = h->t;
	int ret;

	lockdep_assert_held(&h->lock);
	if (WARN_ON_ONCE(!t || h->mem))
		return -EINVAL;
	sap_reset_session(h);
	ret = sap_map_area(h);
	if (ret) {
		dev_err(t->dev, "cannot map the shared area: %d\n", ret);
		return ret;
	}
	ret = sap_setup_rings(h);
	if (ret) {
		dev_err(t->dev, "cannot lay out the shared area\n");
		goto err_unmap;
	}
	ret = t->ops->enable(t);
	if (ret) {
		dev_err(t->dev, "cannot enable the client: %d\n", ret);
		goto err_unmap;
	}
	spin_lock_bh(&h->data_lock);
	WRITE_ONCE(h->data_ready, true);
	spin_unlock_bh(&h->data_lock);
	sap_cnt(h, SAP_CNT_SESSIONS);
	ret = sap_send_start(h);
	if (ret) {
		dev_err(t->dev, "cannot send START: %d\n", ret);
		cancel_delayed_work(&h->start_work);
		spin_lock_bh(&h->data_lock);
		WRITE_ONCE(h->data_ready, false);
		spin_unlock_bh(&h->data_lock);
		t->ops->disable(t);
		goto err_unmap;
	}
	return 0;

err_unmap:
	t->ops->dma_unmap(t);
	h->mem = NULL;
	sap_set_state(h, SAP_ST_IDLE);
	return ret;
}

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
	sap_reset_session(h);
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
	cancel_delayed_work(&h->throttle_work);
	h->csa_throttled = false;
	sap_send_empty(h, SAP_MSG_NOTIF_HOST_GOES_DOWN);
	sap_set_state(h, SAP_ST_GOING_DOWN);
	for (i = 0; i < SAP_GOES_DOWN_POLLS; i++) {
		pending = sap_h2m_pending(h);
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
	const struct sap_mei_ops *ops;

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
	WRITE_ONCE(h->got_ownership, false);
	WRITE_ONCE(h->session, h->session + 1);
	ops = h->cfg.ops;
	if (ops && ops->rfkill)
		ops->rfkill(h->cfg.priv, false, false);
	mutex_unlock(&h->lock);

	t->ops->disable(t);
	cancel_work_sync(&h->csa_work);
	cancel_work_sync(&h->drain_work);
	cancel_delayed_work_sync(&h->throttle_work);
	cancel_delayed_work_sync(&h->start_work);
	cancel_delayed_work_sync(&h->retake_work);
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

	INIT_WORK(&h->csa_work, sap_csa_work);
	INIT_WORK(&h->drain_work, sap_drain_work);
	INIT_DELAYED_WORK(&h->throttle_work, sap_throttle_work);
	INIT_DELAYED_WORK(&h->start_work, sap_start_work);
	INIT_DELAYED_WORK(&h->retake_work, sap_retake_work);
	INIT_WORK(&h->netdev_work, sap_netdev_work);
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

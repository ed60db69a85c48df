// SPDX-License-Identifier: GPL-2.0
/* sap_host: the transmit path.
 *
 * Everything the host sends to CSME leaves through this file: ME-level
 * messages through the transport, notifications into the H2M notification
 * ring with their sequence number stamped, and the doorbell
 * (CHECK_SHARED_AREA) with its throttle. The data path writes the H2M data
 * ring itself (net.c) and asks for a doorbell through csa_work.
 */
#include <linux/moduleparam.h>
#include <linux/cleanup.h>
#include <asm/unaligned.h>

#include "internal.h"
#include "trace.h"

static unsigned int sap_csa_throttle_ms = 100;
module_param_named(csa_throttle_ms, sap_csa_throttle_ms, uint, 0644);
MODULE_PARM_DESC(csa_throttle_ms, "Minimum interval between two doorbells to CSME (ms)");

/**
 * sap_me_send() - send one ME-level message through the transport
 * @h: host, bound
 * @buf: the encoded message
 * @len: its length
 *
 * Return: 0 or the transport's error.
 */
int sap_me_send(struct sap_host *h, const void *buf, int len)
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
 * interval ago (the end of the throttle rings again if anything is
 * pending); @kick rings even while throttled.
 */
static void sap_doorbell(struct sap_host *h, bool kick)
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

/* The data path wrote the H2M data ring (from atomic context). */
static void sap_csa_work(struct work_struct *work)
{
	struct sap_host *h = container_of(work, struct sap_host, csa_work);
	bool kick;

	spin_lock_bh(&h->data_lock);
	kick = h->csa_kick;
	h->csa_kick = false;
	spin_unlock_bh(&h->data_lock);
	guard(mutex)(&h->lock);
	sap_doorbell(h, kick);
}

/**
 * sap_tx_pending() - has CSME left anything unread in the H2M rings?
 * @h: host, locked
 *
 * Return: true if either H2M ring holds a message.
 */
bool sap_tx_pending(struct sap_host *h)
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
	if (h->t && sap_tx_pending(h))
		sap_doorbell(h, false);
}

/**
 * sap_tx_unthrottle() - let the next doorbell go out at once
 * @h: host, locked
 *
 * For the last message of a session, which nothing may hold back.
 */
void sap_tx_unthrottle(struct sap_host *h)
{
	lockdep_assert_held(&h->lock);
	cancel_delayed_work(&h->throttle_work);
	h->csa_throttled = false;
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
		dev_warn_ratelimited(h->t->dev, "%s not sent: %s\n",
				     sap_msg_type_name(get_unaligned_le16(h->txbuf)),
				     sap_reason_str(r));
		return r == SAP_R_RING_FULL ? -ENOSPC : -EIO;
	}
	trace_sap_host_msg(true, h->txbuf, len);
	sap_cnt(h, SAP_CNT_NOTIF_TX);
	sap_doorbell(h, false);
	return 0;
}

/**
 * sap_send_empty() - send a notification without payload
 * @h: host, locked
 * @type: its type
 *
 * Return: as sap_send_notif().
 */
int sap_send_empty(struct sap_host *h, u16 type)
{
	return sap_send_notif(h, sap_msg_enc_empty(h->txbuf, sizeof(h->txbuf), type, 0));
}

/**
 * sap_send_dw() - send a notification with one 32-bit value
 * @h: host, locked
 * @type: its type
 * @val: the value
 *
 * Return: as sap_send_notif().
 */
int sap_send_dw(struct sap_host *h, u16 type, u32 val)
{
	return sap_send_notif(h, sap_msg_enc_dw(h->txbuf, sizeof(h->txbuf), type, 0, val));
}

/**
 * sap_tx_init() - set up the transmit path's work items (at module load)
 * @h: host
 */
void sap_tx_init(struct sap_host *h)
{
	INIT_WORK(&h->csa_work, sap_csa_work);
	INIT_DELAYED_WORK(&h->throttle_work, sap_throttle_work);
}

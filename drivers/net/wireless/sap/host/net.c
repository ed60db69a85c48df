// SPDX-License-Identifier: GPL-2.0
/* sap_host: the data path.
 *
 * Rx: while AMT is enabled an Rx handler sits on the WLAN netdev and runs
 * every received frame through CSME's filters; frames for CSME are written
 * to the H2M data ring as DATA_PACKETs (a copy if the host keeps the frame
 * too) and a doorbell is scheduled. A frame GRO merged is split back into
 * the frames that crossed the air first.
 *
 * Tx for CSME: on a doorbell the M2H data ring is drained into skbs, which
 * are transmitted on the WLAN netdev after the lock is dropped.
 *
 * DHCP: the host's own DHCP requests are copied to CSME as CB_DATA_PACKETs
 * so that CSME learns the host's address.
 */
#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/cleanup.h>
#include <asm/unaligned.h>

#include "internal.h"
#include "trace.h"

/* Copy @seg into a reserved ring body. A CHECKSUM_PARTIAL segment gets its
 * transport checksum summed on the way, so its payload is read only once.
 */
static void sap_seg_to_ring(struct sap_ring *r, const struct sap_ring_span *sp,
			    const struct sk_buff *seg)
{
	u32 cstart = seg->len, at, n;
	__wsum csum = 0;
	__sum16 check;
	u8 *to;

	if (seg->ip_summed == CHECKSUM_PARTIAL)
		cstart = skb_checksum_start_offset(seg);
	for (at = 0; at < seg->len; at += n) {
		to = sap_ring_span_ptr(r, sp, at, &n);
		if (at < cstart) {
			n = min(n, cstart - at);
			skb_copy_bits(seg, at, to, n);
		} else {
			csum = csum_block_add(csum, skb_copy_and_csum_bits(seg, at, to, n),
					      at - cstart);
		}
	}
	if (cstart < seg->len) {
		check = csum_fold(csum) ?: CSUM_MANGLED_0;
		sap_ring_fill(r, sp, cstart + seg->csum_offset, &check, sizeof(check));
	}
}

/* Write one frame behind @hdr into the H2M data ring, flat at @frame or
 * else the segment @seg; on success count it in data_to_csme and, unless
 * @kind is that counter, in @kind as well. Called with data_lock held.
 */
static bool sap_h2m_data_put(struct sap_host *h, const void *hdr, u32 hdr_len,
			     const u8 *frame, const struct sk_buff *seg, u32 len,
			     enum sap_host_counter kind)
{
	struct sap_ring *ring = &h->h2m[SAP_QUEUE_DATA];
	struct sap_ring_span sp;
	enum sap_reason r;
	bool was_empty;

	lockdep_assert_held(&h->data_lock);
	/* CSME drained everything we wrote: it may be idle, so this frame
	 * gets a doorbell of its own even while doorbells are throttled.
	 * While the ring is not empty, the throttle is enough.
	 */
	was_empty = sap_ring_is_empty(ring);
	if (frame) {
		r = sap_ring_write(ring, hdr, hdr_len, frame, len);
	} else {
		r = sap_ring_reserve(ring, hdr, hdr_len, len, &sp);
		if (r == SAP_OK) {
			sap_seg_to_ring(ring, &sp, seg);
			r = sap_ring_commit(ring, &sp);
		}
	}
	sap_rec_hdr(&h->rec, FWCTL_SAP_DIR_H2M, FWCTL_SAP_Q_DATA, hdr, hdr_len,
		    hdr_len + len, r);
	if (r != SAP_OK) {
		sap_cnt(h, SAP_CNT_DATA_H2M_DROPPED);
		return false;
	}
	sap_cnt(h, SAP_CNT_DATA_H2M);
	if (kind != SAP_CNT_DATA_H2M)
		sap_cnt(h, kind);
	h->csa_kick |= was_empty;
	return true;
}

/* One flat frame behind @hdr, from any context */
static bool sap_h2m_data_write(struct sap_host *h, const void *hdr, u32 hdr_len,
			       const u8 *frame, u32 len, enum sap_host_counter kind)
{
	bool sent = false;

	spin_lock_bh(&h->data_lock);
	if (h->data_ready)
		sent = sap_h2m_data_put(h, hdr, hdr_len, frame, NULL, len, kind);
	else
		sap_cnt(h, SAP_CNT_DATA_H2M_DROPPED);
	spin_unlock_bh(&h->data_lock);
	if (sent)
		schedule_work(&h->csa_work);
	return sent;
}

/* The SAP header of a DATA_PACKET carrying @len bytes; returns its length */
static int sap_data_hdr(struct sap_host *h, u8 *hdr, u32 len)
{
	/* The sequence number is a debug aid: a racy increment is fine. */
	return sap_msg_enc_data_hdr(hdr, sizeof(struct sap_hdr), READ_ONCE(h->sap_seq), len);
}

static bool sap_frame_to_csme(struct sap_host *h, const u8 *frame, u32 len,
			      enum sap_host_counter kind)
{
	u8 hdr[sizeof(struct sap_hdr)];
	int ret = sap_data_hdr(h, hdr, len);

	return ret > 0 && sap_h2m_data_write(h, hdr, ret, frame, len, kind);
}

static void sap_cnt_data(struct sap_host *h, enum sap_host_counter c)
{
	spin_lock_bh(&h->data_lock);
	sap_cnt(h, c);
	spin_unlock_bh(&h->data_lock);
}

/* Longest header block of a merged frame that is classified by its headers */
#define SAP_GRO_HDR_MAX		256

/* A frame the WLAN driver's GRO merged (mac80211 hands frames to GRO) is a
 * TCP flow's segments behind one copy of the headers. The filters look at
 * addresses and ports only, so the headers alone, as a segment without
 * payload, get the verdict of every segment: Linux's own traffic passes
 * without being copied. @skb is a merged TCP frame. Returns the length
 * built in @buf, or 0 if it cannot be read that way.
 */
static u32 sap_gro_hdr_frame(const struct sk_buff *skb, u8 *buf, u32 size)
{
	unsigned int type = skb_shinfo(skb)->gso_type;
	int thoff = skb_transport_offset(skb);
	struct tcphdr _th;
	const struct tcphdr *th;
	u32 hlen;

	if (skb->ip_summed != CHECKSUM_PARTIAL ||
	    skb_checksum_start(skb) != skb_transport_header(skb) || thoff <= 0)
		return 0;
	th = skb_header_pointer(skb, thoff, sizeof(_th), &_th);
	if (!th || th->doff < 5)
		return 0;
	hlen = thoff + th->doff * 4;
	if (ETH_HLEN + hlen > size || hlen > skb->len)
		return 0;
	memcpy(buf, skb_mac_header(skb), ETH_HLEN);
	if (skb_copy_bits(skb, 0, buf + ETH_HLEN, hlen))
		return 0;
	if (type & SKB_GSO_TCPV4)
		put_unaligned_be16(hlen, buf + ETH_HLEN + offsetof(struct iphdr, tot_len));
	else
		put_unaligned_be16(hlen - sizeof(struct ipv6hdr),
				   buf + ETH_HLEN + offsetof(struct ipv6hdr, payload_len));
	return ETH_HLEN + hlen;
}

/* Send a merged frame to CSME as the frames that crossed the air: CSME
 * takes Ethernet frames of at most the MTU. The segments share the merged
 * frame's pages and leave their checksums to sap_seg_to_ring(), so each
 * payload byte is copied once, into the ring. Segmenting a merged frame
 * (CHECKSUM_PARTIAL, see sap_gro_hdr_frame()) leaves it as it was, so
 * Linux can still get it. Once one segment cannot be queued the ones
 * behind it are not tried: room CSME frees meanwhile would only take data
 * behind a hole the sender has to fill anyway. Each segment not queued
 * counts in data_to_csme_dropped. Returns true if every one was queued.
 */
static bool sap_gro_to_csme(struct sap_host *h, struct sk_buff *skb,
			    enum sap_host_counter kind)
{
	struct sk_buff *segs, *seg, *next;
	u8 hdr[sizeof(struct sap_hdr)];
	unsigned int n = 0;
	bool sent;
	int ret;

	__skb_push(skb, ETH_HLEN);
	segs = __skb_gso_segment(skb, NETIF_F_SG | NETIF_F_HW_CSUM, false);
	__skb_pull(skb, ETH_HLEN);
	if (IS_ERR_OR_NULL(segs)) {	/* NULL: not more than one segment */
		sap_cnt_data(h, SAP_CNT_DATA_H2M_GRO_FAIL);
		return false;
	}
	spin_lock_bh(&h->data_lock);
	sap_cnt(h, SAP_CNT_DATA_H2M_GRO_SPLIT);
	sent = h->data_ready;
	skb_list_walk_safe(segs, seg, next) {
		skb_mark_not_on_list(seg);
		if (sent) {
			ret = sap_data_hdr(h, hdr, seg->len);
			/* sap_h2m_data_put() counts its own drop */
			sent = ret > 0 && sap_h2m_data_put(h, hdr, ret, NULL, seg, seg->len, kind);
			if (ret <= 0)
				sap_cnt(h, SAP_CNT_DATA_H2M_DROPPED);
			n += sent;
		} else {
			sap_cnt(h, SAP_CNT_DATA_H2M_DROPPED);
		}
		consume_skb(seg);
	}
	spin_unlock_bh(&h->data_lock);
	if (n)
		schedule_work(&h->csa_work);
	return sent;
}

/**
 * sap_rx_handler() - classify a frame received on the WLAN netdev
 * @pskb: the frame
 *
 * Return: %RX_HANDLER_CONSUMED if the frame is CSME's alone (queued to CSME,
 * or dropped if it could not be), else %RX_HANDLER_PASS.
 */
static rx_handler_result_t sap_rx_handler(struct sk_buff **pskb)
{
	struct sap_host *h = &sap_host;
	struct sap_host_filters *filters;
	struct sk_buff *skb = *pskb;
	u8 gro_hdr[SAP_GRO_HDR_MAX];
	enum sap_host_counter kind;
	enum sap_rx_verdict v;
	bool sent, csme_only;
	const u8 *frame;
	u32 len;

	if (!skb_mac_header_was_set(skb) || skb->data - skb_mac_header(skb) != ETH_HLEN)
		return RX_HANDLER_PASS;
	filters = rcu_dereference(h->filters);
	if (!filters)
		return RX_HANDLER_PASS;
	if (skb_is_gso(skb)) {
		/* GRO merges UDP only for Linux's own sockets (UDP_GRO) */
		if (!(skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)))
			return RX_HANDLER_PASS;
		len = sap_gro_hdr_frame(skb, gro_hdr, sizeof(gro_hdr));
		if (!len) {
			sap_cnt_data(h, SAP_CNT_DATA_H2M_GRO_FAIL);
			return RX_HANDLER_PASS;
		}
		frame = gro_hdr;
	} else {
		if (skb_is_nonlinear(skb) && skb_linearize(skb))
			return RX_HANDLER_PASS;
		frame = skb_mac_header(skb);
		len = skb->len + ETH_HLEN;
	}
	v = sap_filter_rx(&filters->f, frame, len);
	if (v == SAP_RX_HOST)
		return RX_HANDLER_PASS;
	csme_only = v == SAP_RX_CSME;
	kind = csme_only ? SAP_CNT_DATA_H2M_CONSUMED : SAP_CNT_DATA_H2M;
	if (skb_is_gso(skb))
		sent = sap_gro_to_csme(h, skb, kind);
	else
		sent = sap_frame_to_csme(h, frame, len, kind);
	if (sent)
		trace_sap_host_data(csme_only ? SAP_DATA_RX_CONSUMED : SAP_DATA_TO_CSME,
				    skb->len + ETH_HLEN);
	if (!csme_only)
		return RX_HANDLER_PASS;
	/* The frame is CSME's alone. If it could not be queued it is dropped
	 * (counted in data_to_csme_dropped): handed to Linux, a SYN to CSME's
	 * port would be answered with a reset that kills CSME's connection.
	 */
	if (sent)
		consume_skb(skb);
	else
		kfree_skb(skb);
	return RX_HANDLER_CONSUMED;
}

/**
 * sap_rx_handler_sync() - (un)register the Rx handler to match the state
 * @h: host, locked, with rtnl held
 */
void sap_rx_handler_sync(struct sap_host *h)
{
	struct net_device *dev = rcu_dereference_protected(h->cfg.netdev,
							  lockdep_is_held(&h->lock));
	bool want = dev && sap_active(h);
	int ret;

	ASSERT_RTNL();
	lockdep_assert_held(&h->lock);
	if (h->rx_dev && (!want || h->rx_dev != dev)) {
		netdev_rx_handler_unregister(h->rx_dev);
		h->rx_dev = NULL;
	}
	if (!want || h->rx_dev)
		return;
	ret = netdev_rx_handler_register(dev, sap_rx_handler, h);
	if (ret) {
		/* A bridge, bond or macvlan owns the hook: CSME gets nothing. */
		sap_cnt(h, SAP_CNT_RX_HANDLER_FAIL);
		netdev_err(dev, "cannot forward AMT traffic, Rx handler busy: %d\n", ret);
		return;
	}
	h->rx_dev = dev;
}

static void sap_netdev_work(struct work_struct *work)
{
	struct sap_host *h = container_of(work, struct sap_host, netdev_work);

	rtnl_lock();
	mutex_lock(&h->lock);
	sap_rx_handler_sync(h);
	mutex_unlock(&h->lock);
	rtnl_unlock();
}

/**
 * sap_net_init() - set up the Rx handler's (un)registration work (at load)
 * @h: host
 */
void sap_net_init(struct sap_host *h)
{
	INIT_WORK(&h->netdev_work, sap_netdev_work);
}

static struct sk_buff *sap_m2h_skb(struct sap_host *h, struct sap_ring *r,
				   const struct sap_ring_msg *m)
{
	struct sk_buff *skb;
	struct ethhdr *eth;

	skb = alloc_skb(SAP_HOST_TX_HEADROOM + m->len, GFP_KERNEL);
	if (!skb) {
		sap_cnt(h, SAP_CNT_DATA_M2H_NOMEM);
		return NULL;
	}
	skb_reserve(skb, SAP_HOST_TX_HEADROOM);
	if (sap_ring_copy(r, m, sizeof(struct sap_hdr), skb_put(skb, m->len), m->len)) {
		kfree_skb(skb);
		return NULL;
	}
	skb_reset_mac_header(skb);
	eth = eth_hdr(skb);
	skb->protocol = eth->h_proto;
	return skb;
}

/**
 * sap_drain_m2h_data() - take CSME's frames out of the M2H data ring
 * @h: host, locked
 * @q: the frames to transmit once the lock is dropped
 *
 * Anything but a DATA_PACKET carrying at least an Ethernet header is
 * dropped and counted.
 *
 * Return: true if SAP_HOST_DRAIN_BUDGET messages were taken and more may
 * be waiting.
 */
bool sap_drain_m2h_data(struct sap_host *h, struct sk_buff_head *q)
{
	struct sap_ring *r = &h->m2h[SAP_QUEUE_DATA];
	struct sap_ring_msg m;
	struct sk_buff *skb;
	enum sap_reason res;
	unsigned int n;

	for (n = 0; n < SAP_HOST_DRAIN_BUDGET; n++) {
		res = sap_ring_next(r, &m);
		if (res == SAP_R_EMPTY)
			return false;
		if (res != SAP_OK) {
			sap_rec_msg(&h->rec, FWCTL_SAP_DIR_M2H, FWCTL_SAP_Q_DATA, 0, 0, 0, res);
			sap_reject(h, SAP_CNT_DATA_M2H_BAD, res);
			if (res == SAP_R_RING_PTR_RANGE || res == SAP_R_INVAL)
				return false;
			continue;
		}
		if (m.type != SAP_MSG_DATA_PACKET || m.len < ETH_HLEN) {
			res = m.type != SAP_MSG_DATA_PACKET ? SAP_R_WRONG_QUEUE :
			      SAP_R_DATA_TOO_SHORT;
			sap_rec_msg(&h->rec, FWCTL_SAP_DIR_M2H, FWCTL_SAP_Q_DATA, m.type,
				    m.seq, m.total, res);
			sap_reject(h, SAP_CNT_DATA_M2H_BAD, res);
			sap_ring_consume(r, &m);
			continue;
		}
		sap_rec_msg(&h->rec, FWCTL_SAP_DIR_M2H, FWCTL_SAP_Q_DATA, m.type, m.seq,
			    m.total, SAP_OK);
		skb = sap_m2h_skb(h, r, &m);
		sap_ring_consume(r, &m);
		if (!skb)
			continue;
		__skb_queue_tail(q, skb);
	}
	return true;
}

/**
 * sap_xmit_queue() - transmit CSME's frames on the WLAN netdev
 * @h: host, not locked
 * @q: frames from sap_drain_m2h_data()
 */
void sap_xmit_queue(struct sap_host *h, struct sk_buff_head *q)
{
	struct net_device *dev;
	struct sk_buff *skb;
	unsigned int sent = 0, dropped = 0;

	if (skb_queue_empty(q))
		return;
	/* One burst with BH off: the receive softirqs the transmits raise run
	 * once, after the last frame, so the stack takes the frames as one
	 * batch (as from a NAPI poll) rather than one softirq per frame.
	 */
	local_bh_disable();
	rcu_read_lock();
	dev = rcu_dereference(h->cfg.netdev);
	while ((skb = __skb_dequeue(q))) {
		if (!dev) {
			kfree_skb(skb);
			dropped++;
			continue;
		}
		skb->dev = dev;
		trace_sap_host_data(SAP_DATA_FROM_CSME, skb->len);
		dev_queue_xmit(skb);
		sent++;
	}
	rcu_read_unlock();
	local_bh_enable();
	guard(mutex)(&h->lock);
	h->cnt[SAP_CNT_DATA_M2H] += sent;
	h->cnt[SAP_CNT_DATA_M2H_NO_NETDEV] += dropped;
}

/**
 * sap_mei_tx_copy_to_csme() - let CSME see a frame the host transmits
 * @skb: an Ethernet frame about to be sent; not consumed
 *
 * Only DHCP requests are copied, so that CSME learns the host's address.
 * May be called from atomic context.
 */
void sap_mei_tx_copy_to_csme(struct sk_buff *skb)
{
	struct sap_host *h = &sap_host;
	u8 hdr[sizeof(struct sap_cb_data)];
	u8 peek[ETH_HLEN + offsetof(struct iphdr, protocol) + 1];
	struct sk_buff *copy = NULL;
	const u8 *frame;
	int ret;

	if (!skb || !READ_ONCE(h->amt_enabled) || !READ_ONCE(h->data_ready))
		return;
	/* Only an IPv4 UDP datagram can be one: look before copying a frame */
	frame = skb_header_pointer(skb, 0, sizeof(peek), peek);
	if (!frame || get_unaligned_be16(frame + offsetof(struct ethhdr, h_proto)) != ETH_P_IP ||
	    frame[sizeof(peek) - 1] != IPPROTO_UDP)
		return;
	if (skb_is_nonlinear(skb)) {
		copy = skb_copy(skb, GFP_ATOMIC);
		if (!copy)
			return;
		skb = copy;
	}
	frame = skb->data;
	if (sap_filter_is_dhcp_request(frame, skb->len)) {
		ret = sap_msg_enc_cb_data_hdr(hdr, sizeof(hdr), READ_ONCE(h->sap_seq), skb->len,
					      SAP_CB_TX_DHCP_FILT_STATUS);
		if (ret > 0 && sap_h2m_data_write(h, hdr, ret, frame, skb->len,
						  SAP_CNT_DHCP_COPIES))
			trace_sap_host_data(SAP_DATA_DHCP, skb->len);
	}
	consume_skb(copy);
}
EXPORT_SYMBOL_GPL(sap_mei_tx_copy_to_csme);

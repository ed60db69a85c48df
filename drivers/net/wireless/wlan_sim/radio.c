// SPDX-License-Identifier: GPL-2.0
/* wlan_sim: the radio, i.e. the datapath between the three ports.
 *
 * Each port's transmit routine decides where the frame goes from one
 * snapshot of wlsim_nic.flags, without taking a lock:
 *   from wlsim0air: to wlsim0 if the host owns the NIC and its link works
 *                   (wlsim0 up, device running, associated, no rfkill),
 *                   to wlsim0me if CSME owns the NIC and wlsim0me is up;
 *   from wlsim0:    to wlsim0air if the host's link works;
 *   from wlsim0me:  to wlsim0air if CSME owns the NIC.
 * Anything else is dropped and counted. The receiving port checks and
 * scrubs the frame as dev_forward_skb() would (it drops it if the port is
 * down, and clears what belongs to another network namespace), then queues
 * it to its NAPI context: one queue per port keeps a flow in order however
 * the senders move between CPUs, as a real NIC's receive queue does.
 * wlsim0 and wlsim0air hand their frames to GRO, as mac80211 does for a
 * driver that gives it a NAPI context (iwlwifi does), so sap_host's Rx
 * handler sees merged frames as on real hardware. wlsim0me hands them on
 * one by one: behind it is CSME's own radio, not a Linux stack.
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "wlan_sim.h"

struct wlsim_route {
	struct net_device *to;
	enum wlsim_counter delivered;
	enum wlsim_counter dropped;
};

static void wlsim_route(struct wlsim_nic *nic, enum wlsim_port_role from,
			struct wlsim_route *route)
{
	unsigned long flags = READ_ONCE(nic->flags);
	bool csme_owns = flags & BIT(WLSIM_CSME_OWNS);
	struct net_device *host = nic->port[WLSIM_PORT_HOST];
	struct net_device *air = nic->port[WLSIM_PORT_AIR];
	struct net_device *me = nic->port[WLSIM_PORT_CSME];

	route->to = NULL;
	switch (from) {
	case WLSIM_PORT_AIR:
		route->dropped = WLSIM_CNT_AIR_DROPPED;
		if (csme_owns) {
			route->delivered = WLSIM_CNT_AIR_TO_CSME;
			if (netif_running(me))
				route->to = me;
		} else {
			route->delivered = WLSIM_CNT_AIR_TO_HOST;
			if (wlsim_link_ok(flags) && netif_running(host))
				route->to = host;
		}
		break;
	case WLSIM_PORT_HOST:
		route->delivered = WLSIM_CNT_HOST_TO_AIR;
		route->dropped = WLSIM_CNT_HOST_DROPPED;
		if (wlsim_link_ok(flags))
			route->to = air;
		break;
	default:
		route->delivered = WLSIM_CNT_CSME_TO_AIR;
		route->dropped = WLSIM_CNT_CSME_DROPPED;
		if (csme_owns)
			route->to = air;
		break;
	}
}

#define WLSIM_RXQ_MAX	1024

/* A port's receive: checked and scrubbed like dev_forward_skb(), then
 * queued for wlsim_radio_poll(). Consumes @skb.
 *
 * A frame that crossed the air belongs to no socket, so it is orphaned
 * here, as a NIC frees a frame once it is sent. Left owned, it would reach
 * GRO with its sender's destructor: GRO drops the destructor of a frame it
 * merges, and the reference the sender's socket holds through it (netem
 * turns TCP's write accounting into one, skb_orphan_partial()) would never
 * be put, leaking the socket.
 */
static int wlsim_port_rx(struct net_device *to, struct sk_buff *skb)
{
	struct wlsim_port *port = netdev_priv(to);

	if (!netif_running(to) || skb_queue_len(&port->rxq) >= WLSIM_RXQ_MAX) {
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	skb_orphan(skb);
	if (__dev_forward_skb(to, skb))
		return NET_RX_DROP;
	skb_queue_tail(&port->rxq, skb);
	napi_schedule(&port->napi);
	return NET_RX_SUCCESS;
}

/**
 * wlsim_radio_poll() - NAPI poll of a port
 * @napi: the port's NAPI context
 * @budget: frames it may hand on
 *
 * Return: the number of frames handed to the stack.
 */
int wlsim_radio_poll(struct napi_struct *napi, int budget)
{
	struct wlsim_port *port = container_of(napi, struct wlsim_port, napi);
	bool gro = port->role != WLSIM_PORT_CSME;
	struct sk_buff *skb;
	int done = 0;

	while (done < budget && (skb = skb_dequeue(&port->rxq))) {
		/* GRO writes the shared info of the frames it merges, which a
		 * clone shares with its twin (netem's duplicates are clones):
		 * a clone gets a head of its own first, or skips GRO.
		 */
		if (gro && !skb_shared(skb) && !skb_unclone(skb, GFP_ATOMIC))
			napi_gro_receive(napi, skb);
		else
			netif_receive_skb(skb);
		done++;
	}
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

/**
 * wlsim_radio_xmit() - ndo_start_xmit of every port
 * @skb: an Ethernet frame
 * @dev: the transmitting port
 *
 * Frames the host sends to the air are first shown to sap_host, which
 * copies DHCP requests to CSME.
 *
 * Return: %NETDEV_TX_OK; the frame is always consumed.
 */
netdev_tx_t wlsim_radio_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct wlsim_port *port = netdev_priv(dev);
	struct wlsim_nic *nic = port->nic;
	unsigned int len = skb->len;
	struct wlsim_route route;
	int ret;

	wlsim_route(nic, port->role, &route);
	if (!route.to) {
		kfree_skb(skb);
		goto dropped;
	}
	if (port->role == WLSIM_PORT_HOST) {
		atomic64_inc(&nic->cnt[WLSIM_CNT_TX_OFFERED_TO_CSME]);
		sap_mei_tx_copy_to_csme(skb);
	}
	ret = wlsim_port_rx(route.to, skb);
	if (ret != NET_RX_SUCCESS)
		goto dropped;
	dev_sw_netstats_tx_add(dev, 1, len);
	dev_sw_netstats_rx_add(route.to, len);
	atomic64_inc(&nic->cnt[route.delivered]);
	return NETDEV_TX_OK;

dropped:
	dev_core_stats_tx_dropped_inc(dev);
	atomic64_inc(&nic->cnt[route.dropped]);
	return NETDEV_TX_OK;
}

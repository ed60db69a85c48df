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
 * Anything else is dropped and counted. Delivery goes through
 * dev_forward_skb(), which scrubs the frame when the receiving port is in
 * another network namespace and drops it if that port is down.
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

	wlsim_route(nic, port->role, &route);
	if (!route.to) {
		kfree_skb(skb);
		goto dropped;
	}
	if (port->role == WLSIM_PORT_HOST) {
		atomic64_inc(&nic->cnt[WLSIM_CNT_TX_OFFERED_TO_CSME]);
		sap_mei_tx_copy_to_csme(skb);
	}
	/* dev_forward_skb() consumes the frame, delivered or not. */
	if (dev_forward_skb(route.to, skb) != NET_RX_SUCCESS)
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

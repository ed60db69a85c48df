// SPDX-License-Identifier: GPL-2.0
/* wlan_sim: the three network devices of the NIC.
 *
 * wlsim0 is the host's WLAN interface: bringing it up starts the device
 * (asking CSME for the NIC first), bringing it down stops it. wlsim0air and
 * wlsim0me are plain ports with carrier while up; wlsim0air may be moved
 * to another network namespace.
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/platform_device.h>
#include <linux/rtnetlink.h>
#include <linux/cleanup.h>

#include "wlan_sim.h"

static const char * const wlsim_port_names[WLSIM_NUM_PORTS] = {
	[WLSIM_PORT_HOST] = "wlsim0",
	[WLSIM_PORT_AIR] = "wlsim0air",
	[WLSIM_PORT_CSME] = "wlsim0me",
};

/* Called once the port is no longer running, so nothing queues any more. */
static void wlsim_port_rx_stop(struct wlsim_port *port)
{
	napi_disable(&port->napi);
	skb_queue_purge(&port->rxq);
}

static int wlsim_host_open(struct net_device *dev)
{
	struct wlsim_port *port = netdev_priv(dev);
	struct wlsim_nic *nic = port->nic;
	int ret;

	guard(mutex)(&nic->lock);
	/* Like a supplicant, connect to the configured network on up. */
	if (!nic->conn_valid) {
		nic->conn = nic->def_conn;
		nic->conn_valid = true;
	}
	napi_enable(&port->napi);
	ret = wlsim_bring_up(nic);
	if (ret) {
		netdev_warn(dev, "CSME did not hand over the NIC: %d\n", ret);
		wlsim_port_rx_stop(port);
	}
	return ret;
}

static int wlsim_host_stop(struct net_device *dev)
{
	struct wlsim_port *port = netdev_priv(dev);
	struct wlsim_nic *nic = port->nic;

	guard(mutex)(&nic->lock);
	wlsim_stop(nic);
	wlsim_port_rx_stop(port);
	return 0;
}

/* CSME is told the interface's address (NIC_INFO), so keep it current. */
static int wlsim_host_set_mac(struct net_device *dev, void *addr)
{
	struct wlsim_nic *nic = wlsim_dev_nic(dev);
	int ret;

	ret = eth_mac_addr(dev, addr);
	if (ret)
		return ret;
	sap_mei_set_nic_info(dev->dev_addr, nic->nvm_addr);
	return 0;
}

static int wlsim_peer_open(struct net_device *dev)
{
	struct wlsim_port *port = netdev_priv(dev);

	napi_enable(&port->napi);
	netif_carrier_on(dev);
	return 0;
}

static int wlsim_peer_stop(struct net_device *dev)
{
	struct wlsim_port *port = netdev_priv(dev);

	netif_carrier_off(dev);
	wlsim_port_rx_stop(port);
	return 0;
}

static const struct net_device_ops wlsim_host_ops = {
	.ndo_open		= wlsim_host_open,
	.ndo_stop		= wlsim_host_stop,
	.ndo_start_xmit		= wlsim_radio_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= wlsim_host_set_mac,
	.ndo_validate_addr	= eth_validate_addr,
};

static const struct net_device_ops wlsim_peer_ops = {
	.ndo_open		= wlsim_peer_open,
	.ndo_stop		= wlsim_peer_stop,
	.ndo_start_xmit		= wlsim_radio_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static void wlsim_setup(struct net_device *dev)
{
	ether_setup(dev);
	/* Frames are handed on to another port, which changes them. */
	dev->priv_flags &= ~IFF_TX_SKB_SHARING;
	dev->features |= NETIF_F_LLTX;
	dev->pcpu_stat_type = NETDEV_PCPU_STAT_TSTATS;
	eth_hw_addr_random(dev);
}

static struct net_device *wlsim_port_alloc(struct wlsim_nic *nic,
					   enum wlsim_port_role role)
{
	struct wlsim_port *port;
	struct net_device *dev;

	dev = alloc_netdev(sizeof(*port), wlsim_port_names[role],
			   NET_NAME_PREDICTABLE, wlsim_setup);
	if (!dev)
		return NULL;
	port = netdev_priv(dev);
	port->nic = nic;
	port->role = role;
	skb_queue_head_init(&port->rxq);
	netif_napi_add(dev, &port->napi, wlsim_radio_poll);
	if (role == WLSIM_PORT_HOST) {
		/* Keeps a qdisc: its queue stops while CSME owns the NIC. */
		dev->netdev_ops = &wlsim_host_ops;
		SET_NETDEV_DEV(dev, &nic->pdev->dev);
	} else {
		dev->netdev_ops = &wlsim_peer_ops;
		dev->priv_flags |= IFF_NO_QUEUE;
	}
	netif_carrier_off(dev);
	return dev;
}

static void wlsim_ports_free(struct wlsim_nic *nic)
{
	struct wlsim_port *port;
	int i;

	for (i = 0; i < WLSIM_NUM_PORTS; i++) {
		if (!nic->port[i])
			continue;
		port = netdev_priv(nic->port[i]);
		skb_queue_purge(&port->rxq);
		free_netdev(nic->port[i]);
		nic->port[i] = NULL;
	}
}

static void wlsim_ports_unregister(struct wlsim_nic *nic, int n)
{
	LIST_HEAD(list);
	int i;

	if (!n)
		return;
	rtnl_lock();
	for (i = 0; i < n; i++)
		unregister_netdevice_queue(nic->port[i], &list);
	unregister_netdevice_many(&list);
	rtnl_unlock();
}

/**
 * wlsim_ports_create() - create and register the NIC's network devices
 * @nic: the NIC
 *
 * All ports exist before the first one is registered, since each one's
 * transmit routine may hand frames to the others.
 *
 * Return: 0 or an errno.
 */
int wlsim_ports_create(struct wlsim_nic *nic)
{
	int i, ret;

	for (i = 0; i < WLSIM_NUM_PORTS; i++) {
		nic->port[i] = wlsim_port_alloc(nic, i);
		if (!nic->port[i]) {
			wlsim_ports_free(nic);
			return -ENOMEM;
		}
	}
	ether_addr_copy(nic->nvm_addr, wlsim_host(nic)->dev_addr);

	for (i = 0; i < WLSIM_NUM_PORTS; i++) {
		ret = register_netdev(nic->port[i]);
		if (ret) {
			dev_err(&nic->pdev->dev, "cannot register %s: %d\n",
				wlsim_port_names[i], ret);
			wlsim_ports_unregister(nic, i);
			wlsim_ports_free(nic);
			return ret;
		}
	}
	return 0;
}

/**
 * wlsim_ports_destroy() - unregister and free the network devices
 * @nic: the NIC
 *
 * The ports go down and away together, so none of them hands a frame to
 * a port that is already gone.
 */
void wlsim_ports_destroy(struct wlsim_nic *nic)
{
	wlsim_ports_unregister(nic, WLSIM_NUM_PORTS);
	wlsim_ports_free(nic);
}

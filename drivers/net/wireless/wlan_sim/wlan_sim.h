/* SPDX-License-Identifier: GPL-2.0 */
/* wlan_sim: a simulated WLAN NIC that shares its radio with CSME.
 *
 * Frames are plain Ethernet (no 802.11 framing). One NIC exists, the
 * platform device wlan_sim.0, with three network devices:
 *   wlsim0     the host's WLAN interface,
 *   wlsim0air  the far end of the radio,
 *   wlsim0me   CSME's own radio port.
 * The "radio" routes frames between them according to the hardware owner
 * (host or CSME) and the state of the host's device.
 *
 * Locking:
 *   rtnl  ->  wlsim_nic.lock  ->  sap_host's lock (inside sap_mei_*())
 *
 * wlsim_nic.lock protects the device state and may be held across
 * sap_mei_*() calls. The sap_mei callbacks run under sap_host's lock, so
 * they never take rtnl or wlsim_nic.lock: they record what they were told
 * under wlsim_nic.cb_lock (a leaf spinlock) and leave the work to items on
 * the NIC's ordered workqueue. The datapath takes no lock at all: it reads
 * wlsim_nic.flags with READ_ONCE() and counts with atomics and per-cpu
 * netdev stats.
 */
#ifndef _WLAN_SIM_H
#define _WLAN_SIM_H

#include <linux/types.h>
#include <linux/bits.h>
#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/sap_mei.h>

struct platform_device;

#define WLSIM_DRV_NAME		"wlan_sim"
#define WLSIM_POWER_LIMITS	(SAP_MEI_SAR_CHAINS * SAP_MEI_SAR_SUBBANDS)

enum wlsim_port_role {
	WLSIM_PORT_HOST,	/* wlsim0 */
	WLSIM_PORT_AIR,		/* wlsim0air */
	WLSIM_PORT_CSME,	/* wlsim0me */
	WLSIM_NUM_PORTS,
};

/* Bits of wlsim_nic.flags. Changed under wlsim_nic.lock with atomic bit
 * operations, read by the datapath without any lock.
 */
enum wlsim_flag {
	WLSIM_STARTED,		/* the device runs */
	WLSIM_ASSOCIATED,	/* connected to the AP of wlsim_nic.conn */
	WLSIM_CSME_OWNS,	/* hardware owner: CSME (clear: host) */
	WLSIM_HW_RFKILL,	/* hardware kill switch engaged */
	WLSIM_SW_RFKILL,	/* software block */
	WLSIM_NOT_OWNER_RFKILL,	/* rfkill reason "not owner" reported */
	WLSIM_SUSPENDED,	/* between system suspend and the resume work */
};

enum wlsim_counter {
	WLSIM_CNT_AIR_TO_HOST,
	WLSIM_CNT_AIR_TO_CSME,
	WLSIM_CNT_AIR_DROPPED,
	WLSIM_CNT_HOST_TO_AIR,
	WLSIM_CNT_HOST_DROPPED,
	WLSIM_CNT_CSME_TO_AIR,
	WLSIM_CNT_CSME_DROPPED,
	WLSIM_CNT_TX_OFFERED_TO_CSME,
	WLSIM_NUM_COUNTERS,
};

/**
 * struct wlsim_conn - an association profile
 * @ssid: SSID, printable characters without white space
 * @ssid_len: bytes of @ssid, 1 to %SAP_MEI_SSID_MAX
 * @bssid: BSSID of the AP
 * @channel: channel number
 * @auth: &enum sap_mei_auth
 * @cipher: &enum sap_mei_cipher
 */
struct wlsim_conn {
	u8 ssid[SAP_MEI_SSID_MAX];
	u8 ssid_len;
	u8 bssid[ETH_ALEN];
	u8 channel;
	u8 auth;
	u8 cipher;
};

/**
 * struct wlsim_reports - what sap_host told the driver, for the state file
 * @csme_ssid: SSID of CSME's own connection, as last reported
 * @csme_ssid_len: bytes of @csme_ssid; 0 if none was reported
 * @csme_link_prot: CSME's link protection, as last reported
 * @lp_rfkill: a link-protection rfkill is in force (recorded only)
 * @roaming_forbidden: last roaming_forbidden() value
 * @take_pending: rfkill(blocked, CSME taking) waits for the rfkill work
 * @release_pending: rfkill(unblocked) waits for the rfkill work
 * @rfkill_calls: rfkill() callbacks
 * @sap_connected_calls: sap_connected() callbacks
 */
struct wlsim_reports {
	u8 csme_ssid[SAP_MEI_SSID_MAX];
	u8 csme_ssid_len;
	bool csme_link_prot;
	bool lp_rfkill;
	bool roaming_forbidden;
	bool take_pending;
	bool release_pending;
	u32 rfkill_calls;
	u32 sap_connected_calls;
};

/**
 * struct wlsim_nic - the simulated NIC
 * @pdev: platform device wlan_sim.0
 * @port: network devices, indexed by &enum wlsim_port_role
 * @flags: &enum wlsim_flag bits
 * @cnt: radio counters, indexed by &enum wlsim_counter
 * @nvm_addr: the MAC address the NIC was created with
 * @lock: protects the fields below, up to @cb_lock
 * @def_conn: association profile from the module parameters
 * @conn: current association profile, valid if @conn_valid
 * @conn_valid: the station has a network to associate with
 * @country: regulatory country, two upper-case letters
 * @power_limit: SAR table last reported
 * @seized: times the firmware seized the hardware (hw_owner = csme)
 * @last_own_err: result of the last sap_mei_get_ownership() call
 * @cb_lock: protects @rep; a leaf lock, taken in the sap_mei callbacks
 * @rep: what the callbacks recorded
 * @wq: ordered workqueue for the items below
 * @rfkill_work: acts on rfkill() callbacks
 * @resume_work: restarts the device after system resume
 */
struct wlsim_nic {
	struct platform_device *pdev;
	struct net_device *port[WLSIM_NUM_PORTS];
	unsigned long flags;
	atomic64_t cnt[WLSIM_NUM_COUNTERS];
	u8 nvm_addr[ETH_ALEN];

	struct mutex lock; /* device state; after rtnl, before sap_host */
	struct wlsim_conn def_conn;
	struct wlsim_conn conn;
	bool conn_valid;
	char country[3];
	u16 power_limit[WLSIM_POWER_LIMITS];
	u32 seized;
	int last_own_err;

	spinlock_t cb_lock; /* @rep; leaf, taken in sap_mei callbacks */
	struct wlsim_reports rep;

	struct workqueue_struct *wq;
	struct work_struct rfkill_work;
	struct work_struct resume_work;
};

/**
 * struct wlsim_port - private data of each network device
 * @nic: the NIC
 * @role: which port this is
 * @rxq: frames received from the radio
 * @napi: hands @rxq to the stack (through GRO but on the CSME port)
 */
struct wlsim_port {
	struct wlsim_nic *nic;
	enum wlsim_port_role role;
	struct sk_buff_head rxq;
	struct napi_struct napi;
};

static inline struct wlsim_nic *wlsim_dev_nic(struct net_device *dev)
{
	struct wlsim_port *port = netdev_priv(dev);

	return port->nic;
}

static inline struct net_device *wlsim_host(struct wlsim_nic *nic)
{
	return nic->port[WLSIM_PORT_HOST];
}

/* The host's link works: the device runs, is associated, the host owns the
 * hardware and the radio is not killed. Takes a snapshot of wlsim_nic.flags.
 */
static inline bool wlsim_link_ok(unsigned long flags)
{
	const unsigned long mask = BIT(WLSIM_STARTED) | BIT(WLSIM_ASSOCIATED) |
				   BIT(WLSIM_CSME_OWNS) | BIT(WLSIM_HW_RFKILL) |
				   BIT(WLSIM_SW_RFKILL);

	return (flags & mask) == (BIT(WLSIM_STARTED) | BIT(WLSIM_ASSOCIATED));
}

static inline u16 wlsim_mcc(const char *country)
{
	return (u16)country[0] << 8 | (u8)country[1];
}

/* ctrl.c: device state transitions, all with wlsim_nic.lock held */
int wlsim_bring_up(struct wlsim_nic *nic);
void wlsim_stop(struct wlsim_nic *nic);
void wlsim_csme_takes(struct wlsim_nic *nic);
void wlsim_host_gets_nic(struct wlsim_nic *nic);
void wlsim_seize(struct wlsim_nic *nic);
void wlsim_set_rfkill(struct wlsim_nic *nic, bool hw, bool sw);
void wlsim_set_conn(struct wlsim_nic *nic, const struct wlsim_conn *conn);

/* radio.c: the datapath */
netdev_tx_t wlsim_radio_xmit(struct sk_buff *skb, struct net_device *dev);
int wlsim_radio_poll(struct napi_struct *napi, int budget);

/* netdev.c */
int wlsim_ports_create(struct wlsim_nic *nic);
void wlsim_ports_destroy(struct wlsim_nic *nic);

/* sap.c */
extern const struct sap_mei_ops wlsim_sap_ops;
void wlsim_sap_init(struct wlsim_nic *nic);
void wlsim_sap_cancel(struct wlsim_nic *nic);

/* sysfs.c */
extern const struct attribute_group *wlsim_groups[];

/* conn.c: association profiles as text */
int wlsim_conn_parse(char *s, const struct wlsim_conn *def,
		     struct wlsim_conn *conn);
int wlsim_conn_print(const struct wlsim_conn *conn, char *buf, int at);
bool wlsim_ssid_valid(const u8 *ssid, size_t len);
bool wlsim_channel_valid(unsigned int channel);
bool wlsim_country_valid(const char *s, size_t len);
int wlsim_parse_mac(const char *s, u8 *mac);

#endif /* _WLAN_SIM_H */

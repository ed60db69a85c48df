/* SPDX-License-Identifier: GPL-2.0 */
/* sap_host internals: the single SAP host instance and its helpers.
 *
 * There is one CSME and one WLAN NIC, so there is one instance, &sap_host.
 * It has two parts:
 *  - what the WLAN driver told us (cfg), kept across transport unbinds so
 *    that it can be replayed to a new firmware session;
 *  - the current session (bound to a transport), reset by every probe.
 *
 * Locking:
 *  - sap_host.lock (mutex) serialises everything except the Rx/Tx data path;
 *    rtnl, when needed, is always taken before it;
 *  - sap_host.data_lock (spinlock, BH) protects the H2M data ring, which
 *    the Rx handler and the Tx copy path write from atomic context, and the
 *    data_ready flag that says the ring may be used;
 *  - the filters are RCU protected for the Rx handler.
 */
#ifndef SAP_HOST_INTERNAL_H
#define SAP_HOST_INTERNAL_H

#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/wait.h>
#include <linux/rcupdate.h>
#include <linux/netdevice.h>
#include <linux/sap_mei.h>

#include "sap_area.h"
#include "sap_ring.h"
#include "sap_msg.h"
#include "sap_filter.h"
#include "sap_transport.h"
#include "recorder.h"

#define SAP_HOST_TX_BUF		128	/* largest host notification is 76 */
#define SAP_HOST_DRAIN_BUDGET	256	/* messages per ring per drain pass */
#define SAP_HOST_TX_HEADROOM	42	/* QoS hdr + IV + SNAP + ethertype */

/**
 * enum sap_host_state - where the session is
 * @SAP_ST_UNBOUND: no transport
 * @SAP_ST_IDLE: a transport is bound but no session is open, because no
 *	WLAN driver is registered (or opening one failed); nothing has been
 *	sent to the firmware
 * @SAP_ST_STARTING: START sent, waiting for START_OK
 * @SAP_ST_CONNECTED: handshake done, AMT disabled (or not yet reported)
 * @SAP_ST_ACTIVE: handshake done and AMT enabled
 * @SAP_ST_GOING_DOWN: HOST_GOES_DOWN sent, the transport is going away
 */
enum sap_host_state {
	SAP_ST_UNBOUND,
	SAP_ST_IDLE,
	SAP_ST_STARTING,
	SAP_ST_CONNECTED,
	SAP_ST_ACTIVE,
	SAP_ST_GOING_DOWN,
};

/* Counters, shown by debugfs "counters". */
enum sap_host_counter {
	SAP_CNT_PROBES,
	SAP_CNT_REMOVES,
	SAP_CNT_SESSIONS,
	SAP_CNT_HANDSHAKES,
	SAP_CNT_START_SENT,
	SAP_CNT_START_TIMEOUTS,
	SAP_CNT_START_OK_BAD,
	SAP_CNT_ME_RX,
	SAP_CNT_ME_RX_BAD,
	SAP_CNT_CSA_RX,
	SAP_CNT_CSA_TX,
	SAP_CNT_CSA_THROTTLED,
	SAP_CNT_ME_RX_EARLY,
	SAP_CNT_NOTIF_RX,
	SAP_CNT_NOTIF_RX_BAD,
	SAP_CNT_NOTIF_RX_NEW_VALUES,
	SAP_CNT_NOTIF_RX_IGNORED,
	SAP_CNT_NOTIF_TX,
	SAP_CNT_NOTIF_TX_FAIL,
	SAP_CNT_NOTIF_SUPPRESSED,
	SAP_CNT_DRAIN_BUDGET,
	SAP_CNT_DATA_M2H,
	SAP_CNT_DATA_M2H_BAD,
	SAP_CNT_DATA_M2H_NO_NETDEV,
	SAP_CNT_DATA_M2H_NOMEM,
	SAP_CNT_DATA_H2M,
	SAP_CNT_DATA_H2M_CONSUMED,
	SAP_CNT_DATA_H2M_DROPPED,
	SAP_CNT_DATA_H2M_GRO_SPLIT,
	SAP_CNT_DATA_H2M_GRO_FAIL,
	SAP_CNT_DHCP_COPIES,
	SAP_CNT_PINGS,
	SAP_CNT_OWNERSHIP_ASKED,
	SAP_CNT_OWNERSHIP_GRANTED,
	SAP_CNT_OWNERSHIP_DENIED,
	SAP_CNT_OWNERSHIP_TIMEOUTS,
	SAP_CNT_CSME_TOOK,
	SAP_CNT_CSME_RELEASED,
	SAP_CNT_FILTER_UPDATES,
	SAP_CNT_GOES_DOWN_NO_ACK,
	SAP_CNT_RX_HANDLER_FAIL,
	SAP_CNT__NUM
};

/**
 * struct sap_host_filters - an RCU managed filter set
 * @rcu: for kfree_rcu()
 * @f: the filters
 */
struct sap_host_filters {
	struct rcu_head rcu;
	struct sap_filters f;
};

/**
 * struct sap_host_cfg - what the WLAN driver reported, kept across sessions
 * @ops: driver callbacks, NULL when no driver is registered
 * @priv: driver cookie
 * @netdev: the WLAN netdev (RCU for the data path, written under rtnl+lock)
 * @conn: current association, valid if @conn_valid
 * @colloc: collocated AP of @conn
 * @conn_valid: the host is associated
 * @sar: SAR table, valid if @sar_valid
 * @sar_valid: a SAR table was set
 * @rf_kill: RADIO_STATE bits
 * @mcc: country code, valid if @mcc_valid
 * @mcc_valid: a country code was set
 * @mac: interface address
 * @nvm_mac: NVM address
 * @device_up: the driver's device is running
 */
struct sap_host_cfg {
	const struct sap_mei_ops *ops;
	void *priv;
	struct net_device __rcu *netdev;
	struct sap_conn_params conn;
	struct sap_colloc_params colloc;
	bool conn_valid;
	u16 sar[SAP_SAR_NUM_CHAINS][SAP_SAR_NUM_SUBBANDS];
	bool sar_valid;
	u32 rf_kill;
	u16 mcc;
	bool mcc_valid;
	u8 mac[ETH_ALEN];
	u8 nvm_mac[ETH_ALEN];
	bool device_up;
};

/**
 * struct sap_host - the SAP host instance
 * @lock: see the file comment
 * @data_lock: see the file comment
 * @wq: waiters for ownership, NVM and PLDR replies
 * @cfg: the driver's reports
 * @t: bound transport, NULL when unbound
 * @state: &enum sap_host_state
 * @session: incremented by every probe and remove, ends waits
 * @version: SAP version in use
 * @mem: shared area (from the transport)
 * @map_size: bytes mapped at @mem
 * @area: private layout of @mem
 * @h2m: host to CSME rings (we produce)
 * @m2h: CSME to host rings (we consume)
 * @data_ready: the H2M data ring may be written (under @data_lock)
 * @me_seq: next ME-level sequence number
 * @sap_seq: next SAP sequence number
 * @amt_enabled: CSME reported wireless AMT enabled
 * @got_ownership: the host owns the NIC
 * @own_denials: OWNERSHIP_REQ_REPLY(denied) seen, ends ownership waits
 * @csme_taking_ownership: CSME is taking the NIC, confirmation pending
 * @link_prot_state: CSME's link protection from CONN_STATUS
 * @pldr_active: a PLDR was acknowledged and PLDR_END is pending
 * @pldr_acked: PLDR_ACK(success) seen since the last PLDR
 * @csa_early: CSME rang before START_OK; drain once the session is up
 * @csa_throttled: a doorbell went out less than csa_throttle_ms ago
 * @csa_kick: the data path wrote into an empty ring; CSME may be idle, so
 *	the next doorbell goes out even while throttled (under @data_lock)
 * @filters: CSME's filters, NULL until the first CSME_FILTERS
 * @nvm: NVM from the last NVM message, NULL if none
 * @rx_dev: netdev our Rx handler is registered on, NULL if none
 * @csa_work: sends a doorbell for the data path
 * @drain_work: drains what one doorbell's budget left in the M2H rings
 * @throttle_work: ends the doorbell throttle
 * @start_work: handshake timeout
 * @retake_work: asks for the NIC again while CSME keeps it
 * @netdev_work: (un)registers the Rx handler after an AMT state change
 * @me_msg: decoded ME-level message
 * @msg: decoded SAP notification (too big for the stack)
 * @rxbuf: private copy of one M2H notification
 * @txbuf: encoding buffer for notifications (under @lock)
 * @reasons: rejected M2H messages by reason
 * @cnt: &enum sap_host_counter
 * @debugfs: debugfs directory
 * @fwctl: fwctl device while a transport is bound (under @lock)
 * @rec: flight recorder
 */
struct sap_host {
	struct mutex lock;		/* everything but the data path */
	spinlock_t data_lock;		/* H2M data ring, data_ready */
	wait_queue_head_t wq;
	struct sap_host_cfg cfg;

	struct sap_transport *t;
	enum sap_host_state state;
	u32 session;
	u8 version;
	void *mem;
	u32 map_size;
	struct sap_area area;
	struct sap_ring h2m[SAP_QUEUE_NUM];
	struct sap_ring m2h[SAP_QUEUE_NUM];
	bool data_ready;
	u32 me_seq;
	u32 sap_seq;
	bool amt_enabled;
	bool got_ownership;
	u32 own_denials;
	bool csme_taking_ownership;
	u32 link_prot_state;
	bool pldr_active;
	bool pldr_acked;
	bool csa_early;
	bool csa_throttled;
	bool csa_kick;
	struct sap_host_filters __rcu *filters;
	struct sap_mei_nvm *nvm;
	struct net_device *rx_dev;

	struct work_struct csa_work;
	struct work_struct drain_work;
	struct delayed_work throttle_work;
	struct delayed_work start_work;
	struct delayed_work retake_work;
	struct work_struct netdev_work;

	struct sap_me_msg me_msg;
	struct sap_msg msg;
	u8 rxbuf[SAP_M2H_NOTIF_MAX_LEN];
	u8 txbuf[SAP_HOST_TX_BUF];

	struct sap_counters reasons;
	u32 cnt[SAP_CNT__NUM];
	struct dentry *debugfs;
	struct sap_fwctl *fwctl;
	struct sap_rec rec;
};

static inline void sap_cnt(struct sap_host *h, enum sap_host_counter c)
{
	h->cnt[c]++;
}

/* The one way rejected input from CSME is counted: by reason (the
 * rejected_* counters) and by where it came from (@where).
 */
static inline void sap_reject(struct sap_host *h, enum sap_host_counter where,
			      enum sap_reason why)
{
	sap_count(&h->reasons, why);
	sap_cnt(h, where);
}

static inline bool sap_connected(const struct sap_host *h)
{
	return h->state == SAP_ST_CONNECTED || h->state == SAP_ST_ACTIVE;
}

static inline bool sap_active(const struct sap_host *h)
{
	return h->state == SAP_ST_ACTIVE;
}

/* Each file's functions used by other files. A file calls only files
 * listed above it; recorder.h and trace.h are below them all.
 */

/* tx.c */
void sap_tx_init(struct sap_host *h);
int sap_me_send(struct sap_host *h, const void *buf, int len);
int sap_send_notif(struct sap_host *h, int len);
int sap_send_empty(struct sap_host *h, u16 type);
int sap_send_dw(struct sap_host *h, u16 type, u32 val);
bool sap_tx_pending(struct sap_host *h);
void sap_tx_unthrottle(struct sap_host *h);

/* session.c */
void sap_session_init(struct sap_host *h);
const char *sap_state_name(enum sap_host_state st);
void sap_set_state(struct sap_host *h, enum sap_host_state st);
void sap_session_reset(struct sap_host *h);
int sap_session_open(struct sap_host *h);
int sap_send_start(struct sap_host *h);
void sap_handle_start_ok(struct sap_host *h);

/* report.c */
bool sap_report_allowed(struct sap_host *h);
void sap_report_driver_up(struct sap_host *h);
void sap_report_link_up(struct sap_host *h);
void sap_report_link_down(struct sap_host *h);
void sap_report_nic_info(struct sap_host *h);
void sap_report_country_code(struct sap_host *h);
void sap_report_sar(struct sap_host *h);
void sap_report_radio_state(struct sap_host *h);
void sap_report_all(struct sap_host *h);

/* own.c */
void sap_own_init(struct sap_host *h);
void sap_own_tell_driver(struct sap_host *h, bool blocked, bool taking);
int sap_own_request(struct sap_host *h, bool wait);
int sap_own_confirm_csme_take(struct sap_host *h);
void sap_own_device_stopped(struct sap_host *h);
void sap_own_amt_disabled(struct sap_host *h);
void sap_own_reply(struct sap_host *h, u32 granted);
void sap_own_csme_taking(struct sap_host *h);
void sap_own_nic_owner(struct sap_host *h, u32 owner);
void sap_own_csme_can_release(struct sap_host *h);
void sap_own_driver_gone(struct sap_host *h);
void sap_own_session_ended(struct sap_host *h);
void sap_own_stop_retake(struct sap_host *h);

/* net.c */
void sap_net_init(struct sap_host *h);
void sap_rx_handler_sync(struct sap_host *h);
bool sap_drain_m2h_data(struct sap_host *h, struct sk_buff_head *q);
void sap_xmit_queue(struct sap_host *h, struct sk_buff_head *q);

/* notif.c */
void sap_handle_notif(struct sap_host *h, const struct sap_msg *msg);

/* debugfs.c */
extern const char * const sap_cnt_names[SAP_CNT__NUM];
void sap_debugfs_init(struct sap_host *h);
void sap_debugfs_exit(struct sap_host *h);

/* fwctl.c */
void sap_fwctl_add(struct sap_host *h);
void sap_fwctl_del(struct sap_host *h, struct sap_transport *t);

/* api.c: only the sap_mei_* API (include/linux/sap_mei.h) */

/* main.c: the instance; its functions are the transports' (sap_transport.h) */
extern struct sap_host sap_host;

#endif /* SAP_HOST_INTERNAL_H */

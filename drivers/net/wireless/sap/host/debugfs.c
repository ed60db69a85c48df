// SPDX-License-Identifier: GPL-2.0
/* sap_host debugfs: /sys/kernel/debug/sap_host/
 *
 *  status              session state, ownership, AMT, what was reported
 *  counters            event counters and rejected CSME messages by reason
 *  send_start_message  (write) restart the handshake
 *  req_ownership       (write) ask CSME for the NIC, as the driver would
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/cleanup.h>

#include "internal.h"

const char * const sap_cnt_names[SAP_CNT__NUM] = {
	[SAP_CNT_PROBES] = "probes",
	[SAP_CNT_REMOVES] = "removes",
	[SAP_CNT_SESSIONS] = "sessions_opened",
	[SAP_CNT_HANDSHAKES] = "handshakes",
	[SAP_CNT_START_SENT] = "start_sent",
	[SAP_CNT_START_TIMEOUTS] = "start_timeouts",
	[SAP_CNT_START_OK_BAD] = "start_ok_bad",
	[SAP_CNT_ME_RX] = "me_rx",
	[SAP_CNT_ME_RX_BAD] = "me_rx_bad",
	[SAP_CNT_CSA_RX] = "csa_rx",
	[SAP_CNT_CSA_TX] = "csa_tx",
	[SAP_CNT_CSA_THROTTLED] = "csa_throttled",
	[SAP_CNT_ME_RX_EARLY] = "me_rx_before_start_ok",
	[SAP_CNT_NOTIF_RX] = "notif_rx",
	[SAP_CNT_NOTIF_RX_BAD] = "notif_rx_bad",
	[SAP_CNT_NOTIF_RX_NEW_VALUES] = "notif_rx_new_values",
	[SAP_CNT_NOTIF_RX_IGNORED] = "notif_rx_ignored",
	[SAP_CNT_NOTIF_TX] = "notif_tx",
	[SAP_CNT_NOTIF_TX_FAIL] = "notif_tx_fail",
	[SAP_CNT_NOTIF_SUPPRESSED] = "notif_suppressed",
	[SAP_CNT_DRAIN_BUDGET] = "drain_budget_hit",
	[SAP_CNT_DATA_M2H] = "data_from_csme",
	[SAP_CNT_DATA_M2H_BAD] = "data_from_csme_bad",
	[SAP_CNT_DATA_M2H_NO_NETDEV] = "data_from_csme_no_netdev",
	[SAP_CNT_DATA_M2H_NOMEM] = "data_from_csme_nomem",
	[SAP_CNT_DATA_H2M] = "data_to_csme",
	[SAP_CNT_DATA_H2M_CONSUMED] = "data_to_csme_only",
	[SAP_CNT_DATA_H2M_DROPPED] = "data_to_csme_dropped",
	[SAP_CNT_DATA_H2M_GRO_SPLIT] = "data_to_csme_gro_split",
	[SAP_CNT_DATA_H2M_GRO_FAIL] = "data_to_csme_gro_fail",
	[SAP_CNT_DHCP_COPIES] = "dhcp_copies",
	[SAP_CNT_PINGS] = "pings",
	[SAP_CNT_OWNERSHIP_ASKED] = "ownership_asked",
	[SAP_CNT_OWNERSHIP_GRANTED] = "ownership_granted",
	[SAP_CNT_OWNERSHIP_DENIED] = "ownership_denied",
	[SAP_CNT_OWNERSHIP_TIMEOUTS] = "ownership_timeouts",
	[SAP_CNT_CSME_TOOK] = "csme_took",
	[SAP_CNT_CSME_RELEASED] = "csme_released",
	[SAP_CNT_FILTER_UPDATES] = "filter_updates",
	[SAP_CNT_GOES_DOWN_NO_ACK] = "goes_down_no_ack",
	[SAP_CNT_RX_HANDLER_FAIL] = "rx_handler_fail",
};

static int sap_status_show(struct seq_file *s, void *unused)
{
	struct sap_host *h = &sap_host;
	const struct sap_conn_params *c = &h->cfg.conn;

	guard(mutex)(&h->lock);
	seq_printf(s, "state %s\n", sap_state_name(h->state));
	seq_printf(s, "transport %s\n", h->t ? h->t->name : "none");
	seq_printf(s, "version %u\n", h->t ? h->version : 0);
	seq_printf(s, "map_size %u\n", h->t ? h->map_size : 0);
	/* CSME may overwrite the control block: say whether it still holds. */
	seq_printf(s, "area %s\n", h->mem ? sap_reason_id(sap_area_check(&h->area)) : "none");
	seq_printf(s, "connected %d\n", sap_connected(h));
	seq_printf(s, "amt_enabled %d\n", h->amt_enabled);
	seq_printf(s, "owner %s\n", h->got_ownership || !sap_active(h) ? "host" : "csme");
	seq_printf(s, "csme_taking_ownership %d\n", h->csme_taking_ownership);
	seq_printf(s, "link_prot_state %u\n", h->link_prot_state);
	seq_printf(s, "filters %s\n", rcu_access_pointer(h->filters) ? "set" : "none");
	seq_printf(s, "rx_handler %s\n", h->rx_dev ? netdev_name(h->rx_dev) : "none");
	seq_printf(s, "driver %s\n", h->cfg.ops ? "registered" : "none");
	seq_printf(s, "device_up %d\n", h->cfg.device_up);
	seq_printf(s, "radio_state %u\n", h->cfg.rf_kill);
	seq_printf(s, "mac %pM\n", h->cfg.mac);
	if (h->cfg.mcc_valid)
		seq_printf(s, "country %c%c\n", h->cfg.mcc >> 8, h->cfg.mcc & 0xff);
	if (h->cfg.conn_valid)
		seq_printf(s, "link up ssid=%*pE bssid=%pM channel=%u\n",
			   (int)c->ssid_len, c->ssid, c->bssid, c->channel);
	else
		seq_puts(s, "link down\n");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sap_status);

static int sap_counters_show(struct seq_file *s, void *unused)
{
	struct sap_host *h = &sap_host;
	int i;

	guard(mutex)(&h->lock);
	for (i = 0; i < SAP_CNT__NUM; i++)
		seq_printf(s, "%s %u\n", sap_cnt_names[i], h->cnt[i]);
	for (i = 1; i < SAP_R_COUNT; i++)
		if (h->reasons.n[i])
			seq_printf(s, "rejected_%s %u\n", sap_reason_id(i), h->reasons.n[i]);
	for (i = 0; i < SAP_QUEUE_NUM && h->t; i++) {
		seq_printf(s, "ring_h2m%d_full %u\n", i, h->h2m[i].cnt.n[SAP_R_RING_FULL]);
		seq_printf(s, "ring_m2h%d_bad_ptr %u\n", i,
			   h->m2h[i].cnt.n[SAP_R_RING_PTR_RANGE] +
			   h->m2h[i].cnt.n[SAP_R_RING_OWN_PTR]);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sap_counters);

static ssize_t sap_send_start_write(struct file *file, const char __user *buf,
				    size_t count, loff_t *ppos)
{
	struct sap_host *h = &sap_host;
	int ret;

	guard(mutex)(&h->lock);
	/* Without a WLAN driver there is no session to start (see probe). */
	if (!h->t || h->state == SAP_ST_GOING_DOWN || h->state == SAP_ST_IDLE)
		return -ENODEV;
	/* A live session is not restarted behind its back: the firmware
	 * reset path (transport remove and probe) does that cleanly.
	 */
	if (h->state != SAP_ST_STARTING)
		return -EBUSY;
	ret = sap_send_start(h);
	return ret ? ret : count;
}

static const struct file_operations sap_send_start_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sap_send_start_write,
	.llseek = noop_llseek,
};

static ssize_t sap_req_ownership_write(struct file *file, const char __user *buf,
				       size_t count, loff_t *ppos)
{
	struct sap_host *h = &sap_host;
	int ret;

	/* Not a guard: the wait drops and retakes the lock. */
	mutex_lock(&h->lock);
	ret = sap_own_request(h, true);
	mutex_unlock(&h->lock);
	return ret ? ret : count;
}

static const struct file_operations sap_req_ownership_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sap_req_ownership_write,
	.llseek = noop_llseek,
};

/**
 * sap_debugfs_init() - create the debugfs directory (at module load)
 * @h: host
 */
void sap_debugfs_init(struct sap_host *h)
{
	struct dentry *dir = debugfs_create_dir("sap_host", NULL);

	if (IS_ERR(dir))
		return;
	debugfs_create_file("status", 0400, dir, NULL, &sap_status_fops);
	debugfs_create_file("counters", 0400, dir, NULL, &sap_counters_fops);
	debugfs_create_file("send_start_message", 0200, dir, NULL, &sap_send_start_fops);
	debugfs_create_file("req_ownership", 0200, dir, NULL, &sap_req_ownership_fops);
	h->debugfs = dir;
}

/**
 * sap_debugfs_exit() - remove the debugfs directory (at module unload)
 * @h: host
 */
void sap_debugfs_exit(struct sap_host *h)
{
	debugfs_remove_recursive(h->debugfs);
	h->debugfs = NULL;
}

// SPDX-License-Identifier: GPL-2.0
/* sap_host: the host's reports to CSME.
 *
 * What the WLAN driver reported (&struct sap_host_cfg) becomes the host's
 * notifications here: each report has one encoder call, used both when the
 * driver reports a change and in the initial burst that tells a CSME that
 * just enabled AMT everything at once.
 */
#include <linux/etherdevice.h>

#include "internal.h"

/**
 * sap_report_allowed() - may host reports be sent now?
 * @h: host, locked
 *
 * Host-initiated reports are not sent while AMT is disabled (they are kept
 * in the cfg and sent by the initial burst); each one held back this way
 * is counted.
 *
 * Return: true with a session up and AMT enabled.
 */
bool sap_report_allowed(struct sap_host *h)
{
	if (sap_active(h) && h->data_ready)
		return true;
	if (h->t)
		sap_cnt(h, SAP_CNT_NOTIF_SUPPRESSED);
	return false;
}

/**
 * sap_report_link_up() - report the host's association, if it has one
 * @h: host, locked
 */
void sap_report_link_up(struct sap_host *h)
{
	if (!h->cfg.conn_valid)
		return;
	sap_send_notif(h, sap_msg_enc_link_up(h->txbuf, sizeof(h->txbuf), 0,
					      &h->cfg.conn, &h->cfg.colloc));
}

/**
 * sap_report_link_down() - report a temporary loss of the association
 * @h: host, locked
 *
 * Temporary, so that CSME does not grab the NIC at once.
 */
void sap_report_link_down(struct sap_host *h)
{
	sap_send_notif(h, sap_msg_enc_link_down(h->txbuf, sizeof(h->txbuf), 0,
						SAP_LINK_DOWN_TEMPORARY, 0, 0));
}

/**
 * sap_report_nic_info() - report the NIC's addresses, once they are valid
 * @h: host, locked
 */
void sap_report_nic_info(struct sap_host *h)
{
	/* An invalid address would make CSME use garbage. */
	if (!is_valid_ether_addr(h->cfg.mac))
		return;
	sap_send_notif(h, sap_msg_enc_nic_info(h->txbuf, sizeof(h->txbuf), 0,
					       h->cfg.mac, h->cfg.nvm_mac));
}

/**
 * sap_report_country_code() - report the country code, once the driver set one
 * @h: host, locked
 *
 * Upstream sends 0 before that.
 */
void sap_report_country_code(struct sap_host *h)
{
	if (!h->cfg.mcc_valid)
		return;
	sap_send_notif(h, sap_msg_enc_country_code(h->txbuf, sizeof(h->txbuf), 0,
						   h->cfg.mcc, 0, 0));
}

/**
 * sap_report_sar() - report the SAR table, once the driver set one
 * @h: host, locked
 */
void sap_report_sar(struct sap_host *h)
{
	if (!h->cfg.sar_valid)
		return;
	sap_send_notif(h, sap_msg_enc_sar_limits(h->txbuf, sizeof(h->txbuf), 0,
						 h->cfg.sar));
}

/**
 * sap_report_radio_state() - report the kill switches
 * @h: host, locked
 */
void sap_report_radio_state(struct sap_host *h)
{
	sap_send_dw(h, SAP_MSG_NOTIF_RADIO_STATE, h->cfg.rf_kill);
}

/**
 * sap_report_driver_up() - report that a WLAN driver uses SAP
 * @h: host, locked, with a driver registered
 *
 * The driver hears that the session is up (its sap_connected callback).
 */
void sap_report_driver_up(struct sap_host *h)
{
	sap_send_empty(h, SAP_MSG_NOTIF_WIFIDR_UP);
	if (h->cfg.ops->sap_connected)
		h->cfg.ops->sap_connected(h->cfg.priv);
}

/**
 * sap_report_all() - tell a CSME that just enabled AMT all we know
 * @h: host, locked, active
 */
void sap_report_all(struct sap_host *h)
{
	if (h->cfg.ops)
		sap_report_driver_up(h);
	sap_send_empty(h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
	sap_report_link_up(h);
	sap_report_country_code(h);
	sap_report_sar(h);
	sap_report_nic_info(h);
	sap_report_radio_state(h);
}

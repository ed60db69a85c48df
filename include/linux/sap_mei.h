/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SAP host: the API a WLAN driver uses to share its NIC with CSME.
 *
 * The sap_host module speaks the Software Arbitration Protocol with the
 * CSME firmware over a transport (the MEI client bus, or the simulated
 * transport of sap_sim). A WLAN driver registers once and then reports its
 * state through the calls below, which all sleep and may be made whether or
 * not CSME is currently connected: every report is cached and replayed when
 * a connection (re)starts.
 *
 * Like the hardware it stands for, there is a single instance: one CSME,
 * one WLAN driver.
 *
 * Callbacks are never run concurrently with each other and must not call
 * back into this API from the same thread; they run in process context
 * without rtnl held.
 */
#ifndef _LINUX_SAP_MEI_H
#define _LINUX_SAP_MEI_H

#include <linux/types.h>
#include <linux/if_ether.h>

struct net_device;
struct sk_buff;

#define SAP_MEI_SSID_MAX	32
#define SAP_MEI_SAR_CHAINS	2
#define SAP_MEI_SAR_SUBBANDS	5
#define SAP_MEI_NVM_CHANNELS	110

/* Values of &struct sap_mei_conn_info auth_mode (the SAP wire values). */
enum sap_mei_auth {
	SAP_MEI_AKM_OPEN = 0,
	SAP_MEI_AKM_RSNA = 6,
	SAP_MEI_AKM_RSNA_PSK = 7,
	SAP_MEI_AKM_SAE = 9,
};

/* Values of &struct sap_mei_conn_info pairwise_cipher (the SAP wire values). */
enum sap_mei_cipher {
	SAP_MEI_CIPHER_NONE = 0,
	SAP_MEI_CIPHER_TKIP = 2,
	SAP_MEI_CIPHER_CCMP = 4,
	SAP_MEI_CIPHER_GCMP = 8,
	SAP_MEI_CIPHER_GCMP_256 = 9,
};

/**
 * struct sap_mei_conn_info - a WLAN connection
 * @lp_state: link protection active (only in CSME's reports)
 * @auth_mode: &enum sap_mei_auth
 * @ssid_len: bytes of @ssid used, at most %SAP_MEI_SSID_MAX
 * @channel: channel number
 * @band: band
 * @pairwise_cipher: &enum sap_mei_cipher
 * @bssid: BSSID of the AP
 * @ssid: SSID
 */
struct sap_mei_conn_info {
	u8 lp_state;
	u8 auth_mode;
	u8 ssid_len;
	u8 channel;
	u8 band;
	u8 pairwise_cipher;
	u8 bssid[ETH_ALEN];
	u8 ssid[SAP_MEI_SSID_MAX];
};

/**
 * struct sap_mei_colloc_info - collocated AP of the current connection
 * @channel: channel number
 * @bssid: BSSID
 */
struct sap_mei_colloc_info {
	u8 channel;
	u8 bssid[ETH_ALEN];
};

/**
 * struct sap_mei_nvm - the NIC's NVM as CSME reports it
 * @hw_addr: first MAC address
 * @n_hw_addrs: number of MAC addresses
 * @radio_cfg: radio configuration word
 * @caps: capability bits
 * @nvm_version: NVM version
 * @channels: per-channel flag words
 */
struct sap_mei_nvm {
	u8 hw_addr[ETH_ALEN];
	u8 n_hw_addrs;
	u32 radio_cfg;
	u32 caps;
	u32 nvm_version;
	u32 channels[SAP_MEI_NVM_CHANNELS];
};

/**
 * struct sap_mei_ops - what the WLAN driver provides
 * @me_conn_status: CSME reported its own connection (link protection state
 *	included)
 * @rfkill: the NIC must be (@blocked) or may again be used by the host;
 *	@csme_taking_ownership says that CSME is taking it, in which case the
 *	driver stops the device and reports sap_mei_device_state(false)
 * @roaming_forbidden: while the host owns the NIC, CSME's link protection
 *	forbids roaming
 * @sap_connected: SAP came up with AMT enabled
 *
 * Unlike iwlmei there is no "NIC stolen" callback: a CSME session that ends
 * (firmware reset, suspend, unload) never shuts the host's interface down.
 * The host keeps the NIC (@rfkill(false, false)) and the next session's
 * NIC_OWNER tells whether it must be asked for again.
 */
struct sap_mei_ops {
	void (*me_conn_status)(void *priv, const struct sap_mei_conn_info *ci);
	void (*rfkill)(void *priv, bool blocked, bool csme_taking_ownership);
	void (*roaming_forbidden)(void *priv, bool forbidden);
	void (*sap_connected)(void *priv);
};

bool sap_mei_is_connected(void);
int sap_mei_register(void *priv, const struct sap_mei_ops *ops);
void sap_mei_start_unregister(void);
void sap_mei_unregister_complete(void);
struct sap_mei_nvm *sap_mei_get_nvm(void);
int sap_mei_get_ownership(void);
void sap_mei_set_netdev(struct net_device *netdev);
void sap_mei_set_rfkill_state(bool hw_rfkill, bool sw_rfkill);
void sap_mei_set_nic_info(const u8 *mac_address, const u8 *nvm_address);
void sap_mei_set_country_code(u16 mcc);
void sap_mei_set_power_limit(const __le16 *power_limit);
void sap_mei_host_associated(const struct sap_mei_conn_info *conn,
			     const struct sap_mei_colloc_info *colloc);
void sap_mei_host_disassociated(void);
void sap_mei_device_state(bool up);
void sap_mei_tx_copy_to_csme(struct sk_buff *skb);
int sap_mei_pldr_req(void);
void sap_mei_alive_notif(bool success);

#endif /* _LINUX_SAP_MEI_H */

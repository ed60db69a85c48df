/* SPDX-License-Identifier: GPL-2.0 */
/* SAP receive filter engine.
 *
 * CSME sends a filter set (CSME_FILTERS); while the host owns the NIC every
 * received Ethernet frame is classified against it: the host keeps it, CSME
 * gets it, or both get a copy. See docs/sap-core.md for the exact rules.
 */
#ifndef SAP_FILTER_H
#define SAP_FILTER_H

#include "sap_compat.h"
#include "sap_wire.h"

/**
 * struct sap_flex_rule - port filter, host byte order
 * @src_port: source port, 0 = any
 * @dst_port: destination port, 0 = any
 * @flags: SAP_FLEX_FILTER_* bits
 */
struct sap_flex_rule {
	u16 src_port;
	u16 dst_port;
	u8 flags;
};

/**
 * struct sap_ipv6_rule - IPv6 address filter
 * @addr_lo24: last three bytes of the address
 * @flags: SAP_IPV6_ADDR_FILTER_* bits
 */
struct sap_ipv6_rule {
	u8 addr_lo24[3];
	u8 flags;
};

/**
 * struct sap_eth_rule - multicast destination filter
 * @mac: destination address
 * @flags: SAP_ETH_FILTER_* bits
 */
struct sap_eth_rule {
	u8 mac[SAP_ETH_ALEN];
	u8 flags;
};

/**
 * struct sap_filters - CSME's out-of-band filters in host byte order
 * @flex: port filters
 * @icmpv6_flags: SAP_ICMPV6_FILTER_* bits
 * @ipv6: IPv6 address filters
 * @eth: multicast filters
 * @ipv4_addr: CSME's IPv4 address (host order), 0 = any
 * @ipv4_flags: SAP_IPV4_FILTER_* bits
 * @vlan: VLAN filter words (kept, not used for classification)
 */
struct sap_filters {
	struct sap_flex_rule flex[SAP_MAX_FLEX_FILTERS];
	u32 icmpv6_flags;
	struct sap_ipv6_rule ipv6[SAP_MAX_IPV6_FILTERS];
	struct sap_eth_rule eth[SAP_MAX_ETH_FILTERS];
	u32 ipv4_addr;
	u32 ipv4_flags;
	u16 vlan[SAP_MAX_VLAN_FILTERS];
};

/**
 * enum sap_rx_verdict - where a received frame goes
 * @SAP_RX_HOST: host only (also for every frame the engine cannot parse)
 * @SAP_RX_CSME: CSME only, the host never sees it
 * @SAP_RX_BOTH: a copy to CSME, the original continues up the host stack
 */
enum sap_rx_verdict {
	SAP_RX_HOST = 1,
	SAP_RX_CSME = 2,
	SAP_RX_BOTH = 3,
};

void sap_filters_from_wire(struct sap_filters *f, const struct sap_oob_filters *w);
void sap_filters_to_wire(struct sap_oob_filters *w, const struct sap_filters *f);
enum sap_rx_verdict sap_filter_rx(const struct sap_filters *f, const u8 *frame, u32 len);
bool sap_filter_is_dhcp_request(const u8 *frame, u32 len);

#endif /* SAP_FILTER_H */

// SPDX-License-Identifier: GPL-2.0
/* SAP receive filter engine.
 *
 * The classifier works on a plain byte buffer holding an Ethernet frame.
 * Every header is length checked before it is looked at; anything that
 * cannot be parsed stays with the host. Multi-byte fields are assembled
 * byte by byte, so the frame may start at any address.
 */
#include "sap_filter.h"

#define SAP_ETH_P_IP		0x0800
#define SAP_ETH_P_ARP		0x0806
#define SAP_ETH_P_IPV6		0x86dd

#define SAP_IPPROTO_HOPOPTS	0
#define SAP_IPPROTO_ICMP	1
#define SAP_IPPROTO_TCP		6
#define SAP_IPPROTO_UDP		17
#define SAP_IPPROTO_ROUTING	43
#define SAP_IPPROTO_FRAGMENT	44
#define SAP_IPPROTO_AH		51
#define SAP_IPPROTO_ICMPV6	58
#define SAP_IPPROTO_DSTOPTS	60

#define SAP_IPV4_MIN_HLEN	20
#define SAP_IPV6_HLEN		40
#define SAP_ARP_IPV4_LEN	28
#define SAP_L4_PORTS_LEN	8	/* UDP header, or first 8 bytes of TCP */
#define SAP_ICMP_HLEN		8
#define SAP_ICMPV6_HLEN		4
#define SAP_IPV6_MAX_EXT_HDRS	8

#define SAP_ICMP_ECHO_REQUEST	8
#define SAP_ICMPV6_ECHO_REQUEST	128
#define SAP_ICMPV6_NDP_FIRST	133	/* router solicitation */
#define SAP_ICMPV6_NDP_LAST	137	/* redirect */

#define SAP_DHCP_CLIENT_PORT	68
#define SAP_DHCP_SERVER_PORT	67

static u16 sap_get_be16(const u8 *p)
{
	return (u16)((p[0] << 8) | p[1]);
}

static u32 sap_get_be32(const u8 *p)
{
	return ((u32)p[0] << 24) | ((u32)p[1] << 16) | ((u32)p[2] << 8) | p[3];
}

static enum sap_rx_verdict sap_to_csme(bool copy)
{
	return copy ? SAP_RX_BOTH : SAP_RX_CSME;
}

/**
 * sap_filters_from_wire() - convert CSME's filters to host order
 * @f: result
 * @w: filters as found in a CSME_FILTERS message (any alignment)
 */
void sap_filters_from_wire(struct sap_filters *f, const struct sap_oob_filters *w)
{
	int i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < SAP_MAX_FLEX_FILTERS; i++) {
		f->flex[i].src_port = be16_to_cpu(w->flex_filters[i].src_port);
		f->flex[i].dst_port = be16_to_cpu(w->flex_filters[i].dst_port);
		f->flex[i].flags = w->flex_filters[i].flags;
	}
	f->icmpv6_flags = le32_to_cpu(w->icmpv6_flags);
	for (i = 0; i < SAP_MAX_IPV6_FILTERS; i++) {
		memcpy(f->ipv6[i].addr_lo24, w->ipv6_filters[i].addr_lo24,
		       sizeof(f->ipv6[i].addr_lo24));
		f->ipv6[i].flags = w->ipv6_filters[i].flags;
	}
	for (i = 0; i < SAP_MAX_ETH_FILTERS; i++) {
		memcpy(f->eth[i].mac, w->eth_filters[i].mac_address, SAP_ETH_ALEN);
		f->eth[i].flags = w->eth_filters[i].flags;
	}
	f->ipv4_addr = be32_to_cpu(w->ipv4_filter.ipv4_addr);
	f->ipv4_flags = le32_to_cpu(w->ipv4_filter.flags);
	for (i = 0; i < SAP_MAX_VLAN_FILTERS; i++)
		f->vlan[i] = le16_to_cpu(w->vlan[i]);
}

/**
 * sap_filters_to_wire() - convert host-order filters to the wire layout
 * @w: result; reserved bytes are zeroed
 * @f: filters
 */
void sap_filters_to_wire(struct sap_oob_filters *w, const struct sap_filters *f)
{
	int i;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < SAP_MAX_FLEX_FILTERS; i++) {
		w->flex_filters[i].src_port = cpu_to_be16(f->flex[i].src_port);
		w->flex_filters[i].dst_port = cpu_to_be16(f->flex[i].dst_port);
		w->flex_filters[i].flags = f->flex[i].flags;
	}
	w->icmpv6_flags = cpu_to_le32(f->icmpv6_flags);
	for (i = 0; i < SAP_MAX_IPV6_FILTERS; i++) {
		memcpy(w->ipv6_filters[i].addr_lo24, f->ipv6[i].addr_lo24,
		       sizeof(w->ipv6_filters[i].addr_lo24));
		w->ipv6_filters[i].flags = f->ipv6[i].flags;
	}
	for (i = 0; i < SAP_MAX_ETH_FILTERS; i++) {
		memcpy(w->eth_filters[i].mac_address, f->eth[i].mac, SAP_ETH_ALEN);
		w->eth_filters[i].flags = f->eth[i].flags;
	}
	w->ipv4_filter.ipv4_addr = cpu_to_be32(f->ipv4_addr);
	w->ipv4_filter.flags = cpu_to_le32(f->ipv4_flags);
	for (i = 0; i < SAP_MAX_VLAN_FILTERS; i++)
		w->vlan[i] = cpu_to_le16(f->vlan[i]);
}

/* TCP/UDP port filters, shared by IPv4 and IPv6. Evaluated in order up to
 * the first disabled entry; the first hit decides.
 *
 * An entry carrying address-family flags only applies to the listed
 * families and only when the destination address matched CSME's address
 * filter. An entry without family flags applies to both families and to
 * any destination address.
 */
static enum sap_rx_verdict sap_filter_flex(const struct sap_filters *f, bool ipv6,
					   bool ip_match, u8 proto,
					   const u8 *l4, u32 l4_len)
{
	u16 sport, dport;
	int i;

	if (l4_len < SAP_L4_PORTS_LEN)
		return SAP_RX_HOST;
	sport = sap_get_be16(l4);
	dport = sap_get_be16(l4 + 2);

	for (i = 0; i < SAP_MAX_FLEX_FILTERS; i++) {
		const struct sap_flex_rule *rule = &f->flex[i];
		u8 fl = rule->flags;

		if (!(fl & SAP_FLEX_FILTER_ENABLED))
			break;
		if (fl & (SAP_FLEX_FILTER_IPV4 | SAP_FLEX_FILTER_IPV6)) {
			if (!(fl & (ipv6 ? SAP_FLEX_FILTER_IPV6 : SAP_FLEX_FILTER_IPV4)))
				continue;
			if (!ip_match)
				continue;
		}
		if ((fl & SAP_FLEX_FILTER_UDP) && proto != SAP_IPPROTO_UDP)
			continue;
		if ((fl & SAP_FLEX_FILTER_TCP) && proto != SAP_IPPROTO_TCP)
			continue;
		if (rule->src_port && rule->src_port != sport)
			continue;
		if (rule->dst_port && rule->dst_port != dport)
			continue;
		return sap_to_csme(fl & SAP_FLEX_FILTER_COPY);
	}
	return SAP_RX_HOST;
}

struct sap_ipv4_info {
	u8 proto;
	bool first_frag;
	u32 daddr;
	const u8 *l4;
	u32 l4_len;
};

/* Validate an IPv4 header; the L4 part is bounded by the IP total length. */
static bool sap_ipv4_parse(const u8 *ip, u32 len, struct sap_ipv4_info *info)
{
	u32 ihl, tot;

	if (len < SAP_IPV4_MIN_HLEN || (ip[0] >> 4) != 4)
		return false;
	ihl = (ip[0] & 0x0f) * 4;
	tot = sap_get_be16(ip + 2);
	if (ihl < SAP_IPV4_MIN_HLEN || ihl > len || tot < ihl || tot > len)
		return false;

	info->proto = ip[9];
	info->first_frag = !(sap_get_be16(ip + 6) & 0x1fff);
	info->daddr = sap_get_be32(ip + 16);
	info->l4 = ip + ihl;
	info->l4_len = tot - ihl;
	return true;
}

static enum sap_rx_verdict sap_filter_ipv4(const struct sap_filters *f,
					   const u8 *ip, u32 len)
{
	struct sap_ipv4_info info;
	bool ip_match;

	/* non-first fragments carry no L4 header: never for CSME */
	if (!sap_ipv4_parse(ip, len, &info) || !info.first_frag)
		return SAP_RX_HOST;

	ip_match = !f->ipv4_addr || f->ipv4_addr == info.daddr;

	switch (info.proto) {
	case SAP_IPPROTO_TCP:
	case SAP_IPPROTO_UDP:
		return sap_filter_flex(f, false, ip_match, info.proto, info.l4, info.l4_len);
	case SAP_IPPROTO_ICMP:
		if (info.l4_len < SAP_ICMP_HLEN ||
		    !(f->ipv4_flags & SAP_IPV4_FILTER_ICMP_PASS) || !ip_match)
			return SAP_RX_HOST;
		/* the host answers pings itself */
		if (info.l4[0] == SAP_ICMP_ECHO_REQUEST)
			return SAP_RX_HOST;
		return sap_to_csme(f->ipv4_flags & SAP_IPV4_FILTER_ICMP_COPY);
	default:
		return SAP_RX_HOST;
	}
}

static enum sap_rx_verdict sap_filter_arp(const struct sap_filters *f,
					  const u8 *arp, u32 len)
{
	u32 flags = f->ipv4_flags;
	u16 op;

	/* Ethernet/IPv4 ARP only */
	if (len < SAP_ARP_IPV4_LEN || sap_get_be16(arp) != 1 ||
	    sap_get_be16(arp + 2) != SAP_ETH_P_IP || arp[4] != SAP_ETH_ALEN || arp[5] != 4)
		return SAP_RX_HOST;

	op = sap_get_be16(arp + 6);
	if (op == 1 && (flags & SAP_IPV4_FILTER_ARP_REQ_PASS) &&
	    (!f->ipv4_addr || f->ipv4_addr == sap_get_be32(arp + 24)))
		return sap_to_csme(flags & SAP_IPV4_FILTER_ARP_REQ_COPY);
	if (op == 2 && (flags & SAP_IPV4_FILTER_ARP_RESP_PASS))
		return sap_to_csme(flags & SAP_IPV4_FILTER_ARP_RESP_COPY);
	return SAP_RX_HOST;
}

/* CSME's IPv6 address filters hold the low 24 bits of its addresses (the
 * bits that also select the solicited-node multicast group). No enabled
 * entry means "any address", like an IPv4 filter address of 0.
 */
static bool sap_ipv6_addr_match(const struct sap_filters *f, const u8 *daddr)
{
	bool any_enabled = false;
	int i;

	for (i = 0; i < SAP_MAX_IPV6_FILTERS; i++) {
		if (!(f->ipv6[i].flags & SAP_IPV6_ADDR_FILTER_ENABLED))
			continue;
		any_enabled = true;
		if (!memcmp(f->ipv6[i].addr_lo24, daddr + 13, 3))
			return true;
	}
	return !any_enabled;
}

static enum sap_rx_verdict sap_filter_icmpv6(const struct sap_filters *f, bool ip_match,
					     const u8 *l4, u32 l4_len)
{
	u8 type;

	if (l4_len < SAP_ICMPV6_HLEN ||
	    !(f->icmpv6_flags & SAP_ICMPV6_FILTER_ENABLED) || !ip_match)
		return SAP_RX_HOST;
	type = l4[0];
	/* the host answers pings itself */
	if (type == SAP_ICMPV6_ECHO_REQUEST)
		return SAP_RX_HOST;
	/* neighbour discovery must keep working on the host */
	if (type >= SAP_ICMPV6_NDP_FIRST && type <= SAP_ICMPV6_NDP_LAST)
		return SAP_RX_BOTH;
	return sap_to_csme(f->icmpv6_flags & SAP_ICMPV6_FILTER_COPY);
}

static enum sap_rx_verdict sap_filter_ipv6(const struct sap_filters *f,
					   const u8 *ip, u32 len)
{
	u32 end, off, hlen;
	bool ip_match;
	u8 nh;
	int i;

	if (len < SAP_IPV6_HLEN || (ip[0] >> 4) != 6)
		return SAP_RX_HOST;
	/* payload length 0 means a jumbogram: not handled */
	end = sap_get_be16(ip + 4);
	if (!end || end > len - SAP_IPV6_HLEN)
		return SAP_RX_HOST;
	end += SAP_IPV6_HLEN;

	ip_match = sap_ipv6_addr_match(f, ip + 24);
	nh = ip[6];
	off = SAP_IPV6_HLEN;

	for (i = 0; i < SAP_IPV6_MAX_EXT_HDRS; i++) {
		switch (nh) {
		case SAP_IPPROTO_HOPOPTS:
		case SAP_IPPROTO_ROUTING:
		case SAP_IPPROTO_DSTOPTS:
			if (end - off < 8)
				return SAP_RX_HOST;
			hlen = (ip[off + 1] + 1) * 8;
			break;
		case SAP_IPPROTO_AH:
			if (end - off < 8)
				return SAP_RX_HOST;
			hlen = (ip[off + 1] + 2) * 4;
			break;
		case SAP_IPPROTO_FRAGMENT:
			if (end - off < 8)
				return SAP_RX_HOST;
			/* non-first fragments carry no L4 header */
			if (sap_get_be16(ip + off + 2) & 0xfff8)
				return SAP_RX_HOST;
			hlen = 8;
			break;
		case SAP_IPPROTO_TCP:
		case SAP_IPPROTO_UDP:
			return sap_filter_flex(f, true, ip_match, nh, ip + off, end - off);
		case SAP_IPPROTO_ICMPV6:
			return sap_filter_icmpv6(f, ip_match, ip + off, end - off);
		default:
			return SAP_RX_HOST;
		}
		if (hlen > end - off)
			return SAP_RX_HOST;
		nh = ip[off];
		off += hlen;
	}
	return SAP_RX_HOST;
}

static bool sap_is_broadcast(const u8 *addr)
{
	return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) == 0xff;
}

/**
 * sap_filter_rx() - classify a received Ethernet frame
 * @f: CSME's filters, NULL when none were received
 * @frame: frame, starting with the destination address
 * @len: bytes at @frame
 *
 * Multicast (non-broadcast) destinations must first match an enabled
 * Ethernet filter on the 6-byte destination address; a STOP filter decides
 * on its own, otherwise the L3 rules below decide. Unicast and broadcast
 * go straight to the L3 rules: IPv4 TCP/UDP port filters, IPv4 ICMP (echo
 * requests stay with the host), ARP, IPv6 TCP/UDP port filters and ICMPv6.
 * Frames that are truncated, malformed, VLAN tagged or of any other
 * ethertype stay with the host.
 *
 * Return: &enum sap_rx_verdict.
 */
enum sap_rx_verdict sap_filter_rx(const struct sap_filters *f, const u8 *frame, u32 len)
{
	const u8 *l3;
	u32 l3_len;
	int i;

	if (!f || !frame || len < SAP_ETH_HLEN)
		return SAP_RX_HOST;

	if ((frame[0] & 1) && !sap_is_broadcast(frame)) {
		bool hit = false;

		for (i = 0; i < SAP_MAX_ETH_FILTERS; i++) {
			const struct sap_eth_rule *rule = &f->eth[i];

			if (!(rule->flags & SAP_ETH_FILTER_ENABLED))
				break;
			/* destination address only: 6 bytes, not the whole header */
			if (memcmp(frame, rule->mac, SAP_ETH_ALEN))
				continue;
			if (rule->flags & SAP_ETH_FILTER_STOP)
				return sap_to_csme(rule->flags & SAP_ETH_FILTER_COPY);
			hit = true;
			break;
		}
		if (!hit)
			return SAP_RX_HOST;
	}

	l3 = frame + SAP_ETH_HLEN;
	l3_len = len - SAP_ETH_HLEN;
	switch (sap_get_be16(frame + 12)) {
	case SAP_ETH_P_IP:
		return sap_filter_ipv4(f, l3, l3_len);
	case SAP_ETH_P_ARP:
		return sap_filter_arp(f, l3, l3_len);
	case SAP_ETH_P_IPV6:
		return sap_filter_ipv6(f, l3, l3_len);
	default:
		return SAP_RX_HOST;
	}
}

/**
 * sap_filter_is_dhcp_request() - is this a DHCP client request?
 * @frame: Ethernet frame
 * @len: bytes at @frame
 *
 * Matches IPv4/UDP from port 68 to port 67, the frames whose copy the host
 * sends to CSME as CB_DATA_PACKET.
 *
 * Return: true for a well-formed DHCP client request.
 */
bool sap_filter_is_dhcp_request(const u8 *frame, u32 len)
{
	struct sap_ipv4_info info;

	if (!frame || len < SAP_ETH_HLEN || sap_get_be16(frame + 12) != SAP_ETH_P_IP)
		return false;
	if (!sap_ipv4_parse(frame + SAP_ETH_HLEN, len - SAP_ETH_HLEN, &info) ||
	    !info.first_frag || info.proto != SAP_IPPROTO_UDP ||
	    info.l4_len < SAP_L4_PORTS_LEN)
		return false;
	return sap_get_be16(info.l4) == SAP_DHCP_CLIENT_PORT &&
	       sap_get_be16(info.l4 + 2) == SAP_DHCP_SERVER_PORT;
}

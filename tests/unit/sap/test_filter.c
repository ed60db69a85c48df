// SPDX-License-Identifier: GPL-2.0
/*
 * Receive filter engine: AMT ports, address binding, ICMP/ARP flags, the
 * 6-byte Ethernet destination match, IPv6 flex matching, and truncated /
 * malformed frames (every prefix of every frame classified from an
 * exact-size heap copy).
 */
#include "sap_test.h"
#include "sap_filter.h"

#define MY_IP		0xc0a80132	/* 192.168.1.50 */
#define OTHER_IP	0xc0a80133

static const unsigned char host_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x10 };
static const unsigned char peer_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x20 };
static const unsigned char bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const unsigned char mdns_mac[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb };
static const unsigned char my_ip6[16] = {
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xaa, 0xbb, 0xcc };
static const unsigned char other_ip6[16] = {
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xaa, 0xbb, 0xcd };

static int total_prefix_checks;

static unsigned int put16(unsigned char *p, unsigned int v)
{
	p[0] = v >> 8;
	p[1] = v;
	return 2;
}

static void put32(unsigned char *p, unsigned int v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static unsigned int eth(unsigned char *p, const unsigned char *da, unsigned int type)
{
	memcpy(p, da, 6);
	memcpy(p + 6, peer_mac, 6);
	put16(p + 12, type);
	return 14;
}

/* IPv4 header (ihl 5) + @l4_len bytes of L4 already in place after it. */
static unsigned int ipv4(unsigned char *p, unsigned int proto, unsigned int daddr,
			 unsigned int l4_len, unsigned int frag)
{
	memset(p, 0, 20);
	p[0] = 0x45;
	put16(p + 2, 20 + l4_len);
	put16(p + 6, frag);
	p[8] = 64;
	p[9] = proto;
	put32(p + 12, 0x0a000002);
	put32(p + 16, daddr);
	return 20;
}

static unsigned int ports(unsigned char *p, unsigned int sport, unsigned int dport,
			  unsigned int len)
{
	memset(p, 0, len);
	put16(p, sport);
	put16(p + 2, dport);
	return len;
}

static unsigned int frame_v4(unsigned char *f, const unsigned char *da, unsigned int proto,
			     unsigned int daddr, unsigned int sport, unsigned int dport)
{
	unsigned int l4 = proto == 6 ? 20 : 8;

	eth(f, da, 0x0800);
	ports(f + 34, sport, dport, l4);
	ipv4(f + 14, proto, daddr, l4, 0);
	return 34 + l4;
}

static unsigned int frame_icmp(unsigned char *f, unsigned int daddr, unsigned int type)
{
	eth(f, host_mac, 0x0800);
	memset(f + 34, 0, 16);
	f[34] = type;
	ipv4(f + 14, 1, daddr, 16, 0);
	return 50;
}

static unsigned int frame_arp(unsigned char *f, const unsigned char *da, unsigned int op,
			      unsigned int tip)
{
	unsigned char *a = f + 14;

	eth(f, da, 0x0806);
	put16(a, 1);
	put16(a + 2, 0x0800);
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, op);
	memcpy(a + 8, peer_mac, 6);
	put32(a + 14, 0x0a000002);
	memset(a + 18, 0, 6);
	put32(a + 24, tip);
	return 42;
}

/* IPv6 header; @ext (may be NULL) of @ext_len bytes, then @l4 of @l4_len bytes. */
static unsigned int frame_v6(unsigned char *f, const unsigned char *daddr, unsigned int nh,
			     const unsigned char *ext, unsigned int ext_len,
			     const unsigned char *l4, unsigned int l4_len)
{
	unsigned char *ip = f + 14;

	eth(f, host_mac, 0x86dd);
	memset(ip, 0, 40);
	ip[0] = 0x60;
	put16(ip + 4, ext_len + l4_len);
	ip[6] = nh;
	ip[7] = 64;
	ip[8] = 0xfe;
	ip[9] = 0x80;
	memcpy(ip + 24, daddr, 16);
	if (ext_len)
		memcpy(ip + 40, ext, ext_len);
	memcpy(ip + 40 + ext_len, l4, l4_len);
	return 14 + 40 + ext_len + l4_len;
}

/*
 * Classify @f from an exact-size heap copy, then classify every shorter
 * prefix too: none may read out of bounds (ASan) and, for frames whose
 * headers declare their length, every strict prefix must stay with the host.
 */
static int classify(const struct sap_filters *flt, const unsigned char *f, unsigned int len,
		    int prefixes_to_host)
{
	unsigned int i, bad = 0;
	unsigned char *copy;
	int v;

	copy = sap_t_dup(f, len);
	v = sap_filter_rx(flt, copy, len);
	free(copy);
	for (i = 0; i < len; i++) {
		int pv;

		copy = sap_t_dup(f, i);
		pv = sap_filter_rx(flt, copy, i);
		free(copy);
		if (pv < SAP_RX_HOST || pv > SAP_RX_BOTH)
			bad++;
		if (prefixes_to_host && pv != SAP_RX_HOST)
			bad++;
		total_prefix_checks++;
	}
	if (bad) {
		tap_diag("%u bad prefix classifications", bad);
		return -1;
	}
	return v;
}

static void amt_filters(struct sap_filters *f)
{
	memset(f, 0, sizeof(*f));
	f->flex[0].dst_port = 16992;
	f->flex[0].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_IPV4 | SAP_FLEX_FILTER_TCP;
	f->flex[1].dst_port = 16993;
	f->flex[1].flags = f->flex[0].flags;
	f->flex[2].dst_port = 623;
	f->flex[2].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_UDP | SAP_FLEX_FILTER_COPY;
	f->flex[3].src_port = 5000;
	f->flex[3].dst_port = 664;
	f->flex[3].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_TCP | SAP_FLEX_FILTER_IPV4;
	f->ipv4_addr = MY_IP;
}

static void test_ipv4_ports(void)
{
	unsigned char f[128];
	struct sap_filters flt;
	unsigned int n;

	amt_filters(&flt);
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16992);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "TCP to my IP:16992 -> CSME only");
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16993);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "TCP to my IP:16993 -> CSME only");
	n = frame_v4(f, host_mac, 6, OTHER_IP, 40000, 16992);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "TCP to another IP:16992 -> host");
	n = frame_v4(f, host_mac, 17, MY_IP, 40000, 16992);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "UDP to 16992 (TCP-only filter) -> host");
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 22);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "TCP to port 22 -> host");
	n = frame_v4(f, host_mac, 6, MY_IP, 16992, 40000);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "TCP from 16992 (reply traffic) -> host");
	n = frame_v4(f, host_mac, 17, OTHER_IP, 1, 623);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_BOTH,
	       "UDP 623 (no family flag: any address, COPY) -> both");
	n = frame_v4(f, host_mac, 6, MY_IP, 1, 623);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "TCP 623 (UDP-only filter) -> host");
	n = frame_v4(f, host_mac, 6, MY_IP, 5000, 664);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "src 5000 dst 664 -> CSME");
	n = frame_v4(f, host_mac, 6, MY_IP, 5001, 664);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "src 5001 dst 664 (src port set) -> host");

	flt.ipv4_addr = 0;
	n = frame_v4(f, host_mac, 6, OTHER_IP, 40000, 16992);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "filter address 0 matches any address");

	/* the walk stops at the first disabled entry */
	amt_filters(&flt);
	flt.flex[1].flags = 0;
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16993);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "entry 1 disabled: 16993 -> host");
	n = frame_v4(f, host_mac, 17, MY_IP, 40000, 623);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "entries after a disabled one are ignored");

	/* an IPv6-only entry does not apply to IPv4 */
	amt_filters(&flt);
	flt.flex[0].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_IPV6 | SAP_FLEX_FILTER_TCP;
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16992);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "IPv6-only entry ignored for IPv4");

	/* fragments and malformed headers */
	amt_filters(&flt);
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16992);
	f[14 + 6] = 0x20;	/* MF, offset 0: first fragment still has the ports */
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "first fragment -> CSME");
	f[14 + 7] = 0x10;	/* offset != 0 */
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "non-first fragment -> host");
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16992);
	f[14] = 0x44;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "IHL 4 -> host");
	f[14] = 0x4f;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "IHL beyond the frame -> host");
	f[14] = 0x65;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "version 6 in an IPv4 ethertype -> host");
	f[14] = 0x45;
	put16(f + 16, 20 + 4);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "IP total length leaves 4 L4 bytes -> host");
	put16(f + 16, 19);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "IP total length below IHL -> host");
	/* trailing Ethernet padding is fine */
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16992);
	memset(f + n, 0, 10);
	tap_eq(classify(&flt, f, n + 10, 0), SAP_RX_CSME, "padded frame -> CSME");

	/* VLAN tag and unknown ethertypes */
	n = frame_v4(f, host_mac, 6, MY_IP, 40000, 16992);
	put16(f + 12, 0x8100);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "802.1Q tagged -> host");
	put16(f + 12, 0x88cc);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "LLDP -> host");
	tap_eq(sap_filter_rx(NULL, f, n), SAP_RX_HOST, "no filters -> host");
	tap_eq(sap_filter_rx(&flt, NULL, 100), SAP_RX_HOST, "NULL frame -> host");
}

static void test_icmp_arp(void)
{
	unsigned char f[128];
	struct sap_filters flt;
	unsigned int n;

	memset(&flt, 0, sizeof(flt));
	flt.ipv4_addr = MY_IP;
	flt.ipv4_flags = SAP_IPV4_FILTER_ICMP_PASS;

	n = frame_icmp(f, MY_IP, 8);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "ICMP echo request stays with the host");
	f[35] = 1;
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "ICMP echo request, code 1 -> host");
	n = frame_icmp(f, MY_IP, 0);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "ICMP echo reply -> CSME");
	n = frame_icmp(f, OTHER_IP, 0);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "ICMP echo reply to another IP -> host");
	flt.ipv4_flags |= SAP_IPV4_FILTER_ICMP_COPY;
	n = frame_icmp(f, MY_IP, 3);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_BOTH, "ICMP unreachable with COPY -> both");
	flt.ipv4_flags = SAP_IPV4_FILTER_ICMP_COPY;
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "ICMP without PASS -> host");

	flt.ipv4_flags = SAP_IPV4_FILTER_ARP_REQ_PASS;
	n = frame_arp(f, bcast, 1, MY_IP);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME, "broadcast ARP request for my IP -> CSME");
	n = frame_arp(f, bcast, 1, OTHER_IP);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "ARP request for another IP -> host");
	flt.ipv4_flags |= SAP_IPV4_FILTER_ARP_REQ_COPY;
	n = frame_arp(f, bcast, 1, MY_IP);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_BOTH, "ARP request with COPY -> both");
	n = frame_arp(f, host_mac, 2, OTHER_IP);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "ARP reply without RESP_PASS -> host");
	flt.ipv4_flags |= SAP_IPV4_FILTER_ARP_RESP_PASS;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME, "ARP reply (any IP) -> CSME");
	flt.ipv4_flags |= SAP_IPV4_FILTER_ARP_RESP_COPY;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_BOTH, "ARP reply with COPY -> both");
	f[14 + 4] = 8;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "ARP with 8-byte hardware addresses -> host");
	n = frame_arp(f, host_mac, 3, MY_IP);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "RARP opcode -> host");
	n = frame_arp(f, bcast, 1, MY_IP);
	tap_eq(classify(&flt, f, 14 + 27, 0), SAP_RX_HOST, "truncated ARP -> host");
}

/*
 * Upstream compared 14 bytes (the 7-byte filter entry plus whatever followed
 * it) against destination + source + ethertype, so a multicast filter only
 * matched by accident. These frames match on the destination alone.
 */
static void test_eth_filters(void)
{
	unsigned char f[128];
	struct sap_filters flt;
	unsigned int n;

	memset(&flt, 0, sizeof(flt));
	memcpy(flt.eth[0].mac, mdns_mac, 6);
	flt.eth[0].flags = SAP_ETH_FILTER_ENABLED | SAP_ETH_FILTER_STOP;
	/* whatever follows the entry in memory must not matter */
	memset(flt.eth[1].mac, 0x5a, 6);

	n = frame_v4(f, mdns_mac, 17, 0xe00000fb, 5353, 5353);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME, "multicast DA match with STOP -> CSME");
	memset(f + 6, 0x99, 6);
	put16(f + 12, 0x1234);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME,
	       "STOP match ignores source address and ethertype");
	f[5] = 0xfc;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "DA differing in the last byte -> host");
	n = frame_v4(f, mdns_mac, 17, 0xe00000fb, 5353, 5353);
	flt.eth[0].flags |= SAP_ETH_FILTER_COPY;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_BOTH, "STOP|COPY -> both");

	/* second entry, first one different */
	memcpy(flt.eth[1].mac, mdns_mac, 6);
	flt.eth[1].flags = SAP_ETH_FILTER_ENABLED | SAP_ETH_FILTER_STOP;
	flt.eth[0].mac[0] = 0x33;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME, "match on the second entry");
	flt.eth[0].flags = 0;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "walk stops at the first disabled entry");

	/* without STOP the L3 rules decide */
	memset(&flt, 0, sizeof(flt));
	memcpy(flt.eth[0].mac, mdns_mac, 6);
	flt.eth[0].flags = SAP_ETH_FILTER_ENABLED;
	flt.flex[0].dst_port = 5353;
	flt.flex[0].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_UDP;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME, "DA match without STOP, flex hit -> CSME");
	n = frame_v4(f, mdns_mac, 17, 0xe00000fb, 5353, 5354);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "DA match without STOP, flex miss -> host");
	/* a multicast frame without a DA match never reaches the L3 rules */
	n = frame_v4(f, mdns_mac, 17, 0xe00000fb, 5353, 5353);
	f[5] = 0xfc;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "multicast without DA match -> host");
	/* unicast and broadcast skip the L2 step */
	n = frame_v4(f, host_mac, 17, MY_IP, 5353, 5353);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME, "unicast skips the L2 step");
	n = frame_v4(f, bcast, 17, 0xffffffff, 5353, 5353);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_CSME, "broadcast skips the L2 step");
}

static void test_ipv6(void)
{
	unsigned char f[256], l4[32], ext[32];
	struct sap_filters flt;
	unsigned int n;

	memset(&flt, 0, sizeof(flt));
	flt.flex[0].dst_port = 16992;
	flt.flex[0].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_IPV6 | SAP_FLEX_FILTER_TCP;
	flt.flex[1].dst_port = 16993;
	flt.flex[1].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_IPV4 | SAP_FLEX_FILTER_TCP;
	flt.flex[2].dst_port = 623;
	flt.flex[2].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_UDP | SAP_FLEX_FILTER_COPY;
	memcpy(flt.ipv6[1].addr_lo24, my_ip6 + 13, 3);
	flt.ipv6[1].flags = SAP_IPV6_ADDR_FILTER_ENABLED;

	ports(l4, 40000, 16992, 20);
	n = frame_v6(f, my_ip6, 6, NULL, 0, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "IPv6 TCP to my address:16992 -> CSME");
	n = frame_v6(f, other_ip6, 6, NULL, 0, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "IPv6 TCP to another address -> host");
	flt.ipv6[1].flags = 0;
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "no IPv6 address filter: any address");
	flt.ipv6[1].flags = SAP_IPV6_ADDR_FILTER_ENABLED;
	ports(l4, 40000, 16993, 20);
	n = frame_v6(f, my_ip6, 6, NULL, 0, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "IPv4-only entry ignored for IPv6");
	ports(l4, 1, 623, 8);
	n = frame_v6(f, other_ip6, 17, NULL, 0, l4, 8);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_BOTH, "IPv6 UDP 623 (family-less, COPY) -> both");
	ports(l4, 1, 623, 8);
	n = frame_v6(f, my_ip6, 6, NULL, 0, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "IPv6 TCP 623 (UDP-only) -> host");

	/* extension headers: hop-by-hop (8) + destination options (16), then TCP */
	ports(l4, 40000, 16992, 20);
	memset(ext, 0, sizeof(ext));
	ext[0] = 60;
	ext[1] = 0;
	ext[8] = 6;
	ext[9] = 1;
	n = frame_v6(f, my_ip6, 0, ext, 24, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "HBH + DSTOPTS + TCP -> CSME");
	ext[9] = 10;	/* claims 88 bytes: runs past the packet */
	n = frame_v6(f, my_ip6, 0, ext, 24, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "extension header overrunning -> host");
	/* fragment header */
	memset(ext, 0, 8);
	ext[0] = 6;
	ext[3] = 1;	/* M flag, offset 0 */
	n = frame_v6(f, my_ip6, 44, ext, 8, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "first IPv6 fragment -> CSME");
	ext[2] = 0x01;	/* offset 32 */
	n = frame_v6(f, my_ip6, 44, ext, 8, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "non-first IPv6 fragment -> host");
	/* ESP or no-next-header */
	n = frame_v6(f, my_ip6, 50, NULL, 0, l4, 20);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "ESP -> host");
	/* malformed IPv6 */
	n = frame_v6(f, my_ip6, 6, NULL, 0, l4, 20);
	put16(f + 14 + 4, 0);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "payload length 0 (jumbogram) -> host");
	put16(f + 14 + 4, 21);
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "payload length beyond the frame -> host");
	put16(f + 14 + 4, 20);
	f[14] = 0x40;
	tap_eq(classify(&flt, f, n, 0), SAP_RX_HOST, "version 4 in an IPv6 ethertype -> host");

	/* ICMPv6 */
	memset(l4, 0, 8);
	flt.icmpv6_flags = SAP_ICMPV6_FILTER_ENABLED;
	l4[0] = 128;
	n = frame_v6(f, my_ip6, 58, NULL, 0, l4, 8);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "ICMPv6 echo request stays with the host");
	l4[0] = 129;
	n = frame_v6(f, my_ip6, 58, NULL, 0, l4, 8);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_CSME, "ICMPv6 echo reply -> CSME");
	flt.icmpv6_flags |= SAP_ICMPV6_FILTER_COPY;
	tap_eq(classify(&flt, f, n, 1), SAP_RX_BOTH, "ICMPv6 echo reply with COPY -> both");
	flt.icmpv6_flags = SAP_ICMPV6_FILTER_ENABLED;
	l4[0] = 135;
	n = frame_v6(f, my_ip6, 58, NULL, 0, l4, 8);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_BOTH, "neighbour solicitation always -> both");
	n = frame_v6(f, other_ip6, 58, NULL, 0, l4, 8);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "NS for another address -> host");
	flt.icmpv6_flags = 0;
	n = frame_v6(f, my_ip6, 58, NULL, 0, l4, 8);
	tap_eq(classify(&flt, f, n, 1), SAP_RX_HOST, "ICMPv6 not enabled -> host");
}

static void test_wire_and_dhcp(void)
{
	struct sap_oob_filters w;
	struct sap_filters a, b;
	unsigned char f[128];
	unsigned int n;

	amt_filters(&a);
	a.icmpv6_flags = 3;
	a.vlan[2] = 0x8123;
	sap_filters_to_wire(&w, &a);
	tap_eq(((unsigned char *)&w)[2], 0x42, "wire: port in network order (high byte)");
	tap_eq(((unsigned char *)&w)[3], 0x60, "wire: port in network order (low byte)");
	tap_eq(((unsigned char *)&w)[140], 0xc0, "wire: IPv4 address in network order");
	sap_filters_from_wire(&b, &w);
	tap_ok(!memcmp(&a, &b, sizeof(a)), "wire: round trip");

	n = frame_v4(f, bcast, 17, 0xffffffff, 68, 67);
	tap_ok(sap_filter_is_dhcp_request(f, n), "DHCP client request detected");
	n = frame_v4(f, bcast, 17, 0xffffffff, 67, 68);
	tap_ok(!sap_filter_is_dhcp_request(f, n), "DHCP server reply is not a request");
	n = frame_v4(f, bcast, 6, 0xffffffff, 68, 67);
	tap_ok(!sap_filter_is_dhcp_request(f, n), "TCP 68->67 is not DHCP");
	n = frame_v4(f, bcast, 17, 0xffffffff, 68, 67);
	tap_ok(!sap_filter_is_dhcp_request(f, n - 1), "truncated DHCP request");
}

int main(void)
{
	tap_start();
	test_ipv4_ports();
	test_icmp_arp();
	test_eth_filters();
	test_ipv6();
	test_wire_and_dhcp();
	tap_diag("%d truncated-prefix classifications done", total_prefix_checks);
	return tap_end();
}

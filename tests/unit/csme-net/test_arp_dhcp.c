// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim network engine: ARP replies and DHCP address learning.
 */
#include <stdio.h>
#include "net_test.h"

static struct amt_net *net;

/* DHCP frame builder: op 1 (client, 68->67) or 2 (server, 67->68). */
static size_t b_dhcp(uint8_t *f, int op, const uint8_t *chaddr, uint32_t ciaddr,
		     uint32_t yiaddr, const uint8_t *opts, size_t olen)
{
	static const uint8_t bc[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t *u = f + 34, *b = u + 8;
	size_t blen = 240 + olen;

	b_eth(f, bc, chaddr, 0x0800);
	b_ip(f, op == 1 ? ciaddr : 0xc0a80101u, 0xffffffffu, 17, 8 + blen);
	wr16(u, op == 1 ? 68 : 67);
	wr16(u + 2, op == 1 ? 67 : 68);
	wr16(u + 4, (unsigned int)(8 + blen));
	wr16(u + 6, 0);			/* no UDP checksum */
	memset(b, 0, 240);
	b[0] = (uint8_t)op;
	b[1] = 1;
	b[2] = 6;
	wr32(b + 4, 0x11223344);
	wr32(b + 12, ciaddr);
	wr32(b + 16, yiaddr);
	memcpy(b + 28, chaddr, 6);
	b[236] = 99; b[237] = 130; b[238] = 83; b[239] = 99;
	memcpy(b + 240, opts, olen);
	return 34 + 8 + blen;
}

static int learn(const uint8_t *f, size_t len)
{
	uint8_t *h = malloc(len ? len : 1);
	int r;

	memcpy(h, f, len);
	r = amt_net_learn_dhcp(net, h, len);
	free(h);
	return r;
}

static void test_arp(void)
{
	uint8_t f[100], exp[42];
	static const uint8_t zero[6];

	net_setup(net, 1);
	feed(net, f, b_arp(f, 1, PEER_MAC, PEER_IP, zero, OUR_IP));
	tap_eq(cap.n, 1, "ARP request for our IP -> one reply");
	/* expected reply written out field by field */
	memcpy(exp, PEER_MAC, 6);
	memcpy(exp + 6, OUR_MAC, 6);
	exp[12] = 0x08; exp[13] = 0x06;
	exp[14] = 0; exp[15] = 1; exp[16] = 0x08; exp[17] = 0; exp[18] = 6; exp[19] = 4;
	exp[20] = 0; exp[21] = 2;
	memcpy(exp + 22, OUR_MAC, 6);
	exp[28] = 192; exp[29] = 168; exp[30] = 1; exp[31] = 50;
	memcpy(exp + 32, PEER_MAC, 6);
	exp[38] = 192; exp[39] = 168; exp[40] = 1; exp[41] = 10;
	tap_ok(cap.len[0] == 42 && !memcmp(cap.f[0], exp, 42), "ARP reply byte-exact");
	tap_eq(net->cnt[AMT_C_ARP_REPLIED], 1, "arp_replied counted");

	cap_reset();
	feed(net, f, b_arp(f, 1, PEER_MAC, PEER_IP, zero, OUR_IP + 1));
	feed(net, f, b_arp(f, 2, PEER_MAC, PEER_IP, OUR_MAC, OUR_IP));
	tap_ok(cap.n == 0 && net->cnt[AMT_C_ARP_IGNORED] == 2, "other IP / ARP reply ignored");
	b_arp(f, 1, PEER_MAC, PEER_IP, zero, OUR_IP);
	f[14 + 1] = 6;	/* htype 6 */
	feed(net, f, 42);
	tap_ok(cap.n == 0 && net->cnt[AMT_C_ARP_MALFORMED] == 1, "non-Ethernet ARP malformed");
	/* ARP request unicast to our MAC is answered too; padded frame fine */
	b_arp(f, 1, PEER_MAC, PEER_IP, zero, OUR_IP);
	memcpy(f, OUR_MAC, 6);
	memset(f + 42, 0, 18);
	feed(net, f, 60);
	tap_ok(cap.n == 1 && cap.len[0] == 42, "unicast, padded ARP request answered");

	/* unknown address: nothing answered */
	amt_net_init(net, cap_tx, NULL, 1);
	cap_reset();
	feed(net, f, b_arp(f, 1, PEER_MAC, PEER_IP, zero, OUR_IP));
	tap_ok(cap.n == 0 && net->cnt[AMT_C_DROP_NO_ADDR] == 1, "no address yet -> dropped");
}

static void test_dhcp(void)
{
	uint8_t f[600];
	static const uint8_t zero[6];
	static const uint8_t req_opts[] = { 53, 1, 3, 50, 4, 192, 168, 1, 77, 12, 2, 'h', 'x', 255 };
	static const uint8_t renew_opts[] = { 53, 1, 3, 0, 0, 255 };
	static const uint8_t ack_opts[] = { 53, 1, 5, 54, 4, 192, 168, 1, 1, 255 };
	static const uint8_t disc_opts[] = { 53, 1, 1, 255 };
	static const uint8_t rel_opts[] = { 53, 1, 7, 255 };
	static const uint8_t bad_opts[] = { 53, 1, 3, 50, 40, 1, 2 };
	static const uint8_t other[6] = { 0x02, 9, 9, 9, 9, 9 };
	size_t n;

	amt_net_init(net, cap_tx, NULL, 1);
	cap_reset();
	n = b_dhcp(f, 1, OUR_MAC, 0, 0, req_opts, sizeof(req_opts));
	tap_eq(learn(f, n), 1, "DHCPREQUEST with option 50 learned");
	tap_eq(net->ip, 0xc0a8014du, "IP = requested address 192.168.1.77");
	tap_ok(!memcmp(net->mac, OUR_MAC, 6), "MAC = chaddr");
	feed(net, f, b_arp(f, 1, PEER_MAC, PEER_IP, zero, 0xc0a8014du));
	tap_eq(cap.n, 1, "ARP for the learned IP answered");

	n = b_dhcp(f, 1, OUR_MAC, 0xc0a80150u, 0, renew_opts, sizeof(renew_opts));
	tap_eq(learn(f, n), 1, "renewal REQUEST (ciaddr, no option 50) learned");
	tap_eq(net->ip, 0xc0a80150u, "IP = ciaddr");

	n = b_dhcp(f, 2, OUR_MAC, 0, 0xc0a80160u, ack_opts, sizeof(ack_opts));
	tap_eq(learn(f, n), 1, "DHCPACK learned");
	tap_eq(net->ip, 0xc0a80160u, "IP = yiaddr");

	n = b_dhcp(f, 2, other, 0, 0xc0a80170u, ack_opts, sizeof(ack_opts));
	tap_ok(learn(f, n) == 0 && net->ip == 0xc0a80160u, "ACK for another client ignored");
	n = b_dhcp(f, 1, OUR_MAC, 0, 0, disc_opts, sizeof(disc_opts));
	tap_eq(learn(f, n), 0, "DISCOVER ignored");
	n = b_dhcp(f, 1, OUR_MAC, 0, 0, bad_opts, sizeof(bad_opts));
	tap_ok(learn(f, n) == -1 && net->ip == 0xc0a80160u, "option overrunning the packet -> -1");
	n = b_dhcp(f, 1, OUR_MAC, 0, 0, req_opts, sizeof(req_opts));
	f[34 + 8 + 236] = 0;	/* bad cookie */
	tap_eq(learn(f, n), -1, "bad magic cookie -> -1");
	n = b_dhcp(f, 1, OUR_MAC, 0, 0, req_opts, sizeof(req_opts));
	f[14 + 8]--;		/* IP header checksum now wrong */
	tap_eq(learn(f, n), -1, "bad IP header checksum -> -1");
	tap_eq(learn(f, 10), 0, "runt ignored");

	/* every truncation of a valid REQUEST: never learned, never over-read */
	{
		size_t full = b_dhcp(f, 1, OUR_MAC, 0, 0, req_opts, sizeof(req_opts)), l;
		int good = 1;

		for (l = 0; l < full; l++)
			good &= learn(f, l) != 1;
		tap_ok(good, "all %zu truncations rejected", full);
		tap_eq(learn(f, full), 1, "full frame still learned");
	}

	n = b_dhcp(f, 1, OUR_MAC, 0xc0a8014du, 0, rel_opts, sizeof(rel_opts));
	tap_ok(learn(f, n) == 1 && net->ip == 0 && net->cnt[AMT_C_DHCP_RELEASED] == 1,
	       "RELEASE of our IP forgets it");
	tap_ok(net->cnt[AMT_C_DHCP_LEARNED] == 4 && net->cnt[AMT_C_DHCP_MALFORMED] >= 3,
	       "dhcp counters");
	tap_ok(!strcmp(amt_net_counter_name(AMT_C_DHCP_LEARNED), "dhcp_learned") &&
	       !strcmp(amt_net_counter_name(AMT_C__COUNT), "?"), "counter names");
	{
		int i, all = 1;

		for (i = 0; i < AMT_C__COUNT; i++)
			all &= strcmp(amt_net_counter_name(i), "?") != 0;
		tap_ok(all, "every counter has a name");
	}
}

int main(void)
{
	tap_start();
	net = calloc(1, sizeof(*net));
	test_arp();
	test_dhcp();
	amt_net_destroy(net);
	free(net);
	return tap_end();
}

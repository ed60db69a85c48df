// SPDX-License-Identifier: GPL-2.0
/*
 * Seed corpus generator for the SAP fuzzers.
 *
 *   gen_corpus <dir>   writes seed files into <dir>/{decoder,ring,filter}
 *
 * Seeds only steer the fuzzers towards interesting inputs; they are not
 * test expectations, so building them with the encoders under test is fine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sap_msg.h"
#include "sap_filter.h"

static const char *root;

static void put(const char *sub, const char *name, const void *p, size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/%s", root, sub, name);
	f = fopen(path, "wb");
	if (!f || fwrite(p, 1, n, f) != n) {
		perror(path);
		exit(1);
	}
	fclose(f);
}

/* ---- decoder: mode byte + message ---------------------------------------- */

static unsigned char dbuf[4096];

static void dec_seed(const char *name, unsigned int mode, int n)
{
	if (n <= 0) {
		fprintf(stderr, "encoder failed for %s: %d\n", name, n);
		exit(1);
	}
	memmove(dbuf + 1, dbuf, n);
	dbuf[0] = mode;
	put("decoder", name, dbuf, n + 1);
}

#define H2M_N	(SAP_DIR_H2M | (SAP_QUEUE_NOTIF << 1))
#define M2H_N	(SAP_DIR_M2H | (SAP_QUEUE_NOTIF << 1))
#define H2M_D	(SAP_DIR_H2M | (SAP_QUEUE_DATA << 1))
#define M2H_D	(SAP_DIR_M2H | (SAP_QUEUE_DATA << 1))

static void amt_filters(struct sap_filters *f)
{
	memset(f, 0, sizeof(*f));
	f->flex[0].dst_port = 16992;
	f->flex[0].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_IPV4 | SAP_FLEX_FILTER_TCP;
	f->flex[1].dst_port = 16993;
	f->flex[1].flags = f->flex[0].flags;
	f->flex[2].dst_port = 16992;
	f->flex[2].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_IPV6 | SAP_FLEX_FILTER_TCP;
	f->flex[3].dst_port = 623;
	f->flex[3].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_UDP | SAP_FLEX_FILTER_COPY;
	f->icmpv6_flags = SAP_ICMPV6_FILTER_ENABLED;
	f->ipv6[0].addr_lo24[0] = 0xaa;
	f->ipv6[0].addr_lo24[1] = 0xbb;
	f->ipv6[0].addr_lo24[2] = 0xcc;
	f->ipv6[0].flags = SAP_IPV6_ADDR_FILTER_ENABLED;
	memcpy(f->eth[0].mac, "\x01\x00\x5e\x00\x00\xfb", 6);
	f->eth[0].flags = SAP_ETH_FILTER_ENABLED | SAP_ETH_FILTER_STOP;
	memcpy(f->eth[1].mac, "\x33\x33\x00\x00\x00\x01", 6);
	f->eth[1].flags = SAP_ETH_FILTER_ENABLED;
	f->ipv4_addr = 0xc0a80132;
	f->ipv4_flags = 0x3f;
}

static void gen_decoder(void)
{
	static const struct { const char *n; unsigned short t; unsigned int v; int m; } dw[] = {
		{ "amt_state", SAP_MSG_NOTIF_AMT_STATE, 1, M2H_N },
		{ "own_reply", SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ, 1, M2H_N },
		{ "nic_owner", SAP_MSG_NOTIF_NIC_OWNER, 2, M2H_N },
		{ "radio_state", SAP_MSG_NOTIF_RADIO_STATE, 3, H2M_N },
		{ "suspends", SAP_MSG_NOTIF_HOST_SUSPENDS, 9, H2M_N },
		{ "resumes", SAP_MSG_NOTIF_HOST_RESUMES, 1, H2M_N },
		{ "pldr", SAP_MSG_NOTIF_PLDR, 0, H2M_N },
	};
	static const struct { const char *n; unsigned short t; int m; } empty[] = {
		{ "ping", SAP_MSG_NOTIF_PING, M2H_N },
		{ "pong", SAP_MSG_NOTIF_PONG, H2M_N },
		{ "taking", SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP, M2H_N },
		{ "can_release", SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP, M2H_N },
		{ "who_owns", SAP_MSG_NOTIF_WHO_OWNS_NIC, H2M_N },
		{ "goes_down", SAP_MSG_NOTIF_HOST_GOES_DOWN, H2M_N },
		{ "get_nvm", SAP_MSG_NOTIF_GET_NVM, H2M_N },
	};
	struct sap_conn_params c = {
		.ssid_len = 7, .ssid = "AMT-NET", .auth_mode = SAP_AUTH_MODE_RSNA_PSK,
		.pairwise_cipher = SAP_CIPHER_CCMP, .channel = 36, .band = 1,
	};
	struct sap_colloc_params col = { .channel = 149, .band = 1 };
	static const unsigned short sar[2][5] = { { 1, 2, 3, 4, 5 }, { 6, 7, 8, 9, 10 } };
	static const unsigned char mac[6] = { 2, 0x11, 0x22, 0x33, 0x44, 0x55 };
	unsigned char frame[60];
	struct sap_nvm_params nvm;
	struct sap_filters f;
	unsigned int i;
	int n;

	for (i = 0; i < sizeof(dw) / sizeof(dw[0]); i++)
		dec_seed(dw[i].n, dw[i].m, sap_msg_enc_dw(dbuf, sizeof(dbuf), dw[i].t, i, dw[i].v));
	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++)
		dec_seed(empty[i].n, empty[i].m, sap_msg_enc_empty(dbuf, sizeof(dbuf), empty[i].t, i));

	dec_seed("conn_status", M2H_N, sap_msg_enc_conn_status(dbuf, sizeof(dbuf), 1, 1, 3, &c));
	dec_seed("link_up", H2M_N, sap_msg_enc_link_up(dbuf, sizeof(dbuf), 2, &c, &col));
	dec_seed("link_down", H2M_N, sap_msg_enc_link_down(dbuf, sizeof(dbuf), 3, 1, 1, 7));
	dec_seed("nic_info", H2M_N, sap_msg_enc_nic_info(dbuf, sizeof(dbuf), 4, mac, mac));
	dec_seed("country", H2M_N, sap_msg_enc_country_code(dbuf, sizeof(dbuf), 5, 0x5553, 0, 0));
	dec_seed("sar", H2M_N, sap_msg_enc_sar_limits(dbuf, sizeof(dbuf), 6, sar));
	memset(&nvm, 0, sizeof(nvm));
	nvm.n_hw_addrs = 1;
	nvm.channels[0] = 0xf01;
	dec_seed("nvm", M2H_N, sap_msg_enc_nvm(dbuf, sizeof(dbuf), 7, &nvm));
	amt_filters(&f);
	dec_seed("filters", M2H_N, sap_msg_enc_filters(dbuf, sizeof(dbuf), 8, &f));
	dec_seed("pldr_ack", M2H_N,
		 sap_msg_enc_pldr_status(dbuf, sizeof(dbuf), SAP_MSG_NOTIF_PLDR_ACK, 9, 0, 0));
	dec_seed("pldr_end", H2M_N,
		 sap_msg_enc_pldr_status(dbuf, sizeof(dbuf), SAP_MSG_NOTIF_PLDR_END, 10, 0, 1));

	memset(frame, 0, sizeof(frame));
	memset(frame, 0xff, 6);
	frame[12] = 0x08;
	frame[13] = 0x06;
	dec_seed("data_m2h", M2H_D, sap_msg_enc_data_packet(dbuf, sizeof(dbuf), 11, frame, 42));
	dec_seed("data_h2m", H2M_D, sap_msg_enc_data_packet(dbuf, sizeof(dbuf), 12, frame, 60));
	n = sap_msg_enc_cb_data_hdr(dbuf, sizeof(dbuf), 13, 42, SAP_CB_TX_DHCP_FILT_STATUS);
	memcpy(dbuf + n, frame, 42);
	dec_seed("cb_data", H2M_D, n + 42);
	/* a short data packet, the upstream underflow case */
	n = sap_msg_enc_data_packet(dbuf, sizeof(dbuf), 14, frame, 14);
	dbuf[2] = 10;
	dec_seed("data_short", M2H_D, 18);

	dec_seed("me_start", 4, sap_me_enc_start(dbuf, sizeof(dbuf), 1, SAP_VERSION_4));
	dec_seed("me_start_ok", 4 | 8, sap_me_enc_start_ok(dbuf, sizeof(dbuf), 1, SAP_VERSION_3));
	dec_seed("me_csa", 4 | 8, sap_me_enc_csa(dbuf, sizeof(dbuf), 2));
}

/* ---- ring: op programs ----------------------------------------------------- */

static void gen_ring(void)
{
	/* size 64; three writes; three reads */
	static const unsigned char basic[] = {
		0x00, 55, 4, 3, 1, 4, 1, 2, 4, 2, 5, 0, 20, 0, 20, 0, 20, 0, 20, 6,
	};
	/* size 32; write/read until the writes wrap, header split included */
	static const unsigned char wrap[] = {
		0x00, 23, 4, 0, 0, 0, 10, 4, 1, 3, 0, 10, 4, 0, 0, 0, 10, 4, 3, 9, 0, 10,
		4, 2, 2, 7, 0, 0, 0, 10, 4, 1, 0, 0, 10,
	};
	/* size 100; peer publishes a wr_ptr out of range, then a truncated header */
	static const unsigned char hostile[] = {
		0x00, 91, 1, 0, 0, 0, 100, 0, 10, 1, 0xff, 0xff, 0xff, 0xff, 0, 10,
		1, 0, 0, 0, 5, 0, 10, 3, 0, 5, 8, 0xd0, 0x07, 0xff, 0xff, 0, 0, 0, 0,
		1, 0, 0, 0, 40, 0, 50, 2, 0, 0, 0, 3, 0, 10,
	};
	/* size 128; peer never drains */
	static const unsigned char stall[] = {
		0x00, 119, 4, 5, 0, 4, 5, 0, 4, 5, 0, 4, 5, 0, 4, 5, 0, 6, 0, 40, 4, 5, 0,
	};
	/* size 2240 (v3 H2M notif); a big message */
	static const unsigned char big[] = { 0x08, 0xb7, 4, 255, 100, 0, 255, 7, 8, 20 };

	put("ring", "basic", basic, sizeof(basic));
	put("ring", "wrap", wrap, sizeof(wrap));
	put("ring", "hostile", hostile, sizeof(hostile));
	put("ring", "stall", stall, sizeof(stall));
	put("ring", "big", big, sizeof(big));
}

/* ---- filter: wire filters + frame --------------------------------------------- */

static unsigned char fbuf[512];
static unsigned int flen;

static void fbegin(const struct sap_filters *f)
{
	sap_filters_to_wire((struct sap_oob_filters *)fbuf, f);
	flen = sizeof(struct sap_oob_filters);
}

static void fput(const void *p, unsigned int n)
{
	memcpy(fbuf + flen, p, n);
	flen += n;
}

static void eth(const unsigned char *da, unsigned int type)
{
	unsigned char h[14] = { 0 };

	memcpy(h, da, 6);
	h[6] = 2;
	h[12] = type >> 8;
	h[13] = type;
	fput(h, 14);
}

static void ip4(unsigned int proto, unsigned int l4_len, unsigned int daddr)
{
	unsigned char h[20] = { 0x45 };

	h[2] = (20 + l4_len) >> 8;
	h[3] = 20 + l4_len;
	h[8] = 64;
	h[9] = proto;
	h[16] = daddr >> 24;
	h[17] = daddr >> 16;
	h[18] = daddr >> 8;
	h[19] = daddr;
	fput(h, 20);
}

static void l4(unsigned int sport, unsigned int dport, unsigned int len)
{
	unsigned char h[20] = { 0 };

	h[0] = sport >> 8;
	h[1] = sport;
	h[2] = dport >> 8;
	h[3] = dport;
	fput(h, len);
}

static void ip6(unsigned int nh, unsigned int plen)
{
	unsigned char h[40] = { 0x60 };

	h[5] = plen;
	h[6] = nh;
	h[7] = 64;
	h[37] = 0xaa;
	h[38] = 0xbb;
	h[39] = 0xcc;
	fput(h, 40);
}

static void gen_filter(void)
{
	static const unsigned char me[6] = { 2, 0, 0, 0, 0, 0x10 };
	static const unsigned char bc[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const unsigned char mdns[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb };
	static const unsigned char arp[28] = {
		0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 0x20, 10, 0, 0, 2,
		0, 0, 0, 0, 0, 0, 0xc0, 0xa8, 0x01, 0x32,
	};
	unsigned char icmp[8] = { 8 };
	struct sap_filters f;

	amt_filters(&f);

	fbegin(&f); eth(me, 0x0800); ip4(6, 20, 0xc0a80132); l4(40000, 16992, 20);
	put("filter", "tcp4_amt", fbuf, flen);
	fbegin(&f); eth(me, 0x0800); ip4(17, 8, 0xc0a80132); l4(1, 623, 8);
	put("filter", "udp4_rmcp", fbuf, flen);
	fbegin(&f); eth(me, 0x0800); ip4(1, 8, 0xc0a80132); fput(icmp, 8);
	put("filter", "icmp_echo", fbuf, flen);
	icmp[0] = 0;
	fbegin(&f); eth(me, 0x0800); ip4(1, 8, 0xc0a80132); fput(icmp, 8);
	put("filter", "icmp_reply", fbuf, flen);
	fbegin(&f); eth(bc, 0x0806); fput(arp, 28);
	put("filter", "arp_req", fbuf, flen);
	fbegin(&f); eth(mdns, 0x0800); ip4(17, 8, 0xe00000fb); l4(5353, 5353, 8);
	put("filter", "mdns", fbuf, flen);
	fbegin(&f); eth(me, 0x86dd); ip6(6, 20); l4(40000, 16992, 20);
	put("filter", "tcp6_amt", fbuf, flen);
	icmp[0] = 135;
	fbegin(&f); eth(me, 0x86dd); ip6(58, 8); fput(icmp, 8);
	put("filter", "icmp6_ns", fbuf, flen);
	{
		unsigned char ext[8] = { 6, 0, 0, 1 };

		fbegin(&f); eth(me, 0x86dd); ip6(44, 28); fput(ext, 8); l4(40000, 16992, 20);
		put("filter", "tcp6_frag", fbuf, flen);
	}
	fbegin(&f); eth(bc, 0x0800); ip4(17, 8, 0xffffffff); l4(68, 67, 8);
	put("filter", "dhcp", fbuf, flen);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s <corpus dir>\n", argv[0]);
		return 2;
	}
	root = argv[1];
	gen_decoder();
	gen_ring();
	gen_filter();
	return 0;
}

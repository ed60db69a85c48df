// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim network engine: every truncation of valid frames is dropped,
 * counted, answered by nothing, and never over-read (exact-size heap copies
 * under ASan).
 */
#include <stdio.h>
#include "net_test.h"

static struct amt_net *net;

static uint64_t drops(void)
{
	static const enum amt_net_counter d[] = {
		AMT_C_DROP_RUNT, AMT_C_ARP_MALFORMED, AMT_C_IP_TRUNC, AMT_C_IP_BAD_HDR,
		AMT_C_TCP_TRUNC, AMT_C_TCP_BAD_CSUM,
	};
	uint64_t s = 0;
	unsigned int i;

	for (i = 0; i < sizeof(d) / sizeof(d[0]); i++)
		s += net->cnt[d[i]];
	return s;
}

static void check_all(const char *what, const uint8_t *f, size_t full, int replies)
{
	size_t l;
	int silent = 1, counted = 1;

	for (l = 0; l < full; l++) {
		uint64_t before = drops(), rx = net->cnt[AMT_C_RX_FRAMES];

		cap_reset();
		feed(net, f, l);
		/* short ethertype-less frames are runts; everything else a drop */
		silent &= cap.n == 0;
		counted &= drops() == before + 1 && net->cnt[AMT_C_RX_FRAMES] == rx + 1;
		if (!counted || !silent) {
			tap_diag("%s: length %zu: replies %d", what, l, cap.n);
			break;
		}
	}
	tap_ok(silent, "%s: no reply for any of %zu truncations", what, full);
	tap_ok(counted, "%s: each truncation counted as exactly one drop", what);
	cap_reset();
	feed(net, f, full);
	tap_eq(cap.n, replies, "%s: full frame answered", what);
}

int main(void)
{
	uint8_t f[600];
	static const uint8_t zero[6];
	static const uint8_t opts[12] = { 2, 4, 5, 0xb4, 1, 3, 3, 7, 4, 2, 0, 0 };
	struct tcpseg syn = { .sport = 1234, .dport = 16992, .seq = 77, .flags = F_SYN,
			      .wnd = 8000, .opt = opts, .optlen = 12 };
	struct client cl = { .port = 1235 };
	size_t n;

	tap_start();
	net = calloc(1, sizeof(*net));
	net_setup(net, 1);

	n = b_arp(f, 1, PEER_MAC, PEER_IP, zero, OUR_IP);
	check_all("ARP request", f, n, 1);

	n = b_tcp(f, &syn);
	check_all("SYN with options", f, n, 1);

	/* established connection, then a data segment truncated */
	cl.snd_nxt = 5000;
	cap_reset();
	cl_send(net, &cl, F_SYN, NULL, 0);
	cl.rcv_nxt = parse_reply(0).seq + 1;
	cl_send(net, &cl, F_ACK, NULL, 0);
	{
		struct tcpseg d = { .sport = 1235, .dport = 16992, .seq = cl.snd_nxt,
				    .ack = cl.rcv_nxt, .flags = F_ACK | F_PSH, .wnd = 8000,
				    .data = "GET / HTTP/1.1\r\n\r\n", .dlen = 18 };

		n = b_tcp(f, &d);
		check_all("HTTP GET segment", f, n, 1);
	}
	tap_eq(page_cnt[PAGE_C_200], 1, "the only complete GET produced one 200");

	/* IP header with options claims more than present */
	n = b_tcp(f, &syn);
	f[14] = 0x4f;
	cap_reset();
	feed(net, f, n);
	tap_ok(cap.n == 0 && net->cnt[AMT_C_IP_BAD_CSUM] + net->cnt[AMT_C_IP_TRUNC] > 0,
	       "IHL 15 with bad checksum dropped");
	/* TCP data offset beyond the segment */
	n = b_tcp(f, &syn);
	{
		uint64_t t = net->cnt[AMT_C_TCP_TRUNC];

		f[34 + 12] = 0xf0;
		/* keep checksum consistent so only the offset check can reject */
		wr16(f + 34 + 16, 0);
		wr16(f + 34 + 16, ref_csum(ref_pseudo(PEER_IP, OUR_IP, 6, n - 34), f + 34, n - 34));
		cap_reset();
		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_TCP_TRUNC] == t + 1, "data offset 60 > segment dropped");
	}
	/* IP total length smaller than IHL */
	n = b_tcp(f, &syn);
	wr16(f + 16, 10);
	wr16(f + 24, 0);
	wr16(f + 24, ref_csum(0, f + 14, 20));
	cap_reset();
	{
		uint64_t b = net->cnt[AMT_C_IP_BAD_HDR];

		feed(net, f, n);
		tap_ok(cap.n == 0 && net->cnt[AMT_C_IP_BAD_HDR] == b + 1, "total length < IHL dropped");
	}
	amt_net_destroy(net);
	free(net);
	return tap_end();
}

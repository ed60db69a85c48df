// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: the csme-sim firmware state machine fed by a hostile
 * host.
 *
 * Each input is a program run against a fresh firmware and an exact-size
 * heap shared area (ASan catches any access outside it). The host side can
 * send well-framed messages of any type and payload, raw ring bytes,
 * arbitrary control-block words and area bytes, ME-level messages of any
 * length; control commands and time steps are interleaved.
 *
 *   u8 config: bit0 v3 area, bits1-2 policy, bit3 owner csme, bit4 learn ip,
 *              bit5 connect first (valid START)
 *   then records: u8 op, operands (see run())
 *
 * Checks, besides ASan/UBSan: every ME message is 1..128 bytes; as long as
 * no hostile mode was used, everything CSME writes into the M2H rings
 * decodes cleanly on the host side and data frames are >= 14 bytes; the
 * JSON status output is always valid JSON.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "sim_test.h"
#include "json_check.h"

static struct sim S;
static bool hostile_used;	/* CSME was told to misbehave */
static bool corrupted;		/* the "host" scribbled over CSME's rings */

static int fz_me_send(void *ctx, const void *buf, size_t len, bool mergeable)
{
	FUZZ_CHECK(len >= 1 && len <= CSME_ME_MSG_MAX);
	return dbl_me_send(ctx, buf, len, mergeable);
}

static const struct csme_env_ops fz_ops = {
	.me_send = fz_me_send,
	.fw_reset = dbl_fw_reset,
	.hw_seize = dbl_hw_seize,
	.port_send = dbl_port_send,
};

/* the host reads what CSME wrote; clean unless a hostile mode ran */
static void host_check(void)
{
	enum sap_reason r;
	int i;

	for (i = 0; i < 100000; i++) {
		r = host_next(&S.h, SAP_QUEUE_NOTIF);
		if (r == SAP_R_EMPTY)
			break;
		FUZZ_CHECK(hostile_used || corrupted || r == SAP_OK);
		if (r == SAP_R_RING_PTR_RANGE)
			break;
	}
	for (i = 0; i < 100000; i++) {
		r = host_next(&S.h, SAP_QUEUE_DATA);
		if (r == SAP_R_EMPTY)
			break;
		FUZZ_CHECK(hostile_used || corrupted ||
		      (r == SAP_OK && S.h.msg.u.data.frame_len >= 14));
		if (r == SAP_R_RING_PTR_RANGE)
			break;
	}
	S.d.n_me = 0;
}

static void status_check(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct out o;

	out_init(&o, f, OUT_JSON);
	csme_status(S.fw, NULL, &o);
	out_finish(&o);
	fclose(f);
	FUZZ_CHECK(json_valid(buf, len));
	free(buf);
}

static void new_area(uint8_t version)
{
	csme_fw_unmap(S.fw);
	host_fini(&S.h);
	host_init(&S.h, version, sap_area_map_size(version));
	csme_fw_map(S.fw, S.h.mem, S.h.size, S.fw->gen + 1);
	csme_fw_enable(S.fw, true, S.fw->gen + 1);
}

static void command(struct fuzz_in *in, uint64_t now)
{
	char msg[160];
	uint32_t sel = fuzz_take(in, 1), arg = fuzz_take(in, 1);

	switch (sel % 11) {
	case 0:
		csme_fw_cmd_take(S.fw, arg & 1, now, msg, sizeof(msg));
		break;
	case 1:
		csme_fw_cmd_release(S.fw, msg, sizeof(msg));
		break;
	case 2:
		csme_fw_cmd_amt(S.fw, arg & 1, msg, sizeof(msg));
		break;
	case 3:
		csme_fw_cmd_policy(S.fw, (enum csme_policy)(arg % 3), msg, sizeof(msg));
		break;
	case 4:
		csme_fw_cmd_ping(S.fw, now, msg, sizeof(msg));
		break;
	case 5:
		csme_fw_cmd_link_prot(S.fw, arg & 1, msg, sizeof(msg));
		break;
	case 6:
		if (arg % HOSTILE__COUNT)
			hostile_used = true;
		csme_fw_cmd_hostile(S.fw, (enum csme_hostile)(arg % HOSTILE__COUNT), now, msg,
				    sizeof(msg));
		break;
	case 7:
		csme_fw_cmd_reset(S.fw, msg, sizeof(msg));
		break;
	case 8:
		csme_fw_reset_done(S.fw, arg & 1 ? -EIO : 0);
		break;
	case 9:
		csme_fw_attached(S.fw, arg & 1);
		break;
	default:
		S.d.seize_ret = arg & 1 ? -ENODEV : 0;
		S.d.me_ret = arg & 2 ? -ENOBUFS : 0;
		S.d.port_ret = arg & 4 ? -ENETDOWN : 0;
		break;
	}
}

static void run(struct fuzz_in *in)
{
	uint8_t buf[2048];
	uint64_t now = 1000;
	uint32_t op, n, q, v;
	int steps;

	for (steps = 0; in->n && steps < 256; steps++) {
		op = fuzz_take(in, 1);
		switch (op % 13) {
		case 0:		/* ME message of any length */
			n = fuzz_take(in, 1);
			fuzz_take_bytes(in, buf, n);
			csme_fw_me_rx(S.fw, buf, n, now);
			break;
		case 1:		/* well framed notification, any type */
		case 2:		/* ... or data message */
			q = op % 13 == 1 ? SAP_QUEUE_NOTIF : SAP_QUEUE_DATA;
			v = fuzz_take(in, 2);
			n = fuzz_take(in, 2) % (q == SAP_QUEUE_NOTIF ? 600 : 1600);
			fuzz_take_bytes(in, buf, n);
			host_raw(&S.h, q, (uint16_t)v, buf, (uint16_t)n);
			if (fuzz_take(in, 1) & 1)
				host_csa(&S.h, S.fw);
			break;
		case 3: {	/* raw producer bytes at the host's wr_ptr */
			struct sap_ring *r = &S.h.h2m[fuzz_take(in, 1) & 1];
			uint32_t first, own;

			n = fuzz_take(in, 1) + 1;
			fuzz_take_bytes(in, buf, n);
			own = r->own % r->size;
			first = r->size - own < n ? r->size - own : n;
			memcpy(r->data + own, buf, first);
			memcpy(r->data, buf + first, n - first);
			r->own = (own + n) % r->size;
			*r->wr_ptr = cpu_to_le32(r->own);
			host_csa(&S.h, S.fw);
			break;
		}
		case 4:		/* any control block word */
			n = fuzz_take(in, 1) % 16;
			v = fuzz_take(in, 4);
			memcpy(S.h.mem + n * 4, &v, 4);
			corrupted = true;
			break;
		case 5:		/* any byte of the area */
			n = fuzz_take(in, 4) % S.h.size;
			S.h.mem[n] = (uint8_t)fuzz_take(in, 1);
			corrupted = true;
			break;
		case 6:
			now += fuzz_take(in, 2);
			csme_fw_tick(S.fw, now);
			break;
		case 7:
			command(in, now);
			break;
		case 8:		/* valid START offering a version */
			v = fuzz_take(in, 1);
			/* a START that does not match the area's layout is a lie */
			if (3 + (v & 1) != S.h.a.version)
				corrupted = true;
			sap_me_enc_start(buf, sizeof(buf), 1, 3 + (v & 1));
			csme_fw_me_rx(S.fw, buf, 88, now);
			break;
		case 9:		/* the host re-initialises or replaces the area */
			corrupted = true;
			if (fuzz_take(in, 1) & 1) {
				new_area(S.h.a.version);
			} else {
				sap_area_init(&S.h.a);
				S.h.h2m[0].own = S.h.h2m[1].own = 0;
				S.h.m2h[0].own = S.h.m2h[1].own = 0;
			}
			break;
		case 10:	/* frame on CSME's port */
			n = fuzz_take(in, 2) % sizeof(buf);
			fuzz_take_bytes(in, buf, n);
			csme_port_rx(S.fw, buf, n);
			break;
		case 11:
			corrupted = true;
			csme_fw_unmap(S.fw);
			if (fuzz_take(in, 1) & 1) {
				csme_fw_map(S.fw, S.h.mem, S.h.size, S.fw->gen);
				csme_fw_enable(S.fw, true, S.fw->gen);
			}
			break;
		default:
			csme_fw_flush(S.fw);
			host_check();
			break;
		}
		if (S.d.n_me >= DBL_ME_MAX - 8)
			S.d.n_me = 0;
	}
	csme_fw_tick(S.fw, now + 5000);
	csme_fw_flush(S.fw);
	host_check();
	status_check();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct csme_cfg cfg;
	uint32_t conf = fuzz_take(&in, 1);
	uint8_t version = conf & 1 ? 3 : 4;

	csme_log_quiet = 1;
	hostile_used = false;
	corrupted = false;
	csme_cfg_defaults(&cfg);
	cfg.policy = (enum csme_policy)((conf >> 1) % 3);
	cfg.owner = conf & 8 ? CSME_OWNER_CSME : CSME_OWNER_HOST;
	cfg.ip = conf & 16 ? 0 : 0x0a4d0002;
	cfg.seed = 5;

	memset(&S.d, 0, sizeof(S.d));
	S.net = calloc(1, sizeof(*S.net));
	S.fw = calloc(1, sizeof(*S.fw));
	csme_data_net_init(S.fw, S.net, 99);
	csme_fw_init(S.fw, &cfg, &fz_ops, &S.d, S.net);
	csme_fw_set_notify(S.fw, dbl_notify, &S.d);
	csme_fw_attached(S.fw, true);
	host_init(&S.h, version, sap_area_map_size(version));
	csme_fw_map(S.fw, S.h.mem, S.h.size, 1);
	csme_fw_enable(S.fw, true, 1);
	if (conf & 32)
		host_start(&S.h, S.fw, version);

	run(&in);

	csme_fw_unmap(S.fw);
	host_fini(&S.h);
	free(S.fw);
	free(S.net);
	return 0;
}

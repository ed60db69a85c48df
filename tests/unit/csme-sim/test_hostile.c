// SPDX-License-Identifier: GPL-2.0
/*
 * Hostile modes: each produces exactly the malformed output it promises, as
 * seen by the host's side of the SAP core, fires once (one-shots) or keeps
 * going (continuous), and "hostile off" + a firmware reset gives a clean
 * handshake again.
 */
#include <stdio.h>

#include "tap.h"
#include "sim_test.h"

static struct sim S;
static char msg[160];

static void start(bool connect)
{
	struct csme_cfg cfg;

	csme_cfg_defaults(&cfg);
	cfg.ip = 0x0a4d0002;
	cfg.seed = 42;
	csme_log_quiet = 1;
	sim_init(&S, &cfg);
	if (connect) {
		sim_connect(&S, 4, 4);
		host_discard(&S.h);
		dbl_clear_me(&S.d);
	}
}

/* reasons of every M2H message of queue @q */
static void drain_reasons(enum sap_queue_idx q, unsigned int *cnt)
{
	enum sap_reason r;
	int guard = 0;

	memset(cnt, 0, sizeof(unsigned int) * SAP_R_COUNT);
	while ((r = host_next(&S.h, q)) != SAP_R_EMPTY && guard++ < 100000) {
		cnt[r]++;
		if (r == SAP_R_RING_PTR_RANGE)
			break;	/* stays so until the producer fixes it */
	}
}

/* firmware reset as the host sees it: a new area and a new handshake */
static bool clean_restart(void)
{
	struct sap_me_msg me;
	bool ok;

	csme_fw_cmd_hostile(S.fw, HOSTILE_OFF, 0, msg, sizeof(msg));
	csme_fw_unmap(S.fw);
	host_fini(&S.h);
	dbl_clear_me(&S.d);
	sim_connect(&S, 4, 4);
	ok = S.d.n_me >= 1 && S.d.me_len[0] == 20 &&
	     sap_me_decode(S.d.me[0], 20, SAP_DIR_M2H, &me) == SAP_OK && me.version == 4 &&
	     csme_fw_session_up(S.fw);
	ok = ok && host_next(&S.h, SAP_QUEUE_NOTIF) == SAP_OK &&
	     S.h.msg.type == SAP_MSG_NOTIF_AMT_STATE;
	ok = ok && host_next(&S.h, SAP_QUEUE_NOTIF) == SAP_OK &&
	     S.h.msg.type == SAP_MSG_NOTIF_CSME_FILTERS;
	return ok && host_next(&S.h, SAP_QUEUE_NOTIF) == SAP_R_EMPTY;
}

static void test_names(void)
{
	enum csme_hostile m;
	int i, ok = 1;

	for (i = 0; i < HOSTILE__COUNT; i++)
		ok &= !csme_hostile_parse(csme_hostile_name(i), &m) && m == (enum csme_hostile)i;
	tap_ok(ok, "every mode name parses back to itself");
	tap_ok(csme_hostile_parse("bogus", &m) == -EINVAL, "unknown name refused");
	tap_ok(!csme_hostile_oneshot(HOSTILE_NO_DRAIN) && !csme_hostile_oneshot(HOSTILE_RANDOM) &&
	       !csme_hostile_oneshot(HOSTILE_OFF) && csme_hostile_oneshot(HOSTILE_CSA_FLOOD),
	       "no-drain and random are continuous, the rest one-shot");
}

static void test_start_ok(void)
{
	struct sap_me_msg me;

	start(false);
	csme_fw_cmd_hostile(S.fw, HOSTILE_START_OK_SHORT, 0, msg, sizeof(msg));
	tap_ok(S.fw->hostile_armed && strstr(msg, "armed"), "start-ok-short armed: %s", msg);
	sim_connect(&S, 4, 4);
	tap_eq(S.d.me_len[0], 19, "START answered with 19 bytes");
	tap_eq(sap_me_decode(S.d.me[0], 19, SAP_DIR_M2H, &me), SAP_R_LEN_MISMATCH,
	       "the host's decoder refuses it");
	tap_ok(!csme_fw_session_up(S.fw), "no session after a bad START_OK");
	tap_ok(S.fw->hostile == HOSTILE_OFF && !S.fw->hostile_armed, "one-shot: mode off again");
	dbl_clear_me(&S.d);
	host_start(&S.h, S.fw, 4);
	tap_ok(S.d.n_me == 0 && S.fw->cnt[CSME_C_NONCONFORM] == 1,
	       "a START repeated in the same client session: refused as nonconformant");
	csme_fw_enable(S.fw, true, S.fw->gen + 1);
	host_start(&S.h, S.fw, 4);
	tap_ok(S.d.me_len[0] == 20 && csme_fw_session_up(S.fw),
	       "START of a new client session (reset) gets a valid START_OK");
	sim_fini(&S);

	start(false);
	csme_fw_cmd_hostile(S.fw, HOSTILE_START_OK_VERSION, 0, msg, sizeof(msg));
	sim_connect(&S, 4, 4);
	tap_ok(S.d.me_len[0] == 20 &&
	       sap_me_decode(S.d.me[0], 20, SAP_DIR_M2H, &me) == SAP_OK && me.version == 3,
	       "start-ok-version: START v4 answered with a START_OK selecting v3");
	tap_ok(!csme_fw_session_up(S.fw), "no session");
	tap_ok(clean_restart(), "hostile off + reset: clean handshake");
	sim_fini(&S);
}

static void test_me_garbage(void)
{
	unsigned int cnt[SAP_R_COUNT] = { 0 };
	struct sap_me_msg me;
	int i, ok_csa = 0;

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_ME_GARBAGE, 0, msg, sizeof(msg));
	tap_ok(strstr(msg, "applied") != NULL, "me-garbage applied at once with a session: %s", msg);
	tap_ok(S.d.n_me_total >= 16, "%d garbage ME messages", S.d.n_me_total);
	for (i = 0; i < S.d.n_me; i++) {
		enum sap_reason r = sap_me_decode(S.d.me[i], (uint32_t)S.d.me_len[i], SAP_DIR_M2H, &me);

		cnt[r]++;
		ok_csa += r == SAP_OK && me.type == SAP_ME_MSG_CHECK_SHARED_AREA;
	}
	tap_ok(cnt[SAP_R_UNKNOWN_TYPE] >= 6, "unknown ME types: %u", cnt[SAP_R_UNKNOWN_TYPE]);
	tap_ok(cnt[SAP_R_TRUNC_HDR] >= 1, "a truncated header");
	tap_ok(cnt[SAP_R_WRONG_DIR] >= 1, "a START from CSME");
	tap_ok(cnt[SAP_R_BAD_VERSION] >= 1, "a START_OK with version 9");
	tap_ok(cnt[SAP_R_LEN_MISMATCH] >= 1, "a 128-byte START_OK");
	tap_ok(ok_csa >= 1, "a doorbell with len 0xffffffff (legal)");
	tap_eq(S.fw->hostile, HOSTILE_OFF, "one-shot");
	tap_ok(clean_restart(), "hostile off + reset: clean handshake");
	sim_fini(&S);
}

static void test_ring_modes(void)
{
	unsigned int cnt[SAP_R_COUNT];
	struct sap_ring_msg m;
	uint32_t own;

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_RING_PTR, 0, msg, sizeof(msg));
	csme_fw_flush(S.fw);
	tap_eq(S.d.n_csa, 1, "ring-ptr rings the doorbell");
	tap_eq(sap_ring_next(&S.h.m2h[SAP_QUEUE_NOTIF], &m), SAP_R_RING_PTR_RANGE,
	       "the host sees M2H NOTIF wr_ptr out of range");
	csme_fw_cmd_ping(S.fw, 0, msg, sizeof(msg));
	tap_ok(S.fw->m2h[SAP_QUEUE_NOTIF].cnt.n[SAP_R_RING_OWN_PTR] == 1,
	       "our next regular write notices and restores the pointer");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_PING), "and the host reads the PING");
	tap_ok(clean_restart(), "hostile off + reset: clean handshake");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_RING_OVERRUN, 0, msg, sizeof(msg));
	tap_eq(host_next(&S.h, SAP_QUEUE_NOTIF), SAP_R_RING_OVERRUN,
	       "ring-overrun: the host sees a header longer than the data");
	csme_fw_cmd_amt(S.fw, true, msg, sizeof(msg));
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_AMT_STATE), "the stream continues after it");
	tap_ok(clean_restart(), "hostile off + reset: clean handshake");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_BAD_TYPE, 0, msg, sizeof(msg));
	drain_reasons(SAP_QUEUE_NOTIF, cnt);
	tap_eq(cnt[SAP_R_UNKNOWN_TYPE], 7, "bad-type: 7 unknown notification types");
	tap_eq(cnt[SAP_R_WRONG_DIR], 1, "a host type from CSME");
	tap_eq(cnt[SAP_R_WRONG_QUEUE], 1, "a data type in the notification queue");
	drain_reasons(SAP_QUEUE_DATA, cnt);
	tap_ok(cnt[SAP_R_WRONG_QUEUE] == 1 && cnt[SAP_R_UNKNOWN_TYPE] == 1,
	       "a notification and an unknown type in the data queue");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_SHORT_PAYLOAD, 0, msg, sizeof(msg));
	drain_reasons(SAP_QUEUE_NOTIF, cnt);
	tap_eq(cnt[SAP_R_SHORT_PAYLOAD], 7, "short-payload: 7 messages shorter than their struct");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_DATA_RUNT, 0, msg, sizeof(msg));
	drain_reasons(SAP_QUEUE_DATA, cnt);
	tap_eq(cnt[SAP_R_DATA_TOO_SHORT], 3, "data-runt: DATA_PACKETs of 0, 1 and 13 bytes");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_NOTIF_TOO_BIG, 0, msg, sizeof(msg));
	drain_reasons(SAP_QUEUE_NOTIF, cnt);
	tap_eq(cnt[SAP_R_MSG_TOO_BIG], 1, "notif-too-big: skipped by a 4096-byte reader");
	tap_ok(S.fw->m2h[SAP_QUEUE_NOTIF].cnt.n[SAP_OK] >= 1, "it was written (5008 bytes)");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_BAD_SSID, 0, msg, sizeof(msg));
	drain_reasons(SAP_QUEUE_NOTIF, cnt);
	tap_eq(cnt[SAP_R_BAD_SSID_LEN], 1, "bad-ssid: CONN_STATUS with ssid_len 200");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_WRONG_OWNER, 0, msg, sizeof(msg));
	tap_eq(host_next(&S.h, SAP_QUEUE_NOTIF), SAP_OK,
	       "wrong-owner: NIC_OWNER 77 decodes (a value newer firmware may use)");
	tap_ok(S.h.msg.new_values, "and is flagged as a new value");
	tap_eq(le32_to_cpu(*(uint32_t *)(S.h.buf + 8)), 77, "value 77 on the wire");
	tap_ok(clean_restart(), "hostile off + reset: clean handshake");
	sim_fini(&S);

	start(true);
	host_discard(&S.h);
	own = le32_to_cpu(*S.h.m2h[SAP_QUEUE_NOTIF].rd_ptr);
	csme_fw_cmd_hostile(S.fw, HOSTILE_HOST_PTR, 0, msg, sizeof(msg));
	csme_fw_flush(S.fw);
	tap_ok(le32_to_cpu(*S.h.m2h[SAP_QUEUE_NOTIF].rd_ptr) != own,
	       "host-ptr: CSME moved the host's M2H read pointer");
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_PING), "the host still reads the PING after it");
	tap_eq(S.h.m2h[SAP_QUEUE_NOTIF].cnt.n[SAP_R_RING_OWN_PTR], 1, "and counted the change once");
	tap_ok(clean_restart(), "hostile off + reset: clean handshake");
	sim_fini(&S);
}

static void test_armed_until_handshake(void)
{
	unsigned int cnt[SAP_R_COUNT];

	start(false);
	csme_fw_cmd_hostile(S.fw, HOSTILE_SHORT_PAYLOAD, 0, msg, sizeof(msg));
	tap_ok(S.fw->hostile_armed, "without a session a one-shot waits");
	sim_connect(&S, 4, 4);
	tap_ok(host_next(&S.h, SAP_QUEUE_NOTIF) == SAP_OK &&
	       S.h.msg.type == SAP_MSG_NOTIF_AMT_STATE, "the burst comes first");
	host_next(&S.h, SAP_QUEUE_NOTIF);
	drain_reasons(SAP_QUEUE_NOTIF, cnt);
	tap_eq(cnt[SAP_R_SHORT_PAYLOAD], 7, "then the hostile messages");
	tap_ok(!S.fw->hostile_armed && S.fw->hostile == HOSTILE_OFF, "fired once");
	sim_fini(&S);
}

static void test_flood_and_no_drain(void)
{
	start(true);
	S.d.me_ret = -ENOBUFS;
	csme_fw_cmd_hostile(S.fw, HOSTILE_CSA_FLOOD, 0, msg, sizeof(msg));
	tap_eq(S.fw->flood_left, 1000, "csa-flood with a full device queue: all 1000 pending");
	S.d.me_ret = 0;
	csme_fw_tick(S.fw, 1);
	tap_ok(S.fw->flood_left == 0 && S.d.n_csa == 1000, "sent once the queue accepts them");
	sim_fini(&S);

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_NO_DRAIN, 0, msg, sizeof(msg));
	host_empty(&S.h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
	host_csa(&S.h, S.fw);
	csme_fw_tick(S.fw, 100);
	tap_ok(!sap_ring_is_empty(&S.h.h2m[SAP_QUEUE_NOTIF]), "no-drain: H2M left alone");
	{
		int i, full = 0;

		for (i = 0; i < 100000 && !full; i++)
			full = host_empty(&S.h, SAP_MSG_NOTIF_PONG) != 0;
		tap_ok(full, "the host's H2M notif ring fills (%d messages)", i);
	}
	tap_eq(S.fw->hostile, HOSTILE_NO_DRAIN, "continuous");
	csme_fw_cmd_hostile(S.fw, HOSTILE_OFF, 0, msg, sizeof(msg));
	host_csa(&S.h, S.fw);
	{
		int ticks;

		for (ticks = 0; ticks < 20 && !sap_ring_is_empty(&S.h.h2m[SAP_QUEUE_NOTIF]);
		     ticks++)
			csme_fw_tick(S.fw, 200 + ticks * 50);
		tap_ok(sap_ring_is_empty(&S.h.h2m[SAP_QUEUE_NOTIF]),
		       "hostile off: drained again (%d more ticks at %d messages each)", ticks,
		       CSME_DRAIN_BUDGET);
	}
	tap_ok(host_find(&S.h, SAP_MSG_NOTIF_NIC_OWNER), "and the WHO_OWNS_NIC answered");
	sim_fini(&S);
}

static void test_random(void)
{
	unsigned int cnt[SAP_R_COUNT], bad = 0, good = 0;
	struct sap_me_msg me;
	uint64_t t;
	int i;

	start(true);
	csme_fw_cmd_hostile(S.fw, HOSTILE_RANDOM, 0, msg, sizeof(msg));
	for (t = 0; t < 20000; t += 10) {
		dbl_clear_me(&S.d);
		csme_fw_tick(S.fw, t);
		csme_fw_flush(S.fw);
		for (i = 0; i < S.d.n_me; i++) {
			enum sap_reason r = sap_me_decode(S.d.me[i], (uint32_t)S.d.me_len[i],
							  SAP_DIR_M2H, &me);

			bad += r != SAP_OK;
		}
		drain_reasons(SAP_QUEUE_NOTIF, cnt);
		for (i = 0; i < SAP_R_COUNT; i++)
			*(i == SAP_OK ? &good : &bad) += cnt[i];
		drain_reasons(SAP_QUEUE_DATA, cnt);
		for (i = 0; i < SAP_R_COUNT; i++)
			*(i == SAP_OK ? &good : &bad) += cnt[i];
		/* the host's notifications keep flowing meanwhile */
		host_empty(&S.h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
		host_csa(&S.h, S.fw);
	}
	tap_ok(S.fw->cnt[CSME_C_HOSTILE_ACTIONS] > 1000, "random: %llu hostile actions",
	       (unsigned long long)S.fw->cnt[CSME_C_HOSTILE_ACTIONS]);
	tap_ok(bad > 100, "the host rejected %u of them", bad);
	tap_ok(good > 0, "and accepted %u", good);
	tap_eq(S.fw->hostile, HOSTILE_RANDOM, "continuous");
	tap_ok(clean_restart(), "hostile off + reset: clean handshake");
	sim_fini(&S);
}

int main(void)
{
	tap_start();
	test_names();
	test_start_ok();
	test_me_garbage();
	test_ring_modes();
	test_armed_until_handshake();
	test_flood_and_no_drain();
	test_random();
	return tap_end();
}

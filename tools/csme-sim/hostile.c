// SPDX-License-Identifier: GPL-2.0
/*
 * Hostile modes: a misbehaving firmware, to test that the host survives.
 *
 * One-shot modes fire once and switch themselves off:
 *   start-ok-short, start-ok-version   at the next START
 *   every other one-shot               at once if a SAP session is up,
 *                                      else right after the next handshake
 * Continuous modes (no-drain, random) stay until "hostile off" or another
 * mode. csa-flood is a one-shot whose 1000 doorbells go out as fast as the
 * device queue accepts them.
 *
 * Malformed ring output is written with sap_ring_write() (which accepts any
 * self-consistent header) or, where the framing itself must be wrong, with
 * a raw writer that still never leaves the ring. Switching modes puts our
 * own M2H pointers back, so "hostile off" + "fw reset" always recovers.
 */
#include <errno.h>
#include <string.h>

#include "hostile.h"
#include "edge.h"
#include "sap_fw.h"
#include "data.h"
#include "log.h"

static const char *const hostile_names[HOSTILE__COUNT] = {
	[HOSTILE_OFF]			= "off",
	[HOSTILE_START_OK_SHORT]	= "start-ok-short",
	[HOSTILE_START_OK_VERSION]	= "start-ok-version",
	[HOSTILE_ME_GARBAGE]		= "me-garbage",
	[HOSTILE_RING_PTR]		= "ring-ptr",
	[HOSTILE_RING_OVERRUN]		= "ring-overrun",
	[HOSTILE_BAD_TYPE]		= "bad-type",
	[HOSTILE_SHORT_PAYLOAD]		= "short-payload",
	[HOSTILE_DATA_RUNT]		= "data-runt",
	[HOSTILE_NOTIF_TOO_BIG]		= "notif-too-big",
	[HOSTILE_BAD_SSID]		= "bad-ssid",
	[HOSTILE_NO_DRAIN]		= "no-drain",
	[HOSTILE_CSA_FLOOD]		= "csa-flood",
	[HOSTILE_RANDOM]		= "random",
	[HOSTILE_WRONG_OWNER]		= "wrong-owner",
	[HOSTILE_HOST_PTR]		= "host-ptr",
	[HOSTILE_STORM]			= "storm",
	[HOSTILE_START_LATE]		= "start-late",
	[HOSTILE_START_NEVER]		= "start-never",
	[HOSTILE_EARLY_CSA]		= "early-csa",
	[HOSTILE_BURST]			= "burst",
	[HOSTILE_NEW_VALUES]		= "new-values",
	[HOSTILE_PTR_AT_SIZE]		= "ptr-at-size",
};

#define HOSTILE_FLOOD_COUNT	1000
#define HOSTILE_RANDOM_MS	20	/* one random batch per interval */
#define HOSTILE_STORM_BATCH	256	/* random messages per tick in storm mode */

const char *csme_hostile_name(enum csme_hostile m)
{
	if ((unsigned int)m >= HOSTILE__COUNT)
		return "unknown";
	return hostile_names[m];
}

int csme_hostile_parse(const char *s, enum csme_hostile *m)
{
	int i;

	for (i = 0; i < HOSTILE__COUNT; i++) {
		if (!strcmp(s, hostile_names[i])) {
			*m = (enum csme_hostile)i;
			return 0;
		}
	}
	return -EINVAL;
}

bool csme_hostile_oneshot(enum csme_hostile m)
{
	return m != HOSTILE_OFF && m != HOSTILE_NO_DRAIN && m != HOSTILE_RANDOM &&
	       m != HOSTILE_STORM && (unsigned int)m < HOSTILE__COUNT;
}

static bool hostile_bad_start_ok(enum csme_hostile m)
{
	return m == HOSTILE_START_OK_SHORT || m == HOSTILE_START_OK_VERSION;
}

static bool hostile_at_start(enum csme_hostile m)
{
	return hostile_bad_start_ok(m) || csme_edge_at_start(m);
}

/* xorshift64* */
uint64_t csme_rand(uint64_t *state)
{
	uint64_t x = *state ? *state : 0x9e3779b97f4a7c15ULL;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

static uint32_t hrand(struct csme_fw *fw, uint32_t n)
{
	return n ? (uint32_t)(csme_rand(&fw->rng) >> 32) % n : 0;
}

static void hrand_fill(struct csme_fw *fw, uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(csme_rand(&fw->rng) >> 56);
}

static void put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* ---- primitives --------------------------------------------------------- */

static void hostile_me(struct csme_fw *fw, const void *buf, size_t len)
{
	fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
	csme_fw_send_me(fw, buf, len, false);
}

/* ME header of @type with @hdr_len; returns 12 */
static size_t me_hdr(struct csme_fw *fw, uint8_t *buf, uint32_t type, uint32_t hdr_len)
{
	put_le32(buf, type);
	put_le32(buf + 4, fw->me_seq++);
	put_le32(buf + 8, hdr_len);
	return 12;
}

/*
 * One message with a self-consistent header (len = @plen) but any type and
 * payload, through the SAP core's writer.
 */
static int hostile_msg(struct csme_fw *fw, enum sap_queue_idx q, uint16_t type,
		       const uint8_t *payload, uint32_t plen)
{
	uint8_t hdr[sizeof(struct sap_hdr)];

	if (!fw->rings_up || plen > 0xffff)
		return -ENOTCONN;
	put_le16(hdr, type);
	put_le16(hdr + 2, (uint16_t)plen);
	put_le32(hdr + 4, fw->sap_seq++);
	fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
	fw->csa_pending = true;
	return sap_ring_write(&fw->m2h[q], hdr, sizeof(hdr), payload, plen) ? -ENOSPC : 0;
}

/*
 * Raw producer write of @n bytes whatever they contain; still a strict
 * writer: needs more than @n free bytes and a valid consumer pointer, and
 * stays inside the ring.
 */
static int hostile_raw(struct csme_fw *fw, enum sap_queue_idx q, const uint8_t *bytes,
		       uint32_t n)
{
	struct sap_ring *r = &fw->m2h[q];
	uint32_t rd, used, first, own;

	if (!fw->rings_up || !n || n >= r->size)
		return -EINVAL;
	own = r->own;
	WRITE_ONCE(*r->wr_ptr, cpu_to_le32(own));
	rd = le32_to_cpu(READ_ONCE(*r->rd_ptr));
	if (rd >= r->size)
		return -EIO;
	used = own >= rd ? own - rd : r->size - rd + own;
	if (r->size - used <= n)
		return -ENOSPC;
	mb();
	first = r->size - own;
	if (first > n)
		first = n;
	memcpy(r->data + own, bytes, first);
	if (n > first)
		memcpy(r->data, bytes + first, n - first);
	dma_wmb();
	own += n;
	if (own >= r->size)
		own -= r->size;
	r->own = own;
	WRITE_ONCE(*r->wr_ptr, cpu_to_le32(own));
	fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
	fw->csa_pending = true;
	return 0;
}

/* ---- the one-shots ------------------------------------------------------ */

static void hostile_me_garbage(struct csme_fw *fw)
{
	static const uint32_t types[] = { 0, 4, 5, 0x100, 0x7fffffff, 0xffffffff };
	uint8_t buf[CSME_ME_MSG_MAX];
	unsigned int i;
	size_t n;

	/* unknown types, well formed headers */
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		n = me_hdr(fw, buf, types[i], 12);
		hostile_me(fw, buf, n);
	}
	/* truncated header */
	me_hdr(fw, buf, SAP_ME_MSG_CHECK_SHARED_AREA, 12);
	hostile_me(fw, buf, 5);
	/* START in the wrong direction */
	n = (size_t)sap_me_enc_start(buf, sizeof(buf), fw->me_seq++, SAP_VERSION_4);
	hostile_me(fw, buf, n);
	/* START_OK selecting an unknown version, and one far too long */
	memset(buf, 0, sizeof(buf));
	me_hdr(fw, buf, SAP_ME_MSG_START_OK, 20);
	buf[16] = 9;
	hostile_me(fw, buf, 20);
	memset(buf, 0xa5, sizeof(buf));
	me_hdr(fw, buf, SAP_ME_MSG_START_OK, sizeof(buf));
	hostile_me(fw, buf, sizeof(buf));
	/* doorbell with an absurd len field (still a valid CSA) */
	me_hdr(fw, buf, SAP_ME_MSG_CHECK_SHARED_AREA, 0xffffffff);
	hostile_me(fw, buf, 12);
	/* random lengths and bytes */
	for (i = 0; i < 8; i++) {
		n = 1 + hrand(fw, sizeof(buf));
		hrand_fill(fw, buf, n);
		hostile_me(fw, buf, n);
	}
}

static void hostile_ring_ptr(struct csme_fw *fw)
{
	struct sap_ring *r = &fw->m2h[SAP_QUEUE_NOTIF];

	/* our private copy stays valid: the next regular write restores it */
	WRITE_ONCE(*r->wr_ptr, cpu_to_le32(r->size + 100));
	fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
	fw->csa_pending = true;
}

/* Move the read pointer of the M2H notification ring, which belongs to
 * the host: it must notice, keep its own copy and put the value back.
 */
static void hostile_host_ptr(struct csme_fw *fw)
{
	struct sap_ring *r = &fw->m2h[SAP_QUEUE_NOTIF];
	uint32_t rd = le32_to_cpu(READ_ONCE(*r->rd_ptr));

	WRITE_ONCE(*r->rd_ptr, cpu_to_le32((rd + r->size / 2) % r->size));
	fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
	/* a message for the host to read, so that it looks at the pointer */
	csme_fw_send_empty(fw, SAP_MSG_NOTIF_PING);
}

static void hostile_ring_overrun(struct csme_fw *fw)
{
	uint8_t m[12];

	/* an AMT_STATE header claiming 200 bytes, 4 of them published */
	put_le16(m, SAP_MSG_NOTIF_AMT_STATE);
	put_le16(m + 2, 200);
	put_le32(m + 4, fw->sap_seq++);
	put_le32(m + 8, 1);
	hostile_raw(fw, SAP_QUEUE_NOTIF, m, sizeof(m));
}

static void hostile_bad_type(struct csme_fw *fw)
{
	static const uint16_t types[] = {
		0, 3, 501, 507, 514, 999,
		SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP,	/* host's type */
		SAP_MSG_DATA_PACKET,				/* data type in notif */
		0xffff,
	};
	uint8_t payload[16] = { 0 };
	unsigned int i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		hostile_msg(fw, SAP_QUEUE_NOTIF, types[i], payload, 4);
	/* a notification type in the data queue, and an unknown one */
	hostile_msg(fw, SAP_QUEUE_DATA, SAP_MSG_NOTIF_AMT_STATE, payload, 4);
	hostile_msg(fw, SAP_QUEUE_DATA, 0x1234, payload, 16);
}

static void hostile_short_payload(struct csme_fw *fw)
{
	static const struct {
		uint16_t type;
		uint16_t len;
	} m[] = {
		{ SAP_MSG_NOTIF_AMT_STATE, 2 },
		{ SAP_MSG_NOTIF_NIC_OWNER, 0 },
		{ SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ, 3 },
		{ SAP_MSG_NOTIF_CSME_CONN_STATUS, 40 },
		{ SAP_MSG_NOTIF_NVM, 100 },
		{ SAP_MSG_NOTIF_CSME_FILTERS, 1000 },
		{ SAP_MSG_NOTIF_PLDR_ACK, 4 },
	};
	unsigned int i;

	memset(fw->txbuf, 0, 1024);
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		hostile_msg(fw, SAP_QUEUE_NOTIF, m[i].type, fw->txbuf, m[i].len);
}

static void hostile_data_runt(struct csme_fw *fw)
{
	static const uint32_t lens[] = { 0, 1, 13 };
	uint8_t frame[16];
	unsigned int i;

	memset(frame, 0xff, sizeof(frame));
	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
		hostile_msg(fw, SAP_QUEUE_DATA, SAP_MSG_DATA_PACKET, frame, lens[i]);
}

static void hostile_too_big(struct csme_fw *fw)
{
	struct sap_filters f;
	uint32_t plen = 5000;
	int n;

	/* a valid CSME_FILTERS payload, padded to a 5008-byte notification */
	csme_build_filters(fw, &f);
	memset(fw->txbuf, 0, sizeof(struct sap_hdr) + plen);
	n = sap_msg_enc_filters(fw->txbuf, sizeof(fw->txbuf), 0, &f);
	if (n < 0)
		return;
	hostile_msg(fw, SAP_QUEUE_NOTIF, SAP_MSG_NOTIF_CSME_FILTERS,
		    fw->txbuf + sizeof(struct sap_hdr), plen);
}

static void hostile_bad_ssid(struct csme_fw *fw)
{
	struct sap_conn_params c;
	int n;

	memset(&c, 0, sizeof(c));
	c.ssid_len = 4;
	memcpy(c.ssid, "evil", 4);
	c.auth_mode = SAP_AUTH_MODE_RSNA_PSK;
	c.pairwise_cipher = SAP_CIPHER_CCMP;
	c.channel = 1;
	n = sap_msg_enc_conn_status(fw->txbuf, sizeof(fw->txbuf), 0, 1, 0, &c);
	if (n < 0)
		return;
	/* conn_info.ssid_len sits right after link_prot_state and scan_request */
	put_le32(fw->txbuf + sizeof(struct sap_hdr) + 8, 200);
	hostile_msg(fw, SAP_QUEUE_NOTIF, SAP_MSG_NOTIF_CSME_CONN_STATUS,
		    fw->txbuf + sizeof(struct sap_hdr), (uint32_t)n - sizeof(struct sap_hdr));
}

static void hostile_wrong_owner(struct csme_fw *fw)
{
	uint8_t val[4];

	put_le32(val, 77);
	hostile_msg(fw, SAP_QUEUE_NOTIF, SAP_MSG_NOTIF_NIC_OWNER, val, 4);
}

static void hostile_flood(struct csme_fw *fw)
{
	uint8_t buf[sizeof(struct sap_me_msg_start)];
	int r;

	while (fw->flood_left) {
		if (sap_me_enc_csa(buf, sizeof(buf), fw->me_seq) < 0)
			return;
		r = csme_fw_send_me(fw, buf, 12, false);
		if (r == -ENOBUFS)
			return;		/* the rest when the queue drains */
		if (r) {
			fw->flood_left = 0;
			return;
		}
		fw->me_seq++;
		fw->flood_left--;
		fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
	}
}

static void hostile_apply(struct csme_fw *fw)
{
	enum csme_hostile m = fw->hostile;

	fw->hostile = HOSTILE_OFF;
	fw->hostile_armed = false;
	fw->cnt[CSME_C_HOSTILE_APPLIED]++;
	csme_log("hostile %s applied", csme_hostile_name(m));
	switch (m) {
	case HOSTILE_ME_GARBAGE:
		hostile_me_garbage(fw);
		break;
	case HOSTILE_RING_PTR:
		hostile_ring_ptr(fw);
		break;
	case HOSTILE_RING_OVERRUN:
		hostile_ring_overrun(fw);
		break;
	case HOSTILE_BAD_TYPE:
		hostile_bad_type(fw);
		break;
	case HOSTILE_SHORT_PAYLOAD:
		hostile_short_payload(fw);
		break;
	case HOSTILE_DATA_RUNT:
		hostile_data_runt(fw);
		break;
	case HOSTILE_NOTIF_TOO_BIG:
		hostile_too_big(fw);
		break;
	case HOSTILE_BAD_SSID:
		hostile_bad_ssid(fw);
		break;
	case HOSTILE_CSA_FLOOD:
		fw->flood_left = HOSTILE_FLOOD_COUNT;
		hostile_flood(fw);
		break;
	case HOSTILE_WRONG_OWNER:
		hostile_wrong_owner(fw);
		break;
	case HOSTILE_HOST_PTR:
		hostile_host_ptr(fw);
		break;
	default:
		csme_edge_apply(fw, m);
		break;
	}
}

/* ---- random ------------------------------------------------------------- */

static void hostile_random_one(struct csme_fw *fw)
{
	static const uint16_t dw_types[] = {
		SAP_MSG_NOTIF_AMT_STATE, SAP_MSG_NOTIF_NIC_OWNER,
		SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ,
	};
	uint8_t buf[512];
	uint32_t n;

	switch (hrand(fw, 8)) {
	case 0:		/* random ME message, sometimes with a real type */
		n = 1 + hrand(fw, CSME_ME_MSG_MAX);
		hrand_fill(fw, buf, n);
		if (n >= 4 && hrand(fw, 2))
			put_le32(buf, 1 + hrand(fw, 4));
		hostile_me(fw, buf, n);
		break;
	case 1:		/* any type, any payload, consistent framing */
		n = hrand(fw, 300);
		hrand_fill(fw, buf, n);
		hostile_msg(fw, SAP_QUEUE_NOTIF,
			    hrand(fw, 2) ? (uint16_t)hrand(fw, 0x10000)
					 : (uint16_t)(500 + hrand(fw, 20)), buf, n);
		break;
	case 2:		/* raw bytes, framing and all */
		n = 1 + hrand(fw, 64);
		hrand_fill(fw, buf, n);
		hostile_raw(fw, SAP_QUEUE_NOTIF, buf, n);
		break;
	case 3:
		n = 1 + hrand(fw, 64);
		hrand_fill(fw, buf, n);
		hostile_raw(fw, SAP_QUEUE_DATA, buf, n);
		break;
	case 4:		/* data packets of any length, runts included */
		n = hrand(fw, 200);
		hrand_fill(fw, buf, n);
		hostile_msg(fw, SAP_QUEUE_DATA, SAP_MSG_DATA_PACKET, buf, n);
		break;
	case 5:		/* valid framing, values out of range or surprising */
		put_le32(buf, hrand(fw, 4) == 0 ? (uint32_t)csme_rand(&fw->rng) : hrand(fw, 4));
		hostile_msg(fw, SAP_QUEUE_NOTIF, dw_types[hrand(fw, 3)], buf, 4);
		break;
	case 6:		/* now and then, a wild producer pointer */
		if (fw->rings_up && !hrand(fw, 16)) {
			struct sap_ring *r = &fw->m2h[hrand(fw, 2)];

			WRITE_ONCE(*r->wr_ptr, cpu_to_le32((uint32_t)csme_rand(&fw->rng)));
			fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
		}
		fw->csa_pending = fw->rings_up;
		break;
	default:	/* a plain doorbell */
		if (sap_me_enc_csa(buf, sizeof(buf), fw->me_seq++) > 0)
			hostile_me(fw, buf, 12);
		break;
	}
}

/* ---- entry points ------------------------------------------------------- */

static void csme_hostile_restore(struct csme_fw *fw)
{
	int q;

	if (!fw->rings_up)
		return;
	for (q = 0; q < SAP_QUEUE_NUM; q++)
		WRITE_ONCE(*fw->m2h[q].wr_ptr, cpu_to_le32(fw->m2h[q].own));
}

void csme_hostile_set(struct csme_fw *fw, enum csme_hostile m, uint64_t now)
{
	csme_hostile_restore(fw);
	fw->hostile = m;
	fw->hostile_armed = false;
	if (m == HOSTILE_OFF) {
		fw->flood_left = 0;	/* a flood still going stops too */
		csme_log("hostile off");
		return;
	}
	if (csme_hostile_oneshot(m)) {
		if (!hostile_at_start(m) && csme_fw_session_up(fw)) {
			hostile_apply(fw);
		} else {
			fw->hostile_armed = true;
			csme_log("hostile %s armed", csme_hostile_name(m));
		}
		return;
	}
	fw->hostile_next_ms = now;
	csme_log("hostile %s on", csme_hostile_name(m));
}

/**
 * csme_hostile_start_ok() - the START_OK of an armed start-ok-* mode
 * @fw: firmware
 * @version: version the host offered
 * @buf: output
 * @len: size of @buf (at least 20)
 *
 * Return: bytes to send instead of a valid START_OK, 0 for none.
 */
int csme_hostile_start_ok(struct csme_fw *fw, uint8_t version, uint8_t *buf, size_t len)
{
	enum csme_hostile m = fw->hostile;
	int n;

	if (!fw->hostile_armed || !hostile_bad_start_ok(m))
		return 0;
	n = sap_me_enc_start_ok(buf, (uint32_t)len, fw->me_seq++, version);
	if (n < 0)
		return 0;
	if (m == HOSTILE_START_OK_SHORT) {
		n = 19;
		put_le32(buf + 8, 19);
	} else {
		buf[16] = version == SAP_VERSION_4 ? SAP_VERSION_3 : SAP_VERSION_4;
	}
	fw->hostile = HOSTILE_OFF;
	fw->hostile_armed = false;
	fw->cnt[CSME_C_HOSTILE_APPLIED]++;
	fw->cnt[CSME_C_HOSTILE_ACTIONS]++;
	csme_log("hostile %s applied", csme_hostile_name(m));
	return n;
}

void csme_hostile_after_handshake(struct csme_fw *fw)
{
	if (fw->hostile_armed && !hostile_at_start(fw->hostile))
		hostile_apply(fw);
}

void csme_hostile_tick(struct csme_fw *fw, uint64_t now)
{
	int i, n;

	if (fw->flood_left)
		hostile_flood(fw);
	csme_edge_tick(fw, now);
	if (fw->hostile == HOSTILE_STORM) {
		/* what the random mode does, as fast as the rings take it */
		for (i = 0; i < HOSTILE_STORM_BATCH; i++)
			hostile_random_one(fw);
		return;
	}
	if (fw->hostile != HOSTILE_RANDOM || now < fw->hostile_next_ms)
		return;
	fw->hostile_next_ms = now + HOSTILE_RANDOM_MS;
	n = 1 + (int)hrand(fw, 4);
	for (i = 0; i < n; i++)
		hostile_random_one(fw);
}

bool csme_hostile_blocks_drain(const struct csme_fw *fw)
{
	return fw->hostile == HOSTILE_NO_DRAIN;
}

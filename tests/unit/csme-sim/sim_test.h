/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the csme-sim unit tests: the host's side of an in-memory
 * shared area (laid out and initialised as sap_host does, with the SAP
 * core's host-side rings and encoders) and a test double for the
 * firmware's environment (captures ME messages, seizes, port frames).
 */
#ifndef SIM_TEST_H
#define SIM_TEST_H

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "daemon.h"
#include "data.h"
#include "hostile.h"
#include "log.h"
#include "print.h"
#include "sap_fw.h"
#include "status.h"
#include "transport.h"

#define DBL_ME_MAX	64

/* ---- environment double -------------------------------------------------- */

struct dbl {
	uint8_t me[DBL_ME_MAX][CSME_ME_MSG_MAX];
	size_t me_len[DBL_ME_MAX];
	int n_me;		/* stored */
	int n_me_total;		/* all sends, stored or not */
	int n_csa;		/* doorbells among them */
	int me_ret;		/* forced result of me_send */
	int seizes;
	int seize_ret;
	int resets;
	int reset_ret;
	int port_frames;
	uint8_t port_last[2048];
	size_t port_len;
	int port_ret;
	/* notifications from the firmware */
	int notes[CSME_OP__COUNT];
	int note_err[CSME_OP__COUNT];
	char note_text[CSME_OP__COUNT][160];
};

static inline int dbl_me_send(void *ctx, const void *buf, size_t len, bool mergeable)
{
	struct dbl *d = ctx;
	uint32_t type;

	(void)mergeable;
	if (d->me_ret)
		return d->me_ret;
	d->n_me_total++;
	if (len >= 4) {
		memcpy(&type, buf, 4);
		if (type == SAP_ME_MSG_CHECK_SHARED_AREA)
			d->n_csa++;
	}
	if (d->n_me < DBL_ME_MAX && len <= CSME_ME_MSG_MAX) {
		memcpy(d->me[d->n_me], buf, len);
		d->me_len[d->n_me] = len;
		d->n_me++;
	}
	return 0;
}

static inline int dbl_fw_reset(void *ctx)
{
	struct dbl *d = ctx;

	d->resets++;
	return d->reset_ret;
}

static inline int dbl_hw_seize(void *ctx)
{
	struct dbl *d = ctx;

	d->seizes++;
	return d->seize_ret;
}

static inline int dbl_port_send(void *ctx, const void *frame, size_t len)
{
	struct dbl *d = ctx;

	if (d->port_ret)
		return d->port_ret;
	d->port_frames++;
	d->port_len = len < sizeof(d->port_last) ? len : sizeof(d->port_last);
	memcpy(d->port_last, frame, d->port_len);
	return 0;
}

static inline void dbl_notify(void *ctx, enum csme_op op, int err, const char *text)
{
	struct dbl *d = ctx;

	d->notes[op]++;
	d->note_err[op] = err;
	snprintf(d->note_text[op], sizeof(d->note_text[op]), "%s", text);
}

static const struct csme_env_ops dbl_ops __attribute__((unused)) = {
	.me_send = dbl_me_send,
	.fw_reset = dbl_fw_reset,
	.hw_seize = dbl_hw_seize,
	.port_send = dbl_port_send,
};

static inline void dbl_clear_me(struct dbl *d)
{
	d->n_me = 0;
	d->n_me_total = 0;
	d->n_csa = 0;
}

/* ---- host view ------------------------------------------------------------- */

struct host {
	uint8_t *mem;
	uint32_t size;
	struct sap_area a;
	struct sap_ring h2m[SAP_QUEUE_NUM];
	struct sap_ring m2h[SAP_QUEUE_NUM];
	uint32_t seq;
	uint32_t me_seq;
	uint8_t buf[SAP_M2H_NOTIF_Q_SIZE];
	struct sap_msg msg;
};

/* Allocate exactly @size bytes (ASan sees any overrun) and set it up as
 * sap_host would for @version.
 */
static inline int host_init(struct host *h, uint8_t version, uint32_t size)
{
	int d, q;

	memset(h, 0, sizeof(*h));
	h->mem = aligned_alloc(4096, size);
	if (!h->mem)
		return -ENOMEM;
	h->size = size;
	if (sap_area_layout(&h->a, h->mem, size, version))
		return -EINVAL;
	sap_area_init(&h->a);
	for (d = 0; d < SAP_DIR_NUM; d++)
		for (q = 0; q < SAP_QUEUE_NUM; q++)
			if (sap_area_ring(&h->a, SAP_SIDE_HOST, d, q,
					  d == SAP_DIR_H2M ? &h->h2m[q] : &h->m2h[q]))
				return -EINVAL;
	h->seq = 1;
	h->me_seq = 1;
	return 0;
}

static inline void host_fini(struct host *h)
{
	free(h->mem);
	h->mem = NULL;
}

/* write an encoded message into an H2M ring */
static inline int host_put(struct host *h, enum sap_queue_idx q, const void *buf, int len)
{
	if (len < 0)
		return len;
	return sap_ring_write(&h->h2m[q], buf, (uint32_t)len, NULL, 0) ? -ENOSPC : 0;
}

static inline int host_empty(struct host *h, uint16_t type)
{
	uint8_t b[16];

	return host_put(h, SAP_QUEUE_NOTIF, b, sap_msg_enc_empty(b, sizeof(b), type, h->seq++));
}

static inline int host_dw(struct host *h, uint16_t type, uint32_t val)
{
	uint8_t b[16];

	return host_put(h, SAP_QUEUE_NOTIF, b, sap_msg_enc_dw(b, sizeof(b), type, h->seq++, val));
}

/* raw message with any header */
static inline int host_raw(struct host *h, enum sap_queue_idx q, uint16_t type, const void *p,
		    uint16_t plen)
{
	struct sap_hdr hdr;

	hdr.type = cpu_to_le16(type);
	hdr.len = cpu_to_le16(plen);
	hdr.seq_num = cpu_to_le32(h->seq++);
	return sap_ring_write(&h->h2m[q], &hdr, sizeof(hdr), p, plen) ? -ENOSPC : 0;
}

static inline int host_frame(struct host *h, const uint8_t *frame, uint32_t len)
{
	uint8_t hdr[8];
	int n = sap_msg_enc_data_hdr(hdr, sizeof(hdr), h->seq++, len);

	if (n < 0)
		return n;
	return sap_ring_write(&h->h2m[SAP_QUEUE_DATA], hdr, 8, frame, len) ? -ENOSPC : 0;
}

static inline int host_cb_frame(struct host *h, const uint8_t *frame, uint32_t len)
{
	uint8_t hdr[48];
	int n = sap_msg_enc_cb_data_hdr(hdr, sizeof(hdr), h->seq++, len,
					SAP_CB_TX_DHCP_FILT_STATUS);

	if (n < 0)
		return n;
	return sap_ring_write(&h->h2m[SAP_QUEUE_DATA], hdr, 48, frame, len) ? -ENOSPC : 0;
}

/* the host's START, straight into the firmware */
static inline void host_start(struct host *h, struct csme_fw *fw, uint8_t version)
{
	uint8_t b[CSME_ME_MSG_MAX];

	(void)h;
	sap_me_enc_start(b, sizeof(b), h->me_seq++, version);
	csme_fw_me_rx(fw, b, 88, fw->now_ms);
}

static inline void host_csa(struct host *h, struct csme_fw *fw)
{
	uint8_t b[sizeof(struct sap_me_msg_start)];
	int n = sap_me_enc_csa(b, sizeof(b), h->me_seq++);

	csme_fw_me_rx(fw, b, (size_t)n, fw->now_ms);
}

/*
 * Next M2H message of queue @q, decoded as the host does; returns the core
 * reason (SAP_R_EMPTY when nothing is left), ring errors included.
 */
static inline enum sap_reason host_next(struct host *h, enum sap_queue_idx q)
{
	enum sap_reason r;
	uint32_t len;

	r = sap_ring_read(&h->m2h[q], h->buf, q == SAP_QUEUE_NOTIF ? SAP_M2H_NOTIF_MAX_LEN
								  : sizeof(h->buf), &len);
	if (r)
		return r;
	return sap_msg_decode(h->buf, len, SAP_DIR_M2H, q, &h->msg);
}

/* skip M2H notifications until one of @type (decoded in h->msg) */
static inline bool host_find(struct host *h, uint16_t type)
{
	enum sap_reason r;

	while ((r = host_next(h, SAP_QUEUE_NOTIF)) != SAP_R_EMPTY)
		if (r == SAP_OK && h->msg.type == type)
			return true;
	return false;
}

static inline void host_discard(struct host *h)
{
	sap_ring_discard(&h->m2h[SAP_QUEUE_NOTIF]);
	sap_ring_discard(&h->m2h[SAP_QUEUE_DATA]);
}

/* ---- a firmware on the heap ------------------------------------------------- */

struct sim {
	struct csme_fw *fw;
	struct amt_net *net;
	struct dbl d;
	struct host h;
};

static inline void sim_init(struct sim *s, const struct csme_cfg *cfg)
{
	memset(&s->d, 0, sizeof(s->d));
	s->net = calloc(1, sizeof(*s->net));
	s->fw = calloc(1, sizeof(*s->fw));
	csme_data_net_init(s->fw, s->net, 1234);
	csme_fw_init(s->fw, cfg, &dbl_ops, &s->d, s->net);
	csme_fw_set_notify(s->fw, dbl_notify, &s->d);
	csme_fw_attached(s->fw, true);
}

/* map a fresh host area of @version and handshake offering @offer */
static inline void sim_connect(struct sim *s, uint8_t version, uint8_t offer)
{
	uint32_t size = sap_area_map_size(version);

	host_init(&s->h, version, size);
	csme_fw_map(s->fw, s->h.mem, size, s->fw->gen + 1);
	csme_fw_enable(s->fw, true, s->fw->gen + 1);
	host_start(&s->h, s->fw, offer);
	csme_fw_flush(s->fw);
}

static inline void sim_fini(struct sim *s)
{
	csme_fw_unmap(s->fw);
	host_fini(&s->h);
	free(s->fw);
	free(s->net);
}

#endif /* SIM_TEST_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * sap_host over fwctl: a fwctl device (uAPI include/uapi/fwctl/sap.h) that
 * exists while sap_host has a transport, child of the transport's device.
 *
 * Every op has a minimum scope (sap_fwctl_ops[]); the fwctl core has
 * already enforced the generic rules (taint on the write scopes,
 * CAP_SYS_RAWIO for write-full). Readings take sap_host's mutex; actions
 * call sap_host's own functions (the one transmit path, the ownership
 * request), never a send path of their own.
 *
 * Lifetime: sap_fwctl_add() at probe, sap_fwctl_del() first thing at
 * remove, outside sap_host's mutex because fwctl_unregister() waits for
 * RPCs in flight, which take it. A CSME firmware reset is a remove and a
 * probe of the transport: the device goes and a new one comes (open files
 * get ENODEV), while counters and the flight recorder, which belong to
 * sap_host, carry on and show the reset.
 */
#include <linux/fwctl.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <linux/ktime.h>
#include <asm/unaligned.h>

#include "internal.h"
#include "sap_fwctl_ops.h"

#define SAP_FWCTL_PING_TIMEOUT_MS	500
#define SAP_FWCTL_PING_POLL_US		1000

/**
 * struct sap_fwctl - the fwctl device of a bound transport
 * @fwctl: fwctl core device, first
 * @h: the SAP host
 * @t: the transport it was registered for
 */
struct sap_fwctl {
	struct fwctl_device fwctl;
	struct sap_host *h;
	struct sap_transport *t;
};

/**
 * struct sap_fwctl_rpc - one request being served
 * @h: host
 * @req: request header
 * @in: payload of the request
 * @in_len: its length
 * @resp: response being built
 * @room: payload bytes that fit in @resp
 */
struct sap_fwctl_rpc {
	struct sap_host *h;
	const struct fwctl_sap_req *req;
	const u8 *in;
	u32 in_len;
	struct fwctl_sap_resp *resp;
	u32 room;
};

/* Not served in this state: the ioctl succeeds, the header says why. */
static int sap_fwctl_refuse(struct sap_fwctl_rpc *r, int err, u32 why)
{
	r->resp->status = err;
	r->resp->why = why;
	return 0;
}

/* Why the session cannot take a request now, or 0 if it can. */
static u32 sap_fwctl_why_not_connected(const struct sap_host *h)
{
	switch (h->state) {
	case SAP_ST_CONNECTED:
	case SAP_ST_ACTIVE:
		return FWCTL_SAP_WHY_NONE;
	case SAP_ST_GOING_DOWN:
		return FWCTL_SAP_WHY_GOING_DOWN;
	case SAP_ST_STARTING:
		return FWCTL_SAP_WHY_NO_SESSION;
	default:
		return FWCTL_SAP_WHY_NO_DRIVER;
	}
}

static u32 sap_fwctl_why_errno(int err)
{
	switch (err) {
	case -EBUSY:
		return FWCTL_SAP_WHY_DENIED;
	case -ETIMEDOUT:
		return FWCTL_SAP_WHY_TIMEOUT;
	case -ENOSPC:
		return FWCTL_SAP_WHY_RING_FULL;
	case -ENOTCONN:
		return FWCTL_SAP_WHY_NO_SESSION;
	default:
		return FWCTL_SAP_WHY_NONE;
	}
}

/* An action's error: a state the caller can read about, or an errno. */
static int sap_fwctl_result(struct sap_fwctl_rpc *r, int err)
{
	u32 why = sap_fwctl_why_errno(err);

	if (!err)
		return 0;
	if (why == FWCTL_SAP_WHY_NONE)
		return err;
	return sap_fwctl_refuse(r, why == FWCTL_SAP_WHY_RING_FULL ||
				why == FWCTL_SAP_WHY_NO_SESSION ? EAGAIN : -err, why);
}

/* Copy what fits of a payload of @len bytes. */
static void sap_fwctl_put(struct sap_fwctl_rpc *r, const void *data, u32 len)
{
	memcpy(r->resp->payload, data, min(len, r->room));
	r->resp->len = len;
}

static int sap_fwctl_status(struct sap_fwctl_rpc *r)
{
	struct sap_host *h = r->h;
	const struct sap_host_cfg *c = &h->cfg;
	struct fwctl_sap_status st = {};
	u64 own_ns;
	int i, j;

	scoped_guard(mutex, &h->lock) {
		st.state = h->state;
		st.sap_version = h->mem ? h->version : 0;
		st.link_prot_state = h->link_prot_state;
		st.session = h->session;
		st.radio_state = c->rf_kill;
		if (h->amt_enabled)
			st.flags |= FWCTL_SAP_F_AMT;
		if (h->got_ownership || !sap_active(h))
			st.flags |= FWCTL_SAP_F_HOST_OWNS;
		if (h->csme_taking_ownership)
			st.flags |= FWCTL_SAP_F_CSME_TAKING;
		if (c->ops)
			st.flags |= FWCTL_SAP_F_DRIVER;
		if (c->device_up)
			st.flags |= FWCTL_SAP_F_DEVICE_UP;
		if (rcu_access_pointer(h->filters))
			st.flags |= FWCTL_SAP_F_FILTERS;
		if (c->mcc_valid) {
			st.flags |= FWCTL_SAP_F_COUNTRY;
			st.country = c->mcc;
		}
		if (c->conn_valid) {
			st.flags |= FWCTL_SAP_F_LINK_UP;
			st.channel = c->conn.channel;
			st.band = c->conn.band;
			st.ssid_len = min_t(u32, c->conn.ssid_len, sizeof(st.ssid));
			memcpy(st.ssid, c->conn.ssid, st.ssid_len);
			memcpy(st.bssid, c->conn.bssid, sizeof(st.bssid));
		}
		if (c->sar_valid) {
			st.flags |= FWCTL_SAP_F_POWER_LIMIT;
			for (i = 0; i < SAP_SAR_NUM_CHAINS; i++)
				for (j = 0; j < SAP_SAR_NUM_SUBBANDS; j++)
					st.power_limit[i * SAP_SAR_NUM_SUBBANDS + j] = c->sar[i][j];
		}
		memcpy(st.mac, c->mac, sizeof(st.mac));
		memcpy(st.nvm_mac, c->nvm_mac, sizeof(st.nvm_mac));
	}
	st.own_msg = READ_ONCE(h->rec.own_msg);
	if (st.own_msg) {
		st.own_dir = READ_ONCE(h->rec.own_dir);
		own_ns = READ_ONCE(h->rec.own_ns);
		st.own_age_ms = div_u64(ktime_get_ns() - own_ns, NSEC_PER_MSEC);
	}
	sap_fwctl_put(r, &st, sizeof(st));
	return 0;
}

static void sap_fwctl_counter(struct fwctl_sap_counters *out, u32 *n, u32 max,
			      const char *name, u32 val)
{
	if (*n < max) {
		strscpy(out->c[*n].name, name, sizeof(out->c[*n].name));
		out->c[*n].value = val;
	}
	(*n)++;
}

static int sap_fwctl_counters(struct sap_fwctl_rpc *r)
{
	struct fwctl_sap_counters *out = (void *)r->resp->payload;
	struct sap_host *h = r->h;
	char name[sizeof(out->c[0].name)];
	u32 n = 0, max = 0;
	int i;

	if (r->room < sizeof(*out)) {
		r->resp->len = sizeof(*out);
		return 0;
	}
	max = (r->room - sizeof(*out)) / sizeof(out->c[0]);
	guard(mutex)(&h->lock);
	for (i = 0; i < SAP_CNT__NUM; i++)
		sap_fwctl_counter(out, &n, max, sap_cnt_names[i], h->cnt[i]);
	for (i = 1; i < SAP_R_COUNT; i++) {
		if (!h->reasons.n[i])
			continue;
		snprintf(name, sizeof(name), "rejected_%s", sap_reason_id(i));
		sap_fwctl_counter(out, &n, max, name, h->reasons.n[i]);
	}
	for (i = 0; i < SAP_QUEUE_NUM && h->mem; i++) {
		snprintf(name, sizeof(name), "ring_h2m%d_full", i);
		sap_fwctl_counter(out, &n, max, name, h->h2m[i].cnt.n[SAP_R_RING_FULL]);
		snprintf(name, sizeof(name), "ring_m2h%d_bad_ptr", i);
		sap_fwctl_counter(out, &n, max, name,
				  h->m2h[i].cnt.n[SAP_R_RING_PTR_RANGE] +
				  h->m2h[i].cnt.n[SAP_R_RING_OWN_PTR]);
	}
	out->num = min(n, max);
	out->entry_len = sizeof(out->c[0]);
	r->resp->len = sizeof(*out) + n * sizeof(out->c[0]);
	return 0;
}

static int sap_fwctl_filters(struct sap_fwctl_rpc *r)
{
	struct {
		struct fwctl_sap_filters f;
		struct sap_oob_filters wire;
	} __packed out = {};
	const struct sap_host_filters *cur;
	struct sap_host *h = r->h;

	scoped_guard(mutex, &h->lock) {
		cur = rcu_dereference_protected(h->filters, lockdep_is_held(&h->lock));
		if (cur) {
			out.f.valid = 1;
			sap_filters_to_wire(&out.wire, &cur->f);
		}
	}
	out.f.wire_len = sizeof(out.wire);
	sap_fwctl_put(r, &out, sizeof(out));
	return 0;
}

static int sap_fwctl_log(struct sap_fwctl_rpc *r)
{
	struct fwctl_sap_log *out = (void *)r->resp->payload;
	u32 max, next;

	if (r->room < sizeof(*out)) {
		r->resp->len = sizeof(*out);
		return 0;
	}
	max = min_t(u32, (r->room - sizeof(*out)) / sizeof(out->e[0]), SAP_REC_LEN);
	out->num = sap_rec_read(&r->h->rec, r->req->arg0, out->e, max, &next);
	out->next = next;
	out->capacity = SAP_REC_LEN;
	out->entry_len = sizeof(out->e[0]);
	r->resp->len = sizeof(*out) + out->num * sizeof(out->e[0]);
	return 0;
}

static void sap_fwctl_ring(struct fwctl_sap_ring *out, const struct sap_ring *ring)
{
	out->size = ring->size;
	out->wr = le32_to_cpu(READ_ONCE(*ring->wr_ptr));
	out->rd = le32_to_cpu(READ_ONCE(*ring->rd_ptr));
	if (out->wr >= out->size || out->rd >= out->size)
		out->used = 0;
	else if (out->wr >= out->rd)
		out->used = out->wr - out->rd;
	else
		out->used = out->size - out->rd + out->wr;
}

static int sap_fwctl_rings(struct sap_fwctl_rpc *r)
{
	struct fwctl_sap_rings out = {};
	struct sap_host *h = r->h;

	scoped_guard(mutex, &h->lock) {
		if (h->mem) {
			out.valid = 1;
			out.map_size = h->map_size;
			sap_fwctl_ring(&out.h2m_notif, &h->h2m[SAP_QUEUE_NOTIF]);
			sap_fwctl_ring(&out.h2m_data, &h->h2m[SAP_QUEUE_DATA]);
			sap_fwctl_ring(&out.m2h_notif, &h->m2h[SAP_QUEUE_NOTIF]);
			sap_fwctl_ring(&out.m2h_data, &h->m2h[SAP_QUEUE_DATA]);
		}
	}
	sap_fwctl_put(r, &out, sizeof(out));
	return 0;
}

static int sap_fwctl_own_request(struct sap_fwctl_rpc *r)
{
	struct sap_host *h = r->h;
	u32 why;
	int ret;

	/* Not a guard: the wait drops and retakes the lock. */
	mutex_lock(&h->lock);
	why = sap_fwctl_why_not_connected(h);
	if (why) {
		mutex_unlock(&h->lock);
		return sap_fwctl_refuse(r, EAGAIN, why);
	}
	if (!sap_active(h)) {
		mutex_unlock(&h->lock);
		return sap_fwctl_refuse(r, 0, FWCTL_SAP_WHY_NO_AMT);
	}
	ret = sap_own_request(h, true);
	mutex_unlock(&h->lock);
	return sap_fwctl_result(r, ret);
}

static int sap_fwctl_own_give(struct sap_fwctl_rpc *r)
{
	struct sap_host *h = r->h;
	u32 why;

	guard(mutex)(&h->lock);
	why = sap_fwctl_why_not_connected(h);
	if (why)
		return sap_fwctl_refuse(r, EAGAIN, why);
	if (!h->csme_taking_ownership)
		return sap_fwctl_refuse(r, EBUSY, FWCTL_SAP_WHY_NOT_ASKED);
	return sap_fwctl_result(r, sap_own_confirm_csme_take(h));
}

/* Ask CSME who owns the NIC (it always answers, NIC_OWNER) and wait for
 * any notification from it: a round trip through both rings.
 */
static int sap_fwctl_ping(struct sap_fwctl_rpc *r)
{
	struct fwctl_sap_ping out = {};
	struct sap_host *h = r->h;
	u32 rx, session, waited = 0;
	ktime_t t0;
	u32 why;
	int ret;

	scoped_guard(mutex, &h->lock) {
		why = sap_fwctl_why_not_connected(h);
		if (why)
			return sap_fwctl_refuse(r, EAGAIN, why);
		rx = h->cnt[SAP_CNT_NOTIF_RX];
		session = h->session;
		t0 = ktime_get();
		ret = sap_send_empty(h, SAP_MSG_NOTIF_WHO_OWNS_NIC);
		if (ret)
			return sap_fwctl_result(r, ret);
	}
	while (READ_ONCE(h->cnt[SAP_CNT_NOTIF_RX]) == rx &&
	       READ_ONCE(h->session) == session) {
		if (waited >= SAP_FWCTL_PING_TIMEOUT_MS * USEC_PER_MSEC)
			return sap_fwctl_refuse(r, ETIMEDOUT, FWCTL_SAP_WHY_TIMEOUT);
		usleep_range(SAP_FWCTL_PING_POLL_US, 2 * SAP_FWCTL_PING_POLL_US);
		waited += SAP_FWCTL_PING_POLL_US;
	}
	if (READ_ONCE(h->session) != session)
		return sap_fwctl_refuse(r, EAGAIN, FWCTL_SAP_WHY_GOING_DOWN);
	out.rtt_us = ktime_us_delta(ktime_get(), t0);
	sap_fwctl_put(r, &out, sizeof(out));
	return 0;
}

static int sap_fwctl_restart(struct sap_fwctl_rpc *r)
{
	struct sap_host *h = r->h;

	guard(mutex)(&h->lock);
	switch (h->state) {
	case SAP_ST_STARTING:
		return sap_send_start(h);
	case SAP_ST_CONNECTED:
	case SAP_ST_ACTIVE:
		return sap_fwctl_refuse(r, EBUSY, FWCTL_SAP_WHY_SESSION_UP);
	case SAP_ST_GOING_DOWN:
		return sap_fwctl_refuse(r, EAGAIN, FWCTL_SAP_WHY_GOING_DOWN);
	default:
		return sap_fwctl_refuse(r, EAGAIN, FWCTL_SAP_WHY_NO_DRIVER);
	}
}

static int sap_fwctl_raw(struct sap_fwctl_rpc *r)
{
	struct sap_host *h = r->h;
	enum sap_reason res;
	u32 why;

	if (r->in_len < sizeof(struct sap_hdr) || r->in_len > SAP_HOST_TX_BUF)
		return -EINVAL;
	struct sap_msg *msg __free(kfree) = kmalloc(sizeof(*msg), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	/* Only what a host may send, well formed: CSME's parser is not ours
	 * to fuzz through this door.
	 */
	res = sap_msg_decode(r->in, r->in_len, SAP_DIR_H2M, SAP_QUEUE_NOTIF, msg);
	if (res != SAP_OK)
		return -EINVAL;

	guard(mutex)(&h->lock);
	why = sap_fwctl_why_not_connected(h);
	if (why)
		return sap_fwctl_refuse(r, EAGAIN, why);
	memcpy(h->txbuf, r->in, r->in_len);
	return sap_fwctl_result(r, sap_send_notif(h, r->in_len));
}

static int sap_fwctl_serve(struct sap_fwctl_rpc *r)
{
	switch (r->req->op) {
	case FWCTL_SAP_OP_STATUS:
		return sap_fwctl_status(r);
	case FWCTL_SAP_OP_COUNTERS:
		return sap_fwctl_counters(r);
	case FWCTL_SAP_OP_FILTERS:
		return sap_fwctl_filters(r);
	case FWCTL_SAP_OP_LOG:
		return sap_fwctl_log(r);
	case FWCTL_SAP_OP_RINGS:
		return sap_fwctl_rings(r);
	case FWCTL_SAP_OP_OWN_REQUEST:
		return sap_fwctl_own_request(r);
	case FWCTL_SAP_OP_OWN_GIVE:
		return sap_fwctl_own_give(r);
	case FWCTL_SAP_OP_PING:
		return sap_fwctl_ping(r);
	case FWCTL_SAP_OP_RESTART:
		return sap_fwctl_restart(r);
	case FWCTL_SAP_OP_RAW:
		return sap_fwctl_raw(r);
	}
	return -EOPNOTSUPP;
}

static struct sap_host *sap_fwctl_host(struct fwctl_uctx *uctx)
{
	return container_of(uctx->fwctl, struct sap_fwctl, fwctl)->h;
}

static int sap_fwctl_open_uctx(struct fwctl_uctx *uctx)
{
	return 0;
}

static void sap_fwctl_close_uctx(struct fwctl_uctx *uctx)
{
}

static void *sap_fwctl_info(struct fwctl_uctx *uctx, size_t *length)
{
	struct sap_host *h = sap_fwctl_host(uctx);
	struct fwctl_info_sap *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return ERR_PTR(-ENOMEM);
	info->log_capacity = SAP_REC_LEN;
	scoped_guard(mutex, &h->lock) {
		info->sap_version = h->mem ? h->version : 0;
		if (h->t)
			strscpy(info->transport, h->t->name, sizeof(info->transport));
	}
	*length = sizeof(*info);
	return info;
}

static void *sap_fwctl_rpc(struct fwctl_uctx *uctx, enum fwctl_rpc_scope scope,
			   void *rpc_in, size_t in_len, size_t *out_len)
{
	struct sap_fwctl_rpc r = { .h = sap_fwctl_host(uctx), .req = rpc_in };
	const struct sap_fwctl_op_desc *op;
	u32 hdr_len;
	int ret;

	if (in_len < sizeof(*r.req))
		return ERR_PTR(-EINVAL);
	hdr_len = r.req->hdr_len;
	if (hdr_len < sizeof(*r.req) || hdr_len > in_len)
		return ERR_PTR(-EINVAL);
	if (memchr_inv((u8 *)rpc_in + sizeof(*r.req), 0, hdr_len - sizeof(*r.req)))
		return ERR_PTR(-E2BIG);
	if (r.req->flags)
		return ERR_PTR(-EINVAL);
	op = sap_fwctl_op_desc(r.req->op);
	if (!op)
		return ERR_PTR(-EOPNOTSUPP);
	if (scope < op->scope)
		return ERR_PTR(-EPERM);
	if (op->op != FWCTL_SAP_OP_RAW && in_len != hdr_len)
		return ERR_PTR(-EINVAL);
	if (op->op != FWCTL_SAP_OP_LOG && r.req->arg0)
		return ERR_PTR(-EINVAL);
	if (*out_len < sizeof(*r.resp))
		return ERR_PTR(-ENOSPC);

	r.in = (u8 *)rpc_in + hdr_len;
	r.in_len = in_len - hdr_len;
	r.room = *out_len - sizeof(*r.resp);
	r.resp = kvzalloc(*out_len, GFP_KERNEL);
	if (!r.resp)
		return ERR_PTR(-ENOMEM);
	r.resp->hdr_len = sizeof(*r.resp);
	r.resp->op = op->op;

	ret = sap_fwctl_serve(&r);
	if (ret) {
		kvfree(r.resp);
		return ERR_PTR(ret);
	}
	*out_len = sizeof(*r.resp) + min(r.resp->len, r.room);
	return r.resp;
}

static const struct fwctl_ops sap_fwctl_fwctl_ops = {
	.device_type = FWCTL_DEVICE_TYPE_FWGATE_SAP,
	.uctx_size = sizeof(struct fwctl_uctx),
	.open_uctx = sap_fwctl_open_uctx,
	.close_uctx = sap_fwctl_close_uctx,
	.info = sap_fwctl_info,
	.fw_rpc = sap_fwctl_rpc,
};

/**
 * sap_fwctl_add() - register the fwctl device of a newly bound transport
 * @h: host, locked, just bound to @h->t
 *
 * A failure is logged and leaves the transport working without the
 * device: it is a window on sap_host, not part of the protocol.
 */
void sap_fwctl_add(struct sap_host *h)
{
	struct sap_fwctl *f __free(fwctl) =
		fwctl_alloc_device(h->t->dev, &sap_fwctl_fwctl_ops,
				   struct sap_fwctl, fwctl);
	int ret;

	lockdep_assert_held(&h->lock);
	if (!f) {
		dev_warn(h->t->dev, "no fwctl device: out of memory\n");
		return;
	}
	f->h = h;
	f->t = h->t;
	ret = fwctl_register(&f->fwctl);
	if (ret) {
		dev_warn(h->t->dev, "no fwctl device: %d\n", ret);
		return;
	}
	h->fwctl = no_free_ptr(f);
}

/**
 * sap_fwctl_del() - unregister the fwctl device of a transport
 * @h: host, not locked (RPCs in flight take the lock and are waited for)
 * @t: the transport going away
 *
 * Open files get ENODEV from now on; the memory goes with the last one.
 */
void sap_fwctl_del(struct sap_host *h, struct sap_transport *t)
{
	struct sap_fwctl *f;

	scoped_guard(mutex, &h->lock) {
		f = h->fwctl;
		if (!f || f->t != t)
			return;
		h->fwctl = NULL;
	}
	fwctl_unregister(&f->fwctl);
	fwctl_put(&f->fwctl);
}

/* What MODULE_IMPORT_NS() expands to, spelled so that it builds both before
 * and after 6.13 (where its argument became a string literal).
 */
MODULE_INFO(import_ns, "FWCTL");

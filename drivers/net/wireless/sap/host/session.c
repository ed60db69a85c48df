// SPDX-License-Identifier: GPL-2.0
/* sap_host: the session's life.
 *
 * The session states, opening a session (map the shared area, lay out and
 * initialise it, enable the client, send START), the START handshake and
 * its timeout. Closing is in main.c, with the transport's remove.
 */
#include <linux/moduleparam.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/cleanup.h>

#include "internal.h"
#include "trace.h"

static unsigned int sap_start_timeout_ms = 1000;
module_param_named(start_timeout_ms, sap_start_timeout_ms, uint, 0644);
MODULE_PARM_DESC(start_timeout_ms, "Time to wait for START_OK before reporting that none came (ms)");

#define SAP_MAP_ATTEMPTS		3
#define SAP_MAP_RETRY_MS		100

static const char * const sap_state_names[] = {
	[SAP_ST_UNBOUND] = "unbound",
	[SAP_ST_IDLE] = "idle",
	[SAP_ST_STARTING] = "starting",
	[SAP_ST_CONNECTED] = "connected",
	[SAP_ST_ACTIVE] = "active",
	[SAP_ST_GOING_DOWN] = "going-down",
};

/**
 * sap_state_name() - name of a session state, for logs and debugfs
 * @st: the state
 *
 * Return: a static string, "?" for a value out of range.
 */
const char *sap_state_name(enum sap_host_state st)
{
	if ((unsigned int)st < ARRAY_SIZE(sap_state_names))
		return sap_state_names[st];
	return "?";
}

/**
 * sap_set_state() - move the session to another state
 * @h: host, locked
 * @st: the new state
 */
void sap_set_state(struct sap_host *h, enum sap_host_state st)
{
	if (h->state == st)
		return;
	trace_sap_host_state(sap_state_name(h->state), sap_state_name(st));
	h->state = st;
}

/**
 * sap_session_reset() - forget everything the last session negotiated
 * @h: host, locked
 */
void sap_session_reset(struct sap_host *h)
{
	h->me_seq = 1;
	h->sap_seq = 1;
	WRITE_ONCE(h->amt_enabled, false);
	WRITE_ONCE(h->got_ownership, false);
	h->csme_taking_ownership = false;
	h->link_prot_state = 0;
	h->pldr_active = false;
	WRITE_ONCE(h->pldr_acked, false);
	h->csa_throttled = false;
	h->csa_early = false;
}

static int sap_map_area(struct sap_host *h)
{
	static const u8 versions[] = { SAP_VERSION_4, SAP_VERSION_3 };
	struct sap_transport *t = h->t;
	unsigned int attempt, i;
	void *mem = ERR_PTR(-ENOMEM);
	u32 size;

	for (attempt = 0; attempt < SAP_MAP_ATTEMPTS; attempt++) {
		if (attempt)
			msleep(SAP_MAP_RETRY_MS);
		for (i = 0; i < ARRAY_SIZE(versions); i++) {
			size = sap_area_map_size(versions[i]);
			mem = t->ops->dma_map(t, size);
			if (!IS_ERR_OR_NULL(mem)) {
				h->mem = mem;
				h->map_size = size;
				h->version = versions[i];
				return 0;
			}
		}
	}
	return mem ? PTR_ERR(mem) : -ENOMEM;
}

static int sap_setup_rings(struct sap_host *h)
{
	enum sap_reason r;
	int q;

	r = sap_area_layout(&h->area, h->mem, h->map_size, h->version);
	if (r != SAP_OK)
		return -EINVAL;
	memset(h->mem, 0, h->map_size);
	sap_area_init(&h->area);
	for (q = 0; q < SAP_QUEUE_NUM; q++) {
		r = sap_area_ring(&h->area, SAP_SIDE_HOST, SAP_DIR_H2M, q, &h->h2m[q]);
		if (r != SAP_OK)
			return -EINVAL;
		r = sap_area_ring(&h->area, SAP_SIDE_HOST, SAP_DIR_M2H, q, &h->m2h[q]);
		if (r != SAP_OK)
			return -EINVAL;
	}
	return 0;
}

/**
 * sap_send_start() - send START and arm the handshake timeout
 * @h: host, bound, locked
 *
 * Return: 0 or a negative errno from the transport.
 */
int sap_send_start(struct sap_host *h)
{
	u8 buf[sizeof(struct sap_me_msg_start)];
	int len, ret;

	lockdep_assert_held(&h->lock);
	len = sap_me_enc_start(buf, sizeof(buf), h->me_seq++, h->version);
	if (len < 0)
		return -EINVAL;
	sap_set_state(h, SAP_ST_STARTING);
	sap_cnt(h, SAP_CNT_START_SENT);
	ret = sap_me_send(h, buf, len);
	mod_delayed_work(system_wq, &h->start_work, msecs_to_jiffies(sap_start_timeout_ms));
	return ret;
}

/* As upstream, START goes out once: a firmware that answers late is still
 * answered, and one that never answers is only reported. Re-sending would
 * put a second START in front of a CSME that may be busy with the first.
 */
static void sap_start_work(struct work_struct *work)
{
	struct sap_host *h = container_of(to_delayed_work(work), struct sap_host,
					  start_work);

	guard(mutex)(&h->lock);
	if (h->state != SAP_ST_STARTING)
		return;
	sap_cnt(h, SAP_CNT_START_TIMEOUTS);
	dev_warn(h->t->dev, "no START_OK within %u ms; still waiting for one\n",
		 sap_start_timeout_ms);
}

/**
 * sap_handle_start_ok() - CSME answered START (decoded into @h->me_msg)
 * @h: host, locked
 */
void sap_handle_start_ok(struct sap_host *h)
{
	const struct sap_me_msg *me = &h->me_msg;

	if (h->state != SAP_ST_STARTING) {
		sap_cnt(h, SAP_CNT_START_OK_BAD);
		dev_warn_ratelimited(h->t->dev, "unexpected START_OK in state %s\n",
				     sap_state_name(h->state));
		return;
	}
	if (me->version != h->version) {
		/* As upstream: rejected, and START is not sent again. */
		sap_cnt(h, SAP_CNT_START_OK_BAD);
		dev_err_ratelimited(h->t->dev, "START_OK selects version %u, we offered %u\n",
				    me->version, h->version);
		return;
	}
	cancel_delayed_work(&h->start_work);
	sap_cnt(h, SAP_CNT_HANDSHAKES);
	sap_set_state(h, SAP_ST_CONNECTED);
	dev_info(h->t->dev, "SAP v%u connected\n", h->version);
}

/**
 * sap_session_open() - start talking to the firmware
 * @h: host, bound to a transport, locked
 *
 * Maps the shared area (SAP v4 size first, then v3, a few times, because
 * CSME may still be booting), initialises it, enables the client and sends
 * START. Only called once a WLAN driver is registered: see
 * sap_host_probe().
 *
 * Return: 0 or the error of the failed step, with the area unmapped.
 */
int sap_session_open(struct sap_host *h)
{
	struct sap_transport *t = h->t;
	int ret;

	lockdep_assert_held(&h->lock);
	if (WARN_ON_ONCE(!t || h->mem))
		return -EINVAL;
	sap_session_reset(h);
	ret = sap_map_area(h);
	if (ret) {
		dev_err(t->dev, "cannot map the shared area: %d\n", ret);
		return ret;
	}
	ret = sap_setup_rings(h);
	if (ret) {
		dev_err(t->dev, "cannot lay out the shared area\n");
		goto err_unmap;
	}
	ret = t->ops->enable(t);
	if (ret) {
		dev_err(t->dev, "cannot enable the client: %d\n", ret);
		goto err_unmap;
	}
	spin_lock_bh(&h->data_lock);
	WRITE_ONCE(h->data_ready, true);
	spin_unlock_bh(&h->data_lock);
	sap_cnt(h, SAP_CNT_SESSIONS);
	ret = sap_send_start(h);
	if (ret) {
		dev_err(t->dev, "cannot send START: %d\n", ret);
		cancel_delayed_work(&h->start_work);
		spin_lock_bh(&h->data_lock);
		WRITE_ONCE(h->data_ready, false);
		spin_unlock_bh(&h->data_lock);
		t->ops->disable(t);
		goto err_unmap;
	}
	return 0;

err_unmap:
	t->ops->dma_unmap(t);
	h->mem = NULL;
	sap_set_state(h, SAP_ST_IDLE);
	return ret;
}

/**
 * sap_session_init() - set up the handshake timeout (at module load)
 * @h: host
 */
void sap_session_init(struct sap_host *h)
{
	INIT_DELAYED_WORK(&h->start_work, sap_start_work);
}

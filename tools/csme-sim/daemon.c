// SPDX-License-Identifier: GPL-2.0
/*
 * "csme-sim run": the event loop.
 *
 * One thread polls the device (events, POLLOUT for queued ME messages), the
 * control socket and its clients, CSME's me port and the completion pipe of
 * the ioctl helper thread. The poll timeout is the firmware's timer: every
 * 2 ms while data flowed during the last second, else every 50 ms, it runs
 * amt_net_tick, drains the H2M rings (the host throttles its doorbells, so
 * real firmware polls the rings too), checks timeouts and runs the
 * continuous hostile modes. While data flowed in the last few ms, or a
 * segment waits for room in the M2H data ring, the loop also looks at the
 * rings every POLL_FAST_US between ticks: it reads what the host wrote
 * without a doorbell and sends on as soon as the host has read enough.
 * After each iteration one doorbell covers everything written to the M2H
 * rings.
 *
 * SIGTERM / SIGINT detach and exit 0, SIGPIPE is ignored. If the device
 * fails (sap_sim unloaded) the daemon keeps serving status and re-attaches
 * once the device is back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "amt_bulk.h"
#include "amt_model.h"
#include "http.h"
#include "redir.h"
#include "daemon.h"
#include "ctl.h"
#include "data.h"
#include "hostile.h"
#include "log.h"
#include "print.h"
#include "status.h"
#include "transport.h"

#define TICK_IDLE_MS		50
#define TICK_BUSY_MS		2
#define BUSY_WINDOW_MS		1000
#define POLL_FAST_US		200
#define POLL_FAST_WINDOW_MS	5
#define REOPEN_MS		1000
#define QUIT_TIMEOUT_MS		3000
#define NPOLL			(4 + 1 + CTL_MAX_CLIENTS)

struct daemon {
	struct csme_cfg cfg;
	struct csme_fw *fw;
	struct amt_net *net;
	struct amt_model model;		/* what AMT's clients see */
	struct amt_http http;		/* 16992: web, WS-Management, SOAP */
	struct amt_redir redir;		/* 16994: serial-over-LAN */
	unsigned int sol_greeted;	/* SOL sessions the console greeted */
	struct csme_xport x;
	struct csme_port port;
	struct ctl_server ctl;
	uint32_t wait_id[CSME_OP__COUNT];
	bool quitting;
	bool quit_done;
	uint32_t quit_id;
	uint64_t quit_deadline;
	uint64_t start_ms;
	uint64_t next_tick;
	uint64_t next_reopen;
	uint64_t dev_quiet_until;	/* POLLHUP without an error: back off */
	bool dev_dead;			/* failed; closed once the ioctl thread is done */
};

static volatile sig_atomic_t d_signal;

static void d_on_signal(int sig)
{
	d_signal = sig;
}

/* ---- environment of the firmware ------------------------------------------- */

static int d_me_send(void *ctx, const void *buf, size_t len, bool mergeable)
{
	struct daemon *d = ctx;

	return csme_xport_me_send(&d->x, buf, len, mergeable);
}

static int d_fw_reset(void *ctx)
{
	struct daemon *d = ctx;

	return csme_xport_async(&d->x, CSME_XA_RESET);
}

static int d_hw_seize(void *ctx)
{
	struct daemon *d = ctx;

	return csme_nic_seize(d->cfg.ifname);
}

static int d_port_send(void *ctx, const void *frame, size_t len)
{
	struct daemon *d = ctx;

	return csme_port_send(&d->port, frame, len);
}

static const struct csme_env_ops d_ops = {
	.me_send = d_me_send,
	.fw_reset = d_fw_reset,
	.hw_seize = d_hw_seize,
	.port_send = d_port_send,
};

static void d_notify(void *ctx, enum csme_op op, int err, const char *text)
{
	struct daemon *d = ctx;
	uint32_t id = d->wait_id[op];

	d->wait_id[op] = 0;
	if (id)
		ctl_reply(&d->ctl, id, err == 0, text, NULL, 0);
}

/* ---- commands ------------------------------------------------------------------ */

static void d_status(struct daemon *d, uint32_t id, enum out_mode mode)
{
	struct csme_daemon_info di;
	struct out o;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	f = open_memstream(&buf, &len);
	if (!f) {
		ctl_reply(&d->ctl, id, false, "out of memory", NULL, 0);
		return;
	}
	memset(&di, 0, sizeof(di));
	di.dev = d->cfg.dev;
	di.ifname = d->cfg.ifname;
	di.port_open = d->port.fd >= 0;
	di.clients = ctl_server_clients(&d->ctl);
	di.uptime_ms = csme_now_ms() - d->start_ms;
	di.dev_events = d->x.events;
	di.dev_events_bad = d->x.events_bad;
	di.me_dropped = d->x.dropped;
	out_init(&o, f, mode);
	csme_status(d->fw, &di, &o);
	out_finish(&o);
	fclose(f);
	ctl_reply(&d->ctl, id, true, NULL, buf, len);
	free(buf);
}

static void d_quit_begin(struct daemon *d, uint32_t id, uint64_t now)
{
	if (d->quitting) {
		if (id)
			ctl_reply(&d->ctl, id, true, "already quitting", NULL, 0);
		return;
	}
	d->quitting = true;
	d->quit_id = id;
	d->quit_deadline = now + QUIT_TIMEOUT_MS;
	csme_log("quitting");
	if (d->x.attached && !d->x.abusy && !csme_xport_async(&d->x, CSME_XA_DETACH))
		return;
	if (!d->x.abusy)
		d->quit_done = true;
}

static void d_handle(void *ctx, struct ctl_server *s, uint32_t id, const struct ctl_req *req)
{
	struct daemon *d = ctx;
	uint64_t now = csme_now_ms();
	enum csme_op op = CSME_OP__COUNT;
	char msg[200] = "";
	int r;

	switch (req->cmd) {
	case CTL_STATUS:
		d_status(d, id, (enum out_mode)req->arg);
		return;
	case CTL_NIC_TAKE:
	case CTL_NIC_TAKE_FORCE:
		r = csme_fw_cmd_take(d->fw, req->cmd == CTL_NIC_TAKE_FORCE, now, msg, sizeof(msg));
		op = CSME_OP_TAKE;
		break;
	case CTL_NIC_RELEASE:
		r = csme_fw_cmd_release(d->fw, msg, sizeof(msg));
		break;
	case CTL_AMT:
		r = csme_fw_cmd_amt(d->fw, req->arg, msg, sizeof(msg));
		break;
	case CTL_POLICY:
		r = csme_fw_cmd_policy(d->fw, (enum csme_policy)req->arg, msg, sizeof(msg));
		break;
	case CTL_FW_RESET:
		r = csme_fw_cmd_reset(d->fw, msg, sizeof(msg));
		op = CSME_OP_RESET;
		break;
	case CTL_PING:
		r = csme_fw_cmd_ping(d->fw, now, msg, sizeof(msg));
		op = CSME_OP_PING;
		break;
	case CTL_LINK_PROT:
		r = csme_fw_cmd_link_prot(d->fw, req->arg, msg, sizeof(msg));
		break;
	case CTL_HOSTILE:
		r = csme_fw_cmd_hostile(d->fw, (enum csme_hostile)req->arg, now, msg, sizeof(msg));
		break;
	case CTL_QUIT:
		d_quit_begin(d, id, now);
		return;
	default:
		ctl_reply(s, id, false, "unsupported command", NULL, 0);
		return;
	}
	if (r == 1 && op < CSME_OP__COUNT) {
		d->wait_id[op] = id;	/* answered by d_notify */
		return;
	}
	ctl_reply(s, id, r == 0, msg, NULL, 0);
}

/*
 * The simulated host's serial console: a new SOL session finds a banner and
 * a login prompt, as a serial getty answers; what the client types comes
 * back as echo (redir_proto.c).
 */
static void d_console_greet(struct daemon *d)
{
	char line[160];
	int n;

	if (d->model.sol_sessions == d->sol_greeted)
		return;
	d->sol_greeted = d->model.sol_sessions;
	n = snprintf(line, sizeof(line),
		     "\r\ncsme-sim serial console of %s (Intel AMT %s SOL)\r\n%s login: ",
		     d->model.hostname, AMT_MODEL_FW_VERSION, d->model.hostname);
	if (n > 0)
		amt_model_console_print(&d->model, line, (size_t)n < sizeof(line) ?
					(size_t)n : sizeof(line) - 1);
}

/* ---- helpers -------------------------------------------------------------------- */

static int d_write_pidfile(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -errno;
	fprintf(f, "%d\n", (int)getpid());
	return fclose(f) ? -errno : 0;
}

static uint64_t d_seed(const struct csme_cfg *cfg)
{
	uint64_t s = 0;

	if (cfg->seed_set)
		return cfg->seed ? cfg->seed : 1;
	if (getrandom(&s, sizeof(s), GRND_NONBLOCK) != sizeof(s))
		s = csme_now_ms() ^ ((uint64_t)getpid() << 32);
	return s ? s : 1;
}

static void d_device_gone(struct daemon *d, int err, uint64_t now)
{
	if (!d->dev_dead)
		csme_log("device %s failed (%s): detached, will retry", d->cfg.dev,
			 strerror(-err));
	d->dev_dead = true;
	d->next_reopen = now + REOPEN_MS;
	if (d->x.abusy)
		return;		/* closed when the ioctl thread is done */
	csme_xport_close(&d->x, d->fw);
	d->dev_dead = false;
}

/* Device readable or signalling a hang-up: read what is there; an error
 * (ENODEV, EIO, EOF) means the device is gone. A hang-up that reads as
 * "nothing yet" (EAGAIN) is not treated as fatal, but the device is left
 * out of poll() for a moment so that it cannot make the loop spin.
 */
static void d_device_input(struct daemon *d, short revents, uint64_t now)
{
	int e;

	if (revents & POLLNVAL) {
		d_device_gone(d, -EBADF, now);
		return;
	}
	e = csme_xport_events(&d->x, d->fw, now);
	if (e)
		d_device_gone(d, e, now);
	else if ((revents & (POLLERR | POLLHUP)) && !(revents & POLLIN))
		d->dev_quiet_until = now + 20;
}

static void d_try_reopen(struct daemon *d, uint64_t now)
{
	int r;

	if (d->x.fd >= 0 || d->x.abusy || d->quitting || now < d->next_reopen)
		return;
	d->next_reopen = now + REOPEN_MS;
	r = csme_xport_open(&d->x, d->fw);
	if (!r)
		csme_log("re-attached to %s", d->cfg.dev);
}

static void d_async_done(struct daemon *d)
{
	enum csme_xport_async op;
	int err;

	if (!csme_xport_async_collect(&d->x, &op, &err))
		return;
	if (d->dev_dead) {
		csme_xport_close(&d->x, d->fw);
		d->dev_dead = false;
	}
	if (op == CSME_XA_RESET) {
		csme_fw_reset_done(d->fw, err);
		/* a quit that came during the reset detaches now */
		if (d->quitting && !d->quit_done && (!d->x.attached ||
		    csme_xport_async(&d->x, CSME_XA_DETACH)))
			d->quit_done = true;
	} else {
		if (err)
			csme_log("detach: %s", strerror(-err));
		d->quit_done = true;
	}
}

static int d_timeout(struct daemon *d, uint64_t now)
{
	uint64_t t = d->next_tick;

	if (d->quitting && d->quit_deadline < t)
		t = d->quit_deadline;
	return t > now ? (int)(t - now) : 0;
}

/* Look at the rings between ticks: data is flowing or waits for room. */
static bool d_poll_fast(struct daemon *d, uint64_t now)
{
	return d->fw->rings_up && (now - d->fw->last_data_ms < POLL_FAST_WINDOW_MS ||
				   d->net->tx_wait_room);
}

/* ---- the loop -------------------------------------------------------------------- */

static int d_loop(struct daemon *d)
{
	struct pollfd p[NPOLL];
	sigset_t empty;
	struct timespec ts;
	int n, i_dev, i_pipe, i_port, i_ctl, nctl, r, tmo;
	bool fast;
	uint64_t now;

	sigemptyset(&empty);
	for (;;) {
		now = csme_now_ms();
		if (d_signal && !d->quitting) {
			csme_log("signal %d", (int)d_signal);
			d_quit_begin(d, 0, now);
		}
		if (d->quitting && (d->quit_done || now >= d->quit_deadline))
			break;
		d_try_reopen(d, now);
		csme_port_try_open(&d->port, now);

		n = 0;
		i_dev = i_port = -1;
		if (d->x.fd >= 0 && !d->dev_dead && now >= d->dev_quiet_until) {
			i_dev = n;
			p[n].fd = d->x.fd;
			p[n].events = csme_xport_poll_events(&d->x);
			p[n++].revents = 0;
		}
		i_pipe = n;
		p[n].fd = d->x.apipe[0];
		p[n].events = POLLIN;
		p[n++].revents = 0;
		if (d->port.fd >= 0) {
			i_port = n;
			p[n].fd = d->port.fd;
			p[n].events = POLLIN;
			p[n++].revents = 0;
		}
		i_ctl = n;
		nctl = ctl_server_pollfds(&d->ctl, p + n, NPOLL - n);
		n += nctl;

		tmo = d_timeout(d, now);
		fast = d_poll_fast(d, now) && tmo > 0;
		ts.tv_sec = fast ? 0 : tmo / 1000;
		ts.tv_nsec = fast ? POLL_FAST_US * 1000L : (long)(tmo % 1000) * 1000000;
		r = ppoll(p, (nfds_t)n, &ts, &empty);
		if (r < 0 && errno != EINTR) {
			csme_log("poll: %s", strerror(errno));
			return 1;
		}
		now = csme_now_ms();
		d->fw->now_ms = now;
		if (r > 0) {
			if (i_dev >= 0 && p[i_dev].revents) {
				if (p[i_dev].revents & ~POLLOUT)
					d_device_input(d, p[i_dev].revents, now);
				if (d->x.fd >= 0 && !d->dev_dead && (p[i_dev].revents & POLLOUT))
					csme_xport_flush(&d->x);
			}
			if (p[i_pipe].revents & POLLIN)
				d_async_done(d);
			if (i_port >= 0 && d->port.fd == p[i_port].fd && p[i_port].revents)
				csme_port_read(&d->port, d->fw);
		}
		ctl_server_handle(&d->ctl, p + i_ctl, r > 0 ? nctl : 0, now);
		if (fast) {
			csme_fw_drain(d->fw, now);
			csme_data_tx_retry(d->fw);
		}

		if (now >= d->next_tick) {
			csme_fw_tick(d->fw, now);
			d_console_greet(d);
			d->next_tick = now + (now - d->fw->last_data_ms < BUSY_WINDOW_MS ?
					      TICK_BUSY_MS : TICK_IDLE_MS);
		}
		csme_fw_flush(d->fw);
		csme_xport_flush(&d->x);
	}
	return 0;
}

int csme_daemon_run(const struct csme_cfg *cfg)
{
	struct sigaction sa;
	struct daemon *d;
	sigset_t block;
	int r, rc = 0;

	d = calloc(1, sizeof(*d));
	if (!d)
		return 1;
	d->cfg = *cfg;
	d->start_ms = csme_now_ms();
	d_signal = 0;
	r = csme_log_open(cfg->log_path);
	if (r)
		fprintf(stderr, "csme-sim: cannot open log %s: %s\n", cfg->log_path, strerror(-r));

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = d_on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* blocked except inside ppoll(), so a signal always ends the wait */
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, NULL);

	d->net = calloc(1, sizeof(*d->net));
	d->fw = calloc(1, sizeof(*d->fw));
	if (!d->net || !d->fw) {
		csme_log("out of memory");
		rc = 1;
		goto out_free;
	}
	d->cfg.seed = d_seed(cfg);
	csme_data_net_init(d->fw, d->net, d->cfg.seed);
	amt_model_init(&d->model, cfg->amt_password, d->cfg.seed);
	amt_http_init(&d->http, &d->model, 0);
	amt_redir_init(&d->redir, &d->model);
	r = amt_http_listen(d->net, &d->http);
	if (!r)
		r = amt_net_listen(d->net, AMT_REDIR_PORT, &amt_redir_ops, &d->redir);
	if (!r && cfg->bulk_port)
		r = amt_bulk_listen(d->net, (uint16_t)cfg->bulk_port);
	if (r) {
		csme_log("listen: %s", strerror(-r));
		rc = 1;
		goto out_free;
	}
	csme_fw_init(d->fw, &d->cfg, &d_ops, d, d->net);
	csme_fw_set_notify(d->fw, d_notify, d);
	csme_fw_set_model(d->fw, &d->model);
	csme_port_init(&d->port, cfg->ifname);

	r = csme_xport_init(&d->x, cfg->dev,
			    cfg->max_version == SAP_VERSION_3 ? SAP_AREA_MAP_SIZE_V3 : 0);
	if (r) {
		csme_log("pipe: %s", strerror(-r));
		rc = 1;
		goto out_free;
	}
	r = ctl_server_open(&d->ctl, cfg->sock, d_handle, d);
	if (r) {
		csme_log("control socket %s: %s", cfg->sock, strerror(-r));
		rc = 1;
		goto out_xport;
	}
	r = csme_xport_open(&d->x, d->fw);
	if (r) {
		csme_log("cannot attach to %s: %s", cfg->dev, strerror(-r));
		rc = 1;
		goto out_ctl;
	}
	if (cfg->pidfile) {
		r = d_write_pidfile(cfg->pidfile);
		if (r)
			csme_log("pid file %s: %s", cfg->pidfile, strerror(-r));
	}
	csme_log("ready");
	rc = d_loop(d);
	if (d->quit_id)
		ctl_reply(&d->ctl, d->quit_id, true, NULL, NULL, 0);
	csme_xport_close(&d->x, d->fw);
	if (cfg->pidfile)
		unlink(cfg->pidfile);
	csme_log("exit");
out_ctl:
	ctl_server_close(&d->ctl);
out_xport:
	csme_port_close(&d->port);
	/* an ioctl that did not return in time is left to process exit */
	if (!d->x.abusy)
		csme_xport_fini(&d->x);
out_free:
	if (d->x.abusy) {
		/* the ioctl thread still uses @d: exit without freeing it */
		csme_log_close();
		return rc;
	}
	if (d->net)
		amt_net_destroy(d->net);
	free(d->fw);
	free(d->net);
	free(d);
	csme_log_close();
	return rc;
}

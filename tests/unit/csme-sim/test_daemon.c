// SPDX-License-Identifier: GPL-2.0
/*
 * The real daemon (csme_daemon_run: event loop, transport, control socket,
 * helper thread) against a fake /dev/sap_sim.
 *
 * open(), ioctl(), mmap() and munmap() are wrapped (-Wl,--wrap): opening the
 * fake device path returns one end of a SOCK_SEQPACKET socket pair, so
 * poll(), non-blocking read() of events and write() of ME messages behave
 * as on the real device. A "kernel + sap_host" thread owns the other end:
 * it probes on ATTACH (maps an area, ENABLE, START), answers like sap_host
 * (burst after AMT_STATE, confirmations, PONG), and on RESET / DETACH sends
 * HOST_GOES_DOWN and waits up to 200 ms for CSME to drain it - from the
 * ioctl, as a synchronous kernel would, so the test also proves that the
 * daemon keeps draining while its RESET ioctl is in flight.
 *
 * The test drives everything through the control socket with the real
 * client code and checks the JSON status with an independent validator.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/sap_sim.h>

#include "tap.h"
#include "sim_test.h"
#include "json_check.h"

enum { K_NONE, K_PROBE, K_RESET, K_REMOVE };
enum { H_UNBOUND, H_STARTING, H_CONNECTED, H_ACTIVE };

#define MAX_AREAS	64

static const uint8_t host_mac[6] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };

static struct fake {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	char path[64];
	int dfd, hfd;
	bool attached;
	uint32_t max_map;
	uint32_t gen;
	int work;
	unsigned int work_seq, done_seq;
	int ioctl_resets, ioctl_detaches;

	uint8_t *areas[MAX_AREAS];
	int nareas;
	uint8_t *mem;
	uint32_t size;
	uint8_t version;
	struct sap_area a;
	struct sap_ring h2m[SAP_QUEUE_NUM], m2h[SAP_QUEUE_NUM];

	int state;
	uint32_t seq, me_seq;
	bool auto_confirm;
	int nic_owner, own_reply;
	int filters_rx, handshakes, start_ok_bad, taking_rx, releases_rx, pings_rx;
	int data_rx, arp_replies, goes_down_sent, goes_down_no_ack, csa_rx;
	uint32_t filt_ip;
	unsigned int rej[SAP_R_COUNT];

	bool req_ask, req_arp, req_close;
	int req_spam;
	volatile bool stop;
	uint8_t buf[SAP_M2H_NOTIF_Q_SIZE];
	struct sap_msg msg;
} F = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.cond = PTHREAD_COND_INITIALIZER,
	.dfd = -1,
	.hfd = -1,
};

/* ---- wrapped system calls ------------------------------------------------------ */

int __real_open(const char *path, int flags, ...);
int __real_ioctl(int fd, unsigned long req, ...);
void *__real_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __real_munmap(void *addr, size_t len);

int __wrap_open(const char *path, int flags, ...)
{
	int sv[2];
	va_list ap;
	mode_t mode;

	if (strcmp(path, F.path)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
		return __real_open(path, flags, mode);
	}
	pthread_mutex_lock(&F.lock);
	if (F.dfd >= 0) {
		pthread_mutex_unlock(&F.lock);
		errno = EBUSY;
		return -1;
	}
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv)) {
		pthread_mutex_unlock(&F.lock);
		return -1;
	}
	if (flags & O_NONBLOCK)
		fcntl(sv[0], F_SETFL, O_NONBLOCK);
	F.dfd = sv[0];
	F.hfd = sv[1];
	F.attached = false;
	pthread_mutex_unlock(&F.lock);
	return sv[0];
}

/* hand @work to the host thread and wait until it is done; lock held */
static void kernel_work(int work)
{
	unsigned int seq = ++F.work_seq;

	F.work = work;
	pthread_cond_broadcast(&F.cond);
	while (F.done_seq < seq && !F.stop)
		pthread_cond_wait(&F.cond, &F.lock);
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;
	int ret = 0;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	pthread_mutex_lock(&F.lock);
	if (fd != F.dfd || fd < 0) {
		pthread_mutex_unlock(&F.lock);
		return __real_ioctl(fd, req, arg);
	}
	switch (req) {
	case SAP_SIM_IOC_ATTACH: {
		struct sap_sim_attach *a = arg;

		if (F.attached) {
			errno = EBUSY;
			ret = -1;
			break;
		}
		if (a->size < sizeof(*a) || a->flags) {
			errno = EINVAL;
			ret = -1;
			break;
		}
		F.attached = true;
		F.max_map = a->max_map_size;
		kernel_work(K_PROBE);
		break;
	}
	case SAP_SIM_IOC_RESET:
		if (!F.attached) {
			errno = ENOTCONN;
			ret = -1;
			break;
		}
		F.ioctl_resets++;
		kernel_work(K_RESET);
		break;
	case SAP_SIM_IOC_DETACH:
		if (!F.attached) {
			errno = ENOTCONN;
			ret = -1;
			break;
		}
		F.ioctl_detaches++;
		kernel_work(K_REMOVE);
		F.attached = false;
		break;
	case SAP_SIM_IOC_INFO: {
		struct sap_sim_info *i = arg;

		i->attached = F.attached;
		i->gen = F.gen;
		i->map_size = F.mem ? F.size : 0;
		break;
	}
	default:
		errno = ENOTTY;
		ret = -1;
	}
	pthread_mutex_unlock(&F.lock);
	return ret;
}

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;

	pthread_mutex_lock(&F.lock);
	if (fd != F.dfd || fd < 0) {
		pthread_mutex_unlock(&F.lock);
		return __real_mmap(addr, len, prot, flags, fd, off);
	}
	p = F.mem && len <= F.size && !off ? F.mem : MAP_FAILED;
	if (p == MAP_FAILED)
		errno = F.mem ? EINVAL : ENODEV;
	pthread_mutex_unlock(&F.lock);
	return p;
}

int __wrap_munmap(void *addr, size_t len)
{
	int i;

	pthread_mutex_lock(&F.lock);
	for (i = 0; i < F.nareas; i++) {
		if (F.areas[i] == addr) {
			pthread_mutex_unlock(&F.lock);
			return 0;	/* areas live until the end of the test */
		}
	}
	pthread_mutex_unlock(&F.lock);
	return __real_munmap(addr, len);
}

/* ---- the kernel and sap_host ------------------------------------------------- */

static void ev_send(uint32_t type, uint32_t map_size, const void *data, uint32_t len)
{
	uint8_t rec[sizeof(struct sap_sim_event) + SAP_SIM_MSG_MAX];
	struct sap_sim_event ev = { type, len, F.gen, map_size };

	memcpy(rec, &ev, sizeof(ev));
	if (len)
		memcpy(rec + sizeof(ev), data, len);
	if (F.hfd >= 0 && send(F.hfd, rec, sizeof(ev) + len, MSG_DONTWAIT) < 0)
		tap_diag("event %u lost: %s", type, strerror(errno));
}

/* the reference host's doorbell: 88 bytes, len 0 */
static void h_csa(void)
{
	uint8_t b[88];

	sap_me_enc_start(b, sizeof(b), F.me_seq++, 4);
	memset(b + 8, 0, 80);
	b[0] = SAP_ME_MSG_CHECK_SHARED_AREA;
	ev_send(SAP_SIM_EV_MSG, 0, b, 88);
}

static void h_notif(const void *b, int len)
{
	if (len > 0)
		sap_ring_write(&F.h2m[SAP_QUEUE_NOTIF], b, (uint32_t)len, NULL, 0);
}

static void h_empty(uint16_t type)
{
	uint8_t b[16];

	h_notif(b, sap_msg_enc_empty(b, sizeof(b), type, F.seq++));
}

static void h_dw(uint16_t type, uint32_t v)
{
	uint8_t b[16];

	h_notif(b, sap_msg_enc_dw(b, sizeof(b), type, F.seq++, v));
}

static void h_probe(void)
{
	uint8_t b[88];
	int d, q;

	F.gen++;
	F.version = F.max_map && F.max_map < SAP_AREA_MAP_SIZE_V4 ? 3 : 4;
	F.size = sap_area_map_size(F.version);
	F.mem = aligned_alloc(4096, F.size);
	if (F.nareas < MAX_AREAS)
		F.areas[F.nareas++] = F.mem;
	sap_area_layout(&F.a, F.mem, F.size, F.version);
	sap_area_init(&F.a);
	for (d = 0; d < SAP_DIR_NUM; d++)
		for (q = 0; q < SAP_QUEUE_NUM; q++)
			sap_area_ring(&F.a, SAP_SIDE_HOST, d, q, d ? &F.m2h[q] : &F.h2m[q]);
	F.seq = 1;
	F.me_seq = 1;
	F.state = H_STARTING;
	ev_send(SAP_SIM_EV_MAP, F.size, NULL, 0);
	ev_send(SAP_SIM_EV_ENABLE, 0, NULL, 0);
	sap_me_enc_start(b, sizeof(b), F.me_seq++, F.version);
	ev_send(SAP_SIM_EV_MSG, 0, b, 88);
}

static void h_remove(void)
{
	int i;

	if (F.state == H_UNBOUND)
		return;
	if (F.state >= H_CONNECTED) {
		h_empty(SAP_MSG_NOTIF_HOST_GOES_DOWN);
		F.goes_down_sent++;
		h_csa();
		/* 10 x 20 ms for CSME to drain, lock dropped as the kernel's mutex */
		for (i = 0; i < 200; i++) {
			if (sap_ring_is_empty(&F.h2m[SAP_QUEUE_NOTIF]) &&
			    sap_ring_is_empty(&F.h2m[SAP_QUEUE_DATA]))
				break;
			pthread_mutex_unlock(&F.lock);
			usleep(1000);
			pthread_mutex_lock(&F.lock);
		}
		if (i == 200)
			F.goes_down_no_ack++;
	}
	ev_send(SAP_SIM_EV_DISABLE, 0, NULL, 0);
	ev_send(SAP_SIM_EV_UNMAP, 0, NULL, 0);
	F.state = H_UNBOUND;
	F.mem = NULL;
}

static void h_burst(void)
{
	struct sap_conn_params c;
	uint8_t b[128];

	h_empty(SAP_MSG_NOTIF_WIFIDR_UP);
	h_empty(SAP_MSG_NOTIF_WHO_OWNS_NIC);
	memset(&c, 0, sizeof(c));
	c.ssid_len = 10;
	memcpy(c.ssid, "fwgate-sim", 10);
	c.auth_mode = SAP_AUTH_MODE_RSNA_PSK;
	c.pairwise_cipher = SAP_CIPHER_CCMP;
	c.channel = 6;
	memcpy(c.bssid, "\x02\x00\x00\x00\x00\x01", 6);
	h_notif(b, sap_msg_enc_link_up(b, sizeof(b), F.seq++, &c, NULL));
	h_notif(b, sap_msg_enc_country_code(b, sizeof(b), F.seq++, 'D' << 8 | 'E', 0, 0));
	h_notif(b, sap_msg_enc_nic_info(b, sizeof(b), F.seq++, host_mac, host_mac));
	h_dw(SAP_MSG_NOTIF_RADIO_STATE, 3);
}

static void h_handle(const struct sap_msg *m)
{
	switch (m->type) {
	case SAP_MSG_NOTIF_AMT_STATE:
		if (m->u.val && F.state == H_CONNECTED) {
			F.state = H_ACTIVE;
			h_burst();
		}
		break;
	case SAP_MSG_NOTIF_CSME_FILTERS:
		F.filters_rx++;
		F.filt_ip = m->u.filters.ipv4_addr;
		break;
	case SAP_MSG_NOTIF_NIC_OWNER:
		F.nic_owner = (int)m->u.val;
		/* as sap_host with its device up: ask for the NIC right away */
		if (m->u.val == SAP_NIC_OWNER_ME)
			h_empty(SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
		break;
	case SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ:
		F.own_reply = (int)m->u.val;
		if (m->u.val)
			h_empty(SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED);
		break;
	case SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP:
		F.taking_rx++;
		if (F.auto_confirm)
			h_empty(SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED);
		break;
	case SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP:
		F.releases_rx++;
		break;
	case SAP_MSG_NOTIF_PING:
		F.pings_rx++;
		h_empty(SAP_MSG_NOTIF_PONG);
		break;
	default:
		break;
	}
}

static void h_drain(void)
{
	enum sap_reason r;
	uint32_t len;
	int guard;

	for (guard = 0; guard < 10000; guard++) {
		r = sap_ring_read(&F.m2h[SAP_QUEUE_NOTIF], F.buf, SAP_M2H_NOTIF_MAX_LEN, &len);
		if (r == SAP_R_EMPTY || r == SAP_R_RING_PTR_RANGE)
			break;
		if (!r)
			r = sap_msg_decode(F.buf, len, SAP_DIR_M2H, SAP_QUEUE_NOTIF, &F.msg);
		if (r) {
			F.rej[r]++;
			continue;
		}
		h_handle(&F.msg);
	}
	for (guard = 0; guard < 10000; guard++) {
		r = sap_ring_read(&F.m2h[SAP_QUEUE_DATA], F.buf, sizeof(F.buf), &len);
		if (r == SAP_R_EMPTY || r == SAP_R_RING_PTR_RANGE)
			break;
		if (!r)
			r = sap_msg_decode(F.buf, len, SAP_DIR_M2H, SAP_QUEUE_DATA, &F.msg);
		if (r) {
			F.rej[r]++;
			continue;
		}
		F.data_rx++;
		if (F.msg.u.data.frame_len >= 42 && F.msg.u.data.frame[12] == 0x08 &&
		    F.msg.u.data.frame[13] == 0x06 && F.msg.u.data.frame[21] == 2)
			F.arp_replies++;
	}
	if (!sap_ring_is_empty(&F.h2m[SAP_QUEUE_NOTIF]))
		h_csa();
}

static void h_me(const uint8_t *b, size_t n)
{
	struct sap_me_msg me;

	if (sap_me_decode(b, (uint32_t)n, SAP_DIR_M2H, &me))
		return;
	if (me.type == SAP_ME_MSG_START_OK) {
		if (F.state != H_STARTING)
			return;
		if (me.version != F.version) {
			F.start_ok_bad++;
			return;
		}
		F.state = H_CONNECTED;
		F.handshakes++;
	} else if (me.type == SAP_ME_MSG_CHECK_SHARED_AREA && F.state >= H_CONNECTED && F.mem) {
		F.csa_rx++;
		h_drain();
	}
}

static size_t arp_request(uint8_t *f)
{
	static const uint8_t peer[6] = { 0x02, 1, 2, 3, 4, 5 };

	memset(f, 0, 42);
	memset(f, 0xff, 6);
	memcpy(f + 6, peer, 6);
	f[12] = 0x08, f[13] = 0x06, f[15] = 1, f[16] = 8, f[18] = 6, f[19] = 4, f[21] = 1;
	memcpy(f + 22, peer, 6);
	f[28] = 10, f[29] = 77, f[30] = 0, f[31] = 1;
	f[38] = 10, f[39] = 77, f[40] = 0, f[41] = 2;
	return 42;
}

static void *host_thread(void *arg)
{
	uint8_t b[256];
	struct pollfd p;
	ssize_t n;
	int i, fd;

	(void)arg;
	pthread_mutex_lock(&F.lock);
	while (!F.stop) {
		if (F.work != K_NONE) {
			int w = F.work;

			F.work = K_NONE;
			if (w == K_RESET || w == K_REMOVE)
				h_remove();
			if (w == K_PROBE || w == K_RESET)
				h_probe();
			F.done_seq = F.work_seq;
			pthread_cond_broadcast(&F.cond);
		}
		if (F.state >= H_CONNECTED && F.mem) {
			if (F.req_ask) {
				F.req_ask = false;
				h_empty(SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
				h_csa();
			}
			if (F.req_arp) {
				uint8_t fr[64], hdr[8];
				size_t len = arp_request(fr);

				F.req_arp = false;
				sap_msg_enc_data_hdr(hdr, sizeof(hdr), F.seq++, (uint32_t)len);
				sap_ring_write(&F.h2m[SAP_QUEUE_DATA], hdr, 8, fr, (uint32_t)len);
				h_csa();
			}
			for (; F.req_spam > 0; F.req_spam--)
				h_empty(SAP_MSG_NOTIF_WHO_OWNS_NIC);
		}
		if (F.req_close) {
			F.req_close = false;
			close(F.hfd);
			F.hfd = -1;
			F.dfd = -1;	/* the daemon's end dies with the device */
			F.attached = false;
			F.state = H_UNBOUND;
			F.mem = NULL;
		}
		fd = F.hfd;
		pthread_mutex_unlock(&F.lock);
		if (fd >= 0) {
			p.fd = fd;
			p.events = POLLIN;
			poll(&p, 1, 5);
		} else {
			usleep(5000);
		}
		pthread_mutex_lock(&F.lock);
		for (i = 0; i < 64 && F.hfd >= 0; i++) {
			n = recv(F.hfd, b, sizeof(b), MSG_DONTWAIT);
			if (n <= 0)
				break;
			h_me(b, (size_t)n);
		}
	}
	pthread_mutex_unlock(&F.lock);
	return NULL;
}

/* ---- the test ------------------------------------------------------------------ */

static char sock_path[64];
static struct csme_cfg dcfg;
static int daemon_rc;

static void *daemon_thread(void *arg)
{
	(void)arg;
	daemon_rc = csme_daemon_run(&dcfg);
	return NULL;
}

/* run one command; out/err are malloc'd (may be NULL) */
static int cmd(const char *line, char **out, char **err)
{
	struct ctl_req req;
	char e[128], *ob = NULL, *eb = NULL;
	size_t ol, el;
	FILE *o, *ef;
	int rc;

	if (ctl_parse_line(line, &req, e, sizeof(e))) {
		tap_diag("bad test command '%s': %s", line, e);
		return -1;
	}
	o = open_memstream(&ob, &ol);
	ef = open_memstream(&eb, &el);
	rc = ctl_client_run(sock_path, &req, o, ef);
	fclose(o);
	fclose(ef);
	if (out)
		*out = ob;
	else
		free(ob);
	if (err)
		*err = eb;
	else
		free(eb);
	return rc;
}

/* "status json", validated; NULL if invalid */
static char *status_json(void)
{
	char *out = NULL;

	if (cmd("status json", &out, NULL) || !out || !json_valid(out, strlen(out))) {
		free(out);
		return NULL;
	}
	return out;
}

static bool status_has(const char *what)
{
	char *s = status_json();
	bool ok = s && strstr(s, what);

	free(s);
	return ok;
}

#define WAIT_UNTIL(ms, cond) ({						\
	int __i; bool __ok = false;					\
	for (__i = 0; __i < (ms) / 5 && !__ok; __i++) {			\
		pthread_mutex_lock(&F.lock);				\
		__ok = (cond);						\
		pthread_mutex_unlock(&F.lock);				\
		if (!__ok)						\
			usleep(5000);					\
	}								\
	__ok;								\
})

static bool wait_status(int ms, const char *what)
{
	int i;

	for (i = 0; i < ms / 20; i++) {
		if (status_has(what))
			return true;
		usleep(20000);
	}
	return false;
}

static pthread_t start_daemon(int max_version)
{
	pthread_t t;

	csme_cfg_defaults(&dcfg);
	dcfg.dev = F.path;
	dcfg.sock = sock_path;
	dcfg.ifname = "csmetst0";	/* no such NIC: seizing fails */
	dcfg.ip = 0x0a4d0002;
	dcfg.seed = 7;
	dcfg.seed_set = true;
	dcfg.max_version = max_version;
	pthread_create(&t, NULL, daemon_thread, NULL);
	return t;
}

static void test_session(void)
{
	pthread_t t;
	char *out = NULL, *err = NULL, *s;
	int rc, i;

	F.auto_confirm = true;
	t = start_daemon(4);
	tap_ok(WAIT_UNTIL(5000, F.state == H_ACTIVE), "handshake: the host is active");
	tap_ok(wait_status(3000, "\"connected\":true"), "status: connected");
	s = status_json();
	tap_ok(s != NULL, "status -j is valid JSON");
	tap_ok(s && strstr(s, "\"version\":4") && strstr(s, "\"owner\":\"host\"") &&
	       strstr(s, "\"ip\":\"10.77.0.2\"") && strstr(s, "\"attached\":true"),
	       "version 4, owner host, ip, attached");
	free(s);
	tap_ok(wait_status(2000, "\"ssid\":\"fwgate-sim\"") &&
	       status_has("\"country\":\"DE\"") && status_has("\"radio_state\":3") &&
	       status_has("\"wifidr\":\"up\"") && status_has("\"mac\":\"02:aa:bb:cc:dd:ee\""),
	       "the host's burst is in the status");
	tap_ok(WAIT_UNTIL(1000, F.nic_owner == SAP_NIC_OWNER_HOST && F.filters_rx >= 1 &&
			  F.filt_ip == 0x0a4d0002), "the host got NIC_OWNER host and the filters");

	rc = cmd("ping", &out, NULL);
	tap_ok(rc == 0 && out && !strncmp(out, "pong after", 10), "ping: pong");
	free(out);

	/* data through the rings */
	pthread_mutex_lock(&F.lock);
	F.req_arp = true;
	pthread_mutex_unlock(&F.lock);
	tap_ok(WAIT_UNTIL(2000, F.arp_replies == 1), "an ARP request through H2M DATA is answered");

	/* ownership */
	rc = cmd("nic take", &out, NULL);
	tap_ok(rc == 0 && out && strstr(out, "confirmed"), "nic take: confirmed by the host");
	free(out);
	tap_ok(status_has("\"owner\":\"csme\""), "owner csme");
	pthread_mutex_lock(&F.lock);
	F.own_reply = -1;
	F.req_ask = true;
	pthread_mutex_unlock(&F.lock);
	tap_ok(WAIT_UNTIL(2000, F.own_reply == 1), "the host asks and is granted");
	tap_ok(wait_status(1000, "\"owner\":\"host\""), "owner host");
	tap_eq(cmd("policy deny", NULL, NULL), 0, "policy deny");
	pthread_mutex_lock(&F.lock);
	F.own_reply = -1;
	F.req_ask = true;
	pthread_mutex_unlock(&F.lock);
	tap_ok(WAIT_UNTIL(2000, F.own_reply == 0), "denied");
	cmd("policy grant", NULL, NULL);

	F.auto_confirm = false;
	rc = cmd("nic take", NULL, &err);
	tap_ok(rc == 1 && err && strstr(err, "within 1000 ms"),
	       "no confirmation and no NIC to seize: error");
	free(err);
	F.auto_confirm = true;
	tap_eq(cmd("nic release", NULL, NULL), 0, "nic release");
	tap_ok(WAIT_UNTIL(1000, F.releases_rx == 1), "CAN_RELEASE_OWNERSHIP reached the host");

	/* firmware resets, with the kernel waiting inside the ioctl */
	for (i = 0; i < 5; i++) {
		if (cmd("fw reset", NULL, &err)) {
			tap_diag("fw reset: %s", err ? err : "");
			free(err);
			break;
		}
		free(err);
		err = NULL;
		if (!WAIT_UNTIL(3000, F.state == H_ACTIVE))
			break;
	}
	tap_eq(i, 5, "5 firmware resets, each followed by a new handshake");
	tap_ok(F.ioctl_resets == 5 && F.goes_down_sent == 5, "5 HOST_GOES_DOWN sent");
	tap_eq(F.goes_down_no_ack, 0, "every one drained while the RESET ioctl was blocked");
	tap_ok(wait_status(2000, "\"resets\":5,"), "status counts 5 resets");
	tap_eq(F.handshakes, 6, "6 handshakes in all");

	/* hostile */
	memset(F.rej, 0, sizeof(F.rej));
	tap_eq(cmd("hostile bad-type", NULL, NULL), 0, "hostile bad-type");
	tap_ok(WAIT_UNTIL(2000, F.rej[SAP_R_UNKNOWN_TYPE] >= 7), "the host rejects unknown types");
	tap_eq(cmd("hostile no-drain", NULL, NULL), 0, "hostile no-drain");
	pthread_mutex_lock(&F.lock);
	F.req_spam = 50;
	pthread_mutex_unlock(&F.lock);
	usleep(200000);
	tap_ok(WAIT_UNTIL(100, !sap_ring_is_empty(&F.h2m[SAP_QUEUE_NOTIF])),
	       "no-drain: the host's messages stay in the ring");
	tap_eq(cmd("hostile off", NULL, NULL), 0, "hostile off");
	tap_ok(WAIT_UNTIL(2000, sap_ring_is_empty(&F.h2m[SAP_QUEUE_NOTIF])),
	       "drained once it is off");
	tap_eq(cmd("hostile random", NULL, NULL), 0, "hostile random");
	usleep(300000);
	tap_ok(status_has("\"hostile\":\"random\""), "random is running, status still answers");
	cmd("hostile off", NULL, NULL);
	cmd("fw reset", NULL, NULL);
	tap_ok(WAIT_UNTIL(3000, F.state == H_ACTIVE), "hostile off + fw reset: clean handshake");

	tap_eq(cmd("bogus", NULL, NULL), -1, "the client refuses unknown commands before sending");

	/* the device goes away and comes back */
	pthread_mutex_lock(&F.lock);
	F.req_close = true;
	pthread_mutex_unlock(&F.lock);
	tap_ok(wait_status(2000, "\"attached\":false"), "device gone: status still served, detached");
	tap_ok(WAIT_UNTIL(5000, F.state == H_ACTIVE), "re-attached and re-handshaken");

	rc = cmd("status", &out, NULL);
	tap_ok(rc == 0 && out && strstr(out, "\nowner host\n") && strstr(out, "\nconnected true\n"),
	       "plain status (the host asked the NIC back after NIC_OWNER ME)");
	free(out);
	tap_ok(status_has("\"dev_events_bad\":0,") && !status_has("\"dev_events\":0,") &&
	       status_has("\"me_dropped\":"),
	       "status shows the device events read (none malformed) and ME messages dropped");
	rc = cmd("status pretty", &out, NULL);
	tap_ok(rc == 0 && out && json_valid(out, strlen(out)) && strstr(out, "\n  \"owner\": "),
	       "pretty status");
	free(out);

	rc = cmd("quit", NULL, NULL);
	tap_eq(rc, 0, "quit answered ok");
	pthread_join(t, NULL);
	tap_eq(daemon_rc, 0, "daemon exit status 0");
	tap_ok(F.ioctl_detaches == 1 && F.goes_down_no_ack == 0,
	       "DETACH issued; its HOST_GOES_DOWN drained too");
	tap_ok(access(sock_path, F_OK) != 0, "control socket removed");
}

static void test_v3_and_signal(void)
{
	pthread_t t;
	char *s;

	pthread_mutex_lock(&F.lock);
	if (F.hfd >= 0)
		close(F.hfd);
	F.hfd = F.dfd = -1;
	F.attached = false;
	F.state = H_UNBOUND;
	pthread_mutex_unlock(&F.lock);

	t = start_daemon(3);
	tap_ok(WAIT_UNTIL(5000, F.state == H_ACTIVE), "-v 3: handshake");
	tap_eq(F.version, 3, "the host fell back to v3 (max_map_size 139264)");
	tap_ok(wait_status(2000, "\"version\":3"), "status version 3");
	s = status_json();
	tap_ok(s && strstr(s, "\"map_size\":139264"), "v3 area mapped");
	free(s);
	pthread_kill(t, SIGTERM);
	pthread_join(t, NULL);
	tap_eq(daemon_rc, 0, "SIGTERM: exit status 0");
	tap_eq(F.ioctl_detaches, 2, "and detached");
}

int main(void)
{
	pthread_t h;

	tap_start();
	csme_log_quiet = 1;
	snprintf(F.path, sizeof(F.path), "/tmp/csme-sim-fake-dev-%d", (int)getpid());
	snprintf(sock_path, sizeof(sock_path), "/tmp/csme-sim-td-%d.sock", (int)getpid());
	pthread_create(&h, NULL, host_thread, NULL);
	test_session();
	test_v3_and_signal();
	pthread_mutex_lock(&F.lock);
	F.stop = true;
	pthread_cond_broadcast(&F.cond);
	pthread_mutex_unlock(&F.lock);
	pthread_join(h, NULL);
	while (F.nareas)
		free(F.areas[--F.nareas]);
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/sap_sim and the sap_host handshake, played by hand: every errno of
 * the character device, the events of an attach, the shared area mapping,
 * the START / START_OK handshake (good, short, wrong version, a late
 * answer, none at all, restart through debugfs; START goes out once, as
 * upstream), the v4 -> v3 fall-back, a firmware reset and a mapping that
 * outlives its session.
 *
 * Needs sap_host (start_timeout_ms=200), sap_sim and wlan_sim (a registered
 * WLAN driver) loaded, nothing else using /dev/sap_sim.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/sap_sim.h>

#include "tap.h"

#define DBG "/sys/kernel/debug/sap_host/"
#define V4_SIZE 172032
#define V3_SIZE 139264
#define EVBUF (sizeof(struct sap_sim_event) + SAP_SIM_MSG_MAX)

static union {
	struct sap_sim_event ev;
	unsigned char raw[EVBUF + 64];
} evbuf;

static int read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return 0;
}

/* value of "key value" in a debugfs file, or "" */
static const char *dbg_get(const char *file, const char *key)
{
	static char buf[8192], val[128];
	char *p, *line;
	size_t kl = strlen(key);

	val[0] = 0;
	if (read_file(file, buf, sizeof(buf)))
		return val;
	for (line = strtok_r(buf, "\n", &p); line; line = strtok_r(NULL, "\n", &p)) {
		if (!strncmp(line, key, kl) && line[kl] == ' ') {
			snprintf(val, sizeof(val), "%s", line + kl + 1);
			break;
		}
	}
	return val;
}

static long counter(const char *name)
{
	return atol(dbg_get(DBG "counters", name));
}

static const char *state(void)
{
	return dbg_get(DBG "status", "state");
}

static int wait_state(const char *want, int ms)
{
	for (; ms > 0; ms -= 20) {
		if (!strcmp(state(), want))
			return 1;
		usleep(20000);
	}
	tap_diag("state is '%s', waited for '%s'", state(), want);
	return 0;
}

/* wait until counter @name reaches @min */
static int wait_counter(const char *name, long min, int ms)
{
	for (; ms > 0; ms -= 20) {
		if (counter(name) >= min)
			return 1;
		usleep(20000);
	}
	tap_diag("%s is %ld, waited for %ld", name, counter(name), min);
	return 0;
}

/* next event within @ms, or NULL */
static struct sap_sim_event *next_event(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	if (poll(&p, 1, ms) != 1)
		return NULL;
	n = read(fd, evbuf.raw, EVBUF);
	if (n < (ssize_t)sizeof(struct sap_sim_event))
		return NULL;
	return &evbuf.ev;
}

/* skip events until one of @type; NULL on timeout */
static struct sap_sim_event *wait_event_type(int fd, uint32_t type, int ms)
{
	struct sap_sim_event *ev;

	while ((ev = next_event(fd, ms)))
		if (ev->type == type)
			return ev;
	return NULL;
}

static uint32_t le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/* a START_OK of @len bytes selecting @version */
static ssize_t send_start_ok(int fd, int len, int version)
{
	unsigned char m[32] = {};

	put32(m, 2);
	put32(m + 4, 1);
	put32(m + 8, len);
	m[16] = version;
	return write(fd, m, len);
}

/* a bare CHECK_SHARED_AREA (doorbell) */
static ssize_t send_csa(int fd)
{
	unsigned char m[12] = {};

	put32(m, 3);
	put32(m + 4, 1);
	put32(m + 8, sizeof(m));
	return write(fd, m, sizeof(m));
}

static int attach(int fd, uint32_t max)
{
	struct sap_sim_attach a = { .size = sizeof(a), .max_map_size = max };

	return ioctl(fd, SAP_SIM_IOC_ATTACH, &a);
}

/* wait for START, skipping doorbells; return the version it offers or -1 */
static int wait_start(int fd, int ms)
{
	struct sap_sim_event *ev;

	while ((ev = wait_event_type(fd, SAP_SIM_EV_MSG, ms))) {
		if (ev->len >= 4 && le32(ev->data) == 3)
			continue;
		if (ev->len != 88 || le32(ev->data) != 1 || le32(ev->data + 8) != 88)
			return -1;
		return ev->data[24];
	}
	return -1;
}

/* the same commands as seen by programs built with other struct sizes */
struct attach_big {
	struct sap_sim_attach a;
	uint64_t ext;
};

struct info_small {
	uint32_t size;
	uint32_t attached;
};

#define SAP_SIM_IOC_ATTACH_BIG	_IOW(SAP_SIM_IOC_MAGIC, 0, struct attach_big)
#define SAP_SIM_IOC_INFO_SMALL	_IOWR(SAP_SIM_IOC_MAGIC, 3, struct info_small)

static void test_errnos(void)
{
	struct sap_sim_attach a = { .size = sizeof(a) };
	struct sap_sim_info info = { .size = sizeof(info) };
	struct attach_big big = {};
	struct info_small small_info = {};
	struct sap_sim_event *ev;
	struct pollfd p;
	void *noaccess;
	unsigned char small[8], msg[SAP_SIM_MSG_MAX + 1] = {};
	int fd, fd2;

	fd = open(SAP_SIM_DEVICE, O_RDWR | O_NONBLOCK);
	if (!tap_ok(fd >= 0, "open %s", SAP_SIM_DEVICE))
		return;
	fd2 = open(SAP_SIM_DEVICE, O_RDWR);
	tap_ok(fd2 < 0 && errno == EBUSY, "a second open gets EBUSY");
	if (fd2 >= 0)
		close(fd2);
	tap_errno(write(fd, msg, 12), ENOTCONN, "write before attach: ENOTCONN");
	tap_errno(read(fd, evbuf.raw, EVBUF), EAGAIN, "read without event, O_NONBLOCK: EAGAIN");
	tap_errno(read(fd, small, sizeof(small)), EINVAL, "read with a short buffer: EINVAL");
	tap_errno(ioctl(fd, SAP_SIM_IOC_DETACH), ENOTCONN, "DETACH unattached: ENOTCONN");
	tap_errno(ioctl(fd, SAP_SIM_IOC_RESET), ENOTCONN, "RESET unattached: ENOTCONN");
	tap_errno(ioctl(fd, _IO(SAP_SIM_IOC_MAGIC, 42)), ENOTTY, "unknown ioctl: ENOTTY");
	tap_errno(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED ? -1 : 0,
		  ENODEV, "mmap without a mapped area: ENODEV");
	a.flags = 1;
	tap_errno(ioctl(fd, SAP_SIM_IOC_ATTACH, &a), EINVAL, "ATTACH with unknown flags: EINVAL");
	a.flags = 0;
	a.size = 4;
	tap_errno(ioctl(fd, SAP_SIM_IOC_ATTACH, &a), EINVAL, "ATTACH with a tiny size: EINVAL");
	tap_errno(ioctl(fd, SAP_SIM_IOC_ATTACH, NULL), EFAULT, "ATTACH with NULL: EFAULT");
	tap_ok(ioctl(fd, SAP_SIM_IOC_INFO, &info) == 0 && !info.attached,
	       "INFO: not attached");
	p.fd = fd;
	p.events = POLLOUT;
	tap_eq(poll(&p, 1, 0), 0, "poll: no POLLOUT before the client is enabled");

	/* the structs carry their size: other sizes in the ioctl number work */
	big.a.size = sizeof(big);
	big.ext = 1;
	tap_errno(ioctl(fd, SAP_SIM_IOC_ATTACH_BIG, &big), E2BIG,
		  "ATTACH from a newer program setting an unknown field: E2BIG");
	big.ext = 0;
	tap_ok(ioctl(fd, SAP_SIM_IOC_ATTACH_BIG, &big) == 0,
	       "ATTACH from a newer program (%zu-byte struct, zero tail)", sizeof(big));
	small_info.size = sizeof(small_info);
	tap_ok(ioctl(fd, SAP_SIM_IOC_INFO_SMALL, &small_info) == 0 && small_info.attached == 1,
	       "INFO from an older program (8-byte struct)");
	tap_errno(attach(fd, 0), EBUSY, "ATTACH twice: EBUSY");

	/* a read that faults leaves its event queued */
	noaccess = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	tap_errno(read(fd, noaccess, EVBUF), EFAULT, "read into an inaccessible buffer: EFAULT");
	munmap(noaccess, 4096);
	ev = next_event(fd, 2000);
	tap_ok(ev && ev->type == SAP_SIM_EV_MAP, "the next read returns that event (MAP)");
	tap_ok(wait_start(fd, 2000) == 4, "START offers SAP v4");
	tap_ok(poll(&p, 1, 0) == 1 && (p.revents & POLLOUT), "poll: POLLOUT once enabled");
	tap_errno(write(fd, msg, 0), EINVAL, "empty write: EINVAL");
	tap_errno(write(fd, msg, sizeof(msg)), EMSGSIZE, "write of %zu bytes: EMSGSIZE",
		  sizeof(msg));
	close(fd);
	tap_ok(wait_state("unbound", 2000), "close detaches: sap_host unbound");
}

static void test_handshake(void)
{
	struct sap_sim_info info = { .size = sizeof(info) };
	struct sap_sim_event *ev;
	long bad, sent, hs, to;
	unsigned char *area;
	int fd, ver;

	fd = open(SAP_SIM_DEVICE, O_RDWR);
	if (!tap_ok(fd >= 0, "open again after close"))
		return;
	hs = counter("handshakes");
	tap_ok(attach(fd, 0) == 0, "ATTACH");
	ev = wait_event_type(fd, SAP_SIM_EV_MAP, 2000);
	tap_ok(ev && ev->map_size == V4_SIZE, "MAP event of %d bytes", V4_SIZE);
	area = mmap(NULL, V4_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (!tap_ok(area != MAP_FAILED, "mmap the shared area"))
		area = NULL;
	tap_errno(mmap(NULL, V4_SIZE + 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED ? -1 : 0,
		  EINVAL, "mmap beyond the area: EINVAL");
	tap_ok(wait_event_type(fd, SAP_SIM_EV_ENABLE, 2000) != NULL, "ENABLE event");
	ver = wait_start(fd, 2000);
	tap_eq(ver, 4, "START offers v4");
	if (area) {
		tap_eq(le32(area), 0x21504153, "control block starts with SAP!");
		tap_eq(le32(area + 20), 32768, "H2M notification queue of v4 size");
		tap_eq(le32(area + 167936), 0x21504153, "trailer magic at 167936");
	}
	tap_eq(ioctl(fd, SAP_SIM_IOC_INFO, &info), 0, "INFO");
	tap_ok(info.attached && info.enabled && info.map_size == V4_SIZE, "INFO: attached, enabled, v4 area");

	/* a START_OK one byte short is rejected; as upstream, START is not
	 * sent again, not even after the timeout
	 */
	bad = counter("start_ok_bad");
	sent = counter("start_sent");
	to = counter("start_timeouts");
	tap_eq(send_start_ok(fd, 19, 4), 19, "write a 19-byte START_OK");
	tap_ok(wait_start(fd, 700) < 0, "no second START (3 timeouts' worth)");
	tap_ok(counter("start_ok_bad") > bad, "short START_OK counted (start_ok_bad)");
	tap_eq(counter("start_sent"), sent, "start_sent unchanged");
	tap_ok(counter("start_timeouts") > to, "the timeout was counted");
	tap_ok(!strcmp(state(), "starting"), "still starting");

	/* wrong version: rejected too */
	bad = counter("start_ok_bad");
	tap_eq(send_start_ok(fd, 20, 3), 20, "write a START_OK selecting v3");
	tap_ok(wait_counter("start_ok_bad", bad + 1, 2000), "wrong version counted");
	tap_ok(wait_start(fd, 300) < 0, "no START again");

	/* a doorbell before START_OK: the rings are not read, it is counted */
	bad = counter("me_rx_before_start_ok");
	tap_eq(send_csa(fd), 12, "write CHECK_SHARED_AREA before START_OK");
	tap_ok(wait_counter("me_rx_before_start_ok", bad + 1, 2000),
	       "counted in me_rx_before_start_ok");
	tap_ok(!strcmp(state(), "starting"), "still starting");

	/* the right one, late: still taken */
	tap_eq(send_start_ok(fd, 20, 4), 20, "write a valid START_OK, after the timeout");
	tap_ok(wait_state("connected", 2000), "sap_host connected");
	tap_eq(counter("handshakes"), hs + 1, "one more handshake");

	/* firmware reset: the session goes and comes back */
	tap_eq(ioctl(fd, SAP_SIM_IOC_RESET), 0, "RESET");
	tap_ok(wait_event_type(fd, SAP_SIM_EV_UNMAP, 3000) != NULL, "UNMAP event");
	ev = wait_event_type(fd, SAP_SIM_EV_MAP, 3000);
	tap_ok(ev && ev->gen == info.gen + 1, "MAP again with the next generation");
	tap_ok(wait_start(fd, 2000) == 4, "START after the reset");
	if (area) {
		/* the old mapping stays valid (and harmless) after the reset */
		area[100] = 0x5a;
		tap_ok(area[100] == 0x5a, "the old mapping is still usable");
		munmap(area, V4_SIZE);
	}
	tap_eq(send_start_ok(fd, 20, 4), 20, "START_OK");
	tap_ok(wait_state("connected", 2000), "connected again");
	tap_eq(ioctl(fd, SAP_SIM_IOC_DETACH), 0, "DETACH");
	tap_ok(wait_state("unbound", 2000), "unbound after DETACH");
	close(fd);
}

static void test_v3_and_give_up(void)
{
	struct sap_sim_event *ev;
	long to;
	int fd, i;

	fd = open(SAP_SIM_DEVICE, O_RDWR);
	if (!tap_ok(fd >= 0, "open"))
		return;
	tap_ok(attach(fd, V3_SIZE) == 0, "ATTACH refusing areas over %d bytes", V3_SIZE);
	ev = wait_event_type(fd, SAP_SIM_EV_MAP, 2000);
	tap_ok(ev && ev->map_size == V3_SIZE, "the host fell back to the v3 area");
	tap_eq(wait_start(fd, 2000), 3, "START offers v3");
	tap_eq(send_start_ok(fd, 20, 3), 20, "START_OK v3");
	tap_ok(wait_state("connected", 2000), "connected with v3");
	tap_ok(!strcmp(dbg_get(DBG "status", "version"), "3"), "status shows version 3");

	/* a firmware that never answers: one START, reported, not repeated */
	to = counter("start_timeouts");
	tap_eq(ioctl(fd, SAP_SIM_IOC_RESET), 0, "RESET");
	tap_eq(wait_start(fd, 3000), 3, "START after the reset");
	tap_ok(wait_counter("start_timeouts", to + 1, 2000), "the timeout is counted");
	tap_ok(wait_start(fd, 1000) < 0, "no second START");
	tap_ok(!strcmp(state(), "starting"), "still waiting for START_OK");

	/* debugfs restarts it */
	i = open(DBG "send_start_message", O_WRONLY);
	tap_ok(i >= 0 && write(i, "1", 1) == 1, "write send_start_message");
	if (i >= 0)
		close(i);
	tap_eq(wait_start(fd, 2000), 3, "START again");
	tap_eq(send_start_ok(fd, 20, 3), 20, "START_OK");
	tap_ok(wait_state("connected", 2000), "connected after the restart");
	i = open(DBG "send_start_message", O_WRONLY);
	tap_errno(i >= 0 ? write(i, "1", 1) : 0, EBUSY, "send_start_message on a live session: EBUSY");
	if (i >= 0)
		close(i);
	tap_ok(!strcmp(dbg_get(DBG "status", "state"), "connected"), "the session is untouched");
	close(fd);
	tap_ok(wait_state("unbound", 2000), "unbound after close");
}

int main(void)
{
	tap_start();
	test_errnos();
	test_handshake();
	test_v3_and_give_up();
	return tap_end();
}

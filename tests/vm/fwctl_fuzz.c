// SPDX-License-Identifier: GPL-2.0
/*
 * Bounded fwctl ioctl fuzzer: random command words, struct sizes, scopes,
 * lengths and pointers (valid, NULL, unmapped, misaligned, kernel-range,
 * running into a guard page) from several threads over several fwctl_sim
 * devices, while another thread creates and destroys devices and flips the
 * firmware's fault knobs. With -m the devices are simulated ConnectX
 * functions (mlx5_fwctl_sim) and the requests PRM mailboxes: known and
 * unknown opcodes, random op_mods and forged uids. With -S the device is
 * the SAP host's (a session with csme-sim set up by the caller) and the
 * requests fwctl_sap ones: every op, unknown ops, extended headers, raw
 * notifications well formed or not; the churn thread runs the command in
 * $FWGATE_SAP_CHURN (a CSME firmware reset: the device goes and comes).
 *
 *   fwctl_fuzz [-m | -S] [-s SEED] [-n CALLS] [-t THREADS] [-d DEVICES]
 *
 * Each thread draws from its own generator seeded with SEED + its index,
 * so a thread's sequence of calls is reproducible from the seed (the
 * interleaving between threads is not). Every result must be success or
 * an errno the uAPI documents; anything else, or a crash, fails.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <dirent.h>
#include <sys/mman.h>
#include <fwctl/sap.h>
#include "tap.h"
#include "mlx5dev.h"

#define BASE_ID 500
#define KERNEL_PTR 0xffff888000000000ull

static unsigned long long seed = 1;
static long calls = 20000;
static int nthreads = 4, ndevs = 3;
static atomic_long done_calls, unexpected;
static atomic_int stop;
static long errcount[160];
static pthread_mutex_t errlock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char *guard;	/* one page, then a PROT_NONE page */
static long page;
static int mlx5;	/* -m: simulated ConnectX functions */
static int sap;		/* -S: the SAP host's device */

static uint64_t rnd(uint64_t *s)
{
	/* splitmix64 */
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t pick_ptr(uint64_t *s, void *valid, size_t len)
{
	switch (rnd(s) % 10) {
	case 0: return 0;
	case 1: return (uintptr_t)(guard + page);		/* unmapped */
	case 2: return (uintptr_t)(guard + page - (rnd(s) % 64));	/* runs into it */
	case 3: return KERNEL_PTR + (rnd(s) & 0xfff);
	case 4: return (uintptr_t)valid + 1 + rnd(s) % 7;	/* misaligned */
	case 5: return rnd(s);					/* anything */
	default: (void)len; return (uintptr_t)valid;
	}
}

static uint32_t pick_len(uint64_t *s)
{
	static const uint32_t interesting[] = {
		0, 1, 15, 16, 17, 24, 31, 32, 33, 64, 4096,
		(2u << 20) - 1, 2u << 20, (2u << 20) + 1, 0xffffffffu,
	};

	if (rnd(s) % 3)
		return rnd(s) % 96;
	return interesting[rnd(s) % (sizeof(interesting) / sizeof(interesting[0]))];
}

static int allowed(int e)
{
	switch (e) {
	case 0: case ENOTTY: case EFAULT: case EINVAL: case E2BIG:
	case EOPNOTSUPP: case EMSGSIZE: case EPERM: case ENODEV: case ENOMEM:
		return 1;
	case EBADMSG:	/* mlx5: a command the scope does not allow */
		return mlx5;
	case ENOSPC:	/* sap: out_len below the response header */
		return sap;
	}
	return 0;
}

/* The fwctl device of type sap, or -ENODEV (between unplug and replug). */
static int sap_open(void)
{
	struct fwctl_info info = { .size = sizeof(info) };
	DIR *d = opendir("/dev/fwctl");
	struct dirent *e;
	char path[300];
	int fd = -ENODEV;

	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/dev/fwctl/%s", e->d_name);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd >= 0 && !ioctl(fd, FWCTL_INFO, &info) &&
		    info.out_device_type == FWCTL_DEVICE_TYPE_FWGATE_SAP)
			break;
		if (fd >= 0)
			close(fd);
		fd = -ENODEV;
	}
	if (d)
		closedir(d);
	return fd;
}

static int open_random(uint64_t *s)
{
	unsigned int id = BASE_ID + rnd(s) % ndevs;

	if (sap)
		return sap_open();
	return mlx5 ? mlx5sim_open(id) : sim_open(id);
}

/* A fwctl_sap request that often reaches an op, sometimes the firmware. */
static void sap_request(uint64_t *s, unsigned char *buf)
{
	static const uint32_t ops[] = {
		FWCTL_SAP_OP_STATUS, FWCTL_SAP_OP_COUNTERS, FWCTL_SAP_OP_FILTERS,
		FWCTL_SAP_OP_LOG, FWCTL_SAP_OP_RINGS, FWCTL_SAP_OP_OWN_REQUEST,
		FWCTL_SAP_OP_OWN_GIVE, FWCTL_SAP_OP_PING, FWCTL_SAP_OP_RESTART,
		FWCTL_SAP_OP_RAW, 0, 0x12, 0xffffffff,
	};
	struct fwctl_sap_req *req = (void *)buf;
	unsigned int i, plen = rnd(s) % 24;

	memset(buf, 0, 64);
	req->hdr_len = rnd(s) % 8 ? 16 : rnd(s) % 4 ? 16 + 4 * (rnd(s) % 3) : rnd(s);
	req->op = ops[rnd(s) % (sizeof(ops) / sizeof(ops[0]))];
	req->flags = rnd(s) % 32 ? 0 : rnd(s);
	req->arg0 = rnd(s) % 4 ? 0 : rnd(s) % 2 ? rnd(s) % 600 : (uint32_t)rnd(s);
	if (req->hdr_len > 16 && req->hdr_len <= 24 && rnd(s) % 2)
		buf[16 + rnd(s) % (req->hdr_len - 16)] = 1;
	/* raw: a host notification (types 1000..1025), its length field
	 * right most of the time
	 */
	for (i = 0; i < plen; i++)
		buf[24 + i] = rnd(s);
	buf[24] = 0xe8 + rnd(s) % 26;
	buf[25] = 0x03;
	buf[26] = rnd(s) % 4 ? (plen > 8 ? plen - 8 : 0) : rnd(s);
	buf[27] = 0;
	if (req->hdr_len == 16 && rnd(s) % 2)
		memmove(buf + 16, buf + 24, plen);
}

/* A PRM mailbox that often reaches the firmware model. */
static void mlx5_request(uint64_t *s, unsigned char *buf)
{
	static const uint16_t ops[] = {
		PRM_QUERY_HCA_CAP, PRM_QUERY_ADAPTER, PRM_QUERY_ISSI,
		PRM_ACCESS_REG, PRM_NOP, PRM_QUERY_UCTX, PRM_CREATE_UCTX,
		PRM_DESTROY_UCTX, PRM_SET_DIAGNOSTIC_PARAMS, PRM_QUERY_PAGES,
		0x109, 0x200, 0xb0c, 0x8000, 0xffff,
	};
	static const uint16_t regs[] = {
		PRM_REG_PTYS, PRM_REG_PPCNT, PRM_REG_MTMP, PRM_REG_MGIR,
		PRM_REG_MCAM, 0x1234,
	};
	unsigned int i;

	for (i = 0; i < 64; i++)
		buf[i] = rnd(s) % 4 ? 0 : rnd(s);
	mbox_hdr(buf, rnd(s) % 8 ? ops[rnd(s) % (sizeof(ops) / sizeof(ops[0]))] :
		 (uint16_t)rnd(s), rnd(s) % 4 ? 0 : rnd(s) % 8,
		 rnd(s) % 4 ? rnd(s) % 2 : (uint16_t)rnd(s));
	prm_set(buf, 0x50, 16, regs[rnd(s) % (sizeof(regs) / sizeof(regs[0]))]);
	/* the register data's local_port, which most registers check */
	prm_set(buf, 0x80 + 0x08, 8, rnd(s) % 4 ? 1 : rnd(s));
}

static void one_call(uint64_t *s, int fd, unsigned char *buf, size_t buflen)
{
	static const uint32_t ops[] = {
		FWCTL_SIM_OP_NOP, FWCTL_SIM_OP_IDENTIFY, FWCTL_SIM_OP_CFG_GET,
		FWCTL_SIM_OP_CFG_SET, FWCTL_SIM_OP_OBJ_ALLOC, FWCTL_SIM_OP_OBJ_FREE,
		FWCTL_SIM_OP_COUNTERS, FWCTL_SIM_OP_LOG_DUMP, FWCTL_SIM_OP_REG_READ,
		FWCTL_SIM_OP_OBJ_QUERY, FWCTL_SIM_OP_REG_WRITE, FWCTL_SIM_OP_FW_RESET,
		FWCTL_SIM_OP_MEM_WRITE, FWCTL_SIM_OP_MEM_READ, 0x7fff, 0xffffffff,
	};
	unsigned char arg[128];
	struct fwctl_sim_req *req = (void *)buf;
	unsigned long cmd;
	uint64_t r = rnd(s);
	void *argp = arg;
	int ret, e;
	unsigned int i;

	for (i = 0; i < sizeof(arg); i++)
		arg[i] = (rnd(s) % 4) ? 0 : rnd(s);
	switch (r % 8) {
	case 0: cmd = rnd(s) & 0xffffffff; break;
	case 1: cmd = FWCTL_INFO; break;
	default: cmd = FWCTL_RPC; break;
	}
	if (rnd(s) % 16 == 0)
		cmd = (cmd & 0xffff) | ((rnd(s) & 0xffff) << 16);

	/* a request that often reaches the driver */
	if (mlx5) {
		mlx5_request(s, buf);
		goto built;
	}
	if (sap) {
		sap_request(s, buf);
		goto built;
	}
	req->opcode = ops[rnd(s) % (sizeof(ops) / sizeof(ops[0]))];
	req->arg0 = rnd(s) % 4 ? rnd(s) % 80 : (uint32_t)rnd(s);
	req->arg1 = rnd(s) % 4 ? rnd(s) % 5000 : (uint32_t)rnd(s);
	req->rsvd = rnd(s) % 32 ? 0 : 1;

built:
	if (cmd == FWCTL_RPC) {
		struct fwctl_rpc *rpc = (void *)arg;

		rpc->size = rnd(s) % 8 ? 32 : rnd(s) % 128;
		rpc->scope = rnd(s) % 8 ? rnd(s) % 4 : (uint32_t)rnd(s);
		rpc->in_len = rnd(s) % 2 ? 16 + rnd(s) % 64 : pick_len(s);
		rpc->out_len = rnd(s) % 2 ? rnd(s) % 512 : pick_len(s);
		if (rpc->in_len > buflen)
			rpc->in_len = rnd(s) % 2 ? buflen : rpc->in_len;
		if (rpc->out_len > buflen && rnd(s) % 2)
			rpc->out_len = buflen;
		rpc->in = pick_ptr(s, buf, buflen);
		rpc->out = pick_ptr(s, buf + buflen / 2, buflen / 2);
		if (rpc->out_len > buflen / 2 && rpc->out == (uintptr_t)(buf + buflen / 2))
			rpc->out = (uintptr_t)buf;
	} else if (cmd == FWCTL_INFO) {
		struct fwctl_info *info = (void *)arg;

		info->size = rnd(s) % 8 ? 24 : rnd(s) % 128;
		info->flags = rnd(s) % 16 ? 0 : rnd(s);
		info->device_data_len = rnd(s) % 64;
		info->out_device_data = pick_ptr(s, buf, buflen);
	}
	if (rnd(s) % 32 == 0)
		argp = (void *)(uintptr_t)pick_ptr(s, arg, sizeof(arg));

	ret = ioctl(fd, cmd, argp);
	e = ret ? errno : 0;
	atomic_fetch_add(&done_calls, 1);
	pthread_mutex_lock(&errlock);
	errcount[e < 160 ? e : 159]++;
	pthread_mutex_unlock(&errlock);
	if (!allowed(e) && atomic_fetch_add(&unexpected, 1) < 10)
		tap_diag("cmd 0x%lx returned errno %d (%s)", cmd, e, strerror(e));
}

static void *fuzz_thread(void *arg)
{
	uint64_t s = seed + (uintptr_t)arg;
	size_t buflen = 2u << 20;
	/*
	 * Twice buflen: a misaligned out pointer (buf + buflen / 2 + 7) with
	 * an out_len up to 2 MiB must land in our own mapping, not in
	 * whatever the kernel mapped next to it (another thread's stack).
	 */
	unsigned char *buf = mmap(NULL, 2 * buflen, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	/* the last thread also makes the remainder of the division */
	long per_thread = calls / nthreads +
			  ((uintptr_t)arg == (uintptr_t)nthreads - 1 ? calls % nthreads : 0);
	int fd = -1;
	long made = 0;

	/* count only calls really made: an open that meets a removed device is not one */
	while (made < per_thread) {
		if (fd < 0 || rnd(&s) % 200 == 0) {
			if (fd >= 0)
				close(fd);
			fd = open_random(&s);
			if (fd < 0) {
				usleep(100);
				continue;	/* device being recreated */
			}
		}
		one_call(&s, fd, buf, buflen);
		made++;
	}
	if (fd >= 0)
		close(fd);
	munmap(buf, 2 * buflen);
	return NULL;
}

static void *churn_thread(void *arg)
{
	uint64_t s = seed ^ 0xc0ffee;
	const char *churn = getenv("FWGATE_SAP_CHURN");
	int cycles = 0;

	(void)arg;
	while (sap && !atomic_load(&stop)) {
		if (churn && !system(churn))
			cycles++;
		usleep(200000);
	}
	while (!sap && !atomic_load(&stop)) {
		unsigned int id = BASE_ID + rnd(&s) % ndevs;

		switch (rnd(&s) % 4) {
		case 0:
			if (mlx5 ? !mlx5sim_del(id) && !mlx5sim_new(id) :
			    !sim_del(id) && !sim_new(id))
				cycles++;
			break;
		case 1:
			if (mlx5)
				mlx5sim_set(id, "fail_status", rnd(&s) % 3 ? 0 :
					    PRM_STAT_BAD_SYS_STATE);
			else
				sim_set(id, "inject_errors", rnd(&s) % 3);
			break;
		case 2:
			if (mlx5)
				mlx5sim_set(id, "tools_resources", rnd(&s) % 2);
			else
				sim_set(id, "crashed", rnd(&s) % 2);
			break;
		default:
			break;
		}
		usleep(2000);
	}
	*(int *)arg = cycles;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th[64], churn;
	int opt, i, cycles = 0, ok = 1;
	long long opens0, closes0;

	while ((opt = getopt(argc, argv, "mSs:n:t:d:")) != -1) {
		switch (opt) {
		case 'm': mlx5 = 1; break;
		case 'S': sap = 1; ndevs = 1; break;
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 'n': calls = strtol(optarg, NULL, 0); break;
		case 't': nthreads = atoi(optarg); break;
		case 'd': ndevs = atoi(optarg); break;
		default: return 2;
		}
	}
	if (nthreads < 1 || nthreads > 64 || ndevs < 1)
		return 2;

	tap_start();
	tap_diag("seed %llu, %ld calls, %d threads, %d %s devices", seed, calls,
		 nthreads, ndevs, sap ? "SAP host" : mlx5 ? "simulated ConnectX" : "fwctl_sim");
	page = sysconf(_SC_PAGESIZE);
	guard = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(guard + page, page, PROT_NONE);
	if (sap) {
		opens0 = closes0 = 0;
		i = sap_open();
		tap_ok(i >= 0, "the SAP host's fwctl device is there");
		if (i >= 0)
			close(i);
	} else {
		opens0 = mlx5 ? mlx5sim_total("uids_created") : sim_total("open_calls");
		closes0 = mlx5 ? mlx5sim_total("uids_destroyed") : sim_total("close_calls");
		for (i = 0; i < ndevs; i++)
			ok &= (mlx5 ? mlx5sim_new(BASE_ID + i) : sim_new(BASE_ID + i)) == 0;
		tap_ok(ok, "created %d sim devices", ndevs);
	}

	churn = 0;
	pthread_create(&churn, NULL, churn_thread, &cycles);
	for (i = 0; i < nthreads; i++)
		pthread_create(&th[i], NULL, fuzz_thread, (void *)(uintptr_t)i);
	for (i = 0; i < nthreads; i++)
		pthread_join(th[i], NULL);
	atomic_store(&stop, 1);
	pthread_join(churn, NULL);

	for (i = 0; i < 160; i++)
		if (errcount[i])
			tap_diag("errno %3d %-26s %ld", i, i ? strerror(i) : "success", errcount[i]);
	tap_eq(atomic_load(&done_calls), calls, "made every one of the %ld calls asked for", calls);
	tap_ok(errcount[0] > 0, "some calls succeeded (%ld)", errcount[0]);
	tap_eq(atomic_load(&unexpected), 0, "every result was success or a documented errno");
	tap_ok(cycles > 0, "devices were destroyed and recreated under the fuzzer (%d)", cycles);

	if (sap) {
		printf("fuzz-result: calls=%ld unexpected=%ld seed=%llu\n",
		       atomic_load(&done_calls), atomic_load(&unexpected), seed);
		return tap_end();
	}
	for (i = 0; i < ndevs && !mlx5; i++) {
		sim_set(BASE_ID + i, "crashed", 0);
		sim_del(BASE_ID + i);
	}
	for (i = 0; i < ndevs && mlx5; i++)
		mlx5sim_del(BASE_ID + i);
	if (mlx5)
		tap_eq(mlx5sim_total("uids_created") - opens0,
		       mlx5sim_total("uids_destroyed") - closes0,
		       "every firmware uid created was destroyed");
	else
		tap_eq(sim_total("open_calls") - opens0,
		       sim_total("close_calls") - closes0,
		       "every driver open got exactly one close");
	printf("fuzz-result: calls=%ld unexpected=%ld seed=%llu\n",
	       atomic_load(&done_calls), atomic_load(&unexpected), seed);
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * 1. The scope x opcode x capability matrix: every fwctl_sim opcode and a
 *    set outside the catalogue, at scopes 0-4 and 0xffffffff, with and
 *    without CAP_SYS_RAWIO, against an expectation table written from the
 *    documentation in include/uapi/fwctl/fwctl.h (scope rules) and
 *    fwctl_sim.h (catalogue and minimum scopes) - not from the driver.
 * 2. The firmware model through libfwctl: configuration ranges and
 *    persistence, objects per context, the 2 MiB log in one RPC and in
 *    chunks, and fault injection through debugfs (inject_errors, delay_ms,
 *    crashed, fail_open), with the core staying consistent.
 * Uses sim devices 310-319 and removes them again.
 */
#include <stdbool.h>
#include <time.h>
#include <sys/wait.h>
#include "tap.h"
#include "caps.h"
#include "simdev.h"
#include "libfwctl.h"
#include "fwsim_catalogue.h"

#define ID_MATRIX 310
#define ID_OBJ 311
#define ID_LOG 312
#define ID_FAULT 313
#define MIB (1u << 20)
#define LOG_LEN (2 * MIB - 16)	/* header: "the log is 2 MiB - 16 bytes" */
#define LINE 64

/* From fwctl_sim.h: each opcode and its documented minimum scope. */
static const struct op {
	uint32_t op;
	int min;		/* -1: not in the catalogue */
	const char *name;
} ops[] = {
	{ 0x0000, 0, "NOP" },
	{ 0x0001, 0, "IDENTIFY" },
	{ 0x0010, 0, "CFG_GET" },
	{ 0x0011, 0, "CFG_SET" },
	{ 0x0018, 0, "OBJ_ALLOC" },
	{ 0x0019, 0, "OBJ_FREE" },
	{ 0x0020, 1, "COUNTERS" },
	{ 0x0021, 1, "LOG_DUMP" },
	{ 0x0022, 1, "REG_READ" },
	{ 0x0023, 1, "OBJ_QUERY" },
	{ 0x0030, 2, "REG_WRITE" },
	{ 0x0031, 2, "FW_RESET" },
	{ 0x0040, 3, "MEM_WRITE" },
	{ 0x0041, 3, "MEM_READ" },
	{ 0x0002, -1, "unknown" },
	{ 0x000f, -1, "unknown" },
	{ 0x0012, -1, "unknown" },
	{ 0x0017, -1, "unknown" },
	{ 0x001a, -1, "unknown" },
	{ 0x0024, -1, "unknown" },
	{ 0x0032, -1, "unknown" },
	{ 0x0042, -1, "unknown" },
	{ 0x0100, -1, "unknown" },
	{ 0xffff, -1, "unknown" },
	{ 0x10000, -1, "unknown" },
	{ 0xffffffff, -1, "unknown" },
};
#define NOPS (sizeof(ops) / sizeof(ops[0]))

static const uint32_t scopes[] = { 0, 1, 2, 3, 4, 0xffffffff };
#define NSCOPES (sizeof(scopes) / sizeof(scopes[0]))

/* Cell outcomes: 0 delivered and OK, -errno refused, 1000 + status. */
#define BAD_RESPONSE 2000

/*
 * fwctl.h: a scope above 3 is EOPNOTSUPP; scope 3 needs CAP_SYS_RAWIO
 * (EPERM). fwctl_sim.h: an opcode outside the catalogue is EOPNOTSUPP, one
 * below its minimum scope EPERM. The core's checks come first.
 */
static int expected(const struct op *o, uint32_t scope, bool rawio)
{
	if (scope > 3)
		return -EOPNOTSUPP;
	if (scope == 3 && !rawio)
		return -EPERM;
	if (o->min < 0)
		return -EOPNOTSUPP;
	if (scope < (uint32_t)o->min)
		return -EPERM;
	return 0;
}

/* Run one cell with arguments that succeed whenever delivered. */
static int cell(struct fwctl_dev *dev, const struct op *o, uint32_t scope)
{
	static unsigned char out[16 + 4096];
	static const unsigned char zeros[4];
	unsigned char req[16 + 4];
	struct fwctl_sim_result res;
	const void *payload;
	uint32_t a0 = 0, a1 = 0, obj = 0, tmp;
	size_t n, plen = 0, got;
	int ret;

	switch (o->op) {
	case 0x0011:
		a1 = 1500;	/* a valid MTU */
		break;
	case 0x0018:
		a0 = 0x77;
		break;
	case 0x0019:
	case 0x0023:
		if (fwctl_sim_obj_alloc(dev, 0x66, &obj, NULL))
			return BAD_RESPONSE + 1;
		a0 = obj;
		break;
	case 0x0022:
	case 0x0030:
		a0 = 2;
		break;
	case 0x0040:
		plen = 4;
		break;
	case 0x0041:
		a1 = 16;
		break;
	}
	n = fwctl_sim_req_build(req, sizeof(req), o->op, a0, a1, zeros, plen);
	ret = fwctl_rpc(dev, scope, req, n, out, sizeof(out), &got);
	if (!ret) {
		if (got > sizeof(out) || fwctl_sim_resp_parse(out, got, &res, &payload) ||
		    res.opcode != o->op)
			ret = BAD_RESPONSE;
		else if (res.status)
			ret = 1000 + res.status;
		if (!ret && o->op == 0x0018 && res.len == 8) {
			memcpy(&obj, payload, 4);
			fwctl_sim_obj_free(dev, obj, NULL);
		}
	}
	/* an object made for QUERY/FREE that is still there goes now */
	if (obj && o->op != 0x0018 && !fwctl_sim_obj_query(dev, obj, &tmp, NULL))
		fwctl_sim_obj_free(dev, obj, NULL);
	return ret;
}

static void outcome(int r, char *buf, size_t len)
{
	if (r < 0)
		snprintf(buf, len, "%s", fwctl_errno_name(r) ? fwctl_errno_name(r) : strerror(-r));
	else if (r == 0)
		snprintf(buf, len, "delivered");
	else if (r < BAD_RESPONSE)
		snprintf(buf, len, "status %s", fwctl_sim_status_name(r - 1000));
	else
		snprintf(buf, len, "bad response %d", r);
}

static void test_matrix(struct fwctl_dev *dev)
{
	int res[2][NOPS][NSCOPES], fds[2], status;
	unsigned int i, s, cap;
	char want[32], got[32];
	bool lib_ok = true;
	pid_t pid;

	for (i = 0; i < NOPS; i++) {
		int lib = fwctl_sim_op_scope(ops[i].op);

		if (lib != (ops[i].min < 0 ? -EOPNOTSUPP : ops[i].min)) {
			tap_diag("libfwctl says %d for %s", lib, ops[i].name);
			lib_ok = false;
		}
	}
	tap_ok(lib_ok, "libfwctl's catalogue matches the documented one");

	for (i = 0; i < NOPS; i++)
		for (s = 0; s < NSCOPES; s++)
			res[1][i][s] = cell(dev, &ops[i], scopes[s]);

	if (pipe(fds)) {
		tap_ok(0, "pipe");
		return;
	}
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		if (cap_drop(CAP_SYS_RAWIO))
			_exit(1);
		for (i = 0; i < NOPS; i++)
			for (s = 0; s < NSCOPES; s++)
				res[0][i][s] = cell(dev, &ops[i], scopes[s]);
		_exit(write(fds[1], res[0], sizeof(res[0])) == sizeof(res[0]) ? 0 : 1);
	}
	close(fds[1]);
	status = read(fds[0], res[0], sizeof(res[0])) == sizeof(res[0]);
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (!tap_ok(WIFEXITED(status) && !WEXITSTATUS(status), "child without CAP_SYS_RAWIO ran its cells"))
		return;

	for (cap = 0; cap < 2; cap++) {
		for (i = 0; i < NOPS; i++) {
			for (s = 0; s < NSCOPES; s++) {
				int e = expected(&ops[i], scopes[s], cap);

				outcome(e, want, sizeof(want));
				outcome(res[cap][i][s], got, sizeof(got));
				if (res[cap][i][s] != e)
					tap_diag("got %s", got);
				tap_ok(res[cap][i][s] == e, "%-9s 0x%04x scope %u %s CAP_SYS_RAWIO: %s",
				       ops[i].name, ops[i].op, scopes[s], cap ? "with" : "without", want);
			}
		}
	}
}

static void test_config(struct fwctl_dev *dev)
{
	struct fwctl_sim_counters cnt0, cnt1;
	struct fwctl_sim_result res;
	uint32_t saved[FWCTL_SIM_CFG_NUM_KEYS], v, below;
	struct fwctl_dev *again;
	unsigned int i;
	int ok;

	for (i = 0; i < FWCTL_SIM_CFG_NUM_KEYS; i++) {
		const struct fwsim_cfg_key *k = &fwsim_cfg_keys[i];

		tap_eq(fwctl_sim_cfg_get(dev, i, &saved[i], &res), 0, "%s is %u", k->name,
		       saved[i]);
		below = k->min - 1;	/* 0xffffffff for led-mode */
		tap_eq(fwctl_sim_cfg_set(dev, i, below, &res), FWCTL_SIM_STATUS_BAD_VALUE,
		       "%s %u (below the range): BAD_VALUE", k->name, below);
		tap_eq(res.syndrome, below, "syndrome is the value");
		tap_eq(fwctl_sim_cfg_set(dev, i, k->max + 1, &res), FWCTL_SIM_STATUS_BAD_VALUE,
		       "%s %u (above the range): BAD_VALUE", k->name, k->max + 1);
		tap_eq(res.syndrome, k->max + 1, "syndrome is the value");
		ok = !fwctl_sim_cfg_get(dev, i, &v, &res) && v == saved[i];
		tap_ok(ok, "a refused value changes nothing");
		ok = !fwctl_sim_cfg_set(dev, i, k->min, &res) &&
		     !fwctl_sim_cfg_get(dev, i, &v, &res) && v == k->min;
		tap_ok(ok, "%s %u (minimum) accepted", k->name, k->min);
		ok = !fwctl_sim_cfg_set(dev, i, k->max, &res) &&
		     !fwctl_sim_cfg_get(dev, i, &v, &res) && v == k->max;
		tap_ok(ok, "%s %u (maximum) accepted", k->name, k->max);
	}
	tap_eq(fwctl_sim_cfg_get(dev, 4, &v, &res), FWCTL_SIM_STATUS_BAD_PARAM, "key 4: BAD_PARAM");
	tap_eq(res.syndrome, 4, "syndrome is the key");
	tap_eq(fwctl_sim_cfg_set(dev, 0xffffffff, 1, &res), FWCTL_SIM_STATUS_BAD_PARAM, "key 0xffffffff: BAD_PARAM");

	tap_eq(fwctl_sim_cfg_set(dev, 0, 9000, &res), 0, "mtu 9000");
	tap_eq(fwctl_sim_cfg_set(dev, 1, 16, &res), 0, "num-queues 16");
	tap_eq(fwctl_sim_counters(dev, &cnt0, &res), 0, "counters before the reset");
	tap_ok(cnt0.cfg_writes >= 2, "cfg_writes counted (%llu)", (unsigned long long)cnt0.cfg_writes);
	tap_eq(fwctl_sim_fw_reset(dev, &res), 0, "FW_RESET");
	tap_eq(fwctl_sim_counters(dev, &cnt1, &res), 0, "counters after the reset");
	tap_eq(cnt1.resets, cnt0.resets + 1, "resets counts it (and is not reset)");
	tap_eq(cnt1.cfg_writes, 0, "cfg_writes is reset");
	tap_eq(cnt1.rpcs, 1, "rpcs restarts (the counters command itself)");
	ok = !fwctl_sim_cfg_get(dev, 0, &v, &res) && v == 9000;
	tap_ok(ok, "mtu is still 9000 after the reset");
	ok = !fwctl_sim_cfg_get(dev, 1, &v, &res) && v == 16;
	tap_ok(ok, "num-queues is still 16");
	if (!fwctl_open("fwctl_sim310", &again)) {
		ok = !fwctl_sim_cfg_get(again, 0, &v, &res) && v == 9000;
		tap_ok(ok, "and seen from another open file");
		fwctl_close(again);
	}
	ok = 1;
	for (i = 0; i < FWCTL_SIM_CFG_NUM_KEYS; i++)
		ok &= !fwctl_sim_cfg_set(dev, i, saved[i], &res);
	tap_ok(ok, "configuration restored");
}

static uint64_t objects(struct fwctl_dev *dev)
{
	struct fwctl_sim_counters cnt;

	if (fwctl_sim_counters(dev, &cnt, NULL))
		return ~0ull;
	return cnt.objects;
}

static void test_objects(void)
{
	struct fwctl_sim_result res;
	struct fwctl_dev *a, *b;
	uint32_t id = 0, tag = 0;
	unsigned int i;
	int ok;

	if (!tap_eq(sim_new(ID_OBJ), 0, "create fwctl_sim311"))
		return;
	if (fwctl_open("fwctl_sim311", &a) || fwctl_open("fwctl_sim311", &b)) {
		tap_ok(0, "open fwctl_sim311 twice");
		goto out;
	}
	tap_eq(sim_debugfs(ID_OBJ, "contexts"), 2, "two contexts in debugfs");
	tap_eq(fwctl_sim_obj_alloc(a, 0xa1, &id, &res), 0, "A allocates");
	tap_eq(id, 1, "id 1");
	tap_eq(fwctl_sim_obj_query(b, 1, &tag, &res), FWCTL_SIM_STATUS_NOT_FOUND, "B cannot see A's object 1");
	tap_eq(res.syndrome, 1, "syndrome is the id");
	tap_eq(fwctl_sim_obj_free(b, 1, &res), FWCTL_SIM_STATUS_NOT_FOUND, "B cannot free it");
	tap_eq(fwctl_sim_obj_alloc(b, 0xb1, &id, &res), 0, "B allocates");
	tap_eq(id, 1, "B's ids are its own: also 1");
	ok = !fwctl_sim_obj_query(a, 1, &tag, &res) && tag == 0xa1;
	tap_ok(ok, "A's object 1 is still A's (tag 0xa1)");
	ok = !fwctl_sim_obj_query(b, 1, &tag, &res) && tag == 0xb1;
	tap_ok(ok, "B's object 1 is B's (tag 0xb1)");
	tap_eq(objects(a), 2, "counters: 2 objects");

	ok = 1;
	for (i = 2; i <= 16; i++)
		ok &= !fwctl_sim_obj_alloc(a, i, &id, &res) && id == i;
	tap_ok(ok, "A fills ids 2..16");
	tap_eq(fwctl_sim_obj_alloc(a, 17, &id, &res), FWCTL_SIM_STATUS_NO_RESOURCE, "the 17th: NO_RESOURCE");
	tap_eq(res.syndrome, 16, "syndrome is the limit, 16");
	tap_eq(fwctl_sim_obj_free(a, 0, &res), FWCTL_SIM_STATUS_NOT_FOUND, "id 0: NOT_FOUND");
	tap_eq(fwctl_sim_obj_free(a, 17, &res), FWCTL_SIM_STATUS_NOT_FOUND, "id 17: NOT_FOUND");
	tap_eq(objects(a), 17, "counters: 17 objects");

	fwctl_close(b);
	tap_eq(sim_debugfs(ID_OBJ, "contexts"), 1, "closing B frees its context");
	tap_eq(objects(a), 16, "and its object");
	tap_eq(fwctl_sim_fw_reset(a, &res), 0, "A resets the firmware");
	tap_eq(objects(a), 0, "A's objects are gone");
	tap_eq(fwctl_sim_obj_query(a, 5, &tag, &res), FWCTL_SIM_STATUS_NOT_FOUND, "object 5 no longer exists");

	if (!fwctl_open("fwctl_sim311", &b)) {
		fwctl_sim_obj_alloc(b, 0xb2, &id, &res);
		fwctl_sim_fw_reset(a, &res);
		/* fwctl_sim.h says a reset resets "objects"; fw.c keeps other contexts' */
		ok = !fwctl_sim_obj_query(b, id, &tag, &res);
		tap_diag("after A's reset, B's object %s", ok ? "survives" : "is gone");
		tap_eq(objects(a), ok ? 1 : 0, "counters agree with what B still holds");
		fwctl_close(b);
		tap_eq(objects(a), 0, "B's close frees what it held");
	}
	fwctl_close(a);
	tap_eq(sim_debugfs(ID_OBJ, "contexts"), 0, "no contexts left");
out:
	tap_eq(sim_del(ID_OBJ), 0, "delete fwctl_sim311");
}

static bool log_lines_ok(const char *log, size_t len, unsigned int id)
{
	char want[32];
	size_t off;
	int n;

	for (off = 0; off < len; off += LINE) {
		n = snprintf(want, sizeof(want), "%08zu fwsim%u ", off / LINE, id);
		if (len - off < (size_t)n || memcmp(log + off, want, n)) {
			tap_diag("line %zu: %.20s", off / LINE, log + off);
			return false;
		}
		if (len - off >= LINE && log[off + LINE - 1] != '\n') {
			tap_diag("line %zu does not end in a newline", off / LINE);
			return false;
		}
	}
	return true;
}

static void test_log(void)
{
	struct fwctl_sim_result res;
	unsigned char req[16], out[32];
	char *full, *pieces;
	struct fwctl_dev *dev;
	size_t len, off, got, chunk;
	unsigned int calls;
	bool ok;

	if (!tap_eq(sim_new(ID_LOG), 0, "create fwctl_sim312"))
		return;
	full = malloc(2 * MIB);
	pieces = malloc(2 * MIB);
	if (!full || !pieces || fwctl_open("fwctl_sim312", &dev)) {
		tap_ok(0, "set up the log test");
		goto out;
	}
	tap_eq(fwctl_sim_log_read(dev, 0, full, 2 * MIB, &len, &res), 0, "the whole log in one RPC");
	tap_eq(len, LOG_LEN, "2 MiB - 16 bytes");
	tap_eq(res.truncated, 0, "not truncated");
	tap_ok(log_lines_ok(full, len, ID_LOG), "fixed 64-byte lines numbered 0..%zu, naming fwsim312",
	       (size_t)LOG_LEN / LINE);
	tap_ok(full[LOG_LEN - 1] != '\n' && LOG_LEN % LINE == 48, "the last line is cut at 48 bytes");

	fwctl_sim_req_build(req, sizeof(req), FWCTL_SIM_OP_LOG_DUMP, 0, 0, NULL, 0);
	tap_eq(fwctl_rpc(dev, 1, req, 16, pieces, 2 * MIB, &got), 0, "raw LOG_DUMP with a 2 MiB buffer");
	tap_eq(got, 2 * MIB, "fills it exactly");

	for (chunk = 65536; chunk; chunk = chunk == 65536 ? 100000 : 0) {
		memset(pieces, 0, 2 * MIB);
		ok = true;
		calls = 0;
		for (off = 1000; ok; off += len) {
			ok = !fwctl_sim_log_read(dev, off, pieces + off, chunk, &len, &res);
			calls++;
			if (!len)
				break;
		}
		tap_ok(ok && off == LOG_LEN, "read from offset 1000 in %zu-byte chunks: %u RPCs", chunk, calls);
		tap_ok(!memcmp(pieces + 1000, full + 1000, LOG_LEN - 1000), "the chunks match the single read");
	}
	tap_eq(fwctl_sim_log_read(dev, LOG_LEN, pieces, 64, &len, &res), 0, "offset at the end: OK");
	tap_eq(len, 0, "with no text");
	tap_eq(fwctl_sim_log_read(dev, LOG_LEN + 1, pieces, 64, &len, &res), FWCTL_SIM_STATUS_BAD_PARAM,
	       "offset past the end: BAD_PARAM");
	tap_eq(res.syndrome, LOG_LEN + 1, "syndrome is the offset");
	tap_eq(fwctl_rpc(dev, 1, req, 16, out, 8, &got), 0, "LOG_DUMP into 8 bytes");
	tap_eq(got, 16, "gets a bare header (no room for text)");
	tap_eq(fwctl_rpc(dev, 1, req, 16, out, 17, &got), 0, "LOG_DUMP into 17 bytes");
	tap_ok(got == 17 && out[16] == '0', "gets one byte of text");
	fwctl_close(dev);
out:
	free(full);
	free(pieces);
	tap_eq(sim_del(ID_LOG), 0, "delete fwctl_sim312");
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_faults(void)
{
	struct fwctl_sim_counters c0, c1;
	struct fwctl_sim_identify id;
	struct fwctl_sim_result res;
	struct fwctl_dev *dev, *other;
	uint32_t v;
	double t;
	int ret;

	if (!tap_eq(sim_new(ID_FAULT), 0, "create fwctl_sim313"))
		return;
	if (fwctl_open("fwctl_sim313", &dev)) {
		tap_ok(0, "open fwctl_sim313");
		goto out;
	}
	fwctl_sim_counters(dev, &c0, &res);
	tap_eq(sim_set(ID_FAULT, "inject_errors", 3), 0, "inject_errors = 3");
	tap_eq(fwctl_sim_nop(dev, &res), FWCTL_SIM_STATUS_INJECTED, "1st RPC: INJECTED");
	tap_eq(res.syndrome, FWCTL_SIM_OP_NOP, "syndrome is the opcode");
	tap_eq(fwctl_sim_cmd(dev, 0, FWCTL_SIM_OP_COUNTERS, 0, 0, NULL, 0, NULL, 0, &res), -EPERM,
	       "an RPC the driver refuses does not reach the firmware");
	tap_eq(fwctl_sim_identify(dev, &id, &res), FWCTL_SIM_STATUS_INJECTED, "2nd RPC: INJECTED");
	tap_eq(res.syndrome, FWCTL_SIM_OP_IDENTIFY, "syndrome is the opcode");
	tap_eq(fwctl_sim_cfg_get(dev, 0, &v, &res), FWCTL_SIM_STATUS_INJECTED, "3rd RPC: INJECTED");
	tap_eq(sim_debugfs(ID_FAULT, "inject_errors"), 0, "the knob counted down to 0");
	tap_eq(fwctl_sim_cfg_get(dev, 0, &v, &res), 0, "4th RPC: OK");
	tap_eq(fwctl_sim_counters(dev, &c1, &res), 0, "counters");
	tap_eq(c1.errors - c0.errors, 3, "exactly 3 errors counted");
	tap_eq(c1.rpcs - c0.rpcs, 5, "5 RPCs reached the firmware (3 injected, 1 ok, this one)");

	tap_eq(sim_set(ID_FAULT, "delay_ms", 300), 0, "delay_ms = 300");
	t = now();
	tap_eq(fwctl_sim_nop(dev, &res), 0, "a NOP with the delay");
	t = now() - t;
	tap_ok(t >= 0.3, "took %.3f s (>= 0.3)", t);
	tap_eq(sim_set(ID_FAULT, "delay_ms", 0), 0, "delay_ms = 0");

	tap_eq(sim_set(ID_FAULT, "crashed", 1), 0, "crashed = Y");
	tap_eq(fwctl_sim_nop(dev, &res), FWCTL_SIM_STATUS_CRASHED, "NOP: CRASHED");
	tap_eq(fwctl_sim_identify(dev, &id, &res), FWCTL_SIM_STATUS_CRASHED, "IDENTIFY: CRASHED");
	tap_eq(fwctl_sim_cfg_get(dev, 0, &v, &res), FWCTL_SIM_STATUS_CRASHED, "CFG_GET: CRASHED");
	tap_eq(fwctl_sim_counters(dev, &c1, &res), FWCTL_SIM_STATUS_CRASHED, "COUNTERS: CRASHED");
	tap_eq(fwctl_sim_mem_read(dev, 0, &v, 4, &res), FWCTL_SIM_STATUS_CRASHED, "MEM_READ: CRASHED");
	tap_eq(fwctl_sim_cmd(dev, 0, FWCTL_SIM_OP_FW_RESET, 0, 0, NULL, 0, NULL, 0, &res), -EPERM,
	       "the scope rules still apply while crashed");
	if (!fwctl_open("fwctl_sim313", &other)) {
		tap_eq(fwctl_sim_nop(other, &res), FWCTL_SIM_STATUS_CRASHED, "a new file sees the crash too");
		fwctl_close(other);
	}
	tap_eq(fwctl_sim_fw_reset(dev, &res), 0, "FW_RESET works while crashed");
	tap_eq(sim_debugfs(ID_FAULT, "crashed"), 0, "and clears the crashed flag");
	tap_eq(fwctl_sim_identify(dev, &id, &res), 0, "IDENTIFY works again");

	tap_eq(sim_set(ID_FAULT, "fail_open", EACCES), 0, "fail_open = EACCES");
	tap_eq(fwctl_open("fwctl_sim313", &other), -EACCES, "open fails with -EACCES");
	tap_eq(fwctl_sim_nop(dev, &res), 0, "a file opened before keeps working");
	tap_eq(sim_set(ID_FAULT, "fail_open", ENOMEM), 0, "fail_open = ENOMEM");
	ret = fwctl_open("fwctl_sim313", &other);
	tap_eq(ret, -ENOMEM, "open fails with -ENOMEM");
	tap_eq(sim_debugfs(ID_FAULT, "contexts"), 1, "failed opens leave no context behind");
	tap_eq(sim_set(ID_FAULT, "fail_open", 0), 0, "fail_open = 0");
	ret = fwctl_open("fwctl_sim313", &other);
	tap_eq(ret, 0, "open works again");
	if (!ret)
		fwctl_close(other);
	fwctl_close(dev);
	tap_ok(sim_debugfs(ID_FAULT, "inject_errors") == 0 && sim_debugfs(ID_FAULT, "delay_ms") == 0 &&
	       sim_debugfs(ID_FAULT, "crashed") == 0 && sim_debugfs(ID_FAULT, "fail_open") == 0,
	       "every knob is back to its default");
	tap_eq(sim_debugfs(ID_FAULT, "contexts"), 0, "no contexts left");
out:
	sim_set(ID_FAULT, "inject_errors", 0);
	sim_set(ID_FAULT, "delay_ms", 0);
	sim_set(ID_FAULT, "crashed", 0);
	sim_set(ID_FAULT, "fail_open", 0);
	tap_eq(sim_del(ID_FAULT), 0, "delete fwctl_sim313");
}

int main(void)
{
	struct fwctl_dev *dev;
	long long opens = sim_total("open_calls"), closes = sim_total("close_calls");

	tap_start();
	tap_eq(opens, closes, "no driver context open at the start");
	if (!tap_eq(sim_new(ID_MATRIX), 0, "create fwctl_sim310"))
		return tap_end();
	if (tap_eq(fwctl_open("fwctl_sim310", &dev), 0, "open it")) {
		test_matrix(dev);
		test_config(dev);
		fwctl_close(dev);
	}
	tap_eq(sim_debugfs(ID_MATRIX, "contexts"), 0, "no contexts left on fwctl_sim310");
	tap_eq(sim_del(ID_MATRIX), 0, "delete fwctl_sim310");
	test_objects();
	test_log();
	test_faults();
	tap_eq(sim_total("open_calls") - opens, sim_total("close_calls") - closes,
	       "every driver open got exactly one close");
	return tap_end();
}

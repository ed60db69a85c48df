// SPDX-License-Identifier: GPL-2.0
/*
 * libfwctl against the real modules: discovery and every way of naming a
 * device, FWCTL_INFO with truncation, raw RPCs and their errnos with the
 * library's explanations, the sim helpers, a removed device (ENODEV), a
 * write-full RPC without CAP_SYS_RAWIO (EPERM) and a driver that refuses
 * to open. Uses sim devices 300-309 and removes them again.
 */
#include <limits.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include "tap.h"
#include "caps.h"
#include "simdev.h"
#include "libfwctl.h"
#include "fwsim_catalogue.h"

#define ID_A 300
#define ID_GONE 301
#define ID_MOVE 302
#define MIB (1u << 20)

static bool contains(const char *s, const char *needle)
{
	return s && strstr(s, needle);
}

static const struct fwctl_devinfo *find_parent(const struct fwctl_devinfo *l,
					       int n, const char *parent)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(l[i].parent, parent))
			return &l[i];
	return NULL;
}

/* Open @spec and check it reaches sim device @id. */
static void check_open(const char *spec, unsigned int id, const char *how)
{
	struct fwctl_info_sim info;
	struct fwctl_dev *dev;
	uint32_t type = 0;
	size_t len = 0;
	int ret = fwctl_open(spec, &dev);

	if (!tap_eq(ret, 0, "open by %s (%s)", how, spec)) {
		tap_diag("%s", fwctl_explain(ret, FWCTL_OP_OPEN, 0));
		return;
	}
	ret = fwctl_info_buf(dev, &type, &info, sizeof(info), &len);
	tap_ok(!ret && type == FWCTL_DEVICE_TYPE_FWGATE_SIM && info.dev_id == id,
	       "... and it is fwctl_sim%u", id);
	fwctl_close(dev);
}

static void test_discovery(char *name_a, size_t len)
{
	struct fwctl_devinfo *list, info;
	const struct fwctl_devinfo *a;
	char path[PATH_MAX], spec[300];
	struct stat st;
	bool made_dir = false;
	int n;

	n = fwctl_list(&list);
	tap_ok(n >= 2, "fwctl_list sees the devices (%d)", n);
	a = find_parent(list, n, "fwctl_sim300");
	if (!tap_ok(a != NULL, "one of them has parent fwctl_sim300")) {
		fwctl_list_free(list);
		return;
	}
	snprintf(name_a, len, "%s", a->name);
	tap_ok(!strncmp(a->name, "fwctl", 5) && a->index == strtoul(a->name + 5, NULL, 10),
	       "name %s and index %u agree", a->name, a->index);
	tap_ok(!strcmp(a->driver, "fwctl_sim"), "driver fwctl_sim (%s)", a->driver);
	tap_ok(!strcmp(a->bus, "fwctl_sim"), "bus fwctl_sim (%s)", a->bus);
	tap_ok(!strcmp(a->parent_path, "/sys/devices/fwctl_sim300"), "parent path %s", a->parent_path);
	snprintf(path, sizeof(path), "/dev/fwctl/%s", a->name);
	tap_ok(!strcmp(a->node, path), "node %s", a->node);
	tap_ok(!stat(a->node, &st) && major(st.st_rdev) == a->major && minor(st.st_rdev) == a->minor,
	       "MAJ:MIN %u:%u match the node", a->major, a->minor);
	tap_ok(find_parent(list, n, "fwctl_sim301") != NULL, "fwctl_sim301 is listed too");
	info = *a;
	fwctl_list_free(list);

	check_open(info.name, ID_A, "name");
	snprintf(spec, sizeof(spec), "%u", info.index);
	check_open(spec, ID_A, "number");
	check_open(info.node, ID_A, "node path");
	check_open("fwctl_sim300", ID_A, "parent name");
	check_open("fwctl_sim/fwctl_sim300", ID_A, "bus/parent");
	check_open("/sys/devices/fwctl_sim300", ID_A, "parent sysfs path");
	check_open("/sys/bus/fwctl_sim/devices/fwctl_sim300", ID_A, "parent bus link");
	snprintf(spec, sizeof(spec), "/sys/class/fwctl/%s", info.name);
	check_open(spec, ID_A, "class sysfs path");

	/* /dev/char/MAJ:MIN, as udev would make it */
	if (mkdir("/dev/char", 0755) == 0)
		made_dir = true;
	snprintf(spec, sizeof(spec), "/dev/char/%u:%u", info.major, info.minor);
	snprintf(path, sizeof(path), "../fwctl/%s", info.name);
	unlink(spec);
	if (tap_eq(symlink(path, spec), 0, "make %s", spec)) {
		check_open(spec, ID_A, "/dev/char/MAJ:MIN");
		unlink(spec);
	}
	if (made_dir)
		rmdir("/dev/char");

	/* any node with the numbers */
	unlink("/tmp/fwctl-alt-node");
	if (tap_eq(mknod("/tmp/fwctl-alt-node", S_IFCHR | 0600, makedev(info.major, info.minor)), 0,
		   "mknod another node for %u:%u", info.major, info.minor)) {
		check_open("/tmp/fwctl-alt-node", ID_A, "a node of our own");
		unlink("/tmp/fwctl-alt-node");
	}
}

/* The node is found through sysfs "dev", wherever it is. */
static void test_moved_node(void)
{
	struct fwctl_devinfo info;
	char orig[300], moved[300], ch[300];
	bool made_dir = false;

	if (!tap_eq(sim_new(ID_MOVE), 0, "create fwctl_sim302"))
		return;
	if (!tap_eq(fwctl_lookup("fwctl_sim302", &info), 0, "look it up"))
		goto out;
	snprintf(orig, sizeof(orig), "/dev/fwctl/%s", info.name);
	snprintf(moved, sizeof(moved), "/dev/fwctl/renamed-302");
	if (!tap_eq(rename(orig, moved), 0, "rename its node to %s", moved))
		goto out;
	tap_eq(fwctl_lookup("fwctl_sim302", &info), 0, "lookup still works");
	tap_ok(!strcmp(info.node, moved), "and finds the node by its numbers (%s)", info.node);
	check_open(info.name, ID_MOVE, "name, node renamed");

	if (mkdir("/dev/char", 0755) == 0)
		made_dir = true;
	snprintf(ch, sizeof(ch), "/dev/char/%u:%u", info.major, info.minor);
	if (tap_eq(rename(moved, ch), 0, "move the node to %s", ch)) {
		fwctl_lookup("fwctl_sim302", &info);
		tap_ok(!strcmp(info.node, ch), "/dev/char/MAJ:MIN is used when /dev/fwctl/NAME is gone");
		check_open(info.name, ID_MOVE, "name, node in /dev/char");
		rename(ch, moved);
	}
	if (made_dir)
		rmdir("/dev/char");
	tap_eq(rename(moved, orig), 0, "put the node back");
out:
	tap_eq(sim_del(ID_MOVE), 0, "delete fwctl_sim302");
}

static void test_lookup_errors(void)
{
	struct fwctl_devinfo info;
	struct fwctl_dev *dev = (void *)1;
	int ret;

	tap_eq(fwctl_lookup("fwctl_sim399", &info), -ENOENT, "unknown parent: -ENOENT");
	tap_eq(fwctl_lookup("fwctl4095", &info), -ENOENT, "unknown name: -ENOENT");
	tap_eq(fwctl_open("/nonexistent/node", &dev), -ENOENT, "missing path: -ENOENT");
	tap_ok(dev == NULL, "a failed open leaves NULL");
	ret = fwctl_open("/dev/null", &dev);
	tap_eq(ret, -ENOTTY, "/dev/null: -ENOTTY");
	tap_ok(contains(fwctl_explain(ret, FWCTL_OP_OPEN, 0), "not a fwctl device"), "explained as not a fwctl device");
	tap_eq(fwctl_open("/proc/version", &dev), -ENOTTY, "a regular file: -ENOTTY");
	tap_eq(fwctl_open("", &dev), -EINVAL, "empty name: -EINVAL");
}

static void test_info(struct fwctl_dev *dev)
{
	struct fwctl_info_sim sim;
	unsigned char buf[64];
	uint32_t type = 0;
	size_t len = 0;
	void *data = NULL;
	int i, zero = 1;

	tap_eq(fwctl_info(dev, &type, &data, &len), 0, "fwctl_info");
	tap_eq(type, FWCTL_DEVICE_TYPE_FWGATE_SIM, "type is the sim's");
	tap_eq(len, sizeof(sim), "16 bytes of device data");
	if (data && len == sizeof(sim)) {
		memcpy(&sim, data, sizeof(sim));
		tap_ok(sim.uctx_id && sim.dev_id == ID_A && sim.fw_version == FWSIM_FW_VERSION && sim.caps == FWSIM_CAPS,
		       "decoded: uctx %u, dev_id %u, fw 0x%x, caps 0x%x", sim.uctx_id, sim.dev_id,
		       sim.fw_version, sim.caps);
	}
	free(data);
	tap_eq(fwctl_type(dev, &type), 0, "fwctl_type");

	memset(buf, 0xee, sizeof(buf));
	tap_eq(fwctl_info_buf(dev, &type, buf, 4, &len), 0, "fwctl_info_buf into 4 bytes");
	tap_eq(len, 16, "truncated: the full length is reported");
	memcpy(&sim.uctx_id, buf, 4);
	tap_ok(sim.uctx_id != 0 && buf[4] == 0xee, "4 bytes written, nothing beyond");
	tap_eq(fwctl_info_buf(dev, &type, NULL, 0, &len), 0, "zero-length probe");
	tap_eq(len, 16, "reports the length (fwgate; upstream says 0, the library copes with both)");
	memset(buf, 0xee, sizeof(buf));
	tap_eq(fwctl_info_buf(dev, &type, buf, sizeof(buf), &len), 0, "64-byte buffer");
	for (i = 16; i < 64; i++)
		zero &= !buf[i];
	tap_ok(zero, "tail zero-filled by the kernel");
}

static void test_rpc(struct fwctl_dev *dev)
{
	unsigned char req[32], out[128], *big;
	struct fwctl_sim_result res;
	struct fwctl_sim_identify id;
	const void *payload;
	size_t n, got = 0;
	uint32_t st = 1;
	int ret;

	n = fwctl_sim_req_build(req, sizeof(req), FWCTL_SIM_OP_IDENTIFY, 0, 0, NULL, 0);
	tap_eq(fwctl_rpc(dev, FWCTL_RPC_CONFIGURATION, req, n, out, sizeof(out), &got), 0, "raw IDENTIFY");
	tap_eq(got, 16 + sizeof(id), "response length");
	tap_eq(fwctl_sim_resp_parse(out, got, &res, &payload), 0, "response parses");
	memcpy(&id, payload, sizeof(id));
	tap_ok(res.status == 0 && res.opcode == FWCTL_SIM_OP_IDENTIFY && !strcmp(id.serial, "FWSIM-0000012C"),
	       "status ok, serial %.32s", id.serial);
	tap_ok(fwctl_resp_status(FWCTL_DEVICE_TYPE_FWGATE_SIM, out, got, &st) == 1 && st == 0,
	       "fwctl_resp_status reads status 0");
	tap_eq(fwctl_rpc(dev, 0, req, n, out, 20, &got), 0, "IDENTIFY into 20 bytes");
	tap_eq(got, 16 + sizeof(id), "out_len above the capacity signals truncation");
	tap_eq(fwctl_sim_resp_parse(out, 20, &res, NULL), 0, "the truncated header still parses");
	tap_eq(res.truncated, 1, "and says truncated");

	big = calloc(1, 2 * MIB + 1);
	if (big) {
		n = fwctl_sim_req_build(big, 2 * MIB + 1, FWCTL_SIM_OP_NOP, 0, 0, NULL, 0);
		ret = fwctl_rpc(dev, 0, big, 2 * MIB + 1, out, sizeof(out), &got);
		tap_eq(ret, -EMSGSIZE, "a 2 MiB + 1 request: -EMSGSIZE");
		tap_ok(contains(fwctl_explain(ret, FWCTL_OP_RPC, 0), "2 MiB"), "explained: %s",
		       fwctl_explain(ret, FWCTL_OP_RPC, 0));
		tap_eq(fwctl_rpc(dev, 0, big, n, big, 2 * MIB + 1, &got), -EMSGSIZE,
		       "a 2 MiB + 1 response buffer: -EMSGSIZE");
		tap_eq(fwctl_rpc(dev, 0, big, n, big, 2 * MIB, &got), 0, "exactly 2 MiB is fine");
		free(big);
	}
	n = fwctl_sim_req_build(req, sizeof(req), FWCTL_SIM_OP_NOP, 0, 0, NULL, 0);
	ret = fwctl_rpc(dev, 4, req, n, out, sizeof(out), &got);
	tap_eq(ret, -EOPNOTSUPP, "scope 4: -EOPNOTSUPP");
	tap_ok(contains(fwctl_explain(ret, FWCTL_OP_RPC, 4), "unknown scope"), "explained as an unknown scope");
	ret = fwctl_rpc(dev, 0, req, 8, out, sizeof(out), &got);
	tap_eq(ret, -EINVAL, "an 8-byte request: -EINVAL");
	tap_ok(contains(fwctl_explain(ret, FWCTL_OP_RPC, 0), "malformed"), "explained as malformed");
	req[12] = 1;
	tap_eq(fwctl_rpc(dev, 0, req, n, out, sizeof(out), &got), -EINVAL, "rsvd set: -EINVAL");
	n = fwctl_sim_req_build(req, sizeof(req), 0x7777, 0, 0, NULL, 0);
	ret = fwctl_rpc(dev, 3, req, n, out, sizeof(out), &got);
	tap_eq(ret, -EOPNOTSUPP, "unknown opcode: -EOPNOTSUPP");
	tap_ok(contains(fwctl_explain(ret, FWCTL_OP_RPC, 3), "does not offer"), "explained as not offered");
	n = fwctl_sim_req_build(req, sizeof(req), FWCTL_SIM_OP_COUNTERS, 0, 0, NULL, 0);
	ret = fwctl_rpc(dev, 0, req, n, out, sizeof(out), &got);
	tap_eq(ret, -EPERM, "COUNTERS at configuration scope: -EPERM");
	tap_ok(contains(fwctl_explain(ret, FWCTL_OP_RPC, 0), "higher scope"), "explained as needing a higher scope");
	tap_eq(fwctl_rpc(dev, 0, (void *)8, 16, out, sizeof(out), &got), -EFAULT, "a bad request pointer: -EFAULT");
}

/* In a child without CAP_SYS_RAWIO: 0 if every check held, else its number. */
static int child_without_rawio(struct fwctl_dev *dev)
{
	struct fwctl_sim_result res;
	unsigned char buf[8];
	uint32_t v;
	int ret;

	if (cap_drop(CAP_SYS_RAWIO))
		return 10;
	ret = fwctl_sim_mem_read(dev, 0, buf, sizeof(buf), &res);
	if (ret != -EPERM)
		return 11;
	if (strcmp(fwctl_explain(ret, FWCTL_OP_RPC, FWCTL_RPC_DEBUG_WRITE_FULL),
		   "write-full scope needs CAP_SYS_RAWIO"))
		return 12;
	if (fwctl_sim_mem_write(dev, 0, buf, 4, &res) != -EPERM)
		return 13;
	if (fwctl_sim_reg_read(dev, 0, &v, &res) != 0)
		return 14;
	if (fwctl_sim_reg_write(dev, 7, 1, &res) != 0)
		return 15;
	return 0;
}

static void test_rawio(struct fwctl_dev *dev)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(child_without_rawio(dev));
	waitpid(pid, &status, 0);
	tap_ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "without CAP_SYS_RAWIO: write-full is -EPERM, explained, debug read/write still work (child %d)",
	       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void test_sim_helpers(struct fwctl_dev *dev)
{
	struct fwctl_sim_identify id;
	struct fwctl_sim_counters cnt;
	struct fwctl_sim_result res;
	unsigned char mem[8], log[256];
	uint32_t v = 0, obj = 0, tag = 0;
	size_t len;

	tap_eq(fwctl_sim_nop(dev, &res), 0, "nop");
	tap_eq(fwctl_sim_identify(dev, &id, &res), 0, "identify");
	tap_ok(id.dev_id == ID_A && id.num_regs == 64 && id.mem_size == 4096 && id.max_objects == 16 &&
	       id.max_rpc_len == 2 * MIB && id.num_cfg_keys == 4, "identify payload");
	tap_eq(fwctl_sim_cfg_get(dev, FWCTL_SIM_CFG_LED_MODE, &v, &res), 0, "cfg_get led-mode");
	tap_eq(v, 1, "default on");
	tap_eq(fwctl_sim_cfg_set(dev, FWCTL_SIM_CFG_LED_MODE, 2, &res), 0, "cfg_set led-mode blink");
	tap_eq(fwctl_sim_cfg_set(dev, FWCTL_SIM_CFG_LED_MODE, 3, &res), FWCTL_SIM_STATUS_BAD_VALUE,
	       "led-mode 3: BAD_VALUE (positive return)");
	tap_eq(res.syndrome, 3, "syndrome 3");
	tap_eq(fwctl_sim_cfg_set(dev, FWCTL_SIM_CFG_LED_MODE, 1, &res), 0, "restore led-mode");
	tap_eq(fwctl_sim_counters(dev, &cnt, &res), 0, "counters");
	tap_ok(cnt.contexts >= 1 && cnt.cfg_writes >= 2, "contexts %llu, cfg_writes %llu",
	       (unsigned long long)cnt.contexts, (unsigned long long)cnt.cfg_writes);
	tap_eq(fwctl_sim_reg_read(dev, 1, &v, &res), 0, "reg_read 1");
	tap_eq(v, ID_A, "register 1 holds the device id");
	tap_eq(fwctl_sim_reg_write(dev, 9, 0xabc, &res), 0, "reg_write 9");
	tap_eq(fwctl_sim_reg_read(dev, 9, &v, &res), 0, "reg_read 9");
	tap_eq(v, 0xabc, "reads back");
	tap_eq(fwctl_sim_mem_write(dev, 100, "\xde\xad\xbe\xef", 4, &res), 0, "mem_write");
	tap_eq(fwctl_sim_mem_read(dev, 100, mem, 4, &res), 0, "mem_read");
	tap_ok(!memcmp(mem, "\xde\xad\xbe\xef", 4), "reads back");
	tap_eq(fwctl_sim_obj_alloc(dev, 0x55, &obj, &res), 0, "obj_alloc");
	tap_eq(fwctl_sim_obj_query(dev, obj, &tag, &res), 0, "obj_query");
	tap_eq(tag, 0x55, "tag");
	tap_eq(fwctl_sim_obj_free(dev, obj, &res), 0, "obj_free");
	tap_eq(fwctl_sim_obj_free(dev, obj, &res), FWCTL_SIM_STATUS_NOT_FOUND, "second free: NOT_FOUND");
	tap_eq(fwctl_sim_log_read(dev, 64, log, sizeof(log), &len, &res), 0, "log_read at 64");
	tap_ok(len == sizeof(log) && !memcmp(log, "00000001 fwsim300 ", 18), "second log line: %.18s", log);
	tap_eq(fwctl_sim_fw_reset(dev, &res), 0, "fw_reset");
	tap_eq(fwctl_sim_reg_read(dev, 9, &v, &res), 0, "reg_read after reset");
	tap_eq(v, 0, "registers cleared");
}

static void test_removed(void)
{
	struct fwctl_sim_result res;
	struct fwctl_devinfo info;
	struct fwctl_dev *dev;
	uint32_t type;
	size_t len;
	void *data;
	int ret;

	if (!tap_eq(fwctl_open("fwctl_sim301", &dev), 0, "open fwctl_sim301"))
		return;
	tap_eq(fwctl_sim_nop(dev, &res), 0, "it works");
	tap_eq(sim_del(ID_GONE), 0, "delete the device while it is open");
	ret = fwctl_info(dev, &type, &data, &len);
	tap_eq(ret, -ENODEV, "fwctl_info: -ENODEV");
	tap_ok(contains(fwctl_strerror(ret), "removed"), "explained: %s", fwctl_strerror(ret));
	tap_ok(contains(fwctl_explain(ret, FWCTL_OP_RPC, 0), "removed"), "in every context");
	tap_eq(fwctl_sim_nop(dev, &res), -ENODEV, "sim helpers: -ENODEV");
	tap_eq(fwctl_rpc(dev, 0, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16, &res, sizeof(res), &len), -ENODEV,
	       "fwctl_rpc: -ENODEV");
	fwctl_close(dev);
	tap_ok(1, "closing the orphaned handle works");
	tap_eq(fwctl_lookup("fwctl_sim301", &info), -ENOENT, "the device is gone from sysfs");
}

static void test_fail_open(void)
{
	struct fwctl_dev *dev = NULL;
	int ret;

	tap_eq(sim_set(ID_A, "fail_open", EIO), 0, "debugfs: fail_open = EIO");
	ret = fwctl_open("fwctl_sim300", &dev);
	tap_eq(ret, -EIO, "open fails with -EIO");
	tap_ok(contains(fwctl_explain(ret, FWCTL_OP_OPEN, 0), "refused to open"), "explained: %s",
	       fwctl_explain(ret, FWCTL_OP_OPEN, 0));
	tap_eq(sim_set(ID_A, "fail_open", 0), 0, "fail_open = 0");
	tap_eq(fwctl_open("fwctl_sim300", &dev), 0, "open works again");
	fwctl_close(dev);
}

static void test_open_fd(const char *name)
{
	char path[64];
	struct fwctl_dev *dev;
	uint32_t type = 0;
	int fd;

	snprintf(path, sizeof(path), "/dev/fwctl/%s", name);
	fd = open(path, O_RDWR);
	tap_eq(fwctl_open_fd(fd, &dev), 0, "fwctl_open_fd");
	tap_ok(!strcmp(fwctl_devinfo(dev)->name, name) && !strcmp(fwctl_devinfo(dev)->parent, "fwctl_sim300"),
	       "sysfs details found by the descriptor's numbers");
	tap_ok(fwctl_fd(dev) == fd, "fwctl_fd gives it back");
	tap_eq(fwctl_type(dev, &type), 0, "and it works");
	fwctl_close(dev);
}

int main(void)
{
	struct fwctl_dev *dev;
	char name[32] = "";

	tap_start();
	if (!tap_eq(sim_new(ID_A), 0, "create fwctl_sim300") ||
	    !tap_eq(sim_new(ID_GONE), 0, "create fwctl_sim301"))
		goto out;
	test_discovery(name, sizeof(name));
	test_moved_node();
	test_lookup_errors();
	if (tap_eq(fwctl_open("fwctl_sim300", &dev), 0, "open fwctl_sim300 for the ioctl tests")) {
		test_info(dev);
		test_rpc(dev);
		test_rawio(dev);
		test_sim_helpers(dev);
		fwctl_close(dev);
	}
	test_removed();
	test_fail_open();
	if (name[0])
		test_open_fd(name);
	tap_eq(sim_debugfs(ID_A, "contexts"), 0, "every context was closed");
out:
	sim_del(ID_GONE);
	tap_eq(sim_del(ID_A), 0, "delete fwctl_sim300");
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Taint and capability rules. Runs first in the VM, before anything else
 * issues a debug write, because the taint is sticky for the whole boot.
 */
#include <sys/wait.h>
#include "tap.h"
#include "caps.h"
#include "simdev.h"

#define ID 10
#define TAINT_MASK (1ULL << TAINT_FWCTL_BIT)

/* Count kernel log records that carry @needle, reading /dev/kmsg. */
static int kmsg_count(const char *needle)
{
	char rec[2048];
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	int n = 0;
	ssize_t len;

	if (fd < 0)
		return -1;
	while ((len = read(fd, rec, sizeof(rec) - 1)) != 0) {
		if (len < 0) {
			if (errno == EPIPE)
				continue;	/* overwritten records */
			break;
		}
		rec[len] = 0;
		n += strstr(rec, needle) != NULL;
	}
	close(fd);
	return n;
}

static int tainted(void)
{
	return !!(kernel_taint() & TAINT_MASK);
}

/* Run one RPC in a child that lacks CAP_SYS_RAWIO; returns its errno. */
static int rpc_without_rawio(int fd, uint32_t scope, uint32_t op)
{
	struct sim_reply r;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (cap_drop(CAP_SYS_RAWIO))
			_exit(200);
		_exit(sim_cmd(fd, scope, op, 5, 0, &r) ? errno : 0);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 255;
}

int main(void)
{
	char needle[64];
	struct sim_reply r;
	struct fwctl_sim_req req = { .opcode = FWCTL_SIM_OP_REG_WRITE, .arg0 = 5 };
	uint32_t out_len;
	int fd;

	tap_start();
	tap_ok(!tainted(), "bit 19 (TAINT_FWCTL) is clear at the start of the boot");
	tap_ok(kernel_taint() & (1 << 12), "the out-of-tree taint (bit 12) is there, so tests must look at bit 19 only");
	tap_eq(sysfs_read_ll("/sys/module/fwctl/parameters/tainted"), 0, "fwctl.tainted reads 0");
	tap_eq(sim_new(ID), 0, "create a sim device");
	fd = sim_open(ID);
	if (!tap_ok(fd >= 0, "open it"))
		return tap_end();

	tap_eq(sim_cmd(fd, FWCTL_RPC_CONFIGURATION, FWCTL_SIM_OP_CFG_SET, 0, 1500, &r), 0, "a configuration write");
	tap_eq(sim_cmd(fd, FWCTL_RPC_DEBUG_READ_ONLY, FWCTL_SIM_OP_COUNTERS, 0, 0, &r), 0, "a debug read");
	tap_ok(!tainted(), "configuration and debug read-only scopes do not taint");

	out_len = sizeof(r);
	tap_errno(fw_rpc(fd, FWCTL_RPC_DEBUG_WRITE, (void *)8, sizeof(req), &r, &out_len), EFAULT,
		  "a debug write whose request faults: EFAULT");
	out_len = 3u << 20;
	tap_errno(fw_rpc(fd, FWCTL_RPC_DEBUG_WRITE, &req, sizeof(req), &r, &out_len), EMSGSIZE,
		  "a debug write with a 3 MiB response buffer: EMSGSIZE");
	tap_ok(!tainted(), "a debug write the core refused did not taint (fwgate fix)");

	tap_eq(rpc_without_rawio(fd, FWCTL_RPC_DEBUG_WRITE_FULL, FWCTL_SIM_OP_MEM_READ), EPERM,
	       "write-full without CAP_SYS_RAWIO: EPERM");
	tap_ok(!tainted(), "the refused write-full did not taint");
	tap_eq(rpc_without_rawio(fd, FWCTL_RPC_DEBUG_READ_ONLY, FWCTL_SIM_OP_REG_READ), 0,
	       "without CAP_SYS_RAWIO a debug read still works");

	tap_errno(sim_cmd(fd, FWCTL_RPC_DEBUG_WRITE, 0x7777, 0, 0, &r), EOPNOTSUPP,
		  "a debug write of an unknown opcode is refused by the driver");
	tap_ok(tainted(), "... but it reached the driver, so the kernel is tainted");
	tap_eq(kernel_taint() & TAINT_MASK, 524288, "the taint value is 524288, as with upstream TAINT_FWCTL");
	tap_eq(sysfs_read_ll("/sys/module/fwctl/parameters/tainted"), 1, "fwctl.tainted reads 1");

	snprintf(needle, sizeof(needle), "fwctl_taint[%d] sent a debug write RPC", getpid());
	tap_eq(kmsg_count(needle), 1, "one kernel log line names the process and pid");

	tap_eq(sim_cmd(fd, FWCTL_RPC_DEBUG_WRITE, FWCTL_SIM_OP_REG_WRITE, 5, 7, &r), 0, "another debug write");
	tap_eq(r.hdr.status, 0, "it succeeds in the firmware");
	tap_eq(sim_cmd(fd, FWCTL_RPC_DEBUG_WRITE_FULL, FWCTL_SIM_OP_MEM_READ, 0, 4, &r), 0,
	       "write-full with CAP_SYS_RAWIO is delivered");
	tap_eq(kmsg_count("sent a debug write RPC"), 1, "the warning is printed once only");

	close(fd);
	tap_eq(sim_del(ID), 0, "delete the sim device");
	return tap_end();
}

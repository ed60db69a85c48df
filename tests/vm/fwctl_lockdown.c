// SPDX-License-Identifier: GPL-2.0
/*
 * The point of fwctl: under kernel lockdown, /dev/mem and PCI BAR mappings
 * are refused while fwctl RPCs keep working. Lockdown cannot be lowered, so
 * this test runs last in the VM.
 */
#include <glob.h>
#include <sys/mman.h>
#include "tap.h"
#include "simdev.h"

#define ID 40
#define LOCKDOWN "/sys/kernel/security/lockdown"

/* A PCI memory BAR, as /sys/bus/pci/devices/X/resourceN, in @path. */
static int find_mem_bar(char *path, size_t len)
{
	glob_t g;
	size_t i;
	int found = 0;

	if (glob("/sys/bus/pci/devices/*/resource", 0, NULL, &g))
		return 0;
	for (i = 0; i < g.gl_pathc && !found; i++) {
		unsigned long long start, end, flags;
		FILE *f = fopen(g.gl_pathv[i], "r");
		int bar = 0;

		while (f && fscanf(f, "%llx %llx %llx", &start, &end, &flags) == 3) {
			if (bar < 6 && (flags & 0x200) && end > start) {
				snprintf(path, len, "%.*s%d", (int)(strlen(g.gl_pathv[i])),
					 g.gl_pathv[i], bar);
				found = 1;
				break;
			}
			bar++;
		}
		if (f)
			fclose(f);
	}
	globfree(&g);
	return found;
}

static int try_mmap(const char *path)
{
	int fd = open(path, O_RDWR);
	void *p;
	int err = 0;

	if (fd < 0)
		return -errno;
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		err = -errno;
	else
		munmap(p, 4096);
	close(fd);
	return err;
}

static int try_devmem(void)
{
	int fd = open("/dev/mem", O_RDONLY);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

static void check_rpcs(int fd, const char *level)
{
	struct sim_reply r;

	tap_eq(sim_cmd(fd, 0, FWCTL_SIM_OP_CFG_SET, FWCTL_SIM_CFG_NUM_QUEUES, 16, &r) | (int)r.hdr.status, 0,
	       "%s: configuration RPC works", level);
	tap_eq(sim_cmd(fd, 1, FWCTL_SIM_OP_COUNTERS, 0, 0, &r) | (int)r.hdr.status, 0,
	       "%s: debug read-only RPC works", level);
	tap_eq(sim_cmd(fd, 2, FWCTL_SIM_OP_REG_WRITE, 9, 0x1234, &r) | (int)r.hdr.status, 0,
	       "%s: debug write RPC works", level);
	tap_eq(sim_cmd(fd, 3, FWCTL_SIM_OP_MEM_READ, 0, 16, &r) | (int)r.hdr.status, 0,
	       "%s: write-full with CAP_SYS_RAWIO works (upstream: the core leaves lockdown to drivers)", level);
}

int main(void)
{
	char bar[300], state[128] = "";
	int fd, rofd;
	long long n;

	tap_start();
	tap_eq(sim_new(ID), 0, "create a sim device");
	fd = sim_open(ID);
	tap_ok(fd >= 0, "open it before lockdown");
	if (!tap_ok(find_mem_bar(bar, sizeof(bar)), "found a PCI memory BAR (%s)", bar))
		return tap_end();

	tap_eq(try_devmem(), 0, "before lockdown root can open /dev/mem");
	tap_eq(try_mmap(bar), 0, "before lockdown root can mmap the BAR");
	tap_eq(sim_set(ID, "inject_errors", 0), 0, "before lockdown a debugfs knob can be written");

	tap_eq(sysfs_write(LOCKDOWN, "integrity"), 0, "raise lockdown to integrity");
	rofd = open(LOCKDOWN, O_RDONLY);
	n = read(rofd, state, sizeof(state) - 1);
	state[n > 0 ? n : 0] = 0;
	close(rofd);
	tap_ok(strstr(state, "[integrity]") != NULL, "lockdown reads [integrity]");
	tap_eq(try_devmem(), -EPERM, "integrity: /dev/mem is refused with EPERM");
	tap_eq(try_mmap(bar), -EPERM, "integrity: mmap of the BAR is refused with EPERM");
	tap_eq(sim_set(ID, "inject_errors", 0), -EPERM, "integrity: writable debugfs is refused");
	tap_eq(sim_debugfs(ID, "contexts"), 1, "integrity: read-only debugfs still works");
	check_rpcs(fd, "integrity");

	tap_eq(sysfs_write(LOCKDOWN, "confidentiality"), 0, "raise lockdown to confidentiality");
	tap_eq(sysfs_write(LOCKDOWN, "none"), -EPERM, "lockdown cannot be lowered");
	tap_eq(try_devmem(), -EPERM, "confidentiality: /dev/mem is refused");
	tap_eq(try_mmap(bar), -EPERM, "confidentiality: mmap of the BAR is refused");
	check_rpcs(fd, "confidentiality");
	close(fd);
	fd = sim_open(ID);
	tap_ok(fd >= 0, "confidentiality: a fwctl device can still be opened");
	close(fd);
	tap_eq(sim_del(ID), 0, "delete the sim device");
	return tap_end();
}

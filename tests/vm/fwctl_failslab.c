// SPDX-License-Identifier: GPL-2.0
/*
 * Debug lane only (needs CONFIG_FAILSLAB): allocation failures injected on
 * the fwctl paths (device creation, open, INFO, RPC) must reach the caller
 * as ENOMEM, never as a crash, a leak (kmemleak checks at the end of the
 * run) or any other error; once injection stops everything works again.
 */
#include <pthread.h>
#include "tap.h"
#include "simdev.h"

#define ID 700
#define FS "/sys/kernel/debug/failslab/"

/*
 * Switch injection for this thread. Clearing it allocates too, so under
 * injection the write itself may fail with ENOMEM: retry until it sticks,
 * or the thread would go on failing allocations after the loop.
 */
static void fail_on(int on)
{
	int i;

	for (i = 0; i < 10000; i++)
		if (!sysfs_write("/proc/thread-self/make-it-fail", on ? "1" : "0") || on)
			return;
	abort();
}

int main(void)
{
	long ok = 0, enomem = 0, other = 0, creates_ok = 0, creates_enomem = 0;
	long long opens0, closes0;
	struct sim_reply r;
	int i;

	tap_start();
	if (!tap_ok(access(FS "probability", W_OK) == 0, "failslab is available (debug kernel)"))
		return tap_end();
	opens0 = sim_total("open_calls");
	closes0 = sim_total("close_calls");
	tap_eq(sim_new(ID), 0, "create a sim device before injecting");
	sysfs_write(FS "ignore-gfp-wait", "N");
	sysfs_write(FS "task-filter", "Y");
	sysfs_write(FS "verbose", "0");
	sysfs_write(FS "interval", "1");
	sysfs_write(FS "times", "-1");
	tap_eq(sysfs_write(FS "probability", "20"), 0, "20%% of this task's slab allocations fail");

	for (i = 0; i < 3000; i++) {
		int fd, e;

		fail_on(1);
		fd = sim_open(ID);
		if (fd >= 0) {
			struct fwctl_info_sim data;
			struct fwctl_info info = {
				.size = sizeof(info), .device_data_len = sizeof(data),
				.out_device_data = (uintptr_t)&data,
			};
			int a = ioctl(fd, FWCTL_INFO, &info) ? errno : 0;
			int b = sim_cmd(fd, i % 2, i % 2 ? FWCTL_SIM_OP_COUNTERS : FWCTL_SIM_OP_IDENTIFY,
					0, 0, &r) ? errno : 0;

			fail_on(0);
			ok += !a + !b;
			enomem += (a == ENOMEM) + (b == ENOMEM);
			other += (a && a != ENOMEM) + (b && b != ENOMEM);
			close(fd);
		} else {
			fail_on(0);
			e = -fd;
			enomem += e == ENOMEM;
			other += e != ENOMEM;
			if (e != ENOMEM && other < 5)
				tap_diag("open: %s", strerror(e));
		}
		if (i % 50 == 0) {
			fail_on(1);
			e = sim_new(ID + 1 + i / 50);
			fail_on(0);
			if (!e) {
				creates_ok++;
				sim_del(ID + 1 + i / 50);
			} else {
				creates_enomem += e == -ENOMEM;
				other += e != -ENOMEM;
				if (e != -ENOMEM)
					tap_diag("new_device: %s", strerror(-e));
			}
		}
	}
	sysfs_write(FS "probability", "0");
	tap_ok(enomem > 0, "injected failures surfaced as ENOMEM (%ld, %ld calls ok)", enomem, ok);
	tap_eq(other, 0, "no other error was seen");
	tap_ok(creates_ok + creates_enomem == 60, "device creation under injection: %ld ok, %ld ENOMEM",
	       creates_ok, creates_enomem);

	{
		int fd = sim_open(ID);

		tap_eq(sim_cmd(fd, 0, FWCTL_SIM_OP_IDENTIFY, 0, 0, &r) | (int)r.hdr.status, 0,
		       "after injection stops the device works");
		close(fd);
	}
	tap_eq(sim_del(ID), 0, "and can be deleted");
	tap_eq(sim_total("open_calls") - opens0, sim_total("close_calls") - closes0,
	       "every driver open got exactly one close");
	return tap_end();
}

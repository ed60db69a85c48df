// SPDX-License-Identifier: GPL-2.0
/*
 * Hot-unplug: remove a device while files are open and RPCs are in flight
 * on several threads; in-flight calls finish, later ones get ENODEV, close
 * works and the driver's close callback runs exactly once per context. Then
 * unload the driver module, and the core, with files still open.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include "tap.h"
#include "simdev.h"

#define ID 30
#define NTHREADS 4

static atomic_int unplug_started;

struct worker {
	pthread_t thread;
	int fd;
	int ok_before, ok_across, enodev, other;
};

static void *worker_fn(void *arg)
{
	struct worker *w = arg;
	struct sim_reply r;

	for (;;) {
		int started_before = !atomic_load(&unplug_started);
		int ret = sim_cmd(w->fd, 0, FWCTL_SIM_OP_NOP, 0, 0, &r);

		if (ret == 0 && started_before && atomic_load(&unplug_started))
			w->ok_across++;
		else if (ret == 0)
			w->ok_before++;
		else if (errno == ENODEV)
			w->enodev++;
		else
			w->other++;
		if (ret && errno == ENODEV && w->enodev >= 3)
			break;
		if (w->other > 100)
			break;
	}
	return NULL;
}

static int module_load(const char *rel)
{
	char path[512];
	int fd, ret;

	snprintf(path, sizeof(path), "%s/%s", getenv("FWGATE_MODDIR"), rel);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = syscall(SYS_finit_module, fd, "", 0);
	close(fd);
	return ret ? -errno : 0;
}

static int module_unload(const char *name)
{
	return syscall(SYS_delete_module, name, O_NONBLOCK) ? -errno : 0;
}

static void test_unplug_in_flight(void)
{
	struct worker w[NTHREADS] = {};
	long long opens0 = sim_total("open_calls"), closes0 = sim_total("close_calls");
	int i, across = 0, enodev = 0, other = 0, before = 0, closed = 1;
	char name[32], path[64];
	struct fwctl_info info = { .size = 0 };

	tap_eq(sim_new(ID), 0, "create a sim device");
	sim_fwctl_name(ID, name, sizeof(name));
	snprintf(path, sizeof(path), "/dev/fwctl/%s", name);
	for (i = 0; i < NTHREADS; i++)
		w[i].fd = sim_open(ID);
	tap_ok(w[0].fd >= 0 && w[NTHREADS - 1].fd >= 0, "%d files open", NTHREADS);
	tap_eq(sim_set(ID, "delay_ms", 100), 0, "every RPC now spends 100 ms in the firmware");

	for (i = 0; i < NTHREADS; i++)
		pthread_create(&w[i].thread, NULL, worker_fn, &w[i]);
	usleep(350 * 1000);
	atomic_store(&unplug_started, 1);
	tap_eq(sim_del(ID), 0, "del_device while %d threads have RPCs in flight", NTHREADS);
	for (i = 0; i < NTHREADS; i++) {
		pthread_join(w[i].thread, NULL);
		across += w[i].ok_across;
		before += w[i].ok_before;
		enodev += w[i].enodev;
		other += w[i].other;
	}
	tap_ok(before > 0, "RPCs succeeded before the unplug (%d)", before);
	tap_ok(across > 0, "RPCs in flight during the unplug completed successfully (%d)", across);
	tap_eq(enodev, 3 * NTHREADS, "later RPCs got ENODEV");
	tap_eq(other, 0, "no other error was seen");
	tap_eq(sim_total("close_calls") - closes0, NTHREADS,
	       "unregister ran the driver's close callback for each open file");

	errno = 0;
	tap_errno(ioctl(w[0].fd, FWCTL_INFO, &info), EINVAL,
		  "a malformed call on an orphaned file reports EINVAL before ENODEV");
	tap_errno(ioctl(w[0].fd, 0x9A07, &info), ENOTTY, "an unknown command on an orphaned file: ENOTTY");
	info.size = sizeof(info);
	tap_errno(ioctl(w[0].fd, FWCTL_INFO, &info), ENODEV, "a valid INFO on an orphaned file: ENODEV");
	tap_errno(open(path, O_RDWR), ENOENT, "the removed node cannot be opened again");
	for (i = 0; i < NTHREADS; i++)
		closed &= close(w[i].fd) == 0;
	tap_ok(closed, "every orphaned file closes");
	tap_eq(sim_total("close_calls") - closes0, NTHREADS, "closing them did not call the driver again");
	tap_eq(sim_total("open_calls") - opens0, NTHREADS, "one open callback per file");
}

static void test_unload_with_open_files(void)
{
	struct fwctl_info info = { .size = sizeof(info) };
	struct sim_reply r;
	int fd;

	tap_eq(sim_new(ID + 1), 0, "create another sim device");
	fd = sim_open(ID + 1);
	tap_ok(fd >= 0, "open it");
	tap_eq(sim_cmd(fd, 0, FWCTL_SIM_OP_NOP, 0, 0, &r), 0, "an RPC works");
	tap_eq(module_unload("fwctl_sim"), 0, "the fwctl_sim module unloads with the file open");
	tap_errno(ioctl(fd, FWCTL_INFO, &info), ENODEV, "the file answers ENODEV");
	tap_eq(module_unload("fwctl"), -EWOULDBLOCK, "fwctl.ko stays while a file is open");
	tap_eq(close(fd), 0, "close the file");
	tap_eq(module_unload("fwctl"), 0, "now fwctl.ko unloads");
	tap_eq(module_load("drivers/fwctl/fwctl.ko"), 0, "reload fwctl.ko");
	tap_eq(module_load("drivers/fwctl/sim/fwctl_sim.ko"), 0, "reload fwctl_sim.ko");
	tap_eq(sim_new(ID + 2), 0, "a device can be created after the reload");
	fd = sim_open(ID + 2);
	tap_eq(sim_cmd(fd, 0, FWCTL_SIM_OP_IDENTIFY, 0, 0, &r), 0, "and used");
	close(fd);
	tap_eq(sim_del(ID + 2), 0, "and deleted");
}

int main(void)
{
	tap_start();
	test_unplug_in_flight();
	test_unload_with_open_files();
	return tap_end();
}

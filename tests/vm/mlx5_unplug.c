// SPDX-License-Identifier: GPL-2.0
/*
 * Hot-unplug of a simulated ConnectX function while files are open and
 * RPCs are in flight: every file's uid is destroyed in the firmware before
 * the function goes, later calls get ENODEV, close() works. Then the same
 * with the simulator module unloaded under an open file.
 */
#include <pthread.h>
#include <stdatomic.h>
#include "tap.h"
#include "mlx5dev.h"

#define ID 41
#define NFILES 3

static atomic_int stop;

struct worker {
	pthread_t thread;
	int fd;
	long ok, enodev, other;
};

static void *worker_fn(void *arg)
{
	static __thread uint8_t out[PRM_QUERY_HCA_CAP_OUT_LEN];
	struct worker *w = arg;

	while (!atomic_load(&stop)) {
		if (!mlx5_cmd(w->fd, 0, PRM_QUERY_HCA_CAP, 1, 16, out,
			      sizeof(out)))
			w->ok++;
		else if (errno == ENODEV)
			w->enodev++;
		else
			w->other++;
		if (w->enodev > 10)
			break;
	}
	return NULL;
}

int main(void)
{
	struct worker w[NFILES];
	struct fwctl_info_mlx5 mi;
	long long destroyed;
	uint8_t out[16];
	char cmd[512];
	const char *moddir = getenv("FWGATE_MODDIR");
	int i, fd;

	tap_start();
	mlx5sim_del(ID);
	if (!tap_eq(mlx5sim_new(ID), 0, "create simulated function %d", ID))
		return tap_end();
	for (i = 0; i < NFILES; i++) {
		w[i] = (struct worker){ .fd = mlx5sim_open(ID) };
		pthread_create(&w[i].thread, NULL, worker_fn, &w[i]);
	}
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), NFILES, "%d uids live",
	       NFILES);
	usleep(100000);
	destroyed = mlx5sim_total("uids_destroyed");
	tap_eq(mlx5sim_del(ID), 0, "remove the function under load");
	tap_eq(mlx5sim_total("uids_destroyed") - destroyed, NFILES,
	       "removal destroyed every open file's uid");
	tap_eq(mlx5sim_total("uids_created"), mlx5sim_total("uids_destroyed"),
	       "no uid is left in any firmware");
	usleep(50000);
	atomic_store(&stop, 1);
	for (i = 0; i < NFILES; i++) {
		pthread_join(w[i].thread, NULL);
		tap_ok(w[i].ok > 0 && w[i].enodev > 0 && !w[i].other,
		       "file %d: %ld RPCs before, ENODEV after, no other error",
		       i, w[i].ok);
		tap_eq(mlx5_info(w[i].fd, &mi, NULL, NULL), -ENODEV,
		       "FWCTL_INFO after removal: ENODEV");
		tap_eq(close(w[i].fd), 0, "close() after removal");
	}

	/* The simulator module goes while a file is open. */
	tap_eq(mlx5sim_new(ID), 0, "create the function again");
	fd = mlx5sim_open(ID);
	tap_ok(fd >= 0, "open it");
	tap_eq(system("rmmod mlx5_fwctl_sim"), 0,
	       "unload the simulator with the file open");
	tap_errno(mlx5_cmd(fd, 1, PRM_NOP, 0, 16, out, 16), ENODEV,
		  "an RPC on the orphaned file: ENODEV");
	tap_eq(close(fd), 0, "close() it");
	snprintf(cmd, sizeof(cmd), "insmod %s/drivers/fwctl/mlx5/sim/mlx5_fwctl_sim.ko",
		 moddir ? moddir : ".");
	tap_eq(system(cmd), 0, "load the simulator again");
	tap_eq(mlx5sim_total("uids_created"), 0,
	       "a fresh simulator has created no uid");
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Hot-unplug stress: CYCLES create/destroy cycles of sim devices while
 * THREADS threads open files, issue RPCs and close them. With -m the
 * devices are simulated ConnectX functions (mlx5_fwctl_sim).
 *
 *   fwctl_stress [-m] [-c CYCLES] [-t THREADS]
 *
 * Passes when every call ended in success or the documented errno of a
 * removed device, and every driver open got exactly one close (with -m:
 * every open created one firmware uid, and every uid was destroyed).
 */
#include <pthread.h>
#include <stdatomic.h>
#include "tap.h"
#include "mlx5dev.h"

#define BASE_ID 600
#define NDEVS 4

static atomic_int stop;
static atomic_long rpcs_ok, rpcs_enodev, opens_ok, opens_gone, bad;
static int mlx5;	/* -m: simulated ConnectX functions */

static int dev_new(unsigned int id)
{
	return mlx5 ? mlx5sim_new(id) : sim_new(id);
}

static int dev_del(unsigned int id)
{
	return mlx5 ? mlx5sim_del(id) : sim_del(id);
}

/* An RPC that reaches the firmware: 0, or -1 with errno set. */
static int dev_rpc(int fd, unsigned int *s)
{
	static __thread uint8_t out[PRM_QUERY_HCA_CAP_OUT_LEN];
	struct sim_reply r;

	if (!mlx5)
		return sim_cmd(fd, 0, rand_r(s) % 2 ? FWCTL_SIM_OP_NOP :
			       FWCTL_SIM_OP_OBJ_ALLOC, 1, 0, &r);
	if (rand_r(s) % 2)
		return mlx5_cmd(fd, 1, PRM_NOP, 0, 16, out, 16);
	return mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 1, 16, out, sizeof(out));
}

static void *worker(void *arg)
{
	unsigned int s = (uintptr_t)arg * 2654435761u + 1;

	while (!atomic_load(&stop)) {
		unsigned int id = BASE_ID + rand_r(&s) % NDEVS;
		int fd = mlx5 ? mlx5sim_open(id) : sim_open(id);
		int i, n = 1 + rand_r(&s) % 8;

		if (fd < 0) {
			/* removed between lookup and open, or not there */
			if (fd == -ENOENT || fd == -ENXIO || fd == -ENODEV)
				atomic_fetch_add(&opens_gone, 1);
			else if (atomic_fetch_add(&bad, 1) < 5)
				tap_diag("open: %s", strerror(-fd));
			continue;
		}
		atomic_fetch_add(&opens_ok, 1);
		for (i = 0; i < n; i++) {
			if (!dev_rpc(fd, &s))
				atomic_fetch_add(&rpcs_ok, 1);
			else if (errno == ENODEV)
				atomic_fetch_add(&rpcs_enodev, 1);
			else if (atomic_fetch_add(&bad, 1) < 5)
				tap_diag("rpc: %s", strerror(errno));
		}
		if (close(fd) && atomic_fetch_add(&bad, 1) < 5)
			tap_diag("close: %s", strerror(errno));
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int cycles = 100, nthreads = 8, opt, i, c, failed_cycles = 0;
	long long opens0, closes0;
	pthread_t th[64];

	while ((opt = getopt(argc, argv, "mc:t:")) != -1) {
		if (opt == 'm')
			mlx5 = 1;
		else if (opt == 'c')
			cycles = atoi(optarg);
		else if (opt == 't')
			nthreads = atoi(optarg);
		else
			return 2;
	}
	if (nthreads < 1 || nthreads > 64)
		return 2;
	tap_start();
	opens0 = mlx5 ? mlx5sim_total("uids_created") : sim_total("open_calls");
	closes0 = mlx5 ? mlx5sim_total("uids_destroyed") : sim_total("close_calls");
	for (i = 0; i < NDEVS; i++)
		dev_new(BASE_ID + i);
	for (i = 0; i < nthreads; i++)
		pthread_create(&th[i], NULL, worker, (void *)(uintptr_t)i);
	for (c = 0; c < cycles; c++) {
		unsigned int id = BASE_ID + c % NDEVS;

		if (dev_del(id) || dev_new(id))
			failed_cycles++;
	}
	atomic_store(&stop, 1);
	for (i = 0; i < nthreads; i++)
		pthread_join(th[i], NULL);
	for (i = 0; i < NDEVS; i++)
		dev_del(BASE_ID + i);

	tap_eq(failed_cycles, 0, "%d create/destroy cycles under %d threads", cycles, nthreads);
	tap_ok(atomic_load(&rpcs_ok) > 0, "RPCs succeeded (%ld)", atomic_load(&rpcs_ok));
	tap_ok(atomic_load(&opens_ok) > 0, "opens succeeded (%ld; %ld found the device gone)",
	       atomic_load(&opens_ok), atomic_load(&opens_gone));
	tap_diag("RPCs that met a removed device: %ld", atomic_load(&rpcs_enodev));
	tap_eq(atomic_load(&bad), 0, "no call failed with anything but a removed device's errno");
	if (mlx5) {
		tap_eq(mlx5sim_total("uids_created") - opens0, atomic_load(&opens_ok),
		       "one firmware uid per successful open()");
		tap_eq(mlx5sim_total("uids_destroyed") - closes0, atomic_load(&opens_ok),
		       "every one destroyed, by close() or by the removal");
	} else {
		tap_eq(sim_total("open_calls") - opens0, atomic_load(&opens_ok),
		       "one driver open per successful open()");
		tap_eq(sim_total("close_calls") - closes0, atomic_load(&opens_ok),
		       "exactly one driver close per open");
	}
	printf("stress-result: cycles=%d threads=%d rpcs=%ld\n", cycles, nthreads, atomic_load(&rpcs_ok));
	return tap_end();
}

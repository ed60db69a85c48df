// SPDX-License-Identifier: GPL-2.0
/*
 * mlx5 fwctl benchmark, run inside the VM. Each RPC is timed against
 * baselines measured in the same run:
 *  - the floor: FWGATE_NULL_FLOOR on /dev/fwgate_null with the same lengths,
 *    i.e. only the user copies and allocations the fwctl uAPI requires
 *    (target: RPC <= 1.15 x floor);
 *  - a bare ioctl on /dev/fwgate_null.
 * RPCs: QUERY_HCA_CAP (16 bytes in, 4112 out) on a simulated ConnectX
 * function, and the fwctl_sim NOP (16 in, 16 out).
 */
#include <math.h>
#include <time.h>
#include "tap.h"
#include "mlx5dev.h"
#include "kmod/fwgate_null.h"

#define MLX5_ID 91
#define SIM_ID 92
#define N 2000

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* @n ioctls of @cmd with @arg; seconds, or -1 on the first failure. */
static double loop(int fd, unsigned long cmd, void *arg, long n)
{
	double t = now();
	long i;

	for (i = 0; i < n; i++)
		if (ioctl(fd, cmd, arg))
			return -1;
	return now() - t;
}

static void bench(const char *name, int fd, int nfd, void *in,
		  uint32_t in_len, void *out, uint32_t out_len)
{
	struct fwctl_rpc rpc = {
		.size = sizeof(rpc), .in = (uintptr_t)in, .in_len = in_len,
		.out = (uintptr_t)out, .out_len = out_len,
	};
	struct fwctl_rpc floor_rpc = rpc;
	double t_rpc = 1e9, t_floor = 1e9, t_null = 1e9;
	int r;

	if (loop(fd, FWCTL_RPC, &rpc, 100) < 0 ||
	    loop(nfd, FWGATE_NULL_FLOOR, &floor_rpc, 100) < 0) {
		printf("bench: %s ERROR %s\n", name, strerror(errno));
		return;
	}
	/* interleaved rounds, so background load hits every side alike */
	for (r = 0; r < 20; r++) {
		t_rpc = fmin(t_rpc, loop(fd, FWCTL_RPC, &rpc, N));
		t_floor = fmin(t_floor, loop(nfd, FWGATE_NULL_FLOOR, &floor_rpc, N));
		t_null = fmin(t_null, loop(nfd, 0, NULL, N));
	}
	printf("bench: %s rpc_ns=%.0f floor_ns=%.0f null_ioctl_ns=%.0f floor_ratio=%.2f target<=1.15 null_ratio=%.2f\n",
	       name, t_rpc / N * 1e9, t_floor / N * 1e9, t_null / N * 1e9,
	       t_rpc / t_floor, t_rpc / t_null);
}

int main(void)
{
	static uint8_t out[PRM_QUERY_HCA_CAP_OUT_LEN];
	struct fwctl_sim_req nop = { .opcode = FWCTL_SIM_OP_NOP };
	uint8_t in[16] = { 0 };
	int nfd = open("/dev/fwgate_null", O_RDWR);
	int mfd, sfd;

	mlx5sim_del(MLX5_ID);
	sim_del(SIM_ID);
	if (nfd < 0 || mlx5sim_new(MLX5_ID) || sim_new(SIM_ID) ||
	    (mfd = mlx5sim_open(MLX5_ID)) < 0 || (sfd = sim_open(SIM_ID)) < 0) {
		printf("bench: mlx5 ERROR cannot set up the devices\n");
		return 1;
	}
	mbox_hdr(in, PRM_QUERY_HCA_CAP, 0, 1);
	bench("mlx5-query-hca-cap", mfd, nfd, in, sizeof(in), out, sizeof(out));
	bench("sim-nop", sfd, nfd, &nop, sizeof(nop), out,
	      sizeof(struct fwctl_sim_resp));
	close(mfd);
	close(sfd);
	close(nfd);
	mlx5sim_del(MLX5_ID);
	sim_del(SIM_ID);
	return 0;
}

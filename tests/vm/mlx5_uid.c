// SPDX-License-Identifier: GPL-2.0
/*
 * A firmware uid is a security boundary: one open file cannot read, use or
 * destroy another file's user context, and whatever uid a request carries,
 * the driver replaces it with the file's own before the firmware sees it.
 */
#include "tap.h"
#include "mlx5dev.h"

#define ID 31

/* QUERY_UCTX of @obj, with @hdr_uid forged into the header. */
static int query_uctx(int fd, uint16_t hdr_uid, uint32_t obj, uint8_t *out)
{
	uint8_t in[16] = { 0 };
	uint32_t out_len = 32;

	mbox_hdr(in, PRM_QUERY_UCTX, hdr_uid, 0);
	prm_set(in, 0x40, 32, obj);
	memset(out, 0xa5, 32);
	return fw_rpc(fd, FWCTL_RPC_DEBUG_READ_ONLY, in, sizeof(in), out,
		      &out_len);
}

int main(void)
{
	struct fwctl_info_mlx5 ia = { 0 }, ib = { 0 };
	uint8_t out[32], in[16];
	unsigned int scope;
	int fa, fb;

	tap_start();
	mlx5sim_del(ID);
	if (!tap_eq(mlx5sim_new(ID), 0, "create simulated function %d", ID))
		return tap_end();
	fa = mlx5sim_open(ID);
	fb = mlx5sim_open(ID);
	tap_ok(fa >= 0 && fb >= 0, "two files on one function");
	mlx5_info(fa, &ia, NULL, NULL);
	mlx5_info(fb, &ib, NULL, NULL);
	tap_ok(ia.uid && ib.uid && ia.uid != ib.uid, "uids %u and %u", ia.uid,
	       ib.uid);

	tap_eq(query_uctx(fa, 0, ia.uid, out), 0, "A queries its own context");
	tap_eq(mbox_status(out), 0, "status OK");
	tap_eq(prm_get(out, 0xa0, 16), ia.uid, "the answer is about A's uid");

	tap_eq(query_uctx(fa, 0, ib.uid, out), 0, "A queries B's context");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "the firmware refuses");
	tap_eq(mbox_syndrome(out), MLX5SIM_SYND_BAD_UID, "because of the uid");

	tap_eq(query_uctx(fa, ib.uid, ib.uid, out), 0,
	       "A queries B's context with B's uid forged into the header");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM,
	       "still refused: the header carried A's uid");

	tap_eq(query_uctx(fa, 0, ib.uid, out), 0,
	       "A forges uid 0 (the kernel's) to query B's context");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "refused too");

	tap_eq(query_uctx(fa, ib.uid, ia.uid, out), 0,
	       "A queries its own context with B's uid forged in the header");
	tap_ok(mbox_status(out) == 0 && prm_get(out, 0xa0, 16) == ia.uid,
	       "succeeds as A: the forged uid was overwritten");

	for (scope = 0; scope < 4; scope++) {
		uint32_t out_len = 16;

		memset(in, 0, sizeof(in));
		mbox_hdr(in, PRM_DESTROY_UCTX, 0, 0);
		prm_set(in, 0x50, 16, ib.uid);
		tap_errno(fw_rpc(fa, scope, in, sizeof(in), out, &out_len),
			  EBADMSG, "A cannot DESTROY_UCTX B's uid at scope %u",
			  scope);
		memset(in, 0, sizeof(in));
		mbox_hdr(in, PRM_CREATE_UCTX, 0, 0);
		tap_errno(fw_rpc(fa, scope, in, sizeof(in), out, &out_len),
			  EBADMSG, "nor create a context at scope %u", scope);
	}
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 2, "both contexts still live");
	tap_eq(query_uctx(fb, 0, ib.uid, out), 0, "B still works");
	tap_eq(mbox_status(out), 0, "status OK");

	close(fb);
	tap_eq(query_uctx(fa, 0, ib.uid, out), 0,
	       "A queries B's context after B closed");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "it is gone");
	close(fa);
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 0, "no uid left");
	tap_eq(mlx5sim_del(ID), 0, "remove the function");
	return tap_end();
}

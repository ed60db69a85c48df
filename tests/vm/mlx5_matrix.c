// SPDX-License-Identifier: GPL-2.0
/*
 * The allow-list matrix: every opcode (0..0xffff), with a read and a write
 * op_mod, at every scope, through the driver. A command the table allows
 * reaches the firmware (the RPC returns 0, whatever the mailbox status); any
 * other is EBADMSG. The table is the one the module compiles; the counts per
 * scope are upstream's, written here.
 */
#include "tap.h"
#include "mlx5dev.h"
#include "mlx5_policy.h"

#define ID 21

int main(void)
{
	/* upstream: allowed opcodes per scope with op_mod 1 and with op_mod 0 */
	static const unsigned int want[4][2] = {
		{ 11, 13 }, { 93, 93 }, { 94, 94 }, { 94, 94 },
	};
	static const char * const scope_name[] = {
		"configuration", "debug read-only", "debug write",
		"debug write-full",
	};
	uint8_t in[16], out[16];
	unsigned int scope, op, op_mod;
	int fd;

	tap_start();
	mlx5sim_del(ID);
	if (!tap_eq(mlx5sim_new(ID), 0, "create simulated function %d", ID))
		return tap_end();
	fd = mlx5sim_open(ID);
	if (!tap_ok(fd >= 0, "open it"))
		return tap_end();

	for (scope = 0; scope < 4; scope++) {
		for (op_mod = 0; op_mod < 2; op_mod++) {
			unsigned int allowed = 0, wrong = 0, reached = 0;

			for (op = 0; op <= 0xffff; op++) {
				int min = mlx5_fwctl_min_scope(op, !op_mod);
				int allow = min >= 0 && (int)scope >= min;
				uint32_t out_len = sizeof(out);
				int rc, err;

				memset(in, 0, sizeof(in));
				mbox_hdr(in, op, 0, !op_mod);
				rc = fw_rpc(fd, scope, in, sizeof(in), out,
					    &out_len);
				err = rc ? errno : 0;
				allowed += allow;
				reached += allow && !rc;
				if (allow ? !rc : rc && err == EBADMSG)
					continue;
				if (!wrong++)
					tap_diag("opcode 0x%x op_mod %u scope %u: rc %d errno %d",
						 op, !op_mod, scope, rc, err);
			}
			tap_eq(allowed, want[scope][op_mod],
			       "%s, op_mod %u: upstream allows %u opcodes",
			       scope_name[scope], !op_mod, want[scope][op_mod]);
			tap_eq(wrong, 0,
			       "%s, op_mod %u: the driver passes exactly those (%u reached the firmware), EBADMSG for the other %u",
			       scope_name[scope], !op_mod, reached,
			       0x10000 - allowed);
		}
	}
	close(fd);
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 0,
	       "none of those commands left a uid behind");
	tap_eq(mlx5sim_del(ID), 0, "remove the function");
	return tap_end();
}

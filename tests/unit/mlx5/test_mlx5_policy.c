// SPDX-License-Identifier: GPL-2.0
/*
 * The mlx5 allow-list: upstream's decisions for the commands the reference
 * names (values written here, not read from the table), a sorted table the
 * binary search finds every entry of, and docs/fwctl-mlx5.md listing every
 * entry with its scope.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mlx5_policy.h"
#include "file_text.h"
#include "tap.h"

static int linear_min_scope(unsigned int opcode, unsigned int op_mod)
{
	unsigned int i;

	for (i = 0; i < mlx5_fwctl_policy_len; i++)
		if (mlx5_fwctl_policy[i].opcode == opcode)
			return op_mod ? mlx5_fwctl_policy[i].scope :
					mlx5_fwctl_policy[i].scope_op_mod0;
	return -1;
}

static const char *scope_word(int scope)
{
	static const char * const words[] = {
		"configuration", "debug_read_only", "debug_write",
		"debug_write_full",
	};

	return scope >= 0 && scope < 4 ? words[scope] : "refused";
}

int main(void)
{
	static const struct {
		unsigned int opcode, op_mod;
		int scope;
		const char *what;
	} known[] = {
		{ 0x100, 1, 0, "QUERY_HCA_CAP at configuration" },
		{ 0x101, 0, 0, "QUERY_ADAPTER at configuration" },
		{ 0x109, 0, 0, "SET_HCA_CAP at configuration" },
		{ 0x10e, 0, 0, "QUERY_OTHER_HCA_CAP at configuration" },
		{ 0x740, 0, 0, "QUERY_ESW_FUNCTIONS at configuration" },
		{ 0xb22, 0, 0, "QUERY_VUID at configuration" },
		{ 0x731, 0, 0, "DELEGATE_VHCA_MANAGEMENT at configuration" },
		{ 0x805, 0, 0, "ACCESS_REG write (op_mod 0) at configuration" },
		{ 0x805, 1, 1, "ACCESS_REG read (op_mod 1) at debug read-only" },
		{ 0xb0c, 0, 0, "ACCESS_REGISTER_USER write at configuration" },
		{ 0xb0c, 1, 1, "ACCESS_REGISTER_USER read at debug read-only" },
		{ 0x80d, 0, 1, "NOP at debug read-only" },
		{ 0x10a, 0, 1, "QUERY_ISSI at debug read-only" },
		{ 0x107, 0, 1, "QUERY_PAGES at debug read-only" },
		{ 0x819, 0, 1, "QUERY_DIAGNOSTIC_PARAMS at debug read-only" },
		{ 0x821, 0, 1, "QUERY_DIAGNOSTIC_COUNTERS at debug read-only" },
		{ 0xa05, 0, 1, "QUERY_UCTX at debug read-only" },
		{ 0x8000, 0, 1, "QUERY_RSV_RESOURCES at debug read-only" },
		{ 0x8001, 0, 1, "QUERY_MTT at debug read-only" },
		{ 0x8006, 0, 1, "QUERY_SCHED_QUEUE at debug read-only" },
		{ 0x820, 0, 2, "SET_DIAGNOSTIC_PARAMS at debug write" },
		{ 0xa04, 0, -1, "CREATE_UCTX refused" },
		{ 0xa06, 0, -1, "DESTROY_UCTX refused" },
		{ 0x200, 0, -1, "CREATE_MKEY refused" },
		{ 0x400, 0, -1, "CREATE_CQ refused" },
		{ 0x500, 0, -1, "CREATE_QP refused" },
		{ 0x0, 0, -1, "opcode 0 refused" },
		{ 0xffff, 0, -1, "opcode 0xffff refused" },
	};
	unsigned int i, bad = 0, missing = 0;
	char *doc;

	tap_start();
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		tap_eq(mlx5_fwctl_min_scope(known[i].opcode, known[i].op_mod),
		       known[i].scope, "%s", known[i].what);

	tap_eq(mlx5_fwctl_policy_len, 94, "upstream's switch allows 94 opcodes");
	for (i = 1; i < mlx5_fwctl_policy_len; i++)
		if (mlx5_fwctl_policy[i - 1].opcode >= mlx5_fwctl_policy[i].opcode)
			bad++;
	tap_eq(bad, 0, "the table is sorted by opcode, without duplicates");

	bad = 0;
	for (i = 0; i <= 0xffff; i++)
		if (mlx5_fwctl_min_scope(i, 0) != linear_min_scope(i, 0) ||
		    mlx5_fwctl_min_scope(i, 1) != linear_min_scope(i, 1))
			bad++;
	tap_eq(bad, 0, "the binary search agrees with a linear scan for all 65536 opcodes");

	doc = file_text(FWGATE_DOCS "/fwctl-mlx5.md");
	tap_ok(doc != NULL, "docs/fwctl-mlx5.md is readable");
	for (i = 0; doc && i < mlx5_fwctl_policy_len; i++) {
		const struct mlx5_fwctl_cmd_policy *p = &mlx5_fwctl_policy[i];
		char row[160];

		snprintf(row, sizeof(row), "| 0x%x | %s | %s |", p->opcode,
			 p->name, p->scope == p->scope_op_mod0 ?
			 scope_word(p->scope) : "op_mod 0: configuration, else debug_read_only");
		if (!strstr(doc, row)) {
			tap_diag("docs/fwctl-mlx5.md lacks the row '%s'", row);
			missing++;
		}
	}
	tap_eq(missing, 0, "the docs list every allowed command with its scope");
	free(doc);
	return tap_end();
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ops of sap_host's fwctl device, their names and minimum scopes: one
 * table, used by the kernel (host/fwctl.c), by fwctl(8) (tools/fwctl/sap.c,
 * for the words and the scope to claim) and by the tests. The format is
 * include/uapi/fwctl/sap.h; docs/sap-fwctl.md shows this table.
 */
#ifndef SAP_FWCTL_OPS_H
#define SAP_FWCTL_OPS_H

#ifdef __KERNEL__
#include <linux/stddef.h>
#else
#include <stddef.h>
#endif
#include <linux/types.h>
#include <fwctl/fwctl.h>
#include <fwctl/sap.h>

/**
 * struct sap_fwctl_op_desc - one op
 * @op: &enum fwctl_sap_op
 * @scope: lowest &enum fwctl_rpc_scope that may issue it
 * @name: its name in fwctl(8) and the docs
 */
struct sap_fwctl_op_desc {
	__u32 op;
	__u32 scope;
	const char *name;
};

static const struct sap_fwctl_op_desc sap_fwctl_op_descs[] = {
	{ FWCTL_SAP_OP_STATUS, FWCTL_RPC_CONFIGURATION, "status" },
	{ FWCTL_SAP_OP_COUNTERS, FWCTL_RPC_CONFIGURATION, "counters" },
	{ FWCTL_SAP_OP_FILTERS, FWCTL_RPC_CONFIGURATION, "filters" },
	{ FWCTL_SAP_OP_LOG, FWCTL_RPC_DEBUG_READ_ONLY, "log" },
	{ FWCTL_SAP_OP_RINGS, FWCTL_RPC_DEBUG_READ_ONLY, "rings" },
	{ FWCTL_SAP_OP_OWN_REQUEST, FWCTL_RPC_DEBUG_WRITE, "own-request" },
	{ FWCTL_SAP_OP_OWN_GIVE, FWCTL_RPC_DEBUG_WRITE, "own-give" },
	{ FWCTL_SAP_OP_PING, FWCTL_RPC_DEBUG_WRITE, "ping" },
	{ FWCTL_SAP_OP_RESTART, FWCTL_RPC_DEBUG_WRITE, "restart" },
	{ FWCTL_SAP_OP_RAW, FWCTL_RPC_DEBUG_WRITE_FULL, "raw" },
	{ 0, 0, NULL }	/* end */
};

static inline const struct sap_fwctl_op_desc *sap_fwctl_op_desc(__u32 op)
{
	const struct sap_fwctl_op_desc *d;

	for (d = sap_fwctl_op_descs; d->name; d++)
		if (d->op == op)
			return d;
	return NULL;
}

#endif /* SAP_FWCTL_OPS_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fwctl_sim: the facts of the simulated device, in one place.
 *
 * The kernel module (drivers/fwctl/sim), libfwctl (lib/libfwctl/sim.c),
 * the unit tests' fake firmware and the VM tests all include this header,
 * the way the SAP core is shared through sap_compat.h. The wire format
 * (opcodes, structs, statuses) is the uAPI, include/uapi/fwctl/fwctl_sim.h;
 * what the device does with it is here: the opcode catalogue with each
 * opcode's minimum scope and name, the configuration keys with their
 * ranges and defaults, the capability mask and the firmware version.
 * tests/unit/uapi/test_fwsim_catalogue.c pins these tables to the ones in
 * docs/fwctl-sim.md.
 */
#ifndef __FWSIM_CATALOGUE_H
#define __FWSIM_CATALOGUE_H

#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/types.h>
#include <uapi/fwctl/fwctl.h>
#include <uapi/fwctl/fwctl_sim.h>
#else
#include <linux/types.h>
#include <fwctl/fwctl.h>
#include <fwctl/fwctl_sim.h>
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#endif

/* IDENTIFY, INFO and register 0 report this version: 1.4.2 */
#define FWSIM_FW_VERSION	((1 << 16) | (4 << 8) | 2)

/* Every capability the simulated device has; INFO and IDENTIFY report it. */
#define FWSIM_CAPS		(FWCTL_SIM_CAP_CONFIG | FWCTL_SIM_CAP_DEBUG | \
				 FWCTL_SIM_CAP_RAW_MEM | FWCTL_SIM_CAP_OBJECTS)

/* The name of each FWCTL_SIM_CAP_* bit, indexed by bit number. */
static const char *const fwsim_cap_names[] = {
	"config", "debug", "raw-mem", "objects",
};

/**
 * struct fwsim_op - one opcode of the catalogue
 * @opcode: an enum fwctl_sim_opcode value
 * @min_scope: the lowest enum fwctl_rpc_scope that may issue it
 * @name: lower case, words joined by '-' ("cfg-get")
 */
struct fwsim_op {
	__u32 opcode;
	__u32 min_scope;
	const char *name;
};

/* The driver refuses every opcode not listed here with EOPNOTSUPP. */
static const struct fwsim_op fwsim_ops[] = {
	{ FWCTL_SIM_OP_NOP, FWCTL_RPC_CONFIGURATION, "nop" },
	{ FWCTL_SIM_OP_IDENTIFY, FWCTL_RPC_CONFIGURATION, "identify" },
	{ FWCTL_SIM_OP_CFG_GET, FWCTL_RPC_CONFIGURATION, "cfg-get" },
	{ FWCTL_SIM_OP_CFG_SET, FWCTL_RPC_CONFIGURATION, "cfg-set" },
	{ FWCTL_SIM_OP_OBJ_ALLOC, FWCTL_RPC_CONFIGURATION, "obj-alloc" },
	{ FWCTL_SIM_OP_OBJ_FREE, FWCTL_RPC_CONFIGURATION, "obj-free" },
	{ FWCTL_SIM_OP_COUNTERS, FWCTL_RPC_DEBUG_READ_ONLY, "counters" },
	{ FWCTL_SIM_OP_LOG_DUMP, FWCTL_RPC_DEBUG_READ_ONLY, "log-dump" },
	{ FWCTL_SIM_OP_REG_READ, FWCTL_RPC_DEBUG_READ_ONLY, "reg-read" },
	{ FWCTL_SIM_OP_OBJ_QUERY, FWCTL_RPC_DEBUG_READ_ONLY, "obj-query" },
	{ FWCTL_SIM_OP_REG_WRITE, FWCTL_RPC_DEBUG_WRITE, "reg-write" },
	{ FWCTL_SIM_OP_FW_RESET, FWCTL_RPC_DEBUG_WRITE, "fw-reset" },
	{ FWCTL_SIM_OP_MEM_WRITE, FWCTL_RPC_DEBUG_WRITE_FULL, "mem-write" },
	{ FWCTL_SIM_OP_MEM_READ, FWCTL_RPC_DEBUG_WRITE_FULL, "mem-read" },
};

#define FWSIM_NUM_OPS	ARRAY_SIZE(fwsim_ops)

/**
 * fwsim_op_find - the catalogue entry of an opcode
 * @opcode: any value
 *
 * Return: the entry, or NULL if the opcode is not in the catalogue.
 */
static inline const struct fwsim_op *fwsim_op_find(__u32 opcode)
{
	unsigned int i;

	for (i = 0; i < FWSIM_NUM_OPS; i++)
		if (fwsim_ops[i].opcode == opcode)
			return &fwsim_ops[i];
	return NULL;
}

/**
 * struct fwsim_cfg_key - one configuration key
 * @name: lower case, words joined by '-' ("num-queues")
 * @min: smallest value CFG_SET accepts
 * @max: largest value CFG_SET accepts
 * @def: the value a new device starts with
 */
struct fwsim_cfg_key {
	const char *name;
	__u32 min;
	__u32 max;
	__u32 def;
};

/* Indexed by enum fwctl_sim_cfg_key. */
static const struct fwsim_cfg_key fwsim_cfg_keys[FWCTL_SIM_CFG_NUM_KEYS] = {
	[FWCTL_SIM_CFG_MTU] = { "mtu", 68, 9216, 1500 },
	[FWCTL_SIM_CFG_NUM_QUEUES] = { "num-queues", 1, 64, 8 },
	[FWCTL_SIM_CFG_LED_MODE] = { "led-mode", 0, 2, 1 },
	[FWCTL_SIM_CFG_POWER_LIMIT_MW] = { "power-limit-mw", 1000, 25000, 15000 },
};

#endif /* __FWSIM_CATALOGUE_H */

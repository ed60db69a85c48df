/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * fwctl_sim: RPC format of the fwgate simulated fwctl device.
 *
 * The simulated device reports FWCTL_DEVICE_TYPE_FWGATE_SIM, a value far
 * above the small numbers upstream allocates in order, so it can never be
 * mistaken for a real device type.
 *
 * Every request starts with struct fwctl_sim_req, every response with
 * struct fwctl_sim_resp; all fields are in host byte order. A zero ioctl
 * return means the simulated firmware ran the command and @status in the
 * response says how it went. The driver itself refuses, with an errno and
 * without reaching the firmware:
 *  EINVAL     in_len below sizeof(struct fwctl_sim_req) or @rsvd not zero
 *  EOPNOTSUPP an opcode not in the catalogue
 *  EPERM      an opcode issued under a scope lower than its minimum
 * See docs/fwctl-sim.md for the catalogue and the scope of each opcode.
 */
#ifndef _UAPI_FWCTL_SIM_H
#define _UAPI_FWCTL_SIM_H

#include <linux/types.h>

#define FWCTL_DEVICE_TYPE_FWGATE_SIM 0xf5a1

/**
 * struct fwctl_info_sim - FWCTL_INFO device data of a simulated device
 * @uctx_id: firmware context allocated for this file descriptor
 * @caps: FWCTL_SIM_CAP_* bits
 * @fw_version: firmware version, major << 16 | minor << 8 | patch
 * @dev_id: the id the device was created with (sysfs new_device)
 */
struct fwctl_info_sim {
	__u32 uctx_id;
	__u32 caps;
	__u32 fw_version;
	__u32 dev_id;
};

enum fwctl_sim_caps {
	FWCTL_SIM_CAP_CONFIG = 1 << 0,
	FWCTL_SIM_CAP_DEBUG = 1 << 1,
	FWCTL_SIM_CAP_RAW_MEM = 1 << 2,
	FWCTL_SIM_CAP_OBJECTS = 1 << 3,
};

/**
 * enum fwctl_sim_opcode - firmware commands and their minimum scope
 * @FWCTL_SIM_OP_NOP: configuration; does nothing, empty payload
 * @FWCTL_SIM_OP_IDENTIFY: configuration; returns struct fwctl_sim_identify
 * @FWCTL_SIM_OP_CFG_GET: configuration; @arg0 key, returns
 *	struct fwctl_sim_cfg
 * @FWCTL_SIM_OP_CFG_SET: configuration; @arg0 key, @arg1 value; the value is
 *	validated and kept across firmware resets
 * @FWCTL_SIM_OP_OBJ_ALLOC: configuration; @arg0 tag; returns
 *	struct fwctl_sim_obj; the object belongs to the file descriptor
 * @FWCTL_SIM_OP_OBJ_FREE: configuration; @arg0 object id
 * @FWCTL_SIM_OP_COUNTERS: debug read-only; returns struct fwctl_sim_counters
 * @FWCTL_SIM_OP_LOG_DUMP: debug read-only; @arg0 byte offset into the log;
 *	returns as much log text as fits in the caller's buffer
 * @FWCTL_SIM_OP_REG_READ: debug read-only; @arg0 register index, returns
 *	struct fwctl_sim_reg
 * @FWCTL_SIM_OP_OBJ_QUERY: debug read-only; @arg0 object id, returns
 *	struct fwctl_sim_obj
 * @FWCTL_SIM_OP_REG_WRITE: debug write; @arg0 register index, @arg1 value
 * @FWCTL_SIM_OP_FW_RESET: debug write; resets registers, counters, the
 *	calling context's objects and a crashed state; configuration persists
 * @FWCTL_SIM_OP_MEM_WRITE: debug write-full; @arg0 offset into the firmware
 *	scratch memory, payload bytes are written there
 * @FWCTL_SIM_OP_MEM_READ: debug write-full; @arg0 offset, @arg1 length
 */
enum fwctl_sim_opcode {
	FWCTL_SIM_OP_NOP = 0x0000,
	FWCTL_SIM_OP_IDENTIFY = 0x0001,
	FWCTL_SIM_OP_CFG_GET = 0x0010,
	FWCTL_SIM_OP_CFG_SET = 0x0011,
	FWCTL_SIM_OP_OBJ_ALLOC = 0x0018,
	FWCTL_SIM_OP_OBJ_FREE = 0x0019,
	FWCTL_SIM_OP_COUNTERS = 0x0020,
	FWCTL_SIM_OP_LOG_DUMP = 0x0021,
	FWCTL_SIM_OP_REG_READ = 0x0022,
	FWCTL_SIM_OP_OBJ_QUERY = 0x0023,
	FWCTL_SIM_OP_REG_WRITE = 0x0030,
	FWCTL_SIM_OP_FW_RESET = 0x0031,
	FWCTL_SIM_OP_MEM_WRITE = 0x0040,
	FWCTL_SIM_OP_MEM_READ = 0x0041,
};

/**
 * enum fwctl_sim_status - result of a command the firmware received
 * @FWCTL_SIM_STATUS_OK: success
 * @FWCTL_SIM_STATUS_BAD_PARAM: an argument is out of range (key, register,
 *	offset, length)
 * @FWCTL_SIM_STATUS_BAD_VALUE: a configuration value failed validation
 * @FWCTL_SIM_STATUS_NO_RESOURCE: the firmware is out of objects
 * @FWCTL_SIM_STATUS_NOT_FOUND: no such object for this context
 * @FWCTL_SIM_STATUS_CRASHED: the firmware crashed; only FW_RESET works
 * @FWCTL_SIM_STATUS_INJECTED: failure injected through debugfs
 */
enum fwctl_sim_status {
	FWCTL_SIM_STATUS_OK = 0,
	FWCTL_SIM_STATUS_BAD_PARAM = 1,
	FWCTL_SIM_STATUS_BAD_VALUE = 2,
	FWCTL_SIM_STATUS_NO_RESOURCE = 3,
	FWCTL_SIM_STATUS_NOT_FOUND = 4,
	FWCTL_SIM_STATUS_CRASHED = 5,
	FWCTL_SIM_STATUS_INJECTED = 6,
};

/**
 * struct fwctl_sim_req - request header
 * @opcode: an enum fwctl_sim_opcode value
 * @arg0: first argument, meaning per opcode
 * @arg1: second argument, meaning per opcode
 * @rsvd: must be zero
 * @payload: opcode-specific data (MEM_WRITE only)
 */
struct fwctl_sim_req {
	__u32 opcode;
	__u32 arg0;
	__u32 arg1;
	__u32 rsvd;
	__u8 payload[];
};

/**
 * struct fwctl_sim_resp - response header
 * @status: an enum fwctl_sim_status value
 * @opcode: the opcode of the request
 * @len: bytes of payload following this header
 * @syndrome: detail for a non-zero @status (e.g. the offending value)
 * @payload: opcode-specific data
 */
struct fwctl_sim_resp {
	__u32 status;
	__u32 opcode;
	__u32 len;
	__u32 syndrome;
	__u8 payload[];
};

/**
 * struct fwctl_sim_identify - payload of IDENTIFY
 * @fw_version: major << 16 | minor << 8 | patch
 * @dev_id: device id
 * @caps: FWCTL_SIM_CAP_* bits
 * @max_rpc_len: largest response the firmware produces
 * @num_regs: number of debug registers
 * @num_cfg_keys: number of configuration keys
 * @mem_size: size of the scratch memory MEM_READ/MEM_WRITE reach
 * @max_objects: objects a context may hold
 * @serial: NUL-terminated serial number
 */
struct fwctl_sim_identify {
	__u32 fw_version;
	__u32 dev_id;
	__u32 caps;
	__u32 max_rpc_len;
	__u32 num_regs;
	__u32 num_cfg_keys;
	__u32 mem_size;
	__u32 max_objects;
	char serial[32];
};

/**
 * enum fwctl_sim_cfg_key - configuration keys and their valid ranges
 * @FWCTL_SIM_CFG_MTU: 68 to 9216
 * @FWCTL_SIM_CFG_NUM_QUEUES: 1 to 64
 * @FWCTL_SIM_CFG_LED_MODE: 0 off, 1 on, 2 blink
 * @FWCTL_SIM_CFG_POWER_LIMIT_MW: 1000 to 25000
 */
enum fwctl_sim_cfg_key {
	FWCTL_SIM_CFG_MTU = 0,
	FWCTL_SIM_CFG_NUM_QUEUES = 1,
	FWCTL_SIM_CFG_LED_MODE = 2,
	FWCTL_SIM_CFG_POWER_LIMIT_MW = 3,
	FWCTL_SIM_CFG_NUM_KEYS,
};

struct fwctl_sim_cfg {
	__u32 key;
	__u32 value;
};

struct fwctl_sim_reg {
	__u32 index;
	__u32 value;
};

struct fwctl_sim_obj {
	__u32 id;
	__u32 tag;
};

/**
 * struct fwctl_sim_counters - payload of COUNTERS
 * @rpcs: commands the firmware received since the last reset
 * @errors: commands answered with a non-zero status
 * @resets: firmware resets since the device was created (not reset)
 * @cfg_writes: successful CFG_SET commands
 * @reg_writes: REG_WRITE commands
 * @mem_writes: MEM_WRITE commands
 * @contexts: firmware contexts currently open
 * @objects: objects currently allocated, all contexts
 */
struct fwctl_sim_counters {
	__u64 rpcs;
	__u64 errors;
	__u64 resets;
	__u64 cfg_writes;
	__u64 reg_writes;
	__u64 mem_writes;
	__u64 contexts;
	__u64 objects;
};

#endif

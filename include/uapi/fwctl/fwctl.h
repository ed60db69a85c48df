/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * fwctl: scoped RPC channel from userspace to device firmware.
 *
 * This header is binary-compatible with the fwctl uAPI of Linux 6.15 and
 * later: the ioctl numbers, struct layouts and enum values are identical, so
 * tools written for upstream fwctl work unchanged against the fwgate modules.
 *
 * Every ioctl argument starts with a __u32 size that userspace sets to the
 * sizeof() of the struct it was compiled with. The kernel accepts a shorter
 * struct (down to the last field it requires) and a longer one whose extra
 * bytes are all zero; extra non-zero bytes fail with E2BIG.
 *
 * Common errnos:
 *  ENOTTY     the ioctl number is not a fwctl ioctl
 *  E2BIG      non-zero bytes in a part of the struct the kernel does not know
 *  EOPNOTSUPP a known field carries a value the kernel does not support
 *  EINVAL     a known field is wrong (e.g. size below the minimum)
 *  ENOMEM     out of memory
 *  ENODEV     the device was removed; only close() is useful on this fd
 */
#ifndef _UAPI_FWCTL_H
#define _UAPI_FWCTL_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define FWCTL_TYPE 0x9A

enum {
	FWCTL_CMD_BASE = 0,
	FWCTL_CMD_INFO = 0,
	FWCTL_CMD_RPC = 1,
};

/**
 * enum fwctl_device_type - format of FWCTL_INFO device data and RPC buffers
 * @FWCTL_DEVICE_TYPE_ERROR: never reported by a working driver
 * @FWCTL_DEVICE_TYPE_MLX5: NVIDIA mlx5 command mailboxes, see fwctl/mlx5.h
 * @FWCTL_DEVICE_TYPE_CXL: CXL Features mailbox, see fwctl/cxl.h
 * @FWCTL_DEVICE_TYPE_BNXT: Broadcom bnxt HWRM, see fwctl/bnxt.h
 * @FWCTL_DEVICE_TYPE_PDS: AMD/Pensando pds endpoints, see fwctl/pds.h
 */
enum fwctl_device_type {
	FWCTL_DEVICE_TYPE_ERROR = 0,
	FWCTL_DEVICE_TYPE_MLX5 = 1,
	FWCTL_DEVICE_TYPE_CXL = 2,
	FWCTL_DEVICE_TYPE_BNXT = 3,
	FWCTL_DEVICE_TYPE_PDS = 4,
};

/**
 * struct fwctl_info - argument of FWCTL_INFO
 * @size: sizeof(struct fwctl_info) as compiled into the caller
 * @flags: must be 0
 * @out_device_type: the enum fwctl_device_type of this device
 * @device_data_len: on entry the capacity of @out_device_data, on return the
 *	length of the driver's data (larger than the capacity if truncated)
 * @out_device_data: user pointer to a buffer for the device-specific data;
 *	the part of the buffer the data does not cover is zero-filled
 *
 * Reports the device type and a driver-defined blob (e.g. the firmware
 * context identifier assigned to this file descriptor).
 */
struct fwctl_info {
	__u32 size;
	__u32 flags;
	__u32 out_device_type;
	__u32 device_data_len;
	__aligned_u64 out_device_data;
};

#define FWCTL_INFO _IO(FWCTL_TYPE, FWCTL_CMD_INFO)

/**
 * enum fwctl_rpc_scope - what an RPC may do, claimed by the caller
 * @FWCTL_RPC_CONFIGURATION: read or change device configuration; the device
 *	stays in a fully supported state
 * @FWCTL_RPC_DEBUG_READ_ONLY: read debug state; never reveals secrets and is
 *	compatible with kernel lockdown
 * @FWCTL_RPC_DEBUG_WRITE: change debug state, possibly leaving the device
 *	unsupported; lockdown-compatible; taints the kernel
 * @FWCTL_RPC_DEBUG_WRITE_FULL: unrestricted access; needs CAP_SYS_RAWIO and
 *	taints the kernel
 *
 * The kernel enforces the capability and taint rules; the driver and the
 * firmware refuse any command that does not fit the claimed scope.
 */
enum fwctl_rpc_scope {
	FWCTL_RPC_CONFIGURATION = 0,
	FWCTL_RPC_DEBUG_READ_ONLY = 1,
	FWCTL_RPC_DEBUG_WRITE = 2,
	FWCTL_RPC_DEBUG_WRITE_FULL = 3,
};

/**
 * struct fwctl_rpc - argument of FWCTL_RPC
 * @size: sizeof(struct fwctl_rpc) as compiled into the caller
 * @scope: an enum fwctl_rpc_scope value
 * @in_len: length of the request at @in, at most 2 MiB
 * @out_len: on entry the capacity at @out (at most 2 MiB), on return the
 *	length of the response (larger than the capacity if truncated)
 * @in: user pointer to the request, in the device's format
 * @out: user pointer to the response buffer
 *
 * A zero return means the firmware received the request; whether it
 * succeeded is reported inside the response in the device's format. An
 * errno means the request was not delivered, or its result could not be
 * copied back.
 */
struct fwctl_rpc {
	__u32 size;
	__u32 scope;
	__u32 in_len;
	__u32 out_len;
	__aligned_u64 in;
	__aligned_u64 out;
};

#define FWCTL_RPC _IO(FWCTL_TYPE, FWCTL_CMD_RPC)

#endif

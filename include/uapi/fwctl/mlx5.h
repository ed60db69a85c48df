/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * fwctl device data of NVIDIA mlx5 (ConnectX) functions.
 *
 * Binary-compatible with the mlx5 fwctl uAPI of Linux 6.15 and later.
 * There is no RPC wrapper: the FWCTL_RPC in and out buffers are raw PRM
 * command mailboxes (a 16-byte header, then the command's layout).
 */
#ifndef _UAPI_FWCTL_MLX5_H
#define _UAPI_FWCTL_MLX5_H

#include <linux/types.h>

/**
 * struct fwctl_info_mlx5 - FWCTL_INFO device data of an mlx5 function
 * @uid: the firmware user context of this file descriptor; the driver
 *	writes it into the uid field of every command the file sends
 * @uctx_caps: the capabilities that context was created with (bit 0x4 is
 *	TOOLS_RESOURCES)
 */
struct fwctl_info_mlx5 {
	__u32 uid;
	__u32 uctx_caps;
};

#endif

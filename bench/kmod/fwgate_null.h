/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * /dev/fwgate_null's ioctls, shared by the module and the benchmarks.
 *
 * FWGATE_NULL_FLOOR takes a struct fwctl_rpc and does the work the fwctl
 * uAPI itself requires of any RPC, and nothing else: copy the argument in,
 * allocate and copy in the request, allocate a zeroed response of out_len
 * bytes, copy it out, copy the argument back. It is the floor an fwctl RPC
 * is measured against. Any other command does nothing.
 */
#ifndef _FWGATE_NULL_H
#define _FWGATE_NULL_H

#include <linux/ioctl.h>

#define FWGATE_NULL_FLOOR _IO('N', 1)

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels fwctl.ko builds against (6.1 and later).
 * Feature macros come from the Kbuild file, which probes the kernel headers
 * rather than trusting version numbers that distributions backport around.
 */
#ifndef __FWCTL_COMPAT_H
#define __FWCTL_COMPAT_H

#include <linux/panic.h>

/*
 * Before 6.15 the kernel has no TAINT_FWCTL. Bit 19 is the number upstream
 * gave it, so /proc/sys/kernel/tainted reads the same value (524288) as on
 * a kernel with fwctl built in; older kernels do not print its letter.
 */
#ifndef TAINT_FWCTL
#define TAINT_FWCTL 19
#endif

/* The class devnode callback takes a const device from 6.2 on. */
#ifdef FWCTL_HAVE_CONST_DEVNODE
#define FWCTL_DEVNODE_CONST const
#else
#define FWCTL_DEVNODE_CONST
#endif

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Drop one capability from the calling thread, without libcap. */
#ifndef FWGATE_CAPS_H
#define FWGATE_CAPS_H

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline int cap_drop(int cap)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data))
		return -1;
	data[cap / 32].effective &= ~(1U << (cap % 32));
	data[cap / 32].permitted &= ~(1U << (cap % 32));
	data[cap / 32].inheritable &= ~(1U << (cap % 32));
	return syscall(SYS_capset, &hdr, data);
}

#endif

/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libfwctl internals: not installed, not exported. */
#ifndef LIBFWCTL_INTERNAL_H
#define LIBFWCTL_INTERNAL_H

#include <stdbool.h>
#include "libfwctl.h"

struct fwctl_dev {
	int fd;
	bool type_known;
	uint32_t type;
	size_t info_hint;		/* last device data length seen */
	struct fwctl_devinfo info;
};

/* Roots of the sysfs and /dev trees; the unit tests point them elsewhere. */
extern const char *fwctl_priv_sysfs;
extern const char *fwctl_priv_devfs;

#define FWCTL_PRIV_MAX_RPC (2u << 20)

int fwctl_priv_parse_u32(const char *s, uint32_t *v);

#endif

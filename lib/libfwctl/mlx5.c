// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * mlx5 (ConnectX) functions: which fwctl devices are mlx5 by the sysfs
 * rules mlx5ctl uses, and the PRM mailbox header.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>

#include "internal.h"

/**
 * fwctl_mlx5_is_mlx5 - whether a fwctl class device is an mlx5 function
 * @name: the class device name, "fwctl0"
 * @parent: gets the parent's path below /sys/devices/, or NULL
 * @len: size of @parent
 *
 * mlx5ctl's rules: the target of /sys/class/fwctl/@name/device/driver
 * names drivers/mlx5_core, and the device resolves under /sys/devices/.
 *
 * Return: 1 if it is, 0 if not.
 */
int fwctl_mlx5_is_mlx5(const char *name, char *parent, size_t len)
{
	char path[PATH_MAX], target[PATH_MAX], real[PATH_MAX];
	char devices[PATH_MAX];
	size_t dlen;
	ssize_t n;

	if (!name || !name[0] || strchr(name, '/'))
		return 0;
	/* "/sys/devices/", below the root the unit tests may move */
	snprintf(path, sizeof(path), "%s/devices", fwctl_priv_sysfs);
	if (!realpath(path, devices))
		return 0;
	dlen = strlen(devices);
	if (dlen + 1 >= sizeof(devices))
		return 0;
	devices[dlen++] = '/';
	devices[dlen] = 0;
	snprintf(path, sizeof(path), "%s/class/fwctl/%s/device/driver",
		 fwctl_priv_sysfs, name);
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return 0;
	target[n] = 0;
	if (!strstr(target, "drivers/mlx5_core"))
		return 0;
	snprintf(path, sizeof(path), "%s/class/fwctl/%s/device",
		 fwctl_priv_sysfs, name);
	if (!realpath(path, real) || strncmp(real, devices, dlen))
		return 0;
	if (parent && len)
		snprintf(parent, len, "%s", real + dlen);
	return 1;
}

/**
 * fwctl_mlx5_mbox_hdr - write the PRM command header of a request
 * @in: the request, at least FWCTL_MLX5_MBOX_HDR_LEN bytes
 * @opcode: the PRM opcode (bits 31..16 of dword 0)
 * @uid: the user context (bits 15..0 of dword 0); the driver overwrites it
 * @op_mod: the opcode modifier (bits 15..0 of dword 1)
 *
 * The rest of the header is zeroed; the command's body is left alone.
 */
void fwctl_mlx5_mbox_hdr(void *in, uint16_t opcode, uint16_t uid,
			 uint16_t op_mod)
{
	unsigned char *p = in;

	memset(p, 0, 8);
	p[0] = opcode >> 8;
	p[1] = opcode;
	p[2] = uid >> 8;
	p[3] = uid;
	p[6] = op_mod >> 8;
	p[7] = op_mod;
}

/**
 * fwctl_mlx5_mbox_status - the firmware's verdict in a response
 * @out: the out mailbox
 * @len: its valid length
 * @status: gets the status byte (0 is success)
 * @syndrome: gets the syndrome (dword 1), or NULL
 *
 * Return: 0, or -EBADMSG when @len cannot hold the header.
 */
int fwctl_mlx5_mbox_status(const void *out, size_t len, uint8_t *status,
			   uint32_t *syndrome)
{
	const unsigned char *p = out;

	if (len < FWCTL_MLX5_MBOX_HDR_LEN)
		return -EBADMSG;
	*status = p[0];
	if (syndrome)
		*syndrome = (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 |
			    (uint32_t)p[6] << 8 | p[7];
	return 0;
}

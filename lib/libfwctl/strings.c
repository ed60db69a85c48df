// SPDX-License-Identifier: LGPL-2.1-or-later
/* Errors, scopes and device types in words. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

struct errtext {
	int err;
	const char *name;
	const char *text;
};

/* What each errno means when it comes from fwctl, whatever the call. */
static const struct errtext fwctl_errs[] = {
	{ ENOTTY, "ENOTTY", "not a fwctl device (unknown to /sys/class/fwctl, or the kernel does not know the fwctl ioctls)" },
	{ EFAULT, "EFAULT", "a buffer address given to the kernel is not valid" },
	{ EINVAL, "EINVAL", "the request is malformed (a struct size below the minimum, or a request the driver cannot parse)" },
	{ E2BIG, "E2BIG", "the kernel does not know a field of this request (non-zero bytes past the end of its struct): the library is newer than the kernel" },
	{ EOPNOTSUPP, "EOPNOTSUPP", "not supported: an unknown scope, non-zero flags, or a command the driver does not offer" },
	{ EMSGSIZE, "EMSGSIZE", "request or response larger than 2 MiB" },
	{ EPERM, "EPERM", "not permitted: the command needs a higher scope, or write-full scope needs CAP_SYS_RAWIO" },
	{ EACCES, "EACCES", "permission denied opening the device node (root, or a udev rule granting access, is needed)" },
	{ ENOMEM, "ENOMEM", "out of memory" },
	{ ENODEV, "ENODEV", "the device was removed; only closing it is possible" },
	{ ENOENT, "ENOENT", "no such fwctl device (or it has no device node)" },
	{ ENXIO, "ENXIO", "no driver behind this device node" },
	{ ENOTUNIQ, "ENOTUNIQ", "the name matches more than one fwctl device; use fwctlN" },
	{ EMEDIUMTYPE, "EMEDIUMTYPE", "the device is not of the type this request is for" },
	{ EBADMSG, "EBADMSG", "the device answered with a malformed response" },
	{ EAGAIN, "EAGAIN", "the device data kept changing size; try again" },
	{ EBADF, "EBADF", "not an open file descriptor" },
	{ EIO, "EIO", "input/output error in the driver or firmware" },
	{ EBUSY, "EBUSY", "the device or firmware is busy" },
	{ ETIMEDOUT, "ETIMEDOUT", "the firmware did not answer in time" },
	{ EINTR, "EINTR", "interrupted by a signal" },
};

static const struct errtext *find_err(int err)
{
	unsigned int i;

	if (err < 0)
		err = -err;
	for (i = 0; i < sizeof(fwctl_errs) / sizeof(fwctl_errs[0]); i++)
		if (fwctl_errs[i].err == err)
			return &fwctl_errs[i];
	return NULL;
}

/**
 * fwctl_strerror - what an errno means for fwctl
 * @err: an errno, negative or positive
 *
 * Return: a static string; strerror()'s text for errnos fwctl never gives.
 */
const char *fwctl_strerror(int err)
{
	const struct errtext *e = find_err(err);

	if (!err)
		return "success";
	return e ? e->text : strerror(err < 0 ? -err : err);
}

/**
 * fwctl_errno_name - the symbolic name of an errno
 * @err: an errno, negative or positive
 *
 * Return: "EPERM" and the like, or NULL for one fwctl does not use.
 */
const char *fwctl_errno_name(int err)
{
	const struct errtext *e = find_err(err);

	return e ? e->name : NULL;
}

/**
 * fwctl_explain - what an errno means for one particular call
 * @err: an errno, negative or positive
 * @op: the call that failed
 * @scope: for FWCTL_OP_RPC, the scope that was asked for
 *
 * Return: a static string, more precise than fwctl_strerror() where the
 * call tells which of several causes it must have been.
 */
const char *fwctl_explain(int err, enum fwctl_op op, uint32_t scope)
{
	if (err < 0)
		err = -err;

	switch (op) {
	case FWCTL_OP_OPEN:
		switch (err) {
		case ENOENT:
			return "no such fwctl device, or no device node for it";
		case EACCES:
		case EPERM:
			return "permission denied opening the device node (root, or a udev rule granting access, is needed)";
		case ENODEV:
		case ENXIO:
			return "the device was removed";
		case ENOTTY:
		case ENOTUNIQ:
		case ENOMEM:
			break;
		default:
			return "the driver refused to open a firmware context for this file";
		}
		break;
	case FWCTL_OP_INFO:
		if (err == EOPNOTSUPP)
			return "FWCTL_INFO with non-zero flags is not supported";
		if (err == EINVAL)
			return "the kernel needs a larger struct fwctl_info";
		break;
	case FWCTL_OP_RPC:
		switch (err) {
		case EPERM:
			if (scope == FWCTL_RPC_DEBUG_WRITE_FULL)
				return "write-full scope needs CAP_SYS_RAWIO";
			return "the command needs a higher scope than the one given";
		case EOPNOTSUPP:
			if (scope > FWCTL_RPC_DEBUG_WRITE_FULL)
				return "unknown scope (valid scopes are 0 to 3)";
			return "the driver does not offer this command";
		case EINVAL:
			return "the driver rejected the request as malformed (too short, or reserved fields set)";
		case EBADMSG:
			return "the driver refused the command (not allowed in this scope or malformed), or the response is malformed";
		}
		break;
	}
	return fwctl_strerror(err);
}

static const char *const scope_names[] = {
	[FWCTL_RPC_CONFIGURATION] = "configuration",
	[FWCTL_RPC_DEBUG_READ_ONLY] = "debug-read-only",
	[FWCTL_RPC_DEBUG_WRITE] = "debug-write",
	[FWCTL_RPC_DEBUG_WRITE_FULL] = "debug-write-full",
};

/* Short names the command line also accepts. */
static const char *const scope_aliases[] = {
	[FWCTL_RPC_CONFIGURATION] = "config",
	[FWCTL_RPC_DEBUG_READ_ONLY] = "read-only",
	[FWCTL_RPC_DEBUG_WRITE] = "write",
	[FWCTL_RPC_DEBUG_WRITE_FULL] = "write-full",
};

/**
 * fwctl_scope_name - "configuration", "debug-read-only", ...
 * @scope: an enum fwctl_rpc_scope value
 *
 * Return: the name, or NULL for a value fwctl does not define.
 */
const char *fwctl_scope_name(uint32_t scope)
{
	if (scope >= sizeof(scope_names) / sizeof(scope_names[0]))
		return NULL;
	return scope_names[scope];
}

/*
 * The one number parser of the library: decimal, 0x hex or 0 octal, all of
 * @s, at most UINT32_MAX (no sign, no leading space). 0 or -EINVAL.
 */
int fwctl_priv_parse_u32(const char *s, uint32_t *v)
{
	unsigned long long n;
	char *end;

	if (!isdigit((unsigned char)s[0]))
		return -EINVAL;
	errno = 0;
	n = strtoull(s, &end, 0);
	if (errno || *end || n > UINT32_MAX)
		return -EINVAL;
	*v = n;
	return 0;
}

/**
 * fwctl_scope_parse - read a scope from a name or a number
 * @s: a name from fwctl_scope_name(), a short alias ("config",
 *	"read-only", "write", "write-full"), or any number (decimal or 0x
 *	hex; numbers above 3 are passed on so the kernel can refuse them)
 * @scope: set on success
 *
 * Return: 0 or -EINVAL.
 */
int fwctl_scope_parse(const char *s, uint32_t *scope)
{
	unsigned int i;

	for (i = 0; i < sizeof(scope_names) / sizeof(scope_names[0]); i++) {
		if (!strcasecmp(s, scope_names[i]) ||
		    !strcasecmp(s, scope_aliases[i])) {
			*scope = i;
			return 0;
		}
	}
	return fwctl_priv_parse_u32(s, scope);
}

/**
 * fwctl_type_name - short name of a device type
 * @type: an enum fwctl_device_type value
 *
 * Return: "mlx5", "cxl", "bnxt", "pds", "fwctl_sim", "sap", or NULL if
 * unknown.
 */
const char *fwctl_type_name(uint32_t type)
{
	switch (type) {
	case FWCTL_DEVICE_TYPE_MLX5:
		return "mlx5";
	case FWCTL_DEVICE_TYPE_CXL:
		return "cxl";
	case FWCTL_DEVICE_TYPE_BNXT:
		return "bnxt";
	case FWCTL_DEVICE_TYPE_PDS:
		return "pds";
	case FWCTL_DEVICE_TYPE_FWGATE_SIM:
		return "fwctl_sim";
	case FWCTL_DEVICE_TYPE_FWGATE_SAP:
		return "sap";
	}
	return NULL;
}

// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The two fwctl ioctls. Each call sends the struct size this library was
 * built with; see libfwctl.h for how that meets older and newer kernels.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "internal.h"

/* Lengths travel as __u32 in the uAPI: refuse what would wrap. */
static int fits_u32(size_t len)
{
	return len <= UINT32_MAX;
}

/**
 * fwctl_info_buf - one FWCTL_INFO call into a caller's buffer
 * @dev: the device
 * @type: set to the device type (may be NULL)
 * @buf: buffer for the device data (may be NULL if @cap is 0)
 * @cap: its size; the kernel zero-fills what the data does not cover
 * @len: set to the length of the driver's data (may be NULL); larger than
 *	@cap means the data was truncated to @cap bytes
 *
 * Return: 0 or a negative errno.
 */
int fwctl_info_buf(struct fwctl_dev *dev, uint32_t *type, void *buf,
		   size_t cap, size_t *len)
{
	struct fwctl_info info;

	if (!fits_u32(cap))
		return -EMSGSIZE;
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.device_data_len = cap;
	info.out_device_data = (uintptr_t)buf;
	if (ioctl(dev->fd, FWCTL_INFO, &info))
		return -errno;

	dev->type = info.out_device_type;
	dev->type_known = true;
	if (type)
		*type = info.out_device_type;
	if (len)
		*len = info.device_data_len;
	return 0;
}

/**
 * fwctl_info - the device type and all of its device data
 * @dev: the device
 * @type: set to the device type (may be NULL)
 * @data: set to a malloc'ed copy of the device data; free() it
 * @len: set to its length (may be 0)
 *
 * Starts with a buffer of the last length seen (64 bytes at first) and
 * retries with the length the kernel reports while the data does not fit;
 * a zero-length first probe is avoided because upstream kernels do not
 * report the length for it.
 *
 * Return: 0, a negative errno, or -EAGAIN if the data kept growing.
 */
int fwctl_info(struct fwctl_dev *dev, uint32_t *type, void **data,
	       size_t *len)
{
	size_t cap = dev->info_hint ? dev->info_hint : 64, n;
	void *buf = NULL, *tmp;
	int tries, ret;

	*data = NULL;
	*len = 0;
	for (tries = 0; tries < 8; tries++) {
		tmp = realloc(buf, cap ? cap : 1);
		if (!tmp) {
			free(buf);
			return -ENOMEM;
		}
		buf = tmp;
		ret = fwctl_info_buf(dev, type, buf, cap, &n);
		if (ret) {
			free(buf);
			return ret;
		}
		if (n <= cap) {
			dev->info_hint = n;
			*data = buf;
			*len = n;
			return 0;
		}
		cap = n;
	}
	free(buf);
	return -EAGAIN;
}

/**
 * fwctl_type - the device type, asked once and then remembered
 * @dev: the device
 * @type: set to an enum fwctl_device_type value
 *
 * Return: 0 or a negative errno.
 */
int fwctl_type(struct fwctl_dev *dev, uint32_t *type)
{
	int ret = 0;

	if (!dev->type_known)
		ret = fwctl_info_buf(dev, NULL, NULL, 0, NULL);
	if (!ret)
		*type = dev->type;
	return ret;
}

/**
 * fwctl_rpc - one FWCTL_RPC call
 * @dev: the device
 * @scope: an enum fwctl_rpc_scope value (passed through unchecked)
 * @in: the request, in the device's format
 * @in_len: its length
 * @out: the response buffer
 * @out_cap: its size
 * @out_len: set to the response length (may be NULL); larger than @out_cap
 *	means the response was truncated to @out_cap bytes
 *
 * A zero return means the device received the request: whether it did what
 * was asked is in the response (see fwctl_resp_status()).
 *
 * Return: 0 or a negative errno.
 */
int fwctl_rpc(struct fwctl_dev *dev, uint32_t scope, const void *in,
	      size_t in_len, void *out, size_t out_cap, size_t *out_len)
{
	struct fwctl_rpc rpc;

	if (!fits_u32(in_len) || !fits_u32(out_cap))
		return -EMSGSIZE;
	memset(&rpc, 0, sizeof(rpc));
	rpc.size = sizeof(rpc);
	rpc.scope = scope;
	rpc.in_len = in_len;
	rpc.out_len = out_cap;
	rpc.in = (uintptr_t)in;
	rpc.out = (uintptr_t)out;
	if (ioctl(dev->fd, FWCTL_RPC, &rpc))
		return -errno;
	if (out_len)
		*out_len = rpc.out_len;
	return 0;
}

static uint32_t get_u32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/**
 * fwctl_resp_status - the device's own verdict inside an RPC response
 * @type: the device type
 * @out: the response
 * @len: bytes of it available
 * @status: set to the status; 0 means success for every known type
 *
 * Known formats: fwctl_sim (status word), mlx5 (status byte of the output
 * mailbox), CXL (retval of struct fwctl_rpc_cxl_out), bnxt (HWRM
 * error_code, little endian), pds (out.retval of struct fwctl_rpc_pds).
 *
 * Return: 1 with @status set, 0 for a type whose format is not known,
 * -EBADMSG if the response is too short to hold the status.
 */
int fwctl_resp_status(uint32_t type, const void *out, size_t len,
		      uint32_t *status)
{
	const unsigned char *p = out;
	size_t need, off;

	switch (type) {
	case FWCTL_DEVICE_TYPE_FWGATE_SIM:
		off = 0, need = 4;
		break;
	case FWCTL_DEVICE_TYPE_MLX5:
		if (len < 1)
			return -EBADMSG;
		*status = p[0];
		return 1;
	case FWCTL_DEVICE_TYPE_CXL:
		off = 4, need = 8;
		break;
	case FWCTL_DEVICE_TYPE_BNXT:
		if (len < 2)
			return -EBADMSG;
		*status = p[0] | (uint32_t)p[1] << 8;
		return 1;
	case FWCTL_DEVICE_TYPE_PDS:
		off = 24, need = 28;
		break;
	default:
		return 0;
	}
	if (len < need)
		return -EBADMSG;
	*status = get_u32(p + off);
	return 1;
}

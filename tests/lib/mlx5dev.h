/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the in-VM mlx5 tests: simulated ConnectX functions, mlx5
 * fwctl discovery by the sysfs rules mlx5ctl uses, and PRM mailboxes.
 */
#ifndef FWGATE_MLX5DEV_H
#define FWGATE_MLX5DEV_H

#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <fwctl/fwctl.h>
#include <fwctl/mlx5.h>
#include "simdev.h"
#include "libfwctl.h"

#define MLX5SIM_BUS "/sys/bus/mlx5_sim"
#define MLX5SIM_DEBUGFS "/sys/kernel/debug/mlx5_sim"

/* PRM opcodes and statuses the tests use (values from the PRM). */
enum {
	PRM_QUERY_HCA_CAP = 0x100,
	PRM_QUERY_ADAPTER = 0x101,
	PRM_QUERY_PAGES = 0x107,
	PRM_QUERY_ISSI = 0x10a,
	PRM_ACCESS_REG = 0x805,
	PRM_NOP = 0x80d,
	PRM_SET_DIAGNOSTIC_PARAMS = 0x820,
	PRM_QUERY_ESW_FUNCTIONS = 0x740,
	PRM_CREATE_UCTX = 0xa04,
	PRM_QUERY_UCTX = 0xa05,
	PRM_DESTROY_UCTX = 0xa06,

	PRM_STAT_OK = 0x0,
	PRM_STAT_BAD_OP = 0x2,
	PRM_STAT_BAD_PARAM = 0x3,
	PRM_STAT_BAD_SYS_STATE = 0x4,
	PRM_STAT_BAD_INP_LEN = 0x50,
	PRM_STAT_BAD_OUTP_LEN = 0x51,

	PRM_REG_PTYS = 0x5004,
	PRM_REG_PPCNT = 0x5008,
	PRM_REG_MTMP = 0x900a,
	PRM_REG_MGIR = 0x9020,
	PRM_REG_MCAM = 0x907f,

	PRM_UCTX_CAP_TOOLS_RESOURCES = 0x4,
	PRM_QUERY_HCA_CAP_OUT_LEN = 0x1010,
};

/* The model's syndromes, from the list the module compiles. */
#include "../../drivers/fwctl/mlx5/sim/mlx5sim_synd.h"

/*
 * PRM field access: bit 0 is the most significant bit of the first
 * big-endian dword; a field of up to 32 bits stays within one dword.
 */
static inline void prm_set(void *buf, unsigned int bit, unsigned int len,
			   uint32_t v)
{
	uint32_t *dw = (uint32_t *)buf + bit / 32;
	unsigned int shift = 32 - bit % 32 - len;
	uint32_t mask = (len == 32 ? ~0u : ((1u << len) - 1)) << shift;

	*dw = htonl((ntohl(*dw) & ~mask) | ((v << shift) & mask));
}

static inline uint32_t prm_get(const void *buf, unsigned int bit,
			       unsigned int len)
{
	uint32_t dw = ntohl(((const uint32_t *)buf)[bit / 32]);
	unsigned int shift = 32 - bit % 32 - len;

	return (dw >> shift) & (len == 32 ? ~0u : ((1u << len) - 1));
}

/* Mailbox header: opcode, uid, op_mod in; status, syndrome out. */
static inline void mbox_hdr(void *in, uint16_t opcode, uint16_t uid,
			    uint16_t op_mod)
{
	prm_set(in, 0x00, 16, opcode);
	prm_set(in, 0x10, 16, uid);
	prm_set(in, 0x30, 16, op_mod);
}

static inline uint8_t mbox_status(const void *out)
{
	return prm_get(out, 0x00, 8);
}

static inline uint32_t mbox_syndrome(const void *out)
{
	return prm_get(out, 0x20, 32);
}

static inline int mlx5sim_new(unsigned int id)
{
	return sysfs_printf(MLX5SIM_BUS "/new_device", "%llu", id);
}

static inline int mlx5sim_del(unsigned int id)
{
	return sysfs_printf(MLX5SIM_BUS "/del_device", "%llu", id);
}

static inline long long mlx5sim_debugfs(unsigned int id, const char *file)
{
	char path[128];

	snprintf(path, sizeof(path), MLX5SIM_DEBUGFS "/mlx5_sim%u/%s", id,
		 file);
	return sysfs_read_ll(path);
}

static inline int mlx5sim_set(unsigned int id, const char *file,
			      unsigned long long v)
{
	char path[128];

	snprintf(path, sizeof(path), MLX5SIM_DEBUGFS "/mlx5_sim%u/%s", id,
		 file);
	return sysfs_printf(path, "%llu", v);
}

static inline long long mlx5sim_total(const char *file)
{
	char path[128];

	snprintf(path, sizeof(path), MLX5SIM_DEBUGFS "/%s", file);
	return sysfs_read_ll(path);
}

/*
 * Whether /sys/class/fwctl/@name is an mlx5 function by mlx5ctl's rules:
 * one home, libfwctl's fwctl_mlx5_is_mlx5() (the tests link libfwctl.a).
 */
static inline int mlx5_fwctl_is_mlx5(const char *name, char *parent,
				     size_t len)
{
	return fwctl_mlx5_is_mlx5(name, parent, len);
}

/* The fwctlN of the device whose parent is /sys/devices/@parent. */
static inline int mlx5_fwctl_find(const char *parent, char *name, size_t len)
{
	char p[PATH_MAX];
	glob_t g;
	size_t i;
	int ret = -ENOENT;

	if (glob("/sys/class/fwctl/*", 0, NULL, &g))
		return -ENOENT;
	for (i = 0; i < g.gl_pathc; i++) {
		const char *n = strrchr(g.gl_pathv[i], '/') + 1;

		if (mlx5_fwctl_is_mlx5(n, p, sizeof(p)) && !strcmp(p, parent)) {
			snprintf(name, len, "%s", n);
			ret = 0;
			break;
		}
	}
	globfree(&g);
	return ret;
}

/* Open the fwctl node of simulated function @id; an fd or -errno. */
static inline int mlx5sim_open(unsigned int id)
{
	char parent[64], name[64], path[96];
	int fd, ret;

	snprintf(parent, sizeof(parent), "mlx5_sim%u", id);
	ret = mlx5_fwctl_find(parent, name, sizeof(name));
	if (ret)
		return ret;
	snprintf(path, sizeof(path), "/dev/fwctl/%s", name);
	fd = open(path, O_RDWR | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* FWCTL_INFO of an mlx5 fd; 0 or -errno. */
static inline int mlx5_info(int fd, struct fwctl_info_mlx5 *mi,
			    uint32_t *type, uint32_t *len)
{
	struct fwctl_info info = {
		.size = sizeof(info),
		.device_data_len = sizeof(*mi),
		.out_device_data = (uintptr_t)mi,
	};

	if (ioctl(fd, FWCTL_INFO, &info))
		return -errno;
	if (type)
		*type = info.out_device_type;
	if (len)
		*len = info.device_data_len;
	return 0;
}

/* A command with a zero body of @in_len bytes; ioctl result, errno set. */
static inline int mlx5_cmd(int fd, uint32_t scope, uint16_t opcode,
			   uint16_t op_mod, uint32_t in_len, void *out,
			   uint32_t out_len)
{
	uint8_t in[512] = { 0 };

	mbox_hdr(in, opcode, 0, op_mod);
	memset(out, 0xa5, out_len);
	return fw_rpc(fd, scope, in, in_len, out, &out_len);
}

#endif

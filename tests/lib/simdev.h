/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the in-VM tests: create and remove fwctl_sim devices through
 * sysfs, find their fwctl node, issue raw fwctl ioctls and read debugfs.
 */
#ifndef FWGATE_SIMDEV_H
#define FWGATE_SIMDEV_H

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <fwctl/fwctl.h>
#include <fwctl/fwctl_sim.h>

#define SIM_BUS "/sys/bus/fwctl_sim"
#define SIM_DEBUGFS "/sys/kernel/debug/fwctl_sim"
#define TAINT_FWCTL_BIT 19

static inline int sysfs_write(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;
	int err;

	if (fd < 0)
		return -errno;
	n = write(fd, val, strlen(val));
	err = n < 0 ? -errno : 0;
	close(fd);
	return err;
}

static inline int sysfs_printf(const char *path, const char *fmt,
			       unsigned long long v)
{
	char buf[64];

	snprintf(buf, sizeof(buf), fmt, v);
	return sysfs_write(path, buf);
}

static inline long long sysfs_read_ll(const char *path)
{
	char buf[64] = "";
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	if (buf[0] == 'Y')
		return 1;
	if (buf[0] == 'N')
		return 0;
	return strtoll(buf, NULL, 0);
}

static inline int sim_new(unsigned int id)
{
	return sysfs_printf(SIM_BUS "/new_device", "%llu", id);
}

static inline int sim_del(unsigned int id)
{
	return sysfs_printf(SIM_BUS "/del_device", "%llu", id);
}

/* The fwctlN name of sim device @id, in @name; 0 or -errno. */
static inline int sim_fwctl_name(unsigned int id, char *name, size_t len)
{
	char path[128];
	struct dirent *de;
	DIR *d;
	int ret = -ENOENT;

	snprintf(path, sizeof(path), SIM_BUS "/devices/fwctl_sim%u/fwctl", id);
	d = opendir(path);
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (!strncmp(de->d_name, "fwctl", 5)) {
			snprintf(name, len, "%.*s", (int)(len - 1), de->d_name);
			ret = 0;
			break;
		}
	}
	closedir(d);
	return ret;
}

static inline int sim_open(unsigned int id)
{
	char name[32], path[64];
	int ret = sim_fwctl_name(id, name, sizeof(name));


	if (ret)
		return ret;
	snprintf(path, sizeof(path), "/dev/fwctl/%s", name);
	ret = open(path, O_RDWR | O_CLOEXEC);
	return ret < 0 ? -errno : ret;
}

static inline long long sim_debugfs(unsigned int id, const char *file)
{
	char path[128];

	snprintf(path, sizeof(path), SIM_DEBUGFS "/fwctl_sim%u/%s", id, file);
	return sysfs_read_ll(path);
}

static inline int sim_set(unsigned int id, const char *file,
			  unsigned long long v)
{
	char path[128];

	snprintf(path, sizeof(path), SIM_DEBUGFS "/fwctl_sim%u/%s", id, file);
	return sysfs_printf(path, "%llu", v);
}

static inline long long sim_total(const char *file)
{
	char path[128];

	snprintf(path, sizeof(path), SIM_DEBUGFS "/%s", file);
	return sysfs_read_ll(path);
}

/* Raw FWCTL_RPC; returns the ioctl result, errno set on failure. */
static inline int fw_rpc(int fd, uint32_t scope, const void *in,
			 uint32_t in_len, void *out, uint32_t *out_len)
{
	struct fwctl_rpc rpc = {
		.size = sizeof(rpc),
		.scope = scope,
		.in_len = in_len,
		.out_len = *out_len,
		.in = (uintptr_t)in,
		.out = (uintptr_t)out,
	};
	int ret = ioctl(fd, FWCTL_RPC, &rpc);

	if (!ret)
		*out_len = rpc.out_len;
	return ret;
}

/* A sim command with no payload; returns ioctl result, fills @resp. */
struct sim_reply {
	struct {
		uint32_t status, opcode, len, syndrome;
	} hdr;
	uint8_t payload[256];
};

_Static_assert(sizeof(((struct sim_reply *)0)->hdr) == sizeof(struct fwctl_sim_resp),
	       "sim_reply header mirrors struct fwctl_sim_resp");

static inline int sim_cmd(int fd, uint32_t scope, uint32_t opcode,
			  uint32_t arg0, uint32_t arg1, struct sim_reply *r)
{
	struct fwctl_sim_req req = {
		.opcode = opcode, .arg0 = arg0, .arg1 = arg1,
	};
	uint32_t out_len = sizeof(*r);

	memset(r, 0xa5, sizeof(*r));
	return fw_rpc(fd, scope, &req, sizeof(req), r, &out_len);
}

static inline unsigned long long kernel_taint(void)
{
	long long v = sysfs_read_ll("/proc/sys/kernel/tainted");

	return v < 0 ? 0 : (unsigned long long)v;
}

#endif

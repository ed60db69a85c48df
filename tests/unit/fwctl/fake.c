// SPDX-License-Identifier: GPL-2.0
/* The fake fwctl kernel, firmware and sysfs of the unit tests; see fake.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fwctl/fwctl.h>
#include <fwctl/fwctl_sim.h>

#include "fake.h"
#include "fwsim_catalogue.h"
#include "internal.h"

#define MAX_RPC (2u << 20)

struct fake_kernel fk;
char fake_root[256];

/* fake firmware state */
static uint32_t cfg[FWCTL_SIM_CFG_NUM_KEYS];
static uint32_t regs[8];
static unsigned char mem[256];
static struct { bool used; uint32_t tag; } objs[4];
static struct fwctl_sim_counters counters;
static char log_text[1000];

void fake_reset(void)
{
	unsigned int i;

	memset(&fk, 0, sizeof(fk));
	fk.ksize_info = sizeof(struct fwctl_info);
	fk.ksize_rpc = sizeof(struct fwctl_rpc);
	fk.type = FWCTL_DEVICE_TYPE_FWGATE_SIM;
	fk.data_len = sizeof(struct fwctl_info_sim);
	{
		struct fwctl_info_sim d = {
			.uctx_id = 7, .caps = FWSIM_CAPS,
			.fw_version = FWSIM_FW_VERSION, .dev_id = 42,
		};
		memcpy(fk.data, &d, sizeof(d));
	}
	for (i = 0; i < FWCTL_SIM_CFG_NUM_KEYS; i++)
		cfg[i] = fwsim_cfg_keys[i].def;
	memset(regs, 0, sizeof(regs));
	regs[0] = FWSIM_FW_VERSION;
	regs[1] = 42;
	memset(mem, 0, sizeof(mem));
	memset(objs, 0, sizeof(objs));
	memset(&counters, 0, sizeof(counters));
	counters.contexts = 1;
	for (i = 0; i < sizeof(log_text); i++)
		log_text[i] = "abcdefghijklmnopqrstuvwxyz\n"[i % 27];
}

const char *fake_log(size_t *len)
{
	*len = sizeof(log_text);
	return log_text;
}

/* Emulate copy_struct_from_user() of a kernel whose struct is @ksize. */
static int copy_in(void *kbuf, size_t ksize, const void *ubuf, uint32_t usize)
{
	const unsigned char *u = ubuf;
	uint32_t i;

	memset(kbuf, 0, ksize);
	for (i = ksize; i < usize; i++)
		if (u[i])
			return E2BIG;
	memcpy(kbuf, ubuf, usize < ksize ? usize : ksize);
	return 0;
}

static int fake_info(void *arg)
{
	unsigned char kbuf[128];
	struct fwctl_info *info = (void *)kbuf;
	uint32_t usize, cap;
	size_t len, n;
	int err;

	memcpy(&usize, arg, sizeof(usize));
	fk.info_calls++;
	fk.last_info_size = usize;
	if (usize < 24)
		return EINVAL;
	err = copy_in(kbuf, fk.ksize_info, arg, usize);
	if (err)
		return err;
	if (info->flags)
		return EOPNOTSUPP;
	cap = info->device_data_len;
	fk.last_info_cap = cap;
	len = fk.data_len;
	if (!cap && fk.upstream_zero_probe)
		len = 0;
	n = len < cap ? len : cap;
	if (cap) {
		unsigned char *out = (void *)(uintptr_t)info->out_device_data;

		memcpy(out, fk.data, n);
		memset(out + n, 0, cap - n);
	}
	info->out_device_type = fk.type;
	info->device_data_len = len;
	memcpy(arg, kbuf, usize < fk.ksize_info ? usize : fk.ksize_info);
	fk.data_len += fk.grow;
	return 0;
}

/* ---- the fake fwctl_sim firmware, from include/uapi/fwctl/fwctl_sim.h */

/* Run @req; fill @resp (capacity 16 + 4096) and return its full length. */
static size_t firmware(const struct fwctl_sim_req *req, size_t in_len,
		       unsigned char *resp, size_t cap)
{
	struct fwctl_sim_resp hdr = { .opcode = req->opcode };
	unsigned char *p = resp + sizeof(hdr);
	const void *src = NULL;
	uint32_t a0 = req->arg0, a1 = req->arg1, pair[2];
	struct fwctl_sim_identify id;
	size_t len = 0, room = cap > sizeof(hdr) ? cap - sizeof(hdr) : 0;
	unsigned int i;

	counters.rpcs++;
	switch (req->opcode) {
	case FWCTL_SIM_OP_NOP:
		break;
	case FWCTL_SIM_OP_IDENTIFY:
		memset(&id, 0, sizeof(id));
		id.fw_version = FWSIM_FW_VERSION;
		id.dev_id = 42;
		id.caps = FWSIM_CAPS;
		id.max_rpc_len = MAX_RPC;
		id.num_regs = 8;
		id.num_cfg_keys = FWCTL_SIM_CFG_NUM_KEYS;
		id.mem_size = sizeof(mem);
		id.max_objects = 4;
		strcpy(id.serial, "FWSIM-FAKE");
		src = &id, len = sizeof(id);
		break;
	case FWCTL_SIM_OP_CFG_GET:
	case FWCTL_SIM_OP_CFG_SET:
		if (a0 >= FWCTL_SIM_CFG_NUM_KEYS) {
			hdr.status = FWCTL_SIM_STATUS_BAD_PARAM, hdr.syndrome = a0;
			break;
		}
		if (req->opcode == FWCTL_SIM_OP_CFG_SET) {
			if (a1 < fwsim_cfg_keys[a0].min || a1 > fwsim_cfg_keys[a0].max) {
				hdr.status = FWCTL_SIM_STATUS_BAD_VALUE;
				hdr.syndrome = a1;
				break;
			}
			cfg[a0] = a1;
			counters.cfg_writes++;
		}
		pair[0] = a0, pair[1] = cfg[a0];
		src = pair, len = sizeof(pair);
		break;
	case FWCTL_SIM_OP_REG_READ:
	case FWCTL_SIM_OP_REG_WRITE:
		if (a0 >= 8 || (req->opcode == FWCTL_SIM_OP_REG_WRITE && a0 < 2)) {
			hdr.status = FWCTL_SIM_STATUS_BAD_PARAM, hdr.syndrome = a0;
			break;
		}
		if (req->opcode == FWCTL_SIM_OP_REG_WRITE)
			regs[a0] = a1, counters.reg_writes++;
		pair[0] = a0, pair[1] = regs[a0];
		src = pair, len = sizeof(pair);
		break;
	case FWCTL_SIM_OP_COUNTERS:
		src = &counters, len = sizeof(counters);
		break;
	case FWCTL_SIM_OP_LOG_DUMP:
		if (a0 > sizeof(log_text)) {
			hdr.status = FWCTL_SIM_STATUS_BAD_PARAM, hdr.syndrome = a0;
			break;
		}
		src = log_text + a0;
		len = sizeof(log_text) - a0;
		if (len > room)
			len = room;
		break;
	case FWCTL_SIM_OP_MEM_READ:
		if (a0 > sizeof(mem) || a1 > sizeof(mem) - a0) {
			hdr.status = FWCTL_SIM_STATUS_BAD_PARAM, hdr.syndrome = a0;
			break;
		}
		src = mem + a0, len = a1;
		break;
	case FWCTL_SIM_OP_MEM_WRITE:
		len = in_len - sizeof(*req);
		if (a0 > sizeof(mem) || len > sizeof(mem) - a0) {
			hdr.status = FWCTL_SIM_STATUS_BAD_PARAM, hdr.syndrome = a0;
			len = 0;
			break;
		}
		memcpy(mem + a0, req->payload, len);
		counters.mem_writes++;
		len = 0;
		break;
	case FWCTL_SIM_OP_OBJ_ALLOC:
		for (i = 0; i < 4 && objs[i].used; i++)
			;
		if (i == 4) {
			hdr.status = FWCTL_SIM_STATUS_NO_RESOURCE, hdr.syndrome = 4;
			break;
		}
		objs[i].used = true, objs[i].tag = a0;
		counters.objects++;
		pair[0] = i + 1, pair[1] = a0;
		src = pair, len = sizeof(pair);
		break;
	case FWCTL_SIM_OP_OBJ_QUERY:
	case FWCTL_SIM_OP_OBJ_FREE:
		if (!a0 || a0 > 4 || !objs[a0 - 1].used) {
			hdr.status = FWCTL_SIM_STATUS_NOT_FOUND, hdr.syndrome = a0;
			break;
		}
		pair[0] = a0, pair[1] = objs[a0 - 1].tag;
		if (req->opcode == FWCTL_SIM_OP_OBJ_FREE)
			objs[a0 - 1].used = false, counters.objects--;
		src = pair, len = sizeof(pair);
		break;
	case FWCTL_SIM_OP_FW_RESET:
		memset(objs, 0, sizeof(objs));
		counters.objects = 0;
		counters.resets++;
		break;
	}
	if (fk.force_status && !hdr.status)
		hdr.status = fk.force_status, hdr.syndrome = req->opcode;
	if (hdr.status) {
		counters.errors++;
		len = 0;
	}
	hdr.len = len;
	if (fk.resp_mode == FAKE_RESP_WRONG_OPCODE)
		hdr.opcode = req->opcode ^ 1;
	if (fk.resp_mode == FAKE_RESP_LONG_LEN)
		hdr.len = len + 100;
	memcpy(resp, &hdr, sizeof(hdr));
	if (len)
		memcpy(p, src, len);
	if (fk.resp_mode == FAKE_RESP_SHORT)
		return 8;
	return sizeof(hdr) + len;
}

static int fake_rpc(void *arg)
{
	static unsigned char resp[sizeof(struct fwctl_sim_resp) + 4096];
	unsigned char kbuf[128], *in;
	struct fwctl_rpc *rpc = (void *)kbuf;
	struct fwctl_sim_req req;
	uint32_t usize;
	size_t out_len;
	const struct fwsim_op *op;
	int err;

	memcpy(&usize, arg, sizeof(usize));
	fk.rpc_calls++;
	fk.last_rpc_size = usize;
	if (usize < 32)
		return EINVAL;
	err = copy_in(kbuf, fk.ksize_rpc, arg, usize);
	if (err)
		return err;
	fk.last_scope = rpc->scope;
	fk.last_in_len = rpc->in_len;
	fk.last_out_cap = rpc->out_len;
	if (rpc->in_len > MAX_RPC || rpc->out_len > MAX_RPC)
		return EMSGSIZE;
	if (rpc->scope > 3)
		return EOPNOTSUPP;
	if (rpc->scope == 3 && fk.no_rawio)
		return EPERM;
	if (fk.type != FWCTL_DEVICE_TYPE_FWGATE_SIM)
		return EINVAL;

	/* the driver's checks */
	in = (void *)(uintptr_t)rpc->in;
	if (rpc->in_len < sizeof(req))
		return EINVAL;
	memcpy(&req, in, sizeof(req));
	if (req.rsvd)
		return EINVAL;
	op = fwsim_op_find(req.opcode);
	if (!op)
		return EOPNOTSUPP;
	if (rpc->scope < op->min_scope)
		return EPERM;
	if (rpc->in_len - sizeof(req) > 4096)
		return ENOMEM;
	{
		unsigned char *full = malloc(rpc->in_len);

		if (!full)
			return ENOMEM;
		memcpy(full, in, rpc->in_len);
		out_len = firmware((void *)full, rpc->in_len, resp,
				   rpc->out_len < sizeof(resp) ? rpc->out_len
							       : sizeof(resp));
		free(full);
	}
	memcpy((void *)(uintptr_t)rpc->out, resp,
	       out_len < rpc->out_len ? out_len : rpc->out_len);
	rpc->out_len = out_len;
	memcpy(arg, kbuf, usize < fk.ksize_rpc ? usize : fk.ksize_rpc);
	return 0;
}

int __wrap_ioctl(int fd, unsigned long req, ...);

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;
	int err;

	(void)fd;
	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);

	if (req != FWCTL_INFO && req != FWCTL_RPC)
		err = ENOTTY;
	else if (fk.force_errno)
		err = fk.force_errno;
	else if (req == FWCTL_INFO)
		err = fake_info(arg);
	else
		err = fake_rpc(arg);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

/* ---- fake sysfs and /dev */

static int mk(const char *fmt, ...)
{
	char path[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	return mkdir(path, 0755);
}

static int put(const char *content, const char *fmt, ...)
{
	char path[512];
	va_list ap;
	FILE *f;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(content, f);
	return fclose(f);
}

static int ln(const char *target, const char *fmt, ...)
{
	char path[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	return symlink(target, path);
}

/*
 * $T/sys/class/fwctl/fwctl0  dev 1:3  parent simA (bus fakebus, driver
 *                            fake_drv)  node $T/dev/fwctl/fwctl0 -> /dev/null
 * $T/sys/class/fwctl/fwctl1  dev 1:5  parent simB  node $T/dev/char/1:5
 * $T/sys/class/fwctl/fwctl2  dev 1:7  parent simB  node $T/dev/fwctl/renamed
 * $T/regular                 a plain file
 */
int fake_tree_setup(void)
{
	const char *T = fake_root;
	char target[512];
	int r = 0;

	snprintf(fake_root, sizeof(fake_root), "/tmp/fwctl-unit-XXXXXX");
	if (!mkdtemp(fake_root))
		return -1;
	r |= mk("%s/sys", T);
	r |= mk("%s/sys/class", T);
	r |= mk("%s/sys/class/fwctl", T);
	r |= mk("%s/sys/bus", T);
	r |= mk("%s/sys/bus/fakebus", T);
	r |= mk("%s/sys/bus/fakebus/drivers", T);
	r |= mk("%s/sys/bus/fakebus/drivers/fake_drv", T);
	r |= mk("%s/sys/devices", T);
	r |= mk("%s/sys/devices/platform", T);
	r |= mk("%s/sys/devices/platform/simA", T);
	r |= mk("%s/sys/devices/platform/simB", T);
	r |= mk("%s/dev", T);
	r |= mk("%s/dev/fwctl", T);
	r |= mk("%s/dev/char", T);

	snprintf(target, sizeof(target), "%s/sys/bus/fakebus", T);
	r |= ln(target, "%s/sys/devices/platform/simA/subsystem", T);
	r |= ln(target, "%s/sys/devices/platform/simB/subsystem", T);
	snprintf(target, sizeof(target), "%s/sys/bus/fakebus/drivers/fake_drv", T);
	r |= ln(target, "%s/sys/devices/platform/simA/driver", T);

	r |= mk("%s/sys/class/fwctl/fwctl0", T);
	r |= put("1:3\n", "%s/sys/class/fwctl/fwctl0/dev", T);
	snprintf(target, sizeof(target), "%s/sys/devices/platform/simA", T);
	r |= ln(target, "%s/sys/class/fwctl/fwctl0/device", T);
	r |= ln("/dev/null", "%s/dev/fwctl/fwctl0", T);

	snprintf(target, sizeof(target), "%s/sys/devices/platform/simB", T);
	r |= mk("%s/sys/class/fwctl/fwctl1", T);
	r |= put("1:5\n", "%s/sys/class/fwctl/fwctl1/dev", T);
	r |= ln(target, "%s/sys/class/fwctl/fwctl1/device", T);
	r |= ln("/dev/zero", "%s/dev/char/1:5", T);

	r |= mk("%s/sys/class/fwctl/fwctl2", T);
	r |= put("1:7\n", "%s/sys/class/fwctl/fwctl2/dev", T);
	r |= ln(target, "%s/sys/class/fwctl/fwctl2/device", T);
	r |= ln("/dev/full", "%s/dev/fwctl/renamed", T);

	r |= put("not a device\n", "%s/regular", T);

	{
		static char sys[300], dev[300];

		snprintf(sys, sizeof(sys), "%s/sys", T);
		snprintf(dev, sizeof(dev), "%s/dev", T);
		fwctl_priv_sysfs = sys;
		fwctl_priv_devfs = dev;
	}
	return r ? -1 : 0;
}

void fake_tree_cleanup(void)
{
	char cmd[400];

	if (!fake_root[0] || strncmp(fake_root, "/tmp/fwctl-unit-", 16))
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fake_root);
	if (system(cmd))
		fprintf(stderr, "# could not remove %s\n", fake_root);
}

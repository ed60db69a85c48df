// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated firmware: configuration that survives resets, debug
 * registers, scratch memory, a trace log, counters and per-context objects.
 * It trusts nothing in a request beyond what the driver already checked
 * (header length, opcode, scope) and answers every other problem with a
 * status in the response, as real firmware does.
 */
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "fwsim.h"

/* Every log line has the same length, so any offset maps to a line. */
#define FWSIM_LOG_LINE 64

static void fwsim_render_log(char *log, u32 dev_id)
{
	static const char * const events[] = {
		"rom: boot stage ok", "pll: locked", "ddr: training done",
		"pcie: link up x8 gen4", "cmdq: ready", "sensor: 41C nominal",
		"health: heartbeat", "cfg: nvm image valid",
	};
	char line[FWSIM_LOG_LINE + 1];
	size_t off, n;
	u32 i = 0;

	for (off = 0; off < FWSIM_LOG_LEN; off += n, i++) {
		snprintf(line, sizeof(line), "%08u fwsim%u %-*s\n", i, dev_id,
			 FWSIM_LOG_LINE, events[i % ARRAY_SIZE(events)]);
		line[FWSIM_LOG_LINE - 1] = '\n';
		n = min_t(size_t, FWSIM_LOG_LINE, FWSIM_LOG_LEN - off);
		memcpy(log + off, line, n);
	}
}

/*
 * The log is rendered on first use: 2 MiB per device only for devices whose
 * log is read, and device creation stays cheap. It never changes after, so
 * readers need no lock once it is published.
 */
static const char *fwsim_fw_log(struct fwsim_fw *fw)
{
	/* pairs with the release below: a published log is fully rendered */
	char *log = smp_load_acquire(&fw->log);

	if (log)
		return log;

	guard(mutex)(&fw->lock);
	if (!fw->log) {
		log = vmalloc(FWSIM_LOG_LEN);
		if (!log)
			return NULL;
		fwsim_render_log(log, fw->dev_id);
		/* publish only after the text is written */
		smp_store_release(&fw->log, log);
	}
	return fw->log;
}

static void fwsim_fw_reset_state(struct fwsim_fw *fw)
{
	int cpu;

	memset(fw->regs, 0, sizeof(fw->regs));
	fw->regs[0] = FWSIM_FW_VERSION;
	fw->regs[1] = fw->dev_id;
	memset(fw->mem, 0, sizeof(fw->mem));
	for_each_possible_cpu(cpu) {
		u64 *rpcs = per_cpu_ptr(fw->rpcs, cpu);

		*rpcs = 0;
	}
	atomic64_set(&fw->errors, 0);
	fw->cfg_writes = 0;
	fw->reg_writes = 0;
	fw->mem_writes = 0;
	WRITE_ONCE(fw->crashed, false);
}

int fwsim_fw_init(struct fwsim_fw *fw, u32 dev_id)
{
	unsigned int i;

	fw->rpcs = alloc_percpu(u64);
	if (!fw->rpcs)
		return -ENOMEM;

	mutex_init(&fw->lock);
	ida_init(&fw->ctx_ida);
	fw->dev_id = dev_id;
	for (i = 0; i < FWCTL_SIM_CFG_NUM_KEYS; i++)
		fw->cfg[i] = fwsim_cfg_keys[i].def;
	fwsim_fw_reset_state(fw);
	return 0;
}

void fwsim_fw_fini(struct fwsim_fw *fw)
{
	WARN_ON(fw->contexts || fw->objects);
	ida_destroy(&fw->ctx_ida);
	mutex_destroy(&fw->lock);
	free_percpu(fw->rpcs);
	vfree(fw->log);
}

struct fwsim_ctx *fwsim_fw_ctx_create(struct fwsim_fw *fw)
{
	struct fwsim_ctx *ctx __free(kfree) = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int id;

	if (!ctx)
		return ERR_PTR(-ENOMEM);
	/* Context ids start at 1, 0 is what a zeroed INFO buffer holds. */
	id = ida_alloc_min(&fw->ctx_ida, 1, GFP_KERNEL);
	if (id < 0)
		return ERR_PTR(id);
	ctx->id = id;

	guard(mutex)(&fw->lock);
	fw->contexts++;
	return_ptr(ctx);
}

void fwsim_fw_ctx_destroy(struct fwsim_fw *fw, struct fwsim_ctx *ctx)
{
	unsigned int i;

	scoped_guard(mutex, &fw->lock) {
		for (i = 0; i < FWSIM_MAX_OBJECTS; i++)
			if (ctx->objs[i].used)
				fw->objects--;
		fw->contexts--;
	}
	ida_free(&fw->ctx_ida, ctx->id);
	kfree(ctx);
}

/* What one command produced: a status and up to this many payload bytes. */
struct fwsim_result {
	u32 status;
	u32 syndrome;
	const void *data;
	size_t len;
	union {
		struct fwctl_sim_identify id;
		struct fwctl_sim_cfg cfg;
		struct fwctl_sim_reg reg;
		struct fwctl_sim_obj obj;
		struct fwctl_sim_counters cnt;
	} buf;
};

static void fwsim_fail(struct fwsim_result *res, u32 status, u32 syndrome)
{
	res->status = status;
	res->syndrome = syndrome;
}

static void fwsim_reply(struct fwsim_result *res, const void *data,
			size_t len)
{
	res->data = data;
	res->len = len;
}

static void fwsim_op_identify(struct fwsim_fw *fw, struct fwsim_result *res)
{
	struct fwctl_sim_identify *id = &res->buf.id;

	id->fw_version = FWSIM_FW_VERSION;
	id->dev_id = fw->dev_id;
	id->caps = FWSIM_CAPS;
	id->max_rpc_len = FWSIM_LOG_LEN + sizeof(struct fwctl_sim_resp);
	id->num_regs = FWSIM_NUM_REGS;
	id->num_cfg_keys = FWCTL_SIM_CFG_NUM_KEYS;
	id->mem_size = FWSIM_MEM_SIZE;
	id->max_objects = FWSIM_MAX_OBJECTS;
	snprintf(id->serial, sizeof(id->serial), "FWSIM-%08X", fw->dev_id);
	fwsim_reply(res, id, sizeof(*id));
}

static void fwsim_op_cfg(struct fwsim_fw *fw, const struct fwctl_sim_req *req,
			 struct fwsim_result *res)
{
	const struct fwsim_cfg_key *range;
	u32 key = req->arg0;

	if (key >= FWCTL_SIM_CFG_NUM_KEYS)
		return fwsim_fail(res, FWCTL_SIM_STATUS_BAD_PARAM, key);

	if (req->opcode == FWCTL_SIM_OP_CFG_SET) {
		range = &fwsim_cfg_keys[key];
		if (req->arg1 < range->min || req->arg1 > range->max)
			return fwsim_fail(res, FWCTL_SIM_STATUS_BAD_VALUE,
					  req->arg1);
		fw->cfg[key] = req->arg1;
		fw->cfg_writes++;
	}
	res->buf.cfg.key = key;
	res->buf.cfg.value = fw->cfg[key];
	fwsim_reply(res, &res->buf.cfg, sizeof(res->buf.cfg));
}

static void fwsim_op_reg(struct fwsim_fw *fw, const struct fwctl_sim_req *req,
			 struct fwsim_result *res)
{
	u32 index = req->arg0;

	if (index >= FWSIM_NUM_REGS)
		return fwsim_fail(res, FWCTL_SIM_STATUS_BAD_PARAM, index);
	/* Registers 0 and 1 hold the version and id and are read-only. */
	if (req->opcode == FWCTL_SIM_OP_REG_WRITE) {
		if (index < 2)
			return fwsim_fail(res, FWCTL_SIM_STATUS_BAD_PARAM,
					  index);
		fw->regs[index] = req->arg1;
		fw->reg_writes++;
	}
	res->buf.reg.index = index;
	res->buf.reg.value = fw->regs[index];
	fwsim_reply(res, &res->buf.reg, sizeof(res->buf.reg));
}

static void fwsim_op_counters(struct fwsim_fw *fw, struct fwsim_result *res)
{
	struct fwctl_sim_counters *cnt = &res->buf.cnt;
	int cpu;

	cnt->rpcs = 0;
	for_each_possible_cpu(cpu)
		cnt->rpcs += *per_cpu_ptr(fw->rpcs, cpu);
	cnt->errors = atomic64_read(&fw->errors);
	cnt->resets = fw->resets;
	cnt->cfg_writes = fw->cfg_writes;
	cnt->reg_writes = fw->reg_writes;
	cnt->mem_writes = fw->mem_writes;
	cnt->contexts = fw->contexts;
	cnt->objects = fw->objects;
	fwsim_reply(res, cnt, sizeof(*cnt));
}

static void fwsim_op_mem(struct fwsim_fw *fw, const struct fwctl_sim_req *req,
			 size_t in_len, struct fwsim_result *res)
{
	size_t off = req->arg0, len;

	if (req->opcode == FWCTL_SIM_OP_MEM_WRITE) {
		len = in_len - sizeof(*req);
		if (off > FWSIM_MEM_SIZE || len > FWSIM_MEM_SIZE - off)
			return fwsim_fail(res, FWCTL_SIM_STATUS_BAD_PARAM,
					  req->arg0);
		memcpy(fw->mem + off, req->payload, len);
		fw->mem_writes++;
		return;
	}
	len = req->arg1;
	if (off > FWSIM_MEM_SIZE || len > FWSIM_MEM_SIZE - off)
		return fwsim_fail(res, FWCTL_SIM_STATUS_BAD_PARAM, req->arg0);
	res->data = fw->mem + off;
	res->len = len;
}

static void fwsim_op_obj(struct fwsim_fw *fw, struct fwsim_ctx *ctx,
			 const struct fwctl_sim_req *req,
			 struct fwsim_result *res)
{
	u32 id = req->arg0;
	unsigned int i;

	if (req->opcode == FWCTL_SIM_OP_OBJ_ALLOC) {
		for (i = 0; i < FWSIM_MAX_OBJECTS; i++)
			if (!ctx->objs[i].used)
				break;
		if (i == FWSIM_MAX_OBJECTS)
			return fwsim_fail(res, FWCTL_SIM_STATUS_NO_RESOURCE,
					  FWSIM_MAX_OBJECTS);
		ctx->objs[i].used = true;
		ctx->objs[i].tag = req->arg0;
		fw->objects++;
		res->buf.obj.id = i + 1;
		res->buf.obj.tag = req->arg0;
		fwsim_reply(res, &res->buf.obj, sizeof(res->buf.obj));
		return;
	}

	/* Object ids are per context: another file's objects do not exist. */
	if (id == 0 || id > FWSIM_MAX_OBJECTS || !ctx->objs[id - 1].used)
		return fwsim_fail(res, FWCTL_SIM_STATUS_NOT_FOUND, id);
	res->buf.obj.id = id;
	res->buf.obj.tag = ctx->objs[id - 1].tag;
	if (req->opcode == FWCTL_SIM_OP_OBJ_FREE) {
		ctx->objs[id - 1].used = false;
		fw->objects--;
	}
	fwsim_reply(res, &res->buf.obj, sizeof(res->buf.obj));
}

static void fwsim_op_reset(struct fwsim_fw *fw, struct fwsim_ctx *ctx)
{
	unsigned int i;

	/* Objects of the resetting context go; other contexts keep theirs. */
	for (i = 0; i < FWSIM_MAX_OBJECTS; i++) {
		if (ctx->objs[i].used) {
			ctx->objs[i].used = false;
			fw->objects--;
		}
	}
	fwsim_fw_reset_state(fw);
	fw->resets++;
}

static void fwsim_exec_locked(struct fwsim_fw *fw, struct fwsim_ctx *ctx,
			      const struct fwctl_sim_req *req, size_t in_len,
			      struct fwsim_result *res)
{
	switch (req->opcode) {
	case FWCTL_SIM_OP_IDENTIFY:
		return fwsim_op_identify(fw, res);
	case FWCTL_SIM_OP_CFG_GET:
	case FWCTL_SIM_OP_CFG_SET:
		return fwsim_op_cfg(fw, req, res);
	case FWCTL_SIM_OP_COUNTERS:
		return fwsim_op_counters(fw, res);
	case FWCTL_SIM_OP_REG_READ:
	case FWCTL_SIM_OP_REG_WRITE:
		return fwsim_op_reg(fw, req, res);
	case FWCTL_SIM_OP_MEM_READ:
	case FWCTL_SIM_OP_MEM_WRITE:
		return fwsim_op_mem(fw, req, in_len, res);
	case FWCTL_SIM_OP_OBJ_ALLOC:
	case FWCTL_SIM_OP_OBJ_QUERY:
	case FWCTL_SIM_OP_OBJ_FREE:
		return fwsim_op_obj(fw, ctx, req, res);
	case FWCTL_SIM_OP_FW_RESET:
		return fwsim_op_reset(fw, ctx);
	default:
		return fwsim_fail(res, FWCTL_SIM_STATUS_BAD_PARAM,
				  req->opcode);
	}
}

static bool fwsim_take_injection(struct fwsim_fw *fw)
{
	if (!READ_ONCE(fw->inject_errors))
		return false;
	guard(mutex)(&fw->lock);
	if (!fw->inject_errors)
		return false;
	fw->inject_errors--;
	return true;
}

/*
 * Build the response. When the request buffer is large enough it is reused,
 * which the core allows, so small commands allocate nothing.
 */
static struct fwctl_sim_resp *fwsim_respond(struct fwctl_sim_req *req,
					    size_t in_len,
					    const struct fwsim_result *res,
					    size_t *out_len)
{
	size_t len = res->status ? 0 : res->len;
	struct fwctl_sim_resp *resp;
	u32 opcode = req->opcode;

	if (sizeof(*resp) + len <= in_len)
		resp = (struct fwctl_sim_resp *)req;
	else
		resp = kvmalloc(sizeof(*resp) + len, GFP_KERNEL_ACCOUNT);
	if (!resp)
		return ERR_PTR(-ENOMEM);

	resp->status = res->status;
	resp->opcode = opcode;
	resp->len = len;
	resp->syndrome = res->syndrome;
	if (len)
		memcpy(resp->payload, res->data, len);
	*out_len = sizeof(*resp) + len;
	return resp;
}

/**
 * fwsim_fw_exec - run one command in the simulated firmware
 * @fw: the firmware
 * @ctx: the context of the calling file
 * @req: the request; the driver checked its length, opcode and scope
 * @in_len: bytes at @req
 * @out_len: in: the caller's response capacity; out: the response length
 *
 * Return: the response (possibly @req itself) or an ERR_PTR.
 */
struct fwctl_sim_resp *fwsim_fw_exec(struct fwsim_fw *fw,
				     struct fwsim_ctx *ctx,
				     struct fwctl_sim_req *req, size_t in_len,
				     size_t *out_len)
{
	size_t capacity = *out_len;
	struct fwsim_result res = {};
	u32 delay = READ_ONCE(fw->delay_ms);

	if (delay)
		msleep(min_t(u32, delay, FWSIM_MAX_DELAY_MS));
	this_cpu_inc(*fw->rpcs);

	if (fwsim_take_injection(fw)) {
		fwsim_fail(&res, FWCTL_SIM_STATUS_INJECTED, req->opcode);
	} else if (READ_ONCE(fw->crashed) &&
		   req->opcode != FWCTL_SIM_OP_FW_RESET) {
		fwsim_fail(&res, FWCTL_SIM_STATUS_CRASHED, 0);
	} else if (req->opcode == FWCTL_SIM_OP_NOP) {
		/* lock-free: the benchmark's round trip */
	} else if (req->opcode == FWCTL_SIM_OP_LOG_DUMP) {
		const char *log = fwsim_fw_log(fw);

		if (!log)
			return ERR_PTR(-ENOMEM);
		if (req->arg0 > FWSIM_LOG_LEN) {
			fwsim_fail(&res, FWCTL_SIM_STATUS_BAD_PARAM, req->arg0);
		} else {
			res.data = log + req->arg0;
			res.len = FWSIM_LOG_LEN - req->arg0;
			if (capacity < sizeof(struct fwctl_sim_resp))
				res.len = 0;
			else
				res.len = min(res.len, capacity -
					      sizeof(struct fwctl_sim_resp));
		}
	} else {
		guard(mutex)(&fw->lock);
		fwsim_exec_locked(fw, ctx, req, in_len, &res);
		/* MEM_READ points into fw->mem: copy while still locked. */
		if (!res.status)
			return fwsim_respond(req, in_len, &res, out_len);
	}

	if (res.status)
		atomic64_inc(&fw->errors);
	return fwsim_respond(req, in_len, &res, out_len);
}

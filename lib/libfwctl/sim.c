// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Requests and responses of the fwgate simulated device, so that callers
 * never assemble fwctl_sim_req bytes by hand.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "fwsim_catalogue.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/**
 * fwctl_sim_op_scope - minimum scope of a sim opcode
 * @opcode: an enum fwctl_sim_opcode value
 *
 * Return: the scope (0 to 3), or -EOPNOTSUPP if the opcode is not in the
 * catalogue (the driver refuses it with that errno).
 */
int fwctl_sim_op_scope(uint32_t opcode)
{
	const struct fwsim_op *op = fwsim_op_find(opcode);

	return op ? (int)op->min_scope : -EOPNOTSUPP;
}

/* @s equals @name, ignoring case and taking '_' for '-' */
static bool name_eq(const char *s, const char *name)
{
	for (; *s && *name; s++, name++)
		if ((*s == '_' ? '-' : tolower((unsigned char)*s)) != *name)
			return false;
	return !*s && !*name;
}

/* "identify", "cfg-get", ...; NULL if the opcode is not in the catalogue */
const char *fwctl_sim_op_name(uint32_t opcode)
{
	const struct fwsim_op *op = fwsim_op_find(opcode);

	return op ? op->name : NULL;
}

/* Opcode from its name (also with '_' for '-') or its number; 0 or -EINVAL */
int fwctl_sim_op_parse(const char *s, uint32_t *opcode)
{
	unsigned int i;

	for (i = 0; i < FWSIM_NUM_OPS; i++) {
		if (name_eq(s, fwsim_ops[i].name)) {
			*opcode = fwsim_ops[i].opcode;
			return 0;
		}
	}
	return fwctl_priv_parse_u32(s, opcode);
}

static const struct {
	const char *name;
	const char *text;
} sim_statuses[] = {
	[FWCTL_SIM_STATUS_OK] = { "ok", "success" },
	[FWCTL_SIM_STATUS_BAD_PARAM] = { "bad-param", "an argument is out of range (key, register, offset or length)" },
	[FWCTL_SIM_STATUS_BAD_VALUE] = { "bad-value", "the configuration value failed validation" },
	[FWCTL_SIM_STATUS_NO_RESOURCE] = { "no-resource", "the firmware is out of objects for this context" },
	[FWCTL_SIM_STATUS_NOT_FOUND] = { "not-found", "no such object in this file's context" },
	[FWCTL_SIM_STATUS_CRASHED] = { "crashed", "the firmware crashed; only a firmware reset works" },
	[FWCTL_SIM_STATUS_INJECTED] = { "injected", "failure injected through debugfs" },
};

/* "ok", "bad-param", ...; NULL for a status the header does not define */
const char *fwctl_sim_status_name(uint32_t status)
{
	return status < ARRAY_LEN(sim_statuses) ? sim_statuses[status].name
						 : NULL;
}

/* The status in words; "unknown firmware status" for an undefined one */
const char *fwctl_sim_status_str(uint32_t status)
{
	return status < ARRAY_LEN(sim_statuses) ? sim_statuses[status].text
						 : "unknown firmware status";
}

/* "mtu", "num-queues", "led-mode", "power-limit-mw"; NULL if unknown */
const char *fwctl_sim_cfg_key_name(uint32_t key)
{
	return key < FWCTL_SIM_CFG_NUM_KEYS ? fwsim_cfg_keys[key].name : NULL;
}

/*
 * A configuration key by name ('_' accepted for '-') or number. Numbers
 * past the known keys are accepted, so the firmware can be asked about
 * them (it answers BAD_PARAM). 0 or -EINVAL.
 */
int fwctl_sim_cfg_key_parse(const char *s, uint32_t *key)
{
	unsigned int i;

	for (i = 0; i < FWCTL_SIM_CFG_NUM_KEYS; i++) {
		if (name_eq(s, fwsim_cfg_keys[i].name)) {
			*key = i;
			return 0;
		}
	}
	return fwctl_priv_parse_u32(s, key);
}

/* Name of capability bit @bit of fwctl_info_sim.caps; NULL if unknown */
const char *fwctl_sim_cap_name(unsigned int bit)
{
	return bit < ARRAY_LEN(fwsim_cap_names) ? fwsim_cap_names[bit] : NULL;
}

/**
 * fwctl_sim_req_build - lay out a request
 * @buf: where to write it (may be NULL to learn the length)
 * @cap: bytes at @buf
 * @opcode: the opcode
 * @arg0: first argument
 * @arg1: second argument
 * @payload: payload bytes (MEM_WRITE), may be NULL if @payload_len is 0
 * @payload_len: their length
 *
 * Return: the request length; @buf is written only if it is at most @cap.
 * SIZE_MAX if the length cannot be represented.
 */
size_t fwctl_sim_req_build(void *buf, size_t cap, uint32_t opcode,
			   uint32_t arg0, uint32_t arg1, const void *payload,
			   size_t payload_len)
{
	struct fwctl_sim_req req;
	size_t need;

	if (payload_len > SIZE_MAX - sizeof(req))
		return SIZE_MAX;
	need = sizeof(req) + payload_len;
	if (!buf || cap < need)
		return need;
	memset(&req, 0, sizeof(req));
	req.opcode = opcode;
	req.arg0 = arg0;
	req.arg1 = arg1;
	memcpy(buf, &req, sizeof(req));
	if (payload_len)
		memcpy((unsigned char *)buf + sizeof(req), payload,
		       payload_len);
	return need;
}

/**
 * fwctl_sim_resp_parse - check and decode a response header
 * @buf: the response
 * @len: the bytes of it that are valid (the smaller of the RPC's out_len
 *	and the buffer size)
 * @res: filled from the header; @res->truncated says whether the payload
 *	the header announces goes past @len
 * @payload: set to the first payload byte (may be NULL)
 *
 * Return: 0, or -EBADMSG if @len is shorter than the header or longer than
 * header plus announced payload.
 */
int fwctl_sim_resp_parse(const void *buf, size_t len,
			 struct fwctl_sim_result *res, const void **payload)
{
	struct fwctl_sim_resp hdr;
	size_t avail;

	memset(res, 0, sizeof(*res));
	if (len < sizeof(hdr))
		return -EBADMSG;
	memcpy(&hdr, buf, sizeof(hdr));
	avail = len - sizeof(hdr);
	if (avail > hdr.len)
		return -EBADMSG;
	res->status = hdr.status;
	res->syndrome = hdr.syndrome;
	res->opcode = hdr.opcode;
	res->len = hdr.len;
	res->truncated = hdr.len > avail;
	if (payload)
		*payload = (const unsigned char *)buf + sizeof(hdr);
	return 0;
}

static int sim_check_type(struct fwctl_dev *dev)
{
	uint32_t type;
	int ret = fwctl_type(dev, &type);

	if (ret)
		return ret;
	return type == FWCTL_DEVICE_TYPE_FWGATE_SIM ? 0 : -EMEDIUMTYPE;
}

#define SIM_STACK_BUF 256

/**
 * fwctl_sim_cmd - run one sim command at a given scope
 * @dev: a fwctl_sim device
 * @scope: the scope to claim
 * @opcode: the opcode
 * @arg0: first argument
 * @arg1: second argument
 * @in: request payload (MEM_WRITE), may be NULL if @in_len is 0
 * @in_len: its length
 * @out: buffer for the response payload, may be NULL if @out_cap is 0
 * @out_cap: its size
 * @res: filled with the firmware's status, syndrome and payload length
 *	when the command was delivered (may be NULL)
 *
 * Return: 0 if the firmware ran the command successfully, the firmware's
 * non-zero FWCTL_SIM_STATUS_* (positive) if it refused, or a negative errno
 * if the command never reached it (or its response was malformed:
 * -EBADMSG).
 */
int fwctl_sim_cmd(struct fwctl_dev *dev, uint32_t scope, uint32_t opcode,
		  uint32_t arg0, uint32_t arg1, const void *in, size_t in_len,
		  void *out, size_t out_cap, struct fwctl_sim_result *res)
{
	unsigned char req_stack[SIM_STACK_BUF], resp_stack[SIM_STACK_BUF];
	unsigned char *req = req_stack, *resp = resp_stack;
	size_t req_len, resp_cap, got;
	struct fwctl_sim_result tmp;
	const void *payload;
	int ret;

	if (!res)
		res = &tmp;
	memset(res, 0, sizeof(*res));
	ret = sim_check_type(dev);
	if (ret)
		return ret;
	if (in_len > UINT32_MAX || out_cap > UINT32_MAX)
		return -EMSGSIZE;

	req_len = sizeof(struct fwctl_sim_req) + in_len;
	resp_cap = sizeof(struct fwctl_sim_resp) + out_cap;
	if (req_len > sizeof(req_stack))
		req = malloc(req_len);
	if (resp_cap > sizeof(resp_stack))
		resp = malloc(resp_cap);
	if (!req || !resp) {
		ret = -ENOMEM;
		goto out;
	}
	fwctl_sim_req_build(req, req_len, opcode, arg0, arg1, in, in_len);

	ret = fwctl_rpc(dev, scope, req, req_len, resp, resp_cap, &got);
	if (ret)
		goto out;
	ret = fwctl_sim_resp_parse(resp, got < resp_cap ? got : resp_cap, res,
				   &payload);
	if (ret)
		goto out;
	if (res->opcode != opcode) {
		ret = -EBADMSG;
		goto out;
	}
	if (out_cap)
		memcpy(out, payload, res->len < out_cap ? res->len : out_cap);
	ret = res->status > INT_MAX ? INT_MAX : (int)res->status;
out:
	if (req != req_stack)
		free(req);
	if (resp != resp_stack)
		free(resp);
	return ret;
}

/* A command with a fixed-size reply, at the opcode's minimum scope. */
static int sim_fixed(struct fwctl_dev *dev, uint32_t opcode, uint32_t arg0,
		     uint32_t arg1, void *out, size_t size,
		     struct fwctl_sim_result *res)
{
	struct fwctl_sim_result tmp;
	int ret;

	if (!res)
		res = &tmp;
	ret = fwctl_sim_cmd(dev, fwctl_sim_op_scope(opcode), opcode, arg0,
			    arg1, NULL, 0, out, size, res);
	if (!ret && res->len != size)
		return -EBADMSG;
	return ret;
}

int fwctl_sim_nop(struct fwctl_dev *dev, struct fwctl_sim_result *res)
{
	return sim_fixed(dev, FWCTL_SIM_OP_NOP, 0, 0, NULL, 0, res);
}

int fwctl_sim_identify(struct fwctl_dev *dev, struct fwctl_sim_identify *id,
		       struct fwctl_sim_result *res)
{
	int ret = sim_fixed(dev, FWCTL_SIM_OP_IDENTIFY, 0, 0, id, sizeof(*id),
			    res);

	if (!ret)
		id->serial[sizeof(id->serial) - 1] = 0;
	return ret;
}

int fwctl_sim_cfg_get(struct fwctl_dev *dev, uint32_t key, uint32_t *value,
		      struct fwctl_sim_result *res)
{
	struct fwctl_sim_cfg cfg;
	int ret = sim_fixed(dev, FWCTL_SIM_OP_CFG_GET, key, 0, &cfg,
			    sizeof(cfg), res);

	if (!ret && cfg.key != key)
		return -EBADMSG;
	if (!ret)
		*value = cfg.value;
	return ret;
}

int fwctl_sim_cfg_set(struct fwctl_dev *dev, uint32_t key, uint32_t value,
		      struct fwctl_sim_result *res)
{
	struct fwctl_sim_cfg cfg;
	int ret = sim_fixed(dev, FWCTL_SIM_OP_CFG_SET, key, value, &cfg,
			    sizeof(cfg), res);

	if (!ret && (cfg.key != key || cfg.value != value))
		return -EBADMSG;
	return ret;
}

int fwctl_sim_obj_alloc(struct fwctl_dev *dev, uint32_t tag, uint32_t *id,
			struct fwctl_sim_result *res)
{
	struct fwctl_sim_obj obj;
	int ret = sim_fixed(dev, FWCTL_SIM_OP_OBJ_ALLOC, tag, 0, &obj,
			    sizeof(obj), res);

	if (!ret)
		*id = obj.id;
	return ret;
}

int fwctl_sim_obj_query(struct fwctl_dev *dev, uint32_t id, uint32_t *tag,
			struct fwctl_sim_result *res)
{
	struct fwctl_sim_obj obj;
	int ret = sim_fixed(dev, FWCTL_SIM_OP_OBJ_QUERY, id, 0, &obj,
			    sizeof(obj), res);

	if (!ret)
		*tag = obj.tag;
	return ret;
}

int fwctl_sim_obj_free(struct fwctl_dev *dev, uint32_t id,
		       struct fwctl_sim_result *res)
{
	struct fwctl_sim_obj obj;

	return sim_fixed(dev, FWCTL_SIM_OP_OBJ_FREE, id, 0, &obj, sizeof(obj),
			 res);
}

int fwctl_sim_counters(struct fwctl_dev *dev, struct fwctl_sim_counters *cnt,
		       struct fwctl_sim_result *res)
{
	return sim_fixed(dev, FWCTL_SIM_OP_COUNTERS, 0, 0, cnt, sizeof(*cnt),
			 res);
}

/**
 * fwctl_sim_log_read - read firmware log text from @offset
 * @dev: a fwctl_sim device
 * @offset: byte offset into the log
 * @buf: where the text goes
 * @cap: its size; a single RPC carries at most 2 MiB - 16 bytes of text, so
 *	a larger @cap is reduced to that
 * @len: set to the number of bytes stored (0 at the end of the log)
 * @res: the firmware's answer (may be NULL)
 *
 * Return: as fwctl_sim_cmd().
 */
int fwctl_sim_log_read(struct fwctl_dev *dev, uint32_t offset, void *buf,
		       size_t cap, size_t *len, struct fwctl_sim_result *res)
{
	size_t max = FWCTL_PRIV_MAX_RPC - sizeof(struct fwctl_sim_resp);
	struct fwctl_sim_result tmp;
	int ret;

	if (!res)
		res = &tmp;
	*len = 0;
	if (cap > max)
		cap = max;
	ret = fwctl_sim_cmd(dev, FWCTL_RPC_DEBUG_READ_ONLY,
			    FWCTL_SIM_OP_LOG_DUMP, offset, 0, NULL, 0, buf, cap,
			    res);
	if (!ret)
		*len = res->len < cap ? res->len : cap;
	return ret;
}

int fwctl_sim_reg_read(struct fwctl_dev *dev, uint32_t index, uint32_t *value,
		       struct fwctl_sim_result *res)
{
	struct fwctl_sim_reg reg;
	int ret = sim_fixed(dev, FWCTL_SIM_OP_REG_READ, index, 0, &reg,
			    sizeof(reg), res);

	if (!ret)
		*value = reg.value;
	return ret;
}

int fwctl_sim_reg_write(struct fwctl_dev *dev, uint32_t index, uint32_t value,
			struct fwctl_sim_result *res)
{
	struct fwctl_sim_reg reg;

	return sim_fixed(dev, FWCTL_SIM_OP_REG_WRITE, index, value, &reg,
			 sizeof(reg), res);
}

int fwctl_sim_fw_reset(struct fwctl_dev *dev, struct fwctl_sim_result *res)
{
	return sim_fixed(dev, FWCTL_SIM_OP_FW_RESET, 0, 0, NULL, 0, res);
}

int fwctl_sim_mem_read(struct fwctl_dev *dev, uint32_t offset, void *buf,
		       size_t len, struct fwctl_sim_result *res)
{
	if (len > UINT32_MAX)
		return -EMSGSIZE;
	return sim_fixed(dev, FWCTL_SIM_OP_MEM_READ, offset, len, buf, len,
			 res);
}

int fwctl_sim_mem_write(struct fwctl_dev *dev, uint32_t offset,
			const void *buf, size_t len,
			struct fwctl_sim_result *res)
{
	return fwctl_sim_cmd(dev, FWCTL_RPC_DEBUG_WRITE_FULL,
			     FWCTL_SIM_OP_MEM_WRITE, offset, 0, buf, len, NULL,
			     0, res);
}

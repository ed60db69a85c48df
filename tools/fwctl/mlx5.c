// SPDX-License-Identifier: GPL-2.0
/*
 * fwctl mlx5: decoded capabilities, registers and diagnostic counters of
 * an mlx5 (ConnectX) function, and raw PRM mailboxes. Every command goes
 * at the lowest scope the driver's allow-list (mlx5_policy.c, compiled in)
 * allows for it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"
#include "mlx5_policy.h"

enum {
	PRM_QUERY_HCA_CAP = 0x100,
	PRM_QUERY_ADAPTER = 0x101,
	PRM_ACCESS_REG = 0x805,
	PRM_QUERY_DIAG_PARAMS = 0x819,
	PRM_QUERY_DIAG_COUNTERS = 0x821,
	PRM_ACCESS_REG_READ = 1,
	PRM_CAP_OUT_LEN = 16 + 4096,
	PRM_ADAPTER_OUT_LEN = 272,
	PRM_DIAG_PARAMS_LEN = 32,	/* header + context; ids follow */
	PRM_DIAG_SAMPLE_LEN = 16,
	PRM_DIAG_MAX = 0xffff,
	RAW_DEFAULT_OUT = 4096,
	RAW_MAX_OUT = 1u << 20,
};

/* PRM field access: bit 0 is the MSB of the first big-endian dword. */
static uint32_t prm_get(const void *buf, unsigned int bit, unsigned int len)
{
	const unsigned char *p = (const unsigned char *)buf + bit / 32 * 4;
	uint32_t dw = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		      (uint32_t)p[2] << 8 | p[3];
	unsigned int shift = 32 - bit % 32 - len;

	return (dw >> shift) & (len == 32 ? ~0u : ((1u << len) - 1));
}

static void prm_set(void *buf, unsigned int bit, unsigned int len, uint32_t v)
{
	unsigned char *p = (unsigned char *)buf + bit / 32 * 4;
	uint32_t dw = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		      (uint32_t)p[2] << 8 | p[3];
	unsigned int shift = 32 - bit % 32 - len;
	uint32_t mask = (len == 32 ? ~0u : ((1u << len) - 1)) << shift;

	dw = (dw & ~mask) | ((v << shift) & mask);
	p[0] = dw >> 24;
	p[1] = dw >> 16;
	p[2] = dw >> 8;
	p[3] = dw;
}

static uint64_t prm_get64(const void *buf, unsigned int bit)
{
	return (uint64_t)prm_get(buf, bit, 32) << 32 | prm_get(buf, bit + 32, 32);
}

static const char *const prm_status_names[] = {
	[0x0] = "OK", [0x1] = "INT_ERR", [0x2] = "BAD_OP",
	[0x3] = "BAD_PARAM", [0x4] = "BAD_SYS_STATE", [0x5] = "BAD_RESOURCE",
	[0x6] = "RESOURCE_BUSY", [0x8] = "EXCEED_LIM",
	[0x9] = "BAD_RES_STATE", [0xa] = "BAD_INDEX", [0xf] = "NO_RESOURCES",
	[0x50] = "BAD_INP_LEN", [0x51] = "BAD_OUTP_LEN",
	[0x10] = "BAD_QP_STATE", [0x30] = "BAD_PKT",
	[0x40] = "BAD_SIZE",
};

static const char *prm_status_name(uint8_t status)
{
	if (status < sizeof(prm_status_names) / sizeof(prm_status_names[0]) &&
	    prm_status_names[status])
		return prm_status_names[status];
	return "unknown";
}

struct mlx5_ctx {
	struct cli *c;
	const char *name;	/* the device as named in messages */
	struct fwctl_dev *dev;
};

/* The lowest scope the allow-list gives @opcode/@op_mod, or -EBADMSG. */
static int mlx5_scope(struct mlx5_ctx *m, const char *what, uint16_t opcode,
		      uint16_t op_mod, uint32_t *scope)
{
	const struct mlx5_fwctl_cmd_policy *p = mlx5_fwctl_policy_find(opcode);
	int s = mlx5_fwctl_min_scope(opcode, op_mod);

	if (s < 0) {
		fflush(m->c->out);
		fprintf(m->c->err,
			"fwctl: %s: %s: the mlx5 policy allows %s (opcode 0x%x, op_mod 0x%x) at no scope: %s (EBADMSG)\n",
			m->name, what, p ? p->name : "this command", opcode,
			op_mod, strerror(EBADMSG));
		return EXIT_KERNEL;
	}
	*scope = s;
	return 0;
}

/*
 * Run one mailbox at @scope. A firmware refusal is reported (exit status
 * 3) unless @quiet_status; *@status gets the status byte.
 */
static int mlx5_exec(struct mlx5_ctx *m, const char *what, uint32_t scope,
		     const void *in, size_t in_len, void *out, size_t out_len,
		     uint8_t *status, uint32_t *syndrome, size_t *got)
{
	size_t n;
	int ret;

	ret = fwctl_rpc(m->dev, scope, in, in_len, out, out_len, &n);
	if (ret)
		return cli_fail(m->c, m->name, what, ret, FWCTL_OP_RPC, scope);
	if (got)
		*got = n;
	ret = fwctl_mlx5_mbox_status(out, n < out_len ? n : out_len, status,
				     syndrome);
	if (ret) {
		fflush(m->c->out);
		fprintf(m->c->err, "fwctl: %s: %s: response of %zu bytes is shorter than a mailbox header\n",
			m->name, what, n);
		return EXIT_SYSTEM;
	}
	return 0;
}

static int mlx5_fw_refused(struct mlx5_ctx *m, const char *what,
			   uint8_t status, uint32_t syndrome)
{
	fflush(m->c->out);
	fprintf(m->c->err,
		"fwctl: %s: %s: the firmware refused the command: status 0x%x (%s), syndrome 0x%08x\n",
		m->name, what, status, prm_status_name(status), syndrome);
	return EXIT_FIRMWARE;
}

/* Run a read command at its lowest scope; 0 only for firmware status 0. */
static int mlx5_query(struct mlx5_ctx *m, const char *what, void *in,
		      size_t in_len, uint16_t opcode, uint16_t op_mod,
		      void *out, size_t out_len)
{
	uint32_t scope, syndrome;
	uint8_t status;
	int ret;

	ret = mlx5_scope(m, what, opcode, op_mod, &scope);
	if (ret)
		return ret;
	fwctl_mlx5_mbox_hdr(in, opcode, 0, op_mod);
	ret = mlx5_exec(m, what, scope, in, in_len, out, out_len, &status,
			&syndrome, NULL);
	if (ret)
		return ret;
	if (status)
		return mlx5_fw_refused(m, what, status, syndrome);
	return 0;
}

static void obj_begin(struct mlx5_ctx *m, const char *cmd)
{
	if (m->c->json) {
		json_obj_open(&m->c->j, NULL);
		json_str(&m->c->j, "device", fwctl_devinfo(m->dev)->name[0] ?
			 fwctl_devinfo(m->dev)->name : m->name);
		json_str(&m->c->j, "command", cmd);
	} else {
		fprintf(m->c->out, "%s: %s\n", m->name, cmd);
	}
}

static void obj_end(struct mlx5_ctx *m)
{
	if (m->c->json) {
		json_obj_close(&m->c->j);
		json_done(&m->c->j);
	}
}

/* "caps": the general capability page, current or max, and the adapter. */
static int mlx5_caps(struct mlx5_ctx *m, bool max)
{
	static const struct {
		const char *key;
		unsigned short bit, len;
	} fields[] = {
		{ "vhca_id", 0x30, 16 },
		{ "num_ports", 0x1b8, 8 },
		{ "log_max_qp", 0x9b, 5 },
		{ "log_max_cq", 0xdb, 5 },
		{ "log_max_mkey", 0xea, 6 },
		{ "log_max_pd", 0x32b, 5 },
		{ "log_max_msg", 0x1c3, 5 },
		{ "log_pg_sz", 0x258, 8 },
		{ "max_tc", 0x1cc, 4 },
		{ "roce", 0x21d, 1 },
		{ "eth_net_offloads", 0x21c, 1 },
		{ "uctx_cap", 0x6a0, 32 },
	};
	static const char *const port_types[] = { "ib", "eth", "vpi", "3" };
	unsigned char in[16] = { 0 }, ain[16] = { 0 }, *out, *cap;
	unsigned char aout[PRM_ADAPTER_OUT_LEN];
	char psid[17];
	unsigned int i;
	int ret;

	out = calloc(1, PRM_CAP_OUT_LEN);
	if (!out)
		return cli_fail(m->c, m->name, "caps", -ENOMEM, FWCTL_OP_INFO, 0);
	/* op_mod: capability type (0, general) << 1 | current */
	ret = mlx5_query(m, "QUERY_HCA_CAP", in, sizeof(in),
			 PRM_QUERY_HCA_CAP, max ? 0 : 1, out, PRM_CAP_OUT_LEN);
	if (!ret)
		ret = mlx5_query(m, "QUERY_ADAPTER", ain, sizeof(ain),
				 PRM_QUERY_ADAPTER, 0, aout, sizeof(aout));
	if (ret) {
		free(out);
		return ret;
	}
	cap = out + 16;
	obj_begin(m, "caps");
	emit_str(m->c, "page", "general");
	emit_str(m->c, "values", max ? "max" : "current");
	emit_str(m->c, "port_type", port_types[prm_get(cap, 0x1b6, 2)]);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		emit_u64(m->c, fields[i].key,
			 prm_get(cap, fields[i].bit, fields[i].len));
	emit_u64(m->c, "vsd_vendor_id", prm_get(aout + 16, 0xf0, 16));
	memcpy(psid, aout + 16 + 0x780 / 8, 16);
	psid[16] = 0;
	emit_str(m->c, "psid", psid);
	obj_end(m);
	free(out);
	return EXIT_OK;
}

/* Link modes of PTYS eth_proto_* (the PRM's bit numbers). */
static const char *ptys_mode_name(unsigned int bit)
{
	static const char *const names[32] = {
		[0] = "1000base-cx-sgmii", [1] = "1000base-kx",
		[2] = "10gbase-cx4", [3] = "10gbase-kx4", [4] = "10gbase-kr",
		[5] = "20gbase-kr2", [6] = "40gbase-cr4", [7] = "40gbase-kr4",
		[8] = "56gbase-r4", [12] = "10gbase-cr", [13] = "10gbase-sr",
		[14] = "10gbase-er", [15] = "40gbase-sr4", [16] = "40gbase-lr4",
		[18] = "50gbase-sr2", [20] = "100gbase-cr4",
		[21] = "100gbase-sr4", [22] = "100gbase-kr4",
		[23] = "100gbase-lr4", [24] = "100base-tx", [25] = "1000base-t",
		[26] = "10gbase-t", [27] = "25gbase-cr", [28] = "25gbase-kr",
		[29] = "25gbase-sr", [30] = "50gbase-cr2", [31] = "50gbase-kr2",
	};

	return bit < 32 ? names[bit] : NULL;
}

static void ptys_req(void *d)
{
	prm_set(d, 0x08, 8, 1);		/* local_port */
	prm_set(d, 0x1d, 3, 0x4);	/* proto_mask: Ethernet */
}

static void ptys_show(struct cli *c, const void *d)
{
	emit_u64(c, "local_port", prm_get(d, 0x08, 8));
	emit_u64(c, "an_status", prm_get(d, 0x20, 4));
	emit_u64(c, "speed_mbps", prm_get(d, 0x30, 16) * 100ull);
	emit_caps(c, "eth_proto_capability", prm_get(d, 0x60, 32),
		  ptys_mode_name);
	emit_caps(c, "eth_proto_admin", prm_get(d, 0xc0, 32), ptys_mode_name);
	emit_caps(c, "eth_proto_oper", prm_get(d, 0x120, 32), ptys_mode_name);
	emit_u64(c, "connector_type", prm_get(d, 0x17c, 4));
}

static void ppcnt_req(void *d)
{
	prm_set(d, 0x08, 8, 1);		/* local_port, grp 0: IEEE 802.3 */
}

static void ppcnt_show(struct cli *c, const void *d)
{
	const unsigned char *set = (const unsigned char *)d + 0x40 / 8;

	emit_u64(c, "local_port", prm_get(d, 0x08, 8));
	emit_str(c, "group", "ieee_802_3");
	emit_u64(c, "frames_tx", prm_get64(set, 0x00));
	emit_u64(c, "frames_rx", prm_get64(set, 0x40));
	emit_u64(c, "octets_tx", prm_get64(set, 0x100));
	emit_u64(c, "octets_rx", prm_get64(set, 0x140));
}

static void mtmp_req(void *d)
{
	(void)d;			/* sensor 0, the ASIC */
}

static void emit_temp(struct cli *c, const char *key, uint32_t eighths)
{
	char buf[32], raw[48];
	int16_t t = (int16_t)eighths;	/* signed, 1/8 degree C */

	snprintf(buf, sizeof(buf), "%s%d.%03d", t < 0 ? "-" : "",
		 abs(t) / 8, abs(t) % 8 * 125);
	emit_str(c, key, buf);
	snprintf(raw, sizeof(raw), "%s_eighths", key);
	emit_u64(c, raw, (uint16_t)t);
}

static void mtmp_show(struct cli *c, const void *d)
{
	char name[9];
	int i;

	for (i = 0; i < 8; i++) {
		unsigned char ch = ((const unsigned char *)d)[0xc0 / 8 + i];

		name[i] = ch >= 0x20 && ch < 0x7f ? ch : 0;
	}
	name[8] = 0;
	emit_u64(c, "sensor_index", prm_get(d, 0x14, 12));
	emit_str(c, "sensor_name", name);
	emit_temp(c, "temperature_c", prm_get(d, 0x30, 16));
	emit_temp(c, "max_temperature_c", prm_get(d, 0x50, 16));
	emit_temp(c, "threshold_hi_c", prm_get(d, 0x70, 16));
	emit_temp(c, "threshold_lo_c", prm_get(d, 0x90, 16));
}

static void mcam_req(void *d)
{
	(void)d;			/* feature group 0, access group 0 */
}

static void mcam_show(struct cli *c, const void *d)
{
	char hex[64];
	int i;

	for (i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x",
			 ((const unsigned char *)d)[0x40 / 8 + i]);
	emit_u64(c, "access_reg_group", prm_get(d, 0x18, 8));
	emit_str(c, "mng_access_reg_cap_mask", hex);
	for (i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x",
			 ((const unsigned char *)d)[0x140 / 8 + i]);
	emit_str(c, "mng_feature_cap_mask", hex);
}

static void mgir_req(void *d)
{
	(void)d;
}

static void mgir_show(struct cli *c, const void *d)
{
	char ver[32];

	snprintf(ver, sizeof(ver), "%u.%u.%u", prm_get(d, 0x108, 8),
		 prm_get(d, 0x110, 8), prm_get(d, 0x118, 8));
	emit_u64(c, "device_id", prm_get(d, 0x00, 16));
	emit_u64(c, "device_hw_revision", prm_get(d, 0x10, 16));
	emit_str(c, "fw_version", ver);
	emit_u64(c, "fw_build_id", prm_get(d, 0x120, 32));
}

static const struct mlx5_reg {
	const char *name;
	uint16_t id;
	uint16_t len;		/* register bytes */
	void (*req)(void *data);
	void (*show)(struct cli *c, const void *data);
} mlx5_regs[] = {
	{ "ptys", 0x5004, 64, ptys_req, ptys_show },
	{ "ppcnt", 0x5008, 256, ppcnt_req, ppcnt_show },
	{ "mtmp", 0x900a, 32, mtmp_req, mtmp_show },
	{ "mgir", 0x9020, 160, mgir_req, mgir_show },
	{ "mcam", 0x907f, 72, mcam_req, mcam_show },
};

static const struct mlx5_reg *mlx5_reg_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(mlx5_regs) / sizeof(mlx5_regs[0]); i++)
		if (!strcasecmp(name, mlx5_regs[i].name))
			return &mlx5_regs[i];
	return NULL;
}

static int mlx5_reg(struct mlx5_ctx *m, const struct mlx5_reg *r)
{
	unsigned char in[16 + 256] = { 0 }, out[16 + 256] = { 0 };
	uint32_t scope;
	int ret;

	/* for the report; mlx5_query() asks the same table */
	ret = mlx5_scope(m, "ACCESS_REG read", PRM_ACCESS_REG,
			 PRM_ACCESS_REG_READ, &scope);
	if (ret)
		return ret;
	prm_set(in, 0x50, 16, r->id);
	r->req(in + 16);
	ret = mlx5_query(m, "ACCESS_REG read", in, 16 + r->len,
			 PRM_ACCESS_REG, PRM_ACCESS_REG_READ, out, 16 + r->len);
	if (ret)
		return ret;
	obj_begin(m, "reg");
	emit_str(m->c, "register", r->name);
	emit_u64(m->c, "register_id", r->id);
	emit_str(m->c, "scope", fwctl_scope_name(scope));
	emit_begin(m->c, "data");
	r->show(m->c, out + 16);
	emit_end(m->c);
	obj_end(m);
	return EXIT_OK;
}

/* "diag": the counters SET_DIAGNOSTIC_PARAMS selected, one sample each. */
static int mlx5_diag(struct mlx5_ctx *m)
{
	size_t plen = PRM_DIAG_PARAMS_LEN + 4 * PRM_DIAG_MAX, olen;
	unsigned char in[16] = { 0 }, *params, *out = NULL;
	unsigned int num, enable, i;
	int ret;

	params = calloc(1, plen);
	if (!params)
		return cli_fail(m->c, m->name, "diag", -ENOMEM, FWCTL_OP_INFO, 0);
	ret = mlx5_query(m, "QUERY_DIAGNOSTIC_PARAMS", in, sizeof(in),
			 PRM_QUERY_DIAG_PARAMS, 0, params, plen);
	if (ret)
		goto out;
	num = prm_get(params + 8, 0x00, 16);
	enable = prm_get(params + 8, 0x25, 1);
	olen = 16 + (size_t)num * PRM_DIAG_SAMPLE_LEN;
	if (enable && num) {
		out = calloc(1, olen);
		if (!out) {
			ret = cli_fail(m->c, m->name, "diag", -ENOMEM,
				       FWCTL_OP_INFO, 0);
			goto out;
		}
		memset(in, 0, sizeof(in));
		prm_set(in + 8, 0x00, 16, num);		/* num_of_samples */
		ret = mlx5_query(m, "QUERY_DIAGNOSTIC_COUNTERS", in, sizeof(in),
				 PRM_QUERY_DIAG_COUNTERS, 0, out, olen);
		if (ret)
			goto out;
	}
	obj_begin(m, "diag");
	if (m->c->json)
		json_bool(&m->c->j, "enabled", enable);
	else
		emit_str(m->c, "enabled", enable ? "yes" : "no");
	emit_u64(m->c, "num_counters", num);
	emit_u64(m->c, "log_sample_period", prm_get(params + 8, 0x38, 8));
	if (m->c->json)
		json_arr_open(&m->c->j, "counters");
	for (i = 0; out && i < num; i++) {
		const unsigned char *s = out + 16 + i * PRM_DIAG_SAMPLE_LEN;

		if (m->c->json) {
			json_obj_open(&m->c->j, NULL);
			json_u64(&m->c->j, "counter_id", prm_get(s, 0x00, 16));
			json_u64(&m->c->j, "sample_id", prm_get(s, 0x10, 16));
			json_u64(&m->c->j, "time_stamp", prm_get(s, 0x20, 32));
			json_u64(&m->c->j, "value", prm_get64(s, 0x40));
			json_obj_close(&m->c->j);
		} else {
			fprintf(m->c->out, "counter 0x%x value %llu sample %u time_stamp %u\n",
				prm_get(s, 0x00, 16),
				(unsigned long long)prm_get64(s, 0x40),
				prm_get(s, 0x10, 16), prm_get(s, 0x20, 32));
		}
	}
	if (m->c->json)
		json_arr_close(&m->c->j);
	obj_end(m);
	ret = EXIT_OK;
out:
	free(params);
	free(out);
	return ret;
}

/* "raw": any mailbox, at the scope given or the lowest the policy allows. */
static int mlx5_raw(struct mlx5_ctx *m, const unsigned char *in,
		    size_t in_len, bool has_scope, uint32_t scope,
		    uint64_t out_len)
{
	uint32_t syndrome = 0;
	uint16_t opcode, op_mod;
	uint8_t status = 0;
	unsigned char *out;
	size_t got, valid;
	int ret;

	if (!has_scope) {
		opcode = in[0] << 8 | in[1];
		op_mod = in[6] << 8 | in[7];
		ret = mlx5_scope(m, "raw", opcode, op_mod, &scope);
		if (ret)
			return ret;
	}
	out = calloc(1, out_len);
	if (!out)
		return cli_fail(m->c, m->name, "raw", -ENOMEM, FWCTL_OP_INFO, 0);
	ret = mlx5_exec(m, "raw", scope, in, in_len, out, out_len, &status,
			&syndrome, &got);
	if (ret)
		goto out;
	valid = got < out_len ? got : out_len;
	if (m->c->json) {
		obj_begin(m, "raw");
		json_str(&m->c->j, "scope", fwctl_scope_name(scope));
		json_u64(&m->c->j, "scope_id", scope);
		json_u64(&m->c->j, "status", status);
		json_str(&m->c->j, "status_name", prm_status_name(status));
		json_u64(&m->c->j, "syndrome", syndrome);
		json_u64(&m->c->j, "out_len", got);
		json_bool(&m->c->j, "truncated", got > out_len);
		json_hex(&m->c->j, "out", out, valid);
		obj_end(m);
	} else {
		fprintf(m->c->out, "%s: raw at scope %s: status 0x%x (%s) syndrome 0x%08x, %zu bytes\n",
			m->name, fwctl_scope_name(scope) ?
			fwctl_scope_name(scope) : "?", status,
			prm_status_name(status), syndrome, got);
		hexdump(m->c->out, out, valid, 0);
	}
	if (got > out_len) {
		fflush(m->c->out);
		fprintf(m->c->err, "fwctl: %s: raw: response truncated: %zu of %zu bytes; raise out-len\n",
			m->name, valid, got);
	}
	ret = status ? mlx5_fw_refused(m, "raw", status, syndrome) : EXIT_OK;
out:
	free(out);
	return ret;
}

static void mlx5_help(FILE *f)
{
	fputs("Usage: fwctl mlx5 [DEV] caps [max]\n"
	      "       fwctl mlx5 [DEV] reg { ptys | ppcnt | mtmp | mcam | mgir }\n"
	      "       fwctl mlx5 [DEV] diag\n"
	      "       fwctl mlx5 [DEV] raw [scope SCOPE] [out-len N] HEX\n"
	      "  DEV may be left out when there is exactly one mlx5 fwctl device.\n"
	      "  caps  decoded general capabilities (current, or max) and the adapter\n"
	      "  reg   read a register, at the lowest scope the mlx5 policy allows\n"
	      "  diag  the diagnostic counters selected by SET_DIAGNOSTIC_PARAMS\n"
	      "  raw   send a PRM mailbox; without scope, the lowest the policy\n"
	      "        allows for its opcode/op_mod. Prints status, syndrome and\n"
	      "        the out mailbox (out-len default 4096, at most 1M).\n"
	      "  Exit status 3 when the firmware answers with a non-zero status.\n",
	      f);
}

static bool is_mlx5_cmd(const char *s)
{
	return !strcmp(s, "caps") || !strcmp(s, "reg") || !strcmp(s, "diag") ||
	       !strcmp(s, "raw") || is_help(s);
}

static bool mlx5_is_dev(const char *dev)
{
	return fwctl_mlx5_is_mlx5(dev, NULL, 0);
}

/* The words after "reg" / "raw" / "caps", checked before any device use. */
struct mlx5_args {
	const char *cmd;
	const struct mlx5_reg *reg;
	bool max;
	bool has_scope;
	uint32_t scope;
	uint64_t out_len;
	unsigned char *in;
	size_t in_len;
};

static int mlx5_parse(struct cli *c, int argc, char **argv,
		      struct mlx5_args *a)
{
	int i;

	a->cmd = argv[0];
	a->out_len = RAW_DEFAULT_OUT;
	if (!strcmp(a->cmd, "caps")) {
		if (argc == 2 && !strcmp(argv[1], "max"))
			a->max = true;
		else if (argc > 1)
			return cli_usage_error(c, "mlx5 caps: unknown argument \"%s\"",
					       argv[1]);
		return 0;
	}
	if (!strcmp(a->cmd, "diag")) {
		if (argc > 1)
			return cli_usage_error(c, "mlx5 diag: unknown argument \"%s\"",
					       argv[1]);
		return 0;
	}
	if (!strcmp(a->cmd, "reg")) {
		if (argc != 2)
			return cli_usage_error(c, "mlx5 reg: give one register: ptys, ppcnt, mtmp, mcam or mgir");
		a->reg = mlx5_reg_find(argv[1]);
		if (!a->reg)
			return cli_usage_error(c, "mlx5 reg: unknown register \"%s\" (ptys, ppcnt, mtmp, mcam, mgir)",
					       argv[1]);
		return 0;
	}
	/* raw */
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "scope") || !strcmp(argv[i], "out-len")) {
			if (i + 1 >= argc)
				return cli_usage_error(c, "mlx5 raw: %s needs a value",
						       argv[i]);
			if (argv[i][0] == 's') {
				if (fwctl_scope_parse(argv[i + 1], &a->scope))
					return cli_usage_error(c, "mlx5 raw: unknown scope \"%s\"",
							       argv[i + 1]);
				a->has_scope = true;
			} else if (parse_size(argv[i + 1], &a->out_len) ||
				   a->out_len > RAW_MAX_OUT || !a->out_len) {
				return cli_usage_error(c, "mlx5 raw: bad out-len \"%s\" (1..1M)",
						       argv[i + 1]);
			}
			i++;
			continue;
		}
		if (a->in)
			return cli_usage_error(c, "mlx5 raw: give the mailbox once (extra \"%s\")",
					       argv[i]);
		if (parse_hex(argv[i], &a->in, &a->in_len))
			return cli_usage_error(c, "mlx5 raw: \"%s\" is not a hex byte string",
					       argv[i]);
	}
	if (!a->in)
		return cli_usage_error(c, "mlx5 raw: give the mailbox in HEX");
	/* the opcode picks the scope; the kernel judges short ones */
	if (!a->has_scope && a->in_len < FWCTL_MLX5_MBOX_HDR_LEN)
		return cli_usage_error(c, "mlx5 raw: %zu bytes is shorter than a mailbox header (16); give a scope to send it anyway",
				       a->in_len);
	return 0;
}

int cmd_mlx5(struct cli *c, int argc, char **argv)
{
	struct mlx5_args a = { 0 };
	struct mlx5_ctx m = { .c = c };
	char name[64];
	uint32_t type;
	int ret;

	if (argc < 1 || is_help(argv[0]) || (argc > 1 && is_help(argv[1]))) {
		mlx5_help(argc < 1 ? c->err : c->out);
		return argc < 1 ? EXIT_USAGE : EXIT_OK;
	}
	if (!is_mlx5_cmd(argv[0])) {
		m.name = argv[0];
		argc--, argv++;
		if (argc < 1)
			return cli_usage_error(c, "mlx5: give a command: caps, reg, diag or raw");
	}
	if (!is_mlx5_cmd(argv[0]))
		return cli_usage_error(c, "mlx5: unknown command \"%s\"; try \"fwctl mlx5 help\"",
				       argv[0]);
	ret = mlx5_parse(c, argc, argv, &a);
	if (ret)
		goto out;
	if (!m.name) {
		ret = cli_pick_dev(c, "mlx5", "mlx5 fwctl device", "is mlx5_fwctl loaded?",
				   mlx5_is_dev, name, sizeof(name));
		if (ret)
			goto out;
		m.name = name;
	}
	ret = cli_get_dev(c, m.name, &m.dev);
	if (ret)
		goto out;
	ret = fwctl_type(m.dev, &type);
	if (!ret && type != FWCTL_DEVICE_TYPE_MLX5)
		ret = -EMEDIUMTYPE;
	if (ret) {
		ret = cli_fail(c, m.name, "mlx5", ret, FWCTL_OP_INFO, 0);
		goto out;
	}
	if (!strcmp(a.cmd, "caps"))
		ret = mlx5_caps(&m, a.max);
	else if (!strcmp(a.cmd, "reg"))
		ret = mlx5_reg(&m, a.reg);
	else if (!strcmp(a.cmd, "diag"))
		ret = mlx5_diag(&m);
	else
		ret = mlx5_raw(&m, a.in, a.in_len, a.has_scope, a.scope,
			       a.out_len);
out:
	free(a.in);
	return ret;
}

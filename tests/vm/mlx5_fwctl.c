// SPDX-License-Identifier: GPL-2.0
/*
 * mlx5_fwctl on a simulated ConnectX function: discovery by mlx5ctl's sysfs
 * rules, FWCTL_INFO, one firmware user context per open file, the 16-byte
 * minimums, firmware errors that still return the out mailbox, the model's
 * capability pages and registers, and its fault knobs.
 */
#include <time.h>
#include "tap.h"
#include "mlx5dev.h"

#define ID 11

static int rpc_raw(int fd, uint32_t scope, void *in, uint32_t in_len,
		   void *out, uint32_t *out_len)
{
	return fw_rpc(fd, scope, in, in_len, out, out_len);
}

static void test_discovery(void)
{
	char name[64], path[PATH_MAX], target[PATH_MAX], parent[PATH_MAX];
	ssize_t n;

	tap_eq(mlx5_fwctl_find("mlx5_sim11", name, sizeof(name)), 0,
	       "the function is found by mlx5ctl's sysfs rules");
	tap_ok(mlx5_fwctl_is_mlx5(name, parent, sizeof(parent)) &&
	       !strcmp(parent, "mlx5_sim11"),
	       "its parent path after /sys/devices/ is mlx5_sim11");
	snprintf(path, sizeof(path), "/sys/class/fwctl/%s/device/driver", name);
	n = readlink(path, target, sizeof(target) - 1);
	target[n < 0 ? 0 : n] = 0;
	tap_ok(strstr(target, "bus/mlx5_sim/drivers/mlx5_core") != NULL,
	       "device/driver is the mlx5_sim bus's mlx5_core (%s)", target);
	tap_ok(access("/sys/bus/mlx5_sim/drivers/mlx5_core/bind", F_OK) != 0,
	       "the simulated functions cannot be unbound by hand");
	snprintf(path, sizeof(path), "/dev/fwctl/%s", name);
	tap_ok(access(path, R_OK | W_OK) == 0, "the node is /dev/fwctl/%s",
	       name);
}

static void test_info_and_uids(void)
{
	struct fwctl_info_mlx5 a = { 0 }, b = { 0 };
	uint32_t type = 0, len = 0;
	long long created = mlx5sim_total("uids_created");
	int fa, fb;

	fa = mlx5sim_open(ID);
	tap_ok(fa >= 0, "open the function");
	tap_eq(mlx5_info(fa, &a, &type, &len), 0, "FWCTL_INFO");
	tap_eq(type, FWCTL_DEVICE_TYPE_MLX5, "device type MLX5 (1)");
	tap_eq(len, sizeof(struct fwctl_info_mlx5), "device data is 8 bytes");
	tap_ok(a.uid != 0, "the file has a firmware uid (%u)", a.uid);
	tap_eq(a.uctx_caps, PRM_UCTX_CAP_TOOLS_RESOURCES,
	       "TOOLS_RESOURCES is asked for when the function offers it");
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 1, "the firmware holds one uid");

	fb = mlx5sim_open(ID);
	tap_eq(mlx5_info(fb, &b, NULL, NULL), 0, "FWCTL_INFO on a second file");
	tap_ok(b.uid && b.uid != a.uid, "each file has its own uid (%u, %u)",
	       a.uid, b.uid);
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 2, "the firmware holds two");
	tap_eq(mlx5sim_total("uids_created") - created, 2,
	       "one CREATE_UCTX per open");
	close(fb);
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 1,
	       "close() destroys the file's uid");
	close(fa);
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 0, "and the other's");

	tap_eq(mlx5sim_set(ID, "tools_resources", 0), 0,
	       "the function stops offering TOOLS_RESOURCES");
	fa = mlx5sim_open(ID);
	tap_eq(mlx5_info(fa, &a, NULL, NULL), 0, "FWCTL_INFO");
	tap_eq(a.uctx_caps, 0, "then the context is created without it");
	close(fa);
	mlx5sim_set(ID, "tools_resources", 1);
}

static void test_lengths(int fd)
{
	uint8_t in[64] = { 0 }, out[64];
	uint32_t out_len;

	mbox_hdr(in, PRM_NOP, 0, 0);
	out_len = 16;
	tap_errno(rpc_raw(fd, 1, in, 15, out, &out_len), EMSGSIZE,
		  "a 15-byte request: EMSGSIZE");
	out_len = 15;
	tap_errno(rpc_raw(fd, 1, in, 16, out, &out_len), EMSGSIZE,
		  "a 15-byte response buffer: EMSGSIZE");
	out_len = 0;
	tap_errno(rpc_raw(fd, 1, in, 16, out, &out_len), EMSGSIZE,
		  "no response buffer: EMSGSIZE");
	out_len = 16;
	tap_eq(rpc_raw(fd, 1, in, 16, out, &out_len), 0,
	       "16 bytes each way run a NOP");
	tap_eq(mbox_status(out), PRM_STAT_OK, "NOP status OK");
	tap_eq(out_len, 16, "a 16-byte answer");
}

static void test_fw_errors(int fd)
{
	uint8_t out[PRM_QUERY_HCA_CAP_OUT_LEN];

	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 0x7 << 1 | 1, 16, out,
			sizeof(out)), 0,
	       "QUERY_HCA_CAP of a page the function lacks: the RPC succeeds");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "status BAD_PARAM");
	tap_eq(mbox_syndrome(out), MLX5SIM_SYND_BAD_OP_MOD, "syndrome: bad op_mod");

	tap_eq(mlx5_cmd(fd, 1, PRM_QUERY_PAGES, 0, 16, out, 16), 0,
	       "an allowed command the firmware lacks: the RPC succeeds");
	tap_eq(mbox_status(out), PRM_STAT_BAD_OP, "status BAD_OP");
	tap_eq(mbox_syndrome(out), MLX5SIM_SYND_BAD_OPCODE, "syndrome: bad opcode");

	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 1, 16, out, 32), 0,
	       "QUERY_HCA_CAP into 32 bytes");
	tap_eq(mbox_status(out), PRM_STAT_BAD_OUTP_LEN, "status BAD_OUTP_LEN");
	tap_eq(mbox_syndrome(out), MLX5SIM_SYND_OUT_LEN, "syndrome: output length");

	{
		uint8_t in[16] = { 0 };
		uint32_t out_len = 512;

		mbox_hdr(in, PRM_ACCESS_REG, 0, 1);
		prm_set(in, 0x50, 16, PRM_REG_PTYS);
		tap_eq(fw_rpc(fd, 1, in, sizeof(in), out, &out_len), 0,
		       "a PTYS read without register data");
	}
	tap_eq(mbox_status(out), PRM_STAT_BAD_INP_LEN, "status BAD_INP_LEN");
}

static void test_caps(int fd)
{
	static uint8_t cur[PRM_QUERY_HCA_CAP_OUT_LEN], max[PRM_QUERY_HCA_CAP_OUT_LEN];
	const uint8_t *c = cur + 16, *m = max + 16;
	static const unsigned int types[] = { 0x1, 0x4, 0x20, 0xd };
	unsigned int i;

	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 0 << 1 | 1, 16, cur,
			sizeof(cur)), 0, "QUERY_HCA_CAP general, current");
	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 0 << 1 | 0, 16, max,
			sizeof(max)), 0, "QUERY_HCA_CAP general, max");
	tap_eq(mbox_status(cur) | mbox_status(max), 0, "both status OK");
	/* cmd_hca_cap: log_max_qp at bit 0x9b (5 bits), uctx_cap at 0x6a0 */
	tap_eq(prm_get(c, 0x9b, 5), 17, "current log_max_qp 17");
	tap_eq(prm_get(m, 0x9b, 5), 18, "max log_max_qp 18");
	tap_ok(prm_get(c, 0x6a0, 32) & PRM_UCTX_CAP_TOOLS_RESOURCES,
	       "uctx_cap offers TOOLS_RESOURCES");
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, types[i] << 1 | 1, 16,
				cur, sizeof(cur)), 0,
		       "QUERY_HCA_CAP type 0x%x (Ethernet, RoCE, general 2, debug)",
		       types[i]);
		tap_eq(mbox_status(cur), 0, "page 0x%x exists", types[i]);
	}
	/* the debug page (type 0xd), still in cur: its sampling limits and the
	 * diagnostic counter list, one 32-bit entry per id from bit 0x200
	 */
	tap_ok(prm_get(c, 0x9, 1) && prm_get(c, 0x20, 1) && prm_get(c, 0x21, 1),
	       "debug page: resource_dump, single and repetitive sampling");
	tap_eq(prm_get(c, 0x18, 8), 10, "debug page: log_max_samples 10");
	tap_ok(prm_get(c, 0x200 + 0x10, 16) == 1 &&
	       prm_get(c, 0x200 + 15 * 32 + 0x10, 16) == 16 &&
	       prm_get(c, 0x200 + 16 * 32, 32) == 0,
	       "debug page: diagnostic counters 1..16, nothing after");
	mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 0 << 1 | 1, 16, cur, sizeof(cur));
	tap_eq(prm_get(c, 0x280, 16), 16, "general page: num_of_diagnostic_counters 16");
	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 0x2 << 1 | 1, 16, cur,
			sizeof(cur)), 0, "QUERY_HCA_CAP of a page not modelled (ODP)");
	tap_eq(mbox_status(cur), PRM_STAT_BAD_PARAM, "is refused in the mailbox");
}

static void test_esw_functions(int fd)
{
	uint8_t out[0x80];

	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_ESW_FUNCTIONS, 0, 16, out, sizeof(out)), 0,
	       "QUERY_ESW_FUNCTIONS at configuration scope");
	tap_eq(mbox_status(out), 0, "status OK");
	/* host_params_context at byte 16: host_num_of_vfs at bit 0x10, total at 0x20 */
	tap_ok(prm_get(out + 16, 0x10, 16) == 0 && prm_get(out + 16, 0x20, 16) == 8,
	       "host PF: no VFs enabled, 8 supported");
	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_ESW_FUNCTIONS, 1, 16, out, sizeof(out)), 0,
	       "QUERY_ESW_FUNCTIONS op_mod 1");
	tap_ok(mbox_status(out) == PRM_STAT_BAD_PARAM &&
	       mbox_syndrome(out) == MLX5SIM_SYND_BAD_OP_MOD,
	       "is refused: BAD_PARAM, syndrome bad op_mod");
	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_ESW_FUNCTIONS, 0, 16, out, 0x40), 0,
	       "QUERY_ESW_FUNCTIONS into 64 bytes");
	tap_eq(mbox_status(out), PRM_STAT_BAD_OUTP_LEN, "status BAD_OUTP_LEN");
}

static void test_adapter_issi(int fd)
{
	uint8_t out[0x110];

	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_ADAPTER, 0, 16, out, sizeof(out)), 0,
	       "QUERY_ADAPTER at configuration scope");
	tap_eq(mbox_status(out), 0, "status OK");
	/* query_adapter_param_block at byte 16: vsd_vendor_id at bit 0xf0 */
	tap_eq(prm_get(out + 16, 0xf0, 16), 0x15b3, "vsd vendor id 0x15b3");
	tap_ok(!memcmp(out + 16 + 0xf0, "FWG", 3), "PSID FWG...");
	tap_errno(mlx5_cmd(fd, 0, PRM_QUERY_ISSI, 0, 16, out, 0x70), EBADMSG,
		  "QUERY_ISSI at configuration scope: EBADMSG");
	tap_eq(mlx5_cmd(fd, 1, PRM_QUERY_ISSI, 0, 16, out, 0x70), 0,
	       "QUERY_ISSI at debug read-only");
	tap_eq(prm_get(out, 0x50, 16), 1, "current ISSI 1");
}

static int reg_access(int fd, uint32_t scope, uint16_t reg, int read,
		      const uint8_t *data, unsigned int len, uint8_t *out)
{
	uint8_t in[16 + 256] = { 0 };
	uint32_t out_len = 16 + 256;

	mbox_hdr(in, PRM_ACCESS_REG, 0, read);
	prm_set(in, 0x50, 16, reg);
	if (data)
		memcpy(in + 16, data, len);
	memset(out, 0xa5, out_len);
	return fw_rpc(fd, scope, in, 16 + len, out, &out_len);
}

static void test_registers(int fd)
{
	uint8_t data[256] = { 0 }, out[16 + 256];
	uint32_t f1, f2;

	prm_set(data, 0x08, 8, 1);	/* local_port */
	prm_set(data, 0x1d, 3, 0x4);	/* proto_mask: Ethernet */
	tap_errno(reg_access(fd, 0, PRM_REG_PTYS, 1, data, 0x40, out), EBADMSG,
		  "a register read at configuration scope: EBADMSG");
	tap_eq(reg_access(fd, 1, PRM_REG_PTYS, 1, data, 0x40, out), 0,
	       "PTYS read at debug read-only");
	tap_eq(mbox_status(out), 0, "status OK");
	tap_eq(prm_get(out + 16, 0x120, 32), 1u << 20,
	       "eth_proto_oper 100GBASE_CR4");

	prm_set(data, 0xc0, 32, 1u << 20);	/* eth_proto_admin */
	tap_eq(reg_access(fd, 0, PRM_REG_PTYS, 0, data, 0x40, out), 0,
	       "a register write (op_mod 0) at configuration scope");
	tap_eq(mbox_status(out), 0, "PTYS write status OK");
	reg_access(fd, 1, PRM_REG_PTYS, 1, data, 0x40, out);
	tap_eq(prm_get(out + 16, 0xc0, 32), 1u << 20, "the write sticks");

	memset(data, 0, sizeof(data));
	prm_set(data, 0x08, 8, 1);
	tap_eq(reg_access(fd, 1, PRM_REG_PPCNT, 1, data, 0x100, out), 0,
	       "PPCNT read");
	f1 = prm_get(out + 16 + 8, 0x20, 32);
	usleep(20000);
	reg_access(fd, 1, PRM_REG_PPCNT, 1, data, 0x100, out);
	f2 = prm_get(out + 16 + 8, 0x20, 32);
	tap_ok(f2 > f1, "port counters advance (%u -> %u)", f1, f2);

	memset(data, 0, sizeof(data));
	tap_eq(reg_access(fd, 1, PRM_REG_MTMP, 1, data, 0x20, out), 0,
	       "MTMP read");
	tap_ok(prm_get(out + 16, 0x30, 16) / 8 == 55, "ASIC at 55 C");
	tap_eq(reg_access(fd, 1, PRM_REG_MGIR, 1, data, 0xa0, out), 0,
	       "MGIR read");
	tap_eq(prm_get(out + 16, 0x108, 8), 22, "firmware major 22");
	tap_eq(reg_access(fd, 1, PRM_REG_MCAM, 1, data, 0x48, out), 0,
	       "MCAM read");
	tap_eq(mbox_status(out), 0, "status OK");
	tap_eq(reg_access(fd, 0, PRM_REG_MGIR, 0, data, 0xa0, out), 0,
	       "a write to MGIR reaches the firmware");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "which refuses it");
	tap_eq(mbox_syndrome(out), MLX5SIM_SYND_READ_ONLY_REG,
	       "syndrome: read-only register");
	tap_eq(reg_access(fd, 1, 0x1234, 1, data, 0x40, out), 0,
	       "an unknown register");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "is refused in the mailbox");
}

/* SET_DIAGNOSTIC_PARAMS of counters @a and @b, enabled, at @scope. */
static int diag_set(int fd, uint32_t scope, uint16_t a, uint16_t b,
		    uint8_t *out)
{
	uint8_t in[32 + 8] = { 0 };
	uint32_t out_len = 16;

	mbox_hdr(in, PRM_SET_DIAGNOSTIC_PARAMS, 0, 0);
	prm_set(in + 8, 0x00, 16, 2);		/* num_of_counters */
	prm_set(in + 8, 0x25, 1, 1);		/* enable */
	prm_set(in + 32, 0x10, 16, a);
	prm_set(in + 36, 0x10, 16, b);
	return fw_rpc(fd, scope, in, sizeof(in), out, &out_len);
}

static int diag_samples(int fd, uint16_t n, uint8_t *out, uint32_t out_len)
{
	uint8_t in[16] = { 0 };

	mbox_hdr(in, 0x821, 0, 0);
	prm_set(in, 0x40, 16, n);
	memset(out, 0xa5, out_len);
	return fw_rpc(fd, 1, in, sizeof(in), out, &out_len);
}

static void test_diag(int fd)
{
	uint8_t out[16 + 4 * 16];
	uint32_t v1, v2;

	tap_eq(diag_samples(fd, 2, out, sizeof(out)), 0,
	       "QUERY_DIAGNOSTIC_COUNTERS before any is enabled");
	tap_eq(mbox_status(out), PRM_STAT_BAD_SYS_STATE, "status BAD_SYS_STATE");
	tap_errno(diag_set(fd, 1, 3, 5, out), EBADMSG,
		  "SET_DIAGNOSTIC_PARAMS at debug read-only: EBADMSG");
	tap_eq(diag_set(fd, 2, 3, 0x99, out), 0, "an unknown counter id");
	tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "is refused in the mailbox");
	{
		uint8_t in[32 + 8] = { 0 };
		uint32_t out_len = 16;

		mbox_hdr(in, PRM_SET_DIAGNOSTIC_PARAMS, 0, 0);
		prm_set(in + 8, 0x00, 16, 1);	/* num_of_counters */
		prm_set(in + 8, 0x18, 8, 11);	/* log_num_of_samples */
		prm_set(in + 32, 0x10, 16, 3);
		tap_eq(fw_rpc(fd, 2, in, sizeof(in), out, &out_len), 0,
		       "2^11 samples, past the debug page's log_max_samples");
		tap_eq(mbox_status(out), PRM_STAT_BAD_PARAM, "is refused in the mailbox");
	}
	tap_eq(diag_set(fd, 2, 3, 5, out), 0,
	       "SET_DIAGNOSTIC_PARAMS at debug write: counters 3 and 5");
	tap_eq(mbox_status(out), 0, "status OK");
	tap_eq(mlx5_cmd(fd, 1, 0x819, 0, 16, out, 40), 0,
	       "QUERY_DIAGNOSTIC_PARAMS");
	tap_ok(mbox_status(out) == 0 && prm_get(out + 8, 0, 16) == 2 &&
	       prm_get(out + 8, 0x25, 1) == 1 &&
	       prm_get(out + 32, 0x10, 16) == 3 && prm_get(out + 36, 0x10, 16) == 5,
	       "reads back two enabled counters, 3 and 5");
	tap_eq(diag_samples(fd, 4, out, sizeof(out)), 0, "four samples");
	tap_ok(mbox_status(out) == 0 && prm_get(out + 16, 0, 16) == 3 &&
	       prm_get(out + 32, 0, 16) == 5 && prm_get(out + 48, 0, 16) == 3,
	       "alternate between the two counters");
	v1 = prm_get(out + 16, 0x60, 32);
	usleep(20000);
	diag_samples(fd, 4, out, sizeof(out));
	v2 = prm_get(out + 16, 0x60, 32);
	tap_ok(v2 > v1, "counter values advance (%u -> %u)", v1, v2);
	tap_eq(diag_samples(fd, 4, out, 32), 0, "four samples into 32 bytes");
	tap_eq(mbox_status(out), PRM_STAT_BAD_OUTP_LEN, "status BAD_OUTP_LEN");
}

#define TRACING "/sys/kernel/debug/tracing"

static char *read_trace(void)
{
	static char buf[65536];
	int fd = open(TRACING "/trace", O_RDONLY);
	ssize_t n, len = 0;

	if (fd < 0)
		return NULL;
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	return buf;
}

static void test_trace(int fd)
{
	struct fwctl_info_mlx5 mi = { 0 };
	char want[160], *log;
	uint8_t out[0x110];

	mlx5_info(fd, &mi, NULL, NULL);
	tap_eq(sysfs_write(TRACING "/events/fwctl/fwctl_rpc/enable", "1"), 0,
	       "enable the fwctl core's RPC tracepoint");
	tap_eq(sysfs_write(TRACING "/events/mlx5_fwctl/mlx5_fwctl_cmd/enable",
			   "1"), 0, "enable mlx5_fwctl's command tracepoint");
	sysfs_write(TRACING "/trace", "");
	mlx5_cmd(fd, 0, PRM_QUERY_ADAPTER, 0, 16, out, sizeof(out));
	mlx5_cmd(fd, 0, PRM_NOP, 0, 16, out, 16);
	mlx5_cmd(fd, 0, PRM_QUERY_HCA_CAP, 0x7 << 1 | 1, 16, out, 16);
	log = read_trace();
	tap_ok(log != NULL, "read the trace");
	if (!log)
		return;
	snprintf(want, sizeof(want),
		 "opcode=0x101 op_mod=0x0 uid=%u status=0x0 syndrome=0x0 result=0",
		 mi.uid);
	tap_ok(strstr(log, want) != NULL, "QUERY_ADAPTER traced: %s", want);
	snprintf(want, sizeof(want),
		 "opcode=0x80d op_mod=0x0 uid=%u status=0x0 syndrome=0x0 result=-74",
		 mi.uid);
	tap_ok(strstr(log, want) != NULL, "a refused NOP traced: %s", want);
	snprintf(want, sizeof(want),
		 "opcode=0x100 op_mod=0xf uid=%u status=0x51 syndrome=0x5a000005 result=0",
		 mi.uid);
	tap_ok(strstr(log, want) != NULL, "a firmware error traced: %s", want);
	snprintf(want, sizeof(want),
		 "scope=0 in_len=16 out_len=272 result=0 pid=%d", getpid());
	tap_ok(strstr(log, want) != NULL, "the core traced the RPC: %s", want);
	snprintf(want, sizeof(want), "scope=0 in_len=16 out_len=0 result=-74 pid=%d",
		 getpid());
	tap_ok(strstr(log, want) != NULL, "and the refused one: %s", want);
	sysfs_write(TRACING "/events/fwctl/fwctl_rpc/enable", "0");
	sysfs_write(TRACING "/events/mlx5_fwctl/mlx5_fwctl_cmd/enable", "0");
}

static void test_faults(void)
{
	uint8_t out[0x110];
	int fd = mlx5sim_open(ID);

	tap_eq(mlx5sim_set(ID, "fail_status", PRM_STAT_BAD_SYS_STATE), 0,
	       "inject firmware errors");
	tap_eq(mlx5_cmd(fd, 0, PRM_QUERY_ADAPTER, 0, 16, out, sizeof(out)), 0,
	       "an RPC under an injected error succeeds");
	tap_eq(mbox_status(out), PRM_STAT_BAD_SYS_STATE,
	       "with the injected status");
	tap_eq(mbox_syndrome(out), MLX5SIM_SYND_INJECTED, "and syndrome");
	tap_eq(mlx5sim_open(ID), -EIO,
	       "open() fails with EIO when CREATE_UCTX fails");
	mlx5sim_set(ID, "fail_status", 0);

	tap_eq(mlx5sim_set(ID, "dead", 1), 0, "the firmware dies");
	tap_errno(mlx5_cmd(fd, 0, PRM_QUERY_ADAPTER, 0, 16, out, sizeof(out)),
		  ENOLINK, "an RPC to dead firmware: ENOLINK");
	tap_eq(mlx5sim_open(ID), -ENOLINK, "open() on dead firmware: ENOLINK");
	mlx5sim_set(ID, "dead", 0);

	tap_eq(mlx5sim_set(ID, "delay_ms", 300), 0, "slow firmware");
	{
		struct timespec t0, t1;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		tap_eq(mlx5_cmd(fd, 1, PRM_NOP, 0, 16, out, 16), 0,
		       "a slow NOP completes");
		clock_gettime(CLOCK_MONOTONIC, &t1);
		tap_ok((t1.tv_sec - t0.tv_sec) * 1000 +
		       (t1.tv_nsec - t0.tv_nsec) / 1000000 >= 300,
		       "after the firmware's delay");
	}
	mlx5sim_set(ID, "delay_ms", 0);
	close(fd);
}

int main(void)
{
	int fd;

	tap_start();
	mlx5sim_del(ID);
	if (!tap_eq(mlx5sim_new(ID), 0, "create simulated function %d", ID))
		return tap_end();
	test_discovery();
	test_info_and_uids();
	fd = mlx5sim_open(ID);
	test_lengths(fd);
	test_fw_errors(fd);
	test_caps(fd);
	test_adapter_issi(fd);
	test_esw_functions(fd);
	test_registers(fd);
	test_diag(fd);
	test_trace(fd);
	close(fd);
	test_faults();
	tap_eq(mlx5sim_debugfs(ID, "live_uids"), 0, "no uid outlives its file");
	tap_eq(mlx5sim_del(ID), 0, "remove the function");
	tap_eq(mlx5sim_total("uids_created"), mlx5sim_total("uids_destroyed"),
	       "every uid created was destroyed");
	return tap_end();
}

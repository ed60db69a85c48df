// SPDX-License-Identifier: GPL-2.0
/*
 * ACCESS_REG (0x805) of the simulated firmware: op_mod 1 reads a register,
 * op_mod 0 writes it. Modelled registers: PTYS (port speeds), PPCNT (IEEE
 * 802.3 port counters that advance with time), MTMP (ASIC temperature),
 * MCAM (management capabilities) and MGIR (firmware version).
 */
#include <linux/ktime.h>
#include <linux/mlx5/device.h>
#include <linux/mlx5/driver.h>
#include <linux/mlx5/port.h>
#include <linux/string.h>

#include "../mlx5_fwctl.h"
#include "mlx5sim.h"

#define MLX5SIM_REG_MTMP	0x900a
#define MLX5SIM_REG_MGIR	0x9020

/* MTMP and MGIR are not in 6.1's mlx5_ifc.h; the parts the model answers. */
struct mlx5_ifc_mlx5sim_mtmp_reg_bits {
	u8 reserved_at_0[0x14];
	u8 sensor_index[0xc];
	u8 reserved_at_20[0x10];
	u8 temperature[0x10];
	u8 mte[0x1];
	u8 mtr[0x1];
	u8 reserved_at_42[0xe];
	u8 max_temperature[0x10];
	u8 reserved_at_60[0x10];
	u8 temperature_threshold_hi[0x10];
	u8 reserved_at_80[0x10];
	u8 temperature_threshold_lo[0x10];
	u8 reserved_at_a0[0x20];
	u8 sensor_name_hi[0x20];
	u8 sensor_name_lo[0x20];
};

struct mlx5_ifc_mlx5sim_mgir_reg_bits {
	u8 device_id[0x10];
	u8 device_hw_revision[0x10];
	u8 reserved_at_20[0xe0];
	u8 reserved_at_100[0x8];
	u8 fw_major[0x8];
	u8 fw_minor[0x8];
	u8 fw_sub_minor[0x8];
	u8 fw_build_id[0x20];
	u8 reserved_at_140[0x3c0];
};

enum {
	MLX5SIM_REG_READ = 1,	/* ACCESS_REG op_mod; 0 writes */
	MLX5SIM_PPCNT_IEEE_802_3 = 0,
	MLX5SIM_PTYS_EN = 0x4,
	MLX5SIM_TEMP_BASE = 55 * 8,	/* 55 C in 1/8 C */
	MLX5SIM_PKTS_PER_MS = 1000,
	MLX5SIM_OCTETS_PER_PKT = 1000,
};

#define MLX5SIM_ETH_CAPS (MLX5E_PROT_MASK(MLX5E_100GBASE_CR4) |		\
			  MLX5E_PROT_MASK(MLX5E_50GBASE_CR2) |		\
			  MLX5E_PROT_MASK(MLX5E_40GBASE_CR4) |		\
			  MLX5E_PROT_MASK(MLX5E_25GBASE_CR) |		\
			  MLX5E_PROT_MASK(MLX5E_10GBASE_CR))

struct mlx5sim_reg {
	u16 id;
	u16 len;
	/* @req: the request's register data; @rsp: the response's */
	u32 (*read)(struct mlx5sim_fw *fw, const void *req, void *rsp);
	u32 (*write)(struct mlx5sim_fw *fw, const void *req);
};

static u32 mlx5sim_ptys_read(struct mlx5sim_fw *fw, const void *req,
			     void *rsp)
{
	if (MLX5_GET(ptys_reg, req, local_port) != 1 ||
	    !(MLX5_GET(ptys_reg, req, proto_mask) & MLX5SIM_PTYS_EN))
		return MLX5SIM_SYND_BAD_PARAM;
	MLX5_SET(ptys_reg, rsp, local_port, 1);
	MLX5_SET(ptys_reg, rsp, proto_mask, MLX5SIM_PTYS_EN);
	MLX5_SET(ptys_reg, rsp, an_status, 1);
	MLX5_SET(ptys_reg, rsp, data_rate_oper, 1000);	/* 100 Mb/s units */
	MLX5_SET(ptys_reg, rsp, eth_proto_capability, MLX5SIM_ETH_CAPS);
	MLX5_SET(ptys_reg, rsp, eth_proto_admin,
		 fw->eth_proto_admin ?: MLX5SIM_ETH_CAPS);
	MLX5_SET(ptys_reg, rsp, eth_proto_oper,
		 MLX5E_PROT_MASK(MLX5E_100GBASE_CR4));
	MLX5_SET(ptys_reg, rsp, connector_type, 0x7);	/* DA (copper) */
	return 0;
}

static u32 mlx5sim_ptys_write(struct mlx5sim_fw *fw, const void *req)
{
	u32 admin = MLX5_GET(ptys_reg, req, eth_proto_admin);

	if (MLX5_GET(ptys_reg, req, local_port) != 1 ||
	    !(MLX5_GET(ptys_reg, req, proto_mask) & MLX5SIM_PTYS_EN) ||
	    !admin || (admin & ~MLX5SIM_ETH_CAPS))
		return MLX5SIM_SYND_BAD_PARAM;
	fw->eth_proto_admin = admin;
	return 0;
}

#define MLX5SIM_SET64(p, fld, v) do {					\
	void *__p = (p);						\
	u64 __v = (v);							\
	MLX5_SET(eth_802_3_cntrs_grp_data_layout, __p, fld##_high,	\
		 upper_32_bits(__v));					\
	MLX5_SET(eth_802_3_cntrs_grp_data_layout, __p, fld##_low,	\
		 lower_32_bits(__v));					\
} while (0)

static u32 mlx5sim_ppcnt_read(struct mlx5sim_fw *fw, const void *req,
			      void *rsp)
{
	u64 pkts;
	void *set;

	if (MLX5_GET(ppcnt_reg, req, local_port) != 1 ||
	    MLX5_GET(ppcnt_reg, req, grp) != MLX5SIM_PPCNT_IEEE_802_3)
		return MLX5SIM_SYND_BAD_PARAM;
	/* A steady 1 Mpps each way since the last clear. */
	pkts = ktime_ms_delta(ktime_get(), fw->ppcnt_base) *
	       MLX5SIM_PKTS_PER_MS;
	MLX5_SET(ppcnt_reg, rsp, local_port, 1);
	set = MLX5_ADDR_OF(ppcnt_reg, rsp, counter_set);
	MLX5SIM_SET64(set, a_frames_transmitted_ok, pkts);
	MLX5SIM_SET64(set, a_frames_received_ok, pkts);
	MLX5SIM_SET64(set, a_octets_transmitted_ok,
		      pkts * MLX5SIM_OCTETS_PER_PKT);
	MLX5SIM_SET64(set, a_octets_received_ok,
		      pkts * MLX5SIM_OCTETS_PER_PKT);
	if (MLX5_GET(ppcnt_reg, req, clr))
		fw->ppcnt_base = ktime_get();
	return 0;
}

static u32 mlx5sim_ppcnt_write(struct mlx5sim_fw *fw, const void *req)
{
	if (MLX5_GET(ppcnt_reg, req, local_port) != 1 ||
	    !MLX5_GET(ppcnt_reg, req, clr))
		return MLX5SIM_SYND_BAD_PARAM;
	fw->ppcnt_base = ktime_get();
	return 0;
}

static u32 mlx5sim_mtmp_read(struct mlx5sim_fw *fw, const void *req,
			     void *rsp)
{
	/* Wanders over four eighths of a degree, one step a second. */
	u16 temp = MLX5SIM_TEMP_BASE + ktime_get_seconds() % 4;

	if (MLX5_GET(mlx5sim_mtmp_reg, req, sensor_index))
		return MLX5SIM_SYND_BAD_PARAM;
	fw->max_temp = max(fw->max_temp, temp);
	MLX5_SET(mlx5sim_mtmp_reg, rsp, temperature, temp);
	MLX5_SET(mlx5sim_mtmp_reg, rsp, max_temperature, fw->max_temp);
	MLX5_SET(mlx5sim_mtmp_reg, rsp, temperature_threshold_hi, 105 * 8);
	MLX5_SET(mlx5sim_mtmp_reg, rsp, temperature_threshold_lo, 100 * 8);
	/* "ASIC" in the two name words, big-endian */
	MLX5_SET(mlx5sim_mtmp_reg, rsp, sensor_name_hi, 0x41534943);
	return 0;
}

static u32 mlx5sim_mtmp_write(struct mlx5sim_fw *fw, const void *req)
{
	if (MLX5_GET(mlx5sim_mtmp_reg, req, sensor_index))
		return MLX5SIM_SYND_BAD_PARAM;
	if (MLX5_GET(mlx5sim_mtmp_reg, req, mtr))
		fw->max_temp = 0;
	return 0;
}

static u32 mlx5sim_mcam_read(struct mlx5sim_fw *fw, const void *req,
			     void *rsp)
{
	void *regs;

	if (MLX5_GET(mcam_reg, req, feature_group) ||
	    MLX5_GET(mcam_reg, req, access_reg_group))
		return MLX5SIM_SYND_BAD_PARAM;
	regs = MLX5_ADDR_OF(mcam_reg, rsp, mng_access_reg_cap_mask);
	MLX5_SET(mcam_access_reg, regs, mcqs, 1);
	MLX5_SET(mcam_access_reg, regs, mcqi, 1);
	MLX5_SET(mcam_access_reg, regs, mcc, 1);
	MLX5_SET(mcam_access_reg, regs, mcda, 1);
	MLX5_SET(mcam_access_reg, regs, mtutc, 1);
	MLX5_SET(mcam_reg, rsp,
		 mng_feature_cap_mask.enhanced_features.pcie_performance_group,
		 1);
	return 0;
}

static u32 mlx5sim_mgir_read(struct mlx5sim_fw *fw, const void *req,
			     void *rsp)
{
	MLX5_SET(mlx5sim_mgir_reg, rsp, device_id, 0x101d);	/* CX-6 Dx */
	MLX5_SET(mlx5sim_mgir_reg, rsp, fw_major, 22);
	MLX5_SET(mlx5sim_mgir_reg, rsp, fw_minor, 39);
	MLX5_SET(mlx5sim_mgir_reg, rsp, fw_sub_minor, 42);
	MLX5_SET(mlx5sim_mgir_reg, rsp, fw_build_id, 0x46574731);
	return 0;
}

static const struct mlx5sim_reg mlx5sim_regs[] = {
	{ MLX5_REG_PTYS, MLX5_ST_SZ_BYTES(ptys_reg), mlx5sim_ptys_read,
	  mlx5sim_ptys_write },
	{ MLX5_REG_PPCNT, MLX5_ST_SZ_BYTES(ppcnt_reg), mlx5sim_ppcnt_read,
	  mlx5sim_ppcnt_write },
	{ MLX5SIM_REG_MTMP, MLX5_ST_SZ_BYTES(mlx5sim_mtmp_reg),
	  mlx5sim_mtmp_read, mlx5sim_mtmp_write },
	{ MLX5_REG_MCAM, MLX5_ST_SZ_BYTES(mcam_reg), mlx5sim_mcam_read, NULL },
	{ MLX5SIM_REG_MGIR, MLX5_ST_SZ_BYTES(mlx5sim_mgir_reg),
	  mlx5sim_mgir_read, NULL },
};

/**
 * mlx5sim_access_reg - run ACCESS_REG
 * @fw: the firmware, locked
 * @op_mod: 1 reads, 0 writes
 * @in: the request (at least its first MLX5SIM_REQ_MAX bytes)
 * @in_len: the request's length
 * @out: the response, zeroed
 * @out_len: its length
 * @syndrome: set with a refusal
 *
 * Return: the command status.
 */
u8 mlx5sim_access_reg(struct mlx5sim_fw *fw, u16 op_mod, const void *in,
		      int in_len, void *out, int out_len, u32 *syndrome)
{
	const int hdr = MLX5_ST_SZ_BYTES(access_register_in);
	u16 id = MLX5_GET(access_register_in, in, register_id);
	const struct mlx5sim_reg *reg = NULL;
	const void *req = in + hdr;
	unsigned int i;
	u32 synd;

	lockdep_assert_held(&fw->lock);
	static_assert(MLX5_ST_SZ_BYTES(access_register_in) ==
		      MLX5_FWCTL_MBOX_HDR_LEN);
	static_assert(MLX5_ST_SZ_BYTES(access_register_out) ==
		      MLX5_FWCTL_MBOX_HDR_LEN);

	for (i = 0; i < ARRAY_SIZE(mlx5sim_regs); i++)
		if (mlx5sim_regs[i].id == id)
			reg = &mlx5sim_regs[i];
	if (!reg) {
		*syndrome = MLX5SIM_SYND_BAD_REG;
		return MLX5_CMD_STAT_BAD_PARAM_ERR;
	}
	if (op_mod > MLX5SIM_REG_READ) {
		*syndrome = MLX5SIM_SYND_BAD_OP_MOD;
		return MLX5_CMD_STAT_BAD_PARAM_ERR;
	}
	/* Like the firmware: the request and response carry the register. */
	if (in_len < hdr + reg->len) {
		*syndrome = MLX5SIM_SYND_IN_LEN;
		return MLX5_CMD_STAT_BAD_INP_LEN_ERR;
	}
	if (out_len < MLX5_FWCTL_MBOX_HDR_LEN + reg->len) {
		*syndrome = MLX5SIM_SYND_OUT_LEN;
		return MLX5_CMD_STAT_BAD_OUTP_LEN_ERR;
	}

	if (op_mod == MLX5SIM_REG_READ) {
		synd = reg->read(fw, req,
				 MLX5_ADDR_OF(access_register_out, out,
					      register_data));
	} else if (!reg->write) {
		synd = MLX5SIM_SYND_READ_ONLY_REG;
	} else {
		synd = reg->write(fw, req);
		/* A write answers with what was written. */
		if (!synd)
			memcpy(MLX5_ADDR_OF(access_register_out, out,
					    register_data), req, reg->len);
	}
	if (synd) {
		*syndrome = synd;
		return MLX5_CMD_STAT_BAD_PARAM_ERR;
	}
	return MLX5_CMD_STAT_OK;
}

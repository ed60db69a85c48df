// SPDX-License-Identifier: GPL-2.0
/*
 * Diagnostic counters of the simulated firmware: SET_DIAGNOSTIC_PARAMS
 * (0x820) selects up to four counters and enables sampling,
 * QUERY_DIAGNOSTIC_PARAMS (0x819) reads the selection back, and
 * QUERY_DIAGNOSTIC_COUNTERS (0x821) returns samples whose values advance
 * with time. Counter ids 1 to MLX5SIM_DIAG_MAX_ID exist.
 */
#include <linux/ktime.h>
#include <linux/mlx5/device.h>

#include "../mlx5_fwctl.h"
#include "mlx5sim.h"

/* PRM layouts; 6.1's mlx5_ifc.h has none of them. */
struct mlx5_ifc_mlx5sim_diag_params_bits {
	u8 num_of_counters[0x10];
	u8 reserved_at_10[0x8];
	u8 log_num_of_samples[0x8];
	u8 single[0x1];
	u8 repetitive[0x1];
	u8 sync[0x1];
	u8 clear[0x1];
	u8 on_demand[0x1];
	u8 enable[0x1];
	u8 reserved_at_26[0x12];
	u8 log_sample_period[0x8];
	u8 reserved_at_40[0x80];
};

struct mlx5_ifc_mlx5sim_diag_counter_id_bits {
	u8 reserved_at_0[0x10];
	u8 counter_id[0x10];
};

/* QUERY_DIAGNOSTIC_PARAMS out, SET_DIAGNOSTIC_PARAMS in: 8 bytes, then
 * the context, then the counter ids.
 */
struct mlx5_ifc_mlx5sim_diag_params_mbox_bits {
	u8 hdr[0x40];
	struct mlx5_ifc_mlx5sim_diag_params_bits ctx;
};

struct mlx5_ifc_mlx5sim_query_diag_cntrs_in_bits {
	u8 hdr[0x40];
	u8 num_of_samples[0x10];
	u8 sample_index[0x10];
	u8 reserved_at_60[0x20];
};

struct mlx5_ifc_mlx5sim_diag_sample_bits {
	u8 counter_id[0x10];
	u8 sample_id[0x10];
	u8 time_stamp_31_0[0x20];
	u8 counter_value_h[0x20];
	u8 counter_value_l[0x20];
};

#define DIAG_MBOX_LEN	MLX5_ST_SZ_BYTES(mlx5sim_diag_params_mbox)
#define DIAG_ID_LEN	MLX5_ST_SZ_BYTES(mlx5sim_diag_counter_id)
#define DIAG_SAMPLE_LEN	MLX5_ST_SZ_BYTES(mlx5sim_diag_sample)

static u8 mlx5sim_diag_refuse(u32 *syndrome, u8 status, u32 synd)
{
	*syndrome = synd;
	return status;
}

static void *mlx5sim_diag_id(void *mbox, unsigned int i)
{
	return mbox + DIAG_MBOX_LEN + i * DIAG_ID_LEN;
}

/**
 * mlx5sim_diag_set - SET_DIAGNOSTIC_PARAMS
 * @fw: the firmware, locked
 * @in: the request (its first MLX5SIM_REQ_MAX bytes)
 * @in_len: the request's length
 * @syndrome: set with a refusal
 *
 * Return: the command status.
 */
u8 mlx5sim_diag_set(struct mlx5sim_fw *fw, const void *in, int in_len,
		    u32 *syndrome)
{
	const void *ctx = in + MLX5_BYTE_OFF(mlx5sim_diag_params_mbox, ctx);
	u16 num = MLX5_GET(mlx5sim_diag_params, ctx, num_of_counters);
	unsigned int i;

	lockdep_assert_held(&fw->lock);
	if (in_len < DIAG_MBOX_LEN)
		return mlx5sim_diag_refuse(syndrome,
					   MLX5_CMD_STAT_BAD_INP_LEN_ERR,
					   MLX5SIM_SYND_IN_LEN);
	if (num > MLX5SIM_DIAG_COUNTERS ||
	    MLX5_GET(mlx5sim_diag_params, ctx, log_num_of_samples) >
	    MLX5SIM_DIAG_LOG_MAX_SAMPLES)
		return mlx5sim_diag_refuse(syndrome, MLX5_CMD_STAT_BAD_PARAM_ERR,
					   MLX5SIM_SYND_BAD_PARAM);
	if (in_len < DIAG_MBOX_LEN + num * DIAG_ID_LEN)
		return mlx5sim_diag_refuse(syndrome,
					   MLX5_CMD_STAT_BAD_INP_LEN_ERR,
					   MLX5SIM_SYND_IN_LEN);
	for (i = 0; i < num; i++) {
		u16 id = MLX5_GET(mlx5sim_diag_counter_id,
				  mlx5sim_diag_id((void *)in, i), counter_id);

		if (!id || id > MLX5SIM_DIAG_MAX_ID)
			return mlx5sim_diag_refuse(syndrome,
						   MLX5_CMD_STAT_BAD_PARAM_ERR,
						   MLX5SIM_SYND_BAD_PARAM);
		fw->diag_ids[i] = id;
	}
	fw->diag_num = num;
	fw->diag_enable = MLX5_GET(mlx5sim_diag_params, ctx, enable);
	fw->diag_log_samples = MLX5_GET(mlx5sim_diag_params, ctx,
					log_num_of_samples);
	fw->diag_log_period = MLX5_GET(mlx5sim_diag_params, ctx,
				       log_sample_period);
	if (MLX5_GET(mlx5sim_diag_params, ctx, clear))
		fw->diag_base = ktime_get();
	return MLX5_CMD_STAT_OK;
}

/**
 * mlx5sim_diag_query_params - QUERY_DIAGNOSTIC_PARAMS
 * @fw: the firmware, locked
 * @out: the response, zeroed
 * @out_len: its length
 * @syndrome: set with a refusal
 *
 * Return: the command status.
 */
u8 mlx5sim_diag_query_params(struct mlx5sim_fw *fw, void *out, int out_len,
			     u32 *syndrome)
{
	void *ctx = out + MLX5_BYTE_OFF(mlx5sim_diag_params_mbox, ctx);
	unsigned int i;

	lockdep_assert_held(&fw->lock);
	if (out_len < DIAG_MBOX_LEN + fw->diag_num * DIAG_ID_LEN)
		return mlx5sim_diag_refuse(syndrome,
					   MLX5_CMD_STAT_BAD_OUTP_LEN_ERR,
					   MLX5SIM_SYND_OUT_LEN);
	MLX5_SET(mlx5sim_diag_params, ctx, num_of_counters, fw->diag_num);
	MLX5_SET(mlx5sim_diag_params, ctx, enable, fw->diag_enable);
	MLX5_SET(mlx5sim_diag_params, ctx, log_num_of_samples,
		 fw->diag_log_samples);
	MLX5_SET(mlx5sim_diag_params, ctx, log_sample_period,
		 fw->diag_log_period);
	for (i = 0; i < fw->diag_num; i++)
		MLX5_SET(mlx5sim_diag_counter_id, mlx5sim_diag_id(out, i),
			 counter_id, fw->diag_ids[i]);
	return MLX5_CMD_STAT_OK;
}

/**
 * mlx5sim_diag_query_counters - QUERY_DIAGNOSTIC_COUNTERS
 * @fw: the firmware, locked
 * @in: the request
 * @in_len: its length
 * @out: the response, zeroed
 * @out_len: its length
 * @syndrome: set with a refusal
 *
 * Counter id N counts N events a millisecond since the last clear.
 *
 * Return: the command status.
 */
u8 mlx5sim_diag_query_counters(struct mlx5sim_fw *fw, const void *in,
			       int in_len, void *out, int out_len,
			       u32 *syndrome)
{
	u16 samples = MLX5_GET(mlx5sim_query_diag_cntrs_in, in, num_of_samples);
	u16 index = MLX5_GET(mlx5sim_query_diag_cntrs_in, in, sample_index);
	u64 ms = ktime_ms_delta(ktime_get(), fw->diag_base);
	unsigned int i;

	lockdep_assert_held(&fw->lock);
	if (in_len < MLX5_ST_SZ_BYTES(mlx5sim_query_diag_cntrs_in))
		return mlx5sim_diag_refuse(syndrome,
					   MLX5_CMD_STAT_BAD_INP_LEN_ERR,
					   MLX5SIM_SYND_IN_LEN);
	if (!fw->diag_enable || !fw->diag_num)
		return mlx5sim_diag_refuse(syndrome,
					   MLX5_CMD_STAT_BAD_SYS_STATE_ERR,
					   MLX5SIM_SYND_DIAG_OFF);
	if (out_len < MLX5_FWCTL_MBOX_HDR_LEN + samples * DIAG_SAMPLE_LEN)
		return mlx5sim_diag_refuse(syndrome,
					   MLX5_CMD_STAT_BAD_OUTP_LEN_ERR,
					   MLX5SIM_SYND_OUT_LEN);
	for (i = 0; i < samples; i++) {
		void *s = out + MLX5_FWCTL_MBOX_HDR_LEN + i * DIAG_SAMPLE_LEN;
		u16 id = fw->diag_ids[i % fw->diag_num];
		u64 v = ms * id;

		MLX5_SET(mlx5sim_diag_sample, s, counter_id, id);
		MLX5_SET(mlx5sim_diag_sample, s, sample_id,
			 index + i / fw->diag_num);
		MLX5_SET(mlx5sim_diag_sample, s, time_stamp_31_0,
			 lower_32_bits(ms));
		MLX5_SET(mlx5sim_diag_sample, s, counter_value_h,
			 upper_32_bits(v));
		MLX5_SET(mlx5sim_diag_sample, s, counter_value_l,
			 lower_32_bits(v));
	}
	return MLX5_CMD_STAT_OK;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The capability pages QUERY_HCA_CAP answers: general, Ethernet offloads,
 * RoCE, general 2 and debug, each as a maximum and a current value. The
 * values are plausible for a one-port 100G ConnectX-6 Dx Ethernet function.
 */
#include <linux/mlx5/device.h>

#include "../mlx5_fwctl.h"
#include "mlx5sim.h"

/*
 * PRM fields 6.1's mlx5_ifc.h does not name: the general page's count of
 * diagnostic counters, and the debug page's sampling limits and counter
 * list (which the diagnostic-counter commands of fw_diag.c serve).
 */
struct mlx5_ifc_mlx5sim_hca_cap_diag_bits {
	u8 reserved_at_0[0x280];
	u8 num_of_diagnostic_counters[0x10];
	u8 reserved_at_290[0x70];
};

struct mlx5_ifc_mlx5sim_debug_cap_bits {
	u8 core_dump_general[0x1];
	u8 core_dump_qp[0x1];
	u8 reserved_at_2[0x7];
	u8 resource_dump[0x1];
	u8 reserved_at_a[0xe];
	u8 log_max_samples[0x8];
	u8 single[0x1];
	u8 repetitive[0x1];
	u8 stall_detect[0x1];
	u8 reserved_at_23[0x15];
	u8 log_min_sample_period[0x8];
	u8 reserved_at_40[0x1c0];
	u8 diagnostic_counter[MLX5SIM_DIAG_MAX_ID][0x20];
};

struct mlx5_ifc_mlx5sim_diag_cntr_layout_bits {
	u8 sync[0x1];
	u8 reserved_at_1[0xf];
	u8 counter_id[0x10];
};

static const u16 mlx5sim_cap_types[MLX5SIM_CAP_PAGES] = {
	[MLX5SIM_CAP_GENERAL] = MLX5_CAP_GENERAL,
	[MLX5SIM_CAP_ETH] = MLX5_CAP_ETHERNET_OFFLOADS,
	[MLX5SIM_CAP_ROCE] = MLX5_CAP_ROCE,
	[MLX5SIM_CAP_GENERAL_2] = MLX5_CAP_GENERAL_2,
	[MLX5SIM_CAP_DEBUG] = MLX5_CAP_DEBUG,
};

/**
 * mlx5sim_cap_page - the model's page of a PRM capability type
 * @cap_type: the capability type (op_mod >> 1 of QUERY_HCA_CAP)
 *
 * Return: an enum mlx5sim_cap_page, or -1 for a type the model lacks.
 */
int mlx5sim_cap_page(u16 cap_type)
{
	int i;

	for (i = 0; i < MLX5SIM_CAP_PAGES; i++)
		if (mlx5sim_cap_types[i] == cap_type)
			return i;
	return -1;
}

/* @max: the maximum page (true) or the current one. */
static void mlx5sim_caps_general(void *p, u32 id, bool max)
{
	MLX5_SET(cmd_hca_cap, p, vhca_id, id & 0xffff);
	MLX5_SET(cmd_hca_cap, p, hca_cap_2, 1);
	MLX5_SET(cmd_hca_cap, p, log_max_srq_sz, 15);
	MLX5_SET(cmd_hca_cap, p, log_max_qp_sz, 15);
	MLX5_SET(cmd_hca_cap, p, log_max_qp, max ? 18 : 17);
	MLX5_SET(cmd_hca_cap, p, log_max_srq, 23);
	MLX5_SET(cmd_hca_cap, p, log_max_cq_sz, 22);
	MLX5_SET(cmd_hca_cap, p, log_max_cq, max ? 24 : 16);
	MLX5_SET(cmd_hca_cap, p, log_max_eq_sz, 22);
	MLX5_SET(cmd_hca_cap, p, log_max_mkey, 24);
	MLX5_SET(cmd_hca_cap, p, log_max_eq, 8);
	MLX5_SET(cmd_hca_cap, p, max_indirection, 2);
	MLX5_SET(cmd_hca_cap, p, log_max_mrw_sz, 64);
	MLX5_SET(cmd_hca_cap, p, log_max_klm_list_size, 16);
	MLX5_SET(cmd_hca_cap, p, log_max_ra_req_qp, 4);
	MLX5_SET(cmd_hca_cap, p, log_max_ra_res_qp, 4);
	MLX5_SET(cmd_hca_cap, p, cc_query_allowed, 1);
	MLX5_SET(cmd_hca_cap, p, cc_modify_allowed, 1);
	MLX5_SET(cmd_hca_cap, p, gid_table_size, 255);
	MLX5_SET(cmd_hca_cap, p, pkey_table_size, 0);
	MLX5_SET(cmd_hca_cap, p, vport_counters, 1);
	MLX5_SET(cmd_hca_cap, p, debug, 1);
	MLX5_SET(cmd_hca_cap, p, vport_group_manager, 1);
	MLX5_SET(cmd_hca_cap, p, eth_virt, 1);
	MLX5_SET(cmd_hca_cap, p, ets, 1);
	MLX5_SET(cmd_hca_cap, p, nic_flow_table, 1);
	MLX5_SET(cmd_hca_cap, p, eswitch_manager, 1);
	MLX5_SET(cmd_hca_cap, p, mcam_reg, 1);
	MLX5_SET(cmd_hca_cap, p, pcam_reg, 1);
	MLX5_SET(cmd_hca_cap, p, port_type, 1);	/* Ethernet */
	MLX5_SET(cmd_hca_cap, p, num_ports, 1);
	MLX5_SET(cmd_hca_cap, p, log_max_msg, 30);
	MLX5_SET(cmd_hca_cap, p, max_tc, 8);
	MLX5_SET(cmd_hca_cap, p, temp_warn_event, 1);
	MLX5_SET(cmd_hca_cap, p, cqe_version, 1);
	MLX5_SET(cmd_hca_cap, p, eth_net_offloads, 1);
	MLX5_SET(cmd_hca_cap, p, roce, 1);
	MLX5_SET(cmd_hca_cap, p, driver_version, 1);
	MLX5_SET(cmd_hca_cap, p, log_pg_sz, 12);
	MLX5_SET(cmd_hca_cap, p, log_max_pd, 23);
	MLX5_SET(cmd_hca_cap, p, log_max_rq, 23);
	MLX5_SET(cmd_hca_cap, p, log_max_sq, 23);
	MLX5_SET(cmd_hca_cap, p, log_max_tir, 23);
	MLX5_SET(cmd_hca_cap, p, log_max_tis, 23);
	MLX5_SET(mlx5sim_hca_cap_diag, p, num_of_diagnostic_counters,
		 MLX5SIM_DIAG_MAX_ID);
	MLX5_SET(cmd_hca_cap, p, uctx_cap, MLX5_UCTX_CAP_RAW_TX |
		 MLX5_UCTX_CAP_INTERNAL_DEV_RES |
		 MLX5_FWCTL_UCTX_CAP_TOOLS_RESOURCES);
}

static void mlx5sim_caps_eth(void *p, bool max)
{
	MLX5_SET(per_protocol_networking_offload_caps, p, csum_cap, 1);
	MLX5_SET(per_protocol_networking_offload_caps, p, vlan_cap, 1);
	MLX5_SET(per_protocol_networking_offload_caps, p, lro_cap, 1);
	MLX5_SET(per_protocol_networking_offload_caps, p, max_lso_cap, 18);
	MLX5_SET(per_protocol_networking_offload_caps, p, rss_ind_tbl_cap,
		 max ? 11 : 8);
	MLX5_SET(per_protocol_networking_offload_caps, p, scatter_fcs, 1);
	MLX5_SET(per_protocol_networking_offload_caps, p,
		 tunnel_stateless_vxlan, 1);
	MLX5_SET(per_protocol_networking_offload_caps, p,
		 tunnel_stateless_gre, 1);
	MLX5_SET(per_protocol_networking_offload_caps, p, swp, 1);
	MLX5_SET(per_protocol_networking_offload_caps, p, max_vxlan_udp_ports,
		 4);
}

static void mlx5sim_caps_roce(void *p)
{
	MLX5_SET(roce_cap, p, roce_apm, 1);
	MLX5_SET(roce_cap, p, sw_r_roce_src_udp_port, 1);
	MLX5_SET(roce_cap, p, l3_type, 0x3);
	MLX5_SET(roce_cap, p, roce_version, 0x5);	/* v1 and v2 */
	MLX5_SET(roce_cap, p, r_roce_dest_udp_port, 4791);
	MLX5_SET(roce_cap, p, r_roce_max_src_udp_port, 0xffff);
	MLX5_SET(roce_cap, p, r_roce_min_src_udp_port, 0xc000);
	MLX5_SET(roce_cap, p, roce_address_table_size, 255);
}

static void mlx5sim_caps_general_2(void *p)
{
	MLX5_SET(cmd_hca_cap_2, p, max_reformat_insert_size, 0x80);
	MLX5_SET(cmd_hca_cap_2, p, max_reformat_insert_offset, 0xc0);
	MLX5_SET(cmd_hca_cap_2, p, log_min_mkey_entity_size, 12);
}

/* Sampling limits match what fw_diag.c accepts; counters 1..MAX, none sync. */
static void mlx5sim_caps_debug(void *p)
{
	u16 i;

	MLX5_SET(mlx5sim_debug_cap, p, core_dump_general, 1);
	MLX5_SET(mlx5sim_debug_cap, p, resource_dump, 1);
	MLX5_SET(mlx5sim_debug_cap, p, stall_detect, 1);
	MLX5_SET(mlx5sim_debug_cap, p, log_max_samples, MLX5SIM_DIAG_LOG_MAX_SAMPLES);
	MLX5_SET(mlx5sim_debug_cap, p, single, 1);
	MLX5_SET(mlx5sim_debug_cap, p, repetitive, 1);
	MLX5_SET(mlx5sim_debug_cap, p, log_min_sample_period, 0);
	for (i = 0; i < MLX5SIM_DIAG_MAX_ID; i++) {
		void *c = MLX5_ADDR_OF(mlx5sim_debug_cap, p, diagnostic_counter[i]);

		MLX5_SET(mlx5sim_diag_cntr_layout, c, counter_id, i + 1);
	}
}

void mlx5sim_caps_init(struct mlx5sim_fw *fw, u32 id)
{
	int mode;

	for (mode = 0; mode < 2; mode++) {
		bool max = mode == HCA_CAP_OPMOD_GET_MAX;

		mlx5sim_caps_general(fw->caps[MLX5SIM_CAP_GENERAL][mode], id,
				     max);
		mlx5sim_caps_eth(fw->caps[MLX5SIM_CAP_ETH][mode], max);
		mlx5sim_caps_roce(fw->caps[MLX5SIM_CAP_ROCE][mode]);
		mlx5sim_caps_general_2(fw->caps[MLX5SIM_CAP_GENERAL_2][mode]);
		mlx5sim_caps_debug(fw->caps[MLX5SIM_CAP_DEBUG][mode]);
	}
}

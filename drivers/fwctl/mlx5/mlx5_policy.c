// SPDX-License-Identifier: GPL-2.0
/*
 * Upstream mlx5_fwctl's allow-list as data. Commands that create, modify or
 * destroy firmware objects are absent: nothing would free what they create
 * when the file closes, so they are refused at every scope.
 */
#include "mlx5_policy.h"

#define CMD(op, nm, sc, sc0)						\
	{ .opcode = (op), .scope = (sc), .scope_op_mod0 = (sc0), .name = #nm }
#define CMD_CFG(op, nm) CMD(op, nm, FWCTL_RPC_CONFIGURATION, FWCTL_RPC_CONFIGURATION)
#define CMD_RO(op, nm) CMD(op, nm, FWCTL_RPC_DEBUG_READ_ONLY, FWCTL_RPC_DEBUG_READ_ONLY)
#define CMD_WR(op, nm) CMD(op, nm, FWCTL_RPC_DEBUG_WRITE, FWCTL_RPC_DEBUG_WRITE)
/* Register access: op_mod 0 writes (any scope), anything else reads. */
#define CMD_REG(op, nm) CMD(op, nm, FWCTL_RPC_DEBUG_READ_ONLY, FWCTL_RPC_CONFIGURATION)

const struct mlx5_fwctl_cmd_policy mlx5_fwctl_policy[] = {
	CMD_CFG(0x100, QUERY_HCA_CAP),
	CMD_CFG(0x101, QUERY_ADAPTER),
	CMD_RO(0x107, QUERY_PAGES),
	CMD_CFG(0x109, SET_HCA_CAP),
	CMD_RO(0x10a, QUERY_ISSI),
	CMD_RO(0x10c, QUERY_DRIVER_VERSION),
	CMD_CFG(0x10e, QUERY_OTHER_HCA_CAP),
	CMD_RO(0x111, QUERY_SF_PARTITION),
	CMD_RO(0x117, QUERY_VHCA_MIGRATION_STATE),
	CMD_RO(0x201, QUERY_MKEY),
	CMD_RO(0x203, QUERY_SPECIAL_CONTEXTS),
	CMD_RO(0x303, QUERY_EQ),
	CMD_RO(0x402, QUERY_CQ),
	CMD_RO(0x50b, QUERY_QP),
	CMD_RO(0x512, QUERY_RDB),
	CMD_RO(0x602, QUERY_PSV),
	CMD_RO(0x702, QUERY_SRQ),
	CMD_RO(0x707, QUERY_XRC_SRQ),
	CMD_RO(0x713, QUERY_DCT),
	CMD_RO(0x716, QUERY_DC_CNAK_TRACE),
	CMD_RO(0x719, QUERY_XRQ),
	CMD_RO(0x722, QUERY_NVMF_BACKEND_CONTROLLER),
	CMD_RO(0x725, QUERY_XRQ_DC_PARAMS_ENTRY),
	CMD_RO(0x727, QUERY_XRQ_ERROR_PARAMS),
	CMD_RO(0x728, QUERY_NVMF_NAMESPACE_CONTEXT),
	CMD_RO(0x730, QUERY_ADJACENT_FUNCTIONS_ID),
	CMD_CFG(0x731, DELEGATE_VHCA_MANAGEMENT),
	CMD_RO(0x732, QUERY_DELEGATED_VHCA),
	CMD_CFG(0x740, QUERY_ESW_FUNCTIONS),
	CMD_RO(0x750, QUERY_VPORT_STATE),
	CMD_RO(0x752, QUERY_ESW_VPORT_CONTEXT),
	CMD_RO(0x754, QUERY_NIC_VPORT_CONTEXT),
	CMD_CFG(0x760, QUERY_ROCE_ADDRESS),
	CMD_CFG(0x762, QUERY_HCA_VPORT_CONTEXT),
	CMD_RO(0x764, QUERY_HCA_VPORT_GID),
	CMD_RO(0x765, QUERY_HCA_VPORT_PKEY),
	CMD_RO(0x76f, QUERY_VNIC_ENV),
	CMD_RO(0x770, QUERY_VPORT_COUNTER),
	CMD_RO(0x773, QUERY_Q_COUNTER),
	CMD_RO(0x781, QUERY_RATE_LIMIT),
	CMD_RO(0x784, QUERY_SCHEDULING_ELEMENT),
	CMD_REG(0x805, ACCESS_REG),
	CMD_RO(0x80b, QUERY_MAD_DEMUX),
	CMD_RO(0x80d, NOP),
	CMD_RO(0x813, QUERY_BURST_SIZE),
	CMD_RO(0x819, QUERY_DIAGNOSTIC_PARAMS),
	CMD_WR(0x820, SET_DIAGNOSTIC_PARAMS),
	CMD_RO(0x821, QUERY_DIAGNOSTIC_COUNTERS),
	CMD_RO(0x822, QUERY_CONG_STATUS),
	CMD_CFG(0x823, MODIFY_CONG_STATUS),
	CMD_RO(0x824, QUERY_CONG_PARAMS),
	CMD_RO(0x826, QUERY_CONG_STATISTICS),
	CMD_RO(0x82a, QUERY_L2_TABLE_ENTRY),
	CMD_RO(0x831, QUERY_WOL_ROL),
	CMD_RO(0x842, QUERY_LAG),
	CMD_RO(0x903, QUERY_TIR),
	CMD_RO(0x907, QUERY_SQ),
	CMD_RO(0x90b, QUERY_RQ),
	CMD_RO(0x90f, QUERY_RMP),
	CMD_RO(0x911, QUERY_DELAY_DROP_PARAMS),
	CMD_RO(0x915, QUERY_TIS),
	CMD_RO(0x919, QUERY_RQT),
	CMD_RO(0x932, QUERY_FLOW_TABLE),
	CMD_RO(0x935, QUERY_FLOW_GROUP),
	CMD_RO(0x937, QUERY_FLOW_TABLE_ENTRY),
	CMD_RO(0x93b, QUERY_FLOW_COUNTER),
	CMD_RO(0x93f, QUERY_PACKET_REFORMAT_CONTEXT),
	CMD_RO(0x942, QUERY_MODIFY_HEADER_CONTEXT),
	CMD_RO(0x962, FPGA_QUERY_QP),
	CMD_RO(0x964, FPGA_QUERY_QP_COUNTERS),
	CMD_RO(0x971, QUERY_AFU),
	CMD_RO(0x981, QUERY_CAPI_PEC),
	CMD_RO(0xa02, QUERY_GENERAL_OBJECT),
	CMD_RO(0xa05, QUERY_UCTX),
	CMD_RO(0xa09, QUERY_UMEM),
	CMD_RO(0xb02, QUERY_NVMF_CC_RESPONSE),
	CMD_RO(0xb03, QUERY_EMULATED_FUNCTIONS_INFO),
	CMD_RO(0xb05, QUERY_REGEXP_PARAMS),
	CMD_RO(0xb07, QUERY_REGEXP_REGISTER),
	CMD_RO(0xb08, USER_QUERY_XRQ_DC_PARAMS_ENTRY),
	CMD_RO(0xb0a, USER_QUERY_XRQ_ERROR_PARAMS),
	CMD_REG(0xb0c, ACCESS_REGISTER_USER),
	CMD_RO(0xb0d, QUERY_VHCA_STATE),
	CMD_RO(0xb0f, QUERY_EMULATION_DEVICE_EQ_MSIX_MAPPING),
	CMD_RO(0xb13, QUERY_MATCH_SAMPLE_INFO),
	CMD_RO(0xb14, QUERY_CRYPTO_STATE),
	CMD_CFG(0xb22, QUERY_VUID),
	CMD_RO(0xb28, QUERY_DPA_PARTITION),
	CMD_RO(0xb2a, QUERY_DPA_PARTITIONS),
	CMD_CFG(0xb2e, POSTPONE_CONNECTED_QP_TIMEOUT),
	CMD_RO(0xb2f, QUERY_EMULATED_RESOURCES_INFO),
	CMD_RO(0x8000, QUERY_RSV_RESOURCES),
	CMD_RO(0x8001, QUERY_MTT),
	CMD_RO(0x8006, QUERY_SCHED_QUEUE),
};

const unsigned int mlx5_fwctl_policy_len = ARRAY_SIZE(mlx5_fwctl_policy);

/**
 * mlx5_fwctl_policy_find - the allow-list entry of a PRM opcode
 * @opcode: the PRM opcode
 *
 * Return: the entry, or NULL when the opcode is refused at every scope.
 */
const struct mlx5_fwctl_cmd_policy *mlx5_fwctl_policy_find(__u16 opcode)
{
	unsigned int lo = 0, hi = mlx5_fwctl_policy_len;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;
		__u16 op = mlx5_fwctl_policy[mid].opcode;

		if (op == opcode)
			return &mlx5_fwctl_policy[mid];
		if (op < opcode)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/**
 * mlx5_fwctl_min_scope - the lowest scope that may send a command
 * @opcode: the PRM opcode (bits 31..16 of the first mailbox dword)
 * @op_mod: the opcode modifier (bits 15..0 of the second dword)
 *
 * Return: an enum fwctl_rpc_scope, or -1 when no scope may send it.
 */
int mlx5_fwctl_min_scope(__u16 opcode, __u16 op_mod)
{
	const struct mlx5_fwctl_cmd_policy *p = mlx5_fwctl_policy_find(opcode);

	if (!p)
		return -1;
	return op_mod ? p->scope : p->scope_op_mod0;
}

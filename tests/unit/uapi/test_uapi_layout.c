// SPDX-License-Identifier: GPL-2.0
/*
 * Pins the fwctl uAPI to upstream Linux 6.15+ (values taken from the
 * reference, not from the header under test), mlx5's device data, and the
 * fwctl_sim format and the SAP host's fwctl format.
 */
#include <stddef.h>
#include <fwctl/fwctl.h>
#include <fwctl/fwctl_sim.h>
#include <fwctl/mlx5.h>
#include <fwctl/sap.h>
#include "tap.h"

#define FIELD(s, f, off, sz) do {					\
	tap_eq(offsetof(struct s, f), off, #s "." #f " at offset " #off); \
	tap_eq(sizeof(((struct s *)0)->f), sz, #s "." #f " is " #sz " bytes"); \
} while (0)

int main(void)
{
	tap_start();
	tap_eq(FWCTL_TYPE, 0x9A, "ioctl type byte 0x9A");
	tap_eq(FWCTL_CMD_BASE, 0, "FWCTL_CMD_BASE 0");
	tap_eq(FWCTL_CMD_INFO, 0, "FWCTL_CMD_INFO 0");
	tap_eq(FWCTL_CMD_RPC, 1, "FWCTL_CMD_RPC 1");
	tap_eq(FWCTL_INFO, 0x9A00, "FWCTL_INFO = _IO(0x9A, 0) = 0x9A00");
	tap_eq(FWCTL_RPC, 0x9A01, "FWCTL_RPC = _IO(0x9A, 1) = 0x9A01");

	tap_eq(FWCTL_DEVICE_TYPE_ERROR, 0, "DEVICE_TYPE_ERROR 0");
	tap_eq(FWCTL_DEVICE_TYPE_MLX5, 1, "DEVICE_TYPE_MLX5 1");
	tap_eq(FWCTL_DEVICE_TYPE_CXL, 2, "DEVICE_TYPE_CXL 2");
	tap_eq(FWCTL_DEVICE_TYPE_BNXT, 3, "DEVICE_TYPE_BNXT 3");
	tap_eq(FWCTL_DEVICE_TYPE_PDS, 4, "DEVICE_TYPE_PDS 4");
	tap_ok(FWCTL_DEVICE_TYPE_FWGATE_SIM > 0xff, "the sim's type is far from upstream's sequential numbers");

	tap_eq(FWCTL_RPC_CONFIGURATION, 0, "scope CONFIGURATION 0");
	tap_eq(FWCTL_RPC_DEBUG_READ_ONLY, 1, "scope DEBUG_READ_ONLY 1");
	tap_eq(FWCTL_RPC_DEBUG_WRITE, 2, "scope DEBUG_WRITE 2");
	tap_eq(FWCTL_RPC_DEBUG_WRITE_FULL, 3, "scope DEBUG_WRITE_FULL 3");

	tap_eq(sizeof(struct fwctl_info), 24, "struct fwctl_info is 24 bytes");
	tap_eq(_Alignof(struct fwctl_info), 8, "struct fwctl_info is 8-byte aligned");
	FIELD(fwctl_info, size, 0, 4);
	FIELD(fwctl_info, flags, 4, 4);
	FIELD(fwctl_info, out_device_type, 8, 4);
	FIELD(fwctl_info, device_data_len, 12, 4);
	FIELD(fwctl_info, out_device_data, 16, 8);

	tap_eq(sizeof(struct fwctl_rpc), 32, "struct fwctl_rpc is 32 bytes");
	tap_eq(_Alignof(struct fwctl_rpc), 8, "struct fwctl_rpc is 8-byte aligned");
	FIELD(fwctl_rpc, size, 0, 4);
	FIELD(fwctl_rpc, scope, 4, 4);
	FIELD(fwctl_rpc, in_len, 8, 4);
	FIELD(fwctl_rpc, out_len, 12, 4);
	FIELD(fwctl_rpc, in, 16, 8);
	FIELD(fwctl_rpc, out, 24, 8);

	/* mlx5: upstream's struct fwctl_info_mlx5 */
	tap_eq(sizeof(struct fwctl_info_mlx5), 8, "struct fwctl_info_mlx5 is 8 bytes");
	tap_eq(_Alignof(struct fwctl_info_mlx5), 4, "struct fwctl_info_mlx5 is 4-byte aligned");
	FIELD(fwctl_info_mlx5, uid, 0, 4);
	FIELD(fwctl_info_mlx5, uctx_caps, 4, 4);

	/* fwctl_sim: our own format, pinned so the CLI and driver agree */
	tap_eq(FWCTL_DEVICE_TYPE_FWGATE_SIM, 0xf5a1, "sim device type 0xf5a1");
	tap_eq(sizeof(struct fwctl_info_sim), 16, "fwctl_info_sim is 16 bytes");
	tap_eq(sizeof(struct fwctl_sim_req), 16, "fwctl_sim_req header is 16 bytes");
	FIELD(fwctl_sim_req, opcode, 0, 4);
	FIELD(fwctl_sim_req, arg0, 4, 4);
	FIELD(fwctl_sim_req, arg1, 8, 4);
	FIELD(fwctl_sim_req, rsvd, 12, 4);
	tap_eq(sizeof(struct fwctl_sim_resp), 16, "fwctl_sim_resp header is 16 bytes");
	FIELD(fwctl_sim_resp, status, 0, 4);
	FIELD(fwctl_sim_resp, opcode, 4, 4);
	FIELD(fwctl_sim_resp, len, 8, 4);
	FIELD(fwctl_sim_resp, syndrome, 12, 4);
	tap_eq(sizeof(struct fwctl_sim_identify), 64, "fwctl_sim_identify is 64 bytes");
	tap_eq(sizeof(struct fwctl_sim_counters), 64, "fwctl_sim_counters is 64 bytes");
	tap_eq(FWCTL_SIM_OP_LOG_DUMP, 0x21, "LOG_DUMP opcode 0x21");
	tap_eq(FWCTL_SIM_OP_MEM_WRITE, 0x40, "MEM_WRITE opcode 0x40");
	tap_eq(FWCTL_SIM_STATUS_INJECTED, 6, "status INJECTED 6");

	/* fwctl_sap: our own format, pinned so the CLI and driver agree */
	tap_eq(FWCTL_DEVICE_TYPE_FWGATE_SAP, 0xf5a2, "sap device type 0xf5a2");
	tap_ok(FWCTL_DEVICE_TYPE_FWGATE_SAP != FWCTL_DEVICE_TYPE_FWGATE_SIM,
	       "sap and sim device types differ");
	tap_eq(sizeof(struct fwctl_info_sap), 24, "fwctl_info_sap is 24 bytes");
	tap_eq(sizeof(struct fwctl_sap_req), 16, "fwctl_sap_req header is 16 bytes");
	FIELD(fwctl_sap_req, hdr_len, 0, 4);
	FIELD(fwctl_sap_req, op, 4, 4);
	FIELD(fwctl_sap_req, flags, 8, 4);
	FIELD(fwctl_sap_req, arg0, 12, 4);
	tap_eq(sizeof(struct fwctl_sap_resp), 24, "fwctl_sap_resp header is 24 bytes");
	FIELD(fwctl_sap_resp, hdr_len, 0, 4);
	FIELD(fwctl_sap_resp, op, 4, 4);
	FIELD(fwctl_sap_resp, status, 8, 4);
	FIELD(fwctl_sap_resp, why, 12, 4);
	FIELD(fwctl_sap_resp, len, 16, 4);
	tap_eq(sizeof(struct fwctl_sap_status), 112, "fwctl_sap_status is 112 bytes");
	FIELD(fwctl_sap_status, country, 24, 2);
	FIELD(fwctl_sap_status, ssid, 32, 32);
	FIELD(fwctl_sap_status, power_limit, 82, 20);
	FIELD(fwctl_sap_status, own_age_ms, 108, 4);
	tap_eq(sizeof(struct fwctl_sap_counter), 48, "fwctl_sap_counter is 48 bytes");
	tap_eq(sizeof(struct fwctl_sap_counters), 8, "fwctl_sap_counters header is 8 bytes");
	tap_eq(sizeof(struct fwctl_sap_log_entry), 32, "fwctl_sap_log_entry is 32 bytes");
	FIELD(fwctl_sap_log_entry, type, 20, 2);
	FIELD(fwctl_sap_log_entry, verdict, 22, 2);
	FIELD(fwctl_sap_log_entry, dir, 24, 1);
	FIELD(fwctl_sap_log_entry, queue, 25, 1);
	tap_eq(sizeof(struct fwctl_sap_log), 16, "fwctl_sap_log header is 16 bytes");
	tap_eq(sizeof(struct fwctl_sap_rings), 72, "fwctl_sap_rings is 72 bytes");
	tap_eq(FWCTL_SAP_OP_STATUS, 0x1, "STATUS op 0x1");
	tap_eq(FWCTL_SAP_OP_LOG, 0x10, "LOG op 0x10");
	tap_eq(FWCTL_SAP_OP_OWN_REQUEST, 0x20, "OWN_REQUEST op 0x20");
	tap_eq(FWCTL_SAP_OP_RAW, 0x30, "RAW op 0x30");
	tap_eq(FWCTL_SAP_WHY_GOING_DOWN, 9, "why GOING_DOWN 9");
	return tap_end();
}

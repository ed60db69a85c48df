/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoint of mlx5_fwctl: system "mlx5_fwctl".
 *
 *  mlx5_fwctl_cmd  every command a file sent: device, opcode, op_mod, the
 *                  uid it ran under, the firmware's status and syndrome,
 *                  and the result (0, or -EBADMSG when the allow-list
 *                  refused it, or the transport's errno)
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM mlx5_fwctl

#if !defined(MLX5_FWCTL_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define MLX5_FWCTL_TRACE_H

#include <linux/device.h>
#include <linux/tracepoint.h>

TRACE_EVENT(mlx5_fwctl_cmd,
	    TP_PROTO(const struct device *dev, u16 opcode, u16 op_mod,
		     u16 uid, u8 status, u32 syndrome, int result),
	    TP_ARGS(dev, opcode, op_mod, uid, status, syndrome, result),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u16, opcode)
			     __field(u16, op_mod)
			     __field(u16, uid)
			     __field(u8, status)
			     __field(u32, syndrome)
			     __field(int, result)),
	    TP_fast_assign(__assign_str(dev, dev_name(dev));
			   __entry->opcode = opcode;
			   __entry->op_mod = op_mod;
			   __entry->uid = uid;
			   __entry->status = status;
			   __entry->syndrome = syndrome;
			   __entry->result = result;),
	    TP_printk("%s opcode=0x%x op_mod=0x%x uid=%u status=0x%x syndrome=0x%x result=%d",
		      __get_str(dev), __entry->opcode, __entry->op_mod,
		      __entry->uid, __entry->status, __entry->syndrome,
		      __entry->result)
);

#endif /* MLX5_FWCTL_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>

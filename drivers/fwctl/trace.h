/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoint of the fwctl core: system "fwctl".
 *
 *  fwctl_rpc  every FWCTL_RPC that reached a device: device, scope, request
 *             and response lengths, result (0 or -errno) and the caller
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM fwctl

#if !defined(FWCTL_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define FWCTL_TRACE_H

#include <linux/device.h>
#include <linux/sched.h>
#include <linux/tracepoint.h>

TRACE_EVENT(fwctl_rpc,
	    TP_PROTO(const struct device *dev, u32 scope, u32 in_len,
		     u32 out_len, int result),
	    TP_ARGS(dev, scope, in_len, out_len, result),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u32, scope)
			     __field(u32, in_len)
			     __field(u32, out_len)
			     __field(int, result)
			     __field(pid_t, pid)
			     __array(char, comm, TASK_COMM_LEN)),
	    TP_fast_assign(__assign_str(dev, dev_name(dev));
			   __entry->scope = scope;
			   __entry->in_len = in_len;
			   __entry->out_len = out_len;
			   __entry->result = result;
			   __entry->pid = task_pid_nr(current);
			   memcpy(__entry->comm, current->comm, TASK_COMM_LEN);),
	    TP_printk("%s scope=%u in_len=%u out_len=%u result=%d pid=%d comm=%s",
		      __get_str(dev), __entry->scope, __entry->in_len,
		      __entry->out_len, __entry->result, __entry->pid,
		      __entry->comm)
);

#endif /* FWCTL_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>

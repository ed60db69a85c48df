/* SPDX-License-Identifier: GPL-2.0 */
/* Tracepoints of sap_host: system "sap_host".
 *
 *  sap_host_me_msg  ME-level messages (START, START_OK, doorbells)
 *  sap_host_msg     SAP notifications, with their bytes
 *  sap_host_data    data frames between the air and CSME
 *  sap_host_state   session state changes
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM sap_host

#if !defined(SAP_HOST_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define SAP_HOST_TRACE_H

#include <linux/tracepoint.h>

#ifndef SAP_DATA_KINDS_DEFINED
#define SAP_DATA_KINDS_DEFINED
/* Kinds of sap_host_data events. */
enum sap_data_kind {
	SAP_DATA_FROM_CSME,	/* CSME frame transmitted by the host */
	SAP_DATA_TO_CSME,	/* copy of an air frame given to CSME */
	SAP_DATA_RX_CONSUMED,	/* air frame for CSME only */
	SAP_DATA_DHCP,		/* copy of the host's DHCP request */
};
#endif

TRACE_EVENT(sap_host_me_msg,
	    TP_PROTO(bool tx, u32 type, u32 seq, u32 len),
	    TP_ARGS(tx, type, seq, len),
	    TP_STRUCT__entry(__field(bool, tx)
			     __field(u32, type)
			     __field(u32, seq)
			     __field(u32, len)),
	    TP_fast_assign(__entry->tx = tx;
			   __entry->type = type;
			   __entry->seq = seq;
			   __entry->len = len;),
	    TP_printk("%s type=%u seq=%u len=%u", __entry->tx ? "tx" : "rx",
		      __entry->type, __entry->seq, __entry->len)
);

TRACE_EVENT(sap_host_msg,
	    TP_PROTO(bool tx, const void *msg, u32 len),
	    TP_ARGS(tx, msg, len),
	    TP_STRUCT__entry(__field(bool, tx)
			     __field(u16, type)
			     __field(u16, plen)
			     __field(u32, seq)
			     __dynamic_array(u8, bytes, len)),
	    TP_fast_assign(const struct sap_hdr *hdr = msg;

			   __entry->tx = tx;
			   __entry->type = le16_to_cpu(hdr->type);
			   __entry->plen = le16_to_cpu(hdr->len);
			   __entry->seq = le32_to_cpu(hdr->seq_num);
			   memcpy(__get_dynamic_array(bytes), msg, len);),
	    TP_printk("%s type=%u len=%u seq=%u", __entry->tx ? "tx" : "rx",
		      __entry->type, __entry->plen, __entry->seq)
);

TRACE_EVENT(sap_host_data,
	    TP_PROTO(int kind, u32 len),
	    TP_ARGS(kind, len),
	    TP_STRUCT__entry(__field(int, kind)
			     __field(u32, len)),
	    TP_fast_assign(__entry->kind = kind;
			   __entry->len = len;),
	    TP_printk("%s len=%u",
		      __print_symbolic(__entry->kind,
				       { SAP_DATA_FROM_CSME, "from-csme" },
				       { SAP_DATA_TO_CSME, "to-csme" },
				       { SAP_DATA_RX_CONSUMED, "consumed" },
				       { SAP_DATA_DHCP, "dhcp" }),
		      __entry->len)
);

TRACE_EVENT(sap_host_state,
	    TP_PROTO(const char *from, const char *to),
	    TP_ARGS(from, to),
	    TP_STRUCT__entry(__string(from, from)
			     __string(to, to)),
	    TP_fast_assign(__assign_str(from, from);
			   __assign_str(to, to);),
	    TP_printk("%s -> %s", __get_str(from), __get_str(to))
);

#endif /* SAP_HOST_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>

// SPDX-License-Identifier: GPL-2.0
/* Names of the SAP core reason codes: a sentence for logs and a short
 * identifier for counter keys.
 */
#include "sap_reason.h"

static const char * const sap_reason_names[SAP_R_COUNT] = {
	[SAP_OK]		= "ok",
	[SAP_R_EMPTY]		= "ring empty",
	[SAP_R_INVAL]		= "invalid argument",
	[SAP_R_NO_SPACE]	= "output buffer too small",
	[SAP_R_RING_PTR_RANGE]	= "ring pointer out of range",
	[SAP_R_RING_OWN_PTR]	= "peer modified our ring pointer",
	[SAP_R_RING_TRUNC_HDR]	= "ring holds a truncated header",
	[SAP_R_RING_OVERRUN]	= "message length overruns published data",
	[SAP_R_RING_FULL]	= "ring full",
	[SAP_R_MSG_TOO_BIG]	= "message too big",
	[SAP_R_TRUNC_HDR]	= "truncated header",
	[SAP_R_LEN_MISMATCH]	= "header length mismatch",
	[SAP_R_UNKNOWN_TYPE]	= "unknown message type",
	[SAP_R_WRONG_DIR]	= "message type not allowed in this direction",
	[SAP_R_WRONG_QUEUE]	= "message type not allowed in this queue",
	[SAP_R_SHORT_PAYLOAD]	= "payload too short",
	[SAP_R_BAD_FIELD]	= "field value out of range",
	[SAP_R_BAD_SSID_LEN]	= "ssid length too big",
	[SAP_R_BAD_VERSION]	= "unsupported SAP version",
	[SAP_R_DATA_TOO_SHORT]	= "data packet shorter than an Ethernet header",
	[SAP_R_AREA_TOO_SMALL]	= "shared area too small",
	[SAP_R_AREA_BAD_MAGIC]	= "shared area magic missing",
	[SAP_R_AREA_BAD_LAYOUT]	= "shared area layout unexpected",
};

/**
 * sap_reason_str() - describe a reason code
 * @r: reason code
 *
 * Return: a static string, never NULL; "unknown reason" for values outside
 * the enum.
 */
const char *sap_reason_str(enum sap_reason r)
{
	if ((unsigned int)r >= SAP_R_COUNT || !sap_reason_names[r])
		return "unknown reason";
	return sap_reason_names[r];
}

static const char * const sap_reason_ids[SAP_R_COUNT] = {
	[SAP_OK]		= "ok",
	[SAP_R_EMPTY]		= "empty",
	[SAP_R_INVAL]		= "inval",
	[SAP_R_NO_SPACE]	= "no_space",
	[SAP_R_RING_PTR_RANGE]	= "ring_ptr_range",
	[SAP_R_RING_OWN_PTR]	= "ring_own_ptr",
	[SAP_R_RING_TRUNC_HDR]	= "ring_trunc_hdr",
	[SAP_R_RING_OVERRUN]	= "ring_overrun",
	[SAP_R_RING_FULL]	= "ring_full",
	[SAP_R_MSG_TOO_BIG]	= "msg_too_big",
	[SAP_R_TRUNC_HDR]	= "trunc_hdr",
	[SAP_R_LEN_MISMATCH]	= "len_mismatch",
	[SAP_R_UNKNOWN_TYPE]	= "unknown_type",
	[SAP_R_WRONG_DIR]	= "wrong_dir",
	[SAP_R_WRONG_QUEUE]	= "wrong_queue",
	[SAP_R_SHORT_PAYLOAD]	= "short_payload",
	[SAP_R_BAD_FIELD]	= "bad_field",
	[SAP_R_BAD_SSID_LEN]	= "bad_ssid_len",
	[SAP_R_BAD_VERSION]	= "bad_version",
	[SAP_R_DATA_TOO_SHORT]	= "data_too_short",
	[SAP_R_AREA_TOO_SMALL]	= "area_too_small",
	[SAP_R_AREA_BAD_MAGIC]	= "area_bad_magic",
	[SAP_R_AREA_BAD_LAYOUT]	= "area_bad_layout",
};

/**
 * sap_reason_id() - short identifier of a reason code
 * @r: reason code
 *
 * The identifier is lower case, without spaces, and stable: it names the
 * code in counter files and JSON keys.
 *
 * Return: a static string, never NULL; "unknown" for values outside the
 * enum.
 */
const char *sap_reason_id(enum sap_reason r)
{
	if ((unsigned int)r >= SAP_R_COUNT || !sap_reason_ids[r])
		return "unknown";
	return sap_reason_ids[r];
}

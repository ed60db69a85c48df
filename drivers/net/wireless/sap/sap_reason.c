// SPDX-License-Identifier: GPL-2.0
/* Names of the SAP core reason codes: a short identifier for counter keys
 * and a sentence for logs.
 */
#include "sap_reason.h"

struct sap_reason_name {
	const char *id;
	const char *desc;
};

static const struct sap_reason_name sap_reason_names[SAP_R_COUNT] = {
	[SAP_OK] = { "ok", "ok" },
	[SAP_R_EMPTY] = { "empty", "ring empty" },
	[SAP_R_INVAL] = { "inval", "invalid argument" },
	[SAP_R_NO_SPACE] = { "no_space", "output buffer too small" },
	[SAP_R_RING_PTR_RANGE] = { "ring_ptr_range", "ring pointer out of range" },
	[SAP_R_RING_OWN_PTR] = { "ring_own_ptr", "peer modified our ring pointer" },
	[SAP_R_RING_TRUNC_HDR] = { "ring_trunc_hdr", "ring holds a truncated header" },
	[SAP_R_RING_OVERRUN] = { "ring_overrun", "message length overruns published data" },
	[SAP_R_RING_FULL] = { "ring_full", "ring full" },
	[SAP_R_MSG_TOO_BIG] = { "msg_too_big", "message too big" },
	[SAP_R_TRUNC_HDR] = { "trunc_hdr", "truncated header" },
	[SAP_R_LEN_MISMATCH] = { "len_mismatch", "header length mismatch" },
	[SAP_R_UNKNOWN_TYPE] = { "unknown_type", "unknown message type" },
	[SAP_R_WRONG_DIR] = { "wrong_dir", "message type not allowed in this direction" },
	[SAP_R_WRONG_QUEUE] = { "wrong_queue", "message type not allowed in this queue" },
	[SAP_R_SHORT_PAYLOAD] = { "short_payload", "payload too short" },
	[SAP_R_BAD_FIELD] = { "bad_field", "field value out of range" },
	[SAP_R_BAD_SSID_LEN] = { "bad_ssid_len", "ssid length too big" },
	[SAP_R_BAD_VERSION] = { "bad_version", "unsupported SAP version" },
	[SAP_R_DATA_TOO_SHORT] = { "data_too_short",
				   "data packet shorter than an Ethernet header" },
	[SAP_R_AREA_TOO_SMALL] = { "area_too_small", "shared area too small" },
	[SAP_R_AREA_BAD_MAGIC] = { "area_bad_magic", "shared area magic missing" },
	[SAP_R_AREA_BAD_LAYOUT] = { "area_bad_layout", "shared area layout unexpected" },
};

static const struct sap_reason_name *sap_reason_name(enum sap_reason r)
{
	if ((unsigned int)r >= SAP_R_COUNT || !sap_reason_names[r].id)
		return NULL;
	return &sap_reason_names[r];
}

/**
 * sap_reason_str() - describe a reason code
 * @r: reason code
 *
 * Return: a static string, never NULL; "unknown reason" for values outside
 * the enum.
 */
const char *sap_reason_str(enum sap_reason r)
{
	const struct sap_reason_name *n = sap_reason_name(r);

	return n ? n->desc : "unknown reason";
}

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
	const struct sap_reason_name *n = sap_reason_name(r);

	return n ? n->id : "unknown";
}

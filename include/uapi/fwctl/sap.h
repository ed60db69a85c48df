/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * fwctl_sap: RPC format of the SAP host's fwctl device (CSME over fwctl).
 *
 * While sap_host has a transport to the CSME firmware (the MEI client or
 * sap_sim) it registers a fwctl device whose parent is that transport's
 * device. The device reports FWCTL_DEVICE_TYPE_FWGATE_SAP, a value far above
 * the small numbers upstream allocates in order (like the simulated
 * device's FWCTL_DEVICE_TYPE_FWGATE_SIM), so it is never mistaken for a
 * real device type.
 *
 * Every request starts with struct fwctl_sap_req, every response with
 * struct fwctl_sap_resp; all fields are in host byte order. Both headers
 * are size-extensible: @hdr_len says how long the header is, and the
 * payload follows it. A future version may append fields to a header or
 * to a payload struct; readers use the lengths, never sizeof().
 *
 * The driver refuses, with an errno:
 *  EINVAL     in_len below the request header, @hdr_len below
 *	       sizeof(struct fwctl_sap_req) or beyond in_len, @flags not
 *	       zero, an argument out of range, a RAW payload that is not one
 *	       well-formed host notification
 *  E2BIG      non-zero bytes in a request header longer than this one
 *  EOPNOTSUPP an op not in enum fwctl_sap_op
 *  EPERM      an op issued under a scope lower than its minimum (table in
 *	       docs/sap-fwctl.md and at enum fwctl_sap_op)
 *  ENOSPC     out_len too small for the response header
 *  ENODEV     the transport went away (the file stays open, only close()
 *	       helps; a new device appears when a transport comes back)
 * A request that reaches the SAP host but cannot be served in the current
 * state is not an ioctl error: FWCTL_RPC returns 0 and the response header
 * says why, in @status (the positive errno it amounts to: EAGAIN retry
 * later, EBUSY refused, ETIMEDOUT no answer from CSME) and @why (a
 * enum fwctl_sap_why value).
 */
#ifndef _UAPI_FWCTL_SAP_H
#define _UAPI_FWCTL_SAP_H

#include <linux/types.h>

#define FWCTL_DEVICE_TYPE_FWGATE_SAP 0xf5a2

/**
 * struct fwctl_info_sap - FWCTL_INFO device data
 * @sap_version: SAP version of the session, 0 without one
 * @log_capacity: entries the flight recorder keeps
 * @transport: NUL-terminated transport name ("sap_sim", "mei")
 */
struct fwctl_info_sap {
	__u32 sap_version;
	__u32 log_capacity;
	char transport[16];
};

/**
 * enum fwctl_sap_op - requests and their minimum scope
 * @FWCTL_SAP_OP_STATUS: configuration; returns struct fwctl_sap_status
 * @FWCTL_SAP_OP_COUNTERS: configuration; returns struct fwctl_sap_counters
 * @FWCTL_SAP_OP_FILTERS: configuration; returns struct fwctl_sap_filters
 * @FWCTL_SAP_OP_LOG: debug read-only; @arg0 is the first record number
 *	wanted (older ones are skipped); returns struct fwctl_sap_log with as
 *	many records as fit
 * @FWCTL_SAP_OP_RINGS: debug read-only; returns struct fwctl_sap_rings
 * @FWCTL_SAP_OP_OWN_REQUEST: debug write; ask CSME for the NIC and wait
 *	for the answer (as the WLAN driver does)
 * @FWCTL_SAP_OP_OWN_GIVE: debug write; confirm a hand-over of the NIC to
 *	CSME that CSME asked for (CSME_TAKING_OWNERSHIP) and that waits for
 *	the driver; the host cannot give the NIC unasked in SAP
 * @FWCTL_SAP_OP_PING: debug write; ask CSME who owns the NIC and wait for
 *	any notification back; returns struct fwctl_sap_ping
 * @FWCTL_SAP_OP_RESTART: debug write; send START again while the handshake
 *	waits for START_OK
 * @FWCTL_SAP_OP_RAW: debug write-full; the payload is one host
 *	notification (SAP header and body, 8 to 128 bytes), sent as is except
 *	for the sequence number, which the host stamps
 */
enum fwctl_sap_op {
	FWCTL_SAP_OP_STATUS = 0x0001,
	FWCTL_SAP_OP_COUNTERS = 0x0002,
	FWCTL_SAP_OP_FILTERS = 0x0003,
	FWCTL_SAP_OP_LOG = 0x0010,
	FWCTL_SAP_OP_RINGS = 0x0011,
	FWCTL_SAP_OP_OWN_REQUEST = 0x0020,
	FWCTL_SAP_OP_OWN_GIVE = 0x0021,
	FWCTL_SAP_OP_PING = 0x0022,
	FWCTL_SAP_OP_RESTART = 0x0023,
	FWCTL_SAP_OP_RAW = 0x0030,
};

/**
 * enum fwctl_sap_why - why a request could not be served (@why)
 * @FWCTL_SAP_WHY_NONE: it was served
 * @FWCTL_SAP_WHY_NO_DRIVER: no WLAN driver uses SAP, so no session is open
 *	(EAGAIN)
 * @FWCTL_SAP_WHY_NO_SESSION: the handshake has not completed (EAGAIN)
 * @FWCTL_SAP_WHY_NO_AMT: CSME has no wireless AMT: the host owns the NIC
 *	and there is nothing to ask for (served, @status 0)
 * @FWCTL_SAP_WHY_DENIED: CSME denied the NIC (EBUSY)
 * @FWCTL_SAP_WHY_TIMEOUT: CSME did not answer in time (ETIMEDOUT)
 * @FWCTL_SAP_WHY_NOT_ASKED: CSME did not ask for the NIC (EBUSY)
 * @FWCTL_SAP_WHY_SESSION_UP: the handshake is done; restarting it is the
 *	firmware reset path's job (EBUSY)
 * @FWCTL_SAP_WHY_RING_FULL: CSME does not drain the ring (EAGAIN)
 * @FWCTL_SAP_WHY_GOING_DOWN: the session is closing (EAGAIN)
 */
enum fwctl_sap_why {
	FWCTL_SAP_WHY_NONE = 0,
	FWCTL_SAP_WHY_NO_DRIVER = 1,
	FWCTL_SAP_WHY_NO_SESSION = 2,
	FWCTL_SAP_WHY_NO_AMT = 3,
	FWCTL_SAP_WHY_DENIED = 4,
	FWCTL_SAP_WHY_TIMEOUT = 5,
	FWCTL_SAP_WHY_NOT_ASKED = 6,
	FWCTL_SAP_WHY_SESSION_UP = 7,
	FWCTL_SAP_WHY_RING_FULL = 8,
	FWCTL_SAP_WHY_GOING_DOWN = 9,
};

/**
 * struct fwctl_sap_req - request header
 * @hdr_len: sizeof(struct fwctl_sap_req) as compiled into the caller
 * @op: an enum fwctl_sap_op value
 * @flags: must be 0
 * @arg0: argument, meaning per op
 * @payload: op-specific data, at @hdr_len (RAW only)
 */
struct fwctl_sap_req {
	__u32 hdr_len;
	__u32 op;
	__u32 flags;
	__u32 arg0;
	__u8 payload[];
};

/**
 * struct fwctl_sap_resp - response header
 * @hdr_len: sizeof(struct fwctl_sap_resp) of the kernel
 * @op: the op of the request
 * @status: 0 served, else a positive errno saying why not (see above)
 * @why: enum fwctl_sap_why
 * @len: bytes of payload following the header (the full size; only what
 *	fits in out_len was copied)
 * @rsvd: zero
 * @payload: op-specific data, at @hdr_len
 */
struct fwctl_sap_resp {
	__u32 hdr_len;
	__u32 op;
	__u32 status;
	__u32 why;
	__u32 len;
	__u32 rsvd;
	__u8 payload[];
};

/**
 * enum fwctl_sap_state - session state of struct fwctl_sap_status
 * @FWCTL_SAP_STATE_UNBOUND: no transport (never seen through the device)
 * @FWCTL_SAP_STATE_IDLE: transport bound, no WLAN driver, no session
 * @FWCTL_SAP_STATE_STARTING: START sent, waiting for START_OK
 * @FWCTL_SAP_STATE_CONNECTED: handshake done, no wireless AMT
 * @FWCTL_SAP_STATE_ACTIVE: handshake done, wireless AMT enabled
 * @FWCTL_SAP_STATE_GOING_DOWN: HOST_GOES_DOWN sent
 */
enum fwctl_sap_state {
	FWCTL_SAP_STATE_UNBOUND = 0,
	FWCTL_SAP_STATE_IDLE = 1,
	FWCTL_SAP_STATE_STARTING = 2,
	FWCTL_SAP_STATE_CONNECTED = 3,
	FWCTL_SAP_STATE_ACTIVE = 4,
	FWCTL_SAP_STATE_GOING_DOWN = 5,
};

/* struct fwctl_sap_status flags */
#define FWCTL_SAP_F_AMT			(1U << 0) /* CSME: wireless AMT on */
#define FWCTL_SAP_F_HOST_OWNS		(1U << 1) /* the host owns the NIC */
#define FWCTL_SAP_F_CSME_TAKING		(1U << 2) /* hand-over to CSME pending */
#define FWCTL_SAP_F_DRIVER		(1U << 3) /* a WLAN driver is registered */
#define FWCTL_SAP_F_DEVICE_UP		(1U << 4) /* its device runs */
#define FWCTL_SAP_F_LINK_UP		(1U << 5) /* host associated (link info) */
#define FWCTL_SAP_F_COUNTRY		(1U << 6) /* @country is valid */
#define FWCTL_SAP_F_POWER_LIMIT		(1U << 7) /* @power_limit is valid */
#define FWCTL_SAP_F_FILTERS		(1U << 8) /* CSME sent filters */

/**
 * struct fwctl_sap_status - payload of STATUS
 * @state: enum fwctl_sap_state
 * @flags: FWCTL_SAP_F_* bits
 * @sap_version: SAP version of the session (3 or 4), 0 if none
 * @link_prot_state: CSME's link protection (from CSME_CONN_STATUS)
 * @session: incremented by every transport bind and unbind
 * @radio_state: RADIO_STATE bits last reported to CSME
 * @country: country code reported to CSME, two ASCII letters, high first
 * @channel: channel of the link reported to CSME
 * @band: band of that link
 * @ssid_len: length of @ssid
 * @ssid: SSID of that link
 * @bssid: BSSID of that link
 * @mac: interface address reported to CSME (NIC_INFO)
 * @nvm_mac: NVM address reported to CSME (NIC_INFO)
 * @power_limit: SAR table reported to CSME, 2 chains x 5 sub-bands
 * @own_msg: type of the last ownership message (either way), 0 if none
 * @own_dir: its direction, 0 host to CSME, 1 CSME to host
 * @own_age_ms: how long ago it was, in ms
 */
struct fwctl_sap_status {
	__u32 state;
	__u32 flags;
	__u32 sap_version;
	__u32 link_prot_state;
	__u32 session;
	__u32 radio_state;
	__u16 country;
	__u8 channel;
	__u8 band;
	__u32 ssid_len;
	__u8 ssid[32];
	__u8 bssid[6];
	__u8 mac[6];
	__u8 nvm_mac[6];
	__u16 power_limit[10];
	__u16 own_msg;
	__u32 own_dir;
	__u32 own_age_ms;
};

/**
 * struct fwctl_sap_counter - one named counter
 * @name: NUL-terminated name, the same as in sap_host's debugfs
 * @value: its value
 */
struct fwctl_sap_counter {
	char name[40];
	__u64 value;
};

/**
 * struct fwctl_sap_counters - payload of COUNTERS
 * @num: number of entries in @c (those that fit are copied)
 * @entry_len: sizeof(struct fwctl_sap_counter) of the kernel
 * @c: event counters, then rejected_* counters by reason (only non-zero
 *	ones), then per-ring counters
 */
struct fwctl_sap_counters {
	__u32 num;
	__u32 entry_len;
	struct fwctl_sap_counter c[];
};

/**
 * struct fwctl_sap_filters - payload of FILTERS
 * @valid: 1 if CSME sent filters in this session, else 0 and @wire is zero
 * @wire_len: length of @wire
 * @wire: CSME's filters in the SAP wire layout of the filters field of
 *	CSME_FILTERS (little-endian; see docs/sap-fwctl.md)
 */
struct fwctl_sap_filters {
	__u32 valid;
	__u32 wire_len;
	__u8 wire[];
};

/* struct fwctl_sap_log_entry @dir and @queue */
#define FWCTL_SAP_DIR_H2M	0	/* host to CSME */
#define FWCTL_SAP_DIR_M2H	1	/* CSME to host */
#define FWCTL_SAP_Q_NOTIF	0	/* notification ring */
#define FWCTL_SAP_Q_DATA	1	/* data ring */
#define FWCTL_SAP_Q_ME		2	/* ME-level message (START, doorbell) */

/**
 * struct fwctl_sap_log_entry - one message of the flight recorder
 * @time_ns: CLOCK_MONOTONIC time it was handled
 * @index: its record number since sap_host was loaded
 * @seq: sequence number from its header
 * @len: its length in bytes (header included)
 * @type: its type (enum sap_msg_type, or ME type for FWCTL_SAP_Q_ME)
 * @verdict: 0 accepted (or sent), else the SAP reason code it was
 *	rejected (or not sent) for; names in docs/sap-fwctl.md
 * @dir: FWCTL_SAP_DIR_*
 * @queue: FWCTL_SAP_Q_*
 * @rsvd: zero
 */
struct fwctl_sap_log_entry {
	__u64 time_ns;
	__u32 index;
	__u32 seq;
	__u32 len;
	__u16 type;
	__u16 verdict;
	__u8 dir;
	__u8 queue;
	__u16 rsvd;
	__u32 rsvd2;
};

/**
 * struct fwctl_sap_log - payload of LOG
 * @next: record number the next message will get
 * @capacity: records the recorder keeps
 * @num: entries in @e
 * @entry_len: sizeof(struct fwctl_sap_log_entry) of the kernel
 * @e: records, oldest first; a gap in @index means records were
 *	overwritten while being read
 */
struct fwctl_sap_log {
	__u32 next;
	__u32 capacity;
	__u32 num;
	__u32 entry_len;
	struct fwctl_sap_log_entry e[];
};

/**
 * struct fwctl_sap_ring - one shared-memory ring
 * @size: bytes
 * @wr: write pointer in shared memory
 * @rd: read pointer in shared memory
 * @used: bytes waiting, as the two pointers say (0 if they are invalid)
 */
struct fwctl_sap_ring {
	__u32 size;
	__u32 wr;
	__u32 rd;
	__u32 used;
};

/**
 * struct fwctl_sap_rings - payload of RINGS
 * @valid: 1 if a session has the shared area mapped, else 0 (all zero)
 * @map_size: bytes mapped
 * @h2m_notif: host to CSME notifications
 * @h2m_data: host to CSME data
 * @m2h_notif: CSME to host notifications
 * @m2h_data: CSME to host data
 */
struct fwctl_sap_rings {
	__u32 valid;
	__u32 map_size;
	struct fwctl_sap_ring h2m_notif;
	struct fwctl_sap_ring h2m_data;
	struct fwctl_sap_ring m2h_notif;
	struct fwctl_sap_ring m2h_data;
};

/**
 * struct fwctl_sap_ping - payload of PING
 * @rtt_us: microseconds until CSME's answer
 */
struct fwctl_sap_ping {
	__u32 rtt_us;
	__u32 rsvd;
};

#endif

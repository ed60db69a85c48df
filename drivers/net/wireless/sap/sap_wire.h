/* SPDX-License-Identifier: GPL-2.0 */
/* SAP (Software Arbitration Protocol) wire format.
 *
 * Everything that crosses the host <-> CSME boundary: the MEI client
 * identity, the ME-level messages carried as MEI client messages, the
 * shared-memory control block and queue sizes, the SAP message header, every
 * SAP message type and each payload layout. All multi-byte fields are
 * little-endian unless their type says otherwise (__be16/__be32 fields are
 * in network order because CSME copies them straight from packet headers).
 *
 * Layouts are pinned with static_assert() at the end of this file and
 * printed by tests/unit/sap/test_wire.
 */
#ifndef SAP_WIRE_H
#define SAP_WIRE_H

#include "sap_compat.h"

/* ---- MEI client ------------------------------------------------------ */

/* 13280904-7792-4fcb-a1aa-5e70cbb1e865 in the byte order used on the bus. */
#define SAP_MEI_UUID_BYTES {						\
	0x04, 0x09, 0x28, 0x13, 0x92, 0x77, 0xcb, 0x4f,			\
	0xa1, 0xaa, 0x5e, 0x70, 0xcb, 0xb1, 0xe8, 0x65 }
#define SAP_MEI_CL_VERSION_ANY		0xff
#define SAP_MEI_DMA_BUF_ID_WLAN		1
/* Size of one MEI receive as done by the reference host (bytes). */
#define SAP_MEI_RX_BUF_SIZE		100
/* Firmware page size: the DMA area must be a multiple of it. */
#define SAP_MEI_FW_PAGE_SIZE		4096

/* ---- ME-level messages (inside MEI client messages) ------------------- */

enum sap_me_msg_type {
	SAP_ME_MSG_START		= 1,
	SAP_ME_MSG_START_OK		= 2,
	SAP_ME_MSG_CHECK_SHARED_AREA	= 3,
};

/* Initial sequence numbers advertised in START (informational only). */
#define SAP_ME_INIT_DATA_SEQ_NUM	0x100
#define SAP_ME_INIT_NOTIF_SEQ_NUM	0x800
#define SAP_ME_MAX_VERSIONS		64

/**
 * struct sap_me_msg_hdr - header of every ME-level message
 * @type: &enum sap_me_msg_type
 * @seq_num: sender's sequence number, debug only
 * @len: total length including this header (START: 88)
 */
struct sap_me_msg_hdr {
	__le32 type;
	__le32 seq_num;
	__le32 len;
} __packed;

/**
 * struct sap_me_msg_start - host's START message
 * @hdr: ME header, type %SAP_ME_MSG_START, len 88
 * @shared_mem: physical address of the area; left 0 by the host (the bus
 *	level DMA map carries the address)
 * @init_data_seq_num: %SAP_ME_INIT_DATA_SEQ_NUM (not honoured)
 * @init_notif_seq_num: %SAP_ME_INIT_NOTIF_SEQ_NUM (not honoured)
 * @supported_versions: zero-terminated list; the host fills [0] only
 */
struct sap_me_msg_start {
	struct sap_me_msg_hdr hdr;
	__le64 shared_mem;
	__le16 init_data_seq_num;
	__le16 init_notif_seq_num;
	u8 supported_versions[SAP_ME_MAX_VERSIONS];
} __packed;

/**
 * struct sap_me_msg_start_ok - CSME's answer to START, exactly 20 bytes
 * @hdr: ME header, type %SAP_ME_MSG_START_OK
 * @init_data_seq_num: unused
 * @init_notif_seq_num: unused
 * @supported_version: SAP version selected by CSME
 * @reserved: zero
 */
struct sap_me_msg_start_ok {
	struct sap_me_msg_hdr hdr;
	__le16 init_data_seq_num;
	__le16 init_notif_seq_num;
	u8 supported_version;
	u8 reserved[3];
} __packed;

/* ---- Protocol versions and shared area --------------------------------- */

#define SAP_VERSION_3			3
#define SAP_VERSION_4			4

/* "SAP!" read as a little-endian u32: bytes 53 41 50 21. */
#define SAP_CONTROL_BLOCK_ID		0x21504153

#define SAP_H2M_NOTIF_Q_SIZE_V3		2240
#define SAP_H2M_NOTIF_Q_SIZE_V4		32768
#define SAP_H2M_DATA_Q_SIZE		48256
#define SAP_M2H_NOTIF_Q_SIZE		62720
#define SAP_M2H_DATA_Q_SIZE		24128

/* Raw sizes: control block + four queues + 4-byte trailer. */
#define SAP_AREA_RAW_SIZE_V3		137412
#define SAP_AREA_RAW_SIZE_V4		167940
/* Sizes actually mapped (rounded up to SAP_MEI_FW_PAGE_SIZE). */
#define SAP_AREA_MAP_SIZE_V3		139264
#define SAP_AREA_MAP_SIZE_V4		172032

enum sap_direction {
	SAP_DIR_H2M = 0,	/* host to CSME */
	SAP_DIR_M2H = 1,	/* CSME to host */
	SAP_DIR_NUM = 2,
};

enum sap_queue_idx {
	SAP_QUEUE_NOTIF = 0,
	SAP_QUEUE_DATA = 1,
	SAP_QUEUE_NUM = 2,
};

/* The control block consists of naturally aligned 32-bit words only, so it
 * is declared without __packed: the layout is the same (pinned below) and
 * the ring pointers can be accessed as aligned words.
 */

/**
 * struct sap_q_ctrl - one ring's pointers in the control block
 * @wr_ptr: byte offset of the next write, owned by the producer
 * @rd_ptr: byte offset of the next read, owned by the consumer
 * @size: ring size in bytes (written by the host, never read back by it)
 */
struct sap_q_ctrl {
	__le32 wr_ptr;
	__le32 rd_ptr;
	__le32 size;
};

/**
 * struct sap_dir_ctrl - the two rings of one direction
 * @reserved: zero
 * @q: indexed by &enum sap_queue_idx
 */
struct sap_dir_ctrl {
	__le32 reserved;
	struct sap_q_ctrl q[SAP_QUEUE_NUM];
};

/**
 * struct sap_shared_ctrl - control block at offset 0 of the shared area
 * @sap_id: %SAP_CONTROL_BLOCK_ID
 * @size: sizeof(struct sap_shared_ctrl), i.e. 64
 * @dir: indexed by &enum sap_direction
 */
struct sap_shared_ctrl {
	__le32 sap_id;
	__le32 size;
	struct sap_dir_ctrl dir[SAP_DIR_NUM];
};

/* ---- SAP messages ------------------------------------------------------ */

/**
 * struct sap_hdr - header of every message in every queue
 * @type: &enum sap_msg_type
 * @len: payload length, header excluded
 * @seq_num: sender's sequence number, debug only
 */
struct sap_hdr {
	__le16 type;
	__le16 len;
	__le32 seq_num;
} __packed;

enum sap_msg_type {
	/* both directions */
	SAP_MSG_NOTIF_PING				= 1,
	SAP_MSG_NOTIF_PONG				= 2,

	/* CSME to host */
	SAP_MSG_NOTIF_CSME_FILTERS			= 500,
	/* 501 deprecated */
	SAP_MSG_NOTIF_AMT_STATE				= 502,
	SAP_MSG_NOTIF_CSME_REPLY_TO_HOST_OWNERSHIP_REQ	= 503,
	SAP_MSG_NOTIF_CSME_TAKING_OWNERSHIP		= 504,
	SAP_MSG_NOTIF_TRIGGER_IP_REFRESH		= 505,
	SAP_MSG_NOTIF_CSME_CAN_RELEASE_OWNERSHIP	= 506,
	/* 507..510 deprecated */
	SAP_MSG_NOTIF_NIC_OWNER				= 511,
	SAP_MSG_NOTIF_CSME_CONN_STATUS			= 512,
	SAP_MSG_NOTIF_NVM				= 513,
	/* 514..517 not supported */
	SAP_MSG_NOTIF_PLDR_ACK				= 518,

	/* host to CSME */
	SAP_MSG_NOTIF_BAND_SELECTION			= 1000,
	SAP_MSG_NOTIF_RADIO_STATE			= 1001,
	SAP_MSG_NOTIF_NIC_INFO				= 1002,
	SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP	= 1003,
	SAP_MSG_NOTIF_HOST_SUSPENDS			= 1004,
	SAP_MSG_NOTIF_HOST_RESUMES			= 1005,
	SAP_MSG_NOTIF_HOST_GOES_DOWN			= 1006,
	SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED		= 1007,
	SAP_MSG_NOTIF_COUNTRY_CODE			= 1008,
	SAP_MSG_NOTIF_HOST_LINK_UP			= 1009,
	SAP_MSG_NOTIF_HOST_LINK_DOWN			= 1010,
	SAP_MSG_NOTIF_WHO_OWNS_NIC			= 1011,
	SAP_MSG_NOTIF_WIFIDR_DOWN			= 1012,
	SAP_MSG_NOTIF_WIFIDR_UP				= 1013,
	/* 1014 deprecated */
	SAP_MSG_NOTIF_HOST_OWNERSHIP_CONFIRMED		= 1015,
	SAP_MSG_NOTIF_SAR_LIMITS			= 1016,
	SAP_MSG_NOTIF_GET_NVM				= 1017,
	/* 1018..1023 not supported */
	SAP_MSG_NOTIF_PLDR				= 1024,
	SAP_MSG_NOTIF_PLDR_END				= 1025,

	/* data queues */
	SAP_MSG_DATA_PACKET				= 2000,
	SAP_MSG_CB_DATA_PACKET				= 2001,
};

/* Group boundaries of the type space. */
#define SAP_MSG_NOTIF_BOTH_WAYS_MIN	0
#define SAP_MSG_NOTIF_BOTH_WAYS_MAX	2
#define SAP_MSG_NOTIF_FROM_CSME_MIN	500
#define SAP_MSG_NOTIF_FROM_CSME_MAX	518
#define SAP_MSG_NOTIF_FROM_HOST_MIN	1000
#define SAP_MSG_NOTIF_FROM_HOST_MAX	1025
#define SAP_MSG_DATA_MIN		2000
#define SAP_MSG_DATA_MAX		2001

/* Largest CSME notification the host accepts (whole message, header included). */
#define SAP_M2H_NOTIF_MAX_LEN		4096

/* ---- enums and bit fields ---------------------------------------------- */

enum sap_nic_owner {
	SAP_NIC_OWNER_UNKNOWN	= 0,
	SAP_NIC_OWNER_HOST	= 1,
	SAP_NIC_OWNER_ME	= 2,
};

/* RADIO_STATE dword; both bits set (3) means the radio is on */
#define SAP_SW_RFKILL_DEASSERTED	BIT(0)
#define SAP_HW_RFKILL_DEASSERTED	BIT(1)
#define SAP_RADIO_STATE_ALL		(SAP_SW_RFKILL_DEASSERTED | SAP_HW_RFKILL_DEASSERTED)

/* HOST_SUSPENDS dword */
#define SAP_OFFER_NIC			BIT(0)
#define SAP_FILTER_CONFIGURED		BIT(1)
#define SAP_NLO_CONFIGURED		BIT(2)
#define SAP_HOST_OWNS_NIC		BIT(3)
#define SAP_LINK_PROTECTED		BIT(4)
#define SAP_HOST_SUSPENDS_ALL		(BIT(5) - 1)

/* HOST_RESUMES dword */
#define SAP_HOST_RESUMES_NONE		0
#define SAP_HOST_RESUMES_REINIT_CTRL	1

enum sap_link_down_type {
	SAP_LINK_DOWN_NONE		= 0,
	SAP_LINK_DOWN_TEMPORARY		= 1,
	SAP_LINK_DOWN_LONG		= 2,
};

enum sap_auth_mode {
	SAP_AUTH_MODE_OPEN		= 0,
	SAP_AUTH_MODE_SHARED		= 1,	/* legacy value, not used */
	SAP_AUTH_MODE_WPA		= 3,	/* legacy value, not used */
	SAP_AUTH_MODE_WPA_PSK		= 4,	/* legacy value, not used */
	SAP_AUTH_MODE_RSNA		= 6,
	SAP_AUTH_MODE_RSNA_PSK		= 7,
	SAP_AUTH_MODE_SAE		= 9,
};

enum sap_pairwise_cipher {
	SAP_CIPHER_NONE			= 0,
	SAP_CIPHER_WEP			= 1,	/* legacy value, not used */
	SAP_CIPHER_TKIP			= 2,
	SAP_CIPHER_CCMP			= 4,
	SAP_CIPHER_GCMP			= 8,
	SAP_CIPHER_GCMP_256		= 9,
};

/* CSME_CONN_STATUS scan_request */
#define SAP_SCAN_REQUEST_FILTERING	BIT(0)
#define SAP_SCAN_REQUEST_FAST		BIT(1)

/* NVM caps */
#define SAP_NVM_CAPS_LARI_SUPPORT	BIT(0)
#define SAP_NVM_CAPS_11AX_SUPPORT	BIT(1)

enum sap_pldr_status {
	SAP_PLDR_STATUS_SUCCESS		= 0,
	SAP_PLDR_STATUS_FAILURE		= 1,
};

/* eth_filter.flags */
#define SAP_ETH_FILTER_STOP		BIT(0)
#define SAP_ETH_FILTER_COPY		BIT(1)
#define SAP_ETH_FILTER_ENABLED		BIT(2)

/* flex_filter.flags */
#define SAP_FLEX_FILTER_COPY		BIT(0)
#define SAP_FLEX_FILTER_ENABLED		BIT(1)
#define SAP_FLEX_FILTER_IPV6		BIT(2)
#define SAP_FLEX_FILTER_IPV4		BIT(3)
#define SAP_FLEX_FILTER_TCP		BIT(4)
#define SAP_FLEX_FILTER_UDP		BIT(5)

/* ipv4_filter.flags */
#define SAP_IPV4_FILTER_ICMP_PASS	BIT(0)
#define SAP_IPV4_FILTER_ICMP_COPY	BIT(1)
#define SAP_IPV4_FILTER_ARP_REQ_PASS	BIT(2)
#define SAP_IPV4_FILTER_ARP_REQ_COPY	BIT(3)
#define SAP_IPV4_FILTER_ARP_RESP_PASS	BIT(4)
#define SAP_IPV4_FILTER_ARP_RESP_COPY	BIT(5)

/* ipv6_filter.flags */
#define SAP_IPV6_ADDR_FILTER_COPY	BIT(0)
#define SAP_IPV6_ADDR_FILTER_ENABLED	BIT(1)

/* icmpv6_flags */
#define SAP_ICMPV6_FILTER_ENABLED	BIT(0)
#define SAP_ICMPV6_FILTER_COPY		BIT(1)

/* vlan[] entries */
#define SAP_VLAN_FILTER_VLAN_ID_MSK	0x0fff
#define SAP_VLAN_FILTER_ENABLED		BIT(15)

/* CB_DATA_PACKET: filter index 30 marks a copied DHCP client request */
#define SAP_CB_TX_DHCP_FILT_IDX		30
#define SAP_CB_TX_DHCP_FILT_STATUS	0x40000000

#define SAP_MAX_FLEX_FILTERS		14
#define SAP_MAX_IPV6_FILTERS		4
#define SAP_MAX_ETH_FILTERS		5
#define SAP_MAX_VLAN_FILTERS		4
#define SAP_CB_FILTERS_LEN		1728
#define SAP_MAX_SSID_LEN		32
#define SAP_NVM_NUM_CHANNELS		110
#define SAP_SAR_NUM_CHAINS		2
#define SAP_SAR_NUM_SUBBANDS		5
#define SAP_ETH_ALEN			6
#define SAP_ETH_HLEN			14
/* Longest frame that crosses the air: 1500-byte MTU, 802.1Q tag, no FCS */
#define SAP_ETH_FRAME_MAX		(SAP_ETH_HLEN + 4 + 1500)

/* ---- payload structures ------------------------------------------------ */

/**
 * struct sap_msg_dw - message carrying a single dword
 * @hdr: SAP header
 * @val: type dependent value
 */
struct sap_msg_dw {
	struct sap_hdr hdr;
	__le32 val;
} __packed;

/**
 * struct sap_conn_info - description of a WLAN connection (nested)
 * @ssid_len: valid bytes of @ssid, at most 32
 * @ssid: SSID
 * @auth_mode: &enum sap_auth_mode
 * @pairwise_cipher: &enum sap_pairwise_cipher
 * @channel: channel number
 * @band: band (encoding not pinned down by the reference)
 * @reserved: zero
 * @bssid: BSSID
 * @reserved1: zero
 */
struct sap_conn_info {
	__le32 ssid_len;
	u8 ssid[SAP_MAX_SSID_LEN];
	__le32 auth_mode;
	__le32 pairwise_cipher;
	u8 channel;
	u8 band;
	__le16 reserved;
	u8 bssid[SAP_ETH_ALEN];
	__le16 reserved1;
} __packed;

/**
 * struct sap_notif_conn_status - CSME_CONN_STATUS
 * @hdr: SAP header
 * @link_prot_state: non-zero while link protection is active
 * @scan_request: SAP_SCAN_REQUEST_* bits
 * @conn_info: CSME's connection
 */
struct sap_notif_conn_status {
	struct sap_hdr hdr;
	__le32 link_prot_state;
	__le32 scan_request;
	struct sap_conn_info conn_info;
} __packed;

/**
 * struct sap_notif_host_link_up - HOST_LINK_UP
 * @hdr: SAP header
 * @conn_info: host's connection
 * @colloc_channel: collocated AP channel
 * @colloc_band: 0 if @colloc_channel <= 14, else 1
 * @reserved: zero
 * @colloc_bssid: collocated AP BSSID
 * @reserved1: zero
 */
struct sap_notif_host_link_up {
	struct sap_hdr hdr;
	struct sap_conn_info conn_info;
	u8 colloc_channel;
	u8 colloc_band;
	__le16 reserved;
	u8 colloc_bssid[SAP_ETH_ALEN];
	__le16 reserved1;
} __packed;

/**
 * struct sap_notif_host_link_down - HOST_LINK_DOWN
 * @hdr: SAP header
 * @type: &enum sap_link_down_type
 * @reserved: zero
 * @reason_valid: @reason is meaningful
 * @reason: reason code
 */
struct sap_notif_host_link_down {
	struct sap_hdr hdr;
	u8 type;
	u8 reserved[2];
	u8 reason_valid;
	__le32 reason;
} __packed;

/**
 * struct sap_notif_host_nic_info - NIC_INFO
 * @hdr: SAP header
 * @mac_address: interface address
 * @nvm_address: permanent address from the NVM
 */
struct sap_notif_host_nic_info {
	struct sap_hdr hdr;
	u8 mac_address[SAP_ETH_ALEN];
	u8 nvm_address[SAP_ETH_ALEN];
} __packed;

/**
 * struct sap_notif_country_code - COUNTRY_CODE
 * @hdr: SAP header
 * @mcc: mobile country code (two ASCII letters)
 * @source_id: source of the code
 * @reserved: zero
 * @diff_time: age of the information
 */
struct sap_notif_country_code {
	struct sap_hdr hdr;
	__le16 mcc;
	u8 source_id;
	u8 reserved;
	__le32 diff_time;
} __packed;

/**
 * struct sap_notif_sar_limits - SAR_LIMITS
 * @hdr: SAP header
 * @sar_chain_info_table: per chain, per sub-band power limits
 */
struct sap_notif_sar_limits {
	struct sap_hdr hdr;
	__le16 sar_chain_info_table[SAP_SAR_NUM_CHAINS][SAP_SAR_NUM_SUBBANDS];
} __packed;

/**
 * struct sap_nvm - NVM (reply to GET_NVM)
 * @hdr: SAP header
 * @hw_addr: first hardware address
 * @n_hw_addrs: number of addresses
 * @reserved: zero
 * @radio_cfg: radio configuration
 * @caps: SAP_NVM_CAPS_* bits
 * @nvm_version: NVM version
 * @channels: per channel flag words
 */
struct sap_nvm {
	struct sap_hdr hdr;
	u8 hw_addr[SAP_ETH_ALEN];
	u8 n_hw_addrs;
	u8 reserved;
	__le32 radio_cfg;
	__le32 caps;
	__le32 nvm_version;
	__le32 channels[SAP_NVM_NUM_CHANNELS];
} __packed;

/**
 * struct sap_flex_filter - TCP/UDP port filter
 * @src_port: source port, 0 = any (network order)
 * @dst_port: destination port, 0 = any (network order)
 * @flags: SAP_FLEX_FILTER_* bits
 * @reserved: zero
 */
struct sap_flex_filter {
	__be16 src_port;
	__be16 dst_port;
	u8 flags;
	u8 reserved;
} __packed;

/**
 * struct sap_ipv4_filter - IPv4 address filter
 * @ipv4_addr: CSME's address, 0 = any (network order)
 * @flags: SAP_IPV4_FILTER_* bits
 */
struct sap_ipv4_filter {
	__be32 ipv4_addr;
	__le32 flags;
} __packed;

/**
 * struct sap_ipv6_filter - IPv6 address filter
 * @addr_lo24: low 24 bits of the address (last three bytes)
 * @flags: SAP_IPV6_ADDR_FILTER_* bits
 */
struct sap_ipv6_filter {
	u8 addr_lo24[3];
	u8 flags;
} __packed;

/**
 * struct sap_eth_filter - multicast destination filter
 * @mac_address: destination address
 * @flags: SAP_ETH_FILTER_* bits
 */
struct sap_eth_filter {
	u8 mac_address[SAP_ETH_ALEN];
	u8 flags;
} __packed;

/**
 * struct sap_oob_filters - out-of-band filters
 * @flex_filters: port filters, evaluated in order up to the first disabled one
 * @icmpv6_flags: SAP_ICMPV6_FILTER_* bits
 * @ipv6_filters: IPv6 address filters
 * @eth_filters: multicast filters, evaluated up to the first disabled one
 * @reserved: zero
 * @ipv4_filter: IPv4 address, ICMP and ARP filter
 * @vlan: VLAN filters
 */
struct sap_oob_filters {
	struct sap_flex_filter flex_filters[SAP_MAX_FLEX_FILTERS];
	__le32 icmpv6_flags;
	struct sap_ipv6_filter ipv6_filters[SAP_MAX_IPV6_FILTERS];
	struct sap_eth_filter eth_filters[SAP_MAX_ETH_FILTERS];
	u8 reserved;
	struct sap_ipv4_filter ipv4_filter;
	__le16 vlan[SAP_MAX_VLAN_FILTERS];
} __packed;

/**
 * struct sap_csme_filters - CSME_FILTERS
 * @hdr: SAP header
 * @mode: unused
 * @mac_address: unused
 * @reserved: zero
 * @cbfilters: unused
 * @filters: the filters the host applies
 */
struct sap_csme_filters {
	struct sap_hdr hdr;
	__le32 mode;
	u8 mac_address[SAP_ETH_ALEN];
	__le16 reserved;
	u8 cbfilters[SAP_CB_FILTERS_LEN];
	struct sap_oob_filters filters;
} __packed;

/**
 * struct sap_pldr_req - PLDR
 * @hdr: SAP header
 * @version: 0
 */
struct sap_pldr_req {
	struct sap_hdr hdr;
	__le32 version;
} __packed;

/**
 * struct sap_pldr_end - PLDR_END
 * @hdr: SAP header
 * @version: 0
 * @status: &enum sap_pldr_status
 */
struct sap_pldr_end {
	struct sap_hdr hdr;
	__le32 version;
	__le32 status;
} __packed;

/**
 * struct sap_pldr_ack - PLDR_ACK
 * @hdr: SAP header
 * @version: echoed version
 * @status: &enum sap_pldr_status
 */
struct sap_pldr_ack {
	struct sap_hdr hdr;
	__le32 version;
	__le32 status;
} __packed;

/**
 * struct sap_cb_data - header of CB_DATA_PACKET, followed by the frame
 * @hdr: SAP header, len = 40 + frame length
 * @reserved: zero (CSME reads some of these words)
 * @to_me_filt_status: BIT(filter index), %SAP_CB_TX_DHCP_FILT_STATUS for DHCP
 * @reserved2: zero
 * @data_len: frame length
 *
 * The reference layout is naturally aligned rather than packed; declaring it
 * packed yields the same offsets and lets it be read from any byte address.
 */
struct sap_cb_data {
	struct sap_hdr hdr;
	__le32 reserved[7];
	__le32 to_me_filt_status;
	__le32 reserved2;
	__le32 data_len;
} __packed;

/* ---- layout pins --------------------------------------------------------- */

static_assert(sizeof(struct sap_me_msg_hdr) == 12);
static_assert(offsetof(struct sap_me_msg_hdr, seq_num) == 4);
static_assert(offsetof(struct sap_me_msg_hdr, len) == 8);
static_assert(sizeof(struct sap_me_msg_start) == 88);
static_assert(offsetof(struct sap_me_msg_start, shared_mem) == 12);
static_assert(offsetof(struct sap_me_msg_start, init_data_seq_num) == 20);
static_assert(offsetof(struct sap_me_msg_start, init_notif_seq_num) == 22);
static_assert(offsetof(struct sap_me_msg_start, supported_versions) == 24);
static_assert(sizeof(struct sap_me_msg_start_ok) == 20);
static_assert(offsetof(struct sap_me_msg_start_ok, supported_version) == 16);

static_assert(sizeof(struct sap_q_ctrl) == 12);
static_assert(sizeof(struct sap_dir_ctrl) == 28);
static_assert(sizeof(struct sap_shared_ctrl) == 64);
static_assert(offsetof(struct sap_shared_ctrl, dir[SAP_DIR_H2M].q[SAP_QUEUE_NOTIF].wr_ptr) == 12);
static_assert(offsetof(struct sap_shared_ctrl, dir[SAP_DIR_H2M].q[SAP_QUEUE_DATA].wr_ptr) == 24);
static_assert(offsetof(struct sap_shared_ctrl, dir[SAP_DIR_M2H].reserved) == 36);
static_assert(offsetof(struct sap_shared_ctrl, dir[SAP_DIR_M2H].q[SAP_QUEUE_NOTIF].wr_ptr) == 40);
static_assert(offsetof(struct sap_shared_ctrl, dir[SAP_DIR_M2H].q[SAP_QUEUE_DATA].size) == 60);
static_assert(64 + SAP_H2M_NOTIF_Q_SIZE_V3 + SAP_H2M_DATA_Q_SIZE + SAP_M2H_NOTIF_Q_SIZE +
	      SAP_M2H_DATA_Q_SIZE + 4 == SAP_AREA_RAW_SIZE_V3);
static_assert(64 + SAP_H2M_NOTIF_Q_SIZE_V4 + SAP_H2M_DATA_Q_SIZE + SAP_M2H_NOTIF_Q_SIZE +
	      SAP_M2H_DATA_Q_SIZE + 4 == SAP_AREA_RAW_SIZE_V4);
static_assert(SAP_AREA_MAP_SIZE_V3 % SAP_MEI_FW_PAGE_SIZE == 0);
static_assert(SAP_AREA_MAP_SIZE_V4 % SAP_MEI_FW_PAGE_SIZE == 0);
static_assert(SAP_AREA_MAP_SIZE_V3 - SAP_AREA_RAW_SIZE_V3 < SAP_MEI_FW_PAGE_SIZE);
static_assert(SAP_AREA_MAP_SIZE_V4 - SAP_AREA_RAW_SIZE_V4 < SAP_MEI_FW_PAGE_SIZE);

static_assert(sizeof(struct sap_hdr) == 8);
static_assert(offsetof(struct sap_hdr, len) == 2);
static_assert(offsetof(struct sap_hdr, seq_num) == 4);
static_assert(sizeof(struct sap_msg_dw) == 12);
static_assert(sizeof(struct sap_conn_info) == 56);
static_assert(offsetof(struct sap_conn_info, ssid) == 4);
static_assert(offsetof(struct sap_conn_info, auth_mode) == 36);
static_assert(offsetof(struct sap_conn_info, pairwise_cipher) == 40);
static_assert(offsetof(struct sap_conn_info, channel) == 44);
static_assert(offsetof(struct sap_conn_info, band) == 45);
static_assert(offsetof(struct sap_conn_info, bssid) == 48);
static_assert(offsetof(struct sap_conn_info, reserved1) == 54);
static_assert(sizeof(struct sap_notif_conn_status) == 72);
static_assert(offsetof(struct sap_notif_conn_status, conn_info) == 16);
static_assert(sizeof(struct sap_notif_host_link_up) == 76);
static_assert(offsetof(struct sap_notif_host_link_up, colloc_channel) == 64);
static_assert(offsetof(struct sap_notif_host_link_up, colloc_bssid) == 68);
static_assert(sizeof(struct sap_notif_host_link_down) == 16);
static_assert(offsetof(struct sap_notif_host_link_down, reason_valid) == 11);
static_assert(offsetof(struct sap_notif_host_link_down, reason) == 12);
static_assert(sizeof(struct sap_notif_host_nic_info) == 20);
static_assert(sizeof(struct sap_notif_country_code) == 16);
static_assert(offsetof(struct sap_notif_country_code, diff_time) == 12);
static_assert(sizeof(struct sap_notif_sar_limits) == 28);
static_assert(sizeof(struct sap_nvm) == 468);
static_assert(offsetof(struct sap_nvm, radio_cfg) == 16);
static_assert(offsetof(struct sap_nvm, channels) == 28);
static_assert(sizeof(struct sap_flex_filter) == 6);
static_assert(sizeof(struct sap_ipv4_filter) == 8);
static_assert(sizeof(struct sap_ipv6_filter) == 4);
static_assert(sizeof(struct sap_eth_filter) == 7);
static_assert(sizeof(struct sap_oob_filters) == 156);
static_assert(offsetof(struct sap_oob_filters, icmpv6_flags) == 84);
static_assert(offsetof(struct sap_oob_filters, ipv6_filters) == 88);
static_assert(offsetof(struct sap_oob_filters, eth_filters) == 104);
static_assert(offsetof(struct sap_oob_filters, reserved) == 139);
static_assert(offsetof(struct sap_oob_filters, ipv4_filter) == 140);
static_assert(offsetof(struct sap_oob_filters, vlan) == 148);
static_assert(sizeof(struct sap_csme_filters) == 1904);
static_assert(offsetof(struct sap_csme_filters, cbfilters) == 8 + 12);
static_assert(offsetof(struct sap_csme_filters, filters) == 8 + 1740);
static_assert(sizeof(struct sap_pldr_req) == 12);
static_assert(sizeof(struct sap_pldr_end) == 16);
static_assert(sizeof(struct sap_pldr_ack) == 16);
static_assert(sizeof(struct sap_cb_data) == 48);
static_assert(offsetof(struct sap_cb_data, to_me_filt_status) == 36);
static_assert(offsetof(struct sap_cb_data, data_len) == 44);
static_assert(SAP_CB_TX_DHCP_FILT_STATUS == 1U << SAP_CB_TX_DHCP_FILT_IDX);

#endif /* SAP_WIRE_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: the CSME side of SAP (sap_fw.c): configuration, the firmware
 * state machine, its counters and the commands the controller runs.
 *
 * The firmware state machine (struct csme_fw) reaches its environment only
 * through struct csme_env_ops, so it runs against an in-memory shared area
 * in the unit tests and the fuzzer.
 */
#ifndef CSME_SAP_FW_H
#define CSME_SAP_FW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "sap_area.h"
#include "sap_ring.h"
#include "sap_msg.h"
#include "sap_reason.h"
#include "sap_filter.h"
#include "amt_net.h"
#include "amt_model.h"
#include "hostile.h"

#define CSME_DEFAULT_DEV	"/dev/sap_sim"
#define CSME_DEFAULT_IFNAME	"wlsim0"
#define CSME_DEFAULT_SOCK	"/run/csme-sim.sock"

#define CSME_ME_MSG_MAX		128	/* SAP_SIM_MSG_MAX */
#define CSME_TAKE_TIMEOUT_MS	1000	/* wait for CSME_OWNERSHIP_CONFIRMED */
#define CSME_PING_TIMEOUT_MS	1000	/* wait for PONG */
#define CSME_DRAIN_BUDGET	512	/* H2M messages per queue per drain */
#define CSME_IFNAME_MAX		16	/* IFNAMSIZ */

/* ---- configuration --------------------------------------------------- */

enum csme_owner {
	CSME_OWNER_HOST,
	CSME_OWNER_CSME,
};

enum csme_policy {
	CSME_POLICY_GRANT,
	CSME_POLICY_DENY,
	CSME_POLICY_IGNORE,
};

/**
 * struct csme_cfg - "csme-sim run" options
 * @dev: character device
 * @ifname: the host's WLAN interface; CSME's port is @ifname + "me"
 * @sock: control socket path
 * @log_path: extra log file, NULL for none
 * @pidfile: pid file, NULL for none
 * @max_version: highest SAP version accepted (3 or 4)
 * @ip: AMT IPv4 address, host order, 0 = learn it from DHCP copies
 * @policy: answer to HOST_ASKS_FOR_NIC_OWNERSHIP
 * @amt: AMT enabled (AMT_STATE value)
 * @owner: initial NIC owner
 * @hostile: initial hostile mode
 * @seed: seed of the hostile random generator and of amt_net's ISNs
 * @seed_set: @seed was given
 * @goes_down_take: take the NIC when the host goes down
 * @bulk_port: TCP port of amt_net's bulk test service, 0 = off
 * @amt_password: the AMT admin password (NULL: AMT_MODEL_PASSWORD)
 */
struct csme_cfg {
	const char *dev;
	const char *ifname;
	const char *sock;
	const char *log_path;
	const char *pidfile;
	int max_version;
	uint32_t ip;
	enum csme_policy policy;
	bool amt;
	enum csme_owner owner;
	enum csme_hostile hostile;
	uint64_t seed;
	bool seed_set;
	bool goes_down_take;
	unsigned long bulk_port;
	const char *amt_password;
};

void csme_cfg_defaults(struct csme_cfg *cfg);
const char *csme_owner_name(enum csme_owner o);
const char *csme_policy_name(enum csme_policy p);
int csme_policy_parse(const char *s, enum csme_policy *p);

/* ---- environment of the firmware ------------------------------------- */

/**
 * struct csme_env_ops - what the firmware needs from the outside
 * @me_send: queue one ME-level message for the host; @mergeable means a
 *	doorbell that may be merged with one still queued. Returns 0 or a
 *	negative errno (-ENOBUFS when the queue is full, -ENOTCONN when no
 *	client is attached).
 * @fw_reset: start a firmware reset (SAP_SIM_IOC_RESET); completion is
 *	reported with csme_fw_reset_done(). Returns 0 or a negative errno.
 * @hw_seize: the firmware seizes the NIC (hw_owner = csme); 0 or -errno
 * @port_send: send a frame on CSME's own radio port; 0 or -errno
 */
struct csme_env_ops {
	int (*me_send)(void *ctx, const void *buf, size_t len, bool mergeable);
	int (*fw_reset)(void *ctx);
	int (*hw_seize)(void *ctx);
	int (*port_send)(void *ctx, const void *frame, size_t len);
};

/* Asynchronous operations whose completion is reported to the controller. */
enum csme_op {
	CSME_OP_TAKE,
	CSME_OP_PING,
	CSME_OP_RESET,
	CSME_OP__COUNT
};

typedef void (*csme_notify_fn)(void *ctx, enum csme_op op, int err, const char *text);

/* ---- counters --------------------------------------------------------- */

enum csme_counter {
	CSME_C_ME_RX,		/* ME-level messages received */
	CSME_C_ME_RX_BAD,	/* ... rejected by sap_me_decode */
	CSME_C_ME_TX,		/* ME-level messages queued for the host */
	CSME_C_ME_TX_FAIL,	/* ... refused by the transport */
	CSME_C_CSA_RX,
	CSME_C_CSA_TX,
	CSME_C_STARTS,
	CSME_C_START_REFUSED,	/* version not accepted, no area, ... */
	CSME_C_HANDSHAKES,	/* valid START_OK sent */
	CSME_C_AREA_CHECK_FAIL,
	CSME_C_RING_ATTACH_FAIL,
	CSME_C_NOTIF_RX,	/* valid H2M notifications */
	CSME_C_NOTIF_TX,	/* M2H notifications written */
	CSME_C_NOTIF_TX_FAIL,	/* ... not written (ring full, no session) */
	CSME_C_REJECTED,	/* H2M messages rejected (see "rejected") */
	CSME_C_DRAIN_BUDGET,	/* drains stopped by CSME_DRAIN_BUDGET */
	CSME_C_DATA_IN,		/* DATA_PACKETs from the host */
	CSME_C_CB_DATA_IN,	/* CB_DATA_PACKETs (DHCP copies) */
	CSME_C_DATA_OUT,	/* DATA_PACKETs written to M2H DATA */
	CSME_C_DATA_OUT_DROP,	/* frames for the host that could not be written */
	CSME_C_ME_PORT_IN,	/* frames received on the me port */
	CSME_C_ME_PORT_OUT,	/* frames sent on the me port */
	CSME_C_ME_PORT_DROP,	/* frames for the me port that could not be sent */
	CSME_C_DHCP_LEARNED,
	CSME_C_PINGS,
	CSME_C_PONGS,
	CSME_C_PING_TIMEOUTS,
	CSME_C_RESETS,
	CSME_C_SEIZED,
	CSME_C_SEIZE_FAIL,
	CSME_C_HOST_GOES_DOWN,
	CSME_C_GOES_DOWN_TAKEN,	/* NIC taken because the host went down */
	CSME_C_OWN_ASKED,	/* HOST_ASKS_FOR_NIC_OWNERSHIP */
	CSME_C_OWN_GRANTED,
	CSME_C_OWN_DENIED,
	CSME_C_OWN_IGNORED,
	CSME_C_TAKES,		/* CSME_TAKING_OWNERSHIP sent */
	CSME_C_TAKES_CONFIRMED,
	CSME_C_RELEASES,	/* CSME_CAN_RELEASE_OWNERSHIP sent */
	CSME_C_NVM_SENT,
	CSME_C_PLDR,
	CSME_C_FILTERS_SENT,
	CSME_C_MAPS,
	CSME_C_UNMAPS,
	CSME_C_ENABLES,
	CSME_C_DISABLES,
	CSME_C_HOSTILE_APPLIED,	/* hostile one-shots fired */
	CSME_C_HOSTILE_ACTIONS,	/* hostile writes/messages produced */
	CSME_C_NONCONFORM,	/* host messages upstream never sends, refused */
	CSME_C__COUNT
};

const char *csme_counter_name(enum csme_counter c);

/* Message types tracked per type (both directions), see sap_fw.c. */
#define CSME_NTYPES		48

/* ---- the firmware ----------------------------------------------------- */

#define CSME_RING_NUM		4	/* h2m notif, h2m data, m2h notif, m2h data */

/**
 * struct csme_fw - the simulated CSME's SAP state
 *
 * Device: @attached, @enabled, @gen. Area: @mem/@map_size is the mapping
 * the transport made (never trusted: only the SAP core's validated readers
 * touch it). Session: from a valid START to the next reset / unmap.
 */
struct csme_fw {
	struct csme_cfg cfg;
	const struct csme_env_ops *ops;
	void *ops_ctx;
	csme_notify_fn notify;
	void *notify_ctx;
	struct amt_net *net;
	struct amt_model *model;	/* the AMT clients see; NULL: none */

	/* device */
	bool attached;
	bool enabled;
	uint32_t gen;

	/* shared area */
	uint8_t *mem;
	uint32_t map_size;
	uint32_t map_gen;
	struct sap_area area;
	struct sap_ring h2m[SAP_QUEUE_NUM];
	struct sap_ring m2h[SAP_QUEUE_NUM];
	bool rings_up;
	struct sap_counters ring_hist[CSME_RING_NUM];

	/* session */
	uint8_t version;
	bool connected;		/* valid START_OK sent, host not gone */
	bool host_down;		/* HOST_GOES_DOWN seen in this session */
	uint32_t me_seq;
	uint32_t sap_seq;
	bool csa_pending;
	bool start_seen;		/* START received since the client was enabled */
	bool start_answered;		/* ... and a valid START_OK sent */
	uint64_t start_ok_due;		/* start-late: when to answer, 0 none */
	uint8_t start_ok_version;
	int ptr_at_size;		/* ptr-at-size step, 0 when idle */

	/* NIC ownership and CSME's own state */
	enum csme_owner owner;
	enum csme_policy policy;
	bool amt;
	bool link_prot;
	bool take_pending;
	uint64_t take_deadline;
	uint64_t take_started;
	bool ping_pending;
	uint64_t ping_deadline;
	uint64_t ping_sent;
	bool reset_pending;

	/* what the host reported */
	int wifidr;			/* -1 unknown, 0 down, 1 up */
	bool goes_down_seen;
	int radio_state;		/* -1 unknown */
	bool mcc_valid;
	uint16_t mcc;
	bool nic_info_valid;
	uint8_t nic_mac[6];
	uint8_t nic_nvm_mac[6];
	bool link_known;
	bool link_up;
	struct sap_conn_params link;
	struct sap_colloc_params colloc;
	uint8_t link_down_type;
	uint32_t link_down_reason;
	bool sar_valid;
	uint16_t sar[SAP_SAR_NUM_CHAINS][SAP_SAR_NUM_SUBBANDS];
	bool suspend_known;
	uint32_t suspend_bits;
	bool pldr_active;
	int pldr_end_status;		/* -1 none */

	/* hostile */
	enum csme_hostile hostile;
	bool hostile_armed;		/* one-shot waiting for its occasion */
	uint64_t rng;
	uint32_t flood_left;
	uint64_t hostile_next_ms;

	/* data */
	uint64_t last_data_ms;
	uint64_t now_ms;

	/* counters */
	uint64_t cnt[CSME_C__COUNT];
	uint64_t rx_type[CSME_NTYPES];
	uint64_t tx_type[CSME_NTYPES];
	struct sap_counters rejected;
	uint64_t me_rejected[SAP_R_COUNT];

	/* private buffers (never parse shared memory in place) */
	struct sap_msg msg;
	uint8_t rxbuf[SAP_H2M_DATA_Q_SIZE];
	uint8_t txbuf[8192];
};

void csme_fw_init(struct csme_fw *fw, const struct csme_cfg *cfg,
		  const struct csme_env_ops *ops, void *ops_ctx, struct amt_net *net);
/*
 * Give the firmware the AMT model its web, WS-Management, SOAP and SOL
 * services read: the NIC owner and the WLAN port's link, addresses and SSID
 * are kept current from what the host reports (csme_fw_sync_model()).
 */
void csme_fw_set_model(struct csme_fw *fw, struct amt_model *m);
/* Copy the firmware's view of the network into the model now. */
void csme_fw_sync_model(struct csme_fw *fw);
void csme_fw_set_notify(struct csme_fw *fw, csme_notify_fn fn, void *ctx);
void csme_fw_attached(struct csme_fw *fw, bool attached);
void csme_fw_map(struct csme_fw *fw, void *mem, uint32_t size, uint32_t gen);
void csme_fw_unmap(struct csme_fw *fw);
void csme_fw_enable(struct csme_fw *fw, bool enabled, uint32_t gen);
void csme_fw_me_rx(struct csme_fw *fw, const void *buf, uint32_t len, uint64_t now);
void csme_fw_nonconform(struct csme_fw *fw, const char *what);
void csme_fw_drain(struct csme_fw *fw, uint64_t now);
void csme_fw_tick(struct csme_fw *fw, uint64_t now);
void csme_fw_flush(struct csme_fw *fw);
void csme_fw_reset_done(struct csme_fw *fw, int err);
bool csme_fw_session_up(const struct csme_fw *fw);
void csme_fw_send_burst(struct csme_fw *fw);
void csme_fw_answer_start(struct csme_fw *fw, uint8_t version, bool burst);
int csme_fw_send_notif(struct csme_fw *fw, const void *buf, int len);
int csme_fw_send_empty(struct csme_fw *fw, uint16_t type);
int csme_fw_send_me(struct csme_fw *fw, const void *buf, size_t len, bool mergeable);
void csme_fw_set_owner(struct csme_fw *fw, enum csme_owner owner);
int csme_fw_type_slot(uint16_t type);
uint16_t csme_fw_slot_type(int slot);
void csme_fw_count_tx(struct csme_fw *fw, uint16_t type);

/* commands; return 0 (done), 1 (completion reported later through the
 * notify callback) or a negative errno with @err filled
 */
int csme_fw_cmd_take(struct csme_fw *fw, bool force, uint64_t now, char *msg, size_t len);
int csme_fw_cmd_release(struct csme_fw *fw, char *msg, size_t len);
int csme_fw_cmd_amt(struct csme_fw *fw, bool on, char *msg, size_t len);
int csme_fw_cmd_policy(struct csme_fw *fw, enum csme_policy p, char *msg, size_t len);
int csme_fw_cmd_reset(struct csme_fw *fw, char *msg, size_t len);
int csme_fw_cmd_ping(struct csme_fw *fw, uint64_t now, char *msg, size_t len);
int csme_fw_cmd_link_prot(struct csme_fw *fw, bool on, char *msg, size_t len);
int csme_fw_cmd_hostile(struct csme_fw *fw, enum csme_hostile mode, uint64_t now,
			char *msg, size_t len);

#endif /* CSME_SAP_FW_H */

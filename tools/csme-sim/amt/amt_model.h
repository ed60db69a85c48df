/* SPDX-License-Identifier: GPL-2.0 */
/*
 * amt_model - the Intel AMT that csme-sim presents to management clients:
 * identity, credentials, settings, power, network and the serial console.
 *
 * One struct amt_model per csme-sim. Its protocol front ends (the web pages,
 * WS-Management, the legacy SOAP services and the redirection service) read
 * it and record what clients change; sap_fw.c keeps the network part current
 * from what the host reported over SAP. Nothing here touches the network.
 */
#ifndef AMT_MODEL_H
#define AMT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AMT_MODEL_USER		"admin"
#define AMT_MODEL_PASSWORD	"P@ssw0rd"	/* --amt-password default */
#define AMT_MODEL_FW_VERSION	"16.1.27"	/* CIM_SoftwareIdentity "AMT" */
#define AMT_MODEL_FW_BUILD	"2225"
#define AMT_MODEL_STR_MAX	64
#define AMT_MODEL_CONSOLE_MAX	4096		/* SOL text buffered each way */

/* CIM_AssociatedPowerManagementService.PowerState values AMT uses */
enum amt_power_state {
	AMT_POWER_ON = 2,
	AMT_POWER_SLEEP_LIGHT = 3,	/* S3 */
	AMT_POWER_SLEEP_DEEP = 4,	/* S4 */
	AMT_POWER_CYCLE_SOFT = 5,
	AMT_POWER_OFF_HARD = 6,
	AMT_POWER_HIBERNATE = 7,
	AMT_POWER_OFF_SOFT = 8,		/* S5 */
	AMT_POWER_CYCLE_HARD = 9,
	AMT_POWER_MASTER_BUS_RESET = 10,
	AMT_POWER_NMI = 11,
	AMT_POWER_OFF_SOFT_GRACEFUL = 12,
	AMT_POWER_OFF_HARD_GRACEFUL = 13,
	AMT_POWER_RESET_GRACEFUL = 14,
	AMT_POWER_CYCLE_OFF_SOFT_GRACEFUL = 15,
	AMT_POWER_CYCLE_OFF_HARD_GRACEFUL = 16,
};

struct amt_console {
	char buf[AMT_MODEL_CONSOLE_MAX];
	size_t len;
};

struct amt_model {
	/* identity and credentials (fixed after amt_model_init) */
	char realm[48];			/* "Digest:" + 32 upper-case hex digits */
	char password[AMT_MODEL_STR_MAX];
	uint8_t uuid[16];		/* PlatformGUID / system UUID */
	char hostname[AMT_MODEL_STR_MAX];
	char domain[AMT_MODEL_STR_MAX];
	int provisioning_state;		/* AMT_SetupAndConfigurationService: 2 = post */

	/* power: what clients asked for, and the resulting state */
	enum amt_power_state power_state;
	unsigned int power_changes;	/* accepted RequestPowerStateChange calls */
	int last_power_request;		/* last requested PowerState, 0 none */

	/* redirection (AMT_RedirectionService) */
	bool sol_enabled;
	bool redir_listener;		/* 16994 enabled */
	unsigned int sol_sessions;	/* SOL sessions opened so far */

	/* network, as the host reported it over SAP (sap_fw.c keeps it current) */
	bool nic_owned_by_host;
	bool link_known;
	bool link_up;
	char ssid[33];
	uint8_t mac[6];
	uint32_t ip;			/* host byte order; 0 unknown */
	bool dhcp;

	/* serial console: what the "host" prints, and what clients typed */
	struct amt_console console_out;	/* csme-sim -> SOL clients */
	struct amt_console console_in;	/* SOL clients -> csme-sim (log) */
};

/*
 * Fill @m with defaults: the password (NULL = AMT_MODEL_PASSWORD), a realm
 * and UUID derived from @seed (same seed, same identity), host name
 * "csme-sim", power on, SOL enabled, post-provisioning.
 */
void amt_model_init(struct amt_model *m, const char *password, uint64_t seed);
/* Record an accepted power change request; returns false for a state AMT does not accept. */
bool amt_model_request_power(struct amt_model *m, int state);
/* Append console output that SOL clients will receive (oldest bytes dropped when full). */
void amt_model_console_print(struct amt_model *m, const char *text, size_t len);
/* Take up to @max bytes of pending console output into @out; returns the count. */
size_t amt_model_console_take(struct amt_model *m, char *out, size_t max);
/* Record what a SOL client typed (kept for status, oldest dropped when full). */
void amt_model_console_typed(struct amt_model *m, const char *text, size_t len);
/* The platform GUID as AMT prints it (36 chars + NUL). */
void amt_model_uuid_str(const struct amt_model *m, char out[37]);

#endif /* AMT_MODEL_H */

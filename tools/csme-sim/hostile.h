/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: hostile modes (hostile.c), malformed output to test the host.
 */
#ifndef CSME_HOSTILE_H
#define CSME_HOSTILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct csme_fw;

/*
 * Hostile modes. One-shot modes fire once and switch themselves off;
 * continuous modes stay until "hostile off" (or another mode).
 */
enum csme_hostile {
	HOSTILE_OFF = 0,
	HOSTILE_START_OK_SHORT,		/* one-shot, next START */
	HOSTILE_START_OK_VERSION,	/* one-shot, next START */
	HOSTILE_ME_GARBAGE,		/* one-shot */
	HOSTILE_RING_PTR,		/* one-shot */
	HOSTILE_RING_OVERRUN,		/* one-shot */
	HOSTILE_BAD_TYPE,		/* one-shot */
	HOSTILE_SHORT_PAYLOAD,		/* one-shot */
	HOSTILE_DATA_RUNT,		/* one-shot */
	HOSTILE_NOTIF_TOO_BIG,		/* one-shot */
	HOSTILE_BAD_SSID,		/* one-shot */
	HOSTILE_NO_DRAIN,		/* continuous */
	HOSTILE_CSA_FLOOD,		/* one-shot (1000 doorbells) */
	HOSTILE_RANDOM,			/* continuous */
	HOSTILE_WRONG_OWNER,		/* one-shot */
	HOSTILE_HOST_PTR,		/* one-shot */
	HOSTILE_STORM,			/* continuous: random at full speed */
	/* Edge modes (edge.c): what real firmware may legitimately do at
	 * the protocol's edges. The host must keep working and count none
	 * of it as bad input.
	 */
	HOSTILE_START_LATE,		/* one-shot, next START */
	HOSTILE_START_NEVER,		/* one-shot, next START */
	HOSTILE_EARLY_CSA,		/* one-shot, next START */
	HOSTILE_BURST,			/* one-shot */
	HOSTILE_NEW_VALUES,		/* one-shot */
	HOSTILE_PTR_AT_SIZE,		/* one-shot, finishes in ticks */
	HOSTILE__COUNT
};

const char *csme_hostile_name(enum csme_hostile m);
int csme_hostile_parse(const char *s, enum csme_hostile *m);
bool csme_hostile_oneshot(enum csme_hostile m);
void csme_hostile_set(struct csme_fw *fw, enum csme_hostile m, uint64_t now);
int csme_hostile_start_ok(struct csme_fw *fw, uint8_t version, uint8_t *buf, size_t len);
void csme_hostile_after_handshake(struct csme_fw *fw);
void csme_hostile_tick(struct csme_fw *fw, uint64_t now);
bool csme_hostile_blocks_drain(const struct csme_fw *fw);
uint64_t csme_rand(uint64_t *state);

#endif /* CSME_HOSTILE_H */

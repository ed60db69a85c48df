/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: edge modes (edge.c), firmware behaviour at the protocol's
 * edges that is legitimate, unlike the hostile modes of hostile.c.
 */
#ifndef CSME_EDGE_H
#define CSME_EDGE_H

#include <stdbool.h>
#include <stdint.h>

#include "hostile.h"

struct csme_fw;

#define CSME_START_LATE_MS	4000	/* start-late: START_OK after this */
#define CSME_BURST_MSGS		600	/* burst: PINGs behind one doorbell */

bool csme_edge_at_start(enum csme_hostile m);
bool csme_edge_start(struct csme_fw *fw, uint8_t version);
void csme_edge_apply(struct csme_fw *fw, enum csme_hostile m);
void csme_edge_tick(struct csme_fw *fw, uint64_t now);

#endif /* CSME_EDGE_H */

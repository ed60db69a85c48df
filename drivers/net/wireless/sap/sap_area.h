/* SPDX-License-Identifier: GPL-2.0 */
/* SAP shared area: size, layout, initialisation and ring set-up.
 *
 * Layout (byte offsets, v3 / v4):
 *
 *	     0  control block (struct sap_shared_ctrl, 64 bytes)
 *	    64  H2M notification queue   2240 / 32768 bytes
 *	  2304 / 32832  H2M data queue   48256 bytes
 *	 50560 / 81088  M2H notification queue  62720 bytes
 *	113280 / 143808 M2H data queue   24128 bytes
 *	137408 / 167936 trailer, u32 SAP_CONTROL_BLOCK_ID
 *
 * The mapping is rounded up to whole firmware pages (139264 / 172032).
 * Queue order is direction H2M then M2H and, within a direction, the
 * notification queue before the data queue.
 */
#ifndef SAP_AREA_H
#define SAP_AREA_H

#include "sap_compat.h"
#include "sap_wire.h"
#include "sap_reason.h"
#include "sap_ring.h"

enum sap_side {
	SAP_SIDE_HOST,
	SAP_SIDE_CSME,
};

/**
 * struct sap_area - one side's private description of the shared area
 * @mem: start of the area (control block)
 * @mem_size: bytes mapped at @mem
 * @version: SAP version the layout was computed for
 * @q_off: offset of each queue body, [direction][queue]
 * @q_size: size of each queue, [direction][queue]
 * @trailer_off: offset of the trailing magic word
 *
 * Filled from the version alone by sap_area_layout(); never refreshed from
 * the (peer writable) control block.
 */
struct sap_area {
	u8 *mem;
	u32 mem_size;
	u8 version;
	u32 q_off[SAP_DIR_NUM][SAP_QUEUE_NUM];
	u32 q_size[SAP_DIR_NUM][SAP_QUEUE_NUM];
	u32 trailer_off;
};

bool sap_version_supported(u8 version);
u32 sap_area_queue_size(u8 version, enum sap_direction dir, enum sap_queue_idx q);
u32 sap_area_raw_size(u8 version);
u32 sap_area_map_size(u8 version);
enum sap_reason sap_area_layout(struct sap_area *a, void *mem, u32 mem_size, u8 version);
void sap_area_init(struct sap_area *a);
enum sap_reason sap_area_check(const struct sap_area *a);
enum sap_reason sap_area_ring(const struct sap_area *a, enum sap_side side,
			      enum sap_direction dir, enum sap_queue_idx q,
			      struct sap_ring *r);

#endif /* SAP_AREA_H */

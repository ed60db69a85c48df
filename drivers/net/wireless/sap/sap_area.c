// SPDX-License-Identifier: GPL-2.0
/* SAP shared area layout.
 */
#include "sap_area.h"

/**
 * sap_version_supported() - SAP versions this core implements
 * @version: protocol version
 *
 * Return: true for 3 and 4.
 */
bool sap_version_supported(u8 version)
{
	return version == SAP_VERSION_3 || version == SAP_VERSION_4;
}

/**
 * sap_area_queue_size() - size of one queue for a protocol version
 * @version: %SAP_VERSION_3 or %SAP_VERSION_4
 * @dir: &enum sap_direction
 * @q: &enum sap_queue_idx
 *
 * Version 4 differs from version 3 only by a larger H2M notification queue.
 *
 * Return: size in bytes, 0 for an unsupported version or index.
 */
u32 sap_area_queue_size(u8 version, enum sap_direction dir, enum sap_queue_idx q)
{
	if (!sap_version_supported(version))
		return 0;
	if (dir == SAP_DIR_H2M && q == SAP_QUEUE_NOTIF)
		return version == SAP_VERSION_4 ? SAP_H2M_NOTIF_Q_SIZE_V4 :
						  SAP_H2M_NOTIF_Q_SIZE_V3;
	if (dir == SAP_DIR_H2M && q == SAP_QUEUE_DATA)
		return SAP_H2M_DATA_Q_SIZE;
	if (dir == SAP_DIR_M2H && q == SAP_QUEUE_NOTIF)
		return SAP_M2H_NOTIF_Q_SIZE;
	if (dir == SAP_DIR_M2H && q == SAP_QUEUE_DATA)
		return SAP_M2H_DATA_Q_SIZE;
	return 0;
}

/**
 * sap_area_raw_size() - bytes used by the area: control block, queues, trailer
 * @version: protocol version
 *
 * Return: size in bytes, 0 for an unsupported version.
 */
u32 sap_area_raw_size(u8 version)
{
	u32 size = sizeof(struct sap_shared_ctrl) + sizeof(__le32);
	int d, q;

	if (!sap_version_supported(version))
		return 0;
	for (d = 0; d < SAP_DIR_NUM; d++)
		for (q = 0; q < SAP_QUEUE_NUM; q++)
			size += sap_area_queue_size(version, d, q);
	return size;
}

/**
 * sap_area_map_size() - bytes to map (raw size rounded up to firmware pages)
 * @version: protocol version
 *
 * Return: size in bytes, 0 for an unsupported version.
 */
u32 sap_area_map_size(u8 version)
{
	u32 raw = sap_area_raw_size(version);

	return (raw + SAP_MEI_FW_PAGE_SIZE - 1) & ~(u32)(SAP_MEI_FW_PAGE_SIZE - 1);
}

/**
 * sap_area_layout() - compute the private layout for a mapped area
 * @a: layout to fill
 * @mem: start of the mapping, 4-byte aligned
 * @mem_size: mapped bytes
 * @version: protocol version chosen at set-up
 *
 * Does not touch the memory.
 *
 * Return: %SAP_OK, %SAP_R_INVAL, %SAP_R_BAD_VERSION or %SAP_R_AREA_TOO_SMALL.
 */
enum sap_reason sap_area_layout(struct sap_area *a, void *mem, u32 mem_size, u8 version)
{
	u32 off = sizeof(struct sap_shared_ctrl);
	int d, q;

	if (!a || !mem || ((unsigned long)mem & 3))
		return SAP_R_INVAL;
	if (!sap_version_supported(version))
		return SAP_R_BAD_VERSION;
	if (mem_size < sap_area_raw_size(version))
		return SAP_R_AREA_TOO_SMALL;

	memset(a, 0, sizeof(*a));
	a->mem = mem;
	a->mem_size = mem_size;
	a->version = version;
	for (d = 0; d < SAP_DIR_NUM; d++) {
		for (q = 0; q < SAP_QUEUE_NUM; q++) {
			a->q_off[d][q] = off;
			a->q_size[d][q] = sap_area_queue_size(version, d, q);
			off += a->q_size[d][q];
		}
	}
	a->trailer_off = off;
	return SAP_OK;
}

static struct sap_shared_ctrl *sap_area_ctrl(const struct sap_area *a)
{
	return (struct sap_shared_ctrl *)a->mem;
}

/**
 * sap_area_init() - host: zero the area and write the control block
 * @a: layout from sap_area_layout()
 *
 * Writes the magic, the control block size, every queue size (pointers are
 * zero) and the trailer. Must run before CSME is told about the area; the
 * final barrier orders these stores before whatever announces the area.
 */
void sap_area_init(struct sap_area *a)
{
	struct sap_shared_ctrl *ctrl;
	__le32 trailer = cpu_to_le32(SAP_CONTROL_BLOCK_ID);
	int d, q;

	if (!a || !a->mem)
		return;
	ctrl = sap_area_ctrl(a);
	memset(a->mem, 0, a->mem_size);
	ctrl->sap_id = cpu_to_le32(SAP_CONTROL_BLOCK_ID);
	ctrl->size = cpu_to_le32(sizeof(*ctrl));
	for (d = 0; d < SAP_DIR_NUM; d++)
		for (q = 0; q < SAP_QUEUE_NUM; q++)
			ctrl->dir[d].q[q].size = cpu_to_le32(a->q_size[d][q]);
	memcpy(a->mem + a->trailer_off, &trailer, sizeof(trailer));
	/* the initialised area is visible before CSME can be told about it */
	wmb();
}

/**
 * sap_area_check() - verify the control block against the private layout
 * @a: layout from sap_area_layout()
 *
 * Intended for the CSME side (which must find what the host wrote) and for
 * the host's own sanity checks. The result never changes the layout.
 *
 * Return: %SAP_OK, %SAP_R_INVAL, %SAP_R_AREA_BAD_MAGIC (control block or
 * trailer), %SAP_R_AREA_BAD_LAYOUT (size words) or %SAP_R_RING_PTR_RANGE.
 */
enum sap_reason sap_area_check(const struct sap_area *a)
{
	struct sap_shared_ctrl *ctrl;
	__le32 trailer;
	int d, q;

	if (!a || !a->mem)
		return SAP_R_INVAL;
	ctrl = sap_area_ctrl(a);
	memcpy(&trailer, a->mem + a->trailer_off, sizeof(trailer));
	if (le32_to_cpu(READ_ONCE(ctrl->sap_id)) != SAP_CONTROL_BLOCK_ID ||
	    le32_to_cpu(trailer) != SAP_CONTROL_BLOCK_ID)
		return SAP_R_AREA_BAD_MAGIC;
	if (le32_to_cpu(READ_ONCE(ctrl->size)) != sizeof(*ctrl))
		return SAP_R_AREA_BAD_LAYOUT;
	for (d = 0; d < SAP_DIR_NUM; d++) {
		for (q = 0; q < SAP_QUEUE_NUM; q++) {
			struct sap_q_ctrl *qc = &ctrl->dir[d].q[q];
			u32 size = a->q_size[d][q];

			if (le32_to_cpu(READ_ONCE(qc->size)) != size)
				return SAP_R_AREA_BAD_LAYOUT;
			/* == size is the end of the ring: valid */
			if (le32_to_cpu(READ_ONCE(qc->wr_ptr)) > size ||
			    le32_to_cpu(READ_ONCE(qc->rd_ptr)) > size)
				return SAP_R_RING_PTR_RANGE;
		}
	}
	return SAP_OK;
}

/**
 * sap_area_ring() - attach a ring of the area for one side
 * @a: layout from sap_area_layout()
 * @side: %SAP_SIDE_HOST produces H2M and consumes M2H, %SAP_SIDE_CSME the
 *	opposite
 * @dir: queue direction
 * @q: queue index
 * @r: ring to initialise
 *
 * Return: as sap_ring_init().
 */
enum sap_reason sap_area_ring(const struct sap_area *a, enum sap_side side,
			      enum sap_direction dir, enum sap_queue_idx q,
			      struct sap_ring *r)
{
	struct sap_q_ctrl *qc;
	enum sap_ring_role role;

	if (!a || !a->mem || (unsigned int)dir >= SAP_DIR_NUM ||
	    (unsigned int)q >= SAP_QUEUE_NUM ||
	    (side != SAP_SIDE_HOST && side != SAP_SIDE_CSME))
		return SAP_R_INVAL;

	if (side == SAP_SIDE_HOST)
		role = dir == SAP_DIR_H2M ? SAP_RING_PRODUCER : SAP_RING_CONSUMER;
	else
		role = dir == SAP_DIR_M2H ? SAP_RING_PRODUCER : SAP_RING_CONSUMER;

	qc = &sap_area_ctrl(a)->dir[dir].q[q];
	return sap_ring_init(r, a->mem + a->q_off[dir][q], a->q_size[dir][q],
			     &qc->wr_ptr, &qc->rd_ptr, role);
}

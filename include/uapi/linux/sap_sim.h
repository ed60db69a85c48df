/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * sap_sim: the simulated MEI client through which a userspace program plays
 * the CSME firmware for sap_host.
 *
 * /dev/sap_sim may be open by one process at a time. The simulator:
 *
 *  1. opens it and issues SAP_SIM_IOC_ATTACH: a simulated WLAN/SAP client
 *     appears and sap_host probes it (maps the shared area, enables the
 *     client, sends START);
 *  2. read()s events, one per call: SAP_SIM_EV_MAP when the host mapped the
 *     shared area (mmap() the file at offset 0 with the given size to see
 *     it), SAP_SIM_EV_ENABLE / _DISABLE when the client link goes up or
 *     down, SAP_SIM_EV_MSG with one ME-level message from the host (START,
 *     CHECK_SHARED_AREA), SAP_SIM_EV_UNMAP when the host let the area go
 *     (the simulator's mapping stays valid until it unmaps it, but the host
 *     no longer looks at it);
 *  3. write()s one ME-level message per call to the host (START_OK,
 *     CHECK_SHARED_AREA);
 *  4. may issue SAP_SIM_IOC_RESET (the firmware resets: the client goes
 *     away and comes back, sap_host re-handshakes), SAP_SIM_IOC_DETACH, or
 *     close the file (the client goes away for good).
 *
 * poll() reports POLLIN when an event is queued and POLLOUT when the client
 * is enabled and a message can be written. A blocking write() waits for room
 * in the queue to the host; a non-blocking one fails with EAGAIN. A read()
 * that fails with EFAULT leaves its event queued. The client also goes away
 * across system suspend and comes back on resume, as a real MEI client does;
 * the simulator sees the events.
 *
 * A mapping of the area holds the file: closing the descriptor while the
 * area is still mapped detaches the client only at munmap() or exit.
 *
 * The ioctl argument structs start with their own size; the kernel selects
 * the command by number and direction, so a program built with an older or
 * newer struct keeps working (unknown trailing fields must be zero).
 */
#ifndef _UAPI_LINUX_SAP_SIM_H
#define _UAPI_LINUX_SAP_SIM_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define SAP_SIM_DEVICE		"/dev/sap_sim"

/* Largest ME-level message in either direction. */
#define SAP_SIM_MSG_MAX		128

enum sap_sim_event_type {
	SAP_SIM_EV_MAP = 1,
	SAP_SIM_EV_UNMAP = 2,
	SAP_SIM_EV_ENABLE = 3,
	SAP_SIM_EV_DISABLE = 4,
	SAP_SIM_EV_MSG = 5,
};

/**
 * struct sap_sim_event - one record returned by read()
 * @type: &enum sap_sim_event_type
 * @len: bytes of @data that follow
 * @gen: attach generation, incremented each time the client (re)appears
 * @map_size: SAP_SIM_EV_MAP: bytes mapped; 0 otherwise
 * @data: SAP_SIM_EV_MSG: the message
 *
 * read() needs a buffer of at least sizeof(struct sap_sim_event) +
 * SAP_SIM_MSG_MAX bytes; a shorter buffer gets EINVAL. Without an event,
 * read() blocks, or fails with EAGAIN on a non-blocking file.
 */
struct sap_sim_event {
	__u32 type;
	__u32 len;
	__u32 gen;
	__u32 map_size;
	__u8 data[];
};

/**
 * struct sap_sim_attach - SAP_SIM_IOC_ATTACH argument
 * @size: sizeof(struct sap_sim_attach), for extension
 * @flags: must be 0
 * @max_map_size: largest shared area the "firmware" accepts, 0 = any; a
 *	smaller value makes the host fall back from SAP v4 to v3
 *
 * Fails with EBUSY if already attached.
 */
struct sap_sim_attach {
	__u32 size;
	__u32 flags;
	__u32 max_map_size;
	__u32 reserved;
};

/**
 * struct sap_sim_info - SAP_SIM_IOC_INFO result
 * @size: sizeof(struct sap_sim_info), set by the caller
 * @attached: a client is attached
 * @enabled: the host enabled the client
 * @gen: attach generation
 * @map_size: bytes currently mapped by the host, 0 if none
 * @msgs_to_host: messages written and delivered
 * @msgs_from_host: messages the host sent
 * @events_dropped: events lost because the queue was full
 * @resets: SAP_SIM_IOC_RESET calls
 * @suspends: client removals caused by system suspend
 */
struct sap_sim_info {
	__u32 size;
	__u32 attached;
	__u32 enabled;
	__u32 gen;
	__u32 map_size;
	__u32 msgs_to_host;
	__u32 msgs_from_host;
	__u32 events_dropped;
	__u32 resets;
	__u32 suspends;
};

#define SAP_SIM_IOC_MAGIC	0xE5
#define SAP_SIM_IOC_ATTACH	_IOW(SAP_SIM_IOC_MAGIC, 0, struct sap_sim_attach)
#define SAP_SIM_IOC_DETACH	_IO(SAP_SIM_IOC_MAGIC, 1)
#define SAP_SIM_IOC_RESET	_IO(SAP_SIM_IOC_MAGIC, 2)
#define SAP_SIM_IOC_INFO	_IOWR(SAP_SIM_IOC_MAGIC, 3, struct sap_sim_info)

#endif /* _UAPI_LINUX_SAP_SIM_H */

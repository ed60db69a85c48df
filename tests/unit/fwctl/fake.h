/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake fwctl kernel for the unit tests: the test binaries are linked with
 * -Wl,--wrap=ioctl, so every ioctl() libfwctl makes lands in
 * __wrap_ioctl(), which follows the uAPI rules of the fwctl uAPI headers
 * (size-extensible structs, 2 MiB limit, scope rules) and answers RPCs
 * with a small fwctl_sim firmware written from the header's description.
 * A fake sysfs and /dev tree lets discovery run without the modules.
 */
#ifndef FWCTL_UNIT_FAKE_H
#define FWCTL_UNIT_FAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fake_kernel {
	/* what the library sent */
	int info_calls;
	int rpc_calls;
	uint32_t last_info_size;
	uint32_t last_info_cap;
	uint32_t last_rpc_size;
	uint32_t last_scope;
	uint32_t last_in_len;
	uint32_t last_out_cap;

	/* how the kernel behaves */
	uint32_t ksize_info;		/* its sizeof(struct fwctl_info) */
	uint32_t ksize_rpc;		/* its sizeof(struct fwctl_rpc) */
	int force_errno;		/* every fwctl ioctl fails with this */
	bool no_rawio;			/* the caller lacks CAP_SYS_RAWIO */
	bool upstream_zero_probe;	/* a 0-byte INFO reports length 0 */
	uint32_t type;
	unsigned char data[512];
	size_t data_len;
	size_t grow;			/* device data grows per INFO call */

	/* how the fake firmware behaves */
	int resp_mode;			/* FAKE_RESP_* */
	uint32_t force_status;		/* non-zero: every command fails so */
};

enum {
	FAKE_RESP_OK,
	FAKE_RESP_SHORT,		/* 8-byte response */
	FAKE_RESP_WRONG_OPCODE,		/* echoes another opcode */
	FAKE_RESP_LONG_LEN,		/* header announces more than sent */
};

extern struct fake_kernel fk;
extern char fake_root[];

/* Reset the fake kernel and its firmware to power-on defaults. */
void fake_reset(void);
/* Build the fake /sys and /dev under a temporary directory; 0 or -1. */
int fake_tree_setup(void);
void fake_tree_cleanup(void);
/* The bytes the fake firmware's log holds, and their number. */
const char *fake_log(size_t *len);

#endif

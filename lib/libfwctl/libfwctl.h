/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libfwctl: find fwctl devices, query them and send them RPCs.
 *
 * Conventions
 *  - Every function that can fail returns a negative errno (-EPERM, ...);
 *    fwctl_strerror() and fwctl_explain() put it into words.
 *  - The fwctl_sim_*() command helpers return 0 on success, a negative
 *    errno when the kernel or driver refused the request (it never reached
 *    the firmware), or a positive FWCTL_SIM_STATUS_* value when the
 *    firmware received the command and refused it.
 *  - Lengths are size_t; a length the 32-bit uAPI cannot carry is refused
 *    with -EMSGSIZE before any ioctl.
 *
 * Size-extensible uAPI: the library always passes the size of the structs
 * it was built with (struct fwctl_info 24 bytes, struct fwctl_rpc 32 bytes,
 * the Linux 6.15 layouts, which are also the minimum every fwctl kernel
 * accepts). A newer kernel with longer structs treats the missing tail as
 * zero and copies back only the bytes the library sent; an older kernel
 * cannot exist for these layouts. A future libfwctl that sends a longer
 * struct with a non-zero new field gets -E2BIG from a kernel that predates
 * the field, and fwctl_strerror() says so.
 *
 * The library is thread-safe as long as one struct fwctl_dev is not used by
 * two threads at once.
 */
#ifndef LIBFWCTL_H
#define LIBFWCTL_H

#include <stddef.h>
#include <stdint.h>
#include <fwctl/fwctl.h>
#include <fwctl/fwctl_sim.h>
#include <fwctl/sap.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LIBFWCTL_VERSION "1.0.0"

/* What sysfs says about one fwctl device; no open() needed to learn it. */
struct fwctl_devinfo {
	char name[32];		/* class device name, "fwctl0" */
	unsigned int index;	/* the N of fwctlN */
	unsigned int major;	/* from /sys/class/fwctl/NAME/dev */
	unsigned int minor;
	char node[256];		/* device node found for MAJ:MIN, "" if none */
	char parent[128];	/* parent device name, "fwctl_sim1", "0000:03:00.0" */
	char parent_path[512];	/* its sysfs path, "/sys/devices/fwctl_sim1" */
	char bus[32];		/* the parent's bus, "fwctl_sim", "pci", "" */
	char driver[64];	/* the parent's driver, "fwctl_sim", "" if unbound */
};

struct fwctl_dev;

/* Operation an error came from, for fwctl_explain(). */
enum fwctl_op {
	FWCTL_OP_OPEN = 0,
	FWCTL_OP_INFO = 1,
	FWCTL_OP_RPC = 2,
};

/* Discovery */
int fwctl_list(struct fwctl_devinfo **list);
void fwctl_list_free(struct fwctl_devinfo *list);
int fwctl_lookup(const char *spec, struct fwctl_devinfo *info);

/* Opening */
int fwctl_open(const char *spec, struct fwctl_dev **dev);
int fwctl_open_fd(int fd, struct fwctl_dev **dev);
void fwctl_close(struct fwctl_dev *dev);
int fwctl_fd(const struct fwctl_dev *dev);
const struct fwctl_devinfo *fwctl_devinfo(const struct fwctl_dev *dev);

/* FWCTL_INFO */
int fwctl_info_buf(struct fwctl_dev *dev, uint32_t *type, void *buf,
		   size_t cap, size_t *len);
int fwctl_info(struct fwctl_dev *dev, uint32_t *type, void **data,
	       size_t *len);
int fwctl_type(struct fwctl_dev *dev, uint32_t *type);

/* FWCTL_RPC */
int fwctl_rpc(struct fwctl_dev *dev, uint32_t scope, const void *in,
	      size_t in_len, void *out, size_t out_cap, size_t *out_len);
int fwctl_resp_status(uint32_t type, const void *out, size_t len,
		      uint32_t *status);

/* Names and words */
const char *fwctl_strerror(int err);
const char *fwctl_explain(int err, enum fwctl_op op, uint32_t scope);
const char *fwctl_errno_name(int err);
const char *fwctl_scope_name(uint32_t scope);
int fwctl_scope_parse(const char *s, uint32_t *scope);
const char *fwctl_type_name(uint32_t type);

/*
 * fwctl_sim: the simulated device of fwgate. The command helpers check that
 * the device is a fwctl_sim (-EMEDIUMTYPE otherwise) and use the minimum
 * scope the catalogue gives the opcode; fwctl_sim_cmd() takes any scope.
 */
struct fwctl_sim_result {
	uint32_t status;	/* FWCTL_SIM_STATUS_* */
	uint32_t syndrome;	/* detail of a non-zero status */
	uint32_t opcode;	/* echoed by the firmware */
	uint32_t len;		/* payload bytes the firmware produced */
	uint32_t truncated;	/* 1 if @len exceeded the caller's buffer */
};

size_t fwctl_sim_req_build(void *buf, size_t cap, uint32_t opcode,
			   uint32_t arg0, uint32_t arg1, const void *payload,
			   size_t payload_len);
int fwctl_sim_resp_parse(const void *buf, size_t len,
			 struct fwctl_sim_result *res, const void **payload);
int fwctl_sim_op_scope(uint32_t opcode);
const char *fwctl_sim_op_name(uint32_t opcode);
int fwctl_sim_op_parse(const char *s, uint32_t *opcode);
const char *fwctl_sim_status_name(uint32_t status);
const char *fwctl_sim_status_str(uint32_t status);
const char *fwctl_sim_cfg_key_name(uint32_t key);
int fwctl_sim_cfg_key_parse(const char *s, uint32_t *key);
const char *fwctl_sim_cap_name(unsigned int bit);

int fwctl_sim_cmd(struct fwctl_dev *dev, uint32_t scope, uint32_t opcode,
		  uint32_t arg0, uint32_t arg1, const void *in, size_t in_len,
		  void *out, size_t out_cap, struct fwctl_sim_result *res);

int fwctl_sim_nop(struct fwctl_dev *dev, struct fwctl_sim_result *res);
int fwctl_sim_identify(struct fwctl_dev *dev, struct fwctl_sim_identify *id,
		       struct fwctl_sim_result *res);
int fwctl_sim_cfg_get(struct fwctl_dev *dev, uint32_t key, uint32_t *value,
		      struct fwctl_sim_result *res);
int fwctl_sim_cfg_set(struct fwctl_dev *dev, uint32_t key, uint32_t value,
		      struct fwctl_sim_result *res);
int fwctl_sim_obj_alloc(struct fwctl_dev *dev, uint32_t tag, uint32_t *id,
			struct fwctl_sim_result *res);
int fwctl_sim_obj_query(struct fwctl_dev *dev, uint32_t id, uint32_t *tag,
			struct fwctl_sim_result *res);
int fwctl_sim_obj_free(struct fwctl_dev *dev, uint32_t id,
		       struct fwctl_sim_result *res);
int fwctl_sim_counters(struct fwctl_dev *dev, struct fwctl_sim_counters *cnt,
		       struct fwctl_sim_result *res);
int fwctl_sim_log_read(struct fwctl_dev *dev, uint32_t offset, void *buf,
		       size_t cap, size_t *len, struct fwctl_sim_result *res);
int fwctl_sim_reg_read(struct fwctl_dev *dev, uint32_t index, uint32_t *value,
		       struct fwctl_sim_result *res);
int fwctl_sim_reg_write(struct fwctl_dev *dev, uint32_t index, uint32_t value,
			struct fwctl_sim_result *res);
int fwctl_sim_fw_reset(struct fwctl_dev *dev, struct fwctl_sim_result *res);
int fwctl_sim_mem_read(struct fwctl_dev *dev, uint32_t offset, void *buf,
		       size_t len, struct fwctl_sim_result *res);
int fwctl_sim_mem_write(struct fwctl_dev *dev, uint32_t offset,
			const void *buf, size_t len,
			struct fwctl_sim_result *res);

/*
 * mlx5 (ConnectX): FWCTL_RPC buffers are raw PRM mailboxes; these write the
 * request header and read the response's status and syndrome.
 */
#define FWCTL_MLX5_MBOX_HDR_LEN 16

int fwctl_mlx5_is_mlx5(const char *name, char *parent, size_t len);
void fwctl_mlx5_mbox_hdr(void *in, uint16_t opcode, uint16_t uid,
			 uint16_t op_mod);
int fwctl_mlx5_mbox_status(const void *out, size_t len, uint8_t *status,
			   uint32_t *syndrome);

#ifdef __cplusplus
}
#endif

#endif /* LIBFWCTL_H */

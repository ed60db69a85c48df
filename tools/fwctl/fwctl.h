/* SPDX-License-Identifier: GPL-2.0 */
/* fwctl(8): declarations shared by the command's source files. */
#ifndef FWCTL_TOOL_H
#define FWCTL_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"
#include "libfwctl.h"

/* Exit statuses, see fwctl(8). */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 1,		/* bad command line, wrong kind of device */
	EXIT_KERNEL = 2,	/* the kernel or driver refused (errno) */
	EXIT_FIRMWARE = 3,	/* the firmware refused (status in response) */
	EXIT_SYSTEM = 4,	/* no such device, file or memory problem */
};

/* util.c: argument and data helpers */
int parse_u32(const char *s, uint32_t *v);
int parse_size(const char *s, uint64_t *v);
int parse_hex(const char *s, unsigned char **buf, size_t *len);
int read_all(FILE *f, size_t max, unsigned char **buf, size_t *len);
void hexdump(FILE *f, const void *buf, size_t len, size_t base);
int split_line(char *line, char **argv, int max);
bool is_help(const char *s);

/* The state of one fwctl invocation. */
struct cli {
	bool json;
	bool pretty;
	FILE *out;
	FILE *err;
	struct json j;
	int ncache;
	struct {
		char *spec;
		struct fwctl_dev *dev;
	} cache[32];
};

/*
 * emit: one decoded value, as a "key value" line in text mode or a member
 * of the current JSON object.
 */
void emit_u64(struct cli *c, const char *key, uint64_t v);
void emit_str(struct cli *c, const char *key, const char *s);
void emit_version(struct cli *c, const char *key, uint32_t v);
void emit_caps(struct cli *c, const char *key, uint32_t caps,
	       const char *(*name)(unsigned int bit));
void emit_begin(struct cli *c, const char *key);
void emit_end(struct cli *c);

/* cli.c */
void cli_usage(FILE *f);
int cli_run(struct cli *c, int argc, char **argv);
int cli_batch(struct cli *c, FILE *f, const char *path, bool force);
int cli_get_dev(struct cli *c, const char *spec, struct fwctl_dev **dev);
void cli_close_all(struct cli *c);
int cli_fail(struct cli *c, const char *dev, const char *what, int err,
	     enum fwctl_op op, uint32_t scope);
int cli_pick_dev(struct cli *c, const char *op, const char *kind, const char *hint,
		 bool (*is_kind)(const char *dev), char *name, size_t len);
__attribute__((format(printf, 2, 3)))
int cli_usage_error(struct cli *c, const char *fmt, ...);

/* dev.c */
int cmd_dev(struct cli *c, int argc, char **argv);
int cmd_info(struct cli *c, int argc, char **argv);
void info_decode(struct cli *c, uint32_t type, const void *data, size_t len);

/* rpc.c */
int cmd_rpc(struct cli *c, int argc, char **argv);

/* mlx5.c */
int cmd_mlx5(struct cli *c, int argc, char **argv);

/* sap.c */
int cmd_sap(struct cli *c, int argc, char **argv);

/* sim.c */
enum sim_cmd {
	SIM_NOP,
	SIM_IDENTIFY,
	SIM_COUNTERS,
	SIM_RESET,
	SIM_CFG_SHOW,
	SIM_CFG_GET,
	SIM_CFG_SET,
	SIM_LOG,
	SIM_REG_READ,
	SIM_REG_WRITE,
	SIM_MEM_READ,
	SIM_MEM_WRITE,
	SIM_OBJ_ALLOC,
	SIM_OBJ_QUERY,
	SIM_OBJ_FREE,
};

struct sim_spec {
	enum sim_cmd cmd;
	uint32_t opcode;
	uint32_t arg0;
	uint32_t arg1;
	bool has_scope;
	uint32_t scope;
	unsigned char *payload;	/* MEM_WRITE, malloc'ed */
	size_t payload_len;
	uint64_t log_len;	/* LOG: bytes wanted, UINT64_MAX = to the end */
	bool raw;		/* MEM_READ: binary output */
};

int sim_parse(int argc, char **argv, struct sim_spec *s, char *err,
	      size_t errlen);
void sim_spec_free(struct sim_spec *s);
void sim_print_identify(struct cli *c, const struct fwctl_sim_identify *id);
void sim_print_counters(struct cli *c, const struct fwctl_sim_counters *cnt);
void sim_print_cfg(struct cli *c, uint32_t key, uint32_t value);
int cmd_sim(struct cli *c, int argc, char **argv);

#endif

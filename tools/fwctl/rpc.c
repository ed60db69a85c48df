// SPDX-License-Identifier: GPL-2.0
/* fwctl rpc: send the bytes the user gives and show the response. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"

#define RPC_DEFAULT_OUT 4096
#define RPC_MAX_BUF (64u << 20)

static void rpc_help(FILE *f)
{
	fputs("Usage: fwctl rpc DEV scope SCOPE [in HEX | file PATH | -] [out-len N] [raw]\n"
	      "  Sends a request in the device's own format and prints the\n"
	      "  response as a hex dump (raw: the bytes as they are).\n"
	      "  in HEX    request bytes, e.g. 0100000000000000 or 01:00:00:00\n"
	      "  file PATH request read from a file; - reads it from stdin\n"
	      "  out-len N response buffer size (default 4096, k/M suffixes)\n"
	      "  SCOPE     configuration | debug-read-only | debug-write |\n"
	      "            debug-write-full | a number (0..3, others are refused)\n"
	      "  Exit status 3 when a device of a known type (fwctl_sim, mlx5,\n"
	      "  cxl, bnxt, pds) reports a non-zero status in its response.\n",
	      f);
}

struct rpc_args {
	bool has_scope;
	uint32_t scope;
	unsigned char *in;
	size_t in_len;
	uint64_t out_len;
	bool raw;
};

static int load_input(struct cli *c, struct rpc_args *a, const char *kind,
		      const char *arg)
{
	FILE *f;
	int ret;

	if (a->in)
		return cli_usage_error(c, "give the request once (in, file or -)");
	if (!strcmp(kind, "in")) {
		ret = parse_hex(arg, &a->in, &a->in_len);
		if (ret)
			return cli_usage_error(c, "in: \"%s\" is not a hex byte string", arg);
		return 0;
	}
	f = arg ? fopen(arg, "re") : stdin;
	if (!f) {
		fprintf(c->err, "fwctl: %s: %s\n", arg, strerror(errno));
		return EXIT_SYSTEM;
	}
	ret = read_all(f, RPC_MAX_BUF, &a->in, &a->in_len);
	if (f != stdin)
		fclose(f);
	if (ret) {
		fprintf(c->err, "fwctl: reading the request from %s: %s\n",
			arg ? arg : "stdin", strerror(-ret));
		return EXIT_SYSTEM;
	}
	return 0;
}

static int parse_args(struct cli *c, int argc, char **argv,
		      struct rpc_args *a)
{
	int i, ret;

	a->out_len = RPC_DEFAULT_OUT;
	for (i = 0; i < argc; i++) {
		const char *kw = argv[i];

		if (!strcmp(kw, "raw")) {
			a->raw = true;
			continue;
		}
		if (!strcmp(kw, "-")) {
			ret = load_input(c, a, "-", NULL);
			if (ret)
				return ret;
			continue;
		}
		if (strcmp(kw, "scope") && strcmp(kw, "in") &&
		    strcmp(kw, "file") && strcmp(kw, "out-len"))
			return cli_usage_error(c, "rpc: unknown argument \"%s\"", kw);
		if (i + 1 >= argc)
			return cli_usage_error(c, "rpc: %s needs a value", kw);
		i++;
		if (!strcmp(kw, "scope")) {
			if (fwctl_scope_parse(argv[i], &a->scope))
				return cli_usage_error(c, "rpc: unknown scope \"%s\"", argv[i]);
			a->has_scope = true;
		} else if (!strcmp(kw, "out-len")) {
			if (parse_size(argv[i], &a->out_len) ||
			    a->out_len > RPC_MAX_BUF)
				return cli_usage_error(c, "rpc: bad out-len \"%s\" (at most 64M)",
						       argv[i]);
		} else {
			ret = load_input(c, a, kw, argv[i]);
			if (ret)
				return ret;
		}
	}
	if (!a->has_scope)
		return cli_usage_error(c, "rpc: scope SCOPE is required");
	if (a->raw && c->json)
		return cli_usage_error(c, "rpc: raw and -j exclude each other");
	return 0;
}

/* The firmware's verdict in words, for the types whose status we know. */
static void status_words(uint32_t type, const void *out, size_t len,
			 uint32_t status, char *buf, size_t buflen)
{
	struct fwctl_sim_result res;

	if (type == FWCTL_DEVICE_TYPE_FWGATE_SIM &&
	    !fwctl_sim_resp_parse(out, len, &res, NULL)) {
		snprintf(buf, buflen, "%s: %s, syndrome 0x%x",
			 fwctl_sim_status_name(status) ?
			 fwctl_sim_status_name(status) : "unknown",
			 fwctl_sim_status_str(status), res.syndrome);
		return;
	}
	snprintf(buf, buflen, "device status %u", status);
}

int cmd_rpc(struct cli *c, int argc, char **argv)
{
	struct rpc_args a = { 0 };
	struct fwctl_dev *dev;
	unsigned char *out = NULL;
	uint32_t type = 0, status = 0;
	size_t got, valid;
	int ret, known = 0;
	char words[256];

	if (argc < 1 || is_help(argv[0]) || (argc > 1 && is_help(argv[1]))) {
		rpc_help(argc < 1 ? c->err : c->out);
		return argc < 1 ? EXIT_USAGE : EXIT_OK;
	}
	ret = parse_args(c, argc - 1, argv + 1, &a);
	if (ret)
		goto out;
	ret = cli_get_dev(c, argv[0], &dev);
	if (ret)
		goto out;
	out = malloc(a.out_len ? a.out_len : 1);
	if (!out) {
		ret = cli_fail(c, argv[0], "rpc", -ENOMEM, FWCTL_OP_INFO, 0);
		goto out;
	}
	ret = fwctl_type(dev, &type);
	if (ret) {
		ret = cli_fail(c, argv[0], "info", ret, FWCTL_OP_INFO, 0);
		goto out;
	}
	ret = fwctl_rpc(dev, a.scope, a.in, a.in_len, out, a.out_len, &got);
	if (ret) {
		ret = cli_fail(c, argv[0], "rpc", ret, FWCTL_OP_RPC, a.scope);
		goto out;
	}
	valid = got < a.out_len ? got : a.out_len;
	known = fwctl_resp_status(type, out, valid, &status);
	if (known == 1 && status)
		status_words(type, out, valid, status, words, sizeof(words));

	if (a.raw) {
		fwrite(out, 1, valid, c->out);
	} else if (c->json) {
		json_obj_open(&c->j, NULL);
		json_str(&c->j, "device", fwctl_devinfo(dev)->name[0] ?
			 fwctl_devinfo(dev)->name : argv[0]);
		json_str(&c->j, "type", fwctl_type_name(type));
		json_u64(&c->j, "type_id", type);
		json_str(&c->j, "scope", fwctl_scope_name(a.scope));
		json_u64(&c->j, "scope_id", a.scope);
		json_u64(&c->j, "in_len", a.in_len);
		json_u64(&c->j, "out_len", got);
		json_bool(&c->j, "truncated", got > a.out_len);
		if (known == 1)
			json_u64(&c->j, "status", status);
		else
			json_null(&c->j, "status");
		json_hex(&c->j, "data", out, valid);
		json_obj_close(&c->j);
		json_done(&c->j);
	} else {
		fprintf(c->out, "%s: response %zu bytes", argv[0], got);
		if (got > a.out_len)
			fprintf(c->out, " (truncated to %zu)", valid);
		if (known == 1)
			fprintf(c->out, ", status %u", status);
		fputc('\n', c->out);
		hexdump(c->out, out, valid, 0);
	}
	fflush(c->out);		/* keep the order of stdout and stderr */
	if (got > a.out_len)
		fprintf(c->err, "fwctl: %s: response truncated: %zu of %zu bytes; raise out-len\n",
			argv[0], valid, got);
	ret = EXIT_OK;
	if (known == 1 && status) {
		fprintf(c->err, "fwctl: %s: the firmware refused the request: %s\n",
			argv[0], words);
		ret = EXIT_FIRMWARE;
	} else if (known < 0) {
		fprintf(c->err, "fwctl: %s: response too short to carry a status\n",
			argv[0]);
		ret = EXIT_SYSTEM;
	}
out:
	free(a.in);
	free(out);
	return ret;
}

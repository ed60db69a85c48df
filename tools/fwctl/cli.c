// SPDX-License-Identifier: GPL-2.0
/*
 * The fwctl command's plumbing: object dispatch, batch mode, error reports
 * with their exit status, the device cache, and the text/JSON emitters.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"

void cli_usage(FILE *f)
{
	fputs("Usage: fwctl [OPTIONS] OBJECT { COMMAND | help }\n"
	      "       fwctl [OPTIONS] -b FILE\n"
	      "OBJECT := { dev | info | mlx5 | rpc | sap | sim }\n"
	      "  fwctl dev [show [DEV]]            list fwctl devices\n"
	      "  fwctl info DEV                    device type and device data\n"
	      "  fwctl rpc DEV scope SCOPE [in HEX | file PATH | -] [out-len N] [raw]\n"
	      "                                    send a raw RPC\n"
	      "  fwctl mlx5 [DEV] { caps | reg NAME | diag | raw HEX }\n"
	      "                                    mlx5 commands (fwctl mlx5 help)\n"
	      "  fwctl sap [DEV] COMMAND [scope SCOPE]\n"
	      "                                    SAP host commands (fwctl sap help)\n"
	      "  fwctl sim DEV COMMAND [scope SCOPE]\n"
	      "                                    fwctl_sim commands (fwctl sim help)\n"
	      "DEV := { fwctlN | N | /dev/fwctl/fwctlN | /dev/char/MAJ:MIN | PARENT | BUS/PARENT }\n"
	      "SCOPE := { configuration | debug-read-only | debug-write | debug-write-full | 0..3 }\n"
	      "OPTIONS := { -j[son] | -p[retty] | -b[atch] FILE | -f[orce] | -V[ersion] | -h[elp] }\n"
	      "Exit status: 0 success, 1 usage error, 2 refused by the kernel,\n"
	      "             3 refused by the firmware, 4 no such device or other failure.\n",
	      f);
}

__attribute__((format(printf, 2, 3)))
int cli_usage_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	fflush(c->out);
	fputs("fwctl: ", c->err);
	va_start(ap, fmt);
	vfprintf(c->err, fmt, ap);
	va_end(ap);
	fputc('\n', c->err);
	return EXIT_USAGE;
}

/**
 * cli_fail - report an errno from the library and pick the exit status
 * @c: the invocation
 * @dev: the device name as the user gave it, or NULL
 * @what: what was being done ("rpc", "cfg-set", ...)
 * @err: negative errno
 * @op: the library call that failed
 * @scope: the scope of an RPC
 */
int cli_fail(struct cli *c, const char *dev, const char *what, int err,
	     enum fwctl_op op, uint32_t scope)
{
	const char *name = fwctl_errno_name(err);
	const char *why = fwctl_explain(err, op, scope);
	int status;

	if (op == FWCTL_OP_OPEN)
		status = (err == -ENOENT || err == -ENOTUNIQ ||
			  err == -ENOTTY || err == -EINVAL) ? EXIT_SYSTEM
							    : EXIT_KERNEL;
	else if (err == -EMEDIUMTYPE)
		status = EXIT_USAGE;
	else if (err == -ENOMEM && op != FWCTL_OP_RPC)
		status = EXIT_SYSTEM;
	else
		status = EXIT_KERNEL;

	fflush(c->out);
	fprintf(c->err, "fwctl: %s%s%s", dev ? dev : "", dev ? ": " : "",
		what);
	if (op == FWCTL_OP_RPC && fwctl_scope_name(scope))
		fprintf(c->err, " at scope %s", fwctl_scope_name(scope));
	else if (op == FWCTL_OP_RPC)
		fprintf(c->err, " at scope %u", scope);
	fprintf(c->err, ": %s%s%s%s: %s\n", strerror(-err), name ? " (" : "",
		name ? name : "", name ? ")" : "", why);

	if (c->json) {
		json_obj_open(&c->j, NULL);
		json_obj_open(&c->j, "error");
		json_str(&c->j, "device", dev);
		json_str(&c->j, "op", what);
		if (op == FWCTL_OP_RPC)
			json_u64(&c->j, "scope", scope);
		json_u64(&c->j, "errno", -err);
		json_str(&c->j, "errno_name", name);
		json_str(&c->j, "message", strerror(-err));
		json_str(&c->j, "explanation", why);
		json_u64(&c->j, "exit_status", status);
		json_obj_close(&c->j);
		json_obj_close(&c->j);
		json_done(&c->j);
	}
	return status;
}

/**
 * cli_pick_dev - the one device of a kind, for commands whose DEV is optional
 * @c: the invocation
 * @op: the command word ("mlx5", "sap"), for messages
 * @kind: what is looked for ("mlx5 fwctl device")
 * @hint: why there may be none ("is mlx5_fwctl loaded?")
 * @is_kind: true for a device name of the kind
 * @name: where the name goes
 * @len: its size
 *
 * Return: 0, or the exit status after reporting ENODEV (none) or ENOTUNIQ
 * (several: the user must name one).
 */
int cli_pick_dev(struct cli *c, const char *op, const char *kind, const char *hint,
		 bool (*is_kind)(const char *dev), char *name, size_t len)
{
	struct fwctl_devinfo *list;
	int n, i, found = 0, ret;

	n = fwctl_list(&list);
	if (n < 0)
		return cli_fail(c, NULL, "list", n, FWCTL_OP_OPEN, 0);
	for (i = 0; i < n; i++) {
		if (is_kind(list[i].name) && !found++)
			snprintf(name, len, "%s", list[i].name);
	}
	fwctl_list_free(list);
	if (found == 1)
		return 0;
	ret = found ? -ENOTUNIQ : -ENODEV;
	fflush(c->out);
	if (found)
		fprintf(c->err, "fwctl: %s: %d %ss; name one (fwctl dev show): %s (ENOTUNIQ)\n",
			op, found, kind, strerror(-ret));
	else
		fprintf(c->err, "fwctl: %s: no %s (%s): %s (ENODEV)\n", op, kind, hint,
			strerror(-ret));
	if (c->json) {
		json_obj_open(&c->j, NULL);
		json_obj_open(&c->j, "error");
		json_str(&c->j, "op", op);
		json_u64(&c->j, "errno", -ret);
		json_str(&c->j, "errno_name", fwctl_errno_name(ret));
		json_str(&c->j, "message", strerror(-ret));
		json_u64(&c->j, "devices", found);
		json_u64(&c->j, "exit_status", EXIT_SYSTEM);
		json_obj_close(&c->j);
		json_obj_close(&c->j);
		json_done(&c->j);
	}
	return EXIT_SYSTEM;
}

/*
 * Open @spec once per invocation: a batch keeps its devices (and so their
 * firmware contexts and objects) open from line to line.
 */
int cli_get_dev(struct cli *c, const char *spec, struct fwctl_dev **dev)
{
	int i, ret;

	for (i = 0; i < c->ncache; i++) {
		if (!strcmp(c->cache[i].spec, spec)) {
			*dev = c->cache[i].dev;
			return 0;
		}
	}
	ret = fwctl_open(spec, dev);
	if (ret)
		return cli_fail(c, spec, "open", ret, FWCTL_OP_OPEN, 0);
	if (c->ncache == (int)(sizeof(c->cache) / sizeof(c->cache[0])))
		cli_close_all(c);
	c->cache[c->ncache].spec = strdup(spec);
	if (!c->cache[c->ncache].spec) {
		fwctl_close(*dev);
		return cli_fail(c, spec, "open", -ENOMEM, FWCTL_OP_INFO, 0);
	}
	c->cache[c->ncache++].dev = *dev;
	return 0;
}

void cli_close_all(struct cli *c)
{
	int i;

	for (i = 0; i < c->ncache; i++) {
		fwctl_close(c->cache[i].dev);
		free(c->cache[i].spec);
	}
	c->ncache = 0;
}

static int indent_of(struct cli *c)
{
	return c->j.depth * 2;
}

/* A nested JSON object; text mode keeps the caller's indentation. */
void emit_begin(struct cli *c, const char *key)
{
	if (c->json)
		json_obj_open(&c->j, key);
}

void emit_end(struct cli *c)
{
	if (c->json)
		json_obj_close(&c->j);
}

void emit_u64(struct cli *c, const char *key, uint64_t v)
{
	if (c->json)
		json_u64(&c->j, key, v);
	else
		fprintf(c->out, "%*s%s %llu\n", indent_of(c), "", key,
			(unsigned long long)v);
}

void emit_str(struct cli *c, const char *key, const char *s)
{
	if (c->json)
		json_str(&c->j, key, s);
	else
		fprintf(c->out, "%*s%s %s\n", indent_of(c), "", key,
			s ? s : "-");
}

/* major << 16 | minor << 8 | patch, as "M.m.p" (and the number in JSON) */
void emit_version(struct cli *c, const char *key, uint32_t v)
{
	char buf[32], raw[64];

	snprintf(buf, sizeof(buf), "%u.%u.%u", v >> 16, (v >> 8) & 0xff,
		 v & 0xff);
	if (c->json) {
		json_str(&c->j, key, buf);
		snprintf(raw, sizeof(raw), "%s_raw", key);
		json_u64(&c->j, raw, v);
	} else {
		fprintf(c->out, "%*s%s %s\n", indent_of(c), "", key, buf);
	}
}

/* A bit mask with names: "caps 0xf config debug" or a JSON name list. */
void emit_caps(struct cli *c, const char *key, uint32_t caps,
	       const char *(*name)(unsigned int bit))
{
	char raw[64];
	unsigned int bit;

	if (c->json) {
		json_arr_open(&c->j, key);
		for (bit = 0; bit < 32; bit++) {
			char unknown[16];

			if (!(caps & (1u << bit)))
				continue;
			snprintf(unknown, sizeof(unknown), "bit%u", bit);
			json_str(&c->j, NULL, name(bit) ? name(bit) : unknown);
		}
		json_arr_close(&c->j);
		snprintf(raw, sizeof(raw), "%s_raw", key);
		json_u64(&c->j, raw, caps);
		return;
	}
	fprintf(c->out, "%*s%s 0x%x", indent_of(c), "", key, caps);
	for (bit = 0; bit < 32; bit++) {
		if (!(caps & (1u << bit)))
			continue;
		if (name(bit))
			fprintf(c->out, " %s", name(bit));
		else
			fprintf(c->out, " bit%u", bit);
	}
	fputc('\n', c->out);
}

/* The OBJECT words of "fwctl OBJECT ...", each with its command. */
static const struct cli_object {
	const char *name;
	const char *alias;
	int (*run)(struct cli *c, int argc, char **argv);
} cli_objects[] = {
	{ "dev", "devices", cmd_dev },
	{ "info", NULL, cmd_info },
	{ "mlx5", NULL, cmd_mlx5 },
	{ "rpc", NULL, cmd_rpc },
	{ "sap", NULL, cmd_sap },
	{ "sim", NULL, cmd_sim },
};

int cli_run(struct cli *c, int argc, char **argv)
{
	const struct cli_object *o;
	const char *obj;
	unsigned int i;

	if (argc < 1)
		return cli_usage_error(c, "no object given; try \"fwctl help\"");
	obj = argv[0];
	for (i = 0; i < sizeof(cli_objects) / sizeof(cli_objects[0]); i++) {
		o = &cli_objects[i];
		if (!strcmp(obj, o->name) || (o->alias && !strcmp(obj, o->alias)))
			return o->run(c, argc - 1, argv + 1);
	}
	if (is_help(obj)) {
		cli_usage(c->out);
		return EXIT_OK;
	}
	return cli_usage_error(c, "unknown object \"%s\"; try \"fwctl help\"",
			       obj);
}

#define BATCH_MAX_WORDS 64

/*
 * Run every line of @f (named @path in messages); stop at the first
 * failure unless @force. Return the exit status of the first failure.
 */
int cli_batch(struct cli *c, FILE *f, const char *path, bool force)
{
	char *line = NULL, *words[BATCH_MAX_WORDS];
	size_t cap = 0;
	unsigned int lineno = 0;
	int n, ret, status = EXIT_OK;

	while (getline(&line, &cap, f) > 0) {
		lineno++;
		n = split_line(line, words, BATCH_MAX_WORDS);
		if (n == 0)
			continue;
		if (n < 0)
			ret = cli_usage_error(c, "unterminated quote or too many words");
		else
			ret = cli_run(c, n, words);
		fflush(c->out);
		if (ret) {
			fprintf(c->err, "fwctl: batch %s line %u failed (exit status %d)\n",
				path, lineno, ret);
			if (!status)
				status = ret;
			if (!force)
				break;
		}
	}
	free(line);
	return status;
}

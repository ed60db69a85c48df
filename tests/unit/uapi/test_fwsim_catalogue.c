// SPDX-License-Identifier: GPL-2.0
/*
 * Pins drivers/fwctl/sim/fwsim_catalogue.h, which the kernel module,
 * libfwctl and the tests share, to the tables of docs/fwctl-sim.md: the
 * opcode catalogue with minimum scopes, the configuration keys with their
 * ranges and defaults, and the capability bits. Neither side is derived
 * from the other, so a change to one alone fails here.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fwsim_catalogue.h"
#include "tap.h"

#ifndef DOC_PATH
#error "DOC_PATH: docs/fwctl-sim.md"
#endif

#define MAX_CELLS	8
#define CELL_LEN	64

/* Split "| a | b | c |" into trimmed cells; the number of cells, or -1. */
static int split_row(const char *line, char cells[MAX_CELLS][CELL_LEN])
{
	const char *p = line, *end;
	int n = 0;
	size_t len;

	if (*p != '|')
		return -1;
	p++;
	while (*p && *p != '\n') {
		end = strchr(p, '|');
		if (!end || n == MAX_CELLS)
			break;
		while (p < end && isspace((unsigned char)*p))
			p++;
		len = end - p;
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len >= CELL_LEN)
			len = CELL_LEN - 1;
		memcpy(cells[n], p, len);
		cells[n][len] = '\0';
		n++;
		p = end + 1;
	}
	return n;
}

/* "CFG_GET" in the doc is "cfg-get" in the header. */
static void doc_name(const char *in, char *out, size_t cap)
{
	size_t i;

	for (i = 0; in[i] && i + 1 < cap; i++)
		out[i] = in[i] == '_' ? '-' : tolower((unsigned char)in[i]);
	out[i] = '\0';
}

static int scope_of(const char *word)
{
	static const char *const words[] = {
		[FWCTL_RPC_CONFIGURATION] = "configuration",
		[FWCTL_RPC_DEBUG_READ_ONLY] = "debug read-only",
		[FWCTL_RPC_DEBUG_WRITE] = "debug write",
		[FWCTL_RPC_DEBUG_WRITE_FULL] = "debug write-full",
	};
	unsigned int i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(word, words[i]))
			return i;
	return -1;
}

enum table { T_NONE, T_OPS, T_CFG, T_CAPS };

/* Which table a header row starts, from its first cells. */
static enum table table_of(char cells[MAX_CELLS][CELL_LEN], int n)
{
	if (n >= 3 && !strcmp(cells[0], "opcode") && !strcmp(cells[2], "min scope"))
		return T_OPS;
	if (n >= 4 && !strcmp(cells[0], "key") && !strcmp(cells[2], "range"))
		return T_CFG;
	if (n >= 2 && !strcmp(cells[0], "bit") && !strcmp(cells[1], "capability"))
		return T_CAPS;
	return T_NONE;
}

static unsigned int ops_seen, cfg_seen, caps_seen;
static unsigned int doc_caps;

static void check_op(char cells[MAX_CELLS][CELL_LEN])
{
	unsigned long opcode = strtoul(cells[0], NULL, 16);
	const struct fwsim_op *op = fwsim_op_find(opcode);
	char name[CELL_LEN];

	ops_seen++;
	doc_name(cells[1], name, sizeof(name));
	if (!tap_ok(op != NULL, "doc opcode %s (%s) is in fwsim_ops[]", cells[0], cells[1]))
		return;
	tap_ok(!strcmp(op->name, name), "opcode %s is named %s (header: %s)", cells[0], name,
	       op->name);
	tap_eq((int)op->min_scope, scope_of(cells[2]), "opcode %s: minimum scope %s", cells[0],
	       cells[2]);
}

static void check_cfg(char cells[MAX_CELLS][CELL_LEN])
{
	unsigned long key = strtoul(cells[0], NULL, 0), min = 0, max = 0, def;
	const struct fwsim_cfg_key *k;

	cfg_seen++;
	if (!tap_ok(key < FWCTL_SIM_CFG_NUM_KEYS, "doc key %s is below FWCTL_SIM_CFG_NUM_KEYS",
		    cells[0]))
		return;
	k = &fwsim_cfg_keys[key];
	def = strtoul(cells[3], NULL, 0);
	tap_ok(sscanf(cells[2], "%lu-%lu", &min, &max) == 2, "key %lu: range %s parses", key,
	       cells[2]);
	tap_ok(k->name && !strcmp(k->name, cells[1]), "key %lu is %s", key, cells[1]);
	tap_eq(k->min, min, "key %lu (%s): minimum %lu", key, cells[1], min);
	tap_eq(k->max, max, "key %lu (%s): maximum %lu", key, cells[1], max);
	tap_eq(k->def, def, "key %lu (%s): default %lu", key, cells[1], def);
	tap_ok(k->min <= k->def && k->def <= k->max, "key %lu: the default is in range", key);
}

static void check_cap(char cells[MAX_CELLS][CELL_LEN])
{
	unsigned long bit = strtoul(cells[0], NULL, 0);
	unsigned int n = sizeof(fwsim_cap_names) / sizeof(fwsim_cap_names[0]);

	caps_seen++;
	if (!tap_ok(bit < n, "doc capability bit %lu has a name in the header", bit))
		return;
	doc_caps |= 1u << bit;
	tap_ok(!strcmp(fwsim_cap_names[bit], cells[1]), "capability bit %lu is %s", bit, cells[1]);
}

int main(void)
{
	char line[512], cells[MAX_CELLS][CELL_LEN];
	enum table t = T_NONE;
	FILE *f;
	int n;

	tap_start();
	f = fopen(DOC_PATH, "r");
	if (!tap_ok(f != NULL, "open %s", DOC_PATH))
		return tap_end();
	while (fgets(line, sizeof(line), f)) {
		n = split_row(line, cells);
		if (n < 0) {
			t = T_NONE;
			continue;
		}
		if (t == T_NONE) {
			t = table_of(cells, n);
			continue;
		}
		if (cells[0][0] == '-')		/* |---|---| */
			continue;
		if (t == T_OPS && n >= 3)
			check_op(cells);
		else if (t == T_CFG && n >= 4)
			check_cfg(cells);
		else if (t == T_CAPS && n >= 2)
			check_cap(cells);
	}
	fclose(f);

	tap_eq(ops_seen, FWSIM_NUM_OPS, "the doc lists every opcode of fwsim_ops[] (%u)",
	       (unsigned int)FWSIM_NUM_OPS);
	tap_eq(cfg_seen, FWCTL_SIM_CFG_NUM_KEYS, "the doc lists every configuration key");
	tap_eq(caps_seen, sizeof(fwsim_cap_names) / sizeof(fwsim_cap_names[0]),
	       "the doc lists every capability bit");
	tap_eq(doc_caps, FWSIM_CAPS, "FWSIM_CAPS is the doc's capability bits");
	return tap_end();
}

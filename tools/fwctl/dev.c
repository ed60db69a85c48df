// SPDX-License-Identifier: GPL-2.0
/* fwctl dev, fwctl info: what fwctl devices there are and what they are. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"

static void dev_help(FILE *f)
{
	fputs("Usage: fwctl dev [show [DEV]]\n"
	      "  Lists fwctl devices: name, device type, driver, parent\n"
	      "  (BUS/NAME), device node and MAJ:MIN. The type needs an open,\n"
	      "  so it reads \"-\" where the node cannot be opened.\n",
	      f);
}

static void info_help(FILE *f)
{
	fputs("Usage: fwctl info DEV\n"
	      "  Device type and the driver's device data (FWCTL_INFO), decoded\n"
	      "  for fwctl_sim, mlx5, pds and bnxt, in hex otherwise.\n",
	      f);
}

static void type_text(uint32_t type, char *buf, size_t len)
{
	const char *name = fwctl_type_name(type);

	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "unknown-%u", type);
}

/*
 * One device. @type_err is 0 if @type is known, else the errno of the open
 * or FWCTL_INFO that failed.
 */
static void dev_print(struct cli *c, const struct fwctl_devinfo *d,
		      uint32_t type, int type_err, bool members_only)
{
	char tbuf[32];

	if (!c->json) {
		if (type_err)
			snprintf(tbuf, sizeof(tbuf), "-");
		else
			type_text(type, tbuf, sizeof(tbuf));
		fprintf(c->out, "%s: type %s driver %s parent %s%s%s node %s dev %u:%u\n",
			d->name, tbuf, d->driver[0] ? d->driver : "-",
			d->bus, d->bus[0] ? "/" : "",
			d->parent[0] ? d->parent : "-",
			d->node[0] ? d->node : "-", d->major, d->minor);
		return;
	}
	if (!members_only)
		json_obj_open(&c->j, NULL);
	json_str(&c->j, "name", d->name);
	if (d->index != ~0u)
		json_u64(&c->j, "index", d->index);
	else
		json_null(&c->j, "index");
	if (type_err) {
		json_null(&c->j, "type");
		json_null(&c->j, "type_id");
		json_str(&c->j, "type_error", strerror(-type_err));
	} else {
		json_str(&c->j, "type", fwctl_type_name(type));
		json_u64(&c->j, "type_id", type);
	}
	json_str(&c->j, "driver", d->driver[0] ? d->driver : NULL);
	json_str(&c->j, "bus", d->bus[0] ? d->bus : NULL);
	json_str(&c->j, "parent", d->parent[0] ? d->parent : NULL);
	json_str(&c->j, "parent_path",
		 d->parent_path[0] ? d->parent_path : NULL);
	json_str(&c->j, "node", d->node[0] ? d->node : NULL);
	json_u64(&c->j, "major", d->major);
	json_u64(&c->j, "minor", d->minor);
	if (!members_only)
		json_obj_close(&c->j);
}

/* The type of a listed device; opens and closes it (no cache: a listing
 * must not keep firmware contexts open). */
static int probe_type(const struct fwctl_devinfo *d, uint32_t *type)
{
	struct fwctl_dev *dev;
	int ret;

	if (!d->node[0])
		return -ENOENT;
	ret = fwctl_open(d->node, &dev);
	if (ret)
		return ret;
	ret = fwctl_type(dev, type);
	fwctl_close(dev);
	return ret;
}

int cmd_dev(struct cli *c, int argc, char **argv)
{
	struct fwctl_devinfo *list = NULL, one;
	int n, i, ret;

	if (argc >= 1 && is_help(argv[0])) {
		dev_help(c->out);
		return EXIT_OK;
	}
	if (argc >= 1 && strcmp(argv[0], "show") && strcmp(argv[0], "list"))
		return cli_usage_error(c, "unknown dev command \"%s\"; try \"fwctl dev help\"",
				       argv[0]);
	if (argc > 2)
		return cli_usage_error(c, "dev show takes one device at most");
	if (argc == 2 && is_help(argv[1])) {
		dev_help(c->out);
		return EXIT_OK;
	}

	if (argc == 2) {
		ret = fwctl_lookup(argv[1], &one);
		if (ret)
			return cli_fail(c, argv[1], "lookup", ret,
					FWCTL_OP_OPEN, 0);
		list = &one;
		n = 1;
	} else {
		n = fwctl_list(&list);
		if (n < 0)
			return cli_fail(c, NULL, "listing /sys/class/fwctl", n,
					FWCTL_OP_INFO, 0);
	}

	if (c->json) {
		json_obj_open(&c->j, NULL);
		json_arr_open(&c->j, "devices");
	}
	for (i = 0; i < n; i++) {
		uint32_t type = 0;
		int err = probe_type(&list[i], &type);

		dev_print(c, &list[i], type, err, false);
	}
	if (c->json) {
		json_arr_close(&c->j);
		json_obj_close(&c->j);
		json_done(&c->j);
	}
	if (list != &one)
		fwctl_list_free(list);
	return EXIT_OK;
}

static const char *pds_cap_name(unsigned int bit)
{
	static const char *const names[] = { "query", "send" };

	return bit < 2 ? names[bit] : NULL;
}

static const char *bnxt_cap_name(unsigned int bit)
{
	static const char *const names[] = { "inline", "query", "send" };

	return bit < 3 ? names[bit] : NULL;
}

static const char *no_cap_name(unsigned int bit)
{
	(void)bit;
	return NULL;
}

static const char *sim_cap_name(unsigned int bit)
{
	return fwctl_sim_cap_name(bit);
}

static uint32_t u32_at(const void *data, size_t off)
{
	uint32_t v;

	memcpy(&v, (const unsigned char *)data + off, sizeof(v));
	return v;
}

/*
 * Decode device data of the known types (layouts from the uAPI headers of
 * each driver); nothing is printed for an unknown type or short data, the
 * caller shows the bytes in hex anyway.
 */
void info_decode(struct cli *c, uint32_t type, const void *data, size_t len)
{
	switch (type) {
	case FWCTL_DEVICE_TYPE_FWGATE_SIM:
		if (len < sizeof(struct fwctl_info_sim))
			return;
		emit_begin(c, "info");
		emit_u64(c, "uctx_id", u32_at(data, 0));
		emit_caps(c, "caps", u32_at(data, 4), sim_cap_name);
		emit_version(c, "fw_version", u32_at(data, 8));
		emit_u64(c, "dev_id", u32_at(data, 12));
		emit_end(c);
		break;
	case FWCTL_DEVICE_TYPE_MLX5:
		if (len < 8)
			return;
		emit_begin(c, "info");
		emit_u64(c, "uid", u32_at(data, 0));
		emit_caps(c, "uctx_caps", u32_at(data, 4), no_cap_name);
		emit_end(c);
		break;
	case FWCTL_DEVICE_TYPE_PDS:
	case FWCTL_DEVICE_TYPE_BNXT:
		if (len < 4)
			return;
		emit_begin(c, "info");
		emit_caps(c, "uctx_caps", u32_at(data, 0),
			  type == FWCTL_DEVICE_TYPE_PDS ? pds_cap_name
							: bnxt_cap_name);
		emit_end(c);
		break;
	}
}

int cmd_info(struct cli *c, int argc, char **argv)
{
	struct fwctl_dev *dev;
	uint32_t type;
	size_t len;
	void *data;
	char tbuf[32];
	int ret;

	if (argc >= 1 && is_help(argv[0])) {
		info_help(c->out);
		return EXIT_OK;
	}
	if (argc != 1)
		return cli_usage_error(c, "usage: fwctl info DEV");
	ret = cli_get_dev(c, argv[0], &dev);
	if (ret)
		return ret;
	ret = fwctl_info(dev, &type, &data, &len);
	if (ret)
		return cli_fail(c, argv[0], "info", ret, FWCTL_OP_INFO, 0);

	if (c->json) {
		json_obj_open(&c->j, NULL);
		dev_print(c, fwctl_devinfo(dev), type, 0, true);
		json_u64(&c->j, "device_data_len", len);
		json_hex(&c->j, "device_data", data, len);
		info_decode(c, type, data, len);
		json_obj_close(&c->j);
		json_done(&c->j);
	} else {
		dev_print(c, fwctl_devinfo(dev), type, 0, false);
		type_text(type, tbuf, sizeof(tbuf));
		fprintf(c->out, "  type_id 0x%x (%s)\n", type, tbuf);
		fprintf(c->out, "  device_data_len %zu\n", len);
		c->j.depth = 1;		/* text: indent the decoded fields */
		info_decode(c, type, data, len);
		c->j.depth = 0;
		if (len) {
			fprintf(c->out, "  device_data\n");
			hexdump(c->out, data, len, 0);
		}
	}
	free(data);
	return EXIT_OK;
}

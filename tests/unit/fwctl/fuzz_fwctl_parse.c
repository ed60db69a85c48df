// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for everything that reads untrusted bytes without a
 * device: command words (split_line, sim_parse, number and hex parsers),
 * JSON escaping, sim response headers and the device-data decoders; and
 * whole command lines through cli_run() (every object: dev, info, rpc, sim,
 * mlx5, sap) against the fake kernel of fake.c, which every ioctl() reaches
 * (-Wl,--wrap=ioctl) and whose sysfs and /dev trees discovery reads.
 */
#include <stdlib.h>
#include <string.h>

#include "fake.h"
#include "fwctl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink(void)
{
	static FILE *f;

	if (!f)
		f = fopen("/dev/null", "w");
	return f;
}

static void words(const char *s)
{
	char *copy = strdup(s), *argv[32], err[160];
	struct sim_spec spec;
	uint64_t v64;
	uint32_t v;
	int argc, i;

	if (!copy)
		return;
	argc = split_line(copy, argv, 32);
	if (argc > 0) {
		if (!sim_parse(argc, argv, &spec, err, sizeof(err)))
			sim_spec_free(&spec);
		for (i = 0; i < argc; i++) {
			parse_u32(argv[i], &v);
			parse_size(argv[i], &v64);
			fwctl_scope_parse(argv[i], &v);
			fwctl_sim_cfg_key_parse(argv[i], &v);
			fwctl_sim_op_parse(argv[i], &v);
		}
	}
	free(copy);
}

static void fake_tree_atexit(void)
{
	fake_tree_cleanup();
}

/*
 * A command line, as the fwctl command would run it. Words with a '/' are
 * skipped: a path names a node outside the fake tree, and no fuzz input
 * should make the fuzzer open one.
 */
static void command_line(const char *s, uint8_t mode)
{
	static const uint32_t types[] = {
		FWCTL_DEVICE_TYPE_FWGATE_SIM, FWCTL_DEVICE_TYPE_MLX5,
		FWCTL_DEVICE_TYPE_FWGATE_SAP, 0,
	};
	static int tree = -1;
	char *copy, *argv[32];
	struct cli c;
	int argc;

	if (strchr(s, '/'))
		return;
	if (tree < 0) {
		tree = fake_tree_setup() ? 0 : 1;
		if (tree)
			atexit(fake_tree_atexit);
	}
	if (!tree)
		return;
	copy = strdup(s);
	if (!copy)
		return;
	argc = split_line(copy, argv, 32);
	if (argc > 0) {
		fake_reset();
		fk.type = types[mode % 4];
		fk.resp_mode = (mode >> 2) % 4;
		memset(&c, 0, sizeof(c));
		c.out = c.err = sink();
		c.json = mode & 16;
		c.pretty = mode & 32;
		json_init(&c.j, c.out, c.pretty);
		cli_run(&c, argc, argv);
		cli_close_all(&c);
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t types[] = {
		0, FWCTL_DEVICE_TYPE_MLX5, FWCTL_DEVICE_TYPE_CXL,
		FWCTL_DEVICE_TYPE_BNXT, FWCTL_DEVICE_TYPE_PDS,
		FWCTL_DEVICE_TYPE_FWGATE_SIM,
	};
	struct fwctl_sim_result res;
	const void *payload;
	unsigned char *bytes;
	struct cli c;
	uint32_t st;
	size_t n;
	char *s;
	unsigned int i;

	if (!size)
		return 0;
	s = malloc(size);
	if (!s)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = 0;

	switch (data[0] % 5) {
	case 0:
		if (!parse_hex(s, &bytes, &n))
			free(bytes);
		break;
	case 1:
		words(s);
		break;
	case 2:
		json_escape(sink(), (const char *)data + 1, size - 1);
		break;
	case 3:
		fwctl_sim_resp_parse(data + 1, size - 1, &res, &payload);
		memset(&c, 0, sizeof(c));
		c.out = c.err = sink();
		c.json = data[0] & 4;
		json_init(&c.j, c.out, data[0] & 8);
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
			fwctl_resp_status(types[i], data + 1, size - 1, &st);
			if (c.json)
				json_obj_open(&c.j, NULL);
			info_decode(&c, types[i], data + 1, size - 1);
			if (c.json)
				json_obj_close(&c.j);
		}
		break;
	case 4:
		command_line(s, data[0] / 5);
		break;
	}
	free(s);
	return 0;
}

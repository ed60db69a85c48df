// SPDX-License-Identifier: GPL-2.0
/*
 * fwctl - find fwctl devices, show what they are and send them RPCs.
 *
 *   fwctl [OPTIONS] OBJECT { COMMAND | help }
 *
 * See fwctl(8) and docs/fwctl-cli.md.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "batch", required_argument, NULL, 'b' },
		{ "force", no_argument, NULL, 'f' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *batch = NULL;
	struct cli c;
	FILE *f;
	bool force = false;
	int opt, ret;

	memset(&c, 0, sizeof(c));
	c.out = stdout;
	c.err = stderr;
	/* '+': stop at the first word, so "-" can be an argument */
	while ((opt = getopt_long(argc, argv, "+jpb:fVh", opts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			c.json = true;
			break;
		case 'p':
			c.pretty = true;
			break;
		case 'b':
			batch = optarg;
			break;
		case 'f':
			force = true;
			break;
		case 'V':
			printf("fwctl from fwgate, libfwctl %s\n", LIBFWCTL_VERSION);
			return EXIT_OK;
		case 'h':
			cli_usage(stdout);
			return EXIT_OK;
		default:
			cli_usage(stderr);
			return EXIT_USAGE;
		}
	}
	json_init(&c.j, c.out, c.pretty);

	if (batch) {
		if (optind != argc) {
			cli_usage(stderr);
			return EXIT_USAGE;
		}
		f = strcmp(batch, "-") ? fopen(batch, "re") : stdin;
		if (!f) {
			fprintf(stderr, "fwctl: %s: %s\n", batch, strerror(errno));
			return EXIT_SYSTEM;
		}
		ret = cli_batch(&c, f, batch, force);
		if (f != stdin)
			fclose(f);
	} else if (optind == argc) {
		cli_usage(stderr);
		ret = EXIT_USAGE;
	} else {
		ret = cli_run(&c, argc - optind, argv + optind);
	}
	cli_close_all(&c);
	if (fflush(stdout) && !ret)
		ret = EXIT_SYSTEM;
	return ret;
}

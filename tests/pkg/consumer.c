// SPDX-License-Identifier: GPL-2.0
/*
 * A libfwctl user built the way a third party builds one: against the
 * installed libfwctl-dev, with only what `pkg-config --cflags --libs
 * libfwctl` gives (tests/pkg/run.sh compiles it; nothing of the source tree
 * is on its include path).
 *
 *   fwctl-consumer DEV            open DEV, read its type, send a sim NOP
 *   fwctl-consumer DEV HOLD GO    the same, then write HOLD and keep the fd
 *                                 open until the file GO appears (at most
 *                                 600 s), then send a NOP on the same fd
 *
 * Exit status 0 when every step worked; each step prints one line.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <libfwctl.h>

static int nop(struct fwctl_dev *dev, const char *when)
{
	struct fwctl_sim_result res;
	int ret = fwctl_sim_nop(dev, &res);

	if (ret < 0) {
		printf("consumer: NOP %s failed: %s\n", when, fwctl_strerror(ret));
		return 1;
	}
	printf("consumer: NOP %s: status %s\n", when,
	       fwctl_sim_status_name(res.status));
	return res.status != 0;
}

int main(int argc, char **argv)
{
	struct fwctl_dev *dev;
	uint32_t type;
	int ret, i, bad = 0;
	FILE *f;

	if (argc != 2 && argc != 4) {
		fprintf(stderr, "usage: %s DEV [HOLD GO]\n", argv[0]);
		return 2;
	}
	ret = fwctl_open(argv[1], &dev);
	if (ret < 0) {
		printf("consumer: open %s failed: %s\n", argv[1], fwctl_strerror(ret));
		return 1;
	}
	ret = fwctl_type(dev, &type);
	if (ret < 0) {
		printf("consumer: FWCTL_INFO failed: %s\n", fwctl_strerror(ret));
		bad = 1;
	} else {
		printf("consumer: %s is of type %s\n", argv[1], fwctl_type_name(type));
	}
	bad |= nop(dev, "on open");
	if (argc == 4) {
		f = fopen(argv[2], "w");
		if (!f) {
			printf("consumer: cannot write %s: %s\n", argv[2], strerror(errno));
			return 1;
		}
		fclose(f);
		for (i = 0; i < 6000 && access(argv[3], F_OK); i++)
			usleep(100 * 1000);
		if (i == 6000) {
			printf("consumer: %s never appeared\n", argv[3]);
			bad = 1;
		}
		bad |= nop(dev, "after the wait, same fd");
	}
	fwctl_close(dev);
	return bad;
}

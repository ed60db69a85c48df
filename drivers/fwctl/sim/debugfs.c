// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs of fwctl_sim, /sys/kernel/debug/fwctl_sim/:
 *   open_calls, close_calls   driver open/close callbacks, all devices
 *   fwctl_simN/contexts       firmware contexts open on the device
 *   fwctl_simN/fail_open      errno the next opens fail with, 0 = off
 *   fwctl_simN/inject_errors  number of next RPCs answered INJECTED
 *   fwctl_simN/delay_ms       time every RPC spends in the firmware
 *   fwctl_simN/crashed        Y makes every RPC but FW_RESET fail
 */
#include <linux/debugfs.h>

#include "fwsim.h"

static struct dentry *fwsim_ddir;

static int fwsim_counter_get(void *data, u64 *val)
{
	*val = atomic64_read(data);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(fwsim_counter_fops, fwsim_counter_get, NULL,
			 "%llu\n");

void fwsim_debugfs_init(void)
{
	fwsim_ddir = debugfs_create_dir("fwctl_sim", NULL);
	debugfs_create_file_unsafe("open_calls", 0400, fwsim_ddir,
				   &fwsim_total_open_calls,
				   &fwsim_counter_fops);
	debugfs_create_file_unsafe("close_calls", 0400, fwsim_ddir,
				   &fwsim_total_close_calls,
				   &fwsim_counter_fops);
}

void fwsim_debugfs_exit(void)
{
	debugfs_remove_recursive(fwsim_ddir);
}

void fwsim_debugfs_dev_add(struct fwsim_dev *sdev)
{
	struct fwsim_fw *fw = &sdev->fw;

	sdev->ddir = debugfs_create_dir(dev_name(&sdev->sb.dev), fwsim_ddir);
	debugfs_create_u32("contexts", 0400, sdev->ddir, &fw->contexts);
	debugfs_create_u32("fail_open", 0600, sdev->ddir, &fw->fail_open);
	debugfs_create_u32("inject_errors", 0600, sdev->ddir,
			   &fw->inject_errors);
	debugfs_create_u32("delay_ms", 0600, sdev->ddir, &fw->delay_ms);
	debugfs_create_bool("crashed", 0600, sdev->ddir, &fw->crashed);
}

void fwsim_debugfs_dev_del(struct fwsim_dev *sdev)
{
	debugfs_remove_recursive(sdev->ddir);
	sdev->ddir = NULL;
}

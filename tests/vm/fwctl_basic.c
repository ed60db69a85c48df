// SPDX-License-Identifier: GPL-2.0
/*
 * fwctl core and fwctl_sim basics: the class, the device nodes and their
 * sysfs layout, FWCTL_INFO, per-open contexts and the sim's catalogue.
 */
#include <limits.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "tap.h"
#include "simdev.h"
#include "fwsim_catalogue.h"

static void test_nodes(void)
{
	char name[32], path[256], link[PATH_MAX], buf[256];
	unsigned int maj = ~0u, min = ~0u;
	struct stat st;
	FILE *f;
	int fd;

	tap_eq(sim_new(1), 0, "new_device creates fwctl_sim1");
	tap_eq(sim_new(1), -EEXIST, "a second device with the same id is refused with EEXIST");
	tap_eq(sim_new(2), 0, "new_device creates fwctl_sim2");
	tap_eq(sysfs_write(SIM_BUS "/new_device", "x1"), -EINVAL, "a non-numeric id is refused with EINVAL");
	tap_eq(sim_del(77), -ENOENT, "deleting an unknown id fails with ENOENT");
	if (!tap_eq(sim_fwctl_name(1, name, sizeof(name)), 0, "fwctl_sim1 has a fwctl child"))
		return;

	snprintf(path, sizeof(path), "/dev/fwctl/%s", name);
	tap_eq(stat(path, &st), 0, "%s exists", path);
	tap_ok(S_ISCHR(st.st_mode), "it is a character device");
	tap_eq(st.st_mode & 0777, 0600, "its mode is 0600");

	snprintf(path, sizeof(path), "/sys/class/fwctl/%s/dev", name);
	f = fopen(path, "r");
	tap_ok(f && fscanf(f, "%u:%u", &maj, &min) == 2, "sysfs dev file reads MAJ:MIN");
	if (f)
		fclose(f);
	tap_ok(major(st.st_rdev) == maj && minor(st.st_rdev) == min, "the node's numbers match sysfs dev");

	snprintf(path, sizeof(path), "/sys/class/fwctl/%s/device", name);
	tap_ok(realpath(path, link) && strstr(link, "/fwctl_sim1"), "class device's parent is the sim device (%s)", link);
	snprintf(path, sizeof(path), "/sys/class/fwctl/%s/device/driver", name);
	tap_ok(realpath(path, link) && strstr(link, "/bus/fwctl_sim/drivers/fwctl_sim"), "the parent is bound to the fwctl_sim driver");

	snprintf(path, sizeof(path), "/sys/class/fwctl/%s/uevent", name);
	f = fopen(path, "r");
	buf[0] = 0;
	if (f) {
		size_t n = fread(buf, 1, sizeof(buf) - 1, f);

		buf[n] = 0;
		fclose(f);
	}
	snprintf(path, sizeof(path), "DEVNAME=fwctl/%s", name);
	tap_ok(strstr(buf, path) != NULL, "uevent carries %s", path);

	f = fopen("/proc/devices", "r");
	buf[0] = 0;
	while (f && fgets(buf, sizeof(buf), f))
		if (strstr(buf, " fwctl\n"))
			break;
	tap_ok(f && strstr(buf, " fwctl\n"), "/proc/devices lists the fwctl region");
	if (f)
		fclose(f);

	fd = open("/dev/fwctl", O_RDONLY | O_DIRECTORY);
	tap_ok(fd >= 0, "/dev/fwctl is a directory");
	if (fd >= 0)
		close(fd);
}

static void test_info(void)
{
	struct fwctl_info_sim data;
	struct fwctl_info info = { .size = sizeof(info) };
	unsigned char big[64];
	int fd = sim_open(1), fd2 = sim_open(1);
	uint32_t id1;
	unsigned int i;
	int zeros = 1;

	if (!tap_ok(fd >= 0 && fd2 >= 0, "two files open on fwctl_sim1"))
		return;

	info.device_data_len = sizeof(data);
	info.out_device_data = (uintptr_t)&data;
	tap_eq(ioctl(fd, FWCTL_INFO, &info), 0, "FWCTL_INFO succeeds");
	tap_eq(info.out_device_type, FWCTL_DEVICE_TYPE_FWGATE_SIM, "device type is the sim's");
	tap_eq(info.device_data_len, sizeof(data), "device data length is sizeof(fwctl_info_sim)");
	tap_eq(data.dev_id, 1, "device data names device id 1");
	tap_eq(data.fw_version >> 16, 1, "firmware major version 1");
	tap_ok(data.uctx_id != 0, "the file has a firmware context id (%u)", data.uctx_id);
	id1 = data.uctx_id;

	info.out_device_data = (uintptr_t)&data;
	tap_eq(ioctl(fd2, FWCTL_INFO, &info), 0, "FWCTL_INFO on the second file");
	tap_ok(data.uctx_id != id1, "each open gets its own firmware context (%u, %u)", id1, data.uctx_id);
	tap_eq(sim_debugfs(1, "contexts"), 2, "the firmware counts two contexts");

	/* zero-length probe learns the size (fwgate fix, upstream says 0) */
	info.device_data_len = 0;
	info.out_device_data = 0;
	tap_eq(ioctl(fd, FWCTL_INFO, &info), 0, "zero-length INFO probe succeeds");
	tap_eq(info.device_data_len, sizeof(data), "and reports the real length");

	/* a larger buffer is zero-filled past the data */
	memset(big, 0xee, sizeof(big));
	info.device_data_len = sizeof(big);
	info.out_device_data = (uintptr_t)big;
	tap_eq(ioctl(fd, FWCTL_INFO, &info), 0, "INFO with a 64-byte buffer");
	for (i = sizeof(data); i < sizeof(big); i++)
		zeros &= big[i] == 0;
	tap_ok(zeros, "bytes past the device data are zeroed");
	tap_eq(info.device_data_len, sizeof(data), "length is the data's, not the buffer's");

	/* a short buffer gets a prefix and the full length */
	memset(big, 0xee, sizeof(big));
	info.device_data_len = 4;
	tap_eq(ioctl(fd, FWCTL_INFO, &info), 0, "INFO with a 4-byte buffer");
	tap_eq(info.device_data_len, sizeof(data), "truncation is signalled by the length");
	tap_ok(big[4] == 0xee, "nothing is written past the 4 bytes");

	close(fd2);
	tap_eq(sim_debugfs(1, "contexts"), 1, "closing a file frees its firmware context");
	close(fd);
	tap_eq(sim_debugfs(1, "contexts"), 0, "closing the last file frees the last context");
}

static void test_catalogue(void)
{
	/* a sample of each scope; the scopes are the catalogue's */
	static const uint32_t ops[] = {
		FWCTL_SIM_OP_NOP, FWCTL_SIM_OP_IDENTIFY, FWCTL_SIM_OP_CFG_GET,
		FWCTL_SIM_OP_COUNTERS, FWCTL_SIM_OP_REG_READ, FWCTL_SIM_OP_REG_WRITE,
		FWCTL_SIM_OP_MEM_READ,
	};
	uint32_t scope;
	struct sim_reply r;
	struct fwctl_sim_identify *id = (void *)r.payload;
	unsigned int i;
	int fd = sim_open(2);

	if (!tap_ok(fd >= 0, "open fwctl_sim2"))
		return;
	tap_eq(sim_cmd(fd, 0, FWCTL_SIM_OP_IDENTIFY, 0, 0, &r), 0, "IDENTIFY at configuration scope");
	tap_eq(r.hdr.status, FWCTL_SIM_STATUS_OK, "IDENTIFY status OK");
	tap_eq(r.hdr.len, sizeof(*id), "IDENTIFY payload length");
	tap_ok(!strcmp(id->serial, "FWSIM-00000002"), "serial number names the device (%.32s)", id->serial);

	/* every opcode is refused below its scope and runs at it */
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		scope = fwsim_op_find(ops[i])->min_scope;
		if (scope > 0)
			tap_errno(sim_cmd(fd, scope - 1, ops[i], 2, 0, &r), EPERM,
				  "opcode 0x%x refused with EPERM at scope %u", ops[i], scope - 1);
		tap_eq(sim_cmd(fd, scope, ops[i], 2, 0, &r), 0,
		       "opcode 0x%x delivered at scope %u", ops[i], scope);
	}
	tap_errno(sim_cmd(fd, 3, 0x7777, 0, 0, &r), EOPNOTSUPP, "an opcode outside the catalogue: EOPNOTSUPP");
	tap_eq(sim_cmd(fd, 0, FWCTL_SIM_OP_CFG_SET, FWCTL_SIM_CFG_MTU, 12, &r), 0, "CFG_SET with a bad value is delivered");
	tap_eq(r.hdr.status, FWCTL_SIM_STATUS_BAD_VALUE, "and refused by the firmware with BAD_VALUE");
	tap_eq(r.hdr.syndrome, 12, "syndrome names the value");
	close(fd);
}

static void test_many_devices(void)
{
	int fds[32], ok = 1, i;

	for (i = 0; i < 32; i++) {
		ok &= sim_new(100 + i) == 0;
		fds[i] = sim_open(100 + i);
		ok &= fds[i] >= 0;
	}
	tap_ok(ok, "32 more devices created, one file open on each");
	ok = 1;
	for (i = 0; i < 32; i++)
		ok &= sim_del(100 + i) == 0;
	tap_ok(ok, "all 32 deleted while their files are open");
	ok = 1;
	for (i = 0; i < 32; i++) {
		struct fwctl_info info = { .size = sizeof(info) };

		errno = 0;
		ok &= ioctl(fds[i], FWCTL_INFO, &info) == -1 && errno == ENODEV;
		ok &= close(fds[i]) == 0;
	}
	tap_ok(ok, "each orphaned file answers ENODEV and closes");
}

int main(void)
{
	tap_start();
	test_nodes();
	test_info();
	test_catalogue();
	test_many_devices();
	sim_del(1);
	sim_del(2);
	tap_eq(sim_total("open_calls"), sim_total("close_calls"), "every driver open got exactly one close");
	return tap_end();
}

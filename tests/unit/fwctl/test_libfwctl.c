// SPDX-License-Identifier: GPL-2.0
/*
 * libfwctl against a fake kernel (fake.c): discovery in a fake sysfs, the
 * size-extensible uAPI against older and newer kernels, FWCTL_INFO
 * truncation and retries, RPC length limits, the sim helpers and their
 * error paths, errno explanations and names.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "fake.h"
#include "internal.h"

static struct fwctl_dev *open_fake(const char *spec)
{
	struct fwctl_dev *dev = NULL;
	int ret = fwctl_open(spec, &dev);

	if (ret)
		tap_diag("fwctl_open(%s): %d", spec, ret);
	return dev;
}

static void test_discovery(void)
{
	struct fwctl_devinfo *list, info;
	char path[600];
	struct fwctl_dev *dev;
	int n, fd;

	n = fwctl_list(&list);
	if (!tap_eq(n, 3, "fwctl_list finds the three fake devices"))
		return;
	tap_ok(!strcmp(list[0].name, "fwctl0") && !strcmp(list[1].name, "fwctl1") &&
	       !strcmp(list[2].name, "fwctl2"), "sorted by number");
	tap_ok(list[0].index == 0 && list[2].index == 2, "index is the N of fwctlN");
	tap_ok(list[0].major == 1 && list[0].minor == 3, "MAJ:MIN read from the dev file");
	tap_ok(!strcmp(list[0].parent, "simA"), "parent name from the device link (%s)", list[0].parent);
	snprintf(path, sizeof(path), "%s/sys/devices/platform/simA", fake_root);
	tap_ok(!strcmp(list[0].parent_path, path), "parent path is the resolved link");
	tap_ok(!strcmp(list[0].bus, "fakebus"), "bus from the parent's subsystem link");
	tap_ok(!strcmp(list[0].driver, "fake_drv"), "driver from the parent's driver link");
	tap_ok(!list[1].driver[0], "an unbound parent has no driver");
	snprintf(path, sizeof(path), "%s/dev/fwctl/fwctl0", fake_root);
	tap_ok(!strcmp(list[0].node, path), "node /dev/fwctl/NAME when its numbers match");
	snprintf(path, sizeof(path), "%s/dev/char/1:5", fake_root);
	tap_ok(!strcmp(list[1].node, path), "node /dev/char/MAJ:MIN when /dev/fwctl/NAME is missing");
	snprintf(path, sizeof(path), "%s/dev/fwctl/renamed", fake_root);
	tap_ok(!strcmp(list[2].node, path), "a renamed node found by its numbers (%s)", list[2].node);
	fwctl_list_free(list);

	tap_eq(fwctl_lookup("fwctl0", &info), 0, "lookup by name");
	tap_ok(!strcmp(info.name, "fwctl0"), "... finds fwctl0");
	tap_eq(fwctl_lookup("2", &info), 0, "lookup by number");
	tap_ok(!strcmp(info.name, "fwctl2"), "... 2 is fwctl2");
	snprintf(path, sizeof(path), "%s/dev/fwctl/fwctl0", fake_root);
	tap_eq(fwctl_lookup(path, &info), 0, "lookup by node path");
	tap_eq(fwctl_lookup("/dev/null", &info), 0, "lookup by another node with the same numbers");
	tap_ok(!strcmp(info.name, "fwctl0"), "... resolves through MAJ:MIN");
	tap_eq(fwctl_lookup("simA", &info), 0, "lookup by parent name");
	tap_ok(!strcmp(info.name, "fwctl0"), "... simA is fwctl0's parent");
	tap_eq(fwctl_lookup("fakebus/simA", &info), 0, "lookup by bus/parent");
	tap_eq(fwctl_lookup("platform/simA", &info), 0, "lookup by parent path below /sys/devices");
	snprintf(path, sizeof(path), "%s/sys/devices/platform/simA", fake_root);
	tap_eq(fwctl_lookup(path, &info), 0, "lookup by the parent's sysfs path");
	snprintf(path, sizeof(path), "%s/sys/class/fwctl/fwctl2", fake_root);
	tap_eq(fwctl_lookup(path, &info), 0, "lookup by the class device's sysfs path");
	tap_ok(!strcmp(info.name, "fwctl2"), "... finds fwctl2");

	tap_eq(fwctl_lookup("simB", &info), -ENOTUNIQ, "a parent with two fwctl devices: -ENOTUNIQ");
	tap_eq(fwctl_lookup("nosuch", &info), -ENOENT, "unknown name: -ENOENT");
	tap_eq(fwctl_lookup("99", &info), -ENOENT, "unknown number: -ENOENT");
	tap_eq(fwctl_lookup("fwctl", &info), -ENOENT, "a name without a number: -ENOENT");
	tap_eq(fwctl_lookup("", &info), -EINVAL, "empty spec: -EINVAL");
	snprintf(path, sizeof(path), "%s/regular", fake_root);
	tap_eq(fwctl_lookup(path, &info), -ENOTTY, "a regular file: -ENOTTY");
	tap_eq(fwctl_open(path, &dev), -ENOTTY, "opening a regular file: -ENOTTY");
	snprintf(path, sizeof(path), "%s/nonexistent", fake_root);
	tap_eq(fwctl_lookup(path, &info), -ENOENT, "a missing path: -ENOENT");
	fk.info_calls = 0;
	tap_eq(fwctl_open("/dev/random", &dev), -ENOTTY, "a character device sysfs does not list: -ENOTTY");
	tap_eq(fk.info_calls, 0, "decided from sysfs, without opening or probing it");
	{
		const char *save = fwctl_priv_sysfs;

		fwctl_priv_sysfs = "/nonexistent-sysfs";
		tap_eq(fwctl_open("/dev/random", &dev), 0, "without any sysfs the node is opened and probed");
		tap_eq(fk.info_calls, 1, "with one FWCTL_INFO");
		fwctl_close(dev);
		fk.force_errno = ENOTTY;
		tap_eq(fwctl_open("/dev/random", &dev), -ENOTTY, "and ENOTTY from the probe is -ENOTTY");
		tap_ok(dev == NULL, "with no handle left behind");
		fk.force_errno = 0;
		fwctl_priv_sysfs = save;
	}

	dev = open_fake("fwctl0");
	tap_ok(dev != NULL, "fwctl_open by name");
	if (dev) {
		tap_ok(!strcmp(fwctl_devinfo(dev)->name, "fwctl0"), "the handle knows its sysfs details");
		tap_ok(fwctl_fd(dev) >= 0, "and has a file descriptor");
		fwctl_close(dev);
	}
	dev = open_fake("fakebus/simA");
	tap_ok(dev != NULL, "fwctl_open by bus/parent");
	fwctl_close(dev);
	dev = open_fake("1");
	tap_ok(dev != NULL, "fwctl_open through /dev/char/MAJ:MIN");
	fwctl_close(dev);
	tap_eq(fwctl_open("simB", &dev), -ENOTUNIQ, "fwctl_open of an ambiguous parent");
	tap_ok(dev == NULL, "leaves the handle NULL");

	fd = open("/dev/null", O_RDWR);
	tap_eq(fwctl_open_fd(fd, &dev), 0, "fwctl_open_fd wraps a descriptor");
	tap_ok(dev && !strcmp(fwctl_devinfo(dev)->name, "fwctl0"), "and finds its sysfs entry by numbers");
	fwctl_close(dev);
	tap_ok(fcntl(fd, F_GETFD) == -1 && errno == EBADF, "fwctl_close closed the wrapped descriptor");
	tap_eq(fwctl_open_fd(-1, &dev), -EBADF, "fwctl_open_fd(-1): -EBADF");

	{
		const char *save = fwctl_priv_sysfs;

		fwctl_priv_sysfs = "/nonexistent-sysfs";
		tap_eq(fwctl_list(&list), 0, "no fwctl class (module not loaded): zero devices");
		tap_ok(list == NULL, "and a NULL list");
		tap_eq(fwctl_lookup("fwctl0", &info), -ENOENT, "lookup then gives -ENOENT");
		fwctl_priv_sysfs = save;
	}
}

static void test_info(void)
{
	struct fwctl_dev *dev = open_fake("fwctl0");
	unsigned char buf[64];
	struct fwctl_info_sim sim;
	uint32_t type = 0;
	size_t len = 0;
	void *data;
	int i, zero = 1;

	if (!tap_ok(dev != NULL, "open for the INFO tests"))
		return;
	fake_reset();
	tap_eq(fwctl_info_buf(dev, &type, buf, sizeof(buf), &len), 0, "fwctl_info_buf");
	tap_eq(fk.last_info_size, 24, "the library sends its struct size, 24");
	tap_eq(type, FWCTL_DEVICE_TYPE_FWGATE_SIM, "type reported");
	tap_eq(len, 16, "length of the device data");
	memcpy(&sim, buf, sizeof(sim));
	tap_eq(sim.dev_id, 42, "device data copied");
	for (i = 16; i < 64; i++)
		zero &= !buf[i];
	tap_ok(zero, "rest of the buffer zeroed (by the kernel)");

	memset(buf, 0xee, sizeof(buf));
	tap_eq(fwctl_info_buf(dev, NULL, buf, 4, &len), 0, "fwctl_info_buf with 4 bytes");
	tap_eq(len, 16, "truncation: the real length is reported");
	tap_eq(buf[4], 0xee, "nothing written past the capacity");

	/* the allocating call retries with the length the kernel reports */
	fake_reset();
	fk.data_len = 300;
	for (i = 0; i < 300; i++)
		fk.data[i] = i;
	tap_eq(fwctl_info(dev, &type, &data, &len), 0, "fwctl_info with 300 bytes of data");
	tap_eq(len, 300, "gets all 300");
	tap_eq(fk.info_calls, 2, "in two calls: 64-byte probe, then the right size");
	tap_eq(fk.last_info_cap, 300, "the retry asks for exactly 300");
	tap_ok(data && ((unsigned char *)data)[299] == (unsigned char)299, "last byte correct");
	free(data);
	fk.info_calls = 0;
	tap_eq(fwctl_info(dev, &type, &data, &len), 0, "again");
	tap_eq(fk.info_calls, 1, "the length is remembered: one call");
	free(data);

	fake_reset();
	fk.data_len = 100;
	fk.grow = 50;
	{
		struct fwctl_dev *d2 = open_fake("fwctl0");

		tap_eq(fwctl_info(d2, &type, &data, &len), -EAGAIN, "data that grows every call: -EAGAIN");
		tap_eq(fk.info_calls, 8, "after 8 tries");
		fwctl_close(d2);
	}
	fk.grow = 0;

	fake_reset();
	fk.data_len = 0;
	tap_eq(fwctl_info(dev, &type, &data, &len), 0, "empty device data");
	tap_eq(len, 0, "length 0");
	free(data);

	/* an upstream kernel answers a zero-length probe with length 0 */
	fake_reset();
	fk.upstream_zero_probe = true;
	{
		struct fwctl_dev *d2 = open_fake("fwctl0");

		tap_eq(fwctl_type(d2, &type), 0, "fwctl_type on an upstream kernel");
		tap_eq(type, FWCTL_DEVICE_TYPE_FWGATE_SIM, "still learns the type");
		tap_eq(fwctl_info(d2, &type, &data, &len), 0, "fwctl_info on an upstream kernel");
		tap_eq(len, 16, "gets the data (never relies on the zero-length probe)");
		free(data);
		fk.info_calls = 0;
		tap_eq(fwctl_type(d2, &type), 0, "fwctl_type again");
		tap_eq(fk.info_calls, 0, "answered from the cache");
		fwctl_close(d2);
	}

	/* a newer kernel with a longer struct fills in the missing tail */
	fake_reset();
	fk.ksize_info = 40;
	tap_eq(fwctl_info_buf(dev, &type, buf, sizeof(buf), &len), 0, "INFO against a kernel with a 40-byte struct");
	tap_eq(len, 16, "works unchanged");
	/* a kernel older than a field we send non-zero says E2BIG */
	fk.ksize_info = 16;
	tap_eq(fwctl_info_buf(dev, &type, buf, sizeof(buf), &len), -E2BIG,
	       "INFO against a kernel that does not know out_device_data: -E2BIG");
	tap_ok(strstr(fwctl_strerror(-E2BIG), "newer than the kernel") != NULL,
	       "explained as the library being newer");

	fake_reset();
	fk.force_errno = ENODEV;
	tap_eq(fwctl_info(dev, &type, &data, &len), -ENODEV, "a removed device: -ENODEV");
	tap_ok(data == NULL && len == 0, "no data handed out");
	fwctl_close(dev);
}

static void test_rpc(void)
{
	struct fwctl_dev *dev = open_fake("fwctl0");
	unsigned char in[16] = { 1 }, out[128];
	size_t len = 0;

	if (!tap_ok(dev != NULL, "open for the RPC tests"))
		return;
	fake_reset();
	tap_eq(fwctl_rpc(dev, 0, in, sizeof(in), out, sizeof(out), &len), 0, "fwctl_rpc IDENTIFY");
	tap_eq(fk.last_rpc_size, 32, "the library sends its struct size, 32");
	tap_eq(fk.last_scope, 0, "scope passed");
	tap_eq(fk.last_in_len, 16, "in_len passed");
	tap_eq(fk.last_out_cap, sizeof(out), "out capacity passed");
	tap_eq(len, 16 + sizeof(struct fwctl_sim_identify), "response length");

	tap_eq(fwctl_rpc(dev, 0, in, sizeof(in), out, 20, &len), 0, "IDENTIFY into 20 bytes");
	tap_eq(len, 16 + sizeof(struct fwctl_sim_identify), "truncation shows as out_len > capacity");

	fk.rpc_calls = 0;
	tap_eq(fwctl_rpc(dev, 0, in, (size_t)UINT32_MAX + 1, out, 1, &len), -EMSGSIZE,
	       "in_len beyond 32 bits: -EMSGSIZE");
	tap_eq(fwctl_rpc(dev, 0, in, 16, out, (size_t)UINT32_MAX + 1, &len), -EMSGSIZE,
	       "out capacity beyond 32 bits: -EMSGSIZE");
	tap_eq(fk.rpc_calls, 0, "without calling the kernel (no silent wrap)");
	tap_eq(fwctl_rpc(dev, 0, in, (2u << 20) + 1, out, 1, &len), -EMSGSIZE,
	       "in_len 2 MiB + 1: the kernel says -EMSGSIZE");
	tap_eq(fwctl_rpc(dev, 4, in, 16, out, sizeof(out), &len), -EOPNOTSUPP, "scope 4: -EOPNOTSUPP");
	fk.no_rawio = true;
	tap_eq(fwctl_rpc(dev, 3, in, 16, out, sizeof(out), &len), -EPERM, "scope 3 without CAP_SYS_RAWIO: -EPERM");
	fk.no_rawio = false;

	fk.ksize_rpc = 48;
	tap_eq(fwctl_rpc(dev, 0, in, sizeof(in), out, sizeof(out), &len), 0, "RPC against a kernel with a 48-byte struct");
	fk.ksize_rpc = 24;
	tap_eq(fwctl_rpc(dev, 0, in, sizeof(in), out, sizeof(out), &len), -E2BIG,
	       "RPC against a kernel that does not know the out pointer: -E2BIG");
	fwctl_close(dev);
}

static void test_sim_helpers(void)
{
	struct fwctl_dev *dev = open_fake("fwctl0");
	struct fwctl_sim_identify id;
	struct fwctl_sim_counters cnt;
	struct fwctl_sim_result res;
	unsigned char buf[64], big[2000];
	uint32_t v = 0, objid = 0, tag = 0;
	size_t len, loglen;
	const char *log = fake_log(&loglen);

	if (!tap_ok(dev != NULL, "open for the sim helper tests"))
		return;
	fake_reset();
	tap_eq(fwctl_sim_identify(dev, &id, &res), 0, "fwctl_sim_identify");
	tap_ok(!strcmp(id.serial, "FWSIM-FAKE"), "serial decoded");
	tap_eq(fk.last_scope, 0, "at configuration scope");
	tap_eq(fwctl_sim_nop(dev, &res), 0, "fwctl_sim_nop");
	tap_eq(fwctl_sim_cfg_get(dev, FWCTL_SIM_CFG_MTU, &v, &res), 0, "cfg_get mtu");
	tap_eq(v, 1500, "default mtu");
	tap_eq(fwctl_sim_cfg_set(dev, FWCTL_SIM_CFG_MTU, 9000, &res), 0, "cfg_set mtu 9000");
	tap_eq(fwctl_sim_cfg_get(dev, FWCTL_SIM_CFG_MTU, &v, NULL), 0, "cfg_get with a NULL result");
	tap_eq(v, 9000, "reads back 9000");
	tap_eq(fwctl_sim_cfg_set(dev, FWCTL_SIM_CFG_MTU, 12, &res), FWCTL_SIM_STATUS_BAD_VALUE,
	       "a bad value returns the positive status BAD_VALUE");
	tap_eq(res.syndrome, 12, "syndrome carries the value");
	tap_eq(fwctl_sim_cfg_get(dev, 9, &v, &res), FWCTL_SIM_STATUS_BAD_PARAM, "unknown key: BAD_PARAM");
	tap_eq(fwctl_sim_counters(dev, &cnt, &res), 0, "counters");
	tap_eq(fk.last_scope, 1, "at debug read-only scope");
	tap_ok(cnt.cfg_writes == 1 && cnt.errors == 2, "counters decoded (cfg_writes 1, errors 2)");
	tap_eq(fwctl_sim_reg_write(dev, 5, 0x1234, &res), 0, "reg_write");
	tap_eq(fk.last_scope, 2, "at debug write scope");
	tap_eq(fwctl_sim_reg_read(dev, 5, &v, &res), 0, "reg_read");
	tap_eq(v, 0x1234, "reads back");
	tap_eq(fwctl_sim_mem_write(dev, 8, "\x01\x02\x03", 3, &res), 0, "mem_write");
	tap_eq(fk.last_scope, 3, "at debug write-full scope");
	tap_eq(fk.last_in_len, 19, "header plus payload sent");
	tap_eq(fwctl_sim_mem_read(dev, 8, buf, 3, &res), 0, "mem_read");
	tap_ok(!memcmp(buf, "\x01\x02\x03", 3), "reads back the bytes");
	tap_eq(fwctl_sim_mem_read(dev, 250, buf, 10, &res), FWCTL_SIM_STATUS_BAD_PARAM, "mem_read past the end");
	tap_eq(fwctl_sim_obj_alloc(dev, 0xaa, &objid, &res), 0, "obj_alloc");
	tap_eq(objid, 1, "first id is 1");
	tap_eq(fwctl_sim_obj_query(dev, objid, &tag, &res), 0, "obj_query");
	tap_eq(tag, 0xaa, "tag");
	tap_eq(fwctl_sim_obj_free(dev, objid, &res), 0, "obj_free");
	tap_eq(fwctl_sim_obj_query(dev, objid, &tag, &res), FWCTL_SIM_STATUS_NOT_FOUND, "freed: NOT_FOUND");
	tap_eq(fwctl_sim_fw_reset(dev, &res), 0, "fw_reset");
	tap_eq(fwctl_sim_log_read(dev, 10, buf, sizeof(buf), &len, &res), 0, "log_read 64 bytes at 10");
	tap_ok(len == 64 && !memcmp(buf, log + 10, 64), "the right bytes");
	tap_eq(fwctl_sim_log_read(dev, 0, big, sizeof(big), &len, &res), 0, "log_read with room for all");
	tap_ok(len == loglen && !memcmp(big, log, loglen), "the whole log (%zu bytes)", len);
	tap_eq(fwctl_sim_log_read(dev, loglen, big, sizeof(big), &len, &res), 0, "log_read at the end");
	tap_eq(len, 0, "nothing left");

	fk.force_status = FWCTL_SIM_STATUS_CRASHED;
	tap_eq(fwctl_sim_nop(dev, &res), FWCTL_SIM_STATUS_CRASHED, "CRASHED comes back as a positive status");
	fk.force_status = 0;

	fk.no_rawio = true;
	tap_eq(fwctl_sim_mem_read(dev, 0, buf, 4, &res), -EPERM, "kernel refusal is a negative errno");
	fk.no_rawio = false;
	tap_eq(fwctl_sim_cmd(dev, 0, FWCTL_SIM_OP_COUNTERS, 0, 0, NULL, 0, &cnt, sizeof(cnt), &res), -EPERM,
	       "fwctl_sim_cmd below the minimum scope: -EPERM");
	tap_eq(fwctl_sim_cmd(dev, 3, 0x7777, 0, 0, NULL, 0, NULL, 0, &res), -EOPNOTSUPP,
	       "an opcode outside the catalogue: -EOPNOTSUPP");
	tap_eq(fwctl_sim_cmd(dev, 0, FWCTL_SIM_OP_IDENTIFY, 0, 0, NULL, 0, &id, 8, &res), 0,
	       "a payload larger than the buffer");
	tap_ok(res.truncated && res.len == sizeof(id), "is reported truncated with its full length");

	fk.resp_mode = FAKE_RESP_SHORT;
	tap_eq(fwctl_sim_nop(dev, &res), -EBADMSG, "a response shorter than the header: -EBADMSG");
	fk.resp_mode = FAKE_RESP_WRONG_OPCODE;
	tap_eq(fwctl_sim_nop(dev, &res), -EBADMSG, "a response for another opcode: -EBADMSG");
	fk.resp_mode = FAKE_RESP_LONG_LEN;
	tap_eq(fwctl_sim_identify(dev, &id, &res), -EBADMSG, "a payload length the bytes do not back: -EBADMSG");
	fk.resp_mode = FAKE_RESP_OK;
	fwctl_close(dev);

	fake_reset();
	fk.type = FWCTL_DEVICE_TYPE_MLX5;
	dev = open_fake("fwctl0");
	fk.rpc_calls = 0;
	tap_eq(fwctl_sim_nop(dev, &res), -EMEDIUMTYPE, "sim helpers refuse a non-sim device: -EMEDIUMTYPE");
	tap_eq(fk.rpc_calls, 0, "without sending anything");
	fwctl_close(dev);
	fake_reset();
}

static void test_pure(void)
{
	unsigned char buf[64], resp[40];
	struct fwctl_sim_resp hdr = { .status = 2, .opcode = 0x11, .len = 8, .syndrome = 77 };
	struct fwctl_sim_result res;
	struct fwctl_sim_req req;
	const void *payload;
	uint32_t v;

	tap_eq(fwctl_sim_req_build(NULL, 0, 1, 2, 3, NULL, 5), 21, "req_build returns the needed length");
	memset(buf, 0xee, sizeof(buf));
	tap_eq(fwctl_sim_req_build(buf, 20, 1, 2, 3, "abcde", 5), 21, "too small: length only");
	tap_eq(buf[0], 0xee, "and nothing written");
	tap_eq(fwctl_sim_req_build(buf, sizeof(buf), 0x40, 2, 3, "abcde", 5), 21, "req_build");
	memcpy(&req, buf, sizeof(req));
	tap_ok(req.opcode == 0x40 && req.arg0 == 2 && req.arg1 == 3 && req.rsvd == 0, "header fields, rsvd zero");
	tap_ok(!memcmp(buf + 16, "abcde", 5), "payload after the header");
	tap_eq(fwctl_sim_req_build(NULL, 0, 0, 0, 0, NULL, SIZE_MAX), SIZE_MAX, "an overflowing length: SIZE_MAX");

	memcpy(resp, &hdr, sizeof(hdr));
	tap_eq(fwctl_sim_resp_parse(resp, 24, &res, &payload), 0, "resp_parse");
	tap_ok(res.status == 2 && res.opcode == 0x11 && res.len == 8 && res.syndrome == 77 && !res.truncated,
	       "all header fields");
	tap_ok(payload == resp + 16, "payload pointer");
	tap_eq(fwctl_sim_resp_parse(resp, 20, &res, NULL), 0, "fewer bytes than announced");
	tap_eq(res.truncated, 1, "is truncation");
	tap_eq(fwctl_sim_resp_parse(resp, 15, &res, NULL), -EBADMSG, "shorter than the header: -EBADMSG");
	tap_eq(fwctl_sim_resp_parse(resp, 30, &res, NULL), -EBADMSG, "more bytes than announced: -EBADMSG");

	/* the catalogue, as the header documents it */
	tap_eq(fwctl_sim_op_scope(FWCTL_SIM_OP_NOP), 0, "NOP: configuration");
	tap_eq(fwctl_sim_op_scope(FWCTL_SIM_OP_OBJ_FREE), 0, "OBJ_FREE: configuration");
	tap_eq(fwctl_sim_op_scope(FWCTL_SIM_OP_LOG_DUMP), 1, "LOG_DUMP: debug read-only");
	tap_eq(fwctl_sim_op_scope(FWCTL_SIM_OP_OBJ_QUERY), 1, "OBJ_QUERY: debug read-only");
	tap_eq(fwctl_sim_op_scope(FWCTL_SIM_OP_FW_RESET), 2, "FW_RESET: debug write");
	tap_eq(fwctl_sim_op_scope(FWCTL_SIM_OP_MEM_READ), 3, "MEM_READ: debug write-full");
	tap_eq(fwctl_sim_op_scope(0x7777), -EOPNOTSUPP, "unknown opcode: -EOPNOTSUPP");
	tap_ok(!strcmp(fwctl_sim_op_name(FWCTL_SIM_OP_CFG_SET), "cfg-set"), "op name cfg-set");
	tap_ok(fwctl_sim_op_name(0x7777) == NULL, "no name for an unknown opcode");
	tap_ok(!fwctl_sim_op_parse("MEM_READ", &v) && v == FWCTL_SIM_OP_MEM_READ, "op parse MEM_READ");
	tap_ok(!fwctl_sim_op_parse("0x21", &v) && v == FWCTL_SIM_OP_LOG_DUMP, "op parse 0x21");
	tap_eq(fwctl_sim_op_parse("mem-reads", &v), -EINVAL, "op parse rejects a longer word");
	tap_eq(fwctl_sim_op_parse("mem\rread", &v), -EINVAL, "op parse rejects odd characters");

	tap_ok(!strcmp(fwctl_sim_status_name(FWCTL_SIM_STATUS_INJECTED), "injected"), "status name injected");
	tap_ok(fwctl_sim_status_name(99) == NULL, "no name for status 99");
	tap_ok(!strcmp(fwctl_sim_status_str(99), "unknown firmware status"), "status 99 in words");
	tap_ok(strstr(fwctl_sim_status_str(FWCTL_SIM_STATUS_CRASHED), "reset") != NULL, "CRASHED says reset helps");
	tap_ok(!fwctl_sim_cfg_key_parse("power_limit_mw", &v) && v == 3, "key power_limit_mw");
	tap_ok(!fwctl_sim_cfg_key_parse("Num-Queues", &v) && v == 1, "key Num-Queues");
	tap_ok(!fwctl_sim_cfg_key_parse("7", &v) && v == 7, "key by number, even unknown");
	tap_eq(fwctl_sim_cfg_key_parse("speed", &v), -EINVAL, "unknown key name");
	tap_ok(!strcmp(fwctl_sim_cfg_key_name(2), "led-mode"), "key 2 is led-mode");
	tap_ok(fwctl_sim_cfg_key_name(4) == NULL, "key 4 has no name");
	tap_ok(!strcmp(fwctl_sim_cap_name(2), "raw-mem") && !fwctl_sim_cap_name(4), "capability names");

	tap_ok(!fwctl_scope_parse("debug-write-full", &v) && v == 3, "scope debug-write-full");
	tap_ok(!fwctl_scope_parse("config", &v) && v == 0, "scope alias config");
	tap_ok(!fwctl_scope_parse("Read-Only", &v) && v == 1, "scope alias, any case");
	tap_ok(!fwctl_scope_parse("0xffffffff", &v) && v == 0xffffffff, "any number passes (the kernel judges)");
	tap_eq(fwctl_scope_parse("-1", &v), -EINVAL, "a negative number does not");
	tap_eq(fwctl_scope_parse("4294967296", &v), -EINVAL, "nor one past 32 bits");
	tap_eq(fwctl_scope_parse("root", &v), -EINVAL, "nor an unknown word");
	tap_ok(!strcmp(fwctl_scope_name(1), "debug-read-only") && !fwctl_scope_name(4), "scope names");

	tap_ok(!strcmp(fwctl_type_name(FWCTL_DEVICE_TYPE_FWGATE_SIM), "fwctl_sim"), "type fwctl_sim");
	tap_ok(!strcmp(fwctl_type_name(FWCTL_DEVICE_TYPE_MLX5), "mlx5") &&
	       !strcmp(fwctl_type_name(FWCTL_DEVICE_TYPE_CXL), "cxl") &&
	       !strcmp(fwctl_type_name(FWCTL_DEVICE_TYPE_BNXT), "bnxt") &&
	       !strcmp(fwctl_type_name(FWCTL_DEVICE_TYPE_PDS), "pds"), "upstream type names");
	tap_ok(fwctl_type_name(0) == NULL && fwctl_type_name(77) == NULL, "no name for ERROR or unknown");

	{
		unsigned char r[32] = { 0 };
		uint32_t st = 99;

		r[0] = 5;
		tap_ok(fwctl_resp_status(FWCTL_DEVICE_TYPE_MLX5, r, 16, &st) == 1 && st == 5, "mlx5 status byte");
		r[0] = 0x34, r[1] = 0x12;
		tap_ok(fwctl_resp_status(FWCTL_DEVICE_TYPE_BNXT, r, 16, &st) == 1 && st == 0x1234,
		       "bnxt error_code, little endian");
		memset(r, 0, sizeof(r));
		r[4] = 9;
		tap_ok(fwctl_resp_status(FWCTL_DEVICE_TYPE_CXL, r, 8, &st) == 1 && st == 9, "cxl retval");
		r[24] = 3;
		tap_ok(fwctl_resp_status(FWCTL_DEVICE_TYPE_PDS, r, 32, &st) == 1 && st == 3, "pds out.retval");
		tap_eq(fwctl_resp_status(FWCTL_DEVICE_TYPE_PDS, r, 20, &st), -EBADMSG, "pds response too short");
		tap_eq(fwctl_resp_status(77, r, 32, &st), 0, "unknown type: no status");
		tap_eq(fwctl_resp_status(FWCTL_DEVICE_TYPE_FWGATE_SIM, r, 3, &st), -EBADMSG, "sim: 3 bytes too few");
	}
}

static void test_words(void)
{
	static const int errs[] = {
		ENOTTY, EFAULT, EINVAL, E2BIG, EOPNOTSUPP, EMSGSIZE, EPERM,
		EACCES, ENOMEM, ENODEV, ENOENT, ENOTUNIQ, EMEDIUMTYPE, EBADMSG,
	};
	unsigned int i;
	int ok = 1;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		ok &= fwctl_errno_name(errs[i]) && fwctl_errno_name(-errs[i]) &&
		      strcmp(fwctl_strerror(errs[i]), strerror(errs[i]));
		if (!ok) {
			tap_diag("errno %d", errs[i]);
			break;
		}
	}
	tap_ok(ok, "every fwctl errno has a name and its own explanation");
	tap_ok(!strcmp(fwctl_errno_name(-EPERM), "EPERM"), "EPERM by name");
	tap_ok(fwctl_errno_name(EXDEV) == NULL, "no name for an errno fwctl never gives");
	tap_ok(!strcmp(fwctl_strerror(EXDEV), strerror(EXDEV)), "strerror() text for those");
	tap_ok(!strcmp(fwctl_strerror(0), "success"), "0 is success");
	tap_ok(strstr(fwctl_strerror(-ENODEV), "removed") != NULL, "ENODEV: the device was removed");
	tap_ok(strstr(fwctl_strerror(-EMSGSIZE), "2 MiB") != NULL, "EMSGSIZE: larger than 2 MiB");
	tap_ok(strstr(fwctl_strerror(-ENOTTY), "not a fwctl device") != NULL, "ENOTTY: not a fwctl device");
	tap_ok(strstr(fwctl_strerror(-E2BIG), "does not know a field") != NULL, "E2BIG: unknown field");
	tap_ok(!strcmp(fwctl_explain(-EPERM, FWCTL_OP_RPC, 3), "write-full scope needs CAP_SYS_RAWIO"),
	       "EPERM at scope 3: write-full scope needs CAP_SYS_RAWIO");
	tap_ok(strstr(fwctl_explain(EPERM, FWCTL_OP_RPC, 1), "higher scope") != NULL,
	       "EPERM at scope 1: needs a higher scope");
	tap_ok(strstr(fwctl_explain(-EOPNOTSUPP, FWCTL_OP_RPC, 4), "unknown scope") != NULL,
	       "EOPNOTSUPP at scope 4: unknown scope");
	tap_ok(strstr(fwctl_explain(-EOPNOTSUPP, FWCTL_OP_RPC, 0), "does not offer") != NULL,
	       "EOPNOTSUPP at scope 0: a command the driver does not offer");
	tap_ok(strstr(fwctl_explain(-EOPNOTSUPP, FWCTL_OP_INFO, 0), "flags") != NULL,
	       "EOPNOTSUPP from INFO: flags");
	tap_ok(strstr(fwctl_explain(-EIO, FWCTL_OP_OPEN, 0), "refused to open") != NULL,
	       "an odd errno from open: the driver refused a context");
	tap_ok(strstr(fwctl_explain(-ENODEV, FWCTL_OP_INFO, 0), "removed") != NULL,
	       "ENODEV from INFO falls back to the general text");
}

int main(void)
{
	tap_start();
	fake_reset();
	if (!tap_ok(fake_tree_setup() == 0, "fake sysfs and /dev under %s", fake_root))
		return tap_end();
	test_discovery();
	test_info();
	test_rpc();
	test_sim_helpers();
	test_pure();
	test_words();
	fake_tree_cleanup();
	return tap_end();
}

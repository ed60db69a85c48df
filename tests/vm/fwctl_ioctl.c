// SPDX-License-Identifier: GPL-2.0
/*
 * Every malformed FWCTL_INFO / FWCTL_RPC gets its documented errno: command
 * words, struct sizes (size-extensible rules), bad pointers, huge lengths,
 * unknown scopes and flags. Nothing here may crash, hang or leak.
 */
#include <sys/mman.h>
#include "tap.h"
#include "simdev.h"

#define ID 20
#define MIB (1u << 20)
#define KERNEL_PTR 0xffff888000000000ull

static long page;
/* A readable/writable page followed by a PROT_NONE one. */
static unsigned char *guard_area(void)
{
	unsigned char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	mprotect(p + page, page, PROT_NONE);
	memset(p, 0, page);
	return p;
}

static void test_command_words(int fd)
{
	struct fwctl_info info = { .size = sizeof(info) };

	tap_errno(ioctl(fd, _IO(FWCTL_TYPE, 2), &info), ENOTTY, "nr 2 (not upstream): ENOTTY");
	tap_errno(ioctl(fd, _IO(FWCTL_TYPE, 0x80), &info), ENOTTY, "nr 0x80: ENOTTY");
	tap_errno(ioctl(fd, 0xC09A0001, &info), ENOTTY, "0xC09A0001 (a wrong hard-coded FWCTL_RPC): ENOTTY");
	tap_errno(ioctl(fd, _IOWR(FWCTL_TYPE, 0, struct fwctl_info), &info), ENOTTY,
		  "FWCTL_INFO with size/direction bits: ENOTTY");
	tap_errno(ioctl(fd, 0x5401, &info), ENOTTY, "TCGETS: ENOTTY");
	tap_eq(FWCTL_INFO, 0x9A00, "FWCTL_INFO is 0x9A00");
	tap_eq(FWCTL_RPC, 0x9A01, "FWCTL_RPC is 0x9A01");
}

static void test_info_sizes(int fd, unsigned char *g)
{
	struct fwctl_info *at_end = (void *)(g + page - sizeof(struct fwctl_info));
	struct fwctl_info info = { .size = sizeof(info) };
	struct { struct fwctl_info i; uint64_t tail; } big;
	unsigned char *huge;

	tap_errno(ioctl(fd, FWCTL_INFO, NULL), EFAULT, "INFO with a NULL pointer: EFAULT");
	tap_errno(ioctl(fd, FWCTL_INFO, g + page), EFAULT, "INFO with an unmapped pointer: EFAULT");
	tap_errno(ioctl(fd, FWCTL_INFO, KERNEL_PTR), EFAULT, "INFO with a kernel pointer: EFAULT");

	info.size = 0;
	tap_errno(ioctl(fd, FWCTL_INFO, &info), EINVAL, "INFO size 0: EINVAL");
	info.size = 23;
	tap_errno(ioctl(fd, FWCTL_INFO, &info), EINVAL, "INFO size 23 (one short of the minimum): EINVAL");
	info.size = 24;
	tap_eq(ioctl(fd, FWCTL_INFO, &info), 0, "INFO size 24 works");
	tap_eq(info.size, 24, "size is echoed back unchanged");

	memset(&big, 0, sizeof(big));
	big.i.size = sizeof(big);
	tap_eq(ioctl(fd, FWCTL_INFO, &big), 0, "INFO from newer userspace (32 bytes, zero tail) works");
	tap_eq(big.i.out_device_type, FWCTL_DEVICE_TYPE_FWGATE_SIM, "and fills the known fields");
	big.tail = 1ull << 40;
	tap_errno(ioctl(fd, FWCTL_INFO, &big), E2BIG, "a non-zero unknown tail: E2BIG");
	tap_eq(big.tail, 1ull << 40, "the tail is left alone");

	huge = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (huge != MAP_FAILED) {
		((struct fwctl_info *)huge)->size = MIB;
		tap_eq(ioctl(fd, FWCTL_INFO, huge), 0, "a 1 MiB struct with a zero tail works (no upper bound)");
		huge[MIB - 1] = 1;
		tap_errno(ioctl(fd, FWCTL_INFO, huge), E2BIG, "one non-zero byte at its end: E2BIG");
		munmap(huge, MIB);
	}

	memset(at_end, 0, sizeof(*at_end));
	at_end->size = sizeof(*at_end);
	tap_eq(ioctl(fd, FWCTL_INFO, at_end), 0, "a struct that ends exactly at a guard page works");
	at_end->size = 4096;
	tap_errno(ioctl(fd, FWCTL_INFO, at_end), EFAULT, "a size that runs into the guard page: EFAULT");

	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.flags = 1;
	tap_errno(ioctl(fd, FWCTL_INFO, &info), EOPNOTSUPP, "INFO flags != 0: EOPNOTSUPP");
	info.flags = 0;
	info.device_data_len = 16;
	info.out_device_data = (uintptr_t)(g + page);
	tap_errno(ioctl(fd, FWCTL_INFO, &info), EFAULT, "device data pointer unmapped: EFAULT");
	info.out_device_data = KERNEL_PTR;
	tap_errno(ioctl(fd, FWCTL_INFO, &info), EFAULT, "device data pointer in the kernel: EFAULT");
	info.out_device_data = (uintptr_t)(g + page - 8);
	tap_errno(ioctl(fd, FWCTL_INFO, &info), EFAULT, "device data buffer running into the guard page: EFAULT");
}

static int rpc_raw(int fd, struct fwctl_rpc *rpc)
{
	return ioctl(fd, FWCTL_RPC, rpc);
}

static void test_rpc(int fd, unsigned char *g)
{
	struct fwctl_sim_req nop = { .opcode = FWCTL_SIM_OP_NOP };
	struct fwctl_sim_req ident = { .opcode = FWCTL_SIM_OP_IDENTIFY };
	unsigned char out[256];
	struct fwctl_rpc rpc;
	struct { struct fwctl_rpc r; uint32_t tail[2]; } big;
	unsigned char *in2m, *odd;
	unsigned int i;
	int untouched;

#define RESET_RPC(_in, _in_len) do {					\
	memset(&rpc, 0, sizeof(rpc));					\
	rpc.size = sizeof(rpc);						\
	rpc.in = (uintptr_t)(_in);					\
	rpc.in_len = (_in_len);						\
	rpc.out = (uintptr_t)out;					\
	rpc.out_len = sizeof(out);					\
} while (0)

	RESET_RPC(&nop, sizeof(nop));
	rpc.size = 31;
	tap_errno(rpc_raw(fd, &rpc), EINVAL, "RPC size 31: EINVAL");
	rpc.size = 32;
	tap_eq(rpc_raw(fd, &rpc), 0, "RPC size 32 works");
	memset(&big, 0, sizeof(big));
	big.r = rpc;
	big.r.size = sizeof(big);
	tap_eq(rpc_raw(fd, &big.r), 0, "RPC from newer userspace (40 bytes, zero tail) works");
	big.tail[1] = 9;
	tap_errno(rpc_raw(fd, &big.r), E2BIG, "RPC with a non-zero unknown tail: E2BIG");

	for (i = 4; i <= 5; i++) {
		uint32_t scope = i == 4 ? 4 : 0xffffffff;

		RESET_RPC(&nop, sizeof(nop));
		rpc.scope = scope;
		tap_errno(rpc_raw(fd, &rpc), EOPNOTSUPP, "scope 0x%x: EOPNOTSUPP", scope);
	}

	RESET_RPC(&nop, 2 * MIB + 1);
	tap_errno(rpc_raw(fd, &rpc), EMSGSIZE, "in_len 2 MiB + 1: EMSGSIZE");
	RESET_RPC(&nop, 0xffffffff);
	tap_errno(rpc_raw(fd, &rpc), EMSGSIZE, "in_len 4 GiB - 1: EMSGSIZE");
	RESET_RPC(&nop, sizeof(nop));
	rpc.out_len = 2 * MIB + 1;
	tap_errno(rpc_raw(fd, &rpc), EMSGSIZE, "out_len 2 MiB + 1: EMSGSIZE");

	in2m = mmap(NULL, 2 * MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (in2m != MAP_FAILED) {
		struct fwctl_sim_req *log = (void *)in2m;
		struct fwctl_sim_resp *resp = (void *)in2m;

		RESET_RPC(in2m, 2 * MIB);
		tap_eq(rpc_raw(fd, &rpc), 0, "in_len of exactly 2 MiB is accepted");
		memset(log, 0, sizeof(*log));
		log->opcode = FWCTL_SIM_OP_LOG_DUMP;
		RESET_RPC(log, sizeof(*log));
		rpc.scope = FWCTL_RPC_DEBUG_READ_ONLY;
		rpc.out = (uintptr_t)in2m;
		rpc.out_len = 2 * MIB;
		tap_eq(rpc_raw(fd, &rpc), 0, "a 2 MiB response (full log dump) works");
		tap_eq(rpc.out_len, 2 * MIB, "out_len is 2 MiB");
		tap_eq(resp->len, 2 * MIB - sizeof(*resp), "the firmware filled it");
		munmap(in2m, 2 * MIB);
	}

	RESET_RPC(NULL, sizeof(nop));
	tap_errno(rpc_raw(fd, &rpc), EFAULT, "in = NULL: EFAULT");
	RESET_RPC(g + page, sizeof(nop));
	tap_errno(rpc_raw(fd, &rpc), EFAULT, "in unmapped: EFAULT");
	RESET_RPC(g + page - 8, sizeof(nop));
	tap_errno(rpc_raw(fd, &rpc), EFAULT, "in running into the guard page: EFAULT");
	RESET_RPC(KERNEL_PTR, sizeof(nop));
	tap_errno(rpc_raw(fd, &rpc), EFAULT, "in is a kernel pointer: EFAULT");
	odd = g + 1;
	memcpy(odd, &ident, sizeof(ident));
	RESET_RPC(odd, sizeof(ident));
	tap_eq(rpc_raw(fd, &rpc), 0, "a misaligned request works");

	RESET_RPC(&nop, sizeof(nop));
	rpc.out = 0;
	tap_errno(rpc_raw(fd, &rpc), EFAULT, "out = NULL with a capacity: EFAULT");
	rpc.out = KERNEL_PTR;
	tap_errno(rpc_raw(fd, &rpc), EFAULT, "out is a kernel pointer: EFAULT");
	rpc.out = 0;
	rpc.out_len = 0;
	tap_eq(rpc_raw(fd, &rpc), 0, "out = NULL with zero capacity works");
	tap_eq(rpc.out_len, sizeof(struct fwctl_sim_resp), "and reports the response length it could not copy");

	RESET_RPC(&nop, 0);
	tap_errno(rpc_raw(fd, &rpc), EINVAL, "in_len 0: the driver says EINVAL");
	RESET_RPC(&nop, 15);
	tap_errno(rpc_raw(fd, &rpc), EINVAL, "in_len 15 (short header): EINVAL");
	nop.rsvd = 1;
	RESET_RPC(&nop, sizeof(nop));
	tap_errno(rpc_raw(fd, &rpc), EINVAL, "reserved header field set: EINVAL");
	nop.rsvd = 0;

	/* The unused part of the out buffer is left alone, as upstream does. */
	memset(out, 0xa5, sizeof(out));
	RESET_RPC(&nop, sizeof(nop));
	tap_eq(rpc_raw(fd, &rpc), 0, "NOP");
	tap_eq(rpc.out_len, sizeof(struct fwctl_sim_resp), "response length 16");
	untouched = 1;
	for (i = sizeof(struct fwctl_sim_resp); i < sizeof(out); i++)
		untouched &= out[i] == 0xa5;
	tap_ok(untouched, "bytes past the response are not written");
	tap_eq(rpc.in, (uintptr_t)&nop, "the struct comes back with its pointers unchanged");

	memset(out, 0xa5, sizeof(out));
	RESET_RPC(&ident, sizeof(ident));
	rpc.out_len = 20;
	tap_eq(rpc_raw(fd, &rpc), 0, "IDENTIFY into a 20-byte buffer");
	tap_eq(rpc.out_len, sizeof(struct fwctl_sim_resp) + sizeof(struct fwctl_sim_identify),
	       "out_len reports the full length (truncation signal)");
	tap_ok(out[20] == 0xa5, "nothing is written past the 20 bytes");
}

int main(void)
{
	unsigned char *g;
	int fd, rofd;
	char name[32], path[64];

	tap_start();
	page = sysconf(_SC_PAGESIZE);
	g = guard_area();
	tap_eq(sim_new(ID), 0, "create a sim device");
	fd = sim_open(ID);
	if (!tap_ok(fd >= 0 && g, "open it, map a guard area"))
		return tap_end();

	test_command_words(fd);
	test_info_sizes(fd, g);
	test_rpc(fd, g);

	sim_fwctl_name(ID, name, sizeof(name));
	snprintf(path, sizeof(path), "/dev/fwctl/%s", name);
	rofd = open(path, O_RDONLY);
	{
		struct sim_reply r;

		tap_eq(sim_cmd(rofd, 0, FWCTL_SIM_OP_IDENTIFY, 0, 0, &r), 0,
		       "a file opened read-only can issue RPCs (no open-mode check, as upstream)");
	}
	close(rofd);
	close(fd);
	tap_eq(sim_debugfs(ID, "contexts"), 0, "no firmware context left behind");
	tap_eq(sim_del(ID), 0, "delete the sim device");
	return tap_end();
}

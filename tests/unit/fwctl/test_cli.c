// SPDX-License-Identifier: GPL-2.0
/*
 * The fwctl command without a kernel: argument parsing, number and hex
 * parsing, JSON escaping and structure, the decoders, and whole commands
 * against the fake kernel of fake.c with their exit statuses.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "fake.h"
#include "fwctl.h"
#include "json_check.h"

/* ---- running commands */

struct run {
	int rc;
	char *out, *err;
	size_t out_len, err_len;
};

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

static void setup(struct cli *c, struct run *r, bool json, bool pretty)
{
	memset(c, 0, sizeof(*c));
	c->out = open_memstream(&r->out, &r->out_len);
	c->err = open_memstream(&r->err, &r->err_len);
	c->json = json;
	c->pretty = pretty;
	json_init(&c->j, c->out, pretty);
}

static void finish(struct cli *c)
{
	cli_close_all(c);
	fclose(c->out);
	fclose(c->err);
}

/* Drop the final newline of stderr, so it can end a TAP line. */
static void chomp(struct run *r)
{
	if (r->err_len && r->err[r->err_len - 1] == '\n')
		r->err[--r->err_len] = 0;
}

/* flags: "j" json, "p" pretty */
static int run(struct run *r, const char *flags, const char *cmdline)
{
	char buf[512], *argv[32];
	struct cli c;
	int argc;

	run_free(r);
	snprintf(buf, sizeof(buf), "%s", cmdline);
	argc = split_line(buf, argv, 32);
	setup(&c, r, strchr(flags, 'j'), strchr(flags, 'p'));
	r->rc = cli_run(&c, argc, argv);
	finish(&c);
	chomp(r);
	return r->rc;
}

static bool out_has(const struct run *r, const char *s)
{
	return r->out && strstr(r->out, s);
}

static bool err_has(const struct run *r, const char *s)
{
	return r->err && strstr(r->err, s);
}

#define CHECK(r, flags, cmd, want, ...) do {				\
	run(r, flags, cmd);						\
	if ((r)->rc != (want))						\
		tap_diag("stdout: %s\n# stderr: %s", (r)->out, (r)->err); \
	tap_eq((r)->rc, want, __VA_ARGS__);				\
} while (0)

/* ---- pure helpers */

static char *escaped_buf;

static char *escaped(const char *s, size_t len)
{
	char *buf;
	size_t n;
	FILE *f;

	free(escaped_buf);
	f = open_memstream(&buf, &n);
	json_escape(f, s, len);
	fclose(f);
	escaped_buf = buf;
	return buf;
}

static void test_json(void)
{
	struct json j;
	char *buf = NULL;
	size_t n;
	FILE *f;

	tap_ok(!strcmp(escaped("abc", 3), "\"abc\""), "plain string");
	tap_ok(!strcmp(escaped("a\"b\\c", 5), "\"a\\\"b\\\\c\""), "quote and backslash escaped");
	tap_ok(!strcmp(escaped("\n\r\t\b\f", 5), "\"\\n\\r\\t\\b\\f\""), "short escapes");
	tap_ok(!strcmp(escaped("\x01\x1f\x7f", 3), "\"\\u0001\\u001f\\u007f\""), "control characters as \\u00XX");
	tap_ok(!strcmp(escaped("a\0b", 3), "\"a\\u0000b\""), "NUL inside a string");
	tap_ok(!strcmp(escaped("\xc3\xa9", 2), "\"\xc3\xa9\""), "valid 2-byte UTF-8 kept");
	tap_ok(!strcmp(escaped("\xe2\x82\xac", 3), "\"\xe2\x82\xac\""), "valid 3-byte UTF-8 kept");
	tap_ok(!strcmp(escaped("\xf0\x9f\x98\x80", 4), "\"\xf0\x9f\x98\x80\""), "valid 4-byte UTF-8 kept");
	tap_ok(!strcmp(escaped("\xff", 1), "\"\\u00ff\""), "invalid byte escaped");
	tap_ok(!strcmp(escaped("\xc3", 1), "\"\\u00c3\""), "truncated sequence escaped");
	tap_ok(!strcmp(escaped("\xc0\xaf", 2), "\"\\u00c0\\u00af\""), "overlong form escaped");
	tap_ok(!strcmp(escaped("\xed\xa0\x80", 3), "\"\\u00ed\\u00a0\\u0080\""), "UTF-16 surrogate escaped");
	tap_ok(!strcmp(escaped("\xf4\x90\x80\x80", 4), "\"\\u00f4\\u0090\\u0080\\u0080\""), "beyond U+10FFFF escaped");
	free(escaped_buf);
	escaped_buf = NULL;

	f = open_memstream(&buf, &n);
	json_init(&j, f, false);
	json_obj_open(&j, NULL);
	json_str(&j, "a", "x");
	json_u64(&j, "b", 18446744073709551615ull);
	json_arr_open(&j, "c");
	json_bool(&j, NULL, true);
	json_null(&j, NULL);
	json_obj_open(&j, NULL);
	json_obj_close(&j);
	json_arr_close(&j);
	json_arr_open(&j, "d");
	json_arr_close(&j);
	json_hex(&j, "e", "\x00\xab", 2);
	json_str(&j, "f", NULL);
	json_obj_close(&j);
	json_done(&j);
	fclose(f);
	tap_ok(!strcmp(buf, "{\"a\":\"x\",\"b\":18446744073709551615,\"c\":[true,null,{}],\"d\":[],\"e\":\"00ab\",\"f\":null}\n"),
	       "compact document: %.*s", (int)strcspn(buf, "\n"), buf);
	tap_ok(json_valid_docs(buf, n), "it is valid JSON");
	free(buf);

	f = open_memstream(&buf, &n);
	json_init(&j, f, true);
	json_obj_open(&j, NULL);
	json_arr_open(&j, "l");
	json_u64(&j, NULL, 1);
	json_u64(&j, NULL, 2);
	json_arr_close(&j);
	json_obj_open(&j, "o");
	json_obj_close(&j);
	json_obj_close(&j);
	json_done(&j);
	fclose(f);
	tap_ok(!strcmp(buf, "{\n  \"l\": [\n    1,\n    2\n  ],\n  \"o\": {}\n}\n"), "pretty document");
	tap_ok(json_valid_docs(buf, n), "valid too");
	free(buf);

	tap_ok(!json_valid("{\"a\":1,}", 8), "validator: trailing comma rejected");
	tap_ok(!json_valid("\"\x01\"", 3), "validator: raw control character rejected");
	tap_ok(!json_valid("{\"a\" 1}", 7), "validator: missing colon rejected");
}

static void test_parsers(void)
{
	unsigned char *b;
	uint64_t v64;
	uint32_t v;
	size_t n;
	char line[128], *w[8];

	tap_ok(!parse_u32("4294967295", &v) && v == 0xffffffff, "u32 max");
	tap_eq(parse_u32("4294967296", &v), -EINVAL, "u32 overflow");
	tap_ok(!parse_u32("0x10", &v) && v == 16, "u32 hex");
	tap_ok(!parse_u32("010", &v) && v == 8, "u32 octal");
	tap_eq(parse_u32("-1", &v), -EINVAL, "u32 negative");
	tap_eq(parse_u32(" 1", &v), -EINVAL, "u32 leading blank");
	tap_eq(parse_u32("1x", &v), -EINVAL, "u32 trailing junk");
	tap_eq(parse_u32("", &v), -EINVAL, "u32 empty");
	tap_ok(!parse_size("4k", &v64) && v64 == 4096, "size 4k");
	tap_ok(!parse_size("2M", &v64) && v64 == 2u << 20, "size 2M");
	tap_ok(!parse_size("0x10", &v64) && v64 == 16, "size hex");
	tap_eq(parse_size("1G", &v64), -EINVAL, "size unknown suffix");
	tap_eq(parse_size("99999999999999999999", &v64), -EINVAL, "size overflow");
	tap_eq(parse_size("18014398509481984k", &v64), -EINVAL, "size overflow through the suffix");

	tap_ok(!parse_hex("0a0B", &b, &n) && n == 2 && b[0] == 0x0a && b[1] == 0x0b, "hex plain");
	free(b);
	tap_ok(!parse_hex("0x01:02 03-04_05", &b, &n) && n == 5 && b[4] == 5, "hex with prefix and separators");
	free(b);
	tap_ok(!parse_hex("", &b, &n) && n == 0, "hex empty");
	free(b);
	tap_eq(parse_hex("abc", &b, &n), -EINVAL, "hex odd digit count");
	tap_eq(parse_hex("0g", &b, &n), -EINVAL, "hex bad digit");
	tap_eq(parse_hex("0 1", &b, &n), -EINVAL, "hex separator inside a byte");

	strcpy(line, "  sim  fwctl0 'cfg set' \"a b\" x# # comment\n");
	n = split_line(line, w, 8);
	tap_eq(n, 5, "split_line word count");
	tap_ok(n == 5 && !strcmp(w[0], "sim") && !strcmp(w[2], "cfg set") && !strcmp(w[3], "a b") &&
	       !strcmp(w[4], "x#"), "quotes group words, # only starts a comment at a word");
	strcpy(line, "# only a comment");
	tap_eq(split_line(line, w, 8), 0, "comment line: no words");
	strcpy(line, "a 'b");
	tap_eq(split_line(line, w, 8), -EINVAL, "unterminated quote");
	strcpy(line, "a b c");
	tap_eq(split_line(line, w, 2), -EINVAL, "too many words");
	strcpy(line, "a''b \"\"");
	tap_ok(split_line(line, w, 8) == 2 && !strcmp(w[0], "ab") && !strcmp(w[1], ""), "empty quotes");
}

static int sp(struct sim_spec *s, const char *cmdline, char *err)
{
	char buf[256], *argv[24];
	int argc;

	snprintf(buf, sizeof(buf), "%s", cmdline);
	argc = split_line(buf, argv, 24);
	sim_spec_free(s);
	return sim_parse(argc, argv, s, err, 160);
}

static void test_sim_parse(void)
{
	struct sim_spec s = { 0 };
	char err[160];

	tap_ok(!sp(&s, "identify", err) && s.opcode == FWCTL_SIM_OP_IDENTIFY && s.scope == 0, "identify at scope 0");
	tap_ok(!sp(&s, "counters", err) && s.opcode == FWCTL_SIM_OP_COUNTERS && s.scope == 1, "counters at scope 1");
	tap_ok(!sp(&s, "reset", err) && s.opcode == FWCTL_SIM_OP_FW_RESET && s.scope == 2, "reset at scope 2");
	tap_ok(!sp(&s, "nop", err) && s.opcode == FWCTL_SIM_OP_NOP, "nop");
	tap_ok(!sp(&s, "cfg", err) && s.cmd == SIM_CFG_SHOW, "cfg alone shows all");
	tap_ok(!sp(&s, "cfg show", err) && s.cmd == SIM_CFG_SHOW, "cfg show");
	tap_ok(!sp(&s, "cfg get num-queues", err) && s.opcode == FWCTL_SIM_OP_CFG_GET && s.arg0 == 1, "cfg get num-queues");
	tap_ok(!sp(&s, "cfg set mtu 9000", err) && s.opcode == FWCTL_SIM_OP_CFG_SET && s.arg0 == 0 && s.arg1 == 9000,
	       "cfg set mtu 9000");
	tap_ok(!sp(&s, "cfg set led-mode blink", err) && s.arg0 == 2 && s.arg1 == 2, "led-mode takes blink");
	tap_ok(!sp(&s, "cfg set power_limit_mw 0x3a98", err) && s.arg0 == 3 && s.arg1 == 15000, "power_limit_mw hex");
	tap_ok(!sp(&s, "log", err) && s.opcode == FWCTL_SIM_OP_LOG_DUMP && s.arg0 == 0 && s.log_len == UINT64_MAX,
	       "log: whole log from 0");
	tap_ok(!sp(&s, "log offset 64 len 4k", err) && s.arg0 == 64 && s.log_len == 4096, "log offset 64 len 4k");
	tap_ok(!sp(&s, "log len all", err) && s.log_len == UINT64_MAX, "log len all");
	tap_ok(!sp(&s, "reg read 5", err) && s.opcode == FWCTL_SIM_OP_REG_READ && s.arg0 == 5 && s.scope == 1, "reg read 5");
	tap_ok(!sp(&s, "reg write 5 0xdead", err) && s.opcode == FWCTL_SIM_OP_REG_WRITE && s.arg1 == 0xdead && s.scope == 2,
	       "reg write 5 0xdead");
	tap_ok(!sp(&s, "mem read 0x10 32 raw", err) && s.opcode == FWCTL_SIM_OP_MEM_READ && s.arg0 == 16 && s.arg1 == 32 &&
	       s.raw && s.scope == 3, "mem read 0x10 32 raw");
	tap_ok(!sp(&s, "mem write 8 deadbeef", err) && s.opcode == FWCTL_SIM_OP_MEM_WRITE && s.payload_len == 4 &&
	       s.payload[0] == 0xde, "mem write 8 deadbeef");
	tap_ok(!sp(&s, "obj alloc 0xaa", err) && s.opcode == FWCTL_SIM_OP_OBJ_ALLOC && s.arg0 == 0xaa, "obj alloc");
	tap_ok(!sp(&s, "obj query 3", err) && s.opcode == FWCTL_SIM_OP_OBJ_QUERY && s.scope == 1, "obj query");
	tap_ok(!sp(&s, "obj free 3", err) && s.opcode == FWCTL_SIM_OP_OBJ_FREE && s.scope == 0, "obj free");
	tap_ok(!sp(&s, "scope debug-write-full counters", err) && s.scope == 3 && s.has_scope, "scope before the command");
	tap_ok(!sp(&s, "mem read 0 4 scope 1", err) && s.scope == 1, "scope after the command overrides the minimum");
	tap_ok(!sp(&s, "nop scope 0xffffffff", err) && s.scope == 0xffffffff, "any scope number is passed on");

	tap_eq(sp(&s, "", err), -EINVAL, "no command");
	tap_eq(sp(&s, "bogus", err), -EINVAL, "unknown command");
	tap_ok(strstr(err, "unknown sim command") != NULL, "... says so: %s", err);
	tap_eq(sp(&s, "cfg set mtu", err), -EINVAL, "cfg set without a value");
	tap_ok(strstr(err, "cfg set KEY VALUE") != NULL, "... shows the usage");
	tap_eq(sp(&s, "cfg get speed", err), -EINVAL, "unknown key");
	tap_eq(sp(&s, "cfg set led-mode dim", err), -EINVAL, "bad led-mode word");
	tap_eq(sp(&s, "cfg frob", err), -EINVAL, "unknown cfg command");
	tap_ok(!strcmp(err, "unknown cfg command \"frob\""), "... says so: %s", err);
	tap_eq(sp(&s, "reg read", err), -EINVAL, "reg read without an index");
	tap_eq(sp(&s, "reg read x", err), -EINVAL, "reg read with a bad index");
	tap_eq(sp(&s, "reg poke 1", err), -EINVAL, "unknown reg command");
	tap_ok(!strcmp(err, "usage: fwctl sim DEV reg { read IDX | write IDX VALUE }"),
	       "... shows the reg forms: %s", err);
	tap_eq(sp(&s, "mem", err), -EINVAL, "mem without a verb");
	tap_ok(!strcmp(err, "usage: fwctl sim DEV mem { read OFF LEN [raw] | write OFF HEX }"),
	       "... shows the mem forms: %s", err);
	tap_eq(sp(&s, "obj drop 1", err), -EINVAL, "unknown obj command");
	tap_ok(!strcmp(err, "usage: fwctl sim DEV obj { alloc TAG | query ID | free ID }"),
	       "... shows the obj forms: %s", err);
	tap_ok(!sp(&s, "cfg", err) && s.cmd == SIM_CFG_SHOW, "cfg alone is cfg show");
	tap_eq(sp(&s, "cfg show all", err), -EINVAL, "cfg show with an extra word");
	tap_ok(!strcmp(err, "usage: fwctl sim DEV cfg show"), "... shows the usage: %s", err);
	tap_ok(!sp(&s, "id", err) && s.cmd == SIM_IDENTIFY, "id is identify");
	tap_eq(sp(&s, "reg write 1 x", err), -EINVAL, "reg write with a bad value");
	tap_ok(!strcmp(err, "reg write value: \"x\" is not a 32-bit number"), "... names the value: %s", err);
	tap_eq(sp(&s, "mem write 0 xyz", err), -EINVAL, "mem write with bad hex");
	tap_eq(sp(&s, "mem write x 00ff", err), -EINVAL, "mem write with a bad offset (payload freed)");
	tap_ok(s.payload == NULL, "nothing left to free after a failed parse");
	tap_eq(sp(&s, "mem read 0", err), -EINVAL, "mem read without a length");
	tap_eq(sp(&s, "obj alloc", err), -EINVAL, "obj alloc without a tag");
	tap_eq(sp(&s, "identify extra", err), -EINVAL, "extra words");
	tap_eq(sp(&s, "log offset", err), -EINVAL, "log offset without a value");
	tap_eq(sp(&s, "log offset 5G", err), -EINVAL, "log offset too big");
	tap_eq(sp(&s, "log frob 1", err), -EINVAL, "log unknown argument");
	tap_eq(sp(&s, "nop scope", err), -EINVAL, "scope without a value");
	tap_eq(sp(&s, "nop scope admin", err), -EINVAL, "unknown scope word");
	sim_spec_free(&s);
}

static void test_decoders(void)
{
	struct fwctl_sim_identify id = {
		.fw_version = 0x010402, .dev_id = 7, .caps = 0x15,
		.max_rpc_len = 2097152, .num_regs = 64, .num_cfg_keys = 4,
		.mem_size = 4096, .max_objects = 16, .serial = "FWSIM-00000007",
	};
	struct fwctl_sim_counters cnt = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct fwctl_info_sim info = { 3, 0xf, 0x010402, 9 };
	unsigned char mlx5[8] = { 5, 0, 0, 0, 0x10, 0, 0, 0 };
	unsigned char bnxt[4] = { 0x6, 0, 0, 0 };
	struct cli c;
	struct run r = { 0 };

	setup(&c, &r, false, false);
	sim_print_identify(&c, &id);
	finish(&c);
	tap_ok(!strcmp(r.out, "fw_version 1.4.2\ndev_id 7\nserial FWSIM-00000007\ncaps 0x15 config raw-mem bit4\n"
			      "max_rpc_len 2097152\nnum_regs 64\nnum_cfg_keys 4\nmem_size 4096\nmax_objects 16\n"),
	       "identify as text (unknown capability bits by number)");
	run_free(&r);

	setup(&c, &r, true, false);
	json_obj_open(&c.j, NULL);
	sim_print_identify(&c, &id);
	json_obj_close(&c.j);
	finish(&c);
	tap_ok(strstr(r.out, "\"identify\":{\"fw_version\":\"1.4.2\",\"fw_version_raw\":66562,\"dev_id\":7,"
			     "\"serial\":\"FWSIM-00000007\",\"caps\":[\"config\",\"raw-mem\",\"bit4\"],\"caps_raw\":21") != NULL,
	       "identify as JSON");
	tap_ok(json_valid_docs(r.out, r.out_len), "valid JSON");
	run_free(&r);

	setup(&c, &r, false, false);
	sim_print_counters(&c, &cnt);
	finish(&c);
	tap_ok(!strcmp(r.out, "rpcs 1\nerrors 2\nresets 3\ncfg_writes 4\nreg_writes 5\nmem_writes 6\ncontexts 7\nobjects 8\n"),
	       "counters as text");
	run_free(&r);

	setup(&c, &r, false, false);
	sim_print_cfg(&c, 2, 2);
	sim_print_cfg(&c, 0, 1500);
	sim_print_cfg(&c, 9, 1);
	finish(&c);
	tap_ok(!strcmp(r.out, "led-mode 2 (blink)\nmtu 1500\nkey9 1\n"), "cfg lines, led-mode named, unknown key by number");
	run_free(&r);

	setup(&c, &r, false, false);
	info_decode(&c, FWCTL_DEVICE_TYPE_FWGATE_SIM, &info, sizeof(info));
	info_decode(&c, FWCTL_DEVICE_TYPE_MLX5, mlx5, sizeof(mlx5));
	info_decode(&c, FWCTL_DEVICE_TYPE_BNXT, bnxt, sizeof(bnxt));
	info_decode(&c, FWCTL_DEVICE_TYPE_PDS, bnxt, sizeof(bnxt));
	info_decode(&c, FWCTL_DEVICE_TYPE_FWGATE_SIM, &info, 8);
	info_decode(&c, FWCTL_DEVICE_TYPE_CXL, bnxt, sizeof(bnxt));
	finish(&c);
	tap_ok(!strcmp(r.out, "uctx_id 3\ncaps 0xf config debug raw-mem objects\nfw_version 1.4.2\ndev_id 9\n"
			      "uid 5\nuctx_caps 0x10 bit4\n"
			      "uctx_caps 0x6 query send\n"
			      "uctx_caps 0x6 send bit2\n"),
	       "info decoders: sim, mlx5, bnxt, pds; short data and cxl print nothing");
	run_free(&r);

	{
		char *buf = NULL;
		size_t n;
		FILE *f = open_memstream(&buf, &n);

		hexdump(f, "ABCDEFGHIJKLMNOPQ\x01", 18, 0x100);
		fclose(f);
		tap_ok(!strcmp(buf, "00000100  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|\n"
				    "00000110  51 01                                             |Q.|\n"),
		       "hexdump layout");
		free(buf);
	}
}

static void test_commands(void)
{
	struct run r = { 0 };
	char cmd[256];
	size_t loglen;
	const char *log = fake_log(&loglen);

	fake_reset();
	CHECK(&r, "", "help", 0, "fwctl help: 0");
	tap_ok(out_has(&r, "OBJECT := { dev | info | mlx5 | rpc | sap | sim }"), "prints the usage");
	CHECK(&r, "", "", 1, "no object: usage error 1");
	CHECK(&r, "", "frob", 1, "unknown object: 1");
	CHECK(&r, "", "dev help", 0, "dev help: 0");
	CHECK(&r, "", "sim help", 0, "sim help: 0");
	tap_ok(out_has(&r, "cfg get KEY"), "sim help lists the commands");
	CHECK(&r, "", "sim fwctl0 --help", 0, "sim DEV --help: 0");
	CHECK(&r, "", "rpc help", 0, "rpc help: 0");
	CHECK(&r, "", "info help", 0, "info help: 0");

	CHECK(&r, "", "dev", 0, "dev: 0");
	tap_ok(out_has(&r, "fwctl0: type fwctl_sim driver fake_drv parent fakebus/simA node ") &&
	       out_has(&r, " dev 1:3\n"), "dev lists fwctl0 with type, driver, bus/parent, node, MAJ:MIN");
	tap_ok(out_has(&r, "fwctl1: type fwctl_sim driver - parent fakebus/simB"), "and fwctl1 (unbound parent)");
	CHECK(&r, "j", "dev", 0, "dev -j: 0");
	tap_ok(json_valid_docs(r.out, r.out_len), "dev -j is valid JSON");
	tap_ok(out_has(&r, "\"name\":\"fwctl2\",\"index\":2,\"type\":\"fwctl_sim\",\"type_id\":62881,\"driver\":null,"
			   "\"bus\":\"fakebus\",\"parent\":\"simB\""), "dev -j members");
	CHECK(&r, "jp", "dev show fwctl0", 0, "dev show fwctl0 -jp: 0");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\n      \"name\": \"fwctl0\""), "pretty and valid");
	tap_ok(!out_has(&r, "fwctl1"), "only the device asked for");
	CHECK(&r, "", "dev show nosuch", 4, "dev show of an unknown device: 4");
	tap_ok(err_has(&r, "no such fwctl device"), "says no such device");
	CHECK(&r, "", "dev frob", 1, "dev frob: 1");

	CHECK(&r, "", "info fwctl0", 0, "info: 0");
	tap_ok(out_has(&r, "  type_id 0xf5a1 (fwctl_sim)\n  device_data_len 16\n  uctx_id 7\n"
			   "  caps 0xf config debug raw-mem objects\n  fw_version 1.4.2\n  dev_id 42\n"),
	       "info decodes the sim's device data");
	CHECK(&r, "j", "info simA", 0, "info -j by parent: 0");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"device_data\":\"07000000") &&
	       out_has(&r, "\"info\":{\"uctx_id\":7,"), "info -j: hex and decoded");
	CHECK(&r, "", "info", 1, "info without a device: 1");
	CHECK(&r, "", "info simB", 4, "info of an ambiguous parent: 4");
	tap_ok(err_has(&r, "ENOTUNIQ"), "names ENOTUNIQ");
	fk.force_errno = ENODEV;
	CHECK(&r, "", "info fwctl0", 2, "info of a removed device: 2");
	tap_ok(err_has(&r, "the device was removed"), "explains ENODEV");
	CHECK(&r, "j", "info fwctl0", 2, "-j as well");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"errno_name\":\"ENODEV\""), "with a JSON error object");
	fk.force_errno = 0;

	fake_reset();
	CHECK(&r, "", "sim fwctl0 identify", 0, "sim identify: 0");
	tap_ok(out_has(&r, "serial FWSIM-FAKE\n"), "decoded");
	CHECK(&r, "jp", "sim fwctl0 identify", 0, "sim identify -jp: 0");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"status\": \"ok\""), "valid, with status ok");
	CHECK(&r, "", "sim fwctl0 cfg set mtu 9000", 0, "cfg set mtu 9000: 0");
	tap_ok(out_has(&r, "mtu 9000\n"), "echoes the new value");
	CHECK(&r, "j", "sim fwctl0 cfg get mtu", 0, "cfg get mtu -j: 0");
	tap_ok(out_has(&r, "\"cfg\":{\"mtu\":9000}"), "reads back 9000");
	CHECK(&r, "", "sim fwctl0 cfg", 0, "cfg show: 0");
	tap_ok(out_has(&r, "mtu 9000\nnum-queues 8\nled-mode 1 (on)\npower-limit-mw 15000\n"), "all four keys");
	CHECK(&r, "j", "sim fwctl0 cfg show", 0, "cfg show -j: 0");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"cfg\":{\"mtu\":9000,\"num-queues\":8,"), "all keys in JSON");
	CHECK(&r, "", "sim fwctl0 cfg set mtu 12", 3, "cfg set mtu 12: firmware refusal 3");
	tap_ok(err_has(&r, "bad-value") && err_has(&r, "syndrome 12"), "names the status and syndrome: %s", r.err);
	CHECK(&r, "j", "sim fwctl0 cfg set num-queues 65", 3, "-j: 3 too");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"status\":\"bad-value\",\"status_code\":2,\"syndrome\":65"),
	       "JSON carries the status and syndrome");
	CHECK(&r, "", "sim fwctl0 counters", 0, "counters: 0");
	tap_ok(out_has(&r, "cfg_writes 1\n") && out_has(&r, "errors 2\n"), "counters decoded");
	CHECK(&r, "", "sim fwctl0 counters scope 0", 2, "counters at scope 0: kernel refusal 2");
	tap_ok(err_has(&r, "at scope configuration") && err_has(&r, "(EPERM)") && err_has(&r, "higher scope"),
	       "explains the scope: %s", r.err);
	CHECK(&r, "", "sim fwctl0 nop scope 9", 2, "scope 9: 2");
	tap_ok(err_has(&r, "unknown scope"), "says unknown scope");
	CHECK(&r, "", "sim fwctl0 reg write 5 0x55", 0, "reg write: 0");
	tap_ok(out_has(&r, "reg 5 0x00000055\n"), "echoes the register");
	CHECK(&r, "", "sim fwctl0 reg read 5", 0, "reg read: 0");
	CHECK(&r, "", "sim fwctl0 reg write 0 1", 3, "reg write 0 (read-only): 3");
	CHECK(&r, "", "sim fwctl0 mem write 4 a1a2a3", 0, "mem write: 0");
	tap_ok(out_has(&r, "mem wrote 3 bytes at 0x4\n"), "says so");
	CHECK(&r, "", "sim fwctl0 mem read 0 8", 0, "mem read: 0");
	tap_ok(out_has(&r, "00000000  00 00 00 00 a1 a2 a3 00"), "hex dump of the bytes");
	CHECK(&r, "", "sim fwctl0 mem read 4 3 raw", 0, "mem read raw: 0");
	tap_ok(r.out_len == 3 && !memcmp(r.out, "\xa1\xa2\xa3", 3), "raw bytes");
	CHECK(&r, "j", "sim fwctl0 mem read 4 3", 0, "mem read -j: 0");
	tap_ok(out_has(&r, "\"mem\":{\"offset\":4,\"len\":3,\"data\":\"a1a2a3\"}"), "hex in JSON");
	fk.no_rawio = true;
	CHECK(&r, "", "sim fwctl0 mem read 0 4", 2, "mem read without CAP_SYS_RAWIO: 2");
	tap_ok(err_has(&r, "write-full scope needs CAP_SYS_RAWIO"), "explained: %s", r.err);
	fk.no_rawio = false;
	CHECK(&r, "", "sim fwctl0 log offset 3 len 10", 0, "log offset 3 len 10: 0");
	tap_ok(r.out_len == 10 && !memcmp(r.out, log + 3, 10), "the right text");
	CHECK(&r, "", "sim fwctl0 log", 0, "log: 0");
	tap_ok(r.out_len == loglen && !memcmp(r.out, log, loglen), "the whole log");
	CHECK(&r, "j", "sim fwctl0 log offset 990", 0, "log -j: 0");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"len\":10,\"next_offset\":1000,\"text\":\"") &&
	       out_has(&r, "\\n"), "JSON with the text escaped");
	snprintf(cmd, sizeof(cmd), "sim fwctl0 log offset %zu", loglen + 1);
	CHECK(&r, "", cmd, 3, "log past the end: 3");
	CHECK(&r, "", "sim fwctl0 reset", 0, "reset: 0");
	CHECK(&r, "", "sim fwctl0 nop", 0, "nop: 0");
	CHECK(&r, "", "sim fwctl0 obj query 1", 3, "obj query of a missing object: 3");
	tap_ok(err_has(&r, "not-found"), "not-found");
	fk.force_status = FWCTL_SIM_STATUS_CRASHED;
	CHECK(&r, "", "sim fwctl0 identify", 3, "a crashed firmware: 3");
	tap_ok(err_has(&r, "crashed"), "says crashed");
	fk.force_status = 0;
	CHECK(&r, "", "sim fwctl0 frob", 1, "unknown sim command: 1");
	CHECK(&r, "", "sim nosuch nop", 4, "unknown device: 4");
	CHECK(&r, "", "sim", 1, "sim without arguments: 1");
	fk.type = FWCTL_DEVICE_TYPE_MLX5;
	CHECK(&r, "", "sim fwctl0 nop", 1, "sim command to a non-sim device: 1");
	tap_ok(err_has(&r, "not of the type"), "explained");
	fk.type = FWCTL_DEVICE_TYPE_FWGATE_SIM;

	fake_reset();
	CHECK(&r, "", "rpc fwctl0 scope 0 in 01000000000000000000000000000000", 0, "rpc IDENTIFY: 0");
	tap_ok(out_has(&r, "response 80 bytes, status 0\n00000000  00 00 00 00 01 00 00 00  40 00 00 00"),
	       "hex dump of the response");
	CHECK(&r, "j", "rpc fwctl0 scope configuration in 01000000000000000000000000000000", 0, "rpc -j: 0");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"out_len\":80,\"truncated\":false,\"status\":0,\"data\":\"00000000"),
	       "JSON result");
	CHECK(&r, "", "rpc fwctl0 scope 0 in 11000000000000000c00000000000000", 3, "rpc with a firmware refusal: 3");
	tap_ok(err_has(&r, "bad-value"), "decoded for the sim");
	CHECK(&r, "", "rpc fwctl0 scope 0 in 01000000000000000000000000000000 out-len 20", 0,
	      "rpc into a short buffer: 0");
	tap_ok(err_has(&r, "truncated") && out_has(&r, "response 80 bytes (truncated to 20)"), "warns about truncation");
	CHECK(&r, "", "rpc fwctl0 scope 0 in 0100000000000000", 2, "rpc with an 8-byte request: 2 (EINVAL)");
	CHECK(&r, "", "rpc fwctl0 scope 0 in 77770000000000000000000000000000", 2, "rpc with an unknown opcode: 2");
	tap_ok(err_has(&r, "EOPNOTSUPP"), "EOPNOTSUPP");
	CHECK(&r, "", "rpc fwctl0 in 00", 1, "rpc without a scope: 1");
	CHECK(&r, "", "rpc fwctl0 scope 0 in xyz", 1, "rpc with bad hex: 1");
	CHECK(&r, "", "rpc fwctl0 scope 0 file /nonexistent", 4, "rpc from a missing file: 4");
	CHECK(&r, "", "rpc fwctl0 scope 0 out-len 65M", 1, "rpc out-len too big: 1");
	CHECK(&r, "j", "rpc fwctl0 scope 0 raw", 1, "raw with -j: 1");
	CHECK(&r, "", "rpc fwctl0 scope 0 in 00 in 00", 1, "two inputs: 1");
	CHECK(&r, "", "rpc fwctl0 scope 0 bogus", 1, "unknown rpc argument: 1");
	fake_reset();
	fk.type = 77;
	CHECK(&r, "j", "rpc fwctl0 scope 0 in 00", 2, "rpc to an unknown device type (the fake refuses): 2");
	fk.type = FWCTL_DEVICE_TYPE_FWGATE_SIM;
	run_free(&r);
}

static void test_batch(void)
{
	const char *script =
		"# objects live as long as the file descriptor\n"
		"sim fwctl0 obj alloc 0xaa\n"
		"\n"
		"sim fwctl0 obj query 1\n"
		"sim fwctl0 obj free 1\n"
		"sim fwctl0 obj query 1\n"
		"sim fwctl0 nop\n";
	struct run r = { 0 };
	struct cli c;
	FILE *in;
	int rc;

	fake_reset();
	in = fmemopen((void *)script, strlen(script), "r");
	setup(&c, &r, false, false);
	rc = cli_batch(&c, in, "test", false);
	finish(&c);
	chomp(&r);
	fclose(in);
	tap_eq(rc, 3, "a batch stops at the first failure and returns its status");
	tap_ok(out_has(&r, "obj 1 tag 0xaa\nobj 1 tag 0xaa\nobj 1 tag 0xaa freed\n"), "alloc, query, free in one process");
	tap_ok(err_has(&r, "batch test line 6 failed (exit status 3)"), "names the failing line");
	tap_ok(!out_has(&r, "nop ok"), "and stops there");
	run_free(&r);

	fake_reset();
	in = fmemopen((void *)script, strlen(script), "r");
	setup(&c, &r, true, false);
	rc = cli_batch(&c, in, "test", true);
	finish(&c);
	fclose(in);
	tap_eq(rc, 3, "with force it goes on, still returning the first failure");
	tap_ok(out_has(&r, "\"op\":\"nop\""), "the last line ran");
	tap_ok(json_valid_docs(r.out, r.out_len), "one JSON document per line, all valid");
	run_free(&r);

	in = fmemopen((void *)"sim fwctl0 'nop\n", 16, "r");
	setup(&c, &r, false, false);
	rc = cli_batch(&c, in, "test", false);
	finish(&c);
	fclose(in);
	tap_eq(rc, 1, "an unterminated quote is a usage error");
	run_free(&r);
}

/* fwctl mlx5: the fake tree has no mlx5 function, so only what is decided
 * before any mailbox is sent can be checked here; tests/vm/mlx5_cli.sh
 * runs the commands against a simulated ConnectX.
 */
static void test_mlx5(void)
{
	struct run r = { 0 };
	uint8_t status = 0xee;
	uint32_t synd = 0;
	unsigned char mbox[16];

	fake_reset();
	CHECK(&r, "", "mlx5 help", 0, "mlx5 help: 0");
	tap_ok(out_has(&r, "reg { ptys | ppcnt | mtmp | mcam | mgir }"), "mlx5 help lists the registers");
	CHECK(&r, "", "mlx5", 1, "mlx5 without a command: 1");
	CHECK(&r, "", "mlx5 fwctl0", 1, "mlx5 DEV without a command: 1");
	tap_ok(err_has(&r, "give a command: caps, reg, diag or raw"), "says which commands exist");
	CHECK(&r, "", "mlx5 fwctl0 frob", 1, "unknown mlx5 command: 1");
	tap_ok(err_has(&r, "unknown command \"frob\""), "names the unknown command");
	CHECK(&r, "", "mlx5 reg", 1, "reg without a register: 1");
	CHECK(&r, "", "mlx5 fwctl0 reg pmaos", 1, "unknown register: 1");
	tap_ok(err_has(&r, "unknown register \"pmaos\" (ptys, ppcnt, mtmp, mcam, mgir)"),
	       "names the register and the known ones");
	CHECK(&r, "", "mlx5 fwctl0 reg ptys ppcnt", 1, "two registers: 1");
	CHECK(&r, "", "mlx5 fwctl0 caps min", 1, "caps with a bad word: 1");
	CHECK(&r, "", "mlx5 fwctl0 diag now", 1, "diag with a word: 1");
	CHECK(&r, "", "mlx5 fwctl0 raw", 1, "raw without a mailbox: 1");
	CHECK(&r, "", "mlx5 fwctl0 raw 0g", 1, "raw with bad hex: 1");
	tap_ok(err_has(&r, "\"0g\" is not a hex byte string"), "says the hex is bad");
	CHECK(&r, "", "mlx5 fwctl0 raw 0100 0200", 1, "raw with two mailboxes: 1");
	CHECK(&r, "", "mlx5 fwctl0 raw 01000000", 1, "raw shorter than a header, no scope: 1");
	tap_ok(err_has(&r, "4 bytes is shorter than a mailbox header (16)"), "says why");
	CHECK(&r, "", "mlx5 fwctl0 raw scope frob 00", 1, "raw with a bad scope: 1");
	CHECK(&r, "", "mlx5 fwctl0 raw out-len 0 00", 1, "raw out-len 0: 1");
	CHECK(&r, "", "mlx5 fwctl0 raw out-len 2M 00", 1, "raw out-len above 1M: 1");
	CHECK(&r, "", "mlx5 fwctl0 raw scope", 1, "scope without a value: 1");
	tap_eq(fk.rpc_calls, 0, "no bad command line reached the kernel");

	/* fwctl0 is a fwctl_sim device: the wrong kind, before any RPC */
	CHECK(&r, "", "mlx5 fwctl0 caps", 1, "mlx5 on a fwctl_sim device: 1");
	tap_ok(err_has(&r, "EMEDIUMTYPE"), "EMEDIUMTYPE: %s", r.err);
	tap_eq(fk.rpc_calls, 0, "and no RPC was sent to it");
	CHECK(&r, "", "mlx5 caps", 4, "no mlx5 device to pick: 4");
	tap_ok(err_has(&r, "no mlx5 fwctl device") && err_has(&r, "ENODEV"), "ENODEV, in words");
	CHECK(&r, "j", "mlx5 reg mgir", 4, "-j, no mlx5 device: 4");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"errno_name\":\"ENODEV\""),
	       "the error as valid JSON");
	/* the same device choice for sap (cli_pick_dev): fwctl0 is not SAP */
	CHECK(&r, "", "sap status", 4, "no SAP device to pick: 4");
	tap_ok(err_has(&r, "no SAP fwctl device (is a sap_host transport bound?)") &&
	       err_has(&r, "ENODEV"), "sap: ENODEV, in words: %s", r.err);
	CHECK(&r, "j", "sap counters", 4, "-j, no SAP device: 4");
	tap_ok(json_valid_docs(r.out, r.out_len) && out_has(&r, "\"op\":\"sap\"") &&
	       out_has(&r, "\"devices\":0"), "sap: the error as valid JSON");
	tap_ok(!fwctl_mlx5_is_mlx5("fwctl0", NULL, 0) && !fwctl_mlx5_is_mlx5("../x", NULL, 0) &&
	       !fwctl_mlx5_is_mlx5("", NULL, 0), "fake devices and bad names are not mlx5");

	/* the mailbox helpers */
	memset(mbox, 0xff, sizeof(mbox));
	fwctl_mlx5_mbox_hdr(mbox, 0x805, 0x1234, 0x1);
	tap_ok(!memcmp(mbox, "\x08\x05\x12\x34\x00\x00\x00\x01\xff", 9),
	       "header: opcode, uid, op_mod big-endian, rest of the header zeroed, body untouched");
	memcpy(mbox, "\x03\x00\x00\x00\x5a\x00\x00\x09", 8);
	tap_ok(fwctl_mlx5_mbox_status(mbox, 16, &status, &synd) == 0 &&
	       status == 3 && synd == 0x5a000009, "status and syndrome read back");
	tap_eq(fwctl_mlx5_mbox_status(mbox, 15, &status, NULL), -EBADMSG,
	       "a response shorter than a header: EBADMSG");
	run_free(&r);
}

int main(void)
{
	tap_start();
	fake_reset();
	if (!tap_ok(fake_tree_setup() == 0, "fake sysfs and /dev under %s", fake_root))
		return tap_end();
	test_json();
	test_parsers();
	test_sim_parse();
	test_decoders();
	test_commands();
	test_batch();
	test_mlx5();
	fake_tree_cleanup();
	return tap_end();
}

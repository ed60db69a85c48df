// SPDX-License-Identifier: GPL-2.0
/*
 * fwctl sim: every command of the fwgate simulated device by name, with
 * its response decoded. The scope is the catalogue's minimum for the
 * opcode unless "scope SCOPE" says otherwise.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"

#define SIM_LOG_CHUNK ((2u << 20) - sizeof(struct fwctl_sim_resp))

static void sim_help(FILE *f)
{
	fputs("Usage: fwctl sim DEV COMMAND [scope SCOPE]\n"
	      "COMMAND := { identify | counters | nop | reset |\n"
	      "             cfg [show] | cfg get KEY | cfg set KEY VALUE |\n"
	      "             log [offset N] [len N] |\n"
	      "             reg read IDX | reg write IDX VALUE |\n"
	      "             mem read OFF LEN [raw] | mem write OFF HEX |\n"
	      "             obj alloc TAG | obj query ID | obj free ID }\n"
	      "KEY := { mtu | num-queues | led-mode | power-limit-mw | NUMBER }\n"
	      "  led-mode also takes off, on or blink as VALUE.\n"
	      "  Minimum scopes: configuration for identify, nop, cfg, obj alloc/free;\n"
	      "  debug-read-only for counters, log, reg read, obj query;\n"
	      "  debug-write for reg write, reset; debug-write-full for mem.\n"
	      "  Objects belong to the open file: use -b (batch) to allocate,\n"
	      "  query and free them within one fwctl process.\n",
	      f);
}

__attribute__((format(printf, 3, 4)))
static int perr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static const char *const led_modes[] = { "off", "on", "blink" };

static const char *sim_led_mode_name(uint32_t v)
{
	return v < 3 ? led_modes[v] : NULL;
}

static int parse_cfg_value(uint32_t key, const char *s, uint32_t *v)
{
	unsigned int i;

	if (key == FWCTL_SIM_CFG_LED_MODE)
		for (i = 0; i < 3; i++)
			if (!strcmp(s, led_modes[i])) {
				*v = i;
				return 0;
			}
	return parse_u32(s, v);
}

#define SIM_MAX_WORDS 16

static int parse_num(char **w, int idx, uint32_t *dst, const char *what,
		     char *err, size_t errlen)
{
	if (parse_u32(w[idx], dst))
		return perr(err, errlen, "%s: \"%s\" is not a 32-bit number", what, w[idx]);
	return 0;
}

/* The argument words of each command, after its words were counted. */
static int args_cfg(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	if (fwctl_sim_cfg_key_parse(w[2], &s->arg0))
		return perr(err, errlen, "unknown configuration key \"%s\"", w[2]);
	if (n == 4 && parse_cfg_value(s->arg0, w[3], &s->arg1))
		return perr(err, errlen, "cfg set: \"%s\" is not a valid value", w[3]);
	return 0;
}

static int args_log(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	uint64_t v64;
	int i;

	for (i = 1; i < n; i += 2) {
		if (i + 1 >= n)
			return perr(err, errlen, "log: %s needs a value", w[i]);
		if (!strcmp(w[i], "offset")) {
			if (parse_size(w[i + 1], &v64) || v64 > UINT32_MAX)
				return perr(err, errlen, "log: bad offset \"%s\"", w[i + 1]);
			s->arg0 = v64;
		} else if (!strcmp(w[i], "len")) {
			if (!strcmp(w[i + 1], "all"))
				s->log_len = UINT64_MAX;
			else if (parse_size(w[i + 1], &s->log_len))
				return perr(err, errlen, "log: bad len \"%s\"", w[i + 1]);
		} else {
			return perr(err, errlen, "log: unknown argument \"%s\"", w[i]);
		}
	}
	return 0;
}

static int args_reg_read(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	(void)n;
	return parse_num(w, 2, &s->arg0, "register index", err, errlen);
}

static int args_reg_write(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	(void)n;
	if (parse_num(w, 3, &s->arg1, "reg write value", err, errlen))
		return -EINVAL;
	return parse_num(w, 2, &s->arg0, "register index", err, errlen);
}

static int args_mem_read(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	uint64_t v64;

	(void)n;
	if (parse_size(w[3], &v64) || v64 > UINT32_MAX)
		return perr(err, errlen, "mem read: bad length \"%s\"", w[3]);
	s->arg1 = v64;
	return parse_num(w, 2, &s->arg0, "memory offset", err, errlen);
}

static int args_mem_write(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	int ret = parse_hex(w[3], &s->payload, &s->payload_len);

	(void)n;
	if (ret == -ENOMEM)
		return ret;
	if (ret)
		return perr(err, errlen, "mem write: \"%s\" is not a hex byte string", w[3]);
	return parse_num(w, 2, &s->arg0, "memory offset", err, errlen);
}

static int args_obj_tag(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	(void)n;
	return parse_num(w, 2, &s->arg0, "object tag", err, errlen);
}

static int args_obj_id(char **w, int n, struct sim_spec *s, char *err, size_t errlen)
{
	(void)n;
	return parse_num(w, 2, &s->arg0, "object id", err, errlen);
}

/**
 * struct sim_word - one form of "fwctl sim DEV COMMAND"
 * @word: the first word
 * @verb: the second word, NULL for a command of one word (or "cfg" alone)
 * @words: how many words the form has; 0 for any number (log)
 * @usage: the form, for "usage: fwctl sim DEV ..."
 * @cmd: what to run
 * @opcode: the firmware command it issues
 * @args: parses the argument words, NULL if there are none
 */
static const struct sim_word {
	const char *word;
	const char *verb;
	int words;
	const char *usage;
	enum sim_cmd cmd;
	uint32_t opcode;
	int (*args)(char **w, int n, struct sim_spec *s, char *err, size_t errlen);
} sim_words[] = {
	{ "nop", NULL, 1, "nop", SIM_NOP, FWCTL_SIM_OP_NOP, NULL },
	{ "identify", NULL, 1, "identify", SIM_IDENTIFY, FWCTL_SIM_OP_IDENTIFY, NULL },
	{ "id", NULL, 1, "identify", SIM_IDENTIFY, FWCTL_SIM_OP_IDENTIFY, NULL },
	{ "counters", NULL, 1, "counters", SIM_COUNTERS, FWCTL_SIM_OP_COUNTERS, NULL },
	{ "reset", NULL, 1, "reset", SIM_RESET, FWCTL_SIM_OP_FW_RESET, NULL },
	{ "cfg", NULL, 1, "cfg show", SIM_CFG_SHOW, FWCTL_SIM_OP_CFG_GET, NULL },
	{ "cfg", "show", 2, "cfg show", SIM_CFG_SHOW, FWCTL_SIM_OP_CFG_GET, NULL },
	{ "cfg", "get", 3, "cfg get KEY", SIM_CFG_GET, FWCTL_SIM_OP_CFG_GET, args_cfg },
	{ "cfg", "set", 4, "cfg set KEY VALUE", SIM_CFG_SET, FWCTL_SIM_OP_CFG_SET, args_cfg },
	{ "log", NULL, 0, "log [offset N] [len N]", SIM_LOG, FWCTL_SIM_OP_LOG_DUMP, args_log },
	{ "reg", "read", 3, "reg read IDX", SIM_REG_READ, FWCTL_SIM_OP_REG_READ, args_reg_read },
	{ "reg", "write", 4, "reg write IDX VALUE", SIM_REG_WRITE, FWCTL_SIM_OP_REG_WRITE,
	  args_reg_write },
	{ "mem", "read", 4, "mem read OFF LEN [raw]", SIM_MEM_READ, FWCTL_SIM_OP_MEM_READ,
	  args_mem_read },
	{ "mem", "write", 4, "mem write OFF HEX", SIM_MEM_WRITE, FWCTL_SIM_OP_MEM_WRITE,
	  args_mem_write },
	{ "obj", "alloc", 3, "obj alloc TAG", SIM_OBJ_ALLOC, FWCTL_SIM_OP_OBJ_ALLOC, args_obj_tag },
	{ "obj", "query", 3, "obj query ID", SIM_OBJ_QUERY, FWCTL_SIM_OP_OBJ_QUERY, args_obj_id },
	{ "obj", "free", 3, "obj free ID", SIM_OBJ_FREE, FWCTL_SIM_OP_OBJ_FREE, args_obj_id },
};

#define SIM_NUM_WORDS (sizeof(sim_words) / sizeof(sim_words[0]))

/*
 * The form of @w: a one-word entry of w[0] when there is one (and, for
 * "cfg", no second word), else the entry of w[0] w[1]. NULL if none, with
 * @known telling whether w[0] names a command at all.
 */
static const struct sim_word *find_form(char **w, int n, bool *known)
{
	const struct sim_word *f;
	unsigned int i;

	*known = false;
	for (i = 0; i < SIM_NUM_WORDS; i++) {
		f = &sim_words[i];
		if (strcmp(f->word, w[0]))
			continue;
		*known = true;
		if (!f->verb && (n == 1 || i + 1 == SIM_NUM_WORDS ||
				 strcmp(sim_words[i + 1].word, f->word)))
			return f;
		if (f->verb && n >= 2 && !strcmp(f->verb, w[1]))
			return f;
	}
	return NULL;
}

/* What to say when w[0] is known but its second word is not. */
static int unknown_verb(char **w, char *err, size_t errlen)
{
	const char *sep = "";
	unsigned int i;
	size_t len;

	if (!strcmp(w[0], "cfg"))
		return perr(err, errlen, "unknown cfg command \"%s\"", w[1]);
	len = snprintf(err, errlen, "usage: fwctl sim DEV %s {", w[0]);
	for (i = 0; i < SIM_NUM_WORDS && len < errlen; i++) {
		if (strcmp(sim_words[i].word, w[0]))
			continue;
		len += snprintf(err + len, errlen - len, "%s %s", sep,
				sim_words[i].usage + strlen(w[0]) + 1);
		sep = " |";
	}
	if (len < errlen)
		snprintf(err + len, errlen - len, " }");
	return -EINVAL;
}

static int parse_words(int argc, char **argv, struct sim_spec *s, char *err,
		       size_t errlen)
{
	const struct sim_word *form;
	char *w[SIM_MAX_WORDS];
	int n = 0, i, ret;
	bool known;

	memset(s, 0, sizeof(*s));
	s->log_len = UINT64_MAX;
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "scope")) {
			if (i + 1 >= argc)
				return perr(err, errlen, "scope needs a value");
			if (fwctl_scope_parse(argv[++i], &s->scope))
				return perr(err, errlen, "unknown scope \"%s\"", argv[i]);
			s->has_scope = true;
			continue;
		}
		if (n == SIM_MAX_WORDS)
			return perr(err, errlen, "too many arguments");
		w[n++] = argv[i];
	}
	if (!n)
		return perr(err, errlen, "no command given; try \"fwctl sim help\"");

	form = find_form(w, n, &known);
	if (!form && !known)
		return perr(err, errlen, "unknown sim command \"%s\"; try \"fwctl sim help\"", w[0]);
	if (!form)
		return unknown_verb(w, err, errlen);
	if (form->cmd == SIM_MEM_READ && n == 5 && !strcmp(w[4], "raw")) {
		s->raw = true;
		n--;
	}
	if (form->words && n != form->words)
		return perr(err, errlen, "usage: fwctl sim DEV %s", form->usage);
	s->cmd = form->cmd;
	s->opcode = form->opcode;
	if (form->args) {
		ret = form->args(w, n, s, err, errlen);
		if (ret)
			return ret;
	}
	if (!s->has_scope)
		s->scope = fwctl_sim_op_scope(s->opcode);
	return 0;
}

/**
 * sim_parse - turn the words after DEV into a command
 * @argc: number of words
 * @argv: the words
 * @s: filled on success; release with sim_spec_free()
 * @err: message on failure
 * @errlen: its size
 *
 * Return: 0 or -EINVAL (with @err set) or -ENOMEM; nothing to release on
 * failure.
 */
int sim_parse(int argc, char **argv, struct sim_spec *s, char *err,
	      size_t errlen)
{
	int ret = parse_words(argc, argv, s, err, errlen);

	if (ret)
		sim_spec_free(s);
	return ret;
}

void sim_spec_free(struct sim_spec *s)
{
	free(s->payload);
	s->payload = NULL;
}

static const char *cap_name(unsigned int bit)
{
	return fwctl_sim_cap_name(bit);
}

void sim_print_identify(struct cli *c, const struct fwctl_sim_identify *id)
{
	char serial[sizeof(id->serial) + 1];

	memcpy(serial, id->serial, sizeof(id->serial));
	serial[sizeof(id->serial)] = 0;
	emit_begin(c, "identify");
	emit_version(c, "fw_version", id->fw_version);
	emit_u64(c, "dev_id", id->dev_id);
	emit_str(c, "serial", serial);
	emit_caps(c, "caps", id->caps, cap_name);
	emit_u64(c, "max_rpc_len", id->max_rpc_len);
	emit_u64(c, "num_regs", id->num_regs);
	emit_u64(c, "num_cfg_keys", id->num_cfg_keys);
	emit_u64(c, "mem_size", id->mem_size);
	emit_u64(c, "max_objects", id->max_objects);
	emit_end(c);
}

void sim_print_counters(struct cli *c, const struct fwctl_sim_counters *cnt)
{
	emit_begin(c, "counters");
	emit_u64(c, "rpcs", cnt->rpcs);
	emit_u64(c, "errors", cnt->errors);
	emit_u64(c, "resets", cnt->resets);
	emit_u64(c, "cfg_writes", cnt->cfg_writes);
	emit_u64(c, "reg_writes", cnt->reg_writes);
	emit_u64(c, "mem_writes", cnt->mem_writes);
	emit_u64(c, "contexts", cnt->contexts);
	emit_u64(c, "objects", cnt->objects);
	emit_end(c);
}

/* One key of the "cfg" object / one "key value" line. */
void sim_print_cfg(struct cli *c, uint32_t key, uint32_t value)
{
	const char *name = fwctl_sim_cfg_key_name(key);
	char buf[32];

	if (!name) {
		snprintf(buf, sizeof(buf), "key%u", key);
		name = buf;
	}
	if (c->json) {
		json_u64(&c->j, name, value);
		return;
	}
	fprintf(c->out, "%*s%s %u", c->j.depth * 2, "", name, value);
	if (key == FWCTL_SIM_CFG_LED_MODE && sim_led_mode_name(value))
		fprintf(c->out, " (%s)", sim_led_mode_name(value));
	fputc('\n', c->out);
}

/* The start of a JSON result: which command, how the firmware answered. */
static void envelope(struct cli *c, const char *dev, const struct sim_spec *s,
		     const struct fwctl_sim_result *res)
{
	json_obj_open(&c->j, NULL);
	json_str(&c->j, "device", dev);
	json_str(&c->j, "op", fwctl_sim_op_name(s->opcode));
	json_str(&c->j, "scope", fwctl_scope_name(s->scope));
	json_u64(&c->j, "scope_id", s->scope);
	json_str(&c->j, "status", fwctl_sim_status_name(res->status));
	json_u64(&c->j, "status_code", res->status);
	json_u64(&c->j, "syndrome", res->syndrome);
}

static void envelope_end(struct cli *c)
{
	json_obj_close(&c->j);
	json_done(&c->j);
}

/* Map one fwctl_sim_cmd() result to output and an exit status. */
static int sim_verdict(struct cli *c, const char *dev,
		       const struct sim_spec *s, int ret,
		       const struct fwctl_sim_result *res)
{
	const char *op = fwctl_sim_op_name(s->opcode);

	if (ret < 0)
		return cli_fail(c, dev, op, ret, FWCTL_OP_RPC, s->scope);
	if (ret > 0) {
		fflush(c->out);
		fprintf(c->err, "fwctl: %s: %s: the firmware refused: %s (%s), syndrome %u (0x%x)\n",
			dev, op, fwctl_sim_status_name(res->status) ?
			fwctl_sim_status_name(res->status) : "unknown",
			fwctl_sim_status_str(res->status), res->syndrome,
			res->syndrome);
		if (c->json) {
			envelope(c, dev, s, res);
			json_str(&c->j, "explanation",
				 fwctl_sim_status_str(res->status));
			envelope_end(c);
		}
		return EXIT_FIRMWARE;
	}
	return EXIT_OK;
}

static int sim_log(struct cli *c, struct fwctl_dev *dev, const char *name,
		   struct sim_spec *s)
{
	struct fwctl_sim_result res = { 0 };
	uint64_t want = s->log_len, total = 0;
	uint32_t off = s->arg0;
	unsigned char *buf, *acc = NULL, *tmp;
	size_t cap, got;
	int ret;

	buf = malloc(SIM_LOG_CHUNK);
	if (!buf)
		return cli_fail(c, name, "log-dump", -ENOMEM, FWCTL_OP_INFO, 0);
	while (want) {
		cap = want < SIM_LOG_CHUNK ? want : SIM_LOG_CHUNK;
		ret = fwctl_sim_cmd(dev, s->scope, FWCTL_SIM_OP_LOG_DUMP, off,
				    0, NULL, 0, buf, cap, &res);
		if (ret) {
			ret = sim_verdict(c, name, s, ret, &res);
			goto out;
		}
		got = res.len < cap ? res.len : cap;
		if (!got)
			break;
		if (c->json) {
			tmp = realloc(acc, total + got);
			if (!tmp) {
				ret = cli_fail(c, name, "log-dump", -ENOMEM,
					       FWCTL_OP_INFO, 0);
				goto out;
			}
			acc = tmp;
			memcpy(acc + total, buf, got);
		} else {
			fwrite(buf, 1, got, c->out);
		}
		total += got;
		want -= got;
		if (off + got > UINT32_MAX)
			break;
		off += got;
	}
	if (c->json) {
		envelope(c, name, s, &res);
		json_obj_open(&c->j, "log");
		json_u64(&c->j, "offset", s->arg0);
		json_u64(&c->j, "len", total);
		json_u64(&c->j, "next_offset", (uint64_t)s->arg0 + total);
		json_strn(&c->j, "text", acc ? (char *)acc : "", total);
		json_obj_close(&c->j);
		envelope_end(c);
	}
	ret = EXIT_OK;
out:
	free(acc);
	free(buf);
	return ret;
}

static int sim_cfg_show(struct cli *c, struct fwctl_dev *dev,
			const char *name, struct sim_spec *s)
{
	struct fwctl_sim_result res = { 0 };
	uint32_t vals[FWCTL_SIM_CFG_NUM_KEYS], key;
	struct fwctl_sim_cfg cfg;
	int ret;

	/* all answers first, so a failure never leaves half a document */
	for (key = 0; key < FWCTL_SIM_CFG_NUM_KEYS; key++) {
		ret = fwctl_sim_cmd(dev, s->scope, FWCTL_SIM_OP_CFG_GET, key, 0,
				    NULL, 0, &cfg, sizeof(cfg), &res);
		if (!ret && res.len != sizeof(cfg))
			ret = -EBADMSG;
		if (ret)
			return sim_verdict(c, name, s, ret, &res);
		vals[key] = cfg.value;
	}
	if (c->json) {
		envelope(c, name, s, &res);
		json_obj_open(&c->j, "cfg");
	}
	for (key = 0; key < FWCTL_SIM_CFG_NUM_KEYS; key++)
		sim_print_cfg(c, key, vals[key]);
	if (c->json) {
		json_obj_close(&c->j);
		envelope_end(c);
	}
	return EXIT_OK;
}

union sim_payload {
	struct fwctl_sim_identify id;
	struct fwctl_sim_counters cnt;
	struct fwctl_sim_cfg cfg;
	struct fwctl_sim_reg reg;
	struct fwctl_sim_obj obj;
};

static size_t expected_len(const struct sim_spec *s)
{
	switch (s->cmd) {
	case SIM_IDENTIFY:
		return sizeof(struct fwctl_sim_identify);
	case SIM_COUNTERS:
		return sizeof(struct fwctl_sim_counters);
	case SIM_CFG_GET:
	case SIM_CFG_SET:
		return sizeof(struct fwctl_sim_cfg);
	case SIM_REG_READ:
	case SIM_REG_WRITE:
		return sizeof(struct fwctl_sim_reg);
	case SIM_OBJ_ALLOC:
	case SIM_OBJ_QUERY:
	case SIM_OBJ_FREE:
		return sizeof(struct fwctl_sim_obj);
	case SIM_MEM_READ:
		return s->arg1;
	default:
		return 0;
	}
}

static void print_result(struct cli *c, const struct sim_spec *s,
			 const union sim_payload *p, const void *mem)
{
	switch (s->cmd) {
	case SIM_IDENTIFY:
		sim_print_identify(c, &p->id);
		break;
	case SIM_COUNTERS:
		sim_print_counters(c, &p->cnt);
		break;
	case SIM_CFG_GET:
	case SIM_CFG_SET:
		if (c->json)
			json_obj_open(&c->j, "cfg");
		sim_print_cfg(c, p->cfg.key, p->cfg.value);
		if (c->json)
			json_obj_close(&c->j);
		break;
	case SIM_REG_READ:
	case SIM_REG_WRITE:
		if (c->json) {
			json_obj_open(&c->j, "reg");
			json_u64(&c->j, "index", p->reg.index);
			json_u64(&c->j, "value", p->reg.value);
			json_obj_close(&c->j);
		} else {
			fprintf(c->out, "reg %u 0x%08x\n", p->reg.index,
				p->reg.value);
		}
		break;
	case SIM_OBJ_ALLOC:
	case SIM_OBJ_QUERY:
	case SIM_OBJ_FREE:
		if (c->json) {
			json_obj_open(&c->j, "obj");
			json_u64(&c->j, "id", p->obj.id);
			json_u64(&c->j, "tag", p->obj.tag);
			json_bool(&c->j, "freed", s->cmd == SIM_OBJ_FREE);
			json_obj_close(&c->j);
		} else {
			fprintf(c->out, "obj %u tag 0x%x%s\n", p->obj.id,
				p->obj.tag,
				s->cmd == SIM_OBJ_FREE ? " freed" : "");
		}
		break;
	case SIM_MEM_READ:
		if (c->json) {
			json_obj_open(&c->j, "mem");
			json_u64(&c->j, "offset", s->arg0);
			json_u64(&c->j, "len", s->arg1);
			json_hex(&c->j, "data", mem, s->arg1);
			json_obj_close(&c->j);
		} else if (s->raw) {
			fwrite(mem, 1, s->arg1, c->out);
		} else {
			hexdump(c->out, mem, s->arg1, s->arg0);
		}
		break;
	case SIM_MEM_WRITE:
		if (c->json) {
			json_obj_open(&c->j, "mem");
			json_u64(&c->j, "offset", s->arg0);
			json_u64(&c->j, "len", s->payload_len);
			json_obj_close(&c->j);
		} else {
			fprintf(c->out, "mem wrote %zu bytes at 0x%x\n",
				s->payload_len, s->arg0);
		}
		break;
	case SIM_NOP:
		if (!c->json)
			fputs("nop ok\n", c->out);
		break;
	case SIM_RESET:
		if (!c->json)
			fputs("firmware reset\n", c->out);
		break;
	default:
		break;
	}
}

int cmd_sim(struct cli *c, int argc, char **argv)
{
	struct fwctl_sim_result res = { 0 };
	union sim_payload p;
	struct fwctl_dev *dev;
	struct sim_spec s;
	unsigned char *mem = NULL;
	void *out = &p;
	size_t want;
	char err[160];
	int ret;

	if (argc < 1 || is_help(argv[0]) || (argc > 1 && is_help(argv[1]))) {
		sim_help(argc < 1 ? c->err : c->out);
		return argc < 1 ? EXIT_USAGE : EXIT_OK;
	}
	ret = sim_parse(argc - 1, argv + 1, &s, err, sizeof(err));
	if (ret == -ENOMEM)
		return cli_fail(c, argv[0], "parse", ret, FWCTL_OP_INFO, 0);
	if (ret)
		return cli_usage_error(c, "%s", err);
	ret = cli_get_dev(c, argv[0], &dev);
	if (ret)
		goto out;

	if (s.cmd == SIM_LOG) {
		ret = sim_log(c, dev, argv[0], &s);
		goto out;
	}
	if (s.cmd == SIM_CFG_SHOW) {
		ret = sim_cfg_show(c, dev, argv[0], &s);
		goto out;
	}

	want = expected_len(&s);
	if (s.cmd == SIM_MEM_READ) {
		mem = malloc(want ? want : 1);
		if (!mem) {
			ret = cli_fail(c, argv[0], "mem-read", -ENOMEM,
				       FWCTL_OP_INFO, 0);
			goto out;
		}
		out = mem;
	}
	memset(&p, 0, sizeof(p));
	ret = fwctl_sim_cmd(dev, s.scope, s.opcode, s.arg0, s.arg1, s.payload,
			    s.payload_len, out, want, &res);
	if (!ret && res.len != want)
		ret = -EBADMSG;
	ret = sim_verdict(c, argv[0], &s, ret, &res);
	if (ret)
		goto out;
	if (c->json)
		envelope(c, argv[0], &s, &res);
	print_result(c, &s, &p, mem);
	if (c->json)
		envelope_end(c);
out:
	free(mem);
	sim_spec_free(&s);
	return ret;
}

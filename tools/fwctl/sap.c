// SPDX-License-Identifier: GPL-2.0
/*
 * fwctl sap: the SAP host's fwctl device (CSME over fwctl). Each command is
 * one op of include/uapi/fwctl/sap.h, issued at the op's minimum scope
 * (sap_fwctl_ops.h) unless "scope SCOPE" says otherwise. Without DEV the
 * one SAP device there is is used.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fwctl.h"
#include "sap_fwctl_ops.h"
#include "sap_reason.h"

#define SAP_RESP_MAX	(64u << 10)

static void sap_help(FILE *f)
{
	fputs("Usage: fwctl sap [DEV] COMMAND [scope SCOPE]\n"
	      "COMMAND := { status | counters | filters | log [from N] | rings |\n"
	      "             own request | own give | ping | restart | raw HEX }\n"
	      "  DEV may be left out when there is exactly one SAP device.\n"
	      "  Minimum scopes: configuration for status, counters, filters;\n"
	      "  debug-read-only for log, rings; debug-write for own, ping,\n"
	      "  restart; debug-write-full for raw (one host notification, SAP\n"
	      "  header included, in hex).\n",
	      f);
}

static const char *const sap_state_names[] = {
	"unbound", "idle", "starting", "connected", "active", "going-down",
};

static const char *const sap_why_names[] = {
	"none", "no-driver", "no-session", "no-amt", "denied", "timeout",
	"not-asked", "session-up", "ring-full", "going-down",
};

static const char *sap_why_name(uint32_t why)
{
	return why < sizeof(sap_why_names) / sizeof(sap_why_names[0]) ?
	       sap_why_names[why] : "unknown";
}

/* The op a command's words name, and where its arguments start. */
static const struct sap_fwctl_op_desc *sap_cmd(int argc, char **argv, int *used)
{
	char word[32];

	*used = 1;
	if (!strcmp(argv[0], "own")) {
		if (argc < 2)
			return NULL;
		snprintf(word, sizeof(word), "own-%s", argv[1]);
		*used = 2;
	} else {
		snprintf(word, sizeof(word), "%s", argv[0]);
		if (!strncmp(word, "own-", 4))
			return NULL;
	}
	for (const struct sap_fwctl_op_desc *d = sap_fwctl_op_descs; d->name; d++)
		if (!strcmp(d->name, word))
			return d;
	return NULL;
}

/* 0 for a SAP device, -EMEDIUMTYPE for another kind, or the errno. */
static int sap_check_type(struct fwctl_dev *dev)
{
	uint32_t type;
	int ret = fwctl_type(dev, &type);

	if (ret)
		return ret;
	return type == FWCTL_DEVICE_TYPE_FWGATE_SAP ? 0 : -EMEDIUMTYPE;
}

/* A SAP device: opened to ask its type. */
static bool sap_is_dev(const char *name)
{
	struct fwctl_dev *dev;
	bool ret;

	if (fwctl_open(name, &dev))
		return false;
	ret = !sap_check_type(dev);
	fwctl_close(dev);
	return ret;
}

static void sap_emit_mac(struct cli *c, const char *key, const uint8_t *m)
{
	char buf[18];

	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	emit_str(c, key, buf);
}

static void sap_print_status(struct cli *c, const struct fwctl_sap_status *s)
{
	static const char *const flag_names[] = {
		"amt", "host-owns", "csme-taking", "driver", "device-up",
		"link-up", "country", "power-limit", "filters",
	};
	char buf[64];
	unsigned int i;

	emit_str(c, "state", s->state < 6 ? sap_state_names[s->state] : "unknown");
	emit_u64(c, "sap_version", s->sap_version);
	emit_str(c, "owner", s->flags & FWCTL_SAP_F_HOST_OWNS ? "host" : "csme");
	emit_str(c, "amt", s->flags & FWCTL_SAP_F_AMT ? "enabled" : "disabled");
	emit_u64(c, "link_protection", s->link_prot_state);
	emit_u64(c, "session", s->session);
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
		if (c->json)
			json_bool(&c->j, flag_names[i], s->flags & (1u << i));
	emit_u64(c, "radio_state", s->radio_state);
	if (s->flags & FWCTL_SAP_F_COUNTRY) {
		snprintf(buf, sizeof(buf), "%c%c", s->country >> 8, s->country & 0xff);
		emit_str(c, "country", buf);
	}
	sap_emit_mac(c, "mac", s->mac);
	sap_emit_mac(c, "nvm_mac", s->nvm_mac);
	if (s->flags & FWCTL_SAP_F_LINK_UP) {
		emit_begin(c, "link");
		snprintf(buf, sizeof(buf), "%.*s", (int)(s->ssid_len < 32 ? s->ssid_len : 32),
			 (const char *)s->ssid);
		emit_str(c, c->json ? "ssid" : "link_ssid", buf);
		sap_emit_mac(c, c->json ? "bssid" : "link_bssid", s->bssid);
		emit_u64(c, c->json ? "channel" : "link_channel", s->channel);
		emit_u64(c, c->json ? "band" : "link_band", s->band);
		emit_end(c);
	}
	if (s->flags & FWCTL_SAP_F_POWER_LIMIT) {
		if (c->json) {
			json_arr_open(&c->j, "power_limit");
			for (i = 0; i < 10; i++)
				json_u64(&c->j, NULL, s->power_limit[i]);
			json_arr_close(&c->j);
		} else {
			fprintf(c->out, "power_limit");
			for (i = 0; i < 10; i++)
				fprintf(c->out, " %u", s->power_limit[i]);
			fputc('\n', c->out);
		}
	}
	if (s->own_msg) {
		emit_begin(c, "last_ownership_message");
		emit_u64(c, c->json ? "type" : "last_ownership_message", s->own_msg);
		emit_str(c, c->json ? "from" : "last_ownership_from",
			 s->own_dir ? "csme" : "host");
		emit_u64(c, c->json ? "age_ms" : "last_ownership_age_ms", s->own_age_ms);
		emit_end(c);
	}
}

static void sap_print_counters(struct cli *c, const struct fwctl_sap_counters *cnt,
			       size_t len)
{
	size_t room = (len - sizeof(*cnt)) / sizeof(cnt->c[0]);
	uint32_t i, n = cnt->num < room ? cnt->num : room;

	emit_begin(c, "counters");
	for (i = 0; i < n; i++) {
		char name[sizeof(cnt->c[0].name) + 1];

		memcpy(name, cnt->c[i].name, sizeof(cnt->c[0].name));
		name[sizeof(cnt->c[0].name)] = 0;
		emit_u64(c, name, cnt->c[i].value);
	}
	emit_end(c);
}

static void sap_print_log(struct cli *c, const struct fwctl_sap_log *log, size_t len)
{
	size_t room = (len - sizeof(*log)) / sizeof(log->e[0]);
	uint32_t i, n = log->num < room ? log->num : room;
	static const char *const queues[] = { "notif", "data", "me" };

	emit_u64(c, "next", log->next);
	emit_u64(c, "capacity", log->capacity);
	if (c->json)
		json_arr_open(&c->j, "messages");
	for (i = 0; i < n; i++) {
		const struct fwctl_sap_log_entry *e = &log->e[i];
		const char *q = e->queue < 3 ? queues[e->queue] : "?";
		const char *v = e->verdict ? sap_reason_id(e->verdict) : "ok";

		if (!v)
			v = "unknown";
		if (c->json) {
			json_obj_open(&c->j, NULL);
			json_u64(&c->j, "index", e->index);
			json_u64(&c->j, "time_ns", e->time_ns);
			json_str(&c->j, "dir", e->dir ? "from-csme" : "to-csme");
			json_str(&c->j, "queue", q);
			json_u64(&c->j, "type", e->type);
			json_u64(&c->j, "seq", e->seq);
			json_u64(&c->j, "len", e->len);
			json_str(&c->j, "verdict", v);
			json_obj_close(&c->j);
		} else {
			fprintf(c->out, "%u %llu.%06llu %s %s type %u seq %u len %u %s\n",
				e->index, (unsigned long long)(e->time_ns / 1000000000ull),
				(unsigned long long)(e->time_ns / 1000 % 1000000),
				e->dir ? "<-" : "->", q, e->type, e->seq, e->len, v);
		}
	}
	if (c->json)
		json_arr_close(&c->j);
}

static void sap_print_ring(struct cli *c, const char *name, const struct fwctl_sap_ring *r)
{
	if (c->json) {
		json_obj_open(&c->j, name);
		json_u64(&c->j, "size", r->size);
		json_u64(&c->j, "wr", r->wr);
		json_u64(&c->j, "rd", r->rd);
		json_u64(&c->j, "used", r->used);
		json_obj_close(&c->j);
	} else {
		fprintf(c->out, "%s size %u wr %u rd %u used %u\n", name, r->size, r->wr,
			r->rd, r->used);
	}
}

static void sap_print(struct cli *c, uint32_t op, const void *p, size_t len)
{
	switch (op) {
	case FWCTL_SAP_OP_STATUS:
		if (len >= sizeof(struct fwctl_sap_status))
			sap_print_status(c, p);
		break;
	case FWCTL_SAP_OP_COUNTERS:
		if (len >= sizeof(struct fwctl_sap_counters))
			sap_print_counters(c, p, len);
		break;
	case FWCTL_SAP_OP_FILTERS:
		if (len >= sizeof(struct fwctl_sap_filters)) {
			const struct fwctl_sap_filters *f = p;
			size_t wl = len - sizeof(*f);

			emit_u64(c, "valid", f->valid);
			if (c->json)
				json_hex(&c->j, "wire", f->wire, wl < f->wire_len ? wl : f->wire_len);
			else if (f->valid)
				hexdump(c->out, f->wire, wl < f->wire_len ? wl : f->wire_len, 0);
		}
		break;
	case FWCTL_SAP_OP_LOG:
		if (len >= sizeof(struct fwctl_sap_log))
			sap_print_log(c, p, len);
		break;
	case FWCTL_SAP_OP_RINGS:
		if (len >= sizeof(struct fwctl_sap_rings)) {
			const struct fwctl_sap_rings *r = p;

			emit_u64(c, "valid", r->valid);
			emit_u64(c, "map_size", r->map_size);
			sap_print_ring(c, "h2m_notif", &r->h2m_notif);
			sap_print_ring(c, "h2m_data", &r->h2m_data);
			sap_print_ring(c, "m2h_notif", &r->m2h_notif);
			sap_print_ring(c, "m2h_data", &r->m2h_data);
		}
		break;
	case FWCTL_SAP_OP_PING:
		if (len >= sizeof(struct fwctl_sap_ping))
			emit_u64(c, "rtt_us", ((const struct fwctl_sap_ping *)p)->rtt_us);
		break;
	default:
		emit_str(c, "result", "done");
		break;
	}
}

static int sap_run(struct cli *c, const char *name, struct fwctl_dev *dev,
		   const struct sap_fwctl_op_desc *d, uint32_t scope, uint32_t arg0,
		   const unsigned char *payload, size_t plen)
{
	size_t in_len = sizeof(struct fwctl_sap_req) + plen, out_len;
	struct fwctl_sap_req *req = calloc(1, in_len);
	struct fwctl_sap_resp *resp = calloc(1, SAP_RESP_MAX);
	int ret;

	if (!req || !resp) {
		ret = cli_fail(c, name, d->name, -ENOMEM, FWCTL_OP_INFO, 0);
		goto out;
	}
	req->hdr_len = sizeof(*req);
	req->op = d->op;
	req->arg0 = arg0;
	if (plen)
		memcpy(req->payload, payload, plen);
	ret = fwctl_rpc(dev, scope, req, in_len, resp, SAP_RESP_MAX, &out_len);
	if (ret) {
		ret = cli_fail(c, name, d->name, ret, FWCTL_OP_RPC, scope);
		goto out;
	}
	if (out_len < sizeof(*resp) || resp->hdr_len < sizeof(*resp) || resp->hdr_len > out_len) {
		ret = cli_fail(c, name, d->name, -EPROTO, FWCTL_OP_RPC, scope);
		goto out;
	}
	if (resp->status) {
		fflush(c->out);
		fprintf(c->err, "fwctl: %s: sap %s not served: %s (%s)\n", name, d->name,
			strerror(resp->status), sap_why_name(resp->why));
		if (c->json) {
			json_obj_open(&c->j, NULL);
			json_obj_open(&c->j, "error");
			json_str(&c->j, "op", d->name);
			json_u64(&c->j, "errno", resp->status);
			json_str(&c->j, "errno_name", fwctl_errno_name(-(int)resp->status));
			json_str(&c->j, "why", sap_why_name(resp->why));
			json_u64(&c->j, "exit_status", EXIT_FIRMWARE);
			json_obj_close(&c->j);
			json_obj_close(&c->j);
			json_done(&c->j);
		}
		ret = EXIT_FIRMWARE;
		goto out;
	}
	if (c->json)
		json_obj_open(&c->j, NULL);
	if (resp->why)
		emit_str(c, "note", sap_why_name(resp->why));
	sap_print(c, d->op, (const unsigned char *)resp + resp->hdr_len,
		  out_len - resp->hdr_len);
	if (c->json) {
		json_obj_close(&c->j);
		json_done(&c->j);
	}
	ret = EXIT_OK;
out:
	free(req);
	free(resp);
	return ret;
}

int cmd_sap(struct cli *c, int argc, char **argv)
{
	const struct sap_fwctl_op_desc *d;
	unsigned char *payload = NULL;
	const char *name = NULL;
	struct fwctl_dev *dev;
	uint32_t scope, arg0 = 0;
	size_t plen = 0;
	char auto_name[64];
	int used, ret, i;

	if (argc < 1 || is_help(argv[0]) || (argc > 1 && is_help(argv[1]))) {
		sap_help(argc < 1 ? c->err : c->out);
		return argc < 1 ? EXIT_USAGE : EXIT_OK;
	}
	d = sap_cmd(argc, argv, &used);
	if (!d) {
		name = argv[0];
		argc--, argv++;
		if (argc < 1)
			return cli_usage_error(c, "sap: give a command; try \"fwctl sap help\"");
		d = sap_cmd(argc, argv, &used);
		if (!d)
			return cli_usage_error(c, "sap: unknown command \"%s\"; try \"fwctl sap help\"",
					       argv[0]);
	}
	argc -= used, argv += used;
	scope = d->scope;
	if (d->op == FWCTL_SAP_OP_RAW) {
		if (argc < 1)
			return cli_usage_error(c, "sap raw: give the notification in hex");
		if (parse_hex(argv[0], &payload, &plen))
			return cli_usage_error(c, "sap raw: \"%s\" is not hex", argv[0]);
		argc--, argv++;
	}
	for (i = 0; i < argc; i += 2) {
		if (i + 1 >= argc) {
			ret = cli_usage_error(c, "sap: %s needs a value", argv[i]);
			goto out;
		}
		if (!strcmp(argv[i], "scope")) {
			if (fwctl_scope_parse(argv[i + 1], &scope)) {
				ret = cli_usage_error(c, "sap: unknown scope \"%s\"", argv[i + 1]);
				goto out;
			}
		} else if (!strcmp(argv[i], "from") && d->op == FWCTL_SAP_OP_LOG) {
			if (parse_u32(argv[i + 1], &arg0)) {
				ret = cli_usage_error(c, "sap log: bad record number \"%s\"",
						      argv[i + 1]);
				goto out;
			}
		} else {
			ret = cli_usage_error(c, "sap %s: unknown argument \"%s\"", d->name, argv[i]);
			goto out;
		}
	}
	if (!name) {
		ret = cli_pick_dev(c, "sap", "SAP fwctl device", "is a sap_host transport bound?",
				   sap_is_dev, auto_name, sizeof(auto_name));
		if (ret)
			goto out;
		name = auto_name;
	}
	ret = cli_get_dev(c, name, &dev);
	if (ret)
		goto out;
	ret = sap_check_type(dev);
	if (ret) {
		ret = cli_fail(c, name, "sap", ret, FWCTL_OP_INFO, 0);
		goto out;
	}
	ret = sap_run(c, name, dev, d, scope, arg0, payload, plen);
out:
	free(payload);
	return ret;
}

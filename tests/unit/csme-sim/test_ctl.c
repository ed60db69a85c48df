// SPDX-License-Identifier: GPL-2.0
/*
 * Control protocol and output: the request parser and formatter, the reply
 * splitter, JSON string escaping, the plain / JSON / pretty writer, the
 * status output of a firmware full of awkward values (checked with an
 * independent JSON validator), and a request over a real UNIX socket.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "tap.h"
#include "sim_test.h"
#include "json_check.h"

/* ---- parser ------------------------------------------------------------------- */

static void test_parser(void)
{
	static const char *const good[] = {
		"status", "status json", "status pretty", "status plain", "nic take",
		"nic take-force", "nic release", "amt on", "amt off", "policy grant",
		"policy deny", "policy ignore", "fw reset", "ping", "link-prot on",
		"link-prot off", "hostile off", "hostile random", "hostile csa-flood", "quit",
	};
	static const char *const bad[] = {
		"", "   ", "foo", "status xml", "status json extra", "nic", "nic steal",
		"nic take now", "amt", "amt maybe", "policy", "policy allow", "fw", "fw reboot",
		"ping 1", "quit now", "hostile", "hostile evil", "hostile off on",
		"link-prot", "a b c d e f g h i",
	};
	struct ctl_req req, req2;
	char err[128], line[CTL_LINE_MAX];
	unsigned int i;
	int ok;

	ok = 1;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (ctl_parse_line(good[i], &req, err, sizeof(err))) {
			tap_diag("'%s' refused: %s", good[i], err);
			ok = 0;
			continue;
		}
		if (ctl_format(&req, line, sizeof(line)) < 0 ||
		    ctl_parse_line(line, &req2, err, sizeof(err)) ||
		    req2.cmd != req.cmd || req2.arg != req.arg) {
			tap_diag("'%s' does not round-trip ('%s')", good[i], line);
			ok = 0;
		}
	}
	tap_ok(ok, "%zu valid requests parse and round-trip through ctl_format",
	       sizeof(good) / sizeof(good[0]));
	ok = 1;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = 0;
		if (!ctl_parse_line(bad[i], &req, err, sizeof(err)) || !err[0]) {
			tap_diag("'%s' accepted", bad[i]);
			ok = 0;
		}
	}
	tap_ok(ok, "%zu invalid requests refused with a message",
	       sizeof(bad) / sizeof(bad[0]));
	tap_ok(!ctl_parse_line(" \t nic   take \r\n", &req, err, sizeof(err)) &&
	       req.cmd == CTL_NIC_TAKE, "blanks, tabs, CR LF tolerated");
	tap_ok(!ctl_parse_line("status", &req, err, sizeof(err)) && req.arg == OUT_PLAIN,
	       "status defaults to plain");
	ctl_parse_line("hostile notif-too-big", &req, err, sizeof(err));
	tap_eq(req.arg, HOSTILE_NOTIF_TOO_BIG, "hostile mode decoded");
	ctl_parse_line("policy ignore", &req, err, sizeof(err));
	tap_eq(req.arg, CSME_POLICY_IGNORE, "policy decoded");
	ctl_parse_line("nic steal", &req, err, sizeof(err));
	tap_ok(strstr(err, "usage: nic") != NULL, "usage text: %s", err);
	ctl_parse_line("hostile evil", &req, err, sizeof(err));
	tap_ok(strstr(err, "evil") != NULL, "the bad word is named: %s", err);
	{
		char longline[400];

		memset(longline, 'a', sizeof(longline) - 1);
		longline[sizeof(longline) - 1] = 0;
		tap_ok(ctl_parse_line(longline, &req, err, sizeof(err)) == -EINVAL,
		       "over-long line refused");
	}
	{
		char *argv[] = { "nic", "take-force" };

		tap_ok(!ctl_parse_words(2, argv, &req, err, sizeof(err)) &&
		       req.cmd == CTL_NIC_TAKE_FORCE, "argv form");
	}
}

static void test_reply(void)
{
	char text[64];
	size_t off;
	bool ok;

	tap_ok(!ctl_split_reply("ok\n", 3, &ok, text, sizeof(text), &off) && ok && !text[0] &&
	       off == 3, "'ok'");
	tap_ok(!ctl_split_reply("ok seized\npayload", 17, &ok, text, sizeof(text), &off) && ok &&
	       !strcmp(text, "seized") && off == 10, "'ok TEXT' + payload");
	tap_ok(!ctl_split_reply("error: no SAP session\n", 22, &ok, text, sizeof(text), &off) &&
	       !ok && !strcmp(text, "no SAP session"), "'error: TEXT'");
	tap_ok(ctl_split_reply("okay\n", 5, &ok, text, sizeof(text), &off) == -EPROTO,
	       "'okay' is not ok");
	tap_ok(ctl_split_reply("ok", 2, &ok, text, sizeof(text), &off) == -EPROTO,
	       "no newline: malformed");
	tap_ok(ctl_split_reply("bye\n", 4, &ok, text, sizeof(text), &off) == -EPROTO,
	       "unknown status word");
}

/* ---- output -------------------------------------------------------------------- */

static char *capture(void (*fn)(FILE *f, void *arg), void *arg, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	fn(f, arg);
	fclose(f);
	return buf;
}

static void quote_fn(FILE *f, void *arg)
{
	const char *s = arg;

	json_escape(f, s, strlen(s));
}

static void test_quote(void)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "plain", "\"plain\"" },
		{ "q\"b\\s/", "\"q\\\"b\\\\s/\"" },
		{ "\n\r\t\x01\x1f\x7f", "\"\\n\\r\\t\\u0001\\u001f\\u007f\"" },
		{ "caf\xc3\xa9", "\"caf\xc3\xa9\"" },
		{ "\xe2\x82\xac \xf0\x9f\x98\x80", "\"\xe2\x82\xac \xf0\x9f\x98\x80\"" },
		{ "\xff\xfe", "\"\\u00ff\\u00fe\"" },
		{ "\xc0\xaf", "\"\\u00c0\\u00af\"" },		/* overlong '/' */
		{ "\xed\xa0\x80", "\"\\u00ed\\u00a0\\u0080\"" },	/* surrogate */
		{ "\xe2\x82", "\"\\u00e2\\u0082\"" },		/* truncated */
	};
	unsigned int i;
	size_t len;
	char *s;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		s = capture(quote_fn, (void *)v[i].in, &len);
		tap_ok(!strcmp(s, v[i].out) && json_valid(s, len), "json_escape case %u: %s", i, s);
		free(s);
	}
	/* an embedded NUL through the length-based call */
	{
		char *buf = NULL;
		FILE *f = open_memstream(&buf, &len);

		json_escape(f, "a\0b", 3);
		fclose(f);
		tap_ok(!strcmp(buf, "\"a\\u0000b\""), "embedded NUL: %s", buf);
		free(buf);
	}
}

static void tree_fn(FILE *f, void *arg)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0x5a, 0x77 };
	static const uint32_t list[3] = { 1, 2, 3 };
	struct out o;

	out_init(&o, f, (enum out_mode)(long)arg);
	out_begin(&o, NULL);
	out_str(&o, "name", "a b");
	out_u64(&o, "n", 7);
	out_int(&o, "neg", -3);
	out_bool(&o, "yes", true);
	out_null(&o, "none");
	out_begin(&o, "sub obj");
	out_mac(&o, "mac", mac);
	out_begin(&o, "deep");
	out_end(&o);
	out_u32_list(&o, "list", list, 3);
	out_end(&o);
	out_str(&o, "ctl", "x\ty");
	out_end(&o);
	out_finish(&o);
}

static void test_writer(void)
{
	static const char *const invalid[] = {
		"{\"a\":1,}", "{\"a\":\"\x01\"}", "{a:1}", "[1 2]", "{\"a\":01}", "\"\\x\"",
		"{\"a\":tru}", "{}{}", "",
	};
	unsigned int i;
	size_t len;
	char *s;
	int ok = 1;

	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
		ok &= !json_valid(invalid[i], strlen(invalid[i]));
	s = "{\"a\":[1,-2,{}],\"b\":\"\\u00e9\"}";
	tap_ok(ok && json_valid(s, strlen(s)),
	       "the test's JSON validator itself: rejects 9 bad documents, accepts a good one");

	s = capture(tree_fn, (void *)(long)OUT_PLAIN, &len);
	tap_ok(!strcmp(s, "name a b\nn 7\nneg -3\nyes true\nnone -\n"
			  "sub_obj.mac 02:00:00:00:5a:77\nsub_obj.list 1 2 3\nctl x?y\n"),
	       "plain: dotted keys, '-' for null, control characters replaced");
	free(s);
	s = capture(tree_fn, (void *)(long)OUT_JSON, &len);
	tap_ok(!strcmp(s, "{\"name\":\"a b\",\"n\":7,\"neg\":-3,\"yes\":true,\"none\":null,"
			  "\"sub obj\":{\"mac\":\"02:00:00:00:5a:77\",\"deep\":{},"
			  "\"list\":[1,2,3]},\"ctl\":\"x\\ty\"}\n"), "compact JSON, exact bytes");
	tap_ok(json_valid(s, len), "compact JSON validates");
	free(s);
	s = capture(tree_fn, (void *)(long)OUT_PRETTY, &len);
	tap_ok(!strcmp(s, "{\n  \"name\": \"a b\",\n  \"n\": 7,\n  \"neg\": -3,\n  \"yes\": true,\n"
			  "  \"none\": null,\n  \"sub obj\": {\n    \"mac\": \"02:00:00:00:5a:77\",\n"
			  "    \"deep\": {},\n    \"list\": [1, 2, 3]\n  },\n  \"ctl\": \"x\\ty\"\n}\n"),
	       "pretty JSON, two-space indent");
	tap_ok(json_valid(s, len), "pretty JSON validates");
	free(s);
}

/* ---- status -------------------------------------------------------------------- */

static struct sim S;

static void status_fn(FILE *f, void *arg)
{
	struct csme_daemon_info di = {
		.dev = "/dev/sap_sim", .ifname = "wlsim0", .port_open = true,
		.clients = 1, .uptime_ms = 1234, .dev_events = 7,
	};
	struct out o;

	out_init(&o, f, (enum out_mode)(long)arg);
	csme_status(S.fw, &di, &o);
	out_finish(&o);
}

static void test_status(void)
{
	struct csme_cfg cfg;
	struct sap_conn_params c;
	uint8_t b[128];
	size_t len;
	char *s;

	csme_cfg_defaults(&cfg);
	csme_log_quiet = 1;
	sim_init(&S, &cfg);

	s = capture(status_fn, (void *)(long)OUT_JSON, &len);
	tap_ok(json_valid(s, len), "status JSON of a fresh firmware validates");
	tap_ok(strstr(s, "\"connected\":false") && strstr(s, "\"ip\":null") &&
	       strstr(s, "\"version\":null"), "unknowns are null");
	free(s);

	sim_connect(&S, 4, 4);
	memset(&c, 0, sizeof(c));
	c.ssid_len = 32;
	memset(c.ssid, 'p', sizeof(c.ssid));
	memcpy(c.ssid, "\"evil\\ssid\n\x01\xff\xc3(\t", 16);
	c.auth_mode = SAP_AUTH_MODE_SAE;
	c.pairwise_cipher = SAP_CIPHER_GCMP_256;
	c.channel = 36;
	memcpy(c.bssid, "\x02\x00\x00\x00\x5a\x77", 6);
	host_put(&S.h, SAP_QUEUE_NOTIF, b, sap_msg_enc_link_up(b, sizeof(b), 1, &c, NULL));
	host_put(&S.h, SAP_QUEUE_NOTIF, b,
		 sap_msg_enc_country_code(b, sizeof(b), 1, 'D' << 8 | 'E', 0, 0));
	host_dw(&S.h, SAP_MSG_NOTIF_RADIO_STATE, 2);
	host_empty(&S.h, SAP_MSG_NOTIF_WIFIDR_DOWN);
	host_raw(&S.h, SAP_QUEUE_NOTIF, 501, b, 0);
	host_empty(&S.h, SAP_MSG_NOTIF_HOST_GOES_DOWN);
	host_csa(&S.h, S.fw);

	s = capture(status_fn, (void *)(long)OUT_JSON, &len);
	tap_ok(json_valid(s, len), "status JSON with a hostile SSID validates (%zu bytes)", len);
	tap_ok(strstr(s, "\"ssid\":\"\\\"evil\\\\ssid\\n\\u0001\\u00ff\\u00c3(\\t") != NULL,
	       "the SSID is escaped");
	tap_ok(strstr(s, "\"country\":\"DE\"") && strstr(s, "\"radio_state\":2") &&
	       strstr(s, "\"wifidr\":\"down\"") && strstr(s, "\"channel\":36") &&
	       strstr(s, "\"bssid\":\"02:00:00:00:5a:77\"") && strstr(s, "\"owner\":\"csme\"") &&
	       strstr(s, "\"host_goes_down\":true") && strstr(s, "\"ip\":null"),
	       "fields: country, radio_state, wifidr, host_link, owner, host_goes_down");
	tap_ok(strstr(s, "\"counters\":{") && strstr(s, "\"resets\":0") &&
	       strstr(s, "\"host_goes_down\":1") && strstr(s, "\"unknown_type\":1") &&
	       strstr(s, "\"msgs_rx\":{") && strstr(s, "\"HOST_GOES_DOWN\":1") &&
	       strstr(s, "\"amt_net\":{") && strstr(s, "\"tcp_bad_csum\":0"),
	       "counters: plain, per type, rejected by reason, amt_net");
	tap_ok(strstr(s, "\"rings\":{\"h2m_notif\":{\"messages\":") != NULL, "ring counters");
	free(s);
	s = capture(status_fn, (void *)(long)OUT_PRETTY, &len);
	tap_ok(json_valid(s, len) && strstr(s, "\n  \"owner\": \"csme\",\n"),
	       "pretty status validates");
	free(s);
	s = capture(status_fn, (void *)(long)OUT_PLAIN, &len);
	tap_ok(strstr(s, "\nowner csme\n") && strstr(s, "\nhost_link.channel 36\n") &&
	       strstr(s, "\ncounters.rejected.unknown_type 1\n") &&
	       strstr(s, "\ncounters.resets 0\n"), "plain status: dotted keys");
	{
		const char *p;
		int ok = 1;

		for (p = s; *p; p++)
			if ((unsigned char)*p < 0x20 && *p != '\n')
				ok = 0;
		tap_ok(ok, "plain status has no control characters but newlines");
	}
	free(s);
	sim_fini(&S);
}

/* ---- a request over a socket ------------------------------------------------- */

static int srv_calls;

static void srv_handler(void *ctx, struct ctl_server *s, uint32_t id, const struct ctl_req *req)
{
	(void)ctx;
	srv_calls++;
	if (req->cmd == CTL_STATUS)
		ctl_reply(s, id, true, NULL, "line 1\nline 2\n", 14);
	else if (req->cmd == CTL_PING)
		ctl_reply(s, id, true, "pong after 1 ms", NULL, 0);
	else
		ctl_reply(s, id, false, "not here", NULL, 0);
}

struct client_job {
	const char *path;
	struct ctl_req req;
	int rc;
	char *out, *err;
	size_t out_len, err_len;
	volatile int done;
};

static void *client_thread(void *arg)
{
	struct client_job *j = arg;
	FILE *o = open_memstream(&j->out, &j->out_len);
	FILE *e = open_memstream(&j->err, &j->err_len);

	j->rc = ctl_client_run(j->path, &j->req, o, e);
	fclose(o);
	fclose(e);
	j->done = 1;
	return NULL;
}

static void run_job(struct ctl_server *s, struct client_job *j)
{
	struct pollfd p[1 + CTL_MAX_CLIENTS];
	pthread_t t;
	int n, i;

	pthread_create(&t, NULL, client_thread, j);
	for (i = 0; i < 1000 && !j->done; i++) {
		n = ctl_server_pollfds(s, p, 1 + CTL_MAX_CLIENTS);
		if (poll(p, (nfds_t)n, 10) > 0)
			ctl_server_handle(s, p, n, csme_now_ms());
	}
	pthread_join(t, NULL);
}

static void test_socket(void)
{
	struct ctl_server s, s2;
	struct client_job j;
	char path[64], err[64];

	snprintf(path, sizeof(path), "/tmp/csme-sim-test-%d.sock", (int)getpid());
	unlink(path);
	tap_eq(ctl_server_open(&s, path, srv_handler, NULL), 0, "server listens on %s", path);
	tap_eq(ctl_server_open(&s2, path, srv_handler, NULL), -EADDRINUSE,
	       "a second daemon on the same live socket: EADDRINUSE");

	memset(&j, 0, sizeof(j));
	j.path = path;
	ctl_parse_line("status json", &j.req, err, sizeof(err));
	run_job(&s, &j);
	tap_ok(j.rc == 0 && j.out_len == 14 && !memcmp(j.out, "line 1\nline 2\n", 14),
	       "status: payload printed as is");
	free(j.out);
	free(j.err);

	memset(&j, 0, sizeof(j));
	j.path = path;
	ctl_parse_line("ping", &j.req, err, sizeof(err));
	run_job(&s, &j);
	tap_ok(j.rc == 0 && j.out && !strcmp(j.out, "pong after 1 ms\n"), "ok text printed");
	free(j.out);
	free(j.err);

	memset(&j, 0, sizeof(j));
	j.path = path;
	ctl_parse_line("quit", &j.req, err, sizeof(err));
	run_job(&s, &j);
	tap_ok(j.rc == 1 && j.err && !strcmp(j.err, "csme-sim: not here\n") && !j.out_len,
	       "error: message on stderr, exit 1");
	free(j.out);
	free(j.err);
	tap_eq(srv_calls, 3, "three requests handled");
	tap_eq(ctl_server_clients(&s), 0, "connections closed after the answers");
	ctl_server_close(&s);
	tap_ok(access(path, F_OK) != 0, "socket removed on close");

	/* a stale socket file is replaced */
	{
		int fd = socket(AF_UNIX, SOCK_STREAM, 0);
		struct sockaddr_un sa = { .sun_family = AF_UNIX };

		strcpy(sa.sun_path, path);
		bind(fd, (struct sockaddr *)&sa, sizeof(sa));
		close(fd);
	}
	tap_eq(ctl_server_open(&s, path, srv_handler, NULL), 0, "stale socket file replaced");
	ctl_server_close(&s);

	memset(&j, 0, sizeof(j));
	j.path = path;
	ctl_parse_line("ping", &j.req, err, sizeof(err));
	client_thread(&j);
	tap_ok(j.rc == 1 && strstr(j.err, "cannot connect"), "no daemon: 'cannot connect', exit 1");
	free(j.out);
	free(j.err);
}

int main(void)
{
	tap_start();
	test_parser();
	test_reply();
	test_quote();
	test_writer();
	test_status();
	test_socket();
	return tap_end();
}

// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim: command line. "run" starts the firmware daemon, every other
 * command is sent to a running daemon over its control socket.
 *
 * Each file declares what it defines in the header of the same name:
 *
 *   main.c       argument parsing, run / client dispatch
 *   daemon.c     event loop, signals, command execution
 *   transport.c  /dev/sap_sim: attach, events, mmap, ME-level message queue
 *   sap_fw.c     the CSME side of SAP (configuration, handshake,
 *                notifications, ownership, counters)
 *   data.c       data path: SAP DATA_PACKET <-> amt_net, the NIC's me port
 *   hostile.c    hostile modes (malformed output to test the host)
 *   ctl.c        control protocol: parser, server and client
 *   status.c     what CSME believes, as "key value" lines or JSON
 *   print.c      the output writer (plain, JSON, pretty JSON)
 *   log.c        log lines and the monotonic clock
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "ctl.h"
#include "hostile.h"
#include "log.h"
#include "print.h"
#include "redir.h"
#include "sap_fw.h"
#include "status.h"

#define CSME_SIM_VERSION	"1.0"

static void usage(FILE *f)
{
	int i;

	fprintf(f,
		"usage: csme-sim run [-d DEV] [-n IFNAME] [-s SOCKET] [-v 3|4] [--ip A.B.C.D]\n"
		"                    [--policy grant|deny|ignore] [--amt on|off] [--own host|csme]\n"
		"                    [--hostile MODE] [--seed N] [--log FILE] [--pidfile FILE]\n"
		"                    [--goes-down take|keep] [--bulk-port PORT]\n"
		"                    [--amt-password PASSWORD] [-f]\n"
		"       csme-sim [-j] [-p] [-s SOCKET] status\n"
		"       csme-sim [-s SOCKET] nic take|take-force|release\n"
		"       csme-sim [-s SOCKET] amt on|off\n"
		"       csme-sim [-s SOCKET] policy grant|deny|ignore\n"
		"       csme-sim [-s SOCKET] fw reset\n"
		"       csme-sim [-s SOCKET] ping\n"
		"       csme-sim [-s SOCKET] link-prot on|off\n"
		"       csme-sim [-s SOCKET] hostile MODE|off\n"
		"       csme-sim [-s SOCKET] quit\n"
		"defaults: -d %s, -n %s, -s %s, -v 4\n"
		"hostile modes:",
		CSME_DEFAULT_DEV, CSME_DEFAULT_IFNAME, CSME_DEFAULT_SOCK);
	for (i = 1; i < HOSTILE__COUNT; i++)
		fprintf(f, " %s", csme_hostile_name(i));
	fprintf(f, "\n");
}

static int bad(const char *what, const char *val)
{
	fprintf(stderr, "csme-sim: invalid %s '%s'\n", what, val);
	return 2;
}

enum {
	OPT_IP = 256,
	OPT_POLICY,
	OPT_AMT,
	OPT_OWN,
	OPT_HOSTILE,
	OPT_SEED,
	OPT_LOG,
	OPT_PIDFILE,
	OPT_GOES_DOWN,
	OPT_BULK_PORT,
	OPT_AMT_PASSWORD,
};

static int cmd_run(int argc, char **argv, struct csme_cfg *cfg)
{
	static const struct option opts[] = {
		{ "device", required_argument, NULL, 'd' },
		{ "ifname", required_argument, NULL, 'n' },
		{ "socket", required_argument, NULL, 's' },
		{ "sap-version", required_argument, NULL, 'v' },
		{ "ip", required_argument, NULL, OPT_IP },
		{ "policy", required_argument, NULL, OPT_POLICY },
		{ "amt", required_argument, NULL, OPT_AMT },
		{ "own", required_argument, NULL, OPT_OWN },
		{ "hostile", required_argument, NULL, OPT_HOSTILE },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "log", required_argument, NULL, OPT_LOG },
		{ "pidfile", required_argument, NULL, OPT_PIDFILE },
		{ "goes-down", required_argument, NULL, OPT_GOES_DOWN },
		{ "bulk-port", required_argument, NULL, OPT_BULK_PORT },
		{ "amt-password", required_argument, NULL, OPT_AMT_PASSWORD },
		{ "foreground", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "d:n:s:v:fh", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			cfg->dev = optarg;
			break;
		case 'n':
			/* IFNAME"me" must fit IFNAMSIZ */
			if (!*optarg || strlen(optarg) > CSME_IFNAME_MAX - 3 || strchr(optarg, '/'))
				return bad("interface name", optarg);
			cfg->ifname = optarg;
			break;
		case 's':
			cfg->sock = optarg;
			break;
		case 'v':
			if (strcmp(optarg, "3") && strcmp(optarg, "4"))
				return bad("SAP version (3 or 4)", optarg);
			cfg->max_version = optarg[0] - '0';
			break;
		case OPT_IP:
			if (csme_parse_ipv4(optarg, &cfg->ip) || !cfg->ip)
				return bad("IPv4 address", optarg);
			break;
		case OPT_POLICY:
			if (csme_policy_parse(optarg, &cfg->policy))
				return bad("policy", optarg);
			break;
		case OPT_AMT:
			if (strcmp(optarg, "on") && strcmp(optarg, "off"))
				return bad("AMT state (on|off)", optarg);
			cfg->amt = !strcmp(optarg, "on");
			break;
		case OPT_OWN:
			if (!strcmp(optarg, "host"))
				cfg->owner = CSME_OWNER_HOST;
			else if (!strcmp(optarg, "csme"))
				cfg->owner = CSME_OWNER_CSME;
			else
				return bad("owner (host|csme)", optarg);
			break;
		case OPT_HOSTILE:
			if (csme_hostile_parse(optarg, &cfg->hostile))
				return bad("hostile mode", optarg);
			break;
		case OPT_SEED:
			errno = 0;
			cfg->seed = strtoull(optarg, &end, 0);
			if (errno || !*optarg || *end)
				return bad("seed", optarg);
			cfg->seed_set = true;
			break;
		case OPT_LOG:
			cfg->log_path = optarg;
			break;
		case OPT_PIDFILE:
			cfg->pidfile = optarg;
			break;
		case OPT_GOES_DOWN:
			if (strcmp(optarg, "take") && strcmp(optarg, "keep"))
				return bad("--goes-down (take|keep)", optarg);
			cfg->goes_down_take = !strcmp(optarg, "take");
			break;
		case OPT_BULK_PORT:
			errno = 0;
			cfg->bulk_port = strtoul(optarg, &end, 10);
			if (errno || !*optarg || *end || !cfg->bulk_port || cfg->bulk_port > 65535 ||
			    cfg->bulk_port == AMT_NET_PORT_HTTP || cfg->bulk_port == AMT_NET_PORT_HTTPS ||
			    cfg->bulk_port == AMT_REDIR_PORT)
				return bad("bulk port", optarg);
			break;
		case OPT_AMT_PASSWORD:
			if (!*optarg || strlen(optarg) >= AMT_MODEL_STR_MAX)
				return bad("AMT password (1 to 63 bytes)", optarg);
			cfg->amt_password = optarg;
			break;
		case 'f':
			break;		/* always in the foreground */
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "csme-sim: unexpected argument '%s'\n", argv[optind]);
		return 2;
	}
	return csme_daemon_run(cfg);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "socket", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_mode mode = OUT_PLAIN;
	struct csme_cfg cfg;
	struct ctl_req req;
	char err[160];
	int c;

	csme_cfg_defaults(&cfg);
	while ((c = getopt_long(argc, argv, "+jps:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			if (mode == OUT_PLAIN)
				mode = OUT_JSON;
			break;
		case 'p':
			mode = OUT_PRETTY;
			break;
		case 's':
			cfg.sock = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("csme-sim %s\n", CSME_SIM_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[optind], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[optind], "run"))
		return cmd_run(argc - optind, argv + optind, &cfg);

	/* "status -j" / "status -p" are accepted as well */
	if (!strcmp(argv[optind], "status")) {
		int i, n = optind + 1;

		for (i = optind + 1; i < argc; i++) {
			if (!strcmp(argv[i], "-j") || !strcmp(argv[i], "--json")) {
				if (mode == OUT_PLAIN)
					mode = OUT_JSON;
			} else if (!strcmp(argv[i], "-p") || !strcmp(argv[i], "--pretty")) {
				mode = OUT_PRETTY;
			} else {
				argv[n++] = argv[i];
			}
		}
		argc = n;
	}
	if (ctl_parse_words(argc - optind, argv + optind, &req, err, sizeof(err))) {
		fprintf(stderr, "csme-sim: %s\n", err);
		return 2;
	}
	if (req.cmd == CTL_STATUS && argc - optind == 1)
		req.arg = mode;
	return ctl_client_run(cfg.sock, &req, stdout, stderr);
}

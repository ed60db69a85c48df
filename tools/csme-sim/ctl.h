/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: the control protocol (ctl.c): request parser, the server in the
 * daemon and the client of the "csme-sim COMMAND" forms.
 */
#ifndef CSME_CTL_H
#define CSME_CTL_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum ctl_cmd {
	CTL_STATUS,
	CTL_NIC_TAKE,
	CTL_NIC_TAKE_FORCE,
	CTL_NIC_RELEASE,
	CTL_AMT,
	CTL_POLICY,
	CTL_FW_RESET,
	CTL_PING,
	CTL_LINK_PROT,
	CTL_HOSTILE,
	CTL_QUIT,
};

/**
 * struct ctl_req - one parsed control request
 * @cmd: &enum ctl_cmd
 * @arg: STATUS: &enum out_mode; AMT, LINK_PROT: 0/1; POLICY: &enum
 *	csme_policy; HOSTILE: &enum csme_hostile
 */
struct ctl_req {
	enum ctl_cmd cmd;
	int arg;
};

#define CTL_LINE_MAX		256
#define CTL_MAX_CLIENTS		16
#define CTL_CLIENT_TIMEOUT_MS	15000

int ctl_parse_words(int argc, char *const argv[], struct ctl_req *req, char *err, size_t errlen);
int ctl_parse_line(const char *line, struct ctl_req *req, char *err, size_t errlen);
int ctl_format(const struct ctl_req *req, char *buf, size_t len);

struct ctl_client {
	int fd;
	uint32_t id;
	uint64_t since;
	char in[CTL_LINE_MAX];
	size_t in_len;
	bool got_req;
	char *out;
	size_t out_len;
	size_t out_off;
};

struct ctl_server;
typedef void (*ctl_handler_fn)(void *ctx, struct ctl_server *s, uint32_t id,
			       const struct ctl_req *req);

struct ctl_server {
	int lfd;
	char path[108];
	struct ctl_client cl[CTL_MAX_CLIENTS];
	uint32_t next_id;
	ctl_handler_fn handler;
	void *ctx;
};

int ctl_server_open(struct ctl_server *s, const char *path, ctl_handler_fn fn, void *ctx);
void ctl_server_close(struct ctl_server *s);
int ctl_server_pollfds(struct ctl_server *s, struct pollfd *p, int max);
void ctl_server_handle(struct ctl_server *s, const struct pollfd *p, int n, uint64_t now);
void ctl_reply(struct ctl_server *s, uint32_t id, bool ok, const char *text,
	       const char *payload, size_t plen);
unsigned int ctl_server_clients(const struct ctl_server *s);
int ctl_split_reply(const char *buf, size_t len, bool *ok, char *text, size_t tlen,
		    size_t *payload_off);
int ctl_client_run(const char *path, const struct ctl_req *req, FILE *out, FILE *err);

#endif /* CSME_CTL_H */

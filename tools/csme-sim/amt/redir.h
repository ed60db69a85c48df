/* SPDX-License-Identifier: GPL-2.0 */
/*
 * redir - csme-sim's AMT redirection service (serial-over-LAN) on TCP
 * 16994: the amt_svc glue between amt_net's byte streams and the protocol
 * state machine in redir_proto.h.
 *
 * Register it with amt_net_listen(net, AMT_REDIR_PORT, &amt_redir_ops, r)
 * after amt_redir_init(r, model).
 */
#ifndef AMT_REDIR_H
#define AMT_REDIR_H

#include "amt_model.h"
#include "amt_svc.h"
#include "redir_proto.h"

#define AMT_REDIR_PORT		16994	/* plain; 16995 would be TLS */
#define AMT_REDIR_OUT_LIMIT	65536	/* replies held while TCP is full */

struct amt_redir {
	struct redir_server srv;	/* model, SOL slot, counters */
	uint64_t now_ms;		/* the latest tick any connection saw */
};

void amt_redir_init(struct amt_redir *r, struct amt_model *m);
static inline const struct redir_stats *amt_redir_stats(const struct amt_redir *r)
{
	return &r->srv.st;
}

extern const struct amt_svc_ops amt_redir_ops;

#endif /* AMT_REDIR_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY - DELETE AT MERGE. Stand-ins so csme-sim links on the
 * wip/http branch before amt/wsman.c, amt/soap.c and amt_net's amt_svc
 * implementation land. Everything here is weak: the real definitions (and
 * the fakes in tests/unit/csme-amt/test_http.c) take precedence.
 *
 *  - amt_wsman_handle / amt_soap_handle answer 404 (amt/wsman.c, amt/soap.c)
 *  - amt_net_listen / amt_conn_* refuse or do nothing (net/amt_net.c)
 */
#include <errno.h>

#include "amt_svc.h"
#include "http_routes.h"

#define STUB __attribute__((weak))

STUB int amt_wsman_handle(struct amt_model *m, const char *body, size_t len, bool authed,
			  struct abuf *out, const char **content_type)
{
	(void)m, (void)body, (void)len, (void)authed, (void)out, (void)content_type;
	return 404;
}

STUB int amt_soap_handle(struct amt_model *m, const char *path, const char *body, size_t len,
			 bool authed, struct abuf *out, const char **content_type)
{
	(void)m, (void)path, (void)body, (void)len, (void)authed, (void)out, (void)content_type;
	return 404;
}

STUB int amt_net_listen(struct amt_net *net, uint16_t port, const struct amt_svc_ops *ops,
			void *svc)
{
	(void)net, (void)port, (void)ops, (void)svc;
	return -EOPNOTSUPP;
}

STUB size_t amt_conn_write(struct amt_conn *c, const void *data, size_t len)
{
	(void)c, (void)data, (void)len;
	return 0;
}

STUB void amt_conn_close(struct amt_conn *c)
{
	(void)c;
}

STUB void amt_conn_set_priv(struct amt_conn *c, void *priv)
{
	(void)c, (void)priv;
}

STUB void *amt_conn_priv(const struct amt_conn *c)
{
	(void)c;
	return NULL;
}

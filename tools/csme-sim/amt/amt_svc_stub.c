// SPDX-License-Identifier: GPL-2.0
/*
 * DELETE AT MERGE: placeholders for the amt_svc.h functions that amt_net
 * does not implement yet on this branch, so that csme-sim and the unit
 * tests link with redir.c. Nothing registers a service here: listening
 * fails and a connection never exists. The real ones come with amt_net's
 * byte-stream rework; this file must go when that lands. They are weak,
 * so the real ones win should both be linked meanwhile.
 */
#include <errno.h>

#include "amt_svc.h"

__attribute__((weak))
int amt_net_listen(struct amt_net *net, uint16_t port, const struct amt_svc_ops *ops, void *svc)
{
	(void)net;
	(void)port;
	(void)ops;
	(void)svc;
	return -ENOSYS;
}

__attribute__((weak)) size_t amt_conn_write(struct amt_conn *c, const void *data, size_t len)
{
	(void)c;
	(void)data;
	(void)len;
	return 0;
}

__attribute__((weak)) size_t amt_conn_tx_room(const struct amt_conn *c)
{
	(void)c;
	return 0;
}

__attribute__((weak)) size_t amt_conn_tx_pending(const struct amt_conn *c)
{
	(void)c;
	return 0;
}

__attribute__((weak)) void amt_conn_close(struct amt_conn *c)
{
	(void)c;
}

__attribute__((weak)) void amt_conn_abort(struct amt_conn *c)
{
	(void)c;
}

__attribute__((weak)) void amt_conn_set_priv(struct amt_conn *c, void *priv)
{
	(void)c;
	(void)priv;
}

__attribute__((weak)) void *amt_conn_priv(const struct amt_conn *c)
{
	(void)c;
	return NULL;
}

__attribute__((weak)) uint32_t amt_conn_peer_ip(const struct amt_conn *c)
{
	(void)c;
	return 0;
}

__attribute__((weak)) uint16_t amt_conn_peer_port(const struct amt_conn *c)
{
	(void)c;
	return 0;
}

__attribute__((weak)) struct amt_net *amt_conn_net(const struct amt_conn *c)
{
	(void)c;
	return NULL;
}

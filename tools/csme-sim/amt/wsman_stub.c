// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY - DELETE AT MERGE. Stand-ins so csme-sim links on the
 * wip/http branch before amt/wsman.c, amt/soap.c and amt_net's amt_svc
 * implementation land. Everything here is weak: the real definitions (and
 * the fakes in tests/unit/csme-amt/test_http.c) take precedence.
 *
 *  - amt_wsman_handle / amt_soap_handle answer 404 (amt/wsman.c, amt/soap.c)
 */
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

// SPDX-License-Identifier: GPL-2.0
/* http_routes - the 16992 route table (see http_routes.h). */
#include <string.h>

#include "http_routes.h"

static const struct http_route routes[] = {
	{ "/", HTTP_ROUTE_REDIRECT, false, "/logon.htm", NULL },
	{ "/logon.htm", HTTP_ROUTE_PAGE, false, NULL, http_page_logon },
	{ "/index.htm", HTTP_ROUTE_PAGE, true, NULL, http_page_index },
	{ "/hw-sys.htm", HTTP_ROUTE_PAGE, true, NULL, http_page_system },
	{ "/hw-pwr.htm", HTTP_ROUTE_PAGE, true, NULL, http_page_power },
	{ "/ip.htm", HTTP_ROUTE_PAGE, true, NULL, http_page_network },
	{ "/wsman", HTTP_ROUTE_WSMAN, false, NULL, NULL },	/* wsman decides */
};

const struct http_route *http_route_find(const char *target)
{
	size_t len = strcspn(target, "?#"), i;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (strlen(routes[i].path) == len && !strncmp(routes[i].path, target, len))
			return &routes[i];
	return NULL;
}

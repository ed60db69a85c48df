// SPDX-License-Identifier: GPL-2.0
/* http_routes - the 16992 route table (see http_routes.h). */
#include <string.h>

#include "http_routes.h"

static const struct http_route routes[] = {
	{ .path = "/", .kind = HTTP_ROUTE_REDIRECT, .location = "/logon.htm" },
	{ .path = "/logon.htm", .kind = HTTP_ROUTE_PAGE, .render = http_page_logon },
	{ .path = "/index.htm", .kind = HTTP_ROUTE_PAGE, .auth = true,
	  .render = http_page_index },
	{ .path = "/hw-sys.htm", .kind = HTTP_ROUTE_PAGE, .auth = true,
	  .render = http_page_system },
	{ .path = "/hw-pwr.htm", .kind = HTTP_ROUTE_PAGE, .auth = true,
	  .render = http_page_power, .post = http_form_power },
	{ .path = "/ip.htm", .kind = HTTP_ROUTE_PAGE, .auth = true,
	  .render = http_page_network },
	/* WS-Man decides itself what needs authentication (Identify does not) */
	{ .path = "/wsman", .kind = HTTP_ROUTE_WSMAN },
};

const struct http_route *http_route_find(const char *target)
{
	size_t len = strcspn(target, "?#"), i;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (strlen(routes[i].path) == len && !strncmp(routes[i].path, target, len))
			return &routes[i];
	return NULL;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: WS-Management and the legacy SOAP services on arbitrary
 * request bodies, authenticated or not. The first byte picks the service
 * and whether the request is authenticated; the model must stay sane.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abuf.h"
#include "amt_model.h"
#include "http_routes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {
		"/SecurityAdministrationService", "/RemoteControlService",
		"/NetworkAdministrationService",
	};
	static struct amt_model m;
	static bool init;
	const char *ct = NULL;
	struct abuf out;
	bool authed;
	int st;

	if (!size)
		return 0;
	if (!init) {
		amt_model_init(&m, NULL, 1);
		init = true;
	}
	authed = data[0] & 1;
	abuf_init(&out, 256 * 1024);
	if (data[0] & 2)
		st = amt_soap_handle(&m, paths[(data[0] >> 2) % 3], (const char *)data + 1,
				     size - 1, authed, &out, &ct);
	else
		st = amt_wsman_handle(&m, (const char *)data + 1, size - 1, authed, &out, &ct);
	if ((!authed && st != 401 && st != 200) || (st == 401 && out.len) ||
	    strnlen(m.hostname, sizeof(m.hostname)) == sizeof(m.hostname) ||
	    strnlen(m.domain, sizeof(m.domain)) == sizeof(m.domain))
		abort();
	abuf_free(&out);
	return 0;
}

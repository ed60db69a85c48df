/* SPDX-License-Identifier: GPL-2.0 */
/*
 * page_svc - a minimal HTTP/1.1 service the csme-net engine tests (and
 * fuzz_net_input) run on amt_net (amt_svc.h): GET/HEAD "/" answer a small
 * HTML page showing the line of page_set_status(); other targets 404, other
 * methods 405, anything unparsable 400. One request per connection
 * ("Connection: close"): the answer is followed by FIN. csme-sim itself
 * serves AMT's real HTTP (tools/csme-sim/amt/http.h).
 */
#ifndef PAGE_SVC_H
#define PAGE_SVC_H

#include <stdint.h>
#include "amt_svc.h"

#define PAGE_SVC_REQ_MAX	2048	/* header block longer than this: 400 */
#define PAGE_SVC_RESP_MAX	2048	/* bytes of response (headers + body) */

enum page_counter { PAGE_C_200, PAGE_C_400, PAGE_C_404, PAGE_C_405, PAGE_C__COUNT };
extern unsigned long page_cnt[PAGE_C__COUNT];

extern const struct amt_svc_ops page_svc_ops;

/* The line the page shows (HTML-escaped, truncated to 255 bytes). */
void page_set_status(const char *status);

/* amt_net_listen(@net, @port, &page_svc_ops, NULL), window PAGE_SVC_REQ_MAX */
int page_svc_listen(struct amt_net *net, uint16_t port);

#endif /* PAGE_SVC_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * amt_page - a minimal HTTP/1.1 service for amt_net (amt_svc.h): GET/HEAD
 * "/" answer a small HTML page showing the status line of
 * amt_net_set_status(); other targets 404, other methods 405, anything
 * unparsable 400. One request per connection ("Connection: close"): the
 * answer is followed by FIN. Counted in amt_net's AMT_C_HTTP_* counters.
 */
#ifndef AMT_PAGE_H
#define AMT_PAGE_H

#include <stdint.h>
#include "amt_svc.h"

#define AMT_PAGE_REQ_MAX	2048	/* header block longer than this: 400 */
#define AMT_PAGE_RESP_MAX	2048	/* bytes of response (headers + body) */

extern const struct amt_svc_ops amt_page_ops;

/* amt_net_listen(@net, @port, &amt_page_ops, NULL), window AMT_PAGE_REQ_MAX */
int amt_page_listen(struct amt_net *net, uint16_t port);

#endif /* AMT_PAGE_H */

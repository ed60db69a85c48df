/* SPDX-License-Identifier: GPL-2.0 */
/*
 * http_routes - what csme-sim's AMT serves on 16992, by request path: the
 * web pages, WS-Management on POST /wsman and the legacy AMT SOAP services
 * on any other POST path.
 */
#ifndef AMT_HTTP_ROUTES_H
#define AMT_HTTP_ROUTES_H

#include <stdbool.h>
#include <stddef.h>

#include "abuf.h"
#include "amt_model.h"

/*
 * WS-Management (amt/wsman.c) and legacy SOAP (amt/soap.c), written apart
 * from the HTTP service. Each fills @out and *@content_type and returns the
 * HTTP status: 401 = needs authentication (the caller sends the Digest
 * challenge), 404 (soap only) = no service at @path. @authed says whether
 * the request carried valid Digest credentials.
 */
int amt_wsman_handle(struct amt_model *m, const char *body, size_t len, bool authed,
		     struct abuf *out, const char **content_type);
int amt_soap_handle(struct amt_model *m, const char *path, const char *body, size_t len,
		    bool authed, struct abuf *out, const char **content_type);

enum http_route_kind {
	HTTP_ROUTE_NONE,	/* not in the table: POST goes to SOAP, else 404 */
	HTTP_ROUTE_REDIRECT,	/* GET / -> 303 /logon.htm */
	HTTP_ROUTE_PAGE,	/* GET/HEAD an HTML page */
	HTTP_ROUTE_WSMAN,	/* POST /wsman */
};

struct http_route {
	const char *path;
	enum http_route_kind kind;
	bool auth;		/* Digest needed */
	const char *location;	/* REDIRECT */
	void (*render)(const struct amt_model *m, struct abuf *out);	/* PAGE */
	/* PAGE that takes a form POST: returns 303 (done) or 400 */
	int (*post)(struct amt_model *m, const char *body, size_t len);
};

/* The route for @target (its query string ignored), or NULL. */
const struct http_route *http_route_find(const char *target);

/* The web pages (http_pages.c): HTML documents into @out. */
void http_page_logon(const struct amt_model *m, struct abuf *out);
void http_page_index(const struct amt_model *m, struct abuf *out);
void http_page_system(const struct amt_model *m, struct abuf *out);
void http_page_power(const struct amt_model *m, struct abuf *out);
void http_page_network(const struct amt_model *m, struct abuf *out);
/* POST /hw-pwr.htm "state=<PowerState>": a power change request; 303 or 400. */
int http_form_power(struct amt_model *m, const char *body, size_t len);
/* A short HTML document for an error or redirect status. */
void http_page_status(int status, const char *reason, struct abuf *out);
/* "On (S0)", "Off - Soft (S5)", ... */
const char *http_power_name(int state);

#endif /* AMT_HTTP_ROUTES_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * The shared library's interface: the functions libfwctl.h declares, the
 * version script exports and libfwctl.so provides are the same set, all
 * prefixed fwctl_, and nothing internal leaks out.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_text.h"
#include "tap.h"

#define MAX_NAMES 128

struct names {
	int n;
	char *v[MAX_NAMES];
};

static void add(struct names *s, const char *name, size_t len)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->v[i]) == len && !strncmp(s->v[i], name, len))
			return;
	if (s->n < MAX_NAMES)
		s->v[s->n++] = strndup(name, len);
}

static bool has(const struct names *s, const char *name)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], name))
			return true;
	return false;
}

/* Every "fwctl_identifier(" in the header is a declared function. */
static void header_names(const char *text, struct names *s)
{
	const char *p = text;
	size_t len;

	while ((p = strstr(p, "fwctl_"))) {
		if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_')) {
			p++;
			continue;
		}
		len = 0;
		while (isalnum((unsigned char)p[len]) || p[len] == '_')
			len++;
		if (p[len] == '(')
			add(s, p, len);
		p += len;
	}
}

/* The names in the global: section of the version script. */
static void map_names(const char *text, struct names *s)
{
	const char *p = strstr(text, "global:"), *end = strstr(text, "local:");
	size_t len;

	if (!p || !end)
		return;
	for (p += 7; p < end; p++) {
		if (strncmp(p, "fwctl_", 6))
			continue;
		len = strcspn(p, "; \t\n");
		add(s, p, len);
		p += len;
	}
}

int main(void)
{
	struct names hdr = { 0 }, map = { 0 };
	char *htext = file_text(ABI_HDR), *mtext = file_text(ABI_MAP);
	char line[256];
	void *so;
	FILE *nm;
	int i, ok, exported = 0, foreign = 0;

	tap_start();
	if (!tap_ok(htext && mtext, "read libfwctl.h and libfwctl.map"))
		return tap_end();
	header_names(htext, &hdr);
	map_names(mtext, &map);
	tap_ok(hdr.n >= 40, "the header declares %d functions", hdr.n);

	ok = 1;
	for (i = 0; i < hdr.n; i++)
		if (!has(&map, hdr.v[i])) {
			tap_diag("%s is declared but not exported", hdr.v[i]);
			ok = 0;
		}
	tap_ok(ok, "every declared function is in the version script");
	ok = 1;
	for (i = 0; i < map.n; i++)
		if (!has(&hdr, map.v[i])) {
			tap_diag("%s is exported but not declared", map.v[i]);
			ok = 0;
		}
	tap_ok(ok, "every exported name is declared in the header");

	so = dlopen(ABI_SO, RTLD_NOW | RTLD_LOCAL);
	if (!tap_ok(so != NULL, "dlopen libfwctl.so (%s)", so ? "ok" : dlerror()))
		return tap_end();
	ok = 1;
	for (i = 0; i < map.n; i++)
		if (!dlsym(so, map.v[i])) {
			tap_diag("%s missing from the .so", map.v[i]);
			ok = 0;
		}
	tap_ok(ok, "the .so provides all %d exported functions", map.n);
	tap_ok(!dlsym(so, "fwctl_priv_sysfs") && !dlsym(so, "fwctl_priv_devfs"),
	       "internal variables stay local");
	tap_ok(!dlsym(so, "find_node") && !dlsym(so, "fill_devinfo"), "static helpers are not visible");

	nm = popen("nm -D --defined-only " ABI_SO " 2>/dev/null", "r");
	while (nm && fgets(line, sizeof(line), nm)) {
		char *name = strrchr(line, ' ');

		if (!name)
			continue;
		name[strcspn(name, "\n")] = 0;
		name++;
		if (!strncmp(name, "LIBFWCTL_", 9))
			continue;
		exported++;
		if (strncmp(name, "fwctl_", 6)) {
			tap_diag("foreign export %s", name);
			foreign++;
		}
	}
	if (nm && pclose(nm) == 0 && exported) {
		tap_eq(exported, map.n, "nm: the .so exports exactly the version script's names");
		tap_eq(foreign, 0, "nm: every export is prefixed fwctl_");
	} else {
		tap_ok(1, "# SKIP nm not available");
	}
	dlclose(so);
	for (i = 0; i < hdr.n; i++)
		free(hdr.v[i]);
	for (i = 0; i < map.n; i++)
		free(map.v[i]);
	free(htext);
	free(mtext);
	return tap_end();
}

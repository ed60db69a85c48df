// SPDX-License-Identifier: GPL-2.0
/*
 * Output writer for the status command: the same calls produce
 *  - plain "key value" lines, nested keys joined with dots
 *    ("host_link.ssid fwgate-sim"); spaces in keys become '_';
 *  - one compact JSON object (-j);
 *  - pretty-printed JSON, two-space indent (-p).
 * The JSON modes are lib/json_writer; this file adds the plain form.
 */
#include <inttypes.h>
#include <string.h>

#include "print.h"
#include "log.h"

void out_init(struct out *o, FILE *f, enum out_mode mode)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->mode = mode;
	json_init(&o->j, f, mode == OUT_PRETTY);
}

/* plain: the full dotted key, then a space */
static void plain_key(struct out *o, const char *key)
{
	const char *k;

	fputs(o->prefix, o->f);
	for (k = key ? key : "-"; *k; k++)
		fputc(*k == ' ' || (unsigned char)*k < 0x20 ? '_' : *k, o->f);
	fputc(' ', o->f);
}

void out_begin(struct out *o, const char *key)
{
	size_t len;

	if (o->depth >= OUT_DEPTH_MAX)
		return;
	if (o->mode == OUT_PLAIN) {
		o->plen[o->depth] = strlen(o->prefix);
		if (key && o->depth > 0) {
			len = strlen(o->prefix);
			snprintf(o->prefix + len, sizeof(o->prefix) - len, "%s.", key);
			for (; o->prefix[len]; len++)
				if (o->prefix[len] == ' ')
					o->prefix[len] = '_';
		}
	} else {
		json_obj_open(&o->j, key);
	}
	o->depth++;
}

void out_end(struct out *o)
{
	if (o->depth <= 0)
		return;
	o->depth--;
	if (o->mode == OUT_PLAIN)
		o->prefix[o->plen[o->depth]] = 0;
	else
		json_obj_close(&o->j);
}

void out_finish(struct out *o)
{
	while (o->depth > 0)
		out_end(o);
	if (o->mode != OUT_PLAIN)
		json_done(&o->j);
	fflush(o->f);
}

void out_strn(struct out *o, const char *key, const char *val, size_t len)
{
	size_t i;

	if (!val) {
		out_null(o, key);
		return;
	}
	if (o->mode != OUT_PLAIN) {
		json_strn(&o->j, key, val, len);
		return;
	}
	plain_key(o, key);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)val[i];

		fputc(c < 0x20 || c == 0x7f ? '?' : c, o->f);
	}
	fputc('\n', o->f);
}

void out_str(struct out *o, const char *key, const char *val)
{
	out_strn(o, key, val, val ? strlen(val) : 0);
}

void out_u64(struct out *o, const char *key, uint64_t val)
{
	if (o->mode != OUT_PLAIN) {
		json_u64(&o->j, key, val);
		return;
	}
	plain_key(o, key);
	fprintf(o->f, "%" PRIu64 "\n", val);
}

void out_int(struct out *o, const char *key, long long val)
{
	if (o->mode != OUT_PLAIN) {
		json_s64(&o->j, key, val);
		return;
	}
	plain_key(o, key);
	fprintf(o->f, "%lld\n", val);
}

void out_bool(struct out *o, const char *key, bool val)
{
	if (o->mode != OUT_PLAIN) {
		json_bool(&o->j, key, val);
		return;
	}
	plain_key(o, key);
	fprintf(o->f, "%s\n", val ? "true" : "false");
}

void out_null(struct out *o, const char *key)
{
	if (o->mode != OUT_PLAIN) {
		json_null(&o->j, key);
		return;
	}
	plain_key(o, key);
	fputs("-\n", o->f);
}

void out_mac(struct out *o, const char *key, const uint8_t *mac)
{
	char buf[24];

	if (!mac) {
		out_null(o, key);
		return;
	}
	csme_fmt_mac(buf, sizeof(buf), mac);
	out_str(o, key, buf);
}

void out_u32_list(struct out *o, const char *key, const uint32_t *v, size_t n)
{
	size_t i;

	if (o->mode != OUT_PLAIN) {
		json_u32_array(&o->j, key, v, n);
		return;
	}
	plain_key(o, key);
	for (i = 0; i < n; i++)
		fprintf(o->f, "%s%u", i ? " " : "", v[i]);
	fputc('\n', o->f);
}

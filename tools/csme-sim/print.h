/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: the output writer (print.c): plain "a.b value" lines, JSON or
 * pretty JSON; the JSON is lib/json_writer's.
 */
#ifndef CSME_PRINT_H
#define CSME_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "json_writer.h"

enum out_mode {
	OUT_PLAIN,
	OUT_JSON,
	OUT_PRETTY,
};

#define OUT_DEPTH_MAX	8

/**
 * struct out - writer of nested "objects" as plain "a.b value" lines,
 * compact JSON or pretty-printed JSON
 * @f: where the text goes
 * @mode: which of the three
 * @depth: objects open
 * @j: the JSON writer (JSON modes)
 * @prefix: the dotted key of the open objects (plain mode)
 * @plen: length of @prefix at each depth (plain mode)
 */
struct out {
	FILE *f;
	enum out_mode mode;
	int depth;
	struct json j;
	char prefix[256];
	size_t plen[OUT_DEPTH_MAX + 1];
};

void out_init(struct out *o, FILE *f, enum out_mode mode);
void out_begin(struct out *o, const char *key);
void out_end(struct out *o);
void out_finish(struct out *o);
void out_str(struct out *o, const char *key, const char *val);
void out_strn(struct out *o, const char *key, const char *val, size_t len);
void out_u64(struct out *o, const char *key, uint64_t val);
void out_int(struct out *o, const char *key, long long val);
void out_bool(struct out *o, const char *key, bool val);
void out_null(struct out *o, const char *key);
void out_mac(struct out *o, const char *key, const uint8_t *mac);
void out_u32_list(struct out *o, const char *key, const uint32_t *v, size_t n);

#endif /* CSME_PRINT_H */

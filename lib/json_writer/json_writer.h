/* SPDX-License-Identifier: GPL-2.0 */
/*
 * json_writer: the one streaming JSON writer of the userspace tools
 * (tools/fwctl, tools/csme-sim), built as libjson_writer.a.
 *
 * Objects and arrays nest; members are written as they come, so nothing is
 * buffered. Output is compact, or pretty-printed with a two-space indent.
 * Strings are always valid JSON: quotes, backslashes and control characters
 * are escaped and bytes that are not valid UTF-8 are written as \u00XX.
 * A member's @key is ignored outside an object (top level, array items may
 * pass NULL).
 */
#ifndef JSON_WRITER_H
#define JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

/**
 * struct json - state of one writer
 * @f: where the text goes
 * @pretty: indent nested members, one per line
 * @depth: containers open
 * @first: per depth, no member written yet
 * @in_obj: per depth, the container is an object (members have keys)
 */
struct json {
	FILE *f;
	bool pretty;
	int depth;
	bool first[JSON_MAX_DEPTH];
	bool in_obj[JSON_MAX_DEPTH];
};

void json_init(struct json *j, FILE *f, bool pretty);
void json_escape(FILE *f, const char *s, size_t len);
void json_obj_open(struct json *j, const char *key);
void json_obj_close(struct json *j);
void json_arr_open(struct json *j, const char *key);
void json_arr_close(struct json *j);
void json_str(struct json *j, const char *key, const char *val);
void json_strn(struct json *j, const char *key, const char *val, size_t len);
void json_u64(struct json *j, const char *key, uint64_t val);
void json_s64(struct json *j, const char *key, int64_t val);
void json_bool(struct json *j, const char *key, bool val);
void json_null(struct json *j, const char *key);
void json_hex(struct json *j, const char *key, const void *buf, size_t len);
void json_u32_array(struct json *j, const char *key, const uint32_t *v, size_t n);
void json_done(struct json *j);

#endif /* JSON_WRITER_H */

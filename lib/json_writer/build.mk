# SPDX-License-Identifier: GPL-2.0
# json_writer: build/lib/libjson_writer.a, the JSON writer the userspace
# tools link (tools/fwctl, tools/csme-sim). Included by scripts/user.mk.
JSON_WRITER_DIR := $(FWGATE)/lib/json_writer
JSON_WRITER_A := $(BUILD)/lib/libjson_writer.a
JSON_WRITER_OBJS := $(BUILD)/obj/json_writer/json_writer.o

.PHONY: json-writer
json-writer: $(JSON_WRITER_A)
user-all: json-writer

$(BUILD)/obj/json_writer/%.o: $(JSON_WRITER_DIR)/%.c $(JSON_WRITER_DIR)/json_writer.h
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -I$(JSON_WRITER_DIR) -c -o $@ $<

$(JSON_WRITER_A): $(JSON_WRITER_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(JSON_WRITER_OBJS)

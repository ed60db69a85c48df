# SPDX-License-Identifier: GPL-2.0
# fwctl(8): build/bin/fwctl, linked with libfwctl.a so that it runs from the
# build tree (and inside the test VM) without LD_LIBRARY_PATH, and with
# libjson_writer.a (lib/json_writer).
FWCTL_TOOL_DIR := $(FWGATE)/tools/fwctl
FWCTL_TOOL_SRCS := $(wildcard $(FWCTL_TOOL_DIR)/*.c)
# The mlx5 allow-list the kernel module compiles (one table).
FWCTL_MLX5_DIR := $(FWGATE)/drivers/fwctl/mlx5
# The SAP host's fwctl op table and the SAP reason names (fwctl sap).
FWCTL_SAP_DIR := $(FWGATE)/drivers/net/wireless/sap
FWCTL_TOOL_OBJS := $(patsubst $(FWCTL_TOOL_DIR)/%.c,$(BUILD)/obj/fwctl/%.o,$(FWCTL_TOOL_SRCS)) \
	$(BUILD)/obj/fwctl/sap_reason.o
FWCTL_TOOL_HDRS := $(wildcard $(FWCTL_TOOL_DIR)/*.h) $(FWGATE)/lib/libfwctl/libfwctl.h \
	$(FWGATE)/lib/json_writer/json_writer.h $(FWCTL_MLX5_DIR)/mlx5_policy.h \
	$(wildcard $(FWGATE)/include/uapi/fwctl/*.h) $(FWCTL_SAP_DIR)/sap_fwctl_ops.h \
	$(FWCTL_SAP_DIR)/sap_reason.h
FWCTL_TOOL := $(BUILD)/bin/fwctl
FWCTL_TOOL_LIBA := $(BUILD)/lib/libfwctl.a $(BUILD)/lib/libjson_writer.a
FWCTL_TOOL_CFLAGS := $(USER_CFLAGS) -I$(FWGATE)/lib/json_writer -I$(FWCTL_MLX5_DIR) -I$(FWCTL_SAP_DIR)

PREFIX ?= /usr/local
FWCTL_TOOL_SBINDIR ?= $(PREFIX)/bin
FWCTL_TOOL_MANDIR ?= $(PREFIX)/share/man

.PHONY: fwctl-tool fwctl-tool-install
fwctl-tool: $(FWCTL_TOOL)
user-all: fwctl-tool
user-install: fwctl-tool-install

$(BUILD)/obj/fwctl/%.o: $(FWCTL_TOOL_DIR)/%.c $(FWCTL_TOOL_HDRS)
	@mkdir -p $(@D)
	$(CC) $(FWCTL_TOOL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/fwctl/mlx5_policy.o: $(FWCTL_MLX5_DIR)/mlx5_policy.c $(FWCTL_MLX5_DIR)/mlx5_policy.h
	@mkdir -p $(@D)
	$(CC) $(FWCTL_TOOL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/fwctl/sap_reason.o: $(FWCTL_SAP_DIR)/sap_reason.c $(FWCTL_SAP_DIR)/sap_reason.h
	@mkdir -p $(@D)
	$(CC) $(FWCTL_TOOL_CFLAGS) -std=gnu11 -c -o $@ $<

$(FWCTL_TOOL): $(FWCTL_TOOL_OBJS) $(BUILD)/obj/fwctl/mlx5_policy.o $(FWCTL_TOOL_LIBA)
	@mkdir -p $(@D)
	$(CC) $(FWCTL_TOOL_CFLAGS) -o $@ $(FWCTL_TOOL_OBJS) $(BUILD)/obj/fwctl/mlx5_policy.o $(FWCTL_TOOL_LIBA)

fwctl-tool-install: $(FWCTL_TOOL)
	install -d $(DESTDIR)$(FWCTL_TOOL_SBINDIR) $(DESTDIR)$(FWCTL_TOOL_MANDIR)/man8
	install -m 0755 $(FWCTL_TOOL) $(DESTDIR)$(FWCTL_TOOL_SBINDIR)/
	install -m 0644 $(FWGATE)/docs/man/fwctl.8 $(DESTDIR)$(FWCTL_TOOL_MANDIR)/man8/

# SPDX-License-Identifier: GPL-2.0
# csme-sim(8): the CSME firmware simulator, build/bin/csme-sim. Built from
# tools/csme-sim/*.c, its network engine (net/*.c), its AMT services
# (amt/*.c) and the portable
# SAP core compiled for userspace from drivers/net/wireless/sap (the same
# sources the kernel module uses; sap_compat.h selects userspace), linked
# with libjson_writer.a (lib/json_writer).
CSME_SIM_DIR := $(FWGATE)/tools/csme-sim
CSME_SIM_CORE_DIR := $(FWGATE)/drivers/net/wireless/sap
include $(CSME_SIM_CORE_DIR)/Kbuild.inc
CSME_SIM_SRCS := $(wildcard $(CSME_SIM_DIR)/*.c)
CSME_SIM_OBJS := $(patsubst $(CSME_SIM_DIR)/%.c,$(BUILD)/obj/csme-sim/%.o,$(CSME_SIM_SRCS)) \
	$(patsubst $(CSME_SIM_DIR)/net/%.c,$(BUILD)/obj/csme-sim/net/%.o,$(wildcard $(CSME_SIM_DIR)/net/*.c)) \
	$(patsubst $(CSME_SIM_DIR)/amt/%.c,$(BUILD)/obj/csme-sim/amt/%.o,$(wildcard $(CSME_SIM_DIR)/amt/*.c)) \
	$(addprefix $(BUILD)/obj/csme-sim/sap/,$(SAP_CORE_OBJS) $(SAP_CSME_OBJS))
CSME_SIM_HDRS := $(wildcard $(CSME_SIM_DIR)/*.h $(CSME_SIM_DIR)/net/*.h $(CSME_SIM_DIR)/amt/*.h \
	$(CSME_SIM_CORE_DIR)/*.h) \
	$(FWGATE)/lib/json_writer/json_writer.h \
	$(FWGATE)/include/uapi/linux/sap_sim.h
CSME_SIM_CFLAGS := $(USER_CFLAGS) -std=gnu11 -I$(CSME_SIM_CORE_DIR) -I$(CSME_SIM_DIR)/net -I$(CSME_SIM_DIR)/amt \
	-I$(FWGATE)/lib/json_writer \
	-I$(FWGATE)/include/uapi
CSME_SIM := $(BUILD)/bin/csme-sim
CSME_SIM_LIBA := $(BUILD)/lib/libjson_writer.a

PREFIX ?= /usr/local
CSME_SIM_SBINDIR ?= $(PREFIX)/sbin
CSME_SIM_MANDIR ?= $(PREFIX)/share/man

.PHONY: csme-sim csme-sim-install
csme-sim: $(CSME_SIM)
user-all: csme-sim
user-install: csme-sim-install

$(BUILD)/obj/csme-sim/%.o: $(CSME_SIM_DIR)/%.c $(CSME_SIM_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CSME_SIM_CFLAGS) -c -o $@ $<

$(BUILD)/obj/csme-sim/net/%.o: $(CSME_SIM_DIR)/net/%.c $(CSME_SIM_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CSME_SIM_CFLAGS) -c -o $@ $<

$(BUILD)/obj/csme-sim/amt/%.o: $(CSME_SIM_DIR)/amt/%.c $(CSME_SIM_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CSME_SIM_CFLAGS) -c -o $@ $<

$(BUILD)/obj/csme-sim/sap/%.o: $(CSME_SIM_CORE_DIR)/%.c $(CSME_SIM_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CSME_SIM_CFLAGS) -c -o $@ $<

$(CSME_SIM): $(CSME_SIM_OBJS) $(CSME_SIM_LIBA)
	@mkdir -p $(@D)
	$(CC) $(CSME_SIM_CFLAGS) -o $@ $(CSME_SIM_OBJS) $(CSME_SIM_LIBA) $(USER_LDLIBS)

csme-sim-install: $(CSME_SIM)
	install -d $(DESTDIR)$(CSME_SIM_SBINDIR) $(DESTDIR)$(CSME_SIM_MANDIR)/man8
	install -m 0755 $(CSME_SIM) $(DESTDIR)$(CSME_SIM_SBINDIR)/
	install -m 0644 $(FWGATE)/docs/man/csme-sim.8 $(DESTDIR)$(CSME_SIM_MANDIR)/man8/

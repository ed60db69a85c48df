# SPDX-License-Identifier: GPL-2.0
# Userspace build: test programs that run inside the VM, plus whatever the
# lib/, tools/ and bench/ directories contribute through their build.mk.
FWGATE ?= $(CURDIR)
BUILD ?= $(FWGATE)/build
CC ?= gcc
USER_CFLAGS := -O2 -g -Wall -Wextra -Werror -D_GNU_SOURCE \
	-I$(FWGATE)/include/uapi -I$(FWGATE)/tests/lib -I$(FWGATE)/lib/libfwctl \
	-I$(FWGATE)/drivers/fwctl/sim
# Distribution build flags (debian/rules passes dpkg-buildflags' hardening);
# LDFLAGS reach the link lines, which all take USER_CFLAGS.
USER_CFLAGS += $(CPPFLAGS) $(CFLAGS) $(LDFLAGS)
USER_LDLIBS := -lpthread

VM_TEST_SRCS := $(wildcard $(FWGATE)/tests/vm/*.c)
VM_TESTS := $(patsubst $(FWGATE)/tests/vm/%.c,$(BUILD)/vm-tests/%,$(VM_TEST_SRCS))
VM_TEST_HDRS := $(wildcard $(FWGATE)/tests/lib/*.h) \
	$(wildcard $(FWGATE)/include/uapi/fwctl/*.h) \
	$(FWGATE)/drivers/fwctl/sim/fwsim_catalogue.h

.PHONY: user-all user-install
user-all: $(VM_TESTS)
# build.mk files add their install steps as prerequisites of user-install.
user-install:

$(BUILD)/vm-tests/%: $(FWGATE)/tests/vm/%.c $(VM_TEST_HDRS)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -o $@ $< $(USER_LDLIBS)

# The mlx5 tests link the allow-list the kernel module compiles.
MLX5_DIR := $(FWGATE)/drivers/fwctl/mlx5
$(BUILD)/vm-tests/mlx5_%: $(FWGATE)/tests/vm/mlx5_%.c $(VM_TEST_HDRS) \
		$(MLX5_DIR)/mlx5_policy.c $(MLX5_DIR)/mlx5_policy.h
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -I$(MLX5_DIR) -o $@ $< $(MLX5_DIR)/mlx5_policy.c \
		$(USER_LDLIBS)

# The AMT load client computes HTTP Digest with csme-sim's MD5.
AMT_DIR := $(FWGATE)/tools/csme-sim/amt
$(BUILD)/vm-tests/amt_load: $(FWGATE)/tests/vm/amt_load.c $(VM_TEST_HDRS) \
		$(AMT_DIR)/md5.c $(AMT_DIR)/md5.h
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -I$(AMT_DIR) -o $@ $< $(AMT_DIR)/md5.c $(USER_LDLIBS)

-include $(wildcard $(FWGATE)/lib/*/build.mk $(FWGATE)/tools/*/build.mk $(FWGATE)/bench/build.mk)

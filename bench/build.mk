# SPDX-License-Identifier: GPL-2.0
BENCHES := $(BUILD)/bench/fwctl_bench $(BUILD)/bench/amt_bench \
	$(BUILD)/bench/mlx5_bench $(BUILD)/bench/amt_bulk
user-all: $(BENCHES)

$(BUILD)/bench/%: $(FWGATE)/bench/%.c $(VM_TEST_HDRS) $(FWGATE)/bench/kmod/fwgate_null.h
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -o $@ $< $(USER_LDLIBS) -lm

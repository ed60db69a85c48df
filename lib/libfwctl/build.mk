# SPDX-License-Identifier: GPL-2.0
# libfwctl: build/lib/libfwctl.so.1.0.0 (+ .so.1, .so links), libfwctl.a and
# libfwctl.pc. Included by scripts/user.mk.
LIBFWCTL_DIR := $(FWGATE)/lib/libfwctl
LIBFWCTL_VERSION := 1.0.0
LIBFWCTL_SOMAJOR := 1
LIBFWCTL_SRCS := $(wildcard $(LIBFWCTL_DIR)/*.c)
LIBFWCTL_OBJS := $(patsubst $(LIBFWCTL_DIR)/%.c,$(BUILD)/obj/libfwctl/%.o,$(LIBFWCTL_SRCS))
LIBFWCTL_HDRS := $(wildcard $(LIBFWCTL_DIR)/*.h) $(wildcard $(FWGATE)/include/uapi/fwctl/*.h) \
	$(FWGATE)/drivers/fwctl/sim/fwsim_catalogue.h
LIBFWCTL_SOFILE := $(BUILD)/lib/libfwctl.so.$(LIBFWCTL_VERSION)
LIBFWCTL_SO := $(BUILD)/lib/libfwctl.so
LIBFWCTL_A := $(BUILD)/lib/libfwctl.a
LIBFWCTL_PC := $(BUILD)/lib/pkgconfig/libfwctl.pc

PREFIX ?= /usr/local
LIBFWCTL_LIBDIR ?= $(PREFIX)/lib
LIBFWCTL_INCDIR ?= $(PREFIX)/include
LIBFWCTL_MANDIR ?= $(PREFIX)/share/man

.PHONY: libfwctl libfwctl-install
libfwctl: $(LIBFWCTL_SO) $(LIBFWCTL_A) $(LIBFWCTL_PC)
user-all: libfwctl
user-install: libfwctl-install

$(BUILD)/obj/libfwctl/%.o: $(LIBFWCTL_DIR)/%.c $(LIBFWCTL_HDRS)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -fPIC -c -o $@ $<

$(LIBFWCTL_SOFILE): $(LIBFWCTL_OBJS) $(LIBFWCTL_DIR)/libfwctl.map
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -shared -Wl,-soname,libfwctl.so.$(LIBFWCTL_SOMAJOR) \
		-Wl,--version-script=$(LIBFWCTL_DIR)/libfwctl.map -Wl,--no-undefined \
		-o $@ $(LIBFWCTL_OBJS)

$(LIBFWCTL_SO): $(LIBFWCTL_SOFILE)
	ln -sf libfwctl.so.$(LIBFWCTL_VERSION) $(BUILD)/lib/libfwctl.so.$(LIBFWCTL_SOMAJOR)
	ln -sf libfwctl.so.$(LIBFWCTL_SOMAJOR) $@

$(LIBFWCTL_A): $(LIBFWCTL_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(LIBFWCTL_OBJS)

$(LIBFWCTL_PC): $(LIBFWCTL_DIR)/libfwctl.pc.in $(LIBFWCTL_DIR)/build.mk $(wildcard $(FWGATE)/debian/changelog)
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBFWCTL_LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(LIBFWCTL_INCDIR)|' \
		-e 's|@VERSION@|$(shell sh $(FWGATE)/scripts/version.sh)|' $< > $@

# The in-VM tests that exercise the library link it statically.
# So do those that find mlx5 functions through tests/lib/mlx5dev.h.
LIBFWCTL_VM_TESTS := $(BUILD)/vm-tests/libfwctl_api $(BUILD)/vm-tests/fwctl_matrix \
	$(patsubst $(FWGATE)/tests/vm/%.c,$(BUILD)/vm-tests/%,$(wildcard $(FWGATE)/tests/vm/mlx5_*.c)) \
	$(BUILD)/vm-tests/fwctl_fuzz $(BUILD)/vm-tests/fwctl_stress $(BUILD)/bench/mlx5_bench
$(LIBFWCTL_VM_TESTS): $(LIBFWCTL_A)
$(LIBFWCTL_VM_TESTS): USER_LDLIBS += $(LIBFWCTL_A)

libfwctl-install: libfwctl
	install -d $(DESTDIR)$(LIBFWCTL_LIBDIR)/pkgconfig \
		$(DESTDIR)$(LIBFWCTL_INCDIR)/libfwctl/fwctl \
		$(DESTDIR)$(LIBFWCTL_MANDIR)/man3
	install -m 0755 $(LIBFWCTL_SOFILE) $(DESTDIR)$(LIBFWCTL_LIBDIR)/
	ln -sf libfwctl.so.$(LIBFWCTL_VERSION) $(DESTDIR)$(LIBFWCTL_LIBDIR)/libfwctl.so.$(LIBFWCTL_SOMAJOR)
	ln -sf libfwctl.so.$(LIBFWCTL_SOMAJOR) $(DESTDIR)$(LIBFWCTL_LIBDIR)/libfwctl.so
	install -m 0644 $(LIBFWCTL_A) $(DESTDIR)$(LIBFWCTL_LIBDIR)/
	install -m 0644 $(LIBFWCTL_PC) $(DESTDIR)$(LIBFWCTL_LIBDIR)/pkgconfig/
	install -m 0644 $(LIBFWCTL_DIR)/libfwctl.h $(DESTDIR)$(LIBFWCTL_INCDIR)/
	install -m 0644 $(wildcard $(FWGATE)/include/uapi/fwctl/*.h) \
		$(DESTDIR)$(LIBFWCTL_INCDIR)/libfwctl/fwctl/
	install -m 0644 $(FWGATE)/docs/man/libfwctl.3 $(DESTDIR)$(LIBFWCTL_MANDIR)/man3/

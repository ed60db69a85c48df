# SPDX-License-Identifier: GPL-2.0
#
# fwgate top-level Makefile.
#   make            kernel modules (Kbuild, against KDIR) and userspace
#   make modules    kernel modules only
#   make user       userspace libraries, tools, test and bench programs
#   make check      every test: userspace unit tests, then the VM suite
#   make demo       the demo, in the VM
#   make bench      the benchmarks, in the VM
#   make install    libfwctl, its header and pkg-config file, the fwctl tool
#   make clean

KVER ?= $(shell $(CURDIR)/scripts/kver.sh)
KDIR ?= /lib/modules/$(KVER)/build
FWGATE := $(CURDIR)
BUILD ?= $(CURDIR)/build
CC ?= gcc

export KDIR FWGATE BUILD

.PHONY: all modules user install check check-unit check-vm demo bench clean

all: modules user

modules:
	$(MAKE) -C $(KDIR) M=$(FWGATE) FWGATE=$(FWGATE) modules

user:
	$(MAKE) -f scripts/user.mk

install: user
	$(MAKE) -f scripts/user.mk user-install

check: all
	tests/run-all.sh

check-unit: user
	tests/run-unit.sh

check-vm: all
	tests/vm/run-vm.sh

demo: all
	scripts/demo.sh

bench: all
	bench/run.sh

clean:
	-$(MAKE) -C $(KDIR) M=$(FWGATE) FWGATE=$(FWGATE) clean
	rm -rf $(BUILD)

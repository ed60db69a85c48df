# SPDX-License-Identifier: GPL-2.0
#
# fwgate top-level Makefile.
#   make            kernel modules (Kbuild, against KDIR) and userspace
#   make modules    kernel modules only
#   make user       userspace libraries, tools, test and bench programs
#   make check      every test: userspace unit tests, then the VM suite
#   make demo       the demo, in the VM
#   make bench      the benchmarks, in the VM
#   make install    the modules (modules_install into updates/fwgate, depmod)
#                   and the userspace (libfwctl, its header, pkg-config file
#                   and man page, fwctl, csme-sim, the udev rule); honours
#                   DESTDIR and PREFIX (default /usr/local)
#   make install-modules / make install-user   one half of that
#   make deb        the Debian packages, into build/deb/ (see debian/)
#   make clean

KVER ?= $(shell $(CURDIR)/scripts/kver.sh)
KDIR ?= /lib/modules/$(KVER)/build
# The release of the kernel of KDIR (Debian's headers keep the upstream
# version in kernel.release): what modules_install and depmod use.
KREL = $(shell sed -n 's/.*UTS_RELEASE "\(.*\)"/\1/p' $(KDIR)/include/generated/utsrelease.h)
# The version's one home is debian/changelog (scripts/version.sh).
FWGATE_VERSION := $(shell sh $(CURDIR)/scripts/version.sh)
PREFIX ?= /usr/local
UDEVRULESDIR ?= /lib/udev/rules.d
DKMS_SRCDIR ?= /usr/src/fwgate-$(FWGATE_VERSION)
FWGATE := $(CURDIR)
BUILD ?= $(CURDIR)/build
CC ?= gcc

export KDIR FWGATE BUILD PREFIX

.PHONY: all modules user install install-modules install-user install-dkms-src deb check check-unit check-vm demo bench clean

all: modules user

modules:
	$(MAKE) -C $(KDIR) M=$(FWGATE) FWGATE=$(FWGATE) modules

user:
	$(MAKE) -f scripts/user.mk

install: install-modules install-user

# FWGATE_SHIP=y leaves out what is not shipped (the benchmark module). The
# modules are installed unsigned: the distribution kernel's signing key is
# not here (sign them with your MOK, or use the fwgate-dkms package, whose
# DKMS signs them; see docs/install.md).
install-modules:
	$(MAKE) -C $(KDIR) M=$(FWGATE) FWGATE=$(FWGATE) FWGATE_SHIP=y modules
	$(MAKE) -C $(KDIR) M=$(FWGATE) FWGATE=$(FWGATE) FWGATE_SHIP=y CONFIG_MODULE_SIG_ALL= \
		INSTALL_MOD_PATH=$(DESTDIR) INSTALL_MOD_DIR=updates/fwgate modules_install
	$(if $(DESTDIR),@echo "install-modules: staged in $(DESTDIR); run 'depmod $(KREL)' on the target",depmod $(KREL))

install-user: user
	$(MAKE) -f scripts/user.mk user-install
	install -d $(DESTDIR)$(UDEVRULESDIR)
	install -m 0644 tools/udev/60-fwctl.rules $(DESTDIR)$(UDEVRULESDIR)/

# The DKMS source tree: what Kbuild needs to build the shipped modules, and
# VERSION (from debian/changelog) in place of debian/. dkms.conf itself is
# debian/fwgate-dkms.dkms, installed by dh_dkms.
DKMS_SRC = Kbuild Makefile scripts/version.sh scripts/kver.sh \
	$(shell find include drivers -type f \( -name '*.[ch]' -o -name Kbuild -o -name Kbuild.inc \) \
		! -name '*.mod.c' | LC_ALL=C sort)
install-dkms-src:
	for f in $(DKMS_SRC); do \
		mode=0644; case $$f in *.sh) mode=0755 ;; esac; \
		install -D -m $$mode $$f $(DESTDIR)$(DKMS_SRCDIR)/$$f || exit 1; \
	done
	echo $(FWGATE_VERSION) > $(DESTDIR)$(DKMS_SRCDIR)/VERSION

deb:
	scripts/make-deb.sh

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

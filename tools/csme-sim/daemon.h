/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: the daemon (daemon.c): event loop, signals, command execution.
 */
#ifndef CSME_DAEMON_H
#define CSME_DAEMON_H

#include "sap_fw.h"

int csme_daemon_run(const struct csme_cfg *cfg);

#endif /* CSME_DAEMON_H */

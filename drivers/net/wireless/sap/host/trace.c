// SPDX-License-Identifier: GPL-2.0
/* Instantiates the sap_host tracepoints. */
#include "sap_wire.h"

#define CREATE_TRACE_POINTS
#include "trace.h"

// SPDX-License-Identifier: GPL-2.0
/* Instantiates the fwctl core's tracepoints (trace.h). */
#include <linux/module.h>

#define CREATE_TRACE_POINTS
#include "trace.h"

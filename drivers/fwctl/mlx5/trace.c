// SPDX-License-Identifier: GPL-2.0
/* Instantiates mlx5_fwctl's tracepoints (trace.h). */
#include <linux/module.h>

#define CREATE_TRACE_POINTS
#include "trace.h"

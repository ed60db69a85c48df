/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: log lines, the monotonic clock and address formatting (log.c).
 */
#ifndef CSME_LOG_H
#define CSME_LOG_H

#include <stddef.h>
#include <stdint.h>

extern int csme_log_quiet;
int csme_log_open(const char *path);
void csme_log_close(void);
void csme_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint64_t csme_now_ms(void);
void csme_fmt_mac(char *buf, size_t len, const uint8_t *mac);
int csme_parse_ipv4(const char *s, uint32_t *ip);
void csme_fmt_ipv4(char *buf, size_t len, uint32_t ip);

#endif /* CSME_LOG_H */

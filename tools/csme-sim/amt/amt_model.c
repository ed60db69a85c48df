// SPDX-License-Identifier: GPL-2.0
/* amt_model - the AMT state csme-sim presents (see amt_model.h). */
#include <stdio.h>
#include <string.h>

#include "amt_model.h"

static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void amt_model_init(struct amt_model *m, const char *password, uint64_t seed)
{
	uint64_t s = seed, r;
	int i;

	memset(m, 0, sizeof(*m));
	snprintf(m->password, sizeof(m->password), "%s",
		 password ? password : AMT_MODEL_PASSWORD);
	for (i = 0; i < 16; i += 8) {
		r = splitmix64(&s);
		memcpy(m->uuid + i, &r, 8);
	}
	m->uuid[6] = (uint8_t)((m->uuid[6] & 0x0f) | 0x40);	/* version 4 */
	m->uuid[8] = (uint8_t)((m->uuid[8] & 0x3f) | 0x80);	/* RFC 4122 variant */
	r = splitmix64(&s);
	snprintf(m->realm, sizeof(m->realm), "Digest:%016llX%016llX",
		 (unsigned long long)r, (unsigned long long)splitmix64(&s));
	snprintf(m->hostname, sizeof(m->hostname), "csme-sim");
	snprintf(m->domain, sizeof(m->domain), "fwgate.invalid");
	m->provisioning_state = 2;
	m->power_state = AMT_POWER_ON;
	m->sol_enabled = true;
	m->redir_listener = true;
}

bool amt_model_request_power(struct amt_model *m, int state)
{
	switch (state) {
	case AMT_POWER_ON:
	case AMT_POWER_OFF_SOFT:
	case AMT_POWER_OFF_HARD:
	case AMT_POWER_SLEEP_LIGHT:
	case AMT_POWER_SLEEP_DEEP:
	case AMT_POWER_HIBERNATE:
	case AMT_POWER_OFF_SOFT_GRACEFUL:
	case AMT_POWER_OFF_HARD_GRACEFUL:
		m->power_state = (enum amt_power_state)state;
		break;
	case AMT_POWER_CYCLE_SOFT:
	case AMT_POWER_CYCLE_HARD:
	case AMT_POWER_MASTER_BUS_RESET:
	case AMT_POWER_NMI:
	case AMT_POWER_RESET_GRACEFUL:
	case AMT_POWER_CYCLE_OFF_SOFT_GRACEFUL:
	case AMT_POWER_CYCLE_OFF_HARD_GRACEFUL:
		m->power_state = AMT_POWER_ON;	/* a cycle or reset ends powered on */
		break;
	default:
		return false;
	}
	m->last_power_request = state;
	m->power_changes++;
	return true;
}

static void console_append(struct amt_console *c, const char *text, size_t len)
{
	if (len >= sizeof(c->buf)) {
		text += len - sizeof(c->buf);
		len = sizeof(c->buf);
	}
	if (c->len + len > sizeof(c->buf)) {
		size_t drop = c->len + len - sizeof(c->buf);

		memmove(c->buf, c->buf + drop, c->len - drop);
		c->len -= drop;
	}
	memcpy(c->buf + c->len, text, len);
	c->len += len;
}

void amt_model_console_print(struct amt_model *m, const char *text, size_t len)
{
	console_append(&m->console_out, text, len);
}

size_t amt_model_console_take(struct amt_model *m, char *out, size_t max)
{
	struct amt_console *c = &m->console_out;
	size_t n = c->len < max ? c->len : max;

	memcpy(out, c->buf, n);
	memmove(c->buf, c->buf + n, c->len - n);
	c->len -= n;
	return n;
}

void amt_model_console_typed(struct amt_model *m, const char *text, size_t len)
{
	console_append(&m->console_in, text, len);
}

void amt_model_uuid_str(const struct amt_model *m, char out[37])
{
	const uint8_t *u = m->uuid;

	snprintf(out, 37,
		 "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		 u[10], u[11], u[12], u[13], u[14], u[15]);
}

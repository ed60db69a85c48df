// SPDX-License-Identifier: GPL-2.0
/*
 * http_pages - the AMT web UI pages csme-sim serves: logon, system status,
 * hardware (system), power and network, filled from struct amt_model.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "http_routes.h"

static void page_head(struct abuf *out, const char *title)
{
	abuf_puts(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
	abuf_put_xml(out, title, strlen(title));
	abuf_puts(out, "</title></head><body>\n<h1>Intel&reg; Active Management Technology</h1>\n"
		  "<p><a href=\"/index.htm\">System Status</a> | "
		  "<a href=\"/hw-sys.htm\">System</a> | <a href=\"/hw-pwr.htm\">Power</a> | "
		  "<a href=\"/ip.htm\">Network</a></p>\n<h2>");
	abuf_put_xml(out, title, strlen(title));
	abuf_puts(out, "</h2>\n<table>\n");
}

static void page_tail(struct abuf *out)
{
	abuf_puts(out, "</table>\n</body></html>\n");
}

/* One table row; @id names the value for scripts and tests. */
__attribute__((format(printf, 4, 5)))
static void row(struct abuf *out, const char *id, const char *label, const char *fmt, ...)
{
	char val[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(val, sizeof(val), fmt, ap);
	va_end(ap);
	abuf_printf(out, "<tr><th>%s</th><td id=\"%s\">", label, id);
	abuf_put_xml(out, val, strlen(val));
	abuf_puts(out, "</td></tr>\n");
}

const char *http_power_name(int state)
{
	switch (state) {
	case AMT_POWER_ON:
		return "On (S0)";
	case AMT_POWER_SLEEP_LIGHT:
		return "Sleep (S3)";
	case AMT_POWER_SLEEP_DEEP:
		return "Sleep - Deep (S4)";
	case AMT_POWER_HIBERNATE:
		return "Hibernate (S4)";
	case AMT_POWER_OFF_HARD:
		return "Off - Hard (G3)";
	case AMT_POWER_OFF_SOFT:
		return "Off - Soft (S5)";
	case AMT_POWER_OFF_SOFT_GRACEFUL:
		return "Off - Soft Graceful";
	case AMT_POWER_OFF_HARD_GRACEFUL:
		return "Off - Hard Graceful";
	case AMT_POWER_CYCLE_SOFT:
	case AMT_POWER_CYCLE_HARD:
	case AMT_POWER_CYCLE_OFF_SOFT_GRACEFUL:
	case AMT_POWER_CYCLE_OFF_HARD_GRACEFUL:
		return "Power Cycle";
	case AMT_POWER_MASTER_BUS_RESET:
	case AMT_POWER_RESET_GRACEFUL:
		return "Reset";
	case AMT_POWER_NMI:
		return "NMI";
	default:
		return "Unknown";
	}
}

static void ip_str(uint32_t ip, char out[16])
{
	snprintf(out, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255);
}

void http_page_logon(const struct amt_model *m, struct abuf *out)
{
	(void)m;
	abuf_puts(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
		  "<title>Intel&reg; Active Management Technology</title></head><body>\n"
		  "<h1>Intel&reg; Active Management Technology</h1>\n"
		  "<p>Log on to view and configure this computer's Intel AMT.</p>\n"
		  "<form method=\"get\" action=\"/index.htm\">"
		  "<input type=\"submit\" value=\"Log On...\"></form>\n</body></html>\n");
}

void http_page_index(const struct amt_model *m, struct abuf *out)
{
	char ip[16];

	page_head(out, "System Status");
	row(out, "power", "Power", "%s", http_power_name(m->power_state));
	row(out, "hostname", "Computer name", "%s", m->hostname);
	ip_str(m->ip, ip);
	row(out, "ip", "IP address", "%s", m->ip ? ip : "unknown");
	row(out, "amt-version", "Intel AMT version", "%s", AMT_MODEL_FW_VERSION);
	row(out, "provisioning", "Provisioning state", "%s",
	    m->provisioning_state == 2 ? "Provisioned" : "Not provisioned");
	page_tail(out);
}

void http_page_system(const struct amt_model *m, struct abuf *out)
{
	char uuid[37];

	amt_model_uuid_str(m, uuid);
	page_head(out, "Hardware Information: System");
	row(out, "uuid", "System ID (UUID)", "%s", uuid);
	row(out, "hostname", "Computer name", "%s", m->hostname);
	row(out, "domain", "Domain", "%s", m->domain);
	row(out, "amt-version", "Intel AMT version", "%s", AMT_MODEL_FW_VERSION);
	row(out, "amt-build", "Intel AMT build", "%s", AMT_MODEL_FW_BUILD);
	row(out, "realm", "Digest realm", "%s", m->realm);
	page_tail(out);
}

void http_page_power(const struct amt_model *m, struct abuf *out)
{
	static const int choices[] = {
		AMT_POWER_ON, AMT_POWER_OFF_SOFT, AMT_POWER_CYCLE_SOFT, AMT_POWER_RESET_GRACEFUL,
		AMT_POWER_OFF_HARD, AMT_POWER_CYCLE_HARD, AMT_POWER_MASTER_BUS_RESET,
	};
	size_t i;

	page_head(out, "Power");
	row(out, "power", "Power state", "%s", http_power_name(m->power_state));
	row(out, "power-state", "PowerState value", "%d", (int)m->power_state);
	row(out, "power-changes", "Power changes requested", "%u", m->power_changes);
	if (m->last_power_request)
		row(out, "power-last", "Last request", "%d (%s)", m->last_power_request,
		    http_power_name(m->last_power_request));
	else
		row(out, "power-last", "Last request", "none");
	abuf_puts(out, "</table>\n<form method=\"post\" action=\"/hw-pwr.htm\">"
		  "<select name=\"state\">");
	for (i = 0; i < sizeof(choices) / sizeof(choices[0]); i++)
		abuf_printf(out, "<option value=\"%d\">%s</option>", choices[i],
			    http_power_name(choices[i]));
	abuf_puts(out, "</select><input type=\"submit\" value=\"Send Command\"></form>\n"
		  "</body></html>\n");
}

int http_form_power(struct amt_model *m, const char *body, size_t len)
{
	const char *p = body, *end = body + len;
	long state = -1;

	/* application/x-www-form-urlencoded: find state=<digits> */
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		size_t flen = amp ? (size_t)(amp - p) : (size_t)(end - p);

		if (flen > 6 && flen < 10 && !memcmp(p, "state=", 6)) {
			size_t i;

			state = 0;
			for (i = 6; i < flen; i++) {
				if (p[i] < '0' || p[i] > '9')
					return 400;
				state = state * 10 + (p[i] - '0');
			}
		}
		p += flen + 1;
	}
	if (state < 0 || !amt_model_request_power(m, (int)state))
		return 400;
	return 303;
}

void http_page_network(const struct amt_model *m, struct abuf *out)
{
	const uint8_t *a = m->mac;
	char ip[16];

	page_head(out, "Network Settings");
	row(out, "nic-owner", "Wireless NIC owner", "%s",
	    m->nic_owned_by_host ? "Host OS" : "Intel AMT");
	row(out, "link", "Link", "%s", !m->link_known ? "unknown" : m->link_up ? "up" : "down");
	row(out, "ssid", "SSID", "%s", m->ssid[0] ? m->ssid : "none");
	row(out, "mac", "MAC address", "%02x:%02x:%02x:%02x:%02x:%02x",
	    a[0], a[1], a[2], a[3], a[4], a[5]);
	ip_str(m->ip, ip);
	row(out, "ip", "IP address", "%s", m->ip ? ip : "unknown");
	row(out, "dhcp", "DHCP", "%s", m->dhcp ? "enabled" : "disabled");
	page_tail(out);
}

void http_page_status(int status, const char *reason, struct abuf *out)
{
	abuf_printf(out, "<!DOCTYPE html>\n<html><head><title>%d %s</title></head>"
		    "<body><h1>%d %s</h1></body></html>\n", status, reason, status, reason);
}

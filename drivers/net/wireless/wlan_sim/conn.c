// SPDX-License-Identifier: GPL-2.0
/* wlan_sim: association profiles and other settings as text.
 *
 * A profile reads and writes as
 *   ssid=NAME bssid=XX:XX:XX:XX:XX:XX channel=N auth=A cipher=C
 * with keys in any order, each at most once; only ssid is required, the
 * others default to the module parameters (auth psk, cipher ccmp).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/bits.h>
#include <linux/etherdevice.h>
#include <linux/sysfs.h>

#include "wlan_sim.h"

#define WLSIM_MAC_STR_LEN	17	/* XX:XX:XX:XX:XX:XX */
#define WLSIM_CHANNEL_MAX	233	/* highest channel number in use (6 GHz) */

enum wlsim_conn_key {
	WLSIM_KEY_SSID,
	WLSIM_KEY_BSSID,
	WLSIM_KEY_CHANNEL,
	WLSIM_KEY_AUTH,
	WLSIM_KEY_CIPHER,
};

static const char * const wlsim_conn_keys[] = {
	[WLSIM_KEY_SSID] = "ssid",
	[WLSIM_KEY_BSSID] = "bssid",
	[WLSIM_KEY_CHANNEL] = "channel",
	[WLSIM_KEY_AUTH] = "auth",
	[WLSIM_KEY_CIPHER] = "cipher",
};

static const char * const wlsim_auth_names[] = {
	"open", "psk", "8021x", "sae",
};

static const u8 wlsim_auth_values[] = {
	SAP_MEI_AKM_OPEN, SAP_MEI_AKM_RSNA_PSK, SAP_MEI_AKM_RSNA,
	SAP_MEI_AKM_SAE,
};

static const char * const wlsim_cipher_names[] = {
	"none", "tkip", "ccmp", "gcmp", "gcmp256",
};

static const u8 wlsim_cipher_values[] = {
	SAP_MEI_CIPHER_NONE, SAP_MEI_CIPHER_TKIP, SAP_MEI_CIPHER_CCMP,
	SAP_MEI_CIPHER_GCMP, SAP_MEI_CIPHER_GCMP_256,
};

static_assert(ARRAY_SIZE(wlsim_auth_names) == ARRAY_SIZE(wlsim_auth_values));
static_assert(ARRAY_SIZE(wlsim_cipher_names) ==
	      ARRAY_SIZE(wlsim_cipher_values));

static const char *wlsim_value_name(const char * const *names,
				    const u8 *values, size_t n, u8 value)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (values[i] == value)
			return names[i];
	return "unknown";
}

static int wlsim_value_parse(const char * const *names, const u8 *values,
			     size_t n, const char *s, u8 *value)
{
	int i = match_string(names, n, s);

	if (i < 0)
		return -EINVAL;
	*value = values[i];
	return 0;
}

bool wlsim_ssid_valid(const u8 *ssid, size_t len)
{
	size_t i;

	if (!len || len > SAP_MEI_SSID_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!isgraph(ssid[i]))
			return false;
	return true;
}

bool wlsim_channel_valid(unsigned int channel)
{
	return channel >= 1 && channel <= WLSIM_CHANNEL_MAX;
}

bool wlsim_country_valid(const char *s, size_t len)
{
	return len == 2 && s[0] >= 'A' && s[0] <= 'Z' &&
	       s[1] >= 'A' && s[1] <= 'Z';
}

/**
 * wlsim_parse_mac() - parse a unicast MAC address
 * @s: exactly XX:XX:XX:XX:XX:XX
 * @mac: the result
 *
 * Return: 0, or -EINVAL if @s is malformed or not a valid unicast address.
 */
int wlsim_parse_mac(const char *s, u8 *mac)
{
	u8 tmp[ETH_ALEN];

	if (strlen(s) != WLSIM_MAC_STR_LEN || !mac_pton(s, tmp) ||
	    !is_valid_ether_addr(tmp))
		return -EINVAL;
	ether_addr_copy(mac, tmp);
	return 0;
}

static int wlsim_conn_set(struct wlsim_conn *conn, enum wlsim_conn_key key,
			  const char *val)
{
	unsigned int channel;
	size_t len;

	switch (key) {
	case WLSIM_KEY_SSID:
		len = strlen(val);
		if (!wlsim_ssid_valid((const u8 *)val, len))
			return -EINVAL;
		memcpy(conn->ssid, val, len);
		conn->ssid_len = len;
		return 0;
	case WLSIM_KEY_BSSID:
		return wlsim_parse_mac(val, conn->bssid);
	case WLSIM_KEY_CHANNEL:
		if (kstrtouint(val, 10, &channel) ||
		    !wlsim_channel_valid(channel))
			return -EINVAL;
		conn->channel = channel;
		return 0;
	case WLSIM_KEY_AUTH:
		return wlsim_value_parse(wlsim_auth_names, wlsim_auth_values,
					 ARRAY_SIZE(wlsim_auth_names), val,
					 &conn->auth);
	case WLSIM_KEY_CIPHER:
		return wlsim_value_parse(wlsim_cipher_names,
					 wlsim_cipher_values,
					 ARRAY_SIZE(wlsim_cipher_names), val,
					 &conn->cipher);
	}
	return -EINVAL;
}

/**
 * wlsim_conn_parse() - parse an association profile
 * @s: the text, modified
 * @def: defaults for the optional keys
 * @conn: the result
 *
 * Return: 0, or -EINVAL for an unknown, repeated or malformed key, a
 * missing ssid, an SSID longer than %SAP_MEI_SSID_MAX bytes or with
 * unprintable characters, a channel outside 1-233.
 */
int wlsim_conn_parse(char *s, const struct wlsim_conn *def,
		     struct wlsim_conn *conn)
{
	unsigned long seen = 0;
	char *tok, *val;
	int key, ret;

	*conn = *def;
	while ((tok = strsep(&s, " \t\n"))) {
		if (!*tok)
			continue;
		val = strchr(tok, '=');
		if (!val)
			return -EINVAL;
		*val++ = '\0';
		key = match_string(wlsim_conn_keys, ARRAY_SIZE(wlsim_conn_keys),
				   tok);
		if (key < 0 || (seen & BIT(key)))
			return -EINVAL;
		seen |= BIT(key);
		ret = wlsim_conn_set(conn, key, val);
		if (ret)
			return ret;
	}
	return seen & BIT(WLSIM_KEY_SSID) ? 0 : -EINVAL;
}

/**
 * wlsim_conn_print() - format a profile for sysfs, in the parsed syntax
 * @conn: the profile
 * @buf: sysfs page
 * @at: offset in @buf
 *
 * Return: bytes written.
 */
int wlsim_conn_print(const struct wlsim_conn *conn, char *buf, int at)
{
	return sysfs_emit_at(buf, at,
			     "ssid=%.*s bssid=%pM channel=%u auth=%s cipher=%s\n",
			     conn->ssid_len, conn->ssid, conn->bssid,
			     conn->channel,
			     wlsim_value_name(wlsim_auth_names,
					      wlsim_auth_values,
					      ARRAY_SIZE(wlsim_auth_names),
					      conn->auth),
			     wlsim_value_name(wlsim_cipher_names,
					      wlsim_cipher_values,
					      ARRAY_SIZE(wlsim_cipher_names),
					      conn->cipher));
}

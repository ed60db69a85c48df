// SPDX-License-Identifier: GPL-2.0
/* wlan_sim: controls and state of the NIC, attributes of wlan_sim.0.
 *
 * The driver core creates them after probe and removes them before
 * remove, so the NIC outlives every call here.
 */
#include <linux/device.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kstrtox.h>
#include <linux/cleanup.h>

#include "wlan_sim.h"

static const char * const wlsim_counter_names[WLSIM_NUM_COUNTERS] = {
	[WLSIM_CNT_AIR_TO_HOST]		= "air_to_host",
	[WLSIM_CNT_AIR_TO_CSME]		= "air_to_csme",
	[WLSIM_CNT_AIR_DROPPED]		= "air_dropped",
	[WLSIM_CNT_HOST_TO_AIR]		= "host_to_air",
	[WLSIM_CNT_HOST_DROPPED]	= "host_dropped",
	[WLSIM_CNT_CSME_TO_AIR]		= "csme_to_air",
	[WLSIM_CNT_CSME_DROPPED]	= "csme_dropped",
	[WLSIM_CNT_TX_OFFERED_TO_CSME] = "tx_offered_to_csme",
};

static struct wlsim_nic *wlsim_nic_of(struct device *dev)
{
	return dev_get_drvdata(dev);
}

static ssize_t hw_owner_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);

	return sysfs_emit(buf, "%s\n",
			  test_bit(WLSIM_CSME_OWNS, &nic->flags) ?
			  "csme" : "host");
}

/* "csme": the firmware seizes the hardware. The host gets it back only
 * through SAP, so "host" is refused.
 */
static ssize_t hw_owner_store(struct device *dev,
			      struct device_attribute *attr,
			      const char *buf, size_t count)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);

	if (sysfs_streq(buf, "host"))
		return -EPERM;
	if (!sysfs_streq(buf, "csme"))
		return -EINVAL;
	guard(mutex)(&nic->lock);
	wlsim_seize(nic);
	return count;
}
static DEVICE_ATTR_RW(hw_owner);

static ssize_t wlsim_rfkill_show(struct device *dev, char *buf,
				 enum wlsim_flag bit)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);

	return sysfs_emit(buf, "%d\n", test_bit(bit, &nic->flags));
}

static ssize_t wlsim_rfkill_store(struct device *dev, const char *buf,
				  size_t count, enum wlsim_flag bit)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);
	bool hw, sw, val;
	int ret;

	ret = kstrtobool(buf, &val);
	if (ret)
		return ret;
	guard(mutex)(&nic->lock);
	hw = test_bit(WLSIM_HW_RFKILL, &nic->flags);
	sw = test_bit(WLSIM_SW_RFKILL, &nic->flags);
	if (bit == WLSIM_HW_RFKILL)
		hw = val;
	else
		sw = val;
	wlsim_set_rfkill(nic, hw, sw);
	return count;
}

static ssize_t hw_rfkill_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	return wlsim_rfkill_show(dev, buf, WLSIM_HW_RFKILL);
}

static ssize_t hw_rfkill_store(struct device *dev,
			       struct device_attribute *attr,
			       const char *buf, size_t count)
{
	return wlsim_rfkill_store(dev, buf, count, WLSIM_HW_RFKILL);
}
static DEVICE_ATTR_RW(hw_rfkill);

static ssize_t sw_rfkill_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	return wlsim_rfkill_show(dev, buf, WLSIM_SW_RFKILL);
}

static ssize_t sw_rfkill_store(struct device *dev,
			       struct device_attribute *attr,
			       const char *buf, size_t count)
{
	return wlsim_rfkill_store(dev, buf, count, WLSIM_SW_RFKILL);
}
static DEVICE_ATTR_RW(sw_rfkill);

/* The association profile: the network the station is connected to
 * while the device runs, and reconnects to when it restarts.
 */
static ssize_t assoc_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);

	guard(mutex)(&nic->lock);
	if (!nic->conn_valid)
		return sysfs_emit(buf, "none\n");
	return wlsim_conn_print(&nic->conn, buf, 0);
}

static ssize_t assoc_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);
	struct wlsim_conn conn;
	int ret;

	if (sysfs_streq(buf, "none")) {
		guard(mutex)(&nic->lock);
		wlsim_set_conn(nic, NULL);
		return count;
	}

	char *s __free(kfree) = kstrndup(buf, count, GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	/* def_conn does not change after probe. */
	ret = wlsim_conn_parse(s, &nic->def_conn, &conn);
	if (ret)
		return ret;
	guard(mutex)(&nic->lock);
	wlsim_set_conn(nic, &conn);
	return count;
}
static DEVICE_ATTR_RW(assoc);

static ssize_t country_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);

	guard(mutex)(&nic->lock);
	return sysfs_emit(buf, "%s\n", nic->country);
}

static ssize_t country_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);
	size_t len = count;

	if (len && buf[len - 1] == '\n')
		len--;
	if (!wlsim_country_valid(buf, len))
		return -EINVAL;
	guard(mutex)(&nic->lock);
	nic->country[0] = buf[0];
	nic->country[1] = buf[1];
	sap_mei_set_country_code(wlsim_mcc(nic->country));
	return count;
}
static DEVICE_ATTR_RW(country);

/* Exactly WLSIM_POWER_LIMITS decimal numbers, each at most 65535. */
static ssize_t power_limit_store(struct device *dev,
				 struct device_attribute *attr,
				 const char *buf, size_t count)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);
	__le16 table[WLSIM_POWER_LIMITS];
	u16 val[WLSIM_POWER_LIMITS];
	unsigned int n = 0, i;
	char *tok, *p;
	int ret;

	char *s __free(kfree) = kstrndup(buf, count, GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	p = s;
	while ((tok = strsep(&p, " \t\n"))) {
		if (!*tok)
			continue;
		if (n == WLSIM_POWER_LIMITS)
			return -EINVAL;
		ret = kstrtou16(tok, 10, &val[n++]);
		if (ret)
			return ret;
	}
	if (n != WLSIM_POWER_LIMITS)
		return -EINVAL;

	for (i = 0; i < WLSIM_POWER_LIMITS; i++)
		table[i] = cpu_to_le16(val[i]);
	guard(mutex)(&nic->lock);
	memcpy(nic->power_limit, val, sizeof(val));
	sap_mei_set_power_limit(table);
	return count;
}
static DEVICE_ATTR_WO(power_limit);

/* Ask CSME for the NIC now. Once granted, the device restarts if the
 * interface is up and the device is not running.
 */
static ssize_t request_ownership_store(struct device *dev,
				       struct device_attribute *attr,
				       const char *buf, size_t count)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);
	int ret;

	/* Waits up to 500 ms for CSME; no lock is held meanwhile. */
	ret = sap_mei_get_ownership();

	rtnl_lock();
	scoped_guard(mutex, &nic->lock) {
		nic->last_own_err = ret;
		if (!ret)
			wlsim_host_gets_nic(nic);
	}
	rtnl_unlock();
	return ret ?: count;
}
static DEVICE_ATTR_WO(request_ownership);

/* The NVM as CSME reports it, which a driver reads when CSME owns the
 * NIC and it cannot load its own firmware (waits up to 2 s).
 */
static ssize_t nvm_show(struct device *dev, struct device_attribute *attr,
			char *buf)
{
	struct sap_mei_nvm *nvm __free(kfree) = sap_mei_get_nvm();

	if (!nvm)
		return -ENODATA;
	return sysfs_emit(buf,
			  "hw_addr %pM\nn_hw_addrs %u\nradio_cfg %#x\ncaps %#x\nnvm_version %u\n",
			  nvm->hw_addr, nvm->n_hw_addrs, nvm->radio_cfg, nvm->caps,
			  nvm->nvm_version);
}
static DEVICE_ATTR_RO(nvm);

/* A product reset of the NIC, as a driver does around a firmware load
 * that resets it: announce it (PLDR, CSME acknowledges), then report the
 * firmware alive (1) or failed (0) once it is back (PLDR_END).
 */
static ssize_t pldr_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	bool alive;
	int ret;

	ret = kstrtobool(buf, &alive);
	if (ret)
		return ret;
	ret = sap_mei_pldr_req();
	if (ret)
		return ret;
	sap_mei_alive_notif(alive);
	return count;
}
static DEVICE_ATTR_WO(pldr);

static int wlsim_emit_bool(char *buf, int at, const char *key,
			   unsigned long flags, enum wlsim_flag bit)
{
	return sysfs_emit_at(buf, at, "%s %d\n", key, !!(flags & BIT(bit)));
}

static ssize_t state_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct wlsim_nic *nic = wlsim_nic_of(dev);
	struct wlsim_reports rep;
	unsigned long flags;
	int at = 0, i;

	guard(mutex)(&nic->lock);
	scoped_guard(spinlock, &nic->cb_lock)
		rep = nic->rep;
	flags = READ_ONCE(nic->flags);

	at += sysfs_emit_at(buf, at, "owner %s\n",
			    flags & BIT(WLSIM_CSME_OWNS) ? "csme" : "host");
	at += sysfs_emit_at(buf, at, "device %s\n",
			    flags & BIT(WLSIM_STARTED) ? "started" : "stopped");
	at += wlsim_emit_bool(buf, at, "associated", flags, WLSIM_ASSOCIATED);
	at += sysfs_emit_at(buf, at, "carrier %d\n",
			    netif_carrier_ok(wlsim_host(nic)));
	at += wlsim_emit_bool(buf, at, "hw_rfkill", flags, WLSIM_HW_RFKILL);
	at += wlsim_emit_bool(buf, at, "sw_rfkill", flags, WLSIM_SW_RFKILL);
	at += wlsim_emit_bool(buf, at, "not_owner_rfkill", flags,
			      WLSIM_NOT_OWNER_RFKILL);
	at += sysfs_emit_at(buf, at, "lp_rfkill %d\n", rep.lp_rfkill);
	at += sysfs_emit_at(buf, at, "csme_link_prot %d\n",
			    rep.csme_link_prot);
	if (rep.csme_ssid_len)
		at += sysfs_emit_at(buf, at, "csme_ssid %*pE\n",
				    (int)rep.csme_ssid_len, rep.csme_ssid);
	else
		at += sysfs_emit_at(buf, at, "csme_ssid none\n");
	at += sysfs_emit_at(buf, at, "roaming_forbidden %d\n",
			    rep.roaming_forbidden);
	at += sysfs_emit_at(buf, at, "sap_connected_calls %u\n",
			    rep.sap_connected_calls);
	at += sysfs_emit_at(buf, at, "rfkill_calls %u\n", rep.rfkill_calls);
	at += sysfs_emit_at(buf, at, "seized %u\n", nic->seized);
	for (i = 0; i < WLSIM_NUM_COUNTERS; i++)
		at += sysfs_emit_at(buf, at, "%s %lld\n",
				    wlsim_counter_names[i],
				    atomic64_read(&nic->cnt[i]));
	at += sysfs_emit_at(buf, at, "last_ownership_error %d\n",
			    nic->last_own_err);
	return at;
}
static DEVICE_ATTR_RO(state);

static struct attribute *wlsim_attrs[] = {
	&dev_attr_hw_owner.attr,
	&dev_attr_hw_rfkill.attr,
	&dev_attr_sw_rfkill.attr,
	&dev_attr_assoc.attr,
	&dev_attr_country.attr,
	&dev_attr_power_limit.attr,
	&dev_attr_request_ownership.attr,
	&dev_attr_nvm.attr,
	&dev_attr_pldr.attr,
	&dev_attr_state.attr,
	NULL,
};

static const struct attribute_group wlsim_group = {
	.attrs = wlsim_attrs,
};

const struct attribute_group *wlsim_groups[] = {
	&wlsim_group,
	NULL,
};

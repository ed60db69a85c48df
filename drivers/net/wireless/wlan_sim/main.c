// SPDX-License-Identifier: GPL-2.0
/* wlan_sim: module, platform device and driver, power management.
 *
 * Loading the module creates the platform device wlan_sim.0; its probe
 * creates the network devices and registers with sap_host the way iwlwifi
 * does, its remove undoes that in the order iwlwifi uses.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/pm.h>
#include <linux/cleanup.h>

#include "wlan_sim.h"

static char *ssid = "fwgate-sim";
module_param(ssid, charp, 0444);
MODULE_PARM_DESC(ssid, "SSID to associate with (default fwgate-sim)");

static char *bssid = "02:00:00:00:5a:01";
module_param(bssid, charp, 0444);
MODULE_PARM_DESC(bssid, "BSSID of that AP (default 02:00:00:00:5a:01)");

static uint channel = 6;
module_param(channel, uint, 0444);
MODULE_PARM_DESC(channel, "channel of that AP, 1-233 (default 6)");

static char *country = "US";
module_param(country, charp, 0444);
MODULE_PARM_DESC(country, "regulatory country, two capitals (default US)");

#define WLSIM_DEFAULT_POWER_LIMIT	0x100

/* Module parameters, checked at load. */
static struct wlsim_conn wlsim_param_conn;

/* Why the probe made at load failed, for the module's init. */
static int wlsim_probe_err;

static struct platform_device *wlsim_pdev;

static int wlsim_check_params(void)
{
	struct wlsim_conn *conn = &wlsim_param_conn;
	size_t len = strlen(ssid);

	if (!wlsim_ssid_valid((const u8 *)ssid, len)) {
		pr_err("ssid must be 1-%d printable characters without spaces\n",
		       SAP_MEI_SSID_MAX);
		return -EINVAL;
	}
	memcpy(conn->ssid, ssid, len);
	conn->ssid_len = len;
	if (wlsim_parse_mac(bssid, conn->bssid)) {
		pr_err("bssid must be a unicast address XX:XX:XX:XX:XX:XX\n");
		return -EINVAL;
	}
	if (!wlsim_channel_valid(channel)) {
		pr_err("channel must be 1-233\n");
		return -EINVAL;
	}
	conn->channel = channel;
	conn->auth = SAP_MEI_AKM_RSNA_PSK;
	conn->cipher = SAP_MEI_CIPHER_CCMP;
	if (!wlsim_country_valid(country, strlen(country))) {
		pr_err("country must be two upper-case letters\n");
		return -EINVAL;
	}
	return 0;
}

/* Report the NIC's configuration to sap_host, as iwlwifi does once its
 * netdev exists.
 */
static void wlsim_report_config(struct wlsim_nic *nic)
{
	struct net_device *host = wlsim_host(nic);
	__le16 table[WLSIM_POWER_LIMITS];
	int i;

	for (i = 0; i < WLSIM_POWER_LIMITS; i++)
		table[i] = cpu_to_le16(nic->power_limit[i]);

	rtnl_lock();
	scoped_guard(mutex, &nic->lock) {
		sap_mei_set_netdev(host);
		sap_mei_set_nic_info(host->dev_addr, nic->nvm_addr);
		sap_mei_set_country_code(wlsim_mcc(nic->country));
		sap_mei_set_power_limit(table);
		sap_mei_set_rfkill_state(test_bit(WLSIM_HW_RFKILL, &nic->flags),
					 test_bit(WLSIM_SW_RFKILL, &nic->flags));
	}
	rtnl_unlock();
}

static void wlsim_resume_work(struct work_struct *work)
{
	struct wlsim_nic *nic = container_of(work, struct wlsim_nic,
					     resume_work);

	rtnl_lock();
	scoped_guard(mutex, &nic->lock) {
		clear_bit(WLSIM_SUSPENDED, &nic->flags);
		/* A failure is kept in last_own_err; the device then waits
		 * for CSME to hand the NIC over (rfkill unblock).
		 */
		if (netif_running(wlsim_host(nic)) &&
		    !test_bit(WLSIM_STARTED, &nic->flags))
			wlsim_bring_up(nic);
	}
	rtnl_unlock();
}

static int wlsim_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct wlsim_nic *nic;
	int i, ret;

	nic = devm_kzalloc(dev, sizeof(*nic), GFP_KERNEL);
	if (!nic)
		return -ENOMEM;
	nic->pdev = pdev;
	mutex_init(&nic->lock);
	spin_lock_init(&nic->cb_lock);
	nic->def_conn = wlsim_param_conn;
	nic->conn = wlsim_param_conn;
	nic->conn_valid = true;
	nic->country[0] = country[0];
	nic->country[1] = country[1];
	for (i = 0; i < WLSIM_POWER_LIMITS; i++)
		nic->power_limit[i] = WLSIM_DEFAULT_POWER_LIMIT;
	for (i = 0; i < WLSIM_NUM_COUNTERS; i++)
		atomic64_set(&nic->cnt[i], 0);
	wlsim_sap_init(nic);
	INIT_WORK(&nic->resume_work, wlsim_resume_work);

	nic->wq = alloc_ordered_workqueue("%s", 0, WLSIM_DRV_NAME);
	if (!nic->wq)
		return -ENOMEM;

	ret = wlsim_ports_create(nic);
	if (ret)
		goto err_wq;

	ret = sap_mei_register(nic, &wlsim_sap_ops);
	if (ret) {
		if (ret == -EBUSY)
			dev_err(dev, "sap_host already serves another WLAN driver\n");
		else
			dev_err(dev, "cannot register with sap_host: %d\n", ret);
		goto err_ports;
	}
	wlsim_report_config(nic);
	platform_set_drvdata(pdev, nic);
	return 0;

err_ports:
	wlsim_ports_destroy(nic);
err_wq:
	destroy_workqueue(nic->wq);
	wlsim_probe_err = ret;
	return ret;
}

static void wlsim_remove(struct platform_device *pdev)
{
	struct wlsim_nic *nic = platform_get_drvdata(pdev);

	rtnl_lock();
	sap_mei_set_netdev(NULL);
	rtnl_unlock();
	sap_mei_start_unregister();
	/* No callback from here on, so nothing queues work any more. */
	wlsim_sap_cancel(nic);
	cancel_work_sync(&nic->resume_work);
	destroy_workqueue(nic->wq);
	wlsim_ports_destroy(nic);
	sap_mei_unregister_complete();
}

/* Stop the device before the system sleeps; the transport's own suspend
 * then finds it down and does not have to steal the NIC.
 */
static int wlsim_suspend(struct device *dev)
{
	struct wlsim_nic *nic = dev_get_drvdata(dev);

	cancel_work_sync(&nic->resume_work);
	rtnl_lock();
	scoped_guard(mutex, &nic->lock) {
		set_bit(WLSIM_SUSPENDED, &nic->flags);
		if (netif_running(wlsim_host(nic)))
			wlsim_stop(nic);
	}
	rtnl_unlock();
	return 0;
}

/* Asking CSME for the NIC may take 500 ms: leave it to a work item. */
static int wlsim_resume(struct device *dev)
{
	struct wlsim_nic *nic = dev_get_drvdata(dev);

	queue_work(nic->wq, &nic->resume_work);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(wlsim_pm_ops, wlsim_suspend, wlsim_resume);

static struct platform_driver wlsim_driver = {
	.driver = {
		.name = WLSIM_DRV_NAME,
		.dev_groups = wlsim_groups,
		.pm = pm_sleep_ptr(&wlsim_pm_ops),
		/* The module's init checks the result of the probe. */
		.probe_type = PROBE_FORCE_SYNCHRONOUS,
	},
	.probe = wlsim_probe,
	.remove_new = wlsim_remove,
};

static int __init wlsim_init(void)
{
	int ret;

	ret = wlsim_check_params();
	if (ret)
		return ret;
	ret = platform_driver_register(&wlsim_driver);
	if (ret)
		return ret;
	wlsim_pdev = platform_device_register_simple(WLSIM_DRV_NAME, 0,
						     NULL, 0);
	if (IS_ERR(wlsim_pdev)) {
		ret = PTR_ERR(wlsim_pdev);
		goto err_driver;
	}
	if (!platform_get_drvdata(wlsim_pdev)) {
		ret = wlsim_probe_err ?: -ENODEV;
		goto err_device;
	}
	return 0;

err_device:
	platform_device_unregister(wlsim_pdev);
err_driver:
	platform_driver_unregister(&wlsim_driver);
	return ret;
}

static void __exit wlsim_exit(void)
{
	platform_device_unregister(wlsim_pdev);
	platform_driver_unregister(&wlsim_driver);
}

module_init(wlsim_init);
module_exit(wlsim_exit);

MODULE_DESCRIPTION("Simulated WLAN NIC shared with CSME through sap_host");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);

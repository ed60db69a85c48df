// SPDX-License-Identifier: GPL-2.0
/* sap_mei_cl: sap_host transport over the MEI client bus.
 *
 * Binds to the CSME WLAN/SAP client and maps the sap_transport operations
 * onto the mei_cldev_* calls: the shared area is the client's DMA buffer,
 * ME-level messages are MEI client messages, and the bus's receive callback
 * (a work item, so process context, one at a time) feeds sap_host_rx().
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/mei_cl_bus.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uuid.h>

#include "sap_transport.h"
#include "sap_wire.h"

/**
 * struct sap_mei_cl - one bound MEI client
 * @t: the transport handed to sap_host
 * @cldev: the bus device
 */
struct sap_mei_cl {
	struct sap_transport t;
	struct mei_cl_device *cldev;
};

static struct mei_cl_device *sap_mei_cl_dev(struct sap_transport *t)
{
	return container_of(t, struct sap_mei_cl, t)->cldev;
}

static void sap_mei_cl_rx(struct mei_cl_device *cldev)
{
	struct sap_mei_cl *mcl = mei_cldev_get_drvdata(cldev);
	u8 buf[SAP_TRANSPORT_MSG_MAX];
	ssize_t n;

	/* The bus calls us once a read has completed, so there is data
	 * waiting; do not block if there is not.
	 */
	n = mei_cldev_recv_nonblock(cldev, buf, sizeof(buf));
	if (n == -EAGAIN || n == 0)
		return;
	if (n < 0) {
		dev_err_ratelimited(&cldev->dev, "receive failed: %zd\n", n);
		return;
	}
	sap_host_rx(&mcl->t, buf, n);
}

static void *sap_mei_cl_dma_map(struct sap_transport *t, size_t size)
{
	return mei_cldev_dma_map(sap_mei_cl_dev(t), SAP_MEI_DMA_BUF_ID_WLAN,
				 size);
}

static void sap_mei_cl_dma_unmap(struct sap_transport *t)
{
	int ret = mei_cldev_dma_unmap(sap_mei_cl_dev(t));

	if (ret)
		dev_warn(t->dev, "DMA unmap failed: %d\n", ret);
}

static int sap_mei_cl_enable(struct sap_transport *t)
{
	struct mei_cl_device *cldev = sap_mei_cl_dev(t);
	int ret;

	ret = mei_cldev_enable(cldev);
	if (ret)
		return ret;
	ret = mei_cldev_register_rx_cb(cldev, sap_mei_cl_rx);
	if (ret) {
		mei_cldev_disable(cldev);
		return ret;
	}
	return 0;
}

static void sap_mei_cl_disable(struct sap_transport *t)
{
	/* Also waits for a receive callback in flight and unregisters it. */
	int ret = mei_cldev_disable(sap_mei_cl_dev(t));

	if (ret)
		dev_dbg(t->dev, "disable failed: %d\n", ret);
}

static int sap_mei_cl_send(struct sap_transport *t, const void *buf,
			   size_t len)
{
	ssize_t ret = mei_cldev_send(sap_mei_cl_dev(t), buf, len);

	if (ret < 0)
		return ret;
	if ((size_t)ret != len)
		return -EIO;
	return 0;
}

static const struct sap_transport_ops sap_mei_cl_ops = {
	.dma_map = sap_mei_cl_dma_map,
	.dma_unmap = sap_mei_cl_dma_unmap,
	.enable = sap_mei_cl_enable,
	.disable = sap_mei_cl_disable,
	.send = sap_mei_cl_send,
};

static int sap_mei_cl_probe(struct mei_cl_device *cldev,
			    const struct mei_cl_device_id *id)
{
	struct sap_mei_cl *mcl;
	int ret;

	mcl = kzalloc(sizeof(*mcl), GFP_KERNEL);
	if (!mcl)
		return -ENOMEM;
	mcl->cldev = cldev;
	mcl->t.ops = &sap_mei_cl_ops;
	mcl->t.dev = &cldev->dev;
	mcl->t.name = "mei";
	mei_cldev_set_drvdata(cldev, mcl);

	ret = sap_host_probe(&mcl->t);
	if (ret) {
		mei_cldev_set_drvdata(cldev, NULL);
		kfree(mcl);
		return ret;
	}
	return 0;
}

static void sap_mei_cl_remove(struct mei_cl_device *cldev)
{
	struct sap_mei_cl *mcl = mei_cldev_get_drvdata(cldev);

	sap_host_remove(&mcl->t);
	mei_cldev_set_drvdata(cldev, NULL);
	kfree(mcl);
}

/* 13280904-7792-4fcb-a1aa-5e70cbb1e865, SAP_MEI_UUID_BYTES in sap_wire.h */
#define SAP_MEI_CL_UUID UUID_LE(0x13280904, 0x7792, 0x4fcb, 0xa1, 0xaa, \
				0x5e, 0x70, 0xcb, 0xb1, 0xe8, 0x65)

static const struct mei_cl_device_id sap_mei_cl_tbl[] = {
	{ .uuid = SAP_MEI_CL_UUID, .version = MEI_CL_VERSION_ANY },
	{ }
};

/* Deliberately no MODULE_DEVICE_TABLE(), as in iwlmei: udev must not load
 * this module on every machine whose CSME has the WLAN client. Once SAP is
 * up CSME refuses the NIC to a WLAN driver that does not speak it, so only
 * a SAP-aware driver's set-up loads this transport. sap_host opens no
 * session without such a driver either way (see sap_host_probe()).
 */
static struct mei_cl_driver sap_mei_cl_driver = {
	.name = "sap_mei_cl",
	.id_table = sap_mei_cl_tbl,
	.probe = sap_mei_cl_probe,
	.remove = sap_mei_cl_remove,
};
module_mei_cl_driver(sap_mei_cl_driver);

MODULE_DESCRIPTION("sap_host transport over the Intel MEI client bus");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);

// SPDX-License-Identifier: GPL-2.0
/*
 * Data path of the simulated CSME.
 *
 *  - H2M DATA_PACKET (a frame the host's filters sent to CSME) goes to
 *    amt_net; CB_DATA_PACKET (copy of the host's DHCP request) teaches
 *    amt_net our IPv4 address unless --ip fixed it.
 *  - amt_net's replies leave through the M2H data ring while the host owns
 *    the NIC, through CSME's own radio port (IFNAME"me", AF_PACKET) while
 *    CSME owns it.
 *  - Frames received on that port go to amt_net as well.
 *
 * Also here: CSME's filter set, and the NIC's sysfs (hw_owner) used to
 * seize the hardware.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "data.h"
#include "log.h"

#ifndef PACKET_IGNORE_OUTGOING
#define PACKET_IGNORE_OUTGOING 23
#endif

#define PORT_RETRY_MS		500
#define PORT_RX_BUDGET		64

/* ---- filters ------------------------------------------------------------- */

/**
 * csme_build_filters() - what CSME asks the host to forward
 * @fw: firmware
 * @f: result
 *
 * TCP 16992 (HTTP) and 16993 (HTTPS) to our IPv4 address go to CSME only,
 * and every other port amt_net has a service on (redirection, the bulk
 * test port when it is enabled);
 * ARP requests for it go to both (the host shares the address and answers
 * too). With the address still unknown (0) the host matches any address;
 * amt_net drops everything until it knows it.
 */
void csme_build_filters(const struct csme_fw *fw, struct sap_filters *f)
{
	unsigned int i, n = 2;

	memset(f, 0, sizeof(*f));
	f->flex[0].dst_port = AMT_NET_PORT_HTTP;
	f->flex[0].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_TCP | SAP_FLEX_FILTER_IPV4;
	f->flex[1].dst_port = AMT_NET_PORT_HTTPS;
	f->flex[1].flags = SAP_FLEX_FILTER_ENABLED | SAP_FLEX_FILTER_TCP | SAP_FLEX_FILTER_IPV4;
	for (i = 0; i < AMT_NET_MAX_LISTEN && n < SAP_MAX_FLEX_FILTERS; i++) {
		uint16_t port = fw->net->listen[i].port;

		if (!port || port == AMT_NET_PORT_HTTP || port == AMT_NET_PORT_HTTPS)
			continue;
		f->flex[n].dst_port = port;
		f->flex[n++].flags = f->flex[1].flags;
	}
	f->ipv4_addr = fw->net->ip;
	f->ipv4_flags = SAP_IPV4_FILTER_ARP_REQ_PASS | SAP_IPV4_FILTER_ARP_REQ_COPY;
}

int csme_send_filters(struct csme_fw *fw)
{
	struct sap_filters f;
	int len, r;

	csme_build_filters(fw, &f);
	len = sap_msg_enc_filters(fw->txbuf, sizeof(fw->txbuf), fw->sap_seq++, &f);
	r = csme_fw_send_notif(fw, fw->txbuf, len);
	if (!r)
		fw->cnt[CSME_C_FILTERS_SENT]++;
	return r;
}

/* ---- SAP side -------------------------------------------------------------- */

static void data_learn(struct csme_fw *fw, const uint8_t *frame, uint32_t len)
{
	uint32_t old = fw->net->ip;
	char ip[20];

	if (fw->cfg.ip)
		return;		/* fixed by --ip */
	if (amt_net_learn_dhcp(fw->net, frame, len) != 1 || fw->net->ip == old)
		return;
	fw->cnt[CSME_C_DHCP_LEARNED]++;
	csme_fw_sync_model(fw);
	if (fw->net->ip) {
		csme_fmt_ipv4(ip, sizeof(ip), fw->net->ip);
		csme_log("learned the AMT address %s from the host's DHCP request", ip);
	} else {
		csme_log("the host released the AMT address");
	}
	/* the filters carry the address */
	if (csme_fw_session_up(fw))
		csme_send_filters(fw);
}

/**
 * csme_data_rx() - one validated message from H2M DATA
 * @fw: firmware
 * @m: the decoded message (its frame points into @fw->rxbuf)
 */
void csme_data_rx(struct csme_fw *fw, const struct sap_msg *m)
{
	fw->last_data_ms = fw->now_ms;
	if (m->type == SAP_MSG_DATA_PACKET) {
		/* the host forwards frames as they crossed the air */
		if (m->u.data.frame_len > SAP_ETH_FRAME_MAX) {
			csme_fw_nonconform(fw, "DATA_PACKET longer than an Ethernet frame");
			return;
		}
		fw->cnt[CSME_C_DATA_IN]++;
		amt_net_input(fw->net, m->u.data.frame, m->u.data.frame_len);
	} else if (m->type == SAP_MSG_CB_DATA_PACKET) {
		fw->cnt[CSME_C_CB_DATA_IN]++;
		data_learn(fw, m->u.data.frame, m->u.data.frame_len);
	}
}

/**
 * csme_net_tx() - amt_net's transmit callback
 * @ctx: the firmware
 * @frame: Ethernet frame, valid during the call only
 * @len: its length
 */
static void csme_net_tx(void *ctx, const uint8_t *frame, size_t len)
{
	struct csme_fw *fw = ctx;
	uint8_t hdr[sizeof(struct sap_hdr)];
	enum sap_reason r;
	int n;

	fw->last_data_ms = fw->now_ms;
	if (fw->owner == CSME_OWNER_CSME) {
		if (fw->ops && fw->ops->port_send &&
		    !fw->ops->port_send(fw->ops_ctx, frame, len))
			fw->cnt[CSME_C_ME_PORT_OUT]++;
		else
			fw->cnt[CSME_C_ME_PORT_DROP]++;
		return;
	}
	if (!csme_fw_session_up(fw) || len > 0xffff) {
		fw->cnt[CSME_C_DATA_OUT_DROP]++;
		return;
	}
	n = sap_msg_enc_data_hdr(hdr, sizeof(hdr), fw->sap_seq++, (uint32_t)len);
	if (n < 0) {
		fw->cnt[CSME_C_DATA_OUT_DROP]++;
		return;
	}
	r = sap_ring_write(&fw->m2h[SAP_QUEUE_DATA], hdr, (uint32_t)n, frame, (uint32_t)len);
	if (r) {
		fw->cnt[CSME_C_DATA_OUT_DROP]++;
		if (fw->cnt[CSME_C_DATA_OUT_DROP] <= 10)
			csme_log("frame for the host dropped: %s", sap_reason_str(r));
		return;
	}
	fw->cnt[CSME_C_DATA_OUT]++;
	csme_fw_count_tx(fw, SAP_MSG_DATA_PACKET);
	fw->csa_pending = true;
}

/**
 * csme_net_room() - amt_net's transmit room callback
 * @ctx: the firmware
 *
 * Return: the largest frame the M2H data ring takes now (a writer keeps
 * one byte free and each frame has a SAP header), or unlimited while CSME
 * owns the NIC (its own port) or no session is up (frames are dropped and
 * counted then, as before).
 */
static size_t csme_net_room(void *ctx)
{
	struct csme_fw *fw = ctx;
	struct sap_ring *r = &fw->m2h[SAP_QUEUE_DATA];
	u32 used;

	if (fw->owner == CSME_OWNER_CSME || !csme_fw_session_up(fw) ||
	    sap_ring_pending(r, &used) != SAP_OK)
		return SIZE_MAX;
	if (used + sizeof(struct sap_hdr) + 1 >= r->size)
		return 0;
	return r->size - used - sizeof(struct sap_hdr) - 1;
}

/**
 * csme_net_push() - amt_net's push callback
 * @ctx: the firmware
 *
 * Rings the doorbell now for what was written to the M2H rings, in the
 * middle of a drain: the host sends an ACK on while CSME reads on.
 */
static void csme_net_push(void *ctx)
{
	csme_fw_flush(ctx);
}

/**
 * csme_data_net_init() - initialise AMT's network stack on this firmware
 * @fw: firmware whose rings carry the frames
 * @net: the stack (fully overwritten)
 * @isn_seed: seeds its ISN generator
 *
 * Its frames go out through the M2H data ring (or CSME's own port), it
 * holds data segments back while the ring has no room, and it pushes an
 * ACK out in the middle of a drain when its peer waits for one.
 */
void csme_data_net_init(struct csme_fw *fw, struct amt_net *net, uint64_t isn_seed)
{
	amt_net_init(net, csme_net_tx, fw, isn_seed);
	net->tx_room = csme_net_room;
	net->tx_push = csme_net_push;
}

/**
 * csme_data_tx_retry() - send what waited for room in the M2H data ring
 * @fw: firmware
 *
 * For the firmware's look at the rings between ticks: once the host has
 * read enough of the ring for the segment that found it full, amt_net
 * sends on at once rather than at the next tick or ACK.
 */
void csme_data_tx_retry(struct csme_fw *fw)
{
	if (fw->net->tx_wait_room && csme_net_room(fw) >= fw->net->tx_wait_room)
		amt_net_tx_retry(fw->net);
}

void csme_port_rx(struct csme_fw *fw, const uint8_t *frame, size_t len)
{
	fw->cnt[CSME_C_ME_PORT_IN]++;
	fw->last_data_ms = fw->now_ms;
	amt_net_input(fw->net, frame, len);
}

/* ---- CSME's own radio port ------------------------------------------------- */

void csme_port_init(struct csme_port *p, const char *nic_ifname)
{
	p->fd = -1;
	p->ifindex = 0;
	p->next_try_ms = 0;
	snprintf(p->ifname, sizeof(p->ifname), "%sme", nic_ifname);
}

void csme_port_close(struct csme_port *p)
{
	if (p->fd >= 0) {
		close(p->fd);
		csme_log("me port %s closed", p->ifname);
	}
	p->fd = -1;
	p->ifindex = 0;
}

/*
 * Open the port when its interface exists (wlan_sim may be loaded after us,
 * or reloaded: a changed ifindex reopens it). Called from the loop; checks
 * at most every PORT_RETRY_MS.
 */
void csme_port_try_open(struct csme_port *p, uint64_t now)
{
	struct sockaddr_ll sll;
	unsigned int idx;
	int fd, one = 1;

	if (now < p->next_try_ms)
		return;
	p->next_try_ms = now + PORT_RETRY_MS;
	idx = if_nametoindex(p->ifname);
	if (p->fd >= 0) {
		if (idx == (unsigned int)p->ifindex)
			return;
		csme_port_close(p);
	}
	if (!idx)
		return;
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));
	if (fd < 0)
		return;
	/* our own transmissions are not input (older kernels: see port_read) */
	setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof(one));
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)idx;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		close(fd);
		return;
	}
	p->fd = fd;
	p->ifindex = (int)idx;
	csme_log("me port %s open (ifindex %u)", p->ifname, idx);
}

void csme_port_read(struct csme_port *p, struct csme_fw *fw)
{
	struct sockaddr_ll from;
	socklen_t flen;
	ssize_t n;
	int i;

	for (i = 0; i < PORT_RX_BUDGET && p->fd >= 0; i++) {
		flen = sizeof(from);
		n = recvfrom(p->fd, p->buf, sizeof(p->buf), MSG_DONTWAIT,
			     (struct sockaddr *)&from, &flen);
		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR || errno == ENETDOWN)
				return;
			csme_log("me port %s: %s", p->ifname, strerror(errno));
			csme_port_close(p);
			return;
		}
		if (flen >= sizeof(from) && from.sll_pkttype == PACKET_OUTGOING)
			continue;
		csme_port_rx(fw, p->buf, (size_t)n);
	}
}

int csme_port_send(struct csme_port *p, const void *frame, size_t len)
{
	struct sockaddr_ll to;

	if (p->fd < 0)
		return -ENOTCONN;
	if (len < ETH_HLEN)
		return -EINVAL;
	memset(&to, 0, sizeof(to));
	to.sll_family = AF_PACKET;
	to.sll_ifindex = p->ifindex;
	to.sll_halen = ETH_ALEN;
	memcpy(to.sll_addr, frame, ETH_ALEN);
	if (sendto(p->fd, frame, len, MSG_DONTWAIT, (struct sockaddr *)&to, sizeof(to)) < 0)
		return -errno;
	return 0;
}

/* ---- the NIC's sysfs ---------------------------------------------------------- */

static void nic_attr_path(char *buf, size_t len, const char *nic_ifname, const char *attr)
{
	snprintf(buf, len, "/sys/class/net/%s/device/%s", nic_ifname, attr);
}

/**
 * csme_nic_seize() - the firmware takes the hardware: hw_owner = csme
 * @nic_ifname: the host's interface
 *
 * Return: 0, -ENODEV if the NIC has no hw_owner attribute, or -errno.
 */
int csme_nic_seize(const char *nic_ifname)
{
	char path[128];
	ssize_t n;
	int fd, err;

	nic_attr_path(path, sizeof(path), nic_ifname, "hw_owner");
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -ENODEV : -errno;
	n = write(fd, "csme", 4);
	err = n == 4 ? 0 : n < 0 ? -errno : -EIO;
	close(fd);
	return err;
}

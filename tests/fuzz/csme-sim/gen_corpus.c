// SPDX-License-Identifier: GPL-2.0
/*
 * Seed programs for fuzz_h2m (format in fuzz_h2m.c): a normal session, the
 * ownership flows, the data path with a DHCP copy, a reset, garbage.
 *
 *   gen_corpus DIR      writes DIR/seed-*.bin
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "daemon.h"
#include "data.h"
#include "hostile.h"
#include "log.h"
#include "print.h"
#include "sap_fw.h"
#include "status.h"
#include "transport.h"

struct prog {
	uint8_t b[4096];
	size_t n;
};

static void p8(struct prog *p, uint32_t v)
{
	if (p->n < sizeof(p->b))
		p->b[p->n++] = (uint8_t)v;
}

static void p16(struct prog *p, uint32_t v)
{
	p8(p, v >> 8);
	p8(p, v);
}

static void p32(struct prog *p, uint32_t v)
{
	p16(p, v >> 16);
	p16(p, v);
}

static void pbytes(struct prog *p, const void *d, size_t n)
{
	const uint8_t *s = d;

	while (n--)
		p8(p, *s++);
}

/* op 1/2: a well framed message, then a doorbell */
static void msg(struct prog *p, int data, uint16_t type, const void *pl, uint16_t n)
{
	p8(p, data ? 2 : 1);
	p16(p, type);
	p16(p, n);
	pbytes(p, pl, n);
	p8(p, 1);
}

static void empty(struct prog *p, uint16_t type)
{
	msg(p, 0, type, NULL, 0);
}

static void dw(struct prog *p, uint16_t type, uint32_t v)
{
	uint8_t le[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };

	msg(p, 0, type, le, 4);
}

static void tick(struct prog *p, uint16_t ms)
{
	p8(p, 6);
	p16(p, ms);
}

static void cmd(struct prog *p, uint8_t sel, uint8_t arg)
{
	p8(p, 7);
	p8(p, sel);
	p8(p, arg);
}

static void check(struct prog *p)
{
	p8(p, 12);
}

static int save(const char *dir, const char *name, const struct prog *p)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(p->b, 1, p->n, f) != p->n) {
		perror(path);
		return 1;
	}
	return fclose(f) ? 1 : 0;
}

static size_t dhcp_frame(uint8_t *f)
{
	static const uint8_t mac[6] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
	size_t opt = 42 + 236, len = opt + 14, i;
	uint32_t s = 0;

	memset(f, 0, len);
	memset(f, 0xff, 6);
	memcpy(f + 6, mac, 6);
	f[12] = 0x08;
	f[14] = 0x45;
	f[16] = (uint8_t)((len - 14) >> 8);
	f[17] = (uint8_t)(len - 14);
	f[22] = 64;
	f[23] = 17;
	memset(f + 30, 0xff, 4);
	for (i = 14; i < 34; i += 2)
		s += (uint32_t)(f[i] << 8 | f[i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	f[24] = (uint8_t)(~s >> 8);
	f[25] = (uint8_t)~s;
	f[35] = 68;
	f[37] = 67;
	f[38] = (uint8_t)((len - 34) >> 8);
	f[39] = (uint8_t)(len - 34);
	f[42] = 1;
	f[43] = 1;
	f[44] = 6;
	memcpy(f + 42 + 28, mac, 6);
	memcpy(f + opt, "\x63\x82\x53\x63\x35\x01\x03\x32\x04\x0a\x4d\x00\x02\xff", 14);
	return len;
}

int main(int argc, char **argv)
{
	static const uint8_t mac[12] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
					 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
	uint8_t frame[512], cb[48 + 512];
	struct prog p;
	size_t n;
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: gen_corpus DIR\n");
		return 2;
	}

	/* a session as sap_host starts it */
	memset(&p, 0, sizeof(p));
	p8(&p, 0x20);
	empty(&p, SAP_MSG_NOTIF_WIFIDR_UP);
	empty(&p, SAP_MSG_NOTIF_WHO_OWNS_NIC);
	msg(&p, 0, SAP_MSG_NOTIF_NIC_INFO, mac, 12);
	dw(&p, SAP_MSG_NOTIF_RADIO_STATE, 3);
	empty(&p, SAP_MSG_NOTIF_GET_NVM);
	dw(&p, SAP_MSG_NOTIF_PLDR, 0);
	tick(&p, 60);
	check(&p);
	rc |= save(argv[1], "seed-session.bin", &p);

	/* ownership both ways, v3 */
	memset(&p, 0, sizeof(p));
	p8(&p, 0x21);
	empty(&p, SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
	cmd(&p, 0, 0);
	empty(&p, SAP_MSG_NOTIF_CSME_OWNERSHIP_CONFIRMED);
	cmd(&p, 4, 0);
	empty(&p, SAP_MSG_NOTIF_PONG);
	cmd(&p, 3, 1);
	empty(&p, SAP_MSG_NOTIF_HOST_ASKS_FOR_NIC_OWNERSHIP);
	cmd(&p, 0, 0);
	tick(&p, 1500);
	cmd(&p, 1, 0);
	check(&p);
	rc |= save(argv[1], "seed-ownership.bin", &p);

	/* data: DHCP copy teaches the address, then an ARP request */
	memset(&p, 0, sizeof(p));
	p8(&p, 0x30);
	msg(&p, 0, SAP_MSG_NOTIF_NIC_INFO, mac, 12);
	n = dhcp_frame(frame);
	memset(cb, 0, 40);
	cb[28] = 0x00, cb[29] = 0x00, cb[30] = 0x00, cb[31] = 0x40;	/* filt status LE */
	cb[36] = (uint8_t)n, cb[37] = (uint8_t)(n >> 8);
	memcpy(cb + 40, frame, n);
	msg(&p, 1, SAP_MSG_CB_DATA_PACKET, cb, (uint16_t)(40 + n));
	memset(frame, 0, 42);
	memset(frame, 0xff, 6);
	memcpy(frame + 6, "\x02\x01\x02\x03\x04\x05\x08\x06\x00\x01\x08\x00\x06\x04\x00\x01"
			  "\x02\x01\x02\x03\x04\x05\x0a\x4d\x00\x01", 26);
	memcpy(frame + 38, "\x0a\x4d\x00\x02", 4);
	msg(&p, 1, SAP_MSG_DATA_PACKET, frame, 42);
	tick(&p, 5);
	check(&p);
	rc |= save(argv[1], "seed-data.bin", &p);

	/* reset: HOST_GOES_DOWN, completion, a new area, a new START */
	memset(&p, 0, sizeof(p));
	p8(&p, 0x20);
	cmd(&p, 7, 0);
	empty(&p, SAP_MSG_NOTIF_HOST_GOES_DOWN);
	cmd(&p, 8, 0);
	p8(&p, 9);
	p8(&p, 1);
	p8(&p, 8);
	p8(&p, 0);
	check(&p);
	rc |= save(argv[1], "seed-reset.bin", &p);

	/* garbage: raw ring bytes, bad control words, odd ME messages */
	memset(&p, 0, sizeof(p));
	p8(&p, 0x20);
	p8(&p, 3);
	p8(&p, 0);
	p8(&p, 9);
	pbytes(&p, "\xe9\x03\xff\x00\x01\x00\x00\x00\x55", 9);
	p8(&p, 0);
	p8(&p, 5);
	pbytes(&p, "\x03\x00\x00", 3);
	p8(&p, 4);
	p8(&p, 3);
	p32(&p, 0xffffffff);
	tick(&p, 3);
	cmd(&p, 6, HOSTILE_RANDOM);
	tick(&p, 100);
	check(&p);
	rc |= save(argv[1], "seed-garbage.bin", &p);
	return rc;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: receive filter engine.
 *
 * Input: 156 bytes of wire-format filters (struct sap_oob_filters, zero
 * padded if shorter), then an Ethernet frame. The frame is classified from
 * an exact-size heap copy so any over-read is caught by ASan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sap_filter.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sap_oob_filters w, w2;
	struct sap_filters f, f2;
	size_t flen = sizeof(w);
	enum sap_rx_verdict v;
	u8 *frame;
	u32 len;

	if (size > 70000)
		return 0;
	memset(&w, 0, sizeof(w));
	memcpy(&w, data, size < flen ? size : flen);
	sap_filters_from_wire(&f, &w);

	/* conversion is stable: wire -> host -> wire -> host */
	sap_filters_to_wire(&w2, &f);
	sap_filters_from_wire(&f2, &w2);
	CHECK(!memcmp(&f, &f2, sizeof(f)));

	len = size > flen ? size - flen : 0;
	frame = malloc(len ? len : 1);
	if (!frame)
		return 0;
	memcpy(frame, data + (size > flen ? flen : size), len);

	v = sap_filter_rx(&f, frame, len);
	CHECK(v == SAP_RX_HOST || v == SAP_RX_CSME || v == SAP_RX_BOTH);
	if (len < SAP_ETH_HLEN)
		CHECK(v == SAP_RX_HOST);
	/* unicast ICMP echo requests always stay with the host */
	if (len >= 14 + 20 + 8 && !(frame[0] & 1) && frame[12] == 0x08 && frame[13] == 0x00 &&
	    (frame[14] & 0x0f) == 5 && frame[14 + 9] == 1 && frame[34] == 8)
		CHECK(v == SAP_RX_HOST);
	(void)sap_filter_is_dhcp_request(frame, len);

	free(frame);
	return 0;
}

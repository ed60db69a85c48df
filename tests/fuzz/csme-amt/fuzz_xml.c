// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the XML reader on arbitrary bytes; on success every
 * element's name, namespace, text and attributes are read back, and a
 * local-name path must land on an element of its last step's name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct xml_doc *d = xml_parse((const char *)data, size);
	char buf[64];
	int el;

	for (el = 0; d && xml_is(d, el, NULL, NULL); el++) {
		if (strlen(xml_name(d, el)) > size || strlen(xml_ns(d, el)) > 2 * size)
			abort();
		xml_text(d, el, buf, sizeof(buf));
		xml_attr(d, el, "Name", buf, sizeof(buf));
		xml_child(d, el, NULL, "a");
		xml_next(d, el, "urn:x", NULL);
	}
	if (d && xml_path(d, "Envelope/Header/Action") >= 0 &&
	    !xml_is(d, xml_path(d, "Envelope/Header/Action"), NULL, "Action"))
		abort();
	xml_free(d);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: the XML reader (xml.h) on SOAP as clients write it, and on
 * everything it must refuse.
 */
#include <string.h>

#include "tap.h"
#include "xml.h"

static struct xml_doc *parse(const char *s)
{
	return xml_parse(s, strlen(s));
}

static void test_soap(void)
{
	static const char env[] =
		"<?xml version=\"1.0\"?><!-- c --><s:Envelope xmlns:s=\"urn:s\" xmlns:w=\"urn:w\">"
		"<s:Header><w:Action s:mustUnderstand=\"true\"> urn:act </w:Action>"
		"<w:SelectorSet><w:Selector Name='InstanceID'>A&amp;B &#65;&#x42;</w:Selector>"
		"</w:SelectorSet></s:Header><s:Body><m xmlns=\"urn:m\"><p>1</p>"
		"<q><![CDATA[<raw>]]></q></m></s:Body></s:Envelope>";
	struct xml_doc *d = parse(env);
	char buf[64];
	int root, hdr, sel, body, m;

	tap_ok(d != NULL, "a SOAP envelope with a comment, PI, entities, CDATA parses");
	if (!d)
		return;
	root = xml_root(d);
	tap_ok(xml_is(d, root, "urn:s", "Envelope"), "root: namespace and local name");
	hdr = xml_child(d, root, "urn:s", "Header");
	tap_ok(xml_text(d, xml_child(d, hdr, "urn:w", "Action"), buf, sizeof(buf)) == 7 &&
	       !strcmp(buf, "urn:act"), "text is trimmed");
	sel = xml_child(d, xml_child(d, hdr, NULL, "SelectorSet"), "urn:w", "Selector");
	tap_ok(xml_attr(d, sel, "Name", buf, sizeof(buf)) == 10 && !strcmp(buf, "InstanceID"),
	       "attribute in single quotes");
	tap_ok(xml_text(d, sel, buf, sizeof(buf)) > 0 && !strcmp(buf, "A&B AB"),
	       "named and numeric entities decoded (%s)", buf);
	body = xml_child(d, root, "urn:s", "Body");
	m = xml_first_child(d, body);
	tap_ok(xml_is(d, m, "urn:m", "m") && !strcmp(xml_ns(d, m), "urn:m"),
	       "a default namespace declared on the element itself");
	tap_ok(xml_is(d, xml_child(d, m, NULL, "p"), "urn:m", "p"),
	       "children inherit the default namespace");
	tap_ok(xml_text(d, xml_child(d, m, NULL, "q"), buf, sizeof(buf)) == 5 &&
	       !strcmp(buf, "<raw>"), "CDATA kept raw");
	tap_ok(xml_text(d, sel, buf, 4) == -1, "text longer than the buffer: -1");
	tap_ok(xml_attr(d, sel, "Other", buf, sizeof(buf)) == -1, "missing attribute: -1");
	tap_ok(xml_path(d, "Envelope/Header/Action") == xml_child(d, hdr, "urn:w", "Action") &&
	       xml_path(d, "Envelope/Header/Action") > 0, "xml_path: local names from the root");
	tap_ok(xml_path(d, "Envelope/Body/m/q") == xml_child(d, m, NULL, "q"),
	       "xml_path: through a default namespace");
	tap_ok(xml_path(d, "Envelope") == root, "xml_path: the root alone");
	tap_ok(xml_path(d, "Header/Action") == -1 && xml_path(d, "Envelope/Nope") == -1 &&
	       xml_path(d, "Envelope//Body") == -1 && xml_path(d, "") == -1 &&
	       xml_path(d, "Envelope/Body/") == -1 && xml_path(d, NULL) == -1,
	       "xml_path: wrong root, missing step, empty steps: -1");
	tap_ok(xml_next(d, m, NULL, NULL) == -1 && xml_child(d, -1, NULL, NULL) == -1 &&
	       !xml_is(d, 999, NULL, NULL), "-1 and out-of-range indexes are harmless");
	xml_free(d);
}

static void test_refused(void)
{
	static const char *const bad[] = {
		"",
		"text only",
		"<a>",
		"<a></b>",
		"<a><b></a></b>",
		"<p:a/>",
		"<a xmlns:p=\"u\"></p:a>",
		"<a>&unknown;</a>",
		"<a>&#0;</a>",
		"<a>&#x110000;</a>",
		"<a>&#xD800;</a>",
		"<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
		"<a/><b/>",
		"<a b=\"1\" b2></a>",
		"<a b=\"<\"/>",
		"<a><![CDATA[x]]</a>",
		"<a><!-- x </a>",
		"<a/>trailing",
		"<1a/>",
		"<a xmlns:p=\"\"/>",
	};
	char deep[(XML_MAX_DEPTH + 1) * 7 + 8];
	size_t i, n = 0;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct xml_doc *d = parse(bad[i]);

		tap_ok(!d, "refused: \"%s\"", bad[i]);
		xml_free(d);
	}
	for (i = 0; i < XML_MAX_DEPTH; i++)
		n += (size_t)sprintf(deep + n, "<a>");
	for (i = 0; i < XML_MAX_DEPTH; i++)
		n += (size_t)sprintf(deep + n, "</a>");
	{
		struct xml_doc *d = xml_parse(deep, n);

		tap_ok(d != NULL, "XML_MAX_DEPTH levels parse");
		xml_free(d);
	}
	n = 0;
	for (i = 0; i <= XML_MAX_DEPTH; i++)
		n += (size_t)sprintf(deep + n, "<a>");
	for (i = 0; i <= XML_MAX_DEPTH; i++)
		n += (size_t)sprintf(deep + n, "</a>");
	tap_ok(!xml_parse(deep, n), "one level deeper: refused");
	tap_ok(!xml_parse(NULL, 0), "NULL: refused");
}

int main(void)
{
	tap_start();
	test_soap();
	test_refused();
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

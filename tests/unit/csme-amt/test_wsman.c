// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: WS-Management (wsman.c) with the envelopes wsl sends
 * (/usr/share/wsl and /usr/bin/wsl*: SOAP 1.2, WS-Addressing), every reply
 * read back with the XML reader, and every fault.
 */
#include <string.h>

#include "tap.h"
#include "abuf.h"
#include "amt_model.h"
#include "wsman.h"
#include "xml.h"

#define ENV_HEAD "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"" WSMAN_NS_SOAP "\" " \
	"xmlns:wsa=\"" WSMAN_NS_WSA "\" xmlns:wsman=\"" WSMAN_NS_WSMAN "\" " \
	"xmlns:wsen=\"" WSMAN_NS_WSEN "\">"
#define HDR(action, uri, extra) "<s:Header><wsa:Action s:mustUnderstand=\"true\">" action \
	"</wsa:Action><wsa:To s:mustUnderstand=\"true\">http://10.0.0.1:16992/wsman</wsa:To>" \
	"<wsman:ResourceURI s:mustUnderstand=\"true\">" uri "</wsman:ResourceURI>" \
	"<wsa:MessageID s:mustUnderstand=\"true\">uuid:1234</wsa:MessageID><wsa:ReplyTo>" \
	"<wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous" \
	"</wsa:Address></wsa:ReplyTo>" extra "</s:Header>"
#define GS WSMAN_NS_AMT "AMT_GeneralSettings"
#define SW WSMAN_NS_CIM "CIM_SoftwareIdentity"
#define PMS WSMAN_NS_CIM "CIM_PowerManagementService"
#define A_GET "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get"
#define A_PUT "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put"

static struct amt_model model;
static struct abuf out;
static struct xml_doc *reply;

static int call(const char *env, bool authed)
{
	const char *ct = NULL;
	int st;

	xml_free(reply);
	abuf_reset(&out);
	st = amt_wsman_handle(&model, env, strlen(env), authed, &out, &ct);
	reply = out.len ? xml_parse(out.p, out.len) : NULL;
	if (out.len && !reply)
		tap_diag("reply is not XML: %.200s", out.p);
	if (st != 401 && (!ct || strcmp(ct, "application/soap+xml;charset=UTF-8")))
		tap_diag("content type %s", ct ? ct : "(none)");
	return st;
}

/* the text of the first element of local name @name anywhere in the reply */
static const char *find(const char *name)
{
	static char buf[256];
	int i;

	for (i = 0; xml_is(reply, i, NULL, NULL); i++)
		if (xml_is(reply, i, NULL, name) && xml_text(reply, i, buf, sizeof(buf)) >= 0)
			return buf;
	return "";
}

/* a SOAP fault whose subcode is @sub */
static bool fault_is(const char *sub)
{
	return out.p && strstr(out.p, "<s:Fault>") && strstr(out.p, sub);
}

static void test_identify(void)
{
	static const char id[] = "<s:Envelope xmlns:s=\"" WSMAN_NS_SOAP "\" xmlns:wsmid=\""
		WSMAN_NS_WSMID "\"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>";

	tap_eq(call(id, false), 200, "Identify without authentication: 200");
	tap_ok(!strcmp(find("ProductVendor"), "Intel Corporation") &&
	       !strcmp(find("ProductVersion"), "AMT " AMT_MODEL_FW_VERSION) &&
	       !strcmp(find("ProtocolVersion"), WSMAN_NS_WSMAN),
	       "Identify: vendor, AMT version, protocol version");
	tap_eq(call(ENV_HEAD HDR(A_GET, GS, "") "<s:Body/></s:Envelope>", false), 401,
	       "Get without authentication: 401, nothing written");
	tap_eq((int)out.len, 0, "and no body");
	tap_eq(call("garbage", false), 401, "garbage without authentication: 401");
}

static void test_get_put(void)
{
	tap_eq(call(ENV_HEAD HDR(A_GET, GS, "") "<s:Body/></s:Envelope>", true), 200,
	       "Get AMT_GeneralSettings");
	tap_ok(!strcmp(find("HostName"), "csme-sim") && !strcmp(find("DigestRealm"), model.realm),
	       "host name and the Digest realm");
	tap_ok(!strcmp(find("RelatesTo"), "uuid:1234") &&
	       !strcmp(find("Action"), A_GET "Response") && !strncmp(find("MessageID"), "uuid:", 5),
	       "RelatesTo, Action and a fresh MessageID");
	tap_eq(call(ENV_HEAD HDR(A_PUT, GS, "") "<s:Body><g:AMT_GeneralSettings xmlns:g=\"" GS
		    "\"><g:HostName>amt-box</g:HostName><g:DomainName>example.org</g:DomainName>"
		    "</g:AMT_GeneralSettings></s:Body></s:Envelope>", true), 200,
	       "Put AMT_GeneralSettings");
	tap_ok(!strcmp(model.hostname, "amt-box") && !strcmp(model.domain, "example.org") &&
	       !strcmp(find("HostName"), "amt-box"), "the model took the new names");
	tap_eq(call(ENV_HEAD HDR(A_PUT, GS, "") "<s:Body><g:AMT_GeneralSettings xmlns:g=\"" GS
		    "\"><g:HostName>bad name!</g:HostName></g:AMT_GeneralSettings></s:Body>"
		    "</s:Envelope>", true), 400, "Put of an invalid host name: 400");
	tap_ok(fault_is("SchemaValidationError") && !strcmp(model.hostname, "amt-box"),
	       "SchemaValidationError, nothing changed");
	tap_eq(call(ENV_HEAD HDR(A_GET, SW, "<wsman:SelectorSet><wsman:Selector Name=\"InstanceID\">"
				 "AMT</wsman:Selector></wsman:SelectorSet>") "<s:Body/></s:Envelope>",
		    true), 200, "Get CIM_SoftwareIdentity InstanceID=AMT");
	tap_ok(!strcmp(find("VersionString"), AMT_MODEL_FW_VERSION), "the AMT version");
	tap_eq(call(ENV_HEAD HDR(A_GET, SW, "") "<s:Body/></s:Envelope>", true), 400,
	       "Get of a class with several instances without a selector: 400");
	tap_ok(fault_is("InvalidSelectors"), "InvalidSelectors");
	tap_eq(call(ENV_HEAD HDR(A_GET, SW, "<wsman:SelectorSet><wsman:Selector Name=\"Nope\">"
				 "AMT</wsman:Selector></wsman:SelectorSet>") "<s:Body/></s:Envelope>",
		    true), 400, "a selector of another name: 400 InvalidSelectors");
	tap_eq(call(ENV_HEAD HDR(A_GET, WSMAN_NS_AMT "AMT_Nothing", "") "<s:Body/></s:Envelope>",
		    true), 400, "an unknown class: 400");
	tap_ok(fault_is("DestinationUnreachable"), "DestinationUnreachable");
	tap_eq(call(ENV_HEAD HDR("urn:frob", GS, "") "<s:Body/></s:Envelope>", true), 400,
	       "an unknown action: 400");
	tap_ok(fault_is("ActionNotSupported"), "ActionNotSupported");
	tap_eq(call(ENV_HEAD HDR(A_PUT, SW, "<wsman:SelectorSet><wsman:Selector Name=\"InstanceID\">"
				 "AMT</wsman:Selector></wsman:SelectorSet>") "<s:Body/></s:Envelope>",
		    true), 400, "Put on a read-only class: 400 ActionNotSupported");
	tap_eq(call("<s:Envelope xmlns:s=\"urn:not-soap12\"/>", true), 400,
	       "not a SOAP 1.2 envelope: 400");
	tap_eq(call(ENV_HEAD "<s:Body/></s:Envelope>", true), 400, "no Action header: 400");
}

static void test_enumerate(void)
{
	char ctx[64];
	int items = 0, st;

	tap_eq(call(ENV_HEAD HDR(WSMAN_NS_WSEN "/Enumerate", SW, "")
		    "<s:Body><wsen:Enumerate/></s:Body></s:Envelope>", true), 200, "Enumerate");
	snprintf(ctx, sizeof(ctx), "%s", find("EnumerationContext"));
	tap_ok(ctx[0] != '\0', "an enumeration context (%s)", ctx);
	for (;;) {
		char env[2048];

		snprintf(env, sizeof(env), ENV_HEAD HDR(WSMAN_NS_WSEN "/Pull", SW, "")
			 "<s:Body><wsen:Pull><wsen:EnumerationContext>%s</wsen:EnumerationContext>"
			 "</wsen:Pull></s:Body></s:Envelope>", ctx);
		st = call(env, true);
		if (st != 200 || items > 10)
			break;
		items += strstr(out.p, "VersionString") != NULL;
		if (strstr(out.p, "EndOfSequence"))
			break;
		snprintf(ctx, sizeof(ctx), "%s", find("EnumerationContext"));
	}
	tap_ok(st == 200 && items == 5, "Pull one at a time: 5 instances, then EndOfSequence");
	tap_ok(strstr(out.p, "<wsman:Items>") != NULL, "items in wsman:Items");
	{
		char env[2048];

		snprintf(env, sizeof(env), ENV_HEAD HDR(WSMAN_NS_WSEN "/Pull", SW, "")
			 "<s:Body><wsen:Pull><wsen:EnumerationContext>%s</wsen:EnumerationContext>"
			 "</wsen:Pull></s:Body></s:Envelope>", ctx);
		tap_eq(call(env, true), 400, "Pull on a finished context: 400");
		tap_ok(fault_is("InvalidEnumerationContext"), "InvalidEnumerationContext");
	}
	tap_eq(call(ENV_HEAD HDR(WSMAN_NS_WSEN "/Enumerate", SW, "")
		    "<s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/>"
		    "<wsman:MaxElements>512</wsman:MaxElements></wsen:Enumerate></s:Body>"
		    "</s:Envelope>", true), 200, "optimized Enumerate with MaxElements 512");
	tap_ok(strstr(out.p, "EndOfSequence") && strstr(out.p, "Build Number") &&
	       !strstr(out.p, "EnumerationContext>"), "all items at once, no context left");
	tap_eq(call(ENV_HEAD HDR(WSMAN_NS_WSEN "/Enumerate", PMS, "")
		    "<s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/>"
		    "<wsman:EnumerationMode>EnumerateEPR</wsman:EnumerationMode>"
		    "</wsen:Enumerate></s:Body></s:Envelope>", true), 200, "EnumerateEPR (wsl invoke)");
	tap_ok(strstr(out.p, "ReferenceParameters") && strstr(out.p, "Selector Name=\"Name\""),
	       "an endpoint reference with its selector");
	tap_eq(call(ENV_HEAD HDR(WSMAN_NS_WSEN "/Enumerate", SW, "")
		    "<s:Body><wsen:Enumerate><wsman:Filter>x</wsman:Filter></wsen:Enumerate>"
		    "</s:Body></s:Envelope>", true), 400, "a filter: 400 FilteringNotSupported");
	/* wslput finds the instance to change with this, then Puts it back */
	tap_eq(call(ENV_HEAD HDR(WSMAN_NS_WSEN "/Enumerate", GS, "")
		    "<s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/>"
		    "<wsman:MaxElements>256</wsman:MaxElements>"
		    "<wsman:EnumerationMode>EnumerateObjectAndEPR</wsman:EnumerationMode>"
		    "</wsen:Enumerate></s:Body></s:Envelope>", true), 200,
	       "EnumerateObjectAndEPR (wslput)");
	{
		int item = xml_path(reply, "Envelope/Body/EnumerateResponse/Items/Item");
		int obj = xml_first_child(reply, item);

		tap_ok(xml_is(reply, obj, GS, "AMT_GeneralSettings") &&
		       xml_is(reply, xml_next(reply, obj, WSMAN_NS_WSA, NULL), WSMAN_NS_WSA,
			      "EndpointReference") && strstr(out.p, "EndOfSequence"),
		       "one wsman:Item: the instance, then its endpoint reference");
	}
	tap_ok(strstr(out.p, "<p:AMT_GeneralSettings>") != NULL,
	       "the instance's tag carries no xmlns (wsl looks for \":AMT_GeneralSettings>\")");
	tap_eq(call(ENV_HEAD HDR(WSMAN_NS_WSEN "/Enumerate", GS, "")
		    "<s:Body><wsen:Enumerate><wsman:EnumerationMode>EnumerateAll"
		    "</wsman:EnumerationMode></wsen:Enumerate></s:Body></s:Envelope>", true), 400,
	       "an unknown enumeration mode: 400");
	tap_ok(fault_is("UnsupportedFeature"), "UnsupportedFeature");
}

static void test_invoke(void)
{
	static const char sel[] = "<wsman:SelectorSet><wsman:Selector Name=\"Name\">Intel(r) AMT "
		"Power Management Service</wsman:Selector></wsman:SelectorSet>";
	char env[2048];

	snprintf(env, sizeof(env), ENV_HEAD HDR(PMS "/RequestPowerStateChange", PMS, "%s")
		 "<s:Body><p:RequestPowerStateChange_INPUT xmlns:p=\"" PMS "\"><p:PowerState>8"
		 "</p:PowerState></p:RequestPowerStateChange_INPUT></s:Body></s:Envelope>", sel);
	tap_eq(call(env, true), 200, "Invoke RequestPowerStateChange(8)");
	tap_ok(!strcmp(find("ReturnValue"), "0") && model.power_state == AMT_POWER_OFF_SOFT &&
	       model.power_changes == 1, "ReturnValue 0, the model is soft-off");
	snprintf(env, sizeof(env), ENV_HEAD HDR(PMS "/RequestPowerStateChange", PMS, "%s")
		 "<s:Body><p:RequestPowerStateChange_INPUT xmlns:p=\"" PMS "\"><p:PowerState>77"
		 "</p:PowerState></p:RequestPowerStateChange_INPUT></s:Body></s:Envelope>", sel);
	tap_eq(call(env, true), 200, "Invoke with PowerState 77");
	tap_ok(!strcmp(find("ReturnValue"), "2") && model.power_changes == 1,
	       "ReturnValue 2, nothing changed");
	snprintf(env, sizeof(env), ENV_HEAD HDR(PMS "/Frobnicate", PMS, "%s")
		 "<s:Body><p:Frobnicate_INPUT xmlns:p=\"" PMS "\"/></s:Body></s:Envelope>", sel);
	tap_eq(call(env, true), 400, "Invoke of an unknown method: 400 ActionNotSupported");
	tap_eq(call(ENV_HEAD HDR(GS "/Foo", GS, "") "<s:Body/></s:Envelope>", true), 400,
	       "Invoke on a class without methods: 400");
}

int main(void)
{
	tap_start();
	amt_model_init(&model, NULL, 3);
	abuf_init(&out, WSMAN_REPLY_MAX);
	test_identify();
	test_get_put();
	test_enumerate();
	test_invoke();
	xml_free(reply);
	abuf_free(&out);
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

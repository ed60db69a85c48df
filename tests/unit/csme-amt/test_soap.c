// SPDX-License-Identifier: GPL-2.0
/*
 * csme-sim AMT: the legacy SOAP services (soap.c) with the envelopes
 * amttool's SOAP::Lite sends (a method element in the service's default
 * namespace), replies read back with the XML reader.
 */
#include <string.h>

#include "tap.h"
#include "abuf.h"
#include "amt_model.h"
#include "soap.h"
#include "xml.h"

#define NS "http://schemas.intel.com/platform/client/"
#define ENV(body) "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope " \
	"xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" " \
	"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soap:Body>" body \
	"</soap:Body></soap:Envelope>"

static struct amt_model model;
static struct abuf out;

static int call(const char *path, const char *env, bool authed)
{
	const char *ct = NULL;

	abuf_reset(&out);
	return amt_soap_handle(&model, path, env, strlen(env), authed, &out, &ct);
}

/* the reply's children of the method response, as "a=b,c=d," */
static const char *params(void)
{
	static char list[512];
	struct xml_doc *d = xml_parse(out.p, out.len);
	int body, resp, el;
	size_t n = 0;

	list[0] = '\0';
	body = xml_child(d, xml_root(d), NULL, "Body");
	resp = xml_first_child(d, body);
	for (el = xml_first_child(d, resp); el >= 0 && n < sizeof(list) - 1;
	     el = xml_next(d, el, NULL, NULL)) {
		char v[128];

		if (xml_text(d, el, v, sizeof(v)) < 0)
			v[0] = '\0';
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s=%s,", xml_name(d, el), v);
	}
	xml_free(d);
	return list;
}

int main(void)
{
	tap_start();
	amt_model_init(&model, NULL, 9);
	abuf_init(&out, 65536);

	tap_eq(call("/SecurityAdministrationService",
		    ENV("<GetCoreVersion xmlns=\"" NS "SecurityAdministration/2004/01\"/>"), false),
	       401, "without authentication: 401");
	tap_eq(call("/Nothing", ENV(""), true), 404, "a path that is no service: 404");
	tap_eq(call("/SecurityAdministrationService",
		    ENV("<GetCoreVersion xmlns=\"" NS "SecurityAdministration/2004/01\"/>"), true),
	       200, "GetCoreVersion");
	tap_ok(!strcmp(params(), "StatusCode=0,Version=" AMT_MODEL_FW_VERSION ","),
	       "StatusCode first, then the version (%s)", params());
	tap_eq(call("/NetworkAdministrationService",
		    ENV("<GetHostName xmlns=\"" NS "NetworkAdministration/2004/01\"/>"), true),
	       200, "GetHostName");
	tap_ok(!strcmp(params(), "StatusCode=0,HostName=csme-sim,"), "the host name");
	tap_eq(call("/NetworkAdministrationService",
		    ENV("<GetDomainName xmlns=\"" NS "NetworkAdministration/2004/01\"/>"), true),
	       200, "GetDomainName");
	tap_ok(!strcmp(params(), "StatusCode=0,DomainName=fwgate.invalid,"), "the domain name");
	tap_eq(call("/NetworkAdministrationService",
		    ENV("<EnumerateInterfaces xmlns=\"" NS "NetworkAdministration/2004/01\"/>"),
		    true), 200, "EnumerateInterfaces");
	tap_ok(!strcmp(params(), "StatusCode=0,InterfaceHandles=1,"), "one interface, handle 1");
	model.ip = 0x0a4d0002;
	model.mac[5] = 0x42;
	tap_eq(call("/NetworkAdministrationService",
		    ENV("<GetInterfaceSettings xmlns=\"" NS "NetworkAdministration/2004/01\">"
			"<InterfaceHandle>1</InterfaceHandle></GetInterfaceSettings>"), true),
	       200, "GetInterfaceSettings(1)");
	tap_ok(strstr(out.p, "<LocalAddress>172818434</LocalAddress>") &&
	       strstr(out.p, "-42</MACAddress>"), "the address and MAC of the WLAN port");
	tap_eq(call("/NetworkAdministrationService",
		    ENV("<GetInterfaceSettings xmlns=\"" NS "NetworkAdministration/2004/01\">"
			"<InterfaceHandle>7</InterfaceHandle></GetInterfaceSettings>"), true),
	       200, "GetInterfaceSettings(7)");
	tap_ok(!strcmp(params(), "StatusCode=2053,"), "PT_STATUS_INVALID_HANDLE (0x805)");
	tap_eq(call("/RemoteControlService",
		    ENV("<GetSystemPowerState xmlns=\"" NS "RemoteControl/2004/01\"/>"), true),
	       200, "GetSystemPowerState");
	tap_ok(!strcmp(params(), "StatusCode=0,SystemPowerState=0,"), "S0");
	tap_eq(call("/RemoteControlService",
		    ENV("<RemoteControl xmlns=\"" NS "RemoteControl/2004/01\"><Command>18</Command>"
			"<IanaOemNumber>343</IanaOemNumber></RemoteControl>"), true),
	       200, "RemoteControl power down (amttool powerdown)");
	tap_ok(!strcmp(params(), "StatusCode=0,") && model.power_state == AMT_POWER_OFF_SOFT,
	       "success, the model is off");
	call("/RemoteControlService",
	     ENV("<GetSystemPowerState xmlns=\"" NS "RemoteControl/2004/01\"/>"), true);
	tap_ok(!strcmp(params(), "StatusCode=0,SystemPowerState=5,"), "now S5");
	tap_eq(call("/RemoteControlService",
		    ENV("<RemoteControl xmlns=\"" NS "RemoteControl/2004/01\"><Command>99</Command>"
			"<IanaOemNumber>343</IanaOemNumber></RemoteControl>"), true),
	       200, "RemoteControl with an unknown command");
	tap_ok(!strcmp(params(), "StatusCode=2051,"), "PT_STATUS_INVALID_COMMAND (0x803)");
	call("/RemoteControlService",
	     ENV("<RemoteControl xmlns=\"" NS "RemoteControl/2004/01\"><Command>17</Command>"
		 "<IanaOemNumber>7</IanaOemNumber></RemoteControl>"), true);
	tap_ok(!strcmp(params(), "StatusCode=2049,") && model.power_state == AMT_POWER_OFF_SOFT,
	       "another OEM number: 0x801, nothing changed");
	tap_eq(call("/RemoteControlService",
		    ENV("<GetRemoteControlCapabilities xmlns=\"" NS "RemoteControl/2004/01\"/>"),
		    true), 200, "GetRemoteControlCapabilities");
	tap_ok(!strncmp(params(), "StatusCode=0,IanaOemNumber=343,OemDefinedCapabilities=10,", 57),
	       "IANA 343, SOL among the capabilities");
	tap_eq(call("/RemoteControlService",
		    ENV("<Frob xmlns=\"" NS "RemoteControl/2004/01\"/>"), true), 500,
	       "an unknown method: 500 with a SOAP fault");
	tap_ok(strstr(out.p, "<faultcode>SOAP-ENV:Client</faultcode>") != NULL, "a Client fault");
	tap_eq(call("/RemoteControlService",
		    ENV("<GetSystemPowerState xmlns=\"urn:other\"/>"), true), 500,
	       "a method of another namespace: fault");
	tap_eq(call("/RemoteControlService", "<not xml", true), 500, "not XML: fault");
	tap_eq(call("/RemoteControlService", "<a/>", true), 500, "no SOAP envelope: fault");
	abuf_free(&out);
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * soap - AMT's legacy SOAP 1.1 services (before WS-Management), as the
 * tools of that time use them (amttool, the AMT SDK samples): one POST
 * path per service, the method as the Body's first element in the
 * service's namespace, and a reply whose first element is the StatusCode
 * (a PT_STATUS value), then the out parameters in order.
 *
 * Served: SecurityAdministration GetCoreVersion; RemoteControl
 * GetSystemPowerState, GetRemoteControlCapabilities, RemoteControl;
 * NetworkAdministration GetHostName, GetDomainName, EnumerateInterfaces,
 * GetInterfaceSettings. Anything else in a known service is a SOAP Client
 * fault; a path that is no service is 404 for the HTTP layer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amt_model.h"
#include "http_routes.h"
#include "soap.h"
#include "xml.h"

#define SOAP_NS_BASE	"http://schemas.intel.com/platform/client/"
#define SOAP_ENV_NS	"http://schemas.xmlsoap.org/soap/envelope/"
#define SOAP_CTYPE	"text/xml; charset=utf-8"

/* PT_STATUS values (Intel AMT Network Design Guide) */
#define PT_STATUS_SUCCESS			0x0
#define PT_STATUS_INVALID_PARAMETER		0x24
#define PT_STATUS_UNSUPPORTED_OEM_NUMBER	0x801
#define PT_STATUS_INVALID_COMMAND		0x803
#define PT_STATUS_INVALID_SPECIAL_COMMAND	0x804
#define PT_STATUS_INVALID_HANDLE		0x805

#define AMT_IANA_INTEL		343	/* IanaOemNumber of the standard commands */
#define SOAP_WLAN_HANDLE	1	/* the one interface: the shared WLAN port */

struct soap_req {
	const char *ns;		/* the service's namespace */
	const struct xml_doc *doc;
	int method;		/* element of the method in doc */
	char name[64];
};

static void soap_open(struct abuf *out, const struct soap_req *r)
{
	abuf_printf(out,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" SOAP_ENV_NS "\">"
		    "<SOAP-ENV:Body><%sResponse xmlns=\"%s\">", r->name, r->ns);
}

static void soap_close(struct abuf *out, const struct soap_req *r)
{
	abuf_printf(out, "</%sResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>\n", r->name);
}

static void soap_status(struct abuf *out, unsigned int status)
{
	abuf_printf(out, "<StatusCode>%u</StatusCode>", status);
}

static void soap_str(struct abuf *out, const char *tag, const char *val)
{
	abuf_printf(out, "<%s>", tag);
	abuf_put_xml(out, val, strlen(val));
	abuf_printf(out, "</%s>", tag);
}

/* The text of parameter @tag of the method, parsed as an unsigned number. */
static int soap_param_u32(const struct soap_req *r, const char *tag, unsigned long *v)
{
	char buf[32], *end;
	int el = xml_child(r->doc, r->method, NULL, tag);

	if (el < 0 || xml_text(r->doc, el, buf, sizeof(buf)) < 0 || !buf[0])
		return -1;
	*v = strtoul(buf, &end, 0);
	return *end ? -1 : 0;
}

static void sas_core_version(struct amt_model *m, const struct soap_req *r, struct abuf *out)
{
	(void)m;
	soap_status(out, PT_STATUS_SUCCESS);
	soap_str(out, "Version", AMT_MODEL_FW_VERSION);
	(void)r;
}

/* GetSystemPowerState's SystemPowerState: the ACPI state in the low nibble. */
static unsigned int rcs_acpi_state(enum amt_power_state s)
{
	switch (s) {
	case AMT_POWER_SLEEP_LIGHT:
		return 3;
	case AMT_POWER_SLEEP_DEEP:
	case AMT_POWER_HIBERNATE:
		return 4;
	case AMT_POWER_OFF_SOFT:
	case AMT_POWER_OFF_SOFT_GRACEFUL:
		return 5;
	case AMT_POWER_OFF_HARD:
	case AMT_POWER_OFF_HARD_GRACEFUL:
		return 7;
	default:
		return 0;	/* S0 */
	}
}

static void rcs_power_state(struct amt_model *m, const struct soap_req *r, struct abuf *out)
{
	(void)r;
	soap_status(out, PT_STATUS_SUCCESS);
	abuf_printf(out, "<SystemPowerState>%u</SystemPowerState>",
		    rcs_acpi_state(m->power_state));
}

static void rcs_capabilities(struct amt_model *m, const struct soap_req *r, struct abuf *out)
{
	(void)r;
	soap_status(out, PT_STATUS_SUCCESS);
	abuf_printf(out, "<IanaOemNumber>%u</IanaOemNumber>"
		    "<OemDefinedCapabilities>%u</OemDefinedCapabilities>"
		    "<SpecialCommandsSupported>%u</SpecialCommandsSupported>"
		    "<SystemCapabilitiesSupported>%u</SystemCapabilitiesSupported>"
		    "<SystemFirmwareCapabilities>%u</SystemFirmwareCapabilities>",
		    AMT_IANA_INTEL,
		    m->sol_enabled ? 0x0a : 0x08,	/* SOL, BIOS setup */
		    0x1f00,				/* PXE, HD, safe HD, diag, CD */
		    0x0f,				/* cycle, down, up, reset */
		    0);
}

/* RemoteControl Command values and the power state each one asks for. */
static const struct {
	unsigned int command;
	enum amt_power_state state;
} rcs_commands[] = {
	{ 0x10, AMT_POWER_MASTER_BUS_RESET },	/* reset */
	{ 0x11, AMT_POWER_ON },			/* power up */
	{ 0x12, AMT_POWER_OFF_SOFT },		/* power down */
	{ 0x13, AMT_POWER_CYCLE_SOFT },		/* power cycle */
};

static void rcs_remote_control(struct amt_model *m, const struct soap_req *r,
			       struct abuf *out)
{
	unsigned long cmd, oem, special = 0;
	unsigned int i;

	if (soap_param_u32(r, "Command", &cmd) || soap_param_u32(r, "IanaOemNumber", &oem)) {
		soap_status(out, PT_STATUS_INVALID_PARAMETER);
		return;
	}
	if (oem != AMT_IANA_INTEL) {
		soap_status(out, PT_STATUS_UNSUPPORTED_OEM_NUMBER);
		return;
	}
	if (xml_child(r->doc, r->method, NULL, "SpecialCommand") >= 0 &&
	    (soap_param_u32(r, "SpecialCommand", &special) || special > 5)) {
		soap_status(out, PT_STATUS_INVALID_SPECIAL_COMMAND);
		return;
	}
	for (i = 0; i < sizeof(rcs_commands) / sizeof(rcs_commands[0]); i++) {
		if (rcs_commands[i].command == cmd) {
			amt_model_request_power(m, rcs_commands[i].state);
			soap_status(out, PT_STATUS_SUCCESS);
			return;
		}
	}
	soap_status(out, PT_STATUS_INVALID_COMMAND);
}

static void nas_host_name(struct amt_model *m, const struct soap_req *r, struct abuf *out)
{
	(void)r;
	soap_status(out, PT_STATUS_SUCCESS);
	soap_str(out, "HostName", m->hostname);
}

static void nas_domain_name(struct amt_model *m, const struct soap_req *r, struct abuf *out)
{
	(void)r;
	soap_status(out, PT_STATUS_SUCCESS);
	soap_str(out, "DomainName", m->domain);
}

static void nas_interfaces(struct amt_model *m, const struct soap_req *r, struct abuf *out)
{
	(void)m;
	(void)r;
	soap_status(out, PT_STATUS_SUCCESS);
	abuf_printf(out, "<InterfaceHandles>%u</InterfaceHandles>", SOAP_WLAN_HANDLE);
}

static void nas_interface_settings(struct amt_model *m, const struct soap_req *r,
				   struct abuf *out)
{
	unsigned long handle;
	const uint8_t *a = m->mac;

	if (soap_param_u32(r, "InterfaceHandle", &handle)) {
		soap_status(out, PT_STATUS_INVALID_PARAMETER);
		return;
	}
	if (handle != SOAP_WLAN_HANDLE) {
		soap_status(out, PT_STATUS_INVALID_HANDLE);
		return;
	}
	soap_status(out, PT_STATUS_SUCCESS);
	abuf_printf(out, "<InterfaceDescriptor>"
		    "<HardwareAddressDescription>Intel(R) Wireless (shared with the host)"
		    "</HardwareAddressDescription>"
		    "<MACAddress>%02x-%02x-%02x-%02x-%02x-%02x</MACAddress>"
		    "<InterfaceMode>SHARED_MAC_ADDRESS</InterfaceMode>"
		    "<LinkPolicy>%u</LinkPolicy>"
		    "<DhcpEnabled>%s</DhcpEnabled>"
		    "<LinkIsUp>%s</LinkIsUp>"
		    "<IPv4Parameters><LocalAddress>%u</LocalAddress>"
		    "<SubnetMask>%u</SubnetMask><DefaultGatewayAddress>0</DefaultGatewayAddress>"
		    "<PrimaryDnsAddress>0</PrimaryDnsAddress>"
		    "<SecondaryDnsAddress>0</SecondaryDnsAddress></IPv4Parameters>"
		    "</InterfaceDescriptor>",
		    a[0], a[1], a[2], a[3], a[4], a[5],
		    1,			/* S0 AC */
		    m->dhcp ? "true" : "false",
		    m->link_known && m->link_up ? "true" : "false",
		    m->ip, m->ip ? 0xffffff00u : 0);
}

struct soap_method {
	const char *name;
	void (*run)(struct amt_model *m, const struct soap_req *r, struct abuf *out);
};

static const struct soap_method sas_methods[] = {
	{ "GetCoreVersion", sas_core_version },
	{ NULL, NULL },
};

static const struct soap_method rcs_methods[] = {
	{ "GetSystemPowerState", rcs_power_state },
	{ "GetRemoteControlCapabilities", rcs_capabilities },
	{ "RemoteControl", rcs_remote_control },
	{ NULL, NULL },
};

static const struct soap_method nas_methods[] = {
	{ "GetHostName", nas_host_name },
	{ "GetDomainName", nas_domain_name },
	{ "EnumerateInterfaces", nas_interfaces },
	{ "GetInterfaceSettings", nas_interface_settings },
	{ NULL, NULL },
};

static const struct soap_service {
	const char *path;
	const char *ns;
	const struct soap_method *methods;
} soap_services[] = {
	{ "/SecurityAdministrationService", SOAP_NS_BASE "SecurityAdministration/2004/01",
	  sas_methods },
	{ "/RemoteControlService", SOAP_NS_BASE "RemoteControl/2004/01", rcs_methods },
	{ "/NetworkAdministrationService", SOAP_NS_BASE "NetworkAdministration/2004/01",
	  nas_methods },
};

static const struct soap_service *soap_service_find(const char *path)
{
	size_t i, n;

	n = strcspn(path, "?");
	for (i = 0; i < sizeof(soap_services) / sizeof(soap_services[0]); i++)
		if (strlen(soap_services[i].path) == n &&
		    !strncmp(soap_services[i].path, path, n))
			return &soap_services[i];
	return NULL;
}

/* A SOAP 1.1 fault: faultcode "Client" or "Server", and a reason. */
static int soap_fault(struct abuf *out, const char *code, const char *reason)
{
	abuf_reset(out);
	abuf_printf(out,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" SOAP_ENV_NS "\">"
		    "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:%s</faultcode>"
		    "<faultstring>", code);
	abuf_put_xml(out, reason, strlen(reason));
	abuf_puts(out, "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n");
	return 500;
}

int amt_soap_handle(struct amt_model *m, const char *path, const char *body, size_t len,
		    bool authed, struct abuf *out, const char **content_type)
{
	const struct soap_service *svc = soap_service_find(path);
	const struct soap_method *meth;
	struct xml_doc *doc;
	struct soap_req r;
	int env, bdy, status;

	if (!svc)
		return 404;
	if (!authed)
		return 401;
	*content_type = SOAP_CTYPE;
	doc = xml_parse(body, len);
	if (!doc)
		return soap_fault(out, "Client", "the request is not well-formed XML");
	env = xml_root(doc);
	bdy = env >= 0 && xml_is(doc, env, SOAP_ENV_NS, "Envelope") ?
	      xml_child(doc, env, SOAP_ENV_NS, "Body") : -1;
	if (bdy < 0) {
		status = soap_fault(out, "Client", "no SOAP 1.1 Envelope with a Body");
		goto out;
	}
	memset(&r, 0, sizeof(r));
	r.doc = doc;
	r.ns = svc->ns;
	r.method = xml_first_child(doc, bdy);
	if (r.method < 0 || !xml_is(doc, r.method, svc->ns, NULL)) {
		status = soap_fault(out, "Client", "the Body holds no method of this service");
		goto out;
	}
	snprintf(r.name, sizeof(r.name), "%s", xml_name(doc, r.method));
	for (meth = svc->methods; meth->name; meth++)
		if (!strcmp(meth->name, r.name))
			break;
	if (!meth->name) {
		status = soap_fault(out, "Client", "method not supported by this service");
		goto out;
	}
	soap_open(out, &r);
	meth->run(m, &r, out);
	soap_close(out, &r);
	status = out->err ? soap_fault(out, "Server", "reply too large") : 200;
out:
	xml_free(doc);
	return status;
}

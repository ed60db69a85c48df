// SPDX-License-Identifier: GPL-2.0
/*
 * wsman - WS-Management on POST /wsman (see wsman.h): SOAP 1.2 envelopes
 * with WS-Addressing headers. Each modelled class is a row of
 * wsman_classes[]: its resource URI, how many instances it has, how to
 * write one, and what Put and Invoke do. Errors are SOAP faults with the
 * WS-Management subcodes of DSP0226.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amt_model.h"
#include "wsman.h"
#include "xml.h"

#define A_GET		"http://schemas.xmlsoap.org/ws/2004/09/transfer/Get"
#define A_PUT		"http://schemas.xmlsoap.org/ws/2004/09/transfer/Put"
#define A_ENUMERATE	WSMAN_NS_WSEN "/Enumerate"
#define A_PULL		WSMAN_NS_WSEN "/Pull"
#define A_RELEASE	WSMAN_NS_WSEN "/Release"
#define A_FAULT		WSMAN_NS_WSMAN "/fault"
#define A_ADDR_FAULT	WSMAN_NS_WSA "/fault"
#define CTYPE		"application/soap+xml;charset=UTF-8"
#define TEXT_MAX	256

struct wsman_req {
	struct amt_model *m;
	const struct xml_doc *doc;
	int header, body;
	char action[TEXT_MAX];
	char resource[TEXT_MAX];
	char msgid[TEXT_MAX];
	struct abuf *out;
	/* the class whose namespace the Envelope declares as "p", or NULL */
	const struct wsman_class *cls;
};

struct wsman_class {
	const char *ns;		/* WSMAN_NS_AMT or WSMAN_NS_CIM */
	const char *name;
	const char *key;	/* the key property its selector names */
	int (*count)(const struct amt_model *m);
	/* instance @i: its key value, and its properties into @out */
	const char *(*key_value)(const struct amt_model *m, int i, char *buf, size_t cap);
	void (*props)(const struct amt_model *m, int i, struct abuf *out);
	/* Put: update from the instance element @el; 0 or a fault reason */
	const char *(*put)(struct amt_model *m, const struct xml_doc *doc, int el);
	/* Invoke of @method: ReturnValue, or -1 for an unknown method */
	int (*invoke)(struct amt_model *m, const char *method, const struct xml_doc *doc,
		      int input);
};

/* ---- instances ------------------------------------------------------------ */

static int one(const struct amt_model *m)
{
	(void)m;
	return 1;
}

static void prop(struct abuf *out, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void prop(struct abuf *out, const char *name, const char *fmt, ...)
{
	char val[TEXT_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(val, sizeof(val), fmt, ap);
	va_end(ap);
	abuf_printf(out, "<p:%s>", name);
	abuf_put_xml(out, val, strlen(val));
	abuf_printf(out, "</p:%s>", name);
}

static const char *fixed_key(const char *s, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s", s);
	return buf;
}

#define GS_ID "Intel(r) AMT: General Settings"

static const char *gs_key(const struct amt_model *m, int i, char *buf, size_t cap)
{
	(void)m, (void)i;
	return fixed_key(GS_ID, buf, cap);
}

static void gs_props(const struct amt_model *m, int i, struct abuf *out)
{
	(void)i;
	prop(out, "AMTNetworkEnabled", "1");
	prop(out, "DDNSUpdateEnabled", "false");
	prop(out, "DigestRealm", "%s", m->realm);
	prop(out, "DomainName", "%s", m->domain);
	prop(out, "ElementName", "Intel(r) AMT: General Settings");
	prop(out, "HostName", "%s", m->hostname);
	prop(out, "HostOSFQDN", "%s.%s", m->hostname, m->domain);
	prop(out, "InstanceID", GS_ID);
	prop(out, "NetworkInterfaceEnabled", "true");
	prop(out, "PowerSource", "0");
	prop(out, "RmcpPingResponseEnabled", "true");
	prop(out, "SharedFQDN", "true");
	prop(out, "WsmanOnlyMode", "false");
}

/* A host or domain name as AMT accepts it: letters, digits, '-' and '.'. */
static bool name_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	return n && n < max && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				      "0123456789-.") == n && s[0] != '-' && s[0] != '.';
}

static const char *gs_put(struct amt_model *m, const struct xml_doc *doc, int el)
{
	char host[TEXT_MAX], dom[TEXT_MAX];
	int h = xml_child(doc, el, NULL, "HostName");
	int d = xml_child(doc, el, NULL, "DomainName");

	if (h >= 0 && (xml_text(doc, h, host, sizeof(host)) < 0 ||
		       !name_ok(host, sizeof(m->hostname))))
		return "HostName is not a valid host name";
	if (d >= 0 && (xml_text(doc, d, dom, sizeof(dom)) < 0 ||
		       (dom[0] && !name_ok(dom, sizeof(m->domain)))))
		return "DomainName is not a valid domain name";
	/* name_ok() checked that both fit */
	if (h >= 0)
		memcpy(m->hostname, host, strlen(host) + 1);
	if (d >= 0)
		memcpy(m->domain, dom, strlen(dom) + 1);
	return NULL;
}

static const char *const sw_ids[] = { "Flash", "AMT", "Build Number", "Sku", "VendorID" };

static int sw_count(const struct amt_model *m)
{
	(void)m;
	return (int)(sizeof(sw_ids) / sizeof(sw_ids[0]));
}

static const char *sw_key(const struct amt_model *m, int i, char *buf, size_t cap)
{
	(void)m;
	return fixed_key(sw_ids[i], buf, cap);
}

static void sw_props(const struct amt_model *m, int i, struct abuf *out)
{
	static const char *const vals[] = {
		AMT_MODEL_FW_VERSION, AMT_MODEL_FW_VERSION, AMT_MODEL_FW_BUILD, "16392", "8086",
	};

	(void)m;
	prop(out, "InstanceID", "%s", sw_ids[i]);
	prop(out, "IsEntity", "true");
	prop(out, "VersionString", "%s", vals[i]);
}

static void setup_props(const struct amt_model *m, int i, struct abuf *out)
{
	(void)i;
	prop(out, "CreationClassName", "AMT_SetupAndConfigurationService");
	prop(out, "ElementName", "Intel(r) AMT Setup and Configuration Service");
	prop(out, "EnabledState", "5");
	prop(out, "Name", "Intel(r) AMT Setup and Configuration Service");
	prop(out, "PasswordModel", "1");
	prop(out, "ProvisioningMode", "1");
	prop(out, "ProvisioningState", "%d", m->provisioning_state);
	prop(out, "SystemCreationClassName", "CIM_ComputerSystem");
	prop(out, "SystemName", "Intel(r) AMT");
}

static const char *name_key(const char *name, char *buf, size_t cap)
{
	return fixed_key(name, buf, cap);
}

static const char *setup_key(const struct amt_model *m, int i, char *buf, size_t cap)
{
	(void)m, (void)i;
	return name_key("Intel(r) AMT Setup and Configuration Service", buf, cap);
}

static const char *pkg_key(const struct amt_model *m, int i, char *buf, size_t cap)
{
	char uuid[37];
	size_t o = 0, k;

	(void)i;
	amt_model_uuid_str(m, uuid);
	for (k = 0; uuid[k] && o + 1 < cap; k++)
		if (uuid[k] != '-')
			buf[o++] = uuid[k];
	buf[o] = '\0';
	return buf;
}

static void pkg_props(const struct amt_model *m, int i, struct abuf *out)
{
	char guid[40];

	prop(out, "PlatformGUID", "%s", pkg_key(m, i, guid, sizeof(guid)));
}

static const char *power_key(const struct amt_model *m, int i, char *buf, size_t cap)
{
	(void)m, (void)i;
	return name_key("Intel(r) AMT Power Management Service", buf, cap);
}

static void assoc_power_props(const struct amt_model *m, int i, struct abuf *out)
{
	(void)i;
	abuf_puts(out, "<p:AvailableRequestedPowerStates>2</p:AvailableRequestedPowerStates>"
		  "<p:AvailableRequestedPowerStates>5</p:AvailableRequestedPowerStates>"
		  "<p:AvailableRequestedPowerStates>8</p:AvailableRequestedPowerStates>"
		  "<p:AvailableRequestedPowerStates>10</p:AvailableRequestedPowerStates>");
	prop(out, "PowerState", "%d", (int)m->power_state);
	prop(out, "RequestedPowerState", "%d",
	     m->last_power_request ? m->last_power_request : (int)m->power_state);
}

static void power_props(const struct amt_model *m, int i, struct abuf *out)
{
	(void)m, (void)i;
	prop(out, "CreationClassName", "CIM_PowerManagementService");
	prop(out, "ElementName", "Intel(r) AMT Power Management Service");
	prop(out, "EnabledState", "5");
	prop(out, "Name", "Intel(r) AMT Power Management Service");
	prop(out, "SystemCreationClassName", "CIM_ComputerSystem");
	prop(out, "SystemName", "Intel(r) AMT");
}

static int power_invoke(struct amt_model *m, const char *method, const struct xml_doc *doc,
			int input)
{
	char val[32], *end;
	long state;
	int el;

	if (strcmp(method, "RequestPowerStateChange"))
		return -1;
	el = xml_child(doc, input, NULL, "PowerState");
	if (el < 0 || xml_text(doc, el, val, sizeof(val)) <= 0)
		return 2;	/* "Unknown or unspecified error" style: missing parameter */
	state = strtol(val, &end, 10);
	if (*end || !amt_model_request_power(m, (int)state))
		return 2;
	return 0;
}

#define EPS_ID "Intel(r) AMT Ethernet Port Settings 1"

static const char *eps_key(const struct amt_model *m, int i, char *buf, size_t cap)
{
	(void)m, (void)i;
	return fixed_key(EPS_ID, buf, cap);
}

static void eps_props(const struct amt_model *m, int i, struct abuf *out)
{
	const uint8_t *a = m->mac;

	(void)i;
	prop(out, "DHCPEnabled", "%s", m->dhcp ? "true" : "false");
	prop(out, "ElementName", "Intel(r) AMT Ethernet Port Settings");
	prop(out, "InstanceID", EPS_ID);
	if (m->ip)
		prop(out, "IPAddress", "%u.%u.%u.%u", m->ip >> 24, (m->ip >> 16) & 0xff,
		     (m->ip >> 8) & 0xff, m->ip & 0xff);
	prop(out, "IpSyncEnabled", "true");
	prop(out, "LinkIsUp", "%s", m->link_up ? "true" : "false");
	prop(out, "LinkPolicy", "14");
	prop(out, "MACAddress", "%02x-%02x-%02x-%02x-%02x-%02x",
	     a[0], a[1], a[2], a[3], a[4], a[5]);
	prop(out, "PhysicalConnectionType", "3");	/* wireless LAN */
	prop(out, "SharedMAC", "true");
	if (m->ssid[0])
		prop(out, "WLANSSID", "%s", m->ssid);
	prop(out, "WLANLinkProtectionLevel", "1");
}

static const char *redir_key(const struct amt_model *m, int i, char *buf, size_t cap)
{
	(void)m, (void)i;
	return name_key("Intel(r) AMT Redirection Service", buf, cap);
}

static void redir_props(const struct amt_model *m, int i, struct abuf *out)
{
	(void)i;
	prop(out, "CreationClassName", "AMT_RedirectionService");
	prop(out, "ElementName", "Intel(r) AMT Redirection Service");
	/* 32768 none, 32769 IDE-R, 32770 SOL, 32771 both */
	prop(out, "EnabledState", "%d", m->sol_enabled ? 32770 : 32768);
	prop(out, "ListenerEnabled", "%s", m->redir_listener ? "true" : "false");
	prop(out, "Name", "Intel(r) AMT Redirection Service");
	prop(out, "SystemCreationClassName", "CIM_ComputerSystem");
	prop(out, "SystemName", "Intel(r) AMT");
}

static const struct wsman_class wsman_classes[] = {
	{ .ns = WSMAN_NS_AMT, .name = "AMT_GeneralSettings", .key = "InstanceID", .count = one,
	  .key_value = gs_key, .props = gs_props, .put = gs_put },
	{ .ns = WSMAN_NS_CIM, .name = "CIM_SoftwareIdentity", .key = "InstanceID",
	  .count = sw_count, .key_value = sw_key, .props = sw_props },
	{ .ns = WSMAN_NS_AMT, .name = "AMT_SetupAndConfigurationService", .key = "Name",
	  .count = one, .key_value = setup_key, .props = setup_props },
	{ .ns = WSMAN_NS_CIM, .name = "CIM_ComputerSystemPackage", .key = "PlatformGUID",
	  .count = one, .key_value = pkg_key, .props = pkg_props },
	{ .ns = WSMAN_NS_CIM, .name = "CIM_AssociatedPowerManagementService", .key = "Name",
	  .count = one, .key_value = power_key, .props = assoc_power_props },
	{ .ns = WSMAN_NS_CIM, .name = "CIM_PowerManagementService", .key = "Name",
	  .count = one, .key_value = power_key, .props = power_props, .invoke = power_invoke },
	{ .ns = WSMAN_NS_AMT, .name = "AMT_EthernetPortSettings", .key = "InstanceID",
	  .count = one, .key_value = eps_key, .props = eps_props },
	{ .ns = WSMAN_NS_AMT, .name = "AMT_RedirectionService", .key = "Name", .count = one,
	  .key_value = redir_key, .props = redir_props },
};

#define N_CLASSES ((int)(sizeof(wsman_classes) / sizeof(wsman_classes[0])))

static const struct wsman_class *class_find(const char *uri)
{
	int i;

	for (i = 0; i < N_CLASSES; i++) {
		const struct wsman_class *c = &wsman_classes[i];
		size_t n = strlen(c->ns);

		if (!strncmp(uri, c->ns, n) && !strcmp(uri + n, c->name))
			return c;
	}
	return NULL;
}

/* ---- envelopes -------------------------------------------------------------- */

static void uuid_next(char out[48])
{
	static unsigned long long n;

	n++;
	snprintf(out, 48, "uuid:00000000-8086-8086-8086-%012llx", n & 0xffffffffffffULL);
}

static void env_open(struct wsman_req *r, const char *action)
{
	char id[48];

	uuid_next(id);
	abuf_printf(r->out,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		    "<s:Envelope xmlns:s=\"" WSMAN_NS_SOAP "\" xmlns:wsa=\"" WSMAN_NS_WSA "\" "
		    "xmlns:wsman=\"" WSMAN_NS_WSMAN "\" xmlns:wsen=\"" WSMAN_NS_WSEN "\"");
	/*
	 * The class's namespace goes on the Envelope, as AMT does: wsl finds an
	 * instance by a line holding "<prefix>:<Class>>", which an opening tag
	 * with its own xmlns attribute would not be.
	 */
	if (r->cls)
		abuf_printf(r->out, " xmlns:p=\"%s%s\"", r->cls->ns, r->cls->name);
	abuf_puts(r->out, ">"
		    "<s:Header><wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/"
		    "anonymous</wsa:To><wsa:RelatesTo>");
	abuf_put_xml(r->out, r->msgid, strlen(r->msgid));
	abuf_printf(r->out, "</wsa:RelatesTo><wsa:Action s:mustUnderstand=\"true\">%s</wsa:Action>"
		    "<wsa:MessageID>%s</wsa:MessageID>", action, id);
	if (r->resource[0]) {
		abuf_puts(r->out, "<wsman:ResourceURI>");
		abuf_put_xml(r->out, r->resource, strlen(r->resource));
		abuf_puts(r->out, "</wsman:ResourceURI>");
	}
	abuf_puts(r->out, "</s:Header><s:Body>");
}

static void env_close(struct wsman_req *r)
{
	abuf_puts(r->out, "</s:Body></s:Envelope>");
}

/*
 * A SOAP 1.2 fault (DSP0226 14): @sender selects Sender (HTTP 400) or
 * Receiver (HTTP 500); @subns/@sub the WS-Management subcode.
 */
static int fault(struct wsman_req *r, bool sender, const char *action, const char *subns,
		 const char *sub, const char *reason)
{
	abuf_reset(r->out);
	env_open(r, action);
	abuf_printf(r->out, "<s:Fault><s:Code><s:Value>s:%s</s:Value><s:Subcode>"
		    "<s:Value xmlns:e=\"%s\">e:%s</s:Value></s:Subcode></s:Code>"
		    "<s:Reason><s:Text xml:lang=\"en-US\">", sender ? "Sender" : "Receiver",
		    subns, sub);
	abuf_put_xml(r->out, reason, strlen(reason));
	abuf_puts(r->out, "</s:Text></s:Reason></s:Fault>");
	env_close(r);
	return sender ? 400 : 500;
}

static void instance(struct wsman_req *r, const struct wsman_class *c, int i)
{
	if (r->cls == c)
		abuf_printf(r->out, "<p:%s>", c->name);
	else
		abuf_printf(r->out, "<p:%s xmlns:p=\"%s%s\">", c->name, c->ns, c->name);
	c->props(r->m, i, r->out);
	abuf_printf(r->out, "</p:%s>", c->name);
}

static void epr(struct wsman_req *r, const struct wsman_class *c, int i)
{
	char key[TEXT_MAX];

	abuf_printf(r->out, "<wsa:EndpointReference><wsa:Address>http://schemas.xmlsoap.org/ws/"
		    "2004/08/addressing/role/anonymous</wsa:Address><wsa:ReferenceParameters>"
		    "<wsman:ResourceURI>%s%s</wsman:ResourceURI><wsman:SelectorSet>"
		    "<wsman:Selector Name=\"%s\">", c->ns, c->name, c->key);
	c->key_value(r->m, i, key, sizeof(key));
	abuf_put_xml(r->out, key, strlen(key));
	abuf_puts(r->out, "</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters>"
		  "</wsa:EndpointReference>");
}

/*
 * The instance the request's SelectorSet names: its index, or -1 with a
 * fault written. A class with one instance takes no selector or its key;
 * one with several needs its key.
 */
static int select_instance(struct wsman_req *r, const struct wsman_class *c, int *status)
{
	int set = xml_child(r->doc, r->header, WSMAN_NS_WSMAN, "SelectorSet");
	int sel, n = c->count(r->m), i;
	char name[64], val[TEXT_MAX], key[TEXT_MAX];
	bool have = false;

	for (sel = xml_child(r->doc, set, WSMAN_NS_WSMAN, "Selector"); sel >= 0;
	     sel = xml_next(r->doc, sel, WSMAN_NS_WSMAN, "Selector")) {
		if (xml_attr(r->doc, sel, "Name", name, sizeof(name)) < 0 ||
		    xml_text(r->doc, sel, val, sizeof(val)) < 0)
			goto bad;
		if (!strcmp(name, "__cimnamespace"))
			continue;
		if (strcmp(name, c->key) || have)
			goto bad;
		have = true;
	}
	if (!have) {
		if (n == 1)
			return 0;
		goto bad;
	}
	for (i = 0; i < n; i++)
		if (!strcmp(c->key_value(r->m, i, key, sizeof(key)), val))
			return i;
bad:
	*status = fault(r, true, A_FAULT, WSMAN_NS_WSMAN, "InvalidSelectors",
			"The selectors for the resource are not valid.");
	return -1;
}

/* ---- operations ------------------------------------------------------------- */

static int do_identify(struct wsman_req *r)
{
	abuf_printf(r->out,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		    "<s:Envelope xmlns:s=\"" WSMAN_NS_SOAP "\" xmlns:wsmid=\"" WSMAN_NS_WSMID "\">"
		    "<s:Header/><s:Body><wsmid:IdentifyResponse>"
		    "<wsmid:ProtocolVersion>" WSMAN_NS_WSMAN "</wsmid:ProtocolVersion>"
		    "<wsmid:ProductVendor>Intel Corporation</wsmid:ProductVendor>"
		    "<wsmid:ProductVersion>AMT " AMT_MODEL_FW_VERSION "</wsmid:ProductVersion>"
		    "<dash:DASHVersion xmlns:dash=\"http://schemas.dmtf.org/wbem/dash/1/dash.xsd\">"
		    "1.0.0</dash:DASHVersion>"
		    "<wsmid:SecurityProfiles><wsmid:SecurityProfileName>"
		    "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/digest"
		    "</wsmid:SecurityProfileName></wsmid:SecurityProfiles>"
		    "</wsmid:IdentifyResponse></s:Body></s:Envelope>");
	return 200;
}

static int do_get(struct wsman_req *r, const struct wsman_class *c)
{
	int status = 200, i = select_instance(r, c, &status);

	if (i < 0)
		return status;
	env_open(r, A_GET "Response");
	instance(r, c, i);
	env_close(r);
	return 200;
}

static int do_put(struct wsman_req *r, const struct wsman_class *c)
{
	int status = 200, i = select_instance(r, c, &status), el;
	const char *why;

	if (i < 0)
		return status;
	if (!c->put)
		return fault(r, true, A_ADDR_FAULT, WSMAN_NS_WSA, "ActionNotSupported",
			     "This class is read-only.");
	el = xml_child(r->doc, r->body, NULL, c->name);
	if (el < 0)
		return fault(r, true, A_FAULT, WSMAN_NS_WSMAN, "SchemaValidationError",
			     "The Body holds no instance of the class.");
	why = c->put(r->m, r->doc, el);
	if (why)
		return fault(r, true, A_FAULT, WSMAN_NS_WSMAN, "SchemaValidationError", why);
	env_open(r, A_PUT "Response");
	instance(r, c, i);
	env_close(r);
	return 200;
}

/* Open enumerations: a context id names a class, a position and a mode. */
static struct wsman_ctx {
	unsigned int id;		/* 0 = free */
	const struct wsman_class *c;
	int pos;
	enum { ENUM_OBJ, ENUM_EPR, ENUM_OBJ_EPR } mode;	/* wsman:EnumerationMode */
} ctxs[WSMAN_CONTEXTS];
static unsigned int ctx_serial;

static struct wsman_ctx *ctx_find(const char *text)
{
	unsigned int id;
	char *end;
	int i;

	if (strncmp(text, "ctx-", 4))
		return NULL;
	id = (unsigned int)strtoul(text + 4, &end, 16);
	if (*end || !id)
		return NULL;
	for (i = 0; i < WSMAN_CONTEXTS; i++)
		if (ctxs[i].id == id)
			return &ctxs[i];
	return NULL;
}

static unsigned long max_elements(struct wsman_req *r, int el, const char *ns)
{
	char val[16], *end;
	unsigned long n;
	int m = xml_child(r->doc, el, ns, "MaxElements");

	if (m < 0 || xml_text(r->doc, m, val, sizeof(val)) <= 0)
		return 1;	/* DSP0226 8.2.3: one item unless asked for more */
	n = strtoul(val, &end, 10);
	return *end || !n ? 1 : n;
}

/* Items from @x's position, at most @max; returns whether the end was reached. */
static bool items(struct wsman_req *r, struct wsman_ctx *x, unsigned long max)
{
	int n = x->c->count(r->m);

	abuf_puts(r->out, "<wsman:Items>");
	while (max-- && x->pos < n) {
		if (x->mode == ENUM_EPR) {
			epr(r, x->c, x->pos);
		} else if (x->mode == ENUM_OBJ_EPR) {
			/* DSP0226 8.7: the object, then its reference, in one Item */
			abuf_puts(r->out, "<wsman:Item>");
			instance(r, x->c, x->pos);
			epr(r, x->c, x->pos);
			abuf_puts(r->out, "</wsman:Item>");
		} else {
			instance(r, x->c, x->pos);
		}
		x->pos++;
	}
	abuf_puts(r->out, "</wsman:Items>");
	return x->pos >= n;
}

static int do_enumerate(struct wsman_req *r, const struct wsman_class *c)
{
	int en = xml_child(r->doc, r->body, WSMAN_NS_WSEN, "Enumerate");
	int mode = xml_child(r->doc, en, WSMAN_NS_WSMAN, "EnumerationMode");
	bool optimize = xml_child(r->doc, en, WSMAN_NS_WSMAN, "OptimizeEnumeration") >= 0;
	char val[64] = "";
	struct wsman_ctx *x;
	unsigned int slot;

	if (en < 0)
		return fault(r, true, A_FAULT, WSMAN_NS_WSMAN, "SchemaValidationError",
			     "The Body holds no Enumerate element.");
	if (xml_child(r->doc, en, WSMAN_NS_WSMAN, "Filter") >= 0)
		return fault(r, true, A_FAULT, WSMAN_NS_WSMAN, "FilteringNotSupported",
			     "Filtered enumeration is not supported.");
	if (mode >= 0 && (xml_text(r->doc, mode, val, sizeof(val)) < 0 ||
			  (strcmp(val, "EnumerateEPR") && strcmp(val, "EnumerateObjectAndEPR"))))
		return fault(r, true, A_FAULT, WSMAN_NS_WSMAN, "UnsupportedFeature",
			     "The enumeration mode is not EnumerateEPR or EnumerateObjectAndEPR.");
	slot = ctx_serial++ % WSMAN_CONTEXTS;	/* the oldest is reused */
	x = &ctxs[slot];
	*x = (struct wsman_ctx){ .id = ((ctx_serial & 0xffffff) << 4) | slot, .c = c,
				  .mode = mode < 0 ? ENUM_OBJ :
					  strcmp(val, "EnumerateEPR") ? ENUM_OBJ_EPR : ENUM_EPR };
	if (!x->id)
		x->id = 1u << 28;
	env_open(r, A_ENUMERATE "Response");
	abuf_puts(r->out, "<wsen:EnumerateResponse>");
	if (optimize && items(r, x, max_elements(r, en, WSMAN_NS_WSMAN))) {
		abuf_puts(r->out, "<wsman:EndOfSequence/>");
		x->id = 0;
	} else {
		abuf_printf(r->out, "<wsen:EnumerationContext>ctx-%x</wsen:EnumerationContext>", x->id);
	}
	abuf_puts(r->out, "</wsen:EnumerateResponse>");
	env_close(r);
	return 200;
}

static int do_pull(struct wsman_req *r, bool release)
{
	int el = xml_child(r->doc, r->body, WSMAN_NS_WSEN, release ? "Release" : "Pull");
	int ce = xml_child(r->doc, el, WSMAN_NS_WSEN, "EnumerationContext");
	char val[64];
	struct wsman_ctx *x = NULL;

	if (ce >= 0 && xml_text(r->doc, ce, val, sizeof(val)) >= 0)
		x = ctx_find(val);
	if (!x)
		return fault(r, true, A_FAULT, WSMAN_NS_WSEN, "InvalidEnumerationContext",
			     "The enumeration context is not valid.");
	r->cls = x->c;
	if (release) {
		x->id = 0;
		env_open(r, A_RELEASE "Response");
		env_close(r);
		return 200;
	}
	env_open(r, A_PULL "Response");
	abuf_puts(r->out, "<wsen:PullResponse>");
	if (items(r, x, max_elements(r, el, WSMAN_NS_WSEN))) {
		abuf_puts(r->out, "<wsen:EndOfSequence/>");
		x->id = 0;
	} else {
		abuf_printf(r->out, "<wsen:EnumerationContext>ctx-%x</wsen:EnumerationContext>", x->id);
	}
	abuf_puts(r->out, "</wsen:PullResponse>");
	env_close(r);
	return 200;
}

static int do_invoke(struct wsman_req *r, const struct wsman_class *c, const char *method)
{
	char name[96], action[TEXT_MAX + 8];
	int status = 200, i, input, rv;

	if (!c->invoke)
		return fault(r, true, A_ADDR_FAULT, WSMAN_NS_WSA, "ActionNotSupported",
			     "The class has no methods.");
	i = select_instance(r, c, &status);
	if (i < 0)
		return status;
	snprintf(name, sizeof(name), "%s_INPUT", method);
	input = xml_child(r->doc, r->body, NULL, name);
	if (input < 0)
		return fault(r, true, A_FAULT, WSMAN_NS_WSMAN, "SchemaValidationError",
			     "The Body holds no method input.");
	rv = c->invoke(r->m, method, r->doc, input);
	if (rv < 0)
		return fault(r, true, A_ADDR_FAULT, WSMAN_NS_WSA, "ActionNotSupported",
			     "The method is not supported.");
	snprintf(action, sizeof(action), "%s", r->action);
	env_open(r, action);
	abuf_printf(r->out, "<p:%s_OUTPUT xmlns:p=\"%s%s\"><p:ReturnValue>%d</p:ReturnValue>"
		    "</p:%s_OUTPUT>", method, c->ns, c->name, rv, method);
	env_close(r);
	return 200;
}

static int header_text(struct wsman_req *r, const char *ns, const char *name, char *buf)
{
	int el = xml_child(r->doc, r->header, ns, name);

	buf[0] = '\0';
	return el < 0 ? 0 : xml_text(r->doc, el, buf, TEXT_MAX) < 0 ? -1 : 1;
}

static int dispatch(struct wsman_req *r)
{
	const struct wsman_class *c;
	size_t n;

	if (header_text(r, WSMAN_NS_WSA, "Action", r->action) <= 0)
		return fault(r, true, A_ADDR_FAULT, WSMAN_NS_WSA, "MessageInformationHeaderRequired",
			     "The request has no Action header.");
	if (header_text(r, WSMAN_NS_WSMAN, "ResourceURI", r->resource) <= 0)
		return fault(r, true, A_ADDR_FAULT, WSMAN_NS_WSA, "DestinationUnreachable",
			     "The request has no ResourceURI.");
	c = class_find(r->resource);
	if (!c)
		return fault(r, true, A_ADDR_FAULT, WSMAN_NS_WSA, "DestinationUnreachable",
			     "No route can be determined to reach the destination role "
			     "defined by the WS-Addressing To.");
	r->cls = c;
	if (!strcmp(r->action, A_GET))
		return do_get(r, c);
	if (!strcmp(r->action, A_PUT))
		return do_put(r, c);
	if (!strcmp(r->action, A_ENUMERATE))
		return do_enumerate(r, c);
	if (!strcmp(r->action, A_PULL))
		return do_pull(r, false);
	if (!strcmp(r->action, A_RELEASE))
		return do_pull(r, true);
	n = strlen(r->resource);
	if (!strncmp(r->action, r->resource, n) && r->action[n] == '/' && r->action[n + 1])
		return do_invoke(r, c, r->action + n + 1);
	return fault(r, true, A_ADDR_FAULT, WSMAN_NS_WSA, "ActionNotSupported",
		     "The action is not supported by the service.");
}

int amt_wsman_handle(struct amt_model *m, const char *body, size_t len, bool authed,
		     struct abuf *out, const char **content_type)
{
	struct wsman_req r = { .m = m, .out = out };
	struct xml_doc *doc = xml_parse(body, len);
	int env, status;

	*content_type = CTYPE;
	env = xml_root(doc);
	if (!doc || !xml_is(doc, env, WSMAN_NS_SOAP, "Envelope")) {
		xml_free(doc);
		if (!authed)
			return 401;
		return fault(&r, true, A_FAULT, WSMAN_NS_WSMAN, "SchemaValidationError",
			     "The request is not a SOAP 1.2 envelope.");
	}
	r.doc = doc;
	r.header = xml_child(doc, env, WSMAN_NS_SOAP, "Header");
	r.body = xml_child(doc, env, WSMAN_NS_SOAP, "Body");
	if (r.body >= 0 && xml_child(doc, r.body, WSMAN_NS_WSMID, "Identify") >= 0) {
		status = do_identify(&r);
	} else if (!authed) {
		status = 401;
	} else if (r.body < 0) {
		status = fault(&r, true, A_FAULT, WSMAN_NS_WSMAN, "SchemaValidationError",
			       "The envelope has no Body.");
	} else {
		header_text(&r, WSMAN_NS_WSA, "MessageID", r.msgid);
		status = dispatch(&r);
	}
	xml_free(doc);
	if (out->err) {
		abuf_reset(out);
		return fault(&r, false, A_FAULT, WSMAN_NS_WSMAN, "InternalError",
			     "The reply is too large.");
	}
	return status;
}

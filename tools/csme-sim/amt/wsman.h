/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wsman - WS-Management (DMTF DSP0226) on AMT's POST /wsman: Identify
 * without authentication; with it, Get, Put, Enumerate/Pull/Release and
 * Invoke on the AMT and CIM classes csme-sim models. Entry point:
 * amt_wsman_handle() (http_routes.h).
 */
#ifndef AMT_WSMAN_H
#define AMT_WSMAN_H

#include "http_routes.h"

#define WSMAN_NS_SOAP	"http://www.w3.org/2003/05/soap-envelope"
#define WSMAN_NS_WSA	"http://schemas.xmlsoap.org/ws/2004/08/addressing"
#define WSMAN_NS_WSMAN	"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
#define WSMAN_NS_WSEN	"http://schemas.xmlsoap.org/ws/2004/09/enumeration"
#define WSMAN_NS_WSMID	"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"
#define WSMAN_NS_AMT	"http://intel.com/wbem/wscim/1/amt-schema/1/"
#define WSMAN_NS_CIM	"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/"

#define WSMAN_CONTEXTS	16	/* enumerations open at once (oldest reused) */
#define WSMAN_REPLY_MAX	(256 * 1024)

#endif /* AMT_WSMAN_H */

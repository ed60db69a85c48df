/* SPDX-License-Identifier: GPL-2.0 */
/*
 * soap - AMT's legacy SOAP 1.1 services on 16992 (before WS-Management):
 * SecurityAdministration, RemoteControl and NetworkAdministration, as
 * amttool and the AMT SDK samples of that time use them. Entry point:
 * amt_soap_handle() (http_routes.h).
 */
#ifndef AMT_SOAP_H
#define AMT_SOAP_H

#include "http_routes.h"

#endif /* AMT_SOAP_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers shared by the two encoder files, sap_msg.c and sap_msg_csme.c;
 * not part of the core's interface.
 */
#ifndef SAP_MSG_ENC_H
#define SAP_MSG_ENC_H

#include "sap_msg.h"

#define SAP_HDR_LEN		((u32)sizeof(struct sap_hdr))

int sap_enc_begin(void *buf, u32 buf_len, u16 type, u32 seq, u32 total);
int sap_enc_conn_begin(void *buf, u32 buf_len, u16 type, u32 seq, u32 total,
		       const struct sap_conn_params *conn, bool fields_ok);
void sap_conn_to_wire(struct sap_conn_info *w, const struct sap_conn_params *c);
int sap_me_begin(void *buf, u32 buf_len, u32 type, u32 seq, u8 version, u32 size);

#endif /* SAP_MSG_ENC_H */

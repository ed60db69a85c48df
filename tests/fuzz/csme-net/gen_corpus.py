#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# Writes the seed corpus for fuzz_net_input (record format: see the harness).
# Usage: gen_corpus.py <corpus/net_input dir>
import struct, sys, os

OUR_MAC = bytes.fromhex("021122334455")
PEER_MAC = bytes.fromhex("02aabbccddee")
OUR_IP = bytes([192, 168, 1, 50])
PEER_IP = bytes([192, 168, 1, 10])

def rec(op, data=b"", length=None):
    return bytes([op]) + struct.pack(">H", len(data) if length is None else length) + data

def tcp(flags, data=b"", sport=40000, dport=16992, seq=1000, ack=0, opts=b""):
    th = struct.pack(">HHIIBBHHH", sport, dport, seq, ack, (20 + len(opts)) // 4 << 4,
                     flags, 65535, 0, 0) + opts + data
    ip = struct.pack(">BBHHHBBH", 0x45, 0, 20 + len(th), 1, 0, 64, 6, 0) + PEER_IP + OUR_IP
    return OUR_MAC + PEER_MAC + b"\x08\x00" + ip + th

def arp_req(target=OUR_IP):
    return (b"\xff" * 6 + PEER_MAC + b"\x08\x06" + struct.pack(">HHBBH", 1, 0x800, 6, 4, 1)
            + PEER_MAC + PEER_IP + b"\x00" * 6 + target)

def dhcp_req(ip):
    bootp = bytearray(240)
    bootp[0:3] = b"\x01\x01\x06"
    bootp[28:34] = OUR_MAC
    bootp[236:240] = b"\x63\x82\x53\x63"
    opts = bytes([53, 1, 3, 50, 4]) + ip + b"\xff"
    udp = struct.pack(">HHHH", 68, 67, 8 + 240 + len(opts), 0) + bytes(bootp) + opts
    ipb = bytearray(struct.pack(">BBHHHBBH", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0)
                    + b"\x00" * 4 + b"\xff" * 4)
    s = sum(struct.unpack(">10H", ipb))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    ipb[10:12] = struct.pack(">H", ~s & 0xffff)
    return b"\xff" * 6 + OUR_MAC + b"\x08\x00" + bytes(ipb) + udp

MSS = b"\x02\x04\x05\xb4"
SYN, ACK, PSH, FIN, RST = 2, 0x10, 8, 1, 4

def session(req, mss=MSS, split=None, port=0):
    """port: 0 the page, 8 the bulk service, 16 the echo service (smart op bits)"""
    s = rec(3 | port, tcp(SYN, opts=mss)) + rec(7 | port, tcp(ACK))
    if split:
        s += rec(7 | port, tcp(ACK | PSH, req[:split])) + rec(7 | port, tcp(ACK | PSH, req[split:]))
    else:
        s += rec(7 | port, tcp(ACK | PSH, req))
    return s + rec(7 | port, tcp(ACK | FIN)) + rec(7 | port, tcp(ACK))

seeds = {
    "arp": rec(0, arp_req()),
    "get": session(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", split=9),
    "get_mss64": session(b"GET / HTTP/1.1\r\n\r\n", mss=b"\x02\x04\x00\x40"),
    "head": session(b"HEAD / HTTP/1.0\r\n\r\n"),
    "404": session(b"GET /nope HTTP/1.1\r\n\r\n"),
    "405": session(b"PUT / HTTP/1.1\r\n\r\n"),
    "400": session(b"garbage\n\n"),
    "dhcp_arp": rec(1, dhcp_req(bytes([10, 0, 0, 7]))) + rec(0, arp_req(bytes([10, 0, 0, 7]))),
    "syn_tick": rec(3, tcp(SYN, opts=MSS)) + rec(2, length=100) + rec(2, length=2000),
    "closed_port": rec(3, tcp(SYN, dport=80)) + rec(3, tcp(ACK, seq=5, ack=9)),
    "rst": rec(3, tcp(SYN, opts=MSS)) + rec(7, tcp(RST)),
    "syn_raw": rec(0, tcp(SYN, opts=MSS)),
    "bulk_send": session(b"SEND 5000\n", port=8),
    "echo": session(b"hello world", split=4, port=16),
    "echo_close": session(b"abcQ", port=16),
    "echo_abort": session(b"x!", port=16),
}
os.makedirs(sys.argv[1], exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(sys.argv[1], name), "wb") as fh:
        fh.write(data)

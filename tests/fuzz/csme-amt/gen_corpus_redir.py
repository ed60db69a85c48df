#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the seed corpus of fuzz_redir (records [op][arg][bytes], see there)."""
import os
import struct
import sys

START = bytes([0x10, 0, 0, 0]) + b"SOL "
AUTH_USER = b"admin"
SOL = bytes([0x20, 0, 0, 0, 0, 0, 0, 0]) + struct.pack("<6H", 1000, 100, 0, 10000, 0, 5000) \
    + bytes(4)
END_SOL = bytes([0x22]) + bytes(7)
END = bytes([0x12, 0, 0, 0])
HEARTBEAT = bytes([0x2b, 0, 0, 0, 1, 0, 0, 0])
PING = bytes([0x24, 0, 0, 0, 5, 0, 0, 0])


def auth(user, password, kind=1):
    body = bytes([len(user)]) + user + bytes([len(password)]) + password
    return bytes([0x13, 0, 0, 0, kind]) + struct.pack("<I", len(body)) + body


def data(text):
    return bytes([0x28, 0, 0, 0, 0, 0, 0, 0]) + struct.pack("<H", len(text)) + text


def rx(msg, conn=0, chunk=255):
    out = b""
    for i in range(0, len(msg), chunk):
        part = msg[i:i + chunk]
        out += bytes([conn << 2, len(part)]) + part
    return out


def tick(units, conn=0):
    return bytes([1 | conn << 2, units])


def pump(room8, conn=0):
    return bytes([2 | conn << 2, room8])


def console(n):
    return bytes([3, n])


GOOD = auth(AUTH_USER, b"P@ssw0rd")
SEEDS = {
    "amtterm_session": rx(START) + rx(GOOD) + rx(SOL) + console(30) + tick(6) + pump(255)
    + rx(data(b"hello\r")) + pump(255) + tick(100) + rx(HEARTBEAT) + rx(END_SOL)
    + rx(data(b"\x1d")) + rx(END),
    "bytewise": rx(START + GOOD + SOL + data(b"ls\r"), chunk=1) + pump(200),
    "merged": rx(START + GOOD + SOL + data(b"x") + PING + END_SOL + END),
    "bad_auth": rx(START) + rx(auth(AUTH_USER, b"nope")) + rx(auth(b"root", b"P@ssw0rd"))
    + rx(auth(AUTH_USER, b"x", 4)),
    "query_and_digest": rx(START) + rx(bytes([0x13, 0, 0, 0, 0, 0, 0, 0, 0]))
    + rx(auth(AUTH_USER, b"P@ssw0rd", 3)) + rx(GOOD),
    "ider": rx(bytes([0x10, 0, 0, 0]) + b"IDER"),
    "busy": rx(START + GOOD + SOL) + rx(START, conn=1) + bytes([3 | 1 << 2, 0x80])
    + rx(START + GOOD + SOL, conn=1) + bytes([3, 0x80]) + rx(START + GOOD + SOL, conn=1),
    "sol_off": bytes([3, 0xff]) + rx(START) + bytes([3, 0xff]) + rx(START, conn=1),
    "oversized": rx(START) + rx(bytes([0x13, 0, 0, 0, 1, 0, 0, 1, 0])),
    "timeouts": rx(START + GOOD + SOL) + tick(255) + tick(255) + tick(255) + rx(START, conn=1)
    + tick(255) + tick(255) + tick(255),
    "garbage": rx(bytes([0xff, 0x11, 0x2a, 0x00])),
}

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__),
                                                        "corpus", "redir")
os.makedirs(out, exist_ok=True)
for name, blob in SEEDS.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(blob)

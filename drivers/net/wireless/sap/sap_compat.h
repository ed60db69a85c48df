/* SPDX-License-Identifier: GPL-2.0 */
/* Build environment shim for the portable SAP core.
 *
 * The sap_*.c files are compiled twice: inside a kernel module and inside
 * userspace test / fuzz programs. This header is the only place where the
 * two builds differ. In the kernel it pulls in the regular kernel headers;
 * in userspace it provides the handful of kernel types, byte order helpers,
 * access macros and barriers the core relies on.
 *
 * Nothing in the core allocates memory or calls into a C library beyond
 * memcpy()/memset()/memcmp(), which both environments provide.
 */
#ifndef SAP_COMPAT_H
#define SAP_COMPAT_H

#ifdef __KERNEL__

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <asm/byteorder.h>
#include <asm/barrier.h>

#else /* !__KERNEL__ */

#include <stddef.h>
#include <stdbool.h>
#include <string.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

/* No sparse in userspace: the wire types are plain integers here. */
typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;
typedef u16 __be16;
typedef u32 __be32;

#define SAP_ATTRIBUTE(x)	__attribute__((x))
#ifndef __packed
#define __packed		SAP_ATTRIBUTE(__packed__)
#endif

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define BIT(nr)		(1UL << (nr))

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

/* Compile-time check usable at file scope: a false condition declares an
 * array of negative size. Extra arguments (a message) are accepted and
 * ignored, as with the kernel's static_assert().
 */
#define static_assert(expr, ...)	extern int sap_static_assert_chk[(expr) ? 1 : -1]

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SAP_CPU_IS_LE 1
#else
#define SAP_CPU_IS_LE 0
#endif

static inline u16 le16_to_cpu(__le16 v)
{
	return SAP_CPU_IS_LE ? v : __builtin_bswap16(v);
}

static inline u32 le32_to_cpu(__le32 v)
{
	return SAP_CPU_IS_LE ? v : __builtin_bswap32(v);
}

static inline u64 le64_to_cpu(__le64 v)
{
	return SAP_CPU_IS_LE ? v : __builtin_bswap64(v);
}

static inline __le16 cpu_to_le16(u16 v)
{
	return SAP_CPU_IS_LE ? v : __builtin_bswap16(v);
}

static inline __le32 cpu_to_le32(u32 v)
{
	return SAP_CPU_IS_LE ? v : __builtin_bswap32(v);
}

static inline __le64 cpu_to_le64(u64 v)
{
	return SAP_CPU_IS_LE ? v : __builtin_bswap64(v);
}

static inline u16 be16_to_cpu(__be16 v)
{
	return SAP_CPU_IS_LE ? __builtin_bswap16(v) : v;
}

static inline u32 be32_to_cpu(__be32 v)
{
	return SAP_CPU_IS_LE ? __builtin_bswap32(v) : v;
}

static inline __be16 cpu_to_be16(u16 v)
{
	return SAP_CPU_IS_LE ? __builtin_bswap16(v) : v;
}

static inline __be32 cpu_to_be32(u32 v)
{
	return SAP_CPU_IS_LE ? __builtin_bswap32(v) : v;
}

/* Single, untorn accesses to a shared word. The core only applies these to
 * naturally aligned 32-bit ring pointers, for which relaxed atomics compile
 * to plain loads and stores.
 */
#define READ_ONCE(x)		__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, val)	__atomic_store_n(&(x), (val), __ATOMIC_RELAXED)

/* Barriers. In userspace the "device" is another thread or process mapping
 * the same pages, so C11 fences give the guarantees the kernel primitives
 * give against a DMA-coherent firmware peer.
 */
#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)	/* full */
#define rmb()		__atomic_thread_fence(__ATOMIC_ACQUIRE)	/* load-load */
#define wmb()		__atomic_thread_fence(__ATOMIC_RELEASE)	/* store-store */
#define dma_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)	/* load-load */
#define dma_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)	/* store-store */
#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)	/* full */
#define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)	/* load-load */
#define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)	/* store-store */

#endif /* __KERNEL__ */

#endif /* SAP_COMPAT_H */

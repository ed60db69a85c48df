// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Device discovery: /sys/class/fwctl lists the devices, their "dev" file
 * gives MAJ:MIN, and the node is whatever character device in /dev carries
 * those numbers (/dev/fwctl/NAME normally, /dev/char/MAJ:MIN otherwise).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "internal.h"

const char *fwctl_priv_sysfs = "/sys";
const char *fwctl_priv_devfs = "/dev";

static int read_first_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "re");
	int ret = 0;

	if (!f)
		return -errno;
	if (!fgets(buf, len, f))
		ret = ferror(f) ? -EIO : -ENODATA;
	fclose(f);
	if (!ret)
		buf[strcspn(buf, "\n")] = 0;
	return ret;
}

/* Copy with truncation; false if @src did not fit. */
static bool copy_str(char *dst, size_t len, const char *src)
{
	size_t n = strlen(src);
	bool fits = n < len;

	if (!fits)
		n = len - 1;
	memcpy(dst, src, n);
	dst[n] = 0;
	return fits;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* The last component of where symlink @path points, "" if it does not. */
static void link_base(const char *path, char *buf, size_t len)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target) - 1);

	if (n < 0) {
		buf[0] = 0;
		return;
	}
	target[n] = 0;
	copy_str(buf, len, base_name(target));
}

static bool node_matches(const char *path, dev_t rdev)
{
	struct stat st;

	return !stat(path, &st) && S_ISCHR(st.st_mode) && st.st_rdev == rdev;
}

static void find_node(struct fwctl_devinfo *info)
{
	dev_t rdev = makedev(info->major, info->minor);
	char path[PATH_MAX];
	struct dirent *de;
	DIR *d;

	snprintf(path, sizeof(path), "%s/fwctl/%s", fwctl_priv_devfs,
		 info->name);
	if (node_matches(path, rdev))
		goto found;
	snprintf(path, sizeof(path), "%s/char/%u:%u", fwctl_priv_devfs,
		 info->major, info->minor);
	if (node_matches(path, rdev))
		goto found;

	/* A renamed node: look at everything in /dev/fwctl. */
	snprintf(path, sizeof(path), "%s/fwctl", fwctl_priv_devfs);
	d = opendir(path);
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/fwctl/%s", fwctl_priv_devfs,
			 de->d_name);
		if (node_matches(path, rdev)) {
			closedir(d);
			goto found;
		}
	}
	if (d)
		closedir(d);
	info->node[0] = 0;
	return;
found:
	if (!copy_str(info->node, sizeof(info->node), path))
		info->node[0] = 0;
}

static int fill_devinfo(const char *name, struct fwctl_devinfo *info)
{
	char path[PATH_MAX], real[PATH_MAX], line[64];
	const char *p;
	int ret;

	memset(info, 0, sizeof(*info));
	copy_str(info->name, sizeof(info->name), name);
	p = name + strcspn(name, "0123456789");
	info->index = *p ? (unsigned int)strtoul(p, NULL, 10) : UINT_MAX;

	snprintf(path, sizeof(path), "%s/class/fwctl/%s/dev", fwctl_priv_sysfs,
		 name);
	ret = read_first_line(path, line, sizeof(line));
	if (ret)
		return ret;
	if (sscanf(line, "%u:%u", &info->major, &info->minor) != 2)
		return -EINVAL;

	snprintf(path, sizeof(path), "%s/class/fwctl/%s/device",
		 fwctl_priv_sysfs, name);
	if (realpath(path, real)) {
		copy_str(info->parent_path, sizeof(info->parent_path), real);
		copy_str(info->parent, sizeof(info->parent), base_name(real));
	}
	snprintf(path, sizeof(path), "%s/class/fwctl/%s/device/subsystem",
		 fwctl_priv_sysfs, name);
	link_base(path, info->bus, sizeof(info->bus));
	snprintf(path, sizeof(path), "%s/class/fwctl/%s/device/driver",
		 fwctl_priv_sysfs, name);
	link_base(path, info->driver, sizeof(info->driver));

	find_node(info);
	return 0;
}

static int cmp_index(const void *a, const void *b)
{
	const struct fwctl_devinfo *x = a, *y = b;

	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return strcmp(x->name, y->name);
}

/**
 * fwctl_list - every fwctl device sysfs knows, sorted by number
 * @list: set to a malloc'ed array (free with fwctl_list_free()), or NULL
 *
 * Return: the number of devices (0 when the fwctl class does not exist,
 * i.e. the module is not loaded) or a negative errno.
 */
int fwctl_list(struct fwctl_devinfo **list)
{
	struct fwctl_devinfo *arr = NULL, *tmp;
	char path[PATH_MAX];
	struct dirent *de;
	int n = 0, cap = 0;
	DIR *d;

	*list = NULL;
	snprintf(path, sizeof(path), "%s/class/fwctl", fwctl_priv_sysfs);
	d = opendir(path);
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			tmp = realloc(arr, cap * sizeof(*arr));
			if (!tmp) {
				free(arr);
				closedir(d);
				return -ENOMEM;
			}
			arr = tmp;
		}
		/* A device that goes away while we look is simply skipped. */
		if (!fill_devinfo(de->d_name, &arr[n]))
			n++;
	}
	closedir(d);
	if (!n) {
		free(arr);
		return 0;
	}
	qsort(arr, n, sizeof(*arr), cmp_index);
	*list = arr;
	return n;
}

void fwctl_list_free(struct fwctl_devinfo *list)
{
	free(list);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static bool is_path(const char *spec)
{
	return spec[0] == '/' || !strncmp(spec, "./", 2) ||
	       !strncmp(spec, "../", 3);
}

static bool under_sysfs(const char *spec)
{
	size_t n = strlen(fwctl_priv_sysfs);

	return !strncmp(spec, fwctl_priv_sysfs, n) && spec[n] == '/';
}

enum match_kind {
	MATCH_NAME,
	MATCH_INDEX,
	MATCH_PARENT,
	MATCH_BUS_PARENT,
	MATCH_SYSFS,
	MATCH_RDEV,
};

static bool entry_matches(const struct fwctl_devinfo *e, enum match_kind kind,
			  const char *spec, const char *real, dev_t rdev)
{
	char path[PATH_MAX], creal[PATH_MAX];
	size_t blen;

	switch (kind) {
	case MATCH_NAME:
		return !strcmp(e->name, spec);
	case MATCH_INDEX:
		return e->index == strtoul(spec, NULL, 10);
	case MATCH_PARENT:
		return e->parent[0] && !strcmp(e->parent, spec);
	case MATCH_BUS_PARENT:
		blen = strlen(e->bus);
		return e->bus[0] && !strncmp(spec, e->bus, blen) &&
		       spec[blen] == '/' && !strcmp(spec + blen + 1, e->parent);
	case MATCH_SYSFS:
		if (e->parent_path[0] && !strcmp(real, e->parent_path))
			return true;
		snprintf(path, sizeof(path), "%s/class/fwctl/%s",
			 fwctl_priv_sysfs, e->name);
		return realpath(path, creal) && !strcmp(real, creal);
	case MATCH_RDEV:
		return makedev(e->major, e->minor) == rdev;
	}
	return false;
}

/* 0 and *found set if exactly one entry matches, 1 if none, or -ENOTUNIQ. */
static int match_one(const struct fwctl_devinfo *list, int n,
		     enum match_kind kind, const char *spec, const char *real,
		     dev_t rdev, const struct fwctl_devinfo **found)
{
	int i, hits = 0;

	for (i = 0; i < n; i++) {
		if (entry_matches(&list[i], kind, spec, real, rdev)) {
			if (!hits++)
				*found = &list[i];
		}
	}
	if (hits > 1)
		return -ENOTUNIQ;
	return hits ? 0 : 1;
}

static int lookup_path(const char *spec, const struct fwctl_devinfo *list,
		       int n, const struct fwctl_devinfo **found)
{
	char real[PATH_MAX];
	struct stat st;
	int ret;

	if (under_sysfs(spec)) {
		if (!realpath(spec, real))
			return -errno;
		ret = match_one(list, n, MATCH_SYSFS, spec, real, 0, found);
		return ret > 0 ? -ENOENT : ret;
	}
	if (stat(spec, &st))
		return -errno;
	if (!S_ISCHR(st.st_mode))
		return -ENOTTY;
	ret = match_one(list, n, MATCH_RDEV, spec, NULL, st.st_rdev, found);
	return ret > 0 ? -ENOTTY : ret;
}

static int lookup_name(const char *spec, const struct fwctl_devinfo *list,
		       int n, const struct fwctl_devinfo **found)
{
	char path[PATH_MAX], real[PATH_MAX];
	int ret;

	if (all_digits(spec))
		return match_one(list, n, MATCH_INDEX, spec, NULL, 0, found);
	ret = match_one(list, n, MATCH_NAME, spec, NULL, 0, found);
	if (ret <= 0)
		return ret;
	if (!strchr(spec, '/'))
		return match_one(list, n, MATCH_PARENT, spec, NULL, 0, found);

	/* "bus/parent" as devlink writes it, or a path below /sys/devices */
	ret = match_one(list, n, MATCH_BUS_PARENT, spec, NULL, 0, found);
	if (ret <= 0)
		return ret;
	snprintf(path, sizeof(path), "%s/devices/%s", fwctl_priv_sysfs, spec);
	if (!realpath(path, real))
		return 1;
	return match_one(list, n, MATCH_SYSFS, spec, real, 0, found);
}

/**
 * fwctl_lookup - resolve a user's name for a device
 * @spec: "fwctl0"; "0"; a device node path ("/dev/fwctl/fwctl0",
 *	"/dev/char/240:0" or any node with the same numbers); a sysfs path of
 *	the fwctl device or its parent; a parent name ("fwctl_sim1",
 *	"0000:03:00.0"), optionally as "bus/parent" ("pci/0000:03:00.0"); or a
 *	parent path below /sys/devices ("pci0000:00/0000:00:0a.0")
 * @info: filled on success
 *
 * Return: 0, -ENOENT (no such device), -ENOTTY (a path that is not a fwctl
 * device node), -ENOTUNIQ (a parent with several fwctl devices), -EINVAL
 * (empty spec) or another negative errno.
 */
int fwctl_lookup(const char *spec, struct fwctl_devinfo *info)
{
	const struct fwctl_devinfo *found = NULL;
	struct fwctl_devinfo *list;
	int n, ret;

	if (!spec || !*spec)
		return -EINVAL;
	n = fwctl_list(&list);
	if (n < 0)
		return n;
	if (is_path(spec))
		ret = lookup_path(spec, list, n, &found);
	else
		ret = lookup_name(spec, list, n, &found);
	if (ret > 0)
		ret = -ENOENT;
	if (!ret)
		*info = *found;
	fwctl_list_free(list);
	return ret;
}

static int dev_alloc(int fd, const struct fwctl_devinfo *info,
		     struct fwctl_dev **dev)
{
	struct fwctl_dev *d = calloc(1, sizeof(*d));

	if (!d)
		return -ENOMEM;
	d->fd = fd;
	if (info)
		d->info = *info;
	*dev = d;
	return 0;
}

static int open_node(const char *path, dev_t want, bool check)
{
	struct stat st;
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (check && (fstat(fd, &st) || st.st_rdev != want)) {
		close(fd);
		return -ENODEV;	/* the node was replaced under us */
	}
	return fd;
}

/*
 * A character device sysfs does not list. With sysfs visible it is not a
 * fwctl device, and it is not opened: opening some devices has side effects
 * (a watchdog starts counting). Without sysfs (a container, say) the only
 * way to know is to open it and let FWCTL_INFO tell.
 */
static int open_unlisted(const char *spec, struct fwctl_dev **dev)
{
	struct fwctl_devinfo info;
	char path[PATH_MAX];
	struct stat st;
	uint32_t type;
	int fd, ret;

	if (stat(spec, &st) || !S_ISCHR(st.st_mode))
		return -ENOTTY;
	snprintf(path, sizeof(path), "%s/class", fwctl_priv_sysfs);
	if (!access(path, F_OK))
		return -ENOTTY;
	fd = open_node(spec, 0, false);
	if (fd < 0)
		return fd;
	memset(&info, 0, sizeof(info));
	info.index = UINT_MAX;
	info.major = major(st.st_rdev);
	info.minor = minor(st.st_rdev);
	copy_str(info.node, sizeof(info.node), spec);
	ret = dev_alloc(fd, &info, dev);
	if (ret) {
		close(fd);
		return ret;
	}
	ret = fwctl_type(*dev, &type);
	if (ret) {
		fwctl_close(*dev);
		*dev = NULL;
	}
	return ret;
}

/**
 * fwctl_open - open a fwctl device by any name fwctl_lookup() accepts
 * @spec: the device
 * @dev: set to the new handle; release it with fwctl_close()
 *
 * Every open gets its own firmware context from the driver. A character
 * device that sysfs does not list is refused with -ENOTTY without being
 * opened, unless sysfs is not visible at all: then it is opened and probed
 * with FWCTL_INFO.
 *
 * Return: 0 or a negative errno: lookup errors, -ENOENT when no device node
 * exists for the device, or what open() said (-EACCES, -ENODEV, or the
 * driver's refusal to create a context).
 */
int fwctl_open(const char *spec, struct fwctl_dev **dev)
{
	struct fwctl_devinfo info;
	const char *path;
	int fd, ret;

	*dev = NULL;
	ret = fwctl_lookup(spec, &info);
	if (ret == -ENOTTY && is_path(spec))
		return open_unlisted(spec, dev);
	if (ret)
		return ret;

	path = info.node;
	if (is_path(spec) && !under_sysfs(spec)) {
		path = spec;
		copy_str(info.node, sizeof(info.node), spec);
	}
	if (!path[0])
		return -ENOENT;
	fd = open_node(path, makedev(info.major, info.minor), true);
	if (fd < 0)
		return fd;
	ret = dev_alloc(fd, &info, dev);
	if (ret)
		close(fd);
	return ret;
}

/**
 * fwctl_open_fd - wrap an already open fwctl file descriptor
 * @fd: the descriptor; the handle owns it from now on and fwctl_close()
 *	closes it
 * @dev: set to the new handle
 *
 * The sysfs details are filled in when the descriptor's numbers are found
 * in /sys/class/fwctl; nothing is checked about the descriptor itself.
 *
 * Return: 0, -EBADF or -ENOMEM.
 */
int fwctl_open_fd(int fd, struct fwctl_dev **dev)
{
	struct fwctl_devinfo *list, info;
	struct stat st;
	int i, n;

	*dev = NULL;
	if (fd < 0 || fstat(fd, &st))
		return -EBADF;
	memset(&info, 0, sizeof(info));
	info.index = UINT_MAX;
	if (S_ISCHR(st.st_mode)) {
		info.major = major(st.st_rdev);
		info.minor = minor(st.st_rdev);
		n = fwctl_list(&list);
		for (i = 0; i < n; i++)
			if (makedev(list[i].major, list[i].minor) == st.st_rdev)
				info = list[i];
		if (n > 0)
			fwctl_list_free(list);
	}
	return dev_alloc(fd, &info, dev);
}

void fwctl_close(struct fwctl_dev *dev)
{
	if (!dev)
		return;
	close(dev->fd);
	free(dev);
}

int fwctl_fd(const struct fwctl_dev *dev)
{
	return dev->fd;
}

const struct fwctl_devinfo *fwctl_devinfo(const struct fwctl_dev *dev)
{
	return &dev->info;
}

import { _ as libc, a as CLONE_NEWUTS, f as O_CLOEXEC, l as MS_REC, r as CLONE_NEWNET, s as MS_BIND, u as MS_SHARED, y as SyscallError } from "./libc-oAiCzK6X.js";
import { mkdirSync, unlinkSync, writeFileSync } from "node:fs";
// dist/os/thread-netns.js
/**
* Namespaces belong to threads: setns() moves only the calling thread, which
* for nslab is Node's main thread. This module remembers where that thread
* started and always returns to it.
*/
const homeFds = /* @__PURE__ */ new Map();
/** An fd of the namespace of this type ('net', 'uts') the main thread started in. */
function homeNamespace(type) {
	let fd = homeFds.get(type);
	if (fd === void 0) {
		fd = libc.open(`/proc/thread-self/ns/${type}`, 0 | O_CLOEXEC);
		homeFds.set(type, fd);
	}
	return fd;
}
/** An fd of the network namespace the main thread started in. */
function homeNetns() {
	return homeNamespace("net");
}
/** Run fn with the calling thread inside the namespace of netnsFd, then go home. */
function inNetns(netnsFd, fn) {
	const home = homeNetns();
	libc.setns(netnsFd, CLONE_NEWNET);
	try {
		return fn();
	} finally {
		libc.setns(home, CLONE_NEWNET);
	}
}
// dist/sys/ns-file.js
const CLONE_FLAG = {
	net: CLONE_NEWNET,
	uts: CLONE_NEWUTS
};
/**
* Make a namespace of this type and keep it alive by bind-mounting its nsfs
* file at `path`, iproute2's recipe for `ip netns add`: the file is created
* exclusively (an existing one is someone else's), the calling thread
* unshares, the mount is made, `inside` runs while the thread is still in
* the new namespace (sockets, sysctls, hostname without a second setns),
* and the thread returns home. On any failure nothing is left.
*/
function persistNamespace(path, type, inside) {
	const home = homeNamespace(type);
	libc.close(libc.open(path, 192 | O_CLOEXEC, 0));
	let mounted = false;
	try {
		libc.unshare(CLONE_FLAG[type]);
		try {
			libc.mount(`/proc/thread-self/ns/${type}`, path, "none", MS_BIND);
			mounted = true;
			return inside();
		} finally {
			libc.setns(home, CLONE_FLAG[type]);
		}
	} catch (err) {
		if (mounted) removeNamespaceFile(path);
		else unlinkSync(path);
		throw err;
	}
}
/**
* `umount -l PATH`: true if something was mounted there; not mounted
* (EINVAL) or gone (ENOENT) is not an error, since down runs twice.
*/
function detachMount(path) {
	try {
		libc.umount2(path, 2);
		return true;
	} catch (err) {
		if (!(err instanceof SyscallError) || err.errnoName !== "EINVAL" && err.errnoName !== "ENOENT") throw err;
		return false;
	}
}
/**
* A namespace kept alive by a bind mount of its nsfs file (/run/netns/NAME,
* a node's UTS file): detach the mount, remove the file. A namespace with
* nothing else holding it is freed by the kernel. False when the file was
* already gone; not mounted or gone is not an error (down runs twice).
*/
function removeNamespaceFile(path) {
	detachMount(path);
	try {
		unlinkSync(path);
		return true;
	} catch (err) {
		if (err.code === "ENOENT") return false;
		throw err;
	}
}
/**
* removeNamespaceFile for many files at once: the unmounts run on libuv
* worker threads, so the RCU grace periods they wait for overlap. Returns
* how many existed.
*/
async function removeNamespaceFiles(paths, concurrency = 32) {
	let next = 0;
	let existed = 0;
	const worker = async () => {
		while (next < paths.length) {
			const path = paths[next++];
			await libc.umount2Async(path, 2);
			if (removeNamespaceFile(path)) existed++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
	return existed;
}
/**
* Keep a namespace some other process is in alive at `path`:
* `touch PATH; mount --bind /proc/PID/task/TID/ns/TYPE PATH` (what
* `unshare --net=PATH` does for its own child). The file is created
* exclusively; on failure nothing is left.
*/
function pinNamespace(source, path) {
	libc.close(libc.open(path, 192 | O_CLOEXEC, 0));
	try {
		libc.mount(source, path, "none", MS_BIND);
	} catch (err) {
		unlinkSync(path);
		throw err;
	}
}
// dist/sys/netns.js
/** Where named namespaces live, as iproute2 keeps them (`ip netns list` reads it). */
const NETNS_RUN_DIR = "/run/netns";
function netnsPath(name) {
	return `${NETNS_RUN_DIR}/${name}`;
}
let runDirShared = false;
/**
* `mkdir /run/netns; mount --make-rshared /run/netns` (binding it onto itself
* first if it is not yet a mount point), under flock, exactly as iproute2 does,
* so that unmounting a namespace file in one mount namespace unmounts it in
* all of them and `ip netns` sees the same thing we do.
*/
function ensureNetnsRunDir() {
	if (runDirShared) return;
	mkdirSync(NETNS_RUN_DIR, {
		recursive: true,
		mode: 493
	});
	const dirFd = libc.open(NETNS_RUN_DIR, 0 | O_CLOEXEC);
	try {
		libc.flock(dirFd, 2);
		try {
			libc.mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC);
		} catch (err) {
			if (!(err instanceof SyscallError) || err.errnoName !== "EINVAL") throw err;
			libc.mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none", MS_BIND | MS_REC);
			libc.mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC);
		}
		libc.flock(dirFd, 8);
	} finally {
		libc.close(dirFd);
	}
	runDirShared = true;
}
/**
* `ip netns add NAME`, then run `inside` while the calling thread is still in
* the new namespace (to open its sockets and write its sysctls without a
* second setns), then return the thread to where it was.
* On any failure the placeholder is removed and nothing is left.
*/
function createNamedNetns(name, inside) {
	ensureNetnsRunDir();
	const path = netnsPath(name);
	let fd = -1;
	try {
		return persistNamespace(path, "net", () => {
			fd = libc.open("/proc/thread-self/ns/net", 0 | O_CLOEXEC);
			const ns = {
				name,
				path,
				fd
			};
			return {
				ns,
				result: inside(ns)
			};
		});
	} catch (err) {
		if (fd >= 0) libc.close(fd);
		throw err;
	}
}
/** Open an existing named namespace: `ip netns exec NAME` starts the same way. */
function openNamedNetns(name) {
	const path = netnsPath(name);
	return {
		name,
		path,
		fd: libc.open(path, 0 | O_CLOEXEC)
	};
}
/** `ip netns del` for many namespaces at once (see removeNamespaceFiles). Returns how many existed. */
function deleteNamedNetnsMany(names) {
	return removeNamespaceFiles(names.map(netnsPath));
}
var SysctlError = class extends Error {
	name = "SysctlError";
};
/** Write a sysctl of the calling thread's network namespace (/proc/sys/net/…). */
function writeSysctl(key, value) {
	const path = `/proc/sys/${key.replaceAll(".", "/")}`;
	try {
		writeFileSync(path, String(value));
	} catch (err) {
		throw new SysctlError(`cannot set sysctl ${key}=${value} (${path}): ${err.message}`, { cause: err });
	}
}
export { openNamedNetns as a, persistNamespace as c, removeNamespaceFiles as d, homeNetns as f, netnsPath as i, pinNamespace as l, deleteNamedNetnsMany as n, writeSysctl as o, inNetns as p, ensureNetnsRunDir as r, detachMount as s, createNamedNetns as t, removeNamespaceFile as u };

import { readFileSync } from "node:fs";
// dist/sys/privileges.js
const CAP_NET_ADMIN = 12;
const CAP_SYS_ADMIN = 21;
/** The user lacks what the kernel demands (namespaces, mounts, netlink changes). */
var PrivilegeError = class extends Error {
	name = "PrivilegeError";
};
function effectiveCaps() {
	const status = readFileSync("/proc/self/status", "utf8");
	const m = /^CapEff:\s*([0-9a-f]+)$/m.exec(status);
	return m?.[1] ? BigInt(`0x${m[1]}`) : 0n;
}
/**
* Throw a PrivilegeError naming the action (and why it needs them) unless
* this process holds CAP_SYS_ADMIN and CAP_NET_ADMIN.
*/
function requirePrivileges(action, why = "it creates network namespaces, mounts and links") {
	const caps = effectiveCaps();
	const has = (bit) => (caps & 1n << BigInt(bit)) !== 0n;
	if (has(CAP_SYS_ADMIN) && has(CAP_NET_ADMIN)) return;
	throw new PrivilegeError(`${action} needs root: ${why} (CAP_SYS_ADMIN and CAP_NET_ADMIN). Run it with sudo.`);
}
export { requirePrivileges as t };

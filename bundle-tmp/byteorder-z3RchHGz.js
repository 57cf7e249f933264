import { endianness } from "node:os";
// dist/os/byteorder.js
/**
* rtnetlink payloads are in the host's byte order; nf_tables integers and
* addresses are big-endian. The host's order is decided here, once.
*/
const HOST_LITTLE_ENDIAN = endianness() === "LE";
export { HOST_LITTLE_ENDIAN as t };

import { endianness } from 'node:os';

/**
 * rtnetlink payloads are in the host's byte order; nf_tables integers and
 * addresses are big-endian. The host's order is decided here, once.
 */
export const HOST_LITTLE_ENDIAN = endianness() === 'LE';

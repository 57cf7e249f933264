/**
 * The pcapng capture file format (draft-ietf-opsawg-pcapng), the blocks
 * `nslab capture` writes: a Section Header Block, one Interface Description
 * Block per interface, one Enhanced Packet Block per packet, and Interface
 * Statistics Blocks at the end. Pure encoder: no I/O here.
 *
 * A section may be written in either byte order (readers look at the
 * byte-order magic); nslab writes little-endian on every machine, so a
 * capture's bytes do not depend on where it was made. Every block and every
 * option value is padded to 4 bytes. What `tcpdump -w` would write, in the
 * format wireshark and `tcpdump -r` read:
 *
 * ```
 * nslab capture LAB h1:eth0 -w f.pcapng     # ≈ ip netns exec LAB-h1 tcpdump -i eth0 --time-stamp-precision=nano -w f.pcapng
 * ```
 */

const LE = true;

/** Block types. */
export const PCAPNG_BLOCK = {
  SHB: 0x0a0d0d0a,
  IDB: 0x00000001,
  ISB: 0x00000005,
  EPB: 0x00000006,
} as const;

/** The section header's byte-order magic, written in the section's own byte order. */
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** Option codes (opt_endofopt ends every option list). */
export const PCAPNG_OPT = {
  opt_endofopt: 0,
  opt_comment: 1,
  shb_hardware: 2,
  shb_os: 3,
  shb_userappl: 4,
  if_name: 2,
  if_description: 3,
  if_tsresol: 9,
  isb_starttime: 2,
  isb_endtime: 3,
  isb_ifrecv: 4,
  isb_ifdrop: 5,
  isb_usrdeliv: 8,
} as const;

/** Link-layer header types (tcpdump.org/linktypes.html); the packet socket's ARPHRD_* maps onto them. */
export const LINKTYPE = {
  LINKTYPE_ETHERNET: 1,
  LINKTYPE_RAW: 101,
} as const;

/** if_tsresol 9: timestamps count nanoseconds (10^-9 s). */
export const TSRESOL_NANOSECONDS = 9;

type Option = readonly [code: number, value: Uint8Array];

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const pad4 = (n: number): number => (n + 3) & ~3;

function optionsLength(options: readonly Option[]): number {
  if (options.length === 0) return 0;
  return options.reduce((sum, [, v]) => sum + 4 + pad4(v.length), 0) + 4;
}

/** Write options (each code, length, value padded to 4) and opt_endofopt at `at`; returns the offset after them. */
function writeOptions(out: Uint8Array, view: DataView, at: number, options: readonly Option[]): number {
  if (options.length === 0) return at;
  for (const [code, value] of options) {
    if (value.length > 0xffff) throw new RangeError(`pcapng option ${code} is ${value.length} bytes; at most 65535 fit`);
    view.setUint16(at, code, LE);
    view.setUint16(at + 2, value.length, LE);
    out.set(value, at + 4);
    at += 4 + pad4(value.length);
  }
  view.setUint32(at, 0, LE); // opt_endofopt, length 0
  return at + 4;
}

/** A block: type, total length, `body` bytes of fixed fields written by fill, options, total length again. */
function block(type: number, bodyLength: number, options: readonly Option[], fill: (view: DataView, out: Uint8Array) => void): Uint8Array {
  const total = 12 + pad4(bodyLength) + optionsLength(options);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, type, LE);
  view.setUint32(4, total, LE);
  fill(view, out);
  writeOptions(out, view, 8 + pad4(bodyLength), options);
  view.setUint32(total - 4, total, LE);
  return out;
}

export interface SectionInfo {
  /** shb_userappl, e.g. "nslab 0.1.0". */
  readonly application?: string;
  /** shb_os, e.g. "Linux 6.18.0". */
  readonly os?: string;
  /** shb_hardware, e.g. "x86_64". */
  readonly hardware?: string;
}

/** Section Header Block: byte-order magic, version 1.0, section length unknown (-1). */
export function sectionHeader(info: SectionInfo = {}): Uint8Array {
  const options: Option[] = [];
  if (info.hardware !== undefined) options.push([PCAPNG_OPT.shb_hardware, text(info.hardware)]);
  if (info.os !== undefined) options.push([PCAPNG_OPT.shb_os, text(info.os)]);
  if (info.application !== undefined) options.push([PCAPNG_OPT.shb_userappl, text(info.application)]);
  return block(PCAPNG_BLOCK.SHB, 16, options, (v) => {
    v.setUint32(8, PCAPNG_BYTE_ORDER_MAGIC, LE);
    v.setUint16(12, 1, LE);
    v.setUint16(14, 0, LE);
    v.setBigInt64(16, -1n, LE);
  });
}

export interface InterfaceInfo {
  readonly linktype: number;
  readonly snaplen: number;
  /** if_name: the interface's name in its namespace ("eth0"). */
  readonly name: string;
  /** if_description: which node and lab it belongs to. */
  readonly description?: string;
}

/** Interface Description Block with if_name, if_description and if_tsresol (nanoseconds). */
export function interfaceDescription(i: InterfaceInfo): Uint8Array {
  const options: Option[] = [[PCAPNG_OPT.if_name, text(i.name)]];
  if (i.description !== undefined) options.push([PCAPNG_OPT.if_description, text(i.description)]);
  options.push([PCAPNG_OPT.if_tsresol, Uint8Array.of(TSRESOL_NANOSECONDS)]);
  return block(PCAPNG_BLOCK.IDB, 8, options, (v) => {
    v.setUint16(8, i.linktype, LE);
    v.setUint16(10, 0, LE);
    v.setUint32(12, i.snaplen, LE);
  });
}

export interface PacketRecord {
  /** Index of the packet's Interface Description Block in the section (0 for the first). */
  readonly interfaceId: number;
  /** Nanoseconds since the Unix epoch (if_tsresol 9). */
  readonly timestampNs: bigint;
  /** The bytes captured (at most the snap length). */
  readonly data: Uint8Array;
  /** The packet's length on the wire (≥ data.length). */
  readonly originalLength: number;
}

/** Enhanced Packet Block: interface, 64-bit timestamp split high/low, captured and original length, data padded to 4. */
export function enhancedPacket(p: PacketRecord): Uint8Array {
  if (p.originalLength < p.data.length) throw new RangeError(`a packet's original length (${p.originalLength}) is less than what was captured (${p.data.length})`);
  return block(PCAPNG_BLOCK.EPB, 20 + p.data.length, [], (v, out) => {
    const ts = BigInt.asUintN(64, p.timestampNs);
    v.setUint32(8, p.interfaceId, LE);
    v.setUint32(12, Number(ts >> 32n), LE);
    v.setUint32(16, Number(ts & 0xffff_ffffn), LE);
    v.setUint32(20, p.data.length, LE);
    v.setUint32(24, p.originalLength, LE);
    out.set(p.data, 28);
  });
}

export interface InterfaceStatistics {
  readonly interfaceId: number;
  /** When the statistics were taken, ns since the epoch. */
  readonly timestampNs: bigint;
  /** isb_ifrecv: packets the socket received (passed the filter). */
  readonly received?: bigint;
  /** isb_ifdrop: packets the kernel dropped because the socket's queue was full. */
  readonly dropped?: bigint;
  /** isb_usrdeliv: packets written to the file. */
  readonly delivered?: bigint;
}

function u64(n: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, n), LE);
  return b;
}

/** Interface Statistics Block: what the capture of one interface counted (wireshark shows drops from it). */
export function interfaceStatistics(s: InterfaceStatistics): Uint8Array {
  const options: Option[] = [];
  if (s.received !== undefined) options.push([PCAPNG_OPT.isb_ifrecv, u64(s.received)]);
  if (s.dropped !== undefined) options.push([PCAPNG_OPT.isb_ifdrop, u64(s.dropped)]);
  if (s.delivered !== undefined) options.push([PCAPNG_OPT.isb_usrdeliv, u64(s.delivered)]);
  return block(PCAPNG_BLOCK.ISB, 12, options, (v) => {
    const ts = BigInt.asUintN(64, s.timestampNs);
    v.setUint32(8, s.interfaceId, LE);
    v.setUint32(12, Number(ts >> 32n), LE);
    v.setUint32(16, Number(ts & 0xffff_ffffn), LE);
  });
}

import { parseCidr, parseIp, type Cidr, type IpAddress } from '../inet/ip.js';

export interface ParsedRoute {
  readonly dst: Cidr;
  readonly via?: IpAddress;
  readonly dev?: string;
  readonly metric?: number;
}

/**
 * Parse a route in `ip route` syntax: `<dst>|default [via <gw>] [dev <if>]
 * [metric <n>]`. `default` takes its family from the gateway (IPv4 if none).
 * Throws TypeError with a sentence saying what is wrong.
 */
export function parseRouteText(text: string): ParsedRoute {
  const words = text.trim().split(/\s+/);
  const dstWord = words.shift();
  if (!dstWord) throw new TypeError('a route needs a destination (a prefix or "default")');
  let via: IpAddress | undefined;
  let dev: string | undefined;
  let metric: number | undefined;
  while (words.length > 0) {
    const key = words.shift() as string;
    const value = words.shift();
    if (value === undefined) throw new TypeError(`'${key}' needs a value`);
    switch (key) {
      case 'via':
        via = parseIp(value);
        break;
      case 'dev':
        dev = value;
        break;
      case 'metric':
      case 'preference':
      case 'priority':
        if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new TypeError(`metric '${value}' is not a whole number`);
        metric = Number(value);
        break;
      default:
        throw new TypeError(`unknown route keyword '${key}' (expected via, dev or metric)`);
    }
  }
  return buildRoute(dstWord, via, dev, metric);
}

export function buildRoute(dstWord: string, via: IpAddress | undefined, dev: string | undefined, metric: number | undefined): ParsedRoute {
  let dst: Cidr;
  if (dstWord === 'default') {
    const family = via?.family ?? 4;
    dst = { family, bytes: new Uint8Array(family === 4 ? 4 : 16), prefix: 0 };
  } else {
    dst = parseCidr(dstWord);
  }
  if (via && via.family !== dst.family) {
    throw new TypeError(`gateway is IPv${via.family} but the destination is IPv${dst.family}`);
  }
  if (!via && dev === undefined) throw new TypeError('a route needs a gateway (via) or an interface (dev)');
  return { dst, ...(via ? { via } : {}), ...(dev !== undefined ? { dev } : {}), ...(metric !== undefined ? { metric } : {}) };
}

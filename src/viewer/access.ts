import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * Who may use `nslab graph`'s server. The page can open a terminal as root
 * in a node and read every packet of the lab, so every request for lab data
 * must show the per-run token the command printed (as Jupyter's does):
 *
 *   - the printed URL carries it (`/?token=…`); that first load sets it as a
 *     cookie and redirects to the bare URL, so the token leaves the address
 *     bar and history;
 *   - the page's own requests (fetch, EventSource, WebSocket, a pcap
 *     download) then carry the cookie with no code of ours: EventSource and
 *     WebSocket cannot send headers, and an HttpOnly cookie is out of reach
 *     of the page's scripts. SameSite=Strict keeps other sites' pages from
 *     sending it; its name holds the port, since cookies ignore ports and two
 *     `nslab graph` runs on one machine would otherwise overwrite each other;
 *   - scripts (curl) may give `?token=…` on any request instead.
 *
 * Independently of the token: the Host header must name this server by an
 * IP address or `localhost` (a DNS name pointing at us is DNS rebinding),
 * and a WebSocket upgrade or a POST must come from the page's own origin.
 */

/** 32 random bytes, URL-safe: what `nslab graph` prints in its URL. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function cookieName(port: number): string {
  return `nslab-graph-${port}`;
}

/** The Set-Cookie value that carries the token for the page's later requests. */
export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Constant-time: the answer's timing says nothing about how much of the token was right. */
function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export type TokenSource = 'query' | 'cookie' | undefined;

/** Where the request showed the right token, if it did. */
export function tokenGiven(req: IncomingMessage, url: URL, port: number, token: string): TokenSource {
  if (sameToken(url.searchParams.get('token') ?? undefined, token)) return 'query';
  if (sameToken(cookieValue(req, cookieName(port)), token)) return 'cookie';
  return undefined;
}

/** Is the server's listen address loopback (127/8 or ::1)? */
export function isLoopback(address: string): boolean {
  return address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
}

function isUnspecified(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

/** The host and port of a Host header ("127.0.0.1:8080", "[::1]:8080", "localhost:8080"). */
function splitHost(host: string): { name: string; port: string } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d+)$/.exec(host);
  if (!m) return undefined;
  const name = (m[1] as string).replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return { name, port: m[2] as string };
}

/**
 * Does the Host header name this server? Only by an address, or by
 * `localhost` when the server listens on loopback, and with its port: a
 * page on a name the attacker controls that later resolves to us sends that
 * name, and is refused before the token is even looked at.
 */
export function hostAllowed(host: string | undefined, listen: string, port: number): boolean {
  const h = host === undefined ? undefined : splitHost(host);
  if (!h || h.port !== String(port)) return false;
  if (h.name === 'localhost') return isLoopback(listen) || isUnspecified(listen);
  if (isIP(h.name) === 0) return false;
  if (isUnspecified(listen)) return true;
  if (isLoopback(listen)) return isLoopback(h.name);
  return h.name === listen.toLowerCase();
}

/** A WebSocket upgrade or a POST: only from a page this server served (same scheme, host and port). */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && req.headers.host !== undefined && origin === `http://${req.headers.host}`;
}

/** The text of a URL's host part for an address ("[::1]" for IPv6). */
export function urlHost(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

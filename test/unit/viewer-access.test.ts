import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { cookieName, hostAllowed, newToken, originAllowed, tokenCookie, tokenGiven } from '../../src/viewer/access.js';

function req(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('hostAllowed()', () => {
  it.each([
    ['127.0.0.1:8080', '127.0.0.1', true],
    ['localhost:8080', '127.0.0.1', true],
    ['LOCALHOST:8080', '127.0.0.1', true],
    ['[::1]:8080', '127.0.0.1', true],
    ['127.0.0.1:8081', '127.0.0.1', false], // another port
    ['127.0.0.1', '127.0.0.1', false], // no port
    ['attacker.example:8080', '127.0.0.1', false], // DNS rebinding: a name that now points at us
    ['127.0.0.1.nip.io:8080', '127.0.0.1', false],
    ['localhost.attacker.example:8080', '127.0.0.1', false],
    ['192.0.2.10:8080', '127.0.0.1', false], // an address that is not loopback, on a loopback listener
    ['192.0.2.10:8080', '192.0.2.10', true],
    ['192.0.2.11:8080', '192.0.2.10', false],
    ['localhost:8080', '192.0.2.10', false],
    ['192.0.2.11:8080', '0.0.0.0', true],
    ['localhost:8080', '0.0.0.0', true],
    ['evil.test:8080', '0.0.0.0', false],
    ['[fd00::1]:8080', '::', true],
    ['fd00::1:8080', '::', false], // IPv6 without brackets is not a Host header
    ['127.0.0.1:8080@evil:8080', '127.0.0.1', false],
  ])('Host %s on a server listening on %s: %s', (host, listen, ok) => {
    expect(hostAllowed(host, listen, 8080)).toBe(ok);
  });

  it('refuses a request without a Host header', () => {
    expect(hostAllowed(undefined, '127.0.0.1', 8080)).toBe(false);
  });
});

describe('tokenGiven()', () => {
  const token = newToken();
  const url = (q: string): URL => new URL(`/api/lab${q}`, 'http://127.0.0.1');

  it('makes 43 URL-safe characters of 32 random bytes, new on every run', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
  });

  it('takes the token from ?token= or from the cookie named for the port, nothing else', () => {
    expect(tokenGiven(req({}), url(`?token=${token}`), 8080, token)).toBe('query');
    expect(tokenGiven(req({ cookie: `a=b; ${cookieName(8080)}=${token}; c=d` }), url(''), 8080, token)).toBe('cookie');
    expect(tokenGiven(req({ cookie: `${cookieName(8081)}=${token}` }), url(''), 8080, token)).toBeUndefined();
    expect(tokenGiven(req({}), url(''), 8080, token)).toBeUndefined();
    expect(tokenGiven(req({}), url(`?token=${token.slice(0, -1)}`), 8080, token)).toBeUndefined();
    expect(tokenGiven(req({}), url(`?token=${token}x`), 8080, token)).toBeUndefined();
    expect(tokenGiven(req({ authorization: `Bearer ${token}` }), url(''), 8080, token)).toBeUndefined();
  });

  it('sets an HttpOnly, SameSite=Strict cookie for the whole site', () => {
    expect(tokenCookie(8080, 'T')).toBe('nslab-graph-8080=T; Path=/; HttpOnly; SameSite=Strict');
  });
});

describe('originAllowed()', () => {
  it('takes only the origin of the page the server served', () => {
    expect(originAllowed(req({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' }))).toBe(true);
    expect(originAllowed(req({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:9999' }))).toBe(false);
    expect(originAllowed(req({ host: '127.0.0.1:8080', origin: 'http://evil.test:8080' }))).toBe(false);
    expect(originAllowed(req({ host: '127.0.0.1:8080', origin: 'null' }))).toBe(false);
    expect(originAllowed(req({ host: '127.0.0.1:8080' }))).toBe(false);
  });
});

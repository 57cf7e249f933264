import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatSse, SseClient, sseComment } from '../../src/viewer/sse.js';

/** What a browser's EventSource makes of a stream (the HTML standard's parsing rules). */
function parseEventStream(text: string): Array<{ event: string; data: string; id?: string }> {
  const out: Array<{ event: string; data: string; id?: string }> = [];
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
      data = [];
      event = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  }
  return out;
}

describe('formatSse()', () => {
  it('writes event, one data line per line, id and retry, then a blank line', () => {
    expect(formatSse({ event: 'node', data: 'a\nb', id: '7', retry: 1000 })).toBe('event: node\ndata: a\ndata: b\nid: 7\nretry: 1000\n\n');
  });

  it('splits data on CRLF, CR and LF alike', () => {
    expect(formatSse({ data: 'x\r\ny\rz\nw' })).toBe('data: x\ndata: y\ndata: z\ndata: w\n\n');
  });

  it('keeps an empty data field (an event with empty data still fires)', () => {
    expect(formatSse({ event: 'ping', data: '' })).toBe('event: ping\ndata: \n\n');
  });

  it('round-trips multi-line JSON and text through an EventSource-style parser', () => {
    const payloads = ['{"a":1}', JSON.stringify({ text: 'line1\nline2' }, null, 2), 'plain\r\nwith CRLF', ': not a comment'];
    const stream = payloads.map((data, i) => formatSse({ event: `e${i}`, data, id: String(i) })).join('');
    const events = parseEventStream(stream);
    expect(events.map((e) => e.event)).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(events[1]?.data).toBe(payloads[1]);
    expect(JSON.parse(events[1]?.data ?? '')).toEqual({ text: 'line1\nline2' });
    expect(events[2]?.data).toBe('plain\nwith CRLF');
    expect(events[3]?.data).toBe(': not a comment');
    expect(events.map((e) => e.id)).toEqual(['0', '1', '2', '3']);
  });

  it('refuses a newline in the event name or id (it would inject a field)', () => {
    expect(() => formatSse({ event: 'node\ndata: evil', data: 'x' })).toThrow(TypeError);
    expect(() => formatSse({ id: '1\r2', data: 'x' })).toThrow(/id cannot contain a newline/);
  });

  it('refuses a retry that is not a whole number of ms', () => {
    expect(() => formatSse({ data: 'x', retry: 1.5 })).toThrow(TypeError);
    expect(() => formatSse({ data: 'x', retry: -1 })).toThrow(TypeError);
  });

  it('writes comments that a parser ignores, on one line', () => {
    const c = sseComment('keep\nalive');
    expect(c).toBe(': keep alive\n\n');
    expect(parseEventStream(c)).toEqual([]);
  });
});

describe('SseClient', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    server = undefined;
  });

  it('answers text/event-stream, not cacheable, and streams framed events', async () => {
    server = createServer((_req, res) => {
      const c = new SseClient(res);
      c.send('lab', { name: 'x\ny' });
      c.send('rates', { a: 1 });
      c.close();
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const events = parseEventStream(await res.text());
    expect(events).toEqual([
      { event: 'lab', data: JSON.stringify({ name: 'x\ny' }) },
      { event: 'rates', data: '{"a":1}' },
    ]);
  });
});

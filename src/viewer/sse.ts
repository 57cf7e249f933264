import type { ServerResponse } from 'node:http';

/** One server-sent event. */
export interface SseMessage {
  readonly data: string;
  readonly event?: string;
  readonly id?: string;
  /** Reconnection delay the browser should use, in ms. */
  readonly retry?: number;
}

/** Headers of an event stream: nothing may cache or buffer it. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

const NEWLINE = /[\r\n]/;

/**
 * The wire text of one event, framed as the HTML standard reads it (and as
 * Hono's streamSSE writes it): `event:`, one `data:` line per line of data,
 * `id:`, `retry:`, then a blank line. A newline inside `event` or `id` would
 * end the field early and inject another, so it is refused.
 */
export function formatSse(m: SseMessage): string {
  if (m.event !== undefined && NEWLINE.test(m.event)) throw new TypeError('an SSE event name cannot contain a newline');
  if (m.id !== undefined && NEWLINE.test(m.id)) throw new TypeError('an SSE id cannot contain a newline');
  if (m.retry !== undefined && (!Number.isInteger(m.retry) || m.retry < 0)) throw new TypeError(`SSE retry must be a whole number of ms, got ${m.retry}`);
  const lines: string[] = [];
  if (m.event !== undefined) lines.push(`event: ${m.event}`);
  for (const line of m.data.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  if (m.id !== undefined) lines.push(`id: ${m.id}`);
  if (m.retry !== undefined) lines.push(`retry: ${m.retry}`);
  return `${lines.join('\n')}\n\n`;
}

/** A comment line: ignored by EventSource, keeps idle connections open. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** One browser listening on an event stream. */
export class SseClient {
  private closed = false;

  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, SSE_HEADERS);
    res.flushHeaders();
    res.on('close', () => {
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed || this.res.destroyed;
  }

  send(event: string, payload: unknown): void {
    if (this.isClosed) return;
    this.res.write(formatSse({ event, data: JSON.stringify(payload) }));
  }

  comment(text: string): void {
    if (!this.isClosed) this.res.write(sseComment(text));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.res.end();
  }
}

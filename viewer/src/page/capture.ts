/* The capture drawer: choose where (an interface, a node, a LAN), an
   optional filter, then a live packet list from /api/capture/ID/events and
   "Download pcap" of what was seen. */
import { MAX_ROWS, rowCells, type CaptureChoice, type PacketLine } from '../capture.js';
import { byId, el } from './dom.js';

interface Started {
  readonly id: string;
  readonly label: string;
}

export class CapturePanel {
  private events: EventSource | null = null;
  private id: string | null = null;
  private first: number | null = null;
  private spansInterfaces = false;
  /** Packets listed so far (tests and the status line read it). */
  count = 0;

  constructor() {
    byId('capture-start').addEventListener('click', () => void this.start());
    byId('capture-stop').addEventListener('click', () => void this.stop());
    byId('capture-close').addEventListener('click', () => this.close());
    byId('capture-filter').addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') void this.start();
    });
  }

  /** Show the drawer with these choices; start at once on `now` (a button that named its interface). */
  open(choices: readonly CaptureChoice[], now?: string): void {
    const select = byId<HTMLSelectElement>('capture-target');
    select.replaceChildren(...choices.map((c) => el('option', { value: c.target, text: c.label })));
    if (now !== undefined) select.value = now;
    byId('capture').hidden = false;
    if (now !== undefined) void this.start();
    else select.focus();
  }

  private status(text: string, error = false): void {
    const s = byId('capture-status');
    s.textContent = text;
    s.className = error ? 'error' : '';
  }

  private running(on: boolean): void {
    byId('capture-start').hidden = on;
    byId('capture-stop').hidden = !on;
    byId<HTMLSelectElement>('capture-target').disabled = on;
    byId<HTMLInputElement>('capture-filter').disabled = on;
  }

  /** POST /api/capture, then follow its events; a wrong target or filter is the server's one line. */
  async start(): Promise<void> {
    await this.stop();
    const target = byId<HTMLSelectElement>('capture-target').value;
    const filter = byId<HTMLInputElement>('capture-filter').value.trim();
    this.status(`starting on ${target}…`);
    let started: Started;
    try {
      const res = await fetch('api/capture', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ target, ...(filter ? { filter } : {}) }) });
      const body = (await res.json()) as Partial<Started> & { error?: string };
      if (!res.ok || !body.id) throw new Error(body.error ?? `the server answered ${res.status}`);
      started = { id: body.id, label: body.label ?? target };
    } catch (err) {
      this.status(err instanceof Error ? err.message : String(err), true);
      return;
    }
    this.id = started.id;
    this.first = null;
    this.count = 0;
    this.spansInterfaces = target.endsWith(':any');
    byId('capture-rows').replaceChildren();
    const pcap = byId<HTMLAnchorElement>('capture-pcap');
    pcap.href = `api/capture/${started.id}/pcap`;
    pcap.hidden = false;
    this.running(true);
    this.status(`listening on ${started.label}${filter ? ` (filter: ${filter})` : ''}`);
    const es = new EventSource(`api/capture/${started.id}/events`);
    this.events = es;
    es.addEventListener('lines', (e) => this.add(JSON.parse((e as MessageEvent<string>).data) as PacketLine[]));
    es.addEventListener('end', (e) => {
      const end = JSON.parse((e as MessageEvent<string>).data) as { captured: number; dropped: number; message?: string };
      es.close();
      if (this.events === es) this.events = null;
      this.running(false);
      this.status(`${end.captured} packets captured${end.dropped ? `, ${end.dropped} dropped by the kernel` : ''}${end.message ? `; ${end.message}` : ''}`);
    });
  }

  private add(lines: readonly PacketLine[]): void {
    const body = byId('capture-rows');
    const wrap = byId('capture-list');
    const atBottom = wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 4;
    const rows = lines.map((p) => {
      this.first ??= p.t;
      return el('tr', { className: `p-${p.proto.toLowerCase()}` }, rowCells(p, this.first, this.spansInterfaces).map((c) => el('td', { text: c })));
    });
    body.append(...rows);
    while (body.childElementCount > MAX_ROWS) body.firstElementChild?.remove();
    this.count += lines.length;
    if (atBottom) wrap.scrollTop = wrap.scrollHeight;
  }

  /** Stop the running capture (its pcap stays downloadable). */
  async stop(): Promise<void> {
    const id = this.id;
    if (!id || !this.events) return;
    this.events.close();
    this.events = null;
    this.running(false);
    try {
      await fetch(`api/capture/${id}/stop`, { method: 'POST' });
      this.status(`stopped; ${this.count} packets listed`);
    } catch {
      this.status('could not reach nslab graph to stop the capture', true);
    }
  }

  close(): void {
    void this.stop();
    byId('capture').hidden = true;
  }
}

/* A terminal in a node: xterm.js (loaded from the server the first time
   one opens) over the WebSocket /api/term/NODE, which runs `nslab exec LAB
   NODE` on a pseudo-terminal (src/viewer/terminal.ts). */
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import { byId } from './dom.js';

declare global {
  interface Window {
    /** xterm.js's UMD bundle defines these (xterm.js, xterm-addon-fit.js). */
    Terminal?: typeof Terminal;
    FitAddon?: { FitAddon: typeof FitAddon };
  }
}

let loading: Promise<void> | undefined;

/** xterm's script, its fit addon and its stylesheet, once. */
function loadXterm(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = 'xterm.css';
    document.head.appendChild(css);
    let left = 2;
    for (const src of ['xterm.js', 'xterm-addon-fit.js']) {
      const s = document.createElement('script');
      s.src = src;
      s.async = false;
      s.onload = () => {
        if (--left === 0) resolve();
      };
      s.onerror = () => reject(new Error(`could not load ${src} from nslab graph`));
      document.head.appendChild(s);
    }
  });
  return loading;
}

export class TerminalPanel {
  private term: Terminal | null = null;
  private fit: FitAddon | null = null;
  private socket: WebSocket | null = null;
  private node: string | null = null;

  constructor() {
    byId('term-close').addEventListener('click', () => this.close());
    window.addEventListener('resize', () => this.fit?.fit());
  }

  /** What the terminal shows, one line per row (tests read it). */
  text(): string {
    const b = this.term?.buffer.active;
    if (!b) return '';
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  get openNode(): string | null {
    return this.node;
  }

  private status(text: string, error = false): void {
    const s = byId('term-status');
    s.textContent = text;
    s.className = error ? 'error' : '';
  }

  async open(node: string): Promise<void> {
    this.close();
    this.node = node;
    byId('term-title').textContent = `Terminal · ${node}`;
    byId('term').hidden = false;
    this.status('connecting…');
    try {
      await loadXterm();
    } catch (err) {
      this.status(err instanceof Error ? err.message : String(err), true);
      return;
    }
    if (this.node !== node || !window.Terminal || !window.FitAddon) return;
    const term = new window.Terminal({ fontSize: 16, cursorBlink: true, scrollback: 5000, fontFamily: '"DejaVu Sans Mono", ui-monospace, monospace' });
    const fit = new window.FitAddon.FitAddon();
    term.loadAddon(fit);
    const box = byId('term-screen');
    box.replaceChildren();
    term.open(box);
    fit.fit();
    this.term = term;
    this.fit = fit;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/term/${encodeURIComponent(node)}?cols=${term.cols}&rows=${term.rows}`;
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.socket = ws;
    ws.onopen = () => {
      this.status(`nslab exec in ${node}`);
      term.focus();
    };
    ws.onmessage = (e: MessageEvent<ArrayBuffer | string>) => {
      if (typeof e.data !== 'string') return term.write(new Uint8Array(e.data));
      const m = JSON.parse(e.data) as { error?: string; exit?: number | null; signal?: string };
      if (m.error) this.status(m.error, true);
      else if ('exit' in m) this.status(`the shell ended${m.signal ? ` (${m.signal})` : ` with status ${m.exit}`}`);
    };
    ws.onclose = () => {
      if (this.socket === ws && byId('term-status').className !== 'error' && !/ended/.test(byId('term-status').textContent ?? '')) this.status('disconnected');
    };
    term.onData((d) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: 'i', d }));
    });
    term.onResize(({ cols, rows }) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: 'r', c: cols, r: rows }));
    });
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
    this.term?.dispose();
    this.term = null;
    this.fit = null;
    this.node = null;
    byId('term').hidden = true;
  }
}

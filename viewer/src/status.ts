import type { LabView } from '../../src/lab/inspect.js';

export interface Status {
  /** Absent: the badge keeps what it says (nothing drawn yet). */
  readonly badge?: { readonly className: string; readonly text: string };
  /** Absent: no banner. */
  readonly banner?: { readonly className: string; readonly text: string };
}

export interface StatusInputs {
  readonly view: LabView | null;
  readonly connected: boolean;
  /** Set on an exported page: when it was written. */
  readonly exportedAt?: string | undefined;
}

function notDeployed(v: LabView): string {
  return `NOT DEPLOYED — drawn from ${v.source} (nslab up ${v.source} to run it)`;
}

/** The status badge and banner: a snapshot, a lost connection, a lab not deployed, or live. */
export function pageStatus({ view: v, connected, exportedAt }: StatusInputs): Status {
  if (!v) return {};
  if (exportedAt !== undefined) {
    const badge = { className: 'badge snapshot', text: `${v.live ? 'snapshot ' : 'not deployed · '}${exportedAt}` };
    return v.live ? { badge } : { badge, banner: { className: '', text: notDeployed(v) } };
  }
  if (!connected) {
    return {
      badge: { className: 'badge offline', text: 'DISCONNECTED' },
      banner: { className: 'offline', text: 'Lost contact with nslab graph; retrying. What you see may be out of date.' },
    };
  }
  if (!v.live) return { badge: { className: 'badge planned', text: 'NOT DEPLOYED' }, banner: { className: '', text: notDeployed(v) } };
  return { badge: { className: 'badge live', text: `LIVE · ${v.status}` } };
}

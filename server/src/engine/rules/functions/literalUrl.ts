/** The parts of an absolute http(s) or WebSocket (ws, wss) URL written at the start of a value, as offsets into that value. */
export interface LiteralUrl {
  readonly scheme: 'http' | 'https' | 'ws' | 'wss';
  /** Offset just after `://`. */
  readonly authorityStart: number;
  readonly host: string;
  readonly hostStart: number;
  readonly hostEnd: number;
  /** The explicit port, when one is written (`:8080`). */
  readonly port: number | undefined;
  /** Offset after the port (or the host when there is none). */
  readonly authorityEnd: number;
}

const ABSOLUTE_URL = /^(https?|wss?):\/\/(?:[^@/?#\s]*@)?(\[[0-9A-Fa-f:.]+\]|[^/:?#\s]+)(?::(\d{1,5}))?/i;

/** Reads `http://host[:port]` (or https, ws, wss) at the start of `raw`; undefined when the value is not such a URL. */
export function parseLiteralUrl(raw: string): LiteralUrl | undefined {
  const match = ABSOLUTE_URL.exec(raw);
  if (!match) return undefined;
  const scheme = match[1].toLowerCase() as LiteralUrl['scheme'];
  const host = match[2];
  const hostStart = match[0].indexOf(host, match[1].length + 3);
  return {
    scheme,
    authorityStart: match[1].length + 3,
    host,
    hostStart,
    hostEnd: hostStart + host.length,
    port: match[3] === undefined ? undefined : Number(match[3]),
    authorityEnd: match[0].length,
  };
}

/**
 * Hosts that only resolve on the gateway's own machine or container network: loopback, Docker's names for the
 * host machine, and single-label or `.svc`/`.cluster.local` names used by self-hosted gateways next to their
 * backends (Dapr sidecars, Kubernetes services).
 */
export function isLocalOnlyHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name === '[::1]') return true;
  if (name === 'host.docker.internal' || name === 'gateway.docker.internal') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  if (/\.svc$|\.svc\.cluster\.local$|\.cluster\.local$/.test(name)) return true;
  return !name.includes('.') && !name.startsWith('[');
}

import ipaddr from 'ipaddr.js';

/**
 * Where replies to an /api/messages activity may go. With authentication on, only Bot Framework
 * service hosts (the channel's serviceUrl is signed into its token, but a mistaken allow-list entry
 * should not turn the bot into a proxy); with authentication off (local use) only this machine, where
 * the Bot Framework Emulator listens.
 */
export type ServiceUrlPolicy = { kind: 'hosts'; hosts: readonly string[] } | { kind: 'loopback' };

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(host)) return false;
  const address = ipaddr.process(host);
  return address.range() === 'loopback';
}

/** Null when the serviceUrl may be used; otherwise why not, for a 400. */
export function serviceUrlProblem(raw: string, policy: ServiceUrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'serviceUrl must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'serviceUrl must be an http(s) URL';
  if (url.username || url.password) return 'serviceUrl must not carry credentials';
  if (policy.kind === 'loopback') {
    return isLoopbackHost(url.hostname) ? null : 'With Bot Framework authentication off, serviceUrl must be on this machine (localhost, as the Bot Framework Emulator uses)';
  }
  if (url.protocol !== 'https:') return 'serviceUrl must use https';
  const host = url.hostname.toLowerCase();
  const allowed = policy.hosts.some((h) => host === h.toLowerCase() || host.endsWith(`.${h.toLowerCase()}`));
  return allowed ? null : `serviceUrl host ${host} is not a Bot Framework service host (BOT_SERVICE_URL_HOSTS)`;
}

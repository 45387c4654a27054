/**
 * Whether a browser Origin may open a conversation for a tenant. Entries are exact origins
 * ("https://www.insurer.nl") or a host with any port ("http://localhost:*", used for demo tenants).
 */
export function isOriginAllowed(origin: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const normalized = `${url.protocol}//${url.host}`;
  return allowed.some((entry) => {
    if (entry.endsWith(':*')) {
      const base = entry.slice(0, -2);
      return `${url.protocol}//${url.hostname}` === base || `${url.protocol}//[${url.hostname}]` === base;
    }
    return entry === normalized;
  });
}

import ipaddr from 'ipaddr.js';

const privateNames = (host: string) => host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa');

/**
 * Whether an IP address may not be called from production: everything that is not plain public
 * unicast (private, loopback, link-local, unique-local, carrier-grade NAT, multicast, reserved and
 * documentation ranges), judged by ipaddr.js on the address itself, so IPv4-mapped (::ffff:7f00:1),
 * IPv4-compatible (::7f00:1, what the URL parser makes of [::127.0.0.1]) and tunnelled forms
 * (NAT64, 6to4, Teredo) are caught whatever their spelling.
 */
export function isPrivateAddress(address: string): boolean {
  const literal = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(literal)) return true; // not an address we can judge: refuse
  const parsed = ipaddr.process(literal); // IPv4-mapped IPv6 becomes IPv4
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  // ::/96 holds the deprecated IPv4-compatible addresses (and ::, ::1): none is a public target.
  if (v6.parts.slice(0, 6).every((p) => p === 0)) return true;
  return v6.range() !== 'unicast';
}

/**
 * Whether a webhook URL's host is a local name or an address that is not public. Production refuses
 * those when the endpoint is registered, and the delivery agent checks the addresses a name resolves
 * to again at connect time (DNS rebinding).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (privateNames(host)) return true;
  if (ipaddr.isValid(host)) return isPrivateAddress(host);
  // A name: only its resolved addresses can tell (checked at delivery).
  return false;
}

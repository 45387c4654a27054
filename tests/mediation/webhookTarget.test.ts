import { describe, expect, it } from 'vitest';
import { isPrivateHost } from '../../bot/mediation/webhookTarget.ts';

describe('webhook targets in production must be public (no SSRF into private networks)', () => {
  it.each([
    ['localhost', true], ['api.localhost', true], ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.1', true],
    ['192.168.1.10', true], ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['[::1]', true], ['fd12:3456::1', true],
    ['fe80::1', true], ['::ffff:10.0.0.1', true], ['intranet.internal', true],
    // The URL parser's own spellings of IPv4-mapped and -compatible addresses (defect 5 of issue 12).
    ['[::ffff:7f00:1]', true], ['[::ffff:a9fe:a9fe]', true], ['[::ffff:a00:1]', true], ['[::7f00:1]', true], ['[fc00::1]', true],
    ['[64:ff9b::7f00:1]', true], ['[2002:7f00:1::]', true], ['2001:db8::1', true], ['224.0.0.1', true], ['localhost.', true],
    ['172.32.0.1', false], ['8.8.8.8', false], ['hooks.verzekeraar.nl', false], ['[2a00:1450:4001::1]', false],
  ])('%s → private: %s', (host, expected) => {
    expect(isPrivateHost(host)).toBe(expected);
  });
});

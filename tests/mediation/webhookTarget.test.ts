import { describe, expect, it } from 'vitest';
import { isPrivateHost } from '../../bot/mediation/webhookTarget.ts';

describe('webhook targets in production must be public (no SSRF into private networks)', () => {
  it.each([
    ['localhost', true], ['api.localhost', true], ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.1', true],
    ['192.168.1.10', true], ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['[::1]', true], ['fd12:3456::1', true],
    ['fe80::1', true], ['::ffff:10.0.0.1', true], ['intranet.internal', true],
    ['172.32.0.1', false], ['8.8.8.8', false], ['hooks.verzekeraar.nl', false], ['2001:db8::1', false],
  ])('%s → private: %s', (host, expected) => {
    expect(isPrivateHost(host)).toBe(expected);
  });
});

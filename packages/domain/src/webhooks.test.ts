import { describe, expect, it } from 'vitest';
import {
  checkWebhookUrl,
  deliverableAddress,
  isPublicAddress,
  responseCountDue,
  shouldPauseWebhook,
} from './webhooks.ts';

describe('webhook URLs and addresses', () => {
  it('takes https anywhere, http only to loopback and only when allowed', () => {
    expect(checkWebhookUrl('https://hooks.example.org/x', { allowHttpLoopback: false }).host).toBe('hooks.example.org');
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', { allowHttpLoopback: true }).host).toBe('127.0.0.1');
    expect(checkWebhookUrl('http://[::1]:8080/x', { allowHttpLoopback: true }).host).toBe('[::1]');
    expect(() => checkWebhookUrl('http://127.0.0.1/x', { allowHttpLoopback: false })).toThrow(/url: must use https/);
    expect(() => checkWebhookUrl('http://example.org/x', { allowHttpLoopback: true })).toThrow(/url/);
    expect(() => checkWebhookUrl('https://a:b@example.org/x', { allowHttpLoopback: true })).toThrow(/password/);
  });

  it('refuses private, loopback, link-local and mapped addresses; takes public ones', () => {
    for (const a of [
      '10.1.2.3',
      '127.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
    ])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(isPublicAddress(a), a).toBe(true);
    expect(deliverableAddress('127.0.0.1', { allowHttpLoopback: true })).toBe(true);
    expect(deliverableAddress('10.0.0.1', { allowHttpLoopback: true })).toBe(false);
    expect(deliverableAddress('127.0.0.1', { allowHttpLoopback: false })).toBe(false);
  });
});

describe('webhook rules', () => {
  it('pauses after 24 hours of failures, not before', () => {
    expect(shouldPauseWebhook('2026-12-01T10:00:00.000Z', '2026-12-02T09:59:59.999Z')).toBe(false);
    expect(shouldPauseWebhook('2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z')).toBe(true);
  });

  it('sends a count from k on, then only k more and an hour later', () => {
    const now = '2026-12-01T10:00:00.000Z';
    expect(responseCountDue({ respondents: 4, k: 5, last: null, now })).toBe(false);
    expect(responseCountDue({ respondents: 5, k: 5, last: null, now })).toBe(true);
    const last = { respondents: 5, sentAt: '2026-12-01T08:00:00.000Z' };
    expect(responseCountDue({ respondents: 9, k: 5, last, now })).toBe(false);
    expect(responseCountDue({ respondents: 10, k: 5, last, now })).toBe(true);
    expect(
      responseCountDue({ respondents: 10, k: 5, last: { ...last, sentAt: '2026-12-01T09:30:00.000Z' }, now }),
    ).toBe(false);
  });
});

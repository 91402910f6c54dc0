import { describe, expect, it } from 'vitest';
import { memoryStore } from '../storage.ts';
import { addFollowKey, loadFollowKeys, newFollowKey } from './followKeys.ts';

describe('follow keys', () => {
  it('are random, URL-safe and long enough for the server', () => {
    const a = newFollowKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newFollowKey()).not.toBe(a);
  });

  it('are kept per person on the device, once each, and survive a corrupt entry', () => {
    const store = memoryStore();
    addFollowKey(store, 'u1', { feedbackId: 'f1', key: 'k1' });
    addFollowKey(store, 'u1', { feedbackId: 'f2', key: 'k2' });
    addFollowKey(store, 'u1', { feedbackId: 'f1', key: 'k1' });
    expect(loadFollowKeys(store, 'u1')).toEqual([
      { feedbackId: 'f2', key: 'k2' },
      { feedbackId: 'f1', key: 'k1' },
    ]);
    expect(loadFollowKeys(store, 'u2')).toEqual([]);
    store.setItem('facets.feedback.follow.u3', '{not json');
    expect(loadFollowKeys(store, 'u3')).toEqual([]);
  });
});

import type { KeyValueStore } from '../storage.ts';

/**
 * The keys with which this device follows the feedback its person sent without their name. The server keeps only
 * their hashes and never which account sent them, so these keys, on this device, are the only way back to the thread.
 */

const PREFIX = 'facets.feedback.follow.';
const MAX_KEYS = 100;

export interface FollowKey {
  feedbackId: string;
  key: string;
}

const isFollowKey = (x: unknown): x is FollowKey =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as FollowKey).feedbackId === 'string' &&
  typeof (x as FollowKey).key === 'string';

export function loadFollowKeys(store: KeyValueStore, userId: string): FollowKey[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(PREFIX + userId) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isFollowKey).slice(-MAX_KEYS) : [];
  } catch {
    return [];
  }
}

export function addFollowKey(store: KeyValueStore, userId: string, entry: FollowKey): void {
  const keys = loadFollowKeys(store, userId).filter((k) => k.feedbackId !== entry.feedbackId);
  try {
    store.setItem(PREFIX + userId, JSON.stringify([...keys, entry].slice(-MAX_KEYS)));
  } catch {
    // Not kept: the feedback is sent all the same, it just cannot be followed from here.
  }
}

/** 32 random bytes, URL-safe: far beyond guessing. */
export function newFollowKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

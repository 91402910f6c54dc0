import { commonMessages, flattenKeys, missingKeys } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';

describe('customer portal messages', () => {
  it('exist in both French and English', () => {
    expect(missingKeys(messages.en, messages.fr)).toEqual([]);
    expect(missingKeys(messages.fr, messages.en)).toEqual([]);
  });

  it('only override keys the shared screens use', () => {
    expect(missingKeys(messages.en, commonMessages.en)).toEqual([]);
  });

  it('name the portal and its reference field', () => {
    const keys = flattenKeys(messages.en);
    for (const key of ['app.productName', 'app.documentTitle', 'portal.signInIntro', 'feedback.reference']) {
      expect(keys).toContain(key);
    }
  });
});

import { commonMessages, portalMessageProblems } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';

describe('generic portal messages', () => {
  it('exist in both languages, override only shared keys, and name the portal and its reference field', () => {
    expect(portalMessageProblems(messages, commonMessages)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { knownRefusal } from './errors.ts';

/** What a tRPC client error holds of the server's answer (error.data), without a server. */
const refused = (data: Record<string, unknown>) => ({
  message: 'email: is already a member of this organisation',
  data,
});

const known = [
  { field: 'email', reason: 'duplicate', message: 'Déjà membre' },
  { field: 'email', reason: 'member_elsewhere', message: 'Membre ailleurs' },
] as const;

describe('knownRefusal', () => {
  it('picks the form’s wording by field and reason code, never by the server’s message', () => {
    expect(knownRefusal(refused({ field: 'email', reason: 'duplicate' }), known)).toEqual({
      field: 'email',
      message: 'Déjà membre',
    });
    expect(knownRefusal(refused({ field: 'email', reason: 'member_elsewhere' }), known)?.message).toBe(
      'Membre ailleurs',
    );
  });

  it('leaves any other refusal to the shared wording', () => {
    expect(knownRefusal(refused({ field: 'email', reason: 'invalid_format' }), known)).toBeNull();
    expect(knownRefusal(refused({ field: 'name', reason: 'duplicate' }), known)).toBeNull();
    expect(knownRefusal(refused({ field: 'email' }), known)).toBeNull();
    expect(knownRefusal(new Error('offline'), known)).toBeNull();
  });
});

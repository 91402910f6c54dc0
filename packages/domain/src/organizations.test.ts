import { describe, expect, it } from 'vitest';
import { NewOrganization, slugOf } from './organizations.ts';

describe('slugOf', () => {
  it('keeps letters and digits of the name, without accents, joined by single hyphens', () => {
    expect(slugOf('Maison Lumière & Fils')).toBe('maison-lumiere-fils');
    expect(slugOf('  Ætna — 2027 ')).toBe('aetna-2027');
    expect(slugOf('Cœur de Forêt')).toBe('coeur-de-foret');
    expect(slugOf('***')).toBe('');
    expect(slugOf('a'.repeat(70))).toHaveLength(63);
  });
});

describe('NewOrganization', () => {
  it('derives the slug and the admin name, French by default, no password', () => {
    expect(NewOrganization.parse({ name: 'Café du Port', adminEmail: 'Anne.Roy@Example.org' })).toEqual({
      name: 'Café du Port',
      slug: 'cafe-du-port',
      language: 'fr',
      adminEmail: 'anne.roy@example.org',
      adminName: 'anne.roy',
      adminPassword: null,
    });
  });

  it('names the field at fault', () => {
    const path = (input: unknown) => NewOrganization.safeParse(input).error?.issues[0]?.path.join('.');
    expect(path({ name: 'X Corp', adminEmail: 'not an address' })).toBe('adminEmail');
    expect(path({ name: '***', adminEmail: 'a@example.org' })).toBe('slug');
    expect(path({ name: 'X', slug: 'Bad Slug', adminEmail: 'a@example.org' })).toBe('slug');
    expect(path({ name: 'X', adminEmail: 'a@example.org', language: 'de' })).toBe('language');
    expect(path({ name: 'X', adminEmail: 'a@example.org', adminPassword: 'short' })).toBe('adminPassword');
  });
});

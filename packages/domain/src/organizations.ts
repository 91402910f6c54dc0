import { z } from 'zod';
import { Locale } from './model.ts';

/**
 * A new organisation and its first admin, as the command line (`facets init`) and the console's first-run page give
 * them. One schema for both, so that a field is refused with the same name and message wherever it is typed.
 */

export const MAX_SLUG = 63;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;

/** Lower-case letters, digits and single hyphens: the organisation's name in addresses and commands. */
export const OrganizationSlug = z
  .string()
  .trim()
  .min(2)
  .max(MAX_SLUG)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens (maison-lumiere)');
export type OrganizationSlug = z.infer<typeof OrganizationSlug>;

export const NewOrganization = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    /** Derived from the name when not given (`slugOf`). */
    slug: OrganizationSlug.optional(),
    /** The language of the messages the organisation sends (invitations); French by default. */
    language: Locale.default('fr'),
    adminEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    /** The e-mail's local part when not given. */
    adminName: z.string().trim().min(1).max(120).optional(),
    /** Null: the admin chooses one through a single-use link. */
    adminPassword: z.string().min(MIN_PASSWORD).max(MAX_PASSWORD).nullable().default(null),
  })
  .transform((input, ctx) => {
    const slug = input.slug ?? slugOf(input.name);
    if (!OrganizationSlug.safeParse(slug).success) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'cannot be made from this name: give one' });
      return z.NEVER;
    }
    return { ...input, slug, adminName: input.adminName ?? input.adminEmail.split('@')[0]! };
  });
export type NewOrganization = z.output<typeof NewOrganization>;

/** Letters that carry no accent to strip but stand for plain ones (Cœur → coeur). */
const LIGATURES: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/** "Maison Lumière & Fils" → "maison-lumiere-fils"; empty when the name holds no letter or digit. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[æœßøłđ]/g, (letter) => LIGATURES[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

import { DomainError, type LocalizedText, textIn } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Helpers shared by the repositories: JSON columns, booleans stored as 0/1, driver errors. */

/** A stored text in both languages: an organisation that writes in one stores only it, and readers get it in both. */
export function localized(json: string): LocalizedText {
  return textIn(JSON.parse(json) as { fr?: string; en?: string });
}

export function localizedOrNull(json: string | null): LocalizedText | null {
  return json === null ? null : localized(json);
}

export function parseJson<T>(json: string | null, fallback: T): T {
  return json === null ? fallback : (JSON.parse(json) as T);
}

export const bool = (value: number): boolean => value === 1;

/** True for a unique or primary-key violation from better-sqlite3 or pg. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs `fn` in a new transaction, or in the caller's when `db` already is one (Kysely does not nest them). */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** `%text%` for `like … escape '\'`, in lower case, with the wildcards a reader typed searched for as themselves. */
export const containsPattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Where a page of a list ordered by time then id (both descending) ends: the next page starts after this row. */
export function encodePageCursor(row: { at: string; id: string }): string {
  return `${row.at}~${row.id}`;
}

export function decodePageCursor(cursor: string, list: string): { at: string; id: string } {
  const [at, id, ...rest] = cursor.split('~');
  if (!at || !id || rest.length > 0 || Number.isNaN(Date.parse(at))) {
    throw new DomainError(
      'invalid',
      `cursor: is not a position in this ${list}; start again from the first page`,
      'cursor',
    );
  }
  return { at, id };
}

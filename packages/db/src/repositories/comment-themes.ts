import { changesOf, DomainError } from '@facets/domain';
import {
  checkThemeMerge,
  type ThemeCatalogue,
  type ThemeCode,
  type ThemeLabel,
  type ThemeSetting,
  themeCatalogue,
} from '@facets/domain/text';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { recordAuditEvent } from './audit.ts';
import { parseJson } from './rows.ts';

/**
 * An organisation's comment themes (db `comment_theme`, domain `text/catalogue.ts`): the built-in taxonomy with the
 * names, merges and dimension mappings its analysts gave it. Each change is audited in its own transaction.
 */

export async function readThemeCatalogue(
  db: Kysely<Database>,
  args: { organizationId: string },
): Promise<ThemeCatalogue> {
  const rows = await db
    .selectFrom('comment_theme')
    .select(['code', 'label', 'merged_into', 'dimension_id'])
    .where('organization_id', '=', args.organizationId)
    .execute();
  const settings: ThemeSetting[] = rows.map((r) => ({
    code: r.code as ThemeCode,
    label: r.label === null ? null : parseJson<ThemeLabel>(r.label, {}),
    mergedInto: (r.merged_into as ThemeCode | null) ?? null,
    dimensionId: r.dimension_id,
  }));
  return themeCatalogue(settings);
}

/** What one call changes: a name (null: back to the built-in one), a merge (null: unmerge), a dimension (null: the taxonomy's). */
export type ThemeChange =
  | { label: ThemeLabel | null }
  | { mergedInto: ThemeCode | null }
  | { dimensionId: string | null };

export async function updateTheme(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    code: ThemeCode;
    change: ThemeChange;
    actorMemberId: string | null;
    now: string;
    newId: () => string;
  },
): Promise<ThemeCatalogue> {
  return db.transaction().execute(async (trx) => {
    const catalogue = await readThemeCatalogue(trx, { organizationId: args.organizationId });
    const before = catalogue.get(args.code);
    const existing = await trx
      .selectFrom('comment_theme')
      .select(['label', 'merged_into', 'dimension_id'])
      .where('organization_id', '=', args.organizationId)
      .where('code', '=', args.code)
      .executeTakeFirst();
    const row = {
      label: existing?.label ?? null,
      merged_into: existing?.merged_into ?? null,
      dimension_id: existing?.dimension_id ?? null,
    };
    const change = args.change;
    if ('label' in change) {
      const label = change.label && (change.label.fr || change.label.en) ? change.label : null;
      row.label = label ? JSON.stringify(label) : null;
    } else if ('mergedInto' in change) {
      if (change.mergedInto !== null) checkThemeMerge(catalogue, args.code, change.mergedInto);
      row.merged_into = change.mergedInto;
    } else {
      if (change.dimensionId !== null) {
        const dimension = await trx
          .selectFrom('dimension')
          .select(['id', 'archived_at'])
          .where('organization_id', '=', args.organizationId)
          .where('id', '=', change.dimensionId)
          .executeTakeFirst();
        if (!dimension) throw new DomainError('not_found', 'dimensionId: no such dimension', 'dimensionId');
        if (dimension.archived_at !== null) {
          throw new DomainError('invalid', 'dimensionId: this dimension is archived', 'dimensionId', 'archived');
        }
      }
      row.dimension_id = change.dimensionId;
    }
    await trx
      .insertInto('comment_theme')
      .values({ organization_id: args.organizationId, code: args.code, ...row, updated_at: args.now })
      .onConflict((oc) => oc.columns(['organization_id', 'code']).doUpdateSet({ ...row, updated_at: args.now }))
      .execute();
    const after = (await readThemeCatalogue(trx, { organizationId: args.organizationId })).get(args.code);
    const changes = changesOf(
      {
        labelFr: before.label.fr,
        labelEn: before.label.en,
        mergedInto: before.mergedInto,
        dimensionId: before.dimensionId,
      },
      {
        labelFr: after.label.fr,
        labelEn: after.label.en,
        mergedInto: after.mergedInto,
        dimensionId: after.dimensionId,
      },
    );
    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(trx, {
        organizationId: args.organizationId,
        actorMemberId: args.actorMemberId,
        action: 'themes.update',
        target: args.code,
        details: { theme: args.code, ...changes },
        now: args.now,
        newId: args.newId,
      });
    }
    return readThemeCatalogue(trx, { organizationId: args.organizationId });
  });
}

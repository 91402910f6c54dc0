import type { HiddenReason } from '@facets/domain';
import { type Me, useLang, useRouter, useSearchParam } from '@facets/portal-kit';
import { Alert, Button } from '@facets/ui';
import type { ScopeSegment } from './ScopeFilters.tsx';

/**
 * A manager's own population, as the link says: their team when an admin linked them to their person of the
 * directory (the API's default, `undefined` here), or their department with `?scope=department`. Undefined for
 * everyone else: they choose segments with the page's filters.
 */
export function useManagerSegment(me: Me): ScopeSegment | undefined {
  const scope = useSearchParam('scope');
  if (me.role !== 'manager' || !me.personId || !me.department) return undefined;
  return scope === 'department' ? { key: 'department', value: me.department } : undefined;
}

/**
 * What a manager's page is about: "My team (n)" — n only when the publication shows it, else "fewer than k" — or
 * their department, with the switch between the two for a manager who has a team.
 */
export function ManagerScope(props: {
  me: Me;
  /** The population the view read (the API says which). */
  segment: ScopeSegment | null | undefined;
  /** The team's respondents where the view reports them (undefined: the page says "My team" alone). */
  respondents?: { n: number; hidden: HiddenReason | null } | undefined;
  k: number;
  /** The page's own sentence for a manager who reads their department. */
  departmentText: string;
}) {
  const { t } = useLang();
  const { setSearch } = useRouter();
  const team = props.segment?.key === 'team';
  // The count only where the view has one: shown, or fewer than k.
  const teamTitle = !props.respondents
    ? t('scope.myTeamPlain')
    : props.respondents.hidden === null
      ? t('scope.myTeam', { n: props.respondents.n })
      : t('scope.myTeamHidden', { k: props.k });
  return (
    <Alert tone="info" title={team ? teamTitle : undefined}>
      <p>{team ? t('scope.teamBody') : props.departmentText}</p>
      {props.me.personId ? (
        <div className="fx-row">
          <Button variant="secondary" size="sm" onClick={() => setSearch({ scope: team ? 'department' : null })}>
            {team ? t('scope.seeDepartment') : t('scope.seeTeam')}
          </Button>
        </div>
      ) : null}
    </Alert>
  );
}

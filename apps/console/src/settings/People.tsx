import { ADMINS, STAFF_ROLES } from '@facets/domain';
import { type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Button, Card, DataTable } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvColumn } from '../export/csv.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import { PageFrame } from '../forms/PageFrame.tsx';
import type { StaffMemberItem, Translate } from '../forms/types.ts';
import { can } from '../roles/roles.ts';
import { InviteDialog, RemoveDialog, ResendButton, RoleDialog, TeamDialog } from './MemberDialogs.tsx';
import './settings.css';

/** People and roles: who works in the console, with which role, and who has not signed up yet. */
export function People({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const members = useQuery(trpc.admin.members.list.queryOptions());
  const departments = useQuery(trpc.admin.members.departments.queryOptions());
  const [inviting, setInviting] = useState(false);
  const [changing, setChanging] = useState<StaffMemberItem | null>(null);
  const [removing, setRemoving] = useState<StaffMemberItem | null>(null);
  const [teaming, setTeaming] = useState<StaffMemberItem | null>(null);
  const [saved, setSaved] = useState('');
  const isAdmin = can(me, ADMINS);
  const title = t('people.title');
  const departmentName = (value: string | null) =>
    value ? pickText(departments.data?.find((d) => d.value === value)?.label, lang) || value : '';
  const done = (message: string) => {
    setInviting(false);
    setChanging(null);
    setRemoving(null);
    setTeaming(null);
    setSaved(message);
  };

  return (
    <PageFrame
      me={me}
      title={title}
      intro={t('people.intro')}
      canChange={isAdmin}
      changedBy={t('roles.whoAdmin')}
      action={{ label: t('people.invite'), onClick: () => setInviting(true) }}
      saved={saved}
      queries={[members, departments]}
    >
      {members.data ? (
        <Card
          title={t('people.tableTitle', { count: members.data.length })}
          titleId="people-table"
          aria-labelledby="people-table"
          aside={<ExportButton title={title} rows={members.data} columns={exportColumns(t, departmentName)} />}
        >
          <DataTable
            title={t('people.caption')}
            className="fx-table--stack"
            columns={[
              t('people.col.name'),
              t('people.col.email'),
              t('people.col.role'),
              t('people.col.status'),
              isAdmin && t('people.col.actions'),
            ]}
          >
            {members.data.map((m) => {
              const self = m.userId === me.user.id;
              return (
                <tr key={m.memberId}>
                  <th scope="row">
                    {m.name}
                    {self ? <span className="fx-small"> {t('people.you')}</span> : null}
                  </th>
                  <td data-label={t('people.col.email')} className="fx-break">
                    {m.email}
                  </td>
                  <td data-label={t('people.col.role')}>
                    {t(`roles.name.${m.role}`)}
                    {m.department ? <span className="fx-small fx-block">{departmentName(m.department)}</span> : null}
                    {m.person ? (
                      <span className="fx-small fx-block">{t('people.teamLabel', { person: m.person.name })}</span>
                    ) : null}
                  </td>
                  <td data-label={t('people.col.status')}>
                    <Badge tone={m.status === 'active' ? 'success' : 'warning'}>{t(`people.status.${m.status}`)}</Badge>
                  </td>
                  {isAdmin ? (
                    <td>
                      <div className="fx-row fx-people-actions">
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={t('people.changeRoleOf', { name: m.name })}
                          onClick={() => setChanging(m)}
                        >
                          {t('people.changeRole')}
                        </Button>
                        {m.role === 'manager' ? (
                          <Button
                            variant="secondary"
                            size="sm"
                            aria-label={t('people.teamOf', { name: m.name })}
                            onClick={() => setTeaming(m)}
                          >
                            {t('people.team')}
                          </Button>
                        ) : null}
                        {m.status === 'invited' ? <ResendButton member={m} onDone={done} /> : null}
                        {!self ? (
                          <Button
                            variant="ghost"
                            size="sm"
                            aria-label={t('people.removeNamed', { name: m.name })}
                            onClick={() => setRemoving(m)}
                          >
                            {t('people.remove')}
                          </Button>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </DataTable>
        </Card>
      ) : null}
      <RoleGuide />
      <InviteDialog
        open={inviting}
        departments={departments.data ?? []}
        onClose={() => setInviting(false)}
        onDone={done}
      />
      <RoleDialog
        member={changing}
        departments={departments.data ?? []}
        onClose={() => setChanging(null)}
        onDone={done}
      />
      <RemoveDialog member={removing} onClose={() => setRemoving(null)} onDone={done} />
      <TeamDialog member={teaming} onClose={() => setTeaming(null)} onDone={done} />
    </PageFrame>
  );
}

/** What each role may do, so that whoever assigns one knows what they give. */
function RoleGuide() {
  const { t } = useLang();
  return (
    <Card title={t('people.rolesTitle')} titleId="roles-guide" aria-labelledby="roles-guide">
      <dl className="fx-role-guide">
        {STAFF_ROLES.map((role) => (
          <div key={role}>
            <dt>{t(`roles.name.${role}`)}</dt>
            <dd>{t(`roles.hint.${role}`)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function exportColumns(t: Translate, departmentName: (value: string | null) => string): CsvColumn<StaffMemberItem>[] {
  return [
    { header: t('people.col.name'), value: (m) => m.name },
    { header: t('people.col.email'), value: (m) => m.email },
    { header: t('people.col.role'), value: (m) => t(`roles.name.${m.role}`) },
    { header: t('people.col.department'), value: (m) => departmentName(m.department) },
    { header: t('people.team'), value: (m) => m.person?.name ?? '' },
    { header: t('people.col.status'), value: (m) => t(`people.status.${m.status}`) },
    { header: t('people.col.since'), value: (m) => m.createdAt.slice(0, 10) },
  ];
}

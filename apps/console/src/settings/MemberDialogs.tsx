import { STAFF_ROLES, type StaffRole } from '@facets/domain';
import { ErrorAlert, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Button, Select, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../forms/Dialog.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';
import { knownRefusal } from '../forms/errors.ts';
import type { DepartmentOption, StaffMemberItem } from '../forms/types.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function useRefreshMembers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.admin.members.pathFilter());
}

/** The role select and, for a manager, the department whose employee results they will see. */
function RoleFields(props: {
  role: StaffRole;
  department: string;
  departments: readonly DepartmentOption[];
  onRole: (role: StaffRole) => void;
  onDepartment: (department: string) => void;
  error?: string | undefined;
  departmentError?: string | undefined;
}) {
  const { t, lang } = useLang();
  return (
    <>
      <Select
        label={t('people.fieldRole')}
        hint={t(`roles.hint.${props.role}`)}
        value={props.role}
        error={props.error}
        onChange={(e) => props.onRole(e.currentTarget.value as StaffRole)}
        options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.name.${r}`) }))}
      />
      {props.role === 'manager' ? (
        <Select
          label={t('people.fieldDepartment')}
          hint={t('people.departmentHint')}
          value={props.department}
          error={props.departmentError}
          onChange={(e) => props.onDepartment(e.currentTarget.value)}
          options={[
            { value: '', label: t('people.chooseDepartment') },
            ...props.departments.map((d) => ({ value: d.value, label: pickText(d.label, lang) })),
          ]}
        />
      ) : null}
    </>
  );
}

export function InviteDialog(props: {
  open: boolean;
  departments: readonly DepartmentOption[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  return (
    <Dialog open={props.open} title={t('people.inviteTitle')} closeLabel={t('form.close')} onClose={props.onClose}>
      <InviteForm {...props} />
    </Dialog>
  );
}

function InviteForm(props: {
  departments: readonly DepartmentOption[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  const trpc = useTRPC();
  const refresh = useRefreshMembers();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('hr');
  const [department, setDepartment] = useState('');
  const [errors, setErrors] = useState<{ name?: string; email?: string; department?: string }>({});
  const invite = useMutation(
    trpc.admin.members.invite.mutationOptions({
      onSuccess: async (member) => {
        await refresh();
        props.onDone(t('people.invited', { name: member.name, email: member.email }));
      },
    }),
  );
  const known = invite.error
    ? knownRefusal(invite.error, [
        { field: 'email', reason: 'duplicate', message: t('people.emailMember') },
        { field: 'email', reason: 'member_elsewhere', message: t('people.emailElsewhere') },
      ])
    : null;

  const submit = () => {
    const next = {
      name: name.trim() ? undefined : t('form.required'),
      email: EMAIL.test(email.trim()) ? undefined : t('people.emailInvalid'),
      department: role === 'manager' && !department ? t('people.departmentRequired') : undefined,
    };
    setErrors(next);
    if (next.name || next.email || next.department) return;
    invite.mutate({ name: name.trim(), email: email.trim(), role, department: role === 'manager' ? department : null });
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onClose}
      busy={invite.isPending}
      error={known ? null : invite.error}
      submitLabel={t('people.sendInvitation')}
    >
      <p className="fx-hint">{t('people.inviteIntro')}</p>
      <div className="fx-form-grid">
        <TextInput
          label={t('people.fieldName')}
          autoComplete="off"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
        />
        <TextInput
          label={t('people.fieldEmail')}
          type="email"
          autoComplete="off"
          value={email}
          maxLength={254}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email ?? known?.message}
          required
        />
      </div>
      <RoleFields
        role={role}
        department={department}
        departments={props.departments}
        onRole={setRole}
        onDepartment={setDepartment}
        departmentError={errors.department}
      />
    </DialogForm>
  );
}

export function RoleDialog(props: {
  member: StaffMemberItem | null;
  departments: readonly DepartmentOption[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  return (
    <Dialog
      open={props.member !== null}
      title={t('people.roleTitle')}
      subtitle={props.member?.name}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.member ? (
        <RoleForm member={props.member} departments={props.departments} onClose={props.onClose} onDone={props.onDone} />
      ) : null}
    </Dialog>
  );
}

function RoleForm(props: {
  member: StaffMemberItem;
  departments: readonly DepartmentOption[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  const trpc = useTRPC();
  const refresh = useRefreshMembers();
  const [role, setRole] = useState<StaffRole>(props.member.role);
  const [department, setDepartment] = useState(props.member.department ?? '');
  const [departmentError, setDepartmentError] = useState<string>();
  const update = useMutation(
    trpc.admin.members.updateRole.mutationOptions({
      onSuccess: async (member) => {
        await refresh();
        props.onDone(t('people.roleSaved', { name: member.name, role: t(`roles.name.${member.role}`) }));
      },
    }),
  );
  const known = update.error
    ? knownRefusal(update.error, [{ field: 'role', reason: 'last_admin', message: t('people.lastAdmin') }])
    : null;
  const submit = () => {
    const missing = role === 'manager' && !department;
    setDepartmentError(missing ? t('people.departmentRequired') : undefined);
    if (missing) return;
    update.mutate({ memberId: props.member.memberId, role, department: role === 'manager' ? department : null });
  };
  return (
    <DialogForm onSubmit={submit} onCancel={props.onClose} busy={update.isPending} error={known ? null : update.error}>
      <RoleFields
        role={role}
        department={department}
        departments={props.departments}
        onRole={setRole}
        onDepartment={setDepartment}
        error={known?.message}
        departmentError={departmentError}
      />
    </DialogForm>
  );
}

export function RemoveDialog(props: {
  member: StaffMemberItem | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  const trpc = useTRPC();
  const refresh = useRefreshMembers();
  const remove = useMutation(
    trpc.admin.members.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        props.onDone(t('people.removed', { name: props.member?.name ?? '' }));
      },
    }),
  );
  const known = remove.error
    ? knownRefusal(remove.error, [
        { field: 'memberId', reason: 'self_removal', message: t('people.cannotRemoveSelf') },
        { field: 'memberId', reason: 'last_admin', message: t('people.lastAdmin') },
      ])
    : null;
  return (
    <Dialog
      open={props.member !== null}
      title={t('people.removeTitle', { name: props.member?.name ?? '' })}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.member ? (
        <DialogForm
          onSubmit={() => props.member && remove.mutate({ memberId: props.member.memberId })}
          onCancel={props.onClose}
          busy={remove.isPending}
          error={known ? null : remove.error}
          submitLabel={t('people.remove')}
          submitVariant="danger"
        >
          <p>{t('people.removeBody')}</p>
          {known ? <p className="fx-error">{known.message}</p> : null}
        </DialogForm>
      ) : null}
    </Dialog>
  );
}

/** Sends a new password link to someone who has not chosen a password yet. */
export function ResendButton(props: { member: StaffMemberItem; onDone: (message: string) => void }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const resend = useMutation(
    trpc.admin.members.resendInvitation.mutationOptions({
      onSuccess: (member) => props.onDone(t('people.resent', { email: member.email })),
    }),
  );
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        busy={resend.isPending}
        aria-label={t('people.resendTo', { name: props.member.name })}
        onClick={() => resend.mutate({ memberId: props.member.memberId })}
      >
        {t('people.resend')}
      </Button>
      {resend.isError ? <ErrorAlert error={resend.error} /> : null}
    </>
  );
}

/** A manager's own person in the employee directory, whose team they read: linked by external id or e-mail. */
export function TeamDialog(props: {
  member: StaffMemberItem | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  return (
    <Dialog
      open={props.member !== null}
      title={t('people.teamTitle')}
      subtitle={props.member?.name}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.member ? <TeamForm member={props.member} onClose={props.onClose} onDone={props.onDone} /> : null}
    </Dialog>
  );
}

function TeamForm(props: { member: StaffMemberItem; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const refresh = useRefreshMembers();
  const current = props.member.person;
  const [person, setPerson] = useState(current?.externalId ?? current?.email ?? '');
  const [error, setError] = useState<string>();
  const link = useMutation(
    trpc.admin.members.setPerson.mutationOptions({
      onSuccess: async (member) => {
        await refresh();
        props.onDone(
          member.person
            ? t('people.teamSaved', { name: member.name, person: member.person.name })
            : t('people.teamRemoved', { name: member.name }),
        );
      },
    }),
  );
  const known = link.error
    ? knownRefusal(link.error, [
        { field: 'person', reason: 'not_found', message: t('people.personNotFound') },
        { field: 'person', reason: 'duplicate', message: t('people.personAmbiguous') },
      ])
    : null;
  const submit = () => {
    const missing = person.trim() === '';
    setError(missing ? t('form.required') : undefined);
    if (!missing) link.mutate({ memberId: props.member.memberId, person: person.trim() });
  };
  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onClose}
      busy={link.isPending}
      error={known ? null : link.error}
      submitLabel={t('people.saveTeam')}
    >
      <p className="fx-hint">{t('people.teamIntro')}</p>
      <TextInput
        label={t('people.fieldPerson')}
        hint={t('people.personHint')}
        autoComplete="off"
        value={person}
        maxLength={254}
        onChange={(e) => setPerson(e.currentTarget.value)}
        error={error ?? known?.message}
        required
      />
      {current ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => link.mutate({ memberId: props.member.memberId, person: null })}
          disabled={link.isPending}
        >
          {t('people.unlinkTeam')}
        </Button>
      ) : null}
    </DialogForm>
  );
}

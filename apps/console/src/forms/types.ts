import type { RouterOutputs } from '@facets/api';
import type { useLang } from '@facets/portal-kit';

/** The shapes the planning and operations pages receive from the API. */
export type PlanDimensions = RouterOutputs['plan']['dimensions']['list'];
export type PlanGroup = PlanDimensions['groups'][number];
export type PlanDimension = PlanDimensions['dimensions'][number];
export type IntendedCell = RouterOutputs['plan']['intended']['list'][number];
export type InitiativeItem = RouterOutputs['plan']['initiatives']['list'][number];
export type PromiseItem = RouterOutputs['plan']['promises']['list'][number];
export type InboxEntry = RouterOutputs['feedback']['inbox'][number];
export type InboxCounts = RouterOutputs['feedback']['inboxSummary'];
export type Assignee = RouterOutputs['feedback']['assignees'][number];
export type StaffMemberItem = RouterOutputs['admin']['members']['list'][number];
export type DepartmentOption = RouterOutputs['admin']['members']['departments'][number];
export type OrganizationSettings = RouterOutputs['admin']['settings']['get'];
export type Bilingual = { fr: string; en: string };

/** The translation function the pages get from useLang. */
export type Translate = ReturnType<typeof useLang>['t'];

import type { InvitationSurvey, MemberContext, WaveSurvey } from '@facets/db';

/** Plain-JSON shapes the API returns where a repository's record carries more than the caller may see. */

export function sessionView(member: MemberContext) {
  const { user, organization: o, stakeholder: s } = member;
  return {
    user: { id: user.id, name: user.name, email: user.email },
    organization: { id: o.id, slug: o.slug, name: o.name, kThreshold: o.kThreshold, languages: o.languages },
    role: member.role,
    department: member.department,
    /** For a manager linked to their person in the directory: that person, whose team (everyone under them) they read. */
    personId: member.role === 'manager' ? member.personId : null,
    stakeholder: s && {
      id: s.id,
      displayName: s.displayName,
      group: { id: s.group.id, code: s.group.code, kind: s.group.kind, label: s.group.label },
    },
  };
}

export function surveyView(survey: WaveSurvey) {
  return {
    waveId: survey.waveId,
    title: survey.title,
    intro: survey.intro,
    anonymous: survey.anonymous,
    questions: survey.questions,
  };
}

/** What an invitation link shows: its state, and the survey only while it can be answered. */
export function invitationView(invitation: InvitationSurvey) {
  return {
    state: invitation.state,
    organization: invitation.organization,
    group: invitation.group,
    closesAt: invitation.closesAt,
    survey: invitation.survey && surveyView(invitation.survey),
  };
}

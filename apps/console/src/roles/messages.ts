import type { Role, StaffRole } from '@facets/domain';

/** Role names and the read-only notice, in both languages (merged into the console's messages). */
const en = {
  roles: {
    name: {
      admin: 'Admin',
      leadership: 'Leadership',
      hr: 'HR',
      manager: 'Manager',
      analyst: 'Analyst',
      stakeholder: 'Stakeholder',
    } satisfies Record<Role, string>,
    hint: {
      admin: 'Everything, including people, roles and settings.',
      leadership: 'Sets the intended experience; runs initiatives, promises and feedback.',
      hr: 'Runs initiatives, promises and feedback.',
      manager: 'Sees the employee results of their own team and department only.',
      analyst: 'Reads everything, changes nothing.',
    } satisfies Record<StaffRole, string>,
    readOnlyTitle: 'Read only',
    readOnlyBody: 'As {{role}}, you can read this page. Changes are made by {{who}}.',
    whoIntended: 'leadership and admins',
    whoPlan: 'HR, leadership and admins',
    whoAdmin: 'admins',
  },
};

const fr: typeof en = {
  roles: {
    name: {
      admin: 'Administrateur',
      leadership: 'Direction',
      hr: 'RH',
      manager: 'Manager',
      analyst: 'Analyste',
      stakeholder: 'Partie prenante',
    },
    hint: {
      admin: 'Tout, y compris les personnes, les rôles et les réglages.',
      leadership: 'Fixe l’expérience voulue ; pilote les initiatives, les promesses et les retours.',
      hr: 'Pilote les initiatives, les promesses et les retours.',
      manager: 'Ne voit que les résultats des salariés de son équipe et de son service.',
      analyst: 'Lit tout, ne modifie rien.',
    },
    readOnlyTitle: 'Lecture seule',
    readOnlyBody: 'En tant que {{role}}, vous pouvez consulter cette page. Les modifications sont faites par {{who}}.',
    whoIntended: 'la direction et les administrateurs',
    whoPlan: 'les RH, la direction et les administrateurs',
    whoAdmin: 'les administrateurs',
  },
};

export const rolesMessages = { fr, en };

/** A group's people directory: synced from a file, listed, erased on request, invited to a wave. */
export * from './invite.ts';
export * from './people.ts';
export * from './person.ts';
export * from './sync.ts';
export * from './teams.ts';

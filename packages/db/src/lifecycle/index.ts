/** Surveys sent as events happen: lifecycle triggers from the directory, and after a customer's interaction. */
export * from './claim.ts';
export * from './interaction.ts';
export * from './invite.ts';
export * from './trigger.ts';

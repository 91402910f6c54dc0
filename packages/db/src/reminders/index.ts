export { reminderMail } from './mail.ts';
export { parseReminderSchedule, setReminderSchedule } from './schedule.ts';
export { sendDueReminders } from './send.ts';

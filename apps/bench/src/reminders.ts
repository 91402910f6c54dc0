import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, issueInvitations, migrateToLatest, newId, sendDueReminders, setReminderSchedule } from '@facets/db';
import { buildFixture } from '@facets/db/testing';
import { RESULTS_DIR } from './results.ts';

/**
 * How long the reminders of one big wave take (README, "What runs by itself"): a wave of 20,000 invitees of whom 30 %
 * have answered, on a file database with the production pragmas; the reminder job's work for the organisation
 * (`sendDueReminders`: the non-respondents found, each reminder claimed, its link reissued and its message written to
 * the outbox, one transaction each), then the same job again the same day, which must send nothing. Writes
 * results/reminders.json. `node src/reminders.ts [invitees]`, or `pnpm bench --only=reminders`.
 */

const OPENS = '2026-12-01T09:00:00.000Z';
const CLOSES = '2026-12-20T17:00:00.000Z';
/** Three days after the opening: the day the schedule below reminds. */
const REMIND_AT = '2026-12-04T12:00:00.000Z';
const CHUNK = 500;

export interface RemindersResult {
  invitees: number;
  answered: number;
  reminded: number;
  seconds: number;
  reminders_per_second: number;
  /** The same job again on the same day: nothing sent, the time it takes to find that out. */
  second_run_seconds: number;
  second_run_sent: number;
}

export async function remindersBench(invitees = 20_000, log: (line: string) => void = console.log) {
  const dir = mkdtempSync(join(tmpdir(), 'facets-reminders-'));
  const handle = createDb(join(dir, 'reminders.sqlite'));
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const fx = await buildFixture(db, { now: '2026-11-30T10:00:00.000Z' });
    const { waveId, surveyId } = fx.surveys.employee;
    await db.updateTable('wave').set({ opens_at: OPENS, closes_at: CLOSES }).where('id', '=', waveId).execute();
    await setReminderSchedule(db, {
      organizationId: fx.organizationId,
      surveyId,
      afterOpening: [3],
      beforeClosing: [],
    });

    const ids = Array.from({ length: invitees }, () => newId());
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db
        .insertInto('stakeholder')
        .values(
          ids.slice(i, i + CHUNK).map((id, j) => ({
            id,
            organization_id: fx.organizationId,
            group_id: fx.groups.employee,
            external_ref: `E${i + j}`,
            email: `person${i + j}@bench.example`,
            display_name: `Person ${i + j}`,
            company: null,
            segments: JSON.stringify({ department: (i + j) % 2 === 0 ? 'it' : 'hr' }),
            created_at: OPENS,
          })),
        )
        .execute();
      await issueInvitations(db, {
        organizationId: fx.organizationId,
        waveId,
        stakeholderIds: ids.slice(i, i + CHUNK),
        expiresAt: CLOSES,
        now: OPENS,
        newId,
      });
    }
    // 30 % answered: their participation marker is what keeps them from a reminder (anonymous surveys know no more).
    const answered = ids.filter((_, i) => i % 10 < 3);
    for (let i = 0; i < answered.length; i += CHUNK) {
      await db
        .insertInto('wave_participation')
        .values(
          answered
            .slice(i, i + CHUNK)
            .map((id) => ({ organization_id: fx.organizationId, wave_id: waveId, stakeholder_id: id })),
        )
        .execute();
    }

    const args = { organizationId: fx.organizationId, now: REMIND_AT, baseUrl: 'https://facets.example.org', newId };
    const started = performance.now();
    const { sent } = await sendDueReminders(db, args);
    const seconds = (performance.now() - started) / 1000;
    const againStarted = performance.now();
    const again = await sendDueReminders(db, args);
    const secondSeconds = (performance.now() - againStarted) / 1000;
    const result: RemindersResult = {
      invitees,
      answered: answered.length,
      reminded: sent,
      seconds: Math.round(seconds * 100) / 100,
      reminders_per_second: Math.round(sent / seconds),
      second_run_seconds: Math.round(secondSeconds * 100) / 100,
      second_run_sent: again.sent,
    };
    if (sent !== invitees - answered.length) {
      throw new Error(`expected ${invitees - answered.length} reminders, the job sent ${sent}`);
    }
    if (again.sent !== 0) throw new Error(`the second run of the day sent ${again.sent} reminders again`);
    writeFileSync(join(RESULTS_DIR, 'reminders.json'), `${JSON.stringify({ reminders: result }, null, 2)}\n`);
    log(
      `  reminders: ${sent} of ${invitees} invitees reminded in ${result.seconds} s (${result.reminders_per_second}/s); the same day again: ${again.sent} in ${result.second_run_seconds} s`,
    );
    return result;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const invitees = Number(process.argv[2] ?? 20_000);
  await remindersBench(invitees);
}

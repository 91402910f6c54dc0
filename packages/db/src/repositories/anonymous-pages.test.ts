import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import { addStakeholder, buildFixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import { migrateToLatest } from '../migrations/index.ts';
import { publishWave } from '../publication/index.ts';
import { submitResponse } from './responses.ts';

/**
 * A holder of a SQLite file reads its pages, not its rows: in a B-tree page SQLite writes each new cell just below
 * the cells already there, so within a page the position of a cell tells the order in which the cells were written
 * (until the page is rebuilt). The attacker ranks the anonymous responses and the participation markers of a wave by
 * where they sit in the file, and pairs them by rank.
 *
 * What is asserted: on the live file the layout gives the order in which people answered — the control that shows the
 * reading works, and the limit the README states (the live file keeps the order of writing within a page) — while in
 * a backup (`Db.backup`, written by VACUUM INTO: every table rebuilt in key order, and response ids are random)
 * neither that order nor a pairing of responses with participants comes out better than chance: at most MAX_RIGHT
 * of PEOPLE right, when a random matching gets 1 on average.
 */

const PEOPLE = 24;
/**
 * In key order (random response ids) a pairing by rank is a random matching: its right pairs follow Poisson(1), and
 * P(≥ 9) = 1 − e⁻¹ Σ₀⁸ 1/k! ≈ 1.1e-6. Each file is tried with at most 16 + 4 orders, so a chance failure of the
 * test stays below 1e-4; the live file of an open wave scores 24.
 */
const MAX_RIGHT = 8;

const dir = mkdtempSync(join(tmpdir(), 'facets-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A SQLite varint at `at`: its value and length. */
function varint(bytes: Buffer, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const b = bytes[at + i]!;
    if (i === 8) return [value * 256 + b, 9];
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [value, i + 1];
  }
  return [value, 9];
}

/** The text values of a record (the payload of an index B-tree cell: a WITHOUT ROWID table's row). */
function texts(bytes: Buffer, at: number): string[] {
  const [headerSize, n] = varint(bytes, at);
  const types: number[] = [];
  for (let p = at + n; p < at + headerSize; ) {
    const [type, len] = varint(bytes, p);
    types.push(type);
    p += len;
  }
  const sizes = [0, 1, 2, 3, 4, 6, 8, 8, 0, 0];
  const out: string[] = [];
  let p = at + headerSize;
  for (const type of types) {
    const size = type >= 12 ? Math.floor((type - (type % 2 === 0 ? 12 : 13)) / 2) : (sizes[type] ?? 0);
    if (type >= 13 && type % 2 === 1) out.push(bytes.subarray(p, p + size).toString('utf8'));
    p += size;
  }
  return out;
}

/** Every cell of a table's B-tree with its page and its offset in the page, walked from the root. */
function cells(file: string, table: string): { page: number; offset: number; values: string[] }[] {
  const sqlite = new DatabaseSync(file, { readOnly: true });
  const root = Number(
    (sqlite.prepare('select rootpage from sqlite_schema where name = ?').get(table) as { rootpage: number }).rootpage,
  );
  sqlite.close();
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const out: { page: number; offset: number; values: string[] }[] = [];
  const visit = (page: number) => {
    const base = (page - 1) * pageSize;
    const header = base + (page === 1 ? 100 : 0);
    const type = bytes[header]!;
    const interior = type === 2;
    expect([2, 10], `${table} is stored as an index B-tree (WITHOUT ROWID)`).toContain(type);
    const count = bytes.readUInt16BE(header + 3);
    const pointers = header + (interior ? 12 : 8);
    for (let i = 0; i < count; i++) {
      const offset = bytes.readUInt16BE(pointers + 2 * i);
      let at = base + offset;
      if (interior) {
        visit(bytes.readUInt32BE(at));
        at += 4;
      }
      const [, len] = varint(bytes, at); // payload size
      out.push({ page, offset, values: texts(bytes, at + len) });
    }
    if (interior) visit(bytes.readUInt32BE(header + 8));
  };
  visit(root);
  return out;
}

/** The attacker's orders: by page, then by position in the page, either way. */
function orders(list: { page: number; offset: number; id: string }[]): string[][] {
  const by = (f: (a: (typeof list)[number], b: (typeof list)[number]) => number) => [...list].sort(f).map((c) => c.id);
  return [
    by((a, b) => a.page - b.page || b.offset - a.offset),
    by((a, b) => a.page - b.page || a.offset - b.offset),
    by((a, b) => b.page - a.page || b.offset - a.offset),
    by((a, b) => b.page - a.page || a.offset - b.offset),
  ];
}

async function write(
  options: { publish?: boolean } = {},
): Promise<{ file: string; backup: string; truth: Map<string, string> }> {
  const file = join(dir, `live-${randomUUID()}.sqlite`);
  const handle = createDb(file);
  await migrateToLatest(handle.db);
  const fx = await buildFixture(handle.db);
  const q = fx.surveys.employee.questions;
  // People are in the directory before the wave; they answer in an order of their own (not that of their ids).
  const directory = [];
  for (let i = 0; i < PEOPLE; i++) {
    directory.push(
      await addStakeholder(handle.db, fx, { groupId: fx.groups.employee, segments: { department: 'it' } }),
    );
  }
  const answering = directory.map((p, i) => ({ p, key: (i * 7 + 3) % PEOPLE })).sort((a, b) => a.key - b.key);
  const truth = new Map<string, string>();
  for (const [i, { p: person }] of answering.entries()) {
    const { responseId } = await submitResponse(handle.db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: person.id,
      groupId: fx.groups.employee,
      segments: person.segments,
      idempotencyKey: randomUUID(),
      answers: [
        { questionId: q.recognition_lived!, value: (i % 5) + 1 },
        { questionId: q.recognition_expected!, value: ((i + 2) % 5) + 1 },
      ],
      now: new Date(Date.parse('2026-11-22T09:00:00.000Z') + i * 60_000).toISOString(),
      newId,
    });
    truth.set(responseId, person.id);
  }
  if (options.publish) {
    // The wave closes and is published, as the first view after its close does.
    await handle.db
      .updateTable('wave')
      .set({ status: 'closed' })
      .where('id', '=', fx.surveys.employee.waveId)
      .execute();
    await publishWave(handle.db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      k: 5,
      commentK: 5,
      now: '2026-11-30T09:00:00.000Z',
    });
  }
  const backup = join(dir, `backup-${randomUUID()}.sqlite`);
  await handle.backup(backup);
  await handle.close();
  return { file, backup, truth };
}

/** Positions of the wave's responses and participation markers in the file. */
function positions(file: string, truth: Map<string, string>) {
  const responseIds = new Set(truth.keys());
  const people = new Set(truth.values());
  const responses = cells(file, 'response').flatMap((c) => {
    const id = c.values.find((v) => responseIds.has(v));
    return id ? [{ page: c.page, offset: c.offset, id }] : [];
  });
  const markers = cells(file, 'wave_participation').flatMap((c) => {
    const id = c.values.find((v) => people.has(v));
    return id ? [{ page: c.page, offset: c.offset, id }] : [];
  });
  expect(responses).toHaveLength(truth.size);
  expect(markers).toHaveLength(truth.size);
  return { responses, markers };
}

/** The best pairing the page layout gives: responses and markers ranked the same way, matched by rank. */
function bestPairing(file: string, truth: Map<string, string>): number {
  const { responses, markers } = positions(file, truth);
  let best = 0;
  for (const r of orders(responses)) {
    for (const m of orders(markers)) {
      best = Math.max(best, r.filter((id, i) => truth.get(id) === m[i]).length);
    }
  }
  return best;
}

/**
 * How many participants the layout puts at their place in the order of answering (best of the attacker's orders):
 * `truth` lists responses in the order they were written.
 */
function answeringOrder(file: string, truth: Map<string, string>): number {
  const people = [...truth.values()];
  return Math.max(...orders(positions(file, truth).markers).map((o) => o.filter((id, i) => people[i] === id).length));
}

describe('an anonymous response in the pages of a SQLite file', () => {
  it('keeps no order of writing in a backup: responses and participants pair no better than chance', async () => {
    const { file, backup, truth } = await write();
    // The control: the live file keeps, within a page, the order in which markers were written, and the attacker
    // reads it (the limit the README states); a response's page holds part of the same order.
    expect(answeringOrder(file, truth)).toBeGreaterThan(MAX_RIGHT);
    expect(answeringOrder(backup, truth)).toBeLessThanOrEqual(MAX_RIGHT);
    expect(bestPairing(backup, truth)).toBeLessThanOrEqual(MAX_RIGHT);
    // The backup holds every answer.
    const copy = new DatabaseSync(backup, { readOnly: true });
    expect((copy.prepare('select count(*) as n from response').get() as { n: number }).n).toBe(PEOPLE);
    copy.close();
  });

  it('keeps no order of writing in the live file once the wave is published', async () => {
    const { file, backup, truth } = await write({ publish: true });
    // Published, the wave's responses, answers, markers and invitations were written again in key order.
    expect(answeringOrder(file, truth)).toBeLessThanOrEqual(MAX_RIGHT);
    expect(bestPairing(file, truth)).toBeLessThanOrEqual(MAX_RIGHT);
    expect(answeringOrder(backup, truth)).toBeLessThanOrEqual(MAX_RIGHT);
    const live = new DatabaseSync(file, { readOnly: true });
    expect((live.prepare('select count(*) as n from answer').get() as { n: number }).n).toBe(2 * PEOPLE);
    expect((live.prepare('select count(*) as n from wave_participation').get() as { n: number }).n).toBe(PEOPLE);
    live.close();
  });
});

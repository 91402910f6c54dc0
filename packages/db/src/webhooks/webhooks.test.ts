import { WEBHOOK_COUNT_EVERY_MINUTES } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { publishClosedWaves } from '../publication/index.ts';
import { addReply, createFeedback, setFeedbackStatus } from '../repositories/feedback.ts';
import { listOutbox } from '../repositories/outbox.ts';
import { submitResponse } from '../repositories/responses.ts';
import type { Database } from '../schema.ts';
import { createSecretBox } from '../secret-box.ts';
import { addStakeholder, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import {
  createWebhook,
  deliveryToSend,
  listDeliveries,
  listPendingDeliveries,
  markDeliveryQueued,
  recordAttempt,
  redeliver,
  rotateWebhookSecret,
  sendResponseCounts,
  updateWebhook,
  type WebhookBody,
} from './index.ts';

const dialects = await testDialects();
const secrets = createSecretBox('a server secret of at least thirty-two characters', 'webhook signing');
const settings = { secrets, allowHttpLoopback: true };
const BASE = 'http://facets.test';
const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

describe.each(dialects)('webhooks (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db, { kThreshold: 3 });
  });

  const subscribe = (events: string[], url = 'http://127.0.0.1:9/hook') =>
    createWebhook(db, { organizationId: fx.organizationId, fields: { url, events }, settings, now: fx.now, newId });
  const bodies = async () =>
    (
      await db
        .selectFrom('webhook_delivery')
        .select(['body', 'state'])
        .where('organization_id', '=', fx.organizationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((r) => JSON.parse(r.body) as WebhookBody);
  const feedback = (anonymous: boolean, key: string) =>
    createFeedback(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      stakeholderId: anonymous ? null : fx.stakeholders.carol.id,
      followKey: anonymous ? 'k'.repeat(40) : null,
      idempotencyKey: key,
      category: 'suggestion',
      body: 'The canteen closes too early.',
      now: fx.now,
      newId,
    });

  it('keeps the signing secret sealed: only the server key opens it, and only for its own row', async () => {
    const { webhook, secret } = await subscribe(['feedback.received']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const row = await db
      .selectFrom('webhook_subscription')
      .selectAll()
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret.slice(6));
    const other = createSecretBox('another server secret of thirty-two characters!!', 'webhook signing');
    const context = `webhook\u0000${fx.organizationId}\u0000${webhook.id}`;
    expect(secrets.open(row.secret_sealed, context)).toBe(secret);
    expect(() => other.open(row.secret_sealed, context)).toThrow();
    expect(() => secrets.open(row.secret_sealed, `webhook\u0000${fx.organizationId}\u0000another`)).toThrow();
    const rotated = await rotateWebhookSecret(db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      settings,
      now: fx.now,
    });
    expect(rotated.secret).not.toBe(secret);
    // And no answer but those two carries it.
    expect(JSON.stringify(rotated.webhook)).not.toContain('whsec_');
  });

  it('refuses a URL that is not https, carries credentials, or is http to another host', async () => {
    for (const url of ['ftp://example.org/x', 'http://example.org/hook', 'https://user:pw@example.org/x', 'nonsense']) {
      await expect(subscribe(['feedback.received'], url)).rejects.toMatchObject({ kind: 'invalid', field: 'url' });
    }
    await expect(
      createWebhook(db, {
        organizationId: fx.organizationId,
        fields: { url: 'http://127.0.0.1:8080/x', events: ['wave.published'] },
        settings: { secrets, allowHttpLoopback: false },
        now: fx.now,
        newId,
      }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'url', reason: 'not_allowed' });
    expect(
      await db
        .selectFrom('webhook_subscription')
        .selectAll()
        .where('organization_id', '=', fx.organizationId)
        .execute(),
    ).toHaveLength(0);
  });

  it('writes a delivery for named feedback, its status and replies, and nothing of anonymous feedback', async () => {
    const all = (sent: WebhookBody[]) => JSON.stringify(sent);
    const { webhook } = await subscribe(['feedback.received', 'feedback.changed']);
    await subscribe(['wave.published']); // not subscribed to feedback: gets nothing
    const named = await feedback(false, 'named-1');
    const anonymous = await feedback(true, 'anon-1');
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: named.id,
      status: 'in_progress',
      now: fx.now,
      newId,
    });
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: named.id,
      status: 'in_progress',
      now: fx.now,
      newId,
    }); // no change, no event
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: anonymous.id,
      author: { kind: 'anonymous', followKey: 'k'.repeat(40) },
      body: 'More details',
      now: fx.now,
      newId,
    });
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: anonymous.id,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'Thanks',
      now: fx.now,
      newId,
    });
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: anonymous.id,
      status: 'resolved',
      now: fx.now,
      newId,
    });
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: named.id,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'Thanks',
      now: fx.now,
      newId,
    });
    const sent = await bodies();
    // Nothing at all of the anonymous feedback: no moment of it, or of what is done to it, reaches a receiver.
    expect(sent.map((b) => [b.type, b.data.feedbackId, b.data.change ?? null])).toEqual([
      ['feedback.received', named.id, null],
      ['feedback.changed', named.id, 'status'],
      ['feedback.changed', named.id, 'reply'],
    ]);
    expect(all(sent)).not.toContain(anonymous.id);
    expect(sent[2]!.data).toMatchObject({ by: 'staff', status: 'in_progress' });
    // Ids and codes only: no text of the feedback, no person.
    expect(all(sent)).not.toMatch(/canteen|More details|Thanks/);
    expect(all(sent)).not.toContain(fx.stakeholders.carol.id);
    const deliveries = await listDeliveries(db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      limit: 10,
    });
    expect(deliveries.map((d) => d.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('writes nothing when the change does not commit, and nothing for a paused webhook', async () => {
    const { webhook } = await subscribe(['feedback.received']);
    await expect(
      db.transaction().execute(async (trx) => {
        await createFeedback(trx, {
          organizationId: fx.organizationId,
          groupId: fx.groups.employee,
          stakeholderId: fx.stakeholders.carol.id,
          idempotencyKey: 'rolled-back',
          category: 'suggestion',
          body: 'x',
          now: fx.now,
          newId,
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await updateWebhook(db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      fields: { url: webhook.url, events: webhook.events },
      state: 'paused',
      settings,
      now: fx.now,
    });
    await feedback(false, 'while-paused');
    expect(await bodies()).toEqual([]);
  });

  it('tells of a published wave once, with its respondents only when the publication shows them', async () => {
    await subscribe(['wave.published']);
    await publishClosedWaves(db, { organizationId: fx.organizationId, k: 3, commentK: 3, now: fx.now });
    await publishClosedWaves(db, { organizationId: fx.organizationId, k: 3, commentK: 3, now: fx.now });
    const sent = await bodies();
    const published = await db
      .selectFrom('wave_publication')
      .select(['wave_id', 'content'])
      .where('organization_id', '=', fx.organizationId)
      .orderBy('wave_id')
      .execute();
    expect(published.length).toBeGreaterThan(0);
    expect(sent.map((b) => b.data.waveId).sort()).toEqual(published.map((p) => p.wave_id));
    for (const b of sent) {
      const content = JSON.parse(published.find((p) => p.wave_id === b.data.waveId)!.content);
      expect(b.data.respondents).toBe(content.respondents);
      if (b.data.respondents !== null) expect(b.data.respondents).toBeGreaterThanOrEqual(3);
    }
  });

  it('counts an open wave’s respondents from k on, in steps of at least k, at most hourly', async () => {
    await subscribe(['responses.counted']);
    const waveId = fx.surveys.employee.waveId;
    const q = fx.surveys.employee.questions;
    const answer = async () => {
      const s = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments: { department: 'sales' } });
      await submitResponse(db, {
        organizationId: fx.organizationId,
        waveId,
        stakeholderId: s.id,
        groupId: s.groupId,
        segments: s.segments,
        idempotencyKey: newId(),
        answers: [
          { questionId: q.recognition_lived!, value: 4 },
          { questionId: q.recognition_expected!, value: 4 },
        ],
        now: fx.now,
        newId,
      });
    };
    const counted = async (now: string) =>
      (await sendResponseCounts(db, { organizationId: fx.organizationId, now, newId })).waves.includes(waveId);
    const before = await db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wave_id', '=', waveId)
      .executeTakeFirstOrThrow();
    let n = Number(before.n);
    while (n < 2) {
      await answer();
      n++;
    }
    let now = fx.now;
    if (n < 3) expect(await counted(now)).toBe(false); // fewer than k: nothing
    while (n < 3) {
      await answer();
      n++;
    }
    expect(await counted(now)).toBe(true);
    const first = n;
    await answer();
    await answer();
    now = hours(now, 2);
    expect(await counted(now)).toBe(false); // 2 more: fewer than k since the last count
    await answer();
    expect(await counted(hours(fx.now, WEBHOOK_COUNT_EVERY_MINUTES / 60 - 0.5))).toBe(false); // within the hour
    expect(await counted(now)).toBe(true);
    expect(await counted(now)).toBe(false); // sent once
    const sent = (await bodies()).filter((b) => b.data.waveId === waveId);
    expect(sent.map((b) => b.data.respondents)).toEqual([first, first + 3]);
    expect(Object.keys(sent[0]!.data).sort()).toEqual(['groupId', 'respondents', 'surveyId', 'waveId']);
  });

  it('records attempts, pauses a webhook failing for a day and tells its admins, and redelivers once resumed', async () => {
    const { webhook } = await subscribe(['feedback.received']);
    await feedback(false, 'f1');
    await feedback(false, 'f2');
    const [first, second] = await listPendingDeliveries(db, { limit: 10 }).then((all) =>
      all.filter((d) => d.organizationId === fx.organizationId),
    );
    for (const d of [first!, second!]) {
      expect(await markDeliveryQueued(db, { ...d, deliveryId: d.id, now: fx.now })).toBe(true);
      expect(await markDeliveryQueued(db, { ...d, deliveryId: d.id, now: fx.now })).toBe(false);
    }
    const toSend = await deliveryToSend(db, { ...first!, deliveryId: first!.id, secrets, now: fx.now });
    expect(toSend).toMatchObject({ url: webhook.url, webhookId: webhook.id });
    expect(toSend!.secret).toMatch(/^whsec_/);
    const attempt = (now: string, ok: boolean) =>
      recordAttempt(db, {
        organizationId: fx.organizationId,
        deliveryId: first!.id,
        webhookId: webhook.id,
        ok,
        statusCode: ok ? 200 : 503,
        error: ok ? null : 'HTTP 503',
        durationMs: 12,
        final: false,
        now,
        newId,
        baseUrl: BASE,
      });
    expect(await attempt(fx.now, false)).toEqual({ paused: false });
    expect(await attempt(hours(fx.now, 23.9), false)).toEqual({ paused: false });
    expect(await listOutbox(db, { organizationId: fx.organizationId, limit: 10 })).toHaveLength(0);
    expect(await attempt(hours(fx.now, 24), false)).toEqual({ paused: true });
    const [delivery] = (
      await listDeliveries(db, { organizationId: fx.organizationId, webhookId: webhook.id, limit: 10 })
    ).filter((d) => d.id === first!.id);
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503]);
    expect(delivery!.attempts[0]).toMatchObject({ error: 'HTTP 503', durationMs: 12 });
    // Its other deliveries stop, and admins alone are told.
    expect(await deliveryToSend(db, { ...second!, deliveryId: second!.id, secrets, now: fx.now })).toBeNull();
    const mail = await listOutbox(db, { organizationId: fx.organizationId, limit: 10 });
    expect(mail.map((m) => m.to)).toEqual([fx.staff.admin.email]);
    expect(mail[0]!.body).toContain(webhook.url);
    await expect(
      redeliver(db, { organizationId: fx.organizationId, deliveryId: first!.id, now: fx.now }),
    ).rejects.toMatchObject({ kind: 'conflict', reason: 'wrong_state' });
    const resumed = await updateWebhook(db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      fields: { url: webhook.url, events: webhook.events },
      state: 'active',
      settings,
      now: hours(fx.now, 25),
    });
    expect(resumed).toMatchObject({ state: 'active', failingSince: null, pausedAt: null });
    await redeliver(db, { organizationId: fx.organizationId, deliveryId: first!.id, now: hours(fx.now, 25) });
    await expect(
      redeliver(db, { organizationId: fx.organizationId, deliveryId: first!.id, now: fx.now }),
    ).rejects.toMatchObject({ reason: 'wrong_state' });
    expect((await listPendingDeliveries(db, { limit: 100 })).map((d) => d.id)).toContain(first!.id);
  });
});

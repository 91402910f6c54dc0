import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFeedback,
  createSecretBox,
  createWebhook,
  type Db,
  getWebhook,
  listDeliveries,
  listOutbox,
  newId,
} from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerFacetsJobs } from '../jobs/facets-jobs.ts';
import { createSqliteRunner, type SqliteRunner } from '../jobs/sqlite-runner.ts';
import { createWebhookSender } from './send.ts';

/**
 * Webhooks end to end on the job runner, against a real HTTP receiver on 127.0.0.1 that checks each signature with
 * the secret it was shown, as the README tells receivers to. The clock is the test's: retries and the day of failures
 * that pauses a webhook are reached by moving it.
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver's check (README "Webhooks"): HMAC-SHA256 of "<timestamp>.<body>" with the secret, in constant time. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers['facets-webhook-timestamp'] ?? '');
  const signature = String(headers['facets-webhook-signature'] ?? '');
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

describe('webhook deliveries to a receiver on loopback', () => {
  let db: Db;
  let fx: Fixture;
  let runner: SqliteRunner;
  let server: Server;
  let url: string;
  let now = new Date('2026-12-01T10:00:00.000Z');
  const received: Received[] = [];
  /** The status codes the receiver answers with, in turn; 200 once they run out. */
  let answers: number[] = [];
  const secrets = createSecretBox('the server secret of the webhook tests, 32+ chars', 'webhook signing');

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = answers.shift() ?? 200;
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/facets`;
    db = await openTestDb('sqlite');
    runner = createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 });
    registerFacetsJobs(runner, {
      db: db.db,
      newId,
      mail: null,
      baseUrl: 'https://facets.example.org',
      webhooks: { secrets, send: createWebhookSender({ allowHttpLoopback: true, timeoutMs: 2000 }) },
    });
    await runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
    await db?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(async () => {
    fx = await buildFixture(db.db, { now: now.toISOString() });
    received.length = 0;
    answers = [];
  });

  /**
   * Moves the clock to `iso` and on by the dispatcher's period twice, ticking each time until nothing more runs: the
   * dispatcher enqueues, the next round delivers.
   */
  const at = async (iso: string) => {
    for (const step of [0, 6, 12]) {
      now = new Date(Date.parse(iso) + step * 1000);
      for (let i = 0; i < 10 && (await runner.tick(now)) > 0; i++);
    }
  };
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const subscribe = async (events: string[], target = url) =>
    createWebhook(db.db, {
      organizationId: fx.organizationId,
      fields: { url: target, events },
      settings: { secrets, allowHttpLoopback: true },
      now: now.toISOString(),
      newId,
    });
  const giveFeedback = (key: string) =>
    createFeedback(db.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      stakeholderId: fx.stakeholders.carol.id,
      idempotencyKey: key,
      category: 'suggestion',
      body: 'The canteen closes too early.',
      now: now.toISOString(),
      newId,
    });

  it('delivers signed events the receiver verifies with its secret; a wrong secret or a changed body fails', async () => {
    const { webhook, secret } = await subscribe(['feedback.received', 'wave.published']);
    const feedback = await giveFeedback('signed-1');
    await at(later(1));
    // The feedback, and the fixture's closed wave, which the runner's upkeep published within the minute.
    const types = received.map((r) => JSON.parse(r.body).type as string);
    expect(types.filter((t) => t === 'feedback.received')).toHaveLength(1);
    const first = received[types.indexOf('feedback.received')];
    const body = JSON.parse(first!.body);
    expect(body).toMatchObject({ type: 'feedback.received', organizationId: fx.organizationId });
    expect(body.data).toMatchObject({ feedbackId: feedback.id, groupId: fx.groups.employee });
    expect(first!.body).not.toContain('canteen');
    expect(first!.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(first!.headers['facets-webhook-timestamp']) - now.getTime() / 1000)).toBeLessThan(60);
    expect(verify(secret, first!.headers, first!.body)).toBe(true);
    expect(verify(`${secret}x`, first!.headers, first!.body)).toBe(false);
    expect(verify(secret, first!.headers, first!.body.replace(feedback.id, 'another'))).toBe(false);
    const deliveries = await listDeliveries(db.db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      limit: 5,
    });
    const delivery = deliveries.find((d) => d.event === 'feedback.received');
    expect(first!.headers['facets-webhook-id']).toBe(delivery!.id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: [{ statusCode: 200, error: null }] });

    const published = received.map((r) => JSON.parse(r.body)).filter((b) => b.type === 'wave.published');
    expect(published.map((b) => b.data.waveId)).toContain(fx.surveys.employee.closedWaveId);
    // Once: later rounds of upkeep publish nothing new.
    await at(later(5));
    expect(received.filter((r) => JSON.parse(r.body).type === 'wave.published')).toHaveLength(published.length);
    for (const r of received) expect(verify(secret, r.headers, r.body)).toBe(true);
  });

  it('retries a delivery the receiver refused, after the runner’s wait, and records each attempt', async () => {
    const { webhook, secret } = await subscribe(['feedback.received']);
    answers = [500];
    await giveFeedback('retry-1');
    await at(later(1));
    expect(received).toHaveLength(1);
    let [delivery] = await listDeliveries(db.db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      limit: 5,
    });
    expect(delivery).toMatchObject({ state: 'queued', attempts: [{ statusCode: 500, error: 'HTTP 500' }] });
    await at(later(0.5)); // before the first retry's wait (a minute): nothing
    expect(received).toHaveLength(1);
    await at(later(1));
    expect(received).toHaveLength(2);
    expect(received[1]!.headers['facets-webhook-id']).toBe(received[0]!.headers['facets-webhook-id']);
    expect(verify(secret, received[1]!.headers, received[1]!.body)).toBe(true);
    [delivery] = await listDeliveries(db.db, { organizationId: fx.organizationId, webhookId: webhook.id, limit: 5 });
    expect(delivery!.state).toBe('delivered');
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect((await getWebhook(db.db, { organizationId: fx.organizationId, webhookId: webhook.id })).failingSince).toBe(
      null,
    );
  });

  it('pauses a webhook whose receiver is down for a day, and tells the admins', async () => {
    // Nothing listens on this port: every attempt fails to connect.
    const down = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(port));
      });
    });
    const { webhook } = await subscribe(['feedback.received'], `http://127.0.0.1:${down}/hook`);
    await giveFeedback('down-1');
    const start = now.getTime();
    await at(later(1));
    for (let hour = 0; hour < 30; hour++) {
      await at(later(60));
      const current = await getWebhook(db.db, { organizationId: fx.organizationId, webhookId: webhook.id });
      if (current.state === 'paused') break;
    }
    const paused = await getWebhook(db.db, { organizationId: fx.organizationId, webhookId: webhook.id });
    expect(paused.state).toBe('paused');
    const pausedAfter = Date.parse(paused.pausedAt!) - start;
    expect(pausedAfter).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(pausedAfter).toBeLessThan(29 * 3_600_000);
    const [delivery] = await listDeliveries(db.db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      limit: 5,
    });
    expect(delivery!.state).toBe('failed');
    expect(delivery!.attempts.length).toBeGreaterThan(3);
    expect(delivery!.attempts.every((a) => a.statusCode === null && /ECONNREFUSED/.test(a.error ?? ''))).toBe(true);
    const mail = (await listOutbox(db.db, { organizationId: fx.organizationId })).filter((m) =>
      /webhook/.test(m.subject),
    );
    expect(mail.map((m) => m.to)).toEqual([fx.staff.admin.email]);
    expect(mail[0]!.body).toContain(`http://127.0.0.1:${down}/hook`);
    // Paused: a new event is not even written for it.
    await giveFeedback('down-2');
    await at(later(1));
    expect(
      await listDeliveries(db.db, { organizationId: fx.organizationId, webhookId: webhook.id, limit: 5 }),
    ).toHaveLength(1);
  });

  it('refuses at delivery time an address the server may not reach', async () => {
    const strict = createWebhookSender({ allowHttpLoopback: false });
    const sent = { id: 'd1', secret: 'whsec_x', body: '{}', now };
    const port = (server.address() as AddressInfo).port;
    expect(await strict({ ...sent, url: `https://localhost:${port}/hooks` })).toMatchObject({
      ok: false,
      statusCode: null,
      error: expect.stringMatching(/address not allowed: (127\.0\.0\.1|::1)/),
    });
    expect(await strict({ ...sent, url: `http://127.0.0.1:${port}/hooks` })).toMatchObject({
      ok: false,
      error: 'URL scheme not allowed',
    });
    expect(received).toHaveLength(0);
  });
});

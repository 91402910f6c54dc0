import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFeedback, createSecretBox, createWebhook, type Db, listDeliveries, newId } from '@facets/db';
import { buildFixture, openTestDb, TEST_DATABASE_URL, testDialects, underSchemaLock } from '@facets/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossRunner } from '../jobs/pg-boss-runner.ts';
import { registerWebhookJobs } from './jobs.ts';
import { createWebhookSender } from './send.ts';

/**
 * On PostgreSQL, two servers' pg-boss runners share the deliveries: each delivery is enqueued by one dispatcher (the
 * transaction that marks it queued) and posted once, signed. Retries and the pause are proved on the SQLite engine's
 * clock (webhooks.test.ts); pg-boss's backoff itself in jobs/runner.test.ts.
 */

const postgres = (await testDialects()).includes('postgres');

describe.runIf(postgres)('webhook deliveries through pg-boss, two servers', () => {
  let db: Db;
  let server: Server;
  const bossSchema = `facets_webhooks_test_${randomBytes(4).toString('hex')}`;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const secrets = createSecretBox('the server secret of the webhook tests, 32+ chars', 'webhook signing');
  const runners: ReturnType<typeof createPgBossRunner>[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    db = await openTestDb('postgres');
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await underSchemaLock('exclusive', () => sql`drop schema if exists ${sql.id(bossSchema)} cascade`.execute(db.db));
    await db?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('posts each delivery once, signed, whichever server takes it', { timeout: 60_000 }, async () => {
    const fx = await buildFixture(db.db);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const { webhook, secret } = await createWebhook(db.db, {
      organizationId: fx.organizationId,
      fields: { url, events: ['feedback.received'] },
      settings: { secrets, allowHttpLoopback: true },
      now: fx.now,
      newId,
    });
    for (let i = 0; i < 2; i++) {
      const runner = createPgBossRunner({
        connectionString: TEST_DATABASE_URL,
        schema: bossSchema,
        pollingIntervalSeconds: 0.5,
        max: 3,
      });
      registerWebhookJobs(runner, {
        db: db.db,
        newId,
        baseUrl: 'https://facets.example.org',
        secrets,
        send: createWebhookSender({ allowHttpLoopback: true, timeoutMs: 2000 }),
        dispatchEverySeconds: 1,
      });
      runners.push(runner);
    }
    for (const r of runners) await r.start();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const feedback = await createFeedback(db.db, {
        organizationId: fx.organizationId,
        groupId: fx.groups.employee,
        stakeholderId: fx.stakeholders.carol.id,
        idempotencyKey: `pg-${i}`,
        category: 'suggestion',
        body: 'x',
        now: fx.now,
        newId,
      });
      ids.push(feedback.id);
    }
    const deadline = Date.now() + 45_000;
    while (received.length < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 2000)); // a second post of any of them would arrive by now
    const sentIds = received.map((r) => String(r.headers['facets-webhook-id']));
    expect(new Set(sentIds).size).toBe(ids.length);
    expect(sentIds).toHaveLength(ids.length);
    expect(received.map((r) => JSON.parse(r.body).data.feedbackId).sort()).toEqual([...ids].sort());
    for (const r of received) {
      const ts = String(r.headers['facets-webhook-timestamp']);
      const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
      expect(r.headers['facets-webhook-signature']).toBe(expected);
    }
    const deliveries = await listDeliveries(db.db, {
      organizationId: fx.organizationId,
      webhookId: webhook.id,
      limit: 10,
    });
    expect(deliveries.map((d) => [d.state, d.attempts.length])).toEqual(ids.map(() => ['delivered', 1]));
  });
});

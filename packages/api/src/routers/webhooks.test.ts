import { type Db, listDeliveries } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

describe('admin.webhooks', () => {
  let db: Db;
  let org: Org;
  let other: Org;

  beforeAll(async () => {
    db = await openDb();
    org = await buildOrg(db.db);
    other = await buildOrg(db.db);
  });
  afterAll(() => db.close());

  const admin = (o: Org = org) => callerFor(db.db, o.staff.admin.userId);

  it('shows the secret once, audits the URL and never the secret', async () => {
    const api = await admin();
    const created = await api.admin.webhooks.create({
      url: 'https://hooks.example.org/facets',
      events: ['feedback.received', 'wave.published'],
      description: 'CRM',
    });
    expect(created.secret).toMatch(/^whsec_/);
    const list = await api.admin.webhooks.list();
    expect(list.map((w) => w.url)).toContain('https://hooks.example.org/facets');
    expect(JSON.stringify(list)).not.toContain('whsec_');
    const rotated = await api.admin.webhooks.rotateSecret({ webhookId: created.webhook.id });
    expect(rotated.secret).not.toBe(created.secret);
    await api.admin.webhooks.update({
      webhookId: created.webhook.id,
      url: 'https://hooks.example.org/facets',
      events: ['wave.published'],
      description: 'CRM',
      state: 'paused',
    });
    const { events } = await api.audit.list();
    const ours = events.filter((e) => e.action.startsWith('webhooks.'));
    expect(ours.map((e) => e.action).sort()).toEqual(['webhooks.create', 'webhooks.rotate_secret', 'webhooks.update']);
    expect(ours.find((e) => e.action === 'webhooks.update')!.details).toMatchObject({
      state: { from: 'active', to: 'paused' },
      events: { from: 'feedback.received, wave.published', to: 'wave.published' },
    });
    expect(JSON.stringify(events)).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(events)).not.toContain(rotated.secret.slice(6));
  });

  it('names the field of a refused URL or event, and writes nothing', async () => {
    const api = await admin();
    const before = (await api.admin.webhooks.list()).length;
    for (const input of [
      { url: 'http://hooks.example.org/x', events: ['wave.published'] },
      { url: 'not a url', events: ['wave.published'] },
      { url: 'https://hooks.example.org/x', events: [] },
      { url: 'https://hooks.example.org/x', events: ['response.received'] },
    ]) {
      const error = await api.admin.webhooks.create(input as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError).message).toMatch(/^(url|events)/);
    }
    expect(await api.admin.webhooks.list()).toHaveLength(before);
  });

  it('keeps each organisation’s webhooks its own', async () => {
    const { webhook } = await (await admin()).admin.webhooks.create({
      url: 'https://hooks.example.org/ours',
      events: ['feedback.changed'],
    });
    const theirs = await admin(other);
    expect((await theirs.admin.webhooks.list()).map((w) => w.id)).not.toContain(webhook.id);
    for (const call of [
      () => theirs.admin.webhooks.deliveries({ webhookId: webhook.id }),
      () => theirs.admin.webhooks.rotateSecret({ webhookId: webhook.id }),
      () => theirs.admin.webhooks.delete({ webhookId: webhook.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(
      await listDeliveries(db.db, { organizationId: org.organizationId, webhookId: webhook.id, limit: 5 }),
    ).toEqual([]);
    await (await admin()).admin.webhooks.delete({ webhookId: webhook.id });
    expect((await (await admin()).admin.webhooks.list()).map((w) => w.id)).not.toContain(webhook.id);
  });

  it('sends a feedback event to a subscribed webhook when staff change its status', async () => {
    const api = await admin();
    const { webhook } = await api.admin.webhooks.create({
      url: 'https://hooks.example.org/status',
      events: ['feedback.changed'],
    });
    // Named feedback from Tom, a supplier: its arrival is not subscribed to here, its change of status is.
    const tom = await callerFor(db.db, org.tom.userId);
    const { id: feedbackId } = await tom.portal.feedback.submit({
      idempotencyKey: 'webhook-feedback-1',
      category: 'suggestion',
      body: 'Pay us on time',
    });
    const hr = await callerFor(db.db, org.staff.hr.userId);
    await hr.feedback.setStatus({ feedbackId, status: 'resolved' });
    const deliveries = await api.admin.webhooks.deliveries({ webhookId: webhook.id });
    expect(deliveries.map((d) => [d.event, d.state])).toEqual([['feedback.changed', 'pending']]);
  });
});

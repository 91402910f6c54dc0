import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

/**
 * The baseline of `ingest.fastify_baseline_rps`: a bare Fastify JSON endpoint at the submission's path, with the same
 * body limit, that parses the body and answers what the real procedure answers, touching nothing else.
 * Usage: node src/baseline-server.ts <port>
 */
const port = Number(process.argv[2]);
const app = Fastify({ bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 5000 } });
app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/trpc/portal.survey.submit', async (request) => {
  const body = request.body as { idempotencyKey?: unknown };
  if (typeof body?.idempotencyKey !== 'string') throw new Error('idempotencyKey missing');
  return { result: { data: { responseId: randomUUID(), duplicate: false } } };
});
await app.listen({ port, host: '127.0.0.1' });

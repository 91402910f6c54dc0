import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type Database, groupKindsWithCode } from '@facets/db';
import { GROUP_KINDS, type GroupKind, MODEL_CODE_PATTERN, PORTAL_MOUNTS, servingKind } from '@facets/domain';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';

/** The portal app of each kind of group; custom groups share the generic one. */
const PORTAL_APPS: Readonly<Record<GroupKind, string>> = {
  employee: 'employee-portal',
  supplier: 'supplier-portal',
  customer: 'customer-portal',
  shareholder: 'shareholder-portal',
  custom: 'group-portal',
};

/**
 * Each built front-end and its own mount, where Vite builds it (`base`) and its files are served. The portal apps
 * serve their pages there too (the demo's codes are its kinds), and at every group's code (`registerPortals`).
 */
export const PORTALS: readonly { mount: string; app: string }[] = [
  { mount: '/console/', app: 'console' },
  ...GROUP_KINDS.map((kind) => ({ mount: `/${PORTAL_MOUNTS[kind]}/`, app: PORTAL_APPS[kind] })),
];

/**
 * Serves apps/<app>/dist at each mount, with index.html for client-side routes, and every group's portal at
 * `/<group code>/`: the index.html of the app of the group's kind (domain `servingKind`; looked up per request, so a
 * group is reachable as soon as it is created), whose router takes its base from the address. A mount whose build is
 * missing is skipped with a warning, so the API runs before (or without) the front-ends being built. Returns the
 * mounts served.
 */
export async function registerPortals(
  app: FastifyInstance,
  portalsDir: string,
  db: Kysely<Database>,
): Promise<string[]> {
  const served: string[] = [];
  const built = new Map<string, string>();
  for (const { mount, app: name } of PORTALS) {
    const root = join(portalsDir, name, 'dist');
    if (!existsSync(join(root, 'index.html'))) {
      app.log.warn({ root }, `${mount} not served: ${name} is not built (run pnpm build)`);
      continue;
    }
    built.set(name, root);
    const prefix = mount.slice(0, -1);
    app.get(prefix, (_req, reply) => reply.redirect(mount, 301));
    await app.register(
      async (portal) => {
        await portal.register(fastifyStatic, {
          root,
          prefix: '/',
          wildcard: true,
          index: 'index.html',
          // Vite's hashed assets never change; index.html must be revalidated so a new build is picked up.
          cacheControl: false,
          setHeaders: (reply, path) => {
            const immutable = path.startsWith(join(root, 'assets'));
            reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
          },
        });
        portal.setNotFoundHandler((req, reply) => {
          const path = new URL(req.url, 'http://x').pathname;
          // A missing file (with an extension) is a real 404; any other path is a client-side route.
          if ((req.method !== 'GET' && req.method !== 'HEAD') || extname(path) !== '') {
            return reply.code(404).send({ error: 'not_found' });
          }
          return reply.header('cache-control', 'no-cache').sendFile('index.html');
        });
      },
      { prefix },
    );
    served.push(mount);
  }

  /** The built app that serves the group code's portal, or null: no such group, or its app is not built. */
  const rootFor = async (code: string): Promise<string | null> => {
    if (!MODEL_CODE_PATTERN.test(code)) return null;
    const kind = servingKind(await groupKindsWithCode(db, code));
    return kind ? (built.get(PORTAL_APPS[kind]) ?? null) : null;
  };
  const notFound = (reply: FastifyReply) => reply.code(404).send({ error: 'not_found' });
  // Static paths (the mounts, /trpc, /api, /healthz) win over these: a group's code never takes one (domain
  // `groupCodeRefusal`).
  app.get<{ Params: { code: string } }>('/:code', async (req, reply) => {
    if (!(await rootFor(req.params.code))) return notFound(reply);
    const query = req.url.indexOf('?');
    return reply.redirect(`/${req.params.code}/${query >= 0 ? req.url.slice(query) : ''}`, 302);
  });
  app.get<{ Params: { code: string } }>('/:code/*', async (req, reply) => {
    const { code } = req.params;
    // Files live under the apps' own mounts; a file under a group's path is a real 404, any other path a route.
    if (extname(new URL(req.url, 'http://x').pathname) !== '') return notFound(reply);
    const root = await rootFor(code);
    if (!root) return notFound(reply);
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await readFile(join(root, 'index.html')));
  });
  return served;
}

import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Each built front-end and where it is served; Vite builds each with `base` set to its mount. */
export const PORTALS = [
  { mount: '/console/', app: 'console' },
  { mount: '/employee/', app: 'employee-portal' },
  { mount: '/supplier/', app: 'supplier-portal' },
  { mount: '/customer/', app: 'customer-portal' },
  { mount: '/shareholder/', app: 'shareholder-portal' },
] as const;

/**
 * Serves apps/<app>/dist at each mount, with index.html for client-side routes. A mount whose build is missing is
 * skipped with a warning, so the API runs before (or without) the front-ends being built. Returns the mounts served.
 */
export async function registerPortals(app: FastifyInstance, portalsDir: string): Promise<string[]> {
  const served: string[] = [];
  for (const { mount, app: name } of PORTALS) {
    const root = join(portalsDir, name, 'dist');
    if (!existsSync(join(root, 'index.html'))) {
      app.log.warn({ root }, `${mount} not served: ${name} is not built (run pnpm build)`);
      continue;
    }
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
  return served;
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the server must read back (a webhook's signing secret), stored encrypted: AES-256-GCM under a key derived
 * with HKDF-SHA256 from the server's own secret (BETTER_AUTH_SECRET) and a purpose, so a copy of the database alone
 * does not give them away and a key of one purpose opens nothing of another. A sealed value is
 * `v1.<iv>.<ciphertext>.<tag>` (base64url); `context` (an organisation and a row id) is bound as associated data, so a
 * sealed value copied to another row does not open.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export function createSecretBox(serverSecret: string, purpose: string): SecretBox {
  if (serverSecret.length < 32) throw new Error('the server secret must be at least 32 characters');
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'facets', `facets secret box: ${purpose}`, 32));
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, body, cipher.getAuthTag()]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, context) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** The part of the Web Storage API the kit uses, so logic can be tested with an in-memory store. */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A Map-backed store: for tests, and when the browser refuses localStorage (some private modes). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

let fallback: KeyValueStore | undefined;

/** localStorage when it works, otherwise memory (answers then last as long as the tab). */
export function browserStore(): KeyValueStore {
  try {
    const probe = '__facets_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    fallback ??= memoryStore();
    return fallback;
  }
}

/** A random key for idempotent submissions (8–64 characters); also works where crypto.randomUUID is missing (http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Ids the demo makes itself: readable and stable, e.g. `demo-response-000042`. */
export function sequentialIds(prefix: string): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}-${String(n).padStart(6, '0')}`;
  };
}

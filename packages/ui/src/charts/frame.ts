import { type RefObject, useLayoutEffect, useState } from 'react';

/** A linear map from a domain to a range, e.g. scores 0–100 onto pixels (the charts' domains are fixed). */
export function linear(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

/** Evenly spaced ticks from `from` to `to` inclusive. */
export function ticks(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/**
 * The width of an element as it is laid out, so a chart draws at its real size and its text stays legible on a
 * phone (scaling a fixed drawing down would shrink the labels). The first measure is taken before the browser
 * paints, so a chart never shows (or widens a phone's page) at the fallback size; `fallback` serves where nothing
 * is laid out (tests without layout).
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 600): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measured = element.getBoundingClientRect().width;
    if (measured > 0) setWidth(Math.max(240, Math.floor(measured)));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Positions for labels wanted at `ys` (any order) so that no two are closer than `gap` pixels, moving them as little
 * as possible; returned in the order given.
 */
export function spreadLabels(ys: readonly number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i] as number, (placed[i - 1] as number) + gap);
  // Centre each cluster that was pushed down on where its labels wanted to be.
  let start = 0;
  for (let i = 1; i <= placed.length; i++) {
    if (i < placed.length && (placed[i] as number) - (placed[i - 1] as number) <= gap + 1e-9) continue;
    const shift =
      order.slice(start, i).reduce((s, o, j) => s + o.y - (placed[start + j] as number), 0) / Math.max(1, i - start);
    for (let j = start; j < i; j++) placed[j] = (placed[j] as number) + shift;
    start = i;
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, j) => {
    out[o.i] = placed[j] as number;
  });
  return out;
}

import type { ReactNode } from 'react';

/**
 * A table captioned by its title inside a region the keyboard can reach and scroll sideways (WCAG 2.1.1), as every
 * table of the console is: wide ones scroll within the page on a phone instead of widening it. `columns` are the
 * header cells; the children are the body's rows.
 */
export function TableRegion(props: {
  title: string;
  columns: readonly ReactNode[];
  className?: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard (WCAG 2.1.1)
    <section className="fx-table-wrap" tabIndex={0} aria-label={props.title}>
      <table className={['fx-table', props.className].filter(Boolean).join(' ')} aria-busy={props.busy}>
        <caption className="fx-visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            {props.columns.map((column, i) => (
              // Header cells are fixed per table: their position is their identity.
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}

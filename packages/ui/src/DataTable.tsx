import type { ReactNode } from 'react';

/**
 * The one table of Facets' screens: captioned by its title inside a region the keyboard can reach and scroll sideways
 * (WCAG 2.1.1), so that a wide table scrolls within the page on a phone instead of widening it. `columns` are the
 * header cells (null or false leaves a column out); the children are the body's rows.
 */
export function DataTable(props: {
  title: string;
  columns: readonly (ReactNode | null | false)[];
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
            {props.columns
              .filter((column) => column !== null && column !== false)
              .map((column, i) => (
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

import type { MouseEvent, ReactNode } from 'react';

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

export interface AppShellProps {
  productName: string;
  /** Shown under the product name, e.g. the organisation's name. */
  subtitle?: string | undefined;
  homeHref: string;
  /** Accessible name of the link that skips to the main content. */
  skipLinkLabel: string;
  nav?: ReactNode;
  languageSwitch?: ReactNode;
  userMenu?: ReactNode;
  footer?: ReactNode;
  /** `wide` suits tables (console), `narrow` suits one-column forms (portals). */
  width?: 'narrow' | 'normal' | 'wide';
  onNavigate?: ((href: string, event: MouseEvent<HTMLAnchorElement>) => void) | undefined;
  /**
   * A navigation beside the page instead of in the header (the console's many pages): on wide screens a column at
   * the left of `<main>`, on narrow ones a strip above it. Without it the shell is unchanged.
   */
  sidebar?: ReactNode;
  children: ReactNode;
}

/** Header with brand, navigation and tool slots, then the page's main landmark. */
export function AppShell(props: AppShellProps) {
  const width = props.width ?? 'normal';
  return (
    <div className={`fx-shell fx-shell--${width}${props.sidebar ? ' fx-shell--sidebar' : ''}`}>
      <a className="fx-skip-link" href="#main">
        {props.skipLinkLabel}
      </a>
      <header className="fx-header">
        <div className="fx-header__inner">
          <a
            className="fx-brand"
            href={props.homeHref}
            onClick={props.onNavigate ? (e) => props.onNavigate?.(props.homeHref, e) : undefined}
          >
            <BrandMark />
            <span className="fx-brand__text">
              <span className="fx-brand__name">{props.productName}</span>
              {props.subtitle ? <span className="fx-brand__subtitle">{props.subtitle}</span> : null}
            </span>
          </a>
          {props.nav}
          <div className="fx-header__tools">
            {props.languageSwitch}
            {props.userMenu}
          </div>
        </div>
      </header>
      {props.sidebar ? (
        <div className="fx-shell__body">
          {props.sidebar}
          <main className="fx-main" id="main" tabIndex={-1}>
            {props.children}
          </main>
        </div>
      ) : (
        <main className="fx-main" id="main" tabIndex={-1}>
          {props.children}
        </main>
      )}
      {props.footer ? <footer className="fx-footer">{props.footer}</footer> : null}
    </div>
  );
}

export interface NavProps {
  label: string;
  items: readonly NavItem[];
  onNavigate?: ((href: string, event: MouseEvent<HTMLAnchorElement>) => void) | undefined;
}

export function Nav({ label, items, onNavigate }: NavProps) {
  return (
    <nav className="fx-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <a
              href={item.href}
              aria-current={item.current ? 'page' : undefined}
              onClick={onNavigate ? (e) => onNavigate(item.href, e) : undefined}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Four facets of one experience: two owned by the organisation, two by its stakeholders. Decorative. */
export function BrandMark() {
  return (
    <svg className="fx-brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 L30 16 L16 16 Z" fill="#3a3fbf" />
      <path d="M30 16 L16 30 L16 16 Z" fill="#6c72e0" />
      <path d="M16 30 L2 16 L16 16 Z" fill="#13a89e" />
      <path d="M2 16 L16 2 L16 16 Z" fill="#0d7a73" />
    </svg>
  );
}

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="fx-page-header">
      <div className="fx-row fx-row--between">
        <h1>{title}</h1>
        {actions}
      </div>
      {description ? <p>{description}</p> : null}
    </div>
  );
}

import { type Me, useLang, useLinkClick, useRouter } from '@facets/portal-kit';
import { useEffect, useRef } from 'react';
import { PAGES } from '../pages.tsx';
import { navSections } from './nav.ts';

/**
 * The console's navigation, in sections: a column beside the page on wide screens, a strip that scrolls sideways
 * above it on narrow ones (every link stays visible and one tap away).
 */
export function Sidebar({ me }: { me: Me }) {
  const { t } = useLang();
  const { path, href } = useRouter();
  const click = useLinkClick();
  const strip = useRef<HTMLDivElement>(null);
  const sections = navSections(PAGES, me.role, path);

  // On a phone the strip may hide the current entry off-screen: bring it into view without moving the page.
  useEffect(() => {
    const box = strip.current;
    const current = box?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!box || !current || box.scrollWidth <= box.clientWidth) return;
    box.scrollLeft = current.offsetLeft - (box.clientWidth - current.offsetWidth) / 2;
  }, [path]);

  return (
    <nav className="fx-sidebar" aria-label={t('nav.label')}>
      <div className="fx-sidebar__sections" ref={strip}>
        {sections.map((section) => (
          <div className="fx-sidebar__section" key={section.group}>
            <p className="fx-sidebar__heading" id={`nav-${section.group}`}>
              {t(`console.navGroup.${section.group}`)}
            </p>
            <ul aria-labelledby={`nav-${section.group}`}>
              {section.entries.map((entry) => {
                const target = href(entry.path);
                return (
                  <li key={entry.path}>
                    <a
                      href={target}
                      aria-current={entry.current ? 'page' : undefined}
                      onClick={(e) => click(target, e)}
                    >
                      {t(`console.nav.${entry.nav}`)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      {me.role === 'manager' ? (
        <p className="fx-sidebar__note">{t(me.personId ? 'console.managerScopeTeam' : 'console.managerScope')}</p>
      ) : null}
    </nav>
  );
}

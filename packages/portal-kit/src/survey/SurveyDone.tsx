import { ButtonLink, Card } from '@facets/ui';
import { useEffect, useRef } from 'react';
import { formatDate } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';

/** The confirmation: the answers are in, and what happens to them now. */
export function SurveyDone({
  anonymous,
  k,
  closesAt,
  links = true,
}: {
  anonymous: boolean;
  k: number;
  closesAt: string | null;
  /** The links to the portal's other pages (not for someone answering an invitation without an account). */
  links?: boolean;
}) {
  const { t, lang } = useLang();
  const { href } = useRouter();
  const click = useLinkClick();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="fx-centered">
      <Card>
        <div className="fx-stack">
          <div className="fx-done-mark" aria-hidden="true">
            ✓
          </div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('runner.thanksTitle')}
          </h1>
          <p role="status">{t('runner.thanksBody')}</p>
          <h2>{t('runner.nextTitle')}</h2>
          <ul className="fx-list">
            <li>{anonymous ? t('runner.nextAnonymous') : t('runner.nextConfidential')}</li>
            <li>{t('runner.nextThreshold', { k })}</li>
            <li>
              {closesAt ? t('runner.nextClosesOn', { date: formatDate(closesAt, lang) }) : t('runner.nextReview')}
            </li>
          </ul>
          {links ? (
            <div className="fx-row">
              <ButtonLink href={href('')} onClick={(e) => click(href(''), e)}>
                {t('runner.backToSurveys')}
              </ButtonLink>
              <ButtonLink
                variant="secondary"
                href={href('feedback/new')}
                onClick={(e) => click(href('feedback/new'), e)}
              >
                {t('runner.shareFeedback')}
              </ButtonLink>
            </div>
          ) : null}
        </div>
      </Card>
    </div>
  );
}

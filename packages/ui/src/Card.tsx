import type { HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** Heading level of the title, so pages keep a clean outline. */
  titleAs?: 'h2' | 'h3';
  titleId?: string;
  /** Rendered at the right of the title (badges, actions). */
  aside?: ReactNode;
  footer?: ReactNode;
  /** `article` for self-contained items (a feedback, a survey), `section` otherwise. */
  as?: 'section' | 'article' | 'div';
}

export function Card({ title, titleAs, titleId, aside, footer, as, className, children, ...rest }: CardProps) {
  const Tag = as ?? 'section';
  const Heading = titleAs ?? 'h2';
  return (
    <Tag className={['fx-card', className].filter(Boolean).join(' ')} {...rest}>
      {title || aside ? (
        <div className="fx-card__header">
          {title ? <Heading id={titleId}>{title}</Heading> : <span />}
          {aside}
        </div>
      ) : null}
      {children}
      {footer ? <div className="fx-card__footer">{footer}</div> : null}
    </Tag>
  );
}

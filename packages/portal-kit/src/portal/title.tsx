import { createContext, useContext, useEffect } from 'react';
import { pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';

/** Whether the app is titled by its group's own label (the generic portal of custom groups) rather than its name. */
export const TitleByGroup = createContext(false);

/** A group as the title needs it: its label in the organisation's languages. */
export interface TitleGroup {
  label: { fr?: string | undefined; en?: string | undefined };
}

/**
 * The product name the frame shows: the group's label in the reader's language when the app is titled by its group
 * and the group is known, else the app's name; the document title follows.
 */
export function useProductName(group: TitleGroup | null | undefined): string {
  const byGroup = useContext(TitleByGroup);
  const { t, lang } = useLang();
  const label = byGroup && group ? pickText(group.label, lang) : '';
  const name = label || t('app.productName');
  useEffect(() => {
    if (label) document.title = t('app.groupDocumentTitle', { name: label });
  }, [label, t]);
  return name;
}

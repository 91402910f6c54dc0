import { LOCALES, type Locale } from '@facets/domain';
import { createContext, useContext } from 'react';

/**
 * The languages the organisation writes in (Settings): its texts are asked in them only. Given by the console's routes
 * from the session; both when nothing says otherwise.
 */
export const OrgLanguages = createContext<readonly Locale[]>(LOCALES);

export const useOrgLanguages = (): readonly Locale[] => useContext(OrgLanguages);

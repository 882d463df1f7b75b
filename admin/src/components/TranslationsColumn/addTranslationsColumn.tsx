import { TranslationsCell } from './TranslationsCell';
import { getTranslation } from '../../utils/getTranslation';

type Header = Record<string, unknown>;
type HookArgs = { displayedHeaders: Header[]; layout: { options?: any } & Record<string, unknown> };

/** The listed locale, from the list view's URL (`?plugins[i18n][locale]=en`). */
const listedLocale = () => new URLSearchParams(window.location.search).get('plugins[i18n][locale]') ?? undefined;

/**
 * `Admin/CM/pages/ListView/inject-column-in-table`, as i18n adds its "Available in": a
 * "Translations" column on localized types, one badge per target locale.
 */
export const addTranslationsColumn = ({ displayedHeaders, layout }: HookArgs): HookArgs => {
  if (!layout?.options?.i18n?.localized) return { displayedHeaders, layout };
  return {
    displayedHeaders: [
      ...displayedHeaders,
      {
        attribute: { type: 'string' },
        label: { id: getTranslation('list.column'), defaultMessage: 'Translations' },
        searchable: false,
        sortable: false,
        name: 'gengo-translations',
        cellFormatter: (row: { documentId: string }, _header: unknown, meta: { model: string }) => (
          <TranslationsCell model={meta.model} documentId={row.documentId} locale={listedLocale()} />
        ),
      },
    ],
    layout,
  };
};

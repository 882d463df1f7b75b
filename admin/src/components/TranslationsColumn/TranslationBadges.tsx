import * as React from 'react';
import { Badge, Flex, Tooltip, type BadgeProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { TranslationState } from '../../api/translation-states';
import { getTranslation } from '../../utils/getTranslation';
import { statusWords } from '../../utils/statusWords';

/** One colour per state: what waits for someone stands out, what is done is quiet. */
const VARIANTS: Record<TranslationState, BadgeProps['variant']> = {
  'up-to-date': 'success',
  'in-progress': 'secondary',
  'awaiting-review': 'warning',
  conflict: 'danger',
  stale: 'alternative',
  missing: 'neutral',
};

type Props = {
  /** The target locales, in the order the badges show. */
  locales: string[];
  states: Record<string, TranslationState>;
  /** Locale names by code (the code stands in for a locale without one). */
  names: Record<string, string>;
};

/**
 * An entry's translations, one small badge per target locale: its code and the state in words;
 * the tooltip (and the accessible name) says the locale's name.
 */
export const TranslationBadges = ({ locales, states, names }: Props) => {
  const { formatMessage } = useIntl();
  const words = statusWords(formatMessage);
  return (
    // Wide enough for two or three badges a line: a column of five single badges makes rows tall.
    <Flex gap={1} wrap="wrap" data-testid="gengo-translation-badges" style={{ minWidth: '17rem' }}>
      {locales.map((locale) => {
        const state = states[locale] ?? 'missing';
        const word = words.listState(state);
        const label = formatMessage(
          { id: getTranslation('list.badge'), defaultMessage: '{locale}: {state}' },
          { locale: names[locale] ?? locale, state: word }
        );
        return (
          <Tooltip key={locale} label={label}>
            {/* The tooltip needs an element that takes a ref; the Badge does not. */}
            <span style={{ display: 'inline-flex' }}>
              <Badge variant={VARIANTS[state]} size="S" aria-label={label} data-locale={locale} data-state={state}>
                {/* Words as written (a badge's text is upper case otherwise: "ZH-HANS"). */}
                <span style={{ textTransform: 'none', whiteSpace: 'nowrap' }}>{`${locale} · ${word}`}</span>
              </Badge>
            </span>
          </Tooltip>
        );
      })}
    </Flex>
  );
};

import * as React from 'react';
import { Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Locale, Tier } from '../api/orders';
import { getTranslation } from '../utils/getTranslation';

/**
 * What an order asks of the person ordering, for one entry (the side panel) or a selection (the
 * bulk dialog): the target locales, the tier, a comment for the translator. Field names start with
 * `name` (`gengo-target-fr`, `gengo-tier`, `gengo-comment`).
 */
export interface OrderChoicesProps {
  name: string;
  /** The locales that may be targets (the source left out). */
  locales: Locale[];
  targets: string[];
  onToggle: (code: string, on: boolean) => void;
  tier: Tier;
  onTier: (tier: Tier) => void;
  comment: string;
  onComment: (comment: string) => void;
  disabled?: boolean;
}

/**
 * "Chinese (Simplified) (zh-Hans)": the name wraps between words, the code stays whole (the
 * narrow side panel broke "zh-Hans" at its hyphen).
 */
const LocaleLabel = ({ locale }: { locale: Locale }) => {
  const suffix = ` (${locale.code})`;
  if (!locale.name?.endsWith(suffix)) return <>{locale.name}</>;
  return (
    <>
      {locale.name.slice(0, -suffix.length)} <span style={{ whiteSpace: 'nowrap' }}>({locale.code})</span>
    </>
  );
};

export const OrderChoices = ({
  name,
  locales,
  targets,
  onToggle,
  tier,
  onTier,
  comment,
  onComment,
  disabled = false,
}: OrderChoicesProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {t('panel.targets', 'Translate into')}
        </Typography>
        {locales.map((l) => (
          <Checkbox
            key={l.code}
            name={`${name}-target-${l.code}`}
            checked={targets.includes(l.code)}
            disabled={disabled}
            onCheckedChange={(on: boolean | 'indeterminate') => onToggle(l.code, on === true)}
          >
            <LocaleLabel locale={l} />
          </Checkbox>
        ))}
      </Flex>
      <Field.Root name={`${name}-tier`}>
        <Field.Label>{t('panel.tier', 'Tier')}</Field.Label>
        <SingleSelect value={tier} disabled={disabled} onChange={(v: string | number) => onTier(v as Tier)}>
          <SingleSelectOption value="standard">{t('settings.tier.standard', 'Standard')}</SingleSelectOption>
          <SingleSelectOption value="pro">{t('settings.tier.pro', 'Pro')}</SingleSelectOption>
        </SingleSelect>
      </Field.Root>
      <Field.Root name={`${name}-comment`}>
        <Field.Label>{t('panel.comment', 'Comment for the translator')}</Field.Label>
        <Textarea
          value={comment}
          disabled={disabled}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onComment(e.target.value)}
        />
      </Field.Root>
    </>
  );
};

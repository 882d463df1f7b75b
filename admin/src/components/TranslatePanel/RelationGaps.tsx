import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RelationGap } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';

type Props = {
  gaps: RelationGap[];
  /** The locale's name as the app calls it ("French (fr)"). */
  language: string;
};

/**
 * Relations the target locale links nothing through because the related entry has no version in
 * it: said, rather than left silently empty ("category: “Guides” (Category) has no French version").
 */
export const RelationGaps = ({ gaps, language }: Props) => {
  const { formatMessage } = useIntl();
  if (!gaps.length) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="gengo-relation-gaps">
      {gaps.map((g) => (
        <Typography
          key={`${g.path}\u0000${g.relatedDocumentId}`}
          variant="pi"
          textColor="warning700"
          data-relation-gap={g.path}
        >
          {g.relatedTitle
            ? formatMessage(
                {
                  id: getTranslation('panel.relationGap'),
                  defaultMessage: '{field}: “{title}” ({type}) has no {language} version: not linked',
                },
                { field: g.label, title: g.relatedTitle, type: g.relatedTypeName, language }
              )
            : formatMessage(
                {
                  id: getTranslation('panel.relationGap.untitled'),
                  defaultMessage: '{field}: a {type} entry has no {language} version: not linked',
                },
                { field: g.label, type: g.relatedTypeName, language }
              )}
        </Typography>
      ))}
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: getTranslation('panel.relationGaps.hint'),
          defaultMessage: 'Once it has one, the next delivery or approval links it.',
        })}
      </Typography>
    </Flex>
  );
};

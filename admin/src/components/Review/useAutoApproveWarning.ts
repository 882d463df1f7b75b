import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { timeLeft } from './AutoApproveDeadline';

/**
 * A warning notification, once per page, for a user who may review, when translations shown there
 * are approved by Gengo within a day (the badges say which). Returns how many. Chosen over e-mail
 * or a bell: the panel and the orders page are where a reviewer acts on it.
 */
export const useAutoApproveWarning = (deadlines: Array<string | null | undefined> | null, canReview: boolean) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const warned = React.useRef(false);
  const soon = (deadlines ?? []).filter(
    (d) => d && !Number.isNaN(Date.parse(d)) && timeLeft(d, Date.now()).soon
  ).length;
  React.useEffect(() => {
    if (!canReview || warned.current || soon === 0) return;
    warned.current = true;
    toggleNotification({
      type: 'warning',
      message: formatMessage(
        {
          id: getTranslation('review.autoApprove.warning'),
          defaultMessage:
            '{count, plural, one {# translation is} other {# translations are}} approved by Gengo within a day unless reviewed first.',
        },
        { count: soon }
      ),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canReview, soon]);
  return soon;
};

import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { BulkQuote } from '../../api/bulk';
import { getTranslation } from '../../utils/getTranslation';
import { moneyWords } from '../../utils/money';

/** The quote of a selection: documents, units, credits, ETA, balance, skipped entries, budget. */
export const QuoteSummary = ({ quote, name }: { quote: BulkQuote; name: (code: string) => string }) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const money = moneyWords(intl);
  const short = quote.balance.credits < quote.credits;

  return (
    <Box background="neutral100" padding={4} hasRadius data-testid="gengo-bulk-quote" data-documents={quote.documents}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" fontWeight="bold" data-testid="gengo-bulk-quote-documents">
          {t('bulk.quote.documents', '{count, plural, one {# document} other {# documents}} to translate', {
            count: quote.documents,
          })}
        </Typography>
        {quote.locales.map((l) => (
          <Typography key={l.locale} variant="pi" data-locale={l.locale}>
            {l.offered
              ? t('bulk.quote.locale', '{locale}: {units} · {amount}', {
                  locale: name(l.locale),
                  units: money.units(l.units, quote.sourceLocale),
                  amount: money.amount(l.credits, quote.currency),
                })
              : t('bulk.quote.notOffered', '{locale}: Gengo does not offer this language pair', {
                  locale: name(l.locale),
                })}
          </Typography>
        ))}
        <Typography variant="omega" fontWeight="bold">
          {t('bulk.quote.total', 'Total: {units} · {amount} · {eta}', {
            units: money.units(quote.units, quote.sourceLocale),
            amount: money.credits(quote.credits, quote.currency),
            eta: money.eta(quote.eta),
          })}
        </Typography>
        {quote.reused && (
          <Typography variant="pi" textColor="success600" data-testid="gengo-bulk-reused">
            {t('quote.reused', '{units} reused · {amount}', {
              units: money.units(quote.reused.units, quote.sourceLocale),
              amount: money.amount(0, quote.currency),
            })}
          </Typography>
        )}
        <Typography variant="pi" textColor={short ? 'danger600' : 'neutral600'}>
          {t('bulk.quote.balance', 'Balance: {amount}', {
            amount: money.amount(quote.balance.credits, quote.balance.currency),
          })}
        </Typography>
        <Typography variant="pi" textColor="neutral500">
          {money.unitsHint()}
        </Typography>
        {!quote.budget.check.ok && (
          <Typography variant="pi" textColor="danger600" data-testid="gengo-bulk-budget">
            {t('bulk.quote.budget', 'Refused by the budget: {message}', {
              message: quote.budget.check.message ?? quote.budget.check.reason ?? '',
            })}
          </Typography>
        )}
        {quote.skipped.length > 0 && (
          <Box data-testid="gengo-bulk-skipped">
            <Typography variant="sigma" textColor="neutral600">
              {t('bulk.quote.skipped', '{count, plural, one {# entry} other {# entries}} skipped', {
                count: quote.skipped.length,
              })}
            </Typography>
            {quote.skipped.map((s) => (
              <Typography key={s.documentId} tag="p" variant="pi" textColor="neutral600">
                {t('bulk.quote.skippedEntry', '{entry}: {reason}', { entry: s.documentId, reason: s.reason })}
              </Typography>
            ))}
          </Box>
        )}
      </Flex>
    </Box>
  );
};

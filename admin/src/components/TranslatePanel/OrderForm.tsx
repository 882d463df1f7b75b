import * as React from 'react';
import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Locale, QuoteResult, Tier } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { localeNamer } from '../../utils/localeNames';
import { moneyWords } from '../../utils/money';
import { ConfirmOrder } from '../ConfirmOrder';
import { OrderChoices } from '../OrderChoices';
import { useOrderOptions } from '../useOrderOptions';

type Props = {
  contentType: string;
  documentId: string;
  sourceLocale: string;
  locales: Locale[];
  canOrder: boolean;
  onOrdered: () => void;
};

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

const errorMessage = (err: any) => err?.response?.data?.error?.message ?? err?.message ?? String(err);

/** Choose target locales and a tier, get Gengo's quote, confirm its total, then order it. */
export const OrderForm = ({ contentType, documentId, sourceLocale, locales, canOrder, onOrdered }: Props) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const money = moneyWords(intl);
  const name = localeNamer(locales, intl.locale);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [targets, setTargets] = React.useState<string[]>([]);
  // Read once someone starts an order (a target chosen), not on every entry opened.
  const { defaultTier } = useOrderOptions(canOrder && targets.length > 0);
  const [chosenTier, setTier] = React.useState<Tier | null>(null);
  const [comment, setComment] = React.useState('');
  const [replace, setReplace] = React.useState(false);
  const [quote, setQuote] = React.useState<QuoteResult | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  const [busy, setBusy] = React.useState<'quote' | 'order' | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // One key per quote: a double click or a retried request places one order.
  const orderKey = React.useRef(newKey());

  // The settings' default tier until the person picks one.
  const tier: Tier = chosenTier ?? defaultTier ?? 'standard';
  const others = locales.filter((l) => l.code !== sourceLocale);
  const request = { contentType, documentId, sourceLocale, targetLocales: targets, tier };
  const budget = quote?.budget.check;
  const refusal = budget && budget.ok === false ? budget.message : null;

  const toggle = (code: string, on: boolean) => {
    setQuote(null);
    setTargets((prev) => (on ? [...prev, code] : prev.filter((c) => c !== code)));
  };

  const getQuote = async () => {
    setBusy('quote');
    setError(null);
    try {
      const { data } = await post<{ data: QuoteResult }>('/gengo/quote', request);
      setQuote(data.data);
      setReplace(false);
      orderKey.current = newKey();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const order = async () => {
    if (!quote) return;
    setBusy('order');
    setError(null);
    try {
      await post('/gengo/orders', {
        ...request,
        comment: comment || null,
        // Only an explicit choice is sent.
        ...(replace ? { replaceExisting: true } : {}),
        idempotencyKey: orderKey.current,
      });
      toggleNotification({
        type: 'success',
        message: t('panel.ordered', 'Translation ordered: {amount}', {
          amount: money.credits(quote.total.credits, quote.total.currency),
        }),
      });
      setQuote(null);
      setTargets([]);
      onOrdered();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setConfirming(false);
      setBusy(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <OrderChoices
        name="gengo"
        locales={others}
        targets={targets}
        onToggle={toggle}
        tier={tier}
        onTier={(v) => {
          setTier(v);
          setQuote(null);
        }}
        comment={comment}
        onComment={setComment}
        disabled={!canOrder}
      />
      <Button
        variant="secondary"
        onClick={getQuote}
        loading={busy === 'quote' || (targets.length > 0 && !defaultTier)}
        disabled={!canOrder || targets.length === 0 || !defaultTier}
      >
        {t('panel.quote', 'Get quote')}
      </Button>
      {quote && (
        <Box background="neutral100" padding={3} hasRadius data-testid="gengo-quote">
          {quote.locales.map((q) => (
            <Typography key={q.locale} tag="p" variant="pi" data-locale={q.locale}>
              {t('panel.quote.locale', '{locale}: {units} · {amount} · {eta}', {
                locale: name(q.locale),
                units: money.units(q.units, q.lcSrc),
                amount: money.amount(q.credits, q.currency),
                eta: money.eta(q.eta),
              })}
              {q.reused
                ? ` (${t('quote.reused', '{units} reused · {amount}', {
                    units: money.units(q.reused.units, q.lcSrc),
                    amount: money.amount(0, q.currency),
                  })})`
                : null}
            </Typography>
          ))}
          {quote.locales
            .filter((q) => q.personText?.length)
            .map((q) => (
              <Typography
                key={`person-${q.locale}`}
                tag="p"
                variant="pi"
                textColor="warning700"
                data-testid="gengo-person-text"
              >
                {t(
                  'panel.quote.personText',
                  "{locale} already has a person's text in: {fields}. It is kept (you decide per field when the translation arrives) unless you replace it.",
                  { locale: name(q.locale), fields: q.personText!.join(', ') }
                )}
              </Typography>
            ))}
          {quote.locales.some((q) => q.personText?.length) && (
            <Checkbox
              checked={replace}
              onCheckedChange={(v: boolean | 'indeterminate') => {
                setReplace(v === true);
                orderKey.current = newKey();
              }}
            >
              {t('panel.quote.replace', 'Replace the existing text')}
            </Checkbox>
          )}
          <Typography tag="p" variant="pi" fontWeight="bold">
            {t('panel.quote.total', 'Total: {amount}', {
              amount: money.credits(quote.total.credits, quote.total.currency),
            })}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {t('panel.quote.balance', 'Balance: {amount}', {
              amount: money.amount(quote.balance.credits, quote.balance.currency),
            })}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral500">
            {money.unitsHint()}
          </Typography>
          {refusal && (
            <Typography tag="p" variant="pi" textColor="danger600" data-testid="gengo-budget-refusal">
              {refusal}
            </Typography>
          )}
        </Box>
      )}
      {quote && (
        <Button onClick={() => setConfirming(true)} disabled={!canOrder || Boolean(refusal)}>
          {t('panel.order', 'Order')}
        </Button>
      )}
      {quote && (
        <ConfirmOrder
          open={confirming}
          title={t('confirm.title.panel', 'Order {count, plural, one {# translation} other {# translations}}?', {
            count: quote.locales.length,
          })}
          lines={quote.locales.map((q) => ({
            key: q.locale,
            label: name(q.locale),
            units: money.units(q.units, q.lcSrc),
            credits: q.credits,
            eta: money.eta(q.eta),
          }))}
          total={quote.total}
          balance={quote.balance}
          busy={busy === 'order'}
          onConfirm={order}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error && (
        <Typography textColor="danger600" variant="pi" data-testid="gengo-error">
          {error}
        </Typography>
      )}
    </Flex>
  );
};

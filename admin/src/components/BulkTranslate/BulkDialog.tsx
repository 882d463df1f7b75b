import * as React from 'react';
import { Button, Flex, Link, Loader, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { isRunning, quoteRefusal, type BatchView, type BulkQuote, type BulkRequest } from '../../api/bulk';
import type { Locale, Tier } from '../../api/orders';
import { PLUGIN_ID } from '../../pluginId';
import { getTranslation } from '../../utils/getTranslation';
import { localeNamer } from '../../utils/localeNames';
import { moneyWords } from '../../utils/money';
import { ConfirmOrder } from '../ConfirmOrder';
import { useOrderOptions } from '../useOrderOptions';
import { OrderChoices } from '../OrderChoices';
import { errorMessage } from '../Review/useJobApi';
import { BatchProgress } from './BatchProgress';
import { QuoteSummary } from './QuoteSummary';
import { useBatch } from './useBatch';

export type BulkDialogProps = { model: string; documentIds: string[]; sourceLocale?: string; onClose: () => void };

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** The site's locales and the default tier of the settings. */
const useDialogData = () => {
  const { get } = useFetchClient();
  const { defaultTier } = useOrderOptions();
  const [locales, setLocales] = React.useState<Locale[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get<Locale[]>('/i18n/locales').then(
      (l) => setLocales(l.data),
      (err) => setError(errorMessage(err))
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { locales: defaultTier ? locales : null, defaultTier, error };
};

/**
 * "Translate with Gengo" for the entries selected in the list view: target locales, tier and a
 * comment → Gengo's quote for the whole selection → one batch, ordered server-side, whose
 * progress shows here while the dialog is open (closing it leaves the batch running).
 */
export const BulkDialog = ({ model, documentIds, sourceLocale, onClose }: BulkDialogProps) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const money = moneyWords(intl);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { locales, defaultTier, error: loadError } = useDialogData();
  const [targets, setTargets] = React.useState<string[]>([]);
  const [tier, setTier] = React.useState<Tier | null>(null);
  const [comment, setComment] = React.useState('');
  const [quote, setQuote] = React.useState<BulkQuote | null>(null);
  const [busy, setBusy] = React.useState<'quote' | 'order' | 'cancel' | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [started, setStarted] = React.useState<BatchView | null>(null);
  const { batch, error: pollError, refresh } = useBatch(started);
  // One key per quote: a double click or a retried request starts one batch.
  const orderKey = React.useRef(newKey());

  const source = sourceLocale ?? locales?.find((l) => l.isDefault)?.code;
  const name = localeNamer(locales ?? [], intl.locale);
  const others = (locales ?? []).filter((l) => l.code !== source);
  const chosenTier = tier ?? defaultTier ?? 'standard';
  const request: BulkRequest = {
    contentType: model,
    documentIds,
    sourceLocale: source,
    targetLocales: targets,
    tier: chosenTier,
  };

  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setQuote(null);
    };
  const toggle = (code: string, on: boolean) =>
    change(setTargets)(on ? [...targets, code] : targets.filter((c) => c !== code));

  const call = async (what: 'quote' | 'order' | 'cancel', fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const getQuote = () =>
    call('quote', async () => {
      const { data } = await post<{ data: BulkQuote }>('/gengo/bulk/quote', request);
      setQuote(data.data);
      orderKey.current = newKey();
    });
  const order = () =>
    call('order', async () => {
      const body = { ...request, comment: comment.trim() || null, idempotencyKey: orderKey.current };
      const { data } = await post<{ data: BatchView }>('/gengo/bulk', body, {
        headers: { 'Idempotency-Key': orderKey.current },
      });
      setStarted(data.data);
      setConfirming(false);
      toggleNotification({
        type: 'success',
        message: t('bulk.ordered', 'Bulk order started: {amount}', {
          amount: money.credits(quote?.credits ?? 0, quote?.currency),
        }),
      });
    });
  // Documents not ordered yet are left out; those ordered stay ordered (Gengo's jobs go on).
  const cancel = () =>
    call('cancel', async () => {
      if (!batch) return;
      await post(`/gengo/bulk/${batch.id}/cancel`, {});
      await refresh();
    });

  const refusal = quote ? quoteRefusal(quote) : null;

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4} data-testid="gengo-bulk-dialog">
          <Typography variant="omega" textColor="neutral600">
            {t('bulk.selected', '{count, plural, one {# entry} other {# entries}} selected', {
              count: documentIds.length,
            })}
            {source ? ` · ${t('bulk.source', 'from {locale}', { locale: name(source) })}` : ''}
          </Typography>
          {!locales && !loadError && <Loader small />}
          {loadError && <Typography textColor="danger600">{loadError}</Typography>}

          {locales && !batch && (
            <>
              <OrderChoices
                name="gengo-bulk"
                locales={others}
                targets={targets}
                onToggle={toggle}
                tier={chosenTier}
                onTier={change(setTier)}
                comment={comment}
                onComment={setComment}
              />
              {quote && <QuoteSummary quote={quote} name={name} />}
            </>
          )}

          {batch && (
            <>
              <BatchProgress batch={batch} showFailures />
              <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}`} data-testid="gengo-bulk-orders-link">
                {t('bulk.ordersLink', 'See the orders')}
              </Link>
              <Typography variant="pi" textColor="neutral600">
                {t('bulk.background', 'The batch goes on if you close this dialog.')}
              </Typography>
            </>
          )}
          {(error || pollError) && (
            <Typography textColor="danger600" variant="pi" data-testid="gengo-bulk-error">
              {error ?? pollError}
            </Typography>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {t('review.close', 'Close')}
        </Button>
        {!batch && !quote && (
          <Button
            variant="secondary"
            onClick={getQuote}
            loading={busy === 'quote'}
            disabled={!locales || !source || targets.length === 0}
          >
            {t('panel.quote', 'Get quote')}
          </Button>
        )}
        {batch && isRunning(batch) && (
          <Button variant="danger-light" onClick={cancel} loading={busy === 'cancel'} data-testid="gengo-bulk-cancel">
            {t('bulk.cancel', 'Stop ordering the rest')}
          </Button>
        )}
        {!batch && quote && (
          <Button onClick={() => setConfirming(true)} disabled={Boolean(refusal)}>
            {t('bulk.order', 'Order {count, plural, one {# document} other {# documents}}', { count: quote.documents })}
          </Button>
        )}
        {!batch && quote && (
          <ConfirmOrder
            open={confirming}
            title={t('confirm.title.bulk', 'Order {count, plural, one {# document} other {# documents}}?', {
              count: quote.documents,
            })}
            lines={quote.locales
              .filter((l) => l.offered)
              .map((l) => ({
                key: l.locale,
                label: t('confirm.line.bulk', '{locale}, {count, plural, one {# document} other {# documents}}', {
                  locale: name(l.locale),
                  count: quote.documents,
                }),
                units: money.units(l.units, quote.sourceLocale),
                credits: l.credits,
                eta: money.eta(quote.eta),
              }))}
            total={{ credits: quote.credits, currency: quote.currency }}
            balance={quote.balance}
            busy={busy === 'order'}
            onConfirm={order}
            onCancel={() => setConfirming(false)}
          />
        )}
      </Modal.Footer>
    </>
  );
};

import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import { moneyWords } from '../utils/money';

export interface ConfirmLine {
  key: string;
  /** "French", "3 documents into German"… */
  label: string;
  /** "120 words" (already worded). */
  units?: string;
  credits: number;
  /** "expected by …" (already worded). */
  eta?: string;
}

export interface ConfirmOrderProps {
  open: boolean;
  /** What is ordered, said as a question: "Order 2 translations?". */
  title: string;
  lines: ConfirmLine[];
  total: { credits: number; currency: string };
  balance: { credits: number; currency: string };
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Ordering spends money (ui_recommendations.md: "make it clear … that the translation will cost
 * money"): the order is sent only from this dialog, after the person has seen the total and the
 * balance it leaves. The side panel and the bulk dialog both ask through it.
 */
export const ConfirmOrder = ({
  open,
  title,
  lines,
  total,
  balance,
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmOrderProps) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const money = moneyWords(intl);
  const after = Math.round((balance.credits - total.credits) * 100) / 100;

  return (
    <Dialog.Root open={open} onOpenChange={(o: boolean) => !o && !busy && onCancel()}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="gengo-confirm-order">
            {lines.map((l) => (
              <Flex key={l.key} justifyContent="space-between" gap={4} alignItems="flex-start">
                <Box>
                  <Typography tag="p" variant="omega" fontWeight="semiBold">
                    {l.label}
                  </Typography>
                  {(l.units || l.eta) && (
                    <Typography tag="p" variant="pi" textColor="neutral600">
                      {[l.units, l.eta].filter(Boolean).join(' · ')}
                    </Typography>
                  )}
                </Box>
                <Typography variant="omega" style={{ whiteSpace: 'nowrap' }}>
                  {money.amount(l.credits, total.currency)}
                </Typography>
              </Flex>
            ))}
            <Box borderColor="neutral200" borderStyle="solid" borderWidth="1px 0 0 0" paddingTop={3}>
              <Typography tag="p" variant="omega" fontWeight="bold" data-testid="gengo-confirm-total">
                {t('confirm.total', 'Total: {amount}', { amount: money.credits(total.credits, total.currency) })}
              </Typography>
              <Typography tag="p" variant="pi" textColor="neutral600" data-testid="gengo-confirm-balance">
                {t('confirm.balance', 'Balance now {now}; after this order {after}', {
                  now: money.amount(balance.credits, balance.currency),
                  after: money.amount(after, balance.currency),
                })}
              </Typography>
            </Box>
            <Typography variant="pi" textColor="neutral600">
              {t('confirm.charge', 'Gengo charges the credits when the order is placed.')}
            </Typography>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" disabled={busy}>
              {t('confirm.cancel', 'Back')}
            </Button>
          </Dialog.Cancel>
          <Button onClick={onConfirm} loading={busy} data-testid="gengo-confirm-order-button">
            {t('confirm.order', 'Order for {amount}', { amount: money.amount(total.credits, total.currency) })}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ReadableText } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { wordDiff } from './wordDiff';

const KEPT_STYLE: React.CSSProperties = {
  fontFamily: 'monospace',
  background: 'rgba(128, 128, 160, 0.16)',
  borderRadius: 3,
  padding: '0 2px',
};

const plain = (text: ReadableText) => text.runs.map((r) => r.text).join('');

/**
 * A source or a translation as the reviewer reads it: the words, and the parts we protected
 * (markup, code, links' addresses) in a monospace tint that says "kept as it is".
 */
export const ReadableTextView = ({ text, testId }: { text: ReadableText; testId: string }) => {
  const { formatMessage } = useIntl();
  const keptTitle = formatMessage({
    id: getTranslation('reviewView.kept'),
    defaultMessage: 'Kept as it is: not sent for translation',
  });
  return (
    <Box data-testid={testId}>
      {text.warning && (
        <Typography tag="p" variant="pi" textColor="warning600" data-testid="gengo-restore-warning">
          {formatMessage({
            id: getTranslation('reviewView.raw'),
            defaultMessage: 'Shown as Gengo sent it: a protected part was changed, so it cannot be written as it is.',
          })}
        </Typography>
      )}
      <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text.runs.map((run, i) =>
          run.kept ? (
            <span key={i} data-kept="true" title={keptTitle} style={KEPT_STYLE}>
              {run.text}
            </span>
          ) : (
            <span key={i}>{run.text}</span>
          )
        )}
      </Typography>
    </Box>
  );
};

/** The previous revision against the current one: removed words struck through, added ones marked. */
export const RevisionDiff = ({ before, after }: { before: ReadableText; after: ReadableText }) => {
  const parts = React.useMemo(() => wordDiff(plain(before), plain(after)), [before, after]);
  return (
    <Typography
      tag="p"
      variant="omega"
      data-testid="gengo-revision-diff"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'removed' ? (
          <del key={i} style={{ background: 'rgba(208, 43, 32, 0.14)' }}>
            {p.text}
          </del>
        ) : (
          <ins key={i} style={{ background: 'rgba(50, 128, 72, 0.18)', textDecoration: 'none' }}>
            {p.text}
          </ins>
        )
      )}
    </Typography>
  );
};

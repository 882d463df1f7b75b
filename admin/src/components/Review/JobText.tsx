import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { JobView, RestoredInline, RestoredView } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';

type Leaf = Extract<RestoredInline, { type: 'text' }>;

const leafStyle = (l: Leaf): React.CSSProperties => ({
  fontWeight: l.bold ? 'bold' : undefined,
  fontStyle: l.italic ? 'italic' : undefined,
  textDecoration:
    [l.underline && 'underline', l.strikethrough && 'line-through'].filter(Boolean).join(' ') || undefined,
  fontFamily: l.code ? 'monospace' : undefined,
});

/** A blocks segment: its inline nodes with their marks and links, as the entry will show them. */
const Inline = ({ nodes }: { nodes: RestoredInline[] }) => (
  <>
    {nodes.map((n, i) =>
      n.type === 'link' ? (
        <a key={i} href={n.url} target="_blank" rel="noreferrer noopener">
          {n.children.map((c, j) => (
            <span key={j} style={leafStyle(c)}>
              {c.text}
            </span>
          ))}
        </a>
      ) : (
        <span key={i} style={leafStyle(n)}>
          {n.text}
        </span>
      )
    )}
  </>
);

/**
 * The translator's text of a job as the entry will receive it: our protected markup put back
 * (the route restores the whole segment). When that is refused, Gengo's raw text with the reason.
 */
export const JobText = ({ job }: { job: JobView }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { get } = useFetchClient();
  const [restored, setRestored] = React.useState<RestoredView | null>(null);

  React.useEffect(() => {
    if (!job.bodyTgt) return;
    let live = true;
    get<{ data: JobView & { restored: RestoredView | null } }>(`/gengo/jobs/${job.id}`)
      .then(({ data }) => live && setRestored(data.data.restored))
      .catch(() => live && setRestored(null));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job.id, job.bodyTgt]);

  if (!job.bodyTgt) return null;
  if (restored?.ok && job.chunkIndex > 0) return null;
  return (
    <Box data-testid="gengo-job-text" data-restored={restored ? String(restored.ok) : 'pending'}>
      {restored?.ok === false && (
        <Typography tag="p" variant="pi" textColor="warning600" data-testid="gengo-restore-warning">
          {t('review.text.raw', 'Shown as Gengo sent it: the formatting could not be put back ({reason}).', {
            reason: restored.reason,
          })}
        </Typography>
      )}
      {restored?.ok && restored.chunks > 1 && (
        <Typography tag="p" variant="sigma" textColor="neutral600">
          {t('review.text.whole', 'The whole text ({count} jobs)', { count: restored.chunks })}
        </Typography>
      )}
      <Typography tag="p" variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap' }}>
        {restored?.ok ? (
          typeof restored.value === 'string' ? (
            restored.value
          ) : (
            <Inline nodes={restored.value} />
          )
        ) : (
          job.bodyTgt
        )}
      </Typography>
    </Box>
  );
};

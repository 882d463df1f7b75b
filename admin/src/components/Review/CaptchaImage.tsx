import * as React from 'react';
import { Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

/**
 * The reject form's captcha, loaded through `GET /gengo/jobs/:id/captcha` (the admin's CSP blocks
 * Gengo's image host; an <img> cannot send the admin's token, so the bytes come as a blob URL).
 * `version` changes whenever Gengo issues a new captcha.
 */
export const CaptchaImage = ({
  jobId,
  version,
  fallbackUrl,
}: {
  jobId: number;
  version: string;
  fallbackUrl: string;
}) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { get } = useFetchClient();
  const [src, setSrc] = React.useState<string | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let url: string | null = null;
    let live = true;
    setFailed(false);
    get(`/gengo/jobs/${jobId}/captcha`, { responseType: 'blob' })
      .then(({ data }) => {
        if (!live) return;
        url = URL.createObjectURL(data);
        setSrc(url);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId, version]);

  if (failed)
    return (
      <Typography variant="pi" textColor="danger600">
        {t('review.reject.captcha.failed', 'The captcha image could not be loaded.')}{' '}
        {fallbackUrl && (
          <Link href={fallbackUrl} isExternal>
            {t('review.reject.captcha.open', 'Open the captcha image')}
          </Link>
        )}
      </Typography>
    );
  return src ? (
    <img
      src={src}
      alt={t('review.reject.captcha.image', 'Captcha')}
      data-testid="gengo-captcha"
      style={{ maxWidth: '100%' }}
    />
  ) : null;
};

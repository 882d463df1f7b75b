import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { SETTINGS_PATH, type CallbackUrl } from '../../api/settings';

/**
 * The URL Gengo calls back, and when its token was re-created (null without a public URL, or when
 * it cannot be read): asked again when the public URL it is built from changes.
 */
export const useCallbackUrl = (publicUrl: string | null | undefined): CallbackUrl | null => {
  const { get } = useFetchClient();
  const [url, setUrl] = React.useState<CallbackUrl | null>(null);
  React.useEffect(() => {
    let live = true;
    if (!publicUrl) {
      setUrl(null);
      return;
    }
    get<{ data: CallbackUrl }>(`${SETTINGS_PATH}/callback-url`).then(
      ({ data: body }) =>
        live &&
        setUrl(
          body.data?.callbackUrl
            ? { callbackUrl: body.data.callbackUrl, tokenRecreatedAt: body.data.tokenRecreatedAt ?? null }
            : null
        ),
      () => live && setUrl(null)
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [publicUrl]);
  return url;
};

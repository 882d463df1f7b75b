import * as React from 'react';
import { render } from '@testing-library/react';
import { DesignSystemProvider } from '@strapi/design-system';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';
import en from '../../admin/src/translations/en.json';
import { prefixTranslations } from '../../admin/src/utils/prefixTranslations';

/** Renders a plugin component inside the providers the admin gives it, with the plugin's en texts. */
export const renderInAdmin = (ui: React.ReactElement) =>
  render(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <IntlProvider
        locale="en"
        messages={prefixTranslations(en)}
        onError={(err) => {
          throw err;
        }}
      >
        <DesignSystemProvider locale="en">{ui}</DesignSystemProvider>
      </IntlProvider>
    </MemoryRouter>
  );

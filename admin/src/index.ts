import { Earth } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './constants';
import { Initializer } from './components/Initializer';
import { TranslatePanel } from './components/TranslatePanel/TranslatePanel';
import { BulkTranslateAction } from './components/BulkTranslate/BulkTranslateAction';
import { addTranslationsColumn } from './components/TranslationsColumn/addTranslationsColumn';
import { NeedsReviewToggle } from './components/TranslationsColumn/NeedsReviewToggle';
import { prefixTranslations } from './utils/prefixTranslations';

export default {
  register(app: any) {
    app.registerPlugin({
      id: PLUGIN_ID,
      initializer: Initializer,
      isReady: false,
      name: PLUGIN_ID,
    });

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Earth,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Gengo' },
      Component: () => import('./pages/Orders/OrdersPage'),
      permissions: PERMISSIONS.read,
    });

    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: 'Gengo' } },
      {
        id: 'gengo-settings',
        to: PLUGIN_ID,
        intlLabel: { id: `${PLUGIN_ID}.settings.link`, defaultMessage: 'Configuration' },
        Component: () => import('./pages/Settings/SettingsPage'),
        permissions: PERMISSIONS.settingsRead,
      }
    );
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([TranslatePanel]);
    app.getPlugin('content-manager').apis.addBulkAction([BulkTranslateAction]);
    // The list view: a "Translations" column (as i18n adds "Available in") and a "Needs review" filter.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addTranslationsColumn);
    app.getPlugin('content-manager').injectComponent('listView', 'actions', {
      name: 'gengo-needs-review',
      Component: NeedsReviewToggle,
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixTranslations(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

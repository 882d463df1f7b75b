import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS } from '../constants';
import { getService } from '../platform/services';
import { validateTestConnection, validateUpdateSettings } from './validation/settings';

const createSettingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /gengo/settings */
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'settings').getPublic() };
  },

  /** PUT /gengo/settings */
  async update(ctx: any) {
    const input = await validateUpdateSettings(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'settings').update(input) };
  },

  /** GET /gengo/settings/languages: Strapi locales, their default Gengo codes, what Gengo offers. */
  async languages(ctx: any) {
    ctx.body = { data: await getService(strapi, 'settings').localeLanguages() };
  },

  /**
   * POST /gengo/settings/test-connection. Without a body: the saved settings (settings.read).
   * With unsaved values: settings.update too, since it signs a call to a URL of the caller's choice.
   */
  async testConnection(ctx: any) {
    const overrides = await validateTestConnection(ctx.request.body);
    if (Object.keys(overrides).length && !ctx.state.userAbility?.can(ACTIONS.settingsUpdate)) {
      throw new errors.ForbiddenError('Testing unsaved settings needs the settings.update permission');
    }
    ctx.body = { data: await getService(strapi, 'settings').testConnection(overrides) };
  },
});

export default createSettingsController;

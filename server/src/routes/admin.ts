import { ACTIONS } from '../constants';
import { adminPolicies } from './policies';

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.index',
      config: { policies: adminPolicies(ACTIONS.read) },
    },
    {
      method: 'GET',
      path: '/settings',
      handler: 'settings.find',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    {
      method: 'PUT',
      path: '/settings',
      handler: 'settings.update',
      config: { policies: adminPolicies(ACTIONS.settingsUpdate) },
    },
    {
      method: 'POST',
      path: '/settings/test-connection',
      handler: 'settings.testConnection',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
  ],
};

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
  ],
};

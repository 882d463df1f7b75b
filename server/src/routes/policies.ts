/** Policies for an admin route: an authenticated admin holding every action listed. */
export const adminPolicies = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

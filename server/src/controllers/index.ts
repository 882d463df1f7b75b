// Imported for the emitted declarations only: they name Strapi's types through @strapi/strapi, not
// through a path into node_modules (TS2742 when node_modules is a link, as in a git worktree).
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { Core } from '@strapi/strapi';
import health from './health';
import settings from './settings';
import orders from './orders';
import review from './review';
import callback from './callback';
import reconcile from './reconcile';
import publishRules from './publish-rules';
import account from './account';
import bulk from './bulk';
import memory from './memory';

export default {
  health,
  settings,
  orders,
  review,
  callback,
  reconcile,
  publishRules,
  account,
  bulk,
  memory,
};

// Imported for the emitted declarations only: they name Strapi's types through @strapi/strapi, not
// through a path into node_modules (TS2742 when node_modules is a link, as in a git worktree).
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { Core } from '@strapi/strapi';
import verifyCallback from './verify-callback';

export default {
  'verify-callback': verifyCallback,
};

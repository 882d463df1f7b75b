// Imported for the emitted declarations only: they name Strapi's types through @strapi/strapi, not
// through a path into node_modules (TS2742 when node_modules is a link, as in a git worktree).
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { Core } from '@strapi/strapi';
import bulk from '../bulk';
import memory from '../memory';
import ordering from '../ordering';
import publishing from '../publishing';
import receiving from '../receiving';
import review from '../review';
import settings from '../settings';

/**
 * The plugin's registered services: one per capability, each the public face of its folder.
 * Controllers, the lifecycle hooks and the cron task call these (`platform/services.ts`).
 */
export default { settings, ordering, bulk, receiving, review, publishing, memory };

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks the plugin's own writes into entries (apply writing a target locale, publishing it), so
 * that the translate-on-publish middleware never orders because of them (no loops).
 */
const writes = new AsyncLocalStorage<true>();

export const asPluginWrite = <T>(fn: () => Promise<T>): Promise<T> => writes.run(true, fn);

export const isPluginWrite = (): boolean => writes.getStore() === true;

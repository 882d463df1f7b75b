import pkg from '../../../package.json';

/** The plugin's version, from package.json (inlined by the build). */
export const PLUGIN_VERSION: string = (pkg as { version: string }).version;

/** `strapi-plugin-gengo/<version>`: the User-Agent Gengo sees. */
export const DEFAULT_USER_AGENT = `strapi-plugin-gengo/${PLUGIN_VERSION}`;

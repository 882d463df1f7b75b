export const PLUGIN_ID = 'gengo';

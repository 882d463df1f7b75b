import { PLUGIN_ID } from '../pluginId';

/** The react-intl id of one of the plugin's texts: `gengo.<id>`. */
const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

export { getTranslation };

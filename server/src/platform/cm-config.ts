import type { Core } from '@strapi/strapi';
import { parsePath } from '../content';

/**
 * What the content manager shows of a type: its main field (the entry's title in lists and
 * relation pickers) and its fields' labels, as an admin configured them in "Configure the view".
 */

type Configuration = { settings?: { mainField?: unknown }; metadatas?: Record<string, { edit?: { label?: unknown } }> };

const configurationOf = async (strapi: Core.Strapi, uid: string): Promise<Configuration | null> => {
  const component = strapi.components?.[uid as keyof typeof strapi.components];
  const service = strapi.plugin('content-manager')?.service(component ? 'components' : 'content-types');
  return ((await service?.findConfiguration({ uid })?.catch?.(() => null)) as Configuration | null) ?? null;
};

/** The type's main field, or null when it is `id` (which says nothing a link does not). */
export const mainFieldOf = async (strapi: Core.Strapi, uid: string): Promise<string | null> => {
  const schema = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
  if (!schema) return null;
  const field = (await configurationOf(strapi, uid))?.settings?.mainField;
  return typeof field === 'string' && field !== 'id' && schema.attributes?.[field] ? field : null;
};

/**
 * A field path as an editor reads it: each attribute's label (the content manager's, else its
 * name), a dynamic zone entry by its component's display name, a repeatable one by its position
 * (`Sections › Hero › Category`, `Links #2 › Page`). `doc`: the version the path is of (a zone
 * entry's component is read from it).
 */
export const labelPath = async (strapi: Core.Strapi, uid: string, path: string, doc: unknown): Promise<string> => {
  const out: string[] = [];
  let model: any = strapi.getModel(uid as any);
  let attribute: any;
  let here: any = doc;
  for (const token of parsePath(path)) {
    here = here && typeof here === 'object' ? here[token] : undefined;
    if (typeof token === 'number') {
      if (attribute?.type === 'dynamiczone') {
        model = here?.__component ? strapi.getModel(here.__component) : null;
        out.push(model?.info?.displayName ?? `#${token + 1}`);
      } else out[out.length - 1] += ` #${token + 1}`;
      continue;
    }
    attribute = model?.attributes?.[token];
    const label = model?.uid ? (await configurationOf(strapi, model.uid))?.metadatas?.[token]?.edit?.label : undefined;
    out.push(typeof label === 'string' && label.trim() ? label : token);
    if (attribute?.type === 'component') model = strapi.getModel(attribute.component);
  }
  return out.join(' › ');
};

import { formatPath, parsePath, type GetComponent, type PathToken, type Schema, type TargetLayout } from '../content';

/**
 * The field a segment belongs to, and how a person names it: the content manager's labels from the
 * root ("Sections › Hero › Title"), or the attribute names humanised where none is configured.
 * A blocks field is one field (its paragraphs are segments of it); a list entry (repeatable
 * component, dynamic zone) is a field of its own per position. Pure: schemas, labels and the order's
 * recorded layout come in.
 */

export interface FieldName {
  /** The field's path: `title`, `content` (blocks), `sections[0].title`. */
  key: string;
  label: string[];
}

/** The label the content manager shows for an attribute of a model (null: none configured). */
export type LabelOf = (modelUid: string, attribute: string) => string | null;

/** `metaTitle` → "Meta title", `cover_image` → "Cover image". */
export const humanize = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
};

type Model = Schema & { uid?: string; info?: { displayName?: string } };

const labelFor = (labelOf: LabelOf, model: Model, attribute: string) => {
  const configured = model.uid ? labelOf(model.uid, attribute) : null;
  // The content manager's default label is the attribute's own name: humanise that one.
  return configured && configured !== attribute ? configured : humanize(attribute);
};

/** The component of a dynamic zone's entry, from the layout recorded when ordering. */
const zoneComponent = (
  layout: TargetLayout | null | undefined,
  at: PathToken[],
  index: number,
  components: string[]
): string | null => {
  const node = layout?.nodes?.[formatPath(at)];
  if (node?.kind === 'list') {
    const slot = node.create ? index : node.map[index];
    const sig = slot == null ? null : node.entries[slot]?.sig;
    if (sig) return sig;
  }
  return components.length === 1 ? components[0] : null;
};

export const fieldName = (
  path: string,
  model: Schema,
  getComponent: GetComponent,
  labelOf: LabelOf,
  layout?: TargetLayout | null
): FieldName => {
  let tokens: PathToken[];
  try {
    tokens = parsePath(path);
  } catch {
    return { key: path, label: [path] };
  }
  const label: string[] = [];
  let schema: Model | undefined = model as Model;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const attribute = typeof token === 'string' ? schema?.attributes?.[token] : undefined;
    if (!attribute || !schema) {
      // Beyond what the schema tells (a media's alternative text…): the names themselves.
      label.push(
        ...tokens
          .slice(i)
          .filter((t): t is string => typeof t === 'string')
          .map(humanize)
      );
      return { key: path, label };
    }
    label.push(labelFor(labelOf, schema, token as string));
    const next = tokens[i + 1];
    if (attribute.type === 'blocks') return { key: formatPath(tokens.slice(0, i + 1)), label };
    if (attribute.type === 'component' && !attribute.repeatable) {
      schema = getComponent(attribute.component ?? '') as Model | undefined;
      i += 1;
    } else if ((attribute.type === 'component' || attribute.type === 'dynamiczone') && typeof next === 'number') {
      const uid =
        attribute.type === 'dynamiczone'
          ? zoneComponent(layout, tokens.slice(0, i + 1), next, attribute.components ?? [])
          : (attribute.component ?? null);
      schema = uid ? (getComponent(uid) as Model | undefined) : undefined;
      if (attribute.type === 'dynamiczone') label.push(schema?.info?.displayName ?? `${next + 1}`);
      else label[label.length - 1] += ` ${next + 1}`;
      i += 2;
    } else {
      return { key: formatPath(tokens.slice(0, i + 1)), label };
    }
  }
  return { key: path, label };
};

/** Two fields named alike (two "Hero" sections): the later ones numbered, so that none is mistaken. */
export const distinctLabels = <T extends { label: string[] }>(fields: T[]): T[] => {
  const seen = new Map<string, number>();
  return fields.map((f) => {
    const name = f.label.join(' › ');
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? f : { ...f, label: [...f.label.slice(0, -1), `${f.label[f.label.length - 1]} (${n})`] };
  });
};

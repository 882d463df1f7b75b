import fc from 'fast-check';
import type { Attribute, InlineNode, Schema, TextLeaf } from '../../../server/src/content';

const word = fc.constantFrom('alpha', 'Beta', 'été', '日本語', 'x2', 'naïve', 'Über', 'Zoë', 'ok');
const sep = fc.constantFrom(' ', ' ', ', ', '. ', '! ', '\n', '\n\n', ': ', ' 3:00 ', ' 50% ');

/** Markdown-ish text: prose mixed with every construct a translator must not touch. */
export const markdownText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: word },
      { weight: 3, arbitrary: sep },
      // Stray syntax characters: unclosed emphasis, half links, lone backticks, pipes, entities…
      {
        weight: 1,
        arbitrary: fc.string({ unit: fc.constantFrom(...'*_`[]()<>!|#>~&;:{}%\\ \n-=+.'.split('')), maxLength: 6 }),
      },
      {
        weight: 4,
        arbitrary: word.chain((w) =>
          fc.constantFrom(
            `**${w}**`,
            `*${w}*`,
            `_${w}_`,
            `~~${w}~~`,
            `\`${w}\``,
            `[${w}](https://ex.com/${encodeURIComponent(w)} "t")`,
            `![${w}](/img/${encodeURIComponent(w)}.png)`,
            `![${w}](/img/a.png '${w} {n}')`,
            `[${w}](<https://ex.com/a b> (${w}))`,
            `<img src="/a.png" alt="${w}"> `,
            `<abbr title='${w} x'>${w}</abbr>`,
            `\n\n[ref]: https://r.io "${w}"\n\n`,
            `[${w}][ref]`,
            `<b>${w}</b>`,
            `<!-- ${w} -->`,
            `{${w}}`,
            `{{${w}}}`,
            '%s',
            ` :${w}`,
            ' https://ex.com/p?q=1 ',
            ' a@b.co ',
            '\n# ',
            '\n- ',
            '\n  - ',
            '\n> ',
            '\n1. ',
            `\n\n\`\`\`js\nconst ${w} = 1;\n\`\`\`\n\n`,
            '\n\n| a | b |\n|---|---|\n| c | d |\n\n',
            `\n\n<div>\n${w} <i>${w}</i>\n</div>\n\n`,
            '\n\n[ref]: https://r.io\n\n',
            '[[',
            ']]',
            '[',
            ']',
            '\\*',
            '&amp;',
            '***',
            '<script>x()</script>'
          )
        ),
      }
    ),
    { maxLength: 24 }
  )
  .map((parts) => parts.join(''));

const MARKS = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const;
const leaf: fc.Arbitrary<TextLeaf> = fc
  .record({
    text: fc.array(fc.oneof(word, sep, fc.constantFrom('{name}', ' https://x.io ', '[[', '%s')), {
      minLength: 1,
      maxLength: 4,
    }),
    marks: fc.subarray([...MARKS], { maxLength: 3 }),
  })
  .map(({ text, marks }) => ({
    type: 'text',
    text: text.join(''),
    ...Object.fromEntries(marks.map((m) => [m, true])),
  }));

const sameMarks = (a: TextLeaf, b: TextLeaf) => MARKS.every((m) => !!a[m] === !!b[m]);
const mergeLeaves = (leaves: TextLeaf[]) =>
  leaves.reduce<TextLeaf[]>((out, l) => {
    const prev = out[out.length - 1];
    if (prev && sameMarks(prev, l)) prev.text += l.text;
    else out.push({ ...l });
    return out;
  }, []);

/** Inline children in the shape Strapi's (Slate) editor saves: merged runs, a text leaf around links. */
export const inlineNodes: fc.Arbitrary<InlineNode[]> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: leaf.map((l) => [l]) },
      {
        weight: 1,
        arbitrary: fc
          .array(leaf, { minLength: 1, maxLength: 3 })
          .map((c) => [{ type: 'link', url: 'https://secret.example/x', children: mergeLeaves(c) } as InlineNode]),
      }
    ),
    {
      minLength: 1,
      maxLength: 6,
    }
  )
  .map((groups) => {
    const out: InlineNode[] = [];
    let run: TextLeaf[] = [];
    for (const node of groups.flat()) {
      if (node.type === 'text') run.push(node);
      else {
        const merged = mergeLeaves(run);
        out.push(...(merged.length ? merged : [{ type: 'text', text: '' } as TextLeaf]), node);
        run = [];
      }
    }
    const merged = mergeLeaves(run);
    out.push(...(merged.length ? merged : [{ type: 'text', text: '' } as TextLeaf]));
    return out;
  });

const simpleItem = inlineNodes.map((children) => ({ type: 'list-item', children }));
/** A list item may also hold a nested list after its text. */
const listItem = fc.oneof(
  { weight: 3, arbitrary: simpleItem },
  {
    weight: 1,
    arbitrary: fc
      .record({ text: inlineNodes, sub: fc.array(simpleItem, { minLength: 1, maxLength: 2 }) })
      .map(({ text, sub }) => ({
        type: 'list-item',
        children: [...text, { type: 'list', format: 'ordered', children: sub }],
      })),
  }
);
export const blocksValue = fc.array(
  fc.oneof(
    inlineNodes.map((children) => ({ type: 'paragraph', children })),
    fc.record({ level: fc.integer({ min: 1, max: 6 }), children: inlineNodes }).map((b) => ({ type: 'heading', ...b })),
    inlineNodes.map((children) => ({ type: 'quote', children })),
    fc
      .record({ a: fc.array(listItem, { minLength: 1, maxLength: 3 }), b: fc.array(listItem, { maxLength: 2 }) })
      .map(({ a, b }) => ({
        type: 'list',
        format: 'unordered',
        children: b.length ? [...a, { type: 'list', format: 'ordered', indentLevel: 1, children: b }] : a,
      })),
    fc.constant({ type: 'code', children: [{ type: 'text', text: 'let x = 1;' }] })
  ),
  { maxLength: 4 }
);

// ---- Schemas and documents ----------------------------------------------------------------------

const LEAF_TYPES: Attribute[] = [
  { type: 'string' },
  { type: 'text' },
  { type: 'richtext' },
  { type: 'blocks' },
  { type: 'integer' },
  { type: 'boolean' },
  { type: 'enumeration', enum: ['a', 'b'] },
  { type: 'media', multiple: false },
  { type: 'media', multiple: true },
];
const names = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const leafAttributes = fc.dictionary(names, fc.constantFrom(...LEAF_TYPES), { minKeys: 1, maxKeys: 4 });

export type World = { schema: Schema; components: Record<string, Schema> };

/** Two leaf components, one holding them (repeatable and single), and a content type using all. */
export const world: fc.Arbitrary<World> = fc
  .record({
    leaf1: leafAttributes,
    leaf2: leafAttributes,
    nested: leafAttributes,
    top: fc.dictionary(
      fc.constantFrom('title', 'summary', 'body', 'seo', 'items', 'zone', 'n', 'flag', 'cover', 'x1'),
      fc.record({
        attr: fc.oneof(
          fc.constantFrom(...LEAF_TYPES),
          fc.constantFrom<Attribute>(
            { type: 'component', component: 'c.leaf1', repeatable: false },
            { type: 'component', component: 'c.nested', repeatable: true },
            { type: 'component', component: 'c.nested', repeatable: false },
            { type: 'dynamiczone', components: ['c.leaf1', 'c.leaf2', 'c.nested'] }
          )
        ),
        localized: fc.boolean(),
      }),
      { minKeys: 1, maxKeys: 6 }
    ),
  })
  .map(({ leaf1, leaf2, nested, top }) => ({
    components: {
      'c.leaf1': { attributes: leaf1 },
      'c.leaf2': { attributes: leaf2 },
      'c.nested': {
        attributes: {
          ...nested,
          kids: { type: 'component', component: 'c.leaf2', repeatable: true },
          one: { type: 'component', component: 'c.leaf1', repeatable: false },
        },
      },
    },
    schema: {
      attributes: Object.fromEntries(
        Object.entries(top).map(([k, { attr, localized }]) => [k, { ...attr, pluginOptions: { i18n: { localized } } }])
      ),
    },
  }));

let ids = 1000;
const media = fc.nat({ max: 50 }).map((id) => ({ id, documentId: `f${id}`, url: `/u/${id}.png` }));
const shortText = fc.oneof(fc.constant(''), fc.constant(null), markdownText, word);

const valueOf = (attr: Attribute, components: Record<string, Schema>, depth: number): fc.Arbitrary<unknown> => {
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
      return shortText;
    case 'blocks':
      return blocksValue;
    case 'integer':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'enumeration':
      return fc.constantFrom('a', 'b', null);
    case 'media':
      return attr.multiple ? fc.array(media, { maxLength: 3 }) : fc.option(media, { nil: null });
    case 'component': {
      const one = docOf(components[attr.component!], components, depth + 1);
      return attr.repeatable ? fc.array(one, { maxLength: 3 }) : fc.option(one, { nil: null });
    }
    case 'dynamiczone':
      return fc.array(
        fc
          .constantFrom(...attr.components!)
          .chain((uid) => docOf(components[uid], components, depth + 1).map((d) => ({ __component: uid, ...d }))),
        { maxLength: 3 }
      );
    default:
      return fc.constant(null);
  }
};

export const docOf = (
  schema: Schema,
  components: Record<string, Schema>,
  depth = 0
): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record(Object.fromEntries(Object.entries(schema.attributes).map(([k, a]) => [k, valueOf(a, components, depth)])))
    .map((d) => ({ id: ids++, ...d }));

import { buildDeepPopulate, MEDIA_FIELDS, RELATION_FIELDS } from '../../../server/src/platform/populate';
import type { Schema } from '../../../server/src/content';

const components: Record<string, Schema> = {
  'shared.seo': { attributes: { metaTitle: { type: 'string' }, image: { type: 'media' } } },
  'shared.link': { attributes: { label: { type: 'string' } } },
  'sections.hero': {
    attributes: { heading: { type: 'string' }, cta: { type: 'component', component: 'shared.link', repeatable: true } },
  },
  'sections.quote': { attributes: { text: { type: 'text' } } },
  'sections.deep': { attributes: { inner: { type: 'component', component: 'sections.hero' } } },
  'loop.a': { attributes: { b: { type: 'component', component: 'loop.a' } } },
};
const getComponent = (uid: string) => components[uid];

describe('buildDeepPopulate', () => {
  it('populates components, dynamic zones (on fragments), media and relations; nothing else', () => {
    const schema: Schema = {
      attributes: {
        title: { type: 'string' },
        content: { type: 'blocks' },
        seo: { type: 'component', component: 'shared.seo' },
        links: { type: 'component', component: 'shared.link', repeatable: true },
        sections: { type: 'dynamiczone', components: ['sections.hero', 'sections.quote', 'sections.deep'] },
        cover: { type: 'media' },
        category: { type: 'relation', relation: 'manyToOne', target: 'api::category.category' },
        localizations: { type: 'relation', relation: 'oneToMany', target: 'api::article.article' },
        createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
        hidden: { type: 'relation', relation: 'morphToMany', visible: false },
      },
    };
    expect(buildDeepPopulate(schema, getComponent)).toEqual({
      seo: { populate: { image: { fields: MEDIA_FIELDS } } },
      links: true,
      sections: {
        on: {
          'sections.hero': { populate: { cta: true } },
          'sections.quote': true,
          'sections.deep': { populate: { inner: { populate: { cta: true } } } },
        },
      },
      cover: { fields: MEDIA_FIELDS },
      category: { fields: RELATION_FIELDS },
    });
  });

  it('an empty schema needs nothing; unknown components and cycles throw', () => {
    expect(buildDeepPopulate({ attributes: { title: { type: 'string' } } }, getComponent)).toEqual({});
    expect(() =>
      buildDeepPopulate({ attributes: { x: { type: 'component', component: 'nope' } } }, getComponent)
    ).toThrow(/Unknown component "nope"/);
    expect(() =>
      buildDeepPopulate({ attributes: { x: { type: 'component', component: 'loop.a' } } }, getComponent)
    ).toThrow(/deeper than/);
  });
});

import { hidden } from '../hidden';

/** A named lease, so that one Strapi instance among several runs a task (the poller) at a time. */
export default {
  kind: 'collectionType',
  collectionName: 'gengo_leases',
  info: { singularName: 'lease', pluralName: 'leases', displayName: 'Gengo lease' },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    name: { type: 'string', required: true, unique: true },
    holder: { type: 'string' },
    expiresAt: { type: 'datetime' },
  },
  indexes: [{ name: 'gengo_leases_name_uq', columns: ['name'], type: 'unique' }],
};

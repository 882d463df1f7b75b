/** The plugin's own records: kept out of the content manager and the content-type builder. */
export const hidden = {
  'content-manager': { visible: false },
  'content-type-builder': { visible: false },
};

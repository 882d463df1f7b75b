import { seg, type Call } from '../request';
import type { Glossary } from '../types';

export const glossaryEndpoints = (call: Call) => ({
  /** `GET translate/glossary`: the account's glossaries. */
  listGlossaries: () => call<Glossary[]>('GET', 'translate/glossary'),
  /** `GET translate/glossary/{id}`. */
  getGlossary: (id: number | string) => call<Glossary>('GET', `translate/glossary/${seg(id)}`),
});

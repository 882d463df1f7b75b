import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  isLocalizedApiType,
  PUBLISH_RULES_PATH,
  type ContentTypeInfo,
  type EffectiveRule,
  type PublishRule,
} from '../../api/publish-rules';
import { fieldErrorsOf, type FieldErrors } from './useSettingsForm';

export type RuleRow = { type: ContentTypeInfo; rule: EffectiveRule };

const emptyRule = (contentType: string): EffectiveRule => ({
  contentType,
  enabled: false,
  locales: [],
  tier: null,
  autoApprove: null,
  comment: null,
  sourceLocale: null,
  triggers: ['admin'],
  fixed: false,
});

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- `fixed` is left out of what is saved
const body = ({ fixed, ...rule }: EffectiveRule): PublishRule => rule;

/**
 * The translate-on-publish rules of every localized content type: loads rules, types and locales,
 * keeps the edits, and saves the editable rules (those stored before or edited here; config rules
 * are fixed and never sent). Errors come back keyed `<contentType>.<field>`.
 */
export const usePublishRules = () => {
  const { get, put } = useFetchClient();
  const [rows, setRows] = React.useState<RuleRow[] | null>(null);
  const [locales, setLocales] = React.useState<Array<{ code: string; name: string; isDefault: boolean }>>([]);
  const [stored, setStored] = React.useState<Set<string>>(new Set());
  const [edited, setEdited] = React.useState<Set<string>>(new Set());
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);

  const accept = (rules: EffectiveRule[], types: ContentTypeInfo[]) => {
    const byType = new Map(rules.map((r) => [r.contentType, r]));
    setRows(
      types.filter(isLocalizedApiType).map((type) => ({ type, rule: byType.get(type.uid) ?? emptyRule(type.uid) }))
    );
    setStored(new Set(rules.filter((r) => !r.fixed).map((r) => r.contentType)));
    setEdited(new Set());
    setErrors({});
  };

  React.useEffect(() => {
    Promise.all([
      get<{ data: { rules: EffectiveRule[] } }>(PUBLISH_RULES_PATH),
      get<{ data: ContentTypeInfo[] }>('/content-manager/content-types'),
      get<Array<{ code: string; name: string; isDefault: boolean }>>('/i18n/locales'),
    ]).then(
      ([rules, types, locs]) => {
        setLocales(locs.data);
        accept(rules.data.data.rules, types.data.data);
      },
      (err: any) => setLoadError(err?.message ?? String(err))
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const change = (contentType: string, patch: Partial<PublishRule>) => {
    setRows(
      (prev) => prev && prev.map((r) => (r.type.uid === contentType ? { ...r, rule: { ...r.rule, ...patch } } : r))
    );
    setEdited((prev) => new Set(prev).add(contentType));
  };

  const save = async (): Promise<boolean> => {
    if (!rows) return false;
    const sent = rows.filter((r) => !r.rule.fixed && (stored.has(r.type.uid) || edited.has(r.type.uid)));
    setSaving(true);
    try {
      const { data } = await put<{ data: { rules: EffectiveRule[] } }>(PUBLISH_RULES_PATH, {
        rules: sent.map((r) => body(r.rule)),
      });
      accept(
        data.data.rules,
        rows.map((r) => r.type)
      );
      return true;
    } catch (err: any) {
      // `rules.<i>.<field>` → `<contentType>.<field>`, i being the index in what was sent.
      const byIndex = fieldErrorsOf(err) ?? {};
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(byIndex)) {
        const [, i, field] = path.match(/^rules\.(\d+)\.?(.*)$/) ?? [];
        const uid = i !== undefined ? sent[Number(i)]?.type.uid : undefined;
        mapped[uid ? `${uid}.${field || 'contentType'}` : '_form'] = message;
      }
      if (!Object.keys(mapped).length)
        mapped._form = err?.response?.data?.error?.message ?? err?.message ?? String(err);
      setErrors(mapped);
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { rows, locales, errors, loadError, saving, dirty: edited.size > 0, change, save };
};

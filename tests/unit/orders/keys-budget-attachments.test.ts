import { imageAttachments, previewAttachment } from '../../../server/src/ordering/attachments';
import { checkBudget, monthStart } from '../../../server/src/ordering/budget';
import { derivedRequestKeys, explicitRequestKey, REQUEST_WINDOW_MS } from '../../../server/src/ordering/keys';

describe('request keys', () => {
  const input = {
    userId: 1,
    uid: 'api::article.article',
    documentId: 'd1',
    sourceLocale: 'en',
    targetLocale: 'fr',
    tier: 'standard',
    segmentHashes: ['a', 'b'],
    options: { asGroup: true, comment: null },
  };
  const t = 1_800_000_000_000;

  it('the same request in the same window gives the same key; the next window sees the previous one', () => {
    const a = derivedRequestKeys(input, t);
    expect(
      derivedRequestKeys({ ...input, segmentHashes: ['b', 'a'], options: { comment: null, asGroup: true } }, t + 1)
    ).toEqual(a);
    const next = derivedRequestKeys(input, t + REQUEST_WINDOW_MS);
    expect(next.current).not.toBe(a.current);
    expect(next.previous).toBe(a.current);
  });

  it.each([
    ['userId', 2],
    ['targetLocale', 'de'],
    ['tier', 'pro'],
    ['segmentHashes', ['a', 'c']],
    ['options', { asGroup: false }],
  ])('another %s is another order', (key, value) => {
    expect(derivedRequestKeys({ ...input, [key]: value }, t).current).not.toBe(derivedRequestKeys(input, t).current);
  });

  it('explicit keys are scoped to the user and the locale', () => {
    const k = explicitRequestKey('click-1', 1, 'fr');
    expect(k).toMatch(/^k:[0-9a-f]{64}$/);
    expect(explicitRequestKey('click-1', 1, 'fr')).toBe(k);
    expect(explicitRequestKey('click-1', 2, 'fr')).not.toBe(k);
    expect(explicitRequestKey('click-1', 1, 'de')).not.toBe(k);
  });
});

describe('budget', () => {
  const base = {
    cost: 10,
    balance: 50,
    currency: 'USD',
    budgetPerOrder: null,
    budgetPerMonth: null,
    spentThisMonth: 0,
  };
  it('passes within balance and caps, at the limits too', () => {
    expect(checkBudget(base)).toEqual({ ok: true });
    expect(checkBudget({ ...base, balance: 10, budgetPerOrder: 10, budgetPerMonth: 30, spentThisMonth: 20 })).toEqual({
      ok: true,
    });
  });
  it('refuses with the reason and a clear message', () => {
    expect(checkBudget({ ...base, balance: 9.99 })).toEqual({
      ok: false,
      reason: 'balance',
      message:
        'Not enough Gengo credits: the order costs 10.00 USD and the balance is 9.99 USD. Top up the Gengo account.',
    });
    expect(checkBudget({ ...base, budgetPerOrder: 5 })).toMatchObject({ ok: false, reason: 'order-cap' });
    expect(checkBudget({ ...base, budgetPerMonth: 25, spentThisMonth: 20 })).toMatchObject({
      ok: false,
      reason: 'month-cap',
    });
  });
  it('months start on the 1st, UTC', () => {
    expect(monthStart(new Date('2026-11-23T14:00:00Z')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('attachments', () => {
  const doc = {
    cover: { id: 1, url: '/uploads/cover.png', mime: 'image/png', name: 'cover.png' },
    sections: [
      {
        gallery: [
          { url: 'https://cdn.example.com/a.jpg', mime: 'image/jpeg', name: 'a.jpg' },
          { url: '/uploads/doc.pdf', mime: 'application/pdf', name: 'doc.pdf' },
        ],
      },
    ],
    again: { url: 'https://cdn.example.com/a.jpg', mime: 'image/jpeg', name: 'a.jpg' },
  };
  it('collects images anywhere, made absolute with the public URL, once each', () => {
    expect(imageAttachments(doc, 'https://cms.example.com')).toEqual([
      { url: 'https://cms.example.com/uploads/cover.png', filename: 'cover.png', mime_type: 'image/png' },
      { url: 'https://cdn.example.com/a.jpg', filename: 'a.jpg', mime_type: 'image/jpeg' },
    ]);
  });
  it('leaves relative URLs out without a public URL', () => {
    expect(imageAttachments(doc, null).map((a) => a.url)).toEqual(['https://cdn.example.com/a.jpg']);
    expect(imageAttachments(doc, 'https://cms.example.com', 1)).toHaveLength(1);
  });
  it('a preview link is an html attachment', () => {
    expect(previewAttachment('/preview/article/d1', 'https://cms.example.com/')).toEqual({
      url: 'https://cms.example.com/preview/article/d1',
      filename: 'preview.html',
      mime_type: 'text/html',
    });
    expect(previewAttachment(null, 'https://cms.example.com')).toBeNull();
    expect(previewAttachment('/p', null)).toBeNull();
  });
  it('a preview link never carries a secret: secret-like parameters, the preview secret, credentials', () => {
    const SECRET = 'prev-secret-9f8e7d';
    const url = (u: string) => previewAttachment(u, 'https://cms.example.com/', [SECRET])?.url ?? null;
    // Strapi's documented handler: `${clientUrl}/api/preview?secret=…&url=…&status=draft`.
    expect(url(`https://front.example.com/api/preview?secret=${SECRET}&url=%2Fblog%2Fa&status=draft`)).toBe(
      'https://front.example.com/api/preview?url=%2Fblog%2Fa&status=draft'
    );
    expect(url('/preview/a?locale=en&token=abc&access_token=x&api_key=k&sig=s&X-Amz-Signature=z&jwt=j')).toBe(
      'https://cms.example.com/preview/a?locale=en'
    );
    expect(url(`/preview/a?p=${encodeURIComponent(SECRET)}&q=pre${SECRET}`)).toBe('https://cms.example.com/preview/a');
    expect(url('https://user:pass@front.example.com/p#token=abc')).toBe('https://front.example.com/p');
    // The secret in the path: the link is not sent at all.
    expect(url(`https://front.example.com/preview/${SECRET}/a`)).toBeNull();
    expect(url('https://front.example.com/p?100%=x')).toBe('https://front.example.com/p?100%=x');
  });
});

import { configure } from '@testing-library/react';

/** What jsdom lacks and the design system (Radix, floating-ui) calls. */
class ObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, {
  ResizeObserver: (globalThis as any).ResizeObserver ?? ObserverStub,
  IntersectionObserver: (globalThis as any).IntersectionObserver ?? ObserverStub,
});
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as any;
}
Element.prototype.scrollIntoView ??= function () {};
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => {};

// getByRole checks each element's visibility through getComputedStyle, which jsdom computes by
// cascading every design-system rule; nothing here is hidden by CSS alone, so the check is skipped.
// findBy/waitFor wait up to 5 s (1 s by default): on a busy machine a re-render of the whole
// settings page can take longer than a second.
configure({ defaultHidden: true, asyncUtilTimeout: 5_000 });

// The settings page renders hundreds of design-system elements in React's development build.
jest.setTimeout(20_000);

/** What jsdom lacks and the design system (Radix, floating-ui) calls. */
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, {
  ResizeObserver: (globalThis as any).ResizeObserver ?? ResizeObserverStub,
  IntersectionObserver: (globalThis as any).IntersectionObserver ?? ResizeObserverStub,
});
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as any;
}
Element.prototype.scrollIntoView ??= function () {};
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => {};

// styled-components outside production appends each rule as a text node, and jsdom re-parses the
// whole <style> on every append; its CSSOM mode (insertRule) parses one rule at a time.
(globalThis as any).SC_DISABLE_SPEEDY = false;

// getByRole checks each element's visibility through getComputedStyle, which jsdom computes by
// cascading every design-system rule: seconds per query on a settings page. Nothing here is hidden
// by CSS alone, so the check is skipped.
import { configure } from '@testing-library/react';
configure({ defaultHidden: true });

// A settings page renders hundreds of design-system elements in React's development build; on a
// busy machine one test can take a few seconds of wall time.
jest.setTimeout(20_000);

/**
 * Moves focus to an element that is not normally focusable, such as <main> or a heading, so that
 * screen readers announce it. As in GOV.UK Frontend's skip link, the temporary tabindex goes
 * again on blur so that clicking the element later does not focus it.
 */
export function focusNonInteractive(element: HTMLElement, options?: FocusOptions) {
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.focus(options);
}

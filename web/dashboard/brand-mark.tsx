/** The product mark: a stylised watchful eye. Decorative; the product name is always next to it. */
export function BrandMark({ className = 'brand-mark' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M2 16c3.6-6.2 8.4-9.3 14-9.3S26.4 9.8 30 16c-3.6 6.2-8.4 9.3-14 9.3S5.6 22.2 2 16Z" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinejoin="round" />
      <circle cx="16" cy="16" r="5.2" fill="currentColor" />
    </svg>
  );
}

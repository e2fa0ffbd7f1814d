/**
 * The interface's icons: a small hand-drawn set on a 16px grid, stroked with currentColor so they
 * follow the theme. Decorative: the control that holds one carries the accessible name.
 */
import type { ReactElement } from 'react';

const paths: Record<string, ReactElement> = {
  library: (
    <>
      <rect x="2.5" y="2.5" width="3" height="11" rx="0.6" />
      <rect x="6.5" y="2.5" width="3" height="11" rx="0.6" />
      <path d="M10.8 3.2l2.6-.7 2.1 10.3-2.6.7z" />
    </>
  ),
  search: (
    <>
      <circle cx="7" cy="7" r="4.25" />
      <path d="M10.2 10.2l3.3 3.3" />
    </>
  ),
  import: (
    <>
      <path d="M8 2.5v7.5M5 7l3 3 3-3" />
      <path d="M2.5 10.5v2a1 1 0 001 1h9a1 1 0 001-1v-2" />
    </>
  ),
  folder: <path d="M2.5 4.5a1 1 0 011-1h3l1.5 1.5h4.5a1 1 0 011 1v6a1 1 0 01-1 1h-9a1 1 0 01-1-1z" />,
  paste: (
    <>
      <rect x="3.5" y="3" width="9" height="11" rx="1" />
      <path d="M6 3V2h4v1M6 7h4M6 9.5h4M6 12h2" />
    </>
  ),
  note: (
    <>
      <path d="M3.5 2.5h6l3 3v8h-9z" />
      <path d="M9.5 2.5v3h3M5.5 8.5h5M5.5 11h3.5" />
    </>
  ),
  dossier: (
    <>
      <path d="M2.5 4h4l1 1.2h6v8.3h-11z" />
      <path d="M2.5 6.8h11" />
    </>
  ),
  highlight: (
    <>
      <path d="M9.6 2.8l3.6 3.6-5.4 5.4-3.6-3.6z" />
      <path d="M4.2 8.2l-1.7 4.3 1 1 4.3-1.7M2.5 13.5h4" />
    </>
  ),
  'panel-left': (
    <>
      <rect x="2" y="3" width="12" height="10" rx="1.2" />
      <path d="M6 3v10" />
    </>
  ),
  'panel-right': (
    <>
      <rect x="2" y="3" width="12" height="10" rx="1.2" />
      <path d="M10 3v10" />
    </>
  ),
  close: <path d="M4 4l8 8M12 4l-8 8" />,
  undo: (
    <>
      <path d="M5.5 4L3 6.5 5.5 9" />
      <path d="M3 6.5h6.5a3.25 3.25 0 010 6.5H7" />
    </>
  ),
  trash: (
    <>
      <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.6a1 1 0 001 .9h3.8a1 1 0 001-.9l.6-8.6" />
    </>
  ),
  edit: (
    <>
      <path d="M10.5 2.8l2.7 2.7-7.4 7.4-3.3.6.6-3.3z" />
    </>
  ),
  check: <path d="M3.5 8.5l3 3 6-7" />,
  chevron: <path d="M6 4l4 4-4 4" />,
  'chevron-down': <path d="M4 6l4 4 4-4" />,
  sun: (
    <>
      <circle cx="8" cy="8" r="2.8" />
      <path d="M8 1.8v1.5M8 12.7v1.5M1.8 8h1.5M12.7 8h1.5M3.6 3.6l1 1M11.4 11.4l1 1M3.6 12.4l1-1M11.4 4.6l1-1" />
    </>
  ),
  moon: <path d="M12.8 9.8A5.2 5.2 0 016.2 3.2a5.2 5.2 0 106.6 6.6z" />,
  monitor: (
    <>
      <rect x="2" y="3" width="12" height="8" rx="1" />
      <path d="M6 14h4M8 11v3" />
    </>
  ),
  keyboard: (
    <>
      <rect x="1.5" y="4" width="13" height="8" rx="1.2" />
      <path d="M4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6" />
    </>
  ),
  file: (
    <>
      <path d="M4 2.5h5l3 3v8H4z" />
      <path d="M9 2.5v3h3" />
    </>
  ),
  link: (
    <>
      <path d="M7 9a2.5 2.5 0 003.5 0l2-2A2.5 2.5 0 009 3.5l-.8.8" />
      <path d="M9 7a2.5 2.5 0 00-3.5 0l-2 2A2.5 2.5 0 007 12.5l.8-.8" />
    </>
  ),
  tag: (
    <>
      <path d="M2.5 2.5h5.2l5.8 5.8-5.2 5.2-5.8-5.8z" />
      <circle cx="5.3" cy="5.3" r="0.9" />
    </>
  ),
  sample: (
    <>
      <path d="M3 2.5h7.5l2.5 2.5v8.5H3z" />
      <path d="M5.5 7h5M5.5 9.5h5M5.5 12h3" />
    </>
  ),
  warning: (
    <>
      <path d="M8 2.5l6 10.5H2z" />
      <path d="M8 6.5v3M8 11.2h.01" />
    </>
  ),
  plus: <path d="M8 3v10M3 8h10" />,
  backup: (
    <>
      <path d="M2.8 8a5.2 5.2 0 101.6-3.75" />
      <path d="M2.6 2.4v2.4H5" />
      <path d="M8 5.2V8l2 1.3" />
    </>
  ),
  sort: <path d="M5 3v10M2.5 10.5L5 13l2.5-2.5M11 13V3M8.5 5.5L11 3l2.5 2.5" />,
  filter: <path d="M2.5 3.5h11L9.5 8.5v4l-3 1.5V8.5z" />,
  timeline: (
    <>
      <path d="M4 2.5v11" />
      <circle cx="4" cy="4.5" r="1.3" />
      <circle cx="4" cy="11" r="1.3" />
      <path d="M7 4.5h6.5M7 7h4M7 11h6.5" />
    </>
  ),
};

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }): ReactElement {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}

/** The app's mark: a folded quire of pages with a highlighter stroke. */
export function QuireMark({ size = 20 }: { size?: number }): ReactElement {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="4" y="3" width="24" height="26" rx="4" fill="var(--accent)" />
      <path d="M9 10h14M9 15h14M9 20h9" stroke="var(--accent-contrast)" strokeWidth="2" strokeLinecap="round" opacity="0.55" />
      <rect x="8" y="13" width="12" height="4.5" rx="1.2" fill="#F0C419" opacity="0.95" />
    </svg>
  );
}

import type { CSSProperties, ReactNode } from 'react';

export type StatusTone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

/** A tone's foreground colour, for icons and bars outside a pill. */
export const toneColor: Record<StatusTone, string> = {
  success: 'var(--bui-fg-positive)',
  danger: 'var(--bui-fg-negative)',
  warning: 'var(--bui-fg-warning)',
  info: 'var(--bui-fg-announcement)',
  neutral: 'var(--bui-fg-secondary)',
};

const toneStyles: Record<StatusTone, CSSProperties> = {
  success: {
    background: 'var(--bui-positive-bg-subdued)',
    color: 'var(--bui-positive-fg-subdued)',
    borderColor: 'var(--bui-positive-border)',
  },
  danger: {
    background: 'var(--bui-negative-bg-subdued)',
    color: 'var(--bui-negative-fg-subdued)',
    borderColor: 'var(--bui-negative-border)',
  },
  warning: {
    background: 'var(--bui-warning-bg-subdued)',
    color: 'var(--bui-warning-fg-subdued)',
    borderColor: 'var(--bui-warning-border)',
  },
  info: {
    background: 'var(--bui-announcement-bg-subdued)',
    color: 'var(--bui-announcement-fg-subdued)',
    borderColor: 'var(--bui-announcement-border)',
  },
  neutral: {
    background: 'var(--bui-bg-neutral-2)',
    color: 'var(--bui-fg-secondary)',
    borderColor: 'var(--bui-border-1)',
  },
};

const baseStyle: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 'var(--bui-space-1)',
  padding: '2px var(--bui-space-2)',
  borderRadius: 'var(--bui-radius-full)',
  borderWidth: 1,
  borderStyle: 'solid',
  fontSize: 'var(--bui-font-size-2)',
  fontWeight: 600,
  lineHeight: 1.5,
  whiteSpace: 'nowrap',
};

/**
 * A coloured label for a state (pass, failed, approved, elite, …). Background UI's
 * Badge has no status colours yet, so this uses its semantic tokens directly.
 */
export function StatusPill(props: {
  tone: StatusTone;
  icon?: ReactNode;
  children: ReactNode;
}) {
  const { tone, icon, children } = props;
  return (
    <span data-tone={tone} style={{ ...baseStyle, ...toneStyles[tone] }}>
      {icon}
      {children}
    </span>
  );
}

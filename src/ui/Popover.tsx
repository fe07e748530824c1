import type { ReactNode } from 'react';

/**
 * A small dialog under a top-bar button (share link, image export). Esc
 * closes it and goes no further: it must not also close the place panel.
 */
export function Popover({
  label,
  labelledBy,
  onClose,
  children,
}: {
  label?: string;
  labelledBy?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div
      className="popover"
      role="dialog"
      aria-label={label}
      aria-labelledby={labelledBy}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {children}
    </div>
  );
}

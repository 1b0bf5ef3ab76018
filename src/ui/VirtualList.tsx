import { useState, type ReactNode, type UIEvent } from 'react';

/** Rows rendered beyond the visible ones, so fast scrolling does not show blanks. */
const OVERSCAN_ROWS = 6;

/**
 * A list that renders only the rows in view (fixed row height), so thousands of visits open in a
 * blink. Items keep their list semantics and report their position to screen readers.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  label,
  renderRow,
  itemKey,
}: {
  items: readonly T[];
  rowHeight: number;
  /** The viewport's height in px. */
  height: number;
  label: string;
  renderRow: (item: T, index: number) => ReactNode;
  itemKey: (item: T) => string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN_ROWS);
  return (
    <div
      className="virtual-list"
      style={{ height, overflowY: 'auto' }}
      onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
      role="region"
      aria-label={label}
    >
      <ul
        style={{
          height: items.length * rowHeight,
          position: 'relative',
          margin: 0,
          padding: 0,
          listStyle: 'none',
        }}
      >
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <li
              key={itemKey(item)}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ position: 'absolute', top: index * rowHeight, left: 0, right: 0, height: rowHeight }}
            >
              {renderRow(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

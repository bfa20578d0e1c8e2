import type { TableColumnsType } from 'antd';
import type { TdHTMLAttributes } from 'react';

/**
 * Names every cell after its column's title (`data-label`), so that on a phone a table
 * inside `.stack-on-phone` (global.css) shows each row as a card of labelled lines
 * instead of squeezing its columns to a character or two (issue 14, 390 px).
 */
export function labelled<T>(columns: TableColumnsType<T>): TableColumnsType<T> {
  return columns.map((c) => ({
    ...c,
    onCell: (record: T, index?: number) =>
      ({
        ...(c.onCell?.(record, index) ?? {}),
        'data-label': typeof c.title === 'string' ? c.title : '',
      }) as TdHTMLAttributes<HTMLElement>,
  }));
}

import type { CSSProperties, ReactNode } from 'react';

/** Visually hidden, still read by screen readers (the data table behind each chart). */
export const SR_ONLY: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export interface BarDatum {
  label: string;
  value: number | null;
  /** How the value reads (e.g. "85%"); defaults to the number. */
  display?: string;
  /** Emphasise a bar (e.g. the city total). */
  highlight?: boolean;
}

const COLOURS = { bar: '#1d4ed8', highlight: '#b45309', empty: '#8c8c8c', text: '#1f1f1f', grid: '#e5e7eb' };

/**
 * A small horizontal bar chart in SVG. The picture is decoration for sighted
 * users (aria-hidden); the same figures are in a data table that screen readers
 * read (visually hidden), so no number exists only as pixels. Bars carry their
 * value as text, colours meet contrast on white, and no colour carries meaning alone.
 */
export function BarChart({
  title,
  data,
  unit,
  max,
  testId,
  note,
}: {
  title: string;
  data: BarDatum[];
  unit?: string;
  max?: number;
  testId?: string;
  note?: ReactNode;
}) {
  const labelWidth = Math.min(200, 24 + Math.max(4, ...data.map((d) => d.label.length)) * 14);
  const valueWidth = 72;
  const width = 560;
  const barArea = width - labelWidth - valueWidth;
  const rowH = 28;
  const height = Math.max(1, data.length) * rowH + 8;
  const top = Math.max(max ?? 0, ...data.map((d) => d.value ?? 0), 1);
  const text = (d: BarDatum) => (d.value === null ? '无数据' : (d.display ?? `${d.value}${unit ?? ''}`));
  return (
    <figure style={{ margin: 0 }} data-testid={testId}>
      <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>
        {title}
        {unit ? <span style={{ fontWeight: 400, color: '#595959' }}>（单位：{unit}）</span> : null}
      </figcaption>
      {data.length === 0 ? (
        <p style={{ color: '#595959' }}>暂无数据</p>
      ) : (
        <svg
          aria-hidden="true"
          focusable="false"
          viewBox={`0 0 ${width} ${height}`}
          style={{ width: '100%', maxWidth: width, height: 'auto', display: 'block' }}
        >
          {data.map((d, i) => {
            const y = 4 + i * rowH;
            const w = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, (d.value / top) * barArea);
            return (
              <g key={d.label}>
                <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize={13} fill={COLOURS.text}>
                  <title>{d.label}</title>
                  {fit(d.label, Math.floor((labelWidth - 12) / 13))}
                </text>
                <rect
                  x={labelWidth}
                  y={y + 4}
                  width={barArea}
                  height={rowH - 10}
                  fill={COLOURS.grid}
                  rx={2}
                />
                <rect
                  x={labelWidth}
                  y={y + 4}
                  width={w}
                  height={rowH - 10}
                  fill={d.highlight ? COLOURS.highlight : COLOURS.bar}
                  rx={2}
                />
                <text
                  x={labelWidth + barArea + 8}
                  y={y + 18}
                  fontSize={13}
                  fontWeight={d.highlight ? 700 : 400}
                  fill={d.value === null ? COLOURS.empty : COLOURS.text}
                >
                  {text(d)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {note ? <div style={{ color: '#595959', fontSize: 12, marginTop: 4 }}>{note}</div> : null}
      <table style={SR_ONLY}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">数值{unit ? `（${unit}）` : ''}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{text(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A long label (a material's full name) is shortened in the picture; the table keeps it whole. */
const fit = (label: string, chars: number): string =>
  label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1))}…`;

export const percent = (x: number | null | undefined): string =>
  x === null || x === undefined ? '无数据' : `${Math.round(x * 1000) / 10}%`;

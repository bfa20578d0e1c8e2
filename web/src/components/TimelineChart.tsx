import { useEffect, useId, useRef, useState } from 'react';
import type { TimelinePoint } from '../api/contract';

/** One month of a projection (the plan's baseline timeline). */
export type ChartPoint = TimelinePoint;

export interface ChartMarker {
  date: string;
  label: string;
}

/**
 * A month-by-month total as a line against a horizontal standard line (120),
 * in plain SVG: scales with its container, readable on a phone, and accessible
 * — a text summary for screen readers (role="img" + <title>/<desc>) and the
 * same numbers as a table behind a toggle. Provisional points are drawn dashed.
 */
export function TimelineChart(props: {
  points: ChartPoint[];
  standard: number;
  /** Where the line first reaches the standard (drawn as a dot with its date). */
  reachedOn?: string | null;
  markers?: ChartMarker[];
  title: string;
}) {
  const { points, standard } = props;
  const id = useId();
  const [table, setTable] = useState(false);
  // Drawn at the container's own width, so the labels stay 12px on a phone too.
  const box = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(720);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(280, Math.round(e!.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  if (points.length === 0) return null;
  const W = width;
  const H = width < 500 ? 240 : 300;
  const pad = { l: 44, r: 16, t: 16, b: 36 };
  const totals = points.map((p) => p.total);
  const yMax = Math.ceil((Math.max(standard, ...totals) * 1.1) / 20) * 20;
  // The axis starts near the lowest total (not at 0), so a few points' change stays visible.
  const lowest = Math.min(standard, ...totals);
  const yMin = lowest < 0 ? Math.floor(lowest / 20) * 20 : Math.max(0, Math.floor((lowest - 30) / 20) * 20);
  const x = (i: number) => pad.l + (i / Math.max(1, points.length - 1)) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - yMin) / (yMax - yMin)) * (H - pad.t - pad.b);
  const path = (from: number, to: number) =>
    points
      .slice(from, to + 1)
      .map((p, k) => `${k === 0 ? 'M' : 'L'}${x(from + k).toFixed(1)},${y(p.total).toFixed(1)}`)
      .join(' ');
  const firstProvisional = points.findIndex((p) => p.provisional);
  const solidEnd = firstProvisional < 0 ? points.length - 1 : Math.max(0, firstProvisional - 1);
  const yTicks: number[] = [];
  const step = yMax - yMin > 300 ? 100 : yMax - yMin > 150 ? 50 : 20;
  for (let v = yMin; v <= yMax; v += step) yTicks.push(v);
  const yearTicks = points
    .map((p, i) => ({ i, year: p.date.slice(0, 4), month: p.date.slice(5, 7) }))
    .filter((t, k) => k === 0 || t.month === '01')
    // The first label only when the next January is far enough away not to overlap it.
    .filter((t, k, all) => k > 0 || all.length < 2 || all[1]!.i - t.i > 4);
  const everyYear = Math.ceil(yearTicks.length / Math.max(3, Math.floor(W / 70)));
  const reachedIndex = props.reachedOn ? points.findIndex((p) => p.date >= props.reachedOn!) : -1;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary =
    `${first.date} 总分 ${first.total} 分，${last.date} 总分 ${last.total} 分；标准分值 ${standard} 分。` +
    (props.reachedOn ? `预计 ${props.reachedOn} 达到标准分值。` : '测算期内未达到标准分值。');

  return (
    <figure style={{ margin: 0 }} ref={box}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        style={{ display: 'block', maxHeight: 340, fontFamily: 'inherit' }}
        data-testid="timeline-chart"
      >
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#e5e7eb" />
            <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#4b5563">
              {v}
            </text>
          </g>
        ))}
        {yearTicks
          .filter((_, k) => k % everyYear === 0)
          .map((t) => (
            <text key={t.i} x={x(t.i)} y={H - pad.b + 18} textAnchor="middle" fontSize="12" fill="#4b5563">
              {t.year}
            </text>
          ))}
        <line
          x1={pad.l}
          x2={W - pad.r}
          y1={y(standard)}
          y2={y(standard)}
          stroke="#b91c1c"
          strokeWidth="2"
          strokeDasharray="6 4"
        />
        <text
          x={pad.l + 6}
          y={y(standard) - 6}
          fontSize="13"
          fill="#b91c1c"
          fontWeight="600"
          stroke="#fff"
          strokeWidth="4"
          paintOrder="stroke"
        >
          标准分值 {standard}
        </text>
        <path d={path(0, solidEnd)} fill="none" stroke="#1d4ed8" strokeWidth="2.5" />
        {firstProvisional >= 0 && (
          <path
            d={path(Math.max(0, firstProvisional - 1), points.length - 1)}
            fill="none"
            stroke="#1d4ed8"
            strokeWidth="2.5"
            strokeDasharray="5 4"
          />
        )}
        {(props.markers ?? []).map((m) => {
          const i = points.findIndex((p) => p.date >= m.date);
          if (i < 0) return null;
          return (
            <g key={`${m.date}-${m.label}`}>
              <line x1={x(i)} x2={x(i)} y1={pad.t} y2={H - pad.b} stroke="#9ca3af" strokeDasharray="2 3" />
            </g>
          );
        })}
        {reachedIndex >= 0 && (
          <g>
            <circle cx={x(reachedIndex)} cy={y(points[reachedIndex]!.total)} r="6" fill="#15803d" />
            <text
              x={x(reachedIndex)}
              y={y(points[reachedIndex]!.total) + 22}
              textAnchor={reachedIndex > points.length * 0.7 ? 'end' : 'middle'}
              fontSize="13"
              fill="#15803d"
              fontWeight="600"
              stroke="#fff"
              strokeWidth="4"
              paintOrder="stroke"
            >
              {props.reachedOn} 达到
            </text>
          </g>
        )}
        <line x1={pad.l} x2={pad.l} y1={pad.t} y2={H - pad.b} stroke="#9ca3af" />
        <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} stroke="#9ca3af" />
      </svg>
      <figcaption style={{ fontSize: 13, color: '#4b5563', marginTop: 4 }}>
        {summary}
        {firstProvisional >= 0 && ' 虚线部分为暂定（用到尚未公布的社平工资或超出现行政策期限）。'}{' '}
        <button
          type="button"
          onClick={() => setTable((t) => !t)}
          aria-expanded={table}
          style={{
            background: 'none',
            border: 'none',
            padding: 0,
            color: '#1d4ed8',
            textDecoration: 'underline',
            cursor: 'pointer',
            font: 'inherit',
          }}
        >
          {table ? '隐藏数据表' : '以表格查看逐月数据'}
        </button>
      </figcaption>
      {table && (
        <div style={{ maxHeight: 320, overflow: 'auto', marginTop: 8 }}>
          <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
            <caption style={{ textAlign: 'left' }}>{props.title}（逐月）</caption>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'left', borderBottom: '1px solid #d1d5db' }}>
                  日期
                </th>
                <th scope="col" style={{ textAlign: 'right', borderBottom: '1px solid #d1d5db' }}>
                  总分
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.date}>
                  <td>{p.date}</td>
                  <td style={{ textAlign: 'right' }}>
                    {p.total}
                    {p.provisional ? '（暂定）' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

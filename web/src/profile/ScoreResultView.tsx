import { Alert, Collapse, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ResultItem, ScoreResult } from './types';
import { GROUP_LABEL, VETO_LABEL } from './vocabulary';

/** Total against the standard as a bar with the 120 line drawn on it. */
export function StandardBar({ total, standard }: { total: number; standard: number }) {
  const scale = Math.max(total, standard) * 1.15;
  const fill = Math.max(0, Math.min(1, total / scale));
  const line = standard / scale;
  const reached = total >= standard;
  return (
    <div
      role="img"
      aria-label={`总分 ${total} 分，标准分值 ${standard} 分，${reached ? '已达到' : `尚差 ${standard - total} 分`}`}
      style={{ position: 'relative', height: 36, marginTop: 4 }}
    >
      <div style={{ position: 'absolute', inset: '8px 0 8px 0', background: '#e5e7eb', borderRadius: 4 }} />
      <div
        style={{
          position: 'absolute',
          left: 0,
          top: 8,
          bottom: 8,
          width: `${fill * 100}%`,
          background: reached ? '#15803d' : '#1d4ed8',
          borderRadius: 4,
        }}
      />
      <div
        style={{
          position: 'absolute',
          left: `${line * 100}%`,
          top: 0,
          bottom: 0,
          borderLeft: '2px dashed #b91c1c',
        }}
      />
      <span
        aria-hidden
        style={{
          position: 'absolute',
          left: `calc(${line * 100}% + 4px)`,
          top: -2,
          fontSize: 12,
          color: '#b91c1c',
        }}
      >
        {standard}
      </span>
    </div>
  );
}

const pointsTag = (item: ResultItem) => (
  <Tag
    data-testid={`points-${item.id}`}
    color={item.points > 0 ? 'blue' : item.points < 0 ? 'red' : undefined}
    style={{ minWidth: 56, textAlign: 'center', marginInlineEnd: 0 }}
  >
    {item.points > 0 ? `+${item.points}` : item.points} 分
  </Tag>
);

function ItemDetail({ item }: { item: ResultItem }) {
  return (
    <div data-testid={`item-${item.id}`}>
      {item.explanation && <Typography.Paragraph>{item.explanation}</Typography.Paragraph>}
      {item.next && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<span>下一档：{item.next}</span>} />
      )}
      {/* Inputs and parameters only through their Chinese renderings (issue 14): never raw keys or values. */}
      {item.facts && item.facts.length > 0 && (
        <>
          <Typography.Text strong>使用的信息</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {item.facts.map((f, i) => (
              <li key={`${f.label}-${i}`}>
                {f.label}：{f.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.parameters && item.parameters.length > 0 && (
        <>
          <Typography.Text strong>读取的政策参数</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {item.parameters.map((p, i) => (
              <li key={`${p.label}-${i}`}>
                {p.label}（{p.from} 至 {p.to} 有效）{p.text ? `：${p.text}` : ''}
                {p.note && (
                  <div style={{ color: '#595959', fontSize: 13 }}>
                    解释口径：{p.note.replace(/^Decision:\s*/, '')}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.citations && item.citations.length > 0 && (
        <>
          <Typography.Text strong>依据</Typography.Text>
          <ul style={{ marginTop: 4, marginBottom: 0 }}>
            {item.citations.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The score result: total against 120, the version it was computed with, then every item explained. */
export function ScoreResultView({
  result,
  stale,
  blockers,
}: {
  result: ScoreResult;
  stale?: boolean;
  /** What stops an application whatever the total (the pre-check's failed conditions). */
  blockers?: ReactNode;
}) {
  const gap = result.standard - result.total;
  return (
    // While a new answer is on its way the old one stays at full contrast (dimming it failed WCAG AA
    // for people who read it meanwhile); a status line says it is being recomputed.
    <section aria-labelledby="result-heading" aria-busy={stale}>
      <Typography.Title level={2} id="result-heading" style={{ fontSize: 20 }}>
        估分结果
        {stale ? (
          <Typography.Text role="status" style={{ fontSize: 14, fontWeight: 400, marginLeft: 12 }}>
            正在重新计算…
          </Typography.Text>
        ) : null}
      </Typography.Title>
      <Space align="baseline" wrap size="middle">
        <span style={{ fontSize: 40, fontWeight: 700, lineHeight: 1 }} data-testid="score-total">
          {result.total}
        </span>
        <span style={{ fontSize: 16 }}>分 / 标准分值 {result.standard} 分</span>
        {result.vetoed ? (
          <Tag color="error">一票否决</Tag>
        ) : result.qualified ? (
          <Tag color="success">已达到标准分值</Tag>
        ) : (
          <Tag color="warning">尚差 {gap} 分</Tag>
        )}
        {result.provisional && <Tag color="orange">暂定</Tag>}
      </Space>
      <StandardBar total={result.total} standard={result.standard} />
      {blockers}
      <Typography.Paragraph style={{ color: '#595959', fontSize: 13, marginTop: 8 }}>
        申请日 {result.asOf} · 适用政策版本 <strong data-testid="rules-version">{result.rulesVersion}</strong>{' '}
        · 数据版本 {result.dataRevision}
      </Typography.Paragraph>
      {result.vetoDetails?.map((v) => (
        <Alert
          key={v.id}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={VETO_LABEL[v.id] ?? v.id}
          description={`${v.explanation}（依据：${v.citations.join('；')}）`}
        />
      ))}
      {result.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon style={{ marginBottom: 8 }} title={w} />
      ))}
      {(['basic', 'bonus', 'deduction'] as const).map((group) => {
        const items = result.items.filter((i) => i.group === group);
        if (!items.length) return null;
        const sum = items.reduce((s, i) => s + i.points, 0);
        return (
          <div key={group} style={{ marginTop: 16 }}>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {GROUP_LABEL[group]}（{sum} 分）
            </Typography.Title>
            <Collapse
              size="small"
              items={items.map((item) => ({
                key: item.id,
                label: (
                  <span
                    style={{
                      display: 'flex',
                      gap: 8,
                      alignItems: 'baseline',
                      justifyContent: 'space-between',
                    }}
                  >
                    <span style={{ color: item.points === 0 ? '#595959' : undefined }}>
                      {item.label ?? item.id}
                    </span>
                    {pointsTag(item)}
                  </span>
                ),
                children: <ItemDetail item={item} />,
              }))}
            />
          </div>
        );
      })}
    </section>
  );
}

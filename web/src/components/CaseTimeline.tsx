import { Card, Empty, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { shanghaiTime } from '../pages/workflow/caseTypes';
import { ProblemAlert } from './ProblemAlert';
import type { CaseHistory } from '../api/contract';

type HistoryEvent = CaseHistory['events'][number];

/**
 * 办理记录 (issue 15): who did what and when on this case, from the audit log,
 * in Chinese. Shown on every role's case page; `version` reloads it after a
 * command.
 */
export function CaseTimeline({
  caseId,
  version,
  refreshKey = 0,
}: {
  caseId: string;
  version: number;
  /** Bumped by an audited act that does not change the case's version (e.g. an identity reveal). */
  refreshKey?: number;
}) {
  const [events, setEvents] = useState<HistoryEvent[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<{ events: HistoryEvent[] }>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}/history`)
      .then((r) => {
        setEvents(r.events);
        setError(undefined);
      })
      .catch(setError);
  }, [caseId, version, refreshKey]);
  return (
    <Card title="办理记录" size="small" style={{ marginTop: 16 }} data-testid="case-timeline">
      <ProblemAlert error={error} />
      {events && events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="此申请还没有办理记录。" />
      ) : (
        <Timeline
          items={(events ?? []).map((e) => ({
            key: e.seq,
            content: (
              <>
                <Typography.Text strong>{e.what}</Typography.Text>
                {e.change ? <Typography.Text type="secondary">（{e.change}）</Typography.Text> : null}
                <br />
                <Typography.Text type="secondary">
                  {shanghaiTime(e.at)} · {e.roleLabel} · {e.who}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

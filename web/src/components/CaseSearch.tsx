import { Empty, Flex, Input, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { ProblemAlert } from './ProblemAlert';
import type { CaseSearchPage } from '../api/contract';

type Hit = CaseSearchPage['items'][number];
type SearchPage = CaseSearchPage;

const PAGE = 10;
const DEBOUNCE_MS = 350;

/** The page of a case, opened by its 申请编号 (the internal id never appears on screen). */
export const caseHref = (base: string, c: { applicationNo?: string | null; caseId: string }): string =>
  `${base}/${encodeURIComponent(c.applicationNo ?? c.caseId)}`;

/**
 * The search box of every officer's and HR's workspace (issue 15): by 申请编号,
 * 公民身份号码, 手机号码, 统一社会信用代码, 姓名 or 单位名称, within the room of
 * `searchUrl`. Debounced while typing; Enter searches at once, and when what was
 * entered is one 申请编号 that finds one case — what the counter's scanner types
 * from the printed form — the case opens directly. Results are shown masked, as
 * the server gives them; the total count is shown.
 */
export function CaseSearch({
  searchUrl,
  caseBase,
  testId,
}: {
  searchUrl: string;
  /** The route prefix of the case page in this workspace, e.g. `/clerk/cases`. */
  caseBase: string;
  testId: string;
}) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<SearchPage>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const openOnResult = useRef(false);
  // Enter again with the same text searches again.
  const [nonce, setNonce] = useState(0);

  // Debounce what is typed into the query.
  useEffect(() => {
    const t = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);

  useEffect(() => {
    if (!q) {
      setResult(undefined);
      setError(undefined);
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    api<SearchPage>('POST', searchUrl, { q, limit: PAGE, offset: (page - 1) * PAGE }, { signal: ctrl.signal })
      .then((r) => {
        setResult(r);
        setError(undefined);
        const only = r.items[0];
        if (openOnResult.current && r.kind === 'application_no' && r.total === 1 && only)
          void navigate(caseHref(caseBase, only));
        openOnResult.current = false;
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setError(e);
      })
      .finally(() => setLoading(false));
    return () => ctrl.abort();
  }, [q, page, nonce, searchUrl, caseBase, navigate]);

  const submit = (value: string) => {
    openOnResult.current = true;
    setText(value);
    setQ(value.trim());
    setPage(1);
    setNonce((n) => n + 1);
  };

  return (
    <section aria-label="查找申请" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="center">
        <label htmlFor={`${testId}-q`}>查找申请</label>
        <Input.Search
          id={`${testId}-q`}
          data-testid={`${testId}-input`}
          allowClear
          enterButton="查找"
          style={{ maxWidth: 520 }}
          autoComplete="off"
          placeholder="申请编号、身份证号、手机号、姓名、单位名称或信用代码；可扫描申请表二维码"
          value={text}
          maxLength={50}
          onChange={(e) => setText(e.target.value)}
          onSearch={submit}
        />
        {result ? (
          <Typography.Text data-testid={`${testId}-total`}>
            按{result.kindLabel}查找，共 {result.total} 件
          </Typography.Text>
        ) : null}
      </Flex>
      <ProblemAlert error={error} />
      {q && result ? (
        <Table<Hit>
          style={{ marginTop: 12 }}
          data-testid={testId}
          rowKey="caseId"
          size="small"
          loading={loading}
          dataSource={result.items}
          scroll={{ x: 800 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="没有找到符合条件的申请。请核对所输入的编号或号码；姓名和单位名称可只输入开头的两个字以上。"
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: result.total,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 件`,
          }}
          columns={[
            {
              title: '申请编号',
              key: 'no',
              render: (_: unknown, h) => <Link to={caseHref(caseBase, h)}>{h.applicationNo ?? '—'}</Link>,
            },
            { title: '持证人', dataIndex: 'holderName' },
            { title: '公民身份号码', dataIndex: 'holderIdNumberMasked' },
            { title: '用人单位', dataIndex: 'unitName' },
            { title: '区', dataIndex: 'district' },
            { title: '状态', dataIndex: 'stateLabel' },
          ]}
        />
      ) : null}
    </section>
  );
}

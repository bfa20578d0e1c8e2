import { Button, Flex } from 'antd';

/**
 * 导出 Excel / CSV of a list with the filters on screen (issue 15). Plain links
 * to the export route: the browser downloads the attachment with the session
 * cookie; the server audits each export and masks as on screen.
 */
export function ExportButtons({
  url,
  query = {},
  testId,
}: {
  url: string;
  query?: Record<string, string | undefined>;
  testId: string;
}) {
  const href = (format: 'xlsx' | 'csv') => {
    const p = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(query)) if (v) p.set(k, v);
    return `${url}?${p.toString()}`;
  };
  return (
    <Flex gap={8} wrap role="group" aria-label="导出">
      <Button href={href('xlsx')} data-testid={`${testId}-xlsx`} download>
        导出 Excel
      </Button>
      <Button href={href('csv')} data-testid={`${testId}-csv`} download>
        导出 CSV
      </Button>
    </Flex>
  );
}

import { Collapse, Form, InputNumber, Typography } from 'antd';

/**
 * The planning assumptions a person may override (src/planner/plannerAssumptions.ts),
 * named in Chinese. Their keys appear only here, for the command line's `--assume`
 * and the API's `assume` (issue 14). Not policy: the values are planning guesses.
 */
const ASSUMPTIONS: Array<{ key: string; label: string }> = [
  { key: 'raiseBase.startAfterMonths', label: '提高社保缴费基数前的准备时间（月）' },
  { key: 'title.intermediate.months', label: '取得中级职称所需时间（月）' },
  { key: 'title.senior.months', label: '已有中级职称者取得高级职称所需时间（月）' },
  { key: 'title.senior.monthsWithoutIntermediate', label: '尚无中级职称者取得高级职称所需时间（月）' },
  { key: 'skill.3.months', label: '取得三级技能等级所需时间（月）' },
  { key: 'skill.2.months', label: '取得二级技能等级所需时间（月）' },
  { key: 'skill.1.months', label: '取得一级技能等级所需时间（月）' },
  { key: 'degree.bachelor.months', label: '取得本科学历学位所需时间（月）' },
  { key: 'degree.master.months', label: '取得硕士学历学位所需时间（月）' },
  { key: 'keyArea.startAfterMonths', label: '迁入重点区域工作和居住前的准备时间（月）' },
  { key: 'investment.startAfterMonths', label: '开始投资纳税前的准备时间（月）' },
  { key: 'hiring.startAfterMonths', label: '开始聘用本市户籍人员前的准备时间（月）' },
];

/** `key=value` items for `?assume=`, from the fields a person filled. */
export const assumeQuery = (values: Record<string, number | null | undefined>): string[] =>
  Object.entries(values)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([k, v]) => `${k}=${v}`);

/** The sentences of the plan's assumptions without the override keys they cite. */
export const withoutKeys = (text: string): string =>
  text.replace(/\s*[（(][A-Za-z][\w]*(?:\.[\w]+)+[）)]/g, '');

export function AssumptionOverrides(props: {
  onChange: (values: Record<string, number | null | undefined>) => void;
}) {
  return (
    <Collapse
      // The one place the override keys are shown (for --assume and ?assume=): the program-words check skips it.
      data-program-words="allowed"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'assume',
          label: '高级：调整假设',
          children: (
            <>
              <Typography.Paragraph style={{ color: '#434343' }}>
                方案中的时间是规划参考，不是政策规定。留空按默认假设测算；填写后按你的数值重新测算。每项后面的键名用于命令行的
                --assume 选项和接口的 assume 参数。
              </Typography.Paragraph>
              <Form
                layout="vertical"
                onValuesChange={(_, all) => props.onChange(all as Record<string, number>)}
              >
                {ASSUMPTIONS.map((a) => (
                  <Form.Item
                    key={a.key}
                    name={a.key}
                    label={a.label}
                    extra={<code style={{ fontSize: 12 }}>{a.key}</code>}
                    style={{ marginBottom: 12 }}
                  >
                    <InputNumber min={0} max={600} precision={0} placeholder="默认" style={{ width: 160 }} />
                  </Form.Item>
                ))}
              </Form>
            </>
          ),
        },
      ]}
    />
  );
}

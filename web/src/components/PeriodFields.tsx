import { Col, Form, Input, Select } from 'antd';
import { AWARD_LEVEL, KEY_AREA, options } from '../profile/vocabulary';

const third = { xs: 24, sm: 8 } as const;

/**
 * The months of one period of a list (公益服务 环卫, 重点区域), for the columns of a Row; with
 * `area`, the key area first. The same fields in the planner's profile and the unit's claims.
 */
export function PeriodFields({ name, disabled, area }: { name: number; disabled?: boolean; area?: boolean }) {
  return (
    <>
      {area ? (
        <Col {...third}>
          <Form.Item label="区域" name={[name, 'area']} rules={[{ required: true, message: '请选择区域' }]}>
            <Select disabled={disabled} options={options(KEY_AREA)} placeholder="请选择" />
          </Form.Item>
        </Col>
      ) : null}
      <Col {...third}>
        <Form.Item
          label="开始月份"
          name={[name, 'from']}
          rules={[{ required: true, message: '请填写开始月份' }]}
        >
          <Input type="month" placeholder="YYYY-MM" disabled={disabled} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item label="结束月份" name={[name, 'to']} extra="不填表示至今">
          <Input type="month" placeholder="YYYY-MM" disabled={disabled} />
        </Form.Item>
      </Col>
    </>
  );
}

/** The level of one award of a list (表彰奖励). */
export function AwardLevelField({ name, disabled }: { name: number; disabled?: boolean }) {
  return (
    <Form.Item label="表彰级别" name={[name, 'level']} rules={[{ required: true, message: '请选择级别' }]}>
      <Select disabled={disabled} options={options(AWARD_LEVEL)} placeholder="请选择" />
    </Form.Item>
  );
}

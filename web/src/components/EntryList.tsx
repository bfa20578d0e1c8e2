import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Form } from 'antd';
import type { ReactNode } from 'react';

/** One entry of a repeatable list: a small card with a numbered title and a labelled remove button (none when read-only). */
export function Entry(props: {
  title: string;
  disabled?: boolean;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={props.title}
      style={{ marginBottom: 12 }}
      extra={
        props.disabled ? null : (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`删除${props.title}`}
            onClick={props.onRemove}
          >
            删除
          </Button>
        )
      }
    >
      {props.children}
    </Card>
  );
}

/**
 * A repeatable list of a form (periods, awards): one `Entry` per item with its fields, then the
 * form's own footer (its add button, the policy text).
 */
export function EntryList(props: {
  name: string;
  title: (index: number) => string;
  disabled?: boolean;
  children: (name: number) => ReactNode;
  footer: (add: (initial: object) => void, count: number) => ReactNode;
}) {
  return (
    <Form.List name={props.name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Entry
              key={key}
              title={props.title(name)}
              disabled={props.disabled}
              onRemove={() => remove(name)}
            >
              {props.children(name)}
            </Entry>
          ))}
          {props.footer(add, fields.length)}
        </>
      )}
    </Form.List>
  );
}

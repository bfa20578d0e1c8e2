import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { parseProfileJson } from './profileStore';
import { unknownKeys } from './toProfile';
import type { Profile } from './types';

/**
 * 导入/导出 JSON: paste or open a profile file (a bare profile or a golden-case
 * file), or save the current profile as a file / copy it. The profile is the
 * contract of shared/spec/profile.md, so the same file works with `jifen score`.
 */
export function ProfileImportExport(props: { profile: Profile | undefined; onImport: (p: Profile) => void }) {
  const [open, setOpen] = useState(false);
  const [textValue, setText] = useState('');
  const [error, setError] = useState<string>();
  const fileId = useId();
  const textId = useId();

  const show = () => {
    setText(props.profile ? JSON.stringify(props.profile, null, 2) : '');
    setError(undefined);
    setOpen(true);
  };
  const doImport = () => {
    try {
      const p = parseProfileJson(textValue);
      const extra = unknownKeys(p as unknown as Record<string, unknown>);
      if (extra.length) {
        setError(`档案中有表单无法识别的字段：${extra.join('、')}（接口也会拒绝这些字段）`);
        return;
      }
      props.onImport(p);
      setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const download = () => {
    const blob = new Blob([JSON.stringify(props.profile, null, 2) + '\n'], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `profile-${props.profile?.asOf ?? 'jifen'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <>
      <Button icon={<ImportOutlined />} onClick={show}>
        导入/导出 JSON
      </Button>
      <Modal
        open={open}
        title="导入/导出积分档案（JSON）"
        onCancel={() => setOpen(false)}
        width={720}
        footer={
          <Space wrap>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button icon={<DownloadOutlined />} onClick={download} disabled={!props.profile?.birthDate}>
              下载为文件
            </Button>
            <Button type="primary" onClick={doImport} disabled={!textValue.trim()}>
              导入
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>
          粘贴档案
          JSON（或打开文件），点“导入”后填入表单；下面已显示当前档案，可复制保存。格式见《积分档案契约》：与命令行工具
          jifen 通用，也接受含档案的测试用例文件。
        </Typography.Paragraph>
        <p>
          <label htmlFor={fileId}>打开 JSON 文件：</label>{' '}
          <input
            id={fileId}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f)
                void f.text().then((t) => {
                  setText(t);
                  setError(undefined);
                });
            }}
          />
        </p>
        <label htmlFor={textId} style={{ display: 'block', marginBottom: 4 }}>
          档案 JSON
        </label>
        <Input.TextArea
          data-program-words="allowed"
          id={textId}
          value={textValue}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          autoSize={{ minRows: 8, maxRows: 18 }}
          style={{ fontFamily: 'monospace', fontSize: 13 }}
          spellCheck={false}
        />
        {error && <Alert role="alert" type="error" showIcon style={{ marginTop: 12 }} title={error} />}
      </Modal>
    </>
  );
}

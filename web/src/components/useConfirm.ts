import { App } from 'antd';
import { useCallback } from 'react';

export interface ConfirmText {
  /** The command, as on its button. */
  title: string;
  /** One sentence: what will happen and its legal consequence. */
  effect: string;
  okText?: string;
  danger?: boolean;
}

/**
 * A confirmation before a command that binds (issue 15: submit, accept, return,
 * verify, refuse, determine, decide reconsideration, correct): the dialog says
 * in one sentence what will happen and what follows in law, so nothing binding
 * happens on one click. Resolves true when confirmed.
 */
export function useConfirm(): (t: ConfirmText) => Promise<boolean> {
  const { modal } = App.useApp();
  return useCallback(
    (t: ConfirmText) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: `确认${t.title}？`,
          content: t.effect,
          okText: t.okText ?? '确认',
          cancelText: '取消',
          okButtonProps: { danger: t.danger ?? false },
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );
}

import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * The error summary every form shows above itself: the Chinese title of the
 * problem and, for validation errors, each offending field named by its form
 * label with its message (role="alert" so a screen reader announces it). The
 * JSON path stays in the API's problem body; people never see it (issue 14).
 */
export function ProblemAlert({
  error,
  labelOf,
  labels,
}: {
  error: unknown;
  /** Chinese name of a field's JSON path, shown before its message. */
  labelOf?: (path: string) => string | undefined;
  /** Form labels by JSON path (`$query.q`) or by the path's last name (`q`). */
  labels?: Record<string, string>;
}) {
  const nameOf = (path: string): string | undefined =>
    labelOf?.(path) ?? labels?.[path] ?? labels?.[String(namePathOf(path).at(-1) ?? '')];
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const title = problem?.title ?? (error as Error).message ?? '出错了';
  const fields = problem?.errors ?? [];
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={title}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="problem-fields">
            {fields.map((f) => (
              <li key={`${f.path}:${f.message}`}>
                {nameOf(f.path) ? (
                  <>
                    <strong>{nameOf(f.path)}</strong>：{f.message}
                  </>
                ) : (
                  f.message
                )}
              </li>
            ))}
          </ul>
        ) : problem?.requestId ? (
          <span>请求编号 {problem.requestId}</span>
        ) : undefined
      }
    />
  );
}

/** `$.profile.hukou.type` / `$body.x[0].y` → antd name path ['profile','hukou','type'] / ['x',0,'y']. */
export function namePathOf(jsonPath: string, prefix: string[] = []): (string | number)[] {
  const parts = jsonPath
    .replace(/^\$[a-z]*\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const stripped = [...parts];
  for (const p of prefix) if (stripped[0] === p) stripped.shift();
  return stripped;
}

/**
 * Shows the API's field errors on the antd form fields they name; fields the
 * form does not have stay in the summary. `prefix` drops a leading body key
 * (e.g. 'profile') that the form's names omit.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, prefix: string[] = []): void {
  if (!(error instanceof ApiError)) return;
  const known = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  form.setFields(
    error.fields
      .map((f) => ({ name: namePathOf(f.path, prefix), errors: [f.message] }))
      .filter((f) => known.has(JSON.stringify(f.name))),
  );
}

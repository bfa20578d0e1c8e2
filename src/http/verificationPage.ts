import type { NoticeVerification } from '../cases/queries/verifyNotice.js';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const VERDICT: Record<NoticeVerification['status'], { title: string; text: string; color: string }> = {
  valid: {
    title: '核验通过：积分通知书真实有效',
    text: '该核验码对应的积分核定为现行有效的核定结果。请核对下列信息与通知书一致。',
    color: '#1a7f37',
  },
  superseded: {
    title: '该通知书已被新的核定取代',
    text: '该核验码对应的积分核定真实存在，但已被之后的核定（调整、复核或纠正）取代，此通知书不再有效。请持证人打印最新的积分通知书。',
    color: '#9a6700',
  },
  lapsed: {
    title: '积分已失效',
    text: '该核验码对应的积分核定真实存在，但持证人的居住证签注已过期或居住证已注销，积分已失效（细则 第十一条）。',
    color: '#9a6700',
  },
  unknown: {
    title: '核验码不存在',
    text: '系统中没有该核验码。请核对通知书上的核验码（16 位字母和数字，不含 I、L、O、U）；仍不存在的，该通知书不是本系统出具的。',
    color: '#cf222e',
  },
};

/**
 * The public verification page of a 积分通知书 (/verify/CODE, the QR code's
 * target): server-rendered Chinese HTML, no script, no personal data beyond
 * the masked summary the API gives anyone with the code.
 */
export function renderVerificationPage(v: NoticeVerification): string {
  const verdict = VERDICT[v.status];
  const rows = v.summary
    ? [
        ['持证人', v.summary.holderName],
        ['公民身份号码', v.summary.holderIdNumber],
        ['受理区', v.summary.district],
        ['核定积分', `${v.summary.total} 分`],
        ['核定次序', `第 ${v.summary.sequence} 次核定`],
        ['规则版本', v.summary.rulesVersion],
        ['核定时间', v.summary.decidedAt.slice(0, 10)],
      ]
    : [];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>积分通知书核验 · 上海市居住证积分</title>
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:6px}
h1{font-size:1.25rem;margin:0 0 .25rem}
.verdict{border-left:6px solid ${verdict.color};padding:.5rem 1rem;margin:1rem 0}
.verdict h2{color:${verdict.color};font-size:1.15rem;margin:.25rem 0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left}
th{background:#f6f8fa;width:9rem;font-weight:600}
.code{font-family:monospace;font-size:1.05rem;letter-spacing:.1em}
footer{color:#656d76;font-size:.8rem;margin-top:1rem}
</style>
</head>
<body>
<main>
<h1>上海市居住证积分通知书核验</h1>
<p>核验码：<span class="code">${escapeHtml(v.code)}</span></p>
<section class="verdict" data-status="${v.status}">
<h2>${verdict.title}</h2>
<p>${verdict.text}</p>
</section>
${
  rows.length
    ? `<table>
${rows.map(([k, val]) => `<tr><th>${k}</th><td>${escapeHtml(String(val))}</td></tr>`).join('\n')}
</table>`
    : ''
}
<footer>信息已脱敏。本页仅用于核验通知书真伪，不作为积分证明之外的用途。</footer>
</main>
</body>
</html>
`;
}

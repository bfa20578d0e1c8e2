export const STANDARD_SCORE_WARNING = (total: number): string =>
  `模拟积分 ${total} 分，低于标准分值 120 分：可以提交，但只能享受相应的积分待遇（workflow.md Decision：只提示不阻止）`;

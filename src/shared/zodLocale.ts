import { z } from 'zod';

// Every validation message in jifen is read by holders, HR staff and officers:
// zod's built-in messages are switched to Simplified Chinese once, here.
z.config(z.locales.zhCN());

export { z };

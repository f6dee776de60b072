// "Today" for the hosts (language server): the process environment and the clock, read here so the
// core stays free of them.
import { todayFromEnv } from '../core/period';

export function today(): string {
  return todayFromEnv(process.env, new Date());
}

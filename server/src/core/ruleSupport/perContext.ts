// Values the claim rules share within one check (one RuleContext), computed on first use.
import type { RuleContext } from '../linting/types';

/** A value computed once per rule context, that is once per check: every rule of the check shares it. */
export function perContext<T>(compute: (context: RuleContext) => T): (context: RuleContext) => T {
  const values = new WeakMap<RuleContext, { value: T }>();
  return (context) => {
    let entry = values.get(context);
    if (!entry) values.set(context, (entry = { value: compute(context) }));
    return entry.value;
  };
}

import { formatCount, formatMinor, metricLabel, type Plan } from './billing';
import { formatTime } from './format';
import { Facts } from './parts';
import { NumberTable } from './reportParts';
import { METRICS } from './usageSeries';

/** The metrics a plan names, in the gateway's order, then any other it has. */
function planMetrics(plan: Plan): string[] {
  const named = [...Object.keys(plan.included ?? {}), ...Object.keys(plan.unit_prices_per_thousand_minor ?? {})];
  return [...new Set([...METRICS.map((m) => m.key), ...named])];
}

/** An organization's plan: its price, what it includes and what more costs, and its rate limit (billing and platform pages). */
export function PlanSummary({ plan }: { plan: Plan }) {
  const currency = plan.currency ?? '';
  return (
    <>
      {plan.default_plan && (
        <p role="note">No plan is set: the organization has the free default plan, which includes nothing and charges nothing.</p>
      )}
      <Facts
        items={[
          ['Plan', plan.name],
          ['Currency', currency],
          ['Monthly price', formatMinor(plan.monthly_price_minor, currency)],
          [
            'Rate limit',
            plan.rate_limit
              ? `${formatCount(plan.rate_limit.capacity)} requests of burst, ${plan.rate_limit.refill_per_second ?? 0} a second, for every project`
              : 'each project’s own',
          ],
          ['Last set', plan.updated_at ? `${formatTime(plan.updated_at)} by ${plan.updated_by ?? 'unknown'}` : null],
        ]}
      />
      <NumberTable
        label="Plan prices table"
        caption="What the plan includes each month and the price of 1000 units more"
        columns={['Metric', 'Included each month', 'Price per 1000 more']}
        rows={planMetrics(plan).map((metric) => ({
          key: metric,
          head: metricLabel(metric),
          cells: [formatCount(plan.included?.[metric]), formatMinor(plan.unit_prices_per_thousand_minor?.[metric], currency)],
        }))}
      />
    </>
  );
}

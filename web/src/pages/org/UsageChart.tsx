import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * One metric per day as a bar chart (chart.js). The canvas is an image whose accessible name is the
 * summary (`description`); the numbers themselves are in the page's table. Counts (`wholeNumbers`, the
 * default) have whole-number ticks; amounts such as ETH have fractional ones.
 */
export function UsageChart({
  label,
  days,
  values,
  description,
  wholeNumbers = true,
}: {
  label: string;
  days: string[];
  values: number[];
  description: string;
  wholeNumbers?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        // "2026-12-06" → "12-06": the year is in the range above the charts.
        labels: days.map((day) => day.slice(5)),
        datasets: [{ label, data: values, backgroundColor: '#0b5cad', borderColor: '#0b5cad', maxBarThickness: 24 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: {
          x: { ticks: { color: '#57606a', maxRotation: 0, autoSkip: true } },
          y: { beginAtZero: true, ticks: { color: '#57606a', ...(wholeNumbers ? { precision: 0 } : {}) }, grid: { color: '#e6e9ed' } },
        },
      },
    });
    return () => chart.destroy();
  }, [label, days, values, wholeNumbers]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}

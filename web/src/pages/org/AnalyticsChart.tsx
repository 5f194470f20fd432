import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = ['#0b5cad', '#b3541e', '#2e7d32', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#455a64'];

/**
 * Several series over the same labels (chart.js), as bars or lines: latency percentiles per route class, the
 * funnel's steps. Like {@link UsageChart}, the canvas is an image named by `description`; the numbers are in the
 * page's tables. Labels are shown as given.
 */
export function AnalyticsChart({
  type,
  labels,
  datasets,
  description,
  unit,
}: {
  type: 'bar' | 'line';
  labels: string[];
  datasets: { label: string; values: (number | null)[] }[];
  description: string;
  unit?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type,
      data: {
        labels,
        datasets: datasets.map((d, i) => {
          const colour = COLOURS[i % COLOURS.length] ?? '#0b5cad';
          return { label: d.label, data: d.values, backgroundColor: colour, borderColor: colour, spanGaps: false, maxBarThickness: 40 };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: datasets.length > 1 }, tooltip: { enabled: true } },
        scales: {
          x: { ticks: { color: '#57606a', maxRotation: 0, autoSkip: true } },
          y: {
            beginAtZero: true,
            ticks: { color: '#57606a' },
            grid: { color: '#e6e9ed' },
            ...(unit ? { title: { display: true, text: unit } } : {}),
          },
        },
      },
    });
    return () => chart.destroy();
  }, [type, labels, datasets, unit]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}

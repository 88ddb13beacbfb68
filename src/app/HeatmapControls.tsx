import { modelManifest } from '../pipeline/model-manifest';
import { useWords } from '../ui/language';
import { selectCurrent, useAppStore } from './store';

export function HeatmapControls() {
  const say = useWords();
  const visible = useAppStore((s) => s.heatmapVisible);
  const opacity = useAppStore((s) => s.heatmapOpacity);
  const setVisible = useAppStore((s) => s.setHeatmapVisible);
  const setOpacity = useAppStore((s) => s.setHeatmapOpacity);
  const hasHeat = useAppStore((s) => {
    const current = selectCurrent(s);
    const videoHasHeat = current?.video?.start?.models.some((m) => modelManifest.models[m.name]?.kind === 'multitask');
    return (current?.analysis?.faces.some((f) => f.heat) ?? false) || (videoHasHeat ?? false);
  });
  if (!hasHeat) return null;
  return (
    <div className="heatmap-controls">
      <label>
        <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} data-testid="heatmap-toggle" />
        {say.heatmap}
      </label>
      <label>
        {say.opacity}
        <input
          type="range" min={0} max={1} step={0.05} value={opacity} disabled={!visible}
          onChange={(e) => setOpacity(Number(e.target.value))} data-testid="heatmap-opacity"
        />
      </label>
      <span className="legend" role="img" aria-label={say.heatmapLegend}>
        <span aria-hidden="true">{say.legendUnlikely}</span><span className="legend-bar" /><span aria-hidden="true">{say.legendLikely}</span>
      </span>
      <span className="legend-meaning" data-testid="heatmap-meaning">{say.heatmapMeaning}</span>
    </div>
  );
}

import { minAssessableFacePx, smallFacePx } from '../pipeline/analysis';
import { bandMeaning, evidenceBands, formatProbability, noEvidenceCaveat } from '../pipeline/evidence';
import type { Backend } from '../pipeline/onnx-model';

export const backendNames: Record<Backend, string> = { webgpu: 'WebGPU', wasm: 'WebAssembly (CPU)' };

/** What each band means, for the report and the About panel: its name with its cut-off, and its measured meaning. */
export const bandGuide: [string, string][] = evidenceBands.map(({ band, from, label }) => [
  band === 'none' ? `${label} (under ${formatProbability(evidenceBands[1].from)})` : `${label} (${formatProbability(from)} or more)`,
  bandMeaning(band),
]);

/** The report's "Limits of this method", in plain words: each a heading and what it means. */
export const methodLimits: [string, string][] = [
  ['A low score does not prove a file authentic.', noEvidenceCaveat],
  [
    'Recompression and resizing lower accuracy.',
    'Files passed through social networks and messaging apps are usually shrunk and recompressed, which wipes out much of the detail the models look at: treat any score on such a file as weak evidence either way.',
  ],
  [
    'Small faces are not assessed.',
    `Faces under ${minAssessableFacePx} pixels are not scored, faces under ${smallFacePx} pixels give less reliable scores, and faces under about 24 pixels (48 in a video frame), strong profiles and covered faces may not be found at all.`,
  ],
  [
    'Generation methods unlike the training data may go unnoticed.',
    'The models learned from a few kinds of face swaps, GAN faces and self-blended images; a new or different method can score low. Whole-image synthesis without a face, edits outside faces, and audio are not analysed.',
  ],
  [
    'The heatmap is a hint, not an outline.',
    'It shows where one model sees manipulation, mostly where the face is; it does not trace the edited region exactly.',
  ],
  [
    'Metadata and content credentials can be removed or rewritten.',
    'They give leads to check, not proof; their absence proves nothing.',
  ],
];

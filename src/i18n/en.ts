import type { EvidenceBand } from '../pipeline/evidence';
import type { ComparisonFailure, CreditField, CredentialProblem, DateField, ExportFailure, Note, ReadFailure, Refusal, TimeUnit } from './notes';

/** Counted nouns through Intl.PluralRules: "1 face", "3 faces". */
const rules = new Intl.PluralRules('en');
const counted = (n: number, one: string, other: string) => `${n} ${rules.select(n) === 'one' ? one : other}`;

/** The English words of the app: the catalogue every other language must match (see Messages). */
export const en = {
  // Evidence bands and their measured meaning (src/pipeline/evidence.ts).
  bandLabel: {
    none: 'No evidence found',
    weak: 'Weak evidence of manipulation',
    moderate: 'Moderate evidence of manipulation',
    strong: 'Strong evidence of manipulation',
  } as Record<EvidenceBand, string>,
  /** The band's label inside a sentence ("…: weak evidence of manipulation."). */
  bandInSentence: (band: EvidenceBand): string => en.bandLabel[band].toLowerCase(),
  bandMeaningNone: (percent: number, under: string) =>
    `In our tests, at least ${percent} in 100 authentic faces of every source scored under ${under}; so do many manipulated faces.`,
  bandMeaning: (inHundred: number, from: string) =>
    `In our tests, ${inHundred === 1 ? 'at most 1 authentic face in 100' : `at most ${inHundred} authentic faces in 100`} scored ${from} or more (authentic faces from four sources, clean, recompressed and small).`,
  bandGuideNone: (label: string, under: string) => `${label} (under ${under})`,
  bandGuideFrom: (label: string, from: string) => `${label} (${from} or more)`,
  noEvidenceCaveat:
    'A score below the weak band is not evidence of authenticity: these models miss many manipulations, especially in real-world videos and fakes unlike their training data.',
  methodLimits: (minPx: number, smallPx: number, caveat: string): [string, string][] => [
    ['A low score does not prove a file authentic.', caveat],
    [
      'Recompression and resizing lower accuracy.',
      'Files passed through social networks and messaging apps are usually shrunk and recompressed, which wipes out much of the detail the models look at: treat any score on such a file as weak evidence either way. Retouching (skin smoothing, beauty modes, blur, strong sharpening) makes authentic faces score high.',
    ],
    [
      'Small faces are not assessed.',
      `Faces under ${minPx} pixels are not scored, faces under ${smallPx} pixels give less reliable scores, and faces under about 24 pixels (48 in a video frame), strong profiles and covered faces may not be found at all.`,
    ],
    [
      'Generation methods unlike the training data may go unnoticed.',
      'The models learned from a few kinds of face swaps, GAN faces and self-blended images; a new or different method can score low. Whole-image synthesis without a face, edits outside faces, and audio are not analysed.',
    ],
    [
      'The heatmap is a hint, not an outline.',
      'It shows where the models see evidence of manipulation, on faces with weak evidence or more; it does not trace the edited region exactly, and a face without heat is not shown to be authentic.',
    ],
    [
      'Metadata and content credentials can be removed or rewritten.',
      'They give leads to check, not proof; their absence proves nothing.',
    ],
  ],

  // An image's verdict (src/pipeline/analysis.ts summarize).
  imageNoFace: 'No face found: this image cannot be assessed. This is not a verdict that it is real.',
  imageAllTooSmall: (faces: number, minPx: number) =>
    `${counted(faces, 'face', 'faces')} found, ${faces === 1 ? 'too small' : 'all too small'} to assess (under ${minPx} px): this image cannot be assessed. This is not a verdict that it is real.`,
  imageVerdict: (v: { faces: number; score: string; face: number | null; band: EvidenceBand; tooSmall: number; minPx: number }): string =>
    `${counted(v.faces, 'face', 'faces')} found. Highest score ${v.score}${v.face === null ? '' : ` (face ${v.face})`}: ${en.bandInSentence(v.band)}.` +
    (v.tooSmall > 0 ? ` ${counted(v.tooSmall, 'face was', 'faces were')} too small to assess (under ${v.minPx} px) and not counted.` : ''),

  // A video's verdict (src/video/aggregate.ts videoVerdict).
  videoNoLargeFace: (minPx: number) => `No face was large enough to assess (under ${minPx} px in most frames): this video cannot be assessed. This is not a verdict that it is real.`,
  videoNoLongFace: (anyFace: boolean) =>
    `No face was tracked long enough to assess${anyFace ? ' (faces appeared only briefly)' : ''}: this video cannot be assessed. This is not a verdict that it is real.`,
  videoVerdict: (v: { people: number; score: string; person: number | null; frames: number; band: EvidenceBand; tooSmall: number; minPx: number }): string =>
    `${counted(v.people, 'person', 'people')} tracked. Highest score ${v.score}${v.person === null ? '' : ` (person ${v.person})`}, averaged over ${v.frames} frames: ${en.bandInSentence(v.band)}.` +
    (v.tooSmall > 0 ? ` ${counted(v.tooSmall, 'person was', 'people were')} too small to assess (under ${v.minPx} px) and not counted.` : ''),
  trackTooSmall: (minPx: number) => `Face under ${minPx} px in most frames: too small to assess, not counted.`,
  trackBrief: 'Seen in too few frames to count towards the verdict.',
  trackScoreExplanation: (frames: number) =>
    `The mean of the face's probability over its ${frames} analysed frames, leaving out the highest and lowest tenth (at least one frame each), so one odd frame cannot decide it and a short manipulated moment moves it little: read the timeline and the moments below.`,
  samplingEvery: (fps: number | null) => `every frame${fps ? ` (${fps} per second)` : ''}`,
  samplingScored: (scoreFps: number) => `; the multi-task net, which gives the score and heatmap, on ${scoreFps} of them per second and wherever MesoNet's output jumps`,
  samplingSome: (sampleFps: number, fps: number | null) => `${sampleFps} of ${fps ?? '?'} frames per second`,

  // The kind of forgery a face looks like (src/pipeline/forgery-kind.ts).
  kindSynthesised: (p: string) => `a synthesised whole face (GAN-like), ${p}`,
  kindReplaced: (p: string) => `a replaced or blended face (face swap, blend), ${p}`,
  kindUndecided: (synthesised: string, replaced: string) => `not decided (synthesised ${synthesised}, replaced or blended ${replaced})`,
  kindNotSaid: 'not said below moderate evidence of manipulation',

  // Why a face has its number (src/report/score-explanation.ts).
  scoreOneModel: (model: string) => `The score is ${model}'s calibrated output.`,
  scoreTheModel: 'the model',
  scoreBeside: (models: string[]) => ` ${models.join(' and ')}: shown beside it, not part of the score (on held-out photos it did not make the score better).`,
  scoreWeighted: `The score weighs each model's output by how well it told real from manipulated faces on held-out photos, so it is not their average and can lie outside them.`,
  scoreDisagree: (above: string[], below: string[], threshold: number, heaviest: string) =>
    ` Here they disagree (${above.join(' and ')} above ${threshold}, ${below.join(' and ')} below): the models look for different traces and miss different fakes; ${heaviest} counts most.`,
  scoreNotCarried: (side: 'above' | 'below', threshold: number, bias: string) =>
    ` Here every model is ${side} ${threshold} but the score is not: the weights are under 1 and the starting value is ${bias}, so outputs this close to ${threshold} do not carry it across.`,
  howModelsCombine: 'How the models combine',
  howModelsCombineText: (bias: string) =>
    `Each model's output becomes log-odds (0 at 0.5), is multiplied by its weight, and is added to a starting value of ${bias}; the sum, turned back into a probability, is the score. The weights were fitted on held-out photos and self-blended fakes.`,
  fusionColumns: ['model', 'output', 'weight', 'adds'] as [string, string, string, string],
  fusionStart: 'starting value',
  fusionScore: 'score',

  /** Model labels where the manifest's English one (ModelPart.label) does not fit the language. */
  modelLabels: {} as Record<string, string>,

  // Notes on a result, made in the worker as data (./notes.ts).
  note: {
    noEvidenceCaveat: (): string => en.noEvidenceCaveat,
    imageDownscaled: (n) => `The image (${n.sourceWidth}x${n.sourceHeight}) was analysed downscaled to ${n.width}x${n.height}.`,
    framesDownscaled: (n) => `Frames (${n.sourceWidth}x${n.sourceHeight}) were analysed downscaled to ${n.width}x${n.height}.`,
    heavyCompression: (n) => `Heavy JPEG compression (quality about ${n.quality}): compression artefacts make the scores less reliable.`,
    degraded: (n) => `Degraded before analysis: ${n.how}.`,
    faceTooSmall: (n) => `Too small to assess (${n.side} px): below ${n.minPx} px the model is not reliable, so this face is not scored.`,
    faceSmall: (n) => `Small face (${n.side} px): fine detail is lost at this size and the model both misses manipulated faces and raises false alarms, so the score is weak evidence either way.`,
    smallDetections: (n) => `${n.count} face detections were smaller than ${n.smallPx} px: their scores are less reliable.`,
    decodingStopped: (n): string => `Decoding stopped early (${(en.refusal[n.failure.id] as (r: Refusal) => string)(n.failure)}); the results cover the first ${n.frames} frames.`,
  } as NoteWords,


  // Provenance (src/provenance).
  provenance: {
    heading: 'Provenance',
    intro: 'What the file says about itself. Metadata can be removed or rewritten by anyone: it gives leads to check, not proof.',
    file: 'File',
    credentials: 'Content credentials (C2PA)',
    metadata: 'Metadata',
    containerTags: "Metadata (the container's tags)",
    reading: "Reading the file's metadata…",
    size: 'Size',
    type: 'Type',
    notGiven: 'not given',
    jpegQuality: 'JPEG quality',
    jpegQualityValue: (quality: number) => `about ${quality} (estimated from its quantisation tables)`,
    container: 'Container',
    video: 'Video',
    bytes: (bytes: number) => `${bytes} bytes`,
    bytesExact: (size: string, bytes: number) => `${size} (${bytes.toLocaleString('en')} bytes)`,
    stream: (codec: string, width: number, height: number, fps: number | null, duration: number | null) =>
      `${codec}, ${width}x${height}${fps ? `, ${fps} frames per second` : ''}${duration ? `, ${duration.toFixed(1)} s` : ''}`,
    hideLocation: 'Hide location',
    showLocation: 'Show location',
    locationShown: (latitude: string, longitude: string) => `Latitude ${latitude}, longitude ${longitude} (as written in the file; it is in the report only while shown).`,
    locationHidden: 'The file records where it was taken (GPS). Hidden until you ask.',
    noMetadata: 'No camera or editing metadata',
    noMetadataRest: ' in this file.',
    noMetadataMeaning: 'Most social networks and messaging apps strip it when a file is uploaded, and screenshots and many editors never write it: its absence proves nothing either way.',
    noCredentials: 'No content credentials (C2PA) in this file. Few cameras and apps write them yet and most platforms strip them: their absence proves nothing.',
    camera: 'Camera',
    notNamed: 'not named',
    software: 'Software',
    editHistory: 'Edit history (XMP)',
    declaredSource: 'Declared source',
    colourProfile: 'Colour profile',
    metadataUnsupported: 'No metadata reader for this format: EXIF, XMP and IPTC are read from JPEG, PNG, TIFF, HEIC and AVIF files.',
    videoMetadataLater: "A video's metadata is read from its container's tags when its analysis starts.",
    credentialsUnsupported: (format: string) => `No content credentials reader for ${format || 'a file of unknown type'}.`,
    /** Why a reader failed, inside metadataFailed and credentialsFailed (./notes.ts ReadFailure). */
    readFailure: {
      metadataMalformed: (f) => `the file's metadata is malformed (${f.detail})`,
      credentialsMalformed: (f) => `the content credentials are malformed (${f.detail})`,
      timeUp: (f) => `reading it took longer than ${f.seconds} s, so it was stopped (the file may be malformed)`,
      readerStopped: (f) => `the reader stopped${f.detail ? ` (${f.detail})` : ''}`,
    } as ReadFailureWords,
    notHashedTooLarge: (mebibytes: number) => `Not hashed: the file is over ${mebibytes} MiB, and the browser hashes a file whole, in memory.`,
    notHashedFailed: (reason: string) => `Not hashed: ${reason}.`,
    metadataPartUnreadable: (detail: string) => `Part of the metadata could not be read (${detail}): it is damaged, or was written to confuse a reader.`,
    /** Dates as the file's fields name them. */
    dateLabel: {
      DateTimeOriginal: 'Taken (DateTimeOriginal)',
      CreateDate: 'Digitised (CreateDate)',
      ModifyDate: 'Modified (ModifyDate)',
      creation_time: 'Created (creation_time)',
      'com.apple.quicktime.creationdate': 'Created (QuickTime creationdate)',
    } as Record<DateField, string>,
    creditLabel: {
      Artist: 'Artist',
      Copyright: 'Copyright',
      Byline: 'By-line (IPTC)',
      Credit: 'Credit (IPTC)',
      Source: 'Source (IPTC)',
    } as Record<CreditField, string>,
    timeSpan: (count: number, unit: TimeUnit) => counted(count, unit, `${unit}s`),
    datesDisagree: (modifiedAfter: string | null) =>
      `These dates disagree:${modifiedAfter ? ` it was last modified ${modifiedAfter} after it was taken.` : ' they do not name the same moment.'} Saving the file again in an editor changes the modification date: it fits an edit, and also a plain re-save. Any of these fields can be rewritten by anyone.`,
    declaredSourceValue: (described: string, code: string) => `${described} (the file's own IPTC digital source type "${code}")`,
    /** IPTC's digital source types (cv.iptc.org/newscodes/digitalsourcetype). */
    digitalSourceType: {
      trainedAlgorithmicMedia: 'generated by AI',
      compositeWithTrainedAlgorithmicMedia: 'edited with generative AI',
      algorithmicallyEnhanced: 'enhanced by an algorithm',
      algorithmicMedia: 'made by an algorithm (not trained on data)',
      compositeSynthetic: 'a composite including synthetic elements',
      composite: 'a composite of several pictures',
      digitalCapture: 'captured by a digital camera',
      screenCapture: 'a screenshot',
    } as Record<string, string>,
    metadataFailed: (message: string) => `The metadata could not be read: ${message}. The rest of the analysis is not affected.`,
    credentialsFailed: (message: string) => `The content credentials could not be read: ${message}. The rest of the analysis is not affected.`,
    validation: 'Validation',
    validationTrusted: 'valid, signed by a trusted signer',
    validationValid: 'signature and hashes valid; the signer is on no trust list this app knows (untrusted)',
    validationInvalid: (problems: string[]) => `invalid: ${problems.join('; ')}`,
    /** What a failed C2PA check means (./notes.ts CredentialProblem). */
    credentialProblem: {
      changedAfterSigning: 'the file was changed after it was signed (its hash does not match)',
      signatureMismatch: 'the signature does not match the claim',
      unsigned: 'the claim is not signed',
      certificateExpired: "the signer's certificate had expired",
      certificateRevoked: "the signer's certificate was revoked",
      certificateInvalid: "the signer's certificate is not valid for signing",
      manifestChanged: 'a part of the manifest was changed after it was signed',
    } as Record<CredentialProblem, string>,
    issuedBy: (issuer: string) => `issued by ${issuer}`,
    signedBy: 'Signed by',
    signedAt: 'Signed at',
    noTimeStamp: 'no time-stamp',
    madeWith: 'Made with',
    actions: 'Actions',
    /** C2PA actions in words, by the code's last part ("c2pa.edited": edited); an unknown one is shown as its code. */
    credentialAction: {
      created: 'created',
      opened: 'opened (an existing file)',
      edited: 'edited',
      placed: 'placed (another picture added into it)',
      removed: 'removed (part of the picture)',
      cropped: 'cropped',
      resized: 'resized',
      filtered: 'filtered',
      drawing: 'drawn on',
      color_adjustments: 'colours adjusted',
      converted: 'converted to another format',
      transcoded: 'transcoded',
      published: 'published',
    } as Record<string, string>,
    noneRecorded: 'none recorded',
    ingredients: 'Ingredients',
    ingredient: (title: string | null, relationship: string | null) => `${title ?? 'untitled'} (${relationship ?? 'unknown'})`,
    // The verdict's line about the content credentials (credentialsHeadline).
    headlineInvalid: (problems: string[]) => `The file's content credentials do not validate (${problems.join('; ')}): what they say cannot be relied on.`,
    claimGenerated: 'the credentials say this was generated by AI',
    claimEditedWithAi: 'the credentials say this was edited with generative AI',
    claimEdits: (edits: string[]) => `the credentials record edits (${edits.join(', ')})`,
    claimValid: (actions: string[]) => `the file has valid content credentials (${actions.join(', ') || 'no actions recorded'})`,
    headline: (h: { claim: string; signer: string | null; trusted: boolean; outweighsFaces: boolean }) => {
      const sentence = `${h.claim.charAt(0).toUpperCase()}${h.claim.slice(1)}, ${h.signer ? `signed by ${h.signer}` : 'signed'}`;
      if (h.outweighsFaces) return `${sentence}, a trusted signer: this outweighs the face models' score.`;
      return `${sentence}: ${h.trusted ? 'a trusted signer' : 'a signer on no trust list this app knows, so who made the claim is not vouched for'}.`;
    },
    thumbnailUnchecked: 'The file embeds an EXIF thumbnail, but it could not be decoded to compare with the picture.',
    thumbnailMatches: 'The EXIF thumbnail embedded in the file shows the same picture.',
    thumbnailDiffers: 'The EXIF thumbnail embedded in the file shows a different picture.',
    thumbnailDiffersWhy: "Editors often leave the camera's thumbnail in place when they change the picture: a classic sign that it was edited (or cropped) after it was taken. Another program may also have written the thumbnail.",
    pictureAlt: 'The picture as the file shows it',
    pictureCaption: 'The picture',
    thumbnailAlt: "The thumbnail embedded in the file's EXIF",
    thumbnailCaption: 'Its embedded thumbnail',
  },

  // Comparison with an original (src/compare).
  compare: {
    heading: 'Compare with an original',
    intro: (video: boolean) =>
      `Have the picture this ${video ? "video's frame on screen" : 'one'} was supposedly made from? Add it: the two are aligned, and what differs beyond resizing and recompression is outlined.`,
    pick: 'Compare with an original…',
    noFrame: 'This browser cannot show frames of this video, so there is no frame to compare.',
    comparing: 'Comparing with',
    compared: (frameTime: string | null) => `Compared ${frameTime ? `the frame at ${frameTime} ` : ''}with`,
    face: (n: number, changed: boolean, percent: number, mean: string) =>
      `Face ${n}: ${changed ? 'changed' : 'no change found'} (${percent}% of its box differs; mean difference ${mean} of 255)`,
    summary: (onFaces: boolean, correlation: string, regions: number) =>
      `Aligned ${onFaces ? "on the faces' landmarks" : 'frame onto frame'} (correlation ${correlation}). ${regions ? `${counted(regions, 'changed region', 'changed regions')} outlined` : 'No changed region found'}, after blurring both pictures to set resizing and recompression aside.`,
    alignedOriginal: 'The original, aligned',
    comparedPicture: (frameTime: string | null) => (frameTime ? `This video at ${frameTime}` : 'This picture'),
    reveal: (frame: boolean) => `Original on the left of the line, this ${frame ? 'frame' : 'picture'} on the right`,
    differenceAlt: 'Difference between the two pictures (yellow: most different)',
    differenceCaption: 'Difference, changed regions outlined',
    /** Why there is no comparison (src/compare/types.ts ComparisonFailure). */
    failure: {
      noFrame: (): string => en.compare.noFrame,
      notSamePicture: (f) =>
        `These do not look like the same picture: even aligned ${f.facesTried ? 'on the faces or ' : ''}frame onto frame, they correlate at only ${f.correlation.toFixed(2)}. A difference map would mean nothing.`,
      tooLarge: (f) => `The original could not be compared: the picture is over ${f.megapixels} megapixels.`,
      undecodable: () => 'The original could not be compared: it could not be decoded as an image.',
      stopped: (f) => `The comparison failed: the comparison stopped${f.detail ? ` (${f.detail})` : ''}.`,
      failed: (f) => `The comparison failed: ${f.detail}.`,
    } as ComparisonFailureWords,
  },

  /** Why a file cannot be analysed (./notes.ts Refusal). */
  refusal: {
    emptyFile: () => 'The file is empty (0 bytes).',
    imageTooLarge: (r) => `The image is ${r.width}x${r.height} pixels, more than the ${r.maxMegapixels} megapixels this app analyses. Resize it and try again.`,
    imageUndecodable: (r) =>
      `This file${r.type ? ` (${r.type})` : ''} could not be decoded as an image: it may be damaged, truncated, or in a format this browser cannot read. Try a JPEG, PNG or WebP copy.`,
    notAnImage: (r) =>
      `This file is not an image: ${r.text ? 'its content is text' : 'its first bytes match no image format'}${r.type ? `, although it is labelled ${r.type}` : ''}. Choose the photo or video itself.`,
    notAVideo: () => 'This file could not be read as a video: it may be damaged, truncated, or not a video at all.',
    soundOnly: () => 'This file has sound but no picture: there are no faces to analyse.',
    noPicture: () => 'No video picture was found in this file: it may be damaged, truncated, or not a video.',
    notIsolated: () => 'Video analysis needs this page to be served cross-origin isolated (COOP/COEP headers); reload the page from the app itself.',
    noFrames: () => 'This video has no frames to analyse.',
    codecUnsupported: (r) => `This video's codec${r.codec ? ` (${r.codec})` : ''} cannot be decoded here. Convert it to H.264 MP4 or VP9 WebM and try again.`,
    videoDamaged: () => 'This video could not be decoded: the file looks damaged or truncated. If it was downloaded, try downloading it again.',
    videoUndecodable: () => 'This video could not be decoded: the file may be damaged or in a format this app cannot read. Try an MP4 (H.264) or WebM copy.',
    decoderStopped: (r) =>
      `The video decoder stopped${r.detail ? ` (${r.detail})` : ''}: the file may be damaged, or too large for this browser's memory. Try a shorter or smaller copy.`,
  } as RefusalWords,

  // The page.
  title: 'Mikiwame — face manipulation check',
  tagline: 'Checks the faces in a photo or video for signs of manipulation. Everything runs on this device: nothing is uploaded.',
  wordmarkName: 'Mikiwame 見極め',
  choose: 'Choose a photo or video',
  orDrop: 'or drop it anywhere on this page, or paste it (Ctrl+V).',
  dropHint: 'Drop to analyse',
  pastedImage: 'pasted image',
  analysisRegion: 'Analysis',
  languageSwitch: 'Language / 言語',
  limitsTitle: 'What the scores mean, and their limits',
  limits: (minPx: number, caveat: string) => [
    'Each face gets a score, the model\'s probability that it was manipulated, and a band that says how often authentic faces scored as high in our tests. It is evidence, not proof: the final judgment is yours.',
    `${caveat} "No evidence found" is all a score below the weak band says; the app never calls a face authentic.`,
    `Faces under ${minPx} px are too small to assess: they are boxed but not scored, and do not count towards the verdict.`,
    'The heatmap shows where the models see evidence: the multi-task model\'s estimate of the manipulated region, and where that has nothing to say, the parts of the face that raised its score. It is drawn only on faces with weak evidence or more, faint at weak. Read it as "where to look", not as proof; no heat is not evidence that a face is authentic.',
    'Heavy recompression, resizing, small faces and profile views reduce reliability; these are flagged when detected. Small, heavily recompressed photos of real people score higher than sharp ones; the bands were measured on such faces too. Retouched photos of real people (skin smoothing, beauty modes, blur, strong sharpening) score high too, and the bands were not measured on them.',
    'On real-world deepfake videos the scores run low: the bands are set so that authentic faces rarely reach them, and many fake people stay under the weak band too. On a video, a low score is not evidence of authenticity; compare people and moments on the timeline.',
    'No face found means the image cannot be assessed, not that it is authentic. Whole-image synthesis and non-face edits are out of scope.',
  ],

  // Header controls.
  installApp: 'Install app',
  availableOffline: 'Available offline',
  downloadingOffline: (loaded: number, total: number) => `Downloading for offline use… ${loaded} / ${total} MB`,
  makeOffline: (megabytes: number) => `Make available offline (${megabytes} MB)`,
  offlineFailed: (message: string) => `Download failed: ${message}. Try again when online.`,
  newVersion: 'A new version of Mikiwame is ready.',
  updateAfter: 'Update after this analysis',
  updateNow: 'Update now',

  // Engine.
  loadingEngine: (item: string | undefined) => `Loading the ${item ?? 'analysis engine'} (first time only)…`,
  engineDownload: 'Engine download',
  runningOn: 'Running on',
  models: (versions: string) => `models: ${versions}`,
  backendCpu: 'WebAssembly (CPU)',

  // Files and their states.
  filesList: 'Files',
  fileStatus: { queued: 'waiting', analyzing: 'analysing…', done: 'done', error: 'failed' },
  removeFile: (name: string) => `Remove ${name}`,
  waitsTurn: (ahead: number) => `waits its turn: ${counted(ahead, 'file', 'files')} ahead.`,
  analysing: 'Analysing',
  searchingSmallFaces: 'Still looking for smaller faces (too small to assess, they are only boxed)…',
  cancel: 'Cancel',
  errorMark: 'Not analysed',
  cancelled: 'Analysis cancelled.',
  engineNotDownloaded:
    'The analysis engine has not been downloaded yet, and it cannot be while this device is offline. Open Mikiwame once while online (or use "Make available offline"): after that it works without a network.',
  engineCrashed: (detail: string | null) => `The analysis engine stopped unexpectedly${detail ? ` (${detail})` : ''}. It has been restarted.`,
  engineSilent: 'The analysis engine stopped responding. It has been restarted.',
  analysisFailed: (message: string) => `The analysis failed: ${message}. The app is still usable: try another file.`,

  // Announcements (the live region).
  announceEngine: 'Loading the analysis engine.',
  announceQueued: (name: string) => `${name} waits its turn.`,
  announceEngineThen: (name: string) => `Loading the analysis engine (first time only), then analysing ${name}.`,
  announceAnalysing: (name: string, percent: number | null) => `Analysing ${name}${percent ? `: ${percent} % done` : ''}.`,
  announceFailed: 'failed',

  // Reports.
  downloadJson: 'Download report (JSON)',
  downloadPdf: 'Download report (PDF)',
  makingPdf: 'Making the PDF…',
  pdfFailed: (message: string) => `The PDF could not be made: ${message}.`,
  pdfFontMissing:
    'The Japanese font for the PDF has not been downloaded yet, and it cannot be while this device is offline. Open Mikiwame once while online (or use "Make available offline"); the JSON report works now.',
  /** The PDF report (src/report/pdf.ts); its labels shared with the screen come from the sections above. */
  pdf: {
    title: 'Mikiwame analysis report',
    documentTitle: (name: string) => `Mikiwame report: ${name}`,
    subject: 'Signs of face manipulation, checked on the device',
    madeOn: (when: string) => `Made on this device on ${when}. Nothing was uploaded. It shows evidence; the judgment stays yours.`,
    fileName: 'File name',
    fingerprintPending: 'not computed (the file was still being read)',
    notComputed: 'not computed',
    picture: 'Picture',
    pictureSize: (width: number, height: number, analysed: string | null) => `${width}x${height} pixels${analysed ? `, analysed at ${analysed}` : ''}`,
    analysed: 'Analysed',
    analysedFrames: (frames: number, sampling: string, size: string) => `${frames} frames: ${sampling}, at ${size}`,
    nameLost: 'Characters of the name that this PDF\'s fonts cannot show are written "?"; the exact name is in the document\'s properties (its title) and in the JSON report.',
    verdict: 'Verdict',
    notApplicable: 'Not applicable: no face to assess',
    cannotAssess: 'Cannot be assessed',
    couldNotAnalyse: (error: string) => `The file could not be analysed: ${error}`,
    reportStatus: (status: string) => `Report status: ${status}.`,
    faceCrop: 'Face crop (as the models saw it)',
    heatOver: 'Heatmap over it',
    heatLegend: 'Heatmap: where the models see evidence, from dark purple (little) to yellow (strong); drawn from the weak band up, faint at weak. No heat is not evidence of authenticity.',
    faces: (count: number) => (count === 1 ? 'The face' : `The faces (${count})`),
    probability: 'Probability',
    probabilityMean: 'Probability (mean)',
    notScored: 'not scored',
    evidence: 'Evidence',
    subjectTitle: (subject: string, score: string | null, band: string) => `${subject}: ${score === null ? 'too small to assess' : `${score}, ${band.toLowerCase()}`}`,
    people: (count: number) => (count === 1 ? 'The person' : `The people (${count})`),
    seenFromTo: (from: string, to: string) => `${from} - ${to}`,
    highestFrameValue: (score: string, time: string) => `${score} at ${time}; in that frame:`,
    pictured: (time: string) => `Pictured: the frame at ${time}, this person's highest-scoring frame.`,
    timeline: 'Timeline',
    notAnalysed: 'not analysed',
    momentLine: (from: string, to: string, person: number, score: string) => `${from} - ${to} · person ${person} · mean ${score}`,
    momentAt: (time: string, score: string) => `At ${time}: ${score}.`,
    momentPicture: "The frame as the player shows it, with the person's box.",
    framesUnavailable: 'No frame is pictured: this browser cannot play this video, and the analysis keeps no frames.',
    provenancePending: "The file's metadata was still being read when this report was made.",
    noMetadata: (meaning: string) => `No camera or editing metadata in this file. ${meaning}`,
    location: 'Location (GPS)',
    locationValue: (latitude: string, longitude: string) => `latitude ${latitude}, longitude ${longitude}`,
    locationWithheld: 'recorded in the file; left out of this report (not shown on screen)',
    thumbnailDiffers: "The EXIF thumbnail embedded in the file shows a different picture: editors often leave the camera's thumbnail in place when they change the picture.",
    comparison: 'Comparison with an original',
    comparedFrame: (time: string) => `this video's frame at ${time}`,
    comparedPicture: 'this picture',
    comparisonFailed: (what: string, original: string, message: string) => `Compared ${what} with ${original}: ${message}`,
    comparisonDone: (c: { what: string; original: string; onFaces: boolean; correlation: string; regions: number }) =>
      `Compared ${c.what} with ${c.original}, aligned ${c.onFaces ? "on the faces' landmarks" : 'frame onto frame'} (correlation ${c.correlation}). ` +
      `${c.regions ? `${counted(c.regions, 'changed region', 'changed regions')} found` : 'No changed region found'}, after blurring both pictures to set resizing and recompression aside.`,
    differenceCaption: 'The difference between the two (yellow: most different).',
    models: 'Models',
    noModel: 'No model ran: the file could not be analysed.',
    modelVersion: (name: string, version: string) => `${name}, version ${version}`,
    ranOn: 'Ran on',
    combined: 'Combined',
    combinedFusion: "a logistic regression on the models' calibrated outputs, fitted on held-out validation faces",
    combinedOne: (model: string) => `one model: ${model}'s calibrated output`,
    bandsHeading: 'What the bands mean',
    limitsHeading: 'Limits of this method',
    partialStopped: (reason: string | null, at: string, duration: string | null) =>
      `Partial results: the analysis ${reason ? `stopped (${reason})` : 'was cancelled'} at ${at}${duration ? ` of ${duration}` : ''}. Everything below covers the video up to there only.`,
    partialUnfinished: 'Partial results: the analysis had not finished when this report was made.',
    footer: (name: string, page: number, pages: number) => `Mikiwame report · ${name} · page ${page} of ${pages}`,
  },

  // An image's faces.
  notApplicable: 'Not applicable',
  noFaceText: 'No face was found, so there is nothing to assess. This does not mean the image is authentic.',
  noFaceHint: 'Faces smaller than about 24 pixels, strongly turned away, or heavily covered may not be found.',
  facesList: 'Faces',
  face: (n: number) => `Face ${n}`,
  tooSmallToAssess: 'Too small to assess',
  /** The label of a too-small face's box over a video, after the person's number. */
  boxTooSmall: 'too small',
  looksLike: 'looks like',
  faceSize: 'face size',
  faceSizeValue: (width: number, height: number) => `${width}×${height} px`,
  detectorConfidence: 'detector confidence',
  faceBoxName: (n: number, score: string | null) => `Face ${n}: ${score === null ? 'too small to assess' : `probability ${score}`}. Zoom to it.`,
  analysedImage: (name: string) => `The analysed image: ${name}`,
  showWholeImage: 'Show whole image',
  heatmap: 'Heatmap',
  opacity: 'Opacity',
  heatmapLegend: 'Heatmap colours: where the models see evidence of manipulation, from dark purple, little, through teal and green to yellow, strong',
  legendUnlikely: 'little',
  legendLikely: 'strong evidence',
  heatmapMeaning: 'Where the models see evidence, on faces with weak evidence or more. No heat is not evidence of authenticity.',

  // A video.
  framesToAnalyse: 'Video frames to analyse',
  rate: { auto: 'Automatic (all frames if fast enough)', all: 'Every frame', perSecond: (n: number) => `${n} per second` },
  framesAnalysedName: 'Frames analysed',
  framesCount: (done: number, total: number | null) => `${done}${total ? ` / ${total}` : ''} frames`,
  framesPerSecond: (speed: number) => `${speed.toFixed(1)} frames/s`,
  timeLeft: (time: string) => `about ${time} left`,
  soFar: (summary: string) => `So far: ${summary}`,
  analysedFrames: (frames: number, sampling: string) => `Analysed ${frames} frames: ${sampling}.`,
  stoppedAt: (time: string) => `Stopped at ${time}: the results cover the video up to there.`,
  noFaceYet: 'No face yet',
  noFaceYetText: 'No face has been found in the analysed frames. Faces smaller than about 48 pixels, strongly turned away or covered may not be found.',
  peopleList: 'People',
  person: (n: number) => `Person ${n}`,
  seen: 'seen',
  framesAnalysed: 'frames analysed',
  framesInBand: 'frames in the weak band or above',
  highestFrame: 'highest frame',
  moments: 'Highest-scoring moments',
  moment: (from: string, to: string, person: number, score: string) => `${from}–${to} · person ${person} · ${score}`,
  exportVideo: 'Export annotated video (MP4)',
  exportMaking: 'Making the annotated video…',
  exportMade: 'Annotated video made',
  exportCancel: 'Cancel export',
  exportCancelled: 'Export cancelled: no video was saved.',
  /** Why no annotated video was made (src/export/types.ts ExportFailure). */
  exportFailure: {
    noEncoder: () => 'This browser has no H.264 video encoder, so the annotated video cannot be made here.',
    unreadable: (f) => `The video could not be read again for the export: ${(en.refusal[f.refusal.id] as (r: Refusal) => string)(f.refusal)}`,
    stopped: (f) => `The video could not be made: the export stopped${f.detail ? ` (${f.detail})` : ''}.`,
    failed: (f) => `The video could not be made: ${f.detail}.`,
  } as ExportFailureWords,
  // The legend burnt into the annotated video.
  legendTitle: 'Mikiwame · box: person · probability of manipulation',
  legendStopped: (time: string) => `Analysis stopped at ${time}: later frames not analysed`,
  legendHeat: 'heat',
  analysedVideo: (name: string) => `The analysed video: ${name}`,
  unplayable:
    'This browser cannot play this video format (the analysis decodes it itself): the scores, timeline and jump points are complete, but the boxes and heatmap cannot be shown over the picture. A copy converted to H.264 MP4 would play.',
  unplayableDamaged:
    'The player stopped: this video file is damaged or cut short (an interrupted download or copy, for example). The results cover the part that could be decoded; a complete copy of the file would play to the end.',
  timelineCaption: (threshold: number, traced: boolean) =>
    `Probability of manipulation in each analysed frame, one line per person; dashed: where weak evidence starts (${threshold}).${traced ? " Thin line: MesoNet's output on every analysed frame, shown beside the score, not part of it." : ''}`,
  timelineName: 'Timeline position; the arrow keys seek by a second, Page Up and Page Down by ten',
  timelineValue: (now: string, of: string) => `${now} of ${of}`,
};

type ReadFailureWords = { [K in ReadFailure['id']]: (failure: Extract<ReadFailure, { id: K }>) => string };
type ComparisonFailureWords = { [K in ComparisonFailure['id']]: (failure: Extract<ComparisonFailure, { id: K }>) => string };
type ExportFailureWords = { [K in ExportFailure['id']]: (failure: Extract<ExportFailure, { id: K }>) => string };
type NoteWords = { [K in Note['id']]: (note: Extract<Note, { id: K }>) => string };
type RefusalWords = { [K in Refusal['id']]: (refusal: Extract<Refusal, { id: K }>) => string };

/**
 * The shape every language fills: a missing or mistyped entry in another language is a type error.
 * (TypeScript widens the literals above to string, so only the keys and parameters are fixed.)
 */
export type Messages = typeof en;

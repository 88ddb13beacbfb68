import type { Messages } from './en';

import type { Refusal } from './notes';

const number = new Intl.NumberFormat('ja-JP');
const n = (value: number) => number.format(value);
const list = (items: string[]) => new Intl.ListFormat('ja-JP', { type: 'conjunction' }).format(items);

const bandLabel: Messages['bandLabel'] = {
  none: '操作の証拠は見つかりませんでした',
  weak: '操作の弱い証拠',
  moderate: '操作の中程度の証拠',
  strong: '操作の強い証拠',
};

const noEvidenceCaveat =
  'スコアが「弱い証拠」の帯を下回っても、本物である証拠にはなりません。これらのモデルは多くの操作を見逃します。特に実際に出回っている動画や、学習データと異なる偽物ではその傾向が強くなります。';

const cannotAssessVideo = 'この動画は判定できません。本物だという判定ではありません。';

const refusalText = (refusal: Refusal): string => (ja.refusal[refusal.id] as (r: Refusal) => string)(refusal);

/** 日本語の文言。ファクトチェッカーが読んで自然な言い回しにしてある(英語の直訳ではない)。 */
export const ja: Messages = {
  bandLabel,
  bandInSentence: (band) => bandLabel[band],
  bandMeaningNone: (percent, under) =>
    `私たちの検証では、どの出典の本物の顔も100件中${percent}件以上が${under}未満でした。操作された顔の多くも同じく${under}未満です。`,
  bandMeaning: (inHundred, from) =>
    `私たちの検証では、${from}以上になった本物の顔は100件中${inHundred}件以下でした(四つの出典の本物の顔。無加工・再圧縮・小さい顔を含む)。`,
  bandGuideNone: (label, under) => `${label}(${under}未満)`,
  bandGuideFrom: (label, from) => `${label}(${from}以上)`,
  noEvidenceCaveat,
  methodLimits: (minPx, smallPx, caveat) => [
    ['スコアが低くても、ファイルが本物だという証明にはなりません。', caveat],
    [
      '再圧縮や縮小で精度が下がります。',
      'SNSやメッセージアプリを経由したファイルは、たいてい縮小・再圧縮されていて、モデルが手がかりにする細部の多くが失われています。そうしたファイルのスコアは、どちらの向きにも弱い証拠として扱ってください。',
    ],
    [
      '小さな顔は判定しません。',
      `${minPx}ピクセル未満の顔はスコアを付けず、${smallPx}ピクセル未満の顔のスコアは信頼性が下がります。約24ピクセル(動画のフレームでは48ピクセル)未満の顔、横顔、隠れた顔は検出されないことがあります。`,
    ],
    [
      '学習データと異なる生成方法は見逃されることがあります。',
      'モデルが学んだのは数種類のフェイススワップ、GANによる顔、自己ブレンド画像です。新しい手法や異なる手法ではスコアが低くなることがあります。顔を含まない画像全体の生成、顔以外の編集、音声は分析しません。',
    ],
    [
      'ヒートマップは手がかりであり、輪郭ではありません。',
      '一つのモデルが操作を見ている場所を示すもので、ほとんどは顔のある場所です。編集された範囲を正確になぞるものではありません。',
    ],
    [
      'メタデータやコンテンツ認証情報は削除・書き換えができます。',
      '確認の手がかりにはなりますが、証明にはなりません。無いことも何の証明にもなりません。',
    ],
  ],

  imageNoFace: '顔が見つかりませんでした。この画像は判定できません。本物だという判定ではありません。',
  imageAllTooSmall: (faces, minPx) =>
    `${n(faces)}件の顔が見つかりましたが、${faces === 1 ? '' : 'いずれも'}小さすぎて判定できません(${minPx}ピクセル未満)。この画像は判定できません。本物だという判定ではありません。`,
  imageVerdict: (v) =>
    `${n(v.faces)}件の顔が見つかりました。最高スコアは${v.score}${v.face === null ? '' : `(顔${v.face})`}で、${bandLabel[v.band]}。` +
    (v.tooSmall > 0 ? `${n(v.tooSmall)}件の顔は小さすぎて判定できず(${v.minPx}ピクセル未満)、数に入れていません。` : ''),

  videoNoLargeFace: (minPx) => `判定できる大きさの顔がありませんでした(ほとんどのフレームで${minPx}ピクセル未満)。${cannotAssessVideo}`,
  videoNoLongFace: (anyFace) => `判定できるほど長く追跡できた顔がありませんでした${anyFace ? '(顔は短い間しか映っていません)' : ''}。${cannotAssessVideo}`,
  videoVerdict: (v) =>
    `${n(v.people)}人を追跡しました。最高スコアは${v.score}${v.person === null ? '' : `(人物${v.person})`}、${n(v.frames)}フレームの平均で、${bandLabel[v.band]}。` +
    (v.tooSmall > 0 ? `${n(v.tooSmall)}人は小さすぎて判定できず(${v.minPx}ピクセル未満)、数に入れていません。` : ''),
  trackTooSmall: (minPx) => `ほとんどのフレームで顔が${minPx}ピクセル未満のため、小さすぎて判定できず、数に入れていません。`,
  trackBrief: '映っているフレームが少なすぎるため、判定には数えません。',
  trackScoreExplanation: (frames) =>
    `分析した${n(frames)}フレームでの顔の確率の平均です。上下それぞれ1割(少なくとも1フレームずつ)を除いているので、おかしなフレームが一つあっても結果は左右されず、短い操作の場面があっても平均はあまり動きません。タイムラインと下の場面を見てください。`,
  samplingEvery: (fps) => `すべてのフレーム${fps ? `(毎秒${fps}フレーム)` : ''}`,
  samplingSome: (sampleFps, fps) => `毎秒${fps ?? '?'}フレームのうち${sampleFps}フレーム`,

  kindSynthesised: (p) => `顔全体の合成(GANのようなもの)、${p}`,
  kindReplaced: (p) => `顔の置き換え・ブレンド(フェイススワップ、ブレンド)、${p}`,
  kindUndecided: (synthesised, replaced) => `判断できず(合成${synthesised}、置き換え・ブレンド${replaced})`,
  kindNotSaid: '操作の中程度の証拠に届かないため示しません',

  scoreOneModel: (model) => `スコアは${model}の較正済み出力です。`,
  scoreTheModel: 'モデル',
  scoreWeighted: 'スコアは、各モデルの出力を、検証用の写真で本物と操作済みの顔をどれだけ見分けられたかで重み付けしたものです。そのため平均ではなく、各出力の範囲外になることもあります。',
  scoreDisagree: (above, below, threshold, heaviest) =>
    `ここではモデルの意見が分かれています(${list(above)}は${threshold}以上、${list(below)}は未満)。モデルごとに見る痕跡が違い、見逃す偽物も違います。最も重いのは${heaviest}です。`,
  scoreNotCarried: (side, threshold, bias) =>
    `ここではすべてのモデルが${threshold}${side === 'above' ? '以上' : '未満'}ですが、スコアはそうなっていません。重みが1未満で開始値が${bias}なので、${threshold}にこれほど近い出力では境目を越えません。`,
  howModelsCombine: 'モデルの組み合わせ方',
  howModelsCombineText: (bias) =>
    `各モデルの出力を対数オッズ(0.5のとき0)に変換し、重みを掛けて、開始値${bias}に足します。その合計を確率に戻したものがスコアです。重みは検証用の写真と自己ブレンドの偽物で求めました。`,
  fusionColumns: ['モデル', '出力', '重み', '加算'],
  fusionStart: '開始値',
  fusionScore: 'スコア',

  modelLabels: { meso4: 'MesoNet(Meso-4)', mnv2: 'MobileNetV2 分類器', 'mnv2-multitask': 'MobileNetV2 マルチタスクネット' },

  note: {
    noEvidenceCaveat: () => noEvidenceCaveat,
    imageDownscaled: (x) => `画像(${x.sourceWidth}×${x.sourceHeight})は${x.width}×${x.height}に縮小して分析しました。`,
    framesDownscaled: (x) => `フレーム(${x.sourceWidth}×${x.sourceHeight})は${x.width}×${x.height}に縮小して分析しました。`,
    heavyCompression: (x) => `JPEGの圧縮が強くかかっています(品質およそ${x.quality})。圧縮による劣化でスコアの信頼性が下がります。`,
    degraded: (x) => `分析の前に劣化させました: ${x.how}。`,
    faceTooSmall: (x) => `小さすぎて判定できません(${x.side}ピクセル)。${x.minPx}ピクセル未満ではモデルの信頼性がないため、この顔にはスコアを付けません。`,
    faceSmall: (x) => `小さな顔です(${x.side}ピクセル)。この大きさでは細部が失われ、モデルは操作された顔を見逃すことも、誤って検出することもあるため、スコアはどちらの向きにも弱い証拠です。`,
    smallDetections: (x) => `${n(x.count)}件の顔検出が${x.smallPx}ピクセル未満でした。そのスコアは信頼性が下がります。`,
    decodingStopped: (x) => `デコードが途中で止まりました(${refusalText(x.failure)})。結果は最初の${n(x.frames)}フレームの分です。`,
  },


  provenance: {
    heading: '来歴',
    intro: 'ファイルが自らについて記録していること。メタデータは誰でも削除・書き換えができます。確認の手がかりであって、証明ではありません。',
    file: 'ファイル',
    credentials: 'コンテンツ認証情報(C2PA)',
    metadata: 'メタデータ',
    containerTags: 'メタデータ(コンテナのタグ)',
    reading: 'ファイルのメタデータを読んでいます…',
    size: 'サイズ',
    type: '種類',
    notGiven: '記載なし',
    jpegQuality: 'JPEGの品質',
    jpegQualityValue: (quality) => `およそ${quality}(量子化テーブルからの推定)`,
    container: 'コンテナ',
    video: '映像',
    bytes: (bytes) => `${n(bytes)}バイト`,
    bytesExact: (size, bytes) => `${size}(${n(bytes)}バイト)`,
    stream: (codec, width, height, fps, duration) =>
      `${codec}、${width}×${height}${fps ? `、毎秒${fps}フレーム` : ''}${duration ? `、${duration.toFixed(1)}秒` : ''}`,
    hideLocation: '位置情報を隠す',
    showLocation: '位置情報を表示',
    locationShown: (latitude, longitude) => `緯度${latitude}、経度${longitude}(ファイルに書かれたとおり。表示している間だけレポートに含めます)。`,
    locationHidden: 'このファイルには撮影場所(GPS)が記録されています。求められるまで表示しません。',
    noMetadata: 'このファイルにはカメラや編集のメタデータがありません。',
    noMetadataRest: '',
    noMetadataMeaning: 'ほとんどのSNSやメッセージアプリはアップロード時に削除し、スクリーンショットや多くの編集ソフトはそもそも書き込みません。無いことはどちらの証明にもなりません。',
    noCredentials: 'このファイルにはコンテンツ認証情報(C2PA)がありません。書き込むカメラやアプリはまだ少なく、多くのプラットフォームは削除します。無いことは何の証明にもなりません。',
    camera: 'カメラ',
    notNamed: '記載なし',
    software: 'ソフトウェア',
    editHistory: '編集履歴(XMP)',
    declaredSource: '申告された出所',
    colourProfile: 'カラープロファイル',
    metadataUnsupported: 'この形式のメタデータは読めません。EXIF、XMP、IPTCを読めるのはJPEG、PNG、TIFF、HEIC、AVIFのファイルです。',
    videoMetadataLater: '動画のメタデータは、分析が始まるときにコンテナのタグから読み取ります。',
    credentialsUnsupported: (format) => `${format || '種類のわからないファイル'}のコンテンツ認証情報は読めません。`,
    readFailure: {
      metadataMalformed: (f) => `ファイルのメタデータの形式が正しくありません(${f.detail})`,
      credentialsMalformed: (f) => `コンテンツ認証情報の形式が正しくありません(${f.detail})`,
      timeUp: (f) => `読み取りに${f.seconds}秒以上かかったため中止しました(ファイルの形式が正しくない可能性があります)`,
      readerStopped: (f) => `読み取り処理が止まりました${f.detail ? `(${f.detail})` : ''}`,
    },
    notHashedTooLarge: (mebibytes) => `ハッシュ値は計算していません。ファイルが${n(mebibytes)} MiBを超えており、ブラウザはファイル全体をメモリに載せてハッシュを計算するためです。`,
    notHashedFailed: (reason) => `ハッシュ値は計算していません: ${reason}。`,
    metadataPartUnreadable: (detail) => `メタデータの一部を読めませんでした(${detail})。壊れているか、読み取りを混乱させるように書かれています。`,
    dateLabel: {
      DateTimeOriginal: '撮影日時(DateTimeOriginal)',
      CreateDate: 'デジタル化日時(CreateDate)',
      ModifyDate: '変更日時(ModifyDate)',
      creation_time: '作成日時(creation_time)',
      'com.apple.quicktime.creationdate': '作成日時(QuickTime creationdate)',
    },
    creditLabel: {
      Artist: '作者',
      Copyright: '著作権',
      Byline: '作者名(IPTC)',
      Credit: 'クレジット(IPTC)',
      Source: '出典(IPTC)',
    },
    timeSpan: (count, unit) => `${n(count)}${{ day: '日', hour: '時間', minute: '分', second: '秒' }[unit]}`,
    datesDisagree: (modifiedAfter) =>
      `これらの日時は一致しません。${modifiedAfter ? `最後に変更されたのは撮影の${modifiedAfter}後です。` : '同じ時点を指していません。'}編集ソフトでファイルを保存し直すと変更日時が変わります。編集があったことと合いますが、単に保存し直しただけでも同じになります。これらの項目はどれも誰でも書き換えられます。`,
    declaredSourceValue: (described, code) => `${described}(ファイル自身が記すIPTCのデジタルソースタイプ「${code}」)`,
    digitalSourceType: {
      trainedAlgorithmicMedia: 'AIによる生成',
      compositeWithTrainedAlgorithmicMedia: '生成AIによる編集',
      algorithmicallyEnhanced: 'アルゴリズムによる補正',
      algorithmicMedia: 'アルゴリズムによる生成(データで学習したものではない)',
      compositeSynthetic: '合成された要素を含む合成画像',
      composite: '複数の画像の合成',
      digitalCapture: 'デジタルカメラでの撮影',
      screenCapture: 'スクリーンショット',
    },
    metadataFailed: (message) => `メタデータを読めませんでした: ${message}。その他の分析には影響しません。`,
    credentialsFailed: (message) => `コンテンツ認証情報を読めませんでした: ${message}。その他の分析には影響しません。`,
    validation: '検証',
    validationTrusted: '有効。信頼できる署名者による署名',
    validationValid: '署名とハッシュは有効。ただし署名者は、このアプリが知るどの信頼リストにも載っていません(未確認)',
    validationInvalid: (problems) => `無効: ${problems.join('。')}`,
    credentialProblem: {
      changedAfterSigning: '署名の後にファイルが変更されています(ハッシュが一致しません)',
      signatureMismatch: '署名がクレームと一致しません',
      unsigned: 'クレームに署名がありません',
      certificateExpired: '署名者の証明書は期限切れでした',
      certificateRevoked: '署名者の証明書は失効していました',
      certificateInvalid: '署名者の証明書は署名に使えないものです',
      manifestChanged: 'マニフェストの一部が署名の後に変更されています',
    },
    issuedBy: (issuer) => `発行者: ${issuer}`,
    signedBy: '署名者',
    signedAt: '署名日時',
    noTimeStamp: 'タイムスタンプなし',
    madeWith: '作成ツール',
    actions: '操作',
    credentialAction: {
      created: '作成',
      opened: '既存のファイルを開く',
      edited: '編集',
      placed: '配置(別の画像を取り込む)',
      removed: '削除(画像の一部)',
      cropped: 'トリミング',
      resized: 'サイズ変更',
      filtered: 'フィルター',
      drawing: '描画',
      color_adjustments: '色調整',
      converted: '別の形式への変換',
      transcoded: 'トランスコード',
      published: '公開',
    },
    noneRecorded: '記録なし',
    ingredients: '素材',
    ingredient: (title, relationship) =>
      `${title ?? '無題'}(${relationship ? ({ parentOf: '元の素材', componentOf: '構成要素', inputTo: '入力' } as Record<string, string>)[relationship] ?? relationship : '関係不明'})`,
    headlineInvalid: (problems) => `このファイルのコンテンツ認証情報は検証に通りません(${problems.join('。')})。記載内容は当てにできません。`,
    claimGenerated: 'コンテンツ認証情報によると、これはAIで生成されたものです',
    claimEditedWithAi: 'コンテンツ認証情報によると、これは生成AIで編集されています',
    claimEdits: (edits) => `コンテンツ認証情報には編集(${edits.join('、')})が記録されています`,
    claimValid: (actions) => `このファイルには有効なコンテンツ認証情報があります(${actions.join('、') || '操作の記録なし'})`,
    headline: (h) => {
      const signed = h.signer ? `署名者は${h.signer}で` : '署名者の名前はありませんが';
      if (h.outweighsFaces) return `${h.claim}。${signed}、信頼できる署名者です。これは顔のモデルのスコアより重く見るべき情報です。`;
      return `${h.claim}。${signed}、${h.trusted ? '信頼できる署名者です' : 'このアプリが知るどの信頼リストにも載っていない署名者のため、誰の主張なのかは保証されていません'}。`;
    },
    thumbnailUnchecked: 'ファイルにはEXIFサムネイルが埋め込まれていますが、デコードできず画像と比べられませんでした。',
    thumbnailMatches: 'ファイルに埋め込まれたEXIFサムネイルは同じ画像を示しています。',
    thumbnailDiffers: 'ファイルに埋め込まれたEXIFサムネイルは別の画像を示しています。',
    thumbnailDiffersWhy: '編集ソフトは画像を変えてもカメラのサムネイルをそのまま残すことがよくあります。撮影後に編集(またはトリミング)された典型的な兆候です。別のプログラムがサムネイルを書き込んだ可能性もあります。',
    pictureAlt: 'ファイルが示す画像',
    pictureCaption: '画像',
    thumbnailAlt: 'ファイルのEXIFに埋め込まれたサムネイル',
    thumbnailCaption: '埋め込まれたサムネイル',
  },

  compare: {
    heading: '元画像と比べる',
    intro: (video) =>
      `${video ? '画面に映っている動画のフレーム' : 'この画像'}の元になったとされる画像をお持ちですか。追加すると、二つを位置合わせし、縮小や再圧縮では説明できない違いを囲んで示します。`,
    pick: '元画像と比べる…',
    noFrame: 'このブラウザではこの動画のフレームを表示できないため、比べるフレームがありません。',
    comparing: '比較中:',
    compared: (frameTime) => `${frameTime ? `${frameTime}のフレームを` : ''}比較した相手:`,
    face: (i, changed, percent, mean) => `顔${i}: ${changed ? '変更あり' : '変更は見つかりません'}(枠の${percent}%が異なる。平均差は255中${mean})`,
    summary: (onFaces, correlation, regions) =>
      `${onFaces ? '顔のランドマークで' : '画像全体で'}位置合わせしました(相関${correlation})。縮小や再圧縮の影響を除くため両方の画像をぼかしたうえで、${regions ? `変化した領域を${n(regions)}か所囲みました` : '変化した領域は見つかりませんでした'}。`,
    alignedOriginal: '位置合わせした元画像',
    comparedPicture: (frameTime) => (frameTime ? `${frameTime}時点の動画` : 'この画像'),
    reveal: (frame) => `線の左が元画像、右がこの${frame ? 'フレーム' : '画像'}`,
    differenceAlt: '二つの画像の差(黄色ほど差が大きい)',
    differenceCaption: '差分(変化した領域を囲んで表示)',
    failure: {
      noFrame: () => ja.compare.noFrame,
      notSamePicture: (f) =>
        `同じ画像には見えません。${f.facesTried ? '顔で合わせても、' : ''}画像全体で合わせても、相関は${f.correlation.toFixed(2)}しかありません。差分マップを作っても意味がありません。`,
      tooLarge: (f) => `元画像と比べられませんでした。画像が${n(f.megapixels)}メガピクセルを超えています。`,
      undecodable: () => '元画像と比べられませんでした。画像としてデコードできません。',
      stopped: (f) => `比較に失敗しました。比較の処理が止まりました${f.detail ? `(${f.detail})` : ''}。`,
      failed: (f) => `比較に失敗しました: ${f.detail}。`,
    },
  },

  refusal: {
    emptyFile: () => 'ファイルが空です(0バイト)。',
    imageTooLarge: (r) => `画像が${r.width}×${r.height}ピクセルあり、このアプリが分析できる${r.maxMegapixels}メガピクセルを超えています。縮小してからもう一度お試しください。`,
    imageUndecodable: (r) =>
      `このファイル${r.type ? `(${r.type})` : ''}は画像としてデコードできませんでした。壊れているか、途中で切れているか、このブラウザが読めない形式の可能性があります。JPEG、PNG、WebPのコピーをお試しください。`,
    notAnImage: (r) =>
      `このファイルは画像ではありません。${r.text ? '中身はテキストです' : '先頭のバイトがどの画像形式とも一致しません'}${r.type ? `(${r.type}と表示されていますが)` : ''}。写真や動画そのものを選んでください。`,
    notAVideo: () => 'このファイルは動画として読めませんでした。壊れているか、途中で切れているか、そもそも動画ではない可能性があります。',
    soundOnly: () => 'このファイルには音声だけで映像がありません。分析する顔がありません。',
    noPicture: () => 'このファイルに動画の映像が見つかりませんでした。壊れているか、途中で切れているか、動画ではない可能性があります。',
    notIsolated: () => '動画の分析には、このページがクロスオリジン分離(COOP/COEPヘッダー)で配信されている必要があります。アプリ自身からページを開き直してください。',
    noFrames: () => 'この動画には分析するフレームがありません。',
    codecUnsupported: (r) => `この動画のコーデック${r.codec ? `(${r.codec})` : ''}はここではデコードできません。H.264のMP4かVP9のWebMに変換してからお試しください。`,
    videoDamaged: () => 'この動画はデコードできませんでした。ファイルが壊れているか、途中で切れているようです。ダウンロードしたものなら、もう一度ダウンロードしてみてください。',
    videoUndecodable: () => 'この動画はデコードできませんでした。ファイルが壊れているか、このアプリが読めない形式の可能性があります。MP4(H.264)かWebMのコピーをお試しください。',
  },

  title: 'Mikiwame(見極め)— 顔の操作チェック',
  tagline: '写真や動画に写る顔に、操作の痕跡がないかを調べます。処理はすべてこの端末の中で行い、何もアップロードしません。',
  wordmarkName: 'Mikiwame 見極め',
  choose: '写真・動画を選ぶ',
  orDrop: 'または、このページのどこかにドロップするか、貼り付けてください(Ctrl+V)。',
  dropHint: 'ドロップして分析',
  pastedImage: '貼り付けた画像',
  analysisRegion: '分析結果',
  languageSwitch: '言語 / Language',
  limitsTitle: 'スコアの意味と限界',
  limits: (minPx, caveat) => [
    'それぞれの顔には、操作されている確率をモデルが示したスコアと、私たちの検証で本物の顔がどれくらいの頻度で同じ高さになったかを示す帯が付きます。これは証拠であって証明ではありません。最終的な判断はあなたが行ってください。',
    `${caveat}「弱い証拠」を下回るスコアが示すのは「操作の証拠は見つかりませんでした」ということだけです。このアプリが顔を本物と呼ぶことはありません。`,
    `${minPx}ピクセル未満の顔は小さすぎて判定できません。枠は表示しますがスコアは付けず、判定にも数えません。`,
    'ヒートマップは、マルチタスクモデルが推定した操作範囲です。濃さは顔の確率に比例します。今のモデルは編集箇所を特定するというより、ブレンドされた顔の範囲を大まかに示します。証明ではなく「どこを見るべきか」として読んでください。',
    '強い再圧縮、縮小、小さな顔、横顔は信頼性を下げます。検出した場合は注記します。本物の人物でも、小さく強く再圧縮された写真は鮮明な写真よりスコアが高くなりますが、帯はそうした顔でも測定しています。',
    '実際に出回っているディープフェイク動画ではスコアが低めに出ます。帯は本物の顔がめったに届かないように設定してあり、偽の人物の多くも「弱い証拠」を下回ります。動画ではスコアが低くても本物の証拠にはなりません。タイムラインで人物や場面を比べてください。',
    '顔が見つからないのは、画像を判定できないという意味で、本物だという意味ではありません。画像全体の生成や顔以外の編集は対象外です。',
  ],

  installApp: 'アプリをインストール',
  availableOffline: 'オフラインで使えます',
  downloadingOffline: (loaded, total) => `オフライン用にダウンロード中… ${n(loaded)} / ${n(total)} MB`,
  makeOffline: (megabytes) => `オフラインで使えるようにする(${n(megabytes)} MB)`,
  offlineFailed: (message) => `ダウンロードに失敗しました: ${message}。オンラインのときにもう一度お試しください。`,
  newVersion: 'Mikiwameの新しいバージョンがあります。',
  updateAfter: 'この分析の後で更新',
  updateNow: '今すぐ更新',

  loadingEngine: (item) => `${item ?? '分析エンジン'}を読み込んでいます(初回のみ)…`,
  engineDownload: 'エンジンのダウンロード',
  runningOn: '実行環境',
  models: (versions) => `モデル: ${versions}`,
  backendCpu: 'WebAssembly(CPU)',

  filesList: 'ファイル',
  fileStatus: { queued: '待機中', analyzing: '分析中…', done: '完了', error: '失敗' },
  removeFile: (name) => `${name}を一覧から外す`,
  waitsTurn: (ahead) => `は順番待ちです。前に${n(ahead)}件あります。`,
  analysing: '分析中',
  cancel: '中止',
  errorMark: '分析できませんでした',
  cancelled: '分析を中止しました。',
  engineNotDownloaded:
    '分析エンジンがまだダウンロードされておらず、この端末がオフラインのためダウンロードできません。一度オンラインでMikiwameを開くか、「オフラインで使えるようにする」を使ってください。その後はネットワークなしで動きます。',
  engineCrashed: (detail) => `分析エンジンが予期せず止まりました${detail ? `(${detail})` : ''}。再起動しました。`,
  engineSilent: '分析エンジンが応答しなくなりました。再起動しました。',
  analysisFailed: (message) => `分析に失敗しました: ${message}。アプリは引き続き使えます。別のファイルをお試しください。`,

  announceEngine: '分析エンジンを読み込んでいます。',
  announceQueued: (name) => `${name}は順番待ちです。`,
  announceEngineThen: (name) => `分析エンジンを読み込んでから(初回のみ)、${name}を分析します。`,
  announceAnalysing: (name, percent) => `${name}を分析中${percent ? `: ${percent}%完了` : ''}。`,
  announceFailed: '失敗しました',

  downloadJson: 'レポートを保存(JSON)',
  downloadPdf: 'レポートを保存(PDF)',
  makingPdf: 'PDFを作成中…',
  pdfFailed: (message) => `PDFを作成できませんでした: ${message}。`,
  pdfFramesUnavailable: 'フレームの画像はありません。このブラウザではこの動画を再生できず、分析はフレームを保存していないためです。',

  notApplicable: '対象外',
  noFaceText: '顔が見つからなかったため、判定するものがありません。画像が本物だという意味ではありません。',
  noFaceHint: '約24ピクセルより小さい顔、大きく横を向いた顔、大きく隠れた顔は見つからないことがあります。',
  facesList: '顔',
  face: (i) => `顔${i}`,
  tooSmallToAssess: '小さすぎて判定できません',
  boxTooSmall: '小さすぎ',
  looksLike: '種類の見立て',
  faceSize: '顔の大きさ',
  faceSizeValue: (width, height) => `${width}×${height}ピクセル`,
  detectorConfidence: '検出の確信度',
  faceBoxName: (i, score) => `顔${i}: ${score === null ? '小さすぎて判定できません' : `確率${score}`}。拡大します。`,
  analysedImage: (name) => `分析した画像: ${name}`,
  showWholeImage: '画像全体を表示',
  heatmap: 'ヒートマップ',
  opacity: '不透明度',
  heatmapLegend: 'ヒートマップの色: 濃い紫は操作の可能性が低く、青緑・緑を経て、黄色は操作の可能性が高い',
  legendUnlikely: '低い',
  legendLikely: '操作の可能性が高い',

  framesToAnalyse: '分析する動画フレーム',
  rate: { auto: '自動(速ければ全フレーム)', all: 'すべてのフレーム', perSecond: (count) => `毎秒${count}フレーム` },
  framesAnalysedName: '分析したフレーム',
  framesCount: (done, total) => `${n(done)}${total ? ` / ${n(total)}` : ''}フレーム`,
  framesPerSecond: (speed) => `毎秒${speed.toFixed(1)}フレーム`,
  timeLeft: (time) => `残り約${time}`,
  soFar: (summary) => `ここまで: ${summary}`,
  analysedFrames: (frames, sampling) => `${n(frames)}フレームを分析しました: ${sampling}。`,
  stoppedAt: (time) => `${time}で止まりました。結果はそこまでの分です。`,
  noFaceYet: 'まだ顔がありません',
  noFaceYetText: '分析したフレームに顔が見つかっていません。約48ピクセルより小さい顔、大きく横を向いた顔、隠れた顔は見つからないことがあります。',
  peopleList: '人物',
  person: (i) => `人物${i}`,
  seen: '映っている時間',
  framesAnalysed: '分析したフレーム数',
  framesInBand: '「弱い証拠」以上のフレーム',
  highestFrame: '最高のフレーム',
  moments: 'スコアが高い場面',
  moment: (from, to, person, score) => `${from}–${to} · 人物${person} · ${score}`,
  exportVideo: '注釈付き動画を書き出す(MP4)',
  exportMaking: '注釈付き動画を作成中…',
  exportMade: '注釈付き動画の作成',
  exportCancel: '書き出しを中止',
  exportCancelled: '書き出しを中止しました。動画は保存していません。',
  exportFailure: {
    noEncoder: () => 'このブラウザにはH.264の動画エンコーダーがないため、ここでは注釈付き動画を作れません。',
    unreadable: (f) => `書き出しのために動画をもう一度読めませんでした: ${refusalText(f.refusal)}`,
    stopped: (f) => `動画を作れませんでした。書き出しの処理が止まりました${f.detail ? `(${f.detail})` : ''}。`,
    failed: (f) => `動画を作れませんでした: ${f.detail}。`,
  },
  legendTitle: 'Mikiwame · 枠: 人物 · 操作の確率',
  legendStopped: (time) => `分析は${time}で止まりました。以降のフレームは分析していません`,
  legendHeat: 'ヒートマップ',
  analysedVideo: (name) => `分析した動画: ${name}`,
  unplayable:
    'このブラウザではこの動画形式を再生できません(分析は独自にデコードしています)。スコア、タイムライン、ジャンプ先はそろっていますが、枠とヒートマップを映像に重ねて表示できません。H.264のMP4に変換したコピーなら再生できます。',
  timelineCaption: (threshold) => `分析した各フレームでの操作の確率。人物ごとに1本の線。破線は「弱い証拠」が始まる値(${threshold})です。`,
  timelineName: 'タイムラインの位置。矢印キーで1秒、Page UpとPage Downで10秒移動します',
  timelineValue: (now, of) => `${of}中${now}`,
};

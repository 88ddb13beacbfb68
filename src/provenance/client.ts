import * as Comlink from 'comlink';
import type { MediaKind } from '../video/media-kind';
import type { ReadFailure } from '../i18n';
import { WorkerStoppedError, workerStopped } from '../worker/stopped';
import type { ProvenanceApi } from './provenance.worker';
import { thumbnailMismatchLevel } from './thumbnail-compare';
import type { CredentialsReading } from './credentials';
import type { Fingerprint, MetadataReading, Provenance, ThumbnailCheck } from './types';

/** A reader still busy after this long (by default) is stopped: a file whose metadata or manifest makes it loop or crawl. */
const readTimeLimitMs = 10_000;

class TimeUpError extends Error {
  constructor(readonly seconds: number) {
    super(`reading took longer than ${seconds} s`);
  }
}

interface Connection {
  worker: Worker;
  api: Comlink.Remote<ProvenanceApi>;
  /** Rejects if the worker dies (an uncaught error, out of memory). */
  stopped: Promise<never>;
  /** It died, perhaps between two files. */
  crashed: boolean;
}

function connect(): Connection {
  const worker = new Worker(new URL('./provenance.worker.ts', import.meta.url), { type: 'module', name: 'provenance' });
  const connection = { worker, api: Comlink.wrap<ProvenanceApi>(worker), stopped: workerStopped(worker), crashed: false };
  connection.stopped.catch(() => { connection.crashed = true; });
  return connection;
}

async function bounded<T>(connection: Connection, work: Promise<T>, timeLimitMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeUpError(timeLimitMs / 1000)), timeLimitMs);
  });
  try {
    return await Promise.race([work, connection.stopped, timeUp]);
  } finally {
    clearTimeout(timer);
  }
}

const readFailure = (error: unknown): ReadFailure => (error instanceof TimeUpError ? { id: 'timeUp', seconds: error.seconds }
  : { id: 'readerStopped', detail: error instanceof WorkerStoppedError ? error.detail : error instanceof Error ? error.message : String(error) });

const failure = (error: unknown): { status: 'failed'; failure: ReadFailure } => ({ status: 'failed', failure: readFailure(error) });

let shared: Connection | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Reads a file's provenance off the page: metadata (bounded in size and time), the EXIF thumbnail
 * compared with the picture, C2PA content credentials (bounded in time), and the file's fingerprint.
 * Files are read one at a time by one worker, kept between files (starting the credentials reader
 * costs 0.3 s) and replaced after any step that crashed it or ran out of time. Never throws: what fails
 * is said in the result, and the face analysis goes on regardless.
 */
export function readProvenance(file: File, kind: MediaKind, timeLimitMs = readTimeLimitMs): Promise<Provenance> {
  const reading = queue.then(() => readWithWorker(file, kind, timeLimitMs));
  queue = reading.catch(() => undefined);
  return reading;
}

async function readWithWorker(file: File, kind: MediaKind, timeLimitMs: number): Promise<Provenance> {
  if (!shared || shared.crashed) shared = connect();
  let connection = shared;
  const restart = () => {
    connection.worker.terminate();
    connection = shared = connect();
  };
  // A video's metadata is its container's tags, which the video analysis reads (ffprobe).
  let metadata: MetadataReading = { status: 'unsupported', reason: 'videoNotYet' };
  let thumbnail: ThumbnailCheck | null = null;
  if (kind === 'image') {
    try {
      const read = await bounded(connection, connection.api.readMetadata(file), timeLimitMs);
      metadata = read.reading;
      if (read.thumbnail) {
        const difference = await bounded(connection, connection.api.compareWithThumbnail(file, read.thumbnail), timeLimitMs).catch(() => {
          restart();
          return null;
        });
        thumbnail = { jpeg: read.thumbnail, difference, differs: difference !== null && difference > thumbnailMismatchLevel };
      }
    } catch (error) {
      restart();
      metadata = failure(error);
    }
  }
  let credentials: CredentialsReading;
  try {
    credentials = await bounded<CredentialsReading>(connection, connection.api.readCredentials(file, file.type), timeLimitMs);
  } catch (error) {
    restart();
    credentials = failure(error);
  }
  const fingerprint = await Promise.race([connection.api.fingerprint(file), connection.stopped]).catch((error): Fingerprint => {
    restart();
    return {
      sha256: null, bytes: file.size, type: file.type, jpegQuality: null,
      notHashed: { id: 'failed', failure: readFailure(error) },
    };
  });
  return { fingerprint, metadata, credentials, thumbnail };
}

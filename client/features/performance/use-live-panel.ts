import { useEffect, useState } from 'react';
import { liveSnapshotSchema, type LiveSnapshot } from '../../../shared/domain/portal/live.ts';
import { openSse } from '../../../sync/client/sse.ts';
import { useDeviceData } from '../../db/device-data.tsx';
import { useLocalValue } from '../../db/local-documents.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useOnline } from '../../platform/use-online.ts';

/** The device's last known live snapshot (an RxDB local document: it survives reloads, goes at sign-out). */
export const LIVE_LOCAL_DOC = 'portal.liveSnapshot';
export const LIVE_STREAM_URL = '/api/portal/live/stream';

export interface LivePanelState {
  /** The last snapshot received (now or in an earlier visit); null before the first one. */
  readonly snapshot: LiveSnapshot | null;
  /** The live stream is open right now. */
  readonly live: boolean;
  readonly online: boolean;
}

/**
 * The "ao vivo" panel's data: while the device is online and the screen is open, the server's live stream
 * (`GET /api/portal/live/stream`, Server-Sent Events read with the sync layer's reader, sync/client/sse.ts,
 * which reconnects with backoff); every snapshot is stored as a local document and the panel reads it from
 * there — so offline, or after a reload without network, it shows the last known values and their time.
 * Snapshots are parsed at the boundary; a malformed one is ignored (the previous stays).
 */
export function useLivePanel(): LivePanelState {
  const deps = useDependencies();
  const online = useOnline();
  const db = useDeviceData().session?.database.db;
  const stored = liveSnapshotSchema.safeParse(useLocalValue(LIVE_LOCAL_DOC));
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!online || !db) return;
    const connection = openSse(
      {
        url: LIVE_STREAM_URL,
        fetch: deps.fetch,
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (handle) => window.clearTimeout(Number(handle)),
      },
      {
        onOpen: () => setLive(true),
        onMessage: (message) => {
          if (message.event !== 'live') return;
          let data: unknown;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          const parsed = liveSnapshotSchema.safeParse(data);
          if (parsed.success) void db.upsertLocal(LIVE_LOCAL_DOC, { value: parsed.data });
        },
        onHttpError: () => setLive(false),
        onDisconnect: () => setLive(false),
      },
    );
    return () => {
      connection.close();
      setLive(false);
    };
  }, [online, db, deps.fetch]);

  return { snapshot: stored.success ? stored.data : null, live: live && online, online };
}

import { useEffect, useRef, useState } from 'react';
import type { ResponderApi } from './responder-api.ts';
import { shouldSendFix } from './responder-logic.ts';

export type SharingState = { kind: 'off' } | { kind: 'waiting' } | { kind: 'sharing'; lastSentAt: number; position: { lat: number; lon: number } } | { kind: 'denied' } | { kind: 'unavailable' };

/**
 * Shares the phone's location with the control room while `active` (the volunteer consented for
 * this alert and is under way). Stops the watch when it turns false or the screen closes, and then
 * asks the server to forget the last location: it was shared for this alert only.
 */
export function useLocationSharing(api: ResponderApi, active: boolean): SharingState {
  const [state, setState] = useState<SharingState>({ kind: 'off' });
  const last = useRef<{ lat: number; lon: number; at: number } | null>(null);

  useEffect(() => {
    if (!active) return undefined;
    if (!('geolocation' in navigator)) {
      setState({ kind: 'unavailable' });
      return undefined;
    }
    setState({ kind: 'waiting' });
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        const fix = { lat: position.coords.latitude, lon: position.coords.longitude, at: Date.now() };
        if (!shouldSendFix(last.current, fix)) return;
        last.current = fix;
        api.shareLocation(fix.lat, fix.lon).then(
          () => setState({ kind: 'sharing', lastSentAt: fix.at, position: { lat: fix.lat, lon: fix.lon } }),
          () => undefined,
        );
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? { kind: 'denied' } : { kind: 'unavailable' }),
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    return () => {
      navigator.geolocation.clearWatch(watch);
      if (last.current) {
        last.current = null;
        api.forgetLocation().catch(() => undefined);
      }
      setState({ kind: 'off' });
    };
  }, [api, active]);

  return state;
}

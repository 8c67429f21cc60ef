import type { DeviceRecord } from './device.js';

/**
 * When a phone counts as silent (issue 21): it has neither taken a pack nor synced for longer
 * than its shelter's `silentPhoneMinutes`. Another phone's refresh then ends its leases, so an
 * abandoned phone does not keep its vouchers from every other desk until the offline window ends.
 */

type ContactFields = Pick<DeviceRecord, 'createdAt' | 'lastSeenAt' | 'lastSyncAt'>;

/** The last time the server heard from the phone: its last pack, its last sync, or its registration. */
export function lastContactAt(device: ContactFields): string {
  const times = [device.createdAt, device.lastSeenAt, device.lastSyncAt].filter(
    (time): time is string => time !== undefined,
  );
  return times.reduce((latest, time) => (Date.parse(time) > Date.parse(latest) ? time : latest));
}

/** The moment after which the phone counts as silent, if it stays so. */
export function silentFrom(device: ContactFields, silentPhoneMinutes: number): string {
  return new Date(Date.parse(lastContactAt(device)) + silentPhoneMinutes * 60_000).toISOString();
}

/**
 * The active phones of a shelter that are silent at `now`, except the one asking (a phone that
 * refreshes is not silent, whatever its record said a moment ago). Signed-off and revoked phones
 * hold nothing, so they are never re-pooled.
 */
export function silentDeviceIds(
  devices: ReadonlyArray<ContactFields & Pick<DeviceRecord, 'id' | 'status'>>,
  now: Date,
  silentPhoneMinutes: number,
  except: string,
): Set<string> {
  return new Set(
    devices
      .filter((device) => device.status === 'active' && device.id !== except)
      .filter((device) => Date.parse(silentFrom(device, silentPhoneMinutes)) < now.getTime())
      .map((device) => device.id),
  );
}

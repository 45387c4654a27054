import { Activity } from '@microsoft/agents-activity';

type Plain = Partial<Omit<Activity, 'timestamp' | 'localTimestamp' | 'expiration'>> & {
  type: string;
  timestamp?: Date | string;
  localTimestamp?: Date | string;
  expiration?: Date | string;
};

const asDate = (v: Date | string | undefined) => (typeof v === 'string' ? new Date(v) : v);

/**
 * An Activity from an object this process built, or one already validated at the edge (Direct
 * Line's incoming activity schema). Activity.fromObject would validate it again against the SDK's
 * whole schema (zod), a noticeable share of a turn's CPU; this is the same object: the Activity
 * class with the properties, dates as Date as fromObject makes them.
 */
export function trustedActivity(o: Plain): Activity {
  const activity = Object.assign(new Activity(o.type), o);
  if (o.timestamp !== undefined) activity.timestamp = asDate(o.timestamp);
  if (o.localTimestamp !== undefined) activity.localTimestamp = asDate(o.localTimestamp);
  if (o.expiration !== undefined) activity.expiration = asDate(o.expiration);
  return activity;
}

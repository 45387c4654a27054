/**
 * Writing files in the NZa Zorgbeeld WaitingTimeMSZ layout (XML `<TL_RESTs><TL_REST>…` and JSON
 * with the same field names), for the test fixture and the import benchmark. Synthetic data:
 * every name, code and figure is made up; only the layout follows the live service.
 */

/** One record with the service's field names; every value a string, as the XML carries it. */
export type NzaRecord = Partial<Record<
  | 'Date' | 'WaitingTime' | 'InsufficientObservations' | 'KVKNumber' | 'CareProvider' | 'CareProvider_AGBCode' | 'LocationKey' | 'Location_AGBCode'
  | 'Location' | 'Street' | 'StreetNumber' | 'PostalCode' | 'City' | 'TreatmentKey' | 'TreatmentNumber' | 'Treatment' | 'TreatmentType' | 'Specialism'
  | 'Description' | 'AllCareproviders',
  string
>>;

const FIELD_ORDER: (keyof NzaRecord)[] = [
  'Date', 'WaitingTime', 'InsufficientObservations', 'KVKNumber', 'CareProvider', 'CareProvider_AGBCode', 'LocationKey', 'Location_AGBCode', 'Location',
  'Street', 'StreetNumber', 'PostalCode', 'City', 'TreatmentKey', 'TreatmentNumber', 'Treatment', 'TreatmentType', 'Specialism', 'Description', 'AllCareproviders',
];

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The records as the service's XML answer. A field left out is absent, as WaitingTime is when observations are too few. */
export function toNzaXml(records: readonly NzaRecord[]): string {
  const parts = ['<?xml version="1.0" encoding="utf-8"?>\n<TL_RESTs xmlns:i="http://www.w3.org/2001/XMLSchema-instance">\n'];
  for (const record of records) {
    parts.push('  <TL_REST>\n');
    for (const field of FIELD_ORDER) {
      const value = record[field];
      if (value !== undefined) parts.push(`    <${field}>${escapeXml(value)}</${field}>\n`);
    }
    parts.push('  </TL_REST>\n');
  }
  parts.push('</TL_RESTs>\n');
  return parts.join('');
}

/** The records as JSON with the same field names. */
export function toNzaJson(records: readonly NzaRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** A GUID-shaped key from a number (NZa's LocationKey and TreatmentKey are GUIDs). */
export function guid(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

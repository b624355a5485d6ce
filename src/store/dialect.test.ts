import { describe, expect, it } from 'vitest';
import { fromJsonText, jsonText, jsonValue } from './dialect.ts';

describe('JSON columns of rows made here', () => {
  it('shows the value a row was written from, and parses rows read from the store', () => {
    const value = { created: true, sla_attributes: { channel: 'email' } };
    const made = { data: '' };
    made.data = jsonText(made, 'data', value);
    expect(made.data).toBe(JSON.stringify(value));
    expect(jsonValue(made, 'data', made.data, {})).toBe(value);

    const read = { data: made.data }; // as a query returns it: same text, another object
    expect(jsonValue(read, 'data', read.data, {})).not.toBe(value);
    expect(jsonValue(read, 'data', read.data, {})).toEqual(value);
    expect(jsonValue(made, 'other', null, 'fallback')).toBe('fallback');
  });

  it('answers what parsing the text would, for nothing written', () => {
    const made = { data: '' };
    made.data = jsonText(made, 'data', undefined);
    expect(jsonValue(made, 'data', made.data, {})).toBe(fromJsonText(made.data, {}));
  });
});

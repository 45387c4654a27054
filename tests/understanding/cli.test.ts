import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);

function runCli(input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'bot/understanding/cli.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('npm run understand (contracts/understand.md)', () => {
  it('answers one JSON line per input line, in order, with nulls for absent entities and nothing else on stdout', async () => {
    const lines = [
      JSON.stringify({ id: 'q17', text: 'Mijn knieoperatie in het Maasstad is uitgesteld, ik wacht al 3 maanden', locale: 'nl' }),
      'this is not json',
      JSON.stringify({ id: 'no-text', locale: 'en' }),
      JSON.stringify({ id: 'e1', text: 'I have chest pain right now', locale: 'en' }),
      '{"id": "cut", "text": "afgebroken regel',
      JSON.stringify({ id: 7, text: 'hoi', locale: 'nl' }),
      JSON.stringify({ id: 'pc', text: 'wachttijd oogarts rond postcode 3011 AB?' }),
    ];
    const { stdout, code } = await runCli(`${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const out = stdout.split('\n').filter((l) => l !== '');
    expect(out).toHaveLength(lines.length);
    const parsed = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const p of parsed) {
      expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['entities', 'id', 'intent']));
      expect(Object.keys(p.entities as object).sort()).toEqual(['hospital', 'postcode', 'specialty', 'waitingWeeks']);
    }
    expect(parsed.map((p) => p.id)).toEqual(['q17', null, 'no-text', 'e1', 'cut', 7, 'pc']);
    expect(parsed[0]).toEqual({
      id: 'q17',
      intent: 'postponed_care',
      entities: { specialty: '0305', hospital: 'Maasstad Ziekenhuis', waitingWeeks: 13, postcode: null },
    });
    expect(parsed[1]).toMatchObject({ intent: 'out_of_scope', error: expect.any(String) });
    expect(parsed[2]).toMatchObject({ intent: 'out_of_scope', error: expect.any(String) });
    expect(parsed[3]).toMatchObject({ intent: 'emergency' });
    expect(parsed[4]).toMatchObject({ id: 'cut', intent: 'out_of_scope', error: expect.any(String) });
    expect(parsed[5]).toEqual({ id: 7, intent: 'greeting', entities: { specialty: null, hospital: null, waitingWeeks: null, postcode: null } });
    expect(parsed[6]).toMatchObject({ intent: 'waiting_time', entities: { specialty: '0301', postcode: '3011AB' } });
    for (const p of parsed.filter((x) => !('error' in x))) expect(Object.keys(p)).toHaveLength(3);
  });

  it('streams thousands of lines in one process and keeps their order', async () => {
    const texts = ['Hoe lang is de wachttijd bij de oogarts?', 'My operation was cancelled, what now?', 'bedankt!', 'Ik wil een medewerker spreken'];
    const n = 3000;
    const input = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `n${i}`, text: texts[i % texts.length], locale: i % 2 ? 'en' : 'nl' })).join('\n');
    const { stdout, code } = await runCli(`${input}\n`);
    expect(code).toBe(0);
    const ids = stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(n);
    expect(ids.every((id, i) => id === `n${i}`)).toBe(true);
  }, 60_000);
});

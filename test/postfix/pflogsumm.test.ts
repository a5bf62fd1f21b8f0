/**
 * Acceptance (issue 3): on every real log in /work/shared/testdata/postfix and on generated logs, `summary` totals
 * equal pflogsumm's, run live on the same file — counts and exact bytes.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_LOGS, loaded, pflogsumm, tempDir, writeGeneratedLog } from './support.ts';

const realLogs = readdirSync(REAL_LOGS).filter((f) => f !== 'README.md').sort();

// The real logs are from the past; classic lines carry no year, the export date supplies it.
const EXPORT_DATE: Record<string, string> = {
  'kdent_mail.log': '2014-06-13',
  'kdent_mail2.log': '2014-06-14',
  'louis_mail.log': '2014-12-16',
  'fony_maillog': '2015-05-28',
};

describe('real logs', () => {
  it('covers every log of the folder', () => {
    expect(realLogs).toEqual(['fony_maillog', 'kdent_mail.log', 'kdent_mail2.log', 'louis_mail.log']);
  });

  describe.each(realLogs)('%s', (name) => {
    it('gives pflogsumm’s Grand Totals', async () => {
      const file = join(REAL_LOGS, name);
      const night = await loaded([file], EXPORT_DATE[name] ?? '2015-01-01');
      try {
        expect(await night.totals()).toEqual(pflogsumm([file]));
        expect(night.warnings).toEqual([]);
      } finally {
        night.close();
      }
    });
  });

  it('matches the README’s reference figures', async () => {
    const expected: Record<string, [number, number, number, number, number, number]> = {
      'kdent_mail.log': [489, 504, 14, 91, 7, 606],
      'kdent_mail2.log': [856, 856, 6, 134, 1, 698],
      'louis_mail.log': [1506, 2447, 120, 120, 271, 10],
      'fony_maillog': [1780, 1789, 5, 39, 191, 648],
    };
    for (const [name, figures] of Object.entries(expected)) {
      const night = await loaded([join(REAL_LOGS, name)], EXPORT_DATE[name]!);
      const t = await night.totals();
      night.close();
      expect([t.received, t.delivered, t.deferred, t.deferrals, t.bounced, t.rejected], name).toEqual(figures);
    }
  });

  it('reads several files of a night as pflogsumm reads them in a row', async () => {
    const dir = tempDir();
    const older = join(dir, 'maillog.1');
    const newer = join(dir, 'maillog');
    copyFileSync(join(REAL_LOGS, 'kdent_mail.log'), older);
    copyFileSync(join(REAL_LOGS, 'kdent_mail2.log'), newer);
    const night = await loaded([newer, older], '2014-06-14');
    try {
      expect(await night.totals()).toEqual(pflogsumm([older, newer]));
    } finally {
      night.close();
    }
  });
});

describe('generated logs (Zimbra with amavis)', () => {
  describe.each([
    ['classic', 1],
    ['rfc3339', 2],
  ] as const)('%s timestamps, seed %i', (timestamps, seed) => {
    it('gives pflogsumm’s Grand Totals', async () => {
      const file = writeGeneratedLog(join(tempDir(), 'maillog'), { date: '2026-11-20', seed, messages: 500, timestamps });
      const night = await loaded([file], '2026-11-21');
      try {
        const totals = await night.totals();
        expect(totals).toEqual(pflogsumm([file]));
        expect(totals.deferred).toBeGreaterThan(0);
        expect(totals.bounced).toBeGreaterThan(0);
        expect(totals.rejected).toBeGreaterThan(0);
      } finally {
        night.close();
      }
    });
  });

  it('gives the same totals for the same log with classic and with RFC 3339 timestamps', async () => {
    const dir = tempDir();
    const classic = writeGeneratedLog(join(dir, 'classic'), { date: '2026-11-20', seed: 5, timestamps: 'classic' });
    const rfc = writeGeneratedLog(join(dir, 'rfc3339'), { date: '2026-11-20', seed: 5, timestamps: 'rfc3339' });
    const a = await loaded([classic], '2026-11-21');
    const b = await loaded([rfc], '2026-11-21');
    try {
      expect(await b.totals()).toEqual(await a.totals());
    } finally {
      a.close();
      b.close();
    }
  });

  it('gives the same totals when a big file is split between worker threads', async () => {
    const file = writeGeneratedLog(join(tempDir(), 'maillog'), { date: '2026-11-20', seed: 9, messages: 1500 });
    const inline = await loaded([file], '2026-11-21', { threads: 1 });
    const split = await loaded([file], '2026-11-21', { threads: 3, splitBytes: 0 });
    try {
      expect(await split.totals()).toEqual(await inline.totals());
      expect(split.counts).toEqual(inline.counts);
      expect(await split.totals()).toEqual(pflogsumm([file]));
    } finally {
      inline.close();
      split.close();
    }
  });
});

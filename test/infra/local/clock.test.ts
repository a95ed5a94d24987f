import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ClockMovedBackwardsError,
  ClockRateInvalidError,
  ClockSleepAbortedError,
  ClockStateFileInvalidError,
  ManualClock,
  VirtualClock,
} from '../../../infra/local/clock';

const T0 = new Date('2025-03-03T08:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** A fake real-time source the test moves by hand. */
function fakeReal(start = 1_000_000): { now: () => number; pass: (ms: number) => void } {
  let real = start;
  return { now: () => real, pass: (ms) => void (real += ms) };
}

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'clock-')), 'nested', 'clock.json');
}

describe('ManualClock', () => {
  test('time moves only by advance/set; due sleepers wake in instant order', async () => {
    const clock = new ManualClock(T0);
    const woken: string[] = [];
    const sleeps = [
      clock.sleepUntil(at(3000)).then(() => woken.push('c')),
      clock.sleepUntil(at(1000)).then(() => woken.push('a')),
      clock.sleepUntil(at(2000)).then(() => woken.push('b')),
      clock.sleepUntil(at(9000)).then(() => woken.push('late')),
    ];
    expect(clock.pendingSleepers()).toBe(4);
    expect(clock.nextWakeup()).toEqual(at(1000));
    clock.advance(999);
    await Promise.resolve();
    expect(woken).toEqual([]);
    clock.set(at(3000));
    await Promise.all(sleeps.slice(0, 3));
    expect(woken).toEqual(['a', 'b', 'c']);
    expect(clock.pendingSleepers()).toBe(1);
    expect(clock.now()).toEqual(at(3000));
  });

  test('a past instant resolves at once; the clock never goes back', async () => {
    const clock = new ManualClock(T0);
    await expect(clock.sleepUntil(at(-5))).resolves.toBeUndefined();
    expect(() => clock.advance(-1)).toThrow(ClockMovedBackwardsError);
    expect(() => clock.set(at(-1))).toThrow(ClockMovedBackwardsError);
    expect(clock.now()).toEqual(T0);
  });

  test('an aborted sleep rejects and leaves the queue', async () => {
    const clock = new ManualClock(T0);
    const controller = new AbortController();
    const sleep = clock.sleepUntil(at(1000), controller.signal);
    controller.abort('bye');
    await expect(sleep).rejects.toBeInstanceOf(ClockSleepAbortedError);
    expect(clock.pendingSleepers()).toBe(0);
    await expect(clock.sleepUntil(at(1000), controller.signal)).rejects.toBeInstanceOf(ClockSleepAbortedError);
  });
});

describe('VirtualClock', () => {
  test('virtual time = anchor + real elapsed × rate; setRate applies from now on', () => {
    const real = fakeReal();
    const clock = new VirtualClock({ start: T0, rate: 60, realNow: real.now });
    real.pass(1000);
    expect(clock.now()).toEqual(at(60_000));
    clock.setRate(0);
    real.pass(5000);
    expect(clock.now()).toEqual(at(60_000));
    clock.setRate(2);
    real.pass(500);
    expect(clock.now()).toEqual(at(61_000));
    expect(clock.state()).toMatchObject({ rate: 2, now: at(61_000) });
    expect(() => clock.setRate(-1)).toThrow(ClockRateInvalidError);
    expect(() => clock.setRate(Number.NaN)).toThrow(ClockRateInvalidError);
  });

  test('a jump past a sleeper wakes it at once; jumps never go backwards', async () => {
    const clock = new VirtualClock({ start: T0, rate: 0 });
    let woke = false;
    const sleep = clock.sleepUntil(at(3_600_000)).then(() => (woke = true));
    clock.advance(3_599_999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(woke).toBe(false);
    clock.jumpTo(at(7_200_000));
    await sleep;
    expect(woke).toBe(true);
    expect(clock.pendingSleepers()).toBe(0);
    expect(() => clock.jumpTo(at(0))).toThrow(ClockMovedBackwardsError);
    expect(() => clock.advance(-1)).toThrow(ClockMovedBackwardsError);
    expect(clock.now()).toEqual(at(7_200_000));
  });

  test('sleepers follow the rate in real time, and are re-evaluated when it changes', async () => {
    const clock = new VirtualClock({ start: T0, rate: 0 });
    const fast = clock.sleepUntil(at(60_000));
    let done = false;
    void fast.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false); // paused
    const started = Date.now();
    clock.setRate(6_000); // one virtual minute in 10 real ms
    await fast;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(at(60_000).getTime());
  });

  test('an aborted sleep releases its timer', async () => {
    const clock = new VirtualClock({ start: T0, rate: 1 });
    const controller = new AbortController();
    const sleep = clock.sleepUntil(at(86_400_000), controller.signal);
    expect(clock.pendingSleepers()).toBe(1);
    controller.abort();
    await expect(sleep).rejects.toBeInstanceOf(ClockSleepAbortedError);
    expect(clock.pendingSleepers()).toBe(0);
  });

  test('state file: a new clock continues from the saved anchor and rate, never earlier', () => {
    const file = tempFile();
    const real = fakeReal();
    const first = new VirtualClock({ start: T0, rate: 10, stateFile: file, realNow: real.now });
    real.pass(1000);
    first.jumpTo(at(3_600_000));
    real.pass(100);
    const seen = first.now();
    expect(seen).toEqual(at(3_601_000));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ anchorVirtual: at(3_600_000).getTime(), rate: 10 });

    // "Restart" 200 real ms later: options other than the file are ignored; time went on at rate 10.
    real.pass(100);
    const second = new VirtualClock({ start: at(-999_999), rate: 1, stateFile: file, realNow: real.now });
    expect(second.now()).toEqual(at(3_602_000));
    expect(second.state().rate).toBe(10);

    // Even if the real clock stepped back, virtual time does not.
    const third = new VirtualClock({ stateFile: file, realNow: () => 0 });
    expect(third.now().getTime()).toBeGreaterThanOrEqual(at(3_600_000).getTime());
  });

  test('setRate is persisted; a corrupt state file is a clear error', () => {
    const file = tempFile();
    const real = fakeReal();
    const clock = new VirtualClock({ start: T0, stateFile: file, realNow: real.now });
    clock.setRate(0);
    real.pass(10_000);
    expect(new VirtualClock({ stateFile: file, realNow: real.now }).now()).toEqual(T0);
    writeFileSync(file, '{"anchorVirtual": "yesterday"}');
    expect(() => new VirtualClock({ stateFile: file })).toThrow(ClockStateFileInvalidError);
  });
});

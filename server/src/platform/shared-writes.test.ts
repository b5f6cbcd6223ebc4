import { SharedWrites } from './shared-writes';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SharedWrites', () => {
  it('writes once for everyone who asks while a write waits, after all of them asked', async () => {
    const shared = new SharedWrites();
    const written: number[] = [];
    let asked = 0;
    const stamp = () => {
      asked += 1;
      return shared.write('session', async () => {
        written.push(asked);
        await tick();
      });
    };
    await Promise.all([stamp(), stamp(), stamp()]);
    expect(written).toEqual([3]);
  });

  it('gives a caller arriving while a write runs a write of its own, after that one', async () => {
    const shared = new SharedWrites();
    const order: string[] = [];
    const first = shared.write('session', async () => {
      order.push('first starts');
      await tick();
      order.push('first ends');
    });
    await new Promise((resolve) => setImmediate(resolve));
    const second = shared.write('session', async () => {
      order.push('second');
    });
    const third = shared.write('session', async () => {
      order.push('third');
    });
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });

  it('keeps keys apart and goes on after a write fails, telling whoever asked for it', async () => {
    const shared = new SharedWrites();
    const failing = shared.write('a', async () => {
      throw new Error('database away');
    });
    const other = shared.write('b', async () => undefined);
    await expect(failing).rejects.toThrow('database away');
    await expect(other).resolves.toBeUndefined();
    await expect(shared.write('a', async () => undefined)).resolves.toBeUndefined();
  });
});

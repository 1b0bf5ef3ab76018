import { Component, type ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { preloadedModule } from '@/app/preloadedModule';

type Greeting = { Greeting: () => ReactNode };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p>failed</p> : this.props.children;
  }
}

function Shown({ loader }: { loader: ReturnType<typeof preloadedModule<Greeting>> }) {
  const module = loader.useModule();
  return module ? <module.Greeting /> : <p>nothing yet</p>;
}

describe('preloadedModule', () => {
  it('renders nothing until the module is there, then the module, fetching it once', async () => {
    const pending = deferred<Greeting>();
    const importModule = vi.fn(() => pending.promise);
    const loader = preloadedModule(importModule);
    void loader.load();
    render(<Shown loader={loader} />);
    expect(screen.getByText('nothing yet')).toBeTruthy();
    pending.resolve({ Greeting: () => <p>hello</p> });
    expect(await screen.findByText('hello')).toBeTruthy();
    expect(importModule).toHaveBeenCalledTimes(1);
  });

  it('renders a module loaded ahead at once, without a render in between', async () => {
    const loader = preloadedModule(() => Promise.resolve<Greeting>({ Greeting: () => <p>hello</p> }));
    await loader.load();
    render(<Shown loader={loader} />);
    expect(screen.getByText('hello')).toBeTruthy();
  });

  it('hands a failed load to the error boundary, and tries again next time', async () => {
    const first = deferred<Greeting>();
    const importModule = vi
      .fn<() => Promise<Greeting>>()
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce({ Greeting: () => <p>hello</p> });
    const loader = preloadedModule(importModule);
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    render(
      <Boundary>
        <Shown loader={loader} />
      </Boundary>,
    );
    first.reject(new Error('chunk missing'));
    expect(await screen.findByText('failed')).toBeTruthy();
    await expect(loader.load()).resolves.toBeDefined();
    expect(importModule).toHaveBeenCalledTimes(2);
  });
});

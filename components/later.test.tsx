// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { later } from './later';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('later', () => {
  afterEach(cleanup);

  it('shows nothing until the code has arrived, then the component with its props', async () => {
    let arrive: (c: typeof Greeting) => void = () => undefined;
    const Later = later(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    const { container } = render(<Later name="Ada" />);
    expect(container.textContent).toBe('');
    arrive(Greeting);
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
  });

  it('loads the code once, however often it is shown or loaded ahead', async () => {
    let imports = 0;
    const Later = later(async () => {
      imports++;
      return Greeting;
    });
    await Later.load();
    render(
      <>
        <Later name="Ada" />
        <Later name="Grace" />
      </>,
    );
    expect(await screen.findByText('Hello Grace')).toBeTruthy();
    expect(screen.getByText('Hello Ada')).toBeTruthy();
    expect(imports).toBe(1);
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LabelledField } from './LabelledField';

afterEach(cleanup);

describe('LabelledField', () => {
  it('labels the input and points it at its hint while nothing is wrong', () => {
    render(<LabelledField id="days" label="Days" hint="Whole days." value="3" onInput={() => {}} />);
    const input = screen.getByLabelText('Days') as HTMLInputElement;
    expect(input.value).toBe('3');
    expect(input.getAttribute('aria-describedby')).toBe('days-hint');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces the problem and points at it before the hint', () => {
    render(<LabelledField id="days" label="Days" hint="Whole days." problem="“soon” is not a number." />);
    const input = screen.getByLabelText('Days');
    expect(screen.getByRole('alert').id).toBe('days-problem');
    expect(screen.getByRole('alert').textContent).toBe('“soon” is not a number.');
    expect(input.getAttribute('aria-describedby')).toBe('days-problem days-hint');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('points at a problem shown elsewhere and at further descriptions, showing no problem itself', () => {
    render(
      <LabelledField id="key" label="Key" hint="Paste it." problemElsewhere describedBy="key-at-rest">
        <p id="key-at-rest">Stored on this device.</p>
      </LabelledField>,
    );
    const input = screen.getByLabelText('Key');
    expect(input.getAttribute('aria-describedby')).toBe('key-problem key-hint key-at-rest');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Stored on this device.')).toBeTruthy();
  });

  it('leaves aria-describedby out when nothing describes the input', () => {
    render(<LabelledField id="name" label="Name" />);
    expect(screen.getByLabelText('Name').hasAttribute('aria-describedby')).toBe(false);
  });
});

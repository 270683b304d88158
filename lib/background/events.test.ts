import { describe, expect, it, vi } from 'vitest';
import { createWorkerEvents } from './events';

describe('createWorkerEvents', () => {
  it('tells every listener of an event, in the order they were added, with what came with it', () => {
    const events = createWorkerEvents();
    const heard: string[] = [];
    events.on('alarm', (alarm) => heard.push(`first ${alarm.name}`));
    events.on('alarm', (alarm) => heard.push(`second ${alarm.name}`));
    events.on('notificationClicked', (id) => heard.push(`clicked ${id}`));
    events.emit('alarm', { name: 'outbox' });
    events.emit('notificationClicked', 'alerts:4');
    expect(heard).toEqual(['first outbox', 'second outbox', 'clicked alerts:4']);
  });

  it('goes on past a listener that throws, and reports it', () => {
    const report = vi.fn();
    const events = createWorkerEvents(report);
    const after = vi.fn();
    events.on('notificationClicked', () => {
      throw new Error('broken');
    });
    events.on('notificationClicked', after);
    events.emit('notificationClicked', 'alerts:1');
    expect(after).toHaveBeenCalledWith('alerts:1');
    expect(report).toHaveBeenCalledWith(new Error('broken'));
  });
});

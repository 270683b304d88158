import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is a chunk of its own, loaded when it is first shown (or before, with
 * `load()`); it shows nothing until the code has arrived. The settings page keeps its first screen's
 * JavaScript small this way (the template editor, the order history, renewals: `npm run bench`);
 * preact/compat's lazy and Suspense would bring more code than they spare.
 */
export function later<P extends object>(importComponent: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  const load = () => {
    loading ??= importComponent().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  function Later(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!Component) void load().then((component) => setComponent(() => component));
    }, [Component]);
    return Component ? h(Component, props) : null;
  }
  return Object.assign(Later, { load });
}

/** Counts which components rendered in each React commit, through the hook React DevTools uses. */
export interface RenderLog {
  commits: number;
  /** component name → renders since the last reset */
  renders: Map<string, number>;
  reset(): void;
}

export function installRenderLog(): RenderLog {
  const log: RenderLog = {
    commits: 0,
    renders: new Map(),
    reset() {
      log.commits = 0;
      log.renders.clear();
    },
  };
  const PERFORMED_WORK = 1;
  let previous = new WeakSet<object>();
  const FUNCTION_TAGS = new Set([0, 1, 11, 14, 15]);
  type Fiber = { tag: number; type: unknown; flags: number; child: Fiber | null; sibling: Fiber | null; alternate: Fiber | null };
  const nameOf = (type: unknown): string => {
    const t = type as { displayName?: string; name?: string; render?: { name?: string }; type?: unknown } | null;
    return t?.displayName ?? t?.name ?? t?.render?.name ?? (t?.type ? nameOf(t.type) : 'anonymous');
  };
  (globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      log.commits += 1;
      const seen = new WeakSet<Fiber>();
      const stack: Array<Fiber | null> = [root.current.child];
      while (stack.length) {
        const fiber = stack.pop();
        if (!fiber) continue;
        seen.add(fiber);
        // A fiber React did not touch in this commit is the very object that was current before, with
        // its old flags; a touched one is a fresh work-in-progress whose PerformedWork flag says whether
        // its function ran.
        const touched = !previous.has(fiber);
        if (touched && FUNCTION_TAGS.has(fiber.tag) && fiber.alternate && (fiber.flags & PERFORMED_WORK) !== 0) {
          // a part is `const X = forwardRef(function X …)`: the bundler renames the inner function X2
          const name = nameOf(fiber.type).replace(/(?<=[a-z])\d+$/, '');
          log.renders.set(name, (log.renders.get(name) ?? 0) + 1);
        }
        stack.push(fiber.sibling, fiber.child);
      }
      previous = seen;
    },
  };
  return log;
}

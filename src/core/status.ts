/** The states of a step-up, exposed on the root as `data-status`. */
export type StepUpStatus =
  | 'no-options'
  | 'choosing'
  | 'sending'
  | 'send-failed'
  | 'code-entry'
  | 'verifying'
  | 'verify-failed'
  | 'attempts-exhausted'
  | 'expired'
  | 'verified'
  | 'cancelled';

/**
 * The groups of statuses, defined once: the machine decides with them which events apply, and the
 * selectors and the parts what to show. A status added to the union is placed here and nowhere else.
 */
const GROUPS = {
  /** A call to the backend is in flight. */
  busy: 'sending verifying',
  /** A send of the chosen option may start: the channel choice, or Try again after a failed send. */
  sendable: 'choosing send-failed',
  /** The code field takes input, and a code may be submitted. */
  editable: 'code-entry verify-failed',
  /** The code is live: its countdown ticks and its attempts show. */
  pending: 'code-entry verify-failed verifying',
  /** The clock may end the code; not while it is checked, when the answer decides. */
  expirable: 'code-entry verify-failed attempts-exhausted',
  /** "Resend code" is offered (it may still be disabled when no sends are left). */
  resendable: 'code-entry verify-failed attempts-exhausted expired',
  /** The code in hand is spent (expired, or out of attempts): a new code is the way on. */
  spent: 'attempts-exhausted expired',
  /** A failed call that "Try again" may repeat. */
  failed: 'send-failed verify-failed',
  /** "Use another method" goes back to the channel choice. */
  changeable: 'sending send-failed code-entry verify-failed attempts-exhausted expired',
  /** The step-up has ended: nothing changes it any more. */
  final: 'verified cancelled',
} as const;

export type StatusGroup = keyof typeof GROUPS;

/** The statuses of a group, as a type: the table's words, one by one. */
type Words<S extends string> = S extends `${infer W} ${infer Rest}` ? W | Words<Rest> : S;
export type StatusIn<G extends StatusGroup> = Words<(typeof GROUPS)[G]> & StepUpStatus;
/** Every word of the table is a status: a typo there fails the type check here. */
type OnlyStatuses<T extends StepUpStatus> = T;
export type GroupedStatus = OnlyStatuses<Words<(typeof GROUPS)[StatusGroup]>>;

/** Whether the state's status belongs to `group` (see the table above); narrows the state's type. */
export function inGroup<S extends { status: StepUpStatus }, G extends StatusGroup>(
  state: S,
  group: G,
): state is Extract<S, { status: StatusIn<G> }> {
  return GROUPS[group].split(' ').includes(state.status);
}
